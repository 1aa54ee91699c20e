"""Issue 12, item 4: attachments are inert and bounded.  Active content never reaches the finished PDF (one
warning says what was removed); size, page and pixel limits are checked before a file is read or decoded in
full; each file is read once; damage is an error naming the attachment; pypdf's English warnings become
Chinese warnings naming it."""

from __future__ import annotations

import builtins
import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

from compiler.build import BuildFailed, build
from compiler.model.problems import Severity
from tests.attachment_files import A4_PORTRAIT, active_in, active_pdf, image_bytes, pdf_bytes, write_report

ROOT = Path(__file__).resolve().parent.parent


def one(tmp_path: Path, data: bytes, name: str = "a.pdf", **entry: object) -> Path:
    return write_report(tmp_path, [{"file": name, "title": "附件甲", **entry}], {name: data})


def failure(path: Path) -> str:
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(BuildFailed) as caught:
        build(path)
    errors = [p for p in caught.value.problems if p.severity >= Severity.ERROR]
    assert len(errors) == 1, [p.format() for p in errors]
    assert errors[0].source is not None and errors[0].source.keypath.startswith("attachments[0]")
    assert errors[0].source.line
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no PDF, no temporary file
    return errors[0].format()


def png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")
    )


def test_active_content_is_removed_with_one_warning(tmp_path: Path) -> None:
    source = active_pdf()
    assert active_in(source)  # the test file really is hostile
    result = build(one(tmp_path, source))
    warnings = [p for p in result.problems if p.rule == "attachments.active-content"]
    assert len(warnings) == 1
    message = warnings[0].message
    for what in ("JavaScript", "Launch", "SubmitForm", "ImportData", "/AA", "/OpenAction", "附加文件", "RichMedia"):
        assert what in message, message
    assert "附件甲" in message and warnings[0].source.keypath == "attachments[0].file"
    output = result.output.read_bytes()
    assert active_in(output) == []
    reader = PdfReader(io.BytesIO(output))
    assert "ACTIVE" in reader.pages[-1].extract_text()  # the page itself is there
    links = [a.get_object() for a in reader.pages[-1].get("/Annots", [])]
    assert any(a.get("/A", {}).get("/URI") == "https://www.gov.cn/" for a in links)  # ordinary links stay


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    path = one(tmp_path, b"%PDF-1.4\n")
    with open(tmp_path / "a.pdf", "r+b") as handle:
        handle.truncate(3 * 1024**3)  # a sparse 3 GB file: reading it would take minutes
    opened: list[str] = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    message = failure(path)
    assert "[attachments.too-large]" in message and "3072.0 MB" in message and "GONGKAI_ATTACHMENT_MAX_MB" in message
    assert str(tmp_path / "a.pdf") not in opened


def test_the_limits_can_be_changed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GONGKAI_ATTACHMENT_MAX_PAGES", "2")
    assert "[attachments.too-many-pages]" in failure(one(tmp_path, pdf_bytes([A4_PORTRAIT] * 3)))
    monkeypatch.setenv("GONGKAI_ATTACHMENT_MAX_PIXELS", "1000")
    assert "[attachments.too-many-pixels]" in failure(one(tmp_path, image_bytes((600, 800), "PNG"), "b.png"))
    monkeypatch.setenv("GONGKAI_ATTACHMENT_MAX_MB", "0.001")
    assert "[attachments.too-large]" in failure(one(tmp_path, pdf_bytes([A4_PORTRAIT]), "c.pdf"))
    monkeypatch.setenv("GONGKAI_ATTACHMENT_MAX_MB", "lots")
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(tmp_path / "report.toml")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2 and "GONGKAI_ATTACHMENT_MAX_MB" in done.stderr and "Traceback" not in done.stderr


def test_a_decompression_bomb_png_is_a_clear_error(tmp_path: Path) -> None:
    message = failure(one(tmp_path, png_header(30000, 30000), "huge.png"))
    assert "[attachments.too-many-pixels]" in message and "30000 × 30000" in message
    assert "0x" not in message and "DecompressionBomb" not in message and "plugin" not in message


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
@pytest.mark.parametrize("fraction", [0.5, 0.97])
def test_a_truncated_scan_is_an_error_never_a_blank_page(tmp_path: Path, fmt: str, fraction: float) -> None:
    data = image_bytes((600, 800), fmt)
    message = failure(one(tmp_path, data[: int(len(data) * fraction)], "scan." + fmt.lower()))
    assert "[attachments.damaged]" in message and "附件甲" in message


def _with_stream(data: bytes, *, image: bool) -> bytes:
    reader = PdfReader(io.BytesIO(pdf_bytes([A4_PORTRAIT])))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    stream = StreamObject()
    stream.set_data(data) if False else None
    stream._data = data
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    if image:
        stream[NameObject("/Type")] = NameObject("/XObject")
        stream[NameObject("/Subtype")] = NameObject("/Image")
        stream[NameObject("/Width")] = NumberObject(500)
        stream[NameObject("/Height")] = NumberObject(500)
        stream[NameObject("/BitsPerComponent")] = NumberObject(8)
        stream[NameObject("/ColorSpace")] = NameObject("/DeviceRGB")
        resources = page["/Resources"].get_object()
        resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Im9"): writer._add_object(stream)})
    else:
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_damaged_content_stream_is_an_error(tmp_path: Path) -> None:
    broken = _with_stream(b"x\x9c" + os.urandom(300), image=False)
    message = failure(one(tmp_path, broken))
    assert "[attachments.damaged]" in message and "附件甲" in message and "第 1 页" in message


def test_a_truncated_image_inside_a_pdf_is_an_error(tmp_path: Path) -> None:
    pixels = zlib.compress(bytes(500 * 500 * 3))
    broken = _with_stream(pixels[: len(pixels) // 3], image=True)
    message = failure(one(tmp_path, broken))
    assert "[attachments.damaged]" in message and "图片" in message


def test_each_attachment_is_read_once(tmp_path: Path, monkeypatch) -> None:
    files = {"a.pdf": pdf_bytes([A4_PORTRAIT]), "b.png": image_bytes((600, 800), "PNG")}
    path = write_report(tmp_path, [{"file": n, "title": n} for n in files], files)
    opened: list[str] = []
    real_open = builtins.open
    real_read = Path.read_bytes

    def counting_open(f, *a, **k):
        opened.append(os.path.basename(str(f)) if isinstance(f, str | Path) else "")
        return real_open(f, *a, **k)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or real_read(self))
    build(path)
    assert opened.count("a.pdf") == 1 and opened.count("b.png") == 1, opened


def test_pypdf_warnings_become_chinese_warnings(tmp_path: Path) -> None:
    good = pdf_bytes([A4_PORTRAIT])
    # shift every xref offset: pypdf repairs it and says so in English
    at = good.rindex(b"xref")
    head, tail = good[:at], good[at:]
    broken = head.replace(b"%PDF-1.3", b"%PDF-1.3\n%%%%%%%%%%", 1) + tail
    path = one(tmp_path, broken)
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "build", "report.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if "pypdf" in line or "xref" in line or "Object Streams" in line]
    assert lines and all("[attachments.pdf-repaired]" in line and "附件甲" in line for line in lines), done.stderr
    assert path.with_suffix(".pdf").exists()


def test_a_fifo_attachment_is_not_a_regular_file(tmp_path: Path) -> None:
    path = write_report(tmp_path, [{"file": "pipe.pdf", "title": "附件甲"}], {})
    os.mkfifo(tmp_path / "pipe.pdf")
    message = failure(path)
    assert "[attachments.not-a-file]" in message and "不是普通文件" in message


def test_device_attachments_are_not_regular_files(tmp_path: Path) -> None:
    path = write_report(tmp_path, [{"file": "/dev/zero", "title": "附件甲"}], {})
    assert "[attachments.not-a-file]" in failure(path)


def test_every_new_problem_can_be_skipped(tmp_path: Path) -> None:
    path = one(tmp_path, png_header(30000, 30000), "huge.png")
    result = build(path, skip_bad_attachments=True)
    assert any(p.rule == "attachments.too-many-pixels" and "跳过" in p.message for p in result.problems)


def test_attachment_titles_are_cleaned_like_body_text(tmp_path: Path) -> None:
    path = one(tmp_path, pdf_bytes([A4_PORTRAIT]), title="考核\u200b结果(2018)")
    result = build(path)
    reader = PdfReader(result.output)
    titles = [c.title for c in reader.outline[-1]]
    assert titles == ["附件 考核结果（2018）"]


def test_a_flate_bomb_in_a_content_stream_is_refused(tmp_path: Path) -> None:
    bomb = zlib.compress(b" " * 100_000_000, 9)  # 100 KB that inflate to 100 MB
    message = failure(one(tmp_path, _with_stream(bomb, image=False)))
    assert "[attachments.too-large]" in message and "解压炸弹" in message and "附件甲" in message
