"""三、收到和处理政府信息公开申请情况 — table 三, entered once per applicant column.

TOML, one table per applicant column with one key per row (a row left out, or written ``""``, is printed blank
and warned about — blank is not 0)::

    [applications.natural_person]        # 自然人
    new_received = 120                   # 一、本年新收政府信息公开申请数量
    carried_over = 3                     # 二、上年结转政府信息公开申请数量
    granted = 61                         # 三、本年度办理结果（一）予以公开
    …                                    # every outcome row, see plugins.gb2021.tables
    carried_forward = 4                  # 四、结转下年度继续办理

Columns: ``natural_person commercial research social_welfare legal_service other``.  The 总计 column
(``[applications.total]``) and the （七）总计 row (``total_processed``) are computed when left out; when the
author types them they are printed as typed (``""``: blank, as published) and checked against their rows.
``labels`` records row titles, column headers (``natural_person`` … ``total``, ``applicants`` 申请人情况,
``organisations`` 法人或其他组织), the corner ``note`` and the tall captions (``outcomes`` 三、本年度办理结果, the
groups ``denied`` （三）不予公开 … ``other_handling``) printed differently from the format;
``layout = "2019"`` the one-row （六）其他处理 some 2021-format reports still print.  Values other text can cite:
every cell (``{applications.total.new_received}``), the group sums ``denied unable not_processed other_handling``,
``disclosed`` (予以公开 + 部分公开), and the column ``organisations``
(法人或其他组织, the five organisation columns together).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021 import labels as lab
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
    Row3,
    Table3Layout,
)

TABLE_NAME = "表三（收到和处理政府信息公开申请情况）"

#: Relative column widths in points for 五号 cells (10.5 pt, 2 pt padding each side): one-character columns for the
#: vertical labels, a row-label column where 一、本年新收政府信息公开申请数量 fits on one line, then data columns two
#: characters wide (headers wrap as 商业/企业, numbers up to four digits) — three for 自然人 and 总计 — the narrow
#: published layout that keeps the whole table on one page.
TABLE3_WIDTHS: tuple[float, ...] = (16, 16, 206, 36.5, 26, 26, 26, 26, 26, 36.5)


# ------------------------------------------------------------------------------------------------------ schema
def _row_fields(layouts: tuple[Table3Layout, ...]) -> tuple[Field, ...]:
    seen: dict[str, Field] = {}
    for layout in layouts:
        for row in layout.rows:
            if row.key in seen:
                continue
            seen[row.key] = Field(
                row.key,
                "cell",
                description=layout.path(row.key) + ("（可不填，自动计算）" if row.computed else "（件）"),
                example=None if row.computed or layout is not layouts[0] else 0,
            )
    return tuple(seen.values())


def schema_fields(layout: Table3Layout) -> tuple[Field, ...]:
    others = tuple(v.table3 for v in VARIANTS.values() if v.table3 is not layout)
    rows = _row_fields((layout, *others))
    example = {row.key: 0 for row in layout.entered_rows}
    columns = tuple(
        Field(
            col.key, "table", description=f"申请人情况：{col.label}列，每行一个数（件）", example=example, fields=rows
        )
        for col in APPLICANT_COLUMNS
    )
    return (
        *columns,
        Field(
            "total",
            "table",
            description='总计列：不写的格自动计算；写了的格按所写排印（"" 为空白）并逐行核对',
            fields=rows,
        ),
        Field(
            "labels",
            "table",
            open=True,
            description="原表印出的行标题、列标题、表注或栏目标题与格式不同时：行键、列键、note、outcomes 或分组键"
            "（denied、unable、not_processed、other_handling）= 印出的文字"
            '（如 denied_state_secret = "1、属于国家秘密"、note = "（本列数据的钩稽关系为：……）"）；照此排印并提示',
        ),
        Field(
            "layout",
            "str",
            description='表三的行式："2021"（（六）其他处理分三行）或 "2019"（一行）；默认同报告格式',
        ),
        Field(
            "carry_over_note",
            "str",
            description="本年“上年结转”与上年度报告“结转下年度继续办理”不一致的原因（填写后该项核对降为警告）",
        ),
        Field(
            "outcome_label_breaks",
            "list[str]",
            description="原表把“三、本年度办理结果”这一格分成几格印出时，按行键列出后几格开始的行"
            '（如 ["unable_no_info"]：从（四）起另起一格）：照原样排印',
        ),
        Field(
            "merged_rows",
            "list[str]",
            description='原表把相邻几行的数字合并成一格印出时，按行键依次列出这几行（第一行写数字，其余各行写 ""）：'
            "照原样合并排印并提示",
        ),
    )


def layout_of(data: Mapping[str, Any], default: Table3Layout) -> Table3Layout:
    """The row layout a report's table 三 uses: its format's, or the other one when ``layout`` names it."""
    chosen = data.get("layout")
    if isinstance(chosen, str) and chosen in VARIANTS:
        return VARIANTS[chosen].table3
    return default


# ------------------------------------------------------------------------------------------------------ values
def _column_values(layout: Table3Layout, data: Mapping[str, Any] | None) -> dict[str, Any]:
    """One column as published: every row a number or ``None`` (blank); （七）总计 computed when left out."""
    out: dict[str, Any] = {row.key: v.cell(v.get(data, row.key)) for row in layout.entered_rows}
    stated = isinstance(data, Mapping) and "total_processed" in data
    out["total_processed"] = (
        v.cell(data.get("total_processed")) if stated else v.add(out[r.key] for r in layout.outcome_rows)  # type: ignore[union-attr]
    )
    for group in layout.groups:
        out[group.key] = v.add(out[r.key] for r in layout.rows if r.group == group.key)
    out["disclosed"] = v.add((out["granted"], out["partial"]))
    return out


def table_values(layout: Table3Layout, data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every column of table 三 (the six applicant columns, ``total`` and ``organisations``).

    The 总计 column is computed, except the cells the author typed in ``[applications.total]``: those are as
    typed (``""``: blank, as published) and checked by :func:`check_table3`."""
    columns = {col.key: _column_values(layout, v.get(data, col.key)) for col in APPLICANT_COLUMNS}
    given_total = v.get(data, TOTAL_COLUMN.key)
    keys = list(columns["natural_person"])
    total = {key: v.add(columns[c.key][key] for c in APPLICANT_COLUMNS) for key in keys}
    if isinstance(given_total, Mapping):
        total.update({k: v.cell(given_total.get(k)) for k in keys if k in given_total})
    columns[TOTAL_COLUMN.key] = total
    columns["organisations"] = {key: v.add(columns[c][key] for c in ORGANISATION_KEYS) for key in keys}
    return columns


def derive_for(layout: Table3Layout) -> Callable[[SectionContext], dict[str, Any]]:
    def derive(ctx: SectionContext) -> dict[str, Any]:
        return table_values(layout_of(ctx.data, layout), ctx.data)

    return derive


# ------------------------------------------------------------------------------------------------------ blocks
def _printed(data: Mapping[str, Any], col: str, row: str, columns: Mapping[str, Mapping[str, Any]]) -> str:
    return v.printed(v.get(v.get(data, col), row), columns[col][row])


def _numbers(columns: Mapping[str, Mapping[str, Any]], row: str, data: Mapping[str, Any]) -> list[Cell]:
    return [Cell(_printed(data, col.key, row, columns)) for col in DATA_COLUMNS]


def _label(data: Mapping[str, Any], row: Row3) -> str:
    return lab.printed(data, row.key, row.label)


#: The header cells of table 三 a report may record as printed (``labels``), besides the data columns.
HEADER_COLUMNS: dict[str, str] = {"applicants": TABLE3_APPLICANTS, "organisations": TABLE3_ORGANISATIONS}
NOTE_KEY = "note"
OUTCOMES_KEY = "outcomes"  # the tall 三、本年度办理结果; its groups go by their keys (denied … other_handling)


def labels_of(layout: Table3Layout) -> lab.TableLabels:
    """The labels table 三 may record as printed: its rows, its column headers, the note in its corner and the
    tall captions (三、本年度办理结果 and the groups （三）不予公开 …)."""
    columns = {c.key: c.label for c in DATA_COLUMNS} | HEADER_COLUMNS
    captions = {OUTCOMES_KEY: TABLE3_OUTCOMES} | {g.key: g.label for g in layout.groups}
    rows = {r.key: r.label for r in layout.rows}
    return lab.TableLabels(TABLE_NAME, rows, columns, {NOTE_KEY: TABLE3_NOTE}, captions)


def merged_rows(layout: Table3Layout, data: Mapping[str, Any]) -> list[str]:
    """The rows whose numbers the report printed as one merged cell per column (``merged_rows``), when they are
    rows of the table that follow one another; ``[]`` otherwise (the check names what is wrong)."""
    keys = data.get("merged_rows")
    order = [r.key for r in layout.rows]
    if not isinstance(keys, list) or len(keys) < 2 or not all(isinstance(k, str) and k in order for k in keys):
        return []
    first = order.index(keys[0])
    return list(keys) if order[first : first + len(keys)] == list(keys) else []


def outcome_label_breaks(layout: Table3Layout, data: Mapping[str, Any]) -> set[str]:
    """The outcome rows where a report printed its 三、本年度办理结果 cell anew (``outcome_label_breaks``): keys of
    outcome rows after the first; anything else is left out (the check names it)."""
    keys = data.get("outcome_label_breaks")
    outcome = [r.key for r in layout.rows if r.level > 0]
    if not isinstance(keys, list):
        return set()
    return {k for k in keys if isinstance(k, str) and k in outcome[1:]}


def table_block(layout: Table3Layout, columns: Mapping[str, Mapping[str, Any]], ctx: SectionContext) -> Table:
    """Table 三 exactly as the format lays it out: a 3-row header under the note cell, 3 label columns, 7 data
    columns, the tall 三、本年度办理结果 and group labels set vertically (and the rows a report printed with their
    numbers merged, ``merged_rows``, merged so: the first row's numbers span the others)."""
    data = ctx.data
    merged = merged_rows(layout, data)
    breaks = outcome_label_breaks(layout, data)
    rows: list[list[Cell]] = [
        [
            Cell(lab.printed(data, NOTE_KEY, TABLE3_NOTE), colspan=3, rowspan=3, align="left"),
            Cell(lab.printed(data, "applicants", TABLE3_APPLICANTS), colspan=7),
        ],
        [
            Cell(lab.printed(data, APPLICANT_COLUMNS[0].key, APPLICANT_COLUMNS[0].label), rowspan=2),
            Cell(lab.printed(data, "organisations", TABLE3_ORGANISATIONS), colspan=5),
            Cell(lab.printed(data, TOTAL_COLUMN.key, TOTAL_COLUMN.label), rowspan=2),
        ],
        [Cell(lab.printed(data, col.key, col.label)) for col in APPLICANT_COLUMNS[1:]],
    ]
    seen_groups: set[str] = set()
    first_outcome = True
    for row in layout.rows:
        cells: list[Cell] = []
        label = _label(ctx.data, row)
        if row.level == 0:
            cells.append(Cell(label, colspan=3))
        else:
            if first_outcome or row.key in breaks:  # 三、本年度办理结果, over the rows to the next break or the end
                following = [r.key for r in layout.rows[layout.rows.index(row) :] if r.level > 0]
                span = next((i for i, k in enumerate(following[1:], start=1) if k in breaks), len(following))
                outcomes = lab.printed(data, OUTCOMES_KEY, TABLE3_OUTCOMES)
                cells.append(Cell(outcomes, rowspan=span, vertical=True, align="center"))
                first_outcome = False
            if row.group is None:
                cells.append(Cell(label, colspan=2))
            else:
                if row.group not in seen_groups:
                    seen_groups.add(row.group)
                    span = sum(1 for r in layout.rows if r.group == row.group)
                    group = lab.printed(data, row.group, GROUP_LABELS[row.group])
                    cells.append(Cell(group, rowspan=span, vertical=True, align="center"))
                cells.append(Cell(label))
        if merged and row.key == merged[0]:
            cells += [replace(c, rowspan=len(merged)) for c in _numbers(columns, row.key, ctx.data)]
        elif row.key not in merged[1:]:
            cells += _numbers(columns, row.key, ctx.data)
        rows.append(cells)
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
        used = layout_of(ctx.data, layout)
        columns = table_values(used, ctx.data)
        return part_blocks(ctx, [table_block(used, columns, ctx)])

    return build


# ------------------------------------------------------------------------------------------------------ checks
def check_for(layout: Table3Layout) -> Callable[[SectionContext], list[Problem]]:
    def check(ctx: SectionContext) -> list[Problem]:
        check_table3(ctx, layout_of(ctx.data, layout))
        check_layout(ctx, layout)
        return []

    return check


def _short(layout: Table3Layout, key: str) -> str:
    """A row named briefly for a list: ``（一）予以公开``, ``（二）部分公开``, ``（三）1.属于国家秘密``."""
    row = layout.row(key)
    label = row.label.split("（区分处理的")[0]
    return (GROUP_LABELS[row.group][:3] if row.group else "") + label


def _where(col_label: str, layout: Table3Layout, row: str) -> str:
    return f"{TABLE_NAME}“{col_label}”列“{layout.path(row)}”"


def check_layout(ctx: SectionContext, default: Table3Layout) -> None:
    """``layout`` and ``labels``: the published table's own rows and wording, accepted and pointed out."""
    chosen = ctx.data.get("layout")
    used = layout_of(ctx.data, default)
    if chosen is not None and (not isinstance(chosen, str) or chosen not in VARIANTS):
        ctx.error(
            "gb2021.table3.layout",
            f"{TABLE_NAME}的行式 layout 只能是 {'、'.join(sorted(VARIANTS))}",
            "layout",
            expected="、".join(sorted(VARIANTS)),
            found=chosen,
        )
    elif used is not default:
        ctx.warning(
            "gb2021.table3.layout",
            f"{TABLE_NAME}用的是{chosen}年格式的行（“（六）其他处理”的分行不同），与报告格式不符",
            "layout",
            expected=next(k for k, var in VARIANTS.items() if var.table3 is default),
            found=chosen,
        )
    known = {r.key for r in used.rows}
    for col in DATA_COLUMNS:
        column = v.get(ctx.data, col.key)
        if not isinstance(column, Mapping):
            continue
        for key in column:
            if key not in known:
                ctx.error(
                    "gb2021.table3.layout",
                    f"{TABLE_NAME}“{col.label}”列的“{key}”不是本表的行（表三为 {chosen or '报告格式'} 的行式）；"
                    "若原表是另一种行式，请写 layout",
                    f"{col.key}.{key}",
                    expected="、".join(r.key for r in used.rows[:3]) + "…",
                    found=key,
                )
    lab.check(ctx, labels_of(used))


def _blank_summary(layout: Table3Layout, blanks: dict[str, list[str]], labels: dict[str, str]) -> str:
    parts = []
    for col, rows in blanks.items():
        if len(rows) == len(layout.entered_rows):
            parts.append(f"“{labels[col]}”整列")
        else:
            shown = "、".join(layout.row(r).label for r in rows[:4]) + ("等" if len(rows) > 4 else "")
            parts.append(f"“{labels[col]}”列{len(rows)}格（{shown}）")
    return "；".join(parts)


def check_table3(ctx: SectionContext, layout: Table3Layout) -> None:
    """The format's hard rules (ERROR) and blank cells (one WARNING for the table)."""
    data = ctx.data
    all_columns = (*APPLICANT_COLUMNS, TOTAL_COLUMN)
    # counts are non-negative integers
    for col in all_columns:
        column = v.get(data, col.key) or {}
        for row in layout.rows:
            value = v.get(column, row.key)
            v.check_count_cell(
                ctx, value, "gb2021.table3.count", _where(col.label, layout, row.key), f"{col.key}.{row.key}"
            )
    # blank cells print blank; one warning for the whole table, naming the blank columns and rows
    blanks: dict[str, list[str]] = {}
    merged = merged_rows(layout, data)
    typed_merged = data.get("merged_rows")
    if typed_merged is not None and not merged:
        order = "、".join(r.key for r in layout.rows)
        ctx.error(
            "gb2021.table3.layout",
            f"merged_rows 应列出表三中相邻的两行或多行的行键（依次为：{order}），实为 {typed_merged!r}",
            "merged_rows",
            expected="相邻几行的行键",
            found=str(typed_merged),
        )
    elif merged:
        for col in APPLICANT_COLUMNS:  # a covered row blank, or the number the merged cell prints (all 0)
            column = v.get(data, col.key)
            first = v.get(column, merged[0])
            for key in merged[1:]:
                value = v.get(column, key)
                if not v.is_blank(value) and v.number(value) != v.number(first):
                    ctx.error(
                        "gb2021.table3.layout",
                        f"{_where(col.label, layout, key)}与上面的行合并印出（merged_rows），却填了 {v.show(value)}，"
                        f'与合并格所印的 {v.show(first)} 不同：合并的各行照原表写 ""',
                        f"{col.key}.{key}",
                        expected=f'"" 或 {v.show(first)}',
                        found=value,
                    )
        names = "、".join(_short(layout, k) for k in merged)
        ctx.warning(
            "gb2021.table3.merged",
            f"{TABLE_NAME}把{names}的数字合并成一格印出（照原样排印）；格式要求每行单独填写，读者看不出这几行各是多少",
            "merged_rows",
            expected="每行一个数",
            found=f"{len(merged)} 行合并",
        )
    for col in APPLICANT_COLUMNS:
        column = v.get(data, col.key)
        rows = [r.key for r in layout.entered_rows if v.is_blank(v.get(column, r.key)) and r.key not in merged[1:]]
        if rows:
            blanks[col.key] = rows
    given_total = v.get(data, TOTAL_COLUMN.key)
    if isinstance(given_total, Mapping):
        rows = [
            r.key
            for r in layout.rows
            if r.key in given_total and v.is_blank(given_total.get(r.key)) and r.key not in merged[1:]
        ]
        if rows:
            blanks[TOTAL_COLUMN.key] = rows
    if blanks:
        labels = {c.key: c.label for c in DATA_COLUMNS}
        count = sum(len(r) for r in blanks.values())
        first = next(iter(blanks))
        ctx.warning(
            "gb2021.table3.missing",
            f"{TABLE_NAME}有 {count} 格没有数字（空白或印作“/”），照原样排印："
            f"{_blank_summary(layout, blanks, labels)}；读者无法区分空白与 0，若为 0 请填写 0",
            first if first in data else "",
            expected="每格一个数",
            found=f"空白 {count} 格",
        )
    effective = table_values(layout, data)  # the total column as typed, where typed
    # a 总计 cell typed blank on a row whose applicant cells hold numbers: the total the reader needs is missing
    if isinstance(given_total, Mapping):
        missing = {}
        for row in layout.rows:
            if row.key in given_total and v.is_blank(given_total.get(row.key)):
                summed_row = v.add(effective[c.key][row.key] for c in APPLICANT_COLUMNS)
                if summed_row:
                    missing[row.key] = summed_row
        if missing:
            shown = "、".join(f"{_short(layout, k)}（应为 {v.show(n)}）" for k, n in list(missing.items())[:4])
            ctx.warning(
                "gb2021.table3.blank-total",
                f"{TABLE_NAME}“总计”列有 {len(missing)} 行空白，而这些行的申请人各列有数：{shown}"
                + ("等" if len(missing) > 4 else "")
                + "；总计列照原样排为空白，请填写",
                f"{TOTAL_COLUMN.key}.{next(iter(missing))}",
                expected="总计＝六个申请人列之和",
                found=f"空白 {len(missing)} 行",
            )
    # （七）总计 = the outcome rows, where the author typed it (not when every outcome row of the column is blank:
    # a sum of nothing is no number to compare, and a blank 总计 with numbers beside it is reported above)
    for col in all_columns:
        given = v.get(v.get(data, col.key), "total_processed")
        if not v.is_number(given):
            continue
        outcome_sum = v.add(effective[col.key][r.key] for r in layout.outcome_rows)
        if outcome_sum is None:
            continue
        summed = v.number(outcome_sum)
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
        values = {k: v.number(x) for k, x in effective[col.key].items()}
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
            summed = v.number(v.add(effective[c.key][row.key] for c in APPLICANT_COLUMNS))
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
        table="表三",
    )


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    for key in sorted(VARIANTS):
        register(section_for(key))
