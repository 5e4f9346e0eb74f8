"""Every credential form, throttled (core/credential_throttle.py): the admin login, Wagtail's
front-end login, password reset, page passwords and collection (document) passwords.

A POST that fails (the form comes back instead of a redirect) counts against the client and the
account; a successful sign-in marks the browser as a known device of the account. Password
reset emails are limited per address as well, answering as if sent (nobody learns whether an
account exists).
"""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from wagtail import views as wagtail_views
from wagtail.admin.views import account
from wagtail.documents.views.serve import authenticate_with_password as collection_password_view
from wagtail.urls import WAGTAIL_FRONTEND_LOGIN_TEMPLATE

from core.credential_throttle import CredentialThrottle, normalise_account, throttled_response
from core.ratelimit import RateLimited, hit

logger = logging.getLogger(__name__)

admin_login_view = account.LoginView.as_view()
frontend_login_view = auth_views.LoginView.as_view(template_name=WAGTAIL_FRONTEND_LOGIN_TEMPLATE)


def _throttled(request, scope, account_name, view, *args, remember=False, **kwargs):
    if request.method != "POST":
        return view(request, *args, **kwargs)
    throttle = CredentialThrottle(request, scope, account_name)
    wait = throttle.retry_after()
    if wait:
        logger.warning("%s throttled for %s", scope, throttle.address)
        return throttled_response(wait)
    response = view(request, *args, **kwargs)
    if response.status_code in (301, 302, 303):
        if remember:
            throttle.remember_device(response)
    else:
        throttle.failed()
    return response


def throttled_login(request, *args, **kwargs):
    username = request.POST.get("username", "")
    return _throttled(request, "login", username, admin_login_view, *args, remember=True, **kwargs)


def throttled_frontend_login(request, *args, **kwargs):
    # The same scope as the admin login: one account, one count, whichever form is used.
    username = request.POST.get("username", "")
    return _throttled(
        request, "login", username, frontend_login_view, *args, remember=True, **kwargs
    )


def throttled_page_password(request, page_view_restriction_id, page_id):
    return _throttled(
        request,
        "page-password",
        f"restriction:{page_view_restriction_id}",
        wagtail_views.authenticate_with_password,
        page_view_restriction_id=page_view_restriction_id,
        page_id=page_id,
    )


def throttled_collection_password(request, restriction_id):
    return _throttled(
        request,
        "collection-password",
        f"restriction:{restriction_id}",
        collection_password_view,
        restriction_id=restriction_id,
    )


class ThrottledPasswordResetView(account.PasswordResetView):
    """At most PASSWORD_RESET_LIMIT requests per client and PASSWORD_RESET_EMAILS emails per
    address in PASSWORD_RESET_PERIOD seconds."""

    def post(self, request, *args, **kwargs):
        try:
            hit(
                "password-reset-client",
                CredentialThrottle(request, "password-reset", "").address,
                limit=settings.PASSWORD_RESET_LIMIT,
                period=settings.PASSWORD_RESET_PERIOD,
            )
        except RateLimited:
            return throttled_response(settings.PASSWORD_RESET_PERIOD)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = normalise_account(form.cleaned_data.get("email", ""))
        try:
            hit(
                "password-reset-email",
                email,
                limit=settings.PASSWORD_RESET_EMAILS,
                period=settings.PASSWORD_RESET_PERIOD,
            )
        except RateLimited:
            logger.warning("Password reset email not sent: limit reached for one address")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


password_reset_view = ThrottledPasswordResetView.as_view()
