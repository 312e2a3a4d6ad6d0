"""``gallery verify`` bites on the Vega family's interactive kinds: each wrong chart below
(a tooltip missing a column, views that do not share their brush, a dropdown out of
order or drawing every category at the start, an animation drawing every year at once or
sizing bubbles by one year) is rejected for the spec point it breaks, while the same code
without the mistake meets that point. The examples' own charts pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery.verify.checks import check
from gallery.verify.run import verify_cell
from gallery.verify.scene import Control
from tests.test_verify import PALETTE, Wrong, _verdict

ROOT = Path(__file__).resolve().parent.parent

VEGA_TOOLTIP = f'''import json
PALETTE = {PALETTE}

def tooltip(df, x, y, color, label):
    return {{"data": {{"values": json.loads(df.to_json(orient="records"))}},
            "mark": {{"type": "circle", "opacity": 0.8}}, "width": 480, "height": 340,
            "encoding": {{"x": {{"field": x, "type": "quantitative", "scale": {{"zero": False}}}},
                         "y": {{"field": y, "type": "quantitative", "scale": {{"zero": False}}}},
                         "color": {{"field": color, "type": "nominal",
                                   "scale": {{"range": PALETTE}}}},
                         "tooltip": [{{"field": color}}, {{"field": label}}, {{"field": x}},
                                     {{"field": y}}]}}}}
'''
ALTAIR_TOOLTIP = f'''import altair as alt
PALETTE = {PALETTE}

def tooltip(df, x, y, color, label):
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{{x}}:Q").scale(zero=False), alt.Y(f"{{y}}:Q").scale(zero=False),
        alt.Color(f"{{color}}:N").scale(range=PALETTE),
        tooltip=[color, label, alt.Tooltip(x), y],
    ).properties(width=480, height=340)
'''
VEGA_LINKED = f'''import json
PALETTE = {PALETTE}

def linked(df, x, y, x2, y2, color):
    shown = {{"field": color, "type": "nominal", "scale": {{"range": PALETTE}}}}
    highlight = {{"condition": {{"param": "brush", **shown}}, "value": "lightgray"}}
    def view(a, b, paint, params=()):
        return {{"params": list(params), "mark": {{"type": "circle", "opacity": 0.8}},
                "width": 400, "height": 400,
                "encoding": {{"x": {{"field": a, "type": "quantitative"}},
                             "y": {{"field": b, "type": "quantitative"}},
                             "color": paint}}}}
    return {{"data": {{"values": json.loads(df.to_json(orient="records"))}},
            "hconcat": [view(x, y, highlight, [{{"name": "brush", "select": "interval"}}]),
                        view(x2, y2, highlight)]}}
'''
ALTAIR_LINKED = f'''import altair as alt
PALETTE = {PALETTE}

def linked(df, x, y, x2, y2, color):
    brush = alt.selection_interval()
    highlight = alt.when(brush).then(alt.Color(f"{{color}}:N").scale(range=PALETTE)).otherwise(
        alt.value("lightgray"))
    base = alt.Chart(df).mark_circle(opacity=0.8).properties(width=400, height=400)
    first = base.encode(alt.X(f"{{x}}:Q").scale(zero=False), alt.Y(f"{{y}}:Q").scale(zero=False),
                        color=highlight).add_params(brush)
    second = base.encode(alt.X(f"{{x2}}:Q").scale(zero=False),
                         alt.Y(f"{{y2}}:Q").scale(zero=False), color=highlight)
    return first | second
'''
VEGA_WIDGET = f'''import json
PALETTE = {PALETTE}

def widget(df, x, y, color):
    names = sorted(df[color].unique())
    return {{"data": {{"values": json.loads(df.to_json(orient="records"))}},
            "params": [{{"name": "pick", "select": {{"type": "point", "fields": [color]}},
                        "value": [{{color: names[0]}}],
                        "bind": {{"input": "select", "options": names}}}}],
            "transform": [{{"filter": {{"param": "pick"}}}}],
            "mark": {{"type": "circle", "opacity": 0.8}}, "width": 480, "height": 340,
            "encoding": {{"x": {{"field": x, "type": "quantitative",
                               "scale": {{"domain": [df[x].min(), df[x].max()]}}}},
                         "y": {{"field": y, "type": "quantitative",
                               "scale": {{"domain": [df[y].min(), df[y].max()]}}}},
                         "color": {{"field": color, "type": "nominal",
                                   "scale": {{"domain": names, "range": PALETTE}}}}}}}}
'''
ALTAIR_WIDGET = f'''import altair as alt
PALETTE = {PALETTE}

def widget(df, x, y, color):
    names = sorted(df[color].unique())
    pick = alt.selection_point(fields=[color], value=names[0],
                               bind=alt.binding_select(options=names))
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{{x}}:Q").scale(domain=[df[x].min(), df[x].max()]),
        alt.Y(f"{{y}}:Q").scale(domain=[df[y].min(), df[y].max()]),
        alt.Color(f"{{color}}:N").scale(domain=names, range=PALETTE),
    ).add_params(pick).transform_filter(pick).properties(width=480, height=340)
'''
# SPEC_NOT_MET as the examples declare it: Vega-Lite has no play button.
ALTAIR_ANIMATION = f'''import altair as alt
PALETTE = {PALETTE}

def animation(df, x, y, size, color, time):
    times = sorted(df[time].unique())
    frame = alt.selection_point(fields=[time], value=times[0], bind=alt.binding_range(
        min=times[0], max=times[-1], step=times[1] - times[0]))
    return alt.Chart(df).mark_circle(opacity=0.6).encode(
        alt.X(f"{{x}}:Q").scale(type="log", domain=[df[x].min(), df[x].max()]),
        alt.Y(f"{{y}}:Q").scale(domain=[df[y].min(), df[y].max()]),
        alt.Size(f"{{size}}:Q").scale(domain=[0, df[size].max()], range=[0, 3.1416 * 20**2]),
        alt.Color(f"{{color}}:N").scale(domain=sorted(df[color].unique()), range=PALETTE),
    ).add_params(frame).transform_filter(frame).properties(
        width=480, height=340)

SPEC_NOT_MET = {{"animation": {{"controls": "no play button"}}}}
'''

CASES = [
    Wrong("vega_lite", "tooltip", VEGA_TOOLTIP, ('{"field": label}, ', ""), "tooltip",
          "does not name island"),
    Wrong("altair", "tooltip", ALTAIR_TOOLTIP, ("alt.Tooltip(x)", 'alt.Tooltip(x, title="x")'),
          "tooltip", "does not name bill_length_mm"),
    Wrong("vega_lite", "linked", VEGA_LINKED, ("view(x2, y2, highlight)", "view(x2, y2, shown)"),
          "brush", "do not share a selection"),
    Wrong("vega_lite", "linked", VEGA_LINKED, ('"select": "interval"',
                                               '"select": "interval", "bind": "scales"'),
          "brush", "no rectangle selection"),
    Wrong("altair", "linked", ALTAIR_LINKED,
          ("alt.Y(f\"{y2}:Q\").scale(zero=False), color=highlight)",
           "alt.Y(f\"{y2}:Q\").scale(zero=False), color=f\"{color}:N\")"),
          "brush", "do not share a selection"),
    Wrong("vega_lite", "widget", VEGA_WIDGET, ('"options": names', '"options": names[::-1]'),
          "control", "in that order"),
    Wrong("vega_lite", "widget", VEGA_WIDGET, ('[{"filter": {"param": "pick"}}]', "[]"),
          "rows", "points that are no row"),
    Wrong("altair", "widget", ALTAIR_WIDGET, ("value=names[0]", "value=names[1]"), "rows",
          "rows not drawn"),
    Wrong("altair", "animation", ALTAIR_ANIMATION, (".transform_filter(frame)",
                                                    ""),
          "rows", "points that are no row", dataset="gapminder"),
    Wrong("altair", "animation", ALTAIR_ANIMATION,  # sized by the first year's largest
          ("domain=[0, df[size].max()]", "domain=[0, df[df[time] == times[0]][size].max()]"),
          "size scale", "px across", dataset="gapminder"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.library}-{c.kind}-{c.point}-{i}"
                                             for i, c in enumerate(CASES)])
def test_a_wrong_interactive_chart_is_rejected_for_its_mistake(case, tmp_path):
    right = _verdict(case, case.code, tmp_path)
    assert right.status == "ok", right.message
    assert right.ok, [str(p) for p in right.problems]
    old, new = case.mistake
    assert case.code.count(old) == 1, old
    wrong = _verdict(case, case.code.replace(old, new), tmp_path)
    reasons = [str(p) for p in wrong.problems if p.point == case.point]
    assert not wrong.ok
    assert any(case.says in reason for reason in reasons), [str(p) for p in wrong.problems]


def _animation_problems(code: str, folder: Path) -> list[str]:
    """The animation's problems with nothing declared: its controls judged too."""
    from gallery.datasets import read_dataset
    from gallery.kinds import KINDS
    from gallery.render import prepare_cell, render_cell
    from gallery.verify.extract_vega import extract

    path = folder / "plot_altair.py"
    path.write_text(code, encoding="utf-8")
    frame = read_dataset("gapminder")
    cell = render_cell("altair", "animation", frame, dataset="gapminder", live=True,
                       example=path)
    scene = extract(cell.payload)
    prepared = prepare_cell(frame, KINDS["animation"], None, "gapminder", None)
    return [str(p) for p in check("animation", scene, prepared.data, prepared.roles)
            if p.point == "controls"]


def test_the_time_slider_steps_are_read_and_the_missing_play_button_said(tmp_path):
    right = _animation_problems(ALTAIR_ANIMATION, tmp_path)
    assert right == ["controls: no play button is drawn with the chart"]
    skipping = ALTAIR_ANIMATION.replace("step=times[1] - times[0]", "step=10")
    wrong = _animation_problems(skipping, tmp_path)
    assert any("the time control offers 1952, 1962" in p for p in wrong), wrong


@pytest.mark.parametrize("library", ["vega_lite", "altair"])
@pytest.mark.parametrize("kind", ["tooltip", "linked", "widget", "animation"])
def test_the_examples_interactive_charts_pass(library, kind):
    dataset = "gapminder" if kind == "animation" else "penguins"
    verdict = verify_cell(library, kind, dataset)
    assert verdict.ok, verdict.sentences()
    if kind == "animation":
        assert set(verdict.declared) == {"controls"}


def test_the_extractor_reads_controls_tooltip_and_link():
    from gallery.render import render_cell
    from gallery.verify.extract_vega import extract

    widget = extract(render_cell("altair", "widget", live=True).payload)
    assert widget.controls == (Control("select", ("Adelie", "Chinstrap", "Gentoo")),)
    animation = extract(render_cell("vega_lite", "animation", live=True).payload)
    slider = animation.control("slider")
    assert slider is not None and slider.options[:2] == ("1952", "1957")
    assert slider.options[-1] == "2007" and animation.control("play") is None
    tooltip = extract(render_cell("vega_lite", "tooltip", live=True).payload)
    assert tooltip.tooltip == ("species", "island", "bill_length_mm", "bill_depth_mm")
    linked = extract(render_cell("altair", "linked", live=True).payload)
    assert linked.control("brush") is not None and linked.linked
