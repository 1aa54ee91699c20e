"""The simplified Fandol outlines stay within their recorded error budget (fonts/build.py, "Outline simplification").

fonts/build.py measures every built glyph against the source and fails above the budget; this checks that
the shipped manifest says so, so a build with the check weakened or skipped does not go unnoticed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

MANIFEST = Path(__file__).resolve().parents[1] / "fonts" / "fonts.toml"
SIMPLIFIED = ["GongkaiFangSong-Regular.ttf", "GongkaiKai-Regular.ttf"]
ROUNDING = 0.75  # integer grid: at most half a unit in x and y
# 3号 (16 pt) at 1000 units/em: one unit is 0.0056 mm; a 600-dpi printer dot is 0.042 mm, about 7.5 units.
ONE_DOT_UNITS = 7.5


def entry(filename: str) -> dict:
    with MANIFEST.open("rb") as f:
        fonts = tomllib.load(f)["font"]
    (found,) = [e for e in fonts if e["file"] == filename]
    return found


@pytest.mark.parametrize("filename", SIMPLIFIED)
def test_simplified_outlines_within_budget(filename):
    e = entry(filename)
    assert 0 < e["simplify_tolerance"] < e["outline_budget"]
    assert e["cu2qu_max_error"] <= e["outline_budget"]
    assert 0 < e["outline_max_deviation"] <= e["outline_budget"] + ROUNDING
    assert e["outline_budget"] + ROUNDING < ONE_DOT_UNITS


def test_only_fandol_faces_simplified():
    with MANIFEST.open("rb") as f:
        fonts = tomllib.load(f)["font"]
    assert sorted(e["file"] for e in fonts if "simplify_tolerance" in e) == sorted(SIMPLIFIED)
