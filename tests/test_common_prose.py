"""The prose-number rules every format shares (plugins/common/prose/)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugins.common.prose.frequency import frequencies_not_met
from plugins.common.prose.partsums import bracketed_parts_not_adding_up, parts_not_adding_up
from plugins.common.prose.partsunit import parts_in_another_unit
from plugins.common.prose.percent import percent_verdict
from plugins.common.prose.rates import completion_rates
from plugins.common.prose.shares import shares_of_listed_parts
from tests.conftest import legacy, rules


def test_rounding_policy_half_up_and_truncation_named():
    assert percent_verdict(35, 805, "4.35").ok
    v = percent_verdict(35, 805, "4.34")
    assert not v.ok and v.truncated and str(v.rounded) == "4.35"
    v = percent_verdict(258, 805, "33.9")
    assert not v.ok and not v.truncated


def test_parts_that_add_up_to_more_than_the_total():
    [found] = parts_not_adding_up("全年共公开信息100条，其中政策文件60条、通知公告50条。")
    assert (found.total, found.parts) == (100, (60, 50))
    assert not list(parts_not_adding_up("共22条，其中线上信息公开15条。"))  # a partial breakdown is fine
    assert not list(parts_not_adding_up("共100条，其中政策文件60条、通知40条。"))
    # 融安县大坡乡 2024, reworded: the 其中 list opens the next sentence
    [found] = parts_not_adding_up("全年主动公开政府信息100条。其中，政策文件60条，工作动态50条。")
    assert (found.total, found.parts) == (100, (60, 50))
    assert not list(parts_not_adding_up("全年主动公开政府信息100条。其中，政策文件60条，工作动态30条。"))
    # 沙坪坝区小龙坎街道 2023 (held-out round 64), reworded: "内容包括", and counts inside brackets (half-width, as the
    # stored page gives them) that are not parts
    text = "通过网站公开信息346条,内容包括日常工作240条(11个科室以及4个社区)、公开指南1条、基层政务公开106条(救灾等)。"
    [found] = parts_not_adding_up(text)
    assert (found.total, found.parts) == (346, (240, 1, 106))
    assert not list(parts_not_adding_up(text.replace("106条", "105条")))


def test_a_last_part_in_another_measure_word_that_makes_up_the_total():
    """长安区砲里街道 2022 (held-out round 151): "共计公开各类信息236条,其中……27条,……198条,回复群众诉求11件" — 27 +
    198 is 225, and the 11件 that follows in another measure word makes up the 236: the list is whole (it was said to
    fall a hair short).  A part in another unit that does not make up the difference leaves the list as it was."""
    text = "2022年度共计公开各类信息236条，其中政府网站发布工作动态27条，微信公众号发布信息198条，回复群众诉求11件。"
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("11件", "9件"))
    assert (found.total, found.parts, found.near) == (236, (27, 198), True)


def test_a_part_in_a_measure_word_of_its_own_helps_make_up_the_total():
    """番禺区大石街道 2021 (held-out round 206): "……830条,其中政府文件类78条,政务动态类696条,财政预决算类31条,政府工作
    报告类2份,其他信息23条" — the parts in 条 make 828 and the 2 reports in 份 make up the 830 (it was said to fall 2
    short).  A part in 份 that does not make up the difference leaves the list short."""
    text = (
        "2021年累计主动公开政府信息830条，其中政府文件类78条，政务动态类696条，财政预决算类31条，政府工作报告类2份，"
        "其他信息23条。"
    )
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("2份", "1份"))
    assert (found.total, sum(found.parts), found.near) == (830, 828, True)


def test_the_years_new_and_carried_over_applications_are_one_total():
    """硚口区政府办公室 2025 (held-out round 210): "新收到依申请公开政府信息78件,结转上年度办理3件。其中,答复……75件,……
    结转下年度继续办理3件" — the 其中 list is of the 81 applications (78 new, 3 carried over), not of the 3 said just
    before it: 75 + 3 is 3 short of 81 (it had been said to be 75 over a total of 3)."""
    text = (
        "新收到依申请公开政府信息78件，结转上年度办理3件。其中，答复依申请公开政府信息75件，均在法定期限内予以答复，"
        "结转下年度继续办理3件。"
    )
    [found] = parts_not_adding_up(text)
    assert (found.total, found.parts, found.near) == (81, (75, 3), True)
    assert not list(parts_not_adding_up(text.replace("75件", "78件")))


def test_a_last_part_without_its_measure_word_run_into_the_next_clause():
    """定州市东留春乡 2020 (held-out round 214): "主动公开信息20条，其中执法信息公开17条，财政信息3通过微信公众号……公开
    信息82条" — 17 and the 3 printed without 条 make the 20; the 82 is a channel's count in a clause run on with no
    mark, not a part (it was said that the parts made 102)."""
    text = "主动公开信息20条，其中执法信息公开17条，财政信息3通过微信公众号“魅力东留春”公开信息82条。"
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("财政信息3", "财政信息5"))
    assert (found.total, sum(found.parts)) == (20, 99)


def test_one_total_broken_down_twice():
    """铜梁区政府办公室 2025 (held-out round 207): "共受理政府信息公开申请15件，其中新收到14件，结转上年度办理1件，办结
    13件，结转下年度继续办理2件" — where the 15 came from (14 + 1) and how they ended (13 + 2): no part over the total.
    The total said again as its first part ("43条，其中主动公开政府信息43条，领导信息13条……", 东阳市江北街道 2023) is
    no breakdown, and a second breakdown that does not make the total is over it."""
    text = "本机关共受理政府信息公开申请15件，其中新收到14件，结转上年度办理1件，办结13件，结转下年度继续办理2件。"
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("办结13件", "办结14件"))
    assert (found.total, sum(found.parts)) == (15, 31)
    again = "网站主动公开政府信息43条，其中主动公开政府信息43条，领导信息13条，工作动态25条，财政信息5条。"
    [found] = parts_not_adding_up(again)
    assert (found.total, sum(found.parts)) == (43, 86)


def test_a_part_printed_without_its_measure_word_helps_make_up_the_total():
    """四川省地方志工作办公室 2021 (held-out round 158): "全年主动公开各类信息7333条,其中……185条,财务预决算信息6,人事
    信息5条,……7036条,四川要闻52期" — the parts in 条 make 7275; the 6 printed without 条 and the 52期 after them make up
    the 7333 (it was said to fall 58 short).  Without the bare 6 the list falls short again."""
    text = (
        "全年主动公开各类信息7333条，其中工作动态类信息185条，财务预决算信息6，人事信息5条，政民互动类信息2条，"
        "发布通知通告47条，全省地情动态信息7036条，四川要闻52期。"
    )
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("财务预决算信息6，", ""))
    assert (found.total, found.parts, found.near) == (7333, (185, 5, 2, 47, 7036), True)


def test_a_list_in_dun_that_reaches_its_total_ends_at_the_comma():
    """林州市 2023 (held-out round 164): "主动公开政府信息5648条。其中，信息公开目录信息4804条、政务动态信息838条、
    概况类信息6条，互动交流留言收到1465条、办结1213条" — the three kinds make the 5648; after the ，the messages
    received and answered are another statistic: neither a sum over the total nor a ，inside a list in 、."""
    from plugins.common.prose.separators import commas_in_a_dun_list

    text = (
        "2023年度主动公开政府信息5648条。其中，信息公开目录信息4804条、政务动态信息838条、概况类信息6条，"
        "互动交流留言收到1465条、办结1213条、公开答复1213条。"
    )
    assert not list(parts_not_adding_up(text))
    assert not list(commas_in_a_dun_list(text))
    # short of the total at the ，, the list goes on and is over it; kinds on both sides of a ，are one list
    [found] = parts_not_adding_up(text.replace("概况类信息6条", "概况类信息5条"))
    assert found.total == 5648 and sum(found.parts) > 5648
    kinds = text.replace("互动交流留言收到1465条、办结1213条、公开答复1213条", "解读信息12条、图片信息3条、视频2条")
    assert len(list(commas_in_a_dun_list(kinds))) == 1


def test_a_list_that_makes_its_total_before_a_semicolon_ends_there():
    """昆明市应急管理局 2022 (held-out round 166): "本年度共收到信息公开申请13件，其中通过……系统收到11件，局长信箱
    收到2件；予以公开2件，部分公开1件，……9件，其他处理1件" — the channels make the 13; after the ；the outcomes are
    another list: no sum of 26 against 13, no ，and ；mixed in one list."""
    from plugins.common.prose.separators import mixed_separators

    text = (
        "本年度共收到信息公开申请13件，其中通过市政府信息依申请公开系统收到11件，局长信箱收到2件；予以公开2件，"
        "部分公开1件，本机关不掌握相关信息9件，其他处理1件，所有申请已按规定予以答复。"
    )
    assert not list(parts_not_adding_up(text))
    assert not list(mixed_separators(text))
    # short of the total before the ；, the whole list runs on and is said
    [found] = parts_not_adding_up(text.replace("收到11件", "收到10件"))
    assert found.total == 13 and sum(found.parts) > 13


def test_a_running_total_after_the_list_is_no_part_of_the_year_count():
    """北京市经济和信息化委员会 2013 (held-out round 146): "共主动公开政府信息409条,其中全文电子化率达100%,目前我委
    总计主动公开政府信息3906条" — the 3906 of all the years in a clause of its own was read as a part of the 409."""
    text = "我委2013年共主动公开政府信息409条，其中全文电子化率达100%，目前我委总计主动公开政府信息3906条。"
    assert not list(parts_not_adding_up(text))
    assert not list(parts_not_adding_up(text.replace("目前我委总计", "历年累计")))
    # a part over the total in a clause of its own still is one
    [found] = parts_not_adding_up(text.replace("目前我委总计主动公开政府信息", "其中政策文件"))
    assert (found.total, found.parts) == (409, (3906,))


def test_a_change_on_last_year_before_the_list_is_not_its_total():
    """庆云县尚堂镇 2021 (held-out round 134): "公开政府信息145条,与去年相比增加45条。其中……93条,……52条" — the list
    is of the 145, not of the 45 more than last year (it was read as 145 > 45)."""
    text = "2021年公开政府信息145条，与去年相比增加45条。其中通过政府网站公开信息93条，通过宣传栏公开信息52条。"
    assert not list(parts_not_adding_up(text))
    assert not list(parts_not_adding_up(text.replace("增加45条", "减少了45条")))
    [found] = parts_not_adding_up(text.replace("与去年相比增加45条", "共45条"))  # a count of its own still is
    assert (found.total, found.parts) == (45, (93, 52))


def test_a_part_broken_down_in_its_turn():
    """天门市拖市镇 2020 (held-out round 35): the list after the second 其中 is of the 72 on the website, not of the
    114 — no 143 > 114; a list of the inner count that adds up to more than it is still said."""
    text = (
        "全镇累计主动公开政府信息114条，其中通过政府网站公开信息72条，其中包括机构职能类3条、领导信息类10条、"
        "政务动态类36条、财政信息类6条、重大政策落实7条、规划总结2条、公文4条、公开指南1条等。"
    )
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("领导信息类10条", "领导信息类20条"))
    assert (found.total, sum(found.parts)) == (72, 79)
    # the second 其中 after another count than the list's first one: still a list of the total
    [found] = parts_not_adding_up("共公开信息100条，其中政策文件60条、通知50条，其中转发3条。")
    assert found.total == 100


def test_a_kind_named_twice_in_one_list():
    """天门市拖市镇 2020 (held-out round 35): "规划总结2条" twice in the list of the website's 72."""
    from plugins.common.prose.doubled import doubled_items

    text = (
        "其中包括机构职能类3条、领导信息类10条、政务动态类36条，财政信息类6条、重大政策落实7条、规划总结2条，"
        "公文4条、规划总结2条、公开指南1条等。"
    )
    assert [item for item, _ in doubled_items(text)] == ["规划总结2条"]
    assert not list(doubled_items(text.replace("公文4条、规划总结2条", "公文4条、规划计划2条")))
    # what became of each count, said after it (吴淞街道 2025, held-out round 124): not a kind named twice
    states = "本年度公文类信息发文共5个，已公开5个，党政混合类信息发文共1个，已公开1个，规范性文件共2个，已公开2个。"
    assert not list(doubled_items(states))
    # two lists, one after the other, each of the same kinds (淮安市 2024): not one kind twice
    two = (
        "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件；"
        "政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件。"
    )
    assert not list(doubled_items(two))
    # the same roles of two bodies, each body named on its first role (河南省商务厅 2013, held-out round 193)
    roles = "厅机关信息公开专职人员3人，兼职人员24人，厅属企事业单位专职人员3人，兼职人员10人，分工负责。"
    assert not list(doubled_items(roles))
    assert [i for i, _ in doubled_items(roles.replace("厅属企事业单位专职人员3人", "专职人员3人"))] == ["兼职人员10人"]


def test_a_kind_named_twice_in_a_list_of_counts_with_their_shares(check):
    """将乐县安仁乡 2010 (corpus): "……科教文体卫生类5条,占总体比例的4.85%;科教文体卫生类信息5条,占总体比例的
    4.85%。" — a list whose items each give a count and a share is one list over its ；, and a name said again with
    信息 after it is the same kind."""
    from plugins.common.prose.doubled import doubled_items

    text = (
        "在主动公开的信息中,政策法规类的信息14条,占总体的比例为13.59%;规划计划类的信息6条,占总体的比例为5.83%;"
        "科教文体卫生类5条,占总体比例的4.85%;科教文体卫生类信息5条,占总体比例的4.85%。"
    )
    assert [item for item, _ in doubled_items(text)] == ["科教文体卫生类信息5条"]
    assert [p.rule for p in check(legacy(active={"text": text})) if p.rule == "prose.doubled-item"] == [
        "prose.doubled-item"
    ]
    other = text.replace("科教文体卫生类信息5条", "机构职能类信息8条")
    assert not list(doubled_items(other))
    lists = "主动公开概况类2条、动态类3条、其他1条；依申请公开概况类2条、动态类1条、其他1条。"  # two lists, no shares
    assert not list(doubled_items(lists))


def test_a_kind_named_twice_in_a_list_without_counts(check):
    """绵竹市农业农村局 2021 (held-out round 54): "主要包括农业部门动态、财政预决算、……、财政预决算信息、行政许可……"."""
    from plugins.common.prose.doubled import doubled_words

    text = "主要包括农业部门动态、财政预决算、农机购置补贴、财政预决算信息、行政许可等。"
    assert [item for item, _ in doubled_words(text)] == ["财政预决算信息"]
    [p] = [p for p in check(legacy(active={"text": text})) if p.rule == "prose.doubled-item"]
    assert p.found == "“财政预决算信息”两次"
    for fine in (
        "主要包括农业部门动态、财政预算、财政决算、行政许可等。",  # two kinds that share a beginning
        "公开了财政预决算、财政预决算公开说明和三公经费。",  # another thing with more words after it
        "包括政策、政策解读、解读材料。",  # two-character items are not compared
    ):
        assert not list(doubled_words(fine)), fine


def test_a_comma_inside_a_list_in_dun():
    """天门市拖市镇 2020 (held-out round 35): "……政务动态类36条，财政信息类6条、……" — a ，between items of a 、 list;
    a ，after the last 、 item may end the list, and is not said."""
    from plugins.common.prose.separators import commas_in_a_dun_list

    text = "其中包括机构职能类3条、领导信息类10条、政务动态类36条，财政信息类6条、重大政策落实7条、公开指南1条等。"
    assert len(list(commas_in_a_dun_list(text))) == 1
    assert not list(commas_in_a_dun_list(text.replace("36条，", "36条、")))
    ends = "其中公开行政规范性文件7件、卫生服务信息9条、健康科普信息13条，在公众号上主动公开各类信息115条。"
    assert not list(commas_in_a_dun_list(ends))
    # 沈阳市皇姑区 2024 (held-out round 147): a list in ，whose items are broken down in brackets, in 、 — the
    # bracketed items are not items of the list
    text = (
        "其中，区政府网站4266条，区政府政务新媒体13331条（抖音视频信息2366条、微信公众号信息3765条、新浪微博信息5344条），"
        "部门政务新媒体2873条，媒体共发布报道3292篇（国家级媒体发稿300篇、省级媒体发稿419条、市级媒体发稿2573篇）。"
    )
    assert not list(commas_in_a_dun_list(text))


def test_a_dun_pair_opening_a_list_in_commas():
    """庆阳市外事办 2020: "其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条,庆阳市党建网公开发布5条,……"
    — one list whose first two items are parted by 、 and the rest by ，; a breakdown in 、 followed by clauses of their
    own, or a list that only closes on a ，, is not said."""
    from plugins.common.prose.separators import dun_opening_a_comma_list

    text = (
        "全年发布信息31条，其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条，"
        "庆阳市党建网公开发布5条，“学习强国”公开发布2条，微信公众号公开发布9条。"
    )
    assert len(list(dun_opening_a_comma_list(text))) == 1
    assert not list(dun_opening_a_comma_list(text.replace("11条、", "11条，")))  # all ，
    all_dun = text.replace("13条，", "13条、").replace("5条，", "5条、").replace("2条，", "2条、")
    assert not list(dun_opening_a_comma_list(all_dun))
    breakdown = "共收到申请10件，其中自然人申请5件、法人申请2件，已办结6件，结转下年度3件，不予公开1件。"
    assert not list(dun_opening_a_comma_list(breakdown))
    # 干召庙镇 2025 (held-out round 110): kinds whose names end differently ("……信息", "视频") are one list too
    kinds = (
        "推送信息137条，其中，发布每周工作动态信息29条、组织开展活动信息10条、培训信息6条，主题教育信息32条，"
        "视频1条，政策解读信息38条，科普宣传信息26条。"
    )
    assert len(list(dun_opening_a_comma_list(kinds))) == 1
    outcomes = "共收到申请12件，其中自然人申请5件、法人申请2件、其他2件，按期答复6件，延期答复3件，结转下年度3件。"
    assert not list(dun_opening_a_comma_list(outcomes))


def test_a_single_dun_inside_a_list_in_commas():
    """平川区种田乡 2021 (held-out round 158): "其中,部门文件4条,……,乡村振兴5条,社会救助8条、社会福利9条,医疗卫生5条,
    ……" — a list of kinds in ，with one 、 between two of them.  A list all in ，, a list with the 、 near its end and
    fewer than three commas, or outcomes of requests paired by 、 are not said."""
    from plugins.common.prose.separators import dun_inside_a_comma_list

    text = (
        "公开信息90条。其中，部门文件4条，政策法规2条，机关简介10篇，乡村振兴5条，社会救助8条、社会福利9条，"
        "医疗卫生5条，生态环境3条，涉农政策5条。"
    )
    assert len(list(dun_inside_a_comma_list(text))) == 1
    assert not list(dun_inside_a_comma_list(text.replace("8条、", "8条，")))  # all ，
    short = "公开信息21条，其中部门文件4条，政策法规2条、机关简介10篇，乡村振兴5条。"
    assert not list(dun_inside_a_comma_list(short))
    outcomes = "共收到申请20件，其中予以公开5件，部分公开2件，不予公开3件、无法提供4件，按期答复6件，结转3件。"
    assert not list(dun_inside_a_comma_list(outcomes))


def test_a_count_of_another_measure_ends_the_parts():
    """庆阳市外事办 2020 (held-out round 42): "……“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条" — the
    97 is counted with its 54 issues, another statistic: the parts are 11 + 13 + 5 + 2 = 31 against 23, not 128."""
    text = (
        "全年报送发布信息23条，其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条，庆阳市党建网公开发布5条，"
        "“学习强国”公开发布2条，“庆阳外事”微信订阅号发布信息54期97条。"
    )
    [found] = parts_not_adding_up(text)
    assert (found.total, sum(found.parts)) == (23, 31)


def test_parts_in_pian_count_with_a_total_in_tiao():
    """篇 and 条 both count pieces of information.  融安县大坡乡 2024 (corpus, assessor's DEFECT 1): "……全年累计主动
    公开政府信息162条。其中,乡镇文件公开41条,通过“融安县大坡乡”微信公众号发布信息293篇。"; 昌江区工信局 2023 (held-out
    round 123): "发布各类信息45条,其中,规范性文件2篇,政策解读2篇,含政务动态信息43条" = 47.  A part in another
    measure still ends the list."""
    text = "全年累计主动公开政府信息162条。其中，乡镇文件公开41条，通过“融安县大坡乡”微信公众号发布信息293篇。"
    [found] = parts_not_adding_up(text)
    assert (found.total, found.parts, found.unit, found.parts_unit) == (162, (41, 293), "条", "篇")
    assert not list(parts_not_adding_up(text.replace("293篇", "93篇")))
    assert not list(parts_not_adding_up(text.replace("293篇", "293期")))
    mixed = "发布各类信息45条，其中，规范性文件2篇，政策解读2篇，含政务动态信息43条。"
    [found] = parts_not_adding_up(mixed)
    assert (found.total, sum(found.parts)) == (45, 47)
    assert not list(parts_not_adding_up(mixed.replace("43条", "41条")))


def test_a_count_after_the_remainder_that_closes_the_total_is_another_statistic():
    """新蔡县 2020 (held-out round 91): "……主动公开政府信息2603条。其中,政务(动态)类信息1688条,概括类信息336条,其他信息
    579条,通过政务微信公开政府信息39条。" — 1688 + 336 + 579 is the 2603; the 39 after the remainder are a channel's
    count, not one more kind.  Parts over the total before any remainder are still reported."""
    text = (
        "2020年，县政府办公室主动公开政府信息2603条。其中，政务（动态）类信息1688条，概况类信息336条，其他信息579条，"
        "通过政务微信公开政府信息39条。"
    )
    assert not list(parts_not_adding_up(text))
    over = text.replace("其他信息579条", "其他信息600条")
    [found] = parts_not_adding_up(over)
    assert (found.total, sum(found.parts)) == (2603, 2663)


def test_kinds_named_then_each_counted_are_the_whole():
    """平潭自然资源与生态环境局 2019: eight kinds named, each counted in the next sentence, 425 of the 475."""
    lead = (
        "2019年度，主动公开政府信息475条。历年累计主动公开政府信息2979条。"
        "政府信息主动公开类别主要涉及公示公告、政策解读、行政处罚。"
    )
    [found] = parts_not_adding_up(lead + "其中公示公告类159条，政策解读类3条，行政处罚类263条。")
    assert (found.total, found.parts, found.complete) == (475, (159, 3, 263), True)
    assert not list(parts_not_adding_up(lead + "其中公示公告类159条，政策解读类3条，行政处罚类313条。"))
    assert not list(parts_not_adding_up(lead + "其中公示公告类159条，政策解读类3条。"))  # one kind not counted
    named_with_deng = lead.replace("、行政处罚。", "、行政处罚等。")  # "等": the list is not the whole
    assert not list(parts_not_adding_up(named_with_deng + "其中公示公告类159条，政策解读类3条，行政处罚类263条。"))


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


def test_a_preamble_opening_on_its_year_publishes_that_years_report(check):
    """高平市南城街街道 2021 (held-out round 224): "2021年,根据《……条例》……规定,南城街街道办事处向社会公布2021年本级
    政府信息公开工作年度报告" — the opening year governs the publishing, but a year's report is published the year
    after.  The year's work told first and the report published in a sentence of its own is right; so is a sentence
    that names another year between (a 要点 of the year cited)."""
    opening = "2018年，根据《中华人民共和国政府信息公开条例》规定，街道办事处向社会公布2018年本级信息公开工作年度报告。"
    [slip] = [p for p in check(legacy(preamble={"text": opening})) if p.rule == "prose.year-slip"]
    assert (slip.source.keypath, slip.found, slip.expected) == ("preamble.text", "2018年公布", "2019年公布")
    right = [
        "2018年，街道认真落实条例。现向社会公布2018年本级政府信息公开工作年度报告。",
        "根据《中华人民共和国政府信息公开条例》规定，现向社会公布2018年政府信息公开工作年度报告。",
        "2018年，按照《关于印发2018年政务公开工作要点的通知》要求，我街道公布2018年度政府信息公开工作年度报告。",
    ]
    for text in right:
        assert "prose.year-slip" not in rules(check(legacy(preamble={"text": text}))), text


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


def test_names_parted_by_commas_are_not_rejoined(check):
    """连云港市 2012 (held-out round 136): "由情况概述,……,工作存在的主要问题及改进情况,2013年工作打算,附表共八个部分
    组成" — the names are parted by commas; "2013年工作打算" and "附表" were joined as one name split at a 、 (there
    is none), and the list read as seven parts against the eight it states."""
    listed = (
        "情况概述,主动公开政府信息情况,依申请公开政府信息、不予公开政府信息及咨询情况,因政府信息公开申请行政复议、"
        "提起行政诉讼情况,工作人员及收费减免情况,工作存在的主要问题及改进情况,2013年工作打算,附表"
    )
    found = check(legacy(preamble={"text": f"本报告由{listed}共八个部分组成。"}))
    assert not [p for p in found if p.rule == "legacy.part-count" and "但列出了" in p.message]
    [count] = [p for p in found if p.rule == "legacy.part-count"]
    assert "列出8个部分" in count.message


def test_names_parted_by_commas_as_many_as_the_count_says(check):
    """庄河市 2016 (held-out round 227): twelve names parted by commas, three of them with 、 of their own — one of
    those, "存在问题、整改措施及2017年工作打算", has words before its 、 that end as a name does — "等十二个部分": the
    commas give the twelve the count confirms, not eighteen."""
    listed = (
        "总体公开情况,主动公开政府信息情况,推进行政决策、执行、管理、服务、结果“五公开”情况,推进重点领域信息公开情况,"
        "开展政策解读情况,回应社会关切情况,依申请公开工作详细情况,信息公开相关举报、复议、诉讼情况,建议提案办理结果公开"
        "情况,制度机制建设情况,存在问题、整改措施及2017年工作打算,其他应报告的事项"
    )
    data = legacy(preamble={"text": f"报告全文包括{listed}等十二个部分。"})
    [count] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert "列出12个部分" in count.message
    data = legacy(preamble={"text": f"报告全文包括{listed}等十一个部分。"})  # a count the commas do not confirm
    [count] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert "但列出了" in count.message


def test_the_older_templates_appeals_part_is_one_name(check):
    """平江县档案局 2017 (held-out round 231): "……、政府信息公开复议、诉讼和申诉情况、……、附件等8部分" — the older
    template's part on 复议, 诉讼 and 申诉 is one name, its 、 its own: eight parts, as stated, not nine."""
    listed = (
        "概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开咨询处理情况、政府信息公开复议、诉讼和申诉情况、"
        "政府信息公开收费情况、存在的问题和改进措施、附件"
    )
    found = check(legacy(preamble={"text": f"全文包括：{listed}等8部分组成。"}))
    [count] = [p for p in found if p.rule == "legacy.part-count"]
    assert "列出8个部分" in count.message


def test_the_two_halves_of_the_appeals_part_are_one_name_in_a_list_of_short_names(check):
    """乌鲁木齐市 2021 (held-out round 133): "……、政府信息公开行政复议、行政诉讼、存在的主要问题及改进情况、……等6部分" —
    the names are short (no 情况), and the 诉讼 half was a seventh part: "说共六个部分，但列出了7个" on a list of six.
    It is one name; the 、 inside it and between the names is what is said instead."""
    from plugins.common.preamble import _rejoin

    listed = (
        "总体情况、主动公开政府信息、收到和处理政府信息公开申请、政府信息公开行政复议、行政诉讼、"
        "存在的主要问题及改进情况、其他需要报告的事项"
    )
    names = _rejoin(listed.split("、"))
    assert len(names) == 6 and names[3] == "政府信息公开行政复议、行政诉讼"
    assert _rejoin(["行政复议", "申诉"]) == ("行政复议", "申诉")  # only 诉讼 is the other half
    found = check(legacy(preamble={"text": f"本报告由{listed}等6部分组成。"}))
    assert not [p for p in found if p.rule == "legacy.part-count" and "但列出了" in p.message]
    [level] = [p for p in found if p.rule == "legacy.part-list-punctuation"]
    assert "政府信息公开行政复议、行政诉讼" in level.message


@pytest.mark.parametrize(
    ("text", "total", "added"),
    [
        # 平潭综合实验区 2019: the list ends in 其他…, so it is the whole
        (
            "共公布政府信息2599条，（其中机构职能类信息25条，规划计划类信息28条，其他应主动公开政府信息856条）。",
            2599,
            909,
        ),
        # 平潭综合实验区财政金融局 2021: 主动公开 + 依申请公开 + 不予公开 is every piece of information
        ("政府信息总数510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条。", 510, 477),
        # 平潭综合实验区苏平片区管理局 2019: the total said without 共, the count straight before 其中
        (
            "2019年9月以来，苏平片区主动公开政府信息40条，其中办理对外管理服务事项的依据、条件、程序1条，"
            "突发公共事件的应急预案、预警信息及应对情况1条，监督检查情况类信息10条，其他应主动公开的政府信息16条。",
            40,
            28,
        ),
        # 平潭行政审批局 2022: the list follows the count without 其中 and closes with the remainder
        (
            "2022年，主动公开政府信息364条，人事信息17条，国民经济和社会发展规划类信息1条，重大建设项目类信息308条，"
            "公共服务类信息8条，其他应主动公开的政府信息19条。",
            364,
            353,
        ),
    ],
)
def test_a_list_that_is_the_whole_must_add_up_exactly(text, total, added):
    [found] = parts_not_adding_up(text)
    assert found.complete and (found.total, sum(found.parts)) == (total, added)


@pytest.mark.parametrize(
    "text",
    [
        "共22条，其中线上信息公开15条。",  # a partial breakdown
        "共100条，其中政策文件60条、其他40条。",
        # 平潭县 2011: the last item lost its unit and still counts
        "政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402。",
        "主动公开政府信息40条，其中政策文件12条、其他信息28条。",
        # the count before 其中 is the last of a list: the 其中 list is of all of them
        "产生行政复议案件3件、行政诉讼案件3件，其中行政复议结果维持3件、行政诉讼结果维持3件。",
        # 平潭经济发展局 2019: a bracketed breakdown of the first item is not more items of the list
        "全年共制发政府信息437条，其中，主动公开政府信息55条（涵盖政策类6条、规划计划类3条、其他应主动公开的政府信息46条）、"
        "依申请公开341条、不予公开41条。",
        "主动公开政府信息364条，人事信息17条，其他应主动公开的政府信息347条。",
        # the first count is an item, not a total: "99条政策，其中，……5条，……"
        "全年通过网站主动公开99条政策，其中，政策、规范性文件类信息5条，其他信息94条。",
        "全年收到申请12件，办结10件，咨询3件。",  # no remainder: not a whole
        "予以公开56件，部分公开14件，不予公开8件，无法提供24件，其他处理5件。",  # outcomes, the first is no total
    ],
)
def test_lists_that_add_up_or_are_partial_pass(text):
    assert not list(parts_not_adding_up(text))


def test_a_share_of_a_listed_part_against_the_stated_total():
    text = (
        "政府信息总数510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条。"
        "主动公开的政府信息占41.5%。"
    )
    [found] = shares_of_listed_parts(text)
    assert (found.name, found.part, found.total, found.added, found.typed) == ("主动公开", 198, 510, 477, "41.5")
    assert str(found.verdict.rounded) == "38.8"
    right = text.replace("41.5%", "38.8%")
    assert not list(shares_of_listed_parts(right))
    before = "主动公开的政府信息占41.5%。" + text.replace("主动公开的政府信息占41.5%。", "")
    assert not list(shares_of_listed_parts(before))  # a share before the list is not about it


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("今年我局共受理审批事项117件，办结171件，办结率100%。", True),  # 平潭县地税局 2013: digits swapped
        ("受理申请20件，办结19件，办结率95%。", False),
        ("受理行政许可220891件，办结215092件，按时办结率100%。", False),  # 按时办结率 has another numerator
        ("受理30件，办结29件，办结率96.7%。", False),
    ],
)
def test_a_completion_rate_against_its_counts(text, wrong):
    assert bool(list(completion_rates(text))) is wrong


def test_parts_end_where_the_unit_changes():
    """A breakdown that goes on to other measures ("新开设专栏6个，发布解读信息44条") is not summed past them."""
    text = (
        "累计主动公开政府信息10220条，其中政务动态信息4792条，信息公开目录信息5403条，新开设专栏6个，发布解读信息44条。"
    )
    assert not list(parts_not_adding_up(text))


def test_a_remainder_closes_the_list():
    """ "其他重点信息5条" in the middle of a list is one more kind, not the rest: the list may be partial."""
    text = "累计发布信息313条，其中政策文件14条、行政许可93条、其他重点信息5条、工作动态63条。"
    assert not list(parts_not_adding_up(text))
    closed = "累计发布信息313条，其中政策文件14条、行政许可93条、工作动态63条、其他信息5条。"
    [found] = parts_not_adding_up(closed)
    assert found.complete and sum(found.parts) == 175


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 平潭综合实验区 2023: said to report every month, reported 7 times
        ("常态化开展日监测、月通报，对信息公开错情等情况每月通报。全年开展季度通报3次、月通报7次。", [("月", 7, 12)]),
        ("每季度通报一次。全年开展季度通报3次。", [("季度", 3, 4)]),
        ("每季通报。季度通报2期。", [("季度", 2, 4)]),
        ("每月通报。全年月通报12次。", []),
        ("每季度通报一次。全年开展季度通报4次。", []),
        ("自6月起每月通报一次。全年月通报7次。", []),  # begun during the year
        ("每月检查。月通报7次。", []),  # another practice
        ("全年月通报7次。", []),  # no claim of every month
    ],
)
def test_a_practice_said_to_be_regular_against_its_count(text, found):
    assert [(f.period, f.times, f.per_year) for f in frequencies_not_met(text)] == found


def test_frequency_is_reported_where_it_was_typed(check):
    text = "对信息公开错情每月通报。全年开展月通报7次。"
    [p] = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.frequency"]
    assert p.source.keypath == "overview.text" and p.found == 7 and "每月一次，全年应为12次" in p.message


def test_a_part_list_without_a_count_is_read_and_matched_by_name(check):
    """三亚市海棠区 2015: "本年报由概述、……、存在的主要问题及改进措施等组成" over four printed parts, named
    otherwise: when the numbers differ the names are matched in any order, loosely (政府信息 aside)."""
    data = legacy(
        preamble={"text": "本年报由概述、主动公开情况、收费及减免情况、其他需要报告的事项等组成。"},
    )
    found = [p for p in check(data) if p.rule.startswith("legacy.part-")]
    assert ("legacy.part-count", "preamble.text") in {(p.rule, p.source.keypath) for p in found}
    # 收费及减免情况 is listed third, and the report has no such part before its answered 其他需要报告的事项
    [at_place] = [p for p in found if p.source.keypath == "applications"]
    assert "与导语所列“收费及减免情况”不一致" in at_place.message
    # 主动公开情况 answers the printed 主动公开政府信息情况; 概述 answers 概述: neither is reported
    assert not any("“概述”" in p.message or "“主动公开情况”" in p.message for p in found)


def test_names_listed_after_the_last_printed_part_are_the_reports_end(check):
    """A truncated copy (or a report that stops early) lacks the last listed parts: the count says so, and the
    names are not reported one by one."""
    data = legacy(
        preamble={"text": "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、甲乙情况、丙丁情况等组成。"},
        consultation=None,
        appeals=None,
        staffing=None,
        issues=None,
        other=None,
        tables=None,
    )
    found = [p for p in check(data) if p.rule.startswith("legacy.part-")]
    assert [p.rule for p in found] == ["legacy.part-count"], [p.message for p in found]


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ("本报告中所列数据的统计期限自2018年1月1日起至2018年12月14日止。", True),  # 咸宁市人防办 2018
        ("统计时间为2018年3月1日至12月31日。", True),
        ("本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。", False),
        ("统计期限自2018年1月1日至2018年12月31日。", False),
        ("统计时间为2018年1月1日至12月31日。", False),
        ("本报告内容涵盖行署2018年1月1日至12月28日期间的政府信息公开工作情况。", True),  # 海东市 2013
        ("内容涵盖2018年1月1日至12月31日期间的政府信息公开工作情况。", False),
        # a late start of an organ the text says was newly set up (平潭苏平片区管理局 2019) is its whole year …
        ("内容涵盖2018年9月1日至12月31日期间的工作情况。考虑到本局刚刚成立的实际情况，不断完善各项工作制度。", False),
        ("本局于2018年9月正式挂牌。统计期限自2018年9月1日至2018年12月31日。", False),
        # … but not an early end
        ("本局于2018年9月正式挂牌。统计期限自2018年9月1日至2018年12月28日。", True),
        ("内容涵盖2018年9月1日至12月31日期间的工作情况。", True),
    ],
)
def test_a_data_period_that_is_not_the_whole_year(check, text, partial):
    data = legacy(preamble={"text": text})
    data["report"]["year"] = 2018
    found = [p for p in check(data) if p.rule == "prose.period"]
    assert bool(found) is partial
    if found:
        assert found[0].source.keypath == "preamble.text" and found[0].expected == "2018年1月1日至12月31日"


def test_this_years_problems_under_last_years_date(check):
    """六安市裕安区水利局 2013's 存在的主要问题: "2012年,我局的政府信息公开工作从总体来看,运行状况较好……"."""
    slip = legacy(issues={"text": "2017年，我局的政府信息公开工作运行良好，但仍存在更新不够及时的问题。"})
    [p] = [p for p in check(slip) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected, p.source.keypath) == ("2017年", "2018年", "issues.text") and "沿用" in p.message
    for text in (
        "与2017年相比，公开数量有所增加，但仍存在更新不够及时的问题。",  # a comparison, not the year's label
        "2018年，我局的政府信息公开工作运行良好，但仍存在更新不够及时的问题。",
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(issues={"text": text}))}, text


def test_a_document_said_to_be_issued_before_the_year_of_its_number(check):
    """三亚市海棠区政府办 2020 (held-out round 64), reworded: "于2019年开始印发实施《……的通知》（海棠府办〔2020〕
    4号）" — a document numbered 〔2020〕 was issued in 2020."""
    text = "于2017年印发实施《关于印发绩效考核办法的通知》（某府办〔2018〕4号），推动考核落实。"
    [p] = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected) == ("2017年", "2018年") and "〔2018〕" in p.message
    for text in (
        "于2018年印发实施《关于印发绩效考核办法的通知》（某府办〔2018〕4号），推动考核落实。",
        "于2018年转发《关于做好2017年度报告工作的通知》（某府办〔2017〕4号）。",  # an older document: can be
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(overview={"text": text}))}, text


def test_next_years_plan_dated_in_the_report_year(check):
    """平潭县民政局 2013's 改进措施: "针对信息公开工作中出现的问题，2013年我局将着重在以下几方面进行改进：" — the plan
    word comes after the year, in the same sentence."""
    slip = legacy(issues={"text": "针对工作中出现的问题，2018年我局将着重在以下几方面进行改进："})
    [p] = [p for p in check(slip) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected) == ("2018年", "2019年")
    for text in (
        "针对工作中出现的问题，2019年我局将着重在以下几方面进行改进：",
        "2018年我局将信息公开纳入绩效考核，改进了工作作风。",  # 将 as 把, and what was done
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(issues={"text": text}))}, text


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # 平潭自然资源与生态环境局 2020's part 五 opens on its plan: "2020年我局将进一步严格按照信息上网制度……"
        ("2018年我局将进一步严格按照信息上网制度做好审核发布工作。", True),
        ("2018年我局将继续加大公开力度。", True),
        ("2019年我局将进一步严格按照信息上网制度做好审核发布工作。", False),
        ("2018年我局将进一步加强的培训已全部完成了。", False),  # what was done
        ("2018年我局将信息公开纳入考核。", False),
    ],
)
def test_next_years_plan_opening_on_jiang_jinyibu(check, text, slip):
    found = [p for p in check(legacy(issues={"text": text})) if p.rule == "prose.year-slip"]
    assert bool(found) is slip, text


def test_counts_taken_up_to_a_day_short_of_the_years_end(check):
    # 科右中旗哈日诺尔苏木 2019: "截至2019年12月30日,我苏木主动公开143条信息"
    short = legacy(overview={"text": "截至2018年12月30日，我乡主动公开信息143条。"})
    [p] = [p for p in check(short) if p.rule == "prose.period"]
    assert (p.found, p.expected) == ("截至2018年12月30日", "截至2018年12月31日")
    for text in ("截至2018年12月31日，我乡主动公开信息143条。", "截至2019年12月20日，已公开年度报告。"):
        assert "prose.period" not in {p.rule for p in check(legacy(overview={"text": text}))}, text


def test_the_years_work_told_under_the_next_year(check):
    # 内丘县侯家庄乡 2021: "2022年,侯家庄乡人民政府严格按照《……条例》的规定……深入推进政府信息公开工作。"
    slip = legacy(overview={"text": "2019年，我县严格按照条例的规定，深入推进政府信息公开工作。"})
    [p] = [p for p in check(slip) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected) == ("2019年", "2018年")
    for text in (
        "2019年，我县将严格按照条例的规定深入推进。",
        "2018年，我县严格按照条例的规定，深入推进政府信息公开工作。",
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(overview={"text": text}))}, text


def test_a_run_together_period_end_short_of_the_year(check):
    # 吴起县周湾镇 2021: "统计期限自202111日起至20211230日止" — 年 and 月 lost, and the 30th, not the 31st
    short = legacy(preamble={"text": "本报告所列数据的统计期限自201811日起至20181230日止。"})
    [p] = [p for p in check(short) if p.rule == "prose.period"]
    assert p.found == "20181230日" and "12月30日" in p.message
    whole = legacy(preamble={"text": "本报告所列数据的统计期限自201811日起至20181231日止。"})
    assert "prose.period" not in {p.rule for p in check(whole)}


def test_the_improvement_measures_dated_in_the_report_year(check):
    """宿迁沭阳县发展和改革局 2023, under the item heading "整改措施。": "为进一步规范……，2023年我局加大……力度，一是……"
    — no 将, but the item says it is the plan."""

    def issues(heading: str, text: str) -> dict:
        return legacy(
            issues={"items": [{"heading": "存在的问题。", "text": "意识不强。"}, {"heading": heading, "text": text}]}
        )

    plan = "为进一步规范政府信息公开工作，2018年我局加大贯彻落实条例的力度，一是完善机制。"
    [p] = [p for p in check(issues("整改措施。", plan)) if p.rule == "prose.year-slip"]
    assert (p.source.keypath, p.found, p.expected) == ("issues.items[1].text", "2018年", "2019年")
    for heading, text in (
        ("整改措施。", plan.replace("2018年", "2019年")),
        ("改进情况。", plan),  # 改进情况 tells what was done in the year
        ("整改措施。", "针对上述问题，2018年我局加大了培训力度。"),  # what was done
    ):
        assert "prose.year-slip" not in {p.rule for p in check(issues(heading, text))}, (heading, text)


@pytest.mark.parametrize("key", ["date", "published"])
def test_a_report_dated_or_published_before_its_year_is_over(check, key):
    """三亚市海棠区 2015 (成文日期 2015-03-15); 广元市统计局 2012 (published on the portal on 2012-12-14)."""
    import datetime as dt

    def report(day):
        data = legacy()
        data["report"] = {k: v for k, v in data["report"].items() if k not in ("date", "published")}
        data["report"].update({"year": 2012, key: day})
        return data

    [p] = [p for p in check(report(dt.date(2012, 12, 14))) if p.rule == "prose.year-slip"]
    assert (p.source.keypath, p.found) == (f"report.{key}", "2012-12-14") and "早于报告年度2012年结束" in p.message
    for day in (dt.date(2012, 12, 31), dt.date(2013, 1, 20)):
        assert "prose.year-slip" not in {p.rule for p in check(report(day))}, day


def test_this_year_in_a_report_written_the_next_year(check):
    """平潭综合实验区社会事业局 2024, dated 2025年1月20日: "今年以来，我局完成以下工作：" — 今年 is 2025 there."""
    import datetime as dt

    def report(text, date):
        data = legacy(overview={"text": text})
        data["report"] = {**data["report"], "year": 2024, "date": date}
        return data

    found = check(report("今年以来，我局完成以下工作。", dt.date(2025, 1, 20)))
    [p] = [p for p in found if p.rule == "prose.year-slip"]
    assert (p.found, p.source.keypath) == ("今年", "overview.text") and "2025" in p.message
    # 要求 is no plan's 要 (天水市商务局 2019, held-out round 195; 梁平区商务局 2016: "今年，我局按照区政府要求，……")
    for text in ("今年以来，我局按照要求，认真落实各项工作。", "今年，我局按照区政府要求，积极推进公开。"):
        assert "prose.year-slip" in {p.rule for p in check(report(text, dt.date(2025, 1, 20)))}, text
    for text, date in (
        ("今年以来，我局完成以下工作。", dt.date(2024, 12, 31)),  # written in the year itself
        ("今年将继续加强公开工作。", dt.date(2025, 1, 20)),  # a plan for the new year
        ("今年，我局将继续加强公开工作。", dt.date(2025, 1, 20)),
        ("今年度共公开信息20条。", dt.date(2025, 1, 20)),
    ):
        assert "prose.year-slip" not in {p.rule for p in check(report(text, date))}, text
    # no 成文日期 and no portal date (新野县统计局 2020, 麦积区东岔镇 2021): written when the 条例 has it published,
    # in the next year
    undated = legacy(overview={"text": "今年以来，我局完成以下工作。"})
    undated["report"] = {k: v for k, v in {**undated["report"], "year": 2024}.items() if k not in ("date", "published")}
    [p] = [p for p in check(undated) if p.rule == "prose.year-slip"]
    assert "2025年编写公布" in p.message and p.expected.startswith("2024年")


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("2022年，皮山县统计局组织相关人员多次学习政府信息公开申请办理答复规范。", True),  # 皮山县统计局 2023
        ("2022年我镇收到依申请公开申请事项0件。", True),  # 仙桃市沙湖镇 2023 (held-out round 199): no comma
        ("2022年我局积极开展本单位政府信息清理工作，并编制了目录。", False),  # no comma and no count: the work before
        ("2022年，我局共收到申请5件。", True),
        ("2022年，我局共收到申请5件，2023年收到8件。", False),  # a comparison with the report year
        ("2022年，我局收到申请5件，今年较上年有所增加。", False),
        ("2022年，全省出台了新的办法，我局据此修订了制度。", False),  # not the organ's own work
        ("2021年，我局共收到申请5件。", False),  # not the year before
    ],
)
def test_the_years_work_told_under_the_year_before(check, text, slip):
    data = legacy(overview={"text": text})
    data["report"] = {**data["report"], "organ": "皮山县统计局", "year": 2023}
    found = [p for p in check(data) if p.rule == "prose.year-slip" and p.found == "2022年"]
    assert bool(found) is slip, text


def test_the_years_work_told_under_the_year_before_by_a_city_of_three_characters(check):
    """南昌市 2018 (held-out round 201): "2017年,南昌市政府信息公开工作深入贯彻落实……" — a city's name is three
    characters, and it names the organ as well as a longer one does."""
    data = legacy(overview={"text": "2022年，南昌市政府信息公开工作深入推进，主动公开信息500条。"})
    data["report"] = {**data["report"], "organ": "南昌市", "year": 2023}
    assert any(p.rule == "prose.year-slip" and p.found == "2022年" for p in check(data))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 梁平区商务局 2016 (the list then reads one part short: legacy.part-count too)
        ("本报告由政府信息公开工作概述主动公开政府信息情况等六个部分组成。", "“信息公开工作概述主动公开政府信息情况”"),
        # 城步县 2017: the format's own name turned round (政府信息主动公开情况) is still a part's name
        ("本报告包括概述政府信息主动公开情况、其他需要报告的事项。", "“本报告包括概述政府信息主动公开情况”"),
        # 孝昌县 2020: no 由 and no list the preamble reader takes — the names are still read
        (
            "现予以公告报告全文概述主动公开政府信息情况、依申请公开政府信息情况等组成。",
            "全文概述主动公开政府信息情况”",
        ),
    ],
)
def test_two_part_names_run_together(check, text, found):
    [p] = [p for p in check(legacy(preamble={"text": text})) if p.rule == "legacy.part-list-punctuation"]
    assert p.found.endswith(found) and p.source.keypath == "preamble.text" and "缺顿号" in p.message


def test_part_names_joined_or_parted_are_not_run_together(check):
    for text in (
        "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况和其他需要报告的事项等四个部分组成。",
        "本报告由概述，以及主动公开政府信息情况两个部分组成。",
        "全县政务公开情况良好，主动公开政府信息数量稳步增长。",  # not a part's name after 情况
    ):
        assert not [p for p in check(legacy(preamble={"text": text})) if "缺顿号" in p.message], text


def test_a_part_list_with_mixed_separators(check):
    """四平市铁东区解放街道 2011: "本报告由概述,主动公开政府信息情况,……、下一步工作计划等五个部分组成"."""
    mixed = legacy(preamble={"text": "本报告由概述，主动公开政府信息情况、依申请公开政府信息情况等三个部分组成。"})
    [p] = [p for p in check(mixed) if p.rule == "legacy.part-list-punctuation"]
    assert p.source.keypath == "preamble.text" and p.expected == "“、”"
    even = legacy(preamble={"text": "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况等三个部分组成。"})
    assert "legacy.part-list-punctuation" not in {p.rule for p in check(even)}
    # a name's own 、 ("行政复议、行政诉讼情况") is not a separator of the list, and the names around it are parted
    # one level up, by ，(GB/T 15834; 涵江区卫生局 2011, 临海市卫生局 2008, held-out round 54)
    own_comma = "本报告由概述、政府信息公开行政复议、行政诉讼情况、其他需要报告的事项等三个部分组成。"
    [p] = [p for p in check(legacy(preamble={"text": own_comma})) if p.rule == "legacy.part-list-punctuation"]
    assert "本身含顿号" in p.message and p.expected == "“，”"
    assert not [p for p in check(legacy(preamble={"text": own_comma})) if "但列出了" in p.message]  # still three
    nested_commas = "本报告由概述，主动公开情况，申请行政复议、提起行政诉讼的情况，存在的主要问题等四个部分组成。"
    assert "legacy.part-list-punctuation" not in rules(check(legacy(preamble={"text": nested_commas})))
    # every name parted by a comma, none with a 、 of its own (永嘉县农业局 2010, held-out round 22)
    commas = "本报告由概述，主动公开情况，复议和诉讼的情况，存在的主要问题等四个部分组成。"
    [p] = [p for p in check(legacy(preamble={"text": commas})) if p.rule == "legacy.part-list-punctuation"]
    assert "都用了逗号" in p.message and p.found == "“，”"
    two = legacy(preamble={"text": "本报告由概述，主动公开情况两个部分组成。"})  # two names: a comma may part clauses
    assert "legacy.part-list-punctuation" not in {p.rule for p in check(two)}
    # the comma before 共N个部分 closes the list (张义镇 2008, held-out round 22): no separator, still three
    _read_as_counted(check, "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况，共三个部分组成。")


def _read_as_counted(check, preamble: str) -> None:
    """The preamble's part list is read as the names it counts (no "但列出了" count slip) with no warning on the
    marks between them."""
    found = check(legacy(preamble={"text": preamble}))
    assert not [p for p in found if p.rule == "legacy.part-count" and "但列出了" in p.message]
    assert "legacy.part-list-punctuation" not in rules(found)


def test_a_name_with_its_own_dunhao_in_a_list_ending_on_fuzhu(check):
    """天津市西青区 2014 (held-out round 25): "……依申请公开政府信息情况,行政复议、行政诉讼情况,……,政府信息公开年度
    报告表,附注七部分组成" is seven names (it was read as eight: 行政复议 and 行政诉讼情况 apart)."""
    listed = (
        "概述，主动公开政府信息情况，依申请公开政府信息情况，行政复议、行政诉讼情况，"
        "政府信息公开工作存在的主要问题及改进情况，政府信息公开年度报告表，附注"
    )
    # one name holds a 、 of its own: the names are rightly parted by commas (GB/T 15834), so no punctuation warning
    _read_as_counted(check, f"本年度报告由{listed}七部分组成。")
    # the same list parted by 、 cannot be counted: its names say so
    found = check(legacy(preamble={"text": f"本年度报告由{listed.replace('，', '、')}七部分组成。"}))
    [p] = [p for p in found if p.rule == "legacy.part-list-punctuation"]
    assert "“行政复议、行政诉讼情况”本身含顿号" in p.message and p.expected == "“，”"


def test_names_parted_by_commas_with_a_name_of_three_words_in_dun(check):
    """内黄县 2018 (held-out round 58): "……依申请公开政府信息情况,投诉举报、行政复议、行政诉讼情况,……等六部分组成" is
    six names parted by commas, the fourth holding two 、 of its own (it was read as seven, 、 and ，mixed)."""
    listed = (
        "基本情况概述，主动公开政府信息情况，依申请公开政府信息情况，投诉举报、行政复议、行政诉讼情况，"
        "政府信息公开的收费及减免情况，主要问题和改进措施"
    )
    _read_as_counted(check, f"报告全文由{listed}等六部分组成。")


def test_the_last_name_joined_by_yiji_or_yu_is_a_name_of_its_own(check):
    """平潭综合实验区交通与建设局 2022: "……存在的主要问题和改进情况以及其他需要报告的事项共六个部分" is six names (it
    was read as five: "导语说共六个部分，但列出了5个"); 平潭县民政局 2013: "……需要说明的事项与附表" is two."""
    listed = "总体情况、主动公开情况、依申请公开情况、复议和诉讼情况、存在的主要问题和改进情况以及其他需要报告的事项"
    found = check(legacy(preamble={"text": f"本报告包括{listed}共六个部分。"}))
    [count] = [p for p in found if p.rule == "legacy.part-count"]
    assert count.found == 6 and "导语列出6个部分" in count.message  # six listed, against the nine printed
    found = check(legacy(preamble={"text": "本报告由概述、主动公开情况、需要说明的事项与附表共四个部分组成。"}))
    [count] = [p for p in found if p.rule == "legacy.part-count"]
    assert count.found == 4 and "导语列出4个部分" in count.message


def test_a_list_that_goes_on_in_parallel_after_a_semicolon():
    """平潭县卫生局 2012: "共主动公开政府信息130条，其中通过……网站公开的……96条，……；通过……公开栏公开的有44条。" —
    the second channel opens on the same word as the first, after the ；: 96 + 44 is more than 130."""
    text = "共主动公开政府信息130条，其中通过网站公开的信息96条，占73.85%；通过公开栏公开的有44条。"
    [found] = parts_not_adding_up(text)
    assert (found.total, found.parts) == (130, (96, 44))
    for other in (
        "共主动公开政府信息130条，其中通过网站公开96条；另外发布动态信息200条。",  # not the list going on
        "共主动公开政府信息140条，其中通过网站公开96条；通过公开栏公开44条。",
    ):
        assert not list(parts_not_adding_up(other)), other


def test_the_preamble_naming_another_years_report_without_zhengfu(check):
    """青岛市李沧区卫生局 2009 (held-out round 23): "特向社会公布2008年度卫生局信息公开工作年度报告" — the report
    named without 政府 before 信息公开 is the report all the same."""
    data = legacy(preamble={"text": "特向社会公布2017年度卫生局信息公开工作年度报告。"})
    [p] = [p for p in check(data) if p.rule == "prose.year-slip" and p.source.keypath == "preamble.text"]
    assert (p.found, p.expected) == ("2017年", "2018年")


def test_the_preamble_naming_another_years_report(check):
    """平潭综合实验区旅游与文化体育局 2022: "结合我局实际，编制完成2023年度政府信息公开工作年度报告"."""
    data = legacy(preamble={"text": "结合我局实际，编制完成2019年度政府信息公开工作年度报告。"})
    data["report"] = {**data["report"], "year": 2018}
    [p] = [p for p in check(data) if p.rule == "prose.year-slip" and p.source.keypath == "preamble.text"]
    assert (p.found, p.expected) == ("2019年", "2018年")
    for text in (
        "结合我局实际，编制完成2018年度政府信息公开工作年度报告。",
        "参照《2017年政府信息公开工作年度报告》的格式编制。",  # another report's title, cited
        "特向社会公布2018年度卫生局信息公开工作年度报告。",
    ):
        data["preamble"] = {"text": text}
        assert not [p for p in check(data) if p.rule == "prose.year-slip" and "导语说的是" in p.message], text


def test_the_three_kinds_said_in_the_sentence_end_the_list():
    """平潭综合实验区社会事业局 2022: "……共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；全年通过
    政府门户网站主动公开政策……5条，……其他应主动公开的政府信息2条。" — 169 + 317 + 24 is the 510; what follows the ；
    is another list (it was added in, 691)."""
    text = (
        "全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；"
        "全年通过政府门户网站主动公开政策类信息5条，民政类信息77条，其他应主动公开的政府信息2条。"
    )
    assert not [f for f in parts_not_adding_up(text) if f.total == 510]
    [found] = [f for f in parts_not_adding_up(text.replace("不予公开24条", "不予公开25条")) if f.total == 510]
    assert found.complete and sum(found.parts) == 511


def test_this_year_in_the_plans_part_only_for_what_was_done(check):
    """平潭综合实验区社会事业局 2022's 存在问题: "今年，我局政府信息公开工作取得一定成效" (dated 2023): what was done is
    the report year; "今年重点做好……" in the same part is the plan for the new year."""
    import datetime as dt

    def report(text):
        data = legacy(issues={"text": text})
        data["report"] = {**data["report"], "year": 2022, "date": dt.date(2023, 1, 9)}
        return data

    found = [
        p for p in check(report("今年，我局政府信息公开工作取得一定成效，但仍有不足。")) if p.rule == "prose.year-slip"
    ]
    assert [p.source.keypath for p in found] == ["issues.text"]
    assert "prose.year-slip" not in {p.rule for p in check(report("今年重点做好以下工作：完善制度。"))}


def test_a_period_stated_without_its_dates(check):
    # 平潭县人民政府 2013: "本报告所列数据的统计期限自至。"
    from conftest import legacy

    found = [p for p in check(legacy(preamble={"text": "本报告所列数据的统计期限自至。"})) if p.rule == "prose.period"]
    assert [p.found for p in found] == ["统计期限自至"] and found[0].expected == "自2018年1月1日起至2018年12月31日止"
    # 天台县民政局 2013 (held-out round 215): "起止时间为至。"
    found = [p for p in check(legacy(preamble={"text": "本报告中所列数据起止时间为至。"})) if p.rule == "prose.period"]
    assert [p.found for p in found] == ["起止时间为至"]


def test_kinds_listed_in_a_later_sentence_than_the_count_they_break_down():
    # 平潭社会事业局 2022, reworded: 169 stated, the kinds closed by 其他 add up to 170
    text = (
        "全年印发文件510条，其中主动公开信息数169，依申请公开317条，不予公开24条；"
        "全年通过门户网站主动公开政策，规范性文件类信息5条，就业类信息77条，卫健类信息83条，"
        "应急管理类信息3条，其他应主动公开的政府信息2条，回应公众关切3条。"
    )
    [found] = [f for f in parts_not_adding_up(text) if f.total == 169]
    assert (sum(found.parts), found.complete) == (170, True)
    # the same kinds adding up to the count: nothing to say
    assert not [f for f in parts_not_adding_up(text.replace("卫健类信息83条", "卫健类信息82条")) if f.total == 169]
    # not closed by the remainder: a selection of kinds, not the whole
    partial = "主动公开政府信息169条。其中重点公开政策类信息5条，就业类信息77条，卫健类信息83条。"
    assert not [f for f in parts_not_adding_up(partial) if f.total == 169]
    # the sentence's own count before its kinds is the other rule's (其中 list), not compared with an earlier one
    own = "主动公开政府信息24条。在主动公开的24条政府信息中，规范性文件7条，职能5条，预决算0条，其他信息12条。"
    assert [(f.total, sum(f.parts)) for f in parts_not_adding_up(own)] == []
    # a running total (累计, 历年) is not the count the year's kinds break down: the year's count before it is
    kinds = "全年通过门户网站主动公开政策类信息5条，就业类信息77条，卫健类信息83条，其他应主动公开的政府信息2条。"
    assert not [f for f in parts_not_adding_up("历年累计主动公开政府信息900条。" + kinds) if f.total == 900]
    year_then_running = "2022年主动公开政府信息169条，历年累计主动公开政府信息900条。" + kinds
    assert [(f.total, sum(f.parts)) for f in parts_not_adding_up(year_then_running)] == [(169, 167)]


def test_each_bodys_share_of_the_published_count_stated_before():
    # 平潭县人民政府 2012, reworded: the shares are of every piece of information (3978), not of the 2026 published
    text = (
        "制作政府信息总数3978条，其中主动公开政府信息2026条，依申请公开46条，不予公开1906条。"
        "主动公开的政府信息，县直各单位主动公开政府信息2475条，占62.2%。各乡镇主动公开政府信息1503条，占37.8%。"
    )
    [found] = shares_of_listed_parts(text)  # once for the run of shares
    assert (found.part, found.total, str(found.verdict.rounded), found.added) == (2475, 2026, "122.2", 3978)
    # the same shares of the count they are of (平潭县人民政府 2013): nothing to say
    fine = (
        "其中主动公开政府信息1853条。主动公开的政府信息，县直各单位主动公开政府信息1251条，占67.5%。"
        "各乡镇主动公开政府信息602条，占32.5%。"
    )
    assert list(shares_of_listed_parts(fine)) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 平潭行政审批局 2023 and 2021, reworded
        ("2023年，主动公开政府信息312条，重大建设项目类信息280条，规范性文件类信息5条，行政许可类信息3条。", 1),
        ("今年我局公开278条政务信息，机构职能类信息2条，行政许可类信息3条，其他应主动公开的政府信息21条。", 1),
        # said as its parts, or a list of kinds rather than a total and its parts
        ("主动公开政府信息312条，其中重大建设项目类信息280条，规范性文件类信息32条。", 0),
        ("主动公开政府信息124条，涵盖政策类11条、重大建设项目类35条。", 0),
        ("共发布生态环境保护类信息40条，征地信息类121条，土地出让类信息39条。", 0),
        ("主动公开政府信息312条，办理申请3件，发布解读5篇。", 0),
        # 临潼区西泉街办 2020: channels side by side, one of them larger than the first count — not its parts
        (
            "本年度在政府门户网站主动公开发布政务信息80条，通过美篇平台发布各类工作动态893条，其他网络途径公开信息8条。",
            0,
        ),
    ],
)
def test_a_breakdown_without_qizhong(text, found):
    from plugins.common.prose.breakdowns import breakdowns_without_qizhong

    assert len(list(breakdowns_without_qizhong(text))) == found


@pytest.mark.parametrize(
    ("text", "mixed"),
    [
        # 平潭君山片区 2021, reworded
        (
            "全年主动公开信息161条，其中机关职能类信息31条，行政许可类信息1条，财政类信息4条；应急预案类信息43条；"
            "其他应主动公开的政府信息32条。",
            True,
        ),
        ("其中机关职能类信息31条，行政许可类信息1条，财政类信息4条，其他信息32条。", False),
        # two lists, each with its own 其中, joined by ；(淮安市 2024)
        (
            "行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件；行政诉讼46件，其中结果维持25件，结果纠正5件，"
            "其他结果9件。",
            False,
        ),
        # after the ；a clause of its own (平潭社会事业局 2022)
        (
            "其中主动公开信息169条，依申请公开317条，不予公开24条；全年通过门户网站公开政策类信息5条，其他信息2条。",
            False,
        ),
        # items that give their share: the ，before 占 is inside the item (永嘉县农业局 2010, held-out round 22)
        ("其中，机构信息1条；工作信息126条，占86.9%；民生事项0条；行政执法12条，占8.3%；财政管理6条，占4.1%。", False),
        ("其中，机构信息1条，工作信息126条，占86.9%；民生事项0条；行政执法12条，占8.3%；财政管理6条。", True),
        # counts of properties among the items, not one list (平潭交通与建设局 2021)
        ("其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%；即办件有36项，占比63.2%，；其他有5项。", False),
    ],
)
def test_a_list_whose_items_are_separated_by_commas_and_semicolons(text, mixed):
    from plugins.common.prose.separators import mixed_separators

    assert bool(list(mixed_separators(text))) is mixed


def test_counts_of_items_that_have_a_property_overlap():
    # 平潭交通与建设局 2021, reworded: 57 licensing items among 89, 45 "一趟不用跑" and 41 "全程网办" — properties
    text = (
        "在省网发布的事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%；"
        "实现“全程网办”的有41项，占比71.9%；即办件有36项，占比63.2%。"
    )
    assert not list(parts_not_adding_up(text))
    from plugins.common.prose.shares import shares_over_100

    assert not list(shares_over_100(text))


@pytest.mark.parametrize(
    ("after", "slip"),
    [
        ("2017年，在主动公开的61条政府信息中，政策文件5条。", True),  # 平潭财政金融局 2024, carried over
        ("2018年，在主动公开的61条政府信息中，政策文件5条。", False),
        ("2017年主动公开政府信息58条，今年有所增加。", False),  # last year's own count: a comparison
    ],
)
def test_the_years_count_told_under_another_year(check, after, slip):
    data = legacy(active={"text": ["2018年主动公开政府信息61条。", after]})
    found = [p for p in check(data) if p.rule == "prose.year-slip" and "条数" in p.message]
    assert bool(found) is slip
    if slip:
        assert (found[0].source.keypath, found[0].found, found[0].expected) == ("active.text[1]", "2017年", "2018年")


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("2017年度主动公开政府信息61条，主要通过四条途径。", True),  # 涵江区卫生局 2011 (held-out round 54)
        ("2017年度主动公开政府信息58条，比上年有所增加。", False),  # another count, compared
        ("2017年度主动公开政府信息61条，较上年增加5条。", False),  # compared: last year's count
    ],
)
def test_the_typed_total_told_only_under_the_year_before(check, text, slip):
    data = legacy(active={"text": text, "total": 61})
    found = [p for p in check(data) if p.rule == "prose.year-slip" and "条数" in p.message]
    assert bool(found) is slip
    if slip:
        assert (found[0].found, found[0].expected) == ("2017年", "2018年") and "填写的总数" in found[0].message


def test_parts_introduced_by_baokuo_add_up_to_more_than_the_count():
    """桃江县松木塘镇 2023 (held-out round 27): "主动公开政府信息32条，包括领导信息类1条、……", the kinds adding up
    to 59."""
    text = "2023年，主动公开政府信息32条，包括领导信息类1条、工作动态类16条、处罚强制类24条。"
    [found] = list(parts_not_adding_up(text))
    assert (found.total, sum(found.parts)) == (32, 41)
    assert not list(parts_not_adding_up(text.replace("处罚强制类24条", "处罚强制类15条")))  # 32 in all
    assert not list(parts_not_adding_up("主动公开政府信息32条，包括领导信息类1条、工作动态类16条。"))  # some kinds


def test_a_whole_list_with_items_in_another_measure_word_that_make_the_total():
    """丽水市 2024 (held-out round 296): "共发布政府信息79603条,其中:会议信息220条,政策文件3302件,意见征集799件,建议提案
    2768件,其他信息72514条" — closed by the remainder, and its items in 件 with those in 条 make the 79603 (it was said
    to fall short, counting the 条 alone).  Without them making it, the whole list falling short is still said."""
    text = "共发布政府信息79603条,其中:会议信息220条,政策文件3302件,意见征集799件,建议提案2768件,其他信息72514条。"
    assert not list(parts_not_adding_up(text))
    [found] = parts_not_adding_up(text.replace("72514条", "72500条"))
    assert found.complete and found.total == 79603


def test_a_list_brought_in_by_a_colon_one_count_a_clause():
    """鹤城区水利局 2025 (held-out round 308): "共发布78条，其中：机构信息数13条；工作动态信息数37条；……；信息公开年报
    1条。" — the ；-clauses after "其中：" are the list's items (77, a hair short of 78); a clause that is not one named
    count ends the list."""
    text = (
        "2025年，共发布78条，其中：机构信息数13条；工作动态信息数37条；文件通知信息数17条；规划计划信息数3条；"
        "人事信息数3条；财政信息数2条；信息公开指南1条；信息公开年报1条。"
    )
    [found] = parts_not_adding_up(text)
    assert (found.total, sum(found.parts), found.near) == (78, 77, True)
    assert not list(parts_not_adding_up(text.replace("年报1条", "年报2条")))
    assert not list(parts_not_adding_up("共发布78条，其中：机构信息13条；全年办结申请5件，答复及时。"))


def test_a_breakdown_in_brackets_straight_after_its_count(check):
    """台州市 2015 (held-out round 291): "其中市直4702项(常用权力1191项、非常用权力748项、委托下放44项,属地管理2711项、
    共性权力18项)" — no 其中 opens the bracket, and its parts add up to 4712.  A bracket of the parts that add up, one
    of a change or a share, or of parts in another unit, says nothing."""
    text = "市直4702项（常用权力1191项、非常用权力748项、委托下放44项，属地管理2711项、共性权力18项），县级38713项。"
    [found] = bracketed_parts_not_adding_up(text)
    assert (found.total, sum(found.parts), found.unit) == (4702, 4712, "项")
    assert not list(bracketed_parts_not_adding_up(text.replace("18项", "8项")))  # 4702 in all
    # 沈阳市皇姑区 2024: the four channels make the 13331 exactly
    assert not list(bracketed_parts_not_adding_up("共13331条(抖音2366条、微信3765条、微博5344条、头条1856条)。"))
    assert not list(bracketed_parts_not_adding_up("受理申请12件（同比增长5件、上年结转9件）。"))
    assert not list(bracketed_parts_not_adding_up("公开信息120条（网站80条、微信40个）。"))
    [near] = bracketed_parts_not_adding_up("公开信息120条（网站80条、微信39条）。")
    assert near.near and sum(near.parts) == 119
    [p] = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.parts-sum"]
    assert "4712项" in p.message and "4702项" in p.message


def test_a_whole_list_short_of_a_total_said_as_more_than_a_figure():
    """东方市东河镇 2018: "累计主动公开政府信息59余条。其中：……；其他1条。" — 59余 is more than 59, and the list, closed
    by the remainder, is the whole: its 58 cannot make it.  An approximate item, or no remainder, reads nothing."""
    text = "全镇主动公开政府信息59余条。其中：法规公文6条；财政公开25条；民生建设26条；其他1条。"
    [found] = list(parts_not_adding_up(text))
    assert (found.total, sum(found.parts), found.approximate) == (59, 58, True)
    assert not list(parts_not_adding_up(text.replace("其他1条", "其他3条")))  # 60: more than 59
    assert not list(parts_not_adding_up(text.replace("其他1条", "其他1余条")))  # an approximate part
    assert not list(parts_not_adding_up(text.replace("；其他1条", "")))  # no remainder: perhaps a selection
    [exact] = list(parts_not_adding_up(text.replace("59余条", "59条")))  # the whole must make it exactly
    assert (exact.total, exact.approximate) == (59, False)


def test_parts_printed_without_their_measure_word_count_towards_a_list_over_its_total():
    """中山市大涌镇 2022 (held-out round 192): "主动公开我镇政府信息3548条。其中,……栏目信息共1223,……微信信息2141、视频
    信息139条,……微信信息438条" — 1223 and 2141 have lost their 条, and with them the list makes 3941: over the total.
    One part with its measure word after unmarked numbers may be another statistic (正蓝旗 2021's 812 of a channel)."""
    text = "主动公开政府信息3548条。其中，网站栏目信息共1223，微信信息2141、视频信息139条，公安微信信息438条。"
    [found] = list(parts_not_adding_up(text))
    assert (found.total, sum(found.parts), found.unmarked) == (3548, 3941, 2)
    assert not list(parts_not_adding_up(text.replace("2141", "1141")))  # 2941: within the total
    one = "年内发布各类信息854条，其中新闻类信息520旗内文件55特色栏目信息219、微信平台同步发布信息812条。"
    assert not list(parts_not_adding_up(one))


def test_a_last_item_of_examples_called_the_other_information_closes_the_list():
    """山阳县 2020 (held-out round 192): "主动公开政府信息6391条,其中概况类信息1105条;政务动态类信息2896条;政府文件、
    工作报告、财务预决算、重大事件等民众关心的其他信息共计2004条" — the last item is the rest: the list must make
    6391."""
    text = (
        "主动公开政府信息6391条，其中概况类信息1105条；政务动态类信息2896条；政府文件、工作报告、重大事件等"
        "民众关心的其他信息共计2004条。"
    )
    [found] = list(parts_not_adding_up(text))
    assert (found.total, sum(found.parts), found.complete) == (6391, 6005, True)
    assert not list(parts_not_adding_up(text.replace("2004条", "2390条")))
    assert not list(parts_not_adding_up(text.replace("民众关心的其他信息", "民众关心的信息")))  # partial: may be


def test_the_report_years_own_final_accounts_told_as_published(check):
    """平武县统计局 2021 (held-out round 30): "公开了我局2022年度财政预算、2021年度决算报告" — a year's 决算 is drawn
    up after the year ends; the one published in 2021 is 2020's."""
    slip = legacy(active={"text": "按照财政局相关要求，公开了我局2019年度财政预算、2018年度决算报告。"})
    [p] = [p for p in check(slip) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected, p.source.keypath) == ("2018年度决算", "2017年度决算", "active.text")
    for text in (
        "按照财政局相关要求，公开了我局2018年度部门预算、2017年度决算报告。",
        "下一步，我局将在规定时间内公开2018年度决算。",  # a plan
        "主动公开本街道2018年部门预决算。",  # 预决算: the budget and the accounts together
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(active={"text": text}))}, text


@pytest.mark.parametrize(
    ("slip", "said", "fine"),
    [
        # 凉州区张义镇 2009 (held-out round 29): "此外,2010年我镇通过门户网站公开各类政府信息24余条" in the report on
        # 2009
        (
            "全部为网上公开。此外，2019年我镇通过门户网站公开各类政府信息24条。",
            ("2019年", "2018年"),
            (
                "全部为网上公开。此外，2018年我镇通过门户网站公开各类政府信息24条。",
                "截至2019年2月，我镇通过门户网站公开各类政府信息124条。",  # a date the count runs to
                "2019年我镇将通过门户网站公开各类政府信息30条以上。",  # a plan
            ),
        ),
        # 天水市乡村振兴局 2021 (held-out round 110): "截至2020年12月31日,我办通过……网站公布信息1877条" in the report
        # on 2021 — the date carried over from last year's report
        (
            "截至2017年12月31日，我局通过门户网站公布信息1877条。",
            ("截至2017年", "截至2018年12月31日"),
            (
                "截至2018年12月31日，我局通过门户网站公布信息1877条。",
                "截至2017年底累计公布信息1877条，2018年新增公布信息300条。",  # the report year told beside it
                "截至2017年底，我局信息公开工作运行正常。",  # a history, no count
                "截至2017年底公布信息1877条，较上年增长10%。",  # a comparison
            ),
        ),
    ],
)
def test_a_count_dated_in_another_year(check, slip, said, fine):
    [p] = [p for p in check(legacy(active={"text": slip})) if p.rule == "prose.year-slip"]
    assert (p.found, p.expected, p.source.keypath) == (*said, "active.text")
    for text in fine:
        assert "prose.year-slip" not in {p.rule for p in check(legacy(active={"text": text}))}, text


def test_parts_counted_in_another_measure_word_than_their_total():
    """陆丰市八万镇 2022: "处理338宗，其中……229个、……62个、……47个" — the parts are the 338 (they add up to it), but
    counted in 个."""
    text = "行政许可共计处理338宗，其中营业执照办理229个、变更事项62个、注销营业执照47个；行政处罚共计46宗。"
    [found] = parts_in_another_unit(text)
    assert (found.total, found.unit, found.parts_unit) == (338, "宗", "个")
    for fine in (
        "行政许可共计处理338宗，其中营业执照办理229宗、变更事项62宗、注销营业执照47宗。",  # one measure word
        "受理申请10件，其中网上申请6个、信函申请3个。",  # 9: another statistic, or a partial list
        "受理申请10件，其中网上申请6个、信函申请4件。",  # two measure words among the parts
        "受理申请10件，其中网上申请10个。",  # one part is no list
        "公开信息100条，其中涉及企业40家、群众60人。",  # 家/人 count other things
    ):
        assert not list(parts_in_another_unit(fine)), fine


def test_parts_in_another_unit_are_reported_where_typed(check):
    data = legacy(active={"text": ["全年处理申请338宗，其中营业执照229个、变更事项62个、注销47个。"]})
    [p] = [p for p in check(data) if p.rule == "prose.parts-unit"]
    assert (p.source.keypath, p.found) == ("active.text[0]", "“个”")


def test_a_list_in_brackets_ends_with_its_bracket():
    """互助县政务服务中心 2020 (held-out round 66): "共受理2720件(其中承办单2299件,重新办理单421件),日均受理7.5件,
    办结2680件。其中,按办件性质分:求助类2252件,……" — the bracketed list is the whole of the parts; a decimal
    ("7.5件") is no count of 5."""
    text = (
        "热线共受理2720件(其中承办单2299件,重新办理单421件),日均受理7.5件,办结2680件。"
        "其中,按办件性质分:求助类2252件,占82.8%;咨询类77件,占2.8%;投诉类382件,占14.1%;建议类9件,占0.3%。"
    )
    assert list(parts_not_adding_up(text)) == []
    [slip] = parts_not_adding_up(text.replace("2299件", "2399件"))
    assert (slip.total, slip.parts) == (2720, (2399, 421))


def test_sums_of_money_with_decimals_against_their_total():
    """银川市公共资源交易中心 2024 (held-out round 223): "……成交金额114.89亿元,节约资金9.33亿元,节约率为8.02%,其中……
    交易金额24.36亿元;……交易金额88.95亿元;……成交总金额0.22亿元;……成交金额2.36亿元" — the four make 115.89亿元,
    a 亿元 more than the total.  The saving is no total; parts within their rounding, or in another unit, pass."""
    from plugins.common.prose.partsums import money_not_adding_up

    text = (
        "中心完成交易项目2471个,成交金额114.89亿元,节约资金9.33亿元,其中政府采购交易金额24.36亿元;"
        "工程建设交易金额88.95亿元;农村产权成交总金额0.22亿元;国有产权成交金额2.36亿元。"
    )
    [slip] = money_not_adding_up(text)
    assert (slip.total, sum(slip.parts), slip.unit) == (Decimal("114.89"), Decimal("115.89"), "亿元")
    assert list(money_not_adding_up(text.replace("88.95亿元", "87.95亿元"))) == []  # 114.89: adds up
    assert list(money_not_adding_up("成交金额114.9亿元，其中工程88.96亿元，采购25.96亿元。")) == []  # 114.92: rounding
    assert list(money_not_adding_up("成交金额114.89亿元，其中工程88.95万元，采购25.95万元。")) == []  # another unit


def test_a_list_in_brackets_after_a_count_without_gong():
    """银川市城市管理局 2024 (corpus): "主动公开政府信息按时发布96条(其中更新概况信息3条,……,意见征集反馈5条)" — the
    count straight before the bracket is the total of the list inside it, with no 共 said: the fifteen parts make 95.
    A list outside the bracket after it is not the bracket's."""
    text = "城市管理局主动公开政府信息按时发布96条(其中更新概况信息3条,部门预算公开7条,市政基础设施建设及维护85条)。"
    [slip] = parts_not_adding_up(text)
    assert (slip.total, slip.parts) == (96, (3, 7, 85))
    assert list(parts_not_adding_up(text.replace("85条", "86条"))) == []
    full = text.replace("(", "（").replace(")", "）").replace("85条", "86条")
    assert list(parts_not_adding_up(full + "发布解读3条。")) == []
    assert [s.parts for s in parts_not_adding_up(full.replace("86条", "88条"))] == [(3, 7, 88)]


def test_a_share_given_with_each_part_of_a_list():
    """互助县政务服务中心 2020 (held-out round 66): "共受理2720件……。其中，按办件性质分：求助类2252件，占82.8%；……
    投诉类382件，占14.1%；……" — 382 of 2720 is 14.0 %.  A share of one part (实现……的有45项，占比78.9%: of the 57
    行政许可) is not of the total."""
    from plugins.common.prose.shares import inline_shares

    text = (
        "热线共受理2720件，办结2680件。其中，按办件性质分：求助类2252件，占82.8%；咨询类77件，占2.8%；"
        "投诉类382件，占14.1%；建议类9件，占0.3%。"
    )
    [slip] = inline_shares(text)
    assert (slip.part, slip.total, slip.typed, str(slip.verdict.rounded)) == (382, 2720, "14.1", "14.0")
    assert list(inline_shares(text.replace("14.1%", "14.0%"))) == []
    part = "在省网发布的事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%。"
    assert list(inline_shares(part)) == []
    # 汶上县白石镇 2020 (held-out round 148): the total is the count straight before 其中, no 共 — shares written a
    # hundredth of what they are (5 of 60 is 8.33 %, not 0.08 %)
    text = "主动公开政府信息60条，其中政务动态类35条，占58%，履职依据类5条，占0.08%，领导信息4条，占0.06%。"
    slips = list(inline_shares(text))
    assert [(s.part, s.total, s.typed) for s in slips] == [(5, 60, "0.08"), (4, 60, "0.06")]
    assert list(inline_shares(text.replace("0.08%", "8.3%").replace("0.06%", "6.7%"))) == []
    # a count before 其中 that is not the clause's only count is not the list's total
    assert list(inline_shares("复议案件3件、诉讼案件3件，其中复议维持3件，占50%。")) == []


def test_bracketed_running_totals_of_a_list_that_is_the_whole_add_up():
    """包头市东河区 2014 (held-out round 135): "共当年更新信息371件（累计公开4092件）。其中，公开政府文件23件（累计公开
    件184件）；公开信息动态348条（累计公开3808条）" — the year's counts add up (23 + 348 = 371), so the two parts are
    the whole, and their running totals must add up too: 184 + 3808 = 3992, not 4092.  Where the year's counts do not
    add up (a partial list), or a part has no bracketed figure, nothing is said of the brackets."""
    from plugins.common.prose.partsums import running_totals_not_adding_up

    text = (
        "截至2014年12月31日，网站首页共当年更新信息371件（累计公开4092件）。其中，公开政府文件23件（累计公开件184件）；"
        "公开信息动态348条（累计公开3808条）。另外，各部门共更新信息1039条。"
    )
    [found] = running_totals_not_adding_up(text)
    assert (found.total, found.parts, found.word) == (4092, (184, 3808), "累计")
    assert list(running_totals_not_adding_up(text.replace("3808条", "3908条"))) == []
    assert list(running_totals_not_adding_up(text.replace("348条", "340条"))) == []  # a partial list
    assert list(running_totals_not_adding_up(text.replace("（累计公开3808条）", ""))) == []


def test_shares_that_add_up_to_the_whole_are_of_the_parts_added_up():
    """合江县尧坝镇 2022 (held-out round 135): "政府网站公开信息118条，占比20.34%；政务新媒体公开信息142条，占比24.48%；
    ……公开信息320条，占比55.18%" — no total in the sentence, the shares add up to 100.00 %, so the whole is
    118 + 142 + 320 = 580, and 320 of 580 is 55.17 % (nudged to 55.18 so that the list adds up).  Shares that do not
    add up to the whole, or a list after a stated total (read by the other readers), are not read here."""
    from plugins.common.prose.shares import shares_of_a_whole

    text = (
        "从公开渠道来看，政府网站公开信息118条，占比20.34%；政务新媒体公开信息142条，占比24.48%；"
        "通过报刊、电视等传统公开载体公开信息320条，占比55.18%。"
    )
    [slip] = shares_of_a_whole(text)
    assert (slip.part, slip.total, slip.typed, str(slip.verdict.rounded)) == (320, 580, "55.18", "55.17")
    assert slip.summed
    assert list(shares_of_a_whole(text.replace("55.18%", "55.17%"))) == []  # 99.99 %: each share rounded, none off
    # shares of something else than the list's whole (they add up to 60 %): not read
    assert list(shares_of_a_whole("政府网站公开118条，占比20%；新媒体公开142条，占比40%。")) == []
    # a stated total before the list: the total is the base, not the parts (the other readers say it)
    assert list(shares_of_a_whole("共公开600条，其中网站公开118条，占比20.34%；新媒体公开482条，占比79.66%。")) == []
    # 高平市南城街街道 2021 (held-out round 224): the first part said with 共 itself, each share "of all the
    # information published" — 183 of 476 is 38.4 %, not 38.5 % (61.5 % for 293 is 61.55 % cut short, said elsewhere)
    text = "其中微信公众号共发布信息293条,占全部公开信息的61.5%,政府网站公开上传信息183条,占全部公开信息的38.5%。"
    cut, slip = shares_of_a_whole(text)
    assert (slip.part, slip.total, slip.typed, str(slip.verdict.rounded)) == (183, 476, "38.5", "38.4")
    assert (cut.part, cut.typed, cut.verdict.truncated) == (293, "61.5", True)  # cut short, not rounded: said so
    assert list(shares_of_a_whole(text.replace("183条", "154条").replace("293条", "246条"))) == []  # of 400


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        # 互助县政务服务中心 2020 (held-out round 66): a monthly report's words in the annual report
        ("本月受理市政府门户网站“市长信箱”33件，办结33件。", True),
        ("全年受理市政府门户网站“市长信箱”33件，办结33件。", False),
        ("每月初通报上月情况，本月底前完成整改。", False),
        ("按照《关于做好本月度信息报送工作的通知》要求。", False),
    ],
)
def test_this_month_in_a_report_on_the_year(check, text, warned):
    found = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.period"]
    assert bool(found) is warned, [p.message for p in found]
    if warned:
        assert found[0].found == "本月" and "月报" in found[0].message


@pytest.mark.parametrize(
    ("said", "warned"),
    [
        # 上海市普陀区市场监管局 2019 (held-out round 208): "2019年1月至今,我局共接收政府信息公开申请92件" in a report
        # posted on 21 January 2020
        ("{y}年1月至今，我局共接收政府信息公开申请92件。", True),
        ("{y}年以来至今，我局共接收政府信息公开申请92件。", True),
        ("{y}年1月至12月，我局共接收政府信息公开申请92件。", False),
        ("2008年以来至今，我局累计接收政府信息公开申请920件。", False),  # a running total from an earlier year
    ],
)
def test_a_count_of_the_report_year_up_to_now(check, said, warned):
    data = legacy()
    year = data["report"]["year"]
    found = [p for p in check(legacy(overview={"text": said.format(y=year)})) if p.rule == "prose.period"]
    assert bool(found) is warned, [p.message for p in found]
    if warned:
        assert "至今" in found[0].found and f"{year}年1月1日至12月31日" in found[0].message


@pytest.mark.parametrize(
    ("said", "warned"), [("截至2087年底", True), ("截至{next}年1月", False), ("截至{y}年底", False)]
)
def test_up_to_a_year_long_after_the_report(check, said, warned):
    # 诸暨市安华镇 2018 (held-out round 210): "截至2087年底,我镇信息公开工作运行正常"
    year = legacy()["report"]["year"]
    text = said.format(y=year, next=year + 1) + "，我镇信息公开工作运行正常。"
    found = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.year-slip"]
    assert bool(found) is warned, [p.message for p in found]
    if warned:
        assert (found[0].found, found[0].expected) == ("2087年", f"{year}年")


def test_a_years_plan_issued_under_a_number_of_the_year_after(check):
    """增城区 2015 (held-out round 246): "《……关于印发 2014 年广州市推进政府信息公开工作要点的通知》(穗府办〔2015〕
    21号)" — a year's 工作要点 is issued in that year; a number of the year after says one of the two years is wrong."""
    text = "按照《某市人民政府办公厅关于印发 2014 年某市推进政府信息公开工作要点的通知》(某府办〔2015〕21号)的要求。"
    [p] = [p for p in check(legacy(overview={"text": text})) if p.rule == "prose.year-slip"]
    assert p.found == "2014年" and "〔2015〕" in p.message
    for text in (
        "按照《某市人民政府办公厅关于印发2015年某市政务公开工作要点的通知》(某府办〔2015〕21号)的要求。",
        "按照《某市人民政府办公厅关于印发2016年某市政务公开工作要点的通知》(某府办〔2015〕90号)的要求。",
    ):
        assert "prose.year-slip" not in {p.rule for p in check(legacy(overview={"text": text}))}, text
