"""The communication unit's roles as Wagtail groups, and the workflow between them.

ONE table (ROLES) says what each role may do; `ensure_roles` makes the database say exactly
that (migration 0007 and `manage.py ensure_roles` call it, so it is idempotent and takes
historical models). Group names are stored in Albanian; `role_label` shows them in the admin's
language. Nobody needs to be a superuser for daily work (docs/decisions/0044-roles-and-workflow.md).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

UNIT = "Njësia për Komunikim me Publikun"
HEAD = "Shefi i Njësisë për Komunikim"
ACCESS_OFFICER = "Zyrtari për qasje në dokumente publike"
CONSULTATION_OFFICER = "Zyrtari për konsultime publike"

WORKFLOW = "Miratimi para publikimit"
TASK = "Miratimi nga Shefi i Njësisë"

ROLE_LABELS = {
    UNIT: _("Communication unit"),
    HEAD: _("Head of unit"),
    ACCESS_OFFICER: _("Access-to-documents officer"),
    CONSULTATION_OFFICER: _("Consultation officer"),
    WORKFLOW: _("Approval before publication"),
    TASK: _("Approval by the head of unit"),
}

DOCUMENTS_AND_IMAGES = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
]
# Snippets the unit keeps (translatable ones are translated with wagtail-localize).
UNIT_SNIPPETS = [
    f"{app}.{action}_{model}"
    for app, model in [
        ("media_office", "topic"),
        ("media_office", "presscontact"),
        ("transparency", "statedtotals"),
        ("transparency", "accessrequestyear"),
    ]
    for action in ("add", "change", "view")
]
UNIT_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    *UNIT_SNIPPETS,
]


@dataclass(frozen=True)
class Role:
    name: str
    model_permissions: list = field(default_factory=list)  # "app_label.codename"
    page_permissions: list = field(default_factory=list)  # codenames on the root page
    collection_permissions: list = field(default_factory=list)  # on the root collection
    approves: bool = False  # member of the workflow's approval task


ROLES = [
    Role(
        UNIT,
        model_permissions=UNIT_MODEL_PERMISSIONS,
        page_permissions=["add_page", "change_page"],
        collection_permissions=DOCUMENTS_AND_IMAGES,
    ),
    Role(
        HEAD,
        model_permissions=UNIT_MODEL_PERMISSIONS,
        page_permissions=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        collection_permissions=[*DOCUMENTS_AND_IMAGES, "wagtaildocs.delete_document"],
        approves=True,
    ),
    Role(
        ACCESS_OFFICER,
        model_permissions=[
            "wagtailadmin.access_admin",
            "participation.add_accessrequest",
            "participation.change_accessrequest",
            "participation.view_accessrequest",
            "participation.view_publicholiday",
        ],
    ),
    Role(
        CONSULTATION_OFFICER,
        model_permissions=[
            "wagtailadmin.access_admin",
            "participation.add_consultationcomment",
            "participation.change_consultationcomment",
            "participation.view_consultationcomment",
            "participation.publish_consultation_report",
        ],
    ),
]

# Apps whose permissions the roles use; created here because, on a fresh database, Django
# creates permissions only after the last migration (post_migrate).
PERMISSION_APPS = [
    "wagtailadmin",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtail_localize",
    "media_office",
    "transparency",
    "participation",
]


def role_label(name):
    """A group's, workflow's or task's name in the admin's language (the stored one otherwise)."""
    return ROLE_LABELS.get(name, name)


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _create_permissions(apps):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.clear_cache()  # stale after a flush (transactional tests)
    for label in PERMISSION_APPS:
        app_config = global_apps.get_app_config(label)
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
    # Made by a wagtail-localize migration, not by a model's Meta: recreated the same way.
    translation_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=translation_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def ensure_roles(apps):
    """Create or correct the four groups, their permissions and the approval workflow.

    `apps`: a migration's historical apps, or django.apps.apps. Permissions a group has beyond
    its role are removed: the table above is the whole truth.
    """
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        group.permissions.set([_permission(apps, name) for name in role.model_permissions])

        GroupPagePermission.objects.filter(group=group).exclude(page=root_page).delete()
        wanted = {_permission(apps, f"wagtailcore.{name}").pk for name in role.page_permissions}
        GroupPagePermission.objects.filter(group=group).exclude(permission_id__in=wanted).delete()
        if root_page is not None:
            for permission_id in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission_id=permission_id
                )

        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection
        ).delete()
        wanted = {_permission(apps, name).pk for name in role.collection_permissions}
        GroupCollectionPermission.objects.filter(group=group).exclude(
            permission_id__in=wanted
        ).delete()
        if root_collection is not None:
            for permission_id in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission_id=permission_id
                )
    ensure_workflow(apps, [groups[role.name] for role in ROLES if role.approves], root_page)
    return groups


def ensure_workflow(apps, approvers, root_page):
    """One workflow, unit → head of unit, on the root page: every section, in every language
    (press releases and transparency pages included), is submitted to the head of unit.
    Wagtail's default workflow (English, its Moderators group empty) is switched off."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set(approvers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(
        active=False
    )
    return workflow
