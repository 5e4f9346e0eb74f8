"""Text extraction is bounded: a hostile PDF is stopped by the time or memory limit, the
upload stays, and the next document is read normally. Documents have their own task queue."""

import time

import pytest

from documents.extraction import extract_text
from documents.models import TextStatus
from documents.tasks import extract_document_text_task
from media_office.tasks import send_release_task

from .hostile_pdf import pdf, text_bomb


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "raport.pdf"
    path.write_bytes(text_bomb())
    return path


def plain_pdf(path):
    stream = (
        b"BT /F1 12 Tf 72 720 Td"
        b" (Vendimi per buxhetin e komunes se Prizrenit per vitin dy mije e njezet e tre) Tj ET"
    )
    path.write_bytes(
        pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ]
        )
    )
    return path


def test_a_hostile_pdf_is_stopped_by_the_time_limit(bomb, settings, tmp_path):
    # Tried: a 62 KB PDF whose content stream inflates to 42 MB (22 s of pypdf unbounded).
    settings.DOCUMENT_EXTRACTION_SECONDS = 3
    started = time.monotonic()
    extraction = extract_text(bomb, "sq", "raport.pdf")
    elapsed = time.monotonic() - started
    assert extraction.status == TextStatus.FAILED
    assert "ExtractionLimit" in extraction.error
    assert elapsed < 8
    # The next document is read as usual.
    normal = extract_text(plain_pdf(tmp_path / "vendimi.pdf"), "sq", "vendimi.pdf")
    assert normal.status == TextStatus.EXTRACTED and "buxhetin" in normal.text


def test_a_hostile_pdf_is_stopped_by_the_memory_limit(bomb, settings):
    settings.DOCUMENT_EXTRACTION_SECONDS = 60
    settings.DOCUMENT_EXTRACTION_MEMORY_MB = 150
    extraction = extract_text(bomb, "sq", "raport.pdf")
    assert extraction.status == TextStatus.FAILED
    assert "ExtractionLimit" in extraction.error and "memory" in extraction.error


def test_documents_have_their_own_queue():
    assert extract_document_text_task.queue_name == "documents"
    assert send_release_task.queue_name == "default"
