"""二、主动公开政府信息情况: sums against the stated total, and percentages typed in the prose."""

from __future__ import annotations

from conftest import LEGACY_REPORT, legacy, rules

from compiler.model.problems import Severity


def active(**changes):
    data = {**LEGACY_REPORT["active"], **changes}
    return legacy(active=data)


def test_a_consistent_part_has_no_problems(check):
    assert check(legacy()) == []


def test_categories_that_do_not_add_up_to_the_total_are_reported_at_the_total(check):
    problems = check(active(total=64585, categories={"概况类": 22532, "其他": 42385}, channels={}, text="无。"))
    [p] = [p for p in problems if p.rule == "legacy.active.category-sum"]
    assert p.severity == Severity.WARNING
    assert "64917" in p.message and "64585" in p.message
    assert p.source.keypath == "active.total"
    assert p.source.line is not None
    assert (p.expected, p.found) == (64585, 64917)


def test_categories_adding_up_is_not_reported(check):
    assert "legacy.active.category-sum" not in rules(check(active(categories={"概况类": 1, "其他": 99})))


def test_channels_against_the_total(check):
    problems = check(active(channels={"网站": 80, "微博": 10}))
    [p] = [p for p in problems if p.rule == "legacy.active.channel-sum"]
    assert (p.expected, p.found) == (100, 90)
    assert "legacy.active.channel-sum" not in rules(check(active(channels={"网站": 80, "微博": 20})))


def test_a_percentage_ten_times_too_large_is_reported_at_the_precision_written(check):
    text = "共{active.total}条，其中规范性文件类{active.categories.规范性文件类}条，占0.06%；其他占99.99%。"
    data = active(total=64585, categories={"规范性文件类": 4, "其他": 64581}, channels={}, text=text)
    [p] = [p for p in check(data) if p.rule == "legacy.active.percentage"]
    assert "规范性文件类" in p.message
    assert p.found == "0.06%"
    assert p.expected == "0.01%"  # 4 ÷ 64585 = 0.0062 %, rounded to the two places written
    assert p.source.keypath == "active.text"


def test_a_rounded_percentage_that_fits_is_accepted(check):
    # 664 / 64585 = 1.028 %: "1%" is right at the precision written; "1.03%" too; "1.1%" is not.
    base = {"total": 64585, "categories": {"概况类": 664, "其他": 63921}, "channels": {}}
    for written, ok in (("1", True), ("1.03", True), ("1.1", False)):
        text = f"概况类{{active.categories.概况类}}条，占{written}%。"
        found = rules(check(active(**base, text=text)))
        assert ("legacy.active.percentage" not in found) is ok, written


def test_a_percentage_that_only_fits_the_category_sum_says_so(check):
    # The seed's 其他 65.29 % is 42385 / 64917 — the categories' sum, not the stated total.
    categories = {"概况类": 22532, "其他": 42385}
    text = "其他信息{active.categories.其他}条，占65.29%。"
    data = active(total=64585, categories=categories, channels={}, text=text)
    [p] = [p for p in check(data) if p.rule == "legacy.active.percentage"]
    assert p.expected == "65.63%"
    assert "64917" in p.message


def test_percentages_that_do_not_add_up_to_100(check):
    text = "概况类{active.categories.概况类}条，占40%；其他{active.categories.其他}条，占50%。"
    assert "legacy.active.percentage-total" in rules(check(active(text=text)))
    text = "概况类{active.categories.概况类}条，占40%；其他{active.categories.其他}条，占60%。"
    assert "legacy.active.percentage-total" not in rules(check(active(text=text)))


def test_derived_values_can_be_cited_in_prose(blocks):
    text = "分类合计{active.category_sum}条，渠道合计{active.channel_sum}条，概况类占{active.category_pct.概况类}%。"
    made = blocks(active(text=text))
    assert any(getattr(b, "text", "") == "分类合计100条，渠道合计100条，概况类占40%。" for b in made)


def test_a_share_said_the_long_way_is_read_for_the_category_named_before_it(check):
    """北京市西城区展览路街道 2014 and 绍兴市越城区东浦镇 2016 (corpus): "业务动态类信息197条,占总体的比例为83.84%",
    "……(建设项目招标)的信息289条,占总体比例的31.6%" — the shares said with 总体的比例为 were not read, and a category
    typed with half-width brackets (the prose is printed with full-width ones) lent its share to the one before it."""
    categories = {"人事信息": 23, "公共资源交易类(建设项目招标)的信息": 289, "业务动态类信息": 603}
    text = (
        "在主动公开的信息中,人事信息23条,占总体的比例为2.5%,公共资源交易类(建设项目招标)的信息289条,"
        "占总体比例的31.6%,业务动态类信息603条,占总体的比例为65.91%。"
    )

    def shares(text):
        return check(active(total=915, categories=categories, channels={}, text=text))

    [p] = [p for p in shares(text) if p.rule == "legacy.active.percentage"]
    assert "业务动态类信息" in p.message and (p.found, p.expected) == ("65.91%", "65.90%")  # 603 ÷ 915 = 65.9016 %
    fixed = text.replace("65.91%", "65.90%")
    assert "legacy.active.percentage" not in rules(
        check(active(total=915, categories=categories, channels={}, text=fixed))
    )
    cut = fixed.replace("2.5%", "2.4%")  # 23 ÷ 915 = 2.514 %: 2.4 is neither rounded nor truncated
    [p] = [p for p in shares(cut) if "percentage" in p.rule]
    assert "人事信息" in p.message and p.found == "2.4%"
