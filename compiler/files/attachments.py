"""Attachment files (``[[attachments]]``): opened, checked and reduced to the pages that will be bound.

Everything that can go wrong with a file someone else produced is found here, before any page is
assembled, and reported as a Chinese problem that names the attachment's TOML key and line and says what to
do: a missing file, a file that is neither PDF nor PNG/JPEG, a truncated or damaged PDF, a password that is
missing or wrong, no pages, page sizes no printer could take, a page range outside the document.

PDF pages are read with pypdf; images only have to be decodable (ReportLab, through the Pillow it already
depends on, draws them later), so a truncated scan is caught here rather than embedded broken.

Attachments are untrusted (see the README's threat model).  Each file is read once, with a cap, after its
size was checked; page and pixel counts are checked from the header before anything is decoded
(:class:`Limits`, from ``GONGKAI_ATTACHMENT_MAX_MB``, ``GONGKAI_ATTACHMENT_MAX_PAGES`` and
``GONGKAI_ATTACHMENT_MAX_PIXELS``); every content stream and image of the bound pages is decoded here, so
damage is an error naming the attachment, never a blank page; what a PDF carries that could run or open
something is listed in one warning and removed when the pages are appended (:mod:`compiler.files.inert`);
pypdf's own (English) warnings become Chinese warnings naming the attachment.
"""

from __future__ import annotations

import io
import os
import re
import stat
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

MAX_MB_ENV = "GONGKAI_ATTACHMENT_MAX_MB"
MAX_PAGES_ENV = "GONGKAI_ATTACHMENT_MAX_PAGES"
MAX_PIXELS_ENV = "GONGKAI_ATTACHMENT_MAX_PIXELS"


@dataclass(frozen=True)
class Limits:
    """Bounds on one attachment, checked before it is read or decoded in full.

    200 MB is ten times a long scanned PDF; 1,000 pages is more than any annex to an annual report; 200
    million pixels is an A0 sheet scanned at 300 dpi (an A4 page at 600 dpi is 35 million)."""

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 1000
    max_pixels: int = 200_000_000

    @classmethod
    def from_env(cls) -> Limits:
        from compiler.model.problems import UsageError

        values: dict[str, int] = {}
        for env, name, scale in (
            (MAX_MB_ENV, "max_bytes", 1024 * 1024),
            (MAX_PAGES_ENV, "max_pages", 1),
            (MAX_PIXELS_ENV, "max_pixels", 1),
        ):
            raw = os.environ.get(env, "").strip()
            if not raw:
                continue
            try:
                number = float(raw)
                if not number > 0 or number != number or number == float("inf"):
                    raise ValueError
            except ValueError:
                raise UsageError(f"环境变量 {env}={raw!r} 无效；应为正数（如 {env}=100）") from None
            values[name] = max(1, int(number * scale))
        return cls(**values)


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
    data: bytes = b""  # the file's bytes, read once (images are drawn from them)
    active: dict[str, int] = field(default_factory=dict)  # what make_inert will remove (PDF only)
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
    warnings: list[Problem] = field(default_factory=list)  # active content removed, pypdf's repairs

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


def _damaged(page_no: int, what: str, detail: str) -> AttachmentError:
    return AttachmentError(
        "damaged", f"第 {page_no} 页的{what}已损坏，无法完整读取（{detail}）；请重新导出或获取原始文件"
    )


def _too_many_pixels(width: int, height: int, limits: Limits, where: str = "") -> AttachmentError:
    return AttachmentError(
        "too-many-pixels",
        f"{where}图片有 {width} × {height} = {width * height} 像素，超过 {limits.max_pixels} 像素的上限"
        f"（防止解码耗尽内存）；请降低扫描分辨率，或用环境变量 {MAX_PIXELS_ENV} 提高上限",
    )


def _check_images(page: Any, page_no: int, limits: Limits) -> None:
    """Every image XObject of a page: within the pixel limit, and decodable in full."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not hasattr(xobjects, "items"):
        return
    for _, ref in list(xobjects.items())[:1000]:
        xobj = ref.get_object()
        if not hasattr(xobj, "get") or xobj.get("/Subtype") != "/Image":
            continue
        width, height = int(xobj.get("/Width", 0) or 0), int(xobj.get("/Height", 0) or 0)
        if width * height > limits.max_pixels:
            raise _too_many_pixels(width, height, limits, f"第 {page_no} 页的")
        filters = xobj.get("/Filter")
        filters = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)] if filters else []
        data = xobj.get_data()
        if filters and filters[-1] == "/DCTDecode":
            _decode_image(data, limits, f"第 {page_no} 页的")
        elif not filters or filters[-1] in ("/FlateDecode", "/LZWDecode", "/RunLengthDecode", "/ASCII85Decode"):
            bits = int(xobj.get("/BitsPerComponent", 8) or 8)
            space = xobj.get("/ColorSpace")
            space = space.get_object() if space is not None and hasattr(space, "get_object") else space
            components = {"/DeviceGray": 1, "/DeviceRGB": 3, "/DeviceCMYK": 4}.get(str(space), 0)
            if xobj.get("/ImageMask"):
                components, bits = 1, 1
            needed = ((width * components * bits + 7) // 8) * height
            if components and width and height and len(data) < needed:
                raise _damaged(page_no, "图片", f"图像数据只有 {len(data)} 字节，应有 {needed} 字节")


def _load_pdf(attachment: Attachment, data: bytes, entry: dict[str, Any], limits: Limits) -> None:
    from compiler.files.inert import active_content, pypdf_messages

    reader = _open_pdf(data, entry.get("password"))
    count = len(reader.pages)
    if count == 0:
        raise AttachmentError("no-pages", "PDF 文件中没有任何页面；请检查是否选错了文件")
    if count > limits.max_pages:
        raise AttachmentError(
            "too-many-pages",
            f"PDF 有 {count} 页，超过每个附件 {limits.max_pages} 页的上限；请用 pages 只选需要的页，"
            f"或用环境变量 {MAX_PAGES_ENV} 提高上限",
        )
    spec = entry.get("pages")
    pages = parse_page_ranges(spec, count) if isinstance(spec, str) else list(range(count))
    for i in pages:
        page = reader.pages[i]
        if page.get("/Type") != "/Page":
            raise _damaged(i + 1, "页面对象", f"/Type 应为 /Page，实为 {page.get('/Type')}")
        box = page.cropbox
        unit = float(page.user_unit)
        _check_size(float(box.width) * unit, float(box.height) * unit, i + 1)
        with pypdf_messages() as messages:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()  # decompress now: a damaged stream is an error here, not a blank page later
        if messages:
            raise _damaged(i + 1, "内容", _english(messages))
        _check_images(page, i + 1, limits)
    attachment.reader = reader
    attachment.pages = pages
    attachment.active = dict(active_content(reader, pages))


def _english(messages: list[str]) -> str:
    """pypdf's own words, shortened, as the detail of a Chinese message."""
    text = "；".join(dict.fromkeys(m.strip() for m in messages if m.strip()))
    return f"pypdf：{text[:200]}" + ("…" if len(text) > 200 else "")


def _decode_image(data: bytes, limits: Limits, where: str = "") -> tuple[int, int]:
    """Open an image from its header, check its pixel count, then decode it all.  Returns its size."""
    from PIL import Image

    bound = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # opening reads the header only; the limit is ours, checked just below
    try:
        image = Image.open(io.BytesIO(data))
    finally:
        Image.MAX_IMAGE_PIXELS = bound
    width, height = image.size
    if width * height > limits.max_pixels:
        raise _too_many_pixels(width, height, limits, where)
    if width < 1 or height < 1:
        raise AttachmentError("bad-image", f"{where}图片尺寸 {width} × {height} 像素无效；请重新扫描或导出")
    image.load()  # a truncated scan fails here (Pillow refuses truncated data unless told otherwise)
    return int(width), int(height)


def _load_image(attachment: Attachment, entry: dict[str, Any], limits: Limits) -> None:
    if entry.get("pages"):
        raise AttachmentError("bad-pages", "图片附件只有一页，不能指定 pages；请删除这一项", "pages")
    attachment.image_size = _decode_image(attachment.data, limits)


def _read_capped(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing before reading when it is not a regular file or is over the size limit."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise AttachmentError(
            "missing-file", f"附件文件 {path} 不存在；请检查 file 的路径（相对于报告文件所在目录）"
        ) from None
    except OSError as exc:
        raise AttachmentError("unreadable", _os_message(exc, path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise AttachmentError(
            "missing-file", f"附件文件 {path} 是一个目录；请检查 file 的路径（相对于报告文件所在目录）"
        )
    if not stat.S_ISREG(info.st_mode):
        raise AttachmentError(
            "not-a-file", f"附件 {path} 不是普通文件（是设备、命名管道或套接字），不会读取；请给出 PDF 或图片文件"
        )
    if info.st_size > limits.max_bytes:
        raise AttachmentError("too-large", _too_large(path, info.st_size, limits))
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise AttachmentError("unreadable", _os_message(exc, path)) from None
    if len(data) > limits.max_bytes:  # it grew while we looked
        raise AttachmentError("too-large", _too_large(path, len(data), limits))
    return data


def _too_large(path: Path, size: int, limits: Limits) -> str:
    return (
        f"附件文件 {path.name} 有 {size / 1024 / 1024:.1f} MB，"
        f"超过每个附件 {limits.max_bytes / 1024 / 1024:.0f} MB 的上限；"
        f"请压缩或拆分该文件，或用环境变量 {MAX_MB_ENV} 提高上限"
    )


def _os_message(exc: OSError, path: Path) -> str:
    from compiler.files.output import os_error_message

    return os_error_message(exc, path, "读取附件文件")


def load_one(report: Report, index: int, entry: Any, limits: Limits | None = None) -> Attachment:
    """Load ``[[attachments]]`` element ``index``.  Raises :class:`AttachmentError`."""
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

    limits = limits or Limits.from_env()
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not isinstance(entry.get("title"), str):
        raise AttachmentError("bad-entry", "附件应写明 file（文件）和 title（标题）", "")
    path = report.base_dir / entry["file"]
    title = _clean_title(entry["title"])
    data = _read_capped(path, limits)
    if not data:
        raise AttachmentError("empty-file", f"附件文件 {path} 是空文件（0 字节）；请重新导出或复制该文件")
    kind = sniff(data)
    if kind is None:
        raise AttachmentError(
            "not-supported",
            f"附件文件 {path.name} 既不是 PDF，也不是 PNG 或 JPEG 图片；请先转换为 PDF（如用办公软件另存为 PDF）",
        )
    attachment = Attachment(index, title, path, kind, data=data if kind == "image" else b"")
    try:
        if kind == "pdf":
            _load_pdf(attachment, data, entry, limits)
        else:
            _load_image(attachment, entry, limits)
    except AttachmentError:
        raise
    except DependencyError as exc:
        raise AttachmentError(
            "encrypted", f"PDF 使用的加密方式需要额外的软件包才能解密（{exc}）；请换用未加密的文件，或安装 cryptography"
        ) from None
    except LimitReachedError:
        raise AttachmentError(
            "too-large",
            "PDF 中有数据流解压后过大（超过 pypdf 的 75 MB 安全上限，可能是恶意构造的“解压炸弹”），未读取；"
            "请重新导出或获取原始文件",
        ) from None
    except PyPdfError as exc:
        raise AttachmentError("damaged", f"PDF 文件已损坏，无法读取（{exc}）；请重新导出或获取原始文件") from None
    except MemoryError:
        raise AttachmentError("too-large", "读取该文件时内存不足；请压缩或拆分该文件") from None
    except RecursionError:
        raise AttachmentError("damaged", "PDF 文件结构嵌套过深，无法读取；请重新导出或获取原始文件") from None
    except (
        OSError,
        ValueError,
        SyntaxError,
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
        ZeroDivisionError,
    ) as exc:
        # pypdf and Pillow report some damage with plain exceptions
        # (the exception text of image errors names objects by memory address: keep messages stable)
        detail = type(exc).__name__ if kind == "image" else f"{type(exc).__name__}: {str(exc)[:200]}"
        what = "图片" if kind == "image" else "PDF 文件"
        raise AttachmentError(
            "damaged", f"{what}已损坏或不完整，无法读取（{detail}）；请重新导出或获取原始文件"
        ) from None
    return attachment


def _clean_title(title: str) -> str:
    """The title cleaned like body text (invisible and control characters, half-width punctuation)."""
    from compiler.source.hygiene import clean_text

    return clean_text(title).text.strip()


def load_attachments(report: Report) -> AttachmentSet:
    """Every ``[[attachments]]`` element, loaded; the bad ones become error problems (never exceptions).

    Active content that will be removed, and pypdf's repairs, become one warning each per attachment."""
    from compiler.files.inert import describe, pypdf_messages

    entries = report.data.get("attachments") or []
    cached = getattr(report, "_loaded_attachments", None)
    if cached is not None and cached[0] is entries:  # each file is read once per build (check, then bind)
        return cached[1]
    result = AttachmentSet()
    if not isinstance(entries, list):
        return result
    limits = Limits.from_env()
    for index, entry in enumerate(entries):
        title = entry.get("title") if isinstance(entry, dict) else None
        name = f"附件“{_clean_title(title)}”" if isinstance(title, str) else f"第 {index + 1} 个附件"
        try:
            with pypdf_messages() as messages:
                attachment = load_one(report, index, entry, limits)
        except AttachmentError as exc:
            keypath = f"attachments[{index}]" + (f".{exc.sub}" if exc.sub else "")
            result.problems.append(error(exc.rule, f"{name}：{exc.message}", report.ref(keypath)))
            result.skipped.append(index)
            continue
        result.bound.append(attachment)
        where = report.ref(f"attachments[{index}].file")
        if attachment.active:
            from collections import Counter

            result.warnings.append(
                warning(
                    RULE_PREFIX + "active-content",
                    f"{name}含有可执行或交互的内容，合订时已删除：{describe(Counter(attachment.active))}；"
                    "页面内容不受影响",
                    where,
                )
            )
        if messages:
            result.warnings.append(
                warning(
                    RULE_PREFIX + "pdf-repaired",
                    f"{name}：PDF 文件结构有不规范之处，已尽量按原样读取（{_english(messages)}）；"
                    "请检查合订后的附件页面，如有异常请重新导出该文件",
                    where,
                )
            )
    for number, attachment in enumerate(result.bound, 1):
        attachment.number = number
    report._loaded_attachments = (entries, result)  # type: ignore[attr-defined]
    return result


def check_attachments(report: Report) -> list[Problem]:
    """The problems ``gongkai check`` shows: every bad attachment, and a warning for each password (the
    source TOML travels inside the PDF, so the password is published with it)."""
    loaded = load_attachments(report)
    problems = [*loaded.problems, *loaded.warnings]
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
