"""Attachment files: page ranges, every kind of bad file, passwords, images, --skip-bad-attachments."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.build import BuildFailed, build
from compiler.files.attachments import AttachmentError, parse_page_ranges
from compiler.model.problems import Severity
from tests.attachment_files import (
    A3_PORTRAIT,
    A4_LANDSCAPE,
    A4_PORTRAIT,
    encrypted_pdf,
    image_bytes,
    page_numbers,
    pdf_bytes,
    write_report,
    zero_page_pdf,
)

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------- page ranges


def test_page_ranges_are_one_based_and_keep_the_written_order() -> None:
    assert parse_page_ranges("1-3,5", 6) == [0, 1, 2, 4]
    assert parse_page_ranges("4, 2", 4) == [3, 1]
    assert parse_page_ranges("2－3，1", 3) == [1, 2, 0]  # full-width dash and comma from a Chinese IME


@pytest.mark.parametrize("spec", ["0", "3-1", "1-9", "a", "1,,2", ""])
def test_bad_page_ranges_say_what_is_wrong(spec: str) -> None:
    with pytest.raises(AttachmentError) as caught:
        parse_page_ranges(spec, 4)
    assert caught.value.sub == "pages"
    assert "页" in caught.value.message


# ---------------------------------------------------------------------------------------------- bad files

GOOD = {"file": "good.pdf", "title": "好的附件"}


def _bad_case(name: str) -> tuple[dict, dict[str, bytes]]:
    whole = pdf_bytes([A4_PORTRAIT, A4_PORTRAIT])
    cases: dict[str, tuple[dict, dict[str, bytes]]] = {
        "missing": ({"file": "nowhere.pdf", "title": "坏附件"}, {}),
        "not-supported": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": "这只是一个文本文件\n".encode()}),
        "empty-file": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": b""}),
        "truncated": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": whole[: len(whole) // 2]}),
        "encrypted": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": encrypted_pdf("secret")}),
        "wrong-password": (
            {"file": "bad.pdf", "title": "坏附件", "password": "guess"},
            {"bad.pdf": encrypted_pdf("secret")},
        ),
        "no-pages": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": zero_page_pdf()}),
        "page-size": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": pdf_bytes([(20, 20)])}),
        "huge-page": ({"file": "bad.pdf", "title": "坏附件"}, {"bad.pdf": pdf_bytes([(14000, 14000)])}),
        "bad-pages": ({"file": "bad.pdf", "title": "坏附件", "pages": "2-5"}, {"bad.pdf": whole}),
        "truncated-image": (
            {"file": "bad.jpg", "title": "坏附件"},
            {"bad.jpg": image_bytes((600, 800), "JPEG")[:400]},
        ),
    }
    return cases[name]


EXPECTED_RULE = {"missing": "missing-file", "huge-page": "page-size", "truncated-image": "damaged"}
BAD_CASES = [
    "missing",
    "not-supported",
    "empty-file",
    "truncated",
    "encrypted",
    "wrong-password",
    "no-pages",
    "page-size",
    "huge-page",
    "bad-pages",
    "truncated-image",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_a_bad_attachment_fails_the_build_naming_it_and_writes_nothing(tmp_path: Path, case: str) -> None:
    bad, files = _bad_case(case)
    files = {"good.pdf": pdf_bytes([A4_PORTRAIT]), **files}
    path = write_report(tmp_path, [GOOD, bad], files)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BuildFailed) as caught:
        build(path)
    errors = [p for p in caught.value.problems if p.severity == Severity.ERROR]
    assert len(errors) == 1, [p.format() for p in errors]
    problem = errors[0]
    assert problem.rule == "attachments." + EXPECTED_RULE.get(case, case)
    assert problem.source is not None and problem.source.keypath.startswith("attachments[1]")
    line = path.read_text(encoding="utf-8").splitlines()[problem.source.line - 1]
    assert line.startswith("[[attachments]]") or "=" in line  # the line of the second attachment's entry
    assert "坏附件" in problem.message and "；" in problem.message  # names it, then says what to do
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no PDF, no temporary file


def test_check_reports_a_missing_attachment_too(tmp_path: Path) -> None:
    from compiler.build import check_report

    path = write_report(tmp_path, [{"file": "nowhere.pdf", "title": "缺失的附件"}], {})
    _, problems = check_report(path)
    assert "attachments.missing-file" in [p.rule for p in problems]


def test_the_right_password_opens_an_encrypted_attachment_and_warns_it_is_published(tmp_path: Path) -> None:
    entry = {"file": "locked.pdf", "title": "加密附件", "password": "secret"}
    path = write_report(tmp_path, [entry], {"locked.pdf": encrypted_pdf("secret")})
    result = build(path)
    assert "attachments.password-published" in [p.rule for p in result.problems]
    reader = PdfReader(result.output)
    assert "ATT p1" in reader.pages[-1].extract_text()
    assert not reader.is_encrypted


def test_page_ranges_select_pages_in_order(tmp_path: Path) -> None:
    data = pdf_bytes([A4_PORTRAIT] * 5)
    path = write_report(tmp_path, [{"file": "five.pdf", "title": "五页", "pages": "4,2-3"}], {"five.pdf": data})
    result = build(path)
    reader = PdfReader(result.output)
    tail = [reader.pages[i].extract_text() for i in range(len(reader.pages) - 3, len(reader.pages))]
    assert ["p4" in tail[0], "p2" in tail[1], "p3" in tail[2]] == [True, True, True]


# ---------------------------------------------------------------------------------------------- skipping


def test_skip_bad_attachments_builds_without_them_and_renumbers(tmp_path: Path) -> None:
    files = {"one.pdf": pdf_bytes([A4_PORTRAIT], marker="ONE"), "three.pdf": pdf_bytes([A4_PORTRAIT], marker="THREE")}
    entries = [
        {"file": "one.pdf", "title": "第一个"},
        {"file": "missing.pdf", "title": "不存在的"},
        {"file": "three.pdf", "title": "第三个"},
    ]
    path = write_report(tmp_path, entries, files)
    result = build(path, skip_bad_attachments=True)
    skipped = [p for p in result.problems if p.rule == "attachments.missing-file"]
    assert len(skipped) == 1 and skipped[0].severity == Severity.WARNING and "跳过" in skipped[0].message
    reader = PdfReader(result.output)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "不存在的" not in text
    assert "THREE" in reader.pages[-1].extract_text()
    outline = [item.title for item in reader.outline[-1]]
    assert outline == ["附件1 第一个", "附件2 第三个"]
    notes = [line for line in text.splitlines() if "第一个" in line or "第三个" in line]
    assert any("1." in n and "第一个" in n for n in notes) and any("2." in n and "第三个" in n for n in notes)


def test_cli_skip_flag_and_exit_codes(tmp_path: Path) -> None:
    path = write_report(tmp_path, [{"file": "missing.pdf", "title": "不存在的"}], {})
    run = [sys.executable, "-m", "compiler", "build", str(path)]
    failed = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    assert failed.returncode == 1 and "attachments[0].file" in failed.stderr
    assert not path.with_suffix(".pdf").exists()
    done = subprocess.run([*run, "--skip-bad-attachments"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "跳过" in done.stderr and path.with_suffix(".pdf").exists()


# ---------------------------------------------------------------------------------------------- images


@pytest.mark.parametrize(("size", "fmt", "suffix"), [((1240, 1754), "PNG", "png"), ((1754, 1240), "JPEG", "jpg")])
def test_images_go_on_a4_pages_in_their_orientation(
    tmp_path: Path, size: tuple[int, int], fmt: str, suffix: str
) -> None:
    name = f"scan.{suffix}"
    path = write_report(tmp_path, [{"file": name, "title": "扫描件"}], {name: image_bytes(size, fmt)})
    result = build(path)
    reader = PdfReader(result.output)
    last = reader.pages[-1]
    width, height = float(last.mediabox.width), float(last.mediabox.height)
    expected = A4_LANDSCAPE if size[0] > size[1] else A4_PORTRAIT
    assert (round(width), round(height)) == (round(expected[0]), round(expected[1]))
    images = list(last.images)
    assert len(images) == 1
    assert images[0].image.size == size  # embedded at full resolution, scaled on the page
    assert page_numbers(result.output.read_bytes())[-1] == len(reader.pages)


def test_image_is_fitted_inside_the_type_area(tmp_path: Path) -> None:
    import pdfplumber

    path = write_report(
        tmp_path, [{"file": "tall.png", "title": "细长图"}], {"tall.png": image_bytes((300, 3000), "PNG")}
    )
    result = build(path)
    with pdfplumber.open(result.output) as doc:
        page = doc.pages[-1]
        (image,) = page.images
        left, right = 28 * 72 / 25.4, (28 + 156) * 72 / 25.4
        top, bottom = 37 * 72 / 25.4, (37 + 225) * 72 / 25.4
        assert left - 0.5 <= image["x0"] and image["x1"] <= right + 0.5
        assert top - 0.5 <= image["top"] and image["bottom"] <= bottom + 0.5
        assert abs((image["bottom"] - image["top"]) / (image["x1"] - image["x0"]) - 10) < 0.05  # aspect kept


def test_non_a4_pdf_pages_are_kept_at_their_size(tmp_path: Path) -> None:
    data = pdf_bytes([A3_PORTRAIT])
    path = write_report(tmp_path, [{"file": "a3.pdf", "title": "A3"}], {"a3.pdf": data})
    reader = PdfReader(io.BytesIO(build(path).output.read_bytes()))
    box = reader.pages[-1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A3_PORTRAIT[0]), round(A3_PORTRAIT[1]))


# ---------------------------------------------------------------------------------------------- 附件说明


@pytest.mark.parametrize("count", [2, 10])
def test_wrapped_attachment_titles_align_with_the_title(tmp_path: Path, count: int) -> None:
    """§7.3.4: "附件：1. 标题" — a wrapped line starts under the title's first character, for one- and
    two-digit numbers alike (measured from the PDF)."""
    import pdfplumber

    long_title = "南江县人民政府办公室关于进一步加强和规范政府信息公开申请办理工作的实施意见及其配套制度汇编"
    files = {f"a{i}.pdf": pdf_bytes([A4_PORTRAIT]) for i in range(count)}
    attachments = [{"file": f"a{i}.pdf", "title": long_title if i == count - 1 else f"附件{i}"} for i in range(count)]
    pdf = build(write_report(tmp_path, attachments, files)).output
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            chars = page.chars
            starts = [
                c
                for c in chars
                if c["text"] == "南"
                and "".join(
                    x["text"] for x in chars if abs(x["top"] - c["top"]) < 1 and x["x0"] >= c["x0"] - 0.1
                ).startswith("南江县人民政府办公室")
            ]
            if starts:
                break
        else:
            raise AssertionError("attachment list not found")
        first = starts[0]
        rows: dict[float, list[dict]] = {}
        for c in page.chars:
            if c["top"] > first["top"] - 1:
                rows.setdefault(round(c["top"], 1), []).append(c)
        following = sorted(rows)[1]  # the wrapped line right under the title's first line
        wrapped = min(rows[following], key=lambda c: c["x0"])
    assert abs(wrapped["x0"] - first["x0"]) <= 0.5, (wrapped["text"], wrapped["x0"], first["x0"])
