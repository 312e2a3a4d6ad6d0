"""``gallery verify`` bites on the Bokeh family's interactive charts: the gallery's own Bokeh
example passes, and the same file with one mistake is rejected for that mistake (a tooltip
missing a column, views that share no selection or have no box select, a dropdown listing
categories unsorted or drawing every row at the start, a time slider missing years, no
play button). The extractor's reading of tooltips, controls and linked views is checked
on the models themselves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.render import render_cell
from gallery.verify.extract_bokeh import extract
from gallery.verify.run import verify_cell
from gallery.verify.scene import Control
from tests.browser import ROOT

EXAMPLE = (ROOT / "examples" / "plot_bokeh.py").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Mistake:
    kind: str
    changes: tuple[tuple[str, str], ...]  # (text in the example, what it becomes)
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain
    dataset: str = "penguins"

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.says.split()[0]}-{self.says.split()[-1]}"


MISTAKES = [
    Mistake("tooltip", (("for name in (color, label, x, y)", "for name in (color, x, y)"),),
            "tooltip", "does not name island"),
    Mistake("linked", (("right.scatter(x2, y2, source=source,",
                        "right.scatter(x2, y2, source=ColumnDataSource(df.sort_values(color)),"),),
            "brush", "do not share a selection"),
    Mistake("linked", (('y_axis_label=y,\n                  tools="box_select,reset")',
                        'y_axis_label=y,\n                  tools="pan,reset")'),
                       ('y_axis_label=y2,\n                   tools="box_select,reset")',
                        'y_axis_label=y2,\n                   tools="pan,reset")')),
            "brush", "no rectangle selection"),
    Mistake("widget", (("options=names,", "options=names[::-1],"),),
            "control", "in that order"),
    Mistake("widget", (("source = ColumnDataSource(groups[names[0]])",
                        "source = ColumnDataSource(df)"),),
            "rows", "points that are no row"),
    Mistake("animation", (("step=years[1] - years[0]", "step=2 * (years[1] - years[0])"),),
            "controls", "the time control offers", dataset="gapminder"),
    Mistake("animation", (('Toggle(label="► Play"', 'Toggle(label="Go on"'),),
            "controls", "no play button", dataset="gapminder"),
    Mistake("animation", (("df[size].max()))\n    df = df.sort_values([color, size]",  # per year
                           "df.groupby(time)[size].transform('max')))\n"
                           "    df = df.sort_values([color, size]"),),
            "size scale", "largest", dataset="gapminder"),
]


def _verdict(code: str, kind: str, dataset: str, folder: Path):
    path = folder / "plot_bokeh.py"
    path.write_text(code, encoding="utf-8")
    return verify_cell("bokeh", kind, dataset, example=path)


@pytest.mark.parametrize("kind", ["tooltip", "linked", "widget", "animation"])
@pytest.mark.parametrize("dataset", ["penguins", "gapminder"])
def test_the_bokeh_example_meets_the_specification(kind, dataset):
    verdict = verify_cell("bokeh", kind, dataset)
    assert verdict.ok, [str(p) for p in verdict.problems] or verdict.message


@pytest.mark.parametrize("case", MISTAKES, ids=[case.id for case in MISTAKES])
def test_a_wrong_interactive_chart_is_rejected_for_its_mistake(case, tmp_path):
    code = EXAMPLE
    for old, new in case.changes:
        assert code.count(old) == 1, old
        code = code.replace(old, new)
    wrong = _verdict(code, case.kind, case.dataset, tmp_path)
    reasons = [str(p) for p in wrong.problems if p.point == case.point]
    assert not wrong.ok, wrong
    assert any(case.says in reason for reason in reasons), [str(p) for p in wrong.problems]


def _scene(kind: str):
    cell = render_cell("bokeh", kind, live=True)
    assert cell.ok, cell.message
    return extract(cell.payload)


def test_the_extractor_reads_tooltips_controls_and_links_from_the_models():
    tooltip = _scene("tooltip")
    assert tooltip.tooltip == ("species", "island", "bill_length_mm", "bill_depth_mm")
    assert tooltip.controls == () and not tooltip.linked

    linked = _scene("linked")
    assert linked.linked and linked.control("brush") == Control("brush")
    assert {p.panel for p in linked.points} == {0, 1}

    widget = _scene("widget")
    assert widget.control("select") == Control("select", ("Adelie", "Chinstrap", "Gentoo"))

    animation = _scene("animation")
    years = tuple(str(y) for y in range(1952, 2008, 5))
    assert animation.control("slider") == Control("slider", years)
    assert animation.control("play") == Control("play")
