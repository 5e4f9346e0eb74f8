"""A day of each role in the real admin (Chromium): the unit member drafts a release under
embargo and submits it, the head of unit approves it before its time, the access-to-documents
officer decides a request; and the month of decisions published in one step, its actions
counted and its screens photographed (docs/screenshots/). Nobody is a superuser.

Selectors use names and ids, never English labels: the admin is in Albanian."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, Locale, Page
from wagtail.users.models import UserProfile

from core.seeding import sync_trees
from media_office.models import PressReleaseIndexPage, PressReleasePage
from participation import roles
from participation.models import AccessRequest, RequestStatus
from participation.roles import ensure_roles
from tests.english_check import english_leftovers, visible_texts
from tests.media_helpers import PDF_BYTES
from tests.participation_helpers import add_request_page, build_small_site
from transparency.importers import ImportReport, ensure_decision_archive, ensure_index
from transparency.models import DecisionMonthPage

pytestmark = [pytest.mark.browser]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = "Sekret-123"
RELEASE_TITLE = "Komuna hap sallën e re të leximit"


def make_person(username, group_name, language="sq"):

    user = get_user_model().objects.create_user(username, f"{username}@prizren.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def build_site():
    """A small site: home, press index, decision archive, request page; the roles."""

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="sq")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    ensure_roles(apps)
    home = build_small_site()["sq"]
    press = home.add_child(
        instance=PressReleaseIndexPage(title="Njoftime për media", slug="njoftime", intro="")
    )
    press.save_revision().publish()
    report = ImportReport()
    index, _ = ensure_index(report)
    archive, _ = ensure_decision_archive(index, report)
    add_request_page(home)
    sync_trees()
    return {"home": home, "press": press, "archive": archive}


class Actions:
    """Counts what the person does: each click, fill, selection or file choice is one."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, selector):
        self.count += 1
        self.page.locator(selector).first.click()

    def fill(self, selector, value):
        self.count += 1
        self.page.fill(selector, value)

    def select(self, selector, value):
        self.count += 1
        self.page.select_option(selector, value)

    def files(self, selector, path):
        self.count += 1
        self.page.set_input_files(selector, path)


def log_in(browser, base, username, **options):
    """A browser of its own for each person (own cookies), signed in."""
    context = browser.new_context(locale="sq-AL", **options)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def open_footer_menu(page):
    """The footer's dropdown of further actions (submit, approve) on an edit page."""
    toggle = page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle")
    toggle.first.click()


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_day_of_the_unit_the_head_and_the_officer(browser, live_server):

    site = build_site()
    make_person("gazetarja", roles.UNIT)
    make_person("shefi", roles.HEAD)
    make_person("zyrtari", roles.ACCESS_OFFICER)
    access_request = AccessRequest(subject="Kontratat e pastrimit 2026", email="q@example.org")
    access_request.save()
    base = live_server.url
    release_at = timezone.localtime() + timedelta(days=3)

    people = []
    try:
        # 1. The unit member drafts a release with its release time (the embargo), submits it.
        unit = log_in(browser, base, "gazetarja")
        people.append(unit)
        unit.goto(f"{base}/admin/pages/add/media_office/pressreleasepage/{site['press'].pk}/")
        unit.fill("#id_title", RELEASE_TITLE)
        unit.fill("#id_lead", "Salla e re e leximit hapet për qytetarët.")
        unit.fill("#id_date", release_at.strftime("%Y-%m-%d %H:%M"))
        assert unit.locator("button[name=action-publish]").count() == 0
        open_footer_menu(unit)
        unit.locator("button[name=action-submit]").click()
        unit.wait_for_url(f"{base}/admin/pages/{site['press'].pk}/")
        release = PressReleasePage.objects.get(title=RELEASE_TITLE, locale__language_code="sq")
        assert not release.live
        state = release.current_workflow_state
        assert state is not None and state.current_task_state.task.name == roles.TASK

        # 2. The head of unit sees what waits for them and approves it before its time.
        head = log_in(browser, base, "shefi")
        people.append(head)
        head.goto(f"{base}/admin/compliance/")
        waiting = head.locator("#compliance-approvals").locator("xpath=..")
        assert RELEASE_TITLE in waiting.inner_text()
        shoot(head, "compliance-waiting-for-approval.png")
        waiting.locator("a", has_text=RELEASE_TITLE).first.click()
        head.wait_for_url(f"{base}/admin/pages/{release.pk}/edit/")
        open_footer_menu(head)
        head.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).first.click()
        head.wait_for_load_state("networkidle")
        release = PressReleasePage.objects.get(pk=release.pk)
        state.refresh_from_db()
        assert state.status == "approved"
        assert not release.live, "approved before its release time, it waits"
        assert release.get_latest_revision().approved_go_live_at is not None
        head.goto(f"{base}/admin/compliance/")
        assert (
            RELEASE_TITLE in head.locator("#compliance-scheduled").locator("xpath=..").inner_text()
        )

        # 3. The officer decides a request in the register.
        officer = log_in(browser, base, "zyrtari")
        people.append(officer)
        officer.goto(f"{base}/admin/snippets/participation/accessrequest/")
        assert "Kontratat e pastrimit 2026" in officer.locator("main").inner_text()
        officer.locator("main a", has_text=access_request.reference).first.click()
        officer.select_option("#id_status", RequestStatus.GRANTED.value)
        officer.fill("#id_decision", "Kontratat u dërguan me email.")
        officer.locator("footer button[type=submit]").first.click()
        officer.wait_for_url(f"{base}/admin/snippets/participation/accessrequest/")
        access_request.refresh_from_db()
        assert access_request.status == RequestStatus.GRANTED
        assert access_request.decided_at is not None
    finally:
        for page in people:
            page.context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_month_of_decisions_in_one_step_under_ten_actions(browser, live_server, tmp_path):

    build_site()
    make_person("shefi", roles.HEAD)
    files = {}
    for code, name in (("sq", "vendimet"), ("sr-latn", "odluke"), ("tr", "kararlar")):
        files[code] = tmp_path / f"{name}-nentor-2026.pdf"
        files[code].write_bytes(PDF_BYTES + code.encode())
    base = live_server.url

    head = log_in(browser, base, "shefi", viewport={"width": 1280, "height": 900})
    try:
        actions = Actions(head)
        actions.click("a[href='/admin/decisions/month/']")  # the menu item
        head.wait_for_url(f"{base}/admin/decisions/month/")
        shoot(head, "publish-month-form.png")
        actions.fill("#id_year", "2026")
        actions.select("#id_month", "11")
        actions.fill("#id_decision_count", "23")
        actions.files("#id_pdf_sq", files["sq"])
        actions.files("#id_pdf_sr_latn", files["sr-latn"])
        actions.files("#id_pdf_tr", files["tr"])
        assert head.locator("[data-file-name]").nth(1).inner_text() == files["sr-latn"].name
        shoot(head, "publish-month-filled.png")
        actions.click("button[name=action][value=publish]")
        head.wait_for_url("**/admin/pages/*/edit/")
        shoot(head, "publish-month-done.png")
        assert actions.count < 10, actions.count
        print(f"\nmonthly routine: {actions.count} actions")

        pages = {
            page.locale.language_code: page
            for page in DecisionMonthPage.objects.filter(year=2026, month=11).select_related(
                "locale"
            )
        }
        assert {code: page.title for code, page in pages.items()} == {
            "sq": "Nëntor 2026",
            "sr-latn": "Novembar 2026",
            "tr": "Kasım 2026",
        }
        assert all(page.live and page.alias_of_id is None for page in pages.values())
        reader = head.context.new_page()
        reader.goto(f"{base}{pages['sr-latn'].url}")
        assert reader.locator("h1").inner_text() == "Novembar 2026"
        assert pages["sr-latn"].url.endswith("/2026/11/")
        shoot(reader, "publish-month-serbian-page.png")
    finally:
        head.context.close()


SCREENS = {
    "unit": ["/admin/", "/admin/pages/add/media_office/pressreleasepage/{press}/"],
    "head": ["/admin/compliance/", "/admin/decisions/month/", "/admin/pages/{press}/"],
    "access": [
        "/admin/snippets/participation/accessrequest/",
        "/admin/snippets/participation/accessrequest/edit/{request}/",
    ],
    "consultation": ["/admin/snippets/participation/consultationcomment/"],
}


@pytest.mark.parametrize("language", ["sq", "sr-latn", "tr"])
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_roles_screens_have_no_english_word(browser, live_server, language):

    site = build_site()
    access_request = AccessRequest(subject="Buxheti i vitit 2026", email="q@example.org")
    access_request.save()
    groups = {
        "unit": roles.UNIT,
        "head": roles.HEAD,
        "access": roles.ACCESS_OFFICER,
        "consultation": roles.CONSULTATION_OFFICER,
    }
    catalogue_language = {"sq": "sq", "sr-latn": "sr_Latn", "tr": "tr"}[language]
    leftovers = {}
    # Everyone is created before the browser starts: the live server's requests share the
    # in-memory SQLite database, which refuses a write while another thread reads a table.
    for role in SCREENS:
        make_person(f"{role}-{language}", groups[role], language)
    for role, urls in SCREENS.items():
        page = log_in(browser, live_server.url, f"{role}-{language}")
        try:
            for url in urls:
                url = url.format(press=site["press"].pk, request=access_request.pk)
                page.goto(f"{live_server.url}{url}")
                found = english_leftovers(visible_texts(page), catalogue_language)
                if found:
                    leftovers[url] = found
        finally:
            page.context.close()
    for url, found in leftovers.items():
        print(f"\n{language} {url}: {len(found)} English texts: {', '.join(found[:8])}")
    assert leftovers == {}
