"""Traditional Chinese from Simplified, with OpenCC (no Django).

Simplified Chinese is the source language of the site. Where no Traditional Chinese text has
been written (interface strings, or a content field an editor left empty), we convert the
Simplified text. A translator's own text always wins.

Which OpenCC configuration, and why: ``s2tw`` (Taiwan standard characters, no phrase
rewriting).

- ``s2t`` (what we used before) gives OpenCC's "inherited" glyphs that Hong Kong and Taiwan
  readers take for old-fashioned or wrong: 爲, 裏, 着, 覈實, 喫, 衆.
- ``s2hk`` fixes most of them but keeps 裏 and 着, which are standard in Hong Kong but read as
  old-style in Taiwan and to most mainland readers of Traditional.
- ``s2twp`` also swaps mainland words for Taiwanese ones, and that renames the official
  documents and bodies we cite: 《个人信息保护法》 becomes 《個人資訊保護法》 and 中国互联网金融协会
  becomes 網際網路金融協會. A borrower who searches for those names would not find them.
- ``s2tw`` gives standard Taiwan glyphs (為, 裡, 著, 核實, 吃) and leaves the words, so the
  names of laws, regulators and products stay searchable.

No dictionary knows our product and legal terms, so a small override table comes first: the
segments it lists are written as given and never passed to OpenCC (for example 发卡银行 would
otherwise become 髮卡銀行, "hair-clip bank").

>>> to_traditional("还款计划")
'還款計劃'
>>> to_traditional("发卡银行约90天后只针对借呗")
'發卡銀行約90天後只針對借唄'
>>> to_traditional("我不签任何东西，文字框里的信息被发送了")
'我不簽任何東西，文字框裡的信息被發送了'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

OPENCC_CONFIG = "s2tw"

# Simplified segment -> the Traditional we want. Longest match wins.
OVERRIDES: dict[str, str] = {
    "发卡": "發卡",  # card-issuing; OpenCC picks 髮 (hair)
    "天后": "天後",  # "days later"; OpenCC reads 天后, the sea goddess
    "只针对": "只針對",  # OpenCC picks the measure word 隻
    "只对": "只對",
    "别着急": "別著急",  # OpenCC reads 别着 as 彆着 ("pinned")
    "签": "簽",  # signing (签名, 签字, 签收); OpenCC sometimes picks 籤 (a lot, a label)
    "标签": "標籤",  # ... which is right for a label and a lot
    "抽签": "抽籤",
    "发送": "發送",  # OpenCC reads 被发送 as 被髮送 ("hair-sent")
    "框里": "框裡",  # OpenCC leaves 里 after 框 as the unit of length
    "这里": "這裡",
    "那里": "那裡",
    "哪里": "哪裡",
    "借呗": "借唄",  # product names stay exactly as the products spell them
    "花呗": "花唄",
    "微众": "微眾",
    "微粒贷": "微粒貸",
    "“": "「",
    "”": "」",
    "‘": "『",
    "’": "』",
}

# Glyphs (or misreadings) a Hong Kong or Taiwan reader would reject in our text. The site
# never speaks of hair (髮), and 籤 is right only for a label or a lot (see _RIGHT_QIAN).
OLD_VARIANTS: tuple[str, ...] = (
    "爲",
    "裏",
    "着",
    "覈",
    "喫",
    "纔",
    "衆",
    "髮",
    "籤",
    "天后",
    "隻針對",
    "框里",
    "這里",
    "那里",
    "哪里",
)
_RIGHT_QIAN = re.compile("標籤|抽籤|書籤")

_PATTERN = re.compile("|".join(re.escape(key) for key in sorted(OVERRIDES, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _converter() -> Any:  # opencc ships no type hints
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    if not text:
        return text
    convert = _converter().convert
    out: list[str] = []
    position = 0
    for match in _PATTERN.finditer(text):
        if match.start() > position:
            out.append(convert(text[position : match.start()]))
        out.append(OVERRIDES[match.group()])
        position = match.end()
    if position < len(text):
        out.append(convert(text[position:]))
    return "".join(out)


@lru_cache(maxsize=1)
def _simplifier() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Simplified Chinese from Traditional (to read a Traditional text with Simplified rules).

    >>> to_simplified("上門催收是違法的")
    '上门催收是违法的'
    """
    return _simplifier().convert(text) if text else text


def old_variants(text: str) -> list[str]:
    """The old-style or wrong forms found in a Traditional text (empty when it is clean)."""
    text = _RIGHT_QIAN.sub("", text)
    return [form for form in OLD_VARIANTS if form in text]


def simplified_left(text: str) -> list[str]:
    """Simplified characters left in a Traditional text, each once, in order of appearance.

    A character counts when converting the whole text changes it (so the context says it is
    Simplified) and converting it on its own changes it too: 了 in 註明了 is left alone, although
    OpenCC reads the whole phrase as 註明瞭.

    >>> simplified_left("機構應在2026年11月5日前答复，这里")
    ['复', '这', '里']
    >>> simplified_left("都註明了來源，這裡的記錄")
    []
    """
    import difflib

    converted = to_traditional(text)
    if len(converted) == len(text):
        pairs = [(a, b) for a, b in zip(text, converted, strict=True) if a != b]
    else:
        matcher = difflib.SequenceMatcher(None, text, converted, autojunk=False)
        pairs = [
            (a, b)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag == "replace" and i2 - i1 == j2 - j1
            for a, b in zip(text[i1:i2], converted[j1:j2], strict=True)
        ]
    found: list[str] = []
    for original, _converted in pairs:
        if to_traditional(original) != original and original not in found:
            found.append(original)
    return found
