"""The phrase engine: a format gives a list of (pattern, judge) pairs — "收到申请N件" → table 三's 一、本年新收,
"当面申请N件" → the legacy channel count … — and the engine finds each literal number once (the first pattern that
reads it wins; a number printed by a ``{reference}`` is never read) and asks the judge what the data says.  Both
formats read their prose through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

Judge = Callable[[re.Match[str]], Any]


def restatements(
    text: str, spans: list[tuple[int, int, str]], rules: Iterable[tuple[re.Pattern[str], Judge]]
) -> Iterator[Any]:
    """Each literal number of ``text`` read by the first rule whose pattern (number in group ``n``) matches it.

    ``spans`` are the parts of the text a ``{reference}`` printed (never read: they come from the data).  The
    judge gets the match and returns a finding (anything but ``None``) when the number differs from the data.
    """
    used: list[tuple[int, int]] = [(s, e) for s, e, *_ in spans]
    for pattern, judge in rules:
        for m in pattern.finditer(text):
            start, end = m.span("n")
            if any(s < end and start < e for s, e in used):
                continue
            used.append((start, end))
            found = judge(m)
            if found is not None:
                yield found


def as_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))
