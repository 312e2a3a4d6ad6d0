"""Plotly graph_objects: every chart kind of the gallery, built trace by trace.

Run: python examples/plot_plotly.py [OUT_DIR]  (needs plotly, numpy, pandas and scipy)
Each function takes a data frame and the names of the columns to use for each role, and
returns a go.Figure with one trace per group; plotly.js draws it in the browser. Charts
are written as self-contained HTML pages with plotly.js inlined, so they open offline.
"""

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import get_colorscale, hex_to_rgb
from plotly.subplots import make_subplots
from scipy.stats import gaussian_kde

# The gallery's palette (Okabe-Ito, colour-blind safe): sorted categories take these in turn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SIZE = {"width": 600, "height": 400}  # the whole figure, axes and legend included
NO_DATA_GREY = "#d9d9d9"  # a map's countries without data
# Plotly's default margins (80 px, 100 at the top) leave room for titles these charts do
# not have: a template with slimmer ones (axis titles still push them out as needed).
pio.templates["slim"] = go.layout.Template(layout={"margin": {"l": 50, "r": 10, "t": 30, "b": 40}})
pio.templates.default = "plotly+slim"


def scatter(df, x, y, color):
    fig = go.Figure()
    # groupby sorts the categories: the i-th takes the i-th colour, the legend follows
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker=dict(color=PALETTE[i], opacity=0.8)))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color, **SIZE)
    return fig


def line(df, time, y, color):
    means = df.groupby([color, time], as_index=False)[y].mean()
    fig = go.Figure()
    for i, (name, group) in enumerate(means.groupby(color)):
        fig.add_trace(go.Scatter(x=group[time], y=group[y], mode="lines+markers", name=name,
                                 line_color=PALETTE[i]))
    fig.update_layout(xaxis_title=time, yaxis_title=f"mean {y}", legend_title_text=color,
                      **SIZE)
    return fig


def bar(df, x, y, color):
    means = df.groupby([color, x], as_index=False)[y].mean()
    fig = go.Figure()
    for i, (name, group) in enumerate(means.groupby(color)):
        fig.add_trace(go.Bar(x=group[x], y=group[y], name=name, marker_color=PALETTE[i]))
    # Categories in sorted order even when the first colour lacks one of them.
    fig.update_xaxes(categoryorder="category ascending")
    fig.update_layout(barmode="group", xaxis_title=x, yaxis_title=f"mean {y}",
                      legend_title_text=color, **SIZE)
    return fig


def histogram(df, x, color):
    # plotly.js bins are half-open, the last one too, so its largest value would fall in a
    # 21st bin; numpy's last bin includes it. Plotly's docs count bins with np.histogram
    # and draw bars for that (a workaround): the same 20 edges for every category.
    edges = np.histogram_bin_edges(df[x], 20)
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        counts, _ = np.histogram(group[x], edges)
        fig.add_trace(go.Bar(x=edges[:-1], y=counts, width=np.diff(edges), offset=0,
                             name=name, marker_color=PALETTE[i]))
    # plotly lists stacked traces top-down by default; "normal" keeps them sorted.
    fig.update_layout(barmode="stack", bargap=0, xaxis_title=x, yaxis_title="count",
                      legend_title_text=color, legend_traceorder="normal", **SIZE)
    return fig


def box(df, x, y):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(x)):
        # plotly.js's own quartiles are not numpy's default interpolation: they are passed
        # in, with the values themselves, from which plotly.js draws Tukey whiskers
        # (1.5 IQR) and the outliers (its documented precomputed-quartiles signature).
        q1, median, q3 = np.percentile(group[y], [25, 50, 75])
        fig.add_trace(go.Box(x=[name], y=[group[y].tolist()], q1=[q1], median=[median],
                             q3=[q3], name=name, marker_color=PALETTE[i], boxpoints="outliers"))
    fig.update_layout(xaxis_title=x, yaxis_title=y, showlegend=False, **SIZE)
    return fig


def heatmap(df):
    corr = df.corr()
    fig = go.Figure(go.Heatmap(
        z=corr.values, x=corr.columns, y=corr.index, zmin=-1, zmax=1,
        colorscale="RdBu_r", texttemplate="%{z:.2f}", colorbar_title_text="correlation",
    ))
    fig.update_yaxes(autorange="reversed")  # first column at the top, as in a matrix
    fig.update_layout(**SIZE)
    return fig


def facet(df, x, y, color, facet):
    panels = sorted(df[facet].unique())
    rows, cols = -(-len(panels) // 2), min(len(panels), 2)  # wrap after two panels
    fig = make_subplots(rows=rows, cols=cols, shared_xaxes="all", shared_yaxes="all",
                        subplot_titles=[f"{facet} = {panel}" for panel in panels])
    for i, (name, category) in enumerate(df.groupby(color)):
        for j, (panel, group) in enumerate(category.groupby(facet)):
            k = panels.index(panel)
            # One legend entry per category, for its first panel; legendgroup toggles all.
            fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                     marker=dict(color=PALETTE[i], opacity=0.8),
                                     legendgroup=name, showlegend=j == 0),
                          row=k // 2 + 1, col=k % 2 + 1)
    fig.update_xaxes(title_text=x, row=rows)
    fig.update_yaxes(title_text=y, col=1)
    # Legend groups sit tracegroupgap apart by default; one list reads better.
    fig.update_layout(legend_title_text=color, legend_tracegroupgap=0,
                      width=250 * cols + 150, height=250 * rows + 150)
    return fig


def regression(df, x, y, color):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        slope, intercept = np.polyfit(group[x], group[y], 1)  # least squares, degree 1
        xs = np.array([group[x].min(), group[x].max()])
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker=dict(color=PALETTE[i], opacity=0.6), legendgroup=name))
        fig.add_trace(go.Scatter(x=xs, y=slope * xs + intercept, mode="lines",
                                 name=f"{name} fit", line_color=PALETTE[i], legendgroup=name,
                                 showlegend=False))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color,
                      legend_tracegroupgap=0, **SIZE)
    return fig


def scatter3d(df, x, y, z, color):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Scatter3d(x=group[x], y=group[y], z=group[z], mode="markers",
                                   name=name, marker=dict(color=PALETTE[i], opacity=0.8, size=3)))
    # No margins (theirs are for 2D axis titles) and the camera further out than its
    # default (1.25, 1.25, 1.25): the whole cube and its labels fit in 600 x 400.
    fig.update_layout(scene=dict(xaxis_title=x, yaxis_title=y, zaxis_title=z,
                                 camera_eye=dict(x=1.7, y=1.7, z=1.3)),
                      legend_title_text=color, margin=dict(l=0, r=0, t=0, b=0), **SIZE)
    return fig


def bubble(df, x, y, size, color):
    # Marker area proportional to `size` from zero, the largest 40 px across: plotly's
    # sizeref formula for sizemode "area".
    sizeref = 2.0 * df[size].max() / 40**2
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Scatter(
            x=group[x], y=group[y], mode="markers", name=name,
            marker=dict(size=group[size], sizemode="area", sizeref=sizeref, color=PALETTE[i],
                        opacity=0.6),
        ))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color,
                      title=f"marker area ~ {size}", **SIZE)
    return fig


def violin(df, x, y):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(x)):
        # plotly.js computes the KDE in the browser with Silverman's bandwidth unless given
        # one: Scott's rule (the standard deviation times n^-1/5, as scipy's default).
        fig.add_trace(go.Violin(x=group[x], y=group[y], name=name, points=False,
                                bandwidth=group[y].std() * len(group) ** -0.2,
                                line_color=PALETTE[i], fillcolor=PALETTE[i], opacity=0.8))
    fig.update_layout(xaxis_title=x, yaxis_title=y, showlegend=False, **SIZE)
    return fig


def area(df, time, y, color):
    sums = df.groupby([color, time], as_index=False)[y].sum()
    fig = go.Figure()
    # A stackgroup piles its traces up in the order they are added (plotly.js adds them
    # in the browser): the first sorted category is the bottom band.
    # Its fill defaults to the line's colour at half opacity: fillcolor sets it.
    for i, (name, group) in enumerate(sums.groupby(color)):
        red, green, blue = hex_to_rgb(PALETTE[i])
        fig.add_trace(go.Scatter(x=group[time], y=group[y], name=name, stackgroup="one",
                                 mode="lines", line_color=PALETTE[i],
                                 fillcolor=f"rgba({red}, {green}, {blue}, 0.85)"))
    # plotly lists stacked traces top-down by default; "normal" keeps them sorted.
    fig.update_layout(xaxis_title=time, yaxis_title=f"sum of {y}", legend_title_text=color,
                      legend_traceorder="normal", **SIZE)
    return fig


def pie(df, color):
    counts = df[color].value_counts().sort_index()
    # plotly.js sorts slices largest first and turns anticlockwise unless told not to;
    # rotation 0 starts the first slice at 12 o'clock.
    fig = go.Figure(go.Pie(labels=counts.index, values=counts.values, sort=False,
                           direction="clockwise", rotation=0, marker_colors=PALETTE,
                           textinfo="label+percent"))
    fig.update_layout(legend_title_text=color, title=f"rows per {color}", **SIZE)
    return fig

def density(df, x, color):
    # plotly.js has no KDE (ff.create_distplot, which computed one, is deprecated): scipy's
    # Gaussian KDE (Scott's bandwidth), on a grid three bandwidths past the data, as lines.
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        kde = gaussian_kde(group[x])
        reach = 3 * kde.factor * group[x].std()
        grid = np.linspace(group[x].min() - reach, group[x].max() + reach, 200)
        fig.add_trace(go.Scatter(x=grid, y=kde(grid), mode="lines", name=name,
                                 line_color=PALETTE[i]))
    fig.update_layout(xaxis_title=x, yaxis_title="density", legend_title_text=color, **SIZE)
    return fig


def ridgeline(df, x, color):
    # Plotly's documented ridgeline: a one-sided horizontal violin per category, its KDE
    # computed by plotly.js with Scott's bandwidth passed in (its default is Silverman's).
    # y places each at its category (placed by name alone, a violin breaks plotly.js's
    # sorting of a category axis: the figure fails to draw).
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Violin(x=group[x], y=group[color], name=name, orientation="h",
                                side="positive", points=False,
                                bandwidth=group[x].std() * len(group) ** -0.2,
                                scalegroup=color, scalemode="width", line_color=PALETTE[i],
                                fillcolor=PALETTE[i], opacity=0.8))
    # One scale group sizes every ridge by the highest density of all: heights compare. The
    # docs' example sets a width per trace, which scales each violin to its own peak, so
    # none is set: in overlay mode with no gaps, the highest ridge reaches half a step.
    # A category axis runs bottom-up in the order of the traces: descending puts the
    # first sorted category at the top (a reversed axis would turn the ridges downwards).
    # Its autorange leaves a quarter step above the top category: a range in steps
    # (category 0 at the bottom) keeps a top ridge of full height in view.
    fig.update_yaxes(categoryorder="category descending",
                     range=[-0.2, df[color].nunique() - 0.4])
    fig.update_layout(violinmode="overlay", violingap=0, violingroupgap=0, xaxis_title=x,
                      yaxis_title=color, showlegend=False, **SIZE)
    return fig


def hexbin(df, x, y):
    # plotly.js has no hexagonal bins: Histogram2d counts the rows in rectangles, in the
    # browser (nbinsx is a most: it rounds to "nice" bins). It paints an empty bin in the
    # scale's lowest colour (plotly.js#975), so a workaround: a scale whose first stop, a
    # count of 0, is transparent, then Viridis; zmin 0 (zauto off; zmax is the most rows).
    viridis = get_colorscale("Viridis")
    fig = go.Figure(go.Histogram2d(
        x=df[x], y=df[y], nbinsx=25, zauto=False, zmin=0,
        colorscale=[[0, "rgba(0,0,0,0)"], [1e-9, viridis[0][1]], *viridis[1:]],
        colorbar_title_text="count"))
    fig.update_layout(xaxis_title=x, yaxis_title=y, **SIZE)
    return fig


def lollipop(df, x, y, time):
    latest = df[df[time] == df[time].max()]
    top = latest.groupby(x)[y].mean().nlargest(15)  # highest first
    fig = go.Figure([
        go.Bar(x=top.index, y=top.values, width=0.08, marker_color=PALETTE[0]),  # the stems
        go.Scatter(x=top.index, y=top.values, mode="markers", marker=dict(color=PALETTE[0],
                                                                          size=10)),  # dots
    ])
    # A category axis keeps the order of the data: highest on the left.
    fig.update_layout(xaxis=dict(title=x, type="category", tickangle=-60),
                      yaxis_title=f"mean {y} in {time} {df[time].max()}", showlegend=False,
                      **SIZE)
    return fig


def stacked100(df, x, color):
    counts = df.groupby([color, x], as_index=False).size()
    fig = go.Figure()
    for i, (name, group) in enumerate(counts.groupby(color)):  # first trace at the bottom
        fig.add_trace(go.Bar(x=group[x], y=group["size"], name=name, marker_color=PALETTE[i]))
    # barnorm divides each stack by its total: plotly.js draws the shares of counts.
    fig.update_xaxes(categoryorder="category ascending")
    fig.update_layout(barmode="stack", barnorm="percent", xaxis_title=x,
                      yaxis=dict(title=f"share of {color}", ticksuffix=" %"),
                      legend_title_text=color, legend_traceorder="normal", **SIZE)
    return fig


def treemap(df, color, label, size, time):
    latest = df[df[time] == df[time].max()]
    tiles = latest.groupby([color, label], as_index=False)[size].sum()
    tiles = tiles[tiles[size] > 0]
    blocks = tiles.groupby(color, as_index=False)[size].sum()  # sorted: i-th takes PALETTE[i]
    colors = dict(zip(blocks[color], PALETTE, strict=False))
    # Two levels: each category a block (parent ""), its labels' tiles inside it. With
    # branchvalues "total" a block's value is its tiles' sum, and plotly.js lays it out.
    fig = go.Figure(go.Treemap(
        ids=[*blocks[color], *(tiles[color].astype(str) + "/" + tiles[label].astype(str))],
        labels=[*blocks[color], *tiles[label]], parents=[""] * len(blocks) + [*tiles[color]],
        values=[*blocks[size], *tiles[size]], branchvalues="total",
        marker=dict(colors=[colors[name] for name in [*blocks[color], *tiles[color]]],
                    pad=dict(t=0, l=0, r=0, b=0)),
        # plotly.js pads each block (a 24 px header naming it, 6 px sides) and each tile
        # (3 px): that shrinks a small block's tiles more than a large one's, and a block
        # lower than its header loses its tiles. Unpadded, every area stays true (white
        # outlines part the tiles) and each tile names its category in place of a header.
        tiling_pad=0, texttemplate="%{label}<br>%{parent}<br>%{percentRoot:.1%}"))
    # no axes to make room for: the template's left and bottom margins go to the tiles
    fig.update_layout(title=f"sum of {size} in {time} {df[time].max()}", margin_l=10,
                      margin_b=10, **SIZE)
    return fig


def sankey(df, color, via, target):
    # One node per category of each stage, numbered stage by stage: the same name in two
    # stages stays two nodes. The first stage's nodes take its categories' colours.
    stages = [color, via, target]
    nodes = [(stage, name) for stage in stages for name in sorted(df[stage].unique())]
    index = {node: i for i, node in enumerate(nodes)}
    colors = dict(zip(sorted(df[color].unique()), PALETTE, strict=False))
    # Rows per (left, right) pair of neighbouring stages, split by the first stage's
    # category: each link keeps its colour (translucent) all the way through.
    links = []
    for left, right in zip(stages, stages[1:], strict=False):
        rows = df.groupby([df[color].rename("first"), left, right]).size()
        for (first, source, dest), count in rows.items():
            red, green, blue = hex_to_rgb(colors[first])
            links.append((index[left, source], index[right, dest], count,
                          f"rgba({red}, {green}, {blue}, 0.5)"))
    sources, targets, values, link_colors = zip(*links, strict=True)
    # plotly.js lays the nodes out (each as tall as its rows) and draws the links.
    fig = go.Figure(go.Sankey(
        node=dict(label=[name for _, name in nodes],
                  color=[colors[name] if stage == color else "grey" for stage, name in nodes]),
        link=dict(source=sources, target=targets, value=values, color=link_colors)))
    # no axes to make room for: the template's left and bottom margins go to the nodes
    fig.update_layout(title=f"rows: {color} → {via} → {target}", margin_l=10, margin_b=10,
                      **SIZE)
    return fig


def choropleth(df, world, geo, value, time):
    latest = df[df[time] == df[time].max()]
    means = latest.groupby(latest[geo].astype(int))[value].mean()
    # Two layers, each given its own countries of the GeoJSON (plotly.js projects them; the
    # page carries each outline once): first the map's countries without data, in grey,
    # matched by name (a few areas have no ISO code); then the data's countries by their
    # code, on Viridis from the smallest mean to the largest.
    others = [f for f in world["features"] if f["id"] not in means.index]
    known = [f for f in world["features"] if f["id"] in means.index]
    fig = go.Figure([
        go.Choropleth(geojson={"type": "FeatureCollection", "features": others},
                      featureidkey="properties.name", z=[0] * len(others),
                      locations=[f["properties"]["name"] for f in others], showscale=False,
                      colorscale=[[0, NO_DATA_GREY], [1, NO_DATA_GREY]], hoverinfo="location"),
        go.Choropleth(geojson={"type": "FeatureCollection", "features": known},
                      featureidkey="id", locations=means.index, z=means.values,
                      colorscale="Viridis", colorbar_title_text=value),
    ])
    # Only the GeoJSON's shapes: none of plotly.js's own base layers (coastlines, land,
    # frame), which it would fetch from a CDN; the view fits the shapes drawn.
    fig.update_geos(visible=False, fitbounds="locations", projection_type="natural earth")
    fig.update_layout(title=f"mean {value} in {time} {df[time].max()}", margin_l=10,
                      margin_b=10, **SIZE)
    return fig


def tooltip(df, x, y, color, label):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        # customdata carries the columns the trace itself does not plot; the template
        # names every field by its column, and <extra></extra> drops the trace-name box.
        fig.add_trace(go.Scatter(
            x=group[x], y=group[y], mode="markers", name=name, customdata=group[[color, label]],
            hovertemplate=f"{color}: %{{customdata[0]}}<br>{label}: %{{customdata[1]}}<br>"
                          f"{x}: %{{x}}<br>{y}: %{{y}}<extra></extra>",
            marker=dict(color=PALETTE[i], opacity=0.8)))
    fig.update_layout(xaxis_title=x, yaxis_title=y, legend_title_text=color, **SIZE)
    return fig


def linked(df, x, y, x2, y2, color):
    # plotly.js links a selection across panels only inside a scatter-plot matrix: a box
    # dragged in one panel selects those rows in every panel. Of the matrix of x, y, x2
    # and y2 the lower half is drawn: x/y in the top row, x2/y2 at the bottom right.
    dimensions = [x, y, x2, y2]
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Splom(
            dimensions=[dict(label=column, values=group[column]) for column in dimensions],
            name=name, showupperhalf=False, diagonal_visible=False,
            marker=dict(color=PALETTE[i], opacity=0.8, size=5)))
    # A drag selects (the matrix's default is zoom); rows left out fade to 0.2. The legend
    # sits in the empty upper half, leaving the panels the whole width.
    fig.update_layout(dragmode="select", legend=dict(title_text=color, x=0.5, y=1),
                      width=800, height=700)
    return fig


def widget(df, x, y, color):
    fig = go.Figure()
    names = sorted(df[color].unique())
    for i, name in enumerate(names):
        group = df[df[color] == name]
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker=dict(color=PALETTE[i], opacity=0.8), visible=i == 0))
    # A dropdown whose i-th option shows the i-th trace only: plotly.js restyles in the page.
    buttons = [dict(label=name, method="restyle",
                    args=[{"visible": [j == i for j in range(len(names))]}])
               for i, name in enumerate(names)]
    pad_x, pad_y = 0.05 * (df[x].max() - df[x].min()), 0.05 * (df[y].max() - df[y].min())
    # Fixed ranges: autorange would zoom to each category in turn.
    fig.update_layout(
        updatemenus=[dict(buttons=buttons, x=1.02, xanchor="left", y=1, yanchor="top")],
        xaxis=dict(title=x, range=[df[x].min() - pad_x, df[x].max() + pad_x]),
        yaxis=dict(title=y, range=[df[y].min() - pad_y, df[y].max() + pad_y]),
        showlegend=False, margin_r=130, **SIZE)
    return fig


def animation(df, x, y, size, color, time):
    times, names = sorted(df[time].unique()), sorted(df[color].unique())
    sizeref = 2.0 * df[size].max() / 40**2  # the largest bubble of any frame is 40 px across
    pad_y = 0.05 * (df[y].max() - df[y].min())

    def traces(rows):  # one trace per category in every frame, so each morphs into its next
        return [go.Scatter(x=rows.loc[rows[color] == name, x], y=rows.loc[rows[color] == name, y],
                           mode="markers", name=name,
                           marker=dict(size=rows.loc[rows[color] == name, size], sizemode="area",
                                       sizeref=sizeref, color=PALETTE[i], opacity=0.6))
                for i, name in enumerate(names)]

    frames = [go.Frame(data=traces(df[df[time] == t]), name=str(t)) for t in times]
    jump = dict(mode="immediate", frame=dict(duration=0, redraw=False), transition_duration=0)
    play = dict(fromcurrent=True, frame=dict(duration=500, redraw=False),
                transition_duration=300)
    fig = go.Figure(data=frames[0].data, frames=frames)
    fig.update_layout(
        xaxis=dict(title=x, type="log",  # a log axis's range is given in powers of ten
                   range=np.log10([df[x].min(), df[x].max()]) + [-0.1, 0.1]),
        yaxis=dict(title=y, range=[df[y].min() - pad_y, df[y].max() + pad_y]),
        updatemenus=[dict(type="buttons", x=0, y=0, xanchor="right", yanchor="top",
                          pad=dict(t=45, r=10),
                          buttons=[dict(label="Play", method="animate", args=[None, play])])],
        sliders=[dict(currentvalue_prefix=f"{time}: ", pad_t=35, steps=[
            dict(label=str(t), method="animate", args=[[str(t)], jump]) for t in times])],
        legend_title_text=color, title=f"marker area ~ {size}", width=600, height=480)
    return fig


def splom(df, color):
    measures = df.select_dtypes("number").columns  # every measure: a row and a column each
    fig = go.Figure()
    # One Splom trace per category: its own colour and legend entry, the same grid of axes.
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Splom(
            dimensions=[dict(label=m, values=group[m]) for m in measures], name=name,
            diagonal_visible=False,  # a measure against itself says nothing
            marker=dict(color=PALETTE[i], opacity=0.6, size=4)))
    # The legend in a row above the grid leaves the panels the whole width.
    fig.update_layout(legend=dict(title_text=color, orientation="h", y=1.06),
                      font_size=10, width=600, height=600)
    return fig


def parallel(df, color):
    measures = df.select_dtypes("number").columns
    names = sorted(df[color].unique())
    # Parcoords colours lines by a number through a colour scale (its docs colour by a
    # category's code): a discrete scale of one band per code, each its palette colour.
    bands = [[(i + edge) / len(names), PALETTE[i]] for i in range(len(names)) for edge in (0, 1)]
    # Each axis spans its values' extent (its default range), so every measure runs 0 to 1.
    fig = go.Figure(go.Parcoords(
        dimensions=[dict(label=m, values=df[m]) for m in measures],
        line=dict(color=df[color].map(names.index), colorscale=bands, cmin=-0.5,
                  cmax=len(names) - 0.5, showscale=True,
                  # Parcoords has no legend: a colour bar below names the categories in
                  # sorted order, left to right.
                  colorbar=dict(title_text=color, tickvals=list(range(len(names))),
                                ticktext=names, orientation="h", y=-0.1, yanchor="top",
                                thickness=15))))
    fig.update_layout(margin=dict(l=50, r=50, t=50, b=100), **SIZE)
    return fig


def radar(df, color):
    measures = list(df.select_dtypes("number").columns)
    # Each measure scaled 0-1 between its smallest and largest value over all rows, then
    # averaged per category (groupby sorts them: the i-th takes the i-th colour).
    values = df[measures]
    means = ((values - values.min()) / (values.max() - values.min())).groupby(df[color]).mean()
    fig = go.Figure()
    for i, (name, row) in enumerate(means.iterrows()):
        red, green, blue = hex_to_rgb(PALETTE[i])
        # The first measure repeated at the end closes the outline; fill="toself" fills
        # the polygon, its fill defaulting to the line's colour at half opacity: fillcolor
        # sets it (trace opacity would fade the outline too).
        fig.add_trace(go.Scatterpolar(r=[*row, row.iloc[0]], theta=[*measures, measures[0]],
                                      mode="lines+markers", fill="toself", name=name,
                                      line_color=PALETTE[i],
                                      fillcolor=f"rgba({red}, {green}, {blue}, 0.25)"))
    # A category theta: the measures evenly spaced, the first at 12 o'clock (rotation 90,
    # counted anticlockwise from 3 o'clock), then clockwise. The radial axis starts at 0;
    # its tick labels run at 45 degrees, between the spokes, off the vertices.
    fig.update_layout(polar=dict(angularaxis=dict(rotation=90, direction="clockwise"),
                                 radialaxis=dict(range=[0, 1], angle=45)),
                      # the spokes' names lie outside the polar area: a left margin wide
                      # enough for them, or a narrow card cuts the name at 9 o'clock
                      margin_l=90, legend_title_text=color, **SIZE)
    return fig


NOT_SUPPORTED = {}
SPEC_NOT_MET = {
    "parallel": {
        "legend": "go.Parcoords draws no legend entry (it colours lines by a number through "
        "a colour scale); a colour bar whose ticks name the categories stands in for it.",
    },
    "bubble": {
        "size legend": "plotly.js has no legend of marker sizes (plotly.py#3505): its legend "
        "names traces, and draws their symbols at 16 px at most.",
    },
    "linked": {
        "size": "plotly.js links a selection across panels only inside one scatter-plot "
        "matrix (go.Splom), which draws every pair of its dimensions: the x/y and x2/y2 "
        "views come with four more panels (x against x2, and so on), in a triangle of "
        "800 x 700 px. Two separate charts linked need a Python callback (Dash, or a "
        "FigureWidget).",
    },
}


if __name__ == "__main__":
    # Every chart on the bundled data, prepared as the gallery's cards prepare it: the
    # chart's columns, rows with a missing value left out.
    import json
    import sys
    from pathlib import Path

    import numpy as np
    import pandas as pd

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
        "tooltip": (penguins, {**xy, "label": "island"}),
        "linked": (penguins, {**xy, "x2": "flipper_length_mm", "y2": "body_mass_g"}),
        "widget": (penguins, xy),
        "animation": (gapminder, {"x": "gdpPercap", "y": "lifeExp", "size": "pop",
                                  "color": "continent", "time": "year"}),
        "density": (penguins, {"x": "body_mass_g", "color": "species"}),
        "ridgeline": (gapminder, {"x": "lifeExp", "color": "continent"}),
        "hexbin": (gapminder, {"x": "gdpPercap", "y": "lifeExp"}),
        "lollipop": (gapminder, {"x": "country", "y": "lifeExp", "time": "year"}),
        "stacked100": (penguins, {"x": "island", "color": "species"}),
        "treemap": (gapminder, {"color": "continent", "label": "country", "size": "pop",
                                "time": "year"}),
        "sankey": (penguins, {"color": "species", "via": "island", "target": "sex"}),
        "choropleth": (gapminder, {"geo": "iso_num", "value": "lifeExp", "time": "year"}),
        "splom": (penguins[[*measures, "species"]], {"color": "species"}),
        "parallel": (penguins[[*measures, "species"]], {"color": "species"}),
        "radar": (penguins[[*measures, "species"]], {"color": "species"}),
        "violin": (penguins, {"x": "species", "y": "body_mass_g"}),
        "area": (gapminder, {"time": "year", "y": "pop", "color": "continent"}),
        "pie": (penguins, {"color": "species"}),
    }
    charts = {}
    for kind, (frame, roles) in calls.items():
        if kind not in NOT_SUPPORTED:
            # a kind of measures draws every column it is given; the others their roles'
            columns = (list(frame.columns) if kind in ("heatmap", "splom", "parallel", "radar")
                       else list(dict.fromkeys(roles.values())))
            maps = [world] if kind == "choropleth" else []  # a map takes the world after df
            charts[kind] = globals()[kind](frame[columns].dropna(), *maps, **roles)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/plotly")
    out.mkdir(parents=True, exist_ok=True)
    # plotly.js fetches its own world outlines (topojson, from a CDN) for any map, even one
    # drawn from its own GeoJSON with no base layer: an empty topology, inlined, answers it
    # (the "#" makes the file name plotly.js appends a fragment).
    offline = {"topojsonURL": 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'}
    for kind, fig in charts.items():
        # plotly.js is inlined from the installed package: the page works offline.
        fig.write_html(out / f"{kind}.html", include_plotlyjs=True, config=offline)
        print("wrote", out / f"{kind}.html")
