"""matplotlib: every chart kind of the gallery, drawn the imperative way.

Run: python examples/plot_matplotlib.py [OUT_DIR]
(needs matplotlib, numpy, pandas, scipy, and squarify for the treemap's layout)
Each function takes a data frame and the names of the columns to use for each role, and
returns a matplotlib Figure: the statistics (means, fits, correlations) are computed with
pandas and numpy, then every mark is placed by hand. Charts are written as SVG files.
"""

import matplotlib.path as mpath
import matplotlib.pyplot as plt
import numpy as np
import squarify
from matplotlib.animation import FuncAnimation
from matplotlib.collections import PatchCollection
from matplotlib.patches import Patch, PathPatch
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# scatter's s is an area in points²: 28.8 pt is 40 px across at 100 dpi, the largest bubble.
BUBBLE_AREA = (40 * 72 / 100) ** 2
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data


def scatter(df, x, y, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    # groupby sorts the categories, so the i-th one takes the i-th colour
    for i, (name, group) in enumerate(df.groupby(color)):
        ax.scatter(group[x], group[y], color=PALETTE[i], alpha=0.8, label=name)
    ax.set(xlabel=x, ylabel=y)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))  # never over a mark
    fig.tight_layout()  # shrinks the plot so that labels and legend fit in 600 x 400
    return fig


def line(df, time, y, color):
    means = df.groupby([time, color])[y].mean().unstack(color)
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, name in enumerate(means.columns):
        series = means[name].dropna()
        ax.plot(series.index, series.values, marker="o", color=PALETTE[i], label=name)
    ax.set(xlabel=time, ylabel=f"mean {y}")
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean().unstack(color)
    positions = np.arange(len(means.index))
    width = 0.8 / len(means.columns)
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, name in enumerate(means.columns):  # side by side: each colour shifted by a width
        ax.bar(positions + i * width, means[name], width, color=PALETTE[i], label=name)
    ax.set_xticks(positions + width * (len(means.columns) - 1) / 2, means.index)
    ax.set(xlabel=x, ylabel=f"mean {y}")
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def histogram(df, x, color):
    names = sorted(df[color].unique())
    fig, ax = plt.subplots(figsize=(6, 4))
    # one list per category: bins=20 spans all of them, so every category shares the edges
    ax.hist([df.loc[df[color] == n, x] for n in names], bins=20, stacked=True,
            color=PALETTE[:len(names)], label=names)
    ax.set(xlabel=x, ylabel="count")
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def box(df, x, y):
    names = sorted(df[x].unique())
    fig, ax = plt.subplots(figsize=(6, 4))
    # patch_artist: filled boxes; a black median, as the default orange one vanishes on orange
    parts = ax.boxplot([df.loc[df[x] == n, y] for n in names], tick_labels=names,
                       patch_artist=True, medianprops={"color": "black"})
    for patch, fill in zip(parts["boxes"], PALETTE, strict=False):
        patch.set_facecolor(fill)
    ax.set(xlabel=x, ylabel=y)
    fig.tight_layout()
    return fig


def heatmap(df):
    corr = df.corr()
    fig, ax = plt.subplots(figsize=(6, 4))
    image = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
    ax.set_xticks(range(len(corr)), corr.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(corr)), corr.columns)
    for (i, j), value in np.ndenumerate(corr.values):
        # white on the dark ends of the scale, black elsewhere
        ax.text(j, i, f"{value:.2f}", ha="center", va="center",
                color="white" if abs(value) > 0.5 else "black")
    fig.colorbar(image, ax=ax, label="correlation")
    fig.tight_layout()
    return fig


def facet(df, x, y, color, facet):
    panels = sorted(df[facet].unique())
    # one colour per category for the whole figure: a panel may lack some categories
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    columns, rows = min(2, len(panels)), (len(panels) + 1) // 2  # at most 2 panels a row
    fig, axes = plt.subplots(rows, columns, figsize=(3 * columns + 1.4, 3 * rows),
                             sharex=True, sharey=True, squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        rows_here = df[df[facet] == panel]
        for name, fill in colors.items():  # every category, drawn or empty, in every panel
            group = rows_here[rows_here[color] == name]
            ax.scatter(group[x], group[y], color=fill, alpha=0.8, label=name)
        ax.set(title=f"{facet} = {panel}", xlabel=x)
        ax.label_outer()  # axis labels on the outer panels only
    for ax in axes.flat[len(panels):]:  # the last row's unused places
        ax.remove()
    axes[0, 0].set_ylabel(y)
    # one legend, beside the first row: any panel's handles name every category
    axes[0, -1].legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def regression(df, x, y, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, (name, group) in enumerate(df.groupby(color)):
        ax.scatter(group[x], group[y], color=PALETTE[i], alpha=0.6, label=name)
        slope, intercept = np.polyfit(group[x], group[y], 1)  # least squares, degree 1
        ends = np.array([group[x].min(), group[x].max()])
        ax.plot(ends, slope * ends + intercept, color=PALETTE[i])
    ax.set(xlabel=x, ylabel=y)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def scatter3d(df, x, y, z, color):
    fig = plt.figure(figsize=(6, 4))
    ax = fig.add_subplot(projection="3d")
    for i, (name, group) in enumerate(df.groupby(color)):
        ax.scatter(group[x], group[y], group[z], color=PALETTE[i], alpha=0.8, label=name)
    ax.set(xlabel=x, ylabel=y, zlabel=z)
    fig.legend(title=color, loc="upper right")
    return fig


def bubble(df, x, y, size, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    area = BUBBLE_AREA / df[size].max()  # area per unit of size: proportional, from zero
    for i, (name, group) in enumerate(df.groupby(color)):
        ax.scatter(group[x], group[y], s=group[size] * area, color=PALETTE[i], alpha=0.6,
                   label=name)
    ax.set(xlabel=x, ylabel=y)
    colours = ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    for key in colours.legend_handles:  # each key shows its group's size: even them out
        key.set_sizes([50])
    ax.add_artist(colours)  # kept: the next ax.legend would replace it
    # a size key: empty scatters stand for a few round values of the size column
    values = plt.MaxNLocator(3).tick_values(0, df[size].max())
    values = values[(values > 0) & (values <= df[size].max())]
    keys = [ax.scatter([], [], s=v * area, color="grey", alpha=0.6) for v in values]
    ax.legend(keys, [f"{v:,.0f}" for v in values], title=size, loc="lower left",
              bbox_to_anchor=(1, 0), labelspacing=1.2)
    fig.tight_layout()
    return fig


def splom(df, color):
    measures = df.select_dtypes("number").columns  # every measure: a row and a column each
    n = len(measures)
    fig, axes = plt.subplots(n, n, figsize=(6, 6), sharex="col")
    groups = list(df.groupby(color))
    for row, up in enumerate(measures):
        for col, across in enumerate(measures):
            ax = axes[row, col]
            for i, (name, group) in enumerate(groups):
                if row == col:  # the diagonal: each measure's distribution
                    ax.hist(group[across], bins=15, color=PALETTE[i], alpha=0.6)
                else:
                    ax.scatter(group[across], group[up], s=6, color=PALETTE[i], alpha=0.6,
                               label=name)
            ax.set(xlabel=across if row == n - 1 else "", ylabel=up if col == 0 else "")
            ax.tick_params(labelsize=6)
            ax.xaxis.label.set_size(7)
            ax.yaxis.label.set_size(7)
    fig.legend(*axes[0, 1].get_legend_handles_labels(), title=color, loc="upper center",
               ncols=len(groups), fontsize=7, title_fontsize=7)
    fig.tight_layout(rect=(0, 0, 1, 0.94))  # room for the legend above the grid
    return fig


def parallel(df, color):
    measures = df.select_dtypes("number").columns
    # each measure scaled from its smallest (0) to its largest (1), so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, (name, group) in enumerate(scaled.groupby(df[color])):
        ax.plot(measures, group.T.to_numpy(), color=PALETTE[i], alpha=0.4, linewidth=0.8)
        ax.plot([], [], color=PALETTE[i], label=name)  # one legend key per category
    ax.set(ylabel="scaled 0-1", ylim=(-0.02, 1.02))
    ax.tick_params(axis="x", labelsize=8)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def radar(df, color):
    measures = df.select_dtypes("number").columns
    # each measure scaled from its smallest (0) to its largest (1) over every row, then
    # averaged per category: one profile of means a row, sorted by category
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # a spoke per measure, evenly spaced; the first angle again at the end closes the polygon
    angles = np.linspace(0, 2 * np.pi, len(measures), endpoint=False)
    around = np.append(angles, angles[0])
    fig, ax = plt.subplots(figsize=(6, 4), subplot_kw={"projection": "polar"})
    ax.set_theta_offset(np.pi / 2)  # the first spoke at 12 o'clock (matplotlib starts at 3)
    ax.set_theta_direction(-1)  # the others clockwise
    for i, (name, profile) in enumerate(means.iterrows()):
        values = np.append(profile.to_numpy(), profile.iloc[0])
        ax.plot(around, values, color=PALETTE[i], label=name)
        ax.fill(around, values, color=PALETTE[i], alpha=0.25)  # overlaps stay visible
    ax.set_xticks(angles, measures)  # each spoke named by its measure
    ax.set_ylim(0, 1)  # 0 at the centre: a radius starting elsewhere distorts the shapes
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1.15, 1))
    fig.tight_layout()
    return fig


def violin(df, x, y):
    names = sorted(df[x].unique())
    fig, ax = plt.subplots(figsize=(6, 4))
    # scipy's Gaussian KDE with Scott's bandwidth (bw_method="scott"), mirrored
    parts = ax.violinplot([df.loc[df[x] == n, y] for n in names], showextrema=False,
                          bw_method="scott")
    for body, colour in zip(parts["bodies"], PALETTE, strict=False):
        body.set(facecolor=colour, alpha=0.8)
    ax.set_xticks(range(1, len(names) + 1), names)
    ax.set(xlabel=x, ylabel=y)
    fig.tight_layout()
    return fig


def area(df, time, y, color):
    sums = df.groupby([time, color])[y].sum().unstack(color, fill_value=0)
    fig, ax = plt.subplots(figsize=(6, 4))
    # stackplot stacks the columns in order: the first sorted category at the bottom
    ax.stackplot(sums.index, sums.T.to_numpy(), labels=sums.columns, colors=PALETTE,
                 alpha=0.85)
    ax.set(xlabel=time, ylabel=f"sum of {y}")
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def pie(df, color):
    counts = df[color].value_counts().sort_index()
    fig, ax = plt.subplots(figsize=(6, 4))
    # clockwise from 12 o'clock, in sorted order (matplotlib starts at 3, anticlockwise)
    ax.pie(counts, labels=counts.index, colors=PALETTE, startangle=90, counterclock=False,
           autopct="%.0f%%", wedgeprops={"linewidth": 1, "edgecolor": "white"})
    ax.set_title(f"rows per {color}")
    fig.tight_layout()
    return fig


def hexbin(df, x, y):
    fig, ax = plt.subplots(figsize=(6, 4))
    # 25 hexagons across x; mincnt=1 leaves out the empty ones (the default draws them too)
    bins = ax.hexbin(df[x], df[y], gridsize=25, cmap="viridis", mincnt=1)
    ax.set(xlabel=x, ylabel=y)
    fig.colorbar(bins, ax=ax, label="count")
    fig.tight_layout()
    return fig


def density(df, x, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    # scipy's Gaussian KDE (Scott's bandwidth) on a grid three bandwidths past the data
    for i, (name, group) in enumerate(df.groupby(color)):
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        ax.plot(grid, kde(grid), color=PALETTE[i], label=name)
        ax.fill_between(grid, kde(grid), color=PALETTE[i], alpha=0.15)
    ax.set(xlabel=x, ylabel="density")
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def ridgeline(df, x, color):
    names = sorted(df[color].unique())
    # scipy's Gaussian KDE (Scott's bandwidth) per category, three bandwidths past its data
    curves = []
    for name in names:
        values = df.loc[df[color] == name, x]
        kde = gaussian_kde(values)
        reach = 3 * kde.factor * values.std()
        grid = np.linspace(values.min() - reach, values.max() + reach, 200)
        curves.append((grid, kde(grid)))
    # one factor for every ridge, so heights compare: the tallest peak rises 1.5 steps
    scale = 1.5 / max(density.max() for _, density in curves)
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, (grid, density) in enumerate(curves):
        base = len(names) - 1 - i  # the first sorted category on the top baseline
        # drawn top down: each ridge in front of the one above, which it may overlap
        ax.fill_between(grid, base, base + density * scale, color=PALETTE[i], alpha=0.8,
                        edgecolor="white", linewidth=1)
    ax.set_yticks(range(len(names)), names[::-1])  # each ridge named at its baseline
    ax.set(xlabel=x, ylabel=color)
    fig.tight_layout()
    return fig


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15)  # highest first
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.vlines(top.index, 0, top.values, color=PALETTE[0])  # the stems, from 0
    ax.plot(top.index, top.values, "o", color=PALETTE[0])  # the dots
    ax.set(ylabel=f"mean {y} in {time} {df[time].max()}", xlabel=x, ylim=(0, top.max() * 1.08))
    plt.setp(ax.get_xticklabels(), rotation=60, ha="right", rotation_mode="anchor")
    fig.tight_layout()
    return fig


def stacked100(df, x, color):
    shares = df.groupby(x)[color].value_counts(normalize=True).unstack(color, fill_value=0)
    fig, ax = plt.subplots(figsize=(6, 4))
    bottom = np.zeros(len(shares))
    for i, name in enumerate(shares.columns):  # sorted categories, stacked from the bottom
        ax.bar(shares.index, shares[name], bottom=bottom, color=PALETTE[i], label=name)
        bottom += shares[name].to_numpy()
    ax.set(xlabel=x, ylabel=f"share of {color}")
    ax.yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def treemap(df, color, label, size, time):
    # matplotlib has no treemap: squarify (pinned) lays the tiles out, matplotlib draws them.
    # Two levels: each category's block first, then its labels' tiles inside that block.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    colors = dict(zip(sorted(blocks.index), PALETTE, strict=False))
    fig, ax = plt.subplots(figsize=(6, 4))
    width, height = 150, 100  # the plot's 3:2, so that square tiles look square
    places = squarify.squarify(squarify.normalize_sizes(blocks, width, height), 0, 0, width, height)
    for name, block in zip(blocks.index, places, strict=True):
        tiles = sums[name].sort_values(ascending=False)
        spots = squarify.squarify(squarify.normalize_sizes(tiles, block["dx"], block["dy"]),
                                  block["x"], block["y"], block["dx"], block["dy"])
        # squarify.plot's own way: each tile a bar from its bottom edge, as wide as the tile
        ax.bar([r["x"] for r in spots], [r["dy"] for r in spots], [r["dx"] for r in spots],
               [r["y"] for r in spots], align="edge", color=colors[name], edgecolor="white",
               linewidth=0.5)
        for (tile, value), r in zip(tiles.items(), spots, strict=True):
            if value >= 0.02 * sums.sum():  # name the tiles large enough to hold a name
                ax.text(r["x"] + r["dx"] / 2, r["y"] + r["dy"] / 2, tile, ha="center",
                        va="center", fontsize=7, color="white", clip_on=True)
    ax.set(xlim=(0, width), ylim=(height, 0), title=f"sum of {size} in {time} {df[time].max()}")
    ax.set_axis_off()  # the largest block at the top left, as a treemap is read
    ax.legend([Patch(color=colors[name]) for name in colors], colors, title=color,
              loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def choropleth(df, world, geo, value, time):
    # matplotlib has no map API: this draws what geopandas' GeoDataFrame.plot(column=value)
    # would (a PatchCollection of the countries, coloured through a colormap), without it
    year = df[time].max()
    latest = df[df[time] == year]
    means = latest.groupby(latest[geo].astype(int))[value].mean()
    shapes, values, blanks = [], [], []
    for country in world["features"]:
        geometry = country["geometry"]  # GeoJSON: lists of rings of [longitude, latitude]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" \
            else [geometry["coordinates"]]
        # every ring a closed sub-path of one path: a hole (Lesotho in South Africa) stays empty
        path = mpath.Path.make_compound_path(
            *(mpath.Path(ring, closed=True) for polygon in polygons for ring in polygon))
        if country["id"] in means.index:
            shapes.append(PathPatch(path))
            values.append(means[country["id"]])
        else:
            blanks.append(PathPatch(path))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.add_collection(PatchCollection(blanks, facecolor=NO_DATA_GREY, edgecolor="white",
                                      linewidth=0.3))
    countries = ax.add_collection(PatchCollection(shapes, array=values, cmap="viridis",
                                                  edgecolor="white", linewidth=0.3))
    ax.autoscale_view()  # add_collection leaves the limits as they were
    ax.set_aspect("equal")  # longitude and latitude as x and y: a degree as long either way
    ax.set_axis_off()
    ax.set_title(f"mean {value} in {time} {year}")
    # below the map, which is twice as wide as it is tall: it fills more of the figure
    fig.colorbar(countries, ax=ax, label=f"mean {value}", orientation="horizontal",
                 shrink=0.5, aspect=30, pad=0.02)
    fig.tight_layout()
    return fig


def animation(df, x, y, size, color, time):
    times = sorted(df[time].unique())
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    area = BUBBLE_AREA / df[size].max()  # the largest bubble of any frame is 40 px across
    fig, ax = plt.subplots(figsize=(6, 4))
    # ranges fixed over every frame (with a margin), so bubbles move against still axes
    ax.set(xscale="log", xlim=(df[x].min() / 1.5, df[x].max() * 1.5),
           ylim=(df[y].min() - 5, df[y].max() + 5), xlabel=x, ylabel=y)
    for name, fill in colors.items():  # legend keys only: no data
        ax.scatter([], [], color=fill, alpha=0.6, label=name)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    bubbles = ax.scatter([], [], alpha=0.6)

    def draw(when):  # one frame: that time's rows only
        rows = df[df[time] == when]
        bubbles.set_offsets(rows[[x, y]].to_numpy())
        bubbles.set_sizes(rows[size] * area)
        bubbles.set_facecolor(rows[color].map(colors))
        ax.set_title(f"{time} = {when}")
        return [bubbles]

    draw(times[0])
    fig.tight_layout()  # with a title: every frame has one of the same height
    return FuncAnimation(fig, draw, frames=times, interval=400)


NOT_SUPPORTED = {
    "sankey": "matplotlib's own Sankey (matplotlib.sankey) draws one flow's inputs and "
    "outputs as arrows around a single node, and chained diagrams join one output to one "
    "input: it cannot lay out the nodes of three stages with a link for every pair of "
    "categories, and no other matplotlib function lays out nodes and links. The Sankeys of "
    "this gallery are Plotly's and HoloViews' (their rows show them; HoloViews' draws with "
    "matplotlib too).",
}

NEEDS_SERVER = {
    "tooltip": "matplotlib draws no tooltip itself; one is a callback connected with "
    "fig.canvas.mpl_connect('motion_notify_event', ...), which runs in Python: in a page "
    "that needs a Jupyter kernel with ipympl.",
    "linked": "matplotlib.widgets.RectangleSelector calls back into Python to recolour the "
    "other Axes: in a page that needs a Jupyter kernel with ipympl.",
    "widget": "matplotlib.widgets (RadioButtons, Slider) redraw the figure from Python "
    "callbacks: in a page they need a Jupyter kernel with ipympl.",
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
            maps = [world] if kind == "choropleth" else []  # the map, after the data
            charts[kind] = globals()[kind](frame[columns].dropna(), *maps, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/matplotlib")
    out.mkdir(parents=True, exist_ok=True)
    for kind, chart in charts.items():
        if kind == "animation":  # every frame an SVG in one HTML page with its controls
            with plt.rc_context({"animation.frame_format": "svg"}):
                (out / f"{kind}.html").write_text(chart.to_jshtml(), encoding="utf-8")
            print("wrote", out / f"{kind}.html")
            continue
        chart.savefig(out / f"{kind}.svg")
        print("wrote", out / f"{kind}.svg")
