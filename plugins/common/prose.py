"""Reading the prose like an assessor: the number rules every format shares.

The format plugins know which quantity a phrase restates ("收到申请N件" → table 三, "主动公开…N条" → [active]);
what does not depend on the format lives here, so every format reads numbers the same way:

- **Rounding policy** (:func:`percent_verdict`): a typed percentage is compared at the precision typed, rounded
  half-up.  A value that is only the *truncated* figure (35/805 = 4.348 % written 4.34 %) is reported as a
  rounding slip (``prose.percent-rounding``, WARNING) in every format; any other difference is a mismatch.
- **Totals with their parts** (:func:`parts_exceeding_total`): "共X条，其中A条、B条……" — parts in the same unit,
  in the same sentence, that add up to more than the stated total (``prose.parts-sum``).  Fewer is not reported: a
  partial breakdown ("22条，其中线上15条") is common and not wrong.
- **Restatements** (:func:`restatements`): the phrase engine itself.  A format gives a list of (pattern, judge)
  pairs — "收到申请N件" → table 三's 一、本年新收, "当面申请N件" → the legacy channel count … — and the engine finds
  each literal number once (the first pattern that reads it wins; a number printed by a ``{reference}`` is never
  read) and asks the judge what the data says.  Both formats read their prose through it.
- **Shares** (:func:`shares_over_100`): a list of "占N%" in one sentence — shares of one whole — that adds up
  to more than 100 % beyond what rounding each share at its typed precision allows (``prose.shares-total``).
- **Year slips** (:func:`year_slips`): the data period stated for another year than the report's; the plan for the
  next year dated in the report year ("2024年，我局将……" in a 2024 report's improvement part).
- **Part lists** (:func:`part_list_problems`): "由……等N部分组成" / "共N个部分" against the parts printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from compiler.model.numbering import chinese_number, parse_chinese_number
from compiler.model.problems import Problem, warning
from compiler.model.report import Report


# ------------------------------------------------------------------------------------------------- percentages
@dataclass(frozen=True)
class PercentVerdict:
    ok: bool
    rounded: Decimal  # the right value at the precision typed
    truncated: bool  # the typed value is the truncated figure (a rounding slip, not a wrong number)
    places: int


def percent_verdict(part: Any, whole: Any, typed: str) -> PercentVerdict | None:
    """``typed`` (e.g. ``"4.34"``) against ``part / whole × 100`` at the precision typed; ``None`` if no base."""
    whole_d, part_d = Decimal(str(whole)), Decimal(str(part))
    if whole_d == 0:
        return None
    value = Decimal(typed)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    exact = part_d * 100 / whole_d
    step = Decimal(1).scaleb(-places)
    rounded = exact.quantize(step, rounding=ROUND_HALF_UP)
    truncated = exact.quantize(step, rounding=ROUND_DOWN)
    if value == rounded:
        return PercentVerdict(True, rounded, False, places)
    return PercentVerdict(False, rounded, value == truncated, places)


def rounding_problem(report: Report, keypath: str, phrase: str, typed: str, verdict: PercentVerdict) -> Problem:
    return warning(
        "prose.percent-rounding",
        f"“{phrase}”中的 {typed}% 是截断值，四舍五入保留{verdict.places}位小数应为 {verdict.rounded}%",
        report.ref(keypath),
        expected=f"{verdict.rounded}%",
        found=f"{typed}%",
    )


# ------------------------------------------------------------------------------------------- the phrase engine
Judge = Callable[[re.Match[str]], Any]


def restatements(
    text: str, spans: list[tuple[int, int, str]], rules: Iterable[tuple[re.Pattern[str], Judge]]
) -> Iterator[Any]:
    """Each literal number of ``text`` read by the first rule whose pattern (number in group ``n``) matches it.

    ``spans`` are the parts of the text a ``{reference}`` printed (never read: they come from the data).  The
    judge gets the match and returns a finding (anything but ``None``) when the number differs from the data.
    """
    used: list[tuple[int, int]] = [(s, e) for s, e, *_ in spans]
    for pattern, judge in rules:
        for m in pattern.finditer(text):
            start, end = m.span("n")
            if any(s < end and start < e for s, e in used):
                continue
            used.append((start, end))
            found = judge(m)
            if found is not None:
                yield found


def as_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


# ------------------------------------------------------------------------------------------------------ shares
_SHARE = re.compile(r"(?:占|占比为?|比例为|比重为)[^\d，。；%％]{0,10}?(?P<p>\d+(?:\.\d+)?)\s*[%％]")
_SHARE_SENTENCE = re.compile(r"[^。！？!?]+")


@dataclass(frozen=True)
class Shares:
    sentence: str
    typed: tuple[str, ...]
    added: Decimal
    slack: Decimal


_NEW_WHOLE = re.compile(r"共|总计|合计|累计|总数|办结|收到|受理|新收|答复")


def shares_over_100(text: str) -> Iterator[Shares]:
    """Lists of two or more "占N%" in one sentence whose sum exceeds 100 % by more than rounding allows.

    A list is the run of shares with no new whole named between two of them (共、合计、办结、收到…): "收到申请
    116件，其中自然人占74%，法人占26%；办结115件，占…60%" is two lists, 74 + 26 and 60."""
    for m in _SHARE_SENTENCE.finditer(text):
        sentence = m.group(0)
        lists: list[list[str]] = []
        end = None
        for share in _SHARE.finditer(sentence):
            if end is None or _NEW_WHOLE.search(sentence, end, share.start("p")):
                lists.append([])
            lists[-1].append(share.group("p"))
            end = share.end()
        for typed in lists:
            if len(typed) < 2:
                continue
            added = sum((Decimal(t) for t in typed), Decimal(0))
            slack = sum((Decimal(5).scaleb(-_decimals(t) - 1) for t in typed), Decimal(0))
            if added - 100 > slack:
                yield Shares(sentence.strip(), tuple(typed), added, slack)


def _decimals(typed: str) -> int:
    return len(typed.partition(".")[2])


def shares_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in shares_over_100(text):
            added = f"{found.added:f}"
            problems.append(
                warning(
                    "prose.shares-total",
                    f"“{_short(found.sentence)}”：所列占比{'、'.join(t + '%' for t in found.typed)}相加为{added}%，"
                    "超过100%；同一总数的各部分占比之和不能超过100%",
                    report.ref(keypath),
                    expected="≤ 100%",
                    found=f"{added}%",
                )
            )
    return problems


# ------------------------------------------------------------------------------------------ totals and parts
_UNITS = "条件项个人次篇期"
_TOTAL = re.compile(rf"(?:共|累计|合计|总计|总数)[^\d，。；]{{0,12}}?(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])")
_NUMBER_UNIT = re.compile(rf"(?P<n>\d+(?:,\d{{3}})*)(?P<u>[{_UNITS}])(?![\d%％])")


@dataclass(frozen=True)
class PartsSum:
    phrase: str
    total: int
    parts: tuple[int, ...]
    unit: str


def parts_exceeding_total(text: str, skip: list[tuple[int, int, str]] | None = None) -> Iterator[PartsSum]:
    """ "共X条，其中A条、B条……" where the parts (same unit, same sentence, after 其中) add up to more than X."""
    for sentence in _sentences(text):
        total = _TOTAL.search(sentence)
        if not total:
            continue
        rest = sentence[total.end() :]
        where = rest.find("其中")
        if where < 0 or where > 6:
            continue
        unit = total.group("u")
        parts = [
            int(m.group("n").replace(",", ""))
            for m in _NUMBER_UNIT.finditer(rest[where:])
            if m.group("u") == unit and not _in_brackets(rest[where:], m.start())
        ]
        stated = int(total.group("n").replace(",", ""))
        if len(parts) >= 2 and sum(parts) > stated:
            yield PartsSum(sentence.strip(), stated, tuple(parts), unit)


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("（", 0, pos) > text.rfind("）", 0, pos)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？])", text) if s.strip()]


def parts_problems(report: Report, texts: Iterator[tuple[str, str]]) -> list[Problem]:
    problems = []
    for keypath, text in texts:
        for found in parts_exceeding_total(text):
            added = sum(found.parts)
            problems.append(
                warning(
                    "prose.parts-sum",
                    f"“{_short(found.phrase)}”：其中各项相加为{added}{found.unit}，多于所说的共{found.total}{found.unit}",
                    report.ref(keypath),
                    expected=f"≤ {found.total}",
                    found=added,
                )
            )
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------------------------------- year slips
_PERIOD = re.compile(
    r"(?:统计期限|统计时限|统计期间|统计时间|统计范围|所列数据)[^。]{0,12}?(?:自|从|为)?\s*(\d{4})\s*年"
)
_PLAN = re.compile(r"(\d{4})年[^。；]{0,12}?(?:将|要|计划|拟)")


def year_slips(report: Report, texts: list[tuple[str, str]], plan_keys: tuple[str, ...]) -> list[Problem]:
    """The data period stated for another year; the next year's plan dated in the report year."""
    year = (report.data.get("report") or {}).get("year")
    if not isinstance(year, int):
        return []
    problems = []
    for keypath, text in texts:
        for m in _PERIOD.finditer(text):
            if int(m.group(1)) != year:
                problems.append(
                    warning(
                        "prose.year-slip",
                        f"统计期限写的是{m.group(1)}年，报告年度是{year}年",
                        report.ref(keypath),
                        expected=f"{year}年",
                        found=f"{m.group(1)}年",
                    )
                )
        if keypath.split(".")[0] in plan_keys:
            for m in _PLAN.finditer(text):
                if int(m.group(1)) == year and re.search(
                    r"下一步|下一年|明年|今后|改进|计划", text[: m.start()] or text
                ):
                    problems.append(
                        warning(
                            "prose.year-slip",
                            f"下一年度的工作安排写成了“{m.group(1)}年”（报告年度）",
                            report.ref(keypath),
                            expected=f"{year + 1}年",
                            found=f"{m.group(1)}年",
                        )
                    )
    return problems


def date_problems(report: Report) -> list[Problem]:
    """A 成文日期 before the end of the year the report covers."""
    data = report.data.get("report") or {}
    year, date = data.get("year"), data.get("date")
    if isinstance(year, int) and hasattr(date, "year") and (date.year, date.month, date.day) < (year, 12, 31):
        return [
            warning(
                "prose.year-slip",
                f"成文日期 {date.isoformat()} 早于报告年度{year}年结束",
                report.ref("report.date"),
                expected=f"{year + 1}年的日期",
                found=date.isoformat(),
            )
        ]
    return []


# -------------------------------------------------------------------------------------------------- part lists
_IGNORED = re.compile(r"[、，,和及与的\s（）()“”]|政府信息公开|工作")


def same_part(a: str, b: str) -> bool:
    return _IGNORED.sub("", a) == _IGNORED.sub("", b)


def part_list_problems(
    report: Report, prefix: str, official: dict[str, tuple[str, ...]] | None = None
) -> list[Problem]:
    """The preamble's part list against the numbered parts printed: the count, then each name by position
    (a name that is the printed heading, or one of ``official[key]``, up to 、和及的 and spacing, agrees)."""
    from plugins.common.preamble import listed_parts

    parts = listed_parts(report)
    if parts is None:
        return []
    numbered = [s for s in report.sections if s.number is not None]
    problems: list[Problem] = []
    where = report.ref(parts.keypath)
    if parts.stated_count is not None and parts.stated_count != len(parts.names):
        problems.append(
            warning(
                f"{prefix}.part-count",
                f"导语说共{chinese_number(parts.stated_count)}个部分，但列出了{len(parts.names)}个",
                where,
                expected=len(parts.names),
                found=parts.stated_count,
            )
        )
    elif len(parts.names) != len(numbered):
        problems.append(
            warning(
                f"{prefix}.part-count",
                f"导语列出{len(parts.names)}个部分，正文有{len(numbered)}个编号部分",
                where,
                expected=len(numbered),
                found=len(parts.names),
            )
        )
    for name, instance in zip(parts.names, numbered, strict=False):
        heading = instance.data.get("heading") or instance.type.title
        accepted = (heading, *(official or {}).get(instance.key, ()))
        if heading == name or (official is not None and any(same_part(name, a) for a in accepted)):
            continue
        problems.append(
            warning(
                f"{prefix}.part-heading",
                f"第{chinese_number(instance.number or 0)}部分标题“{heading}”与导语所列“{name}”不一致",
                report.ref(f"{instance.key}.heading" if instance.data.get("heading") else instance.key),
                expected=name,
                found=heading,
                details={"preamble": parts.keypath},
            )
        )
    problems += _unprinted_names(report, prefix, parts, len(numbered), official)
    return problems


def _unprinted_names(report: Report, prefix: str, parts: Any, printed: int, official: dict | None) -> list[Problem]:
    """A listed name with no printed part at its position (a truncated copy, a part left out) is compared with
    the format's own part at that position: its official title or a known variant ("行政机关" before a title is
    accepted).  Only when the list names as many parts as the format has, so positions line up."""
    if not official or len(parts.names) != len(official):
        return []
    wrong = []
    for position, (name, accepted) in enumerate(zip(parts.names, official.values(), strict=True), start=1):
        if position <= printed:
            continue  # compared with the printed part above
        if not any(same_part(name.removeprefix("行政机关"), a) for a in accepted):
            wrong.append((position, name, accepted[0]))
    if not wrong:
        return []
    said = "；".join(f"第{chinese_number(n)}部分“{name}”应为“{title}”" for n, name, title in wrong)
    return [
        warning(
            f"{prefix}.part-list-unofficial",
            f"导语所列部分名称不是格式规定的：{said}",
            report.ref(parts.keypath),
            expected="、".join(t for _, _, t in wrong),
            found="、".join(name for _, name, _ in wrong),
        )
    ]


__all__ = [
    "PercentVerdict",
    "as_number",
    "date_problems",
    "parse_chinese_number",
    "part_list_problems",
    "parts_exceeding_total",
    "parts_problems",
    "percent_verdict",
    "restatements",
    "rounding_problem",
    "shares_over_100",
    "shares_problems",
    "year_slips",
]
