"""Chartify (Spotify): every chart kind it can draw, one Chart and plot layers per chart.

Run: python examples/plot_chartify.py [OUT_DIR]  (needs chartify, bokeh, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role.

The Chart's axis types decide which plot methods exist (numeric x and y: scatter, line;
categorical x: bar, boxplot; density y: histogram). Chartify expects tidy data with one
row per mark, so aggregates are computed with pandas first, as its own examples do.
"""

import chartify
import numpy as np
import pandas as pd


def scatter(df, x, y, color):
    return (
        chartify.Chart(blank_labels=True)
        .plot.scatter(data_frame=df, x_column=x, y_column=y, color_column=color)
        .set_title(f"{y} vs {x}")
        .set_subtitle(f"colour: {color}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
    )


def line(df, time, y, color):
    # One row per point of a line; chartify draws rows in order, so sort by time.
    means = df.groupby([time, color], as_index=False)[y].mean().sort_values(time)
    return (
        chartify.Chart(blank_labels=True)
        .plot.line(data_frame=means, x_column=time, y_column=y, color_column=color)
        .set_title(f"mean {y} over {time}")
        .set_subtitle(f"colour: {color}")
        .axes.set_xaxis_label(time)
        .axes.set_xaxis_tick_format("0.[0000]")  # no thousands separator: 1952, not 1,952
        .axes.set_yaxis_label(f"mean {y}")
    )


def bar(df, x, y, color):
    # One row per bar; two categorical columns give bars grouped by the first one.
    means = df.groupby([x, color], as_index=False)[y].mean()
    return (
        chartify.Chart(blank_labels=True, x_axis_type="categorical")
        .plot.bar(
            data_frame=means, categorical_columns=[x, color], numeric_column=y,
            color_column=color, categorical_order_by="labels", categorical_order_ascending=True,
        )
        .set_title(f"mean {y} by {x} and {color}")
        .axes.set_xaxis_label(f"{x}, {color}")
        .axes.set_yaxis_label(f"mean {y}")
    )


def histogram(df, x, color):
    # Shared bin edges, so that the overlaid histograms of each category line up.
    edges = np.histogram_bin_edges(df[x], bins=20)
    return (
        chartify.Chart(blank_labels=True, y_axis_type="density")
        .plot.histogram(data_frame=df, values_column=x, color_column=color, bins=edges)
        .set_title(f"distribution of {x}")
        .set_subtitle(f"colour: {color}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label("count")
    )


def box(df, x, y):
    return (
        chartify.Chart(blank_labels=True, x_axis_type="categorical")
        .plot.boxplot(data_frame=df, categorical_columns=[x], numeric_column=y)
        .set_title(f"{y} by {x}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
    )


def heatmap(df):
    # Tidy form: one row per (row, column) cell of the correlation matrix.
    cells = (
        df.select_dtypes("number").corr()
        .rename_axis(index="row", columns="column")
        .stack().rename("correlation").reset_index()
    )
    return (
        chartify.Chart(blank_labels=True, x_axis_type="categorical", y_axis_type="categorical")
        .plot.heatmap(
            data_frame=cells, x_column="column", y_column="row", color_column="correlation",
            text_column="correlation", text_color="black", color_value_min=-1,
            color_value_max=1,
        )
        .set_title("correlation of the numeric columns")
        .axes.set_xaxis_tick_orientation("diagonal")
    )


def regression(df, x, y, color):
    # Chartify fits nothing: compute each category's least-squares line with numpy, then
    # draw it as a line layer over the scatter (its two end points are enough).
    fits = []
    for name, group in df.groupby(color):
        slope, intercept = np.polyfit(group[x], group[y], 1)
        ends = np.array([group[x].min(), group[x].max()])
        fits.append(pd.DataFrame({x: ends, y: slope * ends + intercept, color: name}))
    ch = chartify.Chart(blank_labels=True)
    ch.plot.scatter(data_frame=df, x_column=x, y_column=y, color_column=color, alpha=0.6)
    ch.style.color_palette.reset_palette_order()  # the same colour per category in both layers
    ch.plot.line(data_frame=pd.concat(fits), x_column=x, y_column=y, color_column=color)
    return (
        ch.set_title(f"{y} vs {x}, least-squares fit per {color}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
    )


def bubble(df, x, y, size, color):
    # size_column holds marker diameters in pixels: scale so that area ~ size.
    diameter = f"{size} (marker px)"
    sized = df.assign(**{diameter: 30 * np.sqrt(df[size] / df[size].max())})
    return (
        chartify.Chart(blank_labels=True)
        .plot.scatter(
            data_frame=sized, x_column=x, y_column=y, size_column=diameter,
            color_column=color, alpha=0.5,
        )
        .set_title(f"{y} vs {x}")
        .set_subtitle(f"marker area ~ {size}, colour: {color}")
        .axes.set_xaxis_label(x)
        .axes.set_yaxis_label(y)
    )


NOT_SUPPORTED = {
    "facet": "Chartify has no facet or grid API: a Chart wraps one bokeh figure, and "
    "laying several out takes bokeh.layouts directly.",
    "scatter3d": "Chartify draws with bokeh, which has no 3D axes.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/chartify")
    out.mkdir(parents=True, exist_ok=True)
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    charts = {
        "scatter": scatter(penguins, **xy),
        "line": line(gapminder, time="year", y="lifeExp", color="continent"),
        "bar": bar(penguins, x="species", y="body_mass_g", color="sex"),
        "histogram": histogram(penguins, x="flipper_length_mm", color="species"),
        "box": box(penguins, x="species", y="body_mass_g"),
        "heatmap": heatmap(penguins),
        "regression": regression(penguins, **xy),
        "bubble": bubble(penguins, **{**xy, "y": "flipper_length_mm"}, size="body_mass_g"),
    }
    for kind, chart in charts.items():
        # Chart.save writes HTML with BokehJS inline, so the file needs no network.
        chart.save(str(out / f"{kind}.html"), format="html")
