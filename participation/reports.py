"""The consultation report's table, generated from the comment records.

The 2023 annual report gives, for each consultation, participants (women, men, total) and
comments (refused, accepted, partially accepted, total). The same two tables are computed
here from ConsultationComment records; `publish_report_table` writes them into the
consultation page's figures (transparency.ActivityPage) and publishes it, so the page, the
yearly overview and the open data all show the same numbers.

Participants: one per distinct email address; a comment without an email counts as one
participant of its own (name matching would merge strangers and split people who write their
name twice differently). A participant's gender is the first one they stated.
"""

import unicodedata
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .answers import publish_answers
from .models import CommentStatus, ConsultationComment, Gender
from .tasks import send_answer_email_task


@dataclass
class ReportTable:
    women: int = 0
    men: int = 0
    unstated: int = 0
    accepted: int = 0
    partially_accepted: int = 0
    refused: int = 0
    pending: int = 0

    @property
    def participants_total(self):
        return self.women + self.men + self.unstated

    @property
    def comments_total(self):
        return self.accepted + self.partially_accepted + self.refused

    @property
    def is_complete(self):
        """Every comment has been classified: the table can be published."""
        return self.pending == 0

    def as_dict(self):
        return {
            "participants": {
                "women": self.women,
                "men": self.men,
                "not_stated": self.unstated,
                "total": self.participants_total,
            },
            "comments": {
                "refused": self.refused,
                "accepted": self.accepted,
                "partially_accepted": self.partially_accepted,
                "total": self.comments_total,
            },
        }


def participant_key(comment):
    email = unicodedata.normalize("NFC", comment.email.strip()).casefold()
    return f"email:{email}" if email else f"comment:{comment.pk}"


def report_table(consultation):
    table = ReportTable()
    genders = {}
    for comment in ConsultationComment.objects.filter(consultation=consultation).order_by(
        "submitted_at", "pk"
    ):
        key = participant_key(comment)
        if genders.get(key, Gender.UNSTATED) == Gender.UNSTATED:
            genders[key] = comment.gender
        if comment.status == CommentStatus.ACCEPTED:
            table.accepted += 1
        elif comment.status == CommentStatus.PARTIALLY_ACCEPTED:
            table.partially_accepted += 1
        elif comment.status == CommentStatus.REFUSED:
            table.refused += 1
        else:
            table.pending += 1
    for gender in genders.values():
        if gender == Gender.WOMAN:
            table.women += 1
        elif gender == Gender.MAN:
            table.men += 1
        else:
            table.unstated += 1
    return table


def can_publish_report(user, consultation):
    """Who may publish a consultation's report table: whoever may publish the page, and the
    consultation officer (participation.publish_consultation_report), whose only page duty it is."""
    return user.has_perm("participation.publish_consultation_report") or (
        consultation.permissions_for_user(user).can_publish()
    )


@transaction.atomic
def publish_report_table(consultation, user=None):
    """Write the generated table into the consultation page's figures and publish it, with
    the answers to the comments; each commenter with an address is emailed after the commit.

    With a `user`, can_publish_report decides (Wagtail's own check would refuse the
    consultation officer, who may publish this table but not edit the page)."""
    if user is not None and not can_publish_report(user, consultation):
        raise PermissionDenied
    table = report_table(consultation)
    if not table.is_complete:
        raise ValidationError(
            _("%(count)s comments are not classified yet.") % {"count": table.pending}
        )
    page = type(consultation).objects.get(pk=consultation.pk)
    if page.has_unpublished_changes:
        # Publishing now would push the editor's unfinished draft live along with the figures.
        raise ValidationError(
            _("The consultation page has unpublished changes: publish or discard them first.")
        )
    page.participants_women = table.women
    page.participants_men = table.men
    page.participants_total = table.participants_total
    page.comments_accepted = table.accepted
    page.comments_partially_accepted = table.partially_accepted
    page.comments_refused = table.refused
    page.comments_total = table.comments_total
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    for email in publish_answers(consultation):
        transaction.on_commit(lambda pk=email.pk: send_answer_email_task.enqueue(pk))
    return table
