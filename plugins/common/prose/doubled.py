"""A kind named twice in one list, counted ("……规划总结2条，公文4条、规划总结2条……") or not ("财政预决算、……、
财政预决算信息") — ``prose.doubled-item``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _UNITS, _short

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
                earlier = [j for j, other in enumerate(names[:n]) if m["name"] == other or _same_kind(m["name"], other)]
                if earlier and not _second_group(names, earlier[0], n):
                    yield m.group(0).removeprefix("其中").removeprefix("包括").lstrip("、，,；;：:"), segment.strip()
                    break


def _second_group(names: list[str], first: int, again: int) -> bool:
    """The item said again opens no new kind but the second of a group whose first item names the group: "厅机关信息公开
    专职人员3人，兼职人员24人，厅属企事业单位专职人员3人，兼职人员10人" (河南省商务厅 2013) — 兼职人员 of two bodies,
    each after its body's 专职人员: the items before the two differ and end on the same words."""
    if first == 0 or again == 0:
        return False
    before, before_again = names[first - 1], names[again - 1]
    shared = 0
    while shared < min(len(before), len(before_again)) and before[-1 - shared] == before_again[-1 - shared]:
        shared += 1
    return before != before_again and shared >= 2 and len(before_again) > shared


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
