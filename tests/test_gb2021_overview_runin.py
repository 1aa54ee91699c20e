"""总体情况's sub-sections printed run in — "（一）主动公开情况。2024年，……" in one paragraph, as 苍溪县自然资源局 2024,
高港区沿江街道 2025 and fourteen more of the held-out rounds' page copies print them: ``heading_runin = true`` on the
sub-section prints the number, the heading and the text as one paragraph (its items still under it), the heading's
closing 。 is no slip, and an imported page that prints them so comes back so — from the PDF, the web page and Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from gb2021_support import problems_of, write_variant

from compiler.build import build
from compiler.importers.run import import_file
from tests.pdfread import read_pdf

RUN_IN = (
    "[overview.active]\n",
    '[overview.active]\nheading = "主动公开情况。"\nheading_runin = true\n',
)


def test_a_run_in_sub_section_is_printed_as_one_paragraph(tmp_path):
    path = write_variant(tmp_path, [RUN_IN])
    assert not [p for p in problems_of(path) if p.rule == "common.heading-punctuation"]
    out = tmp_path / "r.pdf"
    build(path, out)
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    assert any(ln.startswith("（一）主动公开情况。全年通过门户网站") for ln in lines), lines[:30]
    assert "（一）主动公开情况。" not in lines  # not a line of its own
    # its items stay numbered under it
    assert any(ln.startswith("1.") for ln in lines)


def test_a_sub_section_heading_on_its_own_line_with_a_full_stop_is_still_a_slip(tmp_path):
    own_line = (RUN_IN[0], '[overview.active]\nheading = "主动公开情况。"\n')
    found = [p for p in problems_of(write_variant(tmp_path, [own_line])) if p.rule == "common.heading-punctuation"]
    assert [p.source.keypath for p in found] == ["overview.active.heading"]


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_run_in_sub_section_comes_back_run_in(tmp_path, kind):
    path = write_variant(tmp_path, [RUN_IN])
    out = tmp_path / f"r.{kind}"
    build(path, out, to=[kind])
    active = import_file(Path(out)).result.data["overview"]["active"]
    assert active.get("heading_runin") is True and active["heading"] == "主动公开情况。"
    assert str(active["text"]).startswith("全年通过门户网站")
    # a heading on its own line does not come back run in
    plain = write_variant(tmp_path, [])
    build(plain, out, to=[kind])
    assert "heading_runin" not in import_file(Path(out)).result.data["overview"]["active"]


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_part_printed_without_its_number_comes_back_so(tmp_path, kind):
    """呼兰区孟家乡 2020: "总体情况" printed alone, no 一、 — ``number_as_printed = ""`` prints it so, and the import
    reads a part title printed alone where that part stands as the part, its number as printed kept."""
    bare = ("[overview]\n", '[overview]\nnumber_as_printed = ""\n')
    path = write_variant(tmp_path, [bare])
    out = tmp_path / f"r.{kind}"
    build(path, out, to=[kind])
    data = import_file(Path(out)).result.data
    assert data["overview"].get("number_as_printed") == ""
    assert "active" in data and "number_as_printed" not in data["active"]
