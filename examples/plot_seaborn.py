"""seaborn: every chart kind of the gallery, by naming the columns for x, y and hue.

Run: python examples/plot_seaborn.py [OUT_DIR]  (needs seaborn, matplotlib and pandas)
Each function takes a data frame and the names of the columns to use for each role.
The figure-level functions (relplot, catplot, displot, lmplot) return a grid that owns
its own figure; the heatmap is axes-level, so it is given an Axes to draw on.
"""

import matplotlib.pyplot as plt
import seaborn as sns


def scatter(df, x, y, color):
    return sns.relplot(data=df, x=x, y=y, hue=color, alpha=0.8, height=4, aspect=1.4)


def line(df, time, y, color):
    # seaborn aggregates repeated x values itself: the line is the mean, the band its 95% CI
    grid = sns.relplot(data=df, kind="line", x=time, y=y, hue=color, marker="o",
                       height=4, aspect=1.4)
    return grid.set_axis_labels(time, f"mean {y}")


def bar(df, x, y, color):
    grid = sns.catplot(data=df, kind="bar", x=x, y=y, hue=color, height=4, aspect=1.4)
    return grid.set_axis_labels(x, f"mean {y}")


def histogram(df, x, color):
    return sns.displot(data=df, x=x, hue=color, multiple="stack", height=4, aspect=1.4)


def box(df, x, y):
    return sns.catplot(data=df, kind="box", x=x, y=y, hue=x, height=4, aspect=1.4)


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    fig, ax = plt.subplots(figsize=(6, 5))
    sns.heatmap(corr, annot=True, fmt=".2f", cmap="vlag", vmin=-1, vmax=1, square=True,
                cbar_kws={"label": "correlation"}, ax=ax)
    return fig


def facet(df, x, y, color, facet):
    return sns.relplot(data=df, x=x, y=y, hue=color, col=facet, alpha=0.8, height=4)


def regression(df, x, y, color):
    # one least-squares fit per hue level, with a bootstrapped 95% confidence band
    return sns.lmplot(data=df, x=x, y=y, hue=color, height=4, aspect=1.4,
                      scatter_kws={"alpha": 0.6})


def bubble(df, x, y, size, color):
    grid = sns.relplot(data=df, x=x, y=y, hue=color, size=size, sizes=(10, 400), alpha=0.5,
                       height=4, aspect=1.4)
    return grid.set(title=f"marker area ~ {size}")


NOT_SUPPORTED = {
    "scatter3d": "seaborn draws on two-dimensional matplotlib Axes only; it has no 3D plot "
    "function, so a 3D scatter means dropping down to matplotlib's 3D projection.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/seaborn")
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
    # a FacetGrid and a Figure both save themselves
    for kind, chart in charts.items():
        chart.savefig(out / f"{kind}.svg", bbox_inches="tight")
        print("wrote", out / f"{kind}.svg")
