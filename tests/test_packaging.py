"""The wheel works outside the repository: styles, fonts and built-in plugins travel as package data.

Builds a wheel, installs it into a fresh virtual environment in a temporary folder (dependencies come from
the package index, as on a user's machine), and builds the seed example there with the installed
``gongkai`` command, far away from this checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nanjiang-2018" / "report.toml"

pytestmark = pytest.mark.slow


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)], cwd=work)
    wheels = list((work / "dist").glob("gongkai-*.whl"))
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])], cwd=work)
    return env_dir


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["GONGKAI_NO_SYSTEM_FONTS"] = "1"
    return env


def test_wheel_carries_styles_fonts_and_plugins(installed: Path, tmp_path: Path):
    out = run([str(installed / "bin" / "gongkai"), "plugins", "--json"], cwd=tmp_path, env=clean_env())
    rows = json.loads(out.stdout)
    legacy_sections = sorted(s for row in rows for s in row["sections"] if s.startswith("legacy:"))
    # the nine parts of the 青岛 sample, the 2008 条例's own fee part, and up to five parts of a report's own
    assert legacy_sections == [
        f"legacy:{k}"
        for k in sorted(
            (
                "overview",
                "active",
                "applications",
                "consultation",
                "fee",
                "appeals",
                "staffing",
                "issues",
                "other",
                "extra",
                "extra_2",
                "extra_3",
                "extra_4",
                "extra_5",
                "tables",
            )
        )
    ]
    assert all(row["origin"] == "built-in" for row in rows)
    style = run([str(installed / "bin" / "gongkai"), "style", "--print"], cwd=tmp_path, env=clean_env())
    assert str(ROOT) not in style.stdout  # resolved from the installed package, not this checkout


def test_installed_command_builds_the_example_outside_the_repository(installed: Path, tmp_path: Path):
    shutil.copy(EXAMPLE, tmp_path / "report.toml")
    result = run([str(installed / "bin" / "gongkai"), "build", "report.toml"], cwd=tmp_path, env=clean_env())
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF-")
    assert "页" in result.stdout
