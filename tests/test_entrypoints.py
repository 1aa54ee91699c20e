"""The entry-point cache (compiler.host.entrypoints): the same answer as importlib.metadata, asked again whenever
a folder on sys.path changed, and never trusted when damaged."""

from __future__ import annotations

import importlib.metadata
import json
import os
import sys
from pathlib import Path

import pytest

from compiler.host import entrypoints
from compiler.host.entrypoints import EntryPoint


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GONGKAI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / "entry-points.json"


def test_same_entry_points_as_importlib_metadata(cache_dir: Path) -> None:
    expected = sorted((ep.name, ep.value) for ep in importlib.metadata.entry_points(group="gongkai"))
    first = entrypoints.entry_points("gongkai")  # discovered and stored
    second = entrypoints.entry_points("gongkai")  # from the cache
    assert [(e.name, e.value) for e in first] == expected == [(e.name, e.value) for e in second]
    assert {e.distribution for e in first} == {"gongkai"}
    assert all(e.version == importlib.metadata.version("gongkai") for e in first)
    assert cache_file(cache_dir).is_file()


def _poison(cache_dir: Path) -> None:
    """Add an entry point only the cache knows about."""
    data = json.loads(cache_file(cache_dir).read_text(encoding="utf-8"))
    data["entries"][entrypoints.installation_key("gongkai")]["entries"].append(
        {"name": "zz-only-cached", "value": "json:dumps", "distribution": "x", "version": "1"}
    )
    cache_file(cache_dir).write_text(json.dumps(data), encoding="utf-8")


def test_cache_is_used_until_a_path_folder_changes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "oldpkg-1.0.dist-info").mkdir(parents=True)  # a folder of installed distributions
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    entrypoints.entry_points("gongkai")
    _poison(cache_dir)
    assert "zz-only-cached" in [e.name for e in entrypoints.entry_points("gongkai")]
    (site / "newpkg-1.0.dist-info").mkdir()  # what installing a distribution does to its folder
    stat = site.stat()
    os.utime(site, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "zz-only-cached" not in [e.name for e in entrypoints.entry_points("gongkai")]


def test_writing_into_a_folder_without_distributions_keeps_the_cache(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"  # like the current folder under ``python -m compiler``, where PDFs are written
    work.mkdir()
    monkeypatch.setattr(sys, "path", [str(work), *sys.path])
    entrypoints.entry_points("gongkai")
    _poison(cache_dir)
    (work / "report.pdf").write_bytes(b"%PDF")
    stat = work.stat()
    os.utime(work, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "zz-only-cached" in [e.name for e in entrypoints.entry_points("gongkai")]
    monkeypatch.setattr(sys, "path", sys.path[1:])  # but another sys.path is another installation
    assert "zz-only-cached" not in [e.name for e in entrypoints.entry_points("gongkai")]


def test_two_installations_keep_their_answers_side_by_side(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two virtual environments (or checkouts) run in turn with one user cache: each finds its own answer."""
    entrypoints.entry_points("gongkai")
    _poison(cache_dir)
    other = [str(tmp_path / "elsewhere"), *sys.path]
    original = list(sys.path)
    monkeypatch.setattr(sys, "path", other)
    assert "zz-only-cached" not in [e.name for e in entrypoints.entry_points("gongkai")]  # discovered, stored
    monkeypatch.setattr(sys, "path", original)
    assert "zz-only-cached" in [e.name for e in entrypoints.entry_points("gongkai")]  # the first one's answer kept
    for i in range(entrypoints.KEEP):  # but only the last KEEP installations are remembered
        monkeypatch.setattr(sys, "path", [str(tmp_path / f"venv{i}"), *original])
        entrypoints.entry_points("gongkai")
    monkeypatch.setattr(sys, "path", original)
    assert "zz-only-cached" not in [e.name for e in entrypoints.entry_points("gongkai")]
    assert len(json.loads(cache_file(cache_dir).read_text(encoding="utf-8"))["entries"]) == entrypoints.KEEP


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"version": 1, "entries": {"gongkai": {"stamp": 3}}}'])
def test_damaged_cache_is_ignored(cache_dir: Path, garbage: bytes) -> None:
    cache_dir.mkdir()
    cache_file(cache_dir).write_bytes(garbage)
    names = [e.name for e in entrypoints.entry_points("gongkai")]
    assert names == sorted(ep.name for ep in importlib.metadata.entry_points(group="gongkai"))


def test_entries_of_the_wrong_shape_are_rediscovered(cache_dir: Path) -> None:
    entrypoints.entry_points("gongkai")
    data = json.loads(cache_file(cache_dir).read_text(encoding="utf-8"))
    data["entries"][entrypoints.installation_key("gongkai")]["entries"] = [{"name": 3}]
    cache_file(cache_dir).write_text(json.dumps(data), encoding="utf-8")
    assert len(entrypoints.entry_points("gongkai")) == len(importlib.metadata.entry_points(group="gongkai"))


def test_load_follows_the_attribute_path() -> None:
    assert EntryPoint("x", "os.path:join", None, None).load() is os.path.join
    assert EntryPoint("x", "json", None, None).load() is json
    assert EntryPoint("x", "json:decoder.JSONDecoder [extra]", None, None).load() is json.decoder.JSONDecoder
    with pytest.raises(ModuleNotFoundError):
        EntryPoint("x", "no_such_module_here:x", None, None).load()
