"""The ``gongkai`` entry points of the installed distributions, found by :mod:`importlib.metadata` once per
change of the installation.

Importing :mod:`importlib.metadata` (it pulls in :mod:`email`, :mod:`zipfile` and more) and asking it for a
group costs 15–20 ms — 5 % of a cold ``gongkai build`` — and gives the same answer until a distribution is
installed, removed or upgraded.  Each of those adds or removes a ``*.dist-info`` folder in a folder on
``sys.path``, which changes that folder's modification time, so the answer is cached (:mod:`compiler.cache`)
under the list of ``sys.path`` folders and their modification times, and asked again whenever one changed.
Editing an ``entry_points.txt`` by hand is not noticed; ``GONGKAI_NO_CACHE=1`` turns the cache off.

An entry point is loaded as :meth:`importlib.metadata.EntryPoint.load` does: import the module, then follow
the attribute path after the colon.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import asdict, dataclass
from typing import Any

from compiler import cache

_CACHE = "entry-points"


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


def _installation_stamp() -> list[Any]:
    stamp: list[Any] = [sys.version, sys.prefix]
    for entry in sys.path:
        try:
            stamp.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            stamp.append([entry, None])
    return stamp


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


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group``, sorted by name."""
    stamp = _installation_stamp()
    known = cache.load(_CACHE)
    entry = known.get(group)
    if isinstance(entry, dict) and entry.get("stamp") == stamp and _valid(entry.get("entries")):
        found = [EntryPoint(e["name"], e["value"], e.get("distribution"), e.get("version")) for e in entry["entries"]]
    else:
        found = _discover(group)
        known[group] = {"stamp": stamp, "entries": [asdict(e) for e in found]}
        cache.store(_CACHE, known)
    return sorted(found, key=lambda e: e.name)
