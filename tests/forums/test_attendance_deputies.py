"""Attendance as the minutes read it: deputies by name with the agency they represent, apologies
from replies and from the record, absent members listed; recording only once a meeting started."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forums.models import Attendance
from forums.services.attendance import attendance_record
from tests.forums.factories import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
)
from tests.membership.factories import AgencyFactory, UserFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def _seat(forum, name, agency, **kwargs):
    membership = MembershipFactory(
        forum=forum, person=UserFactory(full_name=name), agency=agency, **kwargs
    )
    return membership


def _invite(meeting, membership, **kwargs):
    return AttendanceFactory(
        meeting=meeting,
        person=membership.person,
        membership=membership,
        agency=membership.agency,
        **kwargs,
    )


@pytest.fixture
def durham():
    return AgencyFactory(name="Durham Constabulary")


@pytest.fixture
def started(forum):
    return MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(hours=1))


def _record_url(meeting):
    return reverse("meetings:workspace-attendance", args=[meeting.forum.slug, meeting.pk])


def _minutes_page(client, meeting):
    MinutesFactory(meeting=meeting)
    url = reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])
    return client.get(url).content.decode()


def test_a_named_guest_deputy_reads_by_name_in_the_minutes(
    secretariat_client, forum, started, durham
):
    mark = _invite(started, _seat(forum, "Mark Dunn", durham))
    response = secretariat_client.post(
        _record_url(started),
        {f"a{mark.pk}": "deputy_present", f"dp{mark.pk}": "", f"dn{mark.pk}": "Jane Smith"},
    )
    assert response.status_code == 302
    mark.refresh_from_db()
    assert mark.deputy_name == "Jane Smith" and mark.deputy is None
    page = _minutes_page(secretariat_client, started)
    assert "Jane Smith (deputising for Mark Dunn, Durham Constabulary)" in page
    assert "None, deputising" not in page


def test_a_deputy_in_the_system_is_chosen_from_people(secretariat_client, forum, started, durham):
    mark = _invite(started, _seat(forum, "Mark Dunn", durham))
    jane = _seat(forum, "Jane Smith", AgencyFactory(name="Durham Constabulary (ops)")).person
    page = secretariat_client.get(_record_url(started)).content.decode()
    assert "Choose a person" in page and "---------" not in page
    secretariat_client.post(
        _record_url(started),
        {f"a{mark.pk}": "deputy_present", f"dp{mark.pk}": jane.pk, f"dn{mark.pk}": ""},
    )
    mark.refresh_from_db()
    assert mark.deputy == jane and mark.attendee_can_commit_resources
    assert "Jane Smith (deputising for Mark Dunn, Durham Constabulary)" in _minutes_page(
        secretariat_client, started
    )


def test_a_deputy_who_attended_must_be_named_and_nothing_is_saved(
    secretariat_client, forum, started, durham
):
    mark = _invite(started, _seat(forum, "Mark Dunn", durham))
    ann = _invite(started, _seat(forum, "Ann Lee", AgencyFactory()))
    response = secretariat_client.post(
        _record_url(started),
        {f"a{mark.pk}": "deputy_present", f"a{ann.pk}": "present", f"dn{ann.pk}": "kept"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose or name the deputy for Mark Dunn" in body
    assert 'value="kept"' in body  # what was typed stays
    ann.refresh_from_db()
    assert ann.actual == Attendance.Actual.UNKNOWN  # nothing partial saved


def test_apologies_and_absence_are_listed(secretariat_client, forum, started):
    replied = _invite(
        started, _seat(forum, "Rita Reply", AgencyFactory(name="CPS")), reply="apologies"
    )
    recorded = _invite(started, _seat(forum, "Rob Record", AgencyFactory(name="Probation")))
    absent = _invite(started, _seat(forum, "Alan Absent", AgencyFactory(name="Courts")))
    secretariat_client.post(
        _record_url(started),
        {f"a{replied.pk}": "absent", f"a{recorded.pk}": "apologies", f"a{absent.pk}": "absent"},
    )
    page = _minutes_page(secretariat_client, started)
    apologies = page.split('id="apologies"')[1].split('id="declarations"')[0]
    assert "Rita Reply, CPS" in apologies and "Rob Record, Probation" in apologies
    absent_part = apologies.split('id="absent"')[1]
    assert "Alan Absent, Courts" in absent_part and "Rita Reply" not in absent_part


def test_attendance_cannot_be_recorded_before_the_meeting_starts(
    secretariat_client, secretariat, forum, durham
):
    meeting = MeetingFactory(forum=forum, days_ahead=7)
    meeting.starts_at = meeting.starts_at.replace(hour=14, minute=0)
    meeting.save()
    mark = _invite(meeting, _seat(forum, "Mark Dunn", durham))
    when = timezone.localtime(meeting.starts_at)
    reason = (
        f"You can record attendance once the meeting has started at 2pm on {when.day} {when:%B %Y}"
    )
    detail = secretariat_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])
    ).content.decode()
    assert reason in detail
    assert f'href="{_record_url(meeting)}"' not in detail  # greyed, not a link
    response = secretariat_client.get(_record_url(meeting), follow=True)
    assert reason in response.content.decode()
    assert f'name="a{mark.pk}"' not in response.content.decode()  # no form to fill
    with pytest.raises(ValidationError, match="once the meeting has started"):
        attendance_record(
            meeting=meeting, by=secretariat, actual={mark.pk: Attendance.Actual.PRESENT}
        )


def test_a_cancelled_meeting_takes_no_decisions(secretariat_client, forum):
    meeting = MeetingFactory(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(days=1), cancelled=True
    )
    url = reverse("meetings:workspace-decision-add", args=[forum.slug, meeting.pk])
    response = secretariat_client.get(url, follow=True)
    assert "You cannot record a decision: the meeting was cancelled" in response.content.decode()


def test_recording_attendance_is_for_the_secretariat(
    client, member_client, other_forum_member_client, started
):
    url = _record_url(started)
    assert "/accounts/sign-in/" in client.get(url).url
    assert member_client.get(url).status_code == 403
    assert other_forum_member_client.get(url).status_code == 404


def test_the_attendance_form_issues_the_same_queries_however_many_are_invited(
    secretariat_client, forum, started
):
    def invite(count):
        for _ in range(count):
            row = _invite(started, _seat(forum, "Someone", AgencyFactory()))
            row.deputy = UserFactory()
            row.save()

    invite(2)
    few = queries_for(secretariat_client, _record_url(started))
    invite(8)
    assert queries_for(secretariat_client, _record_url(started)) == few


def test_the_minutes_pdf_names_the_deputy_for_members_and_not_the_public(forum, started, durham):
    from forums.reports.minutes import minutes_collect
    from forums.reports.registry import Audience

    mark = _invite(started, _seat(forum, "Mark Dunn", durham))
    mark.actual, mark.deputy_name = Attendance.Actual.DEPUTY_PRESENT, "Jane Smith"
    mark.save()
    sorry = _invite(started, _seat(forum, "Sam Sorry", AgencyFactory(name="CPS")))
    sorry.actual = Attendance.Actual.APOLOGIES
    sorry.save()
    MinutesFactory(meeting=started, published=True)
    members = minutes_collect(started, Audience.MEMBER, None)
    assert members["present"] == ["Jane Smith (deputising for Mark Dunn, Durham Constabulary)"]
    assert members["apologies"] == ["Sam Sorry, CPS"]
    public = minutes_collect(started, Audience.PUBLIC, None)
    assert public["present"] == ["A deputy for Member, Durham Constabulary"]
    assert "Jane Smith" not in str(public) and "Sam Sorry" not in str(public)
