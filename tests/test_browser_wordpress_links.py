"""A reader in Chromium follows an address of the old WordPress site after the move: it lands
on the new page, and a link inside that page (rewritten by the import) leads on."""

import io

import pytest
from django.core.management import call_command

from .test_wordpress_import import EXPORT, UPLOADS

pytestmark = [pytest.mark.browser]


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback, tmp_path):
    from .conftest import load_demo_site

    load_demo_site()
    call_command(
        "import_wordpress", str(EXPORT), "--uploads", str(UPLOADS),
        "--report", str(tmp_path / "report.csv"), stdout=io.StringIO(),
    )  # fmt: skip
    return live_server.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_old_link_lands_on_the_new_page_and_its_links_lead_on(browser_page, site):
    response = browser_page.goto(f"{site}/prizren/prizren-4/qasja-ne-dokumente-zyrtare/")
    assert response.status == 200
    assert browser_page.url == f"{site}/sq/prizren-4/qasja-ne-dokumente-zyrtare/"
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Qasja në dokumente zyrtare"
    browser_page.get_by_role("link", name="lajmin").click()
    browser_page.wait_for_url(f"{site}/sq/njoftime-per-media/komuna-rinovon-sheshin/")
    heading = browser_page.get_by_role("heading", level=1).inner_text()
    assert heading == "Komuna rinovon Sheshin e Shadërvanit"
