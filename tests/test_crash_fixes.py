"""Issue 12, item 7: the crashes found by a careful attacker, each fixed and pinned here — escaped keys,
style-file encodings, nested references, attachment titles, an attachment that is not a regular file (see
tests/test_attachments_hostile.py), a damaged cache entry."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import tomli_w

from compiler.build import build, check_report
from compiler.files import cache
from compiler.render.pdf.typeset import fontfacts
from tests.conftest import legacy

ROOT = Path(__file__).resolve().parent.parent


def gongkai(*args: str | Path, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", **extra}
    return subprocess.run(
        [sys.executable, "-m", "compiler", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True
    )


def escaped(tmp_path: Path) -> Path:
    text = tomli_w.dumps(legacy())
    text = text.replace('"概况类" = 40', '"\\u6982\\u51b5\\u7c7b" = 40')  # the same key, written with escapes
    text = text.replace('[overview]\ntext = "概述。"', '[overview]\n"t\\u0078t" = "概述。"\n"\\U0001F600" = 1')
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "build", "fmt"])
def test_quoted_keys_with_escapes(tmp_path: Path, command: str) -> None:
    path = escaped(tmp_path)
    done = gongkai(command, path.name, cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode in (0, 1, 2) and "Traceback" not in output and "internal error" not in output, output
    if command != "fmt":
        # the unknown keys are named with their line (the escape decoded as TOML does)
        line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "u0078" in t)
        assert f"report.toml:{line} [overview.txt]" in output, output


def test_style_sheets_with_a_bom_or_in_gbk(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    (tmp_path / "bom.toml").write_bytes(b'\xef\xbb\xbfparent = "gbt9704"\n')
    assert gongkai("build", "report.toml", "--style", "./bom.toml", cwd=tmp_path).returncode == 0
    (tmp_path / "gbk.toml").write_bytes('parent = "gbt9704"\n# 中文注释\n'.encode("gbk"))
    done = gongkai("build", "report.toml", "--style", "./gbk.toml", "-o", "x.pdf", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "[input.encoding]" in done.stderr and "样式表" in done.stderr and "gbk.toml" in done.stderr
    assert "GBK" in done.stderr and "UTF-8" in done.stderr
    (tmp_path / "utf16.toml").write_bytes('parent = "gbt9704"\n'.encode("utf-16"))
    done = gongkai("style", "--style", "./utf16.toml", cwd=tmp_path)
    assert done.returncode == 2 and "UTF-16" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def _texts(path: Path) -> str:
    report, problems = check_report(path)
    from compiler.build import report_blocks

    blocks, more = report_blocks(report)
    return "\n".join(getattr(b, "text", "") or "" for b in blocks), [*problems, *more]


def test_a_reference_inside_referenced_text_is_expanded(write_toml) -> None:
    data = legacy(overview={"text": "如前所述：{active.text}"})
    text, problems = _texts(write_toml(data))
    assert "如前所述：全年主动公开政府信息100条，其中概况类40条" in text
    assert "{" not in text and not [p for p in problems if p.rule == "refs.invalid"]


def test_a_reference_cycle_is_a_clear_error(write_toml) -> None:
    data = legacy(overview={"text": "甲{issues.text}"}, issues={"text": "乙{overview.text}"})
    _, problems = _texts(write_toml(data))
    invalid = [p for p in problems if p.rule == "refs.invalid"]
    assert invalid and all("循环" in p.message for p in invalid)
    assert any("overview.text → issues.text → overview.text" in p.message for p in invalid)


def test_attachment_titles_are_reported_like_body_text(tmp_path: Path) -> None:
    from tests.attachment_files import A4_PORTRAIT, pdf_bytes, write_report

    path = write_report(
        tmp_path, [{"file": "a.pdf", "title": "考核\u200b结果(2018)"}], {"a.pdf": pdf_bytes([A4_PORTRAIT])}
    )
    _, problems = check_report(path)
    found = {(p.rule, p.source.keypath) for p in problems if p.rule.startswith("hygiene.")}
    assert ("hygiene.invisible", "attachments[0].title") in found
    assert ("hygiene.punctuation", "attachments[0].title") in found


def test_damaged_cache_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    first = gongkai("build", "r.toml", cwd=tmp_path, GONGKAI_CACHE_DIR=str(folder))
    assert first.returncode == 0, first.stderr
    reference = hashlib.sha256((tmp_path / "r.pdf").read_bytes()).hexdigest()
    entries = [p for p in folder.rglob("*") if p.is_file()]
    assert entries
    for i, entry in enumerate(entries):  # garbage, truncation, absurdly deep JSON
        entry.write_bytes([b"\x00\xff" * 50, entry.read_bytes()[:7], b"[" * 100000][i % 3])
    again = gongkai("build", "r.toml", cwd=tmp_path, GONGKAI_CACHE_DIR=str(folder))
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert hashlib.sha256((tmp_path / "r.pdf").read_bytes()).hexdigest() == reference
    assert fontfacts._load(next(folder.rglob("*.marshal"))) is not None  # rebuilt


def test_a_cache_entry_that_exhausts_memory_is_ignored(tmp_path: Path, monkeypatch) -> None:
    entry = tmp_path / "x.marshal"
    entry.write_bytes(b"\x00")

    def exhausted(*_args: object) -> object:
        raise MemoryError

    entry.write_bytes(fontfacts._storable({"ascent": 1}) or b"")  # a well-formed entry: marshal is reached
    monkeypatch.setattr(fontfacts, "marshal", SimpleNamespace(loads=exhausted, dumps=marshal.dumps))
    assert fontfacts._load(entry) is None
    monkeypatch.setenv("GONGKAI_CACHE_DIR", str(tmp_path))
    (tmp_path / "some.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(cache, "json", SimpleNamespace(loads=exhausted, dumps=json.dumps))
    assert cache.load("some") == {}


def test_a_build_survives_a_cache_that_exhausts_memory(tmp_path: Path, monkeypatch) -> None:
    def exhausted(*_args: object) -> object:
        raise MemoryError

    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    monkeypatch.setattr(fontfacts, "marshal", SimpleNamespace(loads=exhausted, dumps=marshal.dumps))
    monkeypatch.setattr(cache, "json", SimpleNamespace(loads=exhausted, dumps=json.dumps))
    assert build(tmp_path / "r.toml").pages > 0
