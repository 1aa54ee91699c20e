"""Style sheets: the default, overlays, role inheritance, 号 sizes and validation messages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from compiler.model.problems import ReportError
from compiler.render.style import HAO_SIZES, load_style, parse_size

MM = 72 / 25.4


@pytest.fixture(autouse=True)
def _no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_SYSTEM_FONTS", "1")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(exc: pytest.ExceptionInfo[ReportError]) -> list:
    return exc.value.problems


def test_default_page_is_gbt9704() -> None:
    page = load_style().page
    assert (page.width, page.height) == pytest.approx((210 * MM, 297 * MM))
    assert page.top == pytest.approx(37 * MM) and page.left == pytest.approx(28 * MM)
    assert (page.body_width, page.body_height) == pytest.approx((156 * MM, 225 * MM))
    assert (page.lines, page.chars, page.line_pitch) == (22, 28, 29.61)
    assert page.char_pitch == pytest.approx(15.79, abs=0.01)


def test_default_roles_resolve_through_inheritance() -> None:
    sheet = load_style()
    body = sheet.role("body")
    assert (body.size, body.indent, body.align) == (16.0, 2.0, "justify")
    assert body.char_pitch == pytest.approx(15.79, abs=0.01)
    assert body.line_pitch == 29.61
    assert body.fonts.name == "fangsong"
    assert [sheet.role(f"heading{n}").fonts.name for n in (1, 2, 3, 4)] == ["hei", "kai", "fangsong", "fangsong"]
    assert sheet.role("heading2").keep_with_next and sheet.role("heading2").indent == 2.0  # inherited
    assert [sheet.role(r).fonts.name for r in ("runin2", "runin3")] == ["kai", "fangsong"]
    title = sheet.role("title")
    assert (title.size, title.char_pitch, title.align, title.indent) == (22.0, 22.0, "center", 0.0)
    assert title.fonts.name == "xbsong"
    cell = sheet.role("table-cell")
    assert (cell.size, cell.char_pitch) == (10.5, 10.5) and cell.line_pitch == pytest.approx(13.65)
    assert sheet.role("attachment-label").fonts.name == "hei"
    assert sheet.table.rule_width == 0.5


def test_page_numbers_section() -> None:
    numbers = load_style().page_numbers
    assert numbers.format == "— {n} —"
    assert numbers.style.size == 14.0 and numbers.style.fonts.name == "song"
    assert numbers.gap == pytest.approx(7 * MM)
    assert (numbers.odd, numbers.even, numbers.inset) == ("right", "left", 14.0)


@pytest.mark.parametrize(
    ("value", "points"),
    [
        ("三号", 16),
        ("3号", 16),
        ("二号", 22),
        ("2号", 22),
        ("四号", 14),
        ("小四", 12),
        ("小4号", 12),
        ("五号", 10.5),
        ("初号", 42),
        ("小初", 36),
        (15, 15),
        (10.5, 10.5),
        ("12pt", 12),
    ],
)
def test_hao_sizes(value: str | float, points: float) -> None:
    assert parse_size(value) == points


def test_every_hao_name_parses() -> None:
    assert all(parse_size(name) == pt for name, pt in HAO_SIZES.items())
    with pytest.raises(ValueError):
        parse_size("九号")


def test_word_pitch_overlay_changes_only_the_line_pitch() -> None:
    sheet = load_style("word-pitch")
    assert [p.name for p in sheet.sources] == ["gbt9704.toml", "word-pitch.toml"]
    assert sheet.page.line_pitch == 28.95
    assert sheet.role("body").line_pitch == 28.95  # "grid" follows the page
    assert sheet.page.top == pytest.approx(37 * MM)


def test_bold_headings_overlay() -> None:
    sheet = load_style(overlays=["bold-headings"])
    assert [sheet.role(f"heading{n}").bold for n in (1, 2, 3, 4)] == [False, True, True, False]
    assert sheet.role("runin2").bold and not sheet.role("body").bold
    assert not load_style().role("heading2").bold


def test_overlay_chain_relative_to_report_folder(tmp_path: Path) -> None:
    write(tmp_path / "office.toml", 'parent = "gbt9704"\n[roles.body]\nsize = "小三"\n[page]\nlines = 21\n')
    write(tmp_path / "mine.toml", 'parent = "office.toml"\n[roles.heading1]\nfont = "kai"\n')
    sheet = load_style("mine.toml", base_dir=tmp_path)
    assert [p.name for p in sheet.sources] == ["gbt9704.toml", "office.toml", "mine.toml"]
    assert sheet.role("body").size == 15.0
    assert sheet.role("heading1").size == 15.0  # inherits the overlay's body size
    assert sheet.role("heading1").fonts.name == "kai"
    assert sheet.page.lines == 21 and sheet.page.chars == 28


def test_unknown_key_names_file_keypath_line_and_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path / "typo.toml", 'parent = "gbt9704"\n\n[roles.body]\nsise = "三号"\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    (problem,) = problems_of(exc)
    assert problem.rule == "style.unknown-key"
    assert problem.source.file == path.resolve()
    assert problem.source.keypath == "roles.body.sise"
    assert problem.source.line == 4
    assert "size" in problem.message


def test_unknown_section_is_suggested(tmp_path: Path) -> None:
    path = write(tmp_path / "typo.toml", 'parent = "gbt9704"\n[pgae]\nlines = 20\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert "page" in problems_of(exc)[0].message and problems_of(exc)[0].source.keypath == "pgae"


def test_wrong_types_are_reported_together(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.toml",
        'parent = "gbt9704"\n[page]\nlines = "22"\n[roles.body]\nsize = "大号"\nalign = "centre"\n',
    )
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert sorted(p.source.keypath for p in problems_of(exc)) == ["page.lines", "roles.body.align", "roles.body.size"]
    assert all(p.rule == "style.type" for p in problems_of(exc))


def test_unknown_role_parent_and_role_cycles(tmp_path: Path) -> None:
    path = write(tmp_path / "p.toml", 'parent = "gbt9704"\n[roles.memo]\nparent = "bdy"\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert problems_of(exc)[0].rule == "style.unknown-parent" and "body" in problems_of(exc)[0].message
    path = write(tmp_path / "c.toml", 'parent = "gbt9704"\n[roles.a]\nparent = "b"\n[roles.b]\nparent = "a"\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert {p.rule for p in problems_of(exc)} == {"style.role-cycle"}


def test_file_parent_cycle_and_missing_parent(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", 'parent = "b.toml"\n')
    write(tmp_path / "b.toml", 'parent = "a.toml"\n')
    with pytest.raises(ReportError) as exc:
        load_style("a.toml", base_dir=tmp_path)
    assert problems_of(exc)[0].rule == "style.parent-cycle"
    with pytest.raises(ReportError) as exc:
        load_style("gbt9705")
    assert problems_of(exc)[0].rule == "style.not-found" and "gbt9704" in problems_of(exc)[0].message


def test_unknown_font_and_unknown_role(tmp_path: Path) -> None:
    path = write(tmp_path / "f.toml", 'parent = "gbt9704"\n[roles.body]\nfont = "fangsung"\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert problems_of(exc)[0].rule == "style.unknown-font" and "fangsong" in problems_of(exc)[0].message
    with pytest.raises(ReportError) as exc:
        load_style().role("heading")
    assert problems_of(exc)[0].rule == "style.unknown-role" and "是否想写 heading" in problems_of(exc)[0].message


def test_print_style_is_resolved_toml() -> None:
    sheet = load_style("word-pitch")
    data = tomllib.loads(sheet.to_toml())
    assert data["sources"][-1].endswith("word-pitch.toml")
    assert data["page"]["line_pitch_pt"] == 28.95
    body = data["roles"]["body"]
    assert body["size"] == 16.0 and body["line_pitch"] == 28.95 and body["font"] == "fangsong"
    assert body["char_pitch"] == pytest.approx(15.79, abs=0.01)
    assert data["roles"]["heading2"]["font"] == "kai" and "parent" not in data["roles"]["heading2"]
    assert set(data["roles"]) == set(sheet.roles)


def test_the_imprint_rules_are_style_data(tmp_path: Path) -> None:
    """The 版记's rule widths come from the sheet ([imprint], GB/T 9704 §7.4.1's 0.35 mm and 0.25 mm by default); a
    misspelt key there is named like any other."""
    assert round(load_style().imprint.outer / MM, 2) == 0.35 and round(load_style().imprint.inner / MM, 2) == 0.25
    thin = write(tmp_path / "thin.toml", 'parent = "gbt9704"\n[imprint]\nrule_outer_mm = 0.5\n')
    assert round(load_style(thin).imprint.outer / MM, 2) == 0.5
    path = write(tmp_path / "typo.toml", 'parent = "gbt9704"\n[imprint]\nrule_outter_mm = 0.5\n')
    with pytest.raises(ReportError) as exc:
        load_style(path)
    (problem,) = problems_of(exc)
    assert problem.rule == "style.unknown-key" and problem.source.keypath == "imprint.rule_outter_mm"
