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


def _clean_annotation(annot: Any, remove: bool, counts: Counter[str]) -> bool:
    """Count (and with ``remove`` strip) what an annotation carries; True when the whole annotation goes."""
    subtype = str(annot.get("/Subtype", ""))
    if subtype in BAD_ANNOTATIONS:
        counts[BAD_ANNOTATIONS[subtype]] += 1
        return True
    node, depth = annot, 0
    while hasattr(node, "get") and depth < _MAX_CHAIN:  # a widget's form fields (its /Parent chain) too
        if "/AA" in node:
            counts[ADDITIONAL_ACTIONS] += 1
            if remove:
                del node["/AA"]
        if "/A" in node:
            kinds = _action_kinds(node["/A"])
            counts.update(kinds)
            if kinds and remove:
                del node["/A"]
        node, depth = _resolve(node.get("/Parent")), depth + 1
    return False


def _page(page: Any, remove: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    if "/AA" in page:
        counts[ADDITIONAL_ACTIONS] += 1
        if remove:
            del page["/AA"]
    annots = _resolve(page.get("/Annots"))
    if not isinstance(annots, list):
        return counts
    keep = []
    for ref in annots:
        annot = _resolve(ref)
        if not hasattr(annot, "get"):
            continue
        if not _clean_annotation(annot, remove, counts):
            keep.append(ref)
    if remove and len(keep) != len(annots):
        from pypdf.generic import ArrayObject, NameObject

        if keep:
            page[NameObject("/Annots")] = ArrayObject(keep)
        else:
            del page["/Annots"]
    return counts


def active_content(reader: Any, pages: list[int]) -> Counter[str]:
    """What an attachment carries that will not travel: on its selected pages and in its catalog."""
    counts: Counter[str] = Counter()
    for i in pages:
        counts += _page(reader.pages[i], remove=False)
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
                counts[EMBEDDED_FILES] += len(getattr(reader, "attachments", {}) or {}) or 1
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
