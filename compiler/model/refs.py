"""Numbers in prose that refer to the data, so every number is typed once.

In any narrative string, ``{…}`` is an expression evaluated against the report's values (its TOML data
plus the values section plugins derive)::

    全县累计主动公开政府信息{active.total}条
    其中网站公开{active.channels.网站}条，占{pct(active.channels.网站, active.total, 2)}
    合计{sum(active.categories)}条

Expressions: a dotted path (``a.b.c``, ``items[0].n``); ``sum(x, …)`` adds numbers or whole tables of
numbers; ``pct(part, whole[, places])`` is a percentage with the ``%`` sign, rounded half-up to ``places``
decimals (default 2); ``round(x, places)``; ``wan(x[, places])`` is ``x`` in units of 10,000 (万);
``diff(a, b)`` is ``a − b``.  Numeric literals are allowed as arguments.  ``{{`` and ``}}`` are literal
braces.  Unknown paths are problems naming the path, a suggestion, the key and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from compiler.model.document import SourceRef
from compiler.model.problems import Problem, error
from compiler.model.schema import suggest

_EXPR = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_CALL = re.compile(r"^\s*([a-z]+)\s*\((.*)\)\s*$", re.S)
_INDEX = re.compile(r"^(.*)\[(\d+)\]$")


class RefError(Exception):
    def __init__(self, message: str, expected: Any = None, found: Any = None):
        super().__init__(message)
        self.expected = expected
        self.found = found


@dataclass
class Resolved:
    """Text with its references replaced; ``spans`` mark what was generated: (start, end, expression)."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def lookup(values: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` (``a.b[2].c``); raises :class:`RefError` with a suggestion."""
    node: Any = values
    walked: list[str] = []
    for raw in path.strip().split("."):
        part = raw.strip()
        index: int | None = None
        m = _INDEX.match(part)
        if m:
            part, index = m.group(1), int(m.group(2))
        if not isinstance(node, Mapping) or part not in node:
            choices = [str(k) for k in node] if isinstance(node, Mapping) else []
            hint = suggest(part, choices)
            where = ".".join(walked) or "报告"
            message = f"引用“{path}”无效：{where}中没有“{part}”"
            if hint:
                message += f"，是否应为“{'.'.join([*walked, hint])}”？"
            raise RefError(message)
        node = node[part]
        walked.append(raw.strip())
        if index is not None:
            if not isinstance(node, list) or index >= len(node):
                raise RefError(f"引用“{path}”无效：{'.'.join(walked)} 没有第 {index} 项")
            node = node[index]
    return node


def _number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise RefError(f"“{what}”不是数值", expected="数值", found=value)
    return Decimal(str(value))


def _sum(value: Any, what: str) -> Decimal:
    if isinstance(value, Mapping):
        return sum((_sum(v, f"{what}.{k}") for k, v in value.items()), Decimal(0))
    if isinstance(value, list):
        return sum((_sum(v, f"{what}[{i}]") for i, v in enumerate(value)), Decimal(0))
    return _number(value, what)


def fmt_number(value: Decimal | int | float, places: int | None = None) -> str:
    """Plain decimal notation: integers without a point, ``places`` decimals rounded half-up."""
    d = Decimal(str(value))
    if places is not None:
        q = Decimal(1).scaleb(-places)
        return str(d.quantize(q, rounding=ROUND_HALF_UP))
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def percent(part: Any, whole: Any, places: int = 2) -> str:
    p, w = Decimal(str(part)), Decimal(str(whole))
    if w == 0:
        raise RefError("百分比的分母为 0", expected="非零数值", found=0)
    return fmt_number(p * 100 / w, places) + "%"


#: How deep a referenced text may refer to further texts.
MAX_NESTING = 8


class Evaluator:
    """Evaluates ``{…}`` expressions against ``values``."""

    def __init__(self, values: Mapping[str, Any]):
        self.values = values
        self._stack: list[str] = []  # the referenced texts being expanded (cycles and depth)
        self.functions: dict[str, Callable[..., str]] = {
            "sum": self._fn_sum,
            "pct": self._fn_pct,
            "round": self._fn_round,
            "wan": self._fn_wan,
            "diff": self._fn_diff,
        }

    def _arg(self, text: str) -> tuple[Any, str]:
        text = text.strip()
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            return Decimal(text), text
        return lookup(self.values, text), text

    def _places(self, arg: Any) -> int:
        if not isinstance(arg, Decimal) or arg != arg.to_integral_value() or not 0 <= arg <= 10:
            raise RefError("小数位数应为 0–10 的整数", found=arg)
        return int(arg)

    def _fn_sum(self, *args: tuple[Any, str]) -> str:
        return fmt_number(sum((_sum(v, t) for v, t in args), Decimal(0)))

    def _fn_pct(self, *args: tuple[Any, str]) -> str:
        if len(args) not in (2, 3):
            raise RefError("pct 需要 2 或 3 个参数：pct(部分, 总数[, 小数位数])")
        places = self._places(args[2][0]) if len(args) == 3 else 2
        return percent(_sum(*args[0]), _sum(*args[1]), places)

    def _fn_round(self, *args: tuple[Any, str]) -> str:
        if len(args) != 2:
            raise RefError("round 需要 2 个参数：round(数值, 小数位数)")
        return fmt_number(_sum(*args[0]), self._places(args[1][0]))

    def _fn_wan(self, *args: tuple[Any, str]) -> str:
        if len(args) not in (1, 2):
            raise RefError("wan 需要 1 或 2 个参数：wan(数值[, 小数位数])")
        places = self._places(args[1][0]) if len(args) == 2 else 2
        return fmt_number(_sum(*args[0]) / 10000, places)

    def _fn_diff(self, *args: tuple[Any, str]) -> str:
        if len(args) != 2:
            raise RefError("diff 需要 2 个参数：diff(a, b)")
        return fmt_number(_sum(*args[0]) - _sum(*args[1]))

    def evaluate(self, expr: str) -> str:
        call = _CALL.match(expr)
        if call:
            name, inner = call.group(1), call.group(2)
            if name not in self.functions:
                hint = suggest(name, list(self.functions))
                raise RefError(f"未知函数“{name}”" + (f"，是否应为“{hint}”？" if hint else ""))
            args = [self._arg(a) for a in inner.split(",")] if inner.strip() else []
            return self.functions[name](*args)
        value = lookup(self.values, expr)
        if value is None:  # a cell left blank, as published: there is no number to print in the sentence
            raise RefError(f"引用“{expr.strip()}”指向的格是空白（表中没有数），正文无数可填", found="空白")
        if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
            raise RefError(f"引用“{expr.strip()}”指向的不是数值或文字", found=type(value).__name__)
        if isinstance(value, str) and "{" in value:
            return self._nested(expr.strip(), value)
        return value if isinstance(value, str) else fmt_number(value)

    def _nested(self, path: str, text: str) -> str:
        """A referenced text that itself holds references: expanded the same way (a cycle, or nesting deeper
        than :data:`MAX_NESTING`, is an error naming the chain)."""
        stack = self._stack
        if path in stack:
            chain = " → ".join([*stack[stack.index(path) :], path])
            raise RefError(f"引用形成循环：{chain}；请改为直接写出文字或数值")
        if len(stack) >= MAX_NESTING:
            raise RefError(f"引用嵌套超过 {MAX_NESTING} 层：{' → '.join([*stack, path])}；请减少层层引用")
        stack.append(path)
        try:
            inner: list[Problem] = []
            resolved = self.resolve(text, None, inner)
        finally:
            stack.pop()
        if inner:
            raise RefError(f"被引用的“{path}”中：{inner[0].message}")
        return resolved.text

    def resolve(self, text: str, source: SourceRef | None, problems: list[Problem]) -> Resolved:
        """Replace every expression in ``text``; failures become problems and leave the braces visible."""
        out: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        length = 0
        for m in _EXPR.finditer(text):
            out.append(text[pos : m.start()])
            length += m.start() - pos
            pos = m.end()
            token = m.group(0)
            if token in ("{{", "}}"):
                out.append(token[0])
                length += 1
                continue
            expr = m.group(1)
            try:
                value = self.evaluate(expr)
            except RefError as exc:
                problems.append(error("refs.invalid", str(exc), source, expected=exc.expected, found=exc.found))
                value = token
            out.append(value)
            spans.append((length, length + len(value), expr.strip()))
            length += len(value)
        out.append(text[pos:])
        return Resolved("".join(out), spans)
