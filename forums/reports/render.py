"""Report templates rendered to tagged PDF (WeasyPrint) or to self-contained HTML."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _print_css() -> str:
    path = finders.find("reports/print.css")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_pdf_document(
    *,
    template: str,
    context: dict,
    marking: str = "",
    running_title: str = "",
    page_numbers: bool = True,
):
    """Render a template to a WeasyPrint document (tagged, titled, in British English)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, {"service_name": settings.SERVICE_NAME, **context})
    marks = "@page {"
    if marking:
        marks += f" @top-right {{ content: {_css_string(marking)}; }}"
    if running_title:
        marks += f" @bottom-left {{ content: {_css_string(running_title)}; }}"
    if not page_numbers:
        marks += " @bottom-right { content: none; }"
    marks += " }"
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[CSS(string=_print_css()), CSS(string=marks)], pdf_tags=True
    )


def render_pdf(**kwargs) -> bytes:
    document = render_pdf_document(**kwargs)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_html(*, template: str, context: dict) -> bytes:
    """A self-contained HTML file (the print stylesheet inline) for publishing on a website."""
    return render_to_string(
        template,
        {"service_name": settings.SERVICE_NAME, "inline_css": _print_css(), **context},
    ).encode()
