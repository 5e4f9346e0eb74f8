from django import template
from django.urls import reverse
from django.utils import timezone

from transparency.choices import ActivityKind, ActivityStatus

from ..answers import published_answers
from ..forms import ConsultationCommentForm

register = template.Library()


@register.inclusion_tag("participation/includes/consultation_comment_form.html", takes_context=True)
def consultation_comment_form(context, page):
    """The comment form of a consultation page, only while the consultation is open.

    In the consultation page's template: {% load participation_tags %}
    {% consultation_comment_form page %}
    """
    from ..consultation_views import source_consultation

    shown = getattr(page, "kind", None) == ActivityKind.CONSULTATION
    shown = shown and source_consultation(page).status == ActivityStatus.OPEN
    return {
        "request": context.get("request"),
        "shown": shown,
        "form": ConsultationCommentForm(initial={"language": context.get("LANGUAGE_CODE")}),
        "action": reverse("consultation_comment", args=[page.pk]) if shown else "",
    }


@register.inclusion_tag("participation/includes/report_table.html")
def consultation_report_table(page):
    """The participants and comments of a consultation as its published report gives them."""
    return {
        "caption_title": page.title,
        "women": page.participants_women,
        "men": page.participants_men,
        "participants_total": page.participants_total,
        "refused": page.comments_refused,
        "accepted": page.comments_accepted,
        "partially_accepted": page.comments_partially_accepted,
        "comments_total": page.comments_total,
    }


@register.inclusion_tag("participation/includes/consultation_outcome.html")
def consultation_outcome(page):
    """A consultation's period while open ("open until …, N days left"), then the published
    answers to its comments. {% consultation_outcome page %}"""
    from ..consultation_views import source_consultation

    if getattr(page, "kind", None) != ActivityKind.CONSULTATION:
        return {"shown": False}
    consultation = source_consultation(page)
    closes_on = consultation.closes_on or consultation.date
    is_open = consultation.status == ActivityStatus.OPEN
    return {
        "shown": True,
        "is_open": is_open,
        "closes_on": closes_on,
        "days_left": (closes_on - timezone.localdate()).days if is_open and closes_on else None,
        "answers": published_answers(consultation),
    }
