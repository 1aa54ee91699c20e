"""A small on-disk cache for facts that are slow to find and rarely change (which installed font file has
which family name).  Only what measurements showed to pay is cached here.

The cache is an optimisation, never a source of truth: a missing, unreadable, corrupt or foreign file is
ignored and rebuilt, writes are atomic (temporary file + rename), and every entry is checked against the
file it describes before it is used.  ``GONGKAI_CACHE_DIR`` moves the cache; setting it to an empty string
or ``GONGKAI_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "GONGKAI_CACHE_DIR"
NO_CACHE_ENV = "GONGKAI_NO_CACHE"
#: Bumped whenever the layout of a cache file changes; files of another version are ignored.
FORMAT_VERSION = 1


def cache_dir() -> Path | None:
    """The per-user cache folder (``None`` when caching is off)."""
    if os.environ.get(NO_CACHE_ENV, "") in ("1", "true", "yes"):
        return None
    if CACHE_DIR_ENV in os.environ:
        value = os.environ[CACHE_DIR_ENV].strip()
        return Path(value) if value else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "gongkai" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "gongkai"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gongkai"


def load(name: str) -> dict[str, Any]:
    """The cached mapping called ``name``, or ``{}`` when there is none or it cannot be trusted."""
    folder = cache_dir()
    if folder is None:
        return {}
    try:
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, MemoryError, RecursionError):  # a damaged entry is ignored and rebuilt
        return {}
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def store(name: str, entries: dict[str, Any]) -> None:
    """Replace the cached mapping ``name`` atomically; failures (read-only home, full disk) are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    payload = json.dumps({"version": FORMAT_VERSION, "entries": entries}, ensure_ascii=False, sort_keys=True)
    write(folder / f"{name}.json", payload.encode("utf-8"))


def write(path: Path, data: bytes) -> None:
    """Replace the cache file ``path`` atomically (temporary file + rename), creating its folder; failures
    (read-only home, full disk) are ignored: a cache only saves time."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


#: What gongkai keeps in the cache folder (``gongkai cache`` lists and clears exactly these, so a
#: ``GONGKAI_CACHE_DIR`` shared with other programs loses nothing else): the installed-font index
#: (:mod:`compiler.render.pdf.typeset.fonts`), the entry points (:mod:`compiler.host.entrypoints`), the parsed fonts
#: (:mod:`compiler.render.pdf.typeset.fontfacts`), and temporary files of interrupted writes.
MEMBERS = (
    "font-families.json",
    "entry-points.json",
    "font-facts/*.marshal",
    ".font-families.json.*.tmp",
    ".entry-points.json.*.tmp",
    "font-facts/.*.marshal.*.tmp",
)


def members() -> list[Path]:
    """The cache's files, sorted (none when caching is off or nothing was written yet)."""
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return []
    return sorted({p for pattern in MEMBERS for p in folder.glob(pattern) if p.is_file()})


def clear() -> tuple[int, int]:
    """Delete the cache's files; returns (files, bytes) removed.  Empty sub-folders go too."""
    removed = size = 0
    for path in members():
        with contextlib.suppress(OSError):
            length = path.stat().st_size
            path.unlink()
            removed, size = removed + 1, size + length
    folder = cache_dir()
    if folder is not None:
        with contextlib.suppress(OSError):
            (folder / "font-facts").rmdir()
    return removed, size
