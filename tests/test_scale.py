"""The scale bench at small sizes, its JSON against the schema, the ceiling rule, the
committed results, the Scale page and the big-data cells' code."""

import ast
import json
from pathlib import Path

import jsonschema
import pytest
from streamlit.testing.v1 import AppTest

from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.renderers import RENDERERS
from gallery.scale import figures
from gallery.scale.bench import run_scale
from gallery.scale.bigdata import BIG_DATA, big_source
from gallery.scale.results import RESULTS_PATH, read_results, validate, write_results
from gallery.scale.worker import KINDS, payload_bytes, synthetic_frame

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "from gallery.webapp.scale_page import scale_page\nscale_page()\n"


def _quiet(line: str) -> None:
    pass


def _assert_measured(record: dict) -> None:
    assert record["status"] == "ok", record
    assert record["seconds"]["median"] > 0 and record["repeats"] >= 1
    assert record["memory_bytes"] > 0 and record["memory_growth_bytes"] >= 0
    assert record["output_bytes"] > 0 and record["rows"] == record["size"]


def test_bench_two_families_at_small_sizes_writes_valid_json(tmp_path):
    results = run_scale([1_000, 10_000], 1, 60.0, ["matplotlib", "plotly_express"],
                        ["vegalite_binned"], [1_000], report=_quiet)
    path = tmp_path / "scale.json"
    write_results(results, path)
    assert read_results(path) == json.loads(path.read_text())
    assert {(r["library"], r["kind"], r["size"]) for r in results["records"]} == {
        (lib, kind, size) for lib in ("matplotlib", "plotly_express") for kind in KINDS
        for size in (1_000, 10_000)}
    for record in results["records"] + results["bigdata"]["records"]:
        _assert_measured(record)
    assert all(c["ceiling"] is None for c in results["ceilings"])
    assert all(entry["import_seconds"] > 0 for entry in results["libraries"])
    assert results["machine"]["cpu_count"] >= 1 and results["versions"]["matplotlib"]


@pytest.mark.slow
def test_every_library_and_big_data_cell_draws_a_thousand_points():
    results = run_scale([1_000], 1, 60.0, LIBRARIES.names(), list(BIG_DATA), [1_000],
                        report=_quiet)
    validate(results)
    assert {(r["library"], r["kind"]) for r in results["records"]} == {
        (lib, kind) for lib in LIBRARIES for kind in KINDS}
    assert {r["library"] for r in results["bigdata"]["records"]} == set(BIG_DATA)
    for record in results["records"] + results["bigdata"]["records"]:
        _assert_measured(record)


def test_a_render_over_the_time_limit_is_killed_and_recorded_as_the_ceiling():
    # matplotlib's SVG of 300,000 markers takes seconds; a 1,000-row cell a tenth of one.
    results = run_scale([1_000, 300_000], 1, 0.8, ["matplotlib"], [], [], report=_quiet)
    validate(results)
    by_cell = {(r["kind"], r["size"]): r for r in results["records"]}
    assert by_cell["scatter", 1_000]["status"] == "ok"
    assert by_cell["scatter", 300_000]["status"] == "timeout"
    assert by_cell["scatter", 300_000]["seconds"] is None
    ceilings = {c["kind"]: c for c in results["ceilings"]}
    assert ceilings["scatter"]["ceiling"] == 300_000 and ceilings["scatter"]["reason"] == "timeout"
    assert ceilings["scatter"]["largest_ok"] == 1_000
    # the worker was killed mid-scatter; a fresh one drew the histogram (binned: fast)
    assert by_cell["histogram", 300_000]["status"] == "ok"
    assert ceilings["histogram"]["ceiling"] is None


def test_the_schema_rejects_an_ok_record_without_figures():
    results = read_results(RESULTS_PATH)
    broken = json.loads(json.dumps(results))
    broken["records"][0].update(status="ok", output_bytes=None)
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_committed_results_validate_and_cover_every_library():
    results = read_results(RESULTS_PATH)
    settings = results["settings"]
    assert max(settings["sizes"]) >= 1_000_000
    assert {r["library"] for r in results["records"]} == set(LIBRARIES)
    assert {(c["library"], c["kind"]) for c in results["ceilings"]} == {
        (lib, kind) for lib in LIBRARIES for kind in KINDS}
    # every library reached a result at every size or stopped at a recorded ceiling
    for ceiling in results["ceilings"]:
        last = ceiling["ceiling"] or max(settings["sizes"])
        sizes = {r["size"] for r in results["records"]
                 if (r["library"], r["kind"]) == (ceiling["library"], ceiling["kind"])}
        assert sizes == {s for s in settings["sizes"] if s <= last}, ceiling
    big = {(r["library"], r["size"]) for r in results["bigdata"]["records"]}
    assert {(key, size) for key in BIG_DATA for size in (1_000_000, 10_000_000)} <= big


def test_figures_and_reading_come_from_the_results():
    results = read_results(RESULTS_PATH)
    time_fig = figures.time_figure(results)
    drawn = {trace.name for trace in time_fig.data if trace.showlegend is not False}
    assert {LIBRARIES.get(lib).name for lib in LIBRARIES} <= drawn
    assert figures.bytes_figure(results).data and figures.memory_figure(results).data
    text = figures.reading(results)
    assert "1,000,000 points" in text and "Under a second" in text
    assert len(figures.ceiling_table(results)) == len(LIBRARIES)


@pytest.mark.parametrize("key", list(BIG_DATA))
def test_big_data_code_is_the_function_source(key):
    source = big_source(key)
    text = source.path.read_text(encoding="utf-8")
    function = next(node for node in ast.parse(text).body
                    if isinstance(node, ast.FunctionDef) and node.name == "big_scatter")
    assert source.function == ast.get_source_segment(text, function)
    assert source.code == f"{source.preamble}\n\n\n{source.function}\n"
    assert source.preamble and text.startswith('"""') and "__main__" not in source.code
    # the shown text is what runs: it draws through its family's renderer
    chart = source.compile()(synthetic_frame(2_000), "x", "y")
    payload, _ = RENDERERS[BIG_DATA[key].family].to_payload(chart)
    assert len(payload_bytes(BIG_DATA[key].family, payload)) > 0


def test_scale_page_shows_charts_tables_and_big_data_code():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(charts) == 3 and all(chart["data"] for chart in charts)
    assert [c.value.strip() for c in at.code] == [big_source(k).code.strip() for k in BIG_DATA]
    assert any("Under a second" in m.value for m in at.markdown)
    assert len(at.dataframe) >= 2 + len(BIG_DATA)


@pytest.mark.slow
def test_scale_page_is_in_the_app_navigation():
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    at.switch_page("app_pages/scale.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Scale"


@pytest.mark.parametrize("family", list(RENDERERS))
def test_every_family_sets_a_row_limit_and_the_bench_can_lift_it(family):
    limit = RENDERERS[family].MAX_ROWS
    assert isinstance(limit, int) and limit >= 1_000
    library = next(lib for lib in LIBRARIES if LIBRARIES.get(lib).family == family)
    frame = synthetic_frame(limit + 1)
    sampled = render_cell(library, "histogram", frame, {"x": "x", "color": "group"})
    assert sampled.ok and sampled.rows == limit
    assert any("random sample" in note for note in sampled.notes)
    full = render_cell(library, "histogram", frame, {"x": "x", "color": "group"},
                       limit_rows=False)
    assert full.ok and full.rows == limit + 1 and not full.notes

