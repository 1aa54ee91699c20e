"""Stable plugin API: ``compiler.narrative`` is :mod:`compiler.model.narrative`, under the name plugins have always
imported.

Third-party section plugins import from here (see README, "Writing a section plugin"); the code lives in the report
model package.  This module replaces itself with that one, so both names are the very same module object.
"""

import sys

from compiler.model import narrative as _module

sys.modules[__name__] = _module
