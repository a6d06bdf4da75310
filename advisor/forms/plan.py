"""Forms of the repayment plan: the budget, one debt, and the plan's controls."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from advisor import content
from advisor.forms.base import AmountField, SiteForm
from advisor.models import LenderKind
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES

OTHER = "other"


class PercentField(forms.CharField):
    """An annual rate typed as a percent ("18", "18%", "１８％"), returned as a percent Decimal."""

    def __init__(self, *, maximum: int = 99, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.TextInput({"inputmode": "decimal", "class": "input-short"})
        )
        # Not CharField's max_length: its validator %-formats the message, which ends in "%".
        self.longest = kwargs.pop("max_length", 12)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(self.longest))
        self.maximum = maximum

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        if len(text) > self.longest:
            raise forms.ValidationError(_("请填写一个百分数，例如 18 表示 18%"), code="max_length")
        cleaned = unicodedata.normalize("NFKC", text).replace("%", "").replace("年化", "").strip()
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise forms.ValidationError(
                _("请填写一个百分数，例如 18 表示 18%"), code="invalid"
            ) from None
        if not number.is_finite() or number < 0 or number > self.maximum:
            raise forms.ValidationError(
                _("请填写 0 到 %(maximum)s 之间的数字") % {"maximum": self.maximum},
                code="range",
            )
        return number.quantize(Decimal("0.01"))


class MonthsField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.TextInput({"inputmode": "numeric", "class": "input-short"})
        )
        # Checked in clean(), as PercentField does, so the message is never %-formatted.
        self.longest = kwargs.pop("max_length", 6)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(self.longest))

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        if len(text) > self.longest:
            raise forms.ValidationError(_("请填写 1 到 600 之间的整数"), code="max_length")
        cleaned = unicodedata.normalize("NFKC", text).replace("个月", "").replace("期", "").strip()
        if not cleaned.isdigit() or not 1 <= int(cleaned) <= 600:
            raise forms.ValidationError(_("请填写 1 到 600 之间的整数"), code="range")
        return int(cleaned)


def _amount(label: Any, hint: Any = "") -> AmountField:
    return AmountField(label=label, help_text=hint, required=False)


PAY_DAYS = [(str(day), str(day)) for day in range(1, 32)]


class BudgetForm(SiteForm):
    """A month's income and essential spending (收支), like the UK Standard Financial Statement."""

    salary = _amount(_("工资（到手）"))
    business = _amount(_("经营或打零工收入"))
    benefits = _amount(_("低保、补贴、养老金"))
    family = _amount(_("家人给的钱"))
    other_income = _amount(_("其他收入"))
    housing = _amount(_("房租或房贷"))
    food = _amount(_("吃饭和日用品"))
    transport = _amount(_("交通"))
    utilities = _amount(_("水电燃气、话费、网费"))
    medical = _amount(_("看病吃药"))
    dependants = _amount(_("孩子或老人"), _("学费、生活费、赡养费"))
    other_essentials = _amount(_("其他必需开支"))
    commitments = _amount(_("其他固定支出"), _("网贷和信用卡以外、每月必须按时交的钱，例如保险。"))
    reserve = AmountField(
        label=_("每个月想留多少钱应急？"),
        help_text=_(
            "生病、修东西等意外开支。我们先填了一个建议的数，可以改成你觉得合适的；"
            "真的一分都留不出，就填 0。"
        ),
        empty_message=_("请填每月想留多少钱应急；一分都留不出就填 0"),
    )
    lump_sum = _amount(
        _("现在能一次拿出的钱（可不填）"),
        _("用来判断一次性结清的提议是否可行。"),
    )
    pay_day = forms.TypedChoiceField(
        label=_("每月几号还款方便？"),
        help_text=_("建议选发工资后的日子。选 29、30、31 号时，小月按月底算。"),
        choices=PAY_DAYS,
        coerce=int,
        initial="15",
        error_messages={"required": _("请选择每月几号还款")},
    )

    income_fields = INCOME_SOURCES
    essential_fields = ESSENTIALS
    other_fields = ("commitments", "reserve", "lump_sum", "pay_day")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pay_day"].error_messages["invalid_choice"] = _("请选择 1 到 31 号中的一天")

    def group(self, names: tuple[str, ...]) -> list[forms.BoundField]:
        return [self[name] for name in names]

    def income_group(self) -> list[forms.BoundField]:
        return self.group(self.income_fields)

    def essential_group(self) -> list[forms.BoundField]:
        return self.group(self.essential_fields)

    def other_group(self) -> list[forms.BoundField]:
        return self.group(self.other_fields)


def lender_choices() -> list[tuple[str, str]]:
    choices: list[tuple[str, str]] = [("", str(_("请选择")))]
    choices += [(lender.slug, lender.t("name")) for lender in content.lenders()]
    choices.append((OTHER, str(_("其他（自己填写名称）"))))
    return choices


class DebtForm(SiteForm):
    heading_field = "lender"

    lender = forms.ChoiceField(
        label=_("欠哪家的钱？"),
        error_messages={
            "required": _("请选择借款机构"),
            "invalid_choice": _("请从列表里选择借款机构"),
        },
    )
    lender_name = forms.CharField(
        label=_("机构名称"),
        help_text=_("只写机构名称，例如“某某消费金融”。不要写你的姓名、卡号或合同号。"),
        required=False,
        max_length=40,
        error_messages={"max_length": _("名称最多 40 个字")},
    )
    kind = forms.ChoiceField(
        label=_("这是哪一类借款？"),
        help_text=_("选了列表里的机构时可以不填。"),
        choices=LenderKind.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("请选择借款类型")},
    )
    principal = AmountField(
        label=_("还欠的本金"),
        help_text=_("账单或App里显示的待还本金。不清楚就填总欠款。"),
        allow_zero=False,
        empty_message=_("请填写还欠的本金"),
        zero_message=_("本金要大于 0；已经还清的欠款不用加进计划"),
    )
    charges = AmountField(
        label=_("到现在为止的利息、罚息和费用（知道才填）"),
        required=False,
    )
    rate = PercentField(
        label=_("现在的年利率（知道才填，百分数）"),
        help_text=_("合同或App里写的年化利率，例如 18 表示 18%。不知道就留空。"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices("lender", lender_choices())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        slug = data.get("lender")
        if slug == OTHER:
            if not (data.get("lender_name") or "").strip():
                self.add_error("lender_name", _("请填写机构名称"))
            if not data.get("kind"):
                self.add_error("kind", _("请选择借款类型"))
        return data


STRATEGY_CHOICES = [
    ("pro_rata", _("按欠款比例分（默认）")),
    ("avalanche", _("先还利率最高的")),
    ("urgent", _("先还最紧急的（按上门评估的等级）")),
]


class PlanControlsForm(SiteForm):
    """The numbers the borrower can change on the plan page. Change one, the rest follow."""

    monthly = AmountField(label=_("每月还多少"), required=False, allow_zero=False)
    months = MonthsField(label=_("分几个月还完"), required=False)
    strategy = forms.ChoiceField(
        label=_("几家机构之间怎么分"),
        help_text=_(
            "后两种会让一些机构先拿到钱、另一些暂时拿不到，它们可能继续催收。"
            "没做上门评估的欠款，“最紧急”按利率排。"
        ),
        choices=STRATEGY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择分配方式"), "invalid_choice": _("请选择分配方式")},
    )
    plan_rate = PercentField(
        label=_("计划期间的年利率（假设）"),
        help_text=_("如果机构同意停止计息，就是 0。不确定就按 0 看，再试一个数比较。"),
        required=False,
    )
    assumed_rate = PercentField(
        label=_("“什么都不变”时的增长率（假设，年化%）"),
        help_text=_("只用来估算欠款会涨多少，不是法定利率。知道合同利率的欠款按合同利率算。"),
        required=False,
        maximum=99,
    )
    settlement_percent = PercentField(
        label=_("一次性结清：提议还总欠款的百分之几"),
        help_text=_(
            "这只是一个假设，没有依据说机构会接受这个比例；机构可能同意，也可能拒绝。"
            "不要为了凑钱去借新的贷款。"
        ),
        required=False,
        maximum=100,
    )
    monthly_was = forms.CharField(widget=forms.HiddenInput, required=False)
    months_was = forms.CharField(widget=forms.HiddenInput, required=False)
