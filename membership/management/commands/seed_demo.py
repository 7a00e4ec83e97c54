"""Create a realistic demo data set and print the demo accounts. Safe to run again.

Each app of ours may have a ``demo`` module or package with ``seed(stdout)``; apps run in the
order of INSTALLED_APPS (membership, forums, performance, priorities), so each builds on the ones
before without this app importing them.
"""

import pkgutil
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from membership import demo
from membership.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

OUR_APPS = ("membership", "forums", "performance", "priorities", "national")


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name not in OUR_APPS:
                    continue
                if not any(
                    info.name == "demo" for info in pkgutil.iter_modules(config.module.__path__)
                ):
                    continue
                self.stdout.write(f"Seeding {config.verbose_name}…")
                import_module(f"{config.name}.demo").seed(stdout=self.stdout)
            with_code = {user.email for user in demo.give_demo_devices()}
            if connection.vendor == "postgresql":
                # Fresh statistics for the planner: without them a new database's tables look
                # empty, and a query over the national figures can pick a plan that runs for
                # minutes. (In the same transaction, ANALYZE counts the rows just written.)
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
        )
        for email, role in DEMO_ACCOUNTS:
            code = "  (+ code)" if email in with_code else ""
            self.stdout.write(f"  {email:<42} {role}{code}")
        self.stdout.write(
            "\nOpen http://127.0.0.1:8000/ and sign in at /accounts/sign-in/ with the email and "
            "password.\nAccounts marked (+ code) need two-factor, as their roles do in "
            "production: on the code page enter\nthe code from `python manage.py demo_code EMAIL`, "
            "or add this secret to an authenticator app:\n"
            f"  {demo.demo_key_base32()}"
        )
