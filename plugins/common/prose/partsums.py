"""Totals with their parts: "共X条，其中A条、B条……" — parts in the same unit, in the same sentence, that add up to
more than the stated total (``prose.parts-sum``).  Fewer is reported only when the list is the whole — its last item
the remainder (其他…), or 主动公开/依申请公开/不予公开 — or when two items or more fall short by a hair
(:data:`NEAR_SHORT_PERCENT`), a list meant as the whole.  The kinds of 主动公开 listed in a later sentence than its
count, closed by 其他…, are the whole too and must add up to that count; so are kinds named in a 、-list and each
counted in the next sentence; and the bracketed running totals of a list whose year's counts add up.  A count
with its breakdown in brackets straight after it, no 其中 ("4702项(常用权力1191项、……)"), is held to it the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import (
    _ACTIVE_STATED,
    _COUNT_BEFORE_PARTS,
    _ITEM,
    _NUMBER_UNIT,
    _PARTITION,
    _PARTS_WORDS,
    _PROPERTY_COUNT,
    _REMAINDER,
    _TOTAL,
    _UNITS,
    _alone,
    _in_brackets,
    _items,
    _list_sentences,
    _sentences,
    _short,
    _subject,
    _top_level,
    _with_parts_after,
)

#: the two measure words a count of published pieces of information is written with
_INFORMATION_UNITS = {"条", "篇"}


#: a number with a measure word of its own straight before a count: "54期97条"
_COUNTED_BEFORE = re.compile(r"\d+[期次批篇个场份]$")


#: words that make the number after them a change on another count, not a count of its own
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|提高|增幅为?|降幅为?|多出?|少了?)(?:了)?\s*$")


@dataclass(frozen=True)
class PartsSum:
    phrase: str
    total: int
    parts: tuple[int, ...]
    unit: str
    complete: bool = False  # the list covers the whole (a 其他 item, or 主动公开 + 依申请公开 + 不予公开)
    near: bool = False  # a list of two or more that falls short of its total by a hair (see :data:`NEAR_SHORT_PERCENT`)
    parts_unit: str = ""  # the other word for pieces of information some parts are counted in (篇 for 条)
    approximate: bool = False  # the total is "N余": more than N, so a whole list short of N is wrong
    unmarked: int = 0  # how many parts are printed without their measure word ("……信息共1223,")


#: a last item that names the rest by examples and calls it the other information: "政府文件、工作报告、财务预决算、重大
#: 事件等民众关心的其他信息共计2004条" (山阳县 2020) — the remainder, as 其他… opening the item is
_OTHERS_LIKE = re.compile(r"等[^，,；;、]{0,10}?的?其[他它](?:各类|相关)?(?:政府)?信息")


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


def _parallel_clauses(sentence: str, after: str, first_item: str) -> str:
    """The ；-clauses of ``after`` (the text after ``sentence``) that go on with its 其中 list in parallel — each
    opening on the words its first item opened on: "其中通过网站公开的……96条，……；通过公开栏公开的有44条。"
    (平潭县卫生局 2012) — or, for a list brought in by "其中：", each one named count."""
    if not sentence.rstrip().endswith(("；", ";")):
        return ""
    lead = re.match(r"[：:，,\s]*(通过|在|由|向|经|以|其他|另有)", first_item)
    # … or a list brought in by a colon, one named count a clause: "共发布78条，其中：机构信息数13条；工作动态信息数
    # 37条；……；信息公开年报1条。" (鹤城区水利局 2025, held-out round 308) — each ；-clause is the next item
    by_colon = lead is None and re.match(r"\s*[：:]", first_item) and _items_only(first_item.lstrip("：: ")) is not None
    if not lead and not by_colon:
        return ""
    out = ""
    for clause in _sentences(after):
        if lead and not clause.lstrip().startswith(lead.group(1)):
            break
        if by_colon and len(_items_only(clause) or ()) != 1:
            break
        out += clause
        if not clause.rstrip().endswith(("；", ";")):
            break
    return out


def _items_only(listed: str) -> list[tuple[str, int, str]] | None:
    """The items of a list that holds nothing else — every piece between its marks one item with its count — or
    ``None`` when a piece is words of another kind (a clause, a count of something else)."""
    body = listed.rstrip("。；;！!？?")
    pieces = [p for p in re.split(r"[，、；,;]", _top_level(body)) if p.strip()]
    items = _items(body)
    return items if len(items) == len(pieces) else None


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
        items = _items_only(rest)
        if items is None or len(items) < 2 or any(u != total.group("u") for _, _, u in items):
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
        # "新收到……78件,结转上年度办理3件。其中,答复……75件,……结转下年度……3件" (硚口区政府办 2025): the count before 其中
        # is the carried-over part of the year's applications, the new ones said before it — the list is of both
        if (both := _RECEIVED_AND_CARRIED.search(sentence, 0, total.start("n"))) and both.group("u") == unit:
            stated += int(both.group("n"))
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
            if sum(parts) == stated and re.search(
                r"[；;]" if "、" not in listed[:last] else r"[，,；;]", listed[last : m.start()]
            ):
                # a list in 、 that has reached its total, then a ，, or any list then a ；: what follows is a clause
                # of its own ("……4804条、……838条、概况类信息6条，互动交流留言收到1465条、办结1213条", 林州市 2023 —
                # 5648 made up; "收到申请13件，其中……收到11件，局长信箱收到2件；予以公开2件，……", 昆明市应急管理局 2022)
                break
            if sum(parts) == stated and _REMAINDER.match(_item_name(listed[:last])):
                # the remainder closed the list on the total: what follows it is another statistic ("……其他信息579条,
                # 通过政务微信公开政府信息39条", 新蔡县 2020 — a channel, not one more kind)
                break
            if (
                parts
                and (bare := _BARE_BEFORE_CLAUSE.search(listed, last, m.start()))
                and (sum(parts) + int(bare.group(1)) == stated)
            ):
                # a last part printed without its measure word closes the list on the total, and a clause of its own
                # follows with no mark between: "其中执法信息公开17条,财政信息3通过微信公众号……公开信息82条" against 20
                # (定州市东留春乡 2020 — the 82 a channel's, not a part)
                break
            parts.append(int(m.group("n").replace(",", "")))
            last = m.end()
        if parts and sum(parts) > stated:  # one part alone over the total is as wrong as several
            if _two_breakdowns(parts, stated):
                continue
            yield PartsSum(sentence.strip(), stated, tuple(parts), unit, parts_unit=unit_of_part)
            continue
        # parts printed without their measure word among those with it ("……栏目信息共1223,“大涌发布”发布政务微信信息
        # 2141、视频信息139条,……438条" against 3548, 中山市大涌镇 2022): they count too, and together the list is over
        unmarked = _counts_outside_brackets(_BARE_COUNT, listed, last)
        # (two parts with their measure word at least: one alone may be another statistic after the list — "……更新类
        # 信息219、微信平台同步发布信息812条" against 854, 正蓝旗 2021, the 812 a channel's copy of the same)
        # (a list that is the whole — the three kinds, or closed by the remainder — is read whole further on)
        whole_list = all(k in listed for k in _PARTITION) or any(_REMAINDER.match(n) for n, _, _ in _items(listed))
        if len(parts) >= 2 and unmarked and not whole_list and sum(parts) + sum(unmarked) > stated:
            together = (*unmarked, *parts)
            yield PartsSum(sentence.strip(), stated, together, unit, parts_unit=unit_of_part, unmarked=len(unmarked))
            continue
        short = stated - sum(parts)
        # "共计公开各类信息236条,其中……27条,……198条,回复群众诉求11件" (长安区砲里街道 2022): the part in another
        # measure word that follows makes up the difference — the list is whole, only its last unit differs
        after_parts = [int(m.group("n").replace(",", "")) for m in _NUMBER_UNIT.finditer(listed, last)]
        # … and so does a part printed without its measure word among the others ("……185条,财务预决算信息6,人事信息
        # 5条,……7036条,四川要闻52期" against 7333, 四川省地方志办 2021: 7275 + 6 + 52)
        bare = sum(unmarked)
        # … and so does a part counted in a measure word of its own among them ("……财政预决算类31条,政府工作报告类2份,
        # 其他信息23条" against 830, 番禺区大石街道 2021: 828 + 2 reports)
        own_measure = sum(_counts_outside_brackets(_OWN_MEASURE, listed, last))
        made_up = short in {
            n + b + o
            for n in (after_parts[0] if after_parts else 0, sum(after_parts))
            for b in {0, bare}
            for o in {0, own_measure}
        } - {0}
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
        # … unless its items before the ；have made the total: what follows is another list ("收到申请13件，其中……收到
        # 11件，局长信箱收到2件；予以公开2件，……，其他处理1件", 昆明市应急管理局 2022: the outcomes of the 13)
        if (
            sentence.rstrip().endswith(("；", ";"))
            and sum(n for _, n, u in _items(segment) if u in (unit, "")) != stated
        ):
            segment += after[: after.find("。") + 1 if "。" in after else len(after)]
        items = [i for i in _items(segment) if i[2] in (unit, "")]
        names = [name for name, _, _ in items]
        # the three kinds of information are said in the sentence itself: what follows the ； is another list
        # ("……其中主动公开169，依申请公开317条，不予公开24条；全年通过门户网站主动公开政策……5条……", 平潭 2022)
        own = [i for i in _items(rest[where:]) if i[2] in (unit, "")]
        if all(any(k in name for name, _, _ in own) for k in _PARTITION):
            items, names = own, [name for name, _, _ in own]
        # the remainder closes the list ("……，其他应主动公开政府信息856条"); "其他重点信息5条、工作动态63条" is a kind
        complete = (bool(names) and bool(_REMAINDER.match(names[-1]) or _OTHERS_LIKE.search(names[-1]))) or all(
            any(k in n for n in names) for k in _PARTITION
        )
        whole = [n for _, n, _ in items]
        # items counted in another measure word among them ("……其中:会议信息220条,政策文件3302件,意见征集799件,建议提案
        # 2768件,其他信息72514条" against 79603, 丽水市 2024, held-out round 296): with them the list makes its total
        if complete and sum(n for _, n, _ in _items(segment)) == stated:
            continue
        if complete and len(whole) >= 2 and sum(whole) != stated:
            yield PartsSum(sentence.strip(), stated, tuple(whole), unit, complete=True)
    yield from _kinds_against_stated(_sentences(text))
    yield from _named_kinds_against_stated(_sentences(text))
    yield from _approximate_total_short(text)


#: a total said as more than a round figure, just before its 其中 list: "主动公开政府信息59余条。其中"
_APPROXIMATE_TOTAL = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)余(?P<u>[{_UNITS}])[。，,；;：:]?\s*(?=其中)")


def _approximate_total_short(text: str) -> Iterator[PartsSum]:
    """ "2018年度全镇累计主动公开政府信息59余条。其中:法规公文6条;……;其他1条。" (东方市东河镇 2018): "59余条" is
    more than 59, and a list closed by the remainder is the whole — its 58 cannot make it.  Read only where no item
    is approximate itself ("其他方式公开政府信息100余条") and every item is counted in the total's unit."""
    for sentence in _list_sentences(text):
        for total in _APPROXIMATE_TOTAL.finditer(sentence):
            listed = sentence[total.end() + 2 :]
            items = _items_only(listed)
            if re.search(r"\d余", listed) or items is None or len(items) < 2:
                continue
            if any(u != total.group("u") for _, _, u in items) or not _REMAINDER.match(items[-1][0].lstrip("：: ")):
                continue
            stated = int(total.group("n").replace(",", ""))
            whole = tuple(n for _, n, _ in items)
            if sum(whole) < stated:
                yield PartsSum(sentence.strip(), stated, whole, total.group("u"), complete=True, approximate=True)


#: the year's new applications and, straight after them, those carried over from the year before: "新收到依申请公开
#: 政府信息78件,结转上年度办理"
_RECEIVED_AND_CARRIED = re.compile(
    r"(?:新收到|本年新收|新受理|收到)[^，,。；;\d]{0,16}?(?P<n>\d+)(?P<u>[件条])[，,、]\s*(?:结转上年度?|上年度?结转)[^，,。；;\d]{0,12}$"
)


def _two_breakdowns(parts: list[int], stated: int) -> bool:
    """The parts are the total broken down twice, one way after the other: "共受理政府信息公开申请15件，其中新收到
    14件，结转上年度办理1件，办结13件，结转下年度继续办理2件" (铜梁区政府办 2025 — 14 + 1 and 13 + 2, where the
    applications came from and how they ended).  Each breakdown has two parts at least: a first part that is the
    total itself ("43条,其中主动公开政府信息43条,领导信息13条……", 东阳市江北街道 2023) is the total said again, not
    a breakdown."""
    return any(sum(parts[:k]) == stated == sum(parts[k:]) for k in range(2, len(parts) - 1))


def _counts_outside_brackets(pattern: re.Pattern[str], listed: str, last: int) -> list[int]:
    """The counts ``pattern`` finds in ``listed`` before ``last`` (its group 1), those inside brackets left out."""
    return [int(m.group(1)) for m in pattern.finditer(listed, 0, last) if not _in_brackets(listed, m.start())]


#: a count with no measure word and no mark after it, straight before the words that open a clause: "财政信息3通过……"
_BARE_BEFORE_CLAUSE = re.compile(r"(?<=[\u4e00-\u9fff])(\d+)(?=通过|在|经|并|同时)")

#: a count in a measure word no list of information counts in: "政府工作报告类2份"
_OWN_MEASURE = re.compile(r"(?<![\d.])(\d+)(?:份|本|册|部|套)")

#: a count printed without its measure word after a part's name: "财务预决算信息6,"
_BARE_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])(\d+)(?=[，,、；;])")


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


#: a count with its breakdown in brackets straight after it, no 其中: "市直4702项(常用权力1191项、……、共性权力18项)"
#: (台州市 2015, held-out round 291) — the bracket holds only named counts in the count's own unit
_BRACKETED_BREAKDOWN = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])[（(](?P<list>[^（）()]+)[）)]")
#: one item of such a bracket: a name, then its count
_NAMED_COUNT = re.compile(rf"^(?P<name>[\u4e00-\u9fff“”]{{2,12}}?)(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])$")
#: names that make the bracketed figure another statistic: a change, a share, a running total, a part said as such
_NOT_A_BREAKDOWN = re.compile(r"同比|增长|增加|减少|下降|较上年|比上年|累计|合计|总计|其中|含|包括|占|约|余")


def bracketed_parts_not_adding_up(text: str) -> Iterator[PartsSum]:
    """A count whose bracketed breakdown adds up to more than it ("4702项(……1191项、748项、44项,2711项、18项)": 4712),
    or falls a hair short of it (:data:`NEAR_SHORT_PERCENT`): the bracket lists every part, by name, in the count's
    unit, with nothing else in it."""
    for m in _BRACKETED_BREAKDOWN.finditer(text):
        pieces = [piece.strip() for piece in re.split(r"[、，,；;]", m["list"])]
        items = [_NAMED_COUNT.match(piece) for piece in pieces]
        if len(items) < 2 or not all(items) or _NOT_A_BREAKDOWN.search(m["list"]):
            continue
        if any(item["u"] != m["u"] for item in items if item):
            continue
        total = int(m["n"].replace(",", ""))
        parts = tuple(int(item["n"].replace(",", "")) for item in items if item)
        near = total > sum(parts) >= total * (100 - NEAR_SHORT_PERCENT) / 100
        if sum(parts) > total or near:
            yield PartsSum(m.group(0), total, parts, m["u"], near=near)


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


#: a sum of money, decimals and all: "成交金额114.89亿元"
_MONEY = re.compile(r"(?<![\d.])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<u>亿元|万元|元)")
#: words that make an amount a saving, a change or a comparison, not the total or one of its parts
_NOT_A_SHARE_OF_THE_TOTAL = re.compile(r"节约|节省|节支|减少|增加|增长|下降|上升|同比|较上年|比上年|预算|平均|均")


@dataclass(frozen=True)
class MoneySum:
    phrase: str
    total: Decimal
    parts: tuple[Decimal, ...]
    unit: str


def money_not_adding_up(text: str) -> Iterator[MoneySum]:
    """ "……成交金额114.89亿元,节约资金9.33亿元,……,其中……交易金额24.36亿元;……88.95亿元;……0.22亿元;……2.36亿元"
    (银川市公共资源交易中心 2024: the four make 115.89): the one sum of money said before 其中 — a saving or a change
    is not it — against the sums in the same unit after it, when they come to more than it by more than their
    rounding (half a unit of the last decimal printed, for each sum and the total)."""
    for sentence in _list_sentences(text):
        where = sentence.find("其中")
        if where < 0:
            continue
        before = _amounts(sentence, 0, where)
        if len(before) != 1:
            continue
        total = before[0]
        unit = total.group("u")
        parts = [m for m in _amounts(sentence, where, len(sentence)) if m.group("u") == unit]
        if len(parts) < 2:
            continue
        values = [Decimal(m.group("n").replace(",", "")) for m in parts]
        stated = Decimal(total.group("n").replace(",", ""))
        # each printed sum, the total's too, may be rounded by half a unit of its last decimal
        slack = sum(Decimal(5).scaleb(-len(m.group("n").partition(".")[2]) - 1) for m in (*parts, total))
        if sum(values) - stated > slack:
            yield MoneySum(sentence.strip(), stated, tuple(values), unit)


def _amounts(sentence: str, start: int, end: int) -> list[re.Match[str]]:
    """The sums of money between ``start`` and ``end``, but savings, changes and sums in brackets."""
    return [
        m
        for m in _MONEY.finditer(sentence, start, end)
        if not _NOT_A_SHARE_OF_THE_TOTAL.search(re.split(r"[，,；;、]", sentence[start : m.start()])[-1])
        and not _in_brackets(sentence, m.start())
    ]


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
        for money in money_not_adding_up(text):
            added = sum(money.parts)
            problems.append(
                warning(
                    "prose.parts-sum",
                    f"“{_short(money.phrase)}”：其中各项金额相加为{added}{money.unit}，多于所说的总额{money.total}"
                    f"{money.unit}",
                    report.ref(keypath),
                    expected=f"≤ {money.total}",
                    found=str(added),
                )
            )
        for found in (*parts_not_adding_up(text), *bracketed_parts_not_adding_up(text)):
            if skip is not None and skip(keypath, found):
                continue
            added = sum(found.parts)
            # parts in 篇 and a total in 条 (or the other way): the sum is said without one measure word
            counted = f"（“{found.parts_unit}”与“{found.unit}”都是信息的条数）" if found.parts_unit else found.unit
            sum_said = f"其中各项相加为{added}{counted}"
            if found.unmarked:
                sum_said += f"（{found.unmarked}项只印了数字，没有量词，也算在内）"
            if added > found.total:
                said = f"多于所说的总数{found.total}{found.unit}"
            elif found.near:  # two items or more, a hair short: meant as the whole
                said = (
                    f"比所说的总数{found.total}{found.unit}只少{found.total - added}{found.unit}："
                    "所列各项看来就是全部，总数或其中一项有误"
                )
            elif found.approximate:
                said = (
                    f"不到所说的“{found.total}余{found.unit}”（所列各项以“其他”收尾，已是全部，相加应多于"
                    f"{found.total}{found.unit}）"
                )
            else:  # a list that is the whole (其他…, or 主动/依申请/不予公开) and leaves part of it out
                said = f"少于所说的总数{found.total}{found.unit}（所列各项已含全部类别，应相加等于总数）"
            problems.append(
                warning(
                    "prose.parts-sum",
                    f"“{_short(found.phrase)}”：{sum_said}，{said}",
                    report.ref(keypath),
                    expected=(
                        f"> {found.total}"
                        if found.approximate
                        else f"= {found.total}"
                        if found.complete or found.near
                        else f"≤ {found.total}"
                    ),
                    found=added,
                )
            )
    return problems
