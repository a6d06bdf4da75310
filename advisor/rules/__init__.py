"""Pure domain rules: money, plans, estimates, deadlines, letters. No Django here (tests/test_architecture.py)."""
