"""``make mutation`` (``.venv/bin/python -m mutation [NAME ...]``): apply each named mutation in
mutation/mutations.py to a copy of the tree, run the tests listed for it, and expect them to fail.

* the copy is the tracked files of the checkout (``git ls-files``) in a temporary folder, plus uncommitted
  changes to them; the checkout itself is never modified;
* first the listed tests run on the unmutated copy and must pass (otherwise a "caught" would mean nothing);
* a mutation is *caught* when pytest exits with 1 (tests failed); any other status (collection error,
  usage error) is reported as *broken* — fix the mutation, do not count it;
* child processes see the copy first (``PYTHONPATH``), so CLI subprocesses run the mutant too.

Exit status 0 when every mutation is caught.  Not part of ``make test`` or CI: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mutation.mutations import MUTATIONS, Mutation

ROOT = Path(__file__).resolve().parent.parent


def copy_tree(dest: Path) -> None:
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    )
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def run_tests(tree: Path, tests: tuple[str, ...]) -> tuple[int, float, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GONGKAI_CACHE_DIR", "CI", "HYPOTHESIS_PROFILE")}
    env["PYTHONPATH"] = str(tree)
    env["HYPOTHESIS_PROFILE"] = "ci"  # derandomised: a mutant is caught (or not) the same way every run
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    return done.returncode, time.perf_counter() - started, tail


def apply(tree: Path, mutation: Mutation) -> str:
    path = tree / mutation.file
    text = path.read_text(encoding="utf-8")
    count = text.count(mutation.old)
    if count != 1:
        raise SystemExit(f"{mutation.name}: expected the text once in {mutation.file}, found it {count} times")
    path.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mutation", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="run only these mutations (default: all)")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if not args.names or m.name in args.names]
    if not chosen:
        parser.error("no such mutation; known: " + ", ".join(m.name for m in MUTATIONS))
    caught = 0
    with tempfile.TemporaryDirectory(prefix="gongkai-mutation-") as tmp:
        tree = Path(tmp)
        copy_tree(tree)
        baseline = tuple(sorted({t for m in chosen for t in m.tests}))
        status, seconds, tail = run_tests(tree, baseline)
        print(f"baseline ({len(baseline)} test files) {'pass' if status == 0 else 'FAIL'}  {seconds:5.1f} s  {tail}")
        if status != 0:
            print("the tests fail without any mutation: nothing to measure", file=sys.stderr)
            return 2
        for mutation in chosen:
            original = apply(tree, mutation)
            try:
                status, seconds, tail = run_tests(tree, mutation.tests)
            finally:
                (tree / mutation.file).write_text(original, encoding="utf-8")
            verdict = {0: "SURVIVED", 1: "caught"}.get(status, f"BROKEN (pytest exit {status})")
            caught += status == 1
            print(f"{mutation.name:42} {verdict:10} {seconds:5.1f} s  {tail}", flush=True)
    print(f"mutation score: {caught}/{len(chosen)} caught")
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
