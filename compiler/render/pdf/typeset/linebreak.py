"""Chinese line breaking on a character grid (GB/T 15834, W3C clreq "GB-style", Word's kinsoku sets).

Pure Python, no ReportLab: the input is text already split into styled runs, the output is lines of
positioned glyph runs that :mod:`compiler.render.pdf.typeset.paragraph` draws with one text-show operator each.

Why our own breaker: ReportLab's CJK wrapping lets ，：；？！》” start a line, never checks line-end marks,
hangs one mark into the margin instead of pushing and does not justify Chinese lines (spec/kinsoku.md).

Model
-----
* The text is cut into *units* that are never split: one CJK character, one punctuation mark, a
  Latin/digit run ("98.63%", "1,234", "0827—8221339", a URL), the two-em dash ——, the ellipsis …….
* A CJK character or full-width mark occupies one cell of ``char_pitch``; Latin letters and digits take
  their font advance at ``size``.
* Adjacent full-width marks are compressed (``compress_punctuation``): each mark has a blank half —
  closing marks (。，、：；！？”’）》〕 …) on the right, opening marks (“‘（《〔 …) on the left.  Where two
  marks meet, one blank half goes: closing+closing and closing+opening drop the first mark's trailing
  half, opening+opening drops the second mark's leading half.  Middle dots keep their width.
* Breaking is greedy.  When a unit overflows a line: first 挤进 (squeeze) — if the unit must not start a
  line, compress blanks on the line so that it still fits: the unit's own trailing half first (it ends
  the line), then at most a quarter em from each other mark, shared evenly (:func:`_squeeze` gives the
  order of preference and its sources); otherwise 推出 (push) — move the break back until no line starts
  with a NO_LINE_START mark and no line ends with a NO_LINE_END mark, and justify.  URLs, e-mail addresses
  and paths may break after / . - _ ? & =, telephone numbers after their dash (:func:`_run_pieces`);
  plain digit runs never.  A unit wider than a line is broken into characters as a last resort.
* A justified line that would be letter-spaced by more than ``MAX_LETTER_SPACING`` (0.1 em: a long digit
  run that may not break was pushed down) is mended by a bounded choice (:func:`_repair`): pull the run in
  by 挤进 (any unit, within the same limits), or look back over the one or two previous breaks and let those
  lines hand up to four units down; each alternative is judged over the same window of lines (spacing over
  the limit first, then a lone last character 段末孤字, then the squeeze, then evenness).  The rest stays
  greedy, so breaking is linear in the text.
* Justification stretches the gaps *between* units (never inside a Latin run, nor between Latin characters
  and half-width marks written together: "(hereinafter", "1.") so that every line but the last fills the
  measure exactly.  A curly quote between Latin words is set in half a cell (:func:`_set_latin_text`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from compiler.render.textstyle import TextStyle

# --- character classes -------------------------------------------------------------------------------

#: May not start a line: GB/T 15834 §5.1 点号, closing quotes/brackets/book-title marks, connectors and
#: separators, plus the ASCII and Word (ECMA-376 zh-CN kinsoku) additions for mixed text.
NO_LINE_START: frozenset[str] = frozenset(
    "、。，．：；！？”’）］｝〕〉》」』】〗〙～·・‧％‰℃°′″…—／)]},.;:?!%¢¨ˇˉ―‖∶〃〞︶︺︾﹀﹄﹚﹜﹞＂＇｀｜￠"
)

#: May not end a line: opening quotes/brackets/book-title marks, the separator ／, currency signs.
NO_LINE_END: frozenset[str] = frozenset("“‘（［｛〔〈《「『【〖〘／([{$£¥·〝﹙﹛﹝＄￡￥")

#: Full-width marks whose ink sits in the left half (blank right half may be compressed).
CLOSING: frozenset[str] = frozenset("、。，．：；！？”’）］｝〕〉》」』】〗〙")

#: Full-width marks whose ink sits in the right half (blank left half may be compressed).
OPENING: frozenset[str] = frozenset("“‘（［｛〔〈《「『【〖〘")

#: Centred marks: never compressed (they have a quarter blank on each side).
MIDDLE: frozenset[str] = frozenset("·・‧")

#: Marks that form one two-cell unit when doubled (破折号 ——, 省略号 ……).
PAIRED: frozenset[str] = frozenset("—…")

#: Characters that may sit *inside* a Latin/digit run when a word character follows them.
_JOINERS: frozenset[str] = frozenset(".,:/-_'@#&=+?~\u2014")
#: Characters that may end a Latin/digit run.
_RUN_SUFFIXES: frozenset[str] = frozenset("%‰")

# unit flags
_NO_START = 1
_NO_END = 2
_CLOSE = 4
_OPEN = 8
_GLUED = 16  # piece of a unit broken by characters: no justification stretch before it
_LATIN = 32
_CJK = 64
_INWORD = 128  # a piece of one Latin/digit run after its own break opportunity ("0532-|85912121"): no stretch before it
_HALF_QUOTE = 256  # a curly quote inside Latin text ("hereinafter “Regulations”", "people’s"): half a cell

#: Curly quotes that open (ink in the right half of their cell) and close (ink in the left half).
_CURLY_OPENING: frozenset[str] = frozenset("“‘")
_CURLY_CLOSING: frozenset[str] = frozenset("”’")

_EPS = 1e-6


class UnmappedCharacter(LookupError):
    """No font of the run's chain has a glyph for ``char`` (at ``index`` in the paragraph text)."""

    def __init__(self, char: str, index: int):
        super().__init__(f"no font has U+{ord(char):04X} ({char!r})")
        self.char = char
        self.index = index


def _is_word_char(ch: str) -> bool:
    """Letters and digits that belong to Latin/digit runs (not CJK, not full-width forms, and not the
    modifier letters ˇ ˉ — Unicode letters, but tone marks in Word's no-line-start set: a run starting with
    one could start a line)."""
    return ch.isalnum() and ch not in NO_LINE_START and unicodedata.east_asian_width(ch) not in ("W", "F")


def _joined_until(text: str, j: int) -> int:
    """If the joiners starting at ``j`` ("://", ".", ",", "—") are followed by a word character, the index
    just past that character; else ``j`` (the joiners then end the run: "2018," before Chinese text)."""
    k = j
    n = len(text)
    while k < n and text[k] in _JOINERS:
        if text[k] == "\u2014" and k + 1 < n and text[k + 1] == "\u2014":
            return j  # a two-em dash —— is a unit of its own
        k += 1
    return k + 1 if k < n and _is_word_char(text[k]) else j


# --- output ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """Glyphs drawn with one text-show operator: same font, size and style, constant character spacing.

    ``x`` is the origin of the first glyph measured from the paragraph's left edge; each following glyph
    starts ``advance + char_space`` after the previous one.
    """

    x: float
    text: str
    font: str
    size: float
    char_space: float
    style: TextStyle


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: ``text`` is ``paragraph_text[start:end]``; ``left``/``width`` is the measure,
    ``natural`` the content width before justification and ``extent`` where the content ends (from the
    paragraph's left edge; ``left + width`` for a justified line)."""

    start: int
    end: int
    text: str
    left: float
    width: float
    natural: float
    extent: float
    runs: tuple[GlyphRun, ...]


# --- glyph metrics -----------------------------------------------------------------------------------


class _Metrics:
    """Per-call cache of (font, glyph advance, grid width) per (style, character)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, str], tuple[str, float, float]] = {}

    def get(self, style: TextStyle, ch: str, index: int) -> tuple[str, float, float]:
        key = (id(style), ch)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        font = style.fonts.font_for(ch)
        if font is None:
            raise UnmappedCharacter(ch, index)
        adv = style.fonts.advance(font, ch, style.size)
        eaw = unicodedata.east_asian_width(ch)
        full = eaw in ("W", "F") or (eaw == "A" and adv >= 0.75 * style.size)
        value = (font, adv, style.char_pitch if full else adv)
        self._cache[key] = value
        return value


# --- tokenising --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Units:
    """Units as parallel lists (a megabyte of text makes a million units; objects would be slow)."""

    start: list[int]
    end: list[int]
    width: list[float]  # after adjacency compression
    lead_cut: list[float]  # blank removed on the left (glyph drawn that much further left)
    trail_cut: list[float]
    half: list[float]  # half a cell of the unit's style (the compressible blank)
    space_before: list[float]  # CJK/Latin spacing (dropped at line start)
    flags: list[int]


class _Text:
    """The paragraph's characters with their styles, font names, advances and grid widths."""

    def __init__(self, runs: Sequence[tuple[str, TextStyle]], metrics: _Metrics):
        self.text = "".join(t for t, _ in runs)
        styles: list[TextStyle] = []
        fonts: list[str] = []
        advances: list[float] = []
        widths: list[float] = []
        index = 0
        for text, style in runs:
            get = metrics.get
            for ch in text:
                font, adv, width = get(style, ch, index)
                fonts.append(font)
                advances.append(adv)
                widths.append(width)
                index += 1
            styles.extend([style] * len(text))
        self.styles = styles
        self.fonts = fonts
        self.advances = advances
        self.widths = widths


#: Where a URL, e-mail address or path may break: after these characters (UAX #14 practice and the
#: Chicago Manual's rule for URLs: break after a slash, a dot, a hyphen, an underscore, ? & =).
_URL_BREAK_AFTER: frozenset[str] = frozenset("/.-_?&=")
#: A digit run with these separators (a telephone or fax number, 0571-87051234) may break after them.
_NUMBER_BREAK_AFTER: frozenset[str] = frozenset("-\u2014")


def _looks_like_url(run: str) -> bool:
    return "://" in run or run.startswith("www.") or "@" in run or ("/" in run and any(c.isalpha() for c in run))


def _run_pieces(text: str, i: int, j: int) -> list[tuple[int, int]]:
    """The pieces of the Latin/digit run ``text[i:j]`` between its break opportunities.

    A URL, e-mail address or path breaks after / . - _ ? & = (never inside "//", never before a mark that
    ends it); a number with separators (0571-87051234) after its dash; a plain digit run (64585), a decimal
    (98.63%) or a grouped number (1,234) never.
    """
    run = text[i:j]
    if _looks_like_url(run):
        marks = _URL_BREAK_AFTER
    elif any(c in _NUMBER_BREAK_AFTER for c in run) and all(c.isdigit() or c in _NUMBER_BREAK_AFTER for c in run):
        marks = _NUMBER_BREAK_AFTER
    else:
        return [(i, j)]
    pieces: list[tuple[int, int]] = []
    a = i
    for k in range(i, j - 1):
        if text[k] in marks and text[k + 1] not in marks and k + 1 - a >= 1:
            pieces.append((a, k + 1))
            a = k + 1
    pieces.append((a, j))
    return pieces


def _tokenise(t: _Text, compress: bool) -> _Units:
    text = t.text
    n = len(text)
    widths = t.widths
    styles = t.styles
    u = _Units([], [], [], [], [], [], [], [])
    add_start, add_end, add_width, add_flags = u.start.append, u.end.append, u.width.append, u.flags.append
    add_half = u.half.append
    class_cache: dict[str, int] = {}
    i = 0
    while i < n:
        ch = text[i]
        j = i + 1
        if ch in PAIRED and j < n and text[j] == ch:
            j += 1
            # 省略号 …… never starts a line (Word's and the GB-style sets list …); a 破折号 —— may
            flags = _NO_START if ch == "…" else 0
        elif _is_word_char(ch):
            while j < n:
                c = text[j]
                if _is_word_char(c):
                    j += 1
                elif c in _JOINERS and (after := _joined_until(text, j)) > j:
                    j = after
                elif c in _RUN_SUFFIXES:
                    j += 1
                    break
                else:
                    break
            flags = _LATIN
        else:
            flags = class_cache.get(ch)
            if flags is None:
                flags = 0
                if ch in NO_LINE_START:
                    flags |= _NO_START
                if ch in NO_LINE_END:
                    flags |= _NO_END
                if ch in CLOSING:
                    flags |= _CLOSE
                elif ch in OPENING:
                    flags |= _OPEN
                elif unicodedata.east_asian_width(ch) in ("W", "F") and ch not in MIDDLE:
                    flags |= _CJK
                elif ch != " " and not flags:
                    flags |= _LATIN
                class_cache[ch] = flags
        for a, b in _run_pieces(text, i, j) if flags & _LATIN and j - i > 2 else ((i, j),):
            add_start(a)
            add_end(b)
            add_width(widths[a] if b == a + 1 else sum(widths[a:b]))
            add_flags(flags if a == i else flags | _INWORD)
            add_half(styles[a].char_pitch / 2)
        i = j
    count = len(u.start)
    u.lead_cut = [0.0] * count
    u.trail_cut = [0.0] * count
    u.space_before = [0.0] * count
    flags_ = u.flags
    if compress:
        for k in range(1, count):
            a, b = flags_[k - 1], flags_[k]
            if a & _CLOSE and b & (_CLOSE | _OPEN):
                u.trail_cut[k - 1] = u.half[k - 1]
                u.width[k - 1] -= u.half[k - 1]
            elif a & _OPEN and b & _OPEN:
                u.lead_cut[k] = u.half[k]
                u.width[k] -= u.half[k]
    for k in range(1, count):
        a, b = flags_[k - 1], flags_[k]
        if (a & _CJK and b & _LATIN) or (a & _LATIN and b & _CJK):
            style = styles[u.start[k]]
            u.space_before[k] = style.latin_space * style.size
    _set_latin_text(u, text)
    return u


def _is_space(u: _Units, text: str, k: int) -> bool:
    """Unit ``k`` is a single space (where an English line may break)."""
    return u.end[k] - u.start[k] == 1 and text[u.start[k]] == " "


def _set_latin_text(u: _Units, text: str) -> None:
    """Latin text inside a paragraph is set as Latin text is (山东省 2017's English paragraph).

    * A curly quote that stands between Latin words — “ before a word and after a space, a bracket or the
      paragraph's start; ” or ’ after a word and before a space, a mark, a word or the end — loses the blank
      half of its full-width cell, as at a line end, so that its ink touches its word: "hereinafter “Regulations”)"
      and "people’s", not "“ Regulations ”".  Quotes beside Chinese characters keep their cell.
    * Justification stretches the spaces and the gaps beside Chinese characters and full-width marks, never
      the gap inside a group of Latin characters and half-width marks written together ("(hereinafter",
      "PRC)", "”);"): those are set solid, as a word is."""
    count = len(u.start)
    flags = u.flags

    def space(k: int) -> bool:
        return _is_space(u, text, k)

    def western(k: int) -> bool:
        fl = flags[k]
        return not space(k) and not fl & _CJK and (not fl & (_OPEN | _CLOSE) or bool(fl & _HALF_QUOTE))

    for k in range(count):
        if u.end[k] - u.start[k] != 1 or u.lead_cut[k] or u.trail_cut[k]:
            continue
        ch = text[u.start[k]]
        before_word = k + 1 < count and bool(flags[k + 1] & _LATIN)
        after_word = k > 0 and bool(flags[k - 1] & (_LATIN | _HALF_QUOTE))
        if ch in _CURLY_OPENING and before_word and (k == 0 or space(k - 1) or western(k - 1)):
            u.lead_cut[k] = u.half[k]
        elif ch in _CURLY_CLOSING and after_word and (k + 1 == count or space(k + 1) or western(k + 1)):
            u.trail_cut[k] = u.half[k]
        else:
            continue
        u.width[k] -= u.half[k]
        flags[k] |= _HALF_QUOTE
    for k in range(1, count):
        if western(k - 1) and western(k):
            flags[k] |= _INWORD


def _split_wide_units(u: _Units, t: _Text, limit: float) -> _Units:
    """Break units wider than ``limit`` (a long URL) into one unit per character, glued together.

    The pieces still obey the prohibition rules: a piece whose character may not start (end) a line gets
    that flag, so "0000—0" in a three-cell column breaks as 000|0—0, never before the connector —.  The
    first and last pieces keep the whole unit's start and end rules."""
    if limit <= 0 or all(w <= limit + _EPS for w in u.width):
        return u
    text = t.text
    out = _Units([], [], [], [], [], [], [], [])
    for k in range(len(u.start)):
        s, e = u.start[k], u.end[k]
        if u.width[k] <= limit + _EPS or e - s == 1:
            pieces = [(s, e, u.width[k], u.lead_cut[k], u.trail_cut[k], u.space_before[k], u.flags[k])]
        else:
            unit_flags = u.flags[k]
            flags = unit_flags & ~(_NO_START | _NO_END)
            pieces = []
            for c in range(s, e):
                ch = text[c]
                fl = flags | (_GLUED if c > s else 0)
                no_start = unit_flags & _NO_START if c == s else ch in NO_LINE_START
                no_end = unit_flags & _NO_END if c == e - 1 else ch in NO_LINE_END
                fl |= (_NO_START if no_start else 0) | (_NO_END if no_end else 0)
                pieces.append((c, c + 1, t.widths[c], 0.0, 0.0, u.space_before[k] if c == s else 0.0, fl))
        for s2, e2, w, lc, tc, sb, fl in pieces:
            out.start.append(s2)
            out.end.append(e2)
            out.width.append(w)
            out.lead_cut.append(lc)
            out.trail_cut.append(tc)
            out.space_before.append(sb)
            out.flags.append(fl)
            out.half.append(u.half[k])
    return out


# --- breaking ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LineSpan:
    first: int  # unit range [first, last)
    last: int
    squeeze: tuple[tuple[int, float, float], ...]  # extra (unit, lead cut, trail cut) from 挤进
    final: bool


#: The most a mark inside a line gives up to 挤进: a quarter of its cell.  A mark squeezed to half width
#: mid-line reads like an ASCII comma; a quarter, shared by several marks, does not show.
MAX_MIDLINE_SQUEEZE = 0.25


def _squeeze(u: _Units, start: int, j: int, need: float) -> tuple[tuple[int, float, float], ...] | None:
    """挤进: cuts from the blank halves of units ``start..j`` that absorb ``need`` points, or None.

    Order of preference (W3C clreq §3.1.7 "行尾点号的处理" and JIS X 4051 §9.1 追い込み, as Word and
    InDesign's 中文 composer apply them):

    1. the line-end mark ``j`` itself goes half width — its blank then sits at the line end, where it
       does not show (GB/T 15834 §5.1.10 allows a half-width mark at the end of a line);
    2. what is still missing is shared *evenly* by the other compressible marks of the line, each giving
       at most a quarter of its cell (``MAX_MIDLINE_SQUEEZE``) — never one lone mark squeezed to half;
    3. if that is not enough, None: the caller pushes a character down (推出) instead and justifies
       the shorter line by spacing (JIS X 4051 §9.1: 追い出し when 追い込み exceeds the limit).
    """
    cuts: list[tuple[int, float, float]] = []
    left = need
    if u.flags[j] & _CLOSE and u.trail_cut[j] == 0.0:
        take = u.half[j]  # whole: the mark ends at the half-cell, what is over goes to justification
        cuts.append((j, 0.0, take))
        left -= take
    if left <= _EPS:
        return tuple(cuts)
    # (unit, is-leading-blank, capacity) for every other mark whose blank half is still there
    others: list[tuple[int, bool, float]] = []
    for k in range(j - 1, start - 1, -1):
        fl = u.flags[k]
        if fl & _CLOSE and u.trail_cut[k] == 0.0:
            others.append((k, False, u.half[k] * 2 * MAX_MIDLINE_SQUEEZE))
        elif fl & _OPEN and u.lead_cut[k] == 0.0 and k > start:
            others.append((k, True, u.half[k] * 2 * MAX_MIDLINE_SQUEEZE))
    if not others or left > sum(cap for _, _, cap in others) + _EPS:
        return None
    share = left / len(others)
    if any(share > cap + _EPS for _, _, cap in others):
        return None
    for k, leading, _ in others:
        cuts.append((k, share, 0.0) if leading else (k, 0.0, share))
    return tuple(cuts)


def _fill(u: _Units, start: int, avail: float, compress: bool) -> tuple[_LineSpan, int, float]:
    """One greedy line from unit ``start``: the span, the first unit that did not fit and the natural width
    up to it (before any 挤进)."""
    widths, flags, sb = u.width, u.flags, u.space_before
    n = len(widths)
    w = widths[start]
    j = start + 1
    while j < n:
        add = widths[j] + sb[j]
        if w + add > avail + _EPS:
            break
        w += add
        j += 1
    if j >= n:
        return _LineSpan(start, n, (), True), n, w
    overflow, natural = j, w
    squeeze: tuple[tuple[int, float, float], ...] = ()
    # 挤进: pull no-start units onto this line by compressing punctuation on it.
    while compress and j < n and flags[j] & _NO_START:
        cuts = _squeeze(u, start, j, w + widths[j] + sb[j] - avail)
        if cuts is None:
            break
        squeeze = cuts
        w += widths[j] + sb[j]
        j += 1
    if j >= n:
        return _LineSpan(start, n, squeeze, True), n, w
    # 推出: move the break back until the next line may start there and this line may end there.
    k = j
    while k > start and (flags[k] & _NO_START or flags[k - 1] & _NO_END):
        k -= 1
    if k == start:
        k = j  # nothing but prohibited marks: accept the break rather than overflow
    if k < j:
        squeeze = ()  # the pushed line is short anyway: no need to compress it
    return _LineSpan(start, k, squeeze, False), overflow, natural


def _pull(u: _Units, span: _LineSpan, overflow: int, natural: float, avail: float) -> _LineSpan | None:
    """The line ``span`` with the unit that overflowed it (and the no-start units after it) pulled in by
    挤进, or None when the marks on the line cannot give that much or the line could not end there."""
    widths, flags, sb = u.width, u.flags, u.space_before
    n = len(widths)
    start, j, w = span.first, overflow, natural
    squeeze: tuple[tuple[int, float, float], ...] = ()
    while True:
        cuts = _squeeze(u, start, j, w + widths[j] + sb[j] - avail)
        if cuts is None:
            return None
        squeeze, w, j = cuts, w + widths[j] + sb[j], j + 1
        if j >= n:
            return _LineSpan(start, n, squeeze, True)
        if not flags[j] & _NO_START and not flags[j - 1] & _NO_END:
            return _LineSpan(start, j, squeeze, False)


#: The most extra space justification may put between two characters, in cells: above it a line reads as
#: letter-spaced, and the breaker looks for other breaks (:func:`_repair`).
MAX_LETTER_SPACING = 0.1


class _Measure:
    """Line widths from prefix sums: a candidate line is measured in O(1)."""

    def __init__(self, u: _Units, first_avail: float, other_avail: float):
        self.u = u
        self.avails = (first_avail, other_avail)
        prefix = [0.0]
        for w, s in zip(u.width, u.space_before, strict=True):
            prefix.append(prefix[-1] + w + s)
        self.prefix = prefix

    def spacing(self, span: _LineSpan, line_no: int) -> float:
        """The extra space between units that justifying ``span`` needs, in cells (0 for a last line)."""
        if span.final or span.last - span.first < 2:
            return 0.0
        u = self.u
        natural = self.prefix[span.last] - self.prefix[span.first] - u.space_before[span.first]
        natural -= sum(lc + tc for _, lc, tc in span.squeeze)
        slack = self.avails[0 if line_no == 0 else 1] - natural
        return max(slack, 0.0) / (span.last - span.first - 1) / (2 * u.half[span.first])

    def lone(self, span: _LineSpan) -> bool:
        """A paragraph's last line holding a single character (段末孤字: "元。")."""
        if not span.final:
            return False
        words = [k for k in range(span.first, span.last) if self.u.flags[k] & (_CJK | _LATIN)]
        return len(words) <= 1 and sum(self.u.end[k] - self.u.start[k] for k in words) <= 1


def _cost(m: _Measure, lines: Sequence[tuple[_LineSpan, int]]) -> tuple[float, int, float, float]:
    """How bad a run of lines is, compared lexicographically: spacing beyond :data:`MAX_LETTER_SPACING`, a lone
    last character, the squeeze used, then the spacing itself (even lines are better)."""
    spacings = [m.spacing(span, no) for span, no in lines]
    over = sum(max(s - MAX_LETTER_SPACING, 0.0) for s in spacings)
    squeezed = sum(lc + tc for span, _ in lines for _, lc, tc in span.squeeze) / (2 * m.u.half[lines[0][0].first])
    return (round(over, 4), sum(m.lone(span) for span, _ in lines), round(squeezed, 4), sum(s * s for s in spacings))


#: How many units a line may hand down to the next when the breaker looks back (:func:`_repair`).
_LOOK_BACK_UNITS = 4


def _repair(
    m: _Measure, spans: list[_LineSpan], line: _LineSpan, overflow: int, natural: float, compress: bool
) -> tuple[int, list[_LineSpan]]:
    """A letter-spaced line (a long digit run that may not break pushed to the next line): the best of a
    bounded set of alternatives — pull the run in by 挤进, or look back over the one or two previous breaks
    and let those lines hand characters down (each a little looser, none letter-spaced) — judged by
    :func:`_cost` over the lines changed and the line after them.  Returns how many of ``spans`` to replace
    and the lines replacing them and ``line``."""
    u = m.u
    n = len(u.width)
    no = len(spans)

    def avail(line_no: int) -> float:
        return m.avails[0 if line_no == 0 else 1]

    def then(lines: list[_LineSpan], first_no: int) -> list[tuple[_LineSpan, int]]:
        out = [(span, first_no + i) for i, span in enumerate(lines)]
        last = lines[-1]
        if not last.final and last.last < n:  # the line after the change, as greedy would set it
            out.append((_fill(u, last.last, avail(first_no + len(lines)), compress)[0], first_no + len(lines)))
        return out

    window = max(no - 2, 0)  # every alternative is judged over the same lines: two back, one on

    def cost_of(back: int, lines: list[_LineSpan]) -> tuple[float, int, float, float]:
        kept = [(span, window + i) for i, span in enumerate(spans[window : no - back])]
        return _cost(m, kept + then(lines, no - back))

    best: tuple[tuple[float, int, float, float], int, list[_LineSpan]] = (cost_of(0, [line]), 0, [line])

    def consider(back: int, lines: list[_LineSpan]) -> None:
        nonlocal best
        cost = cost_of(back, lines)
        if cost < best[0]:
            best = (cost, back, lines)

    if compress:
        pulled = _pull(u, line, overflow, natural, avail(no))
        if pulled is not None:
            consider(0, [pulled])

    def shortened(span: _LineSpan, by: int) -> _LineSpan | None:
        end = span.last - by
        if end - span.first < 2 or u.flags[end] & _NO_START or u.flags[end - 1] & _NO_END:
            return None
        return _LineSpan(span.first, end, (), False)

    for back in (1, 2):
        if no < back:
            break
        # the line ``back`` lines up hands down 0.._LOOK_BACK_UNITS units, each line after it filled greedily
        # and then handing down 0.._LOOK_BACK_UNITS units in turn; the letter-spaced line is filled last
        frontier: list[list[_LineSpan]] = [[]]
        for i in range(back):
            grown: list[list[_LineSpan]] = []
            for head in frontier:
                at = head[-1].last if head else spans[no - back].first
                base = spans[no - back] if not head else _fill(u, at, avail(no - back + i), compress)[0]
                if base.final:
                    continue
                for by in range(_LOOK_BACK_UNITS + 1):
                    cut = base if by == 0 else shortened(base, by)
                    if cut is not None:
                        grown.append([*head, cut])
            frontier = grown
        for head in frontier:
            if head[-1].last == line.first:
                continue  # nothing handed down: that is the line we have
            filled = _fill(u, head[-1].last, avail(no), compress)[0]
            if filled.last > line.first:  # the paragraph moves on (no repair may undo an earlier one for ever)
                consider(back, [*head, filled])
    return best[1], best[2]


def _break(u: _Units, first_avail: float, other_avail: float, compress: bool, justify: bool = False) -> list[_LineSpan]:
    """Greedy lines; in a justified paragraph a line that would be letter-spaced by more than
    :data:`MAX_LETTER_SPACING` is mended by :func:`_repair` (a bounded look-back, never a whole-paragraph
    optimisation: the breaker stays linear in the text)."""
    n = len(u.width)
    spans: list[_LineSpan] = []
    measure: _Measure | None = None
    i = 0
    while i < n:
        span, overflow, natural = _fill(u, i, first_avail if not spans else other_avail, compress)
        if justify and not span.final:
            if measure is None:
                measure = _Measure(u, first_avail, other_avail)
            if measure.spacing(span, len(spans)) > MAX_LETTER_SPACING + _EPS:
                back, lines = _repair(measure, spans, span, overflow, natural, compress)
                del spans[len(spans) - back :]
                spans.extend(lines)
                i = lines[-1].last
                continue
        spans.append(span)
        i = span.last
    return spans


# --- positioning -------------------------------------------------------------------------------------


class Breaking:
    """The lines of one paragraph at one width; :meth:`line` positions glyphs lazily (drawing needs them,
    counting lines for ``wrap`` does not)."""

    def __init__(
        self,
        runs: Sequence[tuple[str, TextStyle]],
        style: TextStyle,
        width: float,
        *,
        first_line: bool = True,
    ):
        metrics = _Metrics()
        self._t = _Text(runs, metrics)
        self.text = self._t.text
        self.style = style
        cell = style.char_pitch
        left = style.left_indent * cell
        right = style.right_indent * cell
        first_left = left + (style.indent * cell if first_line else 0.0)
        self._lefts = (first_left, left)
        self._avails = (width - first_left - right, width - left - right)
        units = _tokenise(self._t, style.compress_punctuation)
        units = _split_wide_units(units, self._t, min(self._avails))
        self._u = units
        self._spans = _break(
            units, self._avails[0], self._avails[1], style.compress_punctuation, style.align == "justify"
        )

    def __len__(self) -> int:
        return len(self._spans)

    def span(self, i: int) -> tuple[int, int]:
        """Character offsets ``[start, end)`` of line ``i``."""
        sp = self._spans[i]
        return self._u.start[sp.first], self._u.end[sp.last - 1]

    def line_texts(self) -> list[str]:
        return [self.text[slice(*self.span(i))] for i in range(len(self._spans))]

    def lines(self) -> list[Line]:
        return [self.line(i) for i in range(len(self._spans))]

    def line(self, i: int) -> Line:
        sp = self._spans[i]
        u, t = self._u, self._t
        left = self._lefts[0 if i == 0 else 1]
        avail = self._avails[0 if i == 0 else 1]
        lead = {k: lc for k, lc, _ in sp.squeeze}
        trail = {k: tc for k, _, tc in sp.squeeze}
        # a space where an English line breaks is the break: not set at the end of the line before it nor at the
        # start of the line after it (the paragraph's own first and last spaces are not breaks: a measured lead
        # "附件：1. " keeps its space)
        first, last = sp.first, sp.last
        while i > 0 and last - first > 1 and self._space(first):
            first += 1
        while not sp.final and last - first > 1 and self._space(last - 1):
            last -= 1
        # natural width and the gaps that may stretch
        natural = 0.0
        stretchable = glued = inword = 0
        for k in range(first, last):
            natural += u.width[k] - lead.get(k, 0.0) - trail.get(k, 0.0)
            if k > first:
                natural += u.space_before[k]
                if u.flags[k] & _GLUED:
                    glued += 1
                elif u.flags[k] & _INWORD:
                    inword += 1
                else:
                    stretchable += 1
        slack = avail - natural
        align = self.style.align
        gap = glued_gap = inword_gap = 0.0
        offset = 0.0
        if align == "justify" and not sp.final:
            if glued:  # pieces of a unit broken as a last resort (a long URL): it is split anyway
                gap = glued_gap = inword_gap = slack / (stretchable + glued + inword)
            elif stretchable:  # a telephone number or an address stays set solid where the line does not break
                gap = slack / stretchable
            elif inword:
                inword_gap = slack / inword
        elif align == "center":
            offset = slack / 2
        elif align == "right":
            offset = slack
        # glyph origins
        xs: list[float] = []
        idx: list[int] = []
        x = left + offset
        for k in range(first, last):
            if k > first:
                flags = u.flags[k]
                x += u.space_before[k] + (glued_gap if flags & _GLUED else inword_gap if flags & _INWORD else gap)
            lc = u.lead_cut[k] + lead.get(k, 0.0)
            gx = x - lc
            for c in range(u.start[k], u.end[k]):
                xs.append(gx)
                idx.append(c)
                gx += t.widths[c]
            x += u.width[k] - lead.get(k, 0.0) - trail.get(k, 0.0)
        start, end = u.start[first], u.end[last - 1]
        return Line(start, end, self.text[start:end], left, avail, natural, x, _group(xs, idx, t))

    def _space(self, k: int) -> bool:
        return _is_space(self._u, self.text, k)


def _group(xs: list[float], idx: list[int], t: _Text) -> tuple[GlyphRun, ...]:
    """Merge consecutive glyphs with the same font and style and a constant extra spacing into runs."""
    runs: list[GlyphRun] = []
    n = len(idx)
    a = 0
    while a < n:
        ca = idx[a]
        font, style = t.fonts[ca], t.styles[ca]
        spacing: float | None = None
        b = a + 1
        while b < n:
            cb = idx[b]
            if t.fonts[cb] != font or t.styles[cb] is not style:
                break
            extra = xs[b] - xs[b - 1] - t.advances[idx[b - 1]]
            if spacing is None:
                spacing = extra
            elif abs(extra - spacing) > 1e-6:
                break
            b += 1
        text = "".join(t.text[c] for c in idx[a:b])
        runs.append(GlyphRun(xs[a], text, font, style.size, spacing or 0.0, style))
        a = b
    return tuple(runs)


def break_lines(
    runs: Sequence[tuple[str, TextStyle]], style: TextStyle, width: float, *, first_line: bool = True
) -> list[Line]:
    """Break and position a paragraph: the convenience form of :class:`Breaking`."""
    return Breaking(runs, style, width, first_line=first_line).lines()
