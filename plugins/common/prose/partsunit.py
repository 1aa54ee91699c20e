"""Parts in another measure word: parts that add up to the total exactly but are all counted in another measure word
than it ("处理338宗，其中……229个、……62个、……47个", ``prose.parts-unit``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _in_brackets, _sentences, _short

#: the measure words a count of cases, requests or items is written with: one count, one word
_CASE_UNITS = "件宗个条项起例"
_CASE_TOTAL = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_CASE_UNITS}])[，,：:\s]{{0,2}}其中")
_CASE_PART = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_CASE_UNITS}])(?![\d%％])")


@dataclass(frozen=True)
class PartsUnit:
    phrase: str
    total: int
    unit: str  # the total's measure word
    parts_unit: str  # the one other measure word every part is counted in


def parts_in_another_unit(text: str) -> Iterator[PartsUnit]:
    """ "处理338宗，其中营业执照办理229个、变更事项62个、注销营业执照47个" (陆丰市八万镇 2022): the parts add up to
    the total exactly — they are the same things — yet every part is counted with another measure word than the
    total.  Parts in several measure words, or adding up to anything else, are another statistic and not read."""
    for sentence in _sentences(text):
        total = _CASE_TOTAL.search(sentence)  # the sentence's first 其中 list only
        if total is None:
            continue
        parts = [
            (int(m.group("n").replace(",", "")), m.group("u"))
            for m in _CASE_PART.finditer(sentence, total.end())
            if not _in_brackets(sentence, m.start())
        ]
        units = {u for _, u in parts}
        stated = int(total.group("n").replace(",", ""))
        one_other = len(parts) >= 2 and len(units) == 1 and total.group("u") not in units
        if one_other and sum(n for n, _ in parts) == stated:
            yield PartsUnit(sentence.strip(), stated, total.group("u"), units.pop())


def parts_unit_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``prose.parts-unit`` for every 其中 list counted in another measure word than its total."""
    return [
        warning(
            "prose.parts-unit",
            f"“{_short(found.phrase)}”：总数{found.total}{found.unit}，其中各项加起来正是这{found.total}{found.unit}，"
            f"却都以“{found.parts_unit}”计——同一种事物前后量词应一致",
            report.ref(keypath),
            expected=f"其中各项也以“{found.unit}”计（或总数以“{found.parts_unit}”计）",
            found=f"“{found.parts_unit}”",
        )
        for keypath, text in texts
        for found in parts_in_another_unit(text)
    ]
