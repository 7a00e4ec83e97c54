"""Everything held about one person: export it (JSON, CSV), and erase a person who has left.

**Export** finds every record that names the person by looking, through Django's model registry,
for each model with a link to a person (so a model added later is included without a change
here, and ``membership`` imports none of the other apps): their account, memberships, replies
and attendance, actions they own, sign-offs, returns they submitted, comments, notices, downloads
and the history of their own records. A history row that names them only as the one who made a
change gives when and what kind of change, not a copy of someone else's record. Secrets
(password, authenticator keys, calendar token, session data) are left out. Apps add records
named another way with :func:`register_collector` (sign-ins, below).

**Erasure** keeps the records (minutes, decisions, returns, sign-offs are the boards' record) but
not who the person was: apps end what is current through :func:`register_eraser` (forums ends
their memberships); then their notices, preferences, devices, sessions and sign-in records go,
the account is switched off and its name becomes "Former member <number>", its email an address
that cannot receive mail, also in the account's own history. Minutes, minute entries and
decisions keep the words they were written with: they are the record of the meeting.
"""

import csv
import io
import json
from collections.abc import Callable

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from membership import sessions
from membership.models import Notification, NotificationPreference, User, new_calendar_token

# Never exported: secrets, and copies of what a person typed when signing in.
SECRET_FIELDS = {
    "password",
    "key",
    "calendar_token",
    "session_key",
    "session_data",
    "session_hash",
    "token",
    "get_data",
    "post_data",
}
# Kept apart or exported by a collector: sessions and django-axes' records (no link to a person).
SKIPPED_MODELS = {"sessions.session", "admin.logentry"}
HISTORY_METADATA = ("history_id", "history_date", "history_type", "history_change_reason")
ERASED_DOMAIN = "erased.invalid"

_collectors: dict[str, Callable] = {}
_erasers: dict[str, Callable] = {}


def register_collector(title: str, collect: Callable) -> None:
    """``collect(person) -> list of dicts``: records that name the person other than by a link."""
    _collectors[title] = collect


def register_eraser(name: str, erase: Callable) -> None:
    """``erase(*, person, by)``: end what is current (in the erasure's transaction)."""
    _erasers[name] = erase


def former_name(person) -> str:
    return f"Former member {person.pk}"


def is_erased(person) -> bool:
    return person.email.endswith("@" + ERASED_DOMAIN)


def _person_links(model) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many)
        and field.concrete
        and field.related_model is User
    ]


def _columns(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]


def _records_of(model, person) -> list[dict]:
    links = _person_links(model)
    history_of = getattr(model, "instance_type", None)
    if history_of is not None:
        own = Q(pk__in=[])
        if history_of is User:
            own |= Q(id=person.pk)
        for link in links:
            if link != "history_user":
                own |= Q(**{link: person})
        rows = list(model.objects.filter(own).values(*_columns(model)))
        if "history_user" not in links:  # the history of a many-to-many link
            return rows
        made = model.objects.filter(history_user=person).exclude(own).values(*HISTORY_METADATA)
        return rows + [{**row, "changed_by_them": True} for row in made]
    if not links:
        return []
    query = Q(pk__in=[])
    for link in links:
        query |= Q(**{link: person})
    return list(model.objects.filter(query).distinct().values(*_columns(model)))


def personal_data_collect(*, person: User) -> dict[str, list[dict]]:
    """Every record that names the person, by kind: ``{"Account": [...], "Memberships": ...}``."""
    account = {name: getattr(person, name) for name in _columns(User)}
    data = {gettext("Account"): [account]}
    for model in apps.get_models():
        if model._meta.label_lower in SKIPPED_MODELS or model is User:
            continue
        rows = _records_of(model, person)
        if rows:
            history_of = getattr(model, "instance_type", None)
            kind = model._meta.verbose_name_plural
            if history_of is not None:
                kind = gettext("%(records)s (history of changes)") % {
                    "records": history_of._meta.verbose_name_plural
                }
            label = f"{model._meta.app_config.verbose_name}: {kind}"
            data[label[:1].upper() + label[1:]] = rows
    for title, collect in _collectors.items():
        rows = list(collect(person))
        if rows:
            data[str(title)] = rows
    return data


def as_json(data: dict[str, list[dict]]) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def as_csv(data: dict[str, list[dict]]) -> str:
    """One row per value: kind of record, its number in the export, field, value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            pgettext("export column", "record"),
            pgettext("export column", "number"),
            pgettext("export column", "field"),
            pgettext("export column", "value"),
        ]
    )
    encoder = DjangoJSONEncoder()
    for title, rows in data.items():
        for number, row in enumerate(rows, start=1):
            for name, value in row.items():
                if value is not None and not isinstance(value, str | int | float | bool):
                    value = encoder.default(value)
                writer.writerow([title, number, name, "" if value is None else value])
    return buffer.getvalue()


def _sign_ins(person) -> list[dict]:
    fields = ("attempt_time", "username", "ip_address", "user_agent", "path_info")
    return [
        {"what": str(what), **row}
        for what, model in ((_("signed in"), AccessLog), (_("failed sign-in"), AccessFailureLog))
        for row in model.objects.filter(username=person.email).values(*fields)
    ]


register_collector(_("Sign-ins"), _sign_ins)


@transaction.atomic
def person_erase(*, person: User, by: User) -> User:
    """Erase a person who has left: records kept, the person's details replaced, access ended."""
    if person.pk == by.pk:
        raise ValidationError(gettext("You cannot erase your own account"))
    if is_erased(person):
        raise ValidationError(gettext("%(person)s has already been erased") % {"person": person})
    for erase in _erasers.values():
        erase(person=person, by=by)
    old_email = person.email
    name, email = former_name(person), f"former-member-{person.pk}@{ERASED_DOMAIN}"
    person.history.update(full_name=name, email=email, job_title="")
    Notification.objects.filter(recipient=person).delete()
    NotificationPreference.objects.filter(person=person).delete()
    TOTPDevice.objects.filter(user=person).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_email).delete()
    sessions.person_other_sessions_end(person=person, keep_session_key=None)
    person.full_name, person.email, person.job_title = name, email, ""
    person.is_active = person.is_staff = person.is_superuser = person.is_national_viewer = False
    person.calendar_token = new_calendar_token()
    person.set_unusable_password()
    person._history_user = by
    person._change_reason = "Erased after leaving: personal details replaced"
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
    return person
