"""Read a bokeh model into a Scene (see ``gallery.verify.scene``): what BokehJS would draw,
computed in Python from the model, with no browser.

Bokeh, HoloViews, hvPlot, Pandas-Bokeh and Chartify all end in a bokeh model, so one reader
serves the whole family. It follows BokehJS wherever BokehJS decides what is seen: factor
ranges place categories at synthetic positions, colour mappers are applied as BokehJS
applies them, CDSView filters hide rows, and DataRange1d auto-ranges over glyph renderers
only, never annotations such as Whisker (which is how a whisker ends outside the range).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np
from bokeh.colors import named
from bokeh.core.property.vectorization import Expr, Field, Value
from bokeh.models import (
    AllIndices,
    AnnularWedge,
    Band,
    BooleanFilter,
    CategoricalColorMapper,
    Circle,
    Column,
    ContinuousColorMapper,
    CumSum,
    CustomJSTickFormatter,
    DataRange1d,
    DifferenceFilter,
    Dodge,
    EqHistColorMapper,
    FactorRange,
    FixedTicker,
    GeoJSONDataSource,
    GlyphRenderer,
    GraphRenderer,
    GridBox,
    GridPlot,
    GroupFilter,
    HArea,
    HAreaStep,
    HBar,
    HexTile,
    Image,
    ImageRGBA,
    IndexFilter,
    IntersectionFilter,
    InversionFilter,
    Jitter,
    Label,
    LabelSet,
    Legend,
    Line,
    LogColorMapper,
    LogScale,
    Marker,
    MultiLine,
    MultiPolygons,
    Patch,
    Patches,
    Plot,
    Quad,
    Range1d,
    Rect,
    Row,
    Segment,
    Slope,
    Span,
    Stack,
    Step,
    SymmetricDifferenceFilter,
    Tabs,
    Text,
    Transform,
    UnionFilter,
    VArea,
    VAreaStep,
    VBar,
    Whisker,
)
from bokeh.models import Wedge as BokehWedge
from bokeh.util.hex import axial_to_cartesian

from gallery.verify import scene as sc

Coordinate = sc.Coordinate
NAN = float("nan")
_UNFILLED_MARKERS = {"asterisk", "cross", "dash", "x", "y"}  # drawn with the line only
_NAMED = {name: getattr(named, name).to_hex() for name in named.__all__}


# --- colours ----------------------------------------------------------------------------


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(float(c)))) for c in (r, g, b)))


def _color_from_string(text: str) -> tuple[str, float] | None:
    text = text.strip().lower()
    if text in ("transparent", "none", ""):
        return "", 0.0
    if text in _NAMED:
        return _NAMED[text], 1.0
    if re.fullmatch(r"#[0-9a-f]{3,4}", text):
        text = "#" + "".join(c * 2 for c in text[1:])
    if re.fullmatch(r"#[0-9a-f]{6}([0-9a-f]{2})?", text):
        alpha = int(text[7:9], 16) / 255 if len(text) == 9 else 1.0
        return text[:7], alpha
    found = re.fullmatch(r"rgba?\(([^)]*)\)", text)
    if found:
        parts = [float(p) for p in re.split(r"[\s,/]+", found.group(1).strip()) if p]
        return _hex(*parts[:3]), parts[3] if len(parts) > 3 else 1.0
    return None


def color_of(value: Any) -> tuple[str, float] | None:
    """A bokeh colour as (lowercase '#rrggbb', its own alpha); ('', 0.0) for none or
    transparent; None when it is not a colour bokeh understands."""
    if value is None:
        return "", 0.0
    if hasattr(value, "to_rgb"):  # bokeh.colors.Color
        rgb = value.to_rgb()
        return _hex(rgb.r, rgb.g, rgb.b), float(rgb.a)
    if isinstance(value, tuple | list | np.ndarray) and len(value) in (3, 4):
        return _hex(*value[:3]), float(value[3]) if len(value) == 4 else 1.0
    if isinstance(value, int | np.integer):  # packed RGBA, as in ImageRGBA
        r, g, b, a = int(value).to_bytes(4, "big")
        return _hex(r, g, b), a / 255
    if isinstance(value, str):
        return _color_from_string(value)
    return None


# --- columns ----------------------------------------------------------------------------


def _as_array(column: Any, n: int) -> np.ndarray:
    """A source column as a 1-d array of n rows (object dtype for tuples, lists, arrays)."""
    if hasattr(column, "to_numpy"):  # pandas Series and Index (a MultiIndex gives tuples)
        column = column.to_numpy()
    if isinstance(column, np.ndarray) and column.ndim == 1:
        return column[:n]
    out = np.empty(n, dtype=object)
    for i, item in enumerate(islice(column, n)):
        out[i] = item
    return out


def _broadcast(value: Any, n: int) -> np.ndarray:
    if isinstance(value, int | float | np.number) and not isinstance(value, bool):
        return np.full(n, float(value))
    out = np.empty(n, dtype=object)
    out.fill(value)
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | np.number) and not isinstance(value, bool | np.bool_)


def _float(value: Any) -> float:
    if hasattr(value, "timestamp"):  # a datetime, which BokehJS reads in ms
        return float(value.timestamp()) * 1000
    if isinstance(value, np.datetime64):
        return float(value.astype("datetime64[ms]").astype("int64"))
    try:
        return float(value)
    except (TypeError, ValueError):
        return NAN


def floats(values: np.ndarray) -> np.ndarray:
    """Numbers as BokehJS reads them: datetimes in ms since the epoch, others NaN."""
    if values.dtype.kind in "biuf":
        return values.astype(float)
    if values.dtype.kind == "M":
        return values.astype("datetime64[ms]").astype("int64").astype(float)
    if values.dtype.kind == "m":
        return values.astype("timedelta64[ms]").astype("int64").astype(float)
    return np.fromiter((_float(v) for v in values), dtype=float, count=len(values))


def _geometry_columns(geometry: dict[str, Any]) -> dict[str, Any]:
    """One geometry's x, y or xs, ys as GeoJSONDataSource._add_geometry gives them: a
    polygon's exterior ring (holes are dropped), a multi-part geometry's parts joined with
    NaN between them."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return {"x": coordinates[0], "y": coordinates[1]}
    parts = {"LineString": lambda: [coordinates], "Polygon": lambda: coordinates[:1],
             "MultiLineString": lambda: coordinates,
             "MultiPolygon": lambda: [polygon[0] for polygon in coordinates]}.get(kind)
    if parts is None:  # MultiPoint: BokehJS draws nothing for it
        return {}
    points = [point for i, part in enumerate(parts())
              for point in ([(NAN, NAN)] if i else []) + list(part)]
    return {"xs": [p[0] for p in points], "ys": [p[1] for p in points]}


def geojson_columns(text: str) -> dict[str, list[Any]]:
    """A GeoJSONDataSource's columns as BokehJS makes them (geojson_to_column_data): one
    row per feature (per member of a GeometryCollection), its geometry in x, y or xs, ys
    and each of its properties in a column of that name (NaN where null or missing)."""
    collection = json.loads(text)
    rows = []
    for item in collection.get("features") or collection.get("geometries") or []:
        feature = item.get("type") == "Feature"
        geometry = item["geometry"] if feature else item
        properties = (item.get("properties") or {}) if feature else {}
        for member in geometry.get("geometries", [geometry]):
            rows.append({**_geometry_columns(member), **properties})
    blank = {"x": NAN, "y": NAN, "z": NAN, "xs": [], "ys": [], "zs": []}
    names = dict.fromkeys([*blank, *(name for row in rows for name in row)])
    values = ((row.get(name, blank.get(name, NAN)) for row in rows) for name in names)
    return {name: [NAN if v is None else v for v in column]
            for name, column in zip(names, values, strict=True)}


def source_data(source: Any) -> dict[str, Any]:
    """A data source's columns as BokehJS holds them."""
    if isinstance(source, GeoJSONDataSource):
        return geojson_columns(source.geojson)
    return dict(source.data) if source is not None and hasattr(source, "data") else {}


def _length(data: dict[str, Any]) -> int:
    """BokehJS's row count: the shortest column, or 1 for a source with no columns (a
    glyph given only values draws once)."""
    lengths = [len(column) for column in data.values() if hasattr(column, "__len__")]
    return min(lengths) if lengths else 1


# --- CDSView filters --------------------------------------------------------------------


def _all(n: int) -> np.ndarray:
    return np.ones(n, dtype=bool)


def _boolean_rows(flt: Any, data: dict[str, Any], n: int) -> np.ndarray:
    if flt.booleans is None:
        return _all(n)
    kept = np.zeros(n, dtype=bool)
    flags = np.asarray(list(flt.booleans)[:n], dtype=bool)
    kept[: len(flags)] = flags
    return kept


def _index_rows(flt: Any, data: dict[str, Any], n: int) -> np.ndarray:
    if flt.indices is None:
        return _all(n)
    kept = np.zeros(n, dtype=bool)
    kept[[int(i) for i in flt.indices if 0 <= i < n]] = True
    return kept


def _group_rows(flt: Any, data: dict[str, Any], n: int) -> np.ndarray:
    if flt.column_name not in data:
        return np.zeros(n, dtype=bool)
    column = _as_array(data[flt.column_name], n)
    return np.array([str(v) == str(flt.group) for v in column], dtype=bool)


def _inverted_rows(flt: Any, data: dict[str, Any], n: int) -> np.ndarray | None:
    inner = filter_mask(flt.operand, data, n)
    return None if inner is None else ~inner


def _combined_rows(flt: Any, data: dict[str, Any], n: int) -> np.ndarray | None:
    masks = [filter_mask(op, data, n) for op in flt.operands]
    if not masks or any(m is None for m in masks):
        return None
    if isinstance(flt, IntersectionFilter):
        return np.logical_and.reduce(masks)
    if isinstance(flt, UnionFilter):
        return np.logical_or.reduce(masks)
    if isinstance(flt, DifferenceFilter):
        return masks[0] & ~np.logical_or.reduce([*masks[1:], ~_all(n)])
    return np.logical_xor.reduce(masks)


_FILTERS: list[tuple[Any, Callable[[Any, dict[str, Any], int], np.ndarray | None]]] = [
    (AllIndices, lambda flt, data, n: _all(n)),
    (BooleanFilter, _boolean_rows),
    (IndexFilter, _index_rows),
    (GroupFilter, _group_rows),
    (InversionFilter, _inverted_rows),
    ((IntersectionFilter, UnionFilter, DifferenceFilter, SymmetricDifferenceFilter),
     _combined_rows),
]


def filter_mask(flt: Any, data: dict[str, Any], n: int) -> np.ndarray | None:
    """Which rows a CDSView filter keeps; None for a filter that cannot be run in Python
    (CustomJSFilter, or one unknown here)."""
    if flt is None:
        return _all(n)
    for kind, rows in _FILTERS:
        if isinstance(flt, kind):
            return rows(flt, data, n)
    return None


# --- axes -------------------------------------------------------------------------------


def _factor_key(factor: Any) -> tuple[str, ...]:
    if isinstance(factor, tuple | list | np.ndarray):
        return tuple(str(f) for f in factor)
    return (str(factor),)


def _place_factors(factors: list[tuple[str, ...]], pads: list[float], offset: float,
                   prefix: tuple[str, ...], out: dict[tuple[str, ...], float]) -> float:
    """BokehJS's synthetic positions (map_one/two/three_levels): each leaf factor one unit
    wide, ``pads[0]`` between the groups of this level. Records every factor and group
    centre in ``out``; returns the padding inside this level."""
    if len(pads) == 1:
        for i, factor in enumerate(factors):
            out[prefix + factor] = 0.5 + i * (1 + pads[0]) + offset
        return (len(factors) - 1) * pads[0]
    groups: dict[str, list[tuple[str, ...]]] = {}
    for factor in factors:
        groups.setdefault(factor[0], []).append(factor[1:])
    suboffset, inner_total = offset, 0.0
    for head, rest in groups.items():
        inner = _place_factors(rest, pads[1:], suboffset, prefix + (head,), out)
        inner_total += inner
        # a group sits at the mean of its leaves' next-level positions, as in BokehJS
        out[prefix + (head,)] = float(np.mean([out[prefix + (head, r[0])] for r in rest]))
        suboffset += len(rest) + pads[0] + inner
    return (len(groups) - 1) * pads[0] + inner_total


class AxisMap:
    """How one range turns data values into positions and positions into what a reader
    reads: numbers, factor labels (the outer level of nested factors), or the labels of a
    numeric axis whose fixed ticks are all named (Pandas-Bokeh's bar charts)."""

    def __init__(self, rng: Any, tick_labels: dict[float, str] | None = None) -> None:
        self.range = rng
        self.lookup: dict[tuple[str, ...], float] = {}
        self.leaves: list[tuple[float, str]] = []  # (position, outer label), left to right
        if isinstance(rng, FactorRange):
            factors = [_factor_key(f) for f in rng.factors]
            depth = max((len(f) for f in factors), default=1)
            pads = {1: [rng.factor_padding], 2: [rng.group_padding, rng.factor_padding]}.get(
                depth, [rng.group_padding, rng.subgroup_padding, rng.factor_padding])
            _place_factors(factors, pads, 0.0, (), self.lookup)
            self.leaves = [(self.lookup[f], f[0]) for f in factors]
        elif tick_labels:
            self.leaves = sorted(tick_labels.items())
        self.centres = np.array([p for p, _ in self.leaves])

    @property
    def categorical(self) -> bool:
        return bool(self.leaves)

    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(label for _, label in self.leaves))

    def _synthetic(self, value: Any) -> float:
        if _is_number(value):
            return float(value)
        if isinstance(value, str):
            return self.lookup.get((value,), NAN)
        if isinstance(value, tuple | list | np.ndarray) and len(value):
            parts, offset = list(value), 0.0
            if _is_number(parts[-1]):  # ('Adelie', -0.2): a factor and an offset from it
                offset = float(parts.pop())
            return self.lookup.get(tuple(str(p) for p in parts), NAN) + offset
        return NAN

    def positions(self, values: np.ndarray) -> np.ndarray:
        if not self.lookup or values.dtype.kind != "O" and values.dtype.kind not in "US":
            return floats(values)
        cache: dict[Any, float] = {}
        out = np.empty(len(values))
        for i, value in enumerate(values):
            key = tuple(value) if isinstance(value, list | np.ndarray) else value
            if key not in cache:
                cache[key] = self._synthetic(value)
            out[i] = cache[key]
        return out

    def label_at(self, position: float) -> str:
        if not self.leaves:
            return f"{position:g}"
        return self.leaves[int(np.abs(self.centres - position).argmin())][1]

    def coordinate(self, position: float) -> Coordinate:
        return self.label_at(position) if self.categorical else float(position)


def tick_labels(axis: Any) -> dict[float, str]:
    """Fixed ticks that are all given words (major_label_overrides, or a JavaScript tick
    formatter holding a {tick: 'label'} table): the axis reads as categories."""
    ticker = getattr(axis, "ticker", None)
    if not isinstance(ticker, FixedTicker) or not len(ticker.ticks):
        return {}
    labels = {_float(k): str(v) for k, v in (axis.major_label_overrides or {}).items()}
    if isinstance(axis.formatter, CustomJSTickFormatter):
        pairs = re.findall(r"([-+]?\d+(?:\.\d+)?)\s*:\s*(['\"])(.*?)\2", axis.formatter.code)
        labels.update({float(k): text for k, _, text in pairs})
    named_ticks = {float(t): labels[float(t)] for t in ticker.ticks if float(t) in labels}
    if len(named_ticks) < len(ticker.ticks) or all(
            not math.isnan(_float(v)) for v in named_ticks.values()):
        return {}
    return named_ticks


class SubAxis:
    """The axis of a renderer drawn through a CoordinateMapping (bokeh's figure.subplot,
    HoloViews' and hvPlot's subcoordinate_y): its values, on the source range, are drawn
    linearly onto the target range, a stretch of the plot's own axis (whose positions,
    labels and categories it gives). ``of`` gives None for a range without fixed ends."""

    def __init__(self, shown: AxisMap, source: Any, target: Any) -> None:
        self.shown, self.source = shown, AxisMap(source)
        self.ends = [_float(getattr(r, e, None)) for r in (source, target)
                     for e in ("start", "end")]

    @staticmethod
    def of(shown: AxisMap, source: Any, target: Any) -> SubAxis | None:
        axis = SubAxis(shown, source, target)
        s0, s1, t0, t1 = axis.ends
        return axis if math.isfinite(s0 + s1 + t0 + t1) and s0 != s1 else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.shown, name)

    def positions(self, values: np.ndarray) -> np.ndarray:
        s0, s1, t0, t1 = self.ends
        return t0 + (self.source.positions(values) - s0) * (t1 - t0) / (s1 - s0)


# --- one renderer's rows ----------------------------------------------------------------


class Rows:
    """The rows one renderer (or data-space annotation) draws, and how each is seen.

    ``in_view`` is the CDSView's selection (what BokehJS indexes and auto-ranges over);
    ``shown`` is 1 for a row drawn, 0 for one hidden by the view or an invisible renderer."""

    def __init__(self, model: Any, glyph: Any, data: dict[str, Any], in_view: np.ndarray,
                 visible: bool, x: AxisMap | SubAxis, y: AxisMap | SubAxis, panel: int,
                 notes: list[str]) -> None:
        self.model, self.glyph, self.data, self.in_view = model, glyph, data, in_view
        self.n = len(in_view)
        self.shown = in_view.astype(float) * float(visible)
        self.x, self.y, self.panel, self.notes = x, y, panel, notes
        self.kind = type(glyph).__name__
        self.cache: dict[str, Any] = {}  # paints, read again for each legend entry

    def spec(self, name: str) -> Any:
        if name not in self.glyph.properties():
            return None
        return self.glyph.lookup(name).get_value(self.glyph)

    def raw(self, name: str) -> np.ndarray:
        spec = self.spec(name)
        if isinstance(spec, Field):
            if spec.field not in self.data:
                self.notes.append(f"{self.kind}.{name} names the column '{spec.field}', "
                                  "which its source does not have: not drawn")
                return np.full(self.n, NAN)
            return _as_array(self.data[spec.field], self.n)
        if isinstance(spec, Expr):
            return self._expression(spec.expr, name)
        return _broadcast(spec.value if isinstance(spec, Value) else spec, self.n)

    def _expression(self, expr: Any, name: str) -> np.ndarray:
        columns = [floats(_as_array(self.data.get(f, []), self.n)) for f in
                   (expr.fields if isinstance(expr, Stack) else [getattr(expr, "field", "")])]
        if isinstance(expr, Stack) and all(len(c) == self.n for c in columns):
            return np.sum(columns, axis=0) if columns else np.zeros(self.n)
        if isinstance(expr, CumSum) and len(columns[0]) == self.n:
            total = np.cumsum(columns[0])
            return np.concatenate([[0.0], total[:-1]]) if expr.include_zero else total
        self.notes.append(f"the {type(expr).__name__} expression of {self.kind}.{name} "
                          "was not evaluated: not drawn")
        return np.full(self.n, NAN)

    def numbers(self, name: str) -> np.ndarray:
        return floats(self.raw(name))

    def positions(self, name: str, axis: AxisMap) -> np.ndarray:
        raw = self.raw(name)
        out = axis.positions(raw)
        if len(out) and not axis.lookup and raw.dtype.kind in "OUS" and np.isnan(out).all():
            self.notes.append(f"{self.kind}.{name} holds text on a numeric axis: not drawn")
        transform = getattr(self.spec(name), "transform", None)
        if isinstance(transform, Dodge):
            out = out + transform.value
        elif isinstance(transform, Jitter):
            self.notes.append(f"{self.kind}.{name} is jittered: positions are read unjittered")
        elif isinstance(transform, Transform):
            self.notes.append(f"the {type(transform).__name__} transform of {self.kind}.{name} "
                              "was not applied")
        return out

    def texts(self, name: str) -> list[str]:
        return ["" if v is None else str(v) for v in self.raw(name)]

    def paint(self, prefix: str) -> tuple[list[str], np.ndarray, np.ndarray | None]:
        """Each row's colour, effective alpha and, through a continuous colour mapper, the
        number behind the colour."""
        if prefix not in self.cache:
            self.cache[prefix] = self._paint(prefix)
        return self.cache[prefix]

    def _paint(self, prefix: str) -> tuple[list[str], np.ndarray, np.ndarray | None]:
        spec = self.spec(f"{prefix}_color")
        colors, own, values = self._colors(spec, f"{prefix}_color")
        alpha = self.numbers(f"{prefix}_alpha") if self.spec(f"{prefix}_alpha") is not None \
            else np.ones(self.n)
        if self.spec("global_alpha") is not None:
            alpha = alpha * self.numbers("global_alpha")
        alpha = np.clip(np.nan_to_num(alpha * own * self.shown), 0.0, 1.0)
        return colors, alpha, values

    def _colors(self, spec: Any, name: str) -> tuple[list[str], np.ndarray, np.ndarray | None]:
        transform = getattr(spec, "transform", None)
        if isinstance(spec, Field) and isinstance(transform, CategoricalColorMapper |
                                                  ContinuousColorMapper):
            return self._mapped(transform, self.raw(name))
        return self._parsed(self.raw(name), name)

    def _parsed(self, values: Iterable[Any], name: str) -> tuple[list[str], np.ndarray, None]:
        cache: dict[Any, tuple[str, float]] = {}
        colors, alphas = [], []
        for value in values:
            key = tuple(value) if isinstance(value, list | np.ndarray) else value
            if key not in cache:
                cache[key] = self._one_color(value, name)
            colors.append(cache[key][0])
            alphas.append(cache[key][1])
        return colors, np.array(alphas, dtype=float), None

    def _one_color(self, value: Any, name: str) -> tuple[str, float]:
        parsed = color_of(value)
        if parsed is None:
            self.notes.append(f"{self.kind}.{name} {value!r} is not a colour: read as none")
            return "", 0.0
        return parsed

    def _mapped(self, mapper: Any, values: np.ndarray) -> tuple[list[str], np.ndarray,
                                                                 np.ndarray | None]:
        if isinstance(mapper, CategoricalColorMapper):
            picked = categorical_colors(mapper, values)
            colors, alpha, _ = self._parsed(picked, "palette")
            return colors, alpha, None
        numbers = floats(values)
        kept = numbers[self.in_view & np.isfinite(numbers)]
        picked = continuous_colors(mapper, numbers, kept, self.notes)
        colors, alpha, _ = self._parsed(picked, "palette")
        return colors, alpha, numbers


def categorical_colors(mapper: Any, values: Iterable[Any]) -> list[Any]:
    """factor_cmap as BokehJS applies it: nested factors are cut to [start:end] first; a
    factor not listed, or past the end of the palette, gets nan_color."""
    index = {_factor_key(f): i for i, f in reversed(list(enumerate(mapper.factors)))}
    palette, picked = list(mapper.palette), {}
    out = []
    for value in values:
        key = tuple(value) if isinstance(value, list | np.ndarray) else value
        if key not in picked:
            cut = key[mapper.start:mapper.end] if isinstance(key, tuple) else key
            i = index.get(_factor_key(cut), -1)
            picked[key] = palette[i] if 0 <= i < len(palette) else mapper.nan_color
        out.append(picked[key])
    return out


def _scan(mapper: Any, seen: np.ndarray) -> tuple[float, float]:
    """The mapper's low and high; unset, they are the extremes of the data it colours."""
    low = mapper.low if mapper.low is not None else (seen.min() if len(seen) else 0.0)
    high = mapper.high if mapper.high is not None else (seen.max() if len(seen) else 1.0)
    return float(low), float(high)


def palette_index(mapper: Any, values: np.ndarray, seen: np.ndarray,
                  notes: list[str]) -> np.ndarray:
    """ContinuousColorMapper.value_to_index: floor of the value's share of low..high times
    the palette's length (high itself in the last colour), -1 below, len(palette) above."""
    n = len(mapper.palette)
    low, high = _scan(mapper, seen)
    if isinstance(mapper, EqHistColorMapper):
        notes.append("an EqHistColorMapper is read as a linear one")
    with np.errstate(divide="ignore", invalid="ignore"):
        if isinstance(mapper, LogColorMapper):
            values, low, high = np.log(values), math.log(max(low, 1e-300)), \
                math.log(max(high, 1e-300))
        index = np.floor((values - low) / ((high - low) or 1.0) * n)
    index = np.where(values == high, n - 1, index)
    return np.clip(index, -1, n)


def continuous_colors(mapper: Any, values: np.ndarray, seen: np.ndarray,
                      notes: list[str]) -> list[Any]:
    """linear_cmap / log_cmap as BokehJS applies them: below low, low_color (else the
    palette's first colour), above high, high_color (else its last), NaN, nan_color."""
    palette = list(mapper.palette)
    below = palette[0] if mapper.low_color is None else mapper.low_color
    above = palette[-1] if mapper.high_color is None else mapper.high_color
    choices = [below, *palette, above, mapper.nan_color]
    index = palette_index(mapper, values, seen, notes) + 1
    index = np.where(np.isnan(index), len(choices) - 1, index).astype(int)
    return [choices[i] for i in index]


# --- box plots --------------------------------------------------------------------------


@dataclass
class BoxParts:
    """Candidate parts of box plots, in synthetic positions (factors as BokehJS places
    them), gathered while the glyphs are read. ``vertical`` False: a horizontal box."""

    bodies: list[tuple[int, bool, float, float, float, float, str]] = field(
        default_factory=list)  # panel, vertical, centre, half width, edge a, edge b, colour
    based: set[tuple[int, bool, float]] = field(default_factory=set)  # bars from 0
    segments: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    points: list[tuple[int, float, float]] = field(default_factory=list)


def _close(a: float, b: float, scale: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(scale))


def _swap(vertical: bool, xa: float, ya: float, xb: float, yb: float) -> tuple[float, ...]:
    return (xa, ya, xb, yb) if vertical else (ya, xa, yb, xb)


def _body_stack(pieces: list[tuple[float, float, str]]) -> tuple[float, float | None, float,
                                                                 str] | None:
    """(q1, median or None, q3, colour) from one body, or two halves sharing the median."""
    pieces = sorted((min(a, b), max(a, b), color) for a, b, color in pieces)
    if len(pieces) == 1:
        return pieces[0][0], None, pieces[0][1], pieces[0][2]
    (low, mid, color), (mid2, high, _) = pieces[0], pieces[1]
    if len(pieces) == 2 and _close(mid, mid2, high - low):
        return low, mid, high, color
    return None


def _median_line(parts: BoxParts, key: tuple[int, bool, float, float], q1: float,
                 q3: float) -> float | None:
    panel, vertical, centre, half = key
    for p, *ends in parts.segments:
        xa, ya, xb, yb = _swap(vertical, *ends)
        if p == panel and _close(ya, yb, q3 - q1) and q1 <= ya <= q3 \
                and min(xa, xb) <= centre - half / 2 and max(xa, xb) >= centre + half / 2:
            return ya
    return None


def _whiskers(parts: BoxParts, key: tuple[int, bool, float, float], q1: float,
              q3: float) -> tuple[float, float]:
    """The furthest ends of the lines drawn along the box's centre line."""
    panel, vertical, centre, half = key
    low, high = q1, q3
    for p, *ends in parts.segments:
        xa, ya, xb, yb = _swap(vertical, *ends)
        if p == panel and _close(xa, xb, half) and abs(xa - centre) <= 0.2 * half:
            low, high = min(low, ya, yb), max(high, ya, yb)
    return low, high


def assemble_boxes(parts: BoxParts, label_at: Callable[[int, bool, float], str]) -> list[sc.Box]:
    """Boxes from floating bars (a bar from 0 is a bar, not a box), whisker lines along
    their centre and markers beyond the whiskers (the outliers)."""
    groups: dict[tuple[int, bool, float, float], list[tuple[float, float, str]]] = {}
    for panel, vertical, centre, half, a, b, color in parts.bodies:
        groups.setdefault((panel, vertical, round(centre, 9), round(half, 9)), []).append(
            (a, b, color))
    boxes = []
    for key, pieces in groups.items():
        panel, vertical, centre, half = key
        stack = None if (panel, vertical, centre) in parts.based else _body_stack(pieces)
        if stack is None:
            continue
        q1, median, q3, color = stack
        median = median if median is not None else _median_line(parts, key, q1, q3)
        if median is None:
            continue
        low, high = _whiskers(parts, key, q1, q3)
        outliers = tuple(sorted(
            (y if vertical else x) for p, x, y in parts.points
            if p == panel and abs((x if vertical else y) - centre) <= half
            and not low <= (y if vertical else x) <= high))
        boxes.append(sc.Box(label_at(panel, vertical, centre), q1, median, q3, low, high,
                            color, outliers, panel))
    return boxes


# --- layout -----------------------------------------------------------------------------


Placed = list[tuple[Any, float, float]]  # (plot, left, top) in reading order


def _plot_size(plot: Any) -> tuple[float, float]:
    return (float(plot.width or plot.frame_width or 0),
            float(plot.height or plot.frame_height or 0))


def _place_grid(children: list[tuple[Any, ...]], left: float, top: float) -> tuple[
        Placed, float, float]:
    cells = sorted(children, key=lambda c: (c[1], c[2]))
    sizes = [place(c[0], 0.0, 0.0) for c in cells]
    widths: dict[int, float] = {}
    heights: dict[int, float] = {}
    for cell, (_, w, h) in zip(cells, sizes, strict=True):
        widths[cell[2]] = max(widths.get(cell[2], 0.0), w)
        heights[cell[1]] = max(heights.get(cell[1], 0.0), h)
    x0 = {c: left + sum(w for k, w in widths.items() if k < c) for c in widths}
    y0 = {r: top + sum(h for k, h in heights.items() if k < r) for r in heights}
    placed: Placed = []
    for cell in cells:
        placed += place(cell[0], x0[cell[2]], y0[cell[1]])[0]
    return placed, sum(widths.values()), sum(heights.values())


def _place_line(children: list[Any], left: float, top: float, across: bool) -> tuple[
        Placed, float, float]:
    placed: Placed = []
    width = height = 0.0
    for child in children:
        inner, w, h = place(child, left + width * across, top + height * (not across))
        placed += inner
        width, height = (width + w, max(height, h)) if across else (max(width, w), height + h)
    return placed, width, height


def place(model: Any, left: float = 0.0, top: float = 0.0) -> tuple[Placed, float, float]:
    """The plots of a layout in reading order, where each starts, and the total size."""
    if isinstance(model, Plot):
        return [(model, left, top)], *_plot_size(model)
    if isinstance(model, GridPlot | GridBox):
        return _place_grid(list(model.children), left, top)
    if isinstance(model, Row | Column):
        return _place_line(list(model.children), left, top, isinstance(model, Row))
    if isinstance(model, Tabs) and model.tabs:  # only the active tab is on screen
        return place(model.tabs[model.active].child, left, top)
    return [], float(getattr(model, "width", 0) or 0), float(getattr(model, "height", 0) or 0)


# --- the reader -------------------------------------------------------------------------


_LINE_GLYPHS = (Line, Step, MultiLine, Segment)
_AREA_GLYPHS = (Patch, Patches, VArea, HArea, VAreaStep, HAreaStep, MultiPolygons)
_AREA_COORDINATES = {  # the x and the y coordinates BokehJS indexes, per area glyph
    Patch: (("x",), ("y",)), VArea: (("x",), ("y1", "y2")), VAreaStep: (("x",), ("y1", "y2")),
    HArea: (("x1", "x2"), ("y",)), HAreaStep: (("x1", "x2"), ("y",)),
}


def _offsets(raw: Any) -> bool:
    """Whether coordinates are factors with offsets (('Africa', 0.3)), as Bokeh's ridgeplot
    places its curves: their synthetic positions compare across factors."""
    return any(isinstance(v, tuple | list | np.ndarray) and len(v) > 1 and _is_number(v[-1])
               for v in raw)


def _numeric(axis: AxisMap | SubAxis, raw: Any) -> bool:
    """Whether an outline's coordinate is read as numbers: on a numeric range (named ticks
    or not), through a subplot's coordinate mapping, or as factors with offsets; a plain
    factor is left out."""
    return isinstance(axis, SubAxis) or not axis.lookup or _offsets(raw)


def _outline(xs: np.ndarray, ys: np.ndarray, keep: tuple[bool, bool]) -> tuple[
        tuple[float, ...], tuple[float, ...]]:
    """An outline's finite vertices in data coordinates (synthetic positions for factors
    with offsets); a coordinate not kept (a plain factor) is left out."""
    ok = np.isfinite(xs) & np.isfinite(ys)
    return (tuple(map(float, xs[ok])) if keep[0] else (),
            tuple(map(float, ys[ok])) if keep[1] else ())


def area_outlines(rows: Rows) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """Each area's outline: a Patch's or each Patches (or MultiPolygons) row's vertices; a
    VArea or HArea (or a Band) out along one edge and back along the other, stacked edges
    evaluated."""
    glyph, kept = rows.glyph, rows.in_view
    if isinstance(glyph, Patches | MultiPolygons):
        xs, ys = rows.raw("xs"), rows.raw("ys")
        if isinstance(glyph, MultiPolygons):  # a row's polygons of rings: its first's exterior
            xs, ys = ([row[0][0] if len(row) and len(row[0]) else [] for row in v]
                      for v in (xs, ys))
        outlines = []
        for i in range(rows.n):
            x, y = _as_array(xs[i], len(xs[i])), _as_array(ys[i], len(ys[i]))
            outlines.append(_outline(rows.x.positions(x), rows.y.positions(y),
                                     (_numeric(rows.x, x), _numeric(rows.y, y))))
        return outlines
    if isinstance(glyph, Band):
        along = glyph.dimension == "height"  # lower and upper are y values at each base x
        base = rows.positions("base", rows.x if along else rows.y)[kept]
        lower, upper = (rows.positions(n, rows.y if along else rows.x)[kept]
                        for n in ("lower", "upper"))
        order = np.argsort(base)
        there = np.concatenate([base[order], base[order][::-1]])
        edges = np.concatenate([upper[order], lower[order][::-1]])
        keep = (_numeric(rows.x, rows.raw("base" if along else "lower")),
                _numeric(rows.y, rows.raw("lower" if along else "base")))
        return [_outline(there, edges, keep) if along else _outline(edges, there, keep)]
    names = _AREA_COORDINATES.get(type(glyph))
    if names is None:
        return []
    (x, *x2), (y, *y2) = ([rows.positions(n, axis)[kept] for n in group]
                          for group, axis in zip(names, (rows.x, rows.y), strict=True))
    xs = np.concatenate([x, (x2[0] if x2 else x)[::-1]]) if x2 or y2 else x
    ys = np.concatenate([y, (y2[0] if y2 else y)[::-1]]) if x2 or y2 else y
    keep = (all(_numeric(rows.x, rows.raw(n)) for n in names[0]),
            all(_numeric(rows.y, rows.raw(n)) for n in names[1]))
    return [_outline(xs, ys, keep)]


@dataclass
class _Marks:
    points: list[sc.Point] = field(default_factory=list)
    rects: list[sc.Rect] = field(default_factory=list)
    lines: list[sc.Line] = field(default_factory=list)
    areas: list[sc.Area] = field(default_factory=list)
    texts: list[sc.Text] = field(default_factory=list)
    wedges: list[sc.Wedge] = field(default_factory=list)
    tiles: list[sc.Tile] = field(default_factory=list)


def _extent(values: Iterable[np.ndarray]) -> tuple[float, float]:
    finite = [v[np.isfinite(v)] for v in values]
    finite = [v for v in finite if len(v)]
    if not finite:
        return math.inf, -math.inf
    return float(min(v.min() for v in finite)), float(max(v.max() for v in finite))


def _span(rng: Any, low: float, high: float) -> float:
    if high == low:
        return rng.default_span
    if rng.range_padding_units == "percent":
        return (high - low) * (1 + rng.range_padding)
    return (high - low) + 2 * rng.range_padding


def _padded(rng: Any, low: float, high: float, log: bool) -> tuple[float, float]:
    """DataRange1d._compute_range: the data span padded by range_padding (a fraction of it
    in 'percent' units, split on both sides); an explicit start or end replaces the data's
    end before padding and is kept as it is."""
    start, end = _float(rng.start), _float(rng.end)
    low = low if math.isnan(start) else start
    high = high if math.isnan(end) else end
    if log and low > 0 and high > 0:
        low, high = math.log10(low), math.log10(high)
    else:
        log = False
    span = min(max(_span(rng, low, high), rng.min_interval or 0.0), rng.max_interval or math.inf)
    centre = (low + high) / 2
    low, high = centre - span / 2, centre + span / 2
    low, high = (10 ** low, 10 ** high) if log else (low, high)
    return (low if math.isnan(start) else start), (high if math.isnan(end) else end)


class Reader:
    """Reads every plot of a placed layout into marks, panels, boxes and legend entries."""

    def __init__(self, placed: Placed) -> None:
        self.placed = placed
        self.marks = _Marks()
        self.parts = BoxParts()
        self.notes: list[str] = []
        self.bounds: dict[int, tuple[float, float, float, float]] = {}
        self.rows: dict[int, Rows] = {}
        self.axes: dict[tuple[int, int], AxisMap] = {}
        self.later: list[tuple[int, Any]] = []  # lines across the final ranges (Slope, Span)

    # axes and rows

    def axis(self, plot: Any, name: str, dim: str) -> AxisMap:
        extra = plot.extra_x_ranges if dim == "x" else plot.extra_y_ranges
        rng = extra.get(name) if name != "default" else None
        rng = rng if rng is not None else (plot.x_range if dim == "x" else plot.y_range)
        key = (id(plot), id(rng))
        if key not in self.axes:
            sides = plot.below + plot.above if dim == "x" else plot.left + plot.right
            axes = [a for a in sides if getattr(a, f"{dim}_range_name", None) == name
                    and hasattr(a, "ticker")]
            self.axes[key] = AxisMap(rng, tick_labels(axes[0]) if axes else None)
        return self.axes[key]

    def rows_of(self, model: Any, panel: int) -> Rows:
        if id(model) in self.rows:
            return self.rows[id(model)]
        plot = self.placed[panel][0]
        renderer = isinstance(model, GlyphRenderer)
        source = model.data_source if renderer else getattr(model, "source", None)
        data = source_data(source)
        n = _length(data)
        mask = filter_mask(model.view.filter, data, n) if renderer else np.ones(n, bool)
        if mask is None:
            self.notes.append(f"the {type(model.view.filter).__name__} filter of a "
                              f"{type(model.glyph).__name__} renderer was not applied: all "
                              "its rows are read as shown")
            mask = np.ones(n, dtype=bool)
        glyph = self._glyph(model) if renderer else model
        visible = bool(model.visible and plot.visible)
        x, y = self.axis(plot, model.x_range_name, "x"), self.axis(plot, model.y_range_name, "y")
        mapping = getattr(model, "coordinates", None) if renderer else None
        if mapping is not None:  # a subplot's values, drawn onto a stretch of the plot's axes
            x, y = self._mapped(x, mapping.x_source, mapping.x_target), \
                self._mapped(y, mapping.y_source, mapping.y_target)
        rows = Rows(model, glyph, data, mask, visible, x, y, panel, self.notes)
        if renderer and model.muted and not hasattr(model.muted_glyph, "properties"):
            rows.shown = rows.shown * 0.2  # BokehJS's 'auto' muted glyph fades to 0.2
        self.rows[id(model)] = rows
        return rows

    def _mapped(self, shown: AxisMap, source: Any, target: Any) -> AxisMap | SubAxis:
        if source is target:
            return shown
        axis = SubAxis.of(shown, source, target)
        if axis is None:
            self.notes.append("a subplot's coordinate mapping has a range without fixed ends: "
                              "its values are read unmapped")
            return shown
        return axis

    def _glyph(self, renderer: Any) -> Any:
        if renderer.muted and hasattr(renderer.muted_glyph, "properties"):
            return renderer.muted_glyph
        if len(renderer.data_source.selected.indices):
            self.notes.append("a renderer has selected rows: the other rows' nonselection "
                              "look is not emulated")
        return renderer.glyph

    def bound(self, rows: Rows, xs: Iterable[np.ndarray], ys: Iterable[np.ndarray]) -> None:
        """Record a renderer's data bounds, as BokehJS's spatial index holds them."""
        (x0, x1), (y0, y1) = _extent(xs), _extent(ys)
        old = self.bounds.get(id(rows.model), (math.inf, -math.inf, math.inf, -math.inf))
        self.bounds[id(rows.model)] = (min(old[0], x0), max(old[1], x1),
                                       min(old[2], y0), max(old[3], y1))

    # plots

    def read(self) -> None:
        for panel, (plot, _, _) in enumerate(self.placed):
            if plot.sizing_mode not in (None, "fixed"):
                self.notes.append(f"panel {panel} has sizing_mode '{plot.sizing_mode}': its "
                                  "size on screen is not its nominal width and height")
            for model in [*plot.renderers, *plot.center, *plot.above, *plot.below,
                          *plot.left, *plot.right]:
                self.read_model(model, panel)

    def read_model(self, model: Any, panel: int) -> None:
        try:
            self._read_model(model, panel)
        except Exception as error:  # an odd model becomes a note, not a lost scene
            self.notes.append(f"a {type(model).__name__} in panel {panel} could not be read: "
                              f"{type(error).__name__}: {error}")

    def _read_model(self, model: Any, panel: int) -> None:
        if isinstance(model, GlyphRenderer):
            self.read_glyph(self.rows_of(model, panel))
        elif isinstance(model, Whisker | Band | LabelSet):
            self.read_glyph(self.rows_of(model, panel))
        elif isinstance(model, Label):
            self.read_label(model, panel)
        elif isinstance(model, Slope | Span):
            self.later.append((panel, model))
        elif isinstance(model, GraphRenderer):
            self.read_graph(model, panel)
        elif type(model).__name__ in ("TileRenderer", "ContourRenderer"):
            self.notes.append(f"a {type(model).__name__} in panel {panel} was not read")

    def read_graph(self, graph: Any, panel: int) -> None:
        """A graph's edges where their own source holds their outlines (HoloViews' Graph and
        Sankey give xs and ys: a Sankey's links are Patches); its node markers, which stand
        where the layout provider puts them, are not read."""
        rows = self.rows_of(graph.edge_renderer, panel)
        if all(isinstance(rows.spec(n), Field) and rows.spec(n).field in rows.data
               for n in ("xs", "ys")):
            rows.shown = rows.shown * float(graph.visible)
            self.read_glyph(rows)
        else:
            self.notes.append(f"the edges of a GraphRenderer in panel {panel} were not read: "
                              "its layout provider places them")
        self.notes.append(f"the node markers of a GraphRenderer in panel {panel} were not read")

    def read_glyph(self, rows: Rows) -> None:
        glyph = rows.glyph
        for kinds, method in self.dispatch:
            if isinstance(glyph, kinds):
                method(self, rows)
                return
        self.notes.append(f"bokeh glyph {rows.kind} in panel {rows.panel} was not read")

    # points

    def read_points(self, rows: Rows) -> None:
        xs, ys = rows.positions("x", rows.x), rows.positions("y", rows.y)
        self.bound(rows, [xs[rows.in_view]], [ys[rows.in_view]])
        colors, alpha = self.point_paint(rows)
        sizes = self.point_sizes(rows)
        ok = np.isfinite(xs) & np.isfinite(ys)
        for i in np.flatnonzero(ok):
            self.marks.points.append(sc.Point(
                rows.x.coordinate(xs[i]), rows.y.coordinate(ys[i]), colors[i],
                float(alpha[i]), size=None if sizes is None else float(sizes[i]),
                panel=rows.panel))
            if alpha[i] > 0:
                self.parts.points.append((rows.panel, float(xs[i]), float(ys[i])))

    def point_paint(self, rows: Rows) -> tuple[list[str], np.ndarray]:
        """Fill colour, or the line's where the marker has no visible fill."""
        if "point" not in rows.cache:
            rows.cache["point"] = self._point_paint(rows)
        return rows.cache["point"]

    def _point_paint(self, rows: Rows) -> tuple[list[str], np.ndarray]:
        line, line_alpha, _ = rows.paint("line")
        if rows.spec("fill_color") is None:
            return line, line_alpha
        fill, fill_alpha, _ = rows.paint("fill")
        markers = rows.texts("marker") if rows.spec("marker") is not None else [""] * rows.n
        use_line = [not f or a <= 0 or m in _UNFILLED_MARKERS
                    for f, a, m in zip(fill, fill_alpha, markers, strict=True)]
        colors = [lc if u else fc for lc, fc, u in zip(line, fill, use_line, strict=True)]
        return colors, np.where(use_line, line_alpha, fill_alpha)

    def point_sizes(self, rows: Rows) -> np.ndarray | None:
        if isinstance(rows.glyph, Marker):
            return rows.numbers("size")
        if rows.glyph.radius_units == "screen":
            return 2 * rows.numbers("radius")
        self.notes.append(f"{rows.kind} markers in panel {rows.panel} have a radius in data "
                          "units: their size in px is not known")
        return None

    # rectangles

    def rect_paint(self, rows: Rows) -> tuple[list[str], np.ndarray, np.ndarray | None]:
        fill, alpha, values = rows.paint("fill")
        if all(fill) and alpha.any():
            return fill, alpha, values
        line, line_alpha, _ = rows.paint("line")  # an outline-only bar is seen in its line
        use_line = [not f or a <= 0 for f, a in zip(fill, alpha, strict=True)]
        colors = [lc if u else fc for lc, fc, u in zip(line, fill, use_line, strict=True)]
        return colors, np.where(use_line, line_alpha, alpha), values

    def add_rects(self, rows: Rows, edges: tuple[np.ndarray, ...], centre: np.ndarray) -> None:
        """Rects from left, right, bottom, top positions; a categorical side gives its
        label to both edges. ``centre`` (along the category axis) orders dodged bars."""
        left, right, bottom, top = edges
        self.bound(rows, [left[rows.in_view], right[rows.in_view]],
                   [bottom[rows.in_view], top[rows.in_view]])
        colors, alpha, values = self.rect_paint(rows)
        mid_x, mid_y = (left + right) / 2, (bottom + top) / 2
        for i in np.flatnonzero(np.isfinite(left + right + bottom + top)):
            x0, x1 = self._side(rows.x, left[i], right[i], mid_x[i])
            y0, y1 = self._side(rows.y, bottom[i], top[i], mid_y[i])
            self.marks.rects.append(sc.Rect(
                x0, x1, y0, y1, colors[i], float(alpha[i]), rows.panel, float(centre[i]),
                None if values is None else float(values[i])))

    @staticmethod
    def _side(axis: AxisMap, a: float, b: float, mid: float) -> tuple[Coordinate, Coordinate]:
        if axis.categorical:
            label = axis.label_at(mid)
            return label, label
        return float(a), float(b)

    def read_bars(self, rows: Rows) -> None:
        vertical = isinstance(rows.glyph, VBar)
        along, across = (rows.x, rows.y) if vertical else (rows.y, rows.x)
        centre = rows.positions("x" if vertical else "y", along)
        half = rows.numbers("width" if vertical else "height") / 2
        base = rows.positions("bottom" if vertical else "left", across)
        end = rows.positions("top" if vertical else "right", across)
        edges = (centre - half, centre + half, base, end) if vertical else \
            (base, end, centre - half, centre + half)
        self.add_rects(rows, edges, centre)
        self.box_bodies(rows, vertical, centre, half, base, end)

    def box_bodies(self, rows: Rows, vertical: bool, centre: np.ndarray, half: np.ndarray,
                   base: np.ndarray, end: np.ndarray) -> None:
        colors, alpha, _ = self.rect_paint(rows)
        for i in np.flatnonzero(np.isfinite(centre + half + base + end)):
            if alpha[i] <= 0:
                continue
            key = (rows.panel, vertical, round(float(centre[i]), 9))
            if base[i] == 0:
                self.parts.based.add(key)
            else:
                self.parts.bodies.append((*key, float(half[i]), float(base[i]), float(end[i]),
                                          colors[i]))

    def read_quads(self, rows: Rows) -> None:
        left, right = rows.positions("left", rows.x), rows.positions("right", rows.x)
        bottom, top = rows.positions("bottom", rows.y), rows.positions("top", rows.y)
        centre = (left + right) / 2
        self.add_rects(rows, (left, right, bottom, top), centre)
        self.box_bodies(rows, True, centre, np.abs(right - left) / 2, bottom, top)

    def read_cells(self, rows: Rows) -> None:
        xs, ys = rows.positions("x", rows.x), rows.positions("y", rows.y)
        half_w, half_h = rows.numbers("width") / 2, rows.numbers("height") / 2
        if rows.glyph.width_units == "screen" or rows.glyph.height_units == "screen":
            self.notes.append(f"{rows.kind} sizes in screen units in panel {rows.panel} are "
                              "read as data units")
        if np.any(rows.numbers("angle")[rows.in_view] != 0):
            self.notes.append(f"rotated {rows.kind} cells are read unrotated")
        self.add_rects(rows, (xs - half_w, xs + half_w, ys - half_h, ys + half_h), xs)

    def read_hex_tiles(self, rows: Rows) -> None:
        """Hexagons at axial coordinates (q, r), centred where BokehJS centres them
        (HexTileView._set_data is bokeh.util.hex.axial_to_cartesian); the number behind a
        tile's colour (Bokeh's hexbin 'c', HoloViews' 'Count') is the rows it counts."""
        glyph = rows.glyph
        size, aspect, pointy = float(glyph.size), float(glyph.aspect_scale), \
            glyph.orientation == "pointytop"
        xs, ys = axial_to_cartesian(rows.numbers("q"), rows.numbers("r"), size,
                                    glyph.orientation, aspect)
        # the extent BokehJS indexes (and auto-ranges over) around each centre
        half_x = math.sqrt(3) / 2 * size / aspect if pointy else size
        half_y = size if pointy else math.sqrt(3) / 2 * size * aspect
        kept = rows.in_view
        self.bound(rows, [xs[kept] - half_x, xs[kept] + half_x],
                   [ys[kept] - half_y, ys[kept] + half_y])
        colors, alpha, values = self.rect_paint(rows)
        for i in np.flatnonzero(np.isfinite(xs + ys)):
            self.marks.tiles.append(sc.Tile(
                float(xs[i]) + 0.0, float(ys[i]) + 0.0,  # + 0.0: -0.0 reads as 0
                None if values is None else float(values[i]),
                colors[i], float(alpha[i]), rows.panel))

    def read_images(self, rows: Rows) -> None:
        images = rows.raw("image")
        xs, ys = rows.positions("x", rows.x), rows.positions("y", rows.y)
        dws, dhs = rows.numbers("dw"), rows.numbers("dh")
        words = str(rows.glyph.anchor).split("_")
        share = {"left": 0.0, "center": 0.5, "right": 1.0, "bottom": 0.0, "top": 1.0}
        ax, ay = share.get(words[-1], 0.0), share.get(words[0], 0.0)
        lefts, bottoms = xs - ax * dws, ys - ay * dhs
        kept = rows.in_view
        self.bound(rows, [lefts[kept], (lefts + dws)[kept]], [bottoms[kept], (bottoms + dhs)[kept]])
        seen = np.concatenate([np.asarray(images[i], dtype=float).ravel()
                               for i in np.flatnonzero(kept)] or [np.zeros(0)])
        for i in range(rows.n):
            self.image_pixels(rows, i, np.asarray(images[i]),
                              (lefts[i], bottoms[i], dws[i], dhs[i]), seen[np.isfinite(seen)])

    def pixel_colors(self, rows: Rows, image: np.ndarray, seen: np.ndarray) -> tuple[
            list[str], np.ndarray, np.ndarray | None]:
        if isinstance(rows.glyph, ImageRGBA):  # packed RGBA, little-endian bytes
            channels = image.astype(np.uint32).view(np.uint8).reshape(-1, 4)
            return [_hex(*c[:3]) for c in channels], channels[:, 3] / 255, None
        values = image.astype(float).ravel()
        picked = continuous_colors(rows.glyph.color_mapper, values, seen, self.notes)
        colors, own, _ = rows._parsed(picked, "color_mapper")
        return colors, own, values

    def image_pixels(self, rows: Rows, i: int, image: np.ndarray,
                     frame: tuple[float, float, float, float], seen: np.ndarray) -> None:
        """One Rect per pixel; rows run up from the origin corner, as BokehJS draws them."""
        left, bottom, dw, dh = frame
        origin = str(rows.glyph.origin)
        image = image[::-1] if origin.startswith("top") else image
        image = image[:, ::-1] if origin.endswith("right") else image
        ny, nx = image.shape[:2]
        colors, own, values = self.pixel_colors(rows, image, seen)
        alpha = own * rows.shown[i] * float(rows.numbers("global_alpha")[i])
        for k in range(ny * nx):
            r, c = divmod(k, nx)
            x, y = left + (c + 0.5) * dw / nx, bottom + (r + 0.5) * dh / ny
            x0, x1 = self._side(rows.x, x - dw / nx / 2, x + dw / nx / 2, x)
            y0, y1 = self._side(rows.y, y - dh / ny / 2, y + dh / ny / 2, y)
            self.marks.rects.append(sc.Rect(x0, x1, y0, y1, colors[k], float(alpha[k]),
                                            rows.panel, float(x),
                                            None if values is None else float(values[k])))

    # lines

    def add_line(self, rows: Rows, xs: np.ndarray, ys: np.ndarray, color: str,
                 alpha: float) -> None:
        """A polyline, broken where a point is NaN (BokehJS leaves a gap there)."""
        ok = np.isfinite(xs) & np.isfinite(ys)
        runs = np.split(np.arange(len(xs)), np.flatnonzero(~ok))
        for run in runs:
            run = run[ok[run]]
            if len(run):
                self.marks.lines.append(sc.Line(
                    tuple(rows.x.coordinate(x) for x in xs[run]),
                    tuple(rows.y.coordinate(y) for y in ys[run]), color, float(alpha),
                    rows.panel))
            if len(run) == 2 and alpha > 0:
                self.parts.segments.append((rows.panel, float(xs[run[0]]), float(ys[run[0]]),
                                            float(xs[run[1]]), float(ys[run[1]])))

    def read_line(self, rows: Rows) -> None:
        xs, ys = rows.positions("x", rows.x), rows.positions("y", rows.y)
        kept = rows.in_view
        self.bound(rows, [xs[kept]], [ys[kept]])
        colors, alpha, _ = rows.paint("line")
        if rows.n:
            visible = float(alpha[kept].max()) if kept.any() else 0.0
            self.add_line(rows, xs[kept], ys[kept], colors[0], visible)

    def read_multiline(self, rows: Rows) -> None:
        xs, ys = rows.raw("xs"), rows.raw("ys")
        colors, alpha, _ = rows.paint("line")
        bx, by = [], []
        for i in range(rows.n):
            x = rows.x.positions(_as_array(xs[i], len(xs[i])))
            y = rows.y.positions(_as_array(ys[i], len(ys[i])))
            if rows.in_view[i]:
                bx.append(x)
                by.append(y)
            self.add_line(rows, x, y, colors[i], alpha[i])
        self.bound(rows, bx, by)

    def read_segments(self, rows: Rows) -> None:
        x0, x1 = rows.positions("x0", rows.x), rows.positions("x1", rows.x)
        y0, y1 = rows.positions("y0", rows.y), rows.positions("y1", rows.y)
        kept = rows.in_view
        self.bound(rows, [x0[kept], x1[kept]], [y0[kept], y1[kept]])
        colors, alpha, _ = rows.paint("line")
        for i in range(rows.n):
            self.add_line(rows, np.array([x0[i], x1[i]]), np.array([y0[i], y1[i]]),
                          colors[i], alpha[i])

    def read_whiskers(self, rows: Rows) -> None:
        """A whisker is a line from lower to upper at base (not auto-ranged: no bounds)."""
        along = rows.glyph.dimension == "height"
        base = rows.positions("base", rows.x if along else rows.y)
        lower = rows.positions("lower", rows.y if along else rows.x)
        upper = rows.positions("upper", rows.y if along else rows.x)
        colors, alpha, _ = rows.paint("line")
        for i in range(rows.n):
            ends = (np.array([base[i], base[i]]), np.array([lower[i], upper[i]]))
            self.add_line(rows, *(ends if along else ends[::-1]), colors[i], alpha[i])

    def read_later(self, panel: int, model: Any, panels: list[sc.Panel]) -> None:
        """Slope and Span: infinite lines, drawn across the panel's final ranges."""
        x, y = panels[panel].x, panels[panel].y
        color, own = color_of(model.line_color) or ("", 0.0)
        alpha = model.line_alpha * own * float(model.visible)
        if isinstance(model, Slope) and model.gradient is not None and x.low is not None:
            xs = (x.low, x.high)
            ys = tuple(model.gradient * v + (model.y_intercept or 0.0) for v in xs)
        elif isinstance(model, Span) and model.location is not None:
            across = (x.low, x.high) if model.dimension == "width" else (y.low, y.high)
            if across[0] is None:
                return
            xs, ys = across, (float(model.location),) * 2
            xs, ys = (xs, ys) if model.dimension == "width" else (ys, xs)
        else:
            return
        self.marks.lines.append(sc.Line(tuple(xs), tuple(ys), color, alpha, panel))

    # texts and areas

    def read_texts(self, rows: Rows) -> None:
        xs, ys = rows.positions("x", rows.x), rows.positions("y", rows.y)
        if isinstance(rows.glyph, Text):
            self.bound(rows, [xs[rows.in_view]], [ys[rows.in_view]])
        if getattr(rows.glyph, "x_units", "data") != "data" or \
                getattr(rows.glyph, "y_units", "data") != "data":
            self.notes.append(f"{rows.kind} in screen units in panel {rows.panel} not read")
            return
        _, alpha, _ = rows.paint("text")
        texts = rows.texts("text")
        for i in np.flatnonzero(np.isfinite(xs) & np.isfinite(ys) & (alpha > 0)):
            self.marks.texts.append(sc.Text(rows.x.coordinate(xs[i]),
                                            rows.y.coordinate(ys[i]), texts[i], rows.panel))

    def read_label(self, model: Any, panel: int) -> None:
        if model.x_units != "data" or model.y_units != "data" or not model.visible:
            return
        x = self.axis(self.placed[panel][0], model.x_range_name, "x")
        y = self.axis(self.placed[panel][0], model.y_range_name, "y")
        px, py = x.positions(_broadcast(model.x, 1))[0], y.positions(_broadcast(model.y, 1))[0]
        if not math.isfinite(px + py):
            return
        self.marks.texts.append(sc.Text(x.coordinate(px), y.coordinate(py), str(model.text),
                                        panel))

    def read_areas(self, rows: Rows) -> None:
        """Filled regions: one Area per row of Patches, one per Patch, VArea or Band, with
        its outline where it can be read."""
        colors, alpha, _ = rows.paint("fill")
        per_row = isinstance(rows.glyph, Patches | MultiPolygons)
        outlines = area_outlines(rows)
        for i in range(rows.n if per_row else min(rows.n, 1)):
            shown = alpha[i] if per_row else float(alpha.max(initial=0.0))
            xs, ys = outlines[i] if i < len(outlines) else ((), ())
            self.marks.areas.append(sc.Area(colors[i], float(shown), rows.panel, xs, ys))
        self.area_bounds(rows)

    def read_wedges(self, rows: Rows) -> None:
        """Pie slices: BokehJS angles run anticlockwise from 3 o'clock, swept from start to
        end in the glyph's direction; a Wedge turns them into turns clockwise from 12."""
        colors, alpha, _ = rows.paint("fill")
        start, end = (rows.numbers(f"{n}_angle") * (
            math.pi / 180 if getattr(rows.glyph, f"{n}_angle_units", "rad") == "deg" else 1.0)
            for n in ("start", "end"))
        clockwise = getattr(rows.glyph, "direction", "anticlock") == "clock"
        for i in np.flatnonzero(np.isfinite(start + end)):
            first, last = (start[i], end[i]) if clockwise else (end[i], start[i])
            turns = ((first - last) / (2 * math.pi)) % 1 or float(first != last)
            begin = ((math.pi / 2 - first) / (2 * math.pi)) % 1
            self.marks.wedges.append(sc.Wedge(float(begin), float(begin + turns), colors[i],
                                              float(alpha[i]), rows.panel))

    def area_bounds(self, rows: Rows) -> None:
        if isinstance(rows.glyph, Patches):
            xs, ys = rows.raw("xs"), rows.raw("ys")
            kept = np.flatnonzero(rows.in_view)
            self.bound(rows, [rows.x.positions(_as_array(xs[i], len(xs[i]))) for i in kept],
                       [rows.y.positions(_as_array(ys[i], len(ys[i]))) for i in kept])
            return
        names = _AREA_COORDINATES.get(type(rows.glyph))
        if names is None:  # Band is an annotation (not auto-ranged); MultiPolygons nest deeper
            return
        self.bound(rows, [rows.positions(n, rows.x)[rows.in_view] for n in names[0]],
                   [rows.positions(n, rows.y)[rows.in_view] for n in names[1]])

    dispatch: list[tuple[Any, Callable[[Reader, Rows], None]]] = [
        ((Marker, Circle), read_points),
        ((VBar, HBar), read_bars),
        (Quad, read_quads),
        (Rect, read_cells),
        (HexTile, read_hex_tiles),
        ((Image, ImageRGBA), read_images),
        ((Line, Step), read_line),
        (MultiLine, read_multiline),
        (Segment, read_segments),
        (Whisker, read_whiskers),
        ((BokehWedge, AnnularWedge), read_wedges),
        ((Text, LabelSet), read_texts),
        ((*_AREA_GLYPHS, Band), read_areas),
    ]


# --- panels and legends -----------------------------------------------------------------


def _uses(plot: Any, rng: Any, dim: str) -> bool:
    main = plot.x_range if dim == "x" else plot.y_range
    extra = plot.extra_x_ranges if dim == "x" else plot.extra_y_ranges
    return main is rng or any(r is rng for r in extra.values())


def _followed(reader: Reader, rng: Any, dim: str) -> Iterable[tuple[float, float]]:
    """The data bounds a DataRange1d follows: the glyph renderers of every plot sharing it
    (or only those it names), invisible ones included unless only_visible."""
    named_ids = {id(r) for r in rng.renderers} if isinstance(rng.renderers, list) else set()
    for plot, _, _ in reader.placed:
        if not _uses(plot, rng, dim) or not plot.visible:
            continue
        for renderer in plot.renderers:
            bounds = reader.bounds.get(id(renderer))
            if bounds is None or (named_ids and id(renderer) not in named_ids) or \
                    (rng.only_visible and not renderer.visible):
                continue
            yield bounds[:2] if dim == "x" else bounds[2:]


def axis_range(reader: Reader, rng: Any, dim: str, log: bool) -> tuple[float | None,
                                                                       float | None]:
    """A numeric range as BokehJS shows it once it has auto-ranged."""
    if isinstance(rng, Range1d):
        return _float(rng.start), _float(rng.end)
    if not isinstance(rng, DataRange1d):
        return None, None
    spans = list(_followed(reader, rng, dim))
    low = min((a for a, _ in spans), default=math.inf)
    high = max((b for _, b in spans), default=-math.inf)
    if low > high:  # nothing to follow: only an explicit start or end is known
        start, end = _float(rng.start), _float(rng.end)
        return (None if math.isnan(start) else start), (None if math.isnan(end) else end)
    return _padded(rng, low, high, log)


def _axis_title(plot: Any, dim: str) -> str:
    axes = plot.xaxis if dim == "x" else plot.yaxis
    labels = [str(a.axis_label) for a in axes if a.axis_label]
    return labels[0] if labels else ""


def read_panel(reader: Reader, plot: Any, left: float, top: float) -> sc.Panel:
    axes = []
    for dim in ("x", "y"):
        axis = reader.axis(plot, "default", dim)
        scale = plot.x_scale if dim == "x" else plot.y_scale
        low = high = None
        if not isinstance(axis.range, FactorRange):
            low, high = axis_range(reader, axis.range, dim, isinstance(scale, LogScale))
        axes.append(sc.Axis(low, high, axis.categories(), _axis_title(plot, dim)))
    title = plot.title.text if hasattr(plot.title, "text") else str(plot.title or "")
    return sc.Panel(str(title or ""), axes[0], axes[1], float(left), float(top))


def _legends(plot: Any) -> list[Any]:
    sides = [*plot.center, *plot.left, *plot.right, *plot.above, *plot.below]
    return [m for m in sides if isinstance(m, Legend) and m.visible]


def _entry_labels(reader: Reader, item: Any, rows: Rows | None) -> list[str]:
    """An item's labels: a field label expands into its distinct values, in order of first
    appearance (BokehJS's uniq over the first renderer's whole source column)."""
    label = item.lookup("label").get_value(item)
    if isinstance(label, Field):
        if rows is None or label.field not in rows.data:
            return []
        return list(dict.fromkeys(str(v).strip() for v in _as_array(rows.data[label.field],
                                                                     rows.n)))
    if isinstance(label, Value) and label.value is not None:
        return [str(label.value).strip()]
    if label is not None:
        reader.notes.append("a legend label given as an expression was not read")
    return []


def _key_row(item: Any, rows: Rows, label: str) -> int | None:
    """The row whose look a renderer gives a label's key, or None where it draws no key
    (GlyphRendererView.draw_legend): none for a view that shows no rows (data_size 0) or
    not the item's index; else the item's index, or for a field label the first row in
    the view holding that value, falling back to the view's first row."""
    shown = np.flatnonzero(rows.in_view)
    if not len(shown):
        return None
    if item.index is not None:
        return item.index if 0 <= item.index < rows.n and rows.in_view[item.index] else None
    field = item.lookup("label").get_value(item)
    if isinstance(field, Field) and field.field in rows.data:
        column = _as_array(rows.data[field.field], rows.n)
        found = [i for i in shown if str(column[i]).strip() == label]
        return int(found[0] if found else shown[0])
    return int(shown[0])


def _entry_look(reader: Reader, legend: Any, item: Any, drawn: list[Rows],
                label: str) -> tuple[str, float | None]:
    """The key BokehJS draws for one label, from the first of the item's renderers that
    draws one. A marker's key is 0.4 x the legend's glyph box across, whatever the glyph's
    own size (MarkerView._get_legend_args; a Circle's radius is 0.2 x the box)."""
    for rows in drawn:
        row = _key_row(item, rows, label)
        if row is None:
            continue
        size = None
        if isinstance(rows.glyph, (*_LINE_GLYPHS, Whisker)):
            colors = rows.paint("line")[0]
        elif isinstance(rows.glyph, Marker | Circle):
            colors = reader.point_paint(rows)[0]
            size = 0.4 * min(float(legend.glyph_width), float(legend.glyph_height))
        else:
            colors = reader.rect_paint(rows)[0]
        return colors[row], size
    return "", None


def _index_shown(item: Any, drawn: list[Rows]) -> bool:
    """BokehJS drops an item whose index points at a row no renderer's view shows."""
    if item.index is None:
        return True
    return any(0 <= item.index < rows.n and rows.in_view[item.index] for rows in drawn)


def read_legend(reader: Reader) -> list[sc.LegendEntry]:
    entries, index = [], -1
    for panel, (plot, _, _) in enumerate(reader.placed):
        for legend in _legends(plot):
            index += 1
            for item in legend.items:
                if not item.visible:
                    continue
                drawn = [reader.rows_of(r, panel) for r in item.renderers
                         if isinstance(r, GlyphRenderer)]
                if not _index_shown(item, drawn):
                    continue
                for label in _entry_labels(reader, item, drawn[0] if drawn else None):
                    color, size = _entry_look(reader, legend, item, drawn, label)
                    entries.append(sc.LegendEntry(label, color, size, index))
    return entries


def _label_at(reader: Reader) -> Callable[[int, bool, float], str]:
    def label_at(panel: int, vertical: bool, position: float) -> str:
        plot = reader.placed[panel][0]
        return reader.axis(plot, "default", "x" if vertical else "y").label_at(position)

    return label_at


def _bokeh_model(model: Any) -> Any:
    from bokeh.model import Model

    if isinstance(model, Model):
        return model
    from gallery.renderers.bokeh_models import figure_of

    return figure_of(model)


def _has_color_bar(placed: list) -> bool:
    from bokeh.models import ColorBar

    return any(isinstance(item, ColorBar) and item.visible
               for plot, _, _ in placed for item in plot.references())


# --- controls, tooltips and linked views ---------------------------------------------------


def _in_order(models: Iterable[Any]) -> list[Any]:
    """Models in the order they were made (bokeh ids count up: "p1002" before "p1010")."""
    def made(model: Any) -> tuple[int, str]:
        digits = re.sub(r"\D", "", str(model.id))
        return (int(digits) if digits else 0, str(model.id))

    return sorted(models, key=made)


def _tooltip_fields(references: list[Any]) -> tuple[str, ...]:
    """The columns hover tooltips name: "@name" or "@{any name}" in a tooltip's template
    (a "$x"-style special variable names no column)."""
    from bokeh.models import HoverTool

    fields: list[str] = []
    for tool in _in_order(r for r in references if isinstance(r, HoverTool)):
        tips = tool.tooltips
        texts = [tips] if isinstance(tips, str) else \
            [str(value) for _, value in tips] if isinstance(tips, list | tuple) else []
        for text in texts:
            for braced, plain in re.findall(r"@\{([^}]*)\}|@(\w+)", text):
                fields.append(braced or plain)
    return tuple(dict.fromkeys(fields))


def _step_label(value: float) -> str:
    """A slider's step as a reader sees it: whole numbers without a decimal point."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _control(model: Any) -> sc.Control | None:
    from bokeh.models import (
        BoxSelectTool,
        Button,
        CategoricalSlider,
        RadioButtonGroup,
        RadioGroup,
        Select,
        Slider,
        Toggle,
    )

    if isinstance(model, Select):
        options = model.options
        if isinstance(options, dict):  # grouped options: every group's, in order
            options = [o for group in options.values() for o in group]
        return sc.Control("select", tuple(str(o[1] if isinstance(o, tuple | list) else o)
                                          for o in options))
    if isinstance(model, RadioButtonGroup | RadioGroup):
        return sc.Control("select", tuple(str(label) for label in model.labels))
    if isinstance(model, CategoricalSlider):
        return sc.Control("slider", tuple(str(c) for c in model.categories))
    if isinstance(model, Slider):
        count = int(round((model.end - model.start) / model.step)) + 1 if model.step else 1
        return sc.Control("slider", tuple(_step_label(model.start + i * model.step)
                                          for i in range(max(count, 1))))
    if isinstance(model, Button | Toggle) and re.search(r"play|▶|►", str(model.label), re.I):
        return sc.Control("play")
    if isinstance(model, BoxSelectTool):
        return sc.Control("brush")
    return None


def _shares_selection(placed: Placed) -> bool:
    """Whether a selection made in one plot shows in another: their glyph renderers share
    a data source (a selection is the source's), or a CustomJS on one source's selection
    is handed another plot's source."""
    plots_of: dict[int, set[int]] = {}
    for index, (plot, _, _) in enumerate(placed):
        for renderer in plot.renderers:
            if isinstance(renderer, GlyphRenderer):
                plots_of.setdefault(id(renderer.data_source), set()).add(index)
    if any(len(plots) > 1 for plots in plots_of.values()):
        return True
    for plot, _, _ in placed:
        for renderer in plot.renderers:
            if not isinstance(renderer, GlyphRenderer):
                continue
            callbacks = renderer.data_source.selected.js_property_callbacks.get(
                "change:indices", [])
            handed = {id(v) for cb in callbacks for v in getattr(cb, "args", {}).values()}
            if handed & (set(plots_of) - {id(renderer.data_source)}):
                return True
    return False


def read_interaction(model: Any, placed: Placed) -> tuple[tuple[str, ...],
                                                         tuple[sc.Control, ...], bool]:
    """(the columns the tooltip names, the controls drawn with the chart, whether the
    plots share a selection)."""
    references = list(model.references())
    controls = [c for c in map(_control, _in_order(references)) if c is not None]
    brushes = [c for c in controls if c.kind == "brush"][:1]  # one per plot; one is enough
    controls = [c for c in controls if c.kind != "brush"] + brushes
    linked = len(placed) > 1 and _shares_selection(placed)
    return _tooltip_fields(references), tuple(controls), linked


def extract(model: Any) -> sc.Scene:
    """The Scene a bokeh figure or layout shows (HoloViews, hvPlot and Chartify objects are
    converted to their bokeh model first)."""
    model = _bokeh_model(model)
    placed, width, height = place(model)
    reader = Reader(placed)
    reader.read()
    panels = [read_panel(reader, plot, left, top) for plot, left, top in placed]
    for panel, annotation in reader.later:
        reader.read_later(panel, annotation, panels)
    marks = reader.marks
    tooltip, controls, linked = read_interaction(model, placed)
    return sc.Scene(
        panels=tuple(panels) or (sc.Panel(),),
        points=tuple(marks.points), rects=tuple(marks.rects), lines=tuple(marks.lines),
        areas=tuple(marks.areas), texts=tuple(marks.texts), wedges=tuple(marks.wedges),
        tiles=tuple(marks.tiles),
        boxes=tuple(assemble_boxes(reader.parts, _label_at(reader))),
        legend=tuple(read_legend(reader)), colorbar=_has_color_bar(placed),
        width=width, height=height,
        notes=tuple(dict.fromkeys(reader.notes)),
        tooltip=tooltip, controls=controls, linked=linked,
    )

