"""{% table_scroll %}: every table sits in a focusable region named after its caption, so a wide
table scrolls inside its own box on a phone and keyboard users can scroll it."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_a_table_is_wrapped_in_a_focusable_region_named_after_its_caption():
    out = render(
        '{% table_scroll %}<table class="govuk-table"><caption class="x">Actions of '
        "{{ who }}</caption><tr><td>1</td></tr></table>{% endtable_scroll %}",
        who="Tom & Jerry",
    )
    assert out.strip().startswith('<div class="app-table-scroll" role="region"')
    assert 'aria-label="Actions of Tom &amp; Jerry"' in out
    assert 'tabindex="0"' in out
    assert '<caption class="x">Actions of Tom &amp; Jerry</caption>' in out


def test_a_label_can_be_given_for_a_table_without_a_caption():
    out = render("{% table_scroll label %}<table></table>{% endtable_scroll %}", label="Figures")
    assert 'aria-label="Figures"' in out


def test_a_table_with_neither_caption_nor_label_is_a_mistake_in_the_template():
    with pytest.raises(TemplateSyntaxError):
        render("{% table_scroll %}<table></table>{% endtable_scroll %}")


def test_an_empty_label_falls_back_to_the_caption():
    out = render(
        "{% table_scroll label %}<table><caption>Objectives</caption></table>{% endtable_scroll %}",
        label="",
    )
    assert 'aria-label="Objectives"' in out
