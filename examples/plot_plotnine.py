"""plotnine: every chart kind of the gallery, as a grammar of graphics (ggplot2 in Python).

Run: python examples/plot_plotnine.py [OUT_DIR]  (needs plotnine, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role, maps
them to aesthetics with aes(), and adds layers with +. It returns the ggplot object.
"""

import numpy as np
import pandas as pd
from plotnine import (
    aes,
    element_text,
    facet_wrap,
    geom_boxplot,
    geom_histogram,
    geom_point,
    geom_smooth,
    geom_text,
    geom_tile,
    ggplot,
    labs,
    scale_fill_gradient2,
    scale_size_area,
    stat_summary,
    theme,
)


def scatter(df, x, y, color):
    return ggplot(df, aes(x, y, color=color)) + geom_point(alpha=0.8)


def line(df, time, y, color):
    # the summary stat averages y at each time, per colour group
    return (
        ggplot(df, aes(time, y, color=color))
        + stat_summary(fun_y=np.mean, geom="line")
        + stat_summary(fun_y=np.mean, geom="point")
        + labs(y=f"mean {y}")
    )


def bar(df, x, y, color):
    return (
        ggplot(df, aes(x, y, fill=color))
        + stat_summary(fun_y=np.mean, geom="bar", position="dodge")
        + labs(y=f"mean {y}")
    )


def histogram(df, x, color):
    return ggplot(df, aes(x, fill=color)) + geom_histogram(bins=20)  # stacked by default


def box(df, x, y):
    return ggplot(df, aes(x, y, fill=x)) + geom_boxplot(show_legend=False)


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    # ggplot wants long data: one row per cell; categories keep the matrix order
    cells = corr.rename_axis(index="row", columns="column").stack().rename("r").reset_index()
    cells["column"] = pd.Categorical(cells["column"], categories=corr.columns)
    cells["row"] = pd.Categorical(cells["row"], categories=corr.columns[::-1])
    return (
        ggplot(cells, aes("column", "row", fill="r"))
        + geom_tile()
        + geom_text(aes(label="r"), format_string="{:.2f}", size=8)
        + scale_fill_gradient2(low="#2166ac", high="#b2182b", limits=(-1, 1))
        + labs(x="", y="", fill="correlation")
        + theme(axis_text_x=element_text(rotation=45, ha="right"))
    )


def facet(df, x, y, color, facet):
    return (
        ggplot(df, aes(x, y, color=color))
        + geom_point(alpha=0.8)
        + facet_wrap(facet, labeller="label_both")
    )


def regression(df, x, y, color):
    # the colour mapping splits the data, so each group gets its own least-squares line
    return (
        ggplot(df, aes(x, y, color=color))
        + geom_point(alpha=0.6)
        + geom_smooth(method="lm")
    )


def bubble(df, x, y, size, color):
    return (
        ggplot(df, aes(x, y, color=color, size=size))
        + geom_point(alpha=0.5)
        + scale_size_area(max_size=12)  # area, not radius, proportional to the value
    )


NOT_SUPPORTED = {
    "scatter3d": "plotnine follows ggplot2's grammar, whose coordinate systems are all "
    "two-dimensional: there is no 3D geom or coord to map a z aesthetic to.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotnine")
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
    for kind, plot in charts.items():
        plot.save(out / f"{kind}.svg", width=6, height=4, verbose=False)
        print("wrote", out / f"{kind}.svg")
