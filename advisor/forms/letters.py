"""Letter forms. Nothing typed here is stored: the values are re-posted with every step.

``DetailsForm`` asks only for what the chosen letter's text uses (its placeholders), so
an editor who adds ``[通话日期]`` to a template gets the matching question for free.
``LetterTextForm`` holds the assembled text the borrower may edit before printing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from advisor import letter
from advisor.forms.base import SiteForm

LANGUAGE_CHOICES = [("zh-hans", _("中文（贷款机构通常只处理中文信件）")), ("en", _("英文"))]

LABELS: dict[str, Any] = {
    "name": _("你的姓名"),
    "id_number": _("身份证号"),
    "phone": _("你的手机号"),
    "address": _("通信地址"),
    "contract": _("合同编号或卡号后四位"),
    "lender": _("贷款机构名称"),
    "amount": _("欠款金额"),
    "days_overdue": _("逾期天数"),
    "monthly": _("每月还款额"),
    "months": _("分几期（月数）"),
    "first_date": _("第一次还款日期"),
    "income": _("每月收入"),
    "spending": _("每月必要支出"),
    "schedule": _("还款计划表"),
    "hardship": _("为什么还不上？"),
    "call_date": _("通话日期"),
    "call_time": _("通话时间"),
    "agent": _("对方姓名或工号"),
    "terms": _("电话里谈好了什么？"),
    "incidents": _("催收人员做了什么？"),
    "settled_on": _("还清的日期"),
    "dispute": _("哪一条记录不对？为什么不对？"),
}

HINTS: dict[str, Any] = {
    "name": _("只用于这封信。网站不会保存你的姓名。"),
    "id_number": _("可以留空。填完整的号码时，网站会自动只保留前4位和后4位。"),
    "phone": _("可以留空，打印后手写。"),
    "address": _("可以留空。需要对方邮寄回复时再填。"),
    "contract": _("在借款合同、App的借款记录或账单上可以找到。可以留空。"),
    "lender": _("写全称，例如“招商银行信用卡中心”。"),
    "amount": _("来自你的评估，可以修改。以对方账单为准。"),
    "days_overdue": _("来自你的评估，可以修改。"),
    "monthly": _("来自你的还款计划，可以修改。"),
    "months": _("信用卡最长60个月，银行可以同意，但不是必须同意。"),
    "first_date": _("例如：2026年12月15日"),
    "income": _("例如：每月约3000元，工资已停发"),
    "spending": _("房租、吃饭、看病、孩子上学等"),
    "schedule": _("来自你的还款计划。不需要时可以清空。"),
    "hardship": _(
        "用几句话写清楚发生了什么、从什么时候开始，例如“2026年3月公司裁员，我失业至今”。"
    ),
    "call_date": _("例如：2026年11月20日"),
    "call_time": _("例如：下午3点10分"),
    "agent": _("通话时对方报的姓名或工号"),
    "terms": _("一行写一项：每月还多少、几号还、分几期、罚息怎么处理。"),
    "incidents": _("一行写一次：时间、方式（电话、短信、上门）、对方说了什么或做了什么。"),
    "settled_on": _("例如：2026年11月1日"),
    "dispute": _("写明是哪家机构、哪一条记录、错在哪里。"),
}

AUTOCOMPLETE = {"name": "name", "phone": "tel", "address": "street-address"}
REQUIRED_MESSAGES: dict[str, Any] = {
    "name": _("请填写你的姓名，信上需要写明是谁寄出的"),
}


class LetterCharField(forms.CharField):
    """Text with control characters removed before validation (Word files cannot hold them)."""

    def to_python(self, value: Any) -> str:
        if isinstance(value, str):
            value = letter.clean_text(value, limit=letter.MAX_LETTER_CHARS + 1)
        return super().to_python(value)


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
            limit = letter.MAX_FIELD_CHARS if placeholder.long else 200
            attrs: dict[str, Any] = {"autocomplete": AUTOCOMPLETE.get(key, "off")}
            if placeholder.long:
                widget: forms.Widget = forms.Textarea(attrs={**attrs, "rows": 5})
            else:
                widget = forms.TextInput(attrs=attrs)
            required = key in REQUIRED_MESSAGES
            self.fields[key] = LetterCharField(
                label=LABELS.get(key, placeholder.zh),
                help_text=HINTS.get(key, ""),
                required=required,
                max_length=limit,
                strip=True,
                widget=widget,
                error_messages={
                    "required": REQUIRED_MESSAGES.get(key, ""),
                    "max_length": _("这一项写得太长了，请删短一些"),
                },
            )
        self.fields["language"].error_messages["invalid_choice"] = _("请选择信件的语言")
        self.fields["language"].error_messages["required"] = _("请选择信件的语言")

    def personal_keys(self) -> list[str]:
        return [k for k in self.keys if letter.BY_KEY[k].source == letter.PERSONAL]

    def other_keys(self) -> list[str]:
        return [k for k in self.keys if letter.BY_KEY[k].source != letter.PERSONAL]

    def values(self) -> dict[str, str]:
        """Placeholder values from the cleaned data (call after ``is_valid()``)."""
        data = {key: self.cleaned_data.get(key, "") or "" for key in self.keys}
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
