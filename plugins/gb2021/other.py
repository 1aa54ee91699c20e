"""六、其他需要报告的事项 — free narrative plus the structured 信息处理费 item that writes its own sentence.

国办函〔2020〕109号 lets bodies charge 信息处理费 for excessive requests; the 2021 format asks part 六 to say what was
charged, even when nothing was.  The author may type the numbers, and may ask for the sentence to be written from
them (``sentence = true``: the zero case "本年度未收取信息处理费。" is then never forgotten and never contradicts the
figures)::

    [other.fee]
    amount = 0        # 实际收取的信息处理费（元）
    notices = 0       # 发出收费通知的件数（可不写）
    sentence = true   # 据此生成说明句（不写则不生成）

Nothing is generated unless asked for: the check then reads the author's own text of part 六 — in the 2021 format it
must state the 信息处理费 (``gb2021.fee.unstated``), and an amount it states must agree with ``amount``.  The
2019 trial format predates the fee rules: there nothing is required.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Paragraph, Run
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021 import values as v
from plugins.gb2021.part import make_part, part_blocks

_FEE_SUBFIELDS = (
    Field("amount", "number", required=True, description="实际收取的信息处理费（元，可有小数）", example=0),
    Field("notices", "number", description="发出收费通知的件数（可不写）", example=0),
    Field("sentence", "bool", description="据两个数生成说明句（默认不生成，由正文自己说明）", example=True),
)
# the fee as reports name it: 信息处理费, 信息公开处理费 (君山片区 2023), 处理费, "未收取任何费用", or
# "政府信息公开未发生收费情况" (沭阳县发展和改革局 2023)
_FEE_WORDS = re.compile(
    r"信息(?:公开)?处理费|处理费|(?:没有|未|不)(?:收取|产生|收)[^。；，,]{0,10}?费|(?:没有|未|无)(?:发生|产生|出现)?收费"
)
_FEE_AMOUNT = re.compile(
    r"(?:收取|收缴|收费)[^。；，,]{0,8}?信息(?:公开)?处理费[^。；\d]{0,6}?(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万?元)"
)


def fee_field(required: bool) -> Field:
    return Field(
        "fee",
        "table",
        required=required,
        description="信息处理费：收取金额（元）与收费通知件数；sentence = true 时据此生成说明句",
        example={"amount": 0, "notices": 0},
        fields=_FEE_SUBFIELDS,
    )


def fee_sentence(fee: Mapping[str, Any]) -> str:
    """The sentence part 六 prints about 信息处理费, from the two numbers."""
    amount = v.number(fee.get("amount"))
    notices = v.number(fee.get("notices"))
    if amount == 0 and notices == 0:
        return "本年度未收取信息处理费。"
    if amount == 0:
        return f"本年度共发出收费通知{v.show(notices)}件，实际未收取信息处理费。"
    if notices == 0:
        return f"本年度收取信息处理费{v.show(amount)}元。"
    return f"本年度共发出收费通知{v.show(notices)}件，收取信息处理费{v.show(amount)}元。"


def derive(ctx: SectionContext) -> dict[str, Any]:
    fee = ctx.data.get("fee")
    if not isinstance(fee, Mapping):
        return {}
    return {
        "fee": {
            "amount": v.number(fee.get("amount")),
            "notices": v.number(fee.get("notices")),
            "sentence": fee_sentence(fee),
        }
    }


def build(ctx: SectionContext) -> list[Block]:
    fee = ctx.data.get("fee")
    if not isinstance(fee, Mapping) or fee.get("sentence") is not True:
        return part_blocks(ctx)
    blocks = part_blocks(ctx)
    sentence = Paragraph([Run(fee_sentence(fee))], role="body", source=ctx.source("fee"))
    return [blocks[0], sentence, *blocks[1:]]


def _own_text(ctx: SectionContext) -> str:
    from compiler.model.narrative import iter_texts
    from compiler.model.refs import Evaluator
    from compiler.model.schema import table_rows
    from compiler.model.typed_tables import show

    evaluator = Evaluator(ctx.values)
    said = [evaluator.resolve(raw, None, []).text for _, raw in iter_texts(ctx.data)]
    for table in ctx.data.get("tables") or []:  # a fee table states the fee as well as a sentence does
        if isinstance(table, Mapping):
            rows = [*table_rows(table.get("header")), *table_rows(table.get("rows"))]
            said += ["".join(show(v) for v in row) for row in rows]
    return "\n".join(said)


def check_stated(ctx: SectionContext, fee: Mapping[str, Any] | None) -> None:
    """Without a generated sentence, the author's own text of part 六 must state the fee (2021 format) and
    agree with ``amount`` when both say it."""
    if isinstance(fee, Mapping) and fee.get("sentence") is True:
        return
    text = _own_text(ctx)
    if not _FEE_WORDS.search(re.sub(r"《[^》]*》", "", text)):  # naming the 管理办法 is not stating the fee
        if ctx.report.format.key == "2021":
            ctx.warning(
                "gb2021.fee.unstated",
                "第六部分没有说明信息处理费的收取情况（2021年格式要求说明，未收取也应写明“未收取信息处理费”）；"
                "可在正文写明，或在 [other.fee] 中写 sentence = true 自动生成",
                "",
                expected="信息处理费的收取情况",
                found="未提及",
            )
        return
    amount = fee.get("amount") if isinstance(fee, Mapping) else None
    m = _FEE_AMOUNT.search(text)
    if m and v.is_money(amount):
        stated = float(m.group("n")) * (10000 if m.group("u") == "万元" else 1)
        if abs(stated - float(amount)) > 1e-6:
            ctx.error(
                "gb2021.fee.text",
                f"正文说收取信息处理费{m.group('n')}{m.group('u')}，与 [other.fee] amount = {v.show(amount)} 元不一致",
                "fee.amount",
                expected=f"{v.show(amount)}元",
                found=f"{m.group('n')}{m.group('u')}",
            )


def check(ctx: SectionContext) -> list[Problem]:
    fee = ctx.data.get("fee")
    check_stated(ctx, fee if isinstance(fee, Mapping) else None)
    if not isinstance(fee, Mapping):
        return []
    amount, notices = fee.get("amount"), fee.get("notices")
    if amount is not None and not v.is_money(amount):
        ctx.error("gb2021.fee.amount", "信息处理费金额应为非负数值（元）", "fee.amount", expected="≥ 0", found=amount)
    if notices is not None and not v.is_count(notices):
        ctx.error("gb2021.fee.notices", "收费通知件数应为非负整数", "fee.notices", expected="非负整数", found=notices)
        return []
    if v.is_money(amount) and amount > 0 and notices == 0:  # not stated is not a slip: the format does not ask
        ctx.warning(
            "gb2021.fee.no-notice",
            f"收取了信息处理费 {v.show(amount)} 元，但收费通知件数写为 0：收费须先发出收费通知",
            "fee.notices",
            expected="≥ 1",
            found=notices,
        )
    unpaid = (ctx.values.get("applications") or {}).get("total", {}).get("other_fee_unpaid")
    if v.is_count(notices) and v.is_count(unpaid) and unpaid > notices:
        ctx.warning(
            "gb2021.fee.notices-vs-table3",
            f"表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用……”总计为 {unpaid} 件，"
            f"多于收费通知件数 {v.show(notices)} 件：每件逾期未缴费的申请都应有一份收费通知",
            "fee.notices",
            expected=f"≥ {unpaid}",
            found=notices,
        )
    return []


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    for key in ("2021", "2019"):
        register(
            make_part(
                "other",
                {key},
                fields=(fee_field(False),),
                text_example="本年度无其他需要报告的事项。",
                build=build,
                derive=derive,
                check=check,
                description="其他需要报告的事项（含信息处理费收取情况）",
            )
        )
