"""What the speed work changed, checked from the outside: the PDF embeds only the glyphs drawn and no
ASCII85 text, the font-family cache is trusted only when it matches the files, and the light commands do not
import the PDF libraries."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.render.pdf.typeset import fonts as fontmod

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nanjiang-2018" / "report.toml"


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    """Built in a fresh process: ReportLab keeps one font object per PostScript name for the whole process,
    so a test helper that registered the shipped files first (tests/gridfonts.py) would be used instead."""
    out = tmp_path_factory.mktemp("speed") / "seed.pdf"
    subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(SEED), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return PdfReader(out)


def _fonts(reader: PdfReader) -> dict[str, dict]:
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[f"{font['/BaseFont']}#{font.get('/FirstChar')}"] = font
    return found


def _glyph_count(font: dict) -> int:
    """``numGlyphs`` of the embedded TrueType subset, read from its ``maxp`` table."""
    data = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
    (tables,) = struct.unpack(">H", data[4:6])
    for i in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag == b"maxp":
            return struct.unpack(">H", data[offset + 4 : offset + 6])[0]
    raise AssertionError("no maxp table")


def test_page_number_font_embeds_only_the_glyphs_drawn(seed_pdf: PdfReader) -> None:
    """Page numbers are the only 宋体 text of the seed: "— 1 —" … "— 10 —" need at most 13 glyphs (notdef,
    space, dash, ten digits).  ReportLab's default would embed all 95 printable ASCII characters too."""
    song = [f for name, f in _fonts(seed_pdf).items() if "GongkaiSong-Regular" in name]
    assert len(song) == 1
    assert _glyph_count(song[0]) <= 13


def test_no_font_subset_carries_unused_ascii(seed_pdf: PdfReader) -> None:
    unused = "qzABCDEFGHIJKLMNOPRSUVWXYZ"  # letters that occur nowhere in the seed
    for name, font in _fonts(seed_pdf).items():
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1").upper()
        assert not [c for c in unused if f"<00{ord(c):02X}>" in cmap], name


def test_content_streams_are_binary_not_ascii85(seed_pdf: PdfReader, tmp_path: Path) -> None:
    from reportlab import rl_config

    from compiler.build import build

    build(SEED, tmp_path / "in-process.pdf")
    for page in seed_pdf.pages:
        contents = page.get_object()["/Contents"]
        streams = contents if isinstance(contents, list) else [contents]
        for stream in streams:
            filters = stream.get_object().get("/Filter")
            assert "/ASCII85Decode" not in str(filters)
    assert rl_config.useA85 == 1  # ReportLab's own default is restored after rendering


# ---------------------------------------------------------------------------------------------- font cache


@pytest.fixture
def font_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copyfile(ROOT / "fonts" / "GongkaiHei-Regular.ttf", folder / "licensed.ttf")
    monkeypatch.setenv("GONGKAI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(fontmod, "_FAMILY_INDEX", {})
    monkeypatch.setattr(fontmod, "_DIR_LISTINGS", {})
    return folder


def _index(folder: Path) -> dict[str, list]:
    fontmod._FAMILY_INDEX.clear()
    registry = fontmod.FontRegistry({"hei": ["GongkaiHei-Regular.ttf"]})
    return registry._family_index([folder])


def test_family_cache_is_written_and_trusted_while_the_file_is_unchanged(font_folder: Path, tmp_path: Path) -> None:
    assert "gongkai hei" in _index(font_folder)
    cache_file = tmp_path / "cache" / "font-families.json"
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    entry = data["entries"][str(font_folder / "licensed.ttf")]
    entry[2] = [[0, ["A Name Only The Cache Knows"]]]
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert "a name only the cache knows" in _index(font_folder)  # read from the cache, not the file

    stat = (font_folder / "licensed.ttf").stat()
    os.utime(font_folder / "licensed.ttf", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    index = _index(font_folder)  # the file changed: the stale entry is ignored and replaced
    assert "gongkai hei" in index and "a name only the cache knows" not in index


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{not json",
        b"\x00\xff\xfe",
        b'{"version": 1, "entries": []}',
        b'{"version": 1, "entries": {"x": [1, 2, [["bad"]]]}}',
    ],
)
def test_corrupt_family_cache_is_ignored_and_rebuilt(font_folder: Path, tmp_path: Path, garbage: bytes) -> None:
    cache_file = tmp_path / "cache" / "font-families.json"
    cache_file.parent.mkdir()
    cache_file.write_bytes(garbage)
    assert "gongkai hei" in _index(font_folder)
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    assert str(font_folder / "licensed.ttf") in data["entries"]


def test_cache_can_be_turned_off(font_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    assert "gongkai hei" in _index(font_folder)
    assert not (tmp_path / "cache").exists()


def test_cache_command_lists_and_clears_only_its_own_files(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "GONGKAI_CACHE_DIR": str(cache)}
    run = [sys.executable, "-m", "compiler"]
    subprocess.run([*run, "build", str(SEED), "-o", str(tmp_path / "seed.pdf")], env=env, capture_output=True)
    (cache / "someone-elses.json").write_text("{}", encoding="utf-8")  # a shared GONGKAI_CACHE_DIR
    listing = subprocess.run([*run, "cache"], env=env, capture_output=True, text=True, check=True).stdout
    assert "entry-points.json" in listing and "font-families.json" in listing
    assert listing.count(".marshal") == len(list((cache / "font-facts").glob("*.marshal"))) >= 4
    assert "someone-elses" not in listing
    cleared = subprocess.run([*run, "cache", "--clear"], env=env, capture_output=True, text=True, check=True)
    assert "已删除" in cleared.stdout
    assert [p.name for p in cache.iterdir()] == ["someone-elses.json"]
    off = subprocess.run([*run, "cache"], env={**env, "GONGKAI_NO_CACHE": "1"}, capture_output=True, text=True)
    assert off.returncode == 0 and "缓存已关闭" in off.stdout


# ---------------------------------------------------------------------------------------------- lean start


def _modules_after(argv: list[str]) -> set[str]:
    code = (
        "import sys, contextlib, io\n"
        "from compiler.cli.commands import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: main({argv!r})\n"
        "    except SystemExit: pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_check_does_not_import_the_pdf_writing_libraries() -> None:
    # check loads the fonts (ReportLab's TrueType reader) to report characters no font can draw, but it
    # neither merges nor writes PDFs
    loaded = _modules_after(["check", str(SEED)])
    assert "compiler" in loaded
    assert not loaded & {"pypdf", "cryptography"}


def test_build_without_attachments_does_not_import_pypdf(tmp_path: Path) -> None:
    # ReportLab writes the whole document (labels, XMP, embedded files); pypdf is for attachments only
    out = tmp_path / "seed.pdf"
    loaded = _modules_after(["build", str(SEED), "-o", str(out)])
    assert "reportlab" in loaded
    assert not loaded & {"pypdf", "cryptography"}
    assert set(PdfReader(out).attachments) == {"report.toml", "report.data.json"}


def test_version_imports_no_pipeline() -> None:
    loaded = _modules_after(["--version"])
    assert not loaded & {"reportlab", "pypdf", "PIL", "tomllib", "importlib_metadata"}


def test_build_pauses_the_collector_only_while_it_runs(tmp_path: Path) -> None:
    import gc

    from compiler.build import build

    assert gc.isenabled()
    build(SEED, tmp_path / "a.pdf")
    assert gc.isenabled()  # switched back on
    gc.disable()
    try:
        build(SEED, tmp_path / "b.pdf")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


# ---------------------------------------------------------------------------------------------- quick exit


def test_the_command_exits_without_teardown_but_flushes_and_runs_atexit(tmp_path: Path) -> None:
    """``gongkai`` (compiler.cli.run) skips the interpreter's teardown; buffered output, the exit status and
    atexit handlers (temporary folders, logging) are kept."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "from compiler.cli import run\n"
        f"sys.argv = ['gongkai', 'build', {str(SEED)!r}, '-o', {str(tmp_path / 'x.pdf')!r}]\n"
        "run()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "10 页" in lines[-2] and lines[-1] == "atexit ran"
    assert (tmp_path / "x.pdf").stat().st_size > 100_000
    failed = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(tmp_path / "none.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 2 and "找不到文件" in failed.stderr
