"""Expected answers written out from the standards, for tests to compare the code against.

Nothing here is imported from ``compiler``: a test that took its expected set from the module under test
would compare the code with itself.  Sources (summarised in the project's reference notes on 禁则):

* GB/T 15834-2011《标点符号用法》§5.1 — which marks may not start or end a horizontal line;
* W3C clreq, "Requirements for Chinese Text Layout", prohibition rules, level "GB-style" (basic + 分隔号
  may not end a line), and the glyph positions of full-width marks (ink in one half of the cell);
* ECMA-376 Part 4 ``w:kinsoku``, Microsoft Word's built-in Chinese (Simplified) sets, which offices compare
  our PDFs with;
* Unicode's Halfwidth and Fullwidth Forms block (U+FF01–U+FF5E is U+0021–U+007E shifted by U+FEE0).
"""

from __future__ import annotations

# --- line start / line end ------------------------------------------------------------------------------

#: GB/T 15834 §5.1.1–5.1.2: 点号 (。，、；：？！) never start a line.
GB_POINT_MARKS = frozenset("、。，：；？！")
#: §5.1.3: closing quotes, brackets and book-title marks never start a line; the opening ones never end one.
GB_CLOSING_MARKS = frozenset("”’）〕】》〉")
GB_OPENING_MARKS = frozenset("“‘（〔【《〈")
#: §5.1.6–5.1.9: 连接号 (一字线 — as a connector, 浪纹线 ～), 间隔号 · do not start a line; 分隔号 ／ neither
#: starts nor ends one.
GB_CONNECTORS = frozenset("—～·／")
#: clreq "basic": the remaining closing and opening forms (corner brackets, square and curly brackets …).
CLREQ_CLOSING = frozenset("」』］｝〗〙")
CLREQ_OPENING = frozenset("「『［｛〖〘")
#: The recommended set for mixed text adds these (full stop ．, middle dots, ellipsis, units and signs that
#: belong to the number before them), and the ASCII marks a Chinese sentence may contain.
MIXED_NO_START = frozenset("．・‧…％‰℃°′″") | frozenset(")]},.;:?!%")
MIXED_NO_END = frozenset("([{")

#: Microsoft Word, zh-CN kinsoku (ECMA-376 Part 4, ``w:kinsoku``), verbatim.
WORD_NO_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞"  # (one string, split for the line length)
    "！＂％＇），．：；？］｀｜｝～￠"
)
WORD_NO_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
#: Where gongkai departs from Word, on purpose: ``>`` and ``›`` are comparison/quotation signs in mixed text
#: ("> 5", "›") that Chinese rules do not bar; a full stop ``．`` that may not start a line is not also
#: barred from ending one (Word lists it in both, which can leave no break at all).
WORD_NOT_FOLLOWED = frozenset(">›") | frozenset("．")

#: What the standards together bar from the start / the end of a line.
NO_LINE_START = GB_POINT_MARKS | GB_CLOSING_MARKS | GB_CONNECTORS | CLREQ_CLOSING | MIXED_NO_START
NO_LINE_END = GB_OPENING_MARKS | frozenset("／") | CLREQ_OPENING | MIXED_NO_END
#: ... and with Word's additions, as gongkai follows them.
NO_LINE_START_WITH_WORD = NO_LINE_START | (WORD_NO_START - WORD_NOT_FOLLOWED)
NO_LINE_END_WITH_WORD = NO_LINE_END | (WORD_NO_END - WORD_NOT_FOLLOWED)

#: GB/T 15834 §5.1.4–5.1.5: the 破折号 —— and the 省略号 …… are one two-cell unit, never split.  A 破折号
#: may start a line (clreq bars it only at level "strict"); an 省略号 may not (Word and the recommended set
#: list …).
UNBREAKABLE_PAIRS = ("——", "……")
PAIRS_THAT_MAY_START = frozenset({"——"})

# --- glyph positions in the cell (clreq) --------------------------------------------------------------

#: Ink in the left half of the cell (the right half is blank and may be compressed).
INK_LEFT = frozenset("、。，．：；！？”’）］｝〕〉》」』】〗〙")
#: Ink in the right half (the left half is blank).
INK_RIGHT = frozenset("“‘（［｛〔〈《「『【〖〘")

# --- half-width → full-width (Unicode Halfwidth and Fullwidth Forms) ------------------------------------

#: The ASCII marks a Chinese sentence must not contain (GB/T 15834 wants full-width marks) and their
#: full-width forms.
HALF_TO_FULL = {
    ",": "\uff0c",  # ，
    ";": "\uff1b",  # ；
    ":": "\uff1a",  # ：
    "?": "\uff1f",  # ？
    "!": "\uff01",  # ！
    "(": "\uff08",  # （
    ")": "\uff09",  # ）
}

#: Characters that make a Chinese context: East Asian Width W or F (UAX #11), and the ambiguous-width marks
#: that Chinese text sets full-width — quotes, ellipsis, dash, middle dot.
CHINESE_AMBIGUOUS = frozenset("“”‘’…—·")
