"""Appended PDFs made inert, and pypdf's own messages caught.

An attachment is a PDF someone else made.  Only its pages are appended (its catalog — ``/OpenAction``,
document JavaScript, its ``/EmbeddedFiles`` name tree, ``/AA`` — never travels), and on those pages
everything a viewer could *execute* or *open* is removed: page and annotation additional actions (``/AA``),
annotation actions that run JavaScript, launch programs, submit or import form data, play media or open
embedded files, and file-attachment, rich-media, screen, movie, sound and 3D annotations.  Ordinary links
(``/URI``, ``/GoTo``) stay.

:func:`active_content` counts what would be removed (run when the attachment is loaded: the warning names
the attachment, its key and line); :func:`make_inert` removes it from the pages appended to the output.

:func:`pypdf_messages` collects what pypdf logs or warns (in English, to the terminal) so that callers can
turn it into a Chinese problem naming the attachment.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections import Counter
from collections.abc import Iterator
from typing import Any

#: action type (``/S``) → what the warning calls it
BAD_ACTIONS = {
    "/JavaScript": "JavaScript 脚本",
    "/Launch": "启动程序（Launch）",
    "/SubmitForm": "提交表单（SubmitForm）",
    "/ImportData": "导入数据（ImportData）",
    "/ResetForm": "重置表单（ResetForm）",
    "/RichMediaExecute": "富媒体（RichMedia）",
    "/Rendition": "多媒体播放",
    "/Movie": "多媒体播放",
    "/Sound": "多媒体播放",
    "/GoToE": "打开嵌入文件（GoToE）",
    "/GoToR": "打开其他文件（GoToR）",
    "/Hide": "隐藏表单域（Hide）",
    "/SetOCGState": "切换图层（SetOCGState）",
    "/Trans": "过渡效果",
    "/GoTo3DView": "三维视图",
}
#: annotation subtype → what the warning calls it (the annotation is removed)
BAD_ANNOTATIONS = {
    "/FileAttachment": "附加文件",
    "/RichMedia": "富媒体（RichMedia）",
    "/Screen": "多媒体",
    "/Movie": "多媒体",
    "/Sound": "多媒体",
    "/3D": "三维内容",
}
ADDITIONAL_ACTIONS = "自动触发的动作（/AA）"
OPEN_ACTION = "打开文件时执行的动作（/OpenAction）"
EMBEDDED_FILES = "嵌入文件"
DOCUMENT_SCRIPT = "文档级 JavaScript"
_MAX_CHAIN = 64  # /Next chains of actions: bounded, and cycles end there


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _action_kinds(action: Any) -> list[str]:
    """What a (possibly chained) action does that must not travel; ``[]`` when harmless."""
    found: list[str] = []
    queue = [action]
    seen: set[int] = set()
    while queue and len(seen) < _MAX_CHAIN:
        item = _resolve(queue.pop())
        if isinstance(item, list):
            queue += item
            continue
        if not hasattr(item, "get") or id(item) in seen:
            continue
        seen.add(id(item))
        kind = str(item.get("/S", ""))
        if kind in BAD_ACTIONS:
            found.append(BAD_ACTIONS[kind])
        elif "/JS" in item:
            found.append(BAD_ACTIONS["/JavaScript"])
        nxt = item.get("/Next")
        if nxt is not None:
            queue.append(nxt)
    return found


_RICH_MEDIA_KEYS = ("/RichMediaContent", "/RichMediaSettings")
#: Links that lead out of a page into the page tree: followed, they would walk the whole output
_PAGE_TYPES = ("/Page", "/Pages")
#: More objects than this reachable from one page is not a document page
MAX_OBJECTS = 200_000


def _clean_dict(d: Any, remove: bool, counts: Counter[str]) -> None:
    """One dictionary met anywhere below a page: count (and with ``remove`` strip) whatever could run."""
    if "/AA" in d:
        counts[ADDITIONAL_ACTIONS] += 1
        if remove:
            del d["/AA"]
    if "/OpenAction" in d:
        counts[OPEN_ACTION] += 1
        if remove:
            del d["/OpenAction"]
    kind = str(d.get("/S", ""))
    subtype = str(d.get("/Subtype", ""))
    bad = BAD_ACTIONS.get(kind) or (BAD_ACTIONS["/JavaScript"] if "/JS" in d else None)
    if bad is None and subtype in BAD_ANNOTATIONS and "/Rect" in d:  # an annotation not in /Annots (a /Popup's…)
        bad = BAD_ANNOTATIONS[subtype]
    if bad is not None:
        counts[bad] += 1
        if remove:
            d.clear()  # an action or annotation with nothing left to do
        return
    for key, name in (("/EF", EMBEDDED_FILES), ("/EmbeddedFiles", EMBEDDED_FILES), ("/JavaScript", DOCUMENT_SCRIPT)):
        if key in d:
            counts[name] += 1
            if remove:
                del d[key]
    for key in _RICH_MEDIA_KEYS:
        if key in d:
            counts[BAD_ANNOTATIONS["/RichMedia"]] += 1
            if remove:
                del d[key]


def _walk(start: Any, remove: bool, counts: Counter[str], seen: set[int]) -> None:
    """Every dictionary reachable from ``start`` (not through the page tree), cleaned by :func:`_clean_dict`."""
    stack = [start]
    while stack:
        if len(seen) > MAX_OBJECTS:
            raise ValueError(f"一页引用的对象超过 {MAX_OBJECTS} 个")
        item = _resolve(stack.pop())
        if isinstance(item, dict):
            if id(item) in seen:
                continue
            seen.add(id(item))
            if item is not start and str(item.get("/Type", "")) in _PAGE_TYPES:
                continue
            _clean_dict(item, remove, counts)
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P"))
        elif isinstance(item, list):
            if id(item) in seen:
                continue
            seen.add(id(item))
            stack.extend(item)


def _page(page: Any, remove: bool, seen: set[int] | None = None) -> Counter[str]:
    counts: Counter[str] = Counter()
    annots = _resolve(page.get("/Annots"))
    if isinstance(annots, list):
        keep = []
        for ref in annots:
            annot = _resolve(ref)
            subtype = str(annot.get("/Subtype", "")) if hasattr(annot, "get") else ""
            if subtype in BAD_ANNOTATIONS:
                counts[BAD_ANNOTATIONS[subtype]] += 1
            else:
                keep.append(ref)
        if remove and len(keep) != len(annots):
            from pypdf.generic import ArrayObject, NameObject

            if keep:
                page[NameObject("/Annots")] = ArrayObject(keep)
            else:
                del page["/Annots"]
    _walk(page, remove, counts, set() if seen is None else seen)
    return counts


def active_content(reader: Any, pages: list[int]) -> Counter[str]:
    """What an attachment carries that will not travel: below its selected pages, and in its catalog (which
    is never copied: only pages are appended)."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for i in pages:
        counts += _page(reader.pages[i], remove=False, seen=seen)
    root = _resolve(reader.trailer.get("/Root"))
    if hasattr(root, "get"):
        if "/OpenAction" in root and _action_kinds(root["/OpenAction"]):
            counts[OPEN_ACTION] += 1
        if "/AA" in root:
            counts[ADDITIONAL_ACTIONS] += 1
        names = _resolve(root.get("/Names"))
        if hasattr(names, "get"):
            if "/JavaScript" in names:
                counts[DOCUMENT_SCRIPT] += 1
            if "/EmbeddedFiles" in names:
                counts[EMBEDDED_FILES] += 1
    return counts


def make_inert(page: Any) -> Counter[str]:
    """Strip the active parts of a page already added to the output (a writer's copy); returns what went."""
    return _page(page, remove=True)


def describe(counts: Counter[str]) -> str:
    """``JavaScript 脚本 2 处、附加文件 1 处``"""
    return "、".join(f"{name} {n} 处" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self.messages.append(record.getMessage())


@contextlib.contextmanager
def pypdf_messages() -> Iterator[list[str]]:
    """Collect pypdf's warnings (its logger and :mod:`warnings`) instead of letting them reach the terminal."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    messages: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        messages += handler.messages
        messages += [
            str(w.message) for w in caught if "pypdf" in (w.filename or "") or w.category.__module__.startswith("pypdf")
        ]
