"""The report: one TOML file read, validated against the section plugins' schemas, values derived.

Top-level keys belong to the core; every other top-level table belongs to the section with that key::

    format = "legacy"            # a format some plugin registered
    style = "gbt9704"            # optional: a style name or a path (relative to this file)
    plugins = ["my_part.py"]     # optional: local plugin files (relative to this file)
    sections = ["report", …]     # optional: the section order, if not the format's
    previous = "2023.toml"       # optional: last year's report, for cross-year checks
    [[attachments]]              # optional: files bound after the report
    [report]                     # …and one table per section
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler.host.manager import PluginHost, default_host, fresh_host
from compiler.model import numbering
from compiler.model.document import SourceRef
from compiler.model.formats import Format
from compiler.model.problems import Problem, ReportError, Severity, error, warning
from compiler.model.schema import Field, Schema, Validator, _type_name, suggest
from compiler.model.sections import Placement, SectionContext, SectionType
from compiler.source.hygiene import clean_source
from compiler.source.limits import size_problems
from compiler.source.tomlsource import TomlSource, load

#: Input errors after which the data can still be read: checks run on.
HARMLESS_ERRORS = frozenset(
    {"input.unknown-key", "input.unknown-section", "input.section-not-listed", "input.missing-section"}
)

#: Errors that stay errors in a transcription (``transcription = "URL"``): the file itself cannot be read.
TRANSCRIPTION_KEEPS = ("input.", "refs.", "plugin.", "font.", "style.", "layout.", "hygiene.")

ATTACHMENT_FIELDS = (
    Field("file", "str", required=True, description="附件文件（PDF、PNG 或 JPEG），相对于本文件"),
    Field("title", "str", required=True, description="附件标题"),
    Field("pages", "str", description='只取其中几页，如 "1-3,5"'),
    Field("password", "str", description="加密 PDF 的密码"),
)

CORE_SCHEMA = Schema(
    (
        Field("format", "str", required=True, description="报告格式", example="legacy"),
        Field("style", "str", description="版式样式：名称或路径"),
        Field("plugins", "list[str]", description="本地插件文件"),
        Field("sections", "list[str]", description="章节顺序（默认按格式）"),
        Field("previous", "str", description="上一年度报告（用于跨年度核对）"),
        Field(
            "transcription",
            "str",
            description="照录已发布报告时写其来源网址：内容核对发现的错误降为警告，可照原样重排",
        ),
        Field("attachments", "list[table]", description="附件", fields=ATTACHMENT_FIELDS),
    )
)


@dataclass
class SectionInstance:
    type: SectionType
    data: dict[str, Any]
    number: int | None
    present: bool  # the report has a table for it

    @property
    def key(self) -> str:
        return self.type.key


@dataclass
class Report:
    path: Path
    source: TomlSource
    format: Format
    host: PluginHost
    sections: list[SectionInstance] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    previous: Report | None = None

    @property
    def data(self) -> dict[str, Any]:
        return self.source.data

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def ref(self, keypath: str) -> SourceRef:
        return self.source.ref(keypath)

    def section(self, key: str) -> SectionInstance | None:
        return next((s for s in self.sections if s.key == key), None)

    def context(self, instance: SectionInstance) -> SectionContext:
        return SectionContext(self, instance.type, instance.data, instance.number)

    @property
    def style(self) -> str | None:
        return self.data.get("style")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity >= Severity.ERROR]

    def can_read(self) -> bool:
        """Whether the data is well-typed enough for the sections' derive and check callables (which read each
        other's values).  Errors that leave the data readable — an unknown key, a missing section — do not stop
        them, so one pass reports the table checks beside a misspelt key; nor does a missing value that only the
        printed document needs (``Field.checks_without``: the organ of a published page the import could not read)."""
        return all(p.rule in HARMLESS_ERRORS or p.details.get("checks_run") for p in self.errors)


def _host_for(data: dict[str, Any], path: Path, source: TomlSource, host: PluginHost | None) -> PluginHost:
    files = data.get("plugins") or []
    if not isinstance(files, list) or not files:
        return host or default_host()
    from compiler.host import trust

    wanted = [
        (trust.plugin_path(path, name, source.ref(f"plugins[{i}]")), source.ref(f"plugins[{i}]"))
        for i, name in enumerate(files)
        if isinstance(name, str)
    ]
    for file, ref in wanted:  # nothing runs yet: a missing file is named whether or not plugins are allowed
        if not file.is_file():
            raise ReportError(error("plugin.missing-file", f"找不到插件文件：{file}；请检查 plugins 中的文件名", ref))
    if wanted and not trust.trusted(path.parent):
        raise ReportError(trust.not_allowed([f for f, _ in wanted], [r for _, r in wanted]))
    host = host or fresh_host()
    for file, ref in wanted:
        host.load_file(file, ref)
    host.collect()
    return host


def load_report(
    path: Path, host: PluginHost | None = None, *, with_previous: bool = True, text: str | None = None
) -> Report:
    """Read, validate and derive.  Raises :class:`ReportError` when the input cannot be understood at all
    (unreadable file, bad TOML, unknown format); otherwise the problems are in ``report.problems``."""
    path = Path(path)
    source = load(path, text)
    data = source.data
    # text hygiene on the data itself, once, before anyone reads it (see compiler/source/hygiene.py for why here)
    early = clean_source(source, set(CORE_SCHEMA.names())) + size_problems(data, source.ref)
    host = _host_for(data, path, source, host)

    validator = Validator(source.ref)
    fmt_key = data.get("format")
    if not isinstance(fmt_key, str):
        found = "缺少" if fmt_key is None else f"是 {fmt_key!r}"
        raise ReportError(
            error(
                "input.format",
                f"顶层必须写明报告格式 format（可用：{'、'.join(sorted(host.formats))}），此处{found}",
                source.ref("format"),
            )
        )
    if fmt_key not in host.formats:
        hint = suggest(fmt_key, list(host.formats))
        raise ReportError(
            error(
                "input.unknown-format",
                f"未知的报告格式“{fmt_key}”"
                + (f"，是否应为“{hint}”？" if hint else f"；可用：{'、'.join(sorted(host.formats))}"),
                source.ref("format"),
            )
        )
    fmt = host.formats[fmt_key]
    report = Report(path=path, source=source, format=fmt, host=host)

    types = host.section_types(fmt_key)
    core_keys = set(CORE_SCHEMA.names())
    core_data = {k: v for k, v in data.items() if k in core_keys}
    validator.table(core_data, CORE_SCHEMA, "")

    explicit = data.get("sections") if isinstance(data.get("sections"), list) else None
    # non-strings in `sections` are reported by the core schema (list[str]); the order uses the strings
    order = [k for k in explicit if isinstance(k, str)] if explicit is not None else host.default_order(fmt_key)
    for i, key in enumerate(explicit or []):
        if not isinstance(key, str):
            continue
        if key not in types:
            hint = suggest(str(key), list(types))
            validator.fail(
                f"sections[{i}]",
                f"格式“{fmt_key}”中没有章节“{key}”" + (f"，是否应为“{hint}”？" if hint else ""),
                rule="input.unknown-section",
            )
    for key, value in data.items():
        if key in core_keys:
            continue
        if key not in types:
            hint = suggest(key, list(types))
            validator.fail(
                key,
                f"未知的章节或键“{key}”"
                + (f"，是否应为“{hint}”？" if hint else f"；格式“{fmt_key}”的章节：{'、'.join(order)}"),
                rule="input.unknown-section",
            )
        elif key not in order:
            validator.fail(key, f"章节“{key}”不在 sections 列出的顺序中，不会排版", rule="input.section-not-listed")
        elif not isinstance(value, dict):
            validator.fail(key, f"“{key}”应为表（[{key}]），实际是{_type_name(value)}")

    placements = _placements(host, types, data, order)
    order = _placed_order(order, placements)

    part_problems: list[Problem] = []

    def missing(key: str, section: SectionType) -> None:
        if section.numbered:  # a report with fewer parts than its format: accepted, each missing part named
            part_problems.append(
                warning(
                    "input.missing-part",
                    f"缺少格式规定的部分 [{key}]（{section.title}）；其余部分照常编号",
                    source.ref(key),
                    expected=f"[{key}]",
                    found="缺少",
                )
            )
        else:
            validator.fail(key, f"缺少必需的章节 [{key}]（{section.title}）", rule="input.missing-section")

    required = set(fmt.required) if fmt.required is not None else {k for k, t in types.items() if t.required}
    number = 0
    for key in order:
        section = types.get(key)
        if section is None:
            continue
        raw = data.get(key)
        present = isinstance(raw, dict)
        if not present and key in required:
            missing(key, section)
        table = raw if present else {}
        if present:
            validator.table(table, section.full_schema(), key)
        if not present and not section.build_without_data:
            continue
        n = None
        placed = placements.get(key)
        if section.numbered and (placed is None or placed.numbered):
            printed = table.get("number")
            if isinstance(printed, int) and not isinstance(printed, bool) and printed >= 1:
                if printed != number + 1:  # a report transcribed as published, its numbering slip kept
                    part_problems.append(
                        warning(
                            "input.part-number",
                            f"部分序号不连续：[{key}] 印作“{numbering.label('一、', printed)}”，"
                            f"按顺序应为“{numbering.label('一、', number + 1)}”",
                            source.ref(f"{key}.number"),
                            expected=number + 1,
                            found=printed,
                        )
                    )
                number = printed
            else:
                number += 1
            n = number
            as_printed = table.get("number_as_printed")
            if isinstance(as_printed, str) and (as_printed == "" or as_printed.strip()):
                # "(三)、" (海口市龙华区司法局 2021), or no number at all, "" (泾县人民政府 2012)
                official = numbering.label("一、", number)
                typed = as_printed.strip()
                said = f"部分序号照原样印作“{typed}”；部分序号用“{official}”（汉字数字加顿号）"
                # only spaces set it apart: "一、 概述" (沙依巴克区 2011), "六 、" (滇中新区临空局 2022)
                if where := numbering.extra_space(as_printed, official):
                    typed = as_printed.lstrip()
                    said = f"部分序号照原样印作“{typed}”：序号{where}多了空格，应为“{official}”"
                part_problems.append(
                    warning(
                        "input.numbering-variant",
                        said if typed else f"部分标题照原样没有序号；按顺序应为“{official}”",
                        source.ref(f"{key}.number_as_printed"),
                        expected=official,
                        found=typed or "无序号",
                    )
                )
        if table.get("no_heading") is True and n is not None:
            heading = numbering.label("一、", n) + (table.get("heading") or section.title)
            part_problems.append(
                warning(
                    "input.no-heading",
                    f"[{key}] 照原样没有印出部分标题“{heading}”：各部分应有序号和标题，"
                    "读者才看得出正文分几部分、这一段属于哪一部分",
                    source.ref(f"{key}.no_heading"),
                    expected=heading,
                    found="没有标题",
                )
            )
        report.sections.append(SectionInstance(section, table, n, present))

    # a required part left out of an explicit `sections` order is missing all the same
    for key in host.default_order(fmt_key):
        section = types.get(key)
        if section is None or key in order or key not in required or isinstance(data.get(key), dict):
            continue
        missing(key, section)

    report.problems += early + validator.problems + part_problems
    report.values = {k: copy.deepcopy(v) for k, v in data.items()}
    for instance in report.sections:
        if instance.type.derive is None or not report.can_read():
            continue
        ctx = report.context(instance)
        derived = host.call_section(instance.type, "计算", instance.type.derive, ctx) or {}
        if not isinstance(derived, dict):
            raise _wrong_result(instance, "计算", "dict", derived)
        report.problems += ctx.problems
        merged = dict(report.values.get(instance.key) or {})
        merged.update(derived)
        report.values[instance.key] = merged

    previous = data.get("previous")
    if with_previous and isinstance(previous, str):
        report.previous = load_previous(report, Path(os.path.normpath(path.parent / previous)))
    return report


def _placements(
    host: PluginHost, types: dict[str, SectionType], data: dict[str, Any], order: list[str]
) -> dict[str, Placement]:
    """What each present section's ``placement`` callable asks for (see :class:`Placement`)."""
    found: dict[str, Placement] = {}
    for key in order:
        section, raw = types.get(key), data.get(key)
        if section is None or section.placement is None or not isinstance(raw, dict):
            continue
        placed = host.call_section(section, "安排", section.placement, raw)
        if placed is not None and not isinstance(placed, Placement):
            raise _wrong_result(SectionInstance(section, raw, None, True), "安排", "Placement 或 None", placed)
        if placed is not None:
            found[key] = placed
    return found


def _placed_order(order: list[str], placements: dict[str, Placement]) -> list[str]:
    """``order`` with each placed section moved right after the section it follows (when that one is listed)."""
    order = list(order)
    for key, placed in placements.items():
        if placed.after is None or placed.after == key or placed.after not in order:
            continue
        order.remove(key)
        order.insert(order.index(placed.after) + 1, key)
    return order


def _wrong_result(instance: SectionInstance, what: str, expected: str, got: Any) -> ReportError:
    """A section callable returned the wrong type: an error naming its plugin, not a traceback later."""
    from compiler.host.manager import PluginError

    where = f"{what}章节“{instance.key}”（应返回 {expected}，实际是 {type(got).__name__}）"
    return ReportError(PluginError(instance.type.plugin, where).problem)


def load_previous(report: Report, path: Path) -> Report | None:
    try:
        return load_report(path, report.host, with_previous=False)
    except ReportError as exc:
        for p in exc.problems:
            p.message = f"上一年度报告无法读取：{p.message}"
            p.severity = Severity.ERROR
        report.problems += exc.problems
        return None


def run_checks(report: Report) -> list[Problem]:
    """Every section's own checks, then the report-wide ``gongkai_check`` hooks; returns all problems,
    sorted by position in the file."""
    problems = list(report.problems)
    for instance in report.sections:
        if instance.type.check is None or not report.can_read():
            continue
        ctx = report.context(instance)
        found = report.host.call_section(instance.type, "检查", instance.type.check, ctx) or []
        if not isinstance(found, list) or not all(isinstance(p, Problem) for p in found):
            raise _wrong_result(instance, "检查", "Problem 列表", found)
        problems += ctx.problems + list(found)
    if report.can_read():
        problems += report.host.checks(report)
    if isinstance(report.data.get("transcription"), str):  # a published report, rebuilt as published
        for p in problems:
            if p.severity >= Severity.ERROR and not p.rule.startswith(TRANSCRIPTION_KEEPS):
                p.severity = Severity.WARNING
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for p in problems:
        key = (p.rule, p.message, str(p.source))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    unique.sort(key=lambda p: (p.source.line or 0) if p.source else 0)
    return unique
