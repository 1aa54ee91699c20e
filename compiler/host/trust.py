"""Which local plugin files (``plugins = ["x.py"]`` in a report) may run.

A report file may come from anyone — an assessor checks reports written by others — and a local plugin is
arbitrary Python.  So gongkai runs one only when the user has said so:

* ``--allow-plugins`` on ``build`` or ``check`` — for this run (the same as ``GONGKAI_ALLOW_PLUGINS=1``);
* ``GONGKAI_TRUSTED_DIRS`` — folders (separated by ``os.pathsep``) whose reports' plugins may always run,
  e.g. ``export GONGKAI_TRUSTED_DIRS=$HOME/reports``; a folder's subfolders are trusted with it.

A trust file inside the report's folder is deliberately not offered: whoever sends the report could send it
too.  Installed entry-point plugins are trusted (installing a package is already running its code).

Whatever the switches say, a local plugin must be named by a relative path inside the report's folder
(symlinks resolved): ``/abs/x.py`` and ``../x.py`` are refused before anything is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from compiler.model.document import SourceRef
from compiler.model.problems import Problem, ReportError, error

ALLOW_ENV = "GONGKAI_ALLOW_PLUGINS"
TRUSTED_ENV = "GONGKAI_TRUSTED_DIRS"
ALLOW_FLAG = "--allow-plugins"


def allow_for_this_run() -> None:
    """What ``--allow-plugins`` does (an environment variable, so batch workers inherit it)."""
    os.environ[ALLOW_ENV] = "1"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def trusted(folder: Path) -> bool:
    """Whether local plugins of a report in ``folder`` may run."""
    if os.environ.get(ALLOW_ENV, "").strip() not in ("", "0"):
        return True
    folder = folder.resolve()
    for entry in os.environ.get(TRUSTED_ENV, "").split(os.pathsep):
        if entry.strip() and _inside(folder, Path(entry.strip()).expanduser().resolve()):
            return True
    return False


def plugin_path(report: Path, name: str, ref: SourceRef | None) -> Path:
    """The file ``plugins = [name]`` of ``report`` names, or :class:`ReportError` if it is not a relative path
    inside the report's folder."""
    folder = report.parent.resolve()
    raw = Path(name)
    if not name.strip() or raw.is_absolute() or name.startswith(("\\", "~")) or ":" in name:
        raise ReportError(
            error(
                "plugin.outside-folder",
                f'本地插件“{name}”必须写成相对于报告所在目录的路径（如 "my_section.py"），不能是绝对路径；'
                "请把插件文件放进报告所在目录",
                ref,
            )
        )
    path = (folder / raw).resolve()
    if not _inside(path, folder):
        raise ReportError(
            error(
                "plugin.outside-folder",
                f"本地插件“{name}”指向报告所在目录 {folder} 之外（{path}）；只能运行报告目录中的插件文件，"
                "请把插件文件放进该目录",
                ref,
            )
        )
    return path


def not_allowed(paths: Sequence[Path], refs: Sequence[SourceRef | None]) -> Problem:
    """The problem saying which code would run and how to allow it."""
    listed = "、".join(f"{p}（{_size(p)}）" for p in paths)
    folder = paths[0].parent
    message = (
        f"这份报告要求运行本地插件代码：{listed}。gongkai 默认不运行报告自带的代码（报告可能来自他人，"
        f"插件可以在您的电脑上做任何事）。请先查看这些文件；确认可信后，本次运行加 {ALLOW_FLAG}，"
        f"或把该目录加入环境变量 {TRUSTED_ENV}（如 {TRUSTED_ENV}={folder}）"
    )
    return error("plugin.not-allowed", message, refs[0] if refs else None)


def _size(path: Path) -> str:
    try:
        return f"{path.stat().st_size} 字节"
    except OSError:
        return "无法读取"
