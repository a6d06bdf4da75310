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

from typing import Any, ClassVar

from django import forms


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
