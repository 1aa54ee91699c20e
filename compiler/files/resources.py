"""Where the data folders (``styles/``, ``fonts/``) live, installed or in a source checkout.

An installed wheel carries them inside the package as ``compiler/_data/<name>``; a git checkout keeps them at
the repository's top level.  Every loader goes through :func:`data_dir` so neither case is hard-coded twice.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import compiler


def data_dir(name: str) -> Path:
    """The folder holding the shipped ``name`` data (``"styles"`` or ``"fonts"``)."""
    try:
        packaged = Path(str(resources.files("compiler") / "_data" / name))
    except (ModuleNotFoundError, TypeError, ValueError):
        packaged = None
    if packaged is not None and packaged.is_dir():
        return packaged
    package_dir = Path(next(iter(compiler.__path__)))
    return package_dir.parent / name
