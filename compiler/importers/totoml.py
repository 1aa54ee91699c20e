"""An :class:`ImportResult` written as a report TOML file, with a comment at every place the importer was unsure.

Format-independent: the data is already in the format's schema (the format plugin made it); this module only
writes it — tables in the order given, strings as TOML basic strings, dates bare, lists of tables as ``[[…]]`` —
and puts each note as a comment above the key (or the nearest table) it is about::

    # TODO（导入）：表三“2.其他法律行政法规禁止公开”：行标题印作“2.其他法律行政止公开”……（来源：…第3页…）
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from compiler.importers.base import ImportNote, ImportResult

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_MARK = {"error": "TODO（导入）", "warning": "TODO（导入）", "info": "注（导入）"}


def _key(k: str) -> str:
    return k if _BARE.match(k) else _string(k)


def _string(s: str) -> str:
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        inner = [_value(x) for x in v]
        if sum(len(x) for x in inner) > 80:
            return "[\n" + "".join(f"  {x},\n" for x in inner) + "]"
        return "[" + ", ".join(inner) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def _is_table_list(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _comment(note: ImportNote) -> list[str]:
    where = f"（来源：{note.place.where}）" if note.place and note.place.where else ""
    text = f"# {_MARK.get(note.level, 'TODO（导入）')}：{note.message}{where}"
    return [text.replace("\n", " ")]


def _anchor(data: dict[str, Any], keypath: str) -> str:
    """The longest prefix of ``keypath`` present in ``data`` (``""``: the top of the file)."""
    parts = [p for p in keypath.split(".") if p]
    node: Any = data
    found: list[str] = []
    for p in parts:
        if isinstance(node, dict) and p in node:
            found.append(p)
            node = node[p]
        else:
            break
    return ".".join(found)


def to_toml(result: ImportResult, source: Path, *, header: str = "") -> str:
    notes: dict[str, list[ImportNote]] = {}
    for note in result.notes:
        notes.setdefault(_anchor(result.data, note.keypath), []).append(note)
    lines: list[str] = [
        f"# 由 gongkai import 从 {source.name} 导入（格式 {result.format}，把握 {result.confidence:.2f}）。",
        "# 正文照原文，编号已去掉（由 gongkai 按位置生成）；表格按行标题读取，空白格保持空白，印出的合计照原样保留。",
        "# 标有 TODO 的地方导入时没有把握，请对照原文件核对后删去该注释。",
    ]
    if header:
        lines.append(f"# {header}")
    lines.append("")
    for note in notes.pop("", []):
        lines += _comment(note)
    _table(result.data, "", notes, lines, top=True)
    for leftover in notes.values():  # notes whose key was not written (never expected)
        for note in leftover:
            lines += _comment(note)
    return "\n".join(lines).rstrip() + "\n"


def _table(data: dict[str, Any], path: str, notes: dict[str, list[ImportNote]], lines: list[str], top: bool) -> None:
    def full(k: str) -> str:
        return f"{path}.{k}" if path else k

    def inline(k: str, v: Any) -> bool:
        if not isinstance(v, dict):
            return not _is_table_list(v)
        noted = full(k) in notes or any(n.startswith(full(k) + ".") for n in notes)
        return not top and _simple(v) and not noted

    for k, v in data.items():
        if inline(k, v):
            for note in notes.pop(full(k), []):
                lines += _comment(note)
            lines.append(f"{_key(k)} = {_value(v)}")
    for k, v in data.items():
        if inline(k, v):
            continue
        if isinstance(v, dict):
            lines.append("")
            for note in notes.pop(full(k), []):
                lines += _comment(note)
            lines.append(f"[{_dotted(full(k))}]")
            _table(v, full(k), notes, lines, top=False)
        else:
            for note in notes.pop(full(k), []):
                lines += _comment(note)
            for item in v:
                lines.append("")
                lines.append(f"[[{_dotted(full(k))}]]")
                _table(item, full(k), {}, lines, top=False)


def _simple(v: dict[str, Any]) -> bool:
    """A small table of numbers written inline (``labels``, ``fee``)."""
    return len(v) <= 4 and all(isinstance(x, (int, float, str)) and len(str(x)) <= 20 for x in v.values())


def _dotted(path: str) -> str:
    return ".".join(_key(p) for p in path.split("."))
