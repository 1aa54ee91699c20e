"""The words of the command line, in Chinese first and in English on request.

Users are clerks who read Chinese only, so every message, help text and usage error of ``gongkai`` is Chinese
by default.  ``GONGKAI_LANG=en`` (or a ``LANG``/``LC_ALL`` of ``en…`` together with ``GONGKAI_LANG`` unset is
*not* enough — the default is Chinese whatever the locale) switches the command line's own words to English;
the messages about a report's content come from the plugins and stay Chinese.

Two kinds of text live here:

* runtime messages, keyed by a stable id in :data:`MESSAGES` and formatted with :func:`msg`;
* argparse's own sentences (``the following arguments are required``…), which :func:`translate_argparse`
  turns into Chinese; :class:`compiler.cli.parser.Parser` calls it from its ``error`` method.

Help texts are written next to their options as ``tr("中文", "English")``.
"""

from __future__ import annotations

import difflib
import os
import re

#: message id → (Chinese, English); ``{name}`` fields are filled by :func:`msg`.
MESSAGES: dict[str, tuple[str, str]] = {
    "usage.prefix": ("用法：", "usage: "),
    "usage.error": ("gongkai：{message}", "gongkai: error: {message}"),
    "usage.see-help": ("运行“{prog} --help”查看说明和示例。", "Run '{prog} --help' for help and examples."),
    "usage.no-command": (
        "请指定一个命令，例如：gongkai build 报告.toml",
        "name a command, e.g. gongkai build report.toml",
    ),
    "internal": (
        "gongkai：内部错误（{kind}：{detail}），用时 {seconds:.2f} 秒；这是程序的缺陷，不是您的报告有问题。"
        "请设置环境变量 GONGKAI_DEBUG=1 再运行一次，把显示的全部内容发给维护人员",
        "gongkai: internal error ({kind}: {detail}) after {seconds:.2f} s; "
        "set GONGKAI_DEBUG=1 for the traceback and please report it",
    ),
    "interrupted": ("已中断", "interrupted"),
    "init.exists": (
        "文件“{path}”已经存在；如要覆盖，请加 --force（原文件将被替换）",
        "{path} already exists (use --force to replace it)",
    ),
    "init.written": (
        "已生成报告框架：{path}\n下一步：用文本编辑器填写，然后运行 gongkai check {path}",
        "skeleton written: {path}\nnext: fill it in, then run gongkai check {path}",
    ),
    "format.unknown": ("未知的报告格式“{name}”{hint}", "unknown report format '{name}'{hint}"),
    "format.did-you-mean": ("；是否应为“{name}”？", "; did you mean '{name}'?"),
    "format.known": ("；可用的格式：{names}", "; known formats: {names}"),
    "build.done": ("{output}  {pages} 页  {seconds:.2f} 秒", "{output}  {pages} pages  {seconds:.2f} s"),
    "build.done-web": ("{output}  {seconds:.2f} 秒", "{output}  {seconds:.2f} s"),
    "batch.one-output": (
        "-o/--output 只能用于一份报告；多份报告的输出文件写在各自的 TOML 文件旁边",
        "-o/--output can only be used with a single report",
    ),
    "batch.none-found": (
        "没有找到报告文件（报告是顶层写有 format 的 .toml 文件）",
        "no report files found (a report is a .toml file with a top-level format key)",
    ),
    "check.previous-missing": ("找不到上年报告：{path}", "last year's report not found: {path}"),
    "jobs.invalid": (
        "应为正整数（同时构建的进程数，如 -j 4），实为“{value}”",
        "must be a positive whole number of worker processes, not '{value}'",
    ),
    "watch.start": (
        "正在监视 {path} 及其样式、插件和附件；修改并保存后自动重新生成（按 Ctrl+C 停止）",
        "watching {path} with its style, plugins and attachments; save to rebuild (Ctrl+C stops)",
    ),
    "watch.built": (
        "[{clock}] 已生成 {outputs}  {pages} 页  {seconds:.2f} 秒",
        "[{clock}] built {outputs}  {pages} pages  {seconds:.2f} s",
    ),
    "watch.built-web": ("[{clock}] 已生成 {outputs}  {seconds:.2f} 秒", "[{clock}] built {outputs}  {seconds:.2f} s"),
    "watch.failed": (
        "[{clock}] 未生成（{summary}）；上一次生成的文件保持不变",
        "[{clock}] not built ({summary}); the last good output is unchanged",
    ),
    "watch.changed": ("[{clock}] 已修改：{names}", "[{clock}] changed: {names}"),
    "watch.same-problems": ("（问题与上次相同：{summary}）", "(same problems as before: {summary})"),
    "watch.internal": (
        "内部错误 {detail}；设置 GONGKAI_DEBUG=1 可看到详细信息，保存后会再试",
        "internal error {detail}; GONGKAI_DEBUG=1 shows the traceback; the next save tries again",
    ),
    "watch.files": ("同时监视：{names}", "also watching: {names}"),
    "watch.unreadable": ("报告无法读取，见上面的说明", "the report cannot be read, see above"),
    "watch.fixed": ("- 已消除 {count} 个问题", "- {count} problems fixed"),
    "watch.stopped": ("已停止监视", "stopped watching"),
    "batch.skipped": (
        "{path}: 跳过（没有 format，不是报告文件）",
        "{path}: skipped (no top-level format: not a report)",
    ),
    "batch.counts": ("{path}: {errors} 个错误，{warnings} 个警告", "{path}: {errors} errors, {warnings} warnings"),
    "batch.quiet": ("（--quiet：警告未列出）", " (--quiet: warnings not listed)"),
    "batch.quiet-one": (
        "{path}: {warnings} 个警告（--quiet：未列出）",
        "{path}: {warnings} warnings (--quiet: not listed)",
    ),
    "batch.built": (
        "已生成 {built}/{total} 份报告，用时 {seconds:.1f} 秒（{rate:.1f} 份/秒）",
        "built {built} of {total} reports in {seconds:.1f} s ({rate:.1f} reports/s)",
    ),
    "batch.failed": ("{count} 份报告未生成：", "{count} reports not built:"),
    "batch.progress": ("{done}/{total}  {rate:.1f} 份/秒", "{done}/{total}  {rate:.1f} reports/s"),
    "batch.progress-failed": ("  {count} 失败", "  {count} failed"),
    "batch.table": ("结果|页数|错误|警告|秒|报告", "result|pages|errors|warnings|s|report"),
    "batch.status": ("已生成|有错误|无法读取|内部错误", "built|problems|unreadable|internal error"),
    "fmt.nothing": ("{path}: 无需修改", "{path}: nothing to change"),
    "fmt.done": ("{path}: 已修改 {count} 处", "{path}: {count} changes written"),
    "fmt.would": ("{path}: 需要修改 {count} 处（未写入）", "{path}: {count} changes needed (not written)"),
    "fmt.unmapped": (
        "{path}: 未能在文件中定位 {key}，请手工修改",
        "{path}: could not locate {key} in the file; fix it by hand",
    ),
    "summary": ("{errors} 个错误，{warnings} 个警告", "{errors} errors, {warnings} warnings"),
    "third-party.warning": (
        "gongkai：第三方组件 {module} 提示：{message}",
        "gongkai: warning from {module}: {message}",
    ),
}


#: English sentences some modules still raise as usage errors, as the clerk reads them (the modules' own
#: wording wins as soon as it is Chinese: these patterns then simply no longer match).
_USAGE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^refusing to overwrite an input file: (.+)$"),
        "不能覆盖输入文件 {0}：输出文件不能与报告、样式表或附件同名，请用 -o 换一个文件名",
    ),
    (re.compile(r"^output path is a directory: (.+)$"), "输出位置 {0} 是一个文件夹，请给出文件名"),
    (re.compile(r"^output path is not a regular file: (.+)$"), "输出位置 {0} 不是普通文件，请换一个文件名"),
    (re.compile(r"^output folder does not exist: (.+)$"), "输出文件夹 {0} 不存在，请先建立该文件夹"),
    (
        re.compile(r"^(.+) already exists with other content \(use --force to replace it\)$"),
        "文件 {0} 已经存在且内容不同；如要覆盖，请加 --force",
    ),
    (re.compile(r"^embedded file has an unusable name: (.+)$"), "PDF 中嵌入的文件名不可用：{0}"),
]


def usage_text(message: str) -> str:
    """A usage error as printed: Chinese (under ``GONGKAI_LANG=en``, as raised)."""
    if language() == "en":
        return message
    for pattern, chinese in _USAGE:
        found = pattern.match(message)
        if found:
            return chinese.format(*found.groups())
    return message


def language() -> str:
    """``"zh"`` unless ``GONGKAI_LANG`` asks for English (``en``, ``en_US``, ``english``…)."""
    return "en" if os.environ.get("GONGKAI_LANG", "").strip().lower().startswith("en") else "zh"


def msg(key: str, **fields: object) -> str:
    zh, en = MESSAGES[key]
    return (en if language() == "en" else zh).format(**fields)


def tr(zh: str, en: str) -> str:
    """A help text written where it is used: the Chinese, or the English under ``GONGKAI_LANG=en``."""
    return en if language() == "en" else zh


def suggestion(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return found[0] if found else None


# argparse's sentences (Python 3.11–3.13), matched on the English text argparse produced
_QUOTED = r"['\"]?([^'\"]*)['\"]?"
_ARGPARSE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (re.compile(r"^expected one argument$"), "后面缺少一个值"),
    (re.compile(r"^expected at least one argument$"), "后面至少需要一个值"),
    (re.compile(r"^expected at most one argument$"), "后面最多只能有一个值"),
    (re.compile(r"^ignored explicit argument (.+)$"), "不接受值 {0}"),
    (re.compile(r"^not allowed with argument (.+)$"), "不能与 {0} 同时使用"),
    (re.compile(r"^ambiguous option: (\S+) could match (.+)$"), "选项 {0} 有歧义，可能是：{1}"),
    (re.compile(r"^invalid (\w+) value: " + _QUOTED + "$"), "的值“{1}”无效（应为{0}）"),
    (re.compile(r"^invalid choice: " + _QUOTED + r" \(choose from (.+)\)$"), "的值“{0}”无效；可选：{1}"),
]
_ARGUMENT = re.compile(r"^argument ([^:]+): (.+)$")
_TYPES = {"int": "整数", "float": "数字"}


def translate_argparse(message: str, commands: list[str] | None = None) -> str:
    """An argparse error sentence in Chinese (unchanged under ``GONGKAI_LANG=en``)."""
    if language() == "en":
        return message
    argument = None
    m = _ARGUMENT.match(message)
    if m:
        argument, message = m.group(1), m.group(2)
    if argument in ("COMMAND", "命令") and commands:
        choice = re.match(r"^invalid choice: " + _QUOTED, message)
        if choice:
            name = choice.group(1)
            hint = suggestion(name, commands)
            close = f"；是否应为“{hint}”？" if hint else ""
            return f"没有“{name}”这个命令{close}可用的命令：{'、'.join(commands)}"
    for pattern, template in _ARGPARSE:
        found = pattern.match(message)
        if found:
            groups = [_TYPES.get(g, g) for g in found.groups()]
            groups = [re.sub(r"'([^']*)'", r"“\1”", g).replace("”, “", "”、“") for g in groups]
            text = template.format(*groups)
            break
    else:
        text = message
    if argument is None:
        return text
    if text.startswith("的"):
        return f"参数 {argument} {text}"
    return f"参数 {argument}：{text}"
