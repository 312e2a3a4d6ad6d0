"""Plotly Express: every chart kind of the gallery, one function call per chart.

Run: python examples/plot_plotly_express.py [OUT_DIR]  (needs plotly, pandas, scipy, statsmodels)
Each function takes a data frame and the names of the columns to use for each role, and
returns the go.Figure Plotly Express built; plotly.js draws it in the browser. Charts are
written as self-contained HTML pages with plotly.js inlined, so they open offline.
"""

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = {"width": 600, "height": 400}  # the whole figure, axes and legend included
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data
# Plotly's default margins (80 px, 100 at the top) leave room for titles these charts do
# not have: a template with slimmer ones (axis titles still push them out as needed).
pio.templates["slim"] = go.layout.Template(layout={"margin": {"l": 50, "r": 10, "t": 30, "b": 40}})
pio.templates.default = "plotly+slim"


def scatter(df, x, y, color):
    # px takes categories in order of appearance: category_orders sorts them.
    return px.scatter(df, x=x, y=y, color=color, opacity=0.8, color_discrete_sequence=PALETTE,
                      category_orders={color: sorted(df[color].unique())}, **SIZE)


def line(df, time, y, color):
    means = df.groupby([color, time], as_index=False)[y].mean()
    return px.line(means, x=time, y=y, color=color, markers=True, labels={y: f"mean {y}"},
                   color_discrete_sequence=PALETTE,
                   category_orders={color: sorted(df[color].unique())}, **SIZE)


def bar(df, x, y, color):
    means = df.groupby([x, color], as_index=False)[y].mean()
    return px.bar(means, x=x, y=y, color=color, barmode="group", labels={y: f"mean {y}"},
                  color_discrete_sequence=PALETTE,
                  category_orders={x: sorted(df[x].unique()), color: sorted(df[color].unique())},
                  **SIZE)


def histogram(df, x, color):
    # Stacked by default. px takes only a bin count: the traces take numpy's 20 edges (no
    # end: plotly.js bins are half-open, so the largest value gets a bin of its own).
    low, high = df[x].min(), df[x].max()
    fig = px.histogram(df, x=x, color=color, color_discrete_sequence=PALETTE,
                       category_orders={color: sorted(df[color].unique())}, **SIZE)
    return fig.update_traces(xbins=dict(start=low, size=(high - low) / 20))


def box(df, x, y):
    # Colouring by x fills each box with its category's colour; the axis names them.
    fig = px.box(df, x=x, y=y, color=x, color_discrete_sequence=PALETTE,
                 category_orders={x: sorted(df[x].unique())}, **SIZE)
    return fig.update_layout(showlegend=False)


def heatmap(df):
    return px.imshow(df.corr(), text_auto=".2f", zmin=-1, zmax=1,
                     color_continuous_scale="RdBu_r", labels={"color": "correlation"}, **SIZE)


def facet(df, x, y, color, facet):
    # Panels share their axes, two to a row. px orders its traces by category_orders'
    # keys in turn: colour first keeps the legend in sorted order.
    panels, colors = sorted(df[facet].unique()), sorted(df[color].unique())
    rows, cols = -(-len(panels) // 2), min(len(panels), 2)
    return px.scatter(df, x=x, y=y, color=color, facet_col=facet, facet_col_wrap=2,
                      opacity=0.8, color_discrete_sequence=PALETTE,
                      category_orders={color: colors, facet: panels},
                      width=250 * cols + 150, height=250 * rows + 100)


def regression(df, x, y, color):
    # An ordinary least-squares fit per colour, computed with statsmodels.
    return px.scatter(df, x=x, y=y, color=color, trendline="ols", opacity=0.6,
                      color_discrete_sequence=PALETTE,
                      category_orders={color: sorted(df[color].unique())}, **SIZE)


def scatter3d(df, x, y, z, color):
    fig = px.scatter_3d(df, x=x, y=y, z=z, color=color, opacity=0.8,
                        color_discrete_sequence=PALETTE,
                        category_orders={color: sorted(df[color].unique())}, **SIZE)
    # No margins (theirs are for 2D axis titles) and the camera further out than its
    # default (1.25, 1.25, 1.25): the whole cube and its labels fit in 600 x 400.
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0),
                      scene_camera_eye=dict(x=1.7, y=1.7, z=1.3))
    return fig.update_traces(marker_size=3)


def bubble(df, x, y, size, color):
    # Marker area proportional to `size` from zero. px's size_max is not the diameter:
    # it sets sizeref = max / size_max**2, so the largest marker is size_max * sqrt(2)
    # px across; 40 / sqrt(2) draws it 40 px across. render_mode="svg": above 1000 rows
    # px picks WebGL, which draws area-sized markers sqrt(2) times smaller.
    return px.scatter(df, x=x, y=y, size=size, color=color, size_max=40 / 2**0.5, opacity=0.6,
                      render_mode="svg", color_discrete_sequence=PALETTE,
                      category_orders={color: sorted(df[color].unique())},
                      title=f"marker area ~ {size}", **SIZE)


def violin(df, x, y):
    # Colouring by x fills each violin with its category's colour; the axis names them.
    fig = px.violin(df, x=x, y=y, color=x, color_discrete_sequence=PALETTE,
                    category_orders={x: sorted(df[x].unique())}, **SIZE)
    # plotly.js's default bandwidth is Silverman's: each trace (one per category) takes
    # Scott's, its standard deviation times n^-1/5, as scipy's KDE does.
    scott = df.groupby(x)[y].agg(lambda v: v.std() * len(v) ** -0.2)
    fig.for_each_trace(lambda trace: trace.update(bandwidth=scott[trace.name]))
    return fig.update_layout(showlegend=False)


def area(df, time, y, color):
    # px.area stacks its traces (a stackgroup) in category_orders' order, the first at
    # the bottom; plotly.js adds the sums up in the browser.
    sums = df.groupby([time, color], as_index=False)[y].sum()
    fig = px.area(sums, x=time, y=y, color=color, labels={y: f"sum of {y}"},
                  color_discrete_sequence=PALETTE,
                  category_orders={color: sorted(df[color].unique())}, **SIZE)
    # a band's fill defaults to its line's colour at half opacity: fillcolor sets it
    return fig.for_each_trace(lambda band: band.update(
        fillcolor="rgba({}, {}, {}, 0.85)".format(*px.colors.hex_to_rgb(band.line.color))))


def pie(df, color):
    # plotly.js counts the rows of each name; it sorts slices largest first and turns
    # anticlockwise unless told not to (rotation 0 starts at 12 o'clock).
    fig = px.pie(df, names=color, color=color, color_discrete_sequence=PALETTE,
                 category_orders={color: sorted(df[color].unique())},
                 title=f"rows per {color}", **SIZE)
    fig.update_traces(sort=False, direction="clockwise", textinfo="label+percent")
    return fig.update_layout(legend_title_text=color)

def density(df, x, color):
    # A workaround: px has no KDE (plotly.py#4057). scipy's Gaussian KDE (Scott's bandwidth)
    # is computed per category on a grid three bandwidths past the data; px.line draws it.
    curves = []
    for name, group in df.groupby(color):  # sorted: px colours categories as they come
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        curves.append(pd.DataFrame({x: grid, "density": kde(grid), color: name}))
    return px.line(pd.concat(curves), x=x, y="density", color=color,
                   color_discrete_sequence=PALETTE, **SIZE)


def ridgeline(df, x, color):
    # Plotly's documented ridgeline, the px way: horizontal violins, one per category (y is
    # the colour: px overlays them), each drawn on its positive side only. px puts them all
    # in one scale group, so every ridge is sized by the highest density of all: heights
    # compare (a width per trace, as the docs' example sets, scales each to its own peak).
    names = sorted(df[color].unique())
    fig = px.violin(df, x=x, y=color, color=color, orientation="h", points=False,
                    color_discrete_sequence=PALETTE, category_orders={color: names}, **SIZE)
    # plotly.js's default bandwidth is Silverman's: each trace takes Scott's, as in violin.
    # A violin's fill defaults to its colour at half opacity: fillcolor sets it.
    scott = df.groupby(color)[x].agg(lambda v: v.std() * len(v) ** -0.2)
    fig.for_each_trace(lambda trace: trace.update(side="positive", bandwidth=scott[trace.name],
                                                  fillcolor=trace.marker.color, opacity=0.8))
    # No gaps: the highest ridge reaches half a step. px lists a y axis's categories top
    # down, the first sorted at the top (a reversed axis would turn the ridges downwards).
    # Its autorange leaves a quarter step above the top category: a range in steps
    # (category 0 at the bottom) keeps a full ridge in view.
    fig.update_yaxes(range=[-0.2, len(names) - 0.4])
    return fig.update_layout(violingap=0, violingroupgap=0, showlegend=False)


def hexbin(df, x, y):
    # plotly.js has no hexagonal bins: density_heatmap counts the rows in rectangles, in
    # the browser (nbinsx is a most: it rounds to "nice" bins). It paints an empty bin in
    # the scale's lowest colour (plotly.js#975), so a workaround: a scale whose first stop,
    # a count of 0, is transparent, then Viridis; cmin 0 (cauto off; cmax is the most rows).
    viridis = px.colors.get_colorscale("Viridis")
    fig = px.density_heatmap(
        df, x=x, y=y, nbinsx=25,
        color_continuous_scale=[[0, "rgba(0,0,0,0)"], [1e-9, viridis[0][1]], *viridis[1:]],
        **SIZE)
    return fig.update_coloraxes(cauto=False, cmin=0)


def lollipop(df, x, y, time):
    # px.bar keeps the frame's order on its category axis: sorted, highest on the left.
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x, as_index=False)[y].mean().nlargest(15, y)
    fig = px.bar(top, x=x, y=y, labels={y: f"mean {y} in {time} {df[time].max()}"},
                 color_discrete_sequence=PALETTE, **SIZE)
    return fig.update_xaxes(type="category", tickangle=-60)


def stacked100(df, x, color):
    # px.histogram counts the rows of each (x, colour) and stacks them; barnorm turns
    # each stack into the shares of its total.
    return px.histogram(df, x=x, color=color, barnorm="percent",
                        color_discrete_sequence=PALETTE,
                        category_orders={x: sorted(df[x].unique()),
                                         color: sorted(df[color].unique())},
                        **SIZE).update_layout(yaxis_title=f"share of {color} (%)")


def treemap(df, color, label, size, time):
    # path nests the labels in their colour category; px sums size over each node's rows
    # (a block is its tiles' sum) and colours a block and its tiles alike.
    latest = df[df[time] == df[time].max()]
    fig = px.treemap(latest, path=[color, label], values=size, color=color,
                     color_discrete_map=dict(zip(sorted(latest[color].unique()), PALETTE,
                                                 strict=False)),
                     title=f"sum of {size} in {time} {df[time].max()}", **SIZE)
    # plotly.js pads each block (a 24 px header naming it, 6 px sides) and each tile
    # (3 px): that shrinks a small block's tiles more than a large one's, and a block
    # lower than its header loses its tiles. Unpadded, every area stays true (white
    # outlines part the tiles) and each tile names its category in place of a header.
    fig.update_traces(marker_pad=dict(t=0, l=0, r=0, b=0), tiling_pad=0,
                      texttemplate="%{label}<br>%{parent}<br>%{percentRoot:.1%}")
    # no axes to make room for: the template's left and bottom margins go to the tiles
    return fig.update_layout(margin_l=10, margin_b=10)


def sankey(df, color, via, target):
    # px has no Sankey: its flow diagram is parallel categories (parallel sets), a column
    # of category boxes per stage, each as tall as its rows (plotly.js counts them). A
    # ribbon follows the rows of one category of every stage through all of them, so
    # between two stages a pair's ribbons, side by side, are as wide as the rows it has.
    # Its colour must be a number (a continuous scale, so no legend: the first stage's
    # boxes name its colours): each category's code, through a discrete scale of one
    # band per code, each its palette colour.
    names = sorted(df[color].unique())
    bands = [[(i + edge) / len(names), PALETTE[i]] for i in range(len(names)) for edge in (0, 1)]
    fig = px.parallel_categories(
        df.assign(code=df[color].map(names.index)), dimensions=[color, via, target],
        color="code", color_continuous_scale=bands, range_color=[-0.5, len(names) - 0.5],
        **SIZE)
    # Curved ribbons ("hspline") as in a Sankey; the colour bar would only repeat the codes.
    fig.update_traces(line_shape="hspline")
    fig.update_coloraxes(showscale=False)
    # The last stage's names stand right of its boxes: a right margin wide enough for them.
    return fig.update_layout(margin_r=80)


def choropleth(df, world, geo, value, time):
    # px colours one row per location: the means at the latest time, one row per country.
    latest = df[df[time] == df[time].max()]
    means = latest.groupby(latest[geo].astype(int), as_index=False)[value].mean()
    # plotly.js projects the GeoJSON itself; none of its own base layers (basemap off:
    # coastlines, land, frame), which it would fetch from a CDN; the view fits the shapes.
    # each trace is given its own countries of the map: the page carries each outline once
    known = [f for f in world["features"] if f["id"] in set(means[geo])]
    others = [f for f in world["features"] if f["id"] not in set(means[geo])]
    fig = px.choropleth(means, geojson={"type": "FeatureCollection", "features": known},
                        locations=geo, featureidkey="id", color=value,
                        color_continuous_scale="Viridis", projection="natural earth",
                        fitbounds="locations", basemap_visible=False,
                        title=f"mean {value} in {time} {df[time].max()}", **SIZE)
    # px colours no location without a value: the map's other countries are a trace of
    # their own, in grey, matched by name (a few areas have no ISO code), drawn first.
    fig.add_trace(go.Choropleth(geojson={"type": "FeatureCollection", "features": others},
                                featureidkey="properties.name", z=[0] * len(others),
                                locations=[f["properties"]["name"] for f in others],
                                showscale=False,
                                colorscale=[[0, NO_DATA_GREY], [1, NO_DATA_GREY]],
                                hoverinfo="location"))
    fig.data = fig.data[::-1]  # the grey trace below
    return fig.update_layout(margin_l=10, margin_b=10)


def tooltip(df, x, y, color, label):
    # px's tooltip names each field by its column: colour, x and y, then hover_data.
    return px.scatter(df, x=x, y=y, color=color, hover_data=[label], opacity=0.8,
                      color_discrete_sequence=PALETTE,
                      category_orders={color: sorted(df[color].unique())}, **SIZE)


def linked(df, x, y, x2, y2, color):
    # plotly.js links a selection across panels only inside a scatter-plot matrix: a box
    # dragged in one panel selects those rows in every panel. Of the matrix of x, y, x2
    # and y2 the lower half is drawn: x/y in the top row, x2/y2 at the bottom right.
    fig = px.scatter_matrix(df, dimensions=[x, y, x2, y2], color=color, opacity=0.8,
                            color_discrete_sequence=PALETTE,
                            category_orders={color: sorted(df[color].unique())},
                            width=800, height=700)
    # The legend sits in the empty upper half, leaving the panels the whole width.
    fig.update_layout(legend=dict(x=0.5, y=1))
    return fig.update_traces(showupperhalf=False, diagonal_visible=False, marker_size=5)


def widget(df, x, y, color):
    # px's own bound control is the animation slider: one step per category, in the
    # order category_orders gives; ranges fixed, or each step would zoom to its rows.
    names = sorted(df[color].unique())
    pad_x, pad_y = 0.05 * (df[x].max() - df[x].min()), 0.05 * (df[y].max() - df[y].min())
    fig = px.scatter(df, x=x, y=y, color=color, animation_frame=color, opacity=0.8,
                     color_discrete_sequence=PALETTE, category_orders={color: names},
                     range_x=[df[x].min() - pad_x, df[x].max() + pad_x],
                     range_y=[df[y].min() - pad_y, df[y].max() + pad_y], width=600, height=480)
    # The slider names the category drawn; the legend would lag a step behind it (a step
    # restyles the trace without redrawing the legend).
    return fig.update_layout(showlegend=False)


def animation(df, x, y, size, color, time):
    # size_max sets sizeref from the largest value of any frame: 40 / sqrt(2) draws that
    # bubble 40 px across (see bubble). With log_x, range_x is still in data units.
    pad_y = 0.05 * (df[y].max() - df[y].min())
    return px.scatter(df, x=x, y=y, size=size, color=color, animation_frame=time,
                      size_max=40 / 2**0.5, opacity=0.6, log_x=True,
                      range_x=[df[x].min() / 1.25, df[x].max() * 1.25],
                      range_y=[df[y].min() - pad_y, df[y].max() + pad_y],
                      color_discrete_sequence=PALETTE,
                      category_orders={color: sorted(df[color].unique()),
                                       time: sorted(df[time].unique())},
                      title=f"marker area ~ {size}", width=600, height=480)


def splom(df, color):
    measures = df.select_dtypes("number").columns  # every measure: a row and a column each
    fig = px.scatter_matrix(df, dimensions=measures, color=color, opacity=0.6,
                            color_discrete_sequence=PALETTE,
                            category_orders={color: sorted(df[color].unique())},
                            width=600, height=600)
    # The legend in a row above the grid leaves the panels the whole width.
    fig.update_layout(legend=dict(orientation="h", y=1.06), font_size=10)
    # A measure against itself says nothing: the diagonal stays empty.
    return fig.update_traces(diagonal_visible=False, marker_size=4)


def parallel(df, color):
    measures = df.select_dtypes("number").columns
    names = sorted(df[color].unique())
    # px.parallel_coordinates colours lines by a number through a colour scale (its docs
    # colour by a category's code): the categories' codes, and a discrete scale of one
    # band per code, each its palette colour. Each axis spans its values' extent: 0 to 1.
    bands = [[(i + edge) / len(names), PALETTE[i]] for i in range(len(names)) for edge in (0, 1)]
    fig = px.parallel_coordinates(df.assign(**{color: df[color].map(names.index)}),
                                  dimensions=measures, color=color, color_continuous_scale=bands,
                                  range_color=[-0.5, len(names) - 0.5], **SIZE)
    # No legend: a colour bar below names the categories in sorted order, left to right.
    fig.update_coloraxes(colorbar=dict(tickvals=list(range(len(names))), ticktext=names,
                                       orientation="h", y=-0.1, yanchor="top", thickness=15))
    return fig.update_layout(margin=dict(l=50, r=50, t=50, b=100))


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # Each measure scaled 0-1 between its smallest and largest value over all rows, then
    # averaged per category; px takes the long form: a row per category and measure.
    values = df[measures]
    means = ((values - values.min()) / (values.max() - values.min())).groupby(df[color]).mean()
    profiles = means.reset_index().melt(id_vars=color, var_name="measure",
                                        value_name="mean, scaled 0-1")
    # px.line_polar turns clockwise from 12 o'clock by default (direction "clockwise",
    # start_angle 90); line_close repeats each trace's first point at its end.
    fig = px.line_polar(profiles, r="mean, scaled 0-1", theta="measure", color=color,
                        line_close=True, markers=True, range_r=[0, 1],
                        color_discrete_sequence=PALETTE,
                        category_orders={color: sorted(df[color].unique()), "measure": measures},
                        **SIZE)
    # The radial axis' tick labels at 45 degrees, between the spokes, off the vertices.
    fig.update_polars(radialaxis_angle=45)
    # The spokes' names lie outside the polar area: a left margin wide enough for them, or
    # a narrow card cuts the name at 9 o'clock.
    fig.update_layout(margin_l=90)
    # fill="toself" fills each polygon, by default in its line's colour at half opacity:
    # fillcolor sets it (trace opacity would fade the outline too).
    return fig.for_each_trace(lambda profile: profile.update(
        fill="toself",
        fillcolor="rgba({}, {}, {}, 0.25)".format(*px.colors.hex_to_rgb(profile.line.color))))


NOT_SUPPORTED = {}
SPEC_NOT_MET = {
    "parallel": {
        "legend": "px.parallel_coordinates draws no legend entry (it colours lines by a "
        "number through a colour scale); a colour bar whose ticks name the categories "
        "stands in for it.",
    },
    "histogram": {
        "bins": "plotly.js bins are half-open, the last one too, with no option to close it "
        "(plotly.js#6556): the largest value falls in a 21st bin of its own.",
    },
    "box": {
        "statistic": "plotly.js computes the quartiles in the browser by its quartilemethod: "
        "'linear' (its default) is Hyndman-Fan type 5, 'inclusive' and 'exclusive' are "
        "medians of halves; none is numpy's type 7, and px.box takes no precomputed ones.",
    },
    "bubble": {
        "size legend": "plotly.js has no legend of marker sizes (plotly.py#3505): its legend "
        "names traces, and draws their symbols at 16 px at most.",
    },
    "linked": {
        "size": "plotly.js links a selection across panels only inside one scatter-plot "
        "matrix (px.scatter_matrix), which draws every pair of its dimensions: the x/y and x2/y2 "
        "views come with four more panels (x against x2, and so on), in a triangle of "
        "800 x 700 px. Two separate charts linked need a Python callback (Dash, or a "
        "FigureWidget).",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import json
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv")
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    gapminder["period"] = np.where(gapminder["year"] < 1980, "1952-1977", "1982-2007")
    world = json.loads((data / "world-110m.geojson").read_text(encoding="utf-8"))
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
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
        "density": (penguins, {"x": "body_mass_g", "color": "species"}),
        "ridgeline": (gapminder, {"x": "lifeExp", "color": "continent"}),
        "hexbin": (gapminder, {"x": "gdpPercap", "y": "lifeExp"}),
        "lollipop": (gapminder, {"x": "country", "y": "lifeExp", "time": "year"}),
        "stacked100": (penguins, {"x": "island", "color": "species"}),
        "treemap": (gapminder, {"color": "continent", "label": "country", "size": "pop",
                                "time": "year"}),
        "sankey": (penguins, {"color": "species", "via": "island", "target": "sex"}),
        "choropleth": (gapminder, {"geo": "iso_num", "value": "lifeExp", "time": "year"}),
        "splom": (penguins[[*measures, "species"]], {"color": "species"}),
        "parallel": (penguins[[*measures, "species"]], {"color": "species"}),
        "radar": (penguins[[*measures, "species"]], {"color": "species"}),
        "violin": (penguins, {"x": "species", "y": "body_mass_g"}),
        "area": (gapminder, {"time": "year", "y": "pop", "color": "continent"}),
        "pie": (penguins, {"color": "species"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            maps = [world] if kind == "choropleth" else []  # a map takes the world after df
            charts[kind] = globals()[kind](frame[columns].dropna(), *maps, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotly_express")
    out.mkdir(parents=True, exist_ok=True)
    # plotly.js fetches its own world outlines (topojson, from a CDN) for any map, even one
    # drawn from its own GeoJSON with no base layer: an empty topology, inlined, answers it
    # (the "#" makes the file name plotly.js appends a fragment).
    offline = {"topojsonURL": 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'}
    for kind, fig in charts.items():
        # plotly.js is inlined from the installed package: the page works offline.
        fig.write_html(out / f"{kind}.html", include_plotlyjs=True, config=offline)
        print("wrote", out / f"{kind}.html")
