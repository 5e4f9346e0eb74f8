"""Upstream admin strings that no catalogue can translate, and their guards."""

import inspect
from pathlib import Path

import pytest
import wagtail.admin
from django.contrib.auth import get_user_model
from django.template.loader import get_template
from wagtail.contrib.redirects import filters as redirect_filters
from wagtail.users.models import UserProfile

PROJECT_ACTIONS = Path(__file__).resolve().parent.parent / (
    "templates/wagtailadmin/shared/headers/_actions.html"
)
UPSTREAM_ACTIONS = Path(wagtail.admin.__file__).parent / (
    "templates/wagtailadmin/shared/headers/_actions.html"
)


@pytest.fixture
def editor_in(db, client):
    def login(language):
        user = get_user_model().objects.create_superuser(f"editor-{language}", password="x")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login


def test_upstream_redirect_filters_still_translate_at_import():
    """Guard: when upstream makes these labels lazy, core.admin_language can go."""
    assert "from django.utils.translation import gettext as _" in inspect.getsource(
        redirect_filters
    )


@pytest.mark.parametrize(("language", "permanent"), [("tr", "Kalıcı"), ("sr-latn", "Trajno")])
def test_redirect_report_filters_follow_the_editors_language(editor_in, language, permanent):
    page = editor_in(language).get("/admin/redirects/")
    assert page.status_code == 200
    text = page.content.decode()
    assert permanent in text
    assert "Lloji" not in text  # the Albanian label fixed at import time


def test_upstream_actions_header_is_what_the_project_copy_translates():
    """Guard: the project's copy differs from upstream's only by the translated label."""
    upstream = UPSTREAM_ACTIONS.read_text()
    assert 'aria-label="Actions"' in upstream
    ours = PROJECT_ACTIONS.read_text().split("\n", 1)[1]
    assert ours == upstream.replace(
        'aria-label="Actions"', "aria-label=\"{% translate 'Actions' %}\""
    )
    assert get_template("wagtailadmin/shared/headers/_actions.html").origin.name == str(
        PROJECT_ACTIONS
    )


def test_actions_header_is_in_albanian(editor_in):
    text = editor_in("sq").get("/admin/pages/").content.decode()
    assert 'aria-label="Actions"' not in text
    assert 'aria-label="Veprime"' in text
