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
