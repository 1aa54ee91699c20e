"""A 办结率 against the counts it is computed from in its sentence: "受理117件，办结171件，办结率100%"
(``prose.rate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from compiler.model.problems import Problem
from compiler.model.report import Report
from plugins.common.prose.percent import PercentVerdict, _percent_problem, percent_verdict
from plugins.common.prose.reading import _sentences, _short


@dataclass(frozen=True)
class StatedRate:
    phrase: str
    received: int
    done: int
    typed: str
    verdict: PercentVerdict


_RECEIVED = re.compile(r"(?:受理|收到|接收|登记)[^，。；\d]{0,12}?(?P<n>\d+(?:,\d{3})*)(?P<u>[件项条个宗])")
_DONE_RATE = re.compile(
    r"(?<!按时)(?<!按期)办结[^，。；\d]{0,6}?(?P<n>\d+(?:,\d{3})*)(?P<u>[件项条个宗])[，,、]?"
    r"(?<!按时)办结率(?:为|达到?)?\s*(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


def completion_rates(text: str) -> Iterator[StatedRate]:
    """ "受理117件，办结171件，办结率100%": a 办结率 against the counts it is computed from (办结 ÷ 受理), in one
    sentence."""
    for sentence in _sentences(text):
        for m in _DONE_RATE.finditer(sentence):
            received = [r for r in _RECEIVED.finditer(sentence, 0, m.start()) if r.group("u") == m.group("u")]
            if not received:
                continue
            base = int(received[-1].group("n").replace(",", ""))
            done = int(m.group("n").replace(",", ""))
            verdict = percent_verdict(done, base, m.group("p"))
            if verdict is not None and not verdict.ok:
                yield StatedRate(sentence.strip(), base, done, m.group("p"), verdict)


def rate_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in completion_rates(text):
            swapped = "；两个数字是否写反或写错了？" if found.done > found.received else ""
            message = (
                f"“{_short(found.phrase)}”：办结{found.done}÷受理{found.received}＝{found.verdict.rounded}%，"
                f"不是所说的办结率{found.typed}%{swapped}"
            )
            problems.append(
                _percent_problem(report, keypath, found.phrase, found.typed, found.verdict, "prose.rate", message)
            )
    return problems
