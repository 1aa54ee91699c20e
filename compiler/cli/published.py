"""``gongkai import`` and ``gongkai check`` of published reports (HTML, PDF, DOCX, XLSX) — the assessor's view.

``import`` writes the TOML (to ``-o``, or to standard output: nothing else is ever written, and an existing file is
replaced only with ``--force``).  ``check`` of a published file imports it in memory and checks it; of a folder,
it checks every published file in it and prints one summary table (text, CSV or JSON): report, format, problems
by severity, the worst one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compiler.model.problems import ReportError, Severity, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT = 0, 1, 2


def _fmt(value: str | None) -> str | None:
    return None if value in (None, "auto") else value


def cmd_import(args: argparse.Namespace) -> int:
    from compiler.files.output import write_atomic
    from compiler.importers.run import import_file

    source = Path(args.file)
    imported = import_file(source, _fmt(args.format))
    for p in imported.problems:
        if p.severity >= Severity.WARNING:
            print(p.format(), file=sys.stderr)
    if args.output:
        target = Path(args.output)
        if target.resolve() == source.resolve():
            raise UsageError(f"不能把导入结果写到原文件上：{target}")
        if target.exists() and not args.force:
            raise UsageError(f"{target} 已存在（要覆盖请加 --force）")
        write_atomic(target, imported.toml.encode("utf-8"))
        print(f"{target}（格式 {imported.result.format}，{imported.seconds:.2f} 秒）", file=sys.stderr)
    else:
        sys.stdout.write(imported.toml)
    errors = sum(p.severity >= Severity.ERROR for p in imported.problems)
    unsure = sum(p.severity == Severity.WARNING for p in imported.problems)
    print(f"{source}: 导入完成；{errors} 处无法读取，{unsure} 处需要核对（见 TOML 中的 TODO 注释）", file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


def published_inputs(inputs: list[str]) -> list[Path]:
    """The published files ``gongkai check`` was given: named directly, or found in a named folder that holds no
    report TOML.  Empty when the inputs are TOML reports (then ``check`` works as before)."""
    from compiler.importers.run import PUBLISHED_SUFFIXES

    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            if any(path.rglob("*.toml")):
                return []
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PUBLISHED_SUFFIXES)
        elif path.suffix.lower() in PUBLISHED_SUFFIXES:
            found.append(path)
        else:
            return []
    return found


def cmd_check_published(args: argparse.Namespace, path: Path) -> int:
    """One published file: its problems as ``check`` prints them (several, or a folder, go through the summary
    of :mod:`compiler.cli.survey` like TOML reports)."""
    from compiler.importers.run import check_published
    from compiler.model.problems import to_json

    if not path.is_file():
        raise UsageError(f"找不到文件：{path}")
    unreadable = False
    try:
        imported, problems = check_published(path, _fmt(getattr(args, "report_format", None)))
        report_format = imported.result.format
    except ReportError as exc:  # not read as a report at all (no format recognised it, or refused): exit 2
        problems, report_format, unreadable = exc.problems, "—", True
    if args.strict:
        for p in problems:
            if p.severity == Severity.WARNING:
                p.severity = Severity.ERROR
    errors = sum(p.severity >= Severity.ERROR for p in problems)
    warnings = sum(p.severity == Severity.WARNING for p in problems)
    if args.format == "json":
        print(to_json(problems, path))
    else:
        for p in problems:
            if p.severity >= Severity.WARNING:
                print(p.format())
        print(f"{path}（{report_format}）: {errors} 个错误，{warnings} 个警告")
    if unreadable:
        return EXIT_INPUT
    return EXIT_PROBLEMS if errors or warnings else EXIT_OK
