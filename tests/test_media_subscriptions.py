"""Email subscriptions: double opt-in, one-click unsubscribe, each release sent once."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from core.ratelimit import RateLimited
from media_office.emails import normalise_email
from media_office.models import Delivery, PressReleasePage, Subscription
from media_office.tasks import send_release
from tests.media_helpers import (  # noqa: F401 - empty_cache is an autouse fixture
    empty_cache,
    filled_form_data,
    make_release,
)

SUBSCRIBE = "/sq/press/subscribe/"


def subscribe(client, email, **extra):
    return client.post(SUBSCRIBE, filled_form_data(email=email, **extra))


def link_in(message, pattern):
    return re.search(rf"http://localhost(/\S*{pattern}\S*/)", message.body).group(1)


def confirmed_subscriber(client, email="gazetare@example.org", **extra):
    subscribe(client, email, **extra)
    confirm_path = link_in(mail.outbox[-1], "confirm")
    client.post(confirm_path)
    mail.outbox.clear()
    return Subscription.objects.get(email=email)


def test_double_opt_in_then_one_release_email_then_unsubscribe(client, press_index):
    response = subscribe(client, "Gazetare@Example.ORG")
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.email == "Gazetare@example.org"  # domain lowercased
    assert not subscription.is_confirmed
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Gazetare@example.org"]
    confirm_path = link_in(mail.outbox[0], "confirm")

    # GET only shows a button (mail scanners follow links); POST confirms.
    assert client.get(confirm_path).status_code == 200
    assert not Subscription.objects.get().is_confirmed
    assert client.post(confirm_path).status_code == 200
    assert Subscription.objects.get().is_confirmed

    mail.outbox.clear()
    release = make_release(press_index, "Kuvendi miraton buxhetin", slug="buxheti")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Kuvendi miraton buxhetin" in message.subject
    assert "http://localhost/sq/njoftime/buxheti/" in message.body
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in message.body
    assert message.alternatives[0][1] == "text/html"

    # Publishing an edit does not send it again, nor does running the task again.
    release.lead = "Hyrje e ndryshuar."
    release.save_revision().publish()
    assert send_release(release.pk) == 0
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().recipients == 1

    # Unsubscribe: GET asks, POST (one click, as a mail client would: no CSRF token) does it.
    path = unsubscribe_url.removeprefix("http://localhost")
    assert b"<form" in client.get(path).content
    assert Subscription.objects.exists()
    one_click = Client(enforce_csrf_checks=True)
    assert one_click.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscription.objects.exists()
    make_release(press_index, "Një tjetër")
    assert len(mail.outbox) == 1


def test_email_is_written_in_the_subscribers_language(client, press_index):
    Subscription.objects.create(email="novinar@example.org", language="sr-latn")
    subscription = Subscription.objects.get()
    from media_office.emails import confirmation_message

    message = confirmation_message(subscription, [])
    assert "/sr-latn/press/subscribe/confirm/" in message.body
    assert 'lang="sr-Latn"' in message.alternatives[0][0]


def test_unconfirmed_and_other_language_subscribers_get_nothing(client, press_index):
    Subscription.objects.create(email="pritje@example.org", language="sq")
    Subscription.objects.create(
        email="novinar@example.org", language="sr-latn", confirmed_at=timezone.now()
    )
    make_release(press_index, "Vetëm shqip")
    assert mail.outbox == []


def test_topic_subscribers_only_get_their_topics(client, press_index, budget_topic):
    subscription = confirmed_subscriber(client, topics=[budget_topic.pk])
    assert list(subscription.topics.all()) == [budget_topic]
    make_release(press_index, "Kulturë")
    assert mail.outbox == []
    make_release(press_index, "Buxhet", topics=[budget_topic])
    assert len(mail.outbox) == 1


def test_a_scheduled_release_is_not_sent_before_its_time(client, press_index):
    confirmed_subscriber(client)
    release = make_release(press_index, "Nën embargo", date=timezone.now() + timedelta(days=3))
    assert mail.outbox == []
    assert send_release(release.pk) == 0  # even if the task ran by mistake
    # Forced live but dated in the future: still not sent.
    PressReleasePage.objects.filter(pk=release.pk).update(live=True)
    assert send_release(release.pk) == 0
    assert mail.outbox == [] and not Delivery.objects.exists()


def test_an_old_release_published_late_is_not_mailed(client, press_index):
    confirmed_subscriber(client)
    make_release(press_index, "Arkivë", date=timezone.now() - timedelta(days=30))
    assert mail.outbox == []


def test_the_same_address_is_stored_once(client, press_index):
    for email in ["ana@example.org", "ANA@EXAMPLE.ORG", " ana@Example.org "]:
        assert subscribe(client, email).status_code == 200
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 3  # confirmations are re-sent, nobody learns who subscribed


@pytest.mark.parametrize(
    "email",
    [
        "a@b",  # no dot in the domain
        '"quoted local"@example.org',  # quoted local part
        "x" * 310 + "@example.org",  # 320 characters
        "\u0430dmin@example.org",  # Cyrillic "а" homoglyph
        "an\u200da@example.org",  # zero-width joiner
        "ana@example.org\r\nBcc: all@example.org",  # header injection
        "ana@example.org\nBcc: all@example.org",
        "ana\x00@example.org",  # NUL
        "",
        "@example.org",
        "ana@",
    ],
)
def test_hostile_addresses_are_refused_without_email(client, press_index, email):
    response = subscribe(client, email)
    assert response.status_code == 400
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_address_edge_cases_that_are_accepted():
    assert normalise_email("user@bücher.example") == "user@xn--bcher-kva.example"
    assert normalise_email("user+tag@Example.org") == "user+tag@example.org"
    assert normalise_email("İSTANBUL@example.org".replace("İ", "I")) == "ISTANBUL@example.org"


def test_header_injection_in_a_release_title_never_reaches_a_header(client, press_index):
    # Tried: an editor pastes a title with CR/LF and a Bcc line.
    confirmed_subscriber(client)
    make_release(press_index, "Titull\r\nBcc: all@example.org")
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.recipients() == ["gazetare@example.org"]
    message.message()  # builds the headers: no BadHeaderError


def test_honeypot_and_too_fast_submissions_are_dropped(client, press_index):
    # Tried: the hidden "website" field filled in, and a form sent back without a timestamp.
    response = client.post(SUBSCRIBE, filled_form_data(email="bot@example.org", website="x"))
    assert response.status_code == 200
    response = client.post(SUBSCRIBE, {"email": "bot@example.org", "website": ""})
    assert response.status_code == 200
    assert not Subscription.objects.exists() and mail.outbox == []


def test_subscriptions_are_rate_limited(client, press_index):
    # Tried: one client posting 11 times in an hour, then one mailbox targeted 4 times a day.
    responses = [subscribe(client, f"p{n}@example.org") for n in range(11)]
    assert [response.status_code for response in responses[:10]] == [200] * 10
    assert responses[10].status_code == 429
    with override("sq"):  # a friendly page in the reader's language, not a bare error
        assert escape(str(RateLimited.message)) in responses[10].content.decode()
    assert len(mail.outbox) == 10


def test_one_mailbox_gets_at_most_three_confirmations_a_day(press_index):
    statuses = []
    for n in range(4):
        client = Client(REMOTE_ADDR=f"10.0.0.{n}")
        statuses.append(subscribe(client, "victim@example.org").status_code)
    assert statuses == [200, 200, 200, 429]
    assert len(mail.outbox) == 3


def test_bad_tokens_are_404_not_500(client, press_index):
    # Tried: a forged token, a truncated one, a surrogate, a NUL and 500 characters in the URL.
    for path in [
        "/sq/press/subscribe/confirm/forged/",
        "/sq/press/subscribe/confirm/eyJpZCI6MX0:1abc:xyz/",
        "/sq/press/unsubscribe/nope/",
        "/sq/press/unsubscribe/%ED%A0%80/",
        "/sq/press/unsubscribe/%00/",
        "/sq/press/unsubscribe/" + "a" * 500 + "/",
    ]:
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code in (200, 404), path


def test_an_expired_confirmation_link_does_not_confirm(client, press_index, monkeypatch):
    subscribe(client, "late@example.org")
    path = link_in(mail.outbox[0], "confirm")
    import media_office.emails

    monkeypatch.setattr(media_office.emails, "CONFIRMATION_MAX_AGE", -1)
    assert client.post(path).status_code == 404
    assert not Subscription.objects.get().is_confirmed
