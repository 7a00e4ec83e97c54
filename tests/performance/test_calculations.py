"""RAG, direction of travel, figure checks and period arithmetic."""

import datetime
from decimal import Decimal as D

import pytest

from performance import periods
from performance.calculations import (
    FigureError,
    check_figure,
    combine,
    direction,
    format_value,
    rag_status,
)


@pytest.mark.parametrize(
    ("polarity", "value", "code"),
    [
        ("higher_is_better", "80", "green"),
        ("higher_is_better", "76", "amber"),
        ("higher_is_better", "74.9", "red"),
        ("lower_is_better", "20", "green"),
        ("lower_is_better", "84", "amber"),
        ("lower_is_better", "86", "red"),
        ("neutral", "10", ""),
    ],
)
def test_rag_follows_polarity_target_and_tolerance(polarity, value, code):
    rag = rag_status(polarity=polarity, value=D(value), target=D("80"), tolerance=D("5"))
    assert rag.code == code


def test_no_target_means_no_rag():
    assert (
        rag_status(polarity="higher_is_better", value=D(1), target=None, tolerance=None).code == ""
    )


def test_direction_is_judged_by_polarity():
    assert direction(polarity="higher_is_better", value=D(60), earlier=D(50)).word == "Improving"
    assert direction(polarity="lower_is_better", value=D(60), earlier=D(50)).word == "Worsening"
    assert direction(polarity="neutral", value=D(40), earlier=D(50)).word == "Down"
    assert direction(polarity="neutral", value=D(40), earlier=None).text == "No earlier figure"


def test_rate_is_computed_from_numerator_and_denominator():
    assert check_figure(unit="percent", value=None, numerator=D(30), denominator=D(40)) == D("75")


@pytest.mark.parametrize(
    ("unit", "value", "numerator", "denominator", "field", "message"),
    [
        ("percent", "101", None, None, "value", "between 0 and 100"),
        ("percent", None, "50", "40", "numerator", "larger than the denominator"),
        ("count", "-1", None, None, "value", "cannot be negative"),
        ("count", "1.5", None, None, "value", "whole number"),
        ("percent", None, "5", None, "denominator", "Enter the denominator"),
        ("percent", None, "5", "0", "denominator", "more than 0"),
        ("days", None, None, None, "value", "Enter a figure"),
    ],
)
def test_bad_figures_are_refused_with_a_reason(unit, value, numerator, denominator, field, message):
    def number(text):
        return D(text) if text is not None else None

    with pytest.raises(FigureError) as error:
        check_figure(
            unit=unit,
            value=number(value),
            numerator=number(numerator),
            denominator=number(denominator),
        )
    assert message in error.value.errors[field]


def test_figures_from_several_agencies_are_combined():
    assert combine("count", [(D(2), None, None), (D(3), None, None)])[0] == D(5)
    assert combine("percent", [(D(50), D(1), D(2)), (D(100), D(2), D(2))])[0] == D("75")
    assert format_value("percent", D("72.44")) == "72.4%"


def test_period_codes_round_trip():
    for code in ("2026-03", "2026-Q1", "FY2025-26"):
        assert periods.parse_code(code).code == code
    assert periods.parse_code("2026-13") is None
    assert periods.parse_code("FY2025-27") is None
    quarter = periods.parse_code("2026-Q2")
    assert (quarter.start, quarter.end) == (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    assert periods.shift(quarter, -4).code == "2025-Q2"
    assert [p.code for p in periods.recent_ended("quarterly", datetime.date(2026, 11, 23), 2)] == [
        "2026-Q3",
        "2026-Q2",
    ]
