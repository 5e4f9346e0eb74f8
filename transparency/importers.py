"""Importers for the transparency section: idempotent, each reporting created/updated/flagged.

Records are found again by a stable key (kind + year + number, year + month, year), never by
title or slug, so a second run updates in place and an edited source updates the page.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES, source_home, sync_trees

from . import structure
from .blocks import comparable_stream
from .choices import ActivityKind, DocumentKind, TotalsKind
from .discrepancies import parse_date_as_written
from .models import (
    AccessRequestYear,
    ActivityIndexPage,
    ActivityPage,
    DecisionArchivePage,
    DecisionMonthPage,
    DecisionYearPage,
    ParticipatoryBudgetPage,
    StatedTotals,
    StrategyPage,
    TransparencyIndexPage,
    YearOverviewPage,
)
from .record_translations import translate_record
from .signals import translations_written_later
from .strategy_parser import parse_strategy


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    flagged: list = field(default_factory=list)  # [(label, message)]
    translated: list = field(default_factory=list)  # [(page, language code)]
    summary: str = ""
    changed_pages: set = field(default_factory=set)  # pages created or updated by this run

    def lines(self):
        yield from (f"created    {label}" for label in self.created)
        yield from (f"updated    {label}" for label in self.updated)
        yield from (f"flagged    {label}: {message}" for label, message in self.flagged)
        yield from (f"translated {code}  {page.title}" for page, code in self.translated)
        if self.summary:
            yield self.summary
        yield (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.flagged)} flagged, "
            f"{len(self.translated)} translations written"
        )


# --- generic upsert -----------------------------------------------------------------------------


def _child_rows(page, relation, keys):
    return [{key: getattr(row, key) for key in keys} for row in getattr(page, relation).all()]


def upsert_page(parent, model, lookup, values, report, label, *, slug, children=None):
    """Find the child of `parent` matching `lookup`; create it, or update what differs.

    `children` maps an inline relation name to its rows (list of dicts); rows are compared as
    a whole and replaced when they differ. Returns (page, changed).
    """
    children = children or {}
    page = model.objects.child_of(parent).filter(**lookup).first()
    if page is None:
        page = model(locale=parent.locale, slug=_free_slug(parent, slug), **lookup, **values)
        for relation, rows in children.items():
            related = model._meta.get_field(relation).related_model
            setattr(page, relation, [related(**row) for row in rows])
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(label)
        report.changed_pages.add(page.pk)
        return page, True
    changed = False
    for name, value in values.items():
        if not _same_value(model, page, name, value):
            setattr(page, name, value)
            changed = True
    for relation, rows in children.items():
        keys = list(rows[0]) if rows else []
        if not rows or _child_rows(page, relation, keys) != rows:
            if not rows and not getattr(page, relation).exists():
                continue
            related = model._meta.get_field(relation).related_model
            setattr(page, relation, [related(**row) for row in rows])
            changed = True
    if changed:
        page.save_revision().publish()
        report.updated.append(label)
        report.changed_pages.add(page.pk)
    else:
        report.unchanged.append(label)
    return page, changed


def _same_value(model, page, name, value):
    model_field = model._meta.get_field(name)
    if isinstance(model_field, StreamField):
        current = model_field.get_prep_value(getattr(page, name))
        wanted = model_field.get_prep_value(model_field.to_python(value))
        return comparable_stream(current) == comparable_stream(wanted)
    return getattr(page, name) == value


def _free_slug(parent, slug):
    slug = slug[:200] or "faqe"
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, counter = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{counter}"
        counter += 1
    return candidate


def _flag(report, label, page):
    for discrepancy in page.discrepancies():
        report.flagged.append((label, discrepancy.message))


# --- navigation ---------------------------------------------------------------------------------


def ensure_index(report):
    home = source_home()
    index, changed = upsert_page(
        home,
        TransparencyIndexPage,
        {},
        {
            "title": structure.INDEX["title"]["sq"],
            "intro": structure.INDEX["intro"]["sq"],
            "show_in_menus": True,
        },
        report,
        "page Transparenca",
        slug=structure.INDEX["slug"]["sq"],
    )
    return index, changed


def ensure_decision_archive(index, report):
    return upsert_page(
        index,
        DecisionArchivePage,
        {},
        {"title": structure.DECISIONS["title"]["sq"], "intro": structure.DECISIONS["intro"]["sq"]},
        report,
        "page decision archive",
        slug=structure.DECISIONS["slug"]["sq"],
    )


def ensure_activity_index(index, kind, report):
    text = structure.ACTIVITY_INDEXES[kind]
    return upsert_page(
        index,
        ActivityIndexPage,
        {"kind": kind.value},
        {"title": text["title"]["sq"], "intro": text["intro"]["sq"]},
        report,
        f"page list of {kind.value}s",
        slug=text["slug"]["sq"],
    )


# --- the JSON of the annual report --------------------------------------------------------------

OPEN_UNTIL = re.compile(r"open until (\d{1,2}\.\d{1,2}\.\d{4})", re.IGNORECASE)


def _iso_date(value):
    return date.fromisoformat(value) if value else None


def _figures(record):
    participants = record.get("participants") or {}
    comments = record.get("comments") or {}
    return {
        "participants_women": participants.get("women"),
        "participants_men": participants.get("men"),
        "participants_total": participants.get("total"),
        "comments_accepted": comments.get("accepted"),
        "comments_partially_accepted": comments.get("partially_accepted"),
        "comments_refused": comments.get("refused"),
        "comments_total": comments.get("total"),
    }


def _activity_slug(year, number, title):
    words = slugify(title).split("-")
    return f"{year}-{number}-" + "-".join(words[:8])


def import_activity(parent, kind, year, record, report):
    note = record.get("note") or ""
    open_until = OPEN_UNTIL.search(note)
    values = {
        "title": record["title"],
        "date": _iso_date(record.get("date")),
        "date_as_written": record.get("date_raw") or "",
        "location": record.get("location") or "",
        "note": note,
        "report_url": record.get("report_url") or "",
        "closes_on": parse_date_as_written(open_until.group(1)) if open_until else None,
        **_figures(record),
    }
    label = f"{kind.value} {year}/{record['number']}"
    page, _changed = upsert_page(
        parent,
        ActivityPage,
        {"kind": kind.value, "year": year, "number": record["number"]},
        values,
        report,
        label,
        slug=_activity_slug(year, record["number"], record["title"]),
    )
    _flag(report, label, page)
    return page


def import_decisions(archive, data, report):
    stated_total = data.get("mayor_decisions_stated_total")
    years = sorted({month["year"] for month in data.get("mayor_decisions", [])})
    year_pages = []
    for year in years:
        title = structure.YEAR_PAGE["title"]["sq"].format(year=year)
        year_page, changed = upsert_page(
            archive,
            DecisionYearPage,
            {"year": year},
            {"title": title, "stated_total": stated_total if len(years) == 1 else None},
            report,
            f"decisions {year}",
            slug=str(year),
        )
        year_pages.append((year_page, changed))
        for month in data["mayor_decisions"]:
            if month["year"] != year:
                continue
            upsert_page(
                year_page,
                DecisionMonthPage,
                {"year": year, "month": month["month"]},
                {
                    "title": f"{month['month_sq']} {year}",
                    "decision_count": month.get("decision_count"),
                    "source_url": month.get("pdf_url") or "",
                },
                report,
                f"decisions {year}/{month['month']:02d}",
                slug=f"{month['month']:02d}",
            )
        _flag(report, f"decisions {year}", year_page)
    return year_pages


def import_participatory_budget(index, year, data, report):
    record = data.get("participatory_budgeting")
    if not record:
        return None, False
    budget_year = record.get("budget_year")
    params = {"year": year, "budget_year": budget_year}
    text = structure.PARTICIPATORY_BUDGET
    figures = _figures(record)
    label = f"participatory budget {year}"
    page, changed = upsert_page(
        index,
        ParticipatoryBudgetPage,
        {"year": year},
        {
            "title": text["title"]["sq"].format(**params),
            "intro": text["intro"]["sq"].format(**params),
            "budget_year": budget_year,
            "supported_by": record.get("supported_by") or "",
            **{name: value for name, value in figures.items() if name.startswith("participants")},
        },
        report,
        label,
        slug=text["slug"]["sq"].format(**params),
        children={"projects": [{"title": title} for title in record.get("selected_projects", [])]},
    )
    _flag(report, label, page)
    return page, changed


def import_stated_totals(year, data, report):
    sources = {
        TotalsKind.CONSULTATION: data.get("public_consultations_stated_totals"),
        TotalsKind.HEARING: data.get("budget_hearings_stated_totals"),
        TotalsKind.MEETING: data.get("public_meetings_stated_totals"),
        TotalsKind.ALL: {"participants": data["participation_summary_stated"]}
        if data.get("participation_summary_stated")
        else None,
    }
    for kind, totals in sources.items():
        if not totals:
            continue
        values = _figures(totals)
        _upsert_model(StatedTotals, {"year": year, "kind": kind}, values, report)


def _upsert_model(model, lookup, values, report):
    label = f"{model._meta.model_name} " + " ".join(str(value) for value in lookup.values())
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        report.created.append(label)
    elif any(getattr(obj, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        report.updated.append(label)
    else:
        report.unchanged.append(label)
    return obj


def import_overview(index, year, report):
    text = structure.OVERVIEW
    label = f"overview {year}"
    page, changed = upsert_page(
        index,
        YearOverviewPage,
        {"year": year},
        {"title": text["title"]["sq"].format(year=year), "intro": text["intro"]["sq"]},
        report,
        label,
        slug=text["slug"]["sq"].format(year=year),
    )
    return page, changed


def report_year(data):
    if data.get("year"):
        return int(data["year"])
    if data.get("access_to_documents_requests", {}).get("year"):
        return int(data["access_to_documents_requests"]["year"])
    return int(data["mayor_decisions"][0]["year"])


@transaction.atomic
def import_transparency(data):
    """Load the annual report's JSON (already parsed) into pages and snippets."""
    with translations_written_later():
        report = _import_transparency(data)
    translate_imported_records(report)
    return report


def translate_imported_records(report):
    """Records whose Serbian or Turkish page is missing, an alias, or whose source changed get
    their translations from data (record_translations); a person's translation is kept."""
    index = TransparencyIndexPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
    if index is None:
        return
    locales = list(Locale.objects.filter(language_code__in=TARGET_LANGUAGES))
    for model in (ActivityPage, DecisionMonthPage):
        for page in model.objects.descendant_of(index).filter(locale=index.locale):
            for locale in locales:
                existing = page.get_translation_or_none(locale)
                if (
                    existing is None
                    or existing.alias_of_id is not None
                    or page.pk in report.changed_pages
                ):
                    translate_record(page, locale.language_code)
                    report.translated.append((page, locale.language_code))


def _import_transparency(data):
    report = ImportReport()
    year = report_year(data)
    index, index_changed = ensure_index(report)
    archive, archive_changed = ensure_decision_archive(index, report)
    navigation = {index: index_changed, archive: archive_changed}

    for kind, key in (
        (ActivityKind.CONSULTATION, "public_consultations"),
        (ActivityKind.HEARING, "budget_hearings"),
        (ActivityKind.MEETING, "public_meetings"),
    ):
        listing, changed = ensure_activity_index(index, kind, report)
        navigation[listing] = changed
        for record in data.get(key, []):
            import_activity(listing, kind, year, record, report)

    for year_page, changed in import_decisions(archive, data, report):
        navigation[year_page] = changed
    budget, budget_changed = import_participatory_budget(index, year, data, report)
    if budget is not None:
        navigation[budget] = budget_changed
    import_stated_totals(year, data, report)
    access = data.get("access_to_documents_requests")
    if access:
        _upsert_model(
            AccessRequestYear,
            {"year": access["year"]},
            {
                "received": access["received"],
                "answered_within_deadline": access["answered_within_deadline"],
            },
            report,
        )
    overview, overview_changed = import_overview(index, year, report)
    navigation[overview] = overview_changed
    _flag(report, f"overview {year}", overview)

    sync_trees()
    # The example records of structure.RECORD_TRANSLATIONS, translated like navigation pages.
    translated_titles = {text["sq"] for text in structure.RECORD_TRANSLATIONS}
    for model in (ActivityPage, DecisionMonthPage):
        for page in model.objects.filter(
            locale=index.locale, title__in=translated_titles
        ).descendant_of(index):
            navigation.setdefault(page, page.pk in report.changed_pages)
    budget_year = data.get("participatory_budgeting", {}).get("budget_year")
    structure.translate_navigation(
        list(navigation),
        structure.translation_memory(year, budget_year),
        {page for page, changed in navigation.items() if changed},
        report,
    )
    return report


def import_transparency_file(path):
    return import_transparency(json.loads(Path(path).read_text(encoding="utf-8")))


# --- the strategy -------------------------------------------------------------------------------


@transaction.atomic
def import_strategy(text):
    """Parse the strategy's text export into the structured strategy page."""
    report = ImportReport()
    parsed = parse_strategy(text)
    if not parsed.title:
        raise ValueError("the strategy's title was not found in the text")
    index, index_changed = ensure_index(report)
    page, changed = upsert_page(
        index,
        StrategyPage,
        {"period_start": parsed.period_start, "period_end": parsed.period_end},
        {"title": parsed.title, "body": parsed.blocks},
        report,
        f"strategy {parsed.period_start}-{parsed.period_end}",
        slug=slugify(f"strategjia-{parsed.period_start}-{parsed.period_end}"),
    )
    counts = {}
    for block in parsed.blocks:
        counts[block["type"]] = counts.get(block["type"], 0) + 1
    report.summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    sync_trees()
    # The title (and slug) are translated; the body stays Albanian, marked as such.
    changed_pages = {p for p, c in ((index, index_changed), (page, changed)) if c}
    structure.translate_navigation(
        [index, page], structure.translation_memory(), changed_pages, report
    )
    return report


def import_strategy_file(path):
    return import_strategy(Path(path).read_text(encoding="utf-8"))


def strategy_page():
    """The strategy page, if imported (used by the documents importer)."""
    return StrategyPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()


# --- the corpus documents -----------------------------------------------------------------------

MANIFEST_LANGUAGES = {"sq": "sq", "sr": "sr-latn", "tr": "tr"}
DOCUMENT_KINDS = {
    "strategy": DocumentKind.STRATEGY,
    "annual_report": DocumentKind.ANNUAL_REPORT,
    "decisions_month": DocumentKind.DECISIONS,
    "consultation_minutes": DocumentKind.MINUTES,
    "consultation_report": DocumentKind.REPORT,
    "consultation_notice": DocumentKind.NOTICE,
    "consultation_draft": DocumentKind.DRAFT,
}
ATTACHED_PAGES = {
    "strategy": lambda target: StrategyPage.objects.order_by("-period_end"),
    "annual_report": lambda target: YearOverviewPage.objects.filter(year=target["year"]),
    "decisions_month": lambda target: DecisionMonthPage.objects.filter(
        year=target["year"], month=target["month"]
    ),
    "consultation": lambda target: ActivityPage.objects.filter(
        kind=ActivityKind.CONSULTATION, year=target["year"], number=target["number"]
    ),
    "hearing": lambda target: ActivityPage.objects.filter(
        kind=ActivityKind.HEARING, year=target["year"], number=target["number"]
    ),
    "meeting": lambda target: ActivityPage.objects.filter(
        kind=ActivityKind.MEETING, year=target["year"], number=target["number"]
    ),
}


def _find_document(path, digest):
    model = get_document_model()
    document = model.objects.filter(file_hash=digest).first()
    if document is None:
        # The same file name uploaded before (Wagtail may have added a suffix): a new version.
        document = (
            model.objects.filter(file__startswith=f"documents/{path.stem}")
            .filter(file__endswith=path.suffix)
            .first()
        )
    return document


def upsert_document(path, entry, report):
    """The document for one manifest entry: created, updated (title, language, new file)."""
    model = get_document_model()
    with path.open("rb") as handle:
        digest = hash_filelike(handle)
    language = MANIFEST_LANGUAGES.get(entry.get("language", ""), "")
    label = f"document {path.name}"
    document = _find_document(path, digest)
    if document is None:
        document = model(title=entry["title"], language=language)
        with path.open("rb") as handle:
            document.file.save(path.name, File(handle), save=False)
        document._set_document_file_metadata()
        document.save()
        report.created.append(label)
        return document
    changed = False
    if document.file_hash != digest:
        with path.open("rb") as handle:
            document.file.save(path.name, File(handle), save=False)
        document._set_document_file_metadata()
        changed = True
    for name, value in (("title", entry["title"]), ("language", language)):
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed = True
    if changed:
        document.save()
        report.updated.append(label)
    else:
        report.unchanged.append(label)
    return document


def attach_document(page, document, kind, report, label):
    """Add the document to the page's files (once) and publish; False if it was there."""
    if page.documents.filter(document=document).exists():
        return False
    related = page._meta.get_field("documents").related_model
    rows = list(page.documents.all())
    page.documents = [*rows, related(document=document, kind=kind)]
    page.save_revision().publish()
    report.updated.append(label)
    return True


@transaction.atomic
def import_documents(manifest_path):
    """Upload the corpus PDFs as documents and attach them to the pages `attaches_to` names."""
    manifest_path = Path(manifest_path)
    entries = json.loads(manifest_path.read_text(encoding="utf-8"))
    report = ImportReport()
    changed_pages = set()
    for entry in entries:
        path = manifest_path.parent / entry["file"]
        if not path.is_file():
            report.flagged.append((entry["file"], "file not found"))
            continue
        document = upsert_document(path, entry, report)
        target = entry.get("attaches_to") or {}
        find = ATTACHED_PAGES.get(target.get("type"))
        if find is None:
            report.flagged.append((entry["file"], f"unknown attaches_to {target!r}"))
            continue
        page = find(target).filter(locale__language_code=SOURCE_LANGUAGE).first()
        if page is None:
            report.flagged.append((entry["file"], f"no page for {target!r}: import it first"))
            continue
        kind = DOCUMENT_KINDS.get(entry.get("kind"), DocumentKind.OTHER)
        if attach_document(page, document, kind, report, f"page {page.url_path} ← {path.name}"):
            changed_pages.add(page)
    # Translated pages (not aliases) take the new files through a re-synchronisation.
    structure.resync_translations(changed_pages, report)
    return report
