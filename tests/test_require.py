"""tests/require.py: a missing dependency skips locally (with its reason in the summary) and fails under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = """
from tests.require import require, requires

def test_function_form():
    require(False, "the frobnicator is not installed")

@requires(False, "no browser here")
def test_decorator_form(tmp_path):
    assert tmp_path.is_dir()

@requires(True, "never shown")
def test_present(tmp_path):
    assert tmp_path.is_dir()
"""


def run_sample(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        # its own --basetemp: the inner run must not prune (or wait on) the outer run's numbered temp folders
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-ra",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'tmp'}",
            "test_sample.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_outside_ci_a_missing_dependency_is_a_visible_skip(tmp_path):
    result = run_sample(tmp_path, None)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 2 skipped" in result.stdout
    assert "the frobnicator is not installed" in result.stdout and "no browser here" in result.stdout


@pytest.mark.parametrize("value", ["true", "1"])
def test_under_ci_a_missing_dependency_fails_with_its_reason(tmp_path, value):
    result = run_sample(tmp_path, value)
    assert result.returncode == 1, result.stdout
    assert "2 failed, 1 passed" in result.stdout
    assert "the frobnicator is not installed" in result.stdout and "no browser here" in result.stdout
