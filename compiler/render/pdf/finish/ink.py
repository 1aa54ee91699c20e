"""Does a PDF page print anything in a given rectangle?  A coarse answer from the content stream, with pypdf.

The "附件n" label is stamped in the 天头 of an attachment's own first page; if that page prints something
there (a letterhead, a header, a scan), the label goes on a separator page instead
(:func:`compiler.render.pdf.finish.assemble.plan_slots`).  Rendering the band would answer exactly but needs a
rasteriser, which gongkai does not depend on at run time; instead the page's content stream is walked and every
painting operator's bounding box is estimated:

* paths: the box of their points under the current transformation, unless painted white (``1 g``,
  ``1 1 1 rg``, ``0 0 0 0 k`` — a white page background is not ink) or not painted at all (``n``);
* text: from the text matrix, one em of height per line and one em per byte of advance (an overestimate for
  two-byte fonts, never an underestimate for the usual ones); invisible text (``3 Tr``, an OCR layer) is not
  ink;
* images (``Do`` of an image, inline images) and shadings (``sh``): their whole box — pixels are not looked at,
  so a scan counts as ink where it lies even if its paper is white there;
* form XObjects: walked in turn (three levels deep; deeper ones count as ink over their box).

The answer errs towards "ink": a false "ink" costs a separator page, a false "white" would print the label over
the attachment's content.  Annotations are not looked at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdf import PageObject

__all__ = ["ink_boxes", "prints_in"]

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_DEPTH = 3
_FILLS = {b"f", b"F", b"f*"}
_STROKES = {b"S", b"s"}
_BOTH = {b"B", b"B*", b"b", b"b*"}


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    pts = [_apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _numbers(operands: list[Any]) -> list[float]:
    out = []
    for v in operands:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            return []
    return out


def _white(operator: bytes, values: list[float]) -> bool | None:
    """Whether a colour operator sets white (None: not a colour we can read, taken as ink)."""
    if operator in (b"g", b"G") and len(values) == 1:
        return values[0] >= 0.999
    if operator in (b"rg", b"RG") and len(values) == 3:
        return min(values) >= 0.999
    if operator in (b"k", b"K") and len(values) == 4:
        return max(values) <= 0.001
    if operator in (b"sc", b"scn", b"SC", b"SCN") and values and len(values) in (1, 3):
        return min(values) >= 0.999
    return None


class _State:
    __slots__ = ("ctm", "fill_white", "invisible", "size", "stroke_white")

    def __init__(self, ctm: Matrix):
        self.ctm = ctm
        self.fill_white = False  # black is the initial colour
        self.stroke_white = False
        self.size = 0.0
        self.invisible = False

    def copy(self) -> _State:
        other = _State(self.ctm)
        other.fill_white, other.stroke_white = self.fill_white, self.stroke_white
        other.size, other.invisible = self.size, self.invisible
        return other


def ink_boxes(page: PageObject) -> Iterator[Box]:
    """The estimated boxes of everything ``page`` paints, in its user space (before /Rotate and the crop box)."""
    yield from _walk(page.get_contents(), page.get("/Resources"), page.pdf, _IDENTITY, 0)


def _resolve(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _walk(contents: Any, resources: Any, pdf: Any, ctm: Matrix, depth: int) -> Iterator[Box]:
    from pypdf.generic import ContentStream

    if contents is None:
        return
    resources = _resolve(resources) or {}
    xobjects = _resolve(resources.get("/XObject")) or {}
    stream = contents if isinstance(contents, ContentStream) else ContentStream(contents, pdf)
    state = _State(ctm)
    stack: list[_State] = []
    path: list[tuple[float, float]] = []
    tm = lm = _IDENTITY
    leading = 0.0
    for operands, operator in stream.operations:
        if operator == b"q":
            stack.append(state.copy())
        elif operator == b"Q":
            state = stack.pop() if stack else state
        elif operator == b"cm":
            values = _numbers(operands)
            if len(values) == 6:
                state.ctm = _mul(tuple(values), state.ctm)  # type: ignore[arg-type]
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn"):
            state.fill_white = bool(_white(operator, _numbers(operands)))
        elif operator in (b"G", b"RG", b"K", b"SC", b"SCN"):
            state.stroke_white = bool(_white(operator, _numbers(operands)))
        elif operator in (b"cs", b"CS"):
            pass  # a colour space alone sets its initial colour (black for the device spaces): keep the guess
        elif operator in (b"m", b"l"):
            values = _numbers(operands)
            if len(values) == 2:
                path.append(_apply(state.ctm, *values))
        elif operator in (b"c", b"v", b"y"):
            values = _numbers(operands)
            path += [_apply(state.ctm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
        elif operator == b"re":
            values = _numbers(operands)
            if len(values) == 4:
                x, y, w, h = values
                box = _box(state.ctm, x, y, x + w, y + h)
                path += [(box[0], box[1]), (box[2], box[3])]
        elif operator in _FILLS | _STROKES | _BOTH or operator == b"n":
            painted = (
                (operator in _FILLS and not state.fill_white)
                or (operator in _STROKES and not state.stroke_white)
                or (operator in _BOTH and not (state.fill_white and state.stroke_white))
            )
            if painted and path:
                xs, ys = [p[0] for p in path], [p[1] for p in path]
                yield min(xs), min(ys), max(xs), max(ys)
            path = []
        elif operator == b"BT":
            tm = lm = _IDENTITY
        elif operator == b"Tf":
            values = _numbers(operands[1:])
            state.size = values[0] if values else state.size
        elif operator == b"Tr":
            values = _numbers(operands)
            state.invisible = bool(values) and int(values[0]) in (3, 7)
        elif operator == b"TL":
            values = _numbers(operands)
            leading = values[0] if values else leading
        elif operator in (b"Td", b"TD"):
            values = _numbers(operands)
            if len(values) == 2:
                if operator == b"TD":
                    leading = -values[1]
                lm = _mul((1.0, 0.0, 0.0, 1.0, values[0], values[1]), lm)
                tm = lm
        elif operator == b"Tm":
            values = _numbers(operands)
            if len(values) == 6:
                tm = lm = tuple(values)  # type: ignore[assignment]
        elif operator == b"T*":
            lm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -leading), lm)
            tm = lm
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            if operator in (b"'", b'"'):
                lm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -leading), lm)
                tm = lm
            count = _byte_count(operands[-1] if operands else b"")
            size = state.size or 12.0
            advance = count * size
            if not state.invisible and count:
                yield _box(_mul(tm, state.ctm), 0.0, -0.3 * size, advance, 1.0 * size)
            tm = _mul((1.0, 0.0, 0.0, 1.0, advance, 0.0), tm)
        elif operator == b"INLINE IMAGE":
            yield _box(state.ctm, 0.0, 0.0, 1.0, 1.0)
        elif operator == b"sh":
            yield from _everywhere()
        elif operator == b"Do" and operands:
            xobject = _resolve(xobjects.get(operands[0]))
            if xobject is None:
                continue
            subtype = xobject.get("/Subtype")
            if subtype == "/Image":
                yield _box(state.ctm, 0.0, 0.0, 1.0, 1.0)
            elif subtype == "/Form":
                matrix = _numbers(list(xobject.get("/Matrix", _IDENTITY)))
                inner = _mul(tuple(matrix) if len(matrix) == 6 else _IDENTITY, state.ctm)  # type: ignore[arg-type]
                bbox = _numbers(list(xobject.get("/BBox", [])))
                if depth >= _MAX_DEPTH and len(bbox) == 4:
                    yield _box(inner, *bbox)
                elif depth < _MAX_DEPTH:
                    yield from _walk(xobject, xobject.get("/Resources", resources), pdf, inner, depth + 1)


def _byte_count(operand: Any) -> int:
    """Bytes shown by a Tj/TJ operand (an array's strings summed; its kerning numbers ignored)."""
    if isinstance(operand, list):
        return sum(_byte_count(item) for item in operand if not isinstance(item, int | float))
    try:
        return len(bytes(operand) if not isinstance(operand, str) else operand.encode("latin-1", "replace"))
    except (TypeError, ValueError):
        return 1


def _everywhere() -> Iterator[Box]:
    yield (-1e9, -1e9, 1e9, 1e9)


def prints_in(page: PageObject, rect: Box) -> bool:
    """Whether ``page`` (as displayed: its /Rotate applied, measured from its crop box's lower-left corner)
    paints anything that overlaps ``rect``."""
    box = page.cropbox
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    rotation = page.rotation % 360
    for x0, y0, x1, y1 in ink_boxes(page):
        corners = [(x - left, y - bottom) for x, y in ((x0, y0), (x1, y1))]
        shown = [_rotated(x, y, width, height, rotation) for x, y in corners]
        sx0, sx1 = sorted(p[0] for p in shown)
        sy0, sy1 = sorted(p[1] for p in shown)
        if sx0 < rect[2] and sx1 > rect[0] and sy0 < rect[3] and sy1 > rect[1]:
            return True
    return False


def _rotated(x: float, y: float, width: float, height: float, rotation: int) -> tuple[float, float]:
    """A point of the unrotated crop box where a viewer shows it after /Rotate (clockwise)."""
    if rotation == 90:
        return y, width - x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return height - y, x
    return x, y
