"""The web renderers (compiler/render/html), read back with a standards-conforming HTML parser (html5lib):
valid, self-contained, semantic, tables exactly as the blocks say, the fragment styled inline, links to the
attachments and the PDF.  The pages in a real browser: tests/test_html_browser.py."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from compiler import hookimpl
from compiler.build import build, load_and_check, plan_outputs
from compiler.host.manager import fresh_host
from compiler.model.document import Cell, Paragraph, Run, Table
from compiler.model.sections import SectionType
from tests.attachment_files import image_bytes, pdf_bytes, write_report
from tests.conftest import BUILD_OUTPUTS, legacy

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "nanjiang-2018" / "report.toml"
EXAMPLE_2021 = ROOT / "examples" / "qinglan-data-2024" / "report.toml"


def parse(text: str) -> Element:
    """Parse as the HTML standard says; any parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


def parse_fragment(text: str) -> Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(text)


def text_of(el: Element) -> str:
    return "".join(el.itertext())


def copy_example(example: Path, tmp_path: Path) -> Path:
    """The example folder (with its predecessor, for the cross-year check) in tmp_path."""
    for folder in example.parent.parent.iterdir():
        if folder.is_dir() and (folder / "report.toml").is_file():
            shutil.copytree(folder, tmp_path / folder.name, dirs_exist_ok=True, ignore=BUILD_OUTPUTS)
    return tmp_path / example.parent.name / "report.toml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The seed and the 2021 example, each built to PDF, page and fragment in one build."""
    out: dict[str, dict[str, Path]] = {}
    for name, example in (("seed", SEED), ("2021", EXAMPLE_2021)):
        path = copy_example(example, tmp_path_factory.mktemp(name))
        out[name] = build(path, to=["pdf", "html", "html-fragment"]).outputs
    return out


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_the_examples_build_to_a_valid_self_contained_page(built, name: str) -> None:
    raw = built[name]["html"].read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>")
    doc = parse(raw)
    assert doc.get("lang") == "zh-CN"
    assert doc.find("head/meta[@charset]").get("charset") == "utf-8"
    assert "default-src 'none'" in doc.find("head/meta[@http-equiv='Content-Security-Policy']").get("content")
    assert doc.find("head/title").text.endswith("政府信息公开工作年度报告")
    assert doc.findall(".//script") == [] and not re.search(r"\son[a-z]+=", raw)  # no scripts, no handlers
    for el in doc.iter():  # nothing fetched: no src, no external stylesheets, no url() or @import in CSS
        assert el.get("src") is None and el.tag not in ("link", "iframe", "img", "object", "embed")
        assert not (el.get("href") or "").startswith(("http:", "https:", "//"))
    css = doc.find("head/style").text
    assert "url(" not in css and "@import" not in css
    assert len(doc.findall(".//article")) == 1
    time = doc.find(".//article//time")  # the 成文日期, machine-readable
    assert time is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.get("datetime"))


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_headings_are_in_order_and_the_text_is_the_reports(built, name: str) -> None:
    article = parse(built[name]["html"].read_text(encoding="utf-8")).find(".//article")
    headings = [el for el in article.iter() if re.fullmatch(r"h[1-6]", str(el.tag))]
    levels = [int(h.tag[1]) for h in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels  # never skips a level
    blocks = load_and_check(SEED if name == "seed" else EXAMPLE_2021).blocks
    assert blocks is not None
    parts = [b.text for b in blocks if type(b).__name__ == "Heading" and b.outline_level == 0]
    assert [text_of(h) for h in headings if h.tag == "h2"][: len(parts)] == parts
    paragraphs = [text_of(p) for p in article.iter("p")]
    for block in blocks:
        if isinstance(block, Paragraph):
            assert block.text in paragraphs
    runin = [text_of(s) for s in article.iter("strong")]
    assert runin and all(re.match(r"（[一二三四五六七八九十]+）|\d+\.", s) for s in runin)
    body = next(p for p in article.iter("p") if "body" in (p.get("class") or "") and len(text_of(p)) > 40)
    assert "gk-role-body" in body.get("class")
    assert re.search(r"\.gk-role-body \{[^}]*text-indent: 2em", built[name]["html"].read_text(encoding="utf-8"))


def _cells(table: Element) -> list[list[tuple[str, int, int, str]]]:
    rows = []
    for tr in table.iter("tr"):
        rows.append(
            [
                (text_of(c), int(c.get("rowspan", 1)), int(c.get("colspan", 1)), c.tag)
                for c in tr
                if c.tag in ("th", "td")
            ]
        )
    return rows


def test_tables_two_three_four_have_exactly_the_official_spans_and_associated_headers(built) -> None:
    doc = parse(built["2021"]["html"].read_text(encoding="utf-8"))
    tables = doc.findall(".//table")
    blocks = [b for b in load_and_check(EXAMPLE_2021).blocks or [] if isinstance(b, Table)]
    assert [b.name for b in blocks] == ["table2", "table3", "table4"] and len(tables) == 3
    for block, table in zip(blocks, tables, strict=True):
        want = [[(c.text, c.rowspan, c.colspan) for c in row] for row in block.rows]
        assert [[c[:3] for c in row] for row in _cells(table)] == want
        assert table.find("caption") is not None
        ids = {el.get("id") for el in table.iter() if el.get("id")}
        for td in table.iter("td"):
            assert set(td.get("headers", "").split()) <= ids
        for th in table.iter("th"):
            assert th.get("scope") in ("col", "colgroup", "row", "rowgroup")
    table3 = tables[1]
    assert len(table3.find("thead")) == 3 and table3.find("tbody") is not None
    headers = {el.get("id"): text_of(el) for el in table3.iter("th")}
    first = next(td for td in table3.iter("td") if text_of(td) == "86")  # 一、本年新收 · 自然人
    names = [headers[h] for h in first.get("headers").split()]
    assert names == ["自然人", "申请人情况", "一、本年新收政府信息公开申请数量"]
    vertical = [th for th in table3.iter("th") if th.find("span") is not None]
    assert next(text_of(th) for th in vertical) == "三、本年度办理结果"
    sample = next(td for td in table3.iter("td") if text_of(td) == "41")  # （一）予以公开 · 自然人
    assert {headers[h] for h in sample.get("headers").split()} >= {"（一）予以公开", "三、本年度办理结果", "自然人"}
    assert "gk-num" in sample.get("class")
    html = built["2021"]["html"].read_text(encoding="utf-8")
    assert re.search(r"\.gk-num \{[^}]*text-align: right", html)
    assert re.search(r"\.gk-vertical \{[^}]*writing-mode: vertical-rl", html)
    table2 = tables[0]  # header bands between the blocks of table 二: a cell's headers are the nearest band's
    names2 = {el.get("id"): text_of(el) for el in table2.iter("th")}
    cell = next(td for td in table2.iter("td") if text_of(td) == "1286")
    assert [names2[h] for h in cell.get("headers").split()] == ["本年处理决定数量", "第二十条第（五）项", "行政许可"]
    regions = doc.findall(".//div[@role='region']")  # each table in its own scrolling box, named by its caption
    assert [r.find("table") for r in regions] == tables
    assert all(
        r.get("tabindex") == "0" and r.get("aria-labelledby") == r.find("table/caption").get("id") for r in regions
    )
    assert re.search(r"\.gk-table-wrap \{[^}]*overflow-x: auto", html)


def test_the_legacy_appended_tables_have_a_visible_caption_and_row_headers(write_toml) -> None:
    data = legacy(tables={"text": "见附表。", "include": ["active", "staffing"]})
    path = write_toml(data)
    out = build(path, to=["html"]).outputs["html"]
    tables = parse(out.read_text(encoding="utf-8")).findall(".//table")
    assert [text_of(t.find("caption")) for t in tables] == [
        "附表1　主动公开政府信息情况统计表",
        "附表2　工作人员和费用支出情况统计表",
    ]
    assert all(t.find("caption").get("data-gongkai-added") is None for t in tables)
    head = tables[0].find("thead/tr")
    assert [(text_of(th), th.get("scope")) for th in head] == [("指标", "col"), ("数量", "col")]
    body_rows = tables[0].findall("tbody/tr")
    assert any(tr[0].tag == "th" and tr[0].get("scope") == "row" for tr in body_rows)


def test_the_fragment_is_the_article_alone_with_every_style_inline(built) -> None:
    raw = built["2021"]["html-fragment"].read_text(encoding="utf-8")
    assert raw.startswith("<article") and raw.rstrip().endswith("</article>")
    fragment = parse_fragment(raw)
    article = fragment[0]
    assert article.tag == "article" and article.get("lang") == "zh-CN"
    assert "<style" not in raw and "class=" not in raw and "<script" not in raw
    styled = ("article", "h1", "h2", "h3", "p", "strong", "table", "th", "td", "caption", "div")
    for el in article.iter():
        if el.tag in styled:
            assert el.get("style"), f"<{el.tag}> without inline style"
    assert "font-family" in article.get("style") and "仿宋_GB2312" in article.get("style")
    page = parse(built["2021"]["html"].read_text(encoding="utf-8")).find(".//article")
    assert re.sub(r"\s+", "", text_of(article)) == re.sub(r"\s+", "", text_of(page))  # the page's words and numbers
    num = next(td for td in article.iter("td") if text_of(td) == "1286")
    assert "text-align: right" in num.get("style")


def test_print_stylesheet_gives_the_style_sheets_a4_page_and_font_stacks(built) -> None:
    css = parse(built["seed"]["html"].read_text(encoding="utf-8")).find("head/style").text
    printed = css[css.index("@media print") :]
    assert "@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }" in printed
    assert re.search(r"\.gk-role-body \{[^}]*font-size: 16pt;[^}]*line-height: 29\.61pt", printed)
    body = re.search(r"\.gk-role-body \{([^}]*)\}", css).group(1)
    for family in ('"仿宋_GB2312"', '"FangSong"', '"STFangsong"', '"Gongkai FangSong"', '"Noto Serif CJK SC"'):
        assert family in body
    assert re.search(r'\.gk-role-heading1 \{[^}]*"黑体", "SimHei", "STHeiti"[^}]*sans-serif', css)
    title = re.search(r"\.gk-role-title \{([^}]*)\}", css).group(1)  # 小标宋 first; bold only from a bold face
    assert '"方正小标宋简体"' in title and "font-weight: bold" in title and "font-synthesis: style" in title


def test_attachments_and_the_pdf_built_with_it_are_linked_by_relative_paths(tmp_path: Path) -> None:
    files = {"scan.png": image_bytes((800, 1100), "PNG"), "考核结果.pdf": pdf_bytes([(595, 842)] * 2)}
    attachments = [
        {"file": "files/scan.png", "title": "公开目录截图"},
        {"file": "files/考核结果.pdf", "title": "考核结果"},
    ]
    (tmp_path / "files").mkdir()
    path = write_report(tmp_path, attachments, {f"files/{k}": v for k, v in files.items()})
    (tmp_path / "web").mkdir()
    out = tmp_path / "web" / "r"
    result = build(path, out, to=["html", "pdf"])
    page = parse(result.outputs["html"].read_text(encoding="utf-8"))
    links = {text_of(a): a.get("href") for a in page.iter("a")}
    assert links["附件1　公开目录截图"] == "../files/scan.png"
    assert links["附件2　考核结果"] == "../files/%E8%80%83%E6%A0%B8%E7%BB%93%E6%9E%9C.pdf"
    assert links["PDF 版（r.pdf）"] == "r.pdf"
    section = next(s for s in page.iter("section") if s.get("data-gongkai-added") is not None)
    assert text_of(section.find("h2")) == "附件"
    alone = build(path, tmp_path / "alone.html", to=["html"]).outputs["html"]
    assert "PDF 版" not in alone.read_text(encoding="utf-8")


class NewMedia:
    """A third-party section with its own paragraph and table: no HTML-specific code anywhere."""

    def blocks(self, ctx):
        table = Table([[Cell("账号"), Cell("发布量")], [Cell("微信公众号"), Cell("1,024")]], [2, 1], header_rows=1)
        return [ctx.heading(), Paragraph([Run("（一）账号。", "runin2"), Run("开设账号2个。")]), table]

    @hookimpl
    def gongkai_register_sections(self, register):
        register(SectionType(key="newmedia", title="政务新媒体情况", formats=frozenset({"legacy"}), after="other",
                             build=self.blocks))  # fmt: skip


def test_a_third_party_section_appears_in_the_page(write_toml) -> None:
    path = write_toml(legacy(newmedia={}))
    out = build(path, to=["html"], host=fresh_host([(NewMedia(), "newmedia")])).outputs["html"]
    article = parse(out.read_text(encoding="utf-8")).find(".//article")
    h2 = [text_of(h) for h in article.iter("h2")]
    assert "九、政务新媒体情况" in h2 or any(h.endswith("政务新媒体情况") for h in h2)
    assert any(text_of(s) == "（一）账号。" for s in article.iter("strong"))
    td = next(td for td in article.iter("td") if text_of(td) == "1,024")
    assert td.get("headers") and "gk-num" in td.get("class")


def test_outputs_and_suffixes_on_the_command_line(tmp_path: Path) -> None:
    host = fresh_host([])
    src = tmp_path / "r.toml"
    assert plan_outputs(host, src, tmp_path / "x.fragment.html", None) == {
        "html-fragment": tmp_path / "x.fragment.html"
    }
    assert plan_outputs(host, src, tmp_path / "x.html", None) == {"html": tmp_path / "x.html"}
    assert plan_outputs(host, src, tmp_path / "o.html", ["pdf", "html", "html-fragment"]) == {
        "pdf": tmp_path / "o.pdf",
        "html": tmp_path / "o.html",
        "html-fragment": tmp_path / "o.fragment.html",
    }
    assert plan_outputs(host, src, None, ["html-fragment"]) == {"html-fragment": tmp_path / "r.fragment.html"}


def test_build_to_html_in_a_batch_from_the_command_line(tmp_path: Path) -> None:
    a = copy_example(SEED, tmp_path / "a")
    b = copy_example(EXAMPLE_2021, tmp_path / "b")
    run = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(a), str(b), "--to", "html", "-j", "1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert a.with_suffix(".html").is_file() and b.with_suffix(".html").is_file()
    assert not a.with_suffix(".pdf").exists()
    assert "report.html" in run.stdout and "pages" not in run.stdout  # a web page has no page count to print


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        c_ = c / 255
        return c_ / 12.92 if c_ <= 0.03928 else ((c_ + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_have_sufficient_contrast_on_the_white_page(built) -> None:
    css = parse(built["2021"]["html"].read_text(encoding="utf-8")).find("head/style").text
    assert re.search(r"\.gk-article \{[^}]*background-color: #ffffff", css)
    text = re.findall(r"(?<![-\w])color: (#[0-9a-fA-F]{6})", css)
    assert text and all(contrast(c, "#ffffff") >= 4.5 for c in text), text  # WCAG 1.4.3 AA
    rules = re.findall(r"(?:border|border-top|outline): [^;]*?(#[0-9a-fA-F]{6})", css)
    assert rules and all(contrast(c, "#ffffff") >= 3 for c in rules), rules  # WCAG 1.4.11, non-text contrast


class Hostile:
    """A section whose text looks like markup: it must arrive as text."""

    def blocks(self, ctx):
        return [ctx.heading(), Paragraph([Run('<script>alert("x")</script> & <b onclick=1>粗</b>')])]

    @hookimpl
    def gongkai_register_sections(self, register):
        register(SectionType(key="hostile", title="标记测试", formats=frozenset({"legacy"}), after="other",
                             build=self.blocks))  # fmt: skip


def test_text_that_looks_like_markup_is_escaped(write_toml) -> None:
    path = write_toml(legacy(hostile={}))
    outputs = build(path, to=["html", "html-fragment"], host=fresh_host([(Hostile(), "hostile")])).outputs
    page = parse(outputs["html"].read_text(encoding="utf-8"))
    fragment = parse_fragment(outputs["html-fragment"].read_text(encoding="utf-8"))
    for root in (page, fragment):
        assert not [el for el in root.iter() if el.tag in ("script", "b")]
        assert any(text_of(p) == '<script>alert("x")</script> & <b onclick=1>粗</b>' for p in root.iter("p"))


def test_a_table_is_kept_on_one_printed_page_only_when_it_fits(write_toml) -> None:
    def classes(rows: int) -> list[str]:
        data = legacy(tables={"text": "见附表。", "include": ["active"]})
        data["active"]["categories"] = {f"类别{i}": 1 for i in range(rows)}
        data["active"]["total"] = rows
        data["active"]["text"] = "全年主动公开政府信息{active.total}条。"
        out = build(write_toml(data), to=["html"]).outputs["html"]
        regions = parse(out.read_text(encoding="utf-8")).findall(".//div[@role='region']")
        return [r.get("class") for r in regions]

    assert classes(3) == ["gk-table-wrap gk-keep"]
    assert classes(80) == ["gk-table-wrap"]  # taller than a page: it breaks, its header row repeats


def test_header_association_is_linear_in_the_rows() -> None:
    """A 附表 of thousands of rows: every cell's headers found in one pass, not by walking up from each cell."""
    import time

    from compiler.render.html.tables import layout

    rows = [[Cell("指标"), Cell("数量")], *([Cell(f"类别{i}"), Cell(str(i))] for i in range(5000))]
    started = time.perf_counter()
    grid = layout(Table(rows, [3, 1], header_rows=1), "t-")
    assert time.perf_counter() - started < 1.5  # quadratic took 5 s here
    assert grid.rows[4000][1].headers == ["t-r0c1", "t-r4000c0"]


def test_the_example_third_party_plugin_appears_in_the_page(write_toml) -> None:
    """examples/custom-section-plugin, unchanged: its part is numbered in place in the page as in the PDF."""
    import importlib.util

    init = ROOT / "examples" / "custom-section-plugin" / "gongkai_newmedia" / "__init__.py"
    spec = importlib.util.spec_from_file_location("gongkai_newmedia", init)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = legacy()
    data["newmedia"] = {"text": "全县共有账号{newmedia.account_sum}个。", "accounts": {"微博": 1}}
    data["newmedia"]["posts"] = {"微博": 10}
    out = build(write_toml(data), to=["html"], host=fresh_host(extra=[(module, "newmedia")])).outputs["html"]
    article = parse(out.read_text(encoding="utf-8")).find(".//article")
    parts = [text_of(h) for h in article.iter("h2")]
    assert parts[-3:] == ["八、其他需要报告的事项", "九、政务新媒体情况", "十、附表"]
    assert "全县共有账号1个。" in [text_of(p) for p in article.iter("p")]
