"""A notification's emails rendered once for all its recipients, then made personal.

Everything ``notify`` renders is the same for every recipient but the recipient: the email
templates greet them by name (``recipient.full_name``, or ``recipient.email`` when there is no
name). Rendering both templates for each of thousands of people was most of the time a
meeting reminder took, so each pair is rendered once with a stand-in recipient whose name and
email are markers, and each person's copy is that text with their own name and email put back,
escaped exactly as the template would have escaped them (a marker ends in ``&``, so it shows
whether it was escaped where it appears). Whether a person has a name is part of what is
rendered once (the fallback to the email is the template's own). The first person of each kind
is also rendered in full and must match their copy exactly. A template that reads anything
else about the recipient, changes a marker (a filter on the name) or does not match is
rendered for each person, as before.
"""

from __future__ import annotations

import secrets

from django.template.loader import get_template
from django.utils.html import escape


class _StandIn:
    """Every recipient at once: a name and an email that are markers; notes any other use."""

    def __init__(self, *, full_name: str, email: str):
        self.full_name = full_name
        self.email = email
        self.__dict__["other_use"] = False

    def __getattr__(self, name):  # only for attributes it does not have
        self.__dict__["other_use"] = True
        raise AttributeError(name)

    def __str__(self):
        self.__dict__["other_use"] = True
        return ""


class Renderer:
    """The ``<template>.txt`` and ``<template>.html`` of one notification, for each recipient."""

    def __init__(self, template: str, context: dict):
        self.templates = (get_template(f"{template}.txt"), get_template(f"{template}.html"))
        self.context = context
        core = f"lcjb{secrets.token_hex(8)}"
        self.name_marker, self.email_marker = f"{core}n&", f"{core}e&"
        self.core = core
        self.shared: dict[bool, tuple[str, str] | None] = {}

    def _render(self, recipient) -> tuple[str, str]:
        context = {**self.context, "recipient": recipient}
        return tuple(template.render(context) for template in self.templates)

    def _once(self, person) -> tuple[str, str] | None:
        """The pair rendered once for everyone shaped like ``person`` (named or not), if its
        copy for ``person`` is exactly what rendering for them gives; None otherwise."""
        stand_in = _StandIn(
            full_name=self.name_marker if person.full_name else "", email=self.email_marker
        )
        shared = self._render(stand_in)
        if stand_in.other_use:
            return None
        for body in shared:
            if body.lower().count(self.core) != body.count(self.name_marker) + body.count(
                self.email_marker
            ):
                return None  # a marker changed on its way (upper case, a filter): not ours
        if tuple(self._personal(body, person) for body in shared) != self._render(person):
            return None
        return shared

    def bodies(self, person) -> tuple[str, str]:
        """(text, html) as rendering the templates for ``person`` gives them."""
        named = bool(person.full_name)
        if named not in self.shared:
            self.shared[named] = self._once(person)
        shared = self.shared[named]
        if shared is None:
            return self._render(person)
        return tuple(self._personal(body, person) for body in shared)

    def _personal(self, body: str, person) -> str:
        for marker, value in (
            (self.name_marker, person.full_name),
            (self.email_marker, person.email),
        ):
            body = body.replace(marker[:-1] + "&amp;", escape(value)).replace(marker, value)
        return body
