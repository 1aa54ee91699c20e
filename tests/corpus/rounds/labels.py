"""Maintainers' tool for held-out rounds: write a round's ``expected.json`` files from one labels file.

    python tests/corpus/rounds/labels.py SPEC.py [SLUG ...]

SPEC.py is Python that defines ``S = {slug: {...}}``; for each report (every slug of ``S`` unless some are named):

- ``"L"``: ``{"rule|keypath" or "rule": (kind, reason)}`` — the label of each finding gongkai reports now;
- ``"M"``: ``{substring of the message: (kind, reason)}`` — for findings of one rule and key path that need
  different labels (the "<" and ">" of one title in 《》); tried first;
- ``"missed"``: ``[(keypath, reason)]`` — assessor defects no check catches, each reason naming "盲评 N";
- ``"disputed"``: ``{N: reason}`` — assessor defects the corpus labels otherwise, with why;
- ``"rows"``: ``{N: [rules]}`` — only where a row's rules are not those whose defect labels name "盲评 N".

The findings a cut copy always brings (a part or the signature missing, a fee never stated, half-width marks) get
their usual labels unless ``L`` says otherwise.  Every finding must get a label and every numbered DEFECT of the
report's ``assessor.md`` a row, or the tool stops and names what is missing.  Unlike ``label.py new`` (one label a
rule and key path), each finding is labelled by itself.  Not a test; writes only the named reports' expected.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CORPUS.parents[1]))

from compiler.build import check_report  # noqa: E402

CUT = ("truncated", "存档页面在此之前截断：缺的部分、署名不在存档里")
ROUTINE = {
    "hygiene.punctuation": ("artefact", "半角标点：存档副本可能做了归一化"),
    "input.missing-part": CUT,
    "common.no-signature": CUT,
    "legacy.fee.unstated": CUT,
}
KINDS = ("defect", "consequence", "oddity", "truncated", "artefact")


def _label(spec: dict, rule: str, keypath: str, message: str) -> tuple[str, str]:
    found = next((v for part, v in spec.get("M", {}).items() if part in message), None)
    found = found or spec["L"].get(f"{rule}|{keypath}") or spec["L"].get(rule) or ROUTINE.get(rule)
    if found is None or found[0] not in KINDS:
        raise SystemExit(f"没有标注或类别不对：{rule}|{keypath} {message[:100]}")
    return found


def _rows(spec: dict, findings: list[dict], assessment: str) -> list[dict]:
    rows = []
    for n in (int(x) for x in re.findall(r"^(\d+)\. \*\*DEFECT", assessment, re.M)):
        if n in spec.get("disputed", {}):
            rows.append({"defect": n, "disputed": spec["disputed"][n]})
            continue
        named = re.compile(rf"盲评\s*{n}(?!\d)")
        rules = spec.get("rows", {}).get(n) or sorted(
            {f["rule"] for f in findings if f["kind"] == "defect" and named.search(f["reason"])}
        )
        if rules:
            rows.append({"defect": n, "rules": rules})
        elif any(named.search(reason) for _, reason in spec.get("missed", [])):
            rows.append({"defect": n, "missed": True})
        else:
            raise SystemExit(f"盲评第 {n} 条没有对应：既没有检查项，也不在 missed 或 disputed 里")
    return rows


def write(slug: str, spec: dict) -> None:
    folder = CORPUS / slug
    source = re.search(r'^transcription = "([^"]+)"', (folder / "report.toml").read_text(encoding="utf-8"), re.M)
    _, problems = check_report(folder / "report.toml")
    findings = []
    for p in problems:
        keypath = p.source.keypath if p.source else ""
        kind, reason = _label(spec, p.rule, keypath, p.message)
        findings.append({"rule": p.rule, "keypath": keypath, "kind": kind, "reason": reason})
    rows = _rows(spec, findings, (folder / "assessor.md").read_text(encoding="utf-8"))
    missed = [{"rule": "(none)", "keypath": k, "reason": r} for k, r in spec.get("missed", [])]
    data = {"source": source[1] if source else "", "findings": findings, "missed": missed, "assessor": rows}
    (folder / "expected.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{slug}: {len(findings)} findings, {len(missed)} missed, {len(rows)} assessor rows")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    namespace: dict = {}
    exec(Path(sys.argv[1]).read_text(encoding="utf-8"), namespace)  # the maintainers' own labels file
    specs = namespace["S"]
    for name in sys.argv[2:] or list(specs):
        write(name, specs[name])
