"""The import of a WordPress export: files, pages, translations, links, redirects.

Each WordPress item is imported in its own transaction and leaves an ImportRecord, so a
failure never leaves half an item, a second run finds every item again (and changes nothing
when nothing changed), and an interrupted run continues where it stopped.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, PageViewRestriction

from core.seeding import SOURCE_LANGUAGE, sync_trees
from home.models import StandardPage

from . import pages
from .content import clean
from .files import FileProblem, local_file, original_of, store_file, upload_path
from .mapping import HOLDING
from .models import ImportRecord, ImportStatus
from .wxr import parse_date

PUBLIC = "publish"
PHP_PAIR = re.compile(r's:\d+:"([^"]+)";i:(\d+);')
LANGUAGE_ORDER = ("sq", "sr-latn", "tr")


@dataclass
class Plan:
    """What the import will do with one item (also what --dry-run prints)."""

    item: object
    target: str
    language: str
    source_id: int = 0  # the Albanian post this one translates, if any
    reason: str = ""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    held: int = 0
    skipped: int = 0
    file_missing: int = 0
    redirects: int = 0
    comments: int = 0
    by_type: dict = field(default_factory=dict)

    def line(self):
        types = ", ".join(f"{key} {value}" for key, value in sorted(self.by_type.items()))
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.held} held, {self.skipped} skipped, {self.file_missing} files missing, "
            f"{self.redirects} redirects, {self.comments} comments not imported ({types})"
        )


def path_of(url):
    """The path of an old address, `/prizren/news/slug` (no trailing slash)."""
    path = unquote(urlsplit(url).path or "/")
    return path.rstrip("/") or "/"


class Importer:
    def __init__(self, export, uploads_dir, mapping, *, progress=None):
        self.export = export
        self.uploads_dir = uploads_dir
        self.mapping = mapping
        self.progress = progress or (lambda done, total, label: None)
        self.counts = Counts()
        self.items = {item.post_id: item for item in export.items if item.post_id}
        self.records = {}
        self.base_paths = self._base_paths()
        self.by_path, self.by_upload = self._address_index()
        self.plans = self._plan()

    # --- planning (no database writes) ------------------------------------------------------

    def _base_paths(self):
        bases = [self.export.base_blog_url, *self.mapping.old_base_urls]
        return sorted({path_of(url) for url in bases if url}, key=len, reverse=True)

    def _address_index(self):
        by_path, by_upload = {}, {}
        for item in self.items.values():
            if item.link:
                by_path[path_of(item.link)] = item.post_id
            if item.post_type == "attachment":
                for url in (item.attachment_url, item.guid):
                    relative = upload_path(url or "")
                    if relative:
                        by_upload[relative] = item.post_id
                if item.meta.get("_wp_attached_file"):
                    by_upload[item.meta["_wp_attached_file"]] = item.post_id
        return by_path, by_upload

    def language_of(self, item):
        for term in item.terms_of("language"):
            language = self.mapping.language_of(term.slug)
            if language:
                return language
        for key in ("_wpml_import_language_code", "wpml_language"):
            language = self.mapping.language_of(item.meta.get(key, ""))
            if language:
                return language
        parent = self.items.get(item.parent)
        if item.post_type == "attachment" and parent is not None and parent is not item:
            return self.language_of(parent)
        return SOURCE_LANGUAGE

    def translation_groups(self):
        """{post id: {language: post id}} from Polylang's post_translations terms (their
        description is PHP's serialize() of {language slug: post id}) or WPML's import meta."""
        groups = {}
        descriptions = {
            term.slug: term.description
            for term in self.export.terms
            if term.taxonomy == "post_translations"
        }
        by_wpml = {}
        for item in self.items.values():
            for term in item.terms_of("post_translations"):
                description = descriptions.get(term.slug) or term.description
                members = {}
                for slug, post_id in PHP_PAIR.findall(description or ""):
                    language = self.mapping.language_of(slug)
                    if language and int(post_id) in self.items:
                        members[language] = int(post_id)
                if members:
                    groups[item.post_id] = members
            wpml = item.meta.get("_wpml_import_translation_group")
            if wpml:
                by_wpml.setdefault(wpml, {})[self.language_of(item)] = item.post_id
        for members in by_wpml.values():
            for post_id in members.values():
                groups.setdefault(post_id, members)
        return groups

    def _plan(self):
        groups = self.translation_groups()
        plans = {}
        for item in self.items.values():
            language = self.language_of(item)
            if item.post_type == "attachment":
                plans[item.post_id] = Plan(item, "attachment", language)
                continue
            if item.post_type in ("nav_menu_item", "revision", "customize_changeset",
                                  "oembed_cache", "wp_global_styles", "wp_navigation",
                                  "wp_template", "wp_template_part", "custom_css",
                                  "user_request", "wp_block"):  # fmt: skip
                plans[item.post_id] = Plan(item, "skip", language, reason="site machinery")
                continue
            if item.status == "trash" or item.status == "auto-draft":
                plans[item.post_id] = Plan(item, "skip", language, reason=f"status {item.status}")
                continue
            if item.too_large:
                plans[item.post_id] = Plan(
                    item, "skip", language, reason="content larger than 5 million characters"
                )
                continue
            target = self.mapping.target_for(item)
            source_id = 0
            members = groups.get(item.post_id, {})
            if language != SOURCE_LANGUAGE and members.get(SOURCE_LANGUAGE):
                source_id = members[SOURCE_LANGUAGE]
            if target == "decision_month":
                source_id = 0  # one month page; each language's file attached to it
            elif target != HOLDING and self.state_of(item) == "inherit":
                target = HOLDING
            plans[item.post_id] = Plan(item, target, language, source_id=source_id)
        return plans

    def state_of(self, item):
        if item.password and item.status == PUBLIC:
            return "private"
        if item.status in ("publish", "draft", "pending", "private", "future"):
            return item.status
        return "inherit" if item.status == "inherit" else "draft"

    def ordered(self, target_filter):
        """Plans in an order where parents come before children, then by date."""

        def depth(item, seen=()):
            parent = self.items.get(item.parent)
            if parent is None or parent.post_id in seen:
                return 0
            return 1 + depth(parent, (*seen, item.post_id))

        chosen = [plan for plan in self.plans.values() if target_filter(plan)]
        return sorted(
            chosen, key=lambda plan: (depth(plan.item), plan.item.post_date, plan.item.post_id)
        )

    def describe(self):
        """The plan, one line per item, for --dry-run."""
        for plan in sorted(self.plans.values(), key=lambda plan: plan.item.post_id):
            item = plan.item
            extra = f" (translation of {plan.source_id})" if plan.source_id else ""
            reason = f": {plan.reason}" if plan.reason else ""
            yield (
                f"{item.post_id:>7} {item.post_type:<12} {self.state_of(item):<8} "
                f"{plan.language:<8} -> {plan.target}{extra}{reason}  {item.link or item.title}"
            )

    # --- link resolution --------------------------------------------------------------------

    def post_id_for(self, href):
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        path = path_of(href)
        if parts.netloc and not self._is_old_site(parts):
            return None
        if not parts.netloc and not parts.path.startswith("/"):
            return None
        query = parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id"):
            if query.get(key, [""])[0].isdigit():
                return int(query[key][0])
        relative = upload_path(href)
        if relative:
            return self.by_upload.get(relative) or self.by_upload.get(original_of(relative)) or -1
        return self.by_path.get(path, -1 if self._under_base(path) else None)

    def _is_old_site(self, parts):
        for url in (
            self.export.base_blog_url,
            self.export.base_site_url,
            *self.mapping.old_base_urls,
        ):
            if url and urlsplit(url).netloc == parts.netloc:
                return True
        return False

    def _under_base(self, path):
        return any(
            path == base or path.startswith(base.rstrip("/") + "/") for base in self.base_paths
        )

    def resolve(self, href):
        post_id = self.post_id_for(href)
        if post_id is None:
            return None
        record = self.record_for(post_id)
        if record is None:
            return "missing"
        if record.document_id:
            return ("document", record.document_id)
        if record.page_id:
            return ("page", record.page_id)
        return "missing"

    def record_for(self, post_id):
        if post_id in self.records:
            return self.records[post_id]
        record = ImportRecord.objects.filter(key=f"post:{post_id}").first()
        if record is not None:
            self.records[post_id] = record
        return record

    # --- running ----------------------------------------------------------------------------

    def run(self):
        home = pages.source_home()
        self.targets = pages.Targets(home, self.mapping)
        steps = [
            ("files", lambda plan: plan.target == "attachment", self.import_attachment),
            ("pages", lambda plan: plan.target not in ("attachment", "skip") and not plan.source_id,
             self.import_page),
            ("skipped", lambda plan: plan.target == "skip", self.skip),
        ]  # fmt: skip
        total = len(self.plans)
        done = 0
        for _label, chosen, action in steps:
            for plan in self.ordered(chosen):
                self._one(plan, action)
                done += 1
                self.progress(done, total, plan.item.title)
        sync_trees()
        for plan in self.ordered(lambda plan: plan.source_id and plan.target != "skip"):
            self._one(plan, self.import_translation)
            done += 1
            self.progress(done, total, plan.item.title)
        self.relink()
        self.attach_files()
        from .redirects import create_redirects

        self.counts.redirects = create_redirects(self)
        return self.counts

    def _one(self, plan, action):
        item = plan.item
        kind = plan.target
        try:
            with transaction.atomic():
                outcome = action(plan)
        except FileProblem as problem:
            outcome = "file_missing" if problem.missing else "skipped"
            self._save_failure(plan, problem, outcome)
        except Exception as error:  # noqa: BLE001 - one bad item is reported, the rest goes on
            outcome = "skipped"
            self._save_failure(plan, error, outcome)
        self.counts.by_type[kind] = self.counts.by_type.get(kind, 0) + 1
        setattr(self.counts, outcome, getattr(self.counts, outcome) + 1)
        self.counts.comments += item.comment_count

    def _save_failure(self, plan, error, outcome):
        item = plan.item
        status = ImportStatus.FILE_MISSING if outcome == "file_missing" else ImportStatus.SKIPPED
        reason = str(error) or error.__class__.__name__
        with transaction.atomic():
            record, _created = ImportRecord.objects.get_or_create(
                key=f"post:{item.post_id}",
                defaults={"wp_type": item.post_type, "status": status},
            )
            record.wp_type = item.post_type
            record.title = item.title[:500]
            record.language = plan.language
            record.old_url = item.link or item.attachment_url
            record.status = status if not (record.page_id or record.document_id) else record.status
            record.reason = reason[:2000]
            record.comments = item.comment_count
            record.save()
        self.records[item.post_id] = record

    def _record(self, plan):
        item = plan.item
        record = self.record_for(item.post_id)
        if record is None:
            record = ImportRecord(key=f"post:{item.post_id}", wp_type=item.post_type)
        record.wp_type = item.post_type
        record.title = item.title[:500]
        record.language = plan.language
        record.old_url = item.link or item.attachment_url
        record.comments = item.comment_count
        return record

    def skip(self, plan):
        record = self._record(plan)
        record.status = ImportStatus.SKIPPED
        record.reason = plan.reason
        record.save()
        self.records[plan.item.post_id] = record
        return "skipped"

    def import_attachment(self, plan):
        item = plan.item
        record = self._record(plan)
        path = local_file(self.uploads_dir, item)
        existing = record.document or record.image
        stored = store_file(path, item.title, plan.language, existing=existing)
        changed = stored.created or (existing is None or existing.pk != stored.obj.pk)
        if stored.created and stored.kind == "document" and item.parent not in self.items:
            # WordPress served an upload attached to no post to anyone: so does this site.
            stored.obj.published = True
            stored.obj.save(update_fields=["published"])
        record.document = stored.obj if stored.kind == "document" else None
        record.image = stored.obj if stored.kind == "image" else None
        record.status = ImportStatus.IMPORTED
        record.reason = ""
        record.new_url = stored.obj.url if stored.kind == "document" else ""
        record.save()
        self.records[item.post_id] = record
        return "created" if stored.created else ("updated" if changed else "unchanged")

    def content_for(self, item):
        return clean(item.content, self.resolve)

    def values_for(self, plan, cleaned):
        item = plan.item
        date = parse_date(item.post_date, item.post_date_gmt, self.mapping.time_zone)
        excerpt = clean(item.excerpt).text
        featured = self.featured_image(item)
        return {
            "title": (item.title or "(pa titull)")[:255],
            "slug": wp_slug(item),
            "date": date,
            "lead": excerpt,
            "html": cleaned.html,
            "images": list(dict.fromkeys(pk for pk in (featured, *self.images_in(cleaned)) if pk)),
            "author": self.export.authors.get(item.creator, item.creator),
            "categories": [term.slug for term in item.terms_of("category")],
        }

    def featured_image(self, item):
        thumbnail = item.meta.get("_thumbnail_id", "")
        if thumbnail.isdigit():
            record = self.record_for(int(thumbnail))
            if record is not None and record.image_id:
                return record.image_id
        return None

    def images_in(self, cleaned):
        found = []
        for src, attachment_id, _caption in cleaned.images:
            post_id = attachment_id or (self.post_id_for(src) if src else None)
            record = self.record_for(post_id) if post_id and post_id > 0 else None
            if record is not None and record.image_id and record.image_id not in found:
                found.append(record.image_id)
        return found

    def documents_of(self, item):
        """Documents of the attachments whose parent is this post."""
        documents = []
        for other in self.items.values():
            if other.post_type == "attachment" and other.parent == item.post_id:
                record = self.record_for(other.post_id)
                if record is not None and record.document_id:
                    documents.append(record.document)
        return documents

    def import_page(self, plan):
        item = plan.item
        record = self._record(plan)
        cleaned = self.content_for(item)
        values = self.values_for(plan, cleaned)
        values["documents"] = [document.pk for document in self.documents_of(item)]
        state = self.state_of(item) if plan.target != HOLDING else "draft"
        digest = content_hash(plan.target, state, values)
        page = record.page.specific if record.page_id else None
        if page is not None and record.content_hash == digest:
            return "unchanged"
        if plan.target == "decision_month" and state != PUBLIC:
            plan = Plan(item, HOLDING, plan.language, reason="a decision post not published")
            state = "draft"
        parent_page = None
        if plan.target == "standard_page":
            parent_record = self.record_for(item.parent) if item.parent else None
            if parent_record is not None and parent_record.page_id:
                parent_page = parent_record.page.specific
        page, created = self.targets.write(plan, values, state, page, parent_page, self)
        record.page = page
        record.status = ImportStatus.HELD if plan.target == HOLDING else ImportStatus.IMPORTED
        record.reason = plan.reason or (
            "no rule of the mapping takes it: in the holding section, unpublished"
            if plan.target == HOLDING
            else ""
        )
        if cleaned.unresolved:
            record.reason = (record.reason + " links to fix: " + " ".join(cleaned.unresolved))[
                :2000
            ]
            digest = ""  # links resolved in the link pass
        record.content_hash = digest
        record.new_url = page.url if page.live else ""
        record.save()
        self.records[item.post_id] = record
        if plan.target == HOLDING:
            return "held" if created else "unchanged"
        return "created" if created else "updated"

    def import_translation(self, plan):
        item = plan.item
        record = self._record(plan)
        source = self.record_for(plan.source_id)
        if source is None or not source.page_id:
            plan = Plan(item, plan.target, plan.language)
            return self.import_page(plan)
        cleaned = self.content_for(item)
        values = self.values_for(plan, cleaned)
        values["documents"] = [document.pk for document in self.documents_of(item)]
        state = self.state_of(item)
        digest = content_hash(plan.target, state, values)
        if record.page_id and record.content_hash == digest:
            return "unchanged"
        locale = Locale.objects.get(language_code=plan.language)
        source_page = source.page.specific
        page = source_page.get_translation_or_none(locale)
        created = page is None or page.alias_of_id is not None
        if page is None:
            page = source_page.copy_for_translation(locale, copy_parents=True, alias=True)
        page = page.specific
        if page.alias_of_id is not None:
            ConvertAliasPageAction(page).execute(skip_permission_checks=True)
            page = Page.objects.get(pk=page.pk).specific
        self.targets.update_translation(page, plan, values, state, self)
        record.page = page
        record.status = ImportStatus.IMPORTED
        record.reason = ""
        if cleaned.unresolved:
            record.reason = ("links to fix: " + " ".join(cleaned.unresolved))[:2000]
            digest = ""
        record.content_hash = digest
        record.new_url = page.url if page.live else ""
        record.save()
        self.records[item.post_id] = record
        return "created" if created else "updated"

    def relink(self):
        """Write again the pages whose links pointed at posts imported after them."""
        for plan in self.plans.values():
            record = self.records.get(plan.item.post_id)
            if record is None or not record.page_id or record.content_hash:
                continue
            action = self.import_translation if plan.source_id else self.import_page
            try:
                with transaction.atomic():
                    action(plan)
            except Exception as error:  # noqa: BLE001
                record.reason = f"links not rewritten: {error}"[:2000]
                record.save(update_fields=["reason"])

    def attach_files(self):
        """Nothing to do: files are attached when their post is written (documents_of)."""


def content_hash(target, state, values):
    data = json.dumps([target, state, values], default=str, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def wp_slug(item):
    slug = slugify(unquote(item.name or ""), allow_unicode=True) or slugify(item.title)
    return (slug or f"postim-{item.post_id}")[:200]


def restrict_to_logged_in(page):
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def now():
    return timezone.now()


__all__ = ["Importer", "StandardPage"]
