"""In Chromium, in the three languages: the requester's private status page after a refusal
(with the decision letter) and a consultation page with its published answers; axe-core finds
no WCAG 2.1 A/AA violation at 320 px and at 1024 px. Screenshots go to docs/screenshots/."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from .test_accessibility import describe, run_axe

pytestmark = [pytest.mark.browser]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
LANGUAGES = ("sq", "sr-latn", "tr")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
STATUS_HEADINGS = {"sq": "Kërkesa juaj", "sr-latn": "Vaš zahtev", "tr": "Başvurunuz"}
NEXT_STEP = {
    "sq": "Agjencinë për Informim dhe Privatësi",
    "sr-latn": "Agenciji za informisanje i privatnost",
    "tr": "Bilgi ve Gizlilik Ajansı",
}
ANSWERS_HEADINGS = {
    "sq": "Komentet dhe përgjigjet e komunës",
    "sr-latn": "Komentari i odgovori opštine",
    "tr": "Yorumlar ve belediyenin yanıtları",
}


# The innermost elements that reach past the viewport's right edge (for the failure message).
WIDE_ELEMENTS = """width => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.querySelector('*'))
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))"""


@pytest.fixture
def small_site(live_server, transactional_db, django_db_serialized_rollback):
    from wagtail.models import Collection, Locale, Page

    from tests.participation_helpers import add_request_page, build_small_site

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="sq")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    homes = build_small_site()
    return {"url": live_server.url, "home": homes["sq"], "page": add_request_page(homes["sq"])}


def check(browser, url, name):
    """Load `url` at 320 and 1024 px, run axe at both, screenshot the wide one."""
    failures = []
    for width in (320, 1024):
        context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            response = page.goto(url)
            assert response.status == 200, f"{url} answered {response.status}"
            violations = run_axe(page)["violations"]
            if violations:
                failures.append(f"{name} at {width}px\n{describe(violations)}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            wide = page.evaluate(WIDE_ELEMENTS, width)
            assert scroll_width <= width, f"{name}: {scroll_width}px wide at {width}px: {wide}"
            if width == 1024:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
            text = (
                page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
            )
        finally:
            context.close()
    assert not failures, "\n".join(failures)
    return text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_requester_status_page_in_three_languages(browser, small_site):
    from participation.models import AccessRequest, AccessRequestFormPage, RequestStatus

    for language in LANGUAGES:
        access_request = AccessRequest(
            subject="Procesverbali i mbledhjes së Kuvendit, janar 2026",
            email="qytetari@example.org",
            language=language,
        )
        access_request.save()
        access_request.decision_letter = SimpleUploadedFile("letter.pdf", PDF)
        access_request.transition(
            RequestStatus.PARTIALLY_GRANTED,
            decision="Ju dërgojmë procesverbalin pa emrat e pjesëmarrësve privatë.",
            legal_ground="Neni 17, Ligji nr. 06/L-081",
        )
        page = AccessRequestFormPage.objects.get(locale__language_code=language)
        url = (
            small_site["url"]
            + page.url
            + page.reverse_subpage("status", args=[access_request.status_token])
        )
        text = check(browser, url, f"request-status-{language}")
        assert STATUS_HEADINGS[language] in text
        assert access_request.reference in text
        assert NEXT_STEP[language] in text
        assert "qytetari@example.org" not in text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_consultation_outcome_page_in_three_languages(browser, small_site):
    from participation.models import CommentStatus, ConsultationComment
    from participation.reports import publish_report_table
    from tests.participation_helpers import add_consultation
    from transparency.models import ActivityPage

    today = timezone.localdate()
    consultation = add_consultation(
        small_site["home"], opens_on=today - timedelta(days=20), closes_on=today - timedelta(days=2)
    )
    answers = [
        ("sq", "Parku në lagjen Bajram Curri duhet të ketë ndriçim.", CommentStatus.ACCEPTED, ""),
        (
            "sr-latn",
            "Predlažem biciklističku stazu.",
            CommentStatus.PARTIALLY_ACCEPTED,
            "Staza će biti izgrađena u drugoj fazi, 2027. godine.",
        ),
        (
            "tr",
            "Vergi küçük işletmeler için düşürülmeli.",
            CommentStatus.REFUSED,
            "Vergi oranı kanunla belirlenir; belediye bunu değiştiremez.",
        ),
    ]
    for language, text, status, reason in answers:
        comment = ConsultationComment.objects.create(
            consultation=consultation,
            language=language,
            text=text,
            show_text=True,
            name="Emër Mbiemër",
            email=f"{language}@example.org",
        )
        comment.classify(status, reason=reason)
    publish_report_table(consultation)
    for language in LANGUAGES:
        page = ActivityPage.objects.get(
            translation_key=consultation.translation_key, locale__language_code=language
        )
        text = check(browser, small_site["url"] + page.url, f"consultation-outcome-{language}")
        assert ANSWERS_HEADINGS[language] in text
        assert "Vergi oranı kanunla belirlenir" in text
        assert "Emër Mbiemër" not in text
