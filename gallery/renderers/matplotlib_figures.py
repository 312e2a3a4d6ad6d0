"""matplotlib family: matplotlib, seaborn, plotnine, pandas and HoloViews' matplotlib
backend all end in a matplotlib Figure; the payload is its SVG text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gallery.drawn import Drawn

SUFFIXES = (".svg", ".png")


@contextmanager
def isolated() -> Iterator[None]:
    """Undo any style a library sets (seaborn themes, plotnine rc) after its cell."""
    import matplotlib.pyplot as plt

    with plt.rc_context():
        yield


def _figure(native: Any) -> Any:
    """The matplotlib Figure behind what a library's chart function returned."""
    module = type(native).__module__
    if module.startswith("holoviews"):
        import holoviews as hv

        return hv.render(native, backend="matplotlib")
    if module.startswith("plotnine"):
        return native.draw()
    if hasattr(native, "flat"):  # pandas returns an array of Axes for subplots
        return native.flat[0].figure
    if hasattr(native, "savefig"):
        return native
    if hasattr(native, "figure"):  # Axes, seaborn grids
        return native.figure
    raise TypeError(f"expected a matplotlib Figure, Axes or grid, got {type(native).__name__}")


def measure(figure: Any) -> Drawn:
    """Count the marks on every Axes of ``figure`` (legends are not on the Axes)."""
    from matplotlib.collections import LineCollection, PathCollection, QuadMesh
    from matplotlib.container import BarContainer
    from matplotlib.patches import PathPatch

    points = bars = line_points = boxes = cells = 0
    bar_total = 0.0
    for ax in figure.axes:
        if ax.get_label() == "<colorbar>":  # a colour scale, not data
            continue
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                points += len(coll.get_offsets())
            elif isinstance(coll, QuadMesh):
                cells += coll.get_array().size
            elif isinstance(coll, LineCollection):
                line_points += sum(len(seg) for seg in coll.get_segments())
        line_points += sum(len(line.get_xdata()) for line in ax.lines if len(line.get_xdata()) > 2)
        cells += sum(image.get_array().size for image in ax.images)
        for container in ax.containers:
            if isinstance(container, BarContainer):
                heights = [abs(p.get_height()) for p in container.patches]
                bars += sum(1 for h in heights if h > 0)
                bar_total += sum(heights)
        boxes += sum(1 for patch in ax.patches if isinstance(patch, PathPatch))
    return Drawn(
        points=points, bars=bars, bar_total=round(bar_total),
        line_points=line_points, boxes=boxes, cells=cells,
    )


def to_payload(native: Any) -> tuple[str, Drawn]:
    """Draw, measure and close the figure; the payload is its SVG text."""
    import matplotlib.pyplot as plt

    figure = _figure(native)
    try:
        drawn = measure(figure)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight")
        return buffer.getvalue(), drawn
    finally:
        plt.close(figure)


def save(payload: str, path: Path) -> None:
    if path.suffix == ".svg":
        path.write_text(payload, encoding="utf-8")
    elif path.suffix == ".png":
        import vl_convert as vlc

        path.write_bytes(vlc.svg_to_png(payload))
    else:
        raise ValueError(f"a static chart is written as {' or '.join(SUFFIXES)}, not {path.suffix}")
