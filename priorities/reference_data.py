"""Load the shipped priority themes from CSV, with their Welsh names (safe to re-run)."""

import csv
from pathlib import Path

from membership.reference_data import bilingual

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_themes(Theme) -> int:
    rows = read_csv("priority_themes.csv")
    for row in rows:
        Theme.objects.update_or_create(
            slug=row["slug"].strip(),
            defaults={
                **bilingual(Theme, "name", row["name"].strip(), row["name_cy"].strip()),
                **bilingual(
                    Theme, "description", row["description"].strip(), row["description_cy"].strip()
                ),
                "source": row["source"].strip(),
            },
        )
    return len(rows)
