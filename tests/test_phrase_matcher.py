"""What did they say: plain keyword matching on editor-managed phrases."""

from __future__ import annotations

import pytest

from advisor.rules import phrases
from advisor.rules.phrases import Pattern

PATTERNS = [
    Pattern("visit", ("外访", "上门", "上門", "home visit"), 10),
    Pattern("legal", ("法务", "立案", "起诉", "legal department"), 20),
    Pattern("pay-today", ("今天必须", "名额", "pay today"), 30),
    Pattern("credit", ("撤销征信", "洗白"), 40),
    Pattern("family", ("家人", "单位", "通讯录"), 50),
    Pattern("threat", ("知道你住哪", "收拾你"), 60),
    Pattern("too-short", ("a", "法", ""), 70),
]


def codes(text: str) -> list[str]:
    return [m.code for m in phrases.match(text, PATTERNS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明天安排外访人员上门", ["visit"]),
        ("已经转法务部，马上立案", ["legal"]),
        ("今天不还名额就没了", ["pay-today"]),
        ("交钱可以帮你撤销征信", ["credit"]),
        ("不还就打给你家人和单位", ["family"]),
        ("我们知道你住哪，小心点", ["threat"]),
        # Two phrases: the one with more keywords found comes first.
        ("外访明天到，已转法务立案起诉", ["legal", "visit"]),
        ("外 访", ["visit"]),  # spaces inserted
        ("外-访！！", ["visit"]),  # punctuation inserted
        ("明天上門", ["visit"]),  # Traditional keyword variant supplied by the caller
        ("We will send a HOME  VISIT team", ["visit"]),  # case and spacing
        ("Our Legal-Department has your file", ["legal"]),
        ("ｐａｙ　ｔｏｄａｙ", ["pay-today"]),  # full-width letters and space
        ("你好，请问你是哪位", []),
        ("", []),
        ("   \n\t ", []),
        ("法", []),  # one-character keywords never match
        ("a a a a", []),
    ],
)
def test_phrase_table(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('上门')</script>",
        "'; DROP TABLE advisor_fact; -- 法务",
        "{{ settings.SECRET_KEY }} {% debug %} 名额",
        ".*+?[](){}|^$\\ 家人",
        "\x00\x1b[31m通讯录\u200b",
    ],
)
def test_hostile_text_is_only_ever_matched_as_text(text: str) -> None:
    found = phrases.match(text, PATTERNS)
    assert len(found) == 1
    assert all(hit in ("上门", "法务", "名额", "家人", "通讯录") for hit in found[0].hits)


def test_zero_width_characters_do_not_hide_a_keyword() -> None:
    assert codes("外\u200b访") == ["visit"]


def test_only_the_first_stretch_of_a_very_long_text_is_read() -> None:
    padding = "好" * phrases.MAX_TEXT
    assert codes("外访" + padding) == ["visit"]
    assert codes(padding + "外访") == []


def test_a_keyword_is_counted_once_even_when_repeated_or_duplicated() -> None:
    found = phrases.match("上门上门上门", [Pattern("v", ("上门", "上 门", "上门"))])
    assert found[0].hits == ("上门",)


def test_no_patterns_means_no_matches() -> None:
    assert phrases.match("外访", []) == []
