"""A report format: which sections a report has, in which order.

Formats are data that plugins register (``gongkai_register_formats``).  The core only orders sections by
them; what a section means is the section plugin's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Format:
    """``key`` is what a report writes as ``format = "…"``; ``sections`` is the default order of section keys;
    ``required`` lists the keys a report of this format must contain (``None``: the sections whose
    :attr:`SectionType.required` is set).  ``years`` is the first and last report year the format was in force
    for (``None``: open-ended); a check may compare it with the report's year."""

    key: str
    title: str
    sections: tuple[str, ...]
    description: str = ""
    required: tuple[str, ...] | None = None
    years: tuple[int | None, int | None] = (None, None)
    plugin: str = field(default="", compare=False)
