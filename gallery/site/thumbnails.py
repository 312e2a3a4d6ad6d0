"""A picture for every drawn cell of the matrix, interactive ones included.

Static charts (the matplotlib family's SVG) and Vega-Lite specs are drawn to PNG by
vl-convert (its resvg and its own Vega runtime: no browser). Bokeh and Plotly draw only in
a browser, so their charts are photographed in headless Chromium in the kind pages' own
cards, at the width a reader sees them: all of a browser's share on one unpublished page
(one load of each library's script, a few tall screenshots cut into charts, instead of a
load per kind page and a screenshot per chart). Each picture is kept in the cache under
its cell's key; without Chromium, those cells keep a text label and the index says why."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gallery.chromium import chromium, missing
from gallery.site.cache import CellCache
from gallery.site.cells import CellResult

if TYPE_CHECKING:
    from gallery.site.pages import CellView

THUMB_DIR = "thumbs"
THUMB_WIDTH = 240  # px, twice what the matrix shows, for sharp screens
HOW = ("Thumbnails: matplotlib-family charts (SVG) and Vega-Lite specs are drawn to PNG by "
       "vl-convert; Bokeh and Plotly charts are photographed in headless Chromium, in "
       "their kind page's card.")
_BROWSER = {"bokeh", "plotly"}


@dataclass
class Thumbnails:
    """Where each cell's picture is (site-relative), and what could not be made."""

    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # sentences, for the index page


def _shrink(png: bytes) -> bytes:
    from PIL import Image

    return _shrink_image(Image.open(io.BytesIO(png)))


def _shrink_image(image: Any) -> bytes:
    """A PIL image as a PNG at most THUMB_WIDTH wide."""
    from PIL import Image

    if "A" in image.getbands() or "transparency" in image.info:
        # transparent parts (an SVG's margin outside its figure) on white, not black
        image = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", image.size, "white"), image)
    image = image.convert("RGB")
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


def draw_ahead(result: CellResult, cache: CellCache) -> None:
    """Keep the picture of a cell drawn without a browser in the cache now, as its result
    comes back while other cells still draw (make_thumbnails then finds it there). A
    failure is left for make_thumbnails to meet again and report."""
    if not (result.ok and result.key and cache.writable) or result.family in _BROWSER:
        return
    try:
        cache.write_blob(f"thumbs/{result.key}.png", _shrink(_drawn_without_browser(result)))
    except Exception:  # noqa: BLE001 - said by make_thumbnails, which tries again
        return


def make_thumbnails(site: Path, views: Iterable[CellView], cache: CellCache) -> Thumbnails:
    """Write a PNG per drawn cell under ``site/thumbs``: from the cache, drawn, or
    photographed in headless Chromium in the kind pages' own cards."""
    found = Thumbnails()
    (site / THUMB_DIR).mkdir(exist_ok=True)
    to_photograph: dict[str, list[CellView]] = {}
    for view in views:
        result = view.result
        if not result.ok:
            continue
        kept = cache.read_blob(f"thumbs/{result.key}.png") if result.key else None
        if kept is None and result.family in _BROWSER:
            to_photograph.setdefault(result.kind, []).append(view)
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
# Each chart's box on the page (page coordinates, CSS px) and whether it drew.
_BOXES = """Array.from(document.querySelectorAll('[data-embed]')).map(e => {
    const r = e.getBoundingClientRect();
    return [e.id, r.left + scrollX, r.top + scrollY, r.width, r.height, e.dataset.rendered];
})"""
_BROWSERS = 2  # sheets photographed at once: one Chromium each, as many as the two cores
_WINDOW = (1280, 4000)  # a laptop's width; tall, so that one screenshot holds many charts


def _local_only(route: Any) -> None:
    """Nothing leaves the machine: the sheet needs only the site's own files."""
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def _photograph(site: Path, cache: CellCache, pending: dict[str, list[CellView]],
                found: Thumbnails) -> None:
    problem = missing()
    if problem:
        count = sum(len(cells) for cells in pending.values())
        found.missing.append(f"{count} Bokeh and Plotly charts have no picture: headless "
                             f"Chromium could not start ({problem}); they keep a label")
        return
    from gallery.site.pages import chart_id, write_sheet

    sheets = [write_sheet(site, f"_sheet-{number}.html", [(row[0].kind, row) for row in share])
              for number, share in enumerate(_shares(pending, _BROWSERS))]
    try:
        with ThreadPoolExecutor(max_workers=len(sheets)) as browsers:
            taken = [browsers.submit(_photograph_sheet, site / name) for name in sheets]
            pictures = dict(item for task in taken for item in task.result().items())
    finally:
        for name in sheets:  # never published
            (site / name).unlink(missing_ok=True)
    for view in (view for cells in pending.values() for view in cells):
        picture = pictures.get(chart_id(view.result), "it was not on the page photographed")
        if isinstance(picture, bytes):
            _keep(site, cache, view.result, picture, found)
        else:
            found.missing.append(f"{view.result.library} / {view.result.kind}: {picture}")


def _shares(pending: dict[str, list[CellView]], count: int) -> list[list[list[CellView]]]:
    """The kinds' charts dealt to ``count`` browsers, each about the same number."""
    shares: list[list[list[CellView]]] = [[] for _ in range(count)]
    for cells in sorted(pending.values(), key=len, reverse=True):
        min(shares, key=lambda share: sum(map(len, share))).append(cells)
    return [share for share in shares if share]


def _windows(boxes: list[list[Any]], height: float) -> list[tuple[float, list[list[Any]]]]:
    """Scroll positions, each with the charts wholly inside a window of ``height`` there:
    every chart in one window (a window starts at the top of the first chart left)."""
    windows: list[tuple[float, list[list[Any]]]] = []
    for box in sorted(boxes, key=lambda b: b[2]):
        if windows and box[2] + box[4] <= windows[-1][0] + height:
            windows[-1][1].append(box)
        else:
            windows.append((box[2], [box]))
    return windows


def _drawn_boxes(page: Any, pictures: dict[str, bytes | str]) -> list[list[Any]]:
    """The boxes of the charts that drew; why each other one has no picture."""
    drawn = []
    for box in page.evaluate(_BOXES):
        if box[5] != "ok":
            pictures[box[0]] = "the chart could not be drawn in Chromium"
        elif box[3] < 1 or box[4] < 1:
            pictures[box[0]] = f"the chart drew {box[3]:.0f} x {box[4]:.0f} px"
        else:
            drawn.append(box)
    return drawn


def _photograph_sheet(sheet: Path) -> dict[str, bytes | str]:
    """In a thread of its own, with a Chromium of its own: each chart's picture (by its
    element id) cut from screenshots of the whole window, or why it has none."""
    from PIL import Image

    pictures: dict[str, bytes | str] = {}
    with chromium() as browser:
        width, height = _WINDOW
        page = browser.new_page(viewport={"width": width, "height": height})
        page.route("**/*", _local_only)
        page.goto(sheet.as_uri())
        page.wait_for_function(_SETTLED, timeout=120_000)
        page.wait_for_timeout(300)  # Plotly's and Bokeh's last layout pass
        drawn = _drawn_boxes(page, pictures)
        tallest = max((box[4] for box in drawn), default=0)
        if tallest > height:  # widths stay: the cards' widths follow the window's
            height = int(tallest) + 1
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(300)
            drawn = _drawn_boxes(page, pictures)
        for top, members in _windows(drawn, height):
            top = page.evaluate("y => { window.scrollTo(0, y); return scrollY; }", top)
            shot = Image.open(io.BytesIO(page.screenshot(animations="disabled")))
            for name, left, upper, across, down, _ in members:
                cut = shot.crop((round(left), round(upper - top), round(left + across),
                                 round(upper - top + down)))
                pictures[name] = _shrink_image(cut)
    return pictures
