"""Report-wide editorial checks for every format: the slips assessors keep finding in published reports.

Each rule reads the text as the author typed it (before ``{references}`` are replaced), so a problem points
at the key and line to fix:

- ``common.placeholder`` — template fill-ins left in: ××, XX, 【 】, "本级政府（本部门）", "本行政区域（或本部门）",
  "行政机关规范全称",
  a bracketed drafting note ("(……结合本部门工作实际,对报告中的专业术语……作必要的解释)");
- ``common.approx-number`` — "余" after a number with decimals ("10.89余万") or after an exact count ("877余篇"), or
  约/近 before one ("约19489人"):
  approximate and exact at once;
- ``common.malformed-date`` — a year run into its month or day ("20201月1日", "2025111231日"): 年 (and 月) lost;
  a unit typed twice between numbers ("2010年12月月31日"); spaces for 年 and 月 ("2015 1 1日");
  or a year of five or six digits ("202020年"); a year with no 年 before the subject, 以来 or a place's or the
  organ's own name ("2020县统计局", "2023科右中旗", "2024鹤岗市工农区");
- ``common.misused-word`` — a common miswriting from the table in ``miswritings.toml`` (see
  :mod:`plugins.common.miswritings`; each entry with its reason and an example the tests run):
  做为 → 作为, 截止目前 → 截至目前, 残差不齐 → 参差不齐, 登陆 → 登录 before 网站/系统….
  Pairs where both forms are accepted (其它/其他, 截止/截至 before a date) are left out on purpose.
  Beside them, truncated fixed terms of this closed vocabulary: a term's first n−1 characters followed by
  anything but its last one ("受理渠。" for 受理渠道); only terms whose n−1 prefix is not itself a word
  (信息处理费 is left out: 信息处理 is one);
- ``common.doubled-adverb`` — 均, 都, 已 or 均已 twice in one clause (between two punctuation marks): "均在规定期限内
  办结均实现100%办结"; 平均, 首都, 而已… are not adverbs and are not counted;
- ``common.count-without-unit`` — a count written after 数量/总数/总量 with no measure word or unit ("发布的信息数量304
  利用本镇微信公众号…"): the reader cannot tell 304 of what, and the run-on hides where the sentence ends.  Only
  a number right after those nouns (or after 为/达/达到/共/共计/累计/是) is read, so 12345热线, 第3季度 and
  2025年 are never in question; a number followed by a measure word, 万/亿, %, a Latin unit or another digit is fine.
  Also a number run straight into the next 一是/二是… item ("收到依申请公开事项0三是政府信息管理方面"): neither unit nor
  full stop;
- ``common.format-year`` — the report year is outside the years its format was in force for (each format declares
  them: legacy 2008–2018, the 2019 trial format 2019–2020, the 2021 format from 2021): a 2022 report printed
  with the 2019 tables, a 2020 report in the 2021 format;
- ``common.missing-number`` — one item of a list of counts with no number before its unit ("核准企业资质条、
  施工许可证76条、排水许可证5条"): at least two other items of the same 、-separated run carry "N条", and this
  one ends in 条 straight after a word (not after a numeral such as 一、两、各, nor as a noun: 文件, 事项…);
- ``common.doubled-word`` — a two-character word or 的 typed twice ("审核审核", "的的"; 目的的, 的的确确 are fine), or a
  phrase pasted twice (eight characters or more straight after themselves, or the same item twice in a 、-list);
- ``common.word-order`` — a share written "2.04%占" for 占2.04%;
- ``common.doubled-lead-in`` — the 导语 saying twice that the report follows ("……报告如下:" … "……汇报如下:");
- ``common.letter-closing`` — a paragraph that is only a 函's closing ("此函", "特此函告", "此复");

Who the report is by — another organ's or place's text, the signed name, the organ's own name, the deadline — is
checked in :mod:`plugins.common.organs`; how it cites — titles and their abbreviations, telephone numbers, web
addresses — in :mod:`plugins.common.citations`; the name the text gives the report itself in
:mod:`plugins.common.selfname`; slips of written grammar in :mod:`plugins.common.grammar`; the
lists and their numbers in :mod:`plugins.common.enumerations`; punctuation and unfinished paragraphs in
:mod:`plugins.common.punctuation`.  This module runs them all (:data:`RULES`); the strings they read come from
:mod:`plugins.common.texts`.

All are WARNINGs: a human decides, the build is not stopped (``--strict`` makes them stop it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from compiler import hookimpl
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common import miswritings, places
from plugins.common.enumerations import (
    aspect_count_problems,
    enumeration_problems,
    enumeration_punctuation_problems,
    figure_shi_problems,
    list_number_problems,
    list_opening_problems,
    lone_item_problems,
    numbered_shi_problems,
    part_level_number_problems,
    skipped_level_problems,
    typed_label_problems,
    typed_number_mark_problems,
    typed_sequence_problems,
)
from plugins.common.organs import short_form
from plugins.common.punctuation import (
    contact_colon_problems,
    contact_mark_problems,
    contact_separator_problems,
    heading_punctuation_problems,
    hexagonal_bracket_problems,
    item_semicolon_problems,
    note_stop_problems,
    punctuation_problems,
    run_in_heading_problems,
    title_separator_problems,
    unbalanced_bracket_problems,
    unterminated_paragraph_problems,
)
from plugins.common.report import report_year
from plugins.common.selfname import self_name_problems
from plugins.common.texts import REFERENCE, in_title, narrative_strings, section_strings, typed_table_strings

_PLACEHOLDERS = re.compile(
    # (xx inside an address is its letters: "邮箱:xx8223238@163.com", 原平市 2014, held-out round 302)
    r"×{2,}|(?<![A-Za-z\d@._-])(?:X{2,}|x{2,})(?![A-Za-z\d@._-])|【(?!\d{4}】\d+号)[^】]{0,20}】"
    r"|本(?:级政府|地区|机关|行政机关|行政区域)[（(]或?本?(?:部门|单位|机关)[)）]"
    # the 2021 format's 导语 template "请与（行政机关规范全称）联系", left unfilled (周村区丝绸路街道 2025)
    r"|[（(]?行政机关规范全称[)）]?"
)
#: a template's drafting note left in brackets where the content should be: "(以《条例》和《规定》为指导,结合本部门工作
#: 实际,对报告中的专业术语和常用短语作必要的解释)" under 专有名词解释 (宜川路街道 2012, the 上海 template)
_INSTRUCTION = re.compile(
    r"[（(][^（）()]{0,60}(?:结合本(?:部门|单位|地区|机关)(?:工作)?实际|(?:根据实际情况|此处)(?:填写|补充|说明|列出))"
    r"[^（）()]{0,60}[）)]"
)
_APPROX = re.compile(r"(\d+\.\d+)余([万亿]?)")
_RUN_DATE = re.compile(r"(?<![\d.])(?:19|20)\d{2}\d{1,6}[月日]")
FIXED_TERMS = (
    "受理渠道",
    "政府信息公开",
    "依申请公开",
    "主动公开",
    "行政复议",
    "行政诉讼",
    "政务公开",
    "信息公开指南",
    "移动客户端",  # "微博、微信、移动客户等新媒体" (福州市大数据委 2019, held-out round 177)
)
#: Words a term's prefix goes on into that are not the term cut short: 公布/公示/公告 after 主动、政府信息、政务
#: (平潭综合实验区 2020: "主动公布……"; "政府信息公示") are words of their own, and so is 政务公众号 (the organ's
#: WeChat account)
_GOES_ON = {t: "布示告众" for t in FIXED_TERMS if t.endswith("公开")}
#: … and 指导/指引/指示 after 信息公开指 ("强化政府信息公开指导监督", 祁阳县 2011, held-out round 200)
_GOES_ON["信息公开指南"] = "导引示"
_TRUNCATED = re.compile(
    "|".join(f"{re.escape(t[:-1])}(?![{re.escape(t[-1]) + _GOES_ON.get(t, '')}])" for t in FIXED_TERMS)
)
_CLAUSE = re.compile(r"[^，,。；;：:！!？?、\n（）()“”]+")
# 均/都/已 as adverbs; the same character inside another word (平均、均衡、首都、都市、而已、已知…) is not counted
# measure words and units a count may carry (量词 of GB/T 15835's usage and the units reports print)
MEASURE_WORDS = (
    "件条个次篇期份项人家户场批类部本册名位元角万亿千百张幅处座台套所组则卷"
    "天日月年周时分秒倍号届轮版页字例宗起笔株亩米吨辆间栋"
)
#: a count after 数量/总数/总量 with no measure word; one made approximate before its unit is not one ("主动公开信息
#: 总数共2620余条", 洪江区新街街道 2023, held-out round 271)
_BARE_COUNT = re.compile(
    rf"(数量|总数|总量)(为|达到?|共计?|累计|是)?(\d+(?:\.\d+)?)(?![\d.．%％‰A-Za-z{MEASURE_WORDS}]|[余多][{MEASURE_WORDS}])"
)
#: a count run straight into the next item of a 一是……二是…… list: "本年度共收到依申请公开事项0三是政府信息管理方面"
_COUNT_INTO_ITEM = re.compile(r"(?<=[\u4e00-\u9fff])(\d+(?:\.\d+)?)(?=[一二三四五六七八九十]是)")
_ADVERB = re.compile(
    r"均已|(?<![平])均(?![衡匀等值])|(?<![首成京古])都(?![市会城县乡镇区旗])|(?<![而不得])已(?![知])|积极(?![性])"
)


#: what a template leaves when it is not filled in: (pattern, message, what belongs there)
_TEMPLATE_LEFTOVERS = (
    (_PLACEHOLDERS, "疑似模板占位文字未替换：“{}”", "具体的机关名称或内容"),
    (
        _INSTRUCTION,
        "模板的编写说明留在了正文里：“{}”——这是写给编写者的提示，不是报告的内容",
        "按说明写出的内容（或删去这一节）",
    ),
)


def placeholder_problems(report: Report) -> list[Problem]:
    return [
        warning(
            "common.placeholder", message.format(m.group(0)), report.ref(keypath), expected=expected, found=m.group(0)
        )
        for pattern, message, expected in _TEMPLATE_LEFTOVERS
        for keypath, text in section_strings(report)
        for m in pattern.finditer(text)
    ]


def _decimals_yu(m: re.Match[str]) -> tuple[str, str]:
    said = "带小数的数字后又加“余”，既精确又约略；“余”也应在“万”之后（如“4.13万余”）"
    return said, f"“{m.group(1)}{m.group(2)}”"


def _exact_yu(m: re.Match[str]) -> tuple[str, str]:
    n, u = m["n"], m["u"]
    said = f"{n}不是整数位的约数，后面又加“余”，既精确又约略；“余”只跟在整十、整百这样的约数后面{_yu_example(n, u)}"
    return said, f"“{n}{u}”" + (f"或“{_round_down(n)}余{u}”" if len(n) > 1 else "")


def _exact_yue(m: re.Match[str]) -> tuple[str, str]:
    said = f"“{m['w']}”说的是约数，{m['n']}却是个位都有的确数，既精确又约略"
    return said, f"“{m['n']}{m['u']}”或“{m['w']}{_round_down(m['n'])}{m['u']}”"


def approximate_number_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    for pattern, said in ((_APPROX, _decimals_yu), (_EXACT_YU, _exact_yu), (_EXACT_YUE, _exact_yue)):
        for keypath, text in narrative_strings(report):
            for m in pattern.finditer(text):
                message, expected = said(m)
                problems.append(
                    warning(
                        "common.approx-number",
                        f"“{m.group(0)}”：{message}",
                        report.ref(keypath),
                        expected=expected,
                        found=f"“{m.group(0)}”",
                    )
                )
    return problems


#: an exact count after 约 or 近: "常住人口约19489人" (陆丰市八万镇 2022), "浏览量约为980862次" (海南省生态环境厅 2022)
#: — three digits or more, the last not 0
_EXACT_YUE = re.compile(r"(?P<w>大约|约为?|将近|近)(?P<n>[1-9]\d+[1-9])(?P<u>[人户条篇件个次份处场期项家元宗])")
#: an exact count with 余 after it: "877余篇", "205余条" (平潭海坛片区 2023, 苏平片区 2020), "6余件" (兴海县 2021) — 余
#: follows round numbers
_EXACT_YU = re.compile(r"(?<![\d.])(?P<n>[1-9]\d*[1-9]|[1-9])余(?P<u>[条篇件个次人份处场期项家])")


def _yu_example(number: str, unit: str) -> str:
    """How 余 is said right near ``number``: "（如“800余篇”）", and for a single digit ("6余件", 兴海县 2021) that it
    takes none."""
    return f"（如“{_round_down(number)}余{unit}”）" if len(number) > 1 else "，个位数后不加"


def _round_down(number: str) -> str:
    """The round number an approximate count is said with: 877 → 800, 68 → 60, 205 → 200."""
    return number[0] + "0" * (len(number) - 1)


#: a year of five or six digits: "至202020年12月31日止" (淄博市中埠镇 2020) — the year typed twice or a digit too many
_LONG_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{3,4}(?=年)")
#: a year with no 年 after it, straight before the organ or a word that opens the sentence's subject: "现将2020本部门
#: ……" (武隆区统计局 2020), "2020县统计局从以下三个方面……" (新野县统计局 2020), or before 政府/政务: "关于做好
#: 2020政府信息公开工作年度报告编制……" (孝昌县 2020), or before (以)来: "2014以来,我县高度重视……" (永昌县 2014),
#: "2019来,翠云路街道强化组织领导" (洛龙区翠云路街道 2019)
_YEAR_WITHOUT_NIAN = re.compile(r"(?<![\d.〔\[（(第号])(?:19|20)\d{2}(?=[县市区镇乡省我本全各度来]|政[府务]|以来)")
#: any year with no 年, no digit and no closing bracket after it: read further for a place or the organ's own name
_BARE_YEAR = re.compile(r"(?<![\d.〔\[（(第号])(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?!年)")
#: the last characters a name of a place or an organ ends with, for the organ's short forms
_NAME_END = "省市县区旗盟州镇乡街局委办厅院"


def _name_after(text: str, at: int, organ: str) -> str | None:
    """The place's or the organ's name that starts at ``at``: a place's full or short name ("2024鹤岗市工农区……",
    鹤岗市), or a short form of the organ's own name — its characters in order, from its first one or as it is
    written in it, ending like a name ("2023科右中旗" for 科尔沁右翼中旗, "2025关东街" for ……关东街道办事处)."""
    for length in range(min(12, len(text) - at), 1, -1):
        word = text[at : at + length]
        if places.named(word):
            return word
    for length in range(min(6, len(text) - at), 2, -1):
        word = text[at : at + length]
        if word[-1] in _NAME_END and (word in organ or (word[0] == organ[:1] and short_form(word, organ))):
            return word
    return None


def _year_before_a_name(report: Report) -> list[Problem]:
    """A year with no 年 straight before a place's or the organ's own name: "报告内容包括2023科右中旗各级行政机关……"
    (科尔沁右翼中旗 2023), "特向社会公布2024鹤岗市工农区人民政府信息公开工作……" (鹤岗市工农区 2024).  Not inside a
    《title》, where a year before a place can be a work's own name ("《2019上海再出发》")."""
    organ = (report.data.get("report") or {}).get("organ")
    organ = organ if isinstance(organ, str) else ""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _BARE_YEAR.finditer(text):
            if _YEAR_WITHOUT_NIAN.match(text, m.start()) or in_title(text, m.start()):
                continue  # said by the plain rule, or a work's name
            name = _name_after(text, m.end(), organ)
            if name:
                year = m.group(0)
                problems.append(
                    warning(
                        "common.malformed-date",
                        f"“{year}{name}”：年份“{year}”后缺了“年”",
                        report.ref(keypath),
                        expected=f"“{year}年”",
                        found=f"“{year}{name[0]}”",
                    )
                )
    return problems


def _run_date(m: re.Match[str], text: str) -> tuple[str, str, str]:
    year = m.group(0)
    return f"日期“{year}”中年份与月、日连在一起，缺少“年”（或“月”）", f"“{year[:4]}年…”", f"“{year}”"


def _long_year(m: re.Match[str], text: str) -> tuple[str, str, str]:
    year = m.group(0)
    return f"年份“{year}年”不是四位数，多了数字", f"“{year[:4]}年”", f"“{year}年”"


def _year_without_nian(m: re.Match[str], text: str) -> tuple[str, str, str]:
    year, shown = m.group(0), text[m.start() : m.end() + 3]
    return f"“{shown}”：年份“{year}”后缺了“年”", f"“{year}年”", f"“{year}{text[m.end()]}”"


#: a date with spaces for its 年 and 月: "自 2015 1 1日起至 2015 12 31日止" (青田县交通运输局 2015)
_SPACED_DATE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})[ \t\u3000]+(?P<m>\d{1,2})[ \t\u3000]+(?P<d>\d{1,2})\s*日")


def _spaced_date(m: re.Match[str], text: str) -> tuple[str, str, str]:
    return (
        f"日期“{m.group(0)}”缺了“年”“月”，只留下空格",
        f"“{m['y']}年{m['m']}月{m['d']}日”",
        f"“{m.group(0)}”",
    )


#: a unit of a date typed twice between its numbers: "2010年12月月31日" (大安市畜牧业管理局 2010)
_DOUBLED_UNIT = re.compile(r"(?<=\d)(?P<unit>[年月])(?P=unit)(?=\d)")


def _doubled_unit(m: re.Match[str], text: str) -> tuple[str, str, str]:
    start = max(m.start() - 7, 0)
    shown = text[start : m.end() + 3]
    return f"日期“{shown}”中“{m['unit']}”写了两次", f"“{m['unit']}”", f"“{m.group(0)}”"


#: a day with no 日 after it, straight before the words that go on: "已于2008年5月1正式实施" (闽清县 2009), or before
#: the comma that ends its clause: "截至2023年12月31,省厅窗口共受理……" (湖南省生态环境厅 2023)
_DAY_WITHOUT_RI = re.compile(r"(?<![\d.])(?P<m>\d{1,2})月(?P<d>\d{1,2})(?![\d日号])(?=[\u4e00-\u9fff，,；;])")


def _day_without_ri(m: re.Match[str], text: str) -> tuple[str, str, str]:
    shown = text[max(m.start() - 5, 0) : m.end() + 2]
    return f"日期“{shown}”中日子后缺了“日”", f"“{m['m']}月{m['d']}日”", f"“{m.group(0)}”"


#: a period's end with its month run into its day, no 月: "202311日到1231日" (民勤县东湖镇 2023), "201211-1231日"
_MONTH_INTO_DAY = re.compile(r"(?<=[至到—\-～~])(?P<m>1[0-2])(?P<d>3[01]|[12]\d|0[1-9])日")


def _month_into_day(m: re.Match[str], text: str) -> tuple[str, str, str]:
    return f"日期“{m.group(0)}”中月与日连在一起，缺了“月”", f"“{m['m']}月{m['d']}日”", f"“{m.group(0)}”"


#: each malformed date: its pattern, and what to say of a match (message, expected, found)
_DATE_SLIPS = (
    (_RUN_DATE, _run_date),
    (_LONG_YEAR, _long_year),
    (_YEAR_WITHOUT_NIAN, _year_without_nian),
    (_DOUBLED_UNIT, _doubled_unit),
    (_SPACED_DATE, _spaced_date),
    (_DAY_WITHOUT_RI, _day_without_ri),
    (_MONTH_INTO_DAY, _month_into_day),
)


def malformed_date_problems(report: Report) -> list[Problem]:
    """A four-digit year with the month or day run into it, no 年 between: "20201月1日" reads as the number 20201;
    a year of more than four digits: "202020年"; a year with no 年 before the subject: "2020县统计局……"; a 月 or
    年 typed twice: "12月月31日"; a day with no 日 before the words that follow: "2008年5月1正式实施"."""
    problems = []
    for pattern, said in _DATE_SLIPS:
        for keypath, text in narrative_strings(report):
            for m in pattern.finditer(text):
                message, expected, found = said(m, text)
                problems.append(
                    warning("common.malformed-date", message, report.ref(keypath), expected=expected, found=found)
                )
    return problems + _year_before_a_name(report)


_CLAUSE_MARK = re.compile(r"[，,。；;：:、！？!?“”‘’《》（）()\s]")


def _clause_around(text: str, start: int, end: int, reach: int = 8) -> str:
    """The words around text[start:end], up to ``reach`` characters each side, not past a punctuation mark."""
    left = start
    while left > max(0, start - reach) and not _CLAUSE_MARK.match(text[left - 1]):
        left -= 1
    right = end
    while right < min(len(text), end + reach) and not _CLAUSE_MARK.match(text[right]):
        right += 1
    return text[left:right]


def misused_word_problems(report: Report) -> list[Problem]:
    """做为 → 作为 and the like, and a fixed term of the domain cut short ("受理渠" for 受理渠道) — in the prose, the
    tables typed as printed and the title ("中国(云南)自贸易区昆明片区……招商合作局2020年……年度报告", held-out round
    208) or, with none typed, the organ's name it is made of."""
    problems: list[Problem] = []
    head = report.data.get("report") or {}
    # the title as typed, or the organ's name the title is made of when none is typed (an import leaves out a title
    # that says no more than the organ and the year)
    titled = [(f"report.{key}", head[key]) for key in ("title", "organ") if isinstance(head.get(key), str)][:1]
    for keypath, text in (*titled, *narrative_strings(report), *typed_table_strings(report)):
        for found in miswritings.find(text):
            entry = found.entry
            quoted = _clause_around(text, found.start, found.end) if entry.in_context else entry.wrong
            if quoted != entry.wrong:
                message = f"用词有误：“{quoted}”中的“{entry.wrong}”应为“{entry.right}”。{entry.why}"
            else:
                message = f"用词有误：“{entry.wrong}”应为“{entry.right}”。{entry.why}"
            problems.append(
                warning(
                    "common.misused-word",
                    message,
                    report.ref(keypath),
                    expected=f"“{entry.right}”",
                    found=f"“{entry.wrong}”",
                )
            )
        for m in _TRUNCATED.finditer(text):
            term = next(t for t in FIXED_TERMS if t[:-1] == m.group(0))
            typed = text[m.end() : m.end() + 1]
            said = (  # a wrong last character ("行政复试数") or none ("受理渠。", "移动客户等")
                f"“{m.group(0)}{typed}”疑为“{term}”：“{typed}”应为“{term[-1]}”"
                if re.match(r"[\u4e00-\u9fff]", typed) and typed not in "等和与及或"
                else f"“{m.group(0)}”疑为“{term}”少了“{term[-1]}”"
            )
            problems.append(
                warning(
                    "common.misused-word",
                    said,
                    report.ref(keypath),
                    expected=f"“{term}”",
                    found=f"“{text[m.start() : m.end() + 1]}”",
                )
            )
    return problems


def doubled_adverb_problems(report: Report) -> list[Problem]:
    """均/都/已 twice in one clause: "信访件均在规定期限内办结均实现100%办结"; 积极 too: "积极利用市政府门户网站积极唱响
    时代主旋律" (朔州市 2024)."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        text = REFERENCE.sub("N", text)  # {applications.outcomes.属于已主动公开的} is a number, not words
        for clause in _CLAUSE.finditer(text):
            words = [m.group(0) for m in _ADVERB.finditer(clause.group(0))]
            for adverb in ("均", "都", "已", "积极"):
                if sum(1 for w in words if adverb in w) >= 2:
                    problems.append(
                        warning(
                            "common.doubled-adverb",
                            f"一个分句中“{adverb}”出现两次：“{clause.group(0)}”",
                            report.ref(keypath),
                            expected=f"“{adverb}”只用一次",
                            found=f"“{clause.group(0)}”",
                        )
                    )
                    break
    return problems


def count_without_unit_problems(report: Report) -> list[Problem]:
    """A count after 数量/总数/总量 with no measure word: "发布的信息数量304利用本镇微信公众号…"; a count run into
    the next 一是 item; an item of a list of counts without the measure word its siblings carry."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in _BARE_COUNT.finditer(text):
            after, n = text[m.end() : m.end() + 6], m.group(3)
            problems.append(
                warning(
                    "common.count-without-unit",
                    f"“{m.group(0)}”后没有量词或单位，读者不知是{n}条、{n}件还是{n}个",
                    report.ref(keypath),
                    expected=f"“{m.group(0)}条（件、个……）”",
                    found=f"“{m.group(0)}{after}”",
                )
            )
        for m in _COUNT_INTO_ITEM.finditer(text):
            before, n = text[max(0, m.start() - 6) : m.start()], m.group(1)
            problems.append(
                warning(
                    "common.count-without-unit",
                    f"“{before}{n}”后没有量词，也没有句号，紧接着就是下一项“{text[m.end() : m.end() + 2]}”",
                    report.ref(keypath),
                    expected=f"“{before}{n}条（件、个……）。”",
                    found=f"“{before}{n}{text[m.end() : m.end() + 4]}”",
                )
            )
        problems += _bare_in_list(report, keypath, text)
    return problems


#: an item of a 、-list of counts: a name and its number, with the measure word or without ("行政处罚1")
_ITEM_COUNTED = re.compile(rf"[\u4e00-\u9fff”]\d+(?:\.\d+)?([{MEASURE_WORDS}])$")
_ITEM_BARE = re.compile(r"(?<!第)[\u4e00-\u9fff”]\d+$")
_LIST_CLAUSE = re.compile(r"[^，,；;。：:！？!?（）()]+")


def _bare_in_list(report: Report, keypath: str, text: str) -> list[Problem]:
    """An item of a list of counts that lost its measure word while the others keep theirs: "……行政许可事项3条、
    行政处罚1,回复……" (宁强县自然资源局 2021).  Only in a list of three items or more, two of them counted with
    the same measure word; a year ("……、2021") is no count."""
    problems: list[Problem] = []
    for clause in _LIST_CLAUSE.finditer(text):
        items = clause.group(0).split("、")
        counted = [(item.strip()[-12:], m.group(1)) for item in items if (m := _ITEM_COUNTED.search(item))]
        units = [u for _, u in counted]
        unit = max(set(units), key=units.count, default="")
        if len(items) < 3 or units.count(unit) < 2:
            continue
        example = next(name for name, u in counted if u == unit)
        for item in items:
            if _ITEM_BARE.search(item) and not re.search(r"(?:19|20)\d\d$", item):
                name = item.strip()[-12:]
                problems.append(
                    warning(
                        "common.count-without-unit",
                        f"“{name}”后没有量词：同一列举的其他各项都写了“{unit}”（如“{example}”）",
                        report.ref(keypath),
                        expected=f"“{name}{unit}”",
                        found=f"“{name}”",
                    )
                )
    return problems


_CLAUSE_OF_LIST = re.compile(r"[^，,；;。：:！？!?]+")
_COUNTED = re.compile(rf"\d+(?:\.\d+)?([{MEASURE_WORDS}])$")
_NUMERALS = "零一二三四五六七八九十百千万两几多余数每各该本此"
# words that end in a measure word and are nouns, not counts: 文件, 事项, 国家…
_NOUNS_ENDING_IN_A_UNIT = (
    "文件", "案件", "信件", "邮件", "证件", "事件", "附件", "公开件", "事项", "国家", "专家", "审批", "市场",
    "现场", "用户", "全部", "内部", "基本", "文本", "场所", "个人", "法人", "身份", "实名", "时期", "定期",
)  # fmt: skip


#: what a count's name and its measure word make when the number between them is lost, no word of its own
_COUNT_NOUN_WITHOUT_NUMBER = {"条": ("信息条", "类条"), "篇": ("信息篇", "类篇")}


def missing_number_problems(report: Report) -> list[Problem]:
    """An item of a list of counts with its number lost: "核准企业资质条、施工许可证76条、排水许可证5条"."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        text = REFERENCE.sub("0", text)
        for clause in _CLAUSE_OF_LIST.finditer(text):
            items = [i.strip() for i in clause.group(0).split("、")]
            units = [c.group(1) for i in items if (c := _COUNTED.search(i))]
            for unit in set(units):
                # one other count is enough where no word ends so: "含政务动态信息43条、政策解读信息条" (昌江区工信局
                # 2023) — "信息条", "类条" are a count that lost its number
                lost = _COUNT_NOUN_WITHOUT_NUMBER.get(unit)
                if units.count(unit) < 2 and not (lost and any(i.endswith(lost) for i in items)):
                    continue
                for item in items:
                    if (
                        len(item) >= 3
                        and item.endswith(unit)
                        and not item[-2].isdigit()
                        and item[-2] not in _NUMERALS
                        and "\u4e00" <= item[-2] <= "\u9fff"
                        and not item.endswith(_NOUNS_ENDING_IN_A_UNIT)
                    ):
                        problems.append(
                            warning(
                                "common.missing-number",
                                f"“{item}”缺少数字：同一串并列项中其他各项都写了“多少{unit}”",
                                report.ref(keypath),
                                expected=f"“{item[:-1]}N{unit}”",
                                found=f"“{item}”",
                            )
                        )
    return problems


# a word typed twice, straight or across the 于 it takes ("有待于有待进一步加强"), and 的的
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2})于?\1|(?<!目)的的(?!确)")
# a phrase pasted twice: eight characters or more straight after themselves, or twice in one 、-list
_DOUBLED_PHRASE = re.compile(r"([^，。；、：\s]{8,40}?)\1")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PERCENT_BEFORE_ZHAN = re.compile(r"\d+(?:\.\d+)?[%％]占(?=[，。；,;]|$)")
# reduplications that are words: 常常, 渐渐 are one character; two-character ones a report may write
_REDUPLICATED = {"研究研究", "学习学习", "讨论讨论", "商量商量"}
#: two words meeting, not one typed twice: "沙坡头区人民政府政府信息公开工作" (人民政府 + 政府信息公开)
_WORDS_MEETING = re.compile(r"政府政府信息")


def _repeated_clauses(text: str) -> list[str]:
    """A clause said again within the next four: "局领导高度重视，认真抓好贯彻落实。根据上级的有关规定，我局领导高度
    重视，……" (平潭县卫生局 2012) — six Chinese characters or more, no number, the longer at most two characters more
    (its subject) or 进一步 more ("拓宽公开渠道,进一步拓宽公开渠道", 盱眙县 2018, held-out round 284) and not the
    shorter negated ("收费及减免情况" … "无收费及减免情况")."""
    clauses = [c.strip() for c in re.split(r"[，。；：！？,;:!?]", text)]
    found = []
    for i, later in enumerate(clauses):
        for earlier in clauses[max(i - 4, 0) : i]:
            short, long = sorted((earlier, later), key=len)
            if (
                len(_HAN.findall(short)) >= 6
                and not re.search(r"\d|N", short)
                and (len(long) - len(short) <= 2 or long.removeprefix("进一步") == short)
                and long.endswith(short)
                and not re.match(r"无|未|不|没", long)
                and short not in found
            ):
                found.append(short)
    # a whole sentence said again straight after itself, the second time as the next item's opening: "……的工作格局。
    # 规范运作,提高质量。二是规范运作,提高质量。" (甘谷县大石镇 2023, held-out round 271) — its clauses too short alone
    sentences = [s.strip() for s in re.split(r"[。；;！？!?]", text)]
    for earlier, later in pairwise(sentences):
        if (
            _ITEM_OPENING.sub("", later) == earlier
            and len(_HAN.findall(earlier)) >= 6
            and not re.search(r"\d|N", earlier)
            and earlier not in found
        ):
            found.append(earlier)
    return found


#: the words that open an item of a list: 一是, 二是…, 1., （1）
_ITEM_OPENING = re.compile(r"^(?:[一二三四五六七八九十]+是|\d+[.、．]|[（(]\d+[）)])")


def _heading_repeated(keypath: str, heading: str, strings: Mapping[str, str]) -> str | None:
    """A heading whose words open its text again as a sentence of their own: "（四）政府信息公开平台建设:政府信息公开
    平台建设。一是……" (安阳县高庄镇 2024, held-out round 270) — not the heading's words as the text's subject
    ("主动公开法定公开内容", "政府信息管理标准有序")."""
    words = re.sub(r"[。，,；;：:\s]+$", "", heading.strip())
    at = keypath.removesuffix("heading") + "text"
    first = strings.get(at, strings.get(at + "[0]", "")).strip()
    said_again = re.match(re.escape(words) + r"[。；;，,]", first) is not None
    return words if said_again and len(_HAN.findall(words)) >= 4 else None


def doubled_word_problems(report: Report) -> list[Problem]:
    """A word typed twice: "规范审核审核发布机制", "有待于有待", "统一的的网站界面" (目的的, 的的确确 are fine)."""
    problems: list[Problem] = []
    strings = dict(narrative_strings(report))
    for keypath, text in strings.items():
        plain = REFERENCE.sub("N", text)
        for m in _DOUBLED_WORD.finditer(plain):
            if m.group(0) in _REDUPLICATED or _WORDS_MEETING.match(plain, m.start()):
                continue
            word = m.group(1) or "的"
            problems.append(
                warning(
                    "common.doubled-word",
                    f"“{word}”连写了两次：“{text[max(m.start() - 6, 0) : m.end() + 6]}”",
                    report.ref(keypath),
                    expected=f"“{word}”",
                    found=f"“{m.group(0)}”",
                )
            )
        # a phrase is words: at least four Chinese characters ("========" or a run of digits is not one)
        # — not a run across the boundary of two titles in a series that share their words ("《东丽区水务局政府信息
        # 公开制度》《东丽区水务局政务公开制度》《东丽区水务局政务微博管理办法》", 东丽区水务局 2020)
        phrases = [
            m.group(1)
            for m in _DOUBLED_PHRASE.finditer(text)
            if len(_HAN.findall(m.group(1))) >= 4 and "》《" not in m.group(1)
        ]
        for run in re.split(r"[，。；：]", text):
            items = [i.strip().removesuffix("等") for i in run.split("、")]
            phrases += sorted(
                {
                    b
                    for i, a in enumerate(items)
                    for b in items[i + 1 :]
                    if len(min(a, b, key=len)) >= 6 and (a.endswith(b) or b.endswith(a))
                }
            )
        phrases += _repeated_clauses(plain)
        if keypath.endswith("heading") and (repeated := _heading_repeated(keypath, text, strings)):
            phrases.append(repeated)
        for phrase in phrases:
            problems.append(
                warning(
                    "common.doubled-word",
                    f"同一短语写了两次：“{phrase}”",
                    report.ref(keypath),
                    expected=f"“{phrase}”一次",
                    found=f"“{phrase}”两次",
                )
            )
    return problems


def word_order_problems(report: Report) -> list[Problem]:
    """A share written before its verb: "网上咨询100人次，2.04%占" for 占2.04%."""
    return [
        warning(
            "common.word-order",
            f"“{m.group(0)}”语序颠倒，应为“占{m.group(0)[:-1]}”",
            report.ref(keypath),
            expected=f"“占{m.group(0)[:-1]}”",
            found=f"“{m.group(0)}”",
        )
        for keypath, text in narrative_strings(report)
        for m in _PERCENT_BEFORE_ZHAN.finditer(text)
    ]


_LEAD_IN = re.compile(r"(?:报告|汇报|公布|说明)如下[：:]")


def doubled_lead_in_problems(report: Report) -> list[Problem]:
    """The 导语 saying twice that the report follows: "……年度工作情况报告如下:" and, two sentences on,
    "……近一年来的工作情况汇报如下:" — the first colon leads nowhere."""
    found = [
        (keypath, m)
        for keypath, text in narrative_strings(report)
        if keypath.startswith("preamble.")
        for m in _LEAD_IN.finditer(text)
    ]
    if len(found) < 2:
        return []
    keypath, second = found[1]
    return [
        warning(
            "common.doubled-lead-in",
            f"导语两次说“{found[0][1].group(0)}”“{second.group(0)}”：第一处的冒号后面没有接报告正文，应删去一处",
            report.ref(keypath),
            expected="一处“……如下：”",
            found=f"{len(found)} 处",
        )
    ]


#: the closings of a 函 or 复函 ("此函", "特此函告", "此复"): a report ending on one was written on a letter's template
_LETTER_CLOSING = re.compile(r"(?:特此函告|特此函复|专此函达|此函|此复)[。.]?")


def letter_closing_problems(report: Report) -> list[Problem]:
    """A paragraph that is only a letter's closing: 平潭海坛片区 2021 and 2022 end "此函" above the signature."""
    return [
        warning(
            "common.letter-closing",
            f"“{text.strip()}”是函、复函的结束语，年度报告不用：应删去（报送上级的报告可用“特此报告”）",
            report.ref(keypath),
            expected="删去",
            found=text.strip(),
        )
        for keypath, text in narrative_strings(report)
        if _LETTER_CLOSING.fullmatch(text.strip())
    ]


def format_year_problems(report: Report) -> list[Problem]:
    """A report year outside the years its format was in force for: a 2022 report on the 2019 trial tables."""
    year = report_year(report.data)
    first, last = report.format.years
    if year is None:
        return []
    if (first is None or year >= first) and (last is None or year <= last):
        return []
    span = f"{first or ''}—{last or ''}年度"
    newer = [f for f in report.host.formats.values() if _in_force(f.years, year)] if report.host else []
    hint = "、".join(f"“{f.key}”" for f in newer)
    return [
        warning(
            "common.format-year",
            f"{year}年度的报告用了“{report.format.key}”格式（{report.format.title}，适用于{span}的报告）"
            + (f"；{year}年度应使用 {hint} 格式" if hint else ""),
            report.ref("format"),
            expected=hint or span,
            found=report.format.key,
        )
    ]


def _in_force(years: tuple[int | None, int | None], year: int) -> bool:
    first, last = years
    if first is None and last is None:  # a format that does not say (a third party's): never suggested
        return False
    return (first is None or year >= first) and (last is None or year <= last)


RULES = (
    placeholder_problems,
    enumeration_problems,
    enumeration_punctuation_problems,
    list_opening_problems,
    figure_shi_problems,
    list_number_problems,
    lone_item_problems,
    aspect_count_problems,
    numbered_shi_problems,
    part_level_number_problems,
    skipped_level_problems,
    typed_label_problems,
    typed_number_mark_problems,
    typed_sequence_problems,
    run_in_heading_problems,
    punctuation_problems,
    approximate_number_problems,
    malformed_date_problems,
    misused_word_problems,
    doubled_adverb_problems,
    count_without_unit_problems,
    missing_number_problems,
    unbalanced_bracket_problems,
    hexagonal_bracket_problems,
    doubled_word_problems,
    word_order_problems,
    unterminated_paragraph_problems,
    note_stop_problems,
    item_semicolon_problems,
    heading_punctuation_problems,
    doubled_lead_in_problems,
    letter_closing_problems,
    title_separator_problems,
    contact_colon_problems,
    contact_mark_problems,
    contact_separator_problems,
    format_year_problems,
    self_name_problems,
)


def prose_problems(report: Report) -> list[Problem]:
    """The format-independent prose rules of :mod:`plugins.common.prose`, on the text as printed."""
    from compiler.model.refs import Evaluator
    from plugins.common.prose.breakdowns import breakdown_problems
    from plugins.common.prose.doubled import doubled_item_problems
    from plugins.common.prose.frequency import frequency_problems
    from plugins.common.prose.partsums import parts_problems
    from plugins.common.prose.partsunit import parts_unit_problems
    from plugins.common.prose.rates import rate_problems
    from plugins.common.prose.separators import separator_problems
    from plugins.common.prose.shares import listed_share_problems, shares_problems
    from plugins.common.yearslips import date_problems, year_slips

    evaluator = Evaluator(report.values)
    texts = [(k, evaluator.resolve(t, None, []).text) for k, t in narrative_strings(report)]
    # the legacy 主动公开 part checks its category shares against 100 % itself (legacy.active.percentage-total),
    # and its categories against the total when they are typed as data (legacy.active.category-sum)
    shares = [(k, t) for k, t in texts if not (report.format.key == "legacy" and k.startswith("active."))]
    active = report.data.get("active")
    typed = report.format.key == "legacy" and isinstance(active, Mapping) and bool(active.get("categories"))

    def categories_as_data(keypath: str, found: Any) -> bool:  # the category list of the typed total
        return typed and keypath.startswith("active.") and found.total == active.get("total")

    return [
        *parts_problems(report, iter(texts), categories_as_data),
        *parts_unit_problems(report, texts),
        *breakdown_problems(report, texts),
        *separator_problems(report, texts),
        *doubled_item_problems(report, texts),
        *listed_share_problems(report, texts, shares),
        *rate_problems(report, texts),
        *frequency_problems(report, texts),
        *shares_problems(report, shares),
        *year_slips(report, texts, ("issues",)),
        *date_problems(report),
    ]


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    for rule in (*RULES, prose_problems):
        problems += rule(report)
    return problems
