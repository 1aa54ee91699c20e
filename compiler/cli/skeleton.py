"""``gongkai init``: a complete skeleton report, generated from the section plugins' own schemas.

Nothing here knows which sections exist: a newly installed section plugin that registers a section for the
format (with ``after=``) appears in the skeleton by itself.
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w

from compiler.host.manager import PluginHost, default_host
from compiler.model.problems import UsageError
from compiler.model.schema import Field, skeleton, suggest


def skeleton_data(format_key: str, host: PluginHost | None = None) -> dict[str, Any]:
    host = host or default_host()
    if format_key not in host.formats:
        hint = suggest(format_key, list(host.formats))
        from compiler.cli.messages import msg

        close = msg("format.did-you-mean", name=hint) if hint else ""
        known = msg("format.known", names="、".join(sorted(host.formats)))
        raise UsageError(msg("format.unknown", name=format_key, hint=close or known))
    types = host.section_types(format_key)
    data: dict[str, Any] = {"format": format_key}
    for key in host.default_order(format_key):
        section = types.get(key)
        if section is None:
            continue
        table = skeleton(section.schema)
        # an optional section is offered when it has something to show (the 版记, with no example, is not)
        shown = any(f.example is not None for f in section.schema.fields)
        if section.required or (table and shown):
            data[key] = table
    return data


def _descriptions(fields: tuple[Field, ...], prefix: str, out: dict[str, str]) -> None:
    for fld in fields:
        path = f"{prefix}.{fld.name}" if prefix else fld.name
        if fld.description:
            out[path] = fld.description
        if fld.fields:
            _descriptions(fld.fields, path, out)


def skeleton_toml(format_key: str, host: PluginHost | None = None) -> str:
    """The skeleton as TOML text, each key preceded by its schema description as a comment."""
    host = host or default_host()
    data = skeleton_data(format_key, host)
    notes: dict[str, str] = {}
    types = host.section_types(format_key)
    for key in data:
        section = types.get(key)
        if section is not None:
            about = section.description
            notes[key] = (
                about if about.startswith(section.title) else f"{section.title}" + (f"：{about}" if about else "")
            )
            _descriptions(section.full_schema().fields, key, notes)
    notes.update({f.name: f.description for f in _core_fields() if f.description})
    header = (
        f"# gongkai 报告框架（格式：{format_key}）\n"
        "# 把等号右边的示例内容换成本单位的实际内容：文字放在英文双引号里，数字不加引号、不写千分位逗号，\n"
        "# 日期写成 2025-03-31。正文中可以引用数据，如 {report.year}、{active.total}。\n"
        "# 检查：gongkai check 本文件.toml    生成 PDF：gongkai build 本文件.toml\n\n"
    )
    return header + _annotate(tomli_w.dumps(data), notes)


def _core_fields() -> tuple[Field, ...]:
    from compiler.model.report import CORE_SCHEMA

    return CORE_SCHEMA.fields


_HEADER = re.compile(r"^\[\[?([^\]]+)\]\]?$")
_ASSIGN = re.compile(r'^("[^"]*"|[A-Za-z0-9_-]+) = ')


def _annotate(text: str, notes: dict[str, str]) -> str:
    """Put ``# description`` above every table header and key that has one."""
    out: list[str] = []
    table = ""
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            table = header.group(1).replace('"', "")
            if table in notes:
                out.append(f"# {notes[table]}")
        else:
            assign = _ASSIGN.match(line)
            if assign:
                key = assign.group(1).strip('"')
                path = f"{table}.{key}" if table else key
                if path in notes:
                    out.append(f"# {notes[path]}")
        out.append(line)
    return "\n".join(out) + "\n"
