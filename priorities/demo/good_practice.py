"""The demo's good-practice library: ten published entries from four boards across themes (one
for partners only), one waiting for the national curator, and two adoptions.

Safe to run again: entries are found by board and title, adoptions by entry and board.
"""

from forums.models import Forum, Membership
from priorities.demo.common import _days_ago, _indicator, _theme
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry, Priority
from priorities.selectors import forum_agencies

Entry = GoodPracticeEntry
EVALUATED, TRIED, IDEA = (
    Entry.EvidenceLevel.EVALUATED,
    Entry.EvidenceLevel.TRIED,
    Entry.EvidenceLevel.IDEA,
)

# board slug, title, theme, evidence, what was done, evidence of effect, cost, agency types,
# indicator slugs, days since published (None: waiting for review), partners only
ENTRIES = [
    (
        "cleveland-cjb",
        "Witness care calls the day before trial",
        "vulnerable_victims_witnesses",
        EVALUATED,
        "Witness Care Unit officers ring every prosecution witness the afternoon before a "
        "Crown Court trial to confirm they are coming, arrange transport and answer worries.",
        "Trials that did not go ahead because a witness was absent fell from 1 in 6 to 1 in 10 "
        "over twelve months, measured against the cracked and ineffective trial figures.",
        "Two witness care officers' time for an hour a day; a taxi budget of £4,000 a year.",
        ["victim_services", "police", "cps"],
        ["cc_cracked_trial_rate"],
        200,
        False,
    ),
    (
        "cleveland-cjb",
        "One victims' update letter agreed by every agency",
        "victims_code_compliance",
        TRIED,
        "Police, CPS and the courts agreed one plain-English update letter so victims hear "
        "the same thing from whoever writes.",
        "Complaints about conflicting information fell in the first six months.",
        "Officer time to agree the wording; no extra cost.",
        ["police", "cps", "hmcts"],
        [],
        120,
        False,
    ),
    (
        "cleveland-cjb",
        "Shared list of cases at risk of going over custody time limits",
        "crown_court_backlog",
        TRIED,
        "The listing office, CPS and defence share a weekly list of custody cases at risk, "
        "so hearings are moved before the limit runs out.",
        "No custody time limit was missed in the year the list ran.",
        "Half a day a week of a listing officer.",
        ["hmcts", "cps"],
        [],
        90,
        True,
    ),
    (
        "durham-cjb",
        "Domestic abuse advocates at the first hearing",
        "victims_and_witnesses",
        EVALUATED,
        "Independent domestic violence advocates attend every first hearing of a domestic "
        "abuse case in the magistrates' court and meet the victim before it starts.",
        "Victims who withdrew support for the prosecution fell from 42% to 31% (independent "
        "evaluation by the university, 2025).",
        "Three advocates funded by the Police and Crime Commissioner: £120,000 a year.",
        ["victim_services", "hmcts", "pcc"],
        [],
        300,
        False,
    ),
    (
        "durham-cjb",
        "Charge to first hearing in 14 days for remand cases",
        "efficiency",
        TRIED,
        "Police and CPS agreed a 14-day target from charge to first hearing and review every "
        "case that misses it at a monthly meeting.",
        "The average time fell from 23 to 16 days.",
        "A monthly hour of each agency's case manager.",
        ["police", "cps", "hmcts"],
        [],
        150,
        False,
    ),
    (
        "south-wales-cjb",
        "Pre-trial visits to court for vulnerable witnesses",
        "vulnerable_victims_witnesses",
        EVALUATED,
        "Vulnerable witnesses are offered a visit to the court and the live link room before "
        "the trial, with the witness service.",
        "Witnesses who visited were twice as likely to say they could give their best evidence.",
        "Witness service volunteers' time.",
        ["victim_services", "hmcts"],
        [],
        260,
        False,
    ),
    (
        "south-wales-cjb",
        "Women's centre as an alternative to short custody",
        "reducing_reoffending",
        EVALUATED,
        "Courts can refer women at risk of a short sentence to a women's centre for a "
        "community order with support for housing, debt and mental health.",
        "Proven reoffending among women referred was 12 points lower than a matched group.",
        "£300,000 a year, shared by the PCC, probation and the health board.",
        ["probation", "hmcts", "pcc"],
        [],
        220,
        False,
    ),
    (
        "south-wales-cjb",
        "Digital evidence uploaded once for police and CPS",
        "digitisation",
        TRIED,
        "Body-worn video and CCTV are uploaded once to a shared store that the CPS reads, "
        "instead of being copied to discs.",
        "Files reached the CPS three days sooner on average.",
        "Licences for the shared store: £45,000 a year.",
        ["police", "cps"],
        [],
        60,
        False,
    ),
    (
        "west-yorkshire-cjb",
        "Specialist rape case review panel",
        "rape_serious_sexual_offences",
        TRIED,
        "A panel of police, CPS and an independent sexual violence adviser reviews every rape "
        "case that has waited more than a year for charge.",
        "Cases waiting over a year halved in nine months.",
        "A monthly half day of three senior staff.",
        ["police", "cps", "victim_services"],
        [],
        180,
        False,
    ),
    (
        "west-yorkshire-cjb",
        "Community scrutiny of stop and search",
        "race_equality",
        IDEA,
        "A panel of local residents reviews a sample of stop and search records and body-worn "
        "video every quarter and reports to the board.",
        "",
        "Volunteers' time and a police coordinator.",
        ["police", "pcc"],
        [],
        30,
        False,
    ),
    (
        "durham-cjb",
        "Court-based liaison and diversion for young adults",
        "reducing_reoffending",
        TRIED,
        "Liaison and diversion workers see every young adult in custody at court.",
        "Early figures show fewer breaches of bail.",
        "Two workers funded by the health board.",
        ["probation", "hmcts"],
        [],
        None,  # waiting for the national curator
        False,
    ),
]

# (board that adopted, entry's board, entry's title, adopting board's priority title or "")
ADOPTIONS = [
    (
        "cleveland-cjb",
        "south-wales-cjb",
        "Pre-trial visits to court for vulnerable witnesses",
        "Fewer trials that fail because victims and witnesses do not attend",
    ),
    ("durham-cjb", "cleveland-cjb", "Witness care calls the day before trial", ""),
]


def _runner(forum):
    seat = (
        Membership.objects.current()
        .filter(forum=forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
        .order_by("role", "pk")
        .first()
    )
    return seat.person if seat else None


def seed_good_practice(*, curator) -> int:
    """The entries and adoptions above, on the boards that exist; the number published."""
    forums = {f.slug: f for f in Forum.objects.filter(slug__in={e[0] for e in ENTRIES})}
    published = 0
    for slug, title, theme, level, done, effect, cost, types, slugs, days, partners in ENTRIES:
        forum = forums.get(slug)
        if forum is None:
            continue
        waiting = days is None
        entry, _ = Entry.objects.update_or_create(
            forum=forum,
            title=title,
            defaults={
                "theme": _theme(theme),
                "area": forum.areas.order_by("name").first(),
                "what_was_done": done,
                "evidence": effect,
                "cost": cost,
                "contact": f"Board manager, {forum.name}",
                "evidence_level": level,
                "state": Entry.State.SUBMITTED if waiting else Entry.State.PUBLISHED,
                "audience": Entry.Audience.PARTNERS if partners else Entry.Audience.PUBLIC,
                "created_by": _runner(forum),
                "reviewed_by": None if waiting else curator,
                "submitted_at": _days_ago(7 if waiting else days + 7),
                "published_at": None if waiting else _days_ago(days),
            },
        )
        entry.agencies.set(forum_agencies(forum=forum).filter(agency_type__slug__in=types))
        entry.indicators.set([i for i in map(_indicator, slugs) if i])
        published += not waiting
    for board_slug, entry_slug, title, priority_title in ADOPTIONS:
        board = Forum.objects.filter(slug=board_slug).first()
        entry = Entry.objects.filter(forum__slug=entry_slug, title=title).first()
        if board is None or entry is None:
            continue
        priority = (
            Priority.objects.filter(forum=board, title=priority_title)
            .order_by("-plan_year")
            .first()
            if priority_title
            else None
        )
        GoodPracticeAdoption.objects.update_or_create(
            entry=entry,
            forum=board,
            defaults={
                "priority": priority,
                "note": "We adapted it to our courts and started it this plan year.",
                "adopted_by": _runner(board),
            },
        )
    return published
