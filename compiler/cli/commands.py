"""The ``gongkai`` command line.

Exit codes: 0 — done, nothing to report; 1 — the report has problems (``check``) or a build failed because
of them; 2 — the input could not be read, or the command was used wrongly; 3 — an internal error (a bug:
set ``GONGKAI_DEBUG=1`` for the traceback).  ``build`` of several reports: 0 when all were built, 2 when
none could even be read, otherwise 1 (see :mod:`compiler.cli.batch`).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import re
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from compiler import __version__
from compiler.cli.messages import language, msg, tr, usage_text
from compiler.cli.parser import Parser, positive_int
from compiler.model.problems import Problem, ReportError, Severity, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _print_problems(problems: Sequence[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems:
        print(p.format(), file=stream)


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity >= Severity.ERROR for p in problems)
    warnings = sum(p.severity == Severity.WARNING for p in problems)
    return msg("summary", errors=errors, warnings=warnings)


def _allow_plugins(args: argparse.Namespace) -> None:
    if getattr(args, "allow_plugins", False):
        from compiler.host.trust import allow_for_this_run

        allow_for_this_run()


# -- commands ------------------------------------------------------------------------------------------
def cmd_build(args: argparse.Namespace) -> int:
    """One report, several, or folders of them; ``-j`` worker processes (see :mod:`compiler.cli.batch`)."""
    from compiler.cli.batch import BuildOptions, build_many

    _allow_plugins(args)
    options = BuildOptions(
        output=args.output,
        to=_outputs(args.to),
        style=args.style,
        strict=args.strict,
        font_dirs=tuple(args.font_dir),
        skip_bad_attachments=args.skip_bad_attachments,
        follow_symlinks=args.follow_symlinks,
    )
    return build_many(args.reports, options, args.jobs, quiet=args.quiet)


def _outputs(text: str | None) -> tuple[str, ...] | None:
    return tuple(t.strip() for t in text.split(",") if t.strip()) if text else None


def cmd_watch(args: argparse.Namespace) -> int:
    """Build, then rebuild on every change until Ctrl+C (see :mod:`compiler.cli.watch`)."""
    from compiler.cli.watch import Watcher, warm

    _allow_plugins(args)
    font_dirs = [Path(d) for d in args.font_dir]
    report = Path(args.report)
    if not report.is_file():
        from compiler.source.tomlsource import load

        load(report)  # the Chinese message for a missing file, a folder, …
    warm(args.style, font_dirs)
    watcher = Watcher(
        report,
        output=Path(args.output) if args.output else None,
        to=_outputs(args.to),
        style=args.style,
        font_dirs=font_dirs,
    )
    try:
        watcher.run(max(0.02, args.interval))
    except KeyboardInterrupt:
        print(msg("watch.stopped"), file=sys.stderr)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from compiler.render.pdf.finish.extract import extract

    result = extract(Path(args.pdf), Path(args.output), force=args.force)
    for path in result.written:
        print(path)
    for name, size in result.ignored:
        print(f"{args.pdf}: 另有嵌入文件“{name}”（{size} 字节）不是报告数据，未写出", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """One report: its problems and indicators.  Several (files or folders): the summary table of
    :mod:`compiler.cli.survey` — one row per report, and the paragraphs different units share."""
    from compiler.build import check_report
    from compiler.cli.batch import expand_inputs
    from compiler.cli.published import cmd_check_published, published_inputs
    from compiler.model.indicators import load_thresholds, threshold_notes
    from compiler.model.problems import to_json

    _allow_plugins(args)
    thresholds = load_thresholds(Path(args.thresholds)) if args.thresholds else {}
    if published := published_inputs(args.reports):  # published HTML/PDF/DOCX/XLSX files: imported in memory
        if len(published) == 1 and not Path(args.reports[0]).is_dir() and not args.csv:
            return cmd_check_published(args, published[0])
        return _check_many(args, published, thresholds)
    if args.previous and not Path(args.previous).is_file():
        raise UsageError(msg("check.previous-missing", path=args.previous))
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
                tr("指标：", "indicators: ")
                + "，".join(f"{i.label} {i.shown()}（{i.numerator:g}/{i.denominator:g}）" for i in indicators)
            )
        print(f"{path}: {_summary(problems)}" if counted else f"{path}: {tr('未发现问题', 'no problems found')}")
    return EXIT_PROBLEMS if counted else EXIT_OK


def _check_many(args: argparse.Namespace, paths: list[Path], thresholds: dict[str, dict[str, float]]) -> int:
    from compiler.cli.survey import as_csv, as_json, as_text, survey
    from compiler.files.output import write_atomic

    if not paths:
        raise UsageError("没有找到要检查的报告（文件夹中没有含 format 的 .toml 文件）")
    report_format = getattr(args, "report_format", None)
    result = survey(paths, thresholds, None if report_format in (None, "auto") else report_format)
    if args.csv:
        write_atomic(Path(args.csv), ("\ufeff" + as_csv(result)).encode("utf-8"), inputs=paths)
    print(as_json(result) if args.format == "json" else as_text(result))
    if all(row.unreadable for row in result.rows):
        return EXIT_INPUT
    return EXIT_PROBLEMS if any(row.errors or row.warnings for row in result.rows) or result.shared else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """A published report into TOML (see :mod:`compiler.cli.published`)."""
    from compiler.cli.published import cmd_import as import_command

    return import_command(args)


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
        except UsageError as exc:  # the file could not be written (a full disk, a read-only folder …)
            print(f"{report}: {exc}", file=sys.stderr)
            status = max(status, EXIT_INPUT)
            continue
        _print_problems(result.problems, sys.stdout)
        if args.diff:
            sys.stdout.write(result.diff())
        for key in result.unmapped:
            print(msg("fmt.unmapped", path=report, key=key), file=sys.stderr)
        if not result.changed:
            print(msg("fmt.nothing", path=report))
        elif result.written:
            print(msg("fmt.done", path=report, count=result.fixes))
        else:
            print(msg("fmt.would", path=report, count=result.fixes))
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
        raise UsageError(msg("init.exists", path=target))
    from compiler.files.output import write_atomic

    write_atomic(target, text.encode("utf-8"))
    print(msg("init.written", path=target))
    return EXIT_OK


_ORIGINS = {"built-in": "内置", "entry point": "入口点", "file": "本地文件", "code": "代码"}


def cmd_plugins(args: argparse.Namespace) -> int:
    from compiler.host.manager import default_host

    rows = default_host().describe()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        origin = _ORIGINS.get(row["origin"], row["origin"]) if language() == "zh" else row["origin"]
        origin += f" ({row['distribution']} {row['version']})" if row["distribution"] else ""
        print(f"{row['name']}  [{origin}]  {row['where']}")
        print(f"    {tr('钩子', 'hooks')}: {', '.join(row['hooks'])}")
        if row["formats"]:
            print(f"    {tr('格式', 'formats')}: {', '.join(row['formats'])}")
        if row["sections"]:
            print(f"    {tr('章节', 'sections')}: {', '.join(row['sections'])}")
        if row.get("renderers"):
            print(f"    {tr('输出格式', 'renderers')}: {', '.join(row['renderers'])}")
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
    print(f"# {tr('样式来源', 'resolved from')}: {', '.join(str(s) for s in sheet.sources)}")
    print(sheet.to_toml())
    return EXIT_OK


_FONT_WHY = (
    (re.compile(r"^shipped default$"), "随附的默认字体"),
    (re.compile(r"^fallback for characters the fonts before it lack$"), "后备字体：前面的字体缺少的字由它补足"),
    (re.compile(r"^preferred original \((.*)\) found at (.*)$"), r"本机找到首选的正版字体（\1）：\2"),
)


def _font_why(why: str) -> str:
    """The font registry's reason (written for developers) as the clerk reads it."""
    if language() == "en":
        return why
    for pattern, chinese in _FONT_WHY:
        if pattern.match(why):
            return pattern.sub(chinese, why)
    return why


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
            print(f"    {entry['file']}  — {_font_why(entry['why'])}")
    return EXIT_OK


# -- parser --------------------------------------------------------------------------------------------
def _examples(*lines: str) -> str:
    return tr("示例：", "examples:") + "\n" + "\n".join(f"  {line}" for line in lines)


def _command(sub: Any, name: str, help: str, description: str, *examples: str) -> Parser:
    return sub.add_parser(name, help=help, description=description, epilog=_examples(*examples))


def _font_dir_option(p: Parser) -> None:
    p.add_argument(
        "--font-dir",
        action="append",
        default=[],
        metavar=tr("文件夹", "DIR"),
        help=tr("另外存放正版字体的文件夹（可多次给出）", "extra folder with licensed fonts"),
    )


def _allow_plugins_option(p: Parser) -> None:
    p.add_argument(
        "--allow-plugins",
        action="store_true",
        help=tr(
            "运行报告中 plugins = [...] 列出的本地插件代码（仅本次；只对可信的报告使用）",
            "run the local plugin files the report lists in plugins = [...] (this run only; trusted reports only)",
        ),
    )


def make_parser() -> Parser:
    parser = Parser(
        prog="gongkai",
        description=tr(
            "政府信息公开工作年度报告编译器：把一个 TOML 文件编译成符合 GB/T 9704 的 PDF。\n"
            "先用 gongkai init 生成报告框架，填写后用 gongkai check 检查，再用 gongkai build 生成 PDF。",
            "Compiles one TOML file into a print-ready PDF of a government information-disclosure annual report.",
        ),
        epilog=_examples(
            "gongkai init --format 2021 报告.toml      "
            + tr("生成 2021 年格式的报告框架", "write a 2021-format skeleton"),
            "gongkai check 报告.toml                   " + tr("检查报告，不生成文件", "check without writing"),
            "gongkai build 报告.toml                   " + tr("生成 报告.pdf", "build 报告.pdf"),
            "gongkai watch 报告.toml                   " + tr("边改边看：保存后自动重新生成", "rebuild on every save"),
            "gongkai 命令 --help                       " + tr("查看某个命令的说明", "help for one command"),
        )
        + "\n\n"
        + tr(
            "退出码：0 成功；1 报告有问题；2 无法读取输入或用法错误；3 程序内部错误。\n"
            "设置环境变量 GONGKAI_LANG=en 可显示英文界面。",
            "Exit codes: 0 done; 1 the report has problems; 2 unreadable input or wrong usage; 3 internal error.",
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"gongkai {__version__}", help=tr("显示版本号并退出", "show the version")
    )
    sub = parser.add_subparsers(dest="command", metavar=tr("命令", "COMMAND"), title=tr("命令", "commands"))

    p = _command(
        sub,
        "build",
        tr("生成 PDF（可一次生成多份报告或整个文件夹）", "build PDF(s) from report TOML file(s) or folders of them"),
        tr(
            "把报告生成 PDF（默认写在 TOML 文件旁边，扩展名改为 .pdf）。有错误时不生成文件；警告照常显示。\n"
            "可一次给出多个文件或文件夹：文件夹中所有写有 format 的 .toml 文件都会生成，一份出错不影响其他。",
            "Builds the PDF beside the input; errors stop it, warnings are printed.  Several files or folders "
            "build as a batch.",
        ),
        "gongkai build 报告.toml",
        "gongkai build 报告.toml -o 打印稿.pdf",
        "gongkai build 各部门/ -j 4 --quiet",
        "gongkai build 报告.toml --to pdf,html",
    )
    p.add_argument(
        "reports",
        nargs="+",
        metavar=tr("报告.toml|文件夹", "REPORT.toml|DIR"),
        help=tr("报告文件，或包含报告文件的文件夹", "report files, or folders to search for them"),
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help=tr("同时构建的进程数（默认：可用的 CPU 数）", "parallel worker processes (default: CPU count)"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar=tr("输出文件", "OUT"),
        help=tr(
            "输出文件（默认在报告旁边）；扩展名决定输出格式（.pdf）",
            "output file (default: beside the input); its suffix picks the output",
        ),
    )
    p.add_argument(
        "--to",
        metavar=tr("格式", "FORMATS"),
        help=tr(
            "输出格式，逗号分隔：pdf、html（网页）、html-fragment（供网站编辑粘贴的正文）、docx（Word 文件）；"
            "默认 pdf，或由 -o 的扩展名决定",
            "output formats, comma-separated: pdf, html, html-fragment, docx (default: pdf, or -o's suffix)",
        ),
    )
    p.add_argument(
        "--style",
        metavar=tr("样式", "STYLE"),
        help=tr("样式名或样式文件（优先于报告中的 style）", "style name or path"),
    )
    p.add_argument(
        "--strict", action="store_true", help=tr("把警告当作错误（有警告也不生成）", "treat warnings as errors")
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=tr(
            "不逐条显示警告，只显示每份报告的警告数（错误照常显示）",
            "print warning counts per report instead of every warning (errors are still printed)",
        ),
    )
    _font_dir_option(p)
    p.add_argument(
        "--skip-bad-attachments",
        action="store_true",
        help=tr(
            "跳过无法读取的附件（列为警告）而不是停止生成",
            "leave out attachments that cannot be read (listed as warnings) instead of failing",
        ),
    )
    _allow_plugins_option(p)
    p.add_argument(
        "--follow-symlinks",
        action="store_true",
        help=tr(
            "输出文件是符号链接时，替换它指向的文件（默认拒绝）",
            "when the output is a symbolic link, replace the file it points to (refused by default)",
        ),
    )
    p.set_defaults(func=cmd_build)

    p = _command(
        sub,
        "check",
        tr("检查报告（不生成文件）", "validate a report without writing anything"),
        tr(
            "检查报告的格式、表内勾稽关系、正文与表格数字是否一致，以及字体能否显示每个字，不写任何文件。\n"
            "每条问题给出文件、行号、TOML 键名和应为/实为。退出码：0 没有问题，1 有问题，2 无法读取。",
            "Validates schemas, references, the format's checks and glyph coverage; writes nothing.",
        ),
        "gongkai check 报告.toml",
        "gongkai check 报告.toml --previous ../2023/报告.toml",
        "gongkai check 报告.toml --format json",
        "gongkai check 各部门/ --csv 汇总.csv",
    )
    p.add_argument(
        "reports",
        nargs="+",
        metavar=tr("报告.toml|已发布文件|文件夹", "REPORT.toml|FILE.pdf|DIR"),
        help=tr(
            "一份或多份报告（TOML，或已发布的 HTML/PDF/DOCX/XLSX），或包含报告的文件夹",
            "one report, several (TOML or published HTML/PDF/DOCX/XLSX), or folders of them",
        ),
    )
    p.add_argument("--strict", action="store_true", help=tr("把警告当作错误", "treat warnings as errors"))
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=tr("输出方式：text（文字，默认）或 json", "output format: text (default) or json"),
    )
    p.add_argument(
        "--csv",
        metavar=tr("文件.csv", "FILE"),
        help=tr(
            "另把多份报告的汇总表写成 CSV 文件（UTF-8，可用 Excel 打开）",
            "also write the summary of the reports as CSV (UTF-8, for Excel)",
        ),
    )
    p.add_argument(
        "--thresholds",
        metavar=tr("阈值.toml", "FILE"),
        help=tr("指标阈值文件（TOML），超出时给出提示", "indicator thresholds (TOML) that give notes"),
    )
    p.add_argument(
        "--previous",
        metavar=tr("上年报告.toml", "LAST_YEAR.toml"),
        help=tr("上年报告，用于跨年度核对", "last year's report for cross-year checks"),
    )
    p.add_argument(
        "--style", metavar=tr("样式", "STYLE"), help=tr("样式名或样式文件（用于字形检查）", "style name or path")
    )
    _font_dir_option(p)
    p.add_argument(
        "--report-format",
        metavar=tr("格式", "FORMAT"),
        help=tr("已发布文件的报告格式（默认自动识别）", "report format of published files (default: detect)"),
    )
    _allow_plugins_option(p)
    p.set_defaults(func=cmd_check)

    p = _command(
        sub,
        "import",
        tr("把已发布的报告（HTML、PDF、DOCX、XLSX）导入为报告 TOML", "read a published report back into TOML"),
        tr(
            "读取门户网站上的网页、Word/WPS 导出的 PDF、Word 文件或 Excel 统计表，识别各部分和三张统计表，\n"
            "写成可以检查和重新生成的报告 TOML；没有把握的地方写有“TODO（导入）”注释。不会运行文件中的任何代码。",
            "Reads a published HTML page, PDF, DOCX or XLSX and writes the report as TOML, with TODO comments where "
            "unsure.  Runs nothing from the file.",
        ),
        "gongkai import 2023年报.html -o 2023/report.toml",
        "gongkai import 年报.pdf --format 2021",
    )
    p.add_argument(
        "file",
        metavar=tr("文件", "FILE"),
        help=tr("已发布的报告文件（.html .htm .pdf .docx .xlsx）", "the published file"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT.toml",
        help=tr("写入的 TOML 文件（默认：输出到标准输出）", "TOML file to write (default: standard output)"),
    )
    p.add_argument(
        "--format",
        default="auto",
        choices=("auto", "2021", "2019", "legacy"),
        help=tr("报告格式（默认 auto：自动识别；识别错了可在此指定）", "report format (default: detect)"),
    )
    p.add_argument("--force", action="store_true", help=tr("覆盖已存在的输出文件", "replace an existing output file"))
    p.set_defaults(func=cmd_import)

    p = _command(
        sub,
        "watch",
        tr("边改边看：报告或其附件修改后自动重新生成", "rebuild whenever the report or its files change"),
        tr(
            "生成一次，然后监视报告文件、样式、插件和附件；保存修改后立即重新生成，并显示新出现或已消除的问题。\n"
            "生成失败时保留上一次成功生成的文件。按 Ctrl+C 停止。",
            "Builds once, then rebuilds whenever the report, its style, plugins or attachments change; a failed "
            "build keeps the last good output.  Ctrl+C stops.",
        ),
        "gongkai watch 报告.toml",
        "gongkai watch 报告.toml --to pdf,html",
    )
    p.add_argument("report", metavar=tr("报告.toml", "REPORT.toml"), help=tr("要监视的报告文件", "the report"))
    p.add_argument(
        "-o", "--output", metavar=tr("输出文件", "OUT"), help=tr("输出文件（默认在报告旁边）", "output file")
    )
    p.add_argument(
        "--to",
        metavar=tr("格式", "FORMATS"),
        help=tr("输出格式，逗号分隔，如 pdf,html（默认 pdf）", "output formats, e.g. pdf,html (default: pdf)"),
    )
    p.add_argument("--style", metavar=tr("样式", "STYLE"), help=tr("样式名或样式文件", "style name or path"))
    p.add_argument(
        "--interval",
        type=float,
        default=0.2,
        metavar=tr("秒", "SECONDS"),
        help=tr("检查文件是否修改的间隔（默认 0.2 秒）", "how often to look for changes (default 0.2 s)"),
    )
    _font_dir_option(p)
    _allow_plugins_option(p)
    p.set_defaults(func=cmd_watch)

    p = _command(
        sub,
        "fmt",
        tr(
            "自动修正半角标点、多余空格、不可见字符和常见 TOML 写法错误",
            "fix punctuation, spaces and common TOML slips",
        ),
        tr(
            "把 check 报告的文字问题直接改进文件：中文里的半角标点、多余空格、不可见字符、直引号。\n"
            "并修正意思明确的 TOML 写法错误：数字中的千分位逗号（1,234）、不补零或用汉字写的日期（2025-3-31、"
            "2025年3月31日）、全角的＝和引号、全角数字、制表符和不换行空格。只改这些地方，注释和排列保持不变。",
            "Writes the text-hygiene fixes and unambiguous TOML syntax fixes into the file; comments stay.",
        ),
        "gongkai fmt 报告.toml",
        "gongkai fmt 报告.toml --diff      " + tr("只显示将要做的修改", "show the changes only"),
        "gongkai fmt 报告.toml --check     " + tr("只检查，需要修改时退出码为 1", "exit 1 if it would change"),
    )
    p.add_argument("reports", nargs="+", metavar=tr("报告.toml", "REPORT.toml"), help=tr("要修正的报告文件", "reports"))
    p.add_argument(
        "--check",
        action="store_true",
        help=tr("不写入；需要修改时退出码为 1", "write nothing; exit 1 if the file would change"),
    )
    p.add_argument(
        "--diff",
        action="store_true",
        help=tr("不写入；以 diff 形式显示修改", "write nothing; print the changes as a diff"),
    )
    p.set_defaults(func=cmd_fmt)

    p = _command(
        sub,
        "init",
        tr("生成一份完整的报告框架（TOML）", "write a skeleton report TOML"),
        tr(
            "生成一份包含所有章节和说明的报告框架，填写其中的内容即可。默认文件名 report.toml；已存在时不覆盖。",
            "Writes a complete skeleton with every section and a description of every key.",
        ),
        "gongkai init                       " + tr("旧版九部分格式，写入 report.toml", "legacy format, report.toml"),
        "gongkai init --format 2021 报告.toml",
    )
    p.add_argument(
        "path",
        nargs="?",
        metavar=tr("文件", "PATH"),
        help=tr("写入的文件或文件夹（默认 report.toml）", "file or folder"),
    )
    p.add_argument(
        "--format",
        default="legacy",
        metavar=tr("格式", "FORMAT"),
        help=tr(
            "报告格式：legacy（旧版九部分，默认）、2021（现行格式）、2019（试行格式）",
            "report format (legacy, 2021, 2019)",
        ),
    )
    p.add_argument("--force", action="store_true", help=tr("覆盖已存在的文件", "replace an existing file"))
    p.set_defaults(func=cmd_init)

    p = _command(
        sub,
        "extract",
        tr("从生成的 PDF 中取回报告 TOML 和计算结果", "write out the source TOML and JSON embedded in a PDF"),
        tr(
            "gongkai 生成的 PDF 内嵌了报告的 TOML 原文（逐字节相同）和计算结果 JSON，本命令把它们写出来。",
            "Writes back the embedded source TOML (byte for byte) and the computed JSON.",
        ),
        "gongkai extract 报告.pdf",
        "gongkai extract 报告.pdf -o 取回/",
    )
    p.add_argument("pdf", metavar=tr("报告.pdf", "REPORT.pdf"), help=tr("gongkai 生成的 PDF", "a PDF built by gongkai"))
    p.add_argument(
        "-o", "--output", metavar=tr("文件夹", "DIR"), default=".", help=tr("写入的文件夹（默认当前文件夹）", "folder")
    )
    p.add_argument(
        "--force", action="store_true", help=tr("覆盖内容不同的已有文件", "replace existing files that differ")
    )
    p.set_defaults(func=cmd_extract)

    p = _command(
        sub,
        "plugins",
        tr("列出已安装的插件及其章节", "list registered plugins and their hooks"),
        tr("列出每个插件、来源（内置、入口点、文件）、钩子、格式和章节。", "Every plugin, its origin and hooks."),
        "gongkai plugins",
        "gongkai plugins --json",
    )
    p.add_argument("--json", action="store_true", help=tr("以 JSON 输出", "print JSON"))
    p.set_defaults(func=cmd_plugins)

    p = _command(
        sub,
        "cache",
        tr("查看或清除用户缓存（字体解析结果等）", "show the user cache or clear it"),
        tr("缓存只用于加快速度，删除后需要时会自动重建。", "The cache only saves time; it is rebuilt when needed."),
        "gongkai cache",
        "gongkai cache --clear",
    )
    p.add_argument("--clear", action="store_true", help=tr("删除缓存文件", "delete the cache's files"))
    p.set_defaults(func=cmd_cache)

    p = _command(
        sub,
        "style",
        tr("显示最终使用的样式表", "show the resolved style sheet"),
        tr("显示合并继承关系后的完整样式表（字体、字号、版心等）。", "Prints the fully resolved style sheet."),
        "gongkai style --print",
        "gongkai style 报告.toml",
        "gongkai style --style word-pitch",
    )
    p.add_argument(
        "report",
        nargs="?",
        metavar=tr("报告.toml", "REPORT.toml"),
        help=tr("使用该报告的样式", "use this report's style"),
    )
    p.add_argument("--style", metavar=tr("样式", "STYLE"), help=tr("样式名或样式文件", "style name or path"))
    p.add_argument("--print", action="store_true", help=tr("显示样式表（默认）", "print the resolved style (default)"))
    p.set_defaults(func=cmd_style)

    p = _command(
        sub,
        "fonts",
        tr("显示每种字体角色使用哪个字体文件及原因", "show which font file serves each role, and why"),
        tr(
            "本机安装的正版字体（方正小标宋、仿宋_GB2312 等）会被自动使用；本命令显示实际使用的字体文件。",
            "Licensed fonts installed on the machine are used automatically; this shows which file serves each role.",
        ),
        "gongkai fonts",
        "gongkai fonts --font-dir D:/字体",
    )
    p.add_argument("--style", metavar=tr("样式", "STYLE"), help=tr("样式名或样式文件", "style name or path"))
    _font_dir_option(p)
    p.add_argument("--json", action="store_true", help=tr("以 JSON 输出", "print JSON"))
    p.set_defaults(func=cmd_fonts)
    parser.commands = sorted(sub.choices)
    return parser


def _third_party_output() -> None:
    """Keep libraries' English out of the clerk's terminal: pypdf logs "invalid pdf header" and "EOF marker
    not found" before gongkai's own Chinese message says the same; Python warnings are wrapped in Chinese.
    With GONGKAI_DEBUG the libraries' own records are shown as they are."""
    import logging
    import warnings

    if os.environ.get("GONGKAI_DEBUG"):
        return
    for name in ("pypdf", "PyPDF2", "reportlab", "PIL", "fontTools"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False

    def show(message, category, filename, lineno, file=None, line=None):
        module = Path(filename).parent.name if filename else "?"
        print(msg("third-party.warning", module=module, message=message), file=file or sys.stderr)

    warnings.showwarning = show


def _safe_streams() -> None:
    """A console or file that is not UTF-8 (GBK on a Chinese Windows when output is redirected) cannot take
    every character a message may quote (𠮷, emoji, private-use characters): write an escape for those instead
    of failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        print(f"\n{msg('usage.error', message=msg('usage.no-command'))}", file=sys.stderr)
        return EXIT_INPUT
    _third_party_output()
    started = time.perf_counter()
    try:
        return args.func(args)
    except UsageError as exc:
        print(msg("usage.error", message=usage_text(str(exc))), file=sys.stderr)
        return EXIT_INPUT
    except ReportError as exc:
        _print_problems(exc.problems)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(msg("interrupted"), file=sys.stderr)
        return 130
    except MemoryError:
        print("gongkai: 内存不足；请关闭其他程序，或减小 -j 的值后重试", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # the reader went away (`gongkai check … | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as exc:  # a full disk, a read-only folder, no permission, too many open files …
        from compiler.files.output import os_error_message

        print(f"gongkai: {os_error_message(exc, exc.filename, '读写')}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("GONGKAI_DEBUG"):
            traceback.print_exc()
        print(
            msg("internal", kind=type(exc).__name__, detail=exc, seconds=time.perf_counter() - started),
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
