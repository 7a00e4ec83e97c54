"""Every one of the Victims' Code's twelve rights is measured, each by the agency that delivers
it, with local measures marked as such on the board's Victims' Code page."""

import pytest
from django.urls import reverse

from performance.models import Indicator, VictimsCodeRight

pytestmark = pytest.mark.django_db


def test_each_right_has_a_measure_owned_by_the_agency_that_delivers_it():
    measured = {
        right.number: {i.responsible_agency_type.slug for i in right.indicators.all()}
        for right in VictimsCodeRight.objects.prefetch_related(
            "indicators__responsible_agency_type"
        )
    }
    assert all(measured[number] for number in range(1, 13)), measured
    owners = set().union(*measured.values())
    assert {"police", "cps", "hmcts", "probation", "victim_services", "youth_justice"} <= owners
    assert "probation" in measured[11]  # the Victim Contact Scheme
    assert "cps" in measured[6]  # Victim Communication and Liaison letters


def test_local_measures_are_marked_on_the_victims_code_page(client, forum):
    local = Indicator.objects.filter(is_local_measure=True)
    assert local.filter(slug="vcop_expenses_paid").exists()
    assert not Indicator.objects.get(slug="vcop_victim_contact_scheme").is_local_measure
    page = client.get(reverse("performance:public-victims-code", args=[forum.slug]))
    text = page.content.decode()
    assert "Local measure" in text
    assert "Not measured by an indicator in the suite" not in text  # every right is measured
