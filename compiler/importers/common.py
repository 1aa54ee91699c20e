"""Helpers every reader shares: tidying extracted text, building grids from spans, choosing a reader.

Nothing here knows about government reports: these are the rules of text extracted from HTML, PDF, DOCX and
XLSX (a space a PDF extractor inserts between two Chinese characters is an artefact; a cell that spans three
columns is one cell).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from compiler.importers.base import Grid, Place, PublishedDocument
from compiler.model.problems import ReportError, error

#: Characters after which, or before which, a space is a layout artefact: CJK ideographs, CJK punctuation and
#: full-width forms.  A space between two Latin words or numbers is kept.
_CJK = (
    r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u31ef\u3200-\u32ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026\u2014"
)
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+")
_SPACE_BEFORE_CJK = re.compile(rf"[ \t]+(?=[{_CJK}])")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002-\u200a\u202f\u205f\u3000]+")


#: a part number printed with a space after it or before its 、 ("一、 概述", "六 、其他需要报告的事项"): the one space
#: next to Chinese text that is kept, since a report transcribed so keeps it (``number_as_printed = "一、 "``)
SPACED_PART_NUMBER = re.compile(r"[一二三四五六七八九十]{1,2}(?: 、 ?|、 )(?=\S)")
#: an item number printed with a space after it ("（一） 公开形式", "2. 重点工作开展情况"): kept the same way
#: (``number_as_printed = "2. "``)
SPACED_ITEM_NUMBER = re.compile(r"(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]、?|\d{1,2}[.．、]) (?=[^\s\d])")


def tidy(text: str) -> str:
    """One line of extracted text: invisible characters dropped, every run of white space (``&nbsp;``, full-width
    spaces, line breaks of a wrapped cell) one space, and no space next to a Chinese character or mark — except the
    one in a part or item number printed with a space (:data:`SPACED_PART_NUMBER`, :data:`SPACED_ITEM_NUMBER`)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _SPACES.sub(" ", text).strip()
    lead = SPACED_PART_NUMBER.match(text) or SPACED_ITEM_NUMBER.match(text)
    if lead:
        text = text[lead.end() :]
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    return lead.group(0) + text if lead else text


#: a line that ends inside a web or e-mail address, after one of the marks a renderer breaks an address at
#: ("……网站（www." / "xjwqx.gov.cn）下载", "jsxxgk@js.gov." / "cn）"): the next line goes on with the same address
_ADDRESS_BROKEN = re.compile(r"(?:https?://|www\.|[A-Za-z0-9._%+-]+@)(?:[A-Za-z0-9./_\-?=&%#:@~+]*[./_\-@?=&#~])?$")


def join_lines(parts: list[str]) -> str:
    """Lines of one cell or paragraph joined: no separator between Chinese characters, one space between Latin —
    none inside an address a line broke (:data:`_ADDRESS_BROKEN`)."""
    out = ""
    for part in (tidy(p) for p in parts):
        if not part:
            continue
        latin = out and re.match(r"[A-Za-z0-9]", part[0]) and re.search(r"[A-Za-z0-9.,;:]$", out)
        if latin and not _ADDRESS_BROKEN.search(out):
            out += " "
        out += part
    return tidy(out)


def make_grid(cells: list[tuple[int, int, int, int, str | None]], place: Place, caption: str = "") -> Grid:
    """A :class:`Grid` from ``(row, col, rowspan, colspan, text)`` cells: every position a cell covers repeats its
    text, blanks are ``None``, and ``spans`` lists the merges."""
    height = max((r + rs for r, _, rs, _, _ in cells), default=0)
    width = max((c + cs for _, c, _, cs, _ in cells), default=0)
    rows: list[list[str | None]] = [[None] * width for _ in range(height)]
    spans: list[tuple[int, int, int, int]] = []
    for r, c, rs, cs, text in cells:
        value = tidy(text) if text else None
        for dr in range(rs):
            for dc in range(cs):
                rows[r + dr][c + dc] = value or None
        if rs > 1 or cs > 1:
            spans.append((r, c, rs, cs))
    return Grid(rows=rows, place=place, spans=spans, caption=caption)


def row_cells(grid: Grid, r: int) -> list[tuple[int, str | None]]:
    """The distinct cells of row ``r`` as ``(column, text)``: a cell spanning several columns counts once (a cell
    spanning rows from above is repeated, so a row knows its group label)."""
    covered: set[int] = set()
    for sr, sc, rs, cs in grid.spans:
        if sr <= r < sr + rs and cs > 1:
            covered.update(range(sc + 1, sc + cs))
    return [(c, text) for c, text in enumerate(grid.rows[r]) if c not in covered]


#: The readers by file suffix; each is imported only when a file of its kind is read.
_READERS = {
    ".html": "compiler.importers.html:HtmlReader",
    ".htm": "compiler.importers.html:HtmlReader",
    ".shtml": "compiler.importers.html:HtmlReader",
    ".pdf": "compiler.importers.pdf:PdfReader",
    ".docx": "compiler.importers.docx:DocxReader",
    ".xlsx": "compiler.importers.xlsx:XlsxReader",
}

#: Refuse files bigger than this (a published report is a few MB at most).
MAX_BYTES = 64 * 1024 * 1024


def read_document(path: Path) -> PublishedDocument:
    """Read a published file with the reader its suffix names; every failure is a :class:`ReportError` naming
    the file.  Reading never runs code from the file and never writes anything."""
    import importlib

    path = Path(path)
    spec = _READERS.get(path.suffix.lower())
    if spec is None:
        known = "、".join(sorted(_READERS))
        raise ReportError(error("import.unknown-kind", f"无法导入“{path.name}”：只支持 {known} 文件"))
    if not path.is_file():
        raise ReportError(error("import.missing-file", f"找不到文件：{path}"))
    if path.stat().st_size > MAX_BYTES:
        raise ReportError(error("import.too-large", f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不导入：{path}"))
    module, name = spec.split(":")
    try:
        reader = getattr(importlib.import_module(module), name)()
    except ImportError as exc:
        raise ReportError(
            error(
                "import.missing-dependency",
                f"读取 {path.suffix} 文件需要可选依赖（{exc.name}）：请安装 pip install 'gongkai[import]'",
            )
        ) from None
    try:
        return reader.read(path)
    except ReportError:
        raise
    except Exception as exc:  # a damaged file: say so, never a traceback
        raise ReportError(
            error("import.unreadable", f"无法读取“{path.name}”（{type(exc).__name__}：{exc}）；文件可能已损坏")
        ) from None
