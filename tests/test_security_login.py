"""Editor logins: throttled per address and user name, no permanent lockout, CSRF enforced,
no open redirect after login."""

import time
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client


@pytest.fixture
def editor(db):
    cache.clear()
    yield get_user_model().objects.create_user(
        "urednik", "urednik@prizren.example", "Ispravna-lozinka-1", is_staff=True
    )
    cache.clear()


def login(client, password, address="203.0.113.5", next_url=None):
    url = "/admin/login/" + (f"?next={next_url}" if next_url else "")
    data = {"username": "urednik", "password": password}
    if next_url:
        data["next"] = unquote(next_url)
    return client.post(url, data, REMOTE_ADDR=address)


def test_wrong_passwords_are_throttled_then_the_window_reopens(editor, settings):
    # Tried: 11 wrong passwords for one editor from one address, then the right one.
    settings.LOGIN_ATTEMPTS_LIMIT = 10
    settings.LOGIN_ATTEMPTS_PERIOD = 2
    time.sleep(2 - time.time() % 2)  # start at the beginning of a window
    client = Client()
    statuses = [login(client, f"pogresna-{n}").status_code for n in range(10)]
    assert statuses == [200] * 10
    throttled = login(client, "Ispravna-lozinka-1")
    assert throttled.status_code == 429
    assert throttled["Retry-After"] == "2"
    assert "_auth_user_id" not in client.session

    # The real editor, from their own address, is not locked out meanwhile.
    other = Client()
    assert login(other, "Ispravna-lozinka-1", address="198.51.100.7").status_code == 302

    # After the window the attacker's address may try again: no permanent lockout.
    time.sleep(2.1)
    assert login(client, "Ispravna-lozinka-1").status_code == 302


def test_many_user_names_from_one_address_are_throttled_too(editor, settings):
    # Tried: 51 attempts from one address, each with another user name.
    settings.LOGIN_ATTEMPTS_LIMIT = 10
    settings.LOGIN_ATTEMPTS_PERIOD = 60
    client = Client()
    statuses = [
        client.post(
            "/admin/login/", {"username": f"user{n}", "password": "x"}, REMOTE_ADDR="203.0.113.9"
        ).status_code
        for n in range(51)
    ]
    assert statuses[:50] == [200] * 50
    assert statuses[50] == 429


def test_a_spoofed_forwarded_for_header_does_not_reset_the_count(editor, settings):
    # Tried: a client-sent X-Forwarded-For that changes on every attempt.
    settings.LOGIN_ATTEMPTS_LIMIT = 3
    settings.LOGIN_ATTEMPTS_PERIOD = 60
    client = Client()
    statuses = [
        client.post(
            "/admin/login/",
            {"username": "urednik", "password": "x"},
            REMOTE_ADDR="203.0.113.10",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_login_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "urednik", "password": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "next_url",
    [
        "//evil.example",
        "https:evil.example",
        "/\\evil.example",
        "%2F%2Fevil.example",
        "javascript:alert(1)",
        "https://evil.example/admin/",
    ],
)
def test_login_never_redirects_off_site(editor, next_url):
    response = login(Client(), "Ispravna-lozinka-1", next_url=next_url)
    assert response.status_code == 302
    # Where a browser would go: resolved against the login page, as browsers do.
    target = urlsplit(urljoin("http://testserver/admin/login/", response["Location"]))
    assert target.scheme == "http" and target.netloc == "testserver", response["Location"]


def test_login_redirects_to_a_local_next(editor):
    response = login(Client(), "Ispravna-lozinka-1", next_url="/admin/pages/")
    assert response["Location"] == "/admin/pages/"
