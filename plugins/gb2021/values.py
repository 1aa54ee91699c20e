"""Reading the numbers of a table cell: a number, a number written as text, or blank — printed as published.

Published reports leave cells blank, and a reader cannot tell a blank from a zero, so blank is kept apart from 0
all the way: in the data model a blank cell is ``None`` (``null`` in the JSON), the PDF prints it blank, and the
checks warn once per table.  A cell is blank when its key is left out or written ``""``.  A number is printed
exactly as typed: ``12.345678`` keeps its six decimals, and a string of digits (``"7545.00"``) keeps even its
trailing zeros, or the plus sign a 本年增/减 printed (``"+2"``).  A unit or measure word typed after the number
(``"251000元"``, ``"2笔"``, :data:`compiler.model.schema.CELL_UNITS`) is printed with it; the arithmetic uses the
number.  For arithmetic (sums, balances) a blank counts as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from compiler.model.refs import fmt_number
from compiler.model.schema import CELL_MONEY_UNITS, CELL_NONE_MARK, CELL_NUMBER, CELL_SEVERAL_NUMBERS, is_cell_text

#: a sign said in words, as a 本年增/减 cell may print it: "减11" is -11, "增2" is +2
_SIGN_WORDS = {"增": "+", "减": "-"}


def is_numeric_text(value: Any) -> bool:
    return isinstance(value, str) and CELL_NUMBER.fullmatch(value.strip()) is not None


def unit(value: Any) -> str | None:
    """The unit or measure word typed in a cell after its number (``"2笔"`` → ``"笔"``), else ``None``."""
    m = CELL_NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    return m.group("u") if m else None


def is_money_unit(text: str | None) -> bool:
    return text in CELL_MONEY_UNITS


def unit_conflict(value: Any, kind: str, column_unit: str | None) -> str | None:
    """Why the unit typed in a cell contradicts its column, or ``None``: a money unit in a count column, a measure
    word in an amount column, or 元 where the column is in 万元 (``column_unit``; ``None`` when the header names
    no unit)."""
    typed = unit(value)
    if typed is None:
        return None
    if kind == "money":
        if not is_money_unit(typed):
            return f"金额栏写了量词“{typed}”"
        if column_unit and typed != column_unit:
            return f"单位“{typed}”与本列的单位“{column_unit}”不符"
        return None
    if is_money_unit(typed):
        return f"件数栏写了金额单位“{typed}”"
    return None


def several_numbers_warning(ctx: Any, value: Any, where: str, keypath: str) -> bool:
    """``gb2021.cell.several-numbers`` when a cell was printed with several numbers in it ("0 0 0"); says whether."""
    if not is_several_numbers(value):
        return False
    ctx.warning(
        "gb2021.cell.several-numbers",
        f"{where}一格里印了几个数“{value.strip()}”：照原样排印，不计入合计；每格只能填一个数",
        keypath,
        expected="一个数",
        found=value.strip(),
    )
    return True


def check_count_cell(ctx: Any, value: Any, rule: str, where: str, keypath: str) -> None:
    """A count cell of table 三 or 四 (``ctx`` is the section's context): blank, or a non-negative whole number —
    else ``rule`` — and a unit printed with it must be 件 (``gb2021.cell.unit``); several numbers printed in the
    cell are warned (``gb2021.cell.several-numbers``)."""
    if several_numbers_warning(ctx, value, where, keypath):
        return
    if not is_blank(value) and not is_count(value):
        ctx.error(rule, f"{where}应为非负整数（件数）", keypath, expected="非负整数", found=value)
    elif why := unit_conflict(value, "count", "件"):
        ctx.warning("gb2021.cell.unit", f"{where}印作“{value}”：{why}", keypath, expected="件", found=unit(value))


def is_blank(value: Any) -> bool:
    """Left out, written ``""`` (printed blank), or a mark printed instead of a number (``"/"``, ``"—"``, printed as
    typed): no number either way."""
    return value is None or (isinstance(value, str) and (not value.strip() or is_none_mark(value)))


def is_none_mark(value: Any) -> bool:
    """A cell printed "/" or "—" instead of a number (西安市高陵区行政审批服务局 2021): shown as typed, counted
    blank."""
    return isinstance(value, str) and CELL_NONE_MARK.fullmatch(value) is not None


def is_several_numbers(value: Any) -> bool:
    """A cell printed with several numbers in it ("0 0 0"): shown as typed, no number for the sums."""
    return isinstance(value, str) and CELL_SEVERAL_NUMBERS.fullmatch(value) is not None


def is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or is_numeric_text(value)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, str):
        m = CELL_NUMBER.fullmatch(value.strip())
        if m is None:
            return Decimal(value.strip())
        return Decimal(_SIGN_WORDS.get(m["s"], m["s"]) + m["n"])
    return Decimal(str(value))


def is_count(value: Any) -> bool:
    """A non-negative whole number (``3``, ``3.0`` or ``"3"``)."""
    return is_number(value) and _decimal(value) >= 0 and _decimal(value) == _decimal(value).to_integral_value()


def is_signed_count(value: Any) -> bool:
    return is_number(value) and _decimal(value) == _decimal(value).to_integral_value()


def is_money(value: Any) -> bool:
    return is_number(value) and _decimal(value) >= 0


def number(value: Any) -> int | float:
    """A cell's value for arithmetic: blank (or not a number at all) counts as 0."""
    if not is_number(value):
        return 0
    d = _decimal(value)
    return int(d) if d == d.to_integral_value() else float(d)


def cell(value: Any) -> int | float | None:
    """A cell's value in the data model: ``None`` when blank, else the number."""
    return None if not is_number(value) else number(value)


def add(values: Iterable[Any]) -> int | float | None:
    """The sum of cells, blanks counting 0; ``None`` when every cell is blank (a sum of nothing printed)."""
    found = [number(x) for x in values if is_number(x)]
    return sum(found) if found else None


def get(data: Mapping[str, Any] | None, key: str) -> Any:
    return data.get(key) if isinstance(data, Mapping) else None


def show(value: Any) -> str:
    """The printed form: exactly as typed — integers without a point, decimals with every digit typed, a
    string of digits verbatim; blank stays blank."""
    if isinstance(value, str):
        return value.strip() if is_cell_text(value) else ""
    if not is_number(value):
        return ""
    return fmt_number(Decimal(str(value)))


def printed(typed: Any, value: Any) -> str:
    """A table cell as published, one rule for tables 二, 三 and 四: what the author typed when it is text ("2件",
    "+2", "/", a blank ""), otherwise the cell's value (as typed, or computed for a total the report left out)."""
    return show(typed) if isinstance(typed, str) else show(value)
