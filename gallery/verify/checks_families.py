"""Checks of the kinds added by family (distribution, ranking, part of a whole): the same
rules as ``gallery.verify.checks`` (what the data says must be drawn, each problem named by
its specification point), on the marks these kinds draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import gaussian_kde

from gallery import kinds as spec
from gallery.palette import PALETTE, SEQUENTIAL_NAME, sequential_position
from gallery.verify.check_choropleth import check_choropleth
from gallery.verify.check_sankey import check_sankey
from gallery.verify.check_treemap import check_treemap
from gallery.verify.checks import (
    Context,
    Problem,
    _axis_order,
    _bars_by_group,
    _same,
    _shown,
    category_of,
    color_map,
    colorbar_problems,
    legend_problems,
    mark_color_problems,
    size_problems,
)
from gallery.verify.matching import close, match, spans
from gallery.verify.scene import Area, Line, Scene, Tile

PEAK_PLACE = 0.1  # share of the data's span within which a curve's peak is the KDE's
PEAK_HEIGHT = (0.8, 1.25)  # drawn peak height / the KDE's (bandwidth rules differ a little)
SHARE_TOLERANCE = 0.01  # a segment's share may differ by this much (1 %)
OPACITY_SLACK = 0.05  # a band's fill opacity may differ from the specification's by this
OFF_SCALE = 40.0  # RGB distance beyond which a bin's colour is not on the sequential scale
SCALE_AGREEMENT = 0.9  # rank correlation of bins' counts and their places on the scale
VERTEX_REACH = 0.025  # a radar vertex may sit this far (radius 1 = a measure's largest) off


def _curve(lines: list[Line]) -> tuple[np.ndarray, np.ndarray] | None:
    """The longest numeric polyline of a colour, sorted along x."""
    numeric = [line for line in lines if len(line.xs) > 2 and all(
        isinstance(v, int | float) for v in (*line.xs, *line.ys))]
    if not numeric:
        return None
    line = max(numeric, key=lambda candidate: len(candidate.xs))
    order = np.argsort(np.asarray(line.xs, dtype=float))
    return np.asarray(line.xs, dtype=float)[order], np.asarray(line.ys, dtype=float)[order]


def check_density(scene: Scene, ctx: Context) -> list[Problem]:
    x = ctx.roles["x"]
    mapping, problems = color_map(scene, ctx), []
    shown = [line for line in scene.lines if line.alpha > 0.05]
    span = float(ctx.data[x].max() - ctx.data[x].min()) or 1.0
    for name in ctx.categories():
        values = ctx.data.loc[ctx.column("color").astype(str) == name, x].to_numpy(float)
        curve = _curve([line for line in shown if category_of(line.color, mapping) == name])
        if curve is None:
            problems.append(Problem("statistic", f"no density curve for {name}"))
            continue
        xs, ys = curve
        area = float(np.trapezoid(ys, xs))
        if not spec.DENSITY_AREA[0] <= area <= spec.DENSITY_AREA[1]:
            problems.append(Problem("statistic", f"the curve of {name} has area {area:.3g}; a "
                                    "density has area 1 (counts or a histogram drawn?)"))
            continue
        if np.unique(values).size < 2:
            continue  # one value has no spread to estimate
        kde = gaussian_kde(values)
        grid = np.linspace(values.min() - span / 4, values.max() + span / 4, 512)
        want = kde(grid)
        peak_x, peak_y = xs[int(np.argmax(ys))], float(ys.max())
        if abs(peak_x - grid[int(np.argmax(want))]) > PEAK_PLACE * span:
            problems.append(Problem("statistic", f"the curve of {name} peaks at {peak_x:.4g}; "
                                    f"its KDE peaks at {grid[int(np.argmax(want))]:.4g}"))
        elif not PEAK_HEIGHT[0] <= peak_y / float(want.max()) <= PEAK_HEIGHT[1]:
            problems.append(Problem("statistic", f"the curve of {name} is {peak_y:.3g} high at "
                                    f"its peak; its KDE (Scott's bandwidth) is "
                                    f"{float(want.max()):.3g}"))
        if xs.min() > values.min() + 0.02 * span or xs.max() < values.max() - 0.02 * span:
            problems.append(Problem("statistic", f"the curve of {name} covers {xs.min():.4g}.."
                                    f"{xs.max():.4g}, not its values' range {values.min():.4g}.."
                                    f"{values.max():.4g}"))
    problems += mark_color_problems((line.color for line in shown), ctx, what="curves")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _bin_counts(tiles: list[Tile], rows: int) -> list[Problem]:
    counts = [t.count for t in tiles]
    if any(c is None for c in counts):
        return []  # the output keeps colours only: the scale below is what can be held
    problems = []
    total = int(round(sum(counts)))
    if total != rows:
        problems.append(Problem("statistic", f"the bins count {total:,} rows; the data has "
                                f"{rows:,} (every row in exactly one bin)"))
    empty = sum(1 for c in counts if c <= 0)
    if empty:
        problems.append(Problem("statistic", f"{empty} empty bins are drawn"))
    return problems


def _bin_reach(tiles: list[Tile], ctx: Context) -> list[Problem]:
    problems = []
    for role in ("x", "y"):
        column = ctx.data[ctx.roles[role]]
        coords = [getattr(t, role) for t in tiles]
        low, high = float(column.min()), float(column.max())
        reach = (high - low) / 4 or 1.0  # a bin's centre sits within its bin of the data
        if min(coords) > low + reach or max(coords) < high - reach:
            problems.append(Problem("statistic", f"the bins span {role} {min(coords):.4g}.."
                                    f"{max(coords):.4g}; the data spans {low:.4g}..{high:.4g}"))
        elif min(coords) < low - reach or max(coords) > high + reach:
            problems.append(Problem("statistic", f"bins at {role} {min(coords):.4g}.."
                                    f"{max(coords):.4g}, beyond the data's {low:.4g}..{high:.4g}"))
    return problems


def _bins_across(tiles: list[Tile], ctx: Context) -> list[Problem]:
    """About HEXBIN_GRIDSIZE bins across x: the closest neighbours in a row of bins (hexagon
    rows are offset by half a bin, so rows are told apart by y) are one bin apart."""
    column = ctx.data[ctx.roles["x"]]
    span = float(column.max() - column.min())
    rows: dict[float, list[float]] = {}
    for t in tiles:
        rows.setdefault(round(float(t.y), 9), []).append(float(t.x))
    gaps = [g for xs in rows.values() for g in np.diff(np.unique(xs)) if g > span * 1e-9]
    if not gaps or not span:
        return []
    across = span / min(gaps)
    if spec.HEXBIN_GRIDSIZE / 2 <= across <= spec.HEXBIN_GRIDSIZE * 2:
        return []
    return [Problem("statistic", f"about {across:.0f} bins across x; the specification is "
                    f"about {spec.HEXBIN_GRIDSIZE}")]


def _bin_scale(tiles: list[Tile]) -> list[Problem]:
    places = [sequential_position(t.color) for t in tiles]
    off = sorted({t.color for t, (_, gap) in zip(tiles, places, strict=True) if gap > OFF_SCALE})
    if off:
        return [Problem("scale", f"bins are not coloured on {SEQUENTIAL_NAME}: {_shown(off)}")]
    counts = [t.count for t in tiles]
    if any(c is None for c in counts) or len(set(counts)) < 2:
        return []
    agreement = pd.Series(counts).corr(pd.Series([p for p, _ in places]), method="spearman")
    if agreement >= SCALE_AGREEMENT:
        return []
    return [Problem("scale", f"colours do not rise with the counts along {SEQUENTIAL_NAME} "
                    f"(rank correlation {agreement:.2f}): the scale is reversed or not counts")]


RIDGE_SCALES = 1.35  # the tallest ridge's scale over the flattest's: one common scale


def _numeric(values: tuple) -> bool:
    return all(isinstance(v, int | float) for v in values)


def _ridge_of(scene: Scene, name: str, mapping: dict[str, str]) -> tuple[Area | Line, bool] | None:
    """A category's ridge: its filled outline (or else its curve), and whether it is filled."""
    filled = [a for a in _outlined(scene.areas) if category_of(a.color, mapping) == name
              and _numeric(a.xs) and _numeric(a.ys) and len(a.xs) == len(a.ys)]
    if filled:
        return max(filled, key=lambda a: len(a.xs)), True
    curves = [line for line in scene.lines if line.alpha > 0.05 and len(line.xs) > 2
              and category_of(line.color, mapping) == name and _numeric(line.xs)
              and _numeric(line.ys)]
    return (max(curves, key=lambda line: len(line.xs)), False) if curves else None


def _ridge_shape(name: str, ridge: Area | Line, values: np.ndarray, span: float
                 ) -> tuple[list[Problem], float | None]:
    """The ridge against its category's KDE: where it peaks, what it covers; and its scale
    (drawn peak height over the KDE's), which every ridge must share."""
    xs, ys = np.asarray(ridge.xs, dtype=float), np.asarray(ridge.ys, dtype=float)
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        return [Problem("statistic", f"the ridge of {name} could not be read (coordinates "
                        "that are not numbers)")], None
    heights = ys - ys.min()
    problems = []
    if xs.min() > values.min() + 0.02 * span or xs.max() < values.max() - 0.02 * span:
        problems.append(Problem("statistic", f"the ridge of {name} covers {xs.min():.4g}.."
                                f"{xs.max():.4g}, not its values' range {values.min():.4g}.."
                                f"{values.max():.4g}"))
    if np.unique(values).size < 2 or not heights.max():
        return problems, None
    kde = gaussian_kde(values)
    grid = np.linspace(values.min() - span / 4, values.max() + span / 4, 512)
    want = kde(grid)
    peak = xs[int(np.argmax(heights))]
    if abs(peak - grid[int(np.argmax(want))]) > PEAK_PLACE * span:
        problems.append(Problem("statistic", f"the ridge of {name} peaks at {peak:.4g}; its "
                                f"KDE peaks at {grid[int(np.argmax(want))]:.4g}"))
    return problems, float(heights.max() / want.max())


def _ridge_names(scene: Scene) -> set[str]:
    named = {entry.label for entry in scene.legend}
    for panel in scene.panels:
        named |= {*panel.y.categories, panel.title}
    return named


def check_ridgeline(scene: Scene, ctx: Context) -> list[Problem]:
    x = ctx.roles["x"]
    mapping, problems = color_map(scene, ctx), []
    span = float(ctx.data[x].max() - ctx.data[x].min()) or 1.0
    levels, scales = {}, {}
    for name in ctx.categories():
        found = _ridge_of(scene, name, mapping)
        if found is None:
            problems.append(Problem("statistic", f"no ridge for {name} (a curve in its colour)"))
            continue
        ridge, filled = found
        if not filled:
            problems.append(Problem("fill", f"the ridge of {name} is a line, not filled"))
        values = ctx.data.loc[ctx.column("color").astype(str) == name, x].to_numpy(float)
        wrong, scale = _ridge_shape(name, ridge, values, span)
        problems += wrong
        # higher on the page: a higher baseline in one panel, or a panel nearer the top
        panel = scene.panels[ridge.panel] if ridge.panel < len(scene.panels) else scene.panels[0]
        if scale is not None:
            # a row per ridge: heights compare as shares of the rows' (equal) heights
            rows = len(scene.panels) > 1 and None not in (panel.y.low, panel.y.high)
            scales[name] = scale / abs(panel.y.high - panel.y.low) if rows else scale
        levels[name] = (-panel.top, min(float(v) for v in ridge.ys))
    if len(scales) > 1 and max(scales.values()) / min(scales.values()) > RIDGE_SCALES:
        shown = (f"{name} {value:.3g}" for name, value in scales.items())
        problems.append(Problem("statistic", f"ridges drawn at different scales (peak height "
                                f"over density: {_shown(shown)}): heights do not compare"))
    if len(set(levels.values())) < len(levels):
        problems.append(Problem("statistic", "ridges share a baseline: they are not stacked"))
    downward = sorted(levels, key=levels.get, reverse=True)
    if downward != [c for c in ctx.categories() if c in levels]:
        problems.append(Problem("order", f"from the top the ridges run {_shown(downward)}; "
                                "sorted order was expected"))
    unnamed = [c for c in ctx.categories() if c not in _ridge_names(scene)]
    if unnamed:
        problems.append(Problem("order", f"nothing names the ridges of {_shown(unnamed)}"))
    problems += mark_color_problems((a.color for a in _outlined(scene.areas)), ctx,
                                    what="ridges")
    return problems + size_problems(scene, ctx)


def check_hexbin(scene: Scene, ctx: Context) -> list[Problem]:
    tiles = [t for t in scene.tiles if t.alpha > 0.05]
    if not tiles:
        return [Problem("statistic", "no bins are drawn")] + size_problems(scene, ctx)
    problems = (_bin_counts(tiles, len(ctx.data)) + _bin_reach(tiles, ctx)
                + _bins_across(tiles, ctx) + _bin_scale(tiles))
    problems += colorbar_problems(scene, "the counts")
    return problems + size_problems(scene, ctx)


def ranking(data: pd.DataFrame, roles: dict[str, str]) -> pd.Series:
    """The lollipop's values: the highest means of y per x at the latest time, sorted."""
    latest = data[data[roles["time"]] == data[roles["time"]].max()]
    means = latest.groupby(roles["x"], observed=True)[roles["y"]].mean()
    return means.nlargest(spec.RANKING_TOP)


def check_lollipop(scene: Scene, ctx: Context) -> list[Problem]:
    want = ranking(ctx.data, ctx.roles)
    heads = [p for p in scene.visible_points() if isinstance(p.x, str)]
    bars = [r for r in scene.rects if r.alpha > 0.05 and isinstance(r.x0, str)]
    drawn = ({p.x: float(p.y) for p in heads} if heads else
             {r.x0: float(r.y1) - float(r.y0) for r in bars})
    problems = []
    missing = [str(c) for c in want.index if str(c) not in drawn]
    extra = [c for c in drawn if c not in {str(c) for c in want.index}]
    if missing:
        problems.append(Problem("statistic", f"no mark for {_shown(missing)}"))
    if extra:
        problems.append(Problem("statistic", f"marks for {_shown(extra)}, which are not among "
                                f"the {spec.RANKING_TOP} highest"))
    scale = float(want.abs().max()) or 1.0
    wrong = [f"{c} at {drawn[str(c)]:.4g}, not {v:.4g}" for c, v in want.items()
             if str(c) in drawn and not close(drawn[str(c)], float(v), scale)]
    if wrong:
        problems.append(Problem("statistic", f"wrong heights: {_shown(wrong)}"))
    if not heads and any(not close(float(r.y0), 0, scale) for r in bars):
        problems.append(Problem("statistic", "bars do not start at 0"))
    low = scene.panels[0].y.low
    if low is not None and low > 0.01 * scale:
        problems.append(Problem("statistic", f"the y axis starts at {low:.4g}: the marks' "
                                "baseline, 0, is cut off"))
    axis = [c for c in scene.panels[0].x.categories if c in drawn]
    if not axis:
        problems.append(Problem("order", "the x axis names no category"))
    elif axis != [str(c) for c in want.index if str(c) in set(axis)]:
        problems.append(Problem("order", f"the x axis runs {_shown(axis)}; highest first is "
                                f"{_shown(map(str, want.index))}"))
    first = PALETTE[0].lower()
    colors = {m.color for m in heads} | {r.color for r in bars}
    if any(not _same(c, first) for c in colors):
        problems.append(Problem("palette", f"marks drawn in {_shown(sorted(colors))}; the "
                                f"specification is one colour, {first}"))
    if scene.legend:
        problems.append(Problem("palette", "a legend is drawn, for a colour that carries "
                                "nothing"))
    return problems + size_problems(scene, ctx)


def check_stacked100(scene: Scene, ctx: Context) -> list[Problem]:
    x, color = ctx.roles["x"], ctx.roles["color"]
    shares = ctx.data.groupby(x, observed=True)[color].value_counts(normalize=True)
    mapping, problems = color_map(scene, ctx), []
    groups = _bars_by_group(scene.rects, ctx.categories("x"))
    for group in ctx.categories("x"):
        bars = sorted(groups.get(group, []), key=lambda r: float(r.y0))
        if not bars:
            problems.append(Problem("statistic", f"no bar for {x}={group}"))
            continue
        top = max(float(r.y1) for r in bars)
        full = 100.0 if top > 2 else 1.0
        if not close(top, full, full):
            problems.append(Problem("statistic", f"the bar of {group} reaches {top:.4g}; 100 % "
                                    "is 1 or 100"))
        names = [category_of(r.color, mapping) for r in bars]
        for name, share in shares[group].items() if group in shares else []:
            heights = [(float(r.y1) - float(r.y0)) / full for r, n in zip(bars, names,
                                                                           strict=True)
                       if n == str(name)]
            if len(heights) != 1 or abs(heights[0] - share) > SHARE_TOLERANCE:
                drawn = ", ".join(f"{h:.1%}" for h in heights) or "nothing"
                problems.append(Problem("statistic", f"{group}, {name}: drawn {drawn}; its "
                                        f"share is {share:.1%}"))
        overlap = any(float(above.y0) < float(below.y1) - 1e-6 * full
                      for below, above in zip(bars, bars[1:], strict=False))
        if overlap:
            problems.append(Problem("stacking", f"the segments of {group} overlap"))
        elif [n for n in names if n] != sorted(n for n in names if n):
            problems.append(Problem("stacking", f"in {group} the segments run "
                                    f"{_shown(n or '?' for n in names)} from the bottom; "
                                    "sorted order was expected"))
    problems += _axis_order(scene, ctx.categories("x"), "x")
    problems += mark_color_problems((r.color for r in scene.rects if r.alpha > 0.05), ctx,
                                    what="segments")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _outlined(areas: tuple[Area, ...]) -> list[Area]:
    return [a for a in areas if a.alpha > 0.05 and len(a.ys) > 2]


def check_violin(scene: Scene, ctx: Context) -> list[Problem]:
    y = ctx.roles["y"]
    mapping, problems = color_map(scene, ctx, "x"), []
    bodies = _outlined(scene.areas)
    span = float(ctx.data[y].max() - ctx.data[y].min()) or 1.0
    for name in ctx.categories("x"):
        values = ctx.data.loc[ctx.column("x").astype(str) == name, y]
        mine = [a for a in bodies if category_of(a.color, mapping) == name]
        if not mine:
            problems.append(Problem("statistic", f"no violin for {name} (a filled outline in "
                                    "its colour)"))
            continue
        low = min(min(a.ys) for a in mine)
        high = max(max(a.ys) for a in mine)
        if low > values.min() + 0.02 * span or high < values.max() - 0.02 * span:
            problems.append(Problem("statistic", f"the violin of {name} spans {low:.4g}.."
                                    f"{high:.4g}, not its values' range {values.min():.4g}.."
                                    f"{values.max():.4g}"))
        elif low < values.min() - span or high > values.max() + span:
            problems.append(Problem("statistic", f"the violin of {name} spans {low:.4g}.."
                                    f"{high:.4g}, far beyond its values"))
    problems += mark_color_problems((a.color for a in bodies), ctx, "x", what="violins")
    problems += _axis_order(scene, ctx.categories("x"), "x")
    return problems + size_problems(scene, ctx)


def _edges_at(area: Area, when: float, tolerance: float) -> tuple[float, float] | None:
    """The bottom and top of a band's outline at one time."""
    ys = [yv for xv, yv in zip(area.xs, area.ys, strict=False) if abs(xv - when) <= tolerance]
    return (min(ys), max(ys)) if ys else None


def check_area(scene: Scene, ctx: Context) -> list[Problem]:
    time, y, color = (ctx.roles[r] for r in ("time", "y", "color"))
    sums = ctx.data.groupby([time, color], observed=True)[y].sum().unstack(color, fill_value=0)
    sums.columns = [str(c) for c in sums.columns]
    sums = sums[[c for c in ctx.categories() if c in sums.columns]]
    tops = sums.cumsum(axis=1)
    mapping, problems = color_map(scene, ctx), []
    bands = [a for a in _outlined(scene.areas) if len(a.xs) == len(a.ys)]
    scale = float(tops.to_numpy().max()) or 1.0
    step = float(np.diff(sums.index.to_numpy(float)).min()) if len(sums) > 1 else 1.0
    found = {name: [a for a in bands if category_of(a.color, mapping) == name]
             for name in sums.columns}
    for name, mine in found.items():
        if len(mine) != 1:
            problems.append(Problem("statistic", f"{len(mine)} bands for {name}; one was "
                                    "expected"))
    single = {name: mine[0] for name, mine in found.items() if len(mine) == 1}
    heights = {name: float(np.mean(band.ys)) for name, band in single.items()}
    upward = sorted(heights, key=heights.get)
    if upward != [c for c in sums.columns if c in heights]:
        return problems + [Problem("stacking", f"from the bottom the bands run "
                                   f"{_shown(upward)}; sorted order was expected")]
    previous = None
    for name in sums.columns:
        if name in single:
            wrong = []
            for when, top in tops[name].items():
                bottom = float(tops[previous][when]) if previous is not None else 0.0
                edges = _edges_at(single[name], float(when), step / 100)
                if edges is None or not (close(edges[0], bottom, scale)
                                         and close(edges[1], float(top), scale)):
                    wrong.append(f"{when}")
            if wrong:
                problems.append(Problem("statistic", f"the band of {name} does not run from "
                                        f"the sum below it to that sum plus its own sum of {y} "
                                        f"at {_shown(wrong)}"))
        previous = name
    problems += mark_color_problems((a.color for a in bands), ctx, what="bands")
    want = spec.OPACITY["area"]
    faint = sorted({f"{a.alpha:.2f}" for a in bands if abs(a.alpha - want) > OPACITY_SLACK})
    if faint:
        problems.append(Problem("stacking", f"bands filled at opacity {_shown(faint)}; the "
                                f"specification is {want}"))
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def check_pie(scene: Scene, ctx: Context) -> list[Problem]:
    counts = ctx.column("color").astype(str).value_counts(normalize=True)
    mapping, problems = color_map(scene, ctx), []
    wedges = sorted((w for w in scene.wedges if w.alpha > 0.05), key=lambda w: w.start)
    if not wedges:
        return [Problem("statistic", "no wedges are drawn")] + size_problems(scene, ctx)
    names = [category_of(w.color, mapping) for w in wedges]
    for name in ctx.categories():
        shares = [w.end - w.start for w, n in zip(wedges, names, strict=True) if n == name]
        if len(shares) != 1 or abs(shares[0] - counts[name]) > SHARE_TOLERANCE:
            drawn = ", ".join(f"{s:.1%}" for s in shares) or "nothing"
            problems.append(Problem("statistic", f"{name}: a wedge of {drawn}; its share of "
                                    f"the rows is {counts[name]:.1%}"))
    if [n for n in names if n] != [c for c in ctx.categories() if c in set(names)]:
        problems.append(Problem("order", f"clockwise from 12 o'clock the wedges run "
                                f"{_shown(n or '?' for n in names)}; sorted order was expected"))
    elif min(wedges[0].start, 1 - wedges[0].start) > SHARE_TOLERANCE:
        problems.append(Problem("order", f"the first wedge starts at {wedges[0].start * 360:.0f}"
                                "° clockwise from 12 o'clock, not at 12 o'clock"))
    problems += mark_color_problems((w.color for w in wedges), ctx, what="wedges")
    labelled = {t.text.strip() for t in scene.texts} >= set(ctx.categories())
    return problems + ([] if labelled else legend_problems(scene, ctx)) + size_problems(
        scene, ctx)


def _measures(ctx: Context) -> list[str]:
    return [c for c in ctx.data.columns if c not in ctx.roles.values()]


def _counts_by_colour(colors: list[str], mapping: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for color in colors:
        name = category_of(color, mapping) or color
        found[name] = found.get(name, 0) + 1
    return found


def _same_rows(expected: np.ndarray, drawn: np.ndarray) -> bool:
    """Every row drawn once: the same pairs sorted alike (fast), else matched one to one."""
    scale = spans(expected[:, 0], expected[:, 1])
    ours, theirs = (a[np.lexsort((a[:, 1], a[:, 0]))] for a in (expected, drawn))
    if np.all(np.abs(ours - theirs) <= 1e-9 * scale):
        return True
    return match(expected, drawn, scale).exact


def check_splom(scene: Scene, ctx: Context) -> list[Problem]:
    measures, mapping = _measures(ctx), color_map(scene, ctx)
    want = ctx.column("color").astype(str).value_counts().to_dict()
    panels: dict[int, list] = {}
    for point in scene.visible_points():
        if isinstance(point.x, int | float) and isinstance(point.y, int | float):
            panels.setdefault(point.panel, []).append(point)
    found, problems = set(), []
    for points in panels.values():
        drawn = np.array([[float(p.x), float(p.y)] for p in points])
        for across in measures:
            for up in measures:
                expected = ctx.data[[across, up]].to_numpy(float)
                if across == up or len(drawn) != len(expected) or not np.allclose(
                        np.sort(drawn, axis=0), np.sort(expected, axis=0), rtol=1e-3,
                        atol=1e-3 * spans(expected[:, 0], expected[:, 1]).max()):
                    continue
                if _same_rows(expected, drawn):
                    found.add((across, up))
                    colours = _counts_by_colour([p.color for p in points], mapping)
                    if colours != want:
                        problems.append(Problem("palette", f"in the panel of {up} against "
                                                f"{across} the colours count {colours}; the "
                                                f"categories have {want}"))
    missing = [f"{up} against {across}" for across in measures for up in measures
               if across != up and (across, up) not in found]
    if missing:
        problems.append(Problem("panels", f"no panel plots every row of {_shown(missing)}"))
    problems += mark_color_problems((p.color for p in scene.visible_points()), ctx)
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx, (600, 600))


def check_parallel(scene: Scene, ctx: Context) -> list[Problem]:
    measures, mapping = _measures(ctx), color_map(scene, ctx)
    values = ctx.data[measures].to_numpy(float)
    low, high = values.min(axis=0), values.max(axis=0)
    scaled = (values - low) / np.where(high > low, high - low, 1.0)
    lines = [line for line in scene.lines if line.alpha > 0.05 and len(line.ys) == len(measures)
             and all(isinstance(v, int | float) for v in line.ys)]
    problems = []
    if not lines:
        return [Problem("statistic", f"no line runs across the {len(measures)} measures")] + (
            size_problems(scene, ctx))
    drawn = np.array([[float(v) for v in line.ys] for line in lines])
    result = match(scaled, drawn, np.ones(len(measures)), tolerance=0.01)
    if not result.exact:
        problems.append(Problem("statistic", f"{len(lines)} lines for {len(values)} rows: "
                                f"{result.missing} rows have no line at their values scaled "
                                f"0-1, {result.extra} lines are no row's"))
    names = [line.xs for line in lines if all(isinstance(v, str) for v in line.xs)]
    if names and list(names[0]) != measures:
        problems.append(Problem("statistic", f"the axes run {_shown(names[0])}; the data's "
                                f"order is {_shown(measures)}"))
    want = ctx.column("color").astype(str).value_counts().to_dict()
    colours = _counts_by_colour([line.color for line in lines], mapping)
    if colours != want:
        problems.append(Problem("palette", f"the lines' colours count {colours}; the "
                                f"categories have {want}"))
    problems += mark_color_problems((line.color for line in lines), ctx, what="lines")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _radar_profiles(ctx: Context, measures: list[str]) -> dict[str, np.ndarray]:
    """{category: where its vertices belong}: the mean of each measure scaled 0-1, on a
    spoke per measure clockwise from 12 o'clock, as x (rightwards) and y (upwards)."""
    values = ctx.data[measures].astype(float)
    low, high = values.min(), values.max()
    scaled = (values - low) / (high - low).where(high > low, 1.0)
    means = scaled.groupby(ctx.column("color").astype(str).to_numpy()).mean()
    turns = 2 * np.pi * np.arange(len(measures)) / len(measures)
    return {name: np.column_stack([means.loc[name].to_numpy() * np.sin(turns),
                                   means.loc[name].to_numpy() * np.cos(turns)])
            for name in ctx.categories() if name in means.index}


def _outlines(scene: Scene) -> list[tuple[Line | Area, np.ndarray, bool]]:
    """Every drawn numeric outline: (mark, its vertices, closed?). An area is closed by
    being filled; a line when it comes back to where it started."""
    found = []
    for mark in (*scene.lines, *scene.areas):
        if mark.alpha <= 0.05 or len(mark.xs) < 3 or not all(
                isinstance(v, int | float) for v in (*mark.xs, *mark.ys)):
            continue
        points = np.column_stack([np.asarray(mark.xs, float), np.asarray(mark.ys, float)])
        points = points[np.isfinite(points).all(axis=1)]
        if len(points) < 3:
            continue
        closed = isinstance(mark, Area) or bool(np.hypot(*(points[0] - points[-1])) < 1e-6)
        found.append((mark, points, closed))
    return found


def _spoke_misses(expected: np.ndarray, drawn: np.ndarray, measures: list[str]) -> list[str]:
    """Where a drawn polygon misses its profile: each spoke without a vertex at its place,
    and vertices at no spoke's place."""
    gaps = np.hypot(*(expected[:, None, :] - drawn[None, :, :]).transpose(2, 0, 1))
    misses = []
    for k, name in enumerate(measures):
        if gaps[k].min() > VERTEX_REACH:
            want = float(np.hypot(*expected[k]))
            near = drawn[int(gaps[k].argmin())]
            misses.append(f"{name} at {want:.2f} from the centre has no vertex (nearest: "
                          f"{np.hypot(*near):.2f} at {_clock(near)})")
    strays = int((gaps.min(axis=0) > VERTEX_REACH).sum())
    if strays:
        misses.append(f"{strays} vertices lie on no spoke's place")
    return misses


def _neutral(color: str) -> bool:
    """A grey: its red, green and blue within a few steps of one another."""
    channels = [int(color[i:i + 2], 16) for i in (1, 3, 5)] if len(color) == 7 else [0, 255]
    return max(channels) - min(channels) < 20


def _clock(point: np.ndarray) -> str:
    """A point's direction as a reader says it: degrees clockwise from 12 o'clock."""
    return f"{round(float(np.degrees(np.arctan2(point[0], point[1])))) % 360}°"


def check_radar(scene: Scene, ctx: Context) -> list[Problem]:
    measures, mapping = _measures(ctx), color_map(scene, ctx)
    profiles, outlines, problems = _radar_profiles(ctx, measures), _outlines(scene), []
    if not outlines:
        return [Problem("statistic", "no polygon is drawn")] + size_problems(scene, ctx)
    for name, expected in profiles.items():
        own = [(mark, points, closed) for mark, points, closed in outlines
               if category_of(mark.color, mapping) == name]
        if not own:
            problems.append(Problem("statistic", f"no polygon in {name}'s colour"))
            continue
        misses = {id(mark): _spoke_misses(expected, points, measures) for mark, points, _ in own}
        fitting = [(mark, closed) for mark, _, closed in own if not misses[id(mark)]]
        # the outline is what closes a polygon a reader sees; a fill only when it has none
        outlined = [closed for mark, closed in fitting if isinstance(mark, Line)]
        if not fitting:
            worst = min(misses.values(), key=len)
            problems.append(Problem("statistic", f"{name}'s polygon: " + "; ".join(worst)))
        elif not any(outlined or [closed for _, closed in fitting]):
            problems.append(Problem("statistic", f"{name}'s outline does not come back to its "
                                    "first spoke: the polygon is open"))
        opaque = [mark.alpha for mark, _, _ in own
                  if isinstance(mark, Area) and mark.alpha > spec.RADAR_FILL + OPACITY_SLACK]
        if opaque:
            problems.append(Problem("fill", f"{name}'s polygon is filled at opacity "
                                    f"{max(opaque):.2f}, over {spec.RADAR_FILL}: profiles "
                                    "behind it are hidden"))
    named = {t.text.strip() for t in scene.texts} | {
        str(c) for panel in scene.panels for c in (*panel.x.categories, *panel.y.categories)}
    unnamed = [m for m in measures if m not in named]
    if unnamed:
        problems.append(Problem("spokes", f"no spoke is named {_shown(unnamed)}"))
    # grey and black outlines are the frame (rings, spokes), unless a category is black
    frame = {c for c in (m.color for m, _, _ in outlines) if _neutral(c)} - set(
        ctx.colors().values())
    problems += mark_color_problems((m.color for m, _, _ in outlines if m.color not in frame),
                                    ctx, what="polygons")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


CHECKS = {
    "splom": check_splom,
    "parallel": check_parallel,
    "radar": check_radar,
    "violin": check_violin,
    "area": check_area,
    "pie": check_pie,
    "density": check_density,
    "hexbin": check_hexbin,
    "ridgeline": check_ridgeline,
    "lollipop": check_lollipop,
    "stacked100": check_stacked100,
    "treemap": check_treemap,
    "sankey": check_sankey,
    "choropleth": check_choropleth,
}
