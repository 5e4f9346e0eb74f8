"""Requests the requester can follow: emails at every status change, the private status page,
the decision letter, the public log and its open data."""

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from django.utils import timezone

from participation.models import AccessRequest, RequesterEmail, RequestStatus
from participation.tasks import send_pending_requester_emails
from tests.participation_helpers import add_request_page, build_small_site, valid_request_data

PRIZREN = ZoneInfo("Europe/Belgrade")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def request_page(db):
    return add_request_page(build_small_site()["sq"])


def committed():
    """Run the on-commit callbacks (the email tasks) of the block, as a real commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def save(access_request):
    with committed():
        access_request.save()


def transition(access_request, status, **fields):
    with committed():
        access_request.transition(status, **fields)


def submit(client, url, **overrides):
    with committed():
        response = client.post(url, valid_request_data(**overrides))
    assert response.status_code == 302
    return AccessRequest.objects.order_by("-pk").first()


def status_path(page, access_request):
    return page.url + page.reverse_subpage("status", args=[access_request.status_token])


def test_web_request_sends_a_receipt_with_the_private_link(client, request_page):
    access_request = submit(client, request_page.url, email="qytetari@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["qytetari@example.org"]
    assert message.subject == f"Kërkesa juaj {access_request.reference} u regjistrua"
    body = message.body
    assert "http://localhost" in body or "http://" in body
    assert access_request.status_token in body
    assert timezone.localtime(access_request.due_at).strftime("%d.%m.%Y") in body
    assert "Agjencinë për Informim dhe Privatësi" in body
    assert str(access_request.pk) not in message.subject.replace(access_request.reference, "")
    assert RequesterEmail.objects.get().sent_at is not None


def test_receipt_in_the_readers_language(client, request_page):
    from participation.models import AccessRequestFormPage

    turkish = AccessRequestFormPage.objects.get(locale__language_code="tr")
    access_request = submit(client, turkish.url, email="okur@example.org")
    assert access_request.language == "tr"
    message = mail.outbox[0]
    assert message.subject == f"{access_request.reference} numaralı başvurunuz kaydedildi"
    assert "/tr/" in message.body


def test_anonymous_postal_request_stays_valid_and_sends_nothing(client, request_page):
    access_request = submit(
        client,
        request_page.url,
        contact_method="postal",
        email="",
        postal_address="Rruga e Shadërvanit 1, Prizren",
    )
    assert access_request.status == RequestStatus.RECEIVED
    assert mail.outbox == []
    assert not RequesterEmail.objects.exists()
    receipt = client.get(request_page.url + request_page.reverse_subpage("receipt"))
    assert status_path(request_page, access_request) in receipt.content.decode()
    assert "no-store" in receipt["Cache-Control"]


def test_staff_registered_oral_request_gets_emails_too(request_page):
    access_request = AccessRequest(
        subject="Leja e ndërtimit",
        channel="paper",
        contact_method="postal",
        postal_address="Prizren",
        email="",
    )
    save(access_request)
    assert mail.outbox == []
    access_request.email = "gojore@example.org"
    transition(access_request, RequestStatus.GRANTED, decision="Dokumenti u dërgua.")
    assert [m.to for m in mail.outbox] == [["gojore@example.org"]]


def test_every_status_change_emails_the_legal_next_step(request_page):
    received = datetime(2026, 12, 28, 10, tzinfo=PRIZREN)
    access_request = AccessRequest(
        subject="Kontratat e 2026", email="a@example.org", received_at=received
    )
    save(access_request)
    transition(
        access_request,
        RequestStatus.EXTENDED,
        extension_reason="Dokumentet janë në arkiv.",
        at=datetime(2026, 12, 30, 9, tzinfo=PRIZREN),
    )
    transition(
        access_request,
        RequestStatus.REFUSED,
        decision="Dokumenti përmban të dhëna personale.",
        legal_ground="Neni 17, Ligji 06/L-081",
        at=datetime(2027, 1, 8, 9, tzinfo=PRIZREN),
    )
    subjects = [m.subject for m in mail.outbox]
    reference = access_request.reference
    assert subjects == [
        f"Kërkesa juaj {reference} u regjistrua",
        f"Kërkesa juaj {reference}: afati u zgjat",
        f"Kërkesa juaj {reference} u refuzua",
    ]
    extended, refused = mail.outbox[1].body, mail.outbox[2].body
    assert "Dokumentet janë në arkiv." in extended
    # 15 days from 28.12.2026: 12.01.2027 (a Tuesday); Christmas holidays do not move it.
    assert "12.01.2027" in extended
    assert "Neni 17, Ligji 06/L-081" in refused
    # The complaint: 15 days from the day after 08.01.2027 -> 23.01.2027 (Saturday) -> 25.01.
    assert "25.01.2027" in refused
    assert "Agjencinë për Informim dhe Privatësi" in refused


def test_transferred_and_granted_emails(request_page):
    first = AccessRequest(subject="a", email="a@example.org")
    save(first)
    transition(first, RequestStatus.FORWARDED, decision="Nuk e kemi.", forwarded_to="Ministria X")
    assert "Ministria X" in mail.outbox[-1].body
    assert mail.outbox[-1].subject.endswith("u transferua")
    second = AccessRequest(subject="b", email="b@example.org")
    save(second)
    transition(
        second, RequestStatus.PARTIALLY_GRANTED, decision="Pjesërisht.", legal_ground="Neni 17"
    )
    assert mail.outbox[-1].to == ["b@example.org"]
    assert "a@example.org" not in mail.outbox[-1].body


class FailingBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


def test_smtp_failure_is_retried_and_never_sent_twice(request_page, settings):
    settings.EMAIL_BACKEND = "tests.test_participation_follow_up.FailingBackend"
    access_request = AccessRequest(subject="a", email="a@example.org")
    save(access_request)
    email = RequesterEmail.objects.get()
    assert email.sent_at is None and email.attempts == 1
    assert "SMTP server down" in email.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_pending_requester_emails() == 1
    assert send_pending_requester_emails() == 0
    assert len(mail.outbox) == 1
    assert access_request.reference in mail.outbox[0].subject


def test_gives_up_after_the_configured_attempts(request_page, settings):
    settings.EMAIL_BACKEND = "tests.test_participation_follow_up.FailingBackend"
    settings.ACCESS_REQUEST_EMAIL_ATTEMPTS = 2
    save(AccessRequest(subject="a", email="a@example.org"))
    assert send_pending_requester_emails() == 0
    assert RequesterEmail.objects.get().attempts == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_pending_requester_emails() == 0
    assert mail.outbox == []


def test_status_page_by_token_only(client, request_page):
    access_request = submit(client, request_page.url, email="x@example.org")
    response = client.get(status_path(request_page, access_request))
    assert response.status_code == 200
    content = response.content.decode()
    assert access_request.reference in content
    assert "Vendimet e Kryetarit për muajin janar 2023" in content
    assert "x@example.org" not in content
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    by_id = request_page.url + f"status/{access_request.pk}/"
    assert client.get(by_id).status_code == 404
    assert client.get(request_page.url + "status/" + "A" * 43 + "/").status_code == 404
    assert len(access_request.status_token) >= 43


def test_decision_letter_served_only_through_the_status_link(client, request_page):
    access_request = submit(client, request_page.url, email="x@example.org")
    access_request.decision_letter = SimpleUploadedFile("Emri Mbiemri.pdf", PDF)
    transition(access_request, RequestStatus.GRANTED, decision="Ju dërgojmë dokumentin.")
    assert "Emri" not in access_request.decision_letter.name
    letter = request_page.url + request_page.reverse_subpage(
        "status_letter", args=[access_request.status_token]
    )
    assert letter in client.get(status_path(request_page, access_request)).content.decode()
    response = client.get(letter)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert f"{access_request.reference}.pdf" in response["Content-Disposition"]
    other = submit(client, request_page.url, email="y@example.org")
    wrong = request_page.url + request_page.reverse_subpage(
        "status_letter", args=[other.status_token]
    )
    assert client.get(wrong).status_code == 404


def test_decision_letter_must_be_a_pdf(request_page):
    from django.core.exceptions import ValidationError

    access_request = AccessRequest(subject="a", email="a@example.org")
    save(access_request)
    access_request.decision_letter = SimpleUploadedFile("letter.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError) as error:
        transition(access_request, RequestStatus.GRANTED, decision="ok")
    assert "decision_letter" in error.value.message_dict
    access_request.refresh_from_db()
    assert access_request.status == RequestStatus.RECEIVED


def test_public_log_never_shows_the_requester(client, request_page):
    access_request = submit(
        client,
        request_page.url,
        name="Arben Krasniqi",
        email="arben@example.org",
        subject="Dosja ime personale nr. 123",
    )
    transition(
        access_request,
        RequestStatus.REFUSED,
        decision="I nderuar z. Krasniqi",
        legal_ground="Neni 17",
        public_subject="Dosje personale",
    )
    submit(client, request_page.url, email="b@example.org", subject="Buxheti 2026")
    log_url = request_page.url + request_page.reverse_subpage("log")
    content = client.get(log_url).content.decode()
    assert access_request.reference in content
    assert "Dosje personale" in content and "Neni 17" in content
    for secret in ("Arben", "Krasniqi", "arben@example.org", "Dosja ime", "Buxheti 2026"):
        assert secret not in content
    refused_only = client.get(log_url, {"status": "refused"}).content.decode()
    assert access_request.reference in refused_only
    assert refused_only.count("KPD-") == 1
    assert client.get(log_url, {"year": "abc", "status": "<script>"}).status_code == 200

    rows = json.loads(client.get("/open-data/access-to-documents-requests.json").content)
    assert {row["id"] for row in rows["records"]} == set(
        AccessRequest.objects.values_list("reference", flat=True)
    )
    refused = next(row for row in rows["records"] if row["id"] == access_request.reference)
    assert refused["status"] == "refused" and refused["subject"] == "Dosje personale"
    raw = json.dumps(rows, ensure_ascii=False)
    for secret in ("Arben", "arben@example.org", "Dosja ime", "Buxheti", "nderuar"):
        assert secret not in raw
    table = list(
        csv.DictReader(
            io.StringIO(client.get("/open-data/access-to-documents-requests.csv").content.decode())
        )
    )
    assert len(table) == 2 and "email" not in table[0] and "name" not in table[0]
