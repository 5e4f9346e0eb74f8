"""Throttle of every credential form: failures per client and account, never a lockout.

Three counters of *failed* attempts, each in a fixed window of LOGIN_ATTEMPTS_PERIOD seconds
(docs/decisions/0065-credential-throttle.md):

- per client address and account: LOGIN_ATTEMPTS_LIMIT failures, then 429 for the rest of the
  window. Only this client's own failures count, so nobody else can exhaust it.
- per client address, any account: LOGIN_ATTEMPTS_LIMIT × CLIENT_LIMIT_FACTOR failures
  (guessing across many user names).
- per account, every client together: past LOGIN_ACCOUNT_SOFT_LIMIT failures in the window,
  each further failure makes the account wait twice as long before the next attempt (1 s, 2 s,
  4 s … at most LOGIN_BACKOFF_MAX_SECONDS). The wait ends by itself, and a browser that has
  signed in to the account before (a signed "known device" cookie) never waits for it: an
  attacker spread over many addresses slows the account down for strangers only.

The counters live in the shared cache and, while it is down, in process memory
(core.counters): the throttle never fails open and never answers 500.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.utils.translation import gettext as _

from core import counters
from core.client_address import client_address
from core.ratelimit import window_key

CLIENT_LIMIT_FACTOR = 5
DEVICE_COOKIE = "prizren_device"
DEVICE_COOKIE_SALT = "core.credential_throttle.device"
DEVICE_COOKIE_MAX_AGE = 180 * 86400
DEVICE_COOKIE_ACCOUNTS = 5


def _digest(value):
    return hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def normalise_account(value):
    return (value or "")[:254].strip().casefold()


class CredentialThrottle:
    """Throttle of one attempt by this request's client at `account` within `scope`."""

    def __init__(self, request, scope, account):
        self.request = request
        self.scope = scope
        self.account = _digest(normalise_account(account))
        self.address = client_address(request)
        self.period = settings.LOGIN_ATTEMPTS_PERIOD
        self.limit = settings.LOGIN_ATTEMPTS_LIMIT
        self.pair_key = window_key(f"{scope}-pair", f"{self.address}|{self.account}", self.period)
        self.client_key = window_key(f"{scope}-client", self.address, self.period)
        self.account_key = window_key(f"{scope}-account", self.account, self.period)
        self.backoff_key = f"throttle:{scope}-backoff:{self.account}"

    def retry_after(self):
        """Seconds this client must wait before trying again, or 0."""
        now = time.time()
        values = counters.read(self.pair_key, self.client_key, self.backoff_key)
        window_left = max(1, math.ceil(self.period - now % self.period))
        if values.get(self.pair_key, 0) >= self.limit:
            return window_left
        if values.get(self.client_key, 0) >= self.limit * CLIENT_LIMIT_FACTOR:
            return window_left
        until = values.get(self.backoff_key)
        if until and until > now and not self.known_device():
            return max(1, math.ceil(until - now))
        return 0

    def failed(self):
        counters.increment(self.pair_key, self.period)
        counters.increment(self.client_key, self.period)
        failures = counters.increment(self.account_key, self.period)
        excess = failures - settings.LOGIN_ACCOUNT_SOFT_LIMIT
        if excess > 0:
            delay = min(2 ** min(excess - 1, 30), settings.LOGIN_BACKOFF_MAX_SECONDS)
            counters.put(self.backoff_key, time.time() + delay, timeout=delay)

    def known_device(self):
        cookie = self.request.COOKIES.get(DEVICE_COOKIE, "")
        try:
            accounts = signing.loads(cookie, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_MAX_AGE)
        except signing.BadSignature:
            return False
        return isinstance(accounts, list) and self.account in accounts

    def remember_device(self, response):
        """After a successful sign-in: this browser is known for this account."""
        try:
            accounts = signing.loads(
                self.request.COOKIES.get(DEVICE_COOKIE, ""),
                salt=DEVICE_COOKIE_SALT,
                max_age=DEVICE_COOKIE_MAX_AGE,
            )
        except signing.BadSignature:
            accounts = []
        if not isinstance(accounts, list):
            accounts = []
        accounts = [self.account] + [item for item in accounts if item != self.account]
        response.set_cookie(
            DEVICE_COOKIE,
            signing.dumps(accounts[:DEVICE_COOKIE_ACCOUNTS], salt=DEVICE_COOKIE_SALT),
            max_age=DEVICE_COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def throttled_response(seconds):
    response = HttpResponse(
        _("Too many attempts. Please wait a few minutes and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(seconds)
    return response
