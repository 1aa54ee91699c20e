"""Blocks → PDF, read back: the GB/T 9704 page, grid, page numbers, outline, metadata, fonts, determinism."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator

import pytest
from pdfread import MM, Document, Line, read_pdf
from reportlab.pdfbase import pdfmetrics

from compiler.model.document import (
    BlankLines,
    Cell,
    DocumentInfo,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Table,
    Title,
)
from compiler.model.problems import ReportError
from compiler.render.pdf.typeset.render import RenderResult, render_pdf
from compiler.render.pdf.typeset.titlebreak import break_title
from compiler.render.style import load_style

PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, TOP_MARGIN = 28 * MM, 37 * MM
BODY_W, BODY_H = 156 * MM, 225 * MM
AREA_TOP = PAGE_H - TOP_MARGIN
AREA_BOTTOM = AREA_TOP - BODY_H
AREA_RIGHT = LEFT + BODY_W
PITCH = 29.61
CELL = BODY_W / 28
FIRST_BASELINE = AREA_TOP - 0.88 * 16
TOL = 0.5

TITLE = "南江县人民政府2018年政府信息公开工作年度报告"
SENTENCES = [
    "本报告根据《中华人民共和国政府信息公开条例》要求编制。",
    "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况。",
    "本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
    "全年主动公开政府信息3,456条，其中“放管服”改革、财政预决算、重大建设项目批准和实施等重点领域信息1,234条。",
    "我县进一步完善政府信息公开工作机制，明确专人负责，做到公开及时、内容准确。",
]
HEADINGS = [
    ("一、总体情况", "heading1", 0),
    ("（一）主动公开", "heading2", 1),
    ("1.深化重点领域信息公开", "heading3", 2),
    ("（1）规范性文件", "heading4", 3),
]


def sample_blocks() -> list:
    """A title, headings of four levels, 36 body paragraphs of varying length and a signature."""
    blocks: list = [Title(TITLE)]
    for i in range(36):
        if i % 4 == 0:
            text, role, level = HEADINGS[(i // 4) % 4]
            blocks.append(Heading(f"{text}{i // 4}", role, level if i // 4 < 4 else min(level, 1)))
        body = "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
        blocks.append(Paragraph([Run(body)]))
    blocks.append(Signature("南江县人民政府办公室", "2019年3月20日"))
    return blocks


INFO = DocumentInfo(
    title=TITLE,
    author="南江县人民政府办公室",
    subject="政府信息公开工作年度报告",
    keywords=["政府信息公开", "年度报告"],
    date="2019-03-20",
)


@pytest.fixture(scope="module", autouse=True)
def _environment() -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("GONGKAI_NO_SYSTEM_FONTS", "SOURCE_DATE_EPOCH")}
    os.environ["GONGKAI_NO_SYSTEM_FONTS"] = "1"
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def rendered() -> RenderResult:
    return render_pdf(sample_blocks(), load_style(), INFO)


@pytest.fixture(scope="module")
def doc(rendered: RenderResult) -> Document:
    return read_pdf(rendered.pdf)


def body_lines(page) -> list[Line]:
    """Lines inside the type area (the page number lies below it)."""
    return page.lines_between(AREA_TOP, AREA_BOTTOM)


def grid_index(line: Line) -> float:
    return (FIRST_BASELINE - line.baseline) / PITCH


def cell_end(line: Line) -> float:
    """Where the grid cell of a line's last (full-width) character ends."""
    return line.glyphs[-1].x + CELL


def heading_texts() -> set[str]:
    return {b.text for b in sample_blocks() if isinstance(b, Heading)}


# ---------------------------------------------------------------------------------------------- the page


def test_several_a4_pages(rendered: RenderResult, doc: Document) -> None:
    assert rendered.pages == len(doc.pages) >= 4
    for page in doc.reader.pages:
        assert float(page.mediabox.width) == pytest.approx(PAGE_W, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(PAGE_H, abs=0.01)


def test_title_is_centred_broken_by_meaning_and_followed_by_a_blank_line(doc: Document) -> None:
    first, second, third = doc.pages[0].lines[:3]
    assert [first.text, second.text] == ["南江县人民政府", "2018年政府信息公开工作年度报告"]
    for line in (first, second):
        assert line.size == pytest.approx(22) and line.fonts == {"GongkaiSong-Bold"}
        assert (line.x0 + line.x1) / 2 == pytest.approx(LEFT + BODY_W / 2, abs=1.5)
    assert first.baseline == pytest.approx(AREA_TOP - 0.88 * 22, abs=TOL)  # em-box top on the 版心 top
    assert third.baseline == pytest.approx(FIRST_BASELINE - 3 * PITCH, abs=TOL)  # one blank grid line


def test_first_body_line_of_a_page_sits_on_the_type_area_top(doc: Document) -> None:
    for page in doc.pages[1:]:
        assert body_lines(page)[0].baseline == pytest.approx(FIRST_BASELINE, abs=TOL)


def test_every_16pt_line_is_on_the_29_61_grid(doc: Document) -> None:
    checked = 0
    for page in doc.pages:
        for line in body_lines(page):
            if line.size == pytest.approx(16):
                index = grid_index(line)
                assert abs(index - round(index)) * PITCH <= TOL, (page.index, line.text)
                assert 0 <= round(index) < 22
                checked += 1
    assert checked > 60


def test_left_edge_is_the_binding_margin(doc: Document) -> None:
    starts = [ln.x0 for page in doc.pages for ln in body_lines(page) if ln.size == pytest.approx(16)]
    assert min(starts) == pytest.approx(LEFT, abs=0.5 * MM)
    indented = [x for x in starts if x > LEFT + CELL]
    assert indented and min(indented) == pytest.approx(LEFT + 2 * CELL, abs=TOL)  # 首行缩进二字


def test_a_full_page_has_22_lines_ending_on_the_type_area_bottom() -> None:
    blocks = [Paragraph([Run(f"第{i}段。本段只有一行文字用来填满版心。")]) for i in range(30)]
    page = read_pdf(render_pdf(blocks, load_style(), INFO).pdf).pages[0]
    lines = body_lines(page)
    assert len(lines) == 22
    assert [round(grid_index(ln)) for ln in lines] == list(range(22))
    em_bottom = lines[-1].baseline - (1 - 0.88) * 16
    assert em_bottom == pytest.approx(AREA_BOTTOM, abs=TOL)


def test_heading_is_never_the_last_line_of_a_page(doc: Document) -> None:
    headings = heading_texts()
    for page in doc.pages[:-1]:
        assert body_lines(page)[-1].text not in headings, page.index


# ---------------------------------------------------------------------------------------------- page numbers


def test_page_numbers_alternate_sides_under_the_type_area(doc: Document) -> None:
    dash = pdfmetrics.stringWidth("—", "GongkaiSong-Regular", 14)
    for page in doc.pages:
        n = page.index + 1
        line = page.page_number_line(AREA_BOTTOM)
        assert line is not None and line.text == f"—{n}—"
        assert line.fonts == {"GongkaiSong-Regular"} and line.size == pytest.approx(14)
        first_dash = line.glyphs[0]
        assert first_dash.box[3] == pytest.approx(AREA_BOTTOM - 7 * MM, abs=TOL)  # dash top 7 mm under the 版心
        if n % 2:
            assert line.glyphs[-1].x + dash == pytest.approx(AREA_RIGHT - 14, abs=TOL)  # 右空一字
        else:
            assert first_dash.x == pytest.approx(LEFT + 14, abs=TOL)  # 左空一字


# ---------------------------------------------------------------------------------------------- signature


def test_signature_right_two_cells_and_date_two_cells_in(doc: Document) -> None:
    lines = body_lines(doc.pages[-1])
    organ, date = lines[-2], lines[-1]
    assert organ.text == "南江县人民政府办公室" and date.text == "2019年3月20日"
    assert cell_end(organ) == pytest.approx(AREA_RIGHT - 2 * CELL, abs=TOL)
    assert date.x0 == pytest.approx(organ.x0 + 2 * CELL, abs=TOL)
    assert grid_index(date) - grid_index(organ) == pytest.approx(1, abs=0.02)
    before = lines[-3]
    assert grid_index(organ) - grid_index(before) == pytest.approx(2, abs=0.02)  # one blank line above


def test_long_date_is_right_two_cells_and_organ_moves_left() -> None:
    blocks = [Paragraph([Run("正文。")]), Signature("县政府办", "二〇一九年三月二十日")]
    lines = body_lines(read_pdf(render_pdf(blocks, load_style(), INFO).pdf).pages[0])
    organ, date = lines[-2], lines[-1]
    assert cell_end(date) == pytest.approx(AREA_RIGHT - 2 * CELL, abs=TOL)
    assert date.x0 == pytest.approx(organ.x0 + 2 * CELL, abs=TOL)


# ---------------------------------------------------------------------------------------------- structure


def test_outline_entries_point_at_the_heading_pages(rendered: RenderResult, doc: Document) -> None:
    page_of: dict[str, int] = {}
    for page in doc.pages:
        for line in body_lines(page):
            page_of.setdefault(line.text, page.index)
    outline = doc.outline()
    expected = [(b.text, page_of[b.text]) for b in sample_blocks() if isinstance(b, Heading)]
    assert [(title, page) for title, _, page in outline] == expected
    assert [(e.title, e.level, e.page_index) for e in rendered.outline] == outline
    assert {level for _, level, _ in outline} == {0, 1, 2, 3}
    assert doc.reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_metadata_and_language(doc: Document) -> None:
    meta = doc.reader.metadata
    assert meta.title == TITLE and meta.author == "南江县人民政府办公室"
    assert meta.subject == "政府信息公开工作年度报告"
    assert "政府信息公开" in meta["/Keywords"] and "年度报告" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20190320") and meta["/ModDate"] == meta["/CreationDate"]
    assert doc.reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_fonts_embedded_subset_and_no_helvetica(doc: Document) -> None:
    fonts = doc.fonts()
    assert fonts, "no fonts found"
    assert all(info["embedded"] and info["subset"] for info in fonts.values()), fonts
    assert not any("Helvetica" in name or "Times" in name for name in fonts)
    bases = {name.split("+", 1)[1] for name in fonts}
    assert {
        "GongkaiFangSong-Regular",
        "GongkaiHei-Regular",
        "GongkaiKai-Regular",
        "GongkaiSong-Bold",
        "GongkaiSong-Regular",
    } <= bases
    assert doc.missing_glyphs() == []
    assert b"Helvetica" not in doc.data


def test_identical_input_gives_identical_bytes(rendered: RenderResult) -> None:
    again = render_pdf(sample_blocks(), load_style(), INFO)
    assert hashlib.sha256(again.pdf).hexdigest() == hashlib.sha256(rendered.pdf).hexdigest()


def test_source_date_epoch_sets_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    pdf = render_pdf([Paragraph([Run("正文。")])], load_style(), INFO).pdf
    assert read_pdf(pdf).reader.metadata["/CreationDate"].startswith("D:20231114221320")


def test_missing_glyph_stops_before_layout() -> None:
    blocks = [Paragraph([Run("私用区字符\ue000不能排版。")])]
    with pytest.raises(ReportError) as exc:
        render_pdf(blocks, load_style(), INFO)
    assert [p.details["codepoint"] for p in exc.value.problems] == ["U+E000"]


def test_blank_lines_page_breaks_and_tables_render() -> None:
    table = Table(
        [[Cell("项目"), Cell("数量")], [Cell("主动公开"), Cell("12")]],
        [2, 1],
        header_rows=1,
        caption="表1 主动公开情况",
    )
    blocks = [
        Paragraph([Run("第一页。")]),
        BlankLines(2),
        Paragraph([Run("空两行后。")]),
        PageBreak(),
        Paragraph([Run("第二页。")]),
        table,
        Paragraph([Run("表后正文。")]),
    ]
    doc = read_pdf(render_pdf(blocks, load_style(), INFO).pdf)
    assert len(doc.pages) == 2
    first = body_lines(doc.pages[0])
    assert [round(grid_index(ln)) for ln in first] == [0, 3]
    second = doc.pages[1]
    assert body_lines(second)[0].text == "第二页。"
    texts = [ln.text for ln in body_lines(second)]
    assert "表1主动公开情况" in texts and "主动公开12" in "".join(texts)
    after = next(ln for ln in body_lines(second) if ln.text == "表后正文。")
    assert abs(grid_index(after) - round(grid_index(after))) * PITCH <= TOL  # the table kept the grid


# ---------------------------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("南江县人民政府2018年政府信息公开工作年度报告", ["南江县人民政府", "2018年政府信息公开工作年度报告"]),
        ("××市人民政府办公室2024年政府信息公开工作年度报告", ["××市人民政府办公室", "2024年政府信息公开工作年度报告"]),
        (
            "中华人民共和国国务院办公厅关于进一步做好政府信息公开工作的通知",
            ["中华人民共和国国务院办公厅关于", "进一步做好政府信息公开工作的通知"],
        ),
        ("某县2018年政府信息公开工作年度报告", ["某县2018年政府信息公开工作年度报告"]),
    ],
)
def test_break_title_by_meaning(title: str, lines: list[str]) -> None:
    assert break_title(title, 20) == lines


def test_break_title_keeps_book_titles_digits_and_no_lone_character() -> None:
    lines = break_title("关于《政府信息公开条例》2019年修订的说明报告", 12)
    assert "".join(lines) == "关于《政府信息公开条例》2019年修订的说明报告"
    assert any("《政府信息公开条例》" in line for line in lines)
    assert any("2019" in line for line in lines)
    assert all(len(line) >= 2 for line in lines)
    assert break_title("一二三四五六七八九十一二三四五六七八九十告", 20)[-1] != "告"
