"""hvPlot: every chart kind of the gallery through the .hvplot accessor on a DataFrame.

Run: python examples/plot_hvplot.py [OUT_DIR]  (needs hvplot, holoviews, bokeh and pandas)
Each function takes a data frame and the names of the columns to use for each role.
Importing hvplot.pandas adds .hvplot to every DataFrame: the pandas .plot API, returning
interactive HoloViews objects (drawn with bokeh) that compose with * and +.
"""

import holoviews as hv
import hvplot.pandas
import numpy as np

hvplot.extension("bokeh")


def scatter(df, x, y, color):
    return df.hvplot.scatter(x=x, y=y, by=color, alpha=0.8, legend="right")


def line(df, time, y, color):
    means = df.groupby([time, color])[y].mean().reset_index()
    return means.hvplot.line(x=time, y=y, by=color, ylabel=f"mean {y}", legend="right")


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean().reset_index()
    # by= splits each x bar into a group of bars, one per color value
    return means.hvplot.bar(x=x, y=y, by=color, ylabel=f"mean {y}")


def histogram(df, x, color):
    # one histogram per color value, binned over the same range and overlaid
    return df.hvplot.hist(x, by=color, bins=20, alpha=0.5, ylabel="count", legend="right")


def box(df, x, y):
    return df.hvplot.box(y=y, by=x)


def heatmap(df):
    corr = df.select_dtypes("number").corr().round(2)
    # a wide frame maps its columns to x and its index to y
    cells = corr.hvplot.heatmap(cmap="RdBu_r", clim=(-1, 1), rot=45, clabel="correlation",
                                width=560, height=480)
    return cells * hv.Labels(cells).opts(text_color="black", text_font_size="9pt")


def facet(df, x, y, color, facet):
    # by= with subplots=True draws one panel per facet value, sharing the axes; a colour
    # per value (c= with a dict cmap) keeps each group's colour the same in every panel
    palette = dict(zip(sorted(df[color].unique()), hv.Cycle().values, strict=False))
    panels = df.hvplot.scatter(x=x, y=y, by=facet, subplots=True, c=color, cmap=palette,
                               alpha=0.8, width=330, height=300)
    return panels.cols(3)


def regression(df, x, y, color):
    points = df.hvplot.scatter(x=x, y=y, by=color, alpha=0.6, legend="right")
    # hvPlot has no fit option; its plots are HoloViews objects, so overlay a
    # least-squares Slope computed from each colour group's points
    return points * points.map(hv.Slope.from_scatter, hv.Scatter)


def bubble(df, x, y, size, color):
    # a column as s draws markers sqrt(value) * scale pixels across (area ~ value):
    # scale so that the largest is 40 px
    return df.hvplot.scatter(x=x, y=y, s=size, scale=40 / np.sqrt(df[size].max()), by=color,
                             alpha=0.5, legend="right", title=f"marker area ~ {size}")


NOT_SUPPORTED = {
    "scatter3d": "hvPlot has no 3D plot kind for pandas data, and its default bokeh backend "
    "draws 2D plots only.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd
    from bokeh.resources import INLINE

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/hvplot")
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
    for kind, chart in charts.items():
        # hvplot.save writes a standalone page; INLINE embeds BokehJS (no network)
        hvplot.save(chart, out / f"{kind}.html", resources=INLINE)
        print("wrote", out / f"{kind}.html")
