"""Times of the README's hostile-input claims ("unknown-section errors in < 1 s", "a 229-page PDF in
seconds", a 10 MB file refused at once): ``.venv/bin/python -m bench.hostile``.

The tests (tests/test_hostile_limits.py) check only what these inputs produce, with one generous bound that
catches a hang; the speed claims are measured here, on the machine that makes them, and printed beside the
claim.  Exit status 1 when a measured time exceeds its claim.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from bench.cases import SEED, _load
from compiler.build import build, check_report
from compiler.model.problems import ReportError

#: The seed report (every part present, so a build goes all the way), whose parts the cases replace.
_BASE: dict[str, Any] = _load(SEED)


def _write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _timed(action: Callable[[], object], *, may_fail: bool) -> float:
    started = time.perf_counter()
    try:
        action()
    except ReportError:
        if not may_fail:
            raise
    return time.perf_counter() - started


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unknown = _write(folder, "unknown.toml", {**_BASE, **{f"part{i}": {"text": "x"} for i in range(5000)}})
        huge = _write(folder, "huge.toml", {**_BASE, "overview": {"text": "政府信息公开工作，" * (10_000_000 // 27)}})
        items = [{"heading": "小标题。", "text": f"第{i}项。"} for i in range(5000)]
        many = _write(folder, "items.toml", {**_BASE, "overview": {"text": "概述。", "items": items}})
        claims = [
            ("5,000 unknown sections: check", 1.0, True, lambda: check_report(unknown)),
            ("10 MB file refused", 1.0, True, lambda: check_report(huge)),
            ("5,000 items: check", 5.0, False, lambda: check_report(many)),
            ("5,000 items: build", 30.0, False, lambda: print(f"  ({build(many).pages} pages)")),
        ]
        for name, claim, may_fail, action in claims:
            seconds = _timed(action, may_fail=may_fail)
            over = seconds > claim
            failed |= over
            print(f"{name:34} {seconds:7.2f} s   claim < {claim:g} s   {'OVER' if over else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
