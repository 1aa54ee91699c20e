"""附件说明 (GB/T 9704 §7.3.4): the list of attachments after the body, before the signature.

One attachment: "附件：标题".  Several: "附件：1. 标题", one paragraph per attachment, the numbers under each
other and wrapped lines aligned with the first character of the title — the hanging indent is the
``attachment-note`` role's business (its ``left_indent``/``indent``), this plugin only says what the text is.
Titles take no closing punctuation.

The attachments themselves are bound after the report by the core (compiler.render.pdf.finish.assemble); the
section also checks that every attachment file can be read, so ``gongkai check`` reports a missing or damaged file.
"""

from __future__ import annotations

from typing import Any

from compiler import hookimpl
from compiler.files.attachments import check_attachments
from compiler.model.document import BlankLines, Block, Paragraph, Run
from compiler.model.problems import Problem
from compiler.model.sections import SectionContext, SectionType

ROLE = "attachment-note"
LEAD = "附件："
#: Later items start under the first item's number: as many full-width spaces as LEAD has characters.
LEAD_BLANK = "\u3000" * len(LEAD)
_CLOSING = "。，；：、.,;:"


def _titles(ctx: SectionContext) -> list[tuple[int, str]]:
    """(index in [[attachments]], title) of the attachments that will be bound."""
    entries: list[Any] = ctx.values.get("attachments") or []
    return [
        (i, str(e["title"]).strip().rstrip(_CLOSING))
        for i, e in enumerate(entries)
        if isinstance(e, dict) and isinstance(e.get("title"), str)
    ]


def build(ctx: SectionContext) -> list[Block]:
    titles = _titles(ctx)
    if not titles:
        return []
    blocks: list[Block] = [BlankLines(1)]
    if len(titles) == 1:
        index, title = titles[0]
        source = ctx.report.ref(f"attachments[{index}].title")
        return [*blocks, Paragraph([Run(LEAD), Run(title)], role=ROLE, source=source, hang=1)]
    for n, (index, title) in enumerate(titles, 1):
        lead = LEAD if n == 1 else LEAD_BLANK
        source = ctx.report.ref(f"attachments[{index}].title")
        blocks.append(Paragraph([Run(lead), Run(f"{n}. "), Run(title)], role=ROLE, source=source, hang=2))
    return blocks


def check(ctx: SectionContext) -> list[Problem]:
    return check_attachments(ctx.report)


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="attachment-list",
            title="附件说明",
            build=build,
            check=check,
            numbered=False,
            before="signature",
            build_without_data=True,
            description="正文之后列出附件（附件：1. 标题……），附件本身装订在报告之后",
        )
    )
