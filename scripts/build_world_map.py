"""Builds gallery/data/world-110m.geojson, the world map the choropleth draws (run once;
its output ships with the project, so nothing is fetched at run time).

From world-atlas 2.0.2 (ISC; Natural Earth's public-domain countries), simplified and turned
into GeoJSON by its own companions, topojson-simplify 3.0.3 and topojson-client 3.1.0:

    npm pack world-atlas@2.0.2 topojson-client@3.1.0 topojson-simplify@3.0.3  # untar each
    node -e 'const c=require("topojson-client"), s=require("topojson-simplify"),
      fs=require("fs"), read=(r)=>JSON.parse(fs.readFileSync(`countries-${r}.json`));
      const o=s.simplify(s.presimplify(read("110m")), 0.2), f=read("50m");
      fs.writeFileSync("110m.geojson", JSON.stringify(c.feature(o, o.objects.countries)));
      fs.writeFileSync("50m.geojson", JSON.stringify(c.feature(f, f.objects.countries)))'
    python scripts/build_world_map.py 110m.geojson 50m.geojson

Simplified (a triangle of under 0.2 square degrees, about a pixel of a map 600 px wide, is
dropped; shared borders stay shared), the map is 106 KB: every Plotly, Bokeh and Vega card
inlines it, and a page of six stays under 1 MB. The 1:110m map leaves out countries too
small for it; the six of them that gapminder has (Bahrain, Comoros, Hong Kong, Mauritius,
Sao Tome and Principe, Singapore) are taken from the 1:50m map, unsimplified. Ids become
ISO 3166-1 numeric codes as integers (gapminder's ``iso_num``); coordinates are rounded to
0.01 degree; rings left with under three distinct points are dropped, and a ring across
the antimeridian and back is kept in one piece (see _unwrapped)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SMALL = {48, 174, 344, 480, 678, 702}  # in gapminder, on the 1:50m map only
OUT = Path(__file__).resolve().parent.parent / "gallery" / "data" / "world-110m.geojson"


def _rounded(coordinates):
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], 2), round(coordinates[1], 2)]
    return [_rounded(part) for part in coordinates]


def _unwrapped(ring: list) -> list:
    """A ring that crosses the antimeridian and back (Fiji, Russia's Chukotka) in one piece
    on a flat map, where it would otherwise streak across the world: its western vertices
    moved east by 360 degrees (spherical projections read them the same). A ring around
    the pole (Antarctica) crosses once and is left as it is."""
    jumps = sum(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:], strict=False))
    if jumps == 0 or jumps % 2:
        return ring
    return [[lon + 360 if lon < 0 else lon, lat] for lon, lat in ring]


def _feature(feature: dict) -> dict:
    code = feature.get("id")
    geometry = feature["geometry"]
    polygons = geometry["coordinates"]
    polygons = [polygons] if geometry["type"] == "Polygon" else polygons
    polygons = [[_unwrapped(ring) for ring in polygon if len({tuple(p) for p in ring}) >= 3]
                for polygon in _rounded(polygons)]
    polygons = [polygon for polygon in polygons if polygon]
    return {"type": "Feature", "id": int(code) if code is not None else None,
            "properties": {"name": feature["properties"]["name"]},
            "geometry": {"type": geometry["type"], "coordinates": (
                polygons[0] if geometry["type"] == "Polygon" else polygons)}}


def main(coarse: str, fine: str) -> None:
    features = json.loads(Path(coarse).read_text())["features"]
    features += [f for f in json.loads(Path(fine).read_text())["features"]
                 if f.get("id") is not None and int(f["id"]) in SMALL]
    world = {"type": "FeatureCollection",
             "features": sorted((_feature(f) for f in features),
                                key=lambda f: f["properties"]["name"])}
    OUT.write_text(json.dumps(world, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT}: {len(world['features'])} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
