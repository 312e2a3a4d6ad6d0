"""HoloViews: every chart kind of the gallery, declared once, drawn by either backend.

Run: python examples/plot_holoviews.py [OUT_DIR]  (needs holoviews, bokeh, numpy, pandas)
Each function takes a data frame and the names of the columns to use for each role.
The functions say what the data is (which columns are keys, which are values) and return
HoloViews elements; the plotting backend turns them into a figure. Changing the BACKEND
line to "matplotlib" draws the same charts with matplotlib, with no other change.
"""

import holoviews as hv
import numpy as np
from holoviews import dim, opts

BACKEND = "bokeh"
hv.extension(BACKEND)


def scatter(df, x, y, color):
    # one Scatter per colour value, overlaid: the overlay draws the legend
    points = hv.Dataset(df).to(hv.Scatter, x, y, groupby=color).overlay()
    return points.opts(opts.Scatter(alpha=0.8), opts.NdOverlay(aspect=1.5, legend_position="right"))


def line(df, time, y, color):
    means = hv.Dataset(df, [time, color], y).aggregate(function=np.mean)
    lines = means.to(hv.Curve, time, y, groupby=color).overlay()
    return lines.opts(opts.NdOverlay(aspect=1.5, legend_position="right", ylabel=f"mean {y}"))


def bar(df, x, y, color):
    # two key dimensions make grouped bars: x on the axis, color within each group
    means = hv.Dataset(df, [x, color], y).aggregate(function=np.mean)
    return hv.Bars(means).opts(aspect=1.5, ylabel=f"mean {y}")


def histogram(df, x, color):
    # the histogram operation bins each colour group over the same range of x
    hists = hv.Dataset(df, [x, color]).hist(
        x, groupby=color, num_bins=20, bin_range=(df[x].min(), df[x].max()), adjoin=False
    )
    return hists.opts(opts.Histogram(alpha=0.5),
                      opts.NdOverlay(aspect=1.5, legend_position="right", ylabel="count"))


def box(df, x, y):
    return hv.BoxWhisker(df, x, y).opts(aspect=1.5)


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    r = hv.Dimension("correlation", value_format=lambda value: f"{value:.2f}")
    cells = hv.HeatMap((corr.columns, corr.index, corr.values), ["column", "row"], r)
    # matplotlib writes each value in its cell, bokeh shows it on hover (a Labels
    # overlay fails on matplotlib's categorical axes: holoviews issue #4992)
    return cells.opts(
        opts.HeatMap(cmap="RdBu_r", clim=(-1, 1), colorbar=True, xrotation=45, aspect=1.2),
        opts.HeatMap(tools=["hover"], backend="bokeh"),
    )


def facet(df, x, y, color, facet):
    # one panel per facet value, overlaying its colour groups; the panels share axes.
    # Each colour value gets a fixed colour, so a group keeps it in every panel
    palette = dict(zip(sorted(df[color].unique()), hv.Cycle().values, strict=False))
    scatters = hv.Dataset(df).to(hv.Scatter, x, [y, color], groupby=[facet, color])
    return scatters.overlay(color).layout(facet).cols(3).opts(
        opts.Scatter(color=dim(color).categorize(palette), alpha=0.8))


def regression(df, x, y, color):
    points = hv.Dataset(df).to(hv.Scatter, x, y, groupby=color).overlay()

    def fit(group):
        # a least-squares line across the group's own x range (an infinite hv.Slope
        # would stretch matplotlib's autoscaled axes to reach its intercept)
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array(group.range(x))
        return hv.Curve((xs, slope * xs + intercept), x, y)

    return (points * points.map(fit, hv.Scatter)).opts(
        opts.Scatter(alpha=0.6), opts.Curve(show_legend=False),
        opts.Overlay(aspect=1.5, legend_position="right"),
    )


def bubble(df, x, y, size, color):
    points = hv.Dataset(df).to(hv.Scatter, x, [y, size], groupby=color).overlay()
    share = dim(size) / df[size].max()
    # marker size is a backend style: bokeh's `size` is a diameter in pixels,
    # matplotlib's `s` an area in points^2; either way the area grows with the value
    return points.opts(
        opts.Scatter(size=np.sqrt(share) * 40, backend="bokeh"),
        opts.Scatter(s=share * 300, backend="matplotlib"),
        opts.Scatter(alpha=0.5),
        opts.NdOverlay(aspect=1.5, legend_position="right", title=f"marker area ~ {size}"),
    )


NOT_SUPPORTED = {
    "scatter3d": "HoloViews' Scatter3D element has plotting classes for the matplotlib and "
    "plotly backends only, not for bokeh; this code is shared by both backends, and bokeh "
    "itself has no 3D axes.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd
    from bokeh.resources import INLINE

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else f"out/holoviews_{BACKEND}")
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
    # bokeh writes a standalone page (BokehJS inlined: no network); matplotlib an SVG
    suffix = "html" if BACKEND == "bokeh" else "svg"
    for kind, chart in charts.items():
        hv.save(chart, out / f"{kind}.{suffix}", backend=BACKEND, resources=INLINE)
        print("wrote", out / f"{kind}.{suffix}")
