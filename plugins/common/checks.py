"""Report-wide editorial checks for every format: the slips assessors keep finding in published reports.

Each rule reads the text as the author typed it (before ``{references}`` are replaced), so a problem points
at the key and line to fix:

- ``common.placeholder`` — template fill-ins left in: ××, XX, 【 】, "本级政府（本部门）";
- ``common.enumeration`` — 一是……三是 (skipped) or 一是……一是 (repeated) typed in one paragraph;
- ``common.enumeration-punctuation`` — 一是……；二是……。三是…… (the items of one list ended with ； and 。 mixed);
- ``common.typed-label`` — a number typed before a ``points`` entry or an item heading, which the
  compiler numbers itself (it would print twice);
- ``common.typed-number-mark`` — paragraphs typed "1、……" "2、……" (GB/T 9704: "1."), once per list;
- ``common.doubled-punctuation`` — "，，", "。。", "；；"…, and two clause marks in a row ("，；", "。，");
- ``common.approx-number`` — "余" after a number with decimals ("10.89余万") or after an exact count ("877余篇"):
  approximate and exact at once;
- ``common.malformed-date`` — a year run into its month or day ("20201月1日", "2025111231日"): 年 (and 月) lost;
- ``common.misused-word`` — a common miswriting from the table in ``miswritings.toml`` (see
  :mod:`plugins.common.miswritings`; each entry with its reason and an example the tests run):
  做为 → 作为, 截止目前 → 截至目前, 残差不齐 → 参差不齐, 登陆 → 登录 before 网站/系统….
  Pairs where both forms are accepted (其它/其他, 截止/截至 before a date) are left out on purpose.
  Beside them, truncated fixed terms of this closed vocabulary: a term's first n−1 characters followed by
  anything but its last one ("受理渠。" for 受理渠道); only terms whose n−1 prefix is not itself a word
  (信息处理费 is left out: 信息处理 is one);
- ``common.doubled-adverb`` — 均, 都, 已 or 均已 twice in one clause (between two punctuation marks): "均在规定期限内
  办结均实现100%办结"; 平均, 首都, 而已… are not adverbs and are not counted;
- ``common.count-without-unit`` — a count written after 数量/总数/总量 with no measure word or unit ("发布的信息数量304
  利用本镇微信公众号…"): the reader cannot tell 304 of what, and the run-on hides where the sentence ends.  Only
  a number right after those nouns (or after 为/达/达到/共/共计/累计/是) is read, so 12345热线, 第3季度 and
  2025年 are never in question; a number followed by a measure word, 万/亿, %, a Latin unit or another digit is fine;
- ``common.format-year`` — the report year is outside the years its format was in force for (each format declares
  them: legacy 2008–2018, the 2019 trial format 2019–2020, the 2021 format from 2021): a 2022 report printed
  with the 2019 tables, a 2020 report in the 2021 format;
- ``common.missing-number`` — one item of a list of counts with no number before its unit ("核准企业资质条、
  施工许可证76条、排水许可证5条"): at least two other items of the same 、-separated run carry "N条", and this
  one ends in 条 straight after a word (not after a numeral such as 一、两、各, nor as a noun: 文件, 事项…);
- ``common.unbalanced-bracket`` — （）《》〈〉〔〕【】 not paired within a paragraph (a doubled 《《 is left to
  common.doubled-punctuation);
- ``common.doubled-word`` — a two-character word or 的 typed twice ("审核审核", "的的"; 目的的, 的的确确 are fine), or a
  phrase pasted twice (eight characters or more straight after themselves, or the same item twice in a 、-list);
- ``common.word-order`` — a share written "2.04%占" for 占2.04%;
- ``common.list-number`` — an inline list whose later number lost or changed its mark ("1.审慎把关……：2加强……");
  a count after a comma ("，2人参加") is not an item number;
- ``common.heading-punctuation`` — a part heading typed with a closing 。，；、 ("……存在的主要问题及改进情况。");
  item headings, printed run in before their text, are not in question;
- ``common.heading-punctuation`` also reads run-in item headings: one without the mark its siblings close with;
- ``common.doubled-lead-in`` — the 导语 saying twice that the report follows ("……报告如下:" … "……汇报如下:");
- ``common.letter-closing`` — a paragraph that is only a 函's closing ("此函", "特此函告", "此复");
- ``common.list-separators`` (also in :mod:`plugins.common.prose`) — a run of 《》 titles joined by 、 and by ，;
- ``common.unterminated-paragraph`` — a paragraph that is a sentence (a ，or ；inside, or 20 characters or more)
  but ends without 。！？；：…… (a closing quote or bracket counts only with the 句号 inside it, "……。）"): the last
  sentence was cut off or its 句号 lost.
  Headings and short phrases (an organ's name on its own line) are not sentences and are not read; a part
  answered in a word ("无", "无其他需要报告的事项") is a sentence and takes its 句号.

Who the report is by — another organ's or place's text, the signed name, the organ's own name, the deadline — is
checked in :mod:`plugins.common.organs`; how it cites — titles and their abbreviations, telephone numbers, web
addresses — in :mod:`plugins.common.citations`; slips of written grammar in :mod:`plugins.common.grammar`.

All are WARNINGs: a human decides, the build is not stopped (``--strict`` makes them stop it).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.narrative import iter_texts
from compiler.model.numbering import chinese_number, label, parse_chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import CORE_SCHEMA, Report
from plugins.common import miswritings

_PLACEHOLDERS = re.compile(
    r"×{2,}|(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])|【[^】]{0,20}】"
    r"|本(?:级政府|地区|机关|行政机关)[（(]本?(?:部门|单位|机关)[)）]"
)
_ENUMERATION = re.compile(r"(?:^|(?<=[。；;，,：:！？!?\s）)”]))([一二三四五六七八九十]{1,3})是")
_RUN_IN_FIRST = re.compile(r"(?<![之唯统第同其单逐万专])一是")
_TYPED_LABEL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)"
)
# one mark typed twice, or two of the marks that close a clause typed one after the other ("63.2%，；压缩")
_DOUBLED = re.compile(r"[，,。；;、：:]{2,}|《{2,}|》{2,}")
_APPROX = re.compile(r"(\d+\.\d+)余([万亿]?)")
_RUN_DATE = re.compile(r"(?<![\d.])(?:19|20)\d{2}\d{1,6}[月日]")
FIXED_TERMS = ("受理渠道", "政府信息公开", "依申请公开", "主动公开", "行政复议", "行政诉讼", "政务公开", "信息公开指南")
#: Words a term's prefix goes on into that are not the term cut short: 公布/公示/公告 after 主动、政府信息、政务
#: (平潭综合实验区 2020: "主动公布……"; "政府信息公示") are words of their own
_GOES_ON = {t: "布示告" for t in FIXED_TERMS if t.endswith("公开")}
_TRUNCATED = re.compile(
    "|".join(f"{re.escape(t[:-1])}(?![{re.escape(t[-1]) + _GOES_ON.get(t, '')}])" for t in FIXED_TERMS)
)
_REFERENCE = re.compile(r"\{[^{}]*\}")
_CLAUSE = re.compile(r"[^，,。；;：:！!？?、\n（）()“”]+")
# 均/都/已 as adverbs; the same character inside another word (平均、均衡、首都、都市、而已、已知…) is not counted
# measure words and units a count may carry (量词 of GB/T 15835's usage and the units reports print)
MEASURE_WORDS = (
    "件条个次篇期份项人家户场批类部本册名位元角万亿千百张幅处座台套所组则卷"
    "天日月年周时分秒倍号届轮版页字例宗起笔株亩米吨辆间栋"
)
_BARE_COUNT = re.compile(
    rf"(数量|总数|总量)(为|达到?|共计?|累计|是)?(\d+(?:\.\d+)?)(?![\d.．%％‰A-Za-z{MEASURE_WORDS}])"
)
_SENTENCE_INSIDE = re.compile(r"[，,；;]")
SENTENCE_LENGTH = 20  # a paragraph this long is a sentence even with no ，inside; a name on its own line is shorter
_ATTACHMENT_LABEL = re.compile(r"附[件表]\s*[0-9０-９一二三四五六七八九十]*\s*[：:]\s*[^，。；,;]*$")
# a closing quote or bracket ends a paragraph only with the sentence's own mark inside it ("……公开。”", "（……。）")
# or as a note after a finished sentence ("……联系。（地址：……）"); a bracket or quote opened inside the sentence —
# "……联系(联系地址，……传真:0591-23163257)", "……做到“应公开尽公开”" — still wants the 句号 after it (GB/T 15834-2011
# §4.1, §4.9.3)
_TERMINATED = re.compile(r"(?:[。！？!?；;：:…—]|[。！？!?…][”’）)」』》]+)\s*$")
_NOTE_AFTER_SENTENCE = re.compile(r"[。！？!?]\s*[（(][^（()）]*[）)]\s*$")
_ADVERB = re.compile(r"均已|(?<![平])均(?![衡匀等值])|(?<![首成京古])都(?![市会城])|(?<![而不得])已(?![知])")


def strings(value: Any, keypath: str) -> Iterator[tuple[str, str]]:
    """Every string in a TOML value with its key path."""
    if isinstance(value, str):
        yield keypath, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from strings(v, f"{keypath}.{k}" if keypath else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{keypath}[{i}]")


def section_strings(report: Report) -> Iterator[tuple[str, str]]:
    """Every string of every section table (the core's own keys such as ``style`` or ``plugins`` excluded)."""
    core = set(CORE_SCHEMA.names())
    for key, value in report.data.items():
        if key not in core and isinstance(value, Mapping):
            yield from strings(value, key)


def narrative_strings(report: Report) -> Iterator[tuple[str, str]]:
    """Every prose string of every section, sub-tables included (the 2021 总体情况's 小节 [overview.active]…)."""

    def walk(data: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
        for sub, text in iter_texts(data):
            yield f"{prefix}.{sub}", text
        for key, value in data.items():
            if isinstance(value, Mapping) and key != "items":
                yield from walk(value, f"{prefix}.{key}")

    for instance in report.sections:
        yield from walk(instance.data, instance.key)


def typed_table_strings(report: Report) -> Iterator[tuple[str, str]]:
    """The words of every table typed as printed — a legacy 附表 (``tables.printed``), a part's own table
    (``<part>.tables``): captions, header cells and row labels (cells that are text), for the checks that read
    words wherever they are printed ("行政复试数" in a 统计表, an organ's name in a table's caption)."""
    from compiler.model.schema import table_rows

    for instance in report.sections:
        for key, tables in instance.data.items():  # any list of tables with a header or rows
            if not isinstance(tables, list):
                continue
            for i, table in enumerate(tables):
                if not isinstance(table, Mapping) or not ("header" in table or "rows" in table):
                    continue
                where = f"{instance.key}.{key}[{i}]"
                if isinstance(table.get("caption"), str):
                    yield f"{where}.caption", table["caption"]
                for part in ("header", "rows"):
                    for r, row in enumerate(table_rows(table.get(part))):
                        for c, cell in enumerate(row):
                            if isinstance(cell, str) and cell.strip():
                                yield f"{where}.{part}[{r}][{c}]", cell


def placeholder_problems(report: Report) -> list[Problem]:
    return [
        warning(
            "common.placeholder",
            f"疑似模板占位文字未替换：“{m.group(0)}”",
            report.ref(keypath),
            expected="具体的机关名称或内容",
            found=m.group(0),
        )
        for keypath, text in section_strings(report)
        for m in _PLACEHOLDERS.finditer(text)
    ]


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


def enumeration_problems(report: Report) -> list[Problem]:
    """One message per slip, naming the fix: 一是…三是…三是 → "第一个‘三是’应为‘二是’"."""
    problems: list[Problem] = []
    carried: dict[str, int] = {}  # list key path → the last number of its previous paragraph
    for keypath, text in _lists_apart(narrative_strings(report)):
        found = [(parse_chinese_number(m.group(1)), m.group(0)) for m in _ENUMERATION.finditer(text)]
        found = [(n, w) for n, w in found if n is not None]
        if found and found[0][0] != 1:
            # a run-in heading straight before "一是" ("载体建设一是门户网站……" once the space is gone): the list
            # still starts there, unless the 一 belongs to a word (之一是, 唯一是, 统一是…)
            opening = _RUN_IN_FIRST.search(text, 0, text.find(found[0][1]))
            if opening:
                found.insert(0, (1, "一是"))
        numbers: list[int] = [n for n, _ in found]  # type: ignore[misc]
        parent, _, index_part = keypath.rpartition("[")
        first = 1
        if index_part.endswith("]") and parent in carried and numbers and numbers[0] != 1 and _ENUMERATION.match(text):
            # "一是……" "二是……" "三是……" as successive paragraphs of one list: the count goes on
            first = carried[parent] + 1
        if index_part.endswith("]"):
            carried[parent] = numbers[-1] if numbers else 0
            if not numbers:
                carried.pop(parent)
        for index, expected in enumeration_slips(numbers, first):
            written = found[index][1]
            nth = sum(1 for _, w in found[: index + 1] if w == written)
            want = f"{chinese_number(expected)}是"
            problems.append(
                warning(
                    "common.enumeration",
                    f"段落中的列举编号有误：{_ordinal(nth)}“{written}”应为“{want}”",
                    report.ref(keypath),
                    expected=want,
                    found=written,
                )
            )
    return problems


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


def punctuation_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, text in section_strings(report):
        for m in _DOUBLED.finditer(text):
            marks = m.group(0)
            same = len(set(marks)) == 1
            problems.append(
                warning(
                    "common.doubled-punctuation",
                    f"标点重复：“{marks}”" if same else f"标点连用：“{marks}”，两个标点只能留一个",
                    report.ref(keypath),
                    expected=f"“{marks[0]}”" if same else "“" + "”或“".join(dict.fromkeys(marks)) + "”",
                    found=f"“{marks}”",
                )
            )
    return problems


def approximate_number_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        problems += [
            warning(
                "common.approx-number",
                f"“{m.group(0)}”：带小数的数字后又加“余”，既精确又约略；“余”也应在“万”之后（如“4.13万余”）",
                report.ref(keypath),
                expected=f"“{m.group(1)}{m.group(2)}”",
                found=f"“{m.group(0)}”",
            )
            for m in _APPROX.finditer(text)
        ]
        problems += [
            warning(
                "common.approx-number",
                f"“{m.group(0)}”：{m['n']}不是整数位的约数，后面又加“余”，既精确又约略；"
                f"“余”只跟在整十、整百这样的约数后面（如“{_round_down(m['n'])}余{m['u']}”）",
                report.ref(keypath),
                expected=f"“{m['n']}{m['u']}”或“{_round_down(m['n'])}余{m['u']}”",
                found=f"“{m.group(0)}”",
            )
            for m in _EXACT_YU.finditer(text)
        ]
    return problems


#: an exact count with 余 after it: "877余篇", "205余条" (平潭海坛片区 2023, 苏平片区 2020) — 余 follows round numbers
_EXACT_YU = re.compile(r"(?<![\d.])(?P<n>[1-9]\d*[1-9])余(?P<u>[条篇件个次人份处场期项家])")


def _round_down(number: str) -> str:
    """The round number an approximate count is said with: 877 → 800, 68 → 60, 205 → 200."""
    return number[0] + "0" * (len(number) - 1)


def malformed_date_problems(report: Report) -> list[Problem]:
    """A four-digit year with the month or day run into it, no 年 between: "20201月1日" reads as the number 20201."""
    return [
        warning(
            "common.malformed-date",
            f"日期“{m.group(0)}”中年份与月、日连在一起，缺少“年”（或“月”）",
            report.ref(keypath),
            expected=f"“{m.group(0)[:4]}年…”",
            found=f"“{m.group(0)}”",
        )
        for keypath, text in narrative_strings(report)
        for m in _RUN_DATE.finditer(text)
    ]


_CLAUSE_MARK = re.compile(r"[，,。；;：:、！？!?“”‘’《》（）()\s]")


def _clause_around(text: str, start: int, end: int, reach: int = 8) -> str:
    """The words around text[start:end], up to ``reach`` characters each side, not past a punctuation mark."""
    left = start
    while left > max(0, start - reach) and not _CLAUSE_MARK.match(text[left - 1]):
        left -= 1
    right = end
    while right < min(len(text), end + reach) and not _CLAUSE_MARK.match(text[right]):
        right += 1
    return text[left:right]


def misused_word_problems(report: Report) -> list[Problem]:
    """做为 → 作为 and the like, and a fixed term of the domain cut short ("受理渠" for 受理渠道)."""
    problems: list[Problem] = []
    for keypath, text in (*narrative_strings(report), *typed_table_strings(report)):
        for found in miswritings.find(text):
            entry = found.entry
            quoted = _clause_around(text, found.start, found.end) if entry.in_context else entry.wrong
            if quoted != entry.wrong:
                message = f"用词有误：“{quoted}”中的“{entry.wrong}”应为“{entry.right}”。{entry.why}"
            else:
                message = f"用词有误：“{entry.wrong}”应为“{entry.right}”。{entry.why}"
            problems.append(
                warning(
                    "common.misused-word",
                    message,
                    report.ref(keypath),
                    expected=f"“{entry.right}”",
                    found=f"“{entry.wrong}”",
                )
            )
        for m in _TRUNCATED.finditer(text):
            term = next(t for t in FIXED_TERMS if t[:-1] == m.group(0))
            typed = text[m.end() : m.end() + 1]
            said = (  # a wrong last character ("行政复试数") or none ("受理渠。")
                f"“{m.group(0)}{typed}”疑为“{term}”：“{typed}”应为“{term[-1]}”"
                if re.match(r"[\u4e00-\u9fff]", typed)
                else f"“{m.group(0)}”疑为“{term}”少了“{term[-1]}”"
            )
            problems.append(
                warning(
                    "common.misused-word",
                    said,
                    report.ref(keypath),
                    expected=f"“{term}”",
                    found=f"“{text[m.start() : m.end() + 1]}”",
                )
            )
    return problems


def doubled_adverb_problems(report: Report) -> list[Problem]:
    """均/都/已 twice in one clause: "信访件均在规定期限内办结均实现100%办结"."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        text = _REFERENCE.sub("N", text)  # {applications.outcomes.属于已主动公开的} is a number, not words
        for clause in _CLAUSE.finditer(text):
            words = [m.group(0) for m in _ADVERB.finditer(clause.group(0))]
            for adverb in ("均", "都", "已"):
                if sum(1 for w in words if adverb in w) >= 2:
                    problems.append(
                        warning(
                            "common.doubled-adverb",
                            f"一个分句中“{adverb}”出现两次：“{clause.group(0)}”",
                            report.ref(keypath),
                            expected=f"“{adverb}”只用一次",
                            found=f"“{clause.group(0)}”",
                        )
                    )
                    break
    return problems


def count_without_unit_problems(report: Report) -> list[Problem]:
    """A count after 数量/总数/总量 with no measure word: "发布的信息数量304利用本镇微信公众号…"."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in _BARE_COUNT.finditer(text):
            after, n = text[m.end() : m.end() + 6], m.group(3)
            problems.append(
                warning(
                    "common.count-without-unit",
                    f"“{m.group(0)}”后没有量词或单位，读者不知是{n}条、{n}件还是{n}个",
                    report.ref(keypath),
                    expected=f"“{m.group(0)}条（件、个……）”",
                    found=f"“{m.group(0)}{after}”",
                )
            )
    return problems


_CLAUSE_OF_LIST = re.compile(r"[^，,；;。：:！？!?]+")
_COUNTED = re.compile(rf"\d+(?:\.\d+)?([{MEASURE_WORDS}])$")
_NUMERALS = "零一二三四五六七八九十百千万两几多余数每各该本此"
# words that end in a measure word and are nouns, not counts: 文件, 事项, 国家…
_NOUNS_ENDING_IN_A_UNIT = (
    "文件", "案件", "信件", "邮件", "证件", "事件", "附件", "公开件", "事项", "国家", "专家", "审批", "市场",
    "现场", "用户", "全部", "内部", "基本", "文本", "场所", "个人", "法人", "身份", "实名", "时期", "定期",
)  # fmt: skip


def missing_number_problems(report: Report) -> list[Problem]:
    """An item of a list of counts with its number lost: "核准企业资质条、施工许可证76条、排水许可证5条"."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        text = _REFERENCE.sub("0", text)
        for clause in _CLAUSE_OF_LIST.finditer(text):
            items = [i.strip() for i in clause.group(0).split("、")]
            units = [c.group(1) for i in items if (c := _COUNTED.search(i))]
            for unit in set(units):
                if units.count(unit) < 2:
                    continue
                for item in items:
                    if (
                        len(item) >= 3
                        and item.endswith(unit)
                        and not item[-2].isdigit()
                        and item[-2] not in _NUMERALS
                        and "\u4e00" <= item[-2] <= "\u9fff"
                        and not item.endswith(_NOUNS_ENDING_IN_A_UNIT)
                    ):
                        problems.append(
                            warning(
                                "common.missing-number",
                                f"“{item}”缺少数字：同一串并列项中其他各项都写了“多少{unit}”",
                                report.ref(keypath),
                                expected=f"“{item[:-1]}N{unit}”",
                                found=f"“{item}”",
                            )
                        )
    return problems


_DOUBLED_MARKS = re.compile(r"《{2,}|》{2,}")
_PAIRS = (("（", "）"), ("《", "》"), ("〈", "〉"), ("〔", "〕"), ("【", "】"))


def unbalanced_bracket_problems(report: Report) -> list[Problem]:
    """A bracket or book-title mark opened and never closed in its paragraph, or closed and never opened:
    "（联系地址：……电子邮箱：x@163.com。" (no ）), "……的通知》国办函〔2020〕109号）" (no （)."""
    problems: list[Problem] = []
    for keypath, text in section_strings(report):
        text = _DOUBLED_MARKS.sub(lambda m: m.group(0)[0], text)  # 《《 is common.doubled-punctuation's
        for left, right in _PAIRS:
            depth, lost = 0, None
            for i, ch in enumerate(text):
                if ch == left:
                    depth += 1
                elif ch == right:
                    if depth == 0 and lost is None:
                        lost = (i, f"“{right}”前面没有对应的“{left}”")
                    depth = max(depth - 1, 0)
            if lost is None and depth > 0:
                lost = (text.rfind(left), f"“{left}”没有对应的“{right}”")
            if lost is not None:
                at, said = lost
                problems.append(
                    warning(
                        "common.unbalanced-bracket",
                        f"括号或书名号不成对：{said}（“{text[max(at - 12, 0) : at + 12]}”）",
                        report.ref(keypath),
                        expected=f"成对的“{left}{right}”",
                        found=text[max(at - 12, 0) : at + 12],
                    )
                )
    return problems


# a word typed twice, straight or across the 于 it takes ("有待于有待进一步加强"), and 的的
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2})于?\1|(?<!目)的的(?!确)")
# a phrase pasted twice: eight characters or more straight after themselves, or twice in one 、-list
_DOUBLED_PHRASE = re.compile(r"([^，。；、：\s]{8,40}?)\1")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PERCENT_BEFORE_ZHAN = re.compile(r"\d+(?:\.\d+)?[%％]占(?=[，。；,;]|$)")
# reduplications that are words: 常常, 渐渐 are one character; two-character ones a report may write
_REDUPLICATED = {"研究研究", "学习学习", "讨论讨论", "商量商量"}
#: two words meeting, not one typed twice: "沙坡头区人民政府政府信息公开工作" (人民政府 + 政府信息公开)
_WORDS_MEETING = re.compile(r"政府政府信息")


def _repeated_clauses(text: str) -> list[str]:
    """A clause said again within the next four: "局领导高度重视，认真抓好贯彻落实。根据上级的有关规定，我局领导高度
    重视，……" (平潭县卫生局 2012) — six Chinese characters or more, no number, the longer at most two characters more
    (its subject) and not the shorter negated ("收费及减免情况" … "无收费及减免情况")."""
    clauses = [c.strip() for c in re.split(r"[，。；：！？,;:!?]", text)]
    found = []
    for i, later in enumerate(clauses):
        for earlier in clauses[max(i - 4, 0) : i]:
            short, long = sorted((earlier, later), key=len)
            if (
                len(_HAN.findall(short)) >= 6
                and not re.search(r"\d|N", short)
                and len(long) - len(short) <= 2
                and long.endswith(short)
                and not re.match(r"无|未|不|没", long)
                and short not in found
            ):
                found.append(short)
    return found


def doubled_word_problems(report: Report) -> list[Problem]:
    """A word typed twice: "规范审核审核发布机制", "有待于有待", "统一的的网站界面" (目的的, 的的确确 are fine)."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        plain = _REFERENCE.sub("N", text)
        for m in _DOUBLED_WORD.finditer(plain):
            if m.group(0) in _REDUPLICATED or _WORDS_MEETING.match(plain, m.start()):
                continue
            word = m.group(1) or "的"
            problems.append(
                warning(
                    "common.doubled-word",
                    f"“{word}”连写了两次：“{text[max(m.start() - 6, 0) : m.end() + 6]}”",
                    report.ref(keypath),
                    expected=f"“{word}”",
                    found=f"“{m.group(0)}”",
                )
            )
        # a phrase is words: at least four Chinese characters ("========" or a run of digits is not one)
        phrases = [m.group(1) for m in _DOUBLED_PHRASE.finditer(text) if len(_HAN.findall(m.group(1))) >= 4]
        for run in re.split(r"[，。；：]", text):
            items = [i.strip().removesuffix("等") for i in run.split("、")]
            phrases += sorted(
                {
                    b
                    for i, a in enumerate(items)
                    for b in items[i + 1 :]
                    if len(min(a, b, key=len)) >= 6 and (a.endswith(b) or b.endswith(a))
                }
            )
        phrases += _repeated_clauses(plain)
        for phrase in phrases:
            problems.append(
                warning(
                    "common.doubled-word",
                    f"同一短语写了两次：“{phrase}”",
                    report.ref(keypath),
                    expected=f"“{phrase}”一次",
                    found=f"“{phrase}”两次",
                )
            )
    return problems


def word_order_problems(report: Report) -> list[Problem]:
    """A share written before its verb: "网上咨询100人次，2.04%占" for 占2.04%."""
    return [
        warning(
            "common.word-order",
            f"“{m.group(0)}”语序颠倒，应为“占{m.group(0)[:-1]}”",
            report.ref(keypath),
            expected=f"“占{m.group(0)[:-1]}”",
            found=f"“{m.group(0)}”",
        )
        for keypath, text in narrative_strings(report)
        for m in _PERCENT_BEFORE_ZHAN.finditer(text)
    ]


def _continued_by_points(report: Report) -> set[str]:
    """The key paths of the texts the 一是…… ``points`` are printed after, in the same paragraph: "印发《……通知》，"
    goes on "一是……" (平潭财政金融局 2023)."""
    found: set[str] = set()

    def walk(data: Mapping[str, Any], prefix: str) -> None:
        text = data.get("text")
        if data.get("points") and text:
            found.add(f"{prefix}.text" if isinstance(text, str) else f"{prefix}.text[{len(text) - 1}]")
        for i, item in enumerate(data.get("items") or []):
            if isinstance(item, Mapping):
                walk(item, f"{prefix}.items[{i}]")
        for key, value in data.items():
            if isinstance(value, Mapping) and key != "items":
                walk(value, f"{prefix}.{key}")

    for instance in report.sections:
        walk(instance.data, instance.key)
    return found


def unterminated_paragraph_problems(report: Report) -> list[Problem]:
    """A paragraph with a ，or ；inside that ends without 。 or another closing mark: its end was lost.  A text the
    ``points`` follow in its paragraph is not the paragraph's end."""
    problems: list[Problem] = []
    continued = _continued_by_points(report)
    for keypath, text in narrative_strings(report):
        if keypath.rsplit(".", 1)[-1].startswith("heading") or keypath in continued:
            continue
        body = _REFERENCE.sub("N", text).strip()
        if _ATTACHMENT_LABEL.match(body):  # "附表：2016年龙归镇政府信息公开年度报告" names an attachment
            continue
        sentence = _SENTENCE_INSIDE.search(body) or len(body) >= SENTENCE_LENGTH
        if sentence and not _TERMINATED.search(body) and not _NOTE_AFTER_SENTENCE.search(body):
            problems.append(
                warning(
                    "common.unterminated-paragraph",
                    f"段落末尾没有句号等标点：“…{body[-12:]}”",
                    report.ref(keypath),
                    expected="段末加“。”（或补全被截断的句子）",
                    found=f"“…{body[-12:]}”",
                )
            )
    for instance in report.sections:  # the last paragraph of a part ending in ；: the list or sentence goes on nowhere
        body_texts = [(k, t) for k, t in iter_texts(instance.data) if not k.rsplit(".", 1)[-1].startswith("heading")]
        if not body_texts:
            continue
        keypath, text = body_texts[-1]
        body = _REFERENCE.sub("N", text).rstrip()
        if len(body_texts) == 1 and _BARE_ANSWER.fullmatch(body):
            problems.append(  # the part's whole answer, a sentence of a word or a phrase, takes its 句号 ("无。")
                warning(
                    "common.unterminated-paragraph",
                    f"这一部分只写了“{body}”，没有句号：这也是一句话，应为“{body}。”",
                    report.ref(f"{instance.key}.{keypath}"),
                    expected=f"“{body}。”",
                    found=f"“{body}”",
                )
            )
        if body.endswith(("；", ";")):
            problems.append(
                warning(
                    "common.unterminated-paragraph",
                    f"这一部分的最后一段以分号结束：“…{body[-12:]}”；句子或列举到此结束，应用句号",
                    report.ref(f"{instance.key}.{keypath}"),
                    expected="“。”",
                    found=f"“{body[-1]}”",
                )
            )
    return problems


#: a part answered in a word or a short phrase: "六、其他需要报告的事项 无" (平潭综合实验区经济发展局 2019),
#: "无其他需要报告的事项" (平潭综合实验区 2020)
_BARE_ANSWER = re.compile(r"(?:无|没有|暂无)(?:其他(?:需要报告的)?事项)?")
_HEADING_END = re.compile(r"[。，,；;、]\s*$")


def heading_punctuation_problems(report: Report) -> list[Problem]:
    """A part heading typed with a closing 。 (or ，；、): "五、政府信息公开工作存在的主要问题及改进情况。" — a
    heading is not a sentence; a run-in heading (its text follows on the same line) ends in 。 by design."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        if not keypath.endswith("heading") or not _HEADING_END.search(text):
            continue
        if ".items[" in keypath:  # an item's heading is printed run in (（一）……。text) — its 。 is right there
            continue
        mark = text.rstrip()[-1]
        problems.append(
            warning(
                "common.heading-punctuation",
                f"标题“{text.strip()}”末尾有“{mark}”：标题不是句子，末尾不加标点",
                report.ref(keypath),
                expected="末尾不加标点",
                found=f"“{mark}”",
            )
        )
    return problems


_RUN_IN_END = "。：:；;，,？！?!"


def run_in_heading_problems(report: Report) -> list[Problem]:
    """Run-in item headings of one list, most closed with a mark ("（一）公开形式。……") and one not ("（二）公开内容
    2012年……", 平潭县安全生产监督管理局 2012): printed run in, the one without a mark runs into its text."""
    problems: list[Problem] = []

    def walk(data: Mapping[str, Any], path: str) -> None:
        items = [(i, it) for i, it in enumerate(data.get("items") or []) if isinstance(it, Mapping)]
        run_in = [
            (i, it["heading"].strip())
            for i, it in items
            if isinstance(it.get("heading"), str)
            and it["heading"].strip()
            and (it.get("text") or it.get("points"))
            and it.get("heading_alone") is not True
        ]
        closed = [h for _, h in run_in if h[-1] in _RUN_IN_END]
        if closed and 2 * len(closed) >= len(run_in):
            for i, heading in run_in:
                if heading[-1] not in _RUN_IN_END:
                    problems.append(
                        warning(
                            "common.heading-punctuation",
                            f"分项小标题“{heading}”与正文排在同一段，却没有像同一层的其他小标题那样以“{closed[0][-1]}”结尾："
                            "标题会和正文连成一句",
                            report.ref(f"{path}.items[{i}].heading"),
                            expected=f"“{heading}{closed[0][-1]}”",
                            found=f"“{heading}”",
                        )
                    )
        for i, it in items:
            walk(it, f"{path}.items[{i}]")

    for instance in report.sections:
        walk(instance.data, instance.key)
    return problems


_LEAD_IN = re.compile(r"(?:报告|汇报|公布|说明)如下[：:]")


def doubled_lead_in_problems(report: Report) -> list[Problem]:
    """The 导语 saying twice that the report follows: "……年度工作情况报告如下:" and, two sentences on,
    "……近一年来的工作情况汇报如下:" — the first colon leads nowhere."""
    found = [
        (keypath, m)
        for keypath, text in narrative_strings(report)
        if keypath.startswith("preamble.")
        for m in _LEAD_IN.finditer(text)
    ]
    if len(found) < 2:
        return []
    keypath, second = found[1]
    return [
        warning(
            "common.doubled-lead-in",
            f"导语两次说“{found[0][1].group(0)}”“{second.group(0)}”：第一处的冒号后面没有接报告正文，应删去一处",
            report.ref(keypath),
            expected="一处“……如下：”",
            found=f"{len(found)} 处",
        )
    ]


#: a run of three titles or more, each 《……》 (with its bracketed 文号 or short name), joined by 、 or ，
_TITLE_RUN = re.compile(r"(?:《[^《》]{1,80}》(?:[（(][^（）()]{1,40}[）)])?[、，,]){2,}《[^《》]{1,80}》")


def title_separator_problems(report: Report) -> list[Problem]:
    """The titles of one list joined by 、 and by ，: "《中华人民共和国政府信息公开条例》，《福建省……通知》、《平潭……
    通知》" (平潭自然资源与生态环境局 2019, 2020)."""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _TITLE_RUN.finditer(text):
            joints = re.findall(r"》(?:[（(][^（）()]*[）)])?([、，,])《", m.group(0))
            if "、" in joints and ({"，", ","} & set(joints)):
                problems.append(
                    warning(
                        "common.list-separators",
                        f"“{_short_quote(m.group(0))}”：并列的书名之间顿号、逗号混用；书名号之间统一用顿号或不用标点"
                        "（GB/T 15834—2011 第4.5.3.5条）",
                        report.ref(keypath),
                        expected="统一用“、”",
                        found="、与，混用",
                    )
                )
    return problems


def _short_quote(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: the closings of a 函 or 复函 ("此函", "特此函告", "此复"): a report ending on one was written on a letter's template
_LETTER_CLOSING = re.compile(r"(?:特此函告|特此函复|专此函达|此函|此复)[。.]?")


def letter_closing_problems(report: Report) -> list[Problem]:
    """A paragraph that is only a letter's closing: 平潭海坛片区 2021 and 2022 end "此函" above the signature."""
    return [
        warning(
            "common.letter-closing",
            f"“{text.strip()}”是函、复函的结束语，年度报告不用：应删去（报送上级的报告可用“特此报告”）",
            report.ref(keypath),
            expected="删去",
            found=text.strip(),
        )
        for keypath, text in narrative_strings(report)
        if _LETTER_CLOSING.fullmatch(text.strip())
    ]


def format_year_problems(report: Report) -> list[Problem]:
    """A report year outside the years its format was in force for: a 2022 report on the 2019 trial tables."""
    year = (report.data.get("report") or {}).get("year")
    first, last = report.format.years
    if not isinstance(year, int) or isinstance(year, bool):
        return []
    if (first is None or year >= first) and (last is None or year <= last):
        return []
    span = f"{first or ''}—{last or ''}年度"
    newer = [f for f in report.host.formats.values() if _in_force(f.years, year)] if report.host else []
    hint = "、".join(f"“{f.key}”" for f in newer)
    return [
        warning(
            "common.format-year",
            f"{year}年度的报告用了“{report.format.key}”格式（{report.format.title}，适用于{span}的报告）"
            + (f"；{year}年度应使用 {hint} 格式" if hint else ""),
            report.ref("format"),
            expected=hint or span,
            found=report.format.key,
        )
    ]


def _in_force(years: tuple[int | None, int | None], year: int) -> bool:
    first, last = years
    if first is None and last is None:  # a format that does not say (a third party's): never suggested
        return False
    return (first is None or year >= first) and (last is None or year <= last)


RULES = (
    placeholder_problems,
    enumeration_problems,
    enumeration_punctuation_problems,
    list_number_problems,
    typed_label_problems,
    typed_number_mark_problems,
    run_in_heading_problems,
    punctuation_problems,
    approximate_number_problems,
    malformed_date_problems,
    misused_word_problems,
    doubled_adverb_problems,
    count_without_unit_problems,
    missing_number_problems,
    unbalanced_bracket_problems,
    doubled_word_problems,
    word_order_problems,
    unterminated_paragraph_problems,
    heading_punctuation_problems,
    doubled_lead_in_problems,
    letter_closing_problems,
    title_separator_problems,
    format_year_problems,
)


def prose_problems(report: Report) -> list[Problem]:
    """The format-independent prose rules of :mod:`plugins.common.prose`, on the text as printed."""
    from compiler.model.refs import Evaluator
    from plugins.common.prose import (
        breakdown_problems,
        frequency_problems,
        listed_share_problems,
        parts_problems,
        rate_problems,
        separator_problems,
        shares_problems,
    )
    from plugins.common.yearslips import date_problems, year_slips

    evaluator = Evaluator(report.values)
    texts = [(k, evaluator.resolve(t, None, []).text) for k, t in narrative_strings(report)]
    # the legacy 主动公开 part checks its category shares against 100 % itself (legacy.active.percentage-total),
    # and its categories against the total when they are typed as data (legacy.active.category-sum)
    shares = [(k, t) for k, t in texts if not (report.format.key == "legacy" and k.startswith("active."))]
    active = report.data.get("active")
    typed = report.format.key == "legacy" and isinstance(active, Mapping) and bool(active.get("categories"))

    def categories_as_data(keypath: str, found: Any) -> bool:  # the category list of the typed total
        return typed and keypath.startswith("active.") and found.total == active.get("total")

    return [
        *parts_problems(report, iter(texts), categories_as_data),
        *breakdown_problems(report, texts),
        *separator_problems(report, texts),
        *listed_share_problems(report, texts),
        *rate_problems(report, texts),
        *frequency_problems(report, texts),
        *shares_problems(report, shares),
        *year_slips(report, texts, ("issues",)),
        *date_problems(report),
    ]


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    for rule in (*RULES, prose_problems):
        problems += rule(report)
    return problems
