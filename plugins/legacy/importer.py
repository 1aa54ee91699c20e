"""A published report in the legacy nine-part format read back into TOML data — the simple counterpart of
``plugins/gb2021/importer.py``.

Parts are found by their headings (一、概述 … 九、附表, official wording or close to it: a different wording is kept
as the part's ``heading``); the text stays verbatim with numbering removed.  Legacy reports have no fixed
tables, so the statistics a part's schema requires (主动公开总数, 受理申请数) are read from the sentences that
state them, each one noted for checking, or left as a TODO.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from compiler import hookimpl
from compiler.importers.base import Grid, ImportResult, PublishedDocument, TextItem
from compiler.importers.common import SPACED_PART_NUMBER
from plugins.common.importing import (
    CN_DIGITS,
    PART_HEADING,
    Builder,
    metadata,
    narrative,
    norm,
    signature_organ,
    signed_under_title,
    split_addressee,
    split_appendix,
    split_byline,
    split_imprint,
    split_note,
    split_parts,
    split_signature,
    split_unheaded_part_one,
    table_captions,
    typed_tables,
)
from plugins.common.report import report_year
from plugins.legacy.extra import OWN_PARTS
from plugins.legacy.format import LEGACY, VARIANTS
from plugins.legacy.textcheck import FIXED

#: Section key → the part title of the legacy format, in order.
TITLES: dict[str, str] = {
    "overview": "概述",
    "active": "主动公开政府信息情况",
    "applications": "依申请公开政府信息情况",
    "consultation": "咨询和投诉情况",
    "fee": "政府信息公开的收费及减免情况",
    "appeals": "行政复议和行政诉讼情况",
    "staffing": "工作人员和费用支出情况",
    "issues": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
    "tables": "附表",
}

#: The word that names each part, whatever else its heading says.
KEYWORDS: dict[str, re.Pattern[str]] = {
    "overview": re.compile(r"概述|总体情况|基本情况"),
    "active": re.compile(r"主动公开"),
    "applications": re.compile(r"依申请"),
    "consultation": re.compile(r"咨询|投诉"),
    "fee": re.compile(r"收费|减免|相关费用"),
    "appeals": re.compile(r"复议|诉讼"),
    "staffing": re.compile(r"人员|经费|费用支出|支出"),
    "issues": re.compile(r"问题|不足"),
    "other": re.compile(r"其他|其它"),
    "tables": re.compile(r"附表|统计表"),
}

#: The parts the format warns about when absent (the 2008 条例's list); the import notes only those as missing.
REQUIRED = ("active", "applications", "appeals", "issues", "other")

#: Statistics read with the phrases the legacy prose check reads them with (one engine): (key path, what, whether
#: the schema requires it — asked for when the text does not say it).  A sentence that says there were none
#: ("没有接到……申请") gives 0.
_STATED = (
    ("active.total", "主动公开政府信息总数", True),
    ("applications.received", "受理申请数", True),
    ("appeals.reviews", "行政复议数", False),
    ("appeals.lawsuits", "行政诉讼数", False),
)
_NONE = {
    "active.total": re.compile(r"(?:没有|未|无)主动公开(?:任何)?(?:政府)?信息"),
    "applications.received": re.compile(r"(?:没有|未|无)(?:接到|收到|受理)[^，。；]{0,20}?申请"),
    # "未收到申请行政复议、提起行政诉讼情况", "没有发生行政复议和行政诉讼"
    "appeals.reviews": re.compile(r"(?:没有|未|无)(?:发生|收到|接到|出现|产生)?[^，。；]{0,10}?行政复议"),
    "appeals.lawsuits": re.compile(r"(?:没有|未|无)(?:发生|收到|接到|出现|产生)?[^，。；]{0,16}?(?:行政)?诉讼"),
}


#: a kind of what was published given with its count and its share: "机构职能类信息9条,占总体的比例为3.83%"
_CATEGORY = re.compile(
    r"(?:^|(?<=[，,；;：:。]))(?:在主动公开的(?:政府)?信息中[，,]?)?(?:其中[，,：:]?)?"
    r"(?P<name>[^，,；;。：:\d]{2,24}?)(?P<n>\d+)条[，,]?\s*占[^，,；;。\d%％]{0,10}?\d+(?:\.\d+)?\s*[%％]"
)


def _categories(texts: list[str]) -> dict[str, int]:
    """The kinds a paragraph of the 主动公开 part lists with their counts and shares (two or more, in one
    paragraph), as the legacy section's ``categories``: the shares are then checked against them."""
    for text in texts:
        found = list(_CATEGORY.finditer(text))
        names = [m["name"].strip() for m in found]
        if len(found) >= 2 and len(set(names)) == len(names):
            return {name: int(m["n"]) for name, m in zip(names, found, strict=True)}
    return {}


def _similarity(title: str, key: str) -> float:
    return max(difflib.SequenceMatcher(None, title, t).ratio() for t in (TITLES[key], *VARIANTS.get(key, ())))


class _Headings:
    """The part recogniser for one document: "X、title" naming a part at or after the ``expected``-th key (the
    printed number is not the key's place, since a report prints only the parts it has: 一、主动公开 … 三、收费及减免
    in a four-part township report); a numbered heading that continues the printed numbering but names no part of
    the format becomes a part of the report's own (``extra``, then ``extra_2`` …).  With ``bracketed``, the parts
    are numbered "(一)" and their numbers as printed are kept (``as_printed``)."""

    def __init__(self, bracketed: bool = False) -> None:
        self.last = 0
        self.own = 0  # the report's own parts found so far ([extra], [extra_2] …)
        self.numbers: dict[str, int] = {}  # the number each part was printed with
        self.bracketed = bracketed  # the parts numbered "(一)" … (海口市龙华区司法局 2021), not 一、
        self.as_printed: dict[str, str] = {}  # a part's number as printed: "(三)、", "一、 "
        self.untitled: str | None = None  # the part printed as its number alone ("一、"), no title

    def __call__(self, item: TextItem, expected: int) -> tuple[str, str] | None:
        alone = None if self.bracketed or self.numbers else _NUMBER_ALONE.match(norm(item.text))
        if alone and alone["left"] and _opens_a_title_of("overview", alone["left"]):
            # "一、概": the title's first character left (上海市黄浦区 2013's stored copy): part 一, as printed
            self.last = 1
            self.numbers["overview"] = 1
            return "overview", item.text.strip().removeprefix("一").lstrip()[1:].strip()
        if alone and not alone["left"]:
            # "一、" and nothing after it (上海市黄浦区 2015's stored copy: the heading's words are lost): part 一 where
            # nothing was found yet, under the format's title, said so (``untitled``)
            self.last = 1
            self.numbers["overview"] = 1
            self.untitled = "overview"
            return "overview", TITLES["overview"]
        m = (_BRACKETED_PART if self.bracketed else PART_HEADING).match(norm(item.text))
        if m is None and not self.bracketed and (bare := _BARE_PART.match(item.text)) and len(item.text) <= 24:
            # "一 概 述" (越秀区发改局 2016; a web page's reader may lose the spaces: "一概述"): the number with no 、 —
            # a part only when the rest is a part's name, not a word that begins with 一 ("一概而论")
            number, title = CN_DIGITS.index(bare.group(1)) + 1, norm(bare.group(3))
            key = _part_named(title, expected, set(self.numbers))
            if key is None or not KEYWORDS[key].search(title) or _similarity(title, key) < 0.8:
                return None
            self.last = number
            self.numbers.setdefault(key, number)
            self.as_printed.setdefault(key, bare.group(1) + bare.group(2)[:1])
            return key, bare.group(3).strip()
        if m is None and not self.bracketed and (lost := norm(item.text)).startswith("、"):
            # "、主动公开政府信息情况": the number lost, its 顿号 printed (耀州区审计局 2020's page, the 2021 format's
            # likeness) — the next part its name names, the 、 kept as printed
            key = self._unnumbered(lost[1:], expected)
            if key is None:
                return None
            self.last += 1
            self.numbers.setdefault(key, self.last)
            self.as_printed.setdefault(key, "、")
            return key, lost[1:]
        if m is None and not self.bracketed and self.last >= 2 and (key := self._unnumbered(norm(item.text), expected)):
            # "主要问题和改进措施" printed with no number after "五、……" (青海省邮政管理局 2017): the next part, its
            # number left out as printed
            self.last += 1
            self.numbers.setdefault(key, self.last)
            self.as_printed.setdefault(key, "")
            return key, norm(item.text)
        if not m or m.group(1) not in CN_DIGITS or len(item.text) > 45:
            return None
        number = CN_DIGITS.index(m.group(1)) + 1
        title = m.group(2).rstrip("。：:") if not self.bracketed else m.group(2)
        if number == 1 and not self.numbers and not any(w.search(title) for w in KEYWORDS.values()):
            # part 一 under a title of its own, with no part's own word ("一、政府信息公开的体制、机制、制度建设情况",
            # 鞍山市 2011; "一、政务公开具体落实情况", 桐柏县大河镇 2018 — like the fee part's title in its words, not
            # its topic): the overview
            key = "overview"
        else:
            key = _part_named(title, expected, set(self.numbers))
        if key is None and self.own < len(OWN_PARTS) and self.last and number == self.last + 1:
            key = OWN_PARTS[self.own]
            self.own += 1
        if key is None:
            return None
        self.last = number
        self.numbers.setdefault(key, number)
        if self.bracketed and (printed := _BRACKETED_NUMBER.match(item.text)):
            self.as_printed.setdefault(key, printed.group(0).strip())
        elif printed := SPACED_PART_NUMBER.match(item.text):  # "一、 概述": the space tidy() kept, as printed
            self.as_printed.setdefault(key, printed.group(0))
        if not self.bracketed and norm(item.text).endswith("。"):
            # "二、主动公开政府信息情况。" (凤阳县府城镇 2015): the heading is printed with its 。, kept so (the part is
            # told by its words)
            return key, title + "。"
        return key, title

    def _unnumbered(self, title: str, expected: int) -> str | None:
        """The part a short line with no number names, after the numbered parts: a part's own word, a part's name's
        ending, no sentence mark, and a part not found yet that comes after the last one found."""
        if len(title) > 20 or not _PART_NAME_END.search(title) or re.search(r"[，。；,;：:（）()\d]", title):
            return None
        later = [k for k in list(TITLES)[max(expected - 1, 0) :] if k not in self.numbers and k in KEYWORDS]
        named = [k for k in later if KEYWORDS[k].search(title) and _similarity(title, k) >= 0.5]
        return max(named, key=lambda k: _similarity(title, k)) if named else None


#: how a part's name ends ("……情况", "……改进措施", "……事项")
_PART_NAME_END = re.compile(r"(?:情况|措施|事项)$")
#: part 一's number printed alone, nothing after it ("一、"), or with only the first character of its title ("一、概":
#: the rest lost in the store, 上海市黄浦区 2013's copy)
_NUMBER_ALONE = re.compile(r"^一\s*[、.．](?P<left>[\u4e00-\u9fff]?)$")
#: a part number printed with a space and no 、 ("一 概 述"), or with nothing after it ("一概述")
_BARE_PART = re.compile(r"^\s*([一二三四五六七八九十])([ \u3000]*)([^、.．，,\s][^，。；,;]{1,20})$")

#: a part heading numbered like a second-level one, "(三)、申请行政复议和提起行政诉讼情况" — read as a part only in a
#: report whose parts are all numbered so (none printed 一、)
_BRACKETED_PART = re.compile(r"^（([一二三四五六七八九十]{1,2})）\s*、?\s*(.{2,40}?)$")
#: that number as printed, brackets full- or half-width, the 、 after it kept: "(三)、"
_BRACKETED_NUMBER = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,2}[）)]\s*、?")


#: the topics of parts the 2014–2018 reports added to the 条例's list, each a part of the report's own, never a part
#: of the format however alike its words (高青县人民政府办公室 2015: 四、重点领域政府信息公开情况 is not 主动公开)
_OWN_TOPICS = re.compile(r"重点领域|解读|回应社会关切|组织领导|制度建设|平台建设|机构建设")


def _opens_a_title_of(key: str, left: str) -> bool:
    """Whether ``left`` is how the format's title of part ``key``, or a usual variant of it, begins."""
    return any(t.startswith(left) for t in (TITLES[key], *VARIANTS.get(key, ())))


def _part_named(title: str, expected: int, found: set[str] = frozenset()) -> str | None:
    """The key of the part a heading's title names, among the ``expected``-th key and those after it — or, when
    the title says a part's own word, any part not found yet (a township printing 三、收费 before 四、依申请公开)."""
    candidates = list(TITLES)[max(expected - 1, 0) :]
    # a part's own word first ("政府信息主动公开情况" is 主动公开 although it shares 政府信息…情况 with the fee part)
    named = [k for k in candidates if KEYWORDS[k].search(title)]
    earlier = [k for k in TITLES if k not in candidates and k not in found and KEYWORDS[k].search(title)]
    if named or earlier:
        # a title naming two parts' words names the first one's part ("主动公开及依申请公开情况", 海南省民政厅 2015:
        # its items are 主动公开's); likeness decides between words said at the same place
        return min(named or earlier, key=lambda k: (KEYWORDS[k].search(title).start(), -_similarity(title, k)))
    if not candidates or _OWN_TOPICS.search(title):
        return None
    # a title with no part's own word ("政府信息公开情况"): the part that comes next, if it is like enough — reports
    # print their parts in order — else the most alike
    if _similarity(title, candidates[0]) >= 0.45:
        return candidates[0]
    key = max(candidates, key=lambda k: _similarity(title, k))
    return key if _similarity(title, key) >= 0.45 else None


def import_document(document: PublishedDocument) -> ImportResult:
    b = Builder("legacy")
    b.data["format"] = "legacy"
    b.data["report"] = {}
    headings = _Headings()
    read = list(document.items)  # split_parts splits run-in headings off in place: a second reading starts afresh
    parts, title, front = split_parts(document, headings, list(TITLES))
    # no 一、 parts: a report that numbers its parts "(一)" (海口市龙华区司法局 2021) — but a copy cut inside its
    # part 一 ("一、概述", then its items "(一)……", "(二)……", 青岛市 2013) has its one part, and the items are its own
    if len(parts) < 2 and not (len(parts) == 1 and parts[0][0] == "overview"):
        first = list(document.items)
        document.items[:] = read
        bracketed = _Headings(bracketed=True)
        again = split_parts(document, bracketed, list(TITLES))
        if len(again[0]) >= 2:
            headings, (parts, title, front) = bracketed, again
        else:
            document.items[:] = first
    items = document.items
    b.score = 0.09 * len(parts)
    byline, front = split_byline(front)
    preamble = [i.text for i in split_addressee(front, b)]
    keys = [key for key, _, _ in parts]
    if not headings.bracketed and keys and "overview" not in keys and headings.numbers.get(keys[0]) == 2:
        # the 导语 followed straight by "（一）……", then "二、……": part 一 printed without its heading
        preamble, unheaded = split_unheaded_part_one(preamble, b, TITLES["overview"])
        if unheaded:
            b.data.setdefault("overview", {}).update(narrative(unheaded))
    if preamble:
        b.put("preamble.text", preamble if len(preamble) > 1 else preamble[0])
    tail: list[TextItem] = []
    for n, (key, printed, start) in enumerate(parts):
        end = parts[n + 1][2] if n + 1 < len(parts) else len(items)
        if getattr(items[start], "run_in", False):  # printed "二、……情况　正文……": kept so
            b.put(f"{key}.heading_runin", True)
        span = items[start + 1 : end]
        if n + 1 == len(parts):
            split_imprint(span, b)  # the 版记 ends the report, after a 附表 placed after the signature
        body = [i for i in span if isinstance(i, TextItem)]
        if n + 1 == len(parts):
            appendix = split_appendix(span)
            if appendix:  # the 附表 printed after the signature: its text and tables become [tables]
                body = [i for i in body if i not in appendix]
                _appendix(appendix, b)
            split_note(body, b)
            tail = split_signature(body)
        data: dict[str, Any] = {}
        if key in OWN_PARTS or printed != TITLES[key]:
            data["heading"] = printed
        data.update(narrative([i.text for i in body]))
        b.data.setdefault(key, {}).update(data)
        if key == "tables":
            span = items[start + 1 : end]
            printed = typed_tables([i for i in span if isinstance(i, Grid)], table_captions(span))
            if printed:
                b.data["tables"]["printed"] = printed
                b.note("tables", PRINTED_NOTE)
                _drop_captions(b.data["tables"], printed)
    if headings.untitled:
        standard = TITLES[headings.untitled]
        b.note(headings.untitled, f"原文这一部分只印了序号“一、”，没有标题文字，按格式的标题“{standard}”导入，请核对")
    for key, printed_as in headings.as_printed.items():
        b.put(f"{key}.number_as_printed", printed_as)
        b.note(f"{key}.number_as_printed", f"原文此部分的序号印作“{printed_as}”，照原样保留")
    for position, (key, _, _) in enumerate(parts, start=1):  # a number printed out of order is kept as printed
        printed_number = headings.numbers.get(key)
        if printed_number is not None and printed_number != position and key != "tables":
            b.data[key]["number"] = printed_number
            printed_as = f"{CN_DIGITS[printed_number - 1]}、"
            b.note(f"{key}.number", f"原文此部分印作“{printed_as}”（按顺序应为第{position}部分），照原样保留")
    for path, what, required in _STATED:
        text = "".join(_texts(b.data.get(path.split(".")[0], {})))
        # each phrase of the statistic in turn (two say a 主动公开 total: "主动公开……N条", "清理出N条……已公开")
        said = (p.compile().search(text) for p in FIXED if p.path == path)
        if m := next((m for m in said if m), None):
            b.put(path, int(m.group("n").replace(",", "")))
            b.note(path, f"{what}取自正文“{m.group(0)}”，请核对")
        elif m := _NONE[path].search(text):
            b.put(path, 0)
            b.note(path, f"正文说“{m.group(0)}”，{what}记为 0，请核对")
        elif required:
            b.note(path, f"正文中没有找到{what}，请填写", level="error")
    if isinstance(b.data.get("active"), dict) and (categories := _categories(_texts(b.data["active"]))):
        b.put("active.categories", categories)
        b.note("active.categories", f"按类别的主动公开条数取自正文（{len(categories)}类，各带占比），请核对")
    missing = [TITLES[k] for k in REQUIRED if k not in {p[0] for p in parts}]
    if missing:
        b.note("", "没有找到这些部分的标题（原文可能没有这些部分，请核对）：" + "、".join(missing))
    b.data.setdefault("signature", {})
    tail = signed_under_title(byline, tail, b)
    metadata(document, title, preamble, tail, b)
    signature_organ(tail, b)
    printed = [key for key, _, _ in parts if key in TITLES or key in OWN_PARTS]
    in_order = [key for key in TITLES if key in printed]
    own = [key for key in OWN_PARTS if key in b.data]
    if own or printed != in_order:  # parts of its own, or parts out of the format's order: as printed
        b.data["sections"] = [
            "report",
            "preamble",
            *printed,
            "signature",
            *(["imprint"] if "imprint" in b.data else []),
        ]
    for key in own:
        heading = b.data[key].get("heading", "")
        b.note(key, f"“{heading}”不是格式中的部分，导入为本报告自有的部分 [{key}]，请核对")
    order = ("format", "sections", "report", "preamble", *TITLES, *OWN_PARTS, "signature", "imprint")
    data = {k: b.data[k] for k in order if k in b.data}
    return ImportResult("legacy", data, min(1.0, b.score), b.notes)


def _appendix(items: list[Any], b: Builder) -> None:
    """A 附表 printed after the signature → ``[tables]`` placed there, its heading as printed, each table as printed."""
    texts = [i for i in items if isinstance(i, TextItem)]
    tables: dict[str, Any] = {"heading": texts[0].text.strip() if texts else "附表", "after_signature": True}
    if len(texts) > 1:
        tables.update(narrative([t.text for t in texts[1:]]))
    printed = typed_tables([i for i in items if isinstance(i, Grid)], table_captions(items))
    if printed:
        tables["printed"] = printed
        b.note("tables", PRINTED_NOTE)
        _drop_captions(tables, printed)  # a table's title line is its caption, not the part's text
    b.data["tables"] = tables


PRINTED_NOTE = "附表照原样导入为 [[tables.printed]]；表中本年数与各部分数据逐行核对，请核对表头与各行"


def _drop_captions(tables: dict[str, Any], printed: list[dict[str, Any]]) -> None:
    """The captions now belong to their tables: they are not also the part's text."""
    captions = {t["caption"] for t in printed if "caption" in t}
    text = tables.get("text")
    if isinstance(text, str) and text in captions:
        del tables["text"]
    elif isinstance(text, list):
        kept = [t for t in text if t not in captions]
        if kept:
            tables["text"] = kept if len(kept) > 1 else kept[0]
        else:
            del tables["text"]


def _texts(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [t for x in data for t in _texts(x)]
    if isinstance(data, dict):
        return [t for x in data.values() for t in _texts(x)]
    return []


@hookimpl
def gongkai_import_report(document: PublishedDocument, format: str | None) -> ImportResult | None:
    if format not in (None, "legacy"):
        return None
    result = import_document(document)
    year = report_year(result.data)
    first, last = LEGACY.years
    of_its_years = year is not None and (first is None or year >= first) and (last is None or year <= last)
    # a short report of the legacy years (a township's three parts) is offered too; more parts are needed otherwise
    if format is None and result.confidence < (0.15 if of_its_years else 0.3):
        return None
    return result
