"""DOCX back again (#17 item 5): the office edits a gongkai DOCX in Word — a number in table 三 changed, a
sentence rewritten, a paragraph added (here with python-docx, as Word would save them) — and ``gongkai import``
shows each edit in the TOML; ``gongkai check`` of the edited file catches the edit that unbalances the table.
The importer reads what is visible in the document, not the source TOML gongkai embeds in it."""

from __future__ import annotations

import copy
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from compiler.build import build
from compiler.importers.run import import_file

docx = pytest.importorskip("docx")
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "qinglan-data-2024" / "report.toml"
OLD_SENTENCE = "申请均在法定期限内答复。"
NEW_SENTENCE = "全部申请均在法定期限内作出答复，未发生逾期答复情况。"
ADDED = "本年度还对依申请公开答复文书开展了专项评查，评查结果已在局内通报。"


def _row_cells(table, label: str):
    for row in table.rows:
        texts = [c.text.strip() for c in row.cells]
        if any(t.startswith(label) for t in texts):
            return row.cells
    raise AssertionError(f"no row labelled {label}")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> tuple[Path, dict, dict]:
    folder = tmp_path_factory.mktemp("docx-edit")
    original = folder / "report.docx"
    build(EXAMPLE, original, to=["docx"])
    document = docx.Document(str(original))
    # 1. table 三: 自然人's 予以公开 changed from what the TOML says
    table3 = next(t for t in document.tables if any("予以公开" in c.text for c in t.rows[-3].cells + t.rows[5].cells))
    cells = _row_cells(table3, "（一）予以公开")
    numbers = [c for c in cells if c.text.strip().isdigit()]
    first = numbers[0]
    before = int(first.text.strip())
    first.paragraphs[0].runs[0].text = str(before + 5)
    # 2. a sentence rewritten, 3. a paragraph added after it
    paragraph = next(p for p in document.paragraphs if OLD_SENTENCE in p.text)
    for run in paragraph.runs:
        if OLD_SENTENCE in run.text:
            run.text = run.text.replace(OLD_SENTENCE, NEW_SENTENCE)
            break
    else:  # the sentence spans runs: rewrite the paragraph's text in its first run
        text = paragraph.text.replace(OLD_SENTENCE, NEW_SENTENCE)
        for run in paragraph.runs[1:]:
            run.text = ""
        paragraph.runs[0].text = text
    added = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(added)
    new_paragraph = docx.text.paragraph.Paragraph(added, paragraph._parent)
    for run in new_paragraph.runs[1:]:
        run.text = ""
    new_paragraph.runs[0].text = ADDED
    edited_path = folder / "edited.docx"
    document.save(str(edited_path))
    imported = tomllib.loads(import_file(edited_path).toml)
    source = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    return edited_path, imported, {"source": source, "before": before}


def _all_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "".join(_all_text(v) for v in value.values())
    if isinstance(value, list):
        return "".join(_all_text(v) for v in value)
    return ""


def test_the_changed_number_is_in_the_imported_toml(edited) -> None:
    _, imported, ctx = edited
    assert ctx["source"]["applications"]["natural_person"]["granted"] == ctx["before"]
    assert imported["applications"]["natural_person"]["granted"] == ctx["before"] + 5
    # the other applicant columns are untouched
    for column in ("commercial", "research", "legal_service"):
        assert imported["applications"][column]["granted"] == ctx["source"]["applications"][column]["granted"]


def test_the_rewritten_sentence_and_the_added_paragraph_are_imported(edited) -> None:
    _, imported, _ = edited
    text = _all_text(imported)
    assert NEW_SENTENCE in text and OLD_SENTENCE not in text.replace(NEW_SENTENCE, "")
    assert ADDED in text


def test_check_of_the_edited_docx_catches_the_unbalanced_table(edited) -> None:
    path, _, _ = edited
    result = subprocess.run(
        [sys.executable, "-m", "compiler", "check", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    import json

    rules = {p["rule"] for p in json.loads(result.stdout)["problems"]}
    assert rules & {"gb2021.table3.balance", "gb2021.table3.outcome-total", "gb2021.table3.row-total"}, rules
