"""Tables 二, 三 and 四 at block level: every label verbatim, at its row and column, with the format's spans.

Labels are compared with the shared machine-readable spec (format-2021-tables.json), not with the plugin's own
data module, so a typo in either shows up here.
"""

from __future__ import annotations

import json

import pytest
import tomli_w

from compiler.model.document import Table
from tests.gb2021_support import EXAMPLE_2023, EXAMPLE_2024, SPEC, at, place, tables_of

spec = json.loads(SPEC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    return tables_of(EXAMPLE_2024)


def body_rows(table: Table) -> list[list]:
    return table.rows[table.header_rows :]


# ------------------------------------------------------------------------------------------------ table 三
def test_table3_header_spans(tables):
    t = tables["table3"]
    assert t.header_rows == 3
    assert len(t.widths) == 10
    note = at(t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert (note.row, note.col, note.cell.colspan, note.cell.rowspan) == (0, 0, 3, 3)
    applicants = at(t, "申请人情况")
    assert (applicants.row, applicants.col, applicants.cell.colspan) == (0, 3, 7)
    natural = at(t, "自然人")
    assert (natural.row, natural.col, natural.cell.rowspan) == (1, 3, 2)
    orgs = at(t, "法人或其他组织")
    assert (orgs.row, orgs.col, orgs.cell.colspan) == (1, 4, 5)
    header_total = [p for p in place(t) if p.cell.text == "总计" and p.row < 3]
    assert [(p.row, p.col, p.cell.rowspan) for p in header_total] == [(1, 9, 2)]
    assert [(p.col, p.cell.text) for p in place(t) if p.row == 2] == list(
        enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4)
    )


def test_table3_header_matches_spec(tables):
    t = tables["table3"]
    for r, row in enumerate(spec["table3"]["header"]):
        assert [(c["text"], c.get("colspan", 1), c.get("rowspan", 1)) for c in row] == [
            (c.text, c.colspan, c.rowspan) for c in t.rows[r]
        ]


def test_table3_every_row_label_in_its_column(tables):
    t = tables["table3"]
    placed = place(t)
    rows = spec["table3"]["rows"]
    assert len(body_rows(t)) == len(rows) == 25
    for i, row in enumerate(rows):
        r = t.header_rows + i
        label = row["path"][-1]
        hit = [p for p in placed if p.row == r and p.cell.text == label]
        assert hit, f"row {r}: {label}"
        depth = len(row["path"])
        expected_col = {1: 0, 2: 1, 3: 2}[depth]
        expected_span = {1: 3, 2: 2, 3: 1}[depth]
        assert (hit[0].col, hit[0].cell.colspan) == (expected_col, expected_span), label
        numbers = [p for p in placed if p.row == r and p.col >= 3]
        assert [p.col for p in numbers] == list(range(3, 10))


def test_table3_vertical_labels_and_spans(tables):
    t = tables["table3"]
    outcomes = at(t, "三、本年度办理结果")
    assert (outcomes.row, outcomes.col, outcomes.cell.rowspan, outcomes.cell.vertical) == (5, 0, 22, True)
    groups = {p.cell.text: p for p in place(t) if p.col == 1 and p.cell.rowspan > 1}
    assert {k: (v.cell.rowspan, v.cell.vertical) for k, v in groups.items()} == {
        "（三）不予公开": (8, True),
        "（四）无法提供": (3, True),
        "（五）不予处理": (5, True),
        "（六）其他处理": (3, True),
    }
    assert [groups[k].row for k in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")] == [
        7,
        15,
        18,
        23,
    ]


def test_table3_numbers_computed_total_column_and_row(tables):
    t = tables["table3"]
    texts = [[c.text for c in row][-7:] for row in body_rows(t)]
    assert texts[0] == ["86", "17", "4", "2", "6", "1", "116"]  # 一、本年新收
    assert texts[1] == ["2", "1", "0", "0", "0", "0", "3"]  # 二、上年结转
    assert texts[-2] == ["85", "17", "4", "2", "6", "1", "115"]  # （七）总计, computed
    assert texts[-1] == ["3", "1", "0", "0", "0", "0", "4"]  # 四、结转下年度
    assert all(t.isdigit() for row in texts for t in row)


def test_table3_blank_cell_prints_blank_and_totals_as_stated(tmp_path):
    from tests.gb2021_support import write_variant

    path = write_variant(tmp_path, [("granted = 41\n", ""), ("granted = 8\n", 'granted = ""\n')])
    t = tables_of(path)["table3"]
    assert [c.text for c in body_rows(t)[2]][-7:][:2] == ["", ""]  # blank, not 0
    # a stated 总计 column: printed as typed, a stated blank stays blank, a wrong one is kept and reported
    path = write_variant(
        tmp_path,
        [("[applications.other]", '[applications.total]\nnew_received = 117\ngranted = ""\n\n[applications.other]')],
    )
    t = tables_of(path)["table3"]
    assert [c.text for c in body_rows(t)[0]][-1] == "117" and [c.text for c in body_rows(t)[2]][-1] == ""
    from tests.gb2021_support import problems_of

    found = problems_of(path)
    assert [p.rule for p in found if p.rule == "gb2021.table3.row-total"] == ["gb2021.table3.row-total"]
    [blank] = [p for p in found if p.rule == "gb2021.table3.missing"]
    assert "“总计”列" in blank.message


def test_table3_money_and_labels_as_printed(tmp_path):
    from tests.gb2021_support import problems_of, write_variant

    path = write_variant(
        tmp_path,
        [("admin_fees = 3.62 ", 'admin_fees = "3.620000" '),
         ("[applications.natural_person]",
          '[applications.labels]\ndenied_state_secret = "1、属于国家秘密"\n\n[applications.natural_person]')],
    )  # fmt: skip
    tables = tables_of(path)
    assert any(c.text == "1、属于国家秘密" for row in tables["table3"].rows for c in row)
    assert any(c.text == "3.620000" for row in tables["table2"].rows for c in row)
    assert "gb2021.label.variant" in {p.rule for p in problems_of(path)}


# ------------------------------------------------------------------------------------------------ table 四
def test_table4_layout(tables):
    t = tables["table4"]
    assert (t.header_rows, len(t.widths), len(t.rows)) == (3, 15, 4)
    assert [(c.text, c.colspan, c.rowspan) for c in t.rows[0]] == [("行政复议", 5, 1), ("行政诉讼", 10, 1)]
    assert [(c.text, c.colspan, c.rowspan) for c in t.rows[1]] == [
        ("结果维持", 1, 2), ("结果纠正", 1, 2), ("其他结果", 1, 2), ("尚未审结", 1, 2), ("总计", 1, 2),
        ("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1),
    ]  # fmt: skip
    assert [c.text for c in t.rows[2]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert [p.col for p in place(t) if p.row == 2] == list(range(5, 15))
    assert [c.text for c in t.rows[3]] == ["2", "1", "0", "1", "4", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"]


def test_table4_header_matches_spec(tables):
    t = tables["table4"]
    for r, row in enumerate(spec["table4"]["header"]):
        assert [(c["text"], c.get("colspan", 1), c.get("rowspan", 1)) for c in row] == [
            (c.text, c.colspan, c.rowspan) for c in t.rows[r]
        ]


# ------------------------------------------------------------------------------------------------ table 二
def test_table2_2021_blocks(tables):
    t = tables["table2"]
    rows = iter(t.rows)
    for block in spec["table2"]["blocks"]:
        caption = next(rows)
        assert [(c.text, c.colspan) for c in caption] == [(block["caption"], 4)]
        header = next(rows)
        spans = block.get("header_colspans", [1] * len(block["header"]))
        assert [(c.text, c.colspan) for c in header] == list(zip(block["header"], spans, strict=True))
        for row in block["rows"]:
            cells = next(rows)
            assert cells[0].text == row["label"]
            assert sum(c.colspan for c in cells) == 4
    assert next(rows, None) is None


def test_table2_money_keeps_decimals(tables):
    t = tables["table2"]
    fees = next(r for r in t.rows if r[0].text == "行政事业性收费")
    assert [(c.text, c.colspan) for c in fees[1:]] == [("3.62", 3)]


# ------------------------------------------------------------------------------------------------ 2019 variant
def trial_report(tmp_path) -> dict:
    """The 2023 example recast in the 2019 trial format: （六）其他处理 one row, 2019 table 二 — a 2020 report,
    the last year the trial format served (common.format-year)."""
    import tomllib

    data = tomllib.loads(EXAMPLE_2023.read_text(encoding="utf-8").replace("2024", "2021").replace("2023", "2020"))
    data["format"] = "2019"
    data.pop("previous", None)
    for column in data["applications"].values():
        if isinstance(column, dict) and "other_other" in column:
            column["other_handling"] = sum(
                column.pop(k) for k in ("other_no_correction", "other_fee_unpaid", "other_other")
            )
    data["active"] = {
        "regulations": {"made": 0, "published": 0, "total_public": 0},
        "normative_documents": {"made": 3, "published": 3, "total_public": 29},
        "licensing": {"previous_items": 12, "change": -1, "decisions": 880},
        "other_services": {"previous_items": 5, "change": 0, "decisions": 40},
        "penalty": {"previous_items": 20, "change": 2, "decisions": 15},
        "coercion": {"previous_items": 3, "change": 0, "decisions": 0},
        "admin_fees": {"previous_items": 2, "change": 0},
        "procurement": {"projects": 6, "amount": "318.5万元"},  # the 2019 header names no unit: the cell does
    }
    data["overview"]["management"]["text"] = "完成行政规范性文件清理。"
    del data["other"]["fee"]
    return data


@pytest.fixture
def trial_path(tmp_path):
    return write_trial(tmp_path, trial_report(tmp_path))


def write_trial(tmp_path, data: dict):
    """The trial report ``data`` written as ``trial.toml`` in ``tmp_path``."""
    path = tmp_path / "trial.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_2019_variant_is_clean_and_laid_out(trial_path):
    from tests.gb2021_support import problems_of

    assert [p.format() for p in problems_of(trial_path)] == []
    tables = tables_of(trial_path)
    t3 = tables["table3"]
    assert len(body_rows(t3)) == 23
    assert at(t3, "三、本年度办理结果").cell.rowspan == 20
    other = at(t3, "（六）其他处理")
    assert (other.col, other.cell.colspan, other.cell.rowspan) == (1, 2, 1)
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" not in {p.cell.text for p in place(t3)}
    t2 = tables["table2"]
    labels = [r[0].text for r in t2.rows]
    assert "规范性文件" in labels and "行政规范性文件" not in labels
    assert "第二十条第（九）项" in labels and "政府集中采购" in labels
    assert "其他对外管理服务事项" in labels
    header5 = t2.rows[labels.index("第二十条第（五）项") + 1]
    assert [c.text for c in header5] == ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    licensing = t2.rows[labels.index("行政许可")]
    assert [c.text for c in licensing] == ["行政许可", "12", "-1", "880"]
    assert t4_same(tables["table4"])


@pytest.mark.parametrize(
    ("amount", "label", "warned"),
    [
        (1089059, None, True),  # 平潭苏平片区管理局 2020: "政府集中采购 | 16 | 1089059"
        ("1089059元", None, False),
        (3042532, "采购总金额（元）", False),  # 平潭交通与建设局 2020: the unit printed in the header
        (137.3, "采购总金额（单位：万元，保留4位小数）", False),  # 西平县焦庄乡 2019 (held-out round 26)
        (137.3, "采购总金额（保留4位小数）", True),  # a note with no unit in it
        (0, None, False),
    ],
)
def test_a_2019_procurement_amount_without_any_unit(tmp_path, amount, label, warned):
    from tests.gb2021_support import problems_of

    data = trial_report(tmp_path)
    data["active"]["procurement"]["amount"] = amount
    if label:
        data["active"]["labels"] = {"amount": label}
    path = write_trial(tmp_path, data)
    found = [p for p in problems_of(path) if p.rule == "gb2021.cell.unit"]
    assert bool(found) is warned
    if warned:
        assert found[0].source.keypath == "active.procurement.amount" and "元还是万元" in found[0].message


def t4_same(t: Table) -> bool:
    return [c.text for c in t.rows[0]] == ["行政复议", "行政诉讼"] and len(t.rows[3]) == 15


def test_a_row_the_published_table_adds_is_printed_where_it_stands(tmp_path):
    """十堰市机关事务服务中心 2020, 孝感市人民政府办公室 2020 (held-out rounds 26, 28): 湖北's table 二 prints
    "其他主动公开文件" after 规范性文件 — typed in ``extra_rows``, drawn after that row, warned once."""
    from compiler.build import build
    from tests.gb2021_support import problems_of
    from tests.pdfread import read_pdf

    data = trial_report(tmp_path)
    data["active"]["extra_rows"] = {"normative_documents": [["其他主动公开文件", 56, 45, ""]]}
    path = write_trial(tmp_path, data)
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.table2.extra-row"]
    assert p.source.keypath == "active.extra_rows.normative_documents[0]" and p.found == "其他主动公开文件"
    out = tmp_path / "trial.pdf"
    build(path, out)
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    normative = next(i for i, t in enumerate(lines) if t.startswith("规范性文件"))
    assert lines[normative + 1] == "其他主动公开文件5645"  # the blank cell stays blank
    from compiler.importers.run import import_file

    for kind in ("html", "docx", "pdf"):  # read back from each output
        if kind != "pdf":
            build(path, tmp_path / f"trial.{kind}", to=[kind])
        imported = import_file(tmp_path / f"trial.{kind}").result.data["active"]
        assert imported["extra_rows"] == {"normative_documents": [["其他主动公开文件", 56, 45, ""]]}, kind


@pytest.mark.parametrize(
    "extra",
    [
        {"no_such_row": [["其他", 1, 2, 3]]},  # not a row of table 二
        {"normative_documents": [["其他", 1, 2]]},  # a cell short
        {"normative_documents": [["其他", 1, "两", 3]]},  # not a count
    ],
)
def test_an_extra_row_that_cannot_be_printed_is_an_error(tmp_path, extra):
    from tests.gb2021_support import problems_of

    data = trial_report(tmp_path)
    data["active"]["extra_rows"] = extra
    path = write_trial(tmp_path, data)
    found = [p for p in problems_of(path) if p.rule == "gb2021.table2.extra-row"]
    assert [p.severity.name for p in found] == ["ERROR"]


@pytest.mark.parametrize("printed", ["+2", "减11", "增2"])
def test_a_change_printed_with_its_sign(tmp_path, printed):
    """平潭管委会办公室 2019 ("+1"), 乌海市工信局 2020 ("+2"), 天津市红桥区生态环境局 2020 ("减11", the sign said in
    words): a 本年增/减 printed so is typed as the string, printed so in every output, counted as its number and read
    back as printed."""
    from compiler.build import build
    from compiler.importers.run import import_file
    from plugins.gb2021.values import number
    from tests.gb2021_support import problems_of
    from tests.pdfread import read_pdf

    data = trial_report(tmp_path)
    data["active"]["penalty"]["change"] = printed
    path = write_trial(tmp_path, data)
    assert [p.format() for p in problems_of(path)] == []
    assert number(printed) == {"+2": 2, "减11": -11, "增2": 2}[printed]
    t2 = tables_of(path)["table2"]
    assert [c.text for c in next(r for r in t2.rows if r[0].text == "行政处罚")] == ["行政处罚", "20", printed, "15"]
    outputs = build(path, tmp_path / "trial", to=["pdf", "html", "docx"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    assert f"行政处罚20{printed}15" in lines
    for kind in ("pdf", "html", "docx"):
        imported = import_file(outputs[kind]).result.data["active"]
        assert imported["penalty"]["change"] == printed, kind
        assert imported["licensing"]["change"] == -1, kind  # a minus sign is a number as before


@pytest.mark.parametrize("cell", ["+2.5", "2+", "++2"])
def test_a_sign_that_is_no_whole_change_is_an_error(tmp_path, cell):
    from tests.gb2021_support import problems_of

    data = trial_report(tmp_path)
    data["active"]["penalty"]["change"] = cell
    path = write_trial(tmp_path, data)
    assert {p.severity.name for p in problems_of(path) if p.source and p.source.keypath == "active.penalty.change"} == {
        "ERROR"
    }


def test_a_header_printed_otherwise_in_one_block_only(tmp_path):
    """伊州区丽园街道 2020 (held-out round 30): "本年增/" under 第二十条第（五）项 only — recorded as that block's own
    header (``"item_5.change"``), printed there and nowhere else, warned once, read back under the same key."""
    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.gb2021_support import problems_of
    from tests.pdfread import read_pdf

    data = trial_report(tmp_path)
    data["active"]["labels"] = {"item_5.change": "本年增/"}
    path = write_trial(tmp_path, data)
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.label.variant"]
    assert (p.source.keypath, p.expected, p.found) == ("active.labels.item_5.change", "本年增/减", "本年增/")
    headers = [[c.text for c in r] for r in tables_of(path)["table2"].rows if r[0].text == "信息内容"]
    assert [h[2] for h in headers if len(h) == 4 and h[1] == "上一年项目数量"] == ["本年增/", "本年增/减"]
    outputs = build(path, tmp_path / "trial", to=["pdf", "html", "docx"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    assert "信息内容上一年项目数量本年增/处理决定数量" in lines
    assert "信息内容上一年项目数量本年增/减处理决定数量" in lines
    for kind in ("pdf", "html", "docx"):
        imported = import_file(outputs[kind]).result.data["active"]
        assert imported["labels"] == {"item_5.change": "本年增/"}, kind


def test_a_block_header_key_the_table_lacks_is_an_error(tmp_path):
    from tests.gb2021_support import problems_of

    data = trial_report(tmp_path)
    data["active"]["labels"] = {"item_1.change": "本年增/"}  # 第（一）项 has no 本年增/减 column
    path = write_trial(tmp_path, data)
    [p] = [p for p in problems_of(path) if p.rule == "input.unknown-key"]
    assert p.source.keypath == "active.labels.item_1.change" and p.severity.name == "ERROR"


def test_a_table_printed_before_its_parts_heading(tmp_path):
    """西宁市城中区文体旅游科技局 2023 (held-out round 27): table 二 printed at the end of part 一, before the heading
    "二、主动公开政府信息情况" — ``table_before_heading = true`` draws it there in every output, warned once."""
    import io
    import re
    import tomllib
    import zipfile

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.gb2021_support import problems_of, write_variant
    from tests.pdfread import read_pdf

    path = write_variant(tmp_path, [("[active]\n", "[active]\ntable_before_heading = true\n")])
    original = tomllib.loads(path.read_text(encoding="utf-8"))
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.table-placement"]
    assert p.source.keypath == "active.table_before_heading" and "表二" in p.message
    outputs = build(path, tmp_path / "report", to=["pdf", "html", "docx"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    table, heading = lines.index("第二十条第（一）项"), lines.index("二、主动公开政府信息情况")
    assert table < heading < lines.index("三、收到和处理政府信息公开申请情况")
    assert lines.index("一、总体情况") < table
    html = re.sub(r"<[^>]+>", "|", outputs["html"].read_text(encoding="utf-8"))
    with zipfile.ZipFile(io.BytesIO(outputs["docx"].read_bytes())) as z:
        docx = re.sub(r"<[^>]+>", "|", z.read("word/document.xml").decode("utf-8"))
    for text in (html, docx):
        assert text.index("第二十条第（一）项") < text.index("二、主动公开政府信息情况")
    for kind in ("pdf", "html", "docx"):  # read back as printed: the table is 表二, not a table of part 一's own
        imported = import_file(outputs[kind], "2021").result.data
        assert imported["active"].get("table_before_heading") is True, kind
        assert "tables" not in imported["overview"] and "table_before_heading" not in imported["applications"], kind
        assert imported["active"]["licensing"] == original["active"]["licensing"], kind
    (tmp_path / "plain").mkdir()
    plain = write_variant(tmp_path / "plain", [])  # without it, the table follows its heading
    assert "gb2021.table-placement" not in {p.rule for p in problems_of(plain)}
    out = build(plain, tmp_path / "plain" / "report.pdf").outputs["pdf"]
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    assert lines.index("二、主动公开政府信息情况") < lines.index("第二十条第（一）项")


def test_parts_printed_without_their_tables(tmp_path):
    """武昌经开区滨江街 2020 (held-out round 26): parts 二, 三 and 四 in prose only — ``no_table = true`` draws no
    table and warns once a part, instead of three tables of blank cells; read back so from each output."""
    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.gb2021_support import problems_of
    from tests.pdfread import read_pdf

    data = trial_report(tmp_path)

    def plain(node):  # prose that cites the tables' cells cites nothing now
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        return "本年度情况见正文。" if isinstance(node, str) and "{" in node else node

    data = plain(data)
    for key in ("active", "applications", "appeals"):
        kept = {k: v for k, v in data[key].items() if k in ("heading", "text", "items")}
        data[key] = {**kept, "text": "本年度没有需要列表说明的情况。", "no_table": True}
    path = write_trial(tmp_path, data)
    problems = problems_of(path)
    found = [p for p in problems if p.rule == "gb2021.table-not-printed"]
    assert [p.source.keypath for p in found] == ["active.no_table", "applications.no_table", "appeals.no_table"]
    # the trial format's own notice is named, not the 2021 one (天津市河东区民政局 2019)
    assert all("国办公开办函〔2019〕60号" in p.message and "〔2021〕" not in p.message for p in found)
    assert not [p for p in problems if p.rule.endswith(".missing") and p.rule.startswith("gb2021.table")]
    assert not [p for p in problems if p.severity.name == "ERROR"], [p.format() for p in problems]
    outputs = build(path, tmp_path / "trial", to=["pdf", "html", "docx"]).outputs
    text = "".join(ln.text for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines)
    assert "第二十条" not in text and "申请人情况" not in text and "行政复议" in text  # headings, no tables
    assert "<table" not in outputs["html"].read_text(encoding="utf-8")
    for kind in ("pdf", "html", "docx"):  # named: with no table, the parts' words alone cannot tell the format
        imported = import_file(outputs[kind], "2019").result.data
        assert [imported[k].get("no_table") for k in ("active", "applications", "appeals")] == [True] * 3, kind


@pytest.mark.parametrize(
    ("cells", "warned"),
    [
        ({"made": 19, "published": 1, "total_public": 20}, True),  # 合川区二郎镇 2019 (held-out round 31)
        ({"made": 3, "published": 3, "total_public": 29}, False),
        ({"made": 3, "published": 5, "total_public": 29}, False),  # last year's published this year too
        ({"made": 3, "published": "", "total_public": 29}, False),  # blank: the blank-cell warning says it
    ],
)
def test_normative_documents_made_but_not_published(tmp_path, cells, warned):
    from tests.gb2021_support import problems_of

    data = trial_report(tmp_path)
    data["active"]["normative_documents"] = cells
    path = write_trial(tmp_path, data)
    found = [p for p in problems_of(path) if p.rule == "gb2021.table2.unpublished"]
    assert bool(found) is warned
    if warned:
        assert found[0].source.keypath == "active.normative_documents.published" and "第二十条" in found[0].message


def test_overview_subsections_numbered_in_half_width_brackets(tmp_path):
    """朝阳市双塔区前进街道 2020, 西平县焦庄乡 2019 (held-out rounds 31, 26): 总体情况's sub-headings printed "(一)"
    "(二)" — ``[overview] numbering = "(一)"`` numbers them so, warned once."""
    from compiler.build import build
    from tests.gb2021_support import problems_of, write_variant
    from tests.pdfread import read_pdf

    path = write_variant(tmp_path, [("[overview]\n", '[overview]\nnumbering = "(一)"\n')])
    [p] = [p for p in problems_of(path) if p.rule == "input.numbering-variant"]
    assert (p.source.keypath, p.expected, p.found) == ("overview.numbering", "（一）", "(一)")
    out = build(path, tmp_path / "report.pdf").outputs["pdf"]
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    part = lines[lines.index("一、总体情况") : lines.index("二、主动公开政府信息情况")]
    assert any(t.startswith("(一)") for t in part) and any(t.startswith("(二)") for t in part)
    assert not any(t.startswith(("（一）", "（二）")) for t in part)
