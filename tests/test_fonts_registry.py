"""The font registry: per-character fallback, preferred originals, CFF rejection, coverage problems."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from compiler.files.resources import data_dir
from compiler.model.document import Cell as TableCell
from compiler.model.document import Heading, Paragraph, Run, Signature, SourceRef, Table, Title
from compiler.model.problems import ReportError, Severity
from compiler.render.pdf.typeset import fonts as fonts_module
from compiler.render.pdf.typeset.fonts import FontRegistry, check_coverage
from compiler.render.style import load_style

SHIPPED = data_dir("fonts")
FANGSONG = SHIPPED / "GongkaiFangSong-Regular.ttf"
KAI = SHIPPED / "GongkaiKai-Regular.ttf"
SONG = SHIPPED / "GongkaiSong-Regular.ttf"


@pytest.fixture(autouse=True)
def _no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_SYSTEM_FONTS", "1")


@pytest.fixture
def registry() -> FontRegistry:
    return FontRegistry(load_style().fonts_config)


def glyphs_of(path: Path) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(path)).charToGlyph)


@pytest.mark.parametrize(("rare", "face"), [("堃", "GongkaiSong-Regular"), ("𠮷", "GongkaiSongExt-Regular")])
def test_rare_character_falls_back_to_song(registry: FontRegistry, rare: str, face: str) -> None:
    assert ord(rare) not in glyphs_of(FANGSONG), "the test needs a character the FangSong face lacks"
    chain = registry.chain("fangsong")
    assert chain.font_for(rare) == face
    assert chain.font_for("中") == "GongkaiFangSong-Regular"
    assert chain.advance(face, rare, 16) == pytest.approx(16, abs=0.5)
    assert chain.missing({"中", rare, "\ue000"}) == {"\ue000"}


def test_ordinary_text_never_loads_the_rare_face(registry: FontRegistry) -> None:
    chain = registry.chain("fangsong")
    assert [m.path.name for m in chain.members] == [
        "GongkaiFangSong-Regular.ttf",
        "GongkaiSong-Regular.ttf",
        "GongkaiSongExt-Regular.ttf",
    ]
    text = "南江县人民政府2018年政府信息公开工作年度报告：堃、镕、赟。"  # 堃镕赟: not in FandolFang
    assert chain.missing(set(text)) == set()
    assert {chain.font_for(c) for c in text} == {"GongkaiFangSong-Regular", "GongkaiSong-Regular"}
    assert chain.members[2].loaded is None
    assert chain.missing({"𠮷"}) == set() and chain.members[2].loaded is not None


def test_preload_parses_what_ordinary_text_needs_and_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    registered: list[str] = []
    real = fonts_module._register

    def spy(path: Path, index: int):
        registered.append(path.name)
        return real(path, index)

    monkeypatch.setattr(fonts_module, "_register", spy)
    FontRegistry(load_style().fonts_config).preload()
    assert "GongkaiSongExt-Regular.ttf" not in registered
    assert {"GongkaiFangSong-Regular.ttf", "GongkaiSong-Regular.ttf", "GongkaiKai-Regular.ttf"} <= set(registered)


def test_a_character_mapped_to_glyph_zero_counts_as_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A cmap entry pointing at .notdef would print an empty box: such a character must fall through the
    chain to the next font (or be reported missing), never be drawn from that font."""
    import shutil

    from compiler.render.pdf.typeset.fontfacts import CachedFace

    copy = tmp_path / "notdef-kai.ttf"  # a copy: its own file, its own registered name
    shutil.copyfile(KAI, copy)
    real = CachedFace.extractInfo

    def with_notdef_entry(self, *args, **kwargs):  # the parsed cmap, as a broken font gives it
        real(self, *args, **kwargs)
        if self.filename.endswith("notdef-kai.ttf"):
            self.charToGlyph[ord("中")] = 0

    monkeypatch.setattr(CachedFace, "extractInfo", with_notdef_entry)
    chain = FontRegistry({"kai": [str(copy), str(SONG)]}).chain("kai")
    assert chain.font_for("国").startswith("notdef-kai")
    assert chain.font_for("中") == "GongkaiSong-Regular"
    alone = FontRegistry({"kai": [str(copy)]}).chain("kai")
    assert alone.missing({"中", "国"}) == {"中"}


def test_chain_registers_fonts_lazily_and_once(registry: FontRegistry) -> None:
    chain = registry.chain("kai")
    assert all(m.loaded is None for m in chain.members)
    chain.font_for("中")  # the first member has it: the fallback is not loaded
    assert chain.members[0].loaded is not None and chain.members[1].loaded is None
    loaded_before = dict(fonts_module._LOADED)
    again = FontRegistry(load_style().fonts_config).chain("kai")
    assert again.font_for("中") == chain.font_for("中")
    assert loaded_before == fonts_module._LOADED  # no second registration of the same file


def test_preferred_original_found_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "simfang.ttf").symlink_to(KAI)  # any TrueType file stands in for the licensed original
    registry = FontRegistry(load_style().fonts_config, [tmp_path])
    chain = registry.chain("fangsong")
    assert chain.members[0].path == tmp_path / "simfang.ttf"
    assert "preferred original" in chain.members[0].why
    assert [m.path.name for m in chain.members[1:]] == [
        "GongkaiFangSong-Regular.ttf",
        "GongkaiSong-Regular.ttf",
        "GongkaiSongExt-Regular.ttf",
    ]
    report = {entry["font"]: entry for entry in registry.report()}
    assert report["fangsong"]["chain"][0]["file"].endswith("simfang.ttf")
    assert report["fangsong"]["chain"][1]["why"] == "shipped default"


def test_preferred_original_found_by_family_name(tmp_path: Path) -> None:
    (tmp_path / "renamed-by-user.ttf").symlink_to(KAI)
    config = load_style().fonts_config
    config["prefer"] = {"fangsong": ["Gongkai Kai"]}  # the family name inside the file, not its file name
    chain = FontRegistry(config, [tmp_path]).chain("fangsong")
    assert chain.members[0].path.name == "renamed-by-user.ttf"


def test_system_fonts_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(fonts_module, "system_font_dirs", lambda: calls.append(1) or [])
    FontRegistry(load_style().fonts_config).chain("hei")
    assert calls == []
    monkeypatch.setenv("GONGKAI_NO_SYSTEM_FONTS", "0")
    FontRegistry(load_style().fonts_config).chain("hei")
    assert calls == [1]


def fake_cff_font(path: Path) -> Path:
    """An OpenType file with a CFF table: enough header for the table directory to say so."""
    header = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0)
    record = b"CFF " + struct.pack(">III", 0, 28, 4)
    path.write_bytes(header + record + b"\0\0\0\0")
    return path


def test_cff_fonts_are_rejected_with_a_clear_message(tmp_path: Path) -> None:
    cff = fake_cff_font(tmp_path / "NotoSerifCJK-Regular.otf")
    chain = FontRegistry({"fangsong": [str(cff)]}).chain("fangsong")
    with pytest.raises(ReportError) as exc:
        chain.font_for("中")
    assert exc.value.problems[0].rule == "font.cff"
    assert "CFF" in exc.value.problems[0].message and "TrueType" in exc.value.problems[0].message


def test_cff_preferred_original_is_skipped(tmp_path: Path) -> None:
    fake_cff_font(tmp_path / "simhei.otf")
    config = load_style().fonts_config
    config["prefer"] = {"hei": ["simhei.otf"]}
    registry = FontRegistry(config, [tmp_path])
    assert registry.chain("hei").members[0].path.name == "GongkaiHei-Regular.ttf"
    assert any("CFF" in note for note in registry.report()[2]["notes"])


def test_missing_font_files_are_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as exc:
        FontRegistry({"fangsong": ["NoSuch.ttf"]}, shipped_dir=tmp_path).chain("fangsong")
    assert "NoSuch.ttf" in exc.value.problems[0].message


def test_check_coverage_names_character_role_source_and_count(registry: FontRegistry) -> None:
    sheet = load_style()
    where = SourceRef(Path("report.toml"), "overview.text", 12)
    blocks = [
        Title("某县人民政府2024年政府信息公开工作年度报告"),
        Heading("一、总体情况"),
        Paragraph([Run("（一）主动公开", "runin2"), Run("张堃同志\ue000负责，\ue000。")], source=where),
        Paragraph([Run("第二段\ue000")], source=SourceRef(Path("report.toml"), "other", 20)),
        Signature("某县人民政府办公室", "2025年1月20日"),
        Table(
            [[TableCell("项目"), TableCell("数量")], [TableCell("申请\ue001"), TableCell("3")]], [1, 1], header_rows=1
        ),
    ]
    problems = check_coverage(blocks, sheet, registry)
    assert [p.details["codepoint"] for p in problems] == ["U+E000", "U+E001"]
    first = problems[0]
    assert first.severity == Severity.ERROR and first.rule == "font.missing-glyph"
    assert "U+E000" in first.message and "body" in first.message
    assert first.source == where
    assert first.details["count"] == 3
    assert problems[1].details["role"] == "table-cell"


def test_check_coverage_is_clean_for_ordinary_text(registry: FontRegistry) -> None:
    sheet = load_style()
    text = "本报告根据《中华人民共和国政府信息公开条例》编制，数据统计期限自2024年1月1日起。“放管服”改革"
    assert check_coverage([Paragraph([Run(text)]), Heading(text, "heading2")], sheet, registry) == []
