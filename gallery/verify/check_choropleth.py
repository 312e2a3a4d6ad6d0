"""The choropleth's check: the filled shapes a map drew, read by their colours (any
projection, any frame): each country of the data needs a shape of its own in the viridis
colour of its mean, no shape may stand for a value no country has, and the rest of the map
is drawn in the no-data grey. Where the shapes come back in longitude and latitude (a flat
map), each is also known by its vertices, which are the map's own: its colour must be its
own country's."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pandas as pd

from gallery import kinds as spec
from gallery.palette import sequential_position
from gallery.verify.checks import (
    Context,
    Problem,
    _same,
    _shown,
    colorbar_problems,
    size_problems,
)
from gallery.verify.scene import Area, Scene
from gallery.world import read_world, world_ids

PLACE = 0.03  # a country's colour may lie this far along viridis (0..1) from its value's
OFF_SCALE = 40.0  # RGB distance beyond which a colour is not on viridis
WHOLE = 0.8  # at least this share of the map's countries without data are drawn in grey
KNOWN = 0.5  # a shape is its country's when this share of its vertices are that country's


def choropleth_values(data: pd.DataFrame, roles: dict[str, str]) -> pd.Series:
    """{ISO numeric code: the mean of value at the latest time}, for the countries of the
    data that the map has."""
    latest = data[data[roles["time"]] == data[roles["time"]].max()]
    means = latest[roles["value"]].astype(float).groupby(
        latest[roles["geo"]].astype(float).round().astype(int)).mean()
    return means[means.index.isin(world_ids())]


def _names(codes: list[int]) -> list[str]:
    names = {f["id"]: f["properties"]["name"] for f in read_world()["features"]}
    return [names.get(code, str(code)) for code in codes]


def _unmatched(want: pd.Series, drawn: list[float]) -> tuple[list[int], list[float]]:
    """(the countries with no shape of their own in their colour, the drawn places no
    country's value has): sorted along the scale, each country takes the first free shape
    within PLACE of its place (a country drawn in several parts leaves parts over, which
    match a country's place and are not strays)."""
    low, high = float(want.min()), float(want.max())
    places = ((want - low) / (high - low)) if high > low else want * 0.0
    order = places.sort_values()
    drawn = sorted(drawn)
    missing, j = [], 0
    for code, place in order.items():
        while j < len(drawn) and place - drawn[j] > PLACE and high > low:
            j += 1
        if j < len(drawn) and (abs(drawn[j] - place) <= PLACE or high == low):
            j += 1
        else:
            missing.append(int(code))
    strays = [] if high == low else [
        d for d in drawn if not ((places - d).abs() <= PLACE).any()]
    return missing, [low + d * (high - low) for d in strays]


@cache
def _vertex_owners() -> dict[tuple[float, float], frozenset[int]]:
    """Each vertex of the map (to 0.01 degree) -> the countries whose outline has it (two
    along a border)."""
    owners: dict[tuple[float, float], set[int]] = {}
    for feature in read_world()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        polygons = [polygons] if geometry["type"] == "Polygon" else polygons
        for ring in (ring for polygon in polygons for ring in polygon):
            for lon, lat in ring:
                owners.setdefault((round(lon, 2), round(lat, 2)), set()).add(feature["id"])
    return {vertex: frozenset(ids) for vertex, ids in owners.items()}


def _country_of(area: Area) -> int | None:
    """The country whose outline most of a shape's vertices lie on, in longitude and
    latitude; None for a shape in another frame (projected, in pixels)."""
    owners, votes = _vertex_owners(), Counter()
    points = [(x, y) for x, y in zip(area.xs, area.ys, strict=False)
              if isinstance(x, int | float) and isinstance(y, int | float) and x == x]
    for x, y in points:
        votes.update(owners.get((round(x, 2), round(y, 2)), ()))
    if not votes:
        return None
    (code, count), *rest = votes.most_common(2)
    if rest and rest[0][1] == count:  # an enclave, or a hole: two countries' outline
        return None
    return code if count >= KNOWN * len(points) else None


def _misplaced(shapes: list[Area], want: pd.Series) -> list[Problem]:
    """On a flat map, each shape known by its vertices is in its own country's colour:
    the viridis place of its mean, or the no-data grey."""
    low, high = float(want.min()), float(want.max())
    wrong, coloured = set(), set()
    for shape in shapes:
        code = _country_of(shape)
        if code is None:
            continue
        grey = _same(shape.color, spec.NO_DATA_GREY)
        if code not in want.index:
            if not grey:
                coloured.add(code)
        elif high > low and (grey or abs(sequential_position(shape.color)[0] - (
                want[code] - low) / (high - low)) > PLACE):
            wrong.add(code)
    problems = []
    if wrong:
        problems.append(Problem("statistic", f"{len(wrong)} countries are not in the colour "
                                f"of their own mean: {_shown(_names(sorted(wrong)))}"))
    if coloured:
        problems.append(Problem("map", f"{len(coloured)} countries without data are "
                                f"coloured: {_shown(_names(sorted(coloured)))}"))
    return problems


def check_choropleth(scene: Scene, ctx: Context) -> list[Problem]:
    want = choropleth_values(ctx.data, ctx.roles)
    shapes = [a for a in scene.areas if a.alpha > 0.05]
    if not shapes:
        return [Problem("statistic", "no country is drawn")] + size_problems(scene, ctx)
    grey = [a for a in shapes if _same(a.color, spec.NO_DATA_GREY)]
    places, off = [], set()
    for shape in (a for a in shapes if not _same(a.color, spec.NO_DATA_GREY)):
        place, gap = sequential_position(shape.color)
        (off.add(shape.color) if gap > OFF_SCALE else places.append(place))
    problems = []
    if off:
        problems.append(Problem("scale", f"countries drawn in {_shown(sorted(off))}, which "
                                "are neither on viridis nor the no-data grey"))
    missing, strays = _unmatched(want, places)
    value = ctx.roles["value"]
    if missing:
        problems.append(Problem("statistic", f"{len(missing)} of the {len(want)} countries "
                                f"have no shape in the colour of their mean {value}: "
                                f"{_shown(_names(missing))}"))
    if strays:
        problems.append(Problem("statistic", f"{len(strays)} shapes are coloured for a "
                                f"{value} no country has at the latest time (such as "
                                f"{_shown(f'{v:.3g}' for v in strays[:3])})"))
    problems += _misplaced(shapes, want)
    problems += colorbar_problems(scene, "the values")
    others = len(read_world()["features"]) - len(want)
    if len(grey) < WHOLE * others:
        problems.append(Problem("map", f"{len(grey)} countries drawn in the no-data grey; "
                                f"the map has {others} countries without data"))
    return problems + size_problems(scene, ctx)
