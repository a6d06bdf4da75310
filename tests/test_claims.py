"""The never-claim check and readability hints (advisor.rules.claims, no Django)."""

from __future__ import annotations

import pytest

from advisor.rules.claims import (
    blocked_domain,
    never_claims,
    readability_hints,
    source_title_problem,
)


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
