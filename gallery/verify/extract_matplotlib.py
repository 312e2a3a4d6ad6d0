"""Read a live matplotlib Figure into a Scene: what a reader of the chart sees.

One extractor serves the whole matplotlib family (matplotlib, seaborn, plotnine, pandas,
HoloViews' matplotlib backend), so it reads artists by what they draw, never by which
library made them:

- Points: PathCollection offsets and the markers of Line2D; on 3D axes the collection's
  3D offsets, with the colours as set (before matplotlib's depth shading). A 2D point
  clipped away outside the axes' view is reported with alpha 0: it exists, nobody sees it.
- Rects: every axis-aligned rectangle, whatever draws it (Rectangle and other patches,
  PolyCollection and PatchCollection polygons, closed 5-vertex Line2D outlines), and one
  per heatmap cell (AxesImage elements, QuadMesh cells, with ``value``). A Rectangle's
  y0/y1 are its anchor and far edge (a bar's base and top); a polygon's y0 is the edge
  nearer zero.
  A rectangle of zero width *and* height (seaborn's legend proxies) draws nothing and is
  skipped. A closed rectangular Line2D is a Rect only, not also a Line.
  A cell's ``value`` is the number behind its colour where the artist keeps it (AxesImage,
  QuadMesh); polygon tiles (plotnine) keep none, so theirs is None.
- Tiles (the bins of a 2D histogram, on numeric axes): a hexbin's shape stamped at each
  offset, its count from the collection's array; each QuadMesh cell with its value (a
  masked cell is no bin); plotnine's rectangles under a colour bar, whose counts are None
  (its figure keeps only their colours, the counts staying in the ggplot's layer data).
- Boxes are assembled from those rectangles, the two-point segments and the points with
  ``gallery.verify.boxes``; a box body stays in ``rects`` too (the box checker reads
  ``boxes``). Horizontal boxes (categorical y) are read transposed. A rectangle that a
  vertical segment crosses at its edge is a bar with an error bar, never a box.
- Lines: Line2D with a visible line style (split where NaN breaks it) and LineCollection
  segments. Areas: filled polygons that are not rectangles (bands, violins, wedges, and a
  step histogram's outline, which thus gives no bins). Tick-like markers (error-bar caps)
  are line ends, not points.
- Categorical axes: a mark's numeric centre is named by the nearest tick label; where
  tick labels form several rows (HoloViews' grouped bars), by the outermost row, the
  group. On a categorical axis a Rect's two edges both hold the label and ``order`` its
  numeric centre.
- Hidden artists (or hidden Axes) give marks with alpha 0; NaN coordinates give no mark.
- Legend entries come from matplotlib legends (an Axes' own, earlier ones it keeps with
  ``add_artist``, the figure's) and plotnine's offsetbox guides; an entry whose handle
  draws nothing is a section title (seaborn), not an entry. A colour bar is a scale,
  never a legend, even where its ticks name categories (pandas' categorical ``c=``).
  Marker sizes are given where size is what a legend explains: on entries labelled with
  numbers, whose sizes differ within one legend.
- Date axes give the axis's own date numbers, and non-rectilinear axes other than polar
  their projection's values: both are said in ``notes``, with every artist skipped.
- Polar axes are read in the radar frame: x rightwards and y upwards from the centre, a
  mark at angle theta and radius r at ``(r - r0) * (cos a, sin a)``, where ``a`` is the
  angle as drawn (theta offset and direction applied, anticlockwise from 3 o'clock) and
  ``r0`` the radius at the centre (``get_rorigin``). The angular tick labels (a radar's
  spoke names), clockwise from 12 o'clock as drawn, are the x axis's categories.
- An animation (a Figure that ``figure_of`` got from an Animation) is read at its first
  frame, the marks of the other frames left out; its controls are what ``to_jshtml``
  draws with every animation: a play button and a frame slider, each step labelled by
  the text that frame shows and the others do not (its title), read frame by frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.axes import Axes
from matplotlib.collections import (
    Collection,
    LineCollection,
    PatchCollection,
    PathCollection,
    PolyCollection,
    QuadMesh,
)
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.offsetbox import DrawingArea, OffsetBox, TextArea
from matplotlib.patches import Patch, Rectangle
from matplotlib.patches import Wedge as MplWedge
from matplotlib.path import Path
from matplotlib.text import Text as MplText
from matplotlib.transforms import Bbox

from gallery.renderers.matplotlib_figures import (
    animation_of,
    frames_of,
    other_frames,
    show_frame,
)
from gallery.verify.boxes import Body, Segment, boxes_from_parts
from gallery.verify.scene import (
    Area,
    Axis,
    Box,
    Control,
    Coordinate,
    LegendEntry,
    Line,
    Panel,
    Point,
    Rect,
    Scene,
    Text,
    Tile,
    Wedge,
)

RGBA = tuple[float, float, float, float]
TRANSPARENT: RGBA = (0.0, 0.0, 0.0, 0.0)
NO_STYLE = {None, "", " ", "None", "none"}
TICK_MARKERS = {"_", "|", 0, 1, 2, 3}  # error-bar caps and tick marks: line ends, not points


def extract(figure: Figure) -> Scene:
    """The Scene drawn by ``figure`` (drawn first, so ticks, legends and texts exist)."""
    # drawn first: an Animation starts on the first draw, and an ArtistAnimation then hides
    # every frame's artists
    renderer = _draw(figure)
    animation = animation_of(figure)
    controls: tuple[Control, ...] = ()
    marks = _Marks()
    if animation is not None:
        frames = frames_of(animation)
        controls = (Control("slider", tuple(_frame_labels(figure, animation, frames))),
                    Control("play"))
        show_frame(animation, frames[0])
        marks.skip = other_frames(animation, frames[0])
    panels = [_PanelReader(ax, i, figure, renderer)
              for i, ax in enumerate(_data_axes(figure))]
    texts = _figure_texts(figure)
    places = [panel.ax.get_window_extent(renderer) for panel in panels]
    for panel in panels:
        _read_panel(panel, marks)
        marks.notes += panel.notes
    drawn_boxes = [box for panel in panels for box in _boxes(panel, marks)]
    legend = _legend(figure, renderer, marks.notes)
    width, height = figure.get_size_inches() * figure.dpi
    return Scene(
        panels=tuple(panel.panel(texts, places) for panel in panels) or (Panel(),),
        points=tuple(marks.points), rects=tuple(marks.rects), lines=tuple(marks.lines),
        areas=tuple(marks.areas), wedges=tuple(marks.wedges), texts=tuple(marks.texts),
        tiles=tuple(marks.tiles), boxes=tuple(drawn_boxes),
        legend=tuple(legend), colorbar=bool(_colorbars(figure)) or _plotnine_colorbar(figure),
        colorbar_flaw=_gouraud_flaw(figure),
        width=float(width), height=float(height), notes=tuple(dict.fromkeys(marks.notes)),
        controls=controls,
    )


def _shown_texts(figure: Figure) -> list[str]:
    """Every text a frame shows: titles, texts on the axes and on the figure."""
    texts = [*figure.texts, *(a for a in figure.artists if isinstance(a, MplText))]
    for ax in _all_axes(figure):
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
    shown = [t.get_text().strip() for t in texts if t.get_visible() and t.get_text().strip()]
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_visible() and suptitle.get_text().strip():
        shown.append(suptitle.get_text().strip())
    return shown


def _frame_labels(figure: Figure, animation: Any, frames: list[Any]) -> list[str]:
    """Each frame's label: the text it shows that not every frame shows (its title,
    "year = 1952"), as the number it ends with where it ends with one; the frame's
    position when no text tells the frames apart."""
    shown = []
    for frame in frames:
        show_frame(animation, frame)
        shown.append(_shown_texts(figure))
    common = set.intersection(*map(set, shown)) if shown else set()
    labels = []
    for i, texts in enumerate(shown):
        own = [t for t in texts if t not in common]
        if not own:
            labels.append(str(i))
            continue
        number = re.search(r"(-?\d+(?:\.\d+)?)\s*$", own[0])
        labels.append(number.group(1) if number else own[0])
    return labels


# -- figure, panels and axes -------------------------------------------------------------

def _draw(figure: Figure) -> Any:
    """Draw once so layout, tick labels and legends exist; a bare FigureCanvasBase (what
    plotnine and HoloViews leave) cannot draw, so an Agg canvas is attached first."""
    if not hasattr(figure.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure)
    figure.canvas.draw()
    return figure.canvas.get_renderer()


def _all_axes(figure: Any) -> list[Axes]:
    return [*figure.axes, *(ax for sub in figure.subfigs for ax in _all_axes(sub))]


def _plotnine_colorbar(figure: Figure) -> bool:
    """plotnine draws a continuous guide as an image in an offset box, not a Colorbar."""
    from matplotlib.offsetbox import AuxTransformBox, OffsetImage

    boxes = [a for a in [*figure.artists, *(x for ax in figure.axes for x in ax.artists)]
             if isinstance(a, OffsetBox)]
    return any(isinstance(child, OffsetImage | AuxTransformBox) and _has_image(child)
               for box in boxes for child in _descendants(box))


GOURAUD_FLAW = (
    "the colour bar is a Gouraud-shaded mesh (plotnine's default display='gradient'): "
    "matplotlib's SVG writes it as layered gradients joined by an SVG filter that browsers "
    "do not apply, so its colours are wrong on the page; a bar of rectangles "
    "(guide_colorbar(display='rectangles')) is drawn as it is")


def _gouraud_flaw(figure: Figure) -> str:
    """Why a colour bar drawn with Gouraud shading misleads in the SVG a page shows."""
    from matplotlib.collections import QuadMesh

    boxes = [a for a in [*figure.artists, *(x for ax in figure.axes for x in ax.artists)]
             if isinstance(a, OffsetBox)]
    meshes = [child for box in boxes for node in _descendants(box)
              if isinstance(node, OffsetBox) for child in node.get_children()
              if isinstance(child, QuadMesh)]
    vector = [m for m in meshes if getattr(m, "_shading", "") == "gouraud"
              and not m.get_rasterized()]  # a rasterized mesh is an image: drawn right
    return GOURAUD_FLAW if vector else ""


def _descendants(box: Any) -> Iterator[Any]:
    for child in box.get_children():
        yield child
        if isinstance(child, OffsetBox):
            yield from _descendants(child)


def _has_image(box: Any) -> bool:
    """A colour bar's body: an image, a shaded mesh, or (display='rectangles') a
    collection of rectangles."""
    from matplotlib.collections import PolyCollection, QuadMesh
    from matplotlib.image import AxesImage, BboxImage

    bodies = AxesImage | BboxImage | QuadMesh | PolyCollection
    return any(isinstance(c, bodies) for c in box.get_children()) \
        or type(box).__name__ == "OffsetImage"


def _colorbars(figure: Figure) -> list[Any]:
    return [m.colorbar for ax in _all_axes(figure) for m in [*ax.collections, *ax.images]
            if getattr(m, "colorbar", None) is not None]


def _has_marks(ax: Axes) -> bool:
    return bool(ax.collections or ax.lines or ax.patches or ax.images or ax.texts)


def _data_axes(figure: Figure) -> list[Axes]:
    """Axes holding data, in reading order: rows top to bottom, then left to right.
    Colour bars are scales, not data; an Axes with its axis off and nothing drawn holds
    at most a legend."""
    scales = {bar.ax for bar in _colorbars(figure)}
    found = [ax for ax in _all_axes(figure) if ax.get_label() != "<colorbar>"
             and ax not in scales and (ax.axison or _has_marks(ax))]
    height = figure.bbox.height
    placed = sorted(((height - ax.bbox.y1, ax.bbox.x0, ax) for ax in found),
                    key=lambda item: item[:2])
    rows: list[list[tuple[float, float, Axes]]] = []
    for item in placed:  # axes within a few px of the same top are one row
        if rows and abs(item[0] - rows[-1][0][0]) <= 5:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [ax for row in rows for _, _, ax in sorted(row, key=lambda item: item[1])]


def _number(label: str) -> float | None:
    """The number a tick label shows (NaN for mathtext such as log ticks), or None."""
    text = label.strip().replace("\u2212", "-").replace(",", "").rstrip("%")
    if len(text) > 1 and text.startswith("$") and text.endswith("$"):
        return float("nan")
    try:
        return float(text)
    except ValueError:
        return None


def _is_number(label: str) -> bool:
    return _number(label) is not None


def _is_date(axis: Any) -> bool:
    name = type(axis.get_major_formatter()).__name__.lower()
    return "date" in name or "timeseries" in name or "period" in name


@dataclass
class _AxisReader:
    """One axis: numbers as they are, or the category a number stands for."""

    categorical: bool
    positions: np.ndarray
    labels: tuple[str, ...]
    low: float
    high: float
    title: str = ""
    powers: bool = False  # positions are log10 of the values (plotnine's scale_x_log10)

    def at(self, value: float) -> Coordinate:
        if self.powers:
            return float(10.0 ** value)
        if not self.categorical or not len(self.positions):
            return float(value)
        return self.labels[int(np.argmin(np.abs(self.positions - value)))]

    def name(self, value: float) -> str:
        label = self.at(value)
        return label if isinstance(label, str) else f"{label:g}"

    def drawn(self, title: str) -> Axis:
        if self.categorical:
            return Axis(categories=self.labels, title=title)
        if self.powers:
            return Axis(low=10.0 ** self.low, high=10.0 ** self.high, title=title)
        # a numeric axis with labels: a polar axis's spoke names
        return Axis(low=self.low, high=self.high, categories=self.labels, title=title)


def _ticks(axis: Any, low: float, high: float) -> list[tuple[float, MplText]]:
    """(position, label artist) of the major ticks in view; a label hidden on a shared
    axis still names the position."""
    locs = np.asarray(axis.get_majorticklocs(), dtype=float)
    ticks = axis.get_major_ticks(len(locs))
    found = []
    for loc, tick in zip(locs, ticks, strict=False):
        if low - 1e-9 * (abs(low) + 1) <= loc <= high + 1e-9 * (abs(high) + 1):
            label = tick.label2 if tick.label2.get_visible() and not tick.label1.get_visible() \
                else tick.label1
            found.append((float(loc), label))
    return found


def _outer_row(ticks: list[tuple[float, MplText]], which: str, ax: Axes, renderer: Any,
               notes: list[str]) -> list[tuple[float, MplText]]:
    """The tick labels furthest from the plot when they form several rows (an outer
    group label under inner labels). A row is the labels' edge nearest the axis, which
    libraries align even when they shift each label (plotnine)."""
    shown = [(tick, tick[1].get_window_extent(renderer)) for tick in ticks
             if tick[1].get_visible() and tick[1].get_text().strip()]
    below = {id(tick.label1) for tick in (ax.xaxis if which == "x" else ax.yaxis).majorTicks}
    edges = [(tick, box.y1 if id(tick[1]) in below else box.y0) if which == "x"
             else (tick, box.x1 if id(tick[1]) in below else box.x0) for tick, box in shown]
    rows = sorted({round(edge) for _, edge in edges})
    if len(rows) < 2 or rows[-1] - rows[0] < 2:
        return ticks
    centre = ax.bbox.y0 + ax.bbox.height / 2 if which == "x" else ax.bbox.x0 + ax.bbox.width / 2
    outer = max(rows, key=lambda row: abs(row - centre))
    notes.append(f"the {which} tick labels form {len(rows)} rows: marks are named by the "
                 "outermost row (the group), not the inner labels")
    return [tick for tick, edge in edges if round(edge) == outer]


def _misplaced(texts: list[tuple[float, str]]) -> bool:
    """Numbers that are not where they sit (pandas draws bars of years 2001, 2002 at 0, 1);
    a reversed scale (plotnine's scale_y_reverse draws y at -y) is numbers in place."""
    numbers = [(loc, _number(text)) for loc, text in texts]
    if len(numbers) > 1 and all(number is not None and np.isclose(number, -loc)
                                for loc, number in numbers):
        return False
    return any(number is not None and number == number and not np.isclose(number, loc)
               for loc, number in numbers)


def _looks_numeric(label: str) -> bool:
    """A number, perhaps with a unit or currency: "3k", "$300", "-2.5 %"."""
    return re.match(r"^[\s+\-\u2212$\u20ac\u00a3\u00a5(]*\.?\d", label) is not None


def _categorical(axis: Any, ticks: list[tuple[float, MplText]]) -> bool:
    """Whether the axis names categories: a category converter; labels set explicitly
    (FixedFormatter) that are not the numbers they sit at; or labels from another
    formatter (pandas' and HoloViews' FuncFormatter) that are words, or numbers off their
    place on ticks one unit apart, where every library puts its categories. Number and
    date formatters never name categories."""
    from matplotlib.category import StrCategoryConverter
    from matplotlib.ticker import (
        EngFormatter,
        FixedFormatter,
        LogFormatter,
        PercentFormatter,
        ScalarFormatter,
    )

    if isinstance(getattr(axis, "get_converter", lambda: None)(), StrCategoryConverter):
        return True
    formatter = axis.get_major_formatter()
    if isinstance(formatter, ScalarFormatter | LogFormatter | EngFormatter | PercentFormatter) \
            or _is_date(axis):
        return False
    texts = [(loc, label.get_text()) for loc, label in ticks if label.get_text().strip()]
    if isinstance(formatter, FixedFormatter):
        return any(not _is_number(text) for _, text in texts) or _misplaced(texts)
    if any(not _looks_numeric(text) for _, text in texts):
        return True
    locs = np.sort([loc for loc, _ in texts])
    return _misplaced(texts) and bool(np.allclose(np.diff(locs), 1))


def _in_log_units(ticks: list[tuple[float, MplText]]) -> bool:
    """Whether a linear axis holds log10 of its values: every tick label is 10 to the power
    of its place (plotnine transforms data for scale_x_log10 and labels ticks "1e3")."""
    pairs = [(loc, _number(label.get_text())) for loc, label in ticks
             if label.get_text().strip()]
    pairs = [(loc, n) for loc, n in pairs if n is not None and n == n]
    if len(pairs) < 2 or any(n <= 0 for _, n in pairs):
        return False
    locs, numbers = np.array(pairs).T
    return bool(np.allclose(np.log10(numbers), locs, atol=1e-6)
                and not np.allclose(numbers, locs))


def _radar(ax: Any, xy: np.ndarray) -> np.ndarray:
    """Polar data (theta, r) in the radar frame, as matplotlib's PolarTransform places it:
    at the angle drawn (offset and direction applied), r less the radius at the centre."""
    angle = xy[:, 0] * ax.get_theta_direction() + ax.get_theta_offset()
    reach = (xy[:, 1] - ax.get_rorigin()) * ax.get_rsign()
    return np.column_stack([reach * np.cos(angle), reach * np.sin(angle)])


def _polar_reader(ax: Any, which: str, notes: list[str]) -> _AxisReader:
    """A polar panel's axis in the radar frame: from -reach to reach (the outer ring's
    distance from the centre); x named by the angular tick labels, clockwise from 12
    o'clock as drawn."""
    reach = abs(ax.get_rmax() - ax.get_rorigin())
    if which == "y":
        return _AxisReader(False, np.array([]), (), -reach, reach)
    notes.append("polar axes: marks are read in the radar frame (x rightwards, y upwards "
                 "from the centre, the angle as drawn, the radius less the centre's)")
    low, high = sorted(float(v) for v in ax.get_xlim())
    ticks = [(loc, label.get_text().strip()) for loc, label in _ticks(ax.xaxis, low, high)
             if label.get_visible() and label.get_text().strip()]
    clock = [(float(np.pi / 2 - (loc * ax.get_theta_direction() + ax.get_theta_offset()))
              % (2 * np.pi), text) for loc, text in ticks]
    names = dict.fromkeys(text for _, text in sorted(clock, key=lambda tick: tick[0]))
    return _AxisReader(False, np.array([]), tuple(names), -reach, reach)


def _axis_reader(ax: Axes, which: str, renderer: Any, notes: list[str]) -> _AxisReader:
    if ax.name == "polar":
        return _polar_reader(ax, which, notes)
    axis = ax.xaxis if which == "x" else ax.yaxis
    low, high = sorted(float(v) for v in (ax.get_xlim() if which == "x" else ax.get_ylim()))
    if _is_date(axis):
        notes.append(f"the {which} axis shows dates: its coordinates are the axis's own date "
                     "numbers (matplotlib's days since 1970, or pandas' period ordinals)")
    ticks = _ticks(axis, low, high)
    if ax.name == "rectilinear" and _in_log_units(ticks):
        notes.append(f"the {which} axis is drawn in log10 units (its labels name 10 to the "
                     "power of their place): its coordinates are the values the labels name")
        return _AxisReader(False, np.array([]), (), low, high, powers=True)
    if ax.name != "rectilinear" or not _categorical(axis, ticks):
        if ax.name not in ("rectilinear", "3d"):
            notes.append(f"{ax.name} axes: coordinates are the projection's own data values")
        return _AxisReader(False, np.array([]), (), low, high)
    ticks = _outer_row(ticks, which, ax, renderer, notes)
    # drawn order: left to right, bottom to top, whatever the axis inversion
    along = 0 if which == "x" else 1
    ticks.sort(key=lambda tick: ax.transData.transform(
        (tick[0], 0) if which == "x" else (0, tick[0]))[along])
    return _AxisReader(True, np.array([loc for loc, _ in ticks]),
                       tuple(label.get_text() for _, label in ticks), low, high)


def _figure_texts(figure: Figure) -> list[MplText]:
    """Texts drawn on the figure rather than an Axes: plotnine's strips and axis titles."""
    found = [*figure.texts, *(a for a in figure.artists if isinstance(a, MplText))]
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def _sides(box: Any, side: str) -> tuple[float, float, float, float]:
    """(start, end) along a panel's side and (near, far) beyond it: a right side is read
    as a top one, so one rule finds column strips and (rotated) row strips alike."""
    if side == "right":
        return box.y0, box.y1, box.x0, box.x1
    return box.x0, box.x1, box.y0, box.y1


def _strip(box: Any, boxes: list[Bbox], texts: list[MplText], renderer: Any,
           side: str) -> str:
    """A facet strip's label: the nearest text beyond the panel's top (right) side, centred
    on it and running along it, that sits on the outermost panel of that column (row):
    facet_grid labels the outer panels only, for the whole column (row)."""
    start, end, _, edge = _sides(box, side)
    best = None
    for text in texts:
        t_start, t_end, t_near, t_far = _sides(text.get_window_extent(renderer), side)
        centre = (t_start + t_end) / 2
        if start <= centre <= end and t_near >= edge - 2 and t_end - t_start >= t_far - t_near \
                and (best is None or t_near < best[0]):
            best = (t_near, t_far - t_near, centre, text.get_text())
    if best is None:
        return ""
    near, depth, centre, label = best
    edges = [_sides(b, side)[3] for b in boxes
             if _sides(b, side)[0] <= centre <= _sides(b, side)[1]
             and _sides(b, side)[3] <= near + 2]
    return label if edges and near - max(edges) <= depth + 6 else ""


def _nearest_text(texts: Iterable[MplText], renderer: Any,
                  gap: Callable[[Any], float | None]) -> str:
    """The text with the smallest non-negative ``gap`` (None: not placed right)."""
    best: tuple[float, str] | None = None
    for text in texts:
        distance = gap(text.get_window_extent(renderer))
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, text.get_text())
    return best[1] if best else ""


@dataclass
class _PanelReader:
    ax: Axes
    index: int
    figure: Figure
    renderer: Any
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.x = _axis_reader(self.ax, "x", self.renderer, self.notes)
        self.y = _axis_reader(self.ax, "y", self.renderer, self.notes)
        self.dpi = float(self.figure.dpi)
        self.three_d = hasattr(self.ax, "get_zlim")
        self.polar = self.ax.name == "polar"
        self.shown = self.ax.get_visible()

    def to_data(self, transform: Any, xy: np.ndarray) -> np.ndarray:
        """Coordinates in ``transform``'s space as data coordinates (on polar axes, in
        the radar frame)."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if self.three_d:
            return xy
        if transform != self.ax.transData:
            xy = self.ax.transData.inverted().transform(transform.transform(xy))
        return _radar(self.ax, xy) if self.polar else xy

    def inside(self, display: np.ndarray, radius: Any) -> np.ndarray:
        """Which display positions a marker of ``radius`` px at them is seen from: the
        axes clip everything beyond their box."""
        box = self.ax.bbox
        x, y = display[:, 0], display[:, 1]
        return ((x >= box.x0 - radius - 0.5) & (x <= box.x1 + radius + 0.5)
                & (y >= box.y0 - radius - 0.5) & (y <= box.y1 + radius + 0.5))

    def panel(self, texts: list[MplText], boxes: list[Bbox]) -> Panel:
        """``boxes``: every panel's place, for facet strips and shared axis titles."""
        box, frame = self.ax.get_window_extent(self.renderer), Bbox.union(boxes)
        return Panel(title=self._title(texts, boxes),
                     x=self.x.drawn(self._axis_title("x", texts, frame)),
                     y=self.y.drawn(self._axis_title("y", texts, frame)),
                     left=float(box.x0), top=float(self.figure.bbox.height - box.y1))

    def _title(self, texts: list[MplText], boxes: list[Bbox]) -> str:
        own = [self.ax.get_title(loc) for loc in ("left", "center", "right")]
        if any(own):
            return " ".join(t for t in own if t)
        box = self.ax.get_window_extent(self.renderer)
        found = [_strip(box, boxes, texts, self.renderer, side) for side in ("top", "right")]
        return ", ".join(t for t in found if t)

    def _axis_title(self, which: str, texts: list[MplText], frame: Bbox) -> str:
        """The axis's own label, a shared sibling's (seaborn labels outer facets only),
        or a figure text below (x) or left of (y) all panels: plotnine's shared titles."""
        get = Axes.get_xlabel if which == "x" else Axes.get_ylabel
        shared = (self.ax.get_shared_x_axes() if which == "x" else self.ax.get_shared_y_axes())
        for ax in [self.ax, *shared.get_siblings(self.ax)]:
            if get(ax):
                return get(ax)

        def below(tb: Any) -> float | None:
            return frame.y0 - tb.y1 if tb.width >= tb.height and tb.y1 <= frame.y0 + 1 else None

        def left(tb: Any) -> float | None:
            return frame.x0 - tb.x1 if tb.height > tb.width and tb.x1 <= frame.x0 + 1 else None

        return _nearest_text(texts, self.renderer, below if which == "x" else left)


# -- marks -------------------------------------------------------------------------------

@dataclass
class _Marks:
    points: list[Point] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    wedges: list[Wedge] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)  # numeric, for boxes
    segments: list[Segment] = field(default_factory=list)
    numeric_points: list[tuple[float, float, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)  # ids of artists of an animation's other frames


def _hex(rgba: Iterable[float]) -> str:
    return mcolors.to_hex(tuple(rgba)[:3]).lower()


def _pick(face: RGBA, edge: RGBA, edge_width: float) -> RGBA:
    """The colour a reader sees: the fill, or the outline of a hollow mark."""
    if face[3] > 0 or edge[3] <= 0 or edge_width <= 0:
        return face
    return edge


def _nth(colours: np.ndarray, i: int) -> RGBA:
    return tuple(colours[i % len(colours)]) if len(colours) else TRANSPARENT


def _read_panel(panel: _PanelReader, marks: _Marks) -> None:
    ax = panel.ax

    def mine(artists: Iterable[Any]) -> list[Any]:
        return [a for a in artists if id(a) not in marks.skip]

    for collection in mine(ax.collections):
        _read_collection(panel, collection, marks)
    for line in mine(ax.lines):
        _read_line(panel, line, marks)
    for patch in mine(ax.patches):
        _read_patch(panel, patch, marks)
    for image in mine(ax.images):
        _read_image(panel, image, marks)
    for text in mine(ax.texts):
        _read_text(panel, text, marks)
    for artist in [*ax.artists, *ax.tables]:
        if isinstance(artist, Legend):  # read with the legends
            continue
        marks.notes.append(f"panel {panel.index}: skipped a {type(artist).__name__} "
                           "(not a data mark this extractor reads)")


def _read_collection(panel: _PanelReader, coll: Collection, marks: _Marks) -> None:
    coll.update_scalarmappable()  # a hidden collection was never drawn, so never mapped
    if isinstance(coll, PathCollection):
        _read_points(panel, coll, marks)
    elif isinstance(coll, QuadMesh):
        _read_quadmesh(panel, coll, marks)
    elif isinstance(coll, LineCollection):
        _read_segments(panel, coll, marks)
    elif isinstance(coll, PolyCollection) and not panel.three_d \
            and len(coll.get_offsets()) > 1:
        _read_stamps(panel, coll, marks)
    elif isinstance(coll, PolyCollection) and not panel.three_d:
        drawn = len(marks.rects)
        _read_polygons(panel, coll, coll.get_paths(), marks)
        if _plotnine_colorbar(panel.figure):
            marks.tiles += _colour_bins(panel, marks.rects[drawn:])
    elif isinstance(coll, PatchCollection) and not panel.three_d:  # HoloViews' Polygons
        _read_polygons(panel, coll, coll.get_paths(), marks)
    else:
        marks.notes.append(f"panel {panel.index}: skipped a {type(coll).__name__} "
                           "(an artist type this extractor does not read)")


def _point_data(panel: _PanelReader, coll: PathCollection) -> tuple[np.ndarray, Any, Any]:
    """(x, y[, z]) rows, face and edge colours as set (3D: before depth shading)."""
    face, edge = Collection.get_facecolor(coll), Collection.get_edgecolor(coll)
    if panel.three_d and hasattr(coll, "_offsets3d"):
        xyz = np.column_stack([np.ma.filled(np.asarray(v, dtype=float), np.nan)
                               for v in coll._offsets3d])
        return xyz, face, edge
    offsets = np.ma.filled(np.asarray(coll.get_offsets(), dtype=float), np.nan)
    return panel.to_data(coll.get_offset_transform(), offsets), face, edge


def _read_points(panel: _PanelReader, coll: PathCollection, marks: _Marks) -> None:
    xy, face, edge = _point_data(panel, coll)
    sizes = getattr(coll, "_sizes3d", None) if panel.three_d else coll.get_sizes()
    sizes = np.asarray(sizes if sizes is not None and len(sizes) else [36.0], dtype=float)
    widths = np.asarray(coll.get_linewidths()) if len(coll.get_linewidths()) else np.zeros(1)
    seen = np.ones(len(xy), bool)
    if not panel.three_d and coll.get_clip_on() and len(xy):
        display = coll.get_offset_transform().transform(
            np.nan_to_num(np.asarray(coll.get_offsets(), dtype=float)))
        seen = panel.inside(display, np.sqrt(np.resize(sizes, len(xy))) * panel.dpi / 144)
    shown = coll.get_visible() and panel.shown
    for i, row in enumerate(xy):
        if not np.all(np.isfinite(row)):
            continue
        colour = _pick(_nth(face, i), _nth(edge, i), widths[i % len(widths)])
        alpha = float(colour[3]) if shown and seen[i] else 0.0
        marks.points.append(Point(
            panel.x.at(row[0]), panel.y.at(row[1]), _hex(colour), alpha,
            z=float(row[2]) if len(row) > 2 else None,
            size=float(np.sqrt(sizes[i % len(sizes)]) * panel.dpi / 72), panel=panel.index))
        if alpha > 0 and len(row) == 2:
            marks.numeric_points.append((float(row[0]), float(row[1]), panel.index))


def _runs(xy: np.ndarray) -> Iterator[np.ndarray]:
    """Stretches of finite vertices: where a NaN breaks a line, matplotlib lifts the pen."""
    finite = np.all(np.isfinite(xy), axis=1)
    start = None
    for i, ok in enumerate([*finite, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            yield xy[start:i]
            start = None


def _add_line(panel: _PanelReader, xy: np.ndarray, colour: RGBA, shown: bool,
              marks: _Marks) -> None:
    for run in _runs(xy):
        if len(run) < 2:
            continue
        marks.lines.append(Line(
            tuple(panel.x.at(v) for v in run[:, 0]), tuple(panel.y.at(v) for v in run[:, 1]),
            _hex(colour), float(colour[3]) if shown else 0.0, panel.index,
            tuple(float(v) for v in run[:, 2]) if run.shape[1] > 2 else ()))
        if len(run) == 2 and run.shape[1] == 2 and shown and colour[3] > 0:
            (xa, ya), (xb, yb) = run.tolist()
            marks.segments.append(((xa, ya), (xb, yb), panel.index))


def _read_segments(panel: _PanelReader, coll: LineCollection, marks: _Marks) -> None:
    colours, shown = coll.get_colors(), coll.get_visible() and panel.shown
    if panel.three_d and hasattr(coll, "_segments3d"):
        segments = [np.asarray(s, dtype=float) for s in coll._segments3d]
    else:
        segments = [panel.to_data(coll.get_transform(), s) for s in coll.get_segments()]
    for i, segment in enumerate(segments):
        _add_line(panel, segment, _nth(colours, i), shown, marks)


def _line_rgba(line: Line2D) -> RGBA:
    return mcolors.to_rgba(line.get_color(), line.get_alpha())


def _marker_rgba(line: Line2D) -> RGBA:
    alpha = line.get_alpha()
    face = mcolors.to_rgba(line.get_markerfacecolor(), alpha)
    edge = mcolors.to_rgba(line.get_markeredgecolor(), alpha)
    return _pick(face, edge, line.get_markeredgewidth())


def _line_xy(panel: _PanelReader, line: Line2D) -> np.ndarray:
    if panel.three_d and hasattr(line, "get_data_3d"):
        return np.column_stack([np.asarray(v, dtype=float) for v in line.get_data_3d()])
    xy = np.ma.filled(np.ma.asarray(line.get_xydata(), dtype=float), np.nan)
    return panel.to_data(line.get_transform(), xy)


def _closed_rectangle(xy: np.ndarray) -> bool:
    return len(xy) == 5 and xy.shape[1] == 2 and bool(np.all(np.isfinite(xy))) \
        and np.allclose(xy[0], xy[-1]) and _rectangle(xy) is not None


def _read_line(panel: _PanelReader, line: Line2D, marks: _Marks) -> None:
    xy, shown = _line_xy(panel, line), line.get_visible() and panel.shown
    drawn_line = line.get_linestyle() not in NO_STYLE and line.get_linewidth() > 0
    if drawn_line and _closed_rectangle(xy):  # a box outline (boxplot without patch_artist)
        _add_rect(panel, xy, _line_rgba(line), shown, marks, anchored=False)
    elif drawn_line:
        _add_line(panel, xy, _line_rgba(line), shown, marks)
    if line.get_marker() in NO_STYLE or line.get_markersize() <= 0:
        return
    if line.get_marker() in TICK_MARKERS:
        marks.notes.append(f"panel {panel.index}: tick-like markers (caps, ticks) are not read "
                           "as points")
        return
    if line.get_markevery() is not None:
        marks.notes.append(f"panel {panel.index}: a line marks only some vertices "
                           "(markevery); every vertex was read as a point")
    colour, size = _marker_rgba(line), line.get_markersize() * panel.dpi / 72
    seen = np.ones(len(xy), bool)
    if not panel.three_d and line.get_clip_on():
        raw = np.ma.filled(np.ma.asarray(line.get_xydata(), dtype=float), np.nan)
        seen = panel.inside(line.get_transform().transform(np.nan_to_num(raw)), size / 2)
    for row, visible in zip(xy, seen, strict=True):
        if np.all(np.isfinite(row)):
            alpha = float(colour[3]) if shown and visible else 0.0
            marks.points.append(Point(
                panel.x.at(row[0]), panel.y.at(row[1]), _hex(colour), alpha,
                z=float(row[2]) if len(row) > 2 else None, size=float(size),
                panel=panel.index))
            if alpha > 0 and len(row) == 2:
                marks.numeric_points.append((float(row[0]), float(row[1]), panel.index))


def _rectangle(xy: np.ndarray) -> tuple[float, float, float, float] | None:
    """(x0, x1, y0, y1) when the vertices trace an axis-aligned rectangle."""
    if len(xy) < 4:
        return None
    xs, ys = xy[:, 0], xy[:, 1]
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    tol_x, tol_y = 1e-9 * (abs(x0) + abs(x1) + 1), 1e-9 * (abs(y0) + abs(y1) + 1)
    on_x = (np.abs(xs - x0) <= tol_x) | (np.abs(xs - x1) <= tol_x)
    on_y = (np.abs(ys - y0) <= tol_y) | (np.abs(ys - y1) <= tol_y)
    return (x0, x1, y0, y1) if bool(on_x.all() and on_y.all()) else None


def _add_rect(panel: _PanelReader, xy: np.ndarray, colour: RGBA, shown: bool,
              marks: _Marks, anchored: bool, value: float | None = None,
              body: bool = True) -> None:
    """A Rect from rectangle vertices; ``anchored``: vertex 0 is the anchor and vertex 2
    the far corner (a Rectangle patch), else y0 is the edge nearer zero (a bar's base)."""
    x0, x1, y0, y1 = _rectangle(xy)
    if x0 == x1 and y0 == y1:
        return
    if anchored:
        (x0, y0), (x1, y1) = xy[0], xy[2]
    elif abs(y1) < abs(y0):
        y0, y1 = y1, y0
    xc, yc = (x0 + x1) / 2, (y0 + y1) / 2
    xa, xb = (panel.x.at(xc),) * 2 if panel.x.categorical else (float(x0), float(x1))
    ya, yb = (panel.y.at(yc),) * 2 if panel.y.categorical else (float(y0), float(y1))
    order = yc if panel.y.categorical and not panel.x.categorical else xc
    alpha = float(colour[3]) if shown else 0.0
    marks.rects.append(Rect(xa, xb, ya, yb, _hex(colour), alpha, panel.index, float(order),
                            value))
    if body and alpha > 0:
        marks.bodies.append(Body(float(min(x0, x1)), float(max(x0, x1)), float(min(y0, y1)),
                                 float(max(y0, y1)), _hex(colour), panel.index))


def _polygons(path: Path) -> list[np.ndarray]:
    """The vertex lists of a path's sub-paths (a CLOSEPOLY vertex is a placeholder)."""
    vertices = np.asarray(path.vertices, dtype=float)
    if path.codes is None:
        return [vertices]
    codes = np.asarray(path.codes)
    starts = [*np.flatnonzero(codes == Path.MOVETO), len(codes)]
    return [vertices[a:b][codes[a:b] != Path.CLOSEPOLY]
            for a, b in zip(starts, starts[1:], strict=False) if b > a]


def _add_shape(panel: _PanelReader, xy: np.ndarray, colour: RGBA, shown: bool,
               marks: _Marks, anchored: bool = False) -> None:
    if not len(xy) or not np.all(np.isfinite(xy)):
        return  # nothing is drawn for a polygon with NaN vertices
    if _rectangle(xy) is not None:
        _add_rect(panel, xy, colour, shown, marks, anchored)
    else:
        marks.areas.append(Area(_hex(colour), float(colour[3]) if shown else 0.0, panel.index,
                                tuple(map(float, xy[:, 0])), tuple(map(float, xy[:, 1]))))


def _read_polygons(panel: _PanelReader, coll: Collection, paths: list[Path],
                   marks: _Marks) -> None:
    face, edge = coll.get_facecolor(), coll.get_edgecolor()
    widths = np.asarray(coll.get_linewidths()) if len(coll.get_linewidths()) else np.zeros(1)
    shown, transform = coll.get_visible() and panel.shown, coll.get_transform()
    for i, path in enumerate(paths):
        colour = _pick(_nth(face, i), _nth(edge, i), widths[i % len(widths)])
        for polygon in _polygons(path):
            _add_shape(panel, panel.to_data(transform, polygon), colour, shown, marks)


def _add_tile(panel: _PanelReader, xy: np.ndarray, count: Any, colour: RGBA, shown: bool,
              marks: _Marks) -> None:
    """A bin at the centre of its corners ``xy`` (data coordinates); on numeric axes only
    (a cell named by categories is a heatmap's)."""
    if panel.x.categorical or panel.y.categorical or not np.all(np.isfinite(xy)) \
            or np.ma.is_masked(count):
        return  # a masked count: no bin is drawn there
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    marks.tiles.append(Tile(
        float(panel.x.at((x0 + x1) / 2)), float(panel.y.at((y0 + y1) / 2)),
        None if count is None else float(count), _hex(colour),
        float(colour[3]) if shown else 0.0, panel.index))


def _read_stamps(panel: _PanelReader, coll: PolyCollection, marks: _Marks) -> None:
    """A hexbin: one shape stamped at each offset (a bin's centre), coloured by the count
    in the collection's array. Each stamp is drawn at its path through the collection's
    transform, moved by its offset through the offset transform (as matplotlib draws)."""
    paths, offsets = coll.get_paths(), np.asarray(coll.get_offsets(), dtype=float)
    if not paths:
        return
    counts = coll.get_array()
    counts = counts if counts is not None and len(counts) == len(offsets) else None
    face, edge = coll.get_facecolor(), coll.get_edgecolor()
    widths = np.asarray(coll.get_linewidths()) if len(coll.get_linewidths()) else np.zeros(1)
    shown, transform = coll.get_visible() and panel.shown, coll.get_transform()
    moved = coll.get_offset_transform().transform(offsets)
    to_data = panel.ax.transData.inverted()
    for i, offset in enumerate(moved):
        colour = _pick(_nth(face, i), _nth(edge, i), widths[i % len(widths)])
        for polygon in _polygons(paths[i % len(paths)]):
            xy = to_data.transform(transform.transform(polygon) + offset)
            _add_tile(panel, xy, None if counts is None else counts[i], colour, shown, marks)


def _colour_bins(panel: _PanelReader, rects: list[Rect]) -> list[Tile]:
    """Rectangles on numeric axes filled from a continuous scale, under a colour bar
    (plotnine's geom_bin_2d), are bins; plotnine's figure keeps only their colours (the
    counts stay in the ggplot's layer data), so their counts are None."""
    if panel.x.categorical or panel.y.categorical:
        return []  # a heatmap's cells
    return [Tile((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, None, r.color, r.alpha, r.panel)
            for r in rects]


def _read_patch(panel: _PanelReader, patch: Patch, marks: _Marks) -> None:
    if panel.three_d:
        marks.notes.append(f"panel {panel.index}: skipped a {type(patch).__name__} on 3D axes")
        return
    face = patch.get_facecolor() if patch.get_fill() else TRANSPARENT
    colour = _pick(tuple(face), tuple(patch.get_edgecolor()), patch.get_linewidth())
    shown = patch.get_visible() and panel.shown
    if isinstance(patch, MplWedge):  # degrees anticlockwise from 3 o'clock -> turns
        turns = (patch.theta2 - patch.theta1) / 360  # clockwise from 12 o'clock
        start = ((90 - patch.theta2) / 360) % 1
        marks.wedges.append(Wedge(start, start + turns, _hex(colour),
                                  float(colour[3]) if shown else 0.0, panel.index))
        return
    anchored = isinstance(patch, Rectangle) and patch.get_angle() == 0
    for polygon in _polygons(patch.get_path()):
        xy = _patch_xy(panel, patch, polygon)
        _add_shape(panel, xy[:4] if anchored else xy, colour, shown, marks, anchored)


def _patch_xy(panel: _PanelReader, patch: Patch, vertices: np.ndarray) -> np.ndarray:
    """Data coordinates of a patch's path; straight through its own placement when it
    lives in data space, so a bar's base of 0 stays exactly 0."""
    if patch.get_data_transform() is panel.ax.transData:
        return panel.to_data(panel.ax.transData, patch.get_patch_transform().transform(vertices))
    return panel.to_data(patch.get_transform(), vertices)


def _cell(panel: _PanelReader, corners: np.ndarray, rgba: Any, value: Any, shown: bool,
          marks: _Marks) -> None:
    if not np.all(np.isfinite(corners)):
        return
    number = None if np.ma.is_masked(value) or value is None else float(value)
    _add_rect(panel, corners, tuple(float(c) for c in rgba), shown, marks, anchored=False,
              value=number, body=False)


def _read_quadmesh(panel: _PanelReader, mesh: QuadMesh, marks: _Marks) -> None:
    grid = np.asarray(mesh.get_coordinates(), dtype=float)
    grid = panel.to_data(mesh.get_transform(), grid.reshape(-1, 2)).reshape(grid.shape)
    rows, cols = grid.shape[0] - 1, grid.shape[1] - 1
    values = mesh.get_array()
    values = np.ma.ravel(values) if values is not None and values.size == rows * cols else None
    colours, shown = mesh.get_facecolor(), mesh.get_visible() and panel.shown
    for i in range(rows):
        for j in range(cols):
            corners = grid[[i, i, i + 1, i + 1], [j, j + 1, j + 1, j]]
            k = i * cols + j
            _cell(panel, _box_of(corners), _nth(colours, k),
                  None if values is None else values[k], shown, marks)
            if values is not None:  # a cell of counts on numeric axes: a 2D histogram's bin
                _add_tile(panel, corners, values[k], _nth(colours, k), shown, marks)


def _box_of(corners: np.ndarray) -> np.ndarray:
    (x0, y0), (x1, y1) = corners.min(axis=0), corners.max(axis=0)
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])


def _read_image(panel: _PanelReader, image: AxesImage, marks: _Marks) -> None:
    """One cell per array element, placed by the extent (row 0 at the origin's side)."""
    if type(image) is not AxesImage or panel.three_d:
        marks.notes.append(f"panel {panel.index}: skipped a {type(image).__name__} "
                           "(only regular images are read as cells)")
        return
    array = np.ma.asarray(image.get_array())
    left, right, bottom, top = image.get_extent()
    rows, cols = array.shape[:2]
    xs = np.linspace(left, right, cols + 1)
    ys = np.linspace(top, bottom, rows + 1) if image.origin == "upper" \
        else np.linspace(bottom, top, rows + 1)
    rgba = image.to_rgba(array) if array.ndim == 2 else mcolors.to_rgba_array(
        array.reshape(-1, array.shape[2]) / (255 if array.dtype.kind in "ui" else 1))
    rgba = np.asarray(rgba, dtype=float).reshape(rows, cols, 4)
    alpha = image.get_alpha()
    if alpha is not None:
        rgba[..., 3] *= np.broadcast_to(alpha, (rows, cols))
    shown = image.get_visible() and panel.shown
    for i in range(rows):
        for j in range(cols):
            corners = np.array([[xs[j], ys[i]], [xs[j + 1], ys[i]],
                                [xs[j + 1], ys[i + 1]], [xs[j], ys[i + 1]]])
            _cell(panel, _box_of(corners), rgba[i, j],
                  array[i, j] if array.ndim == 2 else None, shown, marks)


def _read_text(panel: _PanelReader, text: MplText, marks: _Marks) -> None:
    """Where the text is drawn (its box's centre), in data coordinates."""
    if not (text.get_visible() and panel.shown and text.get_text().strip()):
        return
    box = text.get_window_extent(panel.renderer)
    x, y = panel.ax.transData.inverted().transform([(box.x0 + box.x1) / 2,
                                                    (box.y0 + box.y1) / 2])
    if panel.polar:
        (x, y), = _radar(panel.ax, np.array([[x, y]]))
    marks.texts.append(Text(panel.x.at(x), panel.y.at(y), text.get_text(), panel.index))


# -- boxes -------------------------------------------------------------------------------

def _flip_segment(segment: Segment) -> Segment:
    (xa, ya), (xb, yb), panel = segment
    return (ya, xa), (yb, xb), panel


def _near(segment: Segment, body: Body) -> bool:
    """A part of this box: it lies within the body's column (an axhline crossing every
    bar is no median)."""
    (xa, _), (xb, _), _ = segment
    margin = 0.25 * (body.x1 - body.x0)
    return body.x0 - margin <= min(xa, xb) and max(xa, xb) <= body.x1 + margin


def _through_edge(segment: Segment, body: Body) -> bool:
    """A vertical segment crossing the body's top or bottom: a bar's error bar. A box's
    whiskers stop at its edges."""
    (xa, ya), (xb, yb), _ = segment
    tol = 1e-6 * (abs(body.y1) + abs(body.y0) + 1)
    low, high = min(ya, yb) + tol, max(ya, yb) - tol
    return abs(xa - xb) <= tol and any(low < edge < high for edge in (body.y0, body.y1))


def _boxes(panel: _PanelReader, marks: _Marks) -> list[Box]:
    bodies = [b for b in marks.bodies if b.panel == panel.index]
    segments = [s for s in marks.segments if s[2] == panel.index]
    if not bodies or not segments:
        return []
    points = [p for p in marks.numeric_points if p[2] == panel.index]
    category, value = panel.x, panel.y
    if panel.y.categorical and not panel.x.categorical:  # horizontal boxes: read transposed
        category, value = panel.y, panel.x
        bodies = [Body(b.y0, b.y1, b.x0, b.x1, b.color, b.panel) for b in bodies]
        segments = [_flip_segment(s) for s in segments]
        points = [(y, x, i) for x, y, i in points]
    found = []
    for body in bodies:
        # the widest horizontal segment first, so a median wins over a cap at the body edge
        near = sorted((s for s in segments if _near(s, body)),
                      key=lambda s: -abs(s[0][0] - s[1][0]))
        if near and not any(_through_edge(s, body) for s in near):
            found += boxes_from_parts([body], near, points,
                                      lambda centre, _: category.name(centre),
                                      abs(value.high - value.low) or 1.0)
    return found


# -- legend ------------------------------------------------------------------------------

def _handle(artist: Any, dpi: float) -> tuple[RGBA, float | None] | None:
    """(colour, marker diameter px or None) of a legend key; None when it draws nothing."""
    if not artist.get_visible():
        return None
    if isinstance(artist, Line2D):
        if artist.get_marker() not in NO_STYLE and artist.get_markersize() > 0:
            return _marker_rgba(artist), artist.get_markersize() * dpi / 72
        if artist.get_linestyle() not in NO_STYLE and artist.get_linewidth() > 0:
            return _line_rgba(artist), None
        return None
    if isinstance(artist, Patch):
        face = artist.get_facecolor() if artist.get_fill() else TRANSPARENT
        return _pick(tuple(face), tuple(artist.get_edgecolor()), artist.get_linewidth()), None
    if isinstance(artist, Collection):
        widths = artist.get_linewidths()
        colour = _pick(_nth(artist.get_facecolor(), 0), _nth(artist.get_edgecolor(), 0),
                       widths[0] if len(widths) else 0)
        sizes = artist.get_sizes() if isinstance(artist, PathCollection) else []
        return colour, (float(np.sqrt(sizes[0]) * dpi / 72) if len(sizes) else None)
    return None


def _entries(pairs: Iterable[tuple[str, Any]], dpi: float, index: int = 0) -> list[LegendEntry]:
    """Entries from (label, handle); marker sizes kept only where size is what the legend
    explains: on entries labelled with values (numbers), whose sizes differ. Keys named by
    category that merely differ in size (pandas draws each at its group's middle marker
    size) explain colour, not size."""
    found = []
    for label, handle in pairs:
        seen = _handle(handle, dpi) if handle is not None and label.strip() else None
        if seen is not None:
            found.append((label, *seen))
    valued = [(label, size) for label, _, size in found
              if size is not None and _looks_numeric(label)]
    keep = len({round(size, 2) for _, size in valued}) > 1
    return [LegendEntry(label, _hex(rgba), size if keep and _looks_numeric(label) else None,
                        index) for label, rgba, size in found]


def _key_parts(area: DrawingArea) -> list[Any]:
    """What a plotnine legend key draws, its background rectangle excluded."""
    children = list(area.get_children())
    if children and isinstance(children[0], Rectangle) and len(children) > 1:
        children = children[1:]
    return [c for c in children if _handle(c, 72.0) is not None]


def _key_artists(keys: list[DrawingArea]) -> list[Any]:
    """Each key's telling part: the one whose colour differs between the entries (a box
    key's fill, not its grey median line; a smooth key's line, not its grey band)."""
    parts = [_key_parts(key) for key in keys]
    size = min((len(p) for p in parts), default=0)
    telling = [i for i in range(size) if len({_hex(_handle(p[i], 72.0)[0]) for p in parts}) > 1]
    chosen = telling[-1] if telling else size - 1
    return [p[chosen] if chosen >= 0 and len(p) == size else (p[-1] if p else None)
            for p in parts]


def _guides(box: Any) -> Iterator[list[tuple[str, Any]]]:
    """The legends of an offsetbox tree: per packer, its (label, key artist) children,
    each a key drawing packed with a text."""
    pairs, rest = [], []
    for child in box.get_children():
        parts = list(child.get_children()) if isinstance(child, OffsetBox) else []
        keys = [c for c in parts if isinstance(c, DrawingArea)]
        labels = [c for c in parts if isinstance(c, TextArea)]
        if len(parts) == 2 and len(keys) == 1 and len(labels) == 1:
            pairs.append((labels[0].get_text(), keys[0]))
        elif isinstance(child, OffsetBox):
            rest.append(child)
    if pairs:
        yield list(zip([label for label, _ in pairs],
                       _key_artists([key for _, key in pairs]), strict=True))
    for child in rest:
        yield from _guides(child)


def _legend(figure: Figure, renderer: Any, notes: list[str]) -> list[LegendEntry]:
    dpi = float(figure.dpi)
    # an Axes' current legend, and earlier ones kept with add_artist (matplotlib's way to
    # show two legends on one Axes)
    artists = [*figure.artists, *(a for ax in _all_axes(figure) for a in ax.artists)]
    legends = [ax.get_legend() for ax in _all_axes(figure) if ax.get_legend() is not None]
    legends += [a for a in artists if isinstance(a, Legend) and a not in legends]
    found = []
    for index, legend in enumerate([*legends, *figure.legends]):
        if legend.get_visible():
            found += _entries(((t.get_text(), h) for t, h
                               in zip(legend.texts, legend.legend_handles, strict=False)), dpi,
                              index)
    boxes = [a for a in artists if isinstance(a, OffsetBox) and a.get_visible()]
    for box in boxes:
        for guide in _guides(box):
            found += _entries(guide, dpi, len(legends) + len(figure.legends))
    if any(legend.legend_handles.count(None) for legend in [*legends, *figure.legends]):
        notes.append("a legend entry has a handle matplotlib could not draw; it was skipped")
    return found
