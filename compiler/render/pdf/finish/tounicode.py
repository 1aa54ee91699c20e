"""Copy-and-paste of characters beyond U+FFFF (CJK Extension B and later: 𠮷, rare name characters).

ReportLab 5.1 draws such a character correctly but writes its ToUnicode entry as five hex digits
(``<03> <20BB7>``), which PDF readers cut to four: the PDF *shows* 𠮷 and *extracts* "₻" (U+20BB) — silently
wrong text for search, copy and screen readers.  A ToUnicode CMap must give such a character as its UTF-16
surrogate pair (``<D842DFB7>``).  This pass rewrites those entries after rendering, through pypdf's public
stream API; it runs only when the report contains such a character, so ordinary builds do not pay for it.
"""

from __future__ import annotations

import io
import re
from typing import Any

from compiler.source.hygiene import strings

_WIDE_ENTRY = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def needs_fix(data: Any) -> bool:
    """Whether the report's strings hold a character beyond U+FFFF (only those can be typeset with one)."""
    return any(any(ord(c) > 0xFFFF for c in text) for _, text in strings(data) if not text.isascii())


def _utf16(match: re.Match[bytes]) -> bytes:
    code = int(match.group(2), 16)
    if code <= 0xFFFF:
        return match.group(0)
    code -= 0x10000
    high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
    return b"<%s> <%04X%04X>" % (match.group(1), high, low)


def fix_cmap(data: bytes) -> bytes:
    """One ToUnicode CMap with every code point above U+FFFF written as a surrogate pair."""
    return _WIDE_ENTRY.sub(_utf16, data)


def fix_tounicode(pdf: bytes) -> bytes:
    """The PDF with its ToUnicode CMaps fixed (the same bytes when none needed it)."""
    from pypdf import PdfReader, PdfWriter  # only reports with such a character pay for importing pypdf
    from pypdf.generic import DictionaryObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    changed = False
    done: set[int] = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        fonts = fonts.get_object() if fonts is not None else None
        if not isinstance(fonts, DictionaryObject):
            continue
        for ref in fonts.values():
            font = ref.get_object()
            cmap = font.get("/ToUnicode") if isinstance(font, DictionaryObject) else None
            stream = cmap.get_object() if cmap is not None else None
            if not isinstance(stream, StreamObject) or id(stream) in done:
                continue
            done.add(id(stream))
            data = stream.get_data()
            fixed = fix_cmap(data)
            if fixed != data:
                stream.set_data(fixed)
                changed = True
    if not changed:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
