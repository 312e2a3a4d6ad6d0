"""``gallery verify`` bites on the Plotly family's interactive kinds: each wrong chart below
is the real example with one mistake, rejected for the specification point it breaks,
while the example as it is meets that point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.libraries import LIBRARIES
from gallery.verify import extract_plotly
from gallery.verify.run import verify_cell
from tests.browser import ROOT

pytestmark = [pytest.mark.browser]


@dataclass(frozen=True)
class Mistake:
    library: str
    kind: str
    mistake: tuple[str, str]  # (text in the example, what it becomes in the wrong chart)
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain
    dataset: str = "penguins"

    @property
    def id(self) -> str:
        return f"{self.library}-{self.kind}-{self.says.split()[0]}-{self.point}"


GO_WIDGET_NAMES = ("    names = sorted(df[color].unique())\n    for i, name in enumerate(names):",
                   "    names = list(df[color].unique())\n    for i, name in enumerate(names):")

CASES = [
    # a tooltip that leaves out a column
    Mistake("plotly", "tooltip", ("<br>{label}: %{{customdata[1]}}", ""), "tooltip",
            "does not name island"),
    Mistake("plotly_express", "tooltip", ("hover_data=[label], ", ""), "tooltip",
            "does not name island"),
    # plotly.js's default hover label names no column
    Mistake("plotly", "tooltip", ("hovertemplate=f", "meta=f"), "tooltip", "does not name"),
    # a drag that zooms: no rectangle to select with
    Mistake("plotly", "linked", ('dragmode="select", ', ""), "brush", "no rectangle selection"),
    # rows left out of a selection do not fade: nothing to see in the other view
    Mistake("plotly_express", "linked", ("showupperhalf=False, diagonal_visible=False,",
                                         "showupperhalf=False, diagonal_visible=False, "
                                         "unselected_marker_opacity=1,"),
            "brush", "do not share a selection"),
    # the views in the wrong order: the first one is not x against y
    Mistake("plotly_express", "linked", ("dimensions=[x, y, x2, y2]", "dimensions=[x2, y2, x, y]"),
            "rows", "points drawn in view 1"),
    # categories listed in order of appearance
    Mistake("plotly", "widget", GO_WIDGET_NAMES, "control", "in that order"),
    Mistake("plotly_express", "widget", ("category_orders={color: names},\n",
                                         "category_orders={},\n"),
            "control", "in that order"),
    # every category drawn at the start
    Mistake("plotly", "widget", ("visible=i == 0", "visible=True"), "rows",
            "points that are no row"),
    Mistake("plotly_express", "widget", ("animation_frame=color, ", ""), "control",
            "no dropdown control"),
    # a year missing from the slider, no play button, the size scale of the first frame only
    Mistake("plotly", "animation", ("args=[[str(t)], jump]) for t in times]",
                                    "args=[[str(t)], jump]) for t in times[:-1]]"),
            "controls", "the time control offers", "gapminder"),
    Mistake("plotly", "animation", ('updatemenus=[dict(type="buttons"',
                                    'updatemenus=[dict(visible=False, type="buttons"'),
            "controls", "no play button", "gapminder"),
    Mistake("plotly", "animation", ("sizeref = 2.0 * df[size].max() / 40**2  # the largest",
                                    "sizeref = 2.0 * df.loc[df[time] == times[0], size].max() "
                                    "/ 40**2  # the largest"),
            "size scale", "the largest marker", "gapminder"),
    Mistake("plotly_express", "animation", ('title=f"marker area ~ {size}", width=600, height=480)',
                                            'title=f"marker area ~ {size}", width=600, height=480'
                                            ').update_layout(updatemenus=[dict(visible=False)])'),
            "controls", "no play button", "gapminder"),
    # ranges that follow what is shown: a category's or a year's rows, not the whole data
    Mistake("plotly", "widget", ("xaxis=dict(title=x, range=[df[x].min() - pad_x, df[x].max() "
                                 "+ pad_x]),", "xaxis=dict(title=x),"),
            "axes", "the x axis spans"),
    Mistake("plotly_express", "animation", ("range_y=[df[y].min() - pad_y, df[y].max() + pad_y]"
                                            ",\n                      color_discrete_sequence",
                                            "color_discrete_sequence"),
            "axes", "the y axis spans", "gapminder"),
    # every year drawn at once
    Mistake("plotly_express", "animation", ("animation_frame=time,", ""), "controls",
            "no time control", "gapminder"),
]


@pytest.fixture(scope="module", autouse=True)
def browser():
    yield
    extract_plotly.close()


def _verdict(library: str, kind: str, dataset: str, code: str, folder: Path):
    path = folder / f"{LIBRARIES.get(library).example_stem}.py"
    path.write_text(code, encoding="utf-8")
    return verify_cell(library, kind, dataset, example=path)


def _example(library: str) -> str:
    stem = LIBRARIES.get(library).example_stem
    return (ROOT / "examples" / f"{stem}.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_wrong_interactive_chart_is_rejected_for_its_mistake(case, tmp_path):
    code = _example(case.library)
    right = _verdict(case.library, case.kind, case.dataset, code, tmp_path)
    assert right.ok, right.sentences()
    old, new = case.mistake
    assert code.count(old) == 1, old
    wrong = _verdict(case.library, case.kind, case.dataset, code.replace(old, new), tmp_path)
    reasons = [str(p) for p in wrong.problems if p.point == case.point] + (
        [wrong.message] if wrong.status == "error" else [])
    assert not wrong.ok
    assert any(case.says in reason for reason in reasons), [str(p) for p in wrong.problems]


SUBPLOTS = '''import plotly.graph_objects as go
from plotly.subplots import make_subplots

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]


def linked(df, x, y, x2, y2, color):
    fig = make_subplots(rows=1, cols=2)
    for i, (name, group) in enumerate(df.groupby(color)):
        marker = dict(color=PALETTE[i], opacity=0.8)
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker=marker, legendgroup=name), row=1, col=1)
        fig.add_trace(go.Scatter(x=group[x2], y=group[y2], mode="markers", name=name,
                                 marker=marker, legendgroup=name, showlegend=False),
                      row=1, col=2)
    return fig.update_layout(dragmode="select", width=900, height=400)
'''


def test_two_plots_side_by_side_are_not_a_linked_selection(tmp_path):
    """Two scatter traces in two subplots draw both views and can be brushed, but a box in
    one selects nothing in the other: plotly.js links panels only inside a splom."""
    verdict = _verdict("plotly", "linked", "penguins", SUBPLOTS, tmp_path)
    assert [str(p) for p in verdict.problems] == [
        "brush: the views do not share a selection: a rectangle in one highlights nothing "
        "in the other"]
