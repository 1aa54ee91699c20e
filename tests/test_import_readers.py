"""The readers (format-independent) and the import command on small, hand-made files: Word-pasted HTML, the
national DOCX template, an Excel 统计表 laid out anywhere on its sheet, flattened text refused, --format, -o."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.cli.commands import main
from compiler.importers.base import Grid
from compiler.importers.common import join_lines, read_document, tidy
from compiler.importers.run import import_file
from compiler.model.problems import ReportError
from plugins.gb2021.tables import TABLE3_2021

CORPUS = Path(__file__).parent / "corpus" / "published"

WORD_PASTED = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某县人民政府2024年政府信息公开工作年度报告_某县</title>
<script>document.write('<p>不是正文</p>')</script><style>p{color:red}</style></head><body>
<div class="nav"><div><a href="/">首页</a></div><div><a href="/x">政务公开</a></div></div>
<table class="meta"><tr><td>索引号：</td><td>000000/2025-00001</td><td>发布机构：</td><td>某县人民政府办公室</td></tr>
<tr><td>公开日期：</td><td>2025-01-20</td></tr></table>
<div id="zoomcon"><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoNormal><span style='font-family:仿宋_GB2312'><font face="方正仿宋_GBK">本报告根据《中华人民共和国
政府信息公开条例》编制。统计期限为20</font></span><span>24年1月1日至12月31日。</span><o:p></o:p></p>
<p class=MsoNormal><b><span>&nbsp;&nbsp;一、总<span>体</span>情况</span></b><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>2024年，某县坚持以公开为常态。<o:p></o:p></p>
<p style="display:none">隐藏的文字</p>
<p>二、主动公开政府信息情况</p>
<table border=1><tr><td colspan=4><p>第二十条第（一）项</p></td></tr>
<tr><td>信息内容</td><td><p>本年</p><p>制发件数</p></td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td><span>规</span><span>章</span></td><td>0</td><td>&nbsp;</td><td>3</td></tr>
<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>20</td></tr>
<tr><td colspan=4>第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan=3>1,286</td></tr></table>
</div><div class="footer"><p>版权所有：某县人民政府</p></div></body></html>"""


def test_html_word_pasted_markup(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(WORD_PASTED, encoding="utf-8")
    doc = read_document(path)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].endswith("统计期限为2024年1月1日至12月31日。")  # "20" + "24" split across tags
    assert "一、总体情况" in texts  # nested spans, &nbsp; run, <o:p>
    assert not any("不是正文" in t or "隐藏" in t or "首页" in t or "版权所有" in t for t in texts)
    assert doc.metadata["索引号"] == "000000/2025-00001"
    assert doc.metadata["发布机构"] == "某县人民政府办公室"
    assert doc.metadata["公开日期"] == "2025-01-20"
    grid = doc.grids[0]
    assert grid.rows[1][1] == "本年制发件数"  # a header split over two <p>
    assert grid.rows[2] == ["规章", "0", None, "3"]  # label split over spans; &nbsp; cell is blank
    assert grid.rows[6] == ["行政许可", "1,286", "1,286", "1,286"] and (6, 1, 1, 3) in grid.spans


def test_html_import_keeps_blank_and_reads_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(WORD_PASTED, encoding="utf-8")
    imported = import_file(path, "2021")
    data = imported.result.data
    assert data["report"]["organ"] == "某县人民政府" and data["report"]["year"] == 2024
    assert str(data["report"]["date"]) == "2025-01-20"  # 公开日期, noted
    assert data["active"]["regulations"].get("repealed", "") == ""  # blank stays blank, never 0
    assert data["active"]["licensing"] == 1286
    messages = "\n".join(p.message for p in imported.problems)
    assert "原表空白" in messages and "千分位" in messages and "公开日期" in messages
    assert "表三" in messages  # not found: a problem, not a silent zero


def test_flattened_table_is_refused(tmp_path):
    page = WORD_PASTED.replace(
        '</div><div class="footer">',
        "<p>三、收到和处理政府信息公开申请情况</p>"
        '<p>一、本年新收政府信息公开申请数量8010000081</p></div><div class="footer">',
    )
    path = tmp_path / "flat.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReportError) as exc:
        import_file(path)
    assert "连成一片" in exc.value.problems[0].message


def test_docx_template_blank(tmp_path):
    pytest.importorskip("docx")
    doc = read_document(CORPUS / "national-template-2021.docx")
    assert [len(g.rows[0]) for g in doc.grids] == [4, 10, 15]
    table3 = doc.grids[1]
    # merged label cells (vMerge/gridSpan) repeat in every row they cover
    assert sum(1 for row in table3.rows if row[0] == "三、本年度办理结果") == len(TABLE3_2021.rows) - 3
    imported = import_file(CORPUS / "national-template-2021.docx", "2021")
    data = imported.result.data
    numbers = [v for col in data.get("applications", {}).values() if isinstance(col, dict) for v in col.values()]
    assert all(v == "" for v in numbers)  # every number cell blank: nothing invented
    blanks = [p for p in imported.problems if "原表空白" in p.message]
    assert len(blanks) >= 7 * 25 + 15


def test_xlsx_found_by_labels(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "统计表"
    sheet["B2"] = "某局2024年政府信息公开工作统计表"
    sheet.merge_cells("B2:L2")
    top = 5
    sheet.cell(top, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    sheet.merge_cells(start_row=top, start_column=2, end_row=top + 2, end_column=4)
    for i, label in enumerate(("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")):
        sheet.cell(top + 2, 5 + i, label)
    for n, row in enumerate(TABLE3_2021.rows):
        r = top + 3 + n
        sheet.cell(r, 4, row.label.replace("1.", "1、"))
        for c in range(6):
            sheet.cell(r, 5 + c, n + c)
        sheet.cell(r, 11, sum(n + c for c in range(6)))
    # table 二 below it, table 四 on a sheet of its own, both with merged headers
    row = top + 40
    sheet.cell(row, 3, "第二十条第（一）项")
    sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
    for i, text in enumerate(("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")):
        sheet.cell(row + 1, 3 + i, text)
    for i, (label, values) in enumerate((("规章", (1, 0, 11)), ("行政规范性文件", (8, 26, 66)))):
        sheet.cell(row + 2 + i, 3, label)
        for j, value in enumerate(values):
            sheet.cell(row + 2 + i, 4 + j, value)
    sheet.cell(row + 4, 3, "行政事业性收费")
    sheet.cell(row + 4, 4, 96171.6)
    sheet.merge_cells(start_row=row + 4, start_column=4, end_row=row + 4, end_column=6)
    four = book.create_sheet("表四")
    four.cell(1, 1, "行政复议")
    four.merge_cells("A1:E1")
    four.cell(1, 6, "行政诉讼")
    four.merge_cells("F1:O1")
    for i, text in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")):
        four.cell(2, 1 + i, text)
        four.merge_cells(start_row=2, start_column=1 + i, end_row=3, end_column=1 + i)
        four.cell(3, 6 + i, text)
        four.cell(3, 11 + i, text)
    four.cell(2, 6, "未经复议直接起诉")
    four.merge_cells("F2:J2")
    four.cell(2, 11, "复议后起诉")
    four.merge_cells("K2:O2")
    for j in range(15):
        four.cell(4, 1 + j, j)
    path = tmp_path / "stats.xlsx"
    book.save(path)
    imported = import_file(path, "2021")
    active = imported.result.data["active"]
    assert active["regulations"] == {"issued": 1, "repealed": 0, "valid": 11}
    assert active["admin_fees"] == 96171.6
    appeals = imported.result.data["appeals"]
    assert appeals["review"]["maintain"] == 0 and appeals["litigation_after_review"]["total"] == 14
    apps = imported.result.data["applications"]
    assert apps["natural_person"]["new_received"] == 0
    assert apps["commercial"]["carried_over"] == 2
    assert apps["total"]["carried_forward"] == sum(len(TABLE3_2021.rows) - 1 + c for c in range(6))


def test_import_command_writes_only_the_target(tmp_path, capsys):
    target = tmp_path / "out.toml"
    source = CORPUS / "pingtan-2024.html"
    assert main(["import", str(source), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# 由 gongkai import")
    assert main(["import", str(source), "-o", str(target)]) == 2  # never overwritten without --force
    assert "--force" in capsys.readouterr().err
    assert main(["import", str(source), "-o", str(target), "--force"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]
    capsys.readouterr()
    assert main(["import", str(source)]) == 0  # no -o: standard output, nothing written
    assert 'format = "2021"' in capsys.readouterr().out
    assert main(["check", str(target)]) in (0, 1)


def test_format_override(tmp_path, capsys):
    source = CORPUS / "pingtan-2024.html"
    assert main(["import", str(source), "--format", "legacy", "-o", str(tmp_path / "x.toml")]) == 1
    assert 'format = "legacy"' in (tmp_path / "x.toml").read_text(encoding="utf-8")


def test_unknown_kind_and_missing_file(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(ReportError):
        read_document(bad)
    with pytest.raises(ReportError):
        read_document(tmp_path / "missing.pdf")


def test_check_folder_summary(tmp_path, capsys):
    folder = tmp_path / "published"
    folder.mkdir()
    for name in ("pingtan-2024.html", "huaian-hongze-2024.pdf"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    summary = tmp_path / "summary.csv"
    assert main(["check", str(folder), "--csv", str(summary)]) == 1
    lines = summary.read_text(encoding="utf-8-sig").splitlines()
    # the same summary as for TOML reports (compiler.cli.survey), indicators included
    assert lines[0] == "报告,机关,格式,错误,警告,提示,实质公开率,行政诉讼纠错率,行政复议纠错率,最严重的问题"
    assert len(lines) == 3
    assert "最严重的问题" in capsys.readouterr().out
    assert main(["check", str(folder), "--format", "json"]) == 1
    assert '"format": "2021"' in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == ["huaian-hongze-2024.pdf", "pingtan-2024.html"]


def test_tidy():
    assert tidy(" 2023 年\u00a0\u3000收到 21 件 ") == "2023年收到21件"
    assert tidy("Hello  world") == "Hello world"
    assert isinstance(Grid([], None), Grid)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("garbage.pdf", b"%PDF-1.7\n" + b"\x00\xff" * 500),
        ("empty.html", b""),
        ("deep.html", b"<div>" * 20000 + "一、总体情况".encode() + b"</div>" * 20000),
        ("notzip.docx", b"PK\x03\x04 not really a zip"),
        ("notzip.xlsx", b"hello"),
    ],
)
def test_hostile_files_are_refused_cleanly(tmp_path, name, content):
    """Damaged or hostile files give a Chinese problem naming the file, never a traceback or a hang."""
    path = tmp_path / name
    path.write_bytes(content)
    started = __import__("time").perf_counter()
    with pytest.raises(ReportError) as exc:
        import_file(path)
    assert __import__("time").perf_counter() - started < 20
    message = exc.value.problems[0].message
    assert name in message or "无法" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it


def test_a_legacy_reports_own_part_comes_back_in_place(tmp_path):
    """平潭县地税局 2013 prints 四、审批事项及处理情况 between its 依申请公开 and 复议诉讼 parts: imported as [extra],
    with the order given in `sections` so it rebuilds in place."""
    from compiler.build import build
    from compiler.importers.run import import_file

    root = Path(__file__).resolve().parents[1]
    page = tmp_path / "report.html"
    build(root / "tests" / "corpus" / "pingtan-dishuiju-2013" / "report.toml", page, to=["html"])
    data = import_file(page).result.data
    assert data["extra"]["heading"] == "审批事项及处理情况"
    order = data["sections"]
    assert order.index("applications") < order.index("extra") < order.index("appeals")
    assert "今年我局共受理审批事项117件" in str(data["extra"])


def test_html_paragraphs_run_together_on_one_line_are_parted(tmp_path):
    """襄州区 2022's stored copy holds its paragraphs on one line, parted by spaces: a space after a sentence's end and
    before a part's or item's number starts a paragraph, and a short numbered title before a long text is a heading of
    its own; a space elsewhere (in "1624 条", in a letter-spaced title) parts nothing."""
    page = tmp_path / "one-line.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><p>本报告依据《条例》编制，包括总体情况等六部分。'
        " 一、总体情况 2022年，我区坚持以人民为中心，主动公开信息1624 条。"
        " （一）主动公开情况 积极落实政务公开工作要点，扩大主动公开范围。</p><p>二、概 述</p></body></html>",
        encoding="utf-8",
    )
    lines = [item.text for item in read_document(page).items]
    assert lines == [
        "本报告依据《条例》编制，包括总体情况等六部分。",
        "一、总体情况",
        "2022年，我区坚持以人民为中心，主动公开信息1624条。",
        "（一）主动公开情况",
        "积极落实政务公开工作要点，扩大主动公开范围。",
        "二、概述",
    ]


def test_lines_broken_inside_an_address_are_joined_without_a_space():
    """乌恰县 2021 (held-out round 155), built and read back: the PDF breaks "www." / "xjwqx.gov.cn）下载" and
    "jsxxgk@js.gov." / "cn）" at the end of a line; the address reads back whole — an English sentence ending on a
    full stop still takes its space."""
    assert join_lines(["可在网站（www.", "xjwqx.gov.cn）下载。"]) == "可在网站（www.xjwqx.gov.cn）下载。"
    assert join_lines(["电子邮箱：jsxxgk@js.gov.", "cn）。"]) == "电子邮箱：jsxxgk@js.gov.cn）。"
    assert join_lines(["见 http://www.js.gov.cn/xxgk/", "index.html"]) == "见http://www.js.gov.cn/xxgk/index.html"
    assert join_lines(["under the Regulations.", "The report"]) == "under the Regulations. The report"
