"""Maintainers' tool for held-out rounds: a round's row of the README's held-out table.

    python tests/corpus/rounds/tally.py MEASURE.txt SLUG ...
        MEASURE.txt is `findings.py --all` run on the round's transcriptions at the commit recorded before any
        change for the round.  For each SLUG (now in tests/corpus, labelled): the assessor's DEFECT rows that are
        not disputed, how many of them were caught at that commit (a rule the row maps to was reported on that
        report then — read the rows it prints: a rule reported then at another place did not catch the defect),
        and how many are caught now.  False alarms are counted by hand (the labels' ``oddity`` / ``defect``
        findings are not false alarms; a finding at the recorded commit that was wrong is).

Not a test; writes nothing.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1]


def main(measure: str, slugs: list[str]) -> None:
    then: dict[str, set[str]] = defaultdict(set)
    for line in Path(measure).read_text(encoding="utf-8").splitlines():
        slug, _, rest = line.partition(" ")
        then[slug].add(rest.split("|", 1)[0])
    total = {"reports": 0, "defects": 0, "then": 0, "now": 0}
    for slug in slugs:
        expected = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
        total["reports"] += 1
        for row in expected["assessor"]:
            if "disputed" in row:
                continue
            total["defects"] += 1
            rules = row.get("rules") or []
            at_head = [r for r in rules if r in then[slug]]
            total["now"] += bool(rules)
            total["then"] += bool(at_head)
            print(f"{slug} #{row['defect']}: now {rules or '-'} then {at_head or '-'}")
    print(total)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
