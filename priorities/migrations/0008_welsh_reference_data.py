from django.db import migrations

from membership.reference_data import fill_welsh
from priorities.reference_data import read_csv


def welsh_names(apps, schema_editor):
    """The Welsh names and descriptions of the shipped priority themes; and the sources that an
    unquoted comma in the first CSV cut short ("... (HMIC"), given in full."""
    Theme = apps.get_model("priorities", "Theme")
    rows = read_csv("priority_themes.csv")
    fill_welsh(Theme, rows, "slug", {"name": "name_cy", "description": "description_cy"})
    for row in rows:
        source = row["source"].strip()
        for theme in Theme._base_manager.filter(slug=row["slug"].strip()):
            if theme.source and theme.source != source and source.startswith(theme.source):
                theme.source = source
                theme.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0006_welsh_reference_data"),
        ("priorities", "0007_welsh_columns"),
    ]

    operations = [migrations.RunPython(welsh_names, migrations.RunPython.noop)]
