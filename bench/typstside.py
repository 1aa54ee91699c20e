"""The same report as Typst markup, and Typst (PyPI ``typst``, optional: ``pip install -e '.[bench]'``) timed
side by side with ``gongkai build``.

The markup is generated from the report's own Blocks (the sections are asked once, exactly as ``gongkai build``
asks them, untimed): the title, headings, paragraphs, tables with their spans, the signature, with the page
geometry, sizes and the shipped fonts of the default style sheet (GB/T 9704: A4, 156 × 225 mm body, 三号仿宋
on 28.95 pt lines).  It is not a byte-for-byte copy of gongkai's layout — Typst has its own line breaking and
no character grid — but the same text, tables and fonts on the same number of pages give Typst the same work.

Both are measured as whole processes (``python -c 'import typst; typst.compile(…)'`` for Typst, with system
fonts ignored so it scans only the shipped ones), alternating run by run so that a neighbour's load falls on
both; the ratio is of the medians.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any

from bench import measure
from bench.cases import ROOT

FONTS = ROOT / "fonts"
#: logical font of the style sheet → the shipped family, with the common fallbacks behind it
FAMILIES = {
    "fangsong": ["Gongkai FangSong", "Gongkai Song", "Gongkai Song Ext"],
    "kai": ["Gongkai Kai", "Gongkai Song", "Gongkai Song Ext"],
    "hei": ["Gongkai Hei", "Gongkai Song", "Gongkai Song Ext"],
    "song": ["Gongkai Song", "Gongkai Song Ext"],
    "xbsong": ["Gongkai Song", "Gongkai Song Ext"],  # the bold face is a family of its own in Typst's eyes
}
ROLE_FONT = {"title": "xbsong", "heading1": "hei", "heading2": "kai", "table-header": "hei", "table-label": "hei"}
ROLE_SIZE = {"title": 22.0, "table-cell": 10.5, "table-header": 10.5}  # 二号, 五号; the rest 三号 (16 pt)


def available(python: str | None = None) -> bool:
    """Whether the measured interpreter (``--python``) can import Typst."""
    import subprocess

    try:
        return subprocess.run([python or measure.PYTHON, "-c", "import typst"], capture_output=True).returncode == 0
    except OSError:
        return False


def _escape(text: str) -> str:
    """Typst markup for literal text: every markup character escaped."""
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@=-+/[]~\"'":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(" \\\n")
        else:
            out.append(ch)
    return "".join(out)


def _font(role: str | None) -> str:
    fonts = FAMILIES[ROLE_FONT.get(role or "", "fangsong")]
    return "(" + ", ".join(f'"{f}"' for f in fonts) + ",)"


def _text(text: str, role: str | None) -> str:
    size = ROLE_SIZE.get(role or "", 16.0)
    return f"#text(font: {_font(role)}, size: {size}pt)[{_escape(text)}]"


def markup(report: Path) -> str:
    """The report's blocks as one Typst document."""
    from compiler.build import load_and_check
    from compiler.model import document as d

    checked = load_and_check(report)
    assert checked.blocks is not None, f"{report} could not be read"
    out = [
        '#set page(paper: "a4", margin: (top: 37mm, left: 28mm, right: 26mm, bottom: 35mm),'
        " footer: context align(if calc.odd(counter(page).get().first()) { right } else { left },"
        ' text(font: ("Gongkai Song",), size: 14pt)[— #counter(page).display() —]))',
        # line boxes of exactly 1 em, so that the leading makes the 29.61 pt pitch of the 22-line page
        f'#set text(font: {_font(None)}, size: 16pt, lang: "zh", top-edge: 1em, bottom-edge: 0pt)',
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 13.61pt, spacing: 13.61pt)",
        "",
    ]
    for block in checked.blocks:
        if isinstance(block, d.Title):
            lines = block.lines or [block.text]
            body = " \\\n".join(_escape(line) for line in lines)
            out.append(f"#align(center, text(font: {_font('title')}, size: 22pt)[{body}])\n")
        elif isinstance(block, d.Heading):
            indent = "" if block.role == "title" else "#h(2em)"
            out.append(f"#block(sticky: true)[{indent}{_text(block.text, block.role)}]\n")
        elif isinstance(block, d.Paragraph):
            out.append("".join(_text(run.text, run.role or block.role) for run in block.runs) + "\n")
        elif isinstance(block, d.Signature):
            out.append(f"#align(right)[{_escape(block.organ)} #h(2em) \\ {_escape(block.date)} #h(2em)]\n")
        elif isinstance(block, d.BlankLines):
            out.append(f"#v({block.count * 29}pt)\n")
        elif isinstance(block, d.PageBreak):
            out.append("#pagebreak()\n")
        elif isinstance(block, d.Table):
            out.append(_table(block))
        # other blocks (attachment separators) carry no text of their own
    return "\n".join(out)


def _table(table: Any) -> str:
    cells = []
    for r, row in enumerate(table.rows):
        for cell in row:
            role = cell.role or (table.header_role if r < table.header_rows else table.role)
            span = ""
            if cell.colspan > 1:
                span += f"colspan: {cell.colspan}, "
            if cell.rowspan > 1:
                span += f"rowspan: {cell.rowspan}, "
            cells.append(f"table.cell({span})[{_text(cell.text, role)}]")
    widths = ", ".join(f"{w:g}fr" for w in table.widths) or "1fr"
    caption = f"#align(center, {_text(table.caption, 'table-label')[1:]})\n" if table.caption else ""
    return (
        f"{caption}#set par(first-line-indent: 0pt)\n"
        f"#table(columns: ({widths},), inset: 4pt, align: horizon,\n  " + ",\n  ".join(cells) + ",\n)\n"
        "#set par(first-line-indent: (amount: 2em, all: true))\n"
    )


def typst_argv(source: Path, output: Path) -> list[str]:
    code = (
        "import sys, typst\n"
        "typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True)\n"
    )
    return [measure.PYTHON, "-c", code, str(source), str(output), str(FONTS)]


def side_by_side(report: Path, work: Path, runs: int) -> dict[str, Any]:
    """Cold ``gongkai build`` and Typst on the same report, alternating, ``runs`` each (after one untimed
    run of each); ``cold_ratio`` = gongkai's median wall time over Typst's."""
    import os

    source = work / f"{report.parent.name}.typ"
    source.write_text(markup(report), encoding="utf-8")
    typst_pdf, gongkai_pdf = work / f"{report.parent.name}-typst.pdf", work / f"{report.parent.name}-gongkai.pdf"
    ours = measure.gongkai("build", str(report), "-o", str(gongkai_pdf))
    theirs = typst_argv(source, typst_pdf)
    for argv in (ours, theirs):
        if measure.run(argv).returncode != 0:
            raise RuntimeError(f"failed: {argv[:4]}")
    loads = [os.getloadavg()[0]]
    g, t = [], []
    for _ in range(runs):
        g.append(measure.run(ours))
        t.append(measure.run(theirs))
    loads.append(os.getloadavg()[0])

    def figures(rs: list[measure.Run], pdf: Path) -> dict[str, float]:
        return {
            "wall_s": statistics.median(r.wall for r in rs),
            "cpu_s": statistics.median(r.cpu for r in rs),
            "peak_rss_mb": max(r.peak_rss_mb for r in rs),
            "pdf_bytes": pdf.stat().st_size,
        }

    ours_f, theirs_f = figures(g, gongkai_pdf), figures(t, typst_pdf)
    return {
        "runs": runs,
        "gongkai": ours_f,
        "typst": theirs_f,
        "cold_ratio": ours_f["wall_s"] / theirs_f["wall_s"],
        "cpu_ratio": ours_f["cpu_s"] / theirs_f["cpu_s"],
        "pages_typst": _pages(typst_pdf),
        "load_average": loads,
        "typst_version": _typst_version(),
    }


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _typst_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("typst")
    except metadata.PackageNotFoundError:
        return ""


if __name__ == "__main__":  # python -m bench.typstside REPORT OUT.typ: write the markup only
    Path(sys.argv[2]).write_text(markup(Path(sys.argv[1])), encoding="utf-8")
