"""Smaller defects of issue 12: huge ids in URLs, what snippet choosers show, confirmation
mails through address variants."""

import pytest
from django.core import mail
from django.test import Client

from tests.media_helpers import empty_cache  # noqa: F401 - autouse fixture: no old counts
from tests.participation_helpers import build_small_site
from tests.test_media_subscriptions import subscribe

HUGE = "999999999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/sq/consultations/{HUGE}/comment/",
        f"/sq/consultations/{HUGE}/comment/sent/",
        f"/documents/{HUGE}/raport.pdf",
        f"/documents/authenticate_with_password/{HUGE}/",
        f"/sq/_util/authenticate_with_password/{HUGE}/{HUGE}/",
        "/sq/_util/authenticate_with_password/1/9223372036854775808/",
    ],
)
def test_a_huge_id_is_a_404(db, path):
    build_small_site()
    # Outside the language prefixes a path no pattern takes is redirected into one first.
    assert Client().get(path, follow=True).status_code == 404


def test_address_variants_of_one_mailbox_share_its_confirmation_limit(press_index):
    # Tried: 8 subscriptions, from 8 clients, with +tag, dotted and upper-case variants.
    variants = [
        "victim@example.org",
        "victim+news@example.org",
        "v.ictim@example.org",
        "VICTIM+1@example.org",
        "vi.ct.im+x@example.org",
        "Victim@Example.org",
        "victim+2@example.org",
        "v.i.c.t.i.m@example.org",
    ]
    statuses = [
        subscribe(Client(REMOTE_ADDR=f"10.4.0.{n}"), address).status_code
        for n, address in enumerate(variants)
    ]
    assert statuses == [200, 200, 200] + [429] * 5
    assert len(mail.outbox) == 3


@pytest.fixture
def plain_editor(db):
    """An editor with admin access and nothing on the participation app."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Redaktorët e lajmeve")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("redaktor", "r@prizren.example", "x")
    user.groups.add(group)
    return user


@pytest.mark.parametrize(
    ("model", "codename"),
    [("accessrequest", "view_accessrequest"), ("consultationcomment", "view_consultationcomment")],
)
def test_snippet_choosers_show_register_and_comments_only_to_those_allowed(
    plain_editor, model, codename
):
    from datetime import timedelta

    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from participation.models import AccessRequest, ConsultationComment
    from tests.participation_helpers import add_consultation

    request = AccessRequest(subject="Procesverbali sekret", email="a@example.org")
    request.save()
    today = timezone.localdate()
    consultation = add_consultation(
        build_small_site()["sq"], opens_on=today, closes_on=today + timedelta(days=5)
    )
    ConsultationComment.objects.create(consultation=consultation, text="Koment i pamoderuar")
    secret = request.reference if model == "accessrequest" else "Koment i pamoderuar"

    client = Client()
    client.force_login(plain_editor)
    for url in (
        f"/admin/snippets/choose/participation/{model}/",
        f"/admin/snippets/choose/participation/{model}/results/",
    ):
        response = client.get(url)
        # Wagtail's admin answers a refused permission by sending the editor to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
        assert secret not in response.content.decode()

    plain_editor.user_permissions.add(Permission.objects.get(codename=codename))
    allowed = client.get(f"/admin/snippets/choose/participation/{model}/")
    assert allowed.status_code == 200 and secret in allowed.content.decode()
