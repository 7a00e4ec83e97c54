"""Forums that hold their public text in Welsh and English, and the forms that take both.

A forum is bilingual when one of its police force areas is in Wales (Dyfed-Powys, Gwent, North
Wales, South Wales, and so the All-Wales board), or when the secretariat or a site admin opts
it in (``Forum.bilingual``). The flag is kept on the row so pages read it without a query:
saving a forum or giving it a Welsh area sets it; leaving Wales does not clear an opt-in.

Translated fields are English-first (lcjb/english_first.py): a form's ``title`` field is the
English, and :func:`add_welsh_fields` adds ``title_cy`` beside it for a bilingual forum.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from crispy_forms.layout import LayoutObject
from crispy_forms_gds.layout import Div
from django import forms
from django.db.models.signals import m2m_changed, post_save
from django.utils.translation import gettext_lazy as _

from forums.models import Forum

WALES = "Wales"  # PoliceForceArea.country


def keep_welsh_forums_bilingual(forum_ids) -> int:
    """Mark bilingual those of the forums that cover an area in Wales; how many changed."""
    return Forum.objects.filter(pk__in=forum_ids, bilingual=False, areas__country=WALES).update(
        bilingual=True
    )


def _forum_saved(sender, instance, raw=False, **kwargs):
    if not raw and not instance.bilingual and keep_welsh_forums_bilingual([instance.pk]):
        instance.bilingual = True


def _areas_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add":
        return
    changed = keep_welsh_forums_bilingual(pk_set if reverse else [instance.pk])
    if changed and not reverse:
        instance.bilingual = True


def connect_signals() -> None:
    post_save.connect(_forum_saved, sender=Forum, dispatch_uid="forum-bilingual-saved")
    m2m_changed.connect(
        _areas_changed, sender=Forum.areas.through, dispatch_uid="forum-bilingual-areas"
    )


# --- forms ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Welsh:
    """A translated field of a form: its English label when both languages are shown, and
    the Welsh field's label, in Welsh whatever the interface language (it is read by whoever
    writes the Welsh)."""

    name: str
    english_label: str
    welsh_label: str


WELSH_HINT = "Gadewch hwn yn wag os nad oes fersiwn Gymraeg eto: bydd y Saesneg yn cael ei dangos."


def welsh_name(name: str) -> str:
    return f"{name}_cy"


def add_welsh_fields(form: forms.BaseForm, *, forum: Forum, fields: list[Welsh]) -> None:
    """For a bilingual forum, put a Welsh field beside each English one, side by side in the
    form's GOV.UK layout; a forum in one language keeps its English fields as they are.

    Call after the form's layout is built. The Welsh field is never required: a text with no
    Welsh shows in English, marked as such, on the Welsh pages.
    """
    if not forum.bilingual:
        return
    for spec in fields:
        english = form.fields[spec.name]
        english.label = spec.english_label
        english.widget.attrs["lang"] = "en"
        welsh = copy.deepcopy(english)
        welsh.label = spec.welsh_label
        welsh.required = False
        welsh.initial = None
        welsh.help_text = WELSH_HINT
        welsh.widget.attrs["lang"] = "cy"
        form.fields[welsh_name(spec.name)] = welsh
        instance = getattr(form, "instance", None)
        if isinstance(form, forms.ModelForm) and instance is not None and instance.pk:
            form.initial.setdefault(welsh_name(spec.name), getattr(instance, welsh_name(spec.name)))
        _pair_in_layout(form.helper.layout, spec.name)


def _pair_in_layout(layout: LayoutObject, name: str) -> bool:
    """Replace the layout object of ``name`` by a grid row: English on the left, Welsh on the
    right (stacked on a narrow screen)."""
    for index, item in enumerate(layout.fields):
        if isinstance(item, str):
            if item == name:
                layout.fields[index] = _row(item, welsh_name(item))
                return True
            continue
        if getattr(item, "fields", None) == [name]:
            welsh = copy.deepcopy(item)
            welsh.fields = [welsh_name(name)]
            layout.fields[index] = _row(item, welsh)
            return True
        if hasattr(item, "fields") and _pair_in_layout(item, name):
            return True
    return False


def _row(english, welsh) -> Div:
    return Div(
        Div(english, css_class="govuk-grid-column-one-half"),
        Div(welsh, css_class="govuk-grid-column-one-half", lang="cy"),
        css_class="govuk-grid-row",
    )


def welsh_initial(instance, fields: list[Welsh]) -> dict:
    """The Welsh values of an instance, for a form's initial data."""
    return {welsh_name(spec.name): getattr(instance, welsh_name(spec.name)) for spec in fields}


def welsh_changes(cleaned_data: dict, fields: list[Welsh]) -> dict:
    """The Welsh values a bound form posted (an emptied Welsh field clears the Welsh)."""
    return {
        welsh_name(spec.name): (cleaned_data[welsh_name(spec.name)] or "").strip() or None
        for spec in fields
        if welsh_name(spec.name) in cleaned_data
    }


# Labels the forms share.
TITLE = Welsh("title", _("Title (English)"), "Teitl (Cymraeg)")
