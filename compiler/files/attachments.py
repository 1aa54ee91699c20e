"""Attachment files (``[[attachments]]``): opened, checked and reduced to the pages that will be bound.

Everything that can go wrong with a file someone else produced is found here, before any page is
assembled, and reported as a Chinese problem that names the attachment's TOML key and line and says what to
do: a missing file, a file that is neither PDF nor PNG/JPEG, a truncated or damaged PDF, a password that is
missing or wrong, no pages, page sizes no printer could take, a page range outside the document.

PDF pages are read with pypdf; images only have to be decodable (ReportLab, through the Pillow it already
depends on, draws them later), so a truncated scan is caught here rather than embedded broken.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from compiler.model.problems import Problem, Severity, error, warning

if TYPE_CHECKING:
    from pypdf import PdfReader

    from compiler.model.report import Report

MM = 72.0 / 25.4
#: Pages outside these bounds (either side, in mm) are not a document page anyone can print or bind:
#: 25 mm is smaller than a business card's short side, 1200 mm just admits A0 (841 × 1189 mm).
MIN_SIDE_MM = 25.0
MAX_SIDE_MM = 1200.0
#: Every problem rule of this module starts with this, so a build can tell attachment problems apart.
RULE_PREFIX = "attachments."

Kind = Literal["pdf", "image"]


@dataclass
class Attachment:
    """One attachment that will be bound: which pages, and the displayed size of each."""

    index: int  # position in [[attachments]] (0-based): the key path is attachments[index]
    title: str
    path: Path
    kind: Kind
    pages: list[int] = field(default_factory=list)  # 0-based page indexes of ``reader`` (PDF only)
    reader: PdfReader | None = None
    image_size: tuple[int, int] | None = None  # pixels (image only)
    number: int = 0  # 1-based among the attachments actually bound (set by :func:`load_attachments`)

    @property
    def keypath(self) -> str:
        return f"attachments[{self.index}]"

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.kind == "pdf" else 1


@dataclass
class AttachmentSet:
    """The attachments that load, and a problem (an error) for each one that does not."""

    bound: list[Attachment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # indexes into [[attachments]]

    def skipped_warnings(self) -> list[Problem]:
        """The problems again, as warnings saying the attachment was left out (``--skip-bad-attachments``)."""
        return [
            warning(p.rule, f"{p.message}——已按 --skip-bad-attachments 跳过此附件", p.source) for p in self.problems
        ]

    def entries(self) -> list[dict[str, Any]]:
        """What the 附件说明 lists and the computed data records: the bound attachments, renumbered."""
        return [{"number": a.number, "title": a.title, "file": a.path.name, "pages": a.page_count} for a in self.bound]


class AttachmentError(Exception):
    """Raised inside this module with the problem to report; never escapes :func:`load_attachments`."""

    def __init__(self, rule: str, message: str, sub: str = "file"):
        super().__init__(message)
        self.rule = RULE_PREFIX + rule
        self.message = message
        self.sub = sub


def parse_page_ranges(spec: str, count: int) -> list[int]:
    """``"1-3,5"`` → ``[0, 1, 2, 4]`` (0-based, in the order written).  Raises :class:`AttachmentError`."""
    pages: list[int] = []
    for part in spec.replace("，", ",").replace("－", "-").replace("–", "-").split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d+)\s*(?:-\s*(\d+))?", part)
        if not m:
            raise AttachmentError(
                "bad-pages", f'页码范围“{spec}”写法不对；应写成如 "1-3,5"（从 1 开始的页码，用逗号分隔）', "pages"
            )
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if first < 1 or last < first:
            raise AttachmentError("bad-pages", f"页码范围“{part}”无效；起始页应不小于 1 且不大于结束页", "pages")
        if last > count:
            raise AttachmentError(
                "bad-pages", f"页码范围“{part}”超出了文件的页数（共 {count} 页）；请按实际页数修改 pages", "pages"
            )
        pages += range(first - 1, last)
    return pages


def sniff(data: bytes) -> Kind | None:
    """The kind of a file from its first bytes (the name's suffix proves nothing)."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff"):
        return "image"
    return None


def _check_size(width: float, height: float, page_no: int) -> None:
    w, h = width / MM, height / MM
    if not (min(w, h) >= MIN_SIDE_MM and max(w, h) <= MAX_SIDE_MM):
        raise AttachmentError(
            "page-size",
            f"第 {page_no} 页的尺寸 {w:.1f} × {h:.1f} 毫米不合理"
            f"（每边应在 {MIN_SIDE_MM:.0f}–{MAX_SIDE_MM:.0f} 毫米之间）；请检查该文件，或另存为正常纸张尺寸的 PDF",
        )


def _open_pdf(data: bytes, password: str | None) -> PdfReader:
    from pypdf import PdfReader  # imported when a PDF is attached: ``gongkai check`` of others starts faster

    if b"%%EOF" not in data[-2048:]:
        raise AttachmentError(
            "truncated", "PDF 文件不完整（缺少文件结尾标记，可能下载或复制时中断）；请重新获取完整的文件"
        )
    reader = PdfReader(io.BytesIO(data), strict=False)
    # an empty password opens files that only restrict printing or copying (an owner password)
    if reader.is_encrypted and reader.decrypt(password or "") == 0:  # PasswordType.NOT_DECRYPTED
        if password:
            raise AttachmentError("wrong-password", "PDF 已加密，给出的 password 不正确；请核对密码", "password")
        raise AttachmentError(
            "encrypted", 'PDF 已加密，需要密码才能打开；请在该附件下写上 password = "…"，或换用未加密的文件'
        )
    return reader


def _load_pdf(attachment: Attachment, data: bytes, entry: dict[str, Any]) -> None:
    reader = _open_pdf(data, entry.get("password"))
    count = len(reader.pages)
    if count == 0:
        raise AttachmentError("no-pages", "PDF 文件中没有任何页面；请检查是否选错了文件")
    spec = entry.get("pages")
    pages = parse_page_ranges(spec, count) if isinstance(spec, str) else list(range(count))
    for i in pages:
        page = reader.pages[i]
        box = page.cropbox
        unit = float(page.user_unit)
        _check_size(float(box.width) * unit, float(box.height) * unit, i + 1)
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()  # decompress now: a damaged stream is an error here, not a blank page later
    attachment.reader = reader
    attachment.pages = pages


def _load_image(attachment: Attachment, entry: dict[str, Any]) -> None:
    from reportlab.lib.utils import ImageReader

    if entry.get("pages"):
        raise AttachmentError("bad-pages", "图片附件只有一页，不能指定 pages；请删除这一项", "pages")
    image = ImageReader(str(attachment.path))
    width, height = image.getSize()
    if width < 1 or height < 1:
        raise AttachmentError("bad-image", f"图片尺寸 {width} × {height} 像素无效；请重新扫描或导出")
    image.getRGBData()  # decode it all: a truncated scan fails here
    attachment.image_size = (int(width), int(height))


def load_one(report: Report, index: int, entry: Any) -> Attachment:
    """Load ``[[attachments]]`` element ``index``.  Raises :class:`AttachmentError`."""
    from pypdf.errors import DependencyError, PyPdfError

    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not isinstance(entry.get("title"), str):
        raise AttachmentError("bad-entry", "附件应写明 file（文件）和 title（标题）", "")
    path = report.base_dir / entry["file"]
    title = entry["title"].strip()
    if not path.is_file():
        what = "是一个目录" if path.is_dir() else "不存在"
        raise AttachmentError("missing-file", f"附件文件 {path} {what}；请检查 file 的路径（相对于报告文件所在目录）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AttachmentError("unreadable", f"无法读取附件文件 {path}：{exc.strerror}") from None
    if not data:
        raise AttachmentError("empty-file", f"附件文件 {path} 是空文件（0 字节）；请重新导出或复制该文件")
    kind = sniff(data)
    if kind is None:
        raise AttachmentError(
            "not-supported",
            f"附件文件 {path.name} 既不是 PDF，也不是 PNG 或 JPEG 图片；请先转换为 PDF（如用办公软件另存为 PDF）",
        )
    attachment = Attachment(index, title, path, kind)
    try:
        if kind == "pdf":
            _load_pdf(attachment, data, entry)
        else:
            _load_image(attachment, entry)
    except AttachmentError:
        raise
    except DependencyError as exc:
        raise AttachmentError(
            "encrypted", f"PDF 使用的加密方式需要额外的软件包才能解密（{exc}）；请换用未加密的文件，或安装 cryptography"
        ) from None
    except PyPdfError as exc:
        raise AttachmentError("damaged", f"PDF 文件已损坏，无法读取（{exc}）；请重新导出或获取原始文件") from None
    except (OSError, ValueError, SyntaxError, KeyError, IndexError, TypeError, AttributeError) as exc:
        # pypdf and Pillow report some damage with plain exceptions
        # (the exception text of image errors names objects by memory address: keep messages stable)
        detail = type(exc).__name__ if kind == "image" else f"{type(exc).__name__}: {exc}"
        what = "图片" if kind == "image" else "PDF 文件"
        raise AttachmentError(
            "damaged", f"{what}已损坏或不完整，无法读取（{detail}）；请重新导出或获取原始文件"
        ) from None
    return attachment


def load_attachments(report: Report) -> AttachmentSet:
    """Every ``[[attachments]]`` element, loaded; the bad ones become error problems (never exceptions)."""
    result = AttachmentSet()
    entries = report.data.get("attachments") or []
    if not isinstance(entries, list):
        return result
    for index, entry in enumerate(entries):
        try:
            result.bound.append(load_one(report, index, entry))
        except AttachmentError as exc:
            keypath = f"attachments[{index}]" + (f".{exc.sub}" if exc.sub else "")
            title = entry.get("title") if isinstance(entry, dict) else None
            name = f"附件“{title}”" if isinstance(title, str) else f"第 {index + 1} 个附件"
            result.problems.append(error(exc.rule, f"{name}：{exc.message}", report.ref(keypath)))
            result.skipped.append(index)
    for number, attachment in enumerate(result.bound, 1):
        attachment.number = number
    return result


def check_attachments(report: Report) -> list[Problem]:
    """The problems ``gongkai check`` shows: every bad attachment, and a warning for each password (the
    source TOML travels inside the PDF, so the password is published with it)."""
    problems = load_attachments(report).problems
    for index, entry in enumerate(report.data.get("attachments") or []):
        if isinstance(entry, dict) and entry.get("password"):
            problems.append(
                Problem(
                    Severity.WARNING,
                    RULE_PREFIX + "password-published",
                    "附件密码会随报告源文件一起嵌入 PDF，任何拿到 PDF 的人都能看到；"
                    "建议先解除该附件的加密，再删去 password",
                    report.ref(f"attachments[{index}].password"),
                )
            )
    return problems
