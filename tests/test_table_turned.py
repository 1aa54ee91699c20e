"""A table too wide for the 版心 even at 六号 is set across the page (横排, GB/T 9704-2012 §10), read back from
the PDF: table 四 of the stress report with a six-digit number in every cell."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from compiler.build import build
from compiler.model.document import Cell, Table
from compiler.model.problems import ReportError
from compiler.render.pdf.typeset.blocks import BlockMapper
from compiler.render.style import load_style

ROOT = Path(__file__).resolve().parents[1]
STRESS = ROOT / "tests" / "data" / "stress-2021" / "report.toml"
MM = 72 / 25.4
PAGE_H = 297 * MM
LEFT, RIGHT = 28 * MM, (28 + 156) * MM
TOP, BOTTOM = 37 * MM, (37 + 225) * MM  # from the page top (pdfplumber's ``top``)


def six_digit_table_four(text: str) -> str:
    """The stress report with every count of table 四 a six-digit number (their totals stay below a million)."""
    head, appeals = text.split("\n[appeals]\n")
    values = iter(range(123456, 999999, 7919))
    appeals = re.sub(r"(\w+) = \d+", lambda m: f"{m.group(1)} = {next(values) % 100000 + 100000}", appeals)
    return head + "\n[appeals]\n" + appeals


@pytest.fixture(scope="module")
def turned_build(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("turned")
    (work / "report.toml").write_text(six_digit_table_four(STRESS.read_text(encoding="utf-8")), encoding="utf-8")
    return build(work / "report.toml")


@pytest.fixture(scope="module")
def turned(turned_build) -> Path:
    return turned_build.output


def test_the_author_is_told_the_table_was_turned(turned_build) -> None:
    notes = [p for p in turned_build.problems if p.rule == "table.turned"]
    assert len(notes) == 1 and notes[0].severity.name == "INFO" and "横排" in notes[0].message
    assert notes[0].source is not None and notes[0].source.keypath == "appeals"


def _pages(pdf: Path) -> list[tuple[list[dict], list[dict], list[dict]]]:
    """Per page: (upright characters, turned characters, rules).  Characters count as turned on a page whose
    text mostly runs up it (a bracket in a vertical label is set sideways and does not count)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            chars = page.chars
            turned = [c for c in chars if not c["upright"]]
            if len(turned) < len(chars) / 2:
                turned = []
            out.append(([c for c in chars if c["upright"] or not turned], turned, page.edges))
    return out


def test_the_stress_report_itself_keeps_table_four_upright(tmp_path: Path) -> None:
    shutil.copy(STRESS, tmp_path / "report.toml")
    assert all(not turned for _, turned, _ in _pages(build(tmp_path / "report.toml").output))


def test_a_table_too_wide_at_the_smallest_step_is_turned_on_a_page_of_its_own(turned: Path) -> None:
    pages = _pages(turned)
    at = [i for i, (_, rotated, _) in enumerate(pages) if rotated]
    assert len(at) == 1, "one turned page"
    upright, rotated, rules = pages[at[0]]
    text = "".join(c["text"] for c in rotated)
    # the heading goes with the table; only the page number is upright
    assert text.startswith("四、政府信息公开行政复议、行政诉讼情况")
    assert re.fullmatch(r"— \d+ —|—\d+—", "".join(c["text"] for c in upright).strip())
    # turned 90° counter-clockwise: the text runs up the page, the table's head along the left (订口/切口) edge
    assert all(c["matrix"][:4] == pytest.approx((0, 1, -1, 0)) for c in rotated)
    heading = [c for c in rotated if c["text"] in "四、政府"]
    assert min(c["x0"] for c in heading) == pytest.approx(LEFT, abs=0.5)
    for c in rotated:  # inside the 版心
        assert c["x0"] >= LEFT - 0.5 and c["x1"] <= RIGHT + 0.5
        assert c["top"] >= TOP - 0.5 and c["bottom"] <= BOTTOM + 0.5
    for e in rules:
        assert LEFT - 0.5 <= e["x0"] <= e["x1"] <= RIGHT + 0.5 and TOP - 0.5 <= e["top"] <= e["bottom"] <= BOTTOM + 0.5
    # every count whole: the digits of one number share a baseline (x) and follow each other up the page
    runs: dict[float, list[dict]] = {}
    for c in rotated:
        if c["text"].isdigit():
            runs.setdefault(round(c["x0"], 1), []).append(c)
    numbers = []
    for column in runs.values():
        column.sort(key=lambda c: -c["top"])
        number = column[0]["text"]
        for a, b in itertools.pairwise(column):
            if a["top"] - b["bottom"] < 1.0:
                number += b["text"]
            else:
                numbers.append(number)
                number = b["text"]
        numbers.append(number)
    assert len(numbers) == 15 and all(len(n) == 6 for n in numbers), numbers


def test_the_turned_page_keeps_its_page_number_and_the_text_goes_on_after_it(turned: Path) -> None:
    pages = _pages(turned)
    at = next(i for i, (_, rotated, _) in enumerate(pages) if rotated)
    number = pages[at][0]
    before = pages[at - 1][0]
    # "— n —" where every page of that parity has it: GB/T 9704 §10 页码位置与公文其他页码保持一致
    same_side = pages[at - 2][0]
    n_chars = [c for c in number if c["top"] > BOTTOM]
    ref = [c for c in same_side if c["top"] > BOTTOM]
    assert n_chars and ref and n_chars[0]["top"] == pytest.approx(ref[0]["top"], abs=0.1)
    assert n_chars[0]["x0"] == pytest.approx(ref[0]["x0"], abs=1.0)
    assert "四、政府信息公开行政复议" not in "".join(c["text"] for c in before)  # the heading is not left behind
    after = "".join(c["text"] for c in pages[at + 1][0] if c["top"] < BOTTOM)
    assert after.startswith("五、存在的主要问题及改进情况")
    outline = {item.title: PdfReader(turned).get_destination_page_number(item) for item in PdfReader(turned).outline}
    assert outline["四、政府信息公开行政复议、行政诉讼情况"] == at


def test_a_table_too_wide_even_turned_is_an_error() -> None:
    sheet = load_style()
    row = [Cell("1234567890123")] * 40
    table = Table(rows=[[Cell(f"列{i}") for i in range(40)], row], widths=[1.0] * 40, header_rows=1, name="九")
    with pytest.raises(ReportError) as caught:
        BlockMapper(sheet).part(table)
    problem = caught.value.problems[0]
    assert problem.rule == "table.too-wide" and "横排" in problem.message


def test_a_turned_table_deeper_than_a_page_splits_over_turned_pages(tmp_path: Path) -> None:
    """Table 三 with every count a thousand times larger (up to ten digits): too wide even at 六号 and, turned,
    deeper than the 版心 is wide — it splits between rows over two turned pages, the header rows repeated."""
    head, rest = STRESS.read_text(encoding="utf-8").split("\n[applications]\n")
    applications, appeals = rest.split("\n[appeals]\n")
    applications = re.sub(r"= (\d+)", lambda m: f"= {int(m.group(1)) * 1000}", applications)
    (tmp_path / "report.toml").write_text(
        f"{head}\n[applications]\n{applications}\n[appeals]\n{appeals}", encoding="utf-8"
    )
    pages = _pages(build(tmp_path / "report.toml").output)
    turned = [i for i, (_, rotated, _) in enumerate(pages) if rotated]
    assert len(turned) == 2 and turned[1] == turned[0] + 1
    for i in turned:
        text = "".join(c["text"] for c in pages[i][1])
        assert "申请人情况" in text and "自然人" in text  # the header rows on both
    assert "".join(c["text"] for c in pages[turned[0]][1]).startswith("三、收到和处理政府信息公开申请情况")
    assert "四、结转下年度继续办理" in "".join(c["text"] for c in pages[turned[1]][1])
