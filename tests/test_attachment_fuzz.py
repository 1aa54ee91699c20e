"""Issue 12, item 8: a bounded fuzz test of the attachment path.  PDFs (plain, with active content, with
an image) and scans (PNG, JPEG) are mutated — bytes flipped, cut, repeated, tokens that matter to a PDF
spliced in — and each is built through the real command line (``main``, in-process for speed, each case
under an alarm).  Whatever the bytes: exit 0, 1 or 2, a message when not 0, no traceback, no internal
error, no partial file, and nothing active in a PDF that was written.

The seed is fixed, so a failure reproduces; ``GONGKAI_FUZZ_CASES`` runs more cases locally."""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
from pathlib import Path

import pytest
import tomli_w

from compiler.cli.commands import main
from tests.attachment_files import A4_PORTRAIT, active_in, active_pdf, image_bytes, pdf_bytes
from tests.conftest import legacy

CASES = int(os.environ.get("GONGKAI_FUZZ_CASES", "48"))
SECONDS_PER_CASE = 60
TOKENS = [b"/JavaScript", b"/AA", b"/Launch", b"obj", b"endobj", b"stream", b"endstream", b"<<", b">>", b"9999999999"]
TOKENS += [b"/Length 999999999", b"%%EOF", b"xref", b"trailer", b"/Filter /FlateDecode", b"[[[[[[[[", b"\x00" * 8]


def _seeds() -> dict[str, bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    scan = image_bytes((300, 400), "PNG")
    with_image = io.BytesIO()
    canvas = Canvas(with_image, pagesize=A4)
    canvas.drawImage(ImageReader(io.BytesIO(scan)), 50, 50, 300, 400)
    canvas.showPage()
    canvas.save()
    return {
        "plain.pdf": pdf_bytes([A4_PORTRAIT, A4_PORTRAIT]),
        "active.pdf": active_pdf(),
        "image.pdf": with_image.getvalue(),
        "scan.png": scan,
        "scan.jpg": image_bytes((300, 400), "JPEG"),
    }


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["flip", "cut", "repeat", "splice", "zero"])
        at = rng.randrange(len(data)) if data else 0
        if kind == "flip":
            for _ in range(rng.randint(1, 16)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == "cut":
            end = min(len(data), at + rng.randint(1, max(1, len(data) // 4)))
            del data[at:end]
        elif kind == "repeat":
            end = min(len(data), at + rng.randint(1, 512))
            data[at:at] = data[at:end] * rng.randint(1, 8)
        elif kind == "splice":
            data[at:at] = rng.choice(TOKENS)
        else:
            end = min(len(data), at + rng.randint(1, 256))
            data[at:end] = bytes(end - at)
        if not data:
            data = bytearray(b"%PDF-1.4\n")
    return bytes(data)


class CaseTimeout(Exception):
    pass


@contextlib.contextmanager
def alarm(seconds: int):
    def fire(_signum, _frame):
        raise CaseTimeout(f"one fuzz case took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


SEEDS = _seeds()
PLAN = [(name, case) for case in range(CASES) for name in [sorted(SEEDS)[case % len(SEEDS)]]]


@pytest.mark.parametrize(("seed", "case"), PLAN, ids=[f"{n}-{c}" for n, c in PLAN])
def test_a_mutated_attachment_is_built_or_refused_cleanly(tmp_path: Path, capsys, seed: str, case: int) -> None:
    rng = random.Random(f"gongkai-fuzz-{case}")
    data = mutate(SEEDS[seed], rng)
    name = "att" + Path(seed).suffix
    (tmp_path / name).write_bytes(data)
    report = {**legacy(), "attachments": [{"file": name, "title": "被篡改的附件"}]}
    (tmp_path / "report.toml").write_text(tomli_w.dumps(report), encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    with alarm(SECONDS_PER_CASE):
        code = main(["build", str(tmp_path / "report.toml")])
    out, err = capsys.readouterr()
    output = out + err
    assert code in (0, 1, 2), output
    assert "Traceback" not in output and "internal error" not in output and "内部错误" not in output
    after = sorted(os.listdir(tmp_path))
    if code == 0:
        assert after == sorted([*before, "report.pdf"])
        assert active_in((tmp_path / "report.pdf").read_bytes()) == [], "active content reached the output"
    else:
        assert after == before, "a failed build left a file behind"
        assert "attachments." in output or "未生成" in output, output  # a message naming what went wrong
