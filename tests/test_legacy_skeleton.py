"""`gongkai init --format legacy` writes a complete skeleton that `gongkai check` accepts."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from compiler.build import check_report
from compiler.cli.skeleton import skeleton_data
from compiler.model.problems import Severity

REPO = Path(__file__).resolve().parent.parent
PARTS = ["overview", "active", "applications", "consultation", "appeals", "staffing", "issues", "other", "tables"]


def test_skeleton_has_every_part_with_examples():
    data = skeleton_data("legacy")
    assert [k for k in data if k in PARTS] == PARTS
    assert data["active"]["total"] == sum(data["active"]["categories"].values())
    assert data["applications"]["received"] == sum(data["applications"]["outcomes"].values())
    assert "signature" in data and "preamble" in data


def test_init_writes_a_skeleton_that_checks_without_input_errors(tmp_path):
    target = tmp_path / "report.toml"
    command = [sys.executable, "-m", "compiler", "init", str(target)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    tomllib.loads(target.read_text(encoding="utf-8"))
    _, problems = check_report(target)
    errors = [p.format() for p in problems if p.severity >= Severity.ERROR]
    assert errors == []
    assert not [p for p in problems if p.rule.startswith(("input.", "refs."))]
    # The skeleton's own placeholders are meant to be noticed.
    assert "common.placeholder" in {p.rule for p in problems}
