"""{% bulletin_unsubscribe_url recipient series %}: a subscriber's signed link to stop a series."""

from django import template

from national.bulletin_mail import unsubscribe_url

register = template.Library()


@register.simple_tag
def bulletin_unsubscribe_url(recipient, series) -> str:
    # getattr with a default: rendered once for everyone (membership.rendering), the stand-in
    # recipient has no pk, which sends the e-mail to be rendered for each person instead.
    if getattr(recipient, "pk", None) is None:
        return ""
    return unsubscribe_url(person=recipient, series=series)
