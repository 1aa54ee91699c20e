"""Shared fixtures: purpose-made reports written with tomli_w into tmp_path, then loaded and checked."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from compiler.build import check_report, report_blocks
from compiler.model.document import Block
from compiler.model.problems import Problem

# Hypothesis profiles ("dev" locally, derandomised "ci" under CI=true, "long" for 3,000 examples) are
# registered and loaded by tests/hypothesis_profiles.py, imported here so that they apply to every test.
from tests import hypothesis_profiles  # noqa: F401


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the CLI processes they start) use a cache folder of their own, never the user's."""
    if "GONGKAI_CACHE_DIR" not in os.environ:
        os.environ["GONGKAI_CACHE_DIR"] = str(tmp_path_factory.mktemp("gongkai-cache"))


#: A small legacy report with no problems at all; tests change one thing and look for the one problem.
LEGACY_REPORT: dict[str, Any] = {
    "format": "legacy",
    "report": {"organ": "测试县人民政府", "year": 2018, "date": dt.date(2019, 2, 14)},
    "preamble": {"text": "特向社会公布{report.year}年度本县政府信息公开工作年度报告。"},
    "overview": {"text": "概述。"},
    "active": {
        "total": 100,
        "categories": {"概况类": 40, "其他": 60},
        "channels": {"网站": 90, "微博": 10},
        "text": "全年主动公开政府信息{active.total}条，其中概况类{active.categories.概况类}条，占40%。",
    },
    "applications": {
        "received": 3,
        "channels": {"当面": 2, "网络": 1},
        "outcomes": {"同意公开": 2, "不同意公开": 1},
        "fees": 0,  # the 收费及减免情况 every legacy report states (legacy.fee.unstated)
        "text": "共受理申请{applications.received}件。",
    },
    "consultation": {"text": "无投诉。"},
    "appeals": {"text": "无。"},
    "staffing": {"fulltime": 2, "parttime": 3, "text": "专职人员{staffing.fulltime}人。"},
    "issues": {
        "text": "本年度政府信息公开工作仍存在信息更新不够及时、政策解读形式较为单一等问题。"
        "下一步将建立信息动态更新机制，丰富解读形式，进一步提升公开质量。"
    },
    "other": {"text": "无。"},
    "tables": {"text": "无。"},
    "signature": {},
}


#: ``shutil.copytree(..., ignore=BUILD_OUTPUTS)``: copy an example's sources, not what an earlier build (such as
#: ``make demo``) left beside them — git tracks only the TOML and notes of examples/.
BUILD_OUTPUTS = shutil.ignore_patterns("*.pdf", "*.html", "*.docx")


def legacy(**changes: Any) -> dict[str, Any]:
    """A copy of :data:`LEGACY_REPORT` with top-level tables replaced (``None`` removes one)."""
    data = copy.deepcopy(LEGACY_REPORT)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.fixture
def write_toml(tmp_path: Path) -> Callable[..., Path]:
    def write(data: dict[str, Any], name: str = "report.toml") -> Path:
        path = tmp_path / name
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def check(write_toml: Callable[..., Path]) -> Callable[..., list[Problem]]:
    """Write ``data`` and return every problem ``gongkai check`` would print."""

    def run(data: dict[str, Any], host: Any = None) -> list[Problem]:
        return check_report(write_toml(data), host)[1]

    return run


@pytest.fixture
def blocks(write_toml: Callable[..., Path]) -> Callable[..., list[Block]]:
    def run(data: dict[str, Any], host: Any = None) -> list[Block]:
        report, _ = check_report(write_toml(data), host)
        return report_blocks(report)[0]

    return run


def rules(problems: list[Problem]) -> list[str]:
    return [p.rule for p in problems]


def interruptible() -> None:
    """``preexec_fn`` for a child the test interrupts with SIGINT: Ctrl-C acts on it as on a program started from a
    terminal, even when the tests themselves run as a shell's background job (which starts with SIGINT ignored, and a
    Python started so installs no KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
