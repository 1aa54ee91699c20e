"""Shares typed in the prose: a list of "占N%" in one sentence — shares of one whole — that adds up to more than
100 % beyond what rounding each share at its typed precision allows (``prose.shares-total``), and a share given for
one part of a list against the total the list breaks down, or against the parts added up when the shares are of
them all (``prose.share-of-total``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.percent import PercentVerdict, _percent_problem, percent_verdict
from plugins.common.prose.reading import (
    _ACTIVE_STATED,
    _COUNT_BEFORE_PARTS,
    _PROPERTY_COUNT,
    _TOTAL,
    _UNITS,
    _alone,
    _in_brackets,
    _items,
    _list_sentences,
    _sentences,
    _short,
    _subject,
)

_SHARE = re.compile(r"(?:占|占比为?|比例为|比重为)[^\d，。；%％]{0,10}?(?P<p>\d+(?:\.\d+)?)\s*[%％]")
_SHARE_SENTENCE = re.compile(r"[^。！？!?]+")


@dataclass(frozen=True)
class Shares:
    sentence: str
    typed: tuple[str, ...]
    added: Decimal
    slack: Decimal


_NEW_WHOLE = re.compile(r"共|总计|合计|累计|总数|办结|收到|受理|新收|答复")


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
    r"(?:占(?:总数的?|比为?|全部(?:公开)?(?:政府)?(?:信息)?(?:总数)?的?)?)(?P<p>\d+(?:\.\d+)?)\s*[%％]"
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
        # (a total said before the first part's count: the list is of it — the first part may be said with 共 itself,
        # "其中“南城印迹”微信公众号共发布信息293条,占全部公开信息的61.5%,……183条,占全部公开信息的38.5%", 高平市南城街
        # 街道 2021)
        if len(found) < 2 or len({m.group("u") for m in found}) != 1 or _TOTAL.search(sentence, 0, found[0].start("n")):
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
