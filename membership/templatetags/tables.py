"""{% table_scroll %}, available in every template (``builtins`` in the settings): a table that
fits a phone by scrolling inside its own labelled, focusable box (components/table_scroll.html)."""

import html
import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags

register = template.Library()

CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)


def caption_of(table: str) -> str:
    """The text of a rendered table's caption, which names its scrolling region."""
    found = CAPTION.search(table)
    return " ".join(html.unescape(strip_tags(found.group(1))).split()) if found else ""


class TableScrollNode(template.Node):
    def __init__(self, label, nodelist):
        self.label = label
        self.nodelist = nodelist

    def render(self, context):
        table = self.nodelist.render(context)
        label = (self.label.resolve(context) if self.label else "") or caption_of(table)
        if not label:
            raise template.TemplateSyntaxError("{% table_scroll %} needs a caption or a label")
        context_data = {"label": label, "table": table}
        return render_to_string("components/table_scroll.html", context_data)


@register.tag
def table_scroll(parser, token):
    """{% table_scroll %}<table …><caption …>…</caption>…</table>{% endtable_scroll %}: the
    region is named after the table's caption; {% table_scroll label %} names it otherwise (a table
    without a caption, or one repeated on a page: region names must differ), or by the caption
    when ``label`` is empty."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("{% table_scroll %} takes at most one label")
    nodelist = parser.parse(("endtable_scroll",))
    parser.delete_first_token()
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    return TableScrollNode(label, nodelist)
