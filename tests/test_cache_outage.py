"""A Redis outage never breaks a login or a form and never duplicates a record: sessions in
the database, one submission token per rendered form. Redis is really unreachable here: the
cache points at a closed port."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from core import counters
from participation.models import AccessRequest, ConsultationComment
from tests.participation_helpers import (
    add_consultation,
    add_request_page,
    build_small_site,
    human_timestamp,
    valid_request_data,
)
from tests.test_participation_consultations import comment_data, comment_url

from .test_reliability import redis_down, settings_in  # noqa: F401 - fixture

TOKEN = re.compile(r'name="submission" value="([^"]+)"')


@pytest.fixture(autouse=True)
def fresh_counters():
    counters.clear_local()
    yield
    counters.clear_local()


@pytest.fixture(autouse=True)
def production_sessions(settings):
    """The session engine production chooses with REDIS_URL set (test settings have no Redis)."""
    settings.SESSION_ENGINE = settings_in({}, "settings.SESSION_ENGINE")


@pytest.fixture
def site(db):
    return build_small_site()


def rendered_token(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return TOKEN.search(response.content.decode()).group(1)


def test_admin_login_works_while_redis_is_down(db, redis_down):  # noqa: F811
    get_user_model().objects.create_superuser("urednik", "u@prizren.example", "Lozinka-1")
    client = Client()
    response = client.post("/admin/login/", {"username": "urednik", "password": "Lozinka-1"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200  # the session was stored and read back


def test_every_rendered_form_has_its_own_token(site):
    page = add_request_page(site["sq"])
    client = Client()
    assert rendered_token(client, page.url) != rendered_token(client, page.url)


def test_access_request_retry_returns_the_same_receipt_while_redis_is_down(
    site,
    redis_down,  # noqa: F811
):
    page = add_request_page(site["sq"])
    client = Client()
    data = valid_request_data(submission=rendered_token(client, page.url))
    first = client.post(page.url, data)
    assert first.status_code == 302
    first_receipt = client.get(first["Location"]).content.decode()
    # The citizen saw an error (or nothing) and sends the same form again, from a new browser.
    again = Client()
    retry = again.post(page.url, data)
    assert retry.status_code == 302
    retry_receipt = again.get(retry["Location"]).content.decode()
    access_request = AccessRequest.objects.get()  # one entry in the register
    assert access_request.reference in first_receipt
    assert access_request.reference in retry_receipt


def test_a_new_form_is_a_new_request(site):
    page = add_request_page(site["sq"])
    client = Client()
    for _ in range(2):
        client.post(page.url, valid_request_data(submission=rendered_token(client, page.url)))
    assert AccessRequest.objects.count() == 2


def test_a_validation_error_keeps_the_token_for_the_corrected_form(site):
    page = add_request_page(site["sq"])
    client = Client()
    token = rendered_token(client, page.url)
    invalid = client.post(page.url, valid_request_data(subject="", submission=token))
    assert invalid.status_code == 200
    assert TOKEN.search(invalid.content.decode()).group(1) == token
    assert client.post(page.url, valid_request_data(submission=token)).status_code == 302
    assert AccessRequest.objects.count() == 1


def test_a_comment_sent_twice_is_stored_once_while_redis_is_down(site, redis_down):  # noqa: F811
    today = timezone.localdate()
    consultation = add_consultation(
        site["sq"], opens_on=today - timedelta(days=3), closes_on=today + timedelta(days=10)
    )
    client = Client()
    token = rendered_token(client, comment_url(consultation))
    data = comment_data(submission=token, rendered_at=human_timestamp())
    statuses = [client.post(comment_url(consultation), data).status_code for _ in range(3)]
    assert statuses == [302, 302, 302]
    assert ConsultationComment.objects.count() == 1
