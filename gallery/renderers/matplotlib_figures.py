"""matplotlib family: matplotlib, seaborn, plotnine, pandas and HoloViews' matplotlib
backend all end in a matplotlib Figure; the payload is its SVG text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from gallery.drawn import Drawn
from gallery.renderers.holoviews_state import options_dropped

SUFFIXES = (".svg", ".png")
MAX_ROWS = 10_000  # scale bench: scatter 0.5-0.8 s at 10k rows (seaborn slowest), 2-9 s at 100k


@contextmanager
def isolated() -> Iterator[None]:
    """Undo any style a library sets (seaborn themes, plotnine rc) after its cell."""
    import matplotlib.pyplot as plt

    with plt.rc_context(), options_dropped():
        yield


def figure_of(native: Any) -> Any:
    """The matplotlib Figure behind what a library's chart function returned."""
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


def _vertices(line: Any) -> int:
    """Drawn vertices of a Line2D: finite points, where there are two or more or a marker
    (one point and no marker draws nothing)."""
    try:
        finite = int(np.isfinite(np.asarray(line.get_ydata(), dtype=float)).sum())
    except (TypeError, ValueError):  # categorical values: every one is a position
        finite = len(line.get_ydata())
    has_marker = line.get_marker() not in {None, "", " ", "None", "none"}
    return finite if finite >= 2 or has_marker else 0


def measure(figure: Any) -> Drawn:
    """Count the marks on every Axes of ``figure`` (legends are not on the Axes)."""
    from matplotlib.collections import LineCollection, PathCollection, QuadMesh
    from matplotlib.container import BarContainer
    from matplotlib.patches import PathPatch

    points = bars = line_points = boxes = cells = 0
    bar_total = 0.0
    # a colour scale is not data: skip every colorbar's axes, however it was created
    # (fig.colorbar labels its axes "<colorbar>"; HoloViews passes its own cax)
    scales = {m.colorbar.ax for ax in figure.axes for m in [*ax.collections, *ax.images]
              if getattr(m, "colorbar", None) is not None}
    for ax in figure.axes:
        if ax.get_label() == "<colorbar>" or ax in scales:
            continue
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                points += len(coll.get_offsets())
            elif isinstance(coll, QuadMesh):
                cells += coll.get_array().size
            elif isinstance(coll, LineCollection):
                line_points += sum(len(seg) for seg in coll.get_segments())
        line_points += sum(_vertices(line) for line in ax.lines)
        cells += sum(image.get_array().size for image in ax.images)
        for container in ax.containers:
            if isinstance(container, BarContainer):
                heights = [abs(p.get_height()) for p in container.patches
                           if np.isfinite(p.get_height())]  # a missing group: no bar
                bars += sum(1 for h in heights if h > 0)
                bar_total += sum(heights)
        boxes += sum(1 for patch in ax.patches if isinstance(patch, PathPatch))
        more_boxes, more_bars, more_total, more_cells = _rectangle_marks(ax)
        boxes, bars, bar_total, cells = (
            boxes + more_boxes, bars + more_bars, bar_total + more_total, cells + more_cells
        )
    return Drawn(
        points=points, bars=bars, bar_total=round(bar_total) if np.isfinite(bar_total) else 0,
        line_points=line_points, boxes=boxes, cells=cells,
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


def payload_of(figure: Any) -> str:
    """The figure's SVG text; the figure is closed."""
    import matplotlib.pyplot as plt

    try:
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


def save(payload: str, path: Path) -> None:
    if path.suffix == ".svg":
        path.write_text(payload, encoding="utf-8")
    elif path.suffix == ".png":
        import vl_convert as vlc

        path.write_bytes(vlc.svg_to_png(payload))
    else:
        raise ValueError(f"a static chart is written as {' or '.join(SUFFIXES)}, not {path.suffix}")
