"""The formats ``2021`` (国办公开办函〔2021〕30号) and ``2019`` (the trial format of 国办公开办函〔2019〕60号).

Both have the same six parts in the same order; they differ only in tables 二 and 三 (see
:mod:`plugins.gb2021.tables`).  ``preamble`` and ``signature`` are the shared front and back matter other plugins
provide; a format lists them so a report gets them in the customary place.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import hookimpl
from compiler.model.formats import Format
from plugins.gb2021.names import FORMAT_TITLES, PART_TITLES

SECTION_ORDER: tuple[str, ...] = ("report", "preamble", *PART_TITLES, "signature")
FORMAT_KEYS = frozenset(FORMAT_TITLES)
#: the report years each format served: the trial format (国办公开办函〔2019〕60号) the 2019 and 2020 reports, the 2021
#: format (国办公开办函〔2021〕30号) every report from the 2021 one on
YEARS: dict[str, tuple[int, int | None]] = {"2019": (2019, 2020), "2021": (2021, None)}


def _format(key: str) -> Format:
    parts = "、".join(PART_TITLES.values())
    return Format(
        key=key,
        title=f"中华人民共和国政府信息公开工作年度报告格式（{FORMAT_TITLES[key]}）",
        sections=SECTION_ORDER,
        description=f"六部分：{parts}；表二、表三、表四按格式绘制",
        years=YEARS[key],
    )


@hookimpl
def gongkai_register_formats(register: Callable[[Format], None]) -> None:
    for key in sorted(FORMAT_TITLES):
        register(_format(key))
