"""七、存在的主要问题及改进情况 — narrative only (problems found, then numbered improvements)."""

from __future__ import annotations

from compiler import hookimpl
from plugins.legacy.part import part


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "issues",
            "存在的主要问题及改进情况",
            description="工作中存在的主要问题与下一步改进措施",
            text_example="政府信息公开工作还存在一些不足。",
        )
    )
