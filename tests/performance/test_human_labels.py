"""Breakdowns read in words: a dimension or group given as a code in a return's file
("offence_group", "sexual_offences") shows as "Offence group", "Sexual offences"."""

import pytest

from performance.templatetags.performance_tags import human_label


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("offence_group", "Offence group"),
        ("sexual_offences", "Sexual offences"),
        ("female", "Female"),
        ("Ethnicity of victim", "Ethnicity of victim"),
        ("BAME", "BAME"),
        ("18-24", "18-24"),
        ("", ""),
        (None, ""),
    ],
)
def test_codes_become_words_and_words_stay(given, shown):
    assert human_label(given) == shown
