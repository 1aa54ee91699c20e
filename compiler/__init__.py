"""gongkai — compile a TOML report into a print-ready PDF (GB/T 9704).

The core (this package) knows nothing about government reports: formats and sections come from plugins
(``plugins/``), registered through the ``gongkai`` entry-point group.  Plugin authors import
:data:`hookimpl` from here.

``hookimpl`` is looked up on first use (PEP 562), so that importing the package alone — as the ``gongkai``
command does first — does not import pluggy before the command has paused the garbage collector.
"""

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]


def __getattr__(name: str) -> Any:
    if name == "hookimpl":
        from compiler.host.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
