"""The strings of a report the editorial checks read, each with its TOML key path.

- :func:`section_strings` — every string of every section table (the core's own keys excluded);
- :func:`narrative_strings` — the prose: every ``text``, ``heading``, ``points`` and ``after`` of every part,
  sub-tables included, in reading order;
- :func:`typed_table_strings` — the words of the tables typed as printed (captions, header cells, row labels).

:data:`REFERENCE` matches a ``{reference}`` to the data, which the checks read as a number, never as words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from compiler.model.narrative import iter_texts
from compiler.model.report import CORE_SCHEMA, Report

#: a ``{reference}`` typed in the prose: printed as a number
REFERENCE = re.compile(r"\{[^{}]*\}")


def strings(value: Any, keypath: str) -> Iterator[tuple[str, str]]:
    """Every string in a TOML value with its key path."""
    if isinstance(value, str):
        yield keypath, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from strings(v, f"{keypath}.{k}" if keypath else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{keypath}[{i}]")


def section_strings(report: Report) -> Iterator[tuple[str, str]]:
    """Every string of every section table (the core's own keys such as ``style`` or ``plugins`` excluded)."""
    core = set(CORE_SCHEMA.names())
    for key, value in report.data.items():
        if key not in core and isinstance(value, Mapping):
            yield from strings(value, key)


def narrative_strings(report: Report) -> Iterator[tuple[str, str]]:
    """Every prose string of every section, sub-tables included (the 2021 总体情况's 小节 [overview.active]…)."""

    def walk(data: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
        for sub, text in iter_texts(data):
            yield f"{prefix}.{sub}", text
        for key, value in data.items():
            if isinstance(value, Mapping) and key != "items":
                yield from walk(value, f"{prefix}.{key}")

    for instance in report.sections:
        yield from walk(instance.data, instance.key)


def typed_table_strings(report: Report) -> Iterator[tuple[str, str]]:
    """The words of every table typed as printed — a legacy 附表 (``tables.printed``), a part's own table
    (``<part>.tables``): captions, header cells and row labels (cells that are text), for the checks that read
    words wherever they are printed ("行政复试数" in a 统计表, an organ's name in a table's caption)."""
    from compiler.model.schema import table_rows

    for instance in report.sections:
        for key, tables in instance.data.items():  # any list of tables with a header or rows
            if not isinstance(tables, list):
                continue
            for i, table in enumerate(tables):
                if not isinstance(table, Mapping) or not ("header" in table or "rows" in table):
                    continue
                where = f"{instance.key}.{key}[{i}]"
                if isinstance(table.get("caption"), str):
                    yield f"{where}.caption", table["caption"]
                for part in ("header", "rows"):
                    for r, row in enumerate(table_rows(table.get(part))):
                        for c, cell in enumerate(row):
                            if isinstance(cell, str) and cell.strip():
                                yield f"{where}.{part}[{r}][{c}]", cell


def in_title(text: str, start: int) -> bool:
    """Whether ``start`` stands inside 《…》: more titles opened than closed before it — a name or a year inside
    the title of a cited document is the document's, not the report's."""
    return text.count("《", 0, start) > text.count("》", 0, start)


def shared_start(a: str, b: str) -> int:
    """How many characters two names begin with in common: the place both name ("平潭县经贸局", "平潭县财政局" → 3)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
