"""Text of uploaded documents, for search: the PDF text layer, or OCR of scanned pages.

`extract_text(path, language)` never raises: it returns an Extraction with a status and, on
failure, the error. The upload itself is never touched (docs/decisions/0032-document-text.md).
"""

import json
import logging
import os
import resource
import shutil
import subprocess  # noqa: S404 - fixed argument lists, no shell
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .models import MunicipalDocument, TextStatus

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = MunicipalDocument.MAX_TEXT_LENGTH
# Fewer letters than this per page means the page is an image: OCR it.
MIN_CHARS_PER_PAGE = 40
MAX_OCR_PAGES = 60
OCR_DPI = 200
OCR_TIMEOUT_PER_PAGE = 120
# Tesseract's Albanian model has no "/" or "w": combine it with English (decision numbers).
OCR_LANGUAGES = {
    "sq": "sqi+eng",
    "sr-latn": "srp_latn+srp+eng",
    "sr": "srp_latn+srp+eng",
    "tr": "tur+eng",
}
OCR_ALL_LANGUAGES = "sqi+srp_latn+srp+tur+eng"
TEXT_EXTENSIONS = {".txt", ".csv"}


def _program(name):
    return shutil.which(name) or f"/usr/bin/{name}"


@dataclass
class Extraction:
    status: str
    text: str = ""
    error: str = ""


def bound(text):
    """Drop NUL and bound the length (PostgreSQL's tsvector takes at most 1 MB)."""
    text = (text or "").replace("\x00", " ")
    return text[:MAX_TEXT_LENGTH]


class ExtractionLimit(Exception):
    """The child process ran out of time or memory (a hostile or broken file)."""


def _limits():
    """Memory (address space) and CPU limits of an extraction child process."""
    memory = settings.DOCUMENT_EXTRACTION_MEMORY_MB * 1024 * 1024
    seconds = settings.DOCUMENT_EXTRACTION_SECONDS

    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    return apply


def _run_limited(arguments, timeout, **options):
    try:
        return subprocess.run(  # noqa: S603 - fixed argument lists, no shell
            arguments,
            check=True,
            capture_output=True,
            timeout=timeout,
            preexec_fn=_limits(),  # noqa: PLW1509 - no threads are started before exec
            **options,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionLimit(f"stopped after {timeout} s") from error
    except subprocess.CalledProcessError as error:
        if error.returncode < 0:  # killed by a signal: SIGXCPU, SIGKILL, SIGSEGV
            raise ExtractionLimit(f"stopped by signal {-error.returncode}") from error
        detail = error.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        if "MemoryError" in detail[0]:
            raise ExtractionLimit("over the memory limit") from error
        raise


def pdf_text_layer(path):
    """[text of each page] from the PDF's text layer, read in a limited child process."""
    result = _run_limited(
        [sys.executable, "-m", "documents.pdf_text", str(path), str(MAX_TEXT_LENGTH)],
        timeout=settings.DOCUMENT_EXTRACTION_SECONDS,
        cwd=settings.BASE_DIR,
    )
    return json.loads(result.stdout)


def ocr_pdf(path, language="", first_page=1, last_page=None):
    """Text of the PDF's pages read by tesseract (poppler's pdftoppm renders them first)."""
    languages = OCR_LANGUAGES.get(language, OCR_ALL_LANGUAGES)
    last_page = last_page or MAX_OCR_PAGES
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    deadline = time.monotonic() + settings.DOCUMENT_OCR_SECONDS

    def remaining(at_most):
        left = deadline - time.monotonic()
        if left <= 0:
            raise ExtractionLimit(f"OCR stopped after {settings.DOCUMENT_OCR_SECONDS} s")
        return min(at_most, left)

    texts = []
    with tempfile.TemporaryDirectory(prefix="ocr-") as workdir:
        prefix = Path(workdir) / "page"
        _run_limited(
            [_program("pdftoppm"), "-r", str(OCR_DPI), "-gray", "-png", "-f", str(first_page),
             "-l", str(last_page), str(path), str(prefix)],
            timeout=remaining(OCR_TIMEOUT_PER_PAGE * 4),
        )  # fmt: skip
        for image in sorted(Path(workdir).glob("page-*.png")):
            result = _run_limited(
                [_program("tesseract"), str(image), "-", "-l", languages],
                timeout=remaining(OCR_TIMEOUT_PER_PAGE), env=environment,
            )  # fmt: skip
            texts.append(result.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


def extract_text(path, language="", filename=""):
    suffix = Path(filename or str(path)).suffix.lower()
    try:
        if suffix in TEXT_EXTENSIONS:
            text = Path(path).read_bytes()[: MAX_TEXT_LENGTH * 4].decode("utf-8", "replace")
            return Extraction(
                TextStatus.EXTRACTED if text.strip() else TextStatus.EMPTY, bound(text)
            )
        if suffix != ".pdf":
            return Extraction(TextStatus.UNSUPPORTED)
        pages = pdf_text_layer(path)
        text = "\n".join(pages)
        letters = sum(ch.isalnum() for ch in text)
        if pages and letters >= MIN_CHARS_PER_PAGE * len(pages):
            return Extraction(TextStatus.EXTRACTED, bound(text))
        ocr = ocr_pdf(path, language)
        if sum(ch.isalnum() for ch in ocr) < MIN_CHARS_PER_PAGE:
            return Extraction(TextStatus.EMPTY, bound(text))
        return Extraction(TextStatus.OCR, bound(ocr))
    except Exception as error:  # noqa: BLE001 - any failure is recorded, the upload stays
        logger.warning("Text extraction failed for %s: %s", filename or path, error)
        return Extraction(TextStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])


def extract_document_text(document):
    """Extract the document's text, store it and its status, and reindex the document."""
    from django.utils import timezone
    from wagtail.search import index

    try:
        with document.file.open("rb") as handle:
            with tempfile.NamedTemporaryFile(suffix=Path(document.file.name).suffix) as copy:
                for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                    copy.write(chunk)
                copy.flush()
                extraction = extract_text(copy.name, document.language, document.file.name)
    except Exception as error:  # noqa: BLE001 - a missing or unreadable file
        extraction = Extraction(TextStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])

    # update() rather than save(): no signal, so no second extraction.
    MunicipalDocument.objects.filter(pk=document.pk).update(
        text=extraction.text,
        text_status=extraction.status,
        text_error=extraction.error,
        text_updated_at=timezone.now(),
    )
    document.text = extraction.text
    document.text_status = extraction.status
    document.text_error = extraction.error
    index.insert_or_update_object(document)
    return extraction
