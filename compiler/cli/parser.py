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
import shutil
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
        return realign(super().format_help(), shutil.get_terminal_size().columns - 2)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = msg("usage.error", message=translate_argparse(message, self.commands))
        self.exit(2, f"{text}\n{msg('usage.see-help', prog=self.prog)}\n")


_COLUMNS = re.compile(r"^( +\S.*?)( {2,})(\S.*)$")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_NO_START = "，。；：、！？）」』”’》"
_NO_END = "（「『“‘《"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display columns: breaks between Chinese characters, or at spaces
    in Latin text; no line starts with a Chinese closing mark."""
    tokens = re.findall(r"[!-~]+|\s+|.", text)
    lines: list[str] = [""]
    for token in tokens:
        if token.isspace():
            if lines[-1]:
                lines[-1] += " "
            continue
        if lines[-1] and display_width(lines[-1].rstrip() + token) > width and token not in _NO_START:
            lines[-1] = lines[-1].rstrip()
            carried = ""
            while lines[-1] and lines[-1][-1] in _NO_END:  # an opening mark goes down with what it opens
                carried, lines[-1] = lines[-1][-1] + carried, lines[-1][:-1]
            lines.append(carried)
        lines[-1] += token
    return [line.rstrip() for line in lines if line.strip()]


def _join(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        # argparse broke the line at a space, or inside a long run of Chinese (no space there), or after a hyphen
        space = text and ((text[-1].isascii() and text[-1] != "-") or piece[:1].isascii())
        text += (" " if space else "") + piece
    return text


def realign(text: str, width: int = 100) -> str:
    """Put the second column of every two-column line (an option and its help, a command and what it does, an
    example and its note) where argparse meant it — at its character position — measured in display columns,
    and wrap that column to ``width`` display columns; when the first column is too wide for that position,
    the second starts on the next line."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _COLUMNS.match(line)
        only = re.match(r"^( +\S+(?: \S+)*)$", line)  # a first column alone, its help on the next lines
        if m:
            first, gap, second = m.groups()
            column = len(first) + len(gap)
        elif only and i + 1 < len(lines) and re.match(r"^ {8,}\S", lines[i + 1]):
            first, second = only.group(1), ""
            column = len(lines[i + 1]) - len(lines[i + 1].lstrip())
        else:
            usage = line.startswith((msg("usage.prefix"), "usage:"))
            if line[:1].strip() and not usage and display_width(line) > width:  # a paragraph of the description
                out += _wrap(line, width)
            else:
                out.append(line)
            i += 1
            continue
        pieces = [second] if second else []
        i += 1
        while i < len(lines) and lines[i].startswith(" " * column) and lines[i][column : column + 1].strip():
            pieces.append(lines[i].strip())
            i += 1
        wrapped = _wrap(_join(pieces), max(20, width - column))
        pad = column - display_width(first)
        if wrapped and pad >= 2:
            out.append(first + " " * pad + wrapped[0])
            wrapped = wrapped[1:]
        else:
            out.append(first)
        out += [" " * column + piece for piece in wrapped]
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
