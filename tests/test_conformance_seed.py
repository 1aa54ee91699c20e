"""GB/T 9704 conformance of the seed example, read back from the PDF (not from the code that wrote it).

The rules (kinsoku sets, grid numbers) are restated here from the standard and ``shared/spec`` so that the
test does not borrow the typesetter's own tables.
"""

from __future__ import annotations

import itertools
import shutil
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest

from compiler.build import build
from tests.pdfread import read_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nanjiang-2018" / "report.toml"

MM = 72 / 25.4
PAGE_H = 297 * MM
LEFT = 28 * MM
RIGHT = (28 + 156) * MM
TOP = PAGE_H - 37 * MM
BOTTOM = TOP - 225 * MM
CELL = 156 * MM / 28
PITCH = 29.61
BODY = 16.0
TOL = 0.5

# GB/T 15834 §5.1 / clreq "GB-style" — restated, not imported from the typesetter
NO_START = set("、。，．：；！？”’）］｝〕〉》」』】〗〙～·％‰℃…") | set(",.;:?!)]}%")
NO_END = set("“‘（［｛〔〈《「『【〖〘") | set("([{")
LEFT_INK = set("、。，．：；！？”’）］｝〕〉》」』】")  # marks whose ink sits in the left half of the cell


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("seed")
    shutil.copy(EXAMPLE, work / "report.toml")
    result = build(work / "report.toml")
    return result.output


def _lines(page: pdfplumber.page.Page) -> list[list[dict]]:
    rows: dict[float, list[dict]] = defaultdict(list)
    for ch in page.chars:
        rows[round(ch["matrix"][5], 1)].append(ch)
    return [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows, reverse=True)]


def _body_lines(pdf: pdfplumber.PDF) -> list[tuple[int, list[dict]]]:
    """(page index, chars) of every 3号 line inside the type area, in reading order."""
    out = []
    for index, page in enumerate(pdf.pages):
        for line in _lines(page):
            baseline = line[0]["matrix"][5]
            if BOTTOM - 1 <= baseline <= TOP and abs(line[0]["size"] - BODY) < 0.1:
                out.append((index, line))
    return out


def _right_edge(ch: dict) -> float:
    """The right edge of a line's last character's cell; a compressed closing mark ends mid-cell."""
    full = ch["x1"]
    if ch["text"] in LEFT_INK and abs(ch["x0"] + (full - ch["x0"]) / 2 - RIGHT) <= TOL:
        return ch["x0"] + (full - ch["x0"]) / 2
    return full


def test_no_line_starts_or_ends_with_a_forbidden_mark(seed_pdf: Path):
    with pdfplumber.open(seed_pdf) as pdf:
        lines = _body_lines(pdf)
        assert len(lines) > 150
        bad_start = ["".join(c["text"] for c in ln) for _, ln in lines if ln[0]["text"] in NO_START]
        bad_end = ["".join(c["text"] for c in ln) for _, ln in lines if ln[-1]["text"] in NO_END]
    assert bad_start == []
    assert bad_end == []


def test_full_lines_are_flush_with_both_edges(seed_pdf: Path):
    """A line followed by a continuation line (one that starts at the left edge) is a full line: it must
    start at the 版心's left edge (or two cells in, first line) and end at its right edge, ±0.5 pt."""
    with pdfplumber.open(seed_pdf) as pdf:
        lines = _body_lines(pdf)
    full = 0
    for (_, line), (_, following) in itertools.pairwise(lines):
        start = line[0]["x0"]
        if start > LEFT + 3 * CELL:  # the right-aligned 署名 and date (checked in the render tests)
            continue
        assert abs(start - LEFT) <= TOL or abs(start - (LEFT + 2 * CELL)) <= TOL, "".join(c["text"] for c in line)
        if abs(following[0]["x0"] - LEFT) <= TOL:  # the next line continues this paragraph
            full += 1
            assert abs(_right_edge(line[-1]) - RIGHT) <= TOL, "".join(c["text"] for c in line)
    assert full > 100


def test_baselines_on_the_line_grid_and_22_lines_per_full_page(seed_pdf: Path):
    first = TOP - 0.88 * BODY
    with pdfplumber.open(seed_pdf) as pdf:
        per_page: dict[int, int] = defaultdict(int)
        for index, line in _body_lines(pdf):
            n = (first - line[0]["matrix"][5]) / PITCH
            assert abs(n - round(n)) * PITCH <= TOL, (index, "".join(c["text"] for c in line))
            per_page[index] += 1
        # pages between the title page and the last are full: 22 lines, or one or two fewer where widow/orphan
        # control or a heading kept with its text moved lines to the next page
        middle = [per_page[i] for i in range(1, len(pdf.pages) - 1)]
    assert middle and all(20 <= n <= 22 for n in middle), middle
    assert sum(n == 22 for n in middle) >= len(middle) * 2 // 3, middle


def test_margins(seed_pdf: Path):
    with pdfplumber.open(seed_pdf) as pdf:
        page = pdf.pages[1]
        assert page.width == pytest.approx(210 * MM, abs=0.5) and page.height == pytest.approx(PAGE_H, abs=0.5)
        body = [ln for i, ln in _body_lines(pdf) if i == 1]
    left = min(ln[0]["x0"] for ln in body)
    top_em = max(ln[0]["matrix"][5] for ln in body) + 0.88 * BODY
    assert abs(left - LEFT) <= 0.5 * MM
    assert abs((PAGE_H - top_em) - 37 * MM) <= 0.5 * MM


def test_page_numbers_where_section_7_5_puts_them(seed_pdf: Path):
    """4号 "— n —" below the 版心: the top of the dash 7 mm under it; odd pages flush right and even pages
    flush left, one 4号 character in from the 版心 edge (advance boxes from pdfplumber, ink from PDFium)."""
    doc = read_pdf(seed_pdf.read_bytes())
    assert len(doc.pages) >= 8
    with pdfplumber.open(seed_pdf) as pdf:
        for page, plumber in zip(doc.pages, pdf.pages, strict=True):
            line = page.page_number_line(BOTTOM - 1)
            assert line is not None
            number = page.index + 1
            assert line.text.replace(" ", "") == f"—{number}—"
            assert abs(line.size - 14) < 0.1
            dash = next(g for g in line.glyphs if g.char == "—")
            assert abs(dash.box[3] - (BOTTOM - 7 * MM)) <= TOL  # top of the dash stroke 7 mm under the 版心
            chars = [c for c in plumber.chars if c["matrix"][5] < BOTTOM - 1]
            x0, x1 = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
            if number % 2:
                assert abs(x1 - (RIGHT - 14)) <= TOL, (number, x1)
            else:
                assert abs(x0 - (LEFT + 14)) <= TOL, (number, x0)


def test_fonts_embedded_subset_no_notdef(seed_pdf: Path):
    doc = read_pdf(seed_pdf.read_bytes())
    fonts = doc.fonts()
    assert fonts, "no fonts found"
    assert not [n for n in fonts if "Helvetica" in n or "Times" in n or "Courier" in n]
    assert all(info["embedded"] and info["subset"] for info in fonts.values()), fonts
    used = {name.split("+", 1)[-1] for name in fonts}
    assert {"GongkaiFangSong-Regular", "GongkaiHei-Regular", "GongkaiKai-Regular", "GongkaiSong-Bold"} <= used
    assert doc.missing_glyphs() == []
