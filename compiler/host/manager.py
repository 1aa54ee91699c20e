"""The plugin host: finds plugins, registers them with pluggy, and is the only code that calls hooks.

Built-in sections are not special: they are listed under the ``gongkai`` entry-point group in gongkai's own
``pyproject.toml`` and loaded by :meth:`PluginHost.load_entry_points` exactly like a third-party plugin.

**Format families** (loaded on demand): an entry point named ``<family>-format`` declares a family, and every
other entry point named ``<family>-…`` is a member that serves only the formats the family's ``-format``
plugin registers (``legacy-active`` serves ``legacy``; ``gb2021-tables`` serves ``2021`` and ``2019``).  The
``-format`` plugins and every entry point outside a family (``common-…``, ``render-…``, a third party's
``acme``) are loaded at once; a family's members only when a report of one of its formats is read (or when
something needs every plugin: ``gongkai plugins``, importing a published report, a batch's warm-up).  A
legacy report thus never imports the 2021 format's plugins.  Members must keep to their family: a section
they register for another format (or for any format) is an error (``plugin.family-scope``).
Every hook call goes through a typed method here, which also attributes a plugin's exception to the plugin
by name instead of letting a traceback escape.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from compiler.host import hookspecs
from compiler.host.entrypoints import EntryPoint, entry_points
from compiler.host.watchdog import TIMEOUT_ENV, PluginTimeout, time_limit
from compiler.model.document import DocumentInfo, SourceRef
from compiler.model.formats import Format
from compiler.model.indicators import Indicator
from compiler.model.problems import Problem, ReportError, UsageError, error
from compiler.model.sections import SectionType
from compiler.render.base import Renderer

if TYPE_CHECKING:
    from compiler.importers.base import ImportResult, PublishedDocument
    from compiler.model.report import Report

ENTRY_POINT_GROUP = "gongkai"
#: An entry point named ``<family>`` + this declares a format family (see the module's docstring).
FAMILY_SUFFIX = "-format"
#: Comma-separated plugin names not to load from entry points (like pytest's ``-p no:NAME``).
DISABLE_ENV = "GONGKAI_DISABLE_PLUGINS"


def family_of(name: str) -> str | None:
    """The format family an entry point's name puts it in: ``legacy-active`` → ``legacy`` (``None``: no
    hyphen).  Whether that family exists depends on a ``<family>-format`` entry point."""
    family, dash, _ = name.partition("-")
    return family if dash and family else None


@dataclass
class PluginInfo:
    name: str
    origin: str  # "built-in", "entry point", "file", "code"
    where: str  # module or file path
    distribution: str | None = None
    version: str | None = None


class PluginError(Exception):
    """A plugin raised or returned something it must not.  Carries a problem naming the plugin."""

    def __init__(self, plugin: str, what: str, exc: BaseException | None = None, source: SourceRef | None = None):
        detail = f"{type(exc).__name__}: {exc}" if exc else ""
        message = f"插件“{plugin}”在{what}时出错" + (f"：{detail}" if detail else "")
        self.problem = error("plugin.failed", message, source, plugin=plugin)
        super().__init__(message)


def _timeout(plugin: str, what: str, exc: PluginTimeout, source: SourceRef | None = None) -> Problem:
    message = f"插件“{plugin}”在{what}时超过 {exc.seconds:g} 秒仍未返回，已中止（时限见 {TIMEOUT_ENV}）"
    return error("plugin.timeout", message, source, plugin=plugin)


@dataclass
class PluginHost:
    pm: pluggy.PluginManager = field(default_factory=lambda: pluggy.PluginManager(hookspecs.PROJECT))
    info: dict[str, PluginInfo] = field(default_factory=dict)
    formats: dict[str, Format] = field(default_factory=dict)
    sections: dict[tuple[str | None, str], SectionType] = field(default_factory=dict)
    renderers: dict[str, Renderer] = field(default_factory=dict)
    renderer_plugins: dict[str, str] = field(default_factory=dict)
    #: family → its members' entry points not loaded yet (see "Format families" above)
    deferred: dict[str, list[EntryPoint]] = field(default_factory=dict)
    #: family → the plugin names of its members (loaded or not)
    families: dict[str, set[str]] = field(default_factory=dict)
    _collected: bool = False

    def __post_init__(self) -> None:
        self.pm.add_hookspecs(hookspecs)

    # -- loading ---------------------------------------------------------------------------------
    def register(self, plugin: object, name: str, origin: str = "code", where: str = "") -> None:
        if self.pm.has_plugin(name) or self.pm.get_plugin(name) is not None:
            return
        self.pm.register(plugin, name=name)
        self.info[name] = PluginInfo(name, origin, where or getattr(plugin, "__name__", repr(plugin)))
        self._collected = False

    def load_entry_points(self, *, everything: bool = False) -> None:
        """Load the installed plugins; the members of format families wait for a report of their formats
        (:meth:`load_format`) unless ``everything``."""
        blocked = {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip()}
        found = [ep for ep in entry_points(ENTRY_POINT_GROUP) if ep.name not in blocked]
        families = {family_of(ep.name) for ep in found if ep.name.endswith(FAMILY_SUFFIX)} - {None}
        for ep in found:
            family = family_of(ep.name)
            if family in families and not ep.name.endswith(FAMILY_SUFFIX):
                self.families.setdefault(family, set()).add(ep.name)
                if not everything:
                    if self.pm.get_plugin(ep.name) is None and ep not in self.deferred.get(family, []):
                        self.deferred.setdefault(family, []).append(ep)
                    continue
            self._load_entry_point(ep)
        if everything:
            self.deferred.clear()

    def _load_entry_point(self, ep: EntryPoint) -> None:
        if self.pm.get_plugin(ep.name) is not None:
            return
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin is reported, not raised
            raise ReportError(PluginError(ep.name, f"加载（{ep.value}）", exc).problem) from None
        self.register(plugin, ep.name, "built-in" if ep.distribution == "gongkai" else "entry point", ep.value)
        self.info[ep.name].distribution = ep.distribution
        self.info[ep.name].version = ep.version

    def load_format(self, format_key: str) -> None:
        """Load the deferred members of the family that serves ``format_key`` (nothing if none is waiting)."""
        if not self.deferred:
            return
        self.collect()
        fmt = self.formats.get(format_key)
        family = family_of(fmt.plugin) if fmt is not None and fmt.plugin.endswith(FAMILY_SUFFIX) else None
        if family in self.deferred:
            self._load_family(family)

    def load_everything(self) -> None:
        """Load every deferred plugin (for what needs them all: listing, importing, a batch's warm-up)."""
        for family in sorted(self.deferred):
            self._load_family(family)

    def _load_family(self, family: str) -> None:
        for ep in self.deferred.pop(family, []):
            self._load_entry_point(ep)
        self.collect()

    def load_file(self, path: Path, source: SourceRef | None = None) -> None:
        """Load a plugin from a Python file a report names."""
        name = f"file:{path.stem}"
        if self.pm.get_plugin(name) is not None:
            return
        if not path.is_file():
            raise ReportError(error("plugin.missing-file", f"找不到插件文件：{path}", source))
        spec = importlib.util.spec_from_file_location(f"gongkai_local_{path.stem}", path)
        if spec is None or spec.loader is None:
            raise ReportError(error("plugin.bad-file", f"无法作为 Python 模块载入插件文件：{path}", source))
        module = importlib.util.module_from_spec(spec)
        try:
            sys.modules[spec.name] = module
            with time_limit():
                spec.loader.exec_module(module)
        except PluginTimeout as exc:
            sys.modules.pop(spec.name, None)
            raise ReportError(_timeout(str(path), "载入", exc, source)) from None
        except Exception as exc:
            sys.modules.pop(spec.name, None)
            raise ReportError(PluginError(str(path), "载入", exc, source).problem) from None
        self.register(module, name, "file", str(path))

    def validate(self) -> None:
        """Reject hook implementations that match no hook (a misspelled name) — loudly."""
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            plugin = self.pm.get_name(exc.plugin) or repr(exc.plugin)
            raise ReportError(
                error(
                    "plugin.unknown-hook",
                    f"插件“{plugin}”实现了不存在的钩子：{exc}；可用的钩子：{', '.join(hookspecs.HOOK_NAMES)}",
                    plugin=plugin,
                )
            ) from None

    # -- collecting formats and sections ---------------------------------------------------------
    def _each(self, hook_name: str) -> Iterable[tuple[str, Callable[..., Any]]]:
        hook = getattr(self.pm.hook, hook_name)
        impls = sorted(hook.get_hookimpls(), key=lambda i: i.plugin_name)
        for impl in impls:
            yield impl.plugin_name, impl.function

    def collect(self) -> None:
        if self._collected:
            return
        self.validate()
        self.formats.clear()
        self.sections.clear()
        for plugin, fn in self._each("gongkai_register_formats"):

            def add_format(fmt: Format, _plugin: str = plugin) -> None:
                if not isinstance(fmt, Format):
                    raise TypeError(f"register() expects a Format, got {type(fmt).__name__}")
                if fmt.key in self.formats:
                    other = self.formats[fmt.key].plugin
                    raise ReportError(
                        error("plugin.duplicate-format", f"格式“{fmt.key}”被插件“{other}”和“{_plugin}”重复注册")
                    )
                self.formats[fmt.key] = replace(fmt, plugin=_plugin)

            self._call(plugin, "注册格式", fn, register=add_format)
        for plugin, fn in self._each("gongkai_register_sections"):

            def add_section(section: SectionType, _plugin: str = plugin) -> None:
                if not isinstance(section, SectionType):
                    raise TypeError(f"register() expects a SectionType, got {type(section).__name__}")
                self._check_family_scope(_plugin, section)
                keys = [None] if section.formats is None else sorted(section.formats)
                for fmt in keys:
                    if (fmt, section.key) in self.sections:
                        other = self.sections[(fmt, section.key)].plugin
                        raise ReportError(
                            error(
                                "plugin.duplicate-section",
                                f"章节“{section.key}”（格式 {fmt or '任意'}）被插件“{other}”和“{_plugin}”重复注册",
                            )
                        )
                    self.sections[(fmt, section.key)] = replace(section, plugin=_plugin)

            self._call(plugin, "注册章节", fn, register=add_section)
        self.renderers.clear()
        self.renderer_plugins.clear()
        for plugin, fn in self._each("gongkai_register_renderers"):

            def add_renderer(renderer: Renderer, _plugin: str = plugin) -> None:
                if not isinstance(renderer, Renderer):
                    raise TypeError(f"register() expects a Renderer, got {type(renderer).__name__}")
                if renderer.key in self.renderers:
                    other = self.renderer_plugins[renderer.key]
                    raise ReportError(
                        error(
                            "plugin.duplicate-renderer", f"输出格式“{renderer.key}”被插件“{other}”和“{_plugin}”重复注册"
                        )
                    )
                self.renderers[renderer.key] = renderer
                self.renderer_plugins[renderer.key] = _plugin

            self._call(plugin, "注册输出格式", fn, register=add_renderer)
        self._collected = True

    def _check_family_scope(self, plugin: str, section: SectionType) -> None:
        """A family member's sections belong to the family's formats (else loading it lazily would change
        what reports of other formats contain)."""
        family = family_of(plugin)
        if family is None or plugin not in self.families.get(family, ()):
            return
        own = {k for k, f in self.formats.items() if family_of(f.plugin) == family and f.plugin.endswith(FAMILY_SUFFIX)}
        if section.formats is None or not set(section.formats) <= own:
            where = "任意格式" if section.formats is None else "、".join(sorted(section.formats))
            raise ReportError(
                error(
                    "plugin.family-scope",
                    f"插件“{plugin}”属于格式族“{family}”（格式：{'、'.join(sorted(own)) or '无'}），"
                    f"却为{where}注册了章节“{section.key}”；请改名（不以“{family}-”开头）或只为本族格式注册",
                    plugin=plugin,
                )
            )

    def _call(self, plugin: str, what: str, fn: Callable[..., Any], **kwargs: Any) -> Any:
        try:
            with time_limit():
                return fn(**kwargs)
        except ReportError:
            raise
        except PluginTimeout as exc:
            raise ReportError(_timeout(plugin, what, exc)) from None
        except Exception as exc:  # attributed to the plugin
            raise ReportError(PluginError(plugin, what, exc).problem) from None

    def call_section(self, section: SectionType, what: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Call one of a section's callables, attributing failures to its plugin."""
        try:
            with time_limit():
                return fn(*args)
        except ReportError:
            raise
        except PluginTimeout as exc:
            raise ReportError(_timeout(section.plugin, f"{what}章节“{section.key}”", exc)) from None
        except Exception as exc:
            raise ReportError(PluginError(section.plugin, f"{what}章节“{section.key}”", exc).problem) from None

    # -- queries ---------------------------------------------------------------------------------
    def section_types(self, format_key: str) -> dict[str, SectionType]:
        """Every section type usable in a format, by key (format-specific ones win over generic ones)."""
        self.load_format(format_key)
        self.collect()
        found: dict[str, SectionType] = {}
        for (fmt, key), section in sorted(self.sections.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            if fmt is None and key not in found:
                found[key] = section
        for (fmt, key), section in self.sections.items():
            if fmt == format_key:
                found[key] = section
        return found

    def default_order(self, format_key: str) -> list[str]:
        """The format's section order, with sections from other plugins placed by their ``after`` or
        ``before`` key (sorted by key among themselves, so registration order never shows)."""
        fmt = self.formats[format_key]
        order = list(fmt.sections)
        extra = sorted(
            (s for k, s in self.section_types(format_key).items() if k not in order and (s.after or s.before)),
            key=lambda s: s.key,
        )
        for section in extra:
            if section.after in order:
                order.insert(order.index(section.after) + 1, section.key)
            elif section.before in order:
                order.insert(order.index(section.before), section.key)
            else:
                order.append(section.key)
        return order

    # -- report-level hooks ------------------------------------------------------------------------
    def checks(self, report: Report) -> list[Problem]:
        self.load_format(report.format.key)
        problems: list[Problem] = []
        for plugin, fn in self._each("gongkai_check"):
            result = self._call(plugin, "检查报告", fn, report=report)
            if result is None:
                continue
            if not isinstance(result, list) or not all(isinstance(p, Problem) for p in result):
                raise ReportError(PluginError(plugin, "检查报告（返回值应为 Problem 列表）").problem)
            for p in result:
                p.plugin = p.plugin or plugin
            problems += result
        return problems

    def indicators(self, report: Report) -> list[Indicator]:
        """Every plugin's indicators for ``report``, sorted by key (see ``gongkai_indicators``)."""
        self.load_format(report.format.key)
        found: dict[str, tuple[str, Indicator]] = {}
        for plugin, fn in self._each("gongkai_indicators"):
            result = self._call(plugin, "计算指标", fn, report=report)
            if result is None:
                continue
            if not isinstance(result, list) or not all(isinstance(i, Indicator) for i in result):
                raise ReportError(PluginError(plugin, "计算指标（返回值应为 Indicator 列表）").problem)
            for indicator in result:
                if indicator.key in found:
                    other = found[indicator.key][0]
                    raise ReportError(
                        error("plugin.duplicate-indicator", f"指标“{indicator.key}”被插件“{other}”和“{plugin}”重复计算")
                    )
                found[indicator.key] = (plugin, indicator)
        return [found[key][1] for key in sorted(found)]

    def document_info(self, report: Report) -> DocumentInfo:
        self.load_format(report.format.key)
        try:
            with time_limit():
                info = self.pm.hook.gongkai_document_info(report=report)
        except ReportError:
            raise
        except PluginTimeout as exc:
            raise ReportError(_timeout("gongkai_document_info", "生成文档信息", exc)) from None
        except Exception as exc:
            raise ReportError(PluginError("gongkai_document_info", "生成文档信息", exc).problem) from None
        if info is None:
            return DocumentInfo()
        if not isinstance(info, DocumentInfo):
            raise ReportError(
                error("plugin.bad-result", f"gongkai_document_info 应返回 DocumentInfo，实际是 {type(info).__name__}")
            )
        return info

    def renderer(self, key: str) -> Renderer:
        """The renderer ``--to key`` names; an unknown key is a usage error listing the known ones."""
        self.collect()
        if key not in self.renderers:
            known = "、".join(sorted(self.renderers)) or "（无）"
            raise UsageError(f"未知的输出格式“{key}”；可用的输出格式：{known}")
        return self.renderers[key]

    def import_report(self, document: PublishedDocument, format: str | None = None) -> ImportResult | None:
        """Ask every format plugin to recognise ``document``; the most confident answer wins (see the hook)."""
        from compiler.importers.base import ImportResult  # only importing needs it: not at every start

        self.load_everything()
        self.collect()
        results: list[tuple[str, ImportResult]] = []
        for plugin, fn in self._each("gongkai_import_report"):
            # each plugin reads its own copy: a reading that splits or joins the paragraphs (a run-in part heading split
            # off by one format's recogniser) must not decide what the next plugin reads, nor depend on their order
            result = self._call(plugin, "导入报告", fn, document=copy.deepcopy(document), format=format)
            if result is None:
                continue
            if not isinstance(result, ImportResult):
                raise ReportError(PluginError(plugin, "导入报告（返回值应为 ImportResult）").problem)
            if format is None or result.format == format:
                results.append((plugin, result))
        if not results:
            return None

        def out_of_years(result: ImportResult) -> bool:
            """The report's year is one its format was not in force for (a 2018 report read as 2021 format)."""
            year = (result.data.get("report") or {}).get("year")
            fmt = self.formats.get(result.format)
            if fmt is None or not isinstance(year, int):
                return False
            first, last = fmt.years
            return (first is not None and year < first) or (last is not None and year > last)

        results.sort(key=lambda pr: (out_of_years(pr[1]), -pr[1].confidence, pr[1].format, pr[0]))
        best = results[0][1]
        rivals = [
            r
            for _, r in results[1:]
            if r.confidence == best.confidence and r.format != best.format and out_of_years(r) == out_of_years(best)
        ]
        if rivals:
            formats = "、".join(sorted({best.format, *(r.format for r in rivals)}))
            raise ReportError(
                error("import.ambiguous-format", f"无法判断报告格式（{formats} 同样可能）；请用 --format 指定")
            )
        return best

    def describe(self) -> list[dict[str, Any]]:
        """Every plugin with its origin and the hooks it implements (for ``gongkai plugins``)."""
        self.load_everything()
        self.collect()
        rows = []
        for name, plugin in sorted(self.pm.list_name_plugin(), key=lambda np: np[0]):
            info = self.info.get(name, PluginInfo(name, "code", repr(plugin)))
            hooks = sorted(h.name for h in (self.pm.get_hookcallers(plugin) or []))
            sections = sorted(f"{fmt or '*'}:{key}" for (fmt, key), s in self.sections.items() if s.plugin == name)
            formats = sorted(k for k, f in self.formats.items() if f.plugin == name)
            renderers = sorted(k for k, p in self.renderer_plugins.items() if p == name)
            rows.append(
                {
                    "name": name,
                    "origin": info.origin,
                    "where": info.where,
                    "distribution": info.distribution,
                    "version": info.version,
                    "hooks": hooks,
                    "formats": formats,
                    "sections": sections,
                    "renderers": renderers,
                }
            )
        return rows


_DEFAULT: PluginHost | None = None


def default_host() -> PluginHost:
    """A process-wide host with the installed plugins loaded once (reused across reports in a batch)."""
    global _DEFAULT
    if _DEFAULT is None:
        host = PluginHost()
        host.load_entry_points()
        host.collect()
        _DEFAULT = host
    return _DEFAULT


def fresh_host(extra: Iterable[tuple[object, str]] = ()) -> PluginHost:
    """A new host with the installed plugins plus ``extra`` (plugin, name) pairs — for tests and embedding."""
    host = PluginHost()
    host.load_entry_points()
    for plugin, name in extra:
        host.register(plugin, name)
    host.collect()
    return host
