"""The performance pages, e-mails and import reports in Welsh (under /cy/, or for a Welsh reader).

The Welsh comes from locale/cy (the fragments folded into django.po and compiled to django.mo by
``scripts/translations.sh``); English stays at the addresses it has always had.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from forums.models import Membership
from performance import imports, periods
from performance.models import Target
from tests.performance.factories import PerformanceReturnFactory, indicator, period, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def welsh_catalogue():
    """The compiled Welsh catalogue (built here if this checkout has not compiled it yet)."""
    from django.conf import settings

    compiled = settings.BASE_DIR / "locale" / "cy" / "LC_MESSAGES" / "django.mo"
    if not compiled.exists():
        call_command("compilemessages", locale=["cy"], ignore_patterns=[".venv/*"], verbosity=0)
        trans_real._translations = {}  # read again, now with the compiled catalogue
    yield


@pytest.fixture(autouse=True)
def _english_again_afterwards():
    """A request under /cy/ leaves Welsh active in the thread: later tests expect English."""
    yield
    translation.deactivate()


@pytest.fixture
def published(forum, data_submitter, secretariat):
    """2025-Q1 accepted and published (61.5%, against a target of 55: on target)."""
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    PerformanceReturnFactory(
        forum=forum, agency=agency, code="2025-Q1", figures={"cc_effective_trial_rate": "61.5"}
    )
    publish(forum, "2025-Q1", secretariat)
    Target.objects.create(
        forum=forum,
        indicator=indicator("cc_effective_trial_rate"),
        period=period("FY2024-25"),
        value=55,
        amber_tolerance=5,
    )
    return agency


def address(name: str, *args, language: str = "en") -> str:
    """The page's address in a language (English at the old address, Welsh under /cy/)."""
    with translation.override(language):
        return reverse(name, args=args)


def welsh(name: str, *args) -> str:
    return address(name, *args, language="cy")


def test_public_dashboard_reads_in_welsh_under_cy(client, forum, published):
    english = client.get(address("performance:public-dashboard", forum.slug)).content.decode()
    body = client.get(welsh("performance:public-dashboard", forum.slug)).content.decode()
    assert "On target" in english and "January to March 2025" in english
    assert '<h1 class="govuk-heading-l">Perfformiad</h1>' in body
    assert "Wedi cyrraedd y targed" in body and "On target" not in body
    assert "Ionawr i Fawrth 2025" in body  # the period, with the mutation after "i"
    assert "Lawrlwytho'r ffigurau hyn (CSV)" in body
    assert "Tuedd:" in body and "Trend:" not in body  # the chart's title
    assert "61.5%" in body  # numbers are written the same way in Welsh


def test_public_indicator_page_reads_in_welsh(client, forum, published):
    url = welsh("performance:public-indicator", forum.slug, "cc_effective_trial_rate")
    body = client.get(url).content.decode()
    assert "O'i gymharu ag ardaloedd eraill" in body  # compared with other areas
    assert "Compared with other areas" not in body
    assert "Cyfartaledd pob ardal" in body


def test_open_data_page_reads_in_welsh_and_the_files_stay_machine_readable(
    client, forum, published
):
    body = client.get(welsh("performance:open-data")).content.decode()
    assert '<h1 class="govuk-heading-xl">Data agored</h1>' in body
    assert "Diweddarwyd ddiwethaf:" in body and "Geiriadur data" in body
    assert "Dynodydd sefydlog y dangosydd." in body  # the data dictionary
    assert "<code>indicator_name</code>" in body  # field names stay as the files have them
    assert "Last updated" not in body
    header = (
        client.get(welsh("performance:open-data-file", "targets", "csv"))
        .getvalue()
        .decode()
        .splitlines()[0]
    )
    assert header == "forum,area,indicator,period,period_start,period_end,target,amber_tolerance"
    meta = client.get(welsh("performance:open-data-file", "indicators", "json")).getvalue().decode()
    assert '"title": "Indicators"' in meta  # the files read the same at every address


def test_import_problems_are_reported_in_welsh_to_a_welsh_reader(forum, data_submitter):
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=agency, code="2026-Q2", draft=True, created_by=data_submitter
    )
    rows = [
        (2, {"indicator": "no_such_indicator", "period": "2026-Q2", "value": "10"}),
        (3, {"indicator": "cc_effective_trial_rate", "period": "2026-Q1", "value": "abc"}),
        (4, {"indicator": "cc_cracked_trial_rate", "period": "2026-Q2", "value": "120"}),
    ]
    with translation.override("cy"):
        figures, report = imports.check_rows(performance_return, rows)
        problems = dict.fromkeys(message for _, message in report.by_row())
    assert not figures
    assert "Dangosydd anhysbys 'no_such_indicator': defnyddiwch un o'r templed" in problems
    assert "Cyfnod anghywir '2026-Q1': mae'r ffurflen ddata hon ar gyfer 2026-Q2" in problems
    assert "Nid yw 'abc' yn y golofn value yn rhif" in problems
    assert "Rhaid i ganran fod rhwng 0 a 100" in problems
    with translation.override("en"):
        _, report = imports.check_rows(performance_return, rows)
    assert "The value 'abc' is not a number" in [message for _, message in report.by_row()]


def test_upload_page_shows_the_problems_in_welsh_under_cy(
    data_submitter_client, forum, data_submitter
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=agency, code="2026-Q2", draft=True, created_by=data_submitter
    )
    url = welsh("performance:return-upload", forum.slug, performance_return.pk)
    content = b"indicator,period,value\nno_such_indicator,2026-Q2,10\n"
    response = data_submitter_client.post(url, {"file": SimpleUploadedFile("figures.csv", content)})
    body = response.content.decode()
    assert "Dim wedi'i fewnforio: 1 problem yn y ffeil" in body
    assert "Dangosydd anhysbys" in body and "Unknown indicator" not in body


@pytest.mark.parametrize(
    ("frequency", "start", "english", "cymraeg"),
    [
        (periods.MONTHLY, "2026-03", "March 2026", "Mawrth 2026"),
        (periods.QUARTERLY, "2026-Q3", "July to September 2026", "Gorffennaf i Fedi 2026"),
        (periods.ANNUAL, "FY2025-26", "April 2025 to March 2026", "Ebrill 2025 i Fawrth 2026"),
    ],
)
def test_period_labels_follow_the_language(frequency, start, english, cymraeg):
    spec = periods.parse_code(start)
    assert spec.frequency == frequency
    with translation.override("en"):
        assert spec.label == english
    with translation.override("cy"):
        assert spec.label == cymraeg
