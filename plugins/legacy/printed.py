"""The 附表 as a report printed it: ``[[tables.printed]]``, every cell as typed, the rows the format knows checked.

The 2008-era 政府信息公开情况统计表 has its own shape — columns such as 指标名称 | 计量单位 | 年末统计 | 历年累计,
its own row labels, numbering and order ("其中：1．网站公开", "对申请的答复总数", "接受行政诉讼、举报数") — so a
generated 指标 | 数量 table cannot stand for it.  The author types the table as published::

    [[tables.printed]]
    header = ["指标名称", "计量单位", "2011年度", "历年累计"]
    rows = [
      ["主动公开信息数", "条", 425, 1516],
      ["其中：1.网站公开", "条", 418, 1509],
    ]

Cells as :mod:`compiler.model.typed_tables` prints every typed table: strings verbatim, numbers as typed, ``""``
blank.

Rows the format knows are checked against the parts' data in the *year column* — the column of this year's
figures: ``year_column`` (counted from 1) when given, else the first header cell that says 本年, 年末, 统计数 or
本年度的年份 (not 累计).  A row is known by its label, after "其中：" and a leading "1." / "（一）" are taken off:
the fixed labels of :data:`KNOWN` (主动公开信息数 → ``active.total`` …) and the names the report gave its own
counts (``active.channels``, ``active.categories``, ``applications.channels``, ``applications.outcomes``: a row
"其中：1．网站公开" is checked against ``active.channels.网站公开``).  A row whose label is unknown, or whose
data the report does not have, is printed and not checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from compiler.model.document import Table
from compiler.model.schema import Field, table_rows
from compiler.model.sections import SectionContext
from compiler.model.typed_tables import TYPED_TABLE_FIELDS, show, typed_table, width_of
from plugins.common.report import report_year

PRINTED_FIELDS = (
    *TYPED_TABLE_FIELDS,
    Field(
        "year_column",
        "int",
        description="本年度数字所在的列（从 1 数起）；省略时取表头中含“本年”“年末”“统计数”或本年度年份的列",
    ),
)

#: Row labels of the 2008-era 统计表 → the data key they restate (labels compared after :func:`row_label`).
KNOWN: dict[str, str] = {
    "主动公开政府信息数": "active.total",
    "主动公开政府信息总数": "active.total",
    "主动公开信息数": "active.total",
    "主动公开信息总数": "active.total",
    "主动公开文件数": "active.total",
    "收到申请数": "applications.received",
    "受理申请数": "applications.received",
    "受理政府信息公开申请数": "applications.received",
    "受理依申请公开信息总数": "applications.received",
    "行政复议数": "appeals.reviews",
    "申请行政复议数": "appeals.reviews",
    "行政诉讼数": "appeals.lawsuits",
    "提起行政诉讼数": "appeals.lawsuits",
    "行政申诉数": "appeals.complaints",
}

#: The counts tables whose own names are row labels too.
NAMED_COUNTS = ("active.channels", "active.categories", "applications.channels", "applications.outcomes")

_NUMBERED = r"[（(][0-9０-９一二三四五六七八九十]+[）)]|[0-9０-９]+\s*[.．、]|[一二三四五六七八九十]+、"
_LEAD = re.compile(rf"^(?:其中[：:]?)?\s*(?:{_NUMBERED})?\s*")
_YEAR_WORDS = ("本年", "年末", "统计数", "年度统计")


def row_label(text: str) -> str:
    """A printed row label as the checks compare it: no "其中：", no leading number, no spaces."""
    return re.sub(r"\s+", "", _LEAD.sub("", text.strip()))


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", value):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


def tables_of(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    printed = data.get("printed")
    return [t for t in printed if isinstance(t, dict)] if isinstance(printed, list) else []


def build_tables(ctx: SectionContext) -> list[Table]:
    built = [
        typed_table(table, ctx.source(f"printed[{i}]"), f"tables.printed[{i}]")
        for i, table in enumerate(tables_of(ctx.data))
    ]
    return [t for t in built if t is not None]


def year_column(ctx: SectionContext, table: Mapping[str, Any]) -> int | None:
    """The 0-based column of this year's figures: declared, or the first header cell that says so."""
    declared = table.get("year_column")
    if isinstance(declared, int) and not isinstance(declared, bool):
        return declared - 1
    year = report_year(ctx.report.data)
    words = (*_YEAR_WORDS, f"{year}年") if year is not None else _YEAR_WORDS
    for row in table_rows(table.get("header")):
        for c, text in enumerate(row):
            if isinstance(text, str) and "累计" not in text and "上年" not in text and any(w in text for w in words):
                return c
    return None


def _data_value(ctx: SectionContext, label: str) -> tuple[str, Any] | None:
    """The data key a row label restates and its value, when the report has it."""
    data = ctx.report.data
    key = KNOWN.get(label)
    if key is not None:
        part, _, name = key.partition(".")
        table = data.get(part)
        if isinstance(table, dict) and name in table:
            return key, table[name]
        return None
    for where in NAMED_COUNTS:
        part, _, name = where.partition(".")
        counts = (data.get(part) or {}).get(name) if isinstance(data.get(part), dict) else None
        if not isinstance(counts, dict):
            continue
        for own, value in counts.items():
            if row_label(own) == label or row_label(own).removesuffix("数") == label.removesuffix("数"):
                return f"{where}.{own}", value
    return None


def check_tables(ctx: SectionContext) -> None:
    for i, table in enumerate(tables_of(ctx.data)):
        where = f"printed[{i}]"
        header, rows = table_rows(table.get("header")), table_rows(table.get("rows"))
        ncols = width_of(table)
        for h, row in enumerate(header):
            if len(row) != ncols:
                ctx.error(
                    "input.row-length",
                    f"附表表头第{h + 1}行有{len(row)}个单元格，表头最宽的一行有{ncols}列；各行单元格数应相同",
                    f"{where}.header[{h}]",
                    expected=ncols,
                    found=len(row),
                )
        for r, row in enumerate(rows):
            if len(row) != ncols:
                label = row[0] if row and isinstance(row[0], str) else ""
                ctx.error(
                    "input.row-length",
                    f'附表第{r + 1}行“{label}”有{len(row)}个单元格，表头有{ncols}列；空白单元格写 ""',
                    f"{where}.rows[{r}]",
                    expected=ncols,
                    found=len(row),
                )
        _check_values(ctx, table, rows, where)
        _check_units(ctx, header, rows, where)
        _check_number_marks(ctx, rows, where)


#: a row that counts places: "政府信息公开查询点数" (not "查询点受理查询数", which counts enquiries)
_PLACES = re.compile(r"(?:查询点|查阅点|查阅场所|公开点)数$")
#: a row that gives money: "政府信息公开收费减免金额", "收取费用"
_MONEY = re.compile(r"金额|费用|收费额|(?:收取|减免)[^数]*费$")


#: an item number that lost its mark: "其中：1同意公开答复数" beside "2.同意部分公开答复数"
_BARE_NUMBER = re.compile(r"^(?:其中[：:]?)?\s*([0-9０-９]{1,2})(?=[\u4e00-\u9fff])")
#: the marks the other rows number their items with
_MARKED_NUMBER = re.compile(r"^(?:其中[：:]?)?\s*[0-9０-９]{1,2}\s*([.．、])")


def _check_number_marks(ctx: SectionContext, rows: list[list[Any]], where: str) -> None:
    """A row label whose item number lost its 点 ("其中：1同意公开答复数", 平潭综合实验区行政审批局 2016): the row
    reads as "1同意……", and cannot be matched with the data it restates."""
    labels = [(r, row[0]) for r, row in enumerate(rows) if row and isinstance(row[0], str)]
    marks = [m.group(1) for _, label in labels if (m := _MARKED_NUMBER.match(label))]
    mark = max(set(marks), key=marks.count) if marks else "."
    for r, label in labels:
        if m := _BARE_NUMBER.match(label):
            ctx.warning(
                "legacy.tables.number-mark",
                f"附表“{label.strip()}”的序号“{m.group(1)}”后缺了点号（其他各行写“{m.group(1)}{mark}”）",
                f"{where}.rows[{r}][0]",
                expected=f"{m.group(1)}{mark}",
                found=m.group(1),
            )


def _check_units(ctx: SectionContext, header: list[list[Any]], rows: list[list[Any]], where: str) -> None:
    """A count of cases printed in the 附表's 计量单位 column as information items: "行政复议数 | 条" (平潭县劳动和
    社会保障局 2011) — reviews, lawsuits and complaints are counted in 件; an amount of money in anything but 元."""
    column = next((c for row in header for c, cell in enumerate(row) if isinstance(cell, str) and "单位" in cell), None)
    if column is None:
        return
    wrong = []
    money = []
    for r, row in enumerate(rows):
        if not row or not isinstance(row[0], str) or len(row) <= column:
            continue
        key = KNOWN.get(row_label(row[0]), "")
        unit = row[column].strip() if isinstance(row[column], str) else ""
        if key.startswith("appeals.") and unit and unit != "件":
            wrong.append((r, row[0].strip(), unit))
        if _MONEY.search(row[0]) and unit and "元" not in unit:
            money.append((r, row[0].strip(), unit))
        if _PLACES.search(row[0]) and unit in ("件", "条"):  # "政府信息公开查询点数 | 件" (平潭人防办 2011)
            ctx.warning(
                "legacy.tables.unit",
                f"附表“{row[0].strip()}”数的是地点，计量单位却印作“{unit}”；查询点按“个”（或“处”）计",
                f"{where}.rows[{r}][{column}]",
                expected="个",
                found=unit,
            )
    for r, label, unit in money[:1]:  # "政府信息公开收费减免金额 | 条" (平潭综合实验区行政审批局 2016)
        ctx.warning(
            "legacy.tables.unit",
            f"附表“{label}”是金额，计量单位却印作“{unit}”；金额按“元”（或“万元”）计",
            f"{where}.rows[{r}][{column}]",
            expected="元",
            found=unit,
        )
    if wrong:  # one warning for the table, naming its rows
        r, _, unit = wrong[0]
        named = "、".join(f"“{label}”" for _, label, _ in wrong)
        ctx.warning(
            "legacy.tables.unit",
            f"附表{named}的计量单位印作“{unit}”；行政复议、行政诉讼、申诉按“件”计",
            f"{where}.rows[{r}][{column}]",
            expected="件",
            found=unit,
        )


def _check_values(ctx: SectionContext, table: Mapping[str, Any], rows: list[list[Any]], where: str) -> None:
    known = [
        (r, row, found)
        for r, row in enumerate(rows)
        if row and isinstance(row[0], str) and (found := _data_value(ctx, row_label(row[0])))
    ]
    if not known:
        return
    column = year_column(ctx, table)
    ncols = width_of(table)
    if column is None or not 0 <= column < ncols:
        said = f"year_column = {table.get('year_column')} 不在表内（共{ncols}列）" if column is not None else ""
        ctx.warning(
            "legacy.tables.year-column",
            f"无法确定附表哪一列是本年度数字，{said or '表头没有含“本年”“年末”“统计数”或本年度年份的列'}；"
            "请写 year_column（从 1 数起），否则附表中的数字不与各部分核对",
            f"{where}.year_column" if "year_column" in table else f"{where}.header",
        )
        return
    for r, row, (key, value) in known:
        if column >= len(row):
            continue
        typed, stated = _number(row[column]), _number(value)
        if typed is None or stated is None or typed == stated:
            continue
        ctx.warning(
            "legacy.tables.mismatch",
            f"附表第{r + 1}行“{row[0]}”第{column + 1}列为{show(row[column])}，与 {key} = {show(value)} 不一致",
            f"{where}.rows[{r}][{column}]",
            expected=show(value),
            found=show(row[column]),
            details={"key": key},
        )
