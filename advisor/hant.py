"""Traditional Chinese from Simplified, with OpenCC (no Django).

Simplified Chinese is the source language of the site. Where no Traditional Chinese text has
been written (interface strings, or a content field an editor left empty), we convert the
Simplified text with OpenCC's standard "s2t" dictionary. A translator's own text always wins.

>>> to_traditional("还款计划")
'還款計劃'
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc ships no type hints
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    if not text:
        return text
    return _converter().convert(text)
