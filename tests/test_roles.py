"""The communication unit's roles: what each group can and cannot do in the admin (Django test
client on the real admin URLs; nobody here is a superuser)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage

from participation import roles
from participation.models import AccessRequest, CommentStatus, ConsultationComment, RequestStatus
from tests.media_helpers import make_release
from tests.participation_helpers import add_consultation, build_small_site

HOME = "wagtailadmin_home"
REGISTER = "wagtailsnippets_participation_accessrequest:list"
COMMENTS = "wagtailsnippets_participation_consultationcomment:list"


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@prizren.example", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    assert not user.is_superuser and not user.is_staff
    return user


def denied(response):
    """Wagtail's answer to a signed-in user without permission: back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse(HOME)


@pytest.fixture
def site(db):
    from media_office.models import PressReleaseIndexPage

    homes = build_small_site()
    home = homes["sq"]
    press = home.add_child(
        instance=PressReleaseIndexPage(title="Njoftime për media", slug="njoftime", intro="")
    )
    press.save_revision().publish()
    today = timezone.localdate()
    consultation = add_consultation(
        home, opens_on=today - timedelta(days=20), closes_on=today - timedelta(days=5)
    )
    return {"home": home, "press": press, "consultation": consultation}


@pytest.fixture
def people(db, django_user_model):
    return {
        "unit": member(django_user_model, roles.UNIT, "gazetarja"),
        "head": member(django_user_model, roles.HEAD, "shefi"),
        "access": member(django_user_model, roles.ACCESS_OFFICER, "zyrtari"),
        "consultation": member(django_user_model, roles.CONSULTATION_OFFICER, "konsultimet"),
    }


def section(client, key):
    content = client.get(reverse("participation_compliance")).content.decode()
    return content.split(f'id="compliance-{key}"')[1].split("</section>")[0]


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_migration_created_the_roles_and_the_workflow():
    names = set(Group.objects.values_list("name", flat=True))
    assert {role.name for role in roles.ROLES} <= names
    root = Page.get_first_root_node()
    assignment = WorkflowPage.objects.get(page=root)
    assert assignment.workflow.name == roles.WORKFLOW and assignment.workflow.active
    [task] = [task.specific for task in assignment.workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [roles.HEAD]
    # Wagtail's default (English, its Moderators group empty) is switched off.
    assert not Workflow.objects.get(name="Moderators approval").active


@pytest.mark.django_db
def test_ensure_roles_is_idempotent_and_removes_what_a_role_should_not_have():
    unit = Group.objects.get(name=roles.UNIT)
    before = set(unit.permissions.values_list("pk", flat=True))
    unit.permissions.add(Permission.objects.get(codename="view_accessrequest"))
    roles.ensure_roles(apps)
    roles.ensure_roles(apps)
    assert set(unit.permissions.values_list("pk", flat=True)) == before
    assert Group.objects.filter(name=roles.UNIT).count() == 1
    assert Workflow.objects.filter(name=roles.WORKFLOW).count() == 1
    assert unit.page_permissions.count() == 2


@pytest.mark.django_db
def test_role_names_are_shown_in_the_admin_language():
    from django.utils import translation

    for code, expected in (
        ("sq", "Njësia për Komunikim me Publikun"),
        ("sr-latn", "Jedinica za komunikaciju sa javnošću"),
        ("tr", "Halkla İletişim Birimi"),
    ):
        with translation.override(code):
            assert str(roles.role_label(roles.UNIT)) == expected


@pytest.mark.django_db
def test_communication_unit_drafts_translates_uploads_and_submits_but_cannot_publish(
    client, site, people
):
    unit = people["unit"]
    client = client_for(client, unit)
    press = site["press"]
    add_url = reverse("wagtailadmin_pages:add", args=["media_office", "pressreleasepage", press.pk])
    assert client.get(add_url).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[press.pk])
    assert client.get(translate_url).status_code == 200

    release = make_release(press, "Njoftim i ri", date=timezone.now() - timedelta(hours=1))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[release.pk])).content.decode()
    assert 'name="action-submit"' in edit
    assert 'name="action-publish"' not in edit
    assert not release.permissions_for_user(unit).can_publish()
    assert release.permissions_for_user(unit).can_submit_for_moderation()

    assert denied(client.get(reverse(REGISTER)))
    assert denied(client.get(reverse(COMMENTS)))
    assert denied(client.get(reverse("wagtailusers_users:index")))


@pytest.mark.django_db
def test_head_of_unit_approves_an_embargoed_release_before_its_time(client, site, people):
    from media_office.models import PressReleasePage

    press = site["press"]
    release_at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    release = PressReleasePage(title="Njoftim nën embargo", lead="Së shpejti.", date=release_at)
    press.add_child(instance=release)
    release.full_clean()  # the embargo: a future release time becomes go_live_at
    release.save()
    revision = release.save_revision(user=people["unit"])
    workflow = release.get_workflow()
    assert workflow.name == roles.WORKFLOW
    state = workflow.start(release, people["unit"])
    task_state = state.current_task_state
    assert task_state.task.name == roles.TASK

    # The unit member cannot approve it; the head of unit can.
    assert not task_state.task.specific.user_can_access_editor(release, people["unit"])
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[release.pk, "approve", task_state.pk]
    )
    unit_client = client_for(client, people["unit"])
    unit_client.post(approve_url, {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    head_client = client_for(client, people["head"])
    waiting = section(head_client, "approvals")
    assert "Njoftim nën embargo" in waiting and "gazetarja" in waiting
    assert str(roles.role_label(roles.HEAD)) in waiting
    response = head_client.post(approve_url, {"comment": "Miratuar."})
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    release = PressReleasePage.objects.get(pk=release.pk)
    revision.refresh_from_db()
    assert not release.live, "approved before its time, it must wait for its release time"
    assert revision.approved_go_live_at == release_at
    assert "Njoftim nën embargo" not in section(head_client, "approvals")
    assert "Njoftim nën embargo" in section(head_client, "scheduled")
    assert denied(head_client.get(reverse(REGISTER)))

    officer_client = client_for(client, people["access"])
    dashboard = officer_client.get(reverse("participation_compliance")).content.decode()
    assert "Njoftim nën embargo" not in dashboard
    assert 'id="compliance-requests"' in dashboard


@pytest.mark.django_db
def test_access_officer_keeps_the_register_and_nothing_else(client, site, people):
    client = client_for(client, people["access"])
    request = AccessRequest(subject="Kontratat e vitit 2026", email="a@example.org")
    request.save()
    assert client.get(reverse(REGISTER)).status_code == 200
    edit_url = reverse("wagtailsnippets_participation_accessrequest:edit", args=[request.pk])
    assert client.get(edit_url).status_code == 200
    request.transition(RequestStatus.GRANTED, user=people["access"], decision="Dokumenti u dërgua.")
    assert AccessRequest.objects.get(pk=request.pk).status == RequestStatus.GRANTED

    assert denied(client.get(reverse(COMMENTS)))
    assert denied(client.get(reverse("wagtaildocs:index")))
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[site["press"].pk])))
    assert client.get(reverse("wagtailadmin_explore_root")).status_code != 200
    delete_url = reverse("wagtailsnippets_participation_accessrequest:delete", args=[request.pk])
    assert denied(client.get(delete_url))


@pytest.mark.django_db
def test_consultation_officer_classifies_comments_and_publishes_the_report(client, site, people):
    consultation = site["consultation"]
    comment = ConsultationComment.objects.create(
        consultation=consultation, text="Taksat janë të larta.", email="b@example.org"
    )
    client = client_for(client, people["consultation"])
    assert client.get(reverse(COMMENTS)).status_code == 200
    edit_url = reverse("wagtailsnippets_participation_consultationcomment:edit", args=[comment.pk])
    assert client.get(edit_url).status_code == 200
    comment.classify(CommentStatus.ACCEPTED, user=people["consultation"])

    report_url = reverse("participation_consultation_report", args=[consultation.pk])
    assert client.get(report_url).status_code == 200
    assert client.post(report_url).status_code == 302
    consultation.refresh_from_db()
    assert consultation.comments_accepted == 1 and consultation.comments_total == 1

    assert denied(client.get(reverse(REGISTER)))
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])))
    assert denied(client.get(reverse("wagtaildocs:index")))
