"""Demo people and agencies for four areas of England and Wales (used by ``seed_demo``)."""

from base64 import b32encode

from django.conf import settings
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice

from membership import two_factor
from membership.models import Agency, AgencyType, PoliceForceArea, User

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - printed for the demo, never in production
DEMO_DOMAIN = "demo.lcjb.example"
# The authenticator secret of every demo account whose role requires two-factor (hex, as
# django-otp stores it). Printed by seed_demo; `manage.py demo_code EMAIL` shows the code.
DEMO_TOTP_KEY = "6c636a622d64656d6f2d74776f2d666163746f72"  # noqa: S105 - demo only
DEMO_DEVICE_NAME = "Demo authenticator"

# (email local part, full name, job title, what the account shows)
ROLE_ACCOUNTS = [
    ("admin", "Sam Admin", "System administrator", "site admin (Django admin at /admin/)"),
    ("secretariat", "Priya Shah", "Board business manager", "secretariat, Cleveland board"),
    ("chair", "Morgan Hale", "Police and Crime Commissioner", "chair, Cleveland board"),
    ("member", "Daniel Okafor", "Chief Crown Prosecutor", "member (CPS), Cleveland board"),
    ("advisory", "Judge Helen Carr", "Resident Judge", "advisory member (judiciary), Cleveland"),
    ("submitter", "Aisha Patel", "Performance analyst", "data submitter (HMCTS), Cleveland"),
    ("other", "Rhys Evans", "Assistant Chief Constable", "member of the South Wales board only"),
    ("national", "Jo Whitfield", "APCC policy officer", "national viewer"),
]
DEMO_ACCOUNTS = [(f"{local}@{DEMO_DOMAIN}", shown) for local, _, _, shown in ROLE_ACCOUNTS]

# Areas in the demo, by ONS code.
CLEVELAND, DURHAM, NORTHUMBRIA = "E23000013", "E23000008", "E23000007"
WEST_YORKSHIRE = "E23000010"
SOUTH_WALES, GWENT, DYFED_POWYS, NORTH_WALES = "W15000003", "W15000002", "W15000004", "W15000001"
DEMO_AREAS = [
    CLEVELAND,
    DURHAM,
    NORTHUMBRIA,
    WEST_YORKSHIRE,
    SOUTH_WALES,
    GWENT,
    DYFED_POWYS,
    NORTH_WALES,
]

# (agency name, type slug, area codes). Agencies are not coterminous with force areas.
AGENCIES = [
    ("CPS North East", "cps", [CLEVELAND, DURHAM, NORTHUMBRIA]),
    ("CPS Yorkshire and Humberside", "cps", [WEST_YORKSHIRE]),
    ("CPS Cymru-Wales", "cps", [SOUTH_WALES, GWENT, DYFED_POWYS, NORTH_WALES]),
    ("HMCTS North East", "hmcts", [CLEVELAND, DURHAM, NORTHUMBRIA, WEST_YORKSHIRE]),
    ("HMCTS Wales", "hmcts", [SOUTH_WALES, GWENT, DYFED_POWYS, NORTH_WALES]),
    ("Probation Service North East", "probation", [CLEVELAND, DURHAM, NORTHUMBRIA]),
    ("Probation Service Yorkshire and the Humber", "probation", [WEST_YORKSHIRE]),
    ("Probation Service Wales", "probation", [SOUTH_WALES, GWENT, DYFED_POWYS, NORTH_WALES]),
    ("HMPPS Prisons North East", "prison_service", [CLEVELAND, DURHAM, NORTHUMBRIA]),
    ("HMPPS Prisons Wales", "prison_service", [SOUTH_WALES, GWENT, DYFED_POWYS, NORTH_WALES]),
    ("Teesside Youth Justice Partnership", "youth_justice", [CLEVELAND]),
    ("Durham Youth Justice Service", "youth_justice", [DURHAM]),
    ("Cardiff Youth Justice Service", "youth_justice", [SOUTH_WALES]),
    ("Leeds Youth Justice Service", "youth_justice", [WEST_YORKSHIRE]),
    ("Victim Care Cleveland", "victim_services", [CLEVELAND]),
    ("Victim Care Durham and Darlington", "victim_services", [DURHAM]),
    ("South Wales Victim Focus", "victim_services", [SOUTH_WALES]),
    ("Teesside Crown Court judiciary", "judiciary", [CLEVELAND]),
    ("Cardiff Crown Court judiciary", "judiciary", [SOUTH_WALES]),
    ("Cleveland defence solicitors", "defence", [CLEVELAND]),
    ("Middlesbrough Council", "local_authority", [CLEVELAND]),
    ("Cardiff Council", "local_authority", [SOUTH_WALES]),
]


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def person(local: str, full_name: str, job_title: str = "", **extra) -> User:
    """Create or update a demo person, always with the demo password."""
    user, _ = User.objects.update_or_create(
        email=demo_email(local), defaults={"full_name": full_name, "job_title": job_title, **extra}
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    return user


def agency(name: str, type_slug: str, area_codes: list[str]) -> Agency:
    record, _ = Agency.objects.update_or_create(
        slug=slugify(name),
        defaults={"name": name, "agency_type": AgencyType.objects.get(slug=type_slug)},
    )
    record.areas.set(PoliceForceArea.objects.filter(code__in=area_codes))
    return record


def seed(*, stdout) -> None:
    for local, full_name, job_title, _ in ROLE_ACCOUNTS:
        extra = {}
        if local == "admin":
            extra = {"is_staff": True, "is_superuser": True}
        if local == "national":
            extra = {"is_national_viewer": True}
        person(local, full_name, job_title, **extra)
    for area in PoliceForceArea.objects.filter(code__in=DEMO_AREAS):
        agency(area.force_name, "police", [area.code])
        agency(f"Office of the {area.chair_title}, {area.name}", "pcc", [area.code])
    for name, type_slug, codes in AGENCIES:
        agency(name, type_slug, codes)
    stdout.write(f"  {len(ROLE_ACCOUNTS)} demo accounts, {Agency.objects.count()} agencies")


def is_demo_account(user: User) -> bool:
    return user.email.endswith("@" + DEMO_DOMAIN)


def demo_key_base32() -> str:
    return b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode().rstrip("=")


def demo_device(user: User) -> TOTPDevice | None:
    """The demo's known authenticator of a demo account, if it has one."""
    if not is_demo_account(user):
        return None
    return TOTPDevice.objects.filter(
        user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True
    ).first()


def give_demo_devices() -> list[User]:
    """Demo accounts in roles that require two-factor get the known demo authenticator."""
    given = []
    for user in User.objects.filter(email__endswith="@" + DEMO_DOMAIN).order_by("email"):
        if not two_factor.required_for(user):
            continue
        TOTPDevice.objects.filter(user=user).exclude(name=DEMO_DEVICE_NAME).delete()
        TOTPDevice.objects.update_or_create(
            user=user,
            name=DEMO_DEVICE_NAME,
            defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
        )
        given.append(user)
    return given


def refuses_to_run() -> str:
    """Why the demo helpers must not run here ('' when they may)."""
    if getattr(settings, "SETTINGS_MODULE", "") == "lcjb.settings.production":
        return "This command does not run under production settings."
    return ""
