"""Permissions go through the ``rules`` registry: each is checked somewhere, once named.

The source is read as text: a permission registered but never checked is dead, and a page that
compares a status with a string repeats a rule the services already hold.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from rules.permissions import permissions

ROOT = Path(__file__).resolve().parents[2]
APPS = ["forums", "membership", "performance", "priorities", "lcjb"]
OUR_PERMISSIONS = ("forums.", "priorities.", "performance.")


def _source_files(suffixes):
    for app in [*APPS, "templates"]:
        for path in (ROOT / app).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def _registered() -> list[str]:
    return sorted(name for name in permissions if name.startswith(OUR_PERMISSIONS))


def test_every_registered_permission_is_checked_somewhere():
    registered = _registered()
    assert "forums.manage_meetings" in registered  # the registry is loaded
    checks = ""
    for path in _source_files({".py", ".html", ".txt"}):
        text = path.read_text(encoding="utf-8")
        # Registering a permission is not checking it.
        checks += re.sub(r"rules\.add_perm\([^)]*\)", "", text, flags=re.S)
    unchecked = [name for name in registered if f'"{name}"' not in checks]
    assert unchecked == []


def test_no_permission_is_registered_twice_under_two_names():
    """``approve_minutes`` and ``approve_meeting_minutes`` were one rule under two names."""
    assert "forums.approve_minutes" in _registered()
    assert "forums.approve_meeting_minutes" not in _registered()
    assert "forums.commit_for_agency" not in _registered()  # the same rule as own_actions


@pytest.mark.django_db
def test_no_rules_permission_shares_a_name_with_a_django_model_permission():
    """``User.has_perm`` answers a registered permission from its rule alone (no site admin
    shortcut), so a rule must not shadow a model permission the admin relies on."""
    model_permissions = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }
    assert "forums.view_forum" in model_permissions  # Django's own, for the admin
    assert set(_registered()) & model_permissions == set()


def test_no_template_compares_a_status_state_or_confidentiality_with_a_string():
    pattern = re.compile(r"""\b(status|state|confidentiality)\s*[!=]=\s*['"]""")
    offending = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _source_files({".html", ".txt"})
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert pattern.search('{% if meeting.status == "held" %}')  # the check can fail
    assert pattern.search('{% if item.confidentiality != "public" %}')
    assert offending == []
