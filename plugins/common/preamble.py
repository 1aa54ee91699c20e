"""``[preamble]``: the unnumbered opening paragraphs before 一、 — legal basis, the parts, where to ask.

Legacy reports list their parts here ("本报告由概述、……、附表共九个部分组成"); :func:`listed_parts` reads
that list back so checks can compare it with the part headings actually printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compiler import hookimpl
from compiler.model.document import Block, Heading
from compiler.model.narrative import iter_texts, narrative_blocks
from compiler.model.numbering import parse_chinese_number
from compiler.model.refs import Evaluator
from compiler.model.report import Report
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType

SCHEMA = Schema(
    (
        Field(
            "heading",
            "str",
            description="导语上方单独一行印出的小标题（照原样转录时填写，如北京、上海、广州等地模板的“引言”）：不编序号，"
            "排作一级标题",
        ),
        Field(
            "text",
            "text",
            required=True,
            description="导语段落（可引用数据，如 {report.year}）",
            example="根据《中华人民共和国政府信息公开条例》，特向社会公布{report.organ}{report.year}年政府信息公开工作年度报告。",
        ),
    ),
    description="正文之前的导语",
)

#: "……等六个部分组成", "……等六个方面内容" (大竹县朝阳乡 2016, 四川省气象局 2012) and "……等6项主要内容" (铜陵市铜官区
#: 东郊办事处 2019), and "分别从A、B……等七个方面对……进行总结" (吉林经开区双吉街道 2017); the list opens at the last
#: 由/包括/分为/分别从 before it ("本年度报告由天津市发展改革委编制，……，全文包括
#: 总体情况、……六部分组成", 天津市发展改革委 2022: the list is what 包括 brings in, not the compiler's name)
_LIST_OPENERS = "由|包括|分为|分别从"
_PART_LIST = re.compile(
    rf"(?:{_LIST_OPENERS})((?:(?!{_LIST_OPENERS})[^。；])+?)(?:等|共|这|计){{0,2}}([一二三四五六七八九十\d]+)"
    # — not a count of what one part holds: "全文包括政府信息主动公开、依申请公开等6个方面的总体情况;……" (船山区河沙镇
    # 2018, held-out round 288: six aspects of its 总体情况, then the other things the report covers)
    r"(?:(?:个)?(?:部分|方面)(?!的总体情况)(?:组成|内容)?|项(?:主要)?内容)"
)
#: the count before the list: "由七部分组成，包括：概述；主动公开……", "全文包括七个方面的内容,分别为:……;……" (河池市
#: 2017), "分为六个部分,涵盖总体情况、……", "由六部分组成,分别是:1.总体情况,2.……" — the list brought in by a colon
#: or a word that says the names follow: after a bare comma comes the next clause ("本报告共包括六个部分,所列数据的
#: 统计期限自……", 綦江区 2022)
_COUNT_FIRST_PART_LIST = re.compile(
    r"(?:由|包括|分为)(?P<n>[一二三四五六七八九十\d]+)个?(?:部分|方面)(?:的?内容)?(?:组成)?"
    r"(?:[，,]?\s*(?:分别为|分别是|包括|涵盖|即|依次为|具体为)[：:]?|[，,]?\s*[：:])\s*(?P<list>[^。]+?)"
    r"(?:等?[一二三四五六七八九十\d]*个?(?:部分|方面|内容)*(?:组成)?)?(?=。|$)"
)
#: a list's own numbers before its names ("1.总体情况,2.主动公开……")
_LIST_NUMBER = re.compile(r"(?:^|(?<=[，,、；;]))\s*\d{1,2}\s*[.、．]\s*")
#: "本年报由概述、主动公开情况……等组成": the same list without its count
#: … also "全文由A、B……等内容组成" (温泉县查干屯格乡 2020, held-out round 267)
_UNCOUNTED_PART_LIST = re.compile(
    r"(?:本|该)?(?:年度报告|年报|报告|全文)(?:主要)?由([^。；]+?)等?(?:几个|几)?(?:部分|方面|内容)?组成"
)
#: "全文包括A、B，C，以及D。" (苏平片区 2023), "主要内容包括A、B……E。" (吴起县 2023), "报告内容包括A,B、C……等。"
#: (武汉市 2020), "全文共分A、B……，并附相关情况统计表。" (莫旗 2011, held-out round 292), "……编制本年报,主要包括A、B……"
#: (疏勒县 2019, held-out round 313): a list without a count or 组成 — read only when every item is named like a part
#: ("……情况", "……事项")
_INCLUDED_PART_LIST = re.compile(
    r"(?:本报告|报告全文|全文|本年报|报告|主要内容)(?:[，,](?=主要))?(?:的?内容)?(?:主要)?(?:包括|共分为?)([^。；]+?)"
    r"(?:等(?:几个)?(?:部分|方面)?)?(?=。|$)"
)
#: "现将……2021年度政府信息公开总体情况,主动公开政府信息情况,……,存在的主要问题及改进情况公开如下" (温图高勒苏木 2021):
#: the parts announced as what follows — read, like the list above, only when every item is named like a part
_ANNOUNCED_PART_LIST = re.compile(
    r"现将(?:[^。；]{0,40}?\d{4}年度?(?:政府信息公开(?:工作)?)?)?([^。；]+?)(?:公开|报告|公布)如下"
)
#: "本报告由A、B,C,D。" (楚门镇 2014): the list of "本报告由……组成" whose 组成 was left out — read, like the two above,
#: only when every item is named like a part (the sentence is incomplete; ``common.unfinished-sentence`` says so)
_UNFINISHED_PART_LIST = re.compile(r"(?:本|该)?(?:年度报告|年报|报告)(?:主要)?由([^。；]+?)(?=。|$)")
#: between names: 、，；, or 和/及/与/以及 after a name's end ("……改进情况以及其他需要报告的事项", "……事项与附表"; "政府
#: 支出和收费以及存在的主要问题和改进措施", 金山区卫生局 2012 — the legacy template's part 六 ends on 收费)
_SEPARATORS = re.compile(r"[、，,；]|(?<=情况|事项|措施)(?:以及|和|及|与)|(?<=收费)以及")
#: How a part's name ends; a piece that does not, followed by one that does, is one name split at its own 、
#: ("政府信息公开行政复议、行政诉讼情况", the 2021 format's part 四).  说明 ends a name too
#: ("总体公开情况说明", 鹤庆县 2019) and 综述 (阳山县政府办 2016), and so does a word joined to a name's end
#: ("主要工作措施和做法", 吴堡县 2012).
_NAME_END = re.compile(
    r"(?:情况|事项|概述|概况|综述|总述|打算|附表|附注|说明|措施|思考|问题|统计表|报告表|支出和收费|支出与收费|申请公开信息|数量|费用)"
    r"(?:(?:和|及|与)[\u4e00-\u9fff]{1,4})?$"
)

#: a name that holds both 复议 and 诉讼 is whole, however it ends ("政府信息公开类行政复议和行政诉讼")
_APPEALS_NAME = re.compile(r"复议.*诉讼$")


@dataclass(frozen=True)
class PartList:
    """The parts a preamble announces: their names, the count it states, and where it says so."""

    names: tuple[str, ...]
    stated_count: int | None
    keypath: str
    separators: frozenset[str] = frozenset()  # the marks between the names: {"、"}, or {"、", ","} when mixed


def preamble_texts(report: Report) -> list[tuple[str, str]]:
    """``(keypath, text with references resolved)`` for every preamble paragraph."""
    data = report.data.get("preamble")
    if not isinstance(data, dict):
        return []
    evaluator = Evaluator(report.values)
    return [(f"preamble.{sub}", evaluator.resolve(raw, None, []).text) for sub, raw in iter_texts(data)]


#: what only a report's opening says of itself: that it was compiled, and from what ("本年报根据……要求,由……编制",
#: "……根据《条例》……要求,编制《榴园镇人民政府2023年政府信息公开工作年度报告》", 峄城区榴园镇 2023)
#: — or that it is published here ("……现公布2023年海棠区人民政府办公室信息公开工作年度报告。本年报由……组成。", 海棠区
#: 政府办 2023)
_OPENING = re.compile(
    r"(?:本报告|本年报|本年度报告|报告)[^。]{0,80}?编制|编制(?:了)?《[^》]{2,60}(?:年度报告|年报)》"
    r"|(?:现|特)(?:将|予|向社会)?公布[^。]{0,60}?(?:年度报告|年报)"
)


#: the names of a report's opening printed as a part ("一、引言"): the opening, and a part's whole name in a list
_OPENING_NAMES = ("引言", "前言")


def _opening_in_first_part(report: Report) -> list[tuple[str, str]]:
    """The first paragraph of the first numbered part when it is the report's opening (it says the report was
    compiled), and the paragraph after it — an opening of two paragraphs, the second listing the parts ("本报告由总体
    情况、……等6个部分组成。", 榴园镇 2023); [] otherwise."""
    first = next((s for s in report.sections if s.type.numbered), None)
    if first is None:
        return []
    text = first.data.get("text")
    keypath = f"{first.key}.text"
    if isinstance(text, list):
        paragraphs = [(f"{keypath}[{i}]", t) for i, t in enumerate(text[:2])]
    else:
        paragraphs = [(keypath, text)]
    # a part headed 引言 (or 前言) is the opening by its name, however long its first sentence ("一、引言" and then
    # "本报告根据《……条例》……以及……情况编制。全文由引言、概述……十一部分组成。", 洞口县 2015)
    named = re.sub(r"\s", "", str(first.data.get("heading") or "")) in _OPENING_NAMES
    if not paragraphs or not isinstance(paragraphs[0][1], str):
        return []
    if not named and not _OPENING.search(paragraphs[0][1]):
        return []
    evaluator = Evaluator(report.values)
    return [(k, evaluator.resolve(t, None, []).text) for k, t in paragraphs if isinstance(t, str)]


def opening_texts(report: Report) -> list[tuple[str, str]]:
    """Where a report says what it is and lists its parts: the preamble's paragraphs, or, for a report printed
    without a preamble, the opening paragraph of part 一 (:func:`_opening_in_first_part`)."""
    return preamble_texts(report) or _opening_in_first_part(report)


def listed_parts(report: Report) -> PartList | None:
    """The part list of "本报告由A、B、C共N个部分组成" (also "由A，B……等N部分组成", "包括A、B……共N个部分", and
    without a count "本年报由A、B……等组成", "全文包括A、B，C，以及D。" or "现将……A，B……公开如下"), or ``None``
    when the preamble has none.  The names may be separated by 、 or ，.  A report with no preamble may print its
    opening paragraph as the first paragraph of part 一 ("一、总体情况" and then "本年报根据……编制。全文包括概述,……",
    海口市东山镇 2021): the list is read there too."""
    for keypath, text in opening_texts(report):
        first = _COUNT_FIRST_PART_LIST.search(text)
        m = first or _PART_LIST.search(text)
        counted = m is not None
        m = m or _UNCOUNTED_PART_LIST.search(text)
        included = (
            m is None
            and (
                m := _INCLUDED_PART_LIST.search(text)
                or _ANNOUNCED_PART_LIST.search(text)
                or _UNFINISHED_PART_LIST.search(text)
            )
            is not None
        )
        if m:
            listed = _LIST_NUMBER.sub("", m["list"]) if m is first else m.group(1)
            stated = m["n"] if m is first else m.group(2) if counted else None
            listed = re.split(r"[：:]", listed)[-1]  # "本报告包括以下内容：A、B" — the list starts after the colon
            # "……改进措施，并附相关的说明和指标统计表" (平潭交通与建设局 2019): what is appended is not a part
            listed = re.split(r"[，,](?:并|另|同时)附", listed)[0]
            # a name's gloss in brackets is no part of the list ("咨询处理情况(公民、法人和其他组织的咨询情况)",
            # 临汾市 2011): its 、 parts no names
            listed = re.sub(r"[（(][^（）()]*[)）]", "", listed)
            # "……改进措施，共五个部分组成" (张义镇 2008): the mark before 共/等 closes the list, it parts no names
            listed = listed.rstrip("，,、；; ")
            # each name in quotation marks, nothing between them ("由“总体情况”“主动公开政府信息情况”……六个部分组成",
            # 鼓楼区五凤街道 2023): GB/T 15834—2011 §4.5.3.5 — quoted names in a series need no 顿号
            if _QUOTED_NAMES.fullmatch(listed) and len(quoted := re.findall(r"“([^“”]+)”", listed)) >= 2:
                separators = frozenset(re.findall(r"”\s*([、，,；;])\s*“", listed))
                if len(separators) == 1:  # one mark throughout: the quotation marks already part the names
                    separators = frozenset()
                return PartList(tuple(quoted), parse_chinese_number(stated) if stated else None, keypath, separators)
            # parted by commas, with a name's own 、 inside ("……，投诉举报、行政复议、行政诉讼情况，……", 内黄县 2018):
            # the commas part the names (two or more of them, none after a 、-parted run of names)
            # parted by semicolons ("……基本情况;围绕……推进政府信息公开情况,特别是……情况;……", 河池市 2017): the
            # semicolons part the names, whose commas and 顿号 are their own
            semicolons = len(re.findall(r"[；;]", listed)) >= 2
            split = _SEMICOLON_LEVEL if semicolons else _COMMA_LEVEL if _commas_part_the_names(listed) else _SEPARATORS
            count = parse_chinese_number(stated) if stated else None
            if split is _SEPARATORS and count and len(_pieces(_COMMAS, listed)) == count >= 3:
                # parted by commas, a name's own 、 inside, as many names as the count says ("……,推进行政决策、执行、
                # 管理、服务、结果“五公开”情况,……,存在问题、整改措施及2017年工作打算,其他应报告的事项等十二个部分",
                # 庄河市 2016 — "存在问题" ends as a name does, yet the count confirms the commas)
                split = _COMMAS
            pieces = _pieces(split, listed)
            if not counted and len(pieces) < 2:
                continue
            # pieces parted by commas are names already: only a 、 splits one name in two ("……2013年工作打算,附表共
            # 八个部分", 连云港市 2012: no 、 between them to rejoin)
            names = tuple(pieces) if split in (_COMMA_LEVEL, _COMMAS, _SEMICOLON_LEVEL) else _rejoin(pieces)
            if included and (len(names) < 3 or not all(_NAME_END.search(n) or _APPEALS_NAME.search(n) for n in names)):
                continue
            if count and len(names) != count and split is _SEPARATORS:
                # a 和 (及, 与) after 情况 or 措施 that joins a short second half to one name ("重点领域……推进情况和
                # 公开情况", "……推进措施和落实情况", "……需要说明的事项与附表", 李沧区振华路街道 2018, held-out round
                # 259): the names read without those splits, where that reading gives the count stated
                marked = _rejoin(_pieces(_LONG_JOINED, listed))
                names = marked if len(marked) == count else _as_counted(pieces, names, count)
            appended = re.search(r"(以及|及|与|和)(附表|附件|统计表)$", listed)
            if appended and count == len(names) - 1 and len(names) >= 2 and names[-1] == appended.group(2):
                # "……其他应当报告的事项及附件共九个部分" (大连市 2013), "……需要说明的事项与附表共七个部分" (闽清县审计局
                # 2013): the count takes the 附件 with the name it is joined to — one part, as stated
                names = (*names[:-2], names[-2] + appended.group(0))
            between = listed
            for name in names:  # what is left between the names (a name's own 、 is not a separator)
                between = between.replace(name, "\0", 1)
            # "……、复议、诉讼和申诉的情况，以及存在的主要问题和改进措施" (广州市环境保护局 2010): a comma before the
            # 以及 (及, 和, 与) that brings in the last name is the usual way to close a list, not a second separator
            between = re.sub(r"[，,]\s*(?=(?:以及|及|和|与)\0$)", "", between)
            separators = frozenset(re.findall(r"[、，,；;]", between))
            return PartList(names, count, keypath, separators)
    return None


#: a list of quoted names: "“总体情况”“主动公开政府信息情况”……", with or without marks between them
_QUOTED_NAMES = re.compile(r"\s*(?:“[^“”]+”\s*[、，,]?\s*(?:以及|和|及|与)?\s*)+")
_SEMICOLON_LEVEL = re.compile(r"[；;]")
#: the separators, a 和/及/与 after a name's end only where four characters or more follow it before the next mark
_LONG_JOINED = re.compile(r"[、，,；]|(?<=情况|事项|措施)(?:以及|和|及|与)(?![\u4e00-\u9fff]{1,4}(?:[、，,；;]|$))")
_COMMAS = re.compile(r"[，,]")
_COMMA_LEVEL = re.compile(r"[，,；]|(?<=情况|事项|措施)(?:以及|和|及|与)")


def _commas_part_the_names(listed: str) -> bool:
    """Whether a list's names are parted by commas and its 、 only join words inside one name: two commas or more,
    and every comma-parted piece that holds a 、 ends as a part name does while the words before its 、 do not."""
    pieces = [p for p in re.split(r"[，,]", listed) if p.strip()]
    if len(pieces) < 3 or "、" not in listed:
        return False
    inner = [p for p in pieces if "、" in p]
    return all(_NAME_END.search(p) and not any(_NAME_END.search(w) for w in p.split("、")[:-1]) for p in inner)


def _pieces(split: re.Pattern[str], listed: str) -> list[str]:
    """The list cut at ``split``'s marks; a 和/及/与 after a name's end brings in a second name only where what
    follows ends as a name does: "主要工作措施和做法" (吴堡县 2012) is one name, "……改进情况以及其他需要报告的事项"
    two."""
    pieces: list[str] = []
    mark, at = "", 0
    for m in [*split.finditer(listed), None]:
        piece = listed[at : m.start() if m else len(listed)].strip()
        if pieces and mark in ("以及", "及", "和", "与") and not _NAME_END.search(piece):
            pieces[-1] += mark + piece
        elif piece:
            pieces.append(re.sub(r"^(?:以及|及|和|与)", "", piece))
        if m is not None:
            mark, at = m.group(0), m.end()
    return pieces


def _rejoin(pieces: list[str]) -> tuple[str, ...]:
    """The names of a 、-parted list whose pieces may split one name at its own 、: a piece that does not end as a
    name does, followed by one that does, is one name — where the list names its parts in full (most pieces end as
    a name does) or the piece is the 复议 half of "……行政复议、行政诉讼情况".  A list of short names ("主动公开政府
    信息、……、存在的主要问题及改进、其他需要报告的事项", 平塘县 2019: four of six fall short) keeps each piece."""
    short = [p for p in pieces if not _NAME_END.search(p)]
    names: list[str] = []
    for piece in pieces:
        joins = 2 * len(short) < len(pieces) or re.search(r"复议$", names[-1] if names else "")
        # a piece that opens on 复议 is a name of its own ("……依申请公开政府信息、行政复议和行政诉讼情况、……", 河曲县
        # 2018): the name split at its own 、 has its 复议 before the 、, never after; nor is one that opens on 因, the
        # appeals part's first word ("……、依申请公开信息、因信息公开申请行政复议或提起行政诉讼情况、……", 哈尔滨市外侨办
        # 2011: the piece before it is a name printed short)
        joins = joins and not re.match(r"(?:行政)?复议|因", piece)
        # nor is one after a name that holds both 复议 and 诉讼 ("……、政府信息公开行政复议与行政诉讼、存在的主要问题
        # 和改进情况、……", 沅江市阳罗洲镇 2022): that name is whole, however it ends
        joins = joins and not (names and _APPEALS_NAME.search(names[-1]))
        # nor one after 引言 or 前言, a part's whole name ("全文由引言、概述、……十一部分组成", 洞口县 2015)
        joins = joins and not (names and names[-1] in _OPENING_NAMES)
        # the 诉讼 half after the 复议 half, however short the list's names ("……、政府信息公开行政复议、行政诉讼、存在
        # 的主要问题及改进情况、……等6部分", 乌鲁木齐市 2021): no list has 诉讼 as a part of its own; nor 诉讼和申诉, the
        # older template's ("……、政府信息公开复议、诉讼和申诉情况、……、附件等8部分", 平江县档案局 2017)
        halves = (
            names
            and re.search(r"复议$", names[-1])
            and re.fullmatch(r"(?:提起)?(?:行政)?诉讼(?:(?:和|及|与)申诉)?(?:的)?(?:情况)?", piece)
        )
        if halves or (
            names
            and joins
            and not _NAME_END.search(names[-1])
            and _NAME_END.search(piece)
            and _NAME_END.search(pieces[-1])
        ):
            names[-1] += "、" + piece
        else:
            names.append(piece)
    return tuple(names)


def _as_counted(pieces: list[str], names: tuple[str, ...], count: int) -> tuple[str, ...]:
    """The names of a 、-parted list read the way its stated count confirms, where :func:`_rejoin`'s reading misses
    it: each piece a name of its own ("由概述、工作措施、政务公开情况、拓宽公开渠道、存在问题和改进措施等五部分组成",
    郑州市工信局 2018 — 拓宽公开渠道 is a name printed short, not the first half of the next), or a short piece joined
    to the name before it ("……以及政府信息公开存在的主要问题、下步工作等六部分", 杭州市城管委 2015 — one part, its
    problems and next steps), or a part on its problems and the next one joined by 和 ("……存在主要问题和2019年工作
    思路四个部分").  The 复议 half of the appeals part's name is never a name of its own; a count that no reading
    gives keeps ``names``, and the part count says the list and its count differ."""
    if len(pieces) == count and not any(re.search(r"复议$", piece) for piece in pieces[:-1]):
        return tuple(pieces)
    backward: list[str] = []
    for piece in pieces:
        if backward and not _NAME_END.search(piece) and _NAME_END.search(backward[-1]):
            backward[-1] += "、" + piece
        else:
            backward.append(piece)
    if len(backward) == count:
        return tuple(backward)
    # one name more than the pieces: a part on its problems with the next part joined by 和 ("……工作存在主要问题和
    # 2019年工作思路四个部分", 牡丹江市气象局 2018) — "存在的主要问题和改进措施" is one name, so only where the count
    # asks for the split
    joined = [i for i, piece in enumerate(pieces) if _PROBLEMS_AND.search(piece)]
    if len(pieces) + 1 == count and len(joined) == 1:
        first, second = _PROBLEMS_AND.split(pieces[joined[0]], maxsplit=1)
        return (*pieces[: joined[0]], first, second, *pieces[joined[0] + 1 :])
    return names


#: a part's name on its problems, and a second name after 和/及/与 that is no improvement of them
_PROBLEMS_AND = re.compile(r"(?<=问题)(?:和|及|与)(?!改进|整改|下一步改进)")


def preamble_blocks(ctx: SectionContext) -> list[Block]:
    """The 导语's paragraphs, under the line "引言" when the report printed one (an unnumbered heading, in the
    outline like the parts)."""
    heading = ctx.data.get("heading")
    head: list[Block] = []
    if isinstance(heading, str) and heading.strip():
        head.append(
            Heading(ctx.text(heading, "heading"), role="heading1", outline_level=0, source=ctx.source("heading"))
        )
    return [*head, *narrative_blocks(ctx)]


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="preamble",
            title="导语",
            schema=SCHEMA,
            build=preamble_blocks,
            numbered=False,
            description="标题之后、“一、”之前的说明段落",
        )
    )
