"""The legacy 附表 as printed: ``[[tables.printed]]`` cells as typed, checked rows, placement after the signature, and
the signature that prints only the date — read back from the PDF, the HTML and the DOCX."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import html5lib
import pytest
from conftest import legacy, rules

from compiler import hookimpl
from compiler.build import build
from compiler.model.document import Heading, Paragraph, Signature, Table
from compiler.model.problems import Severity
from compiler.model.sections import Placement, SectionType
from tests.pdfread import read_pdf

HEADER = ["指标名称", "计量单位", "本年统计", "历年累计"]
ROWS = [
    ["主动公开政府信息数", "条", 100, 2069],
    ["其中：1.网站", "条", 90, "1509"],
    ["主动公开规范性文件数", "条", "", 12],
    ["接受行政诉讼、举报数", "件", 5, 5],
    ["受理申请数", "件", 3, "7545.00"],
]
SEEN = [
    ["主动公开政府信息数", "条", "100", "2069"],
    ["其中：1.网站", "条", "90", "1509"],
    ["主动公开规范性文件数", "条", "", "12"],
    ["接受行政诉讼、举报数", "件", "5", "5"],
    ["受理申请数", "件", "3", "7545.00"],
]


def printed(rows=None, header=None, **more):
    table = {"header": HEADER if header is None else header, "rows": ROWS if rows is None else rows, **more}
    return {"heading": "附表：", "printed": [table]}


def placed(**more):
    return legacy(tables={**printed(), "after_signature": True, **more})


def problems_of(found, rule):
    return [p for p in found if p.rule == rule]


# -- the blocks ---------------------------------------------------------------------------------------------------


def test_every_cell_is_printed_as_typed(blocks):
    [table] = [b for b in blocks(legacy(tables=printed())) if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [HEADER, *SEEN]
    assert table.header_rows == 1
    assert table.name == "tables.printed[0]" and table.source.keypath == "tables.printed[0]"


def test_printed_replaces_the_generated_tables(blocks):
    data = legacy(tables={**printed(), "include": ["active", "staffing"]})
    [table] = [b for b in blocks(data) if isinstance(b, Table)]
    assert table.rows[0][0].text == "指标名称"


def test_text_before_and_after_the_tables(blocks):
    """平潭县教育局 2012 prints one more paragraph ("0") below its 附表: ``after`` in this part is below the tables."""
    data = legacy(tables={**printed(), "text": "附表如下。", "after": "注：本表数据截至年底。"})
    found = [b for b in blocks(data) if isinstance(b, (Table, Paragraph)) and "tables" in (b.source.keypath or "")]
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in found]
    assert [k for k, _ in kinds] == ["Paragraph", "Table", "Paragraph"], kinds
    assert "附表如下" in kinds[0][1] and "本表数据截至年底" in kinds[2][1]


def test_several_header_rows_and_a_caption(blocks):
    header = [["指标", "单位", "本年", ""], ["", "", "统计数", "累计"]]
    data = legacy(tables=printed(header=header, caption="政府信息公开情况统计表"))
    [table] = [b for b in blocks(data) if isinstance(b, Table)]
    assert table.header_rows == 2 and table.caption == "政府信息公开情况统计表"
    assert [c.text for c in table.rows[1]] == ["", "", "统计数", "累计"]


# -- the checks ---------------------------------------------------------------------------------------------------


def test_a_row_of_the_wrong_length_is_an_error_naming_the_row(check):
    rows = [ROWS[0], ["其中：1.网站", "条", 90]]
    [p] = problems_of(check(legacy(tables=printed(rows=rows))), "input.row-length")
    assert p.severity == Severity.ERROR
    assert p.source.keypath == "tables.printed[0].rows[1]" and p.source.line
    assert "第2行" in p.message and "4列" in p.message and "其中：1.网站" in p.message


def test_a_cell_that_is_no_string_or_number_is_an_input_error(check):
    rows = [["主动公开政府信息数", True, 100, 1]]
    [p] = [p for p in check(legacy(tables=printed(rows=rows))) if p.rule == "input.type"]
    assert p.source.keypath == "tables.printed[0].rows[0][1]"


def test_a_known_row_that_disagrees_with_the_data_is_warned(check):
    rows = [["主动公开政府信息数", "条", 99, 2069], ["其中：1.网站", "条", 80, 1509]]
    found = problems_of(check(legacy(tables=printed(rows=rows))), "legacy.tables.mismatch")
    assert [p.source.keypath for p in found] == ["tables.printed[0].rows[0][2]", "tables.printed[0].rows[1][2]"]
    assert all(p.severity == Severity.WARNING for p in found)
    total, channel = found
    assert "主动公开政府信息数" in total.message and "active.total" in total.message and "99" in total.message
    assert (total.expected, total.found) == ("100", "99")
    assert channel.details["key"] == "active.channels.网站"


def test_agreeing_unknown_and_blank_rows_are_not_warned(check):
    found = check(legacy(tables=printed()))
    assert not problems_of(found, "legacy.tables.mismatch")
    assert not problems_of(found, "legacy.tables.year-column")


def test_the_year_column_is_declared_or_read_from_the_header(check):
    rows = [["主动公开政府信息数", "条", 2069, 99]]
    # "2018年度" names the report's year; 累计 columns are never the year column
    header = ["指标名称", "计量单位", "历年累计", "2018年度"]
    [p] = problems_of(check(legacy(tables=printed(rows=rows, header=header))), "legacy.tables.mismatch")
    assert p.source.keypath == "tables.printed[0].rows[0][3]"
    unclear = ["指标名称", "计量单位", "甲", "乙"]
    [p] = problems_of(check(legacy(tables=printed(rows=rows, header=unclear))), "legacy.tables.year-column")
    assert "year_column" in p.message
    declared = printed(rows=rows, header=unclear, year_column=4)
    [p] = problems_of(check(legacy(tables=declared)), "legacy.tables.mismatch")
    assert p.source.keypath == "tables.printed[0].rows[0][3]"


def test_a_row_whose_part_is_absent_is_not_checked(check):
    rows = [["行政复议数", "件", 7, 7]]
    assert not problems_of(check(legacy(tables=printed(rows=rows), appeals=None)), "legacy.tables.mismatch")
    appeals = {"reviews": 2, "text": "无。"}
    [p] = problems_of(check(legacy(tables=printed(rows=rows), appeals=appeals)), "legacy.tables.mismatch")
    assert p.details["key"] == "appeals.reviews"


def test_an_unnumbered_table_still_counts_as_a_listed_part(check, blocks):
    names = [h.text.split("、", 1)[1] for h in blocks(legacy()) if isinstance(h, Heading)]
    assert names[-1] == "附表"
    preamble = {"text": f"本报告由{'、'.join(names)}共九个部分组成。"}
    found = check(placed() | {"preamble": preamble})
    assert not [r for r in rules(found) if r.startswith("legacy.part-")]
    # "附表" in the list is the appended table whatever its title (平潭县民政局 2013: "……需要说明的事项与附表"
    # over a table printed "平潭县民政局信息公开情况统计表")
    elsewhere = legacy(tables={**printed(), "after_signature": True, "heading": "附件1：测试县统计表"})
    assert not [r for r in rules(check(elsewhere | {"preamble": preamble})) if r.startswith("legacy.part-")]
    # …but a table listed by its own name answers only to that name
    named = {"text": f"本报告由{'、'.join([*names[:-1], '政府信息公开申请情况表'])}共九个部分组成。"}
    assert "legacy.part-heading" in rules(check(elsewhere | {"preamble": named}))


def test_a_list_closing_with_and_the_appended_table_names_two_parts(check, blocks):
    names = [h.text.split("、", 1)[1] for h in blocks(legacy()) if isinstance(h, Heading)]
    listed = "、".join(names[:-2]) + f"、{names[-2]}与附表"
    found = check(placed(heading="测试县信息公开情况统计表") | {"preamble": {"text": f"本报告由{listed}组成。"}})
    assert not [r for r in rules(found) if r.startswith("legacy.part-")], [p.message for p in found]


# -- placement ----------------------------------------------------------------------------------------------------


def test_after_signature_the_part_is_unnumbered_and_last(blocks):
    made = blocks(placed())
    headings = [b.text for b in made if isinstance(b, Heading)]
    assert headings[-1] == "附表："
    assert headings[-2].startswith("八、")  # the parts before it keep their numbers
    kinds = [type(b).__name__ for b in made]
    assert kinds.index("Signature") < kinds.index("Table")


def test_without_after_signature_the_part_stays_numbered(blocks):
    headings = [b.text for b in blocks(legacy(tables=printed())) if isinstance(b, Heading)]
    assert headings[-1] == "九、附表："


# -- read back from the outputs -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    import tomli_w

    folder = tmp_path_factory.mktemp("printed")
    data = placed()
    data["signature"] = {"organ": ""}
    long_rows = [*ROWS, *[[f"第{i}项", "条", i, i * 2] for i in range(1, 61)]]
    data["tables"]["printed"][0]["rows"] = long_rows
    path = folder / "report.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return build(path, folder / "report", to=["pdf", "html", "docx"]).outputs, long_rows


def _pdf_lines(outputs):
    doc = read_pdf(Path(outputs[0]["pdf"]).read_bytes())
    return [(page.index, line) for page in doc.pages for line in page.lines]


def test_the_pdf_prints_the_cells_in_order_after_the_date(outputs):
    lines = _pdf_lines(outputs)
    texts = [line.text for _, line in lines]
    date = texts.index("2019年2月14日")
    heading = texts.index("附表：")
    assert date < heading
    for want in SEEN:
        row = next(i for i, t in enumerate(texts) if t.startswith(want[0]))
        assert row > heading
        assert texts[row] == "".join(want)  # in order, the blank cell blank
    ends = [line.x1 for _, line in lines if line.text in {"".join(want) for want in SEEN}]
    assert len(ends) == len(SEEN) and max(ends) - min(ends) < 1  # the numbers of the last column right-aligned
    assert "测试县人民政府" not in texts[date - 3 : date + 1]  # the date alone: no 署名 above it
    assert not any(re.match(r"^十、", t) for t in texts)


def test_the_pdf_repeats_the_header_on_every_page_of_the_table(outputs):
    lines = _pdf_lines(outputs)
    header = "".join(HEADER)
    pages = {index for index, line in lines if line.text == header}
    last_row = "".join(str(c) for c in outputs[1][-1])
    end = next(index for index, line in lines if line.text == last_row)
    start = next(index for index, line in lines if line.text == "附表：")
    assert end > start and pages == set(range(start, end + 1))


def test_the_date_alone_is_set_two_cells_from_the_right(outputs):
    lines = _pdf_lines(outputs)
    [date] = [ln for _, ln in lines if ln.text == "2019年2月14日"]
    right = max(ln.x1 for _, ln in lines if len(ln.glyphs) >= 20)  # full lines of body text reach the right edge
    cell = date.size  # 三号: one cell of the line grid, near enough
    assert 1.5 * cell < right - date.x1 < 2.6 * cell


def test_the_html_has_the_table_after_the_date(outputs):
    page = Path(outputs[0]["html"]).read_text(encoding="utf-8")
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    tables = tree.findall(".//table")
    rows = [["".join(cell.itertext()).strip() for cell in tr] for tr in tables[-1].iter("tr")]
    assert rows[0] == HEADER and rows[1 : len(SEEN) + 1] == SEEN
    assert page.index("2019年2月14日") < page.index("附表：") < page.index("<table")
    signature = [el for el in tree.iter() if "signature" in (el.get("class") or "")]
    assert [["".join(p.itertext()) for p in el] for el in signature] == [["2019年2月14日"]]


def test_the_docx_has_the_table_after_the_date(outputs):
    document = docx.Document(outputs[0]["docx"])
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == HEADER and rows[1 : len(SEEN) + 1] == SEEN
    texts = [p.text for p in document.paragraphs]
    date = texts.index("2019年2月14日")
    assert texts.index("附表：") > date
    assert texts[date - 1] == ""  # one blank line, then the date alone: no 署名 line


def test_the_signature_defaults_are_unchanged(blocks, check):
    [sig] = [b for b in blocks(legacy()) if isinstance(b, Signature)]
    assert sig.organ == "测试县人民政府"
    data = legacy(signature={"organ": "", "date": dt.date(2019, 3, 1)})
    [sig] = [b for b in blocks(data) if isinstance(b, Signature)]
    assert (sig.organ, sig.date) == ("", "2019年3月1日")
    [p] = problems_of(check(data), "common.signature-date-only")
    assert p.severity == Severity.WARNING and p.source.keypath == "signature.organ"
    assert "common.signature-date-only" not in rules(check(legacy()))


# -- the core mechanism, for any section ----------------------------------------------------------------------------


class _Placed:
    """A third-party part that asks to be printed after the preamble, unnumbered, when its data says so."""

    @hookimpl
    def gongkai_register_sections(self, register):
        def place(data):
            return Placement(after="preamble", numbered=False) if data.get("first") is True else None

        def make(ctx):
            return [ctx.heading()]

        register(SectionType(key="notice", title="特别说明", build=make, placement=place, before="signature"))


def test_any_section_may_place_itself(write_toml):
    from compiler.build import check_report, report_blocks
    from compiler.host.manager import fresh_host

    def headings(data):
        report, _ = check_report(write_toml(data), fresh_host([(_Placed(), "placed")]))
        return [b.text for b in report_blocks(report)[0] if isinstance(b, Heading)]

    assert headings(legacy(notice={}))[-2:] == ["九、附表", "十、特别说明"]
    moved = headings(legacy(notice={"first": True}))
    assert moved[:2] == ["特别说明", "一、概述"] and moved[-1] == "九、附表"


def test_a_problem_in_a_row_names_the_line_of_that_row(tmp_path):
    from compiler.build import check_report

    text = """format = "legacy"
transcription = "https://example.gov.cn/2011.htm"
[report]
organ = "测试县人民政府"
year = 2011
[active]
total = 425
[tables]
heading = "附表："
after_signature = true
[[tables.printed]]
header = ["指标名称", "计量单位", "2011年度", "历年累计"]
rows = [
  ["主动公开信息数", "条", 424, 1516],   # line 14
  ["其中：1.网站公开", "条", 418],        # line 15
]
"""
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    found = check_report(path)[1]
    [mismatch] = problems_of(found, "legacy.tables.mismatch")
    [short] = problems_of(found, "input.row-length")
    assert (mismatch.source.line, short.source.line) == (14, 15)
    assert mismatch.severity == Severity.WARNING
    assert short.severity == Severity.ERROR  # a typing slip, not the published table: an error in a transcription too


def test_cases_counted_in_items_in_the_unit_column(check):
    """平潭县劳动和社会保障局 2011: "行政复议数 | 条", "行政诉讼数 | 条" — cases are counted in 件; one warning for the
    table, naming its rows."""
    rows = [["主动公开政府信息数", "条", 100, 2069], ["行政复议数", "条", 0, 0], ["行政诉讼数", "条", 0, 0]]
    [p] = [p for p in check(legacy(tables=printed(rows=rows))) if p.rule == "legacy.tables.unit"]
    assert (p.expected, p.found, p.source.keypath) == ("件", "条", "tables.printed[0].rows[1][1]")
    assert "“行政复议数”、“行政诉讼数”" in p.message
    right = [["主动公开政府信息数", "条", 100, 2069], ["行政复议数", "件", 0, 0]]
    assert "legacy.tables.unit" not in rules(check(legacy(tables=printed(rows=right))))


def test_an_amount_of_money_in_the_unit_column(check):
    """平潭综合实验区行政审批局 2016: "政府信息公开收费减免金额 | 条" — money is counted in 元."""
    rows = [["主动公开政府信息数", "条", 100, 2069], ["政府信息公开收费减免金额", "条", 0, 0]]
    [p] = [p for p in check(legacy(tables=printed(rows=rows))) if p.rule == "legacy.tables.unit"]
    assert (p.expected, p.found, p.source.keypath) == ("元", "条", "tables.printed[0].rows[1][1]")
    right = [["主动公开政府信息数", "条", 100, 2069], ["政府信息公开收费减免金额", "万元", 0, 0]]
    assert "legacy.tables.unit" not in rules(check(legacy(tables=printed(rows=right))))


def test_the_words_of_a_printed_table_are_read_like_the_text(check):
    """平潭县民政局 2013 prints "行政复试数" in its 统计表; 平潭县劳动和社会保障局 2011 captions its table with its own
    name short of 县 — both are found in the table as they would be in a sentence."""
    rows = [["主动公开信息数", "条", 43, 555], ["行政复试数", "件", 0, 0]]
    table = {**printed(rows=rows)["printed"][0], "caption": "咸宁人民防空办公室政府信息公开情况统计表"}
    data = legacy(tables={"heading": "附表：", "printed": [table]})
    data["report"] = {**data["report"], "organ": "咸宁市人民防空办公室"}
    found = check(data)
    [word] = [p for p in found if p.rule == "common.misused-word"]
    assert word.source.keypath == "tables.printed[0].rows[1][0]" and "“试”应为“议”" in word.message
    [name] = [p for p in found if p.rule == "common.organ-name"]
    assert name.source.keypath == "tables.printed[0].caption" and name.expected == "咸宁市人民防空办公室"


def test_places_counted_in_items_in_the_unit_column(check):
    """平潭县人民防空办公室 2011: "政府信息公开查询点数 | 件" — a count of places, not of items."""
    rows = [["主动公开政府信息数", "条", 100, 2069], ["政府信息公开查询点数", "件", 1], ["查询点受理查询数", "件", 3]]
    rows = [r + [""] * (4 - len(r)) for r in rows]
    [p] = [p for p in check(legacy(tables=printed(rows=rows))) if p.rule == "legacy.tables.unit"]
    assert (p.expected, p.found, p.source.keypath) == ("个", "件", "tables.printed[0].rows[1][1]")
    rows[1][1] = "个"
    assert "legacy.tables.unit" not in rules(check(legacy(tables=printed(rows=rows))))


def test_an_item_number_without_its_mark(check):
    """平潭综合实验区行政审批局 2016: "其中：1同意公开答复数" under rows numbered "2.", "3."."""
    rows = [
        ["对申请的答复总数", "条", 0, 0],
        ["其中：1同意公开答复数", "条", 0, 0],
        ["2.同意部分公开答复数", "条", 0, 0],
    ]
    [p] = [p for p in check(legacy(tables=printed(rows=rows))) if p.rule == "legacy.tables.number-mark"]
    assert (p.expected, p.found, p.source.keypath) == ("1.", "1", "tables.printed[0].rows[1][0]")
    rows[1][0] = "其中：1.同意公开答复数"
    assert "legacy.tables.number-mark" not in rules(check(legacy(tables=printed(rows=rows))))
    rows[1][0] = "12345政务服务热线受理数"  # a name that starts with digits is not an item number
    assert "legacy.tables.number-mark" not in rules(check(legacy(tables=printed(rows=rows))))
