import pytest
from django.core.management import call_command

from forums.models import Forum, Membership
from membership.models import Agency, User

pytestmark = pytest.mark.django_db


def test_seed_demo_is_safe_to_run_twice():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (
        User.objects.count(),
        Agency.objects.count(),
        Forum.objects.count(),
        Membership.objects.count(),
    )
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        User.objects.count(),
        Agency.objects.count(),
        Forum.objects.count(),
        Membership.objects.count(),
    )
    assert User.objects.get(email="chair@demo.lcjb.example").check_password("demo-password-2026")


def test_reference_data_is_loaded_by_migrations():
    from membership.models import AgencyType, PoliceForceArea
    from performance.models import Indicator, VictimsCodeRight
    from priorities.models import Theme

    assert PoliceForceArea.objects.count() == 43
    assert AgencyType.objects.get(slug="judiciary").advisory_only
    assert Indicator.objects.count() == 48
    assert VictimsCodeRight.objects.count() == 12
    assert Theme.objects.filter(slug="vulnerable_victims_witnesses").exists()
    assert PoliceForceArea.objects.get(name="Cumbria").chair_title == (
        "Police, Fire and Crime Commissioner"
    )
