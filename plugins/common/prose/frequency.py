"""Stated frequency: a practice said to happen 每月 (每季度, 每周, 每半年) counted, in the same paragraph, fewer times
than the year has months ("每月通报……月通报7次", ``prose.frequency``); a sentence saying when it began ("自6月起") is
not held to a whole year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _sentences

#: how many times a year "每<period>" comes round
PER_YEAR = {"月": 12, "季度": 4, "季": 4, "周": 52, "半年": 2}
_PERIODS = "半年|季度|季|月|周"
_EVERY = re.compile(rf"每(?P<p>{_PERIODS})(?:[一1]次|度)?(?P<v>[\u4e00-\u9fff]{{2}})")
_COUNTED_ROUNDS = re.compile(
    rf"(?<![每一1])(?P<p>{_PERIODS})度?(?P<v>[\u4e00-\u9fff]{{2}})(?P<n>\d+)\s*(?:次|期|份|轮)"
)
#: "自6月起每月通报" — a practice begun during the year is not expected to come round a whole year's times
_BEGUN = re.compile(r"(?:\d{1,2}月|年中|下半年|上半年|年底)份?(?:起|开始|以来|至今)|首次|试行")


@dataclass(frozen=True)
class StatedFrequency:
    claim: str  # "每月通报"
    count: str  # "月通报7次"
    period: str  # "月"
    times: int
    per_year: int


def frequencies_not_met(text: str) -> Iterator[StatedFrequency]:
    """ "……每月通报……全年开展月通报7次": a practice said to happen every month (quarter, week) counted fewer
    times than a year has months (quarters, weeks), in one paragraph."""
    claims = {}
    for sentence in _sentences(text):
        if _BEGUN.search(sentence):
            continue
        for m in _EVERY.finditer(sentence):
            period = "季度" if m.group("p") == "季" else m.group("p")
            claims.setdefault((period, m.group("v")), m.group(0))
    for m in _COUNTED_ROUNDS.finditer(text):
        period = "季度" if m.group("p") == "季" else m.group("p")
        claim = claims.get((period, m.group("v")))
        times = int(m.group("n"))
        if claim is not None and times < PER_YEAR[period]:
            yield StatedFrequency(claim, m.group(0), period, times, PER_YEAR[period])


def frequency_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in frequencies_not_met(text):
            problems.append(
                warning(
                    "prose.frequency",
                    f"正文说“{found.claim}”，全年却是“{found.count}”：每{found.period}一次，全年应为"
                    f"{found.per_year}次；若是年中才开始，请写明起始时间",
                    report.ref(keypath),
                    expected=f"≥ {found.per_year}",
                    found=found.times,
                )
            )
    return problems
