"""axe-core in Chromium on every public page type in every language: 0 WCAG 2.1 A/AA violations.

The page types are discovered, not listed: every concrete Wagtail page model with a live,
public instance in a locale is visited once per locale, so page types added by other apps are
covered as soon as the demo content creates one. The search page (with and without results),
the press subscription form and the 404 page are visited in every language too.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, get_page_models

from .conftest import AXE_SCRIPT

pytestmark = [pytest.mark.browser]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Words that find something in every language of the demo content.
SEARCH_WITH_RESULTS = {"sq": "Prizren", "sr-latn": "Prizren", "tr": "Prizren"}


def public_pages_by_type_and_locale():
    """{(model label, language code): url} for one live public page per type and locale.

    A translated page is preferred to an alias (an untranslated page shows Albanian text in
    another tree; it is visited only if no translated page of the type exists there).
    """
    found = {}
    for model in get_page_models():
        if model._meta.abstract or model._meta.label == "wagtailcore.Page":
            continue
        for locale in Locale.objects.all():
            pages = model.objects.live().public().filter(locale=locale).order_by("alias_of", "pk")
            for page in pages[:5]:
                url = page.get_url()
                if url:
                    found[(model._meta.label, locale.language_code)] = url
                    break
    return found


def run_axe(page):
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make setup does)")
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_public_page_type_in_every_language_has_no_wcag_violations(
    browser, live_server, capsys, shared_dir
):
    from .conftest import load_demo_site

    load_demo_site()
    # The other page types: the request form, and the transparency section from the real data.
    quiet = io.StringIO()
    call_command("load_participation_pages", stdout=quiet)
    call_command(
        "import_strategy", str(next((shared_dir / "seeds").glob("000_*.txt"))), stdout=quiet
    )
    call_command(
        "import_transparency", str(shared_dir / "content" / "prizren-2023.json"), stdout=quiet
    )
    targets = {
        f"{label} [{language}]": url
        for (label, language), url in sorted(public_pages_by_type_and_locale().items())
    }
    for language, _name in settings.LANGUAGES:
        targets[f"search, empty [{language}]"] = f"/{language}/search/"
        targets[f"search, results [{language}]"] = (
            f"/{language}/search/?q={SEARCH_WITH_RESULTS[language]}"
        )
        targets[f"search, nothing found [{language}]"] = f"/{language}/search/?q=zzzqqxx"
        targets[f"404 [{language}]"] = f"/{language}/this-page-does-not-exist/"
        targets[f"press subscription [{language}]"] = f"/{language}/press/subscribe/"
    assert len({key.split(" [")[0] for key in targets}) >= 6, targets

    # The CSP is bypassed only so that the test can inject axe; the site's own pages run
    # under it, and tests/test_security_headers.py checks it is sent.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    failures, summary = {}, {}
    try:
        for name, url in targets.items():
            response = page.goto(live_server.url + url)
            expected = 404 if name.startswith("404") else 200
            assert response.status == expected, f"{name}: {url} answered {response.status}"
            if name.startswith("search, results"):
                assert page.locator(".search-results li").count() > 0, f"{name}: no results"
            results = run_axe(page)
            summary[name] = f"{len(results['violations'])} violations, "
            summary[name] += f"{len(results['passes'])} rules passed  {url}"
            if results["violations"]:
                failures[name] = f"{url}\n{describe(results['violations'])}"
    finally:
        context.close()
    with capsys.disabled():
        print("\naxe-core WCAG 2.1 A/AA results:")
        for name, line in summary.items():
            print(f"  {name:45} {line}")
    assert not failures, "axe-core violations:\n" + "\n".join(
        f"{name}: {detail}" for name, detail in failures.items()
    )


def test_axe_reports_a_violation_it_is_shown(browser):
    # Guards the harness itself: a page with an unlabelled field and an image without alt
    # text must produce violations, or the test above would pass on anything.
    page = browser.new_page()
    try:
        page.set_content(
            '<html lang="sq"><head><title>t</title></head><body><main>'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
            "</main></body></html>"
        )
        violations = {violation["id"] for violation in run_axe(page)["violations"]}
    finally:
        page.close()
    assert {"image-alt", "label"} <= violations
