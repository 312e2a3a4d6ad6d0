"""Vega-Altair: every chart kind of the gallery as a declarative Vega-Lite chart.

Run: python examples/plot_altair.py [OUT_DIR]  (needs altair, pandas, squarify, vl-convert-python)
Each function takes a data frame and the names of the columns to use for each role, and
returns an Altair chart; the Vega runtime aggregates, bins, fits and draws it. Charts are
written as HTML pages with the Vega libraries inlined, so they open offline.
"""

import json

import altair as alt
import pandas as pd
import squarify

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = {"width": 480, "height": 340}  # the plot area; with axes and legend about 600 x 400
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data


def scatter(df, x, y, color):
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(**SIZE)


def line(df, time, y, color):
    return alt.Chart(df).mark_line(point=True).encode(
        # "~r" prints years as 1952, not as the thousands-separated 1,952.
        alt.X(f"{time}:Q").scale(zero=False).axis(format="~r"),
        alt.Y(f"mean({y}):Q").scale(zero=False).title(f"mean {y}"),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(**SIZE)


def bar(df, x, y, color):
    return alt.Chart(df).mark_bar().encode(
        alt.X(f"{x}:N"),
        alt.XOffset(f"{color}:N"),  # side by side within each x, not stacked
        alt.Y(f"mean({y}):Q").title(f"mean {y}"),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(**SIZE)


def histogram(df, x, color):
    # 20 equal bins from the smallest to the largest value; nice=False keeps those edges
    low, high = df[x].min(), df[x].max()
    return alt.Chart(df).mark_bar().encode(
        alt.X(f"{x}:Q").bin(extent=[low, high], step=(high - low) / 20, nice=False),
        alt.Y("count()"),
        alt.Color(f"{color}:N").scale(range=PALETTE),  # a colour channel stacks the bars
    ).properties(**SIZE)


def box(df, x, y):
    return alt.Chart(df).mark_boxplot(extent=1.5).encode(  # Tukey whiskers at 1.5 IQR
        alt.X(f"{x}:N"),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{x}:N").scale(range=PALETTE).legend(None),
    ).properties(**SIZE)


def heatmap(df):
    corr = df.corr()
    # Long form, one row per cell: the shape Altair encodes.
    cells = corr.stack().rename_axis(["row", "column"]).reset_index(name="correlation")
    order = list(corr.columns)
    base = alt.Chart(cells).encode(
        alt.X("column:N").sort(order).title(None),
        alt.Y("row:N").sort(order).title(None),
    ).properties(**SIZE)
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
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(width=180, height=180).facet(facet=f"{facet}:N", columns=2)


def regression(df, x, y, color):
    points = alt.Chart(df).mark_circle(opacity=0.6).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    )
    # The runtime fits y ~ x by least squares, once per colour group, over its x range.
    fits = points.transform_regression(x, y, groupby=[color]).mark_line()
    return (points + fits).properties(**SIZE)


def bubble(df, x, y, size, color):
    # Area from zero: a value twice as large gets twice the area; the largest is 40 px
    # across (Vega-Lite's size is an area in square pixels)
    return alt.Chart(df).mark_circle(opacity=0.6).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Size(f"{size}:Q").scale(zero=True, range=[0, 3.1416 * 20**2]),
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(**SIZE)


def tooltip(df, x, y, color, label):
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{x}:Q").scale(zero=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{color}:N").scale(range=PALETTE),
        # vega-embed's tooltip handler lists these fields, titled by their names
        tooltip=[color, label, x, y],
    ).properties(**SIZE)


def linked(df, x, y, x2, y2, color):
    # An interval selection on the first view; both views grey out the rows outside it.
    brush = alt.selection_interval(name="brush")
    highlight = alt.when(brush).then(alt.Color(f"{color}:N").scale(range=PALETTE)).otherwise(
        alt.value("lightgray"))
    base = alt.Chart(df).mark_circle(opacity=0.8).encode(color=highlight).properties(
        width=400, height=400)
    first = base.encode(alt.X(f"{x}:Q").scale(zero=False),
                        alt.Y(f"{y}:Q").scale(zero=False)).add_params(brush).properties(
                            name="first")  # a view named by hand, not by a hash of its data
    second = base.encode(alt.X(f"{x2}:Q").scale(zero=False),
                         alt.Y(f"{y2}:Q").scale(zero=False))
    return first | second


def widget(df, x, y, color):
    names = sorted(df[color].unique())
    # A dropdown under the chart picks one category; the filter keeps its rows only.
    pick = alt.selection_point(name="pick", fields=[color], value=names[0],
                               bind=alt.binding_select(options=names, name=f"{color} "))
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        # Domains from the whole data: the axes and colours stay put between choices.
        alt.X(f"{x}:Q").scale(domain=[df[x].min(), df[x].max()]),
        alt.Y(f"{y}:Q").scale(domain=[df[y].min(), df[y].max()]),
        alt.Color(f"{color}:N").scale(domain=names, range=PALETTE),
    ).add_params(pick).transform_filter(pick).properties(**SIZE)


def splom(df, color):
    measures = list(df.select_dtypes("number").columns)  # in the data's order
    # One copy of the chart per (row, column) pair of measures: Altair's documented scatter
    # matrix. Its diagonal plots each measure against itself, a line of points.
    return alt.Chart(df).mark_circle(opacity=0.6, size=12).encode(
        alt.X(alt.repeat("column"), type="quantitative").scale(zero=False),
        alt.Y(alt.repeat("row"), type="quantitative").scale(zero=False),
        # above the grid, where it takes no width from the panels
        alt.Color(f"{color}:N").scale(range=PALETTE).legend(orient="top"),
    ).properties(
        width=110, height=110,  # each panel: with axes and the legend about 600 x 600
    ).repeat(row=measures, column=measures, spacing=8).configure_axis(
        # One format for every measure's axis: short labels (1G, not 1,000,000,000) keep
        # the columns narrow; years stay 1960, not 1,960.
        labelExpr="abs(datum.value) >= 1e5 ? format(datum.value, '~s')"
        " : format(datum.value, '~r')",
    )


def parallel(df, color):
    measures = list(df.select_dtypes("number").columns)
    # Vega-Lite has one y scale per view, so Altair's documented parallel coordinates fold
    # the measures into key/value rows and scale each key's values 0-1 by hand.
    return alt.Chart(df).transform_window(
        index="count()",  # a row's id, kept through the fold
    ).transform_fold(measures).transform_joinaggregate(
        min="min(value)", max="max(value)", groupby=["key"],
    ).transform_calculate(
        norm_val="(datum.value - datum.min) / (datum.max - datum.min)",
    ).mark_line(opacity=0.4, strokeWidth=1).encode(
        # the measures left to right in the data's order, not sorted by name
        alt.X("key:N").sort(measures).title(None).axis(labelAngle=0),
        alt.Y("norm_val:Q").title("scaled 0-1"),
        alt.Color(f"{color}:N").scale(range=PALETTE),
        alt.Detail("index:N"),  # one line per row
    ).properties(**SIZE)


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)  # one spoke each, in the data's order
    n, names = len(measures), json.dumps(measures)  # names: a Vega expression's array
    # Vega-Lite's theta/radius channels draw arcs only, so Altair's radar is the usual
    # workaround: each vertex at x = r sin(t), y = r cos(t) (t clockwise from 12 o'clock),
    # computed in the spec, on hidden x/y scales with equal units per pixel (round circles).
    reach = 1.25  # the outer ring is radius 1; the spokes' names sit just past it
    width, height = 490, 390  # no axes: the plot area takes their room, about 600 x 400
    x = alt.X("x:Q").axis(None).scale(domain=[-reach * width / height, reach * width / height])
    y = alt.Y("y:Q").axis(None).scale(domain=[-reach, reach])
    at_turn = {"x": "datum.r * sin(2 * PI * datum.turn)",  # turn: 0 to 1, clockwise
               "y": "datum.r * cos(2 * PI * datum.turn)"}
    # Each measure scaled 0-1 between its smallest and largest value over all rows, then
    # averaged per category: the vertex on that measure's spoke.
    profiles = alt.Chart(df).transform_fold(measures).transform_joinaggregate(
        min="min(value)", max="max(value)", groupby=["key"],
    ).transform_calculate(
        scaled="(datum.value - datum.min) / (datum.max - datum.min)",
    ).transform_aggregate(
        r="mean(scaled)", groupby=[color, "key"],
    ).transform_calculate(
        spoke=f"indexof({names}, datum.key)", turn=f"datum.spoke / {n}", **at_turn,
        # the first vertex once more at the end closes the outline
        vertex=f"datum.spoke == 0 ? [0, {n}] : [datum.spoke]",
    ).transform_flatten(["vertex"]).mark_line(
        strokeWidth=2, fillOpacity=0.25,  # a line with a fill: the closed outline filled
    ).encode(
        x, y,
        alt.Color(f"{color}:N").scale(range=PALETTE),
        alt.Fill(f"{color}:N").scale(range=PALETTE),
        alt.Order("vertex:Q"),  # vertices in spoke order
    )
    # circles at half and full radius, 72 segments each
    rings = alt.Chart(alt.sequence(0, 73, as_="step")).transform_calculate(
        r="[0.5, 1]").transform_flatten(["r"]).transform_calculate(
        turn="datum.step / 72", **at_turn,
    ).mark_line(color="#dddddd", strokeWidth=1).encode(
        x, y, alt.Detail("r:Q"), alt.Order("step:Q"))
    spokes = alt.Chart(alt.sequence(0, n, as_="spoke")).transform_calculate(
        turn=f"datum.spoke / {n}", measure=f"{names}[datum.spoke]")
    # a spoke from the centre to the outer ring; its measure's name just past its end, set
    # off away from the centre
    lines = spokes.transform_calculate(r="1", **at_turn).mark_rule(color="#bbbbbb").encode(
        x, y, x2=alt.datum(0), y2=alt.datum(0))
    labels = spokes.transform_calculate(r="1.05", **at_turn).mark_text(
        color="#333333",
        align=alt.expr("abs(datum.x) < 1e-6 ? 'center' : datum.x > 0 ? 'left' : 'right'"),
        baseline=alt.expr("abs(datum.y) < 1e-6 ? 'middle' : datum.y > 0 ? 'bottom' : 'top'"),
    ).encode(x, y, alt.Text("measure:N"))
    return (rings + lines + profiles + labels).properties(
        width=width, height=height).configure_view(stroke=None)


def violin(df, x, y):
    # One Gaussian KDE per category (no bandwidth given: Vega's normal reference rule).
    # Altair has no violin mark: its gallery's violin is a horizontal area whose density
    # is stacked "center" (mirrored), one facet column per category.
    return alt.Chart(df).transform_density(
        y, as_=[y, "density"], groupby=[x],
    ).mark_area(orient="horizontal", opacity=0.8).encode(
        alt.X("density:Q").stack("center").impute(None).title(None)
        .axis(labels=False, values=[0], grid=False, ticks=False),
        alt.Y(f"{y}:Q").scale(zero=False),
        alt.Color(f"{x}:N").scale(range=PALETTE).legend(None),  # the headers name them
        alt.Column(f"{x}:N").sort("ascending").spacing(0)
        .header(titleOrient="bottom", labelOrient="bottom", labelPadding=0),
    ).properties(
        width=480 // df[x].nunique(), height=340,  # a facet's width is per column
    ).configure_view(stroke=None)


def area(df, time, y, color):
    return alt.Chart(df).mark_area(opacity=0.85).encode(
        alt.X(f"{time}:Q").scale(zero=False, nice=False).axis(format="~r"),  # 1952, not 1,952
        # Altair stacks an aggregated area on its colour channel by itself.
        alt.Y(f"sum({y}):Q").stack("zero").title(f"sum of {y}")
        .axis(format="~s"),  # 6G, not 6,000,000,000
        alt.Color(f"{color}:N").scale(range=PALETTE),
        alt.Order(f"{color}:N").sort("ascending"),  # the first category at the bottom
    ).properties(**SIZE)


def pie(df, color):
    # An arc's angle is its share of the count; Vega draws the first wedge from 12
    # o'clock, clockwise, in the order channel's order.
    base = alt.Chart(df, title=f"rows per {color}").encode(
        alt.Theta("count():Q").stack(True),
        alt.Color(f"{color}:N").scale(range=PALETTE),
        alt.Order(f"{color}:N").sort("ascending"),
    )
    wedges = base.mark_arc(outerRadius=150, stroke="white")
    # A count on each wedge, halfway out along its middle.
    counts = base.mark_text(radius=110, fill="white", fontWeight="bold").encode(
        alt.Text("count():Q"))
    return (wedges + counts).properties(**SIZE)


def density(df, x, color):
    # Reach past the data so the tails of the outer curves are not cut at its ends.
    low, high = df[x].min(), df[x].max()
    reach = (high - low) / 4
    # The runtime estimates one Gaussian KDE per group; with no bandwidth given, Vega picks
    # it by Scott's rule. Densities, not counts: each curve has area 1.
    return alt.Chart(df).transform_density(
        x, groupby=[color], extent=[low - reach, high + reach],
    ).mark_area(line=True, fillOpacity=0.15).encode(
        alt.X("value:Q").title(x).scale(nice=False),  # ends at the extent
        alt.Y("density:Q").stack(None),  # overlaid, not stacked
        alt.Color(f"{color}:N").scale(range=PALETTE),
    ).properties(**SIZE)


def ridgeline(df, x, color):
    overlap = 1  # a ridge may rise one row above its own
    # a row's height: the rows, and about half a row that the top ridge rises into, fill
    # the plot area
    step = round(340 / (df[color].nunique() + overlap / 2))
    low, high = df[x].min(), df[x].max()
    reach = (high - low) / 6  # past the data, so that tails are not cut at its ends
    # One Gaussian KDE per category; with no bandwidth given, Vega picks it by the normal
    # reference (Scott's) rule. Densities, not counts: every ridge has area 1. Altair's
    # gallery ridgeline: an area per facet row, whose y scale's range runs past the top of
    # its row, so a ridge may overlap the row above.
    return alt.Chart(df).transform_density(
        x, groupby=[color], extent=[low - reach, high + reach],
    ).mark_area(fillOpacity=0.8, stroke="white", strokeWidth=0.5).encode(
        alt.X("value:Q").title(x).scale(nice=False),
        alt.Y("density:Q").axis(None).scale(range=[step, -step * overlap]),
        alt.Color(f"{color}:N").scale(range=PALETTE).legend(None),  # the rows are named
    ).properties(width=480, height=step).facet(
        # The first category in sorted order in the top row; each row's label left of it,
        # level, at the start (bottom) of the row: on its ridge's baseline.
        row=alt.Row(f"{color}:N").sort("ascending").title(None).header(
            labelAngle=0, labelAnchor="start", labelBaseline="bottom"),
        spacing=0,
    ).properties(
        bounds="flush",  # rows laid out by their own height, not the ridges rising out of them
    ).resolve_scale(
        y="shared",  # one y scale for every row (a facet's default, said here): heights compare
    ).configure_view(stroke=None).configure_axis(grid=False)


def hexbin(df, x, y):
    # Altair has no hexagon mark. The workaround is its gallery's "2D Histogram Heatmap":
    # rects, x and y binned (up to 25 nice bins each), coloured by the rows in each cell;
    # empty cells have no rows to aggregate, so they are not drawn. A continuous colour gets
    # a gradient legend (the colour bar), from the fewest rows (dark purple) to the most.
    return alt.Chart(df).mark_rect().encode(
        alt.X(f"{x}:Q").bin(maxbins=25),
        alt.Y(f"{y}:Q").bin(maxbins=25),
        alt.Color("count()").scale(scheme="viridis").title("count"),
    ).properties(**SIZE)


def lollipop(df, x, y, time):
    # Keep the latest time's rows, average y per category, keep the 15 highest.
    base = alt.Chart(df).transform_joinaggregate(
        latest=f"max({time})",
    ).transform_filter(f"datum['{time}'] == datum.latest").transform_aggregate(
        mean=f"mean({y})", groupby=[x],
    ).transform_window(
        rank="row_number()", sort=[alt.SortField("mean", order="descending")],
    ).transform_filter("datum.rank <= 15").encode(
        alt.X(f"{x}:N").sort("-y").axis(labelAngle=-60),  # highest first
        alt.Y("mean:Q").title(f"mean {y} in {time} {df[time].max()}"),
        color=alt.value(PALETTE[0]),
    ).properties(**SIZE)
    # a stem from 0 (a rule's y defaults to the axis' zero) and a dot on its end
    return base.mark_rule(strokeWidth=2) + base.mark_point(filled=True, opacity=1, size=80)


def stacked100(df, x, color):
    return alt.Chart(df).mark_bar().encode(
        alt.X(f"{x}:N").axis(labelAngle=0),
        # "normalize" scales each stack to 1: the share of each colour within x.
        alt.Y("count()").stack("normalize").title(f"share of {color}").axis(format="%"),
        alt.Color(f"{color}:N").scale(range=PALETTE),
        alt.Order(f"{color}:N").sort("ascending"),  # the first category at the bottom
    ).properties(**SIZE)


def treemap(df, color, label, size, time):
    # Altair has no treemap: Vega's treemap transform never came to Vega-Lite (vega-lite
    # issue #1872; altair issue #204), so this is a workaround. squarify (pinned) lays the
    # tiles out in Python, nested (each category's block first, then its labels' tiles
    # inside that block), and Altair draws them as rects on hidden x/y scales of a 150 x 100
    # frame.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    width, height = 150, 100  # the plot's 3:2, so that square tiles look square
    places = squarify.squarify(squarify.normalize_sizes(blocks, width, height), 0, 0, width, height)
    rows = []
    for name, block in zip(blocks.index, places, strict=True):
        tiles = sums[name].sort_values(ascending=False)
        spots = squarify.squarify(squarify.normalize_sizes(tiles, block["dx"], block["dy"]),
                                  block["x"], block["y"], block["dx"], block["dy"])
        rows += [{color: name, label: tile, size: value, "x": r["x"], "x2": r["x"] + r["dx"],
                  "y": r["y"], "y2": r["y"] + r["dy"]}
                 for (tile, value), r in zip(tiles.items(), spots, strict=True)]

    def at(x, y):  # the frame's hidden scales; y runs down, the largest block at the top left
        return (alt.X(f"{x}:Q").axis(None).scale(domain=[0, width]),
                alt.Y(f"{y}:Q").axis(None).scale(domain=[0, height], reverse=True))

    base = alt.Chart(pd.DataFrame(rows))
    rects = base.mark_rect(stroke="white", strokeWidth=0.5).encode(
        *at("x", "y"), alt.X2("x2:Q"), alt.Y2("y2:Q"),
        alt.Color(f"{color}:N").scale(range=PALETTE),
        tooltip=[color, label, alt.Tooltip(f"{size}:Q", format=",")],
    )
    # The name of each tile of at least 2 % of the whole, at its centre.
    names = base.transform_filter(
        alt.FieldGTEPredicate(field=size, gte=0.02 * float(sums.sum())),
    ).transform_calculate(
        middle_x="(datum.x + datum.x2) / 2", middle_y="(datum.y + datum.y2) / 2",
    ).mark_text(color="white", fontSize=9).encode(
        *at("middle_x", "middle_y"), alt.Text(f"{label}:N"))
    return (rects + names).properties(
        title=f"sum of {size} in {time} {df[time].max()}",
        width=510, height=340,  # 3:2, as the frame
    ).configure_view(stroke=None)


def choropleth(df, world, geo, value, time):
    year = df[time].max()
    latest = df[df[time] == year]
    # The mean per country, keyed by its ISO numeric code, as the map's features are.
    means = latest.groupby(latest[geo].astype(int))[value].mean().reset_index()
    countries = alt.Chart(alt.Data(values=world["features"]))  # the map inline: no fetch
    outline = {"stroke": "white", "strokeWidth": 0.5}
    # every country in grey, and over it those with data in their colour
    no_data = countries.mark_geoshape(fill=NO_DATA_GREY, **outline)
    with_data = countries.mark_geoshape(**outline).transform_lookup(
        # each feature's id looked up in the means' geo column: a one-sided join
        lookup="id", from_=alt.LookupData(means, key=geo, fields=[value]),
    ).transform_filter(
        alt.FieldValidPredicate(field=value, valid=True),  # the countries with a mean
    ).encode(
        # a continuous colour gets a gradient legend: the colour bar
        alt.Color(f"{value}:Q").scale(scheme="viridis").title(f"mean {value}"),
    )
    return (no_data + with_data).project("equalEarth").properties(
        title=f"mean {value} in {year}",
        **SIZE,  # the world is about 2:1, so its width fills the plot area's
    )


def animation(df, x, y, size, color, time):
    times = sorted(df[time].unique())  # evenly spaced: 1952, 1957, ...
    # A slider under the chart picks the year; the filter draws that year's rows.
    frame = alt.selection_point(name="year", fields=[time], value=times[0], bind=alt.binding_range(
        min=times[0], max=times[-1], step=times[1] - times[0], name=f"{time} "))
    return alt.Chart(df).mark_circle(opacity=0.6).encode(
        # Every scale is fixed to the whole data, so frames compare.
        alt.X(f"{x}:Q").scale(type="log", domain=[df[x].min(), df[x].max()]),
        alt.Y(f"{y}:Q").scale(domain=[df[y].min(), df[y].max()]),
        # Area from zero: the largest value of any year is 40 px across. A short size
        # legend: five sizes run past the bottom of a card-sized chart.
        alt.Size(f"{size}:Q").scale(domain=[0, df[size].max()], range=[0, 3.1416 * 20**2])
        .legend(tickCount=3),
        alt.Color(f"{color}:N").scale(domain=sorted(df[color].unique()), range=PALETTE),
    ).add_params(frame).transform_filter(frame).properties(**SIZE)


NOT_SUPPORTED = {
    "scatter3d": "Altair writes Vega-Lite, whose grammar is two-dimensional: no 3D marks or axes.",
    "sankey": "Altair compiles to Vega-Lite, which has no Sankey mark or transform (nor has "
    "Vega: its flow examples take a layout computed by d3-sankey); nodes and links placed by "
    "hand in pandas would be a Sankey written in Python, not in Altair.",
}
SPEC_NOT_MET = {
    "animation": {
        "controls": "Altair binds a parameter to a slider (binding_range) but Vega-Lite has "
        "no play button; its experimental timer animation plays on its own with no control "
        "to pause it or pick a year.",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

    import numpy as np

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv")
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    with open(data / "world-110m.geojson", encoding="utf-8") as file:  # the world map
        world = json.load(file)
    gapminder["period"] = np.where(gapminder["year"] < 1980, "1952-1977", "1982-2007")
    measures = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    xy = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
    calls = {
        "scatter": (penguins, xy),
        "line": (gapminder, {"time": "year", "y": "lifeExp", "color": "continent"}),
        "bar": (penguins, {"x": "species", "y": "body_mass_g", "color": "sex"}),
        "histogram": (penguins, {"x": "flipper_length_mm", "color": "species"}),
        "box": (penguins, {"x": "species", "y": "body_mass_g"}),
        "heatmap": (penguins[measures], {}),
        "facet": (penguins, {**xy, "facet": "island"}),
        "regression": (penguins, xy),
        "scatter3d": (penguins, {**xy, "z": "flipper_length_mm"}),
        "bubble": (penguins, {**xy, "y": "flipper_length_mm", "size": "body_mass_g"}),
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "widget": (penguins, xy),
        "splom": (penguins[[*measures, "species"]], {"color": "species"}),
        "parallel": (penguins[[*measures, "species"]], {"color": "species"}),
        "radar": (penguins[[*measures, "species"]], {"color": "species"}),
        "violin": (penguins, {"x": "species", "y": "body_mass_g"}),
        "area": (gapminder, {"time": "year", "y": "pop", "color": "continent"}),
        "pie": (penguins, {"color": "species"}),
        "density": (penguins, {"x": "body_mass_g", "color": "species"}),
        "ridgeline": (gapminder, {"x": "lifeExp", "color": "continent"}),
        "hexbin": (gapminder, {"x": "gdpPercap", "y": "lifeExp"}),
        "lollipop": (gapminder, {"x": "country", "y": "lifeExp", "time": "year"}),
        "stacked100": (penguins, {"x": "island", "color": "species"}),
        "treemap": (gapminder, {"color": "continent", "label": "country", "size": "pop",
                                "time": "year"}),
        "sankey": (penguins, {"color": "species", "via": "island", "target": "sex"}),
        "choropleth": (gapminder, {"geo": "iso_num", "value": "lifeExp", "time": "year"}),
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            on_map = (world,) if kind == "choropleth" else ()  # the map after the data
            charts[kind] = globals()[kind](frame[columns].dropna(), *on_map, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/altair")
    out.mkdir(parents=True, exist_ok=True)
    for kind, chart in charts.items():
        # inline=True bundles the Vega libraries via vl-convert: no CDN, works offline.
        chart.save(out / f"{kind}.html", inline=True)
        print("wrote", out / f"{kind}.html")
