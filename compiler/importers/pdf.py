"""PDF exported by Word, WPS or gongkai → :class:`PublishedDocument`, with pdfplumber.

Why pdfplumber: it gives every character with its position and finds ruled tables from the drawn lines, so a
table's cells (merged ones included) come back as cells rather than as a line of text where the numbers run
together.  It is pure Python (on pdfminer.six) and only parses the file — nothing in a PDF is ever executed.

What the reader does, page by page:

- drops the filled, unstroked boxes WPS paints behind every line of text (they would look like table rows);
  thin filled boxes stay, since Word draws table rules as those;
- finds ruled tables; a table with one column is a text frame, read as text; each real table becomes a
  :class:`Grid` whose merged cells are resolved from the cell boxes (a label spanning three rows repeats in
  each, and ``spans`` records it); a vertical label printed one character per line reads as one word;
- reads the text outside the tables as lines and joins lines into paragraphs: a paragraph starts at an
  indented line, a centred line or after a line that stops short of the right margin, and may continue on the
  next page; page numbers (``- 1 -``, ``— 1 —``) are dropped;
- keeps the reading order of paragraphs and tables by their position on the page.

The PDF's visible text is read; an embedded source (gongkai's own PDFs carry their TOML) is not used here.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from compiler.importers.base import Grid, Place, PublishedDocument, TextItem
from compiler.importers.common import join_lines, make_grid, tidy
from compiler.model.problems import ReportError, error

_PAGE_NUMBER = re.compile(r"^[-—–－]*\s*\d{1,4}\s*[-—–－]*$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")


class PdfReader:
    """PDF files with a text layer → :class:`PublishedDocument` (scanned PDFs are refused: there is no text)."""

    suffixes = (".pdf",)

    def read(self, path: Path) -> PublishedDocument:
        import pdfplumber

        doc = PublishedDocument(path=Path(path), kind="pdf")
        with pdfplumber.open(path) as pdf:
            for info in getattr(pdf.doc, "info", None) or [{}]:
                for key, value in info.items():
                    value = getattr(value, "resolve", lambda v=value: v)()
                    if isinstance(value, bytes | str) and (text := _info_text(value)):
                        doc.metadata.setdefault(f"pdf:{key}", text)
            state = _Paragraphs(path)
            any_text = False
            for number, page in enumerate(pdf.pages, start=1):
                any_text |= bool(page.chars)
                _read_page(page, number, doc, state)
            state.flush(doc)
        if not any_text:
            raise ReportError(
                error(
                    "import.no-text", f"“{Path(path).name}”没有文字层（可能是扫描件），无法导入；请先做文字识别（OCR）"
                )
            )
        return doc


def _info_text(value: bytes | str) -> str:
    """A document-info string: UTF-16 with its byte-order mark (as Word and WPS write it), UTF-8 with its mark,
    else PDFDocEncoding (read as Latin-1)."""
    if isinstance(value, str):
        return tidy(value)
    for mark, encoding in ((b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig")):
        if value.startswith(mark):
            return tidy(value.decode(encoding, "replace"))
    return tidy(value.decode("latin-1"))


def _keep(obj: dict[str, Any]) -> bool:
    """Drop the filled, unstroked boxes behind text lines (WPS); keep thin ones (Word's table rules)."""
    if obj.get("object_type") == "rect" and obj.get("fill") and not obj.get("stroke"):
        return min(obj.get("width", 0), obj.get("height", 0)) <= 2.5
    return True


class _Paragraphs:
    """Lines → paragraphs, carried across pages."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: list[str] = []
        self.place: Place | None = None
        self.open = False  # the last line reached the right margin: the paragraph may go on
        self.font: str | None = None  # the typeface most of the last line was set in
        self.seen: list[dict[str, Any]] = []  # every body line so far: margins are the document's, not a page's

    def flush(self, doc: PublishedDocument) -> None:
        if self.lines and self.place is not None:
            text = join_lines(self.lines)
            if text:
                doc.items.append(TextItem(text, self.place))
        self.lines = []
        self.open = False


def _read_page(page: Any, number: int, doc: PublishedDocument, state: _Paragraphs) -> None:
    page = page.filter(_keep)
    tables = page.find_tables(_settings(page)) if page.edges else []
    grids: list[tuple[float, Grid]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for k, table in enumerate(tables, start=1):
        columns = {round(c[0]) for c in table.cells}
        if len(columns) < 2:
            continue  # a text frame
        grids.append((table.bbox[1], _grid(table, Place(doc.path, f"第{number}页第{k}个表格"))))
        boxes.append(table.bbox)

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    lines = page.filter(outside).extract_text_lines(strip=True, return_chars=True) if page.chars else []
    lines = [ln for ln in lines if tidy(ln["text"])]
    if lines:  # a page number is the first or the last line of a page
        ends = {id(lines[0]), id(lines[-1])}
        lines = [ln for ln in lines if not (id(ln) in ends and _PAGE_NUMBER.match(tidy(ln["text"])))]
    state.seen += lines
    left, right, size = _margins(state.seen, page.width)
    events: list[tuple[float, int, Any]] = [(top, 1, grid) for top, grid in grids]
    events += [(ln["top"], 0, (i, ln)) for i, ln in enumerate(lines, start=1)]
    events.sort(key=lambda e: (e[0], e[1]))
    for _, kind, what in events:
        if kind == 1:
            state.flush(doc)
            doc.items.append(what)
            continue
        i, ln = what
        text = ln["text"]
        height = ln["bottom"] - ln["top"]
        unit = size or height or 12
        indented = ln["x0"] > left + 0.6 * unit
        centred = _centred(ln, page.width) and ln["x0"] > left + 2 * unit
        font = _main_font(ln)
        # a line in another typeface (a 黑体 heading after a 仿宋 paragraph whose last line was full) starts anew, and
        # so does a numbered item after a line that ends a sentence — a 导语 whose last line is exactly full, then
        # "（一）组织领导。……" (on page 1 the left margin is not known yet, so its indent does not show)
        numbered = bool(_ITEM_START.match(text)) and bool(state.lines) and state.lines[-1].rstrip().endswith(_ENDS)
        if indented or centred or numbered or not state.open or (state.font is not None and font != state.font):
            state.flush(doc)
            state.place = Place(doc.path, f"第{number}页第{i}行")
        state.lines.append(text)
        state.font = font
        state.open = ln["x1"] >= right - 1.2 * unit and not centred


#: how a numbered part or item begins ("（一）", "(2)", "一、", "3．"), and the marks a sentence ends with
_ITEM_START = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.．、](?!\d))"
)
_ENDS = ("。", "；", "：", ":", "！", "？")


def _main_font(line: dict[str, Any]) -> str | None:
    """The typeface most of a line's characters are set in (a line opening on digits set in another face is still
    a body line)."""
    fonts = Counter(str(c.get("fontname", "")) for c in line.get("chars", []) if not str(c.get("text", "")).isspace())
    return fonts.most_common(1)[0][0] if fonts else None


def _settings(page: Any) -> dict[str, Any]:
    """Close a table broken by a page end: a row cut off by the page has its vertical rules but no rule below
    it (or above it, at the top of the next page), so a horizontal line is added where the vertical rules of
    the page end (and begin).  Only there: a line inside a table would split its merged cells."""
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    if not verticals:
        return {}
    return {"explicit_horizontal_lines": [min(e["top"] for e in verticals), max(e["bottom"] for e in verticals)]}


def _centred(line: dict[str, Any], width: float) -> bool:
    middle = (line["x0"] + line["x1"]) / 2
    return abs(middle - width / 2) < 12


def _margins(lines: list[dict[str, Any]], width: float) -> tuple[float, float, float]:
    """The body's left and right edges and the usual character size on this page."""
    if not lines:
        return 0.0, width, 12.0
    lefts = Counter(round(ln["x0"]) for ln in lines)
    rights = Counter(round(ln["x1"]) for ln in lines)
    sizes = Counter(round(ln["bottom"] - ln["top"]) for ln in lines)
    left = min(x for x, n in lefts.items() if n >= max(1, lefts.most_common(1)[0][1] // 3))
    right = max(x for x, n in rights.items() if n >= max(1, rights.most_common(1)[0][1] // 3))
    return float(left), float(right), float(sizes.most_common(1)[0][0])


def _grid(table: Any, place: Place) -> Grid:
    """A pdfplumber table as a :class:`Grid`, merged cells resolved from the cell boxes.  A cell box over several
    rows that holds one number on each of those rows is not a merged cell but a rule the PDF left out (or drew too
    faintly to be seen): it is read as one cell per row, never as one merged number."""
    texts = table.extract()
    xs = sorted({round(c[0], 1) for c in table.cells})
    tops = sorted({round(c[1], 1) for c in table.cells})
    cells: list[tuple[int, int, int, int, str | None]] = []
    for bbox in table.cells:
        x0, top, x1, bottom = (round(v, 1) for v in bbox)
        c = xs.index(x0)
        r = tops.index(top)
        colspan = max(1, sum(1 for x in xs if x0 <= x < x1 - 1))
        rowspan = max(1, sum(1 for t in tops if top <= t < bottom - 1))
        text = None
        if r < len(texts) and c < len(texts[r]):
            text = texts[r][c]
        tall = rowspan > 1 and text is not None and text.count("\n") == rowspan - 1
        split = _numbers_per_row(table.page, bbox, [*tops[r : r + rowspan], bottom]) if tall else None
        if split:
            cells += [(r + i, c, 1, colspan, number) for i, number in enumerate(split)]
            continue
        cells.append((r, c, rowspan, colspan, join_lines(text.split("\n")) if text else None))
    return make_grid(cells, place)


_NUMBER_LINE = re.compile(r"[-+]?[\d,.，．]+%?")


def _numbers_per_row(page: Any, bbox: tuple[float, float, float, float], edges: list[float]) -> list[str] | None:
    """The numbers of a tall cell box, one per row it spans (``edges``: the rows' tops and the box's bottom), when
    each row holds exactly one line and every line is a number; else ``None`` (a real merged cell)."""
    lines = page.crop(bbox, strict=False).extract_text_lines(strip=True, return_chars=False)
    if len(lines) != len(edges) - 1:
        return None
    found: list[str] = []
    for line, (upper, lower) in zip(lines, pairwise(edges), strict=True):
        middle = (line["top"] + line["bottom"]) / 2
        text = tidy(line["text"])
        if not (upper <= middle < lower and _NUMBER_LINE.fullmatch(text)):
            return None
        found.append(text)
    return found
