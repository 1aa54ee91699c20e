"""Report-wide checks of the national format, run by ``gongkai check`` and ``gongkai build``.

Each part checks its own table (arithmetic, blank cells) in its section module; the rules here span parts or
reports: official part headings (:mod:`.headings`), last year's report (:mod:`.crossyear`) and numbers typed into
the prose (:mod:`.textcheck`).  Placeholders (××), 一是/二是 sequences and doubled punctuation are checked for
every format by the common checks plugin, not here.

Rule ids (all ``gb2021.*``; the same rules apply to the 2019 trial format):

=====================================  ========  ==========================================================
rule                                   severity  what
=====================================  ========  ==========================================================
gb2021.table3.balance                  ERROR     per column 一 + 二 = （七） + 四
gb2021.table3.outcome-total            ERROR     （七）总计, when typed, = the outcome rows (not when all are blank)
gb2021.table3.blank-total              WARNING   总计 typed blank on rows whose applicant cells hold numbers
gb2021.table3.row-total                ERROR     总计, when typed, = the six applicant columns
gb2021.table3.count                    ERROR     counts are non-negative integers
gb2021.table3.missing                  WARNING   blank cells (printed blank, one warning for the table)
gb2021.table3.merged                   WARNING   rows printed with their numbers merged (merged_rows), as published
gb2021.table4.block-total              ERROR     维持 + 纠正 + 其他 + 尚未审结 = 总计, per block
gb2021.table4.count / .missing         ERROR / WARNING
gb2021.table2.count / .money           ERROR     non-negative integers / non-negative 万元
gb2021.table2.missing                  WARNING   blank cells
gb2021.fee.amount / .notices           ERROR     信息处理费 non-negative; 收费通知 a count
gb2021.fee.no-notice                   WARNING   money collected without a 收费通知
gb2021.fee.notices-vs-table3           WARNING   fewer 收费通知 than unpaid-fee applications in table 三
gb2021.cross-year.carry-over           ERROR     上年结转 = last year's 结转下年度 (WARNING with carry_over_note)
gb2021.cross-year.valid-documents      WARNING   现行有效件数 ≈ last year's + 制发 − 废止
gb2021.cross-year.year / .format       WARNING   the previous report is not last year's / not this format
gb2021.text.mismatch                   ERROR     a literal number in the prose differs from the table
gb2021.text.appeals-claim              ERROR     "均获维持" / "未发生行政复议" contradicting table 四
gb2021.text.applications-claim         WARNING   "未收到申请" / "均已按时答复" contradicting table 三's 新收 and 结转
gb2021.text.applications-balance       WARNING   one sentence's 上年结转 + 收到 ≠ 办结 + 结转下年 (table 三 blank)
gb2021.text.attribute-count            WARNING   "依申请公开信息N条" (the 2008 公开属性 statistic) beyond table 三
gb2021.text.normative-published        WARNING   fewer 规范性文件 said published than table 二 says were made
gb2021.text.licensing                  WARNING   licences listed in a sentence beyond table 二's 行政许可 decisions
gb2021.appeals.pending-unstated        WARNING   table 四 has 尚未审结 cases and the prose never says so
gb2021.heading.variant                 WARNING   a known variant of an official part heading
gb2021.heading.unofficial              WARNING   any other heading override
gb2021.heading.numbered                WARNING   a heading typed with its own number
gb2021.part-order                      ERROR     a part moved from its official position
gb2021.overview.items-and-subsections  ERROR     总体情况 mixes items and 小节 (double （一）)
gb2021.accountability-unstated         WARNING   a government's report silent on 社会评议 / 责任追究 (条例 第五十条)
gb2021.overview-thin                   WARNING   a whole 总体情况 speaking of two of the format's five topics or fewer
gb2021.old-principle                   WARNING   "公开为原则，不公开为例外" where the 2019 条例 says 以公开为常态
gb2021.old-categories                  WARNING   the 2008 条例's list of what to publish ("国家关于农村工作政策")
gb2021.part-list-legacy                WARNING   the preamble lists the 2008 条例's fee part ("收费及减免情况")
gb2021.format-title                    WARNING   a 2021-format report citing the format as 《……年度报告格式（试行）》
=====================================  ========  ==========================================================
"""

from __future__ import annotations

import re
from typing import Any

from compiler import hookimpl
from compiler.model.problems import Problem, Severity
from compiler.model.report import Report
from plugins.common.partlists import left_out_of_list, part_list_problems, run_together_names
from plugins.gb2021.crossyear import cross_year_problems
from plugins.gb2021.format import FORMAT_KEYS
from plugins.gb2021.headings import heading_problems
from plugins.gb2021.names import PART_KEYWORDS, PART_TITLES, PART_VARIANTS
from plugins.gb2021.textbalance import balance_problems
from plugins.gb2021.textcheck import text_problems


def _maker(report: Report):
    def make(severity: Severity, rule: str, message: str, keypath: str, **kw: Any) -> Problem:
        return Problem(severity, rule, message, report.ref(keypath), plugin="gb2021-checks", **kw)

    return make


_TRIAL_TITLE = re.compile(r"政府信息公开工作年度报告格式（试行）")
#: the notice that gave the 2019 trial format, cited as the basis of a report in the 2021 format (平潭投资促进局 2024)
_TRIAL_NOTICE = re.compile(r"国办公开办函\s*[〔\[（(【]2019[〕\]）)】]\s*60\s*号")
_FORMAT_NOTICE = re.compile(r"[〔\[（(【]2021[〕\]）)】]\s*30\s*号")
#: or by its title alone, with or without its issuer (高平市米山镇 2023, 平潭交通与建设局 2021); a local office's notice
#: of the same words has its own issuer inside the marks ("《……东胜区人民政府办公室关于……的通知》") and is not it
_TRIAL_NOTICE_TITLE = re.compile(
    r"《(?:国务院办公厅政府信息与政务公开办公室)?关于政府信息公开工作年度报告有关事项的通知》(?!\s*[（(]\s*国办公开办函)"
)


def format_title_problems(report: Report, make) -> list[Problem]:
    """A report in the 2021 format that cites the format it follows as 《中华人民共和国政府信息公开工作年度报告格式
    （试行）》 — the title of the 2019 trial format (国办公开办函〔2019〕60号); the 2021 format (国办公开办函〔2021〕
    30号) is not 试行 (平潭金井片区 2021) — or that rests on the 2019 notice itself, by its 文号 (平潭国有资产管理局
    2022, 投资促进局 2024) or by its title alone (高平市米山镇 2023), unless the 2021 notice is cited beside it."""
    if report.format.key != "2021":
        return []
    from plugins.common.texts import narrative_strings

    problems = []
    for keypath, text in narrative_strings(report):
        if _TRIAL_TITLE.search(text):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.format-title",
                    "报告按2021年格式编写，却引用了2019年试行格式的名称《……年度报告格式（试行）》；"
                    "2021年格式（国办公开办函〔2021〕30号）的名称没有“（试行）”",
                    keypath,
                    expected="《中华人民共和国政府信息公开工作年度报告格式》",
                    found="……格式（试行）",
                )
            )
            continue
        notice = _TRIAL_NOTICE.search(text) or _TRIAL_NOTICE_TITLE.search(text)
        if notice and not _FORMAT_NOTICE.search(text):
            number = "" if notice.re is _TRIAL_NOTICE else "（国办公开办函〔2019〕60号）"
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.format-title",
                    f"报告按2021年格式编写，却以{notice.group(0)}为依据；那份通知{number}附的是2019年试行格式，"
                    "2021年起的年度报告格式是国办公开办函〔2021〕30号",
                    keypath,
                    expected="国办公开办函〔2021〕30号",
                    found=notice.group(0),
                )
            )
    return problems


_OLD_PRINCIPLE = re.compile(r"公开为原则[，,、]?\s*不公开为例外")


def old_principle_problems(report: Report, make) -> list[Problem]:
    """The principle quoted as the 2008 条例 era said it, "公开为原则，不公开为例外", in a report under the 2019 条例,
    whose 第五条 says "以公开为常态、不公开为例外" (平潭行政审批局 2019).  Once, where first quoted."""
    from plugins.common.texts import narrative_strings

    for keypath, text in narrative_strings(report):
        m = _OLD_PRINCIPLE.search(text)
        if m:
            return [
                make(
                    Severity.WARNING,
                    "gb2021.old-principle",
                    f"“{m.group(0)}”是2008年条例时期的说法；2019年修订的条例第五条是“以公开为常态、不公开为例外”",
                    keypath,
                    expected="以公开为常态、不公开为例外",
                    found=m.group(0),
                )
            ]
    return []


#: the 2008 条例's words for what a government publishes (第十条, 第十二条) that the 2019 条例 (第二十条, 第二十一条)
#: put otherwise: the phrase, what the 2019 条例 says, and where
_OLD_CATEGORIES = (
    (re.compile(r"贯彻落实国家关于农村工作政策"), "贯彻落实农业农村政策", "条例第二十一条"),
    # the 2008 list's item whole ("征收或者征用土地、房屋拆迁及其补偿、补助费用的发放、使用情况"), not 房屋拆迁 said
    # of what applicants asked about ("申请内容主要涉及……土地征收、房屋拆迁……", 泰安市 2022)
    (re.compile(r"房屋拆迁及其补偿"), "房屋征收", "条例第二十一条；2011年起房屋拆迁改称房屋征收"),
)


def old_category_problems(report: Report, make) -> list[Problem]:
    """The 2008 条例's list of what a township or a government publishes, copied into a report under the 2019 条例:
    "贯彻落实国家关于农村工作政策的情况" (2008 第十二条) where 第二十一条 says 贯彻落实农业农村政策, "房屋拆迁及其补偿"
    where it says 房屋征收 (石狮市鸿山镇 2021, 闽侯县白沙镇 2025, held-out rounds 242 and 247).  Once per phrase."""
    from plugins.common.texts import narrative_strings

    problems = []
    for pattern, now, where in _OLD_CATEGORIES:
        for keypath, text in narrative_strings(report):
            if (m := pattern.search(text)) is not None:
                problems.append(
                    make(
                        Severity.WARNING,
                        "gb2021.old-categories",
                        f"“{m.group(0)}”是2008年条例所列主动公开内容的说法；2019年修订的条例说“{now}”（{where}）",
                        keypath,
                        expected=now,
                        found=m.group(0),
                    )
                )
                break
    return problems


#: a part of the 2008 条例's report (第三十二条（三）: 政府信息公开的收费及减免情况) named in a list of
#: parts: "信息公开收费及减免情况" (西藏自治区邮政管理局 2023, held-out round 254), "收费和减免情况",
#: "费用收取与减免情况", "支出和收费" — not the 2021 format's 信息处理费, which its 其他需要报告的事项 reports
_FEE_PART = re.compile(r"收费|费用收取|相关费用")  # "政府信息公开相关费用情况" (梅县区政府办 2019, held-out round 266)
_FEE_IN_LIST = re.compile(r"(?:包括|由)[^。；]*?[、，,](?P<name>[^、，,。；]*收费(?:及|和|与)减免[^、，,。；]*)[、，,]")


def legacy_fee_part_problems(report: Report, make) -> list[Problem]:
    """The preamble's list of parts naming the 2008 条例's fee part (收费及减免情况) in a report under the 2019 条例,
    whose 第五十条 and whose formats have no such part: the list was carried over from an old report.  Once."""
    from plugins.common.preamble import listed_parts, opening_texts

    parts = listed_parts(report)
    if parts is not None:
        named = [(parts.keypath, name) for name in parts.names]
    else:
        # a list read as one only when every name ends like a part's ("依申请公开信息" does not, 西藏自治区邮政管理局
        # 2023): the fee part's whole name among names parted by 、 after 包括 or 由 is enough here
        named = [(keypath, m["name"]) for keypath, text in opening_texts(report) for m in _FEE_IN_LIST.finditer(text)]
    for keypath, listed in named:
        # "依申请公开(含不予公开、收费及减免)" (西城区发改委 2021): the last item of a gloss, its bracket left on
        name = listed.strip("（）() ")
        if _FEE_PART.search(name) and "信息处理费" not in name:
            return [
                make(
                    Severity.WARNING,
                    "gb2021.part-list-legacy",
                    f"导语所列的“{name}”是2008年条例规定的年度报告内容（第三十二条第三项：收费及减免情况）；2019年"
                    "修订的条例第五十条和年度报告格式没有这一部分，收取信息处理费的情况写在“其他需要报告的事项”里",
                    keypath,
                    expected="按现行格式列出各部分",
                    found=name,
                )
            ]
    return []


#: a street office: the 派出机关 of a district or county government, not itself a level of government
_SUBDISTRICT = re.compile(r"街道(?:办事处|办|党工委)?$|街道办事处|街$")


def accountability_problems(report: Report, make) -> list[Problem]:
    """条例第五十条（四）: the report of a level of government (人民政府, 管委会, 乡, 镇 — not a department, and not a
    街道办事处, the district's agency rather than a level of government) must report the results of 工作考核、社会评议和
    责任追究; the 2021 format puts them in 总体情况's 监督保障.  Reported when the text says nothing of 社会评议 nor of
    责任追究 (考核 alone is said of many things); one warning, at 总体情况."""
    from plugins.common.organs import is_department
    from plugins.common.texts import narrative_strings

    organ = (report.data.get("report") or {}).get("organ")
    if not isinstance(organ, str) or is_department(organ) or _SUBDISTRICT.search(organ):
        return []
    text = "".join(t for _, t in narrative_strings(report))
    if "评议" in text or "责任追究" in text or "追究责任" in text:
        return []
    return [
        make(
            Severity.WARNING,
            "gb2021.accountability-unstated",
            "各级人民政府的年度报告应当包括工作考核、社会评议和责任追究结果情况（条例第五十条第四项，"
            "2021年格式放在“总体情况”的监督保障中），正文没有说到社会评议和责任追究",
            "overview",
            expected="写明工作考核、社会评议和责任追究结果",
            found="未提及",
        )
    ]


@hookimpl
def gongkai_check(report: Report) -> list[Problem] | None:
    if report.format.key not in FORMAT_KEYS:
        return None
    make = _maker(report)
    official = {key: (title, *PART_VARIANTS.get(key, ())) for key, title in PART_TITLES.items()}
    return [
        *format_title_problems(report, make),
        *heading_problems(report, make),
        *cross_year_problems(report, make),
        *text_problems(report, make),
        *balance_problems(report, make),
        *accountability_problems(report, make),
        *old_principle_problems(report, make),
        *old_category_problems(report, make),
        *legacy_fee_part_problems(report, make),
        *part_list_problems(report, "gb2021", official),
        *run_together_names(report, "gb2021", official),
        *left_out_of_list(report, "gb2021", official, PART_KEYWORDS),
    ]
