"""Reading the prose like an assessor: the number rules every format shares.

The format plugins know which quantity a phrase restates ("收到申请N件" → table 三, "主动公开…N条" → [active]);
what does not depend on the format lives here, so every format reads numbers the same way:

- **Rounding policy** (:func:`percent_verdict`): a typed percentage is compared at the precision typed, rounded
  half-up.  A value that is only the *truncated* figure (35/805 = 4.348 % written 4.34 %) is reported as a
  rounding slip (``prose.percent-rounding``, WARNING) in every format; any other difference is a mismatch.
- **Totals with their parts** (:func:`parts_not_adding_up`): "共X条，其中A条、B条……" — parts in the same unit,
  in the same sentence, that add up to more than the stated total (``prose.parts-sum``).  Fewer is reported only
  when the list is the whole — its last item the remainder (其他…), or 主动公开/依申请公开/不予公开 — since a
  partial breakdown ("22条，其中线上15条") is common and not wrong; or when two items or more fall short by a
  hair (:data:`NEAR_SHORT_PERCENT`: 937 of 940, 280 of 286, 172 of 181), a list meant as the whole.  The kinds of
  主动公开 listed in a later sentence than its count, closed by 其他…, are the whole too and must add up to that
  count; so are kinds named in a 、-list ("类别主要涉及A、B、C。") and each counted in the next sentence
  ("其中A类N条，……").
  A share given later for one listed part is compared with the stated total (``prose.share-of-total``), a 办结率
  with its own counts (``prose.rate``).  Parts that add up to the total exactly but are all counted in another
  measure word ("处理338宗，其中……229个、……62个、……47个") are ``prose.parts-unit``.
- **Restatements** (:func:`restatements`): the phrase engine itself.  A format gives a list of (pattern, judge)
  pairs — "收到申请N件" → table 三's 一、本年新收, "当面申请N件" → the legacy channel count … — and the engine finds
  each literal number once (the first pattern that reads it wins; a number printed by a ``{reference}`` is never
  read) and asks the judge what the data says.  Both formats read their prose through it.
- **Shares** (:func:`shares_over_100`): a list of "占N%" in one sentence — shares of one whole — that adds up
  to more than 100 % beyond what rounding each share at its typed precision allows (``prose.shares-total``).
- **Stated frequency** (:func:`frequencies_not_met`): a practice said to happen 每月 (每季度, 每周, 每半年) counted,
  in the same paragraph, fewer times than the year has months ("每月通报……月通报7次", ``prose.frequency``); a
  sentence saying when it began ("自6月起") is not held to a whole year.

Year slips (:mod:`plugins.common.yearslips`) and the preamble's list of parts (:mod:`plugins.common.partlists`) are
read in modules of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from compiler.model.numbering import parse_chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import Report


# ------------------------------------------------------------------------------------------------- percentages
@dataclass(frozen=True)
class PercentVerdict:
    ok: bool
    rounded: Decimal  # the right value at the precision typed
    truncated: bool  # the typed value is the truncated figure (a rounding slip, not a wrong number)
    places: int


def percent_verdict(part: Any, whole: Any, typed: str) -> PercentVerdict | None:
    """``typed`` (e.g. ``"4.34"``) against ``part / whole × 100`` at the precision typed; ``None`` if no base."""
    whole_d, part_d = Decimal(str(whole)), Decimal(str(part))
    if whole_d == 0:
        return None
    value = Decimal(typed)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    exact = part_d * 100 / whole_d
    step = Decimal(1).scaleb(-places)
    rounded = exact.quantize(step, rounding=ROUND_HALF_UP)
    truncated = exact.quantize(step, rounding=ROUND_DOWN)
    if value == rounded:
        return PercentVerdict(True, rounded, False, places)
    return PercentVerdict(False, rounded, value == truncated, places)


def rounding_problem(report: Report, keypath: str, phrase: str, typed: str, verdict: PercentVerdict) -> Problem:
    return warning(
        "prose.percent-rounding",
        f"“{phrase}”中的 {typed}% 是截断值，四舍五入保留{verdict.places}位小数应为 {verdict.rounded}%",
        report.ref(keypath),
        expected=f"{verdict.rounded}%",
        found=f"{typed}%",
    )


# ------------------------------------------------------------------------------------------- the phrase engine
Judge = Callable[[re.Match[str]], Any]


def restatements(
    text: str, spans: list[tuple[int, int, str]], rules: Iterable[tuple[re.Pattern[str], Judge]]
) -> Iterator[Any]:
    """Each literal number of ``text`` read by the first rule whose pattern (number in group ``n``) matches it.

    ``spans`` are the parts of the text a ``{reference}`` printed (never read: they come from the data).  The
    judge gets the match and returns a finding (anything but ``None``) when the number differs from the data.
    """
    used: list[tuple[int, int]] = [(s, e) for s, e, *_ in spans]
    for pattern, judge in rules:
        for m in pattern.finditer(text):
            start, end = m.span("n")
            if any(s < end and start < e for s, e in used):
                continue
            used.append((start, end))
            found = judge(m)
            if found is not None:
                yield found


def as_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


# ------------------------------------------------------------------------------------------------------ shares
_SHARE = re.compile(r"(?:占|占比为?|比例为|比重为)[^\d，。；%％]{0,10}?(?P<p>\d+(?:\.\d+)?)\s*[%％]")
_SHARE_SENTENCE = re.compile(r"[^。！？!?]+")


@dataclass(frozen=True)
class Shares:
    sentence: str
    typed: tuple[str, ...]
    added: Decimal
    slack: Decimal


_NEW_WHOLE = re.compile(r"共|总计|合计|累计|总数|办结|收到|受理|新收|答复")
#: a count of the items that have some property, not a kind of item: "实现“一趟不用跑”的有45项" (平潭交通与建设局
#: 2021) — such counts overlap, so neither their shares nor their counts add up to a whole
_PROPERTY_COUNT = re.compile(r"(?:实现|可以|可|能够|能|支持|具备|达到)[^，。；]{0,20}?的有\d")


def shares_over_100(text: str) -> Iterator[Shares]:
    """Lists of two or more "占N%" in one sentence whose sum exceeds 100 % by more than rounding allows.

    A list is the run of shares with no new whole named between two of them (共、合计、办结、收到…): "收到申请
    116件，其中自然人占74%，法人占26%；办结115件，占…60%" is two lists, 74 + 26 and 60."""
    for m in _SHARE_SENTENCE.finditer(text):
        sentence = m.group(0)
        lists: list[list[str]] = []
        end = None
        for share in _SHARE.finditer(sentence):
            if _PROPERTY_COUNT.search(sentence[end or 0 : share.start()]):
                continue  # the share of things that have a property ("实现全程网办的有41项，占比71.9%"): they overlap
            if end is None or _NEW_WHOLE.search(sentence, end, share.start("p")):
                lists.append([])
            lists[-1].append(share.group("p"))
            end = share.end()
        for typed in lists:
            if len(typed) < 2:
                continue
            added = sum((Decimal(t) for t in typed), Decimal(0))
            slack = sum((Decimal(5).scaleb(-_decimals(t) - 1) for t in typed), Decimal(0))
            if added - 100 > slack:
                yield Shares(sentence.strip(), tuple(typed), added, slack)


def _decimals(typed: str) -> int:
    return len(typed.partition(".")[2])


def shares_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in shares_over_100(text):
            added = f"{found.added:f}"
            problems.append(
                warning(
                    "prose.shares-total",
                    f"“{_short(found.sentence)}”：所列占比{'、'.join(t + '%' for t in found.typed)}相加为{added}%，"
                    "超过100%；同一总数的各部分占比之和不能超过100%",
                    report.ref(keypath),
                    expected="≤ 100%",
                    found=f"{added}%",
                )
            )
    return problems


# ------------------------------------------------------------------------------------------ totals and parts
_UNITS = "条件项个人次篇期"
#: the two measure words a count of published pieces of information is written with
_INFORMATION_UNITS = {"条", "篇"}
_TOTAL = re.compile(rf"(?:共|累计|合计|总计|总数)[^\d，。；]{{0,12}}?(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])")
_NUMBER_UNIT = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])(?![\d%％])")
#: a number with a measure word of its own straight before a count: "54期97条"
_COUNTED_BEFORE = re.compile(r"\d+[期次批篇个场份]$")
#: the words that open the parts of a count: "……40条，其中……", "……32条，包括领导信息类1条、……"
_PARTS_WORDS = ("其中", "包括")
#: words that make the number after them a change on another count, not a count of its own
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|提高|增幅为?|降幅为?|多出?|少了?)(?:了)?\s*$")
#: a total said without 共: the count straight before 其中 or 包括 ("主动公开政府信息40条，其中……")
_COUNT_BEFORE_PARTS = re.compile(
    rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])(?=[，,：:。\s]{{0,2}}(?:内容|主要)?(?:{'|'.join(_PARTS_WORDS)}))"
)


@dataclass(frozen=True)
class PartsSum:
    phrase: str
    total: int
    parts: tuple[int, ...]
    unit: str
    complete: bool = False  # the list covers the whole (a 其他 item, or 主动公开 + 依申请公开 + 不予公开)
    near: bool = False  # a list of two or more that falls short of its total by a hair (see :data:`NEAR_SHORT_PERCENT`)
    parts_unit: str = ""  # the other word for pieces of information some parts are counted in (篇 for 条)


#: words that make a count a running total over the years (not one more part of a year's count)
_RUNNING_TOTAL = re.compile(r"总计|累计|历年|目前|至今|截至|截止")


#: A 其中 list of two items or more whose parts fall short of the stated total by no more than this share of it
#: (per cent) is meant as the whole, and a number is wrong: "累计发布政府信息940条，其中……474条，……145条，……318条"
#: = 937 (鄂州市发展和改革委员会 2025); "主动公开信息数为286条，其中通过网站公开160条，公告栏公开120条" = 280
#: (六盘水市钟山区东街街道 2021); "共主动公开政府信息数1843条，其中在……网站公开信息471条，……136条，……1064条，……131条"
#: = 1802 (黔南州卫生健康局 2020); "共计181篇，其中部门动态公开144篇，政府信息25篇，民意征集2篇，信息公开年报1篇" = 172
#: (麒麟街道 2023, 5 % short) — each a defect to its assessor.  A partial breakdown leaves out far more: the partial
#: lists of the corpus leave out 11 % of their total or more.  A selection (其中重点……), a list closed by 等 and one
#: followed by another count in its unit (:func:`_meant_whole`) may be partial.
NEAR_SHORT_PERCENT = 5


#: A 其中 list is the whole when one item is the remainder (其他…, 其余…) or when its items are the three kinds
#: every piece of government information is (the 2008 条例 era's 主动公开 / 依申请公开 / 不予公开 statistic).
_REMAINDER = re.compile(r"^(?:其中)?[（(]?(?:其他|其它|其余|另有|剩余)")
_PARTITION = ("主动公开", "依申请公开", "不予公开")
_ITEM = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])?(?![\d.%％年月日])")


_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def _top_level(segment: str) -> str:
    """The segment without what its brackets hold: a list inside brackets breaks down one item, it is not more items
    ("主动公开55条（涵盖政策类6条、规划类3条……）、依申请公开341条", 平潭经济发展局 2019)."""
    while True:
        stripped = _BRACKETED.sub("", segment)
        if stripped == segment:
            return segment
        segment = stripped


def _items(segment: str) -> list[tuple[str, int, str]]:
    """The items of a list ("其中A 25条，B 68条、其他 856条"): (words before the number, number, unit or "")."""
    items = []
    for piece in re.split(r"[，、；,;]", _top_level(segment)):
        numbers = list(_ITEM.finditer(piece))
        if len(numbers) == 1 and not _in_brackets(piece, numbers[0].start()):
            m = numbers[0]
            items.append((piece[: m.start()].strip("（()） "), int(m.group("n").replace(",", "")), m.group("u") or ""))
    return items


def _alone(sentence: str, total: re.Match[str]) -> bool:
    """A count without 共 is the total of the 其中 list only when it is the clause's one count: in "复议案件3件、诉讼
    案件3件，其中复议维持3件、诉讼维持3件" the 其中 list is of both."""
    if total.re is _TOTAL:
        return True
    clause = re.split(r"[，,。；;：:]", sentence[: total.start()])[-1]
    return _NUMBER_UNIT.search(clause) is None


def _parallel_clauses(sentence: str, after: str, first_item: str) -> str:
    """The ；-clauses of ``after`` (the text after ``sentence``) that go on with its 其中 list in parallel — each
    opening on the words its first item opened on: "其中通过网站公开的……96条，……；通过公开栏公开的有44条。"
    (平潭县卫生局 2012)."""
    lead = re.match(r"[：:，,\s]*(通过|在|由|向|经|以|其他|另有)", first_item)
    if not lead or not sentence.rstrip().endswith(("；", ";")):
        return ""
    out = ""
    for clause in _sentences(after):
        if not clause.lstrip().startswith(lead.group(1)):
            break
        out += clause
        if not clause.rstrip().endswith(("；", ";")):
            break
    return out


def _list_without_qizhong(sentence: str) -> PartsSum | None:
    """ "主动公开政府信息364条，人事信息17条，……，其他应主动公开的政府信息19条。" (平潭行政审批局 2022): a count
    followed by nothing but items of its unit, the last one the remainder — the list is the whole without 其中."""
    if "其中" in sentence:
        return None
    total = _NUMBER_UNIT.search(sentence)  # the sentence's first count is the total, or there is none
    if total is not None:
        rest = sentence[total.end() :]
        if rest[:1] not in ("，", ","):
            return None
        body = rest.rstrip("。；;！!")
        pieces = [p for p in re.split(r"[，、；,;]", _top_level(body)) if p.strip()]
        items = _items(body)
        if len(items) < 2 or len(items) != len(pieces) or any(u != total.group("u") for _, _, u in items):
            return None
        if not _REMAINDER.match(items[-1][0]):
            return None
        stated = int(total.group("n").replace(",", ""))
        whole = tuple(n for _, n, _ in items)
        lead = re.split(r"[，,。；;：:]", sentence[: total.start()])[-1].strip()
        # the first count is the total only when it counts information as such ("主动公开政府信息364条"), not one
        # kind of it ("政策类信息5条") nor one outcome of a list of outcomes ("予以公开56件，部分公开14件……")
        if not lead.endswith("信息") or "类" in lead or max(whole) > stated:
            return None
        if sum(whole) != stated:
            return PartsSum(sentence.strip(), stated, whole, total.group("u"), complete=True)
    return None


#: the 主动公开 count stated on its own ("其中主动公开信息数169，", "主动公开政府信息31条")
_ACTIVE_STATED = re.compile(
    r"主动公开(?:的)?(?:政府)?信息(?:数)?(?:共|为|达)?(?P<n>\d+(?:,\d{3})*)(?P<u>条)?(?![\d.%％])"
)


def _kinds_of_active(sentence: str) -> tuple[tuple[int, ...], str] | None:
    """The kinds a sentence lists of what was published ("主动公开政策，规范性文件类信息5条，……，其他应主动公开的
    政府信息2条"): the items after 主动公开 up to the remainder that closes them, at least three, one unit, no count
    of their own before them.  ``None`` when the sentence lists no such run."""
    at = sentence.find("主动公开")
    if at < 0:
        return None
    counts, unit = [], ""
    pieces = re.split(r"[，,；;]", _top_level(sentence[at:]).rstrip("。"))
    for i, piece in enumerate(pieces):
        numbers = list(_NUMBER_UNIT.finditer(piece))
        if not numbers:
            if counts or i > 0:  # words between the items: not one run
                return None
            continue
        if i == 0 and "主动公开" in piece[: numbers[0].start()] and not re.search(r"公开[^，]*类", piece):
            return None  # "在主动公开的24条政府信息中，……": the sentence's own count, the other rule's list
        if len(numbers) != 1 or (unit and numbers[0].group("u") != unit):
            return None
        unit = numbers[0].group("u")
        counts.append(int(numbers[0].group("n").replace(",", "")))
        if _REMAINDER.match(piece.strip()):
            return (tuple(counts), unit) if len(counts) >= 3 else None
    return None


def _with_active_stated_before(sentences: list[str]) -> Iterator[tuple[int, str, re.Match[str] | None]]:
    """Each sentence (with its index) and the year's 主动公开 count last stated before it — not a running total
    ("历年累计主动公开191条"), which a breakdown of the year's information does not add up to."""
    stated: re.Match[str] | None = None
    for i, sentence in enumerate(sentences):
        yield i, sentence, stated
        for m in _ACTIVE_STATED.finditer(sentence):
            if not re.search(r"累计|历年", sentence[max(m.start() - 8, 0) : m.start()]):
                stated = m


def _kinds_against_stated(sentences: list[str]) -> Iterator[PartsSum]:
    """ "其中主动公开信息数169，……；全年通过门户网站主动公开政策，规范性文件类信息5条，……，其他应主动公开的政府信息
    2条" (平潭社会事业局 2022): a run of kinds closed by the remainder, in a later sentence than the 主动公开 count it
    breaks down, adding up to another number (170)."""
    for _, sentence, stated in _with_active_stated_before(sentences):
        kinds = _kinds_of_active(sentence) if stated is not None else None
        if kinds is not None and stated is not None:
            counts, unit = kinds
            total = int(stated.group("n").replace(",", ""))
            if stated.group("u") in (None, unit) and sum(counts) != total:
                yield PartsSum(sentence.strip(), total, counts, unit, complete=True)


#: the kinds of what was published named in a 、-list: "政府信息主动公开类别主要涉及公示公告、政策解读、……、行政处罚。"
_KINDS_NAMED = re.compile(
    r"(?:公开)?(?:类别|类型)(?:主要)?(?:涉及|包括|有|为)(?:[^、，,。]{0,8}?[，,]?分别(?:是|为))?[：:]?"
    r"(?P<list>[^，,。；;：:]{2,16}?(?:、[^，,。；;：:]{2,16}?){2,})。$"
)


def _named_kinds_against_stated(sentences: list[str]) -> Iterator[PartsSum]:
    """The kinds of 主动公开 named in one sentence and counted, every one of them, in the next ("……类别主要涉及公示
    公告、……、行政处罚。其中公示公告类159条，……，行政处罚类12条。", 平潭自然资源与生态环境局 2019: 425 of 475): the
    list is the whole and adds up to the year's count before it (not a running total, 历年累计)."""
    for i, sentence, stated in _with_active_stated_before(sentences):
        named = _KINDS_NAMED.search(sentence)
        following = sentences[i + 1].strip() if i + 1 < len(sentences) else ""
        if named and stated is not None and following.startswith("其中") and "等" not in named["list"]:
            names = [n.strip() for n in named["list"].split("、")]
            items = _items(following[2:])
            units = {u for *_, u in items}
            covered = all(any(n in item or _subject(item) in n for item, *_ in items) for n in names)
            if covered and len(items) == len(names) and len(units) == 1 and units <= {stated.group("u") or "条"}:
                total = int(stated.group("n").replace(",", ""))
                counts = tuple(n for _, n, _ in items)
                if sum(counts) != total:
                    yield PartsSum(following, total, counts, units.pop(), complete=True)


#: a count of information a breakdown may follow: "主动公开政府信息312条", "公开278条政务信息"
_INFORMATION_COUNT = re.compile(
    r"(?:信息(?:数)?(?:共|为)?(?P<n>\d+(?:,\d{3})*)(?P<u>条)|(?P<n2>\d+(?:,\d{3})*)(?P<u2>条)(?:政务|政府)?信息)"
    r"(?=[，,])"
)
#: words that say the items are parts of the count before them
_BREAKDOWN_WORDS = re.compile(r"其中|包括|涵盖|含|分别|主要|分为|涉及")


def breakdowns_without_qizhong(text: str) -> Iterator[str]:
    """A count of information straight followed by its kinds, each with its count, and nothing saying they are
    its parts: "主动公开政府信息312条，重大建设项目类信息280条，规范性文件类信息5条，行政许可类信息3条。"
    (平潭行政审批局 2021, 2022, 2023 — three blind assessments ask for 其中).  Yields the sentence."""
    for sentence in _sentences(text):
        total = _INFORMATION_COUNT.search(sentence)
        if total is None or _BREAKDOWN_WORDS.search(sentence):
            continue
        clause = re.split(r"[，,。；;：:]", sentence[: total.start()])[-1]
        if "类" in clause:  # the first count is itself a kind ("共发布生态环境保护类信息40条，……"): a list of kinds
            continue
        body = sentence[total.end() :].rstrip("。；;！!")
        pieces = [p for p in re.split(r"[，、；,;]", _top_level(body)) if p.strip()]
        items = _items(body)
        kinds = [n for n, _, _ in items if not _REMAINDER.match(n)]  # the closing 其他…… needs no 类
        listed = len(items) >= 2 and len(items) == len(pieces) and all(u == "条" for *_, u in items)
        stated = int((total["n"] or total["n2"]).replace(",", ""))
        # a count larger than the first is not one of its parts: "……主动公开发布政务信息80条，通过美篇平台发布各类工作
        # 动态893条，其他网络途径公开信息8条" (临潼区西泉街办 2020) lists channels side by side; 各类 names no kind
        parts = listed and all(n <= stated for _, n, _ in items)
        if parts and kinds and all("类" in n.replace("各类", "") for n in kinds):
            yield sentence.strip()


#: what opens a clause of its own rather than the next item of a list
_NEW_CLAUSE = re.compile(
    r"全年|本年|今年|通过|我[局办区镇县市]|收到|受理|办理|开展|其中|另有|未|发布|答复|转发|推送|回复"
)
#: an item of a count list: "行政许可类信息1条" up to the mark after it — after its share, when it gives one
#: ("工作信息126条，占86.9%；": the ，before 占 is inside the item, the ；ends it)
_COUNTED_ITEM = re.compile(
    r"\d+(?:,\d{3})*(?:条|件|项|篇)(?:[，,]\s*(?:约)?占(?:比)?[^，,；;。\d]{0,8}?\d+(?:\.\d+)?\s*[%％])?(?P<mark>[，,；;])"
)


def mixed_separators(text: str) -> Iterator[str]:
    """A 其中 list of counts whose items are separated now by ，, now by ；: "其中机关职能类信息31条，行政许可类
    信息1条，……6条；突发公共事件应急预案类信息43条；……" (平潭君山片区 2021, 2022).  Yields the sentence."""
    for sentence in re.split(r"(?<=[。！？])", text):  # a list may run on over its ；
        at = sentence.find("其中")
        if at < 0:
            continue
        list_text = _top_level(sentence[at:])
        following = list_text.find("其中", 2)  # the next 其中 opens another list, from the start of its clause
        if following > 0:
            cut = max(list_text.rfind(c, 0, following) for c in "；;。")
            cut = cut if cut > 0 else max(list_text.rfind(c, 0, following) for c in "，,")
            list_text = list_text[: cut if cut > 0 else following]
        list_text = list_text.rstrip("；;。，, ")  # the list's own end is no separator
        if _PROPERTY_COUNT.search(list_text):
            continue  # "其中行政许可57项，实现……的有45项，占比78.9%；……": counts of properties, not one list
        items = []
        for m in _COUNTED_ITEM.finditer(list_text):
            if items and items[-1]["mark"] in "；;" and _NEW_CLAUSE.search(list_text, items[-1].end(), m.start()):
                break  # after the ；a clause of its own: "……24条；全年通过门户网站主动公开……5条"
            items.append(m)
        marks = {m["mark"] in "；;" for m in items[:-1]}  # the last item's mark ends the list
        if len(items) >= 3 and marks == {True, False}:
            yield sentence.strip()


#: one item of a list of counts and the mark after it: "领导信息类10条、"
_DUN_ITEM = re.compile(r"[\u4e00-\u9fff]{2,}\d+(?:,\d{3})*(?:条|件|项|篇)(?P<mark>[，,、；;])")


def _count_lists(text: str) -> Iterator[tuple[str, list[re.Match[str]], str]]:
    """Each list of counts opened by 其中 or 包括 with four items or more, and the marks between its items ("、" "，"
    "；", the last item's own mark left out).  What brackets hold breaks one item down, it is no items of the list
    ("……政务新媒体13331条(抖音视频信息2366条、微信公众号信息3765条……),部门(街道)政务新媒体2873条,……", 沈阳市皇姑区
    2024)."""
    for sentence in re.split(r"(?<=[。！？])", text):
        at = max(sentence.find("其中"), sentence.find("包括"))
        if at < 0:
            continue
        items = list(_DUN_ITEM.finditer(_top_level(sentence[at:])))
        marks = "".join("、" if m["mark"] == "、" else "，" if m["mark"] in "，," else "；" for m in items[:-1])
        if len(items) >= 4 and "；" not in marks:
            yield sentence[at:].strip(), items, marks


def commas_in_a_dun_list(text: str) -> Iterator[str]:
    """A list of counts in 、 with a ，between two of its items and 、 again after it: "机构职能类3条、领导信息类10条、
    政务动态类36条，财政信息类6条、重大政策落实7条……" (天门市拖市镇 2020).  A ，after the last 、 item may end the list
    (a clause follows), so only a ，with 、 on both sides is said.  Yields the list."""
    for listed, _, marks in _count_lists(text):
        if re.search(r"、，+、", marks):
            yield listed


def dun_opening_a_comma_list(text: str) -> Iterator[str]:
    """A list of counts in ，whose first items are parted by 、: "其中在市政府门户网站公开发布11条、省政府外事办网站公开
    发布13条，庆阳市党建网公开发布5条，“学习强国”公开发布2条" (庆阳市外事办 2020).  Only when every item tells its count
    after the same words (one list), not a breakdown in 、 followed by clauses of their own ("其中自然人5件、法人2件，
    已办结6件，……").  Yields the list."""
    for listed, items, marks in _count_lists(text):
        if re.fullmatch(r"、+，{2,}", marks) and (_alike(items) or _kinds(items)):
            yield listed


def _alike(items: list[re.Match[str]]) -> bool:
    """Whether every item says its count after the same two characters ("……公开发布11条", "……公开发布5条")."""
    return len({m.group(0).rstrip("，,、；;").rstrip("条件项篇").rstrip("0123456789,")[-2:] for m in items}) == 1


#: words of what became of a request or a case, which make an item a clause of its own ("已办结6件", "予以公开3件")
_OUTCOME = re.compile(r"已|未|正在|办结|答复|受理|结转|转办|告知|予以|不予|属于|同意|依法|按期|逾期|超期|延期")


def _kinds(items: list[re.Match[str]]) -> bool:
    """Whether every item names a kind of information and its count and nothing that became of it ("培训信息6条",
    "主题教育信息32条", "视频1条", 干召庙镇 2025): one list, however its names end."""
    return len(items) >= 5 and not any(_OUTCOME.search(m.group(0)) for m in items)


#: the ways a list mixes its marks: how each is found, what is said of it, what is expected and found
_MIXED_MARKS = (
    (
        mixed_separators,
        "逗号、分号混用；各项之间统一用逗号（项内有逗号时统一用分号）",
        "统一用“，”或统一用“；”",
        "，与；混用",
    ),
    (commas_in_a_dun_list, "顿号、逗号混用；并列的各项之间一律用顿号", "统一用“、”", "、与，混用"),
    (dun_opening_a_comma_list, "顿号、逗号混用；各项之间统一用一种标点", "统一用“、”或统一用“，”", "、与，混用"),
)


def separator_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``common.list-separators`` for every such list: ，and ；mixed, a ，inside a list in 、, or a list in ，opened
    by items in 、."""
    texts = list(texts)
    return [
        warning(
            "common.list-separators",
            f"“{_short(listed)}”：同一组并列的各项之间{said}",
            report.ref(keypath),
            expected=expected,
            found=found,
        )
        for find, said, expected, found in _MIXED_MARKS
        for keypath, text in texts
        for listed in find(text)
    ]


#: an item of a count list by its name: "规划总结2条" after a mark or the word that opens the list
_NAMED_ITEM = re.compile(
    rf"(?:^|(?<=[、，,；;：:]))(?:其中|包括|含)?(?P<name>[\u4e00-\u9fff]{{2,12}}?)(?P<n>\d+)(?P<u>[{_UNITS}])(?=[、，,；;。等]|$)"
)


#: an item of a list in ；that gives each kind its count and share: "规划计划类的信息6条,占总体的比例为5.83%;"
_SHARED_ITEM = rf"[\u4e00-\u9fff、]{{2,20}}?\d+[{_UNITS}][，,]占[^，,；;。]{{0,12}}?\d+(?:\.\d+)?\s*[%％]"


#: an item that says what became of the count before it — 已公开, 已办结, 未公开, 均已答复 — not another kind
_STATE_OF_THE_ONE_BEFORE = re.compile(r"^(?:已|未|均|尚未|其中已)")


def doubled_items(text: str) -> Iterator[tuple[str, str]]:
    """A kind named twice in one list of counts: "……重大政策落实7条、规划总结2条，公文4条、规划总结2条、公开指南1条等"
    (天门市拖市镇 2020) — one of the two is said again, or another kind misnamed.  A list runs from its 其中 or 包括
    to the next one, or to ；or 。 ("复议……其中结果维持72件……；诉讼……其中结果维持25件" are two lists) — but a ；
    before an item that gives its count and share goes on with the list ("……类5条,占总体比例的4.85%;科教文体卫生类
    信息5条,占总体比例的4.85%", 将乐县安仁乡 2010).  A name said again with 信息/类/… after it is the same kind.
    Yields (the item, the list)."""
    for clause in re.split(r"。|[；;](?!" + _SHARED_ITEM + ")", text):
        for segment in re.split(r"(?=其中|包括)", clause):
            items = list(_NAMED_ITEM.finditer(segment))
            names = [m["name"] for m in items]
            if len(items) < 3:
                continue
            for n, m in enumerate(items):
                if _STATE_OF_THE_ONE_BEFORE.match(m["name"]):
                    continue  # "……发文共5个,已公开5个,……发文共1个,已公开1个" (吴淞街道 2025): not a kind
                if any(m["name"] == other or _same_kind(m["name"], other) for other in names[:n]):
                    yield m.group(0).removeprefix("其中").removeprefix("包括").lstrip("、，,；;：:"), segment.strip()
                    break


#: the words that open or close a 、 list without being part of its items
_LIST_LEAD = re.compile(r"^(?:主要包括|包括|主要有|含|涉及|以及|及|和)")
_LIST_TAIL = re.compile(r"(?:等方面|等内容|等信息|等)$")
#: a kind named again with a generic word after it: "财政预决算" and "财政预决算信息"
_GENERIC_TAIL = ("", "信息", "情况", "工作", "类", "事项")


def doubled_words(text: str) -> Iterator[tuple[str, str]]:
    """A thing named twice in one list in 、 (not counts): "主要包括农业部门动态、财政预决算、……、财政预决算信息、
    行政许可……" (绵竹市农业农村局 2021) — the same words, or the same with 信息/情况/工作/类/事项 after them.  Items
    of two characters are not compared.  Yields (the item named again, the list)."""
    for run in re.findall(r"[^，,。；;：:！？!?（）()“”《》]+", text):
        items = [_LIST_TAIL.sub("", _LIST_LEAD.sub("", i.strip())) for i in run.split("、")]
        if len(items) < 3:
            continue
        for n, item in enumerate(items):
            if any(_same_kind(item, other) for other in items[:n]):
                yield item, run.strip()
                break


def _same_kind(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter) and longer[len(shorter) :] in _GENERIC_TAIL


def doubled_item_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``prose.doubled-item`` for every kind named twice in its list, counted or not."""
    texts = list(texts)
    found = [(k, item, segment) for k, text in texts for item, segment in doubled_items(text)]
    counted = {(k, segment) for k, _, segment in found}
    found += [
        (k, item, segment)
        for k, text in texts
        for item, segment in doubled_words(text)
        if not any(k == k2 and (segment in s2 or s2 in segment) for k2, s2 in counted)
    ]
    return [
        warning(
            "prose.doubled-item",
            f"“{_short(segment)}”：“{item}”在同一组列举中出现了两次——重复列出了一项，或把另一类的名称写错了",
            report.ref(keypath),
            expected="每一类只列一次",
            found=f"“{item}”两次",
        )
        for keypath, item, segment in found
    ]


def breakdown_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``prose.list-without-qizhong`` for every such sentence."""
    return [
        warning(
            "prose.list-without-qizhong",
            f"“{_short(sentence)}”：后面各类的条数是前面总数的一部分，总数后应加“其中”，否则读来像是另外几个数",
            report.ref(keypath),
            expected="……条，其中……",
            found="没有“其中”",
        )
        for keypath, text in texts
        for sentence in breakdowns_without_qizhong(text)
    ]


def _parts_word(text: str, start: int) -> int:
    """Where the word that opens the parts of a count stands after ``start``: 其中, or 包括 ("主动公开政府信息32条，
    包括领导信息类1条、……", 桃江县松木塘镇 2023); -1 when neither does."""
    found = [i for i in (text.find(word, start) for word in _PARTS_WORDS) if i >= 0]
    return min(found, default=-1)


def _meant_whole(listed: str, last: int, unit: str) -> bool:
    """Whether a 其中 list a hair short of its total is meant as the whole: not a selection ("其中重点公开……",
    "其中主要有……"), not closed by 等, and not followed by another count in its unit that may be one more part
    ("……5403条，新开设专栏6个，发布解读信息44条")."""
    if re.match(r"\W*(?:其中|包括)?\W*(?:重点|主要)", listed) or listed[last:].lstrip().startswith("等"):
        return False
    return not any(m.group("u") == unit for m in _NUMBER_UNIT.finditer(listed, last))


def _item_name(listed: str) -> str:
    """The name of the last item of a list read so far ("……概况类信息336条，其他信息579条" → "其他信息579条")."""
    return re.split(r"[，,、；;：:]", listed.rstrip("，,、；;"))[-1].strip()


def parts_not_adding_up(text: str) -> Iterator[PartsSum]:
    """ "共X条，其中A条、B条……" where the parts (same unit, same sentence, after 其中) add up to more than X — or,
    when the list is the whole (it ends in 其他…, or it is 主动公开/依申请公开/不予公开), to anything but X."""
    at = 0
    for sentence in _with_parts_after(_sentences(text)):
        at = text.find(sentence, at) + len(sentence)
        after = text[at:]  # what follows the sentence: a list may go on there after its ；
        found = [t for t in (_TOTAL.search(sentence), _COUNT_BEFORE_PARTS.search(sentence)) if t is not None]
        found = [t for t in found if 0 <= _parts_word(sentence, t.end()) <= t.end() + 6 and _alone(sentence, t)]
        # "……公开政府信息145条,与去年相比增加45条。其中……93条,……52条" (庆云县尚堂镇 2021): a change on last year
        # is no total; its 其中 list is of the count before it
        found = [t for t in found if not _CHANGE_BEFORE.search(sentence, 0, t.start())]
        if not found:
            listed_whole = _list_without_qizhong(sentence)
            if listed_whole is not None:
                yield listed_whole
            continue
        total = found[0]
        rest = sentence[total.end() :]
        where = _parts_word(rest, 0)
        while inner := _COUNT_BEFORE_PARTS.search(rest, where + 2):  # the first part broken down in its turn:
            if inner.group("u") != total.group("u") or _NUMBER_UNIT.search(rest, where + 2).start() != inner.start():
                break  # "……114条，其中通过政府网站公开信息72条，其中包括……3条、……" (天门市拖市镇 2020): the
            total, rest = inner, rest[inner.end() :]  # list is of the 72, not of the 114
            where = _parts_word(rest, 0)
        unit = total.group("u")
        stated = int(total.group("n").replace(",", ""))
        listed = rest[where:] + _parallel_clauses(sentence, after, rest[where + 2 :])
        if _in_brackets(rest, where):  # "共受理2720件(其中承办单2299件,重新办理单421件),日均受理……": the bracket
            listed = re.split(r"[）)]", listed, maxsplit=1)[0]  # holds the whole list (互助县政务服务中心 2020)
        if _PROPERTY_COUNT.search(listed):
            continue  # "其中行政许可57项，实现……的有45项": the parts overlap
        parts = []
        unit_of_part = ""
        last = 0  # where the last part ends: a list closed by 等 ("……公开指南1条等") names some parts, not all
        for m in _NUMBER_UNIT.finditer(listed):
            if _in_brackets(listed, m.start()):
                continue
            if m.group("u") != unit:
                if {unit, m.group("u")} != _INFORMATION_UNITS:
                    break  # "…5403条，新开设专栏6个，发布解读信息44条": the parts end where the unit changes
                # 篇 among 条, or 条 among 篇: both count pieces of information — "……162条。其中,乡镇文件公开41条,通过
                # ……微信公众号发布信息293篇" (融安县大坡乡 2024), "发布各类信息45条,其中,规范性文件2篇,政策解读2篇,含
                # 政务动态信息43条" (昌江区工信局 2023)
                unit_of_part = m.group("u")
            if _COUNTED_BEFORE.search(listed, 0, m.start()):  # "……微信订阅号发布信息54期97条" (庆阳市外事办 2020):
                break  # a count of another measure goes first — another statistic, not one more part
            if _RUNNING_TOTAL.search(re.split(r"[，,；;：:]", listed[: m.start()])[-1]):
                break  # "……409条，其中全文电子化率达100%，目前我委总计主动公开政府信息3906条" (北京市经信委 2013): a
                # running total in a clause of its own is no part of the year's count
            if sum(parts) == stated and _REMAINDER.match(_item_name(listed[:last])):
                # the remainder closed the list on the total: what follows it is another statistic ("……其他信息579条,
                # 通过政务微信公开政府信息39条", 新蔡县 2020 — a channel, not one more kind)
                break
            parts.append(int(m.group("n").replace(",", "")))
            last = m.end()
        if parts and sum(parts) > stated:  # one part alone over the total is as wrong as several
            yield PartsSum(sentence.strip(), stated, tuple(parts), unit, parts_unit=unit_of_part)
            continue
        short = stated - sum(parts)
        # "共计公开各类信息236条,其中……27条,……198条,回复群众诉求11件" (长安区砲里街道 2022): the part in another
        # measure word that follows makes up the difference — the list is whole, only its last unit differs
        after_parts = [int(m.group("n").replace(",", "")) for m in _NUMBER_UNIT.finditer(listed, last)]
        made_up = bool(after_parts) and short in (after_parts[0], sum(after_parts))
        if (
            len(parts) >= 2
            and 0 < short * 100 <= NEAR_SHORT_PERCENT * stated
            and _meant_whole(listed, last, unit)
            and not made_up
        ):
            yield PartsSum(sentence.strip(), stated, tuple(parts), unit, near=True)
            continue
        # a list that is the whole: every item counts, even one printed without its unit ("不予公开信息数1402");
        # such a list may run on over ；-separated clauses up to the 。 ("其中：A共7条；B共3条；其他文件共2条。")
        segment = rest[where:]
        if sentence.rstrip().endswith(("；", ";")):
            segment += after[: after.find("。") + 1 if "。" in after else len(after)]
        items = [i for i in _items(segment) if i[2] in (unit, "")]
        names = [name for name, _, _ in items]
        # the three kinds of information are said in the sentence itself: what follows the ； is another list
        # ("……其中主动公开169，依申请公开317条，不予公开24条；全年通过门户网站主动公开政策……5条……", 平潭 2022)
        own = [i for i in _items(rest[where:]) if i[2] in (unit, "")]
        if all(any(k in name for name, _, _ in own) for k in _PARTITION):
            items, names = own, [name for name, _, _ in own]
        # the remainder closes the list ("……，其他应主动公开政府信息856条"); "其他重点信息5条、工作动态63条" is a kind
        complete = (bool(names) and bool(_REMAINDER.match(names[-1]))) or all(
            any(k in n for n in names) for k in _PARTITION
        )
        whole = [n for _, n, _ in items]
        if complete and len(whole) >= 2 and sum(whole) != stated:
            yield PartsSum(sentence.strip(), stated, tuple(whole), unit, complete=True)
    yield from _kinds_against_stated(_sentences(text))
    yield from _named_kinds_against_stated(_sentences(text))


@dataclass(frozen=True)
class ListedShare:
    phrase: str  # the sentence giving the share
    name: str
    part: int
    total: int
    typed: str
    verdict: PercentVerdict
    added: int  # the parts of the list added up (the base an author may have used instead of the total)
    summed: bool = False  # no total is stated: the shares add to 100 %, so the base is the parts added up


_NAMED_SHARE = re.compile(
    r"(?P<name>[^，。；：、\d]{2,16}?)(?:占比为?|占)(?:[^\d，。；%％]{0,8}?)(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


def _subject(name: str) -> str:
    """What a part is called, without the words every name has: 主动公开的政府信息 → 主动公开."""
    return re.sub(r"的|政府|信息|数量|数|类|其中|共", "", name).strip("（()） ")


#: one body's share of what was published: "县直各单位主动公开政府信息2475条，占62.2%"
_ACTIVE_SHARE = re.compile(
    r"(?P<name>[^，。；、\d]{2,12}?)主动公开(?:的)?(?:政府)?信息(?:数)?(?:为)?(?P<n>\d+(?:,\d{3})*)条[，,]?"
    r"(?:占|占比为?)(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


def _shares_of_active(text: str) -> Iterator[ListedShare]:
    """Shares of the 主动公开 count stated earlier in the text, one body at a time ("其中主动公开政府信息2026条……
    县直各单位主动公开政府信息2475条，占62.2%。各乡镇主动公开政府信息1503条，占37.8%。", 平潭县人民政府 2012: the
    shares are of 3978, every piece of information, not of the 2026 published)."""
    shares = list(_ACTIVE_SHARE.finditer(text))
    added = sum(int(m["n"].replace(",", "")) for m in shares)
    inside = [range(m.start(), m.end()) for m in shares]
    for m in shares:  # the first share that is not of the stated count says it for the others
        stated = [
            s
            for s in _ACTIVE_STATED.finditer(text, 0, m.start())
            if s.end() <= m.start("name") and not any(s.start() in r for r in inside)
        ]
        if not stated:
            continue
        total, part = int(stated[-1]["n"].replace(",", "")), int(m["n"].replace(",", ""))
        verdict = percent_verdict(part, total, m["p"])
        if verdict is not None and not verdict.ok:
            start = max(text.rfind(c, 0, m.start()) for c in "。；;！？") + 1
            yield ListedShare(text[start : m.end()].strip("，, "), m["name"], part, total, m["p"], verdict, added)
            return


#: a part of a 其中 list given with its share straight after its count: "求助类2252件,占82.8%"
_INLINE_SHARE = re.compile(
    rf"(?P<name>[^，,。；;：:、\d]{{1,16}}?)(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])[，,]?\s*"
    r"(?:占(?:总数的?|比为?|全部的?)?)(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


def inline_shares(text: str) -> Iterator[ListedShare]:
    """ "共受理2720件……。其中，按办件性质分：求助类2252件，占82.8%；……投诉类382件，占14.1%" (互助县政务服务中心
    2020: 382 of 2720 is 14.0 %): each part of a 其中 list given with its share, against the total the list breaks
    down — said with 共, or the count straight before the 其中.  A share of another whole ("占主动公开总数的") or a
    part in another unit is not read."""
    for sentence in _list_sentences(text):
        # the total said with 共, or the count straight before 其中 ("主动公开政府信息60条,其中政务动态类35条,占58%,履职
        # 依据类5条,占0.08%……", 汶上县白石镇 2020)
        total = _TOTAL.search(sentence) or _COUNT_BEFORE_PARTS.search(sentence)
        if total is None or not _alone(sentence, total):
            continue
        where = sentence.find("其中", total.end())
        if where < 0:
            continue
        if _PROPERTY_COUNT.search(sentence, where):  # "其中行政许可57项，实现……的有45项，占比78.9%": of the 57
            continue
        stated = int(total.group("n").replace(",", ""))
        for m in _INLINE_SHARE.finditer(sentence, where):
            if m.group("u") != total.group("u") or _in_brackets(sentence, m.start("n")):
                continue
            part = int(m.group("n").replace(",", ""))
            verdict = percent_verdict(part, stated, m.group("p"))
            if verdict is not None and not verdict.ok:
                yield ListedShare(sentence.strip(), _subject(m.group("name")), part, stated, m.group("p"), verdict, 0)


def shares_of_a_whole(text: str) -> Iterator[ListedShare]:
    """ "政府网站公开信息118条,占比20.34%;政务新媒体公开信息142条,占比24.48%;……公开信息320条,占比55.18%" (合江县尧坝镇
    2022): a list whose every part is given with its count and its share, the shares adding up to 100 % — so the
    whole is the parts added up (580), and each share is of that (320 of 580 is 55.17 %: a share nudged so that
    the list adds up is still a wrong share).  Shares that add up to less or more are another whole's, not read; a
    list after a stated total ("共……43条，其中……") is read against that total by the other readers."""
    for sentence in _list_sentences(text):
        found = [m for m in _INLINE_SHARE.finditer(sentence) if not _in_brackets(sentence, m.start("n"))]
        if len(found) < 2 or len({m.group("u") for m in found}) != 1 or _TOTAL.search(sentence, 0, found[0].start()):
            continue
        places = max(_decimals(m.group("p")) for m in found)
        shares = sum(Decimal(m.group("p")) for m in found)
        if abs(shares - 100) > Decimal(len(found)) * Decimal(5).scaleb(-places - 1):
            continue  # not the whole (a part of it, or a list of shares of several wholes)
        whole = sum(int(m.group("n").replace(",", "")) for m in found)
        for m in found:
            part = int(m.group("n").replace(",", ""))
            verdict = percent_verdict(part, whole, m.group("p"))
            if verdict is not None and not verdict.ok:
                count = m.group("n") + m.group("u")  # the part named by its count: its name may run far back
                yield ListedShare(sentence.strip(), count, part, whole, m.group("p"), verdict, whole, summed=True)


def shares_of_listed_parts(text: str) -> Iterator[ListedShare]:
    """A share given for one part of an earlier "共X条，其中A条、B条…" list ("主动公开的政府信息占41.5%") against
    that part and the total the list states; ``added`` tells whether the author divided by the parts instead.  A
    body's share of the 主动公开 count stated before (:func:`_shares_of_active`) likewise."""
    yield from _shares_of_active(text)
    listed: list[tuple[str, int, int, int]] = []  # (subject, part, total, parts added) of the lists seen so far
    for sentence in _sentences(text):
        for m in _NAMED_SHARE.finditer(sentence):
            wanted = _subject(m.group("name"))
            match = [item for item in listed if wanted and item[0] == wanted]
            if len(match) != 1:
                continue
            _, part, total, added = match[0]
            verdict = percent_verdict(part, total, m.group("p"))
            if verdict is not None and not verdict.ok:
                yield ListedShare(sentence.strip(), wanted, part, total, m.group("p"), verdict, added)
        total = _TOTAL.search(sentence)
        if total and 0 <= (where := sentence.find("其中", total.end())) <= total.end() + 6:
            stated = int(total.group("n").replace(",", ""))
            items = [i for i in _items(sentence[where:]) if i[2] in (total.group("u"), "")]
            added = sum(n for _, n, _ in items)
            listed = [(_subject(name), n, stated, added) for name, n, _ in items if _subject(name)]


@dataclass(frozen=True)
class StatedRate:
    phrase: str
    received: int
    done: int
    typed: str
    verdict: PercentVerdict


_RECEIVED = re.compile(r"(?:受理|收到|接收|登记)[^，。；\d]{0,12}?(?P<n>\d+(?:,\d{3})*)(?P<u>[件项条个宗])")
_DONE_RATE = re.compile(
    r"(?<!按时)(?<!按期)办结[^，。；\d]{0,6}?(?P<n>\d+(?:,\d{3})*)(?P<u>[件项条个宗])[，,、]?"
    r"(?<!按时)办结率(?:为|达到?)?\s*(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


def completion_rates(text: str) -> Iterator[StatedRate]:
    """ "受理117件，办结171件，办结率100%": a 办结率 against the counts it is computed from (办结 ÷ 受理), in one
    sentence."""
    for sentence in _sentences(text):
        for m in _DONE_RATE.finditer(sentence):
            received = [r for r in _RECEIVED.finditer(sentence, 0, m.start()) if r.group("u") == m.group("u")]
            if not received:
                continue
            base = int(received[-1].group("n").replace(",", ""))
            done = int(m.group("n").replace(",", ""))
            verdict = percent_verdict(done, base, m.group("p"))
            if verdict is not None and not verdict.ok:
                yield StatedRate(sentence.strip(), base, done, m.group("p"), verdict)


def _in_brackets(text: str, pos: int) -> bool:
    """``pos`` stands inside brackets, full-width or half-width (as a stored page may give them)."""
    opened = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    return opened > max(text.rfind("）", 0, pos), text.rfind(")", 0, pos))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？])", text) if s.strip()]


def _list_sentences(text: str) -> list[str]:
    """The sentences a count list is read in: to the full stop (a list runs over its ；), a sentence that opens
    with 其中 joined to the one before (:func:`_with_parts_after`)."""
    return _with_parts_after([part for part in re.split(r"(?<=[。！？!?])", text) if part])


def _with_parts_after(sentences: list[str]) -> list[str]:
    """Sentences, one that opens with 其中 joined to the sentence before it: "……主动公开政府信息162条。其中，乡镇文件
    公开41条，……" (融安县大坡乡 2024) — its parts are of the count the sentence before ends on."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].endswith("。") and sentence.lstrip().startswith("其中"):
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


@dataclass(frozen=True)
class RunningTotals:
    phrase: str
    word: str  # what the bracketed figures are: 累计
    total: int  # the bracketed figure after the total
    parts: tuple[int, ...]  # those after the parts
    unit: str


#: a count followed by a second, bracketed count of another span: "371件(累计公开4092件)"
_WITH_RUNNING = re.compile(
    rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])\s*[（(](?P<w>累计|历年累计|总计)[^\d（()）]{{0,8}}?"
    rf"(?P<c>\d+(?:,\d{{3}})*)(?P<cu>[{_UNITS}])[)）]"
)


def running_totals_not_adding_up(text: str) -> Iterator[RunningTotals]:
    """ "共当年更新信息371件(累计公开4092件)。其中,公开政府文件23件(累计公开件184件);公开信息动态348条(累计公开
    3808条)" (包头市东河区 2014): the year's counts add up (23 + 348 = 371), so the list is the whole — and then the
    bracketed running totals must add up too: 184 + 3808 = 3992, not 4092.  Read only where the year's counts of
    the parts add up to the year's total exactly and every part has its bracketed figure."""
    for sentence in _list_sentences(text):
        found = list(_WITH_RUNNING.finditer(sentence))
        if len(found) < 3:
            continue
        head, parts = found[0], found[1:]
        where = sentence.find("其中", head.end())
        if where < 0 or any(m.start() < where for m in parts):
            continue
        if not _TOTAL.search(sentence, 0, head.end()) or len({m.group("w") for m in found}) != 1:
            continue
        between = [m for m in _ITEM.finditer(sentence, head.end()) if not _in_brackets(sentence, m.start())]
        if len(between) != len(parts):  # a part without its bracketed figure, or another count: not this list
            continue
        year = sum(int(m.group("n").replace(",", "")) for m in parts)
        running = tuple(int(m.group("c").replace(",", "")) for m in parts)
        total = int(head.group("c").replace(",", ""))
        if year == int(head.group("n").replace(",", "")) and sum(running) != total:
            yield RunningTotals(sentence.strip(), head.group("w"), total, running, head.group("cu"))


def parts_problems(
    report: Report, texts: Iterator[tuple[str, str]], skip: Callable[[str, PartsSum], bool] | None = None
) -> list[Problem]:
    """``prose.parts-sum`` for every list found; ``skip(keypath, found)`` leaves out a list another rule checks."""
    problems = []
    for keypath, text in texts:
        for running in running_totals_not_adding_up(text):
            added = sum(running.parts)
            problems.append(
                warning(
                    "prose.parts-sum",
                    f"“{_short(running.phrase)}”：当年各项相加等于总数，括号中的{running.word}数"
                    f"{'＋'.join(map(str, running.parts))}＝{added}，却不等于总数的{running.word}{running.total}"
                    f"{running.unit}",
                    report.ref(keypath),
                    expected=f"= {running.total}",
                    found=added,
                )
            )
        for found in parts_not_adding_up(text):
            if skip is not None and skip(keypath, found):
                continue
            added = sum(found.parts)
            # parts in 篇 and a total in 条 (or the other way): the sum is said without one measure word
            counted = f"（“{found.parts_unit}”与“{found.unit}”都是信息的条数）" if found.parts_unit else found.unit
            sum_said = f"其中各项相加为{added}{counted}"
            if added > found.total:
                said = f"多于所说的总数{found.total}{found.unit}"
            elif found.near:  # two items or more, a hair short: meant as the whole
                said = (
                    f"比所说的总数{found.total}{found.unit}只少{found.total - added}{found.unit}："
                    "所列各项看来就是全部，总数或其中一项有误"
                )
            else:  # a list that is the whole (其他…, or 主动/依申请/不予公开) and leaves part of it out
                said = f"少于所说的总数{found.total}{found.unit}（所列各项已含全部类别，应相加等于总数）"
            problems.append(
                warning(
                    "prose.parts-sum",
                    f"“{_short(found.phrase)}”：{sum_said}，{said}",
                    report.ref(keypath),
                    expected=f"= {found.total}" if found.complete or found.near else f"≤ {found.total}",
                    found=added,
                )
            )
    return problems


#: the measure words a count of cases, requests or items is written with: one count, one word
_CASE_UNITS = "件宗个条项起例"
_CASE_TOTAL = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_CASE_UNITS}])[，,：:\s]{{0,2}}其中")
_CASE_PART = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_CASE_UNITS}])(?![\d%％])")


@dataclass(frozen=True)
class PartsUnit:
    phrase: str
    total: int
    unit: str  # the total's measure word
    parts_unit: str  # the one other measure word every part is counted in


def parts_in_another_unit(text: str) -> Iterator[PartsUnit]:
    """ "处理338宗，其中营业执照办理229个、变更事项62个、注销营业执照47个" (陆丰市八万镇 2022): the parts add up to
    the total exactly — they are the same things — yet every part is counted with another measure word than the
    total.  Parts in several measure words, or adding up to anything else, are another statistic and not read."""
    for sentence in _sentences(text):
        total = _CASE_TOTAL.search(sentence)  # the sentence's first 其中 list only
        if total is None:
            continue
        parts = [
            (int(m.group("n").replace(",", "")), m.group("u"))
            for m in _CASE_PART.finditer(sentence, total.end())
            if not _in_brackets(sentence, m.start())
        ]
        units = {u for _, u in parts}
        stated = int(total.group("n").replace(",", ""))
        one_other = len(parts) >= 2 and len(units) == 1 and total.group("u") not in units
        if one_other and sum(n for n, _ in parts) == stated:
            yield PartsUnit(sentence.strip(), stated, total.group("u"), units.pop())


def parts_unit_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``prose.parts-unit`` for every 其中 list counted in another measure word than its total."""
    return [
        warning(
            "prose.parts-unit",
            f"“{_short(found.phrase)}”：总数{found.total}{found.unit}，其中各项加起来正是这{found.total}{found.unit}，"
            f"却都以“{found.parts_unit}”计——同一种事物前后量词应一致",
            report.ref(keypath),
            expected=f"其中各项也以“{found.unit}”计（或总数以“{found.parts_unit}”计）",
            found=f"“{found.parts_unit}”",
        )
        for keypath, text in texts
        for found in parts_in_another_unit(text)
    ]


def _percent_problem(
    report: Report, keypath: str, phrase: str, typed: str, verdict: PercentVerdict, rule: str, message: str
) -> Problem:
    """A typed percentage that is not the value: a rounding slip when it is the truncated figure, else ``rule``."""
    if verdict.truncated:
        return rounding_problem(report, keypath, phrase, typed, verdict)
    return warning(rule, message, report.ref(keypath), expected=f"{verdict.rounded}%", found=f"{typed}%")


def listed_share_problems(
    report: Report, texts: Iterable[tuple[str, str]], inline: Iterable[tuple[str, str]] = ()
) -> list[Problem]:
    """``prose.share-of-total`` for the shares of listed parts in ``texts``, and for the shares given inline with
    each part in ``inline`` (the texts whose 其中 lists no format rule reads already)."""
    problems = []
    found_in = [(k, f) for k, t in texts for f in shares_of_listed_parts(t)]
    found_in += [(k, f) for k, t in inline for f in inline_shares(t)]
    found_in += [(k, f) for k, t in texts for f in shares_of_a_whole(t)]
    for keypath, found in found_in:
        instead = percent_verdict(found.part, found.added, found.typed) if found.added else None
        why = (
            f"；{found.typed}%是按各项之和{found.added}算的"
            if instead is not None and instead.ok and found.added != found.total
            else ""
        )
        message = (
            f"“{_short(found.phrase)}”：各项占比相加为100%，总数即各项之和{found.total}；其中{found.name}占"
            f"{found.verdict.rounded}%，不是{found.typed}%"
            if found.summed
            else f"“{_short(found.phrase)}”：{found.name}{found.part}占所说总数{found.total}的"
            f"{found.verdict.rounded}%，不是{found.typed}%{why}"
        )
        problems.append(
            _percent_problem(report, keypath, found.phrase, found.typed, found.verdict, "prose.share-of-total", message)
        )
    return problems


def rate_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in completion_rates(text):
            swapped = "；两个数字是否写反或写错了？" if found.done > found.received else ""
            message = (
                f"“{_short(found.phrase)}”：办结{found.done}÷受理{found.received}＝{found.verdict.rounded}%，"
                f"不是所说的办结率{found.typed}%{swapped}"
            )
            problems.append(
                _percent_problem(report, keypath, found.phrase, found.typed, found.verdict, "prose.rate", message)
            )
    return problems


# -------------------------------------------------------------------------------------------- stated frequency
#: how many times a year "每<period>" comes round
PER_YEAR = {"月": 12, "季度": 4, "季": 4, "周": 52, "半年": 2}
_PERIODS = "半年|季度|季|月|周"
_EVERY = re.compile(rf"每(?P<p>{_PERIODS})(?:[一1]次|度)?(?P<v>[\u4e00-\u9fff]{{2}})")
_COUNTED_ROUNDS = re.compile(
    rf"(?<![每一1])(?P<p>{_PERIODS})度?(?P<v>[\u4e00-\u9fff]{{2}})(?P<n>\d+)\s*(?:次|期|份|轮)"
)
#: "自6月起每月通报" — a practice begun during the year is not expected to come round a whole year's times
_BEGUN = re.compile(r"(?:\d{1,2}月|年中|下半年|上半年|年底)份?(?:起|开始|以来|至今)|首次|试行")


@dataclass(frozen=True)
class StatedFrequency:
    claim: str  # "每月通报"
    count: str  # "月通报7次"
    period: str  # "月"
    times: int
    per_year: int


def frequencies_not_met(text: str) -> Iterator[StatedFrequency]:
    """ "……每月通报……全年开展月通报7次": a practice said to happen every month (quarter, week) counted fewer
    times than a year has months (quarters, weeks), in one paragraph."""
    claims = {}
    for sentence in _sentences(text):
        if _BEGUN.search(sentence):
            continue
        for m in _EVERY.finditer(sentence):
            period = "季度" if m.group("p") == "季" else m.group("p")
            claims.setdefault((period, m.group("v")), m.group(0))
    for m in _COUNTED_ROUNDS.finditer(text):
        period = "季度" if m.group("p") == "季" else m.group("p")
        claim = claims.get((period, m.group("v")))
        times = int(m.group("n"))
        if claim is not None and times < PER_YEAR[period]:
            yield StatedFrequency(claim, m.group(0), period, times, PER_YEAR[period])


def frequency_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in frequencies_not_met(text):
            problems.append(
                warning(
                    "prose.frequency",
                    f"正文说“{found.claim}”，全年却是“{found.count}”：每{found.period}一次，全年应为"
                    f"{found.per_year}次；若是年中才开始，请写明起始时间",
                    report.ref(keypath),
                    expected=f"≥ {found.per_year}",
                    found=found.times,
                )
            )
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "PercentVerdict",
    "as_number",
    "breakdown_problems",
    "completion_rates",
    "doubled_item_problems",
    "inline_shares",
    "listed_share_problems",
    "parse_chinese_number",
    "parts_not_adding_up",
    "parts_problems",
    "parts_unit_problems",
    "percent_verdict",
    "rate_problems",
    "restatements",
    "rounding_problem",
    "running_totals_not_adding_up",
    "separator_problems",
    "shares_of_a_whole",
    "shares_of_listed_parts",
    "shares_over_100",
    "shares_problems",
]
