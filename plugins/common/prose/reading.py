"""What the prose readers share: the sentences a text is read in, counts with their measure words and the totals
they are parts of, the items of a list, what brackets hold, and a phrase shortened for a message.
"""

from __future__ import annotations

import re

#: a count of the items that have some property, not a kind of item: "实现“一趟不用跑”的有45项" (平潭交通与建设局
#: 2021) — such counts overlap, so neither their shares nor their counts add up to a whole
_PROPERTY_COUNT = re.compile(r"(?:实现|可以|可|能够|能|支持|具备|达到)[^，。；]{0,20}?的有\d")


_UNITS = "条件项个人次篇期"
_TOTAL = re.compile(rf"(?:共|累计|合计|总计|总数)[^\d，。；]{{0,12}}?(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])")
_NUMBER_UNIT = re.compile(rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])(?![\d%％])")


#: the words that open the parts of a count: "……40条，其中……", "……32条，包括领导信息类1条、……"
_PARTS_WORDS = ("其中", "包括")


#: a total said without 共: the count straight before 其中 or 包括 ("主动公开政府信息40条，其中……")
_COUNT_BEFORE_PARTS = re.compile(
    rf"(?<![\d.])(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])(?=[，,：:。\s（(]{{0,2}}(?:内容|主要)?(?:{'|'.join(_PARTS_WORDS)}))"
)


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


#: the 主动公开 count stated on its own ("其中主动公开信息数169，", "主动公开政府信息31条")
_ACTIVE_STATED = re.compile(
    r"主动公开(?:的)?(?:政府)?信息(?:数)?(?:共|为|达)?(?P<n>\d+(?:,\d{3})*)(?P<u>条)?(?![\d.%％])"
)


def _subject(name: str) -> str:
    """What a part is called, without the words every name has: 主动公开的政府信息 → 主动公开."""
    return re.sub(r"的|政府|信息|数量|数|类|其中|共", "", name).strip("（()） ")


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


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
