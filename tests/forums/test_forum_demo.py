"""The demo forums: boards across England and Wales, sub-groups, a gap to show, re-runnable."""

import datetime
import io

import pytest
import time_machine
from django.utils import timezone

from forums.coverage import forum_coverage
from forums.demo import forum as forums_demo
from forums.models import Forum, Membership
from membership import demo as membership_demo

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    membership_demo.seed(stdout=out)
    forums_demo.seed(stdout=out)


def test_demo_has_the_boards_the_issue_asks_for():
    seed()
    local = Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD)
    assert local.count() >= 3
    assert set(local.values_list("areas__country", flat=True)) == {"England", "Wales"}
    assert Forum.objects.filter(kind=Forum.Kind.REGIONAL_BOARD, slug="all-wales-cjb").exists()
    assert Forum.objects.filter(kind=Forum.Kind.SUB_GROUP, parent__isnull=False).exists()
    assert Forum.objects.filter(kind=Forum.Kind.TASK_AND_FINISH, end_date__isnull=False).exists()
    gaps = [forum for forum in local if not forum_coverage(forum=forum).is_complete]
    assert gaps, "at least one board has a coverage gap to show"


def test_demo_is_safe_to_run_again_on_another_day():
    seed()
    count = Membership.objects.count()
    starts = sorted(Membership.objects.values_list("start_date", flat=True))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        seed()
    assert Membership.objects.count() == count
    assert sorted(Membership.objects.values_list("start_date", flat=True)) == starts
