"""Email subscriptions: subscribe (double opt-in), confirm, unsubscribe in one click."""

import logging
import re

from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.ratelimit import RateLimited, hit, hit_for_request

from .emails import confirmation_message, read_confirmation_token
from .forms import SubscriptionForm
from .models import PressReleaseIndexPage, Subscription, Topic

logger = logging.getLogger(__name__)

TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")

SUBSCRIBE_LIMIT_PER_ADDRESS = 10  # per hour from one client address
CONFIRMATIONS_PER_MAILBOX = 3  # per day to one mailbox: nobody can mail-bomb a journalist


def mailbox_key(email):
    """One key for the variants that reach one mailbox: case, a `+tag` and dots in the local
    part (Gmail ignores them; elsewhere two such addresses merely share one limit)."""
    local, _, domain = email.strip().casefold().rpartition("@")
    local = local.split("+", 1)[0].replace(".", "")
    return f"{local}@{domain}"


def press_index(language):
    return (
        PressReleaseIndexPage.objects.live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .first()
    )


def rate_limited(request):
    return render(
        request,
        "media_office/rate_limited.html",
        {"message": RateLimited.message},
        status=429,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = translation.get_language()
    if request.method == "GET":
        form = SubscriptionForm(language=language)
        return render(
            request, "media_office/subscribe.html", {"form": form, "index": press_index(language)}
        )
    try:
        hit_for_request(request, "press-subscribe", limit=SUBSCRIBE_LIMIT_PER_ADDRESS, period=3600)
    except RateLimited:
        return rate_limited(request)
    form = SubscriptionForm(request.POST, language=language)
    if form.is_spam():
        logger.info("press subscription dropped as spam")
        return render(request, "media_office/subscribe_sent.html", {})
    if not form.is_valid():
        return render(
            request,
            "media_office/subscribe.html",
            {"form": form, "index": press_index(language)},
            status=400,
        )
    email = form.cleaned_data["email"]
    try:
        hit(
            "press-confirmation",
            mailbox_key(email),
            limit=CONFIRMATIONS_PER_MAILBOX,
            period=86400,
        )
    except RateLimited:
        return rate_limited(request)
    subscription = _get_or_create(email, language)
    topic_ids = [topic.pk for topic in form.cleaned_data["topics"]]
    confirmation_message(subscription, topic_ids).send()
    # The same answer whether the address was new, pending or confirmed: no one learns who
    # subscribes.
    return render(request, "media_office/subscribe_sent.html", {})


def _get_or_create(email, language):
    existing = Subscription.objects.filter(email_key=email.lower(), language=language).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Subscription.objects.create(email=email, language=language)
    except IntegrityError:  # two submissions at once
        return Subscription.objects.get(email_key=email.lower(), language=language)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    payload = read_confirmation_token(token)
    subscription = None
    if payload:
        subscription = Subscription.objects.filter(
            pk=payload.get("id"), email_key=payload.get("email")
        ).first()
    if subscription is None:
        return render(request, "media_office/confirm_invalid.html", {}, status=404)
    if request.method == "GET":
        # A button, not an automatic confirmation: mail scanners follow links on their own.
        return render(request, "media_office/confirm.html", {"subscription": subscription})
    topics = Topic.objects.filter(
        pk__in=payload.get("topics", []), locale__language_code=subscription.language
    )
    subscription.topics.set(topics)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return render(
        request,
        "media_office/confirmed.html",
        {"subscription": subscription, "index": press_index(subscription.language)},
    )


# One-click unsubscribe (RFC 8058): mail clients POST without a CSRF token. The secret token
# in the URL is what authorises the request.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription = None
    if TOKEN.fullmatch(token):  # a NUL or a surrogate never reaches the database
        subscription = Subscription.objects.filter(unsubscribe_token=token).first()
    if request.method == "GET":
        return render(
            request,
            "media_office/unsubscribe.html",
            {"subscription": subscription},
            status=200 if subscription else 404,
        )
    if subscription is not None:
        subscription.delete()
    return render(request, "media_office/unsubscribed.html", {})
