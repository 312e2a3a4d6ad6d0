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
        # A phone-sized screen: the cards stack, one full-width card under the other.
        page.set_viewport_size({"width": 390, "height": 1400})
        page.wait_for_timeout(1500)
        first, second = (page.locator(f".st-key-card-{lib}-ok").bounding_box()
                         for lib in ("matplotlib", "seaborn"))
        assert first["x"] == second["x"] and first["width"] > 300
        assert second["y"] >= first["y"] + first["height"] - 1
        page.screenshot(path=str(artifacts / "app-narrow.png"))
    assert outside == [], f"the app asked the network for: {outside[:5]}"
    assert console_errors == [], console_errors[:5]


def test_a_hostile_csv_draws_everywhere_and_injects_nothing(tmp_path, artifacts):
    from tests.test_hostile_data import hostile_frame

    csv = tmp_path / "<img src=x onerror=alert('file')>.csv"
    hostile_frame().to_csv(csv, index=False)
    dialogs, outside = [], []
    with streamlit_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        host = url.split("//")[1]
        page.route("**/*", lambda route: route.continue_() if host in route.request.url
                   or route.request.url.startswith(("data:", "blob:"))
                   else (outside.append(route.request.url), route.abort()))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        _wait_for_cards(page, "scatter")
        page.get_by_text("Upload a CSV").click()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(csv))
        page.get_by_text("60 rows, 5 columns").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        _wait_for_cards(page, "scatter")
        page.screenshot(path=str(artifacts / "app-hostile-csv.png"), full_page=True)
        injected = page.evaluate(
            "() => document.querySelectorAll('img[src=\"x\"], [onerror]').length + Array.from("
            "document.scripts).filter(s => s.textContent.includes('alert(')).length")
        notes = page.get_by_text("renamed so every library reads them literally").count()
    assert dialogs == [] and outside == []
    assert injected == 0
    assert notes > 0  # each card says which names were changed, shown as text
