"""The bench runs end to end with the smallest counts and records every figure.  No time is asserted:
the figures of a CI machine mean nothing; that the bench still works does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_writes_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert list(tmp_path.glob("bench-*.json"))

    cases = report["results"]["cases"]
    assert set(cases) == {"seed", "2021", "seed-x2", "seed-x3"}
    for name, case in cases.items():
        for figure in ("wall_s", "cpu_s", "peak_rss_mb", "pdf_bytes"):
            assert case["cold"][figure] > 0, (name, figure)
        for figure in ("wall_s", "cpu_s", "peak_rss_mb", "pages"):
            assert case["warm"][figure] > 0, (name, figure)
    # longer text, more pages and a larger PDF: the synthetic reports really are longer
    assert cases["seed"]["warm"]["pages"] < cases["seed-x2"]["warm"]["pages"] < cases["seed-x3"]["warm"]["pages"]
    assert cases["seed"]["cold"]["pdf_bytes"] < cases["seed-x3"]["cold"]["pdf_bytes"]

    first = report["results"]["first_build"]
    assert first["runs"] == 1 and first["wall_s"] > 0 and first["peak_rss_mb"] > 0

    batch = report["results"]["batch"]
    assert batch["reports"] == 4 and batch["jobs"] == 2
    for figure in (
        "wall_s",
        "cpu_s",
        "reports_per_s",
        "cpu_s_per_report",
        "reports_per_s_if_cpus_idle",
        "peak_rss_mb",
        "pdf_bytes",
    ):
        assert batch[figure] > 0, figure
    for label in ("version", "check-seed"):
        assert report["results"]["startup"][label]["wall_s"] > 0
    assert report["results"]["linearity"]["time_ratio"] > 0

    targets = report["targets"]
    assert set(targets) - {"cold_ratio_vs_typst"} == {
        "cold_seed_wall_s",
        "warm_seed_wall_s",
        "batch_reports_per_s",
        "peak_rss_mb",
        "seed_pdf_bytes",
    }  # time_ratio_100x only when 100× was measured, the ratio to Typst only when Typst is installed
    if "typst" in report["results"]:
        typst = report["results"]["typst"]
        assert typst["cold_ratio"] > 0 and typst["gongkai"]["pdf_bytes"] > 0 and typst["typst"]["pdf_bytes"] > 0
        assert "cold_ratio_vs_typst" in targets and "against Typst" in result.stdout
    assert all(isinstance(t["met"], bool) for t in targets.values())
    for key in ("date", "cpu", "cpus", "python", "reportlab"):
        assert report["machine"][key]
    assert "seed" in result.stdout and "targets:" in result.stdout  # the printed table


def test_bench_hostile_measures_every_readme_claim() -> None:
    """bench/hostile.py times the README's hostile-input claims; here only that it runs and measures them all
    (its exit status says whether this machine meets them, which a shared CI runner need not)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.hostile"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode in (0, 1), result.stderr
    lines = [line for line in result.stdout.splitlines() if "claim <" in line]
    assert len(lines) == 4, result.stdout


def test_the_seed_as_typst_markup() -> None:
    """The bench's Typst version of the seed carries the seed's text and tables (and compiles, when Typst is
    installed, to about as many pages)."""
    from bench import typstside
    from bench.cases import SEED
    from compiler.build import load_and_check
    from compiler.model.document import Paragraph, Table

    markup = typstside.markup(SEED)
    blocks = load_and_check(SEED).blocks or []
    texts = [r.text for b in blocks if isinstance(b, Paragraph) for r in b.runs]
    assert texts and all(typstside._escape(t) in markup for t in texts)
    assert markup.count("#table(") == sum(isinstance(b, Table) for b in blocks)
    try:
        import typst
    except ImportError:
        return
    pdf = typst.compile(markup.encode("utf-8"), font_paths=[str(typstside.FONTS)], ignore_system_fonts=True)
    import io

    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 8  # the seed is 10 pages in gongkai's layout
