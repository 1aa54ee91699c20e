"""Numbers typed into the prose against the tables: "收到申请120件" must say what table 三 says.

Only *literal* numbers are checked.  A number produced by a ``{reference}`` comes from the table by construction,
so the resolved text's reference spans (:class:`compiler.model.refs.Resolved`) are skipped.  A phrase is recognised by
a keyword (收到…申请, 办结, 结转, 予以公开, 行政复议 …) followed closely, within the same clause, by a number and
a counter word (件/起); an applicant column named earlier in the clause (其中自然人……) makes the phrase refer to
that column instead of the 总计 column.  Percentages ("占…37.5%") are checked against the category named before
them in the same sentence divided by （七）总计 (or by 新收 when the sentence says so), at the precision typed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from compiler.model.narrative import iter_texts
from compiler.model.problems import Problem, Severity
from compiler.model.refs import Evaluator
from plugins.common.prose.percent import percent_verdict
from plugins.common.prose.reading import _short
from plugins.common.prose.restatements import as_number, restatements
from plugins.gb2021 import values as v
from plugins.gb2021.tables import GROUP_LABELS, TABLE3_2021

_GAP = r"[^\d，。；：、,;:！？!?（）()]"
_N = r"(?P<n>\d+(?:,\d{3})*)"
_CLAUSE_END = "，。；：,;:！？!?"
_SENTENCE_END = "。；;！？!?"

#: Applicant columns a clause can name; 法人或其他组织 is the five organisation columns together.
COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "自然人": ("natural_person", "自然人"),
    "商业企业": ("commercial", "商业企业"),
    "科研机构": ("research", "科研机构"),
    "社会公益组织": ("social_welfare", "社会公益组织"),
    "法律服务机构": ("legal_service", "法律服务机构"),
    "法人或其他组织": ("organisations", "法人或其他组织（五列之和）"),
    "法人和其他组织": ("organisations", "法人或其他组织（五列之和）"),
}
_COLUMN_RE = re.compile("|".join(COLUMN_WORDS))


@dataclass(frozen=True)
class Phrase:
    """A way prose restates a table value: ``pattern`` (with the number in group ``n``) and where to look."""

    name: str
    regex: str  # with {G} (a gap of words) and {N} (the number) to fill in
    table: str  # "2" (表二, by row), "3" (per column) or "4"
    key: str  # table 三 row / derived group, or table 四 "block.result"
    label: str  # the table position in words, for the message

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use: a report of another format never pays for these."""
        return re.compile(self.regex.replace("{G}", _GAP).replace("{N}", _N))


_ROW = TABLE3_2021.path
#: Words that make "收到/受理…N件" about something else than disclosure applications ("全年受理网络问政182件",
#: 沭阳县发展和改革局 2023: the public's online questions, not applications).
_NOT_APPLICATIONS = (
    r"(?!复议|诉讼|起诉|投诉|咨询|信访|建议|提案|许可|事项|热线|来信|来电|信件|办件|问政|留言|诉求|工单)"
)
PHRASES: tuple[Phrase, ...] = (
    # 表二's 行政规范性文件 row: "现行有效件数424件" (管委会办公室 2022, against 89), "现行有效行政规范性文件31件" —
    # only in a sentence about 规范性文件, and not a number of them published or cleared ("集中发布现行有效……393件"
    # of the 470 in force, 平潭综合实验区 2023): see :func:`_about_valid_documents`
    Phrase(
        "现行有效规范性文件",
        r"现行有效(?:的?(?:行政)?规范性文件)?(?:件数)?(?:共|为)?{N}件",
        "2",
        "normative_documents.valid",
        "表二 行政规范性文件·现行有效件数",
    ),
    Phrase(
        "办理申请（含上年结转）",
        r"(?:办理|受理|处理|收到)(?:[（(](?:办理|受理|收到)[)）])?{G}{0,12}?申请{G}{0,4}?{N}件"
        r"[（(](?:含|包括|包含)上一?年度?结转",
        "3",
        "new_received+carried_over",
        "一、本年新收＋二、上年结转",
    ),
    Phrase("上年结转", r"上一?年度?结转{G}{0,12}?{N}件", "3", "carried_over", _ROW("carried_over")),
    Phrase(
        "转入下年度",
        r"(?:转入|转至|转到|留待)下一?年度?{G}{0,10}?{N}件",
        "3",
        "carried_forward",
        _ROW("carried_forward"),
    ),
    Phrase(
        "尚在期限内",
        r"(?:尚在|仍在|处于)(?:法定)?(?:答复|办理)期限?内{G}{0,8}?{N}件",
        "3",
        "carried_forward",
        _ROW("carried_forward"),
    ),
    Phrase(
        "结转下年度", r"结转(?:至|到|入)?下一?年度?{G}{0,10}?{N}件", "3", "carried_forward", _ROW("carried_forward")
    ),
    Phrase("结转", r"(?<!上年)(?<!上年度)结转{G}{0,6}?{N}件", "3", "carried_forward", _ROW("carried_forward")),
    Phrase(
        "予以公开及部分公开",
        r"予以公开(?:和|及|与|、)部分公开{G}{0,6}?{N}件",
        "3",
        "disclosed",
        "三、本年度办理结果（一）予以公开＋（二）部分公开",
    ),
    Phrase("部分公开", r"部分公开{G}{0,6}?{N}件", "3", "partial", "三、本年度办理结果（二）部分公开"),
    Phrase("不予公开", r"不予公开{G}{0,6}?{N}件", "3", "denied", "三、本年度办理结果" + GROUP_LABELS["denied"]),
    Phrase("予以公开", r"(?<!不)予以公开{G}{0,6}?{N}件", "3", "granted", _ROW("granted")),
    Phrase("无法提供", r"无法提供{G}{0,6}?{N}件", "3", "unable", "三、本年度办理结果" + GROUP_LABELS["unable"]),
    Phrase(
        "不予处理",
        r"不予处理{G}{0,6}?{N}件",
        "3",
        "not_processed",
        "三、本年度办理结果" + GROUP_LABELS["not_processed"],
    ),
    Phrase(
        "其他处理",
        r"其他处理{G}{0,6}?{N}件",
        "3",
        "other_handling",
        "三、本年度办理结果" + GROUP_LABELS["other_handling"],
    ),
    Phrase(
        "收到申请",
        r"(?:收到|新收|受理|接收)了?{G}{0,12}?申请{G}{0,4}?{N}件",
        "3",
        "new_received",
        _ROW("new_received"),
    ),
    Phrase(
        "新收",
        r"(?:新收|(?:本年度?|全年|今年|年内)共?(?:收到|受理|接收))(?:到)?(?:" + _NOT_APPLICATIONS + r"{G}){0,10}?{N}件",
        "3",
        "new_received",
        _ROW("new_received"),
    ),
    Phrase(
        "某类申请人申请",
        r"(?:" + "|".join(COLUMN_WORDS) + r"){G}{0,10}?申请{G}{0,4}?{N}件",
        "3",
        "new_received",
        _ROW("new_received"),
    ),
    Phrase(
        "某类申请人",
        r"(?:" + "|".join(COLUMN_WORDS) + r")(?:提出|提交|申请)*{N}件",
        "3",
        "new_received",
        _ROW("new_received"),
    ),
    # "其中公开答复1件，无法提供1件" (平潭财政金融局 2024): an answer of one kind is a part, not all answered
    Phrase(
        "办结",
        r"(?:办结|(?<!公开)(?<!予以)(?<!不予)(?<!同意)答复|办理完毕){G}{0,8}?{N}件",
        "3",
        "total_processed",
        _ROW("total_processed"),
    ),
    Phrase(
        "复议后起诉",
        r"复议后(?:提起)?(?:行政)?(?:诉讼|起诉){G}{0,6}?{N}(?:件|起|宗)",
        "4",
        "litigation_after_review.total",
        "表四 行政诉讼·复议后起诉·总计",
    ),
    Phrase(
        "直接起诉",
        r"直接(?:提起)?(?:行政)?(?:诉讼|起诉){G}{0,6}?{N}(?:件|起|宗)",
        "4",
        "litigation_direct.total",
        "表四 行政诉讼·未经复议直接起诉·总计",
    ),
    Phrase("行政复议", r"行政复议{G}{0,8}?{N}(?:件|起|宗)", "4", "review.total", "表四 行政复议·总计"),
    Phrase(
        "行政诉讼",
        r"(?:行政诉讼|起诉){G}{0,8}?{N}(?:件|起|宗)",
        "4",
        "litigation.total",
        "表四 行政诉讼（两类起诉之和）·总计",
    ),
)

#: Categories a percentage can be "of", checked right to left in the sentence before the number.
PERCENT_CATEGORIES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"予以公开(?:和|及|与|、)部分公开"), "disclosed", "（一）予以公开＋（二）部分公开"),
    (re.compile(r"部分公开"), "partial", "（二）部分公开"),
    (re.compile(r"不予公开"), "denied", GROUP_LABELS["denied"]),
    (re.compile(r"(?<!不)予以公开"), "granted", "（一）予以公开"),
    (re.compile(r"无法提供"), "unable", GROUP_LABELS["unable"]),
    (re.compile(r"不予处理"), "not_processed", GROUP_LABELS["not_processed"]),
    (re.compile(r"其他处理"), "other_handling", GROUP_LABELS["other_handling"]),
)
_PERCENT = re.compile(
    r"(?:占|比例为|比重为|比例达|占比为|占比)(?P<den>[^\d，。；%％]{0,14}?)(?P<p>\d+(?:\.\d+)?)\s*[%％]"
)


@dataclass
class Finding:
    keypath: str
    phrase: str  # the matched text
    number: Decimal
    expected: Decimal
    label: str  # what table cell the phrase restates
    ref: str  # the reference that would print the right value
    percent: bool = False
    truncated: bool = False  # a percentage cut off instead of rounded: a rounding slip


def _clause_start(text: str, pos: int, ends: str) -> int:
    starts = [text.rfind(ch, 0, pos) for ch in ends]
    return max(starts) + 1


#: the 条例's words for every applicant ("收到公民、法人和其他组织政府信息公开申请7件", 平潭行政审批局 2023): the
#: 总计 column, not the five organisation columns
_EVERY_APPLICANT = re.compile(r"公民[、，,]?(?:法人|或者|和)")


def _column(text: str, start: int) -> tuple[str, str]:
    """The applicant column named in the clause before ``start`` (the last one), else 总计."""
    clause = text[_clause_start(text, start, _CLAUSE_END) : start]
    found = list(_COLUMN_RE.finditer(clause))
    if not found or _EVERY_APPLICANT.search(clause):
        return "total", "总计"
    return COLUMN_WORDS[found[-1].group(0)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int, str]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e, _ in spans)


def _lookup(values: Mapping[str, Any], table: str, column: str, key: str) -> Any:
    if table == "3":
        return (values.get("applications") or {}).get(column, {}).get(key)
    node: Any = values.get("active" if table == "2" else "appeals") or {}
    for part in key.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def scan(text: str, spans: list[tuple[int, int, str]], values: Mapping[str, Any], keypath: str) -> Iterator[Finding]:
    """Every literal number in ``text`` that restates a table value and differs from it (through the common
    phrase engine, :func:`plugins.common.prose.restatements.restatements`)."""
    judges = [(phrase.pattern, functools.partial(_judge, phrase, text, values, keypath)) for phrase in PHRASES]
    yield from restatements(text, spans, judges)
    yield from _percentages(text, spans, values, keypath)


_PUBLISHED = re.compile(r"发布|公开|公布|清理|梳理|更新|上传|汇编|集中")


def _about_valid_documents(text: str, m: re.Match[str]) -> bool:
    """ "现行有效……N件" states table 二's count in force when its sentence is about 规范性文件 and its own clause
    does not say the N were published, cleared or updated (a part of those in force)."""
    sentence = text[_clause_start(text, m.start(), _SENTENCE_END) : m.end()]
    clause = text[_clause_start(text, m.start(), _CLAUSE_END) : m.start()]
    return "规范性文件" in sentence and not _PUBLISHED.search(clause)


def _judge(phrase: Phrase, text: str, values: Mapping[str, Any], keypath: str, m: re.Match[str]) -> Finding | None:
    if phrase.table == "2" and not _about_valid_documents(text, m):
        return None
    column, column_label = _column(text, m.start()) if phrase.table == "3" else ("", "")
    if phrase.name == "某类申请人申请" or phrase.name == "某类申请人":
        column, column_label = COLUMN_WORDS[_COLUMN_RE.search(m.group(0)).group(0)]  # type: ignore[union-attr]
        if _EVERY_APPLICANT.search(text[max(0, m.start() - 4) : m.start() + 4]):
            column, column_label = "total", "总计"
    if phrase.name == "某类申请人" and not _about_received(text, m.start()):
        return None
    if "+" in phrase.key:  # a sum of rows, e.g. 一＋二 ("共办理申请N件（含上年结转）")
        parts = [_lookup(values, phrase.table, column, k) for k in phrase.key.split("+")]
        if not all(isinstance(x, (int, float)) for x in parts):
            return None
        expected: Any = sum(parts)
    else:
        expected = _lookup(values, phrase.table, column, phrase.key)
    if not isinstance(expected, (int, float)):
        return None
    found = as_number(m.group("n"))
    if found == Decimal(str(expected)):
        return None
    where = f"表三“{column_label}”列“{phrase.label}”" if phrase.table == "3" else phrase.label
    if "+" in phrase.key:
        ref = "sum(" + ", ".join(f"applications.{column}.{k}" for k in phrase.key.split("+")) + ")"
    else:
        section = {"2": "active", "3": "applications"}.get(phrase.table, "appeals")
        ref = f"applications.{column}.{phrase.key}" if phrase.table == "3" else f"{section}.{phrase.key}"
    return Finding(keypath, m.group(0), found, Decimal(str(expected)), where, ref)


_OUTCOME_WORDS = re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结|答复|结转")
_RECEIVED_WORDS = re.compile(r"收到|新收|受理|接收|提出")


def _about_received(text: str, pos: int) -> bool:
    """ "自然人N件" restates 一、本年新收 only in a sentence about applications received, with no outcome named
    between the received phrase and it."""
    sentence = text[_clause_start(text, pos, _SENTENCE_END) : pos]
    received = list(_RECEIVED_WORDS.finditer(sentence))
    return bool(received) and not _OUTCOME_WORDS.search(sentence, received[-1].end())


def _percentages(
    text: str, spans: list[tuple[int, int, str]], values: Mapping[str, Any], keypath: str
) -> Iterator[Finding]:
    for m in _PERCENT.finditer(text):
        if _overlaps(m.span("p"), spans):
            continue
        sentence_start = _clause_start(text, m.start(), _SENTENCE_END)
        before = text[sentence_start : m.start()]
        # the category named last before the number; of two ending together (部分公开 inside
        # 予以公开和部分公开) the longer one
        best: tuple[int, int, str, str] | None = None
        for pattern, key, label in PERCENT_CATEGORIES:
            for hit in pattern.finditer(before):
                if best is None or (hit.end(), -hit.start()) > (best[1], -best[0]):
                    best = (hit.start(), hit.end(), key, label)
        if best is None:
            continue
        start, _, category, category_label = best
        column, column_label = _column(text, sentence_start + start)
        part = _lookup(values, "3", column, category)
        by_received = bool(re.search(r"收到|新收|受理", m.group("den")))
        whole_key = "new_received" if by_received else "total_processed"
        whole = _lookup(values, "3", column, whole_key)
        if not isinstance(part, (int, float)) or not isinstance(whole, (int, float)) or whole == 0:
            continue
        verdict = percent_verdict(part, whole, m.group("p"))
        if verdict is None or verdict.ok:
            continue
        denominator = "一、本年新收" if by_received else "（七）总计"
        yield Finding(
            keypath,
            text[sentence_start + start : m.end()],
            Decimal(m.group("p")),
            verdict.rounded,
            f"表三“{column_label}”列{category_label}÷{denominator}（{part}÷{whole}，保留{verdict.places}位小数）",
            f"pct(applications.{column}.{category}, applications.{column}.{whole_key}, {verdict.places})",
            percent=True,
            truncated=verdict.truncated,
        )


_ALL_MAINTAINED = re.compile(r"(?:均|全部|都)(?:被|获|予以)?(?:依法)?维持")
_NO_APPEALS = re.compile(r"(?:未|没有|无)(?:发生|出现|收到)?[^。；，]{0,16}?(行政复议|行政诉讼)")


def claims(text: str, values: Mapping[str, Any], keypath: str) -> Iterator[tuple[str, str, str, Any, Any]]:
    """Wordings that contradict table 四 without a number: "均获维持" while cases were corrected or are pending,
    "未发生行政复议" while there were some.  Yields (keypath, phrase, what, expected, found)."""
    appeals = values.get("appeals") or {}
    for sentence in re.split(r"[。；;]", text):
        if _ALL_MAINTAINED.search(sentence) and re.search("复议|诉讼|起诉", sentence):
            for key, label in (("review", "行政复议"), ("litigation", "行政诉讼")):
                block = appeals.get(key) or {}
                if label[2:] not in sentence and not (key == "litigation" and "起诉" in sentence):
                    continue
                others = sum(v.number(block.get(k)) for k in ("correct", "other", "pending"))
                if others:
                    yield (
                        keypath,
                        sentence,
                        f"表四“{label}”中结果纠正、其他结果、尚未审结共 {others} 件",
                        "无维持以外结果",
                        others,
                    )
        for m in _NO_APPEALS.finditer(sentence):
            key = "review" if m.group(1) == "行政复议" else "litigation"
            total = v.number((appeals.get(key) or {}).get("total"))
            if total:
                yield (keypath, m.group(0), f"表四“{m.group(1)}”总计为 {total} 件", 0, total)


def texts(report: Any) -> Iterator[tuple[str, str]]:
    """Every prose string of the report with its full key path, sub-tables (总体情况's 小节) included."""

    def walk(data: Mapping[str, Any], sub: str) -> Iterator[tuple[str, str]]:
        yield from iter_texts(data, sub)
        for key, value in data.items():
            if isinstance(value, Mapping) and key != "items":
                yield from walk(value, f"{sub}.{key}")

    for instance in report.sections:
        yield from walk(instance.data, instance.key)


#: The 2008 条例 era's statistic of the documents an organ made, split by 公开属性 ("其中主动公开政府信息198条，依申请
#: 公开信息数142条，不予公开信息数137条"), still carried into 2019/2021-format reports, where 依申请公开 means the
#: applications of table 三: "依申请公开信息1180条" beside one application (平潭旅游与文化体育局 2022).
_ON_REQUEST_COUNT = re.compile(
    r"(?<![办收受结答到])依申请公开(?:的)?(?:政府)?(?:信息)?(?:数)?(?:及不予公开)?(?:信息)?(?:共|为|达)?"
    r"(?P<n>\d+(?:,\d{3})*)(?P<u>条|份|件|个)"
)


def _received(values: Mapping[str, Any]) -> tuple[Any, Any]:
    """Table 三's 一、本年新收 and 二、上年结转 in the 总计 column, as typed (blank is ``None``)."""
    total = (values.get("applications") or {}).get("total") or {}
    return total.get("new_received"), total.get("carried_over")


def attribute_counts(text: str, values: Mapping[str, Any]) -> Iterator[tuple[str, int, int, int]]:
    """ "依申请公开信息N条" with N more than table 三's applications (一、本年新收 + 二、上年结转, 总计 column):
    (the phrase, N, new, carried over).  A table left blank is not compared."""
    new, carried = _received(values)
    if not v.is_number(new) or not (v.is_number(carried) or carried is None):
        return
    handled = v.number(new) + v.number(carried)
    for m in _ON_REQUEST_COUNT.finditer(text):
        n = int(m.group("n").replace(",", ""))
        if n > handled:
            yield m.group(0), n, int(v.number(new)), int(v.number(carried))


#: the kind of information published "政策、规范性文件类信息2条" (a class of the 主动公开 count, not table 二's rows)
_NORMATIVE_PUBLISHED = re.compile(
    r"(?:(?:政策(?:、|，|,|及|和)?)?(?:行政)?规范性文件(?:类信息|类|信息)"
    r"|(?:规章|法规)(?:和|、|及)(?:行政)?规范性文件(?:类)?)"  # the 条例's own class: 行政法规、规章和规范性文件
    r"(?:共|为)?(?P<n>\d+(?:,\d{3})*)(?:条|件|份)"
)


_NORMATIVE_MADE_THEN_PUBLISHED = re.compile(
    r"(?:制定|制发|印发|出台)(?:行政)?规范性文件(?:共)?\d+(?:,\d{3})*件[，,](?:其中)?(?:对外|主动|向社会)?公开(?:了)?"
    r"(?P<n>\d+(?:,\d{3})*)件"
)


def normative_published(text: str, values: Mapping[str, Any]) -> Iterator[tuple[str, int, int]]:
    """ "主动公开政府信息31条，其中……政策、规范性文件信息2条" while table 二 says 9 行政规范性文件 were made this year
    (平潭旅游与文化体育局 2022): a 规范性文件 is published by law (条例第二十条), so the documents published of the
    class cannot be fewer than those made.  Yields (phrase, published, made)."""
    documents = (values.get("active") or {}).get("normative_documents") or {}
    made = documents.get("issued", documents.get("made"))  # 2021: 本年制发; 2019: 本年新制作
    if not v.is_number(made) or not v.number(made):
        return
    for m in _NORMATIVE_PUBLISHED.finditer(text):
        start = _clause_start(text, m.start(), _SENTENCE_END)
        if text[start:].lstrip().startswith("其中") and start > 1:  # "……公开政府信息22条。其中政策规范性文件类信息5条"
            start = _clause_start(text, start - 1, _SENTENCE_END)
        sentence = text[start : m.end()]
        n = int(m["n"].replace(",", ""))
        published = re.search(r"公开|发布|公布", sentence) and not re.search(r"制发|印发|废止|清理|现行有效", sentence)
        if published and n < v.number(made):
            yield m.group(0), n, int(v.number(made))
    # "全县各部门单位共制定规范性文件2584件,对外公开2505件" (通山县 2019, table 二: 2584 made): the count made said,
    # then the count published, fewer
    for m in _NORMATIVE_MADE_THEN_PUBLISHED.finditer(text):
        n = int(m["n"].replace(",", ""))
        if n < v.number(made):
            yield m.group(0), n, int(v.number(made))


#: a count of licences the text says were issued or published: "施工许可证76条", "核发排水许可证5件"
_LICENCES = re.compile(r"(?P<what>[^，。；、\d]{1,12}?许可证)(?:共|为)?(?P<n>\d+(?:,\d{3})*)(?:件|条|个|张|本|份)")


def licences_beyond_table2(text: str, values: Mapping[str, Any]) -> Iterator[tuple[str, int, int]]:
    """The licences a sentence lists ("全年公开……施工许可证76条、安全生产许可证121条……户外广告设置许可证783条",
    平潭交通与建设局 2019) add up to more than table 二's 行政许可 decisions of the year (1).  Yields (the sentence,
    licences listed, decisions)."""
    licensing = (values.get("active") or {}).get("licensing")
    decisions = licensing.get("decisions") if isinstance(licensing, Mapping) else licensing
    if not v.is_number(decisions):
        return
    for sentence in re.split(r"(?<=[。；;！？])", text):
        listed = sum(int(m["n"].replace(",", "")) for m in _LICENCES.finditer(sentence))
        if listed > v.number(decisions):
            yield sentence.strip(), listed, int(v.number(decisions))


_NONE_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|接到|受理|接收)(?:过|任何)?(?:公民、法人或(?:者)?其他组织(?:提出)?的?)?"
    r"(?:政府信息公开|信息公开|依申请公开)(?:的)?(?:申请|事项|事宜|件)"
)
_ALL_HANDLED = re.compile(r"(?:均|全部|都)[^。；;，,]{0,12}?(?:办理|答复|办结)|按时答复|予以答复")


def application_claims(text: str, values: Mapping[str, Any]) -> Iterator[tuple[str, str, Any, Any]]:
    """What the text says of the applications without a number, against table 三 (总计 column): "未收到政府信息公开
    申请" while 一、本年新收 has some; "均严格依程序规范办理，在规定时间内予以答复" while there were none to handle
    (平潭综合执法应急局 2022).  Yields (phrase, what the table says, expected, found)."""
    new, carried = _received(values)
    if not v.is_number(new):
        return
    for sentence in re.split(r"(?<=[。；;])", text):
        none = _NONE_RECEIVED.search(sentence)
        if none and v.number(new) and not re.search(r"复议|诉讼|上一?年|去年", sentence):
            yield none.group(0), f"“一、本年新收政府信息公开申请数量”为 {v.cell(new)} 件", 0, v.number(new)
            continue
        handled = _ALL_HANDLED.search(sentence)
        if (
            handled
            and "申请" in sentence
            and not v.number(new)
            and not v.number(carried)
            and not re.search(r"未|没有|无|零|0件", sentence)
        ):
            yield (
                sentence.strip(),
                "本年新收和上年结转的申请均为 0 件，没有申请可办理、答复",
                "说明未收到申请",
                handled.group(0),
            )


_PENDING_WORDS = re.compile(
    r"未审结|审理中|正在审理|尚在审理|未结案|尚未结案|未审理终结|尚未(?:作出|做出)(?:复议)?(?:决定|判决|裁判)|未决"
)
_BLOCKS = (
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼·未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼·复议后起诉"),
)


def pending_silence(report: Any, texts: list[str], make: Callable[..., Problem]) -> list[Problem]:
    """Table 四 has 尚未审结 cases and no sentence of the report says that any case is still open."""
    appeals = report.values.get("appeals") or {}
    pending = [(key, label, v.number((appeals.get(key) or {}).get("pending"))) for key, label in _BLOCKS]
    pending = [(key, label, n) for key, label, n in pending if n]
    if not pending or any(_PENDING_WORDS.search(text) for text in texts):
        return []
    total = sum(n for _, _, n in pending)
    listed = "、".join(f"{label} {n} 件" for _, label, n in pending)
    return [
        make(
            Severity.WARNING,
            "gb2021.appeals.pending-unstated",
            f"表四有尚未审结的案件（{listed}），正文没有一处提到尚未审结；读者会以为案件都已有结果",
            f"appeals.{pending[0][0]}.pending",
            expected=f"正文说明尚未审结{total}件",
            found="未提及",
        )
    ]


def text_problems(report: Any, make: Callable[..., Problem]) -> list[Problem]:
    values = report.values
    evaluator = Evaluator(values)
    problems: list[Problem] = []
    printed: list[str] = []
    for keypath, raw in texts(report):
        resolved = evaluator.resolve(raw, None, [])
        printed.append(resolved.text)
        for f in scan(resolved.text, resolved.spans, values, keypath):
            if f.truncated:
                problems.append(
                    make(
                        Severity.WARNING,
                        "prose.percent-rounding",
                        f"“{f.phrase}”中的 {f.number}% 是截断值，按{f.label}四舍五入应为 {f.expected}%",
                        keypath,
                        expected=f"{f.expected}%",
                        found=f"{f.number}%",
                    )
                )
                continue
            kind = "百分比" if f.percent else "数字"
            problems.append(
                make(
                    Severity.ERROR,
                    "gb2021.text.mismatch",
                    f"正文“{f.phrase}”中的{kind} {f.number}{'%' if f.percent else ''} 与{f.label}不一致："
                    f"表中为 {f.expected}{'%' if f.percent else ''}；可改用引用 {{{f.ref}}}",
                    keypath,
                    expected=f"{f.expected}{'%' if f.percent else ''}",
                    found=f"{f.number}{'%' if f.percent else ''}",
                )
            )
        for phrase, n, new, carried in attribute_counts(resolved.text, values):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.text.attribute-count",
                    f"正文“{phrase}”比表三的申请还多（本年新收{new}件、上年结转{carried}件）：本格式的“依申请公开”"
                    f"指收到和处理的申请，{n}像是按公开属性划分的制发文件数（2008年条例时期的统计口径），读者会当成"
                    f"申请数；请写明这是按公开属性划分的文件数（如“公开属性为依申请公开的文件{n}件”），或删去",
                    keypath,
                    expected=f"≤ {new + carried}（表三的申请）",
                    found=n,
                )
            )
        for sentence, listed, decisions in licences_beyond_table2(resolved.text, values):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.text.licensing",
                    f"正文“{_short(sentence, 50)}”列出的许可证共{listed}件，"
                    f"表二“行政许可”本年处理决定只有{decisions}件；"
                    "许可证是行政许可决定的结果，请核对表二或正文（别的机关发的证应写明）",
                    keypath,
                    expected=f"≤ {decisions}（表二 行政许可·本年处理决定数量）",
                    found=listed,
                )
            )
        for phrase, n, made in normative_published(resolved.text, values):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.text.normative-published",
                    f"正文“{phrase}”少于表二本年制发的行政规范性文件{made}件：规范性文件应当主动公开（条例第二十条），"
                    "公开的这一类信息不会比制发的少；请核对正文或表二",
                    keypath,
                    expected=f"≥ {made}（表二 行政规范性文件·本年制发件数）",
                    found=n,
                )
            )
        for phrase, what, expected, found in application_claims(resolved.text, values):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.text.applications-claim",
                    f"正文“{_short(phrase, 50)}”与表三不符：{what}",
                    keypath,
                    expected=expected,
                    found=found,
                )
            )
        for where, phrase, what, expected, found in claims(resolved.text, values, keypath):
            problems.append(
                make(
                    Severity.ERROR,
                    "gb2021.text.appeals-claim",
                    f"正文“{phrase}”与表四不符：{what}",
                    where,
                    expected=expected,
                    found=found,
                )
            )
    return problems + pending_silence(report, printed, make)
