"""Forms for the door part: checklists, the evidence log and the save code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advisor.evidence import KINDS
from advisor.forms.base import DATE_FORMATS, SiteForm


class TicksForm(SiteForm):
    """Ticked item codes of a checklist (the template draws the boxes with their phrases)."""

    ticked = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ticked = self.fields["ticked"]
        assert isinstance(ticked, forms.ChoiceField)
        ticked.choices = [(code, code) for code in codes]
        self.fields["ticked"].error_messages["invalid_choice"] = _("请从清单里选择。")


class EvidenceEntryForm(SiteForm):
    kind = forms.ChoiceField(
        label=_("发生了什么？"),
        choices=list(KINDS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择发生了什么"), "invalid_choice": _("请选择发生了什么")},
    )
    date = forms.DateField(
        label=_("日期"),
        help_text=_("例如 2026-11-23"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d"),
        input_formats=DATE_FORMATS,
        error_messages={
            "required": _("请填写日期"),
            "invalid": _("请按“年-月-日”填写日期，例如 2026-11-23"),
        },
    )
    time = forms.TimeField(
        label=_("时间"),
        help_text=_("24小时制，例如 21:40"),
        widget=forms.TimeInput(attrs={"type": "time", "autocomplete": "off"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S", "%H.%M", "%H：%M"],
        error_messages={
            "required": _("请填写时间"),
            "invalid": _("请按“时:分”填写时间，例如 21:40"),
        },
    )
    who = forms.CharField(
        label=_("是谁？"),
        help_text=_("对方自称的姓名、公司、工号，或来电号码"),
        max_length=200,
        error_messages={
            "required": _("请写下对方是谁；不知道就写“不知道”"),
            "max_length": _("请写短一些（不超过200字）"),
        },
    )
    what = forms.CharField(
        label=_("对方说了什么、做了什么？"),
        help_text=_("尽量写原话，例如威胁、辱骂、要求转账的内容"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("请写下对方说了什么或做了什么"),
            "max_length": _("请写短一些（不超过3000字）"),
        },
    )
    attachments = forms.CharField(
        label=_("相关的录音、截图或照片（可选）"),
        help_text=_("每行写一个文件名，例如“录音_1123.m4a”。文件本身留在你的手机里，不会上传。"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("请写短一些（不超过2000字）")},
    )

    phrase = forms.ChoiceField(
        label=_("对方的话属于哪一种常见说法？（可选）"),
        help_text=_("只记下说法的种类，方便以后整理投诉。"),
        required=False,
        error_messages={"invalid_choice": _("请从列表里选择")},
    )

    def __init__(
        self, *args: Any, phrases: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        phrase = self.fields["phrase"]
        assert isinstance(phrase, forms.ChoiceField)
        phrase.choices = [("", _("不选")), *(phrases or [])]
        if not phrases:
            del self.fields["phrase"]
        if not self.is_bound:
            now = timezone.localtime()
            self.initial.setdefault("date", now.date())
            self.initial.setdefault("time", now.time().replace(second=0, microsecond=0))

    def clean_date(self) -> dt.date:
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("日期不能晚于今天"))
        if value.year < 2000:
            raise forms.ValidationError(_("请检查年份"))
        return value

    def clean_attachments(self) -> list[str]:
        names = [line.strip() for line in self.cleaned_data["attachments"].splitlines()]
        return [name[:200] for name in names if name][:30]

    @property
    def moment(self) -> dt.datetime:
        return dt.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
