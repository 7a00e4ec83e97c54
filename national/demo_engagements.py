"""Demo for national engagements (issue 16), idempotent: the APCC's standing groups and the
APACE network with members, an early-stage engagement with a collective and an individual
response, and an implementation update released to the boards' members."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forums.models import Forum, Membership
from membership import demo as people
from membership.models import Agency, User
from national.models_engagement import (
    Engagement,
    EngagementQuestion,
    EngagementResponse,
    Release,
    ResponseAgreement,
    ResponseAnswer,
)
from national.services_engagements import engagement_paper_upload

Role = Membership.Role

GROUPS = [
    ("apcc-victims-group", "APCC victims standing group"),
    ("apcc-criminal-justice-group", "APCC criminal justice standing group"),
    ("apace-network", "APACE network"),
]

EARLY = "Victims' Code compliance: a new national reporting framework"
UPDATE = "Witness care standards: implementation update"


def _pdf(text: str) -> bytes:
    """A one-page PDF reading ``text`` (small, made by hand: demo only)."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _seat(forum: Forum, person: User, role: str, agency: Agency | None = None) -> None:
    if not Membership.objects.current().filter(forum=forum, person=person).exists():
        Membership.objects.create(forum=forum, person=person, role=role, agency=agency)


def _pcc_agency(person: User) -> Agency | None:
    seat = (
        Membership.objects.filter(person=person, forum__kind=Forum.Kind.LOCAL_BOARD)
        .select_related("agency")
        .first()
    )
    return seat.agency if seat else None


def _groups(chair: User, secretariat: User, durham: User | None, officer: User) -> list[Forum]:
    groups = []
    for slug, name in GROUPS:
        group, _ = Forum.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": Forum.Kind.NATIONAL_GROUP,
                "is_public": False,
                "meeting_frequency": Forum.Frequency.QUARTERLY,
                "public_summary": "",
            },
        )
        _seat(group, officer, Role.SECRETARIAT)
        groups.append(group)
    victims, criminal_justice, apace = groups
    _seat(victims, chair, Role.CHAIR, _pcc_agency(chair))
    _seat(victims, secretariat, Role.MEMBER, _pcc_agency(secretariat))
    _seat(apace, secretariat, Role.MEMBER, _pcc_agency(secretariat))
    if durham is not None:
        _seat(victims, durham, Role.MEMBER, _pcc_agency(durham))
        _seat(criminal_justice, durham, Role.MEMBER, _pcc_agency(durham))
    return groups


def _engagement(title: str, lead: User, questions: list[str], paper: str, **fields) -> Engagement:
    engagement, created = Engagement.objects.get_or_create(
        title=title, defaults={"created_by": lead, **fields}
    )
    if created:
        engagement.leads.add(lead)
        for position, text in enumerate(questions, start=1):
            EngagementQuestion.objects.create(engagement=engagement, position=position, text=text)
        engagement_paper_upload(
            engagement=engagement,
            by=lead,
            upload=SimpleUploadedFile(f"{paper.lower().replace(' ', '-')}.pdf", _pdf(paper)),
            title=paper,
            in_scope=True,
        )
    return engagement


def _response(engagement, respondent, steers, *, submitted_by, perspective="", agreed=()):
    response, created = EngagementResponse.objects.get_or_create(
        engagement=engagement,
        respondent=respondent,
        defaults={"local_perspective": perspective, "drafted_by": submitted_by},
    )
    if not created:
        return response
    for question, steer in zip(engagement.questions.all(), steers, strict=False):
        ResponseAnswer.objects.create(response=response, question=question, steer=steer)
    for person in agreed:
        ResponseAgreement.objects.create(response=response, person=person)
    response.status = EngagementResponse.Status.SUBMITTED
    response.submitted_by = submitted_by
    response.submitted_at = timezone.now()
    response.save()
    return response


def seed(*, stdout) -> None:
    cleveland = Forum.objects.filter(slug="cleveland-cjb").first()
    if cleveland is None:
        return
    today = timezone.localdate()
    lead = User.objects.get(email=people.demo_email("national"))
    chair = User.objects.get(email=people.demo_email("chair"))
    secretariat = User.objects.get(email=people.demo_email("secretariat"))
    durham = User.objects.filter(email=people.demo_email("durham-secretariat")).first()
    officer = people.person(
        "apcc-groups", "Tom Reid", "APCC standing groups officer", is_national_viewer=True
    )
    victims, _criminal_justice, _apace = _groups(chair, secretariat, durham, officer)

    early = _engagement(
        EARLY,
        lead,
        [
            "Would quarterly reporting of Victims' Code compliance work in your area?",
            "Which of the twelve rights are hardest to evidence locally?",
            "What support would your office need to collect the figures?",
        ],
        "Draft reporting framework for consultation",
        department="Ministry of Justice",
        stage=Engagement.Stage.EARLY_DEVELOPMENT,
        background="The Ministry is developing a national framework for local policing bodies "
        "to report compliance with the Victims' Code. We want your steers before drafting.",
        deadline=today + datetime.timedelta(days=21),
        all_policing_bodies=True,
        status=Engagement.Status.OPEN,
        opened_at=timezone.now(),
    )
    early.audience_groups.add(victims)
    _response(
        early,
        cleveland,
        [
            "Yes, if the figures come from the Witness Care Unit's case system.",
            "The right to be referred to victim support services.",
            "Analyst time for the first two quarters.",
        ],
        submitted_by=chair,
        perspective="The board's victims sub-group supports quarterly reporting but warns that "
        "the CPS and court figures arrive a quarter late.",
    )
    agreed = [person for person in (secretariat, durham) if person is not None]
    _response(
        early,
        victims,
        [
            "Quarterly is workable for most offices; start with six rights.",
            "Referral, and updates on the case after charge.",
        ],
        submitted_by=chair,
        agreed=agreed,
    )

    update = _engagement(
        UPDATE,
        lead,
        ["Are the revised standards in place in your area yet?"],
        "Witness care standards: implementation timetable",
        department="Ministry of Justice",
        stage=Engagement.Stage.IMPLEMENTATION_UPDATE,
        background="The revised witness care standards take effect in April. This update sets "
        "out the timetable and what local policing bodies are asked to check.",
        deadline=today + datetime.timedelta(days=35),
        all_policing_bodies=True,
        status=Engagement.Status.OPEN,
        opened_at=timezone.now(),
        release=Release.BOARDS,
        released_from=today - datetime.timedelta(days=7),
        outcome="You said the timetable was too tight for areas changing case systems; we have "
        "moved the start to April for everyone and published guidance on interim measures.",
        outcome_recorded_at=timezone.now(),
    )
    stdout.write(
        f"  national engagements: {Engagement.objects.count()} engagements, "
        f"{len(GROUPS)} national groups ({update.title} released to the boards)"
    )
