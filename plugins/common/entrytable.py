"""What the data tables of the checks share (``miswritings.toml``, ``faulty_sentences.toml``): a TOML file of
``[[entry]]`` tables, each checked for its keys and turned into an entry by the table's own module, with errors
that name the file and the entry's number."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any, TypeVar

E = TypeVar("E")


class TableError(ValueError):
    """A table itself is malformed (a test keeps this from ever reaching a user)."""


def where(table: Path, number: int) -> str:
    return f"{table.name} 第 {number} 条"


def check_keys(
    table: Path, number: int, raw: Mapping[str, Any], fields: Collection[str], required: Collection[str]
) -> None:
    """Every key known, every required key a non-empty string."""
    unknown = set(raw) - set(fields)
    missing = [f for f in required if not isinstance(raw.get(f), str) or not raw[f]]
    if unknown or missing:
        raise TableError(f"{where(table, number)}：未知的键 {sorted(unknown)}，缺少 {missing}")


def compile_pattern(table: Path, number: int, pattern: str) -> re.Pattern[str]:
    """One of the entry's regular expressions, or the entry's number with the error."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise TableError(f"{where(table, number)}：正则表达式有误：{exc}") from exc


def load(table: Path, entry: Callable[[int, dict[str, Any]], E]) -> tuple[E, ...]:
    """Every ``[[entry]]`` of ``table``, numbered from 1, made by ``entry``."""
    with table.open("rb") as f:
        raw = tomllib.load(f)
    return tuple(entry(n, e) for n, e in enumerate(raw.get("entry", []), start=1))
