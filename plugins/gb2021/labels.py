"""Printed wording of a table's labels: row titles, column headers and the note, as the published report had them.

Every table section (``[active]`` 表二, ``[applications]`` 表三, ``[appeals]`` 表四) takes a ``labels`` table whose
keys are the table's own keys — a row (``normative_documents``), a column (``repealed``, ``natural_person``,
``maintain``), the note under table 三's corner (``note``) or a caption over a block of rows (table 二's
``item_1`` … ``item_9`` for 第二十条第（一）项 …, table 三's ``outcomes`` and its groups ``denied`` …
``other_handling``) — and whose values are the wording printed::

    [active.labels]
    repealed = "本年废纸件数"          # 表二的列标题“本年废止件数”印作“本年废纸件数”
    item_1 = "第二十条第(一)项"        # 栏目标题印作半角括号

The label is printed as recorded and each one that differs from the format is a ``gb2021.label.variant`` warning
naming the official wording; a key the table does not have is an ``input.unknown-key`` error with the closest key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compiler.model.schema import suggest
from compiler.model.sections import SectionContext

_KINDS = {"row": "行标题", "column": "列标题", "note": "表注", "caption": "栏目标题"}


@dataclass(frozen=True)
class TableLabels:
    """The labels of one table a report may record as printed: ``key → official wording`` per kind."""

    table: str  # the table's name in messages: 表二（主动公开政府信息情况）
    rows: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    captions: Mapping[str, str] = field(default_factory=dict)  # a caption over a block or group of rows

    def official(self, key: str) -> tuple[str, str] | None:
        """``(kind, official wording)`` of a key, or ``None`` when the table has no such label."""
        kinds = (("row", self.rows), ("column", self.columns), ("note", self.notes), ("caption", self.captions))
        for kind, labels in kinds:
            if key in labels:
                return kind, labels[key]
        return None

    @property
    def keys(self) -> list[str]:
        return [*self.rows, *self.columns, *self.notes, *self.captions]


def printed(data: Mapping[str, Any], key: str, official: str) -> str:
    """The label as printed: the recorded wording when ``labels`` has one, otherwise the format's."""
    labels = data.get("labels") if isinstance(data, Mapping) else None
    text = labels.get(key) if isinstance(labels, Mapping) else None
    return text if isinstance(text, str) and text.strip() else official


def check(ctx: SectionContext, spec: TableLabels) -> None:
    """Every recorded label: a known key with a string, warned when it differs from the format's wording."""
    labels = ctx.data.get("labels")
    if not isinstance(labels, Mapping):
        return
    for key, text in labels.items():
        known = spec.official(key)
        if known is None:
            hint = suggest(key, spec.keys)
            ctx.error(
                "input.unknown-key",
                f"{spec.table}没有行、列、表注或栏目“{key}”"
                + (f"，是否应为“{hint}”？" if hint else f"；可用的键：{'、'.join(spec.keys)}"),
                f"labels.{key}",
                expected=hint or "本表的行键、列键或 note",
                found=key,
            )
            continue
        kind, official = known
        if not isinstance(text, str) or not text.strip():
            ctx.error(
                "input.type",
                f"{spec.table}{_KINDS[kind]}“{official}”的印出文字应为非空的字符串",
                f"labels.{key}",
                expected=f'"{official}"',
                found=text,
            )
        elif text != official:
            ctx.warning(
                "gb2021.label.variant",
                f"{spec.table}{_KINDS[kind]}印作“{text}”，格式规定为“{official}”",
                f"labels.{key}",
                expected=official,
                found=text,
            )
