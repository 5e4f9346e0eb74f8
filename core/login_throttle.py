"""Throttle editor logins: a temporary limit per address and user name, never a lockout.

Counts every POST to the admin login form in a fixed window (core/ratelimit.py). Past the
limit the form answers 429 until the window ends; the account itself is never locked, so an
attacker guessing passwords cannot keep the real editor out for longer than one window.
A looser limit per address alone slows attempts spread over many user names.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from core.client_address import client_address
from core.ratelimit import RateLimited, hit

logger = logging.getLogger(__name__)

ADDRESS_LIMIT_FACTOR = 5

login_view = LoginView.as_view()


def throttled_login(request, *args, **kwargs):
    if request.method == "POST":
        address = client_address(request)
        username = request.POST.get("username", "")[:150].strip().lower()
        limit = settings.LOGIN_ATTEMPTS_LIMIT
        period = settings.LOGIN_ATTEMPTS_PERIOD
        try:
            hit("admin-login", f"{address}|{username}", limit=limit, period=period)
            hit("admin-login-address", address, limit=limit * ADDRESS_LIMIT_FACTOR, period=period)
        except RateLimited:
            logger.warning("Admin login throttled for %s (user name %r)", address, username)
            response = HttpResponse(
                _("Too many login attempts. Please wait a few minutes and try again."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(period)
            return response
    return login_view(request, *args, **kwargs)
