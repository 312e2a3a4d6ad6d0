"""hvPlot: every chart kind of the gallery through the .hvplot accessor on a DataFrame.

Run: python examples/plot_hvplot.py [OUT_DIR]  (needs hvplot, holoviews, bokeh, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role.
Importing hvplot.pandas adds .hvplot to every DataFrame: the pandas .plot API, returning
interactive HoloViews objects (drawn with bokeh) that compose with * and +. Charts are
written as HTML pages with BokehJS inlined, so they open offline.
"""

import holoviews as hv
import hvplot.pandas  # adds the .hvplot accessor to every DataFrame
import numpy as np
import pandas as pd

hvplot.extension("bokeh")

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = {"width": 600, "height": 400}  # px, legend included


def scatter(df, x, y, color):
    # by= groups in the order the rows come: sorted rows give sorted groups, each taking
    # the next colour of the list
    return df.sort_values(color).hvplot.scatter(
        x=x, y=y, by=color, color=PALETTE, alpha=0.8, legend="right", **SIZE)


def line(df, time, y, color):
    means = df.groupby([time, color])[y].mean().reset_index()
    options = {"x": time, "y": y, "by": color, "color": PALETTE}
    # a line through the means, and a marker on each (the markers need no legend of their own)
    return (means.hvplot.line(**options, legend="right", ylabel=f"mean {y}", **SIZE)
            * means.hvplot.scatter(**options, legend=False))


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean().reset_index()  # sorted by x, then color
    # by= splits each x bar into a group of bars, one per color value; with one label
    # per group on the axis (multi_level=False) a legend names the colours
    return means.hvplot.bar(x=x, y=y, by=color, color=PALETTE, legend="right",
                            ylabel=f"mean {y}", **SIZE).opts(multi_level=False)


def histogram(df, x, color):
    # one histogram per color value, on the same 20 edges; hvPlot overlays them and
    # cannot stack them
    return df.sort_values(color).hvplot.hist(
        x, by=color, bins=np.histogram_bin_edges(df[x], 20), color=PALETTE, alpha=0.5,
        ylabel="count", legend="right", **SIZE)


def box(df, x, y):
    # c= fills each box by its category; sorted rows give sorted boxes and colours
    return df.sort_values(x).hvplot.box(y=y, by=x, c=x, cmap=PALETTE, legend=False, **SIZE)


def heatmap(df):
    corr = df.corr()
    # a wide frame maps its columns to x and its index to y; flip_yaxis puts the first
    # row at the top
    cells = corr.hvplot.heatmap(cmap="RdBu_r", clim=(-1, 1), flip_yaxis=True,
                                xlabel="", ylabel="", clabel="correlation", **SIZE)
    # the values, written in the cells (one row per cell): white on the dark ends of
    # the scale, black in between
    long = corr.stack().rename_axis(["row", "column"]).reset_index(name="r")
    dark = long["r"].abs() > 0.5
    text = {"x": "column", "y": "row", "text": "{r:.2f}"}
    labels = (long[dark].hvplot.labels(**text, text_color="white")
              * long[~dark].hvplot.labels(**text, text_color="black"))
    return cells * labels


def facet(df, x, y, color, facet):
    # by= with subplots=True draws one panel per facet value, sharing the axes; a colour
    # per value (c= with a dict cmap) keeps each group's colour the same in every panel.
    # Panels and legend entries come in the order of the rows: sorting sorts them
    palette = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    panels = df.sort_values([facet, color]).hvplot.scatter(
        x=x, y=y, by=facet, subplots=True, c=color, cmap=palette, alpha=0.8,
        legend="bottom", frame_width=220, frame_height=220)
    return panels.cols(2)


def regression(df, x, y, color):
    df = df.sort_values(color)
    points = df.hvplot.scatter(x=x, y=y, by=color, color=PALETTE, alpha=0.6, legend="right")
    # hvPlot has no fit option: a least-squares line per group, drawn from its
    # smallest to its largest x
    ends = []
    for name, group in df.groupby(color):
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array([group[x].min(), group[x].max()])
        ends.append(pd.DataFrame({x: xs, y: slope * xs + intercept, color: name}))
    fits = pd.concat(ends).hvplot.line(x=x, y=y, by=color, color=PALETTE, legend=False)
    return (points * fits).opts(**SIZE)


def bubble(df, x, y, size, color):
    # a column as s draws markers sqrt(value) * scale pixels across (area ~ value):
    # scale so that the largest is 40 px
    return df.sort_values(color).hvplot.scatter(
        x=x, y=y, s=size, scale=40 / np.sqrt(df[size].max()), by=color, color=PALETTE,
        alpha=0.6, legend="right", title=f"marker area ~ {size}", **SIZE)


def tooltip(df, x, y, color, label):
    # the tooltip names x, y and the by= column; hover_cols adds the label to it
    return df.sort_values(color).hvplot.scatter(
        x=x, y=y, by=color, hover_cols=[label], color=PALETTE, alpha=0.8, legend="right",
        **SIZE)


def linked(df, x, y, x2, y2, color):
    # the legend lists the categories in the order the rows come: sorted rows sort it
    df = df.sort_values(color)
    palette = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    # the rows a box selection leaves out fade
    style = {"c": color, "cmap": palette, "alpha": 0.8, "nonselection_alpha": 0.1,
             "tools": ["box_select"], "height": 400}
    left = df.hvplot.scatter(x=x, y=y, legend=False, width=400, **style)
    # views of one width (a grid gives its columns equal shares of a card), the legend
    # inside the second
    right = df.hvplot.scatter(x=x2, y=y2, legend="bottom_right", width=400, **style)
    # both views draw the same frame, so the layout gives them one bokeh data source:
    # the rows selected in one are selected in the other, in the page (no server)
    views = left.opts(active_tools=["box_select"]) + right.opts(active_tools=["box_select"])
    # one toolbar per view keeps box select active in each (a merged one starts on pan)
    return views.opts(shared_datasource=True, merge_tools=False)


def splom(df, color):
    measures = list(df.select_dtypes("number").columns)
    # every numeric column against every other, coloured by c= (values take the colours
    # in the order they come: sorted rows), a density of each group on the diagonal
    grid = hvplot.scatter_matrix(df.sort_values(color), c=color, cmap=PALETTE, alpha=0.6,
                                 diagonal="kde")
    # the grid sorts its panels by name: declared values keep the data's order, the
    # first measure at the top
    grid = grid.redim.values(X=measures, Y=measures[::-1]).opts(plot_size=130)
    # a grid hides its panels' legends: one for the grid, beside its top right panel
    grid[measures[-1], measures[0]].opts(show_legend=True, legend_position="right")
    return grid


def parallel(df, color):
    df = df.sort_values(color)  # by= groups come in the rows' order: sorted, as colours go
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0) to its largest (1), so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    # Workaround: hvplot.parallel_coordinates makes one Curve per row, over a minute for
    # 1,704 rows. Instead one line per category, its rows end to end at x = 0, 1, 2, 3,
    # each followed by a NaN, where BokehJS breaks the line.
    n = len(measures)
    long = pd.DataFrame({
        "measure": np.tile([*range(n), np.nan], len(df)),
        "scaled 0-1": np.column_stack([scaled, np.full(len(df), np.nan)]).ravel(),
        color: np.repeat(df[color].to_numpy(), n + 1),
    })
    return long.hvplot.line(x="measure", y="scaled 0-1", by=color, color=PALETTE,
                            alpha=0.4, line_width=1, xticks=list(enumerate(measures)),
                            legend="right", **SIZE)


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0, the centre) to its largest (1) over all
    # rows, then each category's mean (groupby sorts them): its vertex on the measure's spoke
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # Workaround: hvPlot has no radar kind or polar axes (and .hvplot.polygons needs
    # geopandas). Each vertex goes at x = r sin(t), y = r cos(t), the spokes clockwise from
    # 12 o'clock, and each category is a line back to its first vertex: an unfilled polygon
    n = len(measures)
    turns = 2 * np.pi * np.arange(n + 1) / n  # the first spoke again at the end
    outlines = pd.DataFrame({
        color: np.repeat(means.index, n + 1),
        "r": np.column_stack([means, means.iloc[:, 0]]).ravel(),
        "t": np.tile(turns, len(means)),
    }).assign(x=lambda d: d.r * np.sin(d.t), y=lambda d: d.r * np.cos(d.t))
    # the grey frame as one line broken by NaN rows: rings at 0.25 to 1, then the spokes
    around = np.append(np.linspace(0, 2 * np.pi, 121), np.nan)
    frame = pd.DataFrame({
        "x": np.concatenate([*(r * np.sin(around) for r in (0.25, 0.5, 0.75, 1)),
                             *([0, np.sin(t), np.nan] for t in turns[:n])]),
        "y": np.concatenate([*(r * np.cos(around) for r in (0.25, 0.5, 0.75, 1)),
                             *([0, np.cos(t), np.nan] for t in turns[:n])]),
    })
    # each measure's name just past its spoke's end, aligned away from the centre
    names = pd.DataFrame({"x": 1.08 * np.sin(turns[:n]), "y": 1.08 * np.cos(turns[:n]),
                          "measure": measures})
    names["align"] = np.where(names.x > 0.1, "left", np.where(names.x < -0.1, "right",
                                                               "center"))
    names["baseline"] = np.where(names.y > 0.1, "bottom", np.where(names.y < -0.1, "top",
                                                                    "middle"))
    # data_aspect=1: one unit as long across as up, the rings round, in a frame fixed at
    # 600 x 400 px, so the legend goes in its empty top left corner
    style = {"xaxis": None, "yaxis": None, "data_aspect": 1, **SIZE}
    return (frame.hvplot.paths(x="x", y="y", color="#cccccc", **style)
            * outlines.hvplot.line(x="x", y="y", by=color, color=PALETTE, line_width=2,
                                   **style)
            * names.hvplot.labels(x="x", y="y", text="measure", text_color="black",
                                  text_font_size="9pt",
                                  hover_cols=["align", "baseline"],
                                  text_align=hv.dim("align"),
                                  text_baseline=hv.dim("baseline"), **style)
            ).opts(title=f"mean of each measure per {color}, scaled 0-1",
                   legend_position="top_left")


def violin(df, x, y):
    # one violin per by= group, each scipy's gaussian_kde of its values (Scott's
    # bandwidth unless given bandwidth=), mirrored; c= fills each by its category, and
    # sorted rows give sorted violins and colours
    violins = df.sort_values(x).hvplot.violin(y=y, by=x, c=x, cmap=PALETTE, legend=False,
                                              **SIZE)
    # the estimate reaches 5 bandwidths past the data, where the y axis (set from the
    # data) cuts it off: cut=0 ends each violin at its smallest and largest value
    return violins.opts(cut=0)


def area(df, time, y, color):
    sums = df.groupby([time, color])[y].sum().reset_index()  # sorted by time, then color
    # one area per by= group; stacked=True sets each on the top of the one before it,
    # the first group at the bottom. The y axis from 0, where the bottom band starts
    return sums.hvplot.area(x=time, y=y, by=color, stacked=True, color=PALETTE,
                            fill_alpha=0.85, legend="right", ylabel=f"sum of {y}",
                            ylim=(0, None), **SIZE)


def density(df, x, color):
    # kde draws scipy's gaussian_kde of each by= group (Scott's bandwidth unless given
    # bandwidth=), cut three bandwidths past the data; sorted rows give sorted groups.
    # filled=False draws lines, which stay visible where the curves overlap
    curves = df.sort_values(color).hvplot.kde(
        x, by=color, filled=False, line_color=PALETTE, ylabel="density", legend="right",
        **SIZE)
    # hvPlot lets bokeh batch an overlay of lines into one glyph, which has no legend:
    # batched=False keeps a line, and a legend entry, per group
    return curves.opts(batched=False)


def ridgeline(df, x, color):
    # hvPlot's ridge plot: kde with subcoordinate_y draws each by= group (scipy's
    # gaussian_kde, Scott's bandwidth) on a stretch of its own of the y axis, named by a
    # tick at its middle. The groups' densities share one y range (the overlay's), mapped
    # onto every stretch alike: one scale, heights compare. The first group is drawn at the
    # bottom: reversed rows (and colours) put the first category at the top.
    # subcoordinate_scale 1.4 lets a ridge reach into the one above it
    names = sorted(df[color].unique())
    return df.sort_values(color, ascending=False).hvplot.kde(
        x, by=color, subcoordinate_y={"subcoordinate_scale": 1.4},
        color=PALETTE[:len(names)][::-1], fill_alpha=0.8, line_color="white",
        ylabel=color, legend=False, **SIZE)


def hexbin(df, x, y):
    # hexbin bins the rows itself (a HoloViews HexTiles: counts by default), gridsize
    # hexagons across each axis's range, each coloured by its count; no empty bins.
    # HexTiles ends the x axis at the data's ends (padding widens y only), which cuts the
    # outer hexagons in half: 5 % more on each side keeps them whole
    pad = 0.05 * (df[x].max() - df[x].min())
    return df.hvplot.hexbin(x=x, y=y, gridsize=25, cmap="viridis", colorbar=True,
                            clabel="count", padding=0.05, xformatter="%d",
                            xlim=(df[x].min() - pad, df[x].max() + pad), **SIZE)


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    # bars and dots follow the order of the rows on a categorical axis: highest first
    top = latest.groupby(x)[y].mean().nlargest(15).reset_index()
    # a lollipop: a thin bar with a dot on its end, overlaid; room above the highest dot
    options = {"x": x, "y": y, "color": PALETTE[0], "ylim": (0, top[y].max() * 1.08)}
    stems = top.hvplot.bar(**options, line_color=PALETTE[0], rot=60, **SIZE).opts(
        bar_width=0.08)
    return (stems * top.hvplot.scatter(**options, size=100)).opts(
        ylabel=f"mean {y} in {time} {df[time].max()}")


def stacked100(df, x, color):
    # a wide frame of shares, one row per x and one column per colour value (both
    # sorted): stacked=True piles the columns, the first at the bottom
    shares = pd.crosstab(df[x], df[color], normalize="index")
    return shares.hvplot.bar(stacked=True, color=PALETTE, legend="right",
                             ylabel=f"share of {color}", **SIZE)


NOT_SUPPORTED = {
    "scatter3d": "hvPlot has no 3D plot kind for pandas data, and its default bokeh backend "
    "draws 2D plots only.",
    "pie": "hvPlot has no pie or donut kind (.hvplot.pie does not exist); a pie needs "
    "HoloViews' own hv.Donut element, outside hvPlot's API.",
    "treemap": "hvPlot has no treemap kind and no kind that draws rectangles where the data "
    "puts them: Rectangles appear only inside ohlc (candles of one width around each x, "
    "coloured up or down), and its polygons kind is documented for geopandas GeoDataFrames. "
    "A treemap needs a layout (squarify) drawn with HoloViews' own hv.Rectangles and "
    "hv.Labels, outside hvPlot's API.",
    "sankey": "hvPlot has no Sankey kind: its kinds plot a DataFrame's columns (line, bar, "
    "area, scatter, ...) and its graphs come from networkx, with no flow widths; in the "
    "HoloViz stack a Sankey is HoloViews' hv.Sankey (its row shows it).",
    "choropleth": "hvPlot draws a map only from a GeoPandas or SpatialPandas frame (its "
    "polygons kind, with GeoViews for projections), none of which the gallery installs; from "
    "a plain DataFrame no kind draws a country's outline. HoloViews, on which hvPlot is "
    "built, draws the map's polygons directly (its row shows it).",
}

NEEDS_SERVER = {
    "widget": "hvPlot's groupby= makes the dropdown, a Panel widget that redraws the chart "
    "from a live Python process; a page on its own shows the first category only (Panel's "
    "embed, which precomputes every state into the page, is not used here).",
    "animation": "hvPlot's groupby= with widget_type='scrubber' makes the year slider and "
    "play button, Panel widgets that redraw each frame from a live Python process; a page on "
    "its own shows the first year only.",
}

SPEC_NOT_MET = {
    "histogram": {
        "stacking": "hvPlot's hist gives one histogram per by= group, overlaid (half "
        "transparent): it has no stacked option for histograms (holoviews issue #5482).",
    },
    "facet": {
        "legend": "Each panel has its own legend, naming the categories drawn in that panel "
        "only: a layout of subplots has no legend of its own.",
    },
    "bubble": {
        "size legend": "hvPlot maps a column to marker size (s=) without a legend for it; "
        "its legends name the by= groups only.",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

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
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "density": (penguins, {"x": "body_mass_g", "color": "species"}),
        "ridgeline": (gapminder, {"x": "lifeExp", "color": "continent"}),
        "hexbin": (gapminder, {"x": "gdpPercap", "y": "lifeExp"}),
        "lollipop": (gapminder, {"x": "country", "y": "lifeExp", "time": "year"}),
        "stacked100": (penguins, {"x": "island", "color": "species"}),
        "treemap": (gapminder, {"color": "continent", "label": "country", "size": "pop",
                                "time": "year"}),
        "sankey": (penguins, {"color": "species", "via": "island", "target": "sex"}),
        "choropleth": (gapminder, {"geo": "iso_num", "value": "lifeExp", "time": "year"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED and kind not in NEEDS_SERVER:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            charts[kind] = globals()[kind](frame[columns].dropna(), **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/hvplot")
    out.mkdir(parents=True, exist_ok=True)
    for kind, chart in charts.items():
        # hvplot.save writes a standalone page; "inline" embeds BokehJS (no network)
        hvplot.save(chart, out / f"{kind}.html", resources="inline")
        print("wrote", out / f"{kind}.html")
