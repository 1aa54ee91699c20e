"""Registering a TrueType file with ReportLab without re-parsing it in every process.

``TTFont(name, path)`` reads the file and then walks its ``cmap``, ``hmtx`` and ``loca`` tables in Python,
one ``struct.unpack`` per entry: 15–25 ms per CJK face, 70–100 ms for the five faces of a report, which is a
fifth of a cold ``gongkai build``.  What that walk produces (the attributes ``TTFontFile.extractInfo`` sets:
character → glyph map, widths, glyph offsets, names and metrics) is plain data, so the first process to
register a file stores it with :mod:`marshal` in the user cache (:mod:`compiler.files.cache`) and later processes
load it back in about a millisecond.  The font bytes themselves are still read from the file, which is what
ReportLab subsets and embeds.

The cache is keyed by the file's path, size and modification time, the face index, the Python and ReportLab
versions and :data:`FORMAT`; anything unreadable, foreign or inconsistent is ignored and the file parsed as
ReportLab always does.  Only ReportLab's public classes are used: :class:`CachedFace` overrides the documented
``TTFontFile.extractInfo`` method, and :class:`CachedTTFont` sets up the attributes ``TTFont.__init__`` sets
(a test compares the two, so a ReportLab release that adds one is noticed).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import sys
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from compiler.files import cache

#: Bumped whenever what is stored changes; entries of another format are never read.
FORMAT = 2
_FOLDER = "font-facts"
#: Entries kept (a few hundred KB each); the least recently written go first.  Fonts that changed or were
#: copied around leave entries nobody will read again, so the folder must not grow without bound.
MAX_ENTRIES = 48
_NAME_TAG = "\x00ttfname"  # marks a TTFNameBytes value (bytes with a ``ustr``) in the stored tuple form
_LAZY_KEY = "\x00lazy"
#: Stored as marshal bytes of their own and decoded on first access: the glyph → characters map and the
#: per-glyph metrics are only read when a subset is written (or never), and they are the costly half of a
#: face's facts (about 1.6 of 2.6 ms per face to decode).
LAZY = ("glyphToChar", "hmetrics")


def _scale_for(units_per_em: int) -> Callable[[float], float]:
    """``TTFontFile._pdfScale`` as ``extractInfo`` defines it (font units → 1/1000 em)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _encode(value: Any) -> Any:
    if isinstance(value, TTFNameBytes):
        return (_NAME_TAG, value.ustr)
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME_TAG:
        return TTFNameBytes(value[1].encode("utf-8"))
    return value


def _storable(facts: dict[str, Any]) -> bytes | None:
    """``facts`` as marshal bytes, or ``None`` if some value is not plain data (then nothing is cached)."""
    try:
        eager = {key: _encode(value) for key, value in facts.items() if key not in LAZY}
        eager[_LAZY_KEY] = {key: marshal.dumps(facts[key]) for key in LAZY if key in facts}
        payload = marshal.dumps(eager)
    except ValueError:
        return None
    return _MAGIC + hashlib.sha256(payload).digest() + payload


#: Entries start with this and the SHA-256 of the rest: a damaged entry is recognised before ``marshal``
#: reads it (marshal trusts the lengths it reads — a few flipped bytes can ask it for gigabytes).
_MAGIC = b"gongkai-facts-1\n"


def _map(filename: str) -> mmap.mmap | None:
    """The font file mapped read-only into memory, or ``None`` (then ReportLab reads it).

    Reading a 5 MB face costs 2–4 ms, and a report registers five; a mapping costs microseconds, and only the
    tables a subset needs are ever touched.  Font files are replaced by new files, not rewritten in place, so
    the mapping stays valid for the process."""
    try:
        with open(filename, "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # empty file, a file system without mmap, …
        return None


class CachedFace(TTFontFace):
    """A :class:`TTFontFace` whose ``extractInfo`` takes its results from ``facts`` when given, and otherwise
    parses as usual and keeps what it set in :attr:`extracted` (for the caller to store)."""

    def __init__(
        self,
        filename: str,
        subfontIndex: int = 0,
        facts: dict[str, Any] | None = None,
        lazy: dict[str, bytes] | None = None,
    ) -> None:
        self._facts = facts
        self._lazy = dict(lazy or {})
        self._subfont = subfontIndex
        self.extracted: dict[str, Any] = {}
        mapped = _map(filename) if facts is not None else None  # parsing reads every byte: plain read
        if mapped is not None:  # ReportLab's readFile keeps font data it already has (``_ttf_data``)
            self.filename, self._ttf_data = filename, mapped
        super().__init__(filename, validate=0, subfontIndex=subfontIndex)

    def __getattr__(self, name: str) -> Any:
        """Decode a :data:`LAZY` fact on first access (only called for attributes not set yet)."""
        blob = self.__dict__.get("_lazy", {}).pop(name, None)
        if blob is None:
            raise AttributeError(name)
        try:
            value = marshal.loads(blob)
        except (ValueError, EOFError, TypeError, MemoryError, RecursionError):
            value = None
        if not isinstance(value, dict | list):  # a damaged entry: parse the file after all, for this one fact
            value = getattr(TTFontFace(self.filename, validate=0, subfontIndex=self._subfont), name)
        setattr(self, name, value)
        return value

    def extractInfo(self, charInfo: int = 1) -> None:
        if self._facts is not None:
            self.__dict__.update(self._facts)
            self._pdfScale = _scale_for(self.unitsPerEm)
            return
        before = dict(self.__dict__)
        super().extractInfo(charInfo)
        self.extracted = {
            key: value
            for key, value in self.__dict__.items()
            if key not in ("_pos", "_pdfScale", "_facts", "_lazy", "_subfont", "extracted")
            and (key not in before or before[key] is not value)
        }


class CachedTTFont(TTFont):
    """:class:`TTFont` over a :class:`CachedFace`; the same attributes as ``TTFont.__init__`` sets."""

    def __init__(self, name: str, face: CachedFace, *, asciiReadable: bool = False, shapable: bool = True) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = asciiReadable
        self.shapable = shapable and not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)


def _entry_path(path: Path, index: int) -> Path | None:
    folder = cache.cache_dir()
    if folder is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    key = "\n".join(
        map(
            str,
            (FORMAT, path.resolve(), stat.st_size, stat.st_mtime_ns, index, sys.version, reportlab.Version),
        )
    )
    return folder / _FOLDER / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.marshal"


def _load(entry: Path) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    """The eager facts and the still-encoded :data:`LAZY` ones, or ``None`` when the entry is unusable (any
    damage, even one that makes decoding run out of memory: the entry is then rebuilt)."""
    try:
        return _load_entry(entry)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError, MemoryError, RecursionError):
        return None


def _load_entry(entry: Path) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if not blob.startswith(_MAGIC) or hashlib.sha256(blob[head:]).digest() != blob[len(_MAGIC) : head]:
        return None
    try:
        raw = marshal.loads(blob[head:])
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(raw, dict):
        return None
    lazy = raw.pop(_LAZY_KEY, None)
    if not (isinstance(lazy, dict) and set(lazy) == set(LAZY) and all(isinstance(b, bytes) for b in lazy.values())):
        return None
    facts = {key: _decode(value) for key, value in raw.items() if isinstance(key, str)}
    # the facts must describe a whole font: a glyph offset per glyph (plus one), a map and widths
    glyph_pos, num_glyphs = facts.get("glyphPos"), facts.get("numGlyphs")
    if not (
        isinstance(num_glyphs, int)
        and isinstance(glyph_pos, list)
        and len(glyph_pos) == num_glyphs + 1
        and isinstance(facts.get("charToGlyph"), dict)
        and isinstance(facts.get("charWidths"), dict)
        and isinstance(facts.get("unitsPerEm"), int)
        and isinstance(facts.get("name"), TTFNameBytes)
    ):
        return None
    return facts, lazy


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("*.marshal"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(entries)[: max(0, len(entries) - MAX_ENTRIES)]:
        with contextlib.suppress(OSError):
            path.unlink()


def load_ttfont(name: str, path: Path, index: int) -> TTFont:
    """A ReportLab TrueType font for face ``index`` of ``path``, parsed at most once per file version."""
    entry = _entry_path(path, index)
    stored = _load(entry) if entry is not None and entry.is_file() else None
    if stored is not None:
        try:
            return CachedTTFont(name, CachedFace(str(path), index, *stored))
        except Exception:  # a cache entry must never break a build: parse instead
            pass
    face = CachedFace(str(path), index)
    if entry is not None and (data := _storable(face.extracted)) is not None:
        cache.write(entry, data)
        _prune(entry.parent)
    return CachedTTFont(name, face)
