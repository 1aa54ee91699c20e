"""Golden tests on the built PDF of the 2021 example: tables 三 and 四 read back with pdfplumber.

Nothing here trusts the code that drew the tables: labels and numbers are found by their printed positions —
each row label on the same band as its seven numbers, each number under its column's header, the vertical
labels as characters stacked at one x, table 三 on one page or with its header repeated.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from compiler.build import build
from plugins.gb2021.tables import TABLE3_2021
from tests.gb2021_support import EXAMPLE_2024

COLUMN_HEADS = ["自然人", "商业", "科研", "社会", "法律", "其他", "总计"]  # first line of each header


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gb2021") / "example.pdf"
    build(EXAMPLE_2024, out)
    return out


def page_with(pdf: pdfplumber.PDF, text: str) -> list[int]:
    return [i for i, p in enumerate(pdf.pages) if text in (p.extract_text() or "")]


def find_run(chars: list[dict], text: str) -> list[dict] | None:
    """The characters of ``text`` printed in sequence on one line (left to right): the first such run."""
    runs = find_runs(chars, text)
    return runs[0] if runs else None


def find_runs(chars: list[dict], text: str) -> list[list[dict]]:
    found = []
    for ch in chars:
        if ch["text"] != text[0]:
            continue
        run = [ch]
        for want in text[1:]:
            nxt = next((c for c in chars if c["text"] == want and abs(c["top"] - ch["top"]) < 2
                        and 0 < c["x0"] - run[-1]["x0"] < 15), None)  # fmt: skip
            if nxt is None:
                break
            run.append(nxt)
        if len(run) == len(text):
            found.append(run)
    return found


def test_table3_rows_and_columns(pdf):
    with pdfplumber.open(pdf) as doc:
        pages = page_with(doc, "申请人情况")
        assert len(pages) == 1, "table 三 should fit on one page in the example"
        page = doc.pages[pages[0]]
        chars = page.chars
        first_row = find_run(chars, "一、本年新收")
        assert first_row
        header_chars = [c for c in chars if c["top"] < first_row[0]["top"] - 2]
        heads = {}
        for head in COLUMN_HEADS:
            runs = find_runs(header_chars, head)
            assert runs, head
            run = max(runs, key=lambda r: r[0]["top"])  # 其他 also occurs in 法人或其他组织, one line up
            heads[head] = (run[0]["x0"] + run[-1]["x1"]) / 2
        xs = [heads[h] for h in COLUMN_HEADS]
        assert xs == sorted(xs)
        words = page.extract_words(keep_blank_chars=False)
        numbers = [w for w in words if w["text"].isdigit() and w["x0"] > xs[0] - 30]
        expected = {
            "new_received": ["86", "17", "4", "2", "6", "1", "116"],
            "granted": ["41", "8", "3", "1", "2", "1", "56"],
            "unable_not_held": ["14", "2", "0", "1", "1", "0", "18"],
            "total_processed": ["85", "17", "4", "2", "6", "1", "115"],
            "carried_forward": ["3", "1", "0", "0", "0", "0", "4"],
        }
        for key, values in expected.items():
            label = TABLE3_2021.row(key).label
            run = find_run(chars, label[:8])
            assert run, label
            top = run[0]["top"]
            row = sorted((w for w in numbers if abs(w["top"] - top) < 14), key=lambda w: w["x0"])
            row = [w for w in row if abs(w["top"] - min(r["top"] for r in row)) < 3]
            assert [w["text"] for w in row] == values, label
            for w, x in zip(row, xs, strict=True):  # flush right in the column under its heading
                assert 0 < w["x1"] - x < 25, (label, w["text"])


def test_table3_every_label_printed(pdf):
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[page_with(doc, "申请人情况")[0]]
        flat = "".join(c["text"] for c in page.chars)
        for row in TABLE3_2021.rows:
            assert row.label[:6] in flat, row.label


def stacked(chars: list[dict], text: str) -> bool:
    """``text`` printed top to bottom, one character under the other at (nearly) the same x."""
    for start in (c for c in chars if c["text"] == text[0]):
        run = [start]
        for want in text[1:]:
            nxt = next((c for c in chars if c["text"] == want and abs(c["x0"] - run[-1]["x0"]) < 3
                        and 0 < c["top"] - run[-1]["top"] < 30), None)  # fmt: skip
            if nxt is None:
                break
            run.append(nxt)
        if len(run) == len(text):
            return True
    return False


def test_vertical_labels(pdf):
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[page_with(doc, "申请人情况")[0]].chars
        for text in ("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"):
            assert stacked(chars, text), text


def test_table4_headers_and_numbers(pdf):
    with pdfplumber.open(pdf) as doc:
        (index,) = page_with(doc, "未经复议直接起诉")
        page = doc.pages[index]
        text = page.extract_text()
        for label in ("行政复议", "行政诉讼", "复议后起诉"):
            assert label in text
        chars = page.chars
        review, direct, after = (find_run(chars, t) for t in ("行政复议", "未经复议直接起诉", "复议后起诉"))
        assert review and direct and after
        assert review[0]["x0"] < direct[0]["x0"] < after[0]["x0"]
        assert review[0]["top"] < direct[0]["top"]
        words = page.extract_words()
        below = [w for w in words if w["text"].isdigit() and w["top"] > direct[0]["top"] + 20
                 and w["top"] < direct[0]["top"] + 80]  # fmt: skip
        line = sorted((w for w in below if abs(w["top"] - below[0]["top"]) < 3), key=lambda w: w["x0"])
        assert [w["text"] for w in line] == ["2", "1", "0", "1", "4", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"]
