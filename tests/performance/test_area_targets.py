"""The secretariat can set a target for a whole police force area the board covers, which every
board of that area without its own target then uses."""

import pytest
from django.urls import reverse

from performance.models import Target
from performance.services import indicator_create_local
from tests.forums.factories import ForumFactory
from tests.membership.factories import agency_type, area
from tests.performance.factories import indicator

pytestmark = pytest.mark.django_db
CLEVELAND = "E23000013"
DURHAM = "E23000008"


def _answers(**changes):
    return {
        "indicator": indicator("cc_effective_trial_rate").pk,
        "period": "FY2026-27",
        "value": "60",
        "amber_tolerance": "2.5",
        **changes,
    }


def _url(forum):
    return reverse("performance:targets", args=[forum.slug])


def test_the_targets_page_offers_the_board_or_each_area_it_covers(secretariat_client, forum):
    forum.areas.add(area(DURHAM))
    body = secretariat_client.get(_url(forum)).content.decode()
    assert "Who the target is for" in body
    assert "This board only" in body
    assert "Every board in Cleveland without its own target" in body
    assert "Every board in Durham without its own target" in body
    assert "Every board in Northumbria" not in body  # an area the board does not cover


def test_an_area_target_is_set_and_the_other_boards_of_the_area_see_it(
    secretariat_client, chair_client, forum
):
    cleveland = area(CLEVELAND)
    response = secretariat_client.post(_url(forum), _answers(applies_to=str(cleveland.pk)))
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.forum, target.area, target.value) == (None, cleveland, 60)

    neighbour = ForumFactory(areas=[cleveland])
    assert Target.objects.filter(forum=neighbour).count() == 0
    from performance.selectors import targets_for

    assert list(targets_for(forum=neighbour)) == [target]
    page = secretariat_client.get(_url(forum)).content.decode()
    assert "Cleveland (area)" in page

    # Changing it again changes the same target, and keeps its history.
    chair_client.post(_url(forum), _answers(applies_to=str(cleveland.pk), value="65"))
    target = Target.objects.get()
    assert target.value == 65
    assert target.history.count() == 2


def test_the_boards_own_target_is_still_the_default(secretariat_client, forum):
    assert secretariat_client.post(_url(forum), _answers()).status_code == 302
    assert secretariat_client.post(_url(forum), _answers(applies_to="forum")).status_code == 302
    target = Target.objects.get()
    assert target.forum == forum and target.area is None


def test_an_area_the_board_does_not_cover_is_refused(secretariat_client, forum):
    durham = area(DURHAM)
    response = secretariat_client.post(_url(forum), _answers(applies_to=str(durham.pk)))
    assert response.status_code == 200
    assert "Choose this board or an area it covers" in response.content.decode()
    assert not Target.objects.exists()


def test_a_local_indicator_cannot_have_an_area_target(secretariat, secretariat_client, forum):
    local = indicator_create_local(
        forum=forum,
        created_by=secretariat,
        name="Trials with an interpreter booked late",
        definition="Share of trials with the interpreter booked under 48 hours ahead.",
        unit="percent",
        polarity="lower_is_better",
        frequency="quarterly",
        responsible_agency_type=agency_type("hmcts"),
    )
    response = secretariat_client.post(
        _url(forum), _answers(indicator=local.pk, applies_to=str(area(CLEVELAND).pk))
    )
    assert response.status_code == 200
    assert "A local indicator is only used by this board" in response.content.decode()
    assert not Target.objects.exists()


def test_the_service_refuses_an_area_the_forum_does_not_cover(secretariat, forum):
    from django.core.exceptions import ValidationError

    from performance.services import target_set
    from tests.performance.factories import period

    with pytest.raises(ValidationError):
        target_set(
            forum=forum,
            indicator=indicator("cc_effective_trial_rate"),
            period=period("FY2026-27"),
            value=60,
            amber_tolerance=0,
            set_by=secretariat,
            area=area(DURHAM),
        )


def test_a_board_without_areas_is_not_asked(secretariat_client, forum):
    assert "Who the target is for" in secretariat_client.get(_url(forum)).content.decode()
    forum.areas.clear()
    body = secretariat_client.get(_url(forum)).content.decode()
    assert "Who the target is for" not in body
    assert secretariat_client.post(_url(forum), _answers()).status_code == 302


@pytest.mark.parametrize("role", ["member_client", "advisory_client", "data_submitter_client"])
def test_others_on_the_board_may_not_set_an_area_target(request, role, secretariat_client, forum):
    client = request.getfixturevalue(role)
    answers = _answers(applies_to=str(area(CLEVELAND).pk))
    assert client.post(_url(forum), answers).status_code == 403
    assert not Target.objects.exists()
    if role != "data_submitter_client":
        assert "Who the target is for" not in client.get(_url(forum)).content.decode()
    assert "Who the target is for" in secretariat_client.get(_url(forum)).content.decode()
    assert secretariat_client.post(_url(forum), answers).status_code == 302
    assert Target.objects.count() == 1


def test_another_forums_member_gets_404_and_anonymous_is_sent_to_sign_in(
    other_forum_member_client, client, forum
):
    data = _answers(applies_to=str(area(CLEVELAND).pk))
    assert other_forum_member_client.post(_url(forum), data).status_code == 404
    response = client.post(_url(forum), data)
    assert response.status_code == 302 and "/accounts/" in response.url
    assert not Target.objects.exists()
