"""The command line: ``gongkai build|check|fmt|init|plugins|style|fonts|extract|cache`` (``main``), batches of
reports (``batch``) and the ``init`` skeleton (``skeleton``)."""

from compiler.cli.commands import main, run

__all__ = ["main", "run"]
