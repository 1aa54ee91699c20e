"""The Word renderer, read back with python-docx and opened by a real office suite.

python-docx reads the page setup, the styles, the footers and the tables back from the file; LibreOffice
(headless) converts the DOCX to PDF, and its pages and text are compared with gongkai's own PDF and the report.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Mm

from compiler.build import build, report_blocks
from compiler.model.document import Heading, Paragraph, Signature, Table, Title
from compiler.model.report import load_report
from compiler.render.docx.package import read_source
from tests.docx_support import convert_to_pdf, soffice
from tests.require import require

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nanjiang-2018" / "report.toml"
EXAMPLE_2021 = ROOT / "examples" / "qinglan-data-2024" / "report.toml"
EXAMPLES = {"seed": SEED, "2021": EXAMPLE_2021}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out: dict[str, dict[str, Path]] = {}
    for name, path in EXAMPLES.items():
        folder = tmp_path_factory.mktemp(f"docx-{name}")
        result = build(path, folder / "report", to=["docx", "pdf"])
        out[name] = result.outputs
    return out


def grid_of(document: docx.document.Document):
    return document.sections[0]._sectPr.find(qn("w:docGrid"))


def style_font(style) -> str | None:
    return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_page_setup_reads_back(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    section = document.sections[0]
    for value, mm in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.left_margin, 28),
        (section.bottom_margin, 35),
        (section.right_margin, 26),
    ):
        assert abs(value - Mm(mm)) <= Mm(0.1), (value.mm, mm)
    grid = grid_of(document)
    assert grid.get(qn("w:type")) == "linesAndChars"
    line_pitch, char_space = int(grid.get(qn("w:linePitch"))), int(grid.get(qn("w:charSpace")))
    assert (line_pitch, char_space) == (579, -849)  # as Word's own 公文 templates
    body_h = Emu(section.page_height - section.top_margin - section.bottom_margin).pt
    body_w = Emu(section.page_width - section.left_margin - section.right_margin).pt
    assert int(body_h // (line_pitch / 20)) == 22  # Word: lines per page
    assert int(body_w // (16 + char_space / 4096)) == 28  # Word: characters per line of 三号 type
    assert document.settings.odd_and_even_pages_header_footer


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_page_numbers_odd_right_even_left_in_4hao_song(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        (p,) = footer.paragraphs
        xml = p._p.xml
        assert "PAGE" in xml and "fldChar" in xml
        assert p.text.replace(" ", "") == "—1—"  # the field's shown result between the dashes
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == side
        assert p._p.pPr.find(qn("w:ind")).get(qn(f"w:{side}")) == "280"  # 空一字 of 14 pt
        assert p.style.name == "Footer"
        assert style_font(p.style) == "宋体"
        assert p.style.font.size.pt == 14
    # the dash's top about 7 mm under the 版心: the footer sits between the 版心 and the page's edge
    assert Mm(20) < section.footer_distance < Mm(30)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_styles_fonts_sizes_indents(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    styles = document.styles
    normal = styles["Normal"]
    assert style_font(normal) == "仿宋_GB2312" and normal.font.size.pt == 16
    ind = normal.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"  # 2 字
    assert normal.paragraph_format.alignment is not None
    h1 = styles["Heading 1"]
    assert style_font(h1) == "黑体" and h1.font.size.pt == 16
    assert h1.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    title = styles["Title"]
    assert style_font(title) == "方正小标宋简体" and title.font.size.pt == 22
    assert title.element.pPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    # the font table gives fallbacks for the licensed names
    with zipfile.ZipFile(built[name]["docx"]) as z:
        table = z.read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>' in table
    if name == "seed":
        assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in table
        assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in table
    # headings are heading styles, run-in headings character styles in 楷体 or 仿宋
    paragraphs = document.paragraphs
    heads = [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert heads and all(re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）", p.text) for p in heads)
    assert any(p.style.name == "Heading 1" and p.text.startswith("一、") for p in heads)
    if name == "2021":  # （一） headings on their own line: 标题 2 in 楷体, in the outline one level down
        h2 = next(p for p in heads if p.text.startswith("（一）"))
        assert h2.style.name == "Heading 2" and style_font(h2.style) == "楷体_GB2312"
        assert h2.style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"


def test_seed_run_in_headings_title_and_signature(built) -> None:
    document = docx.Document(built["seed"]["docx"])
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == "南江县人民政府\n2018年政府信息公开工作年度报告"  # broken by meaning, as the PDF
    assert paragraphs[1].text == ""  # one blank line under the title
    runin = [r for p in paragraphs for r in p.runs if r.style.name == "段内标题 2"]
    assert runin and runin[0].text.startswith("（一）") and style_font(runin[0].style) == "楷体_GB2312"
    organ, date = paragraphs[-2], paragraphs[-1]
    assert (organ.text, organ.style.name) == ("南江县人民政府", "署名")
    assert (date.text, date.style.name) == ("2019年2月14日", "成文日期")
    assert paragraphs[-3].text == ""  # one blank line above the 署名
    # the 署名 is kept with its date (a page break between them left the 署名 alone in LibreOffice)
    assert organ._p.pPr.find(qn("w:keepNext")) is not None and date._p.pPr.find(qn("w:keepNext")) is None
    assert organ._p.pPr.index(organ._p.pPr.find(qn("w:keepNext"))) == 1  # right after w:pStyle, as the schema has it
    right = {p.style.name: int(p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) for p in (organ, date)}
    # the date (3 字 + 7 half-width digits) reaches further than the 署名 less two cells: the date is 右空二字 and
    # the 署名 moves left so that its first character stays two cells left of the date's (§7.3.5.2)
    date_cells = 3 + 7 * 8 / (156 / 28 * 72 / 25.4)
    assert right["成文日期"] == 200
    assert abs(right["署名"] / 100 - (2 + date_cells + 2 - 7)) < 0.02


def test_tables_like_the_official_template(built) -> None:
    document = docx.Document(built["2021"]["docx"])
    tables = document.tables
    assert len(tables) == 3
    body_twips = round((210 - 28 - 26) / 25.4 * 1440)
    for table in tables:
        tbl = table._tbl
        widths = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(widths) - body_twips) <= 1  # fits the 版心 exactly
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        borders = tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:sz")) for b in borders} == {"4"}  # 0.5 pt
    table3 = tables[1]
    xml = table3._tbl.xml
    assert xml.count('w:vMerge w:val="restart"') >= 6 and "w:gridSpan" in xml
    assert xml.count("<w:tblHeader/>") == 3  # header rows repeat
    # the 22-row label is one merged, vertical cell
    label = next(c for c in table3._tbl.iter(qn("w:tc")) if "三、本年度办理结果" in "".join(c.itertext()))
    assert label.tcPr.find(qn("w:textDirection")).get(qn("w:val")) == "tbRl"
    assert label.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    column = table3.columns[0].cells  # python-docx resolves the merge: the same cell on 22 rows
    assert sum(1 for c in column if c.text == "三、本年度办理结果") == 22
    # numbers in place: the 总计 of 一、本年新收 is in its row, flush right as in the PDF
    row = next(r for r in table3.rows if r.cells[0].text.startswith("一、本年新收"))
    assert row.cells[-1].text.isdigit()
    assert row.cells[-1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # columns sized as the PDF sizes them: the seven data columns equal, the vertical labels one character wide
    widths = [int(c.get(qn("w:w"))) for c in table3._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert max(widths[-7:]) - min(widths[-7:]) <= 2 and widths[0] == widths[1] < widths[3]
    # kept on one page like the PDF's, in the type step the PDF took (小五, 9 pt, for 五号 that would not fit)
    assert row.cells[-1].paragraphs[0].runs[0].font.size.pt == 9
    assert all(p.paragraph_format.keep_with_next for r in table3.rows[:-1] for p in r.cells[-1].paragraphs)


def block_texts(path: Path, *, tables: bool = True) -> list[str]:
    blocks, _ = report_blocks(load_report(path))
    texts: list[str] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading, Title)):
            texts.append(b.text)
        elif isinstance(b, Signature):
            texts += [b.organ, b.date]
        elif isinstance(b, Table) and tables:
            texts += [c.text for row in b.rows for c in row]
    return texts


def docx_texts(path: Path) -> list[str]:
    document = docx.Document(path)
    body = document.element.body
    texts: list[str] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                vmerge = tc.tcPr.find(qn("w:vMerge"))
                if vmerge is None or vmerge.get(qn("w:val")) == "restart":
                    texts.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return texts


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_docx_says_what_the_report_says(built, name: str) -> None:
    assert [t for t in docx_texts(built[name]["docx"]) if t] == [t for t in block_texts(EXAMPLES[name]) if t]


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_source_travels_inside_byte_for_byte(built, name: str) -> None:
    data = built[name]["docx"].read_bytes()
    assert read_source(data) == ("report.toml", EXAMPLES[name].read_bytes())
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title.endswith("政府信息公开工作年度报告")
    assert document.core_properties.language == "zh-CN"


def test_same_input_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = build(SEED, tmp_path / "a.docx").output.read_bytes()
    b = build(SEED, tmp_path / "b.docx").output.read_bytes()
    assert a == b
    core = docx.Document(io.BytesIO(a)).core_properties
    assert core.created.isoformat().startswith("2019-02-13T16:00")  # the report's date, midnight in China
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    c = build(SEED, tmp_path / "c.docx").output.read_bytes()
    assert c != a and docx.Document(io.BytesIO(c)).core_properties.modified.year == 2023
    with zipfile.ZipFile(io.BytesIO(c)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_python_docx_is_imported_only_when_a_docx_is_made() -> None:
    code = (
        "import sys; import compiler.render.docx; from compiler.host.manager import fresh_host; fresh_host(); "
        "assert 'docx' not in sys.modules, 'python-docx imported at registration'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# ---------------------------------------------------------------------------------------------- LibreOffice


def _plain(text: str) -> str:
    """Text without white space and without the page numbers "— n —"."""
    text = re.sub(r"\s+", "", text)
    return re.sub(r"—\d+—", "", text)


@pytest.fixture(scope="module")
def libreoffice(built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require(soffice(), "LibreOffice (Debian package libreoffice-writer-nogui) is not installed")
    require(shutil.which("pdftotext"), "pdftotext (Debian package poppler-utils) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    return {name: convert_to_pdf(outputs["docx"], folder / name) for name, outputs in built.items()}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_libreoffice_opens_it_with_the_pages_of_gongkais_pdf(built, libreoffice, name: str) -> None:
    ours, theirs = _pages(built[name]["pdf"]), _pages(libreoffice[name])
    assert abs(ours - theirs) <= 1, (ours, theirs)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_libreoffice_text_equals_the_reports_text(libreoffice, name: str) -> None:
    text = _plain(subprocess.run(["pdftotext", str(libreoffice[name]), "-"], capture_output=True, text=True).stdout)
    expected = block_texts(EXAMPLES[name])
    # every character of the report, and nothing else (vertical table labels come out in another order) …
    assert Counter(text) == Counter(_plain("".join(expected)))
    # … and every paragraph, heading, title line and signature in reading order (table cells that wrap are
    # interleaved line by line with their neighbours by pdftotext, so only their characters are compared above)
    position = 0
    for block_text in (_plain(t) for t in block_texts(EXAMPLES[name], tables=False)):
        found = text.find(block_text, position)
        assert found >= 0, block_text
        position = found + len(block_text)


def test_attachment_note_hangs_and_the_files_are_named_missing(tmp_path: Path) -> None:
    from tests.attachment_files import A4_PORTRAIT, pdf_bytes, write_report

    long_title = "南江县2018年度政务公开工作考核结果及各乡镇各部门政务公开工作情况通报"
    path = write_report(
        tmp_path,
        [{"file": "a.pdf", "title": "考核结果"}, {"file": "b.pdf", "title": long_title}],
        {"a.pdf": pdf_bytes([A4_PORTRAIT]), "b.pdf": pdf_bytes([A4_PORTRAIT])},
    )
    result = build(path, tmp_path / "out.docx")
    assert "docx.attachments-not-bound" in [p.rule for p in result.problems]
    document = docx.Document(result.output)
    notes = [p for p in document.paragraphs if p.style.name == "附件说明"]
    assert [p.text for p in notes] == ["附件：1. 考核结果", f"\u3000\u3000\u30002. {long_title}"]
    for p in notes:
        ind = p._p.pPr.find(qn("w:ind"))
        hanging, left = int(ind.get(qn("w:hangingChars"))), int(ind.get(qn("w:leftChars")))
        # wrapped lines start under the title: 2 字 indent + 3 字 lead + "1. " (two half-width characters … )
        assert left == 200 + hanging and 400 < hanging < 500
    organ = document.paragraphs[-2]
    assert organ.style.name == "署名" and document.paragraphs[-3].text == ""


def _dashes(pdf: Path, page: int) -> list[tuple[float, float]]:
    """(x, y centre) of every em dash LibreOffice or gongkai printed on ``page`` (1-based), in points."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">—</word>', out)
    return [(float(x), (float(y0) + float(y1)) / 2) for x, y0, y1 in words]


@pytest.mark.parametrize("page", [1, 2])
def test_libreoffice_puts_the_page_numbers_where_the_pdf_has_them(built, libreoffice, page: int) -> None:
    ours, theirs = _dashes(built["seed"]["pdf"], page), _dashes(libreoffice["seed"], page)
    assert len(ours) == len(theirs) == 2  # "— n —"
    for (x0, y0), (x1, y1) in zip(ours, theirs, strict=True):
        assert abs(x0 - x1) < 1.0  # odd right, even left, 空一字: within 1 pt
        assert abs(y0 - y1) < 72 / 25.4  # 7 mm under the 版心: within 1 mm


def test_the_command_line_builds_a_docx(tmp_path: Path) -> None:
    source = tmp_path / "r.toml"
    source.write_bytes(SEED.read_bytes())
    gongkai = [sys.executable, "-m", "compiler"]
    run = subprocess.run([*gongkai, "build", str(source), "--to", "docx"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{tmp_path / 'r.docx'}  ") and "pages" not in run.stdout  # no page count to tell
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.toml"]
    run = subprocess.run(
        [*gongkai, "build", str(source), "-o", str(tmp_path / "x.docx")], capture_output=True, cwd=ROOT
    )
    assert run.returncode == 0 and read_source((tmp_path / "x.docx").read_bytes()) == ("r.toml", SEED.read_bytes())


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    """Hash seeds and process state change nothing: two fresh processes write the same file."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.docx"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([sys.executable, "-m", "compiler", "build", str(EXAMPLE_2021), "-o", str(out)],
                       check=True, capture_output=True, env=env, cwd=ROOT)  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_a_third_party_section_reaches_the_word_file(tmp_path: Path) -> None:
    """The renderer maps blocks and roles only: a section it has never heard of comes out as styled paragraphs
    and a real table, with no DOCX-specific code."""
    import tomli_w

    from compiler import hookimpl
    from compiler.host.manager import fresh_host
    from compiler.model.document import Cell, Run
    from compiler.model.sections import SectionType
    from tests.conftest import legacy

    def blocks(ctx):
        head = [Cell("账号", role="table-header"), Cell("发布", role="table-header")]
        table = Table([head, [Cell("3"), Cell("100")]], widths=[1, 1], name="newmedia")
        return [ctx.heading(), Paragraph([Run("（一）", role="runin2"), Run("新媒体段落。")]), table]

    class Plugin:
        @hookimpl
        def gongkai_register_sections(self, register):
            register(SectionType(key="newmedia", title="政务新媒体情况", formats=frozenset({"legacy"}), after="other",
                                 build=blocks))  # fmt: skip

    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(newmedia={})), encoding="utf-8")
    result = build(path, tmp_path / "r.docx", host=fresh_host([(Plugin(), "newmedia")]))
    document = docx.Document(result.output)
    heading = next(p for p in document.paragraphs if "政务新媒体情况" in p.text)
    assert heading.style.name == "Heading 1"
    para = next(p for p in document.paragraphs if p.text == "（一）新媒体段落。")
    assert [r.style.name for r in para.runs] == ["段内标题 2", "Default Paragraph Font"]
    table = document.tables[-1]
    assert [[c.text for c in row.cells] for row in table.rows] == [["账号", "发布"], ["3", "100"]]
    assert table.rows[0].cells[0].paragraphs[0].style.name == "表格表头"


def _body_lines(pdf: Path, page: int) -> list[str]:
    """The text lines LibreOffice set inside the 版心 of ``page`` (between 37 mm and 262 mm from the top)."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    lines: dict[float, str] = {}
    for y, words in re.findall(r'<line [^>]*yMax="([\d.]+)">(.*?)</line>', out, re.S):
        if 37 * 72 / 25.4 < float(y) < 262 * 72 / 25.4:
            lines[round(float(y))] = "".join(re.findall(r">([^<]+)</word>", words))
    return [lines[y] for y in sorted(lines)]


@pytest.mark.parametrize("page", [2, 3])
def test_libreoffice_sets_the_22_by_28_grid(libreoffice, page: int) -> None:
    """A page of running text in LibreOffice: 22 lines, full lines 28 characters (half-width digits count half)."""
    lines = _body_lines(libreoffice["seed"], page)
    assert len(lines) == 22, lines
    cells = [sum(1 if ord(ch) > 0x2000 else 0.5 for ch in line) for line in lines]
    # never 29; 28 on many lines (others end early: a paragraph's last line, no-start marks pushed down, digits)
    assert max(cells) <= 28.5 and sum(1 for c in cells if c >= 27.5) >= 8, cells
