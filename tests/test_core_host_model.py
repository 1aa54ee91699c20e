"""The plugin host and the report model, exercised with throwaway plugins (no built-in plugin involved:
the core knows nothing about government reports)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import tomli_w

from compiler import hookimpl
from compiler.build import check_report, report_blocks
from compiler.host import hookspecs
from compiler.host.manager import PluginHost
from compiler.model.document import Heading, Paragraph
from compiler.model.formats import Format
from compiler.model.narrative import NARRATIVE_FIELDS, narrative_blocks
from compiler.model.problems import ReportError, Severity
from compiler.model.report import load_report, run_checks
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType


def _build(ctx: SectionContext):
    return [ctx.heading(), *narrative_blocks(ctx)]


def _check(ctx: SectionContext):
    if ctx.data.get("count", 0) > 100:
        ctx.warning("demo.too-many", "数量过多", "count", expected="≤ 100", found=ctx.data["count"])
    return []


class DemoPlugin:
    @hookimpl
    def gongkai_register_formats(self, register):
        register(Format(key="demo", title="演示", sections=("first", "second")))

    @hookimpl
    def gongkai_register_sections(self, register):
        schema = Schema((Field("count", "count", example=1), *NARRATIVE_FIELDS))
        register(
            SectionType(
                "first",
                "第一部分",
                schema,
                build=_build,
                check=_check,
                formats=frozenset({"demo"}),
                required=True,
                derive=lambda ctx: {"double": ctx.data.get("count", 0) * 2},
            )
        )
        register(SectionType("second", "第二部分", Schema(NARRATIVE_FIELDS), build=_build, formats=frozenset({"demo"})))


def make_host(*plugins: tuple[object, str]) -> PluginHost:
    host = PluginHost()
    host.register(DemoPlugin(), "demo")
    for plugin, name in plugins:
        host.register(plugin, name)
    host.collect()
    return host


def write(tmp_path: Path, data: dict, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_sections_are_numbered_by_position_and_values_derived(tmp_path: Path):
    path = write(
        tmp_path,
        {
            "format": "demo",
            "first": {"count": 7, "text": "共{first.count}件，翻倍{first.double}件。"},
            "second": {"items": [{"heading": "小标题。", "text": "正文。"}]},
        },
    )
    report = load_report(path, make_host())
    assert [s.key for s in report.sections] == ["first", "second"]
    assert [s.number for s in report.sections] == [1, 2]
    blocks, problems = report_blocks(report)
    assert problems == []
    assert isinstance(blocks[0], Heading) and blocks[0].text == "一、第一部分"
    assert isinstance(blocks[1], Paragraph) and blocks[1].text == "共7件，翻倍14件。"
    assert blocks[2].text == "二、第二部分"
    assert blocks[3].text == "（一）小标题。正文。" and blocks[3].runs[0].role == "runin2"


def test_report_order_overrides_format_order(tmp_path: Path):
    path = write(tmp_path, {"format": "demo", "sections": ["second", "first"], "first": {}, "second": {"text": "x"}})
    report = load_report(path, make_host())
    assert [(s.key, s.number) for s in report.sections] == [("second", 1), ("first", 2)]


def test_unknown_key_missing_section_and_wrong_type_are_reported_with_lines(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text('format = "demo"\n[first]\ncout = 3\ntext = 5\n[secnd]\n', encoding="utf-8")
    report = load_report(path, make_host())
    by_rule = {p.rule: p for p in report.problems}
    assert "“count”" in by_rule["input.unknown-key"].message and by_rule["input.unknown-key"].source.line == 3
    assert by_rule["input.type"].source.keypath == "first.text" and by_rule["input.type"].source.line == 4
    unknown_section = next(p for p in report.problems if p.rule == "input.unknown-section")
    assert "second" in unknown_section.message and unknown_section.source.line == 5


def test_missing_required_part_is_a_warning(tmp_path: Path):
    """A report with fewer parts than its format is accepted; each missing part is named."""
    report = load_report(write(tmp_path, {"format": "demo", "second": {}}), make_host())
    assert report.errors == []
    assert [p.rule for p in report.problems] == ["input.missing-part"]


def test_unknown_key_does_not_hide_section_checks(tmp_path: Path):
    path = write(tmp_path, {"format": "demo", "first": {"count": 101, "cout": 1}})
    _, problems = check_report(path, make_host())
    assert {p.rule for p in problems} == {"input.unknown-key", "demo.too-many"}


def test_negative_count_is_an_error(tmp_path: Path):
    report = load_report(write(tmp_path, {"format": "demo", "first": {"count": -1}}), make_host())
    assert report.errors[0].rule == "input.negative"


def test_unknown_format_suggests(tmp_path: Path):
    with pytest.raises(ReportError) as info:
        load_report(write(tmp_path, {"format": "dem"}), make_host())
    assert "demo" in info.value.problems[0].message


def test_section_checks_and_reference_errors_reach_check(tmp_path: Path):
    path = write(tmp_path, {"format": "demo", "first": {"count": 101, "text": "{first.cont}"}})
    _, problems = check_report(path, make_host())
    rules = {p.rule for p in problems}
    assert rules == {"demo.too-many", "refs.invalid"}
    too_many = next(p for p in problems if p.rule == "demo.too-many")
    assert too_many.severity == Severity.WARNING and too_many.found == 101 and too_many.plugin == "demo"


def test_misspelled_hook_fails_loudly():
    class Typo:
        @hookimpl
        def gongkai_register_section(self, register):  # missing "s"
            pass

    host = PluginHost()
    host.register(Typo(), "typo")
    with pytest.raises(ReportError) as info:
        host.collect()
    assert info.value.problems[0].rule == "plugin.unknown-hook"
    assert "typo" in info.value.problems[0].message


def test_duplicate_section_names_both_plugins():
    class Again:
        @hookimpl
        def gongkai_register_sections(self, register):
            register(SectionType("first", "重复", formats=frozenset({"demo"})))

    with pytest.raises(ReportError) as info:
        make_host((Again(), "again"))
    message = info.value.problems[0].message
    assert "again" in message and "demo" in message


def test_plugin_that_raises_is_named(tmp_path: Path):
    class Broken:
        @hookimpl
        def gongkai_check(self, report):
            raise RuntimeError("boom")

    path = write(tmp_path, {"format": "demo", "first": {}})
    report = load_report(path, make_host((Broken(), "broken")))
    with pytest.raises(ReportError) as info:
        run_checks(report)
    assert "broken" in info.value.problems[0].message and "boom" in info.value.problems[0].message


def test_check_hook_must_return_problems(tmp_path: Path):
    class Wrong:
        @hookimpl
        def gongkai_check(self, report):
            return ["not a problem"]

    report = load_report(write(tmp_path, {"format": "demo", "first": {}}), make_host((Wrong(), "wrong")))
    with pytest.raises(ReportError) as info:
        run_checks(report)
    assert "wrong" in info.value.problems[0].message


def test_plugin_sections_are_placed_by_after_and_before():
    class Extra:
        @hookimpl
        def gongkai_register_sections(self, register):
            register(SectionType("zzz", "附加", formats=None, after="first"))
            register(SectionType("aaa", "前置", formats=None, before="first"))

    host = make_host((Extra(), "extra"))
    assert host.default_order("demo") == ["aaa", "first", "zzz", "second"]


def test_local_plugin_file_named_by_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GONGKAI_ALLOW_PLUGINS", "1")
    (tmp_path / "local_part.py").write_text(
        "from compiler import hookimpl\n"
        "from compiler.model.sections import SectionType\n"
        "@hookimpl\n"
        "def gongkai_register_sections(register):\n"
        "    register(SectionType('local', '本地部分', after='second', build=lambda ctx: [ctx.heading()]))\n",
        encoding="utf-8",
    )
    path = write(tmp_path, {"format": "demo", "plugins": ["local_part.py"], "first": {}, "local": {}})
    host = make_host()
    report = load_report(path, host)
    assert report.errors == []
    blocks, _ = report_blocks(report)
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["一、第一部分", "二、本地部分"]
    info = {row["name"]: row for row in host.describe()}
    assert info["file:local_part"]["origin"] == "file"
    assert info["file:local_part"]["sections"] == ["*:local"]


def test_missing_local_plugin_file(tmp_path: Path):
    path = write(tmp_path, {"format": "demo", "plugins": ["nope.py"], "first": {}})
    with pytest.raises(ReportError) as info:
        load_report(path, make_host())
    assert info.value.problems[0].rule == "plugin.missing-file"
    assert info.value.problems[0].source.keypath == "plugins[0]"


def test_every_hookspec_is_documented():
    for name in hookspecs.HOOK_NAMES:
        doc = getattr(hookspecs, name).__doc__ or ""
        for needed in ("When", "Returns", "Who wins"):
            assert needed in doc, f"{name} docstring lacks {needed!r}"
    declared = {n for n in dir(hookspecs) if n.startswith("gongkai_")}
    assert declared == set(hookspecs.HOOK_NAMES)


def test_describe_lists_hooks_per_plugin():
    rows = {row["name"]: row for row in make_host().describe()}
    assert rows["demo"]["hooks"] == ["gongkai_register_formats", "gongkai_register_sections"]
    assert rows["demo"]["formats"] == ["demo"]
    assert SimpleNamespace(**rows["demo"]).origin == "code"
