"""The lists of a report's prose and the numbers of its items — the slips of lists assessors keep finding:

- ``common.enumeration`` — 一是……三是 (skipped) or 一是……一是 (repeated) typed in one paragraph;
- ``common.enumeration-punctuation`` — 一是……；二是……。三是…… (the items of one list ended with ； and 。 mixed);
  and a list of 一是、二是… opened after a ，("主要通过四条途径，一是……", 涵江区卫生局 2011): the words that announce
  the list take a colon (GB/T 15834—2011 §4.8: 冒号 after words that open what follows);
- ``common.typed-label`` — a number typed before a ``points`` entry or an item heading, which the
  compiler numbers itself (it would print twice);
- ``common.typed-number-mark`` — paragraphs typed "1、……" "2、……" (GB/T 9704: "1."), once per list;
- ``common.list-number`` — an inline list whose later number lost or changed its mark ("1.审慎把关……：2加强……");
  a count after a comma ("，2人参加") is not an item number; and paragraphs typed with their own numbers that skip
  or repeat one ("(一)……" "(二)……" "(四)……", 沂水县卫生局 2009);
- ``common.aspect-count`` — "从以下四个方面……" followed by fewer (or more) aspects than it announces: the 一是/二是
  after it, the paragraphs after it, or the items under it (桦甸市夹皮沟镇 2012: four announced, one written);
- ``common.heading-level`` — paragraphs inside a part numbered "一、" "二、", the number of the parts themselves
  (typed, or the items' ``numbering = "一、"``); and a part's items numbered "1." straight under its "一、", the level
  "（一）" skipped;

All are WARNINGs, run by :mod:`plugins.common.checks` with the other editorial checks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from compiler.model.numbering import chinese_number, label, parse_chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import Report, SectionInstance
from plugins.common.texts import narrative_strings

_ENUMERATION = re.compile(r"(?:^|(?<=[。；;，,：:！？!?\s）)”]))([一二三四五六七八九十]{1,3})是")

_RUN_IN_FIRST = re.compile(r"(?<![之唯统第同其单逐万专])一是")

#: a later item run on to the text before it with no mark: "……及时获取关键信息二是依申请公开方面"，"事项0三是"
_GLUED_NEXT = re.compile(r"(?<=[\u4e00-\u9fff\d])([二三四五六七八九十]{1,2})是(?=[\u4e00-\u9fff])")


_TYPED_LABEL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)"
)


def _ordinal(n: int) -> str:
    return "第" + chinese_number(n) + "个"


def enumeration_slips(written: list[int], first: int = 1) -> list[tuple[int, int]]:
    """``(index, expected number)`` of each slip in a sequence of 一是/二是 numbers: one per slip.

    A number that is not its position's is a slip, unless every later number is off by the same amount from
    there on (一是、三是、四是: one slip, "三是" should be "二是", and the rest follow it).  ``first`` is the
    number the sequence should start at (a paragraph continuing the previous paragraph's 一是、二是)."""
    slips: list[tuple[int, int]] = []
    i = 0
    while i < len(written):
        expected = i + first
        if written[i] != expected:
            offset = written[i] - expected
            rest = written[i:]
            if len(rest) > 1 and all(n - (i + first + k) == offset for k, n in enumerate(rest)):
                return [*slips, (i, expected)]  # renumbered from here on: one slip
            slips.append((i, expected))
        i += 1
    return slips


#: what introduces a list: "……但也存在一些问题。一是……", "主要有以下措施：一是……"
_LIST_LEAD = re.compile(r"问题|不足|措施|如下|以下|方面|困难|短板|差距|举措")


def _starts_a_new_list(text: str, m: re.Match[str]) -> bool:
    """A 一是 after a list that has ended, opening the next one (平潭行政审批局 2021's part 五: "……一是……二是……。
    2021年，……但也存在一些问题。一是……二是……"): after a colon, or after a sentence that leads in a list; a 一是
    straight after ；or ， is a slip in the running list."""
    if parse_chinese_number(m.group(1)) != 1 or m.start() == 0:
        return False
    before = text[m.start() - 1]
    if before in "：:":
        return True
    sentence = text[max(text.rfind("。", 0, m.start() - 1), text.rfind("；", 0, m.start() - 1)) + 1 : m.start()]
    return before == "。" and bool(_LIST_LEAD.search(sentence))


def _nested_under(text: str, item: re.Match[str], m: re.Match[str]) -> bool:
    """A 一是 list nested under the item before it, a short heading of its own: "二是突出重点领域信息公开。一是……二是……"
    (平潭自然资源与生态环境局 2019, 2020) — its own list, not the next number of the outer one."""
    between = text[item.end() : m.start()]
    return (
        parse_chinese_number(m.group(1)) == 1
        and between.endswith("。")
        and len(between) <= 24
        and not re.search(r"[，,；;：:]", between)
    )


def _lists_apart(texts: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each paragraph, cut where a second 一是 list begins (:func:`_starts_a_new_list`): each list is numbered on
    its own."""
    for keypath, text in texts:
        matches = [m for m in _ENUMERATION.finditer(text) if parse_chinese_number(m.group(1)) is not None]
        cuts = [
            m.start()
            for i, m in enumerate(matches)
            if (i >= 2 and _starts_a_new_list(text, m)) or (i >= 1 and _nested_under(text, matches[i - 1], m))
        ]
        for start, end in itertools.pairwise([0, *cuts, len(text)]):
            yield keypath, text[start:end]


#: a paragraph that is only an item's head, one short sentence: "二是依申请公开情况。" (its paragraphs follow it)
_ITEM_HEAD = re.compile(r"[^。；;！？!?，,]{2,30}[。：:]?")

#: a short line with no mark of a sentence: a caption or a label printed between the items of a list
_CAPTION = re.compile(r"[^。；;！？!?，,：:]{1,20}")


def enumeration_problems(report: Report) -> list[Problem]:
    """One message per slip, naming the fix: 一是…三是…三是 → "第一个‘三是’应为‘二是’"."""
    problems: list[Problem] = []
    carried: dict[str, int] = {}  # list key path → the last number of its previous paragraph
    # list key path → the number of the last paragraph that is only an item's head ("一是主动公开情况。"): the item's
    # own paragraphs may follow it before the next item opens ("二是依申请公开情况。", 喀左县 2025)
    headed: dict[str, int] = {}
    paragraphs: list[tuple[str, list[int]]] = []  # each paragraph's list numbers, for the 一是 alone
    texts: dict[str, str] = {}
    said_glued: set[str] = set()  # paragraphs whose run-on item is reported where its number seemed to slip
    for keypath, text in _lists_apart(narrative_strings(report)):
        texts[keypath] = texts.get(keypath, "") + text
        found = [(parse_chinese_number(m.group(1)), m.group(0)) for m in _ENUMERATION.finditer(text)]
        found = [(n, w) for n, w in found if n is not None]
        if found and found[0][0] != 1:
            # a run-in heading straight before "一是" ("载体建设一是门户网站……" once the space is gone): the list
            # still starts there, unless the 一 belongs to a word (之一是, 唯一是, 统一是…)
            opening = _RUN_IN_FIRST.search(text, 0, text.find(found[0][1]))
            if opening:
                found.insert(0, (1, "一是"))
        numbers: list[int] = [n for n, _ in found]  # type: ignore[misc]
        paragraphs.append((keypath, numbers))
        parent, _, index_part = keypath.rpartition("[")
        first = 1
        opens = bool(_ENUMERATION.match(text))
        if index_part.endswith("]") and numbers and numbers[0] != 1 and opens:
            if parent in carried:  # "一是……" "二是……" "三是……" as successive paragraphs of one list: the count goes on
                first = carried[parent] + 1
            elif parent in headed:  # … or with the paragraphs of the item before between them
                first = headed[parent] + 1
        if index_part.endswith("]") and numbers:
            if opens and len(numbers) == 1 and _ITEM_HEAD.fullmatch(text.strip()):
                headed[parent] = numbers[-1]
            else:
                headed.pop(parent, None)
        # a picture's caption between "一是……" and "二是……" ("特色专栏截图", 昆明市 2023) leaves the list going on
        caption = not numbers and _CAPTION.fullmatch(text.strip())
        if index_part.endswith("]") and not caption:
            carried[parent] = numbers[-1] if numbers else 0
            if not numbers:
                carried.pop(parent)
        for index, expected in enumeration_slips(numbers, first):
            written = found[index][1]
            nth = sum(1 for _, w in found[: index + 1] if w == written)
            want = f"{chinese_number(expected)}是"
            # the missing number is there, run on to the text before it ("……向社会公布二是及时更新……三是……",
            # 鄂尔多斯市行政审批和政务服务局 2021, held-out round 276): a mark is missing, not a number
            glued = [g for n, g in _glued_items(text) if n == expected]
            if glued:
                problems.append(_run_on(report, keypath, glued[0], want))
                said_glued.add(keypath)
                continue
            problems.append(
                warning(
                    "common.enumeration",
                    f"段落中的列举编号有误：{_ordinal(nth)}“{written}”应为“{want}”",
                    report.ref(keypath),
                    expected=want,
                    found=written,
                )
            )
    said: set[str] = set()
    for i, (keypath, numbers) in enumerate(paragraphs):
        if numbers != [1] or keypath in said:
            continue
        parent = keypath.rpartition("[")[0] if keypath.endswith("]") else ""
        if parent and any(k.rpartition("[")[0] == parent and n and n[0] != 1 for k, n in paragraphs[i + 1 :]):
            continue  # "一是……" going on in a later paragraph of the same list (a slip there is reported there)
        said.add(keypath)
        glued = _glued_items(texts.get(keypath, ""))
        if glued:  # the later items are there, run on to the text before them: a mark is missing, not an item
            shown = "、".join(f"“{g}”" for _, g in glued)
            problems.append(
                warning(
                    "common.enumeration",
                    f"段落中“一是”之后的{shown}紧接着前一句，前面没有标点：列举的各项之间要用句号或分号隔开",
                    report.ref(keypath),
                    expected="……。二是……",
                    found=glued[0][1],
                )
            )
            continue
        problems.append(
            warning(
                "common.enumeration",
                "段落中只有“一是”，没有“二是”：列举至少要有两项；删去“一是”，或补出后面各项",
                report.ref(keypath),
                expected="一是……二是……，或不用“一是”",
                found="一是",
            )
        )
    for keypath, numbers in paragraphs:  # a list in order up to 二是, its next item run on: "……获得感三是做好……"
        if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)) or keypath in said | said_glued:
            continue
        glued = [g for n, g in _glued_items(texts.get(keypath, "")) if n == len(numbers) + 1]
        if glued:
            problems.append(_run_on(report, keypath, glued[0], f"{chinese_number(len(numbers) + 1)}是"))
    return problems


def _run_on(report: Report, keypath: str, shown: str, item: str) -> Problem:
    """An item of a 一是 list run on to the text before it with no mark ("获得感三是"): ``shown`` as the page prints
    it, ``item`` the item's number ("三是")."""
    return warning(
        "common.enumeration",
        f"段落中的“{shown}”紧接着前一句，前面没有标点：列举的各项之间要用句号或分号隔开",
        report.ref(keypath),
        expected=f"……。{item}……",
        found=shown,
    )


#: a list numbered "1是……2是……" (富平县文化和旅游局 2021): the formula takes Chinese numerals
_FIGURE_SHI = re.compile(
    r"(?:^|(?<=[。；;，,：:\s]))1是(?=[\u4e00-\u9fff]).{2,300}?(?<=[。；;，,\s])2是(?=[\u4e00-\u9fff])"
)


def figure_shi_problems(report: Report) -> list[Problem]:
    """ "1是……2是……": once per paragraph, naming the numerals the formula takes."""
    return [
        warning(
            "common.enumeration",
            "列举编号写成了阿拉伯数字“1是”“2是”：这种列举用汉字数字，应为“一是”“二是”",
            report.ref(keypath),
            expected="一是……二是……",
            found="1是……2是……",
        )
        for keypath, text in narrative_strings(report)
        if _FIGURE_SHI.search(text)
    ]


def _glued_items(text: str) -> list[tuple[int, str]]:
    """The items of a paragraph's 一是 list that follow the text before them with no mark, each after the item
    numbered before it, as ``(number, shown)``: the shown text is the item with the two characters before it
    ("信息二是", "获得感三是"), and a count glued before it with its words ("事项0三是"); else []."""
    start = text.find("一是")
    found = [m for m in _GLUED_NEXT.finditer(text, max(start, 0)) if parse_chinese_number(m.group(1)) is not None]
    if start < 0 or not found:
        return []
    # each in order after the item before it: "……二是……获得感三是做好……" (濉溪县 2022) as well as a lone 一是's 二是
    found = [m for m in found if f"{chinese_number(parse_chinese_number(m.group(1)) - 1)}是" in text[start : m.start()]]
    shown: list[tuple[int, str]] = []
    for m in found:
        at = m.start()
        while at > 0 and text[at - 1].isdigit():  # a count before it ("事项0三是") is shown whole, with its words
            at -= 1
        shown.append((parse_chinese_number(m.group(1)), text[max(at - 2, 0) : m.end()]))
    return shown


def _points_as_printed(texts: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each ``points`` list as the paragraph prints it ("一是A；二是B。三是C"), at the list's key path: the points
    are typed one by one, so the punctuation between them is only seen together."""
    lists: dict[str, list[str]] = {}
    for keypath, text in texts:
        head, sep, _ = keypath.rpartition(".points[")
        if sep:
            lists.setdefault(f"{head}.points", []).append(text)
    for keypath, points in lists.items():
        if len(points) >= 3:
            yield keypath, "".join(label("一是", i + 1) + p for i, p in enumerate(points))


def enumeration_punctuation_problems(report: Report) -> list[Problem]:
    """一是……；二是……。三是……: the items of one paragraph's list ended now with ；, now with 。 (GB/T 15834—2011
    §4.6, 分号: 分项列举的各项之间用分号; an item holding a full stop of its own makes every item a sentence).  One
    message per paragraph, naming the odd items."""
    problems: list[Problem] = []
    texts = list(narrative_strings(report))
    for keypath, text in (*texts, *_points_as_printed(texts)):
        found = [m for m in _ENUMERATION.finditer(text) if parse_chinese_number(m.group(1)) is not None]
        if len(found) < 3 or parse_chinese_number(found[0].group(1)) != 1:
            continue
        ends = [(m, text[m.start() - 1]) for m in found[1:] if m.start() > 0]
        marks = {mark for _, mark in ends}
        if not {"；", "。"} <= marks and not {";", "。"} <= marks:
            continue
        inner_stop = any("。" in text[a.end() : b.start() - 1] for a, b in itertools.pairwise(found))
        stops = sum(1 for _, mark in ends if mark == "。")
        semicolons = sum(1 for _, mark in ends if mark in "；;")
        want = "。" if inner_stop or stops > semicolons else "；"
        odd = [m.group(0) for m, mark in ends if mark in "；;。" and (mark == "。") != (want == "。")]
        named = "".join(f"“{w}”" for w in odd)
        said = "都用句号（有的一项里面已有句号）" if inner_stop else "都用句号" if want == "。" else "都用分号"
        problems.append(
            warning(
                "common.enumeration-punctuation",
                f"段落中的列举项之间分号、句号混用：{named}前面的标点与其他各项不同，应{said}",
                report.ref(keypath),
                expected=f"各项之间{'句号' if want == '。' else '分号'}",
                found="分号、句号混用",
            )
        )
    return problems


#: the words that announce a list, then ，and its 一是: "主要通过四条途径,一是……" — the 二是 must follow
_LIST_AFTER_COMMA = re.compile(r"(?P<lead>[^，,。；;：:！？!?\s]{2,16})[，,]\s*一是(?=[^。]*?二是|.*?[。；;]\s*二是)")


def list_opening_problems(report: Report) -> list[Problem]:
    """A list of 一是、二是… opened after a ，: the words before it announce the list and take a colon.  Once per
    paragraph."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        m = _LIST_AFTER_COMMA.search(text)
        if m is None:
            continue
        problems.append(
            warning(
                "common.enumeration-punctuation",
                f"“{m['lead']}，一是”：引出“一是、二是……”列举的话后面应用冒号，不用逗号（GB/T 15834—2011 第4.8条）",
                report.ref(keypath),
                expected=f"“{m['lead']}：一是”",
                found=f"“{m.group(0).strip()}”",
            )
        )
    return problems


#: an inline list numbered in Arabic figures: "1.审慎把关……；2.加强……" — each number at a clause's start
_FIRST_FIGURE = re.compile(r"(?:^|(?<=[。；;：:，,\s]))1(?P<mark>[.．、])(?=[\u4e00-\u9fff])")

#: the next number, with its mark or without one — but "，2人参加" is a count, not item 2
_NEXT_FIGURE = (
    r"(?:^|(?<=[。；;：:，,\s])){n}(?:(?P<mark>[.．、])|(?![人件条个次项名家篇期批场户万亿元年月日天时分号倍])(?P<bare>))"
    r"(?=[\u4e00-\u9fff])"
)

#: items 2–9, compiled once
_NEXT_FIGURES = tuple(re.compile(_NEXT_FIGURE.format(n=n)) for n in range(2, 10))


def list_number_problems(report: Report) -> list[Problem]:
    """An inline list whose later number lost or changed its mark: "1.审慎把关……：2加强……" (2.), or whose items are
    separated by a colon (the "：" before "2")."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for first in _FIRST_FIGURE.finditer(text):
            mark, at = first["mark"], first.end()
            for n, following in enumerate(_NEXT_FIGURES, start=2):
                m = following.search(text, at)
                if m is None:
                    break
                at = m.end()
                if m.start() > 0 and text[m.start() - 1] in "：:":  # the item before it ends on a colon
                    problems.append(
                        warning(
                            "common.list-number",
                            f"列举的第{n - 1}项与第{n}项之间用了冒号：“…{text[max(0, m.start() - 8) : m.end() + 4]}…”；"
                            "并列的各项之间用分号（或句号）",
                            report.ref(keypath),
                            expected="“；”",
                            found="“：”",
                        )
                    )
                if (m["mark"] or "") != mark:
                    typed = f"{n}{m['mark'] or ''}"
                    problems.append(
                        warning(
                            "common.list-number",
                            f"列举的序号“{typed}”与前面的“1{mark}”写法不一致："
                            f"“…{text[max(0, m.start() - 6) : m.end() + 4]}…”",
                            report.ref(keypath),
                            expected=f"{n}{mark}",
                            found=typed,
                        )
                    )
    return problems


def typed_label_problems(report: Report) -> list[Problem]:
    """``points`` and item headings are numbered by the compiler; a typed number would print twice."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        leaf = keypath.rsplit(".", 1)[-1]
        is_item_heading = leaf == "heading" and ".items[" in keypath
        if not (leaf.startswith("points[") or is_item_heading):
            continue
        m = _TYPED_LABEL.match(text)
        if m:
            problems.append(
                warning(
                    "common.typed-label",
                    f"编号由位置自动生成，这里又手写了“{m.group(0).strip()}”，会重复出现",
                    report.ref(keypath),
                    found=m.group(0).strip(),
                )
            )
    return problems


_TYPED_FIGURE_COMMA = re.compile(r"^\s*(\d{1,2})、(?=[\u4e00-\u9fff“《])")


def _inline_comma_list(text: str) -> str | None:
    """ "1、……；2、……" inside a paragraph: the first two numbers as typed, or ``None``."""
    for first in _FIRST_FIGURE.finditer(text):
        if first["mark"] != "、" or first.start() == 0:
            continue
        second = _NEXT_FIGURES[0].search(text, first.end())
        if second is not None and second["mark"] == "、":
            return "1、……2、"
    return None


def typed_number_mark_problems(report: Report) -> list[Problem]:
    """Paragraphs typed as a list "1、……" "2、……": GB/T 9704—2012 §7.3.3 numbers the third level "1." — one
    warning per list of paragraphs (the generated numbering of items is ``input.numbering-variant``'s)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        leaf = keypath.rsplit(".", 1)[-1]
        if not leaf.startswith("text"):
            continue
        m = _TYPED_FIGURE_COMMA.match(text)
        parent = keypath.rsplit("[", 1)[0] if leaf.endswith("]") else keypath
        if m is None and (inline := _inline_comma_list(text)):  # "……有:1、……;2、……" (洛江区红山乡 2011)
            problems.append(
                warning(
                    "common.typed-number-mark",
                    f"列举序号“{inline}”：阿拉伯数字序号后用下脚点“1.”，不用顿号（GB/T 9704—2012 第7.3.3条）",
                    report.ref(keypath),
                    expected="“1.”",
                    found="“1、”",
                )
            )
            continue
        if m is None or parent in seen:
            continue
        seen.add(parent)
        problems.append(
            warning(
                "common.typed-number-mark",
                f"段首序号“{m.group(1)}、”：公文第三层序号是阿拉伯数字加下脚点“{m.group(1)}.”"
                "（GB/T 9704—2012 第7.3.3条）",
                report.ref(keypath),
                expected=f"“{m.group(1)}.”",
                found=f"“{m.group(1)}、”",
            )
        )
    return problems


#: a number typed at the start of a paragraph: （一）/(一) or 1./1．/1、 — the kind and the value
_PARAGRAPH_NUMBER = re.compile(r"^\s*(?:[（(](?P<cn>[一二三四五六七八九十]{1,3})[)）]|(?P<fig>\d{1,2})[.．、](?!\d))")


def typed_sequence_problems(report: Report) -> list[Problem]:
    """Paragraphs of one part typed with their own numbers ("(一)信息公开形式" "(二)……" "(四)……") where a number is
    skipped or said twice, or a run that begins at "(二)" (通海县河西镇 2023: "主动公开情况" then "(二)依申请公开情况"):
    one warning per slip, naming the number expected.  A paragraph numbered 1 (（一）) opens a new list; the two
    kinds of number are followed apart."""
    problems: list[Problem] = []
    paragraphs: dict[str, list[tuple[str, str]]] = {}
    for keypath, text in narrative_strings(report):
        leaf = keypath.rsplit(".", 1)[-1]
        if leaf.startswith(("text", "after")):
            parent = keypath.rsplit(".", 1)[0]  # a part's text and after are one run of paragraphs
            paragraphs.setdefault(parent, []).append((keypath, text))
    for texts in paragraphs.values():
        last: dict[str, int] = {}
        for keypath, text in texts:
            m = _PARAGRAPH_NUMBER.match(text)
            if m is None:
                continue
            kind = "cn" if m["cn"] else "fig"
            n = parse_chinese_number(m["cn"]) if m["cn"] else int(m["fig"])
            if n == 1:
                last[kind] = n
                continue
            expected = last[kind] + 1 if kind in last else 1  # the run's first number is 1: "(二)" after no "(一)"
            if n != expected:
                shown = f"（{chinese_number(expected)}）" if kind == "cn" else str(expected)
                typed = m.group(0).strip()
                said = "跳过了" if n > expected else "重复或倒退了"
                before = f"前一段是第{last[kind]}项" if kind in last else "前面没有第1项"
                problems.append(
                    warning(
                        "common.list-number",
                        f"段首序号“{typed}”{said}：{before}，这里应为“{shown}”",
                        report.ref(keypath),
                        expected=shown,
                        found=typed,
                    )
                )
            last[kind] = n
    return problems


#: a paragraph typed with the number of a part: "二、建立健全工作制度。" inside 一、概述
_PART_LEVEL_NUMBER = re.compile(r"^\s*(?P<n>[一二三四五六七八九十]{1,3})、(?=[\u4e00-\u9fff《“])")


def part_level_number_problems(report: Report) -> list[Problem]:
    """Paragraphs inside a part numbered "一、" "二、" — the number the parts themselves carry (厦门市集美区经济贸易
    发展局 2010: "一、概述" holding "一、健全完善工作机制。" "二、建立健全工作制度。"): the reader cannot tell a
    sub-item from the next part (GB/T 9704 §7.3.3: the second level is "（一）").  One warning per part, on its
    first such paragraph."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        part = keypath.split(".", 1)[0]
        leaf = keypath.rsplit(".", 1)[-1]
        if part in seen or part in ("preamble", "report") or not leaf.startswith(("text", "after")):
            continue
        m = _PART_LEVEL_NUMBER.match(text)
        if m is None or parse_chinese_number(m["n"]) is None:
            continue
        seen.add(part)
        typed = f"{m['n']}、"
        want = f"（{m['n']}）"
        problems.append(
            warning(
                "common.heading-level",
                f"部分里的段落以“{typed}”开头：这是部分一级的序号，分项用第二层序号“{want}”"
                "（GB/T 9704—2012 第7.3.3条）",
                report.ref(keypath),
                expected=want,
                found=typed,
            )
        )
    return problems


#: the numbering styles of the third and fourth levels ("1." and "（1）", with the variants a report may print)
_THIRD_LEVEL = ("1.", "1、", "1．", "（1）", "(1)")


def skipped_level_problems(report: Report) -> list[Problem]:
    """The items of a numbered part numbered "1." (or "（1）") straight under its "一、": the second level "（一）" is
    skipped (GB/T 9704—2012 §7.3.3: 一、（一）1.（1）; 过风楼镇 2022, 望城坡街道 2015); or numbered "一、" again, the
    parts' own level (嵊州市 2012: "一、概述" holding "一、政府信息公开工作情况。" "二、……").  One warning per part.
    Also the items of a sub-part or an item numbered "一、" (阚疃镇 2024, held-out round 274: "（三）政府信息管理情况"
    holding "一、完善信息管理制度:" "二、加强信息分类整理:"): the first level under the third."""
    problems: list[Problem] = []
    for instance in report.sections:
        numbering = instance.data.get("numbering")
        if instance.type.numbered:
            problems += _part_numbers_below(report, instance.data, instance.key)
        if not instance.type.numbered or not instance.data.get("items"):
            continue
        if numbering == "一、":
            said = (
                "部分之下的分项又编为“一、”“二、”：这是部分一级的序号，读者分不清分项和下一部分；分项用第二层序号"
                "“（一）”（GB/T 9704—2012 第7.3.3条）"
            )
        elif numbering in _THIRD_LEVEL:
            said = (
                f"部分之下的分项直接编为“{numbering}”，跳过了第二层“（一）”（GB/T 9704—2012 第7.3.3条："
                "一、（一）1.（1））"
            )
        else:
            continue
        problems.append(
            warning(
                "common.heading-level",
                said,
                report.ref(f"{instance.key}.numbering"),
                expected="（一）",
                found=numbering,
            )
        )
    return problems


def _part_numbers_below(report: Report, data: Mapping[str, Any], keypath: str) -> list[Problem]:
    """The lists below a part's own (a sub-part's, an item's) numbered "一、": one warning for the first."""
    for path, owner in _item_owners(data, keypath):
        if path != keypath and owner.get("numbering") == "一、":
            said = (
                "分项之下的小项又编为“一、”“二、”：这是部分一级的序号，读者分不清小项和下一部分；"
                "第三层用“1.”（GB/T 9704—2012 第7.3.3条：一、（一）1.（1））"
            )
            where = report.ref(f"{path}.numbering")
            return [warning("common.heading-level", said, where, expected="1.", found="一、")]
    return []


def _item_owners(value: object, keypath: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every table of the report's parts that holds a non-empty ``items`` list (``value`` itself first, if it does),
    with its key path, depth first in the order written."""
    if isinstance(value, Mapping):
        if isinstance(value.get("items"), list) and value["items"]:
            yield keypath, value
        for key, sub in value.items():
            yield from _item_owners(sub, f"{keypath}.{key}" if keypath else str(key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _item_owners(sub, f"{keypath}[{i}]")


def _opening(item: object) -> str:
    text = item.get("text") if isinstance(item, dict) else None
    first = text[0] if isinstance(text, list) and text else text
    return first if isinstance(first, str) else ""


def numbered_shi_problems(report: Report) -> list[Problem]:
    """Numbered items whose text opens on 是 with no heading of their own — printed "(一)是深入贯彻执行《条例》，……"
    "(二)是健全各项工作制度。" (揭东区公路局 2015): the item numbers and the 一是/二是 way of listing mixed.  One
    warning per list."""
    problems: list[Problem] = []
    for section, data in ((s.key, s.data) for s in report.sections):
        for owner_path, owner in _item_owners(data, section):
            path, items = f"{owner_path}.items", owner["items"]
            shi = [
                i
                for i, it in enumerate(items)
                if isinstance(it, dict) and not it.get("heading") and _opening(it).startswith("是")
            ]
            if len(shi) >= 2:
                problems.append(
                    warning(
                        "common.enumeration",
                        "分项序号后接“是……”（印作“（一）是……”“（二）是……”）：序号和“一是、二是”两种列举方式混在一起；"
                        "用“（一）……”或“一是……”其中一种",
                        report.ref(f"{path}[{shi[0]}].text"),
                        expected="（一）……，或一是……",
                        found="（一）是……",
                    )
                )
    return problems


def _lone_items(items: list, keypath: str, followed: bool) -> Iterator[tuple[str, object]]:
    """Lists of one numbered item that something printed after them shows to be whole — the item's key path and the
    item: ``followed`` says whether anything of the same level comes after the list's owner (a cut copy may end
    after a list's first item)."""
    if len(items) == 1 and followed:
        yield f"{keypath}[0]", items[0]
    for i, item in enumerate(items):
        sub = item.get("items") if isinstance(item, dict) else None
        if isinstance(sub, list) and sub:
            yield from _lone_items(sub, f"{keypath}[{i}].items", i < len(items) - 1)


def _headed_tables(section: SectionInstance) -> bool:
    """Whether the section has sub-sections of its own that are numbered beside its ``items`` (a format's customary
    sub-items, each a table with its own heading: gb2021's [overview.active] …)."""
    return any(
        f.kind == "table" and isinstance(section.data.get(f.name), dict) and any(g.name == "heading" for g in f.fields)
        for f in section.type.schema.fields
    )


def lone_item_problems(report: Report) -> list[Problem]:
    """A part (or item) with one numbered sub-item and no second — "一、总体情况" holding "（一）政府信息公开情况" and
    then "二、主动公开政府信息情况" (通榆县团结乡 2020): a level of numbering with one member numbers nothing, or the
    others were left out.  Only where the next part (or item) is printed, so a copy cut after its first item is not
    read as one."""
    numbered = [s for s in report.sections if s.type.numbered and s.data]
    problems: list[Problem] = []
    for n, section in enumerate(numbered):
        items = section.data.get("items")
        if not isinstance(items, list) or not items or _headed_tables(section):
            continue
        for keypath, item in _lone_items(items, f"{section.key}.items", n < len(numbered) - 1):
            heading = item.get("heading") if isinstance(item, dict) else None
            named = f"分项“{heading}”" if isinstance(heading, str) and heading else "这个分项"
            problems.append(
                warning(
                    "common.lone-item",
                    f"{named}是这一层唯一的一项（有“（一）”没有“（二）”，或有“1.”没有“2.”）：只有一项的不必编号；"
                    "若还有别的分项，是漏写了",
                    report.ref(keypath),
                    expected="两项以上才编号",
                    found="只有一项",
                )
            )
    return problems


#: a count of aspects announced for what follows: "从以下四个方面……", "抓好以下两个方面工作：", "做好三个方面工作：一是"
_ANNOUNCED = re.compile(
    r"(?:以下|如下)(?P<a>[一二三四五六七八九十两\d]{1,3})个?(?:方面|点)"
    r"|(?P<b>[一二三四五六七八九十两\d]{1,3})个?(?:方面|点)[^，,。；;：:]{0,12}[：:]"
)


def _paragraphs(block: dict) -> list[str]:
    text = block.get("text")
    return [text] if isinstance(text, str) else [p for p in text or [] if isinstance(p, str)]


def _aspects_after(paragraphs: list[str], i: int, announcement: re.Match[str], block: dict) -> tuple[int, str] | None:
    """How many aspects follow an announcement in paragraph ``i``, and how they are written:
    the 一是/二是 after it in its paragraph; else, when the paragraph ends there, the 一是… of the paragraphs after
    it, the paragraphs after it, or the block's ``points`` or ``items``.  None when the sentence goes on (the count
    is not of what follows)."""
    rest = paragraphs[i][announcement.end() :]
    shi = {m.group(1) for m in _ENUMERATION.finditer(rest)}
    if shi:
        return len(shi), "“一是……”"
    # "从以下四个方面进行了……工作。": what follows comes after the sentence's 。 or ：
    if not announcement.group(0).endswith(("：", ":")):
        if not re.search(r"[。：:]", rest):
            return None
        rest = re.split(r"[。：:]", rest, maxsplit=1)[-1]
    if re.search(r"[\u4e00-\u9fff]", rest):  # the paragraph goes on, and not with 一是……
        return None
    later = paragraphs[i + 1 :]
    if later:
        shi = {m.group(1) for m in _ENUMERATION.finditer("".join(later))}
        return (len(shi), "“一是……”") if shi else (len(later), "段")
    for key, word in (("points", "项"), ("items", "个分项")):
        listed = block.get(key)
        if isinstance(listed, list) and listed:
            return len(listed), word
    return None


def _blocks(block: dict, keypath: str, followed: bool) -> Iterator[tuple[dict, str, bool]]:
    """A part's blocks (the part, its items, theirs …) with their key paths, and whether anything of the same level
    or above is printed after each (a stored copy may be cut in the middle of a list)."""
    yield block, keypath, followed
    items = block.get("items")
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield from _blocks(item, f"{keypath}.items[{i}]", followed or i < len(items) - 1)


def aspect_count_problems(report: Report) -> list[Problem]:
    """An announced number of aspects that what follows does not have: "2012年，我镇主要从以下四个方面进行了……工作。"
    and then one paragraph before the next item (桦甸市夹皮沟镇 2012).  Fewer are reported only when something is
    printed after the list (a cut copy may stop inside it)."""
    problems: list[Problem] = []
    printed = [s for s in report.sections if s.data]
    for n, section in enumerate(printed):
        for block, keypath, followed in _blocks(section.data, section.key, n < len(printed) - 1):
            paragraphs = _paragraphs(block)
            for i, paragraph in enumerate(paragraphs):
                for m in _ANNOUNCED.finditer(paragraph):
                    said = m.group("a") or m.group("b")
                    announced = parse_chinese_number(said.replace("两", "二"))
                    found = _aspects_after(paragraphs, i, m, block)
                    if announced is None or found is None or found[0] == announced:
                        continue
                    if found[0] < announced and not followed:  # a cut copy may stop inside the list
                        continue
                    count, how = found
                    written = f"{count}{how}" if how in ("段", "项", "个分项") else f"{count}个{how}"
                    problems.append(
                        warning(
                            "common.aspect-count",
                            f"“{m.group(0).rstrip('：:')}”，其后写了{written}：说的数目和写出的不一致；"
                            "补齐所缺的方面，或改正数目",
                            report.ref(f"{keypath}.text" if len(paragraphs) == 1 else f"{keypath}.text[{i}]"),
                            expected=f"{announced}个方面",
                            found=count,
                        )
                    )
    return problems
