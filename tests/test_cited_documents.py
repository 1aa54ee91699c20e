"""National documents cited by title and 文号 (plugins/common/documents.py, its table documents.toml):
``common.cited-title`` for a title with words left out or a character wrong, ``common.cited-number`` for a 文号
that is not the document's, or the 条例's order number in a year it did not apply."""

from __future__ import annotations

import copy

import pytest
from conftest import LEGACY_REPORT, legacy, rules

from plugins.common import documents
from plugins.common.entrytable import TableError


def _check(check, text: str, year: int = 2018):
    data = legacy(overview={"text": text})
    data["report"] = {**copy.deepcopy(LEGACY_REPORT["report"]), "year": year}
    return [p for p in check(data) if p.rule.startswith("common.cited-")]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # 三门沿海工业城管委会 2016, reworded: the 的 of the 中办 国办 意见 left out
        ("我们依照《关于全面推进政务公开工作意见》的要求，完善了公开目录。", "的"),
        # 铜官区东郊办事处 2019, reworded: the issuer written, 政府信息公开 left out of the 60号 notice
        (
            "按照《国务院办公厅政府信息与政务公开办公室关于工作年度报告有关事项的通知》编制本报告。",
            "政府信息公开",
        ),
        ("根据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉通知》，本年度未收费。", "的"),
        # 十堰市经信委 2010 (held-out round 174): the 2010 notice on 保密审查 without 政府
        ("按照《国务院办公厅关于进一步做好信息公开保密审查工作的通知》（国办发〔2010〕57号）开展审查。", "政府"),
    ],
)
def test_a_national_title_with_words_left_out_is_reported_once(check, text, missing):
    [p] = _check(check, text + text)  # said twice, reported once
    assert p.rule == "common.cited-title"
    assert f"少了“{missing}”" in p.message
    assert p.source.keypath == "overview.text"
    assert p.found in text and p.expected.startswith("《")


def test_the_expected_title_keeps_the_issuer_only_where_the_report_wrote_one(check):
    [p] = _check(check, "依照《关于全面推进政务公开工作意见》执行。")
    assert p.expected == "《关于全面推进政务公开工作的意见》"


def test_one_character_wrong_in_a_long_title_is_reported(check):
    [p] = _check(check, "根据《国务院办公厅关于施行〈中华人民共和国政府信息公开条例〉若干问题的意件》开展工作。")
    assert p.rule == "common.cited-title" and "“件”应为“见”" in p.message


@pytest.mark.parametrize(
    "text",
    [
        "依照《关于全面推进政务公开工作的意见》开展工作。",
        "依照中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》开展工作。",
        "依照《中共中央办公厅国务院办公厅关于全面推进政务公开工作的意见》开展工作。",
        "依照《中共中央办公厅、国务院办公厅关于全面推进政务公开工作的意见》开展工作。",
        "按照《关于政府信息公开工作年度报告有关事项的通知》编制。",
        "按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》执行。",
        "按照《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》编制。",
        # the inner marks left out (哈尔滨五常市背荫河镇 2022): common.law-title's, not a word left out
        "按照《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知》编制。",
        # local notices are titled like the national ones with words added, or other words: other documents
        "按照《关于做好2021年政府信息公开工作年度报告有关事项的通知》编制。",
        "按照《县政府办公室关于政府信息公开工作年度报告的通知》编制。",
        "按照《关于全面推进政务公开工作的实施意见》开展工作。",
        "按照《关于政府信息公开工作年度报告的通知》编制。",
        "按照《关于全面推进政务公开工作意见的实施方案》开展工作。",
    ],
)
def test_right_titles_and_other_documents_are_not_reported(check, text):
    assert _check(check, text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("依照《关于全面推进政务公开工作的意见》（中办发〔2015〕8号）执行。", "中办发〔2015〕8号"),
        ("按照《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕30号）编制。", "〔2019〕30号"),
        ("依照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》(国办函[2021]109号)", "[2021]109号"),
        # 海南省工业和信息化厅 2022 (held-out round 169): the year's 要点 by its own name, another serial
        ("落实《2022年政务公开工作要点》(国办发〔2022〕12号)要求。", "〔2022〕12号"),
    ],
)
def test_a_wrong_number_after_a_known_title_is_reported(check, text, found):
    [p] = _check(check, text, year=2021)
    assert p.rule == "common.cited-number"
    assert found in p.message
    assert found in p.found
    assert p.expected in p.message


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # 袁州区水江镇 2021 (held-out round 162): another notice's words before the format notice's 文号
        (
            "印发《关于做好年度报告编制发布工作的通知》(国办公开办函〔2021〕30号)。",
            "关于做好年度报告编制发布工作的通知",
        ),
        # 西藏自治区水利厅 2021 (round 161): the format named with its words turned round
        (
            "参照《中华人民共和国政府信息公开年度工作报告格式》(国办公开办函〔2021〕30号)编制。",
            "中华人民共和国政府信息公开年度工作报告格式",
        ),
    ],
)
def test_a_known_number_after_a_title_that_is_not_its_documents(check, text, cited):
    [p] = _check(check, text, year=2021)
    assert p.rule == "common.cited-title" and p.found == f"《{cited}》"
    assert "国务院办公厅政府信息与政务公开办公室关于印发" in p.expected


@pytest.mark.parametrize(
    "text",
    [
        # what the notice gave, cited with the notice's 文号; the notice wrapping a document; an issuer misspelt
        "参照《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)编制。",
        "按照《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知》（中办发〔2016〕8号）执行。",
        "按照《国办公开办关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）。",
        "依照《某市关于做好年度报告工作的通知》（某政办函〔2021〕30号）编制。",  # a local 文号 of the same digits
    ],
)
def test_a_known_number_after_a_title_that_still_names_its_document(check, text):
    assert [p for p in _check(check, text, year=2021) if p.rule == "common.cited-title"] == []


@pytest.mark.parametrize(
    "text",
    [
        "依照《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）执行。",
        "落实《2022年政务公开工作要点》(国办发〔2022〕8号)和《2022年某省政务公开工作要点》(某政办发〔2022〕12号)。",
        # the brackets are another rule's
        "按照《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函【2019】60号）编制。",
        "依照《关于全面推进政务公开工作的意见》（以下简称《意见》）执行。",
        "依照《关于做好2021年政府信息公开工作年度报告有关事项的通知》（某政办发〔2021〕30号）编制。",
        # 玉林市人民政府 2016 (held-out round 67): the region's document titled as the national one, its own 文号
        "自治区党委办公厅、自治区人民政府办公厅《关于全面推进政务公开工作的意见》（桂办发〔2016〕39号）。",
    ],
)
def test_right_numbers_notes_and_other_documents_numbers_are_not_reported(check, text):
    assert _check(check, text, year=2021) == []


@pytest.mark.parametrize(
    ("year", "order", "said"),
    [
        (2021, "国务院令第492号", True),
        (2019, "国务院令第492号", True),
        (2015, "国务院令第492号", False),
        (2018, "国务院令第711号", True),
        (2019, "国令第711号", False),
        (2024, "国务院令第711号", False),
    ],
)
def test_the_regulations_order_number_is_checked_against_the_report_year(check, year, order, said):
    text = f"依据《中华人民共和国政府信息公开条例》（{order}，以下简称《条例》）编制本报告。"
    found = _check(check, text, year=year)
    assert [p.rule for p in found] == (["common.cited-number"] if said else [])
    if said:
        assert str(year) in found[0].message and order in found[0].message


def test_every_entry_of_the_table_loads_and_its_number_parses():
    entries = documents.documents()
    assert len(entries) >= 10
    for doc in entries:
        assert doc.title and (documents._NUMBER.fullmatch(doc.number) or documents._ORDER.fullmatch(doc.number))
        assert doc.key in doc.forms and doc.core in doc.forms


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ({"title": "关于某事的通知"}, "缺少"),
        ({"title": "关于某事的通知", "number": "某发〔2020〕1号", "colour": "red"}, "未知的键"),
        ({"title": "关于某事的通知", "number": "第一号"}, "认不出"),
        ({"title": "关于某事的通知", "number": "某发〔2020〕1号", "since": "2019", "why": "x"}, "年份"),
        ({"title": "关于某事的通知", "number": "某发〔2020〕1号", "until": 2019}, "why"),
    ],
)
def test_a_malformed_table_entry_names_its_number(raw, said):
    with pytest.raises(TableError, match=said) as err:
        documents._entry(7, raw)
    assert "第 7 条" in str(err.value)


def test_no_other_check_is_disturbed_by_a_right_citation(check):
    data = legacy(overview={"text": "依照《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）开展工作。"})
    assert not {r for r in rules(check(data)) if r.startswith("common.cited-")}


@pytest.mark.parametrize(("year", "said"), [(2020, True), (2021, False), (2025, False)])
def test_a_notice_cited_in_a_report_on_a_year_before_it_was_issued(check, year, said):
    text = "按照《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。"
    found = _check(check, text, year=year)
    assert [p.rule for p in found] == (["common.cited-number"] if said else [])
    if said:
        assert "2021年9月" in found[0].message


def test_one_order_written_two_ways_in_one_report_is_reported_once(check):
    # 武汉市东湖新技术开发区滨湖街道 2021 (held-out round 50), reworded
    title = "《中华人民共和国政府信息公开条例》"
    text = f"依据{title}（国务院令第711号）编制。我街道落实{title}（国令第 711 号）。严格执行{title}（国令第711号）。"
    found = _check(check, text, year=2021)
    [p] = found
    assert p.rule == "common.cited-number" and "国务院令第711号" in p.message and p.found == "国令第711号"
    same = f"依据{title}（国令第711号）编制。我街道落实{title}（国令第711号）。"
    assert _check(check, same, year=2021) == []


@pytest.mark.parametrize(
    ("year", "order", "right"),
    [(2019, "国务院令第771号", "国务院令第711号"), (2012, "国务院令第429号", "国务院令第492号")],
)
def test_an_order_number_the_regulations_never_had_is_reported_once(check, year, order, right):
    # 黑龙江省林业和草原局 2019 (held-out round 68): "新修订的《……条例》(国务院令第771号)", reworded
    text = f"本报告根据《中华人民共和国政府信息公开条例》（{order}）编制。"
    [p] = _check(check, text, year=year)
    assert p.rule == "common.cited-number" and (p.expected, p.found) == (right, order)
    assert "没有“" in p.message and right in p.message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 大栅栏街道 2009 (held-out round 68), reworded: a statistics period's template words behind a changed date
        ("本报告所列数据的统计期限自2010年1月1日《条例》实施之日起，至2010年12月31日止。", ["2010年1月1日"]),
        ("《中华人民共和国政府信息公开条例》于2008年6月1日起正式施行。", ["2008年6月1日"]),
        # 上海市经济和信息化委员会 2015 (round 68), 永嘉县统计局 2015: work under the 条例 from before it was in force
        ("根据《条例》和《规定》要求，本委从2004年5月1日起开始开展政府信息公开工作。", ["2004年5月1日"]),
        ("根据《条例》要求，本单位自2008年1月1日起开展政府信息公开工作。", ["2008年1月1日"]),
        # the right days, and a date that is not the 条例's
        ("统计期限自2008年5月1日《条例》实施之日起，至2008年12月31日止。", []),
        ("修订后的《条例》自2019年5月15日起施行。根据《条例》要求，本单位自2008年5月1日起开展工作。", []),
        ("根据《条例》要求，本年度自2018年1月1日起统计。", []),
        ("《上海市政府信息公开规定》自2004年5月1日起施行。", []),
    ],
)
def test_a_wrong_day_for_the_regulations_coming_into_force(check, text, found):
    data = legacy(overview={"text": text})
    problems = [p for p in check(data) if p.rule == "common.law-date"]
    assert [p.found for p in problems] == found
    for p in problems:
        assert "2008年5月1日" in p.message and p.source.keypath == "overview.text"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # 越秀区发改局 2016 (held-out round 80), reworded: 行政 put inside the 纲要's name
        ("是落实国务院《全面推进行政依法行政实施纲要》的重要举措。", "多了“行政”"),
        ("是落实国务院《全面推进依法行政工作实施纲要》的重要举措。", "多了“工作”"),
    ],
)
def test_words_put_inside_a_named_documents_title_are_reported(check, text, said):
    [p] = _check(check, text)
    assert p.rule == "common.cited-title" and said in p.message
    assert p.expected == "《全面推进依法行政实施纲要》"


@pytest.mark.parametrize(
    "text",
    [
        "是落实国务院《全面推进依法行政实施纲要》的重要举措。",
        # words before or after the name: another document, titled after the national one
        "是落实《湖南省全面推进依法行政实施纲要》的重要举措。",
        "按照《全面推进依法行政实施纲要实施办法》执行。",
        # a notice's title with words inside is a local notice, not the national one miswritten
        "按照《关于做好2021年政府信息公开工作年度报告有关事项的通知》编制。",
    ],
)
def test_a_named_documents_title_and_others_built_on_it_pass(check, text):
    assert _check(check, text) == []
