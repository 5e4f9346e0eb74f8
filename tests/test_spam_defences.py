import time

import pytest
from django.core import signing
from django.core.cache import cache

from core.forms import SpamProtectedForm
from core.ratelimit import RateLimited, hit


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def test_rate_limit_lets_the_limit_through_then_refuses():
    for _ in range(3):
        hit("test", "10.0.0.1", limit=3, period=60)
    with pytest.raises(RateLimited):
        hit("test", "10.0.0.1", limit=3, period=60)
    hit("test", "10.0.0.2", limit=3, period=60)  # another address has its own budget


def test_honeypot_filled_is_spam():
    form = SpamProtectedForm(data={"website": "http://spam.example", "rendered_at": ""})
    assert form.is_spam()


def test_too_fast_is_spam_and_a_person_is_not():
    just_now = signing.dumps(time.time(), salt="form-rendered-at")
    assert SpamProtectedForm(data={"rendered_at": just_now}).is_spam()
    a_minute_ago = signing.dumps(time.time() - 60, salt="form-rendered-at")
    assert not SpamProtectedForm(data={"rendered_at": a_minute_ago}).is_spam()


def test_forged_timestamp_is_spam():
    assert SpamProtectedForm(data={"rendered_at": "1700000000"}).is_spam()
