"""``gongkai check`` of many reports at once — the assessor's view.

Every report — a TOML file, or a published HTML/PDF/DOCX/XLSX file imported in memory — is checked as
``gongkai check`` would; the result is one row per report (report, organ, format,
errors, warnings, notes, the indicators, the worst problem) printed as a table, written as CSV (``--csv``) or
given as JSON (``--format json``); then the paragraphs that reports of *different* organs share word for word
(digits aside) — copy-paste between units, sometimes with another locality's name left in.

Shared paragraphs are found through an index (normalised paragraph → the reports that have it), so a county's
few hundred reports take one pass, not all pairs.  Paragraphs shorter than :data:`MIN_SHARED` Chinese
characters (headings, boilerplate such as "无。") and the parts every unit writes from the national template
(:data:`TEMPLATE_PARTS`) are left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler.model.document import Paragraph
from compiler.model.problems import Problem, ReportError, Severity

if TYPE_CHECKING:
    from compiler.build import Checked

MIN_SHARED = 30
#: Parts written from the national template by every unit alike (the 导语's period and contact lines, the title
#: block, the signature): sharing them is expected, not copy-paste.
TEMPLATE_PARTS = {"report", "preamble", "signature", "attachment-list"}
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
_SPACE = re.compile(r"\s+")


@dataclass
class Row:
    path: Path
    organ: str = ""
    format: str = ""
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    worst: str = ""
    indicators: dict[str, Any] = field(default_factory=dict)  # key → Indicator
    unreadable: bool = False


@dataclass
class Shared:
    text: str
    places: list[tuple[int, str]]  # (row index, section key)


@dataclass
class Survey:
    rows: list[Row]
    shared: list[Shared]
    labels: dict[str, str]  # indicator key → label, in column order


def _normalise(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _chinese(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _load(path: Path, report_format: str | None) -> tuple[Checked, list[Problem]]:
    """A report checked as ``gongkai check`` would: a TOML file as it is, a published file (HTML, PDF, DOCX,
    XLSX) imported in memory first (the import's own notes come first among its problems)."""
    from compiler.build import load_and_check
    from compiler.importers.run import PUBLISHED_SUFFIXES, check_imported, import_file

    if path.suffix.lower() not in PUBLISHED_SUFFIXES:
        return load_and_check(path), []
    imported = import_file(path, report_format)
    return check_imported(imported), list(imported.problems)


def _different_units(organs: Sequence[str]) -> bool:
    """Whether the names belong to more than one unit.  A report may print its organ with or without the
    higher levels ("洪泽区人民政府" one year, "淮安市洪泽区人民政府" the next): a name that ends with another is
    the same unit."""
    names = sorted(set(organs), key=len)
    return any(not longer.endswith(shorter) for i, shorter in enumerate(names) for longer in names[i + 1 :])


def survey(
    paths: Sequence[Path], thresholds: dict[str, dict[str, float]] | None = None, report_format: str | None = None
) -> Survey:
    """Check every report of ``paths`` (TOML files or published files; ``report_format`` for the latter, ``None``
    to recognise it) and index their paragraphs."""
    from compiler.model.indicators import threshold_notes

    rows: list[Row] = []
    labels: dict[str, str] = {}
    index: dict[str, list[tuple[int, str]]] = defaultdict(list)
    originals: dict[str, str] = {}
    for number, path in enumerate(paths):
        row = Row(path)
        rows.append(row)
        try:
            checked, imported = _load(path, report_format)
        except ReportError as exc:
            row.unreadable, row.errors = True, len(exc.problems)
            row.worst = exc.problems[0].message if exc.problems else "无法读取"
            continue
        report = checked.report
        problems: list[Problem] = [*imported, *checked.problems]
        row.format = report.format.key
        if checked.blocks is not None:
            row.organ = report.host.document_info(report).author
            for indicator in report.host.indicators(report):
                row.indicators[indicator.key] = indicator
                labels.setdefault(indicator.key, indicator.label)
            problems += threshold_notes(row.indicators.values(), thresholds or {})
            for block in checked.blocks:
                if isinstance(block, Paragraph) and _chinese(block.text) >= MIN_SHARED:
                    key = _normalise(block.text)
                    section = block.source.keypath.split(".")[0] if block.source and block.source.keypath else ""
                    if section in TEMPLATE_PARTS:
                        continue
                    index[key].append((number, section))
                    originals.setdefault(key, block.text)
        row.errors = sum(p.severity >= Severity.ERROR for p in problems)
        row.warnings = sum(p.severity == Severity.WARNING for p in problems)
        row.notes = sum(p.severity == Severity.INFO for p in problems)
        worst = max(problems, key=lambda p: p.severity, default=None)
        row.worst = f"[{worst.rule}] {worst.message}" if worst else ""
    shared = []
    for key, places in index.items():
        if _different_units([rows[i].organ or str(rows[i].path) for i, _ in places]):
            shared.append(Shared(originals[key], sorted(set(places))))
    shared.sort(key=lambda s: (s.places[0], s.text))
    return Survey(rows, shared, dict(sorted(labels.items())))


def _cells(row: Row, labels: dict[str, str]) -> list[str]:
    values = [row.indicators[k].shown() if k in row.indicators else "—" for k in labels]
    fmt = row.format or ("无法读取" if row.unreadable else "")
    return [str(row.path), row.organ, fmt, str(row.errors), str(row.warnings), str(row.notes), *values, row.worst]


def headers(labels: dict[str, str]) -> list[str]:
    return ["报告", "机关", "格式", "错误", "警告", "提示", *labels.values(), "最严重的问题"]


def as_text(result: Survey) -> str:
    lines = ["\t".join(headers(result.labels))]
    lines += ["\t".join(_cells(row, result.labels)) for row in result.rows]
    if result.shared:
        lines.append("")
        lines.append(f"不同单位报告中相同的段落（{len(result.shared)} 段）：")
        for item in result.shared:
            where = "；".join(f"{result.rows[i].path}（{section}）" for i, section in item.places)
            lines.append(f"- “{item.text[:60]}{'……' if len(item.text) > 60 else ''}” 见于：{where}")
    total = len(result.rows)
    bad = sum(1 for r in result.rows if r.errors or r.warnings)
    lines.append("")
    lines.append(f"共 {total} 份报告，{bad} 份有错误或警告，{len(result.shared)} 段段落在不同单位间重复")
    return "\n".join(lines)


def as_csv(result: Survey) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(result.labels))
    for row in result.rows:
        writer.writerow(_cells(row, result.labels))
    return buffer.getvalue()


def as_json(result: Survey) -> str:
    return json.dumps(
        {
            "reports": [
                {
                    "file": str(row.path),
                    "organ": row.organ,
                    "format": row.format or None,
                    "errors": row.errors,
                    "warnings": row.warnings,
                    "notes": row.notes,
                    "worst": row.worst,
                    "indicators": {k: i.to_json() for k, i in row.indicators.items()},
                }
                for row in result.rows
            ],
            "shared_paragraphs": [
                {"text": s.text, "reports": [{"file": str(result.rows[i].path), "section": sec} for i, sec in s.places]}
                for s in result.shared
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
