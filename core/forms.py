"""Spam defences shared by the public forms: a honeypot field and a minimum fill time."""

import re
import secrets
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MINIMUM_SECONDS_TO_FILL = 2
SUBMISSION_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class SpamProtectedForm(forms.Form):
    """Adds a hidden honeypot field and a signed timestamp.

    `is_spam()` is true when the honeypot is filled or the form came back faster than a person
    can fill it; the view then answers as if all went well and stores nothing.
    """

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    rendered_at = forms.CharField(required=False, widget=forms.HiddenInput)
    # One random token per rendered form: a retry of the same submission (a reload, a second
    # click, a retry after an error page) is recognised and stores nothing twice.
    submission = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["rendered_at"] = signing.dumps(time.time(), salt="form-rendered-at")
            self.initial["submission"] = secrets.token_urlsafe(24)

    def submission_token(self):
        """The form's submission token as sent back, or None when missing or malformed."""
        token = str(self.data.get("submission", ""))
        return token if SUBMISSION_TOKEN.fullmatch(token) else None

    def is_spam(self):
        if self.data.get("website"):
            return True
        try:
            rendered_at = signing.loads(
                self.data.get("rendered_at", ""), salt="form-rendered-at", max_age=86400
            )
        except signing.BadSignature:
            return True
        return time.time() - float(rendered_at) < MINIMUM_SECONDS_TO_FILL
