"""Document metadata as XMP: the same facts as the Info dictionary the renderer writes.

Archiving systems (and PDF/A validators) read XMP, most viewers read the Info dictionary; both must say the
same thing.  Dates come from :func:`compiler.render.pdf.typeset.render.pdf_date` — ``SOURCE_DATE_EPOCH``, else the
report's date, else a fixed epoch — so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import uuid

from compiler.model.document import DocumentInfo
from compiler.render.pdf.typeset.render import CREATOR, PRODUCER


def escape(text: str) -> str:
    """XML character data escaping (what ``xml.sax.saxutils.escape`` does; that module drags in
    ``urllib.request`` and ``http.client`` and adds ~15 ms to every cold build)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def iso_date(pdf_date: str) -> str:
    """``D:20190329000000+08'00'`` → ``2019-03-29T00:00:00+08:00`` (XMP wants ISO 8601)."""
    m = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([-+Z])(\d{2})?'?(\d{2})?'?", pdf_date)
    if not m:
        raise ValueError(f"not a PDF date: {pdf_date!r}")
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    zone = "Z" if sign == "Z" else f"{sign}{oh or '00'}:{om or '00'}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


def document_uuid(seed: bytes) -> str:
    """A UUID derived from the content (the same report always gets the same one)."""
    return f"uuid:{uuid.UUID(bytes=hashlib.sha256(seed).digest()[:16], version=5)}"


def xmp_packet(info: DocumentInfo, date: str, seed: bytes) -> bytes:
    """An XMP packet with Dublin Core, PDF and XMP basic properties matching the Info dictionary the renderer writes."""
    when = iso_date(date)
    lang = escape(info.lang or "x-default")
    keywords = escape(info.keyword_line)
    subjects = "".join(f"<rdf:li>{escape(k)}</rdf:li>" for k in info.keywords if k)
    ident = document_uuid(seed)
    xml = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{escape(PRODUCER)}</pdf:Producer>
   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmpMM:DocumentID>{ident}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{ident}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")
