"""Table 三's merged cells read back from a PDF: ``merged_rows`` (市场监督管理局 2023: one 0 per column over
（六）其他处理 1.–3.) and ``outcome_label_breaks`` (平潭综合实验区 2019, 2020: 三、本年度办理结果 printed again from
（四）), from gongkai's own PDF and from the PDF LibreOffice exports of gongkai's DOCX — the same layout and the same
numbers as the TOML.
A PDF is untrusted: a plain table 三 never comes back merged, and a tall cell box holding one number per row (a rule
left out) is read as one cell per row, not as a merged number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.build import build
from compiler.importers.common import read_document
from compiler.importers.run import import_file
from compiler.model.report import load_report
from tests.docx_support import convert_to_pdf, soffice
from tests.gb2021_support import EXAMPLE_2024, numbers_only, write_variant
from tests.require import require

pytest.importorskip("pdfplumber")

CORPUS = Path(__file__).resolve().parent / "corpus"
MERGED = CORPUS / "pingtan-shichangjianduguanliju-2023" / "report.toml"  # merged_rows, 2021 format
SPLIT_2020 = CORPUS / "pingtan-shiyanqu-2020" / "report.toml"  # outcome_label_breaks, 2019 format
SPLIT_2019 = CORPUS / "pingtan-zone-2019" / "report.toml"


def _pdf(source: Path, folder: Path, kind: str) -> Path:
    """``source`` as gongkai's PDF (``"pdf"``), or its DOCX exported to PDF by LibreOffice (``"libreoffice"``)."""
    if kind == "pdf":
        out = folder / "report.pdf"
        build(source, out, to=["pdf"])
        return out
    require(soffice(), "LibreOffice (soffice) is not installed: the PDF of a Word file is not tested")
    docx = folder / "report.docx"
    build(source, docx, to=["docx"])
    return convert_to_pdf(docx, folder / "libreoffice")


def _round_trip(source: Path, out: Path, tmp: Path) -> dict:
    """The imported ``applications``, after checking that every table number came back as in ``source``."""
    imported = import_file(out)
    target = tmp / "imported.toml"
    target.write_text(imported.toml, encoding="utf-8")
    original, again = load_report(source, with_previous=False), load_report(target, with_previous=False)
    for key in ("active", "applications", "appeals"):
        assert numbers_only(again.values.get(key)) == numbers_only(original.values.get(key)), key
    return imported.result.data["applications"]


def _written(source: Path, key: str) -> object:
    return load_report(source, with_previous=False).values["applications"].get(key)


@pytest.mark.parametrize("kind", ["pdf", "libreoffice"])
@pytest.mark.parametrize("source", [MERGED, SPLIT_2020, SPLIT_2019], ids=lambda p: p.parent.name)
def test_the_corpus_layouts_come_back_from_a_pdf(tmp_path, source, kind):
    applications = _round_trip(source, _pdf(source, tmp_path, kind), tmp_path)
    for key in ("merged_rows", "outcome_label_breaks"):
        assert applications.get(key) == _written(source, key), key
    if source == MERGED:  # rows 2. and 3. are covered by the merged 0: blank, never 0
        assert [applications["total"][k] for k in _written(source, "merged_rows")] == [0, "", ""]


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
@pytest.mark.parametrize("breaks", [["partial"], ["total_processed"], ["unable_not_held", "other_no_correction"]])
def test_an_outcome_cell_one_row_tall_counts(tmp_path, kind, breaks):
    """A break that leaves the first (（一）予以公开 alone) or the last (（七）总计 alone) 三、本年度办理结果 cell one
    row tall: that cell is no span, and was not seen as a cell of its own."""
    source = write_variant(tmp_path, [("[applications]\n", f"[applications]\noutcome_label_breaks = {breaks!r}\n")])
    out = tmp_path / f"report.{kind}"
    build(source, out, to=[kind])
    assert _round_trip(source, out, tmp_path).get("outcome_label_breaks") == breaks


@pytest.mark.parametrize("kind", ["pdf", "libreoffice"])
def test_a_plain_table_three_comes_back_plain(tmp_path, kind):
    applications = _round_trip(EXAMPLE_2024, _pdf(EXAMPLE_2024, tmp_path, kind), tmp_path)
    assert "merged_rows" not in applications and "outcome_label_breaks" not in applications


# ------------------------------------------------------------------------------------ cell boxes in a drawn PDF
def _drawn_table(path: Path, rules: dict[int, tuple[float, float]], texts: dict[tuple[int, int], list[str]]) -> None:
    """A three-column table of five 20 pt rows drawn with ReportLab: every vertical rule, and the horizontal rule
    under row ``r`` only from x0 to x1 when ``rules`` says so (else across); ``texts[(row, col)]`` are the lines
    set in a cell, one per row from that row down."""
    from reportlab.pdfgen.canvas import Canvas

    xs, top, height, rows = [100.0, 200.0, 260.0, 320.0], 700.0, 20.0, 5
    canvas = Canvas(str(path))
    canvas.setLineWidth(0.5)
    for x in xs:
        canvas.line(x, top, x, top - rows * height)
    canvas.line(xs[0], top, xs[-1], top)
    for r in range(rows):
        x0, x1 = rules.get(r, (xs[0], xs[-1]))
        canvas.line(x0, top - (r + 1) * height, x1, top - (r + 1) * height)
    canvas.setFont("Helvetica", 10)
    for (r, c), lines in texts.items():
        for i, line in enumerate(lines):
            canvas.drawString(xs[c] + 4, top - (r + i + 1) * height + 6, line)
    canvas.save()


def _only_grid(path: Path):
    [grid] = read_document(path).grids
    return grid


def test_a_rule_left_out_between_numbers_is_no_merge(tmp_path):
    """Rows 1 and 2 ruled apart in the label column only: the two number cells are one box each, holding 3 and 4 —
    read as two cells, not as one merged "3 4" (which would read as 34)."""
    path = tmp_path / "table.pdf"
    texts = {(r, 0): [f"row{r}"] for r in range(5)}
    texts |= {(r, c): [str(r + c)] for r in (0, 3, 4) for c in (1, 2)}
    texts |= {(1, 1): ["2", "3"], (1, 2): ["3", "4"]}
    _drawn_table(path, {1: (100.0, 200.0)}, texts)
    grid = _only_grid(path)
    assert [row[1:] for row in grid.rows[1:3]] == [["2", "3"], ["3", "4"]]
    assert not any(rs > 1 for _, _, rs, _ in grid.spans)


@pytest.mark.parametrize(
    "tall",
    [["0"], ["x", "y"], ["2", "x"]],  # one merged number; words; a number and a word
    ids=["merged-number", "words", "mixed"],
)
def test_a_tall_cell_that_is_not_a_number_per_row_stays_merged(tmp_path, tall):
    path = tmp_path / "table.pdf"
    texts = {(r, 0): [f"row{r}"] for r in range(5)} | {(1, 1): tall}
    _drawn_table(path, {1: (100.0, 200.0)}, texts)
    grid = _only_grid(path)
    assert (1, 1, 2, 1) in grid.spans
    assert grid.rows[1][1] == grid.rows[2][1]
