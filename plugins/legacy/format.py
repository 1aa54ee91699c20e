"""The legacy format itself: nine numbered parts between the title/preamble and the signature.

Taken from the 2009 青岛 参考样本 the seed report follows (see the project's notes on the legacy format).
The format also owns the one check that spans its parts: the part list the preamble announces must match
the part headings the report prints (the seed announces "行政复议和行政诉讼情况" and prints
"五、申请行政复议和提起行政诉讼情况").
"""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.formats import Format
from compiler.model.numbering import chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.preamble import listed_parts

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
        "appeals",
        "staffing",
        "issues",
        "other",
        "tables",
        "signature",
    ),
    description="概述、主动公开、依申请公开、咨询和投诉、行政复议和行政诉讼、工作人员和费用支出、存在的主要问题及改进情况、其他需要报告的事项、附表",
)


@hookimpl
def gongkai_register_formats(register):
    register(LEGACY)


def part_list_problems(report: Report) -> list[Problem]:
    """The preamble's part list against the numbered headings: the count, then each name by position."""
    parts = listed_parts(report)
    if parts is None:
        return []
    numbered = [s for s in report.sections if s.number is not None]
    problems: list[Problem] = []
    where = report.ref(parts.keypath)
    if parts.stated_count is not None and parts.stated_count != len(parts.names):
        problems.append(
            warning(
                "legacy.part-count",
                f"导语说“共{chinese_number(parts.stated_count)}个部分”，但列出了{len(parts.names)}个",
                where,
                expected=len(parts.names),
                found=parts.stated_count,
            )
        )
    if len(parts.names) != len(numbered):
        problems.append(
            warning(
                "legacy.part-count",
                f"导语列出{len(parts.names)}个部分，正文有{len(numbered)}个编号部分",
                where,
                expected=len(numbered),
                found=len(parts.names),
            )
        )
    for name, instance in zip(parts.names, numbered, strict=False):
        heading = instance.data.get("heading") or instance.type.title
        if heading != name:
            label = chinese_number(instance.number or 0)
            problems.append(
                warning(
                    "legacy.part-heading",
                    f"第{label}部分标题“{heading}”与导语所列“{name}”不一致",
                    report.ref(f"{instance.key}.heading" if instance.data.get("heading") else instance.key),
                    expected=name,
                    found=heading,
                    details={"preamble": parts.keypath},
                )
            )
    return problems


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    if report.format.key != LEGACY.key:
        return []
    return part_list_problems(report)
