"""五、存在的主要问题及改进情况 — narrative only (problems found, then what will be done)."""

from __future__ import annotations

from collections.abc import Callable

from compiler import hookimpl
from compiler.model.sections import SectionType
from plugins.gb2021.part import make_part
from plugins.gb2021.tables import VARIANTS


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    register(
        make_part(
            "issues",
            VARIANTS,
            text_example="本年度政府信息公开工作还存在一些不足：……。下一步，将……。",
            description="存在的主要问题及改进情况",
        )
    )
