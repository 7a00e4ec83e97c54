from django.db import migrations

from membership.reference_data import fill_welsh
from performance.reference_data import read_csv


def welsh_names(apps, schema_editor):
    """The Welsh names and definitions of the shipped indicators and Victims' Code rights."""
    fill_welsh(
        apps.get_model("performance", "Indicator"),
        read_csv("indicators.csv"),
        "slug",
        {"name": "name_cy", "definition": "definition_cy"},
    )
    fill_welsh(
        apps.get_model("performance", "VictimsCodeRight"),
        read_csv("victims_code_rights.csv"),
        "number",
        {"short_title": "short_title_cy", "summary": "summary_cy"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0006_welsh_reference_data"),
        ("performance", "0006_welsh_columns"),
    ]

    operations = [migrations.RunPython(welsh_names, migrations.RunPython.noop)]
