#!/usr/bin/env python3
"""Build the TrueType fonts shipped in ``fonts/`` from named Debian packages.

This is a developer tool, run when the shipped fonts have to change. It is not
used at install time or at run time, and nothing in the compiler imports it.

Build-time requirements (Debian/Ubuntu)::

    apt-get install texlive-lang-chinese fonts-noto-cjk
    python -m venv /tmp/fontvenv
    /tmp/fontvenv/bin/pip install fonttools==4.68.0 numpy
    /tmp/fontvenv/bin/python fonts/build.py

(numpy, used to fit and check the simplified Fandol outlines, is a build-time
dependency only, like fontTools; fonts.toml records both versions.)

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
4. in the Fandol faces, simplifies the cubic outlines (fewer points, within
   ``Spec.simplify_tol`` font units; see "Outline simplification" below);
   converts the CFF (cubic) outlines to TrueType (quadratic) ``glyf`` outlines
   with cu2qu (maximum error per face: ``Spec.max_err`` font units, and for a
   simplified curve at most what its simplification left of
   ``Spec.outline_budget``), reversing contour direction, and rebuilds
   hmtx/vmtx side bearings, maxp, post, cmap and loca to match; the Fandol
   faces' finished outlines are then measured against the source, and the
   build fails if any glyph strays more than ``Spec.max_deviation``;
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
import math
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from fontTools import subset as ft_subset
from fontTools import version as FONTTOOLS_VERSION
from fontTools.misc.roundTools import otRound
from fontTools.pens.basePen import BasePen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import RecordingPen
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

# Outline simplification of the Fandol faces (see "Outline simplification"
# below and in PROVENANCE.md): largest distance, in font units, between the
# source's cubic outline and the simplified cubic outline; and the largest
# distance the build accepts between the source outline and the finished
# TrueType outline (simplification + cu2qu + rounding to the integer grid),
# measured independently on every glyph after the build.
FANDOL_SIMPLIFY_TOL = 3.0
FANDOL_OUTLINE_BUDGET = 5.0
ROUNDING = 0.75  # rounding to the integer grid moves a point by at most half a unit in x and y (0.71)

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
    simplify_tol: float | None = None  # outline simplification tolerance, font units (None: not simplified)
    outline_budget: float = 0.0  # simplification + cu2qu error of a simplified curve, font units

    @property
    def max_deviation(self) -> float:
        """The build fails if a finished glyph strays further than this from the source (font units)."""
        return (self.outline_budget if self.simplify_tol else self.max_err) + ROUNDING

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
        simplify_tol=FANDOL_SIMPLIFY_TOL,
        outline_budget=FANDOL_OUTLINE_BUDGET,
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
        simplify_tol=FANDOL_SIMPLIFY_TOL,
        outline_budget=FANDOL_OUTLINE_BUDGET,
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


# --------------------------------------------------------------------------
# Outline simplification (Fandol faces)
#
# Fandol's outlines look auto-traced: many short segments along straight or
# gently curving stretches, where one line or one cubic would do. Before
# cu2qu, each contour's segments are replaced greedily, within runs between
# kept points, by a line or by one cubic that fits them within the face's
# Spec.simplify_tol font units. Kept (never removed) are corners — on-curve
# points where the outline turns by more than CORNER_DEG — and x/y extrema.
# A cubic replacing segments i..j keeps their end points and, first try, the
# end tangent directions of the originals, fitting only the two handle lengths
# by least squares on points sampled along the originals; failing that, both
# handles are fitted freely. Any replacement must leave and arrive within
# MAX_TANGENT_TURN degrees of the original directions where the outline was
# smooth (so no smooth join becomes a visible corner) and within
# MAX_CORNER_TURN where it turned a corner, and is accepted only if every
# sample of the originals lies within the tolerance of it and every sample of
# it within the tolerance of the originals. cu2qu then gets what is left of
# Spec.outline_budget per curve (draw_contours), and verify_outlines()
# measures the finished TrueType glyphs against the source independently of
# all this. Measurements: PROVENANCE.md, "Outline simplification".

Point = tuple[float, float]
Segment = tuple[Point, ...]  # 2 points: line; 3: quadratic; 4: cubic

CORNER_DEG = 10.0  # a sharper turn at an on-curve point is a corner, which stays
FREE_TANGENTS = True  # try a free fit when the fit with the original directions fails
MAX_TANGENT_TURN = 5.0  # degrees a replacement may change the direction at a smooth join
MAX_CORNER_TURN = 90.0  # the same at a corner (turning by > CORNER_DEG)
SAMPLE_STEP = 2.0  # font units between samples when fitting
VERIFY_STEP = 1.0  # font units between samples when verifying
WINDOW = 4  # neighbouring samples searched by the fitter's reverse check
VERIFY_WINDOW = 8  # the same for verify_outlines' first, quick pass


def cubic_contours(glyph_set, name: str) -> list[list[Segment]]:
    """A glyph's contours as closed lists of segments (zero-length lines dropped)."""
    rec = RecordingPen()
    glyph_set[name].draw(rec)
    contours: list[list[Segment]] = []
    current: list[Segment] = []
    start = point = None
    for op, args in rec.value:
        if op == "moveTo":
            current, start, point = [], args[0], args[0]
        elif op == "lineTo":
            if args[0] != point:
                current.append((point, args[0]))
            point = args[0]
        elif op == "curveTo":
            current.append((point, *args))
            point = args[-1]
        elif op in ("closePath", "endPath"):
            if point != start:
                current.append((point, start))
            contours.append(current)
        else:
            raise ValueError(f"{name}: unexpected {op} in a CFF outline")
    return contours


def draw_contours(contours: list[list[tuple[Segment, float]]], pen: Cu2QuPen, max_err: float, budget: float) -> None:
    """Draw simplified contours through cu2qu, each curve with what is left of the error budget.

    A curve that replaces others with an error e is converted with a maximum
    error of min(max_err, budget - e), so that no point of the finished outline
    is more than `budget` (plus rounding) from the source.
    """
    for contour in contours:
        if not contour:
            continue
        start = contour[0][0][0]
        pen.moveTo(start)
        for k, (seg, error) in enumerate(contour):
            if len(seg) == 2:
                if k == len(contour) - 1 and seg[1] == start:
                    break  # the closing line is implied by closePath
                pen.lineTo(seg[1])
            else:
                pen.max_err = min(max_err, budget - error)
                pen.curveTo(*seg[1:])
        pen.closePath()


def _unit(dx: float, dy: float) -> Point | None:
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length else None


def _start_tangent(seg: Segment) -> Point | None:
    p0 = seg[0]
    for q in seg[1:]:
        if q != p0:
            return _unit(q[0] - p0[0], q[1] - p0[1])
    return None


def _end_tangent(seg: Segment) -> Point | None:
    p3 = seg[-1]
    for q in reversed(seg[:-1]):
        if q != p3:
            return _unit(p3[0] - q[0], p3[1] - q[1])
    return None


def _turn_deg(t_in: Point | None, t_out: Point | None) -> float:
    if t_in is None or t_out is None:
        return 180.0
    cross = t_in[0] * t_out[1] - t_in[1] * t_out[0]
    dot = t_in[0] * t_out[0] + t_in[1] * t_out[1]
    return abs(math.degrees(math.atan2(cross, dot)))


def _is_extremum(before: Segment, after: Segment) -> bool:
    """The on-curve point between two segments is a local minimum or maximum in x or y.

    Compared are the nearest points on either side (control or on-curve) that
    differ from it in that coordinate; a point on a flat (axis-parallel) stretch
    counts if the outline leaves the flat in the same direction on both sides.
    """
    p = before[-1]
    for axis in (0, 1):
        prev = next((q[axis] for q in reversed(before[:-1]) if q[axis] != p[axis]), None)
        follow = next((q[axis] for q in after[1:] if q[axis] != p[axis]), None)
        if prev is None or follow is None:
            continue  # flat on at least one side: decided at the flat's ends
        if (prev - p[axis]) * (follow - p[axis]) > 0:
            return True
    return False


def _polygon_length(seg: Segment) -> float:
    return sum(math.dist(a, b) for a, b in zip(seg, seg[1:], strict=False))


def _bezier(seg: Segment, t: np.ndarray) -> np.ndarray:
    """Points of a line/quadratic/cubic at parameters t (element-wise arithmetic only)."""
    mt = 1.0 - t
    if len(seg) == 2:
        weights = (mt, t)
    elif len(seg) == 3:
        weights = (mt * mt, 2.0 * mt * t, t * t)
    else:
        weights = (mt * mt * mt, 3.0 * mt * mt * t, 3.0 * mt * t * t, t * t * t)
    x = sum(w * p[0] for w, p in zip(weights, seg, strict=True))
    y = sum(w * p[1] for w, p in zip(weights, seg, strict=True))
    return np.stack([x, y], axis=1)


def _sample(seg: Segment, step: float) -> np.ndarray:
    n = max(4, math.ceil(_polygon_length(seg) / step))
    return _bezier(seg, np.linspace(0.0, 1.0, n + 1))


def _sample_run(segs: list[Segment], step: float) -> np.ndarray:
    parts = [_sample(s, step) for s in segs]
    return np.concatenate([parts[0]] + [p[1:] for p in parts[1:]])


def _dist_to_polyline(points: np.ndarray, poly: np.ndarray) -> np.ndarray:
    """Distance from each point to the polyline (all of its segments)."""
    a, b = poly[:-1], poly[1:]
    abx, aby = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    length2 = abx * abx + aby * aby
    length2 = np.where(length2 == 0.0, 1.0, length2)
    out = np.empty(len(points))
    chunk = max(1, 400_000 // len(a))
    for lo in range(0, len(points), chunk):
        p = points[lo : lo + chunk]
        apx = p[:, None, 0] - a[None, :, 0]
        apy = p[:, None, 1] - a[None, :, 1]
        t = np.clip((apx * abx + apy * aby) / length2, 0.0, 1.0)
        dx, dy = apx - t * abx, apy - t * aby
        out[lo : lo + chunk] = np.sqrt((dx * dx + dy * dy).min(axis=1))
    return out


def _dist_to_polyline_near(points: np.ndarray, near: np.ndarray, poly: np.ndarray, window: int) -> np.ndarray:
    """Distance from each point to the polyline segments near[i]-window..near[i]+window.

    Never less than the true distance to the whole polyline, so a test based on it errs on the safe side.
    """
    k = np.clip(near[:, None] + np.arange(-window, window + 1)[None, :], 0, len(poly) - 2)
    xs, ys = poly[:, 0], poly[:, 1]
    dxs, dys = np.diff(xs), np.diff(ys)
    length2 = dxs * dxs + dys * dys
    length2 = np.where(length2 == 0.0, 1.0, length2)
    ax, ay, abx, aby, ab2 = xs[k], ys[k], dxs[k], dys[k], length2[k]
    apx, apy = points[:, 0:1] - ax, points[:, 1:2] - ay
    t = np.clip((apx * abx + apy * aby) / ab2, 0.0, 1.0)
    dx, dy = apx - t * abx, apy - t * aby
    return np.sqrt((dx * dx + dy * dy).min(axis=1))


def _line_error(samples: np.ndarray, p0: Point, p3: Point) -> float:
    """Largest distance of the samples from the chord p0-p3.

    One direction suffices: the samples trace a connected path from p0 to p3, so
    their projections cover the chord, and every chord point is as close to
    some sample as that sample is to the chord.
    """
    dx, dy = p3[0] - p0[0], p3[1] - p0[1]
    px, py = samples[:, 0] - p0[0], samples[:, 1] - p0[1]
    t = np.clip((px * dx + py * dy) / (dx * dx + dy * dy), 0.0, 1.0)
    rx, ry = px - t * dx, py - t * dy
    return float(np.sqrt((rx * rx + ry * ry).max()))


def _fit_cubic(samples: np.ndarray, p0: Point, p3: Point, t0: Point, t1: Point, tol: float, free: bool = False):
    """One cubic p0 -> p3 leaving along t0 and arriving along t1, fitted to the samples.

    Returns (segment, error) if it is within tol both ways, else (None, error).
    """
    seg_dx, seg_dy = np.diff(samples[:, 0]), np.diff(samples[:, 1])
    cum = np.concatenate([[0.0], np.cumsum(np.sqrt(seg_dx * seg_dx + seg_dy * seg_dy))])
    t = cum / cum[-1]
    chord = math.dist(p0, p3)
    dot01 = t0[0] * t1[0] + t0[1] * t1[1]
    qx, qy = samples[:, 0], samples[:, 1]
    error = math.inf
    cubic: Segment = ()
    for attempt in range(5):
        # Least squares for the handle lengths a, b (Schneider's method).
        mt = 1.0 - t
        b0, b1, b2, b3 = mt * mt * mt, 3.0 * mt * mt * t, 3.0 * mt * t * t, t * t * t
        rx = qx - (b0 + b1) * p0[0] - (b2 + b3) * p3[0]
        ry = qy - (b0 + b1) * p0[1] - (b2 + b3) * p3[1]
        c11, c22, c12 = float((b1 * b1).sum()), float((b2 * b2).sum()), -float((b1 * b2).sum()) * dot01
        x1 = float((b1 * (rx * t0[0] + ry * t0[1])).sum())
        x2 = -float((b2 * (rx * t1[0] + ry * t1[1])).sum())
        det = c11 * c22 - c12 * c12
        a = b = chord / 3.0
        if abs(det) > 1e-12:
            a, b = (x1 * c22 - c12 * x2) / det, (c11 * x2 - c12 * x1) / det
            if a < 1e-3 or b < 1e-3:
                a = b = chord / 3.0
        cubic = (p0, (p0[0] + a * t0[0], p0[1] + a * t0[1]), (p3[0] - b * t1[0], p3[1] - b * t1[1]), p3)
        if free:
            s11, s22, s12 = float((b1 * b1).sum()), float((b2 * b2).sum()), float((b1 * b2).sum())
            det2 = s11 * s22 - s12 * s12
            if abs(det2) > 1e-12:
                rx = qx - b0 * p0[0] - b3 * p3[0]
                ry = qy - b0 * p0[1] - b3 * p3[1]
                ux, vx = float((b1 * rx).sum()), float((b2 * rx).sum())
                uy, vy = float((b1 * ry).sum()), float((b2 * ry).sum())
                c1 = ((ux * s22 - s12 * vx) / det2, (uy * s22 - s12 * vy) / det2)
                c2 = ((s11 * vx - s12 * ux) / det2, (s11 * vy - s12 * uy) / det2)
                cubic = (p0, c1, c2, p3)
        # Move each sample's parameter to its nearest point on the cubic (Newton).
        (x0, y0), (x1c, y1c), (x2c, y2c), (x3, y3) = cubic
        for _ in range(2):
            mt = 1.0 - t
            bx = mt**3 * x0 + 3 * mt * mt * t * x1c + 3 * mt * t * t * x2c + t**3 * x3
            by = mt**3 * y0 + 3 * mt * mt * t * y1c + 3 * mt * t * t * y2c + t**3 * y3
            d1x = 3 * (mt * mt * (x1c - x0) + 2 * mt * t * (x2c - x1c) + t * t * (x3 - x2c))
            d1y = 3 * (mt * mt * (y1c - y0) + 2 * mt * t * (y2c - y1c) + t * t * (y3 - y2c))
            d2x = 6 * (mt * (x2c - 2 * x1c + x0) + t * (x3 - 2 * x2c + x1c))
            d2y = 6 * (mt * (y2c - 2 * y1c + y0) + t * (y3 - 2 * y2c + y1c))
            ex, ey = bx - qx, by - qy
            num = ex * d1x + ey * d1y
            den = d1x * d1x + d1y * d1y + ex * d2x + ey * d2y
            den = np.where(den <= 1e-12, 1e-12, den)
            t = np.clip(t - num / den, 0.0, 1.0)
            t[0], t[-1] = 0.0, 1.0
        fitted = _bezier(cubic, t)
        ex, ey = fitted[:, 0] - qx, fitted[:, 1] - qy
        # |cubic(t_i) - sample_i| bounds the sample's distance to the cubic from above.
        error = float(np.sqrt((ex * ex + ey * ey).max()))
        if error <= tol or (attempt >= 1 and error > 3 * tol):
            break
    if error > tol:
        return None, error
    # The other way: points along the cubic to the polyline through the samples,
    # searched near the sample whose parameter matches.
    along = _sample(cubic, SAMPLE_STEP)
    params = np.maximum.accumulate(t)
    near = np.clip(np.searchsorted(params, np.linspace(0.0, 1.0, len(along))) - 1, 0, len(samples) - 2)
    back = float(_dist_to_polyline_near(along, near, samples, WINDOW).max())
    if back > tol:
        return None, back
    return cubic, max(error, back)


def _replacement(run: list[Segment], samples: list[np.ndarray], tol: float, limits: tuple[float, float]):
    """A line or one cubic within tol of the segments `run`, or None.

    The replacement must also leave and arrive within limits[0] and limits[1]
    degrees of the directions of the originals, so that no smooth join becomes
    a corner and no corner changes its angle much.
    """
    p0, p3 = run[0][0], run[-1][-1]
    if len(run) == 1 and len(run[0]) == 2:
        return None, 0.0
    t0, t1 = _start_tangent(run[0]), _end_tangent(run[-1])

    def keeps_directions(seg: Segment) -> bool:
        return _turn_deg(t0, _start_tangent(seg)) <= limits[0] and _turn_deg(_end_tangent(seg), t1) <= limits[1]

    points = np.concatenate([samples[0]] + [s[1:] for s in samples[1:]])
    if p0 != p3:
        error = _line_error(points, p0, p3)
        if error <= tol and keeps_directions((p0, p3)):
            return (p0, p3), error
    if len(run) == 1 or t0 is None or t1 is None or p0 == p3:
        return None, 0.0
    fitted, error = _fit_cubic(points, p0, p3, t0, t1, tol)
    if fitted is None and FREE_TANGENTS:
        fitted, error = _fit_cubic(points, p0, p3, t0, t1, tol, free=True)
        if fitted is not None and not keeps_directions(fitted):
            fitted = None
    return fitted, error


def simplify_contour(contour: list[Segment], tol: float) -> list[tuple[Segment, float]]:
    """Fewer segments within tol font units of the contour; corners and extrema kept.

    Returns the new segments, each with its largest distance from the segments
    it replaces (0.0 for a segment kept as it was).
    """
    n = len(contour)
    if n < 2:
        return [(seg, 0.0) for seg in contour]
    # turn[k]: how sharply the outline turns at the on-curve point where segment k starts
    turn = [_turn_deg(_end_tangent(contour[k - 1]), _start_tangent(contour[k])) for k in range(n)]
    keep = [turn[k] > CORNER_DEG or _is_extremum(contour[k - 1], contour[k]) for k in range(n)]
    limit = [MAX_TANGENT_TURN if t <= CORNER_DEG else MAX_CORNER_TURN for t in turn]
    first = keep.index(True) if any(keep) else 0
    keep[first] = True
    order = list(range(first, n)) + list(range(first))  # segment indices, from a kept point on
    runs: list[list[int]] = []
    for k in order:
        if keep[k]:
            runs.append([])
        runs[-1].append(k)
    out: list[tuple[Segment, float]] = []
    for run_indices in runs:
        run = [contour[k] for k in run_indices]
        samples = [_sample(s, SAMPLE_STEP) for s in run]
        i = 0
        while i < len(run):
            best = None
            for j in range(i, len(run)):
                limits = (limit[run_indices[i]], limit[(run_indices[j] + 1) % n])
                candidate, error = _replacement(run[i : j + 1], samples[i : j + 1], tol, limits)
                if candidate is None:
                    if j == i:
                        continue  # segment i alone is no line; it may still merge with the next
                    break
                best = (j, candidate, error)
            if best is None:
                out.append((run[i], 0.0))
                i += 1
            else:
                j, candidate, error = best
                out.append((candidate, error))
                i = j + 1
    return out


class _SegmentPen(BasePen):
    """Collects a (TrueType) glyph's contours as closed lists of line/quadratic segments."""

    def __init__(self, glyph_set=None):
        super().__init__(glyph_set)
        self.contours: list[list[Segment]] = []
        self._start: Point | None = None

    def _moveTo(self, pt):
        self.contours.append([])
        self._start = pt

    def _lineTo(self, pt):
        current = self._getCurrentPoint()
        if pt != current:
            self.contours[-1].append((current, pt))

    def _qCurveToOne(self, pt1, pt2):
        self.contours[-1].append((self._getCurrentPoint(), pt1, pt2))

    def _curveToOne(self, pt1, pt2, pt3):
        self.contours[-1].append((self._getCurrentPoint(), pt1, pt2, pt3))

    def _closePath(self):
        current = self._getCurrentPoint()
        if current != self._start:
            self.contours[-1].append((current, self._start))

    _endPath = _closePath


def _arc_fraction(points: np.ndarray) -> np.ndarray:
    dx, dy = np.diff(points[:, 0]), np.diff(points[:, 1])
    cum = np.concatenate([[0.0], np.cumsum(np.sqrt(dx * dx + dy * dy))])
    return cum / cum[-1] if cum[-1] > 0 else cum


def _exact_deviation(a: np.ndarray, b: np.ndarray) -> float:
    """Largest distance between polylines a and b, both ways, comparing all pairs."""
    return float(max(_dist_to_polyline(a, b).max(), _dist_to_polyline(b, a).max()))


def _contour_deviation(src: list[Segment], out: list[Segment], above: float) -> float:
    """Largest distance between two closed outlines of the same contour, both ways.

    Both are split at the on-curve points they share (the converted outline
    keeps the source's surviving points, rounded), and each piece is compared
    with its counterpart; if they share none, the whole contours are compared.
    A quick first pass compares each sample only with the other piece's
    samples at about the same fraction of its length, which can only overstate
    the distance; only if that exceeds `above` (the largest deviation found so
    far) are all pairs compared. So the result is exact when it exceeds `above`.
    """
    src_starts = [(otRound(s[0][0]), otRound(s[0][1])) for s in src]
    out_starts = [s[0] for s in out]
    out_index = {p: i for i, p in enumerate(out_starts)}
    pairs = []
    if len(set(src_starts)) == len(src_starts) and len(out_index) == len(out_starts):
        pairs = [(k, out_index[p]) for k, p in enumerate(src_starts) if p in out_index]
    if pairs:
        f0 = pairs[0][1]
        rel = [(f - f0) % len(out) for _, f in pairs]
        if rel != sorted(rel):
            pairs = []
    if not pairs:
        return max(above, _exact_deviation(_sample_run(src, VERIFY_STEP), _sample_run(out, VERIFY_STEP)))
    src_pieces, out_pieces = [], []
    for (k0, f0), (k1, f1) in zip(pairs, pairs[1:] + pairs[:1], strict=True):
        src_piece = [src[k % len(src)] for k in range(k0, k1 if k1 > k0 else k1 + len(src))]
        out_piece = [out[f % len(out)] for f in range(f0, f1 if f1 > f0 else f1 + len(out))]
        src_pieces.append(_sample_run(src_piece, VERIFY_STEP))
        out_pieces.append(_sample_run(out_piece, VERIFY_STEP))
    # position along the contour: piece number + fraction of the piece's length
    a = np.concatenate(src_pieces)
    b = np.concatenate(out_pieces)
    ua = np.concatenate([i + _arc_fraction(piece) for i, piece in enumerate(src_pieces)])
    ub = np.concatenate([i + _arc_fraction(piece) for i, piece in enumerate(out_pieces)])
    rough = 0.0
    for p, up, q, uq in ((a, ua, b, ub), (b, ub, a, ua)):
        near = np.clip(np.searchsorted(uq, up) - 1, 0, len(q) - 2)
        rough = max(rough, float(_dist_to_polyline_near(p, near, q, VERIFY_WINDOW).max()))
    if rough <= above:
        return above
    worst = above
    for src_piece, out_piece in zip(src_pieces, out_pieces, strict=True):
        worst = max(worst, _exact_deviation(src_piece, out_piece))
    return worst


def outline_deviation(glyph_set, name: str, glyph, glyf, above: float = 0.0) -> float:
    """Largest distance, in font units, between a source CFF glyph and its TrueType version.

    Exact (to the sampling) when it exceeds `above`; otherwise at most `above`.
    """
    src = [c for c in cubic_contours(glyph_set, name) if c]
    pen = _SegmentPen()
    glyph.draw(pen, glyf)
    # TrueType contours run the other way round; turn them back.
    out = [[tuple(reversed(s)) for s in reversed(c)] for c in pen.contours if c]
    if len(src) != len(out):
        raise RuntimeError(f"{name}: {len(src)} contours in the source, {len(out)} converted")
    worst = above
    for s, o in zip(src, out, strict=True):
        worst = max(worst, _contour_deviation(s, o, worst))
    return worst


def draw_quadratic(glyph_set, name: str, spec: Spec):
    """One CFF glyph as a TrueType glyph: cubic -> quadratic, direction reversed.

    With spec.simplify_tol, the cubic outline is simplified first
    (simplify_contour) and converted within spec.outline_budget (draw_contours).
    PostScript outlines run counter-clockwise around filled areas, TrueType
    outlines clockwise, so each contour is reversed (keeping its start point).
    Returns the glyph and the simplification's own largest error (0 without).
    """
    tt_pen = TTGlyphPen(None)
    cu2qu_pen = Cu2QuPen(tt_pen, spec.max_err, reverse_direction=True)
    worst = 0.0
    if spec.simplify_tol is None:
        glyph_set[name].draw(cu2qu_pen)
    else:
        contours = [simplify_contour(c, spec.simplify_tol) for c in cubic_contours(glyph_set, name)]
        worst = max((error for contour in contours for _, error in contour), default=0.0)
        draw_contours(contours, cu2qu_pen, spec.max_err, spec.outline_budget)
    # Dropping on-curve points that sit exactly midway between two off-curve
    # points is lossless in TrueType and saves about 2 % on the Fandol faces.
    return tt_pen.glyph(dropImpliedOnCurves=True), worst


def cff_to_glyf(font: TTFont, spec: Spec) -> float:
    """Replace CFF by glyf outlines; returns the simplification's largest error."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    worst = 0.0
    for name in order:
        glyf.glyphs[name], error = draw_quadratic(glyph_set, name, spec)
        worst = max(worst, error)

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
    return worst


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
    source_order = font.getGlyphOrder()
    source_glyphs = font.getGlyphSet()  # the CFF outlines, for verify_outlines
    simplify_error = cff_to_glyf(font, spec)
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
    deviation = None
    if spec.simplify_tol is not None:
        deviation = verify_outlines(spec, source_glyphs, source_order, check)
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
        "simplify_error": simplify_error,
        "deviation": deviation,
    }


def verify_outlines(spec: Spec, source_glyphs, source_order: list[str], built: TTFont) -> float:
    """Largest distance between any source glyph and the built glyph; fails the build above spec.max_deviation."""
    glyf = built["glyf"]
    built_order = built.getGlyphOrder()
    if len(built_order) != len(source_order):
        raise RuntimeError(f"{spec.filename}: {len(built_order)} glyphs built from {len(source_order)}")
    worst, worst_name = 0.0, ""
    for src_name, out_name in zip(source_order, built_order, strict=True):
        deviation = outline_deviation(source_glyphs, src_name, glyf[out_name], glyf, worst)
        if deviation > worst:
            worst, worst_name = deviation, src_name
    if worst > spec.max_deviation:
        raise RuntimeError(
            f"{spec.filename}: glyph {worst_name} is {worst:.2f} font units from the source outline "
            f"(at most {spec.max_deviation} allowed)"
        )
    return worst


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
        "schema = 3",  # 2: cu2qu_max_error per font, fallback_rare; 3: outline simplification
        f"fonttools = {toml_str(FONTTOOLS_VERSION)}",
        f"numpy = {toml_str(np.__version__)}",
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
        ]
        if spec.simplify_tol is not None:
            out += [
                f"simplify_tolerance = {spec.simplify_tol!r}",
                f"outline_budget = {spec.outline_budget!r}",
                f"outline_max_deviation = {round(r['deviation'], 2)!r}",
            ]
        out += [
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
        "--simplify-tol",
        type=float,
        default=None,
        help="try another outline simplification tolerance for the Fandol faces (font units, 0: off); implies --out",
    )
    parser.add_argument(
        "--outline-budget",
        type=float,
        default=None,
        help="try another error budget (simplification + cu2qu) for the Fandol faces (font units); implies --out",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write the fonts into this folder instead of fonts/ (the manifest and licences are then not written)",
    )
    args = parser.parse_args(argv)
    trial = (args.fandol_max_err, args.simplify_tol, args.outline_budget)
    if any(x is not None for x in trial) and args.out is None:
        parser.error("--fandol-max-err, --simplify-tol and --outline-budget are for experiments: give --out too")
    out_dir = args.out or HERE
    out_dir.mkdir(parents=True, exist_ok=True)

    specs = [s for s in SPECS if not args.only or s.filename in args.only]
    if args.fandol_max_err is not None:
        specs = [replace(s, max_err=args.fandol_max_err) if s.licence == "Fandol" else s for s in specs]
    if args.simplify_tol is not None:
        specs = [replace(s, simplify_tol=args.simplify_tol or None) if s.licence == "Fandol" else s for s in specs]
    if args.outline_budget is not None:
        specs = [replace(s, outline_budget=args.outline_budget) if s.licence == "Fandol" else s for s in specs]
    for spec in specs:
        if spec.simplify_tol is not None and not spec.simplify_tol < spec.outline_budget:
            parser.error(f"{spec.filename}: the outline budget must exceed the simplification tolerance")
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
        if r["deviation"] is not None:
            print(
                f"{'':28} simplification error <= {r['simplify_error']:.2f}, "
                f"built outlines within {r['deviation']:.2f} font units of the source"
            )
    if not args.only and args.out is None:
        write_licences(results)
        write_manifest(results)
        print(f"wrote {MANIFEST.relative_to(HERE.parent)} and {LICENSE_DIR.relative_to(HERE.parent)}/")
    print(f"done in {time.perf_counter() - started:.1f} s with fontTools {FONTTOOLS_VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
