"""Vega-Lite drawing a 2-D binned count: the bins are counted in numpy, not in the spec.

Run: python examples/bigdata/plot_vegalite_binned.py [OUT.svg]  (needs numpy, pandas and
vl-convert-python; bins 10,000,000 points and writes the chart as SVG)
Vega-Lite could bin and count in the spec (``"bin": true`` on x and y, ``"aggregate":
"count"``), but its runtime does that in the browser from the spec's inline rows: every
point would be written into the JSON (about 50 bytes a row, so 0.5 GB for ten million).
So numpy counts the 60 x 40 bins and the spec carries only the non-empty ones, marked
``"binned": true`` so Vega-Lite draws them as bins. (For Altair, the VegaFusion data
transformer does the same automatically: it runs the spec's transforms in Python.)
"""

import json

import numpy as np
import pandas as pd


def big_scatter(df, x, y):
    counts, x_edges, y_edges = np.histogram2d(df[x], df[y], bins=(60, 40))
    ix, iy = np.nonzero(counts)  # empty bins are left out of the spec
    bins = pd.DataFrame({
        x: x_edges[ix], f"{x}_end": x_edges[ix + 1],
        y: y_edges[iy], f"{y}_end": y_edges[iy + 1],
        "count": counts[ix, iy].astype(int),
    })
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(bins.to_json(orient="records"))},
        "mark": "rect",
        "width": 600,
        "height": 400,
        "encoding": {
            "x": {"field": x, "bin": {"binned": True}, "type": "quantitative", "title": x},
            "x2": {"field": f"{x}_end"},
            "y": {"field": y, "bin": {"binned": True}, "type": "quantitative", "title": y},
            "y2": {"field": f"{y}_end"},
            "color": {"field": "count", "type": "quantitative", "scale": {"type": "log"}},
        },
    }


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import vl_convert as vlc

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bigdata/vegalite_binned.svg")
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    n = 10_000_000
    df = pd.DataFrame({"x": rng.normal(size=n), "y": rng.normal(size=n)})
    out.write_text(vlc.vegalite_to_svg(big_scatter(df, "x", "y")), encoding="utf-8")
    print("wrote", out, f"({out.stat().st_size:,} bytes)")
