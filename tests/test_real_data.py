"""Real data the gallery never saw: the roles a reader would expect, the reader's own
choices kept and the rest guessed around them, errors that name the missing role, and
enough cells drawn on each data set."""

from __future__ import annotations

import pytest

from gallery.datasets import choose_roles
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.roles import ONE_GROUP
from gallery.sources import example_source
from tests.real_data import REAL

pytest.importorskip("vega_datasets")
BY_NAME = {data.name: data for data in REAL}
# One library per output family: what the reader's data does to each family's cells.
SAMPLE = ("matplotlib", "bokeh", "plotly_express", "altair")
FIRST_KINDS = ("scatter", "line", "bar", "histogram", "box", "heatmap", "facet", "regression",
               "scatter3d", "bubble")


@pytest.mark.parametrize("data", REAL, ids=[d.name for d in REAL])
def test_roles_are_what_a_reader_would_pick(data):
    frame = data.frame()
    for kind, expected in data.expect.items():
        roles = choose_roles(frame, KINDS[kind]).roles
        assert {r: roles[r] for r in expected} == expected, (kind, roles)


def test_roles_mapped_by_hand_are_kept_and_the_rest_guessed_around_them():
    frame = BY_NAME["stocks"].frame()
    roles = choose_roles(frame, KINDS["line"], overrides={"time": "date", "y": "price"}).roles
    assert roles == {"time": "date", "y": "price", "color": "symbol"}
    roles = choose_roles(frame, KINDS["scatter"], overrides={"color": "symbol"}).roles
    assert roles == {"x": "date", "y": "price", "color": "symbol"}


def test_a_missing_role_is_named_with_what_to_map():
    frame = BY_NAME["wind"].frame()  # one numeric column
    cell = render_cell("matplotlib", "scatter", frame)
    assert cell.status == "error"
    assert "needs a column for y (a column of numbers)" in cell.message
    assert "Map y to a column" in cell.message


def test_data_with_no_text_column_draws_one_group_and_says_so():
    frame = BY_NAME["us-employment"].frame()
    cell = render_cell("altair", "scatter", frame)
    assert cell.ok, cell.message
    assert f'df["group"] = "{ONE_GROUP}"  # no column with few distinct values for color' in (
        cell.code)
    assert any(note.startswith("no column with few distinct values for color") for note in
               cell.notes)


def test_numbers_with_few_values_colour_as_categories_and_say_so():
    frame = BY_NAME["cars"].frame()
    cell = render_cell("matplotlib", "bar", frame)
    assert cell.ok, cell.message
    assert cell.roles["color"] == "Cylinders"
    assert "the numbers in 'Cylinders' (5 distinct) are used as categories" in cell.notes


def test_dates_as_text_drive_the_time_role():
    frame = BY_NAME["seattle-weather"].frame()
    cell = render_cell("plotly_express", "line", frame)
    assert cell.ok, cell.message
    assert cell.roles["time"] == "date"
    assert any("dates in 'date' became fractional years" in note for note in cell.notes)


@pytest.mark.slow
@pytest.mark.parametrize("data", REAL, ids=[d.name for d in REAL])
def test_enough_cells_draw_on_real_data(data):
    frame = data.frame()
    drawable = [(lib, kind) for lib in SAMPLE for kind in KINDS
                if kind in example_source(LIBRARIES.get(lib)).functions]
    failed = {}
    crashed = {}
    for library, kind in drawable:
        cell = render_cell(library, kind, frame)
        if not cell.ok:
            failed[f"{library}/{kind}"] = cell.message
            if not cell.message.startswith(f"{KINDS[kind].title}: "):
                crashed[f"{library}/{kind}"] = cell.message
    # Data lacking a role's column is refused by the gallery's data check, naming what to
    # map; a library's crash or a time-out on real data is a fault of the gallery.
    assert crashed == {}, crashed
    # min_ok counts the first ten (static) kinds' 140 cells; the others ask for more columns
    # (x2 and y2, a size and a time) than many data sets have.
    first = [(lib, kind) for lib, kind in drawable if kind in FIRST_KINDS]
    drawn = len([cell for cell in first if f"{cell[0]}/{cell[1]}" not in failed])
    assert drawn >= int(data.min_ok / 140 * len(first)), (drawn, failed)


def test_a_group_combination_missing_from_the_data_draws_its_bars():
    """Cars has no 3- or 5-cylinder cars from some origins: those bars are simply absent
    (the gallery's own counting code once failed on the NaN mean and blamed the library)."""
    frame = BY_NAME["cars"].frame()
    for library in ("matplotlib", "holoviews_matplotlib", "pandas_bokeh", "pandas"):
        cell = render_cell(library, "bar", frame)
        assert cell.ok, cell.message


def test_a_failure_in_the_gallerys_own_code_names_the_gallery(monkeypatch):
    from gallery.renderers import matplotlib_figures

    def broken(figure):
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setattr(matplotlib_figures, "measure", broken)
    cell = render_cell("matplotlib", "scatter")
    assert cell.status == "error"
    assert cell.message == (
        "the gallery could not count what the matplotlib chart drew (ValueError: cannot "
        "convert float NaN to integer) (a gallery bug, not matplotlib's: please report it)")
