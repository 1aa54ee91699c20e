"""The rounding policy of every format: a typed percentage is compared at the precision typed, rounded half-up.

A value that is only the *truncated* figure (35/805 = 4.348 % written 4.34 %) is reported as a rounding slip
(``prose.percent-rounding``, WARNING) in every format; any other difference is a mismatch, under the rule of the
reader that found it (:func:`_percent_problem`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from compiler.model.problems import Problem, warning
from compiler.model.report import Report


@dataclass(frozen=True)
class PercentVerdict:
    ok: bool
    rounded: Decimal  # the right value at the precision typed
    truncated: bool  # the typed value is the truncated figure (a rounding slip, not a wrong number)
    places: int


def percent_verdict(part: Any, whole: Any, typed: str) -> PercentVerdict | None:
    """``typed`` (e.g. ``"4.34"``) against ``part / whole × 100`` at the precision typed; ``None`` if no base."""
    whole_d, part_d = Decimal(str(whole)), Decimal(str(part))
    if whole_d == 0:
        return None
    value = Decimal(typed)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    exact = part_d * 100 / whole_d
    step = Decimal(1).scaleb(-places)
    rounded = exact.quantize(step, rounding=ROUND_HALF_UP)
    truncated = exact.quantize(step, rounding=ROUND_DOWN)
    if value == rounded:
        return PercentVerdict(True, rounded, False, places)
    return PercentVerdict(False, rounded, value == truncated, places)


def rounding_problem(report: Report, keypath: str, phrase: str, typed: str, verdict: PercentVerdict) -> Problem:
    return warning(
        "prose.percent-rounding",
        f"“{phrase}”中的 {typed}% 是截断值，四舍五入保留{verdict.places}位小数应为 {verdict.rounded}%",
        report.ref(keypath),
        expected=f"{verdict.rounded}%",
        found=f"{typed}%",
    )


def _percent_problem(
    report: Report, keypath: str, phrase: str, typed: str, verdict: PercentVerdict, rule: str, message: str
) -> Problem:
    """A typed percentage that is not the value: a rounding slip when it is the truncated figure, else ``rule``."""
    if verdict.truncated:
        return rounding_problem(report, keypath, phrase, typed, verdict)
    return warning(rule, message, report.ref(keypath), expected=f"{verdict.rounded}%", found=f"{typed}%")
