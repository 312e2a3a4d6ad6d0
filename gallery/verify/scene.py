"""What a chart shows, read off the library's own output: the marks a reader sees, in data
coordinates, with their colours. Family-neutral, so that a chart kind's specification is
checked the same way whatever library drew it (see ``gallery.verify.checks``).

Each output family has an extractor (``gallery.verify.extract_<family>``) that turns its
native figure into a Scene. The rules every extractor follows:

- Coordinates are data values. A numeric axis gives floats; a categorical axis gives the
  category's label (str) at the mark's centre (for a grouped bar, the outer group's
  label). Vega's scenegraph is in pixels: the extractor maps pixels back through the
  axis labels.
- Colours are lowercase ``#rrggbb`` (fill for points, bars, boxes and cells; stroke for
  lines). ``alpha`` is the mark's effective opacity (0 for a mark that exists but is not
  drawn: hidden, legend-only, filtered out by a view or transform, fully transparent).
- A mark that is drawn several times appears several times: nothing is de-duplicated.
- ``panel`` indexes ``Scene.panels`` (0 for a single-panel chart).
- Legends, colour bars and axes are not marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Coordinate = float | str


@dataclass(frozen=True)
class Point:
    """One marker (scatter, bubble, 3D, outlier, marker on a line)."""

    x: Coordinate
    y: Coordinate
    color: str
    alpha: float = 1.0
    z: float | None = None  # 3D only
    size: float | None = None  # marker diameter in px at the chart's nominal size
    panel: int = 0


@dataclass(frozen=True)
class Rect:
    """An axis-aligned filled rectangle: a bar, a histogram bin, a box body, a heatmap cell.

    On a categorical axis x0 == x1 == the category label (and y0/y1 for a categorical y)."""

    x0: Coordinate
    x1: Coordinate
    y0: Coordinate
    y1: Coordinate
    color: str
    alpha: float = 1.0
    panel: int = 0
    order: float = 0.0  # left-to-right position within a category group (dodged bars)
    value: float | None = None  # the number a heatmap cell stands for, when kept


@dataclass(frozen=True)
class Line:
    """A polyline (a series, a fit, a whisker, an error bar, a median tick)."""

    xs: tuple[Coordinate, ...]
    ys: tuple[Coordinate, ...]
    color: str
    alpha: float = 1.0
    panel: int = 0
    zs: tuple[float, ...] = ()


@dataclass(frozen=True)
class Area:
    """A filled region that is not a rectangle of data: a confidence band, a violin, a
    band of a stacked area. ``xs``/``ys`` trace its outline in data coordinates where the
    extractor can read it (a categorical coordinate may be left out: ``xs`` empty)."""

    color: str
    alpha: float = 1.0
    panel: int = 0
    xs: tuple[float, ...] = ()
    ys: tuple[float, ...] = ()


@dataclass(frozen=True)
class Wedge:
    """A slice of a pie or donut: where it starts and ends, in turns (0..1) clockwise from
    12 o'clock, whatever the library's own convention."""

    start: float
    end: float
    color: str
    alpha: float = 1.0
    panel: int = 0


@dataclass(frozen=True)
class Tile:
    """One bin of a 2D histogram (a hexagon, or a rectangle): its centre in data
    coordinates, the number of rows it counts (None where the output keeps only colours)
    and the colour that number is drawn in."""

    x: float
    y: float
    count: float | None
    color: str
    alpha: float = 1.0
    panel: int = 0


@dataclass(frozen=True)
class Text:
    """Text drawn inside the plot area (a value written in a heatmap cell)."""

    x: Coordinate
    y: Coordinate
    text: str
    panel: int = 0


@dataclass(frozen=True)
class Box:
    """One box of a box plot, assembled from its parts (see ``assemble_boxes``)."""

    category: str
    q1: float
    median: float
    q3: float
    low: float  # end of the lower whisker
    high: float  # end of the upper whisker
    color: str
    outliers: tuple[float, ...] = ()
    panel: int = 0


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    size: float | None = None  # marker diameter in px, for a size legend
    legend: int = 0  # which legend it is in (facets may draw one legend per panel)


@dataclass(frozen=True)
class Axis:
    """An axis as drawn: its numeric range, or its categories in drawn order
    (left to right; bottom to top for a y axis)."""

    low: float | None = None
    high: float | None = None
    categories: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Panel:
    """One plotting area: the whole chart, or one facet."""

    title: str = ""
    x: Axis = field(default_factory=Axis)
    y: Axis = field(default_factory=Axis)
    left: float = 0.0  # position in the figure, for reading order (px from top-left)
    top: float = 0.0


@dataclass(frozen=True)
class Control:
    """A control drawn with the chart that changes it in the page: "select" (a dropdown or
    radio of options), "slider" (its steps, in order), "play" (a play button), "brush" (a
    rectangle selection)."""

    kind: str
    options: tuple[str, ...] = ()  # the choices or steps, as labelled


@dataclass(frozen=True)
class Scene:
    panels: tuple[Panel, ...] = (Panel(),)
    points: tuple[Point, ...] = ()
    rects: tuple[Rect, ...] = ()
    lines: tuple[Line, ...] = ()
    areas: tuple[Area, ...] = ()
    wedges: tuple[Wedge, ...] = ()
    tiles: tuple[Tile, ...] = ()
    texts: tuple[Text, ...] = ()
    boxes: tuple[Box, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    colorbar: bool = False  # a continuous colour scale is drawn (a colour bar)
    colorbar_flaw: str = ""  # why the colour bar, as the reader's browser shows it, is wrong
    width: float = 0.0  # the whole chart's nominal size in px (0: unknown)
    height: float = 0.0
    notes: tuple[str, ...] = ()  # what the extractor could not read, said plainly
    # What a reader can do to the chart in the page (interactive kinds)
    tooltip: tuple[str, ...] = ()  # the fields a hovered mark's tooltip names (columns)
    controls: tuple[Control, ...] = ()
    linked: bool = False  # a selection in one panel highlights the same rows in another

    def control(self, *kinds: str) -> Control | None:
        return next((c for c in self.controls if c.kind in kinds), None)

    def visible_points(self) -> list[Point]:
        return [p for p in self.points if p.alpha > 0.05]
