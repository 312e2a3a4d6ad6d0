"""gallery.verify.extract_vega reads what Vega drew, checked against the data itself.

Every number here is computed from the prepared data with pandas/numpy, never from the
spec, so a chart that aggregates, bins, filters or hides marks wrongly shows up as a
difference."""

from __future__ import annotations

import copy
import time
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd
import pytest

from gallery import render
from gallery.cleaning import prepare_data
from gallery.datasets import read_dataset
from gallery.kinds import KINDS
from gallery.render import OK, render_cell
from gallery.renderers.vega_specs import MAX_ROWS
from gallery.verify.extract_vega import extract, parse_color, parse_number
from gallery.verify.scene import Scene

LIBRARIES = ("vega_lite", "altair")


@cache
def drawn(library: str, kind: str) -> tuple[Scene, pd.DataFrame, dict[str, str], dict]:
    """The scene of one example on its kind's default dataset, the rows it was drawn
    from, its roles and the Vega-Lite spec."""
    cell = render_cell(library, kind, live=True)
    assert cell.status == OK, cell.message
    chart_kind, dataset = KINDS[kind], KINDS[kind].default_dataset
    frame = read_dataset(dataset)
    if hasattr(render, "prepare_cell"):  # the rows a cell draws, as gallery.verify reads them
        data = render.prepare_cell(frame, chart_kind, None, dataset, MAX_ROWS).data
    else:
        data = prepare_data(frame, chart_kind, cell.roles, MAX_ROWS).data
    assert kind == "heatmap" or cell.rows == len(data)  # the heatmap inlines its cells
    return extract(cell.payload), data, cell.roles, cell.payload


def span(axis) -> float:
    return abs(axis.high - axis.low)


def sorted_pairs(xs, ys, x_span: float, y_span: float) -> np.ndarray:
    # Rounded to a millionth of the axis span, so that pixel round-off cannot reorder ties.
    pairs = sorted(zip(np.round(np.asarray(xs, float) / x_span, 6) * x_span,
                       np.round(np.asarray(ys, float) / y_span, 6) * y_span, strict=True))
    return np.array(pairs)


def assert_points_are_rows(scene: Scene, data: pd.DataFrame, roles: dict[str, str],
                           panel: int | None = None) -> None:
    """One visible point per row at the row's (x, y), within 0.5% of the axis span, and
    one colour per category, the legend's."""
    points = [p for p in scene.points if panel is None or p.panel == panel]
    axes = scene.panels[points[0].panel]
    x_span, y_span = span(axes.x), span(axes.y)
    assert len(points) == len(data)
    assert all(p.alpha > 0.05 for p in points)
    # Each point is matched to its row by position: both sorted the same way.
    order = np.lexsort((data[roles["y"]].to_numpy(), data[roles["x"]].to_numpy()))
    rows = data.iloc[order]
    ours = sorted(points, key=lambda p: (round(p.x / x_span, 6), round(p.y / y_span, 6)))
    assert np.allclose([p.x for p in ours], rows[roles["x"]], atol=0.005 * x_span, rtol=0)
    assert np.allclose([p.y for p in ours], rows[roles["y"]], atol=0.005 * y_span, rtol=0)
    colors = {}
    for point, category in zip(ours, rows[roles["color"]].astype(str), strict=True):
        colors.setdefault(category, set()).add(point.color)
    assert all(len(found) == 1 for found in colors.values()), colors
    by_category = {category: found.pop() for category, found in colors.items()}
    assert len(set(by_category.values())) == len(by_category)
    legend = {entry.label: entry.color for entry in scene.legend if entry.size is None}
    assert {category: legend.get(category) for category in by_category} == by_category


# --- the gallery's examples, read and compared with the data -------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("kind", ["scatter", "regression", "bubble"])
def test_points_are_the_data_rows(library, kind):
    scene, data, roles, _ = drawn(library, kind)
    assert len(scene.panels) == 1
    assert scene.panels[0].x.title == roles["x"] and scene.panels[0].y.title == roles["y"]
    assert scene.panels[0].x.low < data[roles["x"]].min() <= data[roles["x"]].max() \
        < scene.panels[0].x.high
    assert_points_are_rows(scene, data, roles)
    assert scene.width > 0 and scene.height > 0 and not scene.notes


@pytest.mark.parametrize("library", LIBRARIES)
def test_facet_panels_hold_their_rows(library):
    scene, data, roles, _ = drawn(library, "facet")
    values = sorted(data[roles["facet"]].astype(str).unique())
    assert [panel.title for panel in scene.panels] == values
    reading = [(round(p.top), p.left) for p in scene.panels]  # rows of panels, top first
    assert reading == sorted(reading)
    assert len({(p.x.low, p.x.high) for p in scene.panels}) <= len(values)
    for index, value in enumerate(values):
        subset = data[data[roles["facet"]].astype(str) == value]
        assert_points_are_rows(scene, subset, roles, panel=index)


@pytest.mark.parametrize("library", LIBRARIES)
def test_bubble_sizes_grow_with_the_size_column(library):
    scene, data, roles, _ = drawn(library, "bubble")
    # Same sort as assert_points_are_rows: points and rows paired by position.
    x_span, y_span = span(scene.panels[0].x), span(scene.panels[0].y)
    ours = sorted(scene.points, key=lambda p: (round(p.x / x_span, 6), round(p.y / y_span, 6)))
    rows = data.iloc[np.lexsort((data[roles["y"]].to_numpy(), data[roles["x"]].to_numpy()))]
    areas = np.array([p.size for p in ours]) ** 2
    assert np.corrcoef(areas, rows[roles["size"]])[0, 1] > 0.99  # area is linear in the value
    sized = [entry for entry in scene.legend if entry.size is not None]
    assert len(sized) >= 3 and [e.size for e in sized] == sorted(e.size for e in sized)


@pytest.mark.parametrize("library", LIBRARIES)
def test_line_markers_are_the_group_means(library):
    scene, data, roles, _ = drawn(library, "line")
    means = data.groupby([roles["color"], roles["time"]])[roles["y"]].mean()
    legend = {entry.color: entry.label for entry in scene.legend}
    assert len(scene.lines) == data[roles["color"]].nunique()
    drawn_means = {(legend[p.color], round(p.x)): p.y for p in scene.points}
    assert drawn_means.keys() == {(str(c), t) for c, t in means.index}
    for (category, year), mean in means.items():
        assert drawn_means[(str(category), year)] == pytest.approx(mean, rel=1e-6)
    for line in scene.lines:  # each line runs through its markers, in time order
        assert list(line.xs) == sorted(line.xs)
        assert all(drawn_means[(legend[line.color], round(x))] == pytest.approx(y)
                   for x, y in zip(line.xs, line.ys, strict=True))


@pytest.mark.parametrize("library", LIBRARIES)
def test_regression_lines_are_least_squares_fits(library):
    scene, data, roles, _ = drawn(library, "regression")
    legend = {entry.color: entry.label for entry in scene.legend}
    assert len(scene.lines) == data[roles["color"]].nunique()
    for line in scene.lines:
        group = data[data[roles["color"]].astype(str) == legend[line.color]]
        slope, intercept = np.polyfit(group[roles["x"]], group[roles["y"]], 1)
        assert min(line.xs) == pytest.approx(group[roles["x"]].min(), abs=1e-6)
        assert max(line.xs) == pytest.approx(group[roles["x"]].max(), abs=1e-6)
        assert np.allclose(line.ys, slope * np.array(line.xs) + intercept, atol=1e-6)


@pytest.mark.parametrize("library", LIBRARIES)
def test_bar_heights_are_group_means_side_by_side(library):
    scene, data, roles, _ = drawn(library, "bar")
    means = data.groupby([roles["x"], roles["color"]])[roles["y"]].mean()
    legend = {entry.color: entry.label for entry in scene.legend}
    assert len(scene.rects) == len(means)
    heights = {(r.x0, legend[r.color]): r.y1 - r.y0 for r in scene.rects}
    assert all(r.x0 == r.x1 and r.y0 == pytest.approx(0, abs=1e-9) for r in scene.rects)
    for (x, color), mean in means.items():
        assert heights[(str(x), str(color))] == pytest.approx(mean, rel=1e-6)
    for category in scene.panels[0].x.categories:  # dodged: colours left to right
        bars = sorted((r for r in scene.rects if r.x0 == category), key=lambda r: r.order)
        assert [legend[r.color] for r in bars] == sorted(legend[r.color] for r in bars)
    assert list(scene.panels[0].x.categories) == sorted(data[roles["x"]].astype(str).unique())


@pytest.mark.parametrize("library", LIBRARIES)
def test_histogram_counts_are_the_rows_in_each_bin(library):
    scene, data, roles, _ = drawn(library, "histogram")
    legend = {entry.color: entry.label for entry in scene.legend}
    x, color = data[roles["x"]], data[roles["color"]].astype(str)
    totals = Counter()
    for rect in scene.rects:
        count = rect.y1 - rect.y0
        assert count == pytest.approx(round(count), abs=1e-6)  # stacked counts
        category = legend[rect.color]
        totals[category] += round(count)
        # Bins are half-open except the last, which holds the largest value; edges read
        # from pixels carry float noise, far below the data's precision.
        eps = 1e-6 * span(scene.panels[0].x)
        last = rect.x1 >= max(r.x1 for r in scene.rects) - eps
        inside = (x >= rect.x0 - eps) & ((x < rect.x1 - eps) | (last & (x <= rect.x1 + eps)))
        assert int((inside & (color == category)).sum()) == round(count)
    assert totals == Counter(color)
    assert sorted(legend.values()) == sorted(color.unique())


@pytest.mark.parametrize("library", LIBRARIES)
def test_box_quartiles_whiskers_and_outliers(library):
    scene, data, roles, _ = drawn(library, "box")
    categories = sorted(data[roles["x"]].astype(str).unique())
    assert sorted(box.category for box in scene.boxes) == categories
    assert list(scene.panels[0].x.categories) == categories
    for box in scene.boxes:
        values = data.loc[data[roles["x"]].astype(str) == box.category, roles["y"]]
        # Vega's q1/median/q3 aggregate ops sort the values and take d3's
        # quantileSorted: linear interpolation at (n - 1) * p, numpy's default method.
        q1, median, q3 = np.percentile(values, [25, 50, 75])
        tolerance = 1e-6 * span(scene.panels[0].y)
        assert (box.q1, box.median, box.q3) == pytest.approx((q1, median, q3), abs=tolerance)
        # Whiskers reach the furthest values within 1.5 IQR; the rest are outliers.
        inside = values[(values >= q1 - 1.5 * (q3 - q1)) & (values <= q3 + 1.5 * (q3 - q1))]
        assert (box.low, box.high) == pytest.approx((inside.min(), inside.max()), abs=tolerance)
        beyond = sorted(values[~values.isin(inside)])
        assert box.outliers == pytest.approx(beyond, abs=tolerance)
    assert len({box.color for box in scene.boxes}) == len(categories)


@pytest.mark.parametrize("library", LIBRARIES)
def test_heatmap_cells_and_values_are_the_correlations(library):
    scene, data, _, _ = drawn(library, "heatmap")
    corr = data.select_dtypes("number").corr()
    names = [str(c) for c in corr.columns]
    assert len(scene.rects) == len(names) ** 2 in (16, 25)
    assert {(r.x0, r.y0) for r in scene.rects} == {(c, r) for c in names for r in names}
    assert list(scene.panels[0].x.categories) == names
    assert list(scene.panels[0].y.categories) == names[::-1]  # bottom to top
    assert len(scene.texts) == len(names) ** 2
    for text in scene.texts:
        assert float(text.text.replace("\u2212", "-")) == round(corr.loc[text.y, text.x], 2)
    assert any("colour bar" in note for note in scene.notes)


# --- wrong charts the extraction must expose ------------------------------------------------


def test_a_bar_without_aggregate_stacks_sums():
    _, data, roles, spec = drawn("vega_lite", "bar")
    wrong = copy.deepcopy(spec)
    del wrong["encoding"]["y"]["aggregate"]
    scene = extract(wrong)
    assert len(scene.rects) == len(data)  # one bar per row, not per group
    sums = data.groupby([roles["x"], roles["color"]])[roles["y"]].sum()
    legend = {entry.color: entry.label for entry in scene.legend}
    heights = Counter()
    for rect in scene.rects:
        heights[(rect.x0, legend[rect.color])] += rect.y1 - rect.y0
    for key, total in sums.items():
        assert heights[tuple(map(str, key))] == pytest.approx(total, rel=1e-6)
    # Each (x, colour) column is stacked: one rect's top is the next one's bottom.
    tops = max(r.y1 for r in scene.rects)
    assert tops == pytest.approx(sums.max(), rel=1e-6)


def test_a_filter_transform_leaves_out_points():
    _, data, roles, spec = drawn("vega_lite", "scatter")
    wrong = copy.deepcopy(spec)
    wrong["transform"] = [{"filter": "datum.species == 'Adelie'"}]
    scene = extract(wrong)
    assert len(scene.points) == int((data[roles["color"]] == "Adelie").sum()) < len(data)
    assert [entry.label for entry in scene.legend] == ["Adelie"]


def test_opacity_zero_points_exist_but_are_not_seen():
    _, data, _, spec = drawn("altair", "scatter")
    wrong = copy.deepcopy(spec)
    wrong["mark"] = {"type": "point", "opacity": 0}
    scene = extract(wrong)
    assert len(scene.points) == len(data)
    assert {p.alpha for p in scene.points} == {0.0} and scene.visible_points() == []


def test_duplicated_data_draws_every_point_twice():
    _, data, roles, spec = drawn("vega_lite", "scatter")
    wrong = copy.deepcopy(spec)
    wrong["data"]["values"] = wrong["data"]["values"] * 2
    scene = extract(wrong)
    assert len(scene.points) == 2 * len(data)
    seen = Counter((round(p.x, 6), round(p.y, 6)) for p in scene.points)
    assert min(seen.values()) >= 2


# --- layouts the examples may move to -----------------------------------------------------


def test_container_width_is_read_at_600_px_and_said():
    _, data, roles, spec = drawn("vega_lite", "scatter")
    sized = {**spec, "width": "container"}
    scene = extract(sized)
    assert any('"container"' in note for note in scene.notes)
    assert scene.width > 600
    assert_points_are_rows(scene, data, roles)


def test_wrapped_facets_run_in_reading_order():
    _, data, roles, spec = drawn("vega_lite", "facet")
    wrapped = copy.deepcopy(spec)
    wrapped["encoding"]["facet"]["columns"] = 2
    scene = extract(wrapped)
    values = sorted(data[roles["facet"]].unique())
    assert [p.title for p in scene.panels] == values
    assert len({p.top for p in scene.panels}) == 2  # wrapped after two
    for index, value in enumerate(values):
        assert_points_are_rows(scene, data[data[roles["facet"]] == value], roles, panel=index)


def test_horizontal_boxes_and_a_custom_palette():
    _, data, roles, spec = drawn("vega_lite", "box")
    turned = copy.deepcopy(spec)
    encoding = turned["encoding"]
    encoding["x"], encoding["y"] = encoding["y"], encoding["x"]
    encoding["color"]["scale"] = {"range": ["#0072B2", "#E69F00", "#009E73"]}
    scene = extract(turned)
    assert [b.color for b in sorted(scene.boxes, key=lambda b: b.category)] == \
        ["#0072b2", "#e69f00", "#009e73"]
    for box in scene.boxes:
        values = data.loc[data[roles["x"]] == box.category, roles["y"]]
        assert box.median == pytest.approx(values.median(), abs=1e-6 * span(scene.panels[0].x))


def test_a_log_axis_and_binned_bars_read_exactly():
    _, data, roles, spec = drawn("vega_lite", "scatter")
    logged = copy.deepcopy(spec)
    logged["encoding"]["x"]["scale"] = {"type": "log"}
    assert_points_are_rows(extract(logged), data, roles)
    _, data, roles, spec = drawn("vega_lite", "histogram")
    binned = copy.deepcopy(spec)
    binned["encoding"]["x"]["bin"] = {"extent": [170, 235], "step": 2.5}
    rects = extract(binned).rects
    edges = np.array(sorted({round(e, 6) for r in rects for e in (r.x0, r.x1)}))
    assert np.allclose(np.diff(edges), 2.5) and edges[0] >= 170 and edges[-1] <= 235


def test_parsing_labels_and_colours():
    assert parse_number("1,000") == 1000 and parse_number("\u22122.5") == -2.5
    assert parse_number("2k") == 2000 and parse_number("1.5M") == 1.5e6
    assert parse_number("20%") == pytest.approx(0.2) and parse_number("Adelie") is None
    assert parse_color("rgb(140, 13, 37)") == ("#8c0d25", 1.0)
    assert parse_color("white") == ("#ffffff", 1.0) and parse_color("#ABC")[0] == "#aabbcc"
    assert parse_color("transparent") == ("", 0.0)


def test_a_typical_extraction_takes_a_fraction_of_a_second():
    _, _, _, spec = drawn("altair", "scatter")
    extract(spec)  # the first call also starts vl-convert's JavaScript runtime
    started = time.perf_counter()
    extract(spec)
    assert time.perf_counter() - started < 5  # measured: ~0.05 s for 342 points
