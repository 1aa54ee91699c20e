"""``gongkai extract REPORT.pdf [-o DIR]``: the embedded source TOML and computed JSON, written back out.

The TOML comes back byte-for-byte (it is stored unchanged), so a published PDF is also its own source.
A PDF can come from anyone, and so can everything embedded in it: only the two files gongkai itself embeds
are written — the report TOML and its ``.data.json`` — under names of a fixed shape (``NAME.toml`` and
``NAME.data.json``, ``NAME`` reduced to a plain file name, ``report`` when it is not one), inside the
folder ``-o`` names, atomically, and an existing file with other content is only replaced with ``--force``.
Any other embedded file (a script, a dotfile, another PDF) is listed, never written.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from compiler.files.output import os_error_message, write_atomic
from compiler.model.problems import UsageError
from compiler.render.pdf.finish.embedded import DATA_SUFFIX, read_embedded

#: A plain file-name stem: letters (any script), digits, ``_ - .`` inside; no leading dot, at most 100 characters.
_PLAIN_STEM = re.compile(r"[^\W_][\w.\-]{0,99}")
DEFAULT_STEM = "report"


def safe_name(name: str) -> str:
    """A bare file name for an embedded file's name, or :class:`UsageError` when none can be made."""
    bare = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not bare or bare in (".", "..") or any(ord(c) < 32 for c in bare):
        raise UsageError(f"PDF 中嵌入的文件名不可用：{name!r}")
    return bare


def plain_stem(name: str) -> str:
    """The stem to write ``name``'s TOML under: its own when plain, else ``report``."""
    try:
        bare = safe_name(name)
    except UsageError:
        return DEFAULT_STEM
    stem = bare[: -len(".toml")] if bare.lower().endswith(".toml") else bare
    return stem if _PLAIN_STEM.fullmatch(stem) and not stem.endswith(".") else DEFAULT_STEM


@dataclass
class Extracted:
    written: list[Path] = field(default_factory=list)
    ignored: list[tuple[str, int]] = field(default_factory=list)  # other embedded files: name, bytes


def read_pdf_files(pdf: Path) -> dict[str, bytes]:
    if not pdf.exists():
        raise UsageError(f"找不到文件：{pdf}；请检查路径")
    if not pdf.is_file():
        raise UsageError(f"{pdf} 不是普通文件（是目录、设备或管道）；请给出 PDF 文件的路径")
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise UsageError(os_error_message(exc, pdf, "读取")) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UsageError(f"{pdf} 已加密，无法读取其中嵌入的数据")
        files = read_embedded(reader)
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise UsageError(
            f"{pdf} 不是可读取的 PDF 文件（{type(exc).__name__}）；请确认这是 gongkai 生成的 PDF"
        ) from None
    if not files:
        raise UsageError(f"{pdf} 中没有嵌入的报告数据（不是由 gongkai 生成的 PDF？）")
    return files


def pick(files: dict[str, bytes]) -> tuple[str | None, str | None]:
    """The embedded names of the report TOML and its data JSON (``None`` when absent)."""
    tomls = sorted(n for n in files if n.lower().endswith(".toml"))
    toml = next((n for n in tomls if n[: -len(".toml")] + DATA_SUFFIX in files), tomls[0] if tomls else None)
    data = toml[: -len(".toml")] + DATA_SUFFIX if toml else None
    if data not in files:
        candidates = sorted(n for n in files if n.endswith(DATA_SUFFIX))
        data = candidates[0] if len(candidates) == 1 else None
    return toml, data


def extract(pdf: Path, out_dir: Path, *, force: bool = False) -> Extracted:
    """Write the report TOML and data JSON embedded in ``pdf`` into ``out_dir`` (created if needed)."""
    files = read_pdf_files(pdf)
    toml, data = pick(files)
    if toml is None and data is None:
        names = "、".join(sorted(files))
        raise UsageError(f"{pdf} 中没有 gongkai 的报告数据（只嵌入了：{names}）；这些文件不会被写出")
    stem = plain_stem(toml or (data or "")[: -len(DATA_SUFFIX)] + ".toml")
    targets: dict[Path, bytes] = {}
    if toml is not None:
        targets[out_dir / f"{stem}.toml"] = files[toml]
    if data is not None:
        targets[out_dir / f"{stem}{DATA_SUFFIX}"] = files[data]
    result = Extracted(ignored=[(n, len(b)) for n, b in sorted(files.items()) if n not in (toml, data)])
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o 应是一个目录，但 {out_dir} 是文件；请换一个目录名（不存在的目录会自动创建）")
    for path, content in targets.items():  # check everything before writing anything
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise UsageError(f"{path} 已存在且不是普通文件（符号链接、目录、设备或管道）；请换一个目录")
        if path.exists() and not force:
            try:
                same = path.read_bytes() == content
            except OSError as exc:
                raise UsageError(os_error_message(exc, path, "读取")) from None
            if not same:
                raise UsageError(f"{path} 已存在且内容不同；确认要替换请加 --force，或用 -o 换一个目录")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(os_error_message(exc, out_dir, "创建目录")) from None
    for path, content in targets.items():
        write_atomic(path, content, inputs=[pdf])
        result.written.append(path)
    return result
