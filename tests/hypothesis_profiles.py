"""Hypothesis profiles and the example counts of every property test.

Profiles (chosen by ``HYPOTHESIS_PROFILE``; the default is ``ci`` under ``CI=true``, else ``dev``):

* ``dev`` — 60 examples per property test, random: every local run explores new inputs;
* ``ci`` — the same counts, **derandomised**: the examples follow from each test's name, so a red CI run is
  red again on any machine with ``CI=true`` (or ``HYPOTHESIS_PROFILE=ci``), and Hypothesis prints the
  failing example and its ``@reproduce_failure`` blob;
* ``long`` — 3,000 examples per property test, random: ``HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest
  tests/test_linebreak.py tests/test_hostile_properties.py``.

Tests never pin ``max_examples`` to a constant (that would override the profile); they ask for
:func:`at_least` (cheap tests that deserve more than the default) or :func:`scaled` (expensive tests, e.g. a
PDF build per example, which get a fraction of the profile's count).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from tests.require import in_ci

DEFAULT_EXAMPLES = 60
LONG_EXAMPLES = 3000

_common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", max_examples=DEFAULT_EXAMPLES, **_common)
settings.register_profile("ci", max_examples=DEFAULT_EXAMPLES, derandomize=True, print_blob=True, **_common)
settings.register_profile("long", max_examples=LONG_EXAMPLES, **_common)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev")
settings.load_profile(PROFILE)


def profile_examples() -> int:
    """The loaded profile's example count (60, or 3,000 under ``long``)."""
    return settings.get_profile(PROFILE).max_examples


def at_least(n: int) -> int:
    """``n`` examples, or the profile's count when that is larger (``long``: 3,000)."""
    return max(n, profile_examples())


def scaled(n: int) -> int:
    """``n`` examples under the default profiles, proportionally more under a longer one (8 → 400 under
    ``long``): for tests whose every example is expensive."""
    return max(1, n * profile_examples() // DEFAULT_EXAMPLES)
