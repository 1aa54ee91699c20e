"""Reading a TOML file so that every value can be traced back to its line.

``tomllib`` gives values but no positions.  :func:`key_lines` scans the text once and records the line of
every table header and every ``key = …`` assignment under its full dotted key path (arrays of tables get
``[index]``), which is all the messages need.  The elements of an array value get their own line too
(``rows[3]``: the line the fourth row starts on, so a message about one row of a table typed one row a line
names that line); values inside inline tables, and elements nested deeper, are attributed to the line of
their element or key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.model.document import SourceRef
from compiler.model.problems import ReportError, error
from compiler.source.limits import check_depth, read_capped

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"' + r"|'[^']*'"
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")
_KEY_PART = re.compile(_KEY)


def _unescape(token: str) -> str:
    """A basic string's escapes (``\\u6982``, ``\\U0001F600``, ``\\n``…) decoded exactly as TOML does; the
    text itself when it is not a valid basic string (the parser reports that, with its line)."""
    import tomllib

    try:
        value = tomllib.loads(f'k = "{token}"')["k"]
    except (tomllib.TOMLDecodeError, ValueError):
        return token
    return value if isinstance(value, str) else token


def _split_dotted(text: str) -> list[str]:
    parts = []
    for m in _KEY_PART.finditer(text):
        token = m.group(0)
        if token[0] in "\"'":
            token = token[1:-1]
            if m.group(0)[0] == '"' and "\\" in token:
                token = _unescape(token)
        parts.append(token)
    return parts


class _ArrayLines:
    """Records the line each top-level element of an array value starts on, as the array's text goes by."""

    def __init__(self, keypath: str, lines: dict[str, int]):
        self.keypath, self.lines = keypath, lines
        self.depth = 0
        self.index = 0
        self.expecting = False
        self.quote: str | None = None

    def feed(self, text: str, number: int) -> bool:
        """Scan one line's text; ``False`` when the array has ended (or holds what this scan does not follow:
        a multi-line string, then the line-based reading takes over)."""
        if '"""' in text or "'''" in text:
            return False
        i = 0
        while i < len(text):
            ch = text[i]
            if self.quote:
                if ch == "\\" and self.quote == '"':
                    i += 1
                elif ch == self.quote:
                    self.quote = None
            elif ch == "#":
                break
            elif not ch.isspace():
                if self.depth == 1 and self.expecting and ch not in ",]}":
                    self.lines.setdefault(f"{self.keypath}[{self.index}]", number)
                    self.index += 1
                    self.expecting = False
                if ch in "\"'":
                    self.quote = ch
                elif ch in "[{":
                    self.depth += 1
                    self.expecting = self.depth == 1
                elif ch in "]}":
                    self.depth -= 1
                    if self.depth <= 0:
                        return False
                elif ch == "," and self.depth == 1:
                    self.expecting = True
            i += 1
        return True


def key_lines(text: str) -> dict[str, int]:
    """Map ``a.b[2].c`` style key paths to 1-based line numbers."""
    lines: dict[str, int] = {}
    arrays: dict[str, int] = {}  # resolved array-of-tables path -> elements seen so far

    def resolve(parts: list[str]) -> str:
        out = ""
        for part in parts:
            out = f"{out}.{part}" if out else part
            if out in arrays:
                out = f"{out}[{arrays[out] - 1}]"
        return out

    prefix = ""
    in_multiline: str | None = None
    array: _ArrayLines | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if array is not None:
            if array.feed(line, number):
                continue
            array = None
            if '"""' not in line and "'''" not in line:
                continue
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            parts = _split_dotted(header.group(2))
            if header.group(1) == "[[":
                parent = resolve(parts[:-1])
                name = f"{parent}.{parts[-1]}" if parent else parts[-1]
                arrays[name] = arrays.get(name, 0) + 1
                prefix = f"{name}[{arrays[name] - 1}]"
            else:
                prefix = resolve(parts)
            lines.setdefault(prefix, number)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            key = ".".join(_split_dotted(assign.group(1)))
            keypath = f"{prefix}.{key}" if prefix else key
            lines.setdefault(keypath, number)
            rest = line[assign.end() :]
            if rest.lstrip().startswith("["):
                array = _ArrayLines(keypath, lines)
                if not array.feed(rest, number):
                    array = None
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return lines


@dataclass
class TomlSource:
    """A parsed TOML file with its text and key-path → line map."""

    path: Path
    text: str
    data: dict[str, Any]
    lines: dict[str, int]
    raw: bytes = b""  # the file's exact bytes (embedded in the PDF, recovered by `gongkai extract`)

    def line(self, keypath: str) -> int | None:
        """The line of ``keypath`` or of its nearest ancestor that has one."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            cut = max(keypath.rfind("."), keypath.rfind("["))
            keypath = keypath[:cut] if cut > 0 else ""
        return None

    def ref(self, keypath: str) -> SourceRef:
        return SourceRef(self.path, keypath, self.line(keypath))


#: Files people pick by mistake, recognised by their first bytes.
_MAGIC = (
    (b"PK\x03\x04", "压缩包或 Word/WPS/Excel 文档（.docx/.xlsx/.wps）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/WPS/Excel 文档（.doc/.wps/.xls）"),
    (b"%PDF", "PDF 文件"),
    (b"{\\rtf", "RTF 文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"\x1f\x8b", "gzip 压缩文件"),
)
_UTF16_32 = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 with or without BOM; other encodings are reported with the fix."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            message = f"这是{what}，不是 TOML 文本文件，请检查是否选错了文件"
            raise ReportError(error("input.binary", message, SourceRef(path)))
    for bom, name in _UTF16_32:
        if raw.startswith(bom):
            raise ReportError(
                error(
                    "input.encoding",
                    f"文件是 {name} 编码（记事本的“Unicode”），请另存为 UTF-8（如 iconv -f {name} -t UTF-8）",
                    SourceRef(path),
                )
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise ReportError(
            error("input.binary", "文件不是文本文件（含有 NUL 字节），请检查是否选错了文件", SourceRef(path))
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "；看起来是 GBK/GB18030 编码，请另存为 UTF-8（如 iconv -f GB18030 -t UTF-8）"
        except UnicodeDecodeError:
            pass
        line = raw[: exc.start].count(b"\n") + 1
        raise ReportError(
            error("input.encoding", f"文件不是 UTF-8 编码（第 {line} 行附近）{hint}", SourceRef(path, "", line))
        ) from None


def load(path: Path, text: str | None = None) -> TomlSource:
    """Read and parse a TOML file, turning every failure into a :class:`ReportError`.  ``text``: the file's
    content already in memory (a published report imported by ``gongkai check``); ``path`` then only names it."""
    if text is not None:
        return parse(text, path, text.encode("utf-8"))
    if not path.exists():
        raise ReportError(error("input.missing-file", f"找不到文件：{path}", SourceRef(path)))
    if path.is_dir():
        raise ReportError(error("input.is-directory", f"这是一个目录，不是 TOML 文件：{path}", SourceRef(path)))
    if not path.is_file():  # a FIFO or a device such as /dev/zero would never end
        raise ReportError(error("input.not-a-file", f"这不是普通文件：{path}", SourceRef(path)))
    try:
        raw = read_capped(path)
    except OSError as exc:
        from compiler.files.output import os_error_message

        raise ReportError(error("input.unreadable", os_error_message(exc, path, "读取"), SourceRef(path))) from None
    if not raw.strip():
        raise ReportError(error("input.empty", "文件是空的", SourceRef(path)))
    return parse(decode(raw, path), path, raw)


def parse(text: str, path: Path, raw: bytes = b"") -> TomlSource:
    """Parse decoded text; a syntax error becomes a :class:`ReportError` explained in Chinese (the line, a
    caret under the place, and the correction for the common mistakes: :mod:`compiler.source.tomlhints`)."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ReportError(error("input.too-deep", "表或数组嵌套过深，不是年度报告的结构", SourceRef(path))) from None
    except tomllib.TOMLDecodeError as exc:
        from compiler.source.tomlhints import explain, fix_line, syntax_errors

        lines = text.splitlines()
        problems = []
        for reason, line, column in syntax_errors(text, exc):
            fix = fix_line(lines[line - 1]) if line and 0 < line <= len(lines) else None
            details = {"column": column, "reason": reason}
            if fix:
                details["fix"] = fix.new.strip()
            message = explain(text, reason, line, column)
            problems.append(error("input.toml-syntax", message, SourceRef(path, "", line), details=details))
        raise ReportError(problems) from None
    check_depth(data, path)
    return TomlSource(path, text, data, key_lines(text), raw)
