"""The access-to-documents request page, created under the Albanian home page and translated
into Serbian and Turkish (idempotent)."""

from django.db import transaction
from wagtail.models import Locale

from core.seeding import source_home, sync_trees, t
from core.translation import translate_page

from .models import AccessRequestFormPage

REQUEST_PAGE = {
    "slug": t(
        "kerkese-per-qasje-ne-dokumente", "zahtev-za-pristup-dokumentima", "belge-erisim-talebi"
    ),
    "title": t(
        "Kërkesë për qasje në dokumente publike",
        "Zahtev za pristup javnim dokumentima",
        "Kamu belgelerine erişim talebi",
    ),
    "intro": t(
        "Çdokush ka të drejtë të kërkojë një dokument publik të Komunës, pa dhënë arsye dhe "
        "edhe në mënyrë anonime.",
        "Svako ima pravo da zatraži javni dokument Opštine, bez navođenja razloga, pa i anonimno.",
        "Herkes, gerekçe göstermeden ve isimsiz olarak da, Belediye'den bir kamu belgesi "
        "isteme hakkına sahiptir.",
    ),
}


@transaction.atomic
def ensure_request_page():
    """Create the request page if missing and translate it; return (page, created)."""
    home = source_home()
    page = AccessRequestFormPage.objects.child_of(home).first()
    created = page is None
    if created:
        page = home.add_child(
            instance=AccessRequestFormPage(
                title=REQUEST_PAGE["title"]["sq"],
                slug=REQUEST_PAGE["slug"]["sq"],
                intro=REQUEST_PAGE["intro"]["sq"],
                show_in_menus=True,
            )
        )
        page.save_revision().publish()
        sync_trees()
    for code in ("sr-latn", "tr"):
        existing = page.get_translation_or_none(Locale.objects.get(language_code=code))
        if existing is None or existing.alias_of_id is not None:
            memory = {REQUEST_PAGE[key]["sq"]: REQUEST_PAGE[key][code] for key in REQUEST_PAGE}
            translate_page(page, code, memory)
    return page, created
