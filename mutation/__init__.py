"""A small, named mutation run: ``make mutation`` (not part of ``make test`` or CI).  See mutation/__main__.py."""
