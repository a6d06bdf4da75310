"""The never-claim check and readability hints (advisor.rules.claims, no Django)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from advisor.rules.claims import (
    RULES,
    SECTION_7_ITEMS,
    blocked_domain,
    never_claims,
    readability_hints,
    source_title_problem,
    trusted_domain,
)
from advisor.rules.hant import to_traditional


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("逾期超过5000元，上门概率提高42%", "visit-percentage"),
        ("There is a 42% chance of a visit.", "visit-percentage"),
        ("逾期三个月一定会上门", "certain-visit"),
        ("逾期三个月肯定会有人上门", "certain-visit"),
        ("拖着不还，肯定会被起诉", "certain-visit"),
        ("网贷也有权要求60期分期", "right-to-60"),
        ("借呗用户都可以申请停息挂账，依法有权要求免息", "right-to-60"),
        ("我们提供专业征信修复服务，三天见效", "credit-repair-service"),
        ("零风险征信修复", "credit-repair-service"),
        ("逾期会被列入黑名单", "blacklist-for-overdue"),
        ("逾期就会坐牢", "blacklist-for-overdue"),
        ("逾期90天就会上门", "fixed-timeline"),
        ("公约规定晚上10点以后不能打电话", "convention-hours"),
        ("消费贷款的利率上限是36%", "interest-cap-36"),
    ],
)
def test_a_claim_we_must_never_make_is_flagged(text: str, code: str) -> None:
    assert code in [finding.code for finding in never_claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        "不要相信征信修复",
        "征信修复是骗局，不要付钱。",
        "人民银行说，征信领域不存在“修复”“洗白”的说法。",
        "逾期不会让你直接上“黑名单”。",
        "用“黑名单”吓唬你，本身就是禁止的做法。",
        "谨防“停息挂账”中介收费。",
        "这不是概率，也不是预测。",
        "评估结果较高，也不代表一定会有人上门。",
        "Never go through a third-party 'credit repair' company.",
        "PBOC one-time credit repair (deadline 31 March 2026)",
        "信用卡可以申请个性化分期，最长60个月；银行“可以”同意，不是必须同意。",
    ],
)
def test_a_warning_about_the_same_thing_is_not_flagged(text: str) -> None:
    assert never_claims(text) == []


# One claim per point of domain-facts §7 that the site must never make, and the honest
# warning form of the same thing, which it may (and should) say.
SECTION_7 = {
    1: ("网贷也有权要求60期分期", "网贷没有60期分期的权利，是否同意由机构决定。"),
    2: ("公约规定晚上10点以后不能打电话", "2018年的公约没有规定钟点，只说“恰当时间”。"),
    3: ("催收必须两个人一起上门", "没有规定说上门必须是两个人。"),
    4: ("逾期三个月一定会上门", "这不代表一定会上门。"),
    5: ("消费贷款的利率上限是36%", "36%不是消费贷款的利率上限。"),
    6: ("我们提供专业征信修复服务", "收费的征信修复是骗局。"),
    7: ("逾期会被列入黑名单", "逾期不会让你上黑名单。"),
    8: ("催收联系你的家人都是违法的", "不能说联系家人都是违法的：联系不上你时可以有限地联系。"),
    9: ("度小满的客服电话是95055", "度小满的客服电话请在官方App里找。"),
    10: ("逾期90天就会上门", "没有固定的时间表，各家不同。"),
    11: ("逾期超过5000元，上门概率提高42%", "行业网页上的上门概率没有可靠来源。"),
    12: ("交服务费就能帮你停催", "谨防交服务费就能帮你停催的说法。"),
    13: ("新治安管理处罚法第五十条规定", "治安管理处罚法修订后的条文序号我们没有核实。"),
    14: ("调解中心的调解协议没有法律效力", "调解协议有约束力，但要司法确认后才能直接申请执行。"),
    15: ("第一次上门后一周会再来", "没有规定说多久会再来。"),
    16: ("欠款3年后就自动过期", "欠款不会3年后自动过期。"),
    17: ("打电话向法院提出异议也可以", "电话里说的异议不算，必须书面提出。"),
    18: ("债务转让给我们了，就必须还给我们", "不要只凭一句“已经转让”就付钱。"),
    19: ("自称法院执行局的人就是真的", "不能凭对方自称就相信是法院的人。"),
    20: ("裁判文书网查不到就说明没有被起诉", "裁判文书网查不到，不代表没有被起诉。"),
    21: ("可以打的免费电话：12356", "可以打的求助电话：12356（可能收取普通话费）"),
    22: ("个人破产全国都可以申请", "个人破产不是全国都可以申请，只有深圳有条例。"),
    23: ("新仲裁法第六十二条规定", "仲裁法2025年修订后的条文序号我们没有核实。"),
}


def test_every_point_of_section_7_has_a_rule_and_a_case_here() -> None:
    covered = {item for rule in RULES for item in rule.items}
    assert covered == set(SECTION_7_ITEMS) == set(SECTION_7)


@pytest.mark.parametrize("item", sorted(SECTION_7))
def test_each_section_7_claim_is_refused_and_its_warning_allowed(item: int) -> None:
    claim, warning = SECTION_7[item]
    codes = {rule.code for rule in RULES if item in rule.items}
    assert codes & {finding.code for finding in never_claims(claim)}, claim
    assert never_claims(warning) == [], warning


@pytest.mark.parametrize(
    "text",
    [
        "上门催收是违法的",
        "上门催收属于违法行为",
        "上门催收都是违法的",
        "上门是非法的",
        "外访不合法",
        "家访是犯法的",
        "上门催收违法",
        "法律禁止上门催收",
        "上門催收是違法的",  # zh-hant
        "外訪屬於違法行為",
        "上門都是犯法的",
        "Home visits are illegal.",
        "Collection visits are always against the law.",
        "Visiting your home is unlawful.",
    ],
)
def test_saying_home_visits_are_illegal_is_refused_in_every_language(text: str) -> None:
    assert "visits-illegal" in [finding.code for finding in never_claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        "上门催收本身没有被禁止，但强行进门违法。",
        "上门催收并不违法，未经同意进门才违法。",
        "不要相信“上门催收都是违法的”这种说法。",
        "银行业协会的指引禁止未经同意在晚上10点到早上8点上门。",
        "Home visits are not illegal, but entering without consent is.",
    ],
)
def test_what_is_true_about_home_visits_is_allowed(text: str) -> None:
    assert never_claims(text) == []


def test_a_finding_says_why_in_plain_chinese() -> None:
    (finding,) = never_claims("逾期会被列入黑名单")
    assert finding.phrase.endswith("黑名单")
    assert "判决" in finding.message


def test_long_sentences_and_legal_jargon_get_a_hint_but_short_plain_text_does_not() -> None:
    long = "你" * 70 + "。"
    assert any("句子太长" in hint for hint in readability_hints(long))
    assert any("债务人" in hint for hint in readability_hints("债务人应当履行还款义务。"))
    assert readability_hints("逾期了，先别慌。我们一步一步来。") == []


@pytest.mark.parametrize(
    "title",
    [
        "",
        "domain-facts §4: lender customer-service numbers",
        "未找到可核实的官方号码（domain-facts §4）",
        "见 §6.1",
        "网页",
    ],
)
def test_a_source_title_a_borrower_cannot_read_is_refused(title: str) -> None:
    assert source_title_problem(title)


def test_a_named_document_is_a_readable_source_title() -> None:
    assert source_title_problem("《商业银行信用卡业务监督管理办法》第七十条") == ""


def test_a_trusted_domain_covers_its_subdomains_but_not_lookalikes() -> None:
    trusted = ["gov.cn", "news.cn", "court.gov.cn"]
    assert trusted_domain("http://zxgk.court.gov.cn/", trusted) in ("gov.cn", "court.gov.cn")
    assert trusted_domain("https://flk.npc.gov.cn/", trusted) == "gov.cn"
    assert trusted_domain("http://big5.news.cn/gate/x", trusted) == "news.cn"
    for lookalike in (
        "http://xinhuanet.com.cn/x",
        "https://gov.cn.example.com/",
        "https://fakenews.cn/",
    ):
        assert trusted_domain(lookalike, trusted) == ""


@pytest.mark.parametrize(
    ("url", "blocked"),
    [
        ("https://www.haokouzi.cc/kz/48636.html", "haokouzi.cc"),
        ("http://m.haokouzi.cc/x", "haokouzi.cc"),
        ("https://HAOKOUZI.CC/", "haokouzi.cc"),
        ("https://www.2wbiao.com/p/85984.html", "2wbiao.com"),
        ("https://nothaokouzi.cc/", ""),
        ("https://www.webank.com/", ""),
        ("", ""),
    ],
)
def test_a_link_on_a_blocked_domain_or_its_subdomains_is_found(url: str, blocked: str) -> None:
    assert blocked_domain(url, ["haokouzi.cc", "www.2wbiao.com"]) == blocked


# The same check over what is not editor content: templates and the translation catalogue.

ROOT = Path(__file__).resolve().parent.parent


def _findings(texts: dict[str, str]) -> list[tuple[str, str, str]]:
    return [
        (where, finding.code, finding.phrase)
        for where, text in texts.items()
        for finding in never_claims(text)
    ]


def test_no_template_says_what_we_must_never_claim() -> None:
    templates = {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "templates").rglob("*.html"))
    }
    assert len(templates) > 50
    assert _findings(templates) == []


def test_no_interface_string_says_what_we_must_never_claim_in_any_language() -> None:
    catalog = polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))
    texts = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        texts[f"zh-hans: {entry.msgid}"] = entry.msgid
        texts[f"zh-hant: {entry.msgid}"] = to_traditional(entry.msgid)
        texts[f"en: {entry.msgid}"] = entry.msgstr
    assert _findings(texts) == []


def test_the_template_and_catalogue_scans_can_fail(tmp_path: Path) -> None:
    planted = {"x.html": '<h2>{% translate "可以打的免费电话" %}</h2>', "y": "上門催收是違法的"}
    assert {code for _, code, _ in _findings(planted)} == {
        "free-or-always-open-line",
        "visits-illegal",
    }
