"""Forums (boards, sub-groups, task-and-finish groups) and the people who sit on them."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from membership.models import Agency, PoliceForceArea


class ForumQuerySet(models.QuerySet):
    def public(self):
        """Forums the public may see: switched to public. Private forums never appear."""
        return self.filter(is_public=True)


class Forum(models.Model):
    """A board or group that meets: local board, regional board, sub-group and so on."""

    class Kind(models.TextChoices):
        LOCAL_BOARD = "local_board", _("Local criminal justice board")
        REGIONAL_BOARD = "regional_board", _("Regional or all-Wales board")
        NATIONAL_BOARD = "national_board", _("National board")
        SUB_GROUP = "sub_group", _("Sub-group")
        TASK_AND_FINISH = "task_and_finish", _("Task-and-finish group")
        # e.g. an APCC standing group or the APACE network: national staff and staff of local
        # policing bodies, consulted on national policy (the national engagement protocol).
        NATIONAL_GROUP = "national_group", _("National group or network")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        BI_MONTHLY = "bi_monthly", _("Every two months")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_YEARLY = "twice_yearly", _("Twice a year")
        AS_NEEDED = "as_needed", _("As needed")

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LOCAL_BOARD)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The board a sub-group or task-and-finish group reports to."),
    )
    areas = models.ManyToManyField(PoliceForceArea, related_name="forums", blank=True)
    terms_of_reference = models.TextField(blank=True)
    public_summary = models.TextField(blank=True)
    meeting_frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    quorum_core_agency_types = models.PositiveSmallIntegerField(
        default=4,
        help_text=_(
            "How many different core agency types must be present for the meeting to be quorate."
        ),
    )
    end_date = models.DateField(
        null=True, blank=True, help_text=_("When a task-and-finish group is due to finish.")
    )
    is_public = models.BooleanField(
        _("Show on the public site"),
        default=True,
        help_text=_("Private forums do not appear on the public site at all."),
    )
    bilingual = models.BooleanField(
        _("Welsh and English"),
        default=False,
        help_text=_(
            "Its public text is kept in Welsh and English. Forums in Wales always are; any "
            "other forum may choose to be."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # history: registered in forums/translation.py, after its Welsh columns

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        needs_parent = self.kind in (self.Kind.SUB_GROUP, self.Kind.TASK_AND_FINISH)
        if needs_parent and not self.parent_id:
            raise ValidationError({"parent": gettext("Choose the board this group reports to")})
        if self.kind == self.Kind.TASK_AND_FINISH and not self.end_date:
            raise ValidationError(
                {"end_date": gettext("Enter the date the task-and-finish group ends")}
            )
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": gettext("A forum cannot report to itself")})

    @property
    def is_area_wide(self) -> bool:
        """Regional and national forums take members from agencies anywhere."""
        return self.kind in (
            self.Kind.REGIONAL_BOARD,
            self.Kind.NATIONAL_BOARD,
            self.Kind.NATIONAL_GROUP,
        )


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on a date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on))

    def past(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end_date__lt=on)


class Membership(models.Model):
    """A person's seat on a forum: the agency they represent, their role and their authority."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")
        ADVISORY = "advisory", _("Advisory member")
        GUEST = "guest", _("Invited guest")
        SECRETARIAT = "secretariat", _("Secretariat")
        DATA_SUBMITTER = "data_submitter", _("Data submitter")

    # Roles that make a person a member of the forum (they see what is not restricted).
    MEMBER_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.ADVISORY, Role.SECRETARIAT)
    # Roles that may run the forum.
    RUNNING_ROLES = (Role.CHAIR, Role.SECRETARIAT)
    # Roles that count as the agency having a seat round the table.
    SEATED_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.ADVISORY)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="memberships", null=True, blank=True
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    can_commit_resources = models.BooleanField(
        _("Has authority to commit resources"),
        default=False,
        help_text=_("Can agree, at the table, to spend their agency's money or staff time."),
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputy_for",
        help_text=_("The named person who attends when this member cannot."),
    )
    start_date = models.DateField(default=timezone.localdate)
    end_date = models.DateField(null=True, blank=True)
    show_name_publicly = models.BooleanField(
        _("Agrees to show their name publicly"),
        default=False,
        help_text=_("Without consent the public sees only the agency and the role."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "agency__name", "person__full_name"]
        indexes = [models.Index(fields=["forum", "person", "end_date"])]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.forum}"

    @property
    def is_seated(self) -> bool:
        """A seat round the table (not the secretariat, a guest or a data submitter)."""
        return self.role in self.SEATED_ROLES

    @property
    def is_advisory(self) -> bool:
        """Advisory only (e.g. the judiciary): no authority to commit resources is asked of it."""
        return self.role == self.Role.ADVISORY

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def clean(self):
        """The membership rules, each with a message next to the field it is about."""
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = gettext("The end date must be the same as or after the start date")
        if self.role in self.SEATED_ROLES and not self.agency_id:
            errors["agency"] = gettext("Choose the agency this member represents")
        if self.agency_id:
            agency_type = self.agency.agency_type
            if agency_type.advisory_only and self.role != self.Role.ADVISORY:
                errors["role"] = gettext(
                    "%(agency_type)s can only hold an advisory seat, to keep its independence"
                ) % {"agency_type": agency_type.name}
            if self.forum_id and not self.forum.is_area_wide:
                forum_areas = set(self.forum.areas.values_list("pk", flat=True))
                agency_areas = set(self.agency.areas.values_list("pk", flat=True))
                if forum_areas and not forum_areas & agency_areas:
                    errors["agency"] = gettext(
                        "%(agency)s does not cover any of the police force areas of %(forum)s"
                    ) % {"agency": self.agency, "forum": self.forum}
        if self.deputy_id and self.deputy_id == self.person_id:
            errors["deputy"] = gettext("A member cannot be their own deputy")
        if self.forum_id and self.person_id and self.start_date:
            overlapping = Membership.objects.filter(
                forum_id=self.forum_id, person_id=self.person_id
            )
            overlapping = overlapping.exclude(pk=self.pk).filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
            )
            if self.end_date:
                overlapping = overlapping.filter(start_date__lte=self.end_date)
            if overlapping.exists():
                errors["start_date"] = gettext(
                    "%(person)s already has a membership of %(forum)s in these dates"
                ) % {"person": self.person, "forum": self.forum}
        if self.forum_id and self.role == self.Role.CHAIR and self.start_date:
            chairs = Membership.objects.filter(forum_id=self.forum_id, role=self.Role.CHAIR)
            chairs = chairs.exclude(pk=self.pk).filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
            )
            if self.end_date:
                chairs = chairs.filter(start_date__lte=self.end_date)
            chair = chairs.select_related("person").first()
            if chair:
                errors["role"] = gettext(
                    "%(forum)s already has a chair (%(chair)s) in these dates: "
                    "end that membership first"
                ) % {"forum": self.forum, "chair": chair.person}
        if errors:
            raise ValidationError(errors)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True).filter(
            expires_at__gt=timezone.now()
        )

    def for_token(self, token: str):
        return self.filter(token_hash=_hash_token(token))


class Invitation(models.Model):
    """An emailed, single-use invitation to join a forum; the link expires after 7 days."""

    VALID_FOR = timedelta(days=7)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    full_name = models.CharField(max_length=150)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True)
    role = models.CharField(
        max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    can_commit_resources = models.BooleanField(
        _("Has authority to commit resources"), default=False
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    membership = models.OneToOneField(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitation"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Invitation for %(email)s to %(forum)s") % {
            "email": self.email,
            "forum": self.forum,
        }

    @staticmethod
    def new_token() -> tuple[str, str]:
        """A fresh token and its hash; only the hash is stored."""
        token = secrets.token_urlsafe(32)
        return token, _hash_token(token)
