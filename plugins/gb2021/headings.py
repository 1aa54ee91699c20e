"""The six part headings: official wording, in the official order.

The core lets any part override its heading (``heading = "…"``).  The format fixes the six titles, so an override
is reported: a wording seen in practice (e.g. "存在的主要问题及整改措施") as a known variant, anything else as
non-official — both WARNINGs, since the content is still in the right place.  A heading typed with its own number
("五、…") would print twice-numbered.  A part out of its official position gets a wrong number: an ERROR.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from compiler.model.numbering import label
from compiler.model.problems import Problem, Severity
from compiler.model.report import Report
from plugins.gb2021.tables import PART_TITLES, PART_VARIANTS

Make = Callable[..., Problem]
_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*")


def heading_problems(report: Report, make: Make) -> list[Problem]:
    problems: list[Problem] = []
    order = list(PART_TITLES)
    for instance in report.sections:
        key = instance.key
        if key not in PART_TITLES:
            continue
        official = PART_TITLES[key]
        position = order.index(key) + 1
        if instance.number is not None and instance.number != position:
            problems.append(
                make(
                    Severity.ERROR,
                    "gb2021.part-order",
                    f"“{official}”按格式应为第{label('一、', position)[:-1]}部分，现排在第"
                    f"{label('一、', instance.number)[:-1]}部分（请检查 sections 列表）",
                    key,
                    expected=label("一、", position) + official,
                    found=label("一、", instance.number) + official,
                )
            )
        heading = instance.data.get("heading")
        if not isinstance(heading, str):
            continue
        printed = instance.number if instance.number is not None else position  # the number the heading has
        text = heading.strip()
        typed_number = _NUMBER.match(text)
        if typed_number:
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.heading.numbered",
                    f"标题“{heading}”自带编号；编号由位置自动生成，会排成“{label('一、', printed)}{heading}”",
                    f"{key}.heading",
                    expected=text[typed_number.end() :],
                    found=heading,
                )
            )
            text = text[typed_number.end() :]
        if text == official:
            continue
        if text in PART_VARIANTS.get(key, ()):
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.heading.variant",
                    f"第{label('一、', printed)[:-1]}部分标题“{text}”是常见的非规范写法，格式规定为“{official}”",
                    f"{key}.heading",
                    expected=official,
                    found=text,
                )
            )
        else:
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.heading.unofficial",
                    f"第{label('一、', printed)[:-1]}部分标题“{text}”不是格式规定的标题“{official}”",
                    f"{key}.heading",
                    expected=official,
                    found=text,
                )
            )
    return problems
