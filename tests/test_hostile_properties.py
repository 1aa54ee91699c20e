"""Property-based tests over hostile input (hypothesis; example counts come from the profile in conftest.py —
``HYPOTHESIS_PROFILE=long`` for a longer local run).

- the input model: random TOML data never produces anything but problems or a ReportError;
- the validator: any value against any field kind is judged, never raises, and a count is accepted exactly
  when it is a sane non-negative integer;
- text hygiene: idempotent, keeps every character it does not report, leaves no debris in Chinese context;
- ``gongkai fmt``: on random data it either leaves the file alone or rewrites it so that ``check`` has no fix
  left, and a second run changes nothing;
- the whole pipeline: text typeset into a real PDF and read back has every character exactly once, and no
  line of the PDF starts with a mark that may not start a line or ends with one that may not end it (the
  line breaker's own properties, on its own output, are in tests/test_linebreak.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import tomli_w
from conftest import legacy
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from compiler.build import build, check_report, report_blocks
from compiler.model.problems import Problem, ReportError, Severity
from compiler.model.schema import KINDS, Field, Validator
from compiler.source.fmt import format_file
from compiler.source.hygiene import clean_text
from compiler.source.limits import MAX_NUMBER
from tests.hypothesis_profiles import scaled
from tests.oracles import (
    CHINESE_AMBIGUOUS,
    HALF_TO_FULL,
    NO_LINE_END_WITH_WORD,
    NO_LINE_START_WITH_WORD,
    PAIRS_THAT_MAY_START,
)

# characters people paste: Chinese, both widths of punctuation, spaces of every kind, invisible and control
# characters, emoji, Extension B, private use, references and URL pieces
HOSTILE = (
    "政府信息公开年度报告一二三"
    "，。、：；？！“”‘’（）《》〔〕·—…"
    ",.;:?!()\"' \t\n\r"
    "\u00a0\u3000\u200b\u200d\ufeff\u00ad\u202e\u0007\u0000\x85\ufe0f\ufffe"
    "0123456789abcXYZ"
    "😀👍𠮷\ue000{}./:%"
)
hostile_text = st.text(alphabet=HOSTILE, max_size=60)

scalars = st.one_of(
    hostile_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text.filter(bool), inner, max_size=4),
    max_leaves=20,
)
SECTION_KEYS = [
    "report",
    "preamble",
    "overview",
    "active",
    "applications",
    "staffing",
    "other",
    "tables",
    "signature",
    "attachments",
    "plugins",
    "style",
    "sections",
    "previous",
    "totally-unknown",
]
FIELD_KEYS = [
    "text",
    "items",
    "heading",
    "points",
    "after",
    "numbering",
    "total",
    "categories",
    "organ",
    "year",
    "date",
    "received",
    "include",
    "file",
    "title",
]


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    """A legacy report with random damage: keys removed, values replaced by anything, junk added."""
    data = legacy()
    for key in draw(st.lists(st.sampled_from(SECTION_KEYS), max_size=4)):
        action = draw(st.sampled_from(["remove", "replace", "table"]))
        if action == "remove":
            data.pop(key, None)
        elif action == "replace":
            data[key] = draw(values)
        else:
            data[key] = draw(st.dictionaries(st.sampled_from(FIELD_KEYS), values, max_size=4))
    data["format"] = draw(st.sampled_from(["legacy", "legacy", "2021", "nonsense"]))
    return data


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
@given(reports())
def test_random_data_only_ever_gives_problems(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("model") / "r.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    try:
        report, problems = check_report(path)
    except ReportError as exc:
        assert exc.problems and all(isinstance(p, Problem) and p.message for p in exc.problems)
        return
    assert all(isinstance(p, Problem) and p.message and p.rule and p.severity is not None for p in problems)
    if any(p.severity >= Severity.ERROR for p in problems):
        return  # an error stops the build: nothing is typeset
    # a report that builds typesets no debris: hygiene ran on the data every section reads, and the blocks
    # made from it carry none either
    made = report_blocks(report)[0]
    for where, value in [("data", report.data), ("blocks", made)]:
        for text in _strings(value):
            assert not [ch for ch in text if _debris(ch) and ch != "\u200d"], (where, text)


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    """Every string value inside dicts, lists, tuples and dataclasses (the report's data, blocks and runs);
    not the keys, which are names to look up, never typeset."""
    if depth > 40:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v, depth + 1)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name), depth + 1)


@given(st.sampled_from(sorted(KINDS)), values)
def test_the_validator_judges_anything_without_raising(kind, value):
    validator = Validator(lambda keypath: keypath)
    validator.value(value, Field("x", kind), "x")
    if kind == "count":
        sane = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_NUMBER
        assert (validator.problems == []) == sane
    if kind in ("number", "money") and isinstance(value, float) and not math.isfinite(value):
        assert validator.problems


def _debris(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r\x85"


@given(hostile_text)
def test_hygiene_is_idempotent_and_loses_only_what_it_reports(text):
    first = clean_text(text)
    again = clean_text(first.text)
    assert again.text == first.text and not again.fixes
    # rebuild the output from the input and the reported changes: nothing else may differ
    changed = {c.index: c.new for c in first.changes if c.new is not None}
    assert "".join(changed.get(i, ch) for i, ch in enumerate(text)) == first.text
    assert not any(_debris(ch) and ch != "\u200d" for ch in first.text)
    assert not first.text.startswith((" ", "\u3000", "\n")) and not first.text.endswith((" ", "\u3000", "\n"))


def _wide(ch: str) -> bool:
    """Wide by UAX #11 (East Asian Width W or F)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _context_at(out: list[str], k: int) -> bool:
    """``out[k]`` makes a Chinese context: it is wide, or it is a mark Chinese sets full-width (“”‘’…—·) with a wide
    character beside it on either side, past spaces and other such marks (in English text they are English)."""
    if _wide(out[k]):
        return True
    if out[k] not in CHINESE_AMBIGUOUS:
        return False
    for side in (reversed(out[:k]), out[k + 1 :]):
        nearest = next((c for c in side if c and not _space(c) and c not in CHINESE_AMBIGUOUS), None)
        if nearest is not None and _wide(nearest):
            return True
    return False


#: Left alone by hygiene (README: "never touched: the inside of {references} and of URLs"): a reference is
#: ``{…}`` without nested braces, ``{{``/``}}`` are literal braces; a URL is an RFC 3986 scheme, ``://`` and
#: URI characters.  ``_MAY_KEEP`` is generous (every URI character, so ``,;!()`` too: a mark there may stay
#: half-width); ``_MUST_KEEP`` is strict (unreserved characters and ``:/?#@&=%``: nothing there may change
#: but invisible characters going).
_REFERENCE = r"\{\{|\}\}|\{[^{}]*\}"
_SCHEME = r"[A-Za-z][A-Za-z0-9+.\-]*://"
_MAY_KEEP = re.compile(rf"{_REFERENCE}|{_SCHEME}[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_MUST_KEEP = re.compile(rf"{_REFERENCE}|{_SCHEME}[A-Za-z0-9\-._~:/?#@&=%]*")


def _spans(pattern: re.Pattern[str], text: str) -> set[int]:
    return {i for m in pattern.finditer(text) for i in range(m.start(), m.end())}


def _space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Zs"


@given(hostile_text)
@example("政府{report.year}年,共(2)件")
@example("见http://a.gov.cn/x?id=1,其中")
def test_no_half_width_mark_is_left_beside_chinese(text):
    """Every example is judged: only marks inside a reference or a URL of the input may stay half-width."""
    cleaned = clean_text(text)
    new = {c.index: c.new for c in cleaned.changes if c.new is not None}
    out = [new.get(i, ch) for i, ch in enumerate(text)]  # what became of each input character ("" = removed)
    may_keep = _spans(_MAY_KEEP, text)
    for i, ch in enumerate(out):
        if ch not in HALF_TO_FULL or i in may_keep:
            continue
        before = next((k for k in range(i - 1, -1, -1) if out[k] and not _space(out[k])), None)
        after = next((k for k in range(i + 1, len(out)) if out[k] and not _space(out[k])), None)
        beside = [out[k] for k in (before, after) if k is not None and _context_at(out, k)]
        assert not beside, (ch, beside, cleaned.text)
    for i in _spans(_MUST_KEEP, text):  # inside references and URLs only invisible/control characters go
        assert out[i] in (text[i], ""), (text, cleaned.text)


def test_half_to_full_oracle_is_unicode_s_fullwidth_forms():
    for half, full in HALF_TO_FULL.items():
        assert ord(full) == ord(half) + 0xFEE0
        assert unicodedata.name(full) == "FULLWIDTH " + unicodedata.name(half)
        assert unicodedata.east_asian_width(full) == "F"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_fmt_leaves_nothing_for_check_to_fix(tmp_path_factory, paragraphs):
    path = tmp_path_factory.mktemp("fmt") / "r.toml"
    path.write_text(tomli_w.dumps(legacy(overview={"text": paragraphs, "after": paragraphs[0]})), encoding="utf-8")
    before = path.read_bytes()
    result = format_file(path)
    if not result.changed:
        assert path.read_bytes() == before
        return
    _, problems = check_report(path)
    fixable = [p for p in problems if p.rule.startswith("hygiene.") and "replacement" in p.details]
    assert fixable == []
    assert not format_file(path).changed


# --- text → PDF → text ----------------------------------------------------------------------------------

HAN = "政府信息公开年度报告工作依申请条例𠮷"
BRACKETS = [("", ""), ("“", "”"), ("《", "》"), ("（", "）"), ("〔", "〕")]
tokens = st.tuples(
    st.sampled_from(BRACKETS),
    st.text(alphabet=HAN, min_size=1, max_size=4),
    st.sampled_from(["", "2019", "98.5%"]),
    st.sampled_from(["", "，", "。", "、", "；", "：", "！", "？", "……", "——", "·"]),
).map(lambda t: t[0][0] + t[1] + t[2] + t[0][1] + t[3])


def _pdf_lines(path: Path) -> list[str]:
    """Lines of glyphs, page after page, by baseline, in drawing order (no spaces guessed in), page numbers left
    out — a long overview may push the next part to page 2.  Drawing order, not x: fully squeezed marks ("〕“"
    in one cell) share an origin, their ink in opposite halves; that the ink never overlaps is
    tests/test_linebreak.py's property."""
    lines: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[str]] = {}
            for c in page.chars:  # the text matrix's y is the baseline, the same for every font on a line
                rows.setdefault(round(c["matrix"][5]), []).append(c["text"])
            found = ["".join(row) for _, row in sorted(rows.items(), reverse=True)]
            lines += [line for line in found if not re.fullmatch(r"—\s*\d+\s*—", line)]
    return lines


# a PDF per example: few examples, and no shrinking (minutes of builds); a failure prints the whole text
@settings(
    max_examples=scaled(8),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(st.lists(tokens, min_size=20, max_size=60).map("".join))
def test_text_survives_the_pdf_and_no_line_breaks_a_rule(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("pdf")
    path = folder / "r.toml"
    path.write_text(tomli_w.dumps(legacy(overview={"text": text})), encoding="utf-8")
    lines = _pdf_lines(build(path).output)
    start = lines.index("一、概述") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    body = lines[start:end]
    assert "".join(body) == clean_text(text).text == text  # every character exactly once, in order
    for line in body[1:]:  # —— is one unit that may start a line (GB-style, not clreq "strict"); …… may not
        assert line[0] not in NO_LINE_START_WITH_WORD or line[:2] in PAIRS_THAT_MAY_START, body
    for line in body[:-1]:
        assert line[-1] not in NO_LINE_END_WITH_WORD, body
