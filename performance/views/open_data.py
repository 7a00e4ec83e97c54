"""Open data at stable URLs: CSV (streamed) and JSON per dataset, published figures only."""

import csv
import datetime
import io
import json
from decimal import Decimal

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from forums.access import public_forum_for
from forums.models import Forum
from performance import open_data_files, selectors

CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _decimal_text(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # A name typed by a user must not run as a spreadsheet formula (CSV injection).
        return "'" + value
    return value


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


# Column by column, what _text does to every cell, for a chunk of rows at once: the csv module
# already writes None as "" and numbers and dates (not date-times) as _text would.
_AS_WRITTEN = {type(None), int, float, datetime.date}


def _column_text(values: tuple) -> list | tuple:
    kinds = set(map(type, values))
    if kinds <= _AS_WRITTEN:
        return values
    if kinds <= {str, type(None)}:
        return [
            "'" + value if value and value.startswith(FORMULA_STARTS) else value for value in values
        ]
    if kinds <= {bool, type(None)}:
        return [None if value is None else "true" if value else "false" for value in values]
    if kinds <= {Decimal, type(None)}:
        return [None if value is None else _decimal_text(value) for value in values]
    return [_text(value) for value in values]


def _chunks(rows):
    """The rows in lists of up to CHUNK, read through a server-side cursor."""
    chunk = []
    for row in rows.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _csv_stream(columns, rows):
    """The header, then CHUNK rows at a time: a few large writes, not one per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _, _ in columns])
    for chunk in _chunks(rows):
        columns_of_chunk = zip(*chunk, strict=True)  # rows to columns and back
        writer.writerows(zip(*map(_column_text, columns_of_chunk), strict=True))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _json_stream(columns, rows, meta):
    names = [name for name, _, _ in columns]
    yield '{"meta": ' + json.dumps(meta) + ', "data": ['
    separator = ""
    for chunk in _chunks(rows):
        items = [
            json.dumps({name: _json_value(value) for name, value in zip(names, row, strict=True)})
            for row in chunk
        ]
        yield separator + ",".join(items)
        separator = ","
    yield "]}"


def _headers(response, filename: str, fmt: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def all_figures_csv_path():
    """The all-areas figures CSV on disk, written if the public record changed since."""
    columns = selectors.OPEN_FIGURE_COLUMNS
    return open_data_files.kept_file(
        "figures", "csv", lambda: _csv_stream(columns, selectors.open_figures())
    )


def _respond(dataset: str, fmt: str, rows, columns, filename: str, meta: dict):
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_stream(columns, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            _json_stream(columns, rows, meta), content_type="application/json"
        )
    return _headers(response, filename, fmt)


@login_not_required
@require_GET
def index(request):
    """The datasets, their downloads, a data dictionary and the date of the last update."""
    forums = (
        Forum.objects.public().filter(period_publications__isnull=False).distinct().order_by("name")
    )
    datasets = [
        {"key": key, "title": title, "description": description, "columns": columns}
        for key, (title, description, columns, _) in selectors.DATASETS.items()
    ]
    return render(
        request,
        "performance/open_data.html",
        {
            "datasets": datasets,
            "forums": forums,
            "last_updated": selectors.open_data_last_updated(),
        },
    )


@login_not_required
@require_GET
def dataset_file(request, dataset, fmt):
    if dataset not in selectors.DATASETS or fmt not in ("csv", "json"):
        raise Http404("No such dataset")
    title, description, columns, rows = selectors.DATASETS[dataset]
    if dataset == "figures" and fmt == "csv":
        # The large one: sent from the file written once per change of the public record.
        response = FileResponse(
            all_figures_csv_path().open("rb"), content_type="text/csv; charset=utf-8"
        )
        return _headers(response, dataset, fmt)
    with translation.override("en"):  # the files are for software: the same at every address
        meta = {"dataset": dataset, "title": str(title), "description": str(description)}
    return _respond(dataset, fmt, rows(), columns, dataset, meta)


@login_not_required
@require_GET
def forum_figures_file(request, slug, fmt):
    forum = public_forum_for(slug=slug, queryset=Forum.objects.prefetch_related("areas"))
    if fmt not in ("csv", "json"):
        raise Http404("No such format")
    meta = {
        "dataset": "figures",
        "title": f"Published figures of {forum.name}",  # for software: English at every address
        "forum": forum.slug,
    }
    return _respond(
        "figures",
        fmt,
        selectors.open_figures(forum=forum),
        selectors.OPEN_FIGURE_COLUMNS,
        f"{forum.slug}-figures",
        meta,
    )
