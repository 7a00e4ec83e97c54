"""The national team reads national escalations by priority theme, with their answers, and
files each one under a theme; nobody else can."""

import pytest
from django.urls import reverse

from forums.models import Escalation
from national.models import EscalationTheme
from tests.membership.factories import UserFactory
from tests.priorities.factories import theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


def _escalation(forum, by, title, level=Escalation.Level.NATIONAL, **kwargs):
    return Escalation.objects.create(
        from_forum=forum, level=level, title=title, description="Why.", raised_by=by, **kwargs
    )


def test_the_team_files_escalations_under_themes_and_reads_them_by_theme(
    client, forum, secretariat, team
):
    courts = _escalation(forum, secretariat, "Crown Court backlog", response="A plan is agreed.")
    _escalation(forum, secretariat, "Interpreter contract")
    _escalation(forum, secretariat, "A local matter", level=Escalation.Level.PARENT_BOARD)
    client.force_login(team)
    url = reverse("national:escalations")
    page = client.get(url).content.decode()
    assert "Not filed under a theme yet" in page and "A local matter" not in page
    victims = theme("victims_and_witnesses")
    client.post(url, {"escalation": courts.pk, "theme": victims.pk})
    assert EscalationTheme.objects.get(escalation=courts).theme == victims
    page = client.get(url).content.decode()
    heading = page.index(f'<h2 class="govuk-heading-m">{victims.name}')
    assert heading < page.index('<h3 class="govuk-summary-card__title">Crown Court backlog')
    assert "A plan is agreed." in page


def test_only_the_national_team_reads_or_files_escalations(client, forum, secretariat, member):
    escalation = _escalation(forum, secretariat, "Crown Court backlog")
    url = reverse("national:escalations")
    assert client.get(url).status_code == 302
    client.force_login(secretariat)
    assert client.get(url).status_code == 404
    victims = theme("victims_and_witnesses")
    assert client.post(url, {"escalation": escalation.pk, "theme": victims.pk}).status_code == 404
    assert not EscalationTheme.objects.exists()
