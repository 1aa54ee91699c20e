"""Format families (compiler.host.manager): the members of a family (``<family>-…`` entry points beside a
``<family>-format`` one) are loaded only for a report of the family's formats, yet listed by ``gongkai plugins``
and loaded before a batch forks; what a report contains never depends on what was loaded before it."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compiler.build import check_report
from compiler.host import manager
from compiler.host.entrypoints import EntryPoint
from compiler.host.manager import PluginHost, family_of
from compiler.model.problems import ReportError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nanjiang-2018" / "report.toml"
REPORT_2021 = ROOT / "examples" / "qinglan-data-2024" / "report.toml"


def test_family_of_names() -> None:
    assert family_of("legacy-active") == "legacy"
    assert family_of("gb2021-format") == "gb2021"
    assert family_of("acme") is None
    assert family_of("-x") is None


def test_a_legacy_build_imports_no_plugin_of_the_2021_family(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from compiler.build import build
        build(Path({str(SEED)!r}), Path({str(tmp_path / "seed.pdf")!r}))
        print(sorted(m for m in sys.modules if m.startswith("plugins.")))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    loaded = eval(out)
    assert "plugins.legacy.active" in loaded
    # the family's -format plugin is loaded (it says which formats the family serves), its members are not
    assert "plugins.gb2021.format" in loaded
    assert not [
        m for m in loaded if m in {"plugins.gb2021.active", "plugins.gb2021.checks", "plugins.gb2021.indicators"}
    ]


def test_gongkai_plugins_still_lists_every_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "compiler", "plugins"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    for ep in importlib.metadata.entry_points(group="gongkai"):
        assert f"{ep.name}  [" in out


def test_order_of_reports_does_not_change_their_problems() -> None:
    alone = manager.fresh_host()
    expected = [p.format() for p in check_report(REPORT_2021, alone)[1]]
    shared = manager.fresh_host()
    check_report(SEED, shared)  # the legacy family first: the 2021 one is loaded only now
    assert "gb2021-checks" not in shared.info
    assert [p.format() for p in check_report(REPORT_2021, shared)[1]] == expected
    assert "gb2021-checks" in shared.info


# -- a made-up family ------------------------------------------------------------------------------------------


FORMAT_MODULE = """
from compiler import hookimpl
from compiler.model.formats import Format

@hookimpl
def gongkai_register_formats(register):
    register(Format(key="fam1", title="族格式", sections=("report", "part")))
"""

PART_MODULE = """
from compiler import hookimpl
from compiler.model.sections import SectionType

@hookimpl
def gongkai_register_sections(register):
    register(SectionType("part", "第一部分", formats={FORMATS}, build=lambda ctx: [ctx.heading()]))
"""


@pytest.fixture
def family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Entry points ``fam-format`` and ``fam-part`` (modules in a temporary folder) beside the installed ones."""

    def make(formats: str = "frozenset({'fam1'})") -> PluginHost:
        package = tmp_path / "famplugins"
        package.mkdir(exist_ok=True)
        (package / "__init__.py").write_text("", encoding="utf-8")
        (package / "fmt.py").write_text(FORMAT_MODULE, encoding="utf-8")
        (package / "part.py").write_text(PART_MODULE.replace("{FORMATS}", formats), encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        for name in ("famplugins", "famplugins.fmt", "famplugins.part"):
            monkeypatch.delitem(sys.modules, name, raising=False)
        installed = manager.entry_points(manager.ENTRY_POINT_GROUP)
        ours = [
            EntryPoint("fam-format", "famplugins.fmt", "fam", "1"),
            EntryPoint("fam-part", "famplugins.part", "fam", "1"),
        ]
        monkeypatch.setattr(manager, "entry_points", lambda group: sorted([*installed, *ours], key=lambda e: e.name))
        host = PluginHost()
        host.load_entry_points()
        host.collect()
        return host

    return make


def test_members_wait_for_a_report_of_their_format(family) -> None:
    host = family()
    assert "fam1" in host.formats and "fam-format" in host.info
    assert "fam-part" not in host.info and "famplugins.part" not in sys.modules
    assert host.section_types("legacy")["active"].plugin == "legacy-active"  # other families: unaffected
    assert "fam-part" not in host.info
    assert host.section_types("fam1")["part"].plugin == "fam-part"  # asked for its format: loaded now
    assert "fam-part" in host.info


def test_listing_loads_every_member(family) -> None:
    host = family()
    rows = {row["name"]: row for row in host.describe()}
    assert rows["fam-part"]["sections"] == ["fam1:part"]


def test_a_member_serving_another_format_is_an_error(family) -> None:
    host = family("None")  # a section for any format: lazily loaded, it would appear in legacy reports or not
    with pytest.raises(ReportError) as info:
        host.section_types("fam1")
    assert info.value.problems[0].rule == "plugin.family-scope"
    assert "fam-part" in info.value.problems[0].message
