"""Where the 版记 (GB/T 9704 §7.4, ``[imprint]``) lands outside the PDF without attachments: at the foot of the last
page in Word and LibreOffice (frames placed from the top margin, read back from the XML and from LibreOffice's
PDF), and after merged attachments in the PDF, on a page of its own — an even one, a blank page before it when
need be, neither then numbered (§7.5).  The PDF without attachments is tested in test_gbt9704_elements.py."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from compiler.build import build
from compiler.model.document import Imprint
from tests.attachment_files import A4_PORTRAIT, page_numbers, pdf_bytes, write_report
from tests.conftest import legacy
from tests.docx_support import convert_to_pdf, soffice
from tests.require import require

pdfplumber = pytest.importorskip("pdfplumber")

IMPRINT = {"issuer": "测试县人民政府办公室", "date": dt.date(2019, 2, 15), "cc": "县委办公室，县人大常委会办公室"}
MM = 72 / 25.4
BOTTOM = (297 - 35) * MM  # the 版心's bottom edge, in points from the top of the page
ISSUED = "测试县人民政府办公室"


def _line_bottom(page, start: str) -> float:
    """The bottom of the first line of ``page`` starting with ``start`` (white space left out: LibreOffice spaces
    "2019 年 2 月 14 日")."""
    lines = page.extract_text_lines()
    return next(float(ln["bottom"]) for ln in lines if "".join(ln["text"].split()).startswith(start))


def _rules(page) -> list[tuple[float, float]]:
    """(top, width) of the horizontal rules drawn on ``page``, top down."""
    return sorted((round(float(e["top"]), 1), round(float(e["linewidth"]), 2)) for e in page.lines)


# ---------------------------------------------------------------------------------------------- Word


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import tomli_w

    folder = tmp_path_factory.mktemp("imprint-docx")
    source = folder / "report.toml"
    source.write_text(tomli_w.dumps(legacy(imprint=IMPRINT)), encoding="utf-8")
    return build(source, folder / "report", to=["docx", "pdf"]).outputs


def test_each_imprint_row_is_a_frame_at_the_foot_of_the_type_area(word) -> None:
    document = docx.Document(str(word["docx"]))
    section = document.sections[0]
    body_height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    body_width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    rows = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:framePr")) is not None]
    assert [p.text for p in rows] == ["抄送：县委办公室，县人大常委会办公室", f"{ISSUED}\t2019年2月15日印发"]
    frames = [p._p.pPr.find(qn("w:framePr")) for p in rows]
    for frame in frames:
        assert frame.get(qn("w:vAnchor")) == frame.get(qn("w:hAnchor")) == "margin"
        assert frame.get(qn("w:hRule")) == "exact" and frame.get(qn("w:wrap")) == "notBeside"
        assert int(frame.get(qn("w:w"))) == body_width and int(frame.get(qn("w:x"))) == 0
    tops = [int(f.get(qn("w:y"))) for f in frames]
    heights = [int(f.get(qn("w:h"))) for f in frames]
    assert tops[0] + heights[0] == tops[1]  # one under the other …
    assert abs(tops[1] + heights[1] - body_height) <= 2  # … the last ending on the 版心's bottom edge
    borders = [{b.tag.rsplit("}", 1)[1]: int(b.get(qn("w:sz"))) for b in p._p.pPr.find(qn("w:pBdr"))} for p in rows]
    assert borders == [{"top": 8}, {"top": 6, "bottom": 8}]  # 0.35 mm outside, 0.25 mm between (§7.4.1)
    # the frames hang on an empty paragraph after them, the last in the document
    assert document.paragraphs[-1].text == ""
    assert document.element.body.index(rows[-1]._p) + 1 == document.element.body.index(document.paragraphs[-1]._p)


def test_the_word_file_still_imports_its_imprint(word) -> None:
    from compiler.importers.run import import_file

    assert import_file(word["docx"]).result.data["imprint"] == IMPRINT


def test_libreoffice_sets_the_imprint_at_the_foot_of_the_last_page(word, tmp_path: Path) -> None:
    require(soffice(), "LibreOffice (Debian package libreoffice-writer-nogui) is not installed")
    converted = convert_to_pdf(word["docx"], tmp_path / "lo")
    with pdfplumber.open(converted) as theirs, pdfplumber.open(word["pdf"]) as ours:
        assert len(theirs.pages) == len(ours.pages)
        last = theirs.pages[-1]
        dated = _line_bottom(last, "2019年2月14")  # the 成文日期 under the 署名
        cc, issued = _line_bottom(last, "抄送："), _line_bottom(last, ISSUED)
        # below the signature, at the foot: in the text flow it stood two lines under the date (~ 390 pt)
        assert dated < cc < issued
        assert BOTTOM - 20 < issued < BOTTOM
        assert issued - dated > 300
        drawn, printed = _rules(last), _rules(ours.pages[-1])
        assert len(drawn) == 3 and [w for _, w in drawn] == pytest.approx([1.0, 0.75, 1.0], abs=0.05)
        assert drawn[-1][0] == pytest.approx(BOTTOM, abs=1.5)  # the last rule on the 版心's bottom edge
        for (top, _), (pdf_top, _) in zip(drawn, printed, strict=True):
            assert top == pytest.approx(pdf_top, abs=1.5)  # where gongkai's PDF has its rules


# ---------------------------------------------------------------------------------------------- PDF + attachments


def _with_attachment(tmp_path: Path, pages: int) -> bytes:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = write_report(
        tmp_path, [{"file": "a.pdf", "title": "考核结果"}], {"a.pdf": pdf_bytes([A4_PORTRAIT] * pages)}, imprint=IMPRINT
    )
    out = tmp_path / "report.pdf"
    build(path, out, to=["pdf"])
    return out.read_bytes()


def _texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


@pytest.mark.parametrize(
    ("attachment_pages", "numbers"),
    [
        (1, [1, 2, 3, 4]),  # the 版记 page is page 4, even: numbered like the others
        (2, [1, 2, 3, 4, None, None]),  # it would be page 5: a blank page 5, the 版记 on 6, neither numbered
    ],
)
def test_the_imprint_follows_the_attachments_on_an_even_page(tmp_path: Path, attachment_pages: int, numbers) -> None:
    pdf = _with_attachment(tmp_path, attachment_pages)
    texts = _texts(pdf)
    assert page_numbers(pdf) == numbers
    report = texts[:2]
    assert "2019年2月14日" in report[-1] and not any("印发" in t or "抄送" in t for t in report)
    attachments = texts[2 : 2 + attachment_pages]
    assert [("ATT p" in t) for t in attachments] == [True] * attachment_pages
    if attachment_pages == 2:
        assert texts[4].strip() == ""  # the blank page
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        last = doc.pages[-1]
        assert "ATT" not in (last.extract_text() or "")
        cc, issued = _line_bottom(last, "抄送："), _line_bottom(last, ISSUED)
        assert cc < issued and BOTTOM - 20 < issued < BOTTOM
        rules = _rules(last)
        assert [w for _, w in rules] == pytest.approx([0.99, 0.71, 0.99], abs=0.02)
        assert rules[-1][0] == pytest.approx(BOTTOM, abs=0.3)  # as on a report's last page


def test_the_pdf_with_the_moved_imprint_keeps_its_outline_and_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = _with_attachment(tmp_path / "a", 2)
    assert _with_attachment(tmp_path / "b", 2) == first
    reader = PdfReader(io.BytesIO(first))
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top][-1] == "附件"
    assert reader.get_destination_page_number(top[-1]) == 2  # the attachment starts on page 3
    assert "/PageLabels" in reader.trailer["/Root"]


def test_without_attachments_the_imprint_stays_on_the_reports_last_page(tmp_path: Path, write_toml) -> None:
    out = tmp_path / "report.pdf"
    build(write_toml(legacy(imprint=IMPRINT)), out, to=["pdf"])
    texts = _texts(out.read_bytes())
    assert len(texts) == 2 and "2019年2月14日" in texts[-1] and "印发" in texts[-1]
    assert page_numbers(out.read_bytes()) == [1, 2]


def test_a_moved_imprint_no_font_can_draw_is_named(tmp_path: Path) -> None:
    from compiler.render.pdf.finish.stamp import Slot, check_text
    from compiler.render.style import load_style

    sheet = load_style()
    slot = Slot("imprint", 595, 842, 4, imprint=Imprint("测试\ue000办公室", "2019年2月15日印发"))
    [problem] = check_text([slot], sheet)
    assert problem.rule == "font.missing-glyph" and "版记" in problem.message
