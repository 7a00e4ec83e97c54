"""The demo year of meetings builds on the demo forums and is safe to run twice."""

import io

import pytest

from forums import demo as forums_demo
from forums import demo_meetings
from forums.models import Action, Confidentiality, Meeting, Minutes, Paper
from membership import demo as membership_demo

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
