"""Create a realistic demo data set and print the demo accounts. Safe to run again.

Each app of ours may have modules named ``demo`` or ``demo_<part>``, each with ``seed(stdout)``;
apps run in the order of INSTALLED_APPS (membership, forums, performance, priorities) and an
app's modules in name order, so each builds on the ones before without this app importing them.
"""

import pkgutil
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from membership.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

OUR_APPS = ("membership", "forums", "performance", "priorities")


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name not in OUR_APPS:
                    continue
                names = sorted(
                    info.name
                    for info in pkgutil.iter_modules(config.module.__path__)
                    if info.name == "demo" or info.name.startswith("demo_")
                )
                for name in names:
                    self.stdout.write(f"Seeding {config.verbose_name} ({name})…")
                    import_module(f"{config.name}.{name}").seed(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
        )
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<42} {role}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ and sign in at /accounts/sign-in/")
