"""The national documents reports cite (``documents.toml`` beside this module), and what a report makes of them.

- ``common.cited-title`` — a cited title that is one of the table's with words left out or one character
  wrong: "《关于全面推进政务公开工作意见》" (三门沿海工业城管委会 2016), "《国务院办公厅政府信息与政务公开办公室
  关于工作年度报告有关事项的通知》" (铜官区东郊办事处 2019); or a named document's with words put inside it
  ("《全面推进行政依法行政实施纲要》", 越秀区发改局 2016); or, the other way round, a 文号 of the table after a title
  that is not its document's ("《关于做好年度报告编制发布工作的通知》(国办公开办函〔2021〕30号)", 袁州区水江镇 2021 —
  what the notice gave, or a notice wrapping the document, still names it: :func:`misnamed_numbers`);
- ``common.cited-number`` — the 文号 in brackets right after such a title with another year or serial
  ("《关于全面推进政务公开工作的意见》（中办发〔2015〕8号）"), the 条例 cited by the order it had not yet, or no
  longer, the year the report is about (国务院令第492号 in a 2021 report), and one order written two ways in one
  report ("国务院令第711号" and then "国令第 711 号", 武汉市滨湖街道 2021).

How near counts as "the same document miswritten" is said in the table's header: local notices are titled like
the national ones with words added ("关于做好2021年政府信息公开工作年度报告有关事项的通知"), so only words left
out, or a character swapped in a title as long, are reported.  Both are WARNINGs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.entrytable import TableError, check_keys, load, where
from plugins.common.report import report_year
from plugins.common.texts import narrative_strings

TABLE = Path(__file__).with_name("documents.toml")

_FIELDS = {"title", "number", "since", "until", "why", "titled", "also"}
_REQUIRED = ("title", "number")

#: a 文号: the issuer's word, the year in any bracket, the serial ("国办公开办函〔2019〕60号"), or an order's number
_NUMBER = re.compile(
    r"(?P<word>[\u4e00-\u9fff]{2,10}?)\s*[〔\[【（(［]\s*(?P<year>\d{4})\s*[〕\]】）)］]\s*(?P<serial>\d+)\s*号"
)
_ORDER = re.compile(r"(?P<word>国务院令|国令)\s*第?\s*(?P<serial>\d+)\s*号")
#: the words a title may lose without becoming another document's
_FUNCTION_WORDS = frozenset("的和与及")


def _normal(title: str) -> str:
    """One spelling for the inner marks and none of the spaces: 〈〉 for <> and ＜＞, no blanks, no 、 between
    issuers ("中共中央办公厅、国务院办公厅")."""
    title = re.sub(r"\s+", "", title)
    return title.translate(str.maketrans("<>＜＞‹›", "〈〉〈〉〈〉"))


def _parts(title: str) -> tuple[str, str]:
    """(issuer, 正题): the issuer is what stands before the first 关于, without its 、 ("" when none)."""
    at = title.find("关于")
    if at <= 0:
        return "", title
    return title[:at].replace("、", ""), title[at:]


@dataclass(frozen=True)
class Document:
    title: str  # as the table writes it, for the messages
    key: str  # the title in one spelling (:func:`_normal`)
    number: str
    since: int | None
    until: int | None
    why: str
    titled: bool
    forms: frozenset[str]  # every accepted spelling: the title, its 正题, the table's other forms

    @property
    def issuer(self) -> str:
        return _parts(self.key)[0]

    @property
    def core(self) -> str:
        return _parts(self.key)[1]


def _entry(number: int, raw: dict[str, Any]) -> Document:
    check_keys(TABLE, number, raw, _FIELDS, _REQUIRED)
    for key in ("since", "until"):
        if key in raw and not isinstance(raw[key], int):
            raise TableError(f"{where(TABLE, number)}：{key} 应为年份（整数）")
    if ("since" in raw or "until" in raw) and not raw.get("why"):
        raise TableError(f"{where(TABLE, number)}：有 since / until 的条目要有 why")
    also = raw.get("also", [])
    if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
        raise TableError(f"{where(TABLE, number)}：also 应为字符串的列表")
    title = _normal(raw["title"])
    if not (_NUMBER.fullmatch(raw["number"]) or _ORDER.fullmatch(raw["number"])):
        raise TableError(f"{where(TABLE, number)}：文号“{raw['number']}”认不出")
    issuer, core = _parts(title)
    return Document(
        title=raw["title"],
        key=title,
        number=raw["number"],
        since=raw.get("since"),
        until=raw.get("until"),
        why=raw.get("why", ""),
        titled=raw.get("titled", True),
        forms=frozenset({title, issuer + core, core, *(_normal(a) for a in also)}),
    )


@functools.cache
def documents() -> tuple[Document, ...]:
    return load(TABLE, _entry)


def left_out(short: str, whole: str) -> str | None:
    """The characters ``whole`` has and ``short`` lacks, when ``short`` is ``whole`` with some left out (in order);
    else None."""
    left: list[str] = []
    i = 0
    for ch in whole:
        if i < len(short) and short[i] == ch:
            i += 1
        else:
            left.append(ch)
    return "".join(left) if i == len(short) and left else None


def swapped(found: str, right: str) -> tuple[str, str] | None:
    """(the wrong character, the right one) when the two differ in exactly one place, neither a digit."""
    if len(found) != len(right):
        return None
    diff = [(a, b) for a, b in zip(found, right, strict=True) if a != b]
    if len(diff) == 1 and not (diff[0][0].isdigit() or diff[0][1].isdigit()):
        return diff[0]
    return None


def title_slip(cited: str, doc: Document) -> str | None:
    """What is wrong with ``cited`` as a spelling of ``doc``'s title, or None (right, or another document)."""
    if cited in doc.forms:
        return None
    issuer, core = _parts(cited)
    if len(core) < 8:
        return None
    left = left_out(core, doc.core)
    if left and set(left) <= set("〈〉"):  # the inner title marks left out: common.law-title says so
        return None
    near = bool(left) and len(core) >= 0.7 * len(doc.core)
    if near and (set(left) <= _FUNCTION_WORDS or (issuer and issuer == doc.issuer)):
        return f"少了“{left}”" if len(left) <= 8 else "少了字"
    if len(core) >= 10 and (pair := swapped(core, doc.core)):
        return f"“{pair[0]}”应为“{pair[1]}”"
    if (added := inserted(core, doc.core)) is not None and not doc.core.startswith("关于"):
        return f"多了“{added}”"
    return None


def inserted(found: str, right: str) -> str | None:
    """The words ``found`` has inside ``right`` — after its first character, before its last — when it is ``right``
    with them put in one place ("全面推进行政依法行政实施纲要"); else None.  Only a named document's title (a 纲要,
    no "关于……") is read so: local notices put their own words inside the national titles they follow, and words
    before or after a name make another document ("……实施纲要的通知")."""
    extra = len(found) - len(right)
    if not 1 <= extra <= 4 or len(right) < 8:
        return None
    for at in range(1, len(right)):
        if found[:at] == right[:at] and found[at + extra :] == right[at:]:
            words = found[at : at + extra]
            return None if re.search(r"[\d\s]", words) else words
    return None


@dataclass(frozen=True)
class Citation:
    keypath: str
    cited: str  # the title as written, without its 《》
    doc: Document
    slip: str | None  # what is wrong with the title, None when it is one of the accepted forms
    number: str | None  # the 文号 in the brackets right after it, if any


_TITLE = re.compile(r"《(?P<t>[^《》]{6,120})》")
_AFTER = re.compile(r"\s*[（(](?P<n>[^（）()]{3,40})[）)]")


def citations(report: Report) -> Iterator[Citation]:
    """Every cited title that is, or is near, one of the table's documents."""
    for keypath, text in narrative_strings(report):
        for m in _TITLE.finditer(text):
            cited = _normal(m["t"])
            after = _AFTER.match(text, m.end())
            for doc in documents():
                if cited in doc.forms:
                    slip = None
                elif doc.titled and (slip := title_slip(cited, doc)) is not None:
                    pass
                else:
                    continue
                yield Citation(keypath, m["t"], doc, slip, after["n"] if after else None)


def _number_slip(written: str, doc: Document, year: int | None) -> str | None:
    """What is wrong with the 文号 ``written`` for ``doc`` in a report on ``year``; None when it is right, or is
    not a 文号 (an abbreviation note, "以下简称……")."""
    right = _NUMBER.fullmatch(doc.number)
    if right:
        found = _NUMBER.search(written)
        if not found:
            return None
        if found["word"] != right["word"] and not found["word"].startswith(("国", "中")):
            return None  # "自治区……《关于全面推进政务公开工作的意见》（桂办发〔2016〕39号）" (玉林市人民政府 2016):
            # a local document titled as the national one, with a local issuer's 文号 of its own
        if (found["year"], found["serial"]) != (right["year"], right["serial"]):
            return f"文号应为{doc.number}，写成了“{found.group(0)}”"
    else:
        right = _ORDER.fullmatch(doc.number)
        found = _ORDER.search(written)
        if right is None or found is None or found["serial"] != right["serial"]:
            return None
    if year is None:
        return None
    if (doc.since is not None and year < doc.since) or (doc.until is not None and year > doc.until):
        return f"{year}年的报告引用{doc.number}：{doc.why}"
    return None


def _unknown_order(serial: str, written: str, doc: Document, year: int | None) -> tuple[str, str] | None:
    """An order number (``written``, its ``serial``) that is none of the orders the table knows for ``doc``'s title
    ("国务院令第771号" for the 条例, whose orders are 第492号 and, revised, 第711号: 黑龙江省林业和草原局 2019):
    (message, the right one for ``year``); ``None`` when it is one of them."""
    orders = [d for d in documents() if d.title == doc.title and _ORDER.fullmatch(d.number)]
    if any(_ORDER.fullmatch(d.number)["serial"] == serial for d in orders):  # type: ignore[index]
        return None
    fitting = [
        d
        for d in orders
        if year is not None and (d.since is None or year >= d.since) and (d.until is None or year <= d.until)
    ]
    right = (fitting or orders)[0].number
    known = "、".join(d.number for d in orders)
    return f"这份法规的令号是{known}，没有“{written}”；应为{right}", right


def misnamed_numbers(report: Report) -> Iterator[tuple[str, str, str, Document]]:
    """A 文号 of the table written after a title that is no spelling of its document's, nor near any document of the
    table: (keypath, the title as cited, the 文号 as written, the document the 文号 is)."
    ("《关于做好年度报告编制发布工作的通知》(国办公开办函〔2021〕30号)", 袁州区水江镇 2021; "《中华人民共和国政府信息
    公开年度工作报告格式》(……30号)", 西藏自治区水利厅 2021) — the other way round from a known title with a wrong
    文号, which :func:`citations` finds."""
    for keypath, text in narrative_strings(report):
        for m in _TITLE.finditer(text):
            after = _AFTER.match(text, m.end())
            found = _NUMBER.search(after["n"]) if after else None
            if found is None:
                continue
            cited = _normal(m["t"])
            if any(cited in d.forms or (d.titled and title_slip(cited, d) is not None) for d in documents()):
                continue  # a title of the table's, or near one: :func:`citations` reads it
            for doc in documents():
                right = _NUMBER.fullmatch(doc.number)
                if not (doc.titled and right and (found["year"], found["serial"]) == (right["year"], right["serial"])):
                    continue
                if re.sub(r"\s+", "", found["word"]) == right["word"] and not _names_it(cited, doc):
                    yield keypath, m["t"], after["n"], doc


def _plain(title: str) -> str:
    """A title without its inner marks and a bracketed note ("……格式（试行）": the trial format's name, which
    ``gb2021.format-title`` reports in a 2021 report)."""
    return re.sub(r"[〈〉]|[（(][^（）()]*[)）]", "", title)


def _names_it(cited: str, doc: Document) -> bool:
    """Whether a title cited with ``doc``'s 文号 still names it, or names another document of the table: a part of
    a title (the format a notice gave, "《中华人民共和国政府信息公开工作年度报告格式》" — cited with the 2019 notice's
    文号, that is ``gb2021.format-title``'s), its 正题 under another issuer's name (an issuer misspelt is another
    rule's), or a notice that wraps its title ("《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的
    意见〉的通知》")."""
    plain = _plain(cited)
    return (
        any(plain in _plain(d.key) for d in documents())
        or _plain(_parts(cited)[1]) == _plain(doc.core)
        or _plain(doc.core) in plain
    )


def document_problems(report: Report) -> list[Problem]:
    """Each misspelt title once (per title as written), and each wrong 文号 where it is written."""
    titles: list[tuple[Citation, str, str, str]] = []  # (where, message, expected, found)
    numbers: list[tuple[Citation, str, str, str]] = []
    said: set[str] = set()
    year = report_year(report.data)
    order_words: dict[str, str] = {}  # an order's serial → how the report first wrote it ("国务院令第711号")
    said_orders: set[tuple[str, str, str | None]] = set()  # an order number checked against all its document's orders
    for c in citations(report):
        order = _ORDER.search(c.number or "")
        written = re.sub(r"\s+", "", order.group(0)) if order else ""
        if order and _ORDER.fullmatch(c.doc.number) and order["serial"] in c.doc.number:
            first = order_words.setdefault(order["serial"], written)
            if _ORDER.match(first)["word"] != order["word"] and written not in said:  # type: ignore[index]
                said.add(written)
                slip = f"前文写“{first}”，这里写“{written}”：同一个令号，全文要写成一样"
                numbers.append((c, f"《{c.cited}》（{c.number}）：{slip}", first, written))
        if c.slip is not None and c.cited not in said:
            said.add(c.cited)
            right = c.doc.title if _parts(_normal(c.cited))[0] else c.doc.core  # with its issuer where one is written
            titles.append((c, f"《{c.cited}》：文件名称{c.slip}，原文是《{right}》", f"《{right}》", f"《{c.cited}》"))
        if c.number and (slip := _number_slip(c.number, c.doc, year)):
            numbers.append((c, f"《{c.cited}》（{c.number}）：{slip}", c.doc.number, c.number))
        elif order and _ORDER.fullmatch(c.doc.number) and (c.keypath, c.cited, c.number) not in said_orders:
            said_orders.add((c.keypath, c.cited, c.number))
            if (slip := _unknown_order(order["serial"], written, c.doc, year)) is not None:
                numbers.append((c, f"《{c.cited}》（{c.number}）：{slip[0]}", slip[1], written))
    misnamed = [
        warning(
            "common.cited-title",
            f"《{cited}》（{number}）：{doc.number}是《{doc.title}》，所引的名称不是它的",
            report.ref(keypath),
            expected=f"《{doc.title}》",
            found=f"《{cited}》",
        )
        for keypath, cited, number, doc in misnamed_numbers(report)
    ]
    return [
        *(warning("common.cited-title", m, report.ref(c.keypath), expected=e, found=f) for c, m, e, f in titles),
        *misnamed,
        *(warning("common.cited-number", m, report.ref(c.keypath), expected=e, found=f) for c, m, e, f in numbers),
    ]
