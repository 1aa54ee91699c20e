"""The reports the bench builds: the shipped examples, longer synthetic ones made from the seed, and a
folder of many reports for a batch."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nanjiang-2018" / "report.toml"
FORMAT_2021 = ROOT / "examples" / "qinglan-data-2024" / "report.toml"


def _repeat_items(data: Any, times: int) -> Any:
    """Every ``items`` list (the numbered narrative of each part) repeated ``times`` times, so the text grows
    by about that factor while the statistics, and hence the checks, stay the same."""
    if isinstance(data, dict):
        return {
            k: (v * times if k == "items" and isinstance(v, list) else _repeat_items(v, times)) for k, v in data.items()
        }
    if isinstance(data, list):
        return [_repeat_items(v, times) for v in data]
    return data


def _load(source: Path) -> dict[str, Any]:
    """A report's data with the paths it names made absolute, so a copy elsewhere still finds them."""
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    if isinstance(data.get("previous"), str):
        data["previous"] = str((source.parent / data["previous"]).resolve())
    return data


def scaled_seed(times: int, folder: Path) -> Path:
    """The seed report with its narrative ``times`` times as long, written into ``folder``."""
    path = folder / f"seed-x{times}.toml"
    path.write_text(tomli_w.dumps(_repeat_items(_load(SEED), times)), encoding="utf-8")
    return path


def batch_folder(count: int, folder: Path) -> Path:
    """``count`` reports in one folder, alternating the seed and the 2021 example (a county's departments
    are a mix of both formats only in old archives, but the mix exercises both plugin sets)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [tomli_w.dumps(_load(SEED)), tomli_w.dumps(_load(FORMAT_2021))]
    for i in range(count):
        (folder / f"dept-{i:04d}.toml").write_text(texts[i % 2], encoding="utf-8")
    return folder
