#!/usr/bin/env python3
"""Build the TrueType fonts shipped in ``fonts/`` from named Debian packages.

This is a developer tool, run when the shipped fonts have to change. It is not
used at install time or at run time, and nothing in the compiler imports it.

Build-time requirements (Debian/Ubuntu)::

    apt-get install texlive-lang-chinese fonts-noto-cjk
    python -m venv /tmp/fontvenv
    /tmp/fontvenv/bin/pip install fonttools==4.68.0
    /tmp/fontvenv/bin/python fonts/build.py

What it does, per output file:

1. locates the source font with ``dpkg -L <package>`` and records the package
   version with ``dpkg-query``;
2. in the Noto faces, points U+2014 (—) and U+00B7 (·) at their full-width
   glyphs (taken from the source's own ``fwid`` substitution), because ReportLab
   applies no OpenType features and Chinese text needs one-em 破折号 and 间隔号;
   the one-em dash bar is then stretched to the full em so that "——" joins;
   in the Fandol faces, which lack U+2015 (―, what Python's gb2312 codec gives
   for GB 2312 0xA1AA), U+2015 is mapped to the glyph of U+2014;
3. subsets to GB 2312 ∪ 《通用规范汉字表》 ∪ ASCII/Latin-1/punctuation/full-width
   forms; the rare-character face GongkaiSongExt-Regular instead gets the rest
   of the CJK Unified Ideographs block and Extension B (what no other face
   has), so that ordinary reports never load it. The OpenType layout tables
   (GSUB, GPOS, GDEF) are dropped; BASE (ideographic em-box) and vhea/vmtx kept;
4. converts the CFF (cubic) outlines to TrueType (quadratic) ``glyf`` outlines
   with cu2qu (maximum error per face: ``Spec.max_err`` font units), reversing
   contour direction, and rebuilds hmtx/vmtx side bearings, maxp, post, cmap
   and loca to match;
5. renames the family (OFL 1.1 asks that modified fonts be renamed) while
   keeping the copyright, trademark, credit and licence name records;
6. keeps the source's head.created and sets head.modified to FIXED_MODIFIED,
   so two runs give byte-identical files;

and then writes ``fonts/fonts.toml`` (the manifest) and ``fonts/LICENSES/``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import gzip
import hashlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools import version as FONTTOOLS_VERSION
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables._n_a_m_e import NameRecord

HERE = Path(__file__).resolve().parent
DATA_8105 = HERE / "data" / "tongyong-8105.txt"
LICENSE_DIR = HERE / "LICENSES"
MANIFEST = HERE / "fonts.toml"

# Maximum distance, in font units (1000 per em), between a cubic curve and its
# quadratic replacement. The Fandol faces (FangSong, Kai) have many more curve
# points per glyph than Noto and dominate the size of every PDF, so they use a
# coarser tolerance, chosen by rendering the seed at 600 dpi with each candidate
# (see PROVENANCE.md, "Outline tolerance"); Spec.max_err overrides this default.
MAX_ERR = 1.0
FANDOL_MAX_ERR = 4.0

# head.modified of every output file. Change it deliberately when the fonts
# change; leaving it alone is what makes rebuilds byte-identical.
# 2026-01-01T00:00:00Z, in seconds since 1904-01-01 (the OpenType epoch).
FIXED_MODIFIED = 3850070400

# Code points that must be one em wide for Chinese text set without OpenType
# features. If the source maps one of them to a narrower glyph and its 'fwid'
# feature offers a one-em alternative, the cmap is pointed at the alternative.
FULL_WIDTH = "“”‘’—·…"

# GB 2312 0xA1AA decodes (Python's gb2312 codec, after Unicode's GB2312.TXT) to
# U+2015 HORIZONTAL BAR, while GBK/GB 18030 and Chinese input methods give
# U+2014 EM DASH. A face that has only one of the two gets the other as an
# alias of the same glyph, so both spellings of the 破折号 render alike.
ALIASES = {0x2015: 0x2014, 0x2014: 0x2015}

# Symbols used in reports beyond the blocks below (℃ ‰ № ①–⑳ × ÷ ± ～ ·).
REPORT_SYMBOLS = "℃‰№×÷±～·" + "".join(chr(c) for c in range(0x2460, 0x2474))

BASE_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
URO = (0x4E00, 0x9FFF)  # CJK Unified Ideographs
EXT_A = (0x3400, 0x4DBF)  # CJK Unified Ideographs Extension A
EXT_B = (0x20000, 0x2A6DF)  # CJK Unified Ideographs Extension B

# Blocks of the rare-character face GongkaiSongExt-Regular (as far as the
# source has them, minus the base set, which GongkaiSong-Regular has).
# Measured with fontTools 4.68 (Noto Serif CJK SC Regular, glyphs / bytes of
# the whole file, when these blocks were still part of GongkaiSong-Regular):
#   base set only                 9,281 glyphs   3.5 MB
#   + URO                        22,295 glyphs   9.6 MB
#   + URO + Ext B (2,057 chars)  24,314 glyphs  10.6 MB
#   + URO + Ext A (6,582 chars)  28,798 glyphs  12.7 MB
#   + URO + Ext A + Ext B        30,816 glyphs  13.7 MB
# "URO + Ext B" keeps fonts/ at ~29 MB, under the 30 MB budget; add EXT_A here
# if the budget is raised. They live in a face of their own because ReportLab
# parses a whole file when it loads it (0.05 s and 30 MB of memory for these
# 15,000 glyphs), which every report would pay for characters few ever use.
RARE_BLOCKS = [URO, EXT_B]


@dataclass(frozen=True)
class Spec:
    filename: str
    role: str
    role_zh: str
    family: str
    style: str  # "Regular" or "Bold"
    package: str
    source_name: str  # file name inside the package
    face_family: str | None  # name ID 1 of the wanted face in a .ttc
    licence: str  # "OFL" or "Fandol"
    rare_face: bool = False  # RARE_BLOCKS minus the base set, instead of the base set
    max_err: float = MAX_ERR  # cu2qu tolerance, font units

    @property
    def family_ps(self) -> str:
        return self.family.replace(" ", "")

    @property
    def ps_name(self) -> str:
        return f"{self.family_ps}-{self.style}"

    @property
    def full_name(self) -> str:
        return self.family if self.style == "Regular" else f"{self.family} {self.style}"


SPECS = [
    Spec(
        filename="GongkaiFangSong-Regular.ttf",
        role="fangsong",
        role_zh="正文 仿宋",
        family="Gongkai FangSong",
        style="Regular",
        package="texlive-lang-chinese",
        source_name="FandolFang-Regular.otf",
        face_family=None,
        licence="Fandol",
        max_err=FANDOL_MAX_ERR,
    ),
    Spec(
        filename="GongkaiKai-Regular.ttf",
        role="kai",
        role_zh="楷体",
        family="Gongkai Kai",
        style="Regular",
        package="texlive-lang-chinese",
        source_name="FandolKai-Regular.otf",
        face_family=None,
        licence="Fandol",
        max_err=FANDOL_MAX_ERR,
    ),
    Spec(
        filename="GongkaiHei-Regular.ttf",
        role="hei",
        role_zh="黑体",
        family="Gongkai Hei",
        style="Regular",
        package="fonts-noto-cjk",
        source_name="NotoSansCJK-Regular.ttc",
        face_family="Noto Sans CJK SC",
        licence="OFL",
    ),
    Spec(
        filename="GongkaiSong-Regular.ttf",
        role="song",
        role_zh="宋体（页码）；所有字体的后备",
        family="Gongkai Song",
        style="Regular",
        package="fonts-noto-cjk",
        source_name="NotoSerifCJK-Regular.ttc",
        face_family="Noto Serif CJK SC",
        licence="OFL",
    ),
    Spec(
        filename="GongkaiSongExt-Regular.ttf",
        role="song-rare",
        role_zh="生僻字（其余中日韩统一表意文字及扩展B区）；所有字体的末级后备",
        family="Gongkai Song Ext",
        style="Regular",
        package="fonts-noto-cjk",
        source_name="NotoSerifCJK-Regular.ttc",
        face_family="Noto Serif CJK SC",
        licence="OFL",
        rare_face=True,
    ),
    Spec(
        filename="GongkaiSong-Bold.ttf",
        role="title",
        role_zh="标题 小标宋替代",
        family="Gongkai Song",
        style="Bold",
        package="fonts-noto-cjk",
        source_name="NotoSerifCJK-Bold.ttc",
        face_family="Noto Serif CJK SC",
        licence="OFL",
    ),
]
FALLBACK_FILE = "GongkaiSong-Regular.ttf"
RARE_FILE = "GongkaiSongExt-Regular.ttf"

LICENCE_FILES = {
    "OFL": ["LICENSES/OFL.txt"],
    "Fandol": ["LICENSES/Fandol-README.txt", "LICENSES/GPL-3.0.txt", "LICENSES/Fandol-font-exception.txt"],
}

# The Fandol README says only "GPL + GPL font exception" and the package has
# no exception text; this is the FSF's standard wording of that exception
# (GPL FAQ, "How does the GPL apply to fonts?"). Its last sentences let whoever
# modifies the font extend the exception to the modified version, which the
# gongkai project does for the two converted Fandol faces.
FONT_EXCEPTION = """\
GPL font exception for the Fandol fonts and the gongkai fonts derived from them
(GongkaiFangSong-Regular.ttf from FandolFang-Regular.otf,
 GongkaiKai-Regular.ttf from FandolKai-Regular.otf)

The Fandol README (LICENSES/Fandol-README.txt) states: "These fonts's
licensing is GPL + GPL font exception." The licence is the GNU General Public
License version 3 (LICENSES/GPL-3.0.txt, shipped as COPYING with Fandol). The
README gives no wording for the exception; the standard wording published by
the Free Software Foundation is:

    As a special exception, if you create a document which uses this font,
    and embed this font or unaltered portions of this font into the
    document, this font does not by itself cause the resulting document to
    be covered by the GNU General Public License. This exception does not
    however invalidate any other reasons why the document might be covered
    by the GNU General Public License. If you modify this font, you may
    extend this exception to your version of the font, but you are not
    obligated to do so. If you do not wish to do so, delete this exception
    statement from your version.

The gongkai fonts GongkaiFangSong-Regular.ttf and GongkaiKai-Regular.ttf are
modified versions (subset, converted from CFF to TrueType outlines, renamed;
see fonts/build.py and fonts/PROVENANCE.md). The gongkai project extends the
exception above to these modified versions: a document that embeds them, or
portions of them, is not by that fact alone covered by the GNU General Public
License.

Corresponding source: the unmodified FandolFang-Regular.otf and
FandolKai-Regular.otf (Debian package texlive-lang-chinese; CTAN
fonts/fandol) together with fonts/build.py, which turns them into the shipped
files deterministically.
"""
LICENCE_IDS = {"OFL": "OFL-1.1", "Fandol": "GPL-3.0 with the GPL font exception"}


# --------------------------------------------------------------------------
# Debian packages


def dpkg_files(package: str) -> list[str]:
    try:
        out = subprocess.run(["dpkg", "-L", package], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        sys.exit(
            f"build.py: cannot list package {package!r} ({exc}); "
            f"run: apt-get install texlive-lang-chinese fonts-noto-cjk"
        )
    return out.splitlines()


def package_file(package: str, name: str) -> Path:
    hits = [p for p in dpkg_files(package) if p.endswith("/" + name)]
    if len(hits) != 1:
        sys.exit(f"build.py: expected one {name} in package {package}, found {hits}")
    return Path(hits[0])


def package_version(package: str) -> str:
    return subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], check=True, capture_output=True, text=True
    ).stdout.strip()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------
# Character sets


def gb2312_chars() -> list[str]:
    """Every character of GB 2312, by decoding each valid two-byte code."""
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((hi, lo)).decode("gb2312"))
    return chars


def gb2312_hanzi() -> list[str]:
    """The 6,763 hanzi of GB 2312 (rows 16–87, lead bytes 0xB0–0xF7)."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((hi, lo)).decode("gb2312"))
    return chars


def tongyong_levels() -> tuple[list[str], list[str], list[str]]:
    chars = [line.strip() for line in DATA_8105.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(chars) != 8105 or len(set(chars)) != 8105:
        sys.exit(f"build.py: {DATA_8105} should list 8105 distinct characters")
    return chars[:3500], chars[3500:6500], chars[6500:]


def base_unicodes() -> set[int]:
    """What every face but the rare one keeps: ordinary Chinese text, Latin and punctuation."""
    wanted = {ord(c) for c in gb2312_chars()}
    for level in tongyong_levels():
        wanted.update(ord(c) for c in level)
    for lo, hi in BASE_RANGES:
        wanted.update(range(lo, hi + 1))
    wanted.update(ord(c) for c in REPORT_SYMBOLS)
    return wanted


def wanted_unicodes(spec: Spec) -> set[int]:
    if not spec.rare_face:
        return base_unicodes()
    rare: set[int] = set()
    for lo, hi in RARE_BLOCKS:
        rare.update(range(lo, hi + 1))
    return rare - base_unicodes()


def coverage(cmap: dict[int, str]) -> dict[str, int]:
    l1, l2, l3 = tongyong_levels()

    def count(chars):
        return sum(1 for c in chars if ord(c) in cmap)

    def in_range(lo, hi):
        return sum(1 for u in cmap if lo <= u <= hi)

    return {
        "code_points": len(cmap),
        "gb2312_all": count(gb2312_chars()),
        "gb2312_hanzi": count(gb2312_hanzi()),
        "tongyong_8105": count(l1) + count(l2) + count(l3),
        "tongyong_level1": count(l1),
        "tongyong_level2": count(l2),
        "tongyong_level3": count(l3),
        "cjk_unified_4e00_9fff": in_range(*URO),
        "cjk_ext_a": in_range(*EXT_A),
        "cjk_ext_b": in_range(*EXT_B),
        "supplementary_planes": in_range(0x10000, 0x10FFFF),
    }


# --------------------------------------------------------------------------
# Font surgery


def open_source(path: Path, face_family: str | None) -> tuple[TTFont, int]:
    """Open a face fully loaded (not lazily), choosing a .ttc member by family."""
    if face_family is None:
        return TTFont(str(path), recalcTimestamp=False), 0
    collection = TTCollection(str(path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == face_family:
            return TTFont(str(path), fontNumber=index, recalcTimestamp=False), index
    sys.exit(f"build.py: no face {face_family!r} in {path}")


def feature_single_subst(font: TTFont, tag: str) -> dict[str, str]:
    """Merge all single substitutions reachable from GSUB feature `tag`."""
    mapping: dict[str, str] = {}
    if "GSUB" not in font:
        return mapping
    gsub = font["GSUB"].table
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag != tag:
            continue
        for index in record.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[index]
            for sub in lookup.SubTable:
                if lookup.LookupType == 7:  # extension lookup
                    sub = sub.ExtSubTable
                for source, target in getattr(sub, "mapping", {}).items():
                    mapping.setdefault(source, target)
    return mapping


def widen_to_full_width(font: TTFont) -> dict[str, tuple[int, int]]:
    """Point narrow FULL_WIDTH code points at their one-em 'fwid' glyphs."""
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"]
    fwid = feature_single_subst(font, "fwid")
    best = font.getBestCmap()
    changed = {}
    for char in FULL_WIDTH:
        glyph = best.get(ord(char))
        if glyph is None or hmtx[glyph][0] == upm:
            continue
        target = fwid.get(glyph)
        if target is None or hmtx[target][0] != upm:
            continue
        for table in font["cmap"].tables:
            if table.isUnicode() and ord(char) in table.cmap:
                table.cmap[ord(char)] = target
        changed[char] = (hmtx[glyph][0], hmtx[target][0])
    return changed


def add_aliases(font: TTFont) -> dict[str, str]:
    """Map each missing ALIASES key to the glyph of its partner, if present."""
    best = font.getBestCmap()
    added = {}
    for missing, partner in ALIASES.items():
        if missing in best or partner not in best:
            continue
        for table in font["cmap"].tables:
            if table.isUnicode() and partner in table.cmap:
                table.cmap[missing] = table.cmap[partner]
        added[chr(missing)] = chr(partner)
    return added


def subset_font(font: TTFont, unicodes: set[int]) -> None:
    options = ft_subset.Options()
    options.layout_features = []
    options.layout_closure = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "JSTF", "MATH"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = False
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.recalc_bounds = True
    options.prune_unicode_ranges = True
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)


def draw_quadratic(glyph_set, name: str, max_err: float):
    """One CFF glyph as a TrueType glyph: cubic -> quadratic, direction reversed.

    PostScript outlines run counter-clockwise around filled areas, TrueType
    outlines clockwise, so each contour is reversed (keeping its start point).
    """
    tt_pen = TTGlyphPen(None)
    glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
    # Dropping on-curve points that sit exactly midway between two off-curve
    # points is lossless in TrueType and saves about 2 % on the Fandol faces.
    return tt_pen.glyph(dropImpliedOnCurves=True)


def cff_to_glyf(font: TTFont, max_err: float) -> None:
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {name: draw_quadratic(glyph_set, name, max_err) for name in order}

    # Vertical origins live in VORG for CFF fonts; TrueType derives them from
    # the vmtx top side bearing and the glyph's yMax, so recompute the bearing.
    vorg = font.get("VORG")
    old_tops = {}
    if "vmtx" in font:
        for name in order:
            old_tops[name] = font["vmtx"][name]

    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]

    hmtx = font["hmtx"]
    for name in order:
        glyph = glyf.glyphs[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))
        if name in old_tops:
            height, top_bearing = old_tops[name]
            if hasattr(glyph, "yMax"):
                if vorg is not None:
                    origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
                else:
                    origin = top_bearing + glyph.yMax  # best available guess
                top_bearing = origin - glyph.yMax
            font["vmtx"][name] = (height, top_bearing)

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    # Unhinted: no twilight zone, storage, functions or instructions.
    maxp.maxZones = 1
    for field in (
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp  # point/contour maxima are recomputed when saving

    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and ReportLab ignores them
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000A}  # unhinted: smooth at all sizes
    font["gasp"] = gasp

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def join_em_dash(font: TTFont) -> bool:
    """Stretch a one-em, rectangular 破折号 glyph to the full em.

    Noto's full-width dash is a bar from x=71 to x=929, so "——" shows two
    bars with a visible gap; Chinese typesetting wants one unbroken two-em
    line (as Fandol's dash, which spans 0..1000, already gives). Only a glyph
    that is a single axis-aligned rectangle is touched; its height and
    vertical position stay as designed.
    """
    cmap, glyf, hmtx = font.getBestCmap(), font["glyf"], font["hmtx"]
    upm = font["head"].unitsPerEm
    name = cmap.get(0x2014)
    if name is None or hmtx[name][0] != upm:
        return False
    glyph = glyf[name]
    if glyph.numberOfContours != 1 or len(glyph.coordinates) != 4 or not all(flag & 1 for flag in glyph.flags):
        return False
    xs = sorted({x for x, _ in glyph.coordinates})
    ys = sorted({y for _, y in glyph.coordinates})
    if len(xs) != 2 or len(ys) != 2 or xs == [0, upm]:
        return False
    glyph.coordinates = type(glyph.coordinates)([(0 if x == xs[0] else upm, y) for x, y in glyph.coordinates])
    glyph.recalcBounds(glyf)
    hmtx[name] = (upm, 0)
    return True


def rebuild_cmap(font: TTFont) -> None:
    """Keep only Windows Unicode subtables: BMP (format 4) + full (format 12)."""
    mapping = dict(font.getBestCmap())
    cmap = newTable("cmap")
    cmap.tableVersion = 0
    bmp = CmapSubtable.newSubtable(4)
    bmp.platformID, bmp.platEncID, bmp.language = 3, 1, 0
    bmp.cmap = {u: g for u, g in mapping.items() if u <= 0xFFFF}
    cmap.tables = [bmp]
    if any(u > 0xFFFF for u in mapping):
        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = mapping
        cmap.tables.append(full)
    font["cmap"] = cmap


def rename(
    font: TTFont,
    spec: Spec,
    source_name: str,
    source_version: str,
    package: str,
    package_version: str,
    changes: str,
) -> None:
    name = font["name"]
    original = {rec.nameID: rec.toUnicode() for rec in name.names if rec.platformID == 3 and rec.langID == 0x409}
    keep = {0, 7, 8, 9, 11, 12, 13, 14}
    records = []
    for rec in name.names:
        if rec.platformID == 3 and rec.langID == 0x409 and rec.nameID in keep and rec.toUnicode():
            records.append(rec)
    new = {
        1: spec.family,
        2: spec.style,
        3: f"{spec.ps_name};gongkai;from {source_name} {source_version}",
        4: spec.full_name,
        5: f"Version {source_version}; gongkai build of {source_name} from Debian {package} {package_version}",
        6: spec.ps_name,
        10: f"Modified version of {source_name} ({original.get(1, '?')}): subset and "
        f"converted from CFF to TrueType outlines{changes} for the gongkai project "
        f"(fonts/build.py).",
    }
    if spec.licence == "Fandol" and not original.get(13):
        new[13] = (
            "GNU General Public License version 3 with the GPL font exception "
            '(Fandol README: "These fonts\'s licensing is GPL + GPL font exception"); '
            "the gongkai project extends the font exception to this modified version."
        )
    for name_id, text in new.items():
        rec = NameRecord()
        rec.nameID, rec.platformID, rec.platEncID, rec.langID = name_id, 3, 1, 0x409
        rec.string = text
        records.append(rec)
    name.names = sorted(records, key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))


# --------------------------------------------------------------------------
# Per-font build (runs in a worker process)


def build_one(spec: Spec, source: str, package_ver: str, out_dir: Path = HERE) -> dict:
    started = time.perf_counter()
    source_path = Path(source)
    font, face_index = open_source(source_path, spec.face_family)
    head = font["head"]
    source_ps = font["name"].getDebugName(6)
    source_version = f"{head.fontRevision:.3f}"
    widened = widen_to_full_width(font)
    aliased = add_aliases(font)
    base = read_base(font)

    subset_font(font, wanted_unicodes(spec))
    t_subset = time.perf_counter() - started
    cff_to_glyf(font, spec.max_err)
    joined = join_em_dash(font)
    rebuild_cmap(font)
    changes = ""
    if widened:
        changes += f"; {' '.join(sorted(widened))} mapped to their full-width (fwid) glyphs"
    if joined:
        changes += "; em dash bar stretched to the full em"
    if aliased:
        changes += "; " + ", ".join(f"U+{ord(k):04X} added as alias of U+{ord(v):04X}" for k, v in aliased.items())
    rename(font, spec, source_ps, source_version, spec.package, package_ver, changes)
    head.modified = FIXED_MODIFIED
    font.recalcTimestamp = False
    out = out_dir / spec.filename
    font.save(str(out))
    elapsed = time.perf_counter() - started

    check = TTFont(str(out))
    if check.sfntVersion != "\x00\x01\x00\x00" or "glyf" not in check or "CFF " in check:
        raise RuntimeError(f"{out} is not a TrueType-outline font")
    cmap = check.getBestCmap()
    hmtx = check["hmtx"]
    widths = {c: hmtx[cmap[ord(c)]][0] for c in WIDTH_REPORT if ord(c) in cmap}
    return {
        "spec": spec,
        "source": str(source_path),
        "face_index": face_index,
        "source_ps": source_ps,
        "source_version": source_version,
        "source_sha256": sha256_file(source_path),
        "package_version": package_ver,
        "glyphs": check["maxp"].numGlyphs,
        "coverage": coverage(cmap),
        "widened": widened,
        "aliased": aliased,
        "joined": joined,
        "widths": widths,
        "metrics": metrics(check, base),
        "bytes": out.stat().st_size,
        "sha256": sha256_file(out),
        "seconds_subset": round(t_subset, 1),
        "seconds_total": round(elapsed, 1),
    }


WIDTH_REPORT = "“”‘’，。、：；！？（）《》—…·0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ "


def read_base(font: TTFont) -> dict[str, int]:
    """Baselines of the default (hani/DFLT) script from the BASE table."""
    if "BASE" not in font or font["BASE"].table.HorizAxis is None:
        return {}
    axis = font["BASE"].table.HorizAxis
    tags = axis.BaseTagList.BaselineTag
    records = {r.BaseScriptTag: r.BaseScript for r in axis.BaseScriptList.BaseScriptRecord}
    script = records.get("hani") or records.get("DFLT")
    if script is None or script.BaseValues is None:
        return {}
    return {tag: coord.Coordinate for tag, coord in zip(tags, script.BaseValues.BaseCoord, strict=True)}


def metrics(font: TTFont, base: dict[str, int]) -> dict[str, int]:
    upm = font["head"].unitsPerEm
    os2, hhea = font["OS/2"], font["hhea"]
    cmap, glyf = font.getBestCmap(), font["glyf"]

    def bbox(char):
        g = glyf[cmap[ord(char)]]
        g.recalcBounds(glyf)
        return [g.xMin, g.yMin, g.xMax, g.yMax]

    ideo = base.get("ideo", os2.sTypoDescender)
    out = {
        "units_per_em": upm,
        "hhea_ascent": hhea.ascent,
        "hhea_descent": hhea.descent,
        "hhea_line_gap": hhea.lineGap,
        "typo_ascender": os2.sTypoAscender,
        "typo_descender": os2.sTypoDescender,
        "typo_line_gap": os2.sTypoLineGap,
        "win_ascent": os2.usWinAscent,
        "win_descent": os2.usWinDescent,
        "em_box_bottom": ideo,
        "em_box_top": base.get("idtp", ideo + upm),
        "em_box_source": "BASE ideo" if "ideo" in base else "OS/2 typo descender",
    }
    if "icfb" in base and "icft" in base:
        out["ideographic_face_bottom"] = base["icfb"]
        out["ideographic_face_top"] = base["icft"]
    # the rare-character face has none of these sample characters
    if ord("国") in cmap:
        out["bbox_guo"] = bbox("国")
    if ord("—") in cmap:
        out["bbox_em_dash"] = bbox("—")
    boxes = [bbox(d) for d in "0123456789" if ord(d) in cmap]
    if boxes:
        out["bbox_digits"] = [
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        ]
    return out


# --------------------------------------------------------------------------
# Licences, manifest


OFL_HEADER_RE = re.compile(r"^License: SIL-1\.1\s*$")


def write_licences(results: list[dict]) -> None:
    LICENSE_DIR.mkdir(exist_ok=True)
    # OFL text, from the Debian copyright file of fonts-noto-cjk, preceded by
    # the copyright notices of the faces used (as OFL condition 2 asks).
    copyright_file = Path(next(p for p in dpkg_files("fonts-noto-cjk") if p.endswith("/copyright")))
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    # The stand-alone "License: SIL-1.1" paragraph (the one followed by text).
    start = next(i for i, line in enumerate(lines[:-1]) if OFL_HEADER_RE.match(line) and lines[i + 1].startswith(" "))
    body = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    notices = []
    for r in results:
        if r["spec"].licence == "OFL":
            font = TTFont(r["source"], fontNumber=r["face_index"], lazy=True)
            notice = f"{font['name'].getDebugName(0)}  [{r['source_ps']}, from which {r['spec'].filename} is derived]"
            if notice not in notices:
                notices.append(notice)
    text = (
        "Noto Sans CJK / Noto Serif CJK copyright notices (name ID 0 of each source face):\n\n"
        + "\n".join(notices)
        + "\n\n"
        "Noto is a trademark of Google Inc. The derived fonts are renamed "
        "(Gongkai Hei, Gongkai Song).\n\n"
        "Licence text as shipped in Debian's fonts-noto-cjk "
        f"({copyright_file}):\n\n" + "\n".join(body).rstrip() + "\n"
    )
    (LICENSE_DIR / "OFL.txt").write_text(text, encoding="utf-8")

    readme = package_file("texlive-lang-chinese", "fandol/README")
    (LICENSE_DIR / "Fandol-README.txt").write_bytes(readme.read_bytes())
    copying = package_file("texlive-lang-chinese", "fandol/COPYING.gz")
    (LICENSE_DIR / "GPL-3.0.txt").write_bytes(gzip.decompress(copying.read_bytes()))
    (LICENSE_DIR / "Fandol-font-exception.txt").write_text(FONT_EXCEPTION, encoding="utf-8")


def toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if ord(c) >= 0x20 else f"\\u{ord(c):04x}" for c in escaped) + '"'


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(value)


def subset_description(spec: Spec) -> str:
    parts = ["GB 2312", "tongyong-8105"]
    parts += [f"U+{lo:04X}-U+{hi:04X}" for lo, hi in BASE_RANGES]
    parts.append("report symbols " + REPORT_SYMBOLS)
    if spec.rare_face:
        blocks = ", ".join(f"U+{lo:04X}-U+{hi:04X}" for lo, hi in RARE_BLOCKS)
        return f"{blocks} minus the base set ({', '.join(parts)}) (as far as the source has them)"
    return ", ".join(parts) + " (as far as the source has them)"


def fallback_chain(spec: Spec) -> list[str]:
    chain = [spec.filename]
    chain += [f for f in (FALLBACK_FILE, RARE_FILE) if f not in chain]
    return [RARE_FILE] if spec.rare_face else chain


def write_manifest(results: list[dict]) -> None:
    out = [
        "# Generated by fonts/build.py - do not edit by hand; rebuild instead.",
        "# Sizes in bytes; metrics in font units; widths are advance widths.",
        "",
        "schema = 2",  # 2: cu2qu_max_error per font, fallback_rare
        f"fonttools = {toml_str(FONTTOOLS_VERSION)}",
        f"fallback = {toml_str(FALLBACK_FILE)}",
        f"fallback_rare = {toml_str(RARE_FILE)}",
        f"head_modified = {FIXED_MODIFIED}",
        "",
    ]
    for r in results:
        spec: Spec = r["spec"]
        out += [
            "[[font]]",
            f"file = {toml_str(spec.filename)}",
            f"role = {toml_str(spec.role)}",
            f"role_zh = {toml_str(spec.role_zh)}",
            f"family = {toml_str(spec.family)}",
            f"style = {toml_str(spec.style)}",
            f"postscript_name = {toml_str(spec.ps_name)}",
            f"fallback_chain = {toml_value(fallback_chain(spec))}",
            f"source_package = {toml_str(spec.package)}",
            f"source_package_version = {toml_str(r['package_version'])}",
            f"source_file = {toml_str(r['source'])}",
            f"source_face_index = {r['face_index']}",
            f"source_postscript_name = {toml_str(r['source_ps'])}",
            f"source_font_version = {toml_str(r['source_version'])}",
            f"source_sha256 = {toml_str(r['source_sha256'])}",
            f"licence = {toml_str(LICENCE_IDS[spec.licence])}",
            f"licence_files = {toml_value(LICENCE_FILES[spec.licence])}",
            f"glyphs = {r['glyphs']}",
            f"bytes = {r['bytes']}",
            f"sha256 = {toml_str(r['sha256'])}",
            f"subset = {toml_str(subset_description(spec))}",
            f"cu2qu_max_error = {spec.max_err!r}",
            f"full_width_remapped = {toml_value(sorted(r['widened']))}",
            f"em_dash_stretched_to_full_em = {toml_value(r['joined'])}",
            f"aliases_added = {toml_value(sorted(f'{k}={v}' for k, v in r['aliased'].items()))}",
            "",
            "[font.coverage]",
        ]
        out += [f"{k} = {v}" for k, v in r["coverage"].items()]
        out += ["", "[font.metrics]"]
        out += [f"{k} = {toml_value(v)}" for k, v in r["metrics"].items()]
        out += ["", "[font.widths]"]
        out += [f"{toml_str(c)} = {w}" for c, w in r["widths"].items()]
        out.append("")
    MANIFEST.write_text("\n".join(out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(len(SPECS), os.cpu_count() or 1),
        help="fonts built in parallel (default: CPU count)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="FILE",
        help="build only this output file (repeatable); the manifest is then not rewritten",
    )
    parser.add_argument(
        "--fandol-max-err",
        type=float,
        default=None,
        help="try another cu2qu tolerance for the Fandol faces (font units); implies --out",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write the fonts into this folder instead of fonts/ (the manifest and licences are then not written)",
    )
    args = parser.parse_args(argv)
    if args.fandol_max_err is not None and args.out is None:
        parser.error("--fandol-max-err is for experiments: give --out too")
    out_dir = args.out or HERE
    out_dir.mkdir(parents=True, exist_ok=True)

    specs = [s for s in SPECS if not args.only or s.filename in args.only]
    if args.fandol_max_err is not None:
        specs = [replace(s, max_err=args.fandol_max_err) if s.licence == "Fandol" else s for s in specs]
    jobs = []
    for spec in specs:
        source = str(package_file(spec.package, spec.source_name))
        jobs.append((spec, source, package_version(spec.package), out_dir))
    started = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(build_one, *job) for job in jobs]
        results = [f.result() for f in futures]
    for r in results:
        cov = r["coverage"]
        print(
            f"{r['spec'].filename:28} {r['bytes'] / 1e6:6.2f} MB  {r['glyphs']:5} glyphs  "
            f"GB2312 hanzi {cov['gb2312_hanzi']}  8105 {cov['tongyong_8105']} "
            f"({cov['tongyong_level1']}/{cov['tongyong_level2']}/{cov['tongyong_level3']})  "
            f"subset {r['seconds_subset']} s, total {r['seconds_total']} s"
        )
    if not args.only and args.out is None:
        write_licences(results)
        write_manifest(results)
        print(f"wrote {MANIFEST.relative_to(HERE.parent)} and {LICENSE_DIR.relative_to(HERE.parent)}/")
    print(f"done in {time.perf_counter() - started:.1f} s with fontTools {FONTTOOLS_VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
