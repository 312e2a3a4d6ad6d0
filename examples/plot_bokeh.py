"""Bokeh: every chart kind of the gallery, built glyph by glyph on a figure.

Run: python examples/plot_bokeh.py [OUT_DIR]  (needs bokeh, numpy, pandas, scipy and
squarify)
Each function takes a data frame and the names of the columns to use for each role, and
returns a bokeh figure (or grid of figures). Statistics (means, bins, quartiles, fits) are
computed with pandas/numpy first, as Bokeh's own gallery does: Bokeh draws what it is
given. Charts are written as HTML pages with BokehJS inlined, so they open offline.
"""

import json

import numpy as np
import pandas as pd
import squarify
from bokeh.layouts import column, gridplot, row
from bokeh.models import (
    ColumnDataSource,
    CustomJS,
    DataRange1d,
    FactorRange,
    GeoJSONDataSource,
    NumeralTickFormatter,
    Select,
    Slider,
    Toggle,
    Whisker,
)
from bokeh.palettes import RdBu11
from bokeh.plotting import figure
from bokeh.transform import factor_cmap, linear_cmap
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data


def scatter(df, x, y, color):
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y)
    # groupby sorts the categories: the i-th takes the i-th colour and legend entry
    for i, (name, group) in enumerate(df.groupby(color)):
        p.scatter(x, y, source=group, color=PALETTE[i], alpha=0.8, size=7, legend_label=name)
    p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
    p.add_layout(p.legend[0], "right")  # beside the plot, never over a point
    p.legend.title = color
    return p


def line(df, time, y, color):
    means = df.groupby([color, time])[y].mean().reset_index()
    p = figure(width=600, height=400, x_axis_label=time, y_axis_label=f"mean {y}")
    for i, (name, group) in enumerate(means.groupby(color)):
        source = ColumnDataSource(group)
        p.line(time, y, source=source, color=PALETTE[i], line_width=2, legend_label=name)
        p.scatter(time, y, source=source, color=PALETTE[i], size=6, legend_label=name)
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def bar(df, x, y, color):
    means = df.groupby([x, color])[y].mean().reset_index()
    # (x, color) pairs make a nested categorical axis: one group of bars per x value
    means["pair"] = list(zip(means[x], means[color], strict=True))
    names = sorted(df[color].unique())
    p = figure(x_range=FactorRange(*means["pair"]), width=600, height=400,
               x_axis_label=x, y_axis_label=f"mean {y}")
    p.vbar(x="pair", top=y, source=means, width=0.9, line_color="white", legend_field=color,
           fill_color=factor_cmap("pair", PALETTE, names, start=1, end=2))
    p.y_range.start = 0
    p.xgrid.grid_line_color = None
    p.xaxis.major_label_text_font_size = "0px"  # the legend names the colours, not the bars
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def histogram(df, x, color):
    edges = np.histogram_bin_edges(df[x], bins=20)
    bottom = np.zeros(len(edges) - 1)
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label="count")
    # one quad per bin and category, each stacked on the categories drawn before it
    for i, (name, group) in enumerate(df.groupby(color)):
        counts, _ = np.histogram(group[x], bins=edges)
        p.quad(left=edges[:-1], right=edges[1:], bottom=bottom, top=bottom + counts,
               fill_color=PALETTE[i], line_color="white", legend_label=name)
        bottom = bottom + counts
    p.y_range.start = 0
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def box(df, x, y):
    names = sorted(df[x].unique())
    stats = df.groupby(x)[y].quantile([0.25, 0.5, 0.75]).unstack()
    stats.columns = ["q1", "q2", "q3"]
    # Tukey whiskers: the furthest points within 1.5 IQR of the box; the rest are outliers
    iqr = stats.q3 - stats.q1
    low, high = df[x].map(stats.q1 - 1.5 * iqr), df[x].map(stats.q3 + 1.5 * iqr)
    inside = df[y].between(low, high)
    stats["lower"] = df[inside].groupby(x)[y].min()
    stats["upper"] = df[inside].groupby(x)[y].max()
    source = ColumnDataSource(stats)
    # a Whisker annotation does not widen the auto-range: span every value instead
    pad = 0.05 * (df[y].max() - df[y].min())
    p = figure(x_range=names, y_range=(df[y].min() - pad, df[y].max() + pad),
               width=600, height=400, x_axis_label=x, y_axis_label=y)
    p.add_layout(Whisker(base=x, lower="lower", upper="upper", source=source))
    fill = factor_cmap(x, PALETTE, names)
    p.vbar(x, 0.7, "q1", "q2", source=source, fill_color=fill, line_color="black")
    p.vbar(x, 0.7, "q2", "q3", source=source, fill_color=fill, line_color="black")
    p.scatter(x, y, source=df[~inside], size=6, color="black", alpha=0.5)
    p.xgrid.grid_line_color = None
    return p


def heatmap(df):
    corr = df.corr()
    cells = corr.rename_axis(index="row", columns="column").stack().rename("r").reset_index()
    cells["label"] = cells["r"].map("{:.2f}".format)
    cells["ink"] = np.where(cells["r"].abs() > 0.5, "white", "black")  # readable on dark cells
    names = list(corr.columns)
    # y factors run bottom to top: reversed, the first column is the top row
    p = figure(x_range=names, y_range=names[::-1], width=600, height=400,
               tools="hover", tooltips="@row / @column: @label", x_axis_location="above")
    cell = p.rect("column", "row", 1, 1, source=cells, line_color="white",
                  fill_color=linear_cmap("r", RdBu11, -1, 1))
    p.text("column", "row", text="label", source=cells, text_color="ink", text_align="center",
           text_baseline="middle")
    p.add_layout(cell.construct_color_bar(title="correlation"), "right")
    p.grid.grid_line_color = None
    return p


def facet(df, x, y, color, facet):
    names = sorted(df[color].unique())
    colors = factor_cmap(color, PALETTE, names)  # the same colour per category in each panel
    panels = []
    for value, group in df.groupby(facet):
        # every panel shares the first one's ranges: same scales, linked pan and zoom
        shared = {"x_range": panels[0].x_range, "y_range": panels[0].y_range} if panels else {}
        p = figure(title=f"{facet} = {value}", x_axis_label=x, y_axis_label=y, **shared)
        # legend_field lists categories as they first appear: sorted rows, sorted legend
        p.scatter(x, y, source=group.sort_values(color), color=colors, alpha=0.8,
                  legend_field=color)
        p.add_layout(p.legend[0], "below")  # under the panel, never over a point
        p.legend.orientation, p.legend.ncols = "horizontal", 3
        p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
        panels.append(p)
    return gridplot(panels, ncols=2, width=300, height=330)


def regression(df, x, y, color):
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y)
    for i, (name, group) in enumerate(df.groupby(color)):
        p.scatter(x, y, source=group, color=PALETTE[i], alpha=0.6, legend_label=name)
        # the least-squares line, from the group's smallest to its largest x
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array([group[x].min(), group[x].max()])
        p.line(xs, slope * xs + intercept, color=PALETTE[i], line_width=3, legend_label=name)
    p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def bubble(df, x, y, size, color):
    # marker size is a diameter in screen pixels: the square root makes the area
    # proportional to the value, 40 px across for the largest
    df = df.assign(marker_px=40 * np.sqrt(df[size] / df[size].max()))
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y,
               title=f"marker area ~ {size}")
    for i, (name, group) in enumerate(df.groupby(color)):
        # the largest first, so that the small bubbles stay visible on top
        p.scatter(x, y, size="marker_px", source=group.sort_values(size, ascending=False),
                  color=PALETTE[i], alpha=0.6, line_color="white", legend_label=name)
    p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def tooltip(df, x, y, color, label):
    # "@{column}" is the hovered row's value of that column (braces allow any name)
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y,
               tooltips=[(name, f"@{{{name}}}") for name in (color, label, x, y)])
    for i, (name, group) in enumerate(df.groupby(color)):
        p.scatter(x, y, source=group, color=PALETTE[i], alpha=0.8, size=7, legend_label=name)
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def linked(df, x, y, x2, y2, color):
    # One source behind both views: a selection is the source's, so it shows in both.
    # Rows sorted by category: legend_field lists categories as they first appear.
    source = ColumnDataSource(df.sort_values(color))
    colors = factor_cmap(color, PALETTE, sorted(df[color].unique()))
    left = figure(width=400, height=400, x_axis_label=x, y_axis_label=y,
                  tools="box_select,reset")
    left.scatter(x, y, source=source, color=colors, alpha=0.8, size=6,
                 nonselection_alpha=0.1)
    right = figure(width=400, height=400, x_axis_label=x2, y_axis_label=y2,
                   tools="box_select,reset")
    right.scatter(x2, y2, source=source, color=colors, alpha=0.8, size=6,
                  nonselection_alpha=0.1, legend_field=color)
    # one legend, inside the second view: a legend beside it keeps its size when the pair
    # scales down to a card, and pushed the pair out of it
    right.legend.location = "bottom_right"
    right.legend.title = color
    # a row: each view keeps its own toolbar inside its width, and the pair shares the
    # card's width (a grid kept the views' own width and spilled out of a laptop's card)
    return row(left, right)


def widget(df, x, y, color):
    names = sorted(df[color].unique())
    # every category's rows are sent to the page; the dropdown's JavaScript swaps them in
    groups = {name: ColumnDataSource.from_df(group) for name, group in df.groupby(color)}
    source = ColumnDataSource(groups[names[0]])
    # fixed ranges over the whole data (5% margins): the axes stay put as rows change
    pad = 0.05 * (df[[x, y]].max() - df[[x, y]].min())
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y,
               x_range=(df[x].min() - pad[x], df[x].max() + pad[x]),
               y_range=(df[y].min() - pad[y], df[y].max() + pad[y]))
    p.scatter(x, y, source=source, color=factor_cmap(color, PALETTE, names), alpha=0.8, size=7)
    select = Select(title=color, options=names, value=names[0], width=200)
    select.js_on_change("value", CustomJS(args=dict(source=source, groups=groups),
                                          code="source.data = groups[cb_obj.value]"))
    return column(select, p)


def splom(df, color):
    measures = list(df.select_dtypes("number").columns)  # a row and a column each
    names = sorted(df[color].unique())
    # one source behind every panel, as in Bokeh's splom: a selection shows in all of them
    source = ColumnDataSource(df)
    colors = factor_cmap(color, PALETTE, names)
    # one x range per column and one y range per row: the panels pan and zoom together
    across_range = {m: DataRange1d() for m in measures}
    up_range = {m: DataRange1d() for m in measures}
    panels = []
    for up in measures:
        for across in measures:
            # the first column and the bottom row are wider by their axis titles, so that
            # every panel's frame is the same size (as in Bokeh's splom)
            size = {"width": 140 + 40 * (across == measures[0]),
                    "height": 140 + 40 * (up == measures[-1])}
            if up == across:  # the diagonal: each category's distribution of the measure
                p = figure(x_range=across_range[across], **size)
                edges = np.histogram_bin_edges(df[across], bins=15)
                for i, (_, group) in enumerate(df.groupby(color)):
                    counts, _ = np.histogram(group[across], bins=edges)
                    p.quad(left=edges[:-1], right=edges[1:], bottom=0, top=counts,
                           color=PALETTE[i], alpha=0.6)
            else:
                p = figure(x_range=across_range[across], y_range=up_range[up], **size)
                p.scatter(across, up, source=source, color=colors, alpha=0.6, size=3)
            # axis titles on the grid's outer edges only, where the measures are read
            p.xaxis.axis_label = across if up == measures[-1] else None
            p.yaxis.axis_label = up if across == measures[0] else None
            p.axis.major_label_text_font_size = "7pt"
            p.axis.ticker.desired_num_ticks = 4  # few enough to keep the labels apart
            p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
            panels.append(p)
    # the legend in a strip of its own above the grid: inside a 150 px panel it would hide
    # points. Its keys are glyphs of one point at NaN, drawn nowhere (BokehJS draws no key
    # for a glyph with no rows at all).
    key = figure(width=600, height=60, toolbar_location=None, outline_line_color=None)
    for i, name in enumerate(names):
        key.scatter([np.nan], [np.nan], color=PALETTE[i], legend_label=name)
    key.axis.visible = key.grid.visible = False
    key.legend.orientation, key.legend.location = "horizontal", "center"
    key.legend.title = color
    return column(key, gridplot(panels, ncols=len(measures)))


def parallel(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0) to its largest (1), so the axes compare
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    # a categorical x range: one axis position per measure, in the data's order
    p = figure(x_range=measures, y_range=(-0.02, 1.02), width=600, height=400,
               y_axis_label="scaled 0-1")
    for i, (name, group) in enumerate(scaled.groupby(df[color])):
        # multi_line: one polyline per row, all of them through the same measures
        p.multi_line([measures] * len(group), group.to_numpy().tolist(), color=PALETTE[i],
                     alpha=0.4, line_width=1, legend_label=name)
    p.legend.title = color
    p.add_layout(p.legend[0], "right")
    p.xgrid.grid_line_color = None
    return p


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # each measure scaled from its smallest (0, the centre) to its largest (1) over all
    # rows, then each category's mean: its vertex on the measure's spoke
    scaled = (df[measures] - df[measures].min()) / (df[measures].max() - df[measures].min())
    means = scaled.groupby(df[color]).mean()
    # Bokeh has no polar axes: the common workaround is to place each vertex at
    # x = r sin(t), y = r cos(t) on a plain figure, the spokes clockwise from 12 o'clock
    turns = 2 * np.pi * np.arange(len(measures)) / len(measures)
    # match_aspect keeps one data unit as many px across as up: the rings stay round
    p = figure(width=600, height=400, match_aspect=True, toolbar_location=None,
               outline_line_color=None, title=f"mean of each measure per {color}, scaled 0-1")
    around = np.linspace(0, 2 * np.pi, 121)
    for r in (0.25, 0.5, 0.75, 1.0):  # grey rings and spokes: the frame
        p.line(r * np.sin(around), r * np.cos(around), color="#cccccc")
    p.multi_line([[0, x] for x in np.sin(turns)], [[0, y] for y in np.cos(turns)],
                 color="#cccccc")
    # each measure's name just past its spoke's end, aligned away from the centre
    p.text(1.08 * np.sin(turns), 1.08 * np.cos(turns), text=measures, text_font_size="9pt",
           text_align=["left" if x > 0.1 else "right" if x < -0.1 else "center"
                       for x in np.sin(turns)],
           text_baseline=["bottom" if y > 0.1 else "top" if y < -0.1 else "middle"
                          for y in np.cos(turns)])
    for i, (name, profile) in enumerate(means.iterrows()):
        # patch closes the outline itself: a filled polygon through the spokes' vertices
        p.patch(profile * np.sin(turns), profile * np.cos(turns), fill_color=PALETTE[i],
                fill_alpha=0.25, line_color=PALETTE[i], line_width=2, legend_label=name)
    # room for the names beside the horizontal spokes (the ranges fit the glyphs' anchors):
    # the same padding on both ranges, or the rings would no longer be round
    p.x_range.range_padding = p.y_range.range_padding = 0.25
    p.axis.visible = False
    p.grid.grid_line_color = None
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def violin(df, x, y):
    names = sorted(df[x].unique())
    p = figure(x_range=names, width=600, height=400, x_axis_label=x, y_axis_label=y)
    # Bokeh has no violin glyph: scipy's Gaussian KDE (Scott's bandwidth) over each
    # category's range, mirrored as an harea between two categorical offsets
    # (category, -half width) and (category, +half width), as Bokeh's ridgeplot places
    # its curves; every violin is 0.8 of a category wide at its widest
    for i, name in enumerate(names):
        values = df.loc[df[x] == name, y]
        grid = np.linspace(values.min(), values.max(), 200)
        density = gaussian_kde(values)(grid)
        half = 0.4 * density / density.max()
        p.harea(x1=[(name, -w) for w in half], x2=[(name, w) for w in half], y=grid,
                color=PALETTE[i], alpha=0.8)
    p.xgrid.grid_line_color = None
    return p


def area(df, time, y, color):
    sums = df.groupby([time, color])[y].sum().unstack(color, fill_value=0)
    names = [str(name) for name in sums.columns]  # sorted: stacked from the bottom
    p = figure(width=600, height=400, x_axis_label=time, y_axis_label=f"sum of {y}")
    # varea_stack stacks the columns in the order given, each on the sum of those before
    p.varea_stack(names, x=time, source=ColumnDataSource(sums.rename(columns=str)),
                  color=PALETTE[:len(names)], alpha=0.85, legend_label=names)
    p.y_range.start = 0
    p.yaxis.formatter = NumeralTickFormatter(format="0.0a")  # 4.0b, not 4000000000
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def pie(df, color):
    counts = df[color].value_counts().sort_index().rename("rows").reset_index()
    counts["fill"] = PALETTE[:len(counts)]
    # Bokeh has no pie API, only wedges, whose angles run anticlockwise from 3 o'clock;
    # clockwise from 12 in sorted order, each wedge starts pi/2 minus the turns before it
    share = counts["rows"] / counts["rows"].sum()
    counts["start"] = np.pi / 2 - 2 * np.pi * (share.cumsum() - share)
    counts["end"] = counts["start"] - 2 * np.pi * share
    p = figure(width=600, height=400, x_range=(-1, 1), y_range=(-1, 1),
               title=f"rows per {color}", toolbar_location=None)
    # a radius in screen px keeps the pie round, whatever the ranges' aspect
    p.wedge(0, 0, radius=150, radius_units="screen", start_angle="start", end_angle="end",
            direction="clock", source=counts, fill_color="fill", line_color="white",
            legend_field=color)
    p.axis.visible = False
    p.grid.grid_line_color = None
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def density(df, x, color):
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label="density")
    # Bokeh draws what it is given: scipy's Gaussian KDE (Scott's bandwidth), evaluated on
    # a grid three bandwidths past each group's data, drawn as a line over a light fill
    for i, (name, group) in enumerate(df.groupby(color)):
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        p.varea(grid, 0, kde(grid), color=PALETTE[i], alpha=0.15, legend_label=name)
        p.line(grid, kde(grid), color=PALETTE[i], line_width=2, legend_label=name)
    p.y_range.start = 0
    p.axis.formatter.use_scientific = False  # 0.0004, not 4.000e-4
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def ridgeline(df, x, color):
    names = sorted(df[color].unique())
    # scipy's Gaussian KDE (Scott's bandwidth) of each category, on a grid three bandwidths
    # past its data
    curves = {}
    for name, group in df.groupby(color):
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        curves[name] = grid, kde(grid)
    # one scale for every ridge, so heights compare: the highest peak 1.4 categories tall
    scale = 1.4 / max(density.max() for _, density in curves.values())
    # Bokeh's ridgeplot: a categorical y range, listed bottom to top (reversed: the first
    # category at the top), padded to hold the first ridge's peak
    top = scale * curves[names[0]][1].max()
    p = figure(y_range=FactorRange(*names[::-1], range_padding=max(top - 0.4, 0.1),
                                   range_padding_units="absolute"),
               width=600, height=400, x_axis_label=x, y_axis_label=color)
    for i, name in enumerate(names):  # from the top down: each lower ridge over the one above
        grid, density = curves[name]
        # heights as categorical offsets, (category, height), above the category's line
        heights = [(name, 0.0), *((name, h) for h in scale * density), (name, 0.0)]
        p.patch(np.concatenate([grid[:1], grid, grid[-1:]]), heights, fill_color=PALETTE[i],
                fill_alpha=0.8, line_color="white", line_width=1.5)
    p.ygrid.grid_line_color = None
    return p

def hexbin(df, x, y):
    # The one statistic Bokeh computes itself: figure.hexbin bins the rows and draws one
    # hex_tile per non-empty bin, coloured by its count (linear_cmap from 0 to the most).
    # size is in y units and aspect_scale stretches the tiles along x: with the spans'
    # ratio at 600 x 400 px they are regular on screen, 25 across x (sqrt(3) sizes each).
    span = df[[x, y]].max() - df[[x, y]].min()
    aspect = (span[y] / 400) / (span[x] / 600)
    p = figure(width=600, height=400, x_axis_label=x, y_axis_label=y)
    # it returns the tiles' renderer and the bins (a DataFrame of q, r and counts)
    tiles, _ = p.hexbin(df[x], df[y], size=span[x] / 25 / np.sqrt(3) * aspect,
                        aspect_scale=aspect, palette="Viridis256", line_color="white")
    p.add_layout(tiles.construct_color_bar(title="count"), "right")
    p.axis.formatter.use_scientific = False  # 20000, not 2.000e+4
    p.grid.grid_line_color = None
    return p


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15).reset_index()  # highest first
    # a categorical x range lists the factors left to right in the order given
    # (the y range ends a little above the highest dot, which it would otherwise cut)
    p = figure(x_range=list(top[x]), y_range=(0, top[y].max() * 1.08), width=600, height=400,
               x_axis_label=x, y_axis_label=f"mean {y} in {time} {df[time].max()}")
    p.segment(x, 0, x, y, source=top, color=PALETTE[0], line_width=2)  # the stems, from 0
    p.scatter(x, y, source=top, color=PALETTE[0], size=9)  # the dots
    p.xaxis.major_label_orientation = np.pi / 3  # long names, turned
    p.xgrid.grid_line_color = None
    return p


def stacked100(df, x, color):
    shares = df.groupby(x)[color].value_counts(normalize=True).unstack(color, fill_value=0)
    names = [str(name) for name in shares.columns]  # sorted: stacked from the bottom
    source = ColumnDataSource(shares.rename(columns=str))
    p = figure(x_range=list(shares.index), y_range=(0, 1), width=600, height=400,
               x_axis_label=x, y_axis_label=f"share of {color}")
    p.vbar_stack(names, x=x, source=source, width=0.8, color=PALETTE[:len(names)],
                 line_color="white", legend_label=names)
    p.yaxis.formatter = NumeralTickFormatter(format="0%")
    p.xgrid.grid_line_color = None
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def treemap(df, color, label, size, time):
    # Bokeh has no treemap: a workaround from Bokeh's own gallery (topics/hierarchical/
    # treemap.py), squarify (pinned) lays the tiles out and Bokeh draws them as rectangles.
    # Two levels: each category's block first, then its labels' tiles inside that block.
    latest = df[df[time] == df[time].max()]
    sums = latest.groupby([color, label])[size].sum()
    sums = sums[sums > 0]
    blocks = sums.groupby(level=0).sum().sort_values(ascending=False)  # squarify: largest first
    width, height = 130, 100  # the frame's shape beside the legend: square tiles look square
    places = dict(zip(blocks.index, squarify.squarify(
        squarify.normalize_sizes(blocks, width, height), 0, 0, width, height), strict=True))
    # y runs down from 0 at the top: the largest block at the top left, as a treemap is read
    p = figure(width=600, height=400, x_range=(0, width), y_range=(height, 0),
               title=f"sum of {size} in {time} {df[time].max()}", toolbar_location=None,
               tooltips=f"@{{{label}}}: @{{{size}}}{{0.0a}}", x_axis_location=None,
               y_axis_location=None)
    for i, name in enumerate(sorted(blocks.index)):  # the i-th category takes the i-th colour
        block, tiles = places[name], sums[name].sort_values(ascending=False)
        spots = pd.DataFrame(squarify.squarify(
            squarify.normalize_sizes(tiles, block["dx"], block["dy"]),
            block["x"], block["y"], block["dx"], block["dy"]))
        spots[label], spots[size] = tiles.index, tiles.to_numpy()
        spots["right"], spots["bottom"] = spots["x"] + spots["dx"], spots["y"] + spots["dy"]
        # a quad from its edges: squarify's corner (x, y) is the top left on this y axis
        p.quad(left="x", right="right", top="y", bottom="bottom", source=spots,
               fill_color=PALETTE[i], line_color="white", line_width=0.5, legend_label=name)
        named = spots[spots[size] >= 0.02 * sums.sum()]  # tiles large enough to hold a name
        p.text(named["x"] + named["dx"] / 2, named["y"] + named["dy"] / 2, text=named[label],
               text_align="center", text_baseline="middle", text_font_size="7pt",
               text_color="white")
    p.grid.grid_line_color = None
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    return p


def choropleth(df, world, geo, value, time):
    year = df[time].max()
    latest = df[df[time] == year]
    means = latest.groupby(latest[geo].astype(int))[value].mean()  # by ISO numeric code
    # Bokeh's GeoJSONDataSource: BokehJS turns each feature into a patch (a MultiPolygon's
    # parts NaN-separated) and each property into a column, so each country takes its mean
    # as a property: null where it has none, which BokehJS reads as NaN
    countries = [{**f, "properties": {**f["properties"], value: means.get(f["id"])}}
                 for f in world["features"]]
    # BokehJS fills a polygon's outer ring only: a country with a hole (South Africa's,
    # Lesotho) goes first, so that the country inside it is drawn over it
    countries.sort(key=lambda f: f["geometry"]["type"] != "Polygon"
                   or len(f["geometry"]["coordinates"]) == 1)
    source = GeoJSONDataSource(geojson=json.dumps({**world, "features": countries}))
    # longitude and latitude as x and y (Bokeh has no projections); match_aspect keeps one
    # degree as long across as up
    p = figure(width=600, height=400, match_aspect=True, title=f"mean {value} in {year}")
    # no axes or grid, as on a map: the frame is taller than the world, and its latitude
    # axis would run past the poles (to about 150 degrees)
    p.axis.visible = False
    p.grid.visible = False
    # viridis from the smallest mean to the largest; NaN (no data) in nan_color
    shapes = p.patches("xs", "ys", source=source, line_color="white", line_width=0.5,
                       fill_color=linear_cmap(value, "Viridis256", means.min(), means.max(),
                                              nan_color=NO_DATA_GREY))
    p.add_layout(shapes.construct_color_bar(title=value), "right")
    return p


def animation(df, x, y, size, color, time):
    names = sorted(df[color].unique())
    # marker size is a diameter in px: area proportional to the value, 40 px across for
    # the largest of any year. Within a category the largest is drawn first (small on top).
    df = df.assign(marker_px=40 * np.sqrt(df[size] / df[size].max()))
    df = df.sort_values([color, size], ascending=[True, False])
    # one frame of rows per year, all in the page: the slider swaps them in, no server
    frames = {str(t): ColumnDataSource.from_df(group) for t, group in df.groupby(time)}
    years = sorted(df[time].unique())
    source = ColumnDataSource(frames[str(years[0])])
    # fixed ranges over every year (margins: x 20%, on a log axis, and y 5%)
    pad = 0.05 * (df[y].max() - df[y].min())
    p = figure(width=600, height=400, x_axis_type="log", x_axis_label=x, y_axis_label=y,
               x_range=(df[x].min() / 1.2, df[x].max() * 1.2),
               y_range=(df[y].min() - pad, df[y].max() + pad))
    p.scatter(x, y, size="marker_px", source=source, color=factor_cmap(color, PALETTE, names),
              alpha=0.6, line_color="white", legend_field=color)
    p.add_layout(p.legend[0], "right")
    p.legend.title = color
    slider = Slider(title=time, start=years[0], end=years[-1], step=years[1] - years[0],
                    value=years[0], width=480)
    slider.js_on_change("value", CustomJS(args=dict(source=source, frames=frames),
                                          code="source.data = frames[String(cb_obj.value)]"))
    play = Toggle(label="► Play", width=100)
    # a timer in the page steps the slider every half second until the last year
    play.js_on_change("active", CustomJS(args=dict(slider=slider), code="""
        cb_obj.label = cb_obj.active ? "❚❚ Pause" : "► Play"
        if (!cb_obj.active) return clearInterval(cb_obj.timer)
        if (slider.value >= slider.end) slider.value = slider.start  // again from the start
        cb_obj.timer = setInterval(() => {
            if (slider.value >= slider.end) cb_obj.active = false
            else slider.value += slider.step
        }, 500)
    """))
    return column(p, row(play, slider))


NOT_SUPPORTED = {
    "scatter3d": "Bokeh draws 2D plots only: it has no 3D axes or projection, so a 3D "
    "scatter needs a custom JavaScript extension (as in Bokeh's surface3d example).",
    "sankey": "Bokeh has no Sankey glyph or layout: every node and link position would be "
    "computed by hand and drawn as patches. HoloViews' hv.Sankey draws with Bokeh from its "
    "own port of d3-sankey's layout (the HoloViews row shows it).",
}

SPEC_NOT_MET = {
    "facet": {
        "legend": "A bokeh legend belongs to one figure and draws its keys from that "
        "figure's own glyphs, so each panel of a grid has a legend of the categories it "
        "shows: none can name a category its panel does not draw.",
    },
    "bubble": {
        "size legend": "BokehJS draws every legend key at one size set by the legend's glyph "
        "box, whatever the glyph's size, so a legend cannot show marker sizes.",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd
    from bokeh.io import save
    from bokeh.resources import INLINE

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
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "widget": (penguins, xy),
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
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bokeh")
    out.mkdir(parents=True, exist_ok=True)
    for kind, chart in charts.items():
        # INLINE embeds BokehJS in the file, so the page opens without a network
        save(chart, out / f"{kind}.html", resources=INLINE, title=kind)
        print("wrote", out / f"{kind}.html")
