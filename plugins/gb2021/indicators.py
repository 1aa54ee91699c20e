"""The indicators assessors rank 2021/2019-format reports by, computed from tables 三 and 四.

- **实质公开率** (``disclosure_rate``): （一）予以公开 ＋ （二）部分公开, over the answers given in the year,
  三（七）总计 — the share of answered applications in which information was actually disclosed.  This is the
  definition third-party evaluators use ("(公开 + 部分公开) / 办结"); answers that could not disclose for any
  reason (不予公开, 无法提供, 不予处理, 其他处理) count against it.
- **行政复议纠错率** (``review_correction_rate``): 结果纠正 over the reviews decided (结果维持 ＋ 结果纠正 ＋
  其他结果; 尚未审结 is left out, since it has no result yet).
- **行政诉讼纠错率** (``litigation_correction_rate``): the same over lawsuits, 未经复议直接起诉 and 复议后起诉
  together.

A denominator of 0 gives no value ("—"), never 0 %.
"""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.indicators import Indicator
from compiler.model.report import Report
from plugins.gb2021.values import number

FORMATS = {"2021", "2019"}


def _decided(block: dict) -> float:
    return number(block.get("maintain")) + number(block.get("correct")) + number(block.get("other"))


@hookimpl
def gongkai_indicators(report: Report) -> list[Indicator] | None:
    if report.format.key not in FORMATS:
        return None
    total = (report.values.get("applications") or {}).get("total") or {}
    appeals = report.values.get("appeals") or {}
    review = appeals.get("review") or {}
    lawsuits = [appeals.get("litigation_direct") or {}, appeals.get("litigation_after_review") or {}]
    return [
        Indicator(
            "disclosure_rate",
            "实质公开率",
            number(total.get("granted")) + number(total.get("partial")),
            number(total.get("total_processed")),
            "（予以公开＋部分公开）÷ 办结总数（三（七）总计）",
        ),
        Indicator(
            "review_correction_rate",
            "行政复议纠错率",
            number(review.get("correct")),
            _decided(review),
            "结果纠正 ÷ 已审结（维持＋纠正＋其他结果）",
        ),
        Indicator(
            "litigation_correction_rate",
            "行政诉讼纠错率",
            sum(number(b.get("correct")) for b in lawsuits),
            sum(_decided(b) for b in lawsuits),
            "结果纠正 ÷ 已审结（直接起诉与复议后起诉合计）",
        ),
    ]
