"""pandas .plot: every chart kind of the gallery that DataFrame.plot can draw.

Run: python examples/plot_pandas.py [OUT_DIR]  (needs pandas and matplotlib)
Each function takes a data frame and the names of the columns to use for each role.
DataFrame.plot draws the frame as it is, one line, bar set or box per column: so each
chart first reshapes the data (pivot_table, pivot) and then calls one plot method.
"""

import pandas as pd


def scatter(df, x, y, color):
    # a categorical column passed as c gets one colour per category and a labelled colour bar
    return df.astype({color: "category"}).plot.scatter(
        x=x, y=y, c=color, cmap="Dark2", alpha=0.8, figsize=(6, 4)
    )


def line(df, time, y, color):
    means = df.pivot_table(index=time, columns=color, values=y, aggfunc="mean")
    return means.plot(marker="o", ylabel=f"mean {y}", figsize=(6, 4))


def bar(df, x, y, color):
    means = df.pivot_table(index=x, columns=color, values=y, aggfunc="mean")
    return means.plot.bar(rot=0, ylabel=f"mean {y}", figsize=(6, 4))


def histogram(df, x, color):
    # one column per category (NaN elsewhere), binned together and stacked
    wide = df.pivot(columns=color, values=x)
    return wide.plot.hist(bins=20, stacked=True, xlabel=x, figsize=(6, 4))


def box(df, x, y):
    wide = df.pivot(columns=x, values=y)
    return wide.plot.box(xlabel=x, ylabel=y, figsize=(6, 4))


def bubble(df, x, y, size, color):
    area = 300 * df[size] / df[size].max()
    return df.astype({color: "category"}).plot.scatter(
        x=x, y=y, s=area, c=color, cmap="Dark2", alpha=0.5,
        title=f"marker area ~ {size}", figsize=(6, 4),
    )


NOT_SUPPORTED = {
    "heatmap": "DataFrame.plot has no heatmap kind: the pandas way to colour a correlation "
    "matrix, df.corr().style.background_gradient(), styles an HTML table, not a chart.",
    "facet": "DataFrame.plot splits into subplots only by column (subplots=True), and "
    "scatter has no by= argument, so panels per category need a matplotlib subplot loop.",
    "regression": "pandas plots the data it is given and fits no models: the regression "
    "line would have to be computed with numpy and drawn with matplotlib.",
    "scatter3d": "DataFrame.plot draws on two-dimensional matplotlib Axes only; none of its "
    "kinds takes a third coordinate.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/pandas")
    out.mkdir(parents=True, exist_ok=True)
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    charts = {
        "scatter": scatter(penguins, **xy),
        "line": line(gapminder, time="year", y="lifeExp", color="continent"),
        "bar": bar(penguins, x="species", y="body_mass_g", color="sex"),
        "histogram": histogram(penguins, x="flipper_length_mm", color="species"),
        "box": box(penguins, x="species", y="body_mass_g"),
        "bubble": bubble(penguins, **{**xy, "y": "flipper_length_mm"}, size="body_mass_g"),
    }
    # every plot method returns the matplotlib Axes it drew on
    for kind, ax in charts.items():
        ax.figure.savefig(out / f"{kind}.svg", bbox_inches="tight")
        print("wrote", out / f"{kind}.svg")
