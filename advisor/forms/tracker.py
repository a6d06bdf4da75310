"""Forms of the follow-through tracker: a lender to follow, and one step with its date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advisor.forms.base import DATE_FORMATS, AmountField, SiteForm
from advisor.rules.tracker import (
    MAX_AGREED_MONTHS,
    BadStepDate,
    How,
    Kind,
    Said,
    To,
    check_first_due,
    check_step_day,
)

OTHER = "other"

KIND_TITLES = {
    Kind.LETTER: _("我寄出了协商信"),
    Kind.COMPLAINT: _("我投诉了"),
    Kind.REPLY: _("我收到了答复"),
    Kind.AGREEMENT: _("我们达成了协议"),
    Kind.PAYMENT: _("我还了一笔"),
}
HOW_LABELS = {
    How.APP: _("App里的在线客服或留言"),
    How.EMS: _("EMS挂号信"),
    How.EMAIL: _("电子邮件"),
    How.PHONE: _("电话"),
}
TO_LABELS = {
    To.LENDER: _("贷款机构本身"),
    To.NFRA: _("12378（银行、信用卡、消费金融公司）"),
    To.LOCAL: _("省里的地方金融管理部门（小额贷款公司）"),
}
SAID_LABELS = {
    Said.AGREED: _("同意了我的方案"),
    Said.REFUSED: _("拒绝了我的方案"),
    Said.DOCUMENTS: _("要我补交材料"),
    Said.NONE: _("到期没有答复"),
}
DAY_ERRORS = {
    "future": _("日期不能晚于今天：还没发生的事请到那天再记"),
    "old": _("这个日期是三年多以前的，请检查年份"),
    "before_agreement": _("第一期还款日不能早于达成协议的日期"),
    "far": _("第一期还款日离达成协议超过一年了，请检查日期"),
}
DATE_INVALID = _("请按“年-月-日”填写日期，例如 2026-11-23")


def _date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text or _("例如 2026-11-23"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d"),
        input_formats=DATE_FORMATS,
        error_messages={"required": _("请填写日期"), "invalid": DATE_INVALID},
    )


def _radio(label: Any, labels: dict[Any, Any], required_message: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[(str(key), text) for key, text in labels.items()],
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


class LenderForm(SiteForm):
    lender = forms.ChoiceField(
        label=_("哪家贷款机构？"),
        error_messages={"required": _("请选择贷款机构"), "invalid_choice": _("请从列表里选择")},
    )
    name = forms.CharField(
        label=_("机构名称（列表里没有时填写）"),
        help_text=_("写借款合同上的放款机构名称，例如“某某小额贷款有限公司”"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("请写短一些（不超过100字）")},
    )
    small_loan = forms.BooleanField(
        label=_("这是小额贷款公司（包括网络小贷）"),
        help_text=_("小额贷款公司要向省里的地方金融管理部门投诉，不是12378。"),
        required=False,
    )

    def __init__(self, *args: Any, lenders: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices("lender", [("", _("请选择")), *lenders, (OTHER, _("列表里没有"))])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("lender") == OTHER and not (data.get("name") or "").strip():
            self.add_error("name", _("列表里没有时，请写下机构名称"))
        return data


class StepForm(SiteForm):
    """One step; ``kind`` decides which questions it asks."""

    day = _date_field(_("哪一天？"))
    how = _radio(_("怎么寄出的？"), HOW_LABELS, _("请选择怎么寄出的"))
    to = _radio(_("向谁投诉的？"), TO_LABELS, _("请选择向谁投诉的"))
    said = _radio(_("答复说了什么？"), SAID_LABELS, _("请选择答复说了什么"))
    reference = forms.CharField(
        label=_("单号或受理编号（可选）"),
        help_text=_("EMS挂号信的单号，或投诉的受理编号"),
        required=False,
        max_length=60,
        error_messages={"max_length": _("请写短一些（不超过60字）")},
    )
    months = forms.IntegerField(
        label=_("分几个月还？"),
        min_value=1,
        max_value=MAX_AGREED_MONTHS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": _("请填写分几个月还"),
            "invalid": _("请只填写数字，例如 24"),
            "min_value": _("月数至少是1"),
            "max_value": _("月数不能超过120，请检查"),
        },
    )
    monthly = AmountField(
        label=_("每月还多少（元）？"), allow_zero=False, empty_message=_("请填写每月还多少")
    )
    interest_stopped = _radio(
        _("停止计息了吗？"),
        {"yes": _("停止计息了"), "no": _("没有停止计息"), "unknown": _("不清楚")},
        _("请选择是否停止计息"),
    )
    first_due = _date_field(
        _("第一期哪天还？（可选）"),
        required=False,
        help_text=_("不填就按达成协议后一个月算"),
    )
    amount = AmountField(
        label=_("还了多少（元）？"), allow_zero=False, empty_message=_("请填写还了多少")
    )
    note = forms.CharField(
        label=_("备注（可选）"),
        help_text=_("例如对方的原话、客服工号。不要写身份证号。"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("请写短一些（不超过1000字）")},
    )

    FIELDS: dict[Kind, tuple[str, ...]] = {
        Kind.LETTER: ("day", "how", "reference", "note"),
        Kind.COMPLAINT: ("day", "to", "reference", "note"),
        Kind.REPLY: ("day", "said", "note"),
        Kind.AGREEMENT: ("day", "months", "monthly", "interest_stopped", "first_due", "note"),
        Kind.PAYMENT: ("day", "amount", "note"),
    }

    def __init__(self, *args: Any, kind: Kind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in list(self.fields):
            if name not in self.FIELDS[kind]:
                del self.fields[name]
        if not self.is_bound:
            self.initial.setdefault("day", timezone.localdate())

    def clean_day(self) -> dt.date:
        try:
            return check_step_day(self.cleaned_data["day"], today=timezone.localdate())
        except BadStepDate as problem:
            raise forms.ValidationError(DAY_ERRORS[str(problem)]) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, day = data.get("first_due"), data.get("day")
        if first is not None and day is not None:
            try:
                check_first_due(first, agreed=day)
            except BadStepDate as problem:
                self.add_error("first_due", DAY_ERRORS[str(problem)])
        return data
