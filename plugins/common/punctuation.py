"""Punctuation of a report's prose: marks doubled or unpaired, headings closed by a mark, titles parted two ways,
paragraphs that end without their 句号:

- ``common.doubled-punctuation`` — "，，", "。。", "；；"…, and two clause marks in a row ("，；", "。，");
- ``common.dot-between-words`` — a "." or "．" between two Chinese characters ("中国.广元"): the 间隔号 · inside a
  name, or a 句号 lost its form; and a day named by its date with a point or a bullet ("5.15政务公开日", "5•15");
- ``common.unbalanced-bracket`` — （）《》〈〉〔〕【】 and “” not paired within a paragraph (a doubled 《《 is left
  to common.doubled-punctuation; "报告全文可同时在“大连市政府信息公开网……进行查阅。", 大连市 2013);
- ``common.hexagonal-bracket`` — 六角括号 around something that is no year ("公布〔白政办发〕105件"): in a 发文字号
  they hold its year only (GB/T 9704—2012 §7.2.4);
- ``common.heading-punctuation`` — a part heading typed with a closing 。，；、 ("……存在的主要问题及改进情况。");
  item headings, printed run in before their text, are not in question;
- ``common.heading-punctuation`` also reads run-in item headings: one without the mark its siblings close with;
- ``common.list-separators`` (also in :mod:`plugins.common.prose.separators`) — a run of 《》 titles joined by 、
  and by ，;
- ``common.label-colon`` — a contact label followed by ，where the others of its paragraph take a colon
  ("(联系地址，……;电话:……)");
- ``common.note-stop`` — a sentence in brackets after a finished sentence (句外括号) with no 句号 of its own inside
  the bracket: "……。(沙坡头区于8月19日正式挂牌成立)" (GB/T 15834—2011 §4.9.3.2: "(……成立。)"); a note of contact
  details or a list (a ：or ；inside) is not a sentence;
- ``common.unterminated-paragraph`` — a paragraph that is a sentence (a ，or ；inside, or 20 characters or more)
  but ends without 。！？；：…… (a closing quote or bracket counts only with the 句号 inside it, "……。）"): the last
  sentence was cut off or its 句号 lost.
  Headings and short phrases (an organ's name on its own line) are not sentences and are not read; a part
  answered in a word ("无", "无其他需要报告的事项") is a sentence and takes its 句号.

All are WARNINGs, run by :mod:`plugins.common.checks` with the other editorial checks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from compiler.model.narrative import iter_texts
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _short
from plugins.common.texts import REFERENCE, narrative_strings, section_strings

# one mark typed twice, or two of the marks that close a clause typed one after the other ("63.2%，；压缩")
#: (a clause mark and a Latin full stop too, "工作,.结合本单位实际", 福州市鼓楼区五凤街道 2021 — not a decimal point)
_DOUBLED = re.compile(r"[，,。；;、：:]{2,}|[，,；;、：:][.．](?![\dA-Za-z])|《{2,}|》{2,}")

#: a full stop of Latin type between two Chinese words: "通过中国.广元政府网站" (广元市统计局 2012) — the portal
#: is "中国·广元" with the 间隔号 (GB/T 15834-2011 §4.15); a decimal point or an address's dot has a digit beside it
#: a point between two Chinese characters, or a bullet for the 间隔号: "中国.广元", "中国•咸阳" (咸阳市 2010)
_DOT_BETWEEN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[.．•∙・](?=[\u4e00-\u9fff])")
#: a day named by its month and day for an event, with a point or a bullet for the 间隔号: "5.15政务公开日", "5•15"
_DOT_IN_DAY_NAME = re.compile(
    # a decimal before its measure word is a quantity, not a day: "缩短1.3个工作日" (广州市城管局 2023)
    r"(?<![\d.．])(?P<m>1[0-2]|[1-9])[.．•∙・](?P<d>[1-9]|[12]\d|3[01])"
    r"(?=(?!个|天|周|倍|万|亿|余|多)(?P<name>[\u4e00-\u9fff]{2,8}?(?:日|节)))"
)

_SENTENCE_INSIDE = re.compile(r"[，,；;]")


#: a paragraph shorter than that is a sentence too when it says something is yet to be done: "政府信息更新的维护机制
#: 有待进一步加强" (无锡锡山区司法局 2010) — a heading or a name never does
_PREDICATE = re.compile(r"有待|仍需|还需|亟待|亟需|尚需")
SENTENCE_LENGTH = 20  # a paragraph this long is a sentence even with no ，inside; a name on its own line is shorter

#: a sub-heading numbered 第一，第二， on a line of its own: "第一，主动公开", "第二，筑牢信息“质量关”"
_ORDINAL_HEADING = re.compile(r"第[一二三四五六七八九十]{1,3}[，,、][^，,。；;：:]{2,16}")
#: a sub-heading typed with its number on a line of its own and named like a part: "(四)因政府信息公开申请的行政复议、
#: 行政诉讼情况" (榆林市驼峰路街道 2020) — no sentence, however long the name
_NUMBERED_HEADING = re.compile(
    r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])"
    r"[^，,。；;：:！？]{2,40}(?:情况|事项|措施|问题|工作|建设|概述|保障|管理)"
)
_ATTACHMENT_LABEL = re.compile(r"附[件表]\s*[0-9０-９一二三四五六七八九十]*\s*[：:]\s*[^，。；,;]*$")


# a closing quote or bracket ends a paragraph only with the sentence's own mark inside it ("……公开。”", "（……。）")
# or as a note after a finished sentence ("……联系。（地址：……）"); a bracket or quote opened inside the sentence —
# "……联系(联系地址，……传真:0591-23163257)", "……做到“应公开尽公开”" — still wants the 句号 after it (GB/T 15834-2011
# §4.1, §4.9.3)
_TERMINATED = re.compile(r"(?:[。！？!?；;：:…—]|[。！？!?…][”’）)」』》]+)\s*$")

_NOTE_AFTER_SENTENCE = re.compile(r"[。！？!?]\s*[（(][^（()）]*[）)]\s*$")


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
        for m in _DOT_IN_DAY_NAME.finditer(text):
            named = m.group(0) + m["name"]
            problems.append(
                warning(
                    "common.dot-between-words",
                    f"“{named}”：以月日为名的日子，月、日之间用间隔号“·”（GB/T 15834—2011 第4.14条），"
                    f"不用“{text[m.start('m') + len(m['m'])]}”",
                    report.ref(keypath),
                    expected=f"“{m['m']}·{m['d']}”",
                    found=f"“{m.group(0)}”",
                )
            )
        for m in _DOT_BETWEEN_WORDS.finditer(text):
            around = text[max(0, m.start() - 4) : m.end() + 4]
            problems.append(
                warning(
                    "common.dot-between-words",
                    f"汉字之间用了点号“{m.group(0)}”：“{around}”——名称中间的分隔应为间隔号“·”（中国·广元），"
                    "句末应为句号“。”",
                    report.ref(keypath),
                    expected="“·”或“。”",
                    found=f"“{around}”",
                )
            )
    return problems


_DOUBLED_MARKS = re.compile(r"《{2,}|》{2,}")

_PAIRS = (("（", "）"), ("《", "》"), ("〈", "〉"), ("〔", "〕"), ("【", "】"), ("“", "”"))


def unbalanced_bracket_problems(report: Report) -> list[Problem]:
    """A bracket or book-title mark opened and never closed in its paragraph, or closed and never opened:
    "（联系地址：……电子邮箱：x@163.com。" (no ）), "……的通知》国办函〔2020〕109号）" (no （)."""
    problems: list[Problem] = []
    for keypath, text in section_strings(report):
        text = _DOUBLED_MARKS.sub(lambda m: m.group(0)[0], text)  # 《《 is common.doubled-punctuation's
        for left, right in _PAIRS:
            opened: list[int] = []  # where the marks still open stand; a closing mark closes the latest
            lost = None
            for i, ch in enumerate(text):
                if ch == left:
                    opened.append(i)
                elif ch == right:
                    if not opened and lost is None:
                        lost = (i, f"“{right}”前面没有对应的“{left}”")
                    if opened:
                        opened.pop()
            # the first mark left open is the one quoted: in "《条例》（以下简称《条例》和……网站（www.x.gov.cn）" the
            # web address's brackets pair, and the one opened before 以下简称 is not closed (洞口县 2015)
            if lost is None and opened:
                lost = (opened[0], f"“{left}”没有对应的“{right}”")
            if lost is not None:
                at, said = lost
                marks = "引号" if left == "“" else "括号或书名号"
                problems.append(
                    warning(
                        "common.unbalanced-bracket",
                        f"{marks}不成对：{said}（“{text[max(at - 12, 0) : at + 12]}”）",
                        report.ref(keypath),
                        expected=f"成对的“{left}{right}”",
                        found=text[max(at - 12, 0) : at + 12],
                    )
                )
    return problems


#: 六角括号 around something that is no year: "公布〔白政办发〕105件" (白水县政府办 2020) — in a 发文字号 they hold its
#: year and nothing else (GB/T 9704-2012 第7.2.4条: "年份应标全称，用六角括号“〔〕”括入")
_HEXAGONAL_WITHOUT_YEAR = re.compile(r"〔(?P<inside>[^〔〕\d〇○零一二三四五六七八九]{1,12})〕")


def hexagonal_bracket_problems(report: Report) -> list[Problem]:
    """``common.hexagonal-bracket``: 六角括号 that hold no year — a 发文字号's 代字 put inside them, a 文号 whose year
    is missing.  One warning each."""
    return [
        warning(
            "common.hexagonal-bracket",
            f"“{text[max(m.start() - 8, 0) : m.end() + 6]}”：六角括号“〔〕”只用来括入发文字号里的年份"
            f"（GB/T 9704—2012 第7.2.4条），这里括起来的“{m['inside']}”不是年份",
            report.ref(keypath),
            expected="机关代字〔年份〕序号号，如“某政办发〔2020〕5号”",
            found=m.group(0),
        )
        for keypath, text in section_strings(report)
        for m in _HEXAGONAL_WITHOUT_YEAR.finditer(text)
    ]


def _containers(report: Report) -> Iterator[tuple[Mapping[str, Any], str]]:
    """Every table of every part — the part, its items, its sub-sections — with its key path."""

    def walk(data: Mapping[str, Any], prefix: str) -> Iterator[tuple[Mapping[str, Any], str]]:
        yield data, prefix
        for i, item in enumerate(data.get("items") or []):
            if isinstance(item, Mapping):
                yield from walk(item, f"{prefix}.items[{i}]")
        for key, value in data.items():
            if isinstance(value, Mapping) and key != "items":
                yield from walk(value, f"{prefix}.{key}")

    for instance in report.sections:
        yield from walk(instance.data, instance.key)


def _continued_by_points(report: Report) -> set[str]:
    """The key paths of the texts the 一是…… ``points`` are printed after, in the same paragraph: "印发《……通知》，"
    goes on "一是……" (平潭财政金融局 2023)."""
    found: set[str] = set()
    for data, prefix in _containers(report):
        text = data.get("text")
        if data.get("points") and text:
            found.add(f"{prefix}.text" if isinstance(text, str) else f"{prefix}.text[{len(text) - 1}]")
    return found


#: a bracket standing after a finished sentence (句外括号) whose words are a sentence — eight characters or more, no
#: ：or ；(contact details, a list), not closed by a mark of its own
_SENTENCE_NOTE = re.compile(r"(?<=[。！？!?])\s*[（(](?P<words>[^（()）：:；;]{8,}?)(?<![。！？!?…])[）)]")
#: contact details in brackets after the 句号 of the sentence they belong to: "……请与……办公室联系。(联系电话:62048836)"
#: (吉林市市直机关事务管理局 2010) — a note on a word of that sentence (句内括号), so before its 句号
#: (with a second 句号 after the brackets it is common.misplaced-period's: the faulty-sentence table)
_CONTACT_NOTE = re.compile(
    r"(?<=联系。)\s*[（(](?P<words>(?:联系|咨询)?(?:电话|地址|通讯地址|邮编|邮政编码|电子邮箱|电子信箱|邮箱|传真|网址)"
    r"[：:](?:[^（）()]|[（(][^（）()]{1,10}[）)]){2,160}?)(?<![。！？!?])[）)](?!\s*。)"
)


def note_stop_problems(report: Report) -> list[Problem]:
    """A 句外括号 that holds a sentence without its 句号: "……的统计期限……止。(沙坡头区于8月19日正式挂牌成立)"
    (中卫市沙坡头区 2016), "。(报告中所列数据的统计期限自2012年1月1日起,至2012年12月31日止)" (黄南州 2012); and
    contact details put in brackets after the 句号 of the "请与……联系。" they annotate (句内括号 in the wrong place)."""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _SENTENCE_NOTE.finditer(text):
            words = m["words"].strip()
            if len(re.findall(r"[\u4e00-\u9fff]", words)) < 8:
                continue
            problems.append(
                warning(
                    "common.note-stop",
                    f"句号之后括号里的“{_short_words(words)}”自成一句（句外括号），句末的句号应在括号里：“（……。）”",
                    report.ref(keypath),
                    expected="（……。）",
                    found=f"（{_short_words(words)}）",
                )
            )
        for m in _CONTACT_NOTE.finditer(text):
            words = _short_words(m["words"].strip())
            problems.append(
                warning(
                    "common.note-stop",
                    f"括号里的“{words}”注的是前一句里的联系方式（句内括号），应放在句号之前：“……联系（{words}）。”",
                    report.ref(keypath),
                    expected=f"联系（{words}）。",
                    found=f"联系。（{words}）",
                )
            )
    return problems


def _short_words(words: str, limit: int = 24) -> str:
    return words if len(words) <= limit else words[: limit - 6] + "……" + words[-5:]


def _english(text: str) -> bool:
    """A paragraph in English (more Latin letters than Chinese characters): "This report is prepared according to
    …" after the Chinese 导语 (山东省人民政府 2017)."""
    return len(re.findall(r"[A-Za-z]", text)) > len(re.findall(r"[\u4e00-\u9fff]", text))


def _contact_line(body: str) -> bool:
    """A paragraph that is only labelled contact items, printed as a line of their own under the 导语 ("地　址：……",
    "邮政编码：210008　电子信箱：……", 江苏省信访局 2013): no sentence to end."""
    return bool(_CONTACT_LINE.fullmatch(_SPREAD_LABEL_SPACE.sub("", body)))


def unterminated_paragraph_problems(report: Report) -> list[Problem]:
    """A paragraph with a ，or ；inside that ends without 。 or another closing mark: its end was lost.  A text the
    ``points`` follow in its paragraph is not the paragraph's end."""
    problems: list[Problem] = []
    continued = _continued_by_points(report)
    for keypath, text in narrative_strings(report):
        if keypath.rsplit(".", 1)[-1].startswith("heading") or keypath in continued:
            continue
        body = REFERENCE.sub("N", text).strip()
        if _ATTACHMENT_LABEL.match(body):  # "附表：2016年龙归镇政府信息公开年度报告" names an attachment
            continue
        if _ORDINAL_HEADING.fullmatch(body) or _NUMBERED_HEADING.fullmatch(body):  # sub-headings typed as printed
            continue
        if _contact_line(body):  # "邮政编码：210008　电子信箱：……" on a line of its own: a letterhead's layout
            continue
        sentence = _SENTENCE_INSIDE.search(body) or len(body) >= SENTENCE_LENGTH or _PREDICATE.search(body)
        if _english(body) and body.endswith((".", "!", "?", ".)", ".”")):
            continue  # the English version some portals print after the 导语 ends its sentences the English way
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
        for where, data in _part_and_subsections(instance.key, instance.data):
            body_texts = [(k, t) for k, t in iter_texts(data) if not k.rsplit(".", 1)[-1].startswith("heading")]
            if not body_texts:
                continue
            keypath, text = _printed_last(data, *body_texts[-1])
            body = REFERENCE.sub("N", text).rstrip()
            if where == instance.key and len(body_texts) == 1 and _BARE_ANSWER.fullmatch(body):
                problems.append(  # the part's whole answer, a sentence of a word or a phrase, takes its 句号 ("无。")
                    warning(
                        "common.unterminated-paragraph",
                        f"这一部分只写了“{body}”，没有句号：这也是一句话，应为“{body}。”",
                        report.ref(f"{where}.{keypath}"),
                        expected=f"“{body}。”",
                        found=f"“{body}”",
                    )
                )
            if body.endswith(("；", ";")):
                problems.append(
                    warning(
                        "common.unterminated-paragraph",
                        f"{'这一部分' if where == instance.key else '这一分项'}的最后一段以分号结束：“…{body[-12:]}”；"
                        "句子或列举到此结束，应用句号",
                        report.ref(f"{where}.{keypath}"),
                        expected="“。”",
                        found=f"“{body[-1]}”",
                    )
                )
    return problems


def _printed_last(data: Mapping[str, Any], keypath: str, text: str) -> tuple[str, str]:
    """The paragraph printed last, given the last one :func:`iter_texts` reads: an item's list is read before the
    paragraph printed after it (``after``), so a last item's text followed by its list's ``after`` is not last."""
    m = re.fullmatch(r"(?P<parent>.*?)\.?items\[\d+\]\.text(?:\[\d+\])?", keypath)
    if m is None:
        return keypath, text
    parent: Any = data
    for index in re.findall(r"items\[(\d+)\]", m["parent"]):
        parent = parent["items"][int(index)]
    follows = parent.get("after") if isinstance(parent, Mapping) else None
    if isinstance(follows, str) and follows.strip():
        return (f"{m['parent']}.after" if m["parent"] else "after"), follows
    return keypath, text


def _part_and_subsections(key: str, data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """A part and each of its sub-sections printed under their own heading (2021 format's 总体情况: ``active``,
    ``applications`` … — "(一)主动公开" with its paragraphs): each ends its own last paragraph, and one closing
    on ；before the next sub-section's heading ("……统计信息26条,其中采用15条;" then "(二)依申请公开", 开阳县统计局
    2023) goes on nowhere."""
    yield key, data
    for sub, value in data.items():
        if isinstance(value, Mapping) and ("text" in value or "items" in value):
            yield f"{key}.{sub}", value


def _item_ends(items: list[Any], prefix: str) -> Iterator[tuple[str, str]]:
    """(key path, last character) of each item's closing text — ("", "") where the item has none or goes on in
    points or items."""
    for i, item in enumerate(items):
        text = item.get("text") if isinstance(item, Mapping) else None
        last = text[-1] if isinstance(text, list) and text else text
        if not isinstance(last, str) or not last.strip() or item.get("points") or item.get("items"):
            yield "", ""
            continue
        key = f"{prefix}.items[{i}].text" + (f"[{len(text) - 1}]" if isinstance(text, list) else "")
        yield key, REFERENCE.sub("N", last).rstrip()[-1]


def item_semicolon_problems(report: Report) -> list[Problem]:
    """An item that closes on ；while the items before and after it close on 。: "2、明确公开内容。……做到“依法公开,
    真实公正,注重实效,有利监督”;" between two items ending in 。 (安溪县龙涓乡 2018) — no list goes on from it."""
    problems: list[Problem] = []
    for data, prefix in _containers(report):
        ends = list(_item_ends(data.get("items") or [], prefix))
        for i in range(1, len(ends) - 1):
            (_, before), (key, end), (_, after) = ends[i - 1], ends[i], ends[i + 1]
            if key and end in "；;" and before == "。" and after == "。":
                problems.append(
                    warning(
                        "common.unterminated-paragraph",
                        f"第{i + 1}项以分号结束，前后各项都以句号结束：这一项的话到此已说完，应用句号",
                        report.ref(key),
                        expected="“。”",
                        found=f"“{end}”",
                    )
                )
        # (paragraphs of one text typed "一是……；" "二是……；" "三是……；" and then a paragraph that goes on with
        # something else are read in :func:`_last_enumerated_paragraph`)
        # the list's last item ending in ；with a paragraph of its own after the list ("(6)普陀区政务公开自动服务终端;"
        # then "同时,在普陀区档案局设置……查阅点。", 上海市普陀区市场监管局 2019): the list goes on nowhere
        last_key, last_end = ends[-1] if len(ends) >= 2 else ("", "")
        follows = data.get("after")
        if last_key and last_end in "；;" and isinstance(follows, str) and follows.strip():
            problems.append(
                warning(
                    "common.unterminated-paragraph",
                    f"列举的最后一项（第{len(ends)}项）以分号结束，后面另起一段：列举到此结束，应用句号",
                    report.ref(last_key),
                    expected="“。”",
                    found=f"“{last_end}”",
                )
            )
    return problems + _last_enumerated_paragraph(report)


#: a paragraph that is an item of a 一是、二是 list
_ENUMERATED_PARAGRAPH = re.compile(r"\s*[一二三四五六七八九十]{1,3}是")


def _last_enumerated_paragraph(report: Report) -> list[Problem]:
    """Paragraphs of one text typed as a list, "二是……；" "三是……；", and then a paragraph of its own that goes on with
    something else ("三是……申请公开……的相关文件;" then "在得知上述居民相关诉求后,……", 建邺区南苑街道 2021): the
    list ends at its last item, which takes the 句号."""
    problems: list[Problem] = []
    previous: tuple[str, str, str] | None = None  # (the text's key path, the paragraph's key path, the paragraph)
    for keypath, text in narrative_strings(report):
        parent, _, index = keypath.rpartition("[")
        if (
            previous is not None
            and previous[0] == parent
            and _ENUMERATED_PARAGRAPH.match(previous[2])
            and re.search(r"[；;]\s*$", previous[2])
            and text.strip()
            and not _ENUMERATED_PARAGRAPH.match(text)
        ):
            problems.append(
                warning(
                    "common.unterminated-paragraph",
                    f"列举的最后一项以分号结束：“…{previous[2].rstrip()[-12:]}”，后面另起一段说别的：列举到此结束，应用句号",
                    report.ref(previous[1]),
                    expected="“。”",
                    found=f"“{previous[2].rstrip()[-1]}”",
                )
            )
        previous = (parent, keypath, text) if index.endswith("]") else None
    return problems


#: a part answered in a word or a short phrase: "六、其他需要报告的事项 无" (平潭综合实验区经济发展局 2019),
#: "无其他需要报告的事项" (平潭综合实验区 2020)
_BARE_ANSWER = re.compile(r"(?:无|没有|暂无)(?:其他(?:需要报告的)?事项)?")

_HEADING_END = re.compile(r"[。，,；;、]\s*$")


def _container(data: Mapping[str, Any], keypath: str) -> Mapping[str, Any]:
    """The table at ``keypath`` ("overview.active", "overview.items[2]"), or {} when there is none."""
    node: Any = data
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", keypath):
        if index:
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else {}
        else:
            node = node.get(name, {}) if isinstance(node, Mapping) else {}
    return node if isinstance(node, Mapping) else {}


def heading_punctuation_problems(report: Report) -> list[Problem]:
    """A part heading typed with a closing 。 (or ，；、): "五、政府信息公开工作存在的主要问题及改进情况。" — a
    heading is not a sentence; a run-in heading (its text follows on the same line) ends in 。 by design."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        if not keypath.endswith("heading") or not _HEADING_END.search(text):
            continue
        if ".items[" in keypath:  # an item's heading is printed run in (（一）……。text) — its 。 is right there
            continue
        if _container(report.data, keypath.removesuffix(".heading")).get("heading_runin") is True:
            continue  # a part or sub-section printed run in, as an item is
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
                        f"“{_short(m.group(0), 40)}”：并列的书名之间顿号、逗号混用；书名号之间统一用顿号或不用标点"
                        "（GB/T 15834—2011 第4.5.3.5条）",
                        report.ref(keypath),
                        expected="统一用“、”",
                        found="、与，混用",
                    )
                )
    return problems


_RUN_IN_END = "。：:；;，,？！?!"
#: the marks a heading on a line of its own does not end with (its peers have none)
_ALONE_END = "。；;，,"


def run_in_heading_problems(report: Report) -> list[Problem]:
    """Run-in item headings of one list, most closed with a mark ("（一）公开形式。……") and one not ("（二）公开内容
    2012年……", 平潭县安全生产监督管理局 2012): printed run in, the one without a mark runs into its text."""
    problems: list[Problem] = []

    def unclosed(keypath: str, words: str, mark: str, said: str) -> None:
        problems.append(
            warning(
                "common.heading-punctuation",
                said,
                report.ref(keypath),
                expected=f"“{words}{mark}”",
                found=f"“{words}”",
            )
        )

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
        mark = closed[0][-1] if closed else ""
        if closed and 2 * len(closed) >= len(run_in):
            for i, heading in run_in:
                if heading[-1] not in _RUN_IN_END:
                    said = f"分项小标题“{heading}”与正文排在同一段，却没有像同一层的其他小标题那样以“{mark}”结尾："
                    unclosed(f"{path}.items[{i}].heading", heading, mark, said + "标题会和正文连成一句")
        alone = [
            (i, it["heading"].strip())
            for i, it in items
            if isinstance(it.get("heading"), str) and it["heading"].strip() and it.get("heading_alone") is True
        ]
        ended = [(i, h) for i, h in alone if h[-1] in _ALONE_END]
        if len(alone) >= 3 and 0 < len(ended) < len(alone) / 2:
            for i, heading in ended:
                bare = heading.rstrip(_ALONE_END)
                problems.append(
                    warning(
                        "common.heading-punctuation",
                        f"单独成行的小标题“{heading}”末尾有“{heading[-1]}”，同一层的其他{len(alone) - len(ended)}个"
                        "小标题都没有：单独成行的标题末尾不加标点，同一层要一致",
                        report.ref(f"{path}.items[{i}].heading"),
                        expected=f"“{bare}”",
                        found=f"“{heading}”",
                    )
                )
        for i, it in items:
            if closed and not it.get("heading") and (glued := _glued_heading(it)):
                said = f"分项以小标题“{glued}”开头，后面没有标点就接着正文：同一层的其他小标题以“{mark}”结尾，"
                unclosed(f"{path}.items[{i}].text", glued, mark, said + "这一项的标题和正文连成了一句")
            walk(it, f"{path}.items[{i}]")

    def runin_tables(data: Mapping[str, Any], path: str) -> None:
        # a part or sub-part printed with its heading run in ("heading_runin = true") and no mark after the heading:
        # "(一)主动公开方面2022年,双龙街道……" (宣威市双龙街道 2022, held-out round 305) — heading and text one sentence
        heading = data.get("heading")
        if (
            data.get("heading_runin") is True
            and isinstance(heading, str)
            and heading.strip()
            and heading.strip()[-1] not in _RUN_IN_END
            and (data.get("text") or data.get("points") or data.get("items"))
        ):
            words = heading.strip()
            said = f"小标题“{words}”与正文排在同一段，后面没有标点就接着正文：标题和正文连成了一句"
            unclosed(f"{path}.heading", words, "。", said)
        for key, sub in data.items():
            if isinstance(sub, Mapping) and key != "items":
                runin_tables(sub, f"{path}.{key}")

    for instance in report.sections:
        walk(instance.data, instance.key)
        runin_tables(instance.data, instance.key)
    return problems


#: an item's heading typed at the head of its text with no mark after it: "公开政府信息情况本年度我乡……" (柳城县古砦乡
#: 2025), "重点领域政府信息公开工作情况结合……" (海口市龙华区司法局 2021) — words ending in 情况 straight before the text
_GLUED = re.compile(r"^(?P<words>[\u4e00-\u9fff]{2,20}?情况)(?=[\u4e00-\u9fff\d])(?![的下和及与等])")
#: words that make 情况 part of a sentence, not a heading: "根据实际情况及时……", "加强对栏目更新情况的……"
_NOT_A_HEADING = re.compile(r"根据|按照|结合|针对|对|的|加强|了解|掌握|视")


def _glued_heading(item: Mapping[str, Any]) -> str | None:
    text = item.get("text")
    first = text[0] if isinstance(text, list) and text else text
    m = _GLUED.match(first) if isinstance(first, str) else None
    return m["words"] if m and not _NOT_A_HEADING.search(m["words"]) else None


#: the labels of contact details, one vocabulary for every check of them: an address's, a postcode's, a number's
#: or a mailbox's, a web address's (a longer label before the shorter one it ends with: "联系电话" before "电话")
_ADDRESS_LABELS = "联系地址|通讯地址|办公地址|地址"
_POSTCODE_LABELS = "邮政编码|邮编"
_NUMBER_LABELS = "联系电话|咨询电话|电话|传真号码|传真|电子邮箱|电子信箱|电子邮件|邮箱"
_WEB_LABELS = "网址"
_ALL_LABELS = f"{_ADDRESS_LABELS}|{_POSTCODE_LABELS}|{_NUMBER_LABELS}|{_WEB_LABELS}"
#: a label's place: after a bracket, a separator or the start
_LABEL_START = r"(?:^|(?<=[（(；;，,、\s]))"

#: the labels of contact details, each followed by its mark: "联系地址：", "电话:", and "联系地址，" for the colon
_CONTACT_LABEL = re.compile(rf"{_LABEL_START}(?P<label>{_ALL_LABELS})(?P<mark>[：:，,])")


#: a label with its number or address straight after it, no colon: "电话0356-5221239" (高平市人民政府办公室 2023),
#: "电子邮箱schjdbsc-xxgk@bjxch.gov.cn" (什刹海街道 2022); a postcode without its colon ("邮编350400") is left alone:
#: assessors pass it
_BARE_CONTACT_LABEL = re.compile(rf"{_LABEL_START}(?P<label>{_NUMBER_LABELS})[0-9A-Za-z][^，,；;。）)\s]{{0,30}}")


def contact_colon_problems(report: Report) -> list[Problem]:
    """A contact label followed by ，where the others of its paragraph take a colon: "(联系地址，平潭综合实验区……，
    邮编350400;电话:0591-23163551;传真:……)" (平潭财政金融局 2022–2024, 自然资源与生态环境局 2022, 2023), or by its
    number with no mark at all: "(地址:……,电话0356-5221239,电子邮箱:……)" (高平市人民政府办公室 2023, 卢湾区 2009,
    什刹海街道 2022 — held-out round 73)."""
    problems = []
    for keypath, text in narrative_strings(report):
        labels = list(_CONTACT_LABEL.finditer(text))
        if not any(m["mark"] in "：:" for m in labels):
            continue
        for m in labels:
            if m["mark"] in "，,":
                problems.append(
                    warning(
                        "common.label-colon",
                        f"“{m.group(0)}”：联系方式的各项名称后用冒号（同一段的其他各项都用了冒号），不用逗号",
                        report.ref(keypath),
                        expected=f"“{m['label']}：”",
                        found=f"“{m.group(0)}”",
                    )
                )
        bare = list(_BARE_CONTACT_LABEL.finditer(text))
        if sum(m["mark"] in "：:" for m in labels) < len(bare):
            continue  # most go without one (平潭自然资源局 2020: "电话0591-…；传真：…；邮箱…"): no rule to hold to
        for m in bare:
            shown = m.group(0)
            problems.append(
                warning(
                    "common.label-colon",
                    f"“{shown}”：联系方式的各项名称后用冒号（同一段别的项用了冒号），这一项漏了",
                    report.ref(keypath),
                    expected=f"“{m['label']}：”",
                    found=f"“{shown}”",
                )
            )
    return problems


#: a paragraph of labelled contact items only, and the space of a two-character label spread out ("地　址：")
_CONTACT_LINE = re.compile(rf"(?:\s*(?:{_ALL_LABELS})\s*[：:][^：:]+?)+")
_SPREAD_LABEL_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\u3000(?=[\u4e00-\u9fff][：:])")
#: a labelled contact item: "邮编:", "联系电话：" (the label after a bracket, a separator or the start)
_CONTACT_FIELD = re.compile(rf"{_LABEL_START}(?:{_ALL_LABELS})[：:]")
#: what stands between two labelled items: the first one's value and one separator
_FIELD_GAP = re.compile(r"[^，,；;。（）()：:]{1,60}?\s*(?P<sep>[，,；;])\s*")


def contact_separator_problems(report: Report) -> list[Problem]:
    """Contact items parted now by a comma, now by a semicolon within one run of them: "(地址:……5号楼,邮编:200125;
    电话:23119393)" (上海市经济和信息化委员会 2015, 永宁县 2018, 绥滨县连生乡 2024, 河池市市场监督管理局 2020).
    A value with its own comma or a bracket between two items ends the run: only a run where each gap is one value and
    one separator is compared."""
    problems = []
    for keypath, text in narrative_strings(report):
        fields = list(_CONTACT_FIELD.finditer(text))
        runs: list[list[tuple[str, re.Match[str]]]] = [[]]
        for first, second in itertools.pairwise(fields):
            gap = _FIELD_GAP.fullmatch(text, first.end(), second.start())
            if gap:
                runs[-1].append((gap["sep"], second))
            elif runs[-1]:
                runs.append([])
        for run in runs:
            commas = [label for sep, label in run if sep in "，,"]
            semicolons = [label for sep, label in run if sep in "；;"]
            if not commas or not semicolons:
                continue
            if len(commas) <= len(semicolons):
                few, mark, other = commas, "逗号", "分号"
            else:
                few, mark, other = semicolons, "分号", "逗号"
            where = "、".join(f"“{m.group(0)[:-1]}”" for m in few)
            problems.append(
                warning(
                    "common.contact-marks",
                    f"联系方式的各项之间，{where}前用了{mark}，其余各项之间用{other}：同一组联系方式的分隔号应当一致",
                    report.ref(keypath),
                    expected=f"各项之间都用{other}",
                    found=f"{len(commas)}处逗号、{len(semicolons)}处分号",
                )
            )
    return problems


#: a telephone number whose area code is joined by a dash (一字线 or 破折号) instead of the short hyphen
_PHONE_DASH = re.compile(r"(?<![\d-])(?P<code>0\d{2,3})\s*(?P<dash>[—–―]+)\s*(?P<number>\d{7,8})(?!\d)")
#: two contact items run together: the next label straight after a house number or the last digits ("37号邮编:")
_RUN_TOGETHER = re.compile(
    rf"(?P<end>号|\d{{2}})(?P<gap>\u3000)?(?P<label>{_POSTCODE_LABELS}|{_NUMBER_LABELS})(?=[：:])"
)
#: or the next label straight after the words of an address: "地址:楚雄市鹿城街道……东兴中学旁电话:", also when the
#: address's own label has lost its colon ("地址柳北区白露工业园党群服务中心三楼电话:", 柳北区工信局 2018)
_ADDRESS_RUN = re.compile(
    r"地址[：:]?[^，,；;。、（）()\s：:]{2,40}?(?P<end>[\u4e00-\u9fff])(?P<gap>\u3000)?"
    rf"(?P<label>{_POSTCODE_LABELS}|{_NUMBER_LABELS})(?=[：:])"
)
#: two items parted by a 顿号: "地址:嘉善县谈公北路135号、联系电话:0573-84124930" (嘉善县人力社保局 2017, held-out
#: round 79) — labelled items are parted as clauses are, by ，or ；, not by the 顿号 of words in a series
_DUNHAO_BETWEEN = re.compile(rf"(?P<end>号|室|楼|层|\d)、(?P<label>{_ALL_LABELS})(?=[：:])")
#: a web address with a space inside it: "(www. fgw.taian.gov.cn)" (泰安市发展和改革委员会 2020)
#: or before its last label, "www.nmgfao.gov. cn" (内蒙古自治区外事办公室 2012)
_SPACED_ADDRESS = re.compile(
    r"(?P<address>(?:https?://|www\.)[A-Za-z0-9./:_?=&%#-]*[ \t\u3000]+"
    r"(?:[A-Za-z0-9][A-Za-z0-9./_-]*\.[A-Za-z]{2,}[A-Za-z0-9./_-]*|(?<=\.[ \t\u3000])(?:cn|com|net|org)(?![A-Za-z])))"
)
#: an e-mail address with spaces inside it: "nmgfao @ nmgfao.gov. cn" (内蒙古自治区外事办公室 2012)
_SPACED_MAILBOX = re.compile(
    r"(?P<address>[A-Za-z0-9._-]+[ \t\u3000]*[@＠][ \t\u3000]*[A-Za-z0-9-]+"
    r"(?:[ \t\u3000]*\.[ \t\u3000]*(?:[A-Za-z0-9-]+))*[ \t\u3000]*\.[ \t\u3000]*(?:cn|com|net|org))(?![A-Za-z])"
)
#: an e-mail address after its label that has no @ ("邮箱:562170318qq.com"): the words up to the mail domain
_MAILBOX = re.compile(
    r"(?:电子邮箱|邮箱|E-?mail|email)[：:\s]*(?P<address>[A-Za-z0-9._-]+?\.(?:com|cn|net|org)(?:\.cn)?)(?![A-Za-z0-9.@＠])"
)


#: an e-mail address given as a QQ number alone: "QQ邮箱1149545357" (缙云县壶镇镇 2013) — the address is 号码@qq.com
_NUMBER_MAILBOX = re.compile(r"(?:电子邮箱|邮箱|E-?mail|email)[：:\s]*(\d{5,12})(?=[。，、；,;）)\s]|$)")
#: a telephone number with a point inside it: "电话6402.1371" (北京市东城区审计局 2009)
_DOTTED_PHONE = re.compile(r"(?:电话|传真)[：:]?\s*(?P<number>\d{3,4}\.\d{4})(?![\d.])")
#: an e-mail address with a web address's "www." before it: "电子邮箱:www.xzchangdu@126.com" (昌都市 2018)
_WEB_MAILBOX = re.compile(r"(?P<address>(?<![A-Za-z0-9.])www\.[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")


#: a telephone number with its area code and the hyphen after it: "0591-63396019"
_HYPHENED_PHONE = re.compile(r"(?<![\d-])(?P<code>0\d{2,3})-\d{7,8}(?![\d-])")
#: a number after its label whose area code runs into it: "传真:059163396017" (福建省审计厅 2018)
_RUN_IN_CODE = re.compile(r"(?:电话|传真|热线)[：:]?\s*(?P<number>0\d{9,11})(?![\d-])")


def _area_code_run_in(text: str) -> Iterator[tuple[str, str]]:
    """(the number, the same mended) for each number whose area code runs into it while another number of the same
    text writes that area code with its hyphen ("电话:0591-63396019,传真:059163396017"): one way in one line."""
    codes = {m["code"] for m in _HYPHENED_PHONE.finditer(text)}
    for m in _RUN_IN_CODE.finditer(text):
        number = m["number"]
        code = next((c for c in codes if number.startswith(c) and len(number) - len(c) in (7, 8)), None)
        if code:
            yield number, f"{code}-{number[len(code) :]}"


#: a postcode of more or fewer than six digits: "邮编:5450001" (柳州市国资委 2011)
_POSTCODE_LENGTH = re.compile(r"(?:邮政编码|邮编)[：:]?\s*(\d{7,8}|\d{4,5})(?!\d)")

#: a number or an address written wrong: its pattern (group 1 the written form), what to say, and the form mended
_MISWRITTEN_CONTACTS = (
    (_POSTCODE_LENGTH, "邮政编码“{}”不是六位数：我国的邮政编码是六位数字", lambda w: "六位数字"),
    (_DOTTED_PHONE, "电话号码“{}”中间用了点号：号码中间不加点，要分隔用短横线“-”", lambda w: w.replace(".", "")),
    (_WEB_MAILBOX, "电子邮箱“{}”前多了网址的“www.”：邮箱地址是“用户名@域名”", lambda w: w.removeprefix("www.")),
    (_MAILBOX, "电子邮箱“{}”缺了“@”：邮箱地址是“用户名@域名”", lambda w: "用户名@域名"),
    (
        _NUMBER_MAILBOX,
        "电子邮箱只写了一串数字“{}”：邮箱地址是“用户名@域名”，QQ邮箱要写成“QQ号@qq.com”",
        lambda w: f"{w}@qq.com",
    ),
)


def contact_mark_problems(report: Report) -> list[Problem]:
    """Marks in contact details: "0818—6972129" with a dash where GB/T 15834-2011 §4.13.3 writes a telephone number
    with the short hyphen (大竹县朝阳乡 2016), two items with nothing between them, "铁山路37号邮编:255000"
    (中埠镇 2020), "……东兴中学旁电话:" (鹿城街道 2025), an e-mail address without its @, "邮箱:562170318qq.com"
    (通榆县团结乡 2020), or with a web address's "www." before it (昌都市 2018), a web address with a space inside
    it, "www. fgw.taian.gov.cn" (泰安市发展和改革委员会 2020), and a postcode not of six digits ("邮编:5450001",
    柳州市国资委 2011)."""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _PHONE_DASH.finditer(text):
            problems.append(
                warning(
                    "common.contact-marks",
                    f"电话号码“{m.group(0)}”：区号与号码之间用短横线“-”（GB/T 15834-2011 第4.13.3条），"
                    f"不用“{m['dash']}”",
                    report.ref(keypath),
                    expected=f"{m['code']}-{m['number']}",
                    found=m.group(0),
                )
            )
        runs = {m.start("label"): m for m in (*_ADDRESS_RUN.finditer(text), *_RUN_TOGETHER.finditer(text))}
        for m in runs.values():
            # items parted by a space only are a line's layout ("邮政编码：210008　电子信箱：……"), but not inside the
            # brackets of a sentence: "(地址:卯都乡人民政府 电话:0474-6680004)" (卯都乡 2022)
            if m["gap"] and text.rfind("（", 0, m.start()) <= text.rfind("）", 0, m.start()):
                continue
            said = "之间只有空格" if m["gap"] else "连在一起"
            problems.append(
                warning(
                    "common.contact-marks",
                    f"“{text[max(0, m.start('end') - 3) : m.end() + 1]}”：联系方式的两项{said}，"
                    f"“{m['label']}”前缺了逗号",
                    report.ref(keypath),
                    expected=f"“{m['end']}，{m['label']}”",
                    found=f"“{m['end']}{m['gap'] or ''}{m['label']}”",
                )
            )
        for m in _DUNHAO_BETWEEN.finditer(text):
            problems.append(
                warning(
                    "common.contact-marks",
                    f"“{text[max(0, m.start() - 3) : m.end() + 1]}”：联系方式的两项之间用了顿号；各项带着自己的名称"
                    "（地址、电话……），彼此用逗号或分号隔开",
                    report.ref(keypath),
                    expected=f"“{m['end']}，{m['label']}”",
                    found=f"“{m['end']}、{m['label']}”",
                )
            )
        spaced = [("网址", m["address"], "打不开") for m in _SPACED_ADDRESS.finditer(text)]
        spaced += [("电子邮箱", m["address"], "发不出去") for m in _SPACED_MAILBOX.finditer(text)]
        for what, address, fails in spaced:
            if re.search(r"\s", address):
                problems.append(
                    warning(
                        "common.contact-marks",
                        f"{what}“{address}”中间有空格：照印出的样子输入{fails}",
                        report.ref(keypath),
                        expected=re.sub(r"\s+", "", address),
                        found=address,
                    )
                )
        for number, mended_number in _area_code_run_in(text):
            problems.append(
                warning(
                    "common.contact-marks",
                    f"号码“{number}”的区号与号码连在一起，同一段别的号码在区号后用了短横线：同一组联系方式写法应当一致",
                    report.ref(keypath),
                    expected=mended_number,
                    found=number,
                )
            )
        for pattern, said, mended in _MISWRITTEN_CONTACTS:
            for m in pattern.finditer(text):
                written = m.group(1)
                problems.append(
                    warning(
                        "common.contact-marks",
                        said.format(written),
                        report.ref(keypath),
                        expected=mended(written),
                        found=written,
                    )
                )
    return problems
