"""The architecture promises of docs/architecture.md, checked on the tree itself.

- the example PDFs are byte-identical to the recorded golden hashes (built in a separate process, shipped fonts);
- no import cycles between modules of ``compiler`` and ``plugins`` — a lazy import inside a function counts,
  an ``if TYPE_CHECKING:`` import (never executed) does not;
- at most 10 modules directly in ``compiler/``; every package says what it is for;
- docs/architecture.md names every package of the tree.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden" / "pdf-sha256.json"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    files = [*ROOT.glob("compiler/**/*.py"), *ROOT.glob("plugins/**/*.py")]
    return {module_name(p): p for p in files if "__pycache__" not in p.parts}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """Every project module ``name`` imports when run (at top level or inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only |= {id(sub) for stmt in node.body for sub in ast.walk(stmt)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        for target in targets:
            hit = resolve(target)
            if hit and hit != name:
                found.add(hit)
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return cycles


def test_cycle_finder_finds_a_cycle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    modules = project_modules()
    known = set(modules)
    graph = {name: imported_modules(name, path, known) for name, path in modules.items()}
    # importing a.b.c runs a/__init__ and a/b/__init__ first: those edges are real too.  A package's __init__
    # importing its own submodules is containment (Python finishes the package around it), not a cycle.
    for name in modules:
        graph[name] = {target for target in graph[name] if not target.startswith(name + ".")}
        parent = name.rpartition(".")[0]
        if parent in known:
            graph[name].add(parent)
    assert import_cycles(graph) == []


def test_compiler_top_level_is_small_and_every_package_says_what_it_is() -> None:
    top = sorted(p.name for p in (ROOT / "compiler").glob("*.py"))
    assert len(top) <= 10, top
    for init in (ROOT / "compiler").glob("**/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(ROOT)} has no docstring saying what the package is for"


def test_architecture_doc_names_every_package() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(
        str(p.parent.relative_to(ROOT)) + "/" for p in (ROOT / "compiler").glob("**/__init__.py") if p.parent != ROOT
    )
    missing = [p for p in packages if p not in doc]
    assert not missing, f"docs/architecture.md does not describe {missing}"


def test_stable_plugin_names_are_the_model_modules() -> None:
    import compiler.document
    import compiler.model.document
    import compiler.model.narrative
    import compiler.model.problems
    import compiler.model.schema
    import compiler.model.sections
    import compiler.narrative
    import compiler.problems
    import compiler.schema
    import compiler.sections

    assert compiler.schema is compiler.model.schema
    assert compiler.sections.SectionType is compiler.model.sections.SectionType
    assert compiler.narrative is compiler.model.narrative
    assert compiler.document.Block is compiler.model.document.Block
    assert compiler.problems is compiler.model.problems


@pytest.mark.parametrize("example", [k for k in json.loads(GOLDEN.read_text(encoding="utf-8")) if k != "_about"])
def test_example_pdf_bytes_match_golden_hash(example: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["GONGKAI_NO_SYSTEM_FONTS"] = "1"
    out = tmp_path / "out.pdf"
    subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(ROOT / example), "-o", str(out)],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if os.environ.get("GONGKAI_UPDATE_GOLDEN") == "1":
        golden[example] = digest
        GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert digest == golden[example], f"{example}: the PDF changed; if deliberate, see _about in {GOLDEN.name}"
