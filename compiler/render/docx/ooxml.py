"""Small helpers for writing WordprocessingML with python-docx's element classes (imported only when a DOCX is
made): elements with ``w:`` attributes, lengths in twentieths of a point (twips), text runs."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["E", "replace_part", "run", "twips"]

Attr = str | int | float | None


def twips(points: float) -> int:
    """Points → twentieths of a point, the unit of most WordprocessingML lengths."""
    return round(points * 20)


def E(tag: str, attrs: dict[str, Attr] | None = None, *children: BaseOxmlElement | None) -> BaseOxmlElement:
    """The element ``tag`` ("w:ind") with attributes (``{"w:left": 640}``; ``None`` values left out) and children
    (``None`` left out)."""
    element = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        if value is not None:
            element.set(qn(key), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def text(value: str) -> BaseOxmlElement:
    """A ``w:t`` that keeps its spaces."""
    t = E("w:t", {"xml:space": "preserve"})
    t.text = value
    return t


def run(value: str, style_id: str | None = None) -> BaseOxmlElement:
    """A run of text, optionally in a character style."""
    rpr = E("w:rPr", None, E("w:rStyle", {"w:val": style_id})) if style_id else None
    return E("w:r", None, rpr, text(value))


def replace_part(owner: Any, reltype: str, blob: bytes) -> None:
    """Give the part ``owner`` (a part or the package) relates to by ``reltype`` new bytes: python-docx has no
    setter for a plain part's blob, so the relationship is dropped and a new part of the same name related."""
    from docx.opc.part import Part

    for rid, rel in list(owner.rels.items()):
        if rel.reltype == reltype and not rel.is_external:
            old = rel.target_part
            owner.rels.pop(rid)
            owner.relate_to(Part(old.partname, old.content_type, blob, old.package), reltype)
