"""The Welsh of the demo's boards in Wales: their public text is held in both languages.

The demo writes each text in English; for a bilingual board (every board in Wales) it also
fills the Welsh column (``<field>_cy``) from the table below. A board elsewhere gets English
only, as it would in life. Every English text a Welsh board uses must have its Welsh here (a
missing one fails the seeder loudly rather than leaving a page half in English).
"""

import datetime

from django.utils import formats, translation

WELSH_BOARDS = frozenset({"south-wales-cjb", "all-wales-cjb", "south-wales-reducing-reoffending"})

WELSH = {
    # Forums
    "South Wales Criminal Justice Board": "Bwrdd Cyfiawnder Troseddol De Cymru",
    "All-Wales Criminal Justice Board": "Bwrdd Cyfiawnder Troseddol Cymru Gyfan",
    "South Wales Reducing Reoffending Sub-group": "Is-grŵp Lleihau Aildroseddu De Cymru",
    # Meetings
    "Board meeting": "Cyfarfod y bwrdd",
    "Extraordinary meeting": "Cyfarfod eithriadol",
    "Police and Crime Commissioner's office, conference room": (
        "Swyddfa'r Comisiynydd Heddlu a Throseddu, yr ystafell gynadledda"
    ),
    # Agenda items (and the public title of a confidential one)
    "Matters arising and actions carried forward": (
        "Materion yn codi a chamau gweithredu sy'n parhau"
    ),
    "Performance report: shared measures": "Adroddiad perfformiad: mesurau cyffredin",
    "Victims' Code compliance": "Cydymffurfio â'r Cod Dioddefwyr",
    "Court recovery and trial readiness": "Adfer y llysoedd a bod yn barod ar gyfer treialon",
    "Youth custody case review": "Adolygu achosion plant yn y ddalfa",
    "Youth justice update": "Y diweddaraf am gyfiawnder ieuenctid",
    "Serious violence operation briefing": "Briff am ymgyrch yn erbyn trais difrifol",
    # Minutes
    "The chair welcomed members and noted apologies.": (
        "Croesawodd y cadeirydd yr aelodau a nododd yr ymddiheuriadau."
    ),
    "The minutes of the previous meeting were agreed as a true record.": (
        "Cytunwyd bod cofnodion y cyfarfod blaenorol yn gofnod cywir."
    ),
    "The board reviewed the action log. Overdue actions were discussed with their owners and "
    "new dates agreed where needed.": (
        "Adolygodd y bwrdd y cofnod o gamau gweithredu. Trafodwyd y camau hwyr gyda'u "
        "perchnogion a chytunwyd ar ddyddiadau newydd lle bo angen."
    ),
    "The board noted improvement in the timeliness of charging decisions and asked for a "
    "breakdown by offence type at the next meeting.": (
        "Nododd y bwrdd fod penderfyniadau cyhuddo yn cael eu gwneud yn fwy prydlon, a gofynnodd "
        "am ddadansoddiad yn ôl math o drosedd yn y cyfarfod nesaf."
    ),
    "Compliance with the right to be kept informed remains below target. Agencies agreed to a "
    "joint audit of victim contact.": (
        "Mae cydymffurfiaeth â'r hawl i gael gwybodaeth am yr achos yn dal yn is na'r targed. "
        "Cytunodd yr asiantaethau i gynnal archwiliad ar y cyd o'r cyswllt â dioddefwyr."
    ),
    "HMCTS reported the outstanding Crown Court caseload. The board agreed to monitor "
    "ineffective trials due to prosecution witness absence.": (
        "Rhoddodd Gwasanaeth Llysoedd a Thribiwnlysoedd EF adroddiad ar yr achosion sydd heb eu "
        "cwblhau yn Llys y Goron. Cytunodd y bwrdd i fonitro treialon aneffeithiol oherwydd "
        "absenoldeb tystion yr erlyniad."
    ),
    "Members discussed the learning from two recent cases in confidence. Partners agreed to "
    "share information earlier.": (
        "Trafododd yr aelodau y gwersi o ddau achos diweddar yn gyfrinachol. Cytunodd y "
        "partneriaid i rannu gwybodaeth yn gynharach."
    ),
    "The police briefed named members on the operation.": (
        "Rhoddodd yr heddlu friff i'r aelodau a enwyd am yr ymgyrch."
    ),
    "Discussed.": "Trafodwyd.",
    # Decisions
    "Agreed a joint audit of victim contact, led by CPS.": (
        "Cytunwyd ar archwiliad ar y cyd o'r cyswllt â dioddefwyr, dan arweiniad Gwasanaeth "
        "Erlyn y Goron."
    ),
    "Agreed to share information about children at risk of custody earlier.": (
        "Cytunwyd i rannu gwybodaeth yn gynharach am blant sydd mewn perygl o gael eu rhoi yn "
        "y ddalfa."
    ),
}


def is_welsh(forum) -> bool:
    """A bilingual board: every board in Wales is (forums/bilingual.py sets the flag)."""
    return forum.bilingual


def in_welsh(forum, **english) -> dict:
    """The fields as given and, for a board in Wales, each non-empty one's Welsh twin."""
    values = dict(english)
    if is_welsh(forum):
        for field, text in english.items():
            if text:
                values[f"{field}_cy"] = WELSH[text]
    return values


def public_summary_cy(name_cy: str) -> str:
    return (
        f"Mae {name_cy} yn dod â'r heddlu, yr erlynwyr, y llysoedd, y gwasanaeth prawf, "
        "cyfiawnder ieuenctid, y carchardai a'r gwasanaethau i ddioddefwyr ynghyd er mwyn i'r "
        "system gyfiawnder leol weithio'n well i ddioddefwyr, tystion a chymunedau."
    )


# Spelled out here because Django's own Welsh catalogue has "Gorffenaf" for July.
WELSH_MONTHS = (
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
)


def previous_minutes_title(forum, day: datetime.date) -> dict:
    """The agenda item that approves the last meeting's minutes, with its date in words."""
    with translation.override("en"):
        values = {"title": f"Minutes of the meeting on {formats.date_format(day, 'j F Y')}"}
    if is_welsh(forum):
        welsh_day = f"{day.day} {WELSH_MONTHS[day.month - 1]} {day.year}"
        values["title_cy"] = f"Cofnodion y cyfarfod ar {welsh_day}"
    return values
