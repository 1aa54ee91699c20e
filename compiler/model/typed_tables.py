"""A table typed as it was printed: a caption, header rows and body rows, every cell verbatim.

Sections use it for the tables a report prints of its own — the legacy 附表 (``[[tables.printed]]``) and a table
inside any part (``[[<part>.tables]]``, e.g. a 信息处理费 table in part 六)::

    [[other.tables]]
    caption = "信息处理费收取情况"             # optional
    header = ["", "通知收取件数", "实际收取金额（元）"]
    rows = [["信息处理费收取情况", 0, 0]]

Strings are printed verbatim, numbers as typed (``"7545.00"`` as a string keeps its zeros), ``""`` is a blank
cell; short rows are filled with blank cells to the widest row.  The table goes through the same table machinery
as every other table: widths by content, numbers right-aligned, the header rows repeated on every page.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from compiler.model.document import Cell, SourceRef, Table
from compiler.model.refs import fmt_number
from compiler.model.schema import Field, table_rows

TYPED_TABLE_FIELDS: tuple[Field, ...] = (
    Field("caption", "str", description="表题（可省略；原表无表题时不写）"),
    Field(
        "header",
        "rows",
        required=True,
        description="表头：一行写成一个数组，多行写成数组的数组；照原样排印",
        example=["指标名称", "计量单位", "本年统计", "历年累计"],
    ),
    Field(
        "rows",
        "rows",
        required=True,
        description='表身各行，每行一个数组：字符串照原样、数值照所写排印，"" 为空白单元格',
        example=[["主动公开政府信息数", "条", 100, 500], ["其中：主动公开规范性文件数", "条", 10, 60]],
    ),
)


def show(value: Any) -> str:
    """A cell as printed: a string verbatim, a number as typed (integers without a point)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_number(Decimal(str(value)))
    return ""


def width_of(table: Mapping[str, Any]) -> int:
    """The number of columns: the widest of the header rows (rows are checked against it)."""
    return max((len(r) for r in table_rows(table.get("header"))), default=0) or max(
        (len(r) for r in table_rows(table.get("rows"))), default=0
    )


def typed_table(table: Mapping[str, Any], source: SourceRef | None, name: str) -> Table | None:
    """The :class:`Table` block of one typed table (``None`` when it has no cells)."""
    header, rows = table_rows(table.get("header")), table_rows(table.get("rows"))
    ncols = max([width_of(table), *(len(r) for r in rows)], default=0)
    if not ncols:
        return None
    cells = [[Cell(show(v)) for v in row] + [Cell("")] * (ncols - len(row)) for row in [*header, *rows]]
    caption = table.get("caption")
    return Table(
        rows=cells,
        widths=[1.0] * ncols,
        header_rows=len(header),
        caption=caption if isinstance(caption, str) else None,
        source=source,
        name=name,
    )
