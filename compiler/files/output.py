"""Writing results safely: never a partial file, never over an input, never through a device or a link.

:func:`write_atomic` is the only way gongkai writes a result (PDF, extracted files, ``fmt``, ``init``):

* the data goes to a temporary file in the target's folder (its name bounded to 255 bytes), is flushed to
  disk and renamed over the target: a reader sees the old file or the new one, never half of one;
* the temporary file is removed on any failure, on Ctrl-C, and on SIGTERM/SIGHUP while it exists;
* it refuses a target that is an input of the build (compared by identity, so ``./a/../r.toml`` and hard
  links count), a device, FIFO or socket (writing there would block, or feed another program), a folder,
  and a symbolic link (unless ``follow_symlinks``: then the link's target is replaced and the link kept);
* a new file gets the permissions the umask allows (like any program's ``open``); a replaced file keeps its
  mode;
* every operating-system error becomes a :class:`~compiler.model.problems.UsageError` with a Chinese message
  naming the path and what to do (:func:`os_error_message`): exit status 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from compiler.model.problems import UsageError

#: Most file systems limit one name to 255 bytes.
NAME_MAX = 255
_TMP_SUFFIX = ".tmp"

#: errno → (what happened, what to do)
_ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘空间不足", "请清理磁盘空间，或用 -o 写到空间足够的位置"),
    errno.EDQUOT: ("超出了磁盘配额", "请清理文件，或用 -o 写到其他位置"),
    errno.EROFS: ("所在的文件系统是只读的", "请用 -o 写到可写的位置"),
    errno.EACCES: ("没有权限", "请检查该文件及其所在目录的权限，或用 -o 写到有权限的位置"),
    errno.EPERM: ("操作不被允许", "请检查该文件及其所在目录的权限和属性，或用 -o 写到其他位置"),
    errno.ENAMETOOLONG: ("文件名太长（一个文件名最多 255 字节，一个汉字占 3 字节）", "请缩短文件名或目录名"),
    errno.EMFILE: ("打开的文件过多", "请减小 -j 的值，或用 ulimit -n 提高可打开文件数后重试"),
    errno.ENFILE: ("系统打开的文件过多", "请关闭其他程序或减小 -j 的值后重试"),
    errno.ENOENT: ("文件或目录不存在", "请检查路径"),
    errno.ENOTDIR: ("路径中有一部分不是目录", "请检查路径"),
    errno.EISDIR: ("这是一个目录", "请给出文件名"),
    errno.EEXIST: ("已存在", "请换一个名字"),
    errno.EIO: ("读写出错（磁盘或网络存储故障）", "请检查存储设备后重试"),
    errno.ELOOP: ("符号链接层数过多（可能是循环链接）", "请检查路径中的符号链接"),
    errno.EXDEV: ("不能跨文件系统改名", "请把输出写到同一文件系统中"),
    errno.EBUSY: ("文件正被占用", "请关闭正在使用该文件的程序后重试"),
    errno.ETXTBSY: ("文件正被占用", "请关闭正在使用该文件的程序后重试"),
    errno.ENOMEM: ("内存不足", "请关闭其他程序，或减小 -j 的值后重试"),
    errno.EFBIG: ("文件超过了文件系统允许的大小", "请写到其他文件系统"),
}


def os_error_message(exc: OSError, path: Path | str | None, action: str) -> str:
    """A Chinese message for an operating-system error: ``无法写入 PATH：磁盘空间不足（ENOSPC）；请…``."""
    code = exc.errno or 0
    what, todo = _ERRNO.get(code, (exc.strerror or type(exc).__name__, "请检查该路径后重试"))
    if "写" not in action and "创建" not in action:  # reading: -o is no remedy
        todo = todo.split("，或用 -o")[0].split("或用 -o")[0].rstrip("，")
    name = errno.errorcode.get(code, type(exc).__name__)
    where = f" {path}" if path is not None else (f" {exc.filename}" if exc.filename else "")
    return f"无法{action}{where}：{what}（{name}）；{todo}"


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.abspath(a) == os.path.abspath(b) or a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """Raise a usage error if ``path`` is one of ``inputs`` (checked before any work, and again on writing)."""
    for source in inputs:
        if _same(Path(path), Path(source)):
            raise UsageError(
                f"拒绝覆盖 {path}：它是本次构建的输入文件（报告、上一年度报告、样式、附件或本地插件）；"
                "请用 -o 指定另一个输出文件"
            )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_KINDS = {
    stat.S_IFCHR: "字符设备",
    stat.S_IFBLK: "块设备",
    stat.S_IFIFO: "命名管道（FIFO）",
    stat.S_IFSOCK: "套接字",
    stat.S_IFDIR: "目录",
}


def _target(path: Path, follow_symlinks: bool) -> tuple[Path, int | None]:
    """The file to replace and the mode to give it (``None``: a new file, the umask decides)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, None
    except OSError as exc:
        raise UsageError(os_error_message(exc, path, "访问")) from None
    if stat.S_ISLNK(info.st_mode):
        if not follow_symlinks:
            raise UsageError(
                f"输出文件 {path} 是符号链接（指向 {os.readlink(path)}）；"
                "为免覆盖别处的文件，gongkai 不经符号链接写入。"
                "请删除该链接或用 -o 换一个文件名；确需写到链接指向的文件，请加 --follow-symlinks"
            )
        return _target(path.resolve(), False)
    kind = _KINDS.get(stat.S_IFMT(info.st_mode))
    if kind is not None:
        raise UsageError(f"输出路径 {path} 是{kind}，不是普通文件；gongkai 只写普通文件，请用 -o 指定一个文件名")
    return path, stat.S_IMODE(info.st_mode)


def temporary_prefix(name: str) -> str:
    """``.NAME.`` cut so that the temporary file's whole name (with mkstemp's 8 characters and ``.tmp``) fits
    in 255 bytes."""
    room = NAME_MAX - 2 - 8 - len(_TMP_SUFFIX) - 8  # dots, random part, suffix, margin
    cut = name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{cut}."


_live: set[str] = set()  # temporary files that exist right now (removed by the signal handler)
_HANDLED = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)


def _discard(tmp: str) -> None:
    """Remove a temporary file (gone already is fine)."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _on_signal(signum: int, _frame: object) -> None:
    for tmp in list(_live):
        _discard(tmp)
        _live.discard(tmp)
    signal.signal(signum, _previous.get(signum, signal.SIG_DFL))
    os.kill(os.getpid(), signum)  # the signal's usual effect (ending the process), now without leftovers


_previous: dict[int, object] = {}


@contextlib.contextmanager
def _removed_on_signal(tmp: str) -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    installed: list[int] = []
    if main:
        for signum in _HANDLED:
            previous = signal.getsignal(signum)
            if previous in (signal.SIG_IGN, None):
                continue
            _previous[signum] = previous
            signal.signal(signum, _on_signal)
            installed.append(signum)
    _live.add(tmp)
    try:
        yield
    finally:
        _live.discard(tmp)
        for signum in installed:
            signal.signal(signum, _previous.pop(signum))  # type: ignore[arg-type]


def write_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = (), follow_symlinks: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename.

    Refuses to replace any of ``inputs`` (the report, its previous report, style, attachments, plugins)."""
    path = Path(path)
    inputs = list(inputs)
    refuse_inputs(path, inputs)
    target, mode = _target(path, follow_symlinks)
    if target != path:
        refuse_inputs(target, inputs)
    if len(target.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise UsageError(os_error_message(OSError(errno.ENAMETOOLONG, "name too long"), target, "写入"))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"输出目录 {folder} 不存在；请先创建它，或用 -o 指定已有的目录")
    try:
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(target.name), suffix=_TMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise UsageError(os_error_message(exc, target, "写入")) from None
    try:
        with _removed_on_signal(tmp):
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
            os.replace(tmp, target)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise UsageError(os_error_message(exc, target, "写入")) from None
        raise
