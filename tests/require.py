"""``require(condition, reason)``: the one way a test may give up for want of a real dependency.

A test that needs something the machine may lack — a browser, LibreOffice, ``pip install`` reaching an
index, a font the system does not ship — calls::

    from tests.require import require

    def test_docx_round_trip(tmp_path):
        soffice = shutil.which("soffice")
        require(soffice is not None, "LibreOffice (soffice) is not installed")
        ...

* outside CI the test is **skipped**, and ``-ra`` (pyproject's pytest options) prints the reason in the
  summary, so a local run shows what it did not test;
* under CI (the environment variable ``CI`` is ``true``/``1``/``yes``, as GitHub Actions, GitLab and most CI
  services set it) the test **fails** with the reason: CI is where the dependency must be present, and a
  skip there would hide a test that never ran.

Never use ``pytest.skip``/``skipif`` for a missing dependency directly, and never guard something the
repository itself ships (the renderer, the seed example, the fonts): those must simply fail.
:func:`requires` is the decorator form for a condition known at import time.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., Any])


def in_ci() -> bool:
    """True when the ``CI`` environment variable says this is a CI run."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _give_up(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"CI=true and a required dependency is missing: {reason}", pytrace=False)
    pytest.skip(reason)


def require(condition: object, reason: str) -> None:
    """Continue when ``condition`` is true; otherwise skip (locally) or fail (under CI) with ``reason``."""
    if not condition:
        _give_up(reason)


def requires(condition: object, reason: str) -> Callable[[F], F]:
    """Decorator form of :func:`require`, evaluated when the test runs (so CI fails rather than skips)."""

    def decorate(test: F) -> F:
        @functools.wraps(test)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            require(condition, reason)
            return test(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
