from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from home.models import StandardPage

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_document(title="Vendimet janar 2023", language="sq"):
    document = get_document_model()(title=title, language=language)
    document.file.save("vendime.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def attach_to_new_page(home, document, publish):
    page = StandardPage(
        title="Vendimet",
        slug="vendimet",
        locale=home.locale,
        body=[("document", {"document": document, "title": ""})],
    )
    home.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save()
    return page


def test_document_of_an_unpublished_page_is_not_served(client, demo_site):
    document = make_document()
    attach_to_new_page(demo_site["sq"], document, publish=False)
    assert client.get(document.url).status_code == 404


def test_document_is_served_once_its_page_is_live(client, demo_site):
    document = make_document()
    page = attach_to_new_page(demo_site["sq"], document, publish=False)
    page.get_latest_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_editors_can_download_documents_of_drafts(client, demo_site):
    document = make_document()
    attach_to_new_page(demo_site["sq"], document, publish=False)
    editor = get_user_model().objects.create_superuser("editor", "e@prizren.example", "pw")
    client.force_login(editor)
    assert client.get(document.url).status_code == 200


def test_document_used_by_no_page_is_closed_until_an_editor_publishes_it(client, db):
    document = make_document()
    assert client.get(document.url).status_code == 404
    document.published = True
    document.save()
    assert client.get(document.url).status_code == 200


def test_document_knows_its_language(db):
    document = make_document(language="tr")
    assert document.get_language_display() == "Türkçe"
