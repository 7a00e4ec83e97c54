"""The public API shows the public record and nothing else, as its own schema says.

The crawl starts at /api/ and follows every address the answers give (lists page by page,
each row's detail), checking each answer against the OpenAPI schema, and that none of the
world's secrets (a confidential, a restricted and an unpublished item, an OFFICIAL-SENSITIVE
paper, draft and circulated minutes, a private forum, a member who did not agree to be named,
unpublished figures, a draft priority) appears anywhere.
"""

import json
import re

import pytest
from django.test import Client
from jsonschema import Draft202012Validator

from lcjb.api.docs import schema
from tests.lcjb.api_world import build_api_world

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
API_LINK = re.compile(r'"(http://testserver/api/[^"]*)"')


@pytest.fixture
def world():
    return build_api_world()


def crawl(client: Client, page_size: int = 20) -> dict[str, dict]:
    """Every API address reachable from /api/ → its JSON (lists asked for in small pages)."""
    root = client.get("/api/").json()
    queue = [f"{url}?page_size={page_size}" for url in root["endpoints"].values()]
    seen = {"/api/": root}
    while queue:
        url = queue.pop()
        path = url.removeprefix(BASE)
        if path in seen or path.startswith(("/api/schema/", "/api/docs/")):
            continue
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        assert response["Content-Type"] == "application/json"
        seen[path] = response.json()
        queue.extend(API_LINK.findall(response.content.decode()))
    return seen


def schema_for(path: str) -> dict:
    """The response schema the OpenAPI document gives for this address."""
    spec = schema()
    bare = path.split("?")[0]
    for template, operations in spec["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), bare):
            found = operations["get"]["responses"]["200"]["content"]["application/json"]
            return {"$ref": found["schema"]["$ref"], "components": spec["components"]}
    raise AssertionError(f"{path} is not in the schema")


def test_every_answer_shows_only_the_public_record(world):
    answers = crawl(Client())
    everything = json.dumps(answers)
    for text in world.public:
        assert text in everything, text
    for secret in world.secrets:
        assert secret not in everything, f"{secret!r} reached the API"
    lists = [path for path in answers if "?" in path]
    assert {path.split("?")[0] for path in lists} == {
        f"/api/{prefix}/"
        for prefix in answers["/api/"]["endpoints"]  # every list was read
    }
    for path in lists:
        assert answers[path]["results"], f"{path} is empty: the world misses a row for it"
    assert any("page=2" in path for path in answers), "no list was followed to its next page"


def test_every_answer_matches_the_schema_and_carries_last_updated(world):
    for path, body in crawl(Client(), page_size=50).items():
        assert body["last_updated"], path
        if path == "/api/":
            continue
        Draft202012Validator(schema_for(path)).validate(body)
        spec = schema_for(path)
        component = spec["components"]["schemas"][spec["$ref"].rsplit("/", 1)[-1]]
        if "results" in body:
            row = component["properties"]["results"]["items"]["$ref"].rsplit("/", 1)[-1]
            fields = spec["components"]["schemas"][row]["properties"]
            assert all(set(result) == set(fields) for result in body["results"]), path
        else:
            assert set(body) == set(component["properties"]), path


def test_a_public_paper_gives_the_address_anyone_can_download_it_from(world, client):
    papers = client.get("/api/papers/").json()["results"]
    download = papers[0]["download"].removeprefix(BASE)
    assert client.get(download).status_code == 200


def test_an_unchanged_answer_is_not_sent_again(world, client):
    first = client.get("/api/meetings/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/api/meetings/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get("/api/meetings/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.get("/api/meetings/", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    zipped = client.get("/api/meetings/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    again = client.get(
        "/api/meetings/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"]
    )
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_change_to_the_public_record_changes_the_answer(world, client):
    first = client.get(f"/api/forums/{world.forum.slug}/")
    world.forum.public_summary = "A new summary"
    world.forum.save(update_fields=["public_summary"])
    again = client.get(f"/api/forums/{world.forum.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["public_summary"] == "A new summary"


def test_other_sites_may_read_but_not_write(world, client):
    read = client.get("/api/forums/", HTTP_ORIGIN="https://example.org")
    assert read["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in read["Access-Control-Allow-Methods"]
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(client, method)(f"/api/forums/{world.forum.slug}/", {})
        assert refused.status_code == 405, method
        assert not refused.has_header("Access-Control-Allow-Origin")
    assert client.post("/api/forums/", {}).status_code == 405
    preflight = client.options(
        "/api/forums/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_filters_narrow_a_list(world, client):
    other = build_api_world(prefix="Other ")
    slug = world.forum.slug
    meetings = client.get("/api/meetings/", {"forum": slug}).json()["results"]
    assert meetings and {m["forum"] for m in meetings} == {slug}
    assert client.get("/api/meetings/", {"forum": other.forum.slug}).json()["count"] == 1
    assert client.get("/api/meetings/", {"from_date": "2999-01-01"}).json()["count"] == 0
    area = world.forum.areas.get().code
    assert client.get("/api/forums/", {"area": area}).json()["count"] >= 2
    assert client.get("/api/priorities/", {"theme": "no-such-theme"}).json()["count"] == 0
    assert client.get("/api/priorities/", {"theme": "victims_and_witnesses"}).json()["count"]


def test_the_documentation_lists_every_endpoint_and_loads_nothing_from_elsewhere(world, client):
    page = client.get("/api/docs/").content.decode()
    for prefix in client.get("/api/").json()["endpoints"]:
        assert f"/api/{prefix}/" in page
    assert "from_date" in page
    assert "&quot;last_updated&quot;: &quot;2026-04-01T10:00:00+01:00&quot;" in page  # a sample
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page), "loads nothing from elsewhere"
    assert 'href="/api/docs/"' in client.get("/").content.decode()  # the footer links to it
    assert client.get("/api/schema/").json()["openapi"].startswith("3.")


def test_a_forum_names_its_public_parent_and_public_sub_groups(world, client):
    from forums.models import Forum
    from tests.forums.factories import ForumFactory

    board = world.forum
    public = ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=board, slug="victims-sub-group")
    ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=board, slug="hidden-sub-group", private=True)
    answer = client.get(f"/api/forums/{board.slug}/").json()
    assert answer["sub_groups"] == ["victims-sub-group"]
    assert answer["parent"] is None
    assert client.get(f"/api/forums/{public.slug}/").json()["parent"] == board.slug
