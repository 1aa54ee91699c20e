"""Year slips: a report that speaks of another year than its own, a date before its year ended.

- :func:`year_slips` (``prose.year-slip``, ``prose.period``): the data period stated for another year than the
  report's, or short of the whole year ("统计期限自至"); the plan for the next year dated in the report year
  ("2024年，我局将……" in a 2024 report's improvement part); last year's basis cited for this year's report; "今年" in
  a report written the next year for what was done in the report year ("今年以来" included); the year's 主动公开
  count told again under another year ("2023年，在主动公开的61条政府信息中" beside "2024年主动公开政府信息61条");
  and "本月" in a report on the whole year ("本月受理……33件", a monthly report's words, ``prose.period``);
- :func:`date_problems` (``prose.year-slip``): a 成文日期 before the end of the year the report covers.

Split from :mod:`plugins.common.prose` (the number rules) — these read dates and years, not counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _short
from plugins.common.report import report_year
from plugins.common.texts import in_title

#: where a report states its data period, up to the year it starts in ("内容涵盖行署2013年1月1日至12月28日期间的……",
#: 海东市 2013; "统计数据时间段为……")
_PERIOD_STATED = (
    r"(?:统计期限|统计时限|统计期间|统计时间|统计范围|所列数据|数据时间段|涵盖)[^。]{0,12}?(?:自|从|为)?\s*"
)
_PERIOD = re.compile(_PERIOD_STATED + r"(\d{4})\s*年")
#: the whole period as stated: "自2018年1月1日起至2018年12月14日止", "为2010年1月1日至12月31日"
_SPAN = re.compile(
    _PERIOD_STATED + r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日\s*起?\s*(?:至|到|—|－|-|~)\s*"
    r"(?:(?P<y2>\d{4})\s*年)?\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
)
#: the text saying its organ was set up during the year: a period from that day is the organ's whole year
_NEWLY_SET_UP = re.compile(r"刚刚成立|新成立|新组建|于\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:正式)?(?:成立|组建|挂牌)")
#: counts taken up to a day short of the year's end: "截至2019年12月30日,我苏木主动公开143条信息" (科右中旗哈日
#: 诺尔苏木 2019)
_SHORT_OF_YEAR_END = re.compile(r"截[至止]\s*(?P<y>\d{4})\s*年\s*12\s*月\s*(?P<d>[1-9]|[12]\d|30)\s*日")
#: a period whose end lost its 年 and 月 and still ends short of the year: "自202111日起至20211230日止" (吴起县周湾镇
#: 2021) — the run-together date itself is common.malformed-date's
_RUN_TOGETHER_END = re.compile(_PERIOD_STATED + r"[^。]{0,30}?(?:至|到)\s*(?P<y>\d{4})12(?P<d>[0-3]\d)日")
#: a period stated without its dates: "本报告所列数据的统计期限自至。" (平潭县人民政府 2013), "起止时间为至。" (天台县
#: 民政局 2013)
_EMPTY_SPAN = re.compile(
    r"(?:统计期限|统计时限|统计期间|统计时间|起止时间)(?:为|是)?\s*(?:自|从)?\s*(?:起\s*)?至\s*(?:止\s*)?(?=[。；，,]|$)"
)
#: a document said to be issued in a year ("于2019年开始印发"), its 文号's year in the brackets after its title
_ISSUED_IN = re.compile(
    r"于\s*(?P<y>\d{4})\s*年(?:\d{1,2}月)?(?:\d{1,2}日)?[^。；〔《]{0,8}?(?:印发|出台|制定|下发|制发|颁布)"
    r"[^。；〔]{0,80}?[〔\[［](?P<z>\d{4})[〕\]］]"
)
#: a notice issuing one year's 工作要点, its 文号 in the brackets after its title: "《……关于印发 2014 年广州市推进政府
#: 信息公开工作要点的通知》(穗府办〔2015〕21号)" (增城区 2015) — a year's plan is issued in that year, not after it
_PLAN_OF_YEAR = re.compile(
    r"印发\s*(?P<y>\d{4})\s*年[^《》〈〉。；]{0,30}?要点(?:的通知)?[》〉]?\s*[（(][^（）()]{0,12}?〔(?P<z>\d{4})〕"
)
#: the report the preamble says it is: "现将2022年度政府信息公开工作年度报告公布如下" (not a year in another title)
_NAMED_REPORT = re.compile(
    r"(?<![《〈\d])(?P<y>\d{4})\s*年度?(?:[^，。；《》\d]{0,12}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)(?![》〉])"
)
#: a preamble's sentence that opens on a year and goes on to publish that year's report: "2021年,根据《……条例》……规定,
#: 南城街街道办事处向社会公布2021年本级政府信息公开工作年度报告" (高平市南城街街道 2021) — the report is published
#: the year after the one it covers, so the opening year dates the publication wrongly
_PUBLISHED_IN_ITS_YEAR = re.compile(
    r"(?:^|(?<=[。！？]))\s*(?P<y>\d{4})年[，,](?P<mid>[^。！？]{0,120}?)(?:公布|发布)[^。！？]{0,30}?(?P=y)\s*年度?"
    r"[^。！？《》]{0,30}?年度报告"
)
#: last year's 要点 as the basis: "根据《……关于印发2019年政务公开工作要点的通知》", or the 要点 itself — "按照《中华人民
#: 共和国政府信息公开条例》和《天水市2020年政务公开工作要点》要求" in a 2021 report (武山县榆盘镇 2021), "紧紧围绕国办
#: 《2017年政务公开工作要点》" in a 2018 one (柳州市住建委 2018)
#: — also cited with 落实/贯彻/执行, and with the place between year and 要点 ("认真落实《省人民政府办公厅关于印发2021年
#: 湖北省政务公开工作要点的通知》" in a 2022 report, 大冶市东岳路街道 2022, held-out round 296)
_POINTS = re.compile(
    r"(?:根据|按照|依据|围绕|落实|贯彻|执行)[^。]{0,40}?《[^》]{0,20}?(\d{4})\s*年度?"
    r"(?:[\u4e00-\u9fff]{2,10}?(?:省|自治区|市|州|盟|区|县|旗))?政务公开工作要点"
)
#: an earlier year's plan made the basis of this year's work, anywhere in the report: "将《文成大峃城市新区管委会2017年
#: 政务公开工作实施方案》作为主动公开政府信息的主要依据" in a 2019 report (文成县大峃城市新区管委会 2019)
_PLAN_AS_BASIS = re.compile(
    r"(?:将|把|以)《[^》]{0,30}?(\d{4})\s*年度?政务公开工作(?:要点|实施方案|工作方案)》(?:作为|为)[^。，,]{0,20}?依据"
)
_PLAN = re.compile(r"(\d{4})年[^。；]{0,12}?(?:将|要|计划|拟)")
_PLAN_WORDS = r"下一步|下一年|明年|今后|改进|计划"
_FUTURE = re.compile(r"(?:进一步|继续|持续|着力|切实)")
#: a sentence that opens on a year and the organ as its subject: "2012年，我局的政府信息公开工作……"
_YEAR_OPENING = re.compile(r"(?:^|(?<=[。！？；]))\s*(\d{4})年[，,]\s*(?:我|本|全)")


#: a sentence of the year's work opening on a year: "2022年,皮山县统计局组织……" — then who did it, or 在
#: (with no comma before 我/本: "2022年我镇收到依申请公开申请事项0件" in the 2023 report, 仙桃市沙湖镇 2023)
_WORK_OPENING = re.compile(
    r"(?:^|(?<=[。！？；]))\s*(\d{4})年(?:(?P<comma>[，,])\s*|(?=[我本]))(?P<who>[^，,。；;]{0,12})"
)
#: words that make the sentence a comparison with that year, not the year's own work
_COMPARED = re.compile(r"同比|上年|去年|较|比|增长|减少|以来|至今")


#: words that make a sentence opening on the next year a plan
_PLANNED = re.compile(r"将|计划|拟|打算|下一步|力争|预计")


def _last_year_told(report: Report, keypath: str, text: str, year: int) -> list[Problem]:
    """The report year's work told under the year before, outside the plans part: "2022年,皮山县统计局组织相关人员
    多次学习……" in the 2023 report (皮山县统计局), "2023年，在主动公开的61条政府信息中……" in the 2024 one
    (平潭财政金融局) — the sentence names the organ (or 我/本/在) after the year and compares nothing; or under the
    year after, with no word of a plan: "2022年,侯家庄乡人民政府严格按照……深入推进……" in the 2021 report (内丘县
    侯家庄乡)."""
    organ = str((report.data.get("report") or {}).get("organ") or "")
    problems = []
    for m in _WORK_OPENING.finditer(text):
        if int(m.group(1)) not in (year - 1, year + 1):
            continue
        who = m["who"]
        sentence = re.split(r"[。！？]", text[m.start(1) :], maxsplit=1)[0]
        # (a city's three characters are its name: "2017年,南昌市政府信息公开工作……" in the 2018 report, 南昌市)
        own = who.startswith(("我", "本", "在")) or (len(organ) >= 3 and who.startswith(organ[:6]))
        if not own or str(year) in sentence or _COMPARED.search(sentence):
            continue
        if int(m.group(1)) == year + 1 and _PLANNED.search(sentence):
            continue  # "2022年，我局将……": a plan, said outside the plans part
        if not m["comma"] and not re.search(r"\d+\s*[件条次项篇]", sentence):
            continue  # no comma: only a count told under the other year ("2008年我局积极开展……清理工作" in the 2009
            # report, 东城区审计局, is the work before the 条例 came into force)
        problems.append(
            warning(
                "prose.year-slip",
                f"“{_short(sentence, 24)}”：报告年度是{year}年，这里写的是本年度的工作，年份却是{m.group(1)}年",
                report.ref(keypath),
                expected=f"{year}年",
                found=f"{m.group(1)}年",
            )
        )
    return problems


#: a clause opening on a year and the organ: "，2023年我局加大……"
_YEAR_CLAUSE = re.compile(r"(?:^|(?<=[。！？；，,]))\s*(\d{4})年[，,]?\s*(?:我|本)")
#: an item heading that says the item is the plan: "整改措施。", "下一步工作打算" (not "改进情况": what was done)
_PLAN_HEADING = re.compile(r"措施|打算|计划|下一步|今后|努力方向")


def _under_plan_heading(report: Report, keypath: str) -> bool:
    """``keypath`` is the text of an item whose heading says it is the plan ("issues.items[1].text" under "整改措施。",
    宿迁沭阳县发展和改革局 2023)."""
    m = re.fullmatch(r"(?P<item>[a-z_0-9]+(?:\.items\[\d+\])+)\.text(?:\[\d+\])?", keypath)
    if m is None:
        return False
    node: object = report.data
    for step in re.findall(r"[a-z_0-9]+|\[\d+\]", m["item"]):
        if step.startswith("["):
            index = int(step[1:-1])
            node = node[index] if isinstance(node, list) and index < len(node) else None
        else:
            node = node.get(step) if isinstance(node, dict) else None
    heading = node.get("heading") if isinstance(node, dict) else None
    return isinstance(heading, str) and bool(_PLAN_HEADING.search(heading))


def year_slips(report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...]) -> list[Problem]:
    """The data period stated for another year, or for part of the year; the next year's plan dated in the report
    year."""
    year = report_year(report.data)
    if year is None:
        return []
    problems = []
    # a period that starts late in the year of an organ the text says was newly set up ("考虑到苏平片区刚刚成立的实际
    # 情况", 平潭苏平片区管理局 2019: "内容涵盖2019年9月1日至12月31日") is its whole year
    new_organ = any(_NEWLY_SET_UP.search(text) for _, text in texts)

    def say(rule: str, message: str, keypath: str, *, expected: str, found: str) -> None:
        problems.append(warning(rule, message, report.ref(keypath), expected=expected, found=found))

    for keypath, text in texts:
        for m in _PERIOD.finditer(text):
            if int(m.group(1)) != year:
                say(
                    "prose.year-slip",
                    f"统计期限写的是{m.group(1)}年，报告年度是{year}年",
                    keypath,
                    expected=f"{year}年",
                    found=f"{m.group(1)}年",
                )
        for m in _SPAN.finditer(text):
            start = (int(m["m1"]), int(m["d1"]))
            end_year = int(m["y2"] or m["y1"])
            end = (int(m["m2"]), int(m["d2"]))
            short_start = start != (1, 1) and not new_organ
            if int(m["y1"]) == year and end_year != year:
                # "所列数据统计时限为2020年1月1日至2021年12月31日" in the 2020 report (贵阳市大数据局 2020)
                say(
                    "prose.year-slip",
                    f"统计期限“{m.group(0)[m.group(0).index(m['y1']) :]}”止于{end_year}年，报告年度是{year}年",
                    keypath,
                    expected=f"至{year}年12月31日",
                    found=f"至{end_year}年",
                )
            if int(m["y1"]) == year == end_year and (end != (12, 31) or short_start):
                say(
                    "prose.period",
                    f"统计期限“{m.group(0)[m.group(0).index(m['y1']) :]}”不是{year}年全年（应为1月1日至12月31日）："
                    "年度报告的数据应覆盖全年（新设机构从设立之日算起的，请在正文写明）",
                    keypath,
                    expected=f"{year}年1月1日至12月31日",
                    found=f"{m['m1']}月{m['d1']}日至{m['m2']}月{m['d2']}日",
                )
        for m in _RUN_TOGETHER_END.finditer(text):
            if int(m["y"]) == year and 1 <= int(m["d"]) < 31:
                say(
                    "prose.period",
                    f"统计期限止于“{m['y']}12{m['d']}日”，即12月{int(m['d'])}日：不是{year}年全年（应至12月31日）",
                    keypath,
                    expected=f"{year}年1月1日至12月31日",
                    found=f"{m['y']}12{m['d']}日",
                )
        for m in _SHORT_OF_YEAR_END.finditer(text):
            if int(m["y"]) == year:
                say(
                    "prose.period",
                    f"“{m.group(0)}”：年度报告的数据应统计到{year}年12月31日（全年），"
                    f"截至12月{m['d']}日少了年底的{31 - int(m['d'])}天",
                    keypath,
                    expected=f"截至{year}年12月31日",
                    found=m.group(0),
                )
        for m in _EMPTY_SPAN.finditer(text):
            say(
                "prose.period",
                f"“{m.group(0)}”：统计期限没有写出起止日期",
                keypath,
                expected=f"自{year}年1月1日起至{year}年12月31日止",
                found=m.group(0),
            )
        if keypath.startswith("preamble"):  # the basis cited for this year's report: that year's 工作要点
            for m in _NAMED_REPORT.finditer(text):  # "编制完成2023年度政府信息公开工作年度报告" in the 2022 report
                if int(m["y"]) != year:
                    say(
                        "prose.year-slip",
                        f"导语说的是“{m.group(0)}”，本报告是{year}年度的",
                        keypath,
                        expected=f"{year}年",
                        found=f"{m['y']}年",
                    )
        # the year's work done "按照" another year's 要点: in the 导语, or in part 一 where a report opens without one
        # ("按照《国务院办公厅关于印发2019年政务公开工作要点的通知》……精神" in 辽宁省外办 2020, held-out round 282)
        if keypath.startswith(("preamble", "overview")):
            where = "导语" if keypath.startswith("preamble") else "第一部分"
            for m in _POINTS.finditer(text):
                if int(m.group(1)) != year:
                    say(
                        "prose.year-slip",
                        f"{where}以《……{m.group(1)}年政务公开工作要点……》为依据，报告年度是{year}年",
                        keypath,
                        expected=f"{year}年政务公开工作要点",
                        found=f"{m.group(1)}年政务公开工作要点",
                    )
        for m in _PUBLISHED_IN_ITS_YEAR.finditer(text):
            if int(m["y"]) == year and not re.search(r"(?:\d{4}年|将|拟)", m["mid"]):
                say(
                    "prose.year-slip",
                    f"“{_short(m.group(0).strip(), 30)}”：句首的“{year}年”管到“公布”上，可{year}年度的报告是在"
                    f"{year + 1}年公布的；删去句首的年份，或把这一年的工作和公布报告分成两句",
                    keypath,
                    expected=f"{year + 1}年公布",
                    found=f"{year}年公布",
                )
        for m in _PLAN_AS_BASIS.finditer(text):
            if int(m.group(1)) < year:
                say(
                    "prose.year-slip",
                    f"“{_short(m.group(0), 40)}”：报告年度是{year}年，依据的却是{m.group(1)}年的方案（要点），"
                    "疑为沿用旧年的报告",
                    keypath,
                    expected=f"{year}年",
                    found=f"{m.group(1)}年",
                )
        if keypath.split(".")[0] in plan_keys:
            for m in _YEAR_OPENING.finditer(text):  # this year's problems told under last year's date
                if int(m.group(1)) == year - 1:
                    say(
                        "prose.year-slip",
                        f"“{_short(text[m.start(1) :], 24)}”：报告年度是{year}年，这一部分写的是本年度的情况，"
                        "疑为沿用上一年的报告",
                        keypath,
                        expected=f"{year}年",
                        found=f"{m.group(1)}年",
                    )
            if _under_plan_heading(report, keypath):
                for m in _YEAR_CLAUSE.finditer(text):  # "整改措施。……，2023年我局加大……力度，一是……"
                    rest = re.split(r"[。！？；，,]", text[m.end() :], maxsplit=1)[0]
                    if int(m.group(1)) == year and "了" not in rest and not _PLAN.match(text, m.start(1)):
                        say(
                            "prose.year-slip",
                            f"“{_short(text[m.start(1) :], 20)}”：改进措施是下一年的安排，却写成了"
                            f"“{m.group(1)}年”（报告年度）",
                            keypath,
                            expected=f"{year + 1}年",
                            found=f"{m.group(1)}年",
                        )
            for m in _PLAN.finditer(text):
                # the plan said so before the year, or in the same sentence ("2013年我局将……进行改进：") — a
                # sentence that tells what was done ("将……纳入考核，改进了……") is not a plan
                rest = re.split(r"[。！？]", text[m.end() :], maxsplit=1)[0]
                planned = (
                    re.search(_PLAN_WORDS, text[: m.start()])
                    or (re.search(_PLAN_WORDS, rest) and "了" not in rest)
                    # "2020年我局将进一步……": 将 before 进一步/继续 is the future, not the 将 of "将……纳入"
                    or (m.group(0).endswith("将") and re.match(_FUTURE, rest) and "了" not in rest)
                )
                if int(m.group(1)) == year and planned:
                    say(
                        "prose.year-slip",
                        f"下一年度的工作安排写成了“{m.group(1)}年”（报告年度）",
                        keypath,
                        expected=f"{year + 1}年",
                        found=f"{m.group(1)}年",
                    )
    for keypath, text in texts:  # "于2019年开始印发……《……通知》（海棠府办〔2020〕4号）" (三亚市海棠区 2020)
        for m in _ISSUED_IN.finditer(text):
            if int(m["z"]) > int(m["y"]):
                say(
                    "prose.year-slip",
                    f"“{_short(text[m.start() :], 24)}”：文号〔{m['z']}〕是{m['z']}年的发文，不会在{m['y']}年印发",
                    keypath,
                    expected=f"{m['z']}年",
                    found=f"{m['y']}年",
                )
    for keypath, text in texts:  # "印发 2014 年……工作要点的通知》(穗府办〔2015〕21号)" (增城区 2015)
        for m in _PLAN_OF_YEAR.finditer(text):
            if int(m["z"]) > int(m["y"]):
                say(
                    "prose.year-slip",
                    f"“{_short(text[m.start() :], 30)}”：文号〔{m['z']}〕是{m['z']}年的发文，印发的却是{m['y']}年的"
                    "工作要点：一年的工作要点在当年印发，标题或文号的年份有误",
                    keypath,
                    expected=f"{m['z']}年（或文号〔{m['y']}〕）",
                    found=f"{m['y']}年",
                )
    for keypath, text in texts:  # "本月受理……“市长信箱”33件" (互助县政务服务中心 2020): a monthly report's words
        for m in _THIS_MONTH.finditer(text):
            if not in_title(text, m.start()):
                say(
                    "prose.period",
                    f"“{_short(text[m.start() :], 24)}”：年度报告说的是{year}年全年，“本月”像是从月报照搬，"
                    "数字是一个月的还是全年的说不清",
                    keypath,
                    expected=f"{year}年（全年）",
                    found="本月",
                )
    problems += _this_year_slips(report, texts, plan_keys, year)
    problems += _final_accounts_of_the_year(report, texts, plan_keys, year)
    problems += _count_in_the_next_year(report, texts, plan_keys, year)
    problems += _count_under_another_year(report, texts, year)
    problems += _count_up_to_the_year_before(report, texts, plan_keys, year)
    problems += _counted_up_to_now(report, texts, plan_keys, year)
    problems += _up_to_a_later_year(report, texts, plan_keys, year)
    said = {(p.source.keypath if p.source else "", p.found) for p in problems}
    for keypath, text in texts:  # a slip another reading has named already is not said twice
        if keypath.split(".")[0] not in plan_keys:
            problems += [p for p in _last_year_told(report, keypath, text, year) if (keypath, p.found) not in said]
    return problems


#: "本月" in the prose of a report on a whole year (not 本月度, a name, nor a day of the month: 本月底 of a plan)
_THIS_MONTH = re.compile(r"本月(?!度|底|初|中旬|下旬|上旬)")


#: a year's 主动公开 count: "2024年主动公开政府信息61条", "2023年，在主动公开的61条政府信息中"
_YEAR_COUNT = re.compile(
    r"(?P<y>\d{4})\s*年(?:度)?[，,]?\s*(?:我局|我办|全年|共)?[^。；，,\d]{0,6}?主动公开(?:的)?(?:政府信息)?(?:共|数)?"
    r"(?P<n>\d+)\s*条"
)


def _sentence_of(text: str, m: re.Match[str]) -> str:
    """The sentence (or clause after a ；) that holds the match."""
    start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
    stop = text.find("。", m.end())
    return text[start : stop if stop >= 0 else len(text)]


def _count_under_another_year(report: Report, texts: list[tuple[str, str]], year: int) -> list[Problem]:
    """The year's 主动公开 count told again under another year: "2024年主动公开政府信息61条" and, in part 二,
    "2023年，在主动公开的61条政府信息中" (平潭财政金融局 2024, the sentence carried over from last year's report); or
    the typed total of the year told only under the year before ("2010年度主动公开政府信息54条", 涵江区卫生局 2011)."""
    found = [(keypath, m) for keypath, text in texts for m in _YEAR_COUNT.finditer(text)]
    this_year = {m["n"] for _, m in found if int(m["y"]) == year}
    # the year's count typed as data (the legacy [active] total): told under the year before, with no comparison in
    # its sentence and no count of the report year beside it — "2010年度主动公开政府信息54条" in the 2011 report of
    # 涵江区卫生局, whose 主动公开 total is 54
    active = report.data.get("active")
    typed = active.get("total") if isinstance(active, Mapping) else None
    where = "正文另处写明"
    if isinstance(typed, int) and not this_year:
        where = "主动公开部分填写的总数"
        by_key = dict(texts)
        for keypath, m in found:
            text = by_key[keypath]
            if int(m["y"]) == year - 1 and int(m["n"]) == typed and not _COMPARED.search(_sentence_of(text, m)):
                this_year.add(m["n"])
    return [
        warning(
            "prose.year-slip",
            f"“{_short(m.group(0), 24)}”：{m['n']}条是{year}年主动公开的条数（{where}），这里写成了{m['y']}年",
            report.ref(keypath),
            expected=f"{year}年",
            found=f"{m['y']}年",
        )
        for keypath, m in found
        if int(m["y"]) != year and m["n"] in this_year
    ]


#: "今年" as the report's year: "今年以来，我局……", "今年共收到……" — not a plan for the new year ("今年将……")
#: (今年以来 always looks back, and 要求 is no 要: "今年以来,我局按照要求,认真落实……", 天水市商务局 2019)
_THIS_YEAR = re.compile(r"今年以来|今年(?!度)(?![^。；]{0,12}?(?:将|要(?!求)|计划|拟|继续|力争|争取))")
#: in the plans part 今年 is the new year unless what follows tells what was done: "存在问题：今年，我局……取得一定成效"
_DONE = re.compile(r"[^。；]{0,16}?(?:取得|已经|完成|实现了|开展了|收到)")


def _this_year_slips(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """A report written in the next year (its 成文日期 or portal date) calling the report year "今年"; a report with
    neither date is taken as written when the 条例 has it published, in the next year (新野县统计局 2020,
    麦积区东岔镇 2021: "今年以来，……")."""
    data = report.data.get("report") or {}
    written = next((d for d in (data.get("date"), data.get("published")) if hasattr(d, "year")), None)
    if written is not None and written.year <= year:
        return []
    when = (
        f"报告成文于{written.year}年，“今年”指的是{written.year}年"
        if written is not None
        else f"年度报告在{year + 1}年编写公布（条例规定次年1月31日或3月31日前），“今年”读来是{year + 1}年"
    )
    problems = []
    for keypath, text in texts:
        plans = keypath.split(".")[0] in plan_keys
        for m in _THIS_YEAR.finditer(text):
            if plans and not _DONE.match(text, m.end()) and m.group(0) != "今年以来":
                continue  # 今年以来 looks back, a plan does not (平潭金井片区 2023: "今年以来，……虽取得一定成绩")
            problems.append(
                warning(
                    "prose.year-slip",
                    f"“{_short(text[m.start() :], 16)}”：{when}，这里说的是报告年度",
                    report.ref(keypath),
                    expected=f"{year}年（或“一年来”“全年”）",
                    found="今年",
                )
            )
    return problems


#: the final accounts of a year: "2021年度决算报告", "2021年部门决算", "2021年度“三公”经费决算" (not 预决算, the budget
#: and the accounts named together)
_FINAL_ACCOUNTS = re.compile(r"(?<!\d)(?P<y>\d{4})\s*年度?(?P<what>[^，。；、\d]{0,10}?(?<!预)决算)")


def _outside_plans(
    texts: list[tuple[str, str]], plan_keys: tuple[str, ...], pattern: re.Pattern[str], excused: str
) -> Iterator[tuple[str, str, re.Match[str]]]:
    """``(keypath, text, match)`` for each match of ``pattern`` outside the plan parts, unless its sentence (up to the
    match's end) says something ``excused`` does (将、计划: a plan; 截至: a date a count runs to)."""
    for keypath, text in texts:
        if keypath.split(".")[0] in plan_keys:
            continue
        for m in pattern.finditer(text):
            if not re.search(excused, re.split(r"[。！？]", text[: m.start()])[-1] + m.group(0)):
                yield keypath, text, m


def _slips(
    report: Report,
    found: Iterator[tuple[str, str, re.Match[str]]],
    rule: str,
    keep: Callable[[re.Match[str]], bool],
    say: Callable[[str, re.Match[str]], tuple[str, str, str]],
) -> list[Problem]:
    """A warning of ``rule`` for each ``(keypath, text, match)`` found that ``keep`` keeps: ``say(text, match)`` gives
    its message, what was expected and what was found."""
    problems = []
    for keypath, text, m in found:
        if keep(m):
            message, expected, said = say(text, m)
            problems.append(warning(rule, message, report.ref(keypath), expected=expected, found=said))
    return problems


def _final_accounts_of_the_year(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """The report year's own 决算 told as published during it: a year's final accounts are drawn up after it ends
    (平武县统计局 2021: "公开了我局2022年度财政预算、2021年度决算报告" — 2020's 决算 and 2021's 预算 were the ones of
    that year).  A plan to publish them is no slip."""
    return [
        warning(
            "prose.year-slip",
            f"“{m.group(0)}”：{year}年的决算要在年度结束后才编制，不会在{year}年里公开；"
            f"本年公开的应是{year - 1}年度的决算",
            report.ref(keypath),
            expected=f"{year - 1}年度{m['what']}",
            found=m.group(0),
        )
        for keypath, _, m in _outside_plans(texts, plan_keys, _FINAL_ACCOUNTS, r"将|计划|拟|下一步|明年")
        if int(m["y"]) == year
    ]


#: a count of what was published, dated: "2010年我镇通过门户网站公开各类政府信息24余条" (not "2010年2月", a date)
_DATED_COUNT = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*年(?:度)?(?!\d|以前|之前|底前)[^。；]{0,30}?(?:公开|发布|更新)[^。；]{0,20}?\d+余?(?:条|件|篇)"
)


def _count_in_the_next_year(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """What was published told under the year after the report's, outside the plans (凉州区张义镇 2009: "此外,2010年
    我镇通过门户网站公开各类政府信息24余条" in the report on 2009): a slip for the report year, or a figure that does
    not belong in it.  A plan (将、计划、拟、力争) or a date up to which it counts (截至) is no slip."""
    return _slips(
        report,
        _outside_plans(texts, plan_keys, _DATED_COUNT, r"将|计划|拟|力争|预计|截至|截止"),
        "prose.year-slip",
        lambda m: int(m["y"]) == year + 1,
        lambda text, m: (
            f"“{_short(text[m.start() :], 24)}”：报告年度是{year}年，这里写的是{year + 1}年公开的数量",
            f"{year}年",
            f"{m['y']}年",
        ),
    )


#: a count from a day of the report year "up to now": "2019年1月至今,我局共接收政府信息公开申请92件"
_UP_TO_NOW = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|初|以来)?(?:起)?(?:至今|到现在|到目前)"
)


def _counted_up_to_now(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """A count from a day of the report year "至今" (上海市普陀区市场监管局 2019: "2019年1月至今,我局共接收政府信息公开
    申请92件", in a report posted on 21 January 2020): the report counts the year, and "now" is after its end — the
    figure may hold the next year's weeks.  A running total from an earlier year ("2015年以来至今") is not read."""
    return _slips(
        report,
        _outside_plans(texts, plan_keys, _UP_TO_NOW, r"将|计划|拟|力争|预计"),
        "prose.period",
        lambda m: int(m["y"]) == year,
        lambda text, m: (
            f"“{_short(text[m.start() :], 24)}”：年度报告统计的是{year}年1月1日至12月31日，“至今”已过了年底，"
            "数字里可能有下一年的",
            f"{year}年（全年）或“{year}年1月至12月”",
            m.group(0),
        ),
    )


#: a day a count runs up to: "截至2087年底" (诸暨市安华镇 2018 — 2018 mistyped)
_UP_TO_YEAR = re.compile(r"截[至止](?:到)?\s*(?P<y>\d{4})\s*年")


def _up_to_a_later_year(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """What is said to run up to a year two or more after the report's, outside the plans: the year is mistyped
    ("截至2087年底" in the report on 2018) — a report is written in the year after its own, never later."""
    return _slips(
        report,
        _outside_plans(texts, plan_keys, _UP_TO_YEAR, r"将|计划|拟|力争|预计|目标"),
        "prose.year-slip",
        lambda m: int(m["y"]) > year + 1,
        lambda text, m: (
            f"“{_short(text[m.start() :], 24)}”：报告年度是{year}年，不可能“截至{m['y']}年”：年份有误",
            f"{year}年",
            f"{m['y']}年",
        ),
    )


#: a count of what was published up to a year's end: "截至2020年12月31日,我办通过……网站公布信息1877条"
_COUNT_UP_TO = re.compile(
    r"截[至止](?:到)?\s*(?P<y>\d{4})\s*年\s*(?:底|末|12\s*月\s*31\s*日)[^。；]{0,40}?(?:公开|发布|公布|更新)[^。；]{0,20}?"
    r"\d+余?(?:条|件|篇|期)"
)


def _count_up_to_the_year_before(
    report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...], year: int
) -> list[Problem]:
    """What was published counted up to the end of the year before the report's, in a sentence that tells no other
    year and compares nothing (天水市乡村振兴局 2021: "截至2020年12月31日,我办通过……网站公布信息1877条" in its
    主动公开 item): the date carried over from last year's report.  A sentence that tells the report year beside it
    ("截至2020年底累计……，2021年新增……") or compares ("较上年") is no slip, nor a history with no count ("截至2012年底,
    本办政府信息公开工作运行正常", 上海市外办 2013)."""
    found = []
    for keypath, text, m in _outside_plans(texts, plan_keys, _COUNT_UP_TO, r"将|计划|拟|力争|预计"):
        if int(m["y"]) != year - 1:
            continue
        sentence = _sentence_of(text, m)
        if f"{year}年" in sentence or _COMPARED.search(sentence.replace(m.group(0), "")):
            continue
        found.append(
            warning(
                "prose.year-slip",
                f"“{_short(m.group(0), 24)}”：报告年度是{year}年，统计截至日写成了{m['y']}年年底",
                report.ref(keypath),
                expected=f"截至{year}年12月31日",
                found=f"截至{m['y']}年",
            )
        )
    return found


def date_problems(report: Report) -> list[Problem]:
    """A 成文日期, or the date the report was published (``report.published``, a portal's 发布日期), before the end of
    the year the report covers (广元市统计局 2012, published on 2012-12-14): a year's work cannot be reported before
    the year is over."""
    data = report.data.get("report") or {}
    year = report_year(report.data)
    problems: list[Problem] = []
    for key, what in (("date", "成文日期"), ("published", "公布日期")):
        date = data.get(key)
        if year is not None and hasattr(date, "year") and (date.year, date.month, date.day) < (year, 12, 31):
            problems.append(
                warning(
                    "prose.year-slip",
                    f"{what} {date.isoformat()} 早于报告年度{year}年结束",
                    report.ref(f"report.{key}"),
                    expected=f"{year + 1}年的日期",
                    found=date.isoformat(),
                )
            )
    return problems
