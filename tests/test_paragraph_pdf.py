"""GridParagraph on a GB/T 9704 page, read back from the PDF with pdfplumber and cross-checked with PDFium."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text as pdfminer_text
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from compiler.model.document import SourceRef
from compiler.render.pdf.typeset.paragraph import GridParagraph, MissingGlyphError
from tests.gridfonts import BODY_WIDTH, CHAR_PITCH, KAI, LINE_PITCH, body
from tests.oracles import INK_LEFT, INK_RIGHT, NO_LINE_END_WITH_WORD, NO_LINE_START_WITH_WORD
from tests.pdfgeom import glyphs, lines_by_baseline, page_count, page_text, pdfium_chars

SEED = Path(__file__).resolve().parent / "data" / "reference" / "nanjiang-2018.txt"
FRAME_LEFT = 28 / 25.4 * 72
FRAME_RIGHT = FRAME_LEFT + BODY_WIDTH
FRAME_TOP = A4[1] - 37 / 25.4 * 72
CELL = CHAR_PITCH
BODY = body()
HEADING = replace(BODY, name="heading2", fonts=KAI, bold=True)
RUN_IN = "（一）主动公开情况。"


def chinese_punctuation(text: str) -> str:
    """The seed mixes ASCII ,;:() into Chinese text; typeset Chinese uses the full-width marks."""
    text = re.sub(r",(?!\d)", "，", text)
    text = text.replace("(", "（").replace(")", "）").replace(";", "；")
    return re.sub(r":(?!//)", "：", text)


def seed_paragraphs(count: int, min_len: int = 120) -> list[str]:
    paras = [chinese_punctuation(p.strip()) for p in SEED.read_text(encoding="utf-8").splitlines()]
    return [p for p in paras if len(p) >= min_len][:count]


def build(path: Path, flowables: list) -> Path:
    frame = Frame(FRAME_LEFT, FRAME_TOP - 22 * LINE_PITCH, BODY_WIDTH, 22 * LINE_PITCH, 0, 0, 0, 0)
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        pageTemplates=[PageTemplate(frames=[frame])],
        invariant=1,
        initialFontName="TestFangSong",
    )  # else ReportLab references Helvetica on every page
    doc.build(flowables)
    return path


@pytest.fixture(scope="module")
def page_pdf(tmp_path_factory):
    paras = seed_paragraphs(4)
    texts = [RUN_IN + paras[0], *paras[1:]]
    flowables = [GridParagraph([(RUN_IN, HEADING), (paras[0], BODY)], BODY)]
    flowables += [GridParagraph([(p, BODY)], BODY) for p in paras[1:]]
    return build(tmp_path_factory.mktemp("para") / "page.pdf", flowables), texts


def classify_lines(pdf: Path, texts: list[str]):
    """Yield (line glyphs, is first line of a paragraph, is last line) for every line on every page."""
    para, offset = 0, 0
    for page in range(page_count(pdf)):
        for line in lines_by_baseline(glyphs(pdf, page)):
            text = "".join(g.text for g in line)
            assert texts[para].startswith(text, offset), (text, texts[para][offset:])
            first = offset == 0
            offset += len(text)
            last = offset == len(texts[para])
            yield page, line, first, last
            if last:
                para, offset = para + 1, 0
    assert para == len(texts)


def test_text_extracts_exactly(page_pdf):
    pdf, texts = page_pdf
    pages = page_count(pdf)
    assert pages >= 2  # paragraphs are split across page breaks
    plumber = "".join(page_text(pdf, p) for p in range(pages)).replace("\n", "")
    assert plumber == "".join(texts)
    # pdfminer's default word_margin (0.1 em) sees a space wherever a pushed-down character left a line
    # spread wider than that; normal grid lines must come out without any
    miner_lines = pdfminer_text(str(pdf)).replace("\x0c", "").split("\n")
    assert "".join(miner_lines).replace(" ", "") == "".join(texts)
    spread = {
        "".join(g.text for g in line)
        for page in range(pages)
        for line in lines_by_baseline(glyphs(pdf, page))
        if max((b.x0 - a.x0 for a, b in itertools.pairwise(line)), default=0) > CELL + 1.6
    }
    spaced = {line.replace(" ", "") for line in miner_lines if " " in line}
    assert spaced <= spread


def test_baselines_on_the_grid(page_pdf):
    pdf, _ = page_pdf
    for page in range(page_count(pdf)):
        baselines = [line[0].baseline for line in lines_by_baseline(glyphs(pdf, page))]
        first = FRAME_TOP - 0.88 * 16
        assert baselines[0] == pytest.approx(first, abs=0.01)
        for n, b in enumerate(baselines):
            assert b == pytest.approx(first - n * LINE_PITCH, abs=0.01)
        assert len(baselines) <= 22


def test_both_edges_align_with_the_type_area(page_pdf):
    pdf, texts = page_pdf
    full_cjk_lines = squeezed = 0
    for _, line, first, last in classify_lines(pdf, texts):
        start = FRAME_LEFT + (2 * CELL if first else 0)
        assert line[0].x0 == pytest.approx(start, abs=0.5)
        if last:
            assert line[-1].x1 <= FRAME_RIGHT + 0.5
            continue
        end = line[-1]
        if end.text in INK_LEFT and end.x0 + CELL > FRAME_RIGHT + 0.5:
            # set half-width at the line end (挤进): its ink, the left half, ends at the edge
            assert end.x0 + CELL / 2 == pytest.approx(FRAME_RIGHT, abs=0.5)
            squeezed += 1
        else:
            assert end.x1 == pytest.approx(FRAME_RIGHT, abs=0.5)
        text = "".join(g.text for g in line)
        adjacent_marks = any(
            a in INK_LEFT | INK_RIGHT and b in INK_LEFT | INK_RIGHT for a, b in itertools.pairwise(text)
        )
        if all(not ch.isascii() for ch in text) and not adjacent_marks and end.x1 <= FRAME_RIGHT + 0.5:
            steps = [b.x0 - a.x0 for a, b in itertools.pairwise(line)]
            if all(abs(step - CELL) < 0.01 for step in steps):
                assert len(text) == 28 - (2 if first else 0), text  # a full line: 28 cells exactly
                full_cjk_lines += 1
            else:  # a character was pushed down: fewer characters, spread evenly
                assert len(text) < 28 - (2 if first else 0), text
                assert max(steps) - min(steps) < 0.01
    assert full_cjk_lines >= 5  # the check above really ran


def test_no_line_starts_or_ends_with_a_forbidden_mark(page_pdf):
    pdf, texts = page_pdf
    for _, line, first, last in classify_lines(pdf, texts):
        if not first:
            assert line[0].text not in NO_LINE_START_WITH_WORD
        if not last:
            assert line[-1].text not in NO_LINE_END_WITH_WORD


def test_pdfium_agrees_on_positions(page_pdf):
    pdf, _ = page_pdf
    for page in range(page_count(pdf)):
        ours = [g for g in glyphs(pdf, page) if g.text.strip()]
        theirs = [c for c in pdfium_chars(pdf, page) if c.text.strip()]
        assert [g.text for g in ours] == [c.text for c in theirs]
        for g, c in zip(ours, theirs, strict=True):
            assert g.x0 == pytest.approx(c.origin_x, abs=0.02)
            assert g.baseline == pytest.approx(c.origin_y, abs=0.02)


def test_synthetic_bold_does_not_leak(page_pdf):
    pdf, _ = page_pdf
    modes = [(c.text, c.render_mode) for c in pdfium_chars(pdf, 0) if c.text.strip()]
    assert "".join(t for t, _ in modes[: len(RUN_IN)]) == RUN_IN
    assert {m for _, m in modes[: len(RUN_IN)]} == {2}  # fill + stroke
    assert {m for _, m in modes[len(RUN_IN) :]} == {0}
    assert {c.render_mode for c in pdfium_chars(pdf, 1)} == {0}


# --- the flowable on its own ---------------------------------------------------------------------------


def test_wrap_height_and_line_texts():
    text = "政府信息公开" * 10
    para = GridParagraph([(text, BODY)], BODY)
    w, h = para.wrap(BODY_WIDTH, 1000)
    assert (w, h) == (BODY_WIDTH, pytest.approx(3 * LINE_PITCH))
    assert [len(t) for t in para.line_texts()] == [26, 28, 6]


@pytest.mark.parametrize(
    ("lines_room", "expected"),
    [(5, [5, 4]), (7, [7, 2]), (8, [7, 2]), (1, []), (2, [2, 7])],
)
def test_split_honours_widows_and_orphans(lines_room, expected):
    text = "政府信息公开工作年度报告" * 19  # 228 characters: 26 + 7 × 28 + 6, 9 lines
    para = GridParagraph([(text, BODY)], replace(BODY, keep_with_next=True))
    para.wrap(BODY_WIDTH, 10_000)
    parts = para.split(BODY_WIDTH, lines_room * LINE_PITCH + 1)
    sizes = []
    for part in parts:
        part.wrap(BODY_WIDTH, 10_000)
        sizes.append(len(part.line_texts()))
    assert sizes == expected
    if parts:
        assert "".join("".join(p.line_texts()) for p in parts) == text
        assert parts[0].keepWithNext is False and parts[1].keepWithNext is True
        # the continuation has no first-line indent; the first part keeps the original lines exactly
        assert parts[1].lines()[0].runs[0].x == 0
        assert parts[0].line_texts() == para.line_texts()[: sizes[0]]


def test_missing_glyph_names_character_and_source():
    src = SourceRef(Path("report.toml"), "overview.text", 12)
    para = GridParagraph([("正文\ue000", BODY)], BODY, source=src)
    with pytest.raises(MissingGlyphError) as info:
        para.wrap(BODY_WIDTH, 1000)
    message = str(info.value)
    assert "U+E000" in message and "字符" in message and "report.toml:12" in message
    assert info.value.problems[0].rule == "font.missing-glyph"
