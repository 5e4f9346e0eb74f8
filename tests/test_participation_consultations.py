"""Comments on open consultations: submitted, classified, counted in the published report."""

import json
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from participation.compliance import consultation_items, decision_month_items
from participation.models import CommentStatus, ConsultationComment
from participation.reports import publish_report_table, report_table
from tests.participation_helpers import add_consultation, build_small_site, human_timestamp

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>"><svg/onload=alert(1)>'


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def site(db):
    return build_small_site()


@pytest.fixture
def open_consultation(site):
    today = timezone.localdate()
    return add_consultation(
        site["sq"], opens_on=today - timedelta(days=3), closes_on=today + timedelta(days=10)
    )


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def comment_url(page):
    return reverse("consultation_comment", args=[page.pk])


def comment_data(**overrides):
    data = {
        "text": "Propozoj që taksa për bizneset e vogla të ulet me 10%.",
        "language": "sq",
        "name": "",
        "email": "",
        "gender": "",
        "website": "",
        "rendered_at": human_timestamp(),
    }
    data.update(overrides)
    return data


def test_comment_submitted_classified_and_counted_in_the_published_table(
    client, open_consultation, django_user_model
):
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    posts = [
        comment_data(email="arta@example.org", gender="woman"),
        comment_data(email="ARTA@example.org", text="Edhe një koment."),  # same person
        comment_data(gender="man", name="Ilir"),
        comment_data(language="tr", text="Küçük işletmeler için vergi indirimi istiyorum."),
    ]
    for data in posts:
        response = client.post(comment_url(open_consultation), data)
        assert response.status_code == 302
    comments = list(ConsultationComment.objects.order_by("pk"))
    assert len(comments) == 4
    assert all(comment.consultation_id == open_consultation.pk for comment in comments)
    assert comments[3].language == "tr"
    assert report_table(open_consultation).pending == 4

    comments[0].classify(CommentStatus.ACCEPTED, user=editor)
    comments[1].classify(
        CommentStatus.PARTIALLY_ACCEPTED, reason="Pjesërisht në buxhet.", user=editor
    )
    comments[2].classify(CommentStatus.REFUSED, reason="Jashtë kompetencës.", user=editor)
    with translation.override("en"), pytest.raises(Exception, match="not classified"):
        publish_report_table(open_consultation)  # one comment still pending
    comments[3].classify(CommentStatus.ACCEPTED, user=editor)
    assert comments[3].moderated_by == editor and comments[3].moderated_at

    table = publish_report_table(open_consultation, user=editor)
    assert table.as_dict() == {
        "participants": {"women": 1, "men": 1, "not_stated": 1, "total": 3},
        "comments": {"refused": 1, "accepted": 2, "partially_accepted": 1, "total": 4},
    }
    page = type(open_consultation).objects.get(pk=open_consultation.pk)
    assert (page.participants_women, page.participants_men, page.participants_total) == (1, 1, 3)
    assert (page.comments_refused, page.comments_accepted) == (1, 2)
    assert (page.comments_partially_accepted, page.comments_total) == (1, 4)
    assert page.live and not page.has_unpublished_changes

    html = Template("{% load participation_tags %}{% consultation_report_table page %}").render(
        Context({"page": page})
    )
    assert "<caption>" in html and '<th scope="col" class="number">' in html
    cells = [cell.split("</td>")[0] for cell in html.split('<td class="number">')[1:]]
    assert cells == ["1", "1", "3", "1", "2", "1", "4"]


def test_refusal_needs_a_reason(open_consultation):
    comment = ConsultationComment.objects.create(consultation=open_consultation, text="x")
    with translation.override("en"), pytest.raises(Exception, match="reason"):
        comment.classify(CommentStatus.REFUSED)


def test_comment_from_the_serbian_tree_belongs_to_the_albanian_consultation(
    client, open_consultation, site
):
    serbian = open_consultation.get_translation(site["sr-latn"].locale)
    response = client.post(comment_url(serbian), comment_data(language="sr-latn"))
    assert response.status_code == 302
    assert ConsultationComment.objects.get().consultation_id == open_consultation.pk


def test_form_is_offered_only_while_the_consultation_is_open(client, site, open_consultation):
    today = timezone.localdate()
    closed = add_consultation(
        site["sq"],
        opens_on=today - timedelta(days=30),
        closes_on=today - timedelta(days=20),
        number=2,
    )
    tag = Template("{% load participation_tags %}{% consultation_comment_form page %}")
    request = Client().get("/").wsgi_request
    assert 'name="text"' in tag.render(Context({"page": open_consultation, "request": request}))
    assert tag.render(Context({"page": closed, "request": request})).strip() == ""
    response = client.post(comment_url(closed), comment_data())
    assert response.status_code == 400
    assert ConsultationComment.objects.count() == 0


def test_validation_failure_keeps_the_comment(client, open_consultation):
    text = "Një koment i gjatë që nuk duhet humbur, me shkronja ë dhe ç."
    response = client.post(comment_url(open_consultation), comment_data(text=text, email="jo"))
    assert response.status_code == 200
    assert text in response.content.decode()
    assert ConsultationComment.objects.count() == 0


# Hostile inputs (reference/bad-inputs.md 14-24)


def test_script_in_comment_and_name_is_escaped_in_the_admin(
    client, admin_client, open_consultation
):
    # Tried: <script>, <img onerror> and a broken-out <svg onload> in the comment and the name.
    response = client.post(comment_url(open_consultation), comment_data(text=HOSTILE, name="Ana"))
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    comment.name = HOSTILE  # a name that passed through the admin, never the form
    comment.save()
    list_url = reverse("wagtailsnippets_participation_consultationcomment:list")
    edit_url = reverse("wagtailsnippets_participation_consultationcomment:edit", args=[comment.pk])
    report_url = reverse("participation_consultation_report", args=[open_consultation.pk])
    for url in (list_url, edit_url, report_url, reverse("participation_compliance")):
        content = admin_client.get(url).content.decode()
        assert "<script>alert(1)" not in content
        assert "<svg/onload" not in content and "<img src=x" not in content


def test_formula_in_the_name_is_escaped_in_the_csv_export(admin_client, open_consultation):
    # Tried: =HYPERLINK, +cmd and @SUM formulas in the name, exported as CSV from the admin.
    for name in ('=HYPERLINK("http://evil.example","Kliko")', "+cmd|' /C calc'!A0", "@SUM(1+1)"):
        ConsultationComment.objects.create(consultation=open_consultation, text="t", name=name)
    list_url = reverse("wagtailsnippets_participation_consultationcomment:list")
    response = admin_client.get(list_url, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content and "'+cmd" in content and "'@SUM" in content
    for line in content.splitlines():
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@"))


def test_nul_byte_and_header_injection_are_validation_errors(client, open_consultation):
    # Tried: a NUL byte in the comment, then a CRLF + Bcc header in the name.
    for data in (
        comment_data(text="Koment\x00"),
        comment_data(name="Ana\r\nBcc: all@example.org"),
        comment_data(name="Ana\x1b[31m"),
    ):
        response = client.post(comment_url(open_consultation), data)
        assert response.status_code == 200
        assert "form-errors" in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_oversized_comment_is_rejected(client, open_consultation):
    # Tried: 100,000 characters (maxlength bypass), then a 3 MB body.
    response = client.post(comment_url(open_consultation), comment_data(text="a" * 100_000))
    assert response.status_code == 200
    response = client.post(comment_url(open_consultation), comment_data(text="b" * 3_000_000))
    assert response.status_code == 400
    assert ConsultationComment.objects.count() == 0


def test_hundred_comments_from_one_address_hit_the_rate_limit(client, open_consultation, settings):
    # Tried: the same comment posted 100 times from one address.
    statuses = [
        client.post(
            comment_url(open_consultation), comment_data(), REMOTE_ADDR="10.1.1.1"
        ).status_code
        for _ in range(100)
    ]
    assert statuses.count(302) == settings.PARTICIPATION_RATE_LIMIT
    assert statuses[-1] == 429
    assert ConsultationComment.objects.count() == settings.PARTICIPATION_RATE_LIMIT


def test_comment_without_csrf_token_is_refused(open_consultation):
    # Tried: a cross-site POST without the CSRF cookie and token.
    response = Client(enforce_csrf_checks=True).post(comment_url(open_consultation), comment_data())
    assert response.status_code == 403
    assert ConsultationComment.objects.count() == 0


def test_honeypot_comment_is_dropped(client, open_consultation):
    response = client.post(comment_url(open_consultation), comment_data(website="spam"))
    assert response.status_code == 302
    assert ConsultationComment.objects.count() == 0


# The compliance dashboard


def test_dashboard_lists_a_consultation_closed_without_a_report(
    admin_client, site, open_consultation
):
    today = timezone.localdate()
    closed = add_consultation(
        site["sq"],
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=30),
        number=2,
        title="Konsultimi pa raport",
    )
    reported = add_consultation(
        site["sq"],
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=30),
        number=3,
        title="Konsultimi me raport",
        report_url="https://kk.rks-gov.net/prizren/raporti.pdf",
    )
    items = {item.title: item for item in consultation_items()}
    assert items[closed.title].severity == "critical"
    assert "30" in str(items[closed.title].detail)
    assert items[open_consultation.title].severity == "warning"
    assert reported.title not in items
    report_url = reverse("participation_consultation_report", args=[closed.pk])
    assert items[closed.title].url == report_url
    content = admin_client.get(reverse("participation_compliance")).content.decode()
    section = content.split('id="compliance-consultations"')[1].split("</section>")[0]
    assert "Konsultimi pa raport" in section and report_url in section
    assert "Konsultimi me raport" not in section
    # The linked page is where it is fixed: the table can be published from there.
    assert admin_client.get(report_url).status_code == 200
    response = admin_client.post(report_url)
    assert response.status_code == 302
    published = type(closed).objects.get(pk=closed.pk)
    assert published.comments_total == 0 and published.participants_total == 0


def test_dashboard_lists_unpublished_decision_months(site):
    from transparency.models import (
        DecisionArchivePage,
        DecisionMonthPage,
        DecisionYearPage,
        TransparencyIndexPage,
    )

    index = site["sq"].add_child(instance=TransparencyIndexPage(title="T", slug="t"))
    archive = index.add_child(instance=DecisionArchivePage(title="Vendimet", slug="vendimet"))
    year = archive.add_child(instance=DecisionYearPage(title="2026", slug="2026", year=2026))
    january = year.add_child(
        instance=DecisionMonthPage(
            title="Janar 2026", slug="01", year=2026, month=1, source_url="https://x.example/1.pdf"
        )
    )
    january.save_revision().publish()
    year.add_child(
        instance=DecisionMonthPage(title="Shkurt 2026", slug="02", year=2026, month=2, live=False)
    )
    now = timezone.make_aware(timezone.datetime(2026, 4, 20, 12))
    with translation.override("en"):
        items = decision_month_items(now)
        by_end = {item.since: item for item in items}
        assert date(2026, 1, 31) not in by_end  # published, with its PDF link
        february = by_end[date(2026, 2, 28)]
        assert "not published" in str(february.detail)
        assert february.url == reverse("wagtailadmin_pages:edit", args=[february_pk(year)])
        assert "No page for this month" in str(by_end[date(2026, 3, 31)].detail)
        assert date(2026, 4, 30) not in by_end  # not over yet
        assert "2025" in {item.title for item in items}  # last year has no page at all


def february_pk(year_page):
    return year_page.get_children().get(slug="02").pk


# Open data and public statistics


def test_statistics_show_2023_from_the_imported_report(client, site, shared_dir):
    from participation.models import AccessRequest
    from tests.participation_helpers import add_request_page, shared_content
    from transparency.importers import import_transparency

    data = json.loads(shared_content("prizren-2023.json").read_text(encoding="utf-8"))
    import_transparency({"access_to_documents_requests": data["access_to_documents_requests"]})
    page = add_request_page(site["sq"])
    request = AccessRequest(subject="x", email="a@example.org")
    request.save()
    request.transition("granted", decision="Po.")

    response = client.get(page.url + "statistics/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">2023</th>' in content
    row_2023 = content.split('<th scope="row">2023</th>')[1].split("</tr>")[0]
    assert row_2023.count(">72<") == 2  # received and decided within the deadline

    json_data = client.get("/open-data/access-to-documents-statistics.json").json()
    assert "CC BY 4.0" in json_data["licence"]["name"]
    by_year = {record["year"]: record for record in json_data["records"]}
    assert by_year[2023]["received"] == 72 and by_year[2023]["decided_on_time"] == 72
    assert by_year[2023]["source"] == "annual report"
    this_year = timezone.localdate().year
    assert by_year[this_year]["granted"] == 1 and by_year[this_year]["decided_on_time"] == 1
    csv_response = client.get("/open-data/access-to-documents-statistics.csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "creativecommons.org/licenses/by/4.0" in csv_response["Link"]
    assert "2023,72,,72" in csv_response.content.decode()


def test_consultation_page_shows_the_form_and_then_the_published_table(
    client, admin_client, open_consultation
):
    page_html = client.get(open_consultation.url).content.decode()
    action = reverse("consultation_comment", args=[open_consultation.pk])
    assert f'action="{action}"' in page_html
    assert 'name="csrfmiddlewaretoken"' in page_html  # the form is rendered with the request
    client.post(action, comment_data(gender="woman", email="a@example.org"))
    ConsultationComment.objects.get().classify(CommentStatus.ACCEPTED)
    report_url = reverse("participation_consultation_report", args=[open_consultation.pk])
    assert admin_client.post(report_url).status_code == 302
    page_html = client.get(open_consultation.url).content.decode()
    figures = page_html.split('id="figures-heading"')[1].split("</section>")[0]
    assert figures.count("<td>1</td>") >= 3  # 1 woman, 1 participant, 1 accepted comment
