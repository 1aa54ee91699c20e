"""A table the PDF turns across the page (GB/T 9704 §10) is, in the Word file, in a landscape section of its
own: read back with python-docx, and from the PDF LibreOffice makes of it.  The stress report's table 四 with a
six-digit count in every cell (:func:`tests.test_table_turned.six_digit_table_four`) is too wide for the 版心
even at 六号; table 三 with ten-digit counts is, turned, deeper than a page."""

from __future__ import annotations

import re
import shutil
from copy import deepcopy
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from compiler.build import BuildFailed, build, load_and_check
from compiler.model.document import Cell, Table
from compiler.model.problems import ReportError
from compiler.render.docx.page import geometry
from compiler.render.docx.styles import StyleMap
from compiler.render.docx.tables import measure
from compiler.render.pdf.typeset.table import placement
from compiler.render.style import load_style
from tests.docx_support import convert_to_pdf, soffice
from tests.require import require
from tests.test_table_turned import STRESS, six_digit_table_four

TWIPS_PER_MM = 72 * 20 / 25.4
MM = 72 / 25.4


def _mm(twips: int) -> float:
    return twips / TWIPS_PER_MM


@pytest.fixture(scope="module")
def turned(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("docx-turned")
    (work / "report.toml").write_text(six_digit_table_four(STRESS.read_text(encoding="utf-8")), encoding="utf-8")
    return build(work / "report.toml", to=["docx"])


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _sections_of_body(document: docx.document.Document) -> list[list]:
    """The body's block elements grouped by the section they are in."""
    groups: list[list] = [[]]
    for element in document.element.body:
        if element.tag == qn("w:sectPr"):
            break
        groups[-1].append(element)
        ppr = element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            groups.append([])
    return groups


def test_the_stress_report_builds_to_docx_in_portrait(tmp_path: Path) -> None:
    shutil.copy(STRESS, tmp_path / "report.toml")
    result = build(tmp_path / "report.toml", to=["docx"])
    document = docx.Document(result.output)
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT]
    assert not [p for p in result.problems if p.rule == "table.turned"]


def test_a_turned_table_gets_a_landscape_section_of_its_own(turned) -> None:
    document = docx.Document(turned.output)
    sections = list(document.sections)
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    portrait, landscape = sections[0], sections[1]
    assert (round(portrait.page_width.mm), round(portrait.page_height.mm)) == (210, 297)
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)  # A4 swapped
    # the portrait margins turned a quarter: the 版心 is 225 × 156 mm, the table's head along the binding edge
    margins = [landscape.top_margin, landscape.right_margin, landscape.bottom_margin, landscape.left_margin]
    assert [round(m.mm) for m in margins] == [28, 37, 26, 35]
    assert round(landscape.page_width.mm - 37 - 35) == 225 and round(landscape.page_height.mm - 28 - 26) == 156
    assert 0 < landscape.footer_distance.mm < landscape.bottom_margin.mm - 7  # the number below the 版心
    # the same odd and even footers, the numbering going on (no restart), the same document grid
    refs = [
        {(r.get(qn("w:type")), r.get(qn("r:id"))) for r in s._sectPr.findall(qn("w:footerReference"))} for s in sections
    ]
    assert refs[0] == refs[1] == refs[2] and {t for t, _ in refs[0]} == {"default", "even"}
    for s in sections:
        number = s._sectPr.find(qn("w:pgNumType"))
        assert number is None or number.get(qn("w:start")) is None
        assert s._sectPr.find(qn("w:docGrid")).attrib == sections[0]._sectPr.find(qn("w:docGrid")).attrib
    assert document.settings.odd_and_even_pages_header_footer


def test_the_turned_table_fills_the_turned_type_area_with_its_header_rows_repeated(turned) -> None:
    document = docx.Document(turned.output)
    groups = _sections_of_body(document)
    assert len(groups) == 3
    turned_part = groups[1]
    tables = [e for e in turned_part if e.tag == qn("w:tbl")]
    assert len(tables) == 1
    text = _text(turned_part[0])
    assert text.startswith("四、政府信息公开行政复议"), "the heading goes with the table, as in the PDF"
    tbl = tables[0]
    widths = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))]
    assert len(widths) == 15 and _mm(sum(widths)) == pytest.approx(225, abs=0.1)
    # equal data columns, to the rounding of twips (the last takes what rounding left over)
    assert max(widths[:-1]) - min(widths[:-1]) <= 1 and abs(widths[-1] - widths[0]) <= len(widths)
    rows = tbl.findall(qn("w:tr"))
    headers = [r for r in rows if r.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None]
    assert len(headers) == 3 and rows[:3] == headers
    numbers = [_text(tc) for tc in rows[-1].findall(qn("w:tc"))]
    assert len(numbers) == 15 and all(len(n) == 6 for n in numbers)


def test_the_pdf_and_the_docx_take_one_decision(turned) -> None:
    """The Word file's columns and type size are those :func:`placement` gives the PDF, at the turned measure."""
    checked = load_and_check(Path(turned.output).with_suffix(".toml"))
    sheet = load_style()
    tables = [b for b in checked.blocks if isinstance(b, Table)]
    four = next(t for t in tables if any("行政复议" in c.text for row in t.rows for c in row))
    names = {c.role for row in four.rows for c in row if c.role} | {four.role, four.header_role}
    placed = placement(
        four,
        cell=sheet.role(four.role),
        header=sheet.role(four.header_role),
        settings=sheet.table,
        width=sheet.page.body_width,
        turned_width=sheet.page.body_height,
        roles={n: sheet.role(n) for n in sorted(names)},
    )
    assert placed.turned and placed.width == sheet.page.body_height
    assert placed.size in (sheet.role(four.role).size, *sheet.table.shrink_sizes)
    styles = StyleMap(sheet, geometry(sheet))
    fit = measure(four, styles)
    assert fit.turned and fit.widths == pytest.approx(placed.fit.widths)
    assert fit.scale == pytest.approx(placed.size / sheet.role(four.role).size)
    upright = [t for t in tables if t is not four]
    assert upright and not any(measure(table, styles).turned for table in upright)


def test_the_author_is_told_once_when_both_files_turn_it(turned, tmp_path: Path) -> None:
    assert [p.rule for p in turned.problems].count("table.turned") == 1
    shutil.copy(Path(turned.output).with_suffix(".toml"), tmp_path / "report.toml")
    both = build(tmp_path / "report.toml", to=["pdf", "docx"])
    assert [p.rule for p in both.problems].count("table.turned") == 1


def test_a_table_too_wide_even_turned_stops_the_docx() -> None:
    sheet = load_style()
    row = [Cell("1234567890123")] * 40
    table = Table(rows=[[Cell(f"列{i}") for i in range(40)], row], widths=[1.0] * 40, header_rows=1, name="九")
    with pytest.raises(ReportError) as caught:
        measure(table, StyleMap(sheet, geometry(sheet)))
    problem = caught.value.problems[0]
    assert problem.rule == "table.too-wide" and "横排" in problem.message


def _libreoffice_pages(docx_path: Path, folder: Path) -> list[tuple[float, float, str]]:
    require(soffice(), "LibreOffice (Debian package libreoffice-writer-nogui) is not installed")
    pdf = convert_to_pdf(docx_path, folder)
    with pdfplumber.open(pdf) as doc:
        return [(page.width, page.height, page.extract_text() or "") for page in doc.pages]


def test_libreoffice_prints_the_turned_table_on_a_landscape_page(turned, tmp_path: Path) -> None:
    pages = _libreoffice_pages(Path(turned.output), tmp_path / "lo")
    wide = [i for i, (w, h, _) in enumerate(pages) if w > h]
    assert len(wide) == 1, [(round(w), round(h)) for w, h, _ in pages]
    i = wide[0]
    text = pages[i][2]
    assert text.startswith("四、政府信息公开行政复议、行政诉讼情况")
    assert len(re.findall(r"(?<!\d)\d{6}(?!\d)", text)) == 15, text
    # the page numbers go on through the landscape page, and the text after it is back in portrait
    for n, (_, _, page_text) in enumerate(pages, start=1):
        assert re.search(rf"— ?{n} ?—\s*$", page_text), (n, page_text[-20:])
    assert pages[i + 1][2].startswith("五、存在的主要问题及改进情况")
    assert all(w < h for j, (w, h, _) in enumerate(pages) if j != i)
    # the table's rules inside the turned 版心 (35–260 mm across, 28–184 mm down), as wide as it; the page
    # number as far under the 版心 as on the portrait pages, 空一字 from its edge
    with pdfplumber.open(tmp_path / "lo" / "report.pdf") as doc:
        page, upright = doc.pages[i], doc.pages[i - 2]
        rules = page.edges
        assert min(e["x0"] for e in rules) / MM == pytest.approx(35, abs=0.3)
        assert max(e["x1"] for e in rules) / MM == pytest.approx(35 + 225, abs=0.3)
        assert min(e["top"] for e in rules) / MM > 28 and max(e["bottom"] for e in rules) / MM < 28 + 156
        dash = next(c for c in page.chars if c["text"] == "—")
        usual = next(c for c in upright.chars if c["text"] == "—")
        assert dash["top"] / MM - (28 + 156) == pytest.approx(usual["top"] / MM - (37 + 225), abs=0.3)
        assert dash["x0"] - 35 * MM == pytest.approx(usual["x0"] - 28 * MM, abs=1.0)  # even pages: left


def test_libreoffice_repeats_the_header_rows_of_a_turned_table_deeper_than_a_page(tmp_path: Path) -> None:
    """Table 三 with ten-digit counts: too wide at 六号 and, turned, deeper than a page — two landscape pages,
    the header rows on both."""
    head, rest = STRESS.read_text(encoding="utf-8").split("\n[applications]\n")
    applications, appeals = rest.split("\n[appeals]\n")
    applications = re.sub(r"= (\d+)", lambda m: f"= {int(m.group(1)) * 1000}", applications)
    (tmp_path / "report.toml").write_text(
        f"{head}\n[applications]\n{applications}\n[appeals]\n{appeals}", encoding="utf-8"
    )
    try:
        result = build(tmp_path / "report.toml", to=["docx"])
    except BuildFailed as exc:  # pragma: no cover - shown if it happens
        raise AssertionError([p.message for p in exc.problems]) from exc
    orientations = [s.orientation for s in docx.Document(result.output).sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    pages = _libreoffice_pages(result.output, tmp_path / "lo")
    wide = [i for i, (w, h, _) in enumerate(pages) if w > h]
    assert len(wide) >= 2 and wide == list(range(wide[0], wide[0] + len(wide)))
    for i in wide:
        assert "申请人情况" in pages[i][2] and "自然人" in pages[i][2]
    assert pages[wide[0]][2].startswith("三、收到和处理政府信息公开申请情况")


def _wide_table(name: str) -> Table:
    """Sixteen columns of seven-digit counts: too wide for the 版心 at 六号, within the turned 225 mm."""
    head = [Cell(f"项{i + 1}", role="table-header") for i in range(16)]
    return Table([head, [Cell(str(1234567 + i)) for i in range(16)]], widths=[1] * 16, header_rows=1, name=name)


def test_turned_tables_back_to_back_and_at_the_end_of_a_section(tmp_path: Path) -> None:
    """Two turned tables in a row share no portrait page between them (two landscape sections, one after the
    other); a table that is the last block of the document leaves the body's own section landscape, with no
    empty portrait page after it."""
    import tomli_w

    from compiler import hookimpl
    from compiler.host.manager import fresh_host
    from compiler.model.document import Paragraph, Run
    from compiler.model.sections import SectionType
    from compiler.render.docx.blocks import body_elements, ends_turned
    from compiler.render.docx.page import turn_section
    from tests.conftest import legacy

    def blocks(ctx):
        return [ctx.heading(), _wide_table("甲"), _wide_table("乙"), Paragraph([Run("表后的正文。")])]

    class Plugin:
        @hookimpl
        def gongkai_register_sections(self, register):
            register(SectionType(key="wide", title="宽表情况", formats=frozenset({"legacy"}), after="other",
                                 build=blocks))  # fmt: skip

    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(wide={})), encoding="utf-8")
    result = build(path, tmp_path / "r.docx", host=fresh_host([(Plugin(), "wide")]))
    document = docx.Document(result.output)
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    groups = _sections_of_body(document)
    assert _text(groups[1][0]).endswith("宽表情况") and sum(e.tag == qn("w:tbl") for e in groups[1]) == 1
    assert sum(e.tag == qn("w:tbl") for e in groups[2]) == 1
    assert _text(groups[3][0]) == "表后的正文。"
    assert "table.turned" in [p.rule for p in result.problems]

    # the last block: the body's own section properties become the landscape ones
    sheet = load_style()
    geo = geometry(sheet)
    styles = StyleMap(sheet, geo)
    portrait = document.sections[0]._sectPr
    landscape = turn_section(deepcopy(portrait), geo)
    elements = body_elements([_wide_table("丙")], styles, geo, (portrait, landscape))
    assert elements[-1].find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    assert ends_turned(elements) and elements[-2].tag == qn("w:tbl")
    assert elements[-1].tag == qn("w:p") and elements[-1].find(qn("w:pPr")).find(qn("w:sectPr")) is None


def test_the_turned_docx_imports_back_with_table_four(turned) -> None:
    """The landscape section does not hide the table from gongkai's own importer: table 四's counts come back."""
    import tomllib

    from compiler.importers.run import import_file

    back = tomllib.loads(import_file(Path(turned.output)).toml)
    source = tomllib.loads(Path(turned.output).with_suffix(".toml").read_text(encoding="utf-8"))
    for part in ("review", "litigation_direct", "litigation_after_review"):
        counts = source["appeals"][part]
        got = back["appeals"][part]
        assert {k: got[k] for k in counts} == counts
        assert got.get("total", sum(counts.values())) == sum(counts.values())  # the printed 总计
    assert back["appeals"]["review"]["maintain"] == 123456
