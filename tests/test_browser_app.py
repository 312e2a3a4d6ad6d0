"""The app in a real browser: every supported card drew its chart, offline, for every kind."""

import pytest

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source
from tests.browser import chromium, streamlit_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# What a drawn chart is in the page, per output family (icons are svg too, so be exact).
CHART_SELECTORS = {
    "matplotlib": '[data-testid="stImage"] img',
    "bokeh": "canvas",
    "plotly": ".js-plotly-plot .main-svg",
    "vega": ".vega-embed svg, .vega-embed canvas",
}


def _drew(card, family: str) -> bool:
    """Some chart element of the card's family has a real size (read in one go, because
    Streamlit may replace elements between two calls)."""
    sizes = card.locator(CHART_SELECTORS[family]).evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    return any(width > 20 and height > 20 for width, height in sizes)


def _wait_for_cards(page, kind: str, timeout_s: float = 120) -> dict[str, str]:
    """Wait until every library's card for ``kind`` is present and every ok card drew."""
    expected = {
        lib: "unsupported" if kind in example_source(LIBRARIES.get(lib)).not_supported else "ok"
        for lib in LIBRARIES
    }
    missing: list[str] = list(expected)
    for _ in range(int(timeout_s * 2)):
        missing = []
        for lib, status in expected.items():
            card = page.locator(f".st-key-card-{lib}-{status}")
            if card.count() != 1 or (status == "ok" and not _drew(card, LIBRARIES.get(lib).family)):
                missing.append(lib)
        if not missing:
            return expected
        page.wait_for_timeout(500)
    raise AssertionError(f"{kind}: these cards did not draw: {missing}")


def _choose_kind(page, kind: str) -> None:
    page.locator(".st-key-kind").click()
    page.get_by_role("option", name=KINDS[kind].title, exact=True).click()


def test_every_card_draws_for_every_kind_offline(artifacts):
    outside, console_errors = [], []
    with streamlit_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        host = url.split("//")[1]

        def guard(route):
            if host in route.request.url or route.request.url.startswith(("data:", "blob:")):
                return route.continue_()
            outside.append(route.request.url)
            return route.abort()

        page.route("**/*", guard)
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.goto(url)
        for kind in KINDS:
            if kind != "scatter":
                _choose_kind(page, kind)
                page.wait_for_timeout(1000)
            _wait_for_cards(page, kind)
            assert page.locator('[class*="st-key-card-"][class*="-error"]').count() == 0
            if kind == "scatter":
                page.screenshot(path=str(artifacts / "app-scatter.png"), full_page=True)
    assert outside == [], f"the app asked the network for: {outside[:5]}"
    assert console_errors == [], console_errors[:5]
