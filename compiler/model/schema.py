"""How a section plugin declares the TOML keys it reads, and how input is checked against that.

A :class:`Schema` is a list of :class:`Field`.  Validation never raises on bad data: it returns the
problems (wrong type, missing required key, unknown key with a "did you mean") with the TOML key path and
line, so that ``gongkai check`` can show all of them at once.  The same declarations generate the
skeleton written by ``gongkai init``.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from compiler.model.problems import Problem, error
from compiler.source.limits import MAX_NUMBER, number_problem

#: What a number must be (shown with ``input.number-range`` errors).
#: Units and measure words a table cell may carry after its number, printed as typed ("2笔", "251000元"): money
#: first, then the measure words published tables are seen to use.  Longer spellings first (万元 before 元).
CELL_MONEY_UNITS: tuple[str, ...] = ("万元", "元")
CELL_COUNT_UNITS: tuple[str, ...] = (
    "人次", "件", "笔", "个", "项", "次", "家", "条", "宗", "份", "起", "例", "人", "户", "篇", "期", "场", "套", "批",
)  # fmt: skip
CELL_UNITS: tuple[str, ...] = (*CELL_MONEY_UNITS, *CELL_COUNT_UNITS)
CELL_UNIT_PATTERN = "(?:" + "|".join(CELL_UNITS) + ")"
RANGE = f"有限数值，绝对值 ≤ {MAX_NUMBER:.0e}"

#: Field kinds and the Chinese name used in messages.
KINDS: dict[str, str] = {
    "str": "字符串",
    "text": "字符串或字符串数组",
    "int": "整数",
    "count": "非负整数",
    "number": "数值",
    "money": "非负数值",
    "cell": '表格单元格：数值、数字字符串（按原样排印，如 "7545.00"、"2笔"、"+2"）、""（原表空白）'
    '或原表代替数字的 "/"、"—"',
    "bool": "布尔值",
    "date": "日期（如 2019-02-14）",
    "list[str]": "字符串数组",
    "counts": "表（名称 = 非负整数）",
    "table": "表",
    "list[table]": "表数组",
    "rows": "表格行：数组的数组，每行一个数组，单元格为字符串或数值（只有一行时可写成一个数组）",
}


@dataclass(frozen=True)
class Field:
    """One key of a TOML table.

    ``kind`` is one of :data:`KINDS`.  ``fields`` describes the keys of a ``table`` or of each element of a
    ``list[table]``.  ``example`` is what ``gongkai init`` writes (``None``: leave the key out of the
    skeleton unless it is required).  ``open`` tables (``kind="table", open=True``) accept any key (used
    for free-form data such as category → count mappings).  ``checks_without``: a required value that only
    the printed document needs (the organ, for the title): its absence is still an error, which stops the build,
    but not the checks of everything else — ``gongkai check`` of a published page whose organ the import could
    not read reports the page's content problems beside the missing key.
    """

    name: str
    kind: str
    required: bool = False
    description: str = ""
    example: Any = None
    fields: tuple[Field, ...] = ()
    open: bool = False
    checks_without: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r} for {self.name!r}")


@dataclass(frozen=True)
class Schema:
    fields: tuple[Field, ...] = ()
    description: str = ""

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def extended(self, *more: Field) -> Schema:
        return Schema(self.fields + tuple(more), self.description)


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest known name to a misspelled one, or ``None``."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


#: a cell printed with a mark for "nothing" instead of a number: "/", "—", "-" (西安市高陵区行政审批服务局 2021)
CELL_NONE_MARK = re.compile(r"\s*(?:[/／]|[—－–-]{1,2})\s*")


#: a cell printed with several numbers in it, "0 0 0" (天水市麦积区东岔镇 2021's 行政处罚): kept as printed
CELL_SEVERAL_NUMBERS = re.compile(r"\s*\d+(?:\s+\d+)+\s*")


def is_cell_text(value: str) -> bool:
    """A cell typed as text: blank, digits as printed (with a unit or sign), a mark printed for "nothing", or
    several numbers printed in one cell — what a table prints as typed."""
    return (
        not value.strip()
        or _is_numeric_text(value)
        or CELL_NONE_MARK.fullmatch(value) is not None
        or CELL_SEVERAL_NUMBERS.fullmatch(value) is not None
    )


#: digits as a cell printed them, with a unit, with a sign, or with the sign said in words ("减11", 天津市红桥区
#: 生态环境局 2020's 本年增/减): sign ``s``, number ``n``, unit ``u``
#: the words a cell may print for its sign ("减11"): the schema reads them in typed cells, the importers in printed ones
SIGN_WORDS = "增减"
CELL_NUMBER = re.compile(rf"(?P<s>[-+{SIGN_WORDS}]?)(?P<n>\d+(?:\.\d+)?)(?P<u>{CELL_UNIT_PATTERN})?")


#: a cell's printed text that reads as a number, which the PDF and Word tables align as numbers: "2笔" and
#: "7,545.00" too, "0 0 0" (several numbers printed in one cell), and a lone dash printed for none
NUMBER_TEXT = re.compile(rf"[-+−]?[\d０-９][\d０-９,.，．%％‰]*(?:\s+[\d０-９]+)*{CELL_UNIT_PATTERN}?|[-—–－]")


def reads_as_number(text: str) -> bool:
    return NUMBER_TEXT.fullmatch(text.strip()) is not None


def _is_numeric_text(value: Any) -> bool:
    return isinstance(value, str) and CELL_NUMBER.fullmatch(value.strip()) is not None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "数值"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, list):
        return "数组"
    if isinstance(value, dict):
        return "表"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "日期"
    return type(value).__name__


@dataclass
class Validator:
    """Checks data against a schema.  ``source(keypath)`` turns a key path into a :class:`SourceRef`."""

    source: Callable[[str], Any]
    problems: list[Problem] = field(default_factory=list)

    def fail(self, keypath: str, message: str, rule: str = "input.type", **kw: Any) -> None:
        self.problems.append(error(rule, message, self.source(keypath), **kw))

    def table(self, data: Mapping[str, Any], schema: Schema, keypath: str) -> None:
        known = schema.names()
        for key in data:
            if schema.get(key) is None:
                hint = suggest(key, known)
                message = f"未知的键“{key}”"
                message += f"，是否应为“{hint}”？" if hint else f"；可用的键：{'、'.join(known) or '（无）'}"
                self.fail(_join(keypath, key), message, rule="input.unknown-key")
        for fld in schema.fields:
            if fld.name not in data:
                if fld.required:
                    self.fail(
                        _join(keypath, fld.name),
                        f"缺少必填的键“{fld.name}”（{KINDS[fld.kind]}）"
                        + (f"：{fld.description}" if fld.description else ""),
                        rule="input.missing-key",
                        details={"checks_run": True} if fld.checks_without else {},
                    )
                continue
            self.value(data[fld.name], fld, _join(keypath, fld.name))

    def value(self, value: Any, fld: Field, keypath: str) -> None:
        kind = fld.kind
        ok = {
            "str": lambda v: isinstance(v, str),
            "text": lambda v: isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)),
            "int": _is_int,
            "count": lambda v: _is_int(v) and v >= 0,
            "number": _is_number,
            "money": lambda v: _is_number(v) and v >= 0,
            "cell": lambda v: _is_number(v) or (isinstance(v, str) and is_cell_text(v)),
            "bool": lambda v: isinstance(v, bool),
            "date": lambda v: isinstance(v, (_dt.date, str)),
            "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "counts": lambda v: isinstance(v, dict),
            "table": lambda v: isinstance(v, dict),
            "list[table]": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
            "rows": lambda v: isinstance(v, list),
        }[kind]
        if (kind in ("int", "count", "number", "money") or (kind == "cell" and _is_number(value))) and (
            why := number_problem(value)
        ):
            self.fail(keypath, f"“{fld.name}”{why}", rule="input.number-range", expected=RANGE, found=_short(value))
            return
        if not ok(value):
            if kind in ("count", "money") and _is_number(value) and value < 0:
                self.fail(keypath, f"“{fld.name}”不能为负数", rule="input.negative", expected="≥ 0", found=value)
            else:
                self.fail(
                    keypath,
                    f"“{fld.name}”应为{KINDS[kind]}，实际是{_type_name(value)}",
                    expected=KINDS[kind],
                    found=_short(value),
                )
            return
        if kind == "date" and isinstance(value, str):
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                from compiler.source.tomlhints import fix_value

                fixed = fix_value(fld.name, f'"{value}"') if fld.name.lower().endswith("date") else None
                hint = f"；应写作 {fld.name} = {fixed[0]}（gongkai fmt 可自动修改）" if fixed else ""
                self.fail(
                    keypath,
                    f"“{fld.name}”不是有效日期：日期要写成 2019-02-14 这样的格式（年-月-日，不加引号）{hint}",
                    found=value,
                )
        elif kind == "counts":
            for name, count in value.items():
                if why := number_problem(count):
                    where = _join(keypath, name)
                    self.fail(where, f"“{name}”{why}", rule="input.number-range", expected=RANGE, found=_short(count))
                elif not _is_int(count) or count < 0:
                    self.fail(
                        _join(keypath, name),
                        f"“{name}”应为非负整数，实际是{_short(count)}",
                        rule="input.negative" if _is_number(count) else "input.type",
                        expected="非负整数",
                        found=_short(count),
                    )
        elif kind == "table" and not fld.open:
            self.table(value, Schema(fld.fields), keypath)
        elif kind == "list[table]":
            for i, item in enumerate(value):
                self.table(item, Schema(fld.fields), f"{keypath}[{i}]")
        elif kind == "rows":
            self.rows(value, fld, keypath)

    def rows(self, value: list[Any], fld: Field, keypath: str) -> None:
        """Each row an array of cells (a string or a number); a flat array of cells is one row."""
        one_row = bool(value) and not any(isinstance(x, list) for x in value)
        for i, row in enumerate([value] if one_row else value):
            where = keypath if one_row else f"{keypath}[{i}]"
            if not isinstance(row, list):
                self.fail(
                    where,
                    f'“{fld.name}”的每一行应为数组（如 ["指标", 1]），实际是{_type_name(row)}',
                    expected="数组",
                    found=_short(row),
                )
                continue
            for j, cell in enumerate(row):
                if why := number_problem(cell):
                    self.fail(
                        f"{where}[{j}]",
                        f"“{fld.name}”的单元格{why}",
                        rule="input.number-range",
                        expected=RANGE,
                        found=_short(cell),
                    )
                elif not (isinstance(cell, str) or _is_number(cell)):
                    self.fail(
                        f"{where}[{j}]",
                        f'“{fld.name}”的单元格应为字符串或数值（空白写 ""），实际是{_type_name(cell)}',
                        expected="字符串或数值",
                        found=_short(cell),
                    )


def table_rows(value: Any) -> list[list[Any]]:
    """A ``rows`` value as a list of rows (a flat array of cells is one row; what is not a row is dropped)."""
    if not isinstance(value, list):
        return []
    if value and not any(isinstance(x, list) for x in value):
        return [value]
    return [row for row in value if isinstance(row, list)]


def _short(value: Any) -> str:
    """A value as the author wrote it in TOML (true, 2019-02-14, [1, 2]) — never a Python repr."""
    if isinstance(value, str):
        text = f"“{value}”"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        text = value.isoformat()
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _join(keypath: str, key: str) -> str:
    if not keypath:
        return key
    return f"{keypath}.{key}"


def skeleton(schema: Schema, *, include_optional: bool = True) -> dict[str, Any]:
    """A TOML-ready dict with every key that has an example (and every required key)."""
    out: dict[str, Any] = {}
    for fld in schema.fields:
        if fld.example is None and not fld.required:
            continue
        if not include_optional and not fld.required:
            continue
        if fld.example is not None:
            out[fld.name] = fld.example
        elif fld.kind == "table":
            out[fld.name] = skeleton(Schema(fld.fields))
        elif fld.kind == "list[table]":
            out[fld.name] = [skeleton(Schema(fld.fields))]
        else:
            out[fld.name] = _placeholder(fld.kind)
    return out


def _placeholder(kind: str) -> Any:
    return {
        "str": "",
        "text": "",
        "int": 0,
        "count": 0,
        "number": 0,
        "money": 0,
        "cell": 0,
        "bool": False,
        "date": "2025-01-31",
        "list[str]": [],
        "counts": {},
        "table": {},
        "list[table]": [],
        "rows": [],
    }[kind]
