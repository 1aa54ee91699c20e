"""The renderer interface: what every output medium (PDF, HTML, DOCX …) receives and returns.

A renderer turns the report's **blocks** (:mod:`compiler.model.document` — what the sections say) and the
**resolved style sheet** (:mod:`compiler.render.style` — how each style role looks) into the bytes of one
file.  It knows nothing about government reports: a section a third party adds appears in every output
because it returns the same Blocks as the built-in ones.

The pipeline (:func:`compiler.build.build`) asks the sections for their blocks once, loads the style sheet
once, then calls :meth:`Renderer.render` for each output the user asked for (``--to pdf,html``), each with
a :class:`RenderJob` that differs only in ``output``.  Renderers are plugins: ``gongkai_register_renderers`` (see
:mod:`compiler.host.hookspecs`) registers them — the PDF renderer is registered through the same entry-point
group as every other plugin.

Problems: a renderer returns the problems it finds (a character no font can draw, a table too wide) in
:attr:`Rendered.problems`; a problem that makes the output impossible is raised as
:class:`compiler.model.problems.ReportError` — nothing is written then.  Renderers never write files: the
pipeline writes the returned bytes atomically (:mod:`compiler.files.output`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from compiler.files.attachments import AttachmentSet
    from compiler.model.document import Block, DocumentInfo
    from compiler.model.problems import Problem
    from compiler.model.report import Report
    from compiler.render.style import StyleSheet


@dataclass
class RenderJob:
    """Everything a renderer may use; the outputs of one build get the same job but for ``output``.

    :param report: the loaded report (its source bytes and computed values, for embedding; read-only).
    :param blocks: the report as the sections described it, in document order.
    :param sheet: the resolved style sheet (page geometry, every style role, fonts).
    :param info: document metadata (title, author, subject, keywords, date, language).
    :param attachments: the attachment files, opened and validated (bad ones left out when skipping).
    :param problems: every problem found so far (a renderer may embed them, e.g. the PDF's computed JSON).
    :param output: where the pipeline will write this renderer's file (for relative links).
    :param companions: the other outputs of the same build by renderer key (``{"pdf": Path(...)}``), so an
        HTML page can link to the PDF built with it.
    :param font_dirs: extra folders with licensed fonts given on the command line.
    """

    report: Report
    blocks: list[Block]
    sheet: StyleSheet
    info: DocumentInfo
    attachments: AttachmentSet
    problems: list[Problem] = field(default_factory=list)
    output: Path | None = None
    companions: dict[str, Path] = field(default_factory=dict)
    font_dirs: Sequence[Path] = ()


@dataclass
class Rendered:
    """A renderer's result: the file's bytes, its page count when the medium has pages, new problems."""

    data: bytes
    pages: int | None = None
    problems: list[Problem] = field(default_factory=list)


@runtime_checkable
class Renderer(Protocol):
    """One output medium.

    ``key`` is what ``--to`` names (``"pdf"``); ``suffix`` the file extension it writes (``".pdf"``; ``-o``
    must agree with it); ``description`` a short Chinese description for ``gongkai plugins``.
    """

    key: str
    suffix: str
    description: str

    def render(self, job: RenderJob) -> Rendered:
        """Make the file.  Called once per build for each requested output, after every check passed."""
        ...
