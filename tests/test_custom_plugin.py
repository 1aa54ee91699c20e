"""The example third-party plugin (examples/custom-section-plugin) plugs into the legacy format."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import legacy

from compiler.cli.skeleton import skeleton_data
from compiler.host.manager import fresh_host
from compiler.model.document import Heading
from tests.require import require

REPO = Path(__file__).resolve().parent.parent
PLUGIN_DIR = REPO / "examples" / "custom-section-plugin"


@pytest.fixture(scope="module")
def host():
    spec = importlib.util.spec_from_file_location("gongkai_newmedia", PLUGIN_DIR / "gongkai_newmedia" / "__init__.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return fresh_host(extra=[(module, "newmedia")])


def with_newmedia(**newmedia):
    data = legacy()
    data["newmedia"] = {"text": "全县共有账号{newmedia.account_sum}个，发布信息{newmedia.post_sum}条。", **newmedia}
    return data


def test_the_section_is_numbered_in_place_after_other(blocks, host):
    made = blocks(with_newmedia(accounts={"微博": 1}, posts={"微博": 10}), host)
    parts = [b.text for b in made if isinstance(b, Heading) and b.outline_level == 0]
    assert parts[-3:] == ["八、其他需要报告的事项", "九、政务新媒体情况", "十、附表"]
    assert "全县共有账号1个，发布信息10条。" in [getattr(b, "text", "") for b in made]


def test_a_report_with_it_builds_into_a_pdf(write_toml, host):
    from pypdf import PdfReader

    from compiler.build import build

    path = write_toml(with_newmedia(accounts={"微博": 1}, posts={"微博": 10}))
    result = build(path, host=host)
    reader = PdfReader(result.output)
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")
    assert "九、政务新媒体情况" in text and "全县共有账号1个，发布信息10条。" in text
    assert text.index("八、其他需要报告的事项") < text.index("九、政务新媒体情况") < text.index("十、附表")
    assert "九、政务新媒体情况" in [item.title for item in reader.outline if not isinstance(item, list)]


def test_its_schema_validates_input(check, host):
    problems = check(with_newmedia(accounts={"微博": 1}, posts={"微博": -3}, follower=1), host)
    found = {(p.rule, p.source.keypath) for p in problems if p.rule.startswith("input.")}
    assert found == {("input.negative", "newmedia.posts.微博"), ("input.unknown-key", "newmedia.follower")}


def test_its_checks_fire(check, host):
    problems = check(with_newmedia(accounts={"微信": 1}, posts={"微博": 10}), host)
    [p] = [p for p in problems if p.rule == "newmedia.posts-without-account"]
    assert p.source.keypath == "newmedia.posts.微博"
    assert p.plugin == "newmedia"
    # 微博 10 in [active.channels] of the base report: consistent, so no cross-part warning.
    assert "newmedia.posts-vs-active" not in {p.rule for p in problems}
    problems = check(with_newmedia(accounts={"微博": 1}, posts={"微博": 11}), host)
    assert "newmedia.posts-vs-active" in {p.rule for p in problems}
    clean = check(with_newmedia(accounts={"微博": 1}, posts={"微博": 10}), host)
    assert not [p for p in clean if p.rule.startswith("newmedia.")]


def test_the_skeleton_includes_it(host):
    data = skeleton_data("legacy", host)
    keys = list(data)
    assert "newmedia" in data
    assert keys.index("newmedia") == keys.index("other") + 1
    assert data["newmedia"]["accounts"]


def test_reports_without_the_plugin_are_unaffected():
    assert "newmedia" not in skeleton_data("legacy")


@pytest.mark.slow
def test_installed_as_a_package_it_is_found_through_its_entry_point(tmp_path):
    target = tmp_path / "site"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PLUGIN_DIR),
        ],
        capture_output=True,
        text=True,
    )
    require(pip.returncode == 0, f"cannot pip-install the example plugin here: {pip.stderr.strip()[-300:]}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), str(REPO)])}
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "plugins", "--json"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    [row] = [r for r in json.loads(done.stdout) if r["name"] == "newmedia"]
    assert row["origin"] == "entry point"
    assert row["distribution"] == "gongkai-newmedia"
    assert row["sections"] == ["legacy:newmedia"]
