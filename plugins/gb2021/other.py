"""六、其他需要报告的事项 — free narrative plus the structured 信息处理费 item that writes its own sentence.

国办函〔2020〕109号 lets bodies charge 信息处理费 for excessive requests; the 2021 format asks part 六 to say what was
charged, even when nothing was.  The author types two numbers and the sentence follows from them, so the zero
case ("本年度未收取信息处理费。") is never forgotten and never contradicts the figures::

    [other.fee]
    amount = 0        # 实际收取的信息处理费（元）
    notices = 0       # 发出收费通知的件数

The 2019 trial format predates the fee rules: there the item is optional.
"""

from __future__ import annotations

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
    Field("notices", "number", description="发出收费通知的件数", example=0),
)


def fee_field(required: bool) -> Field:
    return Field(
        "fee",
        "table",
        required=required,
        description="信息处理费：收取金额（元）与收费通知件数，据此自动生成说明句",
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
    if not isinstance(fee, Mapping):
        return part_blocks(ctx)
    blocks = part_blocks(ctx)
    sentence = Paragraph([Run(fee_sentence(fee))], role="body", source=ctx.source("fee"))
    return [blocks[0], sentence, *blocks[1:]]


def check(ctx: SectionContext) -> list[Problem]:
    fee = ctx.data.get("fee")
    if not isinstance(fee, Mapping):
        return []
    amount, notices = fee.get("amount"), fee.get("notices")
    if amount is not None and not v.is_money(amount):
        ctx.error("gb2021.fee.amount", "信息处理费金额应为非负数值（元）", "fee.amount", expected="≥ 0", found=amount)
    if notices is not None and not v.is_count(notices):
        ctx.error("gb2021.fee.notices", "收费通知件数应为非负整数", "fee.notices", expected="非负整数", found=notices)
        return []
    if v.is_money(amount) and amount > 0 and not notices:
        ctx.warning(
            "gb2021.fee.no-notice",
            f"收取了信息处理费 {v.show(amount)} 元，但收费通知件数为 0 或未填写：收费须先发出收费通知",
            "fee.notices",
            expected="≥ 1",
            found=notices if notices is not None else "未填写",
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
    for key, required in (("2021", True), ("2019", False)):
        register(
            make_part(
                "other",
                {key},
                fields=(fee_field(required),),
                text_example="本年度无其他需要报告的事项。",
                build=build,
                derive=derive,
                check=check,
                description="其他需要报告的事项（含信息处理费收取情况）",
            )
        )
