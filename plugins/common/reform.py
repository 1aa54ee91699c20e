"""Organs a reform abolished and campaigns that have ended, named in a report written after them (``reform.toml``
beside this module).

``common.abolished-organ`` (WARNING): a report for 2019 or later naming a local organ by its name from before
the 2018 reform of government organs ("县国土资源局" in 安福县's 2020 report: by then 自然资源局).  Not
reported: a name after 原 (the old body itself), inside a book title (a document it once issued), or the
report's own organ name holding the old name.  Each old name is reported once, where it first appears.

``common.anachronistic-organ`` (WARNING): the converse — a report for a year before the reform naming an organ by
a name the reform created (慈溪市's 2016 report titled "慈溪市卫生健康局", its text "卫生计生局": the title was most
likely rewritten when the portal moved); the title and the organ are read as well as the text.

``common.ended-campaign`` (WARNING): a report for a year two or more years after a campaign ended naming it
("以创先争优活动为契机" in 凤阳县交通运输局's 2016 report; the campaign ended in 2012): text carried over from an old
report.  The year right after the campaign may still tell its results.

``common.superseded-wording`` (WARNING): a report for 2019 or later quoting the 2007 条例 in words its 2019 revision
replaced ("严格按照‘公正、公平、便民’的总体原则" in 平塘县大塘镇's 2020 report; the revised article 5 adds 合法).
Each old wording is reported once, where it first appears; inside a book title it is not.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.report import report_year
from plugins.common.texts import in_title, narrative_strings

TABLE = Path(__file__).with_name("reform.toml")


@dataclass(frozen=True)
class Abolished:
    old: str
    new: str
    since: int


@cache
def _data() -> dict[str, Any]:
    """reform.toml, read once for the three tables below."""
    return tomllib.loads(TABLE.read_text(encoding="utf-8"))


@cache
def _table() -> tuple[Abolished, ...]:
    organs = _data()["organ"]
    return tuple(Abolished(old, entry["new"], int(entry["since"])) for entry in organs for old in entry["old"])


@cache
def _campaigns() -> tuple[tuple[str, int], ...]:
    return tuple((name, int(entry["until"])) for entry in _data().get("campaign", []) for name in entry["name"])


@cache
def _new_names() -> tuple[tuple[str, int], ...]:
    return tuple((name, int(entry["since"])) for entry in _data().get("new_name", []) for name in entry["name"])


def anachronistic_organ_problems(report: Report) -> list[Problem]:
    meta = report.data.get("report") or {}
    year = report_year(report.data)
    if year is None:
        return []
    own = [(f"report.{key}", meta[key]) for key in ("organ", "title") if isinstance(meta.get(key), str)]
    for name, since in _new_names():
        if year >= since:
            continue
        for keypath, text in (*own, *narrative_strings(report)):
            if name in text:
                return [
                    warning(
                        "common.anachronistic-organ",
                        f"{year}年的报告写“{name}”：这个机构名称是2018年机构改革后才有的，{year}年时还不叫这个名字",
                        report.ref(keypath),
                        expected=f"{year}年时的机构名称",
                        found=name,
                    )
                ]
    return []


@cache
def _wordings() -> tuple[tuple[str, str, int, str], ...]:
    """(old wording, new wording, first report year it is out of date for, why) of each [[wording]]."""
    entries = _data().get("wording", [])
    return tuple((old, entry["new"], int(entry["since"]), entry["why"]) for entry in entries for old in entry["old"])


def superseded_wording_problems(report: Report) -> list[Problem]:
    year = report_year(report.data)
    if year is None:
        return []
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        for old, new, since, why in _wordings():
            at = text.find(old)
            if year < since or new in seen or at < 0 or in_title(text, at):
                continue
            seen.add(new)
            problems.append(
                warning(
                    "common.superseded-wording",
                    f"{year}年的报告写“{old}”：{why}",
                    report.ref(keypath),
                    expected=new,
                    found=old,
                )
            )
    return problems


def ended_campaign_problems(report: Report) -> list[Problem]:
    year = report_year(report.data)
    if year is None:
        return []
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        for name, until in _campaigns():
            if year >= until + 2 and name in text and name not in seen:
                seen.add(name)
                problems.append(
                    warning(
                        "common.ended-campaign",
                        f"{year}年的报告还写“{name}”：这项活动{until}年已经结束，像是照抄了旧年的报告",
                        report.ref(keypath),
                        expected=f"{year}年的工作",
                        found=name,
                    )
                )
    return problems


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted((a.old for a in _table()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def abolished_organ_problems(report: Report) -> list[Problem]:
    meta = report.data.get("report") or {}
    year, organ = report_year(report.data), str(meta.get("organ") or "")
    if year is None:
        return []
    by_old = {a.old: a for a in _table()}
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        for m in _pattern().finditer(text):
            entry = by_old[m[0]]
            if year < entry.since or entry.old in organ or entry.old in seen:
                continue
            if text[max(0, m.start() - 4) : m.start()].find("原") >= 0 or in_title(text, m.start()):
                continue
            seen.add(entry.old)
            problems.append(
                warning(
                    "common.abolished-organ",
                    f"{year}年的报告写“{m[0]}”：2018年机构改革后（地方于2019年3月底前完成）已改为{entry.new}",
                    report.ref(keypath),
                    expected=entry.new,
                    found=m[0],
                )
            )
    return problems
