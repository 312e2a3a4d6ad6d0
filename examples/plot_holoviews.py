"""HoloViews: every chart kind of the gallery, declared once, drawn by either backend.

Run: python examples/plot_holoviews.py [OUT_DIR]  (needs holoviews, bokeh, numpy, pandas,
scipy and squarify; matplotlib for the matplotlib backend)
Each function takes a data frame and the names of the columns to use for each role.
The functions say what the data is (which columns are keys, which are values) and return
HoloViews elements; the plotting backend turns them into a figure. Changing the BACKEND
line to "matplotlib" draws the same charts with matplotlib; options that only one backend
understands name it (backend="bokeh" or "matplotlib"). Bokeh charts are written as HTML
pages with BokehJS inlined, matplotlib charts as SVG files.
"""

import json

import holoviews as hv
import numpy as np
import pandas as pd
import squarify
from holoviews import dim, opts
from scipy.stats import gaussian_kde

BACKEND = "bokeh"
hv.extension(BACKEND)

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data
# 600 x 400 px, which each backend states in its own terms
SIZE = [opts.Overlay(width=600, height=400, backend="bokeh"),
        opts.NdOverlay(width=600, height=400, backend="bokeh"),
        opts.Overlay(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"),
        opts.NdOverlay(fig_inches=(6, 4), aspect=1.5, backend="matplotlib")]


def scatter(df, x, y, color):
    # one Scatter per colour value (in sorted order), overlaid: the overlay draws the
    # legend, and each element takes the next colour of the cycle
    points = hv.Dataset(df).to(hv.Scatter, x, y, groupby=color).overlay()
    return points.opts(opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.8),
                       opts.NdOverlay(legend_position="right"), *SIZE)


def line(df, time, y, color):
    # the mean of y per (time, colour), as a line with a marker at each mean
    means = hv.Dataset(df, [time, color], y).aggregate(function=np.mean)
    lines = means.to(hv.Curve, time, y, groupby=color).overlay()
    markers = means.to(hv.Scatter, time, y, groupby=color).overlay()
    return (lines * markers).opts(
        opts.Curve(color=hv.Cycle(PALETTE)),
        opts.Scatter(color=hv.Cycle(PALETTE), show_legend=False),
        opts.Overlay(legend_position="right", ylabel=f"mean {y}"), *SIZE)


def bar(df, x, y, color):
    # two key dimensions make grouped bars: x on the axis, color within each group;
    # sorted, as bars and colours follow the order of the rows
    means = hv.Dataset(df, [x, color], y).aggregate(function=np.mean).sort()
    return hv.Bars(means).opts(
        # multi_level=False: one label per group on the axis, a legend for the colours
        opts.Bars(color=hv.Cycle(PALETTE), multi_level=False, show_legend=True,
                  legend_position="right", ylabel=f"mean {y}"),
        opts.Bars(width=600, height=400, backend="bokeh"),
        opts.Bars(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"))


def histogram(df, x, color):
    # the histogram operation bins each colour group on the same 20 edges; HoloViews
    # overlays the groups' histograms and cannot stack them
    edges = np.histogram_bin_edges(df[x], 20)
    hists = hv.Dataset(df, [x, color]).hist(x, groupby=color, bins=edges, adjoin=False)
    return hists.opts(opts.Histogram(color=hv.Cycle(PALETTE), alpha=0.5, backend="bokeh"),
                      opts.Histogram(facecolor=hv.Cycle(PALETTE), alpha=0.5,
                                     backend="matplotlib"),
                      opts.NdOverlay(legend_position="right", ylabel="count"), *SIZE)


def box(df, x, y):
    # boxes follow the order of the rows: sorting them sorts the categories
    boxes = hv.BoxWhisker(df.sort_values(x), x, y)
    return boxes.opts(
        opts.BoxWhisker(box_fill_color=dim(x), cmap=PALETTE, width=600, height=400,
                        backend="bokeh"),
        opts.BoxWhisker(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"))


def heatmap(df):
    corr = df.corr()
    names, n = list(corr.columns), len(corr.columns)
    # long form, one row per cell, at numbered positions named by the ticks: HoloViews'
    # matplotlib backend re-sorts category names (and then misplaces values), numbers
    # keep the matrix order; the first column's row at the top
    cells = corr.stack().rename_axis(["row", "column"]).reset_index(name="r")
    cells["x"] = cells["column"].map(names.index)
    cells["y"] = n - 1 - cells["row"].map(names.index)
    r = hv.Dimension("r", label="correlation", value_format=lambda v: f"{v:.2f}")
    heat = hv.HeatMap(cells, ["x", "y"], r).opts(
        xticks=list(enumerate(names)), yticks=[(n - 1 - i, name) for i, name in enumerate(names)])
    # matplotlib's HeatMap writes each value in its cell; bokeh's needs a Labels overlay
    # (which fails on matplotlib's categorical axes: holoviews issue #4992), here white
    # on the dark ends of the scale and black in between
    ink = dim("r").bin([-1, -0.5, 0.5, 1], ["white", "black", "white"])
    chart = heat * hv.Labels(heat).opts(text_color=ink) if BACKEND == "bokeh" else heat
    return chart.opts(
        opts.HeatMap(cmap="RdBu_r", clim=(-1, 1), colorbar=True, xlabel="", ylabel=""),
        opts.Overlay(width=600, height=400, backend="bokeh"),
        opts.HeatMap(width=600, height=400, backend="bokeh"),
        opts.HeatMap(fig_inches=(6, 4), aspect=1.5, xrotation=30, backend="matplotlib"))


def facet(df, x, y, color, facet):
    # a fixed colour per category, so that each keeps its colour in every panel
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    scatters = hv.Dataset(df).to(hv.Scatter, x, [y, color], groupby=[facet, color])
    # one panel per facet value, two to a row; the panels share their axes
    panels = scatters.overlay(color).layout(facet).cols(2)
    return panels.opts(
        opts.Scatter(color=dim(color).categorize(colors), alpha=0.8),
        opts.NdOverlay(frame_width=220, frame_height=220, legend_position="bottom",
                       backend="bokeh"),
        opts.NdOverlay(fig_inches=3, aspect=1, legend_position="best",
                       backend="matplotlib"))


def regression(df, x, y, color):
    points = hv.Dataset(df).to(hv.Scatter, x, y, groupby=color).overlay()

    def fit(group):
        # a least-squares line across the group's own x range (an infinite hv.Slope
        # would stretch matplotlib's autoscaled axes to reach its intercept)
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array(group.range(x))
        return hv.Curve((xs, slope * xs + intercept), x, y)

    return (points * points.map(fit, hv.Scatter)).opts(
        opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.6),
        opts.Curve(color=hv.Cycle(PALETTE), show_legend=False),
        opts.Overlay(legend_position="right"), *SIZE)


def scatter3d(df, x, y, z, color):
    points = hv.Dataset(df).to(hv.Scatter3D, [x, y, z], [], groupby=color).overlay()
    # matplotlib only: Scatter3D takes matplotlib's style names (c) and is drawn at
    # 150% unless told otherwise; a legend on the right would hide the z axis title
    return points.opts(opts.Scatter3D(c=hv.Cycle(PALETTE), alpha=0.8, fig_size=100),
                       opts.NdOverlay(legend_position="bottom"), *SIZE)


def bubble(df, x, y, size, color):
    points = hv.Dataset(df).to(hv.Scatter, x, [y, size], groupby=color).overlay()
    share = dim(size) / df[size].max()
    # marker area from zero, the largest 40 px across; marker size is a backend style:
    # bokeh's `size` is a diameter in pixels, matplotlib's `s` an area in points^2
    # (40 px at 100 dpi is 28.8 pt)
    return points.opts(
        opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.6),
        opts.Scatter(size=np.sqrt(share) * 40, backend="bokeh"),
        opts.Scatter(s=share * 28.8**2, backend="matplotlib"),
        opts.NdOverlay(legend_position="right", title=f"marker area ~ {size}"), *SIZE)


def tooltip(df, x, y, color, label):
    # the label rides along as a value dimension: the tooltip can name only the columns
    # an element holds
    points = hv.Dataset(df).to(hv.Scatter, x, [y, label], groupby=color).overlay()
    return points.opts(
        opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.8, tools=["hover"],
                     hover_tooltips=[color, label, x, y]),
        opts.NdOverlay(legend_position="right"), *SIZE)


def linked(df, x, y, x2, y2, color):
    # the legend lists the categories in the order the rows come: sorted rows sort it
    df = df.sort_values(color)
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    # box select active from the start; the rows it leaves out fade
    style = dict(color=color, cmap=colors, alpha=0.8, nonselection_alpha=0.1, height=400,
                 tools=["box_select"], active_tools=["box_select"])
    left = hv.Scatter(df, x, [y, color]).opts(**style, width=400, show_legend=False)
    # views of one width (a grid gives its columns equal shares of a card), the legend
    # inside the second
    right = hv.Scatter(df, x2, [y2, color]).opts(**style, width=400,
                                                 legend_position="bottom_right")
    # both views draw the same frame, so the layout gives them one bokeh data source:
    # the rows selected in one are selected in the other, in the page (no server)
    # one toolbar per view keeps box select active in each (a merged one starts on pan)
    return (left + right).opts(shared_datasource=True, merge_tools=False)


def splom(df, color):
    measures = list(df.select_dtypes("number").columns)
    # gridmatrix pairs every numeric dimension of each group; grouped into an NdOverlay,
    # every panel overlays the colour groups (in sorted order)
    groups = hv.Dataset(df).groupby(color, container_type=hv.NdOverlay)
    grid = hv.operation.gridmatrix(groups, chart_type=hv.Scatter,
                                   diagonal_type=hv.Distribution)
    # the grid sorts its panels by name: declared values keep the data's order, the
    # first measure at the top
    grid = grid.redim.values(X=measures, Y=measures[::-1])
    grid = grid.opts(
        opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.6),
        opts.Scatter(size=3, backend="bokeh"), opts.Scatter(s=6, backend="matplotlib"),
        # each density on its own scale (axiswise): the measures' units differ
        opts.Distribution(color=hv.Cycle(PALETTE), axiswise=True),
        opts.Distribution(facecolor=hv.Cycle(PALETTE), backend="matplotlib"),
        opts.NdOverlay(show_legend=False),
        opts.GridMatrix(plot_size=130, backend="bokeh"),
        # (a grid's fig_size, 160% by default, scales its fig_inches)
        opts.GridMatrix(fig_inches=(6, 6), fig_size=100, backend="matplotlib"))
    # one legend for the grid, beside its top right panel
    grid[measures[-1], measures[0]].opts(show_legend=True, legend_position="right")
    return grid


def parallel(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0) to its largest (1), so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    # HoloViews has no parallel coordinates element: one Path per category holds one
    # line per row, through the measures at x = 0, 1, 2, ...; overlaid, they get a legend
    paths = hv.NdOverlay({
        name: hv.Path([list(enumerate(row)) for row in group.to_numpy()])
        for name, group in scaled.groupby(df[color])}, kdims=color)
    return paths.opts(
        opts.Path(color=hv.Cycle(PALETTE), alpha=0.4, show_legend=True),
        opts.NdOverlay(xticks=list(enumerate(measures)), xlabel="", ylabel="scaled 0-1",
                       legend_position="right"), *SIZE)


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0, the centre) to its largest (1) over all
    # rows, then each category's mean: its vertex on the measure's spoke
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # HoloViews has no radar element or polar axes: a workaround on both backends, each
    # vertex at x = r sin(t), y = r cos(t), the spokes clockwise from 12 o'clock
    across, up = (f(2 * np.pi * np.arange(len(measures)) / len(measures))
                  for f in (np.sin, np.cos))
    around = np.linspace(0, 2 * np.pi, 121)
    # the frame in grey: rings at a quarter, a half, three quarters and 1, and the spokes
    frame = hv.Path([(r * np.sin(around), r * np.cos(around)) for r in (0.25, 0.5, 0.75, 1)]
                    + [([0, x], [0, y]) for x, y in zip(across, up, strict=True)])
    # each measure's name past its spoke's end, aligned away from the centre
    names = hv.Labels({"x": 1.08 * across, "y": 1.08 * up, "measure": measures,
                       "align": np.where(across > 0.1, "left",
                                         np.where(across < -0.1, "right", "center")),
                       "baseline": np.where(up > 0.1, "bottom",
                                            np.where(up < -0.1, "top", "middle"))},
                      ["x", "y"], ["measure", "align", "baseline"])
    # one Polygons per category (a polygon closes itself), overlaid: they get a legend
    profiles = hv.NdOverlay({name: hv.Polygons([{"x": row * across, "y": row * up}])
                             for name, row in means.iterrows()}, kdims=color)
    return (frame * profiles * names).opts(
        opts.Path(color="#cccccc", show_legend=False),
        opts.Polygons(show_legend=True),
        opts.Labels(text_color="black", show_legend=False, backend="bokeh"),
        opts.Labels(color="black", show_legend=False, backend="matplotlib"),
        # the fill at opacity 0.25 under a full-colour outline, in each backend's terms
        opts.Polygons(fill_color=hv.Cycle(PALETTE), fill_alpha=0.25,
                      line_color=hv.Cycle(PALETTE), line_width=2, backend="bokeh"),
        opts.Polygons(facecolor=hv.Cycle([c + "40" for c in PALETTE]),
                      edgecolor=hv.Cycle(PALETTE), linewidth=2, backend="matplotlib"),
        opts.Labels(text_align=dim("align"), text_baseline=dim("baseline"),
                    text_font_size="9pt", backend="bokeh"),
        opts.Labels(horizontalalignment=dim("align"), size=9, backend="matplotlib",
                    verticalalignment=dim("baseline").categorize(
                        {"top": "top", "bottom": "bottom", "middle": "center"})),
        # one data unit as long across as up, so the rings are round; no axes. Bokeh's
        # data_aspect fixes the frame at 600 x 400: the legend goes in its empty corner
        opts.Overlay(xaxis=None, yaxis=None,
                     title=f"mean of each measure per {color}, scaled 0-1"),
        opts.Overlay(data_aspect=1, width=600, height=400, legend_position="top_left",
                     backend="bokeh"),
        opts.Overlay(aspect="equal", fig_inches=(6, 4), legend_position="right",
                     backend="matplotlib"))


def violin(df, x, y):
    # violins follow the order of the rows: sorting them sorts the categories. Each is
    # scipy's gaussian_kde of its values (Scott's bandwidth unless told), mirrored
    violins = hv.Violin(df.sort_values(x), x, y)
    # the fill colour per category is a backend style: bokeh maps the category through
    # a colour map, matplotlib takes one colour per violin from a cycle. Bokeh draws the
    # estimate 5 bandwidths past the data, where the y axis (set from the data) cuts it
    # off: cut=0 ends each violin at its smallest and largest value, as matplotlib does
    return violins.opts(
        opts.Violin(violin_fill_color=dim(x), cmap=PALETTE, cut=0, width=600, height=400,
                    backend="bokeh"),
        opts.Violin(facecolors=hv.Cycle(PALETTE), fig_inches=(6, 4), aspect=1.5,
                    backend="matplotlib"))


def area(df, time, y, color):
    # the sum of y per (time, colour), one Area per colour value (in sorted order);
    # Area.stack sets each one's baseline on the top of the one before it
    sums = hv.Dataset(df, [time, color], y).aggregate(function=np.sum)
    bands = hv.Area.stack(sums.to(hv.Area, time, y, groupby=color).overlay())
    # the fill is a backend style: bokeh's `color`, matplotlib's `facecolor` (whose Area
    # also leaves itself out of the legend unless told)
    return bands.opts(opts.Area(color=hv.Cycle(PALETTE), fill_alpha=0.85, backend="bokeh"),
                      opts.Area(facecolor=hv.Cycle(PALETTE), alpha=0.85, show_legend=True,
                                backend="matplotlib"),
                      # the y axis from 0, where the bottom band starts
                      opts.NdOverlay(legend_position="right", ylabel=f"sum of {y}",
                                     ylim=(0, None)), *SIZE)


def pie(df, color):
    # a Donut with no hole is a pie. Its wedges run anticlockwise from start_angle (in
    # radians from 3 o'clock), so the categories go in reverse order starting at 12
    # o'clock, which reads sorted clockwise. A categorical column: with plain strings
    # HoloViews 1.23's bokeh backend sets up a categorical x axis and draws no wedge
    counts = df[color].astype("category").value_counts().sort_index(ascending=False)
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    wedges = hv.Donut(counts.reset_index(), color, "count")
    # the category's name on each wedge; a legend would list them in reverse
    return wedges.opts(
        opts.Donut(inner_radius=0, start_angle=np.pi / 2, cmap=colors, show_labels=True,
                   show_legend=False, title=f"rows per {color}"),
        # data_aspect=1 keeps the pie round on a wide bokeh canvas
        opts.Donut(width=600, height=400, data_aspect=1, backend="bokeh"),
        opts.Donut(fig_inches=(6, 4), backend="matplotlib"))


def density(df, x, color):
    # a Distribution is drawn as scipy's gaussian_kde of its values (Scott's bandwidth
    # unless told), cut three bandwidths past the data; one per colour value, overlaid
    curves = hv.Dataset(df, [x, color]).to(hv.Distribution, x, [], groupby=color).overlay()
    # filled=False draws each estimate as a line, which stays visible where they overlap;
    # the line's colour is a backend style (bokeh's `color` would fill the area only),
    # and matplotlib would draw it half transparent
    return curves.opts(opts.Distribution(filled=False, alpha=1),
                       opts.Distribution(line_color=hv.Cycle(PALETTE), backend="bokeh"),
                       opts.Distribution(color=hv.Cycle(PALETTE), backend="matplotlib"),
                       opts.NdOverlay(legend_position="right", ylabel="density"), *SIZE)


def ridgeline(df, x, color):
    # scipy's gaussian_kde of each category (Scott's bandwidth, as a Distribution draws
    # it), on a grid three bandwidths past its data
    curves = {}
    for name, group in df.groupby(color):
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        curves[name] = grid, kde(grid)
    # one scale for every ridge, so heights compare: the highest peak 1.4 ridges tall
    scale = 1.4 / max(density.max() for _, density in curves.values())
    # HoloViews has no ridgeline element, and subcoordinate_y (its ridge-plot option) is
    # bokeh-only: a workaround on both backends, each ridge an Area between two value
    # dimensions, its baseline and baseline + scaled density; baselines one apart, the
    # first category at the top, named by a tick at its baseline
    base = {name: len(curves) - 1 - i for i, name in enumerate(curves)}
    ridges = hv.NdOverlay({
        name: hv.Area((grid, base[name] + scale * density, np.full(len(grid), base[name])),
                      x, ["density", "baseline"])
        for name, (grid, density) in curves.items()}, kdims=color)
    # drawn in sorted order, from the top down: each lower ridge over the one above it; the
    # fill is a backend style (bokeh's fill_color, matplotlib's facecolor)
    return ridges.opts(
        opts.Area(fill_color=hv.Cycle(PALETTE), fill_alpha=0.8, line_color="white",
                  line_width=1.5, backend="bokeh"),
        opts.Area(facecolor=hv.Cycle(PALETTE), alpha=0.8, edgecolor="white", linewidth=1.5,
                  backend="matplotlib"),
        opts.NdOverlay(show_legend=False, yticks=[(b, name) for name, b in base.items()],
                       ylabel=color), *SIZE)


def hexbin(df, x, y):
    # HexTiles bins the rows itself (counts by default): gridsize hexagons across each
    # axis's range, each coloured by its count; bins with no rows are not drawn
    tiles = hv.HexTiles(df, [x, y])
    # the bokeh plot ends its axes at the data's ends (padding widens y only), which cuts
    # the outer hexagons in half: 5 % more on each side keeps them whole
    pad = 0.05 * (df[x].max() - df[x].min())
    return tiles.opts(
        opts.HexTiles(gridsize=25, cmap="viridis", colorbar=True, clabel="count"),
        opts.HexTiles(width=600, height=400, padding=0.05, xformatter="%d",
                      xlim=(df[x].min() - pad, df[x].max() + pad), backend="bokeh"),
        opts.HexTiles(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"))


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    # bars and dots follow the order of the rows on a categorical axis: highest first
    top = latest.groupby(x)[y].mean().nlargest(15).reset_index()
    # a lollipop is a thin bar with a dot on its end (hv.Spikes, the stems' own element,
    # takes no categorical axis in the matplotlib backend); widths and outlines are
    # backend options
    stems = hv.Bars(top, x, y).opts(color=PALETTE[0]).opts(
        opts.Bars(bar_width=0.08, line_color=PALETTE[0], backend="bokeh"),
        opts.Bars(bar_padding=0.92, edgecolor=PALETTE[0], backend="matplotlib"))
    dots = hv.Scatter(top, x, y).opts(color=PALETTE[0]).opts(
        opts.Scatter(size=10, backend="bokeh"), opts.Scatter(s=80, backend="matplotlib"))
    return (stems * dots).opts(
        # room above the highest dot, which the range would otherwise cut in half
        opts.Overlay(ylabel=f"mean {y} in {time} {df[time].max()}", xrotation=60,
                     ylim=(0, top[y].max() * 1.08)),
        opts.Overlay(width=600, height=400, backend="bokeh"),
        opts.Overlay(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"))


def stacked100(df, x, color):
    # the share of each colour value within each x, 0 where an x lacks one: the stack
    # takes its order from the colours of the first x, so that x must list them all
    shares = pd.crosstab(df[x], df[color], normalize="index")
    long = shares.stack().rename("share").reset_index()  # sorted by x, then color
    # the second key dimension stacks, the first of its values at the bottom
    return hv.Bars(long, [x, color], "share").opts(
        opts.Bars(stacked=True, color=hv.Cycle(PALETTE), show_legend=True,
                  legend_position="right", xlabel=x, ylabel=f"share of {color}"),
        opts.Bars(width=600, height=400, backend="bokeh"),
        opts.Bars(fig_inches=(6, 4), aspect=1.5, backend="matplotlib"))


def treemap(df, color, label, size, time):
    # HoloViews has no treemap element: a workaround on both backends, as Bokeh's own
    # treemap example does it, squarify (pinned) lays the tiles out and Rectangles draw
    # them. Two levels: each category's block first, then its labels' tiles inside it.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    width, height = 130, 100  # the frame's shape beside the legend: square tiles look square
    places = squarify.squarify(squarify.normalize_sizes(blocks, width, height), 0, 0, width, height)
    tiles = []
    for name, block in zip(blocks.index, places, strict=True):
        own = sums[name].sort_values(ascending=False)
        spots = pd.DataFrame(squarify.squarify(
            squarify.normalize_sizes(own, block["dx"], block["dy"]),
            block["x"], block["y"], block["dx"], block["dy"]))
        tiles.append(spots.assign(**{color: name, label: own.index, size: own.to_numpy()}))
    tiles = pd.concat(tiles).sort_values(color)  # sorted: the i-th category, the i-th colour
    tiles = tiles.assign(x1=tiles["x"] + tiles["dx"], y1=tiles["y"] + tiles["dy"],
                         cx=tiles["x"] + tiles["dx"] / 2, cy=tiles["y"] + tiles["dy"] / 2)
    # Rectangles take two corners as key dimensions (x0, y0, x1, y1); one per category,
    # overlaid, so that the overlay draws the legend, as in scatter
    rects = hv.Dataset(tiles).to(hv.Rectangles, ["x", "y", "x1", "y1"], [label, size],
                                 groupby=color).overlay()
    named = hv.Labels(tiles[tiles[size] >= 0.02 * sums.sum()], ["cx", "cy"], label)
    # fill, outline and text are backend styles (bokeh's fill_color, line_color and text_*,
    # matplotlib's facecolor, edgecolor, color and size)
    return (rects * named).opts(
        opts.Rectangles(fill_color=hv.Cycle(PALETTE), line_color="white", line_width=0.5,
                        backend="bokeh"),
        opts.Rectangles(facecolor=hv.Cycle(PALETTE), edgecolor="white", linewidth=0.5,
                        backend="matplotlib"),
        opts.Labels(text_color="white", text_font_size="7pt", backend="bokeh"),
        opts.Labels(color="white", size=7, backend="matplotlib"),
        # y runs down from 0 at the top: the largest block at the top left
        opts.Overlay(xlim=(0, width), ylim=(0, height), invert_yaxis=True, xaxis=None,
                     yaxis=None, legend_position="right",
                     title=f"sum of {size} in {time} {df[time].max()}"), *SIZE)


def sankey(df, color, via, target):
    stages = [color, via, target]
    names = df[stages].astype(str)
    # a node per category of each stage: its id names the stage too (a value found in two
    # stages makes two nodes), its label the category alone
    ids = names.apply(lambda column: column.name + ": " + column)
    nodes = pd.DataFrame({"id": ids.melt()["value"], "label": names.melt()["value"]})
    nodes = hv.Dataset(nodes.drop_duplicates(), "id", "label")
    # one edge per (first-stage category, left node, right node) with its number of rows:
    # each link keeps its first category's colour all the way across
    edges = pd.concat(
        ids.groupby([df[color], left, right]).size()
        .rename_axis([color, "source", "target"]).reset_index(name="rows")
        for left, right in zip(stages, stages[1:], strict=False))
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    # HoloViews lays the nodes out (d3-sankey's algorithm): a node as tall as its edges' rows
    flows = hv.Sankey((edges, nodes), ["source", "target"], ["rows", color])
    return flows.opts(
        # each node named by its label alone (not its count); a node is a bar, and a marker
        # at its centre unless its size is 0
        opts.Sankey(labels="label", show_values=False, node_color="#666666", node_size=0,
                    edge_color=dim(color).categorize(colors),
                    title=f"rows from {color} through {via} to {target}"),
        opts.Sankey(width=600, height=400, backend="bokeh"),
        # (a Sankey's fig_size, 400% by default, scales its fig_inches)
        opts.Sankey(fig_inches=(6, 4), aspect=1.5, fig_size=100, backend="matplotlib"))


def choropleth(df, world, geo, value, time):
    year = df[time].max()
    latest = df[df[time] == year]
    means = latest.groupby(latest[geo].astype(int))[value].mean()  # by ISO numeric code

    # HoloViews' elements for maps are GeoViews' (GeoJSON read as it is, projections); a
    # workaround without it: each country's polygons in plain longitude and latitude, as
    # hv.Polygons takes them: the outer rings NaN-separated, each part's holes apart
    def outline(country):
        shape = country["geometry"]
        parts = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
        rings = np.concatenate([[[np.nan, np.nan]] + part[0] for part in parts])[1:]
        return {"x": rings[:, 0], "y": rings[:, 1],
                "holes": [[np.array(hole) for hole in part[1:]] for part in parts]}

    countries = world["features"]
    # the countries of the data, coloured by their mean on viridis, over the others in grey
    known = hv.Polygons([{**outline(c), value: means[c["id"]]} for c in countries
                         if c["id"] in means.index], vdims=value)
    blank = hv.Polygons([outline(c) for c in countries if c["id"] not in means.index])
    blank = blank.opts(opts.Polygons(fill_color=NO_DATA_GREY, backend="bokeh"),
                       opts.Polygons(facecolor=NO_DATA_GREY, backend="matplotlib"))
    # Polygons with a value dimension are coloured by it, each part of a country alike (the
    # matplotlib backend's color=value would give the parts of a country other countries')
    return (blank * known.opts(cmap="viridis", colorbar=True)).opts(
        # white borders, in each backend's terms
        opts.Polygons(line_color="white", line_width=0.5, backend="bokeh"),
        opts.Polygons(edgecolor="white", linewidth=0.5, backend="matplotlib"),
        # no axes, as on a map (a frame of the world's aspect is taller than the world: the
        # latitude axis would run past the poles)
        opts.Overlay(title=f"mean {value} in {year}", xaxis=None, yaxis=None),
        # one degree as long across as up: the world is not stretched. With its aspect
        # fixed, a bokeh plot is sized by its frame: 430 x 330 px leaves room for the axes
        # and the colour bar in 600 x 400. Matplotlib's colour bar goes beside the axes as
        # the polygons' plot leaves them: the aspect is theirs
        opts.Overlay(data_aspect=1, frame_width=430, frame_height=330, backend="bokeh"),
        opts.Polygons(aspect="equal", backend="matplotlib"),
        opts.Overlay(fig_inches=(6, 4), backend="matplotlib"))


def animation(df, x, y, size, color, time):
    # a HoloMap keyed by year of overlays by colour; its frames share their axis ranges
    # (HoloViews normalises over every frame)
    frames = hv.Dataset(df).to(hv.Scatter, x, [y, size], groupby=[time, color]).overlay(color)
    share = dim(size) / df[size].max()  # the largest bubble of any year is 40 px across
    frames = frames.opts(opts.Scatter(color=hv.Cycle(PALETTE), alpha=0.6, s=share * 28.8**2),
                         opts.NdOverlay(logx=True, legend_position="right"), *SIZE)
    # the plot's own matplotlib animation, one frame per year: the page plays it
    return hv.renderer(BACKEND).get_plot(frames).anim(fps=2)


NOT_SUPPORTED = {
    "scatter3d": "HoloViews' Scatter3D element has plotting classes for the matplotlib and "
    "plotly backends only: bokeh has no 3D axes.",
} if BACKEND == "bokeh" else {
    "tooltip": "HoloViews' matplotlib backend draws a still image: hover tooltips "
    "(tools=['hover'], hover_tooltips) exist in its bokeh and plotly backends only.",
    "linked": "HoloViews' matplotlib backend draws a still image with no selection tools: "
    "linked brushing (shared data sources, hv.link_selections) needs the bokeh or plotly "
    "backend.",
}

# A HoloMap's key dimension becomes a widget through Panel, which draws each frame from a
# live Python process; rendered on its own, a HoloMap draws its first frame only.
NEEDS_SERVER = {
    "widget": "HoloViews makes the dropdown from a HoloMap's key dimension through Panel "
    "(pn.panel(holomap)), which redraws the chart from a live Python process; a page on its "
    "own shows the first category only (Panel's embed, which precomputes every state into "
    "the page, is not used here).",
    "animation": "HoloViews makes the year slider and play button from a HoloMap's key "
    "dimension through Panel (pn.panel(holomap, widget_type='scrubber')), which redraws "
    "each frame from a live Python process; a page on its own shows the first year only.",
} if BACKEND == "bokeh" else {
    "widget": "HoloViews makes the dropdown from a HoloMap's key dimension through Panel "
    "(pn.panel(holomap)), which draws the chosen category's image with matplotlib in a live "
    "Python process.",
}

SPEC_NOT_MET = {
    "histogram": {
        "stacking": "HoloViews' histogram operation gives one Histogram per group, which "
        "an overlay draws on top of one another (half transparent): no element or option "
        "stacks them (holoviews issue #5482).",
    },
    "facet": {
        "legend": "Each panel's overlay has its own legend, naming the categories drawn in "
        "that panel only: HoloViews has no legend for a whole layout, and an empty element "
        "gets no legend entry (matplotlib) or one without its marker (bokeh).",
    },
    "bubble": {
        "size legend": "HoloViews maps a value to marker size through a style option, "
        "which draws no legend; its legends name the overlaid elements only.",
    },
} | ({
    "box": {
        "palette": "HoloViews' matplotlib BoxWhisker calls matplotlib's boxplot without "
        "patch_artist and with one boxprops for every box: boxes are black outlines, never "
        "filled, and cannot take a colour per category.",
    },
} if BACKEND == "matplotlib" else {
    "choropleth": {
        "size": "With a fixed aspect, HoloViews' bokeh backend sizes the frame, not the plot "
        "(its warning: 'the plot might be slightly larger than anticipated'): a 430 x 330 px "
        "frame makes about 600 x 400 px with the axes and colour bar in a browser, but the "
        "plot's own size is left unset.",
    },
})


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

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
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED and kind not in NEEDS_SERVER:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            maps = [world] if kind == "choropleth" else []  # the map, after the data
            charts[kind] = globals()[kind](frame[columns].dropna(), *maps, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else f"out/holoviews_{BACKEND}")
    out.mkdir(parents=True, exist_ok=True)
    # bokeh writes a standalone page (BokehJS inlined: no network); matplotlib an SVG
    suffix = "html" if BACKEND == "bokeh" else "svg"
    for kind, chart in charts.items():
        if kind == "animation":  # a matplotlib animation: a page with its own controls
            (out / "animation.html").write_text(chart.to_jshtml(), encoding="utf-8")
            print("wrote", out / "animation.html")
            continue
        hv.save(chart, out / f"{kind}.{suffix}", backend=BACKEND, resources="inline")
        print("wrote", out / f"{kind}.{suffix}")
