"""The talk's landscape as a picture: each library above the renderer it is built on,
drawn with plotly from the library registry (so a new library appears by itself)."""

from __future__ import annotations

from typing import Any

from gallery.libraries import LIBRARIES

FOUNDATIONS = ("matplotlib", "bokeh", "plotly.js", "vega")
PARADIGM_COLORS = {"imperative": "#1f77b4", "declarative": "#9467bd"}


def landscape_layout() -> dict[str, tuple[float, float]]:
    """Positions: foundations on the bottom row, their libraries stacked above each."""
    positions = {f: (float(i) * 2, 0.0) for i, f in enumerate(FOUNDATIONS)}
    heights = dict.fromkeys(FOUNDATIONS, 0)
    for key in LIBRARIES:
        info = LIBRARIES.get(key)
        heights[info.built_on] += 1
        offset = 0.45 if heights[info.built_on] % 2 else -0.45
        positions[key] = (positions[info.built_on][0] + offset, float(heights[info.built_on]))
    return positions


def landscape_figure() -> Any:
    """A plotly Figure: one edge per library to its foundation, nodes coloured by paradigm."""
    import plotly.graph_objects as go

    positions = landscape_layout()
    fig = go.Figure()
    for key in LIBRARIES:
        (x0, y0), (x1, y1) = positions[key], positions[LIBRARIES.get(key).built_on]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
                                 line={"color": "#bbbbbb", "width": 1}, showlegend=False))
    fig.add_trace(go.Scatter(
        x=[positions[f][0] for f in FOUNDATIONS], y=[0] * len(FOUNDATIONS), mode="markers+text",
        text=list(FOUNDATIONS), textposition="bottom center", name="renders with",
        marker={"size": 34, "symbol": "square", "color": "#ff7f0e"},
    ))
    for paradigm, color in PARADIGM_COLORS.items():
        keys = [k for k in LIBRARIES if LIBRARIES.get(k).paradigm == paradigm]
        fig.add_trace(go.Scatter(
            x=[positions[k][0] for k in keys], y=[positions[k][1] for k in keys],
            mode="markers+text", text=[LIBRARIES.get(k).name for k in keys],
            textposition="top center", name=paradigm, marker={"size": 18, "color": color},
            hovertext=[LIBRARIES.get(k).paradigm_reason for k in keys], hoverinfo="text",
        ))
    fig.update_layout(
        height=560, xaxis={"visible": False}, yaxis={"visible": False, "range": [-0.8, 5.2]},
        legend={"orientation": "h", "y": -0.05}, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title="Python plotting libraries and the renderer each is built on",
    )
    return fig
