"""Numbers typed into the prose of a legacy report against its own statistics, through the common phrase engine.

Legacy reports restate their counts in the prose ("本年度共受理政府信息公开申请312件，其中当面申请309件"); when the
statistics are typed as data ([applications] received, channels, outcomes; [active] total and categories; the
counts of [appeals], [consultation] and [staffing]) a literal number in such a phrase must agree with them.  The
phrases are read by :func:`plugins.common.prose.restatements.restatements` exactly as the 2021 format's are: a
number printed by a ``{reference}`` is never read, each literal number is read once.  Patterns built from a report's
own names (its channels and outcomes) are used only for names of two characters or more, and "其他" is never one.

Beside them, what the 2008 条例 (第三十二条) asks every report to say and a report may leave unsaid: the fees
(``legacy.fee.unstated``), each kind of appeal its heading names (``legacy.appeals.unstated``), whether anything was
withheld (``legacy.denied.unstated``), what became of the applications received
(``legacy.applications.outcome-unstated``), and the year's 主动公开 count rather than only a running total
(``legacy.active.year-count``) or no count at all (``legacy.active.no-count``); an appeals heading for 行政复议
alone (``legacy.appeals.heading``); answers counted under a kind the statistics lack (``legacy.text.outcome-name``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from compiler.model.problems import Problem, Severity
from compiler.model.refs import Evaluator
from compiler.model.report import Report
from plugins.common.prose.restatements import as_number, restatements
from plugins.common.report import report_year
from plugins.common.texts import narrative_strings
from plugins.legacy.part import is_count

_GAP = r"[^\d，。；：、,;:！？!?（）()]"
_N = r"(?P<n>\d+(?:,\d{3})*)(?![\d.])"


@dataclass(frozen=True)
class Phrase:
    regex: str  # {G} a gap of words, {N} the number
    path: str  # the value it restates, e.g. "applications.received"
    label: str  # the statistic in words, for the message

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.regex.replace("{G}", _GAP).replace("{N}", _N))


FIXED: tuple[Phrase, ...] = (
    Phrase(
        r"(?:受理|收到|接收|新收)了?{G}{0,12}?申请{G}{0,4}?{N}件", "applications.received", "受理政府信息公开申请数"
    ),
    Phrase(r"主动公开(?:政府)?信息(?:数|总数)?{G}{0,4}?{N}[条件]", "active.total", "主动公开政府信息总数"),
    # "共清理出52条政府公开信息，目前已在……网站上公开公布" (平潭县民政局 2013): what was sorted out and published
    Phrase(
        r"(?:清理|整理|梳理)出{N}条政府(?:公开)?信息(?=[^。；]{0,30}?已[^。；]{0,30}?公[开布])",
        "active.total",
        "主动公开政府信息总数",
    ),
    Phrase(r"行政复议{G}{0,8}?{N}(?:件|起|宗)", "appeals.reviews", "申请行政复议数"),
    Phrase(r"(?:行政诉讼|起诉){G}{0,8}?{N}(?:件|起|宗)", "appeals.lawsuits", "提起行政诉讼数"),
    Phrase(r"申诉{G}{0,8}?{N}(?:件|起|宗)", "appeals.complaints", "行政申诉数"),
    Phrase(r"咨询{G}{0,8}?{N}(?:人次|次)", "consultation.consultations", "受理咨询数"),
    Phrase(r"投诉{G}{0,8}?{N}(?:件|起|宗)", "consultation.complaints", "收到投诉数"),
    Phrase(r"专门机构{G}{0,4}?{N}个", "staffing.agencies", "专门机构数"),
    Phrase(r"专职(?:工作)?人员{G}{0,4}?{N}[人名]", "staffing.fulltime", "专职人员数"),
    Phrase(r"兼职(?:工作)?人员{G}{0,4}?{N}[人名]", "staffing.parttime", "兼职人员数"),
)


def phrases(values: Mapping[str, Any]) -> list[Phrase]:
    """The fixed phrases, then one per outcome, channel and category the report names (longest names first)."""
    named: list[Phrase] = []
    for section, key, unit, what in (
        # applications counted in 条 are a slip of their own (reported by the unit rule), not a reason to skip them
        ("applications", "outcomes", "[件条]", "答复结果"),
        ("applications", "channels", "[件条]", "申请方式"),
        ("active", "categories", "[条件]", "主动公开类别"),
    ):
        table = (values.get(section) or {}).get(key)
        if not isinstance(table, Mapping):
            continue
        for name in sorted(table, key=len, reverse=True):
            if len(name) < 2 or name == "其他" or not is_count(table[name]):
                continue
            negated = r"(?<!不)" if not name.startswith("不") else ""
            named.append(
                Phrase(
                    negated + re.escape(name) + r"(?:申请|答复)?的?{G}{0,6}?{N}" + unit,
                    f"{section}.{key}.{name}",
                    f"{what}“{name}”",
                )
            )
    return [*named, *FIXED]


def _value(values: Mapping[str, Any], path: str) -> Any:
    section, _, rest = path.partition(".")
    node: Any = values.get(section) or {}
    if "." in rest:
        key, _, name = rest.partition(".")
        node = node.get(key) if isinstance(node, Mapping) else None
        return node.get(name) if isinstance(node, Mapping) else None
    return node.get(rest) if isinstance(node, Mapping) else None


_CHANNEL_WORDS = re.compile(r"通过|利用|借助|经由|网站|微博|微信|公开栏|平台")


def _through_a_channel(text: str, pos: int, values: Mapping[str, Any]) -> bool:
    clause = text[max(text.rfind(ch, 0, pos) for ch in "，。；：,;:") + 1 : pos]
    channels = (values.get("active") or {}).get("channels")
    names = [n for n in channels if len(n) >= 2 and n != "其他"] if isinstance(channels, Mapping) else []
    return bool(_CHANNEL_WORDS.search(clause)) or any(n in clause for n in names)


_SUBGROUP = re.compile(r"各|县直|区直|市直|省直|乡镇|街道|部门|单位|公开办|办公室|其中")
_WHOLE = re.compile(r"[全我本][县区市省]|共计|累计|合计")
_SHARE_AFTER = re.compile(r"^[，,]?\s*(?:占|约占|占比)")


def _a_part_of_the_whole(text: str, start: int, end: int) -> bool:
    """A count said of a group within the organ ("县直各单位主动公开政府信息303条", "其中，区直各部门……1592条") or
    given with its share ("……303条，占71.3%") is a part of the total, not the total restated."""
    clause = text[max(text.rfind(ch, 0, start) for ch in "。；;") + 1 : start]
    if _SHARE_AFTER.match(text[end : end + 4]):
        return True
    return bool(_SUBGROUP.search(clause)) and not _WHOLE.search(clause)


def _running_total_after_the_years(text: str, pos: int) -> bool:
    """累计 in the clause, after a count earlier in the same sentence: "共主动公开、更新各类信息222条,累计主动公开信息
    2382条" (宁河区 2014), or before the year's own count in it: "到2014年底累计共主动公开政府信息1323条,其中2014年主动
    公开政府信息130条" (鹿城区发展和改革局 2014), or after a time it runs from: "《条例》颁布实施以来,累计主动公开
    政府信息2841340条" (青岛市 2018, held-out round 279).  Alone, "全县累计主动公开政府信息64585条" (南江县 2018)
    is the year's total."""
    clause_start = max(text.rfind(ch, 0, pos) for ch in "，。；：,;:") + 1
    sentence_start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    sentence_end = min((i for i in (text.find(ch, pos) for ch in "。；;") if i >= 0), default=len(text))
    if not _SINCE.search(text[clause_start:pos]):
        return False
    before, after = text[sentence_start:clause_start], text[pos:sentence_end]
    return bool(re.search(r"\d\s*[条件]|以来", before) or _YEARS_OWN.search(after))


#: the year's own count after a running total: "……,其中2014年主动公开政府信息130条", "其中本年度新增……"
_YEARS_OWN = re.compile(r"其中\s*(?:\d{4}\s*年度?|本年度?|今年|当年)[^，。；,;]{0,20}?\d+\s*[条件]")


def scan(text: str, spans: list[tuple[int, int, str]], values: Mapping[str, Any]) -> Iterator[tuple[str, Phrase, Any]]:
    """(phrase as written, the rule, the data's value) for each literal number that differs from the data."""

    def judge_for(phrase: Phrase) -> Callable[[re.Match[str]], Any]:
        def judge(m: re.Match[str]) -> Any:
            if phrase.path == "active.total" and _through_a_channel(text, m.start(), values):
                return None  # "通过网站主动公开政府信息N条" is the website's count, not the total
            if phrase.path == "active.total" and _a_part_of_the_whole(text, m.start(), m.end()):
                return None  # "县直各单位主动公开政府信息303条，占71.3%" is one group's count
            if phrase.path == "active.total" and (
                _SINCE.search(m.group(0)) or _running_total_after_the_years(text, m.start())
            ):
                # "主动公开政府信息历年累计52条" (闽侯县水利局 2010), "……222条,累计主动公开信息2382条"
                # (宁河区 2014): the running total, not the year's
                return None
            expected = _value(values, phrase.path)
            if not is_count(expected) or as_number(m.group("n")) == Decimal(expected):
                return None
            return (m.group(0), phrase, expected)

        return judge

    yield from restatements(text, spans, [(p.compile(), judge_for(p)) for p in phrases(values)])


def text_problems(report: Report) -> list[Problem]:
    evaluator = Evaluator(report.values)
    problems: list[Problem] = []
    for keypath, raw in narrative_strings(report):
        resolved = evaluator.resolve(raw, None, [])
        for written, phrase, expected in scan(resolved.text, resolved.spans, report.values):
            number = re.search(r"\d[\d,]*", written[::-1])
            found = number.group(0)[::-1] if number else written
            problems.append(
                Problem(
                    Severity.ERROR,
                    "legacy.text.mismatch",
                    f"正文“{written}”中的数字 {found} 与{phrase.label}（{phrase.path}）{expected} 不一致；"
                    f"可改用引用 {{{phrase.path}}}",
                    report.ref(keypath),
                    expected=expected,
                    found=found,
                    plugin="legacy",
                )
            )
    return problems


# what says whether fees were charged: 收取/减免/未收…, 收费情况, a named fee; not 收费 as a kind of information
# ("行政事业性收费信息3条", "收费政策和收费标准") nor the part's spending ("信息公开费用1万元", in 工作人员和费用支出)
_FEE_WORDS = re.compile(
    r"收取|收缴|减免|免收|免费|(?:未|不|没有)收(?!到)|收费(?:及|和)?(?:减免)?情况|处理费|复制费|检索费|邮寄费"
)
#: ... in a sentence about disclosure fees, not "免费自助复印" in a service hall or "减免税" for taxpayers
_FEE_CONTEXT = re.compile(r"信息公开|申请|检索|复制|邮寄|收费标准|信息处理费")


#: 第三十二条（三）'s own 收费及减免, said of this report ("无收费及减免情况", "收费和减免情况：无")
_FEE_OWN_WORDS = re.compile(r"收费(?:及|和|与)减免")
#: a charge made or waived — what a sentence of the staffing part (mostly about spending) must say to state the fee
_CHARGED = re.compile(r"收取|收费|免收|减免|(?:未|不|没有)收(?!到)")
#: a preamble's list of parts names the fee part ("本年报由……收费及减免情况……组成") without stating the fee
_PART_LIST_SENTENCE = re.compile(r"组成|部分")


def _states_fee(key: str, sentence: str) -> bool:
    if not _FEE_WORDS.search(sentence):
        return False
    if key.startswith(("applications.", "fee.")):
        return True
    if key.startswith("preamble.") and _PART_LIST_SENTENCE.search(sentence):
        return False
    if key.startswith("staffing."):  # "信息公开工作经费……" is spending; "未对申请收取任何费用" states the fee
        return bool(_FEE_CONTEXT.search(sentence) and _CHARGED.search(sentence))
    # the 条例's own words need no context: "收费及减免情况。无收费及减免情况。" (平潭县卫生局 2012, in part 一)
    return bool(_FEE_CONTEXT.search(sentence) or _FEE_OWN_WORDS.search(sentence))


def fee_silence(report: Report) -> list[Problem]:
    """The 2008 条例 (第三十二条（三）) asks every report for its 收费及减免情况; a report whose prose never
    mentions fees, and which gives no ``applications.fees`` and no ``[fee]`` part, leaves it out (the 2021 format's
    gb2021.fee.unstated)."""
    applications = report.data.get("applications")
    fee = report.data.get("fee")
    if isinstance(fee, Mapping):
        return _fee_part_without_the_year(report, fee)
    if isinstance(applications, Mapping) and "fees" in applications:
        return []
    if any(
        _states_fee(key, sentence) for key, text in narrative_strings(report) for sentence in re.split(r"[。；;]", text)
    ):
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.fee.unstated",
            "全文没有说明政府信息公开的收费及减免情况（2008年条例第三十二条（三）要求报告）；"
            "没有收费也应写明，如“本年度未收取任何费用”",
            report.ref("applications" if isinstance(applications, Mapping) else ""),
            expected="收费及减免情况",
            found="未提及",
            plugin="legacy",
        )
    ]


#: what tells the year's fees: a charge denied (未收取, 没有收费, 无收费及减免, 为零, 免收, 不收) or a number
_FEE_OF_THE_YEAR = re.compile(r"未|没有|无|零|免收|不收|\d")


def _fee_part_without_the_year(report: Report, fee: Mapping[str, object]) -> list[Problem]:
    """A 收费及减免 part that tells only the principle ("始终坚持为民、便民、利民的原则,对印刷、邮寄等费用,原则上都予以
    减免。", 乳山口镇 2010) and not what was charged or waived in the year: no charge denied, no number."""
    texts = [t for key, t in narrative_strings(report) if key.startswith("fee.") and key != "fee.heading"]
    if not texts or any(_FEE_OF_THE_YEAR.search(t) for t in texts) or any(k in fee for k in ("collected", "waived")):
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.fee.unstated",
            "收费及减免部分只讲了原则，没有说本年度收了多少、减免了多少（2008年条例第三十二条（三）要求报告本年度的"
            "情况）；没有收费也应写明，如“本年度未收取任何费用”",
            report.ref("fee.text"),
            expected="本年度收费及减免情况",
            found="只有原则",
            plugin="legacy",
        )
    ]


#: What an appeals part's heading names, the word its text must use, and the count that states it as data.
_APPEAL_KINDS = (("诉讼", "lawsuits", "行政诉讼"), ("申诉", "complaints", "申诉"), ("复议", "reviews", "行政复议"))


def appeals_silence(report: Report) -> list[Problem]:
    """The appeals part's heading names 行政诉讼 (or 申诉, 复议) and neither its text nor its counts say anything
    about it: "申请行政复议、提起行政诉讼和申诉的情况" over "2013年，我局收到……行政复议0件。" leaves two of three
    unsaid.  Only a heading the report printed is read (the part's own title promises nothing the author wrote)."""
    appeals = report.data.get("appeals")
    if not isinstance(appeals, Mapping) or not isinstance(appeals.get("heading"), str):
        return []
    heading = appeals["heading"]
    text = "".join(t for key, t in narrative_strings(report) if key.startswith("appeals.") and key != "appeals.heading")
    unsaid = [what for word, key, what in _APPEAL_KINDS if word in heading and word not in text and key not in appeals]
    if not unsaid:
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.appeals.unstated",
            f"{'、'.join(unsaid)}情况没有说明：部分标题“{heading}”列出了，正文和数字都没有写"
            "（没有也应写明，如“未发生行政诉讼”）",
            report.ref("appeals.heading"),
            expected="、".join(unsaid) + "情况",
            found="未提及",
            plugin="legacy",
        )
    ]


def appeals_heading(report: Report) -> list[Problem]:
    """An appeals part headed for 行政复议 alone: the 2008 条例's item (第三十二条（五）) is
    因政府信息公开申请行政复议、提起行政诉讼的情况 — "五、申请行政复议情况" (屯昌县某局 2015, whose text goes on
    to 诉讼 and 申诉) leaves half of it out of the heading."""
    appeals = report.data.get("appeals")
    heading = appeals.get("heading") if isinstance(appeals, Mapping) else None
    if not isinstance(heading, str) or "复议" not in heading or "诉讼" in heading:
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.appeals.heading",
            f"部分标题“{heading}”只说了行政复议：2008年条例第三十二条（五）项是“因政府信息公开申请行政复议、"
            "提起行政诉讼的情况”",
            report.ref("appeals.heading"),
            expected="因政府信息公开申请行政复议、提起行政诉讼的情况",
            found=heading,
            plugin="legacy",
        )
    ]


_DENIED_WORDS = re.compile(r"不予公开|不同意公开|否决公开|不公开|免予公开|不予提供")


def denied_silence(report: Report) -> list[Problem]:
    """The 2008 条例 (第三十二条（二）) asks for 依申请公开和不予公开情况: a report with an applications part that
    never says whether anything was withheld — in its text, its outcomes or its printed 附表 — leaves half of it out."""
    applications = report.data.get("applications")
    if not isinstance(applications, Mapping):
        return []
    outcomes = applications.get("outcomes")
    said = [t for _, t in narrative_strings(report)]
    said += list(outcomes) if isinstance(outcomes, Mapping) else []
    tables = report.data.get("tables")
    for table in tables.get("printed", []) if isinstance(tables, Mapping) else []:
        for row in table.get("rows", []) if isinstance(table, Mapping) else []:
            said += [c for c in row if isinstance(c, str)] if isinstance(row, list) else []
    if any(_DENIED_WORDS.search(t) for t in said):
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.denied.unstated",
            "全文没有说明不予公开的情况（2008年条例第三十二条（二）要求报告“依申请公开和不予公开情况”）；"
            "没有也应写明，如“本年度没有不予公开的情况”",
            report.ref("applications"),
            expected="不予公开情况",
            found="未提及",
            plugin="legacy",
        )
    ]


#: a count of items: "100条", "1,234件", "10余条"
_COUNT = re.compile(r"\d+(?:,\d{3})*\s*(?:余|多)?[条件项份个篇]")
#: a count of items of information, the unit 条: what a sentence about 主动公开 counts when it gives the year's number
_ITEMS_COUNT = re.compile(r"\d+(?:,\d{3})*\s*(?:余|多)?条")
#: what makes a count one since some earlier time, not the year's: 累计, 到目前, 至今, 历年, 截至…
_SINCE = re.compile(r"累计|到目前|至今|迄今|历年|截至|截止|以来")
_PROACTIVE = re.compile(r"主动公开")
#: what was made public, said without the word 主动公开: the channels it went through
_MADE_PUBLIC = re.compile(r"(?:政务|信息)公开栏|公开栏|予以公开|公开了|及时公开|进行公开")
#: the information put out, counted with another verb than 主动公开: "全年共上传信息385条", "发布政府信息56条"
_PUT_OUT_COUNT = re.compile(
    r"(?:上传|发布|公开|上网|公布)(?:各类|政务|政府)?信息(?:共|达)?\d+(?:,\d{3})*\s*(?:余|多)?条"
)


def cumulative_only(report: Report) -> list[Problem]:
    """The 2008 条例 (第三十二条（一）) asks for the year's 主动公开 figure: a report whose 主动公开 part counts only
    a running total ("本单位到目前累计主动公开政府信息100条") and that gives the year's count nowhere — neither as
    data (``active.total``) nor in a sentence about 主动公开 without 累计/到目前/至今 — does not report it."""
    active = report.data.get("active")
    if isinstance(active, Mapping) and "total" in active:
        return []
    texts = list(narrative_strings(report))
    clauses = [
        (key, clause)
        for key, text in texts
        if not key.endswith("heading")
        for clause in re.split(r"[，,。；;：:]", text)
        if _COUNT.search(clause)
    ]
    if not isinstance(active, Mapping):  # no 主动公开 part: told of it elsewhere, in words and no number?
        return no_count(report, texts, clauses)
    in_part = [(key, clause) for key, clause in clauses if key.startswith("active.")]
    if not in_part:
        return no_count(report, texts, clauses)
    if not all(_SINCE.search(clause) for _, clause in in_part):
        return []
    if any(_PROACTIVE.search(clause) and not _SINCE.search(clause) for _, clause in clauses):
        return []
    key, clause = in_part[0]
    year = report_year(report.data) or "本"
    return [
        Problem(
            Severity.WARNING,
            "legacy.active.year-count",
            f"主动公开只给了累计数（“{clause.strip()}”），没有{year}年度本年主动公开的数量"
            "（2008年条例第三十二条（一）要求报告本年度主动公开情况）",
            report.ref(key),
            expected=f"{year}年主动公开的条数",
            found="只有累计数",
            plugin="legacy",
        )
    ]


def _tables_count_proactive(report: Report) -> bool:
    """Whether a printed 附表 has a 主动公开 row (its count is stated there, not in the prose)."""
    tables = report.data.get("tables")
    printed = tables.get("printed") if isinstance(tables, Mapping) else None
    for table in printed or []:
        rows = table.get("rows") if isinstance(table, Mapping) else None
        for row in rows or []:
            if isinstance(row, list) and row and _PROACTIVE.search(str(row[0])):
                return True
    return False


def no_count(report: Report, texts: list[tuple[str, str]], clauses: list[tuple[str, str]]) -> list[Problem]:
    """The 主动公开 part is printed but says no number at all — not as data, not in the part, not in any sentence
    about 主动公开 elsewhere, not in a printed 附表 (2008 条例第三十二条（一）: the year's 主动公开 情况).
    ``texts`` are the report's narrative strings and ``clauses`` the counting clauses among them, as
    :func:`cumulative_only` found them."""
    active = report.data.get("active")
    said = "主动公开"
    if isinstance(active, Mapping):
        if not any(k.startswith("active.") for k, _ in texts):
            return []
        where = "active"
    else:  # no part of its own: the report speaks of 主动公开 in another part, or of what it made public (平潭县
        # 质监局 2012, part 一: "通过政务公开栏、办事指南、张贴公告……等方式" and no number)
        mentioned = next((k for k, t in texts if _PROACTIVE.search(t)), None)
        if mentioned is None:
            said = "公开的渠道"
            mentioned = next((k for k, t in texts if _MADE_PUBLIC.search(t)), None)
        if mentioned is None:
            return []  # never spoken of: input.missing-part says the part is missing
        where = mentioned
    if any(_PROACTIVE.search(clause) for _, clause in clauses) or _tables_count_proactive(report):
        return []
    if any(key.startswith("active.") and _COUNT.search(text) for key, text in texts):
        return []  # the count is in a heading: "（一）2010年主动公开政府信息10余条"
    if said != "主动公开" and any(_MADE_PUBLIC.search(t) and _COUNT.search(t) for _, t in texts):
        return []  # "通过政务公开栏……及时公开政府信息56条": counted without the word
    if any(_PUT_OUT_COUNT.search(t) for _, t in texts):
        return []  # "全年共上传信息385条" (凤阳县总铺镇 2013): the year's count, in other words
    if any(_PROACTIVE.search(s) and _ITEMS_COUNT.search(s) for _, t in texts for s in re.split(r"[。；;！？]", t)):
        return []  # "发布主动公开信息28大项、79小项,共计6657条" (泾县 2012): the count in the sentence's next clause
    if any(_PROACTIVE.search(text) and _COUNT.search(text) for key, text in texts if key.endswith("heading")):
        return []
    year = report_year(report.data) or "本"
    return [
        Problem(
            Severity.WARNING,
            "legacy.active.no-count",
            f"{'主动公开部分' if where == 'active' else f'全文说到{said}，却'}没有一个数字："
            f"没有说{year}年度主动公开了多少条政府信息（2008年条例第三十二条（一）要求报告主动公开情况）",
            report.ref(where),
            expected=f"{year}年主动公开的条数",
            found="没有数量",
            plugin="legacy",
        )
    ]


#: what a report says about how an application ended
_ANSWERED = re.compile(r"答复|办结|办理完毕|已办|同意|予以公开|不予公开|部分公开|告知|转交|转办|撤回|提供|公开了|满意")


def outcome_silence(report: Report) -> list[Problem]:
    """Applications were received (``applications.received`` > 0) but the report never says what became of them —
    no outcomes as data, no word of 答复/办结/同意公开/告知… in its applications part (第三十二条（二）: the
    report gives how applications were handled, not only that they came)."""
    applications = report.data.get("applications")
    if not isinstance(applications, Mapping):
        return []
    received = applications.get("received")
    if not is_count(received) or received == 0 or applications.get("outcomes"):
        return []
    said = [t for key, t in narrative_strings(report) if key.startswith("applications.")]
    if any(_ANSWERED.search(t) for t in said):
        return []
    return [
        Problem(
            Severity.WARNING,
            "legacy.applications.outcome-unstated",
            f"收到{received}件申请，但没有说明办理结果（同意公开、不予公开、告知……）；"
            "2008年条例第三十二条（二）要求报告依申请公开的情况",
            report.ref("applications"),
            expected="办理结果",
            found="未提及",
            plugin="legacy",
        )
    ]


#: an answer counted in the prose by the name of its kind: "其中同意公开答复数17条，其它公开答复数2条"
_OUTCOME_NAMED = re.compile(r"(?:其中|[，,、；;](?!其中))(?P<name>[\u4e00-\u9fff]{2,8}?答复数)(?:为|是)?\d")


def outcome_names(report: Report) -> list[Problem]:
    """The prose counts answers under a kind the statistics do not have: "对依申请公开的答复总数21条，其中同意公开
    答复数17条，其它公开答复数2条，免于公开答复数2条" beside a 附表 of 同意公开 / 同意部分公开 / 否决公开 (平潭县
    人民政府 2012) — the reader cannot match the text's 2 and 2 to the table's rows.  Only names in the statistics'
    own form (…答复数) are read, and only when the outcomes are typed as data; each name once."""
    applications = report.data.get("applications")
    outcomes = applications.get("outcomes") if isinstance(applications, Mapping) else None
    if not isinstance(outcomes, Mapping) or not outcomes:
        return []
    known = {re.sub(r"(?:答复)?数$", "", name) for name in outcomes}
    problems: list[Problem] = []
    said: set[str] = set()
    for keypath, text in narrative_strings(report):
        for m in _OUTCOME_NAMED.finditer(text):
            name = m["name"]
            if re.sub(r"答复数$", "", name) in known or name in said:
                continue
            said.add(name)
            problems.append(
                Problem(
                    Severity.WARNING,
                    "legacy.text.outcome-name",
                    f"正文的答复类别“{name}”在统计数据里没有：答复结果的类别是“{'、'.join(outcomes)}”，"
                    "正文的数字对不上表里的行",
                    report.ref(keypath),
                    expected="、".join(outcomes),
                    found=name,
                    plugin="legacy",
                )
            )
    return problems
