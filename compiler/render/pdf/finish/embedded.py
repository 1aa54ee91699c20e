"""The data that travels inside the PDF: the source TOML (exact bytes) and the computed JSON.

Assessors and archives want the numbers of a report, not pictures of them; with these two embedded files
(PDF file attachments in the catalog's ``/EmbeddedFiles``, each marked with its ``/AFRelationship``;
:mod:`compiler.render.pdf.finish.catalog` writes them) anyone can recover them without OCR — ``gongkai extract`` writes
them back out.

The JSON has a documented, versioned shape (:data:`SCHEMA_VERSION`)::

    {
      "schema_version": 1,
      "generator": "gongkai 0.1.0",
      "source": {"file": "report.toml", "sha256": "…", "bytes": 1234},
      "format": "legacy",
      "values": {…},            # every section's data plus what it derived (tables with totals, statistics);
                                # dates as ISO strings, attachment passwords removed
      "checks": [               # every problem the checks found (empty: all checks passed)
        {"severity": "warning", "rule": "…", "message": "…", "file": "report.toml", "keypath": "…", "line": 12}
      ],
      "attachments": [{"number": 1, "title": "…", "file": "a.pdf", "pages": 3, "first_page": 9}],
      "pages": {"report": 8, "total": 14}
    }

File paths are reduced to names so that the same input builds the same bytes on any machine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler import __version__

if TYPE_CHECKING:
    from pypdf import PdfReader

    from compiler.model.problems import Problem
    from compiler.model.report import Report

SCHEMA_VERSION = 1
DATA_SUFFIX = ".data.json"


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    data: bytes
    description: str
    relationship: str  # /AFRelationship: /Source (what the PDF was made from) or /Data (what it shows)


def _plain(value: Any) -> Any:
    """JSON-ready values: dates as ISO strings, tuples as lists, anything exotic as its text."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _without_passwords(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    entries = values.get("attachments")
    if isinstance(entries, list):
        values["attachments"] = [
            {k: v for k, v in e.items() if k != "password"} if isinstance(e, dict) else e for e in entries
        ]
    return values


def _check(problem: Problem) -> dict[str, Any]:
    data = _plain(problem.to_json())
    if data.get("file"):
        data["file"] = Path(data["file"]).name
    return data


def computed_json(
    report: Report,
    problems: Sequence[Problem],
    attachments: Sequence[Mapping[str, Any]],
    pages: Mapping[str, int],
) -> bytes:
    raw = report.source.raw
    document = {
        "schema_version": SCHEMA_VERSION,
        "generator": f"gongkai {__version__}",
        "source": {"file": report.path.name, "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)},
        "format": report.format.key,
        "values": _plain(_without_passwords(report.values)),
        "checks": [_check(p) for p in problems],
        "attachments": [_plain(a) for a in attachments],
        "pages": dict(pages),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def report_files(report: Report, computed: bytes) -> list[EmbeddedFile]:
    name = report.path.name
    return [
        EmbeddedFile(name, report.source.raw, "报告源文件（TOML，原样）", "/Source"),
        EmbeddedFile(Path(name).stem + DATA_SUFFIX, computed, "报告数据与检查结果（JSON）", "/Data"),
    ]


def read_embedded(reader: PdfReader) -> dict[str, bytes]:
    """Every embedded file of a PDF: name → bytes (the first one when a name repeats)."""
    return {name: contents[0] for name, contents in reader.attachments.items() if contents}
