"""二、主动公开政府信息情况 — table 二: four blocks (第二十条第（一）（五）（六）（八）项), five in 2019.

TOML for the 2021 format; a row with one number is a plain key, a row with three is a table::

    [active]
    licensing = 1520          # 行政许可：本年处理决定数量
    penalty = 36              # 行政处罚
    coercion = 2              # 行政强制
    admin_fees = 12.35        # 行政事业性收费：本年收费金额（万元，可有小数）
    [active.regulations]      # 规章
    issued = 0                # 本年制发件数
    repealed = 0              # 本年废止件数
    valid = 0                 # 现行有效件数
    [active.normative_documents]   # 行政规范性文件
    not_printed = ["regulations"]  # a row the published table leaves out (a department has no 规章): not drawn

The 2019 trial format's columns differ (本年新制作数量/本年新公开数量/对外公开总数量, 上一年项目数量/本年增/减/
处理决定数量, 政府集中采购); :mod:`plugins.gb2021.tables` lists its keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.common.organs import is_department
from plugins.gb2021 import labels as lab
from plugins.gb2021 import values as v
from plugins.gb2021.part import make_part, part_blocks
from plugins.gb2021.tables import VARIANTS, Block2, Cell2, Row2, table2_columns

TABLE_NAME = "表二（主动公开政府信息情况）"
_KIND_TEXT = {"count": "件", "signed": "可为负数", "money": "万元，可有小数"}


def _example(cell: Cell2) -> Any:
    return 0.0 if cell.kind == "money" else 0


def schema_fields(blocks: tuple[Block2, ...]) -> tuple[Field, ...]:
    fields: list[Field] = []
    for block in blocks:
        for row in block.rows:
            if row.cells[0].name is None:
                cell = row.cells[0]
                fields.append(
                    Field(
                        row.key,
                        "cell",
                        description=f"{block.caption} {row.label}：{cell.label}（{_KIND_TEXT[cell.kind]}）",
                        example=_example(cell),
                    )
                )
                continue
            sub = tuple(
                Field(
                    str(c.name),
                    "cell",
                    description=f"{c.label}（{_KIND_TEXT[c.kind]}）",
                    example=_example(c),
                )
                for c in row.cells
            )
            fields.append(
                Field(
                    row.key,
                    "table",
                    description=f"{block.caption} {row.label}",
                    example={str(c.name): _example(c) for c in row.cells},
                    fields=sub,
                )
            )
    fields.append(
        Field(
            "labels",
            "table",
            open=True,
            description="原表印出的行标题、列标题或栏目标题与格式不同时：行键、列键或栏目键 = 印出的文字"
            '（如 normative_documents = "规范性文件"、repealed = "本年废纸件数"、item_1 = "第二十条第(一)项"；'
            '只有一栏的列标题不同时写 "item_5.change" = "本年增/"）；照此排印并提示',
        )
    )
    fields.append(
        Field(
            "not_printed",
            "list[str]",
            description='原表没有印出的行（行键，如 ["regulations"]：部门不制定规章，表中不印“规章”行）；'
            "照原样不排，提示一次",
        )
    )
    fields.append(
        Field(
            "extra_rows",
            "table",
            open=True,
            description="原表在某一行之后多印的、格式没有的行：行键 = 它前面那一行的行键，值为行的数组，每行是"
            '印出的行标题和各格数字（原表空白写 ""），如 normative_documents = [["其他主动公开文件", 56, 45, 0]]；'
            "照原样排印并提示",
        )
    )
    fields.append(
        Field(
            "money_unit",
            "str",
            description="金额单位，照原表：“万元”（格式规定）或“元”；不同于格式时提示",
        )
    )
    return tuple(fields)


def _row_label(data: Mapping[str, Any], row: Row2) -> str:
    return lab.printed(data, row.key, row.label)


def block_key(block: Block2, key: str) -> str:
    """The ``labels`` key of one block's own header cell: ``item_5.change`` (a header printed otherwise in that block
    only, 伊州区丽园街道 2020's "本年增/" under 第二十条第（五）项)."""
    return f"{block.key}.{key}"


def _printed_header(data: Mapping[str, Any], block: Block2, key: str, official: str) -> str:
    """A header cell's recorded wording: the block's own (``item_5.change``), else the column's (``change``)."""
    return lab.printed(data, block_key(block, key), lab.printed(data, key, official))


def _header(text: str, key: str, data: Mapping[str, Any], block: Block2) -> str:
    """A header cell as printed: the recorded wording, else the format's with the money unit the report used."""
    printed = _printed_header(data, block, key, text)
    if printed != text:
        return printed
    unit = data.get("money_unit")
    if isinstance(unit, str) and unit.strip() and "万元" in text:
        return text.replace("万元", unit.strip())
    return text


def _cells(row: Row2) -> list[tuple[str, Cell2]]:
    """(key path under [active], cell) for every number of a row."""
    if row.cells[0].name is None:
        return [(row.key, row.cells[0])]
    return [(f"{row.key}.{c.name}", c) for c in row.cells]


def _value(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = v.get(node, part)
    return node


def not_printed(data: Mapping[str, Any]) -> set[str]:
    """The rows the published table leaves out (``not_printed``; anything else there is reported by the check)."""
    keys = data.get("not_printed")
    return {k for k in keys if isinstance(k, str)} if isinstance(keys, list) else set()


def extra_rows(data: Mapping[str, Any], row: Row2) -> list[list[Any]]:
    """The rows the published table prints after ``row`` that the format does not have (``extra_rows``): each its
    label and as many cells as ``row`` has numbers; anything else is left to the check, which names it."""
    table = data.get("extra_rows")
    found = table.get(row.key) if isinstance(table, Mapping) else None
    if not isinstance(found, list):
        return []
    return [r for r in found if _fits(r, row)]


def _fits(extra: Any, row: Row2) -> bool:
    """An extra row shaped as printed after ``row``: a label, then as many cells as ``row`` has numbers."""
    return (
        isinstance(extra, list)
        and len(extra) == 1 + len(_cells(row))
        and isinstance(extra[0], str)
        and bool(extra[0].strip())
    )


def table_block(blocks: tuple[Block2, ...], data: Mapping[str, Any], ctx: SectionContext) -> Table:
    """One 4-column table: per block a caption row across all columns, its header row, its rows as printed (and
    the rows the published table adds after one of them, ``extra_rows``)."""
    rows: list[list[Cell]] = []
    left_out = not_printed(data)
    for block in blocks:
        rows.append([Cell(lab.printed(data, block.key, block.caption), colspan=4, align="center", role="table-header")])
        rows.append(
            [
                Cell(_header(text, key, data, block), colspan=span, align="center", role="table-header")
                for key, (text, span) in zip(block.header_keys, block.header, strict=True)
            ]
        )
        for row in block.rows:
            if row.key in left_out:
                continue
            numbers = [Cell(v.show(_value(data, path)), colspan=cell.colspan) for path, cell in _cells(row)]
            rows.append([Cell(_row_label(data, row), align="center"), *numbers])
            for extra in extra_rows(data, row):
                cells = [Cell(v.show(x), colspan=c.colspan) for x, (_, c) in zip(extra[1:], _cells(row), strict=True)]
                rows.append([Cell(extra[0].strip(), align="center"), *cells])
    return Table(
        rows=rows, widths=[3.0, 2.0, 2.0, 2.0], header_rows=0, keep_together=True, name="table2", source=ctx.source()
    )


def build_for(blocks: tuple[Block2, ...]) -> Callable[[SectionContext], list[Block]]:
    def build(ctx: SectionContext) -> list[Block]:
        return part_blocks(ctx, [table_block(blocks, ctx.data, ctx)])

    return build


def check_for(blocks: tuple[Block2, ...]) -> Callable[[SectionContext], list[Problem]]:
    def check(ctx: SectionContext) -> list[Problem]:
        missing: list[str] = []
        left_out = _check_not_printed(ctx, blocks)
        _check_extra_rows(ctx, blocks)
        for block in blocks:
            for row in block.rows:
                if row.key in left_out:
                    continue
                _check_valid_count(ctx, block, row)
                _check_made_not_published(ctx, block, row)
                for path, cell in _cells(row):
                    value = _value(ctx.data, path)
                    where = f"{TABLE_NAME}{block.caption}“{row.label}”的“{cell.label}”"
                    if v.several_numbers_warning(ctx, value, where, path):
                        continue
                    if v.is_blank(value):
                        missing.append(f"{row.label}·{cell.label}")
                    elif cell.kind == "money" and not v.is_money(value):
                        ctx.error(
                            "gb2021.table2.money", f"{where}应为非负数值（万元）", path, expected="≥ 0", found=value
                        )
                    elif cell.kind == "count" and not v.is_count(value):
                        ctx.error(
                            "gb2021.table2.count",
                            f"{where}应为非负整数（件数）",
                            path,
                            expected="非负整数",
                            found=value,
                        )
                    elif cell.kind == "signed" and not v.is_signed_count(value):
                        ctx.error(
                            "gb2021.table2.count", f"{where}应为整数（增减数）", path, expected="整数", found=value
                        )
                    elif why := v.unit_conflict(value, cell.kind, column_unit := _column_unit(ctx.data, block, cell)):
                        ctx.warning(
                            "gb2021.cell.unit",
                            f"{where}印作“{value}”：{why}",
                            path,
                            expected=column_unit or "金额单位",
                            found=v.unit(value),
                        )
                    elif _unitless_amount(ctx.data, block, cell, column_unit, value):
                        ctx.warning(
                            "gb2021.cell.unit",
                            f"{where}印作“{v.show(value)}”：表头和数字都没有写单位，读者不知道是元还是万元",
                            path,
                            expected="写明单位（如“1089059元”，或表头“采购总金额（元）”）",
                            found=v.show(value),
                        )
        if missing:
            ctx.warning(
                "gb2021.table2.missing",
                f"{TABLE_NAME}有 {len(missing)} 格没有数字（空白或印作“/”），照原样排印："
                + "、".join(missing[:6])
                + ("等" if len(missing) > 6 else "")
                + "；读者无法区分空白与 0，若为 0 请填写 0",
                "",
                expected="每格一个数",
                found=f"空白 {len(missing)} 格",
            )
        _check_labels(ctx, blocks)
        if "regulations" not in left_out:
            _check_regulations_by_a_department(ctx, blocks)
        return []

    return check


#: who may make 规章 (《中华人民共和国立法法》第九十一、九十三条): 国务院各部、委员会、直属机构 and the governments of
#: provinces and 设区的市 — a county's or a zone's department, or a province's 厅, may not; a government's 办公厅 or
#: 办公室 reports for the government (上海市人民政府办公厅 2019) and is left to it
_NATIONAL = re.compile(r"^(?:国家|国务院|中华人民共和国|中国)|总局$|总署$|政府办公厅$|政府办公室$")


#: a government below 设区的市 — a county's, a district's, a township's or a 街道's — makes no 规章 either
_BELOW_A_CITY = re.compile(r"(?:县|旗|区|乡|镇|街道)(?:人民政府|政府)?$|街道办事处$|(?:乡|镇)人民政府$")


def _check_regulations_by_a_department(ctx: SectionContext, blocks: tuple[Block2, ...]) -> None:
    """A department, or a government below 设区的市 (伊州区丽园街道办事处 2020: "规章 | 5 | 5 | 5"), that reports 规章
    made or in force (2021: 本年制发/现行有效; 2019: 本年新制作/对外公开总数)."""
    organ = str((ctx.report.data.get("report") or {}).get("organ") or "")
    spec = next((row for block in blocks for row in block.rows if row.key == "regulations"), None)
    if spec is None or not organ or _NATIONAL.search(organ):
        return
    if is_department(organ):
        kind = "部门"
    elif _BELOW_A_CITY.search(organ):
        kind = "县级以下的人民政府（或其派出机关）"
    else:
        return
    first, last = spec.cells[0], spec.cells[-1]
    said = {c.label: _value(ctx.data, f"regulations.{c.name}") for c in (first, last)}
    if any(v.is_count(n) and v.number(n) > 0 for n in said.values()):
        shown = "、".join(f"{label} {v.show(n)}" for label, n in said.items())
        ctx.warning(
            "gb2021.table2.regulations",
            f"{TABLE_NAME}“规章”一行填了{shown}，但{organ}是{kind}：规章只能由国务院部门和省、设区的市人民政府"
            "制定（《立法法》第九十一、九十三条）；本机关的规范性文件应填在“行政规范性文件”一行",
            "regulations",
            expected="0（或不印该行）",
            found=shown,
        )


def _check_not_printed(ctx: SectionContext, blocks: tuple[Block2, ...]) -> set[str]:
    """The rows left out as published: known row keys, warned once (the format prints every row)."""
    raw = ctx.data.get("not_printed")
    if raw is None:
        return set()
    rows = {row.key: (block, row) for block in blocks for row in block.rows}
    keys = not_printed(ctx.data)
    unknown = sorted(k for k in keys if k not in rows)
    if unknown:
        ctx.error(
            "gb2021.table2.not-printed",
            f"{TABLE_NAME}的 not_printed 里有未知的行键：{'、'.join(unknown)}",
            "not_printed",
            expected="、".join(rows),
            found="、".join(unknown),
        )
    known = [k for k in rows if k in keys]
    if known:
        named = "、".join(f"{rows[k][0].caption}“{rows[k][1].label}”" for k in known)
        ctx.warning(
            "gb2021.table2.not-printed",
            f"{TABLE_NAME}没有印出格式规定的行：{named}；照原样不排（本机关不涉及时，格式仍要求印出该行并填 0）",
            "not_printed",
            expected="每一行都印出",
            found=f"少印 {len(known)} 行",
        )
    return set(known)


def _check_extra_rows(ctx: SectionContext, blocks: tuple[Block2, ...]) -> None:
    """Rows the published table adds (``extra_rows``, 湖北's "其他主动公开文件" under 第二十条第（一）项): printed as
    published and warned once each; a row key the format does not have, a row of the wrong width or a cell that is
    no count is an error."""
    table = ctx.data.get("extra_rows")
    if not isinstance(table, Mapping):
        return
    rows = {row.key: (block, row) for block in blocks for row in block.rows}
    for key, added in table.items():
        if key not in rows or not isinstance(added, list):
            ctx.error(
                "gb2021.table2.extra-row",
                f"{TABLE_NAME}的 extra_rows 里“{key}”不是表二的行键，或它的值不是行的数组",
                f"extra_rows.{key}",
                expected="、".join(rows),
                found=key,
            )
            continue
        block, row = rows[key]
        width = 1 + len(_cells(row))
        for i, extra in enumerate(added):
            where = f"extra_rows.{key}[{i}]"
            if not _fits(extra, row) or not all(v.is_blank(x) or v.is_count(x) for x in extra[1:]):
                ctx.error(
                    "gb2021.table2.extra-row",
                    f'{TABLE_NAME}{block.caption}多印的行应为行标题加{width - 1}个件数（原表空白写 ""）',
                    where,
                    expected=f"[行标题, {', '.join(['件数'] * (width - 1))}]",
                    found=extra,
                )
                continue
            ctx.warning(
                "gb2021.table2.extra-row",
                f"{TABLE_NAME}{block.caption}在“{row.label}”之后多印了格式没有的行“{extra[0].strip()}”；照原样排印"
                "（格式只有规定的行，其他信息写在正文里）",
                where,
                expected="格式规定的行",
                found=extra[0].strip(),
            )


def _check_made_not_published(ctx: SectionContext, block: Block2, row: Row2) -> None:
    """2019 form: fewer 规章 or 规范性文件 newly published than newly made (合川区二郎镇 2019: "规范性文件 | 19 | 1 |
    20"): what a body makes of these it must publish (条例第二十条第（一）项)."""
    names = {str(c.name) for c in row.cells}
    if not {"made", "published"} <= names:
        return
    cells = [_value(ctx.data, f"{row.key}.{n}") for n in ("made", "published")]
    if not all(v.is_count(x) for x in cells):
        return
    made, published = (v.number(x) for x in cells)
    if published < made:
        ctx.warning(
            "gb2021.table2.unpublished",
            f"{TABLE_NAME}{block.caption}“{row.label}”：本年新制作 {made} 件，本年新公开只有 {published} 件——"
            f"{row.label}应当主动公开（条例第二十条第（一）项），新制作的都应公开，请核对",
            f"{row.key}.published",
            expected=f"{made}",
            found=published,
        )


def _check_valid_count(ctx: SectionContext, block: Block2, row: Row2) -> None:
    """现行有效件数 cannot be below 本年制发 − 本年废止: what was made this year and not repealed is still in force."""
    names = {str(c.name) for c in row.cells}
    if not {"issued", "repealed", "valid"} <= names:
        return
    cells = [_value(ctx.data, f"{row.key}.{n}") for n in ("issued", "repealed", "valid")]
    if not all(v.is_count(x) for x in cells):
        return
    issued, repealed, valid = (v.number(x) for x in cells)
    if valid == 0 < issued <= repealed:
        # the bound below holds (repealed covers older ones too), but none in force means every one made this year
        # was repealed the same year, and every older one too: almost always the 现行有效 cell left at 0
        ctx.warning(
            "gb2021.table2.valid",
            f"{TABLE_NAME}{block.caption}“{row.label}”：本年制发 {issued} 件，现行有效却是 0 件——"
            "除非本年制发的全部已在当年废止，现行有效至少应有这些件数，请核对",
            f"{row.key}.valid",
            expected=f"≥ {issued}（除非当年全部废止）",
            found=valid,
        )
    elif valid < issued - repealed:
        ctx.warning(
            "gb2021.table2.valid",
            f"{TABLE_NAME}{block.caption}“{row.label}”：本年制发 {issued} 件、本年废止 {repealed} 件，"
            f"现行有效却只有 {valid} 件；本年制发而未废止的应仍有效，请核对",
            f"{row.key}.valid",
            expected=f"≥ {issued - repealed}",
            found=valid,
        )


def labels_of(blocks: tuple[Block2, ...]) -> lab.TableLabels:
    """The labels table 二 may record as printed: its rows, its header cells and its blocks' captions."""
    rows = {row.key: row.label for block in blocks for row in block.rows}
    captions = {block.key: block.caption for block in blocks}
    own = {  # each block's own header cells, for a header printed otherwise in one block only
        block_key(block, key): text
        for block in blocks
        for key, (text, _) in zip(block.header_keys, block.header, strict=True)
    }
    return lab.TableLabels(TABLE_NAME, rows, table2_columns(blocks) | own, captions=captions)


#: a unit named in a printed header: "采购总金额（元）", "金额（单位：万元）", "采购总金额（单位：万元，保留4位小数）"
#: (西平县焦庄乡 2019)
_HEADER_UNIT = re.compile(r"[（(](?:单位[：:])?\s*(?:万元|元)\s*(?:[，,；;][^（()）]*)?[）)]")


def _unitless_amount(data: Mapping[str, Any], block: Block2, cell: Cell2, column_unit: str | None, value: Any) -> bool:
    """An amount other than 0 printed as a bare number in a column whose header names no unit (``column_unit`` is
    ``None``, the 2019 form's 采购总金额, and no unit in the header as printed): 1089059 of what (平潭苏平片区管理局
    2020)."""
    if cell.kind != "money" or column_unit is not None or v.unit(value) is not None:
        return False
    header = _printed_header(data, block, str(cell.name), cell.label)
    return not _HEADER_UNIT.search(header) and v.number(value) != 0


def _column_unit(data: Mapping[str, Any], block: Block2, cell: Cell2) -> str | None:
    """The unit a cell's column is in: 件 for counts; the amount's unit where the header names one (万元, or the
    report's ``money_unit``), ``None`` where it does not (2019: 采购总金额)."""
    if cell.kind != "money":
        return "件"
    if block.unit == "件":
        return None
    unit = data.get("money_unit")
    return unit.strip() if isinstance(unit, str) and unit.strip() else block.unit


def _check_labels(ctx: SectionContext, blocks: tuple[Block2, ...]) -> None:
    lab.check(ctx, labels_of(blocks))
    unit = ctx.data.get("money_unit")
    official = next((b.unit for b in blocks if b.unit != "件"), None)
    if isinstance(unit, str) and official and unit != official:
        ctx.warning(
            "gb2021.table2.unit",
            f"{TABLE_NAME}金额单位为“{unit}”，格式规定为“{official}”",
            "money_unit",
            expected=official,
            found=unit,
        )


def derive_for(blocks: tuple[Block2, ...]) -> Callable[[SectionContext], dict[str, Any]]:
    """Every cell as published (blank = ``None``) so that text can cite any of them."""

    def derive(ctx: SectionContext) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for block in blocks:
            for row in block.rows:
                if row.cells[0].name is None:
                    out[row.key] = v.cell(v.get(ctx.data, row.key))
                else:
                    out[row.key] = {str(c.name): v.cell(_value(ctx.data, f"{row.key}.{c.name}")) for c in row.cells}
        return out

    return derive


def section_for(format_key: str) -> SectionType:
    blocks = VARIANTS[format_key].table2
    return make_part(
        "active",
        {format_key},
        fields=schema_fields(blocks),
        text_example=None,
        build=build_for(blocks),
        derive=derive_for(blocks),
        check=check_for(blocks),
        description="主动公开政府信息情况（表二）",
        table="表二",
    )


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    for key in sorted(VARIANTS):
        register(section_for(key))
