"""Indicators: the ratios assessors rank reports by (a share of answers that disclose, a correction rate).

Format plugins compute them through the ``gongkai_indicators`` hook (see :mod:`compiler.host.hookspecs`); the
core only carries them to ``gongkai check`` (text, ``--format json``, the summary of many reports) and compares
them with optional thresholds, which give INFO notes, never warnings or errors.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.model.problems import Problem, Severity, UsageError


@dataclass(frozen=True)
class Indicator:
    """One ratio: ``value`` = ``numerator`` / ``denominator`` (``None`` when the denominator is 0)."""

    key: str  # "disclosure_rate"
    label: str  # "实质公开率"
    numerator: float
    denominator: float
    formula: str  # "（予以公开＋部分公开）÷ 办结总数（（七）总计）"

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def shown(self) -> str:
        return "—" if self.value is None else f"{self.value * 100:.1f}%"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": None if self.value is None else round(self.value, 6),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "formula": self.formula,
        }


def load_thresholds(path: Path) -> dict[str, dict[str, float]]:
    """A thresholds file: one table per indicator key with ``below`` and/or ``above`` in percent::

    [disclosure_rate]
    below = 45      # a note when the 实质公开率 is under 45 %
    [review_correction_rate]
    above = 10
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"无法读取指标阈值文件 {path}：{exc}") from None
    limits: dict[str, dict[str, float]] = {}
    for key, table in data.items():
        if not isinstance(table, Mapping) or not set(table) <= {"below", "above"}:
            raise UsageError(f"指标阈值文件 {path} 中 [{key}] 只能有 below 和 above 两项（单位：%）")
        for bound, value in table.items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
                raise UsageError(f"指标阈值文件 {path} 中 {key}.{bound} 应为 0 到 100 之间的百分数，实为 {value!s}")
        limits[key] = {k: float(v) for k, v in table.items()}
    return limits


def threshold_notes(indicators: Iterable[Indicator], limits: Mapping[str, Mapping[str, float]]) -> list[Problem]:
    notes: list[Problem] = []
    for ind in indicators:
        bounds = limits.get(ind.key) or {}
        if ind.value is None:
            continue
        pct = ind.value * 100
        if "below" in bounds and pct < bounds["below"]:
            notes.append(_note(ind, f"低于阈值 {bounds['below']:g}%", f"≥ {bounds['below']:g}%"))
        if "above" in bounds and pct > bounds["above"]:
            notes.append(_note(ind, f"高于阈值 {bounds['above']:g}%", f"≤ {bounds['above']:g}%"))
    return notes


def _note(ind: Indicator, what: str, expected: str) -> Problem:
    return Problem(
        Severity.INFO,
        "assess.indicator-threshold",
        f"{ind.label}为 {ind.shown()}，{what}（{ind.formula}）",
        None,
        expected=expected,
        found=ind.shown(),
    )
