"""Tables: HTML-style spans, the 22-row vertical label of table 三 split over two pages, repeated headers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.model.document import Cell, Table
from compiler.model.problems import ReportError
from compiler.render.pdf.typeset.paragraph import GridParagraph
from compiler.render.pdf.typeset.table import GridTable, make_table, place_cells
from compiler.render.textstyle import TableSettings
from tests.gridfonts import BODY_WIDTH, HEI, LINE_PITCH, body
from tests.pdfgeom import Glyph, glyphs, page_count, page_text, rule_widths
from tests.test_paragraph_pdf import FRAME_TOP, build, seed_paragraphs

SPEC = Path(__file__).resolve().parent / "data" / "reference" / "format-2021-tables.json"
CELL_STYLE = body(name="table-cell", size=10.5, char_pitch=10.5, line_pitch=14, indent=0)
HEADER_STYLE = replace(CELL_STYLE, name="table-header", fonts=HEI)
SETTINGS = TableSettings()
BODY = body()


def table_three() -> tuple[Table, dict]:
    """Table 三 of the 2021 format, built from the machine-readable spec (labels, spans) with numbers."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))["table3"]
    rows = [
        [Cell(c["text"], colspan=c.get("colspan", 1), rowspan=c.get("rowspan", 1)) for c in row]
        for row in spec["header"]
    ]
    spans = {k: v["rowspan"] for k, v in spec["label_spans"].items() if "rowspan" in v}
    seen: set[str] = set()
    for n, row in enumerate(spec["rows"]):
        path = row["path"]
        cells = []
        for depth, label in enumerate(path):
            if label in seen:
                continue
            seen.add(label)
            leaf = depth == len(path) - 1
            cells.append(Cell(label, rowspan=1 if leaf else spans[label], colspan=3 - depth if leaf else 1))
        cells += [Cell(str(n * 7 + c)) for c in range(7)]
        rows.append(cells)
    return Table(rows=rows, widths=[0.7, 1.2, 3.2] + [1] * 7, header_rows=3, name="三"), spec


@pytest.fixture(scope="module")
def split_pdf(tmp_path_factory):
    table, spec = table_three()
    lead = seed_paragraphs(1)[0][:200]  # about eight lines: the table must start mid-page
    flowables = [
        GridParagraph([(lead, BODY)], BODY),
        make_table(
            table, cell=CELL_STYLE, header=HEADER_STYLE, settings=SETTINGS, width=BODY_WIDTH, grid_pitch=LINE_PITCH
        ),
        GridParagraph([("表格之后的正文回到行网格上。", BODY)], BODY),
    ]
    return build(tmp_path_factory.mktemp("table") / "table3.pdf", flowables), spec


def stream_text(chars: list[Glyph]) -> str:
    """Characters in drawing order: each cell's text, vertical labels included, comes out contiguous."""
    return "".join(g.text for g in chars)


def test_place_cells_translates_html_style_rows():
    table, _ = table_three()
    cells, nrows = place_cells(table)
    assert nrows == 3 + 25
    where = {p.cell.text: (p.row, p.col, p.rowspan, p.colspan) for p in cells}
    assert where["三、本年度办理结果"] == (5, 0, 22, 1)
    assert where["（三）不予公开"] == (7, 1, 8, 1)
    assert where["1.属于国家秘密"] == (7, 2, 1, 1)
    assert where["（一）予以公开"] == (5, 1, 1, 2)
    assert where["四、结转下年度继续办理"] == (27, 0, 1, 3)
    assert where["总计"] == (1, 9, 2, 1)


def test_bad_shapes_are_reported():
    with pytest.raises(ReportError, match="超出表格范围"):
        place_cells(Table(rows=[[Cell("a", colspan=3)]], widths=[1, 1]))
    with pytest.raises(ReportError, match="没有单元格"):
        place_cells(Table(rows=[[Cell("a")], [Cell("b"), Cell("c")]], widths=[1, 1]))


def test_split_inside_a_row_span_cuts_the_span_and_repeats_the_label():
    table, _ = table_three()
    table.keep_together = False  # no frame here to say whether the table would fit on a page of its own
    made = make_table(table, cell=CELL_STYLE, header=HEADER_STYLE, settings=SETTINGS, width=BODY_WIDTH)
    assert isinstance(made, GridTable)
    _, full = made.wrap(BODY_WIDTH, 10_000)
    first, rest = made.split(BODY_WIDTH, full * 0.5)
    assert first.wrap(BODY_WIDTH, 10_000)[1] <= full * 0.5
    head = {p.cell.text: p for p in first.cells}
    tail = {p.cell.text: p for p in rest.cells}
    big = "三、本年度办理结果"
    assert head[big].row == 5 and tail[big].row == 3  # continues right under the repeated header
    assert head[big].rowspan + tail[big].rowspan == 22
    assert first.nrows + rest.nrows - 3 == 28
    assert {p.cell.text for p in rest.cells if p.header} == {p.cell.text for p in first.cells if p.header}


def test_header_rows_repeat_and_labels_appear_once_per_page(split_pdf):
    pdf, spec = split_pdf
    pages = page_count(pdf)
    assert pages == 2
    streams = [stream_text(glyphs(pdf, p)) for p in range(pages)]
    for stream in streams:
        for label in spec["data_column_labels"] + ["申请人情况", "法人或其他组织"]:
            assert label in stream
        assert stream.count(spec["note_cell"]) == 1
    # each leaf row is drawn exactly once over the whole table; a group label is on every page that
    # has one of its rows, exactly once
    leaves: dict[str, list[str]] = {}
    for row in spec["rows"]:
        for group in row["path"][:-1]:
            leaves.setdefault(group, []).append(row["path"][-1])
    for row in spec["rows"]:
        assert sum(s.count(row["path"][-1]) for s in streams) == 1, row["path"][-1]
    for group, members in leaves.items():
        for stream in streams:
            expected = 1 if any(m in stream for m in members) else 0
            assert stream.count(group) == expected, group
    # the 22-row label really was cut by the page break
    assert all(stream.count("三、本年度办理结果") == 1 for stream in streams)


def test_vertical_label_is_stacked_top_to_bottom(split_pdf):
    pdf, _ = split_pdf
    for page in range(2):
        chars = glyphs(pdf, page)
        stream = stream_text(chars)
        at = stream.index("三、本年度办理结果")
        label = chars[at : at + 9]
        centres = [(g.x0 + g.x1) / 2 for g in label if g.text not in "、"]
        assert max(centres) - min(centres) < 1.0  # one column
        baselines = [g.baseline for g in label if g.upright and g.text != "、"]
        assert baselines == sorted(baselines, reverse=True) and len(set(baselines)) == len(baselines)


def test_rules_are_half_a_point(split_pdf):
    pdf, _ = split_pdf
    for page in range(2):
        assert rule_widths(pdf, page) == {0.5}


def test_only_embedded_fonts(split_pdf):
    pdf, _ = split_pdf
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "Helvetica" not in str(font["/BaseFont"])
            assert "/FontDescriptor" in font  # an embedded TrueType subset, never a base-14 font


def test_text_after_the_table_is_back_on_the_grid(split_pdf):
    pdf, _ = split_pdf
    after = [g for g in glyphs(pdf, 1) if g.text == "表"][-1]
    first = FRAME_TOP - 0.88 * 16
    lines = (first - after.baseline) / LINE_PITCH
    assert lines == pytest.approx(round(lines), abs=1e-3)


def test_keep_together_moves_a_small_table_to_the_next_page(tmp_path):
    rows = [[Cell("项目"), Cell("数量")]] + [[Cell(f"第{i}项公开内容"), Cell(str(i))] for i in range(8)]
    small = Table(rows=rows, widths=[3, 1], header_rows=1, keep_together=True)
    filler = "政府信息公开工作" * 70  # 20 lines of 22: the table does not fit in the last two
    flowables = [
        GridParagraph([(filler, BODY)], BODY),
        make_table(
            small, cell=CELL_STYLE, header=HEADER_STYLE, settings=SETTINGS, width=BODY_WIDTH, grid_pitch=LINE_PITCH
        ),
    ]
    pdf = build(tmp_path / "keep.pdf", flowables)
    assert page_count(pdf) == 2
    assert "第0项公开内容" not in page_text(pdf, 0)
    text = page_text(pdf, 1)
    assert all(f"第{i}项公开内容" in text for i in range(8))


def test_numbers_are_flush_right_and_text_justified():
    table = Table(rows=[[Cell("政府信息公开申请数量"), Cell("1,234")]], widths=[1, 1])
    made = make_table(table, cell=CELL_STYLE, header=HEADER_STYLE, settings=SETTINGS, width=200)
    label, number = (made.content(p, made.cell_width(p)) for p in made.cells)
    assert label.style.align == "justify" and number.style.align == "right"


def test_table_measurements_are_reused_only_for_the_same_style_and_font_chain(monkeypatch) -> None:
    """Sizing a table measures the same cell text again and again; the memo (table._memo) answers repeats, but
    never for another font chain (another style sheet's files under the same names) or another size."""
    from dataclasses import replace as _replace

    from compiler.render.pdf.typeset import table as t
    from compiler.render.textstyle import TextStyle

    calls: list[str] = []
    monkeypatch.setattr(t, "_measure_natural", lambda text, style: calls.append(text) or float(style.size))
    monkeypatch.setattr(t, "_MEASURED", {})
    style = TextStyle("cell", fonts=object(), size=10.5, char_pitch=10.5, line_pitch=13.65)
    assert t._natural("0", style) == t._natural("0", _replace(style)) == 10.5  # an equal style: measured once
    assert calls == ["0"]
    assert t._natural("0", _replace(style, fonts=object())) == 10.5  # another chain: measured again
    assert t._natural("0", _replace(style, size=9.0)) == 9.0  # another size: measured again
    assert calls == ["0", "0", "0"]
