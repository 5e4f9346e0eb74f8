"""Document text: the PDF text layer, OCR of scans, failures that keep the upload."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.extraction import MAX_TEXT_LENGTH, extract_text
from documents.models import MunicipalDocument, TextStatus
from search import service
from tests.conftest import SHARED_DIR

CORPUS = SHARED_DIR / "corpus"


def upload(filename, language="sq", title=None, content=None):
    # Published by the editor: search finds only public documents (core.visibility).
    document = MunicipalDocument(title=title or filename, language=language, published=True)
    data = content if content is not None else (CORPUS / filename).read_bytes()
    document.file.save(filename, ContentFile(data), save=False)
    document.save()  # the extraction task runs here: ImmediateBackend in tests
    document.refresh_from_db()
    return document


def found(query, language="sq"):
    return [r.title for r in service.search(query, language).results]


def test_text_layer_of_a_cyrillic_pdf(db, shared_dir):
    document = upload("odluke-2023-01-sr-cyrl.pdf", "sr-latn", title="Odluke januar")
    assert document.text_status == TextStatus.EXTRACTED
    assert "Ландовица" in document.text
    assert document.text_updated_at is not None
    assert found("landovica", "sr-latn") == ["Odluke januar"]


@pytest.mark.slow
def test_ocr_of_a_scan_finds_words_only_its_image_contains(db, shared_dir):
    # The PDF has no text layer: these words exist only as pixels.
    path = CORPUS / "vendime-2023-02-skanuar.pdf"
    assert extract_text(path, "sq", path.name).status == TextStatus.OCR
    document = upload("vendime-2023-02-skanuar.pdf", "sq", title="Vendimet shkurt (skan)")
    assert document.text_status == TextStatus.OCR
    assert "Vlashnje" in document.text
    assert "01-016/2023-86" in document.text
    assert found("bletaret e korishes") == ["Vendimet shkurt (skan)"]
    assert found("01-016/2023-86") == ["Vendimet shkurt (skan)"]


def test_a_broken_pdf_fails_but_the_upload_stays(db):
    document = upload("broken.pdf", content=b"%PDF-1.7\nnot really a pdf")
    assert document.text_status == TextStatus.FAILED
    assert document.text_error
    assert MunicipalDocument.objects.filter(pk=document.pk).exists()
    assert document.file.read().startswith(b"%PDF")


def test_unsupported_and_text_files(db):
    assert upload("table.ods", content=b"PK\x03\x04").text_status == TextStatus.UNSUPPORTED
    document = upload("notes.txt", content="Shënime për bletarët".encode())
    assert document.text_status == TextStatus.EXTRACTED
    assert found("bletaret") == ["notes.txt"]


def test_text_is_bounded(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("fjalë " * 400_000)
    extraction = extract_text(path, "sq", "huge.txt")
    assert len(extraction.text) == MAX_TEXT_LENGTH


def test_replacing_the_file_extracts_again_and_command_reruns(db):
    document = upload("notes.txt", content=b"bletar")
    document.file.save("other.txt", ContentFile(b"ujesjelles"), save=False)
    document.save()
    document.refresh_from_db()
    assert document.text == "ujesjelles"
    MunicipalDocument.objects.filter(pk=document.pk).update(text_status=TextStatus.FAILED, text="")
    call_command("extract_document_text", "--failed")
    document.refresh_from_db()
    assert document.text_status == TextStatus.EXTRACTED and document.text == "ujesjelles"


def test_editors_see_the_extraction_status(admin_client, db):
    document = upload("broken.pdf", content=b"%PDF-1.7 nope")
    html = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert 'class="document-text-status"' in html
    assert f">{document.get_text_status_display()}" in html
    assert document.text_error.split(":")[0] in html


def test_with_the_database_queue_an_upload_does_not_wait_for_ocr(db, settings, shared_dir):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    import time

    from django_tasks_db.models import DBTaskResult

    started = time.monotonic()
    document = upload("vendime-2023-02-skanuar.pdf", "sq", title="Shkurt")
    assert time.monotonic() - started < 2  # OCR of the page takes several seconds
    assert document.text_status == TextStatus.PENDING
    assert DBTaskResult.objects.filter(status="READY").count() >= 1
    # The worker (`manage.py db_worker`, a systemd service in production) runs what was
    # stored; it closes database connections, so the test runs the stored call itself.
    from documents.tasks import extract_document_text_task

    stored = DBTaskResult.objects.get(task_path__endswith="extract_document_text_task")
    assert stored.args_kwargs == {"args": [document.pk], "kwargs": {}}
    assert stored.queue_name == "documents"  # its own worker: emails never wait behind OCR
    extract_document_text_task.call(*stored.args_kwargs["args"])
    document.refresh_from_db()
    assert document.text_status == TextStatus.OCR
    assert "Korishë" in document.text or "Korish" in document.text
