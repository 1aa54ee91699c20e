"""三、依申请公开政府信息情况: both breakdowns must add up to the number received (ERROR)."""

from __future__ import annotations

from conftest import LEGACY_REPORT, legacy, rules

from compiler.model.problems import Severity


def applications(**changes):
    return legacy(applications={**LEGACY_REPORT["applications"], **changes})


def test_channels_not_adding_up_is_an_error(check):
    problems = check(applications(channels={"当面": 2, "网络": 2}))
    [p] = [p for p in problems if p.rule == "legacy.applications.channel-sum"]
    assert p.severity == Severity.ERROR
    assert (p.expected, p.found) == (3, 4)
    assert p.source.keypath == "applications.channels"


def test_outcomes_not_adding_up_is_an_error(check):
    outcomes = {"属于已主动公开的": 214, "同意公开": 45}
    [p] = [
        p
        for p in check(applications(received=312, channels={}, outcomes=outcomes))
        if p.rule == "legacy.applications.outcome-sum"
    ]
    assert p.severity == Severity.ERROR
    assert "259" in p.message and "312" in p.message


def test_breakdowns_that_add_up_pass(check):
    found = rules(check(applications(received=312, channels={"当面": 309, "网络": 3}, outcomes={"同意公开": 312})))
    assert "legacy.applications.channel-sum" not in found
    assert "legacy.applications.outcome-sum" not in found


def test_negative_counts_and_fees_are_input_errors(check):
    problems = check(applications(channels={"当面": -1, "网络": 4}, fees=-5))
    assert {p.source.keypath for p in problems if p.rule == "input.negative"} == {
        "applications.channels.当面",
        "applications.fees",
    }


def test_outcome_counts_can_be_cited(blocks):
    made = blocks(applications(text="同意公开{applications.outcomes.同意公开}件，合计{applications.outcome_sum}件。"))
    assert any(getattr(b, "text", "") == "同意公开2件，合计3件。" for b in made)
