"""common.abolished-organ (plugins/common/reform.py, reform.toml): a report written after the 2018 reform of
government organs naming a local organ by its old name."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import legacy, rules


def report(text: str, year: int = 2020, organ: str = "测试县人民政府"):
    data = legacy(overview={"text": text})
    data["report"] = {"organ": organ, "year": year, "date": dt.date(year + 1, 1, 20)}
    return data


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # 安福县 2020 (the sentence the stored copy cut off): "县发改委、……、县国土资源局、县住建局等单位"
        ("会同县发改委、县国土资源局、县住建局等单位公开项目信息。", "国土资源局", "自然资源"),
        ("县环保局按月公开空气质量信息。", "环保局", "生态环境局"),
        ("联合县卫计局开展政策解读。", "卫计局", "卫生健康"),
        ("由县安监局负责公开安全生产信息。", "安监局", "应急管理局"),
    ],
)
def test_an_old_organ_name_in_a_report_after_the_reform(check, text, old, new):
    found = [p for p in check(report(text + text)) if p.rule == "common.abolished-organ"]
    [p] = found  # once, where it is first named
    assert p.found == old and new in p.expected and "2020年" in p.message and p.source.keypath == "overview.text"


@pytest.mark.parametrize(
    ("text", "year", "organ"),
    [
        ("会同县国土资源局公开项目信息。", 2017, "测试县人民政府"),  # before the reform: the organ still existed
        ("原县国土资源局的档案已移交县自然资源局。", 2020, "测试县人民政府"),  # the old body itself
        ("转发《县环保局关于加强大气污染防治的通知》。", 2020, "测试县人民政府"),  # a document it once issued
        ("本局按月公开空气质量信息。", 2019, "测试县环境保护局"),  # the organ still bears the old name
        ("会同县农业农村局、县自然资源局、县生态环境局公开项目信息。", 2020, "测试县人民政府"),
    ],
)
def test_old_names_where_they_belong_are_not_reported(check, text, year, organ):
    assert "common.abolished-organ" not in rules(check(report(text, year, organ)))


@pytest.mark.parametrize(
    ("year", "reported"),
    [(2016, True), (2014, True), (2013, False), (2012, False)],  # 创先争优 ended in 2012; 2013 may tell its results
)
def test_a_campaign_that_has_ended(check, year, reported):
    # 凤阳县交通运输局 2016: "以科学发展观为指导，以创先争优活动为契机，将推进政府信息公开……"
    found = [
        p
        for p in check(report("以创先争优活动为契机，推进政府信息公开工作。", year=year))
        if p.rule == "common.ended-campaign"
    ]
    assert bool(found) is reported
    if reported:
        assert found[0].found == "创先争优活动" and "2012年" in found[0].message


@pytest.mark.parametrize(("year", "reported"), [(2016, True), (2017, True), (2018, False), (2020, False)])
def test_a_name_the_reform_created_in_a_report_before_it(check, year, reported):
    # 慈溪市 2016 (held-out round 56): the title names "慈溪市卫生健康局", the text "卫生计生局"
    data = report("通过卫生计生局网站公开信息355条。", year=year, organ="慈溪市卫生健康局")
    found = [p for p in check(data) if p.rule == "common.anachronistic-organ"]
    assert bool(found) is reported
    if reported:
        assert (found[0].found, found[0].source.keypath) == ("卫生健康局", "report.organ")


@pytest.mark.parametrize(("year", "reported"), [(2019, True), (2020, True), (2024, True), (2018, False), (2012, False)])
def test_the_2007_regulations_principle_in_a_report_after_its_revision(check, year, reported):
    """平塘县大塘镇 2020 (held-out round 147): "严格按照“公正、公平、便民”的总体原则" — the 2019 revision's article 5
    reads 公正、公平、合法、便民; a report for 2019 or later quoting the old words is told, once."""
    text = "严格按照“公正、公平、便民”的总体原则，坚持公正、公平、便民。"
    found = [p for p in check(report(text, year=year)) if p.rule == "common.superseded-wording"]
    assert len(found) == (1 if reported else 0)
    if reported:
        assert found[0].expected == "公正、公平、合法、便民" and "合法" in found[0].message
    revised = [p for p in check(report("遵循公正、公平、合法、便民的原则。", year=year))]
    assert "common.superseded-wording" not in rules(revised)


def test_the_2007_principles_with_its_timeliness_words_after_the_revision(check):
    """邢台市政府办公室 2025 (held-out round 185): "坚持公正、公平、及时、准确和便民原则" — the 2007 条例's article 5
    and article 6 run together, still without the 合法 of the 2019 revision."""
    found = [
        p
        for p in check(report("坚持公正、公平、及时、准确和便民原则，主动公开政府信息。", year=2025))
        if p.rule == "common.superseded-wording"
    ]
    assert [(p.found, p.expected) for p in found] == [("公正、公平、及时、准确和便民", "公正、公平、合法、便民")]
