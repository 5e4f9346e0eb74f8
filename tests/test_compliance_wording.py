"""The compliance dashboard said "Publikuar para 0 ditësh" (published 0 days ago)."""

import pytest
from django.utils import translation

from participation.compliance import published_ago


@pytest.mark.parametrize(
    ("code", "days", "expected"),
    [
        ("sq", 0, "Mungon në: Srpski. Publikuar sot."),
        ("sq", 1, "Mungon në: Srpski. Publikuar para 1 dite."),
        ("sq", 5, "Mungon në: Srpski. Publikuar para 5 ditësh."),
        ("sr-latn", 21, "Nedostaje na: Srpski. Objavljeno pre 21 dan."),
        ("sr-latn", 3, "Nedostaje na: Srpski. Objavljeno pre 3 dana."),
        ("tr", 0, "Eksik diller: Srpski. Bugün yayımlandı."),
        ("tr", 2, "Eksik diller: Srpski. 2 gün önce yayımlandı."),
        ("sq", None, "Mungon në: Srpski."),
    ],
)
def test_published_ago_reads_naturally(code, days, expected):
    with translation.override(code):
        assert published_ago(days, "Srpski") == expected
