"""Reading the numbers of a table cell: a number, a number written as text, or blank — printed as published.

Published reports leave cells blank, and a reader cannot tell a blank from a zero, so blank is kept apart from 0
all the way: in the data model a blank cell is ``None`` (``null`` in the JSON), the PDF prints it blank, and the
checks warn once per table.  A cell is blank when its key is left out or written ``""``.  A number is printed
exactly as typed: ``12.345678`` keeps its six decimals, and a string of digits (``"7545.00"``) keeps even its
trailing zeros.  For arithmetic (sums, balances) a blank counts as 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from compiler.model.refs import fmt_number

_NUMERIC = re.compile(r"^-?\d+(?:\.\d+)?(?:万?元)?$")  # a unit typed in the cell is kept as printed


def is_numeric_text(value: Any) -> bool:
    return isinstance(value, str) and bool(_NUMERIC.match(value.strip()))


def is_blank(value: Any) -> bool:
    """Left out, or written ``""``: printed blank."""
    return value is None or (isinstance(value, str) and not value.strip())


def is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or is_numeric_text(value)


def _decimal(value: Any) -> Decimal:
    return Decimal(value.strip().rstrip("万元") if isinstance(value, str) else str(value))


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
        return value.strip() if is_numeric_text(value) else ""
    if not is_number(value):
        return ""
    return fmt_number(Decimal(str(value)))
