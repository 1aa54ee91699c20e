"""Blocks → HTML: the mapping behind both web renderers (:mod:`compiler.render.html.renderer`).

The first :class:`Title` is the ``h1``; a :class:`Heading` is ``h2``… by its outline level (never skipping a
level); a :class:`Paragraph` is a ``p`` whose runs in another role than the paragraph's are ``strong`` (run-in
headings); a :class:`Table` is a ``table`` with ``caption``, ``thead``/``tbody``, ``th`` with ``scope`` and
``headers`` on data cells (:mod:`compiler.render.html.tables`), inside a box that scrolls sideways on a narrow
screen; a :class:`Signature` is two lines set as GB/T 9704 sets them.  The attachments and the other outputs of
the same build (``RenderJob.companions``) are linked after the article's text, by relative paths.  Styles come
from :mod:`compiler.render.html.css`, as classes (the page) or inline (the fragment).
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from compiler.model.document import BlankLines, Heading, Imprint, PageBreak, Paragraph, Signature, Table, Title
from compiler.render.html.css import PREFIX, Rules, role_key
from compiler.render.html.tables import is_number, layout

if TYPE_CHECKING:
    from compiler.model.document import Block
    from compiler.render.base import RenderJob
    from compiler.render.style import StyleSheet

#: Content-Security-Policy of the page: styles from the page itself, nothing fetched, nothing run.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
#: A table is kept on one printed page only when the estimate of its height is at most this share of the type
#: area: browsers set a table a little taller than the estimate, and slice a kept box taller than a page.
KEEP_SHARE = 0.85
#: Marks text the page adds to the report's own (hidden table captions, the links): not part of the report.
ADDED = "data-gongkai-added"


def _attr(name: str, value: str | int | None) -> str:
    return "" if value is None else f' {name}="{escape(str(value), quote=True)}"'


def _em_width(text: str) -> float:
    """Width of ``text`` in em, as a CJK font sets it: wide characters 1, others ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def _chinese_date(iso: str) -> str:
    """``2019-02-14`` → ``2019年2月14日``, the way dates are written in the text."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


def _num(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".") or "0"


class HtmlWriter:
    def __init__(self, job: RenderJob, *, inline: bool):
        self.job = job
        self.inline = inline
        self.rules = Rules(job.sheet)
        self.out: list[str] = []
        self.level = 1  # the last heading level written (the title is 1)
        self.titled = False
        self.last_heading = ""
        self.tables = 0

    # -- attributes ------------------------------------------------------------------------------------

    def attrs(self, *keys: str, style: str = "") -> str:
        """``class`` naming the rules (page) or ``style`` with their declarations (fragment); ``style`` adds
        declarations of this element alone."""
        keys = tuple(k for k in keys if k in self.rules.screen)
        if self.inline:
            declarations = "; ".join(d for d in (self.rules.inline(keys), style) if d)
            return _attr("style", declarations or None)
        classes = " ".join(PREFIX + k for k in keys)
        return _attr("class", classes or None) + _attr("style", style or None)

    def role(self, name: str | None) -> str:
        return role_key(name) if name else ""

    # -- the document --------------------------------------------------------------------------------------

    def document(self) -> str:
        article = self.article()
        if self.inline:
            return article + "\n"
        info = self.job.info
        head = [
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{escape(info.title or self._title_text())}</title>",
        ]
        for name, value in (("author", info.author), ("description", info.subject), ("keywords", info.keyword_line)):
            if value:
                head.append(f'<meta name="{name}"{_attr("content", value)}>')
        if info.date:
            head.append(f'<meta name="dcterms.date"{_attr("content", info.date)}>')
        head.append('<meta name="generator" content="gongkai">')
        head.append(f"<style>\n{self.rules.stylesheet()}\n</style>")
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{escape(info.lang or "zh-CN")}">\n<head>\n'
            + "\n".join(head)
            + "\n</head>\n<body>\n<main>\n"
            + article
            + "\n</main>\n</body>\n</html>\n"
        )

    def _title_text(self) -> str:
        return next((b.text for b in self.job.blocks if isinstance(b, Title)), "")

    def article(self) -> str:
        lang = self.job.info.lang or "zh-CN"
        lang_attr = _attr("lang", lang) if self.inline else ""
        self.out = [f"<article{lang_attr}{self.attrs('article')}>"]
        blocks = self.job.blocks
        group = False  # a heading kept with the table after it, as the PDF keeps them (print only)
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            keep = not self.inline and isinstance(block, Heading) and isinstance(following, Table)
            if keep and self.keeps(block, following):
                self.out.append(f"<div{self.attrs('keep')}>")
                group = True
            self.block(block)
            if group and isinstance(block, Table):
                self.out.append("</div>")
                group = False
        self.links()
        self.out.append("</article>")
        return "\n".join(self.out)

    def keeps(self, heading: Heading, table: Table) -> bool:
        """Whether print keeps ``heading`` with ``table`` on one page: the heading's role says keep with next,
        the table asks to be kept together, and the two fit on a page by an estimate of the table's height
        (a browser slices a kept box taller than a page, so only what fits is kept)."""
        sheet = self.job.sheet
        if not (table.keep_together and sheet.role_values(heading.role)["keep_with_next"]):
            return False
        page = sheet.page
        needed = table_height(table, sheet) + float(sheet.role_values(heading.role)["line_pitch"])
        return needed <= KEEP_SHARE * page.lines * page.line_pitch

    # -- blocks ---------------------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if isinstance(block, Title):
            self.title(block)
        elif isinstance(block, Heading):
            level = 2 + block.outline_level if block.outline_level is not None else self.level + 1
            self.heading(block.text, block.role, level)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Signature):
            self.signature(block)
        elif isinstance(block, Imprint):
            self.imprint(block)
        elif isinstance(block, BlankLines):
            if block.count > 0:
                height = f"height: {self.rules.blank_lines(block.count)}"
                self.out.append(f'<div aria-hidden="true"{self.attrs(style=height)}></div>')
        elif isinstance(block, PageBreak):
            if not self.inline:
                self.out.append(f'<div aria-hidden="true"{self.attrs("page-break")}></div>')
        else:  # a block type newer than this renderer: its text, if it has any, is not lost
            text = getattr(block, "text", "")
            if isinstance(text, str) and text:
                self.out.append(f"<p{self.attrs('p', self.role('body'))}>{escape(text)}</p>")

    def title(self, block: Title) -> None:
        if self.titled:  # one h1 per page: a second title is a part heading
            self.heading(block.text, block.role, 2)
            return
        self.titled = True
        if block.document_number:  # 发文字号 above the title
            role = self.role(block.number_role)
            if block.signer:  # the number on the left, 签发人 on the right of one line (§7.2.6)
                name = f"<span{self.attrs(self.role(block.signer_role))}>{escape(block.signer)}</span>"
                number = f"<span>{escape(block.document_number)}</span><span>签发人：{name}</span>"
                self.out.append(f"<p{self.attrs('p', role, 'number-row')}>{number}</p>")
            else:
                self.out.append(f"<p{self.attrs('p', role)}>{escape(block.document_number)}</p>")
        if not block.printed:  # published without a title: the page still has its one h1, for screen readers only
            self.out.append(f"<h1{self.attrs('h', self.role(block.role), 'visually-hidden')}>{escape(block.text)}</h1>")
            self.byline(block)
            self.level = 1
            return
        lines = block.lines or self.title_lines(block)
        if len(lines) > 1:  # lines broken by meaning stay whole where they fit: one line on a wide screen
            text = "".join(f"<span{self.attrs('title-line')}>{escape(line)}</span>" for line in lines)
        else:
            text = escape(block.text)
        if not block.byline:
            self.out.append(f"<h1{self.attrs('h', self.role(block.role), 'title-after')}>{text}</h1>")
        else:  # 署名 and 成文日期 under the title; the blank line after them
            self.out.append(f"<h1{self.attrs('h', self.role(block.role))}>{text}</h1>")
            self.byline(block)
        self.level = 1

    def byline(self, block: Title) -> None:
        """The 署名 and 成文日期 lines under the title (or where it would stand), the blank line after the last."""
        role = self.role(block.byline_role)
        for i, line in enumerate(block.byline):
            extra = ("title-after",) if i == len(block.byline) - 1 else ()
            self.out.append(f"<p{self.attrs('p', role, *extra)}>{escape(line)}</p>")

    def title_lines(self, block: Title) -> list[str]:
        """The lines the PDF breaks the title into (by meaning, never a lone character), for print."""
        from compiler.render.pdf.typeset.titlebreak import break_title

        values = self.job.sheet.role_values(block.role)
        cells = self.job.sheet.page.body_width / float(values["char_pitch"])
        return break_title(block.text, math.floor(cells + 1e-6))

    def heading(self, text: str, role: str, level: int) -> None:
        level = max(2, min(level, self.level + 1, 6))  # never skip a level
        self.level = level
        self.last_heading = text
        self.out.append(f"<h{level}{self.attrs('h', self.role(role))}>{escape(text)}</h{level}>")

    def paragraph(self, block: Paragraph) -> None:
        style = ""
        if block.hang:  # wrapped lines under the text after the first ``hang`` runs
            values = self.job.sheet.role_values(block.role)
            lead = _em_width("".join(r.text for r in block.runs[: block.hang]))
            first = float(values["left_indent"]) + float(values["indent"])
            style = f"padding-left: {_num(first + lead)}em; text-indent: -{_num(lead)}em"
        parts = []
        roles = self.job.sheet.roles
        size = float(self.job.sheet.role_values(block.role)["size"]) if block.role in roles else 0.0
        for run in block.runs:
            text = escape(run.text)
            if run.role and run.role != block.role:
                own = float(self.job.sheet.role_values(run.role)["size"]) if run.role in roles else size
                relative = f"font-size: {_num(own / size)}em" if size and abs(own - size) > 1e-6 else ""
                parts.append(f"<strong{self.attrs('strong', self.role(run.role), style=relative)}>{text}</strong>")
            else:
                parts.append(text)
        self.out.append(f"<p{self.attrs('p', self.role(block.role), style=style)}>{''.join(parts)}</p>")

    def signature(self, block: Signature) -> None:
        date_role = "date" if "date" in self.job.sheet.roles else block.role
        self.out.append(f"<div{self.attrs('signature')}>")
        if block.organ:  # a report printed with its date alone has no 署名 line
            self.out.append(f"<p{self.attrs('p', self.role(block.role), 'sig-organ')}>{escape(block.organ)}</p>")
        date = escape(block.date)
        iso = self.job.info.date or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) and _chinese_date(iso) == block.date:
            date = f'<time datetime="{iso}">{date}</time>'
        self.out.append(f"<p{self.attrs('p', self.role(date_role), 'sig-date')}>{date}</p>")
        self.out.append("</div>")

    def imprint(self, block: Imprint) -> None:
        """版记: a footer ruled above and below, its rows ruled between; the date on the right of its row."""
        role = self.role(block.role)
        self.out.append(f"<footer{self.attrs('imprint')}>")
        rows = block.rows
        for i, (left, right) in enumerate(rows):
            keys = ("p", role, "imprint-row") + (("imprint-next",) if i else ())
            date = f"<span>{escape(right)}</span>" if right else ""
            self.out.append(f"<p{self.attrs(*keys)}><span>{escape(left)}</span>{date}</p>")
        self.out.append("</footer>")

    # -- tables ---------------------------------------------------------------------------------------

    def table(self, block: Table) -> None:
        self.tables += 1
        prefix = f"t{self.tables}-"
        grid = layout(block, prefix)
        caption_id = f"{prefix}caption"
        if block.caption:
            caption = f"<caption{_attr('id', caption_id)}{self.attrs('caption', self.role('table-label'))}>"
            caption += f"{escape(block.caption)}</caption>"
        else:  # a table needs a name; without a caption it is the heading it stands under, for screen readers
            name = self.last_heading or self._title_text()
            caption = (
                f"<caption{_attr('id', caption_id)} {ADDED}{self.attrs('visually-hidden')}>{escape(name)}</caption>"
            )
        min_width = max(16.0, 2.5 * grid.columns)
        page = self.job.sheet.page
        fits = table_height(block, self.job.sheet) <= KEEP_SHARE * page.lines * page.line_pitch
        keep = "keep" if block.keep_together and fits else ""
        self.out.append(
            f'<div role="region" tabindex="0"{_attr("aria-labelledby", caption_id)}{self.attrs("table-wrap", keep)}>'
        )
        self.out.append(f"<table{self.attrs('table', style=f'min-width: {_num(min_width)}em')}>")
        self.out.append(caption)
        total = sum(block.widths) or 1.0
        if len(block.widths) == grid.columns:
            cols = "".join(f'<col style="width: {_num(100 * w / total)}%">' for w in block.widths)
            self.out.append(f"<colgroup>{cols}</colgroup>")
        head, body = grid.rows[: block.header_rows], grid.rows[block.header_rows :]
        for tag, rows in (("thead", head), ("tbody", body)):
            if not rows:
                continue
            self.out.append(f"<{tag}>")
            for row in rows:
                self.out.append("<tr>" + "".join(self.cell(p, block) for p in row) + "</tr>")
            self.out.append(f"</{tag}>")
        self.out.append("</table>\n</div>")

    def cell(self, p, block: Table) -> str:  # p: tables.Placed
        cell = p.cell
        header = p.kind != "data"
        role = cell.role or (block.header_role if p.kind == "colhead" else block.role)
        keys = ["cell", self.role(role)]
        if cell.align:
            keys.append(f"align-{cell.align}")
        number = is_number(cell.text) and not header
        if number:
            keys.append("num")
        tag = "th" if header else "td"
        attrs = "".join(
            (
                _attr("id", p.id or None),
                _attr("colspan", cell.colspan if cell.colspan > 1 else None),
                _attr("rowspan", cell.rowspan if cell.rowspan > 1 else None),
                _attr("scope", p.scope),
                _attr("headers", " ".join(p.headers) or None),
            )
        )
        text = escape(cell.text)
        if cell.vertical:
            text = f"<span{self.attrs('vertical')}>{text}</span>"
        return f"<{tag}{attrs}{self.attrs(*keys)}>{text}</{tag}>"

    # -- links to the attachments and the other outputs --------------------------------------------------

    def href(self, target: Path) -> str:
        output = self.job.output
        if output is None:
            relative = target.name
        else:
            relative = os.path.relpath(Path(target).resolve(), Path(output).resolve().parent)
        return quote(Path(relative).as_posix(), safe="/")

    def links(self) -> None:
        bound = list(self.job.attachments.bound) if self.job.attachments else []
        others = {k: p for k, p in self.job.companions.items() if not k.startswith("html")}
        if not bound and not others:
            return
        self.out.append(f"<section {ADDED}{_attr('aria-labelledby', 'gk-links')}{self.attrs('links')}>")
        settings = self.job.sheet.data.get("attachments", {})
        heading = str(settings.get("label_single") or "附件") if bound else "其他格式"
        self.out.append(f'<h2 id="gk-links"{self.attrs("h", self.role("heading1"))}>{escape(heading)}</h2>')
        if bound:
            label = str(settings.get("label") or "附件{n}")
            single = str(settings.get("label_single") or "附件")
            self.out.append(f"<ol{self.attrs('list')}>")
            for a in bound:
                name = single if len(bound) == 1 else label.replace("{n}", str(a.number))
                kind = "PDF" if a.kind == "pdf" else "图片"
                pages = f"，{a.page_count}页" if a.kind == "pdf" else ""
                mime = "application/pdf" if a.kind == "pdf" else None
                link = f"<a{_attr('href', self.href(a.path))}{_attr('type', mime)}{self.attrs('link')}>"
                link += f"{escape(name)}　{escape(a.title)}</a>"
                self.out.append(f"<li{self.attrs('p', self.role('body'))}>{link}（{kind}{pages}）</li>")
            self.out.append("</ol>")
        if others:
            items = []
            for key, path in others.items():
                mime = "application/pdf" if key == "pdf" else None
                items.append(
                    f"<a{_attr('href', self.href(path))}{_attr('type', mime)}{self.attrs('link')}>"
                    f"{escape(key.upper())} 版（{escape(Path(path).name)}）</a>"
                )
            self.out.append(f"<p{self.attrs('p', self.role('body'))}>本文的其他格式：{'、'.join(items)}</p>")
        self.out.append("</section>")


def table_height(table: Table, sheet: StyleSheet) -> float:
    """An estimate of a table's printed height in points: each row as many lines as its fullest cell needs in
    its columns' share of the type area, at the cell role's size and line pitch, plus the cell padding; rows
    under a vertical label grow until the label fits."""
    cell = sheet.role_values(table.role)
    size, pitch = float(cell["size"]), float(cell["line_pitch"])
    settings = sheet.table
    total = sum(table.widths) or 1.0
    shares = [w / total * sheet.page.body_width for w in table.widths]
    grid = layout(table, "")
    heights: list[float] = []
    for row in grid.rows:
        lines = 1
        for p in row:
            if p.cell.vertical or p.cell.rowspan > 1:
                continue
            width = sum(shares[c] for c in p.cols if c < len(shares)) - 2 * settings.padding_x
            per_line = max(1.0, width / size)
            lines = max(lines, math.ceil(_em_width(p.cell.text) / per_line))
        heights.append(lines * pitch + 2 * settings.padding_y)
    extra = 0.0
    for row in grid.rows:
        for p in row:
            if p.cell.vertical:
                needed = len(p.cell.text) * size + 2 * settings.padding_y
                extra += max(0.0, needed - sum(heights[r] for r in p.rows if r < len(heights)))
    height = sum(heights) + extra
    if table.caption:
        height += float(sheet.role_values("table-label")["line_pitch"]) if "table-label" in sheet.roles else pitch
    return height
