"""plotnine: every chart kind of the gallery, as a grammar of graphics (ggplot2 in Python).

Run: python examples/plot_plotnine.py [OUT_DIR]  (needs plotnine, numpy and pandas;
squarify for the treemap's layout)
Each function takes a data frame and the names of the columns to use for each role, maps
them to aesthetics with aes(), and adds layers with +. It returns the ggplot object.
Charts are written as SVG files.
"""

import numpy as np
import pandas as pd
import squarify
from mizani.bounds import rescale_max
from mizani.labels import label_comma
from plotnine import (
    aes,
    annotate,
    coord_fixed,
    element_text,
    expand_limits,
    facet_grid,
    facet_wrap,
    geom_area,
    geom_bar,
    geom_bin_2d,
    geom_boxplot,
    geom_density,
    geom_histogram,
    geom_line,
    geom_path,
    geom_point,
    geom_polygon,
    geom_rect,
    geom_segment,
    geom_smooth,
    geom_text,
    geom_tile,
    geom_violin,
    ggplot,
    guide_colorbar,
    guide_legend,
    guides,
    labs,
    position_fill,
    position_stack,
    scale_color_identity,
    scale_color_manual,
    scale_fill_cmap,
    scale_fill_manual,
    scale_size_area,
    scale_x_log10,
    scale_y_continuous,
    scale_y_reverse,
    stat_summary,
    theme,
    theme_void,
)
from plotnine.animation import PlotnineAnimation

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = theme(figure_size=(6, 4), dpi=100)  # 600 x 400 px
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data
# A colour bar of 40 rectangles: the default gradient is a Gouraud-shaded mesh, which
# matplotlib's SVG writes with a filter browsers do not apply (its colours come out wrong).
BAR = guide_colorbar(display="rectangles", nbin=40)


def scatter(df, x, y, color):
    return (
        ggplot(df, aes(x, y, color=color))
        + geom_point(alpha=0.8)
        + scale_color_manual(PALETTE)  # discrete scales take the sorted levels in turn
        + SIZE
    )


def line(df, time, y, color):
    # the summary stat averages y at each time, per colour group
    return (
        ggplot(df, aes(time, y, color=color))
        + stat_summary(fun_y=np.mean, geom="line")
        + stat_summary(fun_y=np.mean, geom="point")
        + scale_color_manual(PALETTE)
        + labs(y=f"mean {y}")
        + SIZE
    )


def bar(df, x, y, color):
    return (
        ggplot(df, aes(x, y, fill=color))
        + stat_summary(fun_y=np.mean, geom="bar", position="dodge")
        + scale_fill_manual(PALETTE)
        + labs(y=f"mean {y}")
        + SIZE
    )


def histogram(df, x, color):
    # numpy's 20 equal bins over the data; the bars of one bin stack by default
    edges = np.histogram_bin_edges(df[x], 20)
    return (
        ggplot(df, aes(x, fill=color))
        + geom_histogram(breaks=edges)
        + scale_fill_manual(PALETTE)
        + SIZE
    )


def box(df, x, y):
    return (
        ggplot(df, aes(x, y, fill=x))
        + geom_boxplot(show_legend=False)  # Tukey whiskers, as ggplot2
        + scale_fill_manual(PALETTE)
        + SIZE
    )


def heatmap(df):
    corr = df.corr()
    # ggplot wants long data: one row per cell; categories keep the matrix order (the
    # rows reversed, as a y axis runs bottom to top)
    cells = corr.rename_axis(index="row", columns="column").stack().rename("r").reset_index()
    cells["column"] = pd.Categorical(cells["column"], categories=corr.columns)
    cells["row"] = pd.Categorical(cells["row"], categories=corr.columns[::-1])
    cells["ink"] = np.where(cells["r"].abs() > 0.5, "white", "black")  # legible on dark cells
    return (
        ggplot(cells, aes("column", "row", fill="r"))
        + geom_tile()
        + geom_text(aes(label="r", color="ink"), format_string="{:.2f}", size=10)
        + scale_fill_cmap("RdBu_r", limits=(-1, 1))  # blue -1, white 0, red +1
        + guides(fill=BAR)
        + scale_color_identity()
        + labs(x="", y="", fill="correlation")
        + SIZE
        + theme(axis_text_x=element_text(rotation=30, ha="right"))
    )


def facet(df, x, y, color, facet):
    # square panels, two to a row: the figure grows with the number of panels
    panels = df[facet].nunique()
    columns, rows = min(panels, 2), -(-panels // 2)
    return (
        ggplot(df, aes(x, y, color=color))
        + geom_point(alpha=0.8)
        + facet_wrap(facet, ncol=2)  # shared axes unless scales= frees them
        + scale_color_manual(PALETTE)
        + theme(figure_size=(2.6 * columns + 1.6, 2.6 * rows + 0.8), dpi=100, aspect_ratio=1)
    )


def regression(df, x, y, color):
    # the colour mapping splits the data, so each group gets its own least-squares line
    # over its own x range
    return (
        ggplot(df, aes(x, y, color=color))
        + geom_point(alpha=0.6)
        + geom_smooth(method="lm", se=False)
        + scale_color_manual(PALETTE)
        + SIZE
    )


def bubble(df, x, y, size, color):
    # scale_size_area: marker area proportional to the value, from zero. A marker is
    # size x sqrt(pi) points across, so 16.25 makes the largest 40 px at 100 dpi; with
    # no outline (stroke=0) the smallest keep their proportion too.
    # plotnine 0.15 loses that scale's own rescaler (values map from their minimum, not
    # from zero): passing rescale_max again is a workaround
    return (
        ggplot(df, aes(x, y, color=color, size=size))
        + geom_point(alpha=0.6, stroke=0)
        + scale_size_area(max_size=16.25, rescaler=rescale_max)
        + scale_color_manual(PALETTE)
        + guides(color=guide_legend(override_aes={"size": 4}))  # legible colour keys
        + SIZE
    )


def animation(df, x, y, size, color, time):
    # PlotnineAnimation draws every frame on the first one's scales: all of them must
    # have the same limits, so they are set from the whole data
    scales = [
        scale_x_log10(limits=(df[x].min(), df[x].max())),
        scale_y_continuous(limits=(df[y].min(), df[y].max())),
        scale_size_area(max_size=16.25, rescaler=rescale_max, limits=(0, df[size].max()),
                        guide=None),  # as bubble(): the largest of any frame 40 px across
        scale_color_manual(PALETTE, limits=sorted(df[color].unique())),
    ]

    def frame(when):  # one ggplot per time value: its rows, and its value behind them
        return (
            ggplot(df[df[time] == when], aes(x, y, color=color, size=size))
            + annotate("text", x=df[x].max(), y=df[y].min(), label=when, ha="right",
                       va="bottom", size=40, color="lightgrey")
            + geom_point(alpha=0.6, stroke=0)
            + scales
            + guides(color=guide_legend(override_aes={"size": 4}))
            + SIZE
        )

    return PlotnineAnimation([frame(t) for t in sorted(df[time].unique())], interval=400)


def parallel(df, color):
    measures = df.select_dtypes("number").columns
    # plotnine has no parallel-coordinates geom (ggplot2 leaves it to GGally's ggparcoord):
    # the workaround is one line per row across a discrete axis of measures, so each
    # measure is scaled from its smallest (0) to its largest (1) first, to share the y axis
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    scaled[color] = df[color]
    # long form, a (row, measure, value) per cell: the row keeps its index to group by
    long = scaled.melt(id_vars=color, var_name="measure", ignore_index=False).reset_index()
    # a discrete axis follows the order of a Categorical's levels: the data's order
    long["measure"] = pd.Categorical(long["measure"], categories=measures)
    return (
        ggplot(long, aes("measure", "value", group="index", color=color))
        + geom_line(alpha=0.4, size=0.3)
        + scale_color_manual(PALETTE)
        + guides(color=guide_legend(override_aes={"alpha": 1, "size": 1}))  # keys visible
        + labs(x="", y="scaled 0-1")
        + SIZE
        + theme(axis_text_x=element_text(size=7))  # long measure names side by side
    )


def radar(df, color):
    # plotnine 0.15 has no coord_polar. The workaround is ggplot2's ggradar's: the polar
    # places are computed by hand (x = r sin t, y = r cos t, the angle t clockwise from 12
    # o'clock) and drawn on cartesian axes: grey rings and spokes as the frame, a polygon
    # per category, the measure names as text past the spokes' ends, coord_fixed so that
    # the rings stay round, theme_void for no axes
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0) to its largest (1) over every row, then
    # averaged per category
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    turns = dict(zip(measures, 2 * np.pi * np.arange(len(measures)) / len(measures),
                     strict=True))
    # long form, the measures in the data's order within each category: a polygon's vertices
    profiles = means.melt(var_name="measure", value_name="r", ignore_index=False).reset_index()
    angle = profiles["measure"].map(turns)
    profiles["x"], profiles["y"] = profiles["r"] * np.sin(angle), profiles["r"] * np.cos(angle)
    spokes = pd.DataFrame({"measure": measures, "t": list(turns.values())})
    spokes["x"], spokes["y"] = np.sin(spokes["t"]), np.cos(spokes["t"])
    # each name outside its spoke's end: left-aligned on the right, right-aligned on the left
    spokes["ha"] = np.select([spokes["x"] > 1e-9, spokes["x"] < -1e-9], ["left", "right"],
                             "center")
    spokes["va"] = np.select([spokes["y"] > 1e-9, spokes["y"] < -1e-9], ["bottom", "top"],
                             "center")
    levels, circle = [0.25, 0.5, 0.75, 1], np.linspace(0, 2 * np.pi, 121)
    rings = pd.DataFrame([(level, np.sin(t) * level, np.cos(t) * level)
                          for level in levels for t in circle], columns=["level", "x", "y"])
    # each ring's value, between the first two spokes
    between = np.pi / len(measures)
    scale = pd.DataFrame({"level": levels, "x": np.multiply(levels, np.sin(between)),
                          "y": np.multiply(levels, np.cos(between))})
    return (
        ggplot(profiles, aes("x", "y"))
        + geom_path(aes(group="level"), rings, color="lightgrey")
        + geom_segment(aes(x=0, y=0, xend="x", yend="y"), spokes, color="lightgrey")
        + geom_text(aes(label="level"), scale, size=7, color="grey", ha="left", va="bottom")
        + geom_polygon(aes(group=color, color=color, fill=color), alpha=0.25, size=0.8)
        + geom_text(aes(x="x * 1.04", y="y * 1.04", label="measure", ha="ha", va="va"),
                    spokes, size=8)
        + scale_color_manual(PALETTE)
        + scale_fill_manual(PALETTE)
        + coord_fixed(xlim=(-1.5, 1.5), ylim=(-1.1, 1.1))  # room for the names
        + theme_void()
        + SIZE
    )


def violin(df, x, y):
    # bw="scott": Scott's rule (plotnine's default is R's nrd0); trim=True, the default,
    # ends each violin at its smallest and largest value
    return (
        ggplot(df, aes(x, y, fill=x))
        + geom_violin(bw="scott", show_legend=False)
        + scale_fill_manual(PALETTE)
        + SIZE
    )


def area(df, time, y, color):
    # one row per (time, colour): the sums, with 0 where a category has no rows at a time
    sums = df.pivot_table(index=time, columns=color, values=y, aggfunc="sum", fill_value=0)
    sums = sums.melt(value_name=y, ignore_index=False).reset_index()
    # ggplot stacks the first level on top, so reverse=True puts the first sorted
    # category at the bottom (the legend keeps the sorted order)
    return (
        ggplot(sums, aes(time, y, fill=color))
        + geom_area(position=position_stack(reverse=True), alpha=0.85)
        + scale_fill_manual(PALETTE)
        + scale_y_continuous(labels=label_comma())  # sums run to billions: 6,000,000,000
        + labs(y=f"sum of {y}")
        + SIZE
    )


def hexbin(df, x, y):
    # plotnine 0.15 has no geom_hex (ggplot2's needs the hexbin package): geom_bin_2d
    # counts the rows in rectangles, 25 a side, and drops the empty ones (drop=True)
    return (
        ggplot(df, aes(x, y))
        + geom_bin_2d(bins=25)
        + scale_fill_cmap("viridis")  # the count, with a colour bar
        + guides(fill=BAR)
        + SIZE
    )


def density(df, x, color):
    # bw="scott": Scott's rule (plotnine's default is R's nrd0). As in ggplot2, every curve
    # spans the x scale, the range of all the data: tails past it are cut
    return (
        ggplot(df, aes(x, color=color))
        + geom_density(bw="scott")
        + scale_color_manual(PALETTE)
        + SIZE
    )


def ridgeline(df, x, color):
    # plotnine 0.15 has no geom_density_ridges (ggplot2's comes from the ggridges package).
    # A workaround: one facet row per category (sorted levels, the first on top), each a
    # filled geom_density. The rows share the y scale (facet_grid's scales="fixed"), so
    # heights compare; unlike ggridges' ridges they never overlap one another
    return (
        ggplot(df, aes(x, fill=color))
        + geom_density(bw="scott", alpha=0.8, show_legend=False)  # each row's strip names it
        + facet_grid(rows=color)
        + scale_fill_manual(PALETTE)
        + SIZE
    )


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15).reset_index()
    # a discrete axis follows the order of a Categorical's levels: highest first
    top[x] = pd.Categorical(top[x], categories=top[x])
    return (
        ggplot(top, aes(x, y))
        + geom_segment(aes(xend=x, yend=y), y=0, color=PALETTE[0])  # the stems, from 0
        + geom_point(color=PALETTE[0], size=3)
        + expand_limits(y=0)  # the axis reaches down to where the stems start
        + labs(y=f"mean {y} in {time} {df[time].max()}")
        + SIZE
        + theme(axis_text_x=element_text(rotation=60, ha="right"))
    )


def stacked100(df, x, color):
    # position="fill" scales each stack to 1; ggplot stacks the first level on top, so
    # reverse=True puts the first sorted category at the bottom
    return (
        ggplot(df, aes(x, fill=color))
        + geom_bar(position=position_fill(reverse=True))
        + scale_fill_manual(PALETTE)
        + labs(y=f"share of {color}")
        + SIZE
    )


def treemap(df, color, label, size, time):
    # A workaround: ggplot2 draws treemaps with treemapify's geom_treemap, an R extension
    # with no plotnine port. squarify (pinned) lays the tiles out, nested: each category's
    # block first, then its labels' tiles inside it; geom_rect draws them, geom_text names
    # the tiles large enough to hold a name.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    width, height = 150, 100  # the plot's 3:2, so that square tiles look square
    places = squarify.squarify(squarify.normalize_sizes(blocks, width, height), 0, 0, width, height)
    tiles = []
    for name, block in zip(blocks.index, places, strict=True):
        own = sums[name].sort_values(ascending=False)
        spots = squarify.squarify(squarify.normalize_sizes(own, block["dx"], block["dy"]),
                                  block["x"], block["y"], block["dx"], block["dy"])
        tiles += [{color: name, label: tile, "share": value / sums.sum(), "x0": r["x"],
                   "x1": r["x"] + r["dx"], "y0": r["y"], "y1": r["y"] + r["dy"]}
                  for (tile, value), r in zip(own.items(), spots, strict=True)]
    tiles = pd.DataFrame(tiles)
    tiles["x"], tiles["y"] = (tiles["x0"] + tiles["x1"]) / 2, (tiles["y0"] + tiles["y1"]) / 2
    return (
        ggplot(tiles)
        + geom_rect(aes(xmin="x0", xmax="x1", ymin="y0", ymax="y1", fill=color),
                    color="white", size=0.3)
        + geom_text(aes("x", "y", label=label), tiles[tiles["share"] >= 0.02], size=7,
                    color="white")
        + scale_fill_manual(PALETTE)
        + scale_y_reverse()  # the largest block at the top left, as a treemap is read
        + labs(title=f"sum of {size} in {time} {df[time].max()}")
        + theme_void()
        + SIZE
    )


def choropleth(df, world, geo, value, time):
    # A workaround: plotnine's geom_map draws a geopandas GeoDataFrame, and the gallery has
    # no geopandas. geom_polygon draws the GeoJSON's rings from a long table of vertices,
    # one group per ring; it draws no holes, so the largest rings go first and a country
    # inside another (Lesotho in South Africa) is drawn on top of it.
    year = df[time].max()
    latest = df[df[time] == year]
    means = latest.groupby(latest[geo].astype(int))[value].mean()
    rings = []
    for country in world["features"]:
        geometry = country["geometry"]  # GeoJSON: lists of rings of [longitude, latitude]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" \
            else [geometry["coordinates"]]
        for polygon in polygons:
            lon, lat = np.array(polygon[0]).T  # the outer ring
            rings.append(pd.DataFrame({"lon": lon, "lat": lat, "ring": len(rings),
                                       "extent": np.ptp(lon) * np.ptp(lat),
                                       value: means.get(country["id"], np.nan)}))
    rings = pd.concat(rings).sort_values("extent", ascending=False, kind="stable")
    return (
        ggplot(rings, aes("lon", "lat", group="ring", fill=value))
        + geom_polygon(color="white", size=0.2)
        # a country without data has no value: drawn in na_value, left off the colour bar
        + scale_fill_cmap("viridis", na_value=NO_DATA_GREY)
        + guides(fill=BAR)
        + coord_fixed()  # longitude and latitude as x and y: a degree as long either way
        + labs(title=f"mean {value} in {time} {year}", fill=f"mean {value}")
        + theme_void()
        + SIZE
        + theme(legend_position="bottom")  # the map is twice as wide as tall: room to grow
    )


NOT_SUPPORTED = {
    "scatter3d": "plotnine follows ggplot2's grammar, whose coordinate systems are all "
    "two-dimensional: there is no 3D geom or coord to map a z aesthetic to.",
    "pie": "plotnine 0.15 has no coord_polar: ggplot2's pie, geom_bar(width=1) + "
    "coord_polar(theta='y'), cannot be written, and no geom draws wedges (coord_polar is "
    "only being added after 0.15, has2k1/plotnine#1059).",
    "splom": "plotnine has no scatter-matrix function or pairs facet: ggplot2's is GGally's "
    "ggpairs, an R extension with no plotnine port, and facet_grid cannot give each panel "
    "a different pair of columns.",
    "tooltip": "plotnine has no hover or tooltip in its grammar: a ggplot draws a static "
    "matplotlib figure, and a tooltip would be matplotlib's own mpl_connect callback "
    "(running in Python, in a Jupyter kernel with ipympl).",
    "linked": "plotnine has no selections: each ggplot is drawn once as a static figure, and "
    "no plot knows another's rows (ggplot2 itself leaves this to plotly or ggiraph).",
    "widget": "plotnine has no widgets: a ggplot is redrawn only by running Python again "
    "(ipywidgets.interact in a Jupyter kernel), and nothing of it works in a page.",
    "sankey": "plotnine has no alluvial or Sankey geom: ggplot2 draws them with the R "
    "extensions ggalluvial and ggsankey, which have no Python port; laying out the nodes and "
    "ribbons by hand for geom_polygon would be a Sankey written in numpy, not in plotnine.",
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import json
    import sys
    from pathlib import Path

    import matplotlib.pyplot as plt

    data = Path(__file__).resolve().parent.parent / "gallery" / "data"
    penguins = pd.read_csv(data / "penguins.csv")
    gapminder = pd.read_csv(data / "gapminder.csv.gz")
    gapminder["period"] = np.where(gapminder["year"] < 1980, "1952-1977", "1982-2007")
    world = json.loads((data / "world-110m.geojson").read_text(encoding="utf-8"))
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
            maps = [world] if kind == "choropleth" else []  # the map, after the data
            charts[kind] = globals()[kind](frame[columns].dropna(), *maps, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotnine")
    out.mkdir(parents=True, exist_ok=True)
    for kind, plot in charts.items():
        if kind == "animation":  # a matplotlib Animation: every frame an SVG in one page
            with plt.rc_context({"animation.frame_format": "svg"}):
                (out / f"{kind}.html").write_text(plot.to_jshtml(), encoding="utf-8")
            print("wrote", out / f"{kind}.html")
            continue
        # the theme's figure_size and dpi set the size: save() keeps them
        plot.save(out / f"{kind}.svg", verbose=False)
        print("wrote", out / f"{kind}.svg")
