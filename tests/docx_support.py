"""LibreOffice for the Word renderer's tests: convert a DOCX to PDF headless, with the shipped open fonts standing
in for the licensed Word names (仿宋_GB2312 → Gongkai FangSong …), as a clerk's machine would have the originals.

Each conversion runs with a profile of its own (``-env:UserInstallation``), so parallel runs never share one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Word family names (styles/gbt9704.toml [fonts.prefer]) → the shipped faces that stand in for them.
STAND_INS = {
    "仿宋_GB2312": "Gongkai FangSong",
    "仿宋": "Gongkai FangSong",
    "楷体_GB2312": "Gongkai Kai",
    "楷体": "Gongkai Kai",
    "黑体": "Gongkai Hei",
    "SimHei": "Gongkai Hei",
    "宋体": "Gongkai Song",
    "SimSun": "Gongkai Song",
    "方正小标宋简体": "Gongkai Song",
    "方正小标宋_GBK": "Gongkai Song",
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fontconfig(folder: Path) -> Path:
    """A fontconfig file: the system's configuration, the repository's fonts/, and the stand-ins."""
    aliases = "\n".join(
        f'  <alias binding="same"><family>{word}</family><prefer><family>{ours}</family></prefer></alias>'
        for word, ours in STAND_INS.items()
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{ROOT / 'fonts'}</dir>\n  <cachedir>{folder / 'fc-cache'}</cachedir>\n{aliases}\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def convert_to_pdf(docx: Path, folder: Path, timeout: float = 240) -> Path:
    """``docx`` converted by LibreOffice; the PDF lands in ``folder``."""
    exe = soffice()
    assert exe, "LibreOffice is not installed"
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(folder)), "HOME": str(folder)}
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=env,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {docx}"
    return pdf
