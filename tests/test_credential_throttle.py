"""Every credential endpoint is throttled per client and per account, no editor can be locked
out for good, and the throttle holds (no 500) while Redis is down."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core import counters
from core.credential_throttle import DEVICE_COOKIE

from .search_helpers import make_page
from .test_reliability import redis_down  # noqa: F401 - fixture

PASSWORD = "Ispravna-lozinka-1"


@pytest.fixture
def editor(db, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 10
    settings.LOGIN_ATTEMPTS_PERIOD = 60
    cache.clear()
    counters.clear_local()
    yield get_user_model().objects.create_user(
        "urednik", "urednik@prizren.example", PASSWORD, is_staff=True
    )
    cache.clear()
    counters.clear_local()


def post(url, data, address):
    return Client().post(url, data, REMOTE_ADDR=address)


def test_frontend_login_20_wrong_passwords_then_429(editor):
    # Tried: 20 wrong passwords for one account from one client within a few seconds.
    statuses = [
        post(
            "/sq/_util/login/", {"username": "urednik", "password": f"x{n}"}, "203.0.113.5"
        ).status_code
        for n in range(20)
    ]
    assert statuses == [200] * 10 + [429] * 10
    # The right password from that client waits too; the editor's own client does not.
    assert post("/sq/_util/login/", {"username": "urednik", "password": PASSWORD},
                "203.0.113.5").status_code == 429  # fmt: skip
    own = post("/sq/_util/login/", {"username": "urednik", "password": PASSWORD}, "198.51.100.7")
    assert own.status_code == 302


def test_frontend_and_admin_login_share_one_count(editor):
    for n in range(5):
        post("/sq/_util/login/", {"username": "urednik", "password": f"x{n}"}, "203.0.113.6")
    for n in range(5):
        post("/admin/login/", {"username": "URednik ", "password": f"y{n}"}, "203.0.113.6")
    response = post("/admin/login/", {"username": "urednik", "password": "z"}, "203.0.113.6")
    assert response.status_code == 429


def test_successful_logins_do_not_count(editor):
    client = Client()
    for _ in range(15):
        response = client.post(
            "/admin/login/", {"username": "urednik", "password": PASSWORD}, REMOTE_ADDR="10.0.0.8"
        )
        assert response.status_code == 302
        client.logout()


@pytest.fixture
def protected_page(db):
    from .search_helpers import make_homes

    homes = make_homes()
    page = make_page(homes["sq"], "Faqe me fjalëkalim")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sekret-i-mirë"
    )
    return page, restriction


def test_page_password_20_wrong_guesses_then_429(editor, protected_page):
    page, restriction = protected_page
    url = f"/sq/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    statuses = [
        post(url, {"password": f"guess-{n}", "return_url": "/"}, "203.0.113.7").status_code
        for n in range(20)
    ]
    assert statuses == [200] * 10 + [429] * 10
    right = post(url, {"password": "sekret-i-mirë", "return_url": "/"}, "198.51.100.8")
    assert right.status_code == 302


def test_collection_password_20_wrong_guesses_then_429(editor):
    # Tried: 20 wrong passwords on a document collection's password form from one client.
    collection = Collection.get_first_root_node().add_child(name="Me fjalëkalim")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="sekret-i-mirë",
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    statuses = [
        post(url, {"password": f"guess-{n}", "return_url": "/"}, "203.0.113.9").status_code
        for n in range(20)
    ]
    assert statuses == [200] * 10 + [429] * 10
    right = post(url, {"password": "sekret-i-mirë", "return_url": "/"}, "198.51.100.9")
    assert right.status_code == 302


def test_password_reset_sends_at_most_3_emails_per_address(editor, settings):
    # Tried: 12 reset requests for one editor's address from 12 clients.
    statuses = [
        post(
            "/admin/password_reset/", {"email": "Urednik@prizren.example"}, f"10.2.0.{n}"
        ).status_code
        for n in range(12)
    ]
    assert statuses == [302] * 12  # the same answer every time: nobody learns who has an account
    assert len(mail.outbox) == settings.PASSWORD_RESET_EMAILS == 3


def test_password_reset_per_client_limit(editor, settings):
    statuses = [
        post(
            "/admin/password_reset/", {"email": f"nobody{n}@example.org"}, "203.0.113.8"
        ).status_code
        for n in range(7)
    ]
    assert statuses == [302] * settings.PASSWORD_RESET_LIMIT + [429] * 2


def test_many_clients_slow_an_account_down_but_its_known_device_signs_in(editor, settings):
    settings.LOGIN_ACCOUNT_SOFT_LIMIT = 5
    settings.LOGIN_BACKOFF_MAX_SECONDS = 3
    # The editor signed in from their browser once: it is a known device of the account.
    browser = Client()
    signed_in = browser.post(
        "/admin/login/", {"username": "urednik", "password": PASSWORD}, REMOTE_ADDR="198.51.100.9"
    )
    assert signed_in.status_code == 302 and DEVICE_COOKIE in signed_in.cookies
    browser.logout()  # the test client drops every cookie here; a browser keeps this one
    browser.cookies[DEVICE_COOKIE] = signed_in.cookies[DEVICE_COOKIE].value

    # Tried: wrong passwords from 8 different addresses, one each.
    statuses = [
        post("/admin/login/", {"username": "urednik", "password": "x"}, f"10.3.0.{n}").status_code
        for n in range(8)
    ]
    assert statuses[:6] == [200] * 6  # the 6th failure starts the backoff
    assert statuses[6:] == [429, 429]
    stranger = post("/admin/login/", {"username": "urednik", "password": PASSWORD}, "10.3.1.1")
    assert stranger.status_code == 429
    assert int(stranger["Retry-After"]) <= settings.LOGIN_BACKOFF_MAX_SECONDS

    # The editor's own browser is not held back, from any address.
    again = browser.post(
        "/admin/login/", {"username": "urednik", "password": PASSWORD}, REMOTE_ADDR="10.3.1.2"
    )
    assert again.status_code == 302

    # The wait ends by itself: no permanent lockout for a new device either.
    time.sleep(int(stranger["Retry-After"]) + 0.1)
    later = post("/admin/login/", {"username": "urednik", "password": PASSWORD}, "10.3.1.1")
    assert later.status_code == 302


def test_throttle_holds_without_500_while_redis_is_down(editor, redis_down):  # noqa: F811
    statuses = [
        post(
            "/sq/_util/login/", {"username": "urednik", "password": f"x{n}"}, "203.0.113.9"
        ).status_code
        for n in range(12)
    ]
    assert statuses == [200] * 10 + [429] * 2
    ok = Client().post(
        "/admin/login/", {"username": "urednik", "password": PASSWORD}, REMOTE_ADDR="198.51.100.3"
    )
    assert ok.status_code == 302
