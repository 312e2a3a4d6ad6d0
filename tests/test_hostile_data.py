"""Awkward data through every library and chart kind (Hypothesis): each cell draws all of
the cleaned rows, under the right columns, or stops with the gallery's own data error
naming the problem. A library's crash, or a chart of the wrong column, fails."""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import prepare_cell, render_cell
from gallery.renderers import renderer_for
from gallery.sources import example_source
from gallery.verify.run import judge
from gallery.world import world_ids

AWKWARD_NAMES = [
    "bill length (mm)", "a.b", "x[0]", "time:stamp", "it's", 'say "hi"', "größe", "🐧 count",
    "1st", "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "{y}", "@x",
    "%{x}", "$price", "a\\b", "  padded  ", "", "mean(x)", "x:Q",
]
CATEGORY_VALUES = ["Adelie", "<b>bold</b>", "</script>", "a.b", "🐧", "O'Neil", "{x}", "1"]


@st.composite
def awkward_frames(draw):
    """A frame with three numeric and two text columns under awkward names, holding NaN,
    infinities, a constant column sometimes, and numbers written as text sometimes."""
    n = draw(st.integers(min_value=6, max_value=40))
    names = draw(st.lists(st.sampled_from(AWKWARD_NAMES), min_size=5, max_size=5, unique=True))
    numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
    columns = {}
    for name in names[:3]:
        values = draw(st.lists(numbers, min_size=n, max_size=n))
        if draw(st.booleans()):
            values[draw(st.integers(0, n - 1))] = draw(st.sampled_from([np.nan, np.inf, -np.inf]))
        columns[name] = values
    if draw(st.booleans()):
        columns[names[2]] = [1.0] * n  # a constant column
    for name in names[3:]:
        levels = draw(st.lists(st.sampled_from(CATEGORY_VALUES), min_size=1, max_size=4,
                               unique=True))
        columns[name] = [levels[i % len(levels)] for i in range(n)]
    frame = pd.DataFrame(columns)
    if draw(st.booleans()):
        frame[names[0]] = frame[names[0]].map(lambda v: f"{v}")  # numbers as text
    return frame


def _vega_fields(spec) -> set[str]:
    """Every field name an encoding or transform of the spec refers to."""
    found = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in {"field", "groupby", "regression", "on", "bin_field"} and isinstance(
                    value, str) and value:  # a window's row_number names no field: ""
                found.add(value)
            elif key in {"groupby", "fold", "flatten"} and isinstance(value, list):
                found.update(value)
            else:
                found |= _vega_fields(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= _vega_fields(value)
    return found


def _vega_made(spec) -> set[str]:
    """Every field the spec makes itself: named by a transform's or a sequence's `as`, or
    a column of a table the example computed and gave inline (a correlation matrix)."""
    made = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "as":
                made.update([value] if isinstance(value, str) else value)
            elif key == "values" and isinstance(value, list):
                made.update(k for row in value if isinstance(row, dict) for k in row)
            elif key == "datasets" and isinstance(value, dict):  # Altair's named tables
                made.update(k for rows in value.values() for row in rows for k in row)
            else:
                made |= _vega_made(value)
    elif isinstance(spec, list):
        for value in spec:
            made |= _vega_made(value)
    return made


# Fields Vega-Lite names itself when a transform is given no `as`: fold's key/value,
# density's value/density, a facet's row/column; Altair's data-less encodings add "count".
VEGA_DEFAULT_FIELDS = {"row", "column", "count", "value", "key", "density"}


def _check_right_columns(cell, data: pd.DataFrame) -> None:
    if cell.family == "vega":
        fields = {f.split(".")[0] for f in _vega_fields(cell.payload)}
        columns = set(data.columns) | _vega_made(cell.payload) | VEGA_DEFAULT_FIELDS
        assert fields <= columns, f"fields {fields - columns} are not columns of the data"
    if cell.family == "plotly" and cell.kind == "scatter":
        x = sorted(v for trace in cell.payload.data for v in trace.x)
        assert np.allclose(x, sorted(data[cell.roles["x"]]))


# What the data decides; palette, legend order and size are the examples' own business,
# checked on the bundled data (tests/test_cells.py). Panel titles are left out: Plotly
# reads text as its HTML subset, so a facet value "<b>bold</b>" is titled "bold" (said in
# the notes of issue 10 as a known limit, not hidden here).
DATA_POINTS = {"rows", "statistic", "bins", "stacking", "whiskers", "fit", "values"}
# Random values from Hypothesis reach places no reader's data does (subnormal floats,
# bins edged by a value): there, verify's reading of every row is what is held.
ROWS_ONLY = {"rows"}


def _assert_drawn_right(cell, frame: pd.DataFrame, points: set[str] = DATA_POINTS) -> None:
    """gallery verify's reading of the drawn chart: every row where it belongs."""
    try:
        verdict = judge(cell, frame, None)
    finally:
        if cell.family == "matplotlib":
            import matplotlib.pyplot as plt

            plt.close(cell.payload)
    wrong = [str(p) for p in verdict.problems if p.point in points]
    assert wrong == [], wrong


@pytest.mark.slow
@pytest.mark.parametrize("library", LIBRARIES.names())
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(frame=awkward_frames(), choice=st.data())
def test_awkward_data_draws_right_or_fails_with_a_data_error(library, frame, choice):
    kinds = sorted(example_source(LIBRARIES.get(library)).functions)
    kind = choice.draw(st.sampled_from(kinds), label="kind")
    chart_kind = KINDS[kind]
    cell = render_cell(library, kind, frame, live=True)
    if cell.status != "ok":
        # A typed error that names the problem: the gallery's data check, or the library's
        # own failure caught at the boundary and named. Nothing else may escape.
        name = LIBRARIES.get(library).name
        assert cell.status == "error"
        allowed = (f"{chart_kind.title}: ", f"{name} could not draw {chart_kind.title}: ")
        assert cell.message.startswith(allowed), cell.message
        return
    renderer = renderer_for(LIBRARIES.get(library).family)
    prepared = prepare_cell(frame, chart_kind, None, None, getattr(renderer, "MAX_ROWS", None))
    assert cell.rows == len(prepared.data)
    _assert_drawn_right(cell, frame, ROWS_ONLY)
    _check_right_columns(cell, prepared.data)
    json.dumps(cell.notes)  # notes are plain text


def hostile_frame(n: int = 60) -> pd.DataFrame:
    """Clean values under the most awkward names, and categories that look like markup."""
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "<img src=x onerror=alert(1)>": rng.normal(10, 2, n),
        "a.b[0]:Q": rng.normal(5, 1, n),
        "🐧 {size} @x": rng.uniform(1, 9, n),
        # the time of an animation; every year holds both groups, as a panel of years would
        "%{y} year": [1990 + i // 2 % 4 for i in range(n)],
        "it's \"quoted\"": [CATEGORY_VALUES[i % 3] for i in range(n)],
        "1st group": [["</script><script>alert(1)</script>", "O'Neil"][i % 2] for i in range(n)],
        # a map's country codes (ISO 3166-1 numeric: 20 countries of the map), last, so that
        # the other kinds' roles take the columns above first
        "iso_num <i>&amp;</i>": [sorted(world_ids())[5 * (i % 20)] for i in range(n)],
    })


@pytest.mark.slow
@pytest.mark.parametrize("library", LIBRARIES.names())
def test_awkward_names_draw_in_every_cell_of_the_right_columns(library):
    frame = hostile_frame()
    for kind in sorted(example_source(LIBRARIES.get(library)).functions):
        chart_kind = KINDS[kind]
        cell = render_cell(library, kind, frame, live=True)
        assert cell.ok, cell.message
        prepared = prepare_cell(frame, chart_kind, None, None, None)
        _assert_drawn_right(cell, frame)
        _check_right_columns(cell, prepared.data)


def test_the_column_check_rejects_a_field_the_data_lacks():
    """The wrong chart the check above is for: a radar whose fold names a column the data
    does not have (the awkward name written unescaped), while its own `as` fields pass."""
    frame = hostile_frame()
    cell = render_cell("vega_lite", "radar", frame, live=True)
    assert cell.ok, cell.message
    prepared = prepare_cell(frame, KINDS["radar"], None, None, None)
    _check_right_columns(cell, prepared.data)
    fold = next(step for layer in cell.payload["layer"] for step in layer.get("transform", [])
                if "fold" in step)
    fold["fold"] = [name.replace("a_b_0__Q", "a.b[0]:Q") for name in fold["fold"]]
    with pytest.raises(AssertionError, match="not columns of the data"):
        _check_right_columns(cell, prepared.data)


def test_reader_text_is_never_run_as_code(tmp_path):
    marker = tmp_path / "ran"
    name = f'x"); open({str(marker)!r}, "w").write("1"); ("'
    frame = pd.DataFrame({name: [1.0, 2.0, 3.0], "y": [3.0, 1.0, 2.0], "c": list("abc")})
    for library in ("matplotlib", "altair", "plotly_express", "bokeh"):
        cell = render_cell(library, "scatter", frame, {"x": name})
        assert cell.ok, cell.message
    assert not marker.exists()


def million_rows() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    n = 1_000_000
    return pd.DataFrame({"x": rng.normal(size=n), "y": rng.normal(size=n),
                         "size": rng.uniform(1, 5, n), "group": rng.choice(list("abc"), n)})


@pytest.mark.slow
@pytest.mark.parametrize("library", ["matplotlib", "bokeh", "plotly_express", "altair"])
def test_a_million_rows_draw_a_stated_sample(library):
    frame = million_rows()
    limit = renderer_for(LIBRARIES.get(library).family).MAX_ROWS
    cell = render_cell(library, "scatter", frame)
    assert cell.ok, cell.message
    assert cell.rows == limit and cell.drawn.points + cell.drawn.rows == limit
    assert f"drew a random sample of {limit:,} of 1,000,000 rows" in cell.notes[-1]
