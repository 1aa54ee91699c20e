"""Shared helpers for the gb2021 tests: the example paths, loading a report, placing table cells on a grid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compiler.build import check_report, report_blocks
from compiler.model.document import Cell, Table
from compiler.model.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_2024 = ROOT / "examples" / "qinglan-data-2024" / "report.toml"
EXAMPLE_2023 = ROOT / "examples" / "qinglan-data-2023" / "report.toml"
BROKEN = ROOT / "tests" / "data" / "gb2021"
SPEC = ROOT / "tests" / "data" / "reference" / "format-2021-tables.json"


def problems_of(path: Path) -> list[Problem]:
    return check_report(path)[1]


def rules(problems: list[Problem]) -> set[str]:
    return {p.rule for p in problems}


def write_variant(tmp: Path, edits: list[tuple[str, str]], source: Path = EXAMPLE_2024) -> Path:
    """The example with ``old → new`` text edits (each must match), written beside its original's previous."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    text = text.replace('"../qinglan-data-2023/', f'"{EXAMPLE_2023.parent}/')
    out = tmp / "report.toml"
    out.write_text(text, encoding="utf-8")
    return out


def tables_of(path: Path) -> dict[str, Table]:
    report, _ = check_report(path)
    blocks, _ = report_blocks(report)
    return {b.name: b for b in blocks if isinstance(b, Table)}


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    cell: Cell


def place(table: Table) -> list[Placed]:
    """HTML-style rows → grid positions (a covered position is skipped), independent of the typesetter."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed


def at(table: Table, text: str) -> Placed:
    found = [p for p in place(table) if p.cell.text == text]
    assert len(found) == 1, (text, found)
    return found[0]


def numbers_only(value):
    """Only the numbers of a values tree (prose is compared as text elsewhere); empty branches dropped."""
    if isinstance(value, dict):
        kept = {k: numbers_only(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {})}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None
