"""Section types — what a section plugin registers — and the context a section works in.

A section type is plain data plus three callables::

    SectionType(
        key="appeals",                 # the TOML table it reads: [appeals]
        title="行政复议和行政诉讼情况",     # its heading, numbered 一、二、… by position
        formats={"legacy"},            # formats it belongs to (None: any format)
        schema=Schema((...)),          # the keys of [appeals]
        derive=..., build=..., check=...,
    )

``derive(ctx) -> dict`` computes values other text can cite (``{appeals.total}``); ``build(ctx) ->
list[Block]`` returns the section's blocks (semantic only: roles, never fonts); ``check(ctx) ->
list[Problem]`` reports problems in the section's data.  All three receive a :class:`SectionContext`.

A fourth, optional callable lets a report place one of its sections as it was published: ``placement(data) ->
Placement | None`` sees the section's table (as typed, before validation: it must only read keys it knows, and
ignore values of the wrong type) and may move the section after another one and print it unnumbered — a legacy
附表 printed after the signature, "附表：", with no 六、.  The core applies it the same way for every format
(:func:`compiler.model.report.load_report`); the other parts keep their numbers in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compiler.model import numbering
from compiler.model.document import Block, Heading, SourceRef
from compiler.model.problems import Problem, Severity
from compiler.model.refs import Evaluator, Resolved
from compiler.model.schema import Field, Schema

if TYPE_CHECKING:
    from compiler.model.report import Report

#: Keys the core adds to every numbered section's schema.
HEADING_FIELD = Field("heading", "str", description="改用其他标题文字（默认使用格式规定的标题）")
RUN_IN_FIELD = Field(
    "heading_runin",
    "bool",
    description="部分标题与正文排在同一段（照原样：原报告“二、……情况　正文……”标题后直接接正文）",
)
NUMBER_FIELD = Field(
    "number",
    "int",
    description="印出的序号（仅在照原样转录、原报告的序号跳号或重号时填写，如 4 印作“四、”；会提示序号不连续）",
)

NO_HEADING_FIELD = Field(
    "no_heading",
    "bool",
    description="原报告这一部分没有印出标题（导语之后直接是“（一）……”）时写 true：照原样不排标题，后面各部分照常编号；"
    "会提示",
)

NUMBER_AS_PRINTED_FIELD = Field(
    "number_as_printed",
    "str",
    description="部分序号照原样的写法（仅在照原样转录、原报告的部分序号不是“一、”时填写，如“(一)”“(三)、”；"
    '原报告这一部分的标题没有序号时写 ""；会提示）',
)


@dataclass(frozen=True)
class Placement:
    """Where one report prints a section, when not where its format puts it.

    ``after``: the key of the section it follows (ignored when that section is not in the report's order);
    ``numbered=False``: a numbered part printed without its number (its heading as typed, no 一、), which then
    takes no number from the parts after it.
    """

    after: str | None = None
    numbered: bool = True


@dataclass(frozen=True)
class SectionType:
    key: str
    title: str
    schema: Schema = field(default_factory=Schema)
    build: Callable[[SectionContext], list[Block]] | None = None
    check: Callable[[SectionContext], list[Problem]] | None = None
    derive: Callable[[SectionContext], dict[str, Any]] | None = None
    formats: frozenset[str] | None = None
    numbered: bool = True
    required: bool = False
    after: str | None = None  # default position for sections a format does not list: after this key…
    before: str | None = None  # …or before this one (e.g. before="signature")
    build_without_data: bool = False  # build even when the report has no table for it (title, signature)
    placement: Callable[[Mapping[str, Any]], Placement | None] | None = None  # see the module docstring
    description: str = ""
    plugin: str = field(default="", compare=False)

    def full_schema(self) -> Schema:
        if not self.numbered:
            return self.schema
        own = (HEADING_FIELD, NUMBER_FIELD, NUMBER_AS_PRINTED_FIELD, RUN_IN_FIELD, NO_HEADING_FIELD)
        return self.schema.extended(*(f for f in own if self.schema.get(f.name) is None))

    def applies_to(self, format_key: str) -> bool:
        return self.formats is None or format_key in self.formats


@dataclass
class SectionContext:
    """What a section's callables see: its own data, the whole report, and helpers for text and problems."""

    report: Report
    section: SectionType
    data: dict[str, Any]
    number: int | None = None  # 1-based position among numbered sections, None if unnumbered
    problems: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def values(self) -> Mapping[str, Any]:
        return self.report.values

    @property
    def mine(self) -> Mapping[str, Any]:
        """This section's values: its data plus what it derived."""
        return self.report.values.get(self.key, {})

    def keypath(self, sub: str = "") -> str:
        if not sub:
            return self.key
        return f"{self.key}{sub}" if sub.startswith("[") else f"{self.key}.{sub}"

    def source(self, sub: str = "") -> SourceRef:
        return self.report.ref(self.keypath(sub))

    def resolve(self, text: str, sub: str = "") -> Resolved:
        return Evaluator(self.report.values).resolve(text, self.source(sub), self.problems)

    def text(self, text: str, sub: str = "") -> str:
        """``text`` with its ``{…}`` references replaced (failures become problems)."""
        return self.resolve(text, sub).text

    @property
    def heading_text(self) -> str:
        return self.data.get("heading") or self.section.title

    @property
    def number_as_printed(self) -> str | None:
        """The part's number as a report printed it ("(一)", "(三)、", "一 " with a space and no 、), when transcribed
        so; else ``None``."""
        printed = self.data.get("number_as_printed")
        if printed == "" and self.number:  # printed with no number at all (泾县人民政府 2012's 主动公开 part)
            return ""
        return printed.lstrip() if isinstance(printed, str) and printed.strip() and self.number else None

    def heading(self) -> Heading:
        """The part heading: ``一、主动公开政府信息情况`` (number by position, or as printed)."""
        printed = self.number_as_printed
        label = printed if printed is not None else (numbering.label("一、", self.number) if self.number else "")
        return Heading(label + self.heading_text, role="heading1", outline_level=0, source=self.source())

    def problem(self, severity: Severity, rule: str, message: str, sub: str = "", **kw: Any) -> Problem:
        p = Problem(severity, rule, message, self.source(sub), plugin=self.section.plugin, **kw)
        self.problems.append(p)
        return p

    def error(self, rule: str, message: str, sub: str = "", **kw: Any) -> Problem:
        return self.problem(Severity.ERROR, rule, message, sub, **kw)

    def warning(self, rule: str, message: str, sub: str = "", **kw: Any) -> Problem:
        return self.problem(Severity.WARNING, rule, message, sub, **kw)
