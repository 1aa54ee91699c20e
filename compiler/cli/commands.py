"""The ``gongkai`` command line.

Exit codes: 0 — done, nothing to report; 1 — the report has problems (``check``) or a build failed because
of them; 2 — the input could not be read, or the command was used wrongly; 3 — an internal error (a bug:
set ``GONGKAI_DEBUG=1`` for the traceback).  ``build`` of several reports: 0 when all were built, 2 when
none could even be read, otherwise 1 (see :mod:`compiler.cli.batch`).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from compiler import __version__
from compiler.model.problems import Problem, ReportError, Severity, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _print_problems(problems: Sequence[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems:
        print(p.format(), file=stream)


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity >= Severity.ERROR for p in problems)
    warnings = sum(p.severity == Severity.WARNING for p in problems)
    return f"{errors} 个错误，{warnings} 个警告"


# -- commands ------------------------------------------------------------------------------------------
def cmd_build(args: argparse.Namespace) -> int:
    """One report, several, or folders of them; ``-j`` worker processes (see :mod:`compiler.cli.batch`)."""
    from compiler.cli.batch import BuildOptions, build_many

    options = BuildOptions(
        output=args.output,
        to=tuple(t.strip() for t in args.to.split(",") if t.strip()) if args.to else None,
        style=args.style,
        strict=args.strict,
        font_dirs=tuple(args.font_dir),
        skip_bad_attachments=args.skip_bad_attachments,
    )
    return build_many(args.reports, options, args.jobs)


def cmd_extract(args: argparse.Namespace) -> int:
    from compiler.render.pdf.finish.extract import extract

    for path in extract(Path(args.pdf), Path(args.output), force=args.force):
        print(path)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """One report: its problems and indicators.  Several (files or folders): the summary table of
    :mod:`compiler.cli.survey` — one row per report, and the paragraphs different units share."""
    from compiler.build import check_report
    from compiler.cli.batch import expand_inputs
    from compiler.cli.published import cmd_check_published, published_inputs
    from compiler.model.indicators import load_thresholds, threshold_notes
    from compiler.model.problems import to_json

    if published := published_inputs(args.reports):  # published HTML/PDF/DOCX/XLSX files: imported in memory
        return cmd_check_published(args, published)
    thresholds = load_thresholds(Path(args.thresholds)) if args.thresholds else {}
    paths, _ = expand_inputs(args.reports)
    if len(paths) != 1 or Path(args.reports[0]).is_dir() or args.csv:
        return _check_many(args, paths, thresholds)
    path = paths[0]
    try:
        report, problems = check_report(
            path,
            previous=Path(args.previous) if args.previous else None,
            glyphs=True,
            style=args.style,
            font_dirs=[Path(d) for d in args.font_dir],
        )
    except ReportError as exc:
        if args.format == "json":
            print(to_json(exc.problems, path))
        else:
            _print_problems(exc.problems)
        return EXIT_INPUT
    indicators = report.host.indicators(report) if not report.errors else []
    problems += threshold_notes(indicators, thresholds)
    if args.strict:
        for p in problems:
            if p.severity == Severity.WARNING:
                p.severity = Severity.ERROR
    counted = [p for p in problems if p.severity >= Severity.WARNING]
    if args.format == "json":
        print(to_json(problems, path, indicators=[i.to_json() for i in indicators]))
    else:
        _print_problems(problems, sys.stdout)
        if indicators:
            print(
                "指标：" + "，".join(f"{i.label} {i.shown()}（{i.numerator:g}/{i.denominator:g}）" for i in indicators)
            )
        print(f"{path}: {_summary(problems)}" if counted else f"{path}: 未发现问题")
    return EXIT_PROBLEMS if counted else EXIT_OK


def _check_many(args: argparse.Namespace, paths: list[Path], thresholds: dict[str, dict[str, float]]) -> int:
    from compiler.cli.survey import as_csv, as_json, as_text, survey
    from compiler.files.output import write_atomic

    if not paths:
        raise UsageError("没有找到要检查的报告（文件夹中没有含 format 的 .toml 文件）")
    result = survey(paths, thresholds)
    if args.csv:
        write_atomic(Path(args.csv), ("\ufeff" + as_csv(result)).encode("utf-8"), inputs=paths)
    print(as_json(result) if args.format == "json" else as_text(result))
    if all(row.unreadable for row in result.rows):
        return EXIT_INPUT
    return EXIT_PROBLEMS if any(row.errors or row.warnings for row in result.rows) or result.shared else EXIT_OK


def cmd_fmt(args: argparse.Namespace) -> int:
    """Write the text-hygiene fixes into the file (see :mod:`compiler.source.fmt`); ``--check``: exit 1 if it would."""
    from compiler.source.fmt import format_file

    status = EXIT_OK
    for report in args.reports:
        try:
            result = format_file(Path(report), write=not (args.check or args.diff))
        except ReportError as exc:
            _print_problems(exc.problems)
            status = max(status, EXIT_INPUT)
            continue
        _print_problems(result.problems, sys.stdout)
        if args.diff:
            sys.stdout.write(result.diff())
        for key in result.unmapped:
            print(f"{report}: 未能在文件中定位 {key}，请手工修改", file=sys.stderr)
        if not result.changed:
            print(f"{report}: 无需修改")
        elif result.written:
            print(f"{report}: 已修改 {result.fixes} 处")
        else:
            print(f"{report}: 需要修改 {result.fixes} 处（未写入）")
            if args.check:
                status = max(status, EXIT_PROBLEMS)
    return status


def cmd_init(args: argparse.Namespace) -> int:
    from compiler.cli.skeleton import skeleton_toml

    text = skeleton_toml(args.format)
    target = Path(args.path) if args.path else Path("report.toml")
    if target.is_dir():
        target = target / "report.toml"
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists (use --force to replace it)")
    from compiler.files.output import write_atomic

    write_atomic(target, text.encode("utf-8"))
    print(target)
    return EXIT_OK


def cmd_plugins(args: argparse.Namespace) -> int:
    from compiler.host.manager import default_host

    rows = default_host().describe()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        origin = row["origin"] + (f" ({row['distribution']} {row['version']})" if row["distribution"] else "")
        print(f"{row['name']}  [{origin}]  {row['where']}")
        print(f"    hooks: {', '.join(row['hooks'])}")
        if row["formats"]:
            print(f"    formats: {', '.join(row['formats'])}")
        if row["sections"]:
            print(f"    sections: {', '.join(row['sections'])}")
    return EXIT_OK


def cmd_cache(args: argparse.Namespace) -> int:
    from compiler.files import cache

    folder = cache.cache_dir()
    if folder is None:
        print("缓存已关闭（GONGKAI_NO_CACHE 或空的 GONGKAI_CACHE_DIR）")
        return EXIT_OK
    if args.clear:
        files, size = cache.clear()
        print(f"已删除 {files} 个缓存文件（{size / 1024:.0f} KB）：{folder}")
        return EXIT_OK
    found = cache.members()
    total = sum(p.stat().st_size for p in found)
    print(f"{folder}  {len(found)} 个文件，{total / 1024:.0f} KB")
    for path in found:
        print(f"  {path.relative_to(folder)}  {path.stat().st_size / 1024:.0f} KB")
    return EXIT_OK


def cmd_style(args: argparse.Namespace) -> int:
    from compiler.render.style import load_style

    base = Path(args.report).parent if args.report else Path.cwd()
    spec = args.style
    if spec is None and args.report:
        from compiler.source.tomlsource import load

        spec = load(Path(args.report)).data.get("style")
    sheet = load_style(spec, base_dir=base)
    print(f"# resolved from: {', '.join(str(s) for s in sheet.sources)}")
    print(sheet.to_toml())
    return EXIT_OK


def cmd_fonts(args: argparse.Namespace) -> int:
    from compiler.render.pdf.typeset.fonts import FontRegistry
    from compiler.render.style import load_style

    sheet = load_style(args.style, base_dir=Path.cwd())
    registry = FontRegistry(sheet.fonts_config, font_dirs=[Path(d) for d in args.font_dir])
    rows = registry.report()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    for row in rows:
        print(f"{row['font']}:")
        for entry in row["chain"]:
            print(f"    {entry['file']}  — {entry['why']}")
    return EXIT_OK


# -- parser --------------------------------------------------------------------------------------------
def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="政府信息公开工作年度报告编译器：TOML → 符合 GB/T 9704 的 PDF",
    )
    parser.add_argument("--version", action="version", version=f"gongkai {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="build PDF(s) from report TOML file(s) or folders of them")
    p.add_argument("reports", nargs="+", metavar="REPORT.toml|DIR", help="report files, or folders to search for them")
    p.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="parallel worker processes (default: CPU count)"
    )
    p.add_argument("-o", "--output", help="output file (default: beside the input, with the output's suffix)")
    p.add_argument("--to", metavar="FORMATS", help="output formats, comma-separated (default: pdf, or -o's suffix)")
    p.add_argument("--style", help="style name or path (overrides the report's style)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--font-dir", action="append", default=[], help="extra folder with licensed fonts")
    p.add_argument(
        "--skip-bad-attachments",
        action="store_true",
        help="leave out attachments that cannot be read (listed as warnings) instead of failing",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("extract", help="write out the source TOML and computed JSON embedded in a built PDF")
    p.add_argument("pdf", metavar="REPORT.pdf")
    p.add_argument("-o", "--output", metavar="DIR", default=".", help="folder to write into (default: current)")
    p.add_argument("--force", action="store_true", help="replace existing files that differ")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("check", help="validate a report without writing anything")
    p.add_argument(
        "reports", nargs="+", metavar="REPORT.toml|FILE.pdf|DIR", help="one report, several, or folders of them"
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--csv", metavar="FILE", help="also write the summary of the reports as CSV (UTF-8, for Excel)")
    p.add_argument("--thresholds", metavar="FILE", help="indicator thresholds (TOML) that give notes")
    p.add_argument("--report-format", metavar="FORMAT", help="已发布文件的报告格式（默认自动识别）")
    p.add_argument("--previous", metavar="LAST_YEAR.toml", help="last year's report for cross-year checks")
    p.add_argument("--style", help="style name or path (for the glyph check; overrides the report's style)")
    p.add_argument("--font-dir", action="append", default=[], help="extra folder with licensed fonts")
    p.set_defaults(func=cmd_check)

    from compiler.cli.published import add_import_parser

    add_import_parser(sub)

    p = sub.add_parser("fmt", help="fix half-width punctuation, stray spaces and invisible characters in place")
    p.add_argument("reports", nargs="+", metavar="REPORT.toml")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the file would change")
    p.add_argument("--diff", action="store_true", help="write nothing; print the changes as a unified diff")
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("init", help="write a skeleton report TOML")
    p.add_argument("path", nargs="?", metavar="PATH")
    p.add_argument("--format", default="legacy", help="report format (legacy, 2021, …)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("plugins", help="list registered plugins and their hooks")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plugins)

    p = sub.add_parser("cache", help="show the user cache (parsed fonts, entry points, font index) or clear it")
    p.add_argument("--clear", action="store_true", help="delete the cache's files (they are rebuilt when needed)")
    p.set_defaults(func=cmd_cache)

    p = sub.add_parser("style", help="show the resolved style sheet")
    p.add_argument("report", nargs="?", metavar="REPORT.toml", help="use this report's style")
    p.add_argument("--style", help="style name or path")
    p.add_argument("--print", action="store_true", help="print the resolved style (default)")
    p.set_defaults(func=cmd_style)

    p = sub.add_parser("fonts", help="show which font file serves each role, and why")
    p.add_argument("--style", help="style name or path")
    p.add_argument("--font-dir", action="append", default=[])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_fonts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_INPUT
    started = time.perf_counter()
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except ReportError as exc:
        _print_problems(exc.problems)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`gongkai check … | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("GONGKAI_DEBUG"):
            traceback.print_exc()
        print(
            f"gongkai: internal error ({type(exc).__name__}: {exc}) after {time.perf_counter() - started:.2f} s; "
            "set GONGKAI_DEBUG=1 for the traceback and please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


#: Set to leave the process the ordinary way (the whole interpreter torn down), e.g. to debug a finaliser.
SLOW_EXIT_ENV = "GONGKAI_SLOW_EXIT"


def run() -> NoReturn:
    """The ``gongkai`` command (console script and ``python -m compiler``): :func:`main`, then exit without
    tearing the interpreter down.

    Tearing down frees, one by one, every object of some 400 modules, the parsed fonts and ReportLab's
    caches — 40 ms of a 0.3 s cold build, 12 % of it, for memory the operating system takes back at once.
    Everything a normal exit does that has an effect outside the process still happens: the output files
    were written (atomically) and closed by the command, standard output and error are flushed, and the
    :mod:`atexit` handlers run (temporary folders, logging); a batch's worker pool has been joined by then.
    Only the freeing is skipped.  :func:`main` itself returns as before (tests and embedders call it)."""
    code = main()
    if os.environ.get(SLOW_EXIT_ENV):
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream: let the ordinary exit report it
        sys.exit(code)
    atexit._run_exitfuncs()  # what the interpreter would run on its way out
    os._exit(code)


if __name__ == "__main__":
    run()
