"""Plotly graph_objects: every chart kind of the gallery, built trace by trace.

Run: python examples/plot_plotly.py [OUT_DIR]  (needs plotly, numpy and pandas)
Each function takes a data frame and the names of the columns to use for each role, and
returns a go.Figure with one trace per group; it is written as a self-contained HTML page.
"""

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots


def scatter(df, x, y, color):
    fig = go.Figure()
    for name, group in df.groupby(color):
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color)
    return fig


def line(df, time, y, color):
    means = df.groupby([color, time], as_index=False)[y].mean()
    fig = go.Figure()
    for name, group in means.groupby(color):
        fig.add_trace(go.Scatter(x=group[time], y=group[y], mode="lines+markers", name=name))
    fig.update_layout(xaxis_title=time, yaxis_title=f"mean {y}", legend_title_text=color)
    return fig


def bar(df, x, y, color):
    means = df.groupby([color, x], as_index=False)[y].mean()
    fig = go.Figure()
    for name, group in means.groupby(color):
        fig.add_trace(go.Bar(x=group[x], y=group[y], name=name))
    fig.update_layout(barmode="group", xaxis_title=x, yaxis_title=f"mean {y}",
                      legend_title_text=color)
    return fig


def histogram(df, x, color):
    fig = go.Figure()
    for name, group in df.groupby(color):
        # plotly.js bins the raw values in the browser; stacked traces share their bins.
        fig.add_trace(go.Histogram(x=group[x], name=name, nbinsx=20))
    fig.update_layout(barmode="stack", xaxis_title=x, yaxis_title="count",
                      legend_title_text=color)
    return fig


def box(df, x, y):
    fig = go.Figure()
    for name, group in df.groupby(x):
        fig.add_trace(go.Box(y=group[y], name=name))
    fig.update_layout(xaxis_title=x, yaxis_title=y, showlegend=False)
    return fig


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    fig = go.Figure(go.Heatmap(
        z=corr.values, x=corr.columns, y=corr.index, zmin=-1, zmax=1,
        colorscale="RdBu_r", texttemplate="%{z:.2f}", colorbar_title_text="correlation",
    ))
    fig.update_yaxes(autorange="reversed")  # first column at the top, as in a matrix
    return fig


def facet(df, x, y, color, facet):
    panels = sorted(df[facet].unique())
    colours = qualitative.Plotly
    fig = make_subplots(rows=1, cols=len(panels), shared_xaxes="all", shared_yaxes="all",
                        subplot_titles=[f"{facet} = {panel}" for panel in panels])
    for i, (name, category) in enumerate(df.groupby(color)):
        for j, (panel, group) in enumerate(category.groupby(facet)):
            # One colour and one legend entry per category, in every panel it appears in.
            fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                     marker_color=colours[i % len(colours)],
                                     legendgroup=name, showlegend=j == 0),
                          row=1, col=panels.index(panel) + 1)
    fig.update_xaxes(title_text=x)
    fig.update_yaxes(title_text=y, col=1)
    fig.update_layout(legend_title_text=color)
    return fig


def regression(df, x, y, color):
    fig = go.Figure()
    colours = qualitative.Plotly
    for i, (name, group) in enumerate(df.groupby(color)):
        colour = colours[i % len(colours)]  # the fit line takes its points' colour
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array([group[x].min(), group[x].max()])
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker_color=colour, opacity=0.6, legendgroup=name))
        fig.add_trace(go.Scatter(x=xs, y=slope * xs + intercept, mode="lines",
                                 name=f"{name} fit", line_color=colour, legendgroup=name,
                                 showlegend=False))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color)
    return fig


def scatter3d(df, x, y, z, color):
    fig = go.Figure()
    for name, group in df.groupby(color):
        fig.add_trace(go.Scatter3d(x=group[x], y=group[y], z=group[z], mode="markers",
                                   name=name, marker_size=3))
    fig.update_layout(scene=dict(xaxis_title=x, yaxis_title=y, zaxis_title=z),
                      legend_title_text=color)
    return fig


def bubble(df, x, y, size, color):
    # Marker area proportional to `size`, the largest marker about 40 px across.
    sizeref = 2.0 * df[size].max() / 40**2
    fig = go.Figure()
    for name, group in df.groupby(color):
        fig.add_trace(go.Scatter(
            x=group[x], y=group[y], mode="markers", name=name, opacity=0.5,
            marker=dict(size=group[size], sizemode="area", sizeref=sizeref, sizemin=2),
        ))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color,
                      title=f"marker area ~ {size}")
    return fig


NOT_SUPPORTED = {}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotly")
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
