"""Print the current two-factor code of a demo account (the demo's known authenticator)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from membership import demo
from membership.models import User


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        refusal = demo.refuses_to_run()
        if refusal:
            raise CommandError(refusal)
        user = User.objects.filter(email__iexact=email.strip()).first()
        device = demo.demo_device(user) if user else None
        if device is None:
            raise CommandError(
                f"{email} is not a demo account with the demo authenticator "
                "(run seed_demo; only accounts it created have one)."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        self.stdout.write(f"{totp.token():06d}")
