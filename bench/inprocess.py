"""The child process of a warm measurement: ``python -m bench.inprocess WARMUP REPORT OUTPUT RUNS``.

Builds ``WARMUP`` once (untimed), then ``REPORT`` ``RUNS`` times, and prints the timings as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    from bench.uncapped import lift_cap
    from compiler.build import build

    lift_cap()  # the synthetic 100× report is over the 1 MiB input cap
    warm_up, report, output, runs = Path(argv[0]), Path(argv[1]), Path(argv[2]), int(argv[3])
    build(warm_up, output)
    walls, cpus, pages = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        pages = build(report, output).pages
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(json.dumps({"walls": walls, "cpus": cpus, "pages": pages}))


if __name__ == "__main__":
    main(sys.argv[1:])
