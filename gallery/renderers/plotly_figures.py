"""plotly family: Plotly graph_objects and Plotly Express; the payload is the Figure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gallery.drawn import Drawn

SUFFIXES = (".html", ".json")
# plotly.js asks a CDN for its own world outlines (topojson) for every map, even one drawn
# from the GeoJSON it is given: an empty topology instead (the "#" hides the file name
# plotly.js appends), so a chart never leaves the machine (the same in site.js).
EMPTY_TOPOLOGY = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'
OFFLINE_CONFIG = {"topojsonURL": EMPTY_TOPOLOGY}
MAX_ROWS = 100_000  # scale bench: <= 0.08 s, 2.7 MB at 100k; at 1M 0.5 s but 27 MB a card
_RAW = {"histogram", "box", "violin", "histogram2d"}  # the browser computes these from rows


@contextmanager
def isolated() -> Iterator[None]:
    """Undo a template default a library's preamble sets (the figure keeps its own copy)."""
    import plotly.io as pio

    default = pio.templates.default
    try:
        yield
    finally:
        pio.templates.default = default


def _length(values: Any) -> int:
    return 0 if values is None else len(values)


def _splom_panels(trace: Any) -> int:
    """The panels a scatter-plot matrix draws: each pair of its dimensions in the halves
    it shows, and the diagonal when shown."""
    n = len(trace.dimensions or ())
    halves = (trace.showupperhalf is not False) + (trace.showlowerhalf is not False)
    diagonal = n if trace.diagonal.visible is not False else 0
    return halves * n * (n - 1) // 2 + diagonal


def _shapes(trace: Any) -> tuple[int, int]:
    """The filled outlines a pie, treemap, Sankey or choropleth draws, and the rows
    plotly.js counts."""
    if trace.type == "sankey":  # a rect per node, a ribbon per link
        return _length(trace.node.label) + _length(trace.link.value), 0
    if trace.type == "choropleth":  # a shape per location
        return _length(trace.locations), 0
    # a slice per value (a wedge; a treemap's blocks and tiles), or plotly.js counts the
    # labels (a pie's rows, a treemap's leaves)
    return _length(trace.values), 0 if trace.values is not None else _length(trace.labels)


def measure(figure: Any) -> Drawn:
    """What the figure draws at the start: a trace hidden until a control shows it (a
    dropdown's other options) counts for nothing, nor do the frames of an animation."""
    points = rows = bars = line_points = cells = shapes = 0
    for trace in figure.data:
        kind = trace.type
        if trace.visible in (False, "legendonly"):
            continue
        if kind == "splom":
            dimensions = trace.dimensions or ()
            points += _length(dimensions[0].values if dimensions else None) * _splom_panels(trace)
        elif kind in {"scatter", "scattergl", "scatter3d", "scatterpolar"}:
            # "lines+markers" draws both: a vertex and a marker per value. With no mode,
            # plotly.js draws lines+markers below 20 points and lines from 20 up.
            values = trace.r if kind == "scatterpolar" else trace.x  # a polar trace's are r
            mode = trace.mode or ("lines+markers" if _length(values) < 20 else "lines")
            points += _length(values) * ("markers" in mode)
            line_points += _length(values) * ("lines" in mode)
        elif kind in _RAW:
            rows += max(_length(trace.x), _length(trace.y))
        elif kind in {"parcoords", "parcats"}:  # plotly.js scales or counts the rows
            dimensions = trace.dimensions or ()
            rows += _length(dimensions[0].values if dimensions else None)
        elif kind == "bar":
            bars += _length(trace.x)
        elif kind == "heatmap":
            cells += sum(len(row) for row in trace.z)
        elif kind in {"pie", "treemap", "sankey", "choropleth"}:
            drawn_shapes, counted_rows = _shapes(trace)
            shapes += drawn_shapes
            rows += counted_rows
    return Drawn(points=points, rows=rows, bars=bars, line_points=line_points, cells=cells,
                 shapes=shapes)


def figure_of(native: Any) -> Any:
    import plotly.graph_objects as go

    if not isinstance(native, go.Figure):
        raise TypeError(f"expected a plotly Figure, got {type(native).__name__}")
    return native


def payload_of(figure: Any) -> Any:
    """The payload is the figure itself."""
    return figure


def to_payload(native: Any) -> tuple[Any, Drawn]:
    figure = figure_of(native)
    return figure, measure(figure)


def save(figure: Any, path: Path) -> None:
    if path.suffix == ".html":
        # Offline: plotly.js is inlined from the installed package, never a CDN.
        figure.write_html(str(path), include_plotlyjs=True, full_html=True,
                          config=OFFLINE_CONFIG)
    elif path.suffix == ".json":
        path.write_text(figure.to_json(), encoding="utf-8")
    else:
        raise ValueError(f"a plotly chart is written as {' or '.join(SUFFIXES)}, not {path.suffix}")
