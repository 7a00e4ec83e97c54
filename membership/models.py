"""People, police force areas, agency types, agencies and notifications."""

import secrets

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def in_page_language(instance, field: str) -> str:
    """Reference data's name as a label (drop-downs, lists): the Welsh on a Welsh page where
    there is one, else the English (the bare field is English: lcjb/english_first.py)."""
    if (get_language() or "").startswith("cy"):
        return getattr(instance, f"{field}_cy", "") or getattr(instance, field)
    return getattr(instance, field)


class UserManager(BaseUserManager):
    """Users sign in with their email address."""

    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError(gettext("Enter an email address"))
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: a board member, data submitter, secretariat or site admin."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    is_national_viewer = models.BooleanField(
        default=False,
        help_text=_(
            "National (APCC or Criminal Justice Board) staff who read what forums share "
            "nationally and answer escalations."
        ),
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(_("site admin"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the service and of the emails this person is sent."),
    )

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login", "calendar_token"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_perm(self, perm, obj=None):
        """A permission registered with ``rules`` comes from its rule alone: being a site admin
        gives no role in a forum (site admins work in /admin/). Others as Django decides."""
        if rules.perm_exists(perm):
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()


class GovernanceModel(models.TextChoices):
    """Who holds the local policing body's functions in an area."""

    PCC = "pcc", _("Police and Crime Commissioner")
    PFCC = "pfcc", _("Police, Fire and Crime Commissioner")
    MAYOR = "mayor", _("Mayor (or deputy mayor) with PCC functions")
    CITY_OF_LONDON = "city_of_london", _("City of London police authority")
    POLICING_AND_CRIME_BOARD = "policing_and_crime_board", _("Policing and crime board")


# In the page's language (the Welsh are the titles the commissioners in Wales use); an area's
# own title is its local_policing_body_title, in English and Welsh (membership/translation.py).
DEFAULT_CHAIR_TITLES = {
    GovernanceModel.PCC: _("Police and Crime Commissioner"),
    GovernanceModel.PFCC: _("Police, Fire and Crime Commissioner"),
    GovernanceModel.MAYOR: _("Mayor"),
    GovernanceModel.CITY_OF_LONDON: _("Chair of the Police Authority Board"),
    GovernanceModel.POLICING_AND_CRIME_BOARD: _("Chair of the Policing and Crime Board"),
}


class PoliceForceArea(models.Model):
    """A territorial police force area of England and Wales."""

    code = models.CharField(_("ONS code"), max_length=9, unique=True)
    name = models.CharField(max_length=100, unique=True)
    force_name = models.CharField(max_length=150)
    country = models.CharField(max_length=20)
    region = models.CharField(max_length=50)
    governance_model = models.CharField(max_length=30, choices=GovernanceModel.choices)
    local_policing_body_title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "The title of whoever holds the local policing body's functions here. "
            "Leave blank to use the usual title for the governance model."
        ),
    )
    notes = models.TextField(blank=True)
    # history: registered in membership/translation.py, after its Welsh columns

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return in_page_language(self, "name")

    @property
    def chair_title(self) -> str:
        """The local policing body's title, from the area's governance model — never 'PCC' — in
        the page's language: on a Welsh page the area's own title in Welsh, or where it has none
        the usual title for its governance model in Welsh (never the English one mixed in)."""
        usual = DEFAULT_CHAIR_TITLES.get(self.governance_model, _("Chair"))
        if (get_language() or "").startswith("cy"):
            return self.local_policing_body_title_cy or usual
        return self.local_policing_body_title or usual


class AgencyType(models.Model):
    """A kind of organisation that sits on criminal justice boards (police, CPS, courts...)."""

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=150)
    statutory_cj_body = models.BooleanField(default=False)
    core_member_expected = models.BooleanField(
        default=False, help_text=_("A board is expected to include this kind of agency.")
    )
    advisory_only = models.BooleanField(
        default=False, help_text=_("May only hold advisory seats (for example the judiciary).")
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return in_page_language(self, "name")


class Agency(models.Model):
    """A real organisation of a type, covering one or more police force areas."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    agency_type = models.ForeignKey(AgencyType, on_delete=models.PROTECT, related_name="agencies")
    areas = models.ManyToManyField(
        PoliceForceArea,
        related_name="agencies",
        help_text=_(
            "Agencies are often not coterminous with police force areas: one CPS area "
            "or probation region can cover several forces."
        ),
    )
    website = models.URLField(blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords(m2m_fields=[areas])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name


class Notification(models.Model):
    """One message to one person: emailed once (unique key) and listed as an in-app notice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to send")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent (turned off in preferences)")
        FAILED = "failed", _("Failed")

    key = models.CharField(max_length=255, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    category = models.CharField(max_length=50)
    essential = models.BooleanField(default=False)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"


class NotificationPreference(models.Model):
    """What a person wants to be sent. Essential notices (cancellations, invitations) always go."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    reminders = models.BooleanField(
        _("Send me reminders"),
        default=True,
        help_text=_("Meetings coming up, papers due, actions and returns due or overdue."),
    )
    digest = models.BooleanField(
        _("Send me the weekly digest"),
        default=True,
        help_text=_("Only sent to secretariat and chairs."),
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("Day for the weekly digest"), choices=Weekday.choices, default=Weekday.MONDAY
    )

    def __str__(self):
        return f"Preferences of {self.person}"

    def allows(self, category: str) -> bool:
        if category == "digest":
            return self.digest
        return self.reminders


class SecurityEvent(models.Model):
    """A change to how a person signs in or what they may do, kept as a record and emailed."""

    class Kind(models.TextChoices):
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        TWO_FACTOR_ADDED = "two_factor_added", _("Two-factor sign-in turned on")
        TWO_FACTOR_REMOVED = "two_factor_removed", _("Two-factor sign-in turned off")
        TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor sign-in reset by a site admin")
        BACKUP_CODES_REGENERATED = "backup_codes_regenerated", _("New backup codes made")
        ROLE_CHANGED = "role_changed", _("Role changed")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_events"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who made the change (empty when the system did)."),
    )
    at = models.DateTimeField(default=timezone.now)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person}"
