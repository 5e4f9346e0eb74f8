"""The import from the old WordPress site (wordpress_import): counts, idempotence, states,
links, files, old addresses, hostile input."""

import csv
import io
import shutil
import struct
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from documents.models import MunicipalDocument
from media_office.models import PressReleasePage
from transparency.models import ActivityPage, DecisionMonthPage
from wordpress_import.content import clean
from wordpress_import.importer import Importer
from wordpress_import.mapping import load_mapping
from wordpress_import.models import ImportRecord, ImportStatus
from wordpress_import.wxr import parse

DATA = Path(__file__).resolve().parent / "data" / "wordpress"
EXPORT = DATA / "prizren.xml"
UPLOADS = DATA / "uploads"
OLD = "https://kk.rks-gov.net/prizren"


def run_import(tmp_path, export=EXPORT, uploads=UPLOADS, *extra):
    out = io.StringIO()
    call_command(
        "import_wordpress", str(export), "--uploads", str(uploads),
        "--report", str(tmp_path / "report.csv"), *extra, stdout=out,
    )  # fmt: skip
    return out.getvalue()


def page_of(post_id):
    return ImportRecord.objects.get(key=f"post:{post_id}").page.specific


def follow_once(client, url):
    response = client.get(url)
    assert response.status_code == 301, (url, response.status_code)
    location = response["Location"]
    if location.startswith(settings.MEDIA_URL):
        # Images are files under MEDIA_URL, which nginx serves (not Django, in tests).
        assert (Path(settings.MEDIA_ROOT) / location.removeprefix(settings.MEDIA_URL)).is_file()
        return location, SimpleNamespace(status_code=200)
    return location, client.get(location)


@pytest.fixture
def imported(demo_site, tmp_path):
    return run_import(tmp_path)


def test_the_old_site_comes_in_with_its_states_links_files_and_addresses(
    imported, client, tmp_path
):
    # Counts per type: 7 files of 8 (one is missing), 4 decision posts on 3 months, one
    # consultation, 8 Albanian press releases (one of a Polylang sq/sr/tr group), 3 pages, 1 held.
    assert "1 files missing" in imported and "2 comments not imported" in imported
    records = ImportRecord.objects
    assert records.filter(wp_type="attachment", status=ImportStatus.REDIRECTED).count() == 7
    assert records.get(key="post:107").status == ImportStatus.FILE_MISSING
    assert "raport-mungon.pdf" in records.get(key="post:107").reason
    assert MunicipalDocument.objects.count() == 6
    months = DecisionMonthPage.objects.filter(locale__language_code="sq")
    assert sorted(months.values_list("month", flat=True)) == [1, 2, 3]
    february = months.get(month=2)
    assert sorted(row.document.language for row in february.documents.all()) == ["sq", "sr-latn"]
    consultation = ActivityPage.objects.get(locale__language_code="sq")
    assert [row.kind for row in consultation.documents.all()] == ["minutes"]
    imported_pages = records.filter(wp_type="post").values("page_id")
    releases = PressReleasePage.objects.filter(pk__in=imported_pages, locale__language_code="sq")
    assert releases.count() == 8
    assert records.get(key="post:250").status == ImportStatus.HELD
    held = page_of(250)
    assert not held.live and held.get_parent().slug == "nga-uebfaqja-e-vjeter"
    assert records.get(key="post:400").status == ImportStatus.SKIPPED

    # The page tree keeps its shape under the home page.
    form = page_of(302)
    assert [page.slug for page in form.get_ancestors()[2:]] == [
        "prizren-4",
        "qasja-ne-dokumente-zyrtare",
    ]

    # States: the draft stays a draft, the private post a login-restricted unpublished page,
    # the scheduled post scheduled for its date (09:00 in Prizren = 08:00 UTC), none live.
    draft, private, scheduled = page_of(240), page_of(241), page_of(242)
    assert not draft.live and draft.go_live_at is None
    assert not private.live and private.get_view_restrictions().get().restriction_type == "login"
    assert not scheduled.live
    assert scheduled.go_live_at.isoformat() == "2030-01-15T08:00:00+00:00"
    assert Revision.page_revisions.filter(
        object_id=str(scheduled.pk), approved_go_live_at__isnull=False
    ).exists()
    # Dates kept: the release of 10 May 2023 10:00 in Prizren.
    news = page_of(220)
    assert news.date.isoformat() == "2023-05-10T08:00:00+00:00"
    assert news.first_published_at.isoformat() == "2023-05-10T08:00:00+00:00"
    assert news.lead == "Sheshi i Shadërvanit rinovohet këtë verë."

    # Rewritten links: to pages and documents imported, whatever their order in the file.
    body = news.body.raw_data[0]["value"]
    assert f'<a id="{page_of(301).pk}" linktype="page">' in body
    assert f'<a id="{page_of(210).pk}" linktype="page">' in body
    assert 'linktype="document"' in body and "kk.rks-gov.net" not in body
    assert [block.block_type for block in news.body] == ["paragraph", "image", "attachment"]
    assert "fusion_builder" not in body and "Tekst brenda" in body
    hostile = page_of(222).body.raw_data[0]["value"]
    assert hostile == "<p>Tekst lidhje e keqe dhe tjetra</p>"

    # Translations: one translation key, each language its own text and slug.
    sq, sr, tr = page_of(230), page_of(231), page_of(232)
    assert sq.translation_key == sr.translation_key == tr.translation_key
    assert (sr.locale.language_code, sr.slug, sr.alias_of_id) == ("sr-latn", "dan-prizrena", None)
    assert (tr.locale.language_code, tr.lead) == ("tr", "1 Haziran'da şehir bayramı.")

    # Every old address of a published item answers 301 to a page or document that answers 200.
    paths = set(
        Redirect.objects.filter(old_path__startswith="/prizren").values_list("old_path", flat=True)
    )
    assert len(paths) > 60
    for path in paths:
        location, target = follow_once(client, path)
        assert target.status_code == 200, (path, location, target.status_code)
    for url in (
        f"{OLD}/news/komuna-rinovon-sheshin/",
        f"{OLD}/prizren-4/qasja-ne-dokumente-zyrtare/",
        f"{OLD}/category/pytjet-dhe-pergjigjet-e-kuvendarve/",
        f"{OLD}/wp-content/uploads/sites/26/2023/01/vendimet-janar-2023.pdf",
        f"{OLD}/wp-content/uploads/sites/26/2023/05/foto-sheshi-300x200.jpg",
        f"{OLD}/?p=220",
        f"{OLD}/?page_id=301&utm_source=facebook",
    ):
        path = url.removeprefix("https://kk.rks-gov.net")
        location, target = follow_once(client, path)
        assert target.status_code == 200, (url, location)
    assert follow_once(client, "/prizren/?p=220")[0] == news.url
    # Not public on the old site, not public here: no redirect reveals them.
    for path in ("/prizren/news/shenim-i-brendshem/", "/prizren/news/njoftim-i-planifikuar/"):
        response = client.get(path, follow=True)
        assert response.status_code == 404
        assert all(status != 301 for _url, status in response.redirect_chain)
    assert client.get(private.url).status_code in (302, 404)

    # The report: CSV and the admin view.
    with open(tmp_path / "report.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == ImportRecord.objects.count()
    statuses = {row["status"] for row in rows}
    assert {"redirected", "file_missing", "held", "skipped", "imported"} <= statuses
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    client.force_login(admin)
    response = client.get("/admin/wordpress-import/?status=file_missing")
    assert response.status_code == 200
    assert "raport-mungon.pdf" in response.content.decode()

    # A second run creates nothing and changes nothing.
    pages, revisions = Page.objects.count(), Revision.objects.count()
    redirects, documents = Redirect.objects.count(), MunicipalDocument.objects.count()
    again = run_import(tmp_path)
    assert again.startswith("WXR 1.2") and "\n0 created, 0 updated," in again, again
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert (Redirect.objects.count(), MunicipalDocument.objects.count()) == (redirects, documents)


def test_an_interrupted_run_continues_where_it_stopped(demo_site, tmp_path):
    export, mapping = parse(EXPORT), load_mapping()

    def stop_after_ten(done, total, label):
        if done == 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Importer(export, UPLOADS, mapping, progress=stop_after_ten).run()
    assert ImportRecord.objects.count() == 10
    pages = Page.objects.count()
    counts = Importer(export, UPLOADS, mapping).run()
    # The ten done before: seven files and two pages unchanged, the missing file still missing.
    assert (counts.unchanged, counts.file_missing) == (9, 1) and counts.created > 0
    assert Page.objects.count() > pages
    again = Importer(export, UPLOADS, mapping).run()
    assert (again.created, again.updated) == (0, 0)


def test_a_dry_run_prints_the_plan_and_changes_nothing(demo_site, tmp_path):
    pages = Page.objects.count()
    output = run_import(tmp_path, EXPORT, UPLOADS, "--dry-run")
    assert "dry run: nothing was changed" in output
    assert "231 post" in output and "translation of 230" in output
    assert Page.objects.count() == pages and not ImportRecord.objects.exists()


# --- hostile and unusual exports --------------------------------------------------------------


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_broken_truncated_or_mis_declared_files_import_nothing(demo_site, tmp_path):
    text = EXPORT.read_text(encoding="utf-8")
    cases = {
        "truncated.xml": (text[: len(text) // 2], "truncated"),
        "broken.xml": (text.replace("</wp:post_id>", "", 1), "not well-formed"),
        "latin1.xml": (text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "ISO-8859-1"),
        "bomb.xml": (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            "<rss><channel>&b;</channel></rss>",
            "DTD",
        ),
        "empty.xml": ("", "empty"),
        "not-wxr.xml": ("<rss><channel><title>x</title></channel></rss>", "wxr_version"),
    }
    pages = Page.objects.count()
    for name, (content, message) in cases.items():
        with pytest.raises(CommandError, match=message):
            run_import(tmp_path, write(tmp_path, name, content))
    assert Page.objects.count() == pages and not ImportRecord.objects.exists()


@pytest.mark.parametrize(
    "namespace",
    [
        "http://wordpress.org/export/1.0/",
        "http://wordpress.org/export/1.1/",
        "https://wordpress.org/export/1.2/",
    ],
)
def test_every_wxr_version_and_both_namespace_forms_are_read(namespace, tmp_path):
    text = EXPORT.read_text(encoding="utf-8")
    version = namespace.rstrip("/").rsplit("/", 1)[1]
    text = text.replace("http://wordpress.org/export/1.2/", namespace).replace(
        "<wp:wxr_version>1.2<", f"<wp:wxr_version>{version}<"
    )
    path = write(tmp_path, "export.xml", text)
    export = parse(path)
    assert export.version == version
    assert len(export.items) == 28
    news = next(item for item in export.items if item.post_id == 220)
    assert news.excerpt.startswith("Sheshi") and news.meta["_thumbnail_id"] == "106"
    assert {term.slug for term in news.terms_of("category")} == {"lajme"}


def test_wxr_1_0_categories_without_nicename_are_kept(tmp_path):
    text = EXPORT.read_text(encoding="utf-8").replace(
        '<category domain="category" nicename="lajme"><![CDATA[Lajme]]></category>',
        "<category><![CDATA[Lajme]]></category>",
    )
    news = next(
        item for item in parse(write(tmp_path, "old.xml", text)).items if item.post_id == 220
    )
    assert "lajme" in {term.slug for term in news.terms_of("category")}


def png_of_size(width, height):
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_huge_posts_oversized_images_and_disguised_files_are_report_lines(demo_site, tmp_path):
    uploads = tmp_path / "uploads"
    shutil.copytree(UPLOADS, uploads)
    folder = uploads / "sites/26/2023/05"
    (folder / "ortofoto.png").write_bytes(png_of_size(8000, 5001))  # 40.008 megapixels
    (folder / "raport-mungon.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    text = EXPORT.read_text(encoding="utf-8")
    huge = "<p>" + "fjalë " * 1_000_000 + "</p>"
    text = text.replace("Diçka tjetër.", huge)
    text = text.replace("2023/05/foto-sheshi.jpg", "2023/05/ortofoto.png")
    export = write(tmp_path, "hostile.xml", text)
    output = run_import(tmp_path, export, uploads)
    assert "WXR 1.2" in output
    image = ImportRecord.objects.get(key="post:106")
    # The reason is the upload form's own message, in the active language, with the count.
    assert image.status == ImportStatus.SKIPPED and "40008000" in image.reason
    assert not image.image_id
    disguised = ImportRecord.objects.get(key="post:107")
    assert disguised.status == ImportStatus.SKIPPED and disguised.reason
    assert not disguised.document_id
    assert not MunicipalDocument.objects.filter(title="Raporti që mungon").exists()
    big = ImportRecord.objects.get(key="post:250")
    assert big.status == ImportStatus.SKIPPED and "larger" in big.reason
    # The rest came in: the release that used the image is imported without it.
    assert page_of(220).live and [b.block_type for b in page_of(220).body] == [
        "paragraph",
        "attachment",
    ]


def test_content_cleaning_keeps_text_and_drops_what_could_run():
    cleaned = clean(
        '<p style="x">A<script>b()</script> <a href="javascript:c()">d</a> '
        '<a href="data:text/html,e">f</a> <a href="https://ok.example/">g</a></p>'
        "<!-- wp:quote --><blockquote>h</blockquote><!-- /wp:quote -->[unknown x=1]i[/unknown]"
        '<img src="x" onerror="y()"><h2>Titull</h2>plain\n\nsecond'
    )
    assert cleaned.html == (
        '<p>A d f <a href="https://ok.example/">g</a></p><p>h</p><p>i</p>'
        "<p><b>Titull</b></p><p>plain second</p>"
    )
    assert "script" not in cleaned.html and "style" not in cleaned.html
    assert cleaned.dropped_links == 2
