"""Subset-font tags (the ``ABCDEF+`` of ``ABCDEF+GongkaiSong-Regular``) across the pages of a finished PDF.

ReportLab names the first subset of every font ``AAAAAA``; when attachment stamps (drawn by ReportLab too) and
the report end up in one file, two different subsets could share a name, which viewers that cache fonts by
name may confuse.  These helpers, on pypdf's objects, find the tags in use and give colliding subsets fresh,
deterministic ones.  Only the attachment stage needs them (pypdf is imported only then).
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterable, Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, StreamObject


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts_in(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    """Font dictionaries of a resource dictionary and of the form XObjects it uses, each once."""
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject):
        return
    fonts = _resolve(resources.get("/Font"))
    if isinstance(fonts, DictionaryObject):
        for ref in fonts.values():
            font = _resolve(ref)
            if isinstance(font, DictionaryObject) and id(font) not in seen:
                seen.add(id(font))
                yield font
    xobjects = _resolve(resources.get("/XObject"))
    if isinstance(xobjects, DictionaryObject):
        for ref in xobjects.values():
            xobject = _resolve(ref)
            if isinstance(xobject, StreamObject) and xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
                seen.add(id(xobject))
                yield from _fonts_in(xobject.get("/Resources"), seen)


def subset_fonts(reader: PdfReader, pages: Iterable[int] | None = None) -> list[DictionaryObject]:
    """The subset fonts (``ABCDEF+Name``) used on ``pages`` of ``reader`` (all pages when ``None``)."""
    seen: set[int] = set()
    found = []
    for i in range(len(reader.pages)) if pages is None else pages:
        for font in _fonts_in(reader.pages[i].get("/Resources"), seen):
            fonts = [font, *(_resolve(d) for d in _resolve(font.get("/DescendantFonts")) or [])]
            found += [f for f in fonts if _tag(f) is not None]
    return found


def _tag(font: DictionaryObject) -> str | None:
    name = str(font.get("/BaseFont", ""))
    if len(name) > 8 and name[7] == "+" and all(c in string.ascii_uppercase for c in name[1:7]):
        return name[1:7]
    return None


def subset_tags(fonts: Iterable[DictionaryObject]) -> set[str]:
    return {t for f in fonts if (t := _tag(f)) is not None}


def _new_tag(font: DictionaryObject, taken: set[str]) -> str:
    """Six capital letters from a hash of the subset's name and embedded font program: deterministic, and
    different from every tag already in the document (ReportLab names every first subset AAAAAA)."""
    descriptor = _resolve(font.get("/FontDescriptor"))
    program = b""
    if isinstance(descriptor, DictionaryObject):
        for key in ("/FontFile2", "/FontFile", "/FontFile3"):
            stream = _resolve(descriptor.get(key))
            if isinstance(stream, StreamObject):
                program = stream.get_data()
                break
    seed = hashlib.sha256(str(font.get("/BaseFont", "")).encode() + program).digest()
    while True:
        tag = "".join(string.ascii_uppercase[b % 26] for b in seed[:6])
        if tag not in taken:
            return tag
        seed = hashlib.sha256(seed).digest()


def retag_subsets(fonts: Iterable[DictionaryObject], taken: set[str], *, only_colliding: bool = False) -> None:
    """Give subset fonts fresh tags (in place, on the reader's objects, before pages are copied).

    Two different subsets of one font under one name (``AAAAAA+GongkaiSong-Regular`` from the report and from
    the stamps) may be confused by viewers that cache fonts by name; PDF asks for distinct tags."""
    for font in fonts:
        tag = _tag(font)
        if tag is None or (only_colliding and tag not in taken):
            continue
        new = _new_tag(font, taken)
        taken.add(new)
        name = NameObject("/" + new + str(font["/BaseFont"])[7:])
        font[NameObject("/BaseFont")] = name
        descriptor = _resolve(font.get("/FontDescriptor"))
        if isinstance(descriptor, DictionaryObject) and "/FontName" in descriptor:
            descriptor[NameObject("/FontName")] = name
