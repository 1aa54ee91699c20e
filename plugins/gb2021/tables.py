"""The three statistical tables of the national format, as data: every label, span and key.

Labels are the official wording, character for character (国办公开办函〔2021〕30号, and the 2019 trial format of
国办公开办函〔2019〕60号 where it differs); the keys are what a report writes in TOML.  Keeping the layout here,
apart from the code that draws or checks it, lets the drawing, the checks, the skeleton and the tests all read the
same single description — a label changed here changes everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

# the six parts' titles and accepted variants live in plugins.gb2021.names (the format plugin, which a report of
# any format loads, needs them; it should not import the tables): re-exported here for everything else
from plugins.gb2021.names import FORMAT_TITLES
from plugins.gb2021.names import PART_TITLES as PART_TITLES
from plugins.gb2021.names import PART_VARIANTS as PART_VARIANTS

# --------------------------------------------------------------------------------------------------- table 二


@dataclass(frozen=True)
class Cell2:
    """One number cell of a table-二 row: ``name`` is its TOML key (``None``: the row's key holds the value
    directly), ``kind`` ``"count"`` (non-negative integer), ``"signed"`` (integer, may be negative: 本年增/减) or
    ``"money"`` (non-negative, decimals allowed).  ``column`` names the column of a one-number row (whose value
    has no key of its own) for ``labels``."""

    name: str | None
    colspan: int = 1
    kind: str = "count"
    label: str = ""  # the column heading, for messages
    column: str | None = None

    @property
    def key(self) -> str:
        """The column's key in ``labels``: the cell's TOML key, or the named column of a one-number row."""
        return str(self.name or self.column)


@dataclass(frozen=True)
class Row2:
    key: str
    label: str
    cells: tuple[Cell2, ...]


@dataclass(frozen=True)
class Block2:
    caption: str
    header: tuple[tuple[str, int], ...]  # (text, colspan)
    rows: tuple[Row2, ...]
    unit: str = "件"

    @property
    def header_keys(self) -> tuple[str, ...]:
        """The ``labels`` key of each header cell: ``content`` (信息内容), then the columns of the block's rows."""
        return (TABLE2_CONTENT_KEY, *(c.key for c in self.rows[0].cells))

    @property
    def key(self) -> str:
        """The caption's key in ``labels``: ``item_1`` for 第二十条第（一）项, ``item_9`` for 第（九）项."""
        return f"item_{_CLAUSE_NUMBERS.index(self.caption[-3]) + 1}"


#: the clause numbers of 第二十条 a caption can name: 第（一）项 … 第（十）项
_CLAUSE_NUMBERS = "一二三四五六七八九十"


#: The ``labels`` key of the 信息内容 header cell of every table-二 block.
TABLE2_CONTENT_KEY = "content"


def _one(label: str, kind: str = "count", column: str = "decisions") -> tuple[Cell2, ...]:
    return (Cell2(None, 3, kind, label, column),)


def table2_columns(blocks: tuple[Block2, ...]) -> dict[str, str]:
    """Every header cell of a table 二 by its ``labels`` key: ``{"repealed": "本年废止件数", …}``."""
    out: dict[str, str] = {}
    for block in blocks:
        for key, (text, _) in zip(block.header_keys, block.header, strict=True):
            out.setdefault(key, text)
    return out


_DECISIONS_2021 = "本年处理决定数量"
_FEES_2021 = "本年收费金额（单位：万元）"

TABLE2_2021: tuple[Block2, ...] = (
    Block2(
        "第二十条第（一）项",
        (("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1)),
        tuple(
            Row2(
                key,
                label,
                (
                    Cell2("issued", 1, "count", "本年制发件数"),
                    Cell2("repealed", 1, "count", "本年废止件数"),
                    Cell2("valid", 1, "count", "现行有效件数"),
                ),
            )
            for key, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
        ),
    ),
    Block2(
        "第二十条第（五）项",
        (("信息内容", 1), (_DECISIONS_2021, 3)),
        (Row2("licensing", "行政许可", _one(_DECISIONS_2021)),),
    ),
    Block2(
        "第二十条第（六）项",
        (("信息内容", 1), (_DECISIONS_2021, 3)),
        (Row2("penalty", "行政处罚", _one(_DECISIONS_2021)), Row2("coercion", "行政强制", _one(_DECISIONS_2021))),
    ),
    Block2(
        "第二十条第（八）项",
        (("信息内容", 1), (_FEES_2021, 3)),
        (Row2("admin_fees", "行政事业性收费", _one(_FEES_2021, "money", "amount")),),
        unit="万元",
    ),
)


def _items_2019(key: str, label: str) -> Row2:
    return Row2(
        key,
        label,
        (
            Cell2("previous_items", 1, "count", "上一年项目数量"),
            Cell2("change", 1, "signed", "本年增/减"),
            Cell2("decisions", 1, "count", "处理决定数量"),
        ),
    )


_ITEMS_HEADER_2019 = (("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 1), ("处理决定数量", 1))

TABLE2_2019: tuple[Block2, ...] = (
    Block2(
        "第二十条第（一）项",
        (("信息内容", 1), ("本年新制作数量", 1), ("本年新公开数量", 1), ("对外公开总数量", 1)),
        tuple(
            Row2(
                key,
                label,
                (
                    Cell2("made", 1, "count", "本年新制作数量"),
                    Cell2("published", 1, "count", "本年新公开数量"),
                    Cell2("total_public", 1, "count", "对外公开总数量"),
                ),
            )
            for key, label in (("regulations", "规章"), ("normative_documents", "规范性文件"))
        ),
    ),
    Block2(
        "第二十条第（五）项",
        _ITEMS_HEADER_2019,
        (_items_2019("licensing", "行政许可"), _items_2019("other_services", "其他对外管理服务事项")),
    ),
    Block2(
        "第二十条第（六）项",
        _ITEMS_HEADER_2019,
        (_items_2019("penalty", "行政处罚"), _items_2019("coercion", "行政强制")),
    ),
    Block2(
        "第二十条第（八）项",
        (("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2)),
        (
            Row2(
                "admin_fees",
                "行政事业性收费",
                (
                    Cell2("previous_items", 1, "count", "上一年项目数量"),
                    Cell2("change", 2, "signed", "本年增/减"),
                ),
            ),
        ),
    ),
    Block2(
        "第二十条第（九）项",
        (("信息内容", 1), ("采购项目数量", 1), ("采购总金额", 2)),
        (
            Row2(
                "procurement",
                "政府集中采购",
                (Cell2("projects", 1, "count", "采购项目数量"), Cell2("amount", 2, "money", "采购总金额")),
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------------- table 三

TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_APPLICANTS = "申请人情况"
TABLE3_ORGANISATIONS = "法人或其他组织"
TABLE3_OUTCOMES = "三、本年度办理结果"


@dataclass(frozen=True)
class Column:
    key: str
    label: str


#: The six applicant columns the author fills in, in the format's order.
APPLICANT_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social_welfare", "社会公益组织"),
    Column("legal_service", "法律服务机构"),
    Column("other", "其他"),
)
TOTAL_COLUMN = Column("total", "总计")
DATA_COLUMNS: tuple[Column, ...] = (*APPLICANT_COLUMNS, TOTAL_COLUMN)
ORGANISATION_KEYS: tuple[str, ...] = tuple(c.key for c in APPLICANT_COLUMNS[1:])


@dataclass(frozen=True)
class Row3:
    """A body row of table 三.  ``group`` is the key of the （三）…（六） group the row belongs to (its label cell
    then sits beside the group's tall label); ``level`` 0 rows (一、二、四、) span the three label columns,
    level 1 rows (（一）（二）（七）) span the two inner ones, level 2 rows only the innermost."""

    key: str
    label: str
    level: int
    group: str | None = None
    outcome: bool = True  # one of the outcome rows summed into （七）总计

    @property
    def computed(self) -> bool:
        return self.key == "total_processed"


@dataclass(frozen=True)
class Group3:
    key: str  # the derived value: the group's sum per column
    label: str


GROUPS: tuple[Group3, ...] = (
    Group3("denied", "（三）不予公开"),
    Group3("unable", "（四）无法提供"),
    Group3("not_processed", "（五）不予处理"),
    Group3("other_handling", "（六）其他处理"),
)
GROUP_LABELS = {g.key: g.label for g in GROUPS}


def _rows3(other_handling: tuple[Row3, ...]) -> tuple[Row3, ...]:
    return (
        Row3("new_received", "一、本年新收政府信息公开申请数量", 0, outcome=False),
        Row3("carried_over", "二、上年结转政府信息公开申请数量", 0, outcome=False),
        Row3("granted", "（一）予以公开", 1),
        Row3("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
        Row3("denied_state_secret", "1.属于国家秘密", 2, "denied"),
        Row3("denied_other_law", "2.其他法律行政法规禁止公开", 2, "denied"),
        Row3("denied_three_security_one_stability", "3.危及“三安全一稳定”", 2, "denied"),
        Row3("denied_third_party", "4.保护第三方合法权益", 2, "denied"),
        Row3("denied_internal_affairs", "5.属于三类内部事务信息", 2, "denied"),
        Row3("denied_process_info", "6.属于四类过程性信息", 2, "denied"),
        Row3("denied_enforcement_file", "7.属于行政执法案卷", 2, "denied"),
        Row3("denied_admin_query", "8.属于行政查询事项", 2, "denied"),
        Row3("unable_not_held", "1.本机关不掌握相关政府信息", 2, "unable"),
        Row3("unable_needs_creation", "2.没有现成信息需要另行制作", 2, "unable"),
        Row3("unable_unclear_after_correction", "3.补正后申请内容仍不明确", 2, "unable"),
        Row3("not_processed_petition", "1.信访举报投诉类申请", 2, "not_processed"),
        Row3("not_processed_repeat", "2.重复申请", 2, "not_processed"),
        Row3("not_processed_publication", "3.要求提供公开出版物", 2, "not_processed"),
        Row3("not_processed_massive", "4.无正当理由大量反复申请", 2, "not_processed"),
        Row3("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息", 2, "not_processed"),
        *other_handling,
        Row3("total_processed", "（七）总计", 1, outcome=False),
        Row3("carried_forward", "四、结转下年度继续办理", 0, outcome=False),
    )


TABLE3_ROWS_2021: tuple[Row3, ...] = _rows3(
    (
        Row3(
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            2,
            "other_handling",
        ),
        Row3(
            "other_fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            2,
            "other_handling",
        ),
        Row3("other_other", "3.其他", 2, "other_handling"),
    )
)

#: The 2019 trial format has （六）其他处理 as a single row.
TABLE3_ROWS_2019: tuple[Row3, ...] = _rows3((Row3("other_handling", "（六）其他处理", 1),))


@dataclass(frozen=True)
class Table3Layout:
    rows: tuple[Row3, ...]

    @property
    def outcome_rows(self) -> tuple[Row3, ...]:
        return tuple(r for r in self.rows if r.outcome)

    @property
    def entered_rows(self) -> tuple[Row3, ...]:
        """The rows the author types (（七）总计 is computed, or checked when given)."""
        return tuple(r for r in self.rows if not r.computed)

    @property
    def groups(self) -> tuple[Group3, ...]:
        present = {r.group for r in self.rows}
        return tuple(g for g in GROUPS if g.key in present)

    def row(self, key: str) -> Row3:
        return next(r for r in self.rows if r.key == key)

    def path(self, key: str) -> str:
        """The row's full label path for messages: ``三、本年度办理结果（三）不予公开 1.属于国家秘密``."""
        row = self.row(key)
        if row.level == 0:
            return row.label
        prefix = TABLE3_OUTCOMES
        if row.group:
            prefix += GROUP_LABELS[row.group] + " "
        return prefix + row.label


TABLE3_2021 = Table3Layout(TABLE3_ROWS_2021)
TABLE3_2019 = Table3Layout(TABLE3_ROWS_2019)

# --------------------------------------------------------------------------------------------------- table 四

TABLE4_REVIEW = "行政复议"
TABLE4_LITIGATION = "行政诉讼"


@dataclass(frozen=True)
class Block4:
    key: str
    label: str


TABLE4_BLOCKS: tuple[Block4, ...] = (
    Block4("review", "行政复议"),
    Block4("litigation_direct", "未经复议直接起诉"),
    Block4("litigation_after_review", "复议后起诉"),
)

#: The result columns of every block; ``total`` is computed, or checked when given.
TABLE4_RESULTS: tuple[Column, ...] = (
    Column("maintain", "结果维持"),
    Column("correct", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
TABLE4_PARTS: tuple[Column, ...] = TABLE4_RESULTS[:-1]


@dataclass(frozen=True)
class Variant:
    """What differs between the 2021 format and the 2019 trial format."""

    key: str
    title: str
    table2: tuple[Block2, ...]
    table3: Table3Layout


VARIANTS: dict[str, Variant] = {
    "2021": Variant("2021", FORMAT_TITLES["2021"], TABLE2_2021, TABLE3_2021),
    "2019": Variant("2019", FORMAT_TITLES["2019"], TABLE2_2019, TABLE3_2019),
}
