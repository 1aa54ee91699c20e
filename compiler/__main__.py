"""``python -m compiler`` is the same as the ``gongkai`` command."""

from compiler.cli.commands import run

run()
