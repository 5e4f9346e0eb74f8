"""Files of WordPress attachments, taken from the local copy of wp-content/uploads.

Nothing is downloaded. Each file is checked as an upload through the admin is: documents by
extension, size and content (documents/forms.py), images by Wagtail's image field (format,
size, pixels). Text extraction and OCR follow from saving the document (documents/signals.py,
through the task queue).
"""

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.utils.file import hash_filelike

from documents.forms import SNIFF_BYTES, check_document_bytes, extension_of

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
UPLOADS = re.compile(r"/wp-content/uploads/(?:sites/\d+/)?(.+)$")
RESIZED = re.compile(r"-\d+x\d+(\.[A-Za-z0-9]+)$")


class FileProblem(Exception):
    """The file is missing or refused; the message says why (for the report)."""

    def __init__(self, message, missing=False):
        super().__init__(message)
        self.missing = missing


@dataclass
class StoredFile:
    kind: str  # "document" | "image"
    obj: object
    created: bool


def upload_path(url):
    """The part of an uploads URL after wp-content/uploads/ (and sites/N/ on a multisite):
    `2023/03/vendimet.pdf`; None if the URL is not an uploads URL."""
    path = unquote(urlsplit(url).path)
    match = UPLOADS.search(path)
    return match.group(1) if match else None


def original_of(relative):
    """WordPress's resized copies (`plan-300x200.jpg`) stand for the original file."""
    return RESIZED.sub(r"\1", relative)


def local_file(uploads_dir, item):
    """The file of an attachment in the uploads copy, never outside it."""
    root = Path(uploads_dir).resolve()
    candidates = []
    relative = item.meta.get("_wp_attached_file") or upload_path(item.attachment_url) or ""
    if relative:
        candidates.append(relative)
    from_url = unquote(urlsplit(item.attachment_url).path)
    match = re.search(r"/wp-content/uploads/(.+)$", from_url)
    if match:
        candidates.append(match.group(1))  # a copy of the whole uploads folder (sites/26/...)
    for candidate in candidates:
        parts = PurePosixPath(candidate).parts
        if not parts or ".." in parts or candidate.startswith("/"):
            continue
        path = (root / candidate).resolve()
        if path.is_relative_to(root) and path.is_file():
            return path
        for site_dir in sorted(root.glob("sites/*")):
            path = (site_dir / candidate).resolve()
            if path.is_relative_to(root) and path.is_file():
                return path
    shown = relative or item.attachment_url or f"attachment {item.post_id}"
    raise FileProblem(f"file missing in the uploads copy: {shown}", missing=True)


def check_document(path):
    extension = extension_of(path.name)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise FileProblem(f"file type .{extension} is not accepted as a document")
    size = path.stat().st_size
    if size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        raise FileProblem(f"{size} bytes, over the {settings.WAGTAILDOCS_MAX_UPLOAD_SIZE} allowed")
    with path.open("rb") as handle:
        error = check_document_bytes(path.name, handle.read(SNIFF_BYTES))
    if error:
        raise FileProblem(str(error))


def check_image(path):
    field = WagtailImageField()
    with path.open("rb") as handle:
        try:
            field.clean(File(handle, name=path.name))
        except ValidationError as error:
            raise FileProblem(" ".join(str(message) for message in error.messages)) from error


def kind_of(path):
    return "image" if extension_of(path.name) in IMAGE_EXTENSIONS else "document"


def store_file(path, title, language, *, existing=None):
    """The document or image of a checked file: `existing` if it holds the same bytes, one
    already uploaded with the same bytes, or a new one."""
    kind = kind_of(path)
    (check_image if kind == "image" else check_document)(path)
    model = get_image_model() if kind == "image" else get_document_model()
    with path.open("rb") as handle:
        digest = hash_filelike(handle)
    if existing is not None and isinstance(existing, model) and existing.file_hash == digest:
        return StoredFile(kind, existing, False)
    found = model.objects.filter(file_hash=digest).first()
    if found is not None:
        return StoredFile(kind, found, False)
    values = {"title": (title or path.stem)[:255]}
    if kind == "document":
        values["language"] = language
    obj = model(**values)
    with path.open("rb") as handle:
        obj.file.save(path.name, File(handle), save=False)
    if kind == "document":
        obj._set_document_file_metadata()
    else:
        obj._set_image_file_metadata()
    obj.file_hash = digest
    obj.save()
    return StoredFile(kind, obj, True)
