"""Channels × states (tests/visibility_matrix.py): every cell closed for an anonymous reader,
and open where it must be (after publication, after the password, for the group).

The states' world is built once per module, inside a transaction rolled back at the end; each
test runs in a savepoint of it (pytest-django's `db`), so a test that publishes something
leaves nothing behind. Runs on SQLite and on PostgreSQL (DATABASE_URL).
"""

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from core.seeding import DemoReport, ensure_locale_synchronization, ensure_locales, sync_trees
from documents.models import MunicipalDocument, TextStatus
from home.demo_content import ensure_home_page
from media_office.models import (
    Delivery,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
    Subscription,
    Topic,
)
from media_office.tasks import send_release
from tests import visibility_matrix as matrix
from transparency.choices import ActivityKind
from transparency.models import (
    ActivityDocument,
    ActivityIndexPage,
    ActivityPage,
    DecisionArchivePage,
    DecisionMonthDocument,
    DecisionMonthPage,
    DecisionYearPage,
    TransparencyIndexPage,
)

PASSWORD = "fjalekalimi-i-faqes"
KINDS = ("release", "consultation", "decisions")


def marker(state):
    """A word found nowhere else, the same in every language's normaliser."""
    return "vzm" + "".join(ch for ch in state if ch.isalpha())[:14] + "x"


def make_document(title, text, collection=None):
    document = MunicipalDocument(
        title=title, language="sq", text=text, text_status=TextStatus.EXTRACTED
    )
    if collection is not None:
        document.collection = collection
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n" + text.encode()), save=False)
    document.save()
    return document


class World:
    """The site and, per state, its subject pages (a release, a consultation, a month of
    decisions) and the release's attachment, each carrying the state's marker."""

    def __init__(self):
        self.pages = {}  # state -> {kind: page}
        self.documents = {}  # state -> document
        self.restrictions = {}  # state -> [PageViewRestriction]

    def subject_urls(self, state):
        """Every URL that shows the state's subject: its pages in each language, its file."""
        urls = set()
        for page in self.pages.get(state, {}).values():
            for translation in Page.objects.filter(translation_key=page.translation_key):
                url = translation.get_url()
                if url:
                    urls.add(url)
        document = self.documents.get(state)
        if document is not None:
            urls.add(document.url)
        return urls


def build_world():
    now = timezone.now()
    today = date.today()
    ensure_locales()
    home = ensure_home_page(DemoReport())
    ensure_locale_synchronization()
    world = World()
    world.home = home
    index = home.add_child(instance=PressReleaseIndexPage(title="Njoftime", slug="njoftime"))
    index.save_revision().publish()
    world.index = index
    world.topic = Topic.objects.create(name="Buxheti", slug="buxheti", locale=home.locale)
    transparency = home.add_child(instance=TransparencyIndexPage(title="Transparenca", slug="tr"))
    transparency.save_revision().publish()
    consultations = transparency.add_child(
        instance=ActivityIndexPage(
            title="Konsultimet", slug="konsultimet", kind=ActivityKind.CONSULTATION
        )
    )
    consultations.save_revision().publish()
    world.consultations = consultations
    archive = transparency.add_child(
        instance=DecisionArchivePage(title="Vendimet", slug="vendimet")
    )
    archive.save_revision().publish()
    world.archive = archive
    year = archive.add_child(instance=DecisionYearPage(title="2026", slug="2026", year=2026))
    year.save_revision().publish()

    group = Group.objects.create(name="Këshilli")
    private = Collection.get_first_root_node().add_child(name="E brendshme")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    world.group = group

    Subscription.objects.create(email="gazetare@example.org", language="sq", confirmed_at=now)

    def release(state, title, *, document=None, live=True, slug=None, date=None):
        page = PressReleasePage(
            live=live,
            title=title,
            slug=slug or f"release-{marker(state)}",
            lead=f"Njoftim {title}.",
            date=date or now - timedelta(minutes=10),
            body=[("attachment", {"document": document, "title": ""})] if document else [],
        )
        page.topic_links.add(PressReleaseTopic(topic=world.topic))
        index.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return PressReleasePage.objects.get(pk=page.pk)

    def consultation(state, title, number, *, document=None, live=True, slug=None):
        page = ActivityPage(
            live=live,
            title=title,
            slug=slug or f"consultation-{marker(state)}",
            kind=ActivityKind.CONSULTATION,
            year=2026,
            number=number,
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=10),
        )
        if document is not None:
            page.documents = [ActivityDocument(document=document)]
        consultations.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return ActivityPage.objects.get(pk=page.pk)

    def decisions(state, title, month, *, document=None, live=True, slug=None):
        page = DecisionMonthPage(
            live=live,
            title=title,
            slug=slug or f"decisions-{marker(state)}",
            year=2026,
            month=month,
        )
        if document is not None:
            page.documents = [DecisionMonthDocument(document=document)]
        year.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return DecisionMonthPage.objects.get(pk=page.pk)

    # A public subject in every channel: proof that each probe finds what is open.
    world.public_document = make_document("Publik vzmpublicx", "vzmpublicx")
    world.documents["public"] = world.public_document
    world.pages["public"] = {
        "release": release("public", "Publik vzmpublicx", document=world.public_document),
        "consultation": consultation("public", "Publik vzmpublicx", 99),
        "decisions": decisions("public", "Publik vzmpublicx", 12),
    }

    for number, state in enumerate(matrix.STATE_NAMES, start=1):
        word = marker(state)
        title = f"Subjekti {word}"
        document_title = f"Dokumenti {word}"
        pages = {}
        if state == "unattached-upload":
            world.documents[state] = make_document(document_title, f"Teksti {word}")
            continue
        if state == "private-collection":
            document = make_document(document_title, f"Teksti {word}", collection=private)
            world.documents[state] = document
            # The release that carries it is public: only the file is closed.
            release(state, "Njoftim me dokument të brendshëm", document=document, slug="host")
            continue
        document = make_document(document_title, f"Teksti {word}")
        world.documents[state] = document
        if state == "draft":
            pages["release"] = release(state, title, document=document, live=False)
            pages["consultation"] = consultation(state, title, number, live=False)
            pages["decisions"] = decisions(state, title, number, live=False)
        elif state == "draft-revision":
            # Published without the marker (title, lead, slug); the draft adds it all.
            neutral = "Faqe e publikuar pa ndryshime"
            pages["release"] = release(state, neutral, slug="release-neutral")
            pages["consultation"] = consultation(state, neutral, number, slug="consultation-n")
            pages["decisions"] = decisions(state, neutral, number, slug="decisions-neutral")
            for kind, page in pages.items():
                page.title = title
                page.slug = f"{kind}-{word}"
                if kind == "release":
                    page.lead = f"Njoftim {title}."
                    page.body = [("attachment", {"document": document, "title": ""})]
                page.save_revision()  # "Save draft": the live row keeps the published content
        elif state == "scheduled":
            later = now + timedelta(days=3)
            pages["release"] = release(state, title, document=document, date=later)
            for kind, make in (("consultation", consultation), ("decisions", decisions)):
                page = make(state, title, number, live=False)
                page.go_live_at = later
                page.save_revision().publish()
                pages[kind] = type(page).objects.get(pk=page.pk)
        elif state == "future-release-date":
            pages["release"] = release(state, title, document=document)
            PressReleasePage.objects.filter(pk=pages["release"].pk).update(
                date=now + timedelta(days=1)
            )
            pages["consultation"] = consultation(state, f"Kontroll {number}", number, live=False)
            pages["decisions"] = decisions(state, f"Kontroll {number}", number, live=False)
        else:
            pages["release"] = release(state, title, document=document)
            pages["consultation"] = consultation(state, title, number)
            pages["decisions"] = decisions(state, title, number)
            if state in ("password-page", "login-page"):
                restriction_type = (
                    PageViewRestriction.PASSWORD
                    if state == "password-page"
                    else PageViewRestriction.LOGIN
                )
                world.restrictions[state] = [
                    PageViewRestriction.objects.create(
                        page=page,
                        restriction_type=restriction_type,
                        password=PASSWORD if state == "password-page" else "",
                    )
                    for page in pages.values()
                ]
            elif state == "unpublished":
                for page in pages.values():
                    page.unpublish()
            elif state == "deleted":
                for page in pages.values():
                    page.delete()
        world.pages[state] = {
            kind: type(page).objects.filter(pk=page.pk).first() or page
            for kind, page in pages.items()
        }

    # The Serbian and Turkish trees: aliases of every page not translated (wagtail-localize).
    sync_trees()
    aliases = Page.objects.filter(alias_of__in=[p.pk for p in world.pages["scheduled"].values()])
    # What the issue saw: the aliases of a scheduled release live while the source is not.
    aliases.update(live=True)
    source_ids = [page.pk for page in world.pages["alias-of-closed-source"].values()]
    Page.objects.filter(pk__in=source_ids).update(live=False)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


# --- the probes: does the channel show the state's subject? ---------------------------------


def _any_url_in(text, urls):
    return any(url in text for url in urls)


def probe(channel, state, world, client):
    word = marker(state)
    urls = world.subject_urls(state)
    pages = world.pages.get(state, {})
    document = world.documents.get(state)
    if channel == "page":
        page = pages.get("release")
        if page is None:
            return False
        page = Page.objects.filter(pk=page.pk).first() or page  # a publish may move it
        if state == "alias-of-closed-source":
            alias = Page.objects.filter(alias_of=page, locale__language_code="sr-latn").first()
            url = alias.get_url()
        else:
            url = page.get_url() or f"/sq/njoftime/{page.slug}/"
        response = client.get(url)
        # The lead ends with the marker: a form that only repeats the URL does not count.
        return response.status_code == 200 and f"{word}." in response.content.decode()
    if channel == "document":
        response = client.get(document.url)
        return response.status_code == 200 and b"".join(response.streaming_content).startswith(
            b"%PDF"
        )
    if channel.startswith("search-"):
        _, kind, language = channel.split("-", 2)
        suffix = "&format=json" if kind == "json" else ""
        response = client.get(f"/{language}/search/?q={word}{suffix}")
        assert response.status_code == 200
        if kind == "json":
            found = [result["url"] for result in json.loads(response.content)["results"]]
            snippets = [result["snippet"] for result in json.loads(response.content)["results"]]
            return bool(set(found) & urls) or any(word in snippet for snippet in snippets)
        return _any_url_in(response.content.decode(), urls)
    if channel.startswith("feed-"):
        base = {
            "feed-press-rss": (world.index, ["feed/rss/"]),
            "feed-press-atom": (world.index, ["feed/atom/"]),
            "feed-press-topic": (world.index, ["feed/buxheti/rss/", "feed/buxheti/atom/"]),
            "feed-consultations": (world.consultations, ["feed/rss/", "feed/atom/"]),
            "feed-decisions": (world.archive, ["feed/rss/", "feed/atom/"]),
        }[channel]
        listing, suffixes = base
        for suffix in suffixes:
            response = client.get(listing.get_url() + suffix)
            assert response.status_code == 200
            text = response.content.decode()
            if word in text or (document is not None and document.url in text):
                return True
        return False
    if channel == "sitemap":
        text = client.get("/sitemap.xml").content.decode()
        return word in text
    if channel == "home":
        response = client.get("/sq/")
        assert response.status_code == 200
        return word in response.content.decode()
    if channel == "open-data":
        for path in (
            "consultations-hearings-meetings.json",
            "consultations-hearings-meetings.csv",
            "mayor-decisions-by-month.json",
            "mayor-decisions-by-month.csv",
        ):
            response = client.get(f"/open-data/{path}")
            assert response.status_code == 200
            if word in response.content.decode():
                return True
        return False
    if channel == "email":
        Delivery.objects.all().delete()
        mail.outbox = []
        release = pages.get("release")
        if release is None:
            return False
        for page in Page.objects.filter(translation_key=release.translation_key):
            send_release(page.pk)
        return any(word in message.subject + message.body for message in mail.outbox)
    raise AssertionError(f"no probe for {channel}")


# --- openers: who or what opens a state ------------------------------------------------------


def open_state(state, opener, world, client):
    pages = world.pages.get(state, {})
    if opener == "published":
        if state == "unattached-upload":
            document = world.documents[state]
            document.published = True
            document.save()
            return
        for page in pages.values():
            page = Page.objects.get(pk=page.pk).specific
            page.get_latest_revision().publish()
        return
    if opener == "released":
        past = timezone.now() - timedelta(minutes=2)
        for page in pages.values():
            page = Page.objects.get(pk=page.pk).specific
            if state == "future-release-date":
                PressReleasePage.objects.filter(translation_key=page.translation_key).update(
                    date=past
                )
                continue
            revision = page.latest_revision
            if "date" in revision.content and isinstance(page, PressReleasePage):
                revision.content["date"] = past.isoformat()
            revision.content["go_live_at"] = past.isoformat()
            revision.approved_go_live_at = past
            revision.save()
        if state == "scheduled":
            call_command("publish_scheduled", stdout=open("/dev/null", "w"))
        return
    if opener == "group-member":
        user = get_user_model().objects.create_user("anetar", password="x")
        user.groups.add(world.group)
        client.force_login(user)
        return
    if opener == "logged-in":
        client.force_login(get_user_model().objects.create_user("lexues", password="x"))
        return
    if opener == "password":
        for restriction in world.restrictions[state]:
            page = restriction.page
            response = client.post(
                reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
                {"password": PASSWORD, "return_url": "/sq/"},
            )
            assert response.status_code == 302, response.content[:300]
        return
    raise AssertionError(f"no opener {opener}")


# --- the matrix ------------------------------------------------------------------------------


@pytest.mark.parametrize("channel", matrix.CHANNEL_NAMES)
def test_public_subject_is_open(world, client, db, channel):
    """The control: a public page and document are found by every probe."""
    assert probe(channel, "public", world, client) is True


@pytest.mark.parametrize(
    ("channel", "state"),
    matrix.closed_cells(),
    ids=[matrix.cell_id(*c) for c in matrix.closed_cells()],
)
def test_closed(world, client, db, channel, state):
    assert probe(channel, state, world, client) is False


@pytest.mark.parametrize(
    ("channel", "state", "opener"),
    matrix.open_cells(),
    ids=[matrix.cell_id(*c) for c in matrix.open_cells()],
)
def test_open(world, client, db, channel, state, opener):
    open_state(state, opener, world, client)
    assert probe(channel, state, world, client) is True
