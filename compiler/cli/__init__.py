"""The command line: ``gongkai build|check|fmt|init|plugins|style|fonts|extract|cache`` (``main``), batches of
reports (``batch``) and the ``init`` skeleton (``skeleton``)."""

from compiler.cli.commands import main

__all__ = ["main"]
