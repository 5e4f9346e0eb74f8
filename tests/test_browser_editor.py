"""An editor writes a page in Albanian, has it translated into Serbian with wagtail-localize's
own editor, publishes it, and a citizen reads it under /sr-latn/ (Chromium, real admin UI)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser]

TITLE_SQ = "Konsultim publik për parkun e qytetit"
INTRO_SQ = "Komuna fton qytetarët të japin mendimin e tyre për parkun."
TITLE_SR = "Javna konsultacija o gradskom parku"
INTRO_SR = "Opština poziva građane da daju mišljenje o parku."
SLUG_SR = "konsultacija-park"


def translate_segment(page, source_text, translation):
    segment = page.locator("li", has_text=source_text).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    page.get_by_text(translation, exact=True).wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_creates_translates_and_publishes_a_page_the_citizen_reads_in_serbian(
    browser, live_server
):
    from home.models import HomePage, StandardPage

    from .conftest import load_demo_site

    load_demo_site()
    get_user_model().objects.create_superuser("urednica", "urednica@prizren.example", "Sekret-123")
    home_sq = HomePage.objects.get(depth=2, locale__language_code="sq")

    context = browser.new_context()
    context.set_default_timeout(15_000)
    admin = context.new_page()
    try:
        admin.goto(f"{live_server.url}/admin/login/")
        admin.fill("#id_username", "urednica")
        admin.fill("#id_password", "Sekret-123")
        admin.click("button[type=submit]")
        admin.wait_for_url(f"{live_server.url}/admin/")

        # 1. Create and publish the Albanian page.
        admin.goto(f"{live_server.url}/admin/pages/add/home/standardpage/{home_sq.pk}/")
        admin.fill("#id_title", TITLE_SQ)
        admin.fill("#id_intro", INTRO_SQ)
        admin.get_by_role("tab", name="Promote").click()
        # Wagtail fills the slug from the title as the editor types (debounced): under load it
        # can land after ours, so the page is found by its title and its actual slug is used.
        admin.fill("#id_slug", "konsultim-parku")
        admin.get_by_role("button", name="More actions").click()
        admin.locator("button[name=action-publish]").click()
        admin.wait_for_url(f"{live_server.url}/admin/pages/{home_sq.pk}/")

        page_sq = StandardPage.objects.get(locale__language_code="sq", title=TITLE_SQ)
        alias_sr = StandardPage.objects.get(locale__language_code="sr-latn", alias_of=page_sq)

        # 2. The Serbian tree has an alias; the editor asks for a translation of it.
        admin.goto(f"{live_server.url}/admin/pages/{alias_sr.pk}/edit/")
        admin.get_by_role("link", name="Translate this page").click()
        admin.get_by_role("button", name="Submit").click()
        admin.wait_for_url(f"{live_server.url}/admin/pages/{alias_sr.pk}/edit/")

        # 3. Translate every segment in wagtail-localize's editor, then publish.
        translate_segment(admin, TITLE_SQ, TITLE_SR)
        translate_segment(admin, INTRO_SQ, INTRO_SR)
        admin.get_by_role("tab", name="Promote").click()
        translate_segment(admin, page_sq.slug, SLUG_SR)
        admin.get_by_role("button", name="Publish in Srpski").click()
        admin.wait_for_load_state()

        alias_sr.refresh_from_db()
        assert alias_sr.alias_of_id is None, "the Serbian page is still an alias"
        assert alias_sr.live and alias_sr.title == TITLE_SR

        # 4. A citizen reads it under the Serbian prefix, in Serbian, marked as such.
        citizen = context.browser.new_page()
        response = citizen.goto(f"{live_server.url}/sr-latn/{SLUG_SR}/")
        assert response.status == 200
        assert citizen.locator("h1").inner_text() == TITLE_SR
        assert INTRO_SR in citizen.locator("main").inner_text()
        assert citizen.locator("html").get_attribute("lang") == "sr-Latn"
        assert citizen.locator(".notice--untranslated").count() == 0
        citizen.close()
    finally:
        context.close()
