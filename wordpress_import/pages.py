"""The pages WordPress items become, by mapping target, in the state they had there.

Published posts are published with their own dates; drafts and pending posts stay drafts;
private (and password-protected) posts become unpublished pages visible to logged-in users
only; scheduled posts are scheduled (go_live_at), not live. Nothing is published that was
not published on the old site.
"""

import re
from datetime import date as date_type

from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core import seeding
from documents.models import MunicipalDocument
from home.models import HomePage, StandardPage
from media_office.demo_content import ensure_index as ensure_press_index
from media_office.models import PressReleasePage, PressReleaseTopic, Topic
from transparency import structure
from transparency.choices import ActivityKind, DocumentKind
from transparency.importers import (
    ImportReport,
    attach_document,
    ensure_activity_index,
    ensure_decision_archive,
    upsert_page,
)
from transparency.importers import ensure_index as ensure_transparency_index
from transparency.models import ActivityDocument, ActivityPage, DecisionMonthPage, DecisionYearPage

from .mapping import HOLDING

MONTHS_SQ = {
    1: "Janar", 2: "Shkurt", 3: "Mars", 4: "Prill", 5: "Maj", 6: "Qershor", 7: "Korrik",
    8: "Gusht", 9: "Shtator", 10: "Tetor", 11: "Nëntor", 12: "Dhjetor",
}  # fmt: skip
# Month names as titles write them (Albanian, Serbian Latin, Turkish), for "Vendimet – janar 2023".
MONTH_WORDS = {
    "janar": 1, "shkurt": 2, "mars": 3, "prill": 4, "maj": 5, "qershor": 6, "korrik": 7,
    "gusht": 8, "shtator": 9, "tetor": 10, "nëntor": 11, "nentor": 11, "dhjetor": 12,
    "januar": 1, "februar": 2, "mart": 3, "april": 4, "jun": 6, "juni": 6, "jul": 7, "juli": 7,
    "avgust": 8, "septembar": 9, "oktobar": 10, "novembar": 11, "decembar": 12,
    "ocak": 1, "şubat": 2, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8,
    "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
}  # fmt: skip
MONTH_IN_TITLE = re.compile(
    r"\b(" + "|".join(MONTH_WORDS) + r")\w*\s+(20\d\d|19\d\d)\b", re.IGNORECASE
)
ACTIVITY_KINDS = {
    "consultation": ActivityKind.CONSULTATION,
    "hearing": ActivityKind.HEARING,
    "meeting": ActivityKind.MEETING,
}


def source_home():
    return seeding.source_home()


def free_slug(parent, slug, page=None):
    slug = slug[:200] or "faqe"
    taken = set(
        parent.get_children().exclude(pk=getattr(page, "pk", None)).values_list("slug", flat=True)
    )
    candidate, counter = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{counter}"
        counter += 1
    return candidate


def paragraphs(html):
    return [{"type": "paragraph", "value": html}] if html else []


def image_blocks(image_ids, captioned):
    blocks = []
    for pk in image_ids:
        image = {"image": pk, "alt_text": "", "decorative": True}
        value = {"image": image, "caption": ""} if captioned else image
        blocks.append({"type": "image", "value": value})
    return blocks


def document_blocks(document_ids, block_type):
    return [{"type": block_type, "value": {"document": pk, "title": ""}} for pk in document_ids]


def document_kind(document):
    title = f"{document.title} {document.file.name}".lower()
    if "procesverbal" in title or "zapisnik" in title:
        return DocumentKind.MINUTES
    if "raport" in title or "izvestaj" in title:
        return DocumentKind.REPORT
    return DocumentKind.OTHER


def restrict(page):
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def store(page, state, moment, *, parent=None):
    """Add (when `parent` is given) or save `page` in the WordPress state."""
    scheduled = state == "future" and moment is not None and moment > timezone.now()
    if state == "future" and not scheduled:
        state = "publish"  # its time has come: WordPress would have published it
    if parent is not None:
        page.live = state == "publish"
        if scheduled:
            page.go_live_at = moment
        parent.add_child(instance=page)
    elif scheduled:
        page.go_live_at = moment
    if state == "private":
        restrict(page)
        if page.live:
            page.unpublish()
    revision = page.save_revision(log_action=False)
    if state == "publish" or scheduled:
        revision.publish()
        if state == "publish" and moment is not None:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=moment, last_published_at=moment
            )
    elif page.live:
        page.unpublish()
    return page


class Targets:
    def __init__(self, home, mapping):
        self.home = home
        self.mapping = mapping
        self.report = ImportReport()
        self._cache = {}

    # --- parents ----------------------------------------------------------------------------

    def press_index(self):
        if "press" not in self._cache:
            self._cache["press"] = ensure_press_index(self.home, self.report)
        return self._cache["press"]

    def transparency(self):
        if "transparency" not in self._cache:
            self._cache["transparency"] = ensure_transparency_index(self.report)[0]
        return self._cache["transparency"]

    def activity_index(self, kind):
        key = f"activity:{kind}"
        if key not in self._cache:
            self._cache[key] = ensure_activity_index(self.transparency(), kind, self.report)[0]
        return self._cache[key]

    def holding(self):
        if "holding" not in self._cache:
            page = (
                StandardPage.objects.child_of(self.home)
                .filter(slug=self.mapping.holding_slug)
                .first()
            )
            if page is None:
                page = StandardPage(
                    title=self.mapping.holding_title,
                    slug=self.mapping.holding_slug,
                    locale=self.home.locale,
                    show_in_menus=False,
                    live=False,
                    intro=(
                        "Faqe të uebfaqes së vjetër që ende nuk kanë vend: "
                        "zhvendosini dhe publikojini."
                    ),
                )
                self.home.add_child(instance=page)
                page.save_revision(log_action=False)
            self._cache["holding"] = page
        return self._cache["holding"]

    def month_of(self, title, moment):
        """(year, month) the decisions are of: named in the title ("janar 2023"), else the
        month of the post's date."""
        match = MONTH_IN_TITLE.search(title or "")
        if match:
            word = match.group(1).lower()
            return int(match.group(2)), MONTH_WORDS[word]
        local = timezone.localtime(moment, self.mapping.time_zone)
        return local.year, local.month

    def month_page(self, title, moment):
        year, month = self.month_of(title, moment)
        archive = ensure_decision_archive(self.transparency(), self.report)[0]
        year_page, _changed = upsert_page(
            archive,
            DecisionYearPage,
            {"year": year},
            {"title": structure.YEAR_PAGE["title"]["sq"].format(year=year)},
            self.report,
            f"decisions {year}",
            slug=str(year),
        )
        existing = (
            DecisionMonthPage.objects.child_of(year_page).filter(year=year, month=month).first()
        )
        if existing is not None:
            return existing, False
        page, _changed = upsert_page(
            year_page,
            DecisionMonthPage,
            {"year": year, "month": month},
            {"title": f"{MONTHS_SQ[month]} {year}"},
            self.report,
            f"decisions {year}/{month:02d}",
            slug=f"{month:02d}",
        )
        return page, True

    # --- writing ----------------------------------------------------------------------------

    def write(self, plan, values, state, page, parent_page, importer):
        """Create or update the page of one item; returns (page, created)."""
        moment = values["date"]
        target = plan.target
        if target == "decision_month":
            return self.write_decisions(values, moment or timezone.now())
        if page is not None and not isinstance(page, self.model_for(target)):
            page = None  # the mapping changed: a new page of the new kind
        created = page is None
        if target == "press_release":
            parent = self.press_index()
            page = page or PressReleasePage(locale=self.home.locale)
            self.fill_press_release(page, values, moment)
        elif target in ACTIVITY_KINDS:
            parent = self.activity_index(ACTIVITY_KINDS[target])
            page = page or ActivityPage(locale=self.home.locale)
            self.fill_activity(page, parent, values, moment, ACTIVITY_KINDS[target])
        else:  # standard pages and the holding section
            if target == HOLDING:
                parent = self.holding()
            elif isinstance(parent_page, HomePage | StandardPage) and parent_page.live:
                parent = parent_page
            elif isinstance(parent_page, StandardPage) and state != "publish":
                parent = parent_page
            else:
                parent = self.home
            page = page or StandardPage(locale=self.home.locale)
            self.fill_standard(page, values)
        page.title = values["title"]
        if created:
            page.slug = free_slug(parent, values["slug"])
            store(page, state, moment, parent=parent)
        else:
            page.slug = free_slug(page.get_parent(), values["slug"], page)
            store(page, state, moment)
        return page, created

    def model_for(self, target):
        if target == "press_release":
            return PressReleasePage
        if target in ACTIVITY_KINDS:
            return ActivityPage
        return StandardPage

    def fill_press_release(self, page, values, moment):
        page.date = moment or timezone.now()
        page.lead = values["lead"] or _first_sentence(values["html"]) or values["title"]
        page.body = (
            paragraphs(values["html"])
            + image_blocks(values["images"], captioned=True)
            + document_blocks(values["documents"], "attachment")
        )
        topics = []
        for slug in values.get("categories", []):
            topic_slug = self.mapping.topics.get(slug)
            topic = Topic.objects.filter(slug=topic_slug, locale=self.home.locale).first()
            if topic is not None:
                topics.append(PressReleaseTopic(topic=topic))
        if topics:
            page.topic_links = topics

    def fill_activity(self, page, parent, values, moment, kind):
        local = timezone.localtime(moment or timezone.now(), self.mapping.time_zone)
        page.kind = kind
        if not page.pk:
            page.year = local.year
            taken = ActivityPage.objects.child_of(parent).filter(year=local.year)
            page.number = max(taken.values_list("number", flat=True), default=0) + 1
        page.date = date_type(local.year, local.month, local.day)
        page.notice = values["html"]
        page.note = values["lead"]
        documents = MunicipalDocument.objects.filter(pk__in=values["documents"])
        page.documents = [
            ActivityDocument(document=document, kind=document_kind(document))
            for document in documents
        ]

    def fill_standard(self, page, values):
        page.intro = values["lead"]
        page.body = (
            paragraphs(values["html"])
            + image_blocks(values["images"], captioned=False)
            + document_blocks(values["documents"], "document")
        )

    def write_decisions(self, values, moment):
        page, created = self.month_page(values["title"], moment)
        for document in MunicipalDocument.objects.filter(pk__in=values["documents"]):
            attach_document(page, document, DocumentKind.DECISIONS, self.report, page.title)
        return page, created

    def update_translation(self, page, plan, values, state, importer):
        moment = values["date"]
        if isinstance(page, PressReleasePage):
            self.fill_press_release(page, values, moment)
        elif isinstance(page, ActivityPage):
            page.notice = values["html"]
            page.note = values["lead"]
        elif isinstance(page, StandardPage):
            self.fill_standard(page, values)
        page.title = values["title"]
        page.slug = free_slug(page.get_parent(), values["slug"], page)
        store(page, state, moment)


def _first_sentence(html):
    from bs4 import BeautifulSoup

    text = BeautifulSoup(html or "", "html.parser").get_text(" ", strip=True)
    return text[:300]
