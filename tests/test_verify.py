"""``gallery verify`` bites: each wrong chart below is rejected for the reason it is wrong,
while the same code without the mistake meets that point. The cases cover the mistakes
seen in review, in every output family."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.libraries import LIBRARIES
from gallery.verify.run import verify_cell
from tests.browser import ROOT

PALETTE = '["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]'


@dataclass(frozen=True)
class Wrong:
    library: str
    kind: str
    code: str  # a whole example file that draws the kind right (for this point)
    mistake: tuple[str, str]  # (text in the code, what it becomes in the wrong chart)
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain
    dataset: str = "penguins"

    @property
    def id(self) -> str:
        return f"{self.library}-{self.kind}-{self.says.split()[0]}"


VEGA_BAR = f'''import json
PALETTE = {PALETTE}

def bar(df, x, y, color):
    return {{"data": {{"values": json.loads(df.to_json(orient="records"))}},
            "mark": "bar", "width": 480, "height": 340,
            "encoding": {{"x": {{"field": x, "type": "nominal"}},
                         "xOffset": {{"field": color, "type": "nominal"}},
                         "y": {{"field": y, "aggregate": "mean", "type": "quantitative"}},
                         "color": {{"field": color, "type": "nominal",
                                   "scale": {{"range": PALETTE}}}}}}}}
'''
VEGA_SCATTER = f'''import json
PALETTE = {PALETTE}

def scatter(df, x, y, color):
    return {{"data": {{"values": json.loads(df.to_json(orient="records"))}},
            "transform": [{{"filter": "true"}}],
            "mark": {{"type": "circle", "opacity": 0.8}}, "width": 480, "height": 340,
            "encoding": {{"x": {{"field": x, "type": "quantitative", "scale": {{"zero": False}}}},
                         "y": {{"field": y, "type": "quantitative", "scale": {{"zero": False}}}},
                         "color": {{"field": color, "type": "nominal",
                                   "scale": {{"range": PALETTE}}}}}}}}
'''
ALTAIR_HISTOGRAM = f'''import altair as alt
PALETTE = {PALETTE}

def histogram(df, x, color):
    low, high = df[x].min(), df[x].max()
    return alt.Chart(df.sample(frac=1.0, random_state=0)).mark_bar().encode(
        alt.X(f"{{x}}:Q").bin(extent=[low, high], step=(high - low) / 20, nice=False),
        alt.Y("count()"), alt.Color(f"{{color}}:N").scale(range=PALETTE),
    ).properties(width=480, height=340)
'''
ALTAIR_SCATTER = f'''import altair as alt
PALETTE = {PALETTE}

def scatter(df, x, y, color):
    return alt.Chart(df).mark_circle(opacity=0.8).encode(
        alt.X(f"{{x}}:Q").scale(zero=False), alt.Y(f"{{y}}:Q").scale(zero=False),
        alt.Color(f"{{color}}:N").scale(range=PALETTE),
    ).properties(width=480, height=340)
'''
PLOTLY_SCATTER = f'''import plotly.graph_objects as go
PALETTE = {PALETTE}

def scatter(df, x, y, color):
    fig = go.Figure()
    for i, (name, group) in enumerate(df.groupby(color)):
        fig.add_trace(go.Scatter(x=group[x], y=group[y], mode="markers", name=name,
                                 marker_color=PALETTE[i], opacity=0.8))
    return fig.update_layout(width=600, height=400)
'''
PLOTLY_LINE = f'''import plotly.graph_objects as go
PALETTE = {PALETTE}

def line(df, time, y, color):
    means = df.groupby([color, time], as_index=False)[y].mean()
    fig = go.Figure()
    for i, (name, group) in enumerate(means.groupby(color)):
        fig.add_trace(go.Scatter(x=group[time], y=group[y], mode="lines+markers", name=name,
                                 marker_color=PALETTE[i]))
    return fig.update_layout(width=600, height=400)
'''
PX_3D = f'''import plotly.express as px
PALETTE = {PALETTE}

def scatter3d(df, x, y, z, color):
    fig = px.scatter_3d(df, x=x, y=y, z=z, color=color, opacity=0.8,
                        color_discrete_sequence=PALETTE,
                        category_orders={{color: sorted(df[color].unique())}})
    return fig.update_traces(visible=True).update_layout(width=600, height=400)
'''
PLOTLY_BAR = f'''import plotly.graph_objects as go
PALETTE = {PALETTE}

def bar(df, x, y, color):
    means = df.groupby([color, x], as_index=False)[y].mean()
    fig = go.Figure()
    for i, (name, group) in enumerate(means.groupby(color)):
        fig.add_trace(go.Bar(x=group[x], y=group[y], name=name, marker_color=PALETTE[i]))
    return fig.update_layout(barmode="group", width=600, height=400)
'''
MPL_HISTOGRAM = f'''import matplotlib.pyplot as plt
import numpy as np
PALETTE = {PALETTE}

def histogram(df, x, color):
    names = sorted(df[color].unique())
    edges = np.histogram_bin_edges(df[x], bins=20)
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist([df.loc[df[color] == n, x] for n in names], bins=edges, stacked=True,
            label=names, color=PALETTE[:len(names)])
    ax.legend()
    return fig
'''
MPL_SCATTER = f'''import matplotlib.pyplot as plt
PALETTE = {PALETTE}

def scatter(df, x, y, color):
    fig, ax = plt.subplots(figsize=(6, 4))
    for (name, group), hue in zip(df.groupby(color), PALETTE):
        ax.scatter(group[x], group[y], label=name, color=hue, alpha=0.8)
    ax.legend()
    return fig
'''
MPL_BOX = f'''import matplotlib.pyplot as plt
import numpy as np
PALETTE = {PALETTE}

def box(df, x, y):
    names = sorted(df[x].unique())
    values = [df.loc[df[x] == n, y].to_numpy(float) for n in names]
    fig, ax = plt.subplots(figsize=(6, 4))
    parts = ax.boxplot(values, tick_labels=names, patch_artist=True)
    for patch, hue in zip(parts["boxes"], PALETTE):
        patch.set_facecolor(hue)
    return fig
'''
MPL_HEATMAP = '''import matplotlib.pyplot as plt
import numpy as np

def heatmap(df):
    corr = df.corr()
    fig, ax = plt.subplots(figsize=(6, 4))
    image = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
    ax.set_xticks(range(len(corr)), corr.columns)
    ax.set_yticks(range(len(corr)), corr.columns)
    for (i, j), value in np.ndenumerate(corr.values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center")
    fig.colorbar(image)
    return fig
'''
SEABORN_BAR = f'''import seaborn as sns
PALETTE = {PALETTE}

def bar(df, x, y, color):
    return sns.catplot(data=df, kind="bar", x=x, y=y, hue=color, errorbar=None,
                       order=sorted(df[x].unique()), hue_order=sorted(df[color].unique()),
                       palette=PALETTE, height=4, aspect=1.5)
'''
BOKEH_SCATTER = f'''from bokeh.models import CDSView, ColumnDataSource, IndexFilter
from bokeh.plotting import figure
from bokeh.transform import factor_cmap
PALETTE = {PALETTE}

def scatter(df, x, y, color):
    names = sorted(df[color].unique())
    source = ColumnDataSource(df)
    view = CDSView(filter=IndexFilter(list(range(len(df)))))
    p = figure(width=600, height=400)
    p.scatter(x, y, source=source, view=view, alpha=0.8, legend_field=color,
              color=factor_cmap(color, PALETTE, names))
    return p
'''
BOKEH_LINE = f'''from bokeh.plotting import figure
PALETTE = {PALETTE}

def line(df, time, y, color):
    means = df.groupby([color, time])[y].mean().reset_index()
    p = figure(width=600, height=400)
    for hue, (name, group) in zip(PALETTE, means.groupby(color)):
        p.line(group[time], group[y], color=hue, legend_label=name)
        p.scatter(group[time], group[y], color=hue, legend_label=name)
    return p
'''
BOKEH_BOX = f'''from bokeh.models import ColumnDataSource, Range1d, Whisker
from bokeh.plotting import figure
from bokeh.transform import factor_cmap
PALETTE = {PALETTE}

def box(df, x, y):
    names = sorted(df[x].unique())
    stats = df.groupby(x)[y].quantile([0.25, 0.5, 0.75]).unstack()
    stats.columns = ["q1", "q2", "q3"]
    iqr = stats.q3 - stats.q1
    inside = df[y].between(df[x].map(stats.q1 - 1.5 * iqr), df[x].map(stats.q3 + 1.5 * iqr))
    stats["lower"] = df[inside].groupby(x)[y].min()
    stats["upper"] = df[inside].groupby(x)[y].max()
    source = ColumnDataSource(stats)
    p = figure(x_range=names, width=600, height=400,
               y_range=Range1d(df[y].min() * 0.95, df[y].max() * 1.05))
    p.add_layout(Whisker(base=x, lower="lower", upper="upper", source=source))
    fill = factor_cmap(x, PALETTE, names)
    p.vbar(x, 0.7, "q1", "q2", source=source, fill_color=fill, line_color="black")
    p.vbar(x, 0.7, "q2", "q3", source=source, fill_color=fill, line_color="black")
    p.scatter(x, y, source=df[~inside], size=6, color="black")
    return p
'''
BOKEH_REGRESSION = f'''import numpy as np
from bokeh.plotting import figure
PALETTE = {PALETTE}

def regression(df, x, y, color):
    p = figure(width=600, height=400)
    for hue, (name, group) in zip(PALETTE, df.groupby(color)):
        p.scatter(group[x], group[y], color=hue, alpha=0.6, legend_label=name)
        slope, intercept = np.polyfit(group[x], group[y], 1)
        xs = np.array([group[x].min(), group[x].max()])
        p.line(xs, slope * xs + intercept, color=hue, legend_label=name)
    return p
'''
MPL_FACET = f'''import matplotlib.pyplot as plt
PALETTE = {PALETTE}

def facet(df, x, y, color, facet):
    panels = sorted(df[facet].unique())
    colors = dict(zip(sorted(df[color].unique()), PALETTE))
    columns, rows = min(2, len(panels)), (len(panels) + 1) // 2
    fig, axes = plt.subplots(rows, columns, figsize=(3 * columns + 1.4, 3 * rows),
                             sharex=True, sharey=True, squeeze=False)
    for ax, panel in zip(axes.flat, panels):
        here = df[df[facet] == panel]
        for name, fill in colors.items():
            group = here[here[color] == name]
            ax.scatter(group[x], group[y], color=fill, alpha=0.8, label=name)
        ax.set(title=f"{{facet}} = {{panel}}")
    for ax in axes.flat[len(panels):]:
        ax.remove()
    axes[0, -1].legend(title=color, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig
'''

CASES = [
    Wrong("vega_lite", "bar", VEGA_BAR, ('"aggregate": "mean", ', ""), "statistic",
          "one was expected"),
    Wrong("vega_lite", "scatter", VEGA_SCATTER,
          ('"filter": "true"', '"filter": "datum.species == \'Adelie\'"'), "rows",
          "rows not drawn"),
    Wrong("vega_lite", "scatter", VEGA_SCATTER, ('"range": PALETTE', '"range": PALETTE[::-1]'),
          "palette", "legend colours"),
    Wrong("altair", "histogram", ALTAIR_HISTOGRAM, ("frac=1.0", "n=10"), "statistic", "bins do"),
    Wrong("altair", "scatter", ALTAIR_SCATTER, ("opacity=0.8", "opacity=0"), "rows", "not visible"),
    Wrong("plotly", "scatter", PLOTLY_SCATTER,
          ('go.Scatter(x=group[x], y=group[y], mode="markers",', 'go.Histogram(x=group[x],'),
          "rows", "rows not drawn"),
    Wrong("plotly", "line", PLOTLY_LINE,
          ('go.Scatter(x=group[time], y=group[y], mode="lines+markers",',
           'go.Box(x=group[time], y=group[y],'), "statistic", "no visible line"),
    # every trace legend-only: nothing is drawn, and the render boundary says so
    Wrong("plotly_express", "scatter3d", PX_3D, ("visible=True", 'visible="legendonly"'),
          "rows", "no marks were drawn"),
    Wrong("plotly", "bar", PLOTLY_BAR, ("[y].mean()", "[y].sum()"), "statistic", "the mean"),
    Wrong("plotly", "scatter", PLOTLY_SCATTER,
          ("enumerate(df.groupby(color))", "enumerate(list(df.groupby(color))[:2])"),
          "rows", "rows not drawn"),
    Wrong("matplotlib", "histogram", MPL_HISTOGRAM, ("bins=20)", "bins=1)"), "bins", "wide"),
    Wrong("matplotlib", "scatter", MPL_SCATTER, ("alpha=0.8", "alpha=0"), "rows", "not visible"),
    Wrong("matplotlib", "box", MPL_BOX, (".to_numpy(float) for n in names]",
                                          ".to_numpy(float) * (1 if n == names[0] else np.nan) "
                                          "for n in names]"), "statistic", "no box"),
    Wrong("matplotlib", "box", MPL_BOX, ("df.loc[df[x] == n, y]", "df.loc[df[x] == n].index"),
          "statistic", "expected"),
    Wrong("matplotlib", "scatter", MPL_SCATTER,
          ("df.groupby(color)", "pd.concat([df, df]).groupby(color)"), "rows", "drawn twice"),
    Wrong("matplotlib", "heatmap", MPL_HEATMAP, ("corr = df.corr()", "corr = df.corr() * 0"),
          "values", "do not show their value"),
    Wrong("seaborn", "bar", SEABORN_BAR, ("errorbar=None", 'errorbar=("ci", 95)'),
          "error bars", "error bars are drawn"),
    Wrong("bokeh", "scatter", BOKEH_SCATTER, ("list(range(len(df)))", "[0, 1, 2]"),
          "rows", "not visible"),
    Wrong("bokeh", "scatter", BOKEH_SCATTER, ("factor_cmap(color, PALETTE, names)",
                                              "factor_cmap(color, PALETTE, names[::-1])"),
          "palette", "legend colours"),
    Wrong("bokeh", "line", BOKEH_LINE, ("[y].mean()", "[y].sum()"), "statistic", "means",
          dataset="gapminder"),
    Wrong("bokeh", "box", BOKEH_BOX, ("df[y].max() * 1.05", "df[y].max() * 0.9"),
          "whiskers", "outside the y axis range"),
    Wrong("bokeh", "regression", BOKEH_REGRESSION,  # as an infinite hv.Slope would
          ("[group[x].min(), group[x].max()]", "[df[x].min(), df[x].max()]"), "fit", "runs"),
    Wrong("matplotlib", "facet", MPL_FACET,
          ("min(2, len(panels)), (len(panels) + 1) // 2", "len(panels), 1"), "panels",
          "panels in a row"),
    Wrong("matplotlib", "facet", MPL_FACET,  # each panel colouring its own categories
          ("for name, fill in colors.items():", "for name, fill in zip(sorted(here[color]"
           ".unique()), PALETTE):"), "palette", "not drawn in their category's colour"),
]


def _verdict(case: Wrong, code: str, folder: Path):
    path = folder / f"{LIBRARIES.get(case.library).example_stem}.py"
    path.write_text(code.replace("pd.concat", "__import__('pandas').concat"), encoding="utf-8")
    return verify_cell(case.library, case.kind, case.dataset, example=path)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_wrong_chart_is_rejected_for_its_mistake(case, tmp_path):
    right = _verdict(case, case.code, tmp_path)
    assert right.status == "ok", right.message
    assert case.point not in {p.point for p in right.problems}, [str(p) for p in right.problems]
    old, new = case.mistake
    assert case.code.count(old) == 1, old
    wrong = _verdict(case, case.code.replace(old, new), tmp_path)
    reasons = [str(p) for p in wrong.problems if p.point == case.point] + (
        [wrong.message] if wrong.status == "error" else [])
    assert not wrong.ok
    assert any(case.says in reason for reason in reasons), [str(p) for p in wrong.problems]


def test_verify_reads_a_copy_of_an_example_anywhere_and_prints_json(tmp_path):
    source = (ROOT / "examples" / "plot_altair.py").read_text(encoding="utf-8")
    copy = tmp_path / "elsewhere" / "plot_altair.py"
    copy.parent.mkdir()
    copy.write_text(source.replace("mark_circle(opacity=0.8)", "mark_circle(opacity=0.3)", 1),
                    encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "gallery", "verify", str(copy), "--json",
                          "--kinds", "scatter,bar", "--datasets", "penguins"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 1, run.stderr
    assert [(r["library"], r["kind"], r["dataset"]) for r in lines] == [
        ("altair", "scatter", "penguins"), ("altair", "bar", "penguins")]
    scatter, bar = lines
    assert not scatter["ok"] and any("opacity" in p for p in scatter["problems"])
    assert bar["ok"] and bar["problems"] == []


def test_verify_names_a_file_it_cannot_place(tmp_path):
    stray = tmp_path / "my_chart.py"
    stray.write_text("import altair\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "gallery", "verify", str(stray)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 2
    assert "name it plot_<library>.py" in run.stderr
