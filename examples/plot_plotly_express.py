"""Plotly Express: every chart kind of the gallery, one function call per chart.

Run: python examples/plot_plotly_express.py [OUT_DIR]  (needs plotly, pandas, statsmodels)
Each function takes a data frame and the names of the columns to use for each role, and
returns the go.Figure Plotly Express built; it is written as a self-contained HTML page.
"""

import plotly.express as px


def scatter(df, x, y, color):
    return px.scatter(df, x=x, y=y, color=color)


def line(df, time, y, color):
    means = df.groupby([color, time], as_index=False)[y].mean()
    return px.line(means, x=time, y=y, color=color, markers=True, labels={y: f"mean {y}"})


def bar(df, x, y, color):
    means = df.groupby([x, color], as_index=False)[y].mean()
    return px.bar(means, x=x, y=y, color=color, barmode="group", labels={y: f"mean {y}"})


def histogram(df, x, color):
    # Stacked by default; plotly.js bins the raw values in the browser.
    return px.histogram(df, x=x, color=color, nbins=20)


def box(df, x, y):
    return px.box(df, x=x, y=y)


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    return px.imshow(corr, text_auto=".2f", zmin=-1, zmax=1,
                     color_continuous_scale="RdBu_r", labels={"color": "correlation"})


def facet(df, x, y, color, facet):
    return px.scatter(df, x=x, y=y, color=color, facet_col=facet)


def regression(df, x, y, color):
    # An ordinary least-squares fit per colour, computed with statsmodels.
    return px.scatter(df, x=x, y=y, color=color, trendline="ols", opacity=0.6)


def scatter3d(df, x, y, z, color):
    fig = px.scatter_3d(df, x=x, y=y, z=z, color=color)
    return fig.update_traces(marker_size=3)


def bubble(df, x, y, size, color):
    return px.scatter(df, x=x, y=y, size=size, color=color, size_max=40, opacity=0.5,
                      title=f"marker area ~ {size}")


NOT_SUPPORTED = {}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotly_express")
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
        # plotly.js is inlined from the installed package: the page works offline.
        fig.write_html(out / f"{kind}.html", include_plotlyjs=True)
        print("wrote", out / f"{kind}.html")
