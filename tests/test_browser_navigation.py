"""Language switcher and keyboard navigation in Chromium: skip link, focus order, visible focus."""

import pytest

pytestmark = [pytest.mark.browser]

FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName, id: el.id, href: el.getAttribute("href"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""
TABBABLE_IN_DOM_ORDER = """() => [
    ...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.offsetParent !== null)
    .map(el => el.getAttribute("href") || el.id || el.tagName)"""


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback):
    from .conftest import load_demo_site

    load_demo_site()
    return live_server.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_comes_first_is_visible_on_focus_and_moves_focus_to_main(browser_page, site):
    browser_page.goto(f"{site}/sq/rreth-komunes/")
    browser_page.keyboard.press("Tab")
    first = browser_page.evaluate(FOCUS_STATE)
    assert first["href"] == "#main"
    assert first["visible"], "the skip link stays off screen when focused"
    assert first["outline"] or first["shadow"], "no visible focus indicator on the skip link"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_focus_follows_the_reading_order_with_a_visible_indicator_everywhere(browser_page, site):
    for path in ("/sq/", "/sr-latn/o-opstini/", "/tr/search/?q=Prizren"):
        browser_page.goto(site + path)
        expected = browser_page.evaluate(TABBABLE_IN_DOM_ORDER)
        assert len(expected) >= 6, expected
        seen = []
        for _ in expected:
            browser_page.keyboard.press("Tab")
            state = browser_page.evaluate(FOCUS_STATE)
            seen.append(state["href"] or state["id"] or state["tag"])
            assert state["visible"], f"{path}: focused element off screen: {state}"
            assert state["outline"] or state["shadow"], f"{path}: focus not visible: {state}"
        assert seen == expected, f"{path}: focus order differs from reading order"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_language_switcher_leads_to_the_same_page_in_each_language(browser_page, site):
    browser_page.goto(f"{site}/sq/rreth-komunes/")
    switcher = browser_page.get_by_role("navigation", name="Gjuhët")
    assert switcher.locator("[aria-current]").inner_text() == "Shqip"

    switcher.get_by_role("link", name="Srpski").click()
    browser_page.wait_for_url(f"{site}/sr-latn/o-opstini/")
    assert browser_page.locator("html").get_attribute("lang") == "sr-Latn"
    switcher = browser_page.get_by_role("navigation", name="Jezici")
    assert switcher.locator("[aria-current]").inner_text() == "Srpski"

    # Keyboard only: focus the Turkish link and follow it with Enter.
    turkish = switcher.get_by_role("link", name="Türkçe")
    turkish.focus()
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{site}/tr/belediye-hakkinda/")
    assert browser_page.locator("html").get_attribute("lang") == "tr"
    assert browser_page.locator("link[hreflang='sr-Latn']").count() == 1
