"""The legacy format itself: the numbered parts of a 2008–2019 report between the title/preamble and the signature.

Two structures were in use and both are this format: the nine parts of the 2009 青岛 参考样本 the seed report
follows (see the project's notes on the legacy format), and the six of the 2008 条例 itself (第三十二条: 主动公开,
依申请公开, 收费及减免, 行政复议和行政诉讼, 存在的主要问题及改进情况, 其他需要报告的事项), which has the fee part
(``[fee]``) the sample lacks.  A report has the parts it prints, in this order; only those the 条例 asks for are
warned about when absent.
The format also owns the checks that span its parts: the part list the preamble announces must match
the part headings the report prints (the seed announces "行政复议和行政诉讼情况" and prints
"五、申请行政复议和提起行政诉讼情况"), and the numbers typed in any part's prose must agree with the statistics
(:mod:`plugins.legacy.textcheck`).
"""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.formats import Format
from compiler.model.problems import Problem
from compiler.model.report import Report
from plugins.common.partlists import part_list_problems, run_together_names

LEGACY = Format(
    key="legacy",
    title="政府信息公开工作年度报告（2008 年条例时期九部分格式）",
    sections=(
        "report",
        "preamble",
        "overview",
        "active",
        "applications",
        "consultation",
        "fee",
        "appeals",
        "staffing",
        "issues",
        "other",
        "extra",
        "extra_2",
        "extra_3",
        "extra_4",
        "extra_5",
        "tables",
        "signature",
    ),
    description="概述、主动公开、依申请公开、咨询和投诉、（收费及减免、）行政复议和行政诉讼、工作人员和费用支出、"
    "存在的主要问题及改进情况、其他需要报告的事项、附表",
    # what the 2008 条例 (第三十二条) asks every report for; 概述, 咨询和投诉, 工作人员和费用支出 and 附表 belong to the
    # nine-part sample only, and 收费及减免 may stand in 依申请公开 (legacy.fee.unstated checks that it is said)
    required=("report", "active", "applications", "appeals", "issues", "other"),
    # the 2008 条例's reports, 2008 to 2018; the 2019 trial format replaced them
    years=(2008, 2018),
)


#: Other wordings real reports print for a part (the 2008 条例's own list, township variants), matched like the titles.
VARIANTS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "基本情况", "政府信息公开工作概述"),
    "applications": ("依申请公开政府信息和不予公开政府信息的情况", "政府信息依申请公开办理情况"),
    "fee": ("收费及减免情况", "依申请信息公开收费情况", "政府信息公开收费情况"),
    "consultation": ("政府信息公开咨询和投诉情况", "咨询、投诉情况"),
    "appeals": ("因政府信息公开申请行政复议、提起行政诉讼的情况", "复议、诉讼和申诉情况"),
    "issues": ("政府信息公开工作存在的主要问题及改进措施", "存在的主要问题及改进措施", "存在的不足和改进措施"),
}


@hookimpl
def gongkai_register_formats(register):
    register(LEGACY)


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    if report.format.key != LEGACY.key:
        return []
    from plugins.legacy.textcheck import (
        appeals_heading,
        appeals_silence,
        cumulative_only,
        denied_silence,
        fee_silence,
        outcome_names,
        outcome_silence,
        text_problems,
    )

    return [
        *part_list_problems(report, "legacy"),
        # the wordings real reports print for a part: "……咨询处理情况存在的主要问题和改进措施" (松江区 2012)
        *run_together_names(report, "legacy", VARIANTS),
        *text_problems(report),
        *fee_silence(report),
        *appeals_heading(report),
        *appeals_silence(report),
        *denied_silence(report),
        *cumulative_only(report),
        *outcome_silence(report),
        *outcome_names(report),
    ]
