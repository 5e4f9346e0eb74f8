"""Permanent redirects from every old address to its new page or document.

Wagtail's redirects (wagtail.contrib.redirects) match a normalised path: trailing slash
removed, query string sorted and kept. Each published post, page and attachment gets its
permalink, its `?p=` / `?page_id=` / `?attachment_id=` forms and its uploads URLs (resized
copies included); each category its archive address. The query forms are also answered by
middleware.OldQueryLinkMiddleware, since `/?p=1` is no 404 here (`/` answers with the
reader's language) and Wagtail's middleware only looks at 404s.
"""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from core.visibility import document_is_public, page_is_public

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


def target_of(record):
    """(page, link) the redirect goes to, or None when the target is not public here (the
    site's one rule, core.visibility: a redirect never reveals a closed page or file)."""
    if record.document_id:
        return (None, record.document.url) if document_is_public(record.document) else None
    if record.image_id:
        return None, record.image.get_rendition("original").url
    if record.page_id and page_is_public(record.page):
        return record.page.specific, None
    return None


def is_public(importer, item):
    if item.post_type == "attachment":
        parent = importer.items.get(item.parent)
        return parent is None or (parent.status == PUBLIC and not parent.password)
    return item.status == PUBLIC and not item.password


def put(site, path, page, link):
    """Create the redirect; one already there for the path (an editor's) is kept as it is."""
    existing = Redirect.objects.filter(site=site, old_path=path).first()
    if existing is not None:
        same = (page is not None and existing.redirect_page_id == page.pk) or (
            link is not None and existing.redirect_link == link
        )
        return "unchanged" if same else "kept"
    Redirect.objects.create(
        site=site, old_path=path, redirect_page=page, redirect_link=link or "", is_permanent=True
    )
    return "created"


def create_redirects(importer):
    """Redirects for every imported public item and category; returns how many exist."""
    site = Site.objects.filter(is_default_site=True).first()
    total = 0
    for item in importer.items.values():
        record = importer.record_for(item.post_id)
        if record is None:
            continue
        plan = importer.plans.get(item.post_id)
        if plan is not None and plan.target in (HOLDING, "skip"):
            continue
        if not is_public(importer, item):
            continue
        target = target_of(record)
        if target is None:
            continue
        page, link = target
        redirect_site = page.get_site() if page is not None else site
        for path in old_paths(importer, item, record):
            put(redirect_site or site, path, page, link)
            total += 1
        for relative, post_id in importer.by_upload.items():
            if post_id == item.post_id and item.post_type == "attachment":
                for prefix in upload_prefixes(importer, item):
                    put(site, Redirect.normalise_path(prefix + relative), page, link)
                    total += 1
        if record.status == ImportStatus.IMPORTED:
            record.status = ImportStatus.REDIRECTED
            record.new_url = link or page.url
            record.save(update_fields=["status", "new_url"])
    total += category_redirects(importer, site)
    return total


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


def category_redirects(importer, site):
    """Each category's archive (`/prizren/category/parent/child/`) goes to the list its posts
    went to: the press releases, a list of activities, the decisions; else the home page."""
    total = 0
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
            put(site, Redirect.normalise_path(path), page, None)
            total += 1
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
    return total


def category_target(importer, slug):
    targets = importer.targets
    for rule in importer.mapping.rules:
        if slug in rule.categories:
            if rule.target == "press_release":
                return targets.press_index()
            if rule.target == "decision_month":
                from transparency.importers import ensure_decision_archive

                return ensure_decision_archive(targets.transparency(), targets.report)[0]
            if rule.target in ("consultation", "hearing", "meeting"):
                from .pages import ACTIVITY_KINDS

                return targets.activity_index(ACTIVITY_KINDS[rule.target])
    return targets.home
