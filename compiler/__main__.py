"""``python -m compiler`` is the same as the ``gongkai`` command."""

from compiler.cli import run

run()
