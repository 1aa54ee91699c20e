"""Table 二 as published when a row is not printed (a department has no 规章, 平潭综合实验区社会事业局 2024 and
金井片区管理局 2024 print only the 行政规范性文件 row): ``not_printed = ["regulations"]`` leaves the row out of the
PDF, the HTML and the DOCX, is warned once (not as blank cells), an unknown key is an error naming the known
ones, and an imported table without the row comes back with ``not_printed``.  Also the 现行有效 count that is
below 本年制发 − 本年废止."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from compiler.build import build
from tests.gb2021_support import problems_of, rules, tables_of, write_variant
from tests.pdfread import read_pdf

LEFT_OUT = [("[active.regulations]", 'not_printed = ["regulations"]\n\n[active.regulations]')]


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_variant(tmp_path_factory.mktemp("notprinted"), LEFT_OUT)


@pytest.fixture(scope="module")
def outputs(variant: Path) -> dict[str, Path]:
    return build(variant, variant.parent / "report", to=["pdf", "html", "docx"]).outputs


def test_the_row_is_warned_once_and_not_as_blank_cells(variant):
    problems = problems_of(variant)
    [p] = [p for p in problems if p.rule == "gb2021.table2.not-printed"]
    assert p.severity.name == "WARNING" and p.source.keypath == "active.not_printed"
    assert "第二十条第（一）项“规章”" in p.message
    assert "gb2021.table2.missing" not in rules(problems)


def test_pdf_html_and_docx_leave_the_row_out(outputs):
    doc = read_pdf(outputs["pdf"].read_bytes())
    lines = [ln.text.replace(" ", "") for page in doc.pages for ln in page.lines]
    assert not any(ln.startswith("规章") for ln in lines)
    assert any(ln.startswith("行政规范性文件") for ln in lines)
    html = re.sub(r"<[^>]+>", "|", outputs["html"].read_text(encoding="utf-8"))
    with zipfile.ZipFile(io.BytesIO(outputs["docx"].read_bytes())) as z:
        docx = re.sub(r"<[^>]+>", "|", z.read("word/document.xml").decode("utf-8"))
    for text in (html, docx):
        cells = {c.strip() for c in text.split("|")}
        assert "行政规范性文件" in cells and "规章" not in cells


def test_the_model_table_has_one_row_fewer(variant, tmp_path):
    full = write_variant(tmp_path, [])
    assert len(tables_of(variant)["table2"].rows) == len(tables_of(full)["table2"].rows) - 1


def test_an_unknown_row_key_is_an_error_naming_the_known_ones(tmp_path):
    path = write_variant(tmp_path, [("[active.regulations]", 'not_printed = ["regulation"]\n\n[active.regulations]')])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.table2.not-printed"]
    assert p.severity.name == "ERROR" and "regulation" in p.found and "regulations" in p.expected


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_import_brings_the_row_back_as_not_printed(outputs, kind):
    from compiler.importers.run import import_file

    data = import_file(outputs[kind]).result.data
    assert data["active"]["not_printed"] == ["regulations"]
    assert "regulations" not in data["active"]


@pytest.mark.parametrize(
    ("cells", "warned"),
    [
        ("issued = 5\nrepealed = 0\nvalid = 0", True),  # 社会事业局 2024: 5 made, none repealed, none in force
        ("issued = 5\nrepealed = 2\nvalid = 2", True),
        ("issued = 5\nrepealed = 2\nvalid = 3", False),
        ("issued = 0\nrepealed = 3\nvalid = 0", False),
        ("issued = 2\nrepealed = 0\nvalid = 40", False),
        ("issued = 2\nrepealed = 12\nvalid = 0", True),  # 社会事业局 2023: 2 made, 12 repealed, none in force
        ("issued = 11\nrepealed = 2\nvalid = 9", False),  # 经济发展局 2024: consistent if 2 of the 11 were repealed
    ],
)
def test_valid_count_below_made_minus_repealed(tmp_path, cells, warned):
    path = write_variant(tmp_path, [("issued = 0\nrepealed = 0\nvalid = 0", cells)])
    found = [p for p in problems_of(path) if p.rule == "gb2021.table2.valid"]
    assert bool(found) == warned
    if warned:
        assert found[0].source.keypath == "active.regulations.valid"


@pytest.mark.parametrize(
    ("organ", "warned"),
    [
        ("平潭综合实验区国有资产管理局", True),  # 2019: "规章 | 14 | 1 | 1" from a zone's department
        ("某省交通运输厅", True),
        ("国家税务总局", False),  # a State Council body may make 规章
        ("某市人民政府办公室", False),  # reports for its government
        ("某市人民政府", False),
        ("伊州区丽园街道办事处", True),  # 2020: "规章 | 5 | 5 | 5" (held-out round 30)
        ("某县人民政府", True),
        ("某县某镇人民政府", True),
        ("某市某区人民政府", True),
        ("某自治州人民政府", False),
    ],
)
def test_regulations_made_by_a_department(tmp_path, organ, warned):
    path = write_variant(tmp_path, [("issued = 0\nrepealed = 0\nvalid = 0", "issued = 2\nrepealed = 0\nvalid = 2")])
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^organ = ".*"', f'organ = "{organ}"', text, count=1)
    path.write_text(text, encoding="utf-8")
    found = [p for p in problems_of(path) if p.rule == "gb2021.table2.regulations"]
    assert bool(found) == warned, organ
    if warned:
        assert found[0].source.keypath == "active.regulations" and "立法法" in found[0].message
