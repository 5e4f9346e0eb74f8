"""The monthly routine in one step: a month of the mayor's decisions in the three languages.

`publish_month` creates or updates the month page (and its year) under the Albanian decision
archive, attaches each PDF in its language, and writes the Serbian and Turkish pages as real
wagtail-localize translations whose titles and fixed texts come from data (the month's name
in each language). Then it publishes everything, or submits it to the workflow.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, Locale

from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES, t
from core.translation import translate_page

from . import structure
from .choices import MONTH_NAMES, DocumentKind
from .models import DecisionArchivePage, DecisionMonthDocument, DecisionMonthPage, DecisionYearPage

LANGUAGES = [SOURCE_LANGUAGE, *TARGET_LANGUAGES]
PUBLISH, SUBMIT = "publish", "submit"

MONTH_INTRO = t(
    "Vendimet e Kryetarit të Komunës së Prizrenit për muajin {month} {year}.",
    "Odluke predsednika Opštine Prizren za {month} {year}.",
    "Prizren Belediye Başkanı'nın {month} {year} kararları.",
)
DOCUMENT_TITLE = t(
    "Vendimet e Kryetarit, {month} {year}",
    "Odluke predsednika opštine, {month} {year}",
    "Belediye Başkanı kararları, {month} {year}",
)


def month_name(month, code):
    with translation.override(code):
        return str(MONTH_NAMES[month])


def month_texts(year, month, code):
    """The month page's title and intro, and its document's title, in one language."""
    name = month_name(month, code)
    # Albanian and Serbian write month names in lower case inside a sentence; Turkish does not.
    running = name if code == "tr" else name.lower()
    return {
        "title": f"{name} {year}",
        "intro": MONTH_INTRO[code].format(month=running, year=year),
        "document": DOCUMENT_TITLE[code].format(month=name, year=year),
    }


def translation_memory(year, month):
    """{language code: {Albanian text: translation}} of the pages this routine writes."""
    source = month_texts(year, month, SOURCE_LANGUAGE)
    memory = {}
    for code in TARGET_LANGUAGES:
        target = month_texts(year, month, code)
        memory[code] = {
            source["title"]: target["title"],
            source["intro"]: target["intro"],
            structure.YEAR_PAGE["title"]["sq"].format(year=year): structure.YEAR_PAGE["title"][
                code
            ].format(year=year),
            str(year): str(year),
            f"{month:02d}": f"{month:02d}",
        }
    return memory


@dataclass
class MonthResult:
    month_page: DecisionMonthPage
    year_page: DecisionYearPage
    created_year: bool = False
    created_month: bool = False
    documents: dict = field(default_factory=dict)  # {language code: document}
    translations: dict = field(default_factory=dict)  # {language code: translated month page}
    action: str = PUBLISH


def source_archive():
    archive = (
        DecisionArchivePage.objects.filter(
            locale__language_code=SOURCE_LANGUAGE, alias_of__isnull=True
        )
        .order_by("path")
        .first()
    )
    if archive is None:
        raise ValidationError(_("There is no archive of the mayor's decisions to add a month to."))
    return archive


def _with_pattern_slug(page, parent, slug):
    """Give a page the public slug (2026, 11) when a sibling does not hold it already."""
    if page.slug != slug and not parent.get_children().filter(slug=slug).exists():
        page.slug = slug


def _year_page(archive, year, user):
    page = DecisionYearPage.objects.child_of(archive).filter(year=year).first()
    if page is not None:
        page = page.get_latest_revision_as_object()
        if page.slug != str(year):
            _with_pattern_slug(page, archive, str(year))
            page.save_revision(user=user)
        return page, False
    title = structure.YEAR_PAGE["title"]["sq"].format(year=year)
    page = DecisionYearPage(title=title, slug=str(year), year=year, live=False)
    archive.add_child(instance=page)
    page.save_revision(user=user)
    return page, True


def _document(upload, code, title, user):
    """Upload one PDF through Wagtail's document form (the site's upload checks)."""
    form_class = get_document_form(get_document_model())
    root = Collection.get_first_root_node()
    form = form_class(
        data={"title": title, "collection": root.pk, "language": code},
        files={"file": upload},
        user=user,
    )
    if not form.is_valid():
        messages = [str(message) for errors in form.errors.values() for message in errors]
        raise ValidationError({f"pdf_{code}": messages})
    document = form.save(commit=False)
    document.uploaded_by_user = user
    document._set_document_file_metadata()
    document.save()
    return document


def _attach(page, documents):
    """Each new document replaces the page's file in the same language."""
    rows = [
        DecisionMonthDocument(document=row.document, kind=row.kind)
        for row in page.documents.all()
        if row.document.language not in documents
    ]
    rows += [
        DecisionMonthDocument(document=document, kind=DocumentKind.DECISIONS)
        for document in documents.values()
    ]
    rows.sort(key=lambda row: LANGUAGES.index(row.document.language or SOURCE_LANGUAGE))
    page.documents = rows


def _finish(page, action, user):
    """Publish the page's latest revision, or submit it to the page's workflow."""
    revision = page.get_latest_revision()
    if action == PUBLISH:
        revision.publish(user=user)
        return
    workflow = page.get_workflow()
    state = page.current_workflow_state
    if workflow is not None and state is None:
        workflow.start(page, user)


@transaction.atomic
def publish_month(*, year, month, decision_count, files, user, action):
    """files: {language code: uploaded file} (any of sq, sr-latn, tr). Raises ValidationError."""
    archive = source_archive()
    permissions = archive.permissions_for_user(user)
    if not permissions.can_add_subpage():
        raise ValidationError(_("You may not add pages to the archive of decisions."))
    if action == PUBLISH and not permissions.can_publish_subpage():
        raise ValidationError(_("You may not publish: submit the month for approval instead."))
    year_page, created_year = _year_page(archive, year, user)
    page = DecisionMonthPage.objects.child_of(year_page).filter(month=month).first()
    texts = month_texts(year, month, SOURCE_LANGUAGE)
    created_month = page is None
    if created_month:
        if SOURCE_LANGUAGE not in files:
            raise ValidationError({"pdf_sq": [_("A new month needs its Albanian PDF.")]})
        page = DecisionMonthPage(
            title=texts["title"],
            intro=texts["intro"],
            slug=f"{month:02d}",
            year=year,
            month=month,
            live=False,
        )
    else:
        page = page.get_latest_revision_as_object()
        _with_pattern_slug(page, year_page, f"{month:02d}")
    page.decision_count = decision_count
    documents = {
        code: _document(upload, code, month_texts(year, month, code)["document"], user)
        for code, upload in files.items()
    }
    _attach(page, documents)
    if created_month:
        year_page.add_child(instance=page)
    page.save_revision(user=user)

    result = MonthResult(page, year_page, created_year, created_month, documents, action=action)
    memory = translation_memory(year, month)
    if not year_page.live:
        _finish(year_page, action, user)
    _finish(page, action, user)
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        year_translation = year_page.get_translation_or_none(locale)
        if year_translation is None or year_translation.alias_of_id is not None:
            translate_page(
                year_page.get_latest_revision_as_object(),
                code,
                memory[code],
                publish=False,
                user=user,
            )
            _finish(year_page.get_translation(locale), action, user)
        translate_page(
            page.get_latest_revision_as_object(), code, memory[code], publish=False, user=user
        )
        target = page.get_translation(locale)
        _finish(target, action, user)
        result.translations[code] = target.specific
    return result
