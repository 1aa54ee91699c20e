"""``gongkai init``: a complete skeleton report, generated from the section plugins' own schemas.

Nothing here knows which sections exist: a newly installed section plugin that registers a section for the
format (with ``after=``) appears in the skeleton by itself.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from compiler.host import PluginHost, default_host
from compiler.problems import UsageError
from compiler.schema import skeleton, suggest


def skeleton_data(format_key: str, host: PluginHost | None = None) -> dict[str, Any]:
    host = host or default_host()
    if format_key not in host.formats:
        hint = suggest(format_key, list(host.formats))
        raise UsageError(
            f"unknown format {format_key!r}"
            + (f"; did you mean {hint!r}?" if hint else f"; known: {', '.join(sorted(host.formats))}")
        )
    types = host.section_types(format_key)
    data: dict[str, Any] = {"format": format_key}
    for key in host.default_order(format_key):
        section = types.get(key)
        if section is None:
            continue
        table = skeleton(section.schema)
        if table or section.required:
            data[key] = table
    return data


def skeleton_toml(format_key: str, host: PluginHost | None = None) -> str:
    data = skeleton_data(format_key, host)
    header = (
        f"# gongkai report skeleton — format {format_key!r}\n"
        "# Fill in the values; numbers in text may refer to data, e.g. {active.total}.\n"
        "# Check with: gongkai check THIS.toml   Build with: gongkai build THIS.toml\n\n"
    )
    return header + tomli_w.dumps(data)
