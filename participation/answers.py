"""The municipality's answers to consultation comments: published with the report table, each
commenter who gave an address emailed once, in the language of their comment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.visibility import public

from .models import CommentAnswerEmail, CommentStatus, ConsultationComment
from .requester_emails import absolute


def published_answers(consultation):
    """The answered comments the public sees on the consultation page, oldest first."""
    return (
        ConsultationComment.objects.filter(consultation=consultation, published_at__isnull=False)
        .exclude(status=CommentStatus.PENDING)
        .order_by("submitted_at", "pk")
    )


def publish_answers(consultation, at=None):
    """Publish every classified answer not published yet; the commenters' emails to queue."""
    at = at or timezone.now()
    newly = list(
        ConsultationComment.objects.filter(consultation=consultation, published_at__isnull=True)
        .exclude(status=CommentStatus.PENDING)
        .order_by("pk")
    )
    ConsultationComment.objects.filter(pk__in=[c.pk for c in newly]).update(published_at=at)
    return [
        CommentAnswerEmail.objects.get_or_create(comment=comment)[0]
        for comment in newly
        if comment.email
    ]


def page_in_language(consultation, language):
    """The consultation page in `language` (translation or alias) if public, else the source."""
    for page in public(
        type(consultation).objects.filter(translation_key=consultation.translation_key)
    ):
        if page.locale.language_code == language:
            return page
    return consultation


def answer_message(comment):
    consultation = comment.consultation
    language = comment.language or settings.LANGUAGE_CODE
    with translation.override(language):
        page = page_in_language(consultation, language)
        context = {
            "comment": comment,
            "consultation": page,
            "page_url": absolute(page.get_url_parts()[2]) + "#answers",
        }
        body = render_to_string("participation/email/comment_answer.txt", context)
        subject = gettext("The municipality has answered your comment")
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[comment.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
