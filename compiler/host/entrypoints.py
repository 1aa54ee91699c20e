"""The ``gongkai`` entry points of the installed distributions, found by :mod:`importlib.metadata` once per
change of the installation.

Importing :mod:`importlib.metadata` (it pulls in :mod:`email`, :mod:`zipfile` and more) and asking it for a
group costs 15–20 ms — 5 % of a cold ``gongkai build`` — and gives the same answer until a distribution is
installed, removed or upgraded.  Each of those adds or removes a ``*.dist-info`` folder in a folder on
``sys.path``, which changes that folder's modification time, so the answer is cached (:mod:`compiler.files.cache`)
with ``sys.path`` and the modification times of its folders that hold distributions, and asked again
whenever one of them changed.  Not noticed: an ``entry_points.txt`` edited by hand, or the first
distribution installed into a ``sys.path`` folder that had none (``pip install --target``);
``GONGKAI_NO_CACHE=1`` turns the cache off.

One user cache serves every installation of gongkai the user runs (several virtual environments, checkouts):
the answers of the last :data:`KEEP` installations are kept side by side, each under its ``sys.prefix`` and
``sys.path``, so that two of them used in turn do not evict each other on every run (they did: each run
then paid the 15–20 ms of discovery again).

An entry point is loaded as :meth:`importlib.metadata.EntryPoint.load` does: import the module, then follow
the attribute path after the colon.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import asdict, dataclass
from typing import Any

from compiler.files import cache

_CACHE = "entry-points"
#: Installations (``sys.prefix`` + ``sys.path``) whose answers are kept.
KEEP = 8


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str  # "module" or "module:attribute.path"
    distribution: str | None
    version: str | None

    def load(self) -> Any:
        module, _, attributes = self.value.partition(":")
        target: Any = importlib.import_module(module.strip())
        for attribute in attributes.split("[", 1)[0].strip().split("."):  # "[extras]" are not ours to check
            if attribute:
                target = getattr(target, attribute)
        return target


def _holds_distributions(folder: str) -> bool:
    try:
        with os.scandir(folder or ".") as entries:
            return any(e.name.endswith((".dist-info", ".egg-info")) for e in entries)
    except OSError:
        return False


def _mtime(folder: str) -> int | None:
    try:
        return os.stat(folder or ".").st_mtime_ns
    except OSError:
        return None


def _installation_stamp(folders: list[str]) -> list[Any]:
    """What must be unchanged for a cached answer to hold: the interpreter, ``sys.path`` and the modification
    times of the ``sys.path`` folders that hold distributions (not of the others: the current folder is on
    ``sys.path`` under ``python -m`` and changes with every PDF written into it)."""
    return [sys.version, sys.prefix, list(sys.path), [[f, _mtime(f)] for f in folders]]


def _discover(group: str) -> list[EntryPoint]:
    import importlib.metadata

    about: dict[int, tuple[str, str]] = {}  # id(dist) → (name, version): METADATA is parsed on every access
    found = []
    for ep in importlib.metadata.entry_points(group=group):
        dist = ep.dist
        if dist is not None and id(dist) not in about:
            metadata = dist.metadata
            about[id(dist)] = (metadata["Name"], metadata["Version"])
        name, version = about[id(dist)] if dist is not None else (None, None)
        found.append(EntryPoint(ep.name, ep.value, name, version))
    return found


def _valid(entries: Any) -> bool:
    return isinstance(entries, list) and all(
        isinstance(e, dict)
        and isinstance(e.get("name"), str)
        and isinstance(e.get("value"), str)
        and all(isinstance(e.get(k), str | None) for k in ("distribution", "version"))
        for e in entries
    )


def installation_key(group: str) -> str:
    """The key of this installation's answer for ``group`` in the cache."""
    return "\x00".join([group, sys.prefix, *sys.path])


def _cached(entry: Any) -> list[EntryPoint] | None:
    """The entry points of a cached answer, if it is well formed and this installation is unchanged."""
    if not isinstance(entry, dict):
        return None
    folders = entry.get("folders")
    if not (
        isinstance(folders, list)
        and all(isinstance(f, str) for f in folders)
        and entry.get("stamp") == _installation_stamp(folders)
        and _valid(entry.get("entries"))
    ):
        return None
    return [EntryPoint(e["name"], e["value"], e.get("distribution"), e.get("version")) for e in entry["entries"]]


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group``, sorted by name."""
    known = cache.load(_CACHE)
    key = installation_key(group)
    found = _cached(known.get(key))
    if found is None:
        found = _discover(group)
        folders = [f for f in dict.fromkeys(sys.path) if _holds_distributions(f)]
        stamp = _installation_stamp(folders)
        # keep the KEEP - 1 answers written most recently besides this one (``seq`` orders them)
        others = [(k, v) for k, v in known.items() if k != key and isinstance(v, dict) and "\x00" in k]
        others.sort(key=lambda kv: kv[1].get("seq") if isinstance(kv[1].get("seq"), int) else -1)
        kept = dict(others[-(KEEP - 1) :] if KEEP > 1 else [])
        seq = 1 + max((v["seq"] for v in kept.values() if isinstance(v.get("seq"), int)), default=0)
        kept[key] = {"folders": folders, "stamp": stamp, "entries": [asdict(e) for e in found], "seq": seq}
        cache.store(_CACHE, kept)
    return sorted(found, key=lambda e: e.name)
