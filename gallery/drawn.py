"""What a chart drew, measured on the native figure: the common currency of the tests.

Each output family's renderer fills the measures it can read off its own objects; a chart
kind then says which measure must equal which count of the data (see ``kinds.py``)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Drawn:
    """Counts read off a native figure. Zero means the figure has none of that mark."""

    points: int = 0  # marker positions (scatter, bubble, 3D)
    rows: int = 0  # raw rows shipped to a client that computes the chart (vega, plotly stats)
    bars: int = 0  # bars of an aggregate
    bar_total: int = 0  # sum of histogram bar heights (counts)
    line_points: int = 0  # vertices of lines
    boxes: int = 0  # boxes of a box plot
    cells: int = 0  # heatmap cells
    shapes: int = 0  # filled outlines that are not bars: bands, violins, pie wedges

    def __str__(self) -> str:
        shown = [f"{f.name}={getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name)]
        return "nothing" if not shown else ", ".join(shown)
