"""A picture for every drawn cell of the matrix, interactive ones included.

Static charts (the matplotlib family's SVG) and Vega-Lite specs are drawn to PNG by
vl-convert (its resvg and its own Vega runtime: no browser). Bokeh and Plotly draw only in
a browser, so their charts are photographed on the site's own kind pages in headless
Chromium, as the reader sees them. Each picture is kept in the cache under its cell's key;
without Chromium, those cells keep a text label and the index says why."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gallery.chromium import chromium, missing
from gallery.site.cache import CellCache
from gallery.site.cells import CellResult

THUMB_DIR = "thumbs"
THUMB_WIDTH = 240  # px, twice what the matrix shows, for sharp screens
HOW = ("Thumbnails: matplotlib-family charts (SVG) and Vega-Lite specs are drawn to PNG by "
       "vl-convert; Bokeh and Plotly charts are photographed on their kind page in headless "
       "Chromium.")
_BROWSER = {"bokeh", "plotly"}


@dataclass
class Thumbnails:
    """Where each cell's picture is (site-relative), and what could not be made."""

    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # sentences, for the index page


def _shrink(png: bytes) -> bytes:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > THUMB_WIDTH:
        height = round(image.height * THUMB_WIDTH / image.width)
        image = image.resize((THUMB_WIDTH, max(1, height)), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # optimize=True: 4x the time for 2 % less
    return out.getvalue()


def _drawn_without_browser(result: CellResult) -> bytes:
    import vl_convert as vlc

    from gallery.renderers.matplotlib_figures import first_frame, is_page

    if result.family == "vega":
        return vlc.vegalite_to_png(json.loads(result.text), scale=0.6)
    if is_page(result.text):  # an animation: its first frame
        return vlc.svg_to_png(first_frame(result.text), scale=0.6)
    return vlc.svg_to_png(result.text, scale=0.6)


def _name(result: CellResult) -> str:
    return f"{THUMB_DIR}/{result.library}-{result.kind}.png"


def make_thumbnails(site: Path, results: Iterable[CellResult], cache: CellCache) -> Thumbnails:
    """Write a PNG per drawn cell under ``site/thumbs``: from the cache, drawn, or
    photographed on the kind pages already written to ``site``."""
    found = Thumbnails()
    (site / THUMB_DIR).mkdir(exist_ok=True)
    to_photograph: dict[str, list[CellResult]] = {}
    for result in results:
        if not result.ok:
            continue
        kept = cache.read_blob(f"thumbs/{result.key}.png") if result.key else None
        if kept is None and result.family in _BROWSER:
            to_photograph.setdefault(result.kind, []).append(result)
            continue
        try:
            png = kept or _shrink(_drawn_without_browser(result))
        except Exception as error:  # one cell without a picture keeps its label
            found.missing.append(f"{result.library} / {result.kind}: {error}")
            continue
        _keep(site, cache, result, png, found)
    if to_photograph:
        _photograph(site, cache, to_photograph, found)
    return found


def _keep(site: Path, cache: CellCache, result: CellResult, png: bytes,
          found: Thumbnails) -> None:
    (site / _name(result)).write_bytes(png)
    if result.key:
        cache.write_blob(f"thumbs/{result.key}.png", png)
    found.paths[(result.library, result.kind)] = _name(result)


_SETTLED = ("Array.from(document.querySelectorAll('[data-embed]'))"
            ".every(e => e.dataset.rendered)")
# On the photographing pass only Bokeh and Plotly are drawn: the static charts (SVG
# files, animation pages) and Vega's runtime, which have their own pictures, are answered
# with nothing, so a page costs its two libraries and not its slowest SVG.
_BLANK = {".svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"/>',
                   "image/svg+xml"),
          ".html": ("<!DOCTYPE html><title>-</title>", "text/html"),
          "vega-bundle.js": ("", "text/javascript")}
_BROWSERS = 2  # pages photographed at once: one Chromium each, as many as the two cores


def _lean(route: Any) -> None:
    """Local files only, and nothing the photographs do not need."""
    url = route.request.url
    if not url.startswith(("file:", "data:", "blob:")):
        route.abort()
        return
    path = url.split("?")[0]
    for ending, (body, kind) in _BLANK.items():
        if path.endswith(ending) and ("/charts/" in path or ending == "vega-bundle.js"):
            route.fulfill(body=body, content_type=kind)
            return
    route.continue_()


def _photograph(site: Path, cache: CellCache, pending: dict[str, list[CellResult]],
                found: Thumbnails) -> None:
    problem = missing()
    if problem:
        count = sum(len(cells) for cells in pending.values())
        found.missing.append(f"{count} Bokeh and Plotly charts have no picture: headless "
                             f"Chromium could not start ({problem}); they keep a label")
        return
    shares = _shares(pending, _BROWSERS)
    with ThreadPoolExecutor(max_workers=len(shares)) as browsers:
        taken = [browsers.submit(_photograph_pages, site, share) for share in shares]
        for task in taken:
            for result, picture in task.result():
                if isinstance(picture, bytes):
                    _keep(site, cache, result, _shrink(picture), found)
                else:
                    found.missing.append(f"{result.library} / {result.kind}: {picture}")


def _shares(pending: dict[str, list[CellResult]], count: int) -> list[list[list[CellResult]]]:
    """The kind pages dealt to ``count`` browsers, each about the same number of charts."""
    shares: list[list[list[CellResult]]] = [[] for _ in range(count)]
    for cells in sorted(pending.values(), key=len, reverse=True):
        min(shares, key=lambda share: sum(map(len, share))).append(cells)
    return [share for share in shares if share]


def _photograph_pages(site: Path, pages: list[list[CellResult]]
                      ) -> list[tuple[CellResult, bytes | str]]:
    """In a thread of its own, with a Chromium of its own: each chart's picture, or why
    it has none."""
    pictures: list[tuple[CellResult, bytes | str]] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", _lean)
        for cells in pages:
            page.goto((site / f"kind-{cells[0].kind}.html").as_uri())
            page.wait_for_function(_SETTLED, timeout=120_000)
            page.wait_for_timeout(300)  # Plotly's and Bokeh's last layout pass
            for result in cells:
                chart = page.locator(f"#chart-{result.library}-{result.kind}")
                try:
                    pictures.append((result, chart.screenshot(animations="disabled")))
                except Exception as error:
                    pictures.append((result, str(error)))
    return pictures
