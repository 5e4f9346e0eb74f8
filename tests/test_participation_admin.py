"""The register in the Wagtail admin and the compliance dashboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.compliance import request_items, untranslated_page_items
from participation.models import AccessRequest, RequestStatus
from tests.participation_helpers import add_request_page, build_small_site

HOSTILE_NAME = '<script>alert(1)</script>"><svg/onload=alert(1)>'


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def make_request(days_ago=0, **fields):
    defaults = {
        "subject": "Lista e kontratave",
        "email": "a@example.org",
        "received_at": timezone.now() - timedelta(days=days_ago),
    }
    defaults.update(fields)
    access_request = AccessRequest(**defaults)
    access_request.save()
    return access_request


REGISTER_URL = "wagtailsnippets_participation_accessrequest:list"


@pytest.mark.django_db
def test_register_highlights_overdue_and_due_soon(admin_client):
    overdue = make_request(days_ago=12)
    due_soon = make_request(days_ago=6)
    # Due tomorrow whatever today's weekday (a deadline on a weekend moves to the Monday).
    AccessRequest.objects.filter(pk=due_soon.pk).update(due_at=timezone.now() + timedelta(days=1))
    make_request(days_ago=0)
    content = admin_client.get(reverse(REGISTER_URL)).content.decode()
    assert content.count("access-request--overdue") == 1
    assert content.count("access-request--due-soon") == 1
    assert overdue.reference in content and due_soon.reference in content
    assert "deadline-badge--overdue" in content

    filtered = admin_client.get(reverse(REGISTER_URL), {"deadline": "overdue"})
    assert overdue.reference in filtered.content.decode()
    assert due_soon.reference not in filtered.content.decode()


@pytest.mark.django_db
def test_hostile_name_is_escaped_in_the_admin(admin_client):
    # Tried: <script> and a broken-out <svg onload> in the name and the subject.
    access_request = make_request(name=HOSTILE_NAME, subject=HOSTILE_NAME)
    edit_url = reverse("wagtailsnippets_participation_accessrequest:edit", args=[access_request.pk])
    for url in (reverse(REGISTER_URL) + "?q=script", edit_url):
        content = admin_client.get(url).content.decode()
        assert "<script>alert(1)" not in content
        assert "<svg/onload" not in content


@pytest.mark.django_db
def test_csv_export_of_the_register_escapes_formulas(admin_client):
    # Tried: spreadsheet formulas in the name (Wagtail escapes them in XLSX only).
    make_request(name='=HYPERLINK("http://evil.example","Kliko")')
    make_request(name="+cmd|' /C calc'!A0")
    make_request(name="@SUM(1+1)")
    response = admin_client.get(reverse(REGISTER_URL), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert '\'=HYPERLINK(""http://evil.example"",""Kliko"")' in content
    assert "'+cmd|" in content and "'@SUM(1+1)" in content
    assert "\n=HYPERLINK" not in content and ",=HYPERLINK" not in content


@pytest.mark.django_db
def test_admin_edit_enforces_the_state_machine(admin_client, django_user_model):
    access_request = make_request()
    edit_url = reverse("wagtailsnippets_participation_accessrequest:edit", args=[access_request.pk])
    form = admin_client.get(edit_url).context["form"]
    statuses = [value for value, _label in form.fields["status"].choices]
    assert "received" in statuses and "granted" in statuses
    data = {name: form[name].value() or "" for name in form.fields if name != "released_documents"}
    data.update(status="refused", decision="Refuzohet.", legal_ground="")
    data["received_at"] = timezone.localtime(access_request.received_at).strftime("%Y-%m-%d %H:%M")
    data["is_urgent"] = ""
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200  # re-rendered with the error
    assert AccessRequest.objects.get().status == RequestStatus.RECEIVED
    data["legal_ground"] = "Neni 17.1 i Ligjit 06/L-081"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    access_request = AccessRequest.objects.get()
    assert access_request.status == RequestStatus.REFUSED
    change = access_request.status_changes.last()
    assert change.changed_by.username == "admin"
    # Once refused, only "refused" is offered.
    form = admin_client.get(edit_url).context["form"]
    assert [value for value, _label in form.fields["status"].choices] == ["refused"]


@pytest.mark.django_db
def test_dashboard_lists_overdue_requests_and_untranslated_pages(admin_client):
    site = build_small_site()
    request_page = add_request_page(site["sq"])
    overdue = make_request(days_ago=12)
    make_request(days_ago=0)

    items = request_items()
    assert [overdue.reference in str(item.title) for item in items] == [True]
    assert items[0].severity == "critical"

    untranslated = {item.title: item for item in untranslated_page_items()}
    assert request_page.title in untranslated
    item = untranslated[request_page.title]
    assert item.url == reverse("wagtail_localize:submit_page_translation", args=[request_page.pk])
    assert "Srpski" in item.detail or "sr" in item.detail.lower()

    dashboard = admin_client.get(reverse("participation_compliance")).content.decode()
    assert overdue.reference in dashboard
    assert request_page.title in dashboard
    assert item.url in dashboard
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "compliance-panel" in home and overdue.reference in home


@pytest.mark.django_db
def test_translated_page_leaves_the_dashboard(demo_site):
    # The demo content translates every page into Serbian and Turkish.
    titles = {item.title for item in untranslated_page_items()}
    assert demo_site["sq"].title not in titles
    assert titles == set()


@pytest.mark.django_db
def test_editor_without_register_permission_does_not_see_requests(client, django_user_model):
    from django.contrib.auth.models import Group, Permission

    make_request(days_ago=12, name="Arta")
    editor = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Web editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    content = client.get(reverse("participation_compliance")).content.decode()
    assert "KPD-" not in content
    assert 'id="compliance-translations"' in content
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "compliance-panel" in home and "KPD-" not in home
