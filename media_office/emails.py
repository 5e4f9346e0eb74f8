"""Addresses and messages of the press subscriptions."""

import re
import unicodedata

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.template.loader import render_to_string
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

CONFIRMATION_SALT = "media_office.subscription.confirm"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600
MAX_EMAIL_LENGTH = 254  # RFC 5321 path limit, minus the angle brackets

# Plain ASCII local parts only (no quoted strings, no SMTPUTF8): what every municipal mail
# server delivers, and no room for homoglyphs such as a Cyrillic "а" in "аdmin".
LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def normalise_email(value):
    """The address as stored: domain lowercased and IDNA-encoded; ValidationError if refused.

    Refused, consistently: quoted or non-ASCII local parts, domains without a dot, anything
    over 254 characters, and any control character (a CR/LF could otherwise reach a header).
    """
    invalid = ValidationError(_("Enter a valid email address."), code="invalid")
    value = unicodedata.normalize("NFC", (value or "").strip())
    if not value or len(value) > MAX_EMAIL_LENGTH or HEADER_UNSAFE.search(value):
        raise invalid
    local, at, domain = value.rpartition("@")
    if not at or not LOCAL_PART.match(local) or len(local) > 64:
        raise invalid
    try:
        domain = domain.lower().encode("idna").decode("ascii")
    except UnicodeError:
        raise invalid from None
    if "." not in domain:
        raise invalid
    address = f"{local}@{domain}"
    if len(address) > MAX_EMAIL_LENGTH:
        raise invalid
    validate_email(address)
    return address


def header_text(value):
    """A line of text safe for an email header: control characters and line breaks removed."""
    return " ".join(HEADER_UNSAFE.sub(" ", str(value)).split())


def confirmation_token(subscription, topic_ids):
    return signing.dumps(
        {"id": subscription.pk, "email": subscription.email_key, "topics": sorted(topic_ids)},
        salt=CONFIRMATION_SALT,
    )


def read_confirmation_token(token):
    """The token's payload, or None if it is forged, damaged or older than a week."""
    try:
        return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None


def absolute(path):
    """An absolute URL on the public site (the default Wagtail site's host)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def unsubscribe_headers(unsubscribe_url):
    # RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build_message(subscription, *, subject, template, context, with_unsubscribe=True):
    from django.urls import reverse

    with override(subscription.language):
        unsubscribe_url = absolute(
            reverse("media_office:unsubscribe", args=[subscription.unsubscribe_token])
        )
        context = {**context, "subscription": subscription, "unsubscribe_url": unsubscribe_url}
        text = render_to_string(f"media_office/email/{template}.txt", context)
        html = render_to_string(f"media_office/email/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=header_text(subject),
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscription.email],
            headers=unsubscribe_headers(unsubscribe_url) if with_unsubscribe else {},
        )
        message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription, topic_ids):
    from django.urls import reverse

    with override(subscription.language):
        confirm_url = absolute(
            reverse("media_office:confirm", args=[confirmation_token(subscription, topic_ids)])
        )
        subject = gettext("Confirm your subscription to the press releases of Prizren")
        return build_message(
            subscription,
            subject=subject,
            template="confirm",
            context={"confirm_url": confirm_url},
        )


def release_message(subscription, release):
    with override(subscription.language):
        subject = gettext("Press release: %(title)s") % {"title": release.title}
        return build_message(
            subscription,
            subject=subject,
            template="release",
            context={"release": release, "release_url": release.get_full_url()},
        )
