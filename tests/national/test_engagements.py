"""National engagements: a policy lead consults national groups and local policing bodies in
confidence; nothing reaches anyone outside the audience until the lead releases it."""

import csv
import datetime
import html
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forums.models import Confidentiality, Forum, Membership, Paper
from national.models import (
    Engagement,
    EngagementPaper,
    EngagementPaperDownload,
    EngagementQuestion,
    EngagementResponse,
    Release,
)
from national.models_cascade import CascadeItem, CascadeRecipient
from national.services_engagements import (
    engagement_open,
    engagement_paper_upload,
    release_set,
    response_agree,
    response_save,
    response_submit,
)
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    days_from_today,
    pdf_bytes,
)
from tests.membership.factories import AgencyFactory, UserFactory, agency_type
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
TITLE = "Draft victims' funding formula review"
PAPER = "Options for the funding formula"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def seat(forum, role, slug="pcc", person=None):
    return MembershipFactory(
        forum=forum,
        role=role,
        agency=AgencyFactory(agency_type=agency_type(slug)),
        **({"person": person} if person else {}),
    ).person


@pytest.fixture
def lead():
    return UserFactory(is_national_viewer=True, full_name="Pat Lead")


@pytest.fixture
def group(secretariat, lead):
    """The APCC victims standing group: Cleveland's secretariat and a national officer (its
    secretariat), and a member who is national staff."""
    group = ForumFactory(
        name="APCC victims standing group",
        slug="apcc-victims",
        kind=Forum.Kind.NATIONAL_GROUP,
        is_public=False,
    )
    seat(group, Membership.Role.MEMBER, person=secretariat)
    MembershipFactory(forum=group, role=Membership.Role.SECRETARIAT, agency=None)
    return group


@pytest.fixture
def outsider_body(other_forum):
    """The secretariat of Durham's local policing body: not in the audience of a group-only
    engagement."""
    return seat(other_forum, Membership.Role.SECRETARIAT)


def make_engagement(lead, *, groups=(), all_bodies=False, status=Engagement.Status.OPEN):
    engagement = Engagement.objects.create(
        title=TITLE,
        department="Ministry of Justice",
        stage=Engagement.Stage.EARLY_DEVELOPMENT,
        background="We are reviewing how victims' services funding is shared.",
        deadline=days_from_today(21),
        all_policing_bodies=all_bodies,
        status=status,
        created_by=lead,
    )
    engagement.leads.add(lead)
    engagement.audience_groups.set(groups)
    EngagementQuestion.objects.create(engagement=engagement, position=1, text="Is it fair?")
    EngagementQuestion.objects.create(engagement=engagement, position=2, text="What else?")
    return engagement


def add_paper(engagement, lead, content=None, title=PAPER):
    return engagement_paper_upload(
        engagement=engagement,
        by=lead,
        upload=SimpleUploadedFile("options.pdf", content or pdf_bytes(title)),
        title=title,
        in_scope=True,
    )


@pytest.fixture
def engagement(lead, group):
    engagement = make_engagement(lead, groups=[group])
    add_paper(engagement, lead)
    return engagement


def urls(engagement, slug="apcc-victims"):
    pk = engagement.pk
    paper = engagement.papers.first().pk
    question = engagement.questions.first().pk
    return [
        reverse("national:engagement", args=[pk]),
        reverse("national:engagement-edit", args=[pk]),
        reverse("national:engagement-question-add", args=[pk]),
        reverse("national:engagement-question-edit", args=[pk, question]),
        reverse("national:engagement-open", args=[pk]),
        reverse("national:engagement-close", args=[pk]),
        reverse("national:engagement-paper-upload", args=[pk]),
        reverse("national:engagement-paper-download", args=[pk, paper]),
        reverse("national:engagement-paper-release", args=[pk, paper]),
        reverse("national:engagement-paper-to-agenda", args=[pk, paper]),
        reverse("national:engagement-downloads", args=[pk]),
        reverse("national:engagement-release", args=[pk]),
        reverse("national:engagement-respond", args=[pk, slug]),
        reverse("national:engagement-submit", args=[pk, slug]),
        reverse("national:engagement-responses", args=[pk]),
        reverse("national:engagement-export", args=[pk, "csv"]),
        reverse("national:engagement-outcome", args=[pk]),
    ]


def test_every_engagement_url_sends_the_public_to_sign_in(client, engagement):
    for url in [*urls(engagement), reverse("national:engagements")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/" in response.url, url
    agree = reverse("national:engagement-agree", args=[engagement.pk, "apcc-victims"])
    assert "/accounts/" in client.post(agree).url


def test_a_body_outside_the_audience_and_the_boards_members_get_404(
    client, engagement, outsider_body, member, advisory_member, other_forum_member
):
    for person in (outsider_body, member, advisory_member, other_forum_member):
        client.force_login(person)
        for url in urls(engagement):
            assert client.get(url).status_code == 404, (person, url)
        assert TITLE not in text_of(client.get(reverse("national:engagements")))


def test_a_national_viewer_who_does_not_lead_it_gets_404(client, engagement):
    client.force_login(UserFactory(is_national_viewer=True))
    assert client.get(reverse("national:engagement", args=[engagement.pk])).status_code == 404


def test_the_audience_reads_it_but_only_the_lead_runs_it(client, engagement, secretariat):
    client.force_login(secretariat)
    page = text_of(client.get(reverse("national:engagement", args=[engagement.pk])))
    assert TITLE in page and "Is it fair?" in page and PAPER in page
    assert "Strictly confidential" in page
    for name in ("engagement-edit", "engagement-responses", "engagement-release"):
        url = reverse(f"national:{name}", args=[engagement.pk])
        assert client.get(url).status_code == 403, name


def test_a_draft_is_the_leads_alone(client, lead, group, secretariat):
    draft = make_engagement(lead, groups=[group], status=Engagement.Status.DRAFT)
    client.force_login(secretariat)
    assert client.get(reverse("national:engagement", args=[draft.pk])).status_code == 404
    client.force_login(lead)
    assert client.get(reverse("national:engagement", args=[draft.pk])).status_code == 200


def test_the_lead_starts_an_engagement_and_opening_it_emails_only_the_audience(
    client,
    lead,
    group,
    secretariat,
    chair,
    member,
    outsider_body,
    django_capture_on_commit_callbacks,
):
    client.force_login(lead)
    response = client.post(
        reverse("national:engagement-create"),
        {
            "title": TITLE,
            "department": "Ministry of Justice",
            "stage": "early_development",
            "background": "Why we ask.",
            "deadline": days_from_today(30).isoformat(),
            "audience_groups": [group.pk],
        },
    )
    engagement = Engagement.objects.get(title=TITLE)
    assert response.url == reverse("national:engagement", args=[engagement.pk])
    assert list(engagement.leads.all()) == [lead]
    client.post(
        reverse("national:engagement-question-add", args=[engagement.pk]),
        {"text": "Does the formula work for rural areas?"},
    )
    assert engagement.questions.get().text == "Does the formula work for rural areas?"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("national:engagement-open", args=[engagement.pk]))
    engagement.refresh_from_db()
    assert engagement.status == Engagement.Status.OPEN
    told = {address for message in mail.outbox for address in message.to}
    group_members = set(
        Membership.objects.filter(forum=group).values_list("person__email", flat=True)
    )
    assert told == group_members
    assert secretariat.email in told
    assert not told & {chair.email, member.email, outsider_body.email, lead.email}


def test_an_engagement_for_every_body_emails_the_staff_of_every_local_board(
    lead, secretariat, chair, member, outsider_body, django_capture_on_commit_callbacks
):
    engagement = make_engagement(lead, all_bodies=True, status=Engagement.Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        engagement_open(engagement=engagement, by=lead)
    told = {address for message in mail.outbox for address in message.to}
    assert told == {secretariat.email, chair.email, outsider_body.email}


def test_the_engagement_form_needs_an_audience(client, lead):
    client.force_login(lead)
    response = client.post(
        reverse("national:engagement-create"),
        {
            "title": TITLE,
            "department": "Home Office",
            "stage": "testing",
            "deadline": days_from_today(30).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Choose at least one national group, or every local policing body" in (text_of(response))
    assert TITLE in text_of(response)


# --- papers ----------------------------------------------------------------------------------


def test_a_paper_declared_out_of_scope_is_refused_and_what_was_typed_is_kept(
    client, lead, engagement
):
    client.force_login(lead)
    response = client.post(
        reverse("national:engagement-paper-upload", args=[engagement.pk]),
        {
            "title": "Security services briefing on extremism",
            "file": SimpleUploadedFile("brief.pdf", pdf_bytes("Brief")),
            "declaration": "out_of_scope",
        },
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "touches judicial or prosecutorial independence or national security" in page
    assert 'value="Security services briefing on extremism"' in page
    assert "govuk-error-message" in page
    assert engagement.papers.count() == 1


def test_the_paper_form_refuses_a_file_of_the_wrong_type(client, lead, engagement):
    client.force_login(lead)
    response = client.post(
        reverse("national:engagement-paper-upload", args=[engagement.pk]),
        {
            "title": "Notes",
            "file": SimpleUploadedFile("notes.exe", b"MZ\x90\x00" * 50),
            "declaration": "in_scope",
        },
    )
    assert "The file must be a PDF" in text_of(response)


def test_every_download_is_recorded_and_the_lead_sees_the_log(
    client, lead, engagement, secretariat
):
    paper = engagement.papers.get()
    client.force_login(secretariat)
    response = client.get(
        reverse("national:engagement-paper-download", args=[engagement.pk, paper.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert EngagementPaperDownload.objects.get().person == secretariat
    client.force_login(lead)
    log = client.get(reverse("national:engagement-downloads", args=[engagement.pk]))
    assert secretariat.full_name in text_of(log)


# --- release ---------------------------------------------------------------------------------


def test_released_to_boards_the_audience_bodies_board_members_read_it_from_the_date(
    client, lead, engagement, member, other_forum_member
):
    url = reverse("national:engagement", args=[engagement.pk])
    release_set(
        engagement=engagement, by=lead, release=Release.BOARDS, released_from=days_from_today(3)
    )
    client.force_login(member)
    assert client.get(url).status_code == 404
    release_set(
        engagement=engagement, by=lead, release=Release.BOARDS, released_from=days_from_today(0)
    )
    page = text_of(client.get(url))
    assert TITLE in page and PAPER in page
    assert "Strictly confidential" not in page
    assert TITLE in text_of(client.get(reverse("national:engagements")))
    # Durham's board is not an audience body; the public page shows nothing released to boards.
    client.force_login(other_forum_member)
    assert client.get(url).status_code == 404
    public = reverse("national:engagement-public", args=[engagement.pk])
    assert client.get(public).status_code == 404


def test_a_paper_released_alone_shows_the_paper_but_not_the_engagement(
    client, lead, engagement, member
):
    paper = engagement.papers.get()
    release_set(
        engagement=engagement,
        by=lead,
        release=Release.BOARDS,
        released_from=days_from_today(0),
        paper=paper,
    )
    client.force_login(member)
    page = text_of(client.get(reverse("national:engagement", args=[engagement.pk])))
    assert PAPER in page
    assert TITLE not in page and "Is it fair?" not in page


def test_publicly_released_material_is_on_its_public_page_only(client, lead, engagement):
    public = reverse("national:engagement-public", args=[engagement.pk])
    assert client.get(public).status_code == 404
    paper = engagement.papers.get()
    release_set(
        engagement=engagement,
        by=lead,
        release=Release.PUBLIC,
        released_from=days_from_today(0),
        paper=paper,
    )
    page = text_of(client.get(public))
    assert PAPER in page and TITLE not in page
    download = client.get(
        reverse("national:engagement-public-paper", args=[engagement.pk, paper.pk])
    )
    assert download.status_code == 200
    assert EngagementPaperDownload.objects.get().person is None
    release_set(
        engagement=engagement, by=lead, release=Release.PUBLIC, released_from=days_from_today(0)
    )
    page = text_of(client.get(public))
    assert TITLE in page and "Is it fair?" in page
    for elsewhere in ("/", "/feeds/", "/data/", "/national/", "/api/meetings/"):
        response = client.get(elsewhere)
        assert TITLE not in text_of(response), elsewhere


def test_an_unreleased_paper_cannot_go_on_a_board_agenda(client, lead, engagement, secretariat):
    paper = engagement.papers.get()
    item = AgendaItemFactory(
        meeting=MeetingFactory(forum=Forum.objects.get(slug="cleveland-cjb")), title="Victims"
    )
    url = reverse("national:engagement-paper-to-agenda", args=[engagement.pk, paper.pk])
    client.force_login(secretariat)
    response = client.post(url, {"agenda_item": item.pk})
    assert response.status_code == 200
    assert "has not been released yet" in text_of(response)
    assert not Paper.objects.exists()
    release_set(
        engagement=engagement, by=lead, release=Release.BOARDS, released_from=days_from_today(0)
    )
    response = client.post(url, {"agenda_item": item.pk})
    assert response.status_code == 302
    copied = Paper.objects.get()
    assert copied.agenda_item == item and copied.title == PAPER
    assert copied.confidentiality == Confidentiality.CONFIDENTIAL
    assert copied.current_version.sha256 == paper.sha256


def test_a_byte_identical_copy_of_an_unreleased_paper_cannot_be_uploaded_to_an_agenda(
    client, lead, engagement, secretariat, forum
):
    content = engagement.papers.get().file.open("rb").read()
    meeting = MeetingFactory(forum=forum)
    item = AgendaItemFactory(meeting=meeting)
    url = reverse("meetings:workspace-paper-upload", args=[forum.slug, meeting.pk, item.pk])
    client.force_login(secretariat)
    response = client.post(
        url,
        {
            "title": "Funding",
            "classification": "official",
            "file": SimpleUploadedFile("renamed.pdf", content),
        },
    )
    assert response.status_code == 200
    assert "confidential national engagement paper that has not been released" in (
        text_of(response)
    )
    assert not Paper.objects.exists()
    other = client.post(
        url,
        {
            "title": "Funding",
            "classification": "official",
            "file": SimpleUploadedFile("other.pdf", pdf_bytes("Something else")),
        },
    )
    assert other.status_code == 302 and Paper.objects.count() == 1


# --- responses -------------------------------------------------------------------------------


@pytest.fixture
def consulted(lead, group, secretariat, chair, outsider_body):
    """Open to every body and to the group: Cleveland answered with a local perspective, the
    group agreed a collective response, Durham has not answered."""
    engagement = make_engagement(lead, groups=[group], all_bodies=True)
    first, second = engagement.questions.all()
    cleveland = Forum.objects.get(slug="cleveland-cjb")
    body = response_save(
        engagement=engagement,
        respondent=cleveland,
        by=secretariat,
        steers={first.pk: "Cleveland says fair", second.pk: "Cleveland says rural"},
        local_perspective="Our partners worry about witness care.",
    )
    response_submit(response=body, by=chair)
    collective = response_save(
        engagement=engagement,
        respondent=group,
        by=secretariat,
        steers={first.pk: "Group says unfair"},
    )
    response_agree(response=collective, by=secretariat)
    group_secretary = Membership.objects.get(forum=group, role="secretariat").person
    response_submit(response=collective, by=group_secretary)
    return engagement


def test_a_body_drafts_and_submits_through_the_pages(client, lead, secretariat, chair):
    engagement = make_engagement(lead, all_bodies=True)
    first, second = engagement.questions.all()
    url = reverse("national:engagement-respond", args=[engagement.pk, "cleveland-cjb"])
    client.force_login(secretariat)
    client.post(url, {f"q{first.pk}": "Yes", "local_perspective": "Partners agree."})
    response = EngagementResponse.objects.get()
    assert response.local_perspective == "Partners agree."
    assert not response.is_submitted
    client.force_login(chair)
    client.post(reverse("national:engagement-submit", args=[engagement.pk, "cleveland-cjb"]))
    response.refresh_from_db()
    assert response.is_submitted and response.submitted_by == chair


def test_a_group_response_needs_agreement_and_its_chair_or_secretariat_to_submit(
    client, lead, group, secretariat
):
    engagement = make_engagement(lead, groups=[group])
    first = engagement.questions.first()
    url = reverse("national:engagement-respond", args=[engagement.pk, group.slug])
    client.force_login(secretariat)  # a member of the group, not its secretariat
    client.post(url, {f"q{first.pk}": "Collective view"})
    submit = reverse("national:engagement-submit", args=[engagement.pk, group.slug])
    assert client.get(submit).status_code == 403
    client.post(reverse("national:engagement-agree", args=[engagement.pk, group.slug]))
    response = EngagementResponse.objects.get()
    assert [a.person for a in response.agreements.all()] == [secretariat]
    group_secretary = Membership.objects.get(forum=group, role="secretariat").person
    client.force_login(group_secretary)
    client.post(submit)
    response.refresh_from_db()
    assert response.is_submitted
    # A change after agreement would have cleared it: shown on the page as who agreed.
    page = text_of(client.get(url))
    assert secretariat.full_name in page


def test_the_lead_sees_responses_side_by_side_and_who_has_not_responded(
    client, lead, consulted, secretariat
):
    client.force_login(lead)
    page = client.get(reverse("national:engagement-responses", args=[consulted.pk]))
    text = text_of(page)
    for expected in (
        "Cleveland says fair",
        "Cleveland says rural",
        "Group says unfair",
        "Our partners worry about witness care.",
        secretariat.full_name,  # who agreed the group's response
        "Durham Criminal Justice Board",  # not responded
    ):
        assert expected in text, expected


def test_the_export_has_a_column_per_respondent(client, lead, consulted):
    client.force_login(lead)
    response = client.get(reverse("national:engagement-export", args=[consulted.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(text_of(response))))
    assert rows[0] == [
        "Question",
        "APCC victims standing group",
        "Cleveland Criminal Justice Board",
    ]
    assert rows[1] == ["Is it fair?", "Group says unfair", "Cleveland says fair"]
    assert rows[-1] == ["Not responded", "Durham Criminal Justice Board"]
    from openpyxl import load_workbook

    xlsx = client.get(reverse("national:engagement-export", args=[consulted.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B2"].value == "Group says unfair"


def test_the_outcome_is_read_by_the_audience(client, lead, consulted, secretariat):
    client.force_login(lead)
    client.post(
        reverse("national:engagement-outcome", args=[consulted.pk]),
        {"outcome": "You said rural areas lose out; we added a rurality factor."},
    )
    client.force_login(secretariat)
    page = text_of(client.get(reverse("national:engagement", args=[consulted.pk])))
    assert "we added a rurality factor" in page


def test_the_side_by_side_page_issues_the_same_queries_whatever_the_responses(
    client, lead, consulted
):
    client.force_login(lead)
    url = reverse("national:engagement-responses", args=[consulted.pk])
    before = queries_for(client, url)
    for number in range(3):
        board = ForumFactory(name=f"Extra board {number}", slug=f"extra-{number}")
        staff = seat(board, Membership.Role.SECRETARIAT)
        EngagementQuestion.objects.create(engagement=consulted, position=5 + number, text="More?")
        response = response_save(
            engagement=consulted,
            respondent=board,
            by=staff,
            steers={q.pk: "Yes" for q in consulted.questions.all()},
        )
        response_submit(response=response, by=staff)
    assert queries_for(client, url) == before


def test_the_home_page_lists_engagements_awaiting_a_response(client, lead, engagement, secretariat):
    client.force_login(secretariat)
    page = text_of(client.get(reverse("forums:workspace")))
    assert "Engagements" in page and TITLE in page
    group = Forum.objects.get(slug="apcc-victims")
    response = EngagementResponse.objects.create(
        engagement=engagement, respondent=group, status=EngagementResponse.Status.SUBMITTED
    )
    assert response.pk
    assert TITLE not in text_of(client.get(reverse("forums:workspace")))


def test_the_papers_are_kept_out_of_scope_in_the_model(engagement):
    assert EngagementPaper.objects.get().declared_in_scope


def test_everyone_the_opening_e_mail_goes_to_can_open_the_engagement(
    client, lead, group, secretariat, chair, member, outsider_body
):
    """The e-mail's recipients and the pages' audience are the same people."""
    from national.selectors_engagements import audience_people, engagements_for

    engagement = make_engagement(lead, groups=[group], all_bodies=True)
    emailed = set(audience_people(engagement))
    assert emailed >= {secretariat, chair, outsider_body}
    assert member not in emailed
    for person in emailed:
        assert engagements_for(person).filter(pk=engagement.pk).exists(), person
    assert not engagements_for(member).filter(pk=engagement.pk).exists()


# --- the outcome sent to boards' forward plans (the cascade) ---------------------------------
# Only once the engagement is released: before that it is confidential to its audience, and a
# board's members would read it on their forward plan.
OUTCOME = "We kept the floor for small areas, as most of you asked."


def _next_month() -> datetime.date:
    return (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def _with_outcome(engagement):
    engagement.outcome = OUTCOME
    engagement.save()
    return engagement


def _send(client, engagement, forum):
    return client.post(
        reverse("national:cascade-send-engagement", args=[engagement.pk]),
        {
            "purpose": "information",
            "summary": "What the Ministry did with your answers.",
            "consider_by": _next_month().isoformat(),
            "send_to": "picked",
            "boards": [forum.pk],
        },
    )


def test_an_unreleased_outcome_cannot_be_sent_and_the_lead_is_told_why(
    client, lead, engagement, forum
):
    _with_outcome(engagement)
    client.force_login(lead)
    response = _send(client, engagement, forum)
    assert response.status_code == 302
    assert response.url == reverse("national:engagement", args=[engagement.pk])
    page = text_of(client.get(response.url))
    assert "once the engagement is released to the boards or the public" in page
    assert not CascadeItem.objects.exists()


def test_only_the_engagements_lead_may_send_its_outcome(client, lead, engagement, forum):
    _with_outcome(engagement)
    release_set(
        engagement=engagement, by=lead, release=Release.BOARDS, released_from=timezone.localdate()
    )
    client.force_login(UserFactory(is_national_viewer=True))
    assert _send(client, engagement, forum).status_code == 404
    assert not CascadeItem.objects.exists()


def test_a_released_outcome_reaches_the_board_and_its_members_follow_it_to_the_engagement(
    client, lead, engagement, forum, secretariat, member
):
    _with_outcome(engagement)
    release_set(
        engagement=engagement, by=lead, release=Release.BOARDS, released_from=timezone.localdate()
    )
    client.force_login(lead)
    page = text_of(client.get(reverse("national:engagement", args=[engagement.pk])))
    assert "Send the outcome to boards' forward plans" in page
    response = _send(client, engagement, forum)
    item = CascadeItem.objects.get()
    assert response.url == reverse("national:cascade-item", args=[item.pk])
    assert item.source_kind == CascadeItem.Source.ENGAGEMENT_OUTCOME
    assert item.engagement == engagement and not item.is_public

    recipient = CascadeRecipient.objects.get(forum=forum)
    client.force_login(secretariat)
    client.post(reverse("national:cascade-accept", args=[forum.slug, recipient.pk]))
    # A member of the board reads the item and may follow it: the engagement is released to
    # the members of the audience bodies' boards.
    client.force_login(member)
    page = text_of(
        client.get(reverse("national:cascade-board-item", args=[forum.slug, recipient.pk]))
    )
    engagement_url = reverse("national:engagement", args=[engagement.pk])
    assert engagement_url in page
    assert client.get(engagement_url).status_code == 200
