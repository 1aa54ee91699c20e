"""The parsed-font cache (compiler.render.pdf.typeset.fontfacts): what it loads equals what ReportLab parses, it is used
only while the font file is unchanged, bad entries are ignored, and it never changes the PDF."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from compiler.files.resources import data_dir
from compiler.render.pdf.typeset import fontfacts

ROOT = Path(__file__).resolve().parents[1]
HEI = data_dir("fonts") / "GongkaiHei-Regular.ttf"
#: What extractInfo computes and the layout or the PDF writer reads.
FACTS = [
    "name",
    "familyName",
    "styleName",
    "fullName",
    "uniqueFontID",
    "unitsPerEm",
    "bbox",
    "ascent",
    "descent",
    "capHeight",
    "italicAngle",
    "stemV",
    "flags",
    "numGlyphs",
    "charToGlyph",
    "glyphToChar",
    "charWidths",
    "defaultWidth",
    "hmetrics",
    "glyphPos",
    "underlinePosition",
    "underlineThickness",
]


@pytest.fixture
def font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GONGKAI_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "fonts" / "Hei.ttf"
    copy.parent.mkdir()
    shutil.copyfile(HEI, copy)
    return copy


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "font-facts").glob("*.marshal"))


def test_cached_font_has_what_reportlab_parses(font: Path, tmp_path: Path) -> None:
    reference = TTFont("reference", str(font))
    fontfacts.load_ttfont("first", font, 0)  # parses and stores
    assert len(entries(tmp_path)) == 1
    cached = fontfacts.load_ttfont("second", font, 0)  # loads the stored facts
    for key in FACTS:
        assert getattr(cached.face, key) == getattr(reference.face, key), key
    assert cached.face.name.ustr == reference.face.name.ustr
    assert cached.face._pdfScale(500) == reference.face._pdfScale(500)
    # the same attributes on the font object as TTFont.__init__ sets (a ReportLab upgrade that adds one fails)
    assert set(vars(cached)) == set(vars(reference))
    assert set(vars(cached.face)) - {"_facts", "_lazy", "_subfont", "extracted"} == set(vars(reference.face))
    text = "政府信息公开工作年度报告"
    assert cached.stringWidth(text, 16) == reference.stringWidth(text, 16)
    subset = [ord(c) for c in text]
    assert cached.face.makeSubset(subset) == reference.face.makeSubset(subset)


def unpack(data: bytes) -> object:
    """An entry's facts (after the magic line and the SHA-256 that guard it)."""
    return marshal.loads(data[len(fontfacts._MAGIC) + 32 :])


def pack(facts: object) -> bytes:
    """Facts written as a valid entry: a test that changes them must also sign them."""
    import hashlib

    payload = marshal.dumps(facts)
    return fontfacts._MAGIC + hashlib.sha256(payload).digest() + payload


def test_stored_facts_are_used_while_the_file_is_unchanged(font: Path, tmp_path: Path) -> None:
    fontfacts.load_ttfont("a", font, 0)
    [entry] = entries(tmp_path)
    facts = unpack(entry.read_bytes())
    facts["ascent"] = 777  # a value only the cache can have given
    entry.write_bytes(pack(facts))
    assert fontfacts.load_ttfont("b", font, 0).face.ascent == 777
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # the file changed
    assert fontfacts.load_ttfont("c", font, 0).face.ascent == TTFont("ref", str(font)).face.ascent
    assert len(entries(tmp_path)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: b"\x00garbage" * 100,
        lambda data: pack([1, 2, 3]),
        lambda data: pack({**unpack(data), "glyphPos": [0, 1]}),  # not a whole font
        lambda data: pack({k: v for k, v in unpack(data).items() if k != "charToGlyph"}),
        lambda data: data[:-40] + b"[" * 40,  # marshal would read "[[[[" as a list of 1.5 billion items
        lambda data: fontfacts._MAGIC + bytes(32) + b"[" * 100,  # the same, with a wrong checksum
    ],
    ids=["empty", "truncated", "garbage", "not-a-dict", "short-glyph-table", "no-cmap", "huge-list", "bad-sum"],
)
def test_damaged_entries_are_ignored(font: Path, tmp_path: Path, damage) -> None:
    fontfacts.load_ttfont("a", font, 0)
    [entry] = entries(tmp_path)
    entry.write_bytes(damage(entry.read_bytes()))
    loaded = fontfacts.load_ttfont("b", font, 0)
    reference = TTFont("ref", str(font))
    assert loaded.face.charToGlyph == reference.face.charToGlyph
    assert loaded.face.glyphPos == reference.face.glyphPos
    assert unpack(entry.read_bytes())["numGlyphs"] == reference.face.numGlyphs  # rewritten whole


def test_a_damaged_lazy_fact_is_parsed_from_the_file(font: Path, tmp_path: Path) -> None:
    fontfacts.load_ttfont("a", font, 0)
    [entry] = entries(tmp_path)
    facts = unpack(entry.read_bytes())
    facts["\x00lazy"]["hmetrics"] = b"\xff not marshal data"
    entry.write_bytes(pack(facts))
    loaded = fontfacts.load_ttfont("b", font, 0)
    assert "hmetrics" not in vars(loaded.face)  # not decoded until something needs it
    assert loaded.face.hmetrics == TTFont("ref", str(font)).face.hmetrics


def test_cache_off_writes_nothing(font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    fontfacts.load_ttfont("a", font, 0)
    assert not (tmp_path / "cache").exists()


def test_unwritable_cache_costs_only_speed(font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("GONGKAI_CACHE_DIR", str(blocker))
    assert fontfacts.load_ttfont("a", font, 0).face.numGlyphs == TTFont("r", str(font)).face.numGlyphs


def test_old_entries_are_pruned(font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontfacts, "MAX_ENTRIES", 2)
    for n in range(4):
        stat = font.stat()
        os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a new version each time
        fontfacts.load_ttfont(f"v{n}", font, 0)
    assert len(entries(tmp_path)) == 2


@pytest.mark.slow
def test_the_pdf_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    example = ROOT / "examples" / "nanjiang-2018" / "report.toml"
    outputs = []
    for n, extra in enumerate([{"GONGKAI_NO_CACHE": "1"}, {}, {}]):  # no cache, filling it, reading it
        env = {**os.environ, "GONGKAI_CACHE_DIR": str(tmp_path / "cache"), **extra}
        out = tmp_path / f"{n}.pdf"
        done = subprocess.run(
            [sys.executable, "-m", "compiler", "build", str(example), "-o", str(out)], env=env, capture_output=True
        )
        assert done.returncode in (0, 1), done.stderr.decode()
        outputs.append(out.read_bytes())
    assert len(entries(tmp_path)) >= 4  # the five faces the seed uses were stored by the second run
    assert outputs[0] == outputs[1] == outputs[2]
