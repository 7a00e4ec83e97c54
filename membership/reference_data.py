"""Load the shipped reference data (police force areas, agency types) from CSV.

Used by a data migration with historical models, and by the demo seeder; safe to run again
(rows are matched by their code or slug and updated).
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _yes(value: str) -> bool:
    return value.strip().lower() == "yes"


def load_police_force_areas(PoliceForceArea) -> int:
    rows = read_csv("police_force_areas.csv")
    for row in rows:
        model = row["governance_model"].strip()
        title = row["pcc_title"].strip()
        if title.lower().startswith("none"):
            title = ""  # the City of London has no PCC: the governance model gives the title
        PoliceForceArea.objects.update_or_create(
            code=row["code"].strip(),
            defaults={
                "name": row["name"].strip(),
                "force_name": row["force_name"].strip(),
                "country": row["country"].strip(),
                "region": row["region"].strip(),
                "governance_model": model,
                "local_policing_body_title": title,
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
                "name": row["name"].strip(),
                "statutory_cj_body": _yes(row["statutory_cj_body"]),
                "core_member_expected": _yes(row["core_member_expected"]),
                "advisory_only": _yes(row["advisory_only"]),
                "notes": row["notes"].strip(),
            },
        )
    return len(rows)
