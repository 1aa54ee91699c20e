"""The semantic document vocabulary that section plugins produce.

Section plugins never touch fonts, sizes or ReportLab: they return a list of these blocks, each naming a
*style role* (``"body"``, ``"heading1"``, ``"table-cell"`` …).  The typesetter (:mod:`compiler.render.pdf.typeset`)
turns blocks into pages using the style sheet, where every role is defined.

A block may carry a :class:`SourceRef` so that problems found while typesetting (a character no font has,
a table too wide) can name the TOML key and line the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class SourceRef:
    """Where a piece of content came from: the input file, the dotted TOML key path and the line (1-based)."""

    file: Path | None = None
    keypath: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = str(self.file) if self.file else "<input>"
        if self.line:
            where += f":{self.line}"
        if self.keypath:
            where += f" [{self.keypath}]"
        return where


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style role.  ``role=None`` means: the role of the enclosing paragraph."""

    text: str
    role: str | None = None


@dataclass
class Block:
    source: SourceRef | None = field(default=None, kw_only=True)


@dataclass
class Paragraph(Block):
    """A paragraph of body text, possibly mixing roles (a run-in heading followed by body text).

    ``hang``: wrapped lines start where run number ``hang`` starts on the first line — "附件：1. 标题"
    wraps under the title's first character (GB/T 9704 §7.3.4), whatever the width of the lead.
    """

    runs: list[Run]
    role: str = "body"
    hang: int | None = None
    #: an outline entry the paragraph carries: a part heading run in before its text ("二、主动公开政府信息情况
    #: 谯城区……"), (text, 0-based level)
    outline: tuple[str, int] | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Heading(Block):
    """A heading on its own line, numbered by the caller (the number is part of ``text``).

    ``outline_level`` (0-based) puts an entry in the PDF outline; ``None`` keeps it out.
    """

    text: str
    role: str = "heading1"
    outline_level: int | None = 0


@dataclass
class Title(Block):
    """The document title.  ``lines`` are the author's (or the plugin's) breaks by meaning; when ``None``
    the typesetter breaks the title itself, never leaving a single character on a line."""

    text: str
    lines: list[str] | None = None
    role: str = "title"
    #: 发文字号 ("岚经发〔2020〕2号"), printed centred on the line above the title with one blank line between
    #: (GB/T 9704 §7.2.4 places it in the 版头; a report published without one prints it over its title)
    document_number: str | None = None
    number_role: str = "document-number"
    #: 签发人 (GB/T 9704 §7.2.6, a document sent upward): the name, printed "签发人：<name>" 右空一字 on the 发文字号's
    #: line, the 发文字号 then 左空一字 instead of centred
    signer: str | None = None
    signer_role: str = "signer"
    #: lines printed centred right under the title, before its blank line: the 署名 and 成文日期 of a report that
    #: prints them there instead of after the text ("上海市青浦区教育局" / "2012年2月15日", ``[signature] place``)
    byline: list[str] = field(default_factory=list)
    byline_role: str = "byline"
    #: ``False`` for a report published without a title (``report.no_title``): the 发文字号 is printed, the title
    #: is not — the renderers keep it for the document's metadata (and the web page's heading, read aloud only)
    printed: bool = True


@dataclass
class Signature(Block):
    """Issuing body and date at the end of the body text (GB/T 9704 §7.3.5.2)."""

    organ: str
    date: str
    role: str = "signature"


@dataclass
class Imprint(Block):
    """版记 (GB/T 9704 §7.4): the 抄送机关 (``cc``, may be empty) and the 印发机关 with its 印发日期 (``date``, as
    printed: "2020年1月2日印发"), between rules, at the foot of the last page of the text."""

    issuer: str
    date: str
    cc: str = ""
    role: str = "imprint"

    @property
    def rows(self) -> list[tuple[str, str]]:
        """The lines as printed, (left, right): "抄送：……" when there is a 抄送机关, then 印发机关 and 印发日期."""
        return ([("抄送：" + self.cc, "")] if self.cc else []) + [(self.issuer, self.date)]


@dataclass
class BlankLines(Block):
    """``count`` empty grid lines."""

    count: int = 1


@dataclass
class PageBreak(Block):
    pass


@dataclass
class Cell:
    """One table cell.  ``vertical`` sets the text top-to-bottom (for tall merged label cells)."""

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: Literal["left", "center", "right", "justify"] | None = None
    vertical: bool = False
    role: str | None = None


@dataclass
class Table(Block):
    """A ruled table.

    ``rows`` is a list of rows; a cell covered by a span of another cell is simply omitted from its row
    (HTML-style), so every row lists only the cells that start in it.  ``widths`` are relative column
    widths (any unit; scaled to the type area).  The first ``header_rows`` rows repeat on every page the
    table continues on.  ``keep_together`` asks to keep the whole table on one page when it fits.
    """

    rows: list[list[Cell]]
    widths: list[float]
    header_rows: int = 0
    caption: str | None = None
    role: str = "table-cell"
    header_role: str = "table-header"
    keep_together: bool = True
    name: str = ""


@dataclass
class DocumentInfo:
    """PDF metadata.  ``date`` is an ISO date (YYYY-MM-DD) used for creation/modification dates unless
    ``SOURCE_DATE_EPOCH`` is set."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    date: str | None = None
    lang: str = "zh-CN"

    @property
    def keyword_line(self) -> str:
        """The keywords as one line, as the Info dictionary and XMP ``pdf:Keywords`` both carry them."""
        return "，".join(k for k in self.keywords if k)


#: Between a run-in part heading and its text: one 字 of white — unless the heading ends in a mark of its own
#: ("三、依申请公开政府信息：无依申请公开的政府信息。", 洛江区虹山乡 2011), which already parts them.
RUN_IN_GAP = "\u3000"
_CLOSING_MARKS = ("：", ":", "。", "；", ";", "，", ",")


def without_heading(blocks: list[Block]) -> list[Block]:
    """A part's blocks without its heading, as a report printed it: the 导语 followed straight by "（一）……"
    (榆树市环城乡 2023).  The part keeps its place in the numbering; no outline entry is made for it."""
    return blocks[1:] if blocks and isinstance(blocks[0], Heading) else blocks


def run_in(blocks: list[Block]) -> list[Block]:
    """A part's blocks with its heading run in before the first paragraph of its text, as some reports print it
    ("二、主动公开政府信息情况　谯城区政务服务中心按照……"): one paragraph, the heading in ``runin1``, still an
    outline entry.  Without a heading followed by a paragraph the blocks are returned as they are."""
    if len(blocks) < 2 or not isinstance(blocks[0], Heading) or not isinstance(blocks[1], Paragraph):
        return blocks
    heading, first = blocks[0], blocks[1]
    lead = Run(heading.text + ("" if heading.text.endswith(_CLOSING_MARKS) else RUN_IN_GAP), role="runin1")
    level = heading.outline_level
    merged = Paragraph(
        [lead, *first.runs],
        role=first.role,
        outline=(heading.text, level) if level is not None else None,
        source=heading.source,
    )
    return [merged, *blocks[2:]]
