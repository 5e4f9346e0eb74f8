"""The one rule for what the public may see; every channel asks it (page, document download,
search, feeds, sitemap, home slots, open data, email). docs/decisions/0060-one-visibility-rule.md

A page is public when
- it is live and has not expired,
- its release time has come (page types with a release date name it in `release_date_field`:
  a press release under embargo stays closed even if something made it live early),
- neither it nor an ancestor has a view restriction (password, login, groups),
- and, for an alias (an untranslated page of wagtail-localize's synchronised trees), its source
  page is public by the same rule.

A document is public when its collection (and every collection above) has no view restriction,
and either an editor has published it (`published`) or a public page uses it in its published
content. Wagtail's reference index records what the page row holds, and the row of a live page
is its published revision: a document chosen in a draft revision ("Save draft") is not there.
Everything else is closed, including an upload nobody has attached or published.

Readers with more than the public (a page password in their session, a login, a group, an
editor who reviews) are answered by `page_is_visible_to` and `document_is_visible_to`. A
document in a collection with view restrictions is for the audience those restrictions name
(Wagtail's document view asks for their login or password), never for the public.
"""

from collections import defaultdict

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast, Substr
from django.db.models.lookups import In
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

from core.published import remember


def _restricted_page_paths():
    return remember(
        "restricted-page-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def _outside_subtrees(path_field, roots):
    """Q of the rows whose tree path (`path_field`) is not in the subtree of any of the tree
    paths `roots`: one `SUBSTR(path) IN (…)` per depth, however many roots (a clause per root
    made SQLite refuse the query past about a thousand, the number of private posts a WordPress
    import can bring)."""
    by_length = defaultdict(list)
    for root in roots:
        by_length[len(root)].append(root)
    condition = Q()
    for length, paths in sorted(by_length.items()):
        condition &= ~Q(In(Substr(path_field, 1, length), paths))
    return condition


def _release_dated_models():
    """Page models whose `release_date_field` names the moment they may be seen."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "release_date_field", None)
    ]


def _open_now(model, now):
    """Q of the rows of `model` (a Page model) that are live, unexpired, released and not
    under a view restriction: the rule without the alias clause."""
    condition = Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    condition &= _outside_subtrees("path", _restricted_page_paths())
    for dated in _release_dated_models():
        if issubclass(dated, model) or issubclass(model, dated):
            embargoed = dated.objects.filter(**{f"{dated.release_date_field}__gt": now})
            condition &= ~Q(pk__in=embargoed.values("pk"))
    return condition


def public(pages):
    """The pages of the queryset `pages` (of any Page model) that the public may see."""
    now = timezone.now()
    sources = Page.objects.filter(_open_now(Page, now)).values("pk")
    return pages.filter(_open_now(pages.model, now)).filter(
        Q(alias_of__isnull=True) | Q(alias_of__in=sources)
    )


def public_pages():
    return public(Page.objects.all())


def public_page_ids(page_ids):
    """The ids among `page_ids` of pages the public may see (one query)."""
    page_ids = {int(pk) for pk in page_ids}
    if not page_ids:
        return set()
    return set(public(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))


def page_is_public(page):
    return page is not None and page.pk is not None and bool(public_page_ids([page.pk]))


def can_review(user, page):
    """Editors who may edit or publish the page see it (and its files) before the public."""
    if not getattr(user, "is_authenticated", False):
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


def page_is_visible_to(request, page, *, own_restrictions=True):
    """The page is public, or closed to the public only by view restrictions that this
    request satisfies (the page password in its session, its login, its group).

    `own_restrictions=False` leaves the page's restrictions to Wagtail's page view, which
    asks for the password or the login (the alias's source restrictions are Wagtail's too).
    """
    now = timezone.now()
    opened = Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    for dated in _release_dated_models():
        embargoed = dated.objects.filter(**{f"{dated.release_date_field}__gt": now})
        opened &= ~Q(pk__in=embargoed.values("pk"))
    candidates = [page.pk] + ([page.alias_of_id] if page.alias_of_id else [])
    if Page.objects.filter(opened, pk__in=candidates).count() != len(candidates):
        return False
    if not own_restrictions:
        return True
    # Wagtail's own list: the page's and its ancestors' restrictions, an alias's source's.
    restrictions = Page.get_view_restrictions(page)
    return all(restriction.accept_request(request) for restriction in restrictions)


# --- documents ------------------------------------------------------------------------------


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def _unrestricted_collection_condition():
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    return _outside_subtrees("collection__path", sorted(paths))


def public_documents(documents=None):
    """The documents (of the queryset `documents`, or all) that the public may see."""
    model = get_document_model()
    documents = model.objects.all() if documents is None else documents
    public_page_keys = public_pages().annotate(key=Cast("pk", CharField())).values("key")
    used_by_public_page = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id=Cast(OuterRef("pk"), CharField()),
        base_content_type=_page_content_type(),
        object_id__in=public_page_keys,
    )
    return documents.filter(_unrestricted_collection_condition()).filter(
        Q(published=True) | Exists(used_by_public_page)
    )


def public_document_ids(document_ids):
    """The ids among `document_ids` of documents the public may see (one query)."""
    document_ids = {int(pk) for pk in document_ids}
    if not document_ids:
        return set()
    model = get_document_model()
    found = public_documents(model.objects.filter(pk__in=document_ids))
    return set(found.values_list("pk", flat=True))


def document_is_public(document):
    return document is not None and bool(public_document_ids([document.pk]))


def pages_using(document):
    """Pages whose content (the page row: the published revision of a live page) uses it."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=_page_content_type())
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def can_review_document(user, document):
    """Editors whose collections hold the document, and reviewers of a page that uses it."""
    if not getattr(user, "is_authenticated", False):
        return False
    document_permissions = policy_registry.get_by_type(get_document_model())
    if document_permissions.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return True
    return any(can_review(user, page.specific) for page in pages_using(document))


def document_is_visible_to(request, document, *, collection_restrictions=True):
    """The public may see it, or this request may: an editor who reviews it; in a collection
    with view restrictions, a reader who satisfies them (the collection names its audience);
    otherwise a reader who may see a page that uses it (its password, login or group).

    `collection_restrictions=False` leaves the collection's restrictions to Wagtail's document
    view, which asks for the login or the collection's password.
    """
    if document_is_public(document):
        return True
    if can_review_document(request.user, document):
        return True
    restrictions = list(document.collection.get_view_restrictions())
    if restrictions:
        if not collection_restrictions:
            return True
        return all(restriction.accept_request(request) for restriction in restrictions)
    if document.published:
        return True
    return any(page_is_visible_to(request, page) for page in pages_using(document))


def visible_documents(request, documents):
    """The documents of the iterable `documents` this request may see, in order."""
    documents = list(documents)
    public_ids = public_document_ids([document.pk for document in documents])
    return [
        document
        for document in documents
        if document.pk in public_ids or document_is_visible_to(request, document)
    ]
