"""The package around the document: metadata, the embedded source, and bytes that depend on the input only.

- **Core properties** (title, author, subject, keywords, language) from the document info; created and
  modified dates from ``SOURCE_DATE_EPOCH``, else the report's date, else a fixed day — never the clock.
- **The source TOML** travels as a custom XML part (``customXml/itemN.xml``, which Word and WPS keep when they
  save): ``<gongkai:source>`` with the file name, its SHA-256 and the exact bytes in base64, so a gongkai DOCX
  gives back its report byte for byte (:func:`read_source`).  A custom document property ``gongkai.source.sha256``
  names it too, visible in Word's 属性 dialog.
- **Deterministic zip**: python-docx stamps every member with the current time; the members are rewritten in
  the same order with a fixed timestamp and fixed attributes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import uuid
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

    from compiler.model.document import DocumentInfo

__all__ = [
    "NAMESPACE",
    "add_source",
    "document_time",
    "drop_template_leftovers",
    "normalise_zip",
    "read_source",
    "set_app_properties",
    "set_core_properties",
]

NAMESPACE = "urn:gongkai:source:1"
FIXED_EPOCH = 946684800  # 2000-01-01T00:00:00Z, as the PDF renderer
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


def document_time(info: DocumentInfo) -> dt.datetime:
    """When the document was "made": ``SOURCE_DATE_EPOCH``, else the report's date (midnight, China time)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    if info.date:
        try:
            day = dt.date.fromisoformat(info.date)
        except ValueError:
            day = None
        if day:
            china = dt.timezone(dt.timedelta(hours=8))
            return dt.datetime(day.year, day.month, day.day, tzinfo=china).astimezone(dt.UTC)
    return dt.datetime.fromtimestamp(FIXED_EPOCH, dt.UTC)


def set_core_properties(document: Document, info: DocumentInfo, when: dt.datetime, generator: str) -> None:
    core = document.core_properties
    core.title = info.title
    core.author = info.author
    core.subject = info.subject
    core.keywords = info.keyword_line
    core.language = info.lang
    core.comments = generator
    core.last_modified_by = info.author
    core.category = ""
    core.revision = 1
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    core.created = naive
    core.modified = naive


def set_app_properties(document: Document, generator: str, company: str) -> None:
    """docProps/app.xml names gongkai, not the template's "Microsoft Macintosh Word"."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from compiler.render.docx.ooxml import replace_part

    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><Application>{escape(generator)}</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate></Properties>"
    )
    replace_part(document.part.package, RT.EXTENDED_PROPERTIES, xml.encode())


def add_source(document: Document, name: str, raw: bytes) -> None:
    """Embed the report's source as a custom XML part of the main document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    digest = hashlib.sha256(raw).hexdigest()
    root = etree.Element(f"{{{NAMESPACE}}}source", nsmap={"gongkai": NAMESPACE})
    root.set("file", name)
    root.set("sha256", digest)
    root.set("bytes", str(len(raw)))
    root.set("encoding", "base64")
    root.text = base64.b64encode(raw).decode("ascii")
    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in taken:
        n += 1
    item = Part(
        PackURI(f"/customXml/item{n}.xml"),
        "application/xml",
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        package,
    )
    guid = "{" + str(uuid.UUID(digest[:32])).upper() + "}"
    ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
    props_xml = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<ds:datastoreItem ds:itemID="{guid}" xmlns:ds="{ds}"><ds:schemaRefs>'
        f'<ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    )
    props = Part(PackURI(f"/customXml/itemProps{n}.xml"), _PROPS_CT, props_xml.encode("utf-8"), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
    _custom_property(document, "gongkai.source.sha256", digest)


def _custom_property(document: Document, name: str, value: str) -> None:
    """A custom document property (docProps/custom.xml), created when missing."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{fmtid}" pid="2" name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
    )
    part = Part(
        PackURI("/docProps/custom.xml"),
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        xml.encode("utf-8"),
        package,
    )
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def drop_template_leftovers(document: Document) -> None:
    """python-docx's template carries a thumbnail, an old ``stylesWithEffects`` copy of its styles and a
    bibliography custom XML part; none of them belongs to the report."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            document.part.rels.pop(rid)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same members in the same order, each with a fixed timestamp (zip times start in 1980)."""
    stamp = max(when.astimezone(dt.UTC), dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def read_source(data: bytes) -> tuple[str, bytes] | None:
    """The embedded report source of a gongkai DOCX: (file name, exact bytes), or ``None`` when it has none."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("customXml/item") and "Props" not in n):
            try:
                root = etree.fromstring(z.read(name))
            except etree.XMLSyntaxError:
                continue
            if root.tag == f"{{{NAMESPACE}}}source":
                raw = base64.b64decode(root.text or "")
                if hashlib.sha256(raw).hexdigest() == root.get("sha256"):
                    return root.get("file") or "report.toml", raw
    return None
