"""The read-replica option: an anonymous public page reads from the replica, anything else
from the primary (the router and the middleware, without a second server)."""

import pytest
from django.test import RequestFactory
from django.urls import resolve

from lcjb.replica import REPLICA, PublicPagesFromReplicaMiddleware, PublicReadsRouter
from membership.models import User

pytestmark = pytest.mark.django_db


def _reads_during(request) -> str | None:
    seen = {}

    def view(request):
        seen["db"] = PublicReadsRouter().db_for_read(User)
        return None

    request.resolver_match = resolve(request.path)

    def get_response(req):
        middleware.process_view(req, view, (), {})
        return view(req)

    middleware = PublicPagesFromReplicaMiddleware(get_response)
    middleware(request)
    return seen["db"]


def test_an_anonymous_public_page_reads_from_the_replica(forum):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(f"/forums/{forum.slug}/")
    request.user = AnonymousUser()
    assert _reads_during(request) == REPLICA


def test_a_signed_in_page_or_a_form_post_reads_from_the_primary(forum, member):
    from django.contrib.auth.models import AnonymousUser

    signed_in = RequestFactory().get(f"/forums/{forum.slug}/")
    signed_in.user = member
    assert _reads_during(signed_in) is None
    post = RequestFactory().post(f"/forums/{forum.slug}/")
    post.user = AnonymousUser()
    assert _reads_during(post) is None


def test_after_the_request_reads_go_to_the_primary_again(forum):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(f"/forums/{forum.slug}/")
    request.user = AnonymousUser()
    _reads_during(request)
    assert PublicReadsRouter().db_for_read(User) is None
    assert PublicReadsRouter().allow_migrate(REPLICA, "forums") is False
