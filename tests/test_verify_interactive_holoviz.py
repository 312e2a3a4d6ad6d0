"""``gallery verify`` bites on HoloViews' and hvPlot's interactive cells: each example, as
it stands in examples/, meets its kind's specification, and the same file with one
mistake put in is rejected for that mistake."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.libraries import LIBRARIES
from gallery.verify.run import Verdict, verify_cell
from tests.browser import ROOT


@dataclass(frozen=True)
class Mistake:
    library: str
    kind: str
    old: str  # text of the example file
    new: str  # what it becomes in the wrong chart
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain
    dataset: str = "penguins"

    @property
    def id(self) -> str:
        return f"{self.library}-{self.kind}-{self.point}-{self.says.split()[0]}"


SELECTION = '"tools": ["box_select"], '
MISTAKES = [
    Mistake("holoviews", "tooltip", "hover_tooltips=[color, label, x, y]",
            "hover_tooltips=[color, x, y]", "tooltip", "does not name island"),
    Mistake("holoviews", "linked", "opts(shared_datasource=True,",
            "opts(shared_datasource=False,", "brush",
            "do not share a selection"),
    Mistake("holoviews", "linked", 'tools=["box_select"], active_tools=["box_select"]',
            "", "brush", "no rectangle selection"),
    Mistake("holoviews", "linked", "df = df.sort_values(color)\n", "\n", "order",
            "sorted order"),
    Mistake("hvplot", "tooltip", "hover_cols=[label], ", "", "tooltip",
            "does not name island"),
    Mistake("hvplot", "linked", "views.opts(shared_datasource=True,",
            "views.opts(shared_datasource=False,", "brush", "do not share a selection"),
    Mistake("hvplot", "linked", SELECTION, "", "brush", "no rectangle selection"),
    Mistake("holoviews_matplotlib", "animation", "frames = hv.Dataset(df).to(",
            "frames = hv.Dataset(df[df[time] < df[time].max()]).to(", "controls",
            "the time control offers", dataset="gapminder"),
    Mistake("holoviews_matplotlib", "animation", "alpha=0.6, s=share * 28.8**2",
            "alpha=0.6, s=share * 20**2",
            "size scale", "px across", dataset="gapminder"),
]


def _example(library: str) -> Path:
    return ROOT / "examples" / f"{LIBRARIES.get(library).example_stem}.py"


def _verdict(library: str, kind: str, dataset: str, code: str, folder: Path) -> Verdict:
    path = folder / _example(library).name
    path.write_text(code, encoding="utf-8")
    return verify_cell(library, kind, dataset, example=path)


@pytest.mark.parametrize("library, kind, dataset",
                         sorted({(m.library, m.kind, m.dataset) for m in MISTAKES}))
def test_the_example_meets_the_specification(library, kind, dataset):
    verdict = verify_cell(library, kind, dataset)
    assert verdict.status == "ok", verdict.message
    assert not verdict.problems, [str(p) for p in verdict.problems]


@pytest.mark.parametrize("case", MISTAKES, ids=[m.id for m in MISTAKES])
def test_a_wrong_chart_is_rejected_for_its_mistake(case, tmp_path):
    code = _example(case.library).read_text(encoding="utf-8")
    assert code.count(case.old) == 1, f"the example no longer holds {case.old!r} once"
    wrong = _verdict(case.library, case.kind, case.dataset, code.replace(case.old, case.new),
                     tmp_path)
    reasons = [str(p) for p in wrong.problems if p.point == case.point]
    assert wrong.status == "ok", wrong.message
    assert any(case.says in reason for reason in reasons), [str(p) for p in wrong.problems]
