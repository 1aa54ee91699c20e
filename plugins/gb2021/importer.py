"""A published report in the 2021 (or 2019) format read back into this format's TOML data.

The reader (``compiler/importers``) gives paragraphs and table grids; this module knows what they mean:

- **parts** by their headings ``一、总体情况`` … ``六、其他需要报告的事项`` (official wording or a known variant;
  anything else close enough is taken and recorded as a note), the preamble before them, the title and the
  signature around them; numbering (（一）, 1.) is removed and becomes position, the text stays verbatim;
- **tables** 二/三/四 by their official **labels**, wherever the reader found them (a table broken over two pages
  is two grids; the rows are still found by label): a label with a typo or ``1、`` for ``1.`` is matched to the
  closest official one and recorded; a column header of tables 二/三 or table 三's note printed otherwise is
  recorded in ``labels`` by its column key (``repealed``, ``organisations``, ``note``); the numbers are the last cells
  of the row, a unit printed after one (``2笔``) kept; a blank cell stays blank, a
  printed total is kept as printed (``gongkai check`` then compares it with its rows);
- **metadata**: organ and year from the title, 成文日期 from the signature (else the page's 公开日期, noted),
  website, contact and phone from the preamble.

Every value that could not be read is a note naming its place in the source; nothing is guessed silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from compiler import hookimpl
from compiler.importers.base import Grid, ImportResult, Place, PublishedDocument, TextItem
from compiler.importers.common import row_cells
from plugins.common.importing import (
    CN_DIGITS,
    DASH,
    NUMBER_TEXT,
    PART_HEADING,
    Builder,
    metadata,
    narrative,
    norm,
    number_value,
    numbers_as_printed,
    parse_number,
    printed_form,
    signature_organ,
    signed_under_title,
    split_addressee,
    split_byline,
    split_imprint,
    split_marker,
    split_note,
    split_parts,
    split_signature,
    split_unheaded_part_one,
    strip_number,
    typed_cell,
    typed_tables,
)
from plugins.common.report import report_year
from plugins.gb2021.format import YEARS
from plugins.gb2021.overview import SUBSECTIONS
from plugins.gb2021.tables import (
    APPLICANT_COLUMNS,
    GROUP_LABELS,
    PART_TITLES,
    PART_VARIANTS,
    TABLE3_2019,
    TABLE3_2021,
    TABLE3_APPLICANTS,
    TABLE3_NOTE,
    TABLE3_ORGANISATIONS,
    TABLE3_OUTCOMES,
    TABLE4_BLOCKS,
    TABLE4_RESULTS,
    VARIANTS,
    Block2,
    Row3,
)
from plugins.gb2021.values import is_none_mark, is_several_numbers


# ----------------------------------------------------------------------------------------------------- rows
@dataclass
class Row:
    """One row of a grid: its label cells (outermost first) and its distinct cells, with its place."""

    labels: list[str]
    cells: list[str | None]
    place: Place
    grid: int
    index: int
    raw: list[str | None] = field(default_factory=list)  # every grid column, merged cells repeated

    def after_label(self, n: int) -> list[str | None]:
        """The ``n`` cells after the row's last label (blank when the row has fewer): the row's numbers, however
        many empty columns a sheet has to the right."""
        last = max((i for i, t in enumerate(self.cells) if t and not _numeric_or_blank(t)), default=-1)
        values = self.cells[last + 1 :]
        while len(values) > n and values[0] is None:  # an empty label cell (a merged label's other half)
            values = values[1:]
        values = values[:n]
        return values + [None] * (n - len(values))

    def count_after_label(self) -> int:
        last = max((i for i, t in enumerate(self.cells) if t and not _numeric_or_blank(t)), default=-1)
        return len(self.cells) - last - 1

    def extra(self, n: int) -> list[str]:
        """Non-blank cells beyond the ``n`` numbers (a sign that the row is not what its label says)."""
        last = max((i for i, t in enumerate(self.cells) if t and not _numeric_or_blank(t)), default=-1)
        values = self.cells[last + 1 :]
        while len(values) > n and values[0] is None:
            values = values[1:]
        return [t for t in values[n:] if t]


def grid_rows(grids: list[Grid]) -> list[Row]:
    rows: list[Row] = []
    for g, grid in enumerate(grids):
        for r in range(len(grid.rows)):
            cells = [t for _, t in row_cells(grid, r)]
            labels: list[str] = []
            for t in cells:
                if not _numeric_or_blank(t) and (not labels or labels[-1] != t):
                    labels.append(t)
            place = Place(grid.place.file, f"{grid.place.where}第{r + 1}行")
            rows.append(Row(labels, cells, place, g, r, list(grid.rows[r])))
    return rows


def _printed_differs(printed: str, official: str) -> bool:
    """A label printed otherwise than the format has it (spaces from line wrapping do not count)."""
    return re.sub(r"\s+", "", printed) != official


def _numeric_or_blank(text: str | None) -> bool:
    return not text or not text.strip() or bool(NUMBER_TEXT.match(re.sub(r"\s+", "", text))) or bool(DASH.match(text))


def _best(label: str, candidates: dict[str, str], cutoff: float) -> tuple[str | None, float]:
    """The key whose label is closest to ``label`` (compared without numbering)."""
    target = strip_number(norm(label))
    best, score = None, 0.0
    for key, official in candidates.items():
        s = difflib.SequenceMatcher(None, target, strip_number(norm(official))).ratio()
        if s > score:
            best, score = key, s
    return (best, score) if score >= cutoff else (None, score)


# ------------------------------------------------------------------------------------------------- result
def _schema_keeps_blanks() -> bool:
    """Whether the installed table schema records blanks as ``""``, printed labels and the table-三 layout."""
    from plugins.gb2021 import applications

    fields = applications.schema_fields(TABLE3_2021)
    return any(f.name == "labels" for f in fields) and any(f.name == "layout" for f in fields)


# ---------------------------------------------------------------------------------------------- table 二
def _table2(rows: list[Row], blocks: tuple[Block2, ...], b: Builder) -> set[int]:
    """The grids table 二 was read from (none: no table 二)."""
    wanted = {row.key: row for block in blocks for row in block.rows}
    labels = {key: row.label for key, row in wanted.items()}
    found: set[str] = set()
    grids: set[int] = set()
    last: str | None = None  # the format's row read last: a row of the report's own after it is one it adds
    extras: dict[str, list[list[Any]]] = {}
    captions = {_bare(block.caption): block for block in blocks}
    for row in rows:
        if len(row.labels) != 1 or len(row.labels[0]) > 16:
            continue
        if (block := captions.get(_bare(row.labels[0]))) is not None:  # 第二十条第(一)项, a block's caption
            if _printed_differs(row.labels[0], block.caption):
                _caption_variant(b, "active", block.key, row.labels[0], block.caption, row.place)
            continue
        key, _ = _best(row.labels[0], labels, 0.8)
        if key is None and last is not None:  # "其他主动公开文件 | 56 | 45 | 0" after 规范性文件 (湖北's template)
            width = len(wanted[last].cells)
            added = row.after_label(width) if row.count_after_label() == width else []
            if added and all(_numeric_or_blank(t) for t in added) and any(t and t.strip() for t in added):
                extras.setdefault(last, []).append([row.labels[0].strip(), *(typed_cell(t) for t in added)])
            continue
        if key is None or key in found:
            continue
        spec = wanted[key]
        if row.count_after_label() < len(spec.cells):
            continue
        values = row.after_label(len(spec.cells))
        found.add(key)
        grids.add(row.grid)
        last = key
        if _printed_differs(row.labels[0], spec.label):
            _label_variant(b, "active", key, row.labels[0], spec.label, row.place)
        for cell, text in zip(spec.cells, values, strict=True):
            path = f"active.{key}" + (f".{cell.name}" if cell.name else "")
            _cell(b, path, text, row.place, f"表二“{spec.label}”的“{cell.label}”")
    if extras:
        b.put("active.extra_rows", extras)
        b.note("active.extra_rows", "表二多印了格式没有的行：" + "、".join(r[0] for rs in extras.values() for r in rs))
    missing = [k for k in wanted if k not in found]
    if found and missing:  # a department's table without 规章: written as printed, and said
        b.put("active.not_printed", missing)
        b.note(
            "active.not_printed",
            "表二没有印出这些行：" + "、".join(labels[k] for k in missing) + "；照原样记为 not_printed，请核对原表",
        )
    if found:
        _table2_headers(rows, blocks, b)
    return grids


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def _table2_headers(rows: list[Row], blocks: tuple[Block2, ...], b: Builder) -> None:
    """Header rows (信息内容 | 本年制发件数 …) printed otherwise than the format: a column header recorded once in
    ``active.labels`` by its column key — or by the block's own key (``item_5.change``) when the other blocks with
    that column print it as the format does; 本年收费金额（单位：元） is ``money_unit = "元"``."""
    printed_in: dict[str, dict[str, tuple[str, str, Place]]] = {}  # column key → block key → (printed, official, place)
    for row in rows:
        if len(row.labels) < 2 or _similar(row.labels[0], "信息内容") < 0.6:
            continue
        fits = [blk for blk in blocks if len(blk.header) == len(row.labels)]
        scored = [(min(_similar(t, h) for t, (h, _) in zip(row.labels, blk.header, strict=True)), blk) for blk in fits]
        score, block = max(scored, key=lambda x: x[0], default=(0.0, None))
        if block is None or score < 0.5:
            continue
        for key, (official, _), printed in zip(block.header_keys, block.header, row.labels, strict=True):
            printed_in.setdefault(key, {}).setdefault(block.key, (re.sub(r"\s+", "", printed), official, row.place))
    for key, seen in printed_in.items():
        differing = {blk: got for blk, got in seen.items() if _printed_differs(got[0], got[1])}
        if not differing:
            continue
        first_printed, official, place = next(iter(differing.values()))
        if "万元" in official and first_printed == official.replace("万元", "元"):
            if b.cell_kind:
                b.put("active.money_unit", "元")
            b.note("active.money_unit", f"表二的列标题印作“{first_printed}”：金额单位为元", place, "info")
            continue
        if len(differing) < len(seen):  # printed otherwise in some blocks only: each of them by its own key
            for blk, (printed, official, place) in differing.items():
                _column_variant(b, "active", f"{blk}.{key}", printed, official, place)
        else:
            _column_variant(b, "active", key, first_printed, official, place)


def _recorded(b: Builder, section: str, key: str, printed: str, what: str, official: str, place: Place) -> None:
    """A label printed otherwise than the format, kept in ``<section>.labels`` (``key`` may be a block's own,
    ``item_5.change``) and said."""
    if b.cell_kind:
        b.put(f"{section}.labels", printed, key=key)
    b.note(f"{section}.labels.{key}", f"{what}印作“{printed}”，格式为“{official}”，照原表记下", place)


def _column_variant(b: Builder, section: str, key: str, printed: str, official: str, place: Place) -> None:
    _recorded(b, section, key, printed, "列标题或表注", official, place)


def _bare(label: str) -> str:
    """A caption compared without its brackets and spaces: 第二十条第(一)项 and 第二十条第一项 name the same block."""
    return re.sub(r"[\s（）()]", "", label)


def _caption_variant(b: Builder, section: str, key: str, printed: str, official: str, place: Place) -> None:
    _recorded(b, section, key, re.sub(r"\s+", "", printed), "栏目标题", official, place)


def _cell(b: Builder, path: str, text: str | None, place: Place, what: str) -> None:
    if b.cell_kind and is_several_numbers(text):  # "0 0 0" in one cell (麦积区东岔镇 2021): kept as printed
        b.put(path, re.sub(r"\s+", " ", (text or "").strip()))
        b.note(path, f"{what}一格里印了几个数“{(text or '').strip()}”，照原样记录", place, "warning")
        return
    value, problem = number_value(text)
    if problem:
        b.note(path, f"{what}：{problem}", place, "warning" if value is not None else "error")
    if value is None:
        if text and text.strip() and not DASH.match(text.strip()):
            return  # not a number: the error above names it; nothing is written in its place
        mark = re.sub(r"\s+", "", text or "")
        if b.cell_kind:  # a "/" or "—" printed instead of a number is kept as printed; a blank stays blank
            b.put(path, mark if is_none_mark(mark) else "")
        b.note(path, f"{what}原表空白，保持空白（不当作 0）", place, "info")
        return
    if isinstance(value, str) and not b.cell_kind:  # a printed unit: the number alone when "" and units are unknown
        value = parse_number(value)
    if b.cell_kind and text is not None:
        value = printed_form(text, value)
    b.put(path, value)


def _label_variant(b: Builder, section: str, key: str, printed: str, official: str, place: Place) -> None:
    if b.cell_kind:
        b.put(f"{section}.labels.{key}", printed)
    b.note(
        f"{section}.{key}" if section == "active" else f"{section}.labels.{key}",
        f"行标题印作“{printed}”，按格式的“{official}”读取",
        place,
    )


# ---------------------------------------------------------------------------------------------- table 三
def _table3_rows(rows: list[Row]) -> list[tuple[Row, Row3 | None, str]]:
    """Rows of table 三 with the official row they are (by label), in order; ``"2019-other"`` marks the single
    （六）其他处理 row of the 2019 layout."""
    all_rows: dict[str, Row3] = {r.key: r for r in (*TABLE3_2021.rows, *TABLE3_2019.rows)}
    labels = {k: r.label for k, r in all_rows.items() if k != "other_handling"}
    out: list[tuple[Row, Row3 | None, str]] = []
    for row in rows:
        if not row.labels or row.count_after_label() < 7 or row.extra(7):
            continue
        inner = row.labels[-1]
        if norm(inner).startswith("（六）其他处理"):
            out.append((row, all_rows["other_handling"], "2019"))
            continue
        key, _ = _best(inner, labels, 0.72)
        if key is None:
            continue
        # "3.其他" only under （六）其他处理; "（七）总计" only in table 三
        out.append((row, all_rows[key], ""))
    return out


def _merged_below(row: Row, grids: list[Grid]) -> int:
    """How many rows the numbers of ``row`` span (1 when not merged): its data cells — the last seven columns —
    merged downwards (市场监督管理局 2023: one 0 over （六）其他处理 1.–3.), each holding one number or nothing (a
    tall cell with a number per row is a missing rule, not a merge)."""
    if row.grid >= len(grids):
        return 1
    grid = grids[row.grid]
    width = max((len(r) for r in grid.rows), default=0)
    spans = [rs for sr, sc, rs, cs in grid.spans if sr == row.index and sc >= width - 7 and rs > 1]
    if len(spans) < 7 or any(len((t or "").split()) > 1 for t in grid.rows[row.index][width - 7 :]):
        return 1
    return min(spans)


def _cell_starts(grid: Grid, text: str) -> list[tuple[int, int]]:
    """``(row, rows tall)`` of each cell reading ``text``, top to bottom (the positions a merged cell covers below
    or to the right of its first are not cells of their own)."""
    tall = {(sr, sc): rs for sr, sc, rs, cs in grid.spans}
    covered = {
        (r, c)
        for sr, sc, rs, cs in grid.spans
        for r in range(sr, sr + rs)
        for c in range(sc, sc + cs)
        if (r, c) != (sr, sc)
    }
    starts = {
        r: tall.get((r, c), 1)
        for r, row in enumerate(grid.rows)
        for c, t in enumerate(row)
        if norm(t or "") == text and (r, c) not in covered
    }
    return sorted(starts.items())


def _outcome_label_breaks(matched: list[tuple[Row, Row3 | None, str]], grids: list[Grid], b: Builder) -> None:
    """三、本年度办理结果 printed as more than one cell (平潭综合实验区 2019, 2020: again from （四））: the rows where
    the later cells start, as ``outcome_label_breaks``.  Only when it is unambiguous: at least one of the cells is
    merged over several rows and only the first or the last may be one row tall (a label typed in every row is
    not a layout).  A table broken by a page end prints the cell again at the top of the next page (gongkai) or
    leaves it blank (Word): a cell beginning at a continued grid's first row is the same cell going on."""
    if not b.cell_kind:
        return
    by_place = {(row.grid, row.index): spec.key for row, spec, _ in matched if spec is not None}
    cells: list[tuple[int, int, int]] = []  # (grid, row, rows tall)
    for g in sorted({row.grid for row, _, _ in matched if row.grid < len(grids)}):
        first = min((i for (gg, i) in by_place if gg == g), default=0)
        found = [(r, h) for r, h in _cell_starts(grids[g], TABLE3_OUTCOMES) if r >= first]
        cells += [(g, r, h) for r, h in found if not (cells and r == first)]
    if len(cells) < 2 or all(h == 1 for _, _, h in cells) or any(h == 1 for _, _, h in cells[1:-1]):
        return
    breaks = [by_place[(g, r)] for g, r, _ in cells[1:] if (g, r) in by_place]
    if breaks:
        b.put("applications.outcome_label_breaks", breaks)


def _table3(rows: list[Row], b: Builder, grids: list[Grid] | None = None) -> str | None:
    matched = _table3_rows(rows)
    if len(matched) < 10:
        return None
    layout = "2019" if any(tag == "2019" for _, _, tag in matched) else "2021"
    spec = TABLE3_2019 if layout == "2019" else TABLE3_2021
    if layout == "2019" and b.fmt == "2021":
        where = next(r.place for r, _, tag in matched if tag == "2019")
        if b.cell_kind:
            b.put("applications.layout", "2019")
        b.note(
            "applications.layout",
            "表三“（六）其他处理”印作一行（2019 年试行格式），而非 2021 年格式的三行"
            + ("" if b.cell_kind else "；这一行照原表写作 other_handling，本版本的 2021 年格式不认这个键，检查会报错"),
            where,
            "warning" if b.cell_kind else "error",
        )
    seen: set[str] = set()
    columns = [c.key for c in APPLICANT_COLUMNS] + ["total"]
    order = [r.key for r in spec.rows]
    covered: set[str] = set()  # rows whose numbers a merged cell above prints
    captions_seen: set[str] = set()
    for row, spec_row, _ in matched:
        assert spec_row is not None
        if spec_row.key in seen:
            b.note(f"applications.{spec_row.key}", f"表三的“{spec_row.label}”出现两次，取第一次", row.place)
            continue
        seen.add(spec_row.key)
        printed = row.labels[-1]
        if _printed_differs(printed, spec_row.label) and spec_row.key != "other_handling":
            _label_variant(b, "applications", spec_row.key, printed, spec_row.label, row.place)
        _table3_captions(row, spec_row, captions_seen, b)
        if spec_row.key in covered:
            for col in columns:  # blank, as the merged cell above leaves it
                _cell(b, f"applications.{col}.{spec_row.key}", None, row.place, f"表三“{spec_row.label}”")
            continue
        for col, text in zip(columns, row.after_label(7), strict=True):
            _cell(b, f"applications.{col}.{spec_row.key}", text, row.place, f"表三“{spec_row.label}”")
        span = _merged_below(row, grids or [])
        if span > 1 and spec_row.key in order and b.cell_kind:
            at = order.index(spec_row.key)
            merged = order[at : at + span]
            covered.update(merged[1:])
            b.put("applications.merged_rows", merged)
            b.note(
                "applications.merged_rows",
                f"表三自“{spec_row.label}”起 {span} 行的数字合并成一格印出，照原样记录",
                row.place,
            )
    _outcome_label_breaks(matched, grids or [], b)
    missing = [r.label for r in spec.rows if r.key not in seen]
    if missing:
        b.note("applications", "表三中找不到这些行：" + "、".join(missing), level="error")
    header = next((r for r in rows if any("自然人" in t for t in r.labels)), None)
    if header is None:
        b.note("applications", "没有找到表三的表头（自然人……总计），按格式的列序读取", level="warning")
    first = matched[0][0]
    _table3_headers([r for r in rows if r.grid == first.grid and r.index < first.index], b)
    return layout


def _table3_captions(row: Row, spec: Row3, seen: set[str], b: Builder) -> None:
    """The tall captions beside a row of table 三 — 三、本年度办理结果 and its group (（三）不予公开 …) — printed
    otherwise than the format ("(三)不予公开"): each recorded once in ``applications.labels``."""
    wanted = {strip_number(norm(TABLE3_OUTCOMES)): ("outcomes", TABLE3_OUTCOMES)}
    if spec.group:  # compared without its number: "不予公开" is the group （三）不予公开 printed unnumbered
        wanted[strip_number(norm(GROUP_LABELS[spec.group]))] = (spec.group, GROUP_LABELS[spec.group])
    for text in row.labels[:-1]:
        key, official = wanted.get(strip_number(norm(text)), (None, ""))
        if key is not None and key not in seen:
            seen.add(key)
            if _printed_differs(text, official):
                _caption_variant(b, "applications", key, text, official, row.place)


#: Table 三's header cells by their ``labels`` key (the short 其他 and 总计 are matched only as printed).
_TABLE3_HEADERS = {
    **{c.key: c.label for c in APPLICANT_COLUMNS if len(c.label) >= 3},
    "applicants": TABLE3_APPLICANTS,
    "organisations": TABLE3_ORGANISATIONS,
}


def _table3_headers(rows: list[Row], b: Builder) -> None:
    """The header rows above table 三's first row: a column header or the 勾稽关系 note printed otherwise is recorded
    once in ``applications.labels``."""
    seen: set[str] = set()
    for row in rows:
        for text in row.labels:
            printed = re.sub(r"\s+", "", text)
            if "本列数据" in printed or "稽关系" in printed:
                key, official = "note", TABLE3_NOTE
            else:
                found, _ = _best(printed, _TABLE3_HEADERS, 0.6)
                if found is None:
                    continue
                key, official = found, _TABLE3_HEADERS[found]
            if key not in seen and _printed_differs(printed, official):
                _column_variant(b, "applications", key, printed, official, row.place)
            seen.add(key)


# ---------------------------------------------------------------------------------------------- table 四
_RESULT_LABELS = {norm(r.label): r.key for r in TABLE4_RESULTS}


def _table4(rows: list[Row], b: Builder) -> set[int]:
    """The numbers row under the header whose bottom row names the five results three times; returns the grids of
    the header and the numbers (none: no table 四)."""
    columns: list[int] = []
    header = -1
    for row in rows:
        found = [j for j, t in enumerate(row.raw) if norm(t) in _RESULT_LABELS]
        if len(found) >= 15:
            columns = found[-15:]
            header = row.grid
            continue
        if not columns:
            continue
        values = [row.raw[j] if j < len(row.raw) else None for j in columns]
        if all(_numeric_or_blank(t) for t in values) and not row.labels:
            for i, block in enumerate(TABLE4_BLOCKS):
                for j, result in enumerate(TABLE4_RESULTS):
                    _cell(
                        b,
                        f"appeals.{block.key}.{result.key}",
                        values[i * 5 + j],
                        row.place,
                        f"表四“{block.label}”的“{result.label}”",
                    )
            return {header, row.grid}
        if row.labels and not any(norm(t) in _RESULT_LABELS or "复议" in t or "诉讼" in t for t in row.labels):
            columns = []
    return set()


# -------------------------------------------------------------------------------------------------- parts
#: the parts whose tables are the format's own (表二, 表三, 表四), read by their row labels
FORMAT_TABLE_PARTS = ("active", "applications", "appeals")
TABLE_NAMES = {"active": "表二", "applications": "表三", "appeals": "表四"}
#: a part printed under the title of what the format puts in part 六: the 信息处理费
_FEE_PART = re.compile(r"信息处理费|收费")


#: what stands where a part's number was lost: its 顿号 ("、主动公开政府信息情况", 耀州区审计局 2020) or a list's bullet
#: the store put there ("- 总体情况", 扎赉特旗好力保镇 2025)
_LOST_NUMBER = re.compile(r"^(?:、|[-•·]\s*)")


def _part_heading(item: TextItem, expected: int) -> tuple[str, str] | None:
    """``(key, printed title)`` when ``item`` is the heading of part ``expected`` or a later one."""
    m = PART_HEADING.match(norm(item.text))
    keys = list(PART_TITLES)
    if m is None and 1 <= expected <= len(keys) and len(item.text) <= 30:
        # the part's title printed alone with no number ("总体情况", 呼兰区孟家乡 2020), or with its number lost
        # and only its 顿号 or a bullet left (:data:`_LOST_NUMBER`): that part, named exactly
        key = keys[expected - 1]
        bare = _LOST_NUMBER.sub("", norm(item.text).rstrip("。：:"))
        return (key, bare) if bare in (PART_TITLES[key], *PART_VARIANTS.get(key, ())) else None
    if not m or len(item.text) > 45:
        return None
    number = CN_DIGITS.index(m.group(1)) + 1 if m.group(1) in CN_DIGITS else 0
    if not 1 <= number <= len(keys):
        return None
    title = m.group(2).rstrip("。：:")

    def score(key: str) -> float:
        choices = [PART_TITLES[key], *PART_VARIANTS.get(key, ())]
        if any(title.endswith(c) and (len(c) >= 4 or title.endswith("工作" + c)) for c in choices):
            # a name with words of its own before the format's ("本年度政府信息公开工作的基本情况", 绥宁县 2019; the
            # short 概述 after the work it sums up: "信息公开工作概述", 牟定县安乐乡 2019)
            return 0.9
        return max(difflib.SequenceMatcher(None, title, c).ratio() for c in choices)

    if number < expected:  # after a part printed ahead of its place, the one it displaced, named plainly
        earlier = max(keys[: expected - 1], key=score)
        return (earlier, title) if number == expected - 1 and score(earlier) >= 0.7 else None
    key = keys[number - 1]
    if score(key) >= 0.5:
        return key, title
    # a part printed out of the format's order (苏平片区 2023: "五、信息处理费收取情况", "六、存在的主要问题和改进
    # 情况"): the part its title names, if one does clearly
    if _FEE_PART.search(title):
        return "other", title
    best = max(keys, key=score)
    if score(best) >= 0.6:
        return best, title
    # the next part in order, named as no part of the format ("三、推进政务公开重点工作情况" after 一 and 二, 鞍山市行政
    # 审批局 2019): a part of the report's own, kept in the slot for other matters with its printed heading — not run
    # into the text of the part before it
    if number == expected and 1 < expected < len(keys):  # (a fee part's title returned "other" above)
        return "other", title
    # part 一 under a title of its own that names no part ("一、报告内容", 东胜区审计局 2019; the legacy reader reads
    # such a title so too): the first part is 总体情况, its heading kept as printed
    if number == expected == 1 and not re.search(r"[，,。；;：:]", title):
        return "overview", title
    return None


#: The word that identifies each customary sub-item of 一、总体情况 in the many wordings published.
_SUB_WORDS = {
    "active": "主动公开",
    "applications": "依申请",
    "management": "信息管理",
    "platforms": "平台",
    "supervision": "监督",
}


def _overview(paragraphs: list[str]) -> tuple[dict[str, Any], list[str]]:
    """一、总体情况: the five customary sub-items as their own tables when each is recognised and they stand in the
    format's order."""
    subs: list[tuple[str, str, list[str]]] = []  # (number as printed, heading, paragraphs)
    run_on: set[str] = set()  # the paragraphs that began in the same line as their sub-item's heading
    before: list[str] = []
    kind = "（一）"
    for p in paragraphs:
        found = split_marker(p, "（一）")
        if found:
            kind = found[0] if not subs else kind  # the list is of the kind its first number is ("(一)")
            printed = p[: len(p) - len(found[1]) - len(found[2])].strip()
            subs.append((printed, found[1] or "", [found[2]] if found[2] else []))
            if found[1] and found[2]:
                run_on.add(found[2])
        elif subs:
            subs[-1][2].append(p)
        else:
            before.append(p)
    keys: list[str | None] = []
    for _, heading, _ in subs:
        key = next((k for k, word in _SUB_WORDS.items() if word in heading), None)
        keys.append(key)
    order = list(_SUB_WORDS)
    if not subs or None in keys or len(set(keys)) != len(keys):
        return narrative(paragraphs), []
    if [order.index(str(k)) for k in keys] != sorted(order.index(str(k)) for k in keys):
        # printed in another order (平潭投资促进局 2024: 平台建设 first): the 小节 print in the format's order, so
        # they stay items, in the order printed
        return narrative(paragraphs), []
    out: dict[str, Any] = {}
    if before:
        out["text"] = before if len(before) > 1 else before[0]
    if kind != "（一）":
        out["numbering"] = kind
    as_printed = numbers_as_printed(kind, [printed for printed, _, _ in subs])
    for key, (_, heading, body), printed in zip(keys, subs, as_printed, strict=True):
        sub: dict[str, Any] = {}
        if heading and heading != SUBSECTIONS[str(key)]:
            sub["heading"] = heading
        if printed is not None:  # "（三）" twice, "（四）" after "（二）": kept, not renumbered
            sub["number_as_printed"] = printed
        sub.update(narrative(body, 1) if body else {})
        if not body:
            sub["text"] = ""
        elif heading and body[0] in run_on:  # "(一)主动公开情况。2024年,……": the heading ran into its text
            sub["heading_runin"] = True
        out[str(key)] = sub
    return out, []


# ----------------------------------------------------------------------------------------------- metadata
# ------------------------------------------------------------------------------------------------- import
def _fee(paragraphs: list[str], b: Builder, place: Place | None) -> list[str]:
    """[other.fee] from gongkai's own sentence (dropped from the text: it is generated again), else the amount
    the text states (noted); nothing when the text says nothing — ``check`` then asks for it."""
    from plugins.gb2021.other import fee_sentence

    rest = list(paragraphs)
    for i, p in enumerate(rest):
        m = re.fullmatch(
            r"本年度(?:共发出收费通知(\d+)件，)?(?:实际未|收取信息处理费([\d.]+)元|未)(?:收取信息处理费)?。", p
        )
        if m:
            fee: dict[str, Any] = {
                "amount": parse_number(m.group(2) or "0"),
                "notices": parse_number(m.group(1) or "0"),
            }
            if fee_sentence(fee) == p:
                fee["sentence"] = True
                b.put("other.fee", fee)
                del rest[i]
                return rest
    text = "".join(rest)
    stated = re.search(r"信息处理费[^。；，\d]{0,8}?(\d+(?:\.\d+)?)\s*(万元|元)", text)
    if stated:
        amount = parse_number(stated.group(1))
        if stated.group(2) == "万元":
            amount = round(amount * 10000, 2)
        b.put("other.fee.amount", amount)
        b.note("other.fee", f"信息处理费金额取自正文“{stated.group(0)}”，请核对", place, "info")
    elif re.search(r"[未无没][^。；]{0,6}收取[^。；]{0,8}信息处理费|信息处理费[^。；]{0,6}[为是]?0", text):
        b.put("other.fee.amount", 0)
        b.note("other.fee", "正文说未收取信息处理费，金额记为 0", place, "info")
    return rest


def import_document(document: PublishedDocument, fmt: str) -> ImportResult:
    b = Builder(fmt, cell_kind=_schema_keeps_blanks())
    b.data["format"] = fmt
    b.data["report"] = {}  # always written: what could not be found is then named by check, key by key
    items = document.items
    parts, title, front = split_parts(document, _part_heading, list(PART_TITLES))
    found_keys = [k for k, _, _ in parts]
    b.score += 0.08 * len(set(found_keys))
    byline, front = split_byline(front)
    preamble = [i.text for i in split_addressee(front, b)]
    unheaded: list[str] = []
    if "overview" not in found_keys:
        # the 导语 followed straight by "（一）主动公开情况。……" with no "一、总体情况" over it (榆树市环城乡 2023):
        # part 一 printed without its heading
        preamble, unheaded = split_unheaded_part_one(preamble, b, "总体情况")
        if unheaded:
            found_keys.insert(0, "overview")
    if preamble:
        b.put("preamble.text", preamble if len(preamble) > 1 else preamble[0])
    else:
        b.note("preamble", "没有找到导语（标题与“一、”之间的段落）", level="warning")
    # tables
    rows = grid_rows(document.grids)
    table2 = _table2(rows, VARIANTS[fmt].table2, b)
    layout = _table3(rows, b, document.grids)
    table3 = {row.grid for row, _, _ in _table3_rows(rows)} if layout else set()
    table4 = _table4(rows, b)
    b.score += 0.15 * bool(table2) + 0.25 * (layout is not None) + 0.1 * bool(table4)
    if layout is None and (flat := _flattened(document)):
        text, place = flat
        b.score += 0.25
        refused = (
            f"表三的单元格在文字中连成一片（{place.where}：“{text}”），看不出每格数字从哪里分开，"
            "拒绝导入而不猜测；请改用保留表格的原文件（网页、DOCX 或 PDF）"
        )
        return ImportResult(fmt, {"format": fmt}, min(1.0, b.score), b.notes, refused=refused)
    gridless = {  # the parts printed with no table in them at all
        key: not any(isinstance(i, Grid) for i in items[start + 1 : parts[n + 1][2] if n + 1 < len(parts) else None])
        for n, (key, _, start) in enumerate(parts)
    }
    format_grids = {"active": table2, "applications": table3, "appeals": table4}
    _table_placement(items, parts, format_grids, b)
    for present, name, key in (
        (table2, "表二", "active"),
        (layout, "表三", "applications"),
        (table4, "表四", "appeals"),
    ):
        if present or document.kind == "text":
            continue
        if gridless.get(key) and b.cell_kind:  # 武昌经开区滨江街 2020: the part in prose only, as published
            b.put(f"{key}.no_table", True)
            b.note(f"{key}.no_table", f"这一部分没有印出{name}，只有文字；照原样记为 no_table = true，请核对原文件")
        else:
            b.note(key, f"没有找到{name}（按行标题查找）；请核对原文件中的表格", level="error")
    # part texts
    tail: list[TextItem] = []
    for n, (key, printed, start) in enumerate(parts):
        end = parts[n + 1][2] if n + 1 < len(parts) else len(items)
        if getattr(items[start], "run_in", False):  # printed "二、……情况　正文……": kept so
            b.put(f"{key}.heading_runin", True)
        if lost := _LOST_NUMBER.match(items[start].text.strip()):  # the number lost, its 、 or a bullet printed
            b.put(f"{key}.number_as_printed", lost.group(0))
            b.note(
                f"{key}.number_as_printed",
                f"原文此部分标题的序号缺失，只印了“{lost.group(0)}”，照原样保留；请核对原文件",
            )
        elif not PART_HEADING.match(norm(items[start].text)):  # printed with no number at all: kept so
            b.put(f"{key}.number_as_printed", "")
            b.note(f"{key}.number_as_printed", "原文此部分的标题没有序号，照原样不印序号")
        body = _own_body(items[start + 1 : end], key, format_grids, document.grids)
        if n + 1 == len(parts):  # the 版记, then the signature: trailing short lines with the organ or a date
            split_imprint(body, b)
            split_note(body, b)
            tail = split_signature(body)
        before = [i.text for i in _until_grid(body)]
        after = [i.text for i in _after_grid(body)]
        if printed not in (PART_TITLES[key],):
            b.put(f"{key}.heading", printed)
        own = [] if key in FORMAT_TABLE_PARTS else typed_tables([i for i in body if isinstance(i, Grid)])
        if own:  # a table of the part's own (a 信息处理费 table in part 六): as printed
            b.put(f"{key}.tables", own)
            b.note(f"{key}.tables", "本部分自带的表格照原样导入为 [[…tables]]，请核对表头与各行")
        if key == "overview":
            data, _ = _overview(before + after)
            b.data.setdefault("overview", {}).update(data)
        else:
            if key == "other" and not own:
                before = _fee(before + after, b, items[start].place)
                after = []
            elif key == "other":  # the text around the table: before it, and after it
                before = _fee(before, b, items[start].place)
            if any(isinstance(i, Grid) for i in body):
                b.data.setdefault(key, {}).update(narrative(before))
                if after:
                    b.put(f"{key}.after", after if len(after) > 1 else after[0])
            else:
                b.data.setdefault(key, {}).update(narrative(before + after))
    if unheaded:
        data, _ = _overview(unheaded)
        b.data.setdefault("overview", {}).update(data)
    in_order = [k for k in PART_TITLES if k in found_keys]
    if found_keys != in_order and len(set(found_keys)) == len(found_keys):  # printed out of the format's order
        b.data["sections"] = [
            "report",
            "preamble",
            *found_keys,
            "signature",
            *(["imprint"] if "imprint" in b.data else []),
        ]
        b.note("sections", "原文各部分的次序与格式不同，照原样按 sections 排列")
    missing = [PART_TITLES[k] for k in PART_TITLES if k not in found_keys]
    if missing:
        b.note("", "没有找到这些部分的标题：" + "、".join(missing), level="error")
    tail = signed_under_title(byline, tail, b)
    metadata(document, title, preamble, tail, b)
    signature_organ(tail, b)
    b.data = _ordered(b.data)
    return ImportResult(fmt, b.data, min(1.0, b.score), b.notes)


_FLAT = re.compile(r"(本年新收政府信息公开申请数量|上年结转政府信息公开申请数量)\s*(\d[\d ]*\d)")


def _flattened(document: PublishedDocument) -> tuple[str, Place] | None:
    """Table 三 printed as running text with its cells run together (``…申请数量8010000081``): no table to read."""
    for item in document.paragraphs:
        m = _FLAT.search(item.text)
        if m and len(m.group(2).replace(" ", "")) >= 6:
            return m.group(0), item.place
    return None


def _table_placement(
    items: list[TextItem | Grid], parts: list[tuple[str, str, int]], grids: dict[str, set[int]], b: Builder
) -> None:
    """A format table printed before its part's heading (at the end of the part before, 西宁城中区 2023's table 二)
    is recorded so: ``table_before_heading = true``."""
    at = [n for n, item in enumerate(items) if isinstance(item, Grid)]  # grid number → place among the items
    starts = {key: start for key, _, start in parts}
    for key, found in grids.items():
        if found and key in starts and at[min(found)] < starts[key] and b.cell_kind:
            b.put(f"{key}.table_before_heading", True)
            b.note(
                f"{key}.table_before_heading",
                f"{TABLE_NAMES[key]}印在本部分标题之前，照原样记为 table_before_heading = true，请核对原文件",
            )


def _own_body(
    body: list[TextItem | Grid], key: str, grids: dict[str, set[int]], all_grids: list[Grid]
) -> list[TextItem | Grid]:
    """A part's items up to a table of another part printed at its end (that part's table before its heading):
    that table is the other part's, not one of this part's own."""
    foreign = {id(all_grids[g]) for other, found in grids.items() if other != key for g in found}
    cut = next((n for n, item in enumerate(body) if id(item) in foreign), len(body))
    return body[:cut]


def _until_grid(body: list[TextItem | Grid]) -> Iterable[TextItem]:
    for i in body:
        if isinstance(i, Grid):
            return
        yield i


def _after_grid(body: list[TextItem | Grid]) -> list[TextItem]:
    last = max((n for n, i in enumerate(body) if isinstance(i, Grid)), default=None)
    if last is None:
        return []
    return [i for i in body[last + 1 :] if isinstance(i, TextItem)]


_ORDER = ("format", "sections", "report", "preamble", *PART_TITLES, "signature", "imprint")


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: data[k] for k in _ORDER if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    return out


def _guess_format(document: PublishedDocument) -> str | None:
    """2019 when table 二 has the trial format's headings (本年新制作数量, 上一年项目数量), 2021 when it has this
    format's (本年制发件数, 现行有效件数); ``None`` when no table says (a copy cut before its tables).  A table kept
    as lines of text with its cells parted by "|" (a page copy: "信息内容 | 上一年项目数量 | 本年增/减 |", 龙河镇
    2020) says it too."""
    words = "".join(t or "" for g in document.grids for row in g.rows for t in row)
    words += "".join(i.text for i in document.items if isinstance(i, TextItem) and "|" in i.text)
    if "本年新制作数量" in words or "上一年项目数量" in words:
        return "2019"
    return "2021" if "本年制发件数" in words or "现行有效件数" in words else None


@hookimpl
def gongkai_import_report(document: PublishedDocument, format: str | None) -> ImportResult | None:
    if format is not None and format not in VARIANTS:
        return None
    fmt = format or _guess_format(document)
    result = import_document(document, fmt or "2021")
    year = report_year(result.data)
    first, last = YEARS["2019"]
    if fmt is None and year is not None and first <= year <= last:  # no table to tell: the title's year does
        result = import_document(document, "2019")
    # the format's own table headings printed as text (a page copy's tables, not read as tables) are evidence too
    said_by_text = 0.1 if fmt is not None and not document.grids else 0.0
    if format is None and result.confidence + said_by_text < 0.2:
        return None
    return result
