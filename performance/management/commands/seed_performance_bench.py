"""Create the national-scale performance set: a public board for each of the 43 police force
areas, one agency of every reporting type each, and every core indicator monthly for 60 months
(about 100,000 published figures). Safe to run again. Used by bench/bench_performance.py."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from performance.demo import seed_national


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=60)

    def handle(self, *args, months, **options):
        started = time.perf_counter()
        with transaction.atomic():
            count = seed_national(months=months)
        self.stdout.write(
            f"{count} figures for 43 areas over {months} months "
            f"in {time.perf_counter() - started:.1f} s"
        )
