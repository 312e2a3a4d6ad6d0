"""matplotlib family: matplotlib, seaborn, plotnine, pandas and HoloViews' matplotlib
backend all end in a matplotlib Figure; the payload is its SVG text.

An animation (matplotlib's FuncAnimation, plotnine's PlotnineAnimation, both matplotlib
Animations) is drawn on one Figure too: ``figure_of`` returns that Figure and remembers
its Animation (``animation_of``), so that measuring and verifying read the first frame,
and the payload is the animation as one offline HTML page (``Animation.to_jshtml``: every
frame embedded as an SVG, a play button and a frame slider, no server)."""

from __future__ import annotations

import io
import itertools
import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from gallery.drawn import Drawn
from gallery.renderers.holoviews_state import options_dropped

SUFFIXES = (".svg", ".png", ".html")
MAX_ROWS = 10_000  # scale bench: scatter 0.5-0.8 s at 10k rows (seaborn slowest), 2-9 s at 100k


@contextmanager
def isolated() -> Iterator[None]:
    """Undo any style a library sets (seaborn themes, plotnine rc) after its cell."""
    import matplotlib.pyplot as plt

    with plt.rc_context(), options_dropped():
        yield


# Figure -> the Animation drawn on it (a Figure does not know its Animation)
_ANIMATIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def figure_of(native: Any) -> Any:
    """The matplotlib Figure behind what a library's chart function returned."""
    from matplotlib.animation import Animation

    if isinstance(native, Animation):
        _ANIMATIONS[native._fig] = native
        return native._fig
    module = type(native).__module__
    if module.startswith("holoviews"):
        import holoviews as hv

        return hv.render(native, backend="matplotlib")
    if module.startswith("plotnine"):
        return native.draw()
    if hasattr(native, "flat"):  # pandas returns an array of Axes for subplots
        return native.flat[0].figure
    from matplotlib.figure import Figure

    if isinstance(native, Figure):
        return native
    if hasattr(native, "figure"):  # Axes, seaborn grids (which also have a savefig)
        return native.figure
    raise TypeError(f"expected a matplotlib Figure, Axes or grid, got {type(native).__name__}")


def animation_of(figure: Any) -> Any:
    """The Animation drawn on ``figure`` (returned by a chart function), or None."""
    return _ANIMATIONS.get(figure)


def frames_of(animation: Any) -> list[Any]:
    """What each frame the animation saves is drawn from, in order: the frame values of a
    FuncAnimation, the artist lists of an ArtistAnimation."""
    count = getattr(animation, "_save_count", None)
    return list(itertools.islice(animation.new_frame_seq(), count))


def show_frame(animation: Any, frame: Any) -> None:
    """Put the figure in the state of one frame, without Animation's own drawing steps (a
    FuncAnimation's _draw_frame would queue the frame for the next save)."""
    from matplotlib.animation import ArtistAnimation, FuncAnimation

    if isinstance(animation, FuncAnimation):
        animation._func(frame, *animation._args)
    elif isinstance(animation, ArtistAnimation):
        for artist in (a for artists in animation._framedata for a in artists):
            artist.set_visible(False)
        for artist in frame:
            artist.set_visible(True)
    else:
        raise TypeError(f"cannot show a frame of a {type(animation).__name__}")


def other_frames(animation: Any, shown: Any) -> set[int]:
    """Ids of the artists that belong to frames other than ``shown`` (an ArtistAnimation
    keeps every frame's artists on the axes, hidden): not marks of the frame shown."""
    from matplotlib.animation import ArtistAnimation

    if not isinstance(animation, ArtistAnimation):
        return set()
    mine = {id(a) for a in shown}
    return {id(a) for artists in animation._framedata for a in artists} - mine


def _vertices(line: Any) -> int:
    """Drawn vertices of a Line2D: finite points, where there are two or more or a marker
    (one point and no marker draws nothing)."""
    try:
        finite = int(np.isfinite(np.asarray(line.get_ydata(), dtype=float)).sum())
    except (TypeError, ValueError):  # categorical values: every one is a position
        finite = len(line.get_ydata())
    has_marker = line.get_marker() not in {None, "", " ", "None", "none"}
    return finite if finite >= 2 or has_marker else 0


def _at_first_frame(figure: Any) -> set[int]:
    """Show an animation's first frame; the ids of the other frames' artists (none for a
    still figure)."""
    animation = animation_of(figure)
    if animation is None:
        return set()
    first = frames_of(animation)[0]
    show_frame(animation, first)
    return other_frames(animation, first)


def _collection_marks(ax: Any, skip: set[int]) -> tuple[int, int, int, int]:
    """(points, cells, line points, shapes) of an Axes' collections."""
    from matplotlib.collections import (
        LineCollection,
        PatchCollection,
        PathCollection,
        PolyCollection,
        QuadMesh,
    )

    points = cells = line_points = shapes = 0
    for coll in ax.collections:
        if id(coll) in skip:
            continue
        if isinstance(coll, PathCollection):
            points += len(coll.get_offsets())
        elif isinstance(coll, QuadMesh):
            cells += coll.get_array().size
        elif isinstance(coll, LineCollection):
            line_points += sum(len(seg) for seg in coll.get_segments())
        elif isinstance(coll, PolyCollection | PatchCollection):  # PatchCollection: HoloViews'
            shapes += len(coll.get_paths())  # Rectangles and Polygons
    return points, cells, line_points, shapes


def measure(figure: Any) -> Drawn:
    """Count the marks on every Axes of ``figure`` (legends are not on the Axes); of an
    animation, the marks of its first frame."""
    from matplotlib.container import BarContainer
    from matplotlib.patches import PathPatch, Polygon, Wedge

    skip = _at_first_frame(figure)

    points = bars = line_points = boxes = cells = shapes = 0
    bar_total = 0.0
    # a colour scale is not data: skip every colorbar's axes, however it was created
    # (fig.colorbar labels its axes "<colorbar>"; HoloViews passes its own cax)
    scales = {m.colorbar.ax for ax in figure.axes for m in [*ax.collections, *ax.images]
              if getattr(m, "colorbar", None) is not None}
    for ax in figure.axes:
        if ax.get_label() == "<colorbar>" or ax in scales:
            continue
        counted = _collection_marks(ax, skip)
        points, cells, line_points, shapes = (
            a + b for a, b in zip((points, cells, line_points, shapes), counted, strict=True))
        line_points += sum(_vertices(line) for line in ax.lines)
        cells += sum(image.get_array().size for image in ax.images)
        for container in ax.containers:
            if isinstance(container, BarContainer):
                heights = [abs(p.get_height()) for p in container.patches
                           if np.isfinite(p.get_height())]  # a missing group: no bar
                bars += sum(1 for h in heights if h > 0)
                bar_total += sum(heights)
        boxes += sum(1 for patch in ax.patches if isinstance(patch, PathPatch))
        shapes += sum(1 for patch in ax.patches if isinstance(patch, Wedge | Polygon))
        more_boxes, more_bars, more_total, more_cells = _rectangle_marks(ax)
        boxes, bars, bar_total, cells = (
            boxes + more_boxes, bars + more_bars, bar_total + more_total, cells + more_cells
        )
    return Drawn(
        points=points, bars=bars, bar_total=round(bar_total) if np.isfinite(bar_total) else 0,
        line_points=line_points, boxes=boxes, cells=cells, shapes=shapes,
    )


def _rectangle(vertices: Any) -> tuple[float, float, float, float] | None:
    """(x0, x1, y0, y1) when ``vertices`` trace an axis-aligned rectangle, else None."""
    xs, ys = np.unique(vertices[:, 0]), np.unique(vertices[:, 1])
    if len(vertices) < 4 or len(xs) > 2 or len(ys) > 2:
        return None
    return xs[0], xs[-1], ys[0], ys[-1]


def _segments(ax: Any) -> Any:
    """Every two-point straight segment on ``ax``, as an (n, 2, 2) array."""
    from matplotlib.collections import LineCollection

    found = [line.get_xydata() for line in ax.lines if len(line.get_xdata()) == 2]
    for coll in ax.collections:
        if isinstance(coll, LineCollection):
            found += [np.asarray(seg) for seg in coll.get_segments() if len(seg) == 2]
    return np.array(found, dtype=float).reshape(-1, 2, 2)


def _crossed(rect: tuple[float, float, float, float], segments: Any) -> bool:
    """Whether a segment spans the rectangle's whole width (or height) inside it, as the
    median line crosses the box of a box plot."""
    x0, x1, y0, y1 = rect
    (xa, ya), (xb, yb) = segments[:, 0].T, segments[:, 1].T
    across = (np.isclose(ya, yb) & (ya >= y0) & (ya <= y1)
              & np.isclose(np.minimum(xa, xb), x0) & np.isclose(np.maximum(xa, xb), x1))
    along = (np.isclose(xa, xb) & (xa >= x0) & (xa <= x1)
             & np.isclose(np.minimum(ya, yb), y0) & np.isclose(np.maximum(ya, yb), y1))
    return bool((across | along).any())


def _rectangle_marks(ax: Any) -> tuple[int, int, float, int]:
    """(boxes, bars, bar_total, cells) drawn as rectangles rather than as bar containers.

    Grammar-of-graphics libraries (plotnine) draw bars, histogram bins and heatmap tiles
    alike as a PolyCollection of rectangles, and a box plot's box as a rectangle with its
    median across it; matplotlib's own boxplot outlines the box with a closed Line2D. A
    crossed rectangle is a box; any other filled rectangle is both a bar (of its height)
    and a cell, and the chart kind says which it means. Area fills between curves
    (confidence bands) are not rectangles of data."""
    from matplotlib.collections import FillBetweenPolyCollection, PolyCollection
    from matplotlib.path import Path as MplPath

    segments = _segments(ax)
    boxes = bars = cells = 0
    bar_total = 0.0
    for coll in ax.collections:
        if not isinstance(coll, PolyCollection) or isinstance(coll, FillBetweenPolyCollection):
            continue
        for path in coll.get_paths():
            keep = path.codes != MplPath.CLOSEPOLY if path.codes is not None else slice(None)
            rect = _rectangle(path.vertices[keep])
            if rect is None:
                continue
            if _crossed(rect, segments):
                boxes += 1
                continue
            width, height = rect[1] - rect[0], rect[3] - rect[2]
            bars += height > 0
            bar_total += height
            cells += width > 0 and height > 0
    for line in ax.lines:
        xy = line.get_xydata()
        if len(xy) == 5 and (xy[0] == xy[-1]).all():
            rect = _rectangle(xy)
            boxes += rect is not None and _crossed(rect, segments)
    return boxes, bars, bar_total, cells


# Frames as SVG, sharp at any width, with text as <text> a reader (and a test) can read.
ANIMATION_RC = {"animation.frame_format": "svg", "svg.fonttype": "none",
                "svg.hashsalt": "gallery", "animation.embed_limit": 100.0}
# to_jshtml's buttons are Font Awesome icons from a CDN; the page keeps no network link
# and draws the same buttons with characters every font has.
_ICONS = {"minus": "\u2212", "fast-backward": "|\u25c0\u25c0", "step-backward": "|\u25c0",
          "play": "\u25b6", "pause": "\u275a\u275a", "step-forward": "\u25b6|",
          "fast-forward": "\u25b6\u25b6|", "plus": "+"}
# (to_jshtml's own styles come later in the page: these are more specific to win)
_PAGE_STYLE = """
html, body { margin: 0; padding: 0; background: #fff; font: 12px sans-serif; }
body .animation { display: block; text-align: center; }
body .animation img { display: block; width: 100%; height: auto; }
body .animation input[type=range].anim-slider { display: block; box-sizing: border-box;
  width: 96%; height: 16px; margin: 4px auto 0; }
body .animation .anim-buttons { display: flex; justify-content: center; gap: 2px;
  margin: 4px 0; }
body .animation .anim-buttons button { flex: 0 1 32px; min-width: 0; width: auto;
  height: 24px; padding: 0; font-size: 11px; overflow: hidden; white-space: nowrap; }
body .animation .anim-state { height: 18px; line-height: 18px; white-space: nowrap; }
.fa { font-style: normal; display: inline-block; }
.fa-flip-horizontal { transform: scaleX(-1); }
"""


def animation_page(html: str) -> str:
    """to_jshtml's fragment as a whole offline HTML page that scales to its frame's width:
    the CDN stylesheet left out, the icons drawn with characters, and fixed element ids
    in place of to_jshtml's random ones."""
    html = re.sub(r'<link rel="stylesheet"\s+href="https?://[^"]*">', "", html)
    ids = sorted(set(re.findall(r"_anim_img([0-9a-f]{32})", html)))
    for number, found in enumerate(ids):
        html = html.replace(found, f"gallery{number}")
    icons = "\n".join(f'.fa-{name}::before {{ content: "{text}"; }}'
                      for name, text in _ICONS.items())
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<style>{_PAGE_STYLE}{icons}\n</style>\n</head>\n<body>\n{html}\n</body>\n"
            "</html>\n")


def payload_of(figure: Any) -> str:
    """The figure's SVG text (an animation's: its HTML page); the figure is closed."""
    import matplotlib.pyplot as plt

    animation = animation_of(figure)
    try:
        if animation is not None:
            with plt.rc_context(ANIMATION_RC):
                return animation_page(animation.to_jshtml(default_mode="loop"))
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def to_payload(native: Any) -> tuple[str, Drawn]:
    """Draw, measure and close the figure; the payload is its SVG text."""
    figure = figure_of(native)
    drawn = measure(figure)
    return payload_of(figure), drawn


def is_page(payload: str) -> bool:
    """Whether a payload is an HTML page (an animation) rather than SVG text."""
    return payload.lstrip().lower().startswith("<!doctype html")


def first_frame(page: str) -> str:
    """The SVG text of an animation page's first frame."""
    import base64

    # the base64 text runs over several lines, each ended by a backslash (a JS string)
    found = re.search(r'frames\[0\] = "data:image/svg\+xml;base64,([A-Za-z0-9+/=\s\\]+)"',
                      page)
    if found is None:
        raise ValueError("the animation page has no SVG first frame")
    return base64.b64decode(re.sub(r"[\s\\]", "", found.group(1))).decode("utf-8")


def save(payload: str, path: Path) -> None:
    if is_page(payload) != (path.suffix == ".html"):
        what, written = (("an animation", ".html") if is_page(payload)
                         else ("a static chart", ".svg or .png"))
        raise ValueError(f"{what} is written as {written}, not {path.suffix}")
    if path.suffix in (".svg", ".html"):
        path.write_text(payload, encoding="utf-8")
    elif path.suffix == ".png":
        import vl_convert as vlc

        path.write_bytes(vlc.svg_to_png(payload))
    else:
        raise ValueError(f"a static chart is written as {' or '.join(SUFFIXES)}, not {path.suffix}")
