"""Chartify (Spotify): every chart kind it can draw, one Chart and plot layers per chart.

Run: python examples/plot_chartify.py [OUT_DIR]  (needs chartify, bokeh, numpy, pandas and scipy)
Each function takes a data frame and the names of the columns to use for each role, and
returns a chartify Chart (its bokeh figure is ``ch.figure``). Charts are written as HTML
pages with BokehJS inlined, so they open offline.

The Chart's axis types decide which plot methods exist (numeric x and y: scatter, line;
categorical x: bar, boxplot; density y: histogram). Chartify expects tidy data with one
row per mark, so aggregates are computed with pandas first, as its own examples do.
"""

import chartify
import numpy as np
import pandas as pd
from bokeh.palettes import RdBu11
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Chartify's layouts are slide-sized (960 x 540 at most), so the size is set on the Chart's
# bokeh figure, as Chartify's tutorial does for what its own API leaves out ("Advanced
# usage with Bokeh": ch.figure).
SIZE = (600, 400)


def scatter(df, x, y, color):
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)  # sorted categories, in turn
        .plot.scatter(data_frame=df, x_column=x, y_column=y, color_column=color, alpha=0.8)
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
        .set_legend_location("outside_right", orientation="vertical")
    )


def line(df, time, y, color):
    # One row per point of a line; chartify draws rows in order, so sort by time.
    means = df.groupby([time, color], as_index=False)[y].mean().sort_values(time)
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)
    ch.plot.line(data_frame=means, x_column=time, y_column=y, color_column=color, line_width=2)
    # A marker at each mean: a scatter layer, its colours restarted to match the lines.
    ch.style.color_palette.reset_palette_order()
    ch.plot.scatter(data_frame=means, x_column=time, y_column=y, color_column=color)
    return (
        ch.axes.set_xaxis_label(time)
        .axes.set_xaxis_tick_format("0.[0000]")  # no thousands separator: 1952, not 1,952
        .axes.set_yaxis_label(f"mean {y}")
        .set_legend_location("outside_right", orientation="vertical")
    )


def bar(df, x, y, color):
    # One row per bar; two categorical columns give bars grouped by the first one.
    means = df.groupby([x, color], as_index=False)[y].mean()
    ch = chartify.Chart(blank_labels=True, x_axis_type="categorical")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)
        .plot.bar(
            data_frame=means, categorical_columns=[x, color], numeric_column=y,
            color_column=color, categorical_order_by="labels", categorical_order_ascending=True,
        )
        .axes.set_xaxis_label(f"{x}, {color}")
        .axes.set_yaxis_label(f"mean {y}")
        .set_legend_location("outside_right", orientation="vertical")
    )


def histogram(df, x, color):
    # Shared bin edges, so that the overlaid histograms of each category line up.
    edges = np.histogram_bin_edges(df[x], bins=20)
    ch = chartify.Chart(blank_labels=True, y_axis_type="density")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)
        .plot.histogram(data_frame=df, values_column=x, color_column=color, bins=edges)
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label("count")
        .set_legend_location("outside_right", orientation="vertical")
    )


def box(df, x, y):
    ch = chartify.Chart(blank_labels=True, x_axis_type="categorical")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)
        # color_column=x fills each box with its category's colour
        .plot.boxplot(data_frame=df, categorical_columns=[x], numeric_column=y, color_column=x)
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
        .set_legend_location(None)  # the x axis names the boxes already
    )


def heatmap(df):
    corr = df.corr()
    # Tidy form, one row per cell. Chartify lists the y factors bottom to top in the order
    # the rows come: reversed, the first column is the top row.
    cells = (
        corr.iloc[::-1].rename_axis(index="row", columns="column")
        .stack().rename("correlation").reset_index()
    )
    # Chartify's own RdBu has 3 colours: register ColorBrewer's 11, blue (-1) to red (+1).
    chartify.color_palettes.create_palette(list(RdBu11), "diverging", "RdBu11")
    ch = chartify.Chart(blank_labels=True, x_axis_type="categorical", y_axis_type="categorical")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.plot.heatmap(
            data_frame=cells, x_column="column", y_column="row", color_column="correlation",
            text_column="correlation", text_color="black", color_palette="RdBu11",
            color_value_min=-1, color_value_max=1,
        )
    )


def regression(df, x, y, color):
    # Chartify fits nothing: compute each category's least-squares line with numpy, then
    # draw it as a line layer over the scatter (its two end points are enough).
    fits = []
    for name, group in df.groupby(color):
        slope, intercept = np.polyfit(group[x], group[y], 1)
        ends = np.array([group[x].min(), group[x].max()])
        fits.append(pd.DataFrame({x: ends, y: slope * ends + intercept, color: name}))
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)
    ch.plot.scatter(data_frame=df, x_column=x, y_column=y, color_column=color, alpha=0.6)
    ch.style.color_palette.reset_palette_order()  # the same colour per category in both layers
    ch.plot.line(data_frame=pd.concat(fits), x_column=x, y_column=y, color_column=color,
                 line_width=3)
    return (
        ch.set_subtitle(f"least-squares fit per {color}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
        .set_legend_location("outside_right", orientation="vertical")
    )


def bubble(df, x, y, size, color):
    # size_column holds marker diameters in pixels: the square root makes the area
    # proportional to the value, 40 px across for the largest.
    diameter = f"{size} (marker px)"
    sized = df.assign(**{diameter: 40 * np.sqrt(df[size] / df[size].max())})
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)
        .plot.scatter(
            data_frame=sized, x_column=x, y_column=y, size_column=diameter,
            color_column=color, alpha=0.6,
        )
        .set_subtitle(f"marker area ~ {size}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
        .set_legend_location("outside_right", orientation="vertical")
    )


def area(df, time, y, color):
    # One row per (time, category) sum, sorted by time: chartify draws each band's rows in
    # order and stacks the categories in sorted order, the first at the bottom.
    sums = df.groupby([time, color], as_index=False)[y].sum()
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)
    ch.plot.area(data_frame=sums, x_column=time, y_column=y, color_column=color, stacked=True)
    return (
        ch.axes.set_xaxis_label(time)
        .axes.set_xaxis_tick_format("0.[0000]")  # no thousands separator: 1952, not 1,952
        .axes.set_yaxis_label(f"sum of {y}")
        .axes.set_yaxis_tick_format("0.0a")  # 6.0b, not 6,000,000,000
        # a vertical legend of a stack is reversed (top band first); a horizontal one under
        # the plot keeps the sorted order
        .set_legend_location("outside_bottom", orientation="horizontal")
    )


def density(df, x, color):
    # Chartify's own plot.kde draws each density only as a 20 % translucent area, with no
    # line, cut at the category's smallest and largest value: the same scipy KDE (Scott's
    # bandwidth) is computed here on one grid past the data, and drawn as lines over it.
    span = df[x].max() - df[x].min()
    grid = np.linspace(df[x].min() - span / 4, df[x].max() + span / 4, 300)
    curves = pd.concat(
        pd.DataFrame({x: grid, "density": gaussian_kde(group[x])(grid), color: name})
        for name, group in df.groupby(color)
    )
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)
    ch.plot.area(data_frame=curves, x_column=x, y_column="density", color_column=color,
                 stacked=False)  # the light fill under each curve
    ch.style.color_palette.reset_palette_order()  # the same colour per category in both
    ch.plot.line(data_frame=curves, x_column=x, y_column="density", color_column=color,
                 line_width=2)
    return (
        ch.axes.set_xaxis_label(x)
        .axes.set_yaxis_label("density")
        .set_legend_location("outside_right", orientation="vertical")
    )


def ridgeline(df, x, color):
    # Chartify's own plot.kde fills each density down to 0 and cuts it at the category's
    # smallest and largest value: the same scipy KDE (Scott's bandwidth) is computed here
    # on one grid past all the data (plot.area wants every category at the same x values)
    span = df[x].max() - df[x].min()
    grid = np.linspace(df[x].min() - span / 4, df[x].max() + span / 4, 300)
    densities = {name: gaussian_kde(group[x])(grid) for name, group in df.groupby(color)}
    # one scale for every ridge, so heights compare: the highest peak 1.4 ridges tall.
    # Baselines one apart, the first category at the top.
    scale = 1.4 / max(density.max() for density in densities.values())
    base = {name: len(densities) - 1 - i for i, name in enumerate(densities)}
    ridges = pd.concat(
        pd.DataFrame({x: grid, "top": base[name] + scale * density,
                      "baseline": float(base[name]), color: name})
        for name, density in densities.items()
    )
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)
    # plot.area with a second y column shades between the two: each ridge from its
    # baseline up (at chartify's fixed 20 % opacity), with its outline drawn over it
    ch.plot.area(data_frame=ridges, x_column=x, y_column="top", second_y_column="baseline",
                 color_column=color)
    ch.style.color_palette.reset_palette_order()  # the same colour per category in both
    ch.plot.line(data_frame=ridges, x_column=x, y_column="top", color_column=color,
                 line_width=2)
    # the ridges are named by ticks at their baselines: Chartify sets the tick values, and
    # their labels are set on its bokeh figure (it has no API for them); the legend then
    # adds nothing
    ch.axes.set_yaxis_tick_values(list(base.values()))
    ch.figure.yaxis.major_label_overrides = {b: name for name, b in base.items()}
    ch.figure.legend.visible = False
    return ch.axes.set_xaxis_label(x).axes.set_yaxis_label(color)


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x, as_index=False)[y].mean().nlargest(15, y)
    ch = chartify.Chart(blank_labels=True, x_axis_type="categorical")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)  # one series: the first colour
        # ordered by value, highest first: Chartify's default order for a lollipop
        .plot.lollipop(data_frame=top, categorical_columns=x, numeric_column=y,
                       categorical_order_by="values", categorical_order_ascending=False)
        .axes.set_xaxis_tick_orientation("diagonal")  # long names, turned
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(f"mean {y} in {time} {df[time].max()}")
    )


def stacked100(df, x, color):
    # One row per segment: the count of each (x, colour) pair; normalize=True turns each
    # bar's counts into shares (100 %) and labels the axis in per cent.
    counts = df.groupby([x, color], as_index=False).size()
    ch = chartify.Chart(blank_labels=True, x_axis_type="categorical")
    ch.figure.width, ch.figure.height = SIZE
    return (
        ch.style.set_color_palette("categorical", PALETTE)
        .plot.bar_stacked(
            data_frame=counts, categorical_columns=x, numeric_column="size",
            stack_column=color, normalize=True, categorical_order_by="labels",
            categorical_order_ascending=True,
        )
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(f"share of {color}")
        # a vertical legend of a stack is reversed by Chartify (top segment first); a
        # horizontal one below the bars reads in sorted order, left to right
        .set_legend_location("outside_bottom", orientation="horizontal")
    )


def parallel(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0) to its largest (1), so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    # Workaround: Chartify's plot.parallel draws one line per colour_column value, a bokeh
    # renderer and legend entry each: a line per row took over a minute for 1704 rows.
    # Instead one plot.line per category, its rows end to end at x = 0, 1, 2, 3, each
    # followed by a NaN, where BokehJS breaks the line (plot.line keeps the rows' order).
    n = len(measures)
    long = pd.DataFrame({
        "measure": np.tile([*range(n), np.nan], len(df)),
        "scaled 0-1": np.column_stack([scaled, np.full(len(df), np.nan)]).ravel(),
        color: np.repeat(df[color].to_numpy(), n + 1),
    })
    ch = chartify.Chart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    ch.style.set_color_palette("categorical", PALETTE)  # sorted categories, in turn
    ch.plot.line(data_frame=long, x_column="measure", y_column="scaled 0-1",
                 color_column=color, line_width=1, alpha=0.4)
    # the measures' names at x = 0..n-1, on the bokeh figure (Chartify has no tick labels)
    ch.figure.xaxis.ticker = list(range(n))
    ch.figure.xaxis.major_label_overrides = dict(enumerate(measures))
    return (
        ch.axes.set_yaxis_label("scaled 0-1")
        .axes.set_yaxis_range(-0.02, 1.02)
        .axes.set_xaxis_range(-0.25, n - 0.75)  # room for the outer measures' names
        .set_legend_location("outside_right", orientation="vertical")
    )


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0, the centre) to its largest (1) over all
    # rows, then each category's mean: its vertex on the measure's spoke
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # RadarChart takes one row per vertex and places a colour's rows on evenly spaced
    # spokes counter-clockwise from the top: the first measure, then the others in reverse,
    # reads clockwise in the data's order
    order = [measures[0], *measures[:0:-1]]
    long = means[order].rename_axis(columns="measure").stack().rename("mean").reset_index()
    ch = chartify.RadarChart(blank_labels=True)
    ch.figure.width, ch.figure.height = SIZE
    # the frame in grey: a ring (a perimeter through every spoke) at 0.25 to 1, and spokes
    ch.style.set_color_palette("categorical", ["#cccccc"])
    for r in (0.25, 0.5, 0.75, 1.0):
        ring = pd.DataFrame({"r": np.full(len(order), r)})
        ch.plot.perimeter(ring, "r", line_width=1)
        ch.style.color_palette.reset_palette_order()
    ch.plot.radius(pd.DataFrame({"r": np.ones(len(order))}), "r", line_width=1)
    # each measure's name past its spoke's end, aligned away from the centre: one text
    # layer per placement, each with every spoke (thetas follow the rows), others blank.
    # Bokeh's text sits on its anchor (baseline bottom): y_offset moves it down, in px.
    turns = 2 * np.pi * np.arange(len(order)) / len(order)
    right, up = -np.sin(turns), np.cos(turns)  # where RadarChart puts the k-th row
    places = pd.DataFrame({
        "align": np.where(right > 0.1, "left", np.where(right < -0.1, "right", "center")),
        "y_offset": np.where(up > 0.1, 0, np.where(up < -0.1, 14, 6)),
    })
    for (align, y_offset), rows in places.groupby(["align", "y_offset"]):
        names = pd.DataFrame({"r": 1.05, "name": [
            m if k in rows.index else "" for k, m in enumerate(order)]})
        ch.plot.text(names, "r", "name", text_color="black", text_align=align,
                     y_offset=int(y_offset), font_size="9pt")
    ch.style.set_color_palette("categorical", PALETTE)  # sorted categories, in turn
    ch.plot.area(long, "mean", color_column=color, alpha=0.25)
    ch.style.color_palette.reset_palette_order()
    ch.plot.perimeter(long, "mean", color_column=color, line_width=2)
    # round rings on the bokeh figure: one data unit as many px across as up (its ranges
    # fit the glyphs; the same padding on both leaves room for the names at the sides),
    # and narrow borders, which Chartify keeps wide for the axes hidden here
    ch.figure.match_aspect = True
    ch.figure.x_range.range_padding = ch.figure.y_range.range_padding = 0.4
    ch.figure.min_border_left = ch.figure.min_border_right = ch.figure.min_border_bottom = 10
    return (
        ch.axes.hide_xaxis()  # x and y mean nothing on a radar, as in Chartify's examples
        .axes.hide_yaxis()
        .set_legend_location("outside_right", orientation="vertical")
    )


NOT_SUPPORTED = {
    "hexbin": "Chartify's plot.hexbin takes one hexagon size, in the units of both axes, and "
    "draws the hexagons regular (no aspect_scale): it bins only columns of like units. "
    "With 25 hexagons across GDP per capita (dollars), each is some 9,000 units of life "
    "expectancy (years) tall, and every row falls in one strip; a colour bar is not offered "
    "either.",
    "splom": "Chartify has no scatter matrix, and a Chart is one bokeh figure with no grid "
    "layout of its own: its layouts are slide sizes, not panels.",
    "violin": "Chartify has no violin: its categorical-axis plots are bar, interval, "
    "lollipop, parallel, scatter, boxplot and text, and plot.kde only draws on a numeric "
    "axis, so a density cannot be mirrored around a category.",
    "pie": "Chartify has no pie, donut or wedge plot (its only radial chart, RadarChart, "
    "draws polygons on spokes); a pie would be raw bokeh wedges on ch.figure.",
    "facet": "Chartify has no facet or grid API: a Chart wraps one bokeh figure, and "
    "laying several out takes bokeh.layouts directly.",
    "scatter3d": "Chartify draws with bokeh, which has no 3D axes.",
    "tooltip": "Chartify has no hover or tooltip API: its charts are made as static slides "
    "(the only tool it adds is save), and a HoverTool would be raw bokeh on ch.figure.",
    "linked": "A Chartify Chart is one figure with its own data sources, and Chartify has "
    "no layout or selection API: linking two views takes bokeh's layouts and tools.",
    "widget": "Chartify has no widget API (no dropdown, slider or callback): a control "
    "bound to the chart would be bokeh's Select and CustomJS.",
    "animation": "Chartify has no animation, slider or play button: its charts are "
    "static; frames over time would take bokeh's Slider and CustomJS.",
    "treemap": "Chartify has no treemap and no plot that draws a rectangle where the data "
    "puts it: on numeric axes its plots are line, scatter, text and area, and its "
    "rectangles are bars and intervals on a categorical axis or heatmap cells on a "
    "categorical grid. A treemap would be squarify's layout drawn with raw bokeh quads on "
    "ch.figure, outside Chartify's API.",
    "sankey": "Chartify has no Sankey or flow plot: its plots draw on categorical or numeric "
    "axes (bars, intervals, text, scatter, lines, areas, heatmaps), and none joins nodes "
    "with links as wide as a count.",
    "choropleth": "Chartify draws no maps: its plots are on categorical or numeric axes "
    "(bars, points, lines, areas, heatmaps) and none draws a polygon from geometry.",
}

SPEC_NOT_MET = {
    "histogram": {
        "stacking": "Chartify's histogram overlays one translucent histogram per category "
        "(alpha 0.3) and has no option to stack them.",
    },
    "heatmap": {
        "scale": "Chartify's heatmap colours the cells on the palette and range it is given "
        "(RdBu, -1..1 here) but draws no colour bar, and has no option for one.",
    },
    "bubble": {
        "size legend": "Chartify's legend names the colour categories only, and BokehJS draws "
        "every legend key at one size, whatever the marker's size.",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv")
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
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
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "widget": (penguins, xy),
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            charts[kind] = globals()[kind](frame[columns].dropna(), **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/chartify")
    out.mkdir(parents=True, exist_ok=True)
    for kind, chart in charts.items():
        # Chart.save writes HTML with BokehJS inline, so the file needs no network.
        chart.save(str(out / f"{kind}.html"), format="html")
