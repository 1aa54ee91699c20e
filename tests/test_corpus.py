"""The corpus of real published reports (tests/corpus/<slug>/): each transcribed faithfully (report.toml, with its
source address) and its expected findings (expected.json: every finding with its kind — ``defect``, a real error
of the published report, ``oddity``, a departure from the format the tool points out by design, ``consequence``,
the same defect reported again (the 总计 column of an imbalance), ``truncated``/``artefact``, what a stored copy
lacks or may have lost — and the known
defects no check catches, under ``missed``).  The test checks every report, prints the precision/recall table the
README quotes, and fails on a false alarm or on an expected finding that is no longer reported.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from compiler.build import build, check_report

CORPUS = Path(__file__).resolve().parent / "corpus"
REPORTS = sorted(p for p in CORPUS.iterdir() if (p / "report.toml").is_file())


def _findings(path: Path) -> Counter[tuple[str, str]]:
    _, problems = check_report(path)
    return Counter((p.rule, p.source.keypath if p.source else "") for p in problems)


def _describe(report: Path) -> tuple[str, str]:
    """("organ year", "level, format[, truncated copy]") from the transcription's header comment."""
    head = (report / "report.toml").read_text(encoding="utf-8").split("\nformat = ", 1)[0]
    # the organ's note in brackets may hold brackets of its own ("……各区(县级市)政府……"); the comment may wrap
    # between level and format ("level: city (the store's\n#   header; …)  format: 2021")
    described = r"^# organ: ([^\s（(]+)(?:\s*[（(][\s\S]*?)?\s+year: (\d+)(?:\s|#)+level: (\w+)(?:.|\n#)*?format: (\w+)"
    m = re.search(described, head, re.M)
    if not m:
        return report.name, ""
    organ, year, level, fmt = m.groups()
    return f"{organ} {year}", f"{level}, {fmt}" + (", truncated copy" if "TRUNCATED" in head else "")


def _counted(findings) -> Counter[tuple[str, str]]:
    """Expected findings by (rule, key path); ``count`` says how many times one entry is reported (default 1)."""
    counted: Counter[tuple[str, str]] = Counter()
    for f in findings:
        counted[(f["rule"], f["keypath"])] += f.get("count", 1)
    return counted


def test_corpus_precision_and_recall(capsys):
    rows = []
    totals = Counter()
    for report in REPORTS:
        expected = json.loads((report / "expected.json").read_text(encoding="utf-8"))
        found = _findings(report / "report.toml")
        wanted = _counted(expected["findings"])
        defects = _counted(f for f in expected["findings"] if f["kind"] == "defect")
        caught = sum((defects & found).values())
        known = sum(defects.values()) + len(expected["missed"])
        false_alarms = sum((found - wanted).values())
        lost = wanted - found
        assert not lost, f"{report.name}: expected findings no longer reported: {dict(lost)}"
        rows.append((*_describe(report), known, caught, false_alarms))
        totals.update({"known": known, "caught": caught, "false": false_alarms})
    with capsys.disabled():
        print("\n| report | level, format | defects known | caught | false alarms |\n|---|---|---|---|---|")
        for name, kind, known, caught, false in rows:
            print(f"| {name} | {kind} | {known} | {caught} | {false} |")
        print(f"| **total** | {len(rows)} reports | {totals['known']} | {totals['caught']} | {totals['false']} |")
    assert totals["false"] == 0
    readme = (CORPUS.parents[1] / "README.md").read_text(encoding="utf-8")
    for name, kind, known, caught, false in rows:  # the README quotes this table: it must not go stale
        assert f"| {name} | {kind} | {known} | {caught} | {false} |" in readme, name
    assert re.search(
        rf"\| \*\*total\*\* \| {len(rows)} reports[^|]*\| {totals['known']} \| {totals['caught']} \| 0 \|", readme
    )


@pytest.mark.parametrize("report", REPORTS, ids=[r.name for r in REPORTS])
def test_corpus_report_rebuilds_as_published(report, tmp_path):
    """Blank cells blank, stated totals as stated, labels as printed: every transcription builds."""
    result = build(report / "report.toml", tmp_path / "out.pdf")
    assert result.pages >= 1  # a truncated copy (贺州 2009: preamble and the start of 一) fits one page


ASSESSED = [r for r in REPORTS if (r / "assessor.md").is_file()]


@pytest.mark.parametrize("report", ASSESSED, ids=[r.name for r in ASSESSED])
def test_blind_assessment_is_reconciled(report):
    """A report with a blind assessment (assessor.md, written from the source text without gongkai): every DEFECT
    it numbers is mapped in expected.json's ``assessor`` — to rules that gongkai reports as defects, to an entry of
    ``missed`` (a defect no check catches: it counts against recall), or as ``disputed`` with the reason the
    corpus labels it otherwise (never silently dropped)."""
    numbered = {
        int(m.group(1))
        for m in re.finditer(r"^(\d+)\. \*\*DEFECT", (report / "assessor.md").read_text(encoding="utf-8"), re.M)
    }
    expected = json.loads((report / "expected.json").read_text(encoding="utf-8"))
    rows = {row["defect"]: row for row in expected["assessor"]}
    assert set(rows) == numbered
    found = {rule for rule, _ in _findings(report / "report.toml")}
    defects = {f["rule"] for f in expected["findings"] if f["kind"] == "defect"}
    assert sum(1 for row in rows.values() if row.get("missed")) <= len(expected["missed"])
    for number, row in rows.items():
        if row.get("missed"):
            continue
        if "disputed" in row:
            assert row["disputed"].strip(), number
            continue
        assert row["rules"], number
        for rule in row["rules"]:
            assert rule in defects and rule in found, (number, rule)


def test_assessor_level_recall_is_quoted():
    """The table above counts findings (a defect reported at two key paths counts twice); counted by the blind
    assessments' own numbering instead — one assessor DEFECT, caught or not — the figure the README also quotes."""
    known = caught = disputed = 0
    for report in ASSESSED:
        for row in json.loads((report / "expected.json").read_text(encoding="utf-8"))["assessor"]:
            if "disputed" in row:
                disputed += 1
                continue
            known += 1
            caught += bool(row.get("rules"))
    line = (
        f"{len(ASSESSED)} blind-assessed reports: {known} assessor defects, {caught} caught "
        f"({round(100 * caught / known)} %), {disputed} disputed"
    )
    print("\n" + line)
    assert line in (CORPUS.parents[1] / "README.md").read_text(encoding="utf-8")
