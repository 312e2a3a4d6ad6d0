"""Every interactive cell a library draws, interacted with in a real browser, in the static
export (from file://, no server, no network) and in the app: the result is checked
against the data (a hovered penguin's values in the tooltip, the rows inside a dragged
rectangle highlighted in the other view, the chosen category's rows drawn, a year's
countries drawn). A screenshot of each cell after its interaction is left in the
artifacts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gallery.kinds import INTERACTIVE_KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source
from tests import drivers_bokeh, drivers_matplotlib, drivers_plotly, drivers_vega  # noqa: F401
from tests.browser import ROOT, chromium, streamlit_app
from tests.interact import (
    DRIVERS,
    brush_box,
    cell_data,
    inside,
    loneliest_row,
    same_pairs,
    tooltip_problems,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELLS = [(library, kind.key) for kind in INTERACTIVE_KINDS for library in LIBRARIES
         if kind.key in example_source(LIBRARIES.get(library)).functions]


def _family(library: str) -> str:
    return LIBRARIES.get(library).family


# --- doing each interaction and checking it against the data ---------------------------


def _tooltip(driver, frame, root: str, dataset: str | None) -> list[str]:
    cell = cell_data("tooltip", dataset)
    row = loneliest_row(cell)
    text = driver.hover(frame, root, float(row[cell.roles["x"]]), float(row[cell.roles["y"]]))
    return [f"{p} (tooltip: {text!r})" for p in tooltip_problems(text, row, cell)]


def _linked(driver, frame, root: str, dataset: str | None) -> list[str]:
    cell = cell_data("linked", dataset)
    box = brush_box(cell)
    highlighted = driver.brush(frame, root, box)
    return same_pairs(highlighted, inside(cell, box), cell.roles["x2"], cell.roles["y2"])


def _widget(driver, frame, root: str, dataset: str | None) -> list[str]:
    cell = cell_data("widget", dataset)
    categories = sorted(cell.column("color").unique())
    option = categories[1]  # not the one chosen at the start
    drawn = driver.choose(frame, root, str(option))
    rows = cell.data[cell.column("color") == option]
    return same_pairs(drawn, rows, cell.roles["x"], cell.roles["y"])


def _animation(driver, frame, root: str, dataset: str | None) -> list[str]:
    cell = cell_data("animation", dataset)
    times = sorted(cell.column("time").unique())
    time = times[len(times) // 2]  # neither the first frame nor the last
    drawn = driver.move_to(frame, root, str(time))
    rows = cell.data[cell.column("time") == time]
    if isinstance(drawn, int):  # a picture per frame: its bubbles counted
        return [] if drawn == len(rows) else [f"{drawn} bubbles drawn for {len(rows)} rows"]
    return same_pairs(drawn, rows, cell.roles["x"], cell.roles["y"])


INTERACT = {"tooltip": _tooltip, "linked": _linked, "widget": _widget,
            "animation": _animation}


# --- the export ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def interactive_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("interactive-export")
    kinds = ",".join(kind.key for kind in INTERACTIVE_KINDS)
    run = subprocess.run(
        [sys.executable, "-m", "gallery", "export", "--out", str(base / "site"),
         "--kinds", kinds, "--cache-dir", str(base / "cache")],
        capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return base / "site"


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.mark.parametrize(("library", "kind"), CELLS, ids=[f"{lib}-{k}" for lib, k in CELLS])
def test_interaction_in_the_export(browser, interactive_site, artifacts, library, kind):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else (outside.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((interactive_site / f"kind-{kind}.html").as_uri())
        card = f'article.card[data-library="{library}"][data-kind="{kind}"]'
        page.wait_for_selector(f'{card} [data-rendered="ok"], {card} img.static, '
                               f'{card} iframe', timeout=30_000)
        page.locator(card).scroll_into_view_if_needed()
        problems = INTERACT[kind](DRIVERS[_family(library)], page.main_frame, f"{card} .chart",
                                  None)
        page.locator(card).screenshot(path=str(artifacts / f"interaction-export-{library}-"
                                               f"{kind}.png"))
        assert problems == []
        assert outside == [], "requests that left file://"
        assert errors == [], "console errors"
    finally:
        context.close()


# --- the app ---------------------------------------------------------------------------


APP_DATASET = "penguins"  # the app's sidebar starts on it, for every kind


@pytest.fixture(scope="module")
def app_pages(browser):
    """One app page per interactive kind, opened once: each test interacts with its own
    library's card, which leaves the other cards as they were."""
    with streamlit_app() as url:
        context = browser.new_context(viewport={"width": 1600, "height": 1100})
        pages: dict[str, object] = {}
        errors: list[str] = []

        def open_kind(kind: str):
            from tests.test_browser_app import _choose_kind, _wait_for_cards

            if kind not in pages:
                page = context.new_page()
                page.on("pageerror", lambda e: errors.append(f"{kind}: {e}"))
                page.goto(url)
                _choose_kind(page, kind)
                _wait_for_cards(page, kind)
                page.wait_for_timeout(1000)  # the last card's chart settles
                pages[kind] = page
            return pages[kind], errors

        yield open_kind
        context.close()


def _app_chart(page, library: str) -> tuple[object, str]:
    """(frame, root) of a library's chart in the app: in the page, or in the iframe of a
    component (streamlit-bokeh, an HTML animation)."""
    card = page.locator(f".st-key-card-{library}-ok")
    card.wait_for(timeout=120_000)
    card.scroll_into_view_if_needed()
    frames = card.locator("iframe")
    if frames.count():
        frames.first.wait_for()
        return frames.first.element_handle().content_frame(), "body"
    return page.main_frame, f".st-key-card-{library}-ok"


@pytest.mark.parametrize(("library", "kind"), CELLS, ids=[f"{lib}-{k}" for lib, k in CELLS])
def test_interaction_in_the_app(app_pages, artifacts, library, kind):
    page, errors = app_pages(kind)
    seen = len(errors)
    frame, root = _app_chart(page, library)
    problems = INTERACT[kind](DRIVERS[_family(library)], frame, root, APP_DATASET)
    page.locator(f".st-key-card-{library}-ok").screenshot(
        path=str(artifacts / f"interaction-app-{library}-{kind}.png"))
    assert problems == []
    assert errors[seen:] == [], "uncaught errors in the page"
