"""Admin listings in the admin's language: localized dates, Po/Jo, the register's subject,
the yearly statistics' own label, and classifying many consultation comments at once."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from participation import roles
from participation.models import AccessRequest, CommentStatus, ConsultationComment, PublicHoliday
from tests.participation_helpers import add_consultation, build_small_site


def login(client, django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@prizren.example", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sq"
    profile.save()
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_register_shows_the_subject_and_local_dates(client, django_user_model):
    login(client, django_user_model, roles.ACCESS_OFFICER, "zyrtari")
    received = datetime(2026, 11, 30, 21, 48, tzinfo=UTC)
    request = AccessRequest(
        subject="Kontratat e pastrimit të qytetit për vitin 2026 " + "x" * 100,
        email="a@example.org",
        received_at=received,
    )
    request.save()
    content = client.get(reverse("wagtailsnippets_participation_accessrequest:list")).content
    content = content.decode()
    assert "Kontratat e pastrimit të qytetit për vitin 2026" in content
    assert "x" * 100 not in content, "a long subject is cut in the listing"
    assert "30.11.2026 22:48" in content  # Europe/Belgrade, 24-hour Albanian format
    assert "+00:00" not in content and "p.m." not in content


@pytest.mark.django_db
def test_holidays_say_po_and_jo(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = login(client, django_user_model, roles.ACCESS_OFFICER, "zyrtari")
    assert user.has_perm("participation.view_publicholiday")
    PublicHoliday.objects.all().delete()
    PublicHoliday.objects.create(date=date(2000, 1, 1), name="Viti i Ri", recurs_yearly=True)
    PublicHoliday.objects.create(date=date(2026, 3, 20), name="Fitër Bajrami", recurs_yearly=False)
    assert Permission.objects.filter(codename="view_publicholiday").exists()
    content = client.get(reverse("wagtailsnippets_participation_publicholiday:list")).content
    content = content.decode()
    assert ">Po<" in content.replace("\n", "").replace(" ", "")
    assert ">Jo<" in content.replace("\n", "").replace(" ", "")
    assert "True" not in content and "False" not in content
    assert "20.03.2026" in content


def test_yearly_statistics_are_not_called_requests():
    from participation.models import AccessRequest as Request
    from transparency.models import AccessRequestYear

    with translation.override("sq"):
        yearly = str(AccessRequestYear._meta.verbose_name_plural)
        assert yearly != str(Request._meta.verbose_name_plural)
        assert yearly == "Statistikat vjetore të kërkesave për qasje në dokumente"


@pytest.fixture
def comments(db):
    home = build_small_site()["sq"]
    today = timezone.localdate()
    consultation = add_consultation(
        home, opens_on=today - timedelta(days=10), closes_on=today - timedelta(days=1)
    )
    return [
        ConsultationComment.objects.create(consultation=consultation, text=f"Komenti {n}")
        for n in range(3)
    ]


def bulk_url(ids):
    url = reverse("wagtail_bulk_action", args=["participation", "consultationcomment", "classify"])
    return url + "?" + "&".join(f"id={pk}" for pk in ids)


@pytest.mark.django_db
def test_consultation_officer_classifies_comments_in_bulk(client, django_user_model, comments):
    officer = login(client, django_user_model, roles.CONSULTATION_OFFICER, "konsultimet")
    listing = client.get(reverse("wagtailsnippets_participation_consultationcomment:list"))
    assert "/bulk/participation/consultationcomment/classify/" in listing.content.decode()
    ids = [comment.pk for comment in comments[:2]]
    assert client.get(bulk_url(ids)).status_code == 200

    refused = client.post(bulk_url(ids), {"status": CommentStatus.REFUSED, "reason": " "})
    assert refused.status_code == 200 and "reason" in refused.context["form"].errors
    assert not ConsultationComment.objects.exclude(status=CommentStatus.PENDING).exists()

    response = client.post(
        bulk_url(ids), {"status": CommentStatus.REFUSED, "reason": "Jashtë temës."}
    )
    assert response.status_code == 302
    classified = ConsultationComment.objects.filter(status=CommentStatus.REFUSED)
    assert sorted(classified.values_list("pk", flat=True)) == ids
    assert all(c.moderated_by == officer and c.reason == "Jashtë temës." for c in classified)
    assert ConsultationComment.objects.get(pk=comments[2].pk).status == CommentStatus.PENDING


@pytest.mark.django_db
def test_access_officer_cannot_classify_comments(client, django_user_model, comments):
    login(client, django_user_model, roles.ACCESS_OFFICER, "zyrtari")
    ids = [comment.pk for comment in comments]
    response = client.post(bulk_url(ids), {"status": CommentStatus.ACCEPTED, "reason": ""})
    assert response.status_code == 302
    assert not ConsultationComment.objects.exclude(status=CommentStatus.PENDING).exists()
