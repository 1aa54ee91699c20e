"""``gongkai extract REPORT.pdf [-o DIR]``: the embedded source TOML and computed JSON, written back out.

The TOML comes back byte-for-byte (it is stored unchanged), so a published PDF is also its own source.
Embedded file names come from the PDF, i.e. from whoever made it: they are reduced to a bare file name
before anything is written, and an existing file with other content is only replaced with ``--force``.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from compiler.files.output import write_atomic
from compiler.model.problems import UsageError
from compiler.render.pdf.finish.embedded import read_embedded


def safe_name(name: str) -> str:
    """A bare file name for an embedded file's name, or :class:`UsageError` when none can be made."""
    bare = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not bare or bare in (".", "..") or any(ord(c) < 32 for c in bare):
        raise UsageError(f"embedded file has an unusable name: {name!r}")
    return bare


def read_pdf_files(pdf: Path) -> dict[str, bytes]:
    if not pdf.is_file():
        raise UsageError(f"找不到文件：{pdf}")
    try:
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        if reader.is_encrypted:
            raise UsageError(f"{pdf} 已加密，无法读取其中嵌入的数据")
        files = read_embedded(reader)
    except (PyPdfError, DependencyError) as exc:
        raise UsageError(f"{pdf} 不是可读取的 PDF 文件（{exc}）") from None
    if not files:
        raise UsageError(f"{pdf} 中没有嵌入的报告数据（不是由 gongkai 生成的 PDF？）")
    return files


def extract(pdf: Path, out_dir: Path, *, force: bool = False) -> list[Path]:
    """Write every embedded file of ``pdf`` into ``out_dir`` (created if needed); returns the paths."""
    files = read_pdf_files(pdf)
    targets = {out_dir / safe_name(name): data for name, data in sorted(files.items())}
    for path, data in targets.items():  # check everything before writing anything
        if path.exists() and not force and (path.is_dir() or path.read_bytes() != data):
            raise UsageError(f"{path} already exists with other content (use --force to replace it)")
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, data in targets.items():
        write_atomic(path, data, inputs=[pdf])
    return list(targets)
