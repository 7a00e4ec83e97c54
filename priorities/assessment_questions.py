"""The questions of a board's annual "fit for purpose" self-assessment.

Built on the 2015 joint inspection: Annex B's minimum expectations for local criminal justice
partnerships (operating, planning, delivery, evaluation: each expectation becomes a question,
its illustrative behaviours the hint) and the contents it recommends for a fundamental review of
local partnership arrangements. The codes are stored with each rating: never renumber them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Stage:
    code: str
    title: str
    summary: str


@dataclass(frozen=True)
class Question:
    code: str
    stage: str
    text: str
    hint: str
    evidence: tuple[str, ...] = ()  # keys of the evidence the app pre-fills (selectors)


STAGES = (
    Stage("operating", _("Operating"), _("Who is round the table, and how the board works.")),
    Stage("planning", _("Planning"), _("How the board gathers evidence and agrees priorities.")),
    Stage("delivery", _("Delivery"), _("How the board delivers and escalates.")),
    Stage("evaluation", _("Evaluation"), _("How the board measures and reports what it does.")),
    Stage(
        "review",
        _("The local system"),
        _("What a fundamental review of local partnership arrangements should cover."),
    ),
)

QUESTIONS = (
    Question(
        "op-1",
        "operating",
        _("Are the right people round the table to take decisions and act?"),
        _(
            "All the key agencies are represented (police, CPS, HMCTS, probation, youth "
            "offending, prisons and victim services), by people who understand the delivery "
            "challenges and have the authority to commit resources."
        ),
        ("coverage", "attendance"),
    ),
    Question(
        "op-2",
        "operating",
        _("Does the board work openly and collaboratively with all the important stakeholders?"),
        _(
            "Regular dialogue with the local policing body; the judiciary kept informed and "
            "consulted; the defence community and private providers involved; strong links with "
            "local authorities, community safety partnerships and health."
        ),
        ("partnerships",),
    ),
    Question(
        "op-3",
        "operating",
        _("Are the views of victims, witnesses and the public fed into the board's work?"),
        _(
            "Members' plans consider service users; the local policing body's experience of "
            "victims is brought into discussions; there are established ways of hearing from "
            "victims and witnesses or their representatives."
        ),
        ("consultations",),
    ),
    Question(
        "op-4",
        "operating",
        _("Do members work towards shared outcomes for the whole criminal justice system?"),
        _(
            "A culture of no surprises; openness and trust; members working beyond the "
            "boundaries of their own organisation."
        ),
    ),
    Question(
        "pl-1",
        "planning",
        _("Does the board gather a wide range of evidence about its local justice system?"),
        _(
            "National priorities, agencies' business plans, the police and crime plan, "
            "performance information, and the views of victims, witnesses and non-justice "
            "partners."
        ),
        ("priorities",),
    ),
    Question(
        "pl-2",
        "planning",
        _("Does the board agree what it wants to achieve and resolve tensions between plans?"),
        _(
            "Every member's interests are considered; tensions with individual agencies' plans "
            "are exposed and explored."
        ),
        ("priorities", "tensions"),
    ),
    Question(
        "pl-3",
        "planning",
        _("Are delivery plans thorough, with clear accountability?"),
        _(
            "Members express their priorities at least once a year; opportunities for mutual "
            "help are sought; who delivers what is clearly defined."
        ),
        ("actions",),
    ),
    Question(
        "pl-4",
        "planning",
        _("Are the board's priorities and plans shared, open and transparent?"),
        _(
            "Published in an accessible form for the public to view and respond to; shared with "
            "other areas and with the national board."
        ),
        ("priorities", "evaluations"),
    ),
    Question(
        "pl-5",
        "planning",
        _("Does the board work at the right level and look for economies of scale?"),
        _(
            "Value for money is protected when the system changes; the board seeks to work "
            "across areas, pooling resources, knowledge and experience."
        ),
    ),
    Question(
        "de-1",
        "delivery",
        _("Is the board a safe space for open and frank discussion of risks and issues?"),
        _(
            "Regular meetings; a confidential space; room to escalate what cannot be solved "
            "bilaterally; dialogue with national leaders about major risks."
        ),
        ("meetings", "escalations", "risks"),
    ),
    Question(
        "de-2",
        "delivery",
        _("Does the board deliver national priorities, or explain why it adapts them?"),
        _(
            "National priorities are fully considered in planning, and any deviation can be "
            "rationally explained."
        ),
        ("priorities",),
    ),
    Question(
        "de-3",
        "delivery",
        _("Does the board monitor how well it is performing against its shared priorities?"),
        _(
            "Robust performance information about its priorities, used to see progress, risks "
            "to delivery and what has worked."
        ),
        ("measures",),
    ),
    Question(
        "ev-1",
        "evaluation",
        _("Does the board evaluate its performance every year and feed it into planning?"),
        _(
            "Checking whether priorities are still relevant; identifying learning and good "
            "practice to share with others."
        ),
        ("evaluations",),
    ),
    Question(
        "ev-2",
        "evaluation",
        _("Does the board tell the public and justice staff how it is performing?"),
        _(
            "Saying publicly and accessibly which aims were met, which were not, and what is "
            "being done about them."
        ),
        ("evaluations",),
    ),
    Question(
        "rv-1",
        "review",
        _(
            "How healthy is the local justice system for victims and witnesses, and for "
            "swift justice?"
        ),
        _(
            "Its impact on victims and witnesses, especially the most vulnerable, and how far "
            "offenders can expect swift justice."
        ),
        ("measures",),
    ),
    Question(
        "rv-2",
        "review",
        _("Is local risk assessed with national threats and the public's views in mind?"),
        _("A local assessment of risk, informed by national threats, harm and public views."),
        ("risks", "consultations"),
    ),
    Question(
        "rv-3",
        "review",
        _("Does the board have the business and analytical support it needs?"),
        _("Support for partnership planning, commissioning and coordination."),
    ),
    Question(
        "rv-4",
        "review",
        _("Are links with related partnerships clear, so work is coordinated?"),
        _(
            "Community safety partnerships, safeguarding boards, health and wellbeing boards, "
            "violence reduction units and local family justice boards."
        ),
        ("partnerships",),
    ),
)

QUESTIONS_BY_CODE = {question.code: question for question in QUESTIONS}
STAGES_BY_CODE = {stage.code: stage for stage in STAGES}


def questions_of(stage: str) -> list[Question]:
    return [question for question in QUESTIONS if question.stage == stage]
