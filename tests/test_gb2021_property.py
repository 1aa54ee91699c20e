"""Property: changing any single typed cell of table 三 in the balanced example breaks a hard rule.

Every cell the author types takes part in its column's balance 一 + 二 = （七） + 四 (一、二 on the left, the 21
outcome rows and 四 on the right), so any change by a non-zero amount must be caught — as an imbalance, or as a
negative count when it goes below zero.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.model.problems import Severity
from plugins.gb2021.tables import APPLICANT_COLUMNS, TABLE3_2021
from tests.gb2021_support import EXAMPLE_2023, EXAMPLE_2024, problems_of

BASE = tomllib.loads(EXAMPLE_2024.read_text(encoding="utf-8"))
BASE["previous"] = str(EXAMPLE_2023)
HARD = {"gb2021.table3.balance", "gb2021.table3.count"}


@settings(max_examples=40, deadline=None)
@given(
    column=st.sampled_from([c.key for c in APPLICANT_COLUMNS]),
    row=st.sampled_from([r.key for r in TABLE3_2021.entered_rows]),
    delta=st.integers(min_value=-20, max_value=20).filter(lambda d: d != 0),
)
def test_single_cell_change_is_a_hard_error(column: str, row: str, delta: int) -> None:
    data = tomllib.loads(tomli_w.dumps(BASE))
    data["applications"][column][row] += delta
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        problems = problems_of(path)
    hard = [p for p in problems if p.rule in HARD and p.severity == Severity.ERROR]
    assert hard, (column, row, delta, [p.format() for p in problems])
    assert any(p.source and p.source.keypath.startswith(f"applications.{column}") for p in hard)
