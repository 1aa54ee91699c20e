"""Explicit size limits, so that any input finishes in bounded time and memory with a PDF or a clear error.

The values are generous for real reports (the seed report is a 20 KB file, its longest paragraph about 600
characters, its largest list a dozen items) and small enough that the worst input inside them still builds in
well under a minute on an ordinary machine:

=====================  ==========  ==============================================================================
limit                  value       why
=====================  ==========  ==============================================================================
file size              1 MiB       read with a cap (``/dev/zero`` or a 10 MB paste cannot exhaust memory)
nesting depth          32          arrays/tables inside each other; deeper TOML is not a report
entries per array      10,000      items, points, rows, table keys: 5,000 items build in about 3 s
entries in the file    50,000      keys and array elements together (10,000 one-line items: about 460 pages)
characters per string  20,000      one paragraph; a whole report is about 15,000 characters, and a paragraph
                                   is re-broken on every page it spans (cost grows with its length squared)
magnitude of a number  10**15      counts and amounts beyond this are typing errors, and decimal arithmetic
                                   (percentages, 万) is exact only within 28 digits
=====================  ==========  ==============================================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compiler.model.document import SourceRef
from compiler.model.problems import Problem, ReportError, error
from compiler.source.hygiene import keypath, strings

MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 32
MAX_ENTRIES = 10_000
MAX_TOTAL_ENTRIES = 50_000
MAX_STRING_CHARS = 20_000
MAX_NUMBER = 10**15


def read_capped(path: Path) -> bytes:
    """The file's bytes, refusing files over :data:`MAX_FILE_BYTES` without reading them whole."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ReportError(
            error(
                "input.too-large",
                f"文件超过 {MAX_FILE_BYTES // 1024} KB 的上限（一份年度报告通常不到 50 KB），请检查是否选错了文件",
                SourceRef(path),
            )
        )
    return raw


def depth(data: Any) -> int:
    """Nesting depth of tables and arrays (iterative: any depth is measured without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(value, dict):
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, level + 1) for v in value)
    return deepest


def check_depth(data: Any, path: Path) -> None:
    if depth(data) > MAX_DEPTH:
        message = f"表或数组嵌套超过 {MAX_DEPTH} 层，不是年度报告的结构"
        raise ReportError(error("input.too-deep", message, SourceRef(path)))


def size_problems(data: dict[str, Any], ref: Callable[[str], SourceRef]) -> list[Problem]:
    """An ERROR for every string longer than :data:`MAX_STRING_CHARS` and every array or table with more
    than :data:`MAX_ENTRIES` entries."""
    problems: list[Problem] = []
    for path, text in strings(data):
        if len(text) > MAX_STRING_CHARS:
            key = keypath(path)
            problems.append(
                error(
                    "input.too-long",
                    f"这段文字有 {len(text)} 个字符，超过每段 {MAX_STRING_CHARS} 字的上限；"
                    "请分成几段（写成字符串数组）",
                    ref(key),
                    expected=f"≤ {MAX_STRING_CHARS}",
                    found=len(text),
                )
            )
    stack: list[tuple[str, Any]] = [("", data)]
    total = 0
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            children = [(f"{key}.{k}" if key else str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{key}[{i}]", v) for i, v in enumerate(value)]
        else:
            continue
        if len(children) > MAX_ENTRIES:
            problems.append(
                error(
                    "input.too-many",
                    f"“{key or '顶层'}”有 {len(children)} 项，超过 {MAX_ENTRIES} 项的上限",
                    ref(key),
                    expected=f"≤ {MAX_ENTRIES}",
                    found=len(children),
                )
            )
            continue
        total += len(children)
        stack.extend(children)
    if total > MAX_TOTAL_ENTRIES:
        problems.append(
            error(
                "input.too-many",
                f"文件共有 {total} 个键和数组元素，超过 {MAX_TOTAL_ENTRIES} 个的上限（一份年度报告通常不到 1,000 个）",
                ref(""),
                expected=f"≤ {MAX_TOTAL_ENTRIES}",
                found=total,
            )
        )
    return problems


def number_problem(value: Any) -> str | None:
    """Why a number is unusable (not finite, or beyond :data:`MAX_NUMBER`), or ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有限数值"
    if abs(value) > MAX_NUMBER:
        return f"超出合理范围（绝对值不超过 10^{round(math.log10(MAX_NUMBER))}）"
    return None
