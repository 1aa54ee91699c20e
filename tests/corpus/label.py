"""Maintainers' tool for the real-report corpus: the labels in each ``expected.json`` are written with it.

Not a test (pytest collects ``test_*.py`` only) and never run by one; it writes only ``expected.json`` files and
the README's corpus table.  Run from the repository root with the project's Python:

    python tests/corpus/label.py new SLUG LABELS.json
        Write SLUG/expected.json from gongkai's current findings on SLUG/report.toml and hand labels: LABELS.json
        is {"source": "...", "labels": {"rule|keypath": [kind, reason]}, "default": {"rule": [kind, reason]},
        "missed": [{"keypath": ..., "reason": ...}], "assessor": [{"defect": N, "rules": [...]} | {"defect": N,
        "missed": true} | {"defect": N, "disputed": "why"}]}.  Every finding must get a label (else it stops).

    python tests/corpus/label.py caught SLUG N RULE KEYPATH [KIND]
        A rule now catches the assessor's DEFECT N of SLUG: its ``missed`` entry (the one whose reason names
        "盲评 N") becomes a finding (RULE, KEYPATH, KIND — default "defect" — with the same reason), and the
        assessor row N maps to [RULE].

    python tests/corpus/label.py add SLUG RULE KEYPATH KIND REASON
        A finding the labels did not have yet (a rule written later reports something the readings did not list, or
        reports one defect a second time): appended to SLUG's findings as it is; the assessor rows are not touched.

    python tests/corpus/label.py table
        Replace the README's corpus table, and the assessor-level figure below it, with what tests/test_corpus.py
        prints.

Kinds: defect (the publisher's error), consequence (the same defect reported again), oddity (a departure the tool
points out by design), truncated (what a stored page copy lacks), artefact (what the copy may have lost).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parents[1]
KINDS = ("defect", "consequence", "oddity", "truncated", "artefact")


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def new(slug: str, labels_file: str) -> None:
    sys.path.insert(0, str(ROOT))
    from compiler.build import check_report

    labels = json.loads(Path(labels_file).read_text(encoding="utf-8"))
    _, problems = check_report(CORPUS / slug / "report.toml")
    findings = []
    for p in problems:
        keypath = p.source.keypath if p.source else ""
        label = labels["labels"].get(f"{p.rule}|{keypath}") or labels["default"].get(p.rule)
        if not label:
            raise SystemExit(f"没有标注：{p.rule}|{keypath}：{p.message}")
        kind, reason = label
        if kind not in KINDS:
            raise SystemExit(f"未知的类别 {kind}（{p.rule}|{keypath}）")
        findings.append({"rule": p.rule, "keypath": keypath, "kind": kind, "reason": reason})
    missed = [{"rule": "(none)", **m} for m in labels["missed"]]
    _write(
        CORPUS / slug / "expected.json",
        {"source": labels["source"], "findings": findings, "missed": missed, "assessor": labels["assessor"]},
    )
    print(f"{slug}: {len(findings)} findings, {len(missed)} missed")


def caught(slug: str, number: str, rule: str, keypath: str, kind: str = "defect") -> None:
    path = CORPUS / slug / "expected.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    named = re.compile(rf"盲评\s*{int(number)}(?!\d)")
    [entry] = [m for m in data["missed"] if named.search(m["reason"])]
    data["missed"].remove(entry)
    data["findings"].append({"rule": rule, "keypath": keypath, "kind": kind, "reason": entry["reason"]})
    for row in data["assessor"]:
        if row["defect"] == int(number):
            row.pop("missed", None)
            row["rules"] = [rule]
    _write(path, data)
    print(f"{slug}: DEFECT {number} → {rule} at {keypath}")


def add(slug: str, rule: str, keypath: str, kind: str, reason: str) -> None:
    if kind not in KINDS:
        raise SystemExit(f"未知的类别 {kind}")
    path = CORPUS / slug / "expected.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"].append({"rule": rule, "keypath": keypath, "kind": kind, "reason": reason})
    _write(path, data)
    print(f"{slug}: + {rule} at {keypath} ({kind})")


def table() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "tests/test_corpus.py::test_corpus_precision_and_recall"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ") and not line.startswith("| report")]
    readme = ROOT / "README.md"
    lines = readme.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| report | level, format | defects known"))
    end = start + 2
    while end < len(lines) and lines[end].startswith("| "):
        end += 1
    lines[start + 2 : end] = rows
    text = "\n".join(lines) + "\n"
    run = subprocess.run(  # the assessor-level figure below the table
        [sys.executable, "-m", "pytest", "-q", "-s", "tests/test_corpus.py::test_assessor_level_recall_is_quoted"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    [figure] = [line for line in run.stdout.splitlines() if "blind-assessed reports:" in line][:1]
    text = re.sub(r"\d+ blind-assessed reports: \d+ assessor defects, \d+ caught \(\d+ %\), \d+ disputed", figure, text)
    readme.write_text(text, encoding="utf-8")
    print(rows[-1])
    print(figure)


if __name__ == "__main__":
    commands = {"new": new, "caught": caught, "add": add, "table": table}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
