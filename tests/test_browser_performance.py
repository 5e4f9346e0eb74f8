"""Page weight budget of a first visit, measured in Chromium: home page under 150 KB in at most
10 requests, fonts and images included, and nothing loaded from another host."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser]

MAX_BYTES = 150 * 1000
MAX_REQUESTS = 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_first_visit_to_the_home_page_is_light_and_self_hosted(browser, live_server):
    from .conftest import load_demo_site

    load_demo_site()
    report = {}
    for language in ("sq", "sr-latn", "tr"):
        context = browser.new_context()  # empty cache: a first visit
        page = context.new_page()
        responses = []
        page.on("requestfinished", lambda request, seen=responses: seen.append(request))
        page.goto(f"{live_server.url}/{language}/", wait_until="load")
        page.wait_for_load_state("networkidle")
        sizes = {}
        for request in responses:
            response = request.response()
            sizes[request.url] = len(response.body()) if response else 0
        context.close()

        hosts = {urlsplit(url).netloc for url in sizes}
        report[language] = (len(sizes), sum(sizes.values()))
        assert hosts == {urlsplit(live_server.url).netloc}, f"third-party requests: {hosts}"
        assert len(sizes) <= MAX_REQUESTS, sizes
        assert sum(sizes.values()) < MAX_BYTES, sizes
    print(f"\nfirst visit (requests, bytes): {report}")
