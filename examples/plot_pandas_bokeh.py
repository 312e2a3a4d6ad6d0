"""Pandas-Bokeh: every chart kind it can draw, through the ``df.plot_bokeh`` accessor.

Run: python examples/plot_pandas_bokeh.py [OUT_DIR]  (needs pandas-bokeh, bokeh and pandas)
Each function takes a data frame and the names of the columns to use for each role.

Pandas-Bokeh is unmaintained: its last release, 0.5.5 (2021), was written for bokeh 2 and
does not import on bokeh 3. The small shim at the top of the preamble is why it runs here.
Like pandas' own ``.plot``, it draws the frame as it is: one line, bar group or histogram
per column, so the data is reshaped with pandas first.
"""

import sys
import types
from itertools import cycle

import bokeh.models
import bokeh.plotting
import numpy as np
import pandas as pd
from bokeh.palettes import Category10_10

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


def scatter(df, x, y, color):
    return df.plot_bokeh.scatter(
        x=x, y=y, category=color, title=f"{y} vs {x}, by {color}", show_figure=False
    )


def line(df, time, y, color):
    # One line per column: the means as a (time x category) table.
    means = df.groupby([time, color])[y].mean().unstack(color)
    return means.plot_bokeh.line(
        plot_data_points=True, xlabel=time, ylabel=f"mean {y}",
        title=f"mean {y} by {color}", show_figure=False,
    )


def bar(df, x, y, color):
    # The index gives the bar groups, each column one bar within a group.
    means = df.groupby([x, color])[y].mean().unstack(color)
    return means.plot_bokeh.bar(
        ylabel=f"mean {y}", title=f"mean {y} by {x} and {color}", show_figure=False
    )


def histogram(df, x, color):
    # One column per category (NaN elsewhere, which the histogram skips).
    wide = df.pivot(columns=color, values=x)
    return wide.plot_bokeh.hist(
        bins=20, stacked=True, xlabel=x, ylabel="count", vertical_xlabel=True,
        title=f"{x} by {color}", show_figure=False,
    )


def facet(df, x, y, color, facet):
    # Colours follow the order categories appear in, so fix one colour per category, and
    # give every panel the same limits so that they compare.
    colors = dict(zip(sorted(df[color].unique()), cycle(Category10_10)))
    low, high = df[[x, y]].min(), df[[x, y]].max()
    pad = (high - low) * 0.05
    panels = [
        group.plot_bokeh.scatter(
            x=x, y=y, category=color, colormap=[colors[c] for c in group[color].unique()],
            xlim=(low[x] - pad[x], high[x] + pad[x]), ylim=(low[y] - pad[y], high[y] + pad[y]),
            figsize=(380, 380), title=f"{facet} = {name}", show_figure=False,
        )
        for name, group in df.groupby(facet)
    ]
    return pandas_bokeh.plot_grid([panels], show_plot=False)


def bubble(df, x, y, size, color):
    # size= takes a column of marker diameters in pixels: scale so that area ~ size.
    diameter = f"{size} (marker px)"
    sized = df.assign(**{diameter: 30 * np.sqrt(df[size] / df[size].max())})
    return sized.plot_bokeh.scatter(
        x=x, y=y, category=color, size=diameter, alpha=0.5,
        title=f"marker area ~ {size}", show_figure=False,
    )


NOT_SUPPORTED = {
    "box": "Pandas-Bokeh lists plot_bokeh.box, but plot() rejects kind='box': "
    "box plots were never implemented.",
    "heatmap": "Pandas-Bokeh has no heatmap or image kind; its kinds are line, step, point, "
    "scatter, bar, barh, hist, area, pie and map.",
    "regression": "Pandas-Bokeh fits nothing and cannot overlay a second plot on a figure; "
    "a fit line would need numpy plus raw bokeh glyph calls.",
    "scatter3d": "Pandas-Bokeh draws with bokeh, which has no 3D axes.",
}


if __name__ == "__main__":
    from pathlib import Path

    from bokeh.resources import INLINE

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/pandas_bokeh")
    out.mkdir(parents=True, exist_ok=True)
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    charts = {
        "scatter": scatter(penguins, **xy),
        "line": line(gapminder, time="year", y="lifeExp", color="continent"),
        "bar": bar(penguins, x="species", y="body_mass_g", color="sex"),
        "histogram": histogram(penguins, x="flipper_length_mm", color="species"),
        "facet": facet(penguins, **xy, facet="island"),
        "bubble": bubble(penguins, **{**xy, "y": "flipper_length_mm"}, size="body_mass_g"),
    }
    for kind, fig in charts.items():
        # pandas_bokeh.save is bokeh.io.save; INLINE embeds BokehJS so no network is needed.
        pandas_bokeh.save(fig, filename=out / f"{kind}.html", resources=INLINE, title=kind)
        print("wrote", out / f"{kind}.html")
