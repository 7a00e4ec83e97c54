"""Demo bulletins (run from ``national.demo.seed``; safe to run again): the PCC Bulletin from the
national team, three numbered issues across themes with links, a file and a call for content
(one issue for local policing body offices only), and the North East board's own series, written
by its business manager, with one issue."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from forums.models import Forum, Membership
from membership import demo as people
from membership.models import Agency, User
from national.models import Bulletin, BulletinAttachment, BulletinSection, BulletinSeries
from priorities.models import Theme

GOV = "https://www.gov.uk/government/publications"

PCC_BULLETIN = [
    (
        15,
        "Victims first",
        Bulletin.Audience.PUBLIC,
        63,
        "This issue looks at the revised Victims' Code, the Crown Court backlog and what "
        "boards are doing to keep victims and witnesses engaged while they wait.",
        [
            (
                "The revised Victims' Code",
                "victims_code_compliance",
                "The Code sets out 12 rights. Local policing bodies monitor compliance and "
                "report it to the national Criminal Justice Board each year.",
                f"The Code of Practice for Victims of Crime | {GOV}/the-code-of-practice-for-"
                "victims-of-crime",
            ),
            (
                "Keeping witnesses engaged while they wait",
                "crown_court_backlog",
                "Three boards share how their Witness Care Units keep in touch with witnesses "
                "whose trials have been listed more than a year ahead.",
                "",
            ),
            (
                "Violence against women and girls: joint working",
                "vawg",
                "The national statement of expectations asks partners to commission jointly. "
                "Boards may wish to review who sits on their VAWG sub-groups.",
                f"Statement of expectations | {GOV}/violence-against-women-and-girls-national-"
                "statement-of-expectations",
            ),
        ],
    ),
    (
        16,
        "Preparing Victims' Code compliance returns",
        Bulletin.Audience.OFFICES,
        35,
        "For local policing body offices: how to prepare this year's Victims' Code compliance "
        "return, and the data template the national team will use.",
        [
            (
                "The compliance return, step by step",
                "victims_code_compliance",
                "Offices draw the figures from each agency's return, agree them at the board "
                "and submit them through the national reporting page before the end of May.",
                "",
            ),
            (
                "Office-only briefing: data template for Code compliance returns",
                "efficiency",
                "The attached template lists the measures for each right. Please do not "
                "circulate it beyond the office until the guidance is published.",
                "",
            ),
        ],
    ),
    (
        17,
        "Digital case files and reducing reoffending",
        Bulletin.Audience.PUBLIC,
        7,
        "Digital case files are now used in every area. This issue also brings good practice "
        "on reducing reoffending and a call for content for No 18.",
        [
            (
                "Digital case files in every area",
                "digitisation",
                "Police and CPS now exchange case files digitally in every force area. Boards "
                "are asked to monitor file quality through their performance returns.",
                f"Digital case file guidance | {GOV}/national-file-standard",
            ),
            (
                "What works in reducing reoffending",
                "reducing_reoffending",
                "Good practice from the library: the Durham checkpoint scheme and the Cardiff "
                "women's centre, with their evaluations.",
                "The good-practice library | https://lcjb.example/good-practice/",
            ),
            (
                "Public confidence in the criminal justice system",
                "public_confidence",
                "Boards that publish their performance and tell the public what was done "
                "score higher on confidence surveys.",
                "",
            ),
        ],
    ),
]

NORTH_EAST = (
    1,
    "Witness care across the North East",
    Bulletin.Audience.PUBLIC,
    10,
    "The first issue of the North East board's update: what the three local boards are doing "
    "together on witness care.",
    [
        (
            "One witness care standard for three areas",
            "victims_and_witnesses",
            "Cleveland, Durham and Northumbria have agreed one standard for contacting "
            "witnesses before trial, and will report on it to the regional board each quarter.",
            "",
        ),
    ],
)

# A one-page PDF (no fonts, nothing to render): enough to show a file in a section.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed(*, stdout) -> None:
    national = User.objects.filter(email=people.demo_email("national")).first()
    if national is None:
        return
    series, _ = BulletinSeries.objects.update_or_create(
        slug="pcc-bulletin",
        defaults={
            "name": "PCC Bulletin",
            "publisher": "Association of Police and Crime Commissioners",
            "publisher_forum": None,
            "description": "News, policy and good practice for Police and Crime Commissioners, "
            "their offices and criminal justice partners.",
        },
    )
    for issue in PCC_BULLETIN:
        bulletin = _issue(series, national, *issue)
        if bulletin.number == 16:
            _attachment(bulletin.sections.order_by("position").last(), national)
        if bulletin.number == 17:
            _call_for_content(bulletin)
    region = Forum.objects.filter(slug="north-east-cjb", kind=Forum.Kind.REGIONAL_BOARD).first()
    if region is not None:
        manager = _regional_secretariat(region)
        regional, _ = BulletinSeries.objects.update_or_create(
            slug="north-east-update",
            defaults={
                "name": "North East Update",
                "publisher": region.name,
                "publisher_forum": region,
                "description": "What the North East's three local boards do together.",
            },
        )
        _issue(regional, manager, *NORTH_EAST)
    stdout.write(f"  bulletins: {Bulletin.objects.count()} in {BulletinSeries.objects.count()}")


def _issue(series, author, number, title, audience, days_ago, introduction, sections):
    issued_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    bulletin, created = Bulletin.objects.get_or_create(
        series=series,
        number=number,
        defaults={
            "title": title,
            "issued_on": issued_on,
            "audience": audience,
            "introduction": introduction,
            "created_by": author,
            "published_at": timezone.make_aware(
                datetime.datetime.combine(issued_on, datetime.time(9, 30))
            ),
        },
    )
    if created or not bulletin.sections.exists():
        themes = {theme.slug: theme for theme in Theme.objects.national()}
        for position, (heading, theme, body, links) in enumerate(sections):
            BulletinSection.objects.create(
                bulletin=bulletin,
                position=position,
                heading=heading,
                theme=themes.get(theme),
                body=body,
                links=links,
            )
    return bulletin


def _attachment(section, by) -> None:
    if section is None or section.attachments.exists():
        return
    attachment = BulletinAttachment(
        section=section,
        title="Victims' Code compliance return: data template",
        file_name="victims-code-return-template.pdf",
        content_type="application/pdf",
        size=len(DEMO_PDF),
        sha256=hashlib.sha256(DEMO_PDF).hexdigest(),
        uploaded_by=by,
    )
    attachment.file.save(attachment.file_name, ContentFile(DEMO_PDF), save=False)
    attachment.save()


def _call_for_content(bulletin) -> None:
    if not bulletin.call_for_content:
        bulletin.call_for_content = (
            "Tell us what your board has done on witness care or remand this year: a "
            "paragraph and a contact are enough."
        )
        bulletin.call_closes_on = timezone.localdate() + datetime.timedelta(days=21)
        bulletin.save(update_fields=["call_for_content", "call_closes_on"])


def _regional_secretariat(region) -> User:
    """The North East board's business manager: runs the board, so writes its series."""
    manager = people.person(
        "north-east-secretariat",
        "Sam Teesdale",
        "Business manager, North East Criminal Justice Board",
    )
    agency = (
        Agency.objects.filter(agency_type__slug="pcc", areas__code=people.CLEVELAND).first()
        or Agency.objects.filter(agency_type__slug="pcc").first()
    )
    Membership.objects.get_or_create(
        forum=region,
        person=manager,
        role=Membership.Role.SECRETARIAT,
        defaults={
            "agency": agency,
            "start_date": timezone.localdate() - datetime.timedelta(days=90),
        },
    )
    return manager
