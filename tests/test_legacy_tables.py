"""九、附表: appended statistical tables built from other parts' numbers, or "无"."""

from __future__ import annotations

from conftest import legacy, rules

from compiler.model.document import Table
from compiler.model.problems import Severity


def tables_of(made):
    return [b for b in made if isinstance(b, Table)]


def test_included_parts_become_indicator_tables(blocks):
    made = tables_of(blocks(legacy(tables={"include": ["active", "staffing"]})))
    assert [t.caption for t in made] == ["附表1　主动公开政府信息情况统计表", "附表2　工作人员和费用支出情况统计表"]
    active = made[0]
    assert [c.text for c in active.rows[0]] == ["指标", "数量"]
    assert active.header_rows == 1
    body = [[c.text.strip("　") for c in row] for row in active.rows[1:]]
    assert ["主动公开政府信息总数（条）", "100"] in body
    assert ["概况类", "40"] in body and ["微博", "10"] in body
    assert ["按类别（条）"] in body
    assert all(sum(c.colspan for c in row) == 2 for row in active.rows)


def test_no_tables_without_include(blocks):
    assert tables_of(blocks(legacy())) == []


def test_including_an_unknown_part_is_an_error_with_a_suggestion(check):
    [p] = [p for p in check(legacy(tables={"include": ["activ"]})) if p.rule == "legacy.tables.unknown-section"]
    assert p.severity == Severity.ERROR
    assert "active" in p.message
    assert p.source.keypath == "tables.include[0]"


def test_including_a_part_without_numbers_is_a_warning(check):
    assert "legacy.tables.no-statistics" in rules(check(legacy(tables={"include": ["issues"]})))


def test_tables_promised_by_the_preamble_but_none_given(check):
    preamble = {"text": "本报告由概述、附表等部分组成。"}
    [p] = [p for p in check(legacy(preamble=preamble)) if p.rule == "legacy.tables.promised"]
    assert p.source.keypath == "tables.text"
    assert "legacy.tables.promised" not in rules(check(legacy(preamble=preamble, tables={"include": ["active"]})))
    assert "legacy.tables.promised" not in rules(check(legacy()))  # no 附表 promised, "无" is fine
