"""The Streamlit app through AppTest: every page runs, every library has a card for every
chart kind, filters change what is shown, and an uploaded CSV re-renders every card."""

import base64
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from gallery.interactions import interaction_support
from gallery.kinds import INTERACTIVE_KINDS, KINDS
from gallery.libraries import LIBRARIES
from gallery.sources import example_source

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _keys(node, prefix: str) -> list[str]:
    found = []
    key = getattr(node, "key", None)
    if isinstance(key, str) and key.startswith(prefix):
        found.append(key)
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else []:
        found.extend(_keys(child, prefix))
    return found


def card_statuses(at: AppTest, prefix: str = "card-") -> dict[str, str]:
    """library -> status, read off the card containers' keys (card-<library>-<status>)."""
    statuses = {}
    for key in _keys(at._tree, prefix):
        library, _, status = key[len(prefix):].rpartition("-")
        if library in LIBRARIES.names():
            statuses[library] = status
    return statuses


def expected_status(library: str, kind: str) -> str:
    source = example_source(LIBRARIES.get(library))
    return "unsupported" if kind in source.undrawn else "ok"


def _vega_shown_as(kind: str, libraries: list[str]) -> tuple[int, int]:
    """How many of these Vega cells the app shows as an SVG image, and as a page."""
    from gallery.datasets import read_dataset
    from gallery.render import render_cell
    from gallery.webapp.cards import _composite, _fixed_aspect, _selects_across

    images = pages = 0
    for library in libraries:
        cell = render_cell(library, kind, read_dataset("penguins"), dataset="penguins")
        spec = json.loads(cell.payload) if isinstance(cell.payload, str) else cell.payload
        pages += _selects_across(spec)
        images += (_composite(spec) or _fixed_aspect(spec)) and not _selects_across(spec)
    return images, pages


@pytest.fixture
def app():
    return AppTest.from_file(APP, default_timeout=300)


@pytest.mark.slow
def test_gallery_page_has_every_library_card_for_every_kind(app):
    app.run()
    for kind in KINDS:
        app.selectbox(key="kind").set_value(kind).run()
        assert not app.exception, [e.value for e in app.exception]
        statuses = card_statuses(app)
        assert statuses == {lib: expected_status(lib, kind) for lib in LIBRARIES}, kind
        assert not app.error, [e.value for e in app.error]
        ok = [lib for lib, status in statuses.items() if status == "ok"]
        families = [LIBRARIES.get(lib).family for lib in ok]
        # a Vega-Lite facet, repeat or concatenation is shown as the SVG Vega drew (it
        # cannot fit a card's width), as is a drawing of fixed aspect (a radar); a linked
        # Vega pair and a matplotlib animation are pages of their own (iframes):
        # Streamlit's chart would draw the pair over the next card; an animation is HTML
        vega_images, vega_pages = _vega_shown_as(kind, [lib for lib in ok if LIBRARIES.get(
            lib).family == "vega"])
        animations = families.count("matplotlib") if kind == "animation" else 0
        assert len(app.get("plotly_chart")) == families.count("plotly")
        assert len(app.get("vega_lite_chart")) == (families.count("vega") - vega_images
                                                   - vega_pages)
        assert len(app.get("bidi_component")) == families.count("bokeh")
        assert len(app.get("image")) == families.count("matplotlib") + vega_images - animations
        assert len(app.get("iframe")) == vega_pages + animations
        assert len(app.code) == len(ok)


def _plotly_length(values) -> int:
    """Length of a plotly JSON array, which plotly 6+ sends as a base64 typed array."""
    if isinstance(values, dict) and "bdata" in values:
        return len(base64.b64decode(values["bdata"])) // np.dtype(values["dtype"]).itemsize
    return len(values)


def _bokeh_rows(node) -> int:
    """Rows of every ColumnDataSource in a serialized bokeh document."""
    if isinstance(node, list):
        return sum(_bokeh_rows(v) for v in node)
    if not isinstance(node, dict):
        return 0
    rows = sum(_bokeh_rows(v) for v in node.values())
    if node.get("name") == "ColumnDataSource":
        entries = node["attributes"]["data"].get("entries", [])
        column = entries[0][1] if entries else []
        rows += column["shape"][0] if isinstance(column, dict) else len(column)
    return rows


def test_every_chart_shown_carries_the_whole_dataset(app):
    """What travels to the browser holds every row, for each interactive family."""
    app.run()
    n = len(app.session_state["data_choice"].frame.dropna(
        subset=["bill_length_mm", "bill_depth_mm", "species"]))
    for chart in app.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        assert sum(_plotly_length(trace["x"]) for trace in figure["data"]) == n
    for chart in app.get("bidi_component"):
        item = json.loads(json.loads(chart.proto.json)["figure"])
        assert _bokeh_rows(item["doc"]) == n, chart.proto.id
    for chart in app.get("vega_lite_chart"):
        tables = [chart.proto.data.data] if chart.proto.data.data else []
        tables += [named.data.data for named in chart.proto.datasets]
        rows = sum(pa.ipc.open_stream(table).read_all().num_rows for table in tables)
        assert rows == n


def test_paradigm_filter_keeps_only_declarative_libraries(app):
    app.run()
    app.button_group(key="f_paradigm").set_value(["declarative"]).run()
    shown = set(card_statuses(app))
    assert shown == {k for k in LIBRARIES if LIBRARIES.get(k).paradigm == "declarative"}
    app.button_group(key="f_paradigm").set_value(["imperative"]).run()
    assert set(card_statuses(app)) == {
        k for k in LIBRARIES if LIBRARIES.get(k).paradigm == "imperative"}


def test_output_built_on_and_library_filters(app):
    app.run()
    app.button_group(key="f_output").set_value(["static"]).run()
    assert set(card_statuses(app)) == {k for k in LIBRARIES if not LIBRARIES.get(k).interactive}
    app.button_group(key="f_output").set_value([]).run()
    app.button_group(key="f_built_on").set_value(["vega"]).run()
    assert set(card_statuses(app)) == {"vega_lite", "altair"}
    app.button_group(key="f_built_on").set_value([]).run()
    app.multiselect(key="f_libraries").set_value(["bokeh", "seaborn"]).run()
    assert set(card_statuses(app)) == {"bokeh", "seaborn"}
    app.multiselect(key="f_libraries").set_value([]).run()
    assert card_statuses(app) == {}
    assert "No library matches these filters" in app.warning[0].value


def test_sorting_by_lines_of_code_puts_the_shortest_first(app):
    """Lines of the chart function itself, as each card says (imports and set-up apart)."""
    import re

    app.run()
    app.selectbox(key="f_sort").set_value("lines of code").run()
    said = [re.search(r"(\d+) lines of chart code", c.value) for c in app.caption]
    lengths = [int(found.group(1)) for found in said if found]
    assert len(lengths) == len(app.code) > 10
    assert lengths == sorted(lengths)


CSV = (
    "height cm,weight kg,age,group\n"
    + "\n".join(f"{150 + i},{50 + (i * 7) % 30},{20 + i % 9},{'abc'[i % 3]}" for i in range(40))
).encode()


def test_uploaded_csv_rerenders_every_card_and_roles_can_be_mapped(app):
    app.run()
    app.session_state["upload"] = ("people.csv", CSV)
    app.radio(key="dataset").set_value("upload").run()
    assert not app.exception
    assert app.session_state["data_choice"].title == "people.csv"
    statuses = card_statuses(app)
    assert statuses == {lib: expected_status(lib, "scatter") for lib in LIBRARIES}, [
        e.value for e in app.error]
    plotly = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    assert all(sum(_plotly_length(t["x"]) for t in fig["data"]) == 40 for fig in plotly)
    assert any("height cm" in json.dumps(fig["layout"]) for fig in plotly)
    app.selectbox(key="role_x").set_value("age").run()
    plotly = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    assert all('"text": "age"' in json.dumps(fig["layout"]) for fig in plotly)
    assert card_statuses(app) == statuses


def test_a_broken_upload_is_explained_and_the_app_keeps_working(app):
    app.run()
    app.session_state["upload"] = ("broken.csv", b"\xff\xfe\x00garbage\x00\n\x81")
    app.radio(key="dataset").set_value("upload").run()
    assert not app.exception
    # reader text is markdown-escaped, so Streamlit shows it literally
    shown = [e.value.replace("\\", "") for e in app.sidebar.error]
    assert any(text.startswith("broken.csv is not UTF-8 text") for text in shown), shown
    assert app.session_state["data_choice"].key == "penguins"
    assert set(card_statuses(app)) == set(LIBRARIES)


def test_compare_page_shows_both_outputs_and_a_diff(app):
    app.run()
    app.switch_page("app_pages/compare.py").run()
    assert not app.exception
    assert card_statuses(app, "compare-") == {"matplotlib": "ok", "altair": "ok"}
    diff = [c.value for c in app.code if c.language == "diff"]
    assert diff and diff[0].startswith("--- matplotlib\n+++ Altair")
    assert len(app.metric) == 2


def test_overview_page_shows_the_whole_matrix_with_reasons(app):
    app.run()
    app.switch_page("app_pages/overview.py").run()
    assert not app.exception
    matrix = app.dataframe[0].value
    assert matrix.shape == (len(LIBRARIES), len(KINDS))
    interaction = app.dataframe[1].value
    assert interaction.shape == (len(LIBRARIES), len(INTERACTIVE_KINDS))
    for library in LIBRARIES:
        support = interaction_support(library)
        row = interaction.loc[LIBRARIES.get(library).name]
        assert [row[k.title] for k in INTERACTIVE_KINDS] == [
            support[k.key].label for k in INTERACTIVE_KINDS], library
    reasons = app.dataframe[2].value
    n_unsupported = sum(len(example_source(LIBRARIES.get(k)).undrawn) for k in LIBRARIES)
    assert len(reasons) == n_unsupported
    assert len(app.dataframe[3].value) == len(LIBRARIES)


def test_landscape_page_draws_every_library(app):
    app.run()
    app.switch_page("app_pages/landscape.py").run()
    assert not app.exception
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    labels = {t for trace in figure["data"] for t in trace.get("text", [])}
    assert {LIBRARIES.get(k).name for k in LIBRARIES} <= labels


@pytest.mark.slow
def test_a_million_row_upload_keeps_every_card_working(app):
    from tests.test_hostile_data import million_rows

    app.run()
    app.session_state["upload"] = ("big.csv", million_rows().to_csv(index=False).encode())
    app.radio(key="dataset").set_value("upload").run()
    assert not app.exception
    assert card_statuses(app) == {lib: expected_status(lib, "scatter") for lib in LIBRARIES}
    samples = [c.value for c in app.caption if "drew a random sample of" in c.value]
    assert len(samples) == list(card_statuses(app).values()).count("ok")


def test_a_kind_seen_before_is_not_drawn_again(app, monkeypatch):
    import gallery.webapp.cells as cells

    calls = []
    real = cells.render_cell
    monkeypatch.setattr(cells, "render_cell", lambda *a, **k: calls.append(a[:2]) or real(*a, **k))
    unique = CSV + b"\n999,60,30,a"  # data no earlier test has drawn
    app.run()
    calls.clear()  # the bundled penguins may or may not be cached already
    app.session_state["upload"] = ("fresh.csv", unique)
    app.radio(key="dataset").set_value("upload").run()
    app.selectbox(key="kind").set_value("histogram").run()
    first = len(calls)
    assert first == 2 * len(LIBRARIES)  # scatter then histogram, every library once
    app.selectbox(key="kind").set_value("scatter").run()
    app.selectbox(key="kind").set_value("histogram").run()
    assert len(calls) == first, "revisiting a chart kind ran plotting code again"
