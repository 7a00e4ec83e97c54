"""Open data and figure imports at national scale, beside their targets.

    make bench   # or: DATABASE_URL=postgres://... python bench/bench_performance.py

Seeds the national performance set (43 areas × 60 months × the core suite, about 100,000
published figures) into a database of its own, then measures with production settings:
- the all-areas open data CSV, in rows per second, and how much the worker's peak memory grows
  while it streams (one gunicorn worker, so the memory read is the one that served it);
  targets: ≥ 50,000 rows/s, growth ≤ 64 MB (flat: streamed, not built in memory);
- a 10,000-row CSV upload to a return (bench/import_timing.py, one Django process), per row;
  target ≤ 200 µs per row, all or nothing.
Exits 1 when a target is missed.
"""

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    PYTHON,
    ROOT,
    Results,
    manage,
    prepared_environment,
    server,
    server_pid,
)


def _worker_peak_kb(server_pid: int) -> int:
    """Peak resident memory (VmHWM) of the gunicorn worker under ``server_pid``."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    status = Path(f"/proc/{children[0]}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1])


def _csv_rows_per_second(url: str, runs: int = 3) -> tuple[float, int]:
    best = 0.0
    rows = 0
    for _ in range(runs):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=300) as response:
            rows = sum(1 for _ in response) - 1
        best = max(best, rows / (time.perf_counter() - started))
    return best, rows


def main() -> None:
    results = Results("Open data and imports at national scale")
    with prepared_environment("performance") as env:
        manage(env, "seed_performance_bench")
        with server(env, workers=1) as base:
            urllib.request.urlopen(base + "/data/forums/bench-e23000013/figures.csv").read()
            before = _worker_peak_kb(server_pid())
            rate, rows = _csv_rows_per_second(base + "/data/figures.csv")
            growth_mb = (_worker_peak_kb(server_pid()) - before) / 1024
        results.info("open data CSV, all areas: rows", f"{rows:,}")
        results.check("open data CSV, all areas: rows per second", rate, 50_000, at_most=False)
        results.check("open data CSV: worker's peak memory growth", growth_mb, 64, unit=" MB")
        measured = json.loads(
            subprocess.run(
                [PYTHON, str(ROOT / "bench" / "import_timing.py")],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    per_row_us = measured["import_ms"] * 1000 / measured["rows"]
    results.info(
        f"figure import of {measured['rows']:,} rows: whole", f"{measured['import_ms']:,.0f} ms"
    )
    results.check("figure import: per row", per_row_us, 200, unit=" µs")
    results.finish()


if __name__ == "__main__":
    main()
