"""Tables as published: column headers, table 三's note and cell units printed as the report printed them.

A report transcribed as published records a column header printed otherwise (``[active.labels] repealed =
"本年废纸件数"``), the note with 钩稽 for 勾稽 (``[applications.labels] note``) and a count printed with its measure
word (``"2笔"``).  Each is read back from the PDF (tests/pdfread.py), the HTML and the DOCX, and warned about with
the official wording and the key path.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from compiler.build import build
from compiler.model.problems import Problem
from plugins.gb2021.tables import TABLE3_NOTE
from tests.gb2021_support import EXAMPLE_2024, problems_of, tables_of, write_variant
from tests.pdfread import read_pdf

NOTE = TABLE3_NOTE.replace("勾稽", "钩稽")
EDITS = [
    ("licensing = 1286 ", 'licensing = "1286件" '),
    (
        "[active.regulations]",
        '[active.labels]\nrepealed = "本年废纸件数"\nitem_5 = "第二十条第五项"\n\n[active.regulations]',
    ),
    (
        "[applications.natural_person]",
        f'[applications.labels]\nnote = "{NOTE}"\norganisations = "法人及其他组织"\ndenied = "不予公开"\n\n'
        "[applications.natural_person]",
    ),
    ("new_received = 86", 'new_received = "86件"'),
    ("[appeals.review]", '[appeals.labels]\ncorrect = "结果纠错"\n\n[appeals.review]'),
]


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_variant(tmp_path_factory.mktemp("printed"), EDITS)


@pytest.fixture(scope="module")
def outputs(variant: Path) -> dict[str, Path]:
    return build(variant, variant.parent / "report", to=["pdf", "html", "docx"]).outputs


def _warnings(problems: list[Problem], rule: str) -> dict[str, Problem]:
    return {p.source.keypath: p for p in problems if p.rule == rule and p.source}


def test_model_tables_print_the_recorded_wording(variant):
    tables = tables_of(variant)
    texts = {name: [c.text for row in t.rows for c in row] for name, t in tables.items()}
    assert "本年废纸件数" in texts["table2"] and "本年废止件数" not in texts["table2"]
    assert "1286件" in texts["table2"]
    assert "第二十条第五项" in texts["table2"] and "第二十条第（五）项" not in texts["table2"]
    assert "第二十条第（六）项" in texts["table2"]  # a caption not recorded keeps the format's wording
    assert "不予公开" in texts["table3"] and "（三）不予公开" not in texts["table3"]
    assert "（四）无法提供" in texts["table3"]
    assert NOTE in texts["table3"] and TABLE3_NOTE not in texts["table3"]
    assert "法人及其他组织" in texts["table3"] and "86件" in texts["table3"]
    assert texts["table4"].count("结果纠错") == 3 and "结果纠正" not in texts["table4"]


def test_numbers_with_units_count_as_numbers(variant):
    problems = problems_of(variant)
    assert not [p for p in problems if p.severity.name == "ERROR"], [p.format() for p in problems]
    assert "gb2021.table3.balance" not in {p.rule for p in problems}  # 86件 counts 86 in 一＋二＝（七）＋四
    assert "gb2021.cell.unit" not in {p.rule for p in problems}  # 件 in a count column is its own unit


def test_variants_warned_with_official_wording_and_key_path(variant):
    found = _warnings(problems_of(variant), "gb2021.label.variant")
    column = found["active.labels.repealed"]
    assert (column.expected, column.found) == ("本年废止件数", "本年废纸件数")
    assert "列标题印作“本年废纸件数”，格式规定为“本年废止件数”" in column.message
    note = found["applications.labels.note"]
    assert (note.expected, note.found) == (TABLE3_NOTE, NOTE) and "表注" in note.message
    assert found["applications.labels.organisations"].expected == "法人或其他组织"
    assert found["appeals.labels.correct"].expected == "结果纠正"
    caption = found["active.labels.item_5"]
    assert (caption.expected, caption.found) == ("第二十条第（五）项", "第二十条第五项")
    assert "栏目标题" in caption.message
    assert found["applications.labels.denied"].expected == "（三）不予公开"
    assert "[active.labels.repealed]" in column.format()


def test_pdf_reads_back_the_printed_labels_and_units(outputs):
    doc = read_pdf(outputs["pdf"].read_bytes())
    lines = [ln.text.replace(" ", "") for page in doc.pages for ln in page.lines]
    header = next(ln for ln in lines if ln.startswith("信息内容本年制发件数"))
    assert header == "信息内容本年制发件数本年废纸件数现行有效件数"
    assert next(ln for ln in lines if ln.startswith("行政许可")) == "行政许可1286件"
    assert any("钩稽" in ln for ln in lines) and not any("勾稽" in ln for ln in lines)
    assert any("法人及其他组织" in ln for ln in lines)
    assert "第二十条第五项" in lines and "第二十条第（五）项" not in lines
    assert any(ln.startswith("一、本年新收政府信息公开申请数量86件") for ln in lines)
    assert doc.missing_glyphs() == []


def test_html_and_docx_carry_the_printed_labels_and_units(outputs):
    html = re.sub(r"<[^>]+>", "|", outputs["html"].read_text(encoding="utf-8"))
    with zipfile.ZipFile(io.BytesIO(outputs["docx"].read_bytes())) as z:
        docx = re.sub(r"<[^>]+>", "|", z.read("word/document.xml").decode("utf-8"))
    for text in (html, docx):
        cells = {c.strip() for c in text.split("|")}
        assert {"本年废纸件数", NOTE, "法人及其他组织", "结果纠错", "1286件", "86件"} <= cells
        assert {"第二十条第五项", "不予公开"} <= cells
        assert "第二十条第（五）项" not in cells and "（三）不予公开" not in cells
        assert "本年废止件数" not in cells and TABLE3_NOTE not in cells and "结果纠正" not in cells


@pytest.mark.parametrize(
    ("section", "key", "hint"),
    [("active", "repeald", "repealed"), ("applications", "nte", "note"), ("appeals", "pendng", "pending")],
)
def test_misspelt_label_key_is_an_error_with_a_suggestion(tmp_path, section, key, hint):
    anchor = {"active": "[active.regulations]", "applications": "[applications.natural_person]"}.get(
        section, "[appeals.review]"
    )
    path = write_variant(tmp_path, [(anchor, f'[{section}.labels]\n{key} = "x"\n\n{anchor}')])
    [problem] = [p for p in problems_of(path) if p.rule == "input.unknown-key"]
    assert problem.source.keypath == f"{section}.labels.{key}"
    assert f"是否应为“{hint}”" in problem.message


def test_label_value_must_be_text(tmp_path):
    path = write_variant(tmp_path, [("[active.regulations]", "[active.labels]\nrepealed = 3\n\n[active.regulations]")])
    assert "active.labels.repealed" in _warnings(
        [p for p in problems_of(path) if p.severity.name == "ERROR"], "input.type"
    )


@pytest.mark.parametrize(
    ("old", "new", "path", "unit"),
    [
        ("admin_fees = 3.62 ", 'admin_fees = "36200元" ', "active.admin_fees", "元"),  # 元 in a 万元 column
        ("admin_fees = 3.62 ", 'admin_fees = "3笔" ', "active.admin_fees", "笔"),  # a measure word in an amount
        ("penalty = 23 ", 'penalty = "23元" ', "active.penalty", "元"),  # money in a count
        ("new_received = 86", 'new_received = "86元"', "applications.natural_person.new_received", "元"),
        ("maintain = 2", 'maintain = "2万元"', "appeals.review.maintain", "万元"),
    ],
)
def test_unit_contradicting_its_column_is_warned(tmp_path, old, new, path, unit):
    found = _warnings(problems_of(write_variant(tmp_path, [(old, new)])), "gb2021.cell.unit")
    assert list(found) == [path]
    assert found[path].found == unit


def test_yuan_in_a_yuan_column_is_fine(tmp_path):
    edits = [
        ("admin_fees = 3.62 ", 'admin_fees = "36200元"\nmoney_unit = "元" '),
        ("penalty = 23 ", 'penalty = "23项" '),
    ]
    path = write_variant(tmp_path, edits)
    assert "gb2021.cell.unit" not in {p.rule for p in problems_of(path)}


def test_example_unchanged_without_labels():
    tables = tables_of(EXAMPLE_2024)
    texts = [c.text for t in tables.values() for row in t.rows for c in row]
    assert "本年废止件数" in texts and TABLE3_NOTE in texts and texts.count("结果纠正") == 3


# ---------------------------------------------------------------------------------------------- import
@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_import_records_printed_headers_note_and_units(outputs, kind):
    from compiler.importers.run import import_file

    data = import_file(outputs[kind]).result.data
    assert data["active"]["labels"] == {"repealed": "本年废纸件数", "item_5": "第二十条第五项"}
    assert data["applications"]["labels"] == {"note": NOTE, "organisations": "法人及其他组织", "denied": "不予公开"}
    assert data["active"]["licensing"] == "1286件"
    assert data["applications"]["natural_person"]["new_received"] == "86件"


def test_import_reads_a_yuan_fee_header_as_money_unit(tmp_path):
    from compiler.importers.run import import_file

    source = write_variant(tmp_path, [("admin_fees = 3.62 ", 'admin_fees = 36200\nmoney_unit = "元" ')])
    out = build(source, tmp_path / "report.html", to=["html"]).outputs["html"]
    active = import_file(out).result.data["active"]
    assert active.get("money_unit") == "元" and "labels" not in active


def test_cells_printed_with_a_slash_instead_of_a_number(tmp_path):
    """西安市高陵区行政审批服务局 2021 (held-out round 33): table 二 and table 三 print "/" where there is nothing —
    typed "/", printed so in every output, counted as no number (the blank-cell warning names them), and read back as
    "/" on import."""
    from compiler.importers.run import import_file

    edits = [
        (
            "[active.regulations]      # 规章（本局无规章制定权）\nissued = 0\nrepealed = 0\nvalid = 0",
            '[active.regulations]\nissued = "/"\nrepealed = "/"\nvalid = "／"',
        ),
        (
            "[appeals.review]                    # 行政复议\nmaintain = 2\ncorrect = 1\nother = 0",
            '[appeals.review]\nmaintain = 2\ncorrect = 1\nother = "—"',
        ),
    ]
    path = write_variant(tmp_path, edits)
    problems = problems_of(path)
    assert not [p for p in problems if p.severity.name == "ERROR"], [p.format() for p in problems]
    assert "gb2021.table2.missing" in {p.rule for p in problems} and "gb2021.table4.missing" in {
        p.rule for p in problems
    }
    tables = tables_of(path)
    regulations = next(r for r in tables["table2"].rows if r[0].text == "规章")
    assert [c.text for c in regulations[1:]] == ["/", "/", "／"]
    assert "—" in [c.text for c in tables["table4"].rows[3]]
    outputs = build(path, tmp_path / "slash", to=["pdf", "html", "docx"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    assert "规章//／" in lines
    for kind in ("pdf", "html", "docx"):
        imported = import_file(outputs[kind]).result.data
        assert imported["active"]["regulations"] == {"issued": "/", "repealed": "/", "valid": "／"}, kind
        assert imported["appeals"]["review"]["other"] == "—", kind


def test_table4_prints_a_count_typed_with_its_unit_as_typed(tmp_path):
    """One rule for the three tables: a cell typed as text ("2件") is printed as typed in table 四 too, as tables
    二 and 三 print theirs — the count still adds into the block's total, which is computed and printed bare."""
    edits = [
        (
            "[appeals.review]                    # 行政复议\nmaintain = 2\ncorrect = 1\nother = 0",
            '[appeals.review]\nmaintain = "2件"\ncorrect = 1\nother = 0',
        ),
    ]
    path = write_variant(tmp_path, edits)
    problems = problems_of(path)
    assert not [p for p in problems if p.severity.name == "ERROR"], [p.format() for p in problems]
    numbers = [c.text for c in tables_of(path)["table4"].rows[3]]
    assert numbers[:5] == ["2件", "1", "0", "1", "4"], numbers
    outputs = build(path, tmp_path / "unit", to=["pdf", "html"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    assert any(line.startswith("2件1014") for line in lines), [ln for ln in lines if "2件" in ln]
    assert ">2件<" in outputs["html"].read_text(encoding="utf-8")


def test_a_cell_printed_with_several_numbers(tmp_path):
    """天水市麦积区东岔镇 2021 (held-out round 37) prints "0 0 0" in table 二's one-number 行政处罚 cell: typed so,
    printed so (aligned as a number), warned as several numbers rather than as a blank, no number for the sums, and
    read back as printed."""
    from compiler.importers.run import import_file

    edits = [
        (
            "[appeals.review]                    # 行政复议\nmaintain = 2\ncorrect = 1\nother = 0",
            '[appeals.review]\nmaintain = 2\ncorrect = 1\nother = "1 1"',
        )
    ]
    path = write_variant(tmp_path, edits)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("penalty = ", 'penalty = "0 0 0"  # ', 1), encoding="utf-8")
    problems = problems_of(path)
    assert not [p for p in problems if p.severity.name == "ERROR"], [p.format() for p in problems]
    several = [p for p in problems if p.rule == "gb2021.cell.several-numbers"]
    assert [(p.source.keypath, p.found) for p in several] == [
        ("active.penalty", "0 0 0"),
        ("appeals.review.other", "1 1"),
    ]
    assert not [p for p in problems if p.rule == "gb2021.table2.missing"]  # not a blank
    tables = tables_of(path)
    assert "0 0 0" in [c.text for row in tables["table2"].rows for c in row]
    review = [c.text for c in tables["table4"].rows[3]][:5]
    assert review[2] == "1 1" and review[4] == "4"  # the total adds 2 + 1 + 1 (pending), not the "1 1"
    outputs = build(path, tmp_path / "several", to=["pdf", "html"]).outputs
    imported = import_file(outputs["html"]).result.data
    assert imported["active"]["penalty"] == "0 0 0"
