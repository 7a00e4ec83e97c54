"""Words a reader sees on every page the site crawl reaches: no "(s)", no Django "---------" in
a drop-down, no doubled full stops ("paper.."), no raw field names such as "offence_group", and no
"by the chair by"."""

import re
from html.parser import HTMLParser

import pytest

from tests.lcjb.test_site_crawl import crawl_as, demo  # noqa: F401 (demo is a fixture)

pytestmark = pytest.mark.django_db

SLIPS = {
    '"(s)" instead of a real plural': re.compile(r"\w\(s\)"),
    "a doubled full stop": re.compile(r"(?<![.\w/])\w+\.\.(?!\.)|\w\.\.(?![.\w/])"),
    "a raw field name": re.compile(r"\b[a-z]+_[a-z0-9]+(?:_[a-z0-9]+)*\b"),
    '"by" twice': re.compile(r"\bby the chair by\b", re.I),
}
# Pages that document the values software reads (open data's dictionary and the API's
# documentation: "higher_is_better").
RAW_VALUES_DOCUMENTED = ("/data/", "/api/", "/cy/data/")
DASHES = re.compile(r"<option[^>]*>\s*-{3,}\s*</option>")


class VisibleText(HTMLParser):
    """The text a reader sees: not scripts, styles or attributes; e-mail and web addresses and
    file names are written as they are."""

    SKIP = {"script", "style", "code", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        self._skipping += tag in self.SKIP

    def handle_endtag(self, tag):
        self._skipping -= tag in self.SKIP and self._skipping > 0

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\S+\.(?:pdf|csv|json|xlsx|docx|odt|ics|atom)\b")


def visible_text(body: str) -> str:
    parser = VisibleText()
    parser.feed(body)
    return ADDRESS.sub(" ", " ".join(parser.parts))


@pytest.mark.parametrize("role", [None, "member", "secretariat", "chair", "submitter"], ids=str)
def test_pages_read_in_plain_consistent_words(demo, role):  # noqa: F811
    found = crawl_as(role)
    problems = []
    for url, body in found.bodies.items():
        if "<html" not in body[:300]:
            continue
        if DASHES.search(body):
            problems.append(f'{url}: a drop-down starts with "---------", not a prompt')
        text = visible_text(body)
        for slip, pattern in SLIPS.items():
            if slip == "a raw field name" and url.startswith(RAW_VALUES_DOCUMENTED):
                continue
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
                problems.append(f"{url}: {slip}: …{around}…")
    assert not problems, "\n".join(sorted(set(problems)))
