"""The table of common miswritings (``miswritings.toml`` beside this module) and the search for them.

The table is data, not code: each entry names the miswriting, the right form, why (one sentence that goes into
the message), an example sentence the tests run, and — only where the miswritten characters can also be right —
the context they must (``before``/``after``) or must not (``not_before``/``not_after``) stand in.  The rule that
reports the finds is ``common.misused-word`` in :mod:`plugins.common.checks`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plugins.common.entrytable import TableError as TableError
from plugins.common.entrytable import check_keys, compile_pattern, load

TABLE = Path(__file__).with_name("miswritings.toml")

_FIELDS = {"wrong", "right", "why", "example", "before", "after", "not_before", "not_after"}
_REQUIRED = ("wrong", "right", "why", "example")


@dataclass(frozen=True)
class Miswriting:
    wrong: str
    right: str
    why: str
    example: str
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None
    in_context: bool  # the message quotes the surrounding words when the entry has a context


@dataclass(frozen=True)
class Found:
    entry: Miswriting
    start: int  # where the miswritten characters start in the text
    end: int


def _entry(number: int, raw: dict[str, str]) -> Miswriting:
    check_keys(TABLE, number, raw, _FIELDS, _REQUIRED)
    before, after, not_after = raw.get("before"), raw.get("after"), raw.get("not_after")
    regex = f"(?:{before})" if before else ""
    regex += f"(?P<w>{re.escape(raw['wrong'])})"
    if after:
        regex += f"(?={after})"
    if not_after:
        regex += f"(?!{not_after})"
    pattern = compile_pattern(TABLE, number, regex)
    not_before = compile_pattern(TABLE, number, f"(?:{raw['not_before']})$") if raw.get("not_before") else None
    return Miswriting(
        wrong=raw["wrong"],
        right=raw["right"],
        why=raw["why"],
        example=raw["example"],
        pattern=pattern,
        not_before=not_before,
        in_context=bool(before or after or raw.get("not_before") or not_after),
    )


@functools.cache
def table() -> tuple[Miswriting, ...]:
    return load(TABLE, _entry)


def find(text: str) -> Iterator[Found]:
    """Every miswriting of the table in ``text``, in the order of the table, then of the text."""
    for entry in table():
        for m in entry.pattern.finditer(text):
            start, end = m.span("w")
            if entry.not_before is not None and entry.not_before.search(text, 0, start):
                continue
            yield Found(entry, start, end)
