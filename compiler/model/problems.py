"""Problems found in a report: what every check, loader and typesetter reports to the user.

A problem names the rule it breaks, says what was expected and what was found, and where: the file, the
dotted TOML key path and the line.  Report-content problems are worded in Chinese; problems with the tool's
own invocation may be in English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from compiler.model.document import SourceRef


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return {0: "提示", 1: "警告", 2: "错误"}[int(self)]


@dataclass
class Problem:
    """One finding.  ``rule`` is a stable identifier (``legacy.active.category-sum``) for filtering and
    for the JSON output; ``message`` is the sentence the author reads."""

    severity: Severity
    rule: str
    message: str
    source: SourceRef | None = None
    expected: Any = None
    found: Any = None
    plugin: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def format(self) -> str:
        where = f"{self.source}: " if self.source else ""
        text = f"{where}{self.severity.label}[{self.rule}] {self.message}"
        if self.expected is not None and self.found is not None:
            text += f"（应为 {shown(self.expected)}，实为 {shown(self.found)}）"
        elif self.expected is not None:
            text += f"（应为 {shown(self.expected)}）"
        elif self.found is not None:
            text += f"（实为 {shown(self.found)}）"
        return scrub(text)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "severity": self.severity.name.lower(),
            "rule": self.rule,
            "message": scrub(self.message),
            "file": str(self.source.file) if self.source and self.source.file else None,
            "keypath": self.source.keypath if self.source else None,
            "line": self.source.line if self.source else None,
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.found is not None:
            data["found"] = self.found
        if self.plugin:
            data["plugin"] = self.plugin
        if self.details:
            data["details"] = self.details
        return data


_REPRS = re.compile(r"<[\w.]+ object at 0x[0-9a-fA-F]+>|\b(?:[\w.]*\.)?(\w+)@0x[0-9a-fA-F]+")


def scrub(text: str) -> str:
    """Python object reprs that a library put in an exception message (``ImageReader@0x7f3a…``,
    ``<PIL.PngImagePlugin… object at 0x…>``) mean nothing to a clerk: they are removed from what is printed."""
    return _REPRS.sub("", text) if "0x" in text else text


def shown(value: Any) -> str:
    """A value as a clerk reads it: dates as 2025-03-31, true/false as 是/否, never a Python repr."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(shown(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{k} = {shown(v)}" for k, v in value.items())
    return str(value)


def error(rule: str, message: str, source: SourceRef | None = None, **kw: Any) -> Problem:
    return Problem(Severity.ERROR, rule, message, source, **kw)


def warning(rule: str, message: str, source: SourceRef | None = None, **kw: Any) -> Problem:
    return Problem(Severity.WARNING, rule, message, source, **kw)


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with repeats removed, first occurrence kept, order otherwise unchanged.

    The one place where de-duplication happens: the same file can be found unreadable by a section's check and
    by the step that opens it, and a ``{reference}`` is resolved by every output.  Two problems are the same
    when rule, message and place agree."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[Problem] = []
    for problem in problems:
        key = (problem.rule, problem.message, str(problem.source))
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


class ReportError(Exception):
    """Input that cannot be processed at all.  Carries the problems; the CLI prints them and exits 2."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class UsageError(Exception):
    """A problem with how the tool was called (a missing file, a bad option).  Exit code 2."""


def to_json(problems: Iterable[Problem], file: Path | None = None, **extra: Any) -> str:
    """``{"file": …, "problems": […], **extra}`` (``extra``: e.g. the report's indicators)."""
    items = [p.to_json() for p in problems]
    return json.dumps({"file": str(file) if file else None, "problems": items, **extra}, ensure_ascii=False, indent=2)


__all__ = ["Problem", "ReportError", "Severity", "UsageError", "error", "to_json", "unique", "warning"]
