"""bokeh family: Bokeh, HoloViews (bokeh backend), hvPlot, Pandas-Bokeh and Chartify all
end in a bokeh model; the payload is that model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from gallery.drawn import Drawn
from gallery.renderers.holoviews_state import options_dropped

SUFFIXES = (".html", ".json")
MAX_ROWS = 100_000  # scale bench: scatter 0.2-0.4 s, 2.6-3.6 MB at 100k; 1.2-1.8 s, 36 MB at 1M
_MARKERS = {"Scatter", "Circle"}
_BARS = {"VBar", "HBar"}
_LINES = {"Line", "MultiLine", "Step"}
_CELLS = {"Rect", "Image", "Quad", "HexTile"}
_SHAPES = {"Patch", "VArea", "HArea", "VAreaStep", "HAreaStep"}  # one outline per glyph
_SHAPE_ROWS = {"Patches", "MultiPolygons", "Wedge", "AnnularWedge"}  # one outline per row


@contextmanager
def isolated() -> Iterator[None]:
    """A fresh bokeh current document after each cell: HoloViews and hvPlot register their
    plots' callbacks on it, which kept every plot ever drawn alive in a long-running app."""
    try:
        with options_dropped():
            yield
    finally:
        from bokeh.document import Document
        from bokeh.io.state import curstate

        curstate().document = Document()


def figure_of(native: Any) -> Any:
    module = type(native).__module__
    if module.startswith("holoviews") or module.startswith("hvplot"):
        import holoviews as hv

        return hv.render(native, backend="bokeh")
    if module.startswith("chartify"):
        return native.figure
    from bokeh.model import Model

    if isinstance(native, Model):
        return native
    raise TypeError(f"expected a bokeh model (figure or layout), got {type(native).__name__}")


def _glyph_renderers(model: Any) -> list[Any]:
    from bokeh.models import GlyphRenderer

    return [r for r in model.references() if isinstance(r, GlyphRenderer) and r.visible]


def measure(model: Any) -> Drawn:
    """Count rows of data behind each kind of glyph."""
    counts = {"points": 0, "bars": 0, "bar_total": 0.0, "line_points": 0, "cells": 0,
              "shapes": 0}
    box_positions: set[Any] = set()
    for renderer in _glyph_renderers(model):
        glyph, data = type(renderer.glyph).__name__, _columns(renderer.data_source)
        rows = len(next(iter(data.values()))) if data else 0
        key, count = _counted(renderer.glyph, data, rows)
        if key:
            counts[key] += count
        if glyph in {"VBar", "Quad"} and isinstance(renderer.glyph.top, str):
            heights = _values(renderer.glyph.top, data) - _values(renderer.glyph.bottom, data)
            counts["bar_total"] += float(np.nansum(np.abs(heights)))  # NaN: a missing group
        if glyph in _BARS and isinstance(_base(renderer.glyph), str):
            # a bar starting at a data value floats: the box of a box plot (q1..q3),
            # often drawn as two halves; count the positions that have one
            positions = data.get(renderer.glyph.x if glyph == "VBar" else renderer.glyph.y, [])
            box_positions.update(tuple(p) if isinstance(p, list) else p for p in positions)
    total = counts["bar_total"]
    counts["bar_total"] = round(total) if np.isfinite(total) else 0
    return Drawn(**counts, boxes=len(box_positions))


def _columns(source: Any) -> dict[str, Any]:
    """A source's columns. A GeoJSONDataSource has none in Python (BokehJS makes them from
    its features, a row each): its rows are counted from the features."""
    if hasattr(source, "data"):
        return source.data
    collection = json.loads(source.geojson)
    return {"index": list(range(len(collection.get("features") or
                                     collection.get("geometries") or [])))}


def _counted(glyph: Any, data: dict[str, Any], rows: int) -> tuple[str, int]:
    """What one glyph renderer draws: which count it adds to, and how much."""
    name = type(glyph).__name__
    if name in _MARKERS:
        return "points", _finite_rows(glyph, data, rows)
    if name in _BARS:  # a NaN end (a group combination with no rows) draws no bar
        return "bars", _finite(glyph.top if name == "VBar" else glyph.right, data, rows)
    if name in _LINES:
        return "line_points", _finite_rows(glyph, data, rows)
    if name == "Image":  # one cell per pixel of each image, as matplotlib's imshow
        return "cells", sum(np.size(image) for image in data.get("image", []))
    if name in _CELLS:
        return "cells", rows
    if name in _SHAPES or name in _SHAPE_ROWS:
        return "shapes", 1 if name in _SHAPES else rows
    return "", 0


def _finite_rows(glyph: Any, data: dict[str, Any], rows: int) -> int:
    """Rows with a finite x and y: bokeh leaves a NaN unplotted (a gap in a line)."""
    for spec in (getattr(glyph, "x", None), getattr(glyph, "y", None)):
        if isinstance(spec, str) and spec in data:
            try:
                values = np.asarray(data[spec], dtype=float)
            except (TypeError, ValueError):  # categorical positions are all drawn
                continue
            if values.ndim == 1:
                rows = min(rows, int(np.isfinite(values).sum()))
    return rows


def _finite(spec: Any, data: dict[str, Any], rows: int) -> int:
    if not isinstance(spec, str) or spec not in data:
        return rows
    try:
        return int(np.isfinite(np.asarray(data[spec], dtype=float)).sum())
    except (TypeError, ValueError):
        return rows


def _base(glyph: Any) -> Any:
    return glyph.bottom if type(glyph).__name__ == "VBar" else glyph.left


def _values(spec: Any, data: dict[str, Any]) -> Any:
    """A bar's top or bottom as numbers: a source column (stacked bars start at the
    previous top) or a constant such as the usual 0."""
    if isinstance(spec, str):
        return np.asarray(data[spec], dtype=float)
    return np.asarray(spec if isinstance(spec, int | float) else 0.0, dtype=float)


def payload_of(figure: Any) -> Any:
    """The payload is the model itself."""
    return figure


def to_payload(native: Any) -> tuple[Any, Drawn]:
    model = figure_of(native)
    return model, measure(model)


def save(model: Any, path: Path) -> None:
    from bokeh.embed import file_html, json_item
    from bokeh.resources import INLINE

    if path.suffix == ".html":
        path.write_text(file_html(model, INLINE, title=path.stem), encoding="utf-8")
    elif path.suffix == ".json":
        path.write_text(json.dumps(json_item(model)), encoding="utf-8")
    else:
        raise ValueError(f"a bokeh chart is written as {' or '.join(SUFFIXES)}, not {path.suffix}")
