"""The site admin in real Chromium with the demo data: its home page, and the list and the change
form of each main model, have no violation of any axe rule, on a desktop and on a 375 px phone."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from membership.demo import DEMO_PASSWORD, demo_email
from tests.browser import axe_report, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [{"width": 1280, "height": 800}, {"width": 375, "height": 800}]


def main_models():
    from forums.models import Action, AgendaItem, Forum, Meeting, Membership, Minutes
    from membership.models import Agency, User
    from performance.models import Indicator
    from priorities.models import Consultation, Priority

    return [
        Forum,
        Membership,
        User,
        Meeting,
        AgendaItem,
        Minutes,
        Action,
        Agency,
        Indicator,
        Priority,
        Consultation,
    ]


def admin_pages() -> list[str]:
    """The admin's home, then each main model's list and the change form of its first row."""
    pages = [reverse("admin:index")]
    for model in main_models():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        first = model._default_manager.order_by("pk").first()
        assert first is not None, f"the demo has no {model.__name__}"
        pages += [reverse(f"{name}_changelist"), reverse(f"{name}_change", args=[first.pk])]
    return pages


def test_the_admin_pages_have_no_accessibility_violations_at_either_width(live_server, page):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    sign_in(page, live_server.url, demo_email("admin"), DEMO_PASSWORD)
    problems = []
    for path in admin_pages():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, f"{path}: {response.status}"
        for size in WIDTHS:
            page.set_viewport_size(size)
            if report := axe_report(page):
                problems.append(f"{size['width']} px {report}")
    assert not problems, "\n\n".join(problems)
