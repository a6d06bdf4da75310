"""Views for this part of the site (to be built; see its issue)."""

from __future__ import annotations

urlpatterns: list = []
