"""Awkward values: what the gallery does to them, and the exact notice the reader sees."""

import numpy as np
import pandas as pd
import pytest

from gallery.cleaning import DataError, prepare_data, run_steps
from gallery.kinds import KINDS

SCATTER, BUBBLE, LINE, HEATMAP = (KINDS[k] for k in ("scatter", "bubble", "line", "heatmap"))
XY = {"x": "x", "y": "y", "color": "c"}


def frame(**columns) -> pd.DataFrame:
    base = {"x": [1.0, 2.0, 3.0, 4.0], "y": [4.0, 1.0, 3.0, 2.0], "c": list("abab")}
    return pd.DataFrame({**base, **columns})


def test_missing_and_infinite_values_are_left_out_and_counted():
    data = pd.DataFrame({"x": [1.0, None, np.inf, 4.0, 5.0, 6.0],
                         "y": [1.0, 2.0, 3.0, -np.inf, 5.0, 7.0], "c": list("ababab")})
    prepared = prepare_data(data, SCATTER, XY)
    assert prepared.data["x"].tolist() == [1.0, 5.0, 6.0]
    assert prepared.notes == ("3 of 6 rows left out: missing or infinite values",)


def test_numbers_written_as_text_are_read_and_bad_ones_counted():
    prepared = prepare_data(frame(x=["1", "2.5", "n/a", "4"]), SCATTER, XY)
    assert prepared.data["x"].tolist() == [1.0, 2.5, 4.0]
    assert prepared.notes == ("1 value(s) of 'x' were not numbers and were left out",
                              "1 of 4 rows left out: missing or infinite values")


def test_dates_as_text_become_fractional_years():
    dates = ["2020-01-01", "2020-07-02", "2021-01-01", "2022-01-01"]
    prepared = prepare_data(frame(x=dates), LINE, {"time": "x", "y": "y", "color": "c"})
    assert prepared.data["x"].round(2).tolist() == [2020.0, 2020.5, 2021.0, 2022.0]
    assert prepared.notes == ("dates in 'x' became fractional years (2020.5 is mid-2020) so "
                              "every library can place them on a numeric axis",)


def test_hundreds_of_categories_become_the_top_seven_and_other():
    # one palette colour per category: 8 colours, so the 7 most frequent and "other"
    n = 600
    data = pd.DataFrame({"x": np.arange(n, dtype=float), "y": np.arange(n, dtype=float) % 7,
                         "c": [f"level {i % 300}" for i in range(n)]})
    prepared = prepare_data(data, SCATTER, XY)
    assert prepared.data["c"].nunique() == 8 and "other" in set(prepared.data["c"])
    assert prepared.notes == ("'c' has 300 distinct values: the 7 most frequent are shown and "
                              "the rest grouped as 'other'",)


def test_mixed_types_in_a_category_become_text():
    prepared = prepare_data(frame(c=[1, "b", 2.5, None]), SCATTER, XY)
    assert prepared.data["c"].tolist() == ["1", "b", "2.5"]


def test_zero_and_negative_sizes_are_left_out_and_said():
    roles = {**XY, "size": "s"}
    prepared = prepare_data(frame(s=[1.0, 0.0, -2.0, 3.0]), BUBBLE, roles)
    assert prepared.data["s"].tolist() == [1.0, 3.0]
    assert prepared.notes == ("2 of 4 rows left out: missing, infinite or non-positive size "
                              "values",)


def test_a_constant_size_is_fine_but_a_constant_position_is_refused():
    assert prepare_data(frame(s=[2.0] * 4), BUBBLE, {**XY, "size": "s"}).notes == ()
    with pytest.raises(DataError, match="'y' has the same value \\(7\\) in every complete row"):
        prepare_data(frame(y=[7.0] * 4), SCATTER, XY)


def test_a_heatmap_leaves_out_constant_columns_and_needs_two():
    prepared = prepare_data(frame(k=[5.0] * 4), HEATMAP, {})
    assert list(prepared.data.columns) == ["x", "y"]
    with pytest.raises(DataError, match="needs at least two numeric columns that vary"):
        prepare_data(frame(y=[1.0] * 4), HEATMAP, {})


def test_markup_and_syntax_in_names_are_renamed_and_said():
    data = frame().rename(columns={"x": "<b>x.1</b>", "y": "y:Q", "c": "{c}"})
    roles = {"x": "<b>x.1</b>", "y": "y:Q", "color": "{c}"}
    prepared = prepare_data(data, SCATTER, roles)
    assert prepared.roles == {"x": "_b_x_1__b_", "y": "y_Q", "color": "_c_"}
    assert prepared.notes == ("renamed so every library reads them literally: '<b>x.1</b>' → "
                              "'_b_x_1__b_', 'y:Q' → 'y_Q', '{c}' → '_c_'",)


def test_unicode_and_emoji_names_are_kept():
    data = frame().rename(columns={"x": "größe 🐧"})
    prepared = prepare_data(data, SCATTER, {**XY, "x": "größe 🐧"})
    assert "größe 🐧" in prepared.data.columns and prepared.notes == ()


def test_nothing_left_is_an_error_that_says_what_to_map():
    with pytest.raises(DataError, match="no complete rows left to draw in 'x', 'y', 'c'"):
        prepare_data(frame(x=[None] * 4), SCATTER, XY)


CASES = {
    "missing and infinite": (frame(x=[1.0, None, np.inf, 4.0]), SCATTER, XY),
    "numbers as text": (frame(x=["1", "2.5", "n/a", "4"]), SCATTER, XY),
    "dates as text": (frame(x=["2020-01-01", "2020-07-02", "2021-01-01", "2022-01-01"]), LINE,
                      {"time": "x", "y": "y", "color": "c"}),
    "mixed categories": (frame(c=[1, "b", 2.5, None]), SCATTER, XY),
    "sizes": (frame(s=[1.0, 0.0, -2.0, 3.0]), BUBBLE, {**XY, "size": "s"}),
    "names": (frame().rename(columns={"x": "a.b", "c": "{c}"}), SCATTER,
              {"x": "a.b", "y": "y", "color": "{c}"}),
    "many categories": (pd.DataFrame({"x": np.arange(40.0), "y": np.arange(40.0) % 7,
                                      "c": [f"k{i % 20}" for i in range(40)]}), SCATTER, XY),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_shown_steps_reproduce_the_prepared_data(case):
    """The lines of pandas shown under a card, run on the reader's frame, give exactly the
    rows and columns every library drew, and each notice sits beside its line."""
    data, kind, roles = CASES[case]
    prepared = prepare_data(data, kind, roles)
    again = run_steps(data.copy(), prepared.steps)
    pd.testing.assert_frame_equal(again.reset_index(drop=True),
                                  prepared.data.reset_index(drop=True))
    for note in prepared.notes:
        assert any(line.endswith(f"# {note}") for line in prepared.code.splitlines()), note


def test_a_sample_is_a_seeded_line_of_the_shown_code():
    data = pd.DataFrame({"x": np.arange(50.0), "y": np.arange(50.0) % 9, "c": ["a", "b"] * 25})
    prepared = prepare_data(data, SCATTER, XY, max_rows=10)
    assert prepared.code.splitlines()[-1].startswith(
        "df = df.sample(n=10, random_state=0).sort_index()  # drew a random sample of 10 of 50")
    assert len(run_steps(data, prepared.steps)) == 10


def test_a_category_with_one_value_is_left_out_of_a_density_and_said():
    data = pd.DataFrame({"x": [1.0, 2.0, 3.0, 5.0, 5.0], "c": list("aaabb")})
    prepared = prepare_data(data, KINDS["density"], {"x": "x", "color": "c"})
    assert prepared.data["c"].tolist() == ["a", "a", "a"]
    assert prepared.notes == ("1 c category left out (b): one value of x has no spread to "
                              "estimate a density from",)
    with pytest.raises(DataError, match="no c category has two distinct values of x"):
        prepare_data(pd.DataFrame({"x": [1.0, 2.0], "c": ["a", "b"]}), KINDS["density"],
                     {"x": "x", "color": "c"})


def test_an_animation_of_too_many_frames_is_refused_and_non_positive_log_x_left_out():
    data = pd.DataFrame({"x": [-1.0, 1.0, 2.0, 3.0] * 25, "y": np.arange(100.0),
                         "s": 1.0, "c": "a", "t": np.arange(100)})
    roles = {"x": "x", "y": "y", "size": "s", "color": "c", "time": "t"}
    with pytest.raises(DataError, match="at most 60"):
        prepare_data(data, KINDS["animation"], roles)
    prepared = prepare_data(data.assign(t=np.arange(100) % 4), KINDS["animation"], roles)
    assert (prepared.data["x"] > 0).all()
    assert prepared.notes == ("25 of 100 rows left out: missing, infinite or non-positive size "
                              "or x values",)
