"""Report templates rendered to tagged PDF (WeasyPrint) or to self-contained HTML."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _print_css() -> str:
    path = finders.find("reports/print.css")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# How a security marking looks at the head and foot of a page (generated and stamped alike).
MARKING_STYLE = (
    "font-size: 9pt; font-weight: bold; color: #0b0c0c; letter-spacing: 0.5pt; white-space: nowrap;"
)


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
    """Render a template to a WeasyPrint document (tagged, titled, in British English), with
    ``marking`` (the security marking of its most sensitive content) at the head and foot of
    every page."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, {"service_name": settings.SERVICE_NAME, **context})
    marks = "@page {"
    if marking:
        # The security marking heads and foots every page, the cover included.
        box = f"content: {_css_string(marking)}; {MARKING_STYLE}"
        marks += f" @top-center {{ {box} }} @bottom-center {{ {box} }}"
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


def render_marking_page(*, marking: str, width: float, height: float) -> bytes:
    """A blank page of the given size (in points) with the marking at its head and foot: the
    stamp laid over each page of an uploaded PDF merged into a pack."""
    from weasyprint import CSS, HTML

    box = f"content: {_css_string(marking)}; {MARKING_STYLE}"
    css = (
        f"@page {{ size: {width:.2f}pt {height:.2f}pt; margin: 8mm 10mm;"
        f" @top-center {{ {box} }} @bottom-center {{ {box} }} }}"
    )
    return HTML(string="<!doctype html><html lang='en-GB'><body></body></html>").write_pdf(
        stylesheets=[CSS(string=css)]
    )
