"""Pandas-Bokeh: every chart kind it can draw, through the ``df.plot_bokeh`` accessor.

Run: python examples/plot_pandas_bokeh.py [OUT_DIR]  (needs pandas-bokeh, bokeh, pandas and scipy)
Each function takes a data frame and the names of the columns to use for each role, and
returns the bokeh figure (or grid) Pandas-Bokeh draws. Charts are written as HTML pages
with BokehJS inlined, so they open offline.

Pandas-Bokeh is unmaintained: its last release, 0.5.5 (2021), was written for bokeh 2 and
does not import on bokeh 3. The small shim at the top of the preamble is why it runs here.
Like pandas' own ``.plot``, it draws the frame as it is: one line, bar group or histogram
per column, so the data is reshaped with pandas first.
"""

import contextlib
import io
import sys
import types

import bokeh.models
import bokeh.plotting
import numpy as np
import pandas as pd
from scipy.stats import gaussian_kde

# Compatibility shim: Pandas-Bokeh 0.5.5 (2021, unmaintained) targets bokeh 2; these lines
# make it run on bokeh 3. Safe to run again (the gallery runs this preamble for every chart).
# 1. bokeh 3 renamed FuncTickFormatter and dropped bokeh.tile_providers (used by maps only).
bokeh.models.FuncTickFormatter = bokeh.models.CustomJSTickFormatter
if "bokeh.tile_providers" not in sys.modules:
    tiles = sys.modules["bokeh.tile_providers"] = types.ModuleType("bokeh.tile_providers")
    tiles.get_provider = lambda name: name  # bokeh 3's add_tile() takes provider names itself
    tiles.Vendors = types.SimpleNamespace()
# 2. Importing Pandas-Bokeh overwrites pandas' own list of .plot kinds (box, kde and hexbin
#    vanish from df.plot): keep that list and put it back after the import.
pandas_kinds = pd.plotting.PlotAccessor._all_kinds, pd.plotting.PlotAccessor._dataframe_kinds
import pandas_bokeh  # noqa: E402

pd.plotting.PlotAccessor._all_kinds, pd.plotting.PlotAccessor._dataframe_kinds = pandas_kinds


# 3. bokeh 3 renamed figure(plot_width=, plot_height=) to width=, height=. Patched only in
#    the module Pandas-Bokeh draws with (the name pandas_bokeh.plot is its plot function),
#    so that other libraries keep bokeh's own figure class.
def bokeh2_figure(plot_width=600, plot_height=400, **options):
    return bokeh.plotting.figure(width=plot_width, height=plot_height, **options)


sys.modules["pandas_bokeh.plot"].figure = bokeh2_figure

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def scatter(df, x, y, color):
    # Categories take the colormap's colours in the order they first appear: sorted rows
    return df.sort_values(color).plot_bokeh.scatter(
        x=x, y=y, category=color, colormap=PALETTE, alpha=0.8, size=7, line_color="white",
        disable_scientific_axes="xy", title=f"{y} vs {x}, by {color}", show_figure=False,
    )


def line(df, time, y, color):
    # One line per column: the means as a (time x category) table, columns sorted.
    means = df.groupby([time, color])[y].mean().unstack(color)
    return means.plot_bokeh.line(
        plot_data_points=True, colormap=PALETTE, xlabel=time, ylabel=f"mean {y}",
        title=f"mean {y} by {color}", legend="bottom_right", fontsize_legend="8pt",
        show_figure=False,
    )


def bar(df, x, y, color):
    # The index gives the bar groups, each column one bar within a group.
    means = df.groupby([x, color])[y].mean().unstack(color)
    return means.plot_bokeh.bar(
        colormap=PALETTE, ylabel=f"mean {y}", title=f"mean {y} by {x} and {color}",
        legend="top_left", show_figure=False,
    )


def histogram(df, x, color):
    # One column per category (NaN elsewhere, which the histogram skips); bins=20 spans
    # all the columns, so every category shares the same edges.
    wide = df.pivot(columns=color, values=x)
    return wide.plot_bokeh.hist(
        bins=20, stacked=True, colormap=PALETTE, xlabel=x, ylabel="count",
        vertical_xlabel=True, title=f"{x} by {color}", legend="top_left", show_figure=False,
    )


def facet(df, x, y, color, facet):
    # One figure per panel: give each category its colour in every panel, and every panel
    # the same limits so that they compare.
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    low, high = df[[x, y]].min(), df[[x, y]].max()
    pad = (high - low) * 0.05
    panels = [
        group.sort_values(color).plot_bokeh.scatter(
            x=x, y=y, category=color, colormap=[colors[c] for c in sorted(group[color].unique())],
            alpha=0.8, size=6, line_color="white", disable_scientific_axes="xy",
            xlim=(low[x] - pad[x], high[x] + pad[x]),
            ylim=(low[y] - pad[y], high[y] + pad[y]), figsize=(300, 300), fontsize_legend="8pt",
            title=f"{facet} = {value}", show_figure=False,
        )
        for value, group in df.groupby(facet)
    ]
    rows = [panels[i:i + 2] for i in range(0, len(panels), 2)]  # at most 2 panels a row
    return pandas_bokeh.plot_grid(rows, show_plot=False)


def bubble(df, x, y, size, color):
    # size= takes a column of marker diameters in pixels: the square root makes the area
    # proportional to the value, 40 px across for the largest.
    diameter = f"{size} (marker px)"
    sized = df.assign(**{diameter: 40 * np.sqrt(df[size] / df[size].max())})
    # categories in sorted order; in each, the largest first so the small stay on top
    return sized.sort_values([color, size], ascending=[True, False]).plot_bokeh.scatter(
        x=x, y=y, category=color, colormap=PALETTE, size=diameter, alpha=0.6,
        line_color="white", disable_scientific_axes="xy", legend="bottom_right",
        title=f"marker area ~ {size}", show_figure=False,
    )


def tooltip(df, x, y, color, label):
    # hovertool_string is Bokeh's tooltip template: "@column" is the hovered row's value
    # (Pandas-Bokeh copies the columns it names into the plot's data; each name is
    # followed by a space, where its search for names stops)
    template = "<br>".join(f"{name}: @{name} " for name in (color, label, x, y))
    return df.sort_values(color).plot_bokeh.scatter(
        x=x, y=y, category=color, colormap=PALETTE, alpha=0.8, size=7, line_color="white",
        hovertool_string=template, disable_scientific_axes="xy", show_figure=False,
    )


def density(df, x, color):
    # Pandas-Bokeh has no kde kind: scipy's Gaussian KDE (Scott's bandwidth) per category,
    # evaluated on one grid a little past the data, as a (grid x category) table whose
    # columns plot_bokeh.line draws as one curve each.
    span = df[x].max() - df[x].min()
    grid = np.linspace(df[x].min() - span / 4, df[x].max() + span / 4, 300)
    curves = pd.DataFrame({name: gaussian_kde(group[x])(grid)
                           for name, group in df.groupby(color)}, index=pd.Index(grid, name=x))
    return curves.plot_bokeh.line(
        colormap=PALETTE, xlabel=x, ylabel="density", title=f"density of {x} by {color}",
        legend="top_left", disable_scientific_axes="xy", show_figure=False,
    )


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15)  # highest first
    # An ordered bar chart (Pandas-Bokeh draws no stem-and-dot): the bars keep the index's
    # order, left to right, in the one colour; a single series needs no legend.
    return top.plot_bokeh(  # a Series' accessor is a function: kind= picks the chart
        kind="bar", colormap=[PALETTE[0]], xlabel=x,
        ylabel=f"mean {y} in {time} {df[time].max()}", vertical_xlabel=True, legend=False,
        title=f"the {len(top)} highest mean {y}", show_figure=False,
    )


def stacked100(df, x, color):
    # Shares as an (x category x colour category) table, columns sorted: stacked=True piles
    # the columns on one another from the bottom, in order.
    shares = pd.crosstab(df[x], df[color], normalize="index")
    fig = shares.plot_bokeh.bar(
        stacked=True, colormap=PALETTE, line_color="white", ylabel=f"share of {color}",
        title=f"share of {color} by {x}", show_figure=False,
    )
    # Bars fill the plot to 1 and Pandas-Bokeh places legends inside it only: the returned
    # bokeh figure moves it beside the plot, never over a bar.
    fig.add_layout(fig.legend[0], "right")
    fig.legend.title = color
    return fig


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0, the centre) to its largest (1) over all
    # rows, then each category's mean (groupby sorts them): its vertex on the measure's spoke
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # Workaround: Pandas-Bokeh has no radar kind or polar axes, but its line kind joins a
    # column's points in row order against one x column (never sorted). Each vertex goes at
    # x = r sin(t), y = r cos(t), clockwise from 12 o'clock, the first again at the end to
    # close the outline; each category's rows in a column of its own (NaN elsewhere).
    n = len(measures)
    turns = 2 * np.pi * np.arange(n + 1) / n
    blocks = [pd.DataFrame({"x": r * np.sin(turns), name: r * np.cos(turns)})
              for name, r in ((name, np.append(row, row.iloc[0]))
                              for name, row in means.iterrows())]
    # the frame as one more column, "frame": rings at 0.25 to 1 and the spokes, broken by
    # NaN rows (where BokehJS breaks a line)
    around = np.append(np.linspace(0, 2 * np.pi, 121), np.nan)
    frame = pd.DataFrame({
        "x": np.concatenate([*(r * np.sin(around) for r in (0.25, 0.5, 0.75, 1)),
                             *([0, np.sin(t), np.nan] for t in turns[:n])]),
        "frame": np.concatenate([*(r * np.cos(around) for r in (0.25, 0.5, 0.75, 1)),
                                 *([0, np.cos(t), np.nan] for t in turns[:n])]),
    })
    # the spokes can be named in the title only: Pandas-Bokeh draws no text in a plot
    order = ", ".join(measures)
    fig = pd.concat([frame, *blocks], ignore_index=True).plot_bokeh.line(
        # limits in the frame's proportions (about 590 x 370 px), so the rings are round
        x="x", colormap=["#cccccc", *PALETTE], xlim=(-1.75, 1.75), ylim=(-1.1, 1.1),
        title=f"clockwise from the top: {order}", fontsize_title="9pt",
        legend="top_left", hovertool=False, toolbar_location=None, show_figure=False)
    # on the returned bokeh figure: no axes (x and y mean nothing here), the frame's line
    # left out of the legend
    fig.axis.visible = False
    fig.grid.visible = False
    fig.legend[0].items = fig.legend[0].items[1:]
    return fig


def area(df, time, y, color):
    # One band per column, stacked=True piling them from the bottom in column order: the
    # sums as a (time x category) table, columns sorted.
    sums = df.groupby([time, color])[y].sum().unstack(color, fill_value=0)
    fig = sums.plot_bokeh.area(
        stacked=True, colormap=PALETTE, alpha=0.85, xlabel=time, ylabel=f"sum of {y}",
        title=f"sum of {y} by {color}", legend="top_left", show_figure=False,
    )
    # It draws the top band first, so its legend runs from the top band down: reversed on
    # the returned bokeh figure, the legend lists the categories in sorted order.
    fig.legend[0].items = fig.legend[0].items[::-1]
    return fig


def pie(df, color):
    # One wedge per row of a (category, count) table, in its order: sorted.
    counts = df[color].value_counts().sort_index().rename("rows").reset_index()
    # Its pie prints a leftover debugging line (the legend's column name): kept out of the
    # program's output.
    with contextlib.redirect_stdout(io.StringIO()):
        return counts.plot_bokeh.pie(
            x=color, y="rows", colormap=PALETTE, title=f"rows per {color}", show_figure=False,
        )


NOT_SUPPORTED = {
    "violin": "Pandas-Bokeh has no violin or kde kind, and its area plot draws one band per "
    "column on a numeric x axis: it cannot mirror a density around a category.",
    "box": "Pandas-Bokeh lists plot_bokeh.box, but plot() rejects kind='box': "
    "box plots were never implemented.",
    "heatmap": "Pandas-Bokeh has no heatmap or image kind; its kinds are line, step, point, "
    "scatter, bar, barh, hist, area, pie and map.",
    "regression": "Pandas-Bokeh fits nothing and cannot overlay a second plot on a figure; "
    "a fit line would need numpy plus raw bokeh glyph calls.",
    "scatter3d": "Pandas-Bokeh draws with bokeh, which has no 3D axes.",
    "ridgeline": "Pandas-Bokeh has no kde or ridge kind, and its area kind puts no series "
    "on a baseline of its own: with stacked=False every column is a patch filled down to 0 "
    "(a ridge raised by an offset would cover every ridge below it), and with stacked=True "
    "each column sits on the outline of the one before. Flat baselines would take fake "
    "spacer columns stacked between the ridges, painted over the plot; it cannot overlay a "
    "second plot on a figure either.",
    "hexbin": "Pandas-Bokeh has no hexbin or 2D-histogram kind (its kinds are line, step, "
    "point, scatter, bar, barh, hist, area, pie and map; the accessor's docstring shows "
    "df.plot_bokeh.hexbin(), copied from pandas, but no such method exists), and its hist "
    "bins one column at a time.",
    "splom": "Pandas-Bokeh has no scatter-matrix kind (its kinds are line, step, point, "
    "scatter, bar, barh, hist, area, pie and map); a matrix would be twelve separate "
    "scatter calls, each with its own data source, laid out by plot_grid.",
    "parallel": "Pandas-Bokeh has no parallel-coordinates kind, and its line plot draws one "
    "line per column with one legend entry each: it cannot colour and name a line per row "
    "by a category.",
    "linked": "Each plot_bokeh call makes its own data source and takes no source or "
    "selection tool to share, so a selection in one figure cannot show in another.",
    "widget": "Pandas-Bokeh's only dropdown and slider (geoplot's dropdown= and slider=) "
    "choose which column colours a map; its scatter has no control that picks rows.",
    "animation": "Pandas-Bokeh has no time slider or play button: its only slider "
    "(geoplot's slider=) chooses the column that colours a map.",
    "treemap": "Pandas-Bokeh has no treemap and no kind that draws rectangles where the data "
    "puts them (its kinds are line, step, point, scatter, bar, barh, hist, area, pie and "
    "map), and it draws no text inside a plot; its only polygons are geoplot's map of a "
    "geopandas GeoDataFrame, coloured by a numeric column only. A treemap would be "
    "squarify's layout drawn with raw bokeh quads and text, as Bokeh's own gallery does.",
    "sankey": "Pandas-Bokeh has no Sankey or flow kind (its kinds are line, step, point, "
    "scatter, bar, barh, hist, area, pie and map).",
    "choropleth": "Pandas-Bokeh's map (plot_bokeh on a geopandas GeoDataFrame) needs "
    "geopandas, which the gallery does not install; its DataFrame kinds draw no polygons. "
    "Bokeh draws the same map from the GeoJSON with GeoJSONDataSource (its row shows it).",
}

SPEC_NOT_MET = {
    "radar": {
        "spokes": "Pandas-Bokeh draws no text inside a plot (its kinds are line, step, point, "
        "scatter, bar, barh, hist, area, pie and map) and its axes are numeric here: the "
        "measures are named, in spoke order, in the title only, not at their spokes.",
    },
    "pie": {
        "order": "Pandas-Bokeh's pie draws annular_wedge glyphs from cumsum() of the shares, "
        "so the wedges run anticlockwise from 3 o'clock, Bokeh's convention; it has no start "
        "angle or direction option (its extra options reach the glyph, where direction='clock' "
        "would sweep the rest of the circle instead).",
    },
    "line": {
        "statistic": "Pandas-Bokeh draws the table of means as it is: where a category has no "
        "value at a time, its line stops there and starts again (there is no option to join "
        "across the gap, and no way to add a second table to its figure).",
    },
    "facet": {
        "legend": "Pandas-Bokeh draws each panel as a figure of its own, with a legend of the "
        "categories in that panel; plot_grid lays the figures out but cannot merge them into "
        "one legend.",
    },
    "bubble": {
        "size legend": "Pandas-Bokeh's legend names the categories only, and BokehJS draws "
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
    from bokeh.resources import INLINE

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
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/pandas_bokeh")
    out.mkdir(parents=True, exist_ok=True)
    for kind, fig in charts.items():
        # pandas_bokeh.save is bokeh.io.save; INLINE embeds BokehJS so no network is needed.
        pandas_bokeh.save(fig, filename=out / f"{kind}.html", resources=INLINE, title=kind)
        print("wrote", out / f"{kind}.html")
