"""The command line: ``gongkai build|check|watch|fmt|init|plugins|style|fonts|extract|cache`` (``main``), batches
of reports (``batch``), ``gongkai watch`` (``watch``), the Chinese parser and messages (``parser``, ``messages``)
and the ``init`` skeleton (``skeleton``).

:func:`run` is the command itself (console script, ``python -m compiler``); :func:`main` returns the exit
status instead of exiting (tests, embedding).  This module imports nothing until it runs.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main", "run"]


def run() -> NoReturn:
    """The ``gongkai`` command, with Python's cyclic garbage collector off from start to exit.

    A build already pauses it (:func:`compiler.build.gc_paused`); what is left of a command's run is imports,
    which make nothing that is garbage, and — the dearest — the collection that switching it back on after the
    build sets off: 20 ms spent walking every object the build left alive, just before the process exits.
    Whatever builds several reports in one process switches it back on between them
    (:func:`compiler.cli.batch.run_builds`, the warm-up of a batch's workers)."""
    gc.disable()
    from compiler.cli import commands

    commands.run()


def main(argv: Sequence[str] | None = None) -> int:
    from compiler.cli.commands import main as command_main

    return command_main(argv)


def __getattr__(name: str) -> Any:  # the submodules as attributes, as before
    import importlib

    if name in ("commands", "batch", "skeleton", "survey"):
        return importlib.import_module(f"compiler.cli.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
