"""Every (library, chart kind) cell: drawn with the whole dataset, or a stated reason."""

import pytest

from gallery.datasets import DATASETS, prepare, read_dataset, roles_for
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import OK, render_cell
from gallery.sources import example_path, example_source

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
            drawn, reason = kind in source.functions, source.not_supported.get(kind, "")
            assert drawn != bool(reason), f"{library}/{kind}: needs a function or a reason"
            if reason:
                assert len(reason) > 20, f"{library}/{kind}: say why in a sentence"


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize(("library", "kind"), CELLS, ids=[f"{lib}-{k}" for lib, k in CELLS])
def test_cell_draws_the_whole_dataset(library, kind, dataset):
    chart_kind = KINDS[kind]
    frame, roles = read_dataset(dataset), roles_for(dataset, chart_kind)
    cell = render_cell(library, kind, frame, dataset=dataset)
    assert cell.status == OK, cell.message
    data = prepare(frame, chart_kind, roles)
    assert cell.rows == len(data)
    problem = chart_kind.check(cell.drawn, data, roles)
    assert problem is None, problem


def test_a_failing_cell_becomes_an_error_naming_the_library():
    frame = read_dataset("penguins")
    roles = {"x": "species", "y": "bill_depth_mm", "color": "island"}  # no line fits text
    cell = render_cell("matplotlib", "regression", frame, roles, dataset="penguins")
    assert cell.status == "error"
    assert cell.message.startswith("matplotlib could not draw Scatter with regression")


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
        for kind, reason in source.not_supported.items():
            cell = render_cell(library, kind)
            assert (cell.status, cell.message, cell.payload) == ("unsupported", reason, None)
