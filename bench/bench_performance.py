"""Performance pages and imports at national scale, against the bare view, in one run.

    .venv/bin/python bench/bench_performance.py

Seeds the national-scale set (43 areas x 60 months x the core suite, about 100,000 published
figures) into a throwaway database (SQLite unless DATABASE_URL is set), then prints:
- the public dashboard's and the open-data CSVs' median server time as ratios to the bare view
  (gunicorn, one worker, over loopback);
- a 10,000-row CSV import's time per row as a ratio to the bare view, both timed in one Django
  process through the test client (bench/bench_performance_import.py).
"""

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, manage, median_ms, prepared_environment, report, server  # noqa: E402

AREA = "bench-e23000013"  # Cleveland's board in the bench set


def main() -> None:
    with prepared_environment() as env:
        manage(env, "seed_performance_bench")
        with server(env) as base:
            bare = median_ms(base + "/_bench/bare")
            rows = [
                (
                    "public dashboard (43 areas x 60 months)",
                    median_ms(base + f"/forums/{AREA}/performance/", requests=30),
                ),
                (
                    "public indicator page with comparison",
                    median_ms(
                        base + f"/forums/{AREA}/performance/indicators/cc_effective_trial_rate/",
                        requests=30,
                    ),
                ),
                (
                    "open data CSV, one area (streamed)",
                    median_ms(base + f"/data/forums/{AREA}/figures.csv", requests=20),
                ),
                (
                    "open data CSV, all areas (streamed, ~100k rows)",
                    median_ms(base + "/data/figures.csv", requests=5, warmup=1),
                ),
            ]
        result = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "bench_performance_import.py")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        measured = json.loads(result.stdout.strip().splitlines()[-1])
    report(rows, bare)
    per_row = measured["import_ms"] / measured["rows"]
    print()
    print(f"{'import (in-process test client)':<48} {'median ms':>10} {'× bare view':>12}")
    print(f"{'bare view, same process':<48} {measured['bare_ms']:>10.3f} {1.0:>12.2f}")
    print(
        f"{'import of ' + format(measured['rows'], ',') + ' rows, whole':<48} "
        f"{measured['import_ms']:>10.1f} {measured['import_ms'] / measured['bare_ms']:>12.1f}"
    )
    print(f"{'import, per row':<48} {per_row:>10.4f} {per_row / measured['bare_ms']:>12.3f}")


if __name__ == "__main__":
    main()
