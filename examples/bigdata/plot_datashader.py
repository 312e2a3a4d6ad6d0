"""Datashader through hvPlot: millions of points rasterised in Python, one image sent.

Run: python examples/bigdata/plot_datashader.py [OUT.html]  (needs hvplot, holoviews,
datashader; writes 10,000,000 points as one offline bokeh page)
``rasterize=True`` hands the points to datashader, which counts them per pixel
(numba-compiled) and gives bokeh a 600 x 400 image instead of the rows.
"""

import holoviews as hv
import hvplot.pandas  # noqa: F401  (registers DataFrame.hvplot)

hv.extension("bokeh")


def big_scatter(df, x, y):
    # Points per pixel, not points: the page is the same size for a thousand rows or ten
    # million. eq_hist spreads the colours over the counts so sparse edges stay visible.
    return df.hvplot.scatter(
        x=x, y=y, rasterize=True, cnorm="eq_hist", cmap="viridis",
        width=600, height=400, colorbar=True,
    )


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd
    from bokeh.embed import file_html
    from bokeh.resources import INLINE

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bigdata/datashader.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    n = 10_000_000
    df = pd.DataFrame({"x": rng.normal(size=n), "y": rng.normal(size=n)})
    model = hv.render(big_scatter(df, "x", "y"), backend="bokeh")
    # Offline: bokeh's JavaScript inlined. Without a live Python server the image is fixed
    # at this view: zooming enlarges pixels instead of re-aggregating.
    out.write_text(file_html(model, INLINE, title="10M points, datashader"), encoding="utf-8")
    print("wrote", out, f"({out.stat().st_size:,} bytes)")
