"""Checks of the kinds added by family (distribution, ranking, part of a whole): the same
rules as ``gallery.verify.checks`` (what the data says must be drawn, each problem named by
its specification point), on the marks these kinds draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import gaussian_kde

from gallery import kinds as spec
from gallery.palette import PALETTE
from gallery.verify.checks import (
    Context,
    Problem,
    _axis_order,
    _bars_by_group,
    _same,
    _shown,
    category_of,
    color_map,
    legend_problems,
    mark_color_problems,
    size_problems,
)
from gallery.verify.matching import close
from gallery.verify.scene import Line, Scene

PEAK_PLACE = 0.1  # share of the data's span within which a curve's peak is the KDE's
PEAK_HEIGHT = (0.8, 1.25)  # drawn peak height / the KDE's (bandwidth rules differ a little)
SHARE_TOLERANCE = 0.01  # a segment's share may differ by this much (1 %)


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


CHECKS = {
    "density": check_density,
    "lollipop": check_lollipop,
    "stacked100": check_stacked100,
}
