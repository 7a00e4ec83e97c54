"""Load the shipped indicator catalogue and Victims' Code rights from CSV (safe to re-run), with
their Welsh names where the models have translated fields."""

import csv
import re
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist

from membership.reference_data import bilingual

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_victims_code_rights(VictimsCodeRight) -> int:
    rows = read_csv("victims_code_rights.csv")
    for row in rows:
        VictimsCodeRight.objects.update_or_create(
            number=int(row["number"]),
            defaults={
                **bilingual(
                    VictimsCodeRight,
                    "short_title",
                    row["short_title"].strip(),
                    row["short_title_cy"].strip(),
                ),
                **bilingual(
                    VictimsCodeRight, "summary", row["summary"].strip(), row["summary_cy"].strip()
                ),
            },
        )
    return len(rows)


def load_indicators(Indicator, AgencyType, VictimsCodeRight) -> int:
    rows = read_csv("indicators.csv")
    types = {t.slug: t for t in AgencyType.objects.all()}
    rights = {r.number: r for r in VictimsCodeRight.objects.all()}
    for row in rows:
        # "Victims' Code: ... (Right 4)" or "(Rights 6 and 9)": link to the first right named.
        match = re.search(r"\(Rights? (\d+)", row["name"])
        right = rights.get(int(match.group(1))) if match else None
        Indicator.objects.update_or_create(
            slug=row["slug"].strip(),
            defaults={
                **bilingual(Indicator, "name", row["name"].strip(), row["name_cy"].strip()),
                **bilingual(
                    Indicator, "definition", row["definition"].strip(), row["definition_cy"].strip()
                ),
                "unit": row["unit"].strip(),
                "polarity": row["polarity"].strip(),
                "frequency": row["usual_frequency"].strip(),
                "responsible_agency_type": types[row["responsible_agency_type"].strip()],
                "source": row["source"].strip(),
                "is_core": True,
                "victims_code_right": right,
                **_basis(Indicator, row.get("basis", "")),
            },
        )
    return len(rows)


def _basis(Indicator, basis: str) -> dict:
    """Whether a measure is local (no national one is published), where the model has the
    field (a historical model in an early migration does not)."""
    try:
        Indicator._meta.get_field("is_local_measure")
    except FieldDoesNotExist:
        return {}
    return {"is_local_measure": basis.strip() == "local"}
