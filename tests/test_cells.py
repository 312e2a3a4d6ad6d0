"""Every (library, chart kind) cell: drawn with the whole dataset, or a stated reason."""

import threading
import time
from pathlib import Path

import pytest

from gallery.datasets import DATASETS, read_dataset
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import OK, render_cell
from gallery.sources import example_path, example_source, parse_example
from gallery.verify.run import verify_cell

# A library whose example is missing fails the matrix test below, not the collection.
CELLS = [
    (library, kind)
    for library in LIBRARIES
    if example_path(LIBRARIES.get(library)).exists()
    for kind in KINDS
    if kind in example_source(LIBRARIES.get(library)).functions
]


def test_the_matrix_has_every_library_and_kind_and_no_hole():
    assert len(LIBRARIES) >= 13 and len(KINDS) >= 10
    for library in LIBRARIES:
        source = example_source(LIBRARIES.get(library))
        for kind in KINDS:
            drawn, reason = kind in source.functions, source.undrawn.get(kind, "")
            assert drawn != bool(reason), f"{library}/{kind}: needs a function or a reason"
            if reason:
                assert len(reason) > 20, f"{library}/{kind}: say why in a sentence"


@pytest.mark.slow
@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize(("library", "kind"), CELLS, ids=[f"{lib}-{k}" for lib, k in CELLS])
def test_cell_meets_its_specification(library, kind, dataset):
    """What ``gallery verify`` says of every real cell on both bundled datasets: the chart
    drawn is the kind's specification (or declares, point by point, what it cannot meet)."""
    verdict = verify_cell(library, kind, dataset)
    assert verdict.ok, verdict.sentences()
    cell = render_cell(library, kind, read_dataset(dataset), dataset=dataset)
    assert all(note.endswith("rows left out: missing or infinite values") or "size" in note
               for note in cell.notes), cell.notes  # bundled data needs no other change


def test_a_failing_library_becomes_an_error_naming_it(monkeypatch):
    broken = parse_example(Path("plot_matplotlib.py"),
                           "import math\n\n\ndef scatter(df, x, y, color):\n"
                           "    return math.sqrt(-1)\n")
    monkeypatch.setattr("gallery.render.example_source", lambda info, path=None: broken)
    cell = render_cell("matplotlib", "scatter")
    assert cell.status == "error"
    assert cell.message == "matplotlib could not draw Scatter by category: " \
        "ValueError: math domain error"
    assert "return math.sqrt(-1)" in cell.code  # the code that failed is still shown


def test_a_numeric_role_on_a_text_column_says_so():
    roles = {"x": "species", "y": "bill_depth_mm", "color": "island"}
    cell = render_cell("matplotlib", "scatter", read_dataset("penguins"), roles)
    assert cell.status == "error"
    assert cell.message == ("Scatter by category: the x role needs numbers, but 'species' "
                            "holds text such as 'Adelie'; map x to a numeric column")


def test_a_role_mapped_to_a_missing_column_is_named():
    cell = render_cell("matplotlib", "scatter", read_dataset("penguins"), {"x": "beak"})
    assert cell.status == "error"
    assert "the x role is mapped to 'beak', which is not a column of the data" in cell.message


def test_other_data_gets_roles_guessed_from_column_types():
    frame = read_dataset("gapminder").rename(columns=lambda c: f"my {c}")
    cell = render_cell("matplotlib", "bubble", frame)
    assert cell.status == OK, cell.message
    assert set(cell.roles) == {"x", "y", "size", "color"}
    assert cell.drawn.points == len(frame)


def test_unsupported_cells_report_their_reason_without_running_code():
    for library in LIBRARIES:
        source = example_source(LIBRARIES.get(library))
        for kind, reason in source.undrawn.items():
            cell = render_cell(library, kind)
            assert (cell.status, cell.message, cell.payload) == ("unsupported", reason, None)


def test_a_hanging_cell_is_stopped_and_reported(monkeypatch):
    hanging = parse_example(Path("plot_matplotlib.py"),
                            "import time\n\n\ndef scatter(df, x, y, color):\n"
                            "    while True:\n        time.sleep(0.01)\n")
    monkeypatch.setattr("gallery.render.example_source", lambda info, path=None: hanging)
    started = time.perf_counter()
    cell = render_cell("matplotlib", "scatter", seconds=1)
    assert time.perf_counter() - started < 5
    assert cell.status == "error"
    assert cell.message == ("matplotlib could not draw Scatter by category: CellTimeout: "
                            "stopped after the 1 s time limit per chart")
    assert not any(t.name == "gallery-cell" and t.is_alive() for t in threading.enumerate())
    monkeypatch.undo()
    assert render_cell("matplotlib", "scatter").ok  # the next cell draws as usual


def test_a_constant_column_in_a_position_role_is_explained():
    frame = read_dataset("penguins").assign(flat=0.0)
    cell = render_cell("altair", "scatter", frame, {"x": "flat"})
    assert cell.message == ("Scatter by category: 'flat' has the same value (0) in every "
                            "complete row, so there is nothing to spread along x; map x to a "
                            "column that varies")
