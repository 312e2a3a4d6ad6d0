"""Plotly's WebGL scatter: every point still goes to the browser, drawn on the GPU.

Run: python examples/bigdata/plot_scattergl.py [OUT.html]  (needs plotly; writes
10,000,000 points as one offline page with plotly.js inlined)
``go.Scattergl`` takes the same arguments as ``go.Scatter`` but draws with WebGL, which
keeps panning smooth at millions of markers where SVG gives up near a hundred thousand.
"""

import plotly.graph_objects as go


def big_scatter(df, x, y):
    # plotly ships numeric columns as base64 typed arrays in their own dtype: float32
    # halves the bytes of float64 and is plenty for screen positions.
    points = go.Scattergl(
        x=df[x].astype("float32"), y=df[y].astype("float32"), mode="markers",
        marker={"size": 2, "opacity": 0.3},
    )
    fig = go.Figure(points)
    fig.update_layout(xaxis_title=x, yaxis_title=y, width=600, height=400)
    return fig


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bigdata/scattergl.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    n = 10_000_000
    df = pd.DataFrame({"x": rng.normal(size=n), "y": rng.normal(size=n)})
    big_scatter(df, "x", "y").write_html(str(out), include_plotlyjs=True, full_html=True)
    print("wrote", out, f"({out.stat().st_size:,} bytes)")
