"""Keep the page on the line grid after things that are not made of grid lines (tables, figures)."""

from __future__ import annotations

import math

from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import Flowable

_EPS = 1e-6


class SnapToGrid(Flowable):
    """Wraps a flowable and rounds the height it takes up to a multiple of ``pitch``.

    The wrapped flowable is drawn at the top of the rounded box, so whatever follows starts on the next
    grid line.  ``split`` delegates to the wrapped flowable (offering it only whole grid lines) and wraps
    each part again.
    """

    def __init__(self, flowable: Flowable, pitch: float):
        super().__init__()
        if pitch <= 0:
            raise ValueError("grid pitch must be positive")
        self.flowable = flowable
        self.pitch = pitch
        self._inner_height = 0.0
        self.hAlign = getattr(flowable, "hAlign", "LEFT")
        self.keepWithNext = getattr(flowable, "keepWithNext", False)

    def _snap(self, height: float) -> float:
        return math.ceil(height / self.pitch - _EPS) * self.pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.flowable.wrapOn(getattr(self, "canv", None), availWidth, availHeight)
        self._inner_height = h
        self.width, self.height = w, self._snap(h)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        usable = math.floor(availHeight / self.pitch + _EPS) * self.pitch
        frame = getattr(self, "_frame", None)
        if frame is not None:  # the frame tells keep-together content whether it is at the top of a page
            self.flowable._frame = frame
        try:
            parts = self.flowable.splitOn(getattr(self, "canv", None), availWidth, usable)
        finally:
            self.flowable.__dict__.pop("_frame", None)
        return [p if isinstance(p, ActionFlowable) else SnapToGrid(p, self.pitch) for p in parts]

    def draw(self) -> None:
        self.flowable.drawOn(self.canv, 0, self.height - self._inner_height)

    def getSpaceBefore(self) -> float:
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.flowable.getSpaceAfter()

    def identity(self, maxLen: int | None = None) -> str:
        return f"<SnapToGrid {self.pitch:.2f} {self.flowable.identity(maxLen)}>"
