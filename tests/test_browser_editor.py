"""An editor writes a public consultation in Albanian, has it translated into Serbian with
wagtail-localize's own editor, publishes it, and a citizen reads it under /sr-latn/ (Chromium,
real admin UI)."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from core.upstream_catalogues import Catalogue

pytestmark = [pytest.mark.browser]

TITLE_SQ = "Konsultim publik për parkun e qytetit"
PLACE_SQ = "Salla e Kuvendit Komunal"
TITLE_SR = "Javna konsultacija o gradskom parku"
PLACE_SR = "Sala Skupštine opštine"
SLUG_SR = "konsultacija-park"


def sq(english):
    """The label the editor sees: the admin is in Albanian (the project's catalogues)."""
    with translation.override("sq"):
        return translation.gettext(english)


def sq_js(english):
    """A label of wagtail-localize's translation editor (its JavaScript catalogue)."""
    catalogue = polib.pofile(str(Catalogue("wagtail_localize", "djangojs", "sq").path))
    return catalogue.find(english).msgstr


def translate_segment(page, source_text, text):
    segment = page.locator("li", has_text=source_text).last
    segment.get_by_role("button", name=sq_js("Translate")).click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name=sq_js("Save")).click()
    page.get_by_text(text, exact=True).wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_creates_translates_and_publishes_a_consultation_the_citizen_reads_in_serbian(
    browser, live_server
):
    from core.seeding import sync_trees
    from transparency.choices import ActivityKind
    from transparency.importers import ImportReport, ensure_activity_index, ensure_index
    from transparency.models import ActivityPage

    from .conftest import load_demo_site

    load_demo_site()
    report = ImportReport()
    transparency, _ = ensure_index(report)
    consultations, _ = ensure_activity_index(transparency, ActivityKind.CONSULTATION, report)
    sync_trees()
    get_user_model().objects.create_superuser("urednica", "urednica@prizren.example", "Sekret-123")

    context = browser.new_context()
    context.set_default_timeout(15_000)
    admin = context.new_page()
    try:
        admin.goto(f"{live_server.url}/admin/login/")
        admin.fill("#id_username", "urednica")
        admin.fill("#id_password", "Sekret-123")
        admin.click("button[type=submit]")
        admin.wait_for_url(f"{live_server.url}/admin/")

        # 1. Create and publish the Albanian consultation in the list of consultations.
        admin.goto(
            f"{live_server.url}/admin/pages/add/transparency/activitypage/{consultations.pk}/"
        )
        admin.fill("#id_title", TITLE_SQ)
        admin.select_option("#id_kind", ActivityKind.CONSULTATION.value)
        admin.fill("#id_year", "2026")
        admin.fill("#id_number", "1")
        admin.fill("#id_date", "2026-12-01")
        admin.fill("#id_closes_on", "2026-12-31")
        admin.fill("#id_location", PLACE_SQ)
        admin.get_by_role("tab", name=sq("Promote")).click()
        # Wagtail fills the slug from the title as the editor types (debounced): under load it
        # can land after ours, so the page is found by its title and its actual slug is used.
        admin.fill("#id_slug", "konsultim-parku")
        admin.get_by_role("button", name=sq("More actions")).click()
        admin.locator("button[name=action-publish]").click()
        admin.wait_for_url(f"{live_server.url}/admin/pages/{consultations.pk}/")

        page_sq = ActivityPage.objects.get(locale__language_code="sq", title=TITLE_SQ)
        assert page_sq.live and page_sq.kind == ActivityKind.CONSULTATION
        alias_sr = ActivityPage.objects.get(locale__language_code="sr-latn", alias_of=page_sq)

        # 2. The Serbian tree has an alias; the editor asks for a translation of it.
        admin.goto(f"{live_server.url}/admin/pages/{alias_sr.pk}/edit/")
        admin.get_by_role("link", name=sq("Translate this page")).click()
        admin.get_by_role("button", name=sq("Submit")).click()
        admin.wait_for_url(f"{live_server.url}/admin/pages/{alias_sr.pk}/edit/")

        # 3. Translate every segment in wagtail-localize's editor, then publish.
        translate_segment(admin, TITLE_SQ, TITLE_SR)
        translate_segment(admin, PLACE_SQ, PLACE_SR)
        admin.get_by_role("tab", name=sq("Promote")).click()
        translate_segment(admin, page_sq.slug, SLUG_SR)
        admin.get_by_role("button", name=sq_js("Publish in ") + "Srpski").click()
        admin.wait_for_load_state()

        alias_sr.refresh_from_db()
        assert alias_sr.alias_of_id is None, "the Serbian page is still an alias"
        assert alias_sr.live and alias_sr.title == TITLE_SR
        assert alias_sr.closes_on == page_sq.closes_on, "dates are synchronised, not translated"

        # 4. A citizen reads it under the Serbian prefix, in Serbian, marked as such.
        url = alias_sr.get_url()
        assert url.startswith("/sr-latn/") and url.endswith(f"/{SLUG_SR}/")
        citizen = context.browser.new_page()
        response = citizen.goto(f"{live_server.url}{url}")
        assert response.status == 200
        assert citizen.locator("h1").inner_text() == TITLE_SR
        assert PLACE_SR in citizen.locator("main").inner_text()
        assert citizen.locator("html").get_attribute("lang") == "sr-Latn"
        assert citizen.locator(".notice--untranslated").count() == 0
        citizen.close()
    finally:
        context.close()
