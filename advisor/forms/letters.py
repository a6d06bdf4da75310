"""Letter forms. Nothing typed here is stored: the values are re-posted with every step.

``DetailsForm`` asks only for what the chosen letter's text uses (its placeholders), so
an editor who adds ``[通话日期]`` to a template gets the matching question for free.
``LetterTextForm`` holds the assembled text the borrower may edit before printing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from advisor.forms.base import SiteForm
from advisor.rules import letter

LANGUAGE_CHOICES = [("zh-hans", _("中文（贷款机构通常只处理中文信件）")), ("en", _("英文"))]


class LetterCharField(forms.CharField):
    """Text with control characters removed before validation (Word files cannot hold them)."""

    def to_python(self, value: Any) -> str:
        if isinstance(value, str):
            value = letter.clean_text(value, limit=letter.MAX_LETTER_CHARS + 1)
        return str(super().to_python(value) or "")


def typed_keys(template_texts: list[str]) -> list[str]:
    """Placeholders the borrower fills on the letter page, in the order the letter uses them."""
    keys: list[str] = []
    for text in template_texts:
        for key in letter.placeholders_in(text):
            if letter.BY_KEY[key].source != letter.AUTO and key not in keys:
                keys.append(key)
    # Personal details first: they head every letter.
    personal = [k for k in keys if letter.BY_KEY[k].source == letter.PERSONAL]
    return personal + [k for k in keys if k not in personal]


class DetailsForm(SiteForm):
    """The borrower's details and this letter's facts. Held only in the posted form."""

    language = forms.ChoiceField(
        label=_("信件用什么语言？"),
        choices=LANGUAGE_CHOICES,
        initial="zh-hans",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, keys: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = keys
        for key in keys:
            placeholder = letter.BY_KEY[key]
            if placeholder.choices:
                self.fields[key] = self._choice_field(placeholder)
                continue
            limit = letter.MAX_FIELD_CHARS if placeholder.long else 200
            attrs: dict[str, Any] = {"autocomplete": placeholder.autocomplete}
            if placeholder.long:
                widget: forms.Widget = forms.Textarea(attrs={**attrs, "rows": 5})
            else:
                widget = forms.TextInput(attrs=attrs)
            self.fields[key] = LetterCharField(
                label=gettext(placeholder.label or placeholder.zh),
                help_text=gettext(placeholder.hint) if placeholder.hint else "",
                required=bool(placeholder.required_message),
                max_length=limit,
                strip=True,
                widget=widget,
                error_messages={
                    "required": gettext(placeholder.required_message or "")
                    if placeholder.required_message
                    else "",
                    "max_length": _("这一项写得太长了，请删短一些"),
                },
            )
        self.fields["language"].error_messages["invalid_choice"] = _("请选择信件的语言")
        self.fields["language"].error_messages["required"] = _("请选择信件的语言")

    @staticmethod
    def _choice_field(placeholder: letter.Placeholder) -> forms.ChoiceField:
        """A placeholder the borrower picks (radio buttons); the letter gets its sentence."""
        message = (
            gettext(placeholder.required_message)
            if placeholder.required_message
            else gettext("请从列表里选一项")
        )
        return forms.ChoiceField(
            label=gettext(placeholder.label or placeholder.zh),
            help_text=gettext(placeholder.hint) if placeholder.hint else "",
            required=bool(placeholder.required_message),
            choices=[(c.value, gettext(c.label)) for c in placeholder.choices],
            widget=forms.RadioSelect,
            error_messages={"required": message, "invalid_choice": message},
        )

    def personal_keys(self) -> list[str]:
        return [k for k in self.keys if letter.BY_KEY[k].source == letter.PERSONAL]

    def other_keys(self) -> list[str]:
        return [k for k in self.keys if letter.BY_KEY[k].source != letter.PERSONAL]

    def values(self) -> dict[str, str]:
        """Placeholder values from the cleaned data (call after ``is_valid()``)."""
        data = {key: self.cleaned_data.get(key, "") or "" for key in self.keys}
        language = self.cleaned_data.get("language") or "zh-hans"
        for key in self.keys:
            if letter.BY_KEY[key].choices:
                data[key] = letter.BY_KEY[key].chosen(data[key], language)
        if data.get("id_number"):
            data["id_number"] = letter.mask_id(data["id_number"])
        return data


class LetterTextForm(SiteForm):
    """The letter as the borrower will send it, editable."""

    text = LetterCharField(
        label=_("信件内容（可以直接修改）"),
        help_text=_("改完后点“更新预览”。第一行是信的标题；空一行是分段。"),
        max_length=letter.MAX_LETTER_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "class": "letter-text"}),
        error_messages={
            "required": _("信件内容是空的，请写上内容，或点“返回修改信息”重新生成"),
            "max_length": _("信件太长了，请删短一些"),
        },
    )
    copies = forms.BooleanField(
        label=_("打印两份：一份寄出，一份自己留着"),
        required=False,
        initial=True,
    )

    def clean_text(self) -> str:
        text = letter.clean_text(self.cleaned_data["text"]).strip("\n")
        if not text.strip():
            raise forms.ValidationError(
                self.fields["text"].error_messages["required"], code="required"
            )
        return text
