"""The role × URL matrix: every URL name, the arguments that fill it, and who may open it.

Outcomes (what a person would notice):

- ``OK``: the page (2xx), or a redirect somewhere other than a sign-in page;
- ``LOGIN``: sent to sign in (the site's, or the admin's for /admin/);
- ``FORBIDDEN`` (403): the person has standing in the forum but may not do this;
- ``NOT_FOUND`` (404): no standing in the forum (its existence is not revealed), or an object
  the person may not see (a restricted paper they are not named on, another's report);
- ``BAD_REQUEST`` (400): an empty POST that the view refuses with a problem page.

A GET is sent unless a row says ``post=True``; a POST carries the row's ``data`` (empty unless
the row says otherwise) and shows what an empty or bare submission gets: refused, or accepted
or re-rendered with errors (``OK``).

The expectations follow the decisions of issue 10 and DESIGN.md's role table: no standing in
the forum is a 404 on every workspace URL of it (the site admin and the national viewer have no
seat, so they too); standing without the permission is a 403; public pages are open to all.
"""

from dataclasses import dataclass, field
from operator import attrgetter

from tests.lcjb.url_matrix_world import NEW_PERIOD, ROLES

OK = "OK"
LOGIN = "LOGIN"
FORBIDDEN = "FORBIDDEN"
NOT_FOUND = "NOT_FOUND"
BAD_REQUEST = "BAD_REQUEST"

SEATED_ROLES = ("member", "advisory", "submitter", "secretariat", "chair")
NO_STANDING = ("national", "site_admin", "other_forum")


def _with(base: dict, overrides: dict) -> dict:
    unknown = set(overrides) - set(ROLES)
    assert not unknown, f"not roles of the matrix: {unknown}"
    return {**base, **overrides}


def public(**overrides) -> dict:
    """Open to everyone, signed in or not."""
    return _with(dict.fromkeys(ROLES, OK), overrides)


def signed_in(**overrides) -> dict:
    """Anyone signed in (the person's own things, whatever their forums)."""
    return _with({**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}, overrides)


def seated(**overrides) -> dict:
    """Anyone with a current seat on the forum, data submitters included."""
    base = {"anonymous": LOGIN, **dict.fromkeys(SEATED_ROLES, OK)}
    return _with({**base, **dict.fromkeys(NO_STANDING, NOT_FOUND)}, overrides)


def members(**overrides) -> dict:
    """The forum's members (chair, member, advisory, secretariat); a data submitter is refused."""
    return seated(**{"submitter": FORBIDDEN, **overrides})


def runners(**overrides) -> dict:
    """Whoever runs the forum: the secretariat and the chair."""
    return members(**{"member": FORBIDDEN, "advisory": FORBIDDEN, **overrides})


def chair_only(**overrides) -> dict:
    """The chair alone (approving minutes and the annual evaluation)."""
    return runners(**{"secretariat": FORBIDDEN, **overrides})


def lit(value):
    """A literal URL argument (other arguments name an attribute of the world)."""
    return lambda world: value


@dataclass(frozen=True)
class Row:
    """One URL name (or a variant: another object, or a POST) and what each role gets."""

    name: str
    expect: dict
    kwargs: dict = field(default_factory=dict)
    post: bool = False
    data: dict = field(default_factory=dict)
    label: str = ""
    prime: str = ""  # a URL name to open first in the same session (an invitation link)

    @property
    def id(self) -> str:
        return (
            self.name + (f" [{self.label}]" if self.label else "") + (" POST" if self.post else "")
        )

    def url_kwargs(self, world) -> dict:
        return {key: _value(spec, world) for key, spec in self.kwargs.items()}

    def post_data(self, world) -> dict:
        return {key: _value(spec, world) for key, spec in self.data.items()}


def _value(spec, world):
    value = spec(world) if callable(spec) else attrgetter(spec)(world)
    return getattr(value, "pk", value)


def row(name, expect, *, post=False, data=None, label="", prime="", **kwargs) -> Row:
    """A row; ``kwargs`` are the URL's arguments, each an attribute path of the world or lit()."""
    return Row(name, expect, kwargs, post, data or {}, label, prime)


S = "slug"  # the forum of the matrix
CODE = "period_code"

ACCOUNTS = [
    row("healthz", public()),
    row("login", public()),
    row("logout", public(), post=True),
    row("password_reset", public()),
    row("password_reset_done", public()),
    row("password_reset_confirm", public(), uidb64="reset_uid", token="reset_token"),
    row("password_reset_complete", public()),
    row("account", signed_in()),
    row("password_change", signed_in()),
    row("two-factor", signed_in()),
    row("two-factor-verify", signed_in()),
    row("two-factor-backup-codes", signed_in()),
    row("stay-signed-in", signed_in(), post=True),
    row("sign-out-others", signed_in(), post=True),
    row("accessibility", public()),
    row("privacy", public()),
    row("cookies", public()),
    row("feeds:index", public()),
    row("feeds:all", public()),
    row("feeds:forum", public(), slug=S),
    row("membership:preferences", signed_in()),
    row("membership:notices", signed_in()),
    row("membership:notices-read-all", signed_in(), post=True),
    # A notice is its recipient's alone (the member's here).
    row(
        "membership:notice",
        signed_in(**dict.fromkeys(set(ROLES) - {"anonymous", "member"}, NOT_FOUND)),
        pk="notice",
    ),
]

FORUM = [
    row("forums:home", public()),
    row("forums:public-forum", public(), slug=S),
    row("forums:invitation-open", public(), token="invitation_token"),
    row("forums:invitation-accept", public(), prime="forums:invitation-open"),
    row("forums:workspace", signed_in()),
    row("forums:workspace-forum", seated(), slug=S),
    row("forums:forum-edit", runners(), slug=S),
    row("forums:audit", runners(), slug=S),
    # Only a seat round the table is named on the public page: the secretariat and a data
    # submitter have no public name to give (404, as for any seat the person does not hold).
    row("forums:public-name", seated(submitter=NOT_FOUND, secretariat=NOT_FOUND), slug=S),
    row("forums:membership-add", runners(), slug=S),
    row("forums:membership-detail", runners(), slug=S, pk="membership"),
    row("forums:membership-edit", runners(), slug=S, pk="membership"),
    row("forums:membership-end", runners(), slug=S, pk="membership"),
    row("forums:invitation-new", runners(), slug=S),
    row("forums:invitation-revoke", runners(), slug=S, pk="invitation"),
]

MEETING = {"slug": S, "pk": "meeting"}
ITEM = {**MEETING, "item_pk": "item"}
ENTRY = {**MEETING, "entry_pk": "entry"}
NAMED_ONLY = {"member": NOT_FOUND, "advisory": NOT_FOUND}  # restricted to the chair
DRAFT_ENTRY = {"slug": S, "pk": "draft_meeting", "entry_pk": "draft_entry"}
NOT_CIRCULATED = {"member": NOT_FOUND, "advisory": NOT_FOUND}  # draft minutes

MEETINGS = [
    row("meetings:workspace-list", members(), slug=S),
    row("meetings:workspace-schedule", runners(), slug=S),
    row("meetings:workspace-series", runners(), slug=S),
    row("meetings:workspace-decisions", members(), slug=S),
    # Decisions in writing: members read them; agencies that vote answer (the member for CPS,
    # the chair for the PCC; never the advisory member, nor the secretariat, who has no vote).
    row("meetings:public-procedures", public(), slug=S),
    row("meetings:workspace-procedures", members(), slug=S),
    row("meetings:workspace-procedure-start", runners(), slug=S),
    row("meetings:workspace-procedure", members(), slug=S, pk="procedure"),
    row(
        "meetings:workspace-procedure-respond",
        members(advisory=FORBIDDEN, secretariat=FORBIDDEN),
        slug=S,
        pk="procedure",
    ),
    row("meetings:workspace-procedure-paper-add", runners(), slug=S, pk="procedure"),
    row(
        "meetings:workspace-procedure-paper",
        members(),
        slug=S,
        pk="procedure",
        paper_pk="procedure_paper",
    ),
    row("meetings:workspace-procedure-close", runners(), slug=S, pk="procedure"),
    row("meetings:workspace-procedure-withdraw", runners(), slug=S, pk="procedure"),
    row("meetings:workspace-forward-plan", members(), slug=S),
    row("meetings:workspace-forward-plan", runners(), slug=S, post=True),
    row("meetings:workspace-forward-plan-change", runners(), slug=S, pk="forward_plan_item"),
    row("meetings:workspace-forward-plan-remove", runners(), slug=S, pk="forward_plan_item"),
    row("meetings:workspace-attendance-stats", members(), slug=S),
    row("meetings:workspace-escalations", members(), slug=S),
    row("meetings:workspace-escalation-raise", members(), slug=S),
    row("meetings:workspace-escalation-respond", runners(), slug=S, pk="escalation"),
    row("meetings:workspace-paper", members(), slug=S, paper_pk="paper"),
    # A new version of a paper is uploaded on its page, by whoever runs the forum.
    row("meetings:workspace-paper", runners(), slug=S, paper_pk="paper", post=True),
    row(
        "meetings:workspace-paper",
        members(**NAMED_ONLY),
        label="restricted",
        slug=S,
        paper_pk="restricted_paper",
    ),
    row("meetings:workspace-paper-download", members(), slug=S, paper_pk="paper"),
    row(
        "meetings:workspace-paper-download",
        members(**NAMED_ONLY),
        label="restricted",
        slug=S,
        paper_pk="restricted_paper",
    ),
    row("meetings:workspace-meeting", members(), **MEETING),
    row("meetings:workspace-meeting-edit", runners(), **MEETING),
    row("meetings:workspace-meeting-ics", members(), **MEETING),
    row("meetings:workspace-publish-agenda", runners(), post=True, **MEETING),
    row("meetings:workspace-held", runners(), post=True, **MEETING),
    row("meetings:workspace-publish-agenda", runners(), label="check", **MEETING),
    row("meetings:workspace-held", runners(), label="check", **MEETING),
    row("meetings:workspace-cancel", runners(), **MEETING),
    row("meetings:workspace-guests", runners(), **MEETING),
    row("meetings:workspace-guest-invite", runners(), **MEETING),
    row("meetings:workspace-guest-withdraw", runners(), guest_pk="guest", **MEETING),
    # A guest's link: whoever holds it sees the guest's item and its papers, nothing else.
    row("meetings:guest", public(), token="guest_token"),
    row("meetings:guest-paper", public(), token="guest_token", paper_pk="paper"),
    row(
        "meetings:guest-paper",
        public(**dict.fromkeys(ROLES, NOT_FOUND)),
        label="not theirs",
        token="guest_token",
        paper_pk="restricted_paper",
    ),
    row("meetings:workspace-item-add", runners(), **MEETING),
    row("meetings:workspace-item-edit", runners(), **ITEM),
    row("meetings:workspace-item-move", runners(), post=True, **ITEM),
    row(
        "meetings:workspace-item-accept",
        runners(),
        post=True,
        slug=S,
        pk="next_meeting",
        item_pk="proposed_item",
    ),
    row("meetings:workspace-item-remove", runners(), post=True, **ITEM),
    row("meetings:workspace-paper-upload", runners(), **ITEM),
    row("meetings:workspace-rsvp", members(), **MEETING),
    # The home page's one-click reply: an empty POST goes back home with "Choose whether...".
    row("forums:home-rsvp", members(), post=True, **MEETING),
    row("meetings:workspace-attendance", runners(), **MEETING),
    row("meetings:workspace-declaration-add", runners(), **MEETING),
    row("meetings:workspace-decision-add", runners(), **MEETING),
    row("meetings:workspace-meeting-action-add", runners(), **MEETING),
    row("meetings:workspace-minutes", members(), **MEETING),
    row("meetings:workspace-minutes-start", runners(), post=True, **MEETING),
    row("meetings:workspace-minutes-write", runners(), **MEETING),
    row("meetings:workspace-minutes-circulate", runners(), **MEETING),
    row("meetings:workspace-minutes-approve", chair_only(), **MEETING),
    row("meetings:workspace-minutes-in-writing", runners(), **MEETING),
    row("meetings:workspace-minutes-publish", runners(), label="check", **MEETING),
    row("meetings:workspace-minutes-publish", runners(), post=True, **MEETING),
    row("meetings:workspace-minute-history", members(), **ENTRY),
    row(
        "meetings:workspace-minute-history",
        members(**NAMED_ONLY),
        label="restricted",
        **{**ENTRY, "entry_pk": "restricted_entry"},
    ),
    row("meetings:workspace-minute-comment", members(), post=True, **ENTRY),
    # Draft minutes are the secretariat's and the chair's: members see the page say "not
    # circulated yet" and no entry of them (404).
    row("meetings:workspace-minutes", members(), label="draft", slug=S, pk="draft_meeting"),
    row(
        "meetings:workspace-minute-history",
        members(**NOT_CIRCULATED),
        label="draft",
        **DRAFT_ENTRY,
    ),
    row(
        "meetings:workspace-minute-comment",
        members(**NOT_CIRCULATED),
        label="draft",
        post=True,
        **DRAFT_ENTRY,
    ),
    row("meetings:workspace-actions", members(), slug=S),
    row("meetings:workspace-action-add", runners(), slug=S),
    row("meetings:workspace-action", members(), slug=S, pk="action"),
    # The action's owner (the member) and whoever runs the forum add updates; advisory
    # members never own actions.
    row(
        "meetings:workspace-action",
        members(advisory=FORBIDDEN),
        slug=S,
        pk="action",
        post=True,
    ),
    row("meetings:workspace-search", signed_in()),
    row("meetings:workspace-your-actions", signed_in()),
    row(
        "meetings:workspace-national-escalations",
        signed_in(**dict.fromkeys(set(ROLES) - {"anonymous", "national"}, FORBIDDEN)),
    ),
    row("meetings:workspace-calendar", signed_in()),
    row("meetings:workspace-calendar-reset", signed_in(), post=True),
    # The secret token in the address is the only credential (calendar apps do not sign in).
    row("meetings:personal-feed", public(), token="calendar_token"),
    row("meetings:public-ics", public(), slug=S),
    row("meetings:public-list", public(), slug=S),
    row("meetings:public-forward-plan", public(), slug=S),
    row("meetings:public-meeting", public(), **MEETING),
    row("meetings:public-meeting-ics", public(), **MEETING),
    row("meetings:public-paper", public(), slug=S, paper_pk="paper"),
    # Public pages read published, public rows only: a restricted paper is not there for anyone,
    # not even the chair it is restricted to.
    row(
        "meetings:public-paper",
        public(**dict.fromkeys(ROLES, NOT_FOUND)),
        label="restricted",
        slug=S,
        paper_pk="restricted_paper",
    ),
]

REPORTS = [
    row("reports:list", members(), slug=S),
    # An empty request names no report: refused with a problem page.
    row(
        "reports:request",
        members(**dict.fromkeys(("member", "advisory", "secretariat", "chair"), BAD_REQUEST)),
        slug=S,
        post=True,
    ),
    row("reports:status", members(), slug=S, pk="members_report"),
    # A version built for one member is theirs alone: a 404 to everyone else in the forum.
    row(
        "reports:status",
        seated(**dict.fromkeys(("advisory", "submitter", "secretariat", "chair"), NOT_FOUND)),
        label="the member's own",
        slug=S,
        pk="personal_report",
    ),
    row("reports:download", members(), slug=S, pk="members_report"),
    row(
        "reports:download",
        seated(**dict.fromkeys(("advisory", "submitter", "secretariat", "chair"), NOT_FOUND)),
        label="the member's own",
        slug=S,
        pk="personal_report",
    ),
    row(
        "reports:public",
        public(),
        slug=S,
        kind=lit("board_pack"),
        subject=lambda world: str(world.meeting.pk),
        fmt=lit("pdf"),
    ),
]

# Entering figures is for the agency's own submitter (HMCTS here); members only read them.
ONLY_SUBMITTER = dict.fromkeys(("member", "advisory", "secretariat", "chair"), FORBIDDEN)
PERIOD = {"slug": S, "code": CODE}

PERFORMANCE = [
    row("performance:public-dashboard", public(), slug=S),
    row("performance:public-victims-code", public(), slug=S),
    row("performance:public-indicator", public(), slug=S, indicator="indicator.slug"),
    row("performance:open-data", public()),
    row("performance:open-data-file", public(), dataset=lit("indicators"), fmt=lit("csv")),
    row("performance:open-data-forum-file", public(), slug=S, fmt=lit("csv")),
    # A data submitter is taken to their agency's returns.
    row("performance:workspace-dashboard", seated(), slug=S),
    row("performance:workspace-victims-code", members(), slug=S),
    row("performance:indicators", members(), slug=S),
    row("performance:indicator-create", runners(), slug=S),
    row("performance:workspace-indicator", members(), slug=S, indicator="indicator.slug"),
    row("performance:targets", members(), slug=S),
    row("performance:targets", runners(), slug=S, post=True),
    row("performance:periods", members(), slug=S),
    row("performance:period-detail", members(), **PERIOD),
    # The lead of the agency (the member, for the CPS) confirms its figures.
    row(
        "performance:period-confirm",
        members(advisory=FORBIDDEN, secretariat=FORBIDDEN, chair=FORBIDDEN),
        post=True,
        agency="agencies.cps",
        **PERIOD,
    ),
    row("performance:period-reason", runners(), agency="agencies.cps", **PERIOD),
    row("performance:period-publish", runners(), post=True, **PERIOD),
    row("performance:exceptions", members(), slug=S),
    # An empty POST names no exception to draft an agenda item about.
    row(
        "performance:exceptions",
        runners(secretariat=NOT_FOUND, chair=NOT_FOUND),
        slug=S,
        post=True,
    ),
    row("performance:meetings", members(), slug=S),
    row("performance:meeting-figures", members(), slug=S, meeting="meeting"),
    row("performance:meeting-figures", runners(), slug=S, meeting="meeting", post=True),
    row("performance:returns", seated(), slug=S),
    # Opening a return for the submitter's own agency (HMCTS).
    row(
        "performance:return-start",
        seated(**ONLY_SUBMITTER),
        slug=S,
        post=True,
        data={"agency": "agencies.hmcts", "period": lit(NEW_PERIOD)},
    ),
    row("performance:return-detail", seated(), slug=S, pk="draft_return"),
    row(
        "performance:return-detail",
        seated(submitter=NOT_FOUND),
        label="another agency's",
        slug=S,
        pk="cps_return",
    ),
    row("performance:return-edit", seated(**ONLY_SUBMITTER), slug=S, pk="draft_return"),
    row("performance:return-upload", seated(**ONLY_SUBMITTER), slug=S, pk="draft_return"),
    row("performance:return-template", seated(), slug=S, pk="draft_return", fmt=lit("csv")),
    row(
        "performance:return-submit",
        seated(**ONLY_SUBMITTER),
        slug=S,
        pk="draft_return",
        post=True,
    ),
    row("performance:return-review", runners(), slug=S, pk="submitted_return"),
    row("performance:return-revise", runners(submitter=OK), slug=S, pk="accepted_return"),
]

PRIORITY = {"slug": S, "pk": "priority"}
CONSULTATION = {"slug": S, "pk": "consultation"}
QUESTION = {**CONSULTATION, "question_pk": "question"}
EVALUATION = {"slug": S, "year": "evaluation_year"}

PRIORITIES = [
    row("priorities:workspace-list", members(), slug=S),
    row("priorities:create", runners(), slug=S),
    row("priorities:theme-create", runners(), slug=S),
    row("priorities:detail", members(), **PRIORITY),
    row("priorities:edit", runners(), **PRIORITY),
    row("priorities:status", runners(), post=True, **PRIORITY),
    # Members sign off for their agency; advisory members and the secretariat never do.
    row(
        "priorities:sign-off",
        members(advisory=FORBIDDEN, secretariat=FORBIDDEN),
        slug=S,
        pk="sign_off_priority",
    ),
    row("priorities:objective-create", runners(), **PRIORITY),
    row("priorities:objective-edit", runners(), objective_pk="objective", **PRIORITY),
    row(
        "priorities:objective-delete",
        runners(),
        post=True,
        objective_pk="objective",
        **PRIORITY,
    ),
    row("priorities:action-add", runners(), **PRIORITY),
    row("priorities:action-remove", runners(), post=True, link_pk="delivery_link", **PRIORITY),
    row("priorities:discussion-add", runners(), **PRIORITY),
    row("priorities:tensions", members(), slug=S),
    row("priorities:tension-create", runners(), slug=S),
    row("priorities:tension-edit", runners(), slug=S, pk="tension"),
    row("priorities:risks", members(), slug=S),
    row("priorities:risk-create", runners(), slug=S),
    row("priorities:risk-edit", runners(), slug=S, pk="risk"),
    row("priorities:consultations", members(), slug=S),
    row("priorities:consultation-create", runners(), slug=S),
    row("priorities:consultation", members(), **CONSULTATION),
    row("priorities:consultation-edit", runners(), **CONSULTATION),
    row("priorities:question-create", runners(), **CONSULTATION),
    row("priorities:question-edit", runners(), **QUESTION),
    row("priorities:question-delete", runners(), post=True, **QUESTION),
    row("priorities:consultation-export", runners(), **CONSULTATION),
    row("priorities:cite", runners(), post=True, **CONSULTATION),
    row("priorities:you-said-we-did-add", runners(), **CONSULTATION),
    row("priorities:evaluations", members(), slug=S),
    row("priorities:evaluation", members(), **EVALUATION),
    row("priorities:evaluation-summary", runners(), **EVALUATION),
    row("priorities:outcome-edit", runners(), priority_pk="priority", **EVALUATION),
    row("priorities:evaluation-approve", chair_only(), post=True, **EVALUATION),
    row("priorities:public-list", public(), slug=S),
    row("priorities:public-evaluation", public(), **EVALUATION),
    row("priorities:public-consultation", public(), **CONSULTATION),
    row("priorities:public-consultation-done", public(), **CONSULTATION),
    row("priorities:public-you-said-we-did", public(), **CONSULTATION),
    row("priorities:themes", public()),
    # Good practice: the board's own entries (any state) are its members'; only whoever runs
    # it writes, submits and records adoptions; a national viewer curates.
    row("priorities:good-practice-board", members(), slug=S),
    row("priorities:good-practice-create", runners(), slug=S),
    row("priorities:good-practice-board-entry", members(), slug=S, pk="good_practice"),
    row("priorities:good-practice-edit", runners(), slug=S, pk="good_practice"),
    row("priorities:good-practice-submit", runners(), slug=S, pk="good_practice"),
    row("priorities:good-practice-submit", runners(), slug=S, pk="good_practice", post=True),
    row("priorities:good-practice-adopt", runners(), slug=S, pk="good_practice_elsewhere"),
    row(
        "priorities:good-practice-review-list",
        signed_in(**dict.fromkeys(set(ROLES) - {"anonymous", "national"}, FORBIDDEN)),
    ),
    row(
        "priorities:good-practice-review",
        signed_in(**dict.fromkeys(set(ROLES) - {"anonymous", "national"}, FORBIDDEN)),
        pk="good_practice_waiting",
    ),
    row("priorities:good-practice", public()),
    row("priorities:good-practice-entry", public(), pk="good_practice_elsewhere"),
    # Partners only: anyone with a seat on any forum, and national staff; never the public.
    row(
        "priorities:good-practice-entry",
        public(anonymous=NOT_FOUND, site_admin=NOT_FOUND),
        label="partners only",
        pk="good_practice_partners",
    ),
    # Waiting for review: in no library, whoever asks.
    row(
        "priorities:good-practice-entry",
        dict.fromkeys(ROLES, NOT_FOUND),
        label="waiting for review",
        pk="good_practice_waiting",
    ),
    row("priorities:good-practice-feed", public(), slug=lit("victims_and_witnesses")),
]

# The public API (lcjb/api/): open to everyone, signed in or not; a row the public may not see
# (circulated minutes, a decision whose minutes are not published, a priority out for sign-off)
# is not there for anyone.
NOWHERE = public(**dict.fromkeys(ROLES, NOT_FOUND))
API = [
    row("api:root", public()),
    row("api:schema", public()),
    row("api:docs", public()),
    *[
        row(f"api:{name}-list", public())
        for name in (
            "area",
            "agency",
            "forum",
            "member",
            "meeting",
            "agenda-item",
            "paper",
            "minutes",
            "decision",
            "priority",
            "evaluation",
            "indicator",
            "target",
            "figure",
        )
    ],
    row("api:area-detail", public(), code=lit("E23000013")),
    row("api:agency-detail", public(), slug="agencies.cps.slug"),
    row("api:forum-detail", public(), slug=S),
    row(
        "api:member-detail",
        public(),
        pk=lambda world: world.forum.memberships.get(role="chair").pk,
    ),
    row("api:meeting-detail", public(), pk="meeting"),
    row("api:agenda-item-detail", public(), pk="item"),
    row("api:agenda-item-detail", NOWHERE, label="restricted", pk="restricted_item"),
    row("api:paper-detail", public(), pk="paper"),
    row("api:paper-detail", NOWHERE, label="restricted", pk="restricted_paper"),
    row("api:minutes-detail", NOWHERE, label="circulated", pk="minutes"),
    row("api:decision-detail", NOWHERE, label="minutes not published", pk="decision"),
    row("api:priority-detail", public(), pk="priority"),
    row("api:priority-detail", NOWHERE, label="out for sign-off", pk="sign_off_priority"),
    row("api:evaluation-detail", public(), pk="evaluation"),
    row("api:indicator-detail", public(), slug="indicator.slug"),
    row("api:target-detail", NOWHERE, label="none set", pk=lit(0)),
    row(
        "api:figure-detail",
        public(),
        pk=lambda world: world.accepted_return.measurements.first().pk,
    ),
]


def national_team(**overrides) -> dict:
    """The national team alone (national viewers); anyone else signed in gets a 404, as the
    pages do not exist for them."""
    others = set(ROLES) - {"anonymous", "national"}
    return signed_in(**{**dict.fromkeys(others, NOT_FOUND), **overrides})


ASSESSMENT_YEAR = {"slug": S, "year": "assessment_year"}
BULLETIN = {"series": "bulletin_series", "number": "public_bulletin_number"}

NATIONAL = [
    # The board's self-assessment: members rate (advisory members too), whoever runs the
    # board opens, agrees and publishes, the chair approves; the summary is public.
    row("assessment:list", members(), slug=S),
    row("assessment:detail", members(), **ASSESSMENT_YEAR),
    row("assessment:rate", members(), stage=lit("operating"), **ASSESSMENT_YEAR),
    row("assessment:agree", runners(), **ASSESSMENT_YEAR),
    row("assessment:action-add", runners(), **ASSESSMENT_YEAR),
    row("assessment:approve", chair_only(), **ASSESSMENT_YEAR),
    row("assessment:publish", runners(), **ASSESSMENT_YEAR),
    row("assessment:public", public(), slug=S),
    row("assessment:partnerships", members(), slug=S),
    row("assessment:partnership-add", runners(), slug=S),
    row("assessment:partnership-edit", runners(), slug=S, pk="partnership"),
    row("assessment:partnership-remove", runners(), slug=S, pk="partnership"),
    # The national view is public; a member-boards page exists only for a regional board (the
    # matrix's board is local: not found, once the person may open the forum at all).
    row("national:overview", public()),
    row("national:indicator", public(), indicator=lit("cc_effective_trial_rate")),
    row("national:region", dict.fromkeys(ROLES, NOT_FOUND), slug=S),
    row(
        "national:region-workspace",
        seated(
            **dict.fromkeys(("member", "advisory", "secretariat", "chair"), NOT_FOUND),
            submitter=FORBIDDEN,
        ),
        slug=S,
    ),
    # Reporting to the national team: the board's members see it, whoever runs it submits and
    # answers; the national team's own pages are theirs alone.
    row("national:forum-reporting", members(), slug=S),
    row("national:submission-create", runners(), slug=S, kind=lit("victims-code")),
    row("national:forum-submission", members(), slug=S, pk="national_submission"),
    row("national:question-answer", runners(), slug=S, pk="national_question"),
    row("national:workspace", national_team()),
    row("national:submission", national_team(), pk="national_submission"),
    row("national:question-ask", national_team(), slug=S),
    row("national:escalations", national_team()),
    # Bulletins: public ones for everyone; the reader's own page for anyone signed in; writing
    # them is the national team's.
    row("national:bulletins", public()),
    row("national:series", public(), series="bulletin_series"),
    row("national:bulletin", public(), **BULLETIN),
    row("national:series-feed", public(), series="bulletin_series"),
    row("national:bulletins-workspace", signed_in()),
    row("national:bulletin-read", signed_in(), **BULLETIN),
    row("national:series-subscribe", signed_in(), post=True, series="bulletin_series"),
    row("national:series-create", national_team()),
    row("national:bulletin-create", national_team()),
    row("national:bulletin-edit", national_team(), pk="draft_bulletin"),
    row("national:section-add", national_team(), pk="draft_bulletin"),
    row(
        "national:section-edit",
        national_team(),
        pk="draft_bulletin",
        section_pk="draft_section",
    ),
    row("national:bulletin-publish", national_team(), pk="draft_bulletin"),
    # A bulletin's files follow the bulletin: a public one's are public; a draft's (or any
    # bulletin's outside its audience) are not found, and never at the public address.
    row("national:attachment", public(), pk="public_attachment", **BULLETIN),
    row(
        "national:attachment",
        dict.fromkeys(ROLES, NOT_FOUND),
        label="draft",
        series="bulletin_series",
        number=lit(2),
        pk="draft_attachment",
    ),
    row("national:attachment-read", signed_in(), pk="public_attachment", **BULLETIN),
    row(
        "national:attachment-read",
        national_team(),
        label="draft",
        series="bulletin_series",
        number=lit(2),
        pk="draft_attachment",
    ),
    # The public's e-mail subscription: an empty address is asked for again; the signed links
    # of the confirmation and of every bulletin e-mail open for anyone who has them.
    row("national:series-email-subscribe", public(), post=True, series="bulletin_series"),
    row("national:subscription-confirm", public(), token="subscription_confirm_token"),
    row("national:unsubscribe", public(), token="unsubscribe_token"),
    row(
        "national:attachment-add",
        national_team(),
        pk="draft_bulletin",
        section_pk="draft_section",
    ),
    row(
        "national:attachment-remove",
        national_team(),
        pk="draft_bulletin",
        attachment_pk="draft_attachment",
    ),
]

# The cascade to local boards: the national team sends items and sees where they went; the
# board's members read what it took up (an item still waiting is not found for them); whoever
# runs the board decides.
CASCADE_WAITING = {"slug": S, "pk": "cascade_waiting"}
CASCADE = [
    row("national:cascade", national_team()),
    row("national:cascade-item", national_team(), pk="cascade_item"),
    row("national:cascade-send-section", national_team(), pk="cascade_section"),
    row("national:cascade-send-section", national_team(), post=True, pk="cascade_section"),
    row("national:cascade-send-priority", national_team(), pk="national_priority"),
    # The engagement's lead (the matrix's national viewer); not released, so sent back to it.
    row("national:cascade-send-engagement", national_team(), pk="engagement"),
    row("national:cascade-board", members(), slug=S),
    row("national:cascade-board-item", members(), label="taken up", slug=S, pk="cascade_taken"),
    row(
        "national:cascade-board-item",
        members(member=NOT_FOUND, advisory=NOT_FOUND),
        label="waiting",
        **CASCADE_WAITING,
    ),
    row("national:cascade-accept", runners(), **CASCADE_WAITING),
    row("national:cascade-accept", runners(), post=True, **CASCADE_WAITING),
    row("national:cascade-schedule", runners(), **CASCADE_WAITING),
    row("national:cascade-decline", runners(), **CASCADE_WAITING),
    row("national:cascade-decline", runners(), post=True, **CASCADE_WAITING),
]


def engagement_audience(**overrides) -> dict:
    """An engagement for every local policing body: its lead (the national viewer) and the
    board's staff (secretariat and chair) are in; everyone else signed in gets a 404."""
    base = {
        **dict.fromkeys(ROLES, NOT_FOUND),
        "anonymous": LOGIN,
        "national": OK,
        "secretariat": OK,
        "chair": OK,
    }
    return _with(base, overrides)


def engagement_lead(**overrides) -> dict:
    """The policy lead alone; the audience may see the engagement but not run it (403)."""
    return engagement_audience(**{"secretariat": FORBIDDEN, "chair": FORBIDDEN, **overrides})


ENGAGEMENT = {"pk": "engagement"}
ENGAGEMENT_PAPER = {"pk": "engagement", "paper_pk": "engagement_paper"}
RESPONSE = {"pk": "engagement", "slug": S}

ENGAGEMENTS = [
    # National engagements (issue 16): confidential to the audience and the policy leads.
    row("national:engagements", signed_in()),
    row("national:engagement-create", national_team()),
    row("national:engagement", engagement_audience(), **ENGAGEMENT),
    row("national:engagement-edit", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-question-add", engagement_lead(), **ENGAGEMENT),
    row(
        "national:engagement-question-edit",
        engagement_lead(),
        pk="engagement",
        question_pk="engagement_question",
    ),
    row("national:engagement-open", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-close", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-paper-upload", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-paper-download", engagement_audience(), **ENGAGEMENT_PAPER),
    row("national:engagement-paper-release", engagement_lead(), **ENGAGEMENT_PAPER),
    # The body's staff choose an agenda item of their board; the lead staffs no body.
    row(
        "national:engagement-paper-to-agenda",
        engagement_audience(national=FORBIDDEN),
        **ENGAGEMENT_PAPER,
    ),
    row("national:engagement-downloads", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-release", engagement_lead(), **ENGAGEMENT),
    # The board answers as a local policing body; the lead has no response of their own.
    row("national:engagement-respond", engagement_audience(national=NOT_FOUND), **RESPONSE),
    # Agreeing is for a national group's members, not a body's staff.
    row(
        "national:engagement-agree",
        engagement_audience(national=NOT_FOUND, secretariat=FORBIDDEN, chair=FORBIDDEN),
        post=True,
        **RESPONSE,
    ),
    row("national:engagement-submit", engagement_audience(national=NOT_FOUND), **RESPONSE),
    row("national:engagement-responses", engagement_lead(), **ENGAGEMENT),
    row("national:engagement-export", engagement_lead(), fmt=lit("csv"), **ENGAGEMENT),
    row("national:engagement-outcome", engagement_lead(), **ENGAGEMENT),
    # Public: only what was released publicly; nothing else exists there.
    row("national:engagement-public", public(), pk="released_engagement"),
    row(
        "national:engagement-public-paper",
        public(),
        pk="released_engagement",
        paper_pk="released_engagement_paper",
    ),
    row(
        "national:engagement-public",
        dict.fromkeys(ROLES, NOT_FOUND),
        label="unreleased",
        **ENGAGEMENT,
    ),
]

TABLE: list[Row] = (
    ACCOUNTS
    + FORUM
    + MEETINGS
    + REPORTS
    + PERFORMANCE
    + PRIORITIES
    + API
    + NATIONAL
    + CASCADE
    + ENGAGEMENTS
)

# Django admin (``admin:``, about 200 generated names) is left out of the table: its pages are
# Django's own, all behind one staff check, and site admins work there (DESIGN.md). These rows
# show that check: everyone but the site admin is sent to the admin's sign-in page.
ADMIN_ROWS: list[Row] = [
    row("admin:index", {**dict.fromkeys(ROLES, LOGIN), "site_admin": OK}),
    row("admin:forums_membership_changelist", {**dict.fromkeys(ROLES, LOGIN), "site_admin": OK}),
]
