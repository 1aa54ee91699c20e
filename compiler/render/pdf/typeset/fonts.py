"""Logical fonts (``fangsong``, ``hei`` …) as per-character fallback chains of TrueType files.

GB/T 9704 names typefaces (仿宋_GB2312, 黑体, 方正小标宋) that are licensed and cannot be shipped, so every
logical font is a chain: a licensed original when one is installed, then the project's shipped fonts, each
character taken from the first file that has it.  Missing characters are found *before* layout
(:func:`check_coverage`) because a .notdef box in a published government report is the worst possible result
and ReportLab would draw it silently.

Registering a CJK TrueType file with ReportLab parses it (0.02–1 s and megabytes of memory), so files are
registered once per process, and a chain member only when a character is not covered by the members before it:
the shipped chains end in a face of rare ideographs (GongkaiSongExt) that an ordinary report never loads.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from compiler.files import cache
from compiler.files.resources import data_dir
from compiler.model.document import Block, Heading, Imprint, Paragraph, Signature, SourceRef, Table, Title
from compiler.model.problems import Problem, ReportError, error
from compiler.render.pdf.typeset import sfnt
from compiler.render.pdf.typeset.fontfacts import load_ttfont

if TYPE_CHECKING:
    from compiler.render.style import StyleSheet

NO_SYSTEM_FONTS_ENV = "GONGKAI_NO_SYSTEM_FONTS"


# ---------------------------------------------------------------------------------------------- registration


@dataclass(frozen=True)
class _Loaded:
    name: str
    font: TTFont
    face: sfnt.Face
    glyphs: frozenset[int]  # code points with a glyph


_LOADED: dict[tuple[str, float, int], _Loaded] = {}
_BY_NAME: dict[str, _Loaded] = {}


def _register(path: Path, index: int) -> _Loaded:
    """Register ``path`` (face ``index``) with ReportLab once per process; later calls reuse it."""
    key = (str(path.resolve()), path.stat().st_mtime, index)
    if key in _LOADED:
        return _LOADED[key]
    face = next((f for f in sfnt.faces(path) if f.index == index), None)
    if face is None:
        raise ReportError(error("font.bad-file", f"字体文件 {path} 没有第 {index} 个字面"))
    if face.is_cff:
        raise ReportError(
            error(
                "font.cff",
                f"字体文件 {path} 使用 PostScript (CFF) 轮廓，ReportLab 只能嵌入 TrueType (glyf) 轮廓的字体；"
                "请改用 TrueType 版本或先转换",
            )
        )
    name = path.stem if index == 0 else f"{path.stem}-{index}"
    if name in _BY_NAME:  # same name, another file (or a newer version of it): keep both apart
        name = f"{name}~{len([k for k in _BY_NAME if k.startswith(name)])}"
    # asciiReadable=False: ReportLab would otherwise reserve the 95 printable ASCII characters in every
    # font's first subset and embed their glyphs whether drawn or not (~40 KB in the seed report's PDF).
    font = load_ttfont(name, path, index)  # asciiReadable=False, parsed once per file version (fontfacts)
    pdfmetrics.registerFont(font)
    # a character mapped to glyph 0 (.notdef) would print as an empty box: it counts as missing
    cmap = font.face.charToGlyph  # (compress keeps the codes whose glyph is not 0, at C speed: 40,000 per face)
    loaded = _Loaded(name, font, face, frozenset(compress(cmap.keys(), cmap.values())))
    _LOADED[key] = _BY_NAME[name] = loaded
    return loaded


def glyph_bounds(font_name: str, ch: str) -> tuple[float, float, float, float] | None:
    """The outline bounding box of ``ch`` in a registered font, in em (``None`` if the glyph is blank)."""
    loaded = _BY_NAME[font_name]
    glyph = loaded.font.face.charToGlyph.get(ord(ch))
    return None if glyph is None else sfnt.glyph_bounds(loaded.face, glyph)


# ---------------------------------------------------------------------------------------------- chains


@dataclass
class ChainMember:
    """One file in a logical font's chain and why it is there (shown by ``gongkai fonts``)."""

    path: Path
    index: int
    why: str
    loaded: _Loaded | None = None


@dataclass
class LogicalFont:
    """A :class:`~compiler.render.textstyle.FontChain`: the first member with a glyph draws a character."""

    name: str
    members: list[ChainMember]
    _choice: dict[str, str | None] = field(default_factory=dict, repr=False)
    _widths: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def _loaded(self) -> Iterator[_Loaded]:
        """Members in order, registering each only when the previous ones did not suffice."""
        for member in self.members:
            if member.loaded is None:
                member.loaded = _register(member.path, member.index)
            yield member.loaded

    def font_for(self, ch: str) -> str | None:
        if ch in self._choice:
            return self._choice[ch]
        code = ord(ch)
        found = next((m.name for m in self._loaded() if code in m.glyphs), None)
        self._choice[ch] = found
        return found

    def advance(self, font_name: str, ch: str, size: float) -> float:
        key = (font_name, ch)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = pdfmetrics.stringWidth(ch, font_name, 1000.0) / 1000.0
        return width * size

    def missing(self, chars: Iterable[str]) -> set[str]:
        """The characters of ``chars`` that no member can draw (set arithmetic, no per-char lookups)."""
        left = {ord(c) for c in chars}
        for loaded in self._loaded():
            left -= loaded.glyphs
            if not left:
                break
        return {chr(c) for c in left}

    @property
    def primary(self) -> str:
        """The registered name of the first member (used where one font must be named, e.g. the canvas)."""
        return next(self._loaded()).name


def system_font_dirs() -> list[Path]:
    """The folders fonts are installed in on this platform."""
    home = Path.home()
    if sys.platform == "darwin":
        dirs = [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    elif sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".fonts",
            home / ".local" / "share" / "fonts",
        ]
    return [d for d in dirs if d.is_dir()]


_DIR_LISTINGS: dict[Path, list[Path]] = {}
_PREFERRED: dict[tuple[tuple[str, ...], tuple[Path, ...]], tuple[ChainMember | None, list[str]]] = {}
_FAMILY_INDEX: dict[tuple[Path, ...], dict[str, list[tuple[Path, int]]]] = {}


def _font_files(folder: Path) -> list[Path]:
    if folder not in _DIR_LISTINGS:
        found = []
        for root, _dirs, files in os.walk(folder):
            found += [Path(root) / f for f in files if f.lower().endswith(sfnt.FONT_SUFFIXES)]
        _DIR_LISTINGS[folder] = sorted(found)
    return _DIR_LISTINGS[folder]


#: The family names of installed font files, cached on disk: reading the ``name`` table of every system font
#: costs ~50 ms per process with 180 files (and far more on a desktop with thousands), a ``stat`` each ~5 µs.
_FAMILY_CACHE = "font-families"


def _face_families(path: Path, known: dict[str, Any]) -> tuple[list[tuple[int, list[str]]], bool]:
    """(face index, family names) of every face of ``path``, from ``known`` when the file's size and
    modification time still match; returns whether ``known`` was updated."""
    try:
        stat = path.stat()
    except OSError:
        return [], False
    stamp = [stat.st_size, stat.st_mtime_ns]
    entry = known.get(str(path))
    if isinstance(entry, list) and len(entry) == 3 and entry[:2] == stamp and _valid_faces(entry[2]):
        return [(int(i), list(names)) for i, names in entry[2]], False
    try:
        faces = [(face.index, sorted(sfnt.family_names(face))) for face in sfnt.faces(path)]
    except (OSError, ValueError, UnicodeError, IndexError):
        faces = []  # not a font we can read: remembered as such, so it is not re-read every time
    known[str(path)] = [*stamp, [[i, names] for i, names in faces]]
    return faces, True


def _valid_faces(faces: Any) -> bool:
    return isinstance(faces, list) and all(
        isinstance(f, list)
        and len(f) == 2
        and isinstance(f[0], int)
        and isinstance(f[1], list)
        and all(isinstance(n, str) for n in f[1])
        for f in faces
    )


class FontRegistry:
    """Builds the chain of every logical font from the style sheet's ``[fonts]`` table.

    ``font_dirs`` are searched first for the licensed originals of ``[fonts.prefer]`` (then the system font
    folders unless ``GONGKAI_NO_SYSTEM_FONTS=1``); the shipped files are looked up in ``shipped_dir`` (the
    package's ``fonts/``) and then in ``font_dirs``.
    """

    def __init__(
        self, fonts_config: Mapping[str, Any], font_dirs: Sequence[Path] = (), *, shipped_dir: Path | None = None
    ):
        self.config = {k: list(v) for k, v in fonts_config.items() if k != "prefer"}
        self.prefer = {k: list(v) for k, v in dict(fonts_config.get("prefer", {})).items()}
        self.font_dirs = [Path(d) for d in font_dirs]
        self.shipped_dir = shipped_dir or data_dir("fonts")
        self._chains: dict[str, LogicalFont] = {}
        self._notes: dict[str, list[str]] = {}

    def _search_dirs(self) -> list[Path]:
        dirs = [d for d in self.font_dirs if d.is_dir()]
        if os.environ.get(NO_SYSTEM_FONTS_ENV, "") not in ("1", "true", "yes"):
            dirs += system_font_dirs()
        return dirs

    def _family_index(self, dirs: Sequence[Path]) -> dict[str, list[tuple[Path, int]]]:
        """family name (lower case) → faces; built once per set of folders, reading only ``name`` tables."""
        key = tuple(dirs)
        if key not in _FAMILY_INDEX:
            index: dict[str, list[tuple[Path, int]]] = {}
            known = cache.load(_FAMILY_CACHE)
            changed = False
            for folder in dirs:
                for path in _font_files(folder):
                    faces, fresh = _face_families(path, known)
                    changed |= fresh
                    for face_index, families in faces:
                        for family in families:
                            index.setdefault(family.lower(), []).append((path, face_index))
            if changed:
                cache.store(_FAMILY_CACHE, known)
            _FAMILY_INDEX[key] = index
        return _FAMILY_INDEX[key]

    def _find_preferred(self, logical: str) -> tuple[ChainMember | None, list[str]]:
        """The installed licensed original for ``logical``; remembered per process (every build makes a new
        registry, and matching names against every installed file cost ~5 ms a build)."""
        names = self.prefer.get(logical, [])
        if not names:
            return None, []
        dirs = self._search_dirs()
        key = (tuple(names), tuple(dirs))
        if key not in _PREFERRED:
            _PREFERRED[key] = self._search_preferred(names, dirs)
        member, notes = _PREFERRED[key]
        return (replace(member, loaded=None) if member else None), list(notes)

    def _search_preferred(self, names: list[str], dirs: list[Path]) -> tuple[ChainMember | None, list[str]]:
        files = [p for d in dirs for p in _font_files(d)]
        notes: list[str] = []
        candidates: list[tuple[str, Path, int]] = []
        for wanted in names:  # file names first: cheap
            low = wanted.lower()
            for path in files:
                if path.name.lower() == low or path.stem.lower() == low:
                    candidates.append((wanted, path, 0))
        if not candidates:  # then family names, which needs opening files
            index = self._family_index(dirs)
            for wanted in names:
                candidates += [(wanted, p, i) for p, i in index.get(wanted.lower(), [])]
        for wanted, path, face_index in candidates:
            try:
                face = sfnt.faces(path)[face_index]
            except (OSError, ValueError, IndexError):
                continue
            if face.is_cff:
                notes.append(f"skipped {path}: PostScript (CFF) outlines, ReportLab cannot embed them")
                continue
            return ChainMember(path, face_index, f"preferred original ({wanted}) found at {path}"), notes
        return None, notes

    def _shipped(self, file: str) -> Path | None:
        candidate = Path(file)
        if candidate.is_absolute():
            return candidate if candidate.is_file() else None
        for folder in [self.shipped_dir, *self.font_dirs]:
            if (folder / file).is_file():
                return folder / file
        return None

    def chain(self, logical_name: str) -> LogicalFont:
        if logical_name in self._chains:
            return self._chains[logical_name]
        if logical_name not in self.config:
            raise ReportError(error("font.unknown", f"样式表的 [fonts] 中没有逻辑字体 {logical_name}"))
        preferred, notes = self._find_preferred(logical_name)
        members = [preferred] if preferred else []
        for position, file in enumerate(self.config[logical_name]):
            path = self._shipped(file)
            if path is None:
                notes.append(f"missing {file} (not in {self.shipped_dir})")
                continue
            why = "shipped default" if position == 0 else "fallback for characters the fonts before it lack"
            members.append(ChainMember(path, 0, why))
        if not members:
            files = "、".join(self.config[logical_name])
            message = f"逻辑字体 {logical_name} 的字体文件都找不到：{files}（{self.shipped_dir}）"
            raise ReportError(error("font.missing-files", message))
        self._notes[logical_name] = notes
        self._chains[logical_name] = LogicalFont(logical_name, members)
        return self._chains[logical_name]

    def preload(self) -> None:
        """Parse now the files that ordinary text needs (GB 2312, the 通用规范汉字表, ASCII) in every chain.
        A batch parent calls this once, before forking its workers, so that no report pays for parsing and
        the workers share the parsed fonts; the rare-character faces stay unparsed until a report needs
        them (they would cost every worker tens of megabytes)."""
        ordinary = _ordinary_code_points()
        for logical in self.config:
            left = set(ordinary)
            for loaded in self.chain(logical)._loaded():
                left -= loaded.glyphs
                if not left:
                    break

    def report(self) -> list[dict[str, Any]]:
        """For ``gongkai fonts``: each logical font, its files in order and why each is there."""
        out = []
        for logical in self.config:
            chain = self.chain(logical)
            out.append(
                {
                    "font": logical,
                    "chain": [{"file": str(m.path), "face": m.index, "why": m.why} for m in chain.members],
                    "notes": list(self._notes.get(logical, [])),
                }
            )
        return out


@functools.cache
def _ordinary_code_points() -> frozenset[int]:
    """GB 2312, the 8,105 characters of the 通用规范汉字表 (when the shipped list is there) and printable ASCII:
    what a report is written in, and what :meth:`FontRegistry.preload` loads fonts for."""
    codes = set(range(0x20, 0x7F))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                codes.add(ord(bytes((hi, lo)).decode("gb2312")))
    listed = data_dir("fonts") / "data" / "tongyong-8105.txt"
    with contextlib.suppress(OSError):
        codes.update(
            ord(line.strip()) for line in listed.read_text(encoding="utf-8").splitlines() if len(line.strip()) == 1
        )
    return frozenset(codes)


# ---------------------------------------------------------------------------------------------- coverage


def _texts(block: Block) -> Iterator[tuple[str, str]]:
    """(role, text) for every piece of text a block will draw."""
    if isinstance(block, Paragraph):
        for run in block.runs:
            yield run.role or block.role, run.text
    elif isinstance(block, Heading):
        yield block.role, block.text
    elif isinstance(block, Title):
        if block.printed:
            yield block.role, "".join(block.lines) if block.lines else block.text
        if block.document_number:
            yield block.number_role, block.document_number
        if block.signer:
            yield block.number_role, "签发人："
            yield block.signer_role, block.signer
    elif isinstance(block, Signature):
        yield block.role, block.organ
        yield "date", block.date
    elif isinstance(block, Imprint):
        yield block.role, "抄送：" + block.cc + block.issuer + block.date
    elif isinstance(block, Table):
        if block.caption:
            yield "table-label", block.caption
        for r, row in enumerate(block.rows):
            default = block.header_role if r < block.header_rows else block.role
            for cell in row:
                yield cell.role or default, cell.text


def _drawable(ch: str) -> bool:
    return unicodedata.category(ch) not in ("Cc", "Zl", "Zp")


def glyph_use(blocks: Sequence[Block], sheet: StyleSheet, registry: FontRegistry) -> dict[str, Counter[str]]:
    """How often each character will be drawn from each registered font (characters no font has are left
    out; :func:`check_coverage` reports them)."""
    by_role: dict[str, Counter[str]] = {}
    for block in blocks:
        for role, text in _texts(block):
            by_role.setdefault(role, Counter()).update(text)
    use: dict[str, Counter[str]] = {}
    for role, counts in sorted(by_role.items()):
        chain = registry.chain(sheet.role_font(role))
        for ch, n in counts.items():
            font = chain.font_for(ch) if _drawable(ch) else None
            if font is not None:
                use.setdefault(font, Counter())[ch] += n
    return use


def check_coverage(blocks: Sequence[Block], sheet: StyleSheet, registry: FontRegistry) -> list[Problem]:
    """An ERROR per character (and role) that no font of the role's chain can draw, naming the first block
    it occurs in and how often it occurs."""
    by_role: dict[str, set[str]] = {}
    for block in blocks:
        for role, text in _texts(block):
            by_role.setdefault(role, set()).update(text)
    missing: dict[str, set[str]] = {}
    for role, chars in sorted(by_role.items()):
        chain = registry.chain(sheet.role_font(role))
        lost = chain.missing({c for c in chars if _drawable(c)})
        if lost:
            missing[role] = lost
    if not missing:
        return []
    first: dict[tuple[str, str], SourceRef | None] = {}
    count: dict[tuple[str, str], int] = {}
    for block in blocks:
        for role, text in _texts(block):
            for ch in set(text) & missing.get(role, set()):
                key = (role, ch)
                first.setdefault(key, block.source)
                count[key] = count.get(key, 0) + text.count(ch)
    problems = []
    for role, ch in sorted(first, key=lambda k: (k[0], ord(k[1]))):
        n = count[(role, ch)]
        font = sheet.role_font(role)
        problems.append(
            error(
                "font.missing-glyph",
                f"字符“{ch}”（U+{ord(ch):04X}）在样式角色 {role} 的字体 {font} 中没有字形，共出现 {n} 次"
                "（请换用常用字、安装含此字的字体，或用 --font-dir 指定字体目录）",
                first[(role, ch)],
                details={"char": ch, "codepoint": f"U+{ord(ch):04X}", "role": role, "font": font, "count": n},
            )
        )
    return problems
