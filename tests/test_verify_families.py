"""``gallery verify`` bites on the kinds added by family (density, ordered bar / lollipop,
100 % stacked bar): each wrong chart is a real example file with one mistake, in each
output family, and is rejected on the point the mistake breaks; the file as it is meets
that point."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from gallery.libraries import LIBRARIES
from gallery.verify.run import verify_cell
from tests.browser import ROOT


@dataclass(frozen=True)
class Wrong:
    library: str
    kind: str
    mistake: tuple[str, str]  # (text in the example's function of that kind, what it becomes)
    point: str  # the specification point the wrong chart breaks
    says: str  # words the reason must contain
    dataset: str = "penguins"

    @property
    def id(self) -> str:
        return f"{self.library}-{self.kind}-{self.says.split()[0]}-{self.says.split()[-1]}"


CASES = [
    # density: counts instead of a density, a curve missing, a swapped colour, too narrow
    Wrong("matplotlib", "density", ("ax.plot(grid, kde(grid),", "ax.plot(grid, len(group) * "
                                    "kde(grid),"), "statistic", "has area"),
    Wrong("matplotlib", "density", ("df.groupby(color)):", "df.groupby(color)):\n"
                                    "        if i == 2:\n            continue"),
          "statistic", "no density curve for Gentoo"),
    Wrong("plotly", "density", ("line_color=PALETTE[i]", "line_color=PALETTE[2 - i]"),
          "palette", "legend colours"),
    Wrong("plotly", "density", ("kde = gaussian_kde(group[x])",
                                "kde = gaussian_kde(group[x], bw_method=0.05)"),
          "statistic", "at its peak"),
    Wrong("altair", "density", ('.transform_density(', '.transform_filter("false")'
                                '.transform_density('), "statistic", "no density curve"),
    # lollipop: not sorted, the lowest instead of the highest, a cut baseline, two colours
    Wrong("matplotlib", "lollipop", (".nlargest(15)", ".nlargest(15).sort_values()"),
          "order", "highest first", "gapminder"),
    Wrong("matplotlib", "lollipop", (".nlargest(15)", ".nsmallest(15)"), "statistic",
          "not among the 15 highest", "gapminder"),
    Wrong("matplotlib", "lollipop", ("ylim=(0, top.max() * 1.08)",
                                     "ylim=(top.min() - 1, top.max() + 1)"),
          "statistic", "is cut off", "gapminder"),
    Wrong("bokeh", "lollipop", ("p.scatter(x, y, source=top, color=PALETTE[0]",
                                "p.scatter(x, y, source=top, color=PALETTE[1]"),
          "palette", "one colour", "gapminder"),
    Wrong("bokeh", "lollipop", ("latest = df[df[time] == df[time].max()]",
                                "latest = df[df[time] == df[time].min()]"),
          "statistic", "wrong heights", "gapminder"),
    # 100 % stacked bar: counts not shares, overlaid, reversed stack, wrong colours
    Wrong("matplotlib", "stacked100", ("value_counts(normalize=True)", "value_counts()"),
          "statistic", "100 % is 1 or 100"),
    Wrong("matplotlib", "stacked100", ("bottom=bottom,", ""), "stacking", "overlap"),
    Wrong("matplotlib", "stacked100", ("for i, name in enumerate(shares.columns):",
                                       "for i, name in reversed(list(enumerate(shares.columns))):"),
          "stacking", "sorted order was expected"),
    Wrong("altair", "stacked100", ('.sort("ascending")', '.sort("descending")'),
          "stacking", "sorted order was expected"),
    Wrong("altair", "stacked100", ('stack("normalize")', 'stack("zero")'), "statistic",
          "100 % is 1 or 100"),
    # violin: one hidden, clipped to the quartiles, the wrong colours
    Wrong("matplotlib", "violin", ("body.set(facecolor=colour, alpha=0.8)",
                                   "body.set(facecolor=colour, visible=colour != PALETTE[0])"),
          "statistic", "no violin for Adelie"),
    Wrong("matplotlib", "violin", ("[df.loc[df[x] == n, y] for n in names]",
                                   "[df.loc[df[x] == n, y].clip(*df.loc[df[x] == n, y]"
                                   ".quantile([0.25, 0.75])) for n in names]"),
          "statistic", "not its values' range"),
    Wrong("matplotlib", "violin", ("zip(parts[\"bodies\"], PALETTE,",
                                   "zip(parts[\"bodies\"], PALETTE[::-1],"),
          "palette", "violins drawn in"),
    # stacked area: overlaid, reversed, a mean instead of a sum
    Wrong("matplotlib", "area", ("sums.T.to_numpy(), labels=sums.columns, colors=PALETTE,",
                                 "sums.T.to_numpy()[::-1], labels=sums.columns[::-1], "
                                 "colors=PALETTE[:sums.shape[1]][::-1],"),
          "stacking", "sorted order was expected", "gapminder"),
    Wrong("matplotlib", "area", ("ax.stackplot(sums.index, sums.T.to_numpy(),",
                                 "ax.stackplot(sums.index, sums.T.to_numpy()[::-1],"),
          "statistic", "does not run from the sum", "gapminder"),
    Wrong("matplotlib", "area", (".sum().unstack(", ".mean().unstack("), "statistic",
          "does not run from the sum", "gapminder"),
    Wrong("altair", "area", ("mark_area(opacity=0.85)", "mark_area(opacity=0.5)"),
          "stacking", "filled at opacity 0.50", "gapminder"),
    Wrong("plotly", "area", (', 0.85)"))', ', 0.5)"))'), "stacking", "filled at opacity 0.50",
          "gapminder"),
    # pie: anticlockwise, a slice missing, counts of another column
    Wrong("matplotlib", "pie", ("counterclock=False", "counterclock=True"), "order",
          "sorted order was expected"),
    Wrong("matplotlib", "pie", ("counts = df[color].value_counts().sort_index()",
                                "counts = df[color].value_counts().sort_index().iloc[:-1]"),
          "statistic", "Gentoo: a wedge of nothing"),
    Wrong("matplotlib", "pie", ("startangle=90", "startangle=0"), "order",
          "not at 12 o'clock"),
    # ridgeline: each ridge at its own scale, reversed, unfilled, rows on free y scales
    Wrong("matplotlib", "ridgeline", ("base + density * scale, color=PALETTE[i]",
                                      "base + density / density.max(), color=PALETTE[i]"),
          "statistic", "heights do not compare", "gapminder"),
    Wrong("seaborn", "ridgeline", ("row=color, row_order=order, hue=color",
                                   "row=color, row_order=order[::-1], hue=color"),
          "order", "sorted order was expected", "gapminder"),
    Wrong("seaborn", "ridgeline", ("                         sharey=True)",
                                   "                         sharey=False)"),
          "statistic", "heights do not compare", "gapminder"),
    Wrong("pandas", "ridgeline", ("return densities.plot.area(subplots=True",
                                  "return densities.plot.line(subplots=True"),
          "fill", "is a line, not filled", "gapminder"),
    Wrong("bokeh", "ridgeline", ("*((name, h) for h in scale * density)",
                                 "*((name, h) for h in 1.4 * density / density.max())"),
          "statistic", "heights do not compare", "gapminder"),
    Wrong("holoviews", "ridgeline", ("base = {name: len(curves) - 1 - i for i, name in "
                                     "enumerate(curves)}",
                                     "base = {name: i for i, name in enumerate(curves)}"),
          "order", "sorted order was expected", "gapminder"),
    Wrong("plotly", "ridgeline", ('categoryorder="category descending"',
                                  'categoryorder="category ascending"'),
          "order", "sorted order was expected", "gapminder"),
    Wrong("plotly_express", "ridgeline", ("fillcolor=trace.marker.color",
                                          'fillcolor="rgba(0,0,0,0)"'),
          "fill", "is a line, not filled", "gapminder"),
    Wrong("vega_lite", "ridgeline", ('"resolve": {"scale": {"y": "shared"}}',
                                     '"resolve": {"scale": {"y": "independent"}}'),
          "statistic", "heights do not compare", "gapminder"),
    Wrong("altair", "ridgeline", ('mark_area(fillOpacity=0.8, stroke="white", strokeWidth=0.5)',
                                  "mark_line()"),
          "fill", "is a line, not filled", "gapminder"),
    # hexbin: rows left out or counted twice, empty bins, too few bins, the scale reversed,
    # off viridis, no colour bar (each output family)
    Wrong("matplotlib", "hexbin", ("ax.hexbin(df[x], df[y], gridsize",
                                   "ax.hexbin(df[x], df[y], C=df[y], gridsize"),
          "statistic", "the bins count", "gapminder"),
    Wrong("matplotlib", "hexbin", ("gridsize=25,", "gridsize=5,"), "statistic",
          "bins across x", "gapminder"),
    Wrong("matplotlib", "hexbin", ('cmap="viridis", mincnt=1', 'cmap="viridis_r", mincnt=1'),
          "scale", "colours do not rise", "gapminder"),
    Wrong("pandas", "hexbin", ("gridsize=25, mincnt=1, ", "gridsize=25, "), "statistic",
          "empty bins are drawn", "gapminder"),
    Wrong("seaborn", "hexbin", ("cbar=True,", "cbar=False,"), "scale", "no colour bar",
          "gapminder"),
    Wrong("plotnine", "hexbin", ('scale_fill_cmap("viridis")', 'scale_fill_cmap("magma")'),
          "scale", "not coloured on viridis", "gapminder"),
    # plotnine's default colour bar: a Gouraud mesh whose SVG filter browsers ignore
    Wrong("plotnine", "hexbin", ("guides(fill=BAR)", "guides(fill=guide_colorbar())"),
          "scale", "colour bar is a Gouraud-shaded mesh", "gapminder"),
    Wrong("bokeh", "hexbin", ("p.hexbin(df[x], df[y],", "p.hexbin(df[x][::2], df[y][::2],"),
          "statistic", "the bins count", "gapminder"),
    Wrong("hvplot", "hexbin", ("gridsize=25, cmap=", "gridsize=25, min_count=2, cmap="),
          "statistic", "the bins count", "gapminder"),
    Wrong("plotly", "hexbin", ('colorscale=[[0, "rgba(0,0,0,0)"], [1e-9, viridis[0][1]], '
                               '*viridis[1:]],', 'colorscale="Viridis",'),
          "statistic", "empty bins are drawn", "gapminder"),
    Wrong("plotly_express", "hexbin", ("df, x=x, y=y, nbinsx=25,",
                                       'df, x=x, y=y, nbinsx=25, histnorm="probability",'),
          "statistic", "the bins count", "gapminder"),
    Wrong("vega_lite", "hexbin", ('"scale": {"scheme": "viridis"}}',
                                  '"scale": {"scheme": "viridis", "reverse": True}}'),
          "scale", "colours do not rise", "gapminder"),
    Wrong("altair", "hexbin", ('.title("count"),', '.title("count").legend(None),'),
          "scale", "no colour bar", "gapminder"),
    # scatter matrix: a corner only, a panel with half the rows, swapped colours
    Wrong("matplotlib", "splom", ("                else:\n", "                elif row > col:\n"),
          "panels", "no panel plots every row"),
    Wrong("matplotlib", "splom", ("ax.scatter(group[across], group[up],",
                                  "ax.scatter(group[across][::2], group[up][::2],"),
          "panels", "no panel plots every row"),
    Wrong("matplotlib", "splom", ("s=6, color=PALETTE[i],", "s=6, color=PALETTE[2 - i],"),
          "palette", "legend colours"),
    # radar: turned the other way, a radius from 0.2, medians, opaque, open, unnamed, a
    # category dropped, min-max from zero, an open outline under a fill
    Wrong("matplotlib", "radar", ("ax.set_theta_direction(-1)", "ax.set_theta_direction(1)"),
          "statistic", "at 90°"),
    Wrong("matplotlib", "radar", ("ax.set_ylim(0, 1)", "ax.set_ylim(0.2, 1)"),
          "statistic", "lie on no spoke's place"),
    Wrong("seaborn", "radar", ("errorbar=None, ax=ax", 'errorbar=None, estimator="median", '
                               "ax=ax"), "statistic", "Chinstrap's polygon"),
    Wrong("plotnine", "radar", ("alpha=0.25, size=0.8", "alpha=0.8, size=0.8"),
          "fill", "filled at opacity 0.80"),
    Wrong("plotnine", "radar", ('label="measure"', 'label="t"'), "spokes", "no spoke is named"),
    Wrong("pandas", "radar", ("around = pd.concat([profiles, profiles.iloc[:1]]).set_axis("
                              "[*angles, 2 * np.pi])", "around = profiles.set_axis(angles)"),
          "statistic", "the polygon is open"),
    Wrong("bokeh", "radar", ("turns = 2 * np.pi", "turns = -2 * np.pi"), "statistic",
          "at 90°"),
    Wrong("holoviews", "radar", ("for name, row in means.iterrows()}",
                                 "for name, row in means.iloc[1:].iterrows()}"),
          "statistic", "no polygon in Gentoo's colour"),
    Wrong("chartify", "radar", ("order = [measures[0], *measures[:0:-1]]", "order = measures"),
          "statistic", "no vertex"),
    Wrong("plotly", "radar", ("r=[*row, row.iloc[0]], theta=[*measures, measures[0]]",
                              "r=[*row], theta=[*measures]"), "statistic", "the polygon is open"),
    Wrong("plotly_express", "radar", ("range_r=[0, 1],", "range_r=[0, 1], start_angle=0,"),
          "statistic", "no vertex"),
    Wrong("vega_lite", "radar", ('{"op": "mean", "field": "scaled", "as": "r"}',
                                 '{"op": "median", "field": "scaled", "as": "r"}'),
          "statistic", "Chinstrap's polygon"),
    Wrong("vega_lite", "radar", ("[0, {n}] : [datum.spoke]", "[0] : [datum.spoke]"),
          "statistic", "the polygon is open"),
    Wrong("altair", "radar", ("strokeWidth=2, fillOpacity=0.25", "strokeWidth=2, "
                              "fillOpacity=0.8"), "fill", "filled at opacity 0.80"),
    # treemap: rows counted, the earliest year, a flat layout, labels left out, colours moved
    Wrong("matplotlib", "treemap", ("[size].sum()", "[size].count()"), "statistic",
          "Africa's tiles cover 36.6%", "gapminder"),
    Wrong("matplotlib", "treemap", ("df[df[time] == df[time].max()]",
                                    "df[df[time] == df[time].min()]"),
          "statistic", "Africa's tiles cover 9.9%", "gapminder"),
    Wrong("matplotlib", "treemap", ('block["x"], block["y"], block["dx"], block["dy"])',
                                    "0, 0, width, height)"), "grouping", "do not lie together",
          "gapminder"),
    Wrong("matplotlib", "treemap", ("value >= 0.02 * sums.sum()", "value >= 0.2 * sums.sum()"),
          "labels", "India (Asia, 18%)", "gapminder"),
    Wrong("matplotlib", "treemap", ("zip(sorted(blocks.index), PALETTE,",
                                    "zip(sorted(blocks.index), PALETTE[1:],"),
          "palette", "not the palette's colours"),
    Wrong("plotnine", "treemap", ('block["x"], block["y"], block["dx"], block["dy"])',
                                  "0, 0, width, height)"), "statistic", "tiles overlap",
          "gapminder"),
    Wrong("plotnine", "treemap", ('tiles[tiles["share"] >= 0.02]', 'tiles[tiles["share"] >= 0.3]'),
          "labels", "Torgersen (Adelie, 11%)"),
    Wrong("vega_lite", "treemap", ('"gte": 0.02 * float(sums.sum())',
                                   '"gte": 0.05 * float(sums.sum())'),
          "labels", "United States (Americas, 5%)", "gapminder"),
    Wrong("vega_lite", "treemap", ("[size].sum()", "[size].count()"), "statistic",
          "Asia's tiles cover 23.2%", "gapminder"),
    Wrong("altair", "treemap", ("alt.Color(f\"{color}:N\").scale(range=PALETTE),",
                                "alt.Color(f\"{color}:N\").scale(range=PALETTE[1:]),"),
          "palette", "not the palette's colours"),
    Wrong("altair", "treemap", ("sums = sums[sums > 0]", "sums = sums[sums > 0].drop("
                                "sums.index.levels[0][-1], level=0)"),
          "statistic", "Oceania: 0 tiles", "gapminder"),
    Wrong("plotly", "treemap", ('texttemplate="%{label}<br>%{parent}<br>',
                                'texttemplate="%{parent}<br>'), "labels",
          "Biscoe (Gentoo, 44%)"),
    Wrong("plotly", "treemap", ("zip(blocks[color], PALETTE, strict=False)",
                                "zip(blocks[color], PALETTE[1:], strict=False)"),
          "palette", "not the palette's colours"),
    Wrong("plotly_express", "treemap", ("path=[color, label]", "path=[label]"), "grouping",
          "Asia's tiles do not lie together", "gapminder"),
    Wrong("plotly_express", "treemap", ("path=[color, label], values=size,",
                                        "path=[color, label],"), "statistic",
          "China 0.7%, not 21.1%", "gapminder"),
    Wrong("matplotlib", "treemap", ('ax.text(r["x"] + r["dx"] / 2, r["y"] + r["dy"] / 2, tile,',
                                    'ax.text(r["x"], r["y"], tile,'), "labels",
          "China (Asia, 21%)", "gapminder"),
    Wrong("bokeh", "treemap", ("fill_color=PALETTE[i],", "fill_color=PALETTE[i + 1],"),
          "palette", "not the palette's colours"),
    Wrong("bokeh", "treemap", ('        spots = pd.DataFrame(squarify.squarify(\n'
                               '            squarify.normalize_sizes(tiles, block["dx"], '
                               'block["dy"]),\n'
                               '            block["x"], block["y"], block["dx"], block["dy"]))',
                               '        flat = sums.sort_values(ascending=False)\n'
                               '        spots = pd.DataFrame(squarify.squarify(\n'
                               '            squarify.normalize_sizes(flat, width, height), 0, 0, '
                               'width, height))\n'
                               '        spots = spots[[k[0] == name for k in flat.index]]'
                               '.reset_index(drop=True)'),
          "grouping", "Africa's tiles do not lie together", "gapminder"),
    Wrong("holoviews", "treemap", ("tiles[tiles[size] >= 0.02 * sums.sum()]",
                                   "tiles[tiles[size] >= 0.2 * sums.sum()]"),
          "labels", "India (Asia, 18%)", "gapminder"),
    Wrong("holoviews_matplotlib", "treemap", ("opts.Rectangles(facecolor=hv.Cycle(PALETTE)",
                                              "opts.Rectangles(facecolor=hv.Cycle(PALETTE[1:])"),
          "palette", "not the palette's colours"),
    # sankey: a stage dropped, every link weighted 1, colours moved, labels with counts
    Wrong("holoviews", "sankey", ("for left, right in zip(stages, stages[1:], strict=False))",
                                  "for left, right in zip(stages[:2], stages[1:2], "
                                  "strict=False))"),
          "statistic", "the nodes stand in 2 columns"),
    Wrong("holoviews", "sankey", ('.reset_index(name="rows")',
                                  '.reset_index(name="rows").assign(rows=1)'),
          "statistic", "Adelie → Biscoe"),
    Wrong("holoviews_matplotlib", "sankey", ("PALETTE, strict=False))",
                                             "PALETTE[1:], strict=False))"),
          "palette", "links leaving Adelie in #e69f00"),
    Wrong("holoviews_matplotlib", "sankey", ("show_values=False", "show_values=True"),
          "labels", "no node is named continent Africa", "gapminder"),
    Wrong("plotly", "sankey", ("index[right, dest], count,", "index[right, dest], 1,"),
          "statistic", "Oceania → 1952-1977", "gapminder"),
    Wrong("plotly", "sankey", ("node=dict(label=[name for _, name in nodes],",
                               'node=dict(label=[name if stage != via else "" '
                               "for stage, name in nodes],"),
          "labels", "no node is named island Biscoe"),
    Wrong("plotly_express", "sankey", ("PALETTE[i]] for i in range",
                                       "PALETTE[i + 1]] for i in range"),
          "palette", "links leaving Africa in #e69f00", "gapminder"),
    Wrong("plotly_express", "sankey", ('fig.update_traces(line_shape="hspline")',
                                       'fig.update_traces(line_shape="hspline", '
                                       "counts=list(range(1, len(df) + 1)))"),
          "statistic", "Gentoo → Biscoe"),
    # choropleth: the earliest year, a reversed scale, values on the wrong countries, the
    # countries without data left out, no colour bar
    Wrong("matplotlib", "choropleth", ("year = df[time].max()", "year = df[time].min()"),
          "statistic", "have no shape in the colour of their mean lifeExp", "gapminder"),
    Wrong("matplotlib", "choropleth", ('values.append(means[country["id"]])',
                                       "values.append(means.iloc[len(values)])"),
          "statistic", "not in the colour of their own mean", "gapminder"),
    Wrong("matplotlib", "choropleth", ("blanks.append(PathPatch(path))", "pass"),
          "map", "0 countries drawn in the no-data grey"),
    Wrong("plotnine", "choropleth", ('scale_fill_cmap("viridis",', 'scale_fill_cmap("viridis_r",'),
          "statistic", "have no shape in the colour", "gapminder"),
    Wrong("plotnine", "choropleth", ("na_value=NO_DATA_GREY", 'na_value="none"'),
          "map", "0 countries drawn in the no-data grey"),
    Wrong("plotnine", "choropleth", ("guides(fill=BAR)", "guides(fill=guide_colorbar())"),
          "scale", "colour bar is a Gouraud-shaded mesh", "gapminder"),
    Wrong("bokeh", "choropleth", ('"Viridis256", means.min(), means.max(),',
                                  '"Viridis256", means.max(), means.min(),'),
          "statistic", "not in the colour of their own mean", "gapminder"),
    Wrong("bokeh", "choropleth", ('                 for f in world["features"]]',
                                  '                 for f in world["features"] '
                                  'if f["id"] in means.index]'),
          "map", "0 countries drawn in the no-data grey", "gapminder"),
    Wrong("holoviews", "choropleth", ("cmap=\"viridis\", colorbar=True",
                                      "cmap=\"viridis\", colorbar=False"),
          "scale", "no colour bar shows the values"),
    Wrong("holoviews_matplotlib", "choropleth", ("    return (blank * known.opts(",
                                                 "    return (known.opts("),
          "map", "0 countries drawn in the no-data grey", "gapminder"),
    Wrong("plotly", "choropleth", ('colorscale="Viridis"', 'colorscale="Viridis_r"'),
          "statistic", "have no shape in the colour", "gapminder"),
    Wrong("plotly", "choropleth", ('if f["id"] not in means.index]', "if False]"),
          "map", "0 countries drawn in the no-data grey"),
    Wrong("plotly_express", "choropleth", ("fig.data = fig.data[::-1]", "fig.data = fig.data[:1]"),
          "map", "0 countries drawn in the no-data grey", "gapminder"),
    Wrong("plotly_express", "choropleth", ("return fig.update_layout(margin_l=10, margin_b=10)",
                                           "return fig.update_layout(margin_l=10, margin_b=10, "
                                           "coloraxis_showscale=False)"),
          "scale", "no colour bar shows the values"),
    Wrong("vega_lite", "choropleth", ("latest = df[df[time] == year]",
                                      "latest = df[df[time] == df[time].min()]"),
          "statistic", "have no shape in the colour of their mean lifeExp", "gapminder"),
    Wrong("altair", "choropleth", ('.scale(scheme="viridis")',
                                   '.scale(scheme="viridis", reverse=True)'),
          "statistic", "have no shape in the colour", "gapminder"),
    Wrong("altair", "choropleth", ('.title(f"mean {value}"),',
                                   '.title(f"mean {value}").legend(None),'),
          "scale", "no colour bar shows the values"),
    # parallel coordinates: raw values, a category left out
    Wrong("matplotlib", "parallel", ("ax.plot(measures, group.T.to_numpy(),",
                                     "ax.plot(measures, df.loc[group.index, measures].T"
                                     ".to_numpy(),"),
          "statistic", "rows have no line"),
    Wrong("matplotlib", "parallel", ("scaled.groupby(df[color])):",
                                     "scaled.groupby(df[color])):\n        if i == 1:\n"
                                     "            continue"),
          "statistic", "rows have no line"),
]


def _example(library: str, kind: str, folder: Path,
             mistake: tuple[str, str] | None = None) -> Path:
    stem = LIBRARIES.get(library).example_stem
    code = (ROOT / "examples" / f"{stem}.py").read_text(encoding="utf-8")
    if mistake is not None:
        start = code.index(f"def {kind}(")
        # the function ends where the next top-level line starts
        end = start + 1 + re.search(r"\n(?=\S)", code[start + 1:]).start()
        function = code[start:end]
        assert function.count(mistake[0]) == 1, mistake[0]
        code = code[:start] + function.replace(*mistake) + code[end:]
    path = folder / f"{stem}.py"
    path.write_text(code, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_wrong_chart_of_a_new_kind_is_rejected_for_its_mistake(case, tmp_path):
    right = verify_cell(case.library, case.kind, case.dataset,
                        example=_example(case.library, case.kind, tmp_path))
    assert right.ok, right.sentences()
    wrong = verify_cell(case.library, case.kind, case.dataset,
                        example=_example(case.library, case.kind, tmp_path, case.mistake))
    reasons = [str(p) for p in wrong.problems if p.point == case.point]
    assert not wrong.ok
    assert any(case.says in reason for reason in reasons), wrong.sentences()
