"""Titles of annual reports broken by meaning (GB/T 9704 §7.3.1), for organs of every level and length.

Each organ name below is written with "|" where a title line may end inside it: between the places of its
hierarchy and between an organ and its sub-organ, never inside a word (人民政府, 管理委员会, 办公室, 某某区税务局
…).  A name that fits a line stays whole; the year stays with its 年 or 年度; 政府信息公开工作年度报告 stays whole.
"""

from __future__ import annotations

import itertools

import pytest

from compiler.render.pdf.typeset.titlebreak import break_title

ORGANS = [
    # townships and streets
    "某某镇人民政府",
    "某某乡人民政府",
    "某某街道办事处",
    "某某省|某某市|某某县|某某镇人民政府",
    "某某省|某某市|某某区|某某街道办事处",
    "某某省|某某市|某某区|某某街道办事处|综合行政执法队",
    # counties and districts
    "某某县人民政府",
    "某某县人民政府办公室",
    "某某市|某某区人民政府办公室",
    "某某自治区|某某盟|某某旗人民政府办公室",
    "某某藏族羌族自治州|某某县人民政府办公室",
    "某某壮族自治区|某某市|某某区人民政府办公室",
    # cities and provinces
    "某某市人民政府",
    "某某自治州人民政府",
    "某某省人民政府办公厅",
    "某某自治区人民政府办公厅",
    "某某省人民政府|国有资产监督管理委员会",
    # zones
    "某某综合实验区管理委员会",
    "某某经济技术开发区管理委员会",
    "某某省|某某市|某某高新技术产业开发区管理委员会",
    "某某省|某某市|某某经济技术开发区|管理委员会办公室",
    # departments, long names
    "某某省发展和改革委员会",
    "某某省人力资源和社会保障厅",
    "某某省自然资源厅",
    "某某市住房和城乡建设局",
    "某某市市场监督管理局",
    "某某县市场监督管理局",
    "某某市科技局",
    "某某市卫生健康委员会",
    "某某市退役军人事务局",
    "某某市生态环境局|某某分局",
    "某某省|某某市生态环境局|某某分局",
    "某某省|某某市公安局|交通警察支队|某某大队",
    "某某省|某某市|某某县市场监督管理局|某某市场监督管理所",
    "国家税务总局|某某省|某某市|某某区税务局|第一税务分局",
]
YEARS = ["2023年", "2023年度"]
TAIL = "政府信息公开工作年度报告"
#: 2号 on the GB/T 9704 版心 (20 cells a line) and a narrower measure that makes the long names break.
WIDTHS = [20, 16]


def _cells(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _seams(marked: str) -> set[int]:
    """The character offsets (in the name without marks) where a line may end."""
    offsets = set()
    at = 0
    for piece in marked.split("|")[:-1]:
        at += len(piece)
        offsets.add(at)
    return offsets


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("marked", ORGANS)
def test_title_lines_end_only_between_words(marked: str, year: str, width: int) -> None:
    organ = marked.replace("|", "")
    title = organ + year + TAIL
    lines = break_title(title, width)
    assert "".join(lines) == title
    assert all(_cells(line) <= width for line in lines), lines
    assert all(len(line) >= 2 for line in lines), lines  # never a lone character
    breaks = set(itertools.accumulate(len(line) for line in lines[:-1]))
    inside = {b for b in breaks if b < len(organ)}
    if _cells(organ) <= width:
        assert not inside, f"{organ} fits a line but was broken: {lines}"
    else:
        assert inside <= _seams(marked), f"{lines} breaks {organ} inside a word"
    # the year with its 年/年度, and the report's name, each on one line
    assert any(year in line for line in lines), lines
    assert any(TAIL in line for line in lines), lines


@pytest.mark.parametrize("marked", [m for m in ORGANS if _cells(m.replace("|", "")) <= 20])
def test_a_name_that_fits_stays_on_the_first_line_and_the_year_begins_the_next(marked: str) -> None:
    organ = marked.replace("|", "")
    lines = break_title(f"{organ}2023年度{TAIL}", 20)
    assert lines == [organ, f"2023年度{TAIL}"]


def test_a_year_in_brackets_after_the_title_stays_in_its_brackets() -> None:
    """洪山区 2023 (held-out round 116): "洪山区人民政府信息公开工作年度报告（2023年度）" — the year read as the seam
    of an annual-report title put "（" at the end of the first line; the bracket stays whole, on the last line."""
    title = "洪山区人民政府信息公开工作年度报告（2023年度）"
    lines = break_title(title, 20)
    assert "".join(lines) == title
    assert lines[-1].endswith("（2023年度）")
    assert not any(line.endswith(("（", "(")) or line.startswith(("）", ")")) for line in lines), lines
