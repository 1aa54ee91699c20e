"""HTML as saved from a government portal → :class:`PublishedDocument`, with the standard library's parser.

Portal pages carry navigation, search forms, footers and scripts around the article, and the article itself
is often pasted from Word (``<o:p>``, ``<font face>``, nested ``<span>``, words split across tags, ``&nbsp;``
runs, tables with ``rowspan``/``colspan``).  The reader:

1. parses the page into a small tree (``html.parser``: tolerant, no network, no scripts — nothing in the file
   is ever executed), dropping ``<script>``, ``<style>``, comments (Word's conditional comments included) and
   elements hidden with ``display:none``;
2. finds the article: the element that directly holds the most paragraph and table text (the page chrome is
   many short links; the article is long paragraphs under one parent);
3. turns each block element of the article into a :class:`TextItem` and each ``<table>`` into a :class:`Grid`
   with spans resolved, in document order; the place of each is the element (``第3个<table>``);
4. collects metadata from ``<meta>``, ``<title>`` and ``标签：值`` pairs outside the article (索引号, 发布机构,
   公开日期 and the like — whatever the page states, under the label it uses).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from compiler.importers.base import Grid, Place, PublishedDocument, TextItem
from compiler.importers.common import join_lines, make_grid, tidy

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "select", "button", "textarea"}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article",
    "center", "pre", "dd", "dt", "dl", "header", "footer", "main", "table", "form", "address", "figure",
}  # fmt: skip
_CLOSES = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}}
_TABLE_SCOPE = {"table"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PAIR = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*[：:]\s*(.+)$")


class Node:
    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in _SKIP:
                self.skipping += 1
            return
        if tag in _SKIP:
            self.skipping = 1
            return
        closes = _CLOSES.get(tag)
        if closes:  # an unclosed <p>, <li>, <td>, <tr> ends where the next one starts
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in closes:
                    del self.stack[i:]
                    break
                if t in _TABLE_SCOPE or (tag == "p" and t not in {"span", "font", "b", "strong", "i", "em", "a", "u"}):
                    break
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag not in _SKIP:
            self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in _SKIP:
                self.skipping -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag in _TABLE_SCOPE and tag != "table":
                return  # a stray </p> or </div> never closes the table it sits in

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # a line break in the source is white space; "\n" below marks <br> and blocks
            self.stack[-1].children.append(data.replace("\r", " ").replace("\n", " "))


def _hidden(node: Node) -> bool:
    return bool(_HIDDEN.search(node.attrs.get("style", ""))) or "hidden" in node.attrs


def _text(node: Node | str, out: list[str]) -> None:
    """The inline text of ``node``; ``<br>`` and block children become line breaks."""
    if isinstance(node, str):
        out.append(node)
        return
    if _hidden(node):
        return
    if node.tag == "br":
        out.append("\n")
        return
    block = node.tag in _BLOCK or node.tag in {"tr", "td", "th"}
    if block:
        out.append("\n")
    for child in node.children:
        _text(child, out)
    if block:
        out.append("\n")


def text_of(node: Node | str) -> str:
    parts: list[str] = []
    _text(node, parts)
    return join_lines("".join(parts).split("\n"))


def _length(node: Node | str) -> int:
    return len(text_of(node))


def _iter(node: Node):
    yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from _iter(child)


_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "center", "blockquote"}


def _paragraph_text(node: Node) -> int:
    """The text of ``node`` as a paragraph of the article: 0 for a container, a table, or mostly link text
    (navigation)."""
    if node.tag not in _PARAGRAPH or _has_block(node) or _hidden(node):
        return 0
    n = _length(node)
    links = sum(_length(a) for a in _iter(node) if a.tag == "a")
    return n if n >= 6 and links * 2 < n else 0


def _article(root: Node) -> Node:
    """The article in the page: the element whose own children are the most paragraph text (tables do not
    count, so a table's wrapper never wins), widened to its parent while a sibling holds a good part of the text
    too (an article split into sections)."""
    own: dict[int, int] = {}
    total: dict[int, int] = {}

    def visit(node: Node) -> int:
        if node.tag == "table":
            total[id(node)] = 0
            return 0
        score = 0
        summed = 0
        for child in node.children:
            if isinstance(child, Node) and not _hidden(child):
                para = _paragraph_text(child)
                score += para
                summed += para if para else visit(child)
        own[id(node)] = score
        total[id(node)] = summed
        return summed

    visit(root)
    best = max(_iter(root), key=lambda n: own.get(id(n), 0))
    while best.parent is not None:
        siblings = [c for c in best.parent.children if isinstance(c, Node) and c is not best]
        mine = total.get(id(best), 0) or own.get(id(best), 0)
        if not any(total.get(id(c), 0) + _paragraph_text(c) >= 0.2 * mine for c in siblings):
            break
        best = best.parent
    return best


class HtmlReader:
    """HTML pages (``.html``, ``.htm``) → :class:`PublishedDocument`; stdlib only."""

    suffixes = (".html", ".htm", ".shtml")

    def read(self, path: Path) -> PublishedDocument:
        raw = Path(path).read_bytes()
        return read_html(_decode(raw), Path(path))


def _decode(raw: bytes) -> str:
    head = raw[:4096].decode("ascii", "replace").lower()
    m = re.search(r"charset\s*=\s*[\"']?([a-z0-9_-]+)", head)
    candidates = [m.group(1)] if m else []
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return raw.decode("gb18030" if enc in {"gb2312", "gbk"} else enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def read_html(text: str, path: Path) -> PublishedDocument:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    doc = PublishedDocument(path=path, kind="html")
    article = _article(root)
    _metadata(root, article, doc)
    counters = {"p": 0, "table": 0}
    _walk(article, doc, path, counters)
    return doc


def _metadata(root: Node, article: Node, doc: PublishedDocument) -> None:
    inside = {id(n) for n in _iter(article)}
    for node in _iter(root):
        if node.tag == "meta" and node.attrs.get("name") and node.attrs.get("content", "").strip():
            doc.metadata.setdefault(f"meta:{node.attrs['name']}", tidy(node.attrs["content"]))
        elif node.tag == "title" and "title" not in doc.metadata:
            doc.metadata["title"] = text_of(node)
    # 标签：值 pairs in the page around the article (a metadata table, a 来源/时间 line)
    cells: list[str] = []
    for node in _iter(root):
        if id(node) in inside or node.tag in {"script", "style"}:
            continue
        for child in node.children:
            if isinstance(child, str) and child.strip():
                cells.append(tidy(child))
    for i, cell in enumerate(cells):
        m = _PAIR.match(cell)
        if m:
            doc.metadata.setdefault(m.group(1), m.group(2).strip())
        elif re.fullmatch(r"[\u4e00-\u9fff]{2,6}\s*[：:]", cell) and i + 1 < len(cells):
            doc.metadata.setdefault(cell.rstrip("：: "), cells[i + 1])
    for node in _iter(root):
        if node.tag in {"h1", "h2"} and id(node) not in inside and (t := text_of(node)):
            doc.metadata.setdefault("heading", t)
            break


#: paragraphs a page (or the copy it was saved from) ran together on one line, parted by spaces only (襄州区
#: 2022's stored copy): a space after a sentence's end and before a part's or item's number ("……其他需要报告的
#: 事项。 一、总体情况 2022年,……") parts two paragraphs, and a space after such a number's short title and before
#: a long text ("一、总体情况 2022年,……") parts the heading from its text
_NUMBER = r"(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])"
_BEFORE_NUMBER = re.compile(rf"(?<=[。；;！？!?：:])[ \u3000\u00a0]+(?={_NUMBER})")
_HEADING_THEN_TEXT = re.compile(rf"^({_NUMBER}[^，。；,;：:\s]{{2,30}})[ \u3000\u00a0]+(?=\S{{12}})")


def _lines(text: str) -> list[str]:
    """The lines of a block's text: at its line breaks, and where it runs paragraphs together (above)."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = _BEFORE_NUMBER.split(line)
        if len(pieces) == 1:
            out.append(line)
            continue
        for piece in pieces:
            if m := _HEADING_THEN_TEXT.match(piece.strip()):
                out.extend([m.group(1), piece.strip()[m.end() :]])
            else:
                out.append(piece)
    return out


def _walk(node: Node, doc: PublishedDocument, path: Path, counters: dict[str, int]) -> None:
    inline: list[str] = []

    def flush() -> None:
        if inline:
            for line in _lines("".join(inline)):
                if t := tidy(line):
                    counters["p"] += 1
                    doc.items.append(TextItem(t, Place(path, f"第{counters['p']}段")))
            inline.clear()

    for child in node.children:
        if isinstance(child, str):
            inline.append(child)
            continue
        if _hidden(child):
            continue
        if child.tag == "table":
            flush()
            counters["table"] += 1
            if _is_layout_table(child):
                _walk_cells(child, doc, path, counters)
            else:
                doc.items.append(_grid(child, Place(path, f"第{counters['table']}个<table>")))
        elif child.tag in _BLOCK or child.tag in {"tr", "td", "th", "tbody"}:
            flush()
            if _has_block(child):
                _walk(child, doc, path, counters)
            else:
                parts: list[str] = []
                _text(child, parts)
                inline.extend(parts)
                flush()
        elif child.tag == "br":
            inline.append("\n")
        else:
            if _has_block(child):
                flush()
                _walk(child, doc, path, counters)
            else:
                _text(child, inline)
    flush()


def _has_block(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.tag in _BLOCK or _has_block(c)) for c in node.children)


def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []

    def visit(n: Node) -> None:
        for c in n.children:
            if isinstance(c, Node):
                if c.tag == "tr":
                    rows.append(c)
                elif c.tag in {"thead", "tbody", "tfoot"}:
                    visit(c)

    visit(table)
    return rows


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in {"td", "th"} and not _hidden(c)]


def _is_layout_table(table: Node) -> bool:
    """A table used for page layout (one cell per row holding paragraphs), not data."""
    rows = _rows(table)
    return bool(rows) and all(len(_cells(r)) <= 1 for r in rows)


def _walk_cells(table: Node, doc: PublishedDocument, path: Path, counters: dict[str, int]) -> None:
    for row in _rows(table):
        for cell in _cells(row):
            _walk(cell, doc, path, counters)


def _span(value: str) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(1, min(int(m.group(1)), 200)) if m else 1


def _grid(table: Node, place: Place) -> Grid:
    cells: list[tuple[int, int, int, int, str | None]] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(_rows(table)):
        c = 0
        for cell in _cells(row):
            while (r, c) in taken:
                c += 1
            rs, cs = _span(cell.attrs.get("rowspan", "")), _span(cell.attrs.get("colspan", ""))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            cells.append((r, c, rs, cs, text_of(cell)))
            c += cs
    caption = next((text_of(c) for c in table.children if isinstance(c, Node) and c.tag == "caption"), "")
    return make_grid(cells, place, caption)
