"""seaborn: every chart kind of the gallery, by naming the columns for x, y and hue.

Run: python examples/plot_seaborn.py [OUT_DIR]  (needs seaborn, matplotlib and pandas)
Each function takes a data frame and the names of the columns to use for each role.
The figure-level functions (relplot, catplot, displot, lmplot, pairplot) return a grid that owns
its own figure; the heatmap is axes-level, so it is given an Axes to draw on. The stacked
area comes from the seaborn.objects interface (so.Plot), drawn on a Figure of its own.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
import seaborn.objects as so

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# scatter sizes are areas in points²: 28.8 pt is 40 px across at 100 dpi, the largest bubble.
BUBBLE_AREA = (40 * 72 / 100) ** 2


def scatter(df, x, y, color):
    # sorted categories take the palette's first colours (seaborn wants one per category)
    order = sorted(df[color].unique())
    return sns.relplot(data=df, x=x, y=y, hue=color, hue_order=order,
                       palette=PALETTE[:len(order)], alpha=0.8, height=4, aspect=1.25)


def line(df, time, y, color):
    # seaborn averages repeated x values itself; errorbar=None leaves out its 95% CI band
    order = sorted(df[color].unique())
    grid = sns.relplot(data=df, kind="line", x=time, y=y, hue=color, hue_order=order,
                       palette=PALETTE[:len(order)], marker="o", errorbar=None,
                       height=4, aspect=1.25)
    return grid.set_axis_labels(time, f"mean {y}")


def bar(df, x, y, color):
    # saturation=1: catplot otherwise greys large patches away from the palette
    order = sorted(df[color].unique())
    grid = sns.catplot(data=df, kind="bar", x=x, y=y, order=sorted(df[x].unique()),
                       hue=color, hue_order=order, palette=PALETTE[:len(order)],
                       errorbar=None, saturation=1, height=4, aspect=1.25)
    return grid.set_axis_labels(x, f"mean {y}")


def histogram(df, x, color):
    # bins=20 are computed once over every category (common_bins), then stacked
    order = sorted(df[color].unique())
    return sns.displot(data=df, x=x, hue=color, hue_order=order, palette=PALETTE[:len(order)],
                       bins=20, multiple="stack", height=4, aspect=1.25)


def box(df, x, y):
    # hue=x fills each box in its category's colour; saturation=1 keeps that colour exact
    order = sorted(df[x].unique())
    return sns.catplot(data=df, kind="box", x=x, y=y, order=order, hue=x, hue_order=order,
                       palette=PALETTE[:len(order)], saturation=1, height=4, aspect=1.5)


def heatmap(df):
    fig, ax = plt.subplots(figsize=(6, 4))
    sns.heatmap(df.corr(), annot=True, fmt=".2f", cmap="RdBu_r", vmin=-1, vmax=1,
                cbar_kws={"label": "correlation"}, ax=ax)
    ax.tick_params(axis="x", rotation=30, rotation_mode="xtick")  # not vertical: legible
    fig.tight_layout()  # the labels inside 600 x 400
    return fig


def facet(df, x, y, color, facet):
    order, panels = sorted(df[color].unique()), sorted(df[facet].unique())
    # col_wrap sets the grid's width too: never more columns than panels
    return sns.relplot(data=df, x=x, y=y, hue=color, hue_order=order,
                       palette=PALETTE[:len(order)], alpha=0.8, col=facet, col_order=panels,
                       col_wrap=min(2, len(panels)), height=3)


def regression(df, x, y, color):
    # one least-squares fit per hue level, over that level's x range; ci=None: no band
    order = sorted(df[color].unique())
    return sns.lmplot(data=df, x=x, y=y, hue=color, hue_order=order,
                      palette=PALETTE[:len(order)], ci=None, scatter_kws={"alpha": 0.6},
                      height=4, aspect=1.25)


def bubble(df, x, y, size, color):
    # area from zero: size_norm starts at 0 and sizes maps it onto 0..BUBBLE_AREA
    order = sorted(df[color].unique())
    return sns.relplot(data=df, x=x, y=y, hue=color, hue_order=order,
                       palette=PALETTE[:len(order)], size=size, sizes=(0, BUBBLE_AREA),
                       size_norm=(0, df[size].max()), alpha=0.6, height=4, aspect=1.25)


def splom(df, color):
    # pairplot draws every numeric column against every other (a full grid, not a corner)
    # and each one's distribution on the diagonal; 4 panels of 1.5 inches: about 600 px
    order = sorted(df[color].unique())
    grid = sns.pairplot(df, hue=color, hue_order=order, palette=PALETTE[:len(order)],
                        plot_kws={"alpha": 0.6, "s": 10}, height=1.5)
    # above the grid: to its right the legend would widen the figure past 600 px
    sns.move_legend(grid, "lower center", bbox_to_anchor=(0.5, 1), ncols=len(order))
    return grid


def radar(df, color):
    # seaborn has no radar chart. A workaround in its own terms: seaborn draws on polar
    # matplotlib Axes (its gallery's "FacetGrid with custom projection" passes
    # projection="polar"), and lineplot averages y at each x per hue level (its default
    # estimator is the mean). So: each measure scaled from its smallest (0) to its largest
    # (1) over every row, one angle per measure, and lineplot joins each category's means
    measures = list(df.select_dtypes("number").columns)
    order = sorted(df[color].unique())
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    scaled[color] = df[color]
    long = scaled.melt(id_vars=color, var_name="measure")
    angles = np.linspace(0, 2 * np.pi, len(measures), endpoint=False)
    long["angle"] = long["measure"].map(dict(zip(measures, angles, strict=True)))
    # the first measure's rows again a full turn on: each line comes back to its start
    first = long[long["measure"] == measures[0]].assign(angle=2 * np.pi)
    fig, ax = plt.subplots(figsize=(6, 4), subplot_kw={"projection": "polar"})
    sns.lineplot(data=pd.concat([long, first]), x="angle", y="value", hue=color,
                 hue_order=order, palette=PALETTE[:len(order)], errorbar=None, ax=ax)
    ax.set_theta_offset(np.pi / 2)  # the first spoke at 12 o'clock (matplotlib starts at 3)
    ax.set_theta_direction(-1)  # the others clockwise
    ax.set_xticks(angles, measures)  # each spoke named by its measure
    ax.set(ylim=(0, 1), xlabel="", ylabel="")  # 0 at the centre: the shapes undistorted
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", labelsize=7)
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.15, 1))
    fig.tight_layout()
    return fig


def violin(df, x, y):
    # seaborn's KDE is scipy's: bw_method="scott" names Scott's rule; cut=0 ends each violin
    # at its smallest and largest value (the default runs two bandwidths past them)
    order = sorted(df[x].unique())
    return sns.catplot(data=df, kind="violin", x=x, y=y, order=order, hue=x, hue_order=order,
                       palette=PALETTE[:len(order)], bw_method="scott", cut=0, saturation=1,
                       height=4, aspect=1.5)


def area(df, time, y, color):
    # the classic API has no stacked area: seaborn.objects stacks Area marks with Stack(),
    # summed per (time, colour) by Agg("sum"). Stack piles the groups up in the order they
    # appear in the data: sorted rows put the first sorted category at the bottom
    order = sorted(df[color].unique())
    # the legend goes beside the Axes, past the figure's edge: 5 inches and the tight
    # layout make about 600 px with it (without a layout engine it is cut when saved)
    fig = plt.figure(figsize=(5, 4), layout="tight")
    (
        so.Plot(df.sort_values([color, time]), x=time, y=y, color=color)
        .add(so.Area(alpha=0.85), so.Agg("sum"), so.Stack())
        .scale(color=so.Nominal(PALETTE[:len(order)], order=order))
        .label(y=f"sum of {y}")
        .on(fig)  # drawn on a Figure of our own, which is what is returned
        .plot()
    )
    return fig


def hexbin(df, x, y):
    # seaborn draws no hexagons of its own (jointplot's kind="hex" is matplotlib's hexbin,
    # with marginal plots around it): its 2D histogram is rectangles, 25 bins a side.
    # Empty bins are left transparent; cbar=True adds the colour bar of counts
    return sns.displot(data=df, x=x, y=y, bins=25, cmap="viridis", cbar=True,
                       cbar_kws={"label": "count"}, height=4, aspect=1.5)


def density(df, x, color):
    # common_norm=False: each curve has area 1 on its own (the default splits 1 between
    # categories by their size); seaborn's KDE is scipy's, with Scott's bandwidth
    order = sorted(df[color].unique())
    return sns.displot(data=df, x=x, hue=color, hue_order=order, palette=PALETTE[:len(order)],
                       kind="kde", common_norm=False, height=4, aspect=1.25)


def ridgeline(df, x, color):
    # seaborn's "ridge plot" example: a FacetGrid with a row per category, a filled kdeplot
    # in each, the rows pulled into each other (negative hspace) so a ridge may overlap the
    # one above. sharey=True: every row on one density scale, so heights compare (each KDE
    # is scipy's, Scott's bandwidth, area 1). height x rows = 4 and aspect x height = 6
    # inches: 600 x 400 px in all
    order = sorted(df[color].unique())
    height = 4 / len(order)
    grid = sns.FacetGrid(df, row=color, row_order=order, hue=color, hue_order=order,
                         palette=PALETTE[:len(order)], height=height, aspect=6 / height,
                         sharey=True)
    grid.map(sns.kdeplot, x, fill=True, alpha=0.8, linewidth=1.5, clip_on=False)
    grid.map(sns.kdeplot, x, color="white", linewidth=1.5, clip_on=False)  # an outline
    grid.refline(y=0, linestyle="-", color=None, clip_on=False)  # the baseline, in its hue
    grid.figure.subplots_adjust(top=0.98, hspace=-0.3)  # the top: no title above the rows
    # each row named at its baseline on the left, in place of the centred "continent = ..."
    grid.set_titles("").set_titles("{row_name}", loc="left", y=0.1, fontweight="bold")
    # transparent rows, so a ridge reaching into the row above shows through it
    grid.set(yticks=[], ylabel="", facecolor=(0, 0, 0, 0))
    grid.despine(bottom=True, left=True)
    return grid


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    # barplot draws the categories in the order given: the 15 highest means, highest first
    order = latest.groupby(x)[y].mean().nlargest(15).index
    grid = sns.catplot(data=latest[latest[x].isin(order)], kind="bar", x=x, y=y, order=order,
                       color=PALETTE[0], saturation=1, errorbar=None, height=4, aspect=1.5)
    grid.tick_params(axis="x", rotation=60, rotation_mode="xtick")  # ends under their bars
    return grid.set_axis_labels(x, f"mean {y} in {time} {df[time].max()}")


def stacked100(df, x, color):
    order = sorted(df[color].unique())
    palette = dict(zip(order, PALETTE, strict=False))
    # multiple="fill" scales each x's stack to 1. seaborn stacks (and lists) the first hue
    # level on top: the levels go in reversed, and the legend is made again, sorted. The x
    # categories come in the order they appear: the rows are sorted by x first
    grid = sns.displot(data=df.sort_values(x), x=x, hue=color, hue_order=order[::-1],
                       palette=palette, multiple="fill", shrink=0.8, alpha=1, legend=False,
                       height=4, aspect=1.25)
    grid.add_legend({n: plt.Rectangle((0, 0), 1, 1, color=c) for n, c in palette.items()},
                    title=color)
    return grid.set_axis_labels(x, f"share of {color}")


NOT_SUPPORTED = {
    "treemap": "seaborn draws no treemap: neither its functions nor seaborn.objects lay out "
    "nested rectangles; the usual way is squarify's layout drawn with matplotlib's "
    "ax.bar, which is matplotlib's own (its row shows it).",
    "scatter3d": "seaborn draws on two-dimensional matplotlib Axes only; it has no 3D plot "
    "function, so a 3D scatter means dropping down to matplotlib's 3D projection.",
    "tooltip": "seaborn has no hover or tooltip API: it draws static matplotlib figures, "
    "and a tooltip would be matplotlib's own mpl_connect callback, running in Python (a "
    "Jupyter kernel with ipympl).",
    "linked": "seaborn has no selections: each plot is drawn once, and highlighting one "
    "plot's rows in another would be matplotlib's RectangleSelector, calling back into "
    "Python.",
    "widget": "seaborn has no widgets: a plot is redrawn only by calling seaborn again "
    "(ipywidgets.interact in a Jupyter kernel), and nothing of it works in a page.",
    "pie": "seaborn draws no pie: neither its functions nor seaborn.objects have a polar "
    "coordinate or wedge mark, and plt.pie is matplotlib's own.",
    "parallel": "seaborn has no parallel-coordinates plot: neither its functions nor "
    "seaborn.objects draw one (pandas.plotting.parallel_coordinates is pandas' own, on "
    "matplotlib).",
    "animation": "seaborn has no animation API: a FuncAnimation redrawing a seaborn plot per "
    "frame is matplotlib's animation, not seaborn's.",
    "sankey": "seaborn draws no flow diagram: neither its functions nor seaborn.objects lay "
    "out nodes and links (matplotlib.sankey is matplotlib's own and draws one flow only: its "
    "row says why).",
    "choropleth": "seaborn draws no maps: neither its functions nor seaborn.objects draw "
    "polygons from geometry. Python's map of this kind is geopandas' GeoDataFrame.plot, "
    "which draws with matplotlib, as the matplotlib row does from the same map.",
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
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/seaborn")
    out.mkdir(parents=True, exist_ok=True)
    # a FacetGrid and a Figure both save themselves
    for kind, chart in charts.items():
        chart.savefig(out / f"{kind}.svg", bbox_inches="tight")
        print("wrote", out / f"{kind}.svg")
