"""The prose-number rules every format shares (plugins/common/prose.py)."""

from __future__ import annotations

from plugins.common.prose import parts_exceeding_total, percent_verdict
from tests.conftest import legacy


def test_rounding_policy_half_up_and_truncation_named():
    assert percent_verdict(35, 805, "4.35").ok
    v = percent_verdict(35, 805, "4.34")
    assert not v.ok and v.truncated and str(v.rounded) == "4.35"
    v = percent_verdict(258, 805, "33.9")
    assert not v.ok and not v.truncated


def test_parts_that_add_up_to_more_than_the_total():
    [found] = parts_exceeding_total("全年共公开信息100条，其中政策文件60条、通知公告50条。")
    assert (found.total, found.parts) == (100, (60, 50))
    assert not list(parts_exceeding_total("共22条，其中线上信息公开15条。"))  # a partial breakdown is fine
    assert not list(parts_exceeding_total("共100条，其中政策文件60条、通知40条。"))


def test_year_slips_and_part_lists(check):
    data = legacy(
        preamble={
            "text": "本报告由概述，主动公开政府信息情况，其他事项等五部分组成。"
            "本报告所列数据统计期限自2017年1月1日起至2017年12月31日止。"
        },
        issues={"text": "下一步，2018年我们将加强培训。"},
    )
    found = check(data)
    slips = [p for p in found if p.rule == "prose.year-slip"]
    assert {p.source.keypath.split(".")[0] for p in slips} == {"preamble", "issues"}, [p.format() for p in found]
    assert "legacy.part-count" in {p.rule for p in found}
