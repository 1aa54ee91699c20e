"""Reading the numbers of a table cell: present or missing, a count or money, printed how the format wants.

The format expects a number in every cell; published reports often leave cells blank, and a reader cannot tell a
blank from a zero.  So a missing value is *printed* as 0 (never blank) but *reported* by the checks as a warning —
these helpers keep "missing" distinguishable from "0" until the very last step.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from compiler.model.refs import fmt_number


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_count(value: Any) -> bool:
    """A non-negative whole number (``3`` or ``3.0`` — TOML has no way to make the latter by accident)."""
    return is_number(value) and value >= 0 and float(value).is_integer()


def is_signed_count(value: Any) -> bool:
    return is_number(value) and float(value).is_integer()


def is_money(value: Any) -> bool:
    return is_number(value) and value >= 0


def number(value: Any) -> int | float:
    """A cell's value for arithmetic: missing (or not a number at all) counts as 0."""
    if not is_number(value):
        return 0
    return int(value) if float(value).is_integer() else value


def get(data: Mapping[str, Any] | None, key: str) -> Any:
    return data.get(key) if isinstance(data, Mapping) else None


def show(value: Any) -> str:
    """The printed form: integers without a point, decimals as typed (rounded to 4 places), missing as 0."""
    if not is_number(value):
        return "0"
    d = Decimal(str(value))
    if d != d.to_integral_value():
        d = round(d, 4)
    return fmt_number(d)
