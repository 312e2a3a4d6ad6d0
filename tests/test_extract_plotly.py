"""The Plotly extractor reads what plotly.js computed: every kind of both Plotly
libraries checked against the data, and wrong charts that the Scene must expose."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import pytest

from gallery.datasets import read_dataset
from gallery.kinds import KINDS
from gallery.render import OK, prepare_cell, render_cell
from gallery.sources import example_source
from gallery.verify import extract_plotly
from gallery.verify.extract_plotly import extract
from gallery.verify.scene import Scene

pytestmark = [pytest.mark.browser]

LIBRARIES = ["plotly", "plotly_express"]


def _drawn(library: str, kind: str) -> bool:
    from gallery.libraries import LIBRARIES as REGISTRY

    return kind in example_source(REGISTRY.get(library)).functions


@pytest.fixture(scope="module", autouse=True)
def browser():
    """One Chromium for the module, stopped at the end."""
    yield
    extract_plotly.close()


@pytest.fixture(scope="module")
def drawn():
    """(library, kind) -> (scene, prepared data, roles), each figure extracted once."""
    cache: dict[tuple[str, str], tuple[Scene, pd.DataFrame, dict[str, str]]] = {}

    def get(library: str, kind: str) -> tuple[Scene, pd.DataFrame, dict[str, str]]:
        if not _drawn(library, kind):
            pytest.skip(f"{library} does not draw {kind}")
        if (library, kind) not in cache:
            cell = render_cell(library, kind, live=True)
            assert cell.status == OK, cell.message
            chart_kind = KINDS[kind]
            dataset = chart_kind.default_dataset
            # the rows a cell draws, prepared by the render boundary itself
            data = prepare_cell(read_dataset(dataset), chart_kind, None, dataset, None).data
            assert cell.rows == len(data)
            cache[library, kind] = (extract(cell.payload), data, cell.roles)
        return cache[library, kind]

    return get


def _key(*values: object) -> tuple:
    return tuple(round(float(v), 6) for v in values)


def _colour_per_category(scene: Scene, data: pd.DataFrame, roles: dict[str, str],
                         axes: tuple[str, ...] = ("x", "y")) -> dict[str, str]:
    """Each category's points share one colour, no two categories share one."""
    colours: dict[tuple, Counter] = defaultdict(Counter)
    for p in scene.visible_points():
        colours[_key(*(getattr(p, a) for a in axes))][p.color] += 1
    owners = data.groupby([roles[a] for a in axes])[roles["color"]].nunique()
    found: dict[str, set[str]] = defaultdict(set)
    for category, group in data.groupby(roles["color"]):
        for row in group[[roles[a] for a in axes]].itertuples(index=False):
            if owners[tuple(row)] == 1:  # a position two categories share tells nothing
                found[category].update(colours[_key(*row)])
    assert all(len(c) == 1 for c in found.values()), found
    by_category = {category: next(iter(c)) for category, c in found.items()}
    assert len(set(by_category.values())) == len(by_category), by_category
    return by_category


def _legend_matches(scene: Scene, colours: dict[str, str]) -> None:
    legend = {e.label: e.color for e in scene.legend}
    assert set(legend) == set(map(str, colours)), legend
    assert all(legend[str(c)] == colour for c, colour in colours.items()), (legend, colours)


# --- every kind, both libraries, against the data ---------------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
def test_scatter_points_are_the_rows_one_colour_per_category(drawn, library):
    scene, data, roles = drawn(library, "scatter")
    points = scene.visible_points()
    assert Counter(_key(p.x, p.y) for p in points) == \
        Counter(_key(*row) for row in data[[roles["x"], roles["y"]]].itertuples(index=False))
    _legend_matches(scene, _colour_per_category(scene, data, roles))
    assert scene.panels[0].x.title == roles["x"] and scene.panels[0].x.low < data[roles["x"]].min()
    assert scene.width > 0 and scene.height > 0 and not scene.notes


@pytest.mark.parametrize("library", LIBRARIES)
def test_line_vertices_are_the_group_means(drawn, library):
    scene, data, roles = drawn(library, "line")
    means = data.groupby([roles["color"], roles["time"]])[roles["y"]].mean()
    colours = {e.label: e.color for e in scene.legend}
    assert set(colours) == set(data[roles["color"]].unique())
    assert len(scene.lines) == len(colours)
    for line in scene.lines:
        category = next(label for label, colour in colours.items() if colour == line.color)
        expected = means[category]
        assert list(line.xs) == [float(t) for t in expected.index]
        np.testing.assert_allclose(line.ys, expected.to_numpy(), rtol=1e-9)
    assert len(scene.visible_points()) == len(means)  # lines+markers


@pytest.mark.parametrize("library", LIBRARIES)
def test_bar_heights_are_the_group_means(drawn, library):
    scene, data, roles = drawn(library, "bar")
    means = data.groupby([roles["x"], roles["color"]])[roles["y"]].mean()
    category_of = {e.color: e.label for e in scene.legend}
    heights = {(r.x0, category_of[r.color]): r.y1 - r.y0 for r in scene.rects}
    assert heights.keys() == {(str(x), str(c)) for x, c in means.index}
    np.testing.assert_allclose([heights[str(x), str(c)] for x, c in means.index], means.to_numpy())
    assert scene.panels[0].x.categories == tuple(sorted(data[roles["x"]].unique()))


@pytest.mark.parametrize("library", LIBRARIES)
def test_histogram_counts_add_up_on_shared_edges(drawn, library):
    scene, data, roles = drawn(library, "histogram")
    category_of = {e.color: e.label for e in scene.legend}
    counts = Counter()
    for r in scene.rects:
        counts[category_of[r.color]] += r.y1 - r.y0
    assert counts == Counter(data[roles["color"]].value_counts().to_dict())
    widths = {round(r.x1 - r.x0, 9) for r in scene.rects}
    assert len(widths) == 1  # every trace binned on one grid
    (width,) = widths
    start = min(r.x0 for r in scene.rects)
    assert all(abs((r.x0 - start) / width - round((r.x0 - start) / width)) < 1e-6
               for r in scene.rects)
    values = data[roles["x"]]
    assert start <= values.min() and max(r.x1 for r in scene.rects) >= values.max()
    assert not scene.points  # a histogram is not a scatter


# plotly.js's default quartilemethod 'linear' is Hyndman & Fan type 5 (p = (k - 0.5)/n),
# which is numpy's method="hazen", NOT numpy's default method="linear" (type 7): px.box
# shows plotly.js's own, graph_objects passes numpy's default in (q1/median/q3) with the
# samples. On penguins they differ once: Chinstrap body_mass_g q1 is 3475.0 in plotly.js,
# 3487.5 with numpy's default. Either way plotly.js computes the fences from the drawn
# quartiles, and the extractor must read both.
QUARTILES = {"plotly": "linear", "plotly_express": "hazen"}


@pytest.mark.parametrize("library", LIBRARIES)
def test_box_statistics_are_the_quartiles_plotly_js_drew(drawn, library):
    scene, data, roles = drawn(library, "box")
    groups = {str(k): g[roles["y"]].to_numpy(float) for k, g in data.groupby(roles["x"])}
    assert sorted(b.category for b in scene.boxes) == sorted(groups)
    differs_from_numpy_default = False
    for box in scene.boxes:
        values = groups[box.category]
        q1, median, q3 = np.quantile(values, [0.25, 0.5, 0.75], method=QUARTILES[library])
        assert (box.q1, box.median, box.q3) == pytest.approx((q1, median, q3))
        differs_from_numpy_default |= box.q1 != np.quantile(values, 0.25)
        fence = 1.5 * (q3 - q1)
        assert box.low == values[values >= q1 - fence].min()
        assert box.high == values[values <= q3 + fence].max()
        assert box.outliers == tuple(sorted(values[(values < box.low) | (values > box.high)]))
    assert differs_from_numpy_default == (QUARTILES[library] != "linear")
    assert not scene.lines and not scene.rects


def _decimals(text: str) -> int:
    match = re.search(r"\.(\d+)", text)
    return len(match.group(1)) if match else 0


@pytest.mark.parametrize("library", LIBRARIES)
def test_heatmap_cells_are_the_correlations_with_their_texts(drawn, library):
    scene, data, _ = drawn(library, "heatmap")
    corr = data.select_dtypes("number").corr()
    assert len(scene.rects) == corr.size in (16, 25)
    for r in scene.rects:
        assert r.x0 == r.x1 and r.y0 == r.y1
        assert r.value == pytest.approx(corr.loc[r.y0, r.x0])
    by_value = defaultdict(set)  # one colour scale: equal values, equal colours
    for r in scene.rects:
        by_value[round(r.value, 9)].add(r.color)
    assert all(len(c) == 1 for c in by_value.values()) and len(by_value) > 1
    assert len(scene.texts) == corr.size
    for t in scene.texts:
        assert abs(float(t.text) - corr.loc[t.y, t.x]) <= 0.5 * 10 ** -_decimals(t.text) + 1e-9
    assert set(scene.panels[0].x.categories) == set(corr.columns)


@pytest.mark.parametrize("library", LIBRARIES)
def test_facet_panels_in_reading_order_hold_their_rows(drawn, library):
    scene, data, roles = drawn(library, "facet")
    facets = data[roles["facet"]].unique()
    assert len(scene.panels) == len(facets)
    reading = [(round(p.top), p.left) for p in scene.panels]  # rows of panels, top first
    assert reading == sorted(reading)
    for index, panel in enumerate(scene.panels):
        value = next(f for f in facets if panel.title.endswith(str(f)))
        rows = data[data[roles["facet"]] == value]
        points = [p for p in scene.visible_points() if p.panel == index]
        assert Counter(_key(p.x, p.y) for p in points) == Counter(
            _key(*row) for row in rows[[roles["x"], roles["y"]]].itertuples(index=False))
    _legend_matches(scene, _colour_per_category(scene, data, roles))


@pytest.mark.parametrize("library", LIBRARIES)
def test_regression_lines_are_least_squares_fits(drawn, library):
    scene, data, roles = drawn(library, "regression")
    assert len(scene.visible_points()) == len(data)
    colours = _colour_per_category(scene, data, roles)
    _legend_matches(scene, colours)
    assert len(scene.lines) == len(colours)
    for category, group in data.groupby(roles["color"]):
        (line,) = [line for line in scene.lines if line.color == colours[category]]
        slope, intercept = np.polyfit(group[roles["x"]], group[roles["y"]], 1)
        np.testing.assert_allclose(line.ys, slope * np.array(line.xs) + intercept, rtol=1e-6)
    assert len({p.alpha for p in scene.points}) == 1


@pytest.mark.parametrize("library", LIBRARIES)
def test_scatter3d_points_have_z(drawn, library):
    scene, data, roles = drawn(library, "scatter3d")
    columns = [roles[a] for a in ("x", "y", "z")]
    assert Counter(_key(p.x, p.y, p.z) for p in scene.visible_points()) == \
        Counter(_key(*row) for row in data[columns].itertuples(index=False))
    _legend_matches(scene, _colour_per_category(scene, data, roles, ("x", "y", "z")))


@pytest.mark.parametrize("library", LIBRARIES)
def test_bubble_marker_areas_follow_the_size_column(drawn, library):
    scene, data, roles = drawn(library, "bubble")
    points = scene.visible_points()
    assert len(points) == len(data)
    rows = data[[roles["x"], roles["y"], roles["size"]]].itertuples(index=False)
    sizes: dict[tuple, set[float]] = defaultdict(set)
    for x, y, size in rows:
        sizes[_key(x, y)].add(size)
    ratios = [p.size**2 / next(iter(sizes[_key(p.x, p.y)])) for p in points
              if len(sizes[_key(p.x, p.y)]) == 1]  # rows drawn on one spot tell nothing
    assert max(ratios) / min(ratios) == pytest.approx(1, abs=1e-6)  # sizemode "area"
    _legend_matches(scene, _colour_per_category(scene, data, roles))


# --- wrong charts the scene must expose --------------------------------------------------


@pytest.fixture(scope="module")
def penguins() -> pd.DataFrame:
    return read_dataset("penguins").dropna().reset_index(drop=True)


def _scatter(df: pd.DataFrame) -> go.Figure:
    return px.scatter(df, x="bill_length_mm", y="bill_depth_mm", color="species")


def test_legend_only_traces_exist_but_are_not_seen(penguins):
    scene = extract(_scatter(penguins).update_traces(visible="legendonly"))
    assert len(scene.points) == len(penguins) and not scene.visible_points()
    assert {p.alpha for p in scene.points} == {0.0}
    assert [e.label for e in scene.legend] == ["Adelie", "Gentoo", "Chinstrap"]


def test_a_histogram_named_scatter_draws_rects_not_points(penguins):
    fig = go.Figure(go.Histogram(x=penguins["bill_length_mm"], name="scatter"))
    scene = extract(fig)
    assert not scene.points and scene.rects
    assert sum(r.y1 - r.y0 for r in scene.rects) == len(penguins)


def test_a_box_passed_off_as_a_line_is_a_box(penguins):
    fig = go.Figure(go.Box(y=penguins["body_mass_g"], name="line", boxpoints=False))
    scene = extract(fig)
    assert not scene.lines and not scene.points
    assert [b.category for b in scene.boxes] == ["line"]


def test_a_trace_added_twice_draws_its_points_twice(penguins):
    fig = _scatter(penguins)
    fig.add_trace(fig.data[0])
    scene = extract(fig)
    adelie = int((penguins["species"] == "Adelie").sum())
    assert len(scene.visible_points()) == len(penguins) + adelie
    assert [e.label for e in scene.legend].count("Adelie") == 2


def test_a_missing_chromium_is_named(monkeypatch):
    monkeypatch.setattr(extract_plotly, "_STATE", {})
    monkeypatch.setattr(extract_plotly, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(RuntimeError, match=r"verify needs Chromium \(apt-get install chromium\)"
                       r"; /nonexistent/chromium is missing"):
        extract(go.Figure())
