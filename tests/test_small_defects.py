"""Smaller defects of issue 12: huge ids in URLs, what snippet choosers show, confirmation
mails through address variants."""

import pytest
from django.test import Client

from tests.participation_helpers import build_small_site

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
