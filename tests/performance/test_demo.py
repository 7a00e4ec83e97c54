"""The performance demo data: five years of figures with late, returned and revised returns."""

import io

import pytest

from forums.demo import forum as forums_demo
from membership import demo as membership_demo
from performance import demo
from performance.models import Measurement, PerformanceReturn, PeriodPublication, Target

pytestmark = pytest.mark.django_db
Status = PerformanceReturn.Status


def test_demo_has_the_states_a_board_would_see_and_is_safe_to_run_twice():
    out = io.StringIO()
    membership_demo.seed(stdout=out)
    forums_demo.seed(stdout=out)
    demo.seed(stdout=out)
    cleveland = PerformanceReturn.objects.filter(forum__slug="cleveland-cjb")
    assert cleveland.filter(status=Status.RETURNED).exists()
    assert cleveland.filter(status=Status.SUBMITTED).exists()
    assert cleveland.filter(status=Status.DRAFT).exists()
    revised = cleveland.get(is_revised=True)
    assert revised.status == Status.ACCEPTED
    assert Measurement.history.filter(performance_return_id=revised.pk, history_type="~").exists()
    assert cleveland.filter(period__frequency="quarterly").values("period").distinct().count() == 20
    assert Measurement.objects.exclude(breakdown="").exists()
    assert Target.objects.filter(forum__slug="cleveland-cjb").exists()
    counts = (Measurement.objects.count(), PeriodPublication.objects.count())
    demo.seed(stdout=out)
    assert (Measurement.objects.count(), PeriodPublication.objects.count()) == counts
