"""The demo year of meetings builds on the demo forums and is safe to run twice."""

import io

import pytest

from forums.demo import forum as forums_demo
from forums.demo import meetings as demo_meetings
from forums.models import Action, Confidentiality, Meeting, Minutes, Paper
from membership import demo as membership_demo
from membership.models import User

pytestmark = pytest.mark.django_db


def test_demo_meetings_cover_the_cycle_and_run_twice():
    out = io.StringIO()
    membership_demo.seed(stdout=out)
    forums_demo.seed(stdout=out)
    demo_meetings.seed(stdout=out)
    count = Meeting.objects.count()
    demo_meetings.seed(stdout=out)
    assert Meeting.objects.count() == count
    cleveland = Meeting.objects.filter(forum__slug="cleveland-cjb")
    assert cleveland.count() >= 9
    states = set(
        Minutes.objects.filter(meeting__forum__slug="cleveland-cjb").values_list(
            "status", flat=True
        )
    )
    assert states == {"draft", "circulated", "approved", "published"}
    assert cleveland.filter(status=Meeting.Status.CANCELLED).exists()
    assert Paper.objects.filter(confidentiality=Confidentiality.RESTRICTED).exists()
    assert Action.objects.overdue().exists()
    paper = Paper.objects.first()
    assert paper.current_version.file.open("rb").read(5) == b"%PDF-"


def test_demo_pages_open_for_the_demo_accounts(client):
    from django.test import Client
    from django.urls import reverse

    from membership.demo import demo_email

    out = io.StringIO()
    membership_demo.seed(stdout=out)
    forums_demo.seed(stdout=out)
    demo_meetings.seed(stdout=out)
    for local in ("secretariat", "member", "chair", "advisory"):
        person_client = Client()
        person_client.force_login(User.objects.get(email=demo_email(local)))
        urls = [
            reverse("meetings:workspace-list", args=["cleveland-cjb"]),
            reverse("meetings:workspace-actions", args=["cleveland-cjb"]),
            reverse("meetings:workspace-decisions", args=["cleveland-cjb"]),
            reverse("meetings:workspace-attendance-stats", args=["cleveland-cjb"]),
            reverse("meetings:workspace-escalations", args=["cleveland-cjb"]),
            reverse("meetings:workspace-forward-plan", args=["cleveland-cjb"]),
            reverse("meetings:workspace-your-actions"),
            reverse("meetings:workspace-search") + "?q=victim",
        ]
        for meeting in Meeting.objects.filter(forum__slug="cleveland-cjb"):
            urls.append(reverse("meetings:workspace-meeting", args=["cleveland-cjb", meeting.pk]))
            if hasattr(meeting, "minutes"):
                urls.append(
                    reverse("meetings:workspace-minutes", args=["cleveland-cjb", meeting.pk])
                )
        for url in urls:
            assert person_client.get(url).status_code == 200, (local, url)
    for meeting in Meeting.objects.published().filter(forum__slug="cleveland-cjb"):
        body = client.get(reverse("meetings:public-meeting", args=["cleveland-cjb", meeting.pk]))
        assert body.status_code == 200
        text = body.content.decode()
        assert "Serious violence operation" not in text and "Youth custody case review" not in text
    national = Client()
    national.force_login(User.objects.get(email=demo_email("national")))
    page = national.get(reverse("meetings:workspace-national-escalations"))
    assert "Crown Court capacity" in page.content.decode()
