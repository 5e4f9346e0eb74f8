"""Consultations that answer: the period while open, then the published answers to every
comment on the consultation page, and the commenters emailed in their comment's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from participation.models import CommentAnswerEmail, CommentStatus, ConsultationComment
from participation.reports import publish_report_table
from participation.tasks import send_pending_requester_emails
from tests.participation_helpers import add_consultation, build_small_site


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def site(db):
    return build_small_site()


@pytest.fixture
def consultation(site):
    today = timezone.localdate()
    return add_consultation(
        site["sq"], opens_on=today - timedelta(days=3), closes_on=today + timedelta(days=10)
    )


def comment(consultation, **fields):
    defaults = {"text": "Propozoj një park.", "language": "sq"}
    defaults.update(fields)
    return ConsultationComment.objects.create(consultation=consultation, **defaults)


def publish(consultation):
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_report_table(consultation)


def test_open_consultation_shows_its_period_and_days_left(client, consultation):
    html = client.get(consultation.url).content.decode()
    closes = (timezone.localdate() + timedelta(days=10)).strftime("%d.%m.%Y")
    assert f"E hapur për komente deri më {closes}" in html
    assert "mbeten 10 ditë" in html
    assert reverse("consultation_comment", args=[consultation.pk]) in html


def test_answers_are_published_with_the_report_and_commenters_emailed(client, consultation):
    albanian = comment(
        consultation,
        email="ana@example.org",
        name="Ana Gashi",
        text="Parku duhet të ketë ndriçim.",
        show_text=True,
    )
    turkish = comment(
        consultation, email="ayse@example.org", language="tr", text="Kişisel bilgiler burada."
    )
    anonymous = comment(consultation, text="Pa email.", show_text=True)
    albanian.classify(CommentStatus.ACCEPTED)
    turkish.classify(CommentStatus.REFUSED, reason="Bu öneri bütçe dışında kalmaktadır.")
    anonymous.classify(CommentStatus.PARTIALLY_ACCEPTED, reason="Pjesërisht, në fazën e dytë.")
    assert "Parku duhet" not in client.get(consultation.url).content.decode()

    publish(consultation)

    html = client.get(consultation.url).content.decode()
    answers = html.split('id="answers"')[1].split("</section>")[0]
    assert "Parku duhet të ketë ndriçim." in answers
    assert "Kişisel bilgiler" not in answers  # the text was not cleared for publication
    assert '<p lang="tr">Bu öneri bütçe dışında kalmaktadır.</p>' in answers
    assert "Pjesërisht, në fazën e dytë." in answers
    for private in ("Ana Gashi", "ana@example.org", "ayse@example.org"):
        assert private not in html
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ana@example.org", "ayse@example.org"}
    ana, ayse = by_address["ana@example.org"], by_address["ayse@example.org"]
    assert ana.subject == "Komuna iu përgjigj komentit tuaj"
    assert (
        "Përgjigjja e komunës: E pranuar" in ana.body
        and "/sq/" in ana.body
        and "#answers" in ana.body
    )
    assert ayse.subject == "Belediye yorumunuzu yanıtladı"
    assert "Belediyenin yanıtı: Kabul edilmedi" in ayse.body
    assert "Bu öneri bütçe dışında kalmaktadır." in ayse.body and "/tr/" in ayse.body
    for message in mail.outbox:
        other = "ayse@example.org" if message is ana else "ana@example.org"
        assert other not in message.body
        assert "Ana Gashi" not in message.body


def test_a_second_publication_emails_nobody_twice(consultation):
    first = comment(consultation, email="a@example.org")
    first.classify(CommentStatus.ACCEPTED)
    publish(consultation)
    late = comment(consultation, email="b@example.org", channel="written")
    late.classify(CommentStatus.REFUSED, reason="Arrriti pas afatit.")
    publish(consultation)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert CommentAnswerEmail.objects.filter(sent_at__isnull=False).count() == 2
    assert send_pending_requester_emails() == 0
    assert len(mail.outbox) == 2


def test_answers_are_not_published_while_comments_wait(client, consultation):
    from django.core.exceptions import ValidationError

    comment(consultation, show_text=True, text="Komenti i parë.").classify(CommentStatus.ACCEPTED)
    comment(consultation, text="Ende pa përgjigje.")
    with pytest.raises(ValidationError):
        publish(consultation)
    assert ConsultationComment.objects.filter(published_at__isnull=False).count() == 0
    assert 'id="answers"' not in client.get(consultation.url).content.decode()


def test_outcome_is_shown_in_the_serbian_and_turkish_trees(client, consultation):
    comment(consultation, show_text=True, text="Tekst.", language="sr-latn").classify(
        CommentStatus.REFUSED, reason="Razlog na srpskom."
    )
    publish(consultation)
    for language, heading in (
        ("sr-latn", "Komentari i odgovori opštine"),
        ("tr", "Yorumlar ve belediyenin yanıtları"),
    ):
        page = type(consultation).objects.get(
            translation_key=consultation.translation_key, locale__language_code=language
        )
        html = client.get(page.url).content.decode()
        assert heading in html
        assert '<p lang="sr-latn">Razlog na srpskom.</p>' in html
