"""Public views: a comment on an open consultation (a page of the transparency app)."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from core.client_address import client_address
from core.ratelimit import RateLimited
from core.visibility import public
from transparency.choices import ActivityKind, ActivityStatus
from transparency.models import ActivityPage

from .forms import ConsultationCommentForm
from .models import CommentChannel, ConsultationComment
from .views import rate_limit

logger = logging.getLogger(__name__)

TEMPLATE = "participation/consultation_comment.html"


def source_consultation(page):
    """The Albanian page the comments belong to, whichever tree the reader came from."""
    if page.alias_of_id:
        return page.alias_of.specific
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    source = page.get_translation_or_none(source_locale) if source_locale else None
    return source.specific if source else page


def consultation_or_404(page_id):
    page = get_object_or_404(
        public(ActivityPage.objects), pk=page_id, kind=ActivityKind.CONSULTATION
    )
    return page, source_consultation(page)


def consultation_comment(request, page_id):
    page, consultation = consultation_or_404(page_id)
    is_open = consultation.status == ActivityStatus.OPEN
    context = {"page": page, "consultation": consultation, "is_open": is_open}
    if request.method != "POST":
        form = ConsultationCommentForm(initial={"language": translation.get_language()})
        return TemplateResponse(request, TEMPLATE, {**context, "form": form})

    form = ConsultationCommentForm(request.POST)
    sent_url = reverse("consultation_comment_sent", args=[page.pk])
    token = form.submission_token()
    if token and ConsultationComment.objects.filter(submission_token=token).exists():
        return HttpResponseRedirect(sent_url)  # a retry: the comment is already in
    if not is_open:
        return TemplateResponse(request, TEMPLATE, {**context, "form": form}, status=400)
    try:
        rate_limit(request, "consultation-comment")
    except RateLimited as limited:
        context.update(form=form, rate_limited=limited.message)
        return TemplateResponse(request, TEMPLATE, context, status=429)
    if form.is_spam():
        logger.info("Consultation comment dropped as spam from %s", client_address(request))
        return HttpResponseRedirect(sent_url)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {**context, "form": form})
    try:
        with transaction.atomic():
            ConsultationComment.objects.create(
                consultation=consultation,
                channel=CommentChannel.ONLINE,
                language=form.cleaned_data["language"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                gender=form.cleaned_data["gender"],
                text=form.cleaned_data["text"],
                submission_token=token,
            )
    except IntegrityError:
        # The same submission twice at once: the other one stored it.
        if not token or not ConsultationComment.objects.filter(submission_token=token).exists():
            raise
    return HttpResponseRedirect(sent_url)


def consultation_comment_sent(request, page_id):
    page, consultation = consultation_or_404(page_id)
    context = {"page": page, "consultation": consultation, "sent": True}
    return TemplateResponse(request, TEMPLATE, context)
