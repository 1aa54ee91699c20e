"""argparse in Chinese, through its public API only.

* the headings of the help (``用法：``, ``参数``, ``选项``, ``命令``) come from argument groups this parser
  creates itself (``add_help=False`` and its own ``-h/--help``), and from a help formatter whose
  ``add_usage`` is given the prefix;
* usage errors go through :meth:`Parser.error`, which translates argparse's sentence
  (:func:`compiler.cli.messages.translate_argparse`), suggests the closest command, and points to ``--help``.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from typing import Any, NoReturn

from compiler.cli.messages import msg, tr, translate_argparse


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' line breaks; the usage line starts with ``用法：``."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, msg("usage.prefix") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose every word the user sees is Chinese (English under ``GONGKAI_LANG=en``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.commands: list[str] = []
        self.arguments = self.add_argument_group(tr("参数", "arguments"))
        self.options = self.add_argument_group(tr("选项", "options"))
        self.options.add_argument("-h", "--help", action="help", help=tr("显示本说明并退出", "show this help and exit"))

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:  # type: ignore[override]
        """Positionals are listed under 参数, options under 选项 (never under argparse's English titles)."""
        group = self.options if args and str(args[0]).startswith("-") else self.arguments
        return group.add_argument(*args, **kwargs)

    def format_help(self) -> str:
        """argparse lines up the help column by counting characters; a Chinese character takes two columns
        in a terminal, so lines with Chinese metavars are realigned by display width."""
        return realign(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = msg("usage.error", message=translate_argparse(message, self.commands))
        self.exit(2, f"{text}\n{msg('usage.see-help', prog=self.prog)}\n")


_COLUMNS = re.compile(r"^( +\S.*?)( {2,})(\S.*)$")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def realign(text: str) -> str:
    """Put the second column of every two-column line (an option and its help, a command and what it does, an
    example and its note) where argparse meant it — at its character position — measured in display columns;
    when the first column is too wide for that, the second moves to the next line."""
    out: list[str] = []
    for line in text.split("\n"):
        m = _COLUMNS.match(line)
        if not m:
            out.append(line)
            continue
        first, gap, second = m.groups()
        column = len(first) + len(gap)  # where argparse (counting characters) put the second column
        pad = column - display_width(first)
        if pad >= 2:
            out.append(first + " " * pad + second)
        else:
            out += [first, " " * column + second]
    return "\n".join(out)


def positive_int(text: str) -> int:
    """``-j``: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(msg("jobs.invalid", value=text))
    return value
