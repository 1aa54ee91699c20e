"""`gongkai extract`: the source TOML comes back byte-for-byte, the JSON has its documented shape; and the
issue's "done when": the seed example with two attachments (one rotated)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.build import build
from tests.attachment_files import A4_LANDSCAPE, A4_PORTRAIT, encrypted_pdf, page_numbers, pdf_bytes, write_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nanjiang-2018" / "report.toml"


def extract(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler", "extract", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    entries = [{"file": "a.pdf", "title": "附件甲"}, {"file": "locked.pdf", "title": "加密的", "password": "pw"}]
    path = write_report(tmp_path, entries, {"a.pdf": pdf_bytes([A4_PORTRAIT]), "locked.pdf": encrypted_pdf("pw")})
    # comments, blank lines and odd spacing: none of it survives a TOML round trip, all of it must come back
    raw = "# 手写的注释\n\n" + path.read_text(encoding="utf-8").replace("format = ", "format    =    ")
    path.write_bytes(raw.encode("utf-8"))
    return path, build(path).output


def test_extract_gives_back_the_toml_byte_for_byte(tmp_path: Path, built: tuple[Path, Path]) -> None:
    source, pdf = built
    out = tmp_path / "out"
    done = extract(pdf, "-o", out)
    assert done.returncode == 0, done.stderr
    assert (out / "report.toml").read_bytes() == source.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["report.data.json", "report.toml"]


def test_the_json_has_its_documented_shape(tmp_path: Path, built: tuple[Path, Path]) -> None:
    source, pdf = built
    extract(pdf, "-o", tmp_path / "out")
    data = json.loads((tmp_path / "out" / "report.data.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["generator"].startswith("gongkai ")
    assert data["source"]["file"] == "report.toml" and data["source"]["bytes"] == len(source.read_bytes())
    assert data["values"]["report"]["date"] == "2019-02-14"  # dates as ISO strings
    assert data["values"]["active"]["total"] == 100  # the numbers themselves
    assert "full_title" in data["values"]["report"]  # and what the sections derived
    assert all("password" not in a for a in data["values"]["attachments"])  # never the password
    assert "pw" not in json.dumps(data["values"])
    rules = [c["rule"] for c in data["checks"]]
    assert "attachments.password-published" in rules  # every check result
    assert all(c["file"] in (None, "report.toml") for c in data["checks"])  # no machine-specific paths
    total = data["pages"]["total"]
    assert data["attachments"] == [
        {"number": 1, "title": "附件甲", "file": "a.pdf", "pages": 1, "first_page": total - 1},
        {"number": 2, "title": "加密的", "file": "locked.pdf", "pages": 1, "first_page": total},
    ]
    assert total == len(PdfReader(pdf).pages)


def test_extract_never_replaces_a_different_file_without_force(tmp_path: Path, built: tuple[Path, Path]) -> None:
    _, pdf = built
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.toml").write_text("别的内容\n", encoding="utf-8")
    refused = extract(pdf, "-o", out)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert (out / "report.toml").read_text(encoding="utf-8") == "别的内容\n"
    assert not (out / "report.data.json").exists()  # nothing written when anything is refused
    assert extract(pdf, "-o", out, "--force").returncode == 0
    assert extract(pdf, "-o", out).returncode == 0  # identical content: nothing to refuse


def test_extract_from_a_pdf_without_data_says_so(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_bytes([A4_PORTRAIT]))
    done = extract(plain, "-o", tmp_path)
    assert done.returncode == 2 and "没有嵌入" in done.stderr
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    assert extract(broken).returncode == 2


def test_embedded_names_are_reduced_to_bare_file_names() -> None:
    from compiler.model.problems import UsageError
    from compiler.render.pdf.finish.extract import safe_name

    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\x\\report.toml") == "report.toml"
    for bad in ("..", "", "a/", "a\x00b"):
        with pytest.raises(UsageError):
            safe_name(bad)


def test_done_when_the_seed_example_binds_two_attachments(tmp_path: Path) -> None:
    """Issue 5, "done when": page numbers run on through the attachments, the outline lists every part and
    attachment, and `gongkai extract` recovers the TOML byte-for-byte."""
    shutil.copy(EXAMPLE, tmp_path / "report.toml")
    (tmp_path / "table.pdf").write_bytes(pdf_bytes([A4_PORTRAIT, A4_LANDSCAPE], marker="TABLE"))
    (tmp_path / "turned.pdf").write_bytes(pdf_bytes([A4_PORTRAIT, A4_PORTRAIT], rotate=90, marker="TURNED"))
    with (tmp_path / "report.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[[attachments]]\nfile = "table.pdf"\ntitle = "2018年政府信息公开情况统计表"\n')
        handle.write('\n[[attachments]]\nfile = "turned.pdf"\ntitle = "横排的附件"\n')
    result = build(tmp_path / "report.toml")
    pdf = result.output.read_bytes()

    numbers = page_numbers(pdf)
    assert numbers == list(range(1, result.pages + 1))

    reader = PdfReader(result.output)
    parts = [item.title for item in reader.outline if not isinstance(item, list)]
    assert [t[:2] for t in parts[:-1]] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"]
    assert parts[-1] == "附件"
    children = [c.title for c in reader.outline[-1]]
    assert children == ["附件1 2018年政府信息公开情况统计表", "附件2 横排的附件"]
    assert [reader.get_destination_page_number(c) for c in reader.outline[-1]] == [result.pages - 4, result.pages - 2]
    assert "TURNED p1" in reader.pages[-2].extract_text()
    assert reader.pages[-2].rotation == 0  # un-rotated so the stamp is upright; shown landscape
    assert float(reader.pages[-2].mediabox.width) > float(reader.pages[-2].mediabox.height)

    out = tmp_path / "extracted"
    assert extract(result.output, "-o", out).returncode == 0
    assert (out / "report.toml").read_bytes() == (tmp_path / "report.toml").read_bytes()
