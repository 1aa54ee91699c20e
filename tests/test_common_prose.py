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


def test_a_part_name_with_its_own_enumeration_comma_is_one_name(check):
    """The 2021 format's part 四 is "政府信息公开行政复议、行政诉讼情况": its 、 does not split the list
    (闽侯县财政局 2024 lists six parts, not seven)."""
    from plugins.common.preamble import _rejoin

    listed = (
        "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项"
    )
    names = _rejoin(listed.split("、"))
    assert len(names) == 6 and names[3] == "政府信息公开行政复议、行政诉讼情况"
    assert _rejoin(["概述", "主动公开", "依申请公开"]) == ("概述", "主动公开", "依申请公开")  # other naming: untouched
    data = legacy(preamble={"text": f"本报告由{listed}等6个部分组成。"})
    [count] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert "列出6个部分" in count.message  # the listed count agrees with the stated one
