"""Back up and restore the whole site: the database and the media files, in one archive.

Format (docs/decisions/0052-backup-format.md): a gzipped tar with
  manifest.json   format version, date, database vendor, counts
  database.json   Django's dumpdata of every model (not the search index, rebuilt on restore)
  media/<name>    every file of the default storage (local disk or S3 alike)

Django's serialisation is used rather than pg_dump or the SQLite file so that one archive
restores on either database (and across PostgreSQL versions); the site is small enough for it.
"""

import io
import json
import logging
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
# Loaded after everything else: wagtail-localize syncs the page trees when one is saved, even
# from a fixture, and needs the locales and pages in place.
LOAD_LAST = {"wagtail_localize.localesynchronization"}


def derived_models():
    """The search index tables (which exist depends on the database): rebuilt on restore."""
    return [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label == "wagtailsearch" and model.__name__.endswith("IndexEntry")
    ]


class BackupError(Exception):
    pass


def storage_files(storage=default_storage, directory=""):
    """Every file name in the storage, recursively."""
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for name in directories:
        yield from storage_files(storage, f"{directory}/{name}" if directory else name)


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(tz=UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup_site(path):
    """Write the database and the media files to `path` (.tar.gz). Returns the manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.json"
        call_command(
            "dumpdata",
            exclude=derived_models(),
            output=str(dump),
            format="json",
            verbosity=0,
        )
        media = sorted(storage_files()) if default_storage.exists("") else []
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(tz=UTC).isoformat(),
            "database_vendor": connection.vendor,
            "objects": len(json.loads(dump.read_bytes())),
            "media_files": len(media),
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            archive.add(dump, arcname="database.json")
            for name in media:
                info = tarfile.TarInfo(f"media/{name}")
                info.size = default_storage.size(name)
                with default_storage.open(name, "rb") as handle:
                    archive.addfile(info, handle)
        partial.replace(path)  # never leave a half-written archive under the final name
    return manifest


def safe_media_name(member_name):
    relative = PurePosixPath(member_name).relative_to("media")
    if relative.is_absolute() or ".." in relative.parts or "\x00" in member_name:
        raise BackupError(f"Unsafe file name in the archive: {member_name!r}")
    return str(relative)


def flush_database():
    """Empty every table, also inside an outer transaction.

    PostgreSQL refuses TRUNCATE while deferred foreign-key checks of the same transaction are
    pending: they are run first, then deferred again for loaddata's forward references.
    """
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def restore_site(path):
    """Replace the database content and the media files with those of the archive at `path`.

    The database schema must be migrated (restore runs `migrate` first). Every row is
    replaced: the archive's content types and ids are loaded as they were.
    """
    with tarfile.open(path, "r:gz") as archive:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
        except KeyError as error:
            raise BackupError("Not a site backup: manifest.json is missing") from error
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unsupported backup format {manifest.get('format')!r}")
        media_members = [
            member
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith("media/")
        ]
        names = [safe_media_name(member.name) for member in media_members]

        call_command("migrate", interactive=False, verbosity=0)
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / "database.json"
            objects = json.load(archive.extractfile("database.json"))
            objects.sort(key=lambda item: item["model"] in LOAD_LAST)  # stable: order kept
            dump.write_text(json.dumps(objects), encoding="utf-8")
            with transaction.atomic():
                flush_database()
                call_command("loaddata", str(dump), verbosity=0)

        for member, name in zip(media_members, names, strict=True):
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise BackupError(f"Storage renamed {name!r} to {saved!r}")

    call_command("update_index", verbosity=0)
    return manifest
