"""Automatic numbers of Chinese official documents: 一、 （一） 1. （1） and the run-in 一是、二是….

Authors never type these numbers; the position of an item in the TOML decides it.
"""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"

#: Level schemes: level 1 (parts) 一、, level 2 （一）, level 3 1., level 4 （1）.
SCHEMES = ("一、", "（一）", "1.", "（1）")
#: Numbers as published reports print them, for a report transcribed as published (each warned about): level 3 as
#: "1、" and the full-width "1．" (GB/T 15834-2011 §4.5.3.5 wants the point "1."), levels 2 and 4 in half-width
#: brackets "(一)", "(1)" (the full-width （一） （1） of Chinese text), and a bracketed number with a 顿号 after it,
#: "（一）、" or "(一)、" (浮梁县臧湾乡 2018: a number in brackets takes no further mark), and level 2 as
#: ordinals "第一，" (固阳县下湿壕镇 2022's "第一,主动公开" "第二,筑牢信息“质量关”"; the half-width "第一," as
#: stored) — variant → the scheme it stands for.
PRINTED_VARIANTS = {
    "1、": "1.",
    "1．": "1.",
    "(一)": "（一）",
    "(1)": "（1）",
    "（一）、": "（一）",
    "(一)、": "（一）",
    "（1）、": "（1）",
    "(1)、": "（1）",
    "第一，": "（一）",
    "第一,": "（一）",
}


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (as used in document numbering)."""
    if n <= 0:
        raise ValueError(f"numbering starts at 1, got {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        if rest < 10:
            return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
        tail = chinese_number(rest)
        if rest < 20:
            tail = "一" + tail
        return _DIGITS[hundreds] + "百" + tail
    return str(n)


def label(scheme: str, n: int) -> str:
    """The label of item ``n`` (1-based) in ``scheme`` — one of :data:`SCHEMES` or ``"一是"``."""
    if len(scheme) > 1 and scheme.endswith("、") and scheme[0] in "（(":  # "（一）、": the bracketed number and a 顿号
        return label(scheme[:-1], n) + "、"
    if scheme == "一、":
        return f"{chinese_number(n)}、"
    if scheme == "（一）":
        return f"（{chinese_number(n)}）"
    if scheme == "(一)":
        return f"({chinese_number(n)})"
    if scheme in ("1.", "1、", "1．"):
        return f"{n}{scheme[1]}"
    if scheme == "（1）":
        return f"（{n}）"
    if scheme == "(1)":
        return f"({n})"
    if scheme in ("第一，", "第一,"):
        return f"第{chinese_number(n)}{scheme[-1]}"
    if scheme == "一是":
        return f"{chinese_number(n)}是"
    known = ", ".join([*SCHEMES, *PRINTED_VARIANTS, "一是"])
    raise ValueError(f"unknown numbering scheme {scheme!r}; known: {known}")


def scheme_for_level(level: int) -> str:
    """Default scheme of heading level 1–4."""
    return SCHEMES[min(max(level, 1), 4) - 1]


def parse_chinese_number(text: str) -> int | None:
    """Inverse of :func:`chinese_number` for 1–999 (used by checks that read numbers authors typed)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = 0
    if "百" in text:
        head, _, text = text.partition("百")
        if len(head) != 1 or head not in _DIGITS[1:]:
            return None
        value += _DIGITS.index(head) * 100
        text = text.removeprefix("零")
    if "十" in text:
        head, _, tail = text.partition("十")
        if head and (len(head) != 1 or head not in _DIGITS[1:]):
            return None
        value += (_DIGITS.index(head) if head else 1) * 10
        text = tail
    if text:
        if len(text) != 1 or text not in _DIGITS[1:]:
            return None
        value += _DIGITS.index(text)
    return value or None


_NUMBER_IN_LABEL = re.compile(r"[一二三四五六七八九十百零〇]+|\d+")


def printed_number(printed: str) -> int | None:
    """The number a label as printed gives — "（四）" → 4, "12." → 12 — or ``None`` (no number, "" or "附表")."""
    found = _NUMBER_IN_LABEL.search(printed)
    return parse_chinese_number(found.group(0)) if found else None


def goes_on_from(printed: str, last: int) -> int:
    """The number a list goes on from after an item printed with the label ``printed`` (the one after ``last``,
    the number before it, when the label gives none) — shared by the build and the import, so that both count alike."""
    return printed_number(printed) or last + 1


def extra_space(printed: str, official: str) -> str | None:
    """Where a number printed with a space has it — "后面" ("一、 ", "2. ") or "中间" ("六 、") — when only spaces
    set it apart from ``official``; ``None`` otherwise.  Parts and items word their warning with it."""
    printed = printed.lstrip()
    if printed == official or re.sub(r"\s", "", printed) != official:
        return None
    return "中间" if re.search(r"\s", printed.rstrip()) else "后面"
