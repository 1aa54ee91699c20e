"""The finished PDF read back: continuous page numbers in the report's place and font on every attachment page
(rotated, landscape, A3, Letter), "附件n" labels, the outline, viewer settings, metadata, determinism."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.build import build
from tests.attachment_files import (
    A3_PORTRAIT,
    A4_LANDSCAPE,
    A4_PORTRAIT,
    LETTER,
    MM,
    NUMBER,
    image_bytes,
    page_numbers,
    pdf_bytes,
    write_report,
)
from tests.pdfread import Document, Line, read_pdf

ATTACHMENTS = [
    {"file": "mixed.pdf", "title": "统计表（三页）"},
    {"file": "rotated.pdf", "title": "旋转的附件"},
    {"file": "scan.png", "title": "扫描件"},
]


def _files() -> dict[str, bytes]:
    return {
        "mixed.pdf": pdf_bytes([A4_PORTRAIT, A4_LANDSCAPE, A3_PORTRAIT], marker="MIX"),
        "rotated.pdf": pdf_bytes([A4_PORTRAIT, LETTER, A4_PORTRAIT], rotate=90, marker="ROT"),
        "scan.png": image_bytes((800, 600), "PNG"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, int]:
    folder = tmp_path_factory.mktemp("finish")
    path = write_report(folder, ATTACHMENTS, _files())
    result = build(path)
    pdf = result.output.read_bytes()
    report_pages = len(PdfReader(io.BytesIO(pdf)).pages) - 7  # 3 + 3 + 1 attachment pages
    return path, pdf, report_pages


@pytest.fixture(scope="module")
def built_plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, int]:
    """The same report without attachments: finished by ReportLab alone (pypdf is not involved)."""
    path = write_report(tmp_path_factory.mktemp("plain"), [], {})
    pdf = build(path).output.read_bytes()
    return path, pdf, len(PdfReader(io.BytesIO(pdf)).pages)


BOTH = pytest.mark.parametrize("which", ["built", "built_plain"], ids=["with-attachments", "without"])


@pytest.fixture(scope="module")
def doc(built: tuple[Path, bytes, int]) -> Document:
    return read_pdf(built[1])


def _number_line(doc: Document, index: int) -> Line:
    found = [ln for ln in doc.pages[index].lines if NUMBER.fullmatch(ln.text)]
    assert found, f"no upright page number on page {index + 1}: {doc.pages[index].text!r}"
    return found[-1]


def test_page_numbers_run_on_through_every_attachment_page(built: tuple[Path, bytes, int]) -> None:
    _, pdf, _ = built
    numbers = page_numbers(pdf)
    assert numbers == list(range(1, len(numbers) + 1))


def test_numbers_are_upright_in_the_reports_place_and_font(doc: Document, built: tuple[Path, bytes, int]) -> None:
    _, _, report_pages = built
    reference = {1: _number_line(doc, 0), 0: _number_line(doc, 1)}  # odd page 1, even page 2 of the report
    ref_page = doc.pages[0]
    for index in range(report_pages, len(doc.pages)):
        page = doc.pages[index]
        line = _number_line(doc, index)  # the regex matched one line: one baseline, left to right = upright
        assert int(NUMBER.fullmatch(line.text).group(1)) == index + 1
        assert [g.x for g in line.glyphs] == sorted(g.x for g in line.glyphs)
        ref = reference[(index + 1) % 2]
        assert line.fonts == ref.fonts and line.size == pytest.approx(ref.size)
        assert line.x0 > 0 and line.x1 < page.width and 0 < line.baseline < page.height  # inside the page
        if min(page.width, page.height) >= ref_page.width - 1 and max(page.width, page.height) >= ref_page.height - 1:
            # A4 or larger, either way round: the same distance from the bottom and the outer corner as on the report
            assert line.baseline == pytest.approx(ref.baseline, abs=0.3)
            if (index + 1) % 2:
                assert page.width - line.x1 == pytest.approx(ref_page.width - ref.x1, abs=0.3)
            else:
                assert line.x0 == pytest.approx(ref.x0, abs=0.3)


def test_each_attachment_starts_with_its_label_at_the_top_left(doc: Document, built: tuple[Path, bytes, int]) -> None:
    _, _, report_pages = built
    firsts = {report_pages: "附件1", report_pages + 3: "附件2", report_pages + 6: "附件3"}
    for index in range(report_pages, len(doc.pages)):
        page = doc.pages[index]
        labels = [ln for ln in page.lines if ln.text.startswith("附件")]
        if index not in firsts:
            assert labels == []
            continue
        (label,) = labels
        assert label.text == firsts[index]
        assert label.x0 == pytest.approx(28 * MM, abs=0.5)  # flush left in the 版心
        top = page.height - 37 * MM
        if label.baseline > top:  # stamped on the attachment's own page: in the 天头, clear of its content
            assert label.baseline - 0.12 * 16 - top == pytest.approx(3 * MM, abs=0.5)
        else:  # a page gongkai drew (scan image below it): line 1
            assert top - label.baseline == pytest.approx(0.88 * 16, abs=1.0)
        for other in page.lines:  # nothing the page prints lies under the label
            if other is not label:
                assert abs(other.baseline - label.baseline) > 16 or other.x0 > label.x0 + 4 * 16, other.text
        assert label.size == pytest.approx(16) and label.fonts == {"GongkaiHei-Regular"}


def test_attachment_pages_keep_their_size_and_content(built: tuple[Path, bytes, int]) -> None:
    _, pdf, report_pages = built
    reader = PdfReader(io.BytesIO(pdf))
    pages = reader.pages[report_pages:]
    shown = []
    for page in pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        shown.append((round(w), round(h)) if page.rotation % 180 == 0 else (round(h), round(w)))
    a4, a4l, a3 = [(round(a), round(b)) for a, b in (A4_PORTRAIT, A4_LANDSCAPE, A3_PORTRAIT)]
    letter_l = (round(LETTER[1]), round(LETTER[0]))
    assert shown == [a4, a4l, a3, a4l, letter_l, a4l, a4l]  # rotated pages are shown landscape
    assert "MIX p2" in pages[1].extract_text() and "ROT p2" in pages[4].extract_text()


def test_page_numbers_read_upright_on_rotated_attachment_pages(built: tuple[Path, bytes, int]) -> None:
    """The stamped page number runs left to right as the page is *displayed*: the text direction in the
    content (counter-clockwise angle of the text matrix) minus the page's /Rotate (clockwise) is 0°."""
    import math

    import pdfplumber

    _, pdf, report_pages = built
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages[report_pages:], start=report_pages + 1):
            digits = [c for c in page.chars if c["text"] in "0123456789"]
            stamped = [c for c in digits if c["text"] in str(number)]
            assert stamped, f"page {number}: no page number"
            for c in stamped:
                a, b = c["matrix"][0], c["matrix"][1]
                shown = (math.degrees(math.atan2(b, a)) - page.rotation) % 360
                assert min(shown, 360 - shown) < 1, (number, page.rotation, c["matrix"])


def test_outline_lists_every_part_then_the_attachments(built: tuple[Path, bytes, int]) -> None:
    _, pdf, report_pages = built
    reader = PdfReader(io.BytesIO(pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles[0].startswith("一、") and titles[-1] == "附件"
    assert [t[:2] for t in titles[:9]] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"]
    children = reader.outline[-1]
    assert isinstance(children, list)
    assert [c.title for c in children] == ["附件1 统计表（三页）", "附件2 旋转的附件", "附件3 扫描件"]
    assert [reader.get_destination_page_number(c) for c in children] == [
        report_pages,
        report_pages + 3,
        report_pages + 6,
    ]
    assert all(reader.get_destination_page_number(t) < report_pages for t in top[:-1])


@BOTH
def test_viewer_settings_page_labels_and_metadata(which: str, request: pytest.FixtureRequest) -> None:
    _, pdf, _ = request.getfixturevalue(which)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert root["/PageMode"] == "/UseOutlines"
    assert reader.page_labels == [str(n) for n in range(1, len(reader.pages) + 1)]
    assert "/OpenAction" not in root  # a viewer opens on page 1 unless told otherwise
    meta = reader.metadata
    assert meta.title == "测试县人民政府2018年政府信息公开工作年度报告"
    assert meta.author == "测试县人民政府"
    assert meta["/Producer"].startswith("gongkai ")
    assert meta["/CreationDate"] == "D:20190214000000+08'00'" == meta["/ModDate"]
    xmp = root["/Metadata"].get_object()
    assert xmp["/Subtype"] == "/XML"
    tree = ET.fromstring(xmp.get_data().split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    text = ET.tostring(tree, encoding="unicode")
    assert "测试县人民政府2018年政府信息公开工作年度报告" in text and "2019-02-14T00:00:00+08:00" in text


@BOTH
def test_embedded_files_are_associated_with_the_document(which: str, request: pytest.FixtureRequest) -> None:
    path, pdf, _ = request.getfixturevalue(which)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments["report.toml"] == [path.read_bytes()]
    tree = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    keys, specs = [str(k) for k in tree[0::2]], [ref.get_object() for ref in tree[1::2]]
    assert keys == sorted(keys)  # a name tree's keys are sorted
    embedded = [s["/EF"]["/F"].get_object() for s in specs]
    assert [e["/Subtype"] for e in embedded] == ["/application/json", "/application/toml"]
    assert b"/application#2Ftoml" in pdf  # the "/" inside a name is written escaped
    assert all(e["/Params"]["/Size"] == len(e.get_data()) for e in embedded)
    assert {str(s["/UF"]): s["/AFRelationship"] for s in specs} == {
        "report.toml": "/Source",
        "report.data.json": "/Data",
    }


def test_subset_font_names_are_distinct(built: tuple[Path, bytes, int]) -> None:
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    names: dict[str, set[int]] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            names.setdefault(str(font["/BaseFont"]), set()).add(ref.idnum)
    assert all(len(ids) == 1 for ids in names.values()), names  # one object per subset name
    assert any(n.endswith("+GongkaiSong-Regular") and not n.startswith("/AAAAAA") for n in names)


def test_same_input_same_bytes_and_a_content_derived_id(tmp_path: Path, built: tuple[Path, bytes, int]) -> None:
    path = write_report(tmp_path, ATTACHMENTS, _files())
    first = build(path).output.read_bytes()
    assert first == built[1]  # another folder, same process: identical bytes (other processes: test_determinism)
    file_id = PdfReader(io.BytesIO(first)).trailer["/ID"]
    assert file_id[0] == file_id[1] and len(file_id[0]) == 16
    (tmp_path / "scan.png").write_bytes(image_bytes((800, 601), "PNG"))
    other = PdfReader(io.BytesIO(build(path).output.read_bytes())).trailer["/ID"]
    assert other[0] != file_id[0]


def test_source_date_epoch_sets_the_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = write_report(tmp_path, [], {})
    meta = PdfReader(build(path).output).metadata
    assert meta["/CreationDate"] == "D:20231114221320+00'00'"


def test_separator_pages_carry_label_and_title(tmp_path: Path) -> None:
    """The other style option: each attachment behind a page of its own with 附件n on line 1 and its title
    centred on line 3 (GB/T 9704 §7.3.7)."""
    from compiler.build import check_report, report_blocks
    from compiler.files.attachments import load_attachments
    from compiler.render.pdf.finish.assemble import plan_finish
    from compiler.render.pdf.typeset.render import render_pdf
    from compiler.render.style import load_style

    path = write_report(tmp_path, ATTACHMENTS[:2], _files())
    report, _ = check_report(path)
    sheet = load_style()
    sheet.data["attachments"] = {"label_on": "separator"}
    info = report.host.document_info(report)
    plan = plan_finish(report, info, sheet=sheet, attachments=load_attachments(report))
    rendered = render_pdf(report_blocks(report)[0], sheet, info, on_save=plan.on_save)
    finished = plan.complete(rendered)
    assert finished.pages == rendered.pages + 1 + 3 + 1 + 3
    doc = read_pdf(finished.pdf)
    separator = doc.pages[rendered.pages]
    assert [ln.text for ln in separator.lines][:2] == ["附件1", "统计表（三页）"]
    title = separator.lines[1]
    centre = 28 * MM + 156 * MM / 2
    right = title.glyphs[-1].x + title.size  # the advance, not the ink: "）" is inked on its left half
    assert (title.x0 + right) / 2 == pytest.approx(centre, abs=1)
    line3 = separator.height - 37 * MM - 2 * 29.61
    assert line3 - title.baseline == pytest.approx(0.88 * title.size, abs=1.0)
    assert "MIX p1" in PdfReader(io.BytesIO(finished.pdf)).pages[rendered.pages + 1].extract_text()
    assert "附件" not in doc.pages[rendered.pages + 1].text  # no stamp on the attachment itself
    assert page_numbers(finished.pdf) == list(range(1, finished.pages + 1))


def test_completing_a_report_rendered_without_the_save_hook_is_refused(tmp_path: Path) -> None:
    """Without on_save the PDF would silently lack its labels, XMP and embedded data."""
    from compiler.build import check_report, report_blocks
    from compiler.render.pdf.finish.assemble import plan_finish
    from compiler.render.pdf.typeset.render import render_pdf
    from compiler.render.style import load_style

    report, _ = check_report(write_report(tmp_path, [], {}))
    sheet = load_style()
    info = report.host.document_info(report)
    plan = plan_finish(report, info, sheet=sheet)
    rendered = render_pdf(report_blocks(report)[0], sheet, info)
    with pytest.raises(ValueError, match="on_save"):
        plan.complete(rendered)
