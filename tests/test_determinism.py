"""Same input, same bytes — across processes, not just within one.

Each report is built in three separate interpreters that differ in everything that must not matter: the
working folder (and the depth of the report's folder), ``PYTHONHASHSEED`` (set order, dict iteration of
sets of names), and the user cache (cold, warm from the previous build, switched off).  The PDFs must be
byte-identical.  Inputs: the three shipped examples (the 2024 one reads its ``previous`` year) and the seed
with a PDF, a rotated PDF and a PNG attached, so that finishing (merging, stamping, subsets, the /ID) is
covered too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.attachment_files import A4_LANDSCAPE, A4_PORTRAIT, image_bytes, pdf_bytes
from tests.conftest import BUILD_OUTPUTS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _copy_examples(dest: Path) -> None:
    for name in ("nanjiang-2018", "qinglan-data-2023", "qinglan-data-2024"):
        shutil.copytree(EXAMPLES / name, dest / name, ignore=BUILD_OUTPUTS)
    seed = dest / "seed-attached"
    seed.mkdir()
    shutil.copy(EXAMPLES / "nanjiang-2018" / "report.toml", seed / "report.toml")
    (seed / "table.pdf").write_bytes(pdf_bytes([A4_PORTRAIT, A4_LANDSCAPE], marker="TABLE"))
    (seed / "turned.pdf").write_bytes(pdf_bytes([A4_PORTRAIT], rotate=90, marker="TURNED"))
    (seed / "scan.png").write_bytes(image_bytes((800, 600), "PNG"))
    with (seed / "report.toml").open("a", encoding="utf-8") as handle:
        for file, title in (("table.pdf", "统计表"), ("turned.pdf", "横排的附件"), ("scan.png", "扫描件")):
            handle.write(f'\n[[attachments]]\nfile = "{file}"\ntitle = "{title}"\n')


REPORTS = ["nanjiang-2018", "qinglan-data-2024", "seed-attached"]

#: (folder the examples are copied to, working folder relative to it, PYTHONHASHSEED, cache)
RUNS = [
    ("a", ".", "0", "cold"),
    ("b/deeper/still", "nanjiang-2018", "4242", "off"),
    ("a", "qinglan-data-2023", "random", "warm"),  # same cache folder as the first run: now warm
]


def _build(work: Path, run: tuple[str, str, str, str], report: str, cache: Path) -> bytes:
    folder, cwd, hashseed, cache_mode = run
    base = work / folder
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "GONGKAI_NO_CACHE")}
    env["PYTHONHASHSEED"] = hashseed
    env["GONGKAI_NO_SYSTEM_FONTS"] = "1"  # the machine's fonts are not the input
    if cache_mode == "off":
        env["GONGKAI_NO_CACHE"] = "1"
        env.pop("GONGKAI_CACHE_DIR", None)
    else:
        env["GONGKAI_CACHE_DIR"] = str(cache)
    out = work / f"{report}-{folder.replace('/', '_')}-{cache_mode}.pdf"
    source = os.path.relpath(base / report / "report.toml", base / cwd)
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "build", source, "-o", str(out)],
        cwd=base / cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out.read_bytes()


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("determinism")
    for folder in {run[0] for run in RUNS}:
        _copy_examples(work / folder)
    return work


@pytest.mark.parametrize("report", REPORTS)
def test_separate_interpreters_build_the_same_bytes(work: Path, report: str) -> None:
    cache = work / f"cache-{report}"
    builds = [_build(work, run, report, cache) for run in RUNS]
    assert any(cache.rglob("*")), "the cached runs did not use the cache folder"
    digests = [hashlib.sha256(pdf).hexdigest()[:16] for pdf in builds]
    assert len(set(digests)) == 1, dict(zip([f"{r[0]} {r[2]} {r[3]}" for r in RUNS], digests, strict=True))
