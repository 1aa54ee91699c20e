"""GB/T 9704 elements real reports print and gongkai writes as published: the 发文字号 above the title
(``report.document_number``, §7.2.4), the 主送机关 under it (``report.addressee``, §7.3.2), the 版记 at the foot of
the last page (``[imprint]``, §7.4), and a table a part prints of its own (``[[<part>.tables]]``) — read back from
the PDF, the web page and the Word file, and imported back from each (平潭综合实验区经济发展局 2019, 苏平片区管理局
2023, 永泰县赤锡乡 2010)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import html5lib
import pytest
from conftest import legacy, rules
from pypdf import PdfReader

from compiler.build import build
from compiler.importers.run import import_file
from tests.gb2021_support import problems_of, write_variant
from tests.pdfread import read_pdf

IMPRINT = {"issuer": "测试县人民政府办公室", "date": dt.date(2019, 2, 15), "cc": "县委办公室，县人大常委会办公室"}


def _built(write_toml, tmp_path: Path, data: dict, kind: str) -> Path:
    out = tmp_path / f"report.{kind}"
    build(write_toml(data), out, to=[kind])
    return out


def test_the_document_number_is_printed_centred_above_the_title(write_toml, tmp_path):
    data = legacy()
    data["report"] = {**data["report"], "document_number": "测政发〔2019〕3号"}
    page = read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes()).pages[0]
    number = next(ln for ln in page.lines if ln.text == "测政发〔2019〕3号")
    title = next(ln for ln in page.lines if "政府信息公开工作年度报告" in ln.text)
    assert number.baseline > title.baseline + 40  # above it, a blank line between
    middle = page.width / 2
    assert abs((number.x0 + number.x1) / 2 - (title.x0 + title.x1) / 2) < 2 and abs(number.x0 - middle) < middle


def test_the_addressee_is_printed_flush_left_a_blank_line_under_the_title(write_toml, tmp_path):
    """永泰县赤锡乡 2010, 平潭海坛片区 2021: "县政府办:" between the title and the opening paragraph (§7.3.2: 标题下
    空一行，居左顶格) — not an indented paragraph of the 导语."""
    plain = read_pdf(_built(write_toml, tmp_path, legacy(), "pdf").read_bytes()).pages[0]
    data = legacy()
    data["report"] = {**data["report"], "addressee": "县政府办公室："}
    out = _built(write_toml, tmp_path, data, "pdf")
    page = read_pdf(out.read_bytes()).pages[0]
    addressee = next(ln for ln in page.lines if ln.text == "县政府办公室：")
    first = next(ln for ln in plain.lines if ln.text.startswith("特向社会公布"))  # the 导语 without a 主送机关
    moved = next(ln for ln in page.lines if ln.text.startswith("特向社会公布"))
    assert abs(addressee.baseline - first.baseline) < 0.5  # where the 导语 began: one blank line under the title
    assert abs(first.baseline - moved.baseline - 29.61) < 0.5  # the 导语 follows on the next grid line
    assert abs(addressee.x0 - (moved.x0 - 2 * 16)) < 1.5  # flush left: the 导语 is indented two characters
    assert addressee.glyphs[0].font == moved.glyphs[0].font  # 3号仿宋, as the body
    html = html5lib.parse(
        _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    [p] = [p for p in html.iter("p") if "".join(p.itertext()) == "县政府办公室："]
    assert "gk-role-addressee" in p.get("class")
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    [para] = [p for p in word.paragraphs if p.text == "县政府办公室："]
    assert para.style.name == "主送机关" and not para.paragraph_format.first_line_indent
    for kind in ("pdf", "html", "docx"):
        imported = import_file(tmp_path / f"report.{kind}").result.data
        assert imported["report"]["addressee"] == "县政府办公室：", kind
        assert not str(imported["preamble"]["text"]).startswith("县政府办公室"), kind


def test_the_signer_is_printed_on_the_number_line(write_toml, tmp_path):
    """闽侯县水利局 2010 (held-out round 26): "侯水利〔2011〕47号 签发人:林振东" over the report — GB/T 9704 §7.2.6: the
    发文字号 左空一字, "签发人：" and the name (楷体) 右空一字 on one line; read back from each output."""
    data = legacy()
    data["report"] = {**data["report"], "document_number": "测水利〔2019〕47号", "signer": "林振东"}
    page = read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes()).pages[0]
    line = next(ln for ln in page.lines if "签发人" in ln.text)
    assert line.text.replace(" ", "") == "测水利〔2019〕47号签发人：林振东"
    left, right = 79.37, page.width - 73.7  # the 版心's edges (28 mm, 26 mm)
    assert abs(line.glyphs[0].x - (left + 16)) < 1.5  # 左空一字
    assert abs(line.glyphs[-1].box[2] - (right - 16)) < 2  # 右空一字
    name = [g for g in line.glyphs if g.char in "林振东"]
    assert {g.font for g in name} == {"GongkaiKai-Regular"} and "Kai" not in line.glyphs[0].font
    for kind in ("pdf", "html", "docx"):
        out = _built(write_toml, tmp_path, data, kind)
        imported = import_file(out).result.data["report"]
        assert (imported["document_number"], imported["signer"]) == ("测水利〔2019〕47号", "林振东"), kind
    assert "common.document-number" not in rules(problems_of(write_toml(data)))


def test_a_report_published_without_a_title(write_toml, tmp_path):
    """闽侯县水利局 2010, 凉州区张义镇 2009 (held-out rounds 26, 29): the copy opens with the 发文字号 or the 导语, no
    title line — ``report.no_title`` prints none (warned, §7.3.1), keeps the 发文字号, and keeps the default title for
    the document's metadata and the web page's one h1, which is read aloud but not shown."""
    data = legacy()
    data["report"] = {**data["report"], "document_number": "测水利〔2019〕47号", "no_title": True}
    problems = problems_of(write_toml(data))
    [p] = [p for p in problems if p.rule == "common.no-title"]
    assert p.source.keypath == "report.no_title" and p.expected.endswith("政府信息公开工作年度报告")
    assert not {"common.title", "common.title-wording"} & set(rules(problems))
    pdf = _built(write_toml, tmp_path, data, "pdf").read_bytes()
    page = read_pdf(pdf).pages[0]
    assert not [ln for ln in page.lines if "年度报告" in ln.text and not ln.text.startswith("特向社会公布")]
    number = next(ln for ln in page.lines if ln.text == "测水利〔2019〕47号")
    first = next(ln for ln in page.lines if ln.text.startswith("特向社会公布"))
    assert abs(number.baseline - first.baseline - 2 * 29.61) < 0.5  # the 导语 after the number's blank line
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "测试县人民政府2018年政府信息公开工作年度报告"
    html = html5lib.parse(
        _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    [h1] = list(html.iter("h1"))
    assert "visually-hidden" in h1.get("class") and "".join(h1.itertext()).endswith("政府信息公开工作年度报告")
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    assert not [q for q in word.paragraphs if q.text.endswith("政府信息公开工作年度报告")]
    assert next(q.text for q in word.paragraphs if q.text) == "测水利〔2019〕47号"
    titled = legacy()  # without it, the title is printed as before
    assert "common.no-title" not in rules(problems_of(write_toml(titled)))
    assert any(
        "政府信息公开工作年度报告" in ln.text
        for ln in read_pdf(_built(write_toml, tmp_path, titled, "pdf").read_bytes()).pages[0].lines
    )


def test_a_report_without_a_title_keeps_its_organ_and_date_lines_at_the_top(write_toml, tmp_path):
    """上海市经信委 2015's copy: the organ and the date stand at the top (上海's 署名 under the title) with no title
    above them — ``no_title`` with ``[signature] place = "under-title"`` prints those two lines where the title would
    stand, then the blank line and the 导语; in the web page and the Word file too."""
    data = legacy()
    data["report"] = {**data["report"], "no_title": True}
    data["signature"] = {**data.get("signature", {}), "place": "under-title"}
    page = read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes()).pages[0]
    organ = page.lines[0]
    assert organ.text == "测试县人民政府" and page.lines[1].text == "2019年2月14日"
    first = next(ln for ln in page.lines if ln.text.startswith("特向社会公布"))
    assert abs(page.lines[1].baseline - first.baseline - 2 * 29.61) < 0.5  # the 导语 after one blank line
    assert abs((organ.x0 + organ.x1) / 2 - page.width / 2 - (79.37 - 73.7) / 2) < 1.5  # centred in the 版心
    html = html5lib.parse(
        _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    shown = ["".join(p.itertext()) for p in html.iter("p")]
    assert shown[:2] == ["测试县人民政府", "2019年2月14日"]
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    assert [q.text for q in word.paragraphs if q.text][:2] == ["测试县人民政府", "2019年2月14日"]


@pytest.mark.parametrize(
    ("typed", "says", "fixed"),
    [
        ("测政发[2019]3号", "六角括号", "测政发〔2019〕3号"),
        ("测政发〔19〕3号", "全称", None),
        ("测政发〔2019〕第3号", "第", "测政发〔2019〕3号"),
        ("测政发〔2019〕03号", "虚位", "测政发〔2019〕3号"),
        ("测政发（2019）3", "号", "测政发〔2019〕3号"),
    ],
)
def test_a_document_number_written_otherwise_than_the_standard(check, typed, says, fixed):
    data = legacy()
    data["report"] = {**data["report"], "document_number": typed}
    [p] = [p for p in check(data) if p.rule == "common.document-number"]
    assert says in p.message and p.source.keypath == "report.document_number"
    assert fixed is None or p.expected == fixed


def test_a_document_number_as_the_standard_writes_it_passes(check):
    data = legacy()
    data["report"] = {**data["report"], "document_number": "岚经发〔2020〕2号"}
    assert "common.document-number" not in rules(check(data))


def test_the_imprint_sits_at_the_foot_of_the_last_page_between_rules(write_toml, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    pdf = _built(write_toml, tmp_path, legacy(imprint=IMPRINT), "pdf")
    doc = read_pdf(pdf.read_bytes())
    last = doc.pages[-1]
    bottom = 297 - 37 - 225  # mm: the 版心's bottom edge above the paper's
    issued = next(ln for ln in last.lines if ln.text.startswith("测试县人民政府办公室"))
    assert issued.text.endswith("2019年2月15日印发")
    assert bottom * 72 / 25.4 < issued.baseline < (bottom + 12) * 72 / 25.4  # on the last row, above the last rule
    cc = next(ln for ln in last.lines if ln.text.startswith("抄送："))
    assert cc.baseline > issued.baseline
    body = max(ln.baseline for ln in last.lines if ln not in (cc, issued) and "—" not in ln.text)
    assert body > cc.baseline  # the text ends above it: the 版记 is pushed down to the foot
    with pdfplumber.open(pdf) as opened:
        rules_drawn = sorted(
            (round(float(e["top"]), 1), round(float(e["linewidth"]), 2)) for e in opened.pages[-1].lines
        )
    widths = [w for _, w in rules_drawn]
    assert len(rules_drawn) == 3 and widths[0] == widths[-1] == pytest.approx(0.99, abs=0.02)
    assert rules_drawn[-1][0] == pytest.approx((297 - 35) * 72 / 25.4, abs=0.3)  # the last on the 版心's bottom edge
    assert widths[1] == pytest.approx(0.71, abs=0.02)  # thick outside, thin between (§7.4.1)


def test_the_imprint_in_the_web_page_and_the_word_file(write_toml, tmp_path):
    page = _built(write_toml, tmp_path, legacy(imprint=IMPRINT), "html").read_text(encoding="utf-8")
    footer = html5lib.parse(page, namespaceHTMLElements=False).find(".//footer")
    assert footer is not None
    assert ["".join(p.itertext()) for p in footer.iter("p")] == [
        "抄送：县委办公室，县人大常委会办公室",
        "测试县人民政府办公室2019年2月15日印发",
    ]
    word = docx.Document(str(_built(write_toml, tmp_path, legacy(imprint=IMPRINT), "docx")))
    last = [p for p in word.paragraphs if p.text][-1]  # a 1-pt empty paragraph after it holds its frames
    assert last.text == "测试县人民政府办公室\t2019年2月15日印发"
    borders = last._p.pPr.find(docx.oxml.ns.qn("w:pBdr"))
    assert {child.tag.rsplit("}", 1)[1] for child in borders} == {"top", "bottom"}


def test_an_imprint_dated_before_the_report_is_reported(check):
    early = {**IMPRINT, "date": dt.date(2019, 2, 1)}  # the report is dated 2019-02-14
    [p] = [p for p in check(legacy(imprint=early)) if p.rule == "common.imprint-date"]
    assert p.source.keypath == "imprint.date"
    assert "common.imprint-date" not in rules(check(legacy(imprint=IMPRINT)))


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_the_document_number_and_the_imprint_come_back_on_import(write_toml, tmp_path, kind):
    data = legacy(imprint=IMPRINT)
    data["report"] = {**data["report"], "document_number": "测政发〔2019〕3号"}
    imported = import_file(_built(write_toml, tmp_path, data, kind)).result.data
    assert imported["report"]["document_number"] == "测政发〔2019〕3号"
    assert imported["imprint"] == IMPRINT
    assert "测政发" not in imported["report"].get("title", "")


FEE_TABLE = (
    '[[other.tables]]\nheader = ["", "通知收取件数", "实际收取金额（元）"]\nrows = [["信息处理费收取情况", 0, 0]]\n\n'
)


def test_a_part_prints_a_table_of_its_own_after_its_text(tmp_path):
    path = write_variant(tmp_path, [("[other.fee]\n", FEE_TABLE + "[other.fee]\n")])
    out = tmp_path / "report.pdf"
    build(path, out, to=["pdf", "html", "docx"])
    lines = [ln.text for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    heading = next(i for i, t in enumerate(lines) if t.startswith("六、"))
    header = next(i for i, t in enumerate(lines) if "通知收取件数" in t)
    row = next(i for i, t in enumerate(lines) if t.startswith("信息处理费收取情况"))
    assert heading < header < row
    page = out.with_suffix(".html").read_text(encoding="utf-8")
    tables = html5lib.parse(page, namespaceHTMLElements=False).findall(".//table")
    assert sum("通知收取件数" in "".join(t.itertext()) for t in tables) == 1
    word = docx.Document(str(out.with_suffix(".docx")))
    assert [t.rows[1].cells[0].text for t in word.tables if len(t.rows) == 2] == ["信息处理费收取情况"]


def test_a_fee_table_states_the_fee(tmp_path):
    """苏平片区 2023 states its 信息处理费 in a table of part 五 and in no sentence."""
    silent = [
        ("sentence = true  #", "sentence = false  #"),
        ("按照《政府信息公开信息处理费管理办法》规定收取信息处理费，", ""),
    ]
    assert "gb2021.fee.unstated" in {p.rule for p in problems_of(write_variant(tmp_path, silent))}
    tabled = write_variant(tmp_path, [*silent, ("[other.fee]\n", FEE_TABLE + "[other.fee]\n")])
    assert "gb2021.fee.unstated" not in {p.rule for p in problems_of(tabled)}


def test_a_part_table_with_a_wrong_cell_is_named(check):
    data = legacy(other={"text": "无。", "tables": [{"header": ["项目", "数量"], "rows": [["收费", {"n": 1}]]}]})
    found = [p for p in check(data) if p.rule == "input.type"]
    assert found and all(p.source.keypath.startswith("other.tables[0]") for p in found)


def _run_in_report() -> dict:
    data = legacy()
    data["active"] = {**data["active"], "heading_runin": True}
    return data


def test_a_part_heading_run_in_before_its_text(write_toml, tmp_path):
    """亳州谯城区政务服务中心 2014 prints "二、主动公开政府信息情况 谯城区政务服务中心按照……" on one line."""
    pdf = _built(write_toml, tmp_path, _run_in_report(), "pdf")
    doc = read_pdf(pdf.read_bytes())
    lines = [ln for page in doc.pages for ln in page.lines]
    [line] = [ln for ln in lines if ln.text.startswith("二、主动公开政府信息情况")]
    heading_fonts = {g.base_font for g in line.glyphs[: len("二、主动公开政府信息情况")]}
    text_fonts = {g.base_font for g in line.glyphs[len("二、主动公开政府信息情况") + 1 :] if g.char.strip()}
    assert len(line.text) > len("二、主动公开政府信息情况") + 4  # the text goes on in the same line
    assert heading_fonts == {"GongkaiHei-Regular"} and "GongkaiHei-Regular" not in text_fonts
    assert ("二、主动公开政府信息情况", 0) in [(title, level) for title, level, _ in doc.outline()]
    page = _built(write_toml, tmp_path, _run_in_report(), "html").read_text(encoding="utf-8")
    assert ">二、主动公开政府信息情况\u3000</strong>" in page
    word = docx.Document(str(_built(write_toml, tmp_path, _run_in_report(), "docx")))
    [para] = [p for p in word.paragraphs if p.text.startswith("二、主动公开政府信息情况\u3000")]
    level = para._p.pPr.find(docx.oxml.ns.qn("w:outlineLvl"))
    assert level is not None and level.get(docx.oxml.ns.qn("w:val")) == "0"


def test_a_run_in_heading_ending_in_a_colon_takes_no_gap(write_toml, tmp_path):
    """洛江区虹山乡 2011 (held-out round 32): "三、依申请公开政府信息：无依申请公开的政府信息。" — the colon parts
    heading and text; no 字 of white after it (a heading without a mark of its own keeps the gap, above)."""
    data = legacy()
    data["applications"] = {**data["applications"], "heading": "依申请公开政府信息：", "heading_runin": True}
    page = _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8")
    assert ">三、依申请公开政府信息：</strong>" in page
    lines = [ln for p in read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes()).pages for ln in p.lines]
    [line] = [ln for ln in lines if ln.text.startswith("三、依申请公开政府信息：")]
    colon, after = line.glyphs[len("三、依申请公开政府信息")], line.glyphs[len("三、依申请公开政府信息：")]
    pitch = line.glyphs[1].x - line.glyphs[0].x
    assert colon.char == "：" and abs(after.x - colon.x - pitch) < 1  # the next character, no gap between


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_run_in_part_heading_comes_back_on_import(write_toml, tmp_path, kind):
    imported = import_file(_built(write_toml, tmp_path, _run_in_report(), kind)).result.data
    assert imported["active"].get("heading_runin") is True
    assert not str(imported["active"].get("text", "")).startswith("二、")
    assert "heading_runin" not in imported["overview"]


def _no_heading_report() -> dict:
    data = legacy()
    data["overview"] = {**data["overview"], "no_heading": True}
    return data


def test_a_part_printed_without_its_heading(write_toml, tmp_path):
    """榆树市环城乡 2023 (held-out round 83) goes from its 导语 straight to "（一）主动公开情况。……": part 一's
    heading is not printed, its text is; the next part is still 二, and a warning names the heading left out."""
    data = _no_heading_report()
    [warned] = [p for p in problems_of(write_toml(data)) if p.rule == "input.no-heading"]
    assert warned.source.keypath == "overview.no_heading" and warned.expected == "一、概述"
    doc = read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes())
    lines = [ln.text for page in doc.pages for ln in page.lines]
    assert not any(t.startswith("一、") for t in lines) and any(t.startswith("二、主动公开政府信息情况") for t in lines)
    overview_text = legacy()["overview"]["text"]
    assert any(overview_text[:8] in t for t in lines)  # the part's own text is printed
    assert "一、概述" not in [title for title, _, _ in doc.outline()]
    page = _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8")
    assert "一、概述" not in page and "二、主动公开政府信息情况" in page
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    assert not any(p.text.startswith("一、") for p in word.paragraphs)
    assert "input.no-heading" not in rules(problems_of(write_toml(legacy())))


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_legacy_part_printed_without_its_heading_comes_back_on_import(write_toml, tmp_path, kind):
    """The legacy importer reads it as the 2019/2021 one does: the 导语 running straight into "（一）……" and then
    "二、……" is part 一 printed without its heading — ``no_heading`` again, its items part 一's, the 导语 its own."""
    data = legacy()
    data["overview"] = {
        "no_heading": True,
        "items": [
            {"heading": "组织领导。", "text": "成立政府信息公开工作领导小组，明确专人负责。"},
            {"heading": "制度建设。", "text": "完善主动公开、依申请公开和保密审查制度。"},
        ],
    }
    imported = import_file(_built(write_toml, tmp_path, data, kind)).result.data
    assert imported["format"] == "legacy"
    assert imported["overview"].get("no_heading") is True
    assert [i.get("heading") for i in imported["overview"]["items"]] == ["组织领导。", "制度建设。"]
    preamble = imported["preamble"]["text"]
    assert not any("组织领导" in t for t in ([preamble] if isinstance(preamble, str) else preamble))


def _with_note() -> dict:
    data = legacy()
    data["signature"] = {"note": "此件主动公开"}
    return data


def test_a_note_under_the_date(write_toml, tmp_path):
    """平潭综合实验区旅游与文化体育局 2024 prints "（此件主动公开）" under its date: the 附注 (§7.3.6), 居左空二字."""
    doc = read_pdf(_built(write_toml, tmp_path, _with_note(), "pdf").read_bytes())
    lines = [ln for page in doc.pages for ln in page.lines]
    [note] = [ln for ln in lines if ln.text == "（此件主动公开）"]
    [date] = [ln for ln in lines if ln.text == "2019年2月14日"]
    assert note.baseline < date.baseline and abs((note.baseline + 29.61) - date.baseline) < 1  # the next line
    assert abs(note.x0 - (28 * 72 / 25.4 + 2 * 156 * 72 / 25.4 / 28)) < 2  # two cells in from the 版心's left edge


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_note_comes_back_on_import(write_toml, tmp_path, kind):
    imported = import_file(_built(write_toml, tmp_path, _with_note(), kind)).result.data
    assert imported["signature"].get("note") == "此件主动公开"
    texts = [str(v) for v in imported.values()]
    assert sum("此件主动公开" in t for t in texts) == 1  # not also a paragraph of the last part


MERGED = Path(__file__).resolve().parent / "data" / "gb2021" / "table3-merged.toml"


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_table_three_rows_printed_merged(tmp_path, kind):
    """平潭综合实验区市场监督管理局 2023 prints one 0 over （六）其他处理 1.–3. in each column: ``merged_rows`` prints
    the first row's numbers spanning the others, and the import writes it back."""
    out = tmp_path / f"report.{kind}"
    build(MERGED, out, to=[kind])
    if kind == "html":
        page = html5lib.parse(out.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        spanning = [c for c in page.iter("td") if c.get("rowspan") == "2" and "".join(c.itertext()).strip() == "0"]
        assert len(spanning) == 7  # the six applicant columns and 总计
    imported = import_file(out).result.data["applications"]
    assert imported["merged_rows"] == ["denied_state_secret", "denied_other_law"]  # a PDF's cell boxes too
    assert all(imported[c]["denied_other_law"] == "" for c in ("natural_person", "other"))


def test_an_imprint_printed_as_a_one_row_table_comes_back(write_toml, tmp_path):
    """平潭综合实验区经济发展局 2019's page prints its 版记 as a table row "……办公室 | 2020年1月2日印发"."""
    page = _built(write_toml, tmp_path, legacy(), "html")
    row = "<table><tr><td>测试县人民政府办公室</td><td>2019年2月15日印发</td></tr></table>"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", row + "</article>"), encoding="utf-8")
    imported = import_file(page).result.data
    assert imported["imprint"] == {"issuer": "测试县人民政府办公室", "date": dt.date(2019, 2, 15)}
    assert imported["signature"].get("organ", "") != "测试县人民政府办公室"


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_the_outcome_label_printed_twice(tmp_path, kind):
    """平潭综合实验区 2019, 2020 print 三、本年度办理结果 as two merged cells, the second from （四）无法提供:
    ``outcome_label_breaks`` prints it so, and the import writes it back."""
    path = write_variant(
        tmp_path, [("[applications]\n", '[applications]\noutcome_label_breaks = ["unable_not_held"]\n')]
    )
    out = tmp_path / f"report.{kind}"
    build(path, out, to=[kind])
    if kind == "html":
        page = html5lib.parse(out.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        cells = [c for c in page.iter() if c.tag in ("th", "td")]
        labels = [c for c in cells if "".join(c.itertext()).strip() == "三、本年度办理结果"]
        spans = [int(c.get("rowspan", 1)) for c in labels]
        assert (
            len(labels) == 2 and spans[0] == 10 and sum(spans) > 20
        )  # （一）…（三）8. in the first, （四）… in the second
    imported = import_file(out).result.data["applications"]
    assert imported["outcome_label_breaks"] == ["unable_not_held"]


def first_font(page) -> str:
    """The font of the 导语's first line: the body's 仿宋."""
    return next(ln for ln in page.lines if ln.text.startswith("特向社会公布")).glyphs[0].font


def test_a_signature_printed_under_the_title(write_toml, tmp_path):
    """上海市青浦区教育局 2011: "上海市青浦区教育局" / "2012年2月15日" centred under the title, nothing after the text
    (``[signature] place = "under-title"``) — printed so in each output, warned, and imported back from each."""
    plain = read_pdf(_built(write_toml, tmp_path, legacy(), "pdf").read_bytes())
    data = legacy(signature={"place": "under-title", "organ": "测试县人民政府办公室"})
    out = _built(write_toml, tmp_path, data, "pdf")
    pdf = read_pdf(out.read_bytes())
    page = pdf.pages[0]
    title = [ln for ln in page.lines if ln.glyphs[0].size > 20]  # 2号 title lines
    organ = next(ln for ln in page.lines if ln.text == "测试县人民政府办公室")
    date = next(ln for ln in page.lines if ln.text == "2019年2月14日")
    assert title[-1].baseline > organ.baseline > date.baseline  # under the title, the organ over the date
    assert title[-1].baseline - organ.baseline < 29.61  # on the first grid line under the title
    assert abs(organ.baseline - date.baseline - 29.61) < 0.5  # and the date on the next
    middle = (title[-1].x0 + title[-1].x1) / 2
    for line in (organ, date):  # centred in the 版心, as the title
        assert abs((line.x0 + line.x1) / 2 - middle) < 3 and line.glyphs[0].font != first_font(page)  # ink, not advance
    first = next(ln for ln in page.lines if ln.text.startswith("特向社会公布"))
    moved = next(ln for ln in plain.pages[0].lines if ln.text.startswith("特向社会公布"))
    assert abs(date.baseline - first.baseline - 2 * 29.61) < 0.5  # one blank line, then the 导语
    assert abs(moved.baseline - first.baseline - 2 * 29.61) < 0.5  # two grid lines lower than without them
    last = pdf.pages[-1]
    assert not any(ln.text in ("测试县人民政府办公室", "2019年2月14日") for ln in last.lines[-4:])  # no 落款 at the end
    assert "common.signature-place" in rules(problems_of(write_toml(data)))
    html = html5lib.parse(
        _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    [p] = [p for p in html.iter("p") if "".join(p.itertext()) == "2019年2月14日"]
    assert "gk-role-byline" in p.get("class")
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    texts = [p.text for p in word.paragraphs]
    at = texts.index("测试县人民政府办公室")
    assert texts[at + 1] == "2019年2月14日" and word.paragraphs[at].style.name == "题下署名"
    assert "测试县人民政府办公室" not in texts[at + 2 :]
    for kind in ("pdf", "html", "docx"):
        imported = import_file(tmp_path / f"report.{kind}").result.data
        assert imported["signature"].get("place") == "under-title", kind
        assert imported["report"]["date"] == dt.date(2019, 2, 14), kind
        assert imported["signature"].get("organ") == "测试县人民政府办公室", kind
        assert not str(imported["preamble"]["text"]).startswith(("测试县", "2019年")), kind


def test_a_signature_place_that_is_not_known_is_an_error(check):
    [p] = [p for p in check(legacy(signature={"place": "上面"})) if p.rule == "common.signature-place"]
    assert p.severity.name == "ERROR" and p.source.keypath == "signature.place"


def test_a_date_in_brackets_under_the_title(write_toml, tmp_path):
    """广东省人民政府办公厅 2013, 绍兴市越城区东浦镇 2016: "（2014年3月11日）" alone under the title, the way a
    report printed as a speech dates itself — printed as typed, read back with its brackets; after the text the
    brackets are warned (GB/T 9704 writes the 成文日期 bare there)."""
    data = legacy(signature={"place": "under-title", "organ": "", "printed_date": "（2019年2月14日）"})
    pdf = read_pdf(_built(write_toml, tmp_path, data, "pdf").read_bytes())
    page = pdf.pages[0]
    title = [ln for ln in page.lines if ln.glyphs[0].size > 20]
    date = next(ln for ln in page.lines if ln.text == "（2019年2月14日）")
    assert title[-1].baseline > date.baseline > page.lines[-1].baseline
    assert not any("2019年2月14日" in ln.text for ln in pdf.pages[-1].lines[-3:])  # nothing signed at the end
    found = rules(problems_of(write_toml(data)))
    assert "common.printed-date" not in found and "common.date-style" not in found
    imported = import_file(tmp_path / "report.pdf").result.data
    assert imported["signature"].get("printed_date") == "（2019年2月14日）"
    assert imported["report"]["date"] == dt.date(2019, 2, 14)
    after = legacy(signature={"printed_date": "（2019年2月14日）"})
    [p] = [p for p in problems_of(write_toml(after)) if p.rule == "common.date-style"]
    assert "括号" in p.message and p.expected == "2019年2月14日"
    wrong = legacy(signature={"printed_date": "（2019年2月15日）"})
    assert "common.printed-date" in rules(problems_of(write_toml(wrong)))


def test_a_preamble_printed_under_the_line_yinyan(write_toml, tmp_path):
    """北京市商务委 2013, 宜川路街道 2012, 越秀区发改局 2016 (and ten more corpus reports): "引 言" printed on a line of
    its own above the 导语 — ``[preamble] heading``: an unnumbered heading (黑体, in the outline), the parts still
    numbered from 一; read back from the PDF, the web page and the Word file, and imported back from each."""
    data = legacy()
    data["preamble"] = {**data["preamble"], "heading": "引言"}
    out = _built(write_toml, tmp_path, data, "pdf")
    page = read_pdf(out.read_bytes()).pages[0]
    heading = next(ln for ln in page.lines if ln.text == "引言")
    opening = next(ln for ln in page.lines if ln.text.startswith("特向社会公布"))
    assert heading.baseline > opening.baseline  # above the 导语 (PDF y grows upwards)
    assert "Hei" in heading.glyphs[0].font and "Hei" not in opening.glyphs[0].font
    assert any(ln.text.startswith("一、") for ln in page.lines)  # the first part is still 一
    outline = [o.title for o in PdfReader(out).outline if not isinstance(o, list)]
    assert outline[0] == "引言" and outline[1].startswith("一、")
    html = html5lib.parse(
        _built(write_toml, tmp_path, data, "html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    heads = [h for tag in ("h2", "h3") for h in html.iter(tag) if "".join(h.itertext()) == "引言"]
    assert len(heads) == 1
    word = docx.Document(str(_built(write_toml, tmp_path, data, "docx")))
    [para] = [p for p in word.paragraphs if p.text == "引言"]
    assert para.style.name.startswith(("Heading", "标题"))
    for kind in ("pdf", "html", "docx"):
        imported = import_file(tmp_path / f"report.{kind}").result.data
        assert imported["preamble"]["heading"] == "引言", kind
        assert not str(imported["preamble"]["text"]).startswith(("引言", "['引言")), kind
