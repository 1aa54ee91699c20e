"""Text hygiene: the invisible and half-width debris that pasting from Word, WPS and web pages leaves in Chinese
prose, found, fixed and reported.

What is fixed (every fix is a :class:`Change`; :func:`hygiene_problems` turns them into WARNINGs that name the
TOML key, line and column, and ``--strict`` makes them errors):

- zero-width and other format characters (U+200B, U+FEFF, U+00AD, bidi marks …), control characters,
  noncharacters (U+FFFF …) and variation selectors are removed — they print as nothing or as a .notdef box,
  and they break ``{references}``;
- half-width ``, ; : ? ! ( )`` next to Chinese text become ``，；：？！（）`` (GB/T 15834 wants full-width marks
  in Chinese sentences); a parenthesis pair is converted as a pair, so ``(2018)`` inside a Chinese sentence
  becomes ``（2018）`` even though digits surround each half;
- straight ``"…"`` (and mixed ``“…"``) in Chinese text are paired into ``“…”``;
- ``<…>`` inside 《》 (a title within a title, "《关于印发<……办法>的通知》") becomes ``〈…〉``;
- the small and vertical forms of marks (U+FE10–FE19, U+FE30–FE6B: ``﹝2011﹞``, ``﹐``, ``︵``), pasted from WPS,
  PDF copies and vertical layouts, become the ordinary marks (``〔2011〕``, ``，``, ``（``): GB/T 15834 has no
  small forms, and the open CJK fonts have no glyph for them (a document number typed ``赤政﹝2011﹞6号`` printed
  nothing, or stopped the build);
- spaces: non-breaking and other typographic spaces count as spaces; spaces, tabs and line breaks next to a
  Chinese character are removed (Chinese has no word spaces; the typesetter adds the CJK–Latin gap itself),
  whitespace at the start or end of a string is removed (the typesetter indents), runs between Latin words
  become one space.  An ideographic space ``　`` between two Chinese characters is kept: it is deliberate
  (``概　述``); so is the space of a two-character label spread to the width of three at a string's start, kept
  as one ideographic space (``组 长：`` → ``组　长：`` beside ``副组长：`` in a roster), the space of a heading
  of two characters spread apart (a ``heading`` key: ``引 言`` → ``引　言``, the way reports print it), and the white
  between two labelled items of one line (``邮政编码:210008      电子信箱:`` → one ideographic space), and the space
  between two organs named together (``中共中央办公厅 国务院办公厅`` → one ideographic space: a joint issuer).

What is only reported (``new is None``): quotes that cannot be paired (an odd number) and private-use code
points, whose glyph differs from font to font.

Never touched: the inside of ``{references}`` and of URLs (``http://a.gov.cn/x?id=1``) except for invisible
characters, and Latin or digit context (``1,234``, ``10:30``, ``Hello, world``).

Where it runs: once, on the report's data right after it is read (:func:`clean_data`, called by
:func:`compiler.model.report.load_report`), not where text becomes runs.  That way every consumer — section builders,
table cells, references, derived values, checks and the embedded JSON — sees the same text; each change is
reported once rather than once per call (``check`` and ``build`` both ask for blocks); and ``gongkai fmt``
(:mod:`compiler.source.fmt`) applies exactly the same changes at the same key paths to the file itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compiler.model.document import SourceRef
from compiler.model.problems import Problem, warning
from compiler.source.tomlliterals import Path, line_column, scan

if TYPE_CHECKING:
    from compiler.source.tomlsource import TomlSource

_REF = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[A-Za-z0-9\-._~:/?#\[\]@$&'*+=%]*")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_OPEN_PAREN, _CLOSE_PAREN = "(（", ")）"
_DOUBLE_QUOTES = '"“”'
#: Ambiguous-width marks that are full-width in Chinese text (and so make a Chinese context).
_CHINESE_AMBIGUOUS = frozenset("“”‘’…—·")
_NEWLINES = frozenset("\n\r\u2028\u2029\x85")
_IDEOGRAPHIC_SPACE = "\u3000"
#: Small (U+FE50–FE6B) and vertical (U+FE10–FE19, U+FE30–FE4F) forms → the marks Chinese text prints.
_SMALL_FORMS = {
    **dict(zip("﹐﹑﹒﹔﹕﹖﹗﹘﹙﹚﹛﹜﹝﹞", "，、．；：？！—（）｛｝〔〕", strict=True)),
    **dict(zip("﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫", "＃＆＊＋－＜＞＝＼＄％＠", strict=True)),
    **dict(zip("︐︑︒︓︔︕︖︗︘︙", "，、。：；！？〖〗…", strict=True)),
    **dict(zip("︵︶︷︸︹︺︻︼︽︾︿﹀﹁﹂﹃﹄", "（）｛｝〔〕【】《》〈〉「」『』", strict=True)),
}
#: Upper bound on punctuation rounds (each is linear; real text settles in two).
_MAX_ROUNDS = 64

RULES = {
    "hygiene.invisible": "不可见字符",
    "hygiene.control": "控制字符",
    "hygiene.variation-selector": "变体选择符",
    "hygiene.space": "空白",
    "hygiene.punctuation": "半角标点",
    "hygiene.small-form": "小型或竖排标点",
    "hygiene.quotes": "引号",
    "hygiene.unpaired-quote": "引号不成对",
    "hygiene.private-use": "私用区字符",
}


@dataclass(frozen=True)
class Change:
    """One character of a string that is replaced (``new``), removed (``new == ""``) or only reported
    (``new is None``).  ``index`` is its position in the original string."""

    index: int
    old: str
    new: str | None
    rule: str
    why: str = ""


def _codepoint(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def is_wide(ch: str) -> bool:
    """A character that makes a Chinese context: CJK, full-width forms, and the marks Chinese sets full-width."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in _CHINESE_AMBIGUOUS


def _is_space(ch: str) -> bool:
    return ch in " \t" or ch in _NEWLINES or unicodedata.category(ch) == "Zs"


def _pictographic(ch: str | None) -> bool:
    return ch is not None and (ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So")


def _junk(text: str, i: int) -> tuple[str, str] | None:
    """(rule, why) if the character at ``i`` is to be removed."""
    ch = text[i]
    if "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return "hygiene.variation-selector", f"删除了变体选择符 {_codepoint(ch)}（PDF 不按变体选字形）"
    code = ord(ch)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:  # noncharacters: fonts map U+FFFF to .notdef
        return "hygiene.control", f"删除了非字符 U+{code:04X}"
    category = unicodedata.category(ch)
    if category == "Cc" and ch not in "\t" and ch not in _NEWLINES:
        return "hygiene.control", f"删除了控制字符 {_codepoint(ch)}"
    if category == "Cf":
        if (
            ch == "\u200d"
            and _pictographic(text[i - 1] if i else None)
            and _pictographic(text[i + 1] if i + 1 < len(text) else None)
        ):
            return None  # joins an emoji sequence; the font check decides whether it can be printed
        return "hygiene.invisible", f"删除了不可见字符 {_codepoint(ch)}"
    return None


def _protected(text: str) -> list[bool]:
    """True inside ``{references}`` and URLs, where only invisible characters are removed."""
    mask = [False] * len(text)
    for pattern in (_REF, _URL):
        for m in pattern.finditer(text):
            for k in range(m.start(), m.end()):
                mask[k] = True
    return mask


class _Cleaner:
    """The passes over one string.  ``out[i]`` is what becomes of ``text[i]`` ("" when removed)."""

    def __init__(self, text: str, *, heading: bool = False):
        self.text = text
        self.out = list(text)
        self.changes: dict[int, Change] = {}
        self.protected = _protected(text)
        self.heading = heading

    def set(self, i: int, new: str | None, rule: str, why: str) -> None:
        self.changes[i] = Change(i, self.text[i], new, rule, why)
        if new is not None:
            self.out[i] = new

    def neighbour(self, i: int, step: int, *, skip_space: bool) -> str | None:
        """The nearest surviving character before (``step=-1``) or after ``i``, optionally skipping spaces."""
        k = self.neighbour_at(i, step, skip_space=skip_space)
        return None if k is None else self.out[k]

    def neighbour_at(self, i: int, step: int, *, skip_space: bool) -> int | None:
        """The index of :meth:`neighbour`."""
        k = i + step
        while 0 <= k < len(self.out):
            ch = self.out[k]
            if ch and not (skip_space and _is_space(ch)):
                return k
            k += step
        return None

    def wide(self, k: int | None) -> bool:
        """Whether the character at ``k`` makes a Chinese context.  A mark Chinese sets full-width that Latin text
        uses too (“”‘’…—·) makes one only where Chinese stands beside it, past spaces and other such marks: in an
        English paragraph of a report ("… PRC (hereinafter “Regulations”)and …", 山东省人民政府 2017) it is the
        English mark, and the brackets and spaces around it stay as they are."""
        if k is None or not self.out[k]:
            return False
        if self.out[k] not in _CHINESE_AMBIGUOUS:
            return is_wide(self.out[k])
        return any(self._beside_ambiguous(k, step) for step in (-1, 1))

    def _beside_ambiguous(self, k: int, step: int) -> bool:
        j = k + step
        while 0 <= j < len(self.out):
            ch = self.out[j]
            if ch and not _is_space(ch) and ch not in _CHINESE_AMBIGUOUS:
                return is_wide(ch)
            j += step
        return False

    def chinese_at(self, i: int) -> bool:
        before = self.neighbour_at(i, -1, skip_space=True)
        after = self.neighbour_at(i, 1, skip_space=True)
        return self.wide(before) or self.wide(after)

    # -- passes -------------------------------------------------------------------------------------
    def remove_junk(self) -> None:
        for i in range(len(self.text)):
            found = _junk(self.text, i)
            if found:
                self.set(i, "", *found)

    def free(self, i: int) -> bool:
        return bool(self.out[i]) and not self.protected[i]

    def pair_quotes(self) -> None:
        if not any(self.wide(k) for k in range(len(self.out))):
            return
        marks = [i for i, ch in enumerate(self.out) if ch in _DOUBLE_QUOTES and self.free(i)]
        if not marks:
            return
        wanted = ["“" if n % 2 == 0 else "”" for n in range(len(marks))]
        if all(self.out[i] == w for i, w in zip(marks, wanted, strict=True)):
            return
        if len(marks) % 2:
            self.set(
                marks[-1], None, "hygiene.unpaired-quote", f"双引号不成对（共 {len(marks)} 个），无法自动配对，请检查"
            )
            return
        for i, w in zip(marks, wanted, strict=True):
            if self.out[i] != w:
                self.set(i, w, "hygiene.quotes", f"引号 {self.text[i]} 改为 {w}")

    def ordinary_forms(self) -> None:
        for i, ch in enumerate(self.out):
            if ch in _SMALL_FORMS and self.free(i):
                new = _SMALL_FORMS[ch]
                kind = "竖排" if "\ufe10" <= ch <= "\ufe4f" else "小型"
                self.set(i, new, "hygiene.small-form", f"{kind}标点 {ch}（{_codepoint(ch)}）改为 {new}")

    def widen_punctuation(self) -> None:
        """Rounds in alternating directions until nothing changes, so that a chain of marks (``,,中``) or
        nested parentheses is decided as a whole — which is what makes cleaning idempotent."""
        for round_ in range(_MAX_ROUNDS):
            if not self._widen_round(reverse=bool(round_ % 2)) and round_:
                break

    def _widen_round(self, reverse: bool) -> bool:
        changed = False
        pairs: dict[int, int] = {}
        stack: list[int] = []
        for i, ch in enumerate(self.out):
            if not self.free(i):
                continue
            if ch in _OPEN_PAREN:
                stack.append(i)
            elif ch in _CLOSE_PAREN and stack:
                j = stack.pop()
                pairs[i], pairs[j] = j, i
        order = range(len(self.out) - 1, -1, -1) if reverse else range(len(self.out))
        for i in order:
            ch = self.out[i]
            if ch not in _HALF_TO_FULL or not self.free(i):
                continue
            chinese = self.chinese_at(i)
            if i in pairs:
                j = pairs[i]
                a, b = min(i, j), max(i, j)
                chinese = (
                    chinese or self.chinese_at(j) or self.out[j] in "（）" or any(self.wide(k) for k in range(a + 1, b))
                )
            if chinese:
                self.set(i, _HALF_TO_FULL[ch], "hygiene.punctuation", f"半角 {ch} 改为全角 {_HALF_TO_FULL[ch]}")
                changed = True
        return changed

    def inner_title_marks(self) -> None:
        """``<…>`` (or ``＜…＞``) inside a pair of 《》 around Chinese text is a title within a title: GB/T 15834-2011
        §4.15.3 marks it with the single title marks 〈〉 ("《关于印发<政府信息公开信息处理费管理办法>的通知》")."""
        depth = 0
        opened: int | None = None
        for i, ch in enumerate(self.out):
            if not self.free(i):
                continue
            if ch == "《":
                depth += 1
            elif ch == "》":
                depth = max(0, depth - 1)
                opened = None
            elif ch in "<＜" and depth:
                opened = i
            elif ch in ">＞" and depth and opened is not None:
                if any(self.wide(k) for k in range(opened + 1, i)):
                    self.set(opened, "〈", "hygiene.punctuation", f"书名号内的 {self.text[opened]} 改为单书名号 〈")
                    self.set(i, "〉", "hygiene.punctuation", f"书名号内的 {ch} 改为单书名号 〉")
                opened = None

    def fix_spaces(self) -> None:
        i, n = 0, len(self.out)
        while i < n:
            if not (self.out[i] and _is_space(self.out[i]) and not self.protected[i]):
                i += 1
                continue
            run = []
            j = i
            while j < n and (not self.out[j] or (_is_space(self.out[j]) and not self.protected[j])):
                if self.out[j]:
                    run.append(j)
                j += 1
            self._space_run(run)
            i = j

    def _space_run(self, run: Sequence[int]) -> None:
        before = self.neighbour_at(run[0], -1, skip_space=False)
        after = self.neighbour_at(run[-1], 1, skip_space=False)
        chars = [self.out[k] for k in run]
        if before is None or after is None:
            where = "开头" if before is None else "末尾"
            for k in run:
                self.set(k, "", "hygiene.space", f"删除了{where}的{_space_name(self.out[k])}")
            return
        around = self._around(run)
        if _between_items(*around):
            # "邮政编码:210008           电子信箱:jsxfwz@126.com" (江苏省信访局 2013): the white parts two items of one
            # line; dropped, the postcode would run into the next label
            self._one_ideographic_space(run, _ITEM_SPACE)
            return
        if _between_organs(*around):
            # "《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》" (芜湖市 2017), "广州市黄埔区人民政府 广州
            # 开发区管委会" (黄埔区 2022): two issuing organs named together are parted by a space; dropped, they
            # would read as one name
            self._one_ideographic_space(run, _ORGANS_SPACE)
            return
        if self.wide(before) or self.wide(after):
            if all(c == _IDEOGRAPHIC_SPACE for c in chars) and self.wide(before) and self.wide(after):
                return  # deliberate: 概　述
            spread = self.wide(before) and self.wide(after) and self._spread_heading(run)
            if spread or (self.wide(before) and self.wide(after) and self._spaced_label(run)):
                self._one_ideographic_space(run, _HEADING_SPACE if spread else _LABEL_SPACE)
                return
            for k in run:
                self.set(k, "", "hygiene.space", f"删除了汉字旁的{_space_name(self.out[k])}")
            return
        for n, k in enumerate(run):
            if n == 0 and self.out[k] != " ":
                self.set(k, " ", "hygiene.space", f"{_space_name(self.out[k])}改为普通空格")
            elif n > 0:
                self.set(k, "", "hygiene.space", f"删除了多余的{_space_name(self.out[k])}")

    def _spaced_label(self, run: Sequence[int]) -> bool:
        """A two-character label spread to the width of three at the start of a string, "组 长：" beside "副组长：" in
        a roster (柳北区白露街道 2021): the space between is alignment, kept as one ideographic space, the way such
        labels are set.  A two-character string spread out alone ("规 章" in a table's row label) is not read so:
        the tables compare their labels with the format's."""
        first = next((k for k in range(run[0] - 1, -1, -1) if self.out[k]), None)
        if first is None or self.neighbour(first, -1, skip_space=False) is not None:
            return False  # the character before the space is not the string's first
        second = next(k for k in range(run[-1] + 1, len(self.out)) if self.out[k])
        return self.neighbour(second, 1, skip_space=True) in ("：", ":")

    def _one_ideographic_space(self, run: Sequence[int], why: str) -> None:
        """The run becomes one ideographic space: one change of one reason, unless it starts with one."""
        whole = self.out[run[0]] != _IDEOGRAPHIC_SPACE
        for n, k in enumerate(run):
            if n == 0 and whole:
                self.set(k, _IDEOGRAPHIC_SPACE, "hygiene.space", why)
            elif n > 0:
                self.set(k, "", "hygiene.space", why if whole else f"删除了多余的{_space_name(self.out[k])}")

    def _around(self, run: Sequence[int]) -> tuple[str, str]:
        """The string's text before a run of white and after it."""
        return "".join(self.out[: run[0]]), "".join(self.out[run[-1] + 1 :])

    def _spread_heading(self, run: Sequence[int]) -> bool:
        """A heading of two characters spread apart, "引 言" over the 导语 (北京市商务委 2013 and twelve more corpus
        reports): the space is the heading's letter-spacing, not debris."""
        if not self.heading:
            return False
        letters = [k for k, ch in enumerate(self.out) if ch and not _is_space(ch)]
        return len(letters) == 2 and letters[0] < run[0] and run[-1] < letters[1]

    def report_private_use(self) -> None:
        for i, ch in enumerate(self.out):
            if ch and unicodedata.category(ch) == "Co":
                self.set(
                    i,
                    None,
                    "hygiene.private-use",
                    f"私用区字符 U+{ord(ch):04X}：各字体在此处的字形不同，印出的可能不是想要的字，请换用标准字符",
                )


_LABEL_SPACE = "两字名目中间的空格改为全角空格（对齐用：“组　长：”）"
_HEADING_SPACE = "两字标题的字间空格改为一个全角空格"
_ITEM_SPACE = "同一行两项之间的空格改为一个全角空格（“邮政编码：210008　电子信箱：……”）"
_ORGANS_SPACE = "并列的两个机关名称之间的空格改为一个全角空格（“中共中央办公厅　国务院办公厅”）"
#: how an organ's name ends, and the next organ's name after a space: "中共中央办公厅 国务院办公厅"
_ORGAN_WORDS = r"(?:办公厅|办公室|人民政府|委员会|管委会|党工委|管理委员会)"
_ORGAN_END = re.compile(rf"[\u4e00-\u9fff]{{2,}}{_ORGAN_WORDS}$")
_ORGAN_NEXT = re.compile(rf"(?:中共|国务院|中央)|[\u4e00-\u9fff]{{2,16}}?{_ORGAN_WORDS}")
#: the label that opens the next item of a line: "电子信箱:", "传真号码："; a labelled value ending before the white
_ITEM_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]")
_ITEM_VALUE_END = re.compile(r"[\u4e00-\u9fff]\s*[:：][^:：]+$")


def _between_items(before: str, after: str) -> bool:
    """White between two labelled items of one line: a label and its colon before it ("邮政编码:210008"), and a label
    of Chinese characters and its colon straight after it ("电子信箱:……")."""
    return bool(_ITEM_VALUE_END.search(before) and _ITEM_LABEL.match(after))


def _between_organs(before: str, after: str) -> bool:
    """White between two organs' names: the name before ends as an organ's does (……办公厅, ……人民政府, ……管委会) and
    the words after it are another organ's name (中共……, 国务院……, or a name ending so within sixteen characters)."""
    return bool(_ORGAN_END.search(before) and _ORGAN_NEXT.match(after))


def _space_name(ch: str) -> str:
    if ch == " ":
        return "空格"
    if ch == "\t":
        return "制表符"
    if ch in _NEWLINES:
        return "换行"
    if ch == _IDEOGRAPHIC_SPACE:
        return "全角空格"
    if ch == "\u00a0":
        return "不间断空格"
    return f"空白 {_codepoint(ch)}"


@dataclass(frozen=True)
class Cleaned:
    original: str
    text: str
    changes: tuple[Change, ...]

    @property
    def fixes(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.new is not None)


def clean_text(text: str, *, heading: bool = False) -> Cleaned:
    """The cleaned text and every change, in order of position; ``heading`` when the text is a heading (its
    two characters spread apart stay apart).  Idempotent: cleaning the result again changes nothing (it may
    still report unpaired quotes and private-use characters)."""
    if text.isascii() and text.isprintable() and not _has_fixable_ascii(text):
        return Cleaned(text, text, ())
    cleaner = _Cleaner(text, heading=heading)
    cleaner.remove_junk()
    cleaner.ordinary_forms()
    cleaner.pair_quotes()
    cleaner.widen_punctuation()
    cleaner.inner_title_marks()
    cleaner.fix_spaces()
    cleaner.report_private_use()
    changes = tuple(sorted(cleaner.changes.values(), key=lambda c: c.index))
    return Cleaned(text, "".join(cleaner.out), changes)


def _has_fixable_ascii(text: str) -> bool:
    """Pure ASCII text has no Chinese context: only edge and doubled spaces can change."""
    return text != text.strip() or "  " in text


# -- the report's data ------------------------------------------------------------------------------------


def strings(data: Any, skip_top: frozenset[str] | set[str] = frozenset()) -> Iterator[tuple[Path, str]]:
    """Every string value in ``data`` (keys are names, not text) with its path; top-level keys in ``skip_top``
    (the core's own: ``format``, ``style``, ``plugins``, ``attachments`` …) are left out.  Iterative: nesting
    depth cannot exhaust the stack."""
    stack: list[tuple[Path, Any]] = (
        [((k,), v) for k, v in reversed(list(data.items())) if k not in skip_top] if isinstance(data, dict) else []
    )
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def keypath(path: Path) -> str:
    """``("overview", "items", 0, "text")`` → ``overview.items[0].text`` (the form problems use)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out = f"{out}.{part}" if out else part
    return out


def _assign(data: Any, path: Path, value: str) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _attachment_titles(data: dict[str, Any]) -> list[tuple[Path, str]]:
    """``[[attachments]]`` titles: printed text like the body's (the other core keys are file names)."""
    entries = data.get("attachments")
    if not isinstance(entries, list):
        return []
    return [
        (("attachments", i, "title"), e["title"])
        for i, e in enumerate(entries)
        if isinstance(e, dict) and isinstance(e.get("title"), str)
    ]


def clean_data(data: dict[str, Any], skip_top: frozenset[str] | set[str]) -> list[tuple[Path, Cleaned]]:
    """Clean every string of ``data`` in place; returns what changed, string by string.  A ``numbering`` names a
    scheme, not text: "(一)" is the half-width scheme a report printed, kept as chosen; so is a part's
    ``number_as_printed`` ("(三)、")."""
    found: list[tuple[Path, Cleaned]] = []
    for path, text in [*strings(data, skip_top), *_attachment_titles(data)]:
        if path and path[-1] in ("numbering", "number_as_printed"):
            continue
        cleaned = clean_text(text, heading=bool(path) and path[-1] == "heading")
        if cleaned.changes:
            found.append((path, cleaned))
            if cleaned.text != text:
                _assign(data, path, cleaned.text)
    return found


#: Changes of one rule listed one by one before the rest are summed up in one line.
LISTED_PER_RULE = 50


def hygiene_problems(
    found: Sequence[tuple[Path, Cleaned]],
    ref: Callable[[str], SourceRef],
    position: Callable[[Path, int], tuple[int, int] | None] = lambda path, index: None,
) -> list[Problem]:
    """A WARNING per change (adjacent changes of one rule in one string are one warning), naming the key path,
    line and — when ``position`` can map it back to the file — the column."""
    problems: list[Problem] = []
    listed: dict[str, int] = {}
    unlisted: dict[str, tuple[int, SourceRef]] = {}
    for path, cleaned in found:
        key = keypath(path)
        for group in _groups(cleaned.changes):
            first = group[0]
            source = ref(key)
            if listed.get(first.rule, 0) >= LISTED_PER_RULE:
                count, where = unlisted.get(first.rule, (0, source))
                unlisted[first.rule] = (count + len(group), where)
                continue
            listed[first.rule] = listed.get(first.rule, 0) + 1
            at = position(path, first.index)
            if at is not None:
                source = SourceRef(source.file, source.keypath, at[0])
            where = f"（第 {at[1]} 列）" if at else f"（字符串第 {first.index + 1} 个字符）"
            why = first.why if len(group) == 1 else f"{first.why}（连续 {len(group)} 处）"
            details: dict[str, Any] = {
                "index": first.index,
                "codepoints": [f"U+{ord(c.old):04X}" for c in group],
            }
            if at:
                details["column"] = at[1]
            details["found"] = _shown(group)
            if first.new is not None:
                details["replacement"] = "".join(c.new or "" for c in group)
            problems.append(warning(first.rule, why + where, source, details=details))
    for rule, (count, where) in unlisted.items():
        problems.append(
            warning(
                rule,
                f"另有 {count} 处{RULES.get(rule, rule)}问题未逐条列出；运行 gongkai fmt 可一次改好",
                where,
                details={"count": count},
            )
        )
    return problems


_INVISIBLE_RULES = frozenset({"hygiene.invisible", "hygiene.control", "hygiene.variation-selector", "hygiene.space"})


def _shown(group: Sequence[Change]) -> str | None:
    """What was found, printable: invisible characters by code point."""
    if group[0].rule == "hygiene.unpaired-quote":
        return None
    if group[0].rule in _INVISIBLE_RULES:
        return " ".join(f"U+{ord(c.old):04X}" for c in group)
    return "".join(c.old for c in group)


def _groups(changes: Sequence[Change]) -> Iterator[list[Change]]:
    group: list[Change] = []
    for change in changes:
        if group and (
            change.rule != group[-1].rule or change.index != group[-1].index + 1 or change.why != group[-1].why
        ):
            yield group
            group = []
        group.append(change)
    if group:
        yield group


def clean_source(source: TomlSource, skip_top: frozenset[str] | set[str]) -> list[Problem]:
    """Clean the strings of a loaded file's data in place and return the warnings, with columns."""
    found = clean_data(source.data, skip_top)
    if not found:
        return []
    return hygiene_problems(found, source.ref, positions(source.text, found))


def positions(text: str, found: Sequence[tuple[Path, Cleaned]]) -> Callable[[Path, int], tuple[int, int] | None]:
    """Map (path, index in the original string) to (line, column) in ``text``, for strings whose literal the
    scanner decoded to exactly the value ``tomllib`` read (otherwise: no position rather than a wrong one)."""
    try:
        literals = {lit.path: lit for lit in scan(text)}
    except (ValueError, IndexError, KeyError):
        literals = {}
    originals = {path: cleaned.original for path, cleaned in found}

    def position(path: Path, index: int) -> tuple[int, int] | None:
        literal = literals.get(path)
        if literal is None or literal.value != originals.get(path) or index >= len(literal.spans):
            return None
        return line_column(text, literal.spans[index][0])

    return position
