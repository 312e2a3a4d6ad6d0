"""The bokeh-family extractor reads what BokehJS would draw: checked against the data for
each library's current examples, and on hand-made figures that are wrong in ways the
Scene must expose (hidden, filtered, doubled rows; a whisker outside the range)."""

from collections import Counter
from functools import cache

import numpy as np
import pytest
from bokeh.models import (
    CDSView,
    ColumnDataSource,
    GroupFilter,
    IndexFilter,
    Legend,
    LegendItem,
    Range1d,
    Whisker,
)
from bokeh.plotting import figure
from bokeh.transform import factor_cmap, linear_cmap

from gallery.datasets import read_dataset
from gallery.kinds import KINDS
from gallery.render import OK, UNSUPPORTED, prepare_cell, render_cell
from gallery.verify.checks import tukey
from gallery.verify.extract_bokeh import color_of, extract

LIBRARIES = ("bokeh", "holoviews", "hvplot", "pandas_bokeh", "chartify")


@cache
def _drawn(library, kind):
    cell = render_cell(library, kind, live=True)
    if cell.status == UNSUPPORTED:  # declared; an error fails the test
        return None
    assert cell.status == OK, cell.message
    dataset = KINDS[kind].default_dataset  # the rows the cell drew, prepared the same way
    data = prepare_cell(read_dataset(dataset), KINDS[kind], None, dataset, None).data
    return extract(cell.payload), data, cell.roles


def drawn(library, kind):
    got = _drawn(library, kind)
    if got is None:
        pytest.skip(f"{library} does not draw {kind}")
    return got


def _sorted_xy(xy):
    xy = np.round(np.asarray(xy, dtype=float).reshape(-1, 2), 6)
    return xy[np.lexsort((xy[:, 1], xy[:, 0]))]


def assert_points_are_rows(points, data, roles):
    """Every row one visible point, and each category's rows exactly one colour's points."""
    shown = [p for p in points if p.alpha > 0.05]
    x, y, color = roles["x"], roles["y"], roles["color"]
    assert len(shown) == len(points) == len(data)
    assert np.array_equal(_sorted_xy([(p.x, p.y) for p in shown]), _sorted_xy(data[[x, y]]))
    by_color = {c: _sorted_xy([(p.x, p.y) for p in shown if p.color == c])
                for c in {p.color for p in shown}}
    categories = data[color].astype(str).unique()
    assert len(by_color) == len(categories)
    for name in categories:
        rows = _sorted_xy(data.loc[data[color].astype(str) == name, [x, y]])
        assert sum(np.array_equal(rows, xy) for xy in by_color.values()) == 1, name


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("kind", ["scatter", "bubble", "regression", "facet"])
def test_points_are_the_data_rows_one_colour_per_category(library, kind):
    scene, data, roles = drawn(library, kind)
    assert_points_are_rows(scene.points, data, roles)
    labels = list(dict.fromkeys(e.label for e in scene.legend))
    assert sorted(labels) == sorted(data[roles["color"]].astype(str).unique())
    legend = {e.label: e.color for e in scene.legend}
    for name, color in legend.items():  # the legend's colour is its category's points'
        rows = data[data[roles["color"]].astype(str) == name]
        assert sum(p.color == color for p in scene.points) == len(rows)


@pytest.mark.parametrize("library", LIBRARIES)
def test_facet_panels_hold_their_subsets_in_reading_order(library):
    scene, data, roles = drawn(library, "facet")
    values = sorted(data[roles["facet"]].astype(str).unique())
    assert [v in p.title for v, p in zip(values, scene.panels, strict=True)] == [True] * 3
    reading = [(round(p.top), p.left) for p in scene.panels]  # rows of panels, top first
    assert reading == sorted(reading)
    for index, value in enumerate(values):
        subset = data[data[roles["facet"]].astype(str) == value]
        mine = [p for p in scene.points if p.panel == index]
        assert _sorted_xy([(p.x, p.y) for p in mine]).tolist() == \
            _sorted_xy(subset[[roles["x"], roles["y"]]]).tolist()


@pytest.mark.parametrize("library", LIBRARIES)
def test_regression_draws_one_fit_per_category(library):
    scene, data, roles = drawn(library, "regression")
    colors = {e.label: e.color for e in scene.legend}
    for name, group in data.groupby(roles["color"]):
        slope, intercept = np.polyfit(group[roles["x"]], group[roles["y"]], 1)
        fits = [line for line in scene.lines if line.color == colors[str(name)]]
        assert len(fits) == 1
        xs, ys = np.array(fits[0].xs), np.array(fits[0].ys)
        assert np.allclose(ys, slope * xs + intercept)


@pytest.mark.parametrize("library", LIBRARIES)
def test_lines_run_through_the_group_means(library):
    scene, data, roles = drawn(library, "line")
    means = data.groupby([roles["color"], roles["time"]])[roles["y"]].mean()
    colors = {e.label: e.color for e in scene.legend}
    assert sorted(colors) == sorted(data[roles["color"]].unique())
    for name in colors:
        (line,) = [line for line in scene.lines if line.color == colors[name]]
        assert np.allclose(line.xs, means[name].index) and np.allclose(line.ys, means[name])


@pytest.mark.parametrize("library", LIBRARIES)
def test_bar_heights_are_the_group_means_side_by_side(library):
    scene, data, roles = drawn(library, "bar")
    means = data.groupby([roles["x"], roles["color"]])[roles["y"]].mean()
    bars = [r for r in scene.rects if r.alpha > 0.05]
    assert sorted((r.x0, round(r.y1 - r.y0, 6)) for r in bars) == \
        sorted((str(x), round(m, 6)) for (x, _), m in means.items())
    assert all(r.x0 == r.x1 and r.y0 == 0 for r in bars)
    assert len({r.color for r in bars}) == data[roles["color"]].nunique()
    for group in {r.x0 for r in bars}:
        mine = sorted((r for r in bars if r.x0 == group), key=lambda r: r.order)
        assert len({r.order for r in mine}) == len({r.color for r in mine}) == len(mine)
    assert set(scene.panels[0].x.categories) == set(data[roles["x"]].astype(str))


@pytest.mark.parametrize("library", LIBRARIES)
def test_histogram_bins_add_up_to_each_category(library):
    scene, data, roles = drawn(library, "histogram")
    colors = {e.label: e.color for e in scene.legend}
    counts = data[roles["color"]].astype(str).value_counts()
    assert sorted(colors) == sorted(counts.index)
    edges = np.histogram_bin_edges(data[roles["x"]], bins=20)
    for name, color in colors.items():
        bins = [r for r in scene.rects if r.color == color and r.alpha > 0.05]
        assert sum(r.y1 - r.y0 for r in bins) == pytest.approx(counts[name])
        assert np.allclose(sorted(r.x0 for r in bins), edges[:-1])


@pytest.mark.parametrize("library", LIBRARIES)
def test_boxes_are_tukey_boxes(library):
    scene, data, roles = drawn(library, "box")
    boxes = {box.category: box for box in scene.boxes}
    assert sorted(boxes) == sorted(data[roles["x"]].astype(str).unique())
    for name, group in data.groupby(roles["x"]):
        want, box = tukey(group[roles["y"]]), boxes[str(name)]
        for key in ("q1", "median", "q3", "low", "high"):
            assert getattr(box, key) == pytest.approx(want[key]), (name, key)
        assert box.outliers == pytest.approx(tuple(want["outliers"]))


@pytest.mark.parametrize("library", LIBRARIES)
def test_heatmap_cells_hold_the_correlations(library):
    scene, data, _ = drawn(library, "heatmap")
    corr = data.select_dtypes("number").corr()
    cells = {(r.x0, r.y0): r.value for r in scene.rects if r.alpha > 0.05}
    assert len(cells) == corr.size
    for (column, row), value in cells.items():
        assert value == pytest.approx(corr.loc[row, column], abs=0.006)
    for text in scene.texts:  # values written in the cells, where a library writes them
        assert float(text.text) == pytest.approx(corr.loc[text.y, text.x], abs=0.006)
    assert set(scene.panels[0].x.categories) == set(corr.columns)


# --- hand-made figures that are wrong ---------------------------------------------------

XY = {"x": np.arange(10.0), "y": np.arange(10.0) ** 2}


def test_a_view_showing_3_rows_leaves_the_others_invisible():
    p = figure()
    p.scatter("x", "y", source=ColumnDataSource(XY), view=CDSView(filter=IndexFilter([1, 4, 7])))
    scene = extract(p)
    assert len(scene.points) == 10 and len(scene.visible_points()) == 3
    assert [p.x for p in scene.visible_points()] == [1.0, 4.0, 7.0]
    assert scene.panels[0].x.low == pytest.approx(1 - 0.3) and not scene.notes


@pytest.mark.parametrize("options", [{"visible": False}, {"alpha": 0},
                                     {"fill_alpha": 0, "line_alpha": 0}])
def test_hidden_or_transparent_points_have_alpha_0(options):
    p = figure()
    p.scatter("x", "y", source=ColumnDataSource(XY), **options)
    scene = extract(p)
    assert len(scene.points) == 10 and all(pt.alpha == 0 for pt in scene.points)


def test_an_unfilled_marker_is_seen_in_its_outline():
    p = figure()
    p.scatter("x", "y", source=ColumnDataSource(XY), fill_alpha=0, line_color="crimson")
    assert {(pt.color, pt.alpha) for pt in extract(p).points} == {("#dc143c", 1.0)}


def test_rows_drawn_twice_are_two_points_each():
    p = figure()
    source = ColumnDataSource(XY)
    p.scatter("x", "y", source=source)
    p.scatter("x", "y", source=source)
    assert Counter(pt.x for pt in extract(p).points) == {x: 2 for x in XY["x"]}


def test_a_whisker_past_the_range_end_is_reported_with_the_range():
    stats = ColumnDataSource({"g": ["a", "b"], "q1": [1, 2], "q2": [2, 3], "q3": [3, 4],
                              "low": [0, 1], "high": [4, 12]})
    p = figure(x_range=["a", "b"], y_range=Range1d(0, 10))
    p.vbar("g", 0.7, "q2", "q1", source=stats, fill_color=factor_cmap("g", ["red", "blue"],
                                                                       ["a", "b"]))
    p.vbar("g", 0.7, "q3", "q2", source=stats, fill_color="red")
    p.add_layout(Whisker(base="g", lower="low", upper="high", source=stats))
    scene = extract(p)
    boxes = {box.category: box for box in scene.boxes}
    assert (boxes["b"].q1, boxes["b"].median, boxes["b"].q3, boxes["b"].high) == (2, 3, 4, 12)
    assert boxes["a"].color == "#ff0000" and boxes["b"].color == "#0000ff"
    assert scene.panels[0].y.high == 10 and boxes["b"].high > scene.panels[0].y.high
    p.y_range = figure().y_range  # auto-ranging ignores the Whisker annotation
    assert extract(p).panels[0].y.high == pytest.approx(4 + 0.1 * 3 / 2)


def test_colour_mappers_are_applied_as_bokehjs_does():
    source = ColumnDataSource({"x": [0, 1, 2, 3, 4], "v": [-5, -0.01, 0.99, 5, np.nan],
                               "g": ["a", "b", "c", "a", "b"]})
    p = figure()
    p.rect("x", 0, 1, 1, source=source, fill_color=linear_cmap("v", ["#000000", "#ffffff"], -1, 1,
                                                               nan_color="pink"))
    p.scatter("x", 1, source=source, legend_field="g",
              color=factor_cmap("g", ["navy", "rgb(0, 128, 0)"], ["a", "b"], nan_color="gold"))
    scene = extract(p)
    assert [r.color for r in scene.rects] == ["#000000", "#000000", "#ffffff", "#ffffff",
                                              "#ffc0cb"]
    assert [r.value for r in scene.rects][:4] == [-5, -0.01, 0.99, 5]
    assert [pt.color for pt in scene.points] == ["#000080", "#008000", "#ffd700", "#000080",
                                                 "#008000"]
    assert [(e.label, e.color) for e in scene.legend] == [("a", "#000080"), ("b", "#008000"),
                                                          ("c", "#ffd700")]
    assert color_of("#ABC") == ("#aabbcc", 1.0) and color_of("transparent") == ("", 0.0)


def test_legend_keys_of_markers_are_one_size_whatever_the_glyph_size():
    # BokehJS draws a marker's key at 0.4 x the legend's glyph box: sized scatters with a
    # label each are no legend of sizes
    p = figure()
    for size in (5, 20, 40):
        p.scatter([1], [size], size=size, legend_label=f"{size} px")
    p.legend.glyph_height = 30
    scene = extract(p)
    assert [(e.label, e.size) for e in scene.legend] == [("5 px", 8.0), ("20 px", 8.0),
                                                         ("40 px", 8.0)]
    p.scatter([2], [2], radius=1, legend_label="circle")  # a Circle's radius is 0.2 x the box
    assert extract(p).legend[-1].size == 8.0


def test_a_legend_item_whose_renderers_draw_no_rows_has_no_key():
    # BokehJS skips the key of a renderer with no rows in its view (data_size 0): the
    # label stands alone, or takes the next renderer's key
    source = ColumnDataSource({"x": [1, 2, 3], "y": [1, 2, 3], "g": ["a", "a", "b"]})
    p = figure()
    p.scatter([], [], color="red", legend_label="empty")
    none = p.scatter("x", "y", source=source, color="blue", legend_label="filtered",
                     view=CDSView(filter=GroupFilter(column_name="g", group="z")))
    shown = p.line("x", "y", source=source, color="green")
    p.add_layout(Legend(items=[LegendItem(label="both", renderers=[none, shown])]))
    assert [(e.label, e.color) for e in extract(p).legend] == [
        ("empty", ""), ("filtered", ""), ("both", "#008000")]


def test_a_legend_key_takes_the_look_of_the_first_row_in_view():
    source = ColumnDataSource({"x": [1, 2, 3], "y": [1, 2, 3], "c": ["red", "blue", "gold"],
                               "g": ["a", "b", "b"]})
    p = figure()
    p.scatter("x", "y", source=source, color="c", legend_label="b only",
              view=CDSView(filter=GroupFilter(column_name="g", group="b")))
    assert [(e.label, e.color) for e in extract(p).legend] == [("b only", "#0000ff")]
