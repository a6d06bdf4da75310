"""The pure letter rules: fixed placeholders, single-pass filling, text hygiene."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from advisor.rules import letter, plan
from advisor.rules.plan import Payment


def test_it_fills_chinese_and_english_placeholders() -> None:
    text = letter.fill(
        "[姓名]欠[贷款机构][逾期金额]。[Name] owes [lender].",
        {"name": "张三", "lender": "某银行", "amount": "¥3,000.00"},
    )
    assert text == "张三欠某银行¥3,000.00。张三 owes 某银行."


def test_it_leaves_a_blank_line_for_a_missing_value() -> None:
    assert letter.fill("电话：[电话]", {}) == f"电话：{letter.BLANK}"
    assert letter.blank_count(letter.fill("[电话][地址]", {})) == 2


def test_it_leaves_unknown_brackets_alone() -> None:
    assert letter.fill("[不存在的词] [x]", {"name": "A"}) == "[不存在的词] [x]"
    assert letter.unknown_placeholders("[姓名][错别字]") == ["[错别字]"]


def test_a_value_that_looks_like_a_placeholder_is_not_expanded_again() -> None:
    text = letter.fill("[地址]", {"address": "[姓名] {{ secret }}", "name": "张三"})
    assert text == "[姓名] {{ secret }}"


def test_template_language_is_just_text() -> None:
    template = "{% load static %}{{ request.user }}<script>alert(1)</script>[姓名]"
    assert (
        letter.fill(template, {"name": "李四"})
        == "{% load static %}{{ request.user }}<script>alert(1)</script>李四"
    )


@given(st.text(max_size=200), st.text(max_size=50))
def test_filling_never_rescans_inserted_values(template: str, value: str) -> None:
    filled = letter.fill(template, {"name": value})
    # Every inserted value appears as typed (after cleaning), never expanded further.
    cleaned = letter.clean_text(value).strip()
    if "[姓名]" in letter.clean_text(template) and cleaned:
        assert cleaned in filled


@given(st.text(max_size=300))
def test_cleaned_text_has_no_control_characters(text: str) -> None:
    cleaned = letter.clean_text(text)
    assert "\r" not in cleaned
    assert all(ch in "\n\t" or ord(ch) >= 0x20 for ch in cleaned if ord(ch) < 0x80)


def test_placeholders_in_lists_each_known_placeholder_once_in_order() -> None:
    assert letter.placeholders_in("[贷款机构][姓名][Lender][今天日期]") == [
        "lender",
        "name",
        "today",
    ]


def test_every_placeholder_token_is_unique() -> None:
    zh = [p.zh for p in letter.PLACEHOLDERS]
    en = [p.en.casefold() for p in letter.PLACEHOLDERS]
    assert len(set(zh)) == len(zh) and len(set(en)) == len(en)


def test_the_placeholder_help_documents_every_placeholder() -> None:
    from advisor import admin_views  # the editors' placeholder list (letter template admin)

    help_text = "\n".join(tokens for tokens, _meaning in admin_views.letter_placeholders())
    for placeholder in letter.PLACEHOLDERS:
        assert f"[{placeholder.zh}]" in help_text and f"[{placeholder.en}]" in help_text


def test_a_full_id_number_is_masked() -> None:
    assert letter.mask_id("440106199001011234") == "4401**********1234"
    assert letter.mask_id("44010619900101123x") == "4401**********123X"
    assert letter.mask_id("4401****1234") == "4401****1234"


def test_the_first_short_line_is_the_title() -> None:
    assert letter.split_title("\n标题\n\n正文") == ("标题", "正文")
    long_line = "很长" * 41
    assert letter.split_title(long_line) == ("", long_line)


def test_dates_are_written_for_the_letter_language() -> None:
    day = dt.date(2026, 11, 23)
    assert letter.format_date(day) == "2026年11月23日"
    assert letter.format_date(day, "en") == "23 November 2026"


@dataclass(frozen=True)
class _Incident:
    when: dt.datetime
    kind_label: str
    who: str
    what: str
    attachments: tuple[str, ...]


def test_the_evidence_log_becomes_numbered_lines_oldest_first() -> None:
    entries = [
        _Incident(
            dt.datetime(2026, 11, 20, 22, 40), "电话", "138xxxx", "威胁  上门", ("录音1.m4a",)
        ),
        _Incident(dt.datetime(2026, 11, 18, 9, 0), "短信", "", "联系了我母亲", ()),
    ]
    assert letter.incident_lines(entries) == (
        "1. 2026年11月18日 09:00，短信：联系了我母亲\n"
        "2. 2026年11月20日 22:40，电话，138xxxx：威胁 上门（证据：录音1.m4a）"
    )


def test_a_schedule_groups_runs_of_equal_payments() -> None:
    zero = Decimal("0")
    payments = [
        Payment(
            n,
            dt.date(2026, 11 + n, 15) if n < 2 else dt.date(2027, n - 1, 15),
            Decimal("100.00"),
            zero,
            zero,
        )
        for n in (1, 2, 3)
    ]
    payments.append(Payment(4, dt.date(2027, 3, 15), Decimal("99.99"), zero, zero))
    runs = plan.runs(payments)
    assert letter.schedule_lines(runs) == (
        "第1–3期（2026年12月15日至2027年2月15日）：每期¥100.00\n第4期（2027年3月15日）：¥99.99"
    )
    assert letter.schedule_lines(runs, "en").endswith("Payment 4 (15 March 2027): ¥99.99")


def _addressee(slug: str, language: str) -> str:
    from advisor.seed.letters import SEEDS

    seed = next(s for s in SEEDS if s.key["slug"] == slug)
    body = seed.fields["body_zh_hans" if language == "zh-hans" else "body_en"]
    return next(line for line in body.splitlines() if line.startswith(("致：", "To:")))


def test_the_card_letter_is_addressed_without_repeating_the_lenders_name() -> None:
    chinese = letter.fill(_addressee("card-instalment", "zh-hans"), {"lender": "招商银行信用卡"})
    assert chinese == "致：招商银行 信用卡中心"
    english = letter.fill(
        _addressee("card-instalment", "en"), {"lender": "China Merchants Bank Credit Card"}
    )
    assert english == "To: China Merchants Bank credit card centre"


# Names made of the letters' own words too, so that repeats of every length come up.
_NAMES = st.text("招商银行信用卡中心客户投诉部门某小额贷款有限公司微众", min_size=1, max_size=12)


@given(_NAMES, st.sampled_from(["信用卡中心", "客户投诉部门"]))
def test_a_lender_named_with_the_letters_own_words_gets_them_once(name: str, words: str) -> None:
    for typed in (name, name + words, name + words[:3]):
        line = letter.fill(f"致：[贷款机构] {words}", {"lender": typed})
        assert line.count(words) == 1 + name.count(words)
        assert line.startswith("致：" + name[:1])


@given(_NAMES)
def test_a_name_that_does_not_repeat_the_letters_words_is_kept_whole(name: str) -> None:
    line = letter.fill("致：[贷款机构] 信用卡中心", {"lender": name + "银行"})
    assert line == f"致：{name}银行 信用卡中心"
