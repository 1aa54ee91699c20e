"""The Chinese line breaker: prohibition rules, unbreakable units, 挤进 before 推出, compression, justification."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compiler.render.pdf.typeset.linebreak import Breaking, Line, UnmappedCharacter
from tests.gridfonts import CHAR_PITCH, FANGSONG, HEI, body
from tests.hypothesis_profiles import at_least
from tests.oracles import (
    INK_LEFT,
    INK_RIGHT,
    NO_LINE_END,
    NO_LINE_END_WITH_WORD,
    NO_LINE_START,
    NO_LINE_START_WITH_WORD,
    PAIRS_THAT_MAY_START,
)

CELL = CHAR_PITCH
STYLE = body(indent=0)


def lines_of(text: str, cells: float = 10, style=STYLE, runs=None) -> list[Line]:
    return Breaking(runs or [(text, style)], style, cells * CELL).lines()


def texts(text: str, cells: float = 10, **kw) -> list[str]:
    return [line.text for line in lines_of(text, cells, **kw)]


def glyphs(line: Line) -> list[tuple[str, float, float]]:
    """(char, x, advance) for every glyph, recomputed from the runs the way a PDF viewer places them."""
    out = []
    for run in line.runs:
        x = run.x
        for ch in run.text:
            adv = FANGSONG.advance(run.font, ch, run.size)
            out.append((ch, x, adv))
            x += adv + run.char_space
    return out


def grid_width(ch: str) -> float:
    return FANGSONG.advance("TestFangSong", ch, 16) if ch.isascii() else CELL


# --- prohibition rules at the line boundary -------------------------------------------------------------


@pytest.mark.parametrize("mark", list("，。、：；？！”’）》〕"))
def test_no_start_mark_is_never_first_on_a_line(mark):
    result = texts("一二三四五六七八九十" + mark + "一二三四五")
    assert not result[1].startswith(mark)
    assert "".join(result) == "一二三四五六七八九十" + mark + "一二三四五"
    # a whole cell cannot be squeezed out of one mark: the last character is pushed down with it
    assert result == ["一二三四五六七八九", "十" + mark + "一二三四五"]


@pytest.mark.parametrize("mark", list("“（《〔‘"))
def test_no_end_mark_is_never_last_on_a_line(mark):
    text = "一二三四五六七八九" + mark + "十一二"
    result = texts(text)
    assert result == ["一二三四五六七八九", mark + "十一二"]


#: Vertical presentation forms and small form variants from Word's sets: no shipped font has them.
NO_GLYPH = frozenset("︶︺︾﹀﹄﹙﹚﹛﹜﹝﹞")


def _marks(chars: frozenset[str]) -> list[str]:
    return sorted(chars - NO_GLYPH)


@pytest.mark.parametrize("mark", _marks(NO_LINE_START_WITH_WORD))
def test_every_mark_the_standards_bar_from_a_line_start(mark):
    """GB/T 15834 §5.1, clreq GB-style and Word's zh-CN set, written out in tests/oracles.py."""
    text = "一二三四五六七八九十" + mark + "一二三四五"
    result = texts(text)
    assert "".join(result) == text
    assert not any(line.startswith(mark) for line in result[1:]), result


@pytest.mark.parametrize("mark", ["ˇ", "ˉ"])
def test_modifier_letter_marks_are_marks_not_letters(mark):
    """U+02C7 and U+02C9 are letters to Unicode (Lm) but in Word's no-line-start set: after a Latin word or on
    their own they are marks, never the start of a line, and they do not glue onto the word before."""
    for text in ("一二三四五六七八九十" + mark + "一二三四五", "一二三四五六七八ab" + mark + "一二三四五"):
        result = texts(text)
        assert "".join(result) == text
        assert not any(line.startswith(mark) for line in result[1:]), result


@pytest.mark.parametrize("mark", _marks(NO_LINE_END_WITH_WORD))
def test_every_mark_the_standards_bar_from_a_line_end(mark):
    text = "一二三四五六七八九" + mark + "十一二"
    result = texts(text)
    assert "".join(result) == text
    assert not any(line.endswith(mark) for line in result[:-1]), result


def test_both_rules_together_push_a_quoted_word_down():
    result = texts("一二三四五六七八“九十”一二")
    assert all(not r.startswith(tuple(NO_LINE_START)) for r in result[1:])
    assert all(not r.endswith(tuple(NO_LINE_END)) for r in result[:-1])


@pytest.mark.parametrize("pair", ["——", "……"])
def test_dash_and_ellipsis_pairs_never_split(pair):
    for lead in range(6, 11):
        text = "中" * lead + pair + "文字" * 5
        for line in texts(text):
            assert not line.startswith(pair[0]) or line.startswith(pair), line
            assert not line.endswith(pair[0]) or line.endswith(pair), line


@pytest.mark.parametrize("pair", ["——", "……"])
def test_only_the_dash_pair_may_start_a_line(pair):
    """A 破折号 may start a line (clreq GB-style); an 省略号 may not (Word's set and the recommended set list …)."""
    result = texts("一二三四五六七八九十" + pair + "一二三")
    assert "".join(result) == "一二三四五六七八九十" + pair + "一二三"
    starts = [line[:2] for line in result[1:]]
    if pair in PAIRS_THAT_MAY_START:
        assert result[1].startswith(pair), result
    else:
        assert pair not in starts, result


@pytest.mark.parametrize("run", ["2023", "98.63%", "1,234", "26190676", "A4"])
def test_latin_and_digit_runs_never_split(run):
    for lead in range(3, 11):
        result = texts("中" * lead + run + "年度报告" * 3)
        assert sum(run in line for line in result) == 1, result


def test_an_english_line_neither_starts_nor_ends_with_the_space_it_breaks_at():
    """山东省人民政府 2017 prints its 导语 again in English: the space at a break is the break, so no line of it
    starts one space in (the first glyph of every line stands at the left edge) or ends with a space."""
    text = (
        "This report is prepared according to the requirements set out by Regulations Regarding Disclosure of "
        "Government Information of the PRC and it is based on the 2017 annual reports prepared by municipal people's "
        "governments and all departments and subordinate organizations of the provincial government."
    )
    lines = lines_of(text, cells=28, style=replace(STYLE, align="justify"))
    assert len(lines) > 3
    for line in lines:
        assert line.text == line.text.strip(), line.text
        assert glyphs(line)[0][1] == pytest.approx(0.0, abs=0.01), line.text
    # every word is still there, once, in order
    assert " ".join(line.text for line in lines) == text
    # a space that is no break stays: the lead "附件：1. " is measured with its space (the attachment list hangs its
    # wrapped lines under the title by that width)
    [lead] = lines_of("附件：1. ", cells=28)
    [bare] = lines_of("附件：1.", cells=28)
    assert lead.text == "附件：1. " and lead.natural > bare.natural


def test_english_text_is_justified_at_its_spaces_and_its_curly_quotes_touch_their_words():
    """山东省人民政府 2017's English 导语: "(hereinafter “Regulations”)" was drawn "( hereinafter “ Regulations ” )" —
    justification stretched the gap between the bracket and its word, and the curly quotes kept the blank half of
    their full-width cell.  Now the stretch goes into the spaces only, and a quote between Latin words loses its
    blank half, so its ink touches its word; a quote beside Chinese characters keeps its cell."""
    text = (
        "This report is prepared according to the requirements set out by Regulations Regarding Disclosure of "
        "Government Information of the PRC (hereinafter “Regulations”) and Solutions for Disclosure of Government "
        "Information of Shandong Province (hereinafter “Solutions”); and it is based on the municipal people’s reports."
    )
    lines = lines_of(text, cells=28, style=replace(STYLE, align="justify"))
    assert " ".join(line.text for line in lines) == text
    seen = set()
    for line in lines:
        gl = glyphs(line)
        for (c1, x1, a1), (c2, x2, _) in itertools.pairwise(gl):
            if c1 == " " or c2 == " ":
                continue
            pair = c1 + c2
            if c1 == "“":  # ink in the right half of the cell: it ends where the word starts
                assert x2 == pytest.approx(x1 + CELL, abs=0.01), (pair, line.text)
                seen.add("open")
            elif c2 in "”’":  # the word ends where the quote's ink starts
                assert x2 == pytest.approx(x1 + a1, abs=0.01), (pair, line.text)
            elif c1 in "”’":  # the quote's ink (left half) ends where the next glyph starts
                assert x2 == pytest.approx(x1 + CELL / 2, abs=0.01), (pair, line.text)
                seen.add("close")
            else:  # inside a word group ("(hereinafter", "PRC)", ");"): set solid, however the line is justified
                assert x2 == pytest.approx(x1 + a1, abs=0.01), (pair, line.text)
        if line is not lines[-1]:
            assert line.extent == pytest.approx(line.left + line.width, abs=0.01)  # still justified, at the spaces
    assert seen == {"open", "close"}
    # beside Chinese characters a curly quote keeps its full cell (GB/T 15834 marks are full-width)
    [line] = lines_of("网站“中国山东”下载", cells=28)
    xs = {ch: x for ch, x, _ in glyphs(line)}
    assert xs["中"] - xs["“"] == pytest.approx(CELL, abs=0.01) and xs["“"] - xs["站"] == pytest.approx(CELL, abs=0.01)
    assert xs["下"] - xs["”"] == pytest.approx(CELL, abs=0.01)


@pytest.mark.parametrize(
    ("run", "pieces"),
    [
        ("0571-87051234", ["0571-", "87051234"]),
        ("0827—8221339", ["0827—", "8221339"]),
        ("https://www.example.gov.cn/a_b/index.html?x=1&y=2", None),
    ],
)
def test_urls_and_telephone_numbers_break_only_at_their_separators(run, pieces):
    for lead in range(3, 10):
        result = texts("中" * lead + run + "年度报告" * 3)
        joined = "|".join(result)
        for cut in (i for i, ch in enumerate(joined) if ch == "|"):
            before, after = joined[cut - 1], joined[cut + 1]
            if (before.isascii() and after.isascii()) or before == "—":
                assert before in "/.-_?&=—", joined  # only after a separator
                assert not (before.isdigit() and after.isdigit()), joined
        if pieces:
            assert all(any(p in line for line in result) for p in pieces), result


def test_document_number_breaks_only_outside_the_digits():
    for lead in range(0, 10):
        result = texts("中" * lead + "国办发〔2018〕23号文件" * 2, cells=8)
        joined = "|".join(result)
        assert "〔|" not in joined and "|〕" not in joined
        assert sum(line.count("2018") for line in result) == 2


# --- 挤进 before 推出 ------------------------------------------------------------------------------------


def test_squeeze_is_tried_before_push_and_spread_over_several_marks():
    # 一，二，三，四，五六 fills the 10-cell line; 。 may not start the next one.  It goes half width at the
    # line end and the other half cell is shared by the four commas (an eighth each), none squeezed to half
    lines = lines_of("一，二，三，四，五六。七")
    assert lines[0].text == "一，二，三，四，五六。"
    assert lines[0].extent == pytest.approx(10 * CELL, abs=0.01)
    xs = [x for _, x, _ in glyphs(lines[0])]
    advances = [b - a for a, b in itertools.pairwise(xs)]
    assert min(advances) >= 0.75 * CELL - 0.01


def test_a_lone_mark_is_never_squeezed_to_half_width_mid_line():
    # 一…八（九） is 11 cells: （ alone would have to give half a cell mid-line, so 九 is pushed instead
    lines = lines_of("一二三四五六七八（九）一二三")
    assert lines[0].text == "一二三四五六七八"
    assert lines[0].extent == pytest.approx(10 * CELL, abs=0.01)  # pushed line justified


def test_push_when_squeezing_cannot_make_room():
    lines = lines_of("一二三四五六七八九十，一二")
    assert [line.text for line in lines] == ["一二三四五六七八九", "十，一二"]
    assert lines[0].extent == pytest.approx(10 * CELL, abs=0.01)  # pushed line still justified


def test_line_end_mark_set_half_width_to_fit():
    # ” before 。 is already half-width; the 。 overflows by half a cell and is set half-width at the end
    lines = lines_of("一二三四五六七“八”。一二")
    assert lines[0].text == "一二三四五六七“八”。"
    assert lines[0].extent == pytest.approx(10 * CELL, abs=0.01)


def spacing(line: Line) -> float:
    """The largest extra space between two glyphs of a justified line, in cells."""
    gaps = [b[1] - a[1] - grid_width(a[0]) for a, b in itertools.pairwise(glyphs(line)) if not a[0].isascii()]
    return max(gaps, default=0.0) / CELL


def test_a_digit_run_too_long_for_the_line_end_is_pulled_in_by_squeezing():
    # greedy leaves 3.4 cells on 本年度…处理费 before the unbreakable 1888700 (0.18 em between characters);
    # the run fits when the comma gives up 0.09 em, so it is pulled in instead of letter-spacing the line
    text = "本年度共发出收费通知1888700件，收取信息处理费1888700元。"
    lines = lines_of(text, 28, style=body())
    assert [line.text for line in lines] == ["本年度共发出收费通知1888700件，收取信息处理费1888700", "元。"]
    assert lines[0].extent == pytest.approx(lines[0].left + lines[0].width, abs=0.01)
    assert spacing(lines[0]) < 0.1
    placed = glyphs(lines[0])
    comma = next(i for i, (ch, _, _) in enumerate(placed) if ch == "，")
    assert 0.75 * CELL - 0.01 <= placed[comma + 1][1] - placed[comma][1] < CELL  # squeezed, by at most ¼ em


def test_the_breaker_looks_back_when_a_digit_run_would_letter_space_a_line():
    # greedy: 28 甲 | 25 乙 + 3 cells of slack before 12345678 (0.125 em between characters); the first line
    # hands a character down and both lines stay under 0.1 em
    text = "甲" * 28 + "乙" * 25 + "12345678" + "丙丙丙。"
    lines = lines_of(text, 28, style=body(indent=0))
    assert "".join(line.text for line in lines) == text
    assert lines[1].text.endswith("乙") and lines[2].text.startswith("12345678")
    assert max(spacing(line) for line in lines[:2]) < 0.1


def test_a_line_that_cannot_be_mended_stays_justified():
    # nothing to squeeze, no line before: the letter-spaced line is the only way and it is still flush
    lines = lines_of("乙" * 5 + "123456789012", 10, style=body(indent=0))
    assert [line.text for line in lines] == ["乙" * 5, "123456789012"]
    assert lines[0].extent == pytest.approx(10 * CELL, abs=0.01)


# --- compression -----------------------------------------------------------------------------------------


def test_adjacent_closing_marks_are_compressed():
    line = lines_of("他说：“好。”然后走了", cells=20)[0]
    pos = {ch: x for ch, x, _ in glyphs(line)}
    assert pos["”"] - pos["。"] == pytest.approx(CELL / 2, abs=0.01)
    assert pos["然"] - pos["”"] == pytest.approx(CELL, abs=0.01)


def test_closing_then_opening_loses_one_half():
    line = lines_of("《条例》（以下简称）", cells=20)[0]
    pos = {ch: x for ch, x, _ in glyphs(line)}
    assert pos["（"] - pos["》"] == pytest.approx(CELL / 2, abs=0.01)
    assert pos["以"] - pos["（"] == pytest.approx(CELL, abs=0.01)


def test_opening_marks_together_lose_the_second_leading_half():
    line = lines_of("关于“《条例》”的说明", cells=20)[0]
    pos = {ch: x for ch, x, _ in glyphs(line)}
    assert pos["《"] - pos["“"] == pytest.approx(CELL / 2, abs=0.01)  # 《 drawn half a cell early
    assert pos["条"] - pos["《"] == pytest.approx(CELL, abs=0.01)


def test_compression_can_be_switched_off():
    style = replace(STYLE, compress_punctuation=False)
    line = lines_of("他说：“好。”然后", cells=20, style=style)[0]
    pos = {ch: x for ch, x, _ in glyphs(line)}
    assert pos["”"] - pos["。"] == pytest.approx(CELL, abs=0.01)


# --- widths, justification, mixed text --------------------------------------------------------------------


def test_full_cjk_line_has_exactly_28_cells():
    lines = lines_of("政府信息公开" * 12, cells=28)
    assert [len(line.text) for line in lines] == [28, 28, 16]
    assert all(g[1] == pytest.approx(i * CELL, abs=1e-6) for i, g in enumerate(glyphs(lines[0])))


def test_first_line_indent_and_side_indents():
    style = body(indent=2, left_indent=1, right_indent=1)
    lines = Breaking([("政府信息公开" * 10, style)], style, 28 * CELL).lines()
    assert lines[0].runs[0].x == pytest.approx(3 * CELL)
    assert len(lines[0].text) == 24 and len(lines[1].text) == 26
    assert lines[1].extent == pytest.approx(27 * CELL, abs=0.01)


def test_mixed_latin_is_justified_between_units_only():
    text = "2024年，本机关新制发规范性文件12件，主动公开政府信息3,456条，其中重点领域信息1,234条，公开比例达到98.5%。"
    lines = lines_of(text, cells=28)
    assert "".join(line.text for line in lines) == text
    for line in lines[:-1]:
        assert line.extent == pytest.approx(line.left + line.width, abs=0.01)
        for run in line.runs:
            if run.text.isascii() and len(run.text) > 1:
                assert run.char_space == 0  # no stretching inside "3,456"


def test_latin_space_between_cjk_and_latin():
    style = replace(STYLE, latin_space=0.25)
    line = lines_of("共2024件", cells=20, style=style)[0]
    (_, x_gong, _), (_, x_two, _) = glyphs(line)[:2]
    assert x_two - x_gong == pytest.approx(CELL + 4.0, abs=0.01)  # 0.25 em of 16 pt after the cell


def test_alignment_center_and_right():
    for align, offset in (("center", 3 * CELL), ("right", 6 * CELL), ("left", 0.0)):
        style = replace(STYLE, align=align)
        line = lines_of("政府信息", cells=10, style=style)[0]
        assert line.runs[0].x == pytest.approx(offset, abs=0.01)


def test_last_line_is_natural_width():
    lines = lines_of("政府信息公开" * 3, cells=10)
    assert lines[-1].extent == pytest.approx(8 * CELL, abs=0.01)


def test_long_url_breaks_by_characters_as_last_resort():
    url = "https://www.example.gov.cn/" + "a" * 60
    lines = lines_of("网址：" + url + "。", cells=10)
    assert "".join(line.text for line in lines) == "网址：" + url + "。"
    assert all(line.natural <= line.width + 0.01 for line in lines)
    assert all(line.extent == pytest.approx(line.left + line.width, abs=0.01) for line in lines[:-1])


@pytest.mark.parametrize(
    ("text", "cells", "expected"),
    [
        # found by Hypothesis (test_breaking_properties): the digit run is wider than three cells and is split
        # by characters; the connector — (GB/T 15834 §5.1.7) must not start the second line
        ("0000—0", 3, ["000", "0—0"]),
        ("一0000—0", 3, ["一000", "0—0"]),
        ("00000?0", 3, ["0000", "0?0"]),  # ASCII ? may not start a line either (Word's kinsoku set)
    ],
)
def test_digit_run_split_for_width_keeps_the_line_start_rules(text, cells, expected):
    assert texts(text, cells=cells) == expected


def test_mixed_fonts_in_one_line_make_few_runs():
    heading = replace(STYLE, fonts=HEI)
    runs = [("一、总体情况。", heading), ("本报告根据条例编制全文包括总体情况主动公开情况等", STYLE)]
    line = Breaking(runs, STYLE, 28 * CELL).lines()[0]
    fonts = [run.font for run in line.runs]
    assert fonts[0] == "TestHei" and "TestFangSong" in fonts
    assert len(line.runs) <= 4


def test_unmapped_character_is_reported_with_its_position():
    with pytest.raises(UnmappedCharacter) as info:
        Breaking([("正文\ue000", STYLE)], STYLE, 100)
    assert info.value.char == "\ue000" and info.value.index == 2


# --- properties ------------------------------------------------------------------------------------------

ALPHABET = "政府信息公开年度报告一二三" + "，。、：；？！“”‘’（）《》〔〕·" + "0123456789" + "—…"


def _units(text: str) -> list[tuple[int, int]]:
    """Unbreakable stretches in the test alphabet, found independently of the module: digit runs (joined by
    a single — between digits, as in a phone number) and doubled — / …"""
    out, i = [], 0
    while i < len(text):
        j = i + 1
        if text[i].isdigit():
            # a digit run; a telephone number ("0827—8221339") may break after its single — only
            while j < len(text) and (
                text[j].isdigit() or (text[j] == "—" and j + 1 < len(text) and text[j + 1].isdigit())
            ):
                j += 1
                if text[j - 1] == "—":
                    break
        elif text[i] in "—…" and j < len(text) and text[j] == text[i]:
            j += 1
        out.append((i, j))
        i = j
    return out


def _ink(ch: str, x: float) -> tuple[float, float]:
    """Where a glyph's ink may be: the left half of a closing mark, the right half of an opening one."""
    if ch in INK_LEFT:
        return x, x + CELL / 2
    if ch in INK_RIGHT:
        return x + CELL / 2, x + CELL
    return x, x + grid_width(ch)


def _allowed(text: str, pos: int) -> bool:
    """A break before ``pos`` obeys the rules as gongkai follows them (the standards plus Word's sets)."""
    pair_may_start = text[pos : pos + 2] in PAIRS_THAT_MAY_START  # 破折号 ——, not a single connector —
    return (pair_may_start or text[pos] not in NO_LINE_START_WITH_WORD) and text[pos - 1] not in NO_LINE_END_WITH_WORD


# at least 200 examples; HYPOTHESIS_PROFILE=long makes it 3,000 (tests/hypothesis_profiles.py)
@settings(max_examples=at_least(200))
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=200), st.integers(min_value=3, max_value=30))
@example(text="0000—0", cells=3)  # found by Hypothesis: a digit run split for width started a line with —
def test_breaking_properties(text, cells):
    lines = lines_of(text, cells=cells)
    assert "".join(line.text for line in lines) == text
    units = _units(text)
    # a unit wider than the line is broken by characters (last resort); all others stay whole
    starts = {s for s, _ in units} | {
        c for s, e in units if sum(grid_width(ch) for ch in text[s:e]) > cells * CELL for c in range(s, e)
    }
    pos = 0
    for k, line in enumerate(lines):
        end = pos + len(line.text)
        assert pos in starts  # no unit is split
        if k > 0 and not _allowed(text, pos):
            # only when the previous line offered no allowed break at all
            prev_start = pos - len(lines[k - 1].text)
            inner = [s for s in starts if prev_start < s < pos]
            # (a previous line that is a single unit offers no break at all)
            assert not any(_allowed(text, s) for s in inner), (lines[k - 1].text, line.text)
        if k < len(lines) - 1:
            single = sum(1 for s in starts if pos <= s < end) == 1
            if not single:
                assert line.extent == pytest.approx(line.left + line.width, abs=0.01)
            # the ink of neighbouring glyphs never overlaps
            gl = glyphs(line)
            for (c1, x1, _), (c2, x2, _) in itertools.pairwise(gl):
                assert _ink(c1, x1)[1] <= _ink(c2, x2)[0] + 0.01, line.text
        pos = end


_WORDS = st.sampled_from(["政府", "信息", "公开", "申请", "办理", "，", "。", "、", "（", "）", "件"])
_COUNTS = st.integers(min_value=10_000, max_value=999_999_999).map(str)


@settings(max_examples=at_least(200))
@given(
    st.lists(st.tuples(_WORDS, st.one_of(_WORDS, _COUNTS)), min_size=1, max_size=30),
    st.integers(min_value=8, max_value=30),
)
def test_mending_letter_spaced_lines_keeps_every_rule(pairs, cells):
    """Long counts make letter-spaced lines that the breaker mends (pull in, look back): the text, the whole
    counts, the line-start and line-end rules and flush justification all survive it."""
    text = "".join(a + b for a, b in pairs)
    lines = lines_of(text, cells=cells)
    assert "".join(line.text for line in lines) == text
    starts = {s for s, _ in _units(text)}
    pos = 0
    for k, line in enumerate(lines):
        assert pos in starts, line.text
        if k > 0:
            assert _allowed(text, pos) or not any(
                _allowed(text, s) for s in starts if pos - len(lines[k - 1].text) < s < pos
            ), (lines[k - 1].text, line.text)
        end = pos + len(line.text)
        if k < len(lines) - 1 and sum(1 for s in starts if pos <= s < end) > 1:  # a lone unit has no gaps
            assert line.extent == pytest.approx(line.left + line.width, abs=0.01)
        pos = end


def test_a_number_or_address_is_set_solid_where_the_justified_line_does_not_break_it():
    """青岛市 2013's contact line "电话：0532-85912121；传真：0532-85912181；电子邮箱：" (held-out round 99), justified:
    the space a line needs went into the numbers after their dash too ("0532- 85912121") — a break opportunity is not
    a gap to stretch where the line does not break.  The Chinese gaps take it all."""
    style = replace(STYLE, align="justify")
    text = "电话：0532-85912121；传真：0532-85912181；电子邮箱：zfxxgkb@qingdao.gov.cn）。一、概述"
    lines = lines_of(text, cells=28, style=style)
    first = lines[0]
    assert first.extent == pytest.approx(first.left + first.width, abs=0.01)  # still justified
    placed = glyphs(first)
    for n, (ch, x, advance) in enumerate(placed[:-1]):
        if ch in "-." and placed[n + 1][0].isascii():
            assert placed[n + 1][1] == pytest.approx(x + advance, abs=1e-6), first.text
    assert any(run.char_space > 0 or len(run.text) == 1 for run in first.runs)
