"""Permanent redirects from every old address to its new page or document.

Wagtail's redirects (wagtail.contrib.redirects) match a normalised path: trailing slash
removed, query string sorted and kept. Each published post, page and attachment gets its
permalink, its `?p=` / `?page_id=` / `?attachment_id=` forms and its uploads URLs (resized
copies included); each category its archive address. The query forms are also answered by
middleware.OldQueryLinkMiddleware, since `/?p=1` is no 404 here (`/` answers with the
reader's language) and Wagtail's middleware only looks at 404s.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from core.visibility import public_document_ids, public_page_ids
from transparency.importers import ensure_decision_archive

from .files import upload_path
from .importer import PUBLIC, path_of
from .mapping import HOLDING
from .models import ImportRecord, ImportStatus


def old_paths(importer, item, record):
    """Every path under which the old site served this item."""
    paths = set()
    for url in (item.link, item.guid):
        if url and urlsplit(url).netloc and importer._is_old_site(urlsplit(url)):
            parts = urlsplit(url)
            paths.add(path_of(url) + (f"?{parts.query}" if parts.query else ""))
    base = importer.base_paths[0] if importer.base_paths else ""
    base = "" if base == "/" else base
    key = {"page": "page_id", "attachment": "attachment_id"}.get(item.post_type, "p")
    paths.add(f"{base or '/'}?{key}={item.post_id}")
    if key != "p":
        paths.add(f"{base or '/'}?p={item.post_id}")
    if item.post_type == "attachment" and item.attachment_url:
        paths.add(path_of(item.attachment_url))
    return {Redirect.normalise_path(path) for path in paths if path}


class Targets:
    """Where the imported items' redirects go, decided for all of them in a few queries: a
    page or document only when it is public (the site's one rule, core.visibility: a redirect
    never reveals a closed page or file)."""

    def __init__(self, records):
        page_ids = {record.page_id for record in records if record.page_id}
        document_ids = {record.document_id for record in records if record.document_id}
        open_pages = public_page_ids(page_ids)
        self.pages = {page.pk: page for page in Page.objects.filter(pk__in=open_pages).specific()}
        self.documents = {
            document.pk: document
            for document in get_document_model().objects.filter(
                pk__in=public_document_ids(document_ids)
            )
        }

    def of(self, record):
        """(page, link), or None when the target is not public here."""
        if record.document_id:
            document = self.documents.get(record.document_id)
            return (None, document.url) if document is not None else None
        if record.image_id:
            return None, record.image.get_rendition("original").url
        if record.page_id in self.pages:
            return self.pages[record.page_id], None
        return None


def is_public(importer, item):
    if item.post_type == "attachment":
        parent = importer.items.get(item.parent)
        return parent is None or (parent.status == PUBLIC and not parent.password)
    return item.status == PUBLIC and not item.password


class RedirectWriter:
    """Creates redirects; one already there for the path (an editor's) is kept as it is.
    `written` counts the old addresses answered (created now or before)."""

    def __init__(self):
        self.written = 0
        self.existing = set(Redirect.objects.values_list("site_id", "old_path"))

    def put(self, site, path, page, link):
        key = (site.pk if site else None, path)
        if key not in self.existing:
            Redirect.objects.create(
                site=site,
                old_path=path,
                redirect_page=page,
                redirect_link=link or "",
                is_permanent=True,
            )
            self.existing.add(key)
        self.written += 1


def create_redirects(importer):
    """Redirects for every imported public item and category; returns how many exist."""
    site = Site.objects.filter(is_default_site=True).first()
    chosen = []
    for item in importer.items.values():
        record = importer.record_for(item.post_id)
        if record is None:
            continue
        plan = importer.plans.get(item.post_id)
        if plan is not None and plan.target in (HOLDING, "skip"):
            continue
        if is_public(importer, item):
            chosen.append((item, record))
    targets = Targets([record for _item, record in chosen])
    uploads_of = defaultdict(list)
    for relative, post_id in importer.by_upload.items():
        uploads_of[post_id].append(relative)
    writer = RedirectWriter()
    for item, record in chosen:
        target = targets.of(record)
        if target is None:
            continue
        page, link = target
        redirect_site = page.get_site() if page is not None else site
        for path in old_paths(importer, item, record):
            writer.put(redirect_site or site, path, page, link)
        if item.post_type == "attachment":
            for relative in uploads_of[item.post_id]:
                for prefix in upload_prefixes(importer, item):
                    writer.put(site, Redirect.normalise_path(prefix + relative), page, link)
        if record.status == ImportStatus.IMPORTED:
            record.status = ImportStatus.REDIRECTED
            record.new_url = link or page.url
            record.save(update_fields=["status", "new_url"])
    category_redirects(importer, site, writer)
    return writer.written


def upload_prefixes(importer, item):
    """`/prizren/wp-content/uploads/sites/26/` (multisite) and `/wp-content/uploads/` forms."""
    prefixes = set()
    path = path_of(item.attachment_url or "")
    marker = "/wp-content/uploads/"
    if marker in path:
        head, tail = path.split(marker, 1)
        relative = upload_path(item.attachment_url) or ""
        site_part = (
            tail[: len(tail) - len(relative)] if relative and tail.endswith(relative) else ""
        )
        prefixes.add(f"{head}{marker}{site_part}")
    return prefixes


def category_redirects(importer, site, writer):
    """Each category's archive (`/prizren/category/parent/child/`) goes to the list its posts
    went to: the press releases, a list of activities, the decisions; else the home page."""
    categories = {term.slug: term for term in importer.export.terms if term.taxonomy == "category"}
    base = importer.base_paths[0] if importer.base_paths else ""
    base = "" if base == "/" else base
    for slug, term in categories.items():
        chain, seen = [slug], {slug}
        parent = term.parent
        while parent and parent in categories and parent not in seen:
            chain.insert(0, parent)
            seen.add(parent)
            parent = categories[parent].parent
        page = category_target(importer, slug)
        if page is None:
            continue
        paths = {f"{base}/category/{'/'.join(chain)}", f"{base}/category/{slug}"}
        if term.term_id:
            paths.add(f"{base or '/'}?cat={term.term_id}")
        for path in paths:
            writer.put(site, Redirect.normalise_path(path), page, None)
        ImportRecord.objects.update_or_create(
            key=f"category:{slug}",
            defaults={
                "wp_type": "category",
                "title": term.name[:500],
                "old_url": f"{base}/category/{'/'.join(chain)}/",
                "new_url": page.url,
                "status": ImportStatus.REDIRECTED,
                "page": page,
            },
        )


def category_target(importer, slug):
    targets = importer.targets
    for rule in importer.mapping.rules:
        if slug in rule.categories:
            if rule.target == "press_release":
                return targets.press_index()
            if rule.target == "decision_month":
                return ensure_decision_archive(targets.transparency(), targets.report)[0]
            if rule.target in ("consultation", "hearing", "meeting"):
                from .pages import ACTIVITY_KINDS

                return targets.activity_index(ACTIVITY_KINDS[rule.target])
    return targets.home
