"""The "was this page clear?" and "what happened later?" forms: fixed choices, no free text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from advisor.feedback import OUTCOME_QUESTIONS, VISIT_HAPPENED
from advisor.forms.base import SiteForm
from advisor.models import ClearAnswer, UnclearReason

TICKET_LONGEST = 300


def _ticket() -> forms.CharField:
    return forms.CharField(widget=forms.HiddenInput, max_length=TICKET_LONGEST)


class ClearForm(SiteForm):
    ticket = _ticket()
    clear = forms.ChoiceField(
        label=_("这一页清楚吗？"),
        choices=ClearAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选“清楚”或“不太清楚”"),
            "invalid_choice": _("请选“清楚”或“不太清楚”"),
        },
    )
    reason = forms.ChoiceField(
        label=_("如果不清楚，主要是因为（可以不选）"),
        choices=UnclearReason.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("请从列表里选一个原因，或者不选")},
    )

    def counted_reason(self) -> str:
        """The reason, kept only with a "no"."""
        if self.cleaned_data["clear"] != ClearAnswer.NO:
            return ""
        return str(self.cleaned_data.get("reason") or "")


class OutcomeForm(SiteForm):
    ticket = _ticket()

    def __init__(self, *args: Any, debts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if len(debts) > 1:
            self.fields["debt"] = forms.ChoiceField(
                label=_("说的是哪一笔欠款？"),
                choices=debts,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("请选是哪一笔欠款"),
                    "invalid_choice": _("请选是哪一笔欠款"),
                },
            )
        for name, (label, choices) in OUTCOME_QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": _("请从列表里选一项，或者不选")},
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not self.answers():
            raise forms.ValidationError(_("请至少回答一个问题"))
        return cleaned

    def answers(self) -> list[tuple[str, str]]:
        """(question, answer) for each question answered; "how" only with a visit."""
        given = {
            name: str(self.cleaned_data.get(name) or "")
            for name in OUTCOME_QUESTIONS
            if self.cleaned_data.get(name)
        }
        question, happened = VISIT_HAPPENED
        if given.get(question) != happened:
            given.pop("visit_how", None)
        return list(given.items())
