"""What importing a published report means in every format: numbers, labels, numbering and metadata.

The format plugins (``plugins/gb2021/importer.py``, ``plugins/legacy/importer.py``) share these rules: a label is
compared without spaces and with ``1、`` read as ``1.``; numbering (（一）, 1., （1）) is taken off and becomes the
item's position; the title gives organ and year; the signature gives 成文日期, else the page's 公开日期 (noted).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from compiler.importers.base import Grid, ImportNote, Place, PublishedDocument, TextItem
from compiler.model.numbering import PRINTED_VARIANTS, goes_on_from, label, printed_number
from compiler.model.schema import CELL_UNIT_PATTERN, SIGN_WORDS
from plugins.common.texts import in_title

CN_DIGITS = "一二三四五六七八九十"
#: the words a colon follows when it brings in a list, not a heading's end: "……120条,其中:"
_BREAKDOWN_COLON = re.compile(r"(?:其中|包括|分别为?|如下)[：:]$")
PART_HEADING = re.compile(r"^([一二三四五六七八九十]{1,2})\s*[、.．，,]\s*(.{2,40}?)[。：:]?$")
# a unit or measure word printed in the cell ("251000元", "2笔") is allowed
NUMBER_TEXT = re.compile(rf"^[-−+＋{SIGN_WORDS}]?\d[\d,，]*(?:[.．]\d+)?{CELL_UNIT_PATTERN}?$")
CELL_UNIT = re.compile(rf"{CELL_UNIT_PATTERN}$")
DASH = re.compile(r"^[-—－–/／、]+$|^无$")
_ITEM_MARKERS = (
    # its opening bracket may be lost ("一)主动公开情况", 西秀区东街办事处 2020's copy): still the item's number, kept
    # as printed (and reported)
    ("（一）", re.compile(r"^[（(]?([一二三四五六七八九十]{1,3})[）)](?P<dun>、?)\s*")),
    ("1.", re.compile(r"^(\d{1,2})\s*(?P<mark>[.．、])(?!\d)\s*")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)](?P<dun>、?)\s*")),
    # an ordinal on a heading's own line, "第一,主动公开" (固阳县下湿壕镇 2022); in a sentence it is prose
    ("第一，", re.compile(r"^第([一二三四五六七八九十]{1,3})(?P<ord>[，,])\s*(?=[^。；！？]{1,20}$)")),
)
#: the printed variants of a numbering an item list may use (a list is one kind whatever mark each item has)
_BASE_MARKER = PRINTED_VARIANTS
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|^D:(\d{4})(\d{2})(\d{2})")
#: "孝昌县2020政府信息公开工作年度报告": a title whose year lost its 年 is still a title (its slip is checked), and
#: so is "平潭县人防办2011年度政府信息工作公开年度报告"
_TITLE = re.compile(r"^(.*?)(\d{4})\s*(?:年?(?:年度|度)|年)?\s*(?:政府信息(?:工作)?公开|政务公开|信息公开)")
#: a title whose year follows it in brackets: "宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)"
_TITLE_YEAR_AFTER = re.compile(
    r"^(.*?)(?:政府信息(?:工作)?公开|政务公开|信息公开)[^（(]*?(?:年度报告|年报)\s*[（(]\s*(\d{4})\s*年度?\s*[）)]$"
)
#: a title whose year stands after 政府信息公开工作, before what the report is called: "河北省体育局政府信息公开工作
#: 2011年度工作报告" (河北省体育局 2011)
_TITLE_YEAR_INSIDE = re.compile(
    r"^(.*?)(?:政府信息(?:工作)?公开|政务公开|信息公开)(?:工作)?\s*(\d{4})\s*(?:年度?)?\s*(?:工作)?(?:年度报告|年报|报告)$"
)
# the year first, the organ after it: "2018年建新镇政府信息公开工作年度报告" — its 年 may be lost, the organ's name
# straight after the year ("2014池江镇政府信息公开工作年度报告", 大余县池江镇 2014: the slip is checked)
_TITLE_YEAR_FIRST = re.compile(
    r"^(\d{4})\s*(?:年(?:度)?|(?=[\u4e00-\u9fff])(?!年))\s*(\S*?)(?:政府信息公开|政务公开|信息公开)"
)


#: a title with the 条例's words cut short but its organ, its year and its 年度报告 printed:
#: "铜仁高新区2014年信息年度报告" (held-out round 138) — read as a title, whose wording the checks then report
_TITLE_MISWORDED = re.compile(
    r"^(?P<organ>[^\d，。；：:,、（）()]{2,30}?)(?P<year>\d{4})\s*年度?\s*(?P<middle>[^\d，。；：:,]{0,12}?)(?:年度报告|年报)$"
)


#: a tag in brackets before a title: "(文字版)2017年芜湖市政府信息公开工作年度报告" (芜湖市 2017)
_LEADING_TAG = re.compile(r"^[（(][^（）()]{1,6}[）)]\s*(?=\d{4}|[\u4e00-\u9fff])")


def title_parts(title: str) -> tuple[str, int] | None:
    """The organ (possibly "") and the year a report's title names, in either order; ``None``: not a title.  A
    title said as a 公文's "关于……的报告" names its organ before 关于 ("西藏自治区气象局关于2017年度……的报告"); a tag in
    brackets before it ("(文字版)") is not part of the organ's name."""
    title = _LEADING_TAG.sub("", title)
    if (m := _TITLE.match(title)) and m.group(1):
        # "关于2020年度……报告" alone names no organ: the organ is the line above it, if any ("邯郸市商务局" /
        # "关于2020年度政府信息公开工作报告", 邯郸市商务局 2020, held-out round 290)
        return m.group(1).removesuffix("关于"), int(m.group(2))
    if (after := _TITLE_YEAR_AFTER.match(title)) and after.group(1):
        return after.group(1), int(after.group(2))
    if (inside := _TITLE_YEAR_INSIDE.match(title)) and inside.group(1):
        return inside.group(1), int(inside.group(2))
    if y := _TITLE_YEAR_FIRST.match(title):
        organ = y.group(2)
        # "2012年泾县人民政府信息公开年度报告": the organ's 政府 is also the first word of 政府信息公开
        if organ.endswith("人民") and title[y.end() - len("政府信息公开") :].startswith("政府信息公开"):
            organ += "政府"
        return organ, int(y.group(1))
    if (w := _TITLE_MISWORDED.match(title)) and ("信息" in w["middle"] or "公开" in w["middle"]):
        return w["organ"], int(w["year"])
    return None


def norm(text: str | None) -> str:
    """A label compared by meaning: no spaces, ``1、``/``1．`` as ``1.``, ASCII brackets and quotes as printed in
    the format."""
    if not text:
        return ""
    t = re.sub(r"\s+", "", text)
    t = t.replace("(", "（").replace(")", "）").replace('"', "”")
    t = re.sub(r"^(\d+)[、．,，]", r"\1.", t)
    return t


def strip_number(text: str) -> str:
    return re.sub(r"^(?:\d+\.|[（][一二三四五六七八九十]+[）]|[一二三四五六七八九十]+、)", "", text)


def number_value(text: str | None) -> tuple[Any, str | None]:
    """``(value, problem)``: an int or a float from a cell's text; blank → ``(None, None)``."""
    if text is None or not text.strip():
        return None, None
    t = re.sub(r"\s+", "", text).replace("，", ",").replace("．", ".").replace("−", "-").replace("＋", "+")
    if DASH.match(t):
        return None, f"单元格印作“{text}”，不是数字，按空白处理"
    if not NUMBER_TEXT.match(t):
        return None, f"单元格“{text}”不是数字"
    problem = f"单元格“{text}”含千分位逗号，按 {t.replace(',', '')} 读取" if "," in t else None
    t = t.replace(",", "")
    if CELL_UNIT.search(t) or t[0] in "增减":  # "2笔", and a sign said in words ("减11"): kept as printed
        return t, f"单元格印作“{text}”，照原样保留"
    return (float(t) if "." in t else int(t)), problem


def printed_form(text: str, value: Any) -> Any:
    """The value as the schema keeps it when the printed digits say more than the number (``7545.00``, a plus
    sign ``+2``): the printed string; otherwise the number."""
    t = re.sub(r"\s+", "", text).replace("＋", "+")
    if isinstance(value, float) and re.fullmatch(r"-?\d+\.\d*0", t):
        return t
    if isinstance(value, int | float) and re.fullmatch(r"\+\d+(?:\.\d+)?", t):
        return t
    return value


@dataclass
class Builder:
    """The data being imported and the notes about it."""

    fmt: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[ImportNote] = field(default_factory=list)
    score: float = 0.0
    cell_kind: bool = False  # the schema keeps blank cells ("") and printed labels (see plugins/gb2021/active)

    def note(self, keypath: str, message: str, place: Place | None = None, level: str = "warning") -> None:
        self.notes.append(ImportNote(keypath, message, place, level))  # type: ignore[arg-type]

    def put(self, keypath: str, value: Any, key: str | None = None) -> None:
        """Set ``keypath`` to ``value``; with ``key``, set ``key`` — which may hold a dot, a TOML quoted key such as
        ``"item_5.change"`` — in the table at ``keypath``."""
        node = self.data
        *parents, last = keypath.split(".")
        if key is not None:
            parents, last = [*parents, last], key
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = value


#: a run-in heading ended by a Western full stop between Chinese characters: "(二)深化信息公开工作.铜仁高新区……"
#: (铜仁高新区 2014) — the heading as printed, its "." kept (and reported by the checks)
_WESTERN_STOP_HEADING = re.compile(r"^([^。；！？.]{1,30}?(?<=[\u4e00-\u9fff])\.)(?=[\u4e00-\u9fff])(.*)$")


def split_marker(text: str, kind: str | None) -> tuple[str, str, str] | None:
    """``(kind, heading, rest)`` if ``text`` starts with an item number of ``kind`` (any kind when ``None``)."""
    base = None if not kind else "第一，" if kind.startswith("第") else _BASE_MARKER.get(kind, kind)
    for name, pattern in _ITEM_MARKERS:
        if base not in (None, name):
            continue
        m = pattern.match(text)
        if m:
            if name == "1." and m["mark"] != ".":  # printed "1、" or "1．": kept as printed (numbering = "1、")
                name = f"1{m['mark']}"
            elif name == "第一，":
                name = f"第一{m['ord']}"  # the comma as printed
            elif name != "1.":
                if text.startswith("("):  # half-width brackets: kept as printed ("(一)")
                    name = name.replace("（", "(").replace("）", ")")
                name += m["dun"]  # a 顿号 after the brackets: kept as printed ("(一)、")
            body = text[m.end() :]
            hm = re.match(r"^([^。；！？]{1,30}[。：:])(.*)$", body) or _WESTERN_STOP_HEADING.match(body)
            # a colon that brings in the breakdown of what the sentence counted ("1.政务网公开120条,其中:省局网站22篇,
            # ……", 贵溪市林业局 2019, held-out round 262) ends no heading: the item is that one sentence
            if hm and _BREAKDOWN_COLON.search(hm.group(1)):
                hm = None
            if hm:
                return name, hm.group(1), hm.group(2)
            if len(body) <= 30:
                return name, body, ""
            return name, "", body
    return None


def first_subpart(paragraphs: list[str]) -> int | None:
    """Where the front matter's "（一）" sub-parts begin — part 一 printed without its heading, the 导语 running
    straight into "（一）主动公开情况。……" (榆树市环城乡 2023), or the title itself when the report has no 导语 (芦庙乡
    2021: the title, then "(一)主动公开政府信息的情况") — or ``None``."""
    for n, text in enumerate(paragraphs):
        found = split_marker(text, "（一）")
        if found and printed_number(text[: len(text) - len(found[1]) - len(found[2])].strip()) == 1:
            return n
    return None


def split_unheaded_part_one(preamble: list[str], b: Builder, title: str) -> tuple[list[str], list[str]]:
    """The front matter's paragraphs split where part 一, printed without its heading ``title``, begins
    (:func:`first_subpart`): (the 导语, part 一's paragraphs), ``no_heading`` set and said; (``preamble``, []) when the
    front matter runs into no "（一）"."""
    at = first_subpart(preamble)
    if at is None:
        return preamble, []
    b.put("overview.no_heading", True)
    b.note("overview.no_heading", f"导语之后直接是“（一）……”，没有“一、{title}”标题：照原样记为 no_heading = true")
    return preamble[:at], preamble[at:]


def numbers_as_printed(kind: str, printed: list[str]) -> list[str | None]:
    """For each item of a list numbered in ``kind``, its number as printed where it is not the one after the
    number printed before it — "（四）" after "（二）" (沂水县卫生局 2009), a second "（三）" — so that the rebuilt
    report keeps it (``number_as_printed``) instead of renumbering; ``None`` where it is."""
    out: list[str | None] = []
    last = 0
    for text in printed:
        expected = label(kind, last + 1)
        last = goes_on_from(text, last)
        out.append(text if text != expected else None)
    return out


def narrative(paragraphs: list[str], depth: int = 0) -> dict[str, Any]:
    """Paragraphs → ``text`` and numbered ``items`` (``heading``, ``text``, nested ``items``), numbers removed."""
    kind = None
    for p in paragraphs:
        found = split_marker(p, None)
        if found and depth < 2:
            kind = found[0]
            break
    out: dict[str, Any] = {}
    if kind is None:
        if paragraphs:
            out["text"] = paragraphs if len(paragraphs) > 1 else paragraphs[0]
        return out
    before: list[str] = []
    items: list[tuple[str, str, list[str], str]] = []
    for p in paragraphs:
        found = split_marker(p, kind)
        if found:  # the number as printed: what the marker took off the paragraph
            # (a space after the number is part of it, as printed: "2. 重点工作")
            items.append((found[1], found[2], [], p[: len(p) - len(found[1]) - len(found[2])].lstrip()))
        elif items:
            items[-1][2].append(p)
        else:
            before.append(p)
    if before:
        out["text"] = before if len(before) > 1 else before[0]
    if kind != "（一）" or depth > 0:
        out["numbering"] = kind
    built = []
    for (heading, rest, more, _), printed in zip(items, numbers_as_printed(kind, [i[3] for i in items]), strict=True):
        item: dict[str, Any] = {}
        if printed is not None:
            item["number_as_printed"] = printed
        if heading:
            item["heading"] = heading
            if not rest and more:  # printed on its own line, its text below it: kept so
                item["heading_alone"] = True
        body = ([rest] if rest else []) + more
        inner = narrative(body, depth + 1) if body else {}
        item.update(inner)
        built.append(item)
    out["items"] = built
    return out


#: what the last line of a title calls the document: 报告, or 年报 ("汤浦镇2009年政府信息公开工作年报"), its year
#: in brackets after it ("阿勒泰市人民政府办公室政府信息公开年报(2009年)", held-out round 262)
_REPORT_WORD = re.compile(r"报告|年报(?:\s*[（(]\s*\d{4}\s*年度?\s*[）)])?$")


#: a line of the 导语, not of a title: a sentence's marks, a cited title
_SENTENCE_MARKS = re.compile(r"[，,。；;《》]")


#: a sentence that speaks to the reader as 您: a portal's box beside the report, not its 导语 (上海市黄浦区 2013's page,
#: above the title: "依申请公开受理" / "除行政机关主动公开的政府信息外,您还可以根据自身的特殊需要,向各政府部门申请获取
#: 相关政府信息。"): the title is still looked for after it
_TO_THE_READER = re.compile(r"您")


#: what a title's line never holds: a table's cell marks, a label's colon, a list's bullet
_NOT_A_TITLE_LINE = re.compile(r"[|｜:：•●▪]")


def _title_at(lines: list[TextItem], end: int) -> tuple[int, str] | None:
    """The title whose last line is ``lines[end]``, as (its first line, its words): that line alone when it names
    organ and year, else with the one or two lines above it ("察隅县古拉乡2022年政府信息" / "公开工作年度报告",
    "高平市人民政府办公室" / "2023年政府信息公开工作年度报告")."""
    fallback = None
    for start in range(end, max(end - 3, -1), -1):
        if start < end and _NOT_A_TITLE_LINE.search(lines[start].text):
            # a 目录 row, a labelled cell or a bulleted menu entry above is the page's, not the title's first line
            # ("• 题裁分类:" over the 名称 row's title, 湖南省生态环境厅 2023)
            break
        if start < end and _REPORT_WORD.search(norm(lines[start].text)):
            # a line above that ends as a title is one of its own — the page's headline over the report's own title
            # line ("天山区政务服务管理局2022年度政府信息公开工作年报" over "……政府信息公开工作年报", 天山区 2022)
            break
        joined = "".join(norm(i.text) for i in lines[start : end + 1])
        parts = title_parts(joined)
        if parts and parts[0]:
            return start, joined
        if parts and fallback is None:
            fallback = start, joined
    return fallback


#: a report's title that names its organ and no year: "阿里地区旅游发展局政府信息公开工作年度报告"
_UNDATED_TITLE = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff（）()]{2,40}?)(?:政府信息(?:工作)?公开|政务公开|信息公开)(?:工作)?(?:年度报告|年报)$"
)


def undated_title(title: str) -> str | None:
    """The organ of a title that names no year, or None (a dated title, or no title)."""
    m = _UNDATED_TITLE.match(title)
    return m["organ"] if m else None


#: the year a report's text says its work in: "2019年全年采集……", "2019年，我局……", "2019年度共……"
_WORK_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?:全年|度|[，,]|我|本|共|以来)")


def _year_of_the_work(doc: PublishedDocument) -> int | None:
    """The year the first paragraphs say the work was done in (:data:`_WORK_YEAR`), or None; a year inside a cited
    document's title ("印发了《关于2019年度行政规范性文件备案审查……》") is the document's."""
    for item in doc.paragraphs[:8]:
        if m := next((m for m in _WORK_YEAR.finditer(item.text) if not in_title(item.text, m.start())), None):
            return int(m[1])
    return None


def _own_title_without_year(headline: str, line: str) -> bool:
    """Whether ``line`` is the report's own title under the page's ``headline``, printed without the year: the
    headline's organ opens it and it names no year of its own."""
    parts = title_parts(headline)
    return bool(parts and parts[0] and line.startswith(parts[0]) and not re.search(r"\d{4}", line))


def title_of(doc: PublishedDocument, front: list[TextItem]) -> tuple[str, list[TextItem]]:
    """The title (from the first lines or the page's metadata) and the front paragraphs after it; a 发文字号 printed
    above the title is not part of it (:func:`metadata` reads it).  The portal's lines around the report are left
    out first (:func:`plugins.common.pagefurniture.page_front`; the day the page gives for posting it is kept in
    ``doc.metadata["页面发布日期"]``); when the page prints the title twice — its headline, then the report's own
    title lines — the report's own is taken, and nothing above the title is the report's."""
    from plugins.common.pagefurniture import page_front

    if front and number_and_signer(front[0].text):
        front = front[1:]
    front, posted = page_front(front)
    if posted is not None:
        doc.metadata.setdefault("页面发布日期", posted.isoformat())
    found: tuple[int, int, str] | None = None
    # a portal's menu of short lines may stand above the title (安庆市 2012: twenty-two lines of its 信息公开 menu —
    # 组配分类, •决策, 主题分类 …): the title is looked for until the 导语 begins, well past a dozen lines
    for end, item in enumerate(front[:40]):
        text = norm(item.text)
        if found is None and re.match(r"\s*[•●▪]", text):
            continue  # a bulleted row of the page's metadata ("• 政务公开,年报", 上街区 2020): its comma is no 导语's
        if (_SENTENCE_MARKS.search(text) or len(text) > 80) and not (found is None and _TO_THE_READER.search(text)):
            break  # the 导语 has begun
        if not _REPORT_WORD.search(text):
            continue
        at = _title_at(front, end)
        if at is None and found is not None and _own_title_without_year(found[2], text):
            # the page's headline, then the report's own title printed without its year ("天山区政务服务管理局
            # 政府信息公开工作年报" under "……2022年度……年报", 天山区 2022): the report's own, as printed
            doc.metadata.setdefault("页面标题", found[2])  # the year the report's own title leaves out
            found = (end, end, text)
            continue
        if at is None:
            continue
        # the page's headline, then the report's own title lines for the same year: the report's own
        same_year = found is not None and (title_parts(at[1]) or ("", 0))[1] == (title_parts(found[2]) or ("", 1))[1]
        # the title's last line printed again under it ("石家庄市人民政府办公室" / "2022年……年度报告" / "2022年……年度
        # 报告", 石家庄市政府办 2022): a repeat, not the report's own title
        # — only a title of two lines or more repeats its last one; a headline of one line before a shorter title
        # line is the page's ("石埠子镇2012年……年度报告" over the report's own "2012年……年度报告", 石埠子镇 2012)
        repeated = found is not None and found[0] < found[1] and norm(front[found[1]].text) == at[1]
        if found is None or (same_year and not repeated):
            found = (at[0], end, at[1])
    if found is not None:
        return found[2], front[found[1] + 1 :]
    # a title that names no year ("阿里地区旅游发展局政府信息公开工作年度报告", 阿里地区旅游发展局 2019), as the first
    # line: :func:`metadata` takes the organ from it and the year from the text
    if front and undated_title(norm(front[0].text)):
        return norm(front[0].text), front[1:]
    for key in ("meta:ArticleTitle", "heading", "title", "标题", "名称", "pdf:Title", "docx:title", "xlsx:title"):
        value = doc.metadata.get(key, "")
        if title_parts(norm(value)):
            return norm(value).split("_")[0], front
    return "", front


#: 主送机关 (GB/T 9704 §7.3.2) on its own line under the title: organs parted by 、 or ，, ending in a colon —
#: "县政府办:", "区管委会办公室：", "各乡镇人民政府，县直各单位："
_ADDRESSEE = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}?(?:政府|办公室|办|局|委|委员会|管委会|办事处|部门|单位|中心|公司|组)"
    r"(?:[、，,][\u4e00-\u9fff（）()]{2,30}?(?:政府|办公室|办|局|委|委员会|管委会|办事处|部门|单位|中心|公司|组))*[：:]$"
)


def split_byline(front: list[TextItem]) -> tuple[list[TextItem], list[TextItem]]:
    """The 署名 and 成文日期 some reports print centred under the title ("上海市青浦区教育局" / "2012年2月15日"):
    a line that is a date alone, after at most one short organ line, opening the front matter.  Returns
    (those lines, the rest of the front matter); no lines when the front matter does not open so."""
    for n in (1, 2):
        if len(front) < n:
            break
        *organ, dated = front[:n]
        line = dated.text.strip()
        month = re.fullmatch(r"\d{4}\s*年\s*\d{1,2}\s*月", line)  # "2017年2月" (越秀区发改局 2016): no day printed
        if (date_of(line) is None and not month) or len(line) > 20 or re.search(r"[，。；：:,;]", line):
            continue
        # the organ line: an organ's name, or a place's own as a government signs ("上海市松江区", 松江区 2012)
        if organ and not (
            len(signer := organ[0].text.strip()) <= 30
            and (signer.endswith(SIGNATURE_ORGAN) or re.fullmatch(r"[\u4e00-\u9fff]{2,12}[省市区县旗州]", signer))
        ):
            continue
        return front[:n], front[n:]
    return [], front


def signed_under_title(byline: list[TextItem], tail: list[TextItem], b: Builder) -> list[TextItem]:
    """A report signed under its title and not after its text: ``[signature] place = "under-title"``, and the
    lines under the title are the signature ``metadata`` and ``signature_organ`` read."""
    if not byline or tail:
        return tail
    b.put("signature.place", "under-title")
    b.note("signature.place", "署名和成文日期印在标题下，照原样排在标题下")
    return byline


#: the line "引言" (or "引 言", "前言") printed alone above the 导语 (北京, 上海, 广州 templates)
_PREAMBLE_HEADING = re.compile(r"^(?:引\s*言|前\s*言)[：:]?$")


def split_addressee(front: list[TextItem], b: Builder) -> list[TextItem]:
    """The 主送机关 line that opens the front matter, put in ``report.addressee``, and a line "引言" after it, put
    in ``preamble.heading``; the rest of the front matter (the 导语's paragraphs)."""
    if front and _ADDRESSEE.match(norm(front[0].text)):
        b.put("report.addressee", front[0].text.strip())
        front = front[1:]
    if len(front) > 1 and _PREAMBLE_HEADING.match(front[0].text.strip()):
        b.put("preamble.heading", front[0].text.strip())
        front = front[1:]
    return front


#: A part found in the document: its key, the title as printed, and its index in ``document.items``.
Part = tuple[str, str, int]
#: a part heading printed run in before its text: "二、主动公开政府信息情况　谯城区政务服务中心按照……" — the title
#: ends at the white between them, or (a web page's reader drops that white) at the first word a part title ends on
_RUN_IN = re.compile(
    r"^(\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*(?:[^，。；,;:：\s\u3000]{2,30}?(?=[ \u3000])"
    r"|[^，。；,;:：\s\u3000]{2,30}?(?:情况|事项|问题|措施)|概述))[ \u3000]*(\S.*)$"
)


#: a part's number printed alone on its line ("二、"), its name on the next (沙依巴克区 2019)
_BARE_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*$")


def _numbers_joined(items: list[TextItem | Grid]) -> list[TextItem | Grid]:
    """The items with a part's number printed alone and the short line after it (no sentence in it) made one
    heading, as the reader sees them: "二、" + "主要公开政府信息情况" is "二、主要公开政府信息情况"."""
    out: list[TextItem | Grid] = []
    for item in items:
        before = out[-1] if out else None
        if (
            isinstance(item, TextItem)
            and isinstance(before, TextItem)
            and _BARE_NUMBER.match(before.text)
            and 2 <= len(item.text.strip()) <= 30
            and not re.search(r"[。；;，,]", item.text)
        ):
            kind = "heading" if "heading" in (before.kind, item.kind) else before.kind
            out[-1] = TextItem(before.text.strip() + item.text.strip(), before.place, kind)
            continue
        out.append(item)
    return out


#: words, then a sentence's mark, after a run-in heading: the text is the part's, never the heading's words (a 。
#: alone after the title is the heading's own: "二、主动公开政府信息情况。", 凤阳县府城镇 2015)
_RUN_IN_SENTENCE = re.compile(r"^[^，,。；;]*[\u4e00-\u9fff\d]{2}[^，,。；;]*[，,。；;]")

Recogniser = Callable[[TextItem, int], tuple[str, str] | None]


def _takes_for_a_part(heading: Recogniser, head: TextItem, expected: int) -> bool:
    """Whether the recogniser, tried on a copy (it may keep state), takes ``head`` for one of the format's parts."""
    tried = copy.deepcopy(heading)(head, expected)
    return tried is not None and not tried[0].startswith("extra")


def split_parts(
    document: PublishedDocument, heading: Recogniser, order: Sequence[str]
) -> tuple[list[Part], str, list[TextItem]]:
    """The parts of a report, found in reading order by ``heading(item, expected_number)`` (the format's own
    recogniser, which returns the part's key and printed title), the title, and the front paragraphs between the
    title and the first part (the 导语).  After part *n* the next expected number is the one after *n*'s place in
    ``order``, so a report that leaves a part out is still followed."""
    items: list[TextItem | Grid] = []
    parts: list[Part] = []
    expected = 1
    for item in _numbers_joined(document.items):
        m = _RUN_IN.match(item.text) if isinstance(item, TextItem) else None
        head = TextItem(m.group(1).strip(), item.place, "heading", run_in=True) if m else None
        # a run-in text that holds a sentence ("二、主动公开政府信息情况　全年主动公开政府信息100条，其中……") is tried
        # split first: a recogniser that would take the whole short line for a heading must not swallow the text
        split_first = (
            head is not None
            and _RUN_IN_SENTENCE.search(m.group(2)) is not None
            and _takes_for_a_part(heading, head, expected)
        )
        found = heading(item, expected) if isinstance(item, TextItem) and not split_first else None
        # "二、主动公开政府信息情况　谯城区……": a part heading run in before its text — split off when the recogniser
        # (tried on a copy: it may keep state; tried once) takes it for one of the format's parts
        if (
            found is None
            and head is not None
            and (split_first or _takes_for_a_part(heading, head, expected))
            and (found := heading(head, expected))
        ):
            parts.append((*found, len(items)))
            items.append(head)
            item = TextItem(m.group(2), item.place)
            found = None  # the heading is placed; what is left is the part's first paragraph
            expected = list(order).index(parts[-1][0]) + 2 if parts[-1][0] in order else expected
        if found and found[0] in order and any(p[0] == found[0] for p in parts):
            # a second heading read as a part already found ("一、概述" then "二、总体情况", 疏勒县 2020: both are
            # part 一's names): the report's own part, kept as a paragraph of the one before — never its text lost
            found = None
        if found:
            parts.append((*found, len(items)))
            if found[0] in order:  # a part outside the order (a report's own) does not move the expectation on
                expected = list(order).index(found[0]) + 2
        items.append(item)
    document.items[:] = items
    first = parts[0][2] if parts else len(items)
    title, front = title_of(document, [i for i in items[:first] if isinstance(i, TextItem)])
    return parts, title, front


def date_of(text: str) -> dt.date | None:
    """The first date in ``text``: 2019年2月14日, 2019-02-14, a PDF date, or 二○一○年四月十日 as older reports sign."""
    m = _DATE.search(text) or _ISO_DATE.search(text)
    if not m:
        from plugins.common.signature import CN_DATE, parse_printed_date

        chinese = CN_DATE.search(text)
        return parse_printed_date(chinese.group(0)) if chinese else None
    y, mo, d = (g for g in m.groups() if g is not None)
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


#: Where a date may be stated when the signature has none, most specific first.
_DATE_KEYS = (
    "成文日期",
    "发布日期",
    "公开日期",
    "发文日期",
    "日期",
    "时间",
    "meta:PubDate",
    "meta:pubdate",
    "pdf:CreationDate",
)


#: the report named in its own 导语: "现公布昭通市2024年政府信息公开工作年度报告", "由北京市东城区审计局编制的2009年度
#: 政府信息公开年度报告", "现将我局2019年政府信息公开工作年度报告如下", "并结合杨村街道2025年度政府信息公开工作情况编制"
_NAMED_REPORT = re.compile(
    r"(?:(?:公布|发布|现将|将|编制|编制了|是|结合)(?:《)?(?P<organ>[\u4e00-\u9fff（）()]{2,30}?))?"
    r"(?P<year>\d{4})\s*年度?\s*(?:本级)?(?:政府信息公开|政务公开|信息公开)(?:工作)?"
    # "现将沙依巴克区人民政府2019年政府信息公开工作情况报告如下" (沙依巴克区 2019): 报告 the verb, what is reported
    # the year's work; "现发布省市场监管局2023年政府信息公开情况报告" (黑龙江省市场监管局 2023): the report under
    # another name
    r"(?:(?:年度)?(?:报告|年报)|情况编制|情况报告)"
)
#: the report named year first, its organ after: "现公布2017年芜湖县文广新局政府信息公开年报" (芜湖县文广新局 2017),
#: "现公布2022年汨罗市交通运输局信息公开工作年度报告" (汨罗市交通运输局 2022)
_NAMED_REPORT_YEAR_FIRST = re.compile(
    r"(?:公布|发布|现将|编制)(?P<year>\d{4})\s*年度?(?P<organ>[\u4e00-\u9fff（）()]{2,30}?)"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)"
)
_COMPILED_BY = re.compile(r"由(?P<organ>[\u4e00-\u9fff（）()]{2,30}?)(?:综合|汇总|负责)?(?:编制|编写|制作)")
#: the office or section of an organ that compiles its report, after the organ's name
_COMPILING_OFFICE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:党政办公室|党政办|办公室)?(?:综合科|秘书科|信息科)?$")


#: the statistics period of the 导语: "统计期限自2009年1月1日……至2009年12月31日止" — its 年 may be lost in the store
#: ("统计期限为20231月1日至12月31日", 易门县气象局 2023's copy)
_PERIOD_YEAR = re.compile(
    r"(?:统计期限|统计时限|统计时间|统计数据|所列数据)[^。]{0,20}?(\d{4})\s*年?\s*1\s*月\s*1\s*日"
)


#: a 导语 that says it opens an annual report under the 条例 without naming its year: "本年度报告是根据《中华人民共和国
#: 政府信息公开条例》（以下简称《条例》）要求，由……编制而成"
_SAYS_WHAT_IT_IS = re.compile(
    r"(?:本年度报告|本报告|本年报)[^。]{0,12}?(?:根据|依据|按照)《中华人民共和国政府信息公开条例》"
    # the other way round: "依据《中华人民共和国政府信息公开条例》(……)第五十条规定,编制本报告。" (朝外街道 2025;
    # "……第五十条之规定,制作本报告。", 北京市东城区 2020)
    r"|(?:根据|依据|按照)《中华人民共和国政府信息公开条例》[^。]{0,40}?(?:编制|编写|形成|制作)了?(?:本年度报告|本报告|本年报)"
    # the compiler named between them and the report by its whole name: "根据《……条例》(以下简称《条例》)相关规定,
    # 南京市浦口区人民政府永宁街道办事处综合事务部编制本年度政府信息公开工作报告" (永宁街道 2025, held-out round 275)
    r"|(?:根据|依据|按照)《中华人民共和国政府信息公开条例》[^。]{0,60}?(?:编制|编写|形成|制作)了?"
    r"本年度(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告"
)


def _opening_paragraph(doc: PublishedDocument) -> str:
    """Part 一's first paragraph when 一、 stands among the copy's first four paragraphs (no title line), or "" — the
    portal's lines above it not counted (a 目录 table of four rows over "一、总体情况", 天台县街头镇 2020)."""
    from plugins.common.pagefurniture import is_furniture

    paragraphs = [i.text.strip() for i in doc.paragraphs if i.text.strip()]
    paragraphs = list(itertools.dropwhile(is_furniture, paragraphs))
    for n, text in enumerate(paragraphs[:4]):
        if PART_HEADING.match(text) and n + 1 < len(paragraphs):
            return paragraphs[n + 1]
    return ""


#: a 导语 that announces the annual report it opens: "现将全年政府信息公开年度报告编制如下"
_ANNOUNCES_REPORT = re.compile(r"(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)")


#: the topics the 2019 and 2021 formats give part 一's items, as a page prints their headings: "(一)主动公开"
_TOPIC_HEADING = re.compile(r"^\s*[（(]\s*([一二])\s*[)）]\s*(?:政府信息|行政机关)?(主动公开|依申请公开)")
_TOPICS_OF_PART_ONE = {("一", "主动公开"), ("二", "依申请公开")}


def _topics(doc: PublishedDocument) -> set[tuple[str, str]]:
    """The numbered topic headings of part 一 a copy prints among its first paragraphs."""
    return {(m[1], m[2]) for item in doc.paragraphs[:12] if (m := _TOPIC_HEADING.match(item.text))}


#: part 一 headed as the account of one year's disclosure work: "一、2017年政府信息公开工作的基本情况"
_PART_ONE_OF_A_YEAR = re.compile(
    r"^一\s*[、.．]\s*(\d{4})\s*年度?政府信息公开工作(?:的)?(?:基本情况|总体情况|概述|概况)"
)


def _part_one_of_the_years_work(doc: PublishedDocument, year: int) -> bool:
    """Whether part 一, among the first paragraphs, is headed as the account of ``year``'s disclosure work ("一、2017年
    政府信息公开工作的基本情况", 钦州市行政审批局 2017, held-out round 311): a report's part 一, though the copy has no
    title and its 导语 announces no report."""
    return any((m := _PART_ONE_OF_A_YEAR.match(item.text.strip())) and int(m[1]) == year for item in doc.paragraphs[:8])


def _opening_year(opening: str) -> int | None:
    """The year part 一's first paragraph opens with ("2021年白露街道积极按照……", "2024年，我局……"), or None."""
    m = re.match(r"(\d{4})\s*年(?!\d|度?以来)", opening)
    return int(m[1]) if m else None


#: the organ part 一's first paragraph opens with, by its full name, after the year: "2024年,昌图县人民政府办公室坚持以
#: ……" (昌图县人民政府办公室 2024, a copy with no title whose 导语 names no organ); the name is ended by the word that
#: begins what it did, so that "包头市人民政府外事办公室坚持……" is not cut at 人民政府
_OPENING_ORGAN = re.compile(
    r"^(?P<year>\d{4})\s*年度?\s*[，,]?\s*"
    r"(?P<organ>[\u4e00-\u9fff（）()]{2,30}?"
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|办公室|办公厅|管理委员会|委员会|管委会|办事处|局|厅))"
    r"(?=坚持|认真|深入|全面|严格|始终|紧紧|紧密|紧扣|围绕|按照|根据|依据|依照|以习近平|高度|积极|不断|持续|进一步|扎实|着力|切实"
    r"|立足|聚焦|深化|贯彻|落实|继续|准确|牢固|秉持|强化|加强|大力|在)"
)


def _opening_organ(opening: str, year: int | None) -> str | None:
    """The organ part 一's first paragraph names as the subject of the year's work ("2024年,昌图县人民政府办公室坚持
    ……"), by a name that says its place ("我局", "县政府办公室", "省市场监管局" say none), in the year read; or
    ``None``."""
    m = _OPENING_ORGAN.match(opening)
    if m is None or (year is not None and int(m["year"]) != year):
        return None
    organ = m["organ"]
    if organ.startswith(("我", "本", "该", "全", "各", "在")) or re.match(r"(?:省|市(?!中区)|县|区|州|旗|自治)", organ):
        return None
    return organ


def _cited(text: str, m: re.Match[str]) -> bool:
    """Whether the report ``m`` names stands inside the title of another document: within 《》, with more words of
    that title after it."""
    return in_title(text, m.start("year")) and not re.match(r"\s*》", text[m.end() :])


def named_in_preamble(preamble: list[str], work_year: int | None = None) -> tuple[str, int] | None:
    """(organ or "", year) of the report its 导语 names, for a copy with no title line; ``None`` when it names none.
    The organ is the one said to compile it ("由……编制") or named before the year; "我局", "本单位" name none.
    ``work_year`` is the year the text says the work was done in, if any: a report named only inside a cited
    document's title is taken where it does not contradict it."""
    text = "".join(preamble[:3])
    # a report named inside a cited document's title ("《……关于做好2021年政府信息公开工作年度报告编制发布有关事项的
    # 通知》") is that document's subject: its year is this report's only where nothing else names one and the year
    # the text says the work was done in does not say otherwise (闽清县 2022 cites the notice for 2021's reports); the
    # report's own name in 《》 ("编制《辽中区2020年度政府信息公开工作年度报告》") closes its title
    found = [m for rx in (_NAMED_REPORT, _NAMED_REPORT_YEAR_FIRST) for m in rx.finditer(text)]
    m = next((m for m in found if not _cited(text, m)), None)
    cited = m is None
    if m is None and found and work_year in (None, int(found[0]["year"])):
        m = found[0]
    if m is None:
        return None
    by = _COMPILED_BY.search(text)
    # the office that compiled it is the organ's: "由无锡市锡山区人民政府厚桥街道党政办公室综合科编制" → 厚桥街道,
    # "由沈阳市沈河区人民政府办公室编制" → 沈河区人民政府; a report named only in a cited notice's title gives its
    # year, not its organ ("《红河州人民政府办公室关于编制公布2020年政府信息公开工作年度报告有关事项的通知》", 弥勒市
    # 2020, held-out round 264: what stands before the year there is the notice's verb)
    organ = _COMPILING_OFFICE.sub("", by["organ"]) if by else "" if cited else (m["organ"] or "")
    if organ.startswith(("我", "本", "该")):  # "我局", "本单位": the organ is not named
        organ = ""
    # "省市场监管局", "市工信委": a name by its level, no place in it (黑龙江省市场监管局 2023) — the organ is not named
    # either (市中区 is a place)
    if re.match(r"(?:省|市(?!中区)|县|区)", organ):
        organ = ""
    # the statistics period the same 导语 gives outweighs the year of the name it calls itself by ("编制了《田黄镇2020年
    # 政府信息公开工作年度报告》" beside "统计期限自2021年1月1日起", 邹城市田黄镇 2021): the name's year is the slip
    period = _PERIOD_YEAR.search(text)
    return organ, int(period[1]) if period else int(m["year"])


def metadata(doc: PublishedDocument, title: str, preamble: list[str], tail: list[TextItem], b: Builder) -> None:
    # a title printed without its year takes organ and year from the page's headline over it (:func:`title_of`)
    parts = title_parts(title) or title_parts(doc.metadata.get("页面标题", ""))
    named = ("发布机构", "发文机关", "meta:ContentSource")
    publisher = next((doc.metadata[k] for k in named if doc.metadata.get(k)), "")
    # the 署名: a short line, no sentence and no numbered item — not the last paragraph of a cut copy
    signed = next(
        (
            t.text.strip()
            for t in tail
            if not date_of(t.text)
            and len(t.text.strip()) <= 30
            and not re.search(r"[，,。；;：:（(]", t.text)
            and not re.match(r"\s*(?:\d|[一二三四五六七八九十]+[、.．])", t.text)
        ),
        "",
    )
    said = None if parts else named_in_preamble(preamble, _year_of_the_work(doc))
    # no title (a copy that opens with its 导语 or with 一、): part 一's first paragraph may still name the report
    # ("2021年白露街道积极按照……现将白露街道2021年政府信息公开工作报告如下：") or open with its year
    opening = "" if parts else _opening_paragraph(doc)
    opening_year = _opening_year(opening)
    if said is not None:  # no title line (a copy cut above it): the report names itself in its 导语
        b.note("report", f"原文没有标题行，报告的机关和年度取自导语里的“{said[0]}{said[1]}年……年度报告”，请核对")
    elif not preamble and opening and (said := named_in_preamble([opening])) is not None:
        b.note("report", f"原文没有标题和导语，报告的机关和年度取自第一部分开头的“{said[0]}{said[1]}年……报告”，请核对")
    elif not parts and (period := _PERIOD_YEAR.search("".join(preamble[:3]) if preamble else opening)):
        # no 导语: the opening may be printed as part 一 ("一、引言" and then "……统计期限自2015年1月1日起……", 洞口县
        # 2015) — its statistics period gives the year as a 导语's would
        b.put("report.year", int(period[1]))
        said_in = "导语" if preamble else "第一部分开头"
        b.note("report.year", f"原文没有标题行，报告年度取自{said_in}所说的统计期限（{period[1]}年），请核对")
        b.score += 0.15  # a year's statistics period: a report's opening, though not yet which report
    elif not parts and _SAYS_WHAT_IT_IS.search("".join(preamble[:2])) and opening_year is not None:
        # "本年度报告是根据《中华人民共和国政府信息公开条例》……编制而成" names no year (城中区 2021): part 一 does
        b.put("report.year", opening_year)
        b.note("report.year", f"原文没有标题行，导语没有说年度，报告年度取自第一部分开头的“{opening_year}年”，请核对")
        b.score += 0.15  # the 导语 says it opens an annual report under the 条例, though not of which year
    elif (
        not parts
        and preamble
        and (first_year := _opening_year(preamble[0])) is not None
        and (
            (announced := _ANNOUNCES_REPORT.search("".join(preamble[:2])) is not None)
            or _TOPICS_OF_PART_ONE.issubset(_topics(doc))
            or _part_one_of_the_years_work(doc, first_year)
        )
    ):
        # no title; a 导语 that opens with the year and announces the report ("2023年度,富文镇根据……现将全年政府信息
        # 公开年度报告编制如下", 富文镇 2023) — or names no report ("2022年,开发区坚持……", 西宁经济技术开发区 2022)
        # over part 一's items in the 2021 format's topics (（一）主动公开, （二）依申请公开): a report's, said so
        b.put("report.year", first_year)
        if announced:
            b.note("report.year", f"原文没有标题行，报告年度取自导语开头的“{first_year}年”，请核对")
        elif _part_one_of_the_years_work(doc, first_year):
            b.note(
                "report.year",
                f"原文没有标题行，导语也没有说是年度报告；第一部分的标题说的是{first_year}年政府信息公开工作的情况，"
                f"读作年度报告，年度取自导语开头的“{first_year}年”，请核对",
            )
        else:
            b.note(
                "report.year",
                f"原文没有标题行，导语也没有说是年度报告；按第一部分的分项（主动公开、依申请公开）读作年度报告，"
                f"年度取自导语开头的“{first_year}年”，请核对",
            )
        b.score += 0.15  # a report's opening or the format's own topics, though the title is lost
    elif not preamble and opening_year is not None:  # neither title nor 导语: part 一's first words give the year
        b.put("report.year", opening_year)
        b.note("report.year", f"原文没有标题和导语，报告年度取自第一部分开头的“{opening_year}年”，请核对")
        if _TOPICS_OF_PART_ONE.issubset(_topics(doc)):  # (一)主动公开 (二)依申请公开: the format's own topics
            b.score += 0.15  # (萧山区城厢街道 2022: a portal's 目录 rows, then 一、总体情况 at once)
    undated = None if parts else undated_title(title)
    if undated and "year" not in b.data.get("report", {}) and (worked := _year_of_the_work(doc)):
        b.put("report.year", worked)
        b.note("report.year", f"标题“{title}”没有年份，报告年度取自正文所说的“{worked}年”，请核对")
        b.score += 0.2  # a title that names a 政府信息公开 annual report, if not its year
    if parts and parts[0]:
        b.put("report.organ", parts[0])
    elif undated:
        b.put("report.organ", undated)
    elif said and said[0]:
        b.put("report.organ", said[0])
    elif signed:
        b.put("report.organ", signed)
        b.note("report.organ", f"标题中没有发布机关，用落款的“{signed}”，请核对")
    elif publisher:
        b.put("report.organ", publisher)
        b.note("report.organ", f"标题中没有发布机关，用原文件所列的发布机构“{publisher}”，请核对")
    elif subject := _opening_organ(opening, said[1] if said else b.data.get("report", {}).get("year")):
        # no title, and a 导语 that names no organ: part 一's first words name the body whose year's work it tells
        b.put("report.organ", subject)
        b.note("report.organ", f"原文没有标题，导语也没有说发布机关，用第一部分开头所说的“{subject}”，请核对")
    elif preamble and (subject := _opening_organ(preamble[0], b.data.get("report", {}).get("year"))):
        # no title; the 导语 opens with the year and the body whose work it tells ("2017年,钦州市行政审批局围绕……",
        # held-out round 311)
        b.put("report.organ", subject)
        b.note("report.organ", f"原文没有标题，用导语开头所说的“{subject}”为发布机关，请核对")
    else:
        b.note("report.organ", "没有从标题中读出发布机关，请填写", level="error")
    if parts or said:
        b.put("report.year", parts[1] if parts else said[1])  # type: ignore[index]
        # a title that names a 政府信息公开 annual report says what the document is, if not which format: a copy
        # cut after its first part ("……年政府信息公开工作年度报告", 概述) is still offered, in its year's format
        b.score += 0.2
    elif "year" not in b.data.get("report", {}):
        b.note("report.year", "没有从标题中读出报告年度，请填写", level="error")
    # the title kept as printed unless it is the one the organ and year would make: a title naming no organ ("2021年
    # 政府信息公开工作年度报告", 三亚市海棠区 2021) is not the default one, whose organ the user is asked for
    if (title and parts and (not parts[0] or title != f"{parts[0]}{parts[1]}年政府信息公开工作年度报告")) or undated:
        b.put("report.title", title)
    first = next((i for i in doc.items if isinstance(i, TextItem) and i.text.strip()), None)
    if first is not None and (numbered := number_and_signer(first.text)):
        b.put("report.document_number", numbered[0])
        if numbered[1]:
            b.put("report.signer", numbered[1])
    signed = None
    for item in reversed(tail[-3:]):
        d = date_of(item.text)
        if d and len(item.text) <= 20:
            signed = d
            b.put("report.date", d)
            break
    if signed is None:
        year = parts[1] if parts else None
        for key in _DATE_KEYS:
            d = date_of(doc.metadata.get(key, ""))
            # a file's own date stands in for the 成文日期 only when it could be one: after the report year began
            # (a PDF dated 2000-01-01 by the program that made it says nothing about a 2016 report)
            if d and (not isinstance(year, int) or d.year >= year):
                b.put("report.date", d)
                what = "PDF 的创建日期" if key.startswith("pdf:") else f"原文件的“{key.removeprefix('meta:')}”"
                b.note("report.date", f"正文没有落款日期，用{what}{d.isoformat()}代替成文日期，请核对")
                break
        else:
            b.note("report.date", "没有找到成文日期或发布日期，请填写", level="error")
    if posted := doc.metadata.get("页面发布日期"):
        b.put("report.published", dt.date.fromisoformat(posted))
        b.note("report.published", f"网页上的发布日期{posted}记为公布日期（不是成文日期），请核对")
    text = "".join(preamble)
    if site := re.search(r"((?:https?://|www\.)[A-Za-z0-9./_\-?=&%#:]+)", text):
        b.put("report.website", site.group(1).rstrip(".。）)"))
    if contact := re.search(r"请与([^，。；（(]{2,40}?)联系", text):
        b.put("report.contact", contact.group(1))
    if phone := re.search(r"电话[：:]?\s*([0-9][0-9\-—－ ]{5,20}[0-9])", text):
        b.put("report.phone", phone.group(1).replace(" ", ""))
    if address := re.search(r"(?:通讯|联系)?地址[：:]\s*([^，,；;。（(）)]+)", text):
        b.put("report.address", address.group(1))


#: How a signature's organ line ends (a 2008–2025 report is signed by a 政府, its 办公室, a 局, a 委员会…).
SIGNATURE_ORGAN = ("政府", "办公室", "委员会", "局", "管委会", "办事处")


#: 版记 (GB/T 9704 §7.4): "平潭综合实验区经济发展局办公室    2020年1月2日印发", "抄送：……"
_IMPRINT = re.compile(r"^(?P<issuer>\S.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")
_CC = re.compile(r"^抄\s*送[：:]\s*(?P<cc>.+)$")


def split_imprint(body: list[Any], b: Builder) -> None:
    """Take the 版记 off the end of the last part's ``body`` — its 印发 line (a line, or a one-row table as web
    pages print it) and the 抄送 line above it — into ``[imprint]``."""

    def text_of(item: Any) -> str:
        if isinstance(item, TextItem):
            return item.text.strip()
        if isinstance(item, Grid) and len(item.rows) <= 2:
            return " ".join(c.strip() for row in item.rows for c in dict.fromkeys(row) if c and c.strip())
        return ""

    while body and isinstance(body[-1], TextItem) and not body[-1].text.strip():  # blank lines after it
        body.pop()
    rows = [text_of(body[-1])] if body else []
    if not rows or not (m := _IMPRINT.match(rows[0])) or not (day := date_of(m["date"].replace(" ", ""))):
        return
    issuer = m["issuer"].strip()
    body.pop()
    b.put("imprint.issuer", issuer)
    b.put("imprint.date", day)
    if body and (cc := _CC.match(text_of(body[-1]))):
        body.pop()
        b.put("imprint.cc", cc["cc"].strip())
    b.note("imprint", "正文之后的版记（印发机关和印发日期）导入为 [imprint]，请核对")


#: 附注 printed under the date (GB/T 9704 §7.3.6): "（此件主动公开）"
_NOTE = re.compile(r"^[（(](?P<note>此件[^（()）]{2,12})[)）]$")


def split_note(body: list[Any], b: Builder) -> None:
    """Take a 附注 ("（此件主动公开）") off the end of the last part's ``body`` into ``signature.note``."""
    if body and isinstance(body[-1], TextItem) and (m := _NOTE.match(body[-1].text.strip())):
        body.pop()
        b.put("signature.note", m["note"])


#: 发文字号 printed above the title: "岚经发〔2020〕2号" (also with other brackets, as typed)
DOCUMENT_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}\s*[〔［\[（(【﹝]\s*\d{2,4}\s*[〕］\]）)】﹞]\s*第?\s*\d+\s*号"
    r"(?:\s*签发人\s*[:：]\s*(?P<signer>[\u4e00-\u9fff·]{2,8}))?$"
)


def number_and_signer(text: str) -> tuple[str, str | None] | None:
    """The 发文字号 line over a title, and the 签发人 printed on its right ("侯水利〔2011〕47号 签发人:林振东",
    GB/T 9704 §7.2.6), or ``None`` when the line is no 发文字号."""
    m = DOCUMENT_NUMBER_LINE.match(norm(text))
    if m is None:
        return None
    signer = m["signer"]
    number = re.split(r"\s*签发人", text.strip())[0].strip() if signer else text.strip()
    return number, signer


def _organ_line(text: str) -> bool:
    """A line that may be the signing organ: it ends with an organ's word and names no year — "本街道2013年共主动公开
    政府" ends with 政府 too, a sentence cut where a copy ends (东四街道 2013, held-out round 313)."""
    return text.strip().endswith(SIGNATURE_ORGAN) and not re.search(r"\d{4}\s*年", text)


def split_signature(body: list[Any]) -> list[TextItem]:
    """Take the signature off the end of the last part's ``body`` (short trailing lines holding the organ or a
    date) and return it; ``body`` keeps the rest."""
    tail: list[TextItem] = []
    while (
        body
        and isinstance(body[-1], TextItem)
        and len(body[-1].text) <= 25
        and (date_of(body[-1].text) or _organ_line(body[-1].text))
        # not a sentence cut short where a copy ends ("根据《中华人民共和国政府", 柳北区工信局 2018)
        and not re.search(r"[《》“”，,。；;]", body[-1].text)
    ):
        tail.insert(0, body.pop())
    return tail


#: a table's own title printed above it: "平潭县民政局信息公开情况统计表", "附表1 政府信息公开情况统计表"
TABLE_TITLE = re.compile(r"^[^。，；：:,]{2,40}(?:统计表|情况表|一览表)$")
_APPENDIX = re.compile(r"^\s*(?:附表|附件\s*\d*)\s*[：:]?")


def split_appendix(body: list[Any]) -> list[Any]:
    """What follows the signature when a report prints its 附表 after it (平潭县财政局 2009: "平潭县财政局 /
    二○一○年四月十日 / 附表： / the table"): from a line starting 附表/附件 that comes right after the signature's last
    line (its date, or its organ when it has no date), to the end.  It is taken off ``body`` and returned (``[]``
    when there is none), so that the signature is the end again."""
    for i, item in enumerate(body):
        after_date = (
            i > 0
            and isinstance(item, TextItem)
            and _APPENDIX.match(item.text)
            and isinstance(body[i - 1], TextItem)
            and len(body[i - 1].text) <= 25
            # the date, or the organ when the signature has no date (平潭县人民政府 2013)
            and bool(date_of(body[i - 1].text) or body[i - 1].text.strip().endswith(SIGNATURE_ORGAN))
        )
        # no signature at all (平潭县民政局 2013): the table's own title line, then the table, ends the report
        titled_table = (
            i > 0
            and isinstance(item, TextItem)
            and TABLE_TITLE.match(item.text.strip())
            and i + 1 < len(body)
            and isinstance(body[i + 1], Grid)
            and all(isinstance(x, Grid) or not x.text.strip() for x in body[i + 1 :])
        )
        if after_date or titled_table:
            rest = body[i:]
            del body[i:]
            return rest
    return []


def signature_organ(tail: list[TextItem], b: Builder) -> None:
    """The organ signed under the report, kept when it is not the one the title names, or ``""`` when only the
    date is printed; a date printed in Chinese numerals or in brackets as ``printed_date``; no signature at all is
    kept too (``omit = true``) — so the report rebuilds as published instead of gaining or losing anything."""
    if not tail:
        b.put("signature.omit", True)
        b.note("signature.omit", "原文正文之后没有署名和成文日期，照原样不排落款；如需落款请删去 omit")
        return
    organ = next((t.text.strip() for t in tail if not _dated(t.text)), None)
    if organ and organ != b.data.get("report", {}).get("organ"):
        b.put("signature.organ", organ)
    elif organ is None:  # only the date is printed (平潭县人民政府 2011)
        b.put("signature.organ", "")
    dated = next((t.text.strip() for t in tail if _dated(t.text)), "")
    from plugins.common.signature import bracketed

    # printed in Chinese numerals, in round brackets ("（2014年3月11日）" under the title), as a month without its
    # day ("2017年2月", 越秀区发改局 2016), or with a mark the date does not explain ("2017年2月23日)", 舒兰市市场
    # 监督管理局 2016: a bracket left unpaired): kept as printed, for the check to see
    found = _DATE.search(dated) or _ISO_DATE.search(dated)
    stray = bool(found) and bool((dated[: found.start()] + dated[found.end() :]).strip())
    if dated and (bracketed(dated) or not found or stray):
        b.put("signature.printed_date", dated)


def _dated(text: str) -> bool:
    """A signature line that is its date: a whole date, or a month without its day."""
    return date_of(text) is not None or re.fullmatch(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*", text) is not None


def parse_number(text: str) -> int | float:
    text = CELL_UNIT.sub("", text)
    return float(text) if "." in text else int(text)


def typed_tables(grids: list[Grid], captions: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """Each table as printed, as :mod:`compiler.model.typed_tables` takes it (a legacy 附表, a part's own table): its
    caption (the title line straight above it, if any), its first row the header, the rest its rows, numbers as
    numbers, blanks blank."""
    printed = []
    for grid in grids:
        rows = [[typed_cell(c) for c in row] for row in grid.rows if any(c for c in row)]
        if len(rows) >= 2:
            table: dict[str, Any] = {}
            # its title: the line straight above it, or a web page's <caption>
            caption = (captions or {}).get(id(grid)) or grid.caption.strip()
            if caption and TABLE_TITLE.match(caption):
                table["caption"] = caption
            table["header"] = [c if isinstance(c, str) else str(c) for c in rows[0]]
            table["rows"] = rows[1:]
            printed.append(table)
    return printed


def table_captions(span: list[Any]) -> dict[int, str]:
    """A table's own title printed on the line straight above it ("平潭劳动和社会保障局2011年……情况统计表")."""
    found = {}
    for before, item in itertools.pairwise(span):
        if isinstance(item, Grid) and isinstance(before, TextItem) and TABLE_TITLE.match(before.text.strip()):
            found[id(item)] = before.text.strip()
    return found


def typed_cell(text: str | None) -> str | int | float:
    if text is None or not text.strip():
        return ""
    t = text.strip()
    return int(t) if re.fullmatch(r"\d+", t) else (float(t) if re.fullmatch(r"\d+\.\d+", t) else t)
