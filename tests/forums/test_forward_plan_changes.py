"""The secretariat and the chair change and remove forward plan items not yet on an agenda."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import ForwardPlanItem
from tests.forums.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
RUNNERS = ["secretariat_client", "chair_client"]
REFUSED = ["member_client", "advisory_client"]
NEXT_YEAR = timezone.localdate().replace(day=1) + datetime.timedelta(days=400)


@pytest.fixture
def item(forum):
    return ForwardPlanItem.objects.create(
        forum=forum,
        title="Domestic abuse deep dive",
        planned_for=NEXT_YEAR.replace(day=1),
        description="Findings of the review.",
    )


def _change_url(item):
    return reverse("meetings:workspace-forward-plan-change", args=[item.forum.slug, item.pk])


def _remove_url(item):
    return reverse("meetings:workspace-forward-plan-remove", args=[item.forum.slug, item.pk])


def _answers(**changes):
    return {
        "title": "Domestic abuse: the review's findings",
        "planned_for": NEXT_YEAR.isoformat(),
        "purpose": "decision",
        "confidentiality": "confidential",
        "description": "With the PCC's response.",
        **changes,
    }


@pytest.mark.parametrize("role", RUNNERS)
def test_those_who_run_the_forum_change_an_item(request, role, item):
    client = request.getfixturevalue(role)
    page = client.get(_change_url(item))
    assert page.status_code == 200
    assert 'value="Domestic abuse deep dive"' in page.text  # the current answers
    response = client.post(_change_url(item), _answers())
    assert response.status_code == 302
    assert response.url == reverse("meetings:workspace-forward-plan", args=[item.forum.slug])
    item.refresh_from_db()
    assert item.title == "Domestic abuse: the review's findings"
    assert (item.purpose, item.confidentiality) == ("decision", "confidential")
    assert item.description == "With the PCC's response."


@pytest.mark.parametrize("role", RUNNERS)
def test_those_who_run_the_forum_remove_an_item_after_confirming(request, role, item):
    client = request.getfixturevalue(role)
    page = client.get(_remove_url(item))
    assert page.status_code == 200
    assert "Remove ‘Domestic abuse deep dive’ from the forward plan?" in page.text
    assert ForwardPlanItem.objects.filter(pk=item.pk).exists()  # asking removes nothing
    response = client.post(_remove_url(item))
    assert response.status_code == 302
    assert not ForwardPlanItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("role", REFUSED)
def test_members_may_not_change_or_remove(request, role, item):
    client = request.getfixturevalue(role)
    for url in (_change_url(item), _remove_url(item)):
        assert client.get(url).status_code == 403
        assert client.post(url, _answers()).status_code == 403
    item.refresh_from_db()
    assert item.title == "Domestic abuse deep dive"


@pytest.mark.parametrize("role", REFUSED)
def test_members_are_not_offered_change_or_remove(request, role, secretariat_client, forum, item):
    url = reverse("meetings:workspace-forward-plan", args=[forum.slug])
    running = secretariat_client.get(url).text
    assert _change_url(item) in running and _remove_url(item) in running
    page = request.getfixturevalue(role).get(url)
    assert page.status_code == 200 and item.title in page.text
    assert _change_url(item) not in page.text and _remove_url(item) not in page.text


def test_the_forward_plan_offers_change_and_remove_to_the_secretariat(
    secretariat_client, forum, item
):
    page = secretariat_client.get(reverse("meetings:workspace-forward-plan", args=[forum.slug]))
    assert _change_url(item) in page.text and _remove_url(item) in page.text


def test_another_forums_item_is_404(secretariat_client, other_forum, forum):
    theirs = ForwardPlanItem.objects.create(
        forum=other_forum, title="Their plan", planned_for=NEXT_YEAR
    )
    for name in (
        "meetings:workspace-forward-plan-change",
        "meetings:workspace-forward-plan-remove",
    ):
        # Their item through our forum's address, and through theirs.
        assert (
            secretariat_client.get(reverse(name, args=[forum.slug, theirs.pk])).status_code == 404
        )
        url = reverse(name, args=[other_forum.slug, theirs.pk])
        assert secretariat_client.get(url).status_code == 404
        assert secretariat_client.post(url, _answers()).status_code == 404
    assert ForwardPlanItem.objects.filter(pk=theirs.pk, title="Their plan").exists()


def test_other_forum_member_gets_404_and_anonymous_is_sent_to_sign_in(
    other_forum_member_client, client, item
):
    for url in (_change_url(item), _remove_url(item)):
        assert other_forum_member_client.get(url).status_code == 404
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/" in response.url
        assert client.post(url, _answers()).status_code == 302
    assert ForwardPlanItem.objects.filter(pk=item.pk, title="Domestic abuse deep dive").exists()


def test_moved_to_a_month_with_a_meeting_it_joins_the_agenda(secretariat_client, forum, item):
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() + datetime.timedelta(days=40))
    month = timezone.localtime(meeting.starts_at).date()
    secretariat_client.post(_change_url(item), _answers(planned_for=month.isoformat()))
    item.refresh_from_db()
    assert item.planned_for == month.replace(day=1)
    assert item.agenda_item.meeting == meeting
    assert item.agenda_item.title == "Domestic abuse: the review's findings"


def test_an_item_already_on_an_agenda_is_changed_there_not_here(secretariat_client, forum, item):
    meeting = MeetingFactory(forum=forum)
    item.agenda_item = AgendaItemFactory(meeting=meeting, title=item.title)
    item.save()
    page = secretariat_client.get(reverse("meetings:workspace-forward-plan", args=[forum.slug]))
    assert _change_url(item) not in page.text  # not offered
    response = secretariat_client.post(_change_url(item), _answers())
    assert response.status_code == 200
    assert "already on the agenda of the meeting on" in response.text
    assert "Error:" in response.text.split("</title>")[0]
    removal = secretariat_client.post(_remove_url(item))
    assert removal.status_code == 400 and "already on the agenda" in removal.text
    item.refresh_from_db()
    assert item.title == "Domestic abuse deep dive"


def test_changing_without_a_title_says_so(secretariat_client, item):
    response = secretariat_client.post(_change_url(item), _answers(title=""))
    assert response.status_code == 200
    assert "Enter the item title" in response.text


def test_a_removed_item_leaves_the_public_forward_plan(client, secretariat_client, forum, item):
    public = reverse("meetings:public-forward-plan", args=[forum.slug])
    assert "Domestic abuse deep dive" in client.get(public).text
    secretariat_client.post(_remove_url(item))
    assert "Domestic abuse deep dive" not in client.get(public).text
