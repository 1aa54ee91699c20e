"""Word ``.docx`` → :class:`PublishedDocument`, with python-docx.

Why python-docx: it opens the package and parses its XML safely (no macros run: a ``.docx`` cannot hold them,
and ``.docm`` is not read), and gives the document body in order.  Tables are read from their XML directly so
that merged cells are exact: ``w:gridSpan`` spans columns, ``w:vMerge`` (``restart`` then continuation cells)
spans rows, ``w:gridBefore`` skips leading grid columns.  The national template and gongkai's own DOCX output
are read the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compiler.importers.base import Place, PublishedDocument, TextItem
from compiler.importers.common import join_lines, make_grid, tidy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxReader:
    suffixes = (".docx",)

    def read(self, path: Path) -> PublishedDocument:
        import docx

        document = docx.Document(str(path))
        doc = PublishedDocument(path=Path(path), kind="docx")
        props = document.core_properties
        for key in ("title", "author", "subject"):
            value = getattr(props, key, None)
            if isinstance(value, str) and value.strip():
                doc.metadata[f"docx:{key}"] = tidy(value)
        for key in ("created", "modified"):
            value = getattr(props, key, None)
            if value is not None:
                doc.metadata[f"docx:{key}"] = value.date().isoformat()
        paragraphs = tables = 0
        for element in document.element.body.iterchildren():
            if element.tag == f"{W}p":
                text = _text(element)
                if text:
                    paragraphs += 1
                    doc.items.append(TextItem(text, Place(doc.path, f"第{paragraphs}段")))
            elif element.tag == f"{W}tbl":
                tables += 1
                doc.items.append(_grid(element, Place(doc.path, f"第{tables}个表格")))
        return doc


def _text(element: Any) -> str:
    """A paragraph's (or cell's) text: ``w:t`` runs, tabs as spaces, line breaks as new lines."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in (f"{W}br", f"{W}cr") or (node.tag == f"{W}p" and parts):
            parts.append("\n")
    return join_lines("".join(parts).split("\n"))


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None:
        return None
    return found.get(f"{W}val", "")


def _grid(table: Any, place: Place):
    cells: list[list[Any]] = []  # [row, col, rowspan, colspan, text]
    open_cells: dict[int, list[Any]] = {}  # column → the cell a vMerge continues
    for r, tr in enumerate(table.findall(f"{W}tr")):
        before = _val(tr, f"{W}trPr/{W}gridBefore")
        c = int(before) if before and before.isdigit() else 0
        for tc in tr.findall(f"{W}tc"):
            span_val = _val(tc, f"{W}tcPr/{W}gridSpan")
            span = int(span_val) if span_val and span_val.isdigit() else 1
            merge = _val(tc, f"{W}tcPr/{W}vMerge")
            if merge is not None and merge != "restart" and c in open_cells:
                open_cells[c][2] += 1  # a continuation: the cell above grows by one row
            else:
                cell = [r, c, 1, span, _text(tc) or None]
                cells.append(cell)
                for k in range(c, c + span):
                    open_cells.pop(k, None)
                if merge == "restart":
                    open_cells[c] = cell
            c += span
    return make_grid([tuple(cell) for cell in cells], place)  # type: ignore[misc]
