"""Traditional Chinese a Hong Kong or Taiwan reader accepts (advisor.rules.hant, no Django)."""

from __future__ import annotations

import polib
import pytest

from advisor.rules.hant import OLD_VARIANTS, old_variants, to_traditional
from tests.helpers import ROOT


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("发卡银行", "發卡銀行"),  # not 髮卡 (a hair clip)
        ("约90天后", "約90天後"),  # not 天后 (the sea goddess)
        ("名单只针对", "名單只針對"),  # not 隻 (a measure word)
        ("借呗和花呗", "借唄和花唄"),  # product names unchanged
        ("微众银行的微粒贷", "微眾銀行的微粒貸"),
        ("为了核实这里的记录", "為了核實這裡的記錄"),  # standard 為 裡 核, not 爲 裏 覈
        ("别着急，先吃饭", "別著急，先吃飯"),  # 著 吃, not 着 喫
        ("我不签任何东西", "我不簽任何東西"),  # 簽 for signing, never 籤 (a lot)
        ("签一份协议，签的字", "簽一份協議，簽的字"),
        ("标签", "標籤"),  # ... but 籤 for a label
        ("信息被发送", "信息被發送"),  # not 髮送 ("hair-sent")
        ("在文字框里写", "在文字框裡寫"),  # 裡, not the unit 里
        ("这里、那里、哪里", "這裡、那裡、哪裡"),
        ("“征信修复”", "「徵信修復」"),
        # s2tw keeps the mainland names of laws and bodies searchable (s2twp renames them).
        ("《个人信息保护法》", "《個人信息保護法》"),
        ("中国互联网金融协会", "中國互聯網金融協會"),
    ],
)
def test_simplified_text_converts_to_standard_traditional(
    simplified: str, traditional: str
) -> None:
    assert to_traditional(simplified) == traditional


def test_the_old_style_check_finds_each_listed_variant() -> None:
    for form in OLD_VARIANTS:
        assert old_variants(f"前{form}後") == [form]
    assert old_variants("為了核實這裡的記錄") == []
    assert old_variants("貼上標籤，抽籤決定") == []  # 籤 is right for a label or a lot


def test_no_seeded_text_converts_to_an_old_style_variant() -> None:
    from advisor.management.commands.load_content import all_seeds

    bad = []
    for seed in all_seeds():
        for name, value in seed.fields.items():
            if not isinstance(value, str):
                continue
            if name.endswith("_zh_hant"):  # written by hand
                found = old_variants(value)
            elif name.endswith("_zh_hans"):
                found = old_variants(to_traditional(value))
            else:
                continue
            if found:
                bad.append((seed.key, name, found))
    assert bad == []


def test_no_interface_string_converts_to_an_old_style_variant() -> None:
    catalog = polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))
    bad = [
        (entry.msgid, old_variants(to_traditional(entry.msgid)))
        for entry in catalog
        if old_variants(to_traditional(entry.msgid))
    ]
    assert bad == []


def test_placeholders_survive_conversion() -> None:
    text = "从 %(start)s 到 {{ end }}，发卡银行"
    assert to_traditional(text) == "從 %(start)s 到 {{ end }}，發卡銀行"
