"""The shipped reference data in Welsh: areas, chairs' titles, agency types, indicators, the
Victims' Code rights and priority themes, loaded by the migrations and by the loaders."""

import pytest
from django.utils import translation

from membership import reference_data as membership_data
from membership.models import AgencyType, PoliceForceArea
from performance import reference_data as performance_data
from performance.models import Indicator, VictimsCodeRight
from priorities import reference_data as priorities_data
from priorities.models import Theme

pytestmark = pytest.mark.django_db


def _load_all():
    membership_data.load_police_force_areas(PoliceForceArea)
    membership_data.load_agency_types(AgencyType)
    performance_data.load_victims_code_rights(VictimsCodeRight)
    performance_data.load_indicators(Indicator, AgencyType, VictimsCodeRight)
    priorities_data.load_themes(Theme)


def _welsh_snapshot():
    return (
        sorted(PoliceForceArea.objects.values_list("code", "name_cy", "name_en")),
        sorted(AgencyType.objects.values_list("slug", "name_cy", "name_en")),
        sorted(Indicator.objects.values_list("slug", "name_cy", "definition_cy", "name_en")),
        sorted(VictimsCodeRight.objects.values_list("number", "short_title_cy", "summary_cy")),
        sorted(Theme.objects.values_list("slug", "name_cy", "description_cy")),
    )


def test_the_migrations_give_every_shipped_row_its_welsh_name():
    assert not PoliceForceArea.objects.filter(name_cy__isnull=True).exists()
    assert not AgencyType.objects.filter(name_cy__isnull=True).exists()
    assert not Indicator.objects.filter(is_core=True, name_cy__isnull=True).exists()
    assert not Indicator.objects.filter(is_core=True, definition_cy__isnull=True).exists()
    assert VictimsCodeRight.objects.exclude(short_title_cy__isnull=True).count() == 12
    assert not Theme.objects.filter(name_cy__isnull=True).exists()
    # English stays where it was, and in the _en column.
    assert Indicator.objects.get(slug="witness_attendance_rate").name_en == (
        "Witness attendance rate"
    )


def test_the_areas_in_wales_have_their_welsh_names():
    names = dict(PoliceForceArea.objects.filter(country="Wales").values_list("code", "name_cy"))
    assert names == {
        "W15000001": "Gogledd Cymru",
        "W15000002": "Gwent",
        "W15000003": "De Cymru",
        "W15000004": "Dyfed-Powys",
    }
    # An area in England keeps its name in Welsh, so nothing reads as missing.
    assert PoliceForceArea.objects.get(code="E23000003").name_cy == "Lancashire"


def test_each_row_holds_both_languages_side_by_side():
    area = PoliceForceArea.objects.get(code="W15000003")
    indicator = Indicator.objects.get(slug="witness_attendance_rate")
    right = VictimsCodeRight.objects.get(number=12)
    theme = Theme.objects.get(slug="reducing_reoffending")
    cps = AgencyType.objects.get(slug="cps")
    assert (area.name_en, area.name_cy) == ("South Wales", "De Cymru")
    assert indicator.name_cy == "Cyfradd presenoldeb tystion"
    assert right.short_title_cy == "Gwneud cwyn"
    assert theme.name_cy == "Lleihau aildroseddu"
    assert cps.name_cy == "Gwasanaeth Erlyn y Goron"
    with translation.override("cy"):
        assert area.name == "South Wales"  # the bare name is English on every page


@pytest.mark.parametrize(
    ("code", "english", "welsh"),
    [
        ("W15000003", "Police and Crime Commissioner", "Comisiynydd Heddlu a Throseddu"),
        ("E23000002", "Police, Fire and Crime Commissioner", "Comisiynydd Heddlu, Tân a Throseddu"),
        ("E23000010", "Mayor of West Yorkshire", "Maer Gorllewin Swydd Efrog"),
        ("E23000005", "Mayor of Greater Manchester", "Maer Manceinion Fwyaf"),
    ],
)
def test_the_chairs_title_comes_in_both_languages(code, english, welsh):
    area = PoliceForceArea.objects.get(code=code)
    with translation.override("en"):
        assert area.chair_title == english
    with translation.override("cy"):
        assert area.chair_title == welsh


def test_the_city_of_london_keeps_the_title_of_its_governance_model():
    area = PoliceForceArea.objects.get(code="E23000034")
    assert area.local_policing_body_title_en == ""
    assert area.local_policing_body_title_cy is None
    with translation.override("en"):
        assert area.chair_title == "Chair of the Police Authority Board"


def test_an_own_title_with_no_welsh_gives_the_governance_models_title_in_welsh():
    area = PoliceForceArea.objects.get(code="E23000010")
    area.local_policing_body_title_cy = None
    with translation.override("cy"):
        assert str(area.chair_title) != "Mayor of West Yorkshire"
    with translation.override("en"):
        assert area.chair_title == "Mayor of West Yorkshire"


def test_loading_again_changes_nothing():
    before = _welsh_snapshot()
    _load_all()
    _load_all()
    assert _welsh_snapshot() == before
    assert PoliceForceArea.objects.count() == 43
    assert Indicator.objects.count() == 48


def test_loading_in_welsh_still_puts_english_in_english_and_welsh_in_welsh():
    with translation.override("cy"):
        _load_all()
    indicator = Indicator.objects.get(slug="witness_attendance_rate")
    assert indicator.name_en == "Witness attendance rate"
    assert indicator.name_cy == "Cyfradd presenoldeb tystion"


def test_the_welsh_migration_step_leaves_an_admins_english_alone():
    Indicator.objects.filter(slug="witness_attendance_rate").update(
        name_en="Witnesses who attend", name_cy=None
    )
    membership_data.fill_welsh(
        Indicator,
        performance_data.read_csv("indicators.csv"),
        "slug",
        {"name": "name_cy", "definition": "definition_cy"},
    )
    indicator = Indicator.objects.get(slug="witness_attendance_rate")
    assert indicator.name_en == "Witnesses who attend"
    assert indicator.name_cy == "Cyfradd presenoldeb tystion"


def test_theme_sources_are_read_whole():
    source = Theme.objects.get(slug="efficiency").source
    assert source.startswith("'Working in step?' joint inspection (HMIC, HMCPSI, HMI Probation")
    assert source.endswith("Northumbria LCJB (case progression)")
