"""Atom feeds of the good-practice library, one per theme: public entries only.

Built like ``forums.feeds``: a feed reads ``selectors.theme_feed_entries``, which reads only
``GoodPracticeEntry.objects.public()``, so a draft or partners-only entry never reaches a reader.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from priorities import selectors
from priorities.models import GoodPracticeEntry, Theme


class ThemeGoodPracticeFeed(Feed):
    """Good practice published for everyone on one theme, newest first."""

    feed_type = Atom1Feed
    login_required = False  # public: LoginRequiredMiddleware reads this attribute of the view
    author_name = _("Local criminal justice boards")

    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, obj):
        return gettext("Good practice: %(theme)s") % {"theme": obj.name}

    def subtitle(self, obj):
        return gettext("Good practice on %(theme)s shared by local criminal justice boards.") % {
            "theme": obj.name
        }

    def link(self, obj):
        return f"{reverse('priorities:good-practice')}?theme={obj.slug}"

    def items(self, obj):
        return selectors.theme_feed_entries(theme=obj)

    def item_title(self, item: GoodPracticeEntry):
        return item.title

    def item_description(self, item: GoodPracticeEntry):
        where = f"{item.area.name} ({item.get_evidence_level_display().lower()})."
        return f"{where} {Truncator(item.what_was_done).words(60)}"

    def item_link(self, item: GoodPracticeEntry):
        return reverse("priorities:good-practice-entry", args=[item.pk])

    def item_pubdate(self, item: GoodPracticeEntry):
        return item.published_at

    def item_updateddate(self, item: GoodPracticeEntry):
        return item.published_at

    def item_guid(self, item: GoodPracticeEntry):
        return f"good-practice:{item.pk}"
