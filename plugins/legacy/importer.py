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
from compiler.importers.base import ImportResult, PublishedDocument, TextItem
from plugins.common.importing import (
    CN_DIGITS,
    PART_HEADING,
    Builder,
    metadata,
    narrative,
    norm,
    split_parts,
)

#: Section key → the part title of the legacy format, in order.
TITLES: dict[str, str] = {
    "overview": "概述",
    "active": "主动公开政府信息情况",
    "applications": "依申请公开政府信息情况",
    "consultation": "咨询和投诉情况",
    "appeals": "行政复议和行政诉讼情况",
    "staffing": "工作人员和费用支出情况",
    "issues": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
    "tables": "附表",
}

#: Statistics the schema requires, and the sentence that states them: (key path, pattern, what).
_STATED = (
    ("active.total", r"(?:累计|共|全年)?主动公开(?:各类)?政府信息(\d+)条", "主动公开政府信息总数"),
    ("applications.received", r"(?:共)?受理(?:政府信息公开)?申请(\d+)件", "受理申请数"),
)


def _heading(item: TextItem, expected: int) -> tuple[str, str] | None:
    m = PART_HEADING.match(norm(item.text))
    if not m or len(item.text) > 45 or m.group(1) not in CN_DIGITS:
        return None
    number = CN_DIGITS.index(m.group(1)) + 1
    keys = list(TITLES)
    if number < expected or number > len(keys):
        return None
    key = keys[number - 1]
    title = m.group(2).rstrip("。：:")
    score = difflib.SequenceMatcher(None, title, TITLES[key]).ratio()
    return (key, title) if score >= 0.45 else None


def import_document(document: PublishedDocument) -> ImportResult:
    b = Builder("legacy")
    b.data["format"] = "legacy"
    b.data["report"] = {}
    items = document.items
    parts, title, front = split_parts(document, _heading, list(TITLES))
    b.score = 0.09 * len(parts)
    preamble = [i.text for i in front]
    if preamble:
        b.put("preamble.text", preamble if len(preamble) > 1 else preamble[0])
    tail: list[TextItem] = []
    for n, (key, printed, start) in enumerate(parts):
        end = parts[n + 1][2] if n + 1 < len(parts) else len(items)
        body = [i for i in items[start + 1 : end] if isinstance(i, TextItem)]
        if n + 1 == len(parts):
            while (
                body
                and len(body[-1].text) <= 25
                and re.search(r"\d{4}\s*年\s*\d{1,2}\s*月|政府$|办公室$", body[-1].text)
            ):
                tail.insert(0, body.pop())
        data: dict[str, Any] = {}
        if printed != TITLES[key]:
            data["heading"] = printed
        data.update(narrative([i.text for i in body]))
        b.data.setdefault(key, {}).update(data)
        if document.grids and key == "tables":
            b.note("tables", "附表以文字形式导入；表格数字请核对后写入各部分", items[start].place)
    for path, pattern, what in _STATED:
        section = path.split(".")[0]
        text = "".join(_texts(b.data.get(section, {})))
        m = re.search(pattern, text)
        if m:
            b.put(path, int(m.group(1)))
            b.note(path, f"{what}取自正文“{m.group(0)}”，请核对")
        else:
            b.note(path, f"正文中没有找到{what}，请填写", level="error")
    missing = [t for k, t in TITLES.items() if k not in {p[0] for p in parts}]
    if missing:
        b.note("", "没有找到这些部分的标题：" + "、".join(missing), level="error")
    metadata(document, title, preamble, tail, b)
    order = ("format", "report", "preamble", *TITLES)
    data = {k: b.data[k] for k in order if k in b.data}
    data["signature"] = {}
    return ImportResult("legacy", data, min(1.0, b.score), b.notes)


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
    if format is None and result.confidence < 0.3:
        return None
    return result
