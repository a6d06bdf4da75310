"""Forms of the guided check: one question each, with plain, kind error messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from advisor import content
from advisor.forms.base import DATE_FORMATS, AmountField, SiteForm
from advisor.models import LenderKind, today

MAX_DAYS = 36500  # about 100 years: anything longer is a typing mistake

KIND_LABELS: dict[str, Promise] = dict(LenderKind.choices)
KIND_HINTS: dict[str, Promise] = {
    "credit_card": _("银行发的信用卡，包括分期和取现"),
    "online_bank": _("银行在App或微信里放的贷款，例如微粒贷"),
    "consumer_finance": _("持牌消费金融公司的贷款，例如花呗、借呗"),
    "platform": _("在借款平台上借、实际由别的机构出钱的贷款"),
    "small_loan": _("名字里有“小额贷款”的公司"),
    "other": _("不知道属于哪一种也没关系"),
}
CONTACT_LABELS: dict[str, Promise] = {
    "cooperating": _("我在接电话，也在和对方协商"),
    "answering_cannot_pay": _("我在接电话，但暂时还不上"),
    "not_answering": _("我没有接他们的电话"),
    "unreachable": _("他们联系不上我（换了号码或搬了家）"),
}
SIGNAL_LABELS: dict[str, Promise] = {
    "visit_announced": _("短信或电话说要“上门”或“外访”"),
    "third_parties": _("他们联系了我的家人、朋友或单位"),
    "lawyer_letter": _("收到律师函"),
    "court_notice": _("收到法院或仲裁机构的文书（如传票、支付令）"),
    "none": _("以上都没有"),
}
SIGNALS = tuple(SIGNAL_LABELS)
ARRANGEMENT_LABELS: dict[str, Promise] = {
    "none": _("没有还款安排"),
    "kept": _("有还款安排，并且在按时还"),
    "broken": _("有过安排或答应过还款，但没能做到"),
}
VISIT_LABELS: dict[str, Promise] = {
    "none": _("没有，还没有人上过门"),
    "calm": _("有人来过，过程比较平和"),
    "trouble": _("有人来过，对方威胁、吵闹，或者给我或家人带来了麻烦"),
}
AGENCY_LABELS: dict[str, Promise] = {
    "yes": _("说过，已经交给外面的催收公司（委外或第三方催收机构）"),
    "no": _("没说过，还是这家机构自己在催"),
    "not_sure": _("不确定"),
}
REGION_LABELS: dict[str, Promise] = {
    "tier1": _("一线城市（北京、上海、广州、深圳）"),
    "tier2": _("省会或其他大城市"),
    "tier3": _("其他城市或县城"),
    "rural": _("乡镇或农村"),
    "": _("不确定或不想说"),
}
# Day ranges offered on the "how long overdue" page: code → (label, representative day).
# The edges match the stage and score bands, so any day inside a range gives the same result.
DAY_RANGES: dict[str, tuple[Promise, int]] = {
    "1-30": (_("1到30天"), 1),
    "31-60": (_("31到60天"), 31),
    "61-90": (_("61到90天（约3个月）"), 61),
    "91-180": (_("91到180天（3到6个月）"), 91),
    "181-365": (_("181到365天（半年到一年）"), 181),
    "366+": (_("一年以上"), 366),
}


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


class StepForm(SiteForm):
    """One question of the guided check. By default its fields are its answer keys."""

    @classmethod
    def initial_from(cls, debt: Mapping[str, Any]) -> dict[str, Any]:
        """The form's initial values from the saved answers."""
        return {name: debt[name] for name in cls.base_fields if name in debt}

    def answers(self) -> dict[str, Any]:
        """What a valid form adds to the debt's answers (JSON-safe)."""
        return {name: self.cleaned_data[name] for name in self.fields}


class KindForm(StepForm):
    heading_field = "kind"
    kind = radio_question(
        _("这笔欠款是哪一类？"),
        _("选最接近的一项，不确定就选“其他／不确定”"),
        _("请选择欠款的类型，不确定就选“其他／不确定”"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices(
            "kind",
            [(code, _hinted(label, KIND_HINTS[code])) for code, label in KIND_LABELS.items()],
        )


# "Other" on the lender question, for kinds whose list is short or empty.
OTHER_LENDER: dict[str, Promise] = {
    "small_loan": _("其他小额贷款公司（把名称写在下面）"),
}


class LenderForm(StepForm):
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
        # Only lenders of this kind: a small-loan debt is never offered a bank card or WeBank.
        shown = every if kind == "other" else [item for item in every if item.kind == kind]
        self.set_choices(
            "lender",
            [(item.slug, item.t("name")) for item in shown]
            + [("other", OTHER_LENDER.get(kind, _("其他，或者列表里没有")))],
        )
        if not shown:  # nothing listed for this kind: the one answer is "other", with its name
            self.fields["lender"].initial = "other"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("lender") != "other":
            cleaned["lender_other"] = ""
        return cleaned


class AmountForm(StepForm):
    heading_field = "amount"
    amount = AmountField(
        label=_("这笔欠款逾期的金额一共多少？"),
        help_text=_("单位是元。看账单或App上的应还总额，写大概的数字也可以，例如 3000 或 1.5万"),
        max_length=40,
        allow_zero=False,
        empty_message=_("请输入逾期欠款的金额"),
    )

    def answers(self) -> dict[str, Any]:
        return {"amount": str(self.cleaned_data["amount"])}


class OverdueForm(StepForm):
    heading_field = "days_range"
    days_range = forms.ChoiceField(
        label=_("这笔欠款逾期多久了？"),
        help_text=_("从第一次没按时还款的那天算起。选一个大概的范围，或者在下面写准确的天数或日期"),
        widget=forms.RadioSelect,
        required=False,
        choices=[(code, label) for code, (label, _day) in DAY_RANGES.items()],
        error_messages={"invalid_choice": _("请选择逾期了多久")},
    )
    days = forms.IntegerField(
        label=_("逾期天数"),
        help_text=_("只写数字，例如 45"),
        required=False,
        min_value=0,
        max_value=MAX_DAYS,
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
        if (today() - value).days > MAX_DAYS:
            raise forms.ValidationError(_("这个日期太早了，请检查年份"))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        if (
            cleaned.get("first_missed") is None
            and cleaned.get("days") is None
            and not cleaned.get("days_range")
        ):
            self.add_error("days_range", _("请选择逾期了多久，或者写下天数或日期"))
        return cleaned

    @classmethod
    def initial_from(cls, debt: Mapping[str, Any]) -> dict[str, Any]:
        if "days_overdue" not in debt:
            return {}
        if debt.get("first_missed"):
            return {"first_missed": debt["first_missed"]}
        if debt.get("days_range"):
            return {"days_range": debt["days_range"]}
        return {"days": debt["days_overdue"]}

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
            "days_overdue": DAY_RANGES[code][1],
            "days_range": code,
            "first_missed": "",
        }


class ContactForm(StepForm):
    heading_field = "contact"
    contact = radio_question(
        _("现在你和催收的人联系得怎么样？"),
        _("选最接近的一项"),
        _("请选择最接近你情况的一项"),
        list(CONTACT_LABELS.items()),
    )


class SignalsForm(StepForm):
    heading_field = "signals"
    signals = forms.MultipleChoiceField(
        label=_("最近有没有收到下面这些？"),
        help_text=_("可以多选。只选你真的收到过的"),
        widget=forms.CheckboxSelectMultiple,
        choices=list(SIGNAL_LABELS.items()),
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


class VisitedForm(StepForm):
    heading_field = "visit_history"
    visit_history = radio_question(
        _("有没有人为这笔欠款上门找过你？"),
        _("包括到你家、单位或老家。选最接近的一项"),
        _("请选择一项"),
        list(VISIT_LABELS.items()),
    )


class AgencyForm(StepForm):
    heading_field = "agency"
    agency = radio_question(
        _("机构有没有说过，这笔欠款已经交给外面的催收公司？"),
        _("例如短信、App消息或电话里说“已委托第三方机构催收”。记不清就选“不确定”"),
        _("请选择一项；记不清就选“不确定”"),
        list(AGENCY_LABELS.items()),
    )


class ArrangementForm(StepForm):
    heading_field = "arrangement"
    arrangement = radio_question(
        _("你和这家机构有还款安排吗？"),
        _("例如签过的分期协议，或者电话里答应的还款日期"),
        _("请选择一项"),
        list(ARRANGEMENT_LABELS.items()),
    )


class RegionForm(StepForm):
    heading_field = "region"
    region = radio_question(
        _("你住在哪一类地方？（可以不答）"),
        _("只用来粗略调整评估。我们不问、也不保存你的地址"),
        _("请选择一项；不想回答就选“不确定或不想说”"),
        [(code or "unknown", label) for code, label in REGION_LABELS.items()],
    )

    @classmethod
    def initial_from(cls, debt: Mapping[str, Any]) -> dict[str, Any]:
        return {"region": debt["region"] or "unknown"} if "region" in debt else {}

    def clean_region(self) -> str:
        value = self.cleaned_data["region"]
        return "" if value == "unknown" else value
