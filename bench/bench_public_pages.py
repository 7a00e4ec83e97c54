"""Every public page at national scale against the bare view, in one run, beside its target.

    make bench   # or: DATABASE_URL=postgres://... python bench/bench_public_pages.py

Builds the national set (bench/national.py: 43 boards, about 100,000 figures, a year of
meetings each) in a database of its own, serves it with production settings and gunicorn
(4 workers), and measures each page: median time one request at a time and, under 32
connections with wrk, throughput, p99 against p50 and errors, all against the bare view; and
the page's weight as sent to a browser that accepts gzip. Targets (issue 13): median ≤ 2× the
bare view, throughput ≥ 50% of the bare view's, p99 ≤ 5× p50, no errors, ≤ 150 KB. Every
request asks for compressed pages, as browsers do.
Exits 1 when a target is missed.
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, Results, bare_figures, prepared_environment, server  # noqa: E402

AREA = "bench-e23000013"  # Cleveland's board in the bench set
FIND_MEETING = (
    "from forums.models import Meeting; "
    f"print(Meeting.objects.filter(forum__slug='{AREA}', minutes__isnull=False)"
    ".order_by('-starts_at').values_list('pk', flat=True).first())"
)


def main() -> None:
    results = Results("Public pages at national scale (43 boards, 60 months, 38 indicators)")
    with prepared_environment("public_pages") as env:
        subprocess.run([PYTHON, str(ROOT / "bench" / "national.py")], cwd=ROOT, env=env, check=True)
        meeting = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", FIND_MEETING],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        pages = [
            ("home (/)", "/"),
            ("forum page", f"/forums/{AREA}/"),
            ("meeting with published minutes", f"/forums/{AREA}/meetings/{meeting}/"),
            ("priorities", f"/forums/{AREA}/priorities/"),
            ("performance dashboard", f"/forums/{AREA}/performance/"),
            (
                "indicator with comparison",
                f"/forums/{AREA}/performance/indicators/cc_effective_trial_rate/",
            ),
            ("open data (/data/)", "/data/"),
            ("national view (/national/)", "/national/"),
            ("national indicator, every area", "/national/indicators/cc_effective_trial_rate/"),
            ("Welsh forum page (/cy/)", f"/cy/forums/{AREA}/"),
        ]
        with server(env) as base:
            bare = bare_figures(base)
            results.info("bare view: median", f"{bare['median']:.2f} ms")
            results.info("bare view: requests/s at 32 connections", f"{bare['rps']:,.0f}")
            for label, path in pages:
                results.page(label, base + path, bare)
    results.finish()


if __name__ == "__main__":
    main()
