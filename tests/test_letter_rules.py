"""Letter rules (advisor.rules.letter.LETTER_RULES) sit beside the templates and name real letters."""

from __future__ import annotations

from advisor import content as site_content
from advisor.rules import letter


def test_every_rule_names_a_known_group_and_letters_that_have_rules() -> None:
    slugs = {rule.slug for rule in letter.LETTER_RULES}
    assert len(slugs) == len(letter.LETTER_RULES)
    for rule in letter.LETTER_RULES:
        assert rule.group in letter.GROUP_TITLES, rule.slug
        assert rule.debts in (
            letter.ANY_DEBT,
            letter.CARDS,
            letter.NOT_CARDS,
            letter.NOT_SMALL_LOANS,
            letter.NO_DEBT,
        )
        assert set(rule.alternatives) <= slugs - {rule.slug}, rule.slug


def test_card_letters_suit_cards_and_loan_letters_suit_loans() -> None:
    card, loan = letter.letter_rule("card-instalment"), letter.letter_rule("loan-negotiation")
    assert card.suits("credit_card") and not card.suits("online_bank")
    assert loan.suits("online_bank") and not loan.suits("credit_card")
    unknown = letter.letter_rule("a-letter-an-editor-just-added")
    assert unknown.group == "" and unknown.suits("credit_card") and unknown.suits("other")


def test_every_seeded_letter_is_placed_by_a_rule(content) -> None:
    seeded = {template.slug for template in site_content.letter_templates()}
    assert seeded
    assert seeded == {rule.slug for rule in letter.LETTER_RULES}
