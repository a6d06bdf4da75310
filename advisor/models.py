"""Content that editors manage in the admin, plus the encrypted save-code store.

Every fact a borrower sees lives here, with where it comes from (source title, link,
tier) and when an editor last checked it. Borrower answers are never stored in these
tables: they live in the session, or encrypted under a save code (SavedBundle).

Texts come in one field per language: ``title_zh_hans`` (required, the default
language), ``title_en`` and ``title_zh_hant``. ``obj.t("title")`` picks the field for
the active language and falls back to Simplified Chinese when a translation is empty.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from advisor.hant import to_traditional

LANGUAGE_SUFFIXES = {"zh-hans": "zh_hans", "en": "en", "zh-hant": "zh_hant"}


def field_suffix(language: str | None = None) -> str:
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    if code in LANGUAGE_SUFFIXES:
        return LANGUAGE_SUFFIXES[code]
    if code.startswith("en"):
        return "en"
    if code in {"zh-tw", "zh-hk", "zh-mo"}:
        return "zh_hant"
    return "zh_hans"


def today() -> dt.date:
    return timezone.localdate()


class SourceTier(models.TextChoices):
    LAW = "law", _("法律或司法解释")
    REGULATION = "regulation", _("部门规章或监管文件")
    STANDARD = "standard", _("国家标准（推荐性）")
    ASSOCIATION = "association", _("行业协会自律规则")
    NEWS = "news", _("新闻或官方发布")
    PRACTICE = "practice", _("行业做法（非规定）")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")


class LenderKind(models.TextChoices):
    CREDIT_CARD = "credit_card", _("银行信用卡")
    ONLINE_BANK = "online_bank", _("银行网贷（如微粒贷）")
    CONSUMER_FINANCE = "consumer_finance", _("消费金融（如花呗、借呗）")
    PLATFORM = "platform", _("平台贷款／助贷")
    SMALL_LOAN = "small_loan", _("小额贷款公司")
    OTHER = "other", _("其他／不确定")


class ContentQuerySet(models.QuerySet):
    def published(self, on: dt.date | None = None) -> ContentQuerySet:
        """Published and inside its validity window (if it has one) on the given day."""
        day = on or today()
        return self.filter(status=Status.PUBLISHED).filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
        )

    def needs_review(self, on: dt.date | None = None) -> ContentQuerySet:
        return self.filter(review_due__lte=on or today())


class Sourced(models.Model):
    """Fields every piece of borrower-facing content carries."""

    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("只有“已发布”的内容会显示在网站上。先保存为草稿并预览，确认无误再发布。"),
    )
    valid_from = models.DateField(
        _("生效日期"), null=True, blank=True, help_text=_("可留空。填写后，此日期之前不显示。")
    )
    valid_until = models.DateField(
        _("失效日期"),
        null=True,
        blank=True,
        help_text=_("可留空。有截止日期的政策请填写，过了这一天会自动隐藏。"),
    )
    source_title = models.CharField(
        _("来源名称"),
        max_length=300,
        help_text=_(
            "文件或网页的名称，并写明条款，例如：《商业银行信用卡业务监督管理办法》第七十条。"
        ),
    )
    source_url = models.URLField(_("来源链接"), max_length=500, blank=True)
    source_tier = models.CharField(
        _("来源类别"),
        max_length=12,
        choices=SourceTier.choices,
        help_text=_("法律最可靠；行业做法只能描述为“常见做法”，不能说成规定。"),
    )
    reviewed_on = models.DateField(
        _("最近核实日期"), default=today, help_text=_("编辑最后一次对照来源核实这条内容的日期。")
    )
    review_every_days = models.PositiveSmallIntegerField(
        _("复核周期（天）"),
        default=180,
        help_text=_("超过这个天数未复核，会出现在“待复核”列表里。"),
    )
    review_due = models.DateField(_("应复核日期"), editable=False, db_index=True, null=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(inherit=True)
    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        self.review_due = self.reviewed_on + dt.timedelta(days=self.review_every_days)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def t(self, name: str, language: str | None = None) -> str:
        """The text of field ``name`` in the active language (empty: zh-hans, converted for zh-hant)."""
        suffix = field_suffix(language)
        value = getattr(self, f"{name}_{suffix}", "") or ""
        if value:
            return value
        fallback = getattr(self, f"{name}_zh_hans", "") or ""
        # No Traditional text written yet: convert the Simplified one rather than show it.
        return to_traditional(fallback) if suffix == "zh_hant" else fallback

    label_field = "title"

    @property
    def label(self) -> str:
        """The item's name in the active language (its title, name or text)."""
        return (
            self.t(self.label_field) if hasattr(self, f"{self.label_field}_zh_hans") else str(self)
        )

    @property
    def is_live(self) -> bool:
        day = today()
        return (
            self.status == Status.PUBLISHED
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or self.valid_until >= day)
        )


def zh(
    verbose: str, *, long: bool = False, blank: bool = False, help_text: str = ""
) -> models.Field:
    """The Simplified Chinese field of a translated text (the default language)."""
    if long:
        return models.TextField(f"{verbose}（简体）", blank=blank, help_text=help_text)
    return models.CharField(f"{verbose}（简体）", max_length=300, blank=blank, help_text=help_text)


def en(verbose: str, *, long: bool = False) -> models.Field:
    if long:
        return models.TextField(f"{verbose} (English)", blank=True)
    return models.CharField(f"{verbose} (English)", max_length=300, blank=True)


def hant(verbose: str, *, long: bool = False) -> models.Field:
    if long:
        return models.TextField(f"{verbose}（繁體）", blank=True)
    return models.CharField(f"{verbose}（繁體）", max_length=300, blank=True)


class Lender(Sourced):
    label_field = "name"
    name_zh_hans = zh("名称")
    name_en = en("名称")
    name_zh_hant = hant("名称")
    official_channel_zh_hans = zh("官方还款／协商渠道", blank=True, long=True)
    official_channel_en = en("官方还款／协商渠道", long=True)
    official_channel_zh_hant = hant("官方还款／协商渠道", long=True)
    notes_zh_hans = zh("备注", blank=True, long=True)
    notes_en = en("备注", long=True)
    notes_zh_hant = hant("备注", long=True)
    slug = models.SlugField(_("代码"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=LenderKind.choices)
    hotline = models.CharField(
        _("官方客服电话"),
        max_length=40,
        blank=True,
        help_text=_("只填写已经对照官方来源核实的号码。没有核实的留空。"),
    )
    hotline_confirmed = models.BooleanField(
        _("号码已核实"),
        default=False,
        help_text=_("未勾选时网站不显示号码，只告诉借款人去官方App、卡背面或合同里找。"),
    )
    max_instalment_months = models.PositiveSmallIntegerField(
        _("协商分期最长月数（参考）"),
        null=True,
        blank=True,
        help_text=_(
            "信用卡按规定最多60个月（银行“可以”同意，不是必须）。其他贷款由机构决定；不清楚请留空。"
        ),
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("贷款机构")
        verbose_name_plural = _("贷款机构")

    def __str__(self) -> str:
        return self.name_zh_hans

    @property
    def shown_hotline(self) -> str:
        """The hotline only when an editor confirmed it; never an unconfirmed number."""
        return self.hotline if self.hotline and self.hotline_confirmed else ""


class HelpChannel(Sourced):
    """A complaint or help line: 12378, 12363, 110, 96110, 12321 and the like."""

    label_field = "name"

    name_zh_hans = zh("名称")
    name_en = en("名称")
    name_zh_hant = hant("名称")
    purpose_zh_hans = zh("什么时候找它", long=True)
    purpose_en = en("什么时候找它", long=True)
    purpose_zh_hant = hant("什么时候找它", long=True)
    slug = models.SlugField(_("代码"), unique=True)
    number = models.CharField(
        _("电话号码"), max_length=40, blank=True, help_text=_("只写数字，例如 12378。")
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("求助与投诉渠道")
        verbose_name_plural = _("求助与投诉渠道")

    def __str__(self) -> str:
        return f"{self.name_zh_hans} {self.number}".strip()


class Checklist(Sourced):
    title_zh_hans = zh("标题")
    title_en = en("标题")
    title_zh_hant = hant("标题")
    intro_zh_hans = zh("说明", blank=True, long=True)
    intro_en = en("说明", long=True)
    intro_zh_hant = hant("说明", long=True)
    slug = models.SlugField(
        _("代码"), unique=True, help_text=_("程序用来找到这份清单的代码，请勿随意修改。")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("清单")
        verbose_name_plural = _("清单")

    def __str__(self) -> str:
        return self.title_zh_hans


class ChecklistItem(Sourced):
    label_field = "text"
    text_zh_hans = zh("条目内容", long=True)
    text_en = en("条目内容", long=True)
    text_zh_hant = hant("条目内容", long=True)
    say_zh_hans = zh("隔着门可以说的话", blank=True, long=True)
    say_en = en("隔着门可以说的话", long=True)
    say_zh_hant = hant("隔着门可以说的话", long=True)
    detail_zh_hans = zh("补充说明／下一步", blank=True, long=True)
    detail_en = en("补充说明／下一步", long=True)
    detail_zh_hant = hant("补充说明／下一步", long=True)
    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="items", verbose_name=_("所属清单")
    )
    code = models.SlugField(_("代码"), help_text=_("程序用的代码，同一清单内不能重复。"))
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    red_flag = models.BooleanField(
        _("是危险信号"), default=False, help_text=_("勾选：出现这一项说明可能是骗局或违规。")
    )

    class Meta:
        ordering = ["checklist", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "code"], name="unique_item_code_per_checklist"
            )
        ]
        verbose_name = _("清单条目")
        verbose_name_plural = _("清单条目")

    def __str__(self) -> str:
        return self.text_zh_hans


class FactTopic(models.TextChoices):
    HOME = "home", _("首页")
    RESULT = "result", _("评估结果页")
    DOOR = "door", _("有人上门")
    RIGHTS_LIMITS = "rights_limits", _("催收不能做的事")
    RIGHTS_OUTCOMES = "rights_outcomes", _("逾期会／不会带来的后果")
    CREDIT = "credit", _("征信")
    SCAM = "scam", _("防骗")
    PLAN = "plan", _("还款计划")
    LETTER = "letter", _("协商信")
    GENERAL = "general", _("其他")


class Fact(Sourced):
    """One short, sourced statement shown on a page (rights, rules, warnings)."""

    title_zh_hans = zh("标题")
    title_en = en("标题")
    title_zh_hant = hant("标题")
    slug = models.SlugField(_("代码"), unique=True)
    topic = models.CharField(_("所在页面／主题"), max_length=20, choices=FactTopic.choices)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    body_zh_hans = zh("正文", long=True, help_text=_("纯文本。空一行分段。不要写 HTML。"))
    body_en = en("正文", long=True)
    body_zh_hant = hant("正文", long=True)

    class Meta:
        ordering = ["topic", "order", "slug"]
        verbose_name = _("事实与规则")
        verbose_name_plural = _("事实与规则")

    def __str__(self) -> str:
        return self.title_zh_hans


class EscalationStage(Sourced):
    """A stage on the usual escalation path; typical practice, never a fixed timetable."""

    title_zh_hans = zh("阶段名称")
    title_en = en("阶段名称")
    title_zh_hant = hant("阶段名称")
    description_zh_hans = zh("这个阶段通常会发生什么", long=True)
    description_en = en("这个阶段通常会发生什么", long=True)
    description_zh_hant = hant("这个阶段通常会发生什么", long=True)
    what_you_can_do_zh_hans = zh("借款人可以做什么", long=True)
    what_you_can_do_en = en("借款人可以做什么", long=True)
    what_you_can_do_zh_hant = hant("借款人可以做什么", long=True)
    code = models.SlugField(_("代码"), unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    typical_from_day = models.PositiveSmallIntegerField(
        _("大致从逾期第几天开始（参考）"),
        null=True,
        blank=True,
        help_text=_("只是常见做法，各机构不同。不清楚请留空。"),
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("催收阶段")
        verbose_name_plural = _("催收阶段")

    def __str__(self) -> str:
        return self.title_zh_hans


class LetterTemplate(Sourced):
    """A letter borrowers can send. Placeholders come from a fixed list (see advisor.letter)."""

    title_zh_hans = zh("信件名称")
    title_en = en("信件名称")
    title_zh_hant = hant("信件名称")
    situation_zh_hans = zh("适用情形（一句话）", long=True)
    situation_en = en("适用情形（一句话）", long=True)
    situation_zh_hant = hant("适用情形（一句话）", long=True)
    gate_zh_hans = zh("这封信适合你吗（说明和不适用时去哪里）", blank=True, long=True)
    gate_en = en("这封信适合你吗（说明和不适用时去哪里）", long=True)
    gate_zh_hant = hant("这封信适合你吗（说明和不适用时去哪里）", long=True)
    sending_zh_hans = zh("寄送方法", blank=True, long=True)
    sending_en = en("寄送方法", long=True)
    sending_zh_hant = hant("寄送方法", long=True)
    evidence_zh_hans = zh("要附上的材料（每行一项）", blank=True, long=True)
    evidence_en = en("要附上的材料（每行一项）", long=True)
    evidence_zh_hant = hant("要附上的材料（每行一项）", long=True)
    body_zh_hans = zh(
        "信件正文",
        long=True,
        help_text=_(
            "纯文本，可以使用固定的占位符，例如 [姓名]、[逾期金额]。完整列表见页面下方说明。"
        ),
    )
    body_en = en("信件正文", long=True)
    body_zh_hant = hant("信件正文", long=True)
    slug = models.SlugField(_("代码"), unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("信件模板")
        verbose_name_plural = _("信件模板")

    def __str__(self) -> str:
        return self.title_zh_hans


class EstimateVersion(Sourced):
    """Editor-managed weights for the home-visit indicator. The newest active one is used."""

    version = models.CharField(_("版本号"), max_length=40, unique=True)
    is_active = models.BooleanField(_("启用"), default=False)
    weights = models.JSONField(
        _("权重"), default=dict, blank=True, help_text=_("与默认值结构相同；留空的项目使用默认值。")
    )
    notes = models.TextField(_("修改说明"), blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("评估权重版本")
        verbose_name_plural = _("评估权重版本")

    def __str__(self) -> str:
        return self.version


CONTENT_MODELS = (
    Lender,
    HelpChannel,
    Checklist,
    ChecklistItem,
    Fact,
    EscalationStage,
    LetterTemplate,
    EstimateVersion,
)


class ContentGeneration(models.Model):
    """One row: a number that goes up whenever any content row is saved or deleted.

    Cached content is keyed by it (advisor.content), so a change made through one app
    process is seen by every other process and machine, with or without a shared cache.
    """

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("内容版本号")
        verbose_name_plural = _("内容版本号")

    def __str__(self) -> str:
        return f"content generation {self.number}"


class SavedBundle(models.Model):
    """Borrower data saved under a save code, encrypted with a key derived from that code.

    The server keeps only a lookup hash and ciphertext; without the code nothing here can be
    read. Rows unused for SAVE_CODE_RETENTION_DAYS are deleted by ``purge_saved``; "erase
    my data" deletes the row at once. See advisor.vault for the cryptography.
    """

    lookup = models.CharField(max_length=64, unique=True)
    ciphertext = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("加密保存的数据")
        verbose_name_plural = _("加密保存的数据")

    def __str__(self) -> str:
        return f"saved bundle {self.pk}"
