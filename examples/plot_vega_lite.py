"""Vega-Lite as raw JSON: every chart kind of the gallery as a plain Python dict.

Run: python examples/plot_vega_lite.py [OUT_DIR]  (needs pandas; vl-convert for the SVGs)
Each function takes a data frame and the names of the columns to use for each role, and
returns a Vega-Lite spec with the rows inlined; the Vega runtime aggregates, bins, fits
and draws in the browser.
"""

import json


def scatter(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        # A spec is JSON: pandas' JSON writer turns the frame into one record per row.
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": "point",
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal"},
        },
    }


def line(df, time, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": {"type": "line", "point": True},
        "encoding": {
            # "~r" prints years as 1952, not as the thousands-separated 1,952.
            "x": {"field": time, "type": "quantitative", "scale": {"zero": False},
                  "axis": {"format": "~r"}},
            "y": {"field": y, "aggregate": "mean", "type": "quantitative",
                  "title": f"mean {y}", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal"},
        },
    }


def bar(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "type": "nominal"},
            "xOffset": {"field": color, "type": "nominal"},  # side by side, not stacked
            "y": {"field": y, "aggregate": "mean", "type": "quantitative",
                  "title": f"mean {y}"},
            "color": {"field": color, "type": "nominal"},
        },
    }


def histogram(df, x, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "bin": {"maxbins": 20}, "type": "quantitative"},
            "y": {"aggregate": "count", "type": "quantitative", "title": "count"},
            "color": {"field": color, "type": "nominal"},  # a colour channel stacks
        },
    }


def box(df, x, y):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": {"type": "boxplot", "extent": 1.5},  # whiskers at 1.5 IQR, outliers beyond
        "encoding": {
            "x": {"field": x, "type": "nominal"},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": x, "type": "nominal", "legend": None},
        },
    }


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    # Long form, one record per cell: the shape Vega-Lite encodes.
    cells = corr.stack().rename_axis(["row", "column"]).reset_index(name="correlation")
    order = list(corr.columns)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(cells.to_json(orient="records"))},
        "width": {"step": 50},
        "height": {"step": 40},
        "encoding": {
            "x": {"field": "column", "type": "nominal", "sort": order, "title": None},
            "y": {"field": "row", "type": "nominal", "sort": order, "title": None},
        },
        "layer": [
            {"mark": "rect",
             "encoding": {"color": {"field": "correlation", "type": "quantitative",
                                    "scale": {"scheme": "redblue", "reverse": True,
                                              "domain": [-1, 1]}}}},
            {"mark": "text",
             "encoding": {"text": {"field": "correlation", "type": "quantitative",
                                   "format": ".2f"},
                          # white on the dark ends of the scale, black elsewhere
                          "color": {"condition": {"test": "abs(datum.correlation) > 0.5",
                                                  "value": "white"},
                                    "value": "black"}}},
        ],
    }


def facet(df, x, y, color, facet):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": "point",
        "width": 220,
        "height": 220,
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal"},
            "column": {"field": facet, "type": "nominal"},  # one panel per value
        },
    }


def regression(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal"},
        },
        "layer": [
            {"mark": {"type": "point", "opacity": 0.6}},
            # The runtime fits y ~ x by least squares, once per colour group.
            {"mark": "line",
             "transform": [{"regression": y, "on": x, "groupby": [color]}]},
        ],
    }


def bubble(df, x, y, size, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": json.loads(df.to_json(orient="records"))},
        "mark": {"type": "circle", "opacity": 0.5},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "size": {"field": size, "type": "quantitative", "scale": {"range": [10, 1000]}},
            "color": {"field": color, "type": "nominal"},
        },
    }


NOT_SUPPORTED = {
    "scatter3d": "Vega-Lite's grammar is two-dimensional: it has no 3D marks, axes or camera.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd
    import vl_convert as vlc

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/vega_lite")
    out.mkdir(parents=True, exist_ok=True)
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    charts = {
        "scatter": scatter(penguins, **xy),
        "line": line(gapminder, time="year", y="lifeExp", color="continent"),
        "bar": bar(penguins, x="species", y="body_mass_g", color="sex"),
        "histogram": histogram(penguins, x="flipper_length_mm", color="species"),
        "box": box(penguins, x="species", y="body_mass_g"),
        "heatmap": heatmap(penguins),
        "facet": facet(penguins, **xy, facet="island"),
        "regression": regression(penguins, **xy),
        "bubble": bubble(penguins, **{**xy, "y": "flipper_length_mm"}, size="body_mass_g"),
    }
    for kind, spec in charts.items():
        with open(out / f"{kind}.json", "w", encoding="utf-8") as file:
            json.dump(spec, file, indent=2)
        # vl-convert bundles the Vega runtime: the SVG is drawn offline.
        (out / f"{kind}.svg").write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
        print("wrote", out / f"{kind}.json", "and", out / f"{kind}.svg")
