"""The matplotlib-family extractor reads what each library drew, checked against the data,
and exposes hand-made charts that are wrong in ways a reader would see."""

from collections import Counter, defaultdict
from functools import cache

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from gallery.cleaning import prepare_data
from gallery.datasets import read_dataset
from gallery.kinds import FACET_COLUMNS, KINDS
from gallery.render import OK, UNSUPPORTED, render_cell
from gallery.verify.extract_matplotlib import extract

LIBRARIES = ["matplotlib", "seaborn", "plotnine", "holoviews_matplotlib", "pandas"]


@cache
def drawn(library, kind):
    """(scene, prepared rows, roles) of one live cell, or a skip when the library has none."""
    cell = render_cell(library, kind, live=True)
    if cell.status == UNSUPPORTED:  # declared; an error fails the test
        pytest.skip(f"{library} {kind}: {cell.status}")
    assert cell.status == OK, cell.message
    try:
        scene = extract(cell.payload)
    finally:
        plt.close(cell.payload)
    chart_kind = KINDS[kind]
    frame = read_dataset(chart_kind.default_dataset)
    try:  # what the cell drew: the renderer's own preparation when it exposes it
        from gallery.render import prepare_cell
        data = prepare_cell(frame, chart_kind, cell.roles, chart_kind.default_dataset, None).data
    except ImportError:
        data = prepare_data(frame, chart_kind, cell.roles).data
    return scene, data, cell.roles


def key(*values):
    return tuple(round(float(v), 6) for v in values)


def colour_by_category(points, data, roles, axes=("x", "y")):
    """Each category's set of point colours (for points at a position one category owns)."""
    owners = defaultdict(set)
    for row in data.itertuples(index=False):
        row = row._asdict()
        owners[key(*(row[roles[a]] for a in axes))].add(row[roles["color"]])
    found = defaultdict(set)
    for p in points:
        names = owners[key(*(getattr(p, a) for a in axes))]
        if len(names) == 1:
            found[next(iter(names))].add(p.color)
    return found


def assert_points_are_rows(scene, data, roles, axes=("x", "y")):
    points = scene.visible_points()
    assert Counter(key(*(getattr(p, a) for a in axes)) for p in points) == Counter(
        key(*values) for values in data[[roles[a] for a in axes]].itertuples(index=False))
    colours = colour_by_category(points, data, roles, axes)
    assert set(colours) == set(data[roles["color"]])
    assert all(len(c) == 1 for c in colours.values()), colours  # one colour per category
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)  # none shared
    if scene.legend:  # a bubble chart's legend also lists sizes
        assert set(colours) <= {e.label for e in scene.legend}
        assert all(colours[e.label] == {e.color} for e in scene.legend if e.label in colours)


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("kind", ["scatter", "regression", "bubble", "scatter3d"])
def test_every_row_is_one_point_coloured_by_its_category(library, kind):
    scene, data, roles = drawn(library, kind)
    assert_points_are_rows(scene, data, roles, ("x", "y", "z") if "z" in roles else ("x", "y"))
    assert len(scene.panels) == 1 and scene.width > 0 and scene.height > 0
    assert scene.panels[0].x.title == roles["x"]


@pytest.mark.parametrize("library", LIBRARIES)
def test_bubble_sizes_grow_with_the_size_column(library):
    scene, data, roles = drawn(library, "bubble")
    values = defaultdict(set)
    for x, y, size in data[[roles["x"], roles["y"], roles["size"]]].itertuples(index=False):
        values[key(x, y)].add(size)
    pairs = sorted((min(values[key(p.x, p.y)]), p.size) for p in scene.visible_points()
                   if len(values[key(p.x, p.y)]) == 1)  # a position only one size owns
    sizes = np.array([size for _, size in pairs])
    assert np.all(np.diff(sizes) >= -1e-6) and sizes[-1] > 1.3 * sizes[0]  # diameters


@pytest.mark.parametrize("library", LIBRARIES)
def test_facets_hold_their_own_rows(library):
    scene, data, roles = drawn(library, "facet")
    values = sorted(data[roles["facet"]].unique())
    assert len(scene.panels) == len(values)
    rows = {round(p.top) for p in scene.panels}  # wrapped after FACET_COLUMNS, top first
    assert len(rows) == -(-len(values) // FACET_COLUMNS)
    reading = [(round(p.top), p.left) for p in scene.panels]  # rows of panels, top first
    assert reading == sorted(reading)
    for index, panel in enumerate(scene.panels):
        value = next(v for v in values if panel.title.endswith(v))
        rows = data[data[roles["facet"]] == value]
        shown = [p for p in scene.visible_points() if p.panel == index]
        assert Counter(key(p.x, p.y) for p in shown) == Counter(
            key(x, y) for x, y in rows[[roles["x"], roles["y"]]].itertuples(index=False))


@pytest.mark.parametrize("library", LIBRARIES)
def test_lines_are_the_yearly_means(library):
    scene, data, roles = drawn(library, "line")
    means = data.groupby([roles["color"], roles["time"]])[roles["y"]].mean()
    lines = [line for line in scene.lines if line.alpha > 0]
    assert len(lines) == data[roles["color"]].nunique()
    by_colour = {}
    for name, series in means.groupby(level=0):
        line = next(li for li in lines if np.allclose(li.ys, series.values)
                    and np.allclose(li.xs, series.index.get_level_values(1)))
        by_colour[name] = line.color
    assert len(set(by_colour.values())) == len(by_colour)
    assert all(by_colour[e.label] == e.color for e in scene.legend)


@pytest.mark.parametrize("library", LIBRARIES)
def test_bars_are_the_group_means(library):
    scene, data, roles = drawn(library, "bar")
    means = data.groupby([roles["x"], roles["color"]], observed=True)[roles["y"]].mean()
    bars = [r for r in scene.rects if r.alpha > 0]
    assert sorted((r.x0, round(r.y1 - r.y0, 6)) for r in bars) == sorted(
        (x, round(m, 6)) for (x, _), m in means.items())
    assert all(r.x0 == r.x1 for r in bars)
    assert set(scene.panels[0].x.categories) == set(data[roles["x"]])
    for entry in scene.legend:  # each legend colour is one colour group's means
        heights = {(r.x0, round(r.y1 - r.y0, 6)) for r in bars if r.color == entry.color}
        assert heights == {(x, round(m, 6)) for (x, c), m in means.items() if c == entry.label}
    order = defaultdict(list)  # dodged bars: the same colour sequence in every group
    for r in sorted(bars, key=lambda r: r.order):
        order[r.x0].append(r.color)
    assert len({tuple(colours) for colours in order.values()}) == 1


@pytest.mark.parametrize("library", LIBRARIES)
def test_histogram_bins_count_every_row(library):
    scene, data, roles = drawn(library, "histogram")
    totals = Counter()
    for rect in scene.rects:
        if rect.alpha > 0:
            totals[rect.color] += rect.y1 - rect.y0
    counts = data[roles["color"]].value_counts()
    assert sorted(round(t) for t in totals.values()) == sorted(counts.values)
    assert len([r for r in scene.rects if r.alpha > 0]) > 3 * len(counts)  # bins, not one
    for entry in scene.legend:
        assert round(totals[entry.color]) == counts[entry.label]


@pytest.mark.parametrize("library", LIBRARIES)
def test_boxes_are_the_quartiles(library):
    scene, data, roles = drawn(library, "box")
    assert sorted(b.category for b in scene.boxes) == sorted(data[roles["x"]].unique())
    for box in scene.boxes:
        values = np.sort(data.loc[data[roles["x"]] == box.category, roles["y"]].to_numpy())
        q1, median, q3 = np.percentile(values, [25, 50, 75])
        assert np.allclose([box.q1, box.median, box.q3], [q1, median, q3])
        inside = values[(values >= q1 - 1.5 * (q3 - q1)) & (values <= q3 + 1.5 * (q3 - q1))]
        assert (box.low, box.high) == (inside.min(), inside.max())
        assert list(box.outliers) == [v for v in values if v < box.low or v > box.high]


@pytest.mark.parametrize("library", LIBRARIES)
def test_heatmap_cells_are_the_correlations(library):
    scene, data, _ = drawn(library, "heatmap")
    corr = data.select_dtypes("number").corr()
    names = set(corr.columns)
    cells = [r for r in scene.rects if r.alpha > 0]
    assert len(cells) == len(names) ** 2
    assert {(r.x0, r.y0) for r in cells} == {(a, b) for a in names for b in names}
    assert set(scene.panels[0].x.categories) == set(scene.panels[0].y.categories) == names
    for cell in cells:
        if cell.value is not None:
            assert cell.value == pytest.approx(corr.loc[cell.y0, cell.x0])
    assert any(cell.value is not None for cell in cells) or library == "plotnine"
    assert len(scene.texts) == len(cells)  # the value written in each cell, where it is
    for text in scene.texts:
        assert float(text.text.replace("\u2212", "-")) == pytest.approx(
            corr.loc[text.y, text.x], abs=0.006)


# -- hand-made figures, wrong in ways the scene must show --------------------------------

def figure():
    fig = Figure(figsize=(4, 3), dpi=100)
    return fig, fig.subplots()


def test_transparent_hidden_and_clipped_marks_have_alpha_zero():
    fig, ax = figure()
    ax.scatter([1, 2, 3], [1, 2, 3], alpha=0)
    ax.scatter([1, 2], [1, 2]).set_visible(False)
    ax.bar(["a", "b"], [1, 2])[0].set_visible(False)
    ax.plot([0, 1], [0, 1]).pop().set_visible(False)
    ax.plot([5, 1.5], [1.5, 5], "o")  # (5, 1.5) lies outside the view set below
    ax.set_xlim(0, 3)
    scene = extract(fig)
    assert [p.alpha for p in scene.points] == [0, 0, 0, 0, 0, 0, 1]
    assert sorted(r.alpha for r in scene.rects) == [0, 1]
    assert [line.alpha for line in scene.lines] == [0]


def test_a_scatter_drawn_twice_shows_every_point_twice():
    fig, ax = figure()
    for _ in range(2):
        ax.scatter([1, 2, 3], [3, 1, 2], color="red")
    scene = extract(fig)
    assert Counter((p.x, p.y) for p in scene.points) == {(1, 3): 2, (2, 1): 2, (3, 2): 2}
    assert {p.color for p in scene.points} == {"#ff0000"}


def test_a_one_bin_histogram_is_one_rect():
    fig, ax = figure()
    ax.hist(np.arange(100.0), bins=1)
    scene = extract(fig)
    assert [(r.x0, r.x1, r.y1) for r in scene.rects] == [(0, 99, 100)]


def test_boxes_of_missing_data_are_absent_and_nan_points_skipped():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=50), rng.normal(2, size=50)
    fig, ax = figure()
    ax.boxplot([a, [np.nan] * 5, b, [np.nan]], tick_labels=list("ABCD"))
    ax.plot([1, np.nan], [np.nan, 2], "o")
    scene = extract(fig)
    assert [box.category for box in scene.boxes] == ["A", "C"]
    assert scene.boxes[1].median == pytest.approx(np.median(b))
    assert scene.panels[0].x.categories == ("A", "B", "C", "D")
    assert len(scene.points) == len(scene.boxes[0].outliers) + len(scene.boxes[1].outliers)


def test_horizontal_boxes_read_along_the_categorical_y():
    values = np.r_[np.arange(20.0), 100]
    fig, ax = figure()
    ax.boxplot([values, values + 5], tick_labels=["low", "high"], orientation="horizontal",
               patch_artist=True)
    low, high = extract(fig).boxes
    assert (low.category, low.median, low.outliers) == ("low", 10, (100,))
    assert (high.category, high.median, high.high) == ("high", 15, 24)


def test_image_cells_keep_values_and_place_row_zero_on_top():
    fig, ax = figure()
    ax.imshow([[0.0, 1.0], [2.0, np.nan]], cmap="gray")
    cells = extract(fig).rects
    assert [(c.x0, c.y0, c.value) for c in cells[:3]] == [(-0.5, -0.5, 0), (0.5, -0.5, 1),
                                                           (-0.5, 0.5, 2)]
    assert cells[0].color == "#000000" and cells[3].alpha == 0  # NaN: the transparent bad colour


def test_a_colour_bar_naming_categories_is_no_legend():
    import pandas as pd

    frame = pd.DataFrame({"x": [1.0, 2, 3], "y": [3.0, 1, 2],
                          "kind": pd.Categorical(["a", "b", "c"])})
    ax = frame.plot.scatter(x="x", y="y", c="kind", cmap="viridis")  # a colour bar: a, b, c
    try:
        scene = extract(ax.figure)
    finally:
        plt.close(ax.figure)
    assert scene.legend == ()
    assert len(scene.panels) == 1 and len(scene.visible_points()) == 3


def test_a_legend_kept_with_add_artist_is_read_too():
    fig, ax = figure()
    ax.plot([1, 2], [1, 2], color="red", label="first")
    ax.add_artist(ax.legend(loc="upper left"))  # matplotlib's way to keep a second legend
    line = ax.plot([1, 2], [2, 1], color="blue")[0]
    ax.legend([line], ["second"], loc="lower right")
    scene = extract(fig)
    assert {(e.label, e.color) for e in scene.legend} == {("first", "#ff0000"),
                                                          ("second", "#0000ff")}
    assert not any("Legend" in note for note in scene.notes)


def test_category_keys_of_different_sizes_are_no_size_legend():
    fig, ax = figure()
    ax.scatter([1, 2], [1, 2], s=[400, 10], label="big")  # keys drawn at each group's size
    ax.scatter([3, 4], [3, 4], s=[5, 10], label="small")
    ax.legend()
    keys = [ax.scatter([], [], s=s, color="grey") for s in (10, 100, 400)]
    fig.legend(keys, ["10", "100", "400"])  # a size key: labelled with values
    entries = {e.label: e.size for e in extract(fig).legend}
    assert entries["big"] is None and entries["small"] is None
    assert entries["10"] < entries["100"] < entries["400"]
