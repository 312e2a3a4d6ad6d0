"""pandas .plot: every chart kind of the gallery that DataFrame.plot can draw.

Run: python examples/plot_pandas.py [OUT_DIR]  (needs pandas, matplotlib; scipy for kde)
Each function takes a data frame and the names of the columns to use for each role, and
returns the matplotlib Axes that pandas drew on. DataFrame.plot draws the frame as it is,
one line, bar set or box per column: so a chart first reshapes the data (pivot_table,
pivot, crosstab) and then calls one plot method; a scatter calls it once per category, on
one Axes. Charts are written as SVG files.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# scatter's s is an area in points²: 28.8 pt is 40 px across at 100 dpi, the largest bubble.
BUBBLE_AREA = (40 * 72 / 100) ** 2


def scatter(df, x, y, color):
    # one plot call per category on the same Axes (the first call makes it): a legend of
    # categories, where c=color would give a colour bar
    ax = None
    for i, (name, group) in enumerate(df.groupby(color)):
        ax = group.plot.scatter(x=x, y=y, color=PALETTE[i], alpha=0.8, label=name, ax=ax,
                                figsize=(6, 4))
    ax.legend(title=color)
    return ax


def line(df, time, y, color):
    means = df.pivot_table(index=time, columns=color, values=y, aggfunc="mean")
    # an Axes of its own: Series.plot without ax= draws on whatever figure is current
    _, ax = plt.subplots(figsize=(6, 4))
    for hue, (name, series) in zip(PALETTE, means.items(), strict=False):
        # each category on its own, its missing times left out, so its line joins its means
        series.dropna().plot(ax=ax, marker="o", color=hue, label=name, ylabel=f"mean {y}")
    # beside the plot: lines cross it from side to side, so no place inside stays clear
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    return ax


def bar(df, x, y, color):
    means = df.pivot_table(index=x, columns=color, values=y, aggfunc="mean")
    return means.plot.bar(rot=0, color=PALETTE[:means.shape[1]], ylabel=f"mean {y}",
                          figsize=(6, 4))


def histogram(df, x, color):
    # one column per category (NaN elsewhere): bins=20 spans them all, then stacked
    wide = df.pivot(columns=color, values=x)
    return wide.plot.hist(bins=20, stacked=True, color=PALETTE[:wide.shape[1]], xlabel=x,
                          figsize=(6, 4))


def box(df, x, y):
    wide = df.pivot(columns=x, values=y)
    return wide.plot.box(xlabel=x, ylabel=y, figsize=(6, 4))


def bubble(df, x, y, size, color):
    area = BUBBLE_AREA / df[size].max()  # area per unit of size: proportional, from zero
    ax = None
    for i, (name, group) in enumerate(df.groupby(color)):
        ax = group.plot.scatter(x=x, y=y, s=group[size] * area, color=PALETTE[i], alpha=0.6,
                                label=name, ax=ax, figsize=(6, 4))
    for key in ax.legend(title=color).legend_handles:  # keys of one size, not their group's
        key.set_sizes([50])
    return ax


def splom(df, color):
    measures = df.select_dtypes("number").columns
    colours = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    # c= takes one colour per row: scatter_matrix has no hue, so the categories are mapped
    # to the palette by hand; it returns the grid's Axes, a new figure of its own
    # small labels: 4 x 4 panels of 1.5 inches leave little room between them
    with plt.rc_context({"axes.labelsize": 7, "xtick.labelsize": 6, "ytick.labelsize": 6}):
        axes = pd.plotting.scatter_matrix(df[measures], c=df[color].map(colours), alpha=0.6,
                                          s=10, hist_kwds={"bins": 15, "color": "grey"},
                                          figsize=(6, 6))
    # ... nor a legend: one is made by hand, a key per category, above the grid
    keys = [plt.Line2D([], [], marker="o", linestyle="", color=c) for c in colours.values()]
    axes[0, 0].figure.legend(keys, colours, title=color, loc="lower center",
                             bbox_to_anchor=(0.5, 0.9), ncols=len(colours))
    return axes


def parallel(df, color):
    measures = df.select_dtypes("number").columns
    # parallel_coordinates draws raw values on one shared axis: each measure is scaled from
    # its smallest (0) to its largest (1) first, so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    scaled[color] = df[color]
    # the categories take the colours (and the legend its order) as they first appear in
    # the rows, so the rows go in sorted by category (sort_labels=True would sort colours)
    _, ax = plt.subplots(figsize=(6, 4))  # an Axes of its own: it draws on the current one
    pd.plotting.parallel_coordinates(scaled.sort_values(color, kind="stable"), color, ax=ax,
                                     color=PALETTE[:df[color].nunique()], alpha=0.4,
                                     linewidth=0.8)
    ax.set(ylabel="scaled 0-1")
    # beside the plot: the lines cross it from side to side, so no place inside stays clear
    legend = ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    for key in legend.get_lines():  # keys as opaque as the palette, not as faint as a line
        key.set(alpha=1, linewidth=2)
    return ax


def radar(df, color):
    # DataFrame.plot has no radar kind. A workaround: plot.line draws on any matplotlib Axes
    # it is given (ax=), a polar one too, the index as the angle and a line per column
    measures = df.select_dtypes("number").columns
    # each measure scaled from its smallest (0) to its largest (1) over every row, then
    # averaged per category: a row per measure, a column per (sorted) category
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    profiles = scaled.groupby(df[color]).mean().T
    angles = np.linspace(0, 2 * np.pi, len(measures), endpoint=False)
    # the first measure's row again a full turn on: each line comes back to its start
    around = pd.concat([profiles, profiles.iloc[:1]]).set_axis([*angles, 2 * np.pi])
    _, ax = plt.subplots(figsize=(6, 4), subplot_kw={"projection": "polar"})
    ax.set_theta_offset(np.pi / 2)  # the first spoke at 12 o'clock (matplotlib starts at 3)
    ax.set_theta_direction(-1)  # the others clockwise
    # ylim: 0 at the centre, 1 the outer ring (a radius from elsewhere distorts the shapes);
    # grid=True keeps the rings and spokes (pandas turns the Axes' grid off by default)
    around.plot.line(ax=ax, color=PALETTE[:around.shape[1]], ylim=(0, 1), grid=True)
    ax.set_xticks(angles, measures)  # each spoke named by its measure
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1.15, 1))
    return ax


def area(df, time, y, color):
    sums = df.pivot_table(index=time, columns=color, values=y, aggfunc="sum", fill_value=0)
    # plot.area stacks by default, the columns in order (sorted): the first at the bottom
    ax = sums.plot.area(color=PALETTE[:sums.shape[1]], alpha=0.85, ylabel=f"sum of {y}",
                        figsize=(6, 4))
    # beside the plot: the bands fill it from the bottom up, so no corner stays clear
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    return ax


def pie(df, color):
    counts = df[color].value_counts().sort_index()
    # an Axes of its own: Series.plot without ax= draws on whatever figure is current
    _, ax = plt.subplots(figsize=(6, 4))
    # clockwise from 12 o'clock, in sorted order (matplotlib starts at 3, anticlockwise)
    return counts.plot.pie(ax=ax, colors=PALETTE[:len(counts)], startangle=90,
                           counterclock=False, autopct="%.0f%%", ylabel="",
                           title=f"rows per {color}")


def hexbin(df, x, y):
    # plot.hexbin passes gridsize and mincnt on to matplotlib's Axes.hexbin: 25 hexagons
    # across x, none where no row falls; it adds the colour bar of counts itself
    return df.plot.hexbin(x=x, y=y, gridsize=25, mincnt=1, cmap="viridis", figsize=(6, 4))


def density(df, x, color):
    # one column per category; plot.kde fits scipy's gaussian_kde to each column (Scott's
    # bandwidth) and draws it over that column's range and half as much again each side
    wide = df.pivot(columns=color, values=x)
    ax = wide.plot.kde(bw_method="scott", color=PALETTE[:wide.shape[1]], figsize=(6, 4))
    ax.set_xlabel(x)  # plot.kde leaves out xlabel=
    # beside the plot: the peaks of narrow categories reach its top corners
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    return ax

def ridgeline(df, x, color):
    # DataFrame.plot has no ridgeline, and plot.kde draws every curve from one baseline. A
    # workaround: a KDE per category computed with scipy's gaussian_kde (what plot.kde
    # uses, Scott's bandwidth) on one grid of x, the data's range and a quarter of it
    # again each side, as one column each; plot.area draws each column filled in a row of
    # its own (subplots=True, the sorted columns from the top, each named by its legend).
    # sharey=True: one density scale for every row, so heights compare. Rows never overlap
    low, high = df[x].min(), df[x].max()
    grid = np.linspace(low - (high - low) / 4, high + (high - low) / 4, 500)
    densities = pd.DataFrame({name: gaussian_kde(values)(grid)
                              for name, values in df.groupby(color)[x]},
                             index=pd.Index(grid, name=x))
    return densities.plot.area(subplots=True, sharex=True, sharey=True, alpha=0.8,
                               color=PALETTE[:densities.shape[1]], figsize=(6, 4))


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15)  # highest first: plotted left to right
    # plot.bar turns its labels upright (rot=90): long names do not run into each other.
    # As a frame it opens its own figure (a Series draws on the current axes, if any).
    return top.to_frame().plot.bar(color=PALETTE[0], legend=False, figsize=(6, 4),
                                   ylabel=f"mean {y} in {time} {df[time].max()}")


def stacked100(df, x, color):
    # normalize="index": each row of the table (one x category) sums to 1
    shares = pd.crosstab(df[x], df[color], normalize="index")
    ax = shares.plot.bar(stacked=True, rot=0, color=PALETTE[:shares.shape[1]],
                         ylabel=f"share of {color}", figsize=(6, 4))
    # beside the plot: the bars fill it to the top, so no place inside stays clear
    ax.legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    return ax


NOT_SUPPORTED = {
    "treemap": "DataFrame.plot has no treemap kind (line, bar, barh, hist, box, kde, area, "
    "pie, scatter, hexbin): the usual way is squarify's layout drawn with matplotlib's "
    "ax.bar, which is matplotlib's own (its row shows it).",
    "heatmap": "DataFrame.plot has no heatmap kind: the pandas way to colour a correlation "
    "matrix, df.corr().style.background_gradient(), styles an HTML table, not a chart.",
    "facet": "DataFrame.plot splits into subplots only by column (subplots=True), and "
    "scatter has no by= argument, so panels per category need a matplotlib subplot loop.",
    "regression": "pandas plots the data it is given and fits no models: the regression "
    "line would have to be computed with numpy and drawn with matplotlib.",
    "violin": "DataFrame.plot has no violin kind (pandas.plotting has none either): plot.box "
    "draws quartiles, and plot.kde draws densities on a shared axis, never mirrored per "
    "category.",
    "scatter3d": "DataFrame.plot draws on two-dimensional matplotlib Axes only; none of its "
    "kinds takes a third coordinate.",
    "tooltip": "DataFrame.plot has no hover or tooltip: it draws static matplotlib Axes, and "
    "a tooltip would be matplotlib's own mpl_connect callback, running in Python (a Jupyter "
    "kernel with ipympl).",
    "linked": "DataFrame.plot has no selections: each call draws once, and highlighting one "
    "plot's rows in another would be matplotlib's RectangleSelector, calling back into "
    "Python.",
    "widget": "DataFrame.plot has no widgets: a plot is redrawn only by calling it again "
    "(ipywidgets.interact in a Jupyter kernel), and nothing of it works in a page.",
    "animation": "DataFrame.plot has no animation: a FuncAnimation redrawing it per frame is "
    "matplotlib's animation, not pandas'.",
    "sankey": "DataFrame.plot has no Sankey or flow kind (line, bar, barh, hist, box, kde, "
    "area, pie, scatter, hexbin).",
    "choropleth": "DataFrame.plot has no map kind (line, bar, barh, hist, box, kde, area, "
    "pie, scatter, hexbin); maps come from geopandas' GeoDataFrame.plot, a separate library "
    "that draws with matplotlib, as the matplotlib row does from the same map.",
}

SPEC_NOT_MET = {
    "box": {
        "palette": "DataFrame.plot.box colours the parts of a box plot (color={'boxes': ...,"
        " 'medians': ...}), one colour for every box; filling each box in its category's "
        "colour means setting the face colour of matplotlib's patches by hand.",
    },
    "bubble": {
        "size legend": "DataFrame.plot.scatter(s=...) adds no key for marker sizes, only each "
        "call's label; a size key would have to be built from matplotlib handles.",
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
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            charts[kind] = globals()[kind](frame[columns].dropna(), **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/pandas")
    out.mkdir(parents=True, exist_ok=True)
    # every plot method returns the matplotlib Axes it drew on (scatter_matrix, an array)
    for kind, ax in charts.items():
        np.ravel(ax)[0].figure.savefig(out / f"{kind}.svg", bbox_inches="tight")
        print("wrote", out / f"{kind}.svg")
