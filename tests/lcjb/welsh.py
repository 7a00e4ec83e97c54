"""Reading the Welsh catalogue and a page's visible text, for the Welsh tests."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po"
FRAGMENTS = sorted((ROOT / "locale" / "cy" / "fragments").glob("*.po"))


@dataclass
class Entry:
    msgid: str
    context: str = ""
    plural: str = ""
    translations: list[str] = field(default_factory=list)
    fuzzy: bool = False


def read_po(path: Path) -> list[Entry]:
    """The messages of a PO file (not its header, not obsolete entries)."""
    entries, entry, key, flags = [], None, None, ""

    def finish():
        if entry is not None and entry.msgid:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,"):
            flags = line
            continue
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
        else:
            value = ast.literal_eval(rest)
            if word == "msgctxt" or (word == "msgid" and key != "msgctxt"):
                finish()
                entry = Entry(msgid="", fuzzy="fuzzy" in flags)
                flags = ""
            key = word
        if key == "msgctxt":
            entry.context += value
        elif key == "msgid":
            entry.msgid += value
        elif key == "msgid_plural":
            entry.plural += value
        elif key.startswith("msgstr"):
            if not line.startswith('"'):
                entry.translations.append("")
            entry.translations[-1] += value
    finish()
    return entries


class VisibleText(HTMLParser):
    """The Welsh a person reads on a page: text nodes outside <script>, <style> and <template>,
    and the alternative texts and labels of elements, leaving out what is marked as in another
    language (``lang="en-GB"``: the switcher's "English", content that exists only in
    English)."""

    HIDDEN = {"script", "style", "template"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, leaves its text out)

    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        foreign = tag != "html" and lang is not None and not lang.startswith("cy")
        if not foreign and not self._skipping():
            for name in ("alt", "aria-label", "title", "placeholder"):
                if attrs.get(name):
                    self.texts.append(attrs[name])
        if tag not in self.VOID:
            self.open.append((tag, foreign or tag in self.HIDDEN))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts]


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%\{count\}|<[^>]+>")


def english_pieces(entries: list[Entry], *, min_words: int = 3) -> set[str]:
    """What of the catalogue's English would show on a page left untranslated: each message's
    fixed text between placeholders and tags, where it is long enough to mean something and
    its Welsh is different (very short messages and names like "API" are left out)."""
    pieces = set()
    for entry in entries:
        welsh = " ".join(entry.translations)
        for text in (entry.msgid, entry.plural):
            for piece in PLACEHOLDER.split(text.replace("%%", "%")):
                piece = " ".join(piece.split()).strip(" ,.:;()")
                if len(piece.split()) >= min_words and piece not in welsh:
                    pieces.add(piece)
    return pieces


def english_labels(entries: list[Entry]) -> set[str]:
    """Messages of one or two words ("Boards", "Sign out"): a text node that is exactly one of
    them, where its Welsh differs, is English left on the page."""
    return {
        entry.msgid
        for entry in entries
        if not PLACEHOLDER.search(entry.msgid)
        and len(entry.msgid.split()) <= 2
        and len(entry.msgid) >= 5
        and entry.msgid not in entry.translations
    }


def english_on_page(html: str, pieces: set[str], labels: set[str]) -> set[str]:
    found = set()
    for text in visible_texts(html):
        if text in labels:
            found.add(text)
        found.update(piece for piece in pieces if piece in text)
    return found
