"""Breaking a document title into centred lines by meaning (GB/T 9704 §7.3.1).

The standard asks for title lines broken where the meaning breaks, symmetric, never a lone character; a
width-greedy break gives "…年度报/告".  The title is cut into unbreakable units (《…》, （…）, digit runs,
single characters) and the cut points are chosen by dynamic programming: balanced lines plus a penalty that is
lowest at the seams of an annual-report title (issuing body | year, 关于 | topic, topic | 的).
"""

from __future__ import annotations

import math
import re
import unicodedata


def is_wide(ch: str) -> bool:
    """A character that fills one grid cell (CJK, full-width marks) rather than its natural advance."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "—…‘’“”·"


#: Where a title line may end, best first: an issuing body before its year (南江县人民政府 / 2018年…), the
#: topic boundaries 关于 / 的, then a year (2018年 / …) or a phrase end.
_ORGAN_ENDINGS = ("政府", "办公室", "办公厅", "委员会", "局", "厅", "委", "院", "中心")
_TOPIC_ENDINGS = ("关于", "的")
_PHRASE_ENDINGS = ("工作", "年度", "情况")
_UNIT = re.compile(r"《[^》]*》|〈[^〉]*〉|（[^）]*）|[0-9A-Za-z.,%·]+|.", re.S)
_LOOSE_UNIT = re.compile(r"[0-9A-Za-z.,%·]+|.", re.S)
_BALANCE_WEIGHT = 0.1


_YEAR = re.compile(r"\d{4}年度?")
#: The words of an annual-report title that are never broken (longest first).
_WORDS = ("政府信息公开工作年度报告", "政府信息公开工作", "年度报告", "工作报告")
#: Where an organ name too long for one line may break: after an administrative division or an organ word.
_ORGAN_SEAM = re.compile(
    r".*?(?:特别行政区|自治区|自治州|自治县|自治旗|人民政府|办公厅|办公室|委员会|管理委员会|管委会|"
    r"省|市|州|盟|县|区|旗|镇|乡|街道|局|厅|委|院|中心|所|站|处|科|部)"
)


#: The seams of a place hierarchy: a piece ending so is a place (某某省 | 某某市 | 某某区), and the organ word
#: after the last of them belongs to it (某某区税务局, 某某县人民政府).
_DIVISIONS = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "街道",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
)
#: Organ words that are never a name on their own: they belong to the organ before them (…管理委员会办公室).
_ORGAN_WORDS = frozenset(("人民政府", "办公厅", "办公室", "委员会", "管理委员会", "管委会", "办事处"))


def organ_pieces(organ: str, max_cells: float) -> list[str]:
    """An organ name too long for a line, cut where a line may end: between the places of its hierarchy and
    between an organ and its sub-organ (某某省 | 某某市 | 某某区税务局 | 第一税务分局), never inside a word.

    The seam pattern over-cuts, and three joins undo it: a one-character piece starts the next word (某某县 |
    市 | 场监督管理局 → 市场监督管理局); the organ word after a place is that place's (某某街道 + 办事处,
    某某开发区 + 管理委员会); an organ word alone belongs to the organ before it (…管理委员会 + 办公室).  A
    join that would not fit a line is not made."""
    pieces = _ORGAN_SEAM.findall(organ)
    rest = organ[sum(len(p) for p in pieces) :]
    pieces = [p for p in pieces if p] + ([rest] if rest else [])
    joined: list[str] = []
    carry = ""
    for piece in pieces:
        piece, carry = carry + piece, ""
        if len(piece) == 1:
            carry = piece
            continue
        joined.append(piece)
    if carry:
        joined.append(carry)
    groups: list[list[str]] = []  # each line-unit and the pieces it was joined from
    for piece in joined:
        last = "".join(groups[-1]) if groups else ""
        belongs = bool(groups) and (
            piece in _ORGAN_WORDS or (last.endswith(_DIVISIONS) and not piece.endswith(_DIVISIONS))
        )
        if belongs and _cells(last + piece) <= max_cells:
            groups[-1].append(piece)
        elif belongs and len(groups[-1]) > 1 and _cells(groups[-1][-1] + piece) <= max_cells:
            # too long with the whole organ: keep the word with the piece it was joined to last (某某开发区 |
            # 管理委员会办公室 rather than 某某开发区管理委员会 | 办公室)
            groups.append([groups[-1].pop(), piece])
        else:
            groups.append([piece])
    return ["".join(g) for g in groups]


def meaning_units(text: str, max_cells: float) -> list[str] | None:
    """The title cut into words: the organ name (before the year) whole when it fits a line, else cut
    after its divisions and organ words; the year with its 年 or 年度; 政府信息公开工作年度报告 whole (or as
    政府信息公开工作 | 年度报告).  None when the title has no year, or gives it in brackets after the rest ("……
    年度报告（2023年度）"): other titles use the bracket units."""
    year = _YEAR.search(text)
    if year is None or re.search(r"[（(〔［\[]$", text[: year.start()]):
        return None  # no year, or the year in brackets after the title ("……年度报告（2023年度）", 洪山区 2023)
    units: list[str] = []
    organ = text[: year.start()]
    if organ:
        units += [organ] if _cells(organ) <= max_cells else organ_pieces(organ, max_cells)
    units.append(year.group())
    tail = text[year.end() :]
    while tail:
        word = next((w for w in _WORDS if tail.startswith(w) and _cells(w) <= max_cells), None)
        if word is None:
            word = _UNIT.match(tail).group()  # type: ignore[union-attr]
        units.append(word)
        tail = tail[len(word) :]
    if any(_cells(u) > max_cells for u in units):
        return None
    return units


def _cells(text: str) -> float:
    return sum(1.0 if is_wide(ch) else 0.5 for ch in text)


def break_title(text: str, max_cells: float) -> list[str]:
    """Break a title into centred lines by meaning (GB/T 9704 §7.3.1).

    Book-title brackets, parenthesised phrases and digit runs stay whole; no line is a single character;
    lines are as even as possible, preferring breaks after 关于 / 的 / 年 / 政府 … and before a year.
    """
    text = text.strip()
    if _cells(text) <= max_cells:
        return [text]
    candidates = [meaning_units(text, max_cells), _UNIT.findall(text), _LOOSE_UNIT.findall(text)]
    for units in candidates:  # words whole if at all possible, then brackets, then only digit runs
        lines = _layout(units, max_cells) if units else None
        if lines:
            return lines
    lines, line = [], ""  # a digit run longer than a line: cut by cells
    for ch in text:
        if _cells(line + ch) > max_cells:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _layout(units: list[str], max_cells: float) -> list[str] | None:
    sizes = [_cells(u) for u in units]
    n_min = max(2, math.ceil(sum(sizes) / max_cells))
    best: tuple[float, list[str]] | None = None
    for n in (n_min, n_min + 1):
        found = _best_layout(units, sizes, n, max_cells)
        extra = 6.0 * (n - n_min)  # an extra line must buy a clearly better reading
        if found and (best is None or found[0] + extra < best[0]):
            best = (found[0] + extra, found[1])
    return best[1] if best else None


def _break_penalty(before: str, after: str) -> float:
    """How much a break between ``before`` and ``after`` costs: low at the boundaries of meaning."""
    starts_year = re.match(r"\d{4}年", after) is not None
    if starts_year and (before.endswith(_ORGAN_ENDINGS) or not before[-1:].isdigit()):
        return 0.0  # the issuing body | its year: the seam of an annual-report title
    if before.endswith(_TOPIC_ENDINGS):
        return 1.0
    if re.search(r"\d年$", before) or starts_year or after.startswith("《"):
        return 4.0
    if before.endswith(_ORGAN_ENDINGS + _PHRASE_ENDINGS):
        return 5.0
    return 12.0


def _best_layout(units: list[str], sizes: list[float], n: int, max_cells: float) -> tuple[float, list[str]] | None:
    """The cheapest way to cut ``units`` into exactly ``n`` lines (dynamic programming over cut points)."""
    count = len(units)
    mean = sum(sizes) / n
    prefix = [0.0]
    for s in sizes:
        prefix.append(prefix[-1] + s)
    inf = float("inf")
    # cost[k][j]: best cost of units[:j] in k lines; back[k][j]: where the k-th line starts
    cost = [[inf] * (count + 1) for _ in range(n + 1)]
    back = [[0] * (count + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for k in range(1, n + 1):
        for j in range(1, count + 1):
            for i in range(j):
                if cost[k - 1][i] == inf:
                    continue
                cells = prefix[j] - prefix[i]
                line = "".join(units[i:j])
                if cells > max_cells or len(line) < 2:
                    continue
                penalty = _break_penalty(line, "".join(units[j:])) if j < count else 0.0
                c = cost[k - 1][i] + _BALANCE_WEIGHT * (cells - mean) ** 2 + penalty
                if c < cost[k][j]:
                    cost[k][j] = c
                    back[k][j] = i
    if cost[n][count] == inf:
        return None
    lines, j = [], count
    for k in range(n, 0, -1):
        i = back[k][j]
        lines.append("".join(units[i:j]))
        j = i
    return cost[n][count], lines[::-1]
