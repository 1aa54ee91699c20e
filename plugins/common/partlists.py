"""The preamble's list of parts against the parts printed: "由……等N部分组成", "共N个部分", "全文包括A、B……".

:func:`part_list_problems` reports, under the format plugin's prefix (``gb2021.`` / ``legacy.``): a count that is
not the number of parts listed or printed, mixed separators between the names (or 、 between names that hold a 、
of their own), a part printed under another name
than the list gives it, a listed part that is not printed.  :func:`same_part` compares two names of a part the way
reports vary them (、 or 和, with or without 政府信息公开/工作).

Split from :mod:`plugins.common.prose` (the number rules) — this reads the report's structure, not its numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from compiler.model.numbering import chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import Report

_IGNORED = re.compile(r"[、，,和及与的\s（）()“”]|政府信息公开|工作")


def same_part(a: str, b: str) -> bool:
    return _IGNORED.sub("", a) == _IGNORED.sub("", b)


def _names_agree(heading: str, listed: str) -> bool:
    """A printed heading and the preamble's name for it: the same up to spacing and a closing colon, or one a
    shortened form of the other ("工作概述" for 年度政府信息公开工作概述, "主动公开情况" for 政府信息主动公开情况).
    A changed word is a difference, even 和 for 及 (the seed's "存在的主要问题和改进情况" against its list)."""
    a, b = (re.sub(r"\s", "", t).rstrip("：:。") for t in (heading, listed))
    shorter, longer = sorted((a, b), key=len)
    # "概述" for 政府信息公开情况概述 (柳北区统计局 2013): the part's own name, the end of the longer one
    named_at_end = len(shorter) >= 2 and longer.endswith(shorter) and not _GENERIC_END.fullmatch(shorter)
    return a == b or (len(shorter) >= 4 and (b in a or a in b)) or named_at_end


#: words every part name ends on: a heading that is only one of them names no part
_GENERIC_END = re.compile(r"情况|事项|工作|问题|措施|报告|内容")

_LOOSE = re.compile(r"政府信息|信息|政府")


def _loosely_named(name: str, instance: Any) -> bool:
    """ "主动公开情况" for a part printed "主动公开政府信息情况", "改进措施" for "存在的主要问题及改进措施": when
    the list and the parts differ in number, a name answers a part it equals or is part of (政府信息, 和及 aside)."""
    heading = instance.data.get("heading") or instance.type.title
    return _names_agree(*(_LOOSE.sub("", _IGNORED.sub("", t)) for t in (heading, name)))


def _likeness(heading: str, name: str) -> int:
    """How many characters a heading and a listed name share (each counted as often as both have it)."""
    return sum((Counter(heading) & Counter(name)).values())


def part_list_problems(
    report: Report, prefix: str, official: dict[str, tuple[str, ...]] | None = None
) -> list[Problem]:
    """The preamble's part list against the parts printed: the count, then each name by position (a name that
    is the printed heading or a shortened form of it, or — up to 、和及的 and spacing — one of ``official[key]``,
    agrees).  A part printed without its number (a 附表 placed after the signature) is still one of the parts
    the preamble lists, and its heading may carry the label it was printed under
    ("附件1：平潭县人民政府2011年政府信息公开情况统计表" is the listed "政府信息公开情况统计表")."""
    from plugins.common.preamble import listed_parts

    parts = listed_parts(report)
    if parts is None:
        return []
    numbered = [s for s in report.sections if s.type.numbered]

    def agrees(name: str, instance: Any) -> bool:
        heading = instance.data.get("heading") or instance.type.title
        accepted = (heading, *(official or {}).get(instance.key, ()))
        if _names_agree(heading, name) or (official is not None and any(same_part(name, a) for a in accepted)):
            return True
        # a part printed without its number (the 附表 after the signature) is the list's "附表" whatever its title
        return instance.number is None and (_as_listed(heading).endswith(name) or name in ("附表", "附件", "统计表"))

    # an opening printed as part 一's first paragraph may list the parts after it only ("……特向社会公布……年度报告。
    # 本报告由主动公开政府信息情况,……等部分组成", 谯城区政务服务中心 2014): part 一 is the opening's own, not listed
    if (
        len(numbered) > 1
        and parts.keypath.startswith(f"{numbered[0].key}.")
        and not agrees(parts.names[0], numbered[0])
        and (agrees(parts.names[0], numbered[1]) or _loosely_named(parts.names[0], numbered[1]))
    ):
        numbered = numbered[1:]
    problems: list[Problem] = []
    where = report.ref(parts.keypath)
    commas = parts.separators & {"，", ","}
    # a name with a 、 of its own ("因政府信息公开申请行政复议、提起行政诉讼的情况"): the names are parted one level
    # up, by ，(GB/T 15834—2011 §4.5.3: a 顿号 parts the words inside a member, not the members that hold one)
    nested = next((name for name in parts.names if "、" in name), None)
    if nested is not None and "、" in parts.separators:
        problems.append(
            warning(
                f"{prefix}.part-list-punctuation",
                f"导语所列的“{nested}”本身含顿号，各部分之间"
                + ("有的用顿号、有的用逗号" if commas else "又用顿号“、”")
                + "，分不清列了几个部分；名称里有顿号时，各部分之间统一用逗号“，”",
                where,
                expected="“，”",
                found="、".join(f"“{m}”" for m in sorted(parts.separators)),
            )
        )
    elif (
        nested is None
        and commas
        and ("、" in parts.separators or (parts.separators == commas and len(parts.names) >= 3))
    ):
        said = "有的用“、”，有的用“，”" if "、" in parts.separators else "都用了逗号“，”"
        problems.append(
            warning(
                f"{prefix}.part-list-punctuation",
                f"导语所列各部分之间的标点{'不一致：' if '、' in parts.separators else '不对：'}{said}；"
                "并列的名称之间一律用顿号“、”",
                where,
                expected="“、”",
                found="、".join(f"“{m}”" for m in sorted(parts.separators)),
            )
        )
    if parts.stated_count is not None and parts.stated_count != len(parts.names):
        problems.append(
            warning(
                f"{prefix}.part-count",
                f"导语说共{chinese_number(parts.stated_count)}个部分，但列出了{len(parts.names)}个",
                where,
                expected=len(parts.names),
                found=parts.stated_count,
            )
        )
    elif len(parts.names) != len(numbered):
        problems.append(
            warning(
                f"{prefix}.part-count",
                f"导语列出{len(parts.names)}个部分，正文有{len(numbered)}个编号部分",
                where,
                expected=len(numbered),
                found=len(parts.names),
            )
        )

    if len(parts.names) != len(numbered):  # positions do not line up: match by name, in any order
        matched = {name: [i for i in numbered if agrees(name, i) or _loosely_named(name, i)] for name in parts.names}
        # a name no part answers, before one that is answered: a part left out (the names after the last answered
        # one are the report's end — in a truncated copy, the copy's — and the count already says they are missing)
        last = max((n for n, name in enumerate(parts.names) if matched[name]), default=-1)
        unanswered = {n: name for n, name in enumerate(parts.names[:last], start=1) if not matched[name]}
        answered = {  # part → the list position of the name it answers
            id(i): n for n, name in enumerate(parts.names, start=1) for i in matched[name]
        }
        for position, instance in enumerate(numbered, start=1):
            if id(instance) in answered:
                continue
            heading = instance.data.get("heading") or instance.type.title
            # the name listed where this part stands: between the names its neighbours answer, the likest of them
            before = max((answered[id(i)] for i in numbered[: position - 1] if id(i) in answered), default=0)
            after = min(
                (answered[id(i)] for i in numbered[position:] if id(i) in answered), default=len(parts.names) + 1
            )
            gap = [n for n in unanswered if before < n < after]
            name = unanswered.pop(max(gap, key=lambda n: _likeness(heading, unanswered[n])), None) if gap else None
            said = f"与导语所列“{name}”不一致" if name else "不是导语所列的任何一部分"
            problems.append(
                warning(
                    f"{prefix}.part-heading",
                    f"第{chinese_number(position)}部分标题“{heading}”{said}",
                    report.ref(f"{instance.key}.heading" if instance.data.get("heading") else instance.key),
                    expected=name or "、".join(parts.names),
                    found=heading,
                    details={"preamble": parts.keypath},
                )
            )
        if unanswered:
            problems.append(
                warning(
                    f"{prefix}.part-heading",
                    "导语所列" + "、".join(f"“{n}”" for n in unanswered.values()) + "在正文中没有对应的部分",
                    where,
                    expected="、".join(unanswered.values()),
                    found="没有这些部分",
                )
            )
        return problems + _unprinted_names(report, prefix, parts, len(numbered), official)
    for position, (name, instance) in enumerate(zip(parts.names, numbered, strict=False), start=1):
        heading = instance.data.get("heading") or instance.type.title
        if agrees(name, instance):
            continue
        # the part is in the list, elsewhere: the list gives the parts in another order (大竹县朝阳乡 2016: 复议诉讼
        # listed before 收费, printed after it)
        listed_at = next(
            (
                n
                for n, other in enumerate(parts.names, start=1)
                if n != position and (agrees(other, instance) or same_part(other, heading))
            ),
            None,
        )
        said = (
            f"与导语所列“{name}”不一致"
            if listed_at is None
            else f"在导语中列为第{chinese_number(listed_at)}部分：导语所列各部分的次序与正文不同"
        )
        problems.append(
            warning(
                f"{prefix}.part-heading",
                f"第{chinese_number(position)}部分标题“{heading}”{said}",
                report.ref(f"{instance.key}.heading" if instance.data.get("heading") else instance.key),
                expected=name,
                found=heading,
                details={"preamble": parts.keypath},
            )
        )
    problems += _unprinted_names(report, prefix, parts, len(numbered), official)
    return problems


#: a part's name straight after another's end, no mark between them: the shortest run of name characters after
#: 情况/概述 that ends as a name does; 和/及/与/以及/并 there join the names, they do not run them together
_RUN_ON_NAME = re.compile(r"(?<=情况|概述)(?!和|及|与|以及|并)([^、，,；;。：:“”（）()\s]{4,30}?(?:情况|事项|措施))")


def run_together_names(
    report: Report, prefix: str, official: dict[str, tuple[str, ...]] | None = None
) -> list[Problem]:
    """Two part names written as one in the preamble: "现予以公告报告全文总体情况主动公开政府信息情况、……"
    (孝昌县 2020), "由政府信息公开工作概述主动公开政府信息情况等六个部分组成" (梁平区商务局 2016).  A name of the
    format's parts (its numbered sections' titles and ``official`` wordings, compared as :func:`_loosely_named`
    does: 政府信息 and 、和及的 aside) straight after 情况 or 概述 is a second name with its 顿号 left out."""
    from plugins.common.preamble import opening_texts

    titles = [t.title for t in report.host.section_types(report.format.key).values() if t.numbered]
    titles += [name for names in (official or {}).values() for name in names]
    known = {_LOOSE.sub("", _IGNORED.sub("", t)) for t in titles}
    problems = []
    for keypath, text in opening_texts(report):
        for m in _RUN_ON_NAME.finditer(text):
            if _LOOSE.sub("", _IGNORED.sub("", m.group(1))) not in known:
                continue
            before = re.split(r"[、，,；;。：:“”（）()\s]", text[: m.start()])[-1][-8:]
            problems.append(
                warning(
                    f"{prefix}.part-list-punctuation",
                    f"“{before}{m.group(1)}”：部分名称“{m.group(1)}”紧接在前一部分的名称之后，中间缺顿号“、”",
                    report.ref(keypath),
                    expected=f"“{before}、{m.group(1)}”",
                    found=f"“{before}{m.group(1)}”",
                )
            )
    return problems


def left_out_of_list(
    report: Report,
    prefix: str,
    official: dict[str, tuple[str, ...]],
    keywords: dict[str, tuple[str, ...]] | None = None,
) -> list[Problem]:
    """For a format that names its parts (``official``): a list of fewer parts than the format has, each of them
    one of the format's, leaves the others out — "本报告由总体情况，……，存在的主要问题及改进情况五个部分组成"
    without 其他需要报告的事项 (锡山区东港镇 2021).  A name is one of the format's parts when it is one of its
    wordings, or when it holds the words of one part and of no other (``keywords``: "政府信息依申请公开办理情况")."""
    from plugins.common.preamble import listed_parts

    parts = listed_parts(report)
    if parts is None or len(parts.names) >= len(official):
        return []

    def part_of(name: str) -> set[str]:
        name = name.removeprefix("行政机关")
        worded = {key for key, accepted in official.items() if any(same_part(name, a) for a in accepted)}
        return worded or {key for key, words in (keywords or {}).items() if any(w in name for w in words)}

    named = [part_of(name) for name in parts.names]
    matched = set().union(*named)
    if any(len(keys) != 1 for keys in named) or len(matched) != len(parts.names):
        return []  # a name the format does not have (or that could be two): the list is another one
    left_out = "、".join(f"“{accepted[0]}”" for key, accepted in official.items() if key not in matched)
    return [
        warning(
            f"{prefix}.part-list-incomplete",
            f"导语列出的部分少了{left_out}：格式规定年度报告由{chinese_number(len(official))}部分组成",
            report.ref(parts.keypath),
            expected="、".join(accepted[0] for accepted in official.values()),
            found="、".join(parts.names),
        )
    ]


_LABEL = re.compile(r"^附[件表]\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*")


def _as_listed(heading: str) -> str:
    """An unnumbered part's heading without the label it is printed under: "附件1：…统计表" → "…统计表", "附表：" →
    "附表"."""
    rest = _LABEL.sub("", heading).rstrip("：: ")
    return rest or heading.rstrip("：: ")


def _unprinted_names(report: Report, prefix: str, parts: Any, printed: int, official: dict | None) -> list[Problem]:
    """A listed name with no printed part at its position (a truncated copy, a part left out) is compared with
    the format's own part at that position: its official title or a known variant ("行政机关" before a title is
    accepted).  Only when the list names as many parts as the format has, so positions line up."""
    if not official or len(parts.names) != len(official):
        return []
    wrong = []
    for position, (name, accepted) in enumerate(zip(parts.names, official.values(), strict=True), start=1):
        if position <= printed:
            continue  # compared with the printed part above
        if not any(same_part(name.removeprefix("行政机关"), a) for a in accepted):
            wrong.append((position, name, accepted[0]))
    if not wrong:
        return []
    said = "；".join(f"第{chinese_number(n)}部分“{name}”应为“{title}”" for n, name, title in wrong)
    return [
        warning(
            f"{prefix}.part-list-unofficial",
            f"导语所列部分名称不是格式规定的：{said}",
            report.ref(parts.keypath),
            expected="、".join(t for _, _, t in wrong),
            found="、".join(name for _, name, _ in wrong),
        )
    ]
