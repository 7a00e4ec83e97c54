"""Times a 10,000-row CSV upload to a return, and the bare view, in one Django process.

Run by bench/bench_performance.py with its environment (a seeded bench database); prints one
JSON line: {"rows": ..., "import_ms": median, "bare_ms": median}.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.base")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from forums.models import Forum, Membership  # noqa: E402
from membership.models import Agency, User  # noqa: E402
from performance import periods, services  # noqa: E402
from performance.models import Measurement  # noqa: E402

ROWS = 10_000
RUNS = 3


def csv_for(indicators, code: str) -> bytes:
    per_indicator = ROWS // len(indicators)
    lines = ["indicator,period,breakdown_dimension,breakdown,value,numerator,denominator"]
    for indicator in indicators:
        for n in range(per_indicator):
            if indicator.unit == "percent":
                lines.append(
                    f"{indicator.slug},{code},Court,Court {n:05d},,{n % 90},{100 + n % 50}"
                )
            else:
                lines.append(f"{indicator.slug},{code},Court,Court {n:05d},{n % 500},,")
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    forum = Forum.objects.get(slug="bench-e23000013")
    agency = Agency.objects.get(slug="bench-hmcts-e23000013")
    person, _ = User.objects.get_or_create(
        email="bench-submitter@bench.lcjb.example", defaults={"full_name": "Bench submitter"}
    )
    Membership.objects.get_or_create(
        forum=forum, person=person, agency=agency, role=Membership.Role.DATA_SUBMITTER
    )
    client = Client()
    client.force_login(person)
    bare = []
    for _ in range(5):
        client.get("/_bench/bare")
    for _ in range(60):
        started = time.perf_counter()
        client.get("/_bench/bare")
        bare.append((time.perf_counter() - started) * 1000)
    indicators = list(
        services.indicators_owed(forum=forum, agency=agency, frequency=periods.QUARTERLY)
    )
    timings, rows = [], 0
    for run in range(RUNS):
        spec = periods.parse_code(f"2015-Q{run + 1}")
        performance_return = services.return_start(
            forum=forum,
            agency=agency,
            period=services.period_get_or_create(spec=spec),
            started_by=person,
        )
        content = csv_for(indicators, spec.code)
        url = reverse("performance:return-upload", args=[forum.slug, performance_return.pk])
        started = time.perf_counter()
        response = client.post(url, {"file": SimpleUploadedFile("figures.csv", content)})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302, response.content.decode()[-2000:]
        rows = Measurement.objects.filter(performance_return=performance_return).count()
    print(
        json.dumps(
            {
                "rows": rows,
                "import_ms": statistics.median(timings),
                "bare_ms": statistics.median(bare),
            }
        )
    )


if __name__ == "__main__":
    main()
