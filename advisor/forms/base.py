"""The base of every form: accessible markup wiring and GOV.UK-style messages.

- Field markup is drawn once by templates/django/forms/field.html.
- Each input's ``aria-describedby`` points at its hint and its error message, and an
  invalid input gets ``aria-invalid="true"``.
- ``heading_field`` names the field whose label or legend is the page's ``<h1>``
  (question pages ask one thing, and the question is the heading).
- No browser validation popups: forms render with ``novalidate`` and never use
  ``type="number"`` (amounts use ``inputmode="decimal"``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from advisor.rules.money import AmountError, parse_amount

# Dates typed by hand: the forms' one list of accepted formats.
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]


class SiteBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        grouped = getattr(widget, "input_type", "") == "radio" or getattr(
            widget, "allow_multiple_selected", False
        )
        if grouped:
            # The fieldset carries the description for radio and checkbox groups.
            attrs.pop("aria-describedby", None)
            return attrs
        ids = []
        if self.help_text:
            ids.append(f"{self.auto_id}-hint")
        if self.errors:
            ids.append(f"{self.auto_id}-error")
            attrs["aria-invalid"] = "true"
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
        else:
            attrs.pop("aria-describedby", None)
        return attrs


class SiteForm(forms.Form):
    bound_field_class = SiteBoundField
    heading_field: ClassVar[str | None] = None
    template_name_div = "includes/form_fields.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.TextInput | forms.Textarea):
                field.widget.attrs.setdefault("spellcheck", "false")

    def set_choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        """Choices known only when the form is made (content, the borrower's answers)."""
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField), name
        field.choices = choices


class AmountInput(forms.TextInput):
    """Amounts: a text box with the numeric keypad on phones, never ``type="number"``."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {
                "inputmode": "decimal",
                "autocomplete": "off",
                "class": "input-amount",
                **(attrs or {}),
            }
        )


# The one wording of each amount mistake, for every amount box on the site (check and plan).
AMOUNT_ERRORS = {
    "invalid": _("请只填写数字，例如 3000 或 3000.50"),
    "ambiguous": _(
        "这个数可以读成两种意思。请不加逗号重新填写，例如 1234 或 12.34；带“万”的请写全，例如 1万2500"
    ),
    "negative": _("金额不能是负数"),
    "too_large": _("金额不能超过 1 亿元，请检查是不是多打了 0"),
    "too_precise": _("金额最多精确到分（小数点后两位）"),
    "zero": _("金额要大于 0"),
    "empty": _("请填写金额"),
}


class AmountField(forms.CharField):
    """Yuan typed any reasonable way ("3,000", "３０００元", "1.5万", "一万二"), as a Decimal."""

    def __init__(
        self,
        *,
        allow_zero: bool = True,
        empty_message: Any = None,
        zero_message: Any = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", AmountInput())
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.allow_zero = allow_zero
        self.messages = dict(AMOUNT_ERRORS)
        if empty_message:
            self.messages["empty"] = empty_message
        if zero_message:
            self.messages["zero"] = zero_message
        self.error_messages["required"] = self.messages["empty"]
        self.error_messages["max_length"] = self.messages["invalid"]

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_amount(text, allow_zero=self.allow_zero)
        except AmountError as error:
            raise forms.ValidationError(self.messages[error.code], code=error.code) from None
