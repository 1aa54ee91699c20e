"""The manual's 检查项一览 lists exactly the rule ids the code can emit.

``docs/使用手册.md`` promises, in its section 检查项一览, to explain every check a clerk can meet.  This test reads
the rule ids out of the source of ``compiler/`` and ``plugins/`` mechanically, with :mod:`ast` (nothing is
imported or run), and compares them with the ids written in backquotes in the first column of that section's
tables: a rule the code emits but the manual leaves out fails, and so does an entry in the manual that no code
emits any more (a stale or misspelt id, or a wildcard such as ``gb2021.table4.*`` standing for several rules).

How the ids are found
---------------------

1. *Emitters.*  A problem is made by a call whose rule argument is known by position or as ``rule=``: the seeds
   are ``Problem(severity, rule, …)`` and ``error(rule, …)`` / ``warning(rule, …)`` / ``info(rule, …)`` (this
   covers ``compiler.problems.error`` as well as ``ctx.error`` / ``ctx.warning`` of a section context).

2. *Wrappers*, found to a fixed point: a function or method that passes one of its own parameters, unchanged or
   after a constant prefix (``RULE_PREFIX + rule``), as the rule argument of an emitter is an emitter too, with
   that parameter's position (``self`` not counted) -- e.g. ``SectionContext.problem``, gb2021's ``make``, the
   style sheet's ``_FileProblems.add``, the schema validator's ``fail``.  A class whose ``__init__`` stores a
   parameter as ``self.rule`` (``AttachmentError``: ``self.rule = RULE_PREFIX + rule``) is an emitter under the
   class name, with the prefix.  A wrapper parameter's default (``fail(…, rule="input.type")``) is emitted
   whenever the argument is left out, so defaults count.  Calls to a wrapper with fewer positional arguments
   than it requires are not counted, so that ``seen.add(x)`` is not mistaken for ``_FileProblems.add``.

3. *Resolving the rule argument* of every call to an emitter to the concrete strings it can take:
   string constants; f-strings and ``+`` (every combination of the parts); ``a if c else b`` (both);
   ``{…}[key]`` on a dict literal (every value); a local or module-level name (every value assigned to it);
   a loop variable over a literal tuple (``for key, what in (("channels", …), …)``, each element, with the
   f-string's expression such as ``key[:-1]`` evaluated on it); a function parameter (the matching argument at
   every call of that function in the source, e.g. ``part_list_problems(report, "gb2021", …)``).
   An attribute such as ``p.rule`` / ``exc.rule`` re-emits the rule of a problem made elsewhere and adds
   nothing, and so does the rule parameter inside a wrapper (its callers are counted).  The few remaining
   arguments that only carry rules made elsewhere are listed in ``KNOWN_PASS_THROUGH`` with the reason.
   Anything else fails the test (``test_every_rule_argument_is_understood``), so a new way of naming a rule
   cannot slip past unnoticed: teach this resolver about it.

4. *Registries.*  The text-hygiene pass hands its rules around in ``Change`` records; its module keeps a
   ``RULES`` dict naming each rule it reports, which is read as well (and every ``hygiene.*`` constant in that
   module must be a key of it).

5. *Exclusions.*  The resolver does not follow control flow, so an id it derives that no run can produce is
   listed in ``NEVER_EMITTED`` with the reason, and a test checks that the reason still holds.

Strings that merely look like rule ids -- TOML key paths such as ``report.title`` given to an importer's
``note(keypath, …)``, CLI message keys such as ``batch.built`` -- are not rule arguments and are not collected.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANUAL = ROOT / "docs" / "使用手册.md"
SOURCE_DIRS = ("compiler", "plugins")
RULE_ID = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+")
SEEDS = {"Problem": 1, "error": 0, "warning": 0, "info": 0}
#: Values a rule argument may take when it re-emits the rule of an existing problem (``p.rule``).
PASS_THROUGH = "<pass-through>"
#: Rule arguments that carry the rule of problems made elsewhere, with the reason they add nothing new.
KNOWN_PASS_THROUGH = {
    ("compiler/source/hygiene.py", "rule"): "the rules of Change records counted per rule; all listed in RULES",
}


class Unresolved(Exception):
    pass


@dataclass
class Emitter:
    index: int  # position of the rule argument, ``self`` not counted
    required: int  # positional parameters without default, ``self`` not counted
    prefix: str = ""
    defaults: set[str] = field(default_factory=set)


@dataclass
class Module:
    path: Path
    tree: ast.Module
    parents: dict[ast.AST, ast.AST]


def _parsed(path: Path, text: str) -> Module:
    tree = ast.parse(text, str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return Module(path, tree, parents)


def _modules() -> list[Module]:
    out = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            out.append(_parsed(path, path.read_text(encoding="utf-8")))
    return out


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> list[ast.arg]:
    params = [*fn.args.posonlyargs, *fn.args.args]
    return params[1:] if method and params and params[0].arg in ("self", "cls") else params


def _enclosing(mod: Module, node: ast.AST, kinds: tuple[type, ...]) -> ast.AST | None:
    while node in mod.parents:
        node = mod.parents[node]
        if isinstance(node, kinds):
            return node
    return None


def _is_method(mod: Module, fn: ast.AST) -> bool:
    return isinstance(mod.parents.get(fn), ast.ClassDef)


class Extractor:
    def __init__(self, modules: list[Module] | None = None) -> None:
        self.modules = _modules() if modules is None else modules
        self.emitters: dict[str, Emitter] = {name: Emitter(i, i + 1) for name, i in SEEDS.items()}
        self.unresolved: list[str] = []
        self._find_wrappers()

    # -- step 2: wrappers ---------------------------------------------------------------------------------------

    def _rule_arg(self, call: ast.Call) -> ast.expr | None:
        emitter = self.emitters.get(_name(call.func) or "")
        if emitter is None:
            return None
        for kw in call.keywords:
            if kw.arg == "rule":
                return kw.value
        if any(isinstance(a, ast.Starred) for a in call.args):
            return None
        if len(call.args) < emitter.required or len(call.args) <= emitter.index:
            return None
        return call.args[emitter.index]

    def _param_flow(self, expr: ast.expr, names: dict[str, int]) -> tuple[str, str] | None:
        """``(param, prefix)`` if ``expr`` is a parameter, or a constant prefix plus a parameter."""
        if isinstance(expr, ast.Name) and expr.id in names:
            return expr.id, ""
        if (
            isinstance(expr, ast.BinOp)
            and isinstance(expr.op, ast.Add)
            and isinstance(expr.right, ast.Name)
            and expr.right.id in names
        ):
            prefix = self._values_simple(expr.left)
            if prefix and len(prefix) == 1:
                return expr.right.id, prefix.pop()
        return None

    def _values_simple(self, expr: ast.expr) -> set[str] | None:
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return {expr.value}
        if isinstance(expr, ast.Name):
            for mod in self.modules:
                for node in mod.tree.body:
                    if (
                        isinstance(node, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
                        and isinstance(node.value, ast.Constant)
                        and isinstance(node.value.value, str)
                    ):
                        return {node.value.value}
        return None

    def _add_wrapper(self, mod: Module, fn: ast.FunctionDef, param: str, prefix: str, name: str) -> bool:
        params = _params(fn, _is_method(mod, fn))
        names = [p.arg for p in params]
        index = names.index(param)
        n_defaults = len(fn.args.defaults)
        required = len(params) - n_defaults
        defaults: set[str] = set()
        all_params = [*fn.args.posonlyargs, *fn.args.args]
        for p, default in zip(all_params[len(all_params) - n_defaults :], fn.args.defaults, strict=True):
            if p.arg == param:
                found = self._values_simple(default)
                defaults |= {prefix + v for v in found or ()}
        for p, default in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True):
            if p.arg == param and default is not None:
                defaults |= {prefix + v for v in self._values_simple(default) or ()}
        if name in self.emitters:
            return False
        self.emitters[name] = Emitter(index, required, prefix, defaults)
        return True

    def _find_wrappers(self) -> None:
        changed = True
        while changed:
            changed = False
            for mod in self.modules:
                for fn in ast.walk(mod.tree):
                    if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        continue
                    method = _is_method(mod, fn)
                    names = {p.arg: i for i, p in enumerate(_params(fn, method))}
                    for node in ast.walk(fn):
                        if isinstance(node, ast.Call):
                            arg = self._rule_arg(node)
                            flow = self._param_flow(arg, names) if arg is not None else None
                            if flow and fn.name not in self.emitters and fn.name != "__init__":
                                changed |= self._add_wrapper(mod, fn, flow[0], flow[1], fn.name)
                        elif fn.name == "__init__" and method and isinstance(node, ast.Assign):
                            target = node.targets[0]
                            if isinstance(target, ast.Attribute) and target.attr == "rule":
                                flow = self._param_flow(node.value, names)
                                cls = mod.parents[fn]
                                if flow and cls.name not in self.emitters:
                                    changed |= self._add_wrapper(mod, fn, flow[0], flow[1], cls.name)

    # -- step 3: resolving a rule argument ---------------------------------------------------------------------

    def values(self, mod: Module, expr: ast.expr, depth: int = 0) -> set[str]:
        if depth > 8:
            raise Unresolved("too deep")
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return {expr.value}
        if isinstance(expr, ast.Attribute) and expr.attr == "rule":
            return {PASS_THROUGH}
        if depth == 0 and self._wrapper_param(mod, expr):
            return {PASS_THROUGH}
        if isinstance(expr, ast.IfExp):
            return self.values(mod, expr.body, depth + 1) | self.values(mod, expr.orelse, depth + 1)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = self.values(mod, expr.left, depth + 1)
            right = self.values(mod, expr.right, depth + 1)
            return {a + b for a, b in itertools.product(left, right)}
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Dict):
            return set().union(*(self.values(mod, v, depth + 1) for v in expr.value.values))
        if isinstance(expr, ast.JoinedStr):
            parts = []
            for part in expr.values:
                if isinstance(part, ast.Constant):
                    parts.append({part.value})
                elif isinstance(part, ast.FormattedValue):
                    parts.append(self._formatted(mod, part.value, depth))
                else:
                    raise Unresolved(ast.unparse(part))
            return {"".join(p) for p in itertools.product(*parts)}
        if isinstance(expr, ast.Name):
            return self._name_values(mod, expr, depth)
        raise Unresolved(ast.unparse(expr))

    def _wrapper_param(self, mod: Module, expr: ast.expr) -> bool:
        """Whether ``expr`` is the rule parameter of the wrapper it is in (its callers are counted instead)."""
        fn = _enclosing(mod, expr, (ast.FunctionDef, ast.AsyncFunctionDef))
        if fn is None:
            return False
        names = {p.arg: i for i, p in enumerate(_params(fn, _is_method(mod, fn)))}
        flow = self._param_flow(expr, names)
        if flow is None:
            return False
        owner = mod.parents[fn].name if fn.name == "__init__" else fn.name
        emitter = self.emitters.get(owner)
        return emitter is not None and emitter.index == names[flow[0]]

    def _formatted(self, mod: Module, expr: ast.expr, depth: int) -> set[str]:
        if isinstance(expr, ast.Name):
            return self._name_values(mod, expr, depth + 1)
        names = {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}
        if isinstance(expr, ast.Constant):
            return {str(expr.value)}
        if len(names) != 1:
            raise Unresolved(ast.unparse(expr))
        name = names.pop()
        anchor = next(n for n in ast.walk(expr) if isinstance(n, ast.Name))
        code = compile(ast.Expression(expr), "<rule>", "eval")
        return {str(eval(code, {"__builtins__": {}}, {name: v})) for v in self._name_values(mod, anchor, depth + 1)}

    def _name_values(self, mod: Module, name: ast.Name, depth: int) -> set[str]:
        fn = _enclosing(mod, name, (ast.FunctionDef, ast.AsyncFunctionDef))
        scope = fn if fn is not None else mod.tree
        found: set[str] = set()
        # a loop variable over a literal tuple or list of literals
        for loop in ast.walk(scope):
            if isinstance(loop, ast.For) and isinstance(loop.iter, (ast.Tuple, ast.List)):
                found |= self._loop_values(mod, loop, name.id, depth)
        # assignments in the function, then in the module
        for where in (scope, mod.tree) if fn is not None else (mod.tree,):
            for node in ast.walk(where) if where is scope else where.body:
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == name.id for t in node.targets
                ):
                    found |= self.values(mod, node.value, depth + 1)
            if found:
                return found
        # a parameter of the enclosing function: every call of that function
        while fn is not None:
            params = [p.arg for p in _params(fn, _is_method(mod, fn))]
            if name.id in params:
                return self._call_site_values(fn, _is_method(mod, fn), params.index(name.id), name.id, depth)
            fn = _enclosing(mod, fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        raise Unresolved(name.id)

    def _loop_values(self, mod: Module, loop: ast.For, name: str, depth: int) -> set[str]:
        target = loop.target
        out: set[str] = set()
        if isinstance(target, ast.Name) and target.id == name:
            for item in loop.iter.elts:
                out |= self.values(mod, item, depth + 1)
        elif isinstance(target, ast.Tuple):
            for i, t in enumerate(target.elts):
                if isinstance(t, ast.Name) and t.id == name:
                    for item in loop.iter.elts:
                        if not isinstance(item, ast.Tuple):
                            raise Unresolved(ast.unparse(item))
                        out |= self.values(mod, item.elts[i], depth + 1)
        return out

    def _call_site_values(self, fn: ast.FunctionDef, method: bool, index: int, param: str, depth: int) -> set[str]:
        out: set[str] = set()
        for mod in self.modules:
            for call in ast.walk(mod.tree):
                if isinstance(call, ast.Call) and _name(call.func) == fn.name:
                    arg = next((k.value for k in call.keywords if k.arg == param), None)
                    if arg is None and len(call.args) > index:
                        arg = call.args[index]
                    if arg is not None:
                        out |= self.values(mod, arg, depth + 1)
        if not out:
            raise Unresolved(f"no call of {fn.name} gives {param}")
        return out

    # -- the whole set -----------------------------------------------------------------------------------------

    def calls(self) -> Iterator[tuple[Module, ast.Call, ast.expr | None, Emitter]]:
        for mod in self.modules:
            for node in ast.walk(mod.tree):
                if isinstance(node, ast.Call):
                    emitter = self.emitters.get(_name(node.func) or "")
                    if emitter is not None:
                        yield mod, node, self._rule_arg(node), emitter

    def rules(self) -> dict[str, set[str]]:
        """rule id → the places (``path:line``) that emit it."""
        found: dict[str, set[str]] = {}

        def add(rule: str, where: str) -> None:
            if rule != PASS_THROUGH:
                found.setdefault(rule, set()).add(where)

        for mod, call, arg, emitter in self.calls():
            where = f"{mod.path.relative_to(ROOT)}:{call.lineno}"
            if arg is None:
                explicit = any(k.arg == "rule" for k in call.keywords)
                if not explicit and len(call.args) >= emitter.required:
                    for rule in emitter.defaults:
                        add(rule, where)
                continue
            if (str(mod.path.relative_to(ROOT)), ast.unparse(arg)) in KNOWN_PASS_THROUGH:
                continue
            try:
                for rule in self.values(mod, arg):
                    add(rule if rule == PASS_THROUGH else emitter.prefix + rule, where)
            except Unresolved as exc:
                self.unresolved.append(f"{where}: {ast.unparse(arg)} ({exc})")
        for mod in self.modules:
            for node in mod.tree.body:
                if (
                    isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "RULES" for t in node.targets)
                    and isinstance(node.value, ast.Dict)
                ):
                    for key in node.value.keys:
                        if isinstance(key, ast.Constant):
                            add(key.value, f"{mod.path.relative_to(ROOT)}:{key.lineno} (RULES)")
        return found


#: Ids the resolver derives that no run can produce, each with the reason; kept honest by a test below.
NEVER_EMITTED = {
    "legacy.part-list-unofficial": 'part_list_problems(report, "legacy") passes no official titles, and '
    "_unprinted_names returns nothing without them",
}

_EXTRACTOR = Extractor()
EMITTED = {rule: where for rule, where in _EXTRACTOR.rules().items() if rule not in NEVER_EMITTED}


def manual_rules(manual: Path = MANUAL) -> dict[str, int]:
    """rule id → line, for every backquoted id in the first column of the tables under ``## 检查项一览``."""
    lines = manual.read_text(encoding="utf-8").splitlines()
    start = lines.index("## 检查项一览")
    found: dict[str, int] = {}
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if line.startswith("## "):
            break
        if not line.startswith("|") or line.startswith("|---"):
            continue
        first = line.split("|")[1]
        for token in re.findall(r"`([^`]+)`", first):
            found[token] = number
    return found


def test_extraction_finds_the_known_shapes():
    """The resolver sees through every indirection the code uses today (a guard against silent breakage)."""
    for rule in (
        "common.misused-word",  # ctx-less warning() in a plugin
        "gb2021.table4.block-total",  # ctx.error()
        "gb2021.cross-year.carry-over",  # gb2021's make(severity, rule, …)
        "import.unsure",  # {"error": …, "warning": …}[note.level]
        "attachments.damaged",  # AttachmentError("damaged", …) with RULE_PREFIX
        "attachments.password-published",  # RULE_PREFIX + "password-published"
        "legacy.applications.channel-sum",  # f"legacy.applications.{key[:-1]}-sum" in a loop
        "gb2021.part-count",  # f"{prefix}.part-count", prefix from part_list_problems' callers
        "gb2021.part-list-unofficial",
        "input.type",  # the default of the validator's fail(…, rule="input.type")
        "style.unknown-key",  # _FileProblems.add(rule, …)
        "hygiene.variation-selector",  # the hygiene RULES registry
        "plugin.timeout",
    ):
        assert rule in EMITTED, rule
    for not_a_rule in ("report.title", "report.organ", "other.fee", "batch.built", "fonts.toml"):
        assert not_a_rule not in EMITTED, not_a_rule


def test_every_rule_argument_is_understood():
    assert not _EXTRACTOR.unresolved, "rule arguments the test cannot resolve:\n" + "\n".join(_EXTRACTOR.unresolved)


def test_every_emitted_id_looks_like_a_rule():
    bad = sorted(rule for rule in EMITTED if not RULE_ID.fullmatch(rule))
    assert not bad, bad


def test_hygiene_registry_is_complete():
    text = (ROOT / "compiler" / "source" / "hygiene.py").read_text(encoding="utf-8")
    registry = {rule for rule, where in EMITTED.items() if any(w.endswith("(RULES)") for w in where)}
    used = set(re.findall(r"""["'](hygiene\.[a-z-]+)["']""", text))
    assert used <= registry, used - registry


def test_manual_explains_every_emitted_rule():
    listed = manual_rules()
    missing = {rule: sorted(where)[0] for rule, where in EMITTED.items() if rule not in listed}
    assert not missing, "rules emitted by the code but missing from 检查项一览 in docs/使用手册.md:\n" + "\n".join(
        f"  {rule}  ({where})" for rule, where in sorted(missing.items())
    )


def test_manual_lists_no_stale_rule():
    stale = {rule: line for rule, line in manual_rules().items() if rule not in EMITTED}
    assert not stale, "ids in 检查项一览 of docs/使用手册.md that no code emits (stale, misspelt or wildcard):\n" + (
        "\n".join(f"  line {line}: {rule}" for rule, line in sorted(stale.items()))
    )


def test_never_emitted_ids_still_cannot_be_emitted():
    """``legacy.part-list-unofficial`` is left out above only while the legacy format calls the shared part-list
    check without official titles."""
    assert set(NEVER_EMITTED) <= set(_EXTRACTOR.rules()), "an exclusion no longer needed: remove it"
    text = (ROOT / "plugins" / "legacy" / "format.py").read_text(encoding="utf-8")
    calls = [
        node
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Call) and _name(node.func) == "part_list_problems"
    ]
    assert calls and all(len(c.args) == 2 and not c.keywords for c in calls), "legacy now passes official titles"


def test_a_rule_removed_from_the_manual_is_noticed(tmp_path):
    text = MANUAL.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `common.misused-word`"))
    shortened = tmp_path / "使用手册.md"
    shortened.write_text(text.replace(row + "\n", ""), encoding="utf-8")
    assert "common.misused-word" in EMITTED
    assert "common.misused-word" not in manual_rules(shortened)


def test_a_new_warning_in_a_plugin_is_noticed():
    checks = ROOT / "plugins" / "common" / "checks.py"
    added = checks.read_text(encoding="utf-8") + (
        '\n\ndef brand_new(report):\n    return [warning("common.brand-new", "新的检查", report.ref(""))]\n'
        '\n\ndef brand_new_ctx(ctx):\n    ctx.error(f"gb2021.{\'fresh\'}-total", "新的检查", "x")\n'
    )
    modules = [_parsed(checks, added) if m.path == checks else m for m in _modules()]
    found = Extractor(modules).rules()
    assert {"common.brand-new", "gb2021.fresh-total"} <= set(found)
    assert not {"common.brand-new", "gb2021.fresh-total"} & set(manual_rules())
