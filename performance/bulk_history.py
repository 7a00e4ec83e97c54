"""Many new rows and their history in a few statements (figure imports of thousands of rows).

``simple_history.utils.bulk_create_with_history`` builds a historical model instance for every
row, in Python, and inserts those: for a 10,000-row import most of the time went there. Here
the history rows are copied from the rows just inserted by one ``INSERT … SELECT`` per batch,
with the same values that ``bulk_create_with_history`` gives them (a "+" record, one moment,
the person who saved). A history model with fields this does not know how to fill falls back
to ``bulk_create_with_history``.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

BATCH = 1000
_FILLED_HERE = {"history_id", "history_date", "history_change_reason", "history_type"}


def _history_columns(model: type[Model]) -> list[tuple[str, str]] | None:
    """(history column, the row's column) for every tracked field; None if the history model
    has a field other than those and the usual history_* ones."""
    history = model.history.model
    pairs = [
        (history._meta.get_field(field.name).column, field.column)
        for field in model._meta.concrete_fields
    ]
    known = {field.name for field in model._meta.concrete_fields} | _FILLED_HERE
    known.add("history_user")
    if any(field.name not in known for field in history._meta.concrete_fields):
        return None
    return pairs


def bulk_create_with_history_rows(objs: list[Model], model: type[Model], *, by) -> list[Model]:
    """``bulk_create`` the objects, then add a creation record of each to the model's history."""
    columns = _history_columns(model)
    if columns is None or not connection.features.can_return_rows_from_bulk_insert:
        return bulk_create_with_history(objs, model, batch_size=BATCH, default_user=by)
    created = model.objects.bulk_create(objs, batch_size=BATCH)
    history = model.history.model
    quote = connection.ops.quote_name
    user_column = history._meta.get_field("history_user").column
    names = ", ".join(quote(target) for target, _ in columns)
    sources = ", ".join(quote(source) for _, source in columns)
    pk_column = quote(model._meta.pk.column)
    now = timezone.now()
    with connection.cursor() as cursor:
        for start in range(0, len(created), BATCH):
            pks = [obj.pk for obj in created[start : start + BATCH]]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} "  # noqa: S608 - names from _meta
                f"({names}, history_date, history_change_reason, history_type, "
                f"{quote(user_column)}) "
                f"SELECT {sources}, %s, NULL, '+', %s FROM {quote(model._meta.db_table)} "
                f"WHERE {pk_column} IN ({', '.join(['%s'] * len(pks))})",
                [now, by.pk if by is not None else None, *pks],
            )
    return created
