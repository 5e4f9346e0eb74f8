"""The client address seen by rate limits: the proxy's header only from a trusted proxy."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from core.client_address import client_address


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert address("203.0.113.5", "10.0.0.1") == "203.0.113.5"


def test_a_trusted_proxy_passes_the_client_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    assert address("127.0.0.1", "198.51.100.23") == "198.51.100.23"
    assert address("::1", "2001:db8::5") == "2001:db8::5"


def test_an_untrusted_peer_cannot_choose_its_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert address("203.0.113.5", "127.0.0.1, 10.0.0.1") == "203.0.113.5"


def test_the_header_is_read_from_the_right_past_trusted_hops(settings):
    # A client's own X-Forwarded-For comes first; the proxies append what they saw.
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.1.0.0/16"]
    assert address("127.0.0.1", "1.2.3.4, 198.51.100.23, 10.1.2.3") == "198.51.100.23"


def test_a_garbled_or_missing_header_counts_as_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert address("127.0.0.1", "not-an-address") == "127.0.0.1"
    assert address("127.0.0.1") == "127.0.0.1"
    assert address("127.0.0.1", "") == "127.0.0.1"


@pytest.mark.django_db
def test_admin_login_throttle_counts_each_client_behind_the_proxy(settings):
    # Tried: 4 wrong passwords from each of two clients behind one trusted proxy.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.LOGIN_ATTEMPTS_LIMIT = 3
    settings.LOGIN_ATTEMPTS_PERIOD = 60
    cache.clear()
    client = Client()

    def attempt(forwarded):
        return client.post(
            "/admin/login/",
            {"username": "urednik", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    first = [attempt("198.51.100.1") for _ in range(4)]
    second = [attempt("198.51.100.2") for _ in range(4)]
    cache.clear()
    assert first == [200, 200, 200, 429]
    assert second == [200, 200, 200, 429]
