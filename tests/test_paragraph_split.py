"""Splitting a GridParagraph across pages: the parts draw exactly the unsplit paragraph's lines, and a long
paragraph is broken into lines once, however many pages it runs over (linear, not quadratic, time)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.render.pdf.typeset import paragraph as paragraph_module
from compiler.render.pdf.typeset.paragraph import GridParagraph
from tests.gridfonts import BODY_WIDTH, KAI, LINE_PITCH, body

BODY = body()
RUN_IN = replace(BODY, name="heading2", fonts=KAI, bold=True)

#: Hanzi, the marks the line breaker pushes and squeezes, Latin/digit runs and a rare (fallback) character.
ALPHABET = "政府信息公开工作年度报告依申请条例堃，。、；：！？“”《》（）——……·2019年98.5%abc "
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=900)


def split_all(para: GridParagraph, room_lines: list[int], width: float = BODY_WIDTH) -> list[GridParagraph]:
    """Split ``para`` as a frame sequence would: each page offers the next height; what does not fit moves on."""
    parts: list[GridParagraph] = []
    rest = para
    for room in room_lines:
        rest.wrap(width, 10_000)
        pieces = rest.split(width, room * LINE_PITCH + 1)
        if not pieces:  # orphans: nothing of it on this page
            continue
        if len(pieces) == 1:
            break
        first, rest = pieces
        first.wrap(width, room * LINE_PITCH + 1)
        parts.append(first)
    rest.wrap(width, 10_000)
    parts.append(rest)
    return parts


@settings(max_examples=60, deadline=None)
@given(
    head=st.text(alphabet="一二三四（）、", max_size=6),
    text=texts,
    rooms=st.lists(st.integers(min_value=1, max_value=22), min_size=1, max_size=40),
    widows=st.integers(min_value=1, max_value=3),
    orphans=st.integers(min_value=1, max_value=3),
)
def test_split_parts_draw_the_unsplit_lines(head: str, text: str, rooms: list[int], widows: int, orphans: int):
    style = replace(BODY, widows=widows, orphans=orphans)
    runs = [(head, RUN_IN), (text, style)]
    whole = GridParagraph(runs, style)
    whole.wrap(BODY_WIDTH, 10_000)
    expected_lines = whole.line_texts()
    expected_runs = [line.runs for line in whole.lines()]

    parts = split_all(GridParagraph(runs, style), rooms)
    got_lines = [t for part in parts for t in part.line_texts()]
    got_runs = [line.runs for part in parts for line in part.lines()]
    assert got_lines == expected_lines
    assert got_runs == expected_runs  # same glyphs at the same x, fonts, sizes and spacing
    assert "".join(got_lines) == head + text
    # every part's own text is what it starts with: a later re-break (another width) loses nothing
    assert [p.text for p in parts[1:]] == [
        "".join(expected_lines[sum(len(q.line_texts()) for q in parts[:i]) :]) for i in range(1, len(parts))
    ]


def test_a_long_paragraph_is_broken_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    real = paragraph_module.Breaking

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(paragraph_module, "Breaking", counting)
    text = "政府信息公开工作年度报告，依申请公开。" * 600  # 11,400 characters: about 19 pages
    parts = split_all(GridParagraph([(text, BODY)], BODY), [22] * 40)
    assert len(parts) >= 18
    assert len(made) == 1
    assert "".join(t for p in parts for t in p.line_texts()) == text


def test_the_rest_is_broken_afresh_at_another_width() -> None:
    text = "政府信息公开工作年度报告" * 40
    para = GridParagraph([(text, BODY)], BODY)
    para.wrap(BODY_WIDTH, 10_000)
    first, rest = para.split(BODY_WIDTH, 3 * LINE_PITCH + 1)
    narrow = BODY_WIDTH / 2
    rest.wrap(narrow, 10_000)
    fresh = GridParagraph([(text[len("".join(first.line_texts())) :], BODY)], BODY, continued=True)
    fresh.wrap(narrow, 10_000)
    assert rest.line_texts() == fresh.line_texts()
    assert max(len(t) for t in rest.line_texts()) <= 14
    first.wrap(narrow, 10_000)  # the placed first part keeps its lines whatever it is offered
    assert first.line_texts() == para.line_texts()[:3]
