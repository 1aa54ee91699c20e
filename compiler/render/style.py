"""Style sheets as data: ``styles/*.toml`` with overlays, role inheritance and validation.

A style sheet says how every *role* a block names (``body``, ``heading1``, ``table-cell`` …) looks, what the
page is, where page numbers go and which font files make up each logical font.  Keeping this in TOML rather
than Python lets a user fix one number (a Word-like 28.95 pt line pitch, bold ``（一）`` headings) with a
three-line overlay instead of a fork, and lets ``gongkai style --print`` show exactly what is in force.

Two kinds of inheritance, both by ``parent``:

* a *file* whose top level says ``parent = "gbt9704"`` is an overlay, deep-merged over its parent file;
* a *role* whose table says ``parent = "body"`` starts from that role's values.

Every key is checked against :data:`SCHEMA` before merging, so a misspelt key is reported with the file it is
in, its dotted path and a "did you mean" — a silently ignored style key would be a typesetting bug nobody sees.
"""

from __future__ import annotations

import copy
import difflib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from compiler.files.resources import data_dir
from compiler.model.document import SourceRef
from compiler.model.problems import Problem, ReportError, error
from compiler.render.textstyle import ImprintSettings, PageGeometry, PageNumberStyle, TableSettings, TextStyle

if TYPE_CHECKING:
    from compiler.render.pdf.typeset.fonts import FontRegistry

DEFAULT_STYLE = "gbt9704"
MM = 72.0 / 25.4

#: Chinese type sizes (号) in points, the values Word and WPS use.
HAO_SIZES: dict[str, float] = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
    "六号": 7.5,
    "小六": 6.5,
    "七号": 5.5,
    "八号": 5,
}
_DIGIT_HAO = {"0": "初", "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八"}


# ---------------------------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class Key:
    """One allowed key: a predicate on its value and the words naming the expected type in messages."""

    check: Callable[[Any], bool]
    expected: str


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _is_positive(v: Any) -> bool:
    return _is_number(v) and v > 0


def _is_size(v: Any) -> bool:
    return _is_positive(v) or (isinstance(v, str) and (_parse_size_or_none(v) or 0) > 0)


def _is_pitch(v: Any) -> bool:
    return (
        _is_positive(v)
        or v == "grid"
        or (isinstance(v, str) and re.fullmatch(r"\d*[1-9]\d*(\.\d+)?em|\d+\.\d*[1-9]\d*em", v) is not None)
    )


def _one_of(*choices: str) -> Key:
    return Key(lambda v: v in choices, " | ".join(f'"{c}"' for c in choices))


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


NUMBER = Key(_is_number, "数值")
POSITIVE = Key(_is_positive, "大于 0 的数值")
NONNEGATIVE = Key(lambda v: _is_number(v) and v >= 0, "不小于 0 的数值")
COUNT = Key(lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0, "正整数")
INT = Key(lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "非负整数")
BOOL = Key(lambda v: isinstance(v, bool), "true/false")
STR = Key(lambda v: isinstance(v, str), "字符串")
SIZE = Key(_is_size, '大于 0 的磅值或字号名（如 16、"三号"、"3号"、"小四"）')
PITCH = Key(_is_pitch, '大于 0 的磅值、"grid" 或 "<k>em"')
FILES = Key(_str_list, "字符串数组")
ALIGN = _one_of("justify", "left", "center", "right")
SIDE = _one_of("left", "center", "right")
COLOR = Key(lambda v: isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", v) is not None, '"#rrggbb"')

PAGE_KEYS: dict[str, Key] = {
    "width_mm": POSITIVE,
    "height_mm": POSITIVE,
    "top_mm": NONNEGATIVE,
    "left_mm": NONNEGATIVE,
    "body_width_mm": POSITIVE,
    "body_height_mm": POSITIVE,
    "lines": COUNT,
    "chars": COUNT,
    "line_pitch_pt": POSITIVE,
}
PAGE_NUMBER_KEYS: dict[str, Key] = {
    "enabled": BOOL,
    "format": STR,
    "role": STR,
    "gap_mm": NONNEGATIVE,
    "odd": SIDE,
    "even": SIDE,
    "inset_chars": NONNEGATIVE,
}
TABLE_KEYS: dict[str, Key] = {
    "rule_width": POSITIVE,
    "padding_x": NONNEGATIVE,
    "padding_y": NONNEGATIVE,
    "number_align": ALIGN,
    "min_vertical_rows": INT,
    "space_mm": NUMBER,
    "header_lines": INT,
    "min_label_cells": NUMBER,
    "shrink_sizes": Key(
        lambda v: isinstance(v, list) and all(_is_size(x) for x in v), '字号数组（如 ["小五", "六号"]）'
    ),
    "min_split_rows": INT,
    "max_row_stretch": NUMBER,
    "equal_steps": INT,
}
#: Keys a style file may leave out (added after style files were written): their defaults.
TABLE_DEFAULTS: dict[str, Any] = {"equal_steps": 1}
ROLE_KEYS: dict[str, Key] = {
    "parent": STR,
    "font": STR,
    "size": SIZE,
    "char_pitch": PITCH,
    "line_pitch": PITCH,
    "em_ascent": POSITIVE,
    "indent": NUMBER,
    "left_indent": NUMBER,
    "right_indent": NUMBER,
    "align": ALIGN,
    "bold": BOOL,
    "bold_stroke": NONNEGATIVE,
    "keep_with_next": BOOL,
    "widows": INT,
    "orphans": INT,
    "latin_space": NONNEGATIVE,
    "compress_punctuation": BOOL,
    "space_before": INT,
    "space_after": INT,
    "color": COLOR,
}
ATTACHMENT_KEYS: dict[str, Key] = {
    "label_on": _one_of("first-page", "separator"),
    "label": STR,
    "label_single": STR,
}
IMPRINT_KEYS: dict[str, Key] = {"rule_outer_mm": POSITIVE, "rule_inner_mm": POSITIVE}
#: The 版记's rules when a style file (written before it) has none: GB/T 9704 §7.4.1's.
IMPRINT_DEFAULTS: dict[str, Any] = {"rule_outer_mm": 0.35, "rule_inner_mm": 0.25}
TOP_KEYS = ("parent", "description", "page", "page_numbers", "fonts", "table", "attachments", "imprint", "roles")

#: Values a role has when neither it nor any ancestor sets the key (mirrors TextStyle's defaults).
ROLE_DEFAULTS: dict[str, Any] = {
    "font": "fangsong",
    "size": 16.0,
    "char_pitch": "grid",
    "line_pitch": "grid",
    "em_ascent": 0.88,
    "indent": 0.0,
    "left_indent": 0.0,
    "right_indent": 0.0,
    "align": "justify",
    "bold": False,
    "bold_stroke": 0.03,
    "keep_with_next": False,
    "widows": 2,
    "orphans": 2,
    "latin_space": 0.0,
    "compress_punctuation": True,
    "space_before": 0,
    "space_after": 0,
    "color": "#000000",
}


# ---------------------------------------------------------------------------------------------- sizes


def _parse_size_or_none(text: str) -> float | None:
    t = text.strip().replace(" ", "")
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)(pt)?", t):
        return float(m.group(1))
    if m := re.fullmatch(r"([0-8])号", t):
        t = _DIGIT_HAO[m.group(1)] + "号"
    elif re.fullmatch(r"小[0-8]号?", t):
        t = "小" + _DIGIT_HAO[t[1]]
    elif t.startswith("小") and t.endswith("号"):
        t = t[:-1]
    if t == "初":
        t = "初号"
    return float(HAO_SIZES[t]) if t in HAO_SIZES else None


def parse_size(value: float | int | str) -> float:
    """A type size in points from a number or a 号 name: ``parse_size("三号") == parse_size("3号") == 16``."""
    if _is_number(value):
        return float(value)
    size = _parse_size_or_none(str(value))
    if size is None:
        raise ValueError(f"unknown type size {value!r}")
    return size


def _pitch_pt(value: Any, size: float, grid: float) -> float:
    if value == "grid":
        return grid
    if isinstance(value, str) and value.endswith("em"):
        return float(value[:-2]) * size
    return float(value)


# ---------------------------------------------------------------------------------------------- loading


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"，是否想写 {close[0]}？" if close else f"；可用的键：{'、'.join(sorted(choices))}"


def _line_of(text: str, keypath: str) -> int | None:
    """Best-effort line number of ``keypath`` in a TOML text, so a message can point at the line."""
    parts = keypath.split(".")
    key = parts[-1]
    table = parts[:-1]
    lines = text.splitlines()
    current: list[str] = []
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")
    for number, line in enumerate(lines, 1):
        if m := header.match(line):
            current = [p.strip().strip('"') for p in m.group(1).split(".")]
            if current == parts:
                return number
            continue
        if current == table and re.match(rf'^\s*"?{re.escape(key)}"?\s*=', line):
            return number
    return None


class _FileProblems:
    """Collects problems for one style file, naming the file, the key path and the line."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def add(self, rule: str, keypath: str, message: str) -> None:
        source = SourceRef(self.path, keypath, _line_of(self.text, keypath))
        self.problems.append(error(rule, message, source))

    def unknown(self, keypath: str, key: str, allowed: Sequence[str]) -> None:
        self.add("style.unknown-key", keypath, f"样式表中没有键 {keypath}{_did_you_mean(key, allowed)}")

    def check_table(self, table: Any, prefix: str, keys: Mapping[str, Key]) -> None:
        if not isinstance(table, dict):
            self.add("style.type", prefix, f"{prefix} 应为表（[{prefix}]）")
            return
        for key, value in table.items():
            path = f"{prefix}.{key}"
            if key not in keys:
                self.unknown(path, key, list(keys))
            elif not keys[key].check(value):
                self.add("style.type", path, f"{path} 应为 {keys[key].expected}，实为 {value!r}")


def _validate_file(data: dict[str, Any], report: _FileProblems) -> None:
    for key, value in data.items():
        if key not in TOP_KEYS:
            report.unknown(key, key, TOP_KEYS)
        elif key in ("parent", "description"):
            if not isinstance(value, str):
                report.add("style.type", key, f"{key} 应为字符串，实为 {value!r}")
        elif key == "page":
            report.check_table(value, "page", PAGE_KEYS)
        elif key == "page_numbers":
            report.check_table(value, "page_numbers", PAGE_NUMBER_KEYS)
        elif key == "table":
            report.check_table(value, "table", TABLE_KEYS)
        elif key == "attachments":
            report.check_table(value, "attachments", ATTACHMENT_KEYS)
        elif key == "imprint":
            report.check_table(value, "imprint", IMPRINT_KEYS)
        elif key == "fonts":
            _validate_fonts(value, report)
        elif key == "roles":
            if not isinstance(value, dict):
                report.add("style.type", "roles", "roles 应为表")
                continue
            for name, role in value.items():
                report.check_table(role, f"roles.{name}", ROLE_KEYS)


def _validate_fonts(fonts: Any, report: _FileProblems) -> None:
    if not isinstance(fonts, dict):
        report.add("style.type", "fonts", "fonts 应为表")
        return
    for name, value in fonts.items():
        if name == "prefer":
            if not isinstance(value, dict):
                report.add("style.type", "fonts.prefer", "fonts.prefer 应为表")
                continue
            for logical, names in value.items():
                if not _str_list(names):
                    path = f"fonts.prefer.{logical}"
                    report.add("style.type", path, f"{path} 应为字符串数组，实为 {names!r}")
        elif not _str_list(value) or not value:
            report.add("style.type", f"fonts.{name}", f"fonts.{name} 应为非空的字体文件名数组，实为 {value!r}")


def _resolve_path(spec: str | Path, base_dir: Path | None) -> Path:
    """A built-in name (``"gbt9704"``) or a file path relative to ``base_dir``."""
    text = str(spec)
    looks_like_name = isinstance(spec, str) and "/" not in text and "\\" not in text and not text.endswith(".toml")
    if looks_like_name:
        return data_dir("styles") / f"{text}.toml"
    path = Path(spec)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return path


def _read(path: Path, referrer: SourceRef | None) -> tuple[dict[str, Any], str]:
    if not path.is_file():
        known = sorted(p.stem for p in data_dir("styles").glob("*.toml"))
        raise ReportError(error("style.not-found", f"找不到样式表 {path}（内置样式：{'、'.join(known)}）", referrer))
    from compiler.source.tomlsource import decode, read_capped

    try:
        raw = read_capped(path)
    except OSError as exc:
        from compiler.files.output import os_error_message

        raise ReportError(error("style.unreadable", os_error_message(exc, path, "读取样式表"), referrer)) from None
    try:
        # a BOM is dropped, GBK and UTF-16 are named with the fix, as for a report (rule input.*, this path)
        text = decode(raw, path)
    except ReportError as exc:
        raise ReportError([replace(p, message=f"样式表 {path}：{p.message}") for p in exc.problems]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ReportError(
            error("style.syntax", f"样式表不是有效的 TOML：{exc}", SourceRef(path, "", int(m.group(1)) if m else None))
        ) from exc


def _chain(spec: str | Path, base_dir: Path | None) -> list[tuple[Path, dict[str, Any]]]:
    """The files from the root style down to ``spec`` (base first); validates each and detects cycles."""
    chain: list[tuple[Path, dict[str, Any]]] = []
    seen: list[Path] = []
    referrer: SourceRef | None = None
    current: str | Path | None = spec
    here = base_dir
    problems: list[Problem] = []
    while current is not None:
        path = _resolve_path(current, here).resolve()
        if path in seen:
            cycle = " → ".join(str(p) for p in [*seen, path])
            raise ReportError(error("style.parent-cycle", f"样式表的 parent 形成循环：{cycle}", referrer))
        seen.append(path)
        data, text = _read(path, referrer)
        report = _FileProblems(path, text)
        _validate_file(data, report)
        problems += report.problems
        chain.append((path, data))
        current = data.get("parent") if isinstance(data.get("parent"), str) else None
        referrer = SourceRef(path, "parent", _line_of(text, "parent"))
        here = path.parent
    if problems:
        raise ReportError(problems)
    return list(reversed(chain))


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def load_style(
    spec: str | Path | None = None,
    *,
    base_dir: Path | None = None,
    overlays: Sequence[str | Path] = (),
    font_dirs: Sequence[Path] = (),
) -> StyleSheet:
    """Load a style sheet: a built-in name or a path (relative to ``base_dir``, the report's folder), its
    parents, then each overlay in order.  Raises :class:`ReportError` listing every problem found.

    ``font_dirs`` are extra folders searched for the licensed fonts named in ``[fonts.prefer]``.
    """
    files: list[tuple[Path, dict[str, Any]]] = []
    for one in [spec if spec is not None else DEFAULT_STYLE, *overlays]:
        for path, data in _chain(one, base_dir):
            if all(path != p for p, _ in files):
                files.append((path, data))
    merged: dict[str, Any] = {}
    for _, data in files:
        _deep_merge(merged, {k: v for k, v in data.items() if k not in ("parent", "description")})
    return StyleSheet(merged, [p for p, _ in files], font_dirs=font_dirs)


# ---------------------------------------------------------------------------------------------- the sheet


class StyleSheet:
    """A merged, validated style sheet.  Roles resolve lazily to :class:`TextStyle` objects."""

    def __init__(self, data: dict[str, Any], sources: Sequence[Path], *, font_dirs: Sequence[Path] = ()):
        self.data = data
        self.sources = list(sources)
        self.font_dirs = list(font_dirs)
        self._registry: FontRegistry | None = None
        self._styles: dict[str, TextStyle] = {}
        self._role_values = self._resolve_roles()

    # -- plain sections ---------------------------------------------------------------------------

    @cached_property
    def page(self) -> PageGeometry:
        p = self._section("page", PAGE_KEYS)
        return PageGeometry(
            width=p["width_mm"] * MM,
            height=p["height_mm"] * MM,
            top=p["top_mm"] * MM,
            left=p["left_mm"] * MM,
            body_width=p["body_width_mm"] * MM,
            body_height=p["body_height_mm"] * MM,
            lines=int(p["lines"]),
            chars=int(p["chars"]),
            line_pitch=float(p["line_pitch_pt"]),
        )

    @cached_property
    def page_numbers(self) -> PageNumberStyle:
        n = self._section("page_numbers", PAGE_NUMBER_KEYS)
        style = self.role(n["role"])
        return PageNumberStyle(
            style=style,
            format=n["format"],
            gap=n["gap_mm"] * MM,
            odd=n["odd"],
            even=n["even"],
            inset=n["inset_chars"] * style.size,
            enabled=n["enabled"],
        )

    @cached_property
    def table(self) -> TableSettings:
        values = self._section("table", TABLE_KEYS, TABLE_DEFAULTS)
        values["space"] = values.pop("space_mm") * MM
        values["shrink_sizes"] = tuple(parse_size(v) for v in values["shrink_sizes"])
        return TableSettings(**values)

    @cached_property
    def imprint(self) -> ImprintSettings:
        v = self._section("imprint", IMPRINT_KEYS, IMPRINT_DEFAULTS)
        return ImprintSettings(outer=v["rule_outer_mm"] * MM, inner=v["rule_inner_mm"] * MM)

    @property
    def fonts_config(self) -> dict[str, Any]:
        """The ``[fonts]`` table: logical font → file chain, plus ``prefer`` (licensed originals)."""
        return copy.deepcopy(self.data.get("fonts", {}))

    @property
    def roles(self) -> list[str]:
        return sorted(self._role_values)

    def _section(self, name: str, keys: Mapping[str, Key], defaults: Mapping[str, Any] | None = None) -> dict[str, Any]:
        values = {**(defaults or {}), **self.data.get(name, {})}
        missing = [k for k in keys if k not in values]
        if missing:
            where = SourceRef(self.sources[0], name) if self.sources else None
            raise ReportError(error("style.missing-key", f"样式表缺少 [{name}] 的键：{'、'.join(missing)}", where))
        return dict(values)

    # -- roles ----------------------------------------------------------------------------------------

    def _resolve_roles(self) -> dict[str, dict[str, Any]]:
        roles: dict[str, dict[str, Any]] = self.data.get("roles", {})
        fonts = [k for k in self.data.get("fonts", {}) if k != "prefer"]
        problems: list[Problem] = []
        resolved: dict[str, dict[str, Any]] = {}

        def where(keypath: str) -> SourceRef | None:
            return SourceRef(self.sources[-1], keypath) if self.sources else None

        def resolve(name: str, trail: tuple[str, ...]) -> dict[str, Any] | None:
            if name in resolved:
                return resolved[name]
            own = roles[name]
            parent = own.get("parent")
            if parent is None:
                values = dict(ROLE_DEFAULTS)
            elif parent in trail:
                cycle = " → ".join([*trail, parent])
                message = f"样式角色的 parent 形成循环：{cycle}"
                problems.append(error("style.role-cycle", message, where(f"roles.{name}.parent")))
                return None
            elif parent not in roles:
                message = f"样式角色 {name} 的 parent {parent!r} 不存在{_did_you_mean(parent, list(roles))}"
                problems.append(error("style.unknown-parent", message, where(f"roles.{name}.parent")))
                return None
            else:
                base = resolve(parent, (*trail, parent))
                if base is None:
                    return None
                values = dict(base)
            values.update({k: v for k, v in own.items() if k != "parent"})
            if values["font"] not in fonts:
                problems.append(
                    error(
                        "style.unknown-font",
                        f"样式角色 {name} 的字体 {values['font']!r} 未在 [fonts] 中定义"
                        f"{_did_you_mean(values['font'], fonts)}",
                        where(f"roles.{name}.font"),
                    )
                )
            resolved[name] = values
            return values

        for name in roles:
            resolve(name, (name,))
        if problems:
            raise ReportError(problems)
        return resolved

    def role_values(self, name: str) -> dict[str, Any]:
        """A role's values in points (sizes and pitches resolved), with ``font`` the logical font name."""
        if name not in self._role_values:
            raise ReportError(
                error(
                    "style.unknown-role",
                    f"样式表中没有角色 {name}{_did_you_mean(name, self.roles)}",
                    SourceRef(self.sources[-1], f"roles.{name}") if self.sources else None,
                )
            )
        values = dict(self._role_values[name])
        size = parse_size(values["size"])
        page = self.page
        values["size"] = size
        values["char_pitch"] = _pitch_pt(values["char_pitch"], size, page.char_pitch)
        values["line_pitch"] = _pitch_pt(values["line_pitch"], size, page.line_pitch)
        for key in ("em_ascent", "indent", "left_indent", "right_indent", "bold_stroke", "latin_space"):
            values[key] = float(values[key])
        return values

    def role_font(self, name: str) -> str:
        return str(self.role_values(name)["font"])

    @property
    def fonts(self) -> FontRegistry:
        """The font registry the roles draw with (created on first use from ``[fonts]`` and ``font_dirs``)."""
        if self._registry is None:
            from compiler.render.pdf.typeset.fonts import FontRegistry

            self._registry = FontRegistry(self.fonts_config, self.font_dirs)
        return self._registry

    def use_fonts(self, registry: FontRegistry) -> None:
        """Draw with ``registry`` from now on (e.g. one built with the user's ``--font-dir``)."""
        self._registry = registry
        self._styles.clear()
        self.__dict__.pop("page_numbers", None)

    def role(self, name: str) -> TextStyle:
        if name not in self._styles:
            values = self.role_values(name)
            font = values.pop("font")
            values.pop("parent", None)
            self._styles[name] = TextStyle(name=name, fonts=self.fonts.chain(font), **values)
        return self._styles[name]

    # -- output ----------------------------------------------------------------------------------------

    def resolved(self) -> dict[str, Any]:
        """Everything in force, fully resolved (lengths in points), for ``gongkai style --print``."""
        return {
            "sources": [str(p) for p in self.sources],
            "page": dict(self.data.get("page", {})),
            "page_numbers": dict(self.data.get("page_numbers", {})),
            "fonts": self.fonts_config,
            "table": dict(self.data.get("table", {})),
            "roles": {name: self.role_values(name) for name in self.roles},
        }

    def to_toml(self) -> str:
        return tomli_w.dumps(self.resolved())
