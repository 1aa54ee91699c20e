"""The title must end as a 年度报告 (common.title) and say it as the 条例 does (common.title-wording); the preamble's
part names against the format's own titles where the part is not printed (gb2021.part-list-unofficial) — on edited
copies of an example and a corpus report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gb2021_support import EXAMPLE_2024, problems_of, rules, write_variant

XINGGUO = Path(__file__).resolve().parent / "corpus" / "qinan-xingguo-town-2025" / "report.toml"


def _titled(tmp_path, title: str) -> Path:
    return write_variant(tmp_path, [("year = 2024\n", f'year = 2024\ntitle = "{title}"\n')])


def _legacy_list_findings(check, listed: str) -> dict:
    """The findings, by rule, of a legacy report whose 导语 is ``listed``."""
    from conftest import legacy

    return {p.rule: p for p in check(legacy(preamble={"text": listed}))}


def test_a_title_cut_short_is_reported(tmp_path):
    path = _titled(tmp_path, "青岚市数据资源管理局2024年政府信息公开工作年度报")
    [p] = [p for p in problems_of(path) if p.rule == "common.title"]
    assert p.source.keypath == "report.title" and p.found.endswith("年度报")


def test_composed_and_legacy_titles_pass(tmp_path):
    assert "common.title" not in rules(problems_of(EXAMPLE_2024))
    path = _titled(tmp_path, "青岚市数据资源管理局2024年政府信息公开工作年报")
    assert "common.title" not in rules(problems_of(path))


@pytest.mark.parametrize(
    ("title", "says"),
    [
        # 平潭综合实验区交通与建设局 2022, 市场监督管理局 2019
        ("青岚市数据资源管理局2024年度政府信息公开工作年度报告", ["“年度”用了两次"]),
        # 平潭县教育局 2012, 民政局 2013, 卫生局 2012
        ("青岚市数据资源管理局2024年度政府信息公开年度报告", ["“年度”用了两次", "缺“工作”"]),
        ("青岚市数据资源管理局2024年政府信息公开年度报告", ["缺“工作”"]),
        # 平潭县人防办 2011
        ("青岚市数据资源管理局2024年政府信息工作公开年度报告", ["词序有误"]),
        # 平潭海坛片区管理局 2021
        ("青岚市数据资源管理局关于2024年政府信息公开工作年度报告", ["多了“关于”"]),
        # 固阳县下湿壕镇 2022, 西藏自治区审计厅 2025 (held-out round 25)
        ("青岚市某镇政府2024年信息公开工作年度报告", ["不是条例规定的名称"]),
        ("青岚市数据资源管理局2024年政务信息公开工作开展年度报告", ["不是条例规定的名称"]),
        # the name's last words twice over (呼兰区杨林乡 2021's page copy prints its last title line twice)
        ("青岚市数据资源管理局2024年政府信息公开工作年度报告年度报告", ["“年度报告”写了两次"]),
        # 乌海市工业和信息化局 2020 (held-out round 28)
        ("青岚市数据资源管理局政府信息公开工作年度报告", ["没有年份"]),
        # 定州经济开发区 2020, 屯昌县 2015: the title is the report's name alone, opening on the year
        ("2024年政府信息公开工作年度报告", ["没有发文机关名称"]),
        ("2024年度政府信息公开年度报告", ["没有发文机关名称", "“年度”用了两次", "缺“工作”"]),
    ],
)
def test_a_title_departing_from_the_name_the_regulation_gives(tmp_path, title, says):
    [p] = [p for p in problems_of(_titled(tmp_path, title)) if p.rule == "common.title-wording"]
    assert p.source.keypath == "report.title" and all(s in p.message for s in says), p.message
    assert len(p.message.split("；")) == len(says)


def test_the_regulations_name_passes(tmp_path):
    assert "common.title-wording" not in rules(problems_of(EXAMPLE_2024))
    path = _titled(tmp_path, "青岚市数据资源管理局2024年度政务公开工作情况和政府信息公开工作年报")
    assert "common.title-wording" not in rules(problems_of(path))
    # the organ may follow the year ("2016年朝阳乡政府信息公开工作年度报告"): named, so not reported as missing
    path = _titled(tmp_path, "2024年青岚市数据资源管理局政府信息公开工作年度报告")
    assert "common.title-wording" not in rules(problems_of(path))


def test_unofficial_names_in_the_preamble_list_of_a_truncated_copy(tmp_path):
    [p] = [p for p in problems_of(XINGGUO) if p.rule == "gb2021.part-list-unofficial"]
    assert p.source.keypath == "preamble.text"
    assert "第四部分" in p.message and "第五部分" in p.message and "存在的主要问题及改进情况" in p.message
    fixed = XINGGUO.read_text(encoding="utf-8").replace(
        "政府信息公开被申请行政复议提起行政诉讼情况、乡镇信息公开的建议和下一步工作思考",
        "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况",
    )
    (tmp_path / "report.toml").write_text(fixed, encoding="utf-8")
    assert "gb2021.part-list-unofficial" not in rules(problems_of(tmp_path / "report.toml"))


def test_a_heading_message_names_the_number_the_part_is_printed_with(tmp_path):
    """平潭苏平片区 2023 prints its fee part as 五 before the problems part as 六: a message about the fee part's
    heading names the 第五部分 the reader sees, not the sixth place the format gives it."""
    order = 'sections = ["report", "preamble", "overview", "active", "applications", "appeals", "other", "issues"]\n'
    path = write_variant(
        tmp_path,
        [
            ('format = "2021"\n', 'format = "2021"\n' + order),
            ("[other]\n", '[other]\nheading = "信息处理费收取情况"\n'),
        ],
    )
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.heading.unofficial"]
    assert p.message.startswith("第五部分标题“信息处理费收取情况”"), p.message


def test_a_part_list_said_with_quan_wen_bao_kuo_and_mixed_marks(tmp_path):
    """平潭苏平片区 2023: "全文包括A、B、C，D，E，以及F。" — no count, no 组成, 、 and ，mixed."""
    listed = (
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，"
        "存在的主要问题及改进情况，以及其他需要报告的事项"
    )
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{listed}")])
    found = [p for p in problems_of(path) if p.rule.startswith("gb2021.part-")]
    assert [p.rule for p in found] == ["gb2021.part-list-punctuation"], [p.message for p in found]
    # the same list in 、 throughout: its name 行政复议、行政诉讼情况 holds a 、 of its own, so now the level is wrong
    nested = listed.replace("，", "、").replace("、以及", "以及")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{nested}")])
    [p] = [p for p in problems_of(path) if p.rule.startswith("gb2021.part-")]
    assert p.rule == "gb2021.part-list-punctuation" and "本身含顿号" in p.message
    plain = nested.replace("行政复议、行政诉讼", "行政复议和行政诉讼")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{plain}")])
    assert not [p for p in problems_of(path) if p.rule.startswith("gb2021.part-")]
    # 广州市环境保护局 2010: "A、B、C，以及D" — a comma before the 以及 that brings in the last name is no mixing
    closing = plain.replace("以及", "，以及")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{closing}")])
    assert not [p for p in problems_of(path) if p.rule.startswith("gb2021.part-")]
    # 兴海县 2021: "报告主要包括:A、B……" — read as the list too (here with part 六 left out)
    five = "报告主要包括：" + plain.removeprefix("全文包括").replace("以及其他需要报告的事项", "")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{five}")])
    assert "gb2021.part-list-incomplete" in [p.rule for p in problems_of(path)]
    # a sentence with 包括 that lists no parts is not read as the list
    other = "全文包括三张表格和若干说明"
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{other}")])
    assert not [p for p in problems_of(path) if p.rule.startswith("gb2021.part-")]


@pytest.mark.parametrize(("between", "names"), [("", 6), ("、", 6)])
def test_a_part_list_of_quoted_names(tmp_path, between, names):
    """鼓楼区五凤街道 2023 (held-out round 77): "由“总体情况”“主动公开政府信息情况”……六个部分组成" — quoted names in a
    series need no 顿号 (GB/T 15834—2011 §4.5.3.5); each quotation is one name."""
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    quoted = between.join(
        f"“{n}”"
        for n in (
            "总体情况",
            "主动公开政府信息情况",
            "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况",
            "其他需要报告的事项",
        )
    )
    path = write_variant(tmp_path, [(counted, f"由{quoted}六个部分组成")])
    found = {p.rule for p in problems_of(path) if p.rule.startswith("gb2021.part-")}
    assert "gb2021.part-count" not in found and "gb2021.part-list-punctuation" not in found
    shorter = write_variant(tmp_path, [(counted, f"由{quoted}七个部分组成")])
    [p] = [p for p in problems_of(shorter) if p.rule == "gb2021.part-count"]
    assert f"列出了{names}个" in p.message


def test_what_the_report_appends_is_not_a_part(tmp_path):
    """平潭交通与建设局 2019: "本年报包括A、B……以及E，并附相关的说明和指标统计表。" — five parts listed (part 六 left
    out), the appendix after "，并附" is no sixth part and no list punctuation."""
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    listed = (
        "本年报包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况"
        "以及存在的主要问题及改进情况，并附相关的说明和指标统计表"
    )
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{listed}")])
    found = {p.rule: p for p in problems_of(path) if p.rule.startswith("gb2021.part-")}
    assert "gb2021.part-list-punctuation" not in found
    assert (found["gb2021.part-count"].expected, found["gb2021.part-count"].found) == (6, 5)


def test_a_part_list_that_leaves_a_part_of_the_format_out(tmp_path):
    """锡山区东港镇 2021 (held-out round 40): five of the format's six parts listed, 其他需要报告的事项 left out."""
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    five = counted.replace("、其他需要报告的事项六部分", "五部分")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{five}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-list-incomplete"]
    assert "其他需要报告的事项" in p.message and p.source.keypath.startswith("preamble.text")
    # a list of names the format does not have is another kind of list: left to the other rules
    other = counted.replace("、其他需要报告的事项六部分", "、工作亮点五部分").replace("总体情况、", "")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{other}")])
    assert "gb2021.part-list-incomplete" not in rules(problems_of(path))
    path = write_variant(tmp_path, [])
    assert "gb2021.part-list-incomplete" not in rules(problems_of(path))
    # 鄂尔多斯市生态环境局 2020 (held-out round 62), reworded: the names in other words — read by their words
    worded = "由概述，主动公开政府信息的情况，政府信息依申请公开办理情况，政府信息公开行政复议和行政诉讼情况四部分组成"
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{worded}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-list-incomplete"]
    assert "存在的主要问题及改进情况" in p.message and "其他需要报告的事项" in p.message
    # a name that holds the words of two parts could be either: left to the other rules
    two = worded.replace("政府信息依申请公开办理情况", "主动公开和依申请公开情况")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{two}")])
    assert "gb2021.part-list-incomplete" not in rules(problems_of(path))
    # 温图高勒苏木 2021 (held-out round 95): the parts announced as what follows, "现将……公开如下", one left out
    announced = (
        "现将某镇2021年度政府信息公开总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，"
        "政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况公开如下"
    )
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{announced}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-list-incomplete"]
    assert "其他需要报告的事项" in p.message
    report_only = "现将某镇2021年政府信息公开工作年度报告公布如下"  # no list: nothing to compare
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制。{report_only}")])
    assert "gb2021.part-list-incomplete" not in rules(problems_of(path))
    # 疏勒县 2019 (held-out round 313), reworded: "……编制本年报,主要包括A、B……", a comma after the report's name
    included = "编制本年报，主要包括" + five.removeprefix("由").removesuffix("五部分组成")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求{included}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-list-incomplete"]
    assert "其他需要报告的事项" in p.message


def test_an_opening_printed_as_part_ones_first_paragraph_is_read_for_its_part_list(check):
    """海口市东山镇 2021 prints "一、总体情况" and then "本年报根据……编制。全文包括概述,……" — the report's opening
    under part 一, with no preamble: its part list is read there; a first paragraph that is no opening is not."""
    from conftest import legacy

    opening = "本报告由测试县人民政府编制。全文由概述、主动公开政府信息情况、其他需要报告的事项三部分组成。"
    data = legacy(preamble=None, overview={"text": [opening, "本年度工作稳步推进。"]})
    [p] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert p.source.keypath == "overview.text[0]" and "导语列出3个部分" in p.message
    plain = "本年度我县工作稳步推进。全文由概述、主动公开政府信息情况、其他需要报告的事项三部分组成。"
    data = legacy(preamble=None, overview={"text": plain})
    assert "legacy.part-count" not in {p.rule for p in check(data)}
    # 峄城区榴园镇 2023: an opening of two paragraphs — "……编制《……2023年政府信息公开工作年度报告》。" and then the
    # part list in a paragraph of its own
    compiled = "根据《中华人民共和国政府信息公开条例》要求，编制《测试县2018年政府信息公开工作年度报告》。"
    listed = "本报告由概述、主动公开政府信息情况、其他需要报告的事项三部分组成。"
    data = legacy(preamble=None, overview={"text": [compiled, listed, "本年度工作稳步推进。"]})
    [p] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert p.source.keypath == "overview.text[1]"
    # the second paragraph is read only after an opening: a part list in part 一's second paragraph alone is not one
    data = legacy(preamble=None, overview={"text": ["本年度工作稳步推进。", listed]})
    assert "legacy.part-count" not in {p.rule for p in check(data)}


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("青岚市数据资源管理局2023年政府信息公开工作年度报告", True),  # 粤汉街道: "2022度……" over a report on 2023
        ("青岚市数据资源管理局2024年政府信息公开工作年度报告", False),
        ("青岚市数据资源管理局政府信息公开工作年度报告", False),  # no year: common.title-wording's
    ],
)
def test_a_title_naming_another_year_than_the_report(tmp_path, title, said):
    found = [p for p in problems_of(_titled(tmp_path, title)) if p.rule == "common.title-year"]
    assert len(found) == (1 if said else 0)
    if said:
        assert (found[0].found, found[0].expected, found[0].source.keypath) == ("2023", "2024", "report.title")


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("2024度青岚市数据资源管理局信息公开工作年度报告", "“2024度”"),  # 粤汉街道 2023: "2022度珠晖区……"
        ("青岚市数据资源管理局2024年度政府信息公开工作年度报告", None),
        ("青岚市数据资源管理局2024年政府信息公开工作年度报告", None),
        # 陵水黎族自治县 2019 (held-out round 69): "……人民政府2019政府信息公开工作年度报告"
        ("青岚市数据资源管理局2024政府信息公开工作年度报告", "“2024政”"),
        ("青岚市数据资源管理局2024 年政府信息公开工作年度报告", None),
        # 宁国市青龙乡 2015 (held-out round 71): "……人民政府2015年年度政府信息公开工作年度报告"
        ("青岚市数据资源管理局2024年年度政府信息公开工作年度报告", "“2024年年度”"),
    ],
)
def test_a_title_year_without_nian(tmp_path, title, found):
    slips = [p for p in problems_of(_titled(tmp_path, title)) if p.rule == "common.malformed-date"]
    assert [p.found for p in slips] == ([found] if found else [])
    assert all(p.source.keypath == "report.title" for p in slips)
    assert all(p.expected in ("“2024年度”", "“2024年”") for p in slips)
    assert all("2024年" in p.message for p in slips)


def test_a_part_named_in_its_own_words_ending_in_shuoming(tmp_path):
    """鹤庆县 2019 (held-out round 80), reworded: the list opens with "总体公开情况说明" — a name of its own, not the
    first half of the next one: six names parted by 、, none holding a 、 of its own, none left out."""
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    own = counted.replace("由总体情况", "由总体工作情况说明")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{own}")])
    found = {p.rule: p for p in problems_of(path) if p.rule.startswith("gb2021.part-")}
    assert "gb2021.part-list-punctuation" not in found and "gb2021.part-list-incomplete" not in found
    assert "gb2021.part-count" not in found
    # a name that is not one ("总体公开" + "主动公开政府信息情况" printed as one, with a 、) is still joined
    # where the count it states does not confirm six names (the list says seven); said six, the six pieces are read
    # as six names, "总体公开" a name printed short (see test_the_stated_count_decides_how_a_list_is_read)
    torn = counted.replace("由总体情况", "由总体公开").replace("六部分", "七部分")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{torn}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-count"]
    assert (p.expected, p.found) == (5, 7)


def test_a_list_of_short_names_and_an_appendix_counted_with_its_name(tmp_path):
    """Held-out round 88's two misreadings.  平塘县 2019 lists its parts by short names ("主动公开政府信息、……、存在的
    主要问题及改进、其他需要报告的事项等六个部分"): the pieces that fall short of a name's end are names, not halves of
    one name split at its 、 — six listed, as said, and no name holding a 顿号.  大连市 2013 ("……其他应当报告的事项及
    附件共九个部分") and 闽清县审计局 2013 ("……需要说明的事项与附表共七个部分") count the 附件 with the name it is
    joined to: one part, as stated."""
    counted = (
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成"
    )
    short = (
        "包括总体情况、主动公开政府信息、收到和处理政府信息公开申请、政府信息公开行政复议和行政诉讼、"
        "存在的主要问题及改进、其他需要报告的事项等六个部分"
    )
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{short}")])
    found = rules(problems_of(path))
    assert "gb2021.part-list-punctuation" not in found and "gb2021.part-count" not in found
    assert "gb2021.part-heading" in found  # the short names are still not the headings printed
    appended = counted.replace("其他需要报告的事项六部分", "其他需要报告的事项及附表共六个部分")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{appended}")])
    assert "gb2021.part-count" not in rules(problems_of(path))
    # a count that takes the 附表 as a part of its own is read so too
    seven = counted.replace("其他需要报告的事项六部分", "其他需要报告的事项及附表共七个部分")
    path = write_variant(tmp_path, [(f"要求编制，{counted}", f"要求编制，{seven}")])
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.part-count"]
    assert (p.expected, p.found) == (6, 7)


def test_a_short_name_before_a_part_named_for_fuyi_is_a_name_of_its_own(check):
    """河曲县 2018 (held-out round 92): "……依申请公开政府信息、行政复议和行政诉讼情况、……等八部分组成" — the short name
    before "行政复议和……" is one name, the 复议 part another: eight listed, as said (the reader had joined the two as
    one name split at its 、, and said seven)."""
    listed = (
        "全文由概述、主动公开政府信息情况、政府信息公开重点工作完成情况、重点领域政府信息公开情况、依申请公开政府信息、"
        "行政复议和行政诉讼情况、存在的主要问题及改进措施和其他需要报告的事项等八部分组成。"
    )
    found = _legacy_list_findings(check, listed)
    assert "legacy.part-count" not in found or "列出了7个" not in found["legacy.part-count"].message
    assert "legacy.part-list-punctuation" not in found


def test_a_list_brought_in_by_bao_gao_nei_rong_bao_kuo(tmp_path):
    """武汉市 2020 (held-out round 143): "报告内容包括总体情况,主动公开政府信息情况、……、其他需要报告的事项等。" —
    a list with neither count nor 组成, brought in by 报告内容包括, is read: its comma among 顿号 is reported."""
    wuhan = (
        "报告内容包括总体情况,主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况"
        "、存在的主要问题及改进情况、其他需要报告的事项等。"
    )
    counted = (
        "，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
    )
    path = write_variant(tmp_path, [(counted, f"。{wuhan}")])
    found = {p.rule: p for p in problems_of(path) if p.rule.startswith("gb2021.part-")}
    assert "有的用“、”，有的用“，”" in found["gb2021.part-list-punctuation"].message
    path = write_variant(tmp_path, [(counted, f"。{wuhan.replace(',', '、')}")])
    assert "gb2021.part-list-punctuation" not in rules(problems_of(path))


def test_a_name_holding_both_fuyi_and_susong_is_whole(tmp_path):
    """沅江市阳罗洲镇 2022 (held-out round 151): "全文包括总体概况、……、政府信息公开行政复议与行政诉讼、存在的主要问题
    和改进情况、其他需报告的事项共计六个部分" — the appeals name ends on 诉讼, not on 情况, yet it is whole: six names,
    as said (the reader had joined it to the next as one name with its own 、, said five and a 顿号 inside a name)."""
    counted = (
        "，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
    )
    listed = (
        "。全文包括总体概况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议与行政诉讼、"
        "存在的主要问题和改进情况、其他需报告的事项共计六个部分。"
    )
    found = {p.rule: p for p in problems_of(write_variant(tmp_path, [(counted, listed)]))}
    assert "gb2021.part-list-punctuation" not in found
    assert "gb2021.part-count" not in found or "列出了5个" not in found["gb2021.part-count"].message


_WUBAO = (
    "全文包括概述、政府信息主动公开情况、政府信息依申请公开情况、因政府信息公开申请行政复议和提起行政诉讼情况、"
    "政府信息公开的收费和减免情况、主要工作措施和做法、政府信息公开工作中存在的问题及改进措施等七部分。"
)


@pytest.mark.parametrize(
    ("listed", "count"),
    [
        # 吴堡县 2012 (held-out round 100): "主要工作措施和做法" is one name — the reader had cut it at 措施和, joined
        # "做法" to the next name as one name split at its own 、, and said a name held a 顿号 (吉林市林业局 2012's
        # "存在问题及工作打算、附表" was read the same wrong way)
        (_WUBAO, 7),
        # a second name after 以及/和 that ends as a name does is still a name of its own
        (_WUBAO.replace("主要工作措施和做法、", "主要工作措施和其他需要报告的事项、").replace("七部分", "八部分"), 8),
        # 哈尔滨市外侨办 2011 (found by round 143's 报告内容包括): a name printed short before the appeals part, which
        # opens on 因, is a name of its own, not half of a name with its own 、
        (
            "本报告内容包括概述、主动公开信息情况、依申请公开信息、因信息公开申请行政复议或提起行政诉讼情况、"
            "信息公开工作存在的主要问题及改进措施等。",
            5,
        ),
    ],
)
def test_each_name_of_a_legacy_part_list_is_read_whole(check, listed, count):
    found = _legacy_list_findings(check, listed)
    assert "legacy.part-list-punctuation" not in found
    assert f"列出{count}个" in found["legacy.part-count"].message


@pytest.mark.parametrize(
    ("listed", "count", "joined"),
    [
        # 郑州市工信局 2018 (held-out round 205): "拓宽公开渠道" is a name printed short, not the first half of the next
        # name — the five the list says (the reader had joined it to "存在问题和改进措施", said four and a 顿号 inside)
        ("报告全文由概述、工作措施、政务公开情况、拓宽公开渠道、存在问题和改进措施等五部分组成。", 5, None),
        # 杭州市城管委 2015 (held-out round 205): the last part is its problems and next steps, one name with its own 、
        # — the six the list says (the reader had said seven)
        (
            "报告全文包括政府信息公开基本情况、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免"
            "情况、申请行政复议和提起行政诉讼情况以及政府信息公开存在的主要问题、下步工作等六部分。",
            6,
            "政府信息公开存在的主要问题、下步工作",
        ),
        # 牡丹江市气象局 2018 (held-out round 220): a part on its problems and the next part joined by 和 — the four
        # the list says (the reader had said three)
        ("报告包括概述、政府信息公开情况、政府信息公开工作存在主要问题和2019年工作思路四个部分。", 4, None),
        # 李沧区振华路街道 2018 (held-out round 259): 和 or 与 joining a short second half to one name ("……推进情况和
        # 公开情况", "……推进措施和落实情况", "需要说明的事项与附表") — the twelve the list says (the reader had said
        # fifteen); the 顿号 inside "发布解读、回应社会关切以及互动交流情况" is still the list's
        (
            "本报告由概述、政府信息公开的组织领导和制度建设情况、发布解读、回应社会关切以及互动交流情况、重点领域政府"
            "信息公开工作推进情况和公开情况、主动公开政府信息以及公开平台建设情况、政府信息公开申请办理情况、政府信息"
            "公开收费及减免情况、因政府信息公开申请提起行政复议、行政诉讼的情况、政府信息公开保密审查及监督检查情况、"
            "所属事业单位信息公开工作推进措施和落实情况、政府信息公开工作存在的主要问题及改进情况、需要说明的事项与"
            "附表共十二个部分组成。",
            12,
            "发布解读、回应社会关切以及互动交流情况",
        ),
        # a count no reading gives is the author's miscount: said, and the list read as before
        ("报告全文由概述、工作措施、政务公开情况、拓宽公开渠道、存在问题和改进措施等七部分组成。", 4, None),
    ],
)
def test_the_stated_count_decides_how_a_list_is_read(check, listed, count, joined):
    found = _legacy_list_findings(check, listed)
    assert re.search(f"列出了?{count}个", found["legacy.part-count"].message)
    punctuation = found.get("legacy.part-list-punctuation")
    if "七部分" in listed:  # the miscount: the list read as before, a name holding the 顿号 it was joined at
        assert punctuation is not None and "拓宽公开渠道、存在问题和改进措施" in punctuation.message
    else:
        assert (punctuation is not None and joined in punctuation.message) if joined else punctuation is None


def test_a_list_of_parts_the_whole_text_is_made_of(check):
    """温泉县查干屯格乡 2020 (held-out round 267): "全文由总体情况、……等内容组成" — a list of parts said of 全文, closed
    by 等内容组成, is read like "本报告由……组成"."""
    found = _legacy_list_findings(
        check, "全文由概述、主动公开政府信息情况、依申请公开政府信息情况、存在的主要问题及改进措施等内容组成。"
    )
    assert "列出4个" in found["legacy.part-count"].message


def test_zongshu_ends_a_part_name(check):
    """阳山县人民政府办公室 2016 (held-out round 110): "本报告由综述、主动公开政府信息情况、……、存在问题及改进措施组成"
    — 综述 is part 一's name; the reader took "综述、主动公开政府信息情况" for one name split at its own 、, said the
    list held a 顿号 inside a name, and that part 一 "综述" disagreed with it."""
    from conftest import legacy

    listed = (
        "本报告由综述、主动公开政府信息情况、依申请公开政府信息及咨询受理情况、政府信息公开相关费用情况、"
        "申请行政复议和提起行政诉讼情况、存在问题及改进措施组成。"
    )
    data = legacy(preamble={"text": listed})
    data["overview"] = {**data["overview"], "heading": "综述"}
    found = {p.rule: p for p in check(data)}
    assert "legacy.part-list-punctuation" not in found
    assert not any(p.rule == "legacy.part-heading" and "综述" in p.message for p in check(data))
    assert "列出6个" in found["legacy.part-count"].message


def test_the_part_list_opens_at_the_last_word_that_brings_it_in(check):
    """天津市发展改革委 2022 (held-out round 102): "本年度报告由天津市发展改革委编制,根据……要求,……,全文包括总体情况、
    ……六部分组成" — the list is what 包括 brings in; read from the compiler's 由, it had eight names, the first
    "天津市发展改革委编制"."""
    from conftest import legacy

    text = (
        "本年度报告由某市发展改革委编制，根据《中华人民共和国政府信息公开条例》要求，对全委2012年度的政府信息公开"
        "工作进行了梳理总结，全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、行政复议和行政诉讼情况、"
        "存在的主要问题及改进措施、其他需要报告的事项六部分。"
    )
    found = [p for p in check(legacy(preamble={"text": text})) if p.rule.startswith("legacy.part-")]
    assert not any("编制" in p.message for p in found), [p.message for p in found]
    [count] = [p for p in found if p.rule == "legacy.part-count"]
    assert "列出6个" in count.message


@pytest.mark.parametrize(
    ("listed", "said"),
    [
        # 河池市 2017 (held-out round 138): the count first, then the names parted by semicolons — one of which holds a
        # comma of its own ("……推进政府信息公开情况,特别是推进重点领域政府信息公开情况"): eight listed, seven said
        (
            "《报告》全文包括七个方面的内容,分别为:本年度政府信息公开工作的基本情况;围绕国家和自治区中心工作推进政府"
            "信息公开情况,特别是推进重点领域政府信息公开情况;主动公开政府信息情况;依申请公开政府信息和不予公开政府信息"
            "的情况;政府信息公开的收费及减免情况;因政府信息公开申请行政复议、提起行政诉讼的情况;政府信息公开工作存在的"
            "主要问题及改进情况;2018年工作思路。",
            "导语说共七个部分，但列出了8个",
        ),
        # the list numbered, closed by 等六部分组成 (离石区政府办 2025): six said, six listed
        (
            "本报告全文由六部分组成,分别是:1.概述;2.主动公开政府信息情况;3.依申请公开政府信息情况;4.政府信息公开的收费"
            "及减免情况;5.因政府信息公开申请行政复议、提起行政诉讼的情况;6.存在的主要问题及改进措施等六部分组成。",
            None,
        ),
        # 綦江区 2022 (held-out round 154): the count and a bare comma, then the next clause — no list at all (it was
        # read as one name, "所列数据的统计期限……", and said to be one of six)
        ("本报告共包括六个部分,所列数据的统计期限自2022年1月1日起至2022年12月31日止。", None),
    ],
)
def test_a_part_list_whose_count_comes_first(check, listed, said):
    from conftest import legacy

    problems = check(legacy(preamble={"text": listed}))
    found = [p.message for p in problems if p.rule == "legacy.part-count"]
    assert not any("统计期限" in p.message for p in problems if p.rule == "legacy.part-heading")
    if said is None:
        assert not any("导语说共" in m for m in found), found
    else:
        assert any(said in m for m in found), found


@pytest.mark.parametrize(
    ("listed", "mixed", "no_list"),
    [
        # 楚门镇 2014 (held-out round 159): "本报告由A、B、C,D,E。" — "由……组成" without its 组成, its marks mixed
        (
            "本报告由概述、主动公开政府信息情况、政府信息公开的收费及减免情况，因政府信息公开申请行政复议、"
            "提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进情况。",
            "提起行政诉讼的情况",
            "本报告由某县人民政府办公室编制。",
        ),
        # 莫旗 2011 (held-out round 292): "全文共分A、……、E,并附相关情况统计表。" — 共分 brings the list in as 包括
        # does; the appended table is no part of it
        (
            "全文共分概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开机构人员及经费情况、"
            "政府信息公开工作存在的问题及改进措施，并附相关情况统计表。",
            None,
            "全文共分三段，另附统计表。",
        ),
    ],
)
def test_a_part_list_without_zucheng_or_a_count_is_read(check, listed, mixed, no_list):
    """A list with neither 组成 nor a count is read when every item is named like a part: its count and marks are
    said; a sentence of the same words that names no parts is no list."""
    from conftest import legacy

    found = check(legacy(preamble={"text": listed}))
    assert any(p.rule == "legacy.part-count" and "导语列出5个部分" in p.message for p in found)
    marks = [p for p in found if p.rule == "legacy.part-list-punctuation"]
    assert [mixed in p.message for p in marks] == ([True] if mixed else [])
    found = check(legacy(preamble={"text": no_list}))
    assert not {"legacy.part-list-punctuation", "legacy.part-count"} & {p.rule for p in found}


def test_an_opening_that_publishes_the_report_lists_the_parts_after_it(check):
    """海棠区政府办 2023 (held-out round 164) opens part 一 with "……现公布2023年……年度报告。本年报由……组成。": an
    opening too, its list read.  谯城区政务服务中心 2014 lists only the parts after part 一 ("特向社会公布……年度报告。
    本报告由主动公开政府信息情况,……组成"): part 一 is the opening's own, not compared with the list's first name."""
    from conftest import legacy

    published = (
        "根据条例规定，现公布2018年测试县政府信息公开工作年度报告。"
        "本年报由概述、主动公开政府信息情况、其他需要报告的事项三部分组成。"
    )
    data = legacy(preamble=None, overview={"text": published})
    [p] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert p.source.keypath == "overview.text" and "导语列出3个部分" in p.message
    after = (
        "根据条例，特向社会公布2018年测试县政府信息公开工作年度报告。"
        "本报告由主动公开政府信息情况、存在的主要问题等部分组成。"
    )
    data = {
        "format": "legacy",
        "report": {"organ": "测试县人民政府", "year": 2018, "date": "2019-02-14"},
        "overview": {"heading": "政府信息公开工作基本情况", "text": after},
        "active": {"heading": "主动公开政府信息情况", "total": 10, "text": "主动公开10条。"},
        "issues": {"heading": "存在的主要问题", "text": "宣传不够。"},
        "signature": {},
    }
    assert not [p for p in check(data) if p.rule in ("legacy.part-heading", "legacy.part-count")]


def test_a_part_headed_yinyan_is_the_opening_its_list_read_whole(check):
    """洞口县 2015 (held-out round 187) prints "一、引言" and then "本报告根据《……条例》……以及……情况编制。全文由引言、
    概述、……、举报投诉数量、……、附表十一部分组成。" — twelve names: the part named 引言 is the opening however long its
    first sentence, 引言 is a name of its own, and names ending in 数量 or 费用 are whole names."""
    from conftest import legacy

    names = (
        "引言、概述、主动公开政府信息情况、依申请公开政府信息情况、依申请公开信息收取的费用、"
        "行政复议和行政诉讼情况、举报投诉数量、机构建设和保障经费情况、主要问题和改进措施、附表"
    )
    opening = (
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《测试省实施〈中华人民共和国政府信息公开条例〉"
        f"办法》以及2015年度各乡镇、街道和县政府各部门的政府信息公开情况编制。全文由{names}九部分组成。"
    )
    data = legacy(preamble=None)
    data["sections"] = ["report", "extra", *[s for s in data.get("sections", []) if s not in ("report", "extra")]]
    data["extra"] = {"heading": "引言", "text": opening}
    found = {p.rule: p for p in check(data)}
    assert "legacy.part-list-punctuation" not in found
    assert "但列出了10个" in found["legacy.part-count"].message
    # the same paragraph under a part with another name, its sentence too long for an opening's: not read
    data["extra"] = {"heading": "说明", "text": opening}
    assert not any(p.rule == "legacy.part-count" and "但列出了10个" in p.message for p in check(data))


def test_a_part_list_brought_in_by_fen_bie_cong(check):
    """吉林经开区双吉街道 2017 (held-out round 197): "分别从基本工作情况、……、机构建设、保障经费和培训会议情况、
    存在问题及工作打算等七个方面对2017年政府信息公开情况进行总结" — the list 分别从 brings in is the report's
    parts: one name holds a 顿号 of its own among names parted by 顿号, and the reader cannot tell seven from
    eight."""
    from conftest import legacy

    listed = (
        "本报告分别从概述、主动公开政府信息情况、机构建设、保障经费和培训会议情况、存在问题及工作打算等四个方面"
        "对2017年政府信息公开情况进行总结。"
    )
    found = {p.rule: p for p in check(legacy(preamble={"text": listed}))}
    assert "机构建设、保障经费和培训会议情况" in found["legacy.part-list-punctuation"].message
    assert "列出4个" in found["legacy.part-count"].message
