"""Read a Vega-Lite chart's Scene off Vega's own evaluation of it.

Vega-Lite aggregates, bins, stacks, fits and filters in the Vega runtime, so the spec's
inline data says little about what is drawn. ``vl_convert`` runs that runtime offline and
returns the scenegraph: mark items in pixels, with no data attached. Each panel's axes
map pixels back to data: a numeric axis through a least-squares line from its labels'
positions to their parsed values, a band/point axis through its nearest label; a y scale
drawn with no axis at all is read in pixels up from the panel's bottom. The compiled Vega
spec says which axes are band/point, log, pow or time scales.

Coordinates are absolute pixels (the scenegraph's origin plus every ancestor group's
x/y) until they are mapped; an axis group's own x/y is left out because along the axis it
is only Vega's 0.5 px crisp-edge ``translate``, which the marks do not get.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

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

CONTAINER_WIDTH, CONTAINER_HEIGHT = 600, 400  # what "container" becomes, as a page's card
CATEGORICAL_SCALES = {"band", "point", "ordinal"}
HEADER_ROLES = {"column-header", "row-header", "column-footer", "row-footer"}
SKIPPED_GROUP_ROLES = {"column-title", "row-title"}  # the facet field's name, not a panel's
TICK_PX = 3.0  # a rect this thin in one direction is a tick, not a bar
SI = {"y": -24, "z": -21, "a": -18, "f": -15, "p": -12, "n": -9, "µ": -6, "μ": -6, "m": -3,
      "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18, "Z": 21, "Y": 24}
NUMBER = re.compile(r"^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([yzafpnµμmkMGTPEZY%]?)$")


# --- reading the scenegraph ------------------------------------------------------------


@dataclass
class _AxisRead:
    orient: str
    x: float  # absolute origin of the group holding the axis
    y: float
    width: float | None
    height: float | None
    ticks: list[tuple[float, str]]  # (absolute position along the axis, label text)
    title: str
    inside: int | None  # the panel whose group holds the axis, if any

    @property
    def horizontal(self) -> bool:
        return self.orient in ("top", "bottom")


@dataclass
class _PanelRead:
    left: float
    top: float
    width: float
    height: float
    titles: list[str] = field(default_factory=list)


@dataclass
class _Mark:
    marktype: str
    items: list[dict]
    x: float  # absolute origin of the items' coordinates
    y: float
    opacity: float  # product of the enclosing groups' opacities
    panel: int
    name: str


@dataclass
class _Header:
    role: str
    left: float
    top: float
    width: float | None
    height: float | None
    titles: list[str]


@dataclass
class _Graph:
    axes: list[_AxisRead] = field(default_factory=list)
    panels: list[_PanelRead] = field(default_factory=list)
    marks: list[_Mark] = field(default_factory=list)
    headers: list[_Header] = field(default_factory=list)
    legends: list[dict] = field(default_factory=list)
    chart_titles: list[str] = field(default_factory=list)


@dataclass
class _Context:
    x: float
    y: float
    opacity: float
    panel: int | None
    header: _Header | None = None


def _title_texts(group_item: dict) -> list[str]:
    return [str(text["text"]) for node in group_item.get("items", [])
            if node.get("role") == "title-text" for text in node.get("items", [])
            if str(text.get("text", "")).strip()]


def _axis_title(item: dict) -> str:
    for node in item.get("items", []):
        if node.get("role") == "axis-title":
            return " ".join(str(t.get("text", "")) for t in node.get("items", []))
    return ""


def _axis_positions(item: dict, horizontal: bool) -> list[tuple[float, str]]:
    """(position along the axis, label) pairs. Labels, not tick rules: ticks are rounded
    to whole pixels, labels sit on the scale's exact values (rotated ones within 0.5 px).
    Labels hidden for overlap (opacity 0) still sit on their values."""
    along = "x" if horizontal else "y"
    return [(float(t.get(along, 0.0)), str(t.get("text", "")))
            for node in item.get("items", []) if node.get("role") == "axis-label"
            for t in node.get("items", [])]


def _read_axis(item: dict, ctx: _Context, parent: dict) -> _AxisRead:
    orient = str(item.get("orient", "bottom"))
    horizontal = orient in ("top", "bottom")
    origin = ctx.x if horizontal else ctx.y
    ticks = [(origin + pos, text) for pos, text in _axis_positions(item, horizontal)]
    return _AxisRead(orient, ctx.x, ctx.y, parent.get("width"), parent.get("height"), ticks,
                     _axis_title(item), ctx.panel)


def _is_panel(node: dict, item: dict) -> bool:
    """A plotting area: a group that carries its own axes, or a facet cell (whose shared
    axes may live in the headers instead)."""
    name, role = str(node.get("name") or ""), node.get("role")
    if role == "cell" or name.endswith("cell"):
        return True
    return any(child.get("role") == "axis" for child in item.get("items", []))


def _walk_group_item(node: dict, item: dict, ctx: _Context, graph: _Graph,
                     holder: dict) -> None:
    """One group item; ``ctx`` is the absolute frame of ``holder``, the group holding it."""
    role = node.get("role")
    inner = _Context(ctx.x + item.get("x", 0.0), ctx.y + item.get("y", 0.0),
                     ctx.opacity * item.get("opacity", 1.0), ctx.panel, ctx.header)
    if role == "axis":
        graph.axes.append(_read_axis(item, ctx, holder))
    elif role == "legend":
        graph.legends.append(item)
    elif role == "title":
        _record_title(_title_texts(item), ctx, graph)
    elif role in HEADER_ROLES:
        inner.header = _Header(str(role), inner.x, inner.y, item.get("width"),
                               item.get("height"), [])
        graph.headers.append(inner.header)
        _walk_children(item, inner, graph)
    elif role not in SKIPPED_GROUP_ROLES:
        if _is_panel(node, item):
            inner.panel = len(graph.panels)
            graph.panels.append(_PanelRead(inner.x, inner.y, item.get("width", 0.0),
                                           item.get("height", 0.0)))
        _walk_children(item, inner, graph)


def _record_title(texts: list[str], ctx: _Context, graph: _Graph) -> None:
    if ctx.header is not None:
        ctx.header.titles += texts
    elif ctx.panel is not None:
        graph.panels[ctx.panel].titles += texts
    else:
        graph.chart_titles += texts


def _walk_children(item: dict, ctx: _Context, graph: _Graph) -> None:
    for node in item.get("items", []):
        if node.get("marktype") == "group":
            for child in node.get("items", []):
                _walk_group_item(node, child, ctx, graph, item)
        elif node.get("role") == "mark" and ctx.header is None:
            panel = ctx.panel if ctx.panel is not None else _fallback_panel(item, ctx, graph)
            ctx.panel = panel
            graph.marks.append(_Mark(node["marktype"], node.get("items", []), ctx.x, ctx.y,
                                     ctx.opacity, panel, str(node.get("name") or "")))


def _fallback_panel(item: dict, ctx: _Context, graph: _Graph) -> int:
    """Marks outside any group with axes (every axis turned off) get their group as panel;
    groups over the same area (a layer's series groups) share one."""
    read = _PanelRead(ctx.x, ctx.y, item.get("width", 0.0), item.get("height", 0.0))
    for index, known in enumerate(graph.panels):
        if (known.left, known.top, known.width, known.height) == (
                read.left, read.top, read.width, read.height):
            return index
    graph.panels.append(read)
    return len(graph.panels) - 1


def _read_graph(root: dict, origin: list[float]) -> _Graph:
    graph = _Graph()
    ctx = _Context(float(origin[0]), float(origin[1]), 1.0, None)
    for item in root.get("items", []):
        _walk_group_item(root, item, ctx, graph, {})
    return graph


# --- colours -----------------------------------------------------------------------------


def _named(color: str) -> tuple[int, int, int] | None:
    from PIL import ImageColor  # CSS colour names and hsl(); Pillow comes with matplotlib

    try:
        return ImageColor.getrgb(color)[:3]
    except ValueError:
        return None


def parse_color(color: Any) -> tuple[str, float]:
    """A CSS colour as Vega writes it -> (``#rrggbb``, its own alpha); ("", 0) for none."""
    if not isinstance(color, str) or color.strip().lower() in ("", "none", "transparent"):
        return "", 0.0
    text = color.strip().lower()
    match = re.fullmatch(r"rgba?\(([^)]*)\)", text)
    if match:
        parts = [p.strip() for p in match.group(1).replace("/", ",").split(",")]
        rgb = [round(float(p[:-1]) * 2.55) if p.endswith("%") else round(float(p))
               for p in parts[:3]]
        alpha = float(parts[3]) if len(parts) > 3 else 1.0
        return "#" + "".join(f"{max(0, min(255, c)):02x}" for c in rgb), alpha
    if re.fullmatch(r"#[0-9a-f]{8}", text):
        return text[:7], int(text[7:], 16) / 255
    if re.fullmatch(r"#[0-9a-f]{4}", text):
        return "#" + "".join(c * 2 for c in text[1:4]), int(text[4] * 2, 16) / 255
    rgb = _named(text)
    if rgb is None:
        return "", 0.0
    return "#" + "".join(f"{c:02x}" for c in rgb), 1.0


def _paint(item: dict, channel: str, group_opacity: float) -> tuple[str, float]:
    color, own = parse_color(item.get(channel))
    alpha = item.get("opacity", 1.0) * item.get(f"{channel}Opacity", 1.0) * own * group_opacity
    if channel == "stroke" and item.get("strokeWidth", 1.0) == 0:
        alpha = 0.0
    return color, float(alpha)


def _fill_or_stroke(item: dict, group_opacity: float = 1.0) -> tuple[str, float]:
    """The colour a reader sees: the fill, or the outline of an unfilled mark (Vega-Lite's
    "point" marks are hollow circles)."""
    color, alpha = _paint(item, "fill", group_opacity)
    if color and alpha > 0:
        return color, alpha
    stroke, stroke_alpha = _paint(item, "stroke", group_opacity)
    if stroke:
        return stroke, stroke_alpha
    return color or "#000000", 0.0


def _stroke_or_fill(item: dict, group_opacity: float = 1.0) -> tuple[str, float]:
    color, alpha = _paint(item, "stroke", group_opacity)
    if color:
        return color, alpha
    return _fill_or_stroke(item, group_opacity)


# --- pixels to data ----------------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """An axis label as a number: thousands separators, unicode minus, SI suffixes, %."""
    cleaned = text.strip().replace("\u2212", "-").replace(",", "").replace("$", "")
    match = NUMBER.match(cleaned.replace("\u00a0", "").replace(" ", ""))
    if not match:
        return None
    value, suffix = float(match.group(1)), match.group(2)
    if suffix == "%":
        return value / 100
    return value * 10.0 ** SI[suffix] if suffix else value


def _transform(scale: dict) -> tuple[Callable[[float], float], Callable[[float], float]]:
    """Forward and inverse of a continuous scale's warping (linear: none)."""
    kind = scale.get("type", "linear")
    if kind == "log":
        base = float(scale.get("base", 10)) if isinstance(scale.get("base", 10), int | float) \
            else 10.0
        return (lambda v: math.log(v, base)), (lambda t: base ** t)
    if kind in ("pow", "sqrt"):
        exponent = 0.5 if kind == "sqrt" else scale.get("exponent", 1)
        e = float(exponent) if isinstance(exponent, int | float) else 1.0
        return (lambda v: math.copysign(abs(v) ** e, v)), \
            (lambda t: math.copysign(abs(t) ** (1 / e), t))
    if kind == "symlog":
        c = scale.get("constant", 1)
        c = float(c) if isinstance(c, int | float) else 1.0
        return (lambda v: math.copysign(math.log1p(abs(v) / c), v)), \
            (lambda t: math.copysign(math.expm1(abs(t)) * c, t))
    return (lambda v: v), (lambda t: t)


class _Mapper:
    """Pixels along one axis of one panel -> data."""

    categorical = False

    def value(self, px: float) -> Coordinate:
        return math.nan

    def axis(self, start: float, end: float, title: str) -> Axis:
        return Axis(title=title)


def _line(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares (intercept, slope) of t on px."""
    n = len(pairs)
    mean_px, mean_t = sum(p for p, _ in pairs) / n, sum(t for _, t in pairs) / n
    spread = sum((p - mean_px) ** 2 for p, _ in pairs)
    slope = sum((p - mean_px) * (t - mean_t) for p, t in pairs) / spread
    return mean_t - slope * mean_px, slope


def _misses(pairs: list[tuple[float, float]], intercept: float, slope: float) -> list[float]:
    """How far, in pixels, each label sits from where the line puts its value."""
    if not slope:
        return [math.inf] * len(pairs)
    return [abs(p - (t - intercept) / slope) for p, t in pairs]


def _agreeing(pairs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The labels that sit on one scale: all of them, or the largest set a line through
    two of them fits within half a pixel. Labels hidden for overlap keep a coarser format
    ("173" at 172.5) that would pull a plain fit off the exact ones."""
    if max(_misses(pairs, *_line(pairs))) <= 0.5:
        return pairs
    step = max(1, len(pairs) // 40)  # candidate lines through at most 40 labels
    sample = pairs[::step]
    best = pairs[:0]
    for (pa, ta), (pb, tb) in combinations(sample, 2):
        if pa == pb:
            continue
        slope = (tb - ta) / (pb - pa)
        fit = [pair for pair, miss in zip(pairs, _misses(pairs, ta - slope * pa, slope),
                                          strict=True) if miss <= 0.5]
        if len(fit) > len(best):
            best = fit
    return best if len({p for p, _ in best}) >= 2 else pairs


class _Numeric(_Mapper):
    def __init__(self, points: list[tuple[float, float]], scale: dict) -> None:
        self.forward, self.inverse = _transform(scale)
        pairs = [(px, self.forward(v)) for px, v in points]
        self.used = _agreeing(pairs)
        self.intercept, self.slope = _line(self.used)
        self.residual = max(_misses(self.used, self.intercept, self.slope))

    def value(self, px: float) -> float:
        try:
            return float(self.inverse(self.intercept + self.slope * px))
        except (ValueError, OverflowError):
            return math.nan

    def axis(self, start: float, end: float, title: str) -> Axis:
        return Axis(low=self.value(start), high=self.value(end), title=title)


class _Categorical(_Mapper):
    categorical = True

    def __init__(self, ticks: list[tuple[float, str]], reverse: bool) -> None:
        self.ticks = sorted(ticks, reverse=reverse)

    def value(self, px: float) -> str:
        return min(self.ticks, key=lambda tick: abs(tick[0] - px))[1]

    def axis(self, start: float, end: float, title: str) -> Axis:
        return Axis(categories=tuple(text for _, text in self.ticks), title=title)


class _Pixels(_Mapper):
    """A y scale drawn with no axis at all (a ridgeline's ``"axis": null``): nothing on the
    page gives its values, so y is read in pixels up from the panel's bottom. Heights still
    compare across panels that share the scale."""

    def __init__(self, bottom: float) -> None:
        self.bottom = bottom

    def value(self, px: float) -> float:
        return self.bottom - px

    def axis(self, start: float, end: float, title: str) -> Axis:
        return Axis(low=self.value(start), high=self.value(end), title=title)


class _Domain(_Mapper):
    """A linear x or y scale drawn with no axis labels (a radar's hidden axes) whose domain
    the spec gives as two numbers: it spans the panel's width (x) or height (y)."""

    def __init__(self, domain: tuple[float, float], start: float, end: float) -> None:
        self.low, self.high = domain
        self.start, self.end = start, end

    def value(self, px: float) -> float:
        return self.low + (px - self.start) * (self.high - self.low) / (self.end - self.start)

    def axis(self, start: float, end: float, title: str) -> Axis:
        return Axis(low=self.value(start), high=self.value(end), title=title)


def _mapper(axis: _AxisRead | None, scale: dict, where: str, notes: list[str]) -> _Mapper:
    if axis is None or not axis.ticks:
        notes.append(f"{where}: no axis labels to read positions from; its coordinates are NaN")
        return _Mapper()
    kind = scale.get("type")
    if kind in CATEGORICAL_SCALES:
        return _Categorical(axis.ticks, reverse=not axis.horizontal)
    numbers = [(px, parse_number(text)) for px, text in axis.ticks]
    parsed = [(px, v) for px, v in numbers if v is not None]
    if "_bin_edges" in scale:
        start, step = scale["_bin_edges"]
        parsed = [(px, start + round((v - start) / step) * step) for px, v in parsed]
    if kind is None and len(parsed) < len(numbers):
        return _Categorical(axis.ticks, reverse=not axis.horizontal)
    if len({px for px, _ in parsed}) < 2 and kind in ("time", "utc"):
        notes.append(f"{where}: a time axis labelled with dates ({axis.ticks[0][1]!r}, ...) "
                     "is not read; its coordinates are NaN")
        return _Mapper()
    if len({px for px, _ in parsed}) < 2:
        notes.append(f"{where}: fewer than two numeric labels ({[t for _, t in axis.ticks]}), "
                     "so pixels cannot be mapped to data; its coordinates are NaN")
        return _Mapper()
    if kind in ("time", "utc"):
        notes.append(f"{where}: a time axis whose labels read as numbers (years); its "
                     "coordinates are fractional label units")
    try:
        mapper = _Numeric(parsed, scale)
    except (ValueError, ZeroDivisionError):  # labels a log scale cannot take (0, negative)
        notes.append(f"{where}: its labels do not fit a {scale.get('type', 'linear')} scale; "
                     "its coordinates are NaN")
        return _Mapper()
    if mapper.residual > 1.0 or 2 * len(mapper.used) < len(parsed):
        notes.append(f"{where}: only {len(mapper.used)} of {len(parsed)} labels fit a "
                     f"{scale.get('type', 'linear')} scale (within {mapper.residual:.1f} px); "
                     "values are approximate")
    return mapper


# --- the compiled Vega spec: which kind of scale each axis shows ---------------------------


def _y_without_axis(vega: dict) -> bool:
    """Whether a y scale is drawn with no axis anywhere (``"axis": null``)."""
    scales: set[str] = set()
    drawn: set[str] = set()

    def visit(scope: dict) -> None:
        scales.update(str(s.get("name")) for s in scope.get("scales", []))
        drawn.update(str(a.get("scale")) for a in scope.get("axes", []))
        for mark in scope.get("marks", []):
            if mark.get("type") == "group":
                visit(mark)

    visit(vega)
    return any(name == "y" or name.endswith("_y") for name in scales - drawn)


def _given_domains(vega: dict) -> dict[str, tuple[float, float]]:
    """"x"/"y" -> the domain of the view's x/y scale when the spec gives it as two numbers
    and the scale is linear, not niced, over the whole width/height: pixels map to data
    without any axis labels. Values are (at the left/bottom, at the right/top): a reversed
    scale (a treemap's y running down) swaps them."""
    spans = {"x": [0, {"signal": "width"}], "y": [{"signal": "height"}, 0]}
    found: dict[str, tuple[float, float]] = {}
    for scale in vega.get("scales", []):
        name, domain = scale.get("name"), scale.get("domain")
        if name not in spans or scale.get("range") != spans[name] or scale.get("nice") or \
                scale.get("type", "linear") != "linear" or \
                scale.get("reverse", False) not in (True, False) or not (
                isinstance(domain, list) and len(domain) == 2 and all(
                    isinstance(v, int | float) for v in domain)):
            continue
        low, high = float(domain[0]), float(domain[1])
        if scale.get("zero"):  # Vega stretches such a domain to take in 0
            low, high = min(low, 0.0), max(high, 0.0)
        found[str(name)] = (high, low) if scale.get("reverse") else (low, high)
    return found


def _scales_by_orient(vega: dict) -> dict[str, dict]:
    """The scale behind each axis orientation, when every labelled axis of that orient
    uses the same kind of scale (a concat of a band and a linear chart does not)."""
    scales: dict[str, dict] = {}
    axes: list[dict] = []

    def visit(scope: dict) -> None:
        scales.update({s["name"]: s for s in scope.get("scales", []) if "name" in s})
        axes.extend(a for a in scope.get("axes", []) if a.get("labels", True) is not False)
        for mark in scope.get("marks", []):
            if mark.get("type") == "group":
                visit(mark)

    visit(vega)
    _mark_bin_edges(vega, scales)
    found: dict[str, list[dict]] = {}
    for axis in axes:
        if isinstance(axis.get("orient"), str) and axis.get("scale") in scales:
            found.setdefault(axis["orient"], []).append(scales[axis["scale"]])
    return {orient: group[0] for orient, group in found.items()
            if len({s.get("type", "linear") for s in group}) == 1}


def _bin_transforms(scope: dict) -> Iterator[dict]:
    for data in scope.get("data", []):
        yield from (t for t in data.get("transform", []) if t.get("type") == "bin")
    for mark in scope.get("marks", []):
        if mark.get("type") == "group":
            yield from _bin_transforms(mark)


def _mark_bin_edges(vega: dict, scales: dict[str, dict]) -> None:
    """Bins with a literal extent and step and no nice rounding have known edges. Their
    axis labels sit on those edges but are printed rounded ("175" at 174.95), which would
    bend the pixel -> value fit: note the edges on the scale so labels snap to them."""
    for transform in _bin_transforms(vega):
        extent, step = transform.get("extent"), transform.get("step")
        if transform.get("nice", True) is not False or not isinstance(step, int | float) or not (
                isinstance(extent, list) and all(isinstance(v, int | float) for v in extent)):
            continue
        for scale in scales.values():
            if transform.get("signal", "\0") in json.dumps(scale.get("domain", "")):
                scale["_bin_edges"] = (float(extent[0]), float(step))


# A binned bar's edge offset, as Vega-Lite compiles it: "<crisp> + (<narrow bar> ? ... :
# <half the bin spacing>)"; a bar wider than a quarter pixel takes the second branch.
OFFSET_SIGNAL = re.compile(r"^\s*(-?[\d.]+)\s*\+.*:\s*(-?[\d.]+)\s*\)\s*$", re.DOTALL)


def _offset(channel: dict) -> float:
    offset = channel.get("offset", 0)
    if isinstance(offset, int | float):
        return float(offset)
    match = OFFSET_SIGNAL.match(str(offset.get("signal", ""))) if isinstance(offset, dict) \
        else None
    return float(match.group(1)) + float(match.group(2)) if match else 0.0


def _bin_pair(first: Any, second: Any) -> tuple[float, float] | None:
    """(start edge's offset, end edge's offset) of a channel pair drawing bins: one field
    is the bin's start, the other its "_end"."""
    if not (isinstance(first, dict) and isinstance(second, dict)):
        return None
    ends = [str(c.get("field", "")).endswith("_end") for c in (first, second)]
    if ends[0] == ends[1]:
        return None
    start, end = (second, first) if ends[0] else (first, second)
    return _offset(start), _offset(end)


def _bin_offsets(vega: dict) -> dict[str, dict[str, tuple[float, float]]]:
    """Mark name -> {"x" or "y": (start offset, end offset)} for rect marks drawing bins."""
    found: dict[str, dict[str, tuple[float, float]]] = {}

    def visit(scope: dict) -> None:
        for mark in scope.get("marks", []):
            if mark.get("type") == "group":
                visit(mark)
            update = mark.get("encode", {}).get("update", {})
            for axis in ("x", "y") if mark.get("type") == "rect" else ():
                pair = _bin_pair(update.get(axis), update.get(f"{axis}2"))
                if pair:
                    found.setdefault(str(mark.get("name", "")), {})[axis] = pair

    visit(vega)
    return found


def _grids(vega: dict) -> dict[str, str | None]:
    """Rect marks whose four edges are all fields a bin transform made (a 2D histogram;
    a stack's "_start"/"_end" are not bins): mark name -> the label its items' ARIA
    description gives the fill's field, None if it gives none. The scenegraph keeps no
    datum; the description Vega writes from it ("...; Count of Records: 31") is where the
    count of each cell is read."""
    binned = {str(name) for t in _bin_transforms(vega) for name in t.get("as", [])}
    found: dict[str, str | None] = {}

    def visit(scope: dict) -> None:
        for mark in scope.get("marks", []):
            if mark.get("type") == "group":
                visit(mark)
            update = mark.get("encode", {}).get("update", {})
            edges = [update.get(c) for c in ("x", "x2", "y", "y2")]
            if mark.get("type") != "rect" or not all(
                    isinstance(e, dict) and e.get("field") in binned for e in edges):
                continue
            fill = update.get("fill")
            field = fill.get("field") if isinstance(fill, dict) else None
            signal = str((update.get("description") or {}).get("signal", ""))
            label = re.search(r'"(?:; )?((?:[^"\\]|\\.)*): " \+ [^"]*datum\["'
                              + re.escape(str(field)) + r'"\]', signal)
            found[str(mark.get("name", ""))] = json.loads(f'"{label.group(1)}"') \
                if label and isinstance(field, str) else None

    visit(vega)
    return found


def _described(item: dict, label: str | None) -> float | None:
    """The number an item's description gives after ``label: ``."""
    for part in str(item.get("description", "")).split("; "):
        if label is not None and part.startswith(f"{label}: "):
            return parse_number(part[len(label) + 2:])
    return None


# --- panels ------------------------------------------------------------------------------


def _near(a: float | None, b: float | None, tolerance: float = 1.5) -> bool:
    return a is None or b is None or abs(a - b) <= tolerance


def _axis_for(graph: _Graph, index: int, horizontal: bool) -> _AxisRead | None:
    """The labelled axis of this panel: its own, else a header/footer axis lined up with
    it (shared facet axes), nearest first; bottom and left before top and right."""
    panel = graph.panels[index]
    best, best_key = None, None
    for axis in graph.axes:
        if axis.horizontal != horizontal or not axis.ticks:
            continue
        if axis.inside not in (None, index):
            continue
        if horizontal and not (_near(axis.x, panel.left) and _near(axis.width, panel.width)):
            continue
        if not horizontal and not (_near(axis.y, panel.top) and _near(axis.height, panel.height)):
            continue
        across = abs(axis.y - panel.top) if horizontal else abs(axis.x - panel.left)
        key = (axis.inside != index, axis.orient in ("top", "right"), across)
        if best_key is None or key < best_key:
            best, best_key = axis, key
    return best


def _overlaps(start: float, length: float | None, other: float, other_length: float) -> bool:
    if length is None:
        return False
    middle = start + length / 2
    return other <= middle <= other + other_length


def _panel_title(graph: _Graph, index: int) -> str:
    panel = graph.panels[index]
    titles = list(panel.titles)
    for role in ("column-header", "row-header"):
        for header in graph.headers:
            if header.role != role or not header.titles:
                continue
            if role == "column-header" and _overlaps(header.left, header.width, panel.left,
                                                     panel.width):
                titles += header.titles
            if role == "row-header" and _overlaps(header.top, header.height, panel.top,
                                                  panel.height):
                titles += header.titles
    if not titles and len(graph.panels) == 1:
        titles = graph.chart_titles
    return ", ".join(titles)


@dataclass
class _Frame:
    """One panel, ready to map pixels: x/y mappers and the final Panel."""

    panel: Panel
    x: _Mapper
    y: _Mapper


def _frames(graph: _Graph, scales: dict[str, dict], notes: list[str],
            y_pixels: bool = False,
            given: dict[str, tuple[float, float]] | None = None) -> list[_Frame]:
    """``y_pixels``: a y scale has no axis; a panel without a y axis reads y in pixels.
    ``given``: the x/y domains the spec gives, for panels without that axis."""
    frames = []
    for index, read in enumerate(graph.panels):
        mappers = []
        for horizontal, name in ((True, "x"), (False, "y")):
            axis = _axis_for(graph, index, horizontal)
            scale = scales.get(axis.orient, {}) if axis else {}
            if axis is None and name in (given or {}):
                span = (read.left, read.left + read.width) if horizontal else (
                    read.top + read.height, read.top)
                mappers.append((axis, _Domain((given or {})[name], *span)))
                continue
            if axis is None and not horizontal and y_pixels:
                note = "a y scale with no axis: y is in pixels up from each panel's bottom"
                notes += [note] if note not in notes else []
                mappers.append((axis, _Pixels(read.top + read.height)))
                continue
            mappers.append((axis, _mapper(axis, scale, f"panel {index} {name} axis", notes)))
        (x_axis, x_map), (y_axis, y_map) = mappers
        panel = Panel(
            title=_panel_title(graph, index),
            x=x_map.axis(read.left, read.left + read.width, x_axis.title if x_axis else ""),
            y=y_map.axis(read.top + read.height, read.top, y_axis.title if y_axis else ""),
            left=read.left, top=read.top)
        frames.append(_Frame(panel, x_map, y_map))
    return frames


def _reading_order(graph: _Graph) -> list[int]:
    """Old panel index -> new one, panels sorted top to bottom then left to right."""
    order = sorted(range(len(graph.panels)),
                   key=lambda i: (round(graph.panels[i].top), round(graph.panels[i].left)))
    renumber = [0] * len(order)
    for new, old in enumerate(order):
        renumber[old] = new
    return renumber


# --- marks -------------------------------------------------------------------------------


@dataclass
class _Parts:
    """Marks in data coordinates, plus the pixel-level parts boxes are assembled from."""

    points: list[Point] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    wedges: list[Wedge] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    bodies: list[tuple[int, float, float, float, float, str, bool]] = field(
        default_factory=list)  # (panel, left, right, top, bottom px, colour, is a box)
    segments: list[tuple[int, tuple[tuple[float, float], ...]]] = field(default_factory=list)
    dots: list[tuple[int, float, float]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    bin_offsets: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)
    tiles: list[Tile] = field(default_factory=list)
    grids: dict[str, str | None] = field(default_factory=dict)  # 2D bins: count labels


def _diameter(item: dict) -> float:
    area = float(item.get("size", 64.0))  # Vega's default symbol area
    if item.get("shape", "circle") == "square":
        return math.sqrt(area)
    return 2 * math.sqrt(area / math.pi)  # a circle's, or the circle of equal area


def _symbols(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    for item in mark.items:
        px, py = mark.x + item.get("x", 0.0), mark.y + item.get("y", 0.0)
        color, alpha = _fill_or_stroke(item, mark.opacity)
        parts.points.append(Point(frame.x.value(px), frame.y.value(py), color, alpha,
                                  size=_diameter(item), panel=panel))
        parts.dots.append((panel, px, py))


def _rect_box(mark: _Mark, item: dict) -> tuple[float, float, float, float]:
    left, top = mark.x + item.get("x", 0.0), mark.y + item.get("y", 0.0)
    width = item["width"] if "width" in item else item.get("x2", item.get("x", 0.0)) - \
        item.get("x", 0.0)
    height = item["height"] if "height" in item else item.get("y2", item.get("y", 0.0)) - \
        item.get("y", 0.0)
    return min(left, left + width), max(left, left + width), min(top, top + height), \
        max(top, top + height)


def _is_tick_mark(mark: _Mark) -> bool:
    """A rect mark drawn as ticks (a box plot's median, a strip plot): every item equally
    thin across one direction. Bars and cells say "bar"/"box" or vary in size."""
    roles = {item.get("ariaRoleDescription") for item in mark.items}
    if "tick" in roles:
        return True
    if not mark.items or roles & {"bar", "box", "rect"}:
        return False
    for index in (3, 1):  # thin vertically (height), then horizontally (width)
        sizes = {round(_rect_box(mark, item)[index] - _rect_box(mark, item)[index - 1], 6)
                 for item in mark.items}
        if len(sizes) == 1 and sizes.pop() <= TICK_PX:
            return True
    return False


def _span(mapper: _Mapper, start: float, end: float,
          offsets: tuple[float, float] | None = None) -> tuple[Coordinate, Coordinate]:
    """A rect's extent along one axis; on a categorical axis, its centre's category twice.
    ``offsets`` (bin start's, bin end's) undo the pixels Vega-Lite moves a binned bar's
    edges by, so that its ends read as the bin's edges."""
    if mapper.categorical:
        label = mapper.value((start + end) / 2)
        return label, label
    if not offsets:
        return mapper.value(start), mapper.value(end)
    first, second = offsets if mapper.value(start) <= mapper.value(end) else offsets[::-1]
    return mapper.value(start - first), mapper.value(end - second)


def _tiles(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    """A rect mark binned on x and y: the cells of a 2D histogram, each at the middle of
    its bin's edges, with the count its description gives."""
    offsets = parts.bin_offsets[mark.name]
    label = parts.grids[mark.name]
    for item in mark.items:
        left, right, top, bottom = _rect_box(mark, item)
        x0, x1 = _span(frame.x, left, right, offsets["x"])
        y0, y1 = _span(frame.y, bottom, top, offsets["y"])
        color, alpha = _fill_or_stroke(item, mark.opacity)
        count = _described(item, label)
        if count is None:  # descriptions turned off ("aria": false): its colour alone
            parts.skipped["2D bin's count"] = parts.skipped.get("2D bin's count", 0) + 1
        parts.tiles.append(Tile((x0 + x1) / 2, (y0 + y1) / 2, count, color, alpha, panel))


def _rects(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    if mark.name in parts.grids and {"x", "y"} <= set(parts.bin_offsets.get(mark.name, {})):
        _tiles(mark, frame, panel, parts)
        return
    ticks = _is_tick_mark(mark)
    for item in mark.items:
        left, right, top, bottom = _rect_box(mark, item)
        color, alpha = _fill_or_stroke(item, mark.opacity)
        if ticks:
            if bottom - top <= right - left:  # a horizontal tick through its middle
                middle = (top + bottom) / 2
                pixels = ((left, middle), (right, middle))
            else:
                middle = (left + right) / 2
                pixels = ((middle, top), (middle, bottom))
            _add_line(pixels, color, alpha, frame, panel, parts)
            continue
        offsets = parts.bin_offsets.get(mark.name, {})
        x0, x1 = _span(frame.x, left, right, offsets.get("x"))
        y0, y1 = _span(frame.y, bottom, top, offsets.get("y"))
        parts.rects.append(Rect(x0, x1, y0, y1, color, alpha, panel,
                                order=(left + right) / 2 - frame.panel.left))
        parts.bodies.append((panel, left, right, top, bottom, color,
                             item.get("ariaRoleDescription") == "box"))


def _add_line(pixels: tuple[tuple[float, float], ...], color: str, alpha: float,
              frame: _Frame, panel: int, parts: _Parts) -> None:
    parts.lines.append(Line(tuple(frame.x.value(px) for px, _ in pixels),
                            tuple(frame.y.value(py) for _, py in pixels), color, alpha, panel))
    parts.segments.append((panel, pixels))


def _rules(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    for item in mark.items:
        x, y = item.get("x", 0.0), item.get("y", 0.0)
        pixels = ((mark.x + x, mark.y + y),
                  (mark.x + item.get("x2", x), mark.y + item.get("y2", y)))
        color, alpha = _stroke_or_fill(item, mark.opacity)
        _add_line(pixels, color, alpha, frame, panel, parts)


def _polyline(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    """One line mark node is one series: its items are the vertices (undefined ones are
    gaps, left out)."""
    drawn = [item for item in mark.items if item.get("defined", True) is not False]
    if not drawn:
        return
    pixels = tuple((mark.x + i.get("x", 0.0), mark.y + i.get("y", 0.0)) for i in drawn)
    color, alpha = _stroke_or_fill(drawn[0], mark.opacity)
    _add_line(pixels, color, alpha, frame, panel, parts)
    fill, fill_alpha = _paint(drawn[0], "fill", mark.opacity)
    if fill and fill_alpha > 0:  # a line with a fill colour: Vega fills the shape it outlines
        parts.areas.append(Area(fill, fill_alpha, panel, _outline(frame.x, [x for x, _ in pixels]),
                                _outline(frame.y, [y for _, y in pixels])))


def _outline(mapper: _Mapper, pixels: list[float]) -> tuple[float, ...]:
    """Outline coordinates along one axis; none on a categorical axis."""
    return () if mapper.categorical else tuple(float(mapper.value(px)) for px in pixels)


def _area(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    """One area mark node is one series (a band, a violin): its items are the vertices,
    each with its two edges, x/y and y2 (x2 for a horizontal area). The outline runs
    along one edge and back along the other."""
    drawn = [item for item in mark.items if item.get("defined", True) is not False]
    if not drawn:
        return
    color, alpha = _fill_or_stroke(drawn[0], mark.opacity)
    xs = [mark.x + i.get("x", 0.0) for i in drawn]
    ys = [mark.y + i.get("y", 0.0) for i in drawn]
    if drawn[0].get("orient") == "horizontal":
        xs += [mark.x + i.get("x2", i.get("x", 0.0)) for i in reversed(drawn)]
        ys += ys[::-1]
    else:
        xs += xs[::-1]
        ys += [mark.y + i.get("y2", i.get("y", 0.0)) for i in reversed(drawn)]
    parts.areas.append(Area(color, alpha, panel, _outline(frame.x, xs), _outline(frame.y, ys)))


def _arcs(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    """Vega's arc angles are radians clockwise from 12 o'clock; a stacked theta may give
    them end first."""
    for item in mark.items:
        start, end = item.get("startAngle", 0.0), item.get("endAngle", 0.0)
        color, alpha = _fill_or_stroke(item, mark.opacity)
        parts.wedges.append(Wedge(min(start, end) / math.tau, max(start, end) / math.tau,
                                  color, alpha, panel))


def _texts(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    for item in mark.items:
        if _fill_or_stroke(item, mark.opacity)[1] <= 0 or not str(item.get("text", "")):
            parts.skipped["invisible text"] = parts.skipped.get("invisible text", 0) + 1
            continue
        px = mark.x + item.get("x", 0.0) + item.get("dx", 0.0)
        py = mark.y + item.get("y", 0.0) + item.get("dy", 0.0)
        text = item["text"]
        text = " ".join(map(str, text)) if isinstance(text, list) else str(text)
        parts.texts.append(Text(frame.x.value(px), frame.y.value(py), text, panel))


def _shapes(mark: _Mark, frame: _Frame, panel: int, parts: _Parts) -> None:
    """A geoshape's items, one per feature (a map's country): projected SVG paths, whose
    fill colour is what a reader reads; their outlines are not mapped back to data."""
    for item in mark.items:
        color, alpha = _fill_or_stroke(item, mark.opacity)
        parts.areas.append(Area(color, alpha, panel))


READERS: dict[str, Callable[[_Mark, _Frame, int, _Parts], None]] = {
    "symbol": _symbols, "rect": _rects, "rule": _rules, "line": _polyline,
    "trail": _polyline, "area": _area, "text": _texts, "arc": _arcs, "shape": _shapes,
}


def _read_marks(graph: _Graph, frames: list[_Frame], renumber: list[int],
                vega: dict) -> _Parts:
    parts = _Parts(bin_offsets=_bin_offsets(vega), grids=_grids(vega))
    for mark in graph.marks:
        reader = READERS.get(mark.marktype)
        if reader is None:
            parts.skipped[f"{mark.marktype} mark"] = parts.skipped.get(
                f"{mark.marktype} mark", 0) + len(mark.items)
            continue
        reader(mark, frames[mark.panel], renumber[mark.panel], parts)
    return parts


# --- boxes -------------------------------------------------------------------------------


def _box_frames(frames: list[_Frame], renumber: list[int]) -> dict[int, tuple[bool, _Frame]]:
    """Panels that can hold boxes: one categorical and one numeric axis. True when the
    categories run along x (vertical boxes)."""
    found = {}
    for old, frame in enumerate(frames):
        if frame.x.categorical and isinstance(frame.y, _Numeric):
            found[renumber[old]] = (True, frame)
        elif frame.y.categorical and isinstance(frame.x, _Numeric):
            found[renumber[old]] = (False, frame)
    return found


def _boxes(parts: _Parts, frames: list[_Frame], renumber: list[int]) -> list[Box]:
    """Vega-Lite's boxplot is a rect body ("box"), rules for whiskers, a tick for the
    median and symbols for outliers. Parts are put in a box panel's own terms: position
    across the categories in pixels, value in data."""
    panels = _box_frames(frames, renumber)
    marked = any(is_box for *_, is_box in parts.bodies)
    bodies = [_box_body(body, *panels[body[0]]) for body in parts.bodies
              if body[0] in panels and (body[-1] or not marked)]
    segments = [_box_segment(pixels, panel, *panels[panel]) for panel, pixels in parts.segments
                if panel in panels and len(pixels) == 2]
    dots = [_box_dot(px, py, panel, *panels[panel]) for panel, px, py in parts.dots
            if panel in panels]
    boxes = []
    for panel, (vertical, frame) in panels.items():
        mine = [b for b in bodies if b.panel == panel]
        if not mine:
            continue
        # A median spans its own box only: a rule across the whole panel (a mean line
        # over bars) is not one.
        widest = max(b.x1 - b.x0 for b in mine)
        across = [s for s in segments if s[2] == panel and abs(s[0][0] - s[1][0]) <= 1.5 * widest]
        mapper = frame.x if vertical else frame.y
        numeric = frame.panel.y if vertical else frame.panel.x
        span = abs((numeric.high or 0.0) - (numeric.low or 0.0)) or 1.0
        boxes += boxes_from_parts(mine, across, [d for d in dots if d[2] == panel],
                                  lambda position, _panel, m=mapper: str(m.value(position)),
                                  span)
    return boxes


def _box_body(body: tuple[int, float, float, float, float, str, bool], vertical: bool,
              frame: _Frame) -> Body:
    panel, left, right, top, bottom, color, _ = body
    if vertical:
        low, high = frame.y.value(bottom), frame.y.value(top)
        return Body(left, right, min(low, high), max(low, high), color, panel)
    low, high = frame.x.value(left), frame.x.value(right)
    return Body(top, bottom, min(low, high), max(low, high), color, panel)


def _box_dot(px: float, py: float, panel: int, vertical: bool,
             frame: _Frame) -> tuple[float, float, int]:
    if vertical:
        return px, frame.y.value(py), panel
    return py, frame.x.value(px), panel


def _box_segment(pixels: tuple[tuple[float, float], ...], panel: int, vertical: bool,
                 frame: _Frame) -> Segment:
    (xa, ya), (xb, yb) = pixels
    if vertical:
        return (xa, frame.y.value(ya)), (xb, frame.y.value(yb)), panel
    return (ya, frame.x.value(xa)), (yb, frame.x.value(xb)), panel


# --- legends -----------------------------------------------------------------------------


def _legend_groups(item: dict) -> Iterator[tuple[list[dict], list[dict]]]:
    """Each legend entry group: its symbol items and label items."""
    nodes = item.get("items", [])
    symbols = [i for n in nodes if n.get("role") == "legend-symbol" for i in n.get("items", [])]
    labels = [i for n in nodes if n.get("role") == "legend-label" for i in n.get("items", [])]
    if labels:
        yield symbols, labels
    for node in nodes:
        if node.get("marktype") == "group":
            for child in node.get("items", []):
                yield from _legend_groups(child)


def _legend(legend: dict, notes: list[str], index: int = 0) -> list[LegendEntry]:
    pairs, gradient = [], []
    for symbols, labels in _legend_groups(legend):
        if not symbols:
            gradient += [str(label.get("text", "")) for label in labels]
            continue
        pairs += [(symbol, str(label.get("text", "")))
                  for symbol, label in zip(symbols, labels, strict=False)]
    if gradient:
        notes.append(f"a colour bar (gradient legend) labelled {', '.join(gradient)}: not "
                     "read as legend entries")
    sizes = {round(float(symbol.get("size", 64.0)), 6) for symbol, _ in pairs}
    by_size = len(sizes) > 1  # a size legend: its symbols grow; a colour legend's do not
    return [LegendEntry(label, _fill_or_stroke(symbol)[0],
                        _diameter(symbol) if by_size else None, index)
            for symbol, label in pairs]


# --- what a reader can do: tooltips, bound inputs, selections -------------------------------

CONCATS = ("hconcat", "vconcat", "concat")
CHILDREN = ("layer", *CONCATS)
SLIDER_STEPS = 500  # a range input with more steps than this is not read step by step


def _children(spec: dict) -> list[dict]:
    found = [child for key in CHILDREN for child in spec.get(key, []) if isinstance(child, dict)]
    return found + ([spec["spec"]] if isinstance(spec.get("spec"), dict) else [])


def _units(spec: dict, inherited: dict | None = None) -> Iterator[tuple[dict, dict]]:
    """Each single view (a spec with a mark) with the encoding it gets from its layers."""
    encoding = {**(inherited or {}), **spec.get("encoding", {})}
    if "mark" in spec:
        yield spec, encoding
    for child in _children(spec):
        yield from _units(child, encoding)


def _channel_names(encoding: dict) -> list[str]:
    names = []
    for channel, definition in encoding.items():
        if channel != "tooltip" and isinstance(definition, dict) and definition.get("field"):
            names.append(str(definition.get("title") or definition["field"]))
    return names


def _data_columns(spec: dict) -> list[str]:
    values = spec.get("data", {}).get("values") or next(iter(spec.get("datasets", {}).values()),
                                                        [])
    return list(values[0]) if values and isinstance(values[0], dict) else []


def _tooltip_fields(spec: dict) -> tuple[str, ...]:
    """The names a hovered mark's tooltip shows: the tooltip channel's titles (its field
    names when untitled), or, for a mark's ``tooltip: true``, every encoded field."""
    names: list[str] = []
    for unit, encoding in _units(spec):
        shown = encoding.get("tooltip")
        mark = unit["mark"] if isinstance(unit["mark"], dict) else {}
        wanted = mark.get("tooltip")
        if isinstance(shown, dict | list):
            entries = shown if isinstance(shown, list) else [shown]
            names += [str(e.get("title") or e["field"]) for e in entries
                      if isinstance(e, dict) and e.get("field")]
        elif wanted is True or (isinstance(wanted, dict) and wanted.get("content") != "data"):
            names += _channel_names(encoding)
        elif isinstance(wanted, dict):
            names += _data_columns(spec)
    return tuple(dict.fromkeys(names))


def _params(spec: dict) -> Iterator[tuple[dict, dict]]:
    """Every parameter, with the spec it is declared in."""
    for param in spec.get("params", []):
        if isinstance(param, dict):
            yield param, spec
    for child in _children(spec):
        yield from _params(child)


def _step_label(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _control(param: dict, notes: list[str]) -> Control | None:
    bind, select = param.get("bind"), param.get("select")
    kind = select if isinstance(select, str) else (select or {}).get("type")
    if isinstance(bind, dict) and bind.get("input") in ("select", "radio"):
        labels = bind.get("labels") or bind.get("options", [])
        return Control("select", tuple(str(label) for label in labels))
    if isinstance(bind, dict) and bind.get("input") == "range":
        low, high = float(bind.get("min", 0)), float(bind.get("max", 100))
        step = float(bind.get("step", (high - low) / 100 or 1))
        count = int(round((high - low) / step)) + 1 if step > 0 else 0
        if not 0 < count <= SLIDER_STEPS:
            notes.append(f"a slider from {low:g} to {high:g} by {step:g}: its steps not read")
            return Control("slider")
        return Control("slider", tuple(_step_label(low + i * step) for i in range(count)))
    if kind == "interval" and bind != "scales":
        return Control("brush")
    if isinstance(select, dict) and select.get("on") == "timer":
        notes.append(f"parameter {param.get('name')!r} is a timer animation: it plays by "
                     "itself, with no play button")
    return None


def _uses(node: Any, name: str) -> bool:
    """Whether a spec (outside its own parameter declarations) refers to parameter ``name``."""
    if isinstance(node, dict):
        if node.get("param") == name:
            return True
        if isinstance(node.get("filter"), str) and re.search(rf"\b{re.escape(name)}\b",
                                                             node["filter"]):
            return True
        return any(_uses(value, name) for key, value in node.items() if key != "params")
    if isinstance(node, list):
        return any(_uses(value, name) for value in node)
    return False


def _view_names(view: dict) -> set[str]:
    names = {str(view["name"])} if "name" in view else set()
    for child in _children(view):
        names |= _view_names(child)
    return names


def _linked(spec: dict) -> bool:
    """An interval selection made in one view of a concatenation that another view
    uses (a colour or opacity condition, a filter)."""
    views = [child for key in CONCATS for child in spec.get(key, [])]
    if len(views) < 2:
        return False
    for index, view in enumerate(views):
        mine = [param for param, _ in _params(view)] + [
            param for param in spec.get("params", [])
            if set(map(str, param.get("views", []))) & _view_names(view)]
        for param in mine:
            if _control(param, []) != Control("brush"):
                continue
            if any(_uses(other, param["name"]) for i, other in enumerate(views) if i != index):
                return True
    return False


def _interactions(spec: dict, notes: list[str]) -> dict[str, Any]:
    controls = [control for param, _ in _params(spec) if (control := _control(param, notes))]
    return {"tooltip": _tooltip_fields(spec), "controls": tuple(controls),
            "linked": _linked(spec)}


# --- the whole chart ---------------------------------------------------------------------


def _sized(spec: dict, notes: list[str]) -> dict:
    """A spec without "container" sizes: outside a page there is no container to fill."""
    if spec.get("width") != "container" and spec.get("height") != "container":
        return spec
    sized = copy.deepcopy(spec)
    for key, value in (("width", CONTAINER_WIDTH), ("height", CONTAINER_HEIGHT)):
        if sized.get(key) == "container":
            sized[key] = value
            notes.append(f'{key} "container" read at {value} px (no page to fill)')
    return sized


def _evaluate(spec: dict) -> tuple[dict, dict]:
    import vl_convert

    try:
        return vl_convert.vegalite_to_scenegraph(spec), vl_convert.vegalite_to_vega(spec)
    except Exception as error:  # vl-convert raises plain ValueErrors with Vega's message
        raise ValueError(f"Vega could not evaluate the Vega-Lite spec: {error}") from error


def extract(spec: dict) -> Scene:
    """The Scene of a Vega-Lite spec (a dict, as Altair's ``to_dict()`` gives), read off
    the scenegraph Vega draws from it."""
    notes: list[str] = []
    graph_json, vega = _evaluate(_sized(spec, notes))
    graph = _read_graph(graph_json["scenegraph"], graph_json.get("origin", [0, 0]))
    if not graph.panels:
        notes.append("no plotting area found in the scenegraph")
    frames = _frames(graph, _scales_by_orient(vega), notes, _y_without_axis(vega),
                     _given_domains(vega))
    renumber = _reading_order(graph)
    parts = _read_marks(graph, frames, renumber, vega)
    boxes = _boxes(parts, frames, renumber)
    legend = [entry for index, item in enumerate(graph.legends)
              for entry in _legend(item, notes, index)]
    notes += [f"{count} {what}(s) not read" for what, count in parts.skipped.items()]
    panels = [frame.panel for _, frame in sorted(zip(renumber, frames, strict=True),
                                                 key=lambda pair: pair[0])]
    interactions = _interactions(spec, notes)
    return Scene(
        panels=tuple(panels) or (Panel(),), points=tuple(parts.points),
        rects=tuple(parts.rects), lines=tuple(parts.lines), areas=tuple(parts.areas),
        wedges=tuple(parts.wedges), tiles=tuple(parts.tiles),
        texts=tuple(parts.texts), boxes=tuple(boxes), legend=tuple(legend),
        colorbar=any("colour bar (gradient legend)" in note for note in notes),
        width=float(graph_json.get("width", 0.0)), height=float(graph_json.get("height", 0.0)),
        notes=tuple(notes), **interactions)
