"""The rules the models hold: measures, dates, scores."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from priorities.models import Objective, current_plan_year, plan_year_label
from tests.priorities.factories import ObjectiveFactory, PriorityFactory, RiskFactory

pytestmark = pytest.mark.django_db


def test_plan_year_runs_april_to_march():
    assert current_plan_year(datetime.date(2026, 3, 31)) == 2025
    assert current_plan_year(datetime.date(2026, 4, 1)) == 2026
    assert plan_year_label(2026) == "2026 to 2027"


def test_objective_without_a_measure_is_refused():
    objective = ObjectiveFactory.build(priority=PriorityFactory(), local_measure="")
    with pytest.raises(ValidationError) as error:
        objective.full_clean()
    assert error.value.message_dict["indicator"] == [
        "Choose an indicator or describe a local measure"
    ]


def test_objective_target_date_before_baseline_date_is_refused():
    objective = ObjectiveFactory.build(
        priority=PriorityFactory(),
        baseline_date=datetime.date(2026, 4, 1),
        target_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        objective.full_clean()
    assert "target_date" in error.value.message_dict


def test_objective_measure_reads_the_indicator_name_when_linked():
    from performance.models import Indicator

    indicator = Indicator.objects.first()
    objective = Objective(indicator=indicator)
    assert objective.measure == indicator.name


def test_database_refuses_a_risk_likelihood_outside_1_to_5():
    with pytest.raises(IntegrityError):
        RiskFactory(likelihood=6)
