"""Every link in an error summary lands on a control of the page: for a group of radios or
checkboxes, the first one of the group (it has the field's id, as in GOV.UK Frontend). And the
people who may see a restricted agenda item are asked for inside the "Restricted" choice only."""

import re

import pytest
from django.urls import reverse

from tests.forums.factories import MeetingFactory

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="govuk-error-summary.*?</ul>', re.S)


def control_with_id(body: str, element_id: str) -> str:
    """The opening tag of the <input>, <select> or <textarea> with this id ("" if none)."""
    found = re.findall(
        rf'<(?:input|select|textarea)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', body
    )
    assert len(found) <= 1, f"{len(found)} controls with id {element_id}"
    return found[0] if found else ""


def posted_item(client, forum, data):
    meeting = MeetingFactory(forum=forum)
    url = reverse("meetings:workspace-item-add", args=[forum.slug, meeting.pk])
    return client.post(url, data).content.decode()


def test_error_links_to_radio_and_checkbox_groups_land_on_their_first_control(
    secretariat_client, forum
):
    body = posted_item(secretariat_client, forum, {"confidentiality": "restricted"})
    summary = SUMMARY.search(body).group()
    targets = re.findall(r'<a href="#([^"]+)">', summary)
    assert {"id_title", "id_purpose", "id_confidentiality_reason", "id_restricted_to"} <= set(
        targets
    )
    for target in targets:
        assert control_with_id(body, target), f"the error link #{target} lands on nothing"
    purpose = control_with_id(body, "id_purpose")
    assert 'type="radio"' in purpose and 'value="' in purpose
    first_radio = re.search(r'<input\s+type="radio"\s+name="purpose"[^>]*>', body).group()
    assert first_radio == purpose  # the first radio of the group, not another one
    people = control_with_id(body, "id_restricted_to")
    assert 'type="checkbox"' in people
    first_box = re.search(r'<input\s+type="checkbox"\s+name="restricted_to"[^>]*>', body).group()
    assert first_box == people


def test_the_people_for_a_restricted_item_are_revealed_by_the_restricted_choice_only(
    secretariat_client, forum
):
    meeting = MeetingFactory(forum=forum)
    url = reverse("meetings:workspace-item-add", args=[forum.slug, meeting.pk])
    body = secretariat_client.get(url).content.decode()
    assert 'data-module="govuk-radios"' in body
    restricted = re.search(r'<input[^>]*value="restricted"[^>]*>', body).group()
    revealed = re.search(r'aria-controls="([^"]+)"', restricted).group(1)
    box = re.search(
        rf'<div class="govuk-radios__conditional govuk-radios__conditional--hidden" '
        rf'id="{revealed}">(.*?)</fieldset>',
        body,
        re.S,
    )
    assert box, "the Restricted choice reveals nothing"
    assert body.count('name="restricted_to"') == box.group(1).count('name="restricted_to"') > 0
    for other in ("public", "confidential"):
        radio = re.search(rf'<input[^>]*value="{other}"[^>]*>', body).group()
        assert "aria-controls" not in radio
