"""Every hook a gongkai plugin can implement — the whole plugin contract in one module.

A plugin is any module or object with functions decorated by :data:`hookimpl`.  Plugins come from three
places, all registered the same way (:mod:`compiler.host.manager`):

1. the entry-point group ``gongkai`` of installed distributions — gongkai's own built-in sections are
   registered exactly like this, from its ``pyproject.toml``;
2. Python files a report names in its top-level ``plugins = ["my_section.py"]`` (paths relative to the
   report);
3. objects registered in code (tests, embedding applications) through ``PluginHost.register``.

The core never depends on the order in which plugins were registered: pluggy calls implementations
last-registered first, so every hook below either merges all results (and sorts them by data, not by
caller) or is a ``firstresult`` hook with a documented tie-break (``tryfirst``/``trylast``).

**Format families.**  An entry point's name may put it in a family: ``<family>-format`` declares one (it
registers the family's formats), and every other ``<family>-…`` entry point is a member that serves only
those formats.  Members are loaded when a report of one of the family's formats is read, not for every
command (``gongkai plugins``, imports and batches still load them all), so their hooks must answer for
the family's formats only: sections registered with ``formats`` inside the family's (anything else is the
error ``plugin.family-scope``), and ``gongkai_check``/``gongkai_indicators`` returning ``None`` for other
formats.  A plugin meant for every format takes a name outside any family (``common-…``, ``acme``).

Hook names all start with ``gongkai_``; :meth:`compiler.host.manager.PluginHost.load` calls
``check_pending()`` so a misspelled hook name in a plugin fails loudly instead of being ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from compiler.importers.base import ImportResult, PublishedDocument
    from compiler.model.document import DocumentInfo
    from compiler.model.formats import Format
    from compiler.model.indicators import Indicator
    from compiler.model.problems import Problem
    from compiler.model.report import Report
    from compiler.model.sections import SectionType
    from compiler.render.base import Renderer

PROJECT = "gongkai"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def gongkai_register_formats(register: Callable[[Format], None]) -> None:
    """Declare report formats (``legacy``, ``2021`` …).

    **When:** once, right after all plugins are loaded, before any report is read.

    :param register: call ``register(Format(...))`` once per format.  A format is an ordered list of
        section keys plus a title; see :class:`compiler.model.formats.Format`.

    **Returns:** nothing.  **Who wins:** two plugins registering the same format key is an error naming
    both plugins — formats are never silently replaced.
    """


@hookspec
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    """Declare section types: the parts of a report, each with its TOML schema, its blocks and its checks.

    **When:** once, right after :func:`gongkai_register_formats`.

    :param register: call ``register(SectionType(...))`` for each section.  A section type names the TOML
        table it reads (``key``), the formats it belongs to (``formats``; ``None`` = any), its heading, its
        schema, and the callables that derive values, build blocks and check data (see
        :class:`compiler.model.sections.SectionType`).

    **Returns:** nothing.  **Who wins:** the same ``(format, key)`` registered twice is an error naming
    both plugins.  The order of sections in a document comes from the format and the report, never from
    registration order.
    """


@hookspec
def gongkai_check(report: Report) -> list[Problem] | None:
    """Check the report as a whole, after every section's own checks ran.

    For rules that span sections: text against data, part headings against the preamble, placeholders
    left from a template, carry-over against last year's report.

    **When:** during ``gongkai check`` and ``gongkai build``, after the report has been loaded, validated
    against the section schemas and its derived values computed (``report.values``).

    :param report: the loaded :class:`compiler.model.report.Report` (read-only by convention).

    **Returns:** a list of :class:`compiler.model.problems.Problem` (or ``None``).  **Who wins:** nobody — the
    lists of all plugins are concatenated and then sorted by file position, so registration order never
    shows.
    """


@hookspec(firstresult=True)
def gongkai_document_info(report: Report) -> DocumentInfo | None:
    """Give the PDF metadata (title, author, subject, keywords, date) of a report.

    **When:** once per build, before typesetting.

    :param report: the loaded report.

    **Returns:** a :class:`compiler.model.document.DocumentInfo`, or ``None`` to let another plugin answer.
    **Who wins:** stops at the first non-``None`` result; a plugin that wants to override the built-in
    answer marks its implementation ``@hookimpl(tryfirst=True)``.
    """


@hookspec
def gongkai_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Declare output media: each renderer turns the report's blocks and the resolved style sheet into one
    file (PDF, HTML, DOCX …).

    **When:** once, right after :func:`gongkai_register_sections`.

    :param register: call ``register(renderer)`` with an object implementing
        :class:`compiler.render.base.Renderer` (``key`` as named by ``--to``, ``suffix``, ``description``,
        ``render(job)``).  Import heavy libraries inside ``render``, not at module level: every plugin is
        loaded for every command.

    **Returns:** nothing.  **Who wins:** two plugins registering the same key is an error naming both.
    """


@hookspec
def gongkai_import_report(document: PublishedDocument, format: str | None) -> ImportResult | None:
    """Recognise a published report in this plugin's format and turn it into report data.

    **When:** by ``gongkai import`` (and ``gongkai check`` of a published file), after a reader has turned
    the file into a format-independent :class:`compiler.importers.base.PublishedDocument`.

    :param document: the published file's metadata, paragraphs and table grids, each with its place — each plugin
        is given its own copy, so what one plugin's reading does to it (a run-in heading split off) never changes
        what the next one reads.
    :param format: the format the user named (``--format 2021``), or ``None`` to let the plugins guess.

    **Returns:** an :class:`compiler.importers.base.ImportResult` (the data in the plugin's schema, a
    confidence in [0, 1] and notes where it was unsure — each with its place in the source and a level:
    ``error`` for a value that could not be read), or ``None`` when the document is not in a format the
    plugin knows (or not in ``format``).  A document the plugin recognises but must not import (table cells
    run together, so any reading would be a guess) is returned with ``refused`` saying why.

    **Who wins:** a result whose report year its format was in force for (``Format.years``) before one whose
    year it was not (a 2018 report is not read as the 2021 format however many tables it shows); then the
    highest confidence; with ``format`` given, only results in that format count; a tie between different formats
    is reported, never decided silently.
    """


@hookspec
def gongkai_indicators(report: Report) -> list[Indicator] | None:
    """Compute the ratios assessors rank reports by (实质公开率, 纠错率 …) from the report's data.

    **When:** by ``gongkai check`` (shown with the problems, in ``--format json`` and in the summary of many
    reports), after the checks ran and only when the report loaded without errors.

    :param report: the loaded report with its derived values (``report.values``).

    **Returns:** a list of :class:`compiler.model.indicators.Indicator` (key, Chinese label, numerator,
    denominator, formula), or ``None`` when the report's format has none.  **Who wins:** nobody — all lists are
    concatenated and sorted by key; the same key from two plugins is an error naming both.
    """


#: Every hook name, for documentation tests and ``gongkai plugins``.
HOOK_NAMES = (
    "gongkai_register_formats",
    "gongkai_register_sections",
    "gongkai_register_renderers",
    "gongkai_check",
    "gongkai_document_info",
    "gongkai_import_report",
    "gongkai_indicators",
)
