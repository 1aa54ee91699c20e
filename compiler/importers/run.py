"""Importing a published file from start to end: read it, let the format plugins recognise it, write the TOML
text, and turn every note into a problem naming its place in the source.  Used by ``gongkai import`` and by
``gongkai check`` of a published file (which then checks the TOML in memory: nothing is written)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.importers.base import ImportResult, PublishedDocument
from compiler.importers.common import read_document
from compiler.importers.totoml import to_toml
from compiler.model.document import SourceRef
from compiler.model.problems import Problem, ReportError, Severity, error

if TYPE_CHECKING:
    from compiler.build import Checked

#: The suffixes ``gongkai check`` treats as published reports (imported first) rather than TOML.
PUBLISHED_SUFFIXES = (".html", ".htm", ".shtml", ".pdf", ".docx", ".xlsx")

_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


@dataclass
class Imported:
    path: Path
    document: PublishedDocument
    result: ImportResult
    toml: str  # the file ``gongkai import`` writes: ``transcription`` names the source, so it rebuilds as published
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    checked_toml: str = ""  # the same without ``transcription``: what ``gongkai check`` judges, errors as errors


def _source_of(document: PublishedDocument) -> str:
    """Where the published report came from: the page's own address when it states one, else the file name."""
    for key in ("meta:Url", "meta:url", "meta:og:url"):
        if document.metadata.get(key, "").startswith("http"):
            return document.metadata[key]
    return document.path.name


def _with_transcription(result: ImportResult, source: str) -> ImportResult:
    data = {"format": result.data.get("format", result.format), "transcription": source}
    data.update({k: v for k, v in result.data.items() if k not in data})
    return ImportResult(result.format, data, result.confidence, result.notes, result.refused)


def note_problems(result: ImportResult, path: Path) -> list[Problem]:
    """Every note as a problem: the source file, the TOML key it is about, the place in the source."""
    out = []
    for note in result.notes:
        where = f"（位置：{note.place.where}）" if note.place and note.place.where else ""
        rule = {"error": "import.unreadable", "warning": "import.unsure", "info": "import.note"}[note.level]
        out.append(Problem(_LEVELS[note.level], rule, note.message + where, SourceRef(path, note.keypath)))
    return out


def import_file(path: Path, fmt: str | None = None, host=None) -> Imported:
    """Read ``path`` and import it (``fmt``: the format the user named, ``None`` to let the plugins decide)."""
    from compiler.host.manager import default_host

    started = time.perf_counter()
    host = host or default_host()
    document = read_document(Path(path))
    result = host.import_report(document, fmt)
    if result is None:
        known = "、".join(sorted(host.formats))
        raise ReportError(
            error(
                "import.unknown-format",
                f"无法把“{Path(path).name}”识别为任何已知格式的年度报告"
                + (f"（按 {fmt} 格式也读不出）" if fmt else f"；可用 --format 指定（{known}）"),
            )
        )
    if result.refused:
        raise ReportError(error("import.refused", result.refused, SourceRef(Path(path))))
    text = to_toml(_with_transcription(result, _source_of(document)), Path(path))
    problems = note_problems(result, Path(path))
    seconds = time.perf_counter() - started
    return Imported(Path(path), document, result, text, problems, seconds, to_toml(result, Path(path)))


def check_imported(imported: Imported) -> Checked:
    """Check an imported report's TOML in memory, under a name that says where it came from."""
    from compiler.build import load_and_check

    virtual = imported.path.with_name(imported.path.name + "（导入）.toml")
    return load_and_check(virtual, text=imported.checked_toml)


def check_published(path: Path, fmt: str | None = None) -> tuple[Imported, list[Problem]]:
    """``gongkai check`` of a published file: import in memory, then every check on the TOML text."""
    imported = import_file(path, fmt)
    try:
        problems = check_imported(imported).problems
    except ReportError as exc:
        problems = exc.problems
    return imported, [*imported.problems, *problems]
