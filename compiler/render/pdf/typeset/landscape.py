"""A table too wide for the 版心 even at the smallest type step, set across the page (横排表格).

GB/T 9704-2012 §10 (表格): "A4纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头在订口一边，双页码表头在
切口一边".  On an odd page the 订口 is on the left, on an even page the 切口 is — so on every page the table's
head lies along the left edge: its content is turned 90° counter-clockwise and read by turning the sheet a
quarter clockwise.  The page itself stays A4 portrait (no ``/Rotate``: it is bound and numbered with the others),
and its page number is drawn by the ordinary page template, upright and where every other page has it.

The turned table gets the 版心 turned: its measure is the 版心's height (225 mm), its page depth the 版心's width
(156 mm).  A table deeper than that is split between rows like any other (header rows repeated), one turned
page per part; the text after it starts on the next page.  Everything is ReportLab's public API: a flowable as
tall as the frame (so it always gets a page of its own) that rotates the canvas before drawing.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from compiler.render.pdf.typeset.page import OutlineMark

__all__ = ["TurnedPage"]

_EPS = 1e-6


class TurnedPage(Flowable):
    """A whole page holding ``content`` (a caption, a table) turned 90° counter-clockwise.

    ``measure`` is the turned measure (the 版心 height), ``depth`` the turned page depth (the 版心 width) and
    ``frame_height`` the page template's frame height (the flowable claims all of it).  Only the first part
    of a split table keeps the caption."""

    def __init__(
        self, content: list[Flowable], *, measure: float, depth: float, body_height: float, frame_height: float
    ):
        super().__init__()
        self.content = content
        self.measure = measure
        self.depth = depth
        self.body_height = body_height
        self.frame_height = frame_height
        self._heights: list[float] = []
        self._whole = False  # the content cannot be split: drawn as it is

    def _layout(self) -> list[float]:
        self._heights = [f.wrap(self.measure, self.depth)[1] for f in self.content]
        return self._heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # the whole frame; a little more when the content needs more than one turned page, so that
        # ReportLab asks :meth:`split` for the parts
        self.width = availWidth
        self.height = self.frame_height
        if not self._whole and sum(self._layout()) > self.depth + _EPS:
            return availWidth, self.frame_height + 1.0
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if availHeight + 0.5 < self.frame_height:
            return []  # not at the top of a fresh page: the next one
        heights = self._layout()
        if sum(heights) <= self.depth + _EPS:
            return [self]  # pragma: no cover - wrap said it fits a page; ReportLab does not split then
        # the caption (if any) stays with the first part; the table splits between rows into the rest
        *head, table = self.content
        room = self.depth - sum(heights[:-1])
        parts = table.split(self.measure, room)
        if len(parts) < 2:
            self._whole = True  # its header and first rows alone are deeper than a turned page: drawn as it is
            return [self]
        first = TurnedPage([*head, parts[0]], **self._geometry())
        rest = TurnedPage(list(parts[1:]), **self._geometry())
        return [first, rest]

    @property
    def outline_marks(self) -> list[Flowable]:
        """Bookmarks among the content (a heading turned with the table), for the document's outline."""
        return [f for f in self.content if isinstance(f, OutlineMark)]

    def _geometry(self) -> dict[str, float]:
        return {
            "measure": self.measure,
            "depth": self.depth,
            "body_height": self.body_height,
            "frame_height": self.frame_height,
        }

    def draw(self) -> None:
        heights = self._heights or self._layout()
        canvas = self.canv
        canvas.saveState()
        # the 版心's bottom-left corner in this flowable's coordinates; after rotate(90) the turned x axis runs
        # up the page from it and the turned y axis runs left, so the turned top edge lies on the 版心's left
        bottom = self.height - self.body_height
        canvas.translate(self.depth, bottom)
        canvas.rotate(90)
        top = self.depth
        for flowable, height in zip(self.content, heights, strict=True):
            top -= height
            flowable.drawOn(canvas, 0, top)
        canvas.restoreState()

    def identity(self, maxLen: int | None = None) -> str:
        return f"<TurnedPage {len(self.content)} flowables>"
