"""Load the shipped priority themes from CSV (safe to re-run)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_themes(Theme) -> int:
    with (DATA_DIR / "priority_themes.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        Theme.objects.update_or_create(
            slug=row["slug"].strip(),
            defaults={
                "name": row["name"].strip(),
                "description": row["description"].strip(),
                "source": row["source"].strip(),
            },
        )
    return len(rows)
