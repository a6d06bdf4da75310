"""Forms of the guided check: one question each, with plain, kind error messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from advisor import check_answers, content, vault
from advisor.forms.base import AmountInput, SiteForm
from advisor.models import today
from advisor.money import AmountError, parse_amount

AMOUNT_MESSAGES = {
    "empty": _("请输入逾期欠款的金额"),
    "invalid": _("请只输入数字，例如 3000 或 3,000.50"),
    "zero": _("金额要大于0"),
    "negative": _("金额不能是负数"),
    "too_large": _("这个金额太大了，请检查是不是多输了几个0"),
    "too_precise": _("金额最多写到分，也就是小数点后两位"),
}
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]


def radio_question(
    label: Any, help_text: Any, message: Any, choices: list[tuple[str, Any]] | None = None
) -> forms.ChoiceField:
    """A required one-of-several question; a missing or unknown answer gets one message."""
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        widget=forms.RadioSelect,
        choices=choices or [],
        error_messages={"required": message, "invalid_choice": message},
    )


def _hinted(label: Any, hint: Any) -> str:
    return format_html('{}<span class="choice-hint">{}</span>', label, hint)


class KindForm(SiteForm):
    heading_field = "kind"
    kind = radio_question(
        _("这笔欠款是哪一类？"),
        _("选最接近的一项，不确定就选“其他／不确定”"),
        _("请选择欠款的类型，不确定就选“其他／不确定”"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (code, _hinted(label, check_answers.KIND_HINTS[code]))
            for code, label in check_answers.KIND_LABELS.items()
        ]


class LenderForm(SiteForm):
    heading_field = "lender"
    lender = radio_question(
        _("是哪家机构的欠款？"),
        _("看App名称、账单或借款合同。列表里没有就选“其他”"),
        _("请选择放款机构，列表里没有就选“其他”"),
    )
    lender_other = forms.CharField(
        label=_("如果选了“其他”，可以写下机构或App的名称（可不填）"),
        help_text=_("只用来在结果页上区分几笔欠款，不会发给任何人"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("名称最多100个字")},
    )

    def __init__(self, *args: Any, kind: str = "other", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = content.lenders()
        matching = [item for item in every if item.kind == kind] if kind != "other" else []
        shown = matching or every
        self.fields["lender"].choices = [(item.slug, item.t("name")) for item in shown] + [
            ("other", _("其他，或者列表里没有"))
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("lender") != "other":
            cleaned["lender_other"] = ""
        return cleaned


class AmountForm(SiteForm):
    heading_field = "amount"
    amount = forms.CharField(
        label=_("这笔欠款逾期的金额一共多少？"),
        help_text=_("单位是元。看账单或App上的应还总额，写大概的数字也可以，例如 3000 或 1.5万"),
        required=False,  # "empty" gets its own message from parse_amount
        max_length=40,
        widget=AmountInput(),
    )

    def clean_amount(self) -> Decimal:
        try:
            return parse_amount(self.cleaned_data.get("amount", ""))
        except AmountError as error:
            raise forms.ValidationError(AMOUNT_MESSAGES[error.code], code=error.code) from None


class OverdueForm(SiteForm):
    heading_field = "days_range"
    days_range = forms.ChoiceField(
        label=_("这笔欠款逾期多久了？"),
        help_text=_("从第一次没按时还款的那天算起。选一个大概的范围，或者在下面写准确的天数或日期"),
        widget=forms.RadioSelect,
        required=False,
        choices=[(code, label) for code, (label, _day) in check_answers.DAY_RANGES.items()],
        error_messages={"invalid_choice": _("请选择逾期了多久")},
    )
    days = forms.IntegerField(
        label=_("逾期天数"),
        help_text=_("只写数字，例如 45"),
        required=False,
        min_value=0,
        max_value=check_answers.MAX_DAYS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input-short"}),
        error_messages={
            "invalid": _("天数只写数字，例如 45"),
            "min_value": _("天数不能是负数"),
            "max_value": _("天数太大了，请检查一下"),
        },
    )
    first_missed = forms.DateField(
        label=_("第一次没按时还款的日期"),
        help_text=_("例如 2026-08-01"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("请按 2026-08-01 这样的格式写日期")},
    )

    def clean_first_missed(self) -> dt.date | None:
        value = self.cleaned_data.get("first_missed")
        if value is None:
            return None
        if value > today():
            raise forms.ValidationError(_("这个日期还没到，请写已经过去的日期"))
        if (today() - value).days > check_answers.MAX_DAYS:
            raise forms.ValidationError(_("这个日期太早了，请检查年份"))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if (
            cleaned.get("first_missed") is None
            and cleaned.get("days") is None
            and not cleaned.get("days_range")
        ):
            self.add_error("days_range", _("请选择逾期了多久，或者写下天数或日期"))
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The session answers: the most precise of date, days or range."""
        data = self.cleaned_data
        if data.get("first_missed") is not None:
            missed = data["first_missed"]
            return {
                "days_overdue": (today() - missed).days,
                "days_range": "",
                "first_missed": missed.isoformat(),
            }
        if data.get("days") is not None:
            return {"days_overdue": data["days"], "days_range": "", "first_missed": ""}
        code = data["days_range"]
        return {
            "days_overdue": check_answers.DAY_RANGES[code][1],
            "days_range": code,
            "first_missed": "",
        }


class ContactForm(SiteForm):
    heading_field = "contact"
    contact = radio_question(
        _("现在你和催收的人联系得怎么样？"),
        _("选最接近的一项"),
        _("请选择最接近你情况的一项"),
        list(check_answers.CONTACT_LABELS.items()),
    )


class SignalsForm(SiteForm):
    heading_field = "signals"
    signals = forms.MultipleChoiceField(
        label=_("最近有没有收到下面这些？"),
        help_text=_("可以多选。只选你真的收到过的"),
        widget=forms.CheckboxSelectMultiple,
        choices=list(check_answers.SIGNAL_LABELS.items()),
        error_messages={
            "required": _("请至少选一项；如果都没有，选“以上都没有”"),
            "invalid_choice": _("请从列表里选择"),
        },
    )

    def clean_signals(self) -> list[str]:
        chosen = self.cleaned_data["signals"]
        if "none" in chosen and len(chosen) > 1:
            raise forms.ValidationError(_("“以上都没有”不能和其他选项一起选"))
        return chosen


class ArrangementForm(SiteForm):
    heading_field = "arrangement"
    arrangement = radio_question(
        _("你和这家机构有还款安排吗？"),
        _("例如签过的分期协议，或者电话里答应的还款日期"),
        _("请选择一项"),
        list(check_answers.ARRANGEMENT_LABELS.items()),
    )


class RegionForm(SiteForm):
    heading_field = "region"
    region = radio_question(
        _("你住在哪一类地方？（可以不答）"),
        _("只用来粗略调整评估。我们不问、也不保存你的地址"),
        _("请选择一项；不想回答就选“不确定或不想说”"),
        [(code or "unknown", label) for code, label in check_answers.REGION_LABELS.items()],
    )

    def clean_region(self) -> str:
        value = self.cleaned_data["region"]
        return "" if value == "unknown" else value


class ResumeForm(SiteForm):
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
        typed = self.cleaned_data["code"]
        try:
            normalised = vault.normalise_code(typed)
        except vault.BadCode:
            raise forms.ValidationError(_("保存码是16个字母和数字，请检查一下")) from None
        return vault.format_code(normalised)


STEP_FORMS: dict[str, type[SiteForm]] = {
    "kind": KindForm,
    "lender": LenderForm,
    "amount": AmountForm,
    "overdue": OverdueForm,
    "contact": ContactForm,
    "signals": SignalsForm,
    "arrangement": ArrangementForm,
    "region": RegionForm,
}


def initial_for(slug: str, debt: dict[str, Any]) -> dict[str, Any]:
    """A step's form initial values from the saved answers."""
    if slug == "amount" and "amount" in debt:
        return {"amount": debt["amount"]}
    if slug == "overdue" and "days_overdue" in debt:
        if debt.get("first_missed"):
            return {"first_missed": debt["first_missed"]}
        if debt.get("days_range"):
            return {"days_range": debt["days_range"]}
        return {"days": debt["days_overdue"]}
    if slug == "region" and "region" in debt:
        return {"region": debt["region"] or "unknown"}
    if slug == "lender":
        return {k: debt[k] for k in ("lender", "lender_other") if k in debt}
    return {slug: debt[slug]} if slug in debt else {}


def answers_from(slug: str, form: SiteForm) -> dict[str, Any]:
    """What a valid form adds to the debt's answers (JSON-safe)."""
    data = form.cleaned_data
    if isinstance(form, OverdueForm):
        return form.answers()
    if slug == "amount":
        return {"amount": str(data["amount"])}
    if slug == "lender":
        return {"lender": data["lender"], "lender_other": data.get("lender_other", "")}
    return {slug: data[slug]}
