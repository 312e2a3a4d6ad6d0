"""Bokeh: every chart kind of the gallery, built glyph by glyph on a figure.

Run: python examples/plot_bokeh.py [OUT_DIR]  (needs bokeh, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role.
Statistics (means, bins, quartiles, fits) are computed with pandas/numpy first, as
Bokeh's own gallery does: Bokeh draws what it is given.
"""

import numpy as np
from bokeh.layouts import gridplot
from bokeh.models import ColumnDataSource, FactorRange, Whisker
from bokeh.palettes import Category10_10, RdBu11
from bokeh.plotting import figure
from bokeh.transform import factor_cmap, linear_cmap


def scatter(df, x, y, color):
    names = sorted(df[color].unique())
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y)
    p.scatter(x, y, source=df, alpha=0.8, size=7, legend_field=color,
              color=factor_cmap(color, Category10_10, names))
    p.legend.title = color
    return p


def line(df, time, y, color):
    means = df.groupby([color, time])[y].mean().reset_index()
    p = figure(width=600, height=400, x_axis_label=time, y_axis_label=f"mean {y}")
    for i, (name, group) in enumerate(means.groupby(color)):
        hue, source = Category10_10[i % 10], ColumnDataSource(group)
        p.line(time, y, source=source, color=hue, line_width=2, legend_label=str(name))
        p.scatter(time, y, source=source, color=hue, size=6, legend_label=str(name))
    p.legend.title = color
    p.legend.location = "top_left"
    return p


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean()
    # (x, color) pairs make a nested categorical axis: one group of bars per x value
    source = ColumnDataSource({"group": list(means.index), "mean": means.values})
    names = sorted(df[color].unique())
    p = figure(x_range=FactorRange(*means.index), width=600, height=400,
               x_axis_label=f"{x} / {color}", y_axis_label=f"mean {y}")
    p.vbar(x="group", top="mean", source=source, width=0.9, line_color="white",
           fill_color=factor_cmap("group", Category10_10, names, start=1, end=2))
    p.y_range.start = 0
    p.xgrid.grid_line_color = None
    return p


def histogram(df, x, color):
    edges = np.histogram_bin_edges(df[x], bins=20)
    bottom = np.zeros(len(edges) - 1)
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label="count")
    # one quad per bin and category, each stacked on the categories drawn before it
    for i, (name, group) in enumerate(df.groupby(color)):
        hue = Category10_10[i % 10]
        counts, _ = np.histogram(group[x], bins=edges)
        p.quad(left=edges[:-1], right=edges[1:], bottom=bottom, top=bottom + counts,
               fill_color=hue, line_color="white", legend_label=str(name))
        bottom = bottom + counts
    p.y_range.start = 0
    p.legend.title = color
    return p


def box(df, x, y):
    names = sorted(df[x].unique())
    stats = df.groupby(x)[y].quantile([0.25, 0.5, 0.75]).unstack()
    stats.columns = ["q1", "q2", "q3"]
    # Tukey whiskers: the furthest points within 1.5 IQR of the box; the rest are outliers
    iqr = stats.q3 - stats.q1
    low, high = df[x].map(stats.q1 - 1.5 * iqr), df[x].map(stats.q3 + 1.5 * iqr)
    inside = df[y].between(low, high)
    stats["lower"] = df[inside].groupby(x)[y].min()
    stats["upper"] = df[inside].groupby(x)[y].max()
    source = ColumnDataSource(stats)
    p = figure(x_range=names, width=600, height=400, x_axis_label=x, y_axis_label=y)
    p.add_layout(Whisker(base=x, lower="lower", upper="upper", source=source))
    fill = factor_cmap(x, Category10_10, names)
    p.vbar(x, 0.7, "q1", "q2", source=source, fill_color=fill, line_color="black")
    p.vbar(x, 0.7, "q2", "q3", source=source, fill_color=fill, line_color="black")
    p.scatter(x, y, source=df[~inside], size=6, color="black", alpha=0.5)
    p.xgrid.grid_line_color = None
    return p


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    cells = corr.rename_axis(index="row", columns="column").stack().rename("r").reset_index()
    cells["label"] = cells["r"].map("{:.2f}".format)
    cells["ink"] = np.where(cells["r"].abs() > 0.6, "white", "black")  # readable on dark cells
    names = list(corr.columns)
    p = figure(x_range=names, y_range=names[::-1], width=560, height=480,
               tools="hover", tooltips="@row / @column: @label", x_axis_location="above")
    cell = p.rect("column", "row", 1, 1, source=cells, line_color="white",
                  fill_color=linear_cmap("r", RdBu11, -1, 1))
    p.text("column", "row", text="label", source=cells, text_color="ink", text_align="center",
           text_baseline="middle", text_font_size="10px")
    p.add_layout(cell.construct_color_bar(title="correlation"), "right")
    p.xaxis.major_label_orientation = 0.8
    p.grid.grid_line_color = None
    return p


def facet(df, x, y, color, facet):
    names = sorted(df[color].unique())
    panels = []
    for panel, group in df.groupby(facet):
        # every panel shares the first one's ranges: same scales, linked pan and zoom
        shared = {"x_range": panels[0].x_range, "y_range": panels[0].y_range} if panels else {}
        p = figure(title=f"{facet} = {panel}", x_axis_label=x, y_axis_label=y, **shared)
        p.scatter(x, y, source=group, alpha=0.8, legend_field=color,
                  color=factor_cmap(color, Category10_10, names))
        panels.append(p)
    return gridplot(panels, ncols=3, width=320, height=320)


def regression(df, x, y, color):
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y)
    for i, (name, group) in enumerate(df.groupby(color)):
        hue = Category10_10[i % 10]
        p.scatter(x, y, source=group, color=hue, alpha=0.6, legend_label=str(name))
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array([group[x].min(), group[x].max()])
        p.line(xs, slope * xs + intercept, color=hue, line_width=3, legend_label=str(name))
    p.legend.title = color
    return p


def bubble(df, x, y, size, color):
    names = sorted(df[color].unique())
    # marker size is in screen pixels: diameter ~ sqrt(value) makes the area ~ value;
    # drawing the largest first keeps the small bubbles visible on top
    source = ColumnDataSource(df.assign(marker_px=40 * np.sqrt(df[size] / df[size].max()))
                              .sort_values(size, ascending=False))
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y,
               title=f"marker area ~ {size}")
    p.scatter(x, y, size="marker_px", source=source, alpha=0.5, line_color="white",
              legend_field=color, color=factor_cmap(color, Category10_10, names))
    p.legend.title = color
    return p


NOT_SUPPORTED = {
    "scatter3d": "Bokeh draws 2D plots only: it has no 3D axes or projection, so a 3D "
    "scatter needs a custom JavaScript extension (as in Bokeh's surface3d example).",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd
    from bokeh.io import save
    from bokeh.resources import INLINE

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bokeh")
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
        # INLINE embeds BokehJS in the file, so the page opens without a network
        save(chart, out / f"{kind}.html", resources=INLINE, title=kind)
        print("wrote", out / f"{kind}.html")
