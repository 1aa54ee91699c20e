"""Writing results safely: never a partial file, never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from compiler.model.problems import UsageError


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """Raise a usage error if ``path`` is one of ``inputs`` (checked before any work, and again on writing)."""
    for source in inputs:
        if _same(Path(path), Path(source)):
            raise UsageError(f"refusing to overwrite an input file: {path}")


def write_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename.

    Refuses to replace any of ``inputs`` (the report, its style, its attachments)."""
    path = Path(path)
    refuse_inputs(path, inputs)
    if path.exists() and path.is_dir():
        raise UsageError(f"output path is a directory: {path}")
    if path.exists() and not path.is_file():
        # a rename would replace the device or pipe itself (``-o /dev/null`` run as root destroys /dev/null)
        raise UsageError(f"output path is not a regular file: {path}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"output folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
