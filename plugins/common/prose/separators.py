"""The marks between the items of one list of counts: ，and ；mixed, a ，inside a list in 、, or a list in ，
opened by items in 、 (``common.list-separators``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _PROPERTY_COUNT, _short, _top_level

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
            if (
                items
                and items[-1]["mark"] in "；;"
                and _turns_to_outcomes(list_text[: items[-1].end()], list_text[items[-1].end() : m.start()])
            ):
                break  # after the ；what became of them: "……系统收到11件，局长信箱收到2件；予以公开2件，……" (昆明市
                # 应急管理局 2022) — the channels are one list, the outcomes another
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
    for listed, items, marks in _count_lists(text):
        if (m := re.search(r"、(，+)、", marks)) is None:
            continue
        words, at = [i.group(0) for i in items], m.start(1) + 1  # the items up to the ，, and those after it
        if not _turns_to_outcomes("".join(words[:at]), "".join(words[at:])):
            yield listed


def _turns_to_outcomes(before: str, after: str) -> bool:
    """Whether the words after a list's mark tell what became of something and those before it do not: "其中，信息公开
    目录信息4804条、政务动态信息838条、概况类信息6条，互动交流留言收到1465条、办结1213条……" (林州市 2023) — the kinds
    end at the ，, another statistic follows; "……系统收到11件，局长信箱收到2件；予以公开2件，……" (昆明市应急管理局
    2022) — the channels end at the ；."""
    return bool(_OUTCOME.search(after)) and not _OUTCOME.search(before)


def dun_opening_a_comma_list(text: str) -> Iterator[str]:
    """A list of counts in ，whose first items are parted by 、: "其中在市政府门户网站公开发布11条、省政府外事办网站公开
    发布13条，庆阳市党建网公开发布5条，“学习强国”公开发布2条" (庆阳市外事办 2020).  Only when every item tells its count
    after the same words (one list), not a breakdown in 、 followed by clauses of their own ("其中自然人5件、法人2件，
    已办结6件，……").  Yields the list."""
    for listed, items, marks in _count_lists(text):
        if re.fullmatch(r"、+，{2,}", marks) and (_alike(items) or _kinds(items)):
            yield listed


def dun_inside_a_comma_list(text: str) -> Iterator[str]:
    """A list of counts in ，with one 、 between two of its items: "其中,部门文件4条,……,乡村振兴5条,社会救助8条、社会
    福利9条,医疗卫生5条,……" (平川区种田乡 2021, seventeen kinds).  Only a list of three commas or more on its two sides
    whose items all tell the kind of information and its count (:func:`_kinds`) or say it after the same words — two
    items in 、 that make one pair of the list ("其中自然人5件、法人2件，已办结6件，……") are outcomes, not kinds.
    Yields the list."""
    for listed, items, marks in _count_lists(text):
        if re.fullmatch(r"，+、，+", marks) and marks.count("，") >= 3 and (_alike(items) or _kinds(items)):
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
    (dun_inside_a_comma_list, "顿号、逗号混用；各项之间都用逗号，只有一处用了顿号", "统一用“，”", "、与，混用"),
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
