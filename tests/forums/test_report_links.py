"""The pages people use offer the generated reports: the meeting page's "Board pack" section,
the public meeting page's PDFs, the public annual evaluation and the public performance page.

Each offer is shown only to those who may have it, and what it points to answers them (a
redirect to the report's status, the status page, or the public file / "being prepared").
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import GeneratedReport, Meeting, Minutes
from tests.forums.factories import AgendaItemFactory, MeetingFactory, MinutesFactory

pytestmark = pytest.mark.django_db
MEMBERS = ["member_client", "advisory_client", "secretariat_client", "chair_client"]
# The public file is served at once when built, else a "being prepared" page (202).
PUBLIC_OK = (200, 202)


@pytest.fixture
def meeting(forum):
    meeting = MeetingFactory(forum=forum, status=Meeting.Status.AGENDA_PUBLISHED)
    AgendaItemFactory(meeting=meeting, title="Public business")
    return meeting


def _page(client, meeting) -> str:
    url = reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _report_forms(html: str) -> list[dict]:
    """Every form on the page that asks for a report, as the data it would post."""
    forms = []
    for form in re.findall(r"<form[^>]*reports/request/[^>]*>.*?</form>", html, flags=re.S):
        data = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
        data.pop("csrfmiddlewaretoken", None)
        forms.append(data)
    return forms


def _offered(html: str) -> set[tuple[str, str]]:
    return {(form["kind"], form["audience"]) for form in _report_forms(html)}


@pytest.mark.parametrize("role", MEMBERS)
def test_every_member_is_offered_the_board_pack_and_the_buttons_work(request, role, meeting):
    client = request.getfixturevalue(role)
    html = _page(client, meeting)
    assert 'id="board-pack"' in html
    assert _offered(html) == {
        ("board_pack", "personal"),
        ("board_pack", "members"),
        ("board_pack", "public"),
    }
    for data in _report_forms(html):
        assert data["subject"] == str(meeting.pk) and data["format"] == "pdf"
        response = client.post(reverse("reports:request", args=[meeting.forum.slug]), data)
        assert response.status_code == 302
        assert client.get(response.url).status_code == 200


def test_no_public_board_pack_before_the_agenda_is_out_or_for_a_private_meeting(
    member_client, forum
):
    draft = MeetingFactory(forum=forum, status=Meeting.Status.SCHEDULED)
    assert ("board_pack", "public") not in _offered(_page(member_client, draft))
    private = MeetingFactory(forum=forum, status=Meeting.Status.AGENDA_PUBLISHED, is_public=False)
    offered = _offered(_page(member_client, private))
    assert ("board_pack", "members") in offered and ("board_pack", "public") not in offered


def test_nothing_is_offered_for_a_cancelled_meeting(member_client, forum):
    cancelled = MeetingFactory(forum=forum, status=Meeting.Status.CANCELLED)
    html = _page(member_client, cancelled)
    assert _offered(html) == set()
    assert "no board pack for a cancelled meeting" in html


@pytest.mark.parametrize(
    "status, versions",
    [
        (Minutes.Status.DRAFT, set()),
        (Minutes.Status.CIRCULATED, set()),
        (Minutes.Status.APPROVED, {"personal", "members"}),
        (Minutes.Status.PUBLISHED, {"personal", "members", "public"}),
    ],
)
def test_minutes_pdf_is_offered_once_approved_and_publicly_once_published(
    secretariat_client, meeting, status, versions
):
    MinutesFactory(meeting=meeting, status=status, approved_at=timezone.now())
    html = _page(secretariat_client, meeting)
    assert {audience for kind, audience in _offered(html) if kind == "minutes"} == versions
    for data in _report_forms(html):
        if data["kind"] == "minutes":
            response = secretariat_client.post(
                reverse("reports:request", args=[meeting.forum.slug]), data
            )
            assert response.status_code == 302


def test_a_report_asked_for_is_followed_from_the_meeting_page_by_whoever_may_see_it(
    member_client, advisory_client, meeting
):
    data = {
        "kind": "board_pack",
        "subject": meeting.pk,
        "format": "pdf",
    }
    url = reverse("reports:request", args=[meeting.forum.slug])
    member_client.post(url, {**data, "audience": "personal"})
    member_client.post(url, {**data, "audience": "members"})
    personal = GeneratedReport.objects.get(viewer__isnull=False)
    shared = GeneratedReport.objects.get(viewer__isnull=True)

    html = _page(member_client, meeting)
    assert reverse("reports:status", args=[meeting.forum.slug, personal.pk]) in html
    assert reverse("reports:status", args=[meeting.forum.slug, shared.pk]) in html
    assert _offered(html) == {("board_pack", "public")}  # the others are already on their way

    # Another member sees the members' version, but not someone else's personal one.
    other = _page(advisory_client, meeting)
    assert reverse("reports:status", args=[meeting.forum.slug, shared.pk]) in other
    assert reverse("reports:status", args=[meeting.forum.slug, personal.pk]) not in other
    assert ("board_pack", "personal") in _offered(other)
    status = advisory_client.get(reverse("reports:status", args=[meeting.forum.slug, shared.pk]))
    assert status.status_code == 200


def test_a_failed_report_can_be_asked_for_again(member_client, meeting):
    GeneratedReport.objects.create(
        forum=meeting.forum,
        kind="board_pack",
        subject=str(meeting.pk),
        audience=GeneratedReport.Audience.MEMBER,
        format="pdf",
        status=GeneratedReport.Status.FAILED,
    )
    assert ("board_pack", "members") in _offered(_page(member_client, meeting))


def test_the_meeting_page_is_refused_to_those_who_may_not_ask(
    client, other_forum_member_client, data_submitter_client, meeting
):
    url = reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/" in response.url
    assert other_forum_member_client.get(url).status_code == 404
    assert data_submitter_client.get(url).status_code == 403


# --- public meeting page -------------------------------------------------------------------


def _public_links(client, meeting) -> list[str]:
    url = reverse("meetings:public-meeting", args=[meeting.forum.slug, meeting.pk])
    response = client.get(url)
    assert response.status_code == 200
    base = reverse("reports:public", args=[meeting.forum.slug, "x", "y", "pdf"]).split("/x/")[0]
    return re.findall(rf'href="({re.escape(base)}/[^"]+)"', response.content.decode())


def test_public_meeting_page_links_the_public_board_pack_and_published_minutes(client, meeting):
    slug = meeting.forum.slug
    pack = reverse("reports:public", args=[slug, "board_pack", meeting.pk, "pdf"])
    minutes_pdf = reverse("reports:public", args=[slug, "minutes", meeting.pk, "pdf"])
    assert _public_links(client, meeting) == [pack]
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.APPROVED)
    assert _public_links(client, meeting) == [pack]  # approved but not yet published
    minutes.status = Minutes.Status.PUBLISHED
    minutes.approved_at = minutes.published_at = timezone.now()
    minutes.save()
    links = _public_links(client, meeting)
    assert links == [pack, minutes_pdf]
    for link in links:
        assert client.get(link).status_code in PUBLIC_OK


def test_public_board_pack_link_serves_the_pdf_once_built(
    client, meeting, django_capture_on_commit_callbacks
):
    (link,) = _public_links(client, meeting)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(link)
    assert first.status_code == 202
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_no_public_board_pack_link_before_the_agenda_is_out(client, forum):
    scheduled = MeetingFactory(forum=forum, status=Meeting.Status.SCHEDULED)
    assert _public_links(client, scheduled) == []
    scheduled.status = Meeting.Status.AGENDA_PUBLISHED
    scheduled.save()
    pack = reverse("reports:public", args=[forum.slug, "board_pack", scheduled.pk, "pdf"])
    assert _public_links(client, scheduled) == [pack]


# --- public annual evaluation --------------------------------------------------------------


def test_public_evaluation_links_the_annual_report(client, forum, chair):
    from priorities.models import AnnualEvaluation

    AnnualEvaluation.objects.create(
        forum=forum,
        plan_year=2025,
        summary="A year of steady progress.",
        status=AnnualEvaluation.Status.APPROVED,
        approved_by=chair,
        approved_at=timezone.now(),
    )
    page = client.get(reverse("priorities:public-evaluation", args=[forum.slug, 2025]))
    assert page.status_code == 200
    html = page.content.decode()
    for fmt in ("pdf", "html"):
        link = reverse("reports:public", args=[forum.slug, "annual_report", "2025", fmt])
        assert f'href="{link}"' in html
        assert client.get(link).status_code in PUBLIC_OK


def test_unapproved_evaluation_has_no_public_page_and_no_report(client, forum, chair):
    from priorities.models import AnnualEvaluation

    evaluation = AnnualEvaluation.objects.create(forum=forum, plan_year=2025, summary="Draft")
    page_url = reverse("priorities:public-evaluation", args=[forum.slug, 2025])
    link = reverse("reports:public", args=[forum.slug, "annual_report", "2025", "pdf"])
    assert client.get(page_url).status_code == 404
    assert client.get(link).status_code == 404
    evaluation.status = AnnualEvaluation.Status.APPROVED
    evaluation.approved_by = chair
    evaluation.approved_at = timezone.now()
    evaluation.save()
    assert client.get(page_url).status_code == 200
    assert client.get(link).status_code in PUBLIC_OK


# --- public performance page ---------------------------------------------------------------


def _period(forum, agency, code_offset=0):
    from performance import periods
    from performance.models import Indicator, Measurement, PerformanceReturn, ReportingPeriod

    spec = periods.recent_ended(periods.QUARTERLY, timezone.localdate(), 2)[code_offset]
    period = ReportingPeriod.objects.create(
        frequency=spec.frequency,
        start=spec.start,
        end=spec.end,
        due_date=spec.due_date,
        code=spec.code,
    )
    performance_return = PerformanceReturn.objects.create(
        forum=forum, agency=agency, period=period, status=PerformanceReturn.Status.ACCEPTED
    )
    Measurement.objects.create(
        performance_return=performance_return,
        indicator=Indicator.objects.get(slug="cc_effective_trial_rate"),
        value=Decimal("47.5"),
    )
    return period


def test_public_performance_page_links_the_report_for_the_latest_published_period(
    client, forum, data_submitter, secretariat
):
    from forums.models import Membership
    from performance.models import PeriodPublication

    agency = Membership.objects.get(person=data_submitter).agency
    periods = [_period(forum, agency, 0), _period(forum, agency, 1)]
    url = reverse("performance:public-dashboard", args=[forum.slug])
    assert "performance_report" not in client.get(url).content.decode()  # nothing published

    for period in periods:
        PeriodPublication.objects.create(
            forum=forum,
            period=period,
            published_by=secretariat,
            published_at=timezone.now() - datetime.timedelta(minutes=1),
        )
    latest = max(periods, key=lambda period: period.start)
    html = client.get(url).content.decode()
    links = re.findall(r'href="([^"]*/reports/performance_report/[^"]+)"', html)
    assert links == [
        reverse("reports:public", args=[forum.slug, "performance_report", latest.pk, "pdf"])
    ]
    assert client.get(links[0]).status_code in PUBLIC_OK


@pytest.mark.parametrize(
    "status, offered",
    [(Minutes.Status.CIRCULATED, False), (Minutes.Status.APPROVED, True)],
)
def test_approved_minutes_point_to_their_pdf(member_client, meeting, status, offered):
    MinutesFactory(meeting=meeting, status=status, approved_at=timezone.now())
    page = member_client.get(
        reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])
    ).content.decode()
    link = reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])
    assert (f'href="{link}#board-pack">Get these minutes as a PDF' in page) is offered
    if offered:
        assert ("minutes", "personal") in _offered(_page(member_client, meeting))


# --- workspace pages: period and annual evaluation -----------------------------------------


@pytest.mark.parametrize("role", ["member_client", "secretariat_client"])
def test_a_period_page_offers_the_performance_report(
    request, role, forum, data_submitter, secretariat
):
    from forums.models import Membership
    from performance.models import PeriodPublication

    client = request.getfixturevalue(role)
    period = _period(forum, Membership.objects.get(person=data_submitter).agency)
    url = reverse("performance:period-detail", args=[forum.slug, period.code])
    html = client.get(url).content.decode()
    assert _offered(html) == {("performance_report", "members")}
    PeriodPublication.objects.create(forum=forum, period=period, published_by=secretariat)
    html = client.get(url).content.decode()
    assert _offered(html) == {("performance_report", "members"), ("performance_report", "public")}
    for data in _report_forms(html):
        assert data["subject"] == str(period.pk)
        response = client.post(reverse("reports:request", args=[forum.slug]), data)
        assert response.status_code == 302
        assert client.get(response.url).status_code == 200


def test_the_annual_evaluation_offers_the_annual_report(member_client, forum, chair):
    from priorities.models import AnnualEvaluation

    evaluation = AnnualEvaluation.objects.create(forum=forum, plan_year=2025, summary="Progress")
    url = reverse("priorities:evaluation", args=[forum.slug, 2025])
    html = member_client.get(url).content.decode()
    assert _offered(html) == {("annual_report", "members")}
    assert {form["format"] for form in _report_forms(html)} == {"pdf", "html"}
    evaluation.status = AnnualEvaluation.Status.APPROVED
    evaluation.approved_by = chair
    evaluation.approved_at = timezone.now()
    evaluation.save()
    html = member_client.get(url).content.decode()
    assert _offered(html) == {("annual_report", "members"), ("annual_report", "public")}
    for data in _report_forms(html):
        response = member_client.post(reverse("reports:request", args=[forum.slug]), data)
        assert response.status_code == 302
