"""The world map a choropleth draws: Natural Earth's countries at 1:110m (public domain,
via world-atlas; see scripts/build_world_map.py), shipped in ``gallery/data`` next to the
CSVs, so neither the gallery nor a library fetches outlines at run time. Each country's id
is its ISO 3166-1 numeric code, an integer (gapminder's ``iso_num``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"  # (gallery.datasets' too, which reads roles)
WORLD_FILE = "world-110m.geojson"
# How the shown code reads it: from the folder it runs in, as it reads the CSV.
WORLD_READ_CODE = (f'with open("{WORLD_FILE}", encoding="utf-8") as file:  # the world map, '
                   "shipped with the CSV\n    world = json.load(file)")


@cache
def _text() -> str:
    return (DATA_DIR / WORLD_FILE).read_text(encoding="utf-8")


def read_world() -> dict:
    """A fresh copy of the map (a GeoJSON FeatureCollection): a chart may change it."""
    return json.loads(_text())


@cache
def world_ids() -> frozenset[int]:
    """The ISO 3166-1 numeric codes the map has a country for."""
    return frozenset(f["id"] for f in read_world()["features"] if f["id"] is not None)
