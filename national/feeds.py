"""An Atom feed per bulletin series: public bulletins only (``Bulletin.objects.public()``)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from national.models import Bulletin, BulletinSeries


class SeriesFeed(Feed):
    feed_type = Atom1Feed
    login_required = False  # public: LoginRequiredMiddleware reads this attribute of the view

    def get_object(self, request, series):
        return get_object_or_404(BulletinSeries, slug=series)

    def title(self, obj):
        return obj.name

    def subtitle(self, obj):
        return obj.description or _("Bulletins published by %(who)s.") % {"who": obj.publisher}

    def author_name(self, obj):
        return obj.publisher

    def link(self, obj):
        return reverse("national:series", args=[obj.slug])

    def items(self, obj):
        return (
            Bulletin.objects.public()
            .filter(series=obj)
            .select_related("series")
            .order_by("-published_at")[:30]
        )

    def item_title(self, item: Bulletin):
        return f"{item}: {item.title}"

    def item_description(self, item: Bulletin):
        return Truncator(item.introduction).words(60)

    def item_link(self, item: Bulletin):
        return reverse("national:bulletin", args=[item.series.slug, item.number])

    def item_pubdate(self, item: Bulletin):
        return item.published_at

    def item_updateddate(self, item: Bulletin):
        return item.published_at

    def item_guid(self, item: Bulletin):
        return f"bulletin:{item.pk}"
