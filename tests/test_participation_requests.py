"""The public request form, the register's state machine, reminders and hostile inputs."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from participation.models import (
    AccessRequest,
    DueNotification,
    RequestStatus,
    StatusChange,
    TransitionError,
)
from participation.notifications import notify_due_requests
from tests.participation_helpers import add_request_page, build_small_site, valid_request_data

PRIZREN = ZoneInfo("Europe/Belgrade")


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def request_page(db):
    return add_request_page(build_small_site()["sq"])


def make_request(received_at=None, **fields):
    defaults = {
        "subject": "Procesverbali i mbledhjes",
        "email": "a@example.org",
        "received_at": received_at or timezone.now(),
    }
    defaults.update(fields)
    access_request = AccessRequest(**defaults)
    access_request.save()
    return access_request


# The public form


def test_request_is_received_with_reference_and_deadline(client, request_page):
    response = client.post(request_page.url, valid_request_data())
    assert response.status_code == 302
    access_request = AccessRequest.objects.get()
    year = timezone.localtime(access_request.received_at).year
    assert access_request.reference == f"KPD-{year}-0001"
    assert access_request.language == "sq"
    assert access_request.status == RequestStatus.RECEIVED
    receipt = client.get(response["Location"])
    content = receipt.content.decode()
    assert access_request.reference in content
    assert timezone.localtime(access_request.due_at).strftime("%d.%m.%Y") in content
    # The receipt never repeats what the requester typed.
    assert "qytetari@example.org" not in content


def test_form_page_links_to_its_statistics(client, request_page):
    content = client.get(request_page.url).content.decode()
    assert f'href="{request_page.url}statistics/"' in content
    assert client.get(request_page.url + "statistics/").status_code == 200


def test_second_request_gets_the_next_number(client, request_page):
    client.post(request_page.url, valid_request_data())
    client.post(request_page.url, valid_request_data(email="tjeter@example.org"))
    references = sorted(AccessRequest.objects.values_list("reference", flat=True))
    assert references[1].endswith("-0002")


def test_request_in_serbian_records_the_language(client, request_page):
    serbian_page = request_page.get_translation(
        request_page.locale.__class__.objects.get(language_code="sr-latn")
    )
    response = client.post(serbian_page.url, valid_request_data())
    assert response.status_code == 302
    assert AccessRequest.objects.get().language == "sr-latn"


def test_validation_failure_keeps_every_text(client, request_page):
    data = valid_request_data(
        email="",
        name="Arta Krasniqi",
        is_urgent="on",
        urgency_reason="",
        subject="Lista e lejeve të ndërtimit 2024, me numrat dhe datat",
    )
    response = client.post(request_page.url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lista e lejeve të ndërtimit 2024, me numrat dhe datat" in content
    assert 'value="Arta Krasniqi"' in content
    assert 'role="alert"' in content
    assert AccessRequest.objects.count() == 0


def test_urgent_request_is_due_in_48_hours(client, request_page):
    client.post(
        request_page.url,
        valid_request_data(is_urgent="on", urgency_reason="Një person është i ndaluar."),
    )
    access_request = AccessRequest.objects.get()
    assert access_request.due_at == access_request.received_at + timedelta(hours=48)


def test_honeypot_submission_is_dropped_silently(client, request_page):
    response = client.post(request_page.url, valid_request_data(website="http://spam.example"))
    assert response.status_code == 302
    assert AccessRequest.objects.count() == 0


# Hostile inputs (reference/bad-inputs.md 14-24)


def test_script_in_subject_and_name_is_escaped_on_the_page(client, request_page):
    # Tried: <script> and an <img onerror> in the name, which is invalid, so it is shown again.
    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    response = client.post(request_page.url, valid_request_data(subject=hostile, email="x"))
    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_nul_byte_is_a_validation_error(client, request_page):
    # Tried: a NUL byte in the name and the subject (PostgreSQL refuses NUL in text).
    response = client.post(
        request_page.url, valid_request_data(name="Ana\x00", subject="Dokumenti\x00")
    )
    assert response.status_code == 200
    assert AccessRequest.objects.count() == 0
    assert "form-errors" in response.content.decode()


def test_header_injection_in_the_name_is_refused(client, request_page):
    # Tried: a CRLF and a Bcc header in the name.
    response = client.post(request_page.url, valid_request_data(name="Ana\r\nBcc: all@example.org"))
    assert response.status_code == 200
    assert AccessRequest.objects.count() == 0


def test_oversized_text_is_rejected(client, request_page):
    # Tried: 100,000 characters in the 5,000-character subject (a maxlength bypass).
    response = client.post(request_page.url, valid_request_data(subject="a" * 100_000))
    assert response.status_code == 200
    assert AccessRequest.objects.count() == 0
    # Tried: a 3 MB body, over DATA_UPLOAD_MAX_MEMORY_SIZE: Django answers 400.
    response = client.post(request_page.url, valid_request_data(subject="b" * 3_000_000))
    assert response.status_code == 400
    assert AccessRequest.objects.count() == 0


def test_hundred_posts_from_one_address_are_refused_after_the_limit(client, request_page, settings):
    # Tried: the same request posted 100 times from one address.
    statuses = [
        client.post(request_page.url, valid_request_data(), REMOTE_ADDR="10.9.9.9").status_code
        for _ in range(100)
    ]
    limit = settings.PARTICIPATION_RATE_LIMIT
    assert statuses[:limit] == [302] * limit
    assert set(statuses[limit:]) == {429}
    assert AccessRequest.objects.count() == limit
    # A spoofed X-Forwarded-For does not buy a new budget.
    response = client.post(
        request_page.url,
        valid_request_data(),
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="192.0.2.77",
    )
    assert response.status_code == 429


def test_post_without_csrf_token_is_refused(request_page):
    # Tried: a POST with no CSRF cookie or token, as a cross-site form would send.
    response = Client(enforce_csrf_checks=True).post(request_page.url, valid_request_data())
    assert response.status_code == 403
    assert AccessRequest.objects.count() == 0


# The state machine


@pytest.mark.django_db
def test_grant_needs_a_decision_and_records_the_change(django_user_model):
    officer = django_user_model.objects.create_user("officer")
    access_request = make_request()
    with pytest.raises(Exception, match="decision"):
        access_request.transition(RequestStatus.GRANTED, user=officer)
    access_request.refresh_from_db()
    access_request.transition(
        RequestStatus.GRANTED, user=officer, decision="Dokumentet u dërguan me email."
    )
    access_request.refresh_from_db()
    assert access_request.decided_at is not None
    assert access_request.decided_on_time
    changes = list(StatusChange.objects.filter(request=access_request))
    assert [(c.from_status, c.to_status) for c in changes] == [
        ("", "received"),
        ("received", "granted"),
    ]
    assert changes[1].changed_by == officer


@pytest.mark.django_db
def test_refusal_needs_a_legal_ground():
    access_request = make_request()
    with pytest.raises(Exception, match="legal_ground"):
        access_request.transition(RequestStatus.REFUSED, decision="Refuzohet.")
    access_request.refresh_from_db()
    access_request.transition(
        RequestStatus.REFUSED, decision="Refuzohet.", legal_ground="Neni 17, paragrafi 1"
    )
    assert AccessRequest.objects.get().status == RequestStatus.REFUSED


@pytest.mark.django_db
def test_decided_request_is_final():
    access_request = make_request()
    access_request.transition(RequestStatus.GRANTED, decision="Po.")
    access_request = AccessRequest.objects.get()
    access_request.status = RequestStatus.REFUSED
    with pytest.raises(TransitionError):
        access_request.save()
    assert AccessRequest.objects.get().status == RequestStatus.GRANTED


@pytest.mark.django_db
def test_extension_moves_the_deadline_and_urgent_requests_cannot_be_extended():
    received = datetime(2026, 11, 2, 10, tzinfo=PRIZREN)
    access_request = make_request(received)
    assert timezone.localtime(access_request.due_at).date().isoformat() == "2026-11-09"
    access_request.transition(RequestStatus.EXTENDED, extension_reason="Dokumente të shumta.")
    access_request = AccessRequest.objects.get()
    assert access_request.extended_at is not None
    assert timezone.localtime(access_request.due_at).date().isoformat() == "2026-11-17"

    urgent = make_request(received, is_urgent=True, urgency_reason="Liria e një personi.")
    with translation.override("en"), pytest.raises(Exception, match="urgent"):
        urgent.transition(RequestStatus.EXTENDED, extension_reason="x")


@pytest.mark.django_db
def test_seeded_holiday_moves_the_deadline():
    # Tuesday 10 February 2026 + 7 days = Independence Day (seeded by the data migration).
    access_request = make_request(datetime(2026, 2, 10, 9, tzinfo=PRIZREN))
    assert timezone.localtime(access_request.due_at).date().isoformat() == "2026-02-18"


# Reminders


@pytest.mark.django_db
def test_reminders_are_sent_once_a_day(settings):
    settings.ACCESS_REQUEST_NOTIFY_EMAILS = ["zkp@prizren.example"]
    now = timezone.now()
    overdue = make_request(now - timedelta(days=12), name="Ana\r\nBcc: all@example.org")
    due_soon = make_request(now - timedelta(days=6))
    # Received six days ago is due tomorrow only when tomorrow is a working day (a deadline on
    # a weekend or holiday moves to the next working day): the due date is set, not computed.
    AccessRequest.objects.filter(pk=due_soon.pk).update(due_at=now + timedelta(days=1))
    make_request(now)  # seven days left: no reminder
    sent = notify_due_requests(now)
    assert sorted(sent) == sorted([overdue.reference, due_soon.reference])
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.to == ["zkp@prizren.example"]
        assert message.bcc == []
        assert "\n" not in message.subject and "Bcc" not in message.subject
        assert "all@example.org" not in str(message.message())
    assert notify_due_requests(now) == []  # a second run the same day sends nothing
    assert len(mail.outbox) == 2
    assert DueNotification.objects.count() == 2
    assert notify_due_requests(now + timedelta(days=1))  # the next day reminds again


def test_request_page_is_created_in_three_languages_once(demo_site, client):
    from participation.demo_content import ensure_request_page

    page, created = ensure_request_page()
    assert created
    again, created_again = ensure_request_page()
    assert again.pk == page.pk and not created_again
    for code, title in (("sr-latn", "Zahtev za pristup"), ("tr", "Kamu belgelerine")):
        translated = page.get_translation(demo_site[code].locale)
        assert translated.alias_of_id is None
        response = client.get(translated.url)
        assert response.status_code == 200
        assert title in response.content.decode()
