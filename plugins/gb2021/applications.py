"""三、收到和处理政府信息公开申请情况 — table 三, entered once per applicant column.

TOML, one table per applicant column with one key per row (all optional: a missing value prints as 0 and is
warned about)::

    [applications.natural_person]        # 自然人
    new_received = 120                   # 一、本年新收政府信息公开申请数量
    carried_over = 3                     # 二、上年结转政府信息公开申请数量
    granted = 61                         # 三、本年度办理结果（一）予以公开
    …                                    # every outcome row, see plugins.gb2021.tables
    carried_forward = 4                  # 四、结转下年度继续办理

Columns: ``natural_person commercial research social_welfare legal_service other``.  The 总计 column
(``[applications.total]``) and the （七）总计 row (``total_processed``) are computed; when the author types them
they are checked instead.  Values other text can cite: every cell (``{applications.total.new_received}``), the
group sums ``denied unable not_processed other_handling``, ``disclosed`` (予以公开 + 部分公开), and the column
``organisations`` (法人或其他组织, the five organisation columns together).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021 import values as v
from plugins.gb2021.part import make_part, part_blocks
from plugins.gb2021.tables import (
    APPLICANT_COLUMNS,
    DATA_COLUMNS,
    GROUP_LABELS,
    ORGANISATION_KEYS,
    TABLE3_APPLICANTS,
    TABLE3_NOTE,
    TABLE3_ORGANISATIONS,
    TABLE3_OUTCOMES,
    TOTAL_COLUMN,
    VARIANTS,
    Table3Layout,
)

TABLE_NAME = "表三（收到和处理政府信息公开申请情况）"

#: Relative column widths in points for 五号 cells (10.5 pt, 2 pt padding each side): one-character columns for the
#: vertical labels, a row-label column where 一、本年新收政府信息公开申请数量 fits on one line, then data columns two
#: characters wide (headers wrap as 商业/企业, numbers up to four digits) — three for 自然人 and 总计 — the narrow
#: published layout that keeps the whole table on one page.
TABLE3_WIDTHS: tuple[float, ...] = (16, 16, 206, 36.5, 26, 26, 26, 26, 26, 36.5)


# ------------------------------------------------------------------------------------------------------ schema
def _row_fields(layout: Table3Layout) -> tuple[Field, ...]:
    return tuple(
        Field(
            row.key,
            "number",
            description=layout.path(row.key) + ("（可不填，自动计算）" if row.computed else "（件）"),
            example=None if row.computed else 0,
        )
        for row in layout.rows
    )


def schema_fields(layout: Table3Layout) -> tuple[Field, ...]:
    rows = _row_fields(layout)
    example = {row.key: 0 for row in layout.entered_rows}
    columns = tuple(
        Field(
            col.key, "table", description=f"申请人情况：{col.label}列，每行一个数（件）", example=example, fields=rows
        )
        for col in APPLICANT_COLUMNS
    )
    return (
        *columns,
        Field("total", "table", description="总计列：可不填（自动计算）；填写则逐行核对", fields=rows),
        Field(
            "carry_over_note",
            "str",
            description="本年“上年结转”与上年度报告“结转下年度继续办理”不一致的原因（填写后该项核对降为警告）",
        ),
    )


# ------------------------------------------------------------------------------------------------------ values
def _column_values(layout: Table3Layout, data: Mapping[str, Any] | None) -> dict[str, Any]:
    """One column, every row filled (missing = 0), with its （七） and group sums."""
    out: dict[str, Any] = {row.key: v.number(v.get(data, row.key)) for row in layout.entered_rows}
    computed = sum(out[r.key] for r in layout.outcome_rows)
    given = v.get(data, "total_processed")
    out["total_processed"] = v.number(given) if v.is_number(given) else computed
    for group in layout.groups:
        out[group.key] = sum(out[r.key] for r in layout.rows if r.group == group.key)
    out["disclosed"] = out["granted"] + out["partial"]
    return out


def table_values(layout: Table3Layout, data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every column of table 三 (the six applicant columns, ``total`` and ``organisations``)."""
    columns = {col.key: _column_values(layout, v.get(data, col.key)) for col in APPLICANT_COLUMNS}
    given_total = v.get(data, TOTAL_COLUMN.key)
    keys = list(columns["natural_person"])
    total: dict[str, Any] = {}
    for key in keys:
        given = v.get(given_total, key)
        total[key] = v.number(given) if v.is_number(given) else sum(columns[c.key][key] for c in APPLICANT_COLUMNS)
    columns[TOTAL_COLUMN.key] = total
    columns["organisations"] = {key: sum(columns[c][key] for c in ORGANISATION_KEYS) for key in keys}
    return columns


def derive_for(layout: Table3Layout) -> Callable[[SectionContext], dict[str, Any]]:
    def derive(ctx: SectionContext) -> dict[str, Any]:
        return table_values(layout, ctx.data)

    return derive


# ------------------------------------------------------------------------------------------------------ blocks
def _numbers(columns: Mapping[str, Mapping[str, Any]], row: str) -> list[Cell]:
    return [Cell(v.show(columns[col.key][row])) for col in DATA_COLUMNS]


def table_block(layout: Table3Layout, columns: Mapping[str, Mapping[str, Any]], ctx: SectionContext) -> Table:
    """Table 三 exactly as the format lays it out: a 3-row header under the note cell, 3 label columns, 7 data
    columns, the tall 三、本年度办理结果 and group labels set vertically."""
    rows: list[list[Cell]] = [
        [Cell(TABLE3_NOTE, colspan=3, rowspan=3, align="left"), Cell(TABLE3_APPLICANTS, colspan=7)],
        [Cell(APPLICANT_COLUMNS[0].label, rowspan=2), Cell(TABLE3_ORGANISATIONS, colspan=5), Cell("总计", rowspan=2)],
        [Cell(col.label) for col in APPLICANT_COLUMNS[1:]],
    ]
    outcome_span = len(layout.outcome_rows) + 1  # the outcome rows and （七）总计
    seen_groups: set[str] = set()
    first_outcome = True
    for row in layout.rows:
        cells: list[Cell] = []
        if row.level == 0:
            cells.append(Cell(row.label, colspan=3))
        else:
            if first_outcome:
                cells.append(Cell(TABLE3_OUTCOMES, rowspan=outcome_span, vertical=True, align="center"))
                first_outcome = False
            if row.group is None:
                cells.append(Cell(row.label, colspan=2))
            else:
                if row.group not in seen_groups:
                    seen_groups.add(row.group)
                    span = sum(1 for r in layout.rows if r.group == row.group)
                    cells.append(Cell(GROUP_LABELS[row.group], rowspan=span, vertical=True, align="center"))
                cells.append(Cell(row.label))
        rows.append(cells + _numbers(columns, row.key))
    return Table(
        rows=rows,
        widths=list(TABLE3_WIDTHS),
        header_rows=3,
        keep_together=True,
        name="table3",
        source=ctx.source(),
    )


def build_for(layout: Table3Layout) -> Callable[[SectionContext], list[Block]]:
    def build(ctx: SectionContext) -> list[Block]:
        columns = ctx.mine if "natural_person" in ctx.mine else table_values(layout, ctx.data)
        return part_blocks(ctx, [table_block(layout, columns, ctx)])

    return build


# ------------------------------------------------------------------------------------------------------ checks
def check_for(layout: Table3Layout) -> Callable[[SectionContext], list[Problem]]:
    def check(ctx: SectionContext) -> list[Problem]:
        check_table3(ctx, layout)
        return []

    return check


def _where(col_label: str, layout: Table3Layout, row: str) -> str:
    return f"{TABLE_NAME}“{col_label}”列“{layout.path(row)}”"


def check_table3(ctx: SectionContext, layout: Table3Layout) -> None:
    """The format's hard rules (ERROR) and blank cells (WARNING)."""
    data = ctx.data
    all_columns = (*APPLICANT_COLUMNS, TOTAL_COLUMN)
    # counts are non-negative integers
    for col in all_columns:
        column = v.get(data, col.key) or {}
        for row in layout.rows:
            value = v.get(column, row.key)
            if value is not None and not v.is_count(value):
                ctx.error(
                    "gb2021.table3.count",
                    f"{_where(col.label, layout, row.key)}应为非负整数（件数）",
                    f"{col.key}.{row.key}",
                    expected="非负整数",
                    found=value,
                )
    # blank cells print as 0 but are warned about, one message per column
    for col in APPLICANT_COLUMNS:
        column = v.get(data, col.key)
        if not isinstance(column, Mapping):
            ctx.warning(
                "gb2021.table3.missing",
                f"{TABLE_NAME}缺少“{col.label}”列（[applications.{col.key}]），整列按 0 排印；若确为 0，请逐项填写 0",
                col.key,
                expected=f"[applications.{col.key}]",
                found="缺少",
            )
            continue
        missing = [row for row in layout.entered_rows if row.key not in column]
        if missing:
            names = "、".join(f"{r.key}（{r.label}）" for r in missing[:5]) + ("等" if len(missing) > 5 else "")
            ctx.warning(
                "gb2021.table3.missing",
                f"{TABLE_NAME}“{col.label}”列有 {len(missing)} 项未填写，按 0 排印：{names}；若确为 0，请填写 0",
                col.key,
                expected="每行一个数",
                found=f"缺少 {len(missing)} 项",
            )
    effective = table_values(layout, data)  # the total column as typed, where typed
    given_total = v.get(data, TOTAL_COLUMN.key)
    # （七）总计 = the 21 outcome rows, where the author typed it
    for col in all_columns:
        given = v.get(v.get(data, col.key), "total_processed")
        if not v.is_number(given):
            continue
        summed = sum(effective[col.key][r.key] for r in layout.outcome_rows)
        if v.number(given) != summed:
            ctx.error(
                "gb2021.table3.outcome-total",
                f"{_where(col.label, layout, 'total_processed')}应等于（一）至（六）各项之和 {v.show(summed)}，"
                f"实际填写 {v.show(given)}",
                f"{col.key}.total_processed",
                expected=summed,
                found=given,
            )
    # per column: 一 + 二 = （七） + 四
    balance_columns = list(APPLICANT_COLUMNS) + ([TOTAL_COLUMN] if isinstance(given_total, Mapping) else [])
    for col in balance_columns:
        values = effective[col.key]
        incoming = values["new_received"] + values["carried_over"]
        outgoing = values["total_processed"] + values["carried_forward"]
        if incoming != outgoing:
            ctx.error(
                "gb2021.table3.balance",
                f"{TABLE_NAME}“{col.label}”列不平衡：一、本年新收（{v.show(values['new_received'])}）"
                f"＋二、上年结转（{v.show(values['carried_over'])}）＝{v.show(incoming)}，"
                f"而（七）总计（{v.show(values['total_processed'])}）"
                f"＋四、结转下年度继续办理（{v.show(values['carried_forward'])}）＝{v.show(outgoing)}",
                col.key,
                expected=f"一＋二＝（七）＋四＝{v.show(incoming)}",
                found=f"（七）＋四＝{v.show(outgoing)}",
            )
    # 总计 = the six applicant columns, on every row the author typed a total for
    if isinstance(given_total, Mapping):
        for row in layout.rows:
            given = given_total.get(row.key)
            if not v.is_number(given):
                continue
            summed = sum(effective[c.key][row.key] for c in APPLICANT_COLUMNS)
            if v.number(given) != summed:
                ctx.error(
                    "gb2021.table3.row-total",
                    f"{_where('总计', layout, row.key)}应等于六个申请人列之和 {v.show(summed)}，"
                    f"实际填写 {v.show(given)}",
                    f"total.{row.key}",
                    expected=summed,
                    found=given,
                )


# ---------------------------------------------------------------------------------------------- registration
TEXT_EXAMPLE = (
    "本年度共收到政府信息公开申请{applications.total.new_received}件，"
    "上年结转{applications.total.carried_over}件，办结{applications.total.total_processed}件，"
    "结转下年度继续办理{applications.total.carried_forward}件。"
)


def section_for(format_key: str) -> SectionType:
    layout = VARIANTS[format_key].table3
    return make_part(
        "applications",
        {format_key},
        fields=schema_fields(layout),
        text_example=TEXT_EXAMPLE,
        build=build_for(layout),
        derive=derive_for(layout),
        check=check_for(layout),
        description="收到和处理政府信息公开申请情况（表三：按申请人逐列填写，总计列与（七）总计行自动计算）",
    )


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    for key in sorted(VARIANTS):
        register(section_for(key))
