"""Plugins that fail: one that raises, returns the wrong type or never returns is named in the error, and the build
stops before anything is written (compiler/host/manager.py, compiler/host/watchdog.py)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import legacy

from compiler import hookimpl
from compiler.build import build
from compiler.host.manager import fresh_host
from compiler.host.watchdog import TIMEOUT_ENV, PluginTimeout, plugin_timeout, time_limit
from compiler.model.document import Paragraph, Run
from compiler.model.problems import ReportError
from compiler.model.sections import SectionType


def plugin_with(**callables: Callable[..., Any]) -> SimpleNamespace:
    """A plugin module registering one section ``bad`` with the given build/derive/check."""

    @hookimpl
    def gongkai_register_sections(register):
        register(SectionType(key="bad", title="坏插件章节", after="overview", **callables))

    return SimpleNamespace(gongkai_register_sections=gongkai_register_sections)


def fails(write_toml, plugin: object, name: str) -> str:
    """Build with the plugin; return the one error's text after checking that nothing was written."""
    host = fresh_host(extra=[(plugin, name)])
    path = write_toml(legacy(bad={}))
    with pytest.raises(ReportError) as info:
        build(path, host=host)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    [problem] = info.value.problems
    assert problem.plugin == name or name in problem.message
    return f"{problem.rule} {problem.message}"


def test_a_plugin_that_raises_is_named(write_toml):
    def build_(ctx):
        raise ZeroDivisionError("division by zero")

    message = fails(write_toml, plugin_with(build=build_), "raiser")
    assert message.startswith("plugin.failed") and "raiser" in message and "ZeroDivisionError" in message


@pytest.mark.parametrize(
    ("callables", "what"),
    [
        ({"build": lambda ctx: "文字"}, "排版"),
        ({"build": lambda ctx: [Paragraph([Run("x")]), "not a block"]}, "排版"),
        ({"derive": lambda ctx: [1, 2]}, "计算"),
        ({"check": lambda ctx: "problem"}, "检查"),
        ({"check": lambda ctx: [1]}, "检查"),
    ],
)
def test_a_plugin_returning_the_wrong_type_is_named(write_toml, callables, what):
    message = fails(write_toml, plugin_with(**callables), "wrongtype")
    assert message.startswith("plugin.failed") and "wrongtype" in message and what in message


def test_a_plugin_that_hangs_is_stopped_and_named(write_toml, monkeypatch):
    monkeypatch.setenv(TIMEOUT_ENV, "0.5")

    def build_(ctx):
        while True:
            try:  # noqa: SIM105 - written the way a careless plugin would
                time.sleep(0.01)
            except Exception:  # a plugin trying to swallow everything still cannot swallow the limit
                pass

    started = time.perf_counter()
    message = fails(write_toml, plugin_with(build=build_), "sleeper")
    assert time.perf_counter() - started < 10
    assert message.startswith("plugin.timeout") and "sleeper" in message and "0.5" in message


def test_the_alarm_is_cleared_and_the_previous_handler_restored():
    seen: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: seen.append(signum))
    try:
        with time_limit(5):
            pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is not None and seen == []
        with pytest.raises(PluginTimeout), time_limit(0.05):
            time.sleep(1)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        signal.raise_signal(signal.SIGALRM)
        assert seen == [signal.SIGALRM]  # our handler is back
    finally:
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(("value", "seconds"), [("", 60.0), ("2.5", 2.5), ("0", 0.0), ("junk", 60.0), ("-1", 0.0)])
def test_the_limit_comes_from_the_environment(monkeypatch, value, seconds):
    monkeypatch.setenv(TIMEOUT_ENV, value)
    assert plugin_timeout() == seconds
