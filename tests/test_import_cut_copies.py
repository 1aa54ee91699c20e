"""A published page that holds only the title, the opening and part 一 (a portal's copy cut short, a report whose
other parts are printed without numbers) is still recognised — by its title — and read in the format of the year
the title names; a page that is no annual report is still refused."""

from __future__ import annotations

import json

import pytest

from compiler.cli.commands import main
from compiler.importers.run import import_file
from compiler.model.problems import ReportError

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<p>{title}</p>
<p>根据《中华人民共和国政府信息公开条例》规定，现公布本年度政府信息公开工作年度报告。如对本报告有疑问，请与某县人民政府办公室联系。</p>
<p>一、{first}</p>
<p>{year}年，我县认真贯彻落实《条例》，扎实推进政府信息公开工作。</p>
</body></html>"""


def _page(tmp_path, year: int, first: str, title: str | None = None):
    path = tmp_path / f"cut-{year}.html"
    title = title or f"某县人民政府{year}年政府信息公开工作年度报告"
    path.write_text(PAGE.format(title=title, year=year, first=first), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("year", "first", "fmt"),
    [(2011, "概述", "legacy"), (2020, "总体情况", "2019"), (2022, "总体情况", "2021")],
)
def test_a_copy_cut_after_part_one_is_read_in_its_years_format(tmp_path, year, first, fmt):
    imported = import_file(_page(tmp_path, year, first))
    assert imported.result.format == fmt
    report = imported.result.data["report"]
    assert report["organ"] == "某县人民政府" and report["year"] == year
    assert "扎实推进政府信息公开工作" in imported.toml
    # what the copy lacks is said, not guessed
    assert any("没有找到这些部分的标题" in p.message for p in imported.problems)


def test_check_of_a_cut_copy_reports_on_its_text(tmp_path, capsys):
    code = main(["check", str(_page(tmp_path, 2022, "总体情况"))])
    out = capsys.readouterr().out
    assert code == 1 and "（2021）" in out and "import.unknown-format" not in out


def test_a_page_that_is_no_report_is_still_refused(tmp_path, capsys):
    path = _page(tmp_path, 2022, "工作动态", title="某县召开政务公开工作推进会")
    with pytest.raises(ReportError) as caught:
        import_file(path)
    assert caught.value.problems[0].rule == "import.unknown-format"
    assert main(["check", str(path)]) == 2
    assert "无法把“cut-2022.html”识别为任何已知格式的年度报告" in capsys.readouterr().out


def test_a_copy_with_neither_title_nor_opening_takes_its_year_from_part_one(tmp_path):
    """白露街道 2021's stored copy opens with "一、总体情况" and "2021年白露街道积极按照……": no title, no 导语 — the
    year is read from part 一's first words, and said to be read so."""
    page = tmp_path / "no-title.html"
    page.write_text(
        """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>一、总体情况</p><p>2022年某街道认真贯彻落实《条例》，扎实推进政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息12条。</p>
<p>三、收到和处理政府信息公开申请情况</p><p>全年未收到政府信息公开申请。</p>
</body></html>""",
        encoding="utf-8",
    )
    imported = import_file(page)
    assert imported.result.data["report"]["year"] == 2022
    assert any("第一部分开头" in p.message for p in imported.problems)
    assert "organ" not in imported.result.data["report"]  # not guessed


def test_part_one_that_names_its_report_gives_organ_year_and_format(tmp_path):
    """A copy that opens with 一、总体情况 and whose first paragraph says "现将某某镇2022年政府信息公开工作报告如下"
    under (一)(二) sub-parts: the report named there gives organ and year, the year the format — not the legacy
    format its （一）-numbered sub-parts would suggest on their own (白露街道 2021's stored copy)."""
    page = tmp_path / "opens-with-part-one.html"
    page.write_text(
        """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>一、总体情况</p>
<p>2022年某某镇按照区政府的统一部署，扎实推进政务公开。现将某某镇2022年政府信息公开工作报告如下：</p>
<p>（一）政府信息公开工作机构和人员设置情况。</p><p>镇政府成立了政务公开工作领导小组。</p>
<p>（二）建立健全政府信息公开工作制度情况。</p><p>制定了政务公开制度。</p>
</body></html>""",
        encoding="utf-8",
    )
    imported = import_file(page)
    assert imported.result.format == "2021"
    report = imported.result.data["report"]
    assert report["organ"] == "某某镇" and report["year"] == 2022
    assert any("取自第一部分开头" in p.message and p.source.keypath == "report" for p in imported.problems)
    items = imported.result.data["overview"]["items"]
    assert [i["heading"] for i in items] == [
        "政府信息公开工作机构和人员设置情况。",
        "建立健全政府信息公开工作制度情况。",
    ]


def test_an_opening_that_names_no_year_takes_it_from_part_one(tmp_path):
    """城中区 2021's stored copy has no title, and its 导语 says only "本年度报告是根据《中华人民共和国政府信息公开
    条例》……编制而成": an annual report under the 条例, year unsaid. Part 一's first words give the year, and that the
    导语 says what the document is counts as evidence, as a statistics period does — it is read, not refused."""
    page = tmp_path / "no-year.html"
    page.write_text(
        """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>本年度报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由某区人民政府办公室编制。</p>
<p>一、总体情况</p><p>2022年某区政务公开工作扎实推进。</p>
</body></html>""",
        encoding="utf-8",
    )
    imported = import_file(page)
    assert imported.result.format == "2021" and imported.result.data["report"]["year"] == 2022
    assert any("导语没有说年度" in p.message for p in imported.problems)
    news = tmp_path / "news.html"  # the same shape without the 导语's words is no report
    news.write_text(page.read_text(encoding="utf-8").replace("本年度报告是根据", "会议传达了"), encoding="utf-8")
    with pytest.raises(ReportError):
        import_file(news)


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_part_one_printed_without_its_heading_comes_back(tmp_path, kind):
    """榆树市环城乡 2023 (held-out round 83): the 导语, then "（一）主动公开情况。……" with no "一、总体情况" over it.
    Built with ``no_heading = true`` and read back from each output: the sub-parts are part 一's again, the heading
    is still said to be missing, and the 导语 keeps its own paragraphs only."""
    from compiler.build import build
    from tests.gb2021_support import write_variant

    source = write_variant(
        tmp_path,
        [
            (
                'text = "{report.year}年，{report.organ}坚持以公开为常态、不公开为例外，围绕数字政府建设、'
                '公共数据开放和数据要素市场培育等中心工作，持续深化政府信息公开，以公开促落实、促规范、促服务。"\n',
                "no_heading = true\n",
            )
        ],
    )
    out = build(source, tmp_path / f"built.{kind}", to=[kind]).outputs[kind]
    data = import_file(out).result.data
    assert data["overview"].get("no_heading") is True
    assert "active" in data["overview"] and "applications" in data["overview"]
    assert len(data["preamble"]["text"]) == 2 and not any("（一）" in t for t in data["preamble"]["text"])


def test_check_of_a_page_whose_organ_cannot_be_read_still_checks_its_text(tmp_path, capsys):
    """A copy without title whose text never names its organ (沈河区 2020's stored copy: the 导语 names only the 办公室
    that compiled it): the organ is left for the user — an error, so no PDF is built from the import as it is — but
    ``gongkai check`` of the page still reads everything else, as an assessor checking the page needs (it read
    nothing else before: 22 of the 104 stored copies of the held-out rounds)."""
    page = tmp_path / "no-organ.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>根据《中华人民共和国政府信息公开条例》(国务院令第711号)和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作"
        "年度报告有关事项的通知》(国办公开函〔2019〕60号)规定，编制本报告。本报告中所列数据的统计期限自2020年1月1日起至"
        "2020年12月31日止。</p>\n<p>一、总体情况</p>\n<p>2020年，我们认真贯彻落实《条例》，扎实推进政府信息公开工作。</p>\n"
        "</body></html>",
        encoding="utf-8",
    )
    assert main(["check", "--format", "json", str(page)]) == 1
    found = {(p["rule"], p.get("keypath")) for p in json.loads(capsys.readouterr().out)["problems"]}
    assert ("input.missing-key", "report.organ") in found
    rules = {rule for rule, _ in found}
    assert "common.misused-word" in rules  # 国办公开函 for 国办公开办函: the text was read
    assert "common.title-wording" not in rules  # no title printed, none invented to be checked


def test_part_one_printed_as_its_number_alone_is_the_overview(tmp_path):
    """上海市黄浦区 2015's stored copy prints part 一 as "一、" and nothing after it (its words lost): where no part was
    found yet, the number alone is part 一, under the format's title — said so, not guessed silently."""
    page = tmp_path / "untitled.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>某区人民政府2015年政府信息公开工作年度报告</p>\n"
        "<p>本年度报告根据《中华人民共和国政府信息公开条例》编制，全文包括概述、主动公开政府信息的情况等。</p>\n"
        "<p>一、</p>\n<p>2015年，我区认真贯彻落实《条例》，扎实推进政府信息公开工作。</p>\n</body></html>",
        encoding="utf-8",
    )
    imported = import_file(page)
    assert imported.result.format == "legacy"
    assert "扎实推进政府信息公开工作" in str(imported.result.data["overview"].get("text"))
    assert any("只印了序号“一、”" in p.message for p in imported.problems)


def test_the_legacy_published_count_and_its_kinds_are_read_and_checked(tmp_path, capsys):
    """北京市西城区展览路街道 2014's page: "共主动公开政府信息235条" is the 主动公开 total (a second phrase for that
    total, "清理出N条……已公开", had hidden the first from the import), and the kinds listed with their counts and
    shares are the part's categories, so that "业务动态类信息197条,占总体的比例为83.84%" is checked
    (197 ÷ 235 = 83.83 %)."""
    page = tmp_path / "zhanlanlu.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>某街道2014年政府信息公开工作年度报告</p>\n"
        "<p>本报告根据《中华人民共和国政府信息公开条例》编制。如对本报告有疑问，请与某街道办事处联系。</p>\n"
        "<p>一、主动公开政府信息情况</p>\n<p>本单位2014年共主动公开政府信息235条,其中全文电子化率达100%。</p>\n"
        "<p>在主动公开的信息中,机构职能类信息9条,占总体的比例为3.83%;规划计划类信息4条,占总体的比例为1.70%;"
        "行政职责类信息25条,占总体的比例为10.64%;业务动态类信息197条,占总体的比例为83.84%。</p>\n"
        "</body></html>",
        encoding="utf-8",
    )
    imported = import_file(page)
    active = imported.result.data["active"]
    assert active["total"] == 235
    kinds = {"机构职能类信息": 9, "规划计划类信息": 4, "行政职责类信息": 25, "业务动态类信息": 197}
    assert active["categories"] == kinds
    assert any("按类别的主动公开条数取自正文" in p.message for p in imported.problems)
    main(["check", str(page)])
    out = capsys.readouterr()
    assert "83.84%" in out.out + out.err and "83.83%" in out.out + out.err


def test_directory_rows_parted_by_spaces_are_the_pages_not_the_reports(tmp_path):
    """紫阳县 2015's page (held-out round 95): the 目录 rows part label and value by a space only, which the reader
    drops between Chinese characters — "索引号 719776475-GK-2016-91810 发布日期 2016-03-09 10:10",
    "来源 紫阳县人民政府", "内容概述 紫阳县2015年政府信息公开工作年度报告": the posting day is read, the title
    row is the title, and no row reaches the 导语."""
    page = tmp_path / "ziyang.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>紫阳县2015年政府信息公开工作年度报告</p>\n"
        "<p>索引号 719776475-GK-2016-91810 发布日期 2016-03-09 10:10</p>\n<p>来源 紫阳县人民政府</p>\n"
        "<p>内容概述 紫阳县2015年政府信息公开工作年度报告</p>\n<p>【字体: 分享:</p>\n"
        "<p>根据《中华人民共和国政府信息公开条例》等相关要求，特向社会公布紫阳县2015年政府信息公开工作年度报告。</p>\n"
        "<p>一、概述</p>\n<p>2015年，紫阳县认真贯彻落实《条例》。</p>\n</body></html>",
        encoding="utf-8",
    )
    report = import_file(page).result.data
    assert report["report"]["organ"] == "紫阳县" and report["report"]["year"] == 2015
    assert str(report["report"]["published"]) == "2016-03-09"
    preamble = str(report["preamble"]["text"])
    assert "索引号" not in preamble and "来源" not in preamble and "内容概述" not in preamble
    assert preamble.startswith("根据《中华人民共和国政府信息公开条例》")


def test_a_last_part_printed_without_its_number(tmp_path):
    """青海省邮政管理局 2017 (held-out round 97): after "五、行政复议和行政诉讼情况" the page prints
    "主要问题和改进措施" with no number: the issues part, its number left out as printed — while a short line
    inside a part that is no part's name stays text."""
    page = tmp_path / "qinghai.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>某省某局2017年政府信息公开年度报告</p>\n"
        "<p>根据《中华人民共和国政府信息公开条例》要求，本报告内容包括概述、主动公开信息情况等。</p>\n"
        "<p>一、概述</p>\n<p>2017年，我局认真贯彻落实《条例》。</p>\n<p>二、主动公开政府信息情况</p>\n"
        "<p>我局主动公开政府信息876条。</p>\n<p>加强组织领导</p>\n<p>三、依申请公开政府信息情况</p>\n"
        "<p>2017年，我局未收到政府信息公开申请。</p>\n<p>四、收费及减免情况</p>\n<p>没有收取费用。</p>\n"
        "<p>五、行政复议和行政诉讼情况</p>\n<p>2017年，没有发生行政复议和行政诉讼。</p>\n"
        "<p>主要问题和改进措施</p>\n<p>2017年，我局政府信息公开工作取得了一定成效，但还有不足。</p>\n</body></html>",
        encoding="utf-8",
    )
    data = import_file(page).result.data
    assert data["issues"]["heading"] == "主要问题和改进措施"
    assert data["issues"]["number_as_printed"] == ""
    assert "取得了一定成效" in str(data["issues"]["text"])
    assert "加强组织领导" in str(data["active"]["text"])  # a short line that names no part stays in its part


@pytest.mark.parametrize(
    ("year", "parts"),
    [
        (2013, ["一、概述", "、主动公开政府信息情况", "三、依申请公开政府信息情况"]),
        (2020, ["一、总体情况", "、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]),
    ],
)
def test_a_part_whose_number_is_lost_and_only_its_dunhao_printed(tmp_path, year, parts):
    """耀州区审计局 2020 (held-out round 136): part 二 is printed "、主动公开政府信息情况" — the number lost, its 、
    left.  It is part 二 with its number kept as printed (、), in either format; a line of text that opens on a 、 and
    names no part stays text."""
    first, second, third = parts
    path = _written(
        tmp_path,
        f"lost-{year}.html",
        [
            f"某县审计局{year}年政府信息公开工作年度报告",
            "根据《中华人民共和国政府信息公开条例》要求，编制本报告。",
            first,
            f"{year}年，我局认真贯彻落实《条例》。",
            "、服务窗口等方式进行公开，提高公开工作的时效性。",
            second,
            "我局主动公开政府信息120条。",
            third,
            f"{year}年，我局未收到政府信息公开申请。",
        ],
    )
    data = import_file(path).result.data
    assert data["active"]["number_as_printed"] == "、"
    assert data["active"].get("heading", "主动公开政府信息情况") == "主动公开政府信息情况"
    assert "120条" in str(data["active"]) and "120条" not in str(data["overview"])
    assert "服务窗口等方式" in str(data["overview"])  # text, not a part
    assert "number_as_printed" not in data["applications"]


def _written(tmp_path, name: str, lines: list[str]):
    path = tmp_path / name
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>', encoding="utf-8")
    return path


def test_a_title_without_its_year_takes_the_year_the_text_says_the_work_was_done_in(tmp_path):
    """阿里地区旅游发展局 2019 (held-out round 99): the title "阿里地区旅游发展局政府信息公开工作年度报告" names no
    year, and no 导语 follows it; item (二) opens "2019年全年采集、编辑和发布……".  The organ is the title's, the
    year the text's — said, to be checked — and the title is kept as printed."""
    path = _written(
        tmp_path,
        "undated.html",
        [
            "某某局政府信息公开工作年度报告",
            "一、总体情况",
            "(一)加强组织领导。成立领导小组。",
            "(二)及时公开政务服务情况。2019年全年采集、编辑和发布政府信息220余条。",
        ],
    )
    imported = import_file(path)
    report = imported.result.data["report"]
    assert imported.result.format == "2019"
    assert (report["organ"], report["year"], report["title"]) == ("某某局", 2019, "某某局政府信息公开工作年度报告")
    assert any("没有年份，报告年度取自正文所说的“2019年”" in p.message for p in imported.problems)


def test_a_copy_cut_inside_part_one_keeps_its_items_under_it(tmp_path):
    """青岛市 2013 (held-out round 99): "一、概述" and then "(一)……", "(二)……", cut before part 二 — one part of
    一、 found is part 一, not a reason to read the report's parts as numbered "(一)"; the portal's line "青岛政务网
    发布日期 : 2014-03-27 来源 : 青岛市人民政府" and "字体大小: 打印" are the page's, its day the posting day."""
    path = _written(
        tmp_path,
        "qd.html",
        [
            "某市人民政府2013年政府信息公开工作年度报告",
            "某市政务网 发布日期 : 2014-03-27 来源 : 某市人民政府",
            "字体大小: 打印",
            "本报告根据《中华人民共和国政府信息公开条例》编制。",
            "一、概述",
            "2013年，我市认真贯彻《条例》。",
            "(一)注重组织推动。我市加强领导。",
            "(二)健全公开内容体系。市级机关细化公开目录。",
        ],
    )
    data = import_file(path).result.data
    assert data["format"] == "legacy"
    assert data["preamble"]["text"] == "本报告根据《中华人民共和国政府信息公开条例》编制。"
    assert [i["heading"] for i in data["overview"]["items"]] == ["注重组织推动。", "健全公开内容体系。"]
    assert str(data["report"]["published"]) == "2014-03-27"
    assert "extra" not in data


def test_a_title_less_copy_whose_opening_names_the_year_and_announces_the_report(tmp_path):
    """富文镇 2023 (held-out round 101): no title line; the 导语 opens "2023年度,富文镇根据……" and says "现将全年政府
    信息公开年度报告编制如下" — the year is the 导语's, said to be checked; a 导语 that opens with a year but announces
    no report gives none.  齐齐哈尔市 2016's "上载日期: 2017-03-23" is the portal's posting day."""
    opening = "2023年度，某镇根据有关要求，完善工作机制。现将全年政府信息公开年度报告编制如下。"
    lines = [opening, "一、总体情况", "（一）强化组织领导。我镇成立工作领导小组。"]
    imported = import_file(_written(tmp_path, "fuwen.html", lines))
    assert imported.result.format == "2021" and imported.result.data["report"]["year"] == 2023
    assert any("报告年度取自导语开头的“2023年”" in p.message for p in imported.problems)
    plain = _written(tmp_path, "plain.html", ["2023年度，某镇完善工作机制。", *lines[1:]])
    with pytest.raises(ReportError):
        import_file(plain)
    posted = _written(
        tmp_path,
        "qqhr.html",
        [
            "某市2016年政府信息公开工作年度报告",
            "上载日期: 2017-03-23 来源: 市人民政府办公室",
            "本报告依据《条例》编制。",
            "一、概述",
        ],
    )
    data = import_file(posted).result.data
    assert str(data["report"]["published"]) == "2017-03-23" and data["preamble"]["text"] == "本报告依据《条例》编制。"


def test_a_directory_row_with_empty_cells_before_its_title(tmp_path):
    """沙依巴克区 2016 (held-out round 103): the page's 目录 row " 成文日期   标 题  沙依巴克区2016年……报告"
    leaves 成文日期 empty; read as a page's text the spaces go, and the row became "成文日期标题……" — the title is
    after 标 题."""
    lines = [
        "某区2016年政府信息公开工作年度报告",
        " 索 引 号  01020280-2-02 发文机关   发布日期  2017-01-12",
        " 成文日期   标 题  某区2016年政府信息公开工作年度报告",
        "本年度报告是根据《中华人民共和国政府信息公开条例》的要求编制的。",
        "一、概述",
        "2016年，我区认真贯彻落实《条例》。",
    ]
    data = import_file(_written(tmp_path, "row.html", lines)).result.data
    assert data["report"]["organ"] == "某区" and "title" not in data["report"]
    assert data["preamble"]["text"] == "本年度报告是根据《中华人民共和国政府信息公开条例》的要求编制的。"


def test_a_title_less_copy_signed_by_a_place_and_directory_rows_in_brackets(tmp_path):
    """松江区 2012 (held-out round 104): the copy opens with "上海市松江区" / "二〇一三年二月二十八日" — a government
    signs with its place's name, under a title the copy lost — then "引言" and the 导语; 郯城县 2010's page prints its
    目录 as "[ 索  引  号 ] ……" / "[ 成文日期 ] 2011-03-30 [ 公开日期 ] 2011-03-30": those rows are the page's,
    the posting day is the 公开日期, never the 成文日期."""
    signed = [
        "某市某区",
        "二〇一三年二月二十八日",
        "引言",
        "本年度报告根据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据的统计期限自2012年1月1日起至12月31日止。",
        "一、概述",
        "2012年，我区认真贯彻落实《条例》。",
    ]
    data = import_file(_written(tmp_path, "sj.html", signed)).result.data
    assert (data["report"]["organ"], data["report"]["year"]) == ("某市某区", 2012)
    assert str(data["report"]["date"]) == "2013-02-28" and data["signature"]["place"] == "under-title"
    rows = [
        "某县人民政府2010年政府信息公开工作年度报告",
        "[ 索  引  号 ] tcxzf-02_D/2018-0110002 [ 文       号 ] [ 发布机构 ] 某县政府办公室",
        "[ 成文日期 ] 2011-03-20 [ 公开日期 ] 2011-03-30 [ 有  效  性 ]",
        "本报告由某县人民政府办公室编制。",
        "一、政府信息公开情况概述",
    ]
    data = import_file(_written(tmp_path, "tc.html", rows)).result.data
    assert str(data["report"]["published"]) == "2011-03-30"
    assert data["preamble"]["text"] == "本报告由某县人民政府办公室编制。"


def test_a_part_naming_two_parts_words_is_the_first_one_s(tmp_path):
    """海南省民政厅 2015 (held-out round 106): "二、主动公开及依申请公开情况", its items 主动公开's — the part is the
    one whose word the heading says first; 平舆县 2021's "投稿:huoruiqi  来源:时间:2022年02月20日" is the page's
    line."""
    lines = [
        "某省民政厅2015年政府信息公开工作年度报告",
        "投稿:huoruiqi  来源:时间:2016年02月20日",
        "根据《中华人民共和国政府信息公开条例》编制本报告。",
        "一、概述",
        "2015年，我厅认真贯彻落实《条例》。",
        "二、主动公开及依申请公开情况",
        "（一）主动公开政府信息的情况",
        "2015年主动公开政府信息633条。",
    ]
    data = import_file(_written(tmp_path, "mz.html", lines)).result.data
    assert data["active"]["heading"] == "主动公开及依申请公开情况" and "applications" not in data
    assert str(data["report"]["published"]) == "2016-02-20"
    assert data["preamble"]["text"] == "根据《中华人民共和国政府信息公开条例》编制本报告。"


def test_a_title_with_its_year_after_it(tmp_path):
    """宝坻区大钟庄镇 2019 (held-out round 107): "……政府信息公开工作年度报告 (2019年)" — the year in brackets after the
    title."""
    titled = ["某镇政府信息公开工作年度报告 (2019年)", "一、总体情况", "(一)主动公开", "2019年，我镇主动公开信息12条。"]
    report = import_file(_written(tmp_path, "bd.html", titled)).result.data["report"]
    assert (report["organ"], report["year"]) == ("某镇", 2019)


def test_a_sites_footer_above_the_report_is_page_furniture(tmp_path):
    """互助县威远镇 2022 (held-out round 140): the copy opens with the portal's footer — "网站标识码:6302230002
    主办单位:互助县人民政府办公室" and "青公网安备 63022302000103号 备案号:青ICP备16000286号-1" — above a title with no
    year: those lines are the site's, not a title or an organ, and the report is read (its year from the 导语)."""
    lines = [
        "网站标识码:6302230002 主办单位:互助县人民政府办公室",
        "青公网安备 63022302000103号 备案号:青ICP备16000286号-1",
        "威远镇政府信息公开工作年度报告",
        "2022年度,威远镇认真落实《中华人民共和国政府信息公开条例》。现将2022年度威远镇政府信息公开工作报告如下。",
        "一、总体情况",
        "一年来,威远镇有序推进政府信息公开工作。",
    ]
    data = import_file(_written(tmp_path, "wy.html", lines)).result.data
    assert (data["report"]["organ"], data["report"]["year"]) == ("威远镇", 2022)
    assert "网站标识码" not in str(data) and "ICP" not in str(data)


def test_a_title_less_copy_whose_opening_misnames_its_year_takes_the_statistics_period(tmp_path):
    """邹城市田黄镇 2021 (held-out round 141): no title; the 导语 says "编制了《田黄镇2020年政府信息公开工作年度报告》"
    and "统计期限自2021年1月1日起至12月31日止" — the period is the report's year (2021, the 2021 format), the name's
    2020 the slip."""
    lines = [
        "根据《中华人民共和国政府信息公开条例》,我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。统计期限自2021年1月1日"
        "起至12月31日止。",
        "一、总体情况",
        "2021年度,我镇认真贯彻落实上级政府信息公开相关规定。",
    ]
    data = import_file(_written(tmp_path, "th.html", lines)).result.data
    assert (data["report"]["year"], data["format"]) == (2021, "2021")


def test_a_part_whose_number_the_store_turned_into_a_bullet(tmp_path):
    """扎赉特旗好力保镇 2025 (held-out round 142): part 一 printed "- 总体情况" — the store's list bullet where the
    number was: part 一, its "- " kept as printed."""
    lines = [
        "好力保镇2025年政府信息公开工作年度报告",
        "本年度报告根据《中华人民共和国政府信息公开条例》编制。",
        "- 总体情况",
        "2025年,好力保镇统筹推进主动公开。",
        "(一)主动公开情况。",
        "2025年,好力保镇主动公开政府信息12条。",
    ]
    data = import_file(_written(tmp_path, "hl.html", lines)).result.data
    assert data["format"] == "2021" and data["overview"]["number_as_printed"].strip() == "-"
    assert "统筹推进主动公开" in str(data["overview"]) and "- 总体情况" not in str(data.get("preamble", ""))


def test_a_title_with_the_regulations_words_cut_short(tmp_path):
    """铜仁高新区 2014 (held-out round 138): "铜仁高新区2014年信息年度报告" — organ, year and 年度报告 printed, the
    条例's 政府信息公开工作 cut to 信息: still the title (its wording then reported), not two lines of the 导语; a
    sentence that ends on 年度报告 is no title."""
    lines = [
        "铜仁高新区2014年信息年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。",
        "一、概述",
        "2014年，我区认真贯彻落实《条例》。",
    ]
    data = import_file(_written(tmp_path, "tr.html", lines)).result.data
    assert (data["report"]["organ"], data["report"]["year"]) == ("铜仁高新区", 2014)
    assert data["report"]["title"] == "铜仁高新区2014年信息年度报告"
    assert "年度报告" not in str(data["preamble"]["text"]).split("。")[0][-6:]
    from plugins.common.importing import title_parts

    assert title_parts("现将本单位2014年工作情况形成年度报告") is None  # no 信息 or 公开: a sentence's end


def test_a_guanyu_title_under_its_organs_line(tmp_path):
    """邯郸市商务局 2020 (held-out round 290): the organ on one line, "关于2020年度政府信息公开工作报告" on the next —
    one title of two lines, whose organ is the first; "关于……" alone names no organ (it was read as the organ
    "关于")."""
    from plugins.common.importing import title_parts

    lines = ["邯郸市商务局", "关于2020年度政府信息公开工作报告", "一、总体情况", "2020年，我局主动公开政府信息30余条。"]
    data = import_file(_written(tmp_path, "hd.html", lines)).result.data
    assert (data["report"]["organ"], data["report"]["year"]) == ("邯郸市商务局", 2020)
    assert data["report"]["title"] == "邯郸市商务局关于2020年度政府信息公开工作报告"
    assert title_parts("关于2020年度政府信息公开工作报告") == ("", 2020)
    assert title_parts("西藏自治区气象局关于2017年度政府信息公开工作的报告") == ("西藏自治区气象局", 2017)


_TOPICS = ["(一)主动公开", "全年主动公开政府信息392条。", "(二)依申请公开", "全年未收到政府信息公开申请。"]


@pytest.mark.parametrize(
    ("lines", "year", "said"),
    [
        # 西宁经济技术开发区 2022 (held-out round 107): a 导语 that names no report, over part 一's items in the
        # format's topics — its year the 导语's, said to be checked
        (
            ["2022年，开发区坚持依法公开，深入推进政务公开工作。", "一、总体情况", *_TOPICS],
            2022,
            "按第一部分的分项（主动公开、依申请公开）读作年度报告",
        ),
        # 朝外街道 2025 (held-out round 122): "依据《……条例》……第五十条规定,编制本报告。" says what it is the other
        # way round and names no year — part 一's "2025年,……" gives it
        (
            [
                "依据《中华人民共和国政府信息公开条例》(以下简称《条例》)第五十条规定,编制本报告。",
                "一、总体情况",
                "2025年,某街道认真贯彻落实《条例》。",
                "(一)主动公开情况",
                "本年度主动公开信息212条。",
            ],
            2025,
            "导语没有说年度",
        ),
        # 萧山区城厢街道 2022 (held-out round 121): no title, no 导语 — a portal's 目录 rows, then 一、总体情况 with
        # "2022年,……" and the format's topics
        (["一、总体情况", "2022年,按照《条例》等文件要求,我街道推进政务公开。", *_TOPICS], 2022, "原文没有标题和导语"),
        # 长滩镇 2022 (held-out round 123): the page's widgets "我要收藏", "文章分享" above the 导语, its topics named
        # "(一)政府信息主动公开情况", "(二)政府信息依申请公开情况"
        (
            [
                "我要收藏",
                "文章分享",
                "2022年在区委、区政府的正确领导下，认真做好政府信息公开工作，现将工作情况汇报如下。",
                "一、总体情况",
                "(一)政府信息主动公开情况",
                "我镇共发布政府信息28条。",
                "(二)政府信息依申请公开情况",
                "我镇未收到申请。",
            ],
            2022,
            "按第一部分的分项",
        ),
    ],
)
def test_a_title_less_copy_is_offered_in_the_2021_format(tmp_path, lines, year, said):
    imported = import_file(_written(tmp_path, "p.html", lines))
    assert imported.result.format == "2021" and imported.result.data["report"]["year"] == year
    assert any(said in p.message for p in imported.problems)
    assert not any(word in imported.result.data.get("preamble", {}).get("text", "") for word in ("收藏", "分享"))


@pytest.mark.parametrize(
    "lines",
    [
        ["2022年，开发区坚持依法公开。", "一、总体情况", "开发区全年开展各项工作。"],
        ["一、总体情况", "2022年,按照《条例》等文件要求,我街道推进政务公开。"],
    ],
)
def test_a_title_less_copy_without_the_formats_topics_is_refused(tmp_path, lines):
    with pytest.raises(ReportError):
        import_file(_written(tmp_path, "p.html", lines))


_OPENING = "本报告根据《中华人民共和国政府信息公开条例》编制。"


@pytest.mark.parametrize(
    ("front", "published"),
    [
        # 安徽省 2016 (held-out round 119): the headline, the byline of the publishing office and the day written with
        # slashes, then the report's own two title lines
        (
            [
                "某省人民政府2016年政府信息公开工作报告",
                "某省人民政府办公厅  2017/3/29",
                "某省人民政府",
                "2016年政府信息公开工作报告",
            ],
            "2017-03-29",
        ),
        # 云南省 2019 (held-out round 161): the source, then the day with its clock time and the tool links
        (
            ["2016年某省政府信息公开工作年度报告", "来源:某省人民政府办公厅          2017-03-31 17:13:25 【字体:"],
            "2017-03-31",
        ),
        # 芜湖市 2015 (held-out round 124's page copies): the byline names the office in brackets after the organ
        (["(文字版)2016年某市政府信息公开工作年度报告", "某市人民政府(办公室) 2017-01-30"], "2017-01-30"),
        # 开封市 2016 (held-out round 121), on the province's portal: its line with the time and the source
        (
            [
                "某市2016年政府信息公开工作年度报告",
                "某省人民政府门户网站 www.example.gov.cn 时间:2017-03-21 17:16 来源:某市政府",
            ],
            "2017-03-21",
        ),
        # 播州区 2021, 临沂市政府办 2020 (held-out rounds 123, 124): a 目录 row on a bullet, a row giving its day among
        # other cells
        (
            [
                "某区人民政府2016年政府信息公开工作年度报告",
                "  • 信息名称: 某区人民政府2016年政府信息公开工作年度报告",
                "公开目录 部门年报 发布日期 2017/01/30",
            ],
            "2017-01-30",
        ),
    ],
)
def test_a_pages_lines_above_the_opening_give_the_day_it_was_posted(tmp_path, front, published):
    """The portal's lines between the title and the 导语 are the page's, the day they give the posting day; the
    report's title, organ, year and 导语 are untouched."""
    data = import_file(
        _written(tmp_path, "p.html", [*front, _OPENING, "一、概述", "2016年，工作稳步推进。"])
    ).result.data
    assert str(data["report"]["published"]) == published and data["preamble"]["text"] == _OPENING
    assert data["report"]["year"] == 2016 and data["report"]["organ"].startswith("某")


def test_a_sentence_ending_on_a_day_is_no_byline(tmp_path):
    lines = ["某省人民政府", "2016年政府信息公开工作报告", "本报告于2017/3/29印发。", _OPENING, "一、概述"]
    assert "published" not in import_file(_written(tmp_path, "ah.html", lines)).result.data["report"]


def test_a_tag_before_the_title(tmp_path):
    """芜湖市 2017 (held-out round 124): the title carries a tag before its year, "(文字版)2017年芜湖市……"."""
    tagged = [
        "(文字版)2017年某市政府信息公开工作年度报告",
        "本报告根据《条例》编制。",
        "一、概述",
        "2017年，我市推进公开。",
    ]
    report = import_file(_written(tmp_path, "wh.html", tagged)).result.data["report"]
    assert (report["organ"], report["year"], report["title"]) == (
        "某市",
        2017,
        "（文字版）2017年某市政府信息公开工作年度报告",
    )


def test_a_title_naming_no_organ_is_kept_as_printed(tmp_path):
    """三亚市海棠区 2021 (held-out round 126): the title is "2021年政府信息公开工作年度报告", no organ — kept as printed
    (a title made from organ and year would add one), and the organ is left for the user, who is told so."""
    lines = ["2021年政府信息公开工作年度报告", "一、总体情况", "(一)主动公开政府信息情况。2021年，我区主动公开信息。"]
    imported = import_file(_written(tmp_path, "ht.html", lines))
    report = imported.result.data["report"]
    assert report["title"] == lines[0] and report["year"] == 2021 and "organ" not in report
    assert any(p.source and p.source.keypath == "report.organ" for p in imported.problems)


def test_an_opening_that_reports_the_years_work_names_organ_and_year(tmp_path):
    """沙依巴克区 2019 (held-out round 128): no title; the 导语 "……现将沙依巴克区人民政府2019年政府信息公开工作情况
    报告如下:" (报告 the verb) names organ and year, and part 一's items "(一)行政机关主动公开政府信息情况" are the
    topics."""
    lines = [
        "根据《中华人民共和国政府信息公开条例》和有关要求,现将某区人民政府2019年政府信息公开工作情况报告如下:",
        "一、总体情况",
        "(一)行政机关主动公开政府信息情况",
        "我区门户网站设置政务要闻等版块。",
        "(二)行政机关收到和处理政府信息公开申请的情况",
        "2019年某区无依申请公开的政府信息。",
    ]
    imported = import_file(_written(tmp_path, "sy.html", lines))
    report = imported.result.data["report"]
    assert imported.result.format == "2019" and (report["organ"], report["year"]) == ("某区人民政府", 2019)


def test_an_opening_naming_its_report_a_situation_report_by_a_relative_name(tmp_path):
    """黑龙江省市场监督管理局 2023 (held-out round 145): no title; the 导语 "……现发布省市场监管局2023年政府信息公开
    情况报告。" names the year (the report under another name than the 条例's) and its organ only by level and kind —
    no place: the organ is left to the user, not taken as "省市场监管局"."""
    lines = [
        "根据《政府信息公开条例》有关规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开"
        "工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求,现发布省市场监管局2023年政府信息公开情况报告。",
        "一、总体情况",
        "2023年,省市场监管局认真贯彻落实《政府信息公开条例》规定,全面公开并及时更新应主动公开的政府信息。",
    ]
    imported = import_file(_written(tmp_path, "hlj.html", lines))
    report = imported.result.data["report"]
    assert imported.result.format == "2021" and report["year"] == 2023 and "organ" not in report
    assert any(p.source and p.source.keypath == "report.organ" for p in imported.problems)


def test_a_portal_menu_of_many_short_lines_above_the_title(tmp_path):
    """安庆市 2012 (held-out round 148): the copy opens with the portal's 信息公开 menu — twenty-two short lines (指南,
    制度, 组配分类, "• 决策" …, 主题分类 …, 依申请公开) — and only then the title, its 发布单位/发布时间 line and the
    导语.  The title is looked for until the 导语 begins: found, the menu is no part of the 导语 (it was refused as
    no known format)."""
    menu = ["政府信息公开指南", "政府信息公开制度", "政府信息公开年报", "政府信息公开目录", "组配分类"]
    menu += [f"• {w}" for w in ("全部", "决策", "执行", "管理", "服务", "结果", "重点领域", "政策解读", "新闻发布")]
    menu += ["回应关切", "监督保障", "主题分类", "服务对象分类", "生命周期分类", "体裁分类", "信息格式分类"]
    menu += ["依申请公开"]
    lines = [
        *menu,
        "某市2012年政府信息公开工作年度报告",
        "发布单位:某市政府办公室 发布时间:2013-03-18",
        "根据《中华人民共和国政府信息公开条例》的规定,现公布某市2012年政府信息公开工作年度报告。",
        "一、概述",
        "2012年,我市政府信息公开工作扎实推进。",
    ]
    assert len(menu) == 22
    imported = import_file(_written(tmp_path, "aq2012.html", lines))
    report, preamble = imported.result.data["report"], imported.result.data["preamble"]
    assert imported.result.format == "legacy" and (report["organ"], report["year"]) == ("某市", 2012)
    assert not any(word in "".join(preamble["text"]) for word in ("组配分类", "主题分类", "依申请公开\n"))
    assert "指南" not in "".join(preamble["text"])


def test_a_headline_over_the_reports_own_shorter_title_and_a_report_named_year_first(tmp_path):
    """安丘市石埠子镇 2012 (held-out round 129): the page's headline "石埠子镇2012年……年度报告", then the report's own
    title "2012年……年度报告" (no organ; the organ printed under it) — the report's own is taken, not read as the
    headline's last line printed again.  芜湖县文广新局 2017: no title; the 导语 "现公布2017年芜湖县文广新局政府信息
    公开年报" names the year before the organ."""
    lines = [
        "某镇2012年政府信息公开工作年度报告",
        "2012年政府信息公开工作年度报告",
        "某市某镇人民政府",
        "根据《中华人民共和国政府信息公开条例》编制本报告。",
        "一、概述",
    ]
    report = import_file(_written(tmp_path, "aq.html", lines)).result.data["report"]
    assert report["title"] == "2012年政府信息公开工作年度报告" and report["year"] == 2012
    named = ["根据《条例》的规定,现公布2017年某县文广新局政府信息公开年报。", "一、概述", "2017年,某县文广新局贯彻。"]
    report = import_file(_written(tmp_path, "wh.html", named)).result.data["report"]
    assert (report["organ"], report["year"]) == ("某县文广新局", 2017)


def test_a_sentence_cut_on_an_organs_word_is_no_signature(tmp_path):
    """东四街道 2013 (held-out round 313): the copy stops at "本街道2013年共主动公开政府" — it ends with 政府, as a
    signing organ does, but a line that names a year and counts is a sentence cut short, not the signature."""
    lines = [
        "本报告根据《中华人民共和国政府信息公开条例》要求，在某街道办事处2013年度政府信息公开工作的基础上编制。",
        "一、概述",
        "2013年，某街道根据《条例》要求开展政府信息公开工作。",
        "二、主动公开情况",
        "本街道2013年共主动公开政府",
    ]
    data = import_file(_written(tmp_path, "ds.html", lines)).result.data
    assert "本街道2013年共主动公开政府" not in str(data.get("signature", {}))
    assert "本街道2013年共主动公开政府" in str(data["active"])


def test_a_title_less_copy_whose_part_one_tells_the_years_work(tmp_path):
    """钦州市行政审批局 2017 (held-out round 311): no title; a 导语 "2017年,钦州市行政审批局围绕……" that announces no
    report, then "一、2017年政府信息公开工作的基本情况" — part 一 as the account of that year's disclosure work: read as
    the legacy report of that year, its organ the one the 导语 opens with; a part 一 of another year is not."""
    lines = [
        "2017年，某市行政审批局围绕《中华人民共和国政府信息公开条例》等文件精神，强化组织领导，加强信息发布。",
        "一、2017年政府信息公开工作的基本情况",
        "（一）政府信息公开工作机构和人员设置情况。",
        "2017年，我局积极强化组织领导，健全工作机制。",
    ]
    imported = import_file(_written(tmp_path, "qz.html", lines))
    assert imported.result.format == "legacy"
    report = imported.result.data["report"]
    assert (report["organ"], report["year"]) == ("某市行政审批局", 2017)
    other = [lines[0], lines[1].replace("2017", "2016"), *lines[2:]]
    with pytest.raises(ReportError):
        import_file(_written(tmp_path, "qz2.html", other))
