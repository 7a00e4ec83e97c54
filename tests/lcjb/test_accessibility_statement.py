"""The accessibility statement: where to report a problem comes from the settings, and the
statement is in Welsh under /cy/."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_statement_gives_the_contact_address_from_the_settings(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "access@lcjb.example.org"
    body = client.get("/accessibility/").content.decode()
    assert '<a class="govuk-link" href="mailto:access@lcjb.example.org">' in body
    assert "Equality Advisory and Support Service" in body
    assert "Compliance status" in body and "partially compliant" in body


def test_without_a_contact_address_the_statement_sends_people_to_the_board(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = ""
    body = client.get("/accessibility/").content.decode()
    assert "mailto:" not in body
    assert "contact the office of the board you were using" in body


def test_the_statement_is_in_welsh_under_cy(client):
    body = client.get("/cy/accessibility/").content.decode()
    assert "Datganiad hygyrchedd ar gyfer" in body
    assert "Y weithdrefn orfodi" in body
    assert "Enforcement procedure" not in body
