"""Just enough of the OpenType file format to decide about a font without loading it.

ReportLab's ``TTFont`` parses a whole font (a second or more for a CJK face); choosing fonts only needs the
table directory (is it TrueType or CFF?), the ``name`` table (is this 仿宋_GB2312?) and, for placing page
numbers, one glyph's bounding box.  These readers touch a few kilobytes of the file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


class FontFileError(ValueError):
    """The file is not a font we can read."""


@dataclass(frozen=True)
class Face:
    """One face of a font file: ``index`` is the TTC subfont index (0 for plain .ttf)."""

    path: Path
    index: int
    tables: dict[str, tuple[int, int]]  # tag → (offset, length)

    @property
    def is_cff(self) -> bool:
        return "CFF " in self.tables or "CFF2" in self.tables


def _read(f: BinaryIO, offset: int, length: int) -> bytes:
    f.seek(offset)
    data = f.read(length)
    if len(data) != length:
        raise FontFileError("truncated font file")
    return data


def _face_offsets(f: BinaryIO) -> list[int]:
    tag = _read(f, 0, 4)
    if tag == b"ttcf":
        (count,) = struct.unpack(">I", _read(f, 8, 4))
        return list(struct.unpack(f">{count}I", _read(f, 12, 4 * count)))
    if tag in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return [0]
    raise FontFileError("not a TrueType/OpenType font")


def _tables(f: BinaryIO, offset: int) -> dict[str, tuple[int, int]]:
    (num,) = struct.unpack(">H", _read(f, offset + 4, 2))
    raw = _read(f, offset + 12, 16 * num)
    tables = {}
    for i in range(num):
        tag, _checksum, start, length = struct.unpack(">4sIII", raw[16 * i : 16 * i + 16])
        tables[tag.decode("latin-1")] = (start, length)
    return tables


def faces(path: Path) -> list[Face]:
    """Every face in ``path`` (several for a .ttc)."""
    with open(path, "rb") as f:
        return [Face(path, i, _tables(f, off)) for i, off in enumerate(_face_offsets(f))]


def family_names(face: Face) -> set[str]:
    """Family and full names (name IDs 1, 4, 16) in every language the font lists them in."""
    if "name" not in face.tables:
        return set()
    start, length = face.tables["name"]
    with open(face.path, "rb") as f:
        data = _read(f, start, length)
    _fmt, count, storage = struct.unpack(">HHH", data[:6])
    names: set[str] = set()
    for i in range(count):
        platform, encoding, _lang, name_id, size, off = struct.unpack(">HHHHHH", data[6 + 12 * i : 18 + 12 * i])
        if name_id not in (1, 4, 16):
            continue
        raw = data[storage + off : storage + off + size]
        if platform == 3 or platform == 0:
            text = raw.decode("utf-16-be", errors="ignore")
        elif platform == 1 and encoding == 25:
            text = raw.decode("gb2312", errors="ignore")
        else:
            text = raw.decode("latin-1", errors="ignore")
        if text.strip():
            names.add(text.strip())
    return names


def glyph_bounds(face: Face, glyph_id: int) -> tuple[float, float, float, float] | None:
    """The bounding box (xMin, yMin, xMax, yMax) of a glyph in em units, from ``glyf``; ``None`` when the
    glyph has no outline."""
    if "glyf" not in face.tables or "loca" not in face.tables:
        return None
    with open(face.path, "rb") as f:
        head = _read(f, face.tables["head"][0], 54)
        units_per_em = struct.unpack(">H", head[18:20])[0]
        long_loca = struct.unpack(">h", head[50:52])[0] == 1
        loca_start = face.tables["loca"][0]
        if long_loca:
            a, b = struct.unpack(">II", _read(f, loca_start + 4 * glyph_id, 8))
        else:
            a, b = (2 * x for x in struct.unpack(">HH", _read(f, loca_start + 2 * glyph_id, 4)))
        if b <= a:
            return None
        _contours, x0, y0, x1, y1 = struct.unpack(">hhhhh", _read(f, face.tables["glyf"][0] + a, 10))
    return (x0 / units_per_em, y0 / units_per_em, x1 / units_per_em, y1 / units_per_em)
