"""The one save-code form, used wherever a borrower opens what they saved (check, evidence)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from advisor import vault
from advisor.forms.base import SiteForm


class SaveCodeForm(SiteForm):
    heading_field = "code"
    code = forms.CharField(
        label=_("输入你的保存码"),
        help_text=_("16个字母和数字，例如 K7QM-3WXP-RT9C-HD4F。大小写、空格和横线都没关系"),
        max_length=40,
        error_messages={
            "required": _("请输入保存码"),
            "max_length": _("保存码是16个字母和数字，请检查一下"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "class": "input-code"}
        ),
    )

    def clean_code(self) -> str:
        """The code in its printed form; no key derivation here (that is rate-limited)."""
        try:
            normalised = vault.normalise_code(self.cleaned_data["code"])
        except vault.BadCode:
            raise forms.ValidationError(_("保存码是16个字母和数字，请检查一下")) from None
        return vault.format_code(normalised)
