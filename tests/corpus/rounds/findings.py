"""Maintainers' tool for held-out rounds: what gongkai reports on some transcriptions, one finding a line.

    python tests/corpus/rounds/findings.py DIR [SLUG ...]
        For DIR/SLUG/report.toml (every SLUG folder of DIR when none is named): "SLUG rule|keypath message".
        The findings a cut copy always brings (a part or the signature missing, half-width punctuation, a fee
        never stated) are left out unless --all is given.

    python tests/corpus/rounds/findings.py --drift
        Over the whole corpus (tests/corpus): every finding gongkai reports that expected.json does not list
        (NEW) and every expected finding no longer reported (LOST) — run after writing a rule, before labelling.

Not a test; reads only the files named; writes nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from compiler.build import check_report  # noqa: E402

ROUTINE = {"hygiene.punctuation", "input.missing-part", "common.no-signature", "legacy.fee.unstated"}


def _problems(path: Path):
    _, problems = check_report(path)
    return [(p.rule, p.source.keypath if p.source else "", p.message) for p in problems]


def show(folder: Path, slugs: list[str], everything: bool) -> None:
    slugs = slugs or sorted(p.name for p in folder.iterdir() if (p / "report.toml").is_file())
    for slug in slugs:
        for rule, keypath, message in _problems(folder / slug / "report.toml"):
            if everything or rule not in ROUTINE:
                print(f"{slug} {rule}|{keypath} {message[:160]}")


def drift() -> None:
    corpus = ROOT / "tests" / "corpus"
    for report in sorted(p for p in corpus.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((report / "expected.json").read_text(encoding="utf-8"))
        wanted: Counter[tuple[str, str]] = Counter()
        for f in expected["findings"]:
            wanted[(f["rule"], f["keypath"])] += f.get("count", 1)
        problems = _problems(report / "report.toml")
        found = Counter((rule, keypath) for rule, keypath, _ in problems)
        messages = {(rule, keypath): message for rule, keypath, message in problems}
        for key in found - wanted:
            print(f"NEW  {report.name} {key[0]}|{key[1]} {messages[key][:160]}")
        for key in wanted - found:
            print(f"LOST {report.name} {key[0]}|{key[1]}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--drift"]:
        drift()
    elif args:
        everything = "--all" in args
        args = [a for a in args if a != "--all"]
        show(Path(args[0]), args[1:], everything)
    else:
        raise SystemExit(__doc__)
