"""Load the shipped reference data (police force areas, agency types) from CSV.

Used by data migrations with historical models, and by the demo seeder; safe to run again
(rows are matched by their code or slug and updated). Each file carries its Welsh beside the
English (``name_cy`` and so on), loaded into the translated fields where the model has them.
"""

import csv
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def bilingual(model, field: str, english: str, welsh: str = "") -> dict[str, str | None]:
    """The English for ``field`` (and its ``_en`` twin) and the Welsh for its ``_cy`` twin, for
    the twins the model has: a historical model in an early migration has neither. A missing
    Welsh text is left empty, so the page says it is only in English."""
    values: dict[str, str | None] = {field: english}
    for language, text in (("en", english), ("cy", welsh)):
        try:
            twin = model._meta.get_field(f"{field}_{language}")
        except FieldDoesNotExist:
            continue
        values[twin.name] = text or (None if twin.null else "")
    return values


def fill_welsh(model, rows: list[dict[str, str]], key: str, columns: dict[str, str]) -> int:
    """Only the Welsh: each row's Welsh (``columns`` maps a field to its CSV column) into the
    model's ``<field>_cy`` columns, rows matched by ``key``; the English is left as it is (a
    site admin may have edited it). For the data migration after a model gains Welsh columns."""
    for row in rows:
        model._base_manager.filter(**{key: row[key].strip()}).update(
            **{f"{field}_cy": row[column].strip() or None for field, column in columns.items()}
        )
    return len(rows)


def _yes(value: str) -> bool:
    return value.strip().lower() == "yes"


def police_force_area_rows() -> list[dict[str, str]]:
    rows = read_csv("police_force_areas.csv")
    for row in rows:
        if row["pcc_title"].strip().lower().startswith("none"):
            # The City of London has no PCC: the governance model gives the title.
            row["pcc_title"] = row["pcc_title_cy"] = ""
    return rows


def load_police_force_areas(PoliceForceArea) -> int:
    rows = police_force_area_rows()
    for row in rows:
        model = row["governance_model"].strip()
        title, title_cy = row["pcc_title"].strip(), row["pcc_title_cy"].strip()
        PoliceForceArea.objects.update_or_create(
            code=row["code"].strip(),
            defaults={
                **bilingual(PoliceForceArea, "name", row["name"].strip(), row["name_cy"].strip()),
                "force_name": row["force_name"].strip(),
                "country": row["country"].strip(),
                "region": row["region"].strip(),
                "governance_model": model,
                **bilingual(PoliceForceArea, "local_policing_body_title", title, title_cy),
                "notes": row["notes"].strip(),
            },
        )
    return len(rows)


def load_agency_types(AgencyType) -> int:
    rows = read_csv("agency_types.csv")
    for row in rows:
        AgencyType.objects.update_or_create(
            slug=row["slug"].strip(),
            defaults={
                **bilingual(AgencyType, "name", row["name"].strip(), row["name_cy"].strip()),
                "statutory_cj_body": _yes(row["statutory_cj_body"]),
                "core_member_expected": _yes(row["core_member_expected"]),
                "advisory_only": _yes(row["advisory_only"]),
                "notes": row["notes"].strip(),
            },
        )
    return len(rows)
