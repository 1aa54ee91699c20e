"""gongkai — compile a TOML report into a print-ready PDF (GB/T 9704).

The core (this package) knows nothing about government reports: formats and sections come from plugins
(``plugins/``), registered through the ``gongkai`` entry-point group.  Plugin authors import
:data:`hookimpl` from here.
"""

from compiler.host.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]
