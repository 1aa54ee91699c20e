"""The importer interface: a published report (HTML, PDF, DOCX, XLSX) read back into data.

Importing is the inverse of rendering, in two layers:

1. **Reading** (format-independent, in this package): a reader turns a file into a
   :class:`PublishedDocument` — its metadata (索引号, 发布机构, 公开日期 …), its text as paragraphs and its
   tables as grids of cell texts, each piece with the place it came from (page and row, or HTML element).  A
   reader knows HTML, PDF or DOCX; it knows nothing about government reports.
2. **Recognising** (format knowledge, in the format's plugin): ``gongkai_import_report`` (see
   :mod:`compiler.host.hookspecs`) receives the document and returns an :class:`ImportResult` — the report as
   TOML-ready data in that format's schema (which official label maps to which key, how a part is
   recognised), with a note wherever it was unsure.  The host picks the most confident answer, or the format
   the user named (``--format``).

``gongkai import`` then writes the data as TOML; ``gongkai check`` of a published file checks it in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable


@dataclass(frozen=True)
class Place:
    """Where something was found in the published file: ``"第3页第5行"``, ``"<table>#2 第4行"``."""

    file: Path
    where: str = ""

    def __str__(self) -> str:
        return f"{self.file}（{self.where}）" if self.where else str(self.file)


@dataclass
class TextItem:
    """One paragraph or heading of the published text, verbatim (numbering included, as printed)."""

    text: str
    place: Place
    kind: Literal["title", "heading", "paragraph"] = "paragraph"
    #: a part heading that was printed run in before its text in one paragraph (split off by the importer)
    run_in: bool = False


@dataclass
class Grid:
    """One table as printed: ``rows`` of cell texts with merged cells resolved — a cell spanning several
    rows or columns repeats its text in every position it covers, and ``spans`` lists the merges as
    ``(row, col, rowspan, colspan)``.  ``None`` is a blank cell (never read as 0)."""

    rows: list[list[str | None]]
    place: Place
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    caption: str = ""


@dataclass
class PublishedDocument:
    """A published report as read, before any format knowledge: metadata, text and tables in reading order."""

    path: Path
    kind: Literal["html", "pdf", "docx", "xlsx", "text"]
    metadata: dict[str, str] = field(default_factory=dict)
    items: list[TextItem | Grid] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[TextItem]:
        return [i for i in self.items if isinstance(i, TextItem)]

    @property
    def grids(self) -> list[Grid]:
        return [i for i in self.items if isinstance(i, Grid)]


@dataclass
class ImportNote:
    """A place where the importer was unsure or could not read a value; written as a comment in the TOML
    and reported as a problem naming the place in the source."""

    keypath: str
    message: str
    place: Place | None = None
    level: Literal["info", "warning", "error"] = "warning"  # error: a value that could not be read at all


@dataclass
class ImportResult:
    """A format plugin's reading of a published document.

    ``data`` is the report in that format's TOML schema (blank cells absent or ``None``, printed totals kept as
    stated); ``confidence`` in [0, 1] says how sure the plugin is that the document is in its format."""

    format: str
    data: dict[str, Any]
    confidence: float
    notes: list[ImportNote] = field(default_factory=list)
    refused: str = ""  # why the document cannot be imported at all (e.g. table cells run together): never guessed


@runtime_checkable
class Reader(Protocol):
    """A format-independent reader for one kind of file (``suffixes`` such as ``(".html", ".htm")``)."""

    suffixes: tuple[str, ...]

    def read(self, path: Path) -> PublishedDocument: ...
