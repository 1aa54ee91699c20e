"""CSS from the style sheet: every style role becomes a rule, for the screen and for print.

The same declarations serve both HTML outputs.  The page (:class:`~compiler.render.html.renderer.HtmlRenderer`)
names them as classes in one ``<style>`` element; the fragment for a portal's editor writes them into each
element's ``style`` attribute, because such editors strip ``<style>`` and ``class``.  :class:`Rules` keeps them
in one ordered table so that the cascade of the classes (same specificity, later rule wins) and the merge of
the inline declarations (later key wins) give the same result.

Sizes on screen are relative (``em`` of the article's size, so the reader's font-size setting holds); in print
they are the style sheet's points, the page is the style sheet's page (A4, GB/T 9704 margins), and the line
pitch and character pitch are the grid's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from typing import Any

from compiler.files.resources import data_dir
from compiler.render.style import StyleSheet

#: Other platforms' names for the fonts a style sheet prefers (macOS ships the ST… families).
PLATFORM_ALIASES: dict[str, tuple[str, ...]] = {
    "FangSong": ("STFangsong",),
    "KaiTi": ("STKaiti",),
    "SimHei": ("STHeiti",),
    "SimSun": ("STSong",),
}
SERIF_FALLBACK = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "serif")
SANS_FALLBACK = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "sans-serif")
#: Screen size of the base role's text (the style sheet's 3号 body text), relative to the reader's setting.
SCREEN_BASE = "1.125rem"
PREFIX = "gk-"


@cache
def shipped_families() -> dict[str, tuple[str, str]]:
    """Family and style name of each shipped font file (``fonts/fonts.toml``), by file name."""
    path = data_dir("fonts") / "fonts.toml"
    try:
        fonts = tomllib.loads(path.read_text(encoding="utf-8")).get("font", [])
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {f["file"]: (f.get("family", ""), f.get("style", "")) for f in fonts if "file" in f}


def _quote(name: str) -> str:
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return name if name in generic else '"' + name.replace('"', "") + '"'


def font_stack(sheet: StyleSheet, logical: str) -> tuple[str, bool]:
    """A CSS font-family list for a logical font, and whether its shipped face is bold.

    Licensed originals first (the style sheet's ``[fonts.prefer]``, file names left out), their other
    platforms' names, the shipped open faces by family name, then common CJK families and a generic one —
    sans-serif when the font is a 黑体, serif otherwise."""
    config = sheet.fonts_config
    preferred = [n for n in config.get("prefer", {}).get(logical, []) if "." not in n]
    names: list[str] = []
    for name in preferred:
        names += [name, *PLATFORM_ALIASES.get(name, ())]
    families = shipped_families()
    bold = False
    for index, file in enumerate(config.get(logical, [])):
        family, style = families.get(file, ("", ""))
        if family:
            names.append(family)
            bold = bold or (index == 0 and style.lower() == "bold")
    sans = any(k in n for n in names for k in ("Hei", "黑", "Sans"))
    names += SANS_FALLBACK if sans else SERIF_FALLBACK
    return ", ".join(_quote(n) for n in dict.fromkeys(names)), bold


def _num(x: float) -> str:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def role_key(role: str) -> str:
    return f"role-{role}"


class Rules:
    """Named CSS declaration blocks, in cascade order, with their print variants."""

    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self.screen: dict[str, dict[str, str]] = {}
        self.print: dict[str, dict[str, str]] = {}
        roles = sheet.roles
        self.base_role = "body" if "body" in roles else (roles[0] if roles else "")
        self.base_size = float(sheet.role_values(self.base_role)["size"]) if self.base_role else 16.0
        self._generic()
        for role in roles:
            self._role(role)
        self._modifiers()

    # -- lookup ------------------------------------------------------------------------------------------

    def declarations(self, keys: Iterable[str]) -> dict[str, str]:
        merged: dict[str, str] = {}
        for key in keys:
            merged.update(self.screen.get(key, {}))
        return merged

    def inline(self, keys: Iterable[str]) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.declarations(keys).items())

    def line_height(self, role: str) -> float:
        """A role's line pitch as a multiple of its size (unitless CSS line-height)."""
        v = self.sheet.role_values(role)
        return float(v["line_pitch"]) / float(v["size"])

    def blank_lines(self, count: int) -> str:
        """The height of ``count`` empty lines of the base role, in the article's em."""
        return f"{_num(count * self.line_height(self.base_role))}em"

    # -- the rules ----------------------------------------------------------------------------------------

    def _generic(self) -> None:
        stack, _ = font_stack(self.sheet, str(self.sheet.role_values(self.base_role)["font"]))
        page = self.sheet.page
        self.screen["article"] = {
            "box-sizing": "border-box",
            "max-width": "52rem",
            "margin": "0 auto",
            "padding": "1.5rem 1rem 3rem",
            "color": "#000000",
            "background-color": "#ffffff",
            "font-family": stack,
            "font-size": SCREEN_BASE,
            "line-height": _num(self.line_height(self.base_role)),
            "overflow-wrap": "anywhere",
            "word-break": "normal",
            "line-break": "strict",
            "-webkit-text-size-adjust": "100%",
            "text-size-adjust": "100%",
        }
        self.print["article"] = {
            "max-width": "none",
            "padding": "0",
            "font-size": f"{_num(self.base_size)}pt",
            "line-height": f"{_num(page.line_pitch)}pt",
        }
        block = {"margin": "0", "padding": "0", "font-weight": "normal", "font-style": "normal"}
        for key in ("h", "p"):
            self.screen[key] = dict(block)
        self.screen["strong"] = {"font-weight": "inherit"}
        self.screen["signature"] = {
            "width": "max-content",
            "max-width": "100%",
            "margin": f"{self.blank_lines(1)} 0 0 auto",
        }
        rule = self.sheet.table.rule_width
        self.screen["table-wrap"] = {
            "max-width": "100%",
            "overflow-x": "auto",
            "margin": "0.5em 0",
            "-webkit-overflow-scrolling": "touch",
            # a shadow at an edge with more table beyond it (white covers move with the content; CSS only)
            "background": "linear-gradient(to right, #ffffff 30%, rgba(255,255,255,0)), "
            "linear-gradient(to left, #ffffff 30%, rgba(255,255,255,0)) 100% 0, "
            "radial-gradient(farthest-side at 0 50%, rgba(0,0,0,0.25), rgba(0,0,0,0)), "
            "radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,0.25), rgba(0,0,0,0)) 100% 0",
            "background-repeat": "no-repeat",
            "background-size": "2.5em 100%, 2.5em 100%, 0.8em 100%, 0.8em 100%",
            "background-attachment": "local, local, scroll, scroll",
        }
        space = self.sheet.table.space  # white above and below a table
        self.print["table-wrap"] = {"overflow": "visible", "margin": f"{_num(space)}pt 0", "background": "none"}
        self.screen["table"] = {
            "border-collapse": "collapse",
            "width": "100%",
            "margin": "0",
            "line-height": "inherit",
        }
        self.screen["caption"] = {"padding": "0 0 0.25em", "text-align": "center"}
        self.screen["cell"] = {
            "border": "1px solid #000000",
            "padding": "0.25em 0.35em",
            "vertical-align": "middle",
            "font-weight": "normal",
        }
        pad_x, pad_y = self.sheet.table.padding_x, self.sheet.table.padding_y
        self.print["cell"] = {"border": f"{_num(rule)}pt solid #000000", "padding": f"{_num(pad_y)}pt {_num(pad_x)}pt"}
        self.screen["links"] = {"margin-top": self.blank_lines(2), "border-top": "1px solid #767676"}
        self.print["links"] = {"display": "none"}
        self.screen["list"] = {"list-style": "none", "margin": "0", "padding": "0"}  # the labels number them
        self.screen["link"] = {"color": "#0b4f9c", "text-decoration": "underline"}
        self.screen["visually-hidden"] = {
            "position": "absolute",
            "width": "1px",
            "height": "1px",
            "margin": "-1px",
            "padding": "0",
            "overflow": "hidden",
            "clip": "rect(0 0 0 0)",
            "white-space": "nowrap",
            "border": "0",
        }
        imprint = self.sheet.imprint
        self.screen["imprint"] = {
            "margin-top": self.blank_lines(2),
            "border-top": f"{_num(imprint.outer)}pt solid #000000",
            "border-bottom": f"{_num(imprint.outer)}pt solid #000000",
        }
        self.screen["imprint-row"] = {"display": "flex", "justify-content": "space-between", "gap": "1em"}
        self.screen["number-row"] = {"display": "flex", "justify-content": "space-between", "padding": "0 1em"}
        self.screen["imprint-next"] = {"border-top": f"{_num(imprint.inner)}pt solid #000000"}
        self.screen["page-break"] = {"height": "0", "margin": "0", "border": "0"}
        self.print["page-break"] = {"break-after": "page"}

    def _role(self, role: str) -> None:
        v = self.sheet.role_values(role)
        size = float(v["size"])
        stack, bold_face = font_stack(self.sheet, str(v["font"]))
        align = str(v["align"])
        screen = {
            "font-family": stack,
            "font-size": f"{_num(size / self.base_size)}em",
            "line-height": _num(self.line_height(role)),
            "font-weight": "bold" if (v["bold"] or bold_face) else "normal",
            "color": str(v["color"]),
            "text-align": align,
        }
        if bold_face and not v["bold"]:  # the bold is the shipped face's: a licensed regular face stays unsmeared
            screen["font-synthesis"] = "style"
        if align == "justify":
            screen["text-justify"] = "inter-character"
        if size < self.base_size:  # small print (table cells): never below 14 px on a screen
            screen["font-size"] = f"max(0.875rem, {screen['font-size']})"
        for css, key in (("text-indent", "indent"), ("padding-left", "left_indent"), ("padding-right", "right_indent")):
            if float(v[key]):
                screen[css] = f"{_num(float(v[key]))}em"
        if v["space_before"]:
            screen["margin-top"] = self.blank_lines(int(v["space_before"]))
        if v["space_after"]:
            screen["margin-bottom"] = self.blank_lines(int(v["space_after"]))
        self.screen[role_key(role)] = screen
        printed = {
            "font-size": f"{_num(size)}pt",
            "line-height": f"{_num(float(v['line_pitch']))}pt",
            "letter-spacing": f"{_num(float(v['char_pitch']) - size)}pt",
            "orphans": str(v["orphans"]),
            "widows": str(v["widows"]),
        }
        if v["keep_with_next"]:
            printed["break-after"] = "avoid"
        self.print[role_key(role)] = printed

    def _modifiers(self) -> None:
        for align in ("left", "center", "right", "justify"):
            self.screen[f"align-{align}"] = {"text-align": align}
        self.screen["sig-organ"] = {"text-align": "left", "text-indent": "0"}
        self.screen["sig-date"] = {"text-align": "left", "text-indent": "0", "padding-left": "2em"}
        self.screen["num"] = {
            "text-align": "right",
            "font-variant-numeric": "tabular-nums",
            "white-space": "nowrap",
            "text-indent": "0",
        }
        self.screen["vertical"] = {
            "writing-mode": "vertical-rl",
            "text-orientation": "mixed",
            "display": "inline-block",
            "text-align": "center",
            "letter-spacing": "0.1em",
        }
        self.screen["title-after"] = {"margin-bottom": self.blank_lines(1)}
        self.screen["title-line"] = {"display": "inline-block", "text-wrap": "balance"}  # no lone character
        self.screen["keep"] = {}
        # a table (with its heading) kept on one page when it fits, as in the PDF: browsers move an inline-block
        # whole to the next page; the renderer only keeps what its estimate says fits (see table_height)
        self.print["keep"] = {"break-inside": "avoid", "display": "inline-block", "width": "100%"}
        self.print["num"] = {"text-align": self.sheet.table.number_align}  # numbers placed as the PDF places them

    # -- the style element ---------------------------------------------------------------------------

    def page_number_rules(self) -> list[str]:
        """Page numbers in the page-margin boxes as the style sheet places them (GB/T 9704 §7.5: "— 1 —" in
        4号宋体 7 mm under the type area, odd pages right, even pages left, one character in)."""
        numbers = self.sheet.data.get("page_numbers", {})
        if not numbers.get("enabled", False) or numbers.get("role") not in self.sheet.roles:
            return []
        role = self.sheet.role_values(numbers["role"])
        stack, _ = font_stack(self.sheet, str(role["font"]))
        before, _, after = str(numbers.get("format", "{n}")).partition("{n}")
        content = f"{_css_string(before)} counter(page) {_css_string(after)}"
        size = float(role["size"])
        inset = float(numbers.get("inset_chars", 0)) * size
        gap = float(numbers.get("gap_mm", 0))
        rules = []
        for side, selector in (("odd", ":right"), ("even", ":left")):
            where = str(numbers.get(side, "center"))
            box = {"left": "bottom-left", "right": "bottom-right"}.get(where, "bottom-center")
            pad = f" padding-{where}: {_num(inset)}pt;" if where in ("left", "right") else ""
            rules.append(
                f"@page {selector} {{ @{box} {{ content: {content}; font-family: {stack}; "
                f"font-size: {_num(size)}pt; line-height: 1; color: #000000; vertical-align: top; "
                f"text-align: {where}; padding-top: {_num(gap)}mm;{pad} }} }}"
            )
        return rules

    def stylesheet(self) -> str:
        page = self.sheet.page
        mm = 72.0 / 25.4
        top = page.top / mm
        left = page.left / mm
        right = (page.width - page.left - page.body_width) / mm
        bottom = (page.height - page.top - page.body_height) / mm
        out = [
            "html { background-color: #ffffff; }",
            "body { margin: 0; }",
            "a:focus-visible, [tabindex]:focus-visible { outline: 2px solid #0b4f9c; outline-offset: 2px; }",
        ]
        out += [f".{PREFIX}{key} {{ {_block(decl)} }}" for key, decl in self.screen.items()]
        out.append("@media print {")
        out.append(
            f"  @page {{ size: {_num(page.width / mm)}mm {_num(page.height / mm)}mm; "
            f"margin: {_num(top)}mm {_num(right)}mm {_num(bottom)}mm {_num(left)}mm; }}"
        )
        out += [f"  {rule}" for rule in self.page_number_rules()]
        out.append("  thead { display: table-header-group; }")
        out.append("  tr, img { break-inside: avoid; }")
        out.append(f"  .{PREFIX}table {{ min-width: 0 !important; }}")
        out.append("  col { width: auto !important; }")  # columns sized by their content, as the PDF sizes them
        out += [f"  .{PREFIX}{key} {{ {_block(decl)} }}" for key, decl in self.print.items()]
        out.append("}")
        return "\n".join(out)


def _block(declarations: dict[str, Any]) -> str:
    return " ".join(f"{k}: {v};" for k, v in declarations.items())


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
