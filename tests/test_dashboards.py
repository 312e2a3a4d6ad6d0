"""The four penguins dashboards, each served for real and driven in headless Chromium.

Every app starts on a free loopback port; the browser must never leave loopback. The count
it shows is checked against pandas at every step: first everything, then one species, then
a narrower body-mass range read off the slider as the page displays it. The chart is
checked too, each through what its framework puts in the page."""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gallery.dashboards import DASHBOARDS, address, serve_command, serve_env
from gallery.dashboards.cli import stop
from tests.browser import ROOT, chromium, free_port

COLUMNS = ["species", "bill_length_mm", "bill_depth_mm", "body_mass_g"]
PENGUINS = pd.read_csv(ROOT / "gallery" / "data" / "penguins.csv").dropna(subset=COLUMNS)
LOW, HIGH = int(PENGUINS["body_mass_g"].min()), int(PENGUINS["body_mass_g"].max())
SPECIES = "Gentoo"
START_TIMEOUT_S = 120  # two shared cores: a Voila kernel start can be slow under load
# Console messages allowed as benign. None is needed today: a message matching nothing
# here fails the test. Add a pattern only with the reason it is harmless.
BENIGN_CONSOLE: list[re.Pattern] = []


def expected_count(species: str, low: float, high: float) -> int:
    rows = PENGUINS[PENGUINS["body_mass_g"].between(low, high)]
    return len(rows if species == "all" else rows[rows["species"] == species])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def dashboard_server(key: str) -> Iterator[str]:
    """Serve one dashboard on a free loopback port; yield its address; stop it by PID."""
    port = free_port()
    log = tempfile.TemporaryFile("w+")
    server = subprocess.Popen(
        serve_command(key, port), cwd=ROOT, env={**os.environ, **serve_env(key)},
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"{key} did not start:\n{log.read()[-3000:]}")
            time.sleep(0.3)
        yield address(key, port)
    finally:
        stop(server)
        log.close()


def _numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def _press(page, handle, key: str, times: int = 3) -> None:
    handle.focus()
    for _ in range(times):
        page.keyboard.press(key)


# --- What each framework puts in the page -------------------------------------------------

def _dash_chart(page) -> dict:
    # plotly.js draws one <path class="point"> per marker, one trace per species.
    return {"points": page.locator(".scatterlayer .point").count(),
            "species": page.locator(".scatterlayer .trace").count()}


def _dash_choose(page, species: str) -> None:
    page.locator("#species").click()
    page.get_by_role("option", name=species, exact=True).click()


def _dash_narrow(page) -> tuple[int, int]:
    _press(page, page.locator(".dash-slider-thumb-2"), "PageDown")
    page.wait_for_timeout(300)
    # The slider's own number boxes show the range it sends to the callback.
    return (int(page.locator(".dash-range-slider-min-input").input_value()),
            int(page.locator(".dash-range-slider-max-input").input_value()))


# bokeh draws on a canvas: read the plot's model instead, through the models reachable from
# the document's roots (replaced plots linger in all_models but are not reachable).
_BOKEH_SCATTER = """() => {
  const seen = new Set(), species = new Set();
  let points = 0;
  const walk = (model) => {
    if (seen.has(model)) return;
    seen.add(model);
    if (model.type === "GlyphRenderer" && model.glyph.type === "Scatter") {
      points += model.data_source.get_length();
      for (const name of model.data_source.get_column("species")) species.add(name);
    }
    for (const ref of model.references()) walk(ref);
  };
  for (const root of Bokeh.documents[0].roots()) walk(root);
  return {points, species: species.size};
}"""


def _panel_chart(page) -> dict:
    return page.evaluate(_BOKEH_SCATTER)


def _panel_count(page) -> str:
    # pn.indicators.Number: its name, then the value in the next element.
    return page.get_by_text("Penguins shown", exact=True).evaluate(
        "e => e.nextElementSibling.textContent")


def _panel_narrow(page) -> tuple[int, int]:
    _press(page, page.locator(".noUi-handle").last, "PageDown")
    page.wait_for_timeout(300)
    low, high = _numbers(page.locator(".bk-slider-title").inner_text())[-2:]
    return low, high


# matplotlib sends a PNG: count the pixels in each species' exact colour.
_VOILA_COLORS = {"Adelie": (0x1F, 0x77, 0xB4), "Chinstrap": (0xFF, 0x7F, 0x0E),
                 "Gentoo": (0x2C, 0xA0, 0x2C)}


def _voila_chart(page) -> dict:
    from PIL import Image

    src = page.locator(".widget-output img").first.get_attribute("src")
    image = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("RGB")
    colors = dict.fromkeys(_VOILA_COLORS.values(), 0)
    for count, color in image.getcolors(maxcolors=1 << 24):
        if color in colors:
            colors[color] = count
    pixels = {name: colors[color] for name, color in _VOILA_COLORS.items()}
    return {"species": sum(1 for n in pixels.values() if n), "pixels": pixels}


def _voila_count(page) -> str:
    return page.locator(".widget-label", has_text="penguins").inner_text()


def _voila_narrow(page) -> tuple[int, int]:
    _press(page, page.locator(".noUi-handle").last, "PageDown")
    page.wait_for_timeout(300)
    low, high = _numbers(page.locator(".widget-readout").inner_text())
    return low, high


def _select(page, species: str) -> None:
    page.locator("select").select_option(species)


# Vega renders SVG in Streamlit: one path per data point in the mark's group (the legend's
# symbols are a different role), filled with its species' colour.
_VEGA_POINTS = ".vega-embed svg .mark-symbol.role-mark path"


def _streamlit_chart(page) -> dict:
    fills = page.locator(_VEGA_POINTS).evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
    return {"points": len(fills), "species": len(set(fills))}


def _streamlit_choose(page, species: str) -> None:
    page.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name=species, exact=True).click()


def _streamlit_narrow(page) -> tuple[int, int]:
    _press(page, page.get_by_role("slider").last, "PageDown")
    page.wait_for_timeout(300)
    low, high = (int(v) for v in page.locator('[data-testid="stSliderThumbValue"]')
                 .all_inner_texts())
    return low, high


@dataclass(frozen=True)
class Driver:
    """How the test drives one framework's page and reads it back."""

    chart_ready: str  # a selector present once the chart is drawn
    chart: Callable  # page -> dict with "species" drawn (and "points" where countable)
    count: Callable  # page -> the text holding the count
    choose: Callable  # (page, species) -> None
    narrow: Callable  # page -> (low, high) shown after moving the upper handle down


DRIVERS = {
    "dash": Driver(".scatterlayer .point", _dash_chart,
                   lambda page: page.locator("#count").inner_text(), _dash_choose, _dash_narrow),
    "panel": Driver("canvas", _panel_chart, _panel_count, _select, _panel_narrow),
    "voila": Driver(".widget-output img", _voila_chart, _voila_count, _select, _voila_narrow),
    "streamlit": Driver(_VEGA_POINTS, _streamlit_chart,
                        lambda page: page.locator('[data-testid="stMetricValue"]').inner_text(),
                        _streamlit_choose, _streamlit_narrow),
}


def _wait_for(page, driver: Driver, expected: int, before: dict | None = None,
              timeout_s: float = 60) -> dict:
    """Poll until the page shows ``expected`` and the chart agrees (and, given the chart
    ``before`` a change, differs from it: a count can update before its chart redraws)."""
    deadline = time.monotonic() + timeout_s
    while True:
        shown = _numbers(driver.count(page))
        chart = driver.chart(page)
        if shown == [expected] and chart.get("points", expected) == expected and (
                chart != before):
            return chart
        if time.monotonic() > deadline:
            raise AssertionError(f"expected {expected} penguins, the page shows {shown} "
                                 f"and its chart {chart}")
        page.wait_for_timeout(300)


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("key", DASHBOARDS.names())
def test_dashboard_updates_offline(key, browser, artifacts):
    driver, info = DRIVERS[key], DASHBOARDS.get(key)
    outside, console = [], []
    with dashboard_server(key) as url:
        page = browser.new_page(viewport={"width": 1100, "height": 780})

        def guard(route):
            host = route.request.url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
            if route.request.url.startswith(("data:", "blob:")) or host in (
                    "127.0.0.1", "localhost"):
                return route.continue_()
            outside.append(route.request.url)
            return route.abort()

        page.route("**/*", guard)
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: console.append(str(error)))
        page.goto(url, wait_until="commit", timeout=START_TIMEOUT_S * 1000)
        page.locator(driver.chart_ready).first.wait_for(timeout=START_TIMEOUT_S * 1000)

        everything = _wait_for(page, driver, expected_count("all", LOW, HIGH))
        assert everything["species"] == 3, everything
        page.screenshot(path=str(info.screenshot))
        shutil.copy(info.screenshot, artifacts / f"dashboard-{key}.png")

        driver.choose(page, SPECIES)
        one = _wait_for(page, driver, expected_count(SPECIES, LOW, HIGH), everything)
        assert one["species"] == 1 and one != everything, (everything, one)

        low, high = driver.narrow(page)
        assert (low, high) != (LOW, HIGH), "the slider did not move"
        assert expected_count(SPECIES, low, high) != expected_count(SPECIES, LOW, HIGH)
        narrowed = _wait_for(page, driver, expected_count(SPECIES, low, high), one)
        assert narrowed != one, (one, narrowed)
        page.screenshot(path=str(artifacts / f"dashboard-{key}-changed.png"))
        page.close()
    assert outside == [], f"{key} asked the network for: {outside[:5]}"
    errors = [m for m in console if not any(p.search(m) for p in BENIGN_CONSOLE)]
    assert errors == [], errors[:5]


def _find(node, key: str):
    """The element or container of an AppTest tree with this key, or None."""
    if getattr(node, "key", None) == key:
        return node
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else []:
        found = _find(child, key)
        if found is not None:
            return found
    return None


def _texts(node) -> list[str]:
    texts = [node.value] if isinstance(getattr(node, "value", None), str) else []
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else []:
        texts.extend(_texts(child))
    return texts


def test_dashboards_page_shows_each_framework_with_code_and_tags():
    at = AppTest.from_file(str(ROOT / "app_pages" / "dashboards.py"), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    # st.code drops the final newline.
    assert [block.value for block in at.code] == [
        DASHBOARDS.get(key).code().rstrip("\n") for key in DASHBOARDS]
    for key in DASHBOARDS:
        tags = _find(at._tree, f"dashboard-tags-{key}")
        assert tags is not None, key
        shown = " ".join(_texts(tags))
        for name, value in DASHBOARDS.get(key).tags.items():
            assert f"{name}: {value}" in shown, (key, name, shown)


def test_registry_matches_the_files_and_serves_on_loopback_only():
    files = {p.name for p in (ROOT / "gallery" / "dashboards").glob("*_app.*")}
    assert {DASHBOARDS.get(key).filename for key in DASHBOARDS} == files
    for key in DASHBOARDS:
        info = DASHBOARDS.get(key)
        assert info.version != "not installed", key
        assert 15 < info.lines_of_code < 60, (key, info.lines_of_code)
        command = " ".join(serve_command(key, 8999))
        assert "8999" in command and ("127.0.0.1" in command or key == "dash"), command
        assert address(key, 8999).startswith("http://127.0.0.1:8999/")
    # dash_app.py's __main__ block is where its host is set.
    assert 'host="127.0.0.1"' in DASHBOARDS.get("dash").path.read_text()
    assert "--browser.gatherUsageStats false" in " ".join(serve_command("streamlit", 1))


@pytest.mark.slow
def _fetch(url: str, seconds: float = 20) -> bytes:
    """GET ``url``, retrying refused connections for a bounded time (a loaded machine may
    be a moment between the port opening and the app answering)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                assert answer.status == 200
                return answer.read()
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_cli_serves_a_dashboard_until_interrupted():
    port = free_port()
    cli = subprocess.Popen(
        [sys.executable, "-m", "gallery", "dashboard", "dash", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        line = cli.stdout.readline()  # printed once the server listens
        assert f"http://127.0.0.1:{port}/" in line, line
        page = _fetch(f"http://127.0.0.1:{port}/")
        assert b"_dash-config" in page
        cli.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert cli.wait(timeout=30) == 0
        assert not _listening(port)
    finally:
        if cli.poll() is None:
            cli.kill()
        cli.stdout.close()
