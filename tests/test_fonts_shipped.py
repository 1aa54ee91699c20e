"""The TrueType fonts shipped in fonts/: present, loadable by ReportLab, complete, and as the manifest says.

Uses only ReportLab and the standard library (fontTools is a build-time tool of fonts/build.py, not installed here).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import tomllib
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "fonts"
MANIFEST = FONTS / "fonts.toml"
FALLBACK = "GongkaiSong-Regular.ttf"
RARE = "GongkaiSongExt-Regular.ttf"  # the last resort: rare ideographs only, loaded when a report needs one
SHIPPED = [
    "GongkaiFangSong-Regular.ttf",
    "GongkaiKai-Regular.ttf",
    "GongkaiHei-Regular.ttf",
    "GongkaiSong-Regular.ttf",
    "GongkaiSongExt-Regular.ttf",
    "GongkaiSong-Bold.ttf",
]
TEXT_FACES = [f for f in SHIPPED if f != RARE]
MAX_TOTAL_BYTES = 40 * 1000 * 1000
QUOTES = "“”‘’"
# Punctuation a Chinese line sets at one em; ReportLab applies no OpenType features, so the cmap must give it.
FULL_WIDTH = QUOTES + "，。、：；！？（）《》—…·"


@functools.cache
def font(filename: str) -> TTFont:
    # A private name: nothing is registered with pdfmetrics, so other tests' registrations stay untouched.
    return TTFont(f"shipped-test-{filename}", str(FONTS / filename))


@functools.cache
def manifest() -> dict:
    with MANIFEST.open("rb") as f:
        return tomllib.load(f)


def manifest_entry(filename: str) -> dict:
    entries = [e for e in manifest()["font"] if e["file"] == filename]
    assert len(entries) == 1, f"fonts.toml should have exactly one [[font]] for {filename}, has {len(entries)}"
    return entries[0]


def gb2312() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    return chars


def tongyong() -> list[str]:
    lines = (FONTS / "data" / "tongyong-8105.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def test_character_lists_are_complete() -> None:
    assert len(gb2312()) == 7445
    chars = tongyong()
    assert len(chars) == 8105 and len(set(chars)) == 8105
    assert all(len(c) == 1 for c in chars)


@pytest.mark.parametrize("filename", SHIPPED)
def test_file_exists(filename: str) -> None:
    path = FONTS / filename
    assert path.is_file(), f"missing {path}"
    assert path.stat().st_size > 1_000_000, f"{filename} is suspiciously small"


@pytest.mark.parametrize("filename", SHIPPED)
def test_loads_with_reportlab_as_truetype_outlines(filename: str) -> None:
    face = font(filename).face  # TTFont raises TTFError for CFF ("postscript outlines are not supported")
    assert "glyf" in face.table and "loca" in face.table
    assert "CFF " not in face.table and "CFF2" not in face.table
    assert (FONTS / filename).read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert face.unitsPerEm == 1000


@pytest.mark.parametrize("filename", SHIPPED)
def test_renamed_as_the_ofl_asks(filename: str) -> None:
    face = font(filename).face
    assert face.name.decode() == Path(filename).stem  # PostScript name
    family = face.familyName.decode()
    assert family.startswith("Gongkai ")
    assert not any(upstream in family for upstream in ("Noto", "Source", "Fandol"))


@pytest.mark.parametrize("filename", TEXT_FACES)
def test_covers_gb2312_and_tongyong_8105_with_the_fallback(filename: str) -> None:
    chain = [font(filename).face.charToGlyph]
    if filename != FALLBACK:
        chain.append(font(FALLBACK).face.charToGlyph)
    missing = sorted(c for c in gb2312() | set(tongyong()) if not any(ord(c) in cmap for cmap in chain))
    assert not missing, f"{filename} (+ fallback) lacks {len(missing)}: {''.join(missing[:40])}"


@pytest.mark.parametrize("filename", ["GongkaiHei-Regular.ttf", FALLBACK, "GongkaiSong-Bold.ttf"])
def test_noto_derived_faces_cover_everything_themselves(filename: str) -> None:
    cmap = font(filename).face.charToGlyph
    missing = sorted(c for c in gb2312() | set(tongyong()) if ord(c) not in cmap)
    assert not missing, f"{filename} lacks {len(missing)}: {''.join(missing[:40])}"


def test_fallback_faces_keep_the_unified_ideographs_block() -> None:
    song, rare = font(FALLBACK).face.charToGlyph, font(RARE).face.charToGlyph
    uro = sum(1 for u in range(0x4E00, 0xA000) if u in song or u in rare)
    assert uro >= 20_900, f"{FALLBACK} + {RARE} have only {uro} of U+4E00–U+9FFF"
    assert 0x20BB7 in rare  # 𠮷, Extension B, through the format-12 cmap
    assert sum(1 for u in rare if 0x20000 <= u <= 0x2A6DF) >= 2000


def test_rare_face_holds_only_what_the_others_lack() -> None:
    """The split keeps the ordinary fallback small (parsed by every report) and the rare face disjoint from it,
    so that no ordinary character can make a report load the rare face."""
    song, rare = font(FALLBACK).face.charToGlyph, font(RARE).face.charToGlyph
    ordinary = {ord(c) for c in gb2312() | set(tongyong())} | set(range(0x20, 0x7F))
    assert not set(rare) & set(song)
    assert not set(rare) & ordinary
    assert all(0x4E00 <= u <= 0x9FFF or 0x20000 <= u <= 0x2A6DF for u in rare)
    assert (FONTS / FALLBACK).stat().st_size < 5_000_000


@pytest.mark.parametrize("filename", TEXT_FACES)
def test_quotes_are_one_em(filename: str) -> None:
    f = font(filename)
    for q in QUOTES:
        assert ord(q) in f.face.charToGlyph, f"{filename} lacks {q}"
        assert f.stringWidth(q, 1000) == 1000, f"{filename}: {q} is {f.stringWidth(q, 1000)}/1000 em"


@pytest.mark.parametrize("filename", TEXT_FACES)
def test_chinese_punctuation_is_one_em(filename: str) -> None:
    f = font(filename)
    widths = {c: f.stringWidth(c, 1000) for c in FULL_WIDTH}
    assert widths == {c: 1000 for c in FULL_WIDTH}


def test_total_size_within_budget() -> None:
    files = [p for p in FONTS.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    total = sum(p.stat().st_size for p in files)
    assert total <= MAX_TOTAL_BYTES, f"fonts/ holds {total / 1e6:.1f} MB"


def test_manifest_lists_exactly_the_shipped_files() -> None:
    listed = [e["file"] for e in manifest()["font"]]
    assert sorted(listed) == sorted(SHIPPED)
    assert manifest()["fallback"] == FALLBACK
    assert manifest()["fallback_rare"] == RARE
    for entry in manifest()["font"]:
        assert entry["fallback_chain"][-1] == RARE


@pytest.mark.parametrize("filename", SHIPPED)
def test_manifest_hash_and_size_match_the_file(filename: str) -> None:
    entry = manifest_entry(filename)
    data = (FONTS / filename).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert entry["sha256"] == digest, f"{filename} differs from fonts.toml; rerun fonts/build.py"
    assert entry["bytes"] == len(data)


@pytest.mark.parametrize("filename", SHIPPED)
def test_manifest_provenance_and_licences(filename: str) -> None:
    entry = manifest_entry(filename)
    assert entry["source_package"] in {"texlive-lang-chinese", "fonts-noto-cjk"}
    assert entry["source_package_version"] and entry["source_file"].startswith("/usr/share/")
    assert entry["licence"] in {"OFL-1.1", "GPL-3.0 with the GPL font exception"}
    assert entry["licence_files"]
    for rel in entry["licence_files"]:
        path = FONTS / rel
        assert path.is_file() and path.stat().st_size > 200, f"licence file {rel} missing or empty"
    if entry["licence"] == "OFL-1.1":
        assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "LICENSES" / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("filename", SHIPPED)
def test_manifest_coverage_counts_match_the_font(filename: str) -> None:
    entry = manifest_entry(filename)
    cmap = font(filename).face.charToGlyph
    chars = tongyong()
    levels = {"tongyong_level1": chars[:3500], "tongyong_level2": chars[3500:6500], "tongyong_level3": chars[6500:]}
    for key, level in levels.items():
        assert entry["coverage"][key] == sum(1 for c in level if ord(c) in cmap), key
    assert entry["glyphs"] == font(filename).face.numGlyphs
