"""Home page against the bare view, in one run against the same server.

    .venv/bin/python bench/bench_home.py

Seeds the demo data into a throwaway database (SQLite unless DATABASE_URL is set).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import manage, median_ms, prepared_environment, report, server  # noqa: E402


def main() -> None:
    with prepared_environment() as env:
        manage(env, "seed_demo")
        with server(env) as base:
            bare = median_ms(base + "/_bench/bare")
            home = median_ms(base + "/")
    report([("home page (/) with demo data", home)], bare)


if __name__ == "__main__":
    main()
