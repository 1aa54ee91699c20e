"""mutation/mutations.py stays applicable: every named mutation's text occurs exactly once in its file and
its tests exist.  (Running the mutations is ``make mutation``, not CI; this only catches a stale list.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from mutation.mutations import MUTATIONS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_applies_to_the_tree(mutation):
    text = (ROOT / mutation.file).read_text(encoding="utf-8")
    assert text.count(mutation.old) == 1, f"{mutation.name}: update mutation/mutations.py for {mutation.file}"
    assert mutation.old != mutation.new
    assert mutation.tests and all((ROOT / t).is_file() for t in mutation.tests)


def test_names_are_unique_and_every_area_is_covered():
    names = [m.name for m in MUTATIONS]
    assert len(names) == len(set(names))
    assert {m.area for m in MUTATIONS} == {"output", "linebreak", "checks", "finish"}
