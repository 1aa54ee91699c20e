"""Where each string value of a TOML file sits in its text, character by character.

``tomllib`` returns values without positions; :func:`scan` walks the text once (a small TOML tokenizer: table
headers, arrays of tables, dotted and quoted keys, arrays, inline tables, the four string kinds) and returns,
for every string value, its key path and the text span of each decoded character — an escape such as
``\\u200b`` or a CRLF line break inside a multi-line string is one character of the value but several of the
file.  Two uses: the column of a hygiene warning, and ``gongkai fmt``, which edits exactly those spans so that
comments, layout, quoting style and every other byte stay as the author wrote them.

The scanner trusts the text to be valid TOML (it runs after ``tomllib`` accepted it) and callers compare each
decoded value with ``tomllib``'s before relying on it (:func:`verified`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: A key path as a tuple: ``("overview", "items", 0, "text")``.
Path = tuple[str | int, ...]
_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}
_SPACE = " \t"


@dataclass(frozen=True)
class Literal:
    """One string value: its path, its delimiter, the decoded value and, per character, the ``[start, end)``
    offsets in the text it was decoded from."""

    path: Path
    quote: str  # '"', "'", '\"\"\"' or "'''"
    start: int
    end: int
    value: str
    spans: tuple[tuple[int, int], ...]


class _Scanner:
    def __init__(self, text: str):
        self.t = text
        self.i = 0
        self.found: list[Literal] = []
        self.arrays: dict[Path, int] = {}  # array-of-tables path -> elements seen

    # -- low level --------------------------------------------------------------------------------
    def peek(self, s: str) -> bool:
        return self.t.startswith(s, self.i)

    def skip_space(self, newlines: bool = False) -> None:
        t, n = self.t, len(self.t)
        while self.i < n:
            ch = t[self.i]
            if ch in _SPACE or (newlines and ch in "\r\n"):
                self.i += 1
            elif newlines and ch == "#":
                self.skip_comment()
            else:
                break

    def skip_comment(self) -> None:
        end = self.t.find("\n", self.i)
        self.i = len(self.t) if end < 0 else end

    def skip_line(self) -> None:
        self.skip_space()
        if self.peek("#"):
            self.skip_comment()

    # -- structure --------------------------------------------------------------------------------
    def document(self) -> None:
        prefix: Path = ()
        n = len(self.t)
        while True:
            self.skip_space(newlines=True)
            if self.i >= n:
                return
            if self.peek("[["):
                self.i += 2
                parts = self.key()
                self.skip_space()
                self.i += 2  # ]]
                name = (*self.resolve(parts[:-1]), parts[-1])
                self.arrays[name] = self.arrays.get(name, 0) + 1
                prefix = (*name, self.arrays[name] - 1)
            elif self.peek("["):
                self.i += 1
                parts = self.key()
                self.skip_space()
                self.i += 1  # ]
                prefix = self.resolve(parts)
            else:
                parts = self.key()
                self.skip_space()
                self.i += 1  # =
                self.skip_space()
                self.value((*prefix, *parts))
            self.skip_line()

    def resolve(self, parts: tuple[str, ...]) -> Path:
        out: Path = ()
        for part in parts:
            out = (*out, part)
            if out in self.arrays:
                out = (*out, self.arrays[out] - 1)
        return out

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_space()
            ch = self.t[self.i]
            if ch in "\"'":
                parts.append(self.string(record=None))
            else:
                start = self.i
                while self.i < len(self.t) and self.t[self.i] in _BARE_KEY:
                    self.i += 1
                if self.i == start:
                    raise ValueError(f"unexpected {ch!r} at offset {start}")
                parts.append(self.t[start : self.i])
            self.skip_space()
            if not self.peek("."):
                return tuple(parts)
            self.i += 1

    def value(self, path: Path) -> None:
        ch = self.t[self.i]
        if ch in "\"'":
            self.string(record=path)
        elif ch == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.peek("]"):
                    self.i += 1
                    return
                self.value((*path, index))
                index += 1
                self.skip_space(newlines=True)
                if self.peek(","):
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self.skip_space()
                if self.peek("}"):
                    self.i += 1
                    return
                parts = self.key()
                self.skip_space()
                self.i += 1  # =
                self.skip_space()
                self.value((*path, *parts))
                self.skip_space()
                if self.peek(","):
                    self.i += 1
        else:  # number, boolean, date: up to the next delimiter
            n = len(self.t)
            while self.i < n and self.t[self.i] not in ",]}#\r\n":
                self.i += 1
            while self.t[self.i - 1] in _SPACE:
                self.i -= 1

    # -- strings ----------------------------------------------------------------------------------
    def string(self, record: Path | None) -> str:
        t = self.t
        start = self.i
        quote = t[start : start + 3] if t.startswith(('"""', "'''"), start) else t[start]
        multi = len(quote) == 3
        basic = quote[0] == '"'
        i = start + len(quote)
        if multi:  # a newline right after the opening delimiter is not part of the value
            if t.startswith("\r\n", i):
                i += 2
            elif t.startswith("\n", i):
                i += 1
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        mark = quote[0]
        while True:
            ch = t[i]
            if ch == mark:
                if not multi:
                    i += 1
                    break
                run = 0
                while i + run < len(t) and t[i + run] == mark:
                    run += 1
                if run >= 3:
                    for k in range(run - 3):  # up to two quotes may end the content
                        chars.append(mark)
                        spans.append((i + k, i + k + 1))
                    i += run
                    break
                for k in range(run):
                    chars.append(mark)
                    spans.append((i + k, i + k + 1))
                i += run
            elif basic and ch == "\\":
                nxt = t[i + 1]
                if multi and nxt in " \t\r\n":  # line-ending backslash: drop the break and following blanks
                    j = i + 1
                    while t[j] in " \t\r\n":
                        j += 1
                    i = j
                elif nxt in "uU":
                    size = 4 if nxt == "u" else 8
                    chars.append(chr(int(t[i + 2 : i + 2 + size], 16)))
                    spans.append((i, i + 2 + size))
                    i += 2 + size
                elif nxt == "x":
                    chars.append(chr(int(t[i + 2 : i + 4], 16)))
                    spans.append((i, i + 4))
                    i += 4
                else:
                    chars.append(_ESCAPES[nxt])
                    spans.append((i, i + 2))
                    i += 2
            elif ch == "\r" and t.startswith("\r\n", i):
                chars.append("\n")
                spans.append((i, i + 2))
                i += 2
            else:
                chars.append(ch)
                spans.append((i, i + 1))
                i += 1
        self.i = i
        value = "".join(chars)
        if record is not None:
            self.found.append(Literal(record, quote, start, i, value, tuple(spans)))
        return value


def scan(text: str) -> list[Literal]:
    """Every string value of the TOML ``text`` (keys excluded), in file order."""
    scanner = _Scanner(text)
    scanner.document()
    return scanner.found


def lookup(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def verified(text: str, data: Any) -> Iterator[Literal]:
    """The literals of ``text`` whose decoded value is the one ``tomllib`` read at the same path — those whose
    spans can be trusted.  A scan that fails yields nothing (the caller then has no positions, never wrong
    ones)."""
    try:
        literals = scan(text)
    except (ValueError, IndexError, KeyError):
        return
    for literal in literals:
        if lookup(data, literal.path) == literal.value:
            yield literal


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
