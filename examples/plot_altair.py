"""Vega-Altair: every chart kind of the gallery as a declarative Vega-Lite chart.

Run: python examples/plot_altair.py [OUT_DIR]  (needs altair, pandas, vl-convert-python)
Each function takes a data frame and the names of the columns to use for each role, and
returns an Altair chart; the Vega runtime aggregates, bins, fits and draws it. Charts are
written as HTML pages with the Vega libraries inlined, so they open offline.
"""

import altair as alt


def scatter(df, x, y, color):
    return alt.Chart(df).mark_point().encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N"),
    )


def line(df, time, y, color):
    return alt.Chart(df).mark_line(point=True).encode(
        # "~r" prints years as 1952, not as the thousands-separated 1,952.
        alt.X(f"{time}:Q").scale(zero=False).axis(format="~r"),
        alt.Y(f"mean({y}):Q").scale(zero=False).title(f"mean {y}"),
        alt.Color(f"{color}:N"),
    )


def bar(df, x, y, color):
    return alt.Chart(df).mark_bar().encode(
        alt.X(f"{x}:N"),
        alt.XOffset(f"{color}:N"),  # side by side within each x, not stacked
        alt.Y(f"mean({y}):Q").title(f"mean {y}"),
        alt.Color(f"{color}:N"),
    )


def histogram(df, x, color):
    return alt.Chart(df).mark_bar().encode(
        alt.X(f"{x}:Q").bin(maxbins=20),
        alt.Y("count()"),
        alt.Color(f"{color}:N"),  # a colour channel stacks the bars
    )


def box(df, x, y):
    return alt.Chart(df).mark_boxplot(extent=1.5).encode(
        alt.X(f"{x}:N"),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{x}:N").legend(None),
    )


def heatmap(df):
    corr = df.select_dtypes("number").corr()
    # Long form, one row per cell: the shape Altair encodes.
    cells = corr.stack().rename_axis(["row", "column"]).reset_index(name="correlation")
    order = list(corr.columns)
    base = alt.Chart(cells).encode(
        alt.X("column:N").sort(order).title(None),
        alt.Y("row:N").sort(order).title(None),
    ).properties(width=alt.Step(50), height=alt.Step(40))
    cells_drawn = base.mark_rect().encode(
        alt.Color("correlation:Q").scale(scheme="redblue", reverse=True, domain=[-1, 1]),
    )
    labels = base.mark_text().encode(
        alt.Text("correlation:Q", format=".2f"),
        # white on the dark ends of the scale, black elsewhere
        color=alt.condition("abs(datum.correlation) > 0.5", alt.value("white"),
                            alt.value("black")),
    )
    return cells_drawn + labels


def facet(df, x, y, color, facet):
    return alt.Chart(df).mark_point().encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N"),
    ).properties(width=220, height=220).facet(column=f"{facet}:N")


def regression(df, x, y, color):
    points = alt.Chart(df).mark_point(opacity=0.6).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N"),
    )
    # The runtime fits y ~ x by least squares, once per colour group.
    fits = points.transform_regression(x, y, groupby=[color]).mark_line()
    return points + fits


def bubble(df, x, y, size, color):
    return alt.Chart(df).mark_circle(opacity=0.5).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Size(f"{size}:Q").scale(range=[10, 1000]),
        alt.Color(f"{color}:N"),
    )


NOT_SUPPORTED = {
    "scatter3d": "Altair writes Vega-Lite, whose grammar is two-dimensional: no 3D marks or axes.",
}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv").dropna().reset_index(drop=True)
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/altair")
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
    for kind, chart in charts.items():
        # inline=True bundles the Vega libraries via vl-convert: no CDN, works offline.
        chart.save(out / f"{kind}.html", inline=True)
        print("wrote", out / f"{kind}.html")
