"""matplotlib: every chart kind of the gallery, drawn the imperative way.

Run: python examples/plot_matplotlib.py [OUT_DIR]  (needs matplotlib, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role.
"""

import matplotlib.pyplot as plt
import numpy as np


def scatter(df, x, y, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, group in df.groupby(color):
        ax.scatter(group[x], group[y], label=name, alpha=0.8)
    ax.set(xlabel=x, ylabel=y)
    ax.legend(title=color)
    return fig


def line(df, time, y, color):
    means = df.groupby([time, color])[y].mean().unstack(color)
    fig, ax = plt.subplots(figsize=(6, 4))
    for name in means.columns:
        series = means[name].dropna()
        ax.plot(series.index, series.values, marker="o", label=name)
    ax.set(xlabel=time, ylabel=f"mean {y}")
    ax.legend(title=color)
    return fig


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean().unstack(color)
    positions = np.arange(len(means.index))
    width = 0.8 / len(means.columns)
    fig, ax = plt.subplots(figsize=(6, 4))
    for i, name in enumerate(means.columns):
        ax.bar(positions + i * width, means[name].fillna(0), width, label=name)
    ax.set_xticks(positions + width * (len(means.columns) - 1) / 2, means.index)
    ax.set(xlabel=x, ylabel=f"mean {y}")
    ax.legend(title=color)
    return fig


def histogram(df, x, color):
    names = sorted(df[color].unique())
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist([df.loc[df[color] == n, x] for n in names], bins=20, stacked=True, label=names)
    ax.set(xlabel=x, ylabel="count")
    ax.legend(title=color)
    return fig


def box(df, x, y):
    names = sorted(df[x].unique())
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.boxplot([df.loc[df[x] == n, y] for n in names], tick_labels=names, patch_artist=True)
    ax.set(xlabel=x, ylabel=y)
    return fig


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    fig, ax = plt.subplots(figsize=(6, 5))
    image = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
    ax.set_xticks(range(len(corr)), corr.columns, rotation=45, ha="right")
    ax.set_yticks(range(len(corr)), corr.columns)
    for (i, j), value in np.ndenumerate(corr.values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8)
    fig.colorbar(image, ax=ax, label="correlation")
    return fig


def facet(df, x, y, color, facet):
    panels = sorted(df[facet].unique())
    fig, axes = plt.subplots(1, len(panels), figsize=(4 * len(panels), 4),
                             sharex=True, sharey=True, squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=True):
        for name, group in df[df[facet] == panel].groupby(color):
            ax.scatter(group[x], group[y], label=name, alpha=0.8)
        ax.set(title=f"{facet} = {panel}", xlabel=x)
    axes.flat[0].set_ylabel(y)
    axes.flat[-1].legend(title=color)
    return fig


def regression(df, x, y, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, group in df.groupby(color):
        points = ax.scatter(group[x], group[y], label=name, alpha=0.6)
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.linspace(group[x].min(), group[x].max(), 2)
        ax.plot(xs, slope * xs + intercept, color=points.get_facecolor()[0])
    ax.set(xlabel=x, ylabel=y)
    ax.legend(title=color)
    return fig


def scatter3d(df, x, y, z, color):
    fig = plt.figure(figsize=(6, 5))
    ax = fig.add_subplot(projection="3d")
    for name, group in df.groupby(color):
        ax.scatter(group[x], group[y], group[z], label=name)
    ax.set(xlabel=x, ylabel=y, zlabel=z)
    ax.legend(title=color)
    return fig


def bubble(df, x, y, size, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    area = 300 * df[size] / df[size].max()
    for name, group in df.groupby(color):
        ax.scatter(group[x], group[y], s=area[group.index], label=name, alpha=0.5)
    ax.set(xlabel=x, ylabel=y, title=f"marker area ~ {size}")
    ax.legend(title=color)
    return fig


NOT_SUPPORTED = {}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/matplotlib")
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
        "scatter3d": scatter3d(penguins, **xy, z="flipper_length_mm"),
        "bubble": bubble(penguins, **{**xy, "y": "flipper_length_mm"}, size="body_mass_g"),
    }
    for kind, fig in charts.items():
        fig.savefig(out / f"{kind}.svg", bbox_inches="tight")
        print("wrote", out / f"{kind}.svg")
