"""The monthly routine in one step: "Publish the month's decisions" (admin view, real
wagtail-localize translations, the site's upload checks, the roles' permissions)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from participation import roles
from tests.media_helpers import PDF_BYTES
from tests.participation_helpers import build_small_site

URL = "publish_month"


def pdf(name, marker=b""):
    return SimpleUploadedFile(name, PDF_BYTES + marker, content_type="application/pdf")


@pytest.fixture
def archive(db):
    from core.seeding import sync_trees
    from transparency.importers import ImportReport, ensure_decision_archive, ensure_index

    build_small_site()
    report = ImportReport()
    index, _ = ensure_index(report)
    archive, _ = ensure_decision_archive(index, report)
    sync_trees()
    return archive


def login(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name[:20], "x@prizren.example", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def month_pages():
    from transparency.models import DecisionMonthPage

    return {
        page.locale.language_code: page
        for page in DecisionMonthPage.objects.select_related("locale").filter(year=2026, month=11)
    }


@pytest.mark.django_db
def test_head_of_unit_publishes_a_month_in_three_languages_in_one_step(
    client, django_user_model, archive
):
    login(client, django_user_model, roles.HEAD)
    form = client.get(reverse(URL)).content.decode()
    assert 'data-language="sr-latn"' in form and 'value="publish"' in form
    response = client.post(
        reverse(URL),
        {
            "year": "2026",
            "month": "11",
            "decision_count": "23",
            "pdf_sq": pdf("vendimet-nentor-2026.pdf"),
            "pdf_sr_latn": pdf("odluke-novembar-2026.pdf", b"sr"),
            "pdf_tr": pdf("kararlar-kasim-2026.pdf", b"tr"),
            "action": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    pages = month_pages()
    assert set(pages) == {"sq", "sr-latn", "tr"}
    sq, sr, tr = pages["sq"], pages["sr-latn"], pages["tr"]
    assert [page.title for page in (sq, sr, tr)] == ["Nëntor 2026", "Novembar 2026", "Kasım 2026"]
    assert all(page.live and page.alias_of_id is None for page in (sq, sr, tr))
    assert sr.translation_key == sq.translation_key == tr.translation_key
    assert sq.url.endswith("/2026/11/") and sr.url.endswith("/2026/11/")
    assert sr.url.startswith("/sr-latn/") and tr.url.startswith("/tr/")
    assert sr.intro == "Odluke predsednika Opštine Prizren za novembar 2026."
    assert sr.get_parent().title == "Odluke 2026" and tr.get_parent().title == "2026 kararları"
    languages = sorted(row.document.language for row in sq.documents.all())
    assert languages == ["sq", "sr-latn", "tr"]
    assert sorted(row.document.language for row in sr.documents.all()) == languages
    assert sq.decision_count == sr.decision_count == 23
    assert client.get(sr.url).status_code == 200

    # The same month again: updated in place, the Turkish file replaced, nothing duplicated.
    response = client.post(
        reverse(URL),
        {
            "year": "2026",
            "month": "11",
            "decision_count": "24",
            "pdf_tr": pdf("kararlar-kasim-2026-v2.pdf", b"tr2"),
            "action": "publish",
        },
    )
    assert response.status_code == 302
    pages = month_pages()
    assert len(pages) == 3 and pages["sq"].pk == sq.pk and pages["tr"].pk == tr.pk
    assert pages["tr"].decision_count == 24
    files = {row.document.language: row.document.filename for row in pages["sq"].documents.all()}
    assert len(files) == 3 and files["tr"].startswith("kararlar-kasim-2026-v2")


@pytest.mark.django_db
def test_unit_member_submits_the_month_for_approval_and_nothing_goes_live(
    client, django_user_model, archive
):
    user = login(client, django_user_model, roles.UNIT)
    assert 'value="publish"' not in client.get(reverse(URL)).content.decode()
    data = {"year": "2026", "month": "11", "decision_count": "5", "pdf_sq": pdf("v.pdf")}
    refused = client.post(reverse(URL), {**data, "action": "publish"})
    assert refused.status_code == 200 and month_pages() == {}
    response = client.post(reverse(URL), {**data, "pdf_sq": pdf("v.pdf"), "action": "submit"})
    assert response.status_code == 302
    pages = month_pages()
    assert set(pages) == {"sq", "sr-latn", "tr"}
    assert not any(page.live for page in pages.values())
    waiting = WorkflowState.objects.filter(status="in_progress", requested_by=user)
    waiting_pages = {int(state.object_id) for state in waiting}
    assert {page.pk for page in pages.values()} <= waiting_pages
    assert {page.get_parent().pk for page in pages.values()} <= waiting_pages


@pytest.mark.django_db
def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_created(
    client, django_user_model, archive
):
    login(client, django_user_model, roles.HEAD)
    fake = SimpleUploadedFile("vendimet.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    response = client.post(
        reverse(URL),
        {"year": "2026", "month": "11", "pdf_sq": fake, "action": "publish"},
    )
    assert response.status_code == 200
    assert "pdf_sq" in response.context["form"].errors
    assert month_pages() == {}
    from transparency.models import DecisionYearPage

    assert not DecisionYearPage.objects.filter(year=2026).exists()


@pytest.mark.django_db
def test_officers_cannot_open_the_routine(client, django_user_model, archive):
    login(client, django_user_model, roles.ACCESS_OFFICER)
    response = client.get(reverse(URL))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
