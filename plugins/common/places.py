"""Places: the province-, prefecture- and county-level divisions of China (``places.tsv`` beside this module).

A report names its own place in its organ ("平潭综合实验区地方税务局" → 平潭县, in 福州市, 福建省); a media outlet
or portal named after another place ("《今日定安》" in that report — 定安县 is in 海南省) is text carried over from
another place's report.  This module finds places in a name and tells whether two places are related (the same,
or one inside the other — the codes share a prefix).

A place is found by its full name (平潭县) or by its name without the level word (平潭), but only where that
short name has two characters or more; short names that are everyday words or shared by several places
(光明, 前进, 和平, 鼓楼…: the rows marked ``~`` at the end of the table) are never taken for places on their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).with_name("places.tsv")

_AUTONOMOUS = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,4}族)*(?:维吾尔)?自治[县州旗区]$")
_LEVEL = ("特别行政区", "地区", "林区", "特区", "县", "市", "区", "旗", "盟", "省")


@dataclass(frozen=True)
class Place:
    code: str  # 2 digits: province; 4: prefecture; 6: county
    name: str  # as the table gives it: 平潭县

    def within(self, other: Place) -> bool:
        return self.code.startswith(other.code)

    def related(self, other: Place) -> bool:
        """The same place, or one inside the other."""
        return self.within(other) or other.within(self)


def short_name(name: str) -> str | None:
    """平潭县 → 平潭, 湘西土家族苗族自治州 → 湘西; None when the rest would be one character (沛县, 道县)."""
    m = _AUTONOMOUS.match(name)
    if m:
        return m.group("stem")
    for level in _LEVEL:
        if name.endswith(level) and len(name) - len(level) >= 2:
            return name[: -len(level)]
    return None


@functools.cache
def _index() -> tuple[dict[str, Place], dict[str, tuple[Place, ...]]]:
    by_code: dict[str, Place] = {}
    by_name: dict[str, list[Place]] = {}
    common_words: set[str] = set()
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line[:1] not in ("", "#")]
    for code, name in rows:
        if code == "~":
            common_words.add(name)
        else:
            by_code[code] = Place(code, name)
    for place in by_code.values():
        for key in {place.name, short_name(place.name)} - {None} - common_words:
            by_name.setdefault(key, []).append(place)
    return by_code, {k: tuple(v) for k, v in by_name.items()}


def by_code(code: str) -> Place | None:
    """The place of a division code (2, 4 or 6 digits), or ``None`` when the table has no row for it."""
    return _index()[0].get(code)


def provinces() -> tuple[Place, ...]:
    """The province-level divisions (the rows of two-digit codes), in the table's order."""
    return tuple(place for code, place in _index()[0].items() if len(code) == 2)


def named(word: str) -> tuple[Place, ...]:
    """The places a word names exactly (平潭 or 平潭县); empty for anything else."""
    return _index()[1].get(word, ())


#: the words that end a township's name: a county's short name straight before one is the township's own name
#: (湖滨街道 in 岳阳市南湖新区 is not 三门峡市湖滨区; 宁安镇 need not be in 宁安市)
_TOWNSHIP = re.compile(r"街道|镇|乡|苏木|民族乡")


def in_name(text: str) -> tuple[Place, ...]:
    """The places named inside an organ's name — the longest names first, and only the most specific of those
    that nest (淮安市洪泽区人民政府 → 洪泽区, not also 淮安市).  A short name (湖滨, not 湖滨区) that a township's
    word follows names the township, not the county (岳阳市南湖新区湖滨街道 2017, held-out round 292)."""
    names = _index()[1]
    found: list[Place] = []
    i = 0
    while i < len(text):
        for length in range(min(12, len(text) - i), 1, -1):
            word = text[i : i + length]
            places = names.get(word)
            if places:
                if not (all(p.name != word for p in places) and _TOWNSHIP.match(text, i + length)):
                    found.extend(places)
                i += length
                break
        else:
            i += 1
    return tuple(p for p in found if not any(q is not p and q.within(p) for q in found))


def chain(place: Place) -> str:
    """福建省福州市平潭县: the place with the places it is in."""
    by_code = _index()[0]
    parts = [by_code[place.code[:n]].name for n in (2, 4) if len(place.code) > n and place.code[:n] in by_code]
    return "".join(parts) + place.name


def related_to_any(places: Iterable[Place], others: Iterable[Place]) -> bool:
    others = tuple(others)
    return any(p.related(o) for p in places for o in others)
