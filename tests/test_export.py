"""The static export: a site that opens from file:// with no network, agrees with its
manifest, escapes what comes from the data (and from the scale results), fails loudly only
when asked, replaces the previous site atomically and renders nothing twice."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gallery import dashboards as dashboards_module
from gallery.cli import main
from gallery.dashboards import DASHBOARDS
from gallery.kinds import FAMILIES, KINDS
from gallery.libraries import LIBRARIES
from gallery.scale.bigdata import BIG_DATA, big_source
from gallery.scale.results import RESULTS_PATH, SCHEMA_VERSION, read_results
from gallery.site import build, pages
from gallery.site.build import ExportOptions, export_site
from gallery.site.cache import CellCache
from gallery.site.cells import CellJob
from gallery.site.data import DataChoice
from gallery.site.embed import EMBEDDERS, script_json
from gallery.site.manifest import scale_record
from gallery.site.pages import safe_markdown, write_dashboards_page, write_scale_page
from gallery.site.pool import draw
from gallery.site.publish import PublishError
from tests.browser import ROOT, chromium

PAGES = ["index.html"] + [f"kind-{kind}.html" for kind in KINDS]
MB = 1024 * 1024

# What a drawn chart is inside a card, per output family (icons are svg too: be exact).
# Playwright's CSS engine pierces open shadow roots, where bokeh draws its canvas.
CHART_SELECTORS = {
    "matplotlib": ".chart img, .chart iframe",  # an animation is a page of its own
    "bokeh": "canvas",
    "plotly": ".main-svg",
    "vega": ".vega-embed svg",
}
ALL_EMBEDS_SETTLED = (
    "Array.from(document.querySelectorAll('[data-embed]')).every(e => e.dataset.rendered)"
    " && Array.from(document.images).every(i => i.complete)"
)
# Thumbnails load lazily, as a reader scrolls to them (the matrix scrolls sideways too, and
# some are never in reach of one scroll); a test asks for every one of them at once.
EVERY_IMAGE_NOW = ("document.querySelectorAll('img[loading=lazy]')"
                   ".forEach(i => i.loading = 'eager')")


def _settle(page, timeout: float = 120_000) -> None:
    page.evaluate(EVERY_IMAGE_NOW)
    page.wait_for_function(ALL_EMBEDS_SETTLED, timeout=timeout)


def _export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gallery", "export", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )


def _manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


# --- the whole gallery, exported once per session -------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Every library x every chart kind, each kind on its bundled default dataset."""
    base = tmp_path_factory.mktemp("export")
    run = _export("--out", str(base / "site"), "--cache-dir", str(base / "cache"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "[" in run.stdout and "/" in run.stdout  # the progress lines
    return base / "site"


@pytest.fixture(scope="session")
def manifest(site: Path) -> dict:
    return _manifest(site)


@pytest.fixture(scope="session")
def browser():
    with chromium() as running:
        yield running


class _Watched:
    """A page that may only load file:// URLs: everything else is aborted and recorded,
    as are console errors, uncaught exceptions and dialogs."""

    def __init__(self, browser, path: Path, permissions: tuple[str, ...] = ()) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(
            viewport={"width": 1400, "height": 900}, permissions=list(permissions)
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        _settle(self.page)

    def close(self) -> None:
        self.context.close()

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def undrawn_cards(self) -> list[str]:
        """Ids of ok cards with no chart of non-zero size (or one that failed to embed)."""
        missing = []
        cards = self.page.locator('article.card[data-status="ok"]')
        for i in range(cards.count()):
            card = cards.nth(i)
            family = card.get_attribute("data-family")
            failed = card.locator('[data-rendered="error"]').count()
            if failed or not _has_visible(card.locator(CHART_SELECTORS[family])):
                missing.append(card.get_attribute("id"))
        return missing


def _has_visible(charts) -> bool:
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        if box and box["width"] > 0 and box["height"] > 0:
            return True
    return False


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_page_opens_offline_and_every_ok_chart_draws(browser, site, manifest, name):
    watched = _Watched(browser, site / name)
    try:
        assert watched.outside == [], "requests that left file://"
        assert watched.errors == [], "console errors"
        assert watched.undrawn_cards() == []
        if name == "index.html":  # the static thumbnails of the matrix loaded
            broken = watched.page.evaluate(
                "Array.from(document.querySelectorAll('img.thumb'))"
                ".filter(i => !(i.naturalWidth > 0)).map(i => i.src)"
            )
            assert broken == []
        else:
            kind = name.removeprefix("kind-").removesuffix(".html")
            ok = [c for c in manifest["cells"] if c["kind"] == kind and c["status"] == "ok"]
            drawn = watched.page.locator('article.card[data-status="ok"]').count()
            assert drawn == len(ok)
    finally:
        watched.close()


@pytest.mark.browser
@pytest.mark.slow
def test_filter_chips_hide_and_show_cards(browser, site, artifacts):
    watched = _Watched(browser, site / "kind-scatter.html")
    page = watched.page
    try:
        page.screenshot(path=str(artifacts / "export-kind-scatter.png"), full_page=True)
        static = page.locator('article.card[data-output="static"]')
        interactive = page.locator('article.card[data-output="interactive"]')
        assert static.count() and interactive.count()
        chip = page.locator('.chip[data-filter="output"][data-value="static"]')
        chip.click()
        assert all(static.nth(i).is_hidden() for i in range(static.count()))
        assert all(interactive.nth(i).is_visible() for i in range(interactive.count()))
        chip.click()
        assert all(static.nth(i).is_visible() for i in range(static.count()))
        # Groups combine: bokeh off and declarative off leaves imperative non-bokeh cards.
        page.locator('.chip[data-filter="built-on"][data-value="bokeh"]').click()
        page.locator('.chip[data-filter="paradigm"][data-value="declarative"]').click()
        shown = page.locator("article.card:visible")
        for i in range(shown.count()):
            assert shown.nth(i).get_attribute("data-built-on") != "bokeh"
            assert shown.nth(i).get_attribute("data-paradigm") == "imperative"
        assert watched.errors == []
    finally:
        watched.close()


@pytest.mark.browser
@pytest.mark.slow
def test_index_chips_hide_rows_and_copy_button_copies(browser, site):
    watched = _Watched(browser, site / "index.html")
    page = watched.page
    try:
        rows = page.locator('tr[data-paradigm="declarative"]')
        page.locator('.chip[data-filter="paradigm"][data-value="declarative"]').click()
        assert rows.count() and all(rows.nth(i).is_hidden() for i in range(rows.count()))
        assert page.locator('tr[data-paradigm="imperative"]').first.is_visible()
    finally:
        watched.close()
    clipboard = ("clipboard-read", "clipboard-write")
    watched = _Watched(browser, site / "kind-bar.html", permissions=clipboard)
    try:
        button = watched.page.locator("button[data-copy]").first
        button.click()
        watched.page.wait_for_function(
            "document.querySelector('button[data-copy]').textContent === 'Copied'"
        )
        copied = watched.page.evaluate("navigator.clipboard.readText()")
        first_card = watched.page.locator("article.card").first.get_attribute("data-library")
        assert "def bar(df" in copied and "chart = bar(df" in copied, copied[:200]
        assert not copied[0].isdigit()  # the code only, without the line numbers
        assert first_card == LIBRARIES.names()[0]
        assert watched.errors == []
    finally:
        watched.close()


# --- what the reader sees: every chart in its card, at three widths ---------------------

WIDTHS = {"laptop": 1280, "desktop": 1600, "phone": 390}
MIN_HEIGHT = {"laptop": 150, "desktop": 150, "phone": 110}  # px a chart needs to be read
# CI checks the widest cards two to a row (laptop) and the narrowest (phone); the desktop's
# three to a row lie between them (run it by hand: pytest -k desktop with this list changed).
# Colours do not depend on the width: they are read once, at the laptop width.
CI_WIDTHS = ["laptop", "phone"]
COLOURS_AT = "laptop"


# Bokeh's and Plotly's thumbnails are photographed in the cards at a laptop's width: each
# must be the chart the kind page shows (a picture cut from the wrong place, taken before
# the chart drew or of another chart is unlike it).
PICTURES_AT = "laptop"
PHOTOGRAPHED = {"bokeh", "plotly"}
LIKE = 0.93  # picture_likeness: the chart itself 0.957 or more, moved 5 % down 0.915 or less


def _thumbnail_problems(page, site: Path, library: str, kind: str, where: str) -> list[str]:
    from PIL import Image

    from tests.seen import picture_likeness

    shot = page.locator(f'article[data-library="{library}"] [data-chart]').screenshot()
    thumb = (site / "thumbs" / f"{library}-{kind}.png").read_bytes()
    (shot_w, shot_h), (thumb_w, thumb_h) = (Image.open(io.BytesIO(png)).size
                                            for png in (shot, thumb))
    if abs(shot_w / shot_h - thumb_w / thumb_h) > 0.03 * shot_w / shot_h:
        return [f"{where}: its thumbnail is {thumb_w} x {thumb_h}, the chart in its card "
                f"{shot_w} x {shot_h}"]
    own, moved = picture_likeness(shot, thumb), picture_likeness(shot, thumb, shift=0.1)
    problems = []
    if own < LIKE:
        problems.append(f"{where}: its thumbnail is unlike the chart in its card ({own:.3f})")
    if moved >= LIKE:  # the measure must tell a misplaced picture from the right one
        problems.append(f"{where}: its thumbnail is as like the chart moved down ({moved:.3f})")
    return problems


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", CI_WIDTHS)
def test_every_chart_fits_its_card_and_shows_its_colours(browser, site, manifest, width,
                                                         artifacts):
    """For every drawn cell of every kind page: the chart lies inside its card, nothing in
    it scrolls or is cut, it is tall enough to read, and each category colour recorded for
    the cell shows in its own pixels; a photographed thumbnail is the chart in the card.
    Kind pages lay the cards side by side."""
    from gallery.kinds import OPACITY
    from tests.seen import BOXES_JS, KNOWN_LAYOUT, layout_problems, missing_colors

    records = {(c["library"], c["kind"]): c for c in manifest["cells"]}
    problems, checked = [], 0
    for kind in KINDS:
        context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            "file:") else route.abort())
        page.goto((site / f"kind-{kind}.html").as_uri())
        _settle(page)
        page.wait_for_timeout(500)
        seen = page.evaluate(BOXES_JS, {"cards": 'article.card[data-status="ok"]',
                                        "chart": "[data-chart]"})
        for card in seen:
            where = f"{width} {card['library']}/{kind}"
            if (card["library"], kind) not in KNOWN_LAYOUT:
                problems += [f"{where}: {p}" for p in layout_problems(card, MIN_HEIGHT[width])]
            record = records[(card["library"], kind)]
            if width == PICTURES_AT and record["family"] in PHOTOGRAPHED:
                problems += _thumbnail_problems(page, site, card["library"], kind, where)
            colors = record.get("colors") or {}
            if (width == COLOURS_AT and colors
                    and "palette" not in records[(card["library"], kind)]["not_met"]):
                chart = page.locator(f'article[data-library="{card["library"]}"] [data-chart]')
                png = chart.screenshot()
                (artifacts / "fit").mkdir(exist_ok=True)
                (artifacts / "fit" / f"{width}-{kind}-{card['library']}.png").write_bytes(png)
                lost = missing_colors(png, colors, OPACITY.get(kind, 1.0))
                problems += [f"{where}: no pixel shows {c}" for c in lost]
            checked += 1
        lefts = sorted({round(card["card"]["left"]) for card in seen})
        if width != "phone":  # side by side: two or three cards to a row
            assert 2 <= len(lefts) <= 3, (kind, lefts)
        else:
            assert len(lefts) == 1, (kind, lefts)
        page.screenshot(path=str(artifacts / f"export-{width}-kind-{kind}.png"), full_page=True)
        context.close()
    drawn = [c for c in manifest["cells"] if c["status"] == "ok"]
    assert checked == len(drawn)
    assert problems == [], problems[:20]


@pytest.mark.browser
@pytest.mark.slow
def test_the_matrix_fits_a_laptop_and_shows_a_picture_for_every_drawn_cell(browser, site,
                                                                            manifest, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    _settle(page, timeout=30_000)
    pictures = page.evaluate("Array.from(document.querySelectorAll('td.cell img.thumb'))"
                             ".filter(i => i.naturalWidth > 0).map(i => i.closest('td')"
                             ".dataset.library + '/' + i.closest('td').dataset.kind)")
    page.screenshot(path=str(artifacts / "export-1280-index.png"), full_page=True)
    # Families head their kinds: each family's header spans exactly its kinds' columns.
    groups = page.evaluate("""Array.from(document.querySelectorAll('tr.families th.family'))
        .map(th => { const r = th.getBoundingClientRect(); return [th.textContent.trim(),
                     r.left, r.right]; })""")
    columns = page.evaluate("""Array.from(
        document.querySelectorAll('.matrix thead tr:last-child th')).map(th => {
            const r = th.getBoundingClientRect();
            return [th.querySelector('a').getAttribute('href').slice(5, -5), r.left, r.right];
        })""")

    # Wider than the window, the matrix scrolls sideways: the library names stay put, the
    # last kinds come into view, and a shadow on the right says there is more.
    page.locator(".matrix-wrap").evaluate("w => w.scrollLeft = w.scrollWidth")
    page.wait_for_timeout(200)
    after = page.evaluate("""(() => { const w = document.querySelector('.matrix-wrap');
        const name = document.querySelector('th.library').getBoundingClientRect();
        const last = document.querySelector('.matrix thead tr:last-child th:last-child')
            .getBoundingClientRect();
        return {scrolls: w.scrollWidth > w.clientWidth, shadow: getComputedStyle(w)
            .backgroundImage.includes('gradient'), name: [name.left, name.right],
            wrap: [w.getBoundingClientRect().left, w.getBoundingClientRect().right],
            last: [last.left, last.right]}; })()""")
    page.screenshot(path=str(artifacts / "export-1280-index-scrolled.png"))
    context.close()
    by_family = {FAMILIES[KINDS[key].family]: [] for key, _, _ in columns}
    for key, left, right in columns:
        by_family[FAMILIES[KINDS[key].family]].append((left, right))
    assert [g[0].lower() for g in groups] == [f.lower() for f in by_family], groups
    for title, left, right in groups:
        spans = next(v for k, v in by_family.items() if k.lower() == title.lower())
        assert abs(left - spans[0][0]) < 2 and abs(right - spans[-1][1]) < 2, (title, spans)
    assert after["shadow"]
    if after["scrolls"]:
        assert abs(after["name"][0] - after["wrap"][0]) < 2, after  # the names stayed
        assert after["last"][1] <= after["wrap"][1] + 1, after  # the last kind is reachable
    drawn = {f"{c['library']}/{c['kind']}" for c in manifest["cells"] if c["status"] == "ok"}
    assert set(pictures) == drawn
    assert manifest["thumbnails"]["missing"] == []


# --- the manifest and the pages, without a browser --------------------------------------


class _Cards(HTMLParser):
    """Collects (library, kind, status) of every card and matrix cell of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[tuple[str, str, str]] = []
        self.cells: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        found = (a.get("data-library"), a.get("data-kind"), a.get("data-status"))
        if tag == "article" and "card" in (a.get("class") or ""):
            self.cards.append(found)
        elif tag == "td" and "data-status" in a:
            self.cells.append(found)
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def _parse(path: Path) -> _Cards:
    parser = _Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.slow
def test_manifest_covers_every_cell_and_agrees_with_the_pages(site, manifest):
    cells = manifest["cells"]
    assert [c["library"] for c in cells[:: len(KINDS)]] == LIBRARIES.names()
    assert len(cells) == len(LIBRARIES) * len(KINDS) == manifest["counts"]["total"]
    tally = Counter(c["status"] for c in cells)
    assert {s: tally.get(s, 0) for s in ("ok", "unsupported", "error")} == {
        s: manifest["counts"][s] for s in ("ok", "unsupported", "error")
    }
    records = {(c["library"], c["kind"], c["status"]) for c in cells}
    on_kind_pages = [card for kind in KINDS for card in _parse(site / f"kind-{kind}.html").cards]
    assert sorted(on_kind_pages) == sorted(records)
    assert sorted(_parse(site / "index.html").cells) == sorted(records)
    for library in LIBRARIES:
        cards = _parse(site / f"library-{library}.html").cards
        assert sorted(cards) == sorted(r for r in records if r[0] == library)
    for cell in cells:
        assert all((site / name).is_file() for name in cell["files"]), cell
        assert cell["status"] == "ok" or cell["message"], cell
        assert set(cell["tags"]) == {"paradigm", "output", "built on", "API level"}
    # the pages published are the ones the site links: the thumbnails' unpublished sheets
    # (thumbnails.py) are gone
    linked = {"index.html", "dashboards.html", "scale.html", *(f"kind-{k}.html" for k in KINDS),
              *(f"library-{key}.html" for key in LIBRARIES)}
    assert {path.name for path in site.glob("*.html")} == linked


def test_library_pages_count_what_each_library_draws_per_family(site, manifest):
    """"Plotly Express: N of M" per family, agreeing with the cells the export drew."""
    drawn = Counter((c["library"], FAMILIES[KINDS[c["kind"]].family]) for c in manifest["cells"]
                    if c["status"] == "ok")
    kinds = Counter(FAMILIES[kind.family] for kind in KINDS.values())
    for library in LIBRARIES:
        page = (site / f"library-{library}.html").read_text(encoding="utf-8")
        found = dict(re.findall(r'<span data-family="([^"]+)"><b>[^<]+</b> (\d+ of \d+)</span>',
                                page))
        assert found == {family: f"{drawn[library, family]} of {total}"
                         for family, total in kinds.items()}, library
        everything = sum(drawn[library, family] for family in kinds)
        assert f"{everything} of {len(KINDS)} chart kinds" in page


@pytest.mark.slow
def test_pages_load_each_bundle_from_assets_only_when_they_show_its_family(site, manifest):
    for name in PAGES[1:]:
        kind = name.removeprefix("kind-").removesuffix(".html")
        families = {c["family"] for c in manifest["cells"]
                    if c["kind"] == kind and c["status"] == "ok"}
        wanted = {a for f in families for a in EMBEDDERS[f].assets}
        scripts = _parse(site / name).scripts
        assert all(src.startswith("assets/") and (site / src).is_file() for src in scripts)
        assert {s.removeprefix("assets/") for s in scripts} - {"site.js"} == wanted
        assert (site / name).stat().st_size < MB, f"{name} is over 1 MB without its assets"
    assert _parse(site / "index.html").scripts == ["assets/site.js"]
    assert not re.search(r'(src|href)="(https?:)?//', (site / "kind-scatter.html").read_text())


# --- the dashboards page ---------------------------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """One cell: enough for the pages every export writes whatever its cells."""
    base = tmp_path_factory.mktemp("small")
    code = main([
        "export", "--out", str(base / "site"), "--cache-dir", str(base / "cache"),
        "--kinds", "scatter", "--libraries", "matplotlib", "--jobs", "1",
    ])
    assert code == 0
    return base / "site"


# The code a card shows, without its inline line numbers (what the copy button copies).
CODE_OF = """const codeOf = (a) => {
  const pre = a.querySelector('.code-block pre').cloneNode(true);
  pre.querySelectorAll('.linenos').forEach(n => n.remove());
  return pre.textContent;
};"""

# Each framework as dashboards.html shows it, read in one evaluation.
DASHBOARDS_SHOWN = "(() => {" + CODE_OF + """
return Array.from(document.querySelectorAll('article.dashboard')).map(a => {
  const img = a.querySelector('img.screenshot'), box = a.getBoundingClientRect();
  return {
    key: a.dataset.dashboard,
    name: a.querySelector('h2').textContent.trim(),
    tags: Object.fromEntries(Array.from(a.querySelectorAll('.tag[data-tag]'))
      .map(t => [t.dataset.tag, t.textContent.trim()])),
    home: a.querySelector('h2 a').getAttribute('href'),
    code: codeOf(a),
    command: a.querySelector('code.command').textContent,
    screenshot: img && img.getAttribute('src'),
    loaded: img ? img.naturalWidth : 0,
    left: Math.round(box.left), top: Math.round(box.top),
  };
}); })()"""


def test_dashboards_page_is_linked_and_recorded_in_the_manifest(small_site):
    records = _manifest(small_site)["dashboards"]
    assert [r["key"] for r in records] == DASHBOARDS.names()
    for record in records:
        info = DASHBOARDS.get(record["key"])
        assert (record["name"], record["reactive_model"], record["lines_of_code"]) == (
            info.name, info.reactive_model, info.lines_of_code)
        assert record["command"] == f"python -m gallery dashboard {info.key}"
        assert (small_site / record["screenshot"]).read_bytes() == info.screenshot.read_bytes()
        assert (ROOT / record["file"]) == info.path
    for page in small_site.glob("*.html"):  # the navigation bar of every page
        assert '<a href="dashboards.html"' in page.read_text(encoding="utf-8"), page.name
    lead = (small_site / "index.html").read_text(encoding="utf-8").split('class="lead"')[1]
    assert 'href="dashboards.html"' in lead.split("</p>")[0]


def test_a_missing_dashboard_screenshot_says_how_to_take_it(tmp_path, monkeypatch):
    monkeypatch.setattr(dashboards_module, "SCREENSHOTS", tmp_path / "none")
    views = write_dashboards_page(tmp_path, [], {"data_label": "x", "counts": {
        "ok": 0, "unsupported": 0, "error": 0}})
    assert [view.screenshot for view in views] == [""] * len(DASHBOARDS)
    html = (tmp_path / "dashboards.html").read_text(encoding="utf-8")
    assert "<img" not in html and html.count('class="missing"') == len(DASHBOARDS)
    assert "test_dashboard_updates_offline[panel]" in html


@pytest.mark.browser
def test_dashboards_page_opens_offline_with_code_and_screenshots(browser, small_site, artifacts):
    clipboard = ("clipboard-read", "clipboard-write")
    watched = _Watched(browser, small_site / "dashboards.html", permissions=clipboard)
    page = watched.page
    try:
        page.screenshot(path=str(artifacts / "export-dashboards.png"), full_page=True)
        shown = page.evaluate(DASHBOARDS_SHOWN)
        records = _manifest(small_site)["dashboards"]
        assert [s["key"] for s in shown] == [r["key"] for r in records] == DASHBOARDS.names()
        for seen, record in zip(shown, records, strict=True):
            info = DASHBOARDS.get(seen["key"])
            assert seen["code"] == info.code(), seen["key"]
            assert seen["loaded"] > 0, seen["screenshot"]
            assert seen["screenshot"] == record["screenshot"]
            assert seen["command"] == record["command"]
            assert (seen["name"], seen["home"]) == (record["name"], record["home"])
            assert seen["tags"] == {
                "reactive model": f"reactive model: {record['reactive_model']}",
                "built on": f"built on: {record['built_on']}",
                "lines of code": f"lines of code: {record['lines_of_code']}",
                "version": f"version: {record['version']}",
                "home page": record["home"],
            }
        assert len({s["top"] for s in shown}) == 1  # side by side at 1400 px
        # The notebook's copy button copies its code cells, without line numbers.
        button = page.locator("#voila button[data-copy]")
        button.click()
        page.wait_for_function(
            "document.querySelector('#voila button[data-copy]').textContent === 'Copied'")
        assert page.evaluate("navigator.clipboard.readText()") == DASHBOARDS.get("voila").code()
        page.set_viewport_size({"width": 600, "height": 900})
        narrow = page.evaluate(DASHBOARDS_SHOWN)
        assert len({s["left"] for s in narrow}) == 1  # stacked
        assert [s["top"] for s in narrow] == sorted({s["top"] for s in narrow})
        assert watched.outside == [], "requests that left file://"
        assert watched.errors == [], "console errors"
    finally:
        watched.close()


# --- the scale page --------------------------------------------------------------------

NO_COUNTS = {"data_label": "x", "counts": {"ok": 0, "unsupported": 0, "error": 0}}
SCALE_CHARTS = ["scale-time", "scale-bytes", "scale-memory"]

# What scale.html shows, read in one evaluation (the measured table is in a closed
# <details>: its text is there, its boxes are not).
SCALE_SHOWN = "(() => {" + CODE_OF + """
  const cells = (row) => Array.from(row.cells).map(c => c.textContent.trim());
  const table = (el) => ({
    columns: Array.from(el.querySelectorAll('thead th')).map(c => c.textContent.trim()),
    rows: Array.from(el.querySelectorAll('tbody tr')).map(cells),
  });
  return {
    charts: Array.from(document.querySelectorAll('[data-embed]')).map(e => ({
      id: e.id, family: e.dataset.embed, rendered: e.dataset.rendered,
      // drawn tall enough to read: each figure asks for 620 px (a chart squashed into a
      // 32 px strip once passed a test of width > 0 and height > 0)
      drawn: Array.from(e.querySelectorAll('svg.main-svg')).some(s => {
        const box = s.getBoundingClientRect();
        return box.width > 600 && box.height >= 600;
      }),
    })),
    ceilings: table(document.querySelector('table[data-table="ceilings"]')),
    measured: table(document.querySelector('table[data-table="measured"]')),
    bigdata: Array.from(document.querySelectorAll('article.bigdata')).map(a => ({
      key: a.dataset.bigdata,
      code: codeOf(a),
      ...table(a.querySelector('table.data')),
    })),
  };
})()"""


def test_scale_page_is_linked_and_recorded_in_the_manifest(small_site):
    results = read_results()
    manifest = _manifest(small_site)
    record = manifest["scale"]
    assert (record["page"], record["results"], record["problem"]) == (
        "scale.html", str(RESULTS_PATH.relative_to(ROOT)), None)
    assert record["schema_version"] == results["schema_version"] == SCHEMA_VERSION
    assert record["created"] == results["created"]
    assert record["records"] == len(results["records"])
    assert record["ceilings"] == results["ceilings"]
    settings = results["settings"]
    assert (record["sizes"], record["kinds"], record["limit_seconds"]) == (
        settings["sizes"], settings["kinds"], settings["limit_seconds"])
    assert sorted(record["libraries"]) == sorted(LIBRARIES.names())
    assert record["charts"] == SCALE_CHARTS
    assert record["bigdata"] == {
        "sizes": results["bigdata"]["sizes"], "cells": list(BIG_DATA),
        "records": len(results["bigdata"]["records"]),
        "ceilings": results["bigdata"]["ceilings"],
    }
    assert len(manifest["cells"]) == manifest["counts"]["total"] == 1  # cells as before
    for page in small_site.glob("*.html"):  # the navigation bar of every page
        assert '<a href="scale.html"' in page.read_text(encoding="utf-8"), page.name
    lead = (small_site / "index.html").read_text(encoding="utf-8").split('class="lead"')[1]
    assert 'href="scale.html"' in lead.split("</p>")[0]
    # plotly.js from assets/, on this page only (the one cell is matplotlib's)
    assert _parse(small_site / "scale.html").scripts == ["assets/plotly.min.js", "assets/site.js"]
    assert "assets/plotly.min.js" in manifest["assets"]
    assert (small_site / "assets" / "plotly.min.js").stat().st_size > MB
    for page in small_site.glob("*.html"):
        if page.name != "scale.html":
            assert "assets/plotly.min.js" not in _parse(page).scripts, page.name
    html = (small_site / "scale.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert html.count('data-embed="plotly"') == 3


@pytest.mark.browser
def test_scale_page_opens_offline_with_charts_tables_and_code(browser, small_site, artifacts):
    watched = _Watched(browser, small_site / "scale.html")
    try:
        watched.page.screenshot(path=str(artifacts / "export-scale.png"), full_page=True)
        shown = watched.page.evaluate(SCALE_SHOWN)
        assert watched.outside == [], "requests that left file://"
        assert watched.errors == [], "console errors"
    finally:
        watched.close()
    assert [(c["id"], c["family"], c["rendered"], c["drawn"]) for c in shown["charts"]] == [
        (chart, "plotly", "ok", True) for chart in SCALE_CHARTS]
    names = sorted(LIBRARIES.get(key).name for key in LIBRARIES.names())
    for table in ("ceilings", "measured"):
        assert shown[table]["columns"][0] == "library"
        assert sorted(set(row[0] for row in shown[table]["rows"])) == names, table
    assert len(shown["ceilings"]["rows"]) == len(names)
    results = read_results()
    assert len(shown["measured"]["rows"]) == len(results["records"])
    assert [cell["key"] for cell in shown["bigdata"]] == list(BIG_DATA)
    for cell in shown["bigdata"]:
        assert cell["code"] == big_source(cell["key"]).code, cell["key"]
        rows = [dict(zip(cell["columns"], row, strict=True)) for row in cell["rows"]]
        records = [r for r in results["bigdata"]["records"] if r["library"] == cell["key"]]
        assert [(row["points"], row["status"]) for row in rows] == [
            (f"{r['size']:,}", r["status"]) for r in records]
        for row, measured in zip(rows, records, strict=True):
            assert float(row["median s"]) == pytest.approx(measured["seconds"]["median"],
                                                           abs=5e-4)
            assert float(row["output MB"]) == pytest.approx(measured["output_bytes"] / 1e6,
                                                            abs=5e-4)


def test_scale_page_escapes_what_the_results_file_says(tmp_path):
    results = json.loads(RESULTS_PATH.read_text(encoding="utf-8"))
    results["machine"]["cpu_model"] = HOSTILE_COLUMN
    results["versions"][HOSTILE_COLUMN] = HOSTILE_VALUE
    results["settings"]["time_measure"] = f"**timed** {HOSTILE_COLUMN} [x](javascript:alert(1))"
    failed = [c for c in results["ceilings"] if c["reason"] == "error"]
    assert failed  # Altair's row limit: its message is in the reading and the table
    for ceiling in failed:
        ceiling["message"] = f"{HOSTILE_VALUE} <https://example.com> ![i](https://example.com/i)"
    path = tmp_path / "scale.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    view = write_scale_page(tmp_path, [], NO_COUNTS, path=path)
    assert view.problem == "" and list(view.charts) == ["time", "bytes", "memory"]
    html = (tmp_path / "scale.html").read_text(encoding="utf-8")
    lower = html.lower()
    assert "<img" not in lower and "<script>alert" not in lower
    assert lower.count("</script>") == lower.count("<script")
    assert 'href="javascript' not in lower
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as text
    assert "<strong>timed</strong>" in html  # and the markdown still works
    assert "[x](javascript:alert(1))" in html


def test_safe_markdown_keeps_emphasis_and_drops_markup_and_links(monkeypatch):
    assert safe_markdown("**a** `<b>` <i>x</i> [l](https://example.com)") == (
        "<p><strong>a</strong> <code>&lt;b&gt;</code> &lt;i&gt;x&lt;/i&gt; "
        "[l](https://example.com)</p>")

    class Careless:  # a converter that would let markup through
        def reset(self) -> None:
            pass

        def convert(self, text: str) -> str:
            return text

    monkeypatch.setattr(pages, "_markdown", Careless)
    assert safe_markdown('<a href="x">a</a>\n\nb & c') == (
        "<p>&lt;a href=&#34;x&#34;&gt;a&lt;/a&gt;</p>\n<p>b &amp; c</p>")


@pytest.mark.parametrize("content", [None, "{}", "not json"])
def test_scale_page_without_readable_results_says_how_to_measure(tmp_path, content):
    path = tmp_path / "scale.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    view = write_scale_page(tmp_path, [], NO_COUNTS, path=path)
    assert view.results is None and view.scripts == [] and view.charts == {}
    assert ("No results yet" if content is None else "could not be read") in view.problem
    html = (tmp_path / "scale.html").read_text(encoding="utf-8")
    assert "data-scale-problem" in html and "python -m gallery bench scale" in html
    assert "assets/plotly.min.js" not in html and "data-embed" not in html
    assert scale_record(view) == {"page": "scale.html", "results": str(path),
                                  "problem": view.problem}


def test_scale_page_validates_each_results_file_once_per_cache(tmp_path, monkeypatch):
    """A warm export skips jsonschema for results it found valid; a changed file is
    checked again, and an invalid one is still refused with its message."""
    from gallery.scale import results as scale_results

    cache = CellCache(tmp_path / "cache")
    path = tmp_path / "scale.json"
    path.write_text(RESULTS_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    calls = []
    validate = scale_results.validate
    monkeypatch.setattr(scale_results, "validate",
                        lambda results: calls.append(1) or validate(results))
    for _ in range(2):
        assert write_scale_page(tmp_path, [], NO_COUNTS, path=path, kept=cache).problem == ""
    assert len(calls) == 1
    broken = json.loads(path.read_text(encoding="utf-8"))
    broken["schema_version"] = "one"
    path.write_text(json.dumps(broken), encoding="utf-8")
    for _ in range(2):  # a refused file leaves no mark: refused again
        view = write_scale_page(tmp_path, [], NO_COUNTS, path=path, kept=cache)
        assert view.results is None and "could not be read" in view.problem
    assert len(calls) == 3


# --- escaping ---------------------------------------------------------------------------

HOSTILE_COLUMN = "<img src=x onerror=alert(1)>"
HOSTILE_VALUE = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    rows = [f"{30 + i % 17},{14 + i % 5},{HOSTILE_VALUE if i % 2 else 'plain & simple'}"
            for i in range(40)]
    csv = base / "hostile.csv"
    csv.write_text(f'"{HOSTILE_COLUMN}",depth,group\n' + "\n".join(rows) + "\n")
    code = main([
        "export", "--out", str(base / "site"), "--cache-dir", str(base / "cache"),
        "--dataset", str(csv), "--kinds", "scatter", "--libraries", "matplotlib,altair",
        "--jobs", "1",
    ])
    assert code == 0
    return base / "site"


def test_data_from_a_csv_is_escaped_in_every_page(hostile_site):
    cells = _manifest(hostile_site)["cells"]
    assert [c["status"] for c in cells] == ["ok", "ok"], cells
    # The shared cleaning step renames the column for the libraries and says so.
    assert any(HOSTILE_COLUMN in note for note in cells[0]["notes"])
    for page in hostile_site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html.lower(), page.name
        assert "<script>alert" not in html.lower(), page.name
        assert html.lower().count("</script>") == html.lower().count("<script"), page.name
    kind_page = (hostile_site / "kind-scatter.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in kind_page  # shown in the notes, as text
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in kind_page  # in the spec


def test_script_json_cannot_close_its_script_tag():
    text = json.dumps({"a": "</script><!-- & \u2028"})
    safe = str(script_json(text))
    assert "<" not in safe and ">" not in safe and "&" not in safe
    assert json.loads(safe) == json.loads(text)


@pytest.mark.browser
def test_hostile_data_opens_no_dialog_in_the_browser(browser, hostile_site):
    for name in ["index.html", "kind-scatter.html", "library-altair.html"]:
        watched = _Watched(browser, hostile_site / name)
        try:
            assert watched.dialogs == []
            assert watched.errors == [] and watched.outside == []
            assert watched.undrawn_cards() == []
        finally:
            watched.close()


# --- failures, atomicity, cache ---------------------------------------------------------


def test_a_failing_cell_is_an_error_card_and_fails_only_strict(tmp_path):
    csv = tmp_path / "text.csv"
    csv.write_text("name,a,b,kind\n" + "\n".join(
        f"n{i},{i},{i * 2 % 7},{'k1' if i % 2 else 'k2'}" for i in range(30)
    ) + "\n")
    args = ["--dataset", str(csv), "--kinds", "regression", "--libraries", "matplotlib",
            "--x", "name", "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    relaxed = _export("--out", str(tmp_path / "relaxed"), *args)
    assert relaxed.returncode == 0, relaxed.stderr
    cell = _manifest(tmp_path / "relaxed")["cells"][0]
    assert cell["status"] == "error"
    assert "Scatter with regression" in cell["message"] and "'name'" in cell["message"]
    cards = _parse(tmp_path / "relaxed" / "kind-regression.html").cards
    assert cards == [("matplotlib", "regression", "error")]
    strict = _export("--out", str(tmp_path / "strict"), "--strict", *args)
    assert strict.returncode == 1
    assert "matplotlib / regression" in strict.stderr
    assert (tmp_path / "strict" / "manifest.json").is_file()  # the site is still written


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failure_mid_export_leaves_the_previous_site_untouched(tmp_path, monkeypatch):
    options = ExportOptions(
        out=tmp_path / "site", libraries=("matplotlib",), kinds=("scatter", "box"), jobs=1,
        cache_dir=tmp_path / "cache",
    )
    export_site(options)
    before = _snapshot(tmp_path / "site")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(build, "write_pages", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        export_site(options)
    assert _snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]  # no temp left


def test_export_refuses_to_replace_a_folder_that_is_not_an_export(tmp_path):
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "thesis.tex").write_text("years of work")
    options = ExportOptions(out=tmp_path / "precious", libraries=("matplotlib",),
                            kinds=("scatter",), jobs=1, cache_dir=tmp_path / "cache")
    with pytest.raises(PublishError, match="not a previous export"):
        export_site(options)
    assert (tmp_path / "precious" / "thesis.tex").read_text() == "years of work"


def test_a_warm_re_export_takes_every_chart_from_the_cache(tmp_path):
    options = ExportOptions(
        out=tmp_path / "site", libraries=("matplotlib", "vega_lite"), kinds=("scatter", "bar"),
        jobs=2, cache_dir=tmp_path / "cache",
    )
    cold = export_site(options).manifest
    assert (cold["rendered"], cold["from_cache"]) == (4, 0)
    warm = export_site(options).manifest
    assert (warm["rendered"], warm["from_cache"]) == (0, 4)
    assert all(cell["cached"] for cell in warm["cells"])
    assert [c["bytes"] for c in warm["cells"]] == [c["bytes"] for c in cold["cells"]]
    # Other data is another key: nothing stale is served.
    other = export_site(ExportOptions(**{**options.__dict__, "choice": DataChoice("gapminder")}))
    assert (other.manifest["rendered"], other.manifest["from_cache"]) == (4, 0)


@dataclass(frozen=True)
class _DeadlyData(DataChoice):
    """Data whose bar chart kills the worker process drawing it (module level: the
    spawned workers import it by name)."""

    def render_args(self, kind: str):
        if kind == "bar":
            os._exit(3)
        return super().render_args(kind)


def test_a_worker_that_dies_leaves_error_records_not_a_crashed_export():
    jobs = [CellJob("matplotlib", kind, _DeadlyData(), key=kind) for kind in ("bar", "box")]
    jobs += [CellJob("plotly", kind, _DeadlyData(), key=kind) for kind in ("scatter", "box")]
    results = {(r.library, r.kind): r for r in draw(jobs, workers=2)}
    assert len(results) == 4  # one record per cell, drawn or not
    lost = results[("matplotlib", "bar")]
    assert lost.status == "error" and "worker process drawing bar failed" in lost.message
    # The pool stops every worker when one dies: the others' unfinished cells are errors
    # that say so, and whatever was finished before is kept.
    assert all(r.ok or "worker process" in r.message for r in results.values())


def test_each_photographed_chart_lies_whole_in_one_screenshot():
    """The thumbnail pass cuts charts out of window-high screenshots: a chart that crosses
    a window's lower edge starts the next window, and none is cut in two or left out."""
    from gallery.site.thumbnails import _windows

    # id, left, top, width, height (page px), as the sheet's charts are measured
    boxes = [["a", 0, 10, 500, 300], ["b", 600, 10, 500, 420], ["c", 0, 450, 500, 300],
             ["d", 0, 900, 500, 900], ["e", 600, 1850, 500, 40]]
    windows = _windows(boxes, 1000)
    for top, members in windows:
        assert all(top <= box[2] and box[2] + box[4] <= top + 1000 for box in members)
    assert sorted(box[0] for _, members in windows for box in members) == list("abcde")
    # "c" ends at 750, inside the first window; "d" (900-1800) does not, and starts its own
    assert [[box[0] for box in members] for _, members in windows] == [["a", "b", "c"],
                                                                       ["d", "e"]]


def test_a_thumbnail_shows_a_transparent_margin_as_white():
    """matplotlib's SVG leaves what lies outside the figure transparent (a 3D plot's labels
    past its edge): the matrix showed it black."""
    from PIL import Image

    from gallery.site.thumbnails import THUMB_WIDTH, _shrink

    image = Image.new("RGBA", (480, 320), (0, 0, 0, 0))
    image.paste((0, 114, 178, 255), (100, 100, 380, 220))  # a blue mark on nothing
    png = io.BytesIO()
    image.save(png, format="PNG")
    thumb = Image.open(io.BytesIO(_shrink(png.getvalue())))
    assert thumb.size == (THUMB_WIDTH, 160)
    assert thumb.getpixel((2, 2)) == (255, 255, 255)
    assert thumb.getpixel((120, 80)) == (0, 114, 178)
