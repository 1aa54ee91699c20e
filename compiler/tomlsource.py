"""Reading a TOML file so that every value can be traced back to its line.

``tomllib`` gives values but no positions.  :func:`key_lines` scans the text once and records the line of
every table header and every ``key = …`` assignment under its full dotted key path (arrays of tables get
``[index]``), which is all the messages need.  Values inside inline tables and multi-line arrays are
attributed to the line of their key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.document import SourceRef
from compiler.problems import ReportError, error

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"' + r"|'[^']*'"
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")
_KEY_PART = re.compile(_KEY)


def _split_dotted(text: str) -> list[str]:
    parts = []
    for m in _KEY_PART.finditer(text):
        token = m.group(0)
        if token[0] in "\"'":
            token = token[1:-1]
            if m.group(0)[0] == '"':
                token = token.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        parts.append(token)
    return parts


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
    for number, line in enumerate(text.splitlines(), start=1):
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
            lines.setdefault(f"{prefix}.{key}" if prefix else key, number)
            rest = line[assign.end() :]
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


_LINE_COL = re.compile(r"\(at line (\d+), column (\d+)\)")


def decode(raw: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 with or without BOM; other encodings are reported with the fix."""
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


def load(path: Path) -> TomlSource:
    """Read and parse a TOML file, turning every failure into a :class:`ReportError`."""
    if not path.exists():
        raise ReportError(error("input.missing-file", f"找不到文件：{path}", SourceRef(path)))
    if path.is_dir():
        raise ReportError(error("input.is-directory", f"这是一个目录，不是 TOML 文件：{path}", SourceRef(path)))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReportError(error("input.unreadable", f"无法读取文件：{exc.strerror}", SourceRef(path))) from None
    if not raw.strip():
        raise ReportError(error("input.empty", "文件是空的", SourceRef(path)))
    text = decode(raw, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _LINE_COL.search(message)
        line = int(m.group(1)) if m else None
        reason = _LINE_COL.sub("", message).strip()
        raise ReportError(error("input.toml-syntax", f"TOML 语法错误：{reason}", SourceRef(path, "", line))) from None
    return TomlSource(path, text, data, key_lines(text), raw)
