"""The names of the national formats and of their six parts — what the format plugin needs to register the
formats, kept apart from the tables (:mod:`plugins.gb2021.tables`) so that a report of another format, which
loads every format plugin, does not import the tables' descriptions.
"""

from __future__ import annotations

#: Section key → official part title (without its number) — identical in the 2019 and 2021 formats.
PART_TITLES: dict[str, str] = {
    "overview": "总体情况",
    "active": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "appeals": "政府信息公开行政复议、行政诉讼情况",
    "issues": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
}

#: Wordings seen in published reports that are close to the official title: accepted with a warning.
PART_VARIANTS: dict[str, tuple[str, ...]] = {
    "overview": ("总体概况", "基本情况", "概述", "总体工作情况"),
    "active": ("主动公开政府信息情况统计", "主动公开情况"),
    "applications": ("收到和处理政府信息公开申请的情况", "依申请公开政府信息情况", "依申请公开情况"),
    "appeals": ("因政府信息公开工作被申请行政复议、提起行政诉讼的情况", "政府信息公开行政复议、行政诉讼的情况"),
    "issues": (
        "存在的主要问题及整改措施",
        "存在的主要问题及改进措施",
        "存在的主要问题及改进情况和措施",
        "政府信息公开工作存在的主要问题及改进情况",
    ),
    "other": ("其他需要报告的事项情况", "其他事项"),
}

#: Words that tell which part a name in the preamble's list is, however it is worded ("政府信息依申请公开办理情况",
#: "因政府信息公开申请行政复议、提起行政诉讼的情况" in 鄂尔多斯市生态环境局 2020's list): for telling which parts a
#: list leaves out, not for judging the names (the heading checks do that against the titles above).
PART_KEYWORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "概述", "概况", "基本情况"),
    "active": ("主动公开",),
    "applications": ("依申请", "公开申请"),
    "appeals": ("复议", "诉讼"),
    "issues": ("问题", "改进", "不足"),
    "other": ("其他",),
}

#: Format key → the document that defines it (the 2019 format was a trial).
FORMAT_TITLES: dict[str, str] = {
    "2021": "国办公开办函〔2021〕30号",
    "2019": "国办公开办函〔2019〕60号（试行）",
}
