import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage, IntroMixin

from . import deadlines


class PublicHoliday(models.Model):
    """A day on which the municipality does not work; editable by staff."""

    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)
    recurs_yearly = models.BooleanField(
        _("every year on this day"),
        default=False,
        help_text=_("For fixed holidays such as 17 February. The year of the date is ignored."),
    )

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["-recurs_yearly", "date"]
        constraints = [
            models.UniqueConstraint(fields=["date", "recurs_yearly"], name="unique_holiday_date")
        ]

    def __str__(self):
        if self.recurs_yearly:
            return f"{self.date:%d.%m.} {self.name}"
        return f"{self.date:%d.%m.%Y} {self.name}"

    @classmethod
    def dates_between(cls, start, end):
        """Every holiday date from `start` to `end` inclusive, recurring ones expanded."""
        days = set(
            cls.objects.filter(recurs_yearly=False, date__range=(start, end)).values_list(
                "date", flat=True
            )
        )
        for day in cls.objects.filter(recurs_yearly=True).values_list("date", flat=True):
            for year in range(start.year, end.year + 1):
                try:
                    candidate = day.replace(year=year)
                except ValueError:  # 29 February
                    continue
                if start <= candidate <= end:
                    days.add(candidate)
        return frozenset(days)


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    EXTENDED = "extended", _("Extended")
    GRANTED = "granted", _("Granted")
    PARTIALLY_GRANTED = "partially_granted", _("Partially granted")
    REFUSED = "refused", _("Refused")
    FORWARDED = "forwarded", _("Forwarded")


OPEN_STATUSES = {RequestStatus.RECEIVED, RequestStatus.EXTENDED}
DECIDED_STATUSES = {
    RequestStatus.GRANTED,
    RequestStatus.PARTIALLY_GRANTED,
    RequestStatus.REFUSED,
    RequestStatus.FORWARDED,
}
# The state machine: where each status may go. Decided requests are final; a complaint goes to
# the Information and Privacy Agency, outside this register.
ALLOWED_TRANSITIONS = {
    RequestStatus.RECEIVED: {
        RequestStatus.EXTENDED,
        RequestStatus.GRANTED,
        RequestStatus.PARTIALLY_GRANTED,
        RequestStatus.REFUSED,
        RequestStatus.FORWARDED,
    },
    RequestStatus.EXTENDED: {
        RequestStatus.GRANTED,
        RequestStatus.PARTIALLY_GRANTED,
        RequestStatus.REFUSED,
        RequestStatus.FORWARDED,
    },
    RequestStatus.GRANTED: set(),
    RequestStatus.PARTIALLY_GRANTED: set(),
    RequestStatus.REFUSED: set(),
    RequestStatus.FORWARDED: set(),
}
NEEDS_LEGAL_GROUND = {RequestStatus.REFUSED, RequestStatus.PARTIALLY_GRANTED}


class PreferredFormat(models.TextChoices):
    COPY = "copy", _("A paper copy")
    ELECTRONIC = "electronic", _("An electronic copy")
    VIEWING = "viewing", _("Viewing the original at the municipality")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    POSTAL = "postal", _("Post")


class Channel(models.TextChoices):
    WEB = "web", _("Website form")
    EMAIL = "email", _("Email")
    PAPER = "paper", _("Paper, at the office")


class TransitionError(ValidationError):
    pass


def new_status_token():
    """The secret of a request's private status link: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def decision_letter_path(instance, filename):
    # Never the requester's file name, never the reference: a random name in a private folder.
    return f"access-requests/{uuid.uuid4().hex}.pdf"


def validate_pdf(upload):
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The decision letter must be a PDF file."), code="not_pdf")
    if upload.size > settings.ACCESS_REQUEST_LETTER_MAX_BYTES:
        raise ValidationError(_("The decision letter is too large."), code="too_large")


class AccessRequest(models.Model):
    """One request for access to public documents and what became of it (the register)."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    channel = models.CharField(
        _("received by"), max_length=10, choices=Channel, default=Channel.WEB
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="sq"
    )
    subject = models.TextField(_("documents requested"), max_length=5000)
    preferred_format = models.CharField(
        _("preferred format"),
        max_length=12,
        choices=PreferredFormat,
        default=PreferredFormat.ELECTRONIC,
    )
    contact_method = models.CharField(
        _("contact by"), max_length=10, choices=ContactMethod, default=ContactMethod.EMAIL
    )
    email = models.EmailField(_("email"), blank=True)
    postal_address = models.TextField(_("postal address"), max_length=500, blank=True)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Optional: requests may be anonymous.")
    )
    is_urgent = models.BooleanField(_("urgent (life or liberty at stake)"), default=False)
    urgency_reason = models.TextField(_("reason for urgency"), max_length=2000, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus, default=RequestStatus.RECEIVED
    )
    due_at = models.DateTimeField(_("legal deadline"), editable=False)
    extended_at = models.DateTimeField(_("extended"), null=True, blank=True, editable=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decision = models.TextField(_("decision"), blank=True)
    legal_ground = models.CharField(
        _("legal ground"),
        max_length=500,
        blank=True,
        help_text=_(
            "Required when the request is refused or partially granted: the article of the law."
        ),
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    released_documents = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("documents released"),
        blank=True,
        related_name="+",
    )
    staff_notes = models.TextField(_("internal notes"), blank=True)
    public_subject = models.CharField(
        _("subject in the public log"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the public log of requests shows as the subject. Write it without anything "
            "that identifies the requester; while empty, the log shows no subject."
        ),
    )
    decision_letter = models.FileField(
        _("decision letter"),
        upload_to=decision_letter_path,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF; only the requester sees it, through the private status link."),
    )
    status_token = models.CharField(
        max_length=64, unique=True, editable=False, default=new_status_token
    )
    # The public form's submission token (core.forms): a retry returns this request's receipt.
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("access-to-documents request")
        verbose_name_plural = _("access-to-documents requests")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self):
        return self.reference or str(_("new request"))

    # Saving

    def save(self, *args, user=None, at=None, **kwargs):
        at = at or timezone.now()
        self.check_transition(self.status)
        is_new = self.pk is None
        old_status = self._apply_status_change(at)
        self.due_at = self.compute_due_at()
        with transaction.atomic():
            if not self.reference:
                self._save_with_new_reference(*args, **kwargs)
            else:
                super().save(*args, **kwargs)
            if is_new or old_status is not None:
                StatusChange.objects.create(
                    request=self,
                    from_status="" if is_new else old_status,
                    to_status=self.status,
                    changed_at=self.received_at if is_new else at,
                    changed_by=user,
                )
        self._stored_status = self.status

    def _save_with_new_reference(self, *args, **kwargs):
        year = timezone.localtime(self.received_at).year
        prefix = f"KPD-{year}-"
        for _attempt in range(5):
            last = (
                AccessRequest.objects.filter(reference__startswith=prefix)
                .order_by("-reference")
                .values_list("reference", flat=True)
                .first()
            )
            number = int(last.removeprefix(prefix)) + 1 if last else 1
            self.reference = f"{prefix}{number:04d}"
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                self.reference = ""
                self.pk = None
        raise IntegrityError("Could not allocate a request reference")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance

    @property
    def stored_status(self):
        return getattr(self, "_stored_status", None)

    # Deadlines

    def compute_due_at(self, rules=None):
        rules = rules or deadlines.DeadlineRules.from_settings()
        received_on = timezone.localtime(self.received_at).date()
        holidays = PublicHoliday.dates_between(
            received_on, deadlines.latest_possible_deadline_day(received_on, rules)
        )
        return deadlines.compute_deadline(
            self.received_at,
            extended=self.extended_at is not None,
            urgent=self.is_urgent,
            holidays=holidays,
            rules=rules,
        )

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def days_left(self, now=None):
        return deadlines.days_left(self.due_at, now or timezone.now())

    def is_overdue(self, now=None):
        return self.is_open and deadlines.is_overdue(self.due_at, now or timezone.now())

    def is_due_soon(self, now=None):
        rules = deadlines.DeadlineRules.from_settings()
        return self.is_open and deadlines.is_due_soon(self.due_at, now or timezone.now(), rules)

    def days_left_badge(self):
        """The days-left column of the register: overdue and due-soon requests stand out."""
        if not self.is_open:
            return format_html('<span class="deadline-badge">{}</span>', self.get_status_display())
        left = self.days_left()
        if self.is_overdue():
            label = _("Overdue by %(days)s days") % {"days": max(-left, 0)}
            return format_html(
                '<span class="deadline-badge deadline-badge--overdue">{}</span>', label
            )
        classname = "deadline-badge--due-soon" if self.is_due_soon() else "deadline-badge--open"
        label = _("%(days)s days left") % {"days": left}
        return format_html('<span class="deadline-badge {}">{}</span>', classname, label)

    days_left_badge.short_description = _("days left")

    def subject_excerpt(self):
        subject = " ".join(self.subject.split())
        return subject[:80] + ("…" if len(subject) > 80 else "")

    subject_excerpt.short_description = _("documents requested")

    def complaint_due_at(self, now=None):
        """Until when the requester may complain to the Agency: after a refusal (even partial)
        or once the deadline passed without a decision; None otherwise."""
        rules = deadlines.DeadlineRules.from_settings()
        if self.status in NEEDS_LEGAL_GROUND and self.decided_at:
            start = self.decided_at
        elif self.is_open:
            start = self.due_at
        else:
            return None
        start_on = timezone.localtime(start).date()
        holidays = PublicHoliday.dates_between(
            start_on, deadlines.latest_possible_deadline_day(start_on, rules)
        )
        return deadlines.complaint_deadline(start, holidays=holidays, rules=rules)

    @property
    def decided_on_time(self):
        if self.decided_at is None:
            return None
        return deadlines.decided_on_time(self.due_at, self.decided_at)

    # Status transitions

    def check_transition(self, new_status):
        """Raise TransitionError unless the stored status may change to `new_status`."""
        new_status = RequestStatus(new_status)
        old_status = RequestStatus(self.stored_status or RequestStatus.RECEIVED)
        if new_status == old_status:
            return
        if new_status not in ALLOWED_TRANSITIONS[old_status]:
            raise TransitionError(
                _("A request cannot go from “%(old)s” to “%(new)s”.")
                % {"old": old_status.label, "new": new_status.label},
                code="transition",
            )
        if new_status == RequestStatus.EXTENDED and self.is_urgent:
            raise TransitionError(_("An urgent request cannot be extended."), code="transition")

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.check_transition(self.status)
        except TransitionError as error:
            errors["status"] = error.messages
        status = RequestStatus(self.status)
        if status in DECIDED_STATUSES and not self.decision.strip():
            errors["decision"] = [_("Write the decision.")]
        if status in NEEDS_LEGAL_GROUND and not self.legal_ground.strip():
            errors["legal_ground"] = [_("A refusal, even a partial one, needs its legal ground.")]
        if status == RequestStatus.FORWARDED and not self.forwarded_to.strip():
            errors["forwarded_to"] = [_("Say which institution the request was forwarded to.")]
        if status == RequestStatus.EXTENDED and not self.extension_reason.strip():
            errors["extension_reason"] = [
                _("Give the reason for the extension notified to the requester.")
            ]
        if self.contact_method == ContactMethod.EMAIL and not self.email:
            errors["email"] = [_("Give an email address, or choose contact by post.")]
        if self.contact_method == ContactMethod.POSTAL and not self.postal_address.strip():
            errors["postal_address"] = [_("Give a postal address, or choose contact by email.")]
        if self.is_urgent and not self.urgency_reason.strip():
            errors["urgency_reason"] = [_("Say why the request is urgent.")]
        if errors:
            raise ValidationError(errors)

    def transition(self, new_status, *, user=None, at=None, **fields):
        """Move to `new_status` (validated), setting `fields` (decision, legal_ground, ...)."""
        for name, value in fields.items():
            setattr(self, name, value)
        self.status = new_status
        self.full_clean(exclude=["released_documents"])
        self.save(user=user, at=at)
        return self

    def _apply_status_change(self, at):
        """Set the timestamps of the status being entered; the status left, if it changed."""
        old = self.stored_status
        if old == self.status:
            return None
        if self.status == RequestStatus.EXTENDED and self.extended_at is None:
            self.extended_at = at
        if self.status in DECIDED_STATUSES and self.decided_at is None:
            self.decided_at = at
        return old or ""


class StatusChange(models.Model):
    """The history of a request: every status it went through, when and by whom."""

    request = models.ForeignKey(
        AccessRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=RequestStatus, blank=True)
    to_status = models.CharField(max_length=20, choices=RequestStatus)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.request}: {self.from_status} → {self.to_status}"


class RequesterEmail(models.Model):
    """The email telling the requester about one status change: at most one per change.

    Created with the change (signals.py) when the request has an email address; the task
    claims it, sends it and stamps `sent_at`; a failed attempt is released for a retry.
    """

    status_change = models.OneToOneField(
        StatusChange, on_delete=models.CASCADE, related_name="requester_email"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "attempts"])]

    def __str__(self):
        return f"{self.status_change} ({'sent' if self.sent_at else 'pending'})"


class DueNotification(models.Model):
    """One reminder email about a request on one day: never two the same day."""

    request = models.ForeignKey(
        AccessRequest, on_delete=models.CASCADE, related_name="due_notifications"
    )
    sent_on = models.DateField()
    recipients = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "sent_on"], name="one_reminder_per_day")
        ]

    def __str__(self):
        return f"{self.request} {self.sent_on}"


class AccessRequestFormPage(RoutablePageMixin, IntroMixin, BasePage):
    """The public form for requests, its receipt, and the yearly statistics of the register."""

    privacy_note = models.TextField(
        _("privacy note"),
        blank=True,
        help_text=_("How the municipality uses the contact details given with a request."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("privacy_note")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("access-to-documents request page")

    @path("")
    def request_form(self, request):
        from .views import access_request_form

        return access_request_form(request, self)

    @path("receipt/")
    def receipt(self, request):
        from .views import access_request_receipt

        return access_request_receipt(request, self)

    @path("status/<str:token>/")
    def status(self, request, token):
        from .status_views import request_status

        return request_status(request, self, token)

    @path("status/<str:token>/letter/")
    def status_letter(self, request, token):
        from .status_views import request_letter

        return request_letter(request, self, token)

    @path("log/")
    def log(self, request):
        from .status_views import request_log

        return request_log(request, self)

    @path("statistics/")
    def statistics(self, request):
        from .views import access_request_statistics

        return access_request_statistics(request, self)


# --- comments on public consultations ---------------------------------------------------------


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    REFUSED = "refused", _("Refused")


NEEDS_REASON = {CommentStatus.PARTIALLY_ACCEPTED, CommentStatus.REFUSED}
# The status labels are plural column headings of the report table; one comment's answer:
ANSWER_LABELS = {
    CommentStatus.PENDING: pgettext_lazy("answer to one comment", "Not answered yet"),
    CommentStatus.ACCEPTED: pgettext_lazy("answer to one comment", "Accepted"),
    CommentStatus.PARTIALLY_ACCEPTED: pgettext_lazy("answer to one comment", "Partly accepted"),
    CommentStatus.REFUSED: pgettext_lazy("answer to one comment", "Not accepted"),
}


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    UNSTATED = "unstated", _("Prefer not to say")


class CommentChannel(models.TextChoices):
    ONLINE = "online", _("Online form")
    WRITTEN = "written", _("In writing (post, email)")
    MEETING = "meeting", _("At the consultation meeting")


class ConsultationComment(models.Model):
    """A citizen's comment on a public consultation and the municipality's answer to it.

    Always attached to the Albanian (source) consultation page, whatever language the reader
    used; the consultation report's table is computed from these records (participation/reports).
    """

    consultation = models.ForeignKey(
        "transparency.ActivityPage",
        on_delete=models.CASCADE,
        related_name="citizen_comments",
        verbose_name=_("consultation"),
        limit_choices_to={"kind": "consultation", "alias_of__isnull": True},
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    channel = models.CharField(
        _("received by"), max_length=10, choices=CommentChannel, default=CommentChannel.ONLINE
    )
    language = models.CharField(
        _("language of the comment"), max_length=10, choices=settings.LANGUAGES, default="sq"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender, default=Gender.UNSTATED)
    text = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus, default=CommentStatus.PENDING
    )
    reason = models.TextField(
        _("reason"),
        max_length=2000,
        blank=True,
        help_text=_(
            "The municipality's answer: required when the comment is refused or partially "
            "accepted. Write it in the language of the comment."
        ),
    )
    show_text = models.BooleanField(
        _("publish the comment's text"),
        default=False,
        help_text=_(
            "Tick once the text has been read and holds nothing abusive or personal. The "
            "answer is published either way; the commenter's name and email never are."
        ),
    )
    published_at = models.DateTimeField(
        _("answer published"), null=True, blank=True, editable=False
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("classified by"),
    )
    moderated_at = models.DateTimeField(_("classified"), null=True, blank=True, editable=False)
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["-submitted_at"]
        permissions = [
            ("publish_consultation_report", _("Can publish the report table of a consultation"))
        ]

    def __str__(self):
        excerpt = " ".join(self.text.split())
        return excerpt[:60] + ("…" if len(excerpt) > 60 else "")

    def clean(self):
        super().clean()
        if self.status in NEEDS_REASON and not self.reason.strip():
            raise ValidationError(
                {"reason": _("Give the reason for refusing the comment, even partially.")}
            )

    def classify(self, status, *, reason="", user=None, at=None):
        self.status = status
        self.reason = reason
        self.full_clean()
        self.mark_moderated(user, at)
        self.save()
        return self

    def mark_moderated(self, user, at=None):
        self.moderated_by = user
        self.moderated_at = at or timezone.now()

    @property
    def is_anonymous(self):
        return not self.name.strip()

    def excerpt(self):
        return str(self)

    excerpt.short_description = _("comment")

    @property
    def answer_label(self):
        return ANSWER_LABELS[CommentStatus(self.status)]


class CommentAnswerEmail(models.Model):
    """The email telling a commenter the answer to their comment: at most one per comment."""

    comment = models.OneToOneField(
        ConsultationComment, on_delete=models.CASCADE, related_name="answer_email"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return f"{self.comment_id} ({'sent' if self.sent_at else 'pending'})"
