"""Uploads through the real admin views: type, size, magic bytes, pixel count, file names;
and the headers documents are served with."""

import io
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@prizren.example", "pw")
    client.force_login(user)
    return client


def upload_document(client, name, content, **extra):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Odluka",
            "file": SimpleUploadedFile(name, content),
            "collection": root.pk,
            **extra,
        },
    )


def albanian_start(message):
    """The editors' admin is in Albanian: the message as they read it, up to its first value."""
    with translation.override("sq"):
        return translation.gettext(message).split("%(")[0]


def form_errors(response):
    return response.context["form"].errors.get("file", []) if response.context else []


def test_html_renamed_pdf_is_refused_with_a_clear_message(editor_client):
    # Tried: an HTML page with a script, saved as odluka.pdf.
    html = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
    response = upload_document(editor_client, "odluka.pdf", html)
    assert response.status_code == 200
    expected = albanian_start(
        "The file contains HTML or script code and cannot be published as a document."
    )
    assert any(expected in str(error) for error in form_errors(response))
    assert not get_document_model().objects.exists()


def test_pdf_html_polyglot_is_refused(editor_client):
    # Tried: a file starting %PDF-1.7 with <html><script> right after it.
    polyglot = b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF"
    response = upload_document(editor_client, "polyglot.pdf", polyglot)
    assert form_errors(response)
    assert not get_document_model().objects.exists()


def test_pdf_that_is_not_a_pdf_is_refused(editor_client):
    # Tried: a ZIP archive named .pdf.
    response = upload_document(editor_client, "arhiva.pdf", b"PK\x03\x04" + b"\x00" * 100)
    expected = albanian_start("The file's content does not match its extension “.%(extension)s”.")
    assert any(expected in str(error) for error in form_errors(response))


@pytest.mark.parametrize("name", ["evil.svg", "page.html", "page.htm", "script.js"])
def test_svg_and_html_documents_are_refused(editor_client, name):
    # Tried: evil.svg with <script>fetch('/admin/')</script>, and HTML/JS files.
    content = b'<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/admin/")</script></svg>'
    response = upload_document(editor_client, name, content)
    assert form_errors(response)
    assert not get_document_model().objects.exists()


def test_document_over_the_size_limit_is_refused(editor_client, settings):
    # Tried: a document of exactly WAGTAILDOCS_MAX_UPLOAD_SIZE + 1 bytes.
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    content = PDF_BYTES + b"0" * (1025 - len(PDF_BYTES))
    response = upload_document(editor_client, "big.pdf", content)
    expected = albanian_start(
        "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."
    )
    assert any(expected in str(error) for error in form_errors(response))
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "../../../../etc/passwd.pdf",
        "odluka\x00.html.pdf",
        "raport\u202efdp.exe.pdf",
        "Одлука о буџету 2025.pdf",
        "vendim_për_buxhetin.pdf",
        "karar_İ̇ı.pdf",
        "a" * 300 + ".pdf",
    ],
)
def test_hostile_file_names_are_sanitised_and_served_as_attachments(editor_client, client, name):
    response = upload_document(editor_client, name, PDF_BYTES, published="on")
    assert response.status_code == 302, form_errors(response)
    document = get_document_model().objects.get()
    stored = document.file.name
    assert ".." not in stored and "\x00" not in stored and "\u202e" not in stored
    # documents/<random token>/<name>: the file cannot be found under media by its name.
    folder, token, filename = stored.split("/")
    assert folder == "documents" and len(token) == 16 and filename == document.filename
    assert len(stored) <= 255

    client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    disposition = served["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\x00" not in disposition and "\r" not in disposition and "\n" not in disposition
    if not document.filename.isascii():
        assert "filename*=UTF-8''" in disposition
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["Content-Type"] == "application/pdf"


def test_documents_of_a_restricted_collection_are_private(editor_client, client):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    response = upload_document(editor_client, "intern.pdf", PDF_BYTES, collection=collection.pk)
    assert response.status_code == 302
    document = get_document_model().objects.get()

    served = editor_client.get(document.url)
    assert served.status_code == 200
    assert "private" in served["Cache-Control"] and "no-store" in served["Cache-Control"]

    # An anonymous reader is sent to the login page, even with the file's ETag (GHSA-92hv).
    client.logout()
    anonymous = client.get(document.url, HTTP_IF_NONE_MATCH=f'"{document.file_hash}"')
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]


def test_public_documents_may_be_cached_by_shared_caches(editor_client, client):
    upload_document(editor_client, "javno.pdf", PDF_BYTES, published="on")
    document = get_document_model().objects.get()
    client.logout()
    assert client.get(document.url)["Cache-Control"].startswith("public")


def upload_image(client, name, content):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": root.pk},
    )


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_100_megapixel_jpeg_is_refused(editor_client):
    # Tried: a real 10000x10000 JPEG (about 1 MB); Wagtail's default 128 MP cap lets it in and
    # one resize costs close to 1 GB of memory. WAGTAILIMAGES_MAX_IMAGE_PIXELS is 40 MP.
    buffer = io.BytesIO()
    Image.new("L", (10_000, 10_000), 200).save(buffer, "JPEG", quality=30)
    response = upload_image(editor_client, "ortofoto.jpg", buffer.getvalue())
    errors = response.context["form"].errors["file"]
    expected = albanian_start(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    )
    assert any(expected in str(error) for error in errors), errors
    assert not get_image_model().objects.exists()


def png_of_size(width, height):
    """A real PNG, 1-bit grayscale, of any size, built without holding the pixels in memory."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_a_400_megapixel_png_is_refused(editor_client):
    # Tried: a 20000x20000 PNG that weighs a few hundred KB (decompression bomb).
    content = png_of_size(20_000, 20_000)
    assert len(content) < 1_000_000
    response = upload_image(editor_client, "bomb.png", content)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors
    assert not get_image_model().objects.exists()


def test_an_image_within_the_limits_is_accepted(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 80, 160)).save(buffer, "JPEG")
    response = upload_image(editor_client, "sheshi.jpg", buffer.getvalue())
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 800
