"""The web page in a real browser: headless Chromium (Debian package ``chromium``) renders the seed and the
2021 example at 375 px (a phone) and 1280 px; the page never scrolls sideways (wide tables scroll in their
own box), the text Chromium reads back from its DOM is the PDF's text, Chromium's own parse keeps the
structure, and printing the page gives A4 pages with the style sheet's margins.

The product page runs no script and its Content-Security-Policy forbids one; the tests measure a *copy*
with the policy removed and a script added that writes the measurements into the DOM, read back with
``--dump-dom``.  Chromium draws with the shipped fonts (a fontconfig file naming ``fonts/``), so the
screenshots do not depend on the fonts of the machine.

Without Chromium the tests skip with the reason; under CI they fail instead (tests/require.py).
``GONGKAI_UPDATE_SCREENSHOTS=1`` writes the README's screenshots (docs/img/html-375.png, html-1280.png).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest

from compiler.build import build
from tests.pdfread import MM, read_pdf
from tests.require import require
from tests.test_render_html import EXAMPLE_2021, SEED, copy_example

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (375, 1280)
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
)

#: The measuring page: each product page, unchanged, in an iframe exactly ``width`` px wide (headless Chromium's
#: window is never narrower than 500 px), and a script in the *outer* page that reads the inner ones.  One
#: Chromium run measures many pages (starting Chromium is most of a measurement's time); each frame is its own
#: document, so a page is measured as it would be alone (``test_a_page_measures_the_same_alone_and_in_a_batch``).
MEASURE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>body { margin: 0; } iframe { border: 0; display: block; }</style></head>
<body>FRAMES
<script>
const frames = [...document.querySelectorAll("iframe.gk-page")];
const results = new Array(frames.length);
let left = frames.length;
function measure(index) {
  const frame = frames[index];
  if (results[index] !== undefined) return;
  results[index] = null;
  const doc = frame.contentDocument, win = frame.contentWindow;
  doc.fonts.ready.then(() => {
    const root = doc.documentElement;
    const article = doc.querySelector("article");
    const added = "[data-gongkai-added]";
    const clone = article.cloneNode(true);
    clone.querySelectorAll(added).forEach((e) => e.remove());
    const prose = [...article.querySelectorAll("h1, h2, h3, h4, h5, h6, p")].filter((e) => !e.closest(added));
    results[index] = {
      innerWidth: win.innerWidth,
      scrollWidth: root.scrollWidth,
      bodyScrollWidth: doc.body.scrollWidth,
      boxes: [...doc.querySelectorAll("[role=region]")].map((e) => [e.scrollWidth, e.clientWidth]),
      text: clone.textContent,
      prose: prose.map((e) => e.textContent),
      tags: [...article.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()).join(" "),
      spans: [...article.querySelectorAll("th, td")].map((e) => [e.rowSpan, e.colSpan]),
      h1: doc.querySelectorAll("h1").length,
      scripts: doc.scripts.length,
    };
    if (--left === 0) {
      const pre = document.createElement("pre");
      pre.id = "gk-result";
      pre.textContent = JSON.stringify(results);
      document.body.append(pre);
    }
  });
}
frames.forEach((frame, index) => {
  const ready = frame.contentDocument;
  if (ready && ready.readyState === "complete" && ready.querySelector("article")) {
    measure(index);
  } else {
    frame.addEventListener("load", () => measure(index));
  }
});
</script></body></html>
"""
FRAME = '<iframe class="gk-page" width="WIDTH" height="900" srcdoc="SRCDOC"></iframe>'


class Chromium:
    def __init__(self, exe: str, folder: Path):
        self.exe, self.folder = exe, folder
        conf = folder / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f"  <dir>{ROOT / 'fonts'}</dir>\n"
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"  <cachedir>{folder / 'fontcache'}</cachedir>\n</fontconfig>\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
        self.runs = 0

    def run(self, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
        self.runs += 1
        command = [
            self.exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            f"--user-data-dir={self.folder / f'profile{self.runs}'}",
            *args,
            page.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=self.env)
        assert done.returncode == 0, done.stderr[-2000:]
        return done

    def measure(self, page: Path, width: int) -> dict[str, Any]:
        """Load ``page`` in a frame ``width`` px wide and return what the measuring script found."""
        return self.measure_many([page], width)[0]

    def measure_many(self, pages: list[Path], width: int) -> list[dict[str, Any]]:
        """Load each of ``pages`` in its own frame ``width`` px wide, in one Chromium run; what the measuring
        script found in each, in order."""
        from html import escape

        frames = "\n".join(
            FRAME.replace("WIDTH", str(width)).replace("SRCDOC", escape(page.read_text(encoding="utf-8"), quote=True))
            for page in pages
        )
        wrapper = pages[0].with_name(f"{pages[0].stem}.measure-{width}-{len(pages)}.html")
        wrapper.write_text(MEASURE.replace("FRAMES", frames), encoding="utf-8")
        budget = 5000 + 200 * len(pages)
        done = self.run(wrapper, "--window-size=1400,1000", f"--virtual-time-budget={budget}", "--dump-dom")
        parser = html5lib.HTMLParser(namespaceHTMLElements=False)
        result = parser.parse(done.stdout).find(".//pre[@id='gk-result']")
        assert result is not None, "the measuring script did not finish: " + done.stderr[-1000:]
        found = json.loads(result.text)
        assert len(found) == len(pages) and all(found), found
        return found

    def screenshot(self, page: Path, width: int, height: int, out: Path) -> Path:
        self.run(page, f"--window-size={width},{height}", f"--screenshot={out}", "--virtual-time-budget=3000")
        return out

    def print_pdf(self, page: Path, out: Path) -> bytes:
        self.run(page, f"--print-to-pdf={out}", "--no-pdf-header-footer", "--virtual-time-budget=3000")
        return out.read_bytes()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    require(CHROMIUM, "Chromium is not installed (Debian package chromium; `make test` installs it when run as root)")
    assert CHROMIUM is not None
    return Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out = {}
    for name, example in (("seed", SEED), ("2021", EXAMPLE_2021)):
        path = copy_example(example, tmp_path_factory.mktemp(f"browser-{name}"))
        out[name] = build(path, to=["pdf", "html", "html-fragment"]).outputs
    return out


@pytest.fixture(scope="module")
def measured(chromium: Chromium, built) -> dict[tuple[str, int], dict[str, Any]]:
    return {(name, width): chromium.measure(built[name]["html"], width) for name in built for width in WIDTHS}


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as a reader sees it, page by page, without the page numbers and without whitespace."""
    lines = [line.text for page in read_pdf(pdf).pages for line in page.lines]
    text = "".join(t for t in lines if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", t))
    return squash(text)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["seed", "2021"])
def test_the_page_never_scrolls_sideways(measured, name: str, width: int) -> None:
    m = measured[(name, width)]
    assert m["innerWidth"] == width and m["scripts"] == 0
    assert m["scrollWidth"] <= width and m["bodyScrollWidth"] <= width, m
    for _scroll, client in m["boxes"]:  # a table box is never wider than the page; wider tables scroll inside
        assert client <= width
    if name == "2021" and width == 375:
        assert any(scroll > client for scroll, client in m["boxes"]), "table 三 should scroll in its own box"
    if width == 1280:
        assert all(scroll <= client for scroll, client in m["boxes"]), m["boxes"]


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_the_text_read_back_from_the_dom_is_the_pdfs(measured, built, name: str) -> None:
    dom = squash(measured[(name, 375)]["text"])
    pdf = pdf_text(built[name]["pdf"].read_bytes())
    assert Counter(dom) == Counter(pdf)  # the same characters, digits and marks, as often
    position = 0  # and the prose in the same order (table cells are read in another order by PDF readers)
    for block in measured[(name, 375)]["prose"]:
        found = pdf.find(squash(block), position)
        assert found >= 0, f"not in the PDF after position {position}: {block!r}"
        position = found + len(squash(block))
    if name == "seed":
        reference = (ROOT / "tests" / "data" / "reference" / "nanjiang-2018.txt").read_text(encoding="utf-8")
        assert "64585" in dom and "64585" in reference


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_chromium_parses_the_structure_the_renderer_wrote(measured, built, name: str) -> None:
    m = measured[(name, 1280)]
    assert m["h1"] == 1
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    article = parser.parse(built[name]["html"].read_text(encoding="utf-8")).find(".//article")
    assert m["tags"] == " ".join(str(e.tag) for e in article.iter() if e is not article)
    assert m["spans"] == [
        [int(c.get("rowspan", 1)), int(c.get("colspan", 1))] for c in article.iter() if c.tag in ("th", "td")
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_fragment_pasted_into_a_bare_page_reads_the_same_and_never_scrolls_sideways(
    chromium: Chromium, built, measured, tmp_path: Path, width: int
) -> None:
    fragment = built["2021"]["html-fragment"].read_text(encoding="utf-8")
    host = tmp_path / "portal.html"  # a portal page with no styles of its own for the article
    host.write_text(
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>门户</title></head>'
        f"<body>{fragment}</body></html>\n",
        encoding="utf-8",
    )
    m = chromium.measure(host, width)
    assert m["scrollWidth"] <= width and m["bodyScrollWidth"] <= width, m
    assert squash(m["text"]) == squash(measured[("2021", width)]["text"])
    if width == 375:
        assert any(scroll > client for scroll, client in m["boxes"])


def test_printing_the_page_gives_a4_pages_with_the_gbt9704_margins(chromium: Chromium, built, tmp_path: Path) -> None:
    pdf = chromium.print_pdf(built["seed"]["html"], tmp_path / "printed.pdf")
    doc = read_pdf(pdf)
    assert len(doc.pages) >= 5
    for page in doc.pages:
        assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1
    glyphs = [g for page in doc.pages for line in page.lines for g in line.glyphs]
    left = min(g.x for g in glyphs)
    right = max(g.box[2] for g in glyphs)
    top = max(g.box[3] for g in glyphs)
    assert abs(left - 28 * MM) < 1.0, left / MM  # 订口 28 mm
    assert right <= (28 + 156) * MM + 1.0, right / MM  # 版心 156 mm
    assert top <= (297 - 37) * MM + 1.0, top / MM  # 天头 37 mm
    gaps = [a.baseline - b.baseline for page in doc.pages for a, b in zip(page.lines, page.lines[1:], strict=False)]
    body = [g for g in gaps if 28 < g < 31]  # consecutive lines of one paragraph (the browser snaps them to pixels)
    assert len(body) > 100 and abs(sum(body) / len(body) - 29.61) < 0.1  # the grid's line pitch, on average
    heights = Counter(round(g.box[3] - g.box[1]) for g in glyphs if "\u4e00" <= g.char <= "\u9fff")
    assert 12 <= heights.most_common(1)[0][0] <= 16, heights.most_common(3)  # 3号 (16 pt) characters
    assert squash("".join(line.text for page in doc.pages for line in page.lines)).startswith("南江县人民政府")
    for number, page in enumerate(doc.pages, 1):  # "— n —" under the type area: odd pages right, even left
        line = next(x for x in page.lines if re.fullmatch(rf"\s*—\s*{number}\s*—\s*", x.text))
        assert line.baseline < (297 - 37 - 225) * MM
        if number % 2:
            assert abs(line.x1 - ((28 + 156) * MM - 14)) < 3 * MM, (number, line.x1 / MM)
        else:
            assert abs(line.x0 - (28 * MM + 14)) < 3 * MM, (number, line.x0 / MM)


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_at_each_width(chromium: Chromium, built, tmp_path: Path, width: int) -> None:
    page = built["2021"]["html"]
    height = 3200 if width == 375 else 2600
    shot = chromium.screenshot(page, width, height, tmp_path / f"html-{width}.png")
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (width, height)
        low, high = image.convert("L").getextrema()
        assert low < 64 and high > 192  # something was drawn
        if os.environ.get("GONGKAI_UPDATE_SCREENSHOTS") == "1":
            box = (0, 1850, 375, 2950) if width == 375 else (0, 1040, 1280, 2440)  # parts 二 and 三, tables
            image.crop(box).save(ROOT / "docs" / "img" / f"html-{width}.png", optimize=True)


CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").glob("*/report.toml"))
PREVIOUS = re.compile(r'^previous\s*=\s*"([^"]+)"', re.MULTILINE)


def copy_with_predecessors(report: Path, dest: Path) -> Path:
    """The report's folder and those its ``previous = "../…/report.toml"`` names (and theirs), side by side in
    ``dest``, without the published copies: a few folders, not the whole corpus for each of its reports."""
    todo, seen = [report.parent], set()
    while todo:
        folder = todo.pop()
        if folder.name in seen or not (folder / "report.toml").is_file():
            continue
        seen.add(folder.name)
        shutil.copytree(folder, dest / folder.name, ignore=shutil.ignore_patterns("published"))
        for name in PREVIOUS.findall((folder / "report.toml").read_text(encoding="utf-8")):
            todo.append((folder / name).parent)
    return dest / report.parent.name / "report.toml"


#: How many corpus reports one Chromium run measures: the first test of a batch builds and measures all of it.
BATCH = 40


class CorpusPages:
    """The corpus reports built as PDF and page, measured at 375 px a batch at a time, as the tests ask."""

    def __init__(self, chromium: Chromium, folder: Path):
        self.chromium, self.folder = chromium, folder
        self.done: dict[Path, tuple[dict[str, Path], dict[str, Any]]] = {}

    def get(self, report: Path) -> tuple[dict[str, Path], dict[str, Any]]:
        if report not in self.done:
            start = CORPUS.index(report) // BATCH * BATCH
            batch = [r for r in CORPUS[start : start + BATCH] if r not in self.done]
            outputs = [
                build(copy_with_predecessors(r, self.folder / r.parent.name / "corpus"), to=["pdf", "html"]).outputs
                for r in batch
            ]
            measured = self.chromium.measure_many([o["html"] for o in outputs], 375)
            self.done.update(zip(batch, zip(outputs, measured, strict=True), strict=True))
        return self.done[report]


@pytest.fixture(scope="module")
def corpus_pages(chromium: Chromium, tmp_path_factory: pytest.TempPathFactory) -> CorpusPages:
    return CorpusPages(chromium, tmp_path_factory.mktemp("corpus-pages"))


def test_a_page_measures_the_same_alone_and_in_a_batch(chromium: Chromium, built, tmp_path: Path) -> None:
    """The batch measurement the corpus test uses: each frame is its own document, so a page's measures do
    not depend on the pages beside it."""
    pages = [built["seed"]["html"], built["2021"]["html"], built["seed"]["html"]]
    alone = [chromium.measure(page, 375) for page in pages[:2]]
    batch = chromium.measure_many(pages, 375)
    assert batch == [alone[0], alone[1], alone[0]]
    assert alone[0] != alone[1]


@pytest.mark.parametrize("report", CORPUS, ids=[p.parent.name for p in CORPUS])
def test_real_published_reports_as_pages_on_a_phone(corpus_pages: CorpusPages, report: Path) -> None:
    """The corpus of real reports (tests/corpus/): each page valid, its tables' spans as the blocks say, no
    sideways scroll at 375 px, and the text Chromium reads the PDF's."""
    outputs, m = corpus_pages.get(report)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    article = parser.parse(outputs["html"].read_text(encoding="utf-8")).find(".//article")
    assert m["innerWidth"] == 375 and m["scripts"] == 0
    assert m["scrollWidth"] <= 375 and m["bodyScrollWidth"] <= 375, m
    assert m["spans"] == [
        [int(c.get("rowspan", 1)), int(c.get("colspan", 1))] for c in article.iter() if c.tag in ("th", "td")
    ]
    text = pdf_text(outputs["pdf"].read_bytes())
    # a report published without a title (report.no_title) keeps the page's one h1 for screen readers, hidden
    hidden = [h for h in article.iter("h1") if "visually-hidden" in (h.get("class") or "")]
    read = Counter(squash(m["text"])) - Counter(squash("".join(t for h in hidden for t in h.itertext())))
    assert read == Counter(text)
