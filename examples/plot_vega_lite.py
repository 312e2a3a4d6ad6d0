"""Vega-Lite as raw JSON: every chart kind of the gallery as a plain Python dict.

Run: python examples/plot_vega_lite.py [OUT_DIR]  (needs pandas, squarify; vl-convert for the SVGs)
Each function takes a data frame and the names of the columns to use for each role, and
returns a Vega-Lite spec with the rows inlined; the Vega runtime aggregates, bins, fits
and draws it. Specs are written as JSON and drawn to SVG offline by vl-convert.
"""

import json

import pandas as pd
import squarify

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = {"width": 480, "height": 340}  # the plot area; with axes and legend about 600 x 400
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data


def records(df):
    # A spec is JSON: one record per row. pandas' JSON writer keeps 10 significant digits
    # unless told otherwise, which moves large values; 15 keeps every float as it is.
    return json.loads(df.to_json(orient="records", double_precision=15))


def scatter(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "circle", "opacity": 0.8},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def line(df, time, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "line", "point": True},
        "encoding": {
            # "~r" prints years as 1952, not as the thousands-separated 1,952.
            "x": {"field": time, "type": "quantitative", "scale": {"zero": False},
                  "axis": {"format": "~r"}},
            "y": {"field": y, "aggregate": "mean", "type": "quantitative",
                  "title": f"mean {y}", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def bar(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "type": "nominal"},
            "xOffset": {"field": color, "type": "nominal"},  # side by side, not stacked
            "y": {"field": y, "aggregate": "mean", "type": "quantitative",
                  "title": f"mean {y}"},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def histogram(df, x, color):
    # 20 equal bins from the smallest to the largest value; nice=False keeps those edges.
    low, high = float(df[x].min()), float(df[x].max())  # JSON numbers, not numpy scalars
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "type": "quantitative",
                  "bin": {"extent": [low, high], "step": (high - low) / 20, "nice": False}},
            "y": {"aggregate": "count", "type": "quantitative", "title": "count"},
            # a colour channel stacks the bars
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def box(df, x, y):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "boxplot", "extent": 1.5},  # Tukey whiskers at 1.5 IQR, outliers beyond
        "encoding": {
            "x": {"field": x, "type": "nominal"},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": x, "type": "nominal", "scale": {"range": PALETTE},
                      "legend": None},
        },
        **SIZE,
    }


def heatmap(df):
    corr = df.corr()
    # Long form, one record per cell: the shape Vega-Lite encodes.
    cells = corr.stack().rename_axis(["row", "column"]).reset_index(name="correlation")
    order = list(corr.columns)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(cells)},
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
        **SIZE,
    }


def facet(df, x, y, color, facet):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "circle", "opacity": 0.8},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            # one panel per value, two to a row; the panels share their scales
            "facet": {"field": facet, "type": "nominal", "columns": 2},
        },
        "width": 180,  # each panel
        "height": 180,
    }


def regression(df, x, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        "layer": [
            {"mark": {"type": "circle", "opacity": 0.6}},
            # The runtime fits y ~ x by least squares, once per colour group, over its x range.
            {"mark": "line",
             "transform": [{"regression": y, "on": x, "groupby": [color]}]},
        ],
        **SIZE,
    }


def bubble(df, x, y, size, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "circle", "opacity": 0.6},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            # Area from zero: a value twice as large gets twice the area; the largest is
            # 40 px across (Vega-Lite's size is an area in square pixels)
            "size": {"field": size, "type": "quantitative",
                     "scale": {"zero": True, "range": [0, 3.1416 * 20**2]}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def tooltip(df, x, y, color, label):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "circle", "opacity": 0.8},
        "encoding": {
            "x": {"field": x, "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            # vega-embed's tooltip handler lists these fields, titled by their names
            "tooltip": [{"field": color}, {"field": label}, {"field": x}, {"field": y}],
        },
        **SIZE,
    }


def linked(df, x, y, x2, y2, color):
    # An interval selection on the first view; both views grey out the rows outside it.
    highlight = {"condition": {"param": "brush", "field": color, "type": "nominal",
                               "scale": {"range": PALETTE}},
                 "value": "lightgray"}

    def view(a, b, params=()):
        return {
            "params": list(params),
            "mark": {"type": "circle", "opacity": 0.8},
            "encoding": {
                "x": {"field": a, "type": "quantitative", "scale": {"zero": False}},
                "y": {"field": b, "type": "quantitative", "scale": {"zero": False}},
                "color": highlight,
            },
            "width": 400, "height": 400,
        }

    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "hconcat": [view(x, y, [{"name": "brush", "select": "interval"}]), view(x2, y2)],
    }


def widget(df, x, y, color):
    names = sorted(df[color].unique())
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # A dropdown under the chart picks one category; the filter keeps its rows only.
        "params": [{"name": "pick", "select": {"type": "point", "fields": [color]},
                    "value": [{color: names[0]}],
                    "bind": {"input": "select", "options": names, "name": f"{color} "}}],
        "transform": [{"filter": {"param": "pick"}}],
        "mark": {"type": "circle", "opacity": 0.8},
        "encoding": {
            # Domains from the whole data: the axes and colours stay put between choices.
            "x": {"field": x, "type": "quantitative",
                  "scale": {"domain": [float(df[x].min()), float(df[x].max())]}},
            "y": {"field": y, "type": "quantitative",
                  "scale": {"domain": [float(df[y].min()), float(df[y].max())]}},
            "color": {"field": color, "type": "nominal",
                      "scale": {"domain": names, "range": PALETTE}},
        },
        **SIZE,
    }


def splom(df, color):
    measures = list(df.select_dtypes("number").columns)  # in the data's order
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # One copy of the spec per (row, column) pair of measures: the documented scatter
        # matrix. Its diagonal plots each measure against itself, a line of points.
        "repeat": {"row": measures, "column": measures},
        "spacing": 8,
        "spec": {
            "mark": {"type": "circle", "opacity": 0.6, "size": 12},
            "encoding": {
                "x": {"field": {"repeat": "column"}, "type": "quantitative",
                      "scale": {"zero": False}},
                "y": {"field": {"repeat": "row"}, "type": "quantitative",
                      "scale": {"zero": False}},
                # above the grid, where it takes no width from the panels
                "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE},
                          "legend": {"orient": "top"}},
            },
            "width": 110,  # each panel: with axes and the legend about 600 x 600
            "height": 110,
        },
        # One format for every measure's axis: short labels (1G, not 1,000,000,000) keep the
        # columns narrow; years stay 1960, not 1,960.
        "config": {"axis": {"labelExpr": "abs(datum.value) >= 1e5 ? format(datum.value, '~s')"
                                         " : format(datum.value, '~r')"}},
    }


def parallel(df, color):
    measures = list(df.select_dtypes("number").columns)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # Vega-Lite has one y scale per view, so its documented parallel coordinates fold
        # the measures into key/value rows and scale each key's values 0-1 by hand.
        "transform": [
            {"window": [{"op": "count", "as": "index"}]},  # a row's id, kept through the fold
            {"fold": measures},
            {"joinaggregate": [{"op": "min", "field": "value", "as": "min"},
                               {"op": "max", "field": "value", "as": "max"}],
             "groupby": ["key"]},
            {"calculate": "(datum.value - datum.min) / (datum.max - datum.min)",
             "as": "norm_val"},
        ],
        "mark": {"type": "line", "opacity": 0.4, "strokeWidth": 1},
        "encoding": {
            # the measures left to right in the data's order, not sorted by name
            "x": {"field": "key", "type": "nominal", "sort": measures, "title": None,
                  "axis": {"labelAngle": 0}},
            "y": {"field": "norm_val", "type": "quantitative", "title": "scaled 0-1"},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            "detail": {"field": "index", "type": "nominal"},  # one line per row
        },
        **SIZE,
    }


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)  # one spoke each, in the data's order
    n = len(measures)
    # Vega-Lite's theta/radius channels draw arcs only, so its radar is the usual workaround:
    # the spec puts each vertex at x = r sin(t), y = r cos(t) (t clockwise from 12 o'clock)
    # on hidden x/y scales with equal units per pixel, so that circles stay round.
    reach = 1.25  # the outer ring is radius 1; the spokes' names sit just past it
    width, height = 490, 390  # no axes: the plot area takes their room, about 600 x 400
    x = {"field": "x", "type": "quantitative", "axis": None,
         "scale": {"domain": [-reach * width / height, reach * width / height]}}
    y = {"field": "y", "type": "quantitative", "axis": None, "scale": {"domain": [-reach, reach]}}
    at_angle = [  # radius r at a turn (clockwise from 12 o'clock: 0 to 1) -> x, y
        {"calculate": "datum.r * sin(2 * PI * datum.turn)", "as": "x"},
        {"calculate": "datum.r * cos(2 * PI * datum.turn)", "as": "y"},
    ]
    spoke_turn = {"calculate": f"datum.spoke / {n}", "as": "turn"}  # the k-th spoke's turn
    spokes = {"sequence": {"start": 0, "stop": n, "as": "spoke"}}
    profiles = {
        "transform": [
            # each measure scaled 0-1 between its smallest and largest value over all rows,
            # then averaged per category: the vertex on that measure's spoke
            {"fold": measures},
            {"joinaggregate": [{"op": "min", "field": "value", "as": "min"},
                               {"op": "max", "field": "value", "as": "max"}],
             "groupby": ["key"]},
            {"calculate": "(datum.value - datum.min) / (datum.max - datum.min)",
             "as": "scaled"},
            {"aggregate": [{"op": "mean", "field": "scaled", "as": "r"}],
             "groupby": [color, "key"]},
            {"calculate": f"indexof({json.dumps(measures)}, datum.key)", "as": "spoke"},
            spoke_turn, *at_angle,
            # the first vertex once more at the end closes the outline
            {"calculate": f"datum.spoke == 0 ? [0, {n}] : [datum.spoke]", "as": "vertex"},
            {"flatten": ["vertex"]},
        ],
        # a line mark with a fill: each closed outline filled at opacity 0.25
        "mark": {"type": "line", "strokeWidth": 2, "fillOpacity": 0.25},
        "encoding": {
            "x": x, "y": y,
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            "fill": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            "order": {"field": "vertex", "type": "quantitative"},  # vertices in spoke order
        },
    }
    rings = {  # circles at half and full radius, 72 segments each
        "data": {"sequence": {"start": 0, "stop": 73, "as": "step"}},
        "transform": [{"calculate": "[0.5, 1]", "as": "r"}, {"flatten": ["r"]},
                      {"calculate": "datum.step / 72", "as": "turn"}, *at_angle],
        "mark": {"type": "line", "color": "#dddddd", "strokeWidth": 1},
        "encoding": {"x": x, "y": y, "detail": {"field": "r", "type": "quantitative"},
                     "order": {"field": "step", "type": "quantitative"}},
    }
    lines = {  # a spoke from the centre to the outer ring
        "data": spokes,
        "transform": [{"calculate": "1", "as": "r"}, spoke_turn, *at_angle],
        "mark": {"type": "rule", "color": "#bbbbbb"},
        "encoding": {"x": x, "y": y, "x2": {"datum": 0}, "y2": {"datum": 0}},
    }
    names = {  # each spoke's measure just past its end, set off away from the centre
        "data": spokes,
        "transform": [{"calculate": "1.05", "as": "r"}, spoke_turn, *at_angle,
                      {"calculate": f"{json.dumps(measures)}[datum.spoke]", "as": "measure"}],
        "mark": {"type": "text", "color": "#333333",
                 "align": {"expr": "abs(datum.x) < 1e-6 ? 'center' : "
                                   "datum.x > 0 ? 'left' : 'right'"},
                 "baseline": {"expr": "abs(datum.y) < 1e-6 ? 'middle' : "
                                      "datum.y > 0 ? 'bottom' : 'top'"}},
        "encoding": {"x": x, "y": y, "text": {"field": "measure"}},
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "layer": [rings, lines, profiles, names],
        "width": width, "height": height,
        "config": {"view": {"stroke": None}},
    }


def violin(df, x, y):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # One Gaussian KDE per category (no bandwidth given: Vega's normal reference rule),
        # sampled over that category's own min..max.
        "transform": [{"density": y, "groupby": [x], "as": [y, "density"]}],
        # Vega-Lite has no violin mark: its documented violin is a horizontal area whose
        # density is stacked "center" (mirrored), one facet column per category.
        "mark": {"type": "area", "orient": "horizontal", "opacity": 0.8},
        "encoding": {
            "y": {"field": y, "type": "quantitative", "scale": {"zero": False}},
            "x": {"field": "density", "type": "quantitative", "stack": "center",
                  "impute": None, "title": None,
                  "axis": {"labels": False, "values": [0], "grid": False, "ticks": False}},
            "color": {"field": x, "type": "nominal", "scale": {"range": PALETTE},
                      "legend": None},  # the column headers name the categories
            "column": {"field": x, "type": "nominal", "spacing": 0, "sort": "ascending",
                       "header": {"titleOrient": "bottom", "labelOrient": "bottom",
                                  "labelPadding": 0}},
        },
        # A facet's width is per column: share the plot width among the categories.
        "width": 480 // df[x].nunique(), "height": 340,
        "config": {"view": {"stroke": None}},
    }


def area(df, time, y, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": {"type": "area", "opacity": 0.85},
        "encoding": {
            "x": {"field": time, "type": "quantitative", "scale": {"zero": False, "nice": False},
                  "axis": {"format": "~r"}},  # 1952, not 1,952
            # Vega-Lite stacks an aggregated area on its colour channel by itself.
            "y": {"field": y, "aggregate": "sum", "type": "quantitative", "stack": "zero",
                  "title": f"sum of {y}", "axis": {"format": "~s"}},  # 6G, not 6,000,000,000
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            # The first category in sorted order at the bottom of the stack.
            "order": {"field": color, "type": "nominal", "sort": "ascending"},
        },
        **SIZE,
    }


def pie(df, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # An arc's angle is its share of the count; Vega draws the first wedge from 12
        # o'clock, clockwise, in the order channel's order.
        "encoding": {
            "theta": {"aggregate": "count", "type": "quantitative", "stack": True},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            "order": {"field": color, "type": "nominal", "sort": "ascending"},
        },
        "layer": [
            {"mark": {"type": "arc", "outerRadius": 150, "stroke": "white"}},
            # A count on each wedge, halfway out along its middle.
            {"mark": {"type": "text", "radius": 110, "fill": "white", "fontWeight": "bold"},
             "encoding": {"text": {"aggregate": "count", "type": "quantitative"}}},
        ],
        "title": f"rows per {color}",
        **SIZE,
    }


def density(df, x, color):
    # Reach past the data so the tails of the outer curves are not cut at its ends.
    low, high = float(df[x].min()), float(df[x].max())
    reach = (high - low) / 4
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # The runtime estimates one Gaussian KDE per group; with no bandwidth given, Vega
        # picks it by the normal reference (Scott's) rule. Densities, not counts: area 1.
        "transform": [{"density": x, "groupby": [color], "extent": [low - reach, high + reach]}],
        "mark": {"type": "area", "line": True, "fillOpacity": 0.15},
        "encoding": {
            "x": {"field": "value", "type": "quantitative", "title": x,
                  "scale": {"nice": False}},  # ends at the extent, no crowded end labels
            "y": {"field": "density", "type": "quantitative", "stack": None},  # overlaid
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
        },
        **SIZE,
    }


def ridgeline(df, x, color):
    overlap = 1  # a ridge may rise one row above its own
    # a row's height: the rows, and about half a row that the top ridge rises into, fill
    # the plot area
    step = round(340 / (df[color].nunique() + overlap / 2))
    low, high = float(df[x].min()), float(df[x].max())
    reach = (high - low) / 6  # past the data, so that tails are not cut at its ends
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # One Gaussian KDE per category; with no bandwidth given, Vega picks it by the
        # normal reference (Scott's) rule. Densities, not counts: every ridge has area 1.
        "transform": [{"density": x, "groupby": [color], "extent": [low - reach, high + reach]}],
        # Vega-Lite's documented ridgeline: an area per facet row, whose y scale's range
        # runs past the top of its row, so a ridge may overlap the row above.
        "mark": {"type": "area", "fillOpacity": 0.8, "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            "x": {"field": "value", "type": "quantitative", "title": x,
                  "scale": {"nice": False}},
            "y": {"field": "density", "type": "quantitative", "axis": None,
                  "scale": {"range": [step, -step * overlap]}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE},
                      "legend": None},  # the row headers name the ridges
            # The first category in sorted order in the top row; each row's label left of
            # it, level, at the start (bottom) of the row: on its ridge's baseline.
            "row": {"field": color, "type": "nominal", "sort": "ascending", "title": None,
                    "header": {"labelAngle": 0, "labelAnchor": "start",
                               "labelBaseline": "bottom"}},
        },
        # Rows one step apart, laid out by their own height ("flush"), not pushed apart by
        # the ridges that rise out of them.
        "spacing": 0, "bounds": "flush",
        # One y scale for every row (a facet's default, said here): heights compare.
        "resolve": {"scale": {"y": "shared"}},
        "width": 480, "height": step,
        "config": {"view": {"stroke": None}, "axis": {"grid": False}},
    }


def hexbin(df, x, y):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # Vega-Lite has no hexagon mark. The workaround is its documented "2D histogram
        # heatmap": rects, x and y binned (up to 25 nice bins each), coloured by the rows in
        # each cell. Empty cells have no rows to aggregate, so they are not drawn.
        "mark": "rect",
        "encoding": {
            "x": {"field": x, "type": "quantitative", "bin": {"maxbins": 25}},
            "y": {"field": y, "type": "quantitative", "bin": {"maxbins": 25}},
            # A continuous colour gets a gradient legend: the colour bar. The domain runs
            # from the fewest rows in a cell (dark purple) to the most (yellow).
            "color": {"aggregate": "count", "type": "quantitative", "title": "count",
                      "scale": {"scheme": "viridis"}},
        },
        **SIZE,
    }


def lollipop(df, x, y, time):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "transform": [
            # Keep the latest time's rows, average y per category, keep the 15 highest.
            {"joinaggregate": [{"op": "max", "field": time, "as": "latest"}]},
            {"filter": f"datum['{time}'] == datum.latest"},
            {"aggregate": [{"op": "mean", "field": y, "as": "mean"}], "groupby": [x]},
            {"window": [{"op": "row_number", "as": "rank"}],
             "sort": [{"field": "mean", "order": "descending"}]},
            {"filter": "datum.rank <= 15"},
        ],
        "encoding": {
            "x": {"field": x, "type": "nominal", "sort": "-y",  # highest first
                  "axis": {"labelAngle": -60}},
            "y": {"field": "mean", "type": "quantitative",
                  "title": f"mean {y} in {time} {df[time].max()}"},
            "color": {"value": PALETTE[0]},
        },
        # a stem from 0 (a rule's y defaults to the axis' zero) and a dot on its end
        "layer": [{"mark": {"type": "rule", "strokeWidth": 2}},
                  {"mark": {"type": "point", "filled": True, "opacity": 1, "size": 80}}],
        **SIZE,
    }


def stacked100(df, x, color):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "type": "nominal", "axis": {"labelAngle": 0}},
            # "normalize" scales each stack to 1: the share of each colour within x.
            "y": {"aggregate": "count", "type": "quantitative", "stack": "normalize",
                  "title": f"share of {color}", "axis": {"format": "%"}},
            "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
            # The first category in sorted order at the bottom.
            "order": {"field": color, "type": "nominal", "sort": "ascending"},
        },
        **SIZE,
    }


def treemap(df, color, label, size, time):
    # Vega-Lite has no treemap: Vega's treemap transform never came to Vega-Lite (vega-lite
    # issue #1872), so this is a workaround. squarify (pinned) lays the tiles out in Python,
    # nested (each category's block first, then its labels' tiles inside that block), and
    # the spec draws them as rects on hidden x/y scales of a 150 x 100 frame.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    width, height = 150, 100  # the plot's 3:2, so that square tiles look square
    places = squarify.squarify(squarify.normalize_sizes(blocks, width, height), 0, 0, width, height)
    rows = []
    for name, block in zip(blocks.index, places, strict=True):
        tiles = sums[name].sort_values(ascending=False)
        spots = squarify.squarify(squarify.normalize_sizes(tiles, block["dx"], block["dy"]),
                                  block["x"], block["y"], block["dx"], block["dy"])
        rows += [{color: name, label: tile, size: value, "x": r["x"], "x2": r["x"] + r["dx"],
                  "y": r["y"], "y2": r["y"] + r["dy"]}
                 for (tile, value), r in zip(tiles.items(), spots, strict=True)]
    # y runs down (reversed) so that the largest block is at the top left.
    x = {"field": "x", "type": "quantitative", "axis": None, "scale": {"domain": [0, width]}}
    y = {"field": "y", "type": "quantitative", "axis": None,
         "scale": {"domain": [0, height], "reverse": True}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(pd.DataFrame(rows))},
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 0.5},
             "encoding": {
                 "x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"},
                 "color": {"field": color, "type": "nominal", "scale": {"range": PALETTE}},
                 "tooltip": [{"field": color}, {"field": label},
                             {"field": size, "type": "quantitative", "format": ","}],
             }},
            # The name of each tile of at least 2 % of the whole, at its centre.
            {"transform": [{"filter": {"field": size, "gte": 0.02 * float(sums.sum())}},
                           {"calculate": "(datum.x + datum.x2) / 2", "as": "middle_x"},
                           {"calculate": "(datum.y + datum.y2) / 2", "as": "middle_y"}],
             "mark": {"type": "text", "color": "white", "fontSize": 9},
             "encoding": {"x": {**x, "field": "middle_x"}, "y": {**y, "field": "middle_y"},
                          "text": {"field": label}}},
        ],
        "title": f"sum of {size} in {time} {df[time].max()}",
        "width": 510, "height": 340,  # 3:2, as the frame
        "config": {"view": {"stroke": None}},
    }


def choropleth(df, world, geo, value, time):
    year = df[time].max()
    latest = df[df[time] == year]
    # The mean per country, keyed by its ISO numeric code, as the map's features are.
    means = latest.groupby(latest[geo].astype(int))[value].mean().reset_index()
    outline = {"stroke": "white", "strokeWidth": 0.5}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": f"mean {value} in {year}",
        # the map inline (nothing is fetched), once: both layers draw from it
        "data": {"values": world["features"]},
        "projection": {"type": "equalEarth"},  # one projection for both layers
        "layer": [
            # every country in grey, and over it those with data in their colour
            {"mark": {"type": "geoshape", "fill": NO_DATA_GREY, **outline}},
            {"transform": [
                 # each feature's id looked up in the means' geo column: a one-sided join
                 {"lookup": "id", "from": {"data": {"values": records(means)}, "key": geo,
                                           "fields": [value]}},
                 {"filter": {"field": value, "valid": True}},  # the countries with a mean
             ],
             "mark": {"type": "geoshape", **outline},
             # a continuous colour gets a gradient legend: the colour bar
             "encoding": {"color": {"field": value, "type": "quantitative",
                                    "title": f"mean {value}", "scale": {"scheme": "viridis"}}}},
        ],
        **SIZE,  # the world is about 2:1, so its width fills the plot area's
    }


def animation(df, x, y, size, color, time):
    times = sorted(int(t) for t in df[time].unique())  # evenly spaced: 1952, 1957, ...
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": records(df)},
        # A slider under the chart picks the year; the filter draws that year's rows.
        "params": [{"name": "frame", "value": times[0],
                    "bind": {"input": "range", "min": times[0], "max": times[-1],
                             "step": times[1] - times[0], "name": f"{time} "}}],
        "transform": [{"filter": f"datum['{time}'] == frame"}],
        "mark": {"type": "circle", "opacity": 0.6},
        "encoding": {
            # Every scale is fixed to the whole data, so frames compare.
            "x": {"field": x, "type": "quantitative",
                  "scale": {"type": "log", "domain": [float(df[x].min()), float(df[x].max())]}},
            "y": {"field": y, "type": "quantitative",
                  "scale": {"domain": [float(df[y].min()), float(df[y].max())]}},
            # Area from zero: the largest value of any year is 40 px across. A short size
            # legend: five sizes run past the bottom of a card-sized chart.
            "size": {"field": size, "type": "quantitative",
                     "scale": {"domain": [0, float(df[size].max())],
                               "range": [0, 3.1416 * 20**2]},
                     "legend": {"tickCount": 3}},
            "color": {"field": color, "type": "nominal",
                      "scale": {"domain": sorted(df[color].unique()), "range": PALETTE}},
        },
        **SIZE,
    }


NOT_SUPPORTED = {
    "scatter3d": "Vega-Lite's grammar is two-dimensional: it has no 3D marks, axes or camera.",
    "sankey": "Vega-Lite has no Sankey mark or transform, and neither has Vega (its flow "
    "examples take a layout computed outside, by d3-sankey); nodes and links placed by hand "
    "in pandas would be a Sankey written in Python, not in Vega-Lite.",
}
SPEC_NOT_MET = {
    "animation": {
        "controls": "Vega-Lite binds a parameter to a slider but has no play button; its "
        "experimental timer animation (a \"time\" encoding) plays on its own with no "
        "control to pause it or pick a year.",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

    import numpy as np
    import vl_convert as vlc

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv")
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    with open(data / "world-110m.geojson", encoding="utf-8") as file:  # the world map
        world = json.load(file)
    gapminder["period"] = np.where(gapminder["year"] < 1980, "1952-1977", "1982-2007")
    measures = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    calls = {
        "scatter": (penguins, xy),
        "line": (gapminder, {"time": "year", "y": "lifeExp", "color": "continent"}),
        "bar": (penguins, {"x": "species", "y": "body_mass_g", "color": "sex"}),
        "histogram": (penguins, {"x": "flipper_length_mm", "color": "species"}),
        "box": (penguins, {"x": "species", "y": "body_mass_g"}),
        "heatmap": (penguins[measures], {}),
        "facet": (penguins, {**xy, "facet": "island"}),
        "regression": (penguins, xy),
        "scatter3d": (penguins, {**xy, "z": "flipper_length_mm"}),
        "bubble": (penguins, {**xy, "y": "flipper_length_mm", "size": "body_mass_g"}),
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "widget": (penguins, xy),
        "splom": (penguins[[*measures, "species"]], {"color": "species"}),
        "parallel": (penguins[[*measures, "species"]], {"color": "species"}),
        "radar": (penguins[[*measures, "species"]], {"color": "species"}),
        "violin": (penguins, {"x": "species", "y": "body_mass_g"}),
        "area": (gapminder, {"time": "year", "y": "pop", "color": "continent"}),
        "pie": (penguins, {"color": "species"}),
        "density": (penguins, {"x": "body_mass_g", "color": "species"}),
        "ridgeline": (gapminder, {"x": "lifeExp", "color": "continent"}),
        "hexbin": (gapminder, {"x": "gdpPercap", "y": "lifeExp"}),
        "lollipop": (gapminder, {"x": "country", "y": "lifeExp", "time": "year"}),
        "stacked100": (penguins, {"x": "island", "color": "species"}),
        "treemap": (gapminder, {"color": "continent", "label": "country", "size": "pop",
                                "time": "year"}),
        "sankey": (penguins, {"color": "species", "via": "island", "target": "sex"}),
        "choropleth": (gapminder, {"geo": "iso_num", "value": "lifeExp", "time": "year"}),
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            on_map = (world,) if kind == "choropleth" else ()  # the map after the data
            charts[kind] = globals()[kind](frame[columns].dropna(), *on_map, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/vega_lite")
    out.mkdir(parents=True, exist_ok=True)
    for kind, spec in charts.items():
        with open(out / f"{kind}.json", "w", encoding="utf-8") as file:
            json.dump(spec, file, indent=2)
        # vl-convert bundles the Vega runtime: the SVG is drawn offline.
        (out / f"{kind}.svg").write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
        print("wrote", out / f"{kind}.json", "and", out / f"{kind}.svg")
