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
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from advisor.rules import claims, deadlines, letter
from advisor.rules.hant import to_traditional

# Bounds of the numbers editors type (each field below says which it uses). A value outside
# them is refused by the admin form with a message, so it never reaches a borrower's page.
REVIEW_EVERY_DAYS = (1, 1095)  # at least every three years
INSTALMENT_MONTHS = (1, 120)  # a reference maximum for negotiated instalments
STAGE_FROM_DAY = (0, 3650)  # day overdue an escalation stage typically begins
ORDER = (0, 9999)  # position in a list
THRESHOLD_MAX = Decimal("100000")  # yuan: a line above this is taken for a typing slip


def bounded(low: int, high: int) -> list[Any]:
    return [MinValueValidator(low), MaxValueValidator(high)]


if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LANGUAGE_SUFFIXES = {"zh-hans": "zh_hans", "en": "en", "zh-hant": "zh_hant"}
# The flag that marks a translation stale after the Simplified text changed, per field suffix.
STALE_FLAGS = {"en": "stale_en", "zh_hant": "stale_zh_hant"}


def field_suffix(language: str | None = None) -> str:
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    if code in LANGUAGE_SUFFIXES:
        return LANGUAGE_SUFFIXES[code]
    if code.startswith("en"):
        return "en"
    if code in {"zh-tw", "zh-hk", "zh-mo"}:
        return "zh_hant"
    return "zh_hans"


def has_nul(value: Any) -> bool:
    """Whether a JSON value holds a NUL character anywhere (PostgreSQL's jsonb refuses one).

    >>> has_nul({"a": ["b", "c\\x00"]}), has_nul({"a": [1, None]})
    (True, False)
    """
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_nul(item) for item in value)
    return False


def no_nul(value: Any) -> None:
    if has_nul(value):
        raise ValidationError(_("不能包含空字符（\\u0000）。"), code="null_characters_not_allowed")


def today() -> dt.date:
    return timezone.localdate()


class SourceTier(models.TextChoices):
    LAW = "law", _("法律或司法解释")
    REGULATION = "regulation", _("部门规章或监管文件")
    STANDARD = "standard", _("国家标准（推荐性）")
    ASSOCIATION = "association", _("行业协会自律规则")
    NEWS = "news", _("新闻或官方发布")
    PRACTICE = "practice", _("行业做法（非规定）")
    # The site's own reading of public reports, where no official text or trusted page was
    # found: said in so many words, never dressed up as a rule or an official source.
    OUR_READING = "our_reading", _("本站的整理（未找到官方原文）")


class CheckedAgainst(models.TextChoices):
    """What the editor compared the item with when they last checked it."""

    OFFICIAL = "official", _("对照了官方发布的原文")
    TRANSCRIPT = "transcript", _("对照了法律条文的公开转录本")
    SECONDARY = "secondary", _("对照了新闻报道或转引，未读到官方原文")
    INDUSTRY = "industry", _("只有行业文章的说法，未经官方核实")


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
    """Fields every piece of borrower-facing content carries.

    A subclass is an editor-managed content model, and says here what the rest of the site
    needs to know about it, so adding one touches this file and its seed data only:

    - ``natural_key_fields``: the fields that name a row in any database (unique together).
      Export and import match rows by them (advisor.contentio); a foreign key in a row is
      written as the related row's natural key. Parents are exported before children.
    - ``preview_template`` and ``preview_context``: how the admin previews an item in the
      public layout ("" for no preview); the default shows every translated text and the source.
    - ``on_sources_page``: whether its published items are listed on the sources page.

    Every subclass gets, without more code: source and review-date fields, history, the
    admin (advisor.admin registers a ``ContentAdmin`` for any model without its own), the
    cache invalidation and last-known-good copy (advisor.content, ``content.published``),
    export/import, the editors' permissions and the needs-review list (``content_models()``).
    """

    natural_key_fields: ClassVar[tuple[str, ...]] = ("slug",)
    preview_template: ClassVar[str] = "admin/advisor/preview/texts.html"
    on_sources_page: ClassVar[bool] = True

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
    checked_against = models.CharField(
        _("核对的是什么"),
        max_length=12,
        choices=CheckedAgainst.choices,
        default=CheckedAgainst.SECONDARY,
        help_text=_(
            "上次核实时对照的是官方原文，还是新闻报道或转引。来源类别是“行业做法”的，"
            "只能选“只有行业文章的说法”。"
        ),
    )
    review_every_days = models.PositiveSmallIntegerField(
        _("复核周期（天）"),
        default=180,
        validators=bounded(*REVIEW_EVERY_DAYS),
        help_text=_("超过这个天数未复核，会出现在“待复核”列表里。"),
    )
    review_due = models.DateField(_("应复核日期"), editable=False, db_index=True, null=True)
    stale_en = models.BooleanField(
        _("英文翻译待复核"),
        default=False,
        help_text=_(
            "简体中文改过、英文没跟着改时自动勾选。勾选期间网站不显示旧的英文，"
            "改为显示简体中文并注明翻译在更新。核对或改好英文后取消勾选。"
        ),
    )
    stale_zh_hant = models.BooleanField(
        _("繁体翻译待复核"),
        default=False,
        help_text=_(
            "简体中文改过、繁体没跟着改时自动勾选。勾选期间网站把新的简体自动转成繁体显示。"
            "核对或改好繁体后取消勾选。"
        ),
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(inherit=True)
    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        self.review_due = self.reviewed_on + dt.timedelta(days=self.review_every_days)
        if self.source_tier == SourceTier.PRACTICE:
            # What the industry says is never shown as checked against an official text.
            self.checked_against = CheckedAgainst.INDUSTRY
        self._mark_stale_translations()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    # Translations ------------------------------------------------------------------------

    def _texts(self, suffix: str, source: Any = None) -> dict[str, str]:
        """The texts in one language by base name ("title" for title_en), of self or ``source``."""
        source = self if source is None else source
        return {
            name.removesuffix(f"_{suffix}"): getattr(source, name, "") or ""
            for name in self.text_field_names()
            if name.endswith(f"_{suffix}")
        }

    def _mark_stale_translations(self) -> None:
        """An edit to a Simplified text makes its filled English or Traditional text stale.

        A translation edited in the same save is taken as reviewed; one left as it was keeps
        showing the old wording, so the item is marked stale and that language is not shown
        until an editor has checked it (``t()`` shows the Simplified text instead).
        """
        if self.pk is None:
            return
        old = type(self).objects.filter(pk=self.pk).first()
        if old is None:
            return
        before, now = self._texts("zh_hans", old), self._texts("zh_hans")
        changed = [base for base, text in now.items() if text != before.get(base)]
        for suffix, flag in STALE_FLAGS.items():
            texts = self._texts(suffix)
            if texts != self._texts(suffix, old):
                # Edited with this save: reviewed, unless the editor left the flag ticked.
                if getattr(old, flag) == getattr(self, flag):
                    setattr(self, flag, False)
            elif any(texts.get(base) for base in changed):
                setattr(self, flag, True)

    def stale_languages(self) -> list[str]:
        """Field suffixes ("en", "zh_hant") whose translation waits for review."""
        return [suffix for suffix, flag in STALE_FLAGS.items() if getattr(self, flag, False)]

    # Validation --------------------------------------------------------------------------

    @classmethod
    def text_field_names(cls) -> list[str]:
        """Every translated text field (``*_zh_hans``, ``*_en``, ``*_zh_hant``)."""
        return [
            field.name
            for field in cls._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and field.name.endswith(("_zh_hans", "_en", "_zh_hant"))
        ]

    def never_claim_findings(self) -> list[tuple[str, claims.Finding]]:
        """(field name, finding) for each phrase we must never claim (domain-facts §7)."""
        found = []
        for name in self.text_field_names():
            for finding in claims.never_claims(getattr(self, name, "") or ""):
                found.append((name, finding))
        return found

    def readability_hints(self) -> list[str]:
        hints: list[str] = []
        for name in self.text_field_names():
            if name.endswith("_zh_hans"):
                hints.extend(claims.readability_hints(getattr(self, name, "") or ""))
        return hints

    def source_problems(self) -> dict[str, str]:
        """Problems that stop the item being saved at all (a blocked source link)."""
        problems: dict[str, str] = {}
        if self.source_url:
            domain = claims.blocked_domain(self.source_url, BlockedDomain.domains())
            if domain:
                problems["source_url"] = str(
                    _("“%(domain)s”在不可信来源名单上（SEO或贷款广告网站），不能作为来源。")
                    % {"domain": domain}
                )
        if self.source_tier == SourceTier.PRACTICE and self.checked_against not in (
            "",
            CheckedAgainst.INDUSTRY,
        ):
            problems["checked_against"] = str(
                _("来源类别是“行业做法”，只能选“只有行业文章的说法，未经官方核实”。")
            )
        return problems

    def publish_problems(self) -> dict[str, str]:
        """Why this item may not be published (empty when it may). Drafts may still be saved."""
        problems: dict[str, str] = {}
        if self.source_url and not claims.trusted_domain(self.source_url, TrustedDomain.domains()):
            problems["source_url"] = str(
                _(
                    "“%(host)s”不在可信来源名单上，不能作为已发布内容的来源。请改用政府、法院、"
                    "监管部门、行业协会、主要新闻媒体或机构官网的页面；找不到的，删掉链接，"
                    "来源类别选“本站的整理”，并写明“未找到官方原文”。编辑可以在“可信来源域名”里"
                    "补充确实可信的网站。"
                )
                % {"host": claims.host_of(self.source_url)}
            )
        title_problem = claims.source_title_problem(self.source_title)
        if title_problem:
            problems["source_title"] = title_problem
        findings = self.never_claim_findings()
        if findings:
            problems["status"] = str(_("不能发布：内容里有本站绝不能说的话。")) + " ".join(
                f"【{name}】“{finding.phrase}”：{finding.message}" for name, finding in findings
            )
        return problems

    def clean(self) -> None:
        super().clean()
        problems = self.source_problems()
        if self.status == Status.PUBLISHED:
            problems.update(self.publish_problems())
        if problems:
            # Not keyed by field: an admin form or inline may not show every field.
            raise ValidationError(list(problems.values()))

    def t(self, name: str, language: str | None = None) -> str:
        """The text of field ``name`` in the active language (empty: zh-hans, converted for zh-hant)."""
        suffix = field_suffix(language)
        value = getattr(self, f"{name}_{suffix}", "") or ""
        if value and not getattr(self, STALE_FLAGS.get(suffix, ""), False):
            return value
        fallback = getattr(self, f"{name}_zh_hans", "") or ""
        # No Traditional text written yet (or it waits for review): convert the Simplified one.
        return to_traditional(fallback) if suffix == "zh_hant" else fallback

    label_field = "title"

    @property
    def label(self) -> str:
        """The item's name in the active language (its title, name or text)."""
        return (
            self.t(self.label_field) if hasattr(self, f"{self.label_field}_zh_hans") else str(self)
        )

    def preview_context(self, language: str) -> dict[str, Any]:
        """Extra values the preview template needs (beyond ``obj`` and its texts)."""
        return {}

    @property
    def is_live(self) -> bool:
        day = today()
        return (
            self.status == Status.PUBLISHED
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or self.valid_until >= day)
        )


def zh(
    verbose: str, *, long: bool = False, blank: bool = False, help_text: StrOrPromise = ""
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


def normal_domain(raw: str) -> str:
    """Only the host, whatever was pasted ("https://www.x.cn/page" -> "x.cn")."""
    raw = raw.strip()
    return claims.host_of(raw if "://" in raw else f"//{raw}") or raw.lower()


class DomainList(models.Model):
    """A list of sites editors keep (trusted or blocked); a domain covers its subdomains."""

    added_on = models.DateField(_("加入日期"), default=today)

    class Meta:
        abstract = True

    domain: models.CharField

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: object, **kwargs: object) -> None:
        self.domain = normal_domain(self.domain)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def domains(cls) -> list[str]:
        return [row.domain for row in cls._default_manager.only("domain")]


class BlockedDomain(DomainList):
    """A site that may never be given as a source: SEO pages, loan advertising, known misinformation."""

    domain = models.CharField(
        _("域名"),
        max_length=200,
        unique=True,
        help_text=_("只写域名，例如 haokouzi.cc。它的所有子域名也一并屏蔽。"),
    )
    reason = models.TextField(_("为什么不可信"), blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("不可信来源域名")
        verbose_name_plural = _("不可信来源域名")


class TrustedKind(models.TextChoices):
    GOVERNMENT = "government", _("政府部门")
    COURT = "court", _("法院")
    REGULATOR = "regulator", _("金融监管部门")
    ASSOCIATION = "association", _("行业协会")
    NEWS = "news", _("主要新闻媒体")
    LENDER = "lender", _("贷款机构官网")
    MAKER = "maker", _("手机、浏览器厂商的官方帮助")


class TrustedDomain(DomainList):
    """A site a wary borrower can trust as a source. Published content links only these.

    The list is an allowlist: a link to any other site keeps an item from being published
    (``Sourced.publish_problems``), however harmless the site looks.
    """

    domain = models.CharField(
        _("域名"),
        max_length=200,
        unique=True,
        help_text=_("只写域名，例如 court.gov.cn。它的所有子域名也一并可信。"),
    )
    kind = models.CharField(_("类别"), max_length=12, choices=TrustedKind.choices)
    reason = models.TextField(
        _("为什么可信"), help_text=_("例如：国家金融监督管理总局官网；新华社官方网站。")
    )

    class Meta:
        ordering = ["kind", "domain"]
        verbose_name = _("可信来源域名")
        verbose_name_plural = _("可信来源域名")


class HotlineLine(models.TextChoices):
    GENERAL = "general", _("银行总客服（可能不是信用卡专线）")
    CARD_CENTRE = "card_centre", _("信用卡中心专线")
    LENDER = "lender", _("机构客服")
    PLATFORM = "platform", _("平台客服（不一定是放款机构）")


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
        _("客服电话"),
        max_length=40,
        blank=True,
        help_text=_(
            "只填写可靠来源公开列出的号码，不要填SEO网页上的号码。"
            "没有在机构官网核实的，网站会写明“未在官网核实”，并提醒借款人对照卡背面或App。"
        ),
    )
    hotline_line = models.CharField(
        _("这是什么号码"),
        max_length=12,
        choices=HotlineLine.choices,
        blank=True,
        help_text=_("银行总客服还是信用卡中心专线。借款人会看到这一项。"),
    )
    official_domain = models.CharField(
        _("机构官网域名"),
        max_length=100,
        blank=True,
        help_text=_("例如 webank.com。勾选“号码已在官网核实”时，来源链接必须在这个域名下。"),
    )
    hotline_confirmed = models.BooleanField(
        _("号码已在机构官网核实"),
        default=False,
        help_text=_(
            "只有在机构自己的官网页面上看到这个号码才勾选，来源链接填那个页面。"
            "未勾选时，网站只把号码当作“常见的公开号码”，并告诉借款人去官方App、卡背面或合同里核对。"
        ),
    )
    hotline_listed = models.BooleanField(
        _("显示为常见的公开号码"),
        default=False,
        help_text=_(
            "号码还没有在机构官网核实，但有可靠来源公开列出时勾选：网站会显示它，"
            "并写明“未在机构官网核实，拨打前请对照卡背面、官方App或合同”。不勾选就不显示。"
        ),
    )
    max_instalment_months = models.PositiveSmallIntegerField(
        _("协商分期最长月数（参考）"),
        null=True,
        blank=True,
        validators=bounded(*INSTALMENT_MONTHS),
        help_text=_(
            "信用卡按规定最多60个月（银行“可以”同意，不是必须）。其他贷款由机构决定；不清楚请留空。"
        ),
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("贷款机构")
        verbose_name_plural = _("贷款机构")

    def __str__(self) -> str:
        return self.name_zh_hans

    @property
    def shown_hotline(self) -> str:
        """The hotline only when an editor confirmed it on the lender's own site."""
        return self.hotline if self.hotline and self.hotline_confirmed else ""

    @property
    def listed_hotline(self) -> str:
        """A number shown only as "commonly listed; check it on your card or app"."""
        if self.hotline and self.hotline_listed and not self.hotline_confirmed:
            return self.hotline
        return ""

    def source_problems(self) -> dict[str, str]:
        problems = super().source_problems()
        if self.hotline_confirmed:
            official = claims.host_of(f"//{self.official_domain}") if self.official_domain else ""
            host = claims.host_of(self.source_url)
            if not official or not (host == official or host.endswith("." + official)):
                problems["hotline_confirmed"] = str(
                    _(
                        "只有来源链接是机构官网（“机构官网域名”之下）的页面时，才能勾选“号码已在官网核实”。"
                    )
                )
        return problems


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
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("求助与投诉渠道")
        verbose_name_plural = _("求助与投诉渠道")

    def __str__(self) -> str:
        return f"{self.name_zh_hans} {self.number}".strip()


class Checklist(Sourced):
    preview_template = "admin/advisor/preview/checklist.html"

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

    def preview_context(self, language: str) -> dict[str, Any]:
        return {"checklist": self, "items": list(self.items.all())}


class ChecklistItem(Sourced):
    label_field = "text"
    natural_key_fields = ("checklist", "code")
    preview_template = "admin/advisor/preview/checklist.html"
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
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))
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

    def preview_context(self, language: str) -> dict[str, Any]:
        return {"checklist": self.checklist, "items": [self]}

    def clean(self) -> None:
        # An item added inline without its own source takes its checklist's (admin.py).
        checklist = (
            self.checklist if self.checklist_id or "checklist" in self._state.fields_cache else None
        )
        if checklist is not None and not self.source_title:
            self.source_title = checklist.source_title
            self.source_url = self.source_url or checklist.source_url
            self.source_tier = self.source_tier or checklist.source_tier
        super().clean()


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
    PAPERS = "papers", _("法院和法律文书")
    AFTER_VISIT = "after_visit", _("上门之后")
    RELATIVES = "relatives", _("写给被联系的亲友")
    SAID = "said", _("催收说了什么")
    NO_TRACE = "no_trace", _("不留痕迹")
    GENERAL = "general", _("其他")


class Fact(Sourced):
    """One short, sourced statement shown on a page (rights, rules, warnings)."""

    preview_template = "admin/advisor/preview/fact.html"

    title_zh_hans = zh("标题")
    title_en = en("标题")
    title_zh_hant = hant("标题")
    slug = models.SlugField(_("代码"), unique=True)
    topic = models.CharField(_("所在页面／主题"), max_length=20, choices=FactTopic.choices)
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))
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

    natural_key_fields = ("code",)

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
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))
    typical_from_day = models.PositiveSmallIntegerField(
        _("大致从逾期第几天开始（参考）"),
        null=True,
        blank=True,
        validators=bounded(*STAGE_FROM_DAY),
        help_text=_("只是常见做法，各机构不同。不清楚请留空。"),
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("催收阶段")
        verbose_name_plural = _("催收阶段")

    def __str__(self) -> str:
        return self.title_zh_hans


class LetterTemplate(Sourced):
    """A letter borrowers can send. Placeholders come from a fixed list (see advisor.rules.letter)."""

    preview_template = "admin/advisor/preview/letter.html"

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
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("信件模板")
        verbose_name_plural = _("信件模板")

    def __str__(self) -> str:
        return self.title_zh_hans

    def preview_context(self, language: str) -> dict[str, Any]:
        """The letter filled with made-up sample values, and a typo check for editors."""
        english = language.startswith("en")
        body = self.t("body", language)
        samples = {p.key: p.sample_en if english else p.sample_zh for p in letter.PLACEHOLDERS}
        return {
            "letter_text": letter.fill(body, samples),
            "unknown_placeholders": list(dict.fromkeys(letter.unknown_placeholders(body))),
            "placeholders": letter.placeholder_list(english=english),
        }


class EstimateVersion(Sourced):
    """Editor-managed weights for the home-visit indicator. The newest active one is used."""

    natural_key_fields = ("version",)
    preview_template = ""  # numbers, not a page: nothing to preview
    on_sources_page = False

    version = models.CharField(_("版本号"), max_length=40, unique=True)
    is_active = models.BooleanField(_("启用"), default=False)
    weights = models.JSONField(
        _("权重"),
        default=dict,
        blank=True,
        validators=[no_nul],
        help_text=_("与默认值结构相同；留空的项目使用默认值。"),
    )
    notes = models.TextField(_("修改说明"), blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("评估权重版本")
        verbose_name_plural = _("评估权重版本")

    def __str__(self) -> str:
        return self.version


class Threshold(Sourced):
    """A number the site itself sets to steer advice (for example the plan's fast lane).

    Our own rule of thumb, never an official figure: the source says so, and the code that
    reads it falls back to its built-in value when the row is missing or unusable.
    """

    preview_template = ""  # a number, not a page: nothing to preview
    on_sources_page = False  # our own figure: the sources page lists what others say

    title_zh_hans = zh("名称")
    title_en = en("名称")
    title_zh_hant = hant("名称")
    slug = models.SlugField(
        _("代码"), unique=True, help_text=_("程序按代码读取，例如 plan-fast-lane-line。不要改。")
    )
    value = models.DecimalField(
        _("数值（元）"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(THRESHOLD_MAX)],
        help_text=_("不能是负数，也不能超过十万。数值不能用时，网站使用程序里的默认值。"),
    )
    notes = models.TextField(_("为什么是这个数"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("本站自定的界线")
        verbose_name_plural = _("本站自定的界线")

    def __str__(self) -> str:
        return self.title_zh_hans


class CourtPaper(Sourced):
    """A kind of legal paper a borrower may receive: what it is, its deadline, what to do.

    ``deadline_days`` is the period the law sets, counted from the day the paper was served
    (the day itself not counted); leave it empty where no fixed period applies to the
    borrower (the paper or the court's notice then decides). advisor.rules.deadlines does the sums.
    """

    title_zh_hans = zh("文书名称")
    title_en = en("文书名称")
    title_zh_hant = hant("文书名称")
    what_it_is_zh_hans = zh("这是什么文书（怎么认出来）", long=True)
    what_it_is_en = en("这是什么文书（怎么认出来）", long=True)
    what_it_is_zh_hant = hant("这是什么文书（怎么认出来）", long=True)
    deadline_rule_zh_hans = zh(
        "期限规定（一句话）",
        long=True,
        blank=True,
        help_text=_("写明多少天、从哪天算、要做什么。没有固定期限的写清楚以什么为准。"),
    )
    deadline_rule_en = en("期限规定（一句话）", long=True)
    deadline_rule_zh_hant = hant("期限规定（一句话）", long=True)
    what_to_do_zh_hans = zh("该怎么做", long=True, help_text=_("纯文本。空一行分段。"))
    what_to_do_en = en("该怎么做", long=True)
    what_to_do_zh_hant = hant("该怎么做", long=True)
    slug = models.SlugField(_("代码"), unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))
    is_court_paper = models.BooleanField(
        _("是法院或仲裁机构的文书"),
        default=True,
        help_text=_("律师函、催收函等不是法院文书，请取消勾选。"),
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("法定期限（天）"),
        null=True,
        blank=True,
        validators=bounded(1, deadlines.MAX_PERIOD_DAYS),
        help_text=_(
            "从送达（签收）的第二天开始算的天数，例如支付令15天。没有固定期限的留空，网站不会算日期。"
        ),
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("法律文书")
        verbose_name_plural = _("法律文书")

    def __str__(self) -> str:
        return self.title_zh_hans


class PhraseCategory(models.TextChoices):
    VISIT = "visit", _("说要上门、外访")
    LEGAL = "legal", _("说已经起诉、转法务")
    PAY_NOW = "pay_now", _("逼你今天必须还")
    CREDIT = "credit", _("说能改征信、消记录")
    FAMILY = "family", _("说要告诉家人、单位")
    THREAT = "threat", _("威胁、恐吓")
    OTHER = "other", _("其他")


class CollectorPhrase(Sourced):
    """Something collectors often say, the words that recognise it, and what it means."""

    label_field = "label"
    natural_key_fields = ("code",)

    label_zh_hans = zh("常见说法（借款人在列表里看到的）")
    label_en = en("常见说法（借款人在列表里看到的）")
    label_zh_hant = hant("常见说法（借款人在列表里看到的）")
    meaning_zh_hans = zh("通常是什么意思", long=True)
    meaning_en = en("通常是什么意思", long=True)
    meaning_zh_hant = hant("通常是什么意思", long=True)
    rule_zh_hans = zh(
        "规则怎么说", long=True, blank=True, help_text=_("违规或可疑的依据；来源写在下方来源栏。")
    )
    rule_en = en("规则怎么说", long=True)
    rule_zh_hant = hant("规则怎么说", long=True)
    reply_zh_hans = zh("可以平静地这样回答", long=True)
    reply_en = en("可以平静地这样回答", long=True)
    reply_zh_hant = hant("可以平静地这样回答", long=True)
    code = models.SlugField(
        _("代码"), unique=True, help_text=_("证据记录用这个代码记下是哪一种说法，请勿随意修改。")
    )
    category = models.CharField(_("类别"), max_length=12, choices=PhraseCategory.choices)
    order = models.PositiveSmallIntegerField(_("排序"), default=100, validators=bounded(*ORDER))
    keywords = models.TextField(
        _("识别用的关键词（每行一个）"),
        help_text=_(
            "借款人输入的话里出现其中任何一个词，就认为是这种说法。每个词至少2个字；"
            "写简体即可（繁体会自动识别），英文不分大小写。"
        ),
    )
    red_flag = models.BooleanField(
        _("是危险信号"), default=False, help_text=_("勾选：这种说法常见于骗局或虚假威胁。")
    )
    against_rules = models.BooleanField(
        _("违反规定或行业规则"),
        default=False,
        help_text=_("勾选：按来源里的规则，催收方不应该这样说或这样做。"),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("催收常见说法")
        verbose_name_plural = _("催收常见说法")

    def __str__(self) -> str:
        return self.label_zh_hans

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]


class DayCounting(models.TextChoices):
    CALENDAR = "calendar", _("自然日（周末、节假日都算）")
    WORKING = "working", _("工作日（不算周六、周日）")


class ClockStart(models.TextChoices):
    LETTER = "letter", _("寄出协商信后")
    LENDER = "lender", _("向贷款机构投诉后")
    NFRA = "12378", _("向12378投诉后")
    LOCAL = "local-regulator", _("向地方金融管理部门投诉后")


class ComplaintClock(Sourced):
    """How long a lender or office has to answer a step (advisor.rules.tracker counts it).

    Counted from the day after the step; ``counting`` says whether weekends count. A clock
    that is the site's own suggestion (no rule sets one) must say so in its source.
    """

    title_zh_hans = zh("名称")
    title_en = en("名称")
    title_zh_hant = hant("名称")
    rule_zh_hans = zh(
        "规定怎么说（一句话）",
        long=True,
        help_text=_("写明多少天、从哪天算、可以延长多久。借款人会在期限旁边看到这句话。"),
    )
    rule_en = en("规定怎么说（一句话）", long=True)
    rule_zh_hant = hant("规定怎么说（一句话）", long=True)
    slug = models.SlugField(_("代码"), unique=True)
    starts = models.CharField(
        _("从哪一步开始算"), max_length=20, choices=ClockStart.choices, unique=True
    )
    days = models.PositiveSmallIntegerField(
        _("答复期限（天）"),
        validators=bounded(1, deadlines.MAX_PERIOD_DAYS),
        help_text=_("一般情况下的天数。"),
    )
    longest_days = models.PositiveSmallIntegerField(
        _("最长期限（天，含延长）"),
        null=True,
        blank=True,
        validators=bounded(1, deadlines.MAX_PERIOD_DAYS),
        help_text=_("规定允许延长时，延长后的最长天数。没有就留空。"),
    )
    counting = models.CharField(
        _("怎么数天数"), max_length=10, choices=DayCounting.choices, default=DayCounting.CALENDAR
    )

    class Meta:
        ordering = ["starts"]
        verbose_name = _("答复期限")
        verbose_name_plural = _("答复期限")

    def __str__(self) -> str:
        return self.title_zh_hans


class RungAudience(models.TextChoices):
    ALL = "all", _("所有贷款机构")
    SMALL_LOAN = "small_loan", _("只限小额贷款公司")
    NOT_SMALL_LOAN = "not_small_loan", _("小额贷款公司以外")


class ComplaintRung(Sourced):
    """One rung of the complaint ladder: lender → 12378 or local regulator → mediation → court."""

    title_zh_hans = zh("这一级是什么")
    title_en = en("这一级是什么")
    title_zh_hant = hant("这一级是什么")
    how_zh_hans = zh("怎么去找它", long=True)
    how_en = en("怎么去找它", long=True)
    how_zh_hant = hant("怎么去找它", long=True)
    bring_zh_hans = zh("要带上什么（每行一项）", long=True)
    bring_en = en("要带上什么（每行一项）", long=True)
    bring_zh_hant = hant("要带上什么（每行一项）", long=True)
    slug = models.SlugField(
        _("代码"),
        unique=True,
        help_text=_("程序用的代码：lender、12378、local-regulator、mediation、court。不要改。"),
    )
    order = models.PositiveSmallIntegerField(_("排序（从低到高）"), default=100)
    audience = models.CharField(
        _("适用于"), max_length=16, choices=RungAudience.choices, default=RungAudience.ALL
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("投诉升级的一级")
        verbose_name_plural = _("投诉升级的各级")

    def __str__(self) -> str:
        return self.title_zh_hans

    @property
    def bring_lines(self) -> list[str]:
        return [line.strip() for line in self.t("bring").splitlines() if line.strip()]


@cache
def content_models() -> tuple[type[Sourced], ...]:
    """Every editor-managed content model (each ``Sourced`` subclass), parents first.

    Models keep the order they are defined in, except that a model comes after every content
    model it has a foreign key to, so export and import can create parents first.
    """
    found = [
        model for model in apps.get_app_config("advisor").get_models() if issubclass(model, Sourced)
    ]
    ordered: list[type[Sourced]] = []
    while found:
        ready = next(
            model
            for model in found
            if not any(parent in found and parent is not model for parent in _parents(model))
        )
        ordered.append(ready)
        found.remove(ready)
    return tuple(ordered)


def _parents(model: type[models.Model]) -> list[Any]:
    return [
        field.related_model
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
    ]


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
    # Goes up with every write; a write based on an older read is retried (no lost updates).
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("加密保存的数据")
        verbose_name_plural = _("加密保存的数据")

    def __str__(self) -> str:
        return f"saved bundle {self.pk}"


class WriteProbe(models.Model):
    """One row that /healthz writes and commits, to learn whether the database takes writes.

    An insert that is rolled back never reaches the disk with SQLite (the write-ahead log is
    written at commit), so only a committed write notices a read-only filesystem.
    """

    written_at = models.DateTimeField()

    class Meta:
        verbose_name = _("写入检查")
        verbose_name_plural = _("写入检查")

    def __str__(self) -> str:
        return f"write probe {self.written_at:%Y-%m-%d %H:%M:%S}"


class RestoreAttempts(models.Model):
    """Save-code attempts from one address in one minute (advisor.throttle).

    In the database so that every app process counts together, with or without Redis. The
    address is never stored: ``client`` is a keyed hash of it (and of the minute), and rows
    of past minutes are deleted as new ones come.
    """

    client = models.CharField(max_length=64, unique=True)
    window = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("保存码尝试次数")
        verbose_name_plural = _("保存码尝试次数")

    def __str__(self) -> str:
        return f"restore attempts {self.pk}"


# --- Anonymous counts (advisor.counts) ------------------------------------------------------
# Counts only: no session key, no address, no user agent, no time finer than a day, and no
# row that names a borrower or ties two counts to one. Never content (not ``Sourced``).


class StepCount(models.Model):
    """How many times, on one day, a step of a journey was viewed, done, made or downloaded."""

    day = models.DateField()
    journey = models.CharField(max_length=20)
    step = models.CharField(max_length=60)
    event = models.CharField(max_length=30)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("每日步骤计数")
        verbose_name_plural = _("每日步骤计数")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "journey", "step", "event"], name="step_count_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.journey}/{self.step}/{self.event}: {self.n}"


class ClearAnswer(models.TextChoices):
    YES = "yes", _("清楚")
    NO = "no", _("不太清楚")


class UnclearReason(models.TextChoices):
    TOO_LONG = "too_long", _("太长了")
    WORD = "word", _("有我看不懂的词")
    NOT_MY_CASE = "not_my_case", _("和我的情况不符")
    SCARED = "scared", _("看了让我害怕")


class ClarityCount(models.Model):
    """ "Was this page clear?": how many said yes or no (and why not) per page and content version."""

    page = models.CharField(max_length=60)
    content_version = models.CharField(max_length=20)
    answer = models.CharField(max_length=10, choices=ClearAnswer.choices)
    reason = models.CharField(max_length=20, choices=UnclearReason.choices, blank=True)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("“这一页清楚吗”计数")
        verbose_name_plural = _("“这一页清楚吗”计数")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "content_version", "answer", "reason"],
                name="clarity_count_once_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page}@{self.content_version} {self.answer}/{self.reason}: {self.n}"


class OutcomeCount(models.Model):
    """What borrowers later said happened, per lender kind and estimate level (and version)."""

    question = models.CharField(max_length=20)
    answer = models.CharField(max_length=20)
    lender_kind = models.CharField(max_length=20, choices=LenderKind.choices)
    level = models.CharField(max_length=20)
    estimate_version = models.CharField(max_length=40)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("后来怎么样了计数")
        verbose_name_plural = _("后来怎么样了计数")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "answer", "lender_kind", "level", "estimate_version"],
                name="outcome_count_once_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}={self.answer} {self.lender_kind}/{self.level}: {self.n}"
