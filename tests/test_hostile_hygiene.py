"""Text hygiene (compiler/source/hygiene.py) and ``gongkai fmt`` (compiler/source/fmt.py): what pasted text is fixed,
how each fix is reported (key, line, column; ``--strict`` makes it an error), that the PDF carries the fixed text, and
that ``fmt`` edits only the characters it reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
import tomli_w
from conftest import legacy

from compiler.build import build, check_report
from compiler.cli.commands import main
from compiler.source.fmt import format_file
from compiler.source.hygiene import clean_text
from compiler.source.tomlliterals import scan

ROOT = Path(__file__).resolve().parent.parent


def fixed(text: str) -> str:
    return clean_text(text).text


# --- the rules ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("2018年,南江县", "2018年，南江县"),
        ("落实:公开;回应?好!", "落实：公开；回应？好！"),
        ("本县(以下简称本县)", "本县（以下简称本县）"),
        ("函(2018)4号", "函（2018）4号"),  # a pair is converted as a pair, digits inside or not
        ("（以下简称本县)", "（以下简称本县）"),  # a mixed pair is evened out
        ('他说"你好"。', "他说“你好”。"),
        ('他说“你好"。', "他说“你好”。"),
        ("南江\u200b县\ufeff人民\u00ad政府", "南江县人民政府"),
        ("概述\u0007正文\u0000。", "概述正文。"),
        ("  2018年，南江县　", "2018年，南江县"),
        ("南江县 人民政府", "南江县人民政府"),
        ("第一行\n第二行", "第一行第二行"),
        ("GDP\u00a0growth", "GDP growth"),
        ("Hello  world", "Hello world"),
        ("满意😀\ufe0f。", "满意😀。"),
        ("非字符\uffff。", "非字符。"),
        # a title within a title (平潭 2022 reports, GB/T 15834-2011 §4.15.3)
        ("按照《关于印发<信息处理费管理办法>的通知》规定", "按照《关于印发〈信息处理费管理办法〉的通知》规定"),
        ("《上海市贯彻＜长江三角洲规划纲要＞实施方案》", "《上海市贯彻〈长江三角洲规划纲要〉实施方案》"),
        # small and vertical forms (永泰县赤锡乡 2010: "赤政﹝2011﹞6号"; no open CJK font has their glyphs)
        ("赤政﹝2011﹞6号", "赤政〔2011〕6号"),
        ("通知﹐请﹙注意﹚﹗", "通知，请（注意）！"),
        ("︽条例︾︵试行︶", "《条例》（试行）"),
        # a two-character label spread to the width of three in a roster (柳北区白露街道 2021): one ideographic space
        ("组 长:黄以忠办事处主任", "组\u3000长：黄以忠办事处主任"),
        ("成  员：各部门负责人。", "成\u3000员：各部门负责人。"),
        ("副组长：周飞", "副组长：周飞"),
        ("规 章", "规章"),  # alone, not a label: a table's row label is compared with the format's
        ("领导小组 组长：某某", "领导小组组长：某某"),  # not the string's first two characters
        # two labelled items of one line (江苏省信访局 2013): the white between them is one ideographic space
        ("邮政编码:210008           电子信箱:jsxfwz@126.com", "邮政编码：210008\u3000电子信箱：jsxfwz@126.com"),
        ("联系电话:025-83392172     传真号码:025-83396905", "联系电话：025-83392172\u3000传真号码：025-83396905"),
        ("电话：1234 5678", "电话：1234 5678"),  # no label after the white
        # two organs named together, a joint issuer (芜湖市 2017, 黄埔区 2022): one ideographic space between them
        (
            "《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》",
            "《中共中央办公厅\u3000国务院办公厅关于全面推进政务公开工作的意见》",
        ),
        ("广州市黄埔区人民政府 广州开发区管委会", "广州市黄埔区人民政府\u3000广州开发区管委会"),
        ("县人民政府办公室 工作人员", "县人民政府办公室工作人员"),  # no second organ after the white
    ],
)
def test_pasted_debris_is_fixed(raw, clean):
    assert fixed(raw) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "共1,234条",
        "时间10:30",
        "Hello, world (ok)!",
        "网址http://www.a.gov.cn/x?id=1&y=2",
        "http//:www.scnj.gov.cn/",
        "{sum(active.channels.微博, active.channels.微信)}",
        "{{字面}}",
        "概　述",  # a deliberate ideographic space between two Chinese characters
        "0827—8221339",
        "𠮷野家",
        "《条例》<注>",  # angle brackets outside a title
        "《a<b>c》",  # nothing Chinese inside them
        # 山东省人民政府 2017 prints its 导语 in English too: curly quotes in English are English marks
        "Regulations of the PRC (hereinafter “Regulations”)and Solutions (hereinafter “Solutions”); and it",
        "available at “China Shandong” (www.shandong.gov.cn).",
    ],
)
def test_latin_context_references_and_urls_are_left_alone(kept):
    assert fixed(kept) == kept
    assert clean_text(kept).changes == ()


def test_curly_quotes_beside_chinese_still_make_a_chinese_context():
    """The quotes Chinese sets full-width make a Chinese context where Chinese stands beside them, past spaces."""
    assert fixed("坚持“谁审核谁负责” (试行)原则") == "坚持“谁审核谁负责”（试行）原则"
    assert fixed("称为“Regulations” ,以下") == "称为“Regulations”，以下"
    assert fixed("“12345”热线 (市长信箱)") == "“12345”热线（市长信箱）"


def test_unpaired_quotes_and_private_use_are_reported_not_changed():
    result = clean_text('他说"你好。私\ue000用')
    assert result.text == '他说"你好。私\ue000用'
    assert sorted(c.rule for c in result.changes) == ["hygiene.private-use", "hygiene.unpaired-quote"]
    assert all(c.new is None for c in result.changes)


def test_each_change_names_its_position_in_the_original():
    result = clean_text("a\u200b中,文")
    assert [(c.index, c.old, c.new) for c in result.changes] == [(1, "\u200b", ""), (3, ",", "，")]


# --- reporting ---------------------------------------------------------------------------------------------


def test_warnings_name_key_line_and_column(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(overview={"text": "概述,正文。"})), encoding="utf-8")
    _, problems = check_report(path)
    [p] = [p for p in problems if p.rule.startswith("hygiene.")]
    assert p.rule == "hygiene.punctuation" and p.severity.name == "WARNING"
    assert p.source.keypath == "overview.text"
    line = path.read_text(encoding="utf-8").splitlines()[p.source.line - 1]
    assert line[p.details["column"] - 1] == ","


def test_strict_turns_hygiene_warnings_into_errors(tmp_path, capsys):
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(overview={"text": "概述\u200b。"})), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert main(["check", "--strict", str(path)]) == 1
    assert "错误[hygiene.invisible]" in capsys.readouterr().out
    assert main(["build", "--strict", str(path)]) == 1
    assert not path.with_suffix(".pdf").exists()


def test_the_pdf_carries_the_fixed_text(tmp_path):
    path = tmp_path / "r.toml"
    text = '2018年,本县(以下简称本县)落实"公开"要求\u200b。'
    path.write_text(tomli_w.dumps(legacy(overview={"text": text})), encoding="utf-8")
    result = build(path)
    with pdfplumber.open(result.output) as pdf:
        extracted = "".join(page.extract_text() for page in pdf.pages).replace("\n", "")
    assert "2018年，本县（以下简称本县）落实“公开”要求。" in extracted
    assert "," not in extracted.split("二、")[0] and "\u200b" not in extracted


@pytest.mark.parametrize(
    ("raw", "heading", "clean"),
    [
        ("引 言", True, "引\u3000言"),
        ("概  述", True, "概\u3000述"),  # two spaces as stored (金山区卫生局 2012): one ideographic space
        ("引\u3000言", True, "引\u3000言"),
        ("引 言", False, "引言"),  # a text, not a heading: the space is debris
        ("主动 公开情况", True, "主动公开情况"),  # more than two characters: not a spread heading
    ],
)
def test_a_two_character_heading_keeps_its_spread_as_one_ideographic_space(raw, heading, clean):
    assert clean_text(raw, heading=heading).text == clean


def test_a_spread_heading_prints_spread_with_one_warning(tmp_path):
    """北京市商务委 2013 prints "引 言" over its 导语; the PDF sets it one character apart, and says so once."""
    path = tmp_path / "r.toml"
    data = legacy()
    data["preamble"] = {**data["preamble"], "heading": "引  言"}
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    _, problems = check_report(path)
    spaces = [p for p in problems if p.rule == "hygiene.space" and p.source.keypath == "preamble.heading"]
    assert len(spaces) == 1 and "全角空格" in spaces[0].message
    result = build(path)
    with pdfplumber.open(result.output) as pdf:
        chars = pdf.pages[0].chars
    yin = next(c for c in chars if c["text"] == "引")
    yan = next(c for c in chars if c["text"] == "言" and abs(c["top"] - yin["top"]) < 1)
    size = yin["size"]
    assert yan["x0"] - yin["x0"] == pytest.approx(2 * size, abs=0.5)  # one em of glyph, one em of space


def test_a_small_form_document_number_builds_and_prints_the_ordinary_brackets(tmp_path):
    """The 发文字号 typed with the small brackets ﹝﹞ used to stop the build (font.missing-glyph): it is printed with
    〔〕, reported once per mark, and the document-number check reads the printed form."""
    data = legacy(overview={"text": "本年度工作情况如下。"})
    data["report"] = {**data["report"], "document_number": "赤政﹝2011﹞6号"}
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    problems = check_report(path)[1]
    small = [p for p in problems if p.rule == "hygiene.small-form"]
    assert [p.source.keypath for p in small] == ["report.document_number"] * 2
    assert "改为 〔" in small[0].message and "改为 〕" in small[1].message and small[0].source.line is not None
    assert "common.document-number" not in {p.rule for p in problems}
    result = build(path)
    with pdfplumber.open(result.output) as pdf:
        extracted = "".join(page.extract_text() for page in pdf.pages)
    assert "赤政〔2011〕6号" in extracted and "﹝" not in extracted


def test_a_flood_of_changes_is_summed_up(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(overview={"text": "中,文" * 120})), encoding="utf-8")
    _, problems = check_report(path)
    found = [p for p in problems if p.rule == "hygiene.punctuation"]
    assert len(found) == 51
    assert "另有 70 处" in found[-1].message


# --- gongkai fmt -------------------------------------------------------------------------------------------

MESSY = (
    "# 注释要保留\n"
    'format = "legacy"  # 行尾注释\n'
    "\n"
    "[overview]\n"
    "text = [\n"
    '  "第一段,含\\u200b零宽。",  # 数组里的注释\n'
    "  '字面量(注)',\n"
    "]\n"
    'after = """\n'
    "多行\n"
    '文字 ,好"""\n'
    "[report]\n"
    'organ = "  某县 "\n'
    'website = "http://a.gov.cn/x?y=1"\n'
)
FIXED = (
    "# 注释要保留\n"
    'format = "legacy"  # 行尾注释\n'
    "\n"
    "[overview]\n"
    "text = [\n"
    '  "第一段，含零宽。",  # 数组里的注释\n'
    "  '字面量（注）',\n"
    "]\n"
    'after = """\n'
    '多行文字，好"""\n'
    "[report]\n"
    'organ = "某县"\n'
    'website = "http://a.gov.cn/x?y=1"\n'
)


def test_fmt_edits_the_string_literals_in_place(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(MESSY, encoding="utf-8")
    result = format_file(path)
    assert result.written and result.fixes == 10
    assert path.read_text(encoding="utf-8") == FIXED


def test_fmt_keeps_bom_and_crlf(tmp_path):
    path = tmp_path / "r.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode("utf-8"))
    format_file(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert raw[3:].decode("utf-8").replace("\r\n", "\n") == FIXED


def test_fmt_never_touches_a_clean_file(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(FIXED, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = format_file(path)
    assert not result.changed and not result.written
    assert path.stat().st_mtime == 1_000_000_000
    assert path.read_text(encoding="utf-8") == FIXED


def test_fmt_is_idempotent_and_check_mode_reports_with_exit_1(tmp_path, capsys):
    path = tmp_path / "r.toml"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == MESSY  # --check writes nothing
    assert main(["fmt", "--diff", str(path)]) == 0
    assert "+  '字面量（注）'," in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == MESSY
    assert main(["fmt", str(path)]) == 0
    assert main(["fmt", "--check", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == FIXED


def test_fmt_follows_a_symlink_and_keeps_permissions(tmp_path):
    real = tmp_path / "real.toml"
    real.write_text(MESSY, encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    format_file(link)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == FIXED
    assert real.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "real.toml"]  # no temp file, no backup


def test_fmt_refuses_unreadable_input_with_exit_2(tmp_path):
    path = tmp_path / "r.toml"
    path.write_bytes(MESSY.encode("gbk"))
    assert main(["fmt", str(path)]) == 2
    assert path.read_bytes() == MESSY.encode("gbk")


def test_fmt_matches_what_check_reports(tmp_path):
    """After ``fmt``, ``check`` has no hygiene fix left to report: both apply the same rules at the same keys."""
    path = tmp_path / "r.toml"
    items = [{"heading": "标题:", "points": ["一,", "二;"]}]
    data = legacy(overview={"text": ["概述,正文\u200b。", "第二段 (注)"], "items": items})
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert any(p.rule.startswith("hygiene.") for p in check_report(path)[1])
    format_file(path)
    assert not any(p.rule.startswith("hygiene.") for p in check_report(path)[1])


def test_the_scanner_decodes_every_string_like_tomllib():
    import tomllib

    for report in sorted((ROOT / "examples").glob("*/report.toml")):
        text = report.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        literals = scan(text)
        assert literals
        for literal in literals:
            value = data
            for part in literal.path:
                value = value[part]
            assert value == literal.value
            for (start, end), ch in zip(literal.spans, literal.value, strict=True):
                piece = text[start:end]
                assert piece == ch or piece.startswith("\\") or (piece == "\r\n" and ch == "\n")


def test_fmt_command_runs_as_a_module(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(MESSY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "fmt", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "已修改 10 处" in done.stdout
    assert path.read_text(encoding="utf-8") == FIXED
