"""A time limit around plugin calls, so that a plugin that never returns cannot hang a build.

A plugin is ordinary Python running in the build's process; the only portable way to stop it without
threads is an alarm signal: ``SIGALRM`` interrupts the plugin's code with :class:`PluginTimeout`, which the
plugin host turns into an error naming the plugin.  The build then stops before anything is written.

Limits, documented rather than hidden:

- the limit is per call, ``GONGKAI_PLUGIN_TIMEOUT`` seconds (default 60; ``0`` turns it off); a normal plugin
  call takes milliseconds;
- it needs ``SIGALRM`` and the main thread: on Windows, or when gongkai is embedded and called from another
  thread, calls run without a limit;
- Python delivers signals between bytecodes, so a plugin stuck inside one long C call (a pathological regular
  expression) is stopped only when that call returns;
- :class:`PluginTimeout` derives from ``BaseException``, so a plugin's own ``except Exception`` cannot swallow
  it; nested calls share the outermost limit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

TIMEOUT_ENV = "GONGKAI_PLUGIN_TIMEOUT"
DEFAULT_TIMEOUT = 60.0

_active = False


class PluginTimeout(BaseException):
    """Raised inside a plugin call that ran past its time limit."""

    def __init__(self, seconds: float):
        super().__init__(f"no result after {seconds:g} s")
        self.seconds = seconds


def plugin_timeout() -> float:
    """The per-call limit in seconds from the environment (0: none)."""
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        seconds = float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if seconds > 0 and seconds == seconds else 0.0


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`PluginTimeout` in the body after ``seconds`` (default: :func:`plugin_timeout`)."""
    global _active
    limit = plugin_timeout() if seconds is None else seconds
    if limit <= 0 or _active or not _can_alarm():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PluginTimeout(limit)

    previous = signal.signal(signal.SIGALRM, expire)
    _active = True
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _active = False
