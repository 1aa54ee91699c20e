"""``gongkai fmt REPORT.toml``: write the text-hygiene fixes into the file itself.

The file is edited, never re-dumped: each fix replaces exactly the characters of one string literal that
``check`` warns about (:mod:`compiler.source.hygiene`), at the offsets :mod:`compiler.source.tomlliterals` found, so
comments, blank lines, key order, quoting style, escapes the author wrote, CRLF line ends and a BOM all stay.

Safety, in order: a file that needs no change is not touched (not even its modification time); the edited
text is parsed again and must give exactly the cleaned strings and nothing else, or nothing is written; the
new file replaces the old one by an atomic rename (never a half-written report), keeping its permissions and
following a symlink to the real file.  No backup copy is left beside the report: the rename is atomic, every
change is listed (and ``--diff`` shows them before anything is written), and a report belongs in version
control — a ``.bak`` would be one more file for an office to mistake for the report.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from compiler.files.output import write_atomic
from compiler.model.document import SourceRef
from compiler.model.problems import Problem, ReportError, error, warning
from compiler.model.report import CORE_SCHEMA
from compiler.source.hygiene import Cleaned, clean_data, hygiene_problems, positions, strings
from compiler.source.limits import read_capped
from compiler.source.tomlhints import SyntaxFix, fix_syntax
from compiler.source.tomlliterals import Path as KeyPath
from compiler.source.tomlliterals import verified
from compiler.source.tomlsource import TomlSource, decode, load, parse

_BOM = b"\xef\xbb\xbf"


@dataclass
class FmtResult:
    path: Path
    problems: list[Problem] = field(default_factory=list)  # every change, and what is only reported
    fixes: int = 0  # characters changed
    unmapped: list[str] = field(default_factory=list)  # strings with fixes that could not be located
    syntax: list[SyntaxFix] = field(default_factory=list)  # TOML mistakes corrected (1,234 → 1234 …)
    old_text: str = ""
    new_text: str = ""
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text

    def diff(self) -> str:
        name = str(self.path)
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True), self.new_text.splitlines(keepends=True), name, name
            )
        )


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    pos = 0
    for start, end, new in sorted(edits):
        pieces.append(text[pos:start])
        pieces.append(new)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def format_file(path: Path, *, write: bool = True) -> FmtResult:
    """Compute (and with ``write``, save) the fixed file.  Raises :class:`ReportError` for unreadable input."""
    path = Path(path)
    source, syntax = load_fixing(path)
    skip = set(CORE_SCHEMA.names())
    original = source.data
    cleaned_data = tomllib.loads(source.text)  # a second copy to clean; the first stays as read
    found: list[tuple[KeyPath, Cleaned]] = clean_data(cleaned_data, skip)
    original_text = decode(source.raw, path) if syntax else source.text
    result = FmtResult(path, old_text=original_text, new_text=source.text, syntax=syntax)
    result.fixes = len(syntax)
    result.problems = [
        warning("fmt.toml-syntax", f"{fix.why}：{fix.old.strip()} → {fix.new.strip()}", SourceRef(path, "", fix.line))
        for fix in syntax
    ]
    result.problems += hygiene_problems(found, source.ref, positions(source.text, found))
    literals = {lit.path: lit for lit in verified(source.text, original)}
    edits: list[tuple[int, int, str]] = []
    expected = tomllib.loads(source.text)
    for key, cleaned in found:
        fixes = cleaned.fixes
        if not fixes:
            continue
        literal = literals.get(key)
        if literal is None:
            result.unmapped.append(".".join(str(p) for p in key))
            continue
        edits += [(*literal.spans[c.index], c.new or "") for c in fixes]
        result.fixes += len(fixes)
        target = expected
        for part in key[:-1]:
            target = target[part]
        target[key[-1]] = cleaned.text
    if not edits:
        if syntax and write:
            _save(path, source.raw.startswith(_BOM), source.text)
            result.written = True
        return result
    new_text = _apply(source.text, edits)
    try:
        reparsed = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        reparsed = None
    if reparsed is None or list(strings(reparsed)) != list(strings(expected)):
        message = "自动修改后的文件与预期不符，为安全起见未写入；请按 gongkai check 的提示手工修改"
        raise ReportError(error("fmt.unsafe", message, source.ref("")))
    result.new_text = new_text
    if write:
        _save(path, source.raw.startswith(_BOM), new_text)
        result.written = True
    return result


def load_fixing(path: Path) -> tuple[TomlSource, list[SyntaxFix]]:
    """Read ``path`` with the certain TOML corrections applied (:func:`fix_syntax`: ``1,234``, ``2025-3-31``,
    ``＝``, ``“…”``, unquoted Chinese text …) and the list of them.

    When an error only the author can fix remains, it is raised (explained, at its line) with a note of how many
    corrections are waiting for it; nothing is written."""
    try:
        source = load(path)
    except ReportError as exc:
        if not any(p.rule == "input.toml-syntax" for p in exc.problems):
            raise
        raw = read_capped(path)
        fixed, fixes = fix_syntax(decode(raw, path))
        if not fixes:
            raise
        try:
            return parse(fixed, path, raw), fixes
        except ReportError as left:
            for problem in left.problems[:1]:
                problem.message += (
                    f"\n      （先改好这一处；另有 {len(fixes)} 处写法错误 gongkai fmt 可以自动修改，"
                    "改好后再运行一次 gongkai fmt）"
                )
            raise left from None
    fixed, fixes = fix_syntax(source.text)  # quoted dates parse, and are still worth correcting
    return (parse(fixed, path, source.raw), fixes) if fixes else (source, [])


def _save(path: Path, bom: bool, text: str) -> None:
    # the link's target is replaced (the link stays); write_atomic keeps the file's mode
    write_atomic(path, (_BOM if bom else b"") + text.encode("utf-8"), follow_symlinks=True)
