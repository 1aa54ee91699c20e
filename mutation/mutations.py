"""The named mutations: each is a plausible bug (a promise of the README broken in one place) and the tests
that must catch it.  ``old`` must occur exactly once in ``file``; the runner replaces it with ``new``.

Keep each mutation small and realistic — a deleted line, a flipped condition, a dropped set member — and
list only the test files that guard that promise (the run stays a few minutes on two cores).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutation:
    name: str
    area: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


OUTPUT = "compiler/files/output.py"
LINEBREAK = "compiler/render/pdf/typeset/linebreak.py"
ASSEMBLE = "compiler/render/pdf/finish/assemble.py"
ATOMIC = ("tests/test_atomic_writes.py",)
BREAKER = ("tests/test_linebreak.py",)

MUTATIONS: tuple[Mutation, ...] = (
    # --- output writing: "never a partial file, never over an input" ---------------------------------
    Mutation(
        "output.plain-write",
        "output",
        OUTPUT,
        "        fd, tmp = tempfile.mkstemp(",
        "        path.write_bytes(data)  # MUTANT: plain write\n        return\n        fd, tmp = tempfile.mkstemp(",
        ATOMIC,
    ),
    Mutation(
        "output.write-in-place-then-rename",
        "output",
        OUTPUT,
        "fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(target.name), suffix=_TMP_SUFFIX, dir=folder)",
        "fd, tmp = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), str(target)",
        ATOMIC,
    ),
    Mutation(
        "output.debris-left-on-failure",
        "output",
        OUTPUT,
        "        os.unlink(tmp)",
        "        pass",
        ATOMIC,
    ),
    Mutation(
        "output.no-fsync",
        "output",
        OUTPUT,
        "            os.fsync(handle.fileno())",
        "            pass",
        ATOMIC,
    ),
    Mutation(
        "output.overwrites-input",
        "output",
        OUTPUT,
        "        if _same(Path(path), Path(source)):",
        "        if False:",
        ("tests/test_cli.py",),
    ),
    Mutation(
        "output.replaces-a-device",
        "output",
        OUTPUT,
        "    if kind is not None:",
        "    if False:",
        ATOMIC,
    ),
    # --- the line breaker ---------------------------------------------------------------------------
    Mutation(
        "linebreak.split-run-ignores-start-rule",
        "linebreak",
        LINEBREAK,
        "no_start = unit_flags & _NO_START if c == s else ch in NO_LINE_START",
        "no_start = unit_flags & _NO_START if c == s else False",
        BREAKER,
    ),
    Mutation(
        "linebreak.no-push",
        "linebreak",
        LINEBREAK,
        "while k > start and (flags[k] & _NO_START or flags[k - 1] & _NO_END):",
        "while False:",
        BREAKER,
    ),
    Mutation(
        "linebreak.no-line-end-rule",
        "linebreak",
        LINEBREAK,
        "while k > start and (flags[k] & _NO_START or flags[k - 1] & _NO_END):",
        "while k > start and flags[k] & _NO_START:",
        BREAKER,
    ),
    Mutation(
        "linebreak.comma-may-start-a-line",
        "linebreak",
        LINEBREAK,
        '    "、。，．：；！？',
        '    "、。．：；！？',
        BREAKER,
    ),
    Mutation(
        "linebreak.no-squeeze",
        "linebreak",
        LINEBREAK,
        "while compress and j < n and flags[j] & _NO_START:",
        "while False:",
        BREAKER,
    ),
    Mutation(
        "linebreak.no-justification",
        "linebreak",
        LINEBREAK,
        "                gap = slack / stretchable",
        "                gap = 0.0",
        BREAKER,
    ),
    Mutation(
        "linebreak.ellipsis-may-start",
        "linebreak",
        LINEBREAK,
        'flags = _NO_START if ch == "…" else 0',
        "flags = 0",
        BREAKER,
    ),
    # --- the checks -------------------------------------------------------------------------------
    Mutation(
        "checks.legacy-category-sum-off",
        "checks",
        "plugins/legacy/active.py",
        "    if categories and category_sum != stated:",
        "    if False:",
        ("tests/test_example_seed.py",),
    ),
    Mutation(
        "checks.doubled-punctuation-off",
        "checks",
        "plugins/common/punctuation.py",
        "def punctuation_problems(report: Report) -> list[Problem]:\n",
        "def punctuation_problems(report: Report) -> list[Problem]:\n    return []\n",
        ("tests/test_example_seed.py", "tests/test_common_checks.py"),
    ),
    Mutation(
        "checks.gb2021-table3-balance-off",
        "checks",
        "plugins/gb2021/applications.py",
        "        if incoming != outgoing:",
        "        if False:",
        ("tests/test_gb2021_checks.py",),
    ),
    Mutation(
        "checks.hygiene-keeps-half-width-comma",
        "checks",
        "compiler/source/hygiene.py",
        '_HALF_TO_FULL = {",": "，", ',
        "_HALF_TO_FULL = {",
        ("tests/test_hostile_properties.py",),
    ),
    # --- finishing ----------------------------------------------------------------------------------
    Mutation(
        "finish.id-from-the-clock",
        "finish",
        ASSEMBLE,
        "digest = hashlib.md5(head + trailer).hexdigest().encode()",
        "digest = hashlib.md5(head + trailer + repr(__import__('time').time()).encode()).hexdigest().encode()",
        ("tests/test_determinism.py", "tests/test_finish.py"),
    ),
    Mutation(
        "finish.page-numbers-restart",
        "finish",
        ASSEMBLE,
        "        slot.page_number = first_number + i",
        "        slot.page_number = 1 + i",
        ("tests/test_finish.py", "tests/test_extract.py"),
    ),
    Mutation(
        "finish.rotation-kept",
        "finish",
        ASSEMBLE,
        "            page.transfer_rotation_to_content()",
        "            pass",
        ("tests/test_finish.py", "tests/test_attachments.py"),
    ),
)
