"""The renderer and importer interfaces (docs/architecture.md): renderers are plugins that receive the blocks
once asked; ``--to`` and ``-o`` agree; importers are chosen by confidence, never silently on a tie."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

from compiler import hookimpl
from compiler.build import build, plan_outputs
from compiler.host.manager import fresh_host
from compiler.importers.base import ImportResult, Place, PublishedDocument, TextItem
from compiler.model.document import Heading, Paragraph, Run
from compiler.model.problems import ReportError, UsageError
from compiler.model.sections import SectionType
from compiler.render.base import Rendered, RenderJob
from tests.conftest import legacy


class TextRenderer:
    """A third-party medium: the report as plain text, one block per line."""

    key = "txt"
    suffix = ".txt"
    description = "纯文本"

    def __init__(self) -> None:
        self.jobs: list[RenderJob] = []

    def render(self, job: RenderJob) -> Rendered:
        self.jobs.append(job)
        lines = []
        for block in job.blocks:
            if isinstance(block, (Heading, Paragraph)):
                lines.append(block.text)
        return Rendered("\n".join(lines).encode("utf-8"))


class RendererPlugin:
    def __init__(self) -> None:
        self.renderer = TextRenderer()

    @hookimpl
    def gongkai_register_renderers(self, register):
        register(self.renderer)


class CountingSection:
    """A third-party section that counts how often it is asked for its blocks."""

    def __init__(self) -> None:
        self.calls = 0

    def blocks(self, ctx):
        self.calls += 1
        return [ctx.heading(), Paragraph([Run("新媒体段落。")])]

    @hookimpl
    def gongkai_register_sections(self, register):
        register(SectionType(key="newmedia", title="政务新媒体情况", formats=frozenset({"legacy"}), after="other",
                             build=self.blocks))  # fmt: skip


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy(newmedia={})), encoding="utf-8")
    return path


def test_a_third_party_renderer_gets_a_third_party_section_and_blocks_are_asked_once(report: Path) -> None:
    plugin, section = RendererPlugin(), CountingSection()
    host = fresh_host([(plugin, "txt-renderer"), (section, "newmedia")])
    result = build(report, to=["txt", "pdf"], host=host)
    assert section.calls == 1  # both outputs from one asking
    text = result.outputs["txt"].read_text(encoding="utf-8")
    assert "政务新媒体情况" in text and "新媒体段落。" in text
    assert result.outputs["pdf"].read_bytes().startswith(b"%PDF")
    job = plugin.renderer.jobs[0]
    assert job.companions == {"txt": report.with_suffix(".txt"), "pdf": report.with_suffix(".pdf")}
    assert job.output == report.with_suffix(".txt")


def test_outputs_follow_to_and_o(tmp_path: Path) -> None:
    host = fresh_host([(RendererPlugin(), "txt-renderer")])
    src = tmp_path / "r.toml"
    assert plan_outputs(host, src, None, None) == {"pdf": tmp_path / "r.pdf"}
    assert plan_outputs(host, src, tmp_path / "x.txt", None) == {"txt": tmp_path / "x.txt"}
    assert plan_outputs(host, src, tmp_path / "o", ["pdf", "txt"]) == {
        "pdf": tmp_path / "o.pdf",
        "txt": tmp_path / "o.txt",
    }
    assert plan_outputs(host, src, tmp_path / "o.pdf", ["pdf", "txt"])["txt"] == tmp_path / "o.txt"
    with pytest.raises(UsageError, match=r"\.txt"):
        plan_outputs(host, src, tmp_path / "x.pdf", ["txt"])
    with pytest.raises(UsageError, match="odt"):
        plan_outputs(host, src, tmp_path / "x.odt", None)
    with pytest.raises(UsageError, match="未知的输出格式"):
        plan_outputs(host, src, None, ["odt"])


def test_a_failed_build_writes_no_output_of_any_medium(report: Path, tmp_path: Path) -> None:
    data = legacy()
    data["active"]["text"] = "{active.nosuch}"
    report.write_text(tomli_w.dumps(data), encoding="utf-8")
    host = fresh_host([(RendererPlugin(), "txt-renderer")])
    with pytest.raises(ReportError):
        build(report, to=["pdf", "txt"], host=host)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.toml"]


class Guesser:
    def __init__(self, fmt: str, confidence: float) -> None:
        self.fmt, self.confidence = fmt, confidence

    @hookimpl
    def gongkai_import_report(self, document, format):
        if format not in (None, self.fmt):
            return None
        return ImportResult(self.fmt, {"format": self.fmt}, self.confidence)


def _document() -> PublishedDocument:
    place = Place(Path("r.html"), "<p>#1")
    return PublishedDocument(
        Path("r.html"), "html", items=[TextItem("某县2023年政府信息公开工作年度报告", place, "title")]
    )


def test_the_most_confident_importer_wins_and_format_filters() -> None:
    host = fresh_host([(Guesser("2021", 0.9), "a"), (Guesser("legacy", 0.4), "b")])
    assert host.import_report(_document()).format == "2021"
    assert host.import_report(_document(), "legacy").format == "legacy"


def test_a_tie_between_formats_is_reported_not_decided() -> None:
    host = fresh_host([(Guesser("2021", 0.5), "a"), (Guesser("2019", 0.5), "b")])
    with pytest.raises(ReportError, match="--format"):
        host.import_report(_document())
