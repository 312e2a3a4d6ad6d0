"""Each chart kind's specification, checked on what was drawn (a ``Scene``) against what
the data says should be there. A check names the specification point it tests, so a
point a library declares it cannot meet (``SPEC_NOT_MET`` in its example) is skipped and
said, never silently passed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from gallery import kinds as spec
from gallery.palette import category_order, colors_for, distance, diverging_color
from gallery.verify.matching import close, match, spans
from gallery.verify.scene import Axis, Box, Line, Point, Rect, Scene


@dataclass(frozen=True)
class Problem:
    point: str  # the specification point that is not met
    text: str  # what differs, in words

    def __str__(self) -> str:
        return f"{self.point}: {self.text}"


@dataclass(frozen=True)
class Context:
    """The data one chart was drawn from, and what the kind asks of it."""

    kind: str
    data: pd.DataFrame
    roles: dict[str, str]

    def column(self, role: str) -> pd.Series:
        return self.data[self.roles[role]]

    def categories(self, role: str = "color") -> list[str]:
        return category_order(self.column(role))

    def colors(self, role: str = "color") -> dict[str, str]:
        return colors_for(self.column(role))


Check = Callable[[Scene, Context], list[Problem]]
SAME_COLOR = 12.0  # RGB distance under which two colours count as the same one
BOX_TOLERANCE = 0.001  # share of the y span within which a drawn quartile is the expected one


def _same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and distance(a, b) <= SAME_COLOR


def _shown(values: Iterable[str]) -> str:
    items = list(values)
    return ", ".join(items[:6]) + (f" and {len(items) - 6} more" if len(items) > 6 else "")


# --- colours, legends and order ---------------------------------------------------------


def color_map(scene: Scene, ctx: Context, role: str = "color") -> dict[str, str]:
    """Which category each drawn colour stands for: the legend's word where it names the
    categories (so a wrong palette is still read right), else the palette's."""
    categories = set(ctx.categories(role))
    from_legend = {e.color: e.label for e in scene.legend if e.label in categories and e.color}
    if set(from_legend.values()) == categories:
        return from_legend
    return {color: name for name, color in ctx.colors(role).items()}


def category_of(color: str, mapping: dict[str, str]) -> str | None:
    for known, name in mapping.items():
        if _same(color, known):
            return name
    return None


def legend_problems(scene: Scene, ctx: Context, role: str = "color") -> list[Problem]:
    """One legend names every category, in sorted order, in its colour. Several legends
    (one per facet panel) are each read in their own order."""
    categories, colors = ctx.categories(role), ctx.colors(role)
    entries = [e for e in scene.legend if e.label in set(categories)]
    legends: dict[int, list[str]] = {}
    for entry in entries:
        legends.setdefault(entry.legend, [])
        if entry.label not in legends[entry.legend]:
            legends[entry.legend].append(entry.label)
    shown = {label for labels in legends.values() for label in labels}
    problems = []
    if shown != set(categories):
        missing = [c for c in categories if c not in shown]
        problems.append(Problem("legend", f"no legend entry for {_shown(missing)}"))
    elif not any(set(labels) == set(categories) for labels in legends.values()):
        problems.append(Problem("legend", f"{len(legends)} legends (one per panel), none "
                                "naming every category"))
    for labels in legends.values():
        if labels != [c for c in categories if c in set(labels)]:
            problems.append(Problem("order", f"a legend lists {_shown(labels)}; sorted order "
                                    f"is {_shown(categories)}"))
            break
    wrong = [f"{e.label} is {e.color}, not {colors[e.label]}" for e in entries
             if e.color and not _same(e.color, colors[e.label])]
    uncoloured = [e.label for e in entries if not e.color]
    if wrong:
        problems.append(Problem("palette", f"legend colours: {_shown(wrong)}"))
    if uncoloured:
        problems.append(Problem("legend", f"legend entries with no colour key: "
                                f"{_shown(uncoloured)}"))
    return problems


def mark_color_problems(colors: Iterable[str], ctx: Context, role: str = "color",
                        what: str = "marks") -> list[Problem]:
    palette = list(ctx.colors(role).values())
    foreign = sorted({c for c in colors if c and not any(_same(c, p) for p in palette)})
    if foreign:
        return [Problem("palette", f"{what} drawn in {_shown(foreign)}, which are not the "
                        f"palette's colours for these categories ({_shown(palette)})")]
    return []


def colorbar_problems(scene: Scene, shows: str) -> list[Problem]:
    """A continuous scale needs a colour bar, drawn as the reader's browser shows it."""
    if not scene.colorbar:
        return [Problem("scale", f"no colour bar shows {shows}")]
    return [Problem("scale", scene.colorbar_flaw)] if scene.colorbar_flaw else []


def size_problems(scene: Scene, ctx: Context,
                  nominal: tuple[int, int] = spec.NOMINAL_SIZE) -> list[Problem]:
    width, height = nominal
    if not scene.width or not scene.height:
        return [Problem("size", "the chart's size could not be read")]
    if abs(scene.width / width - 1) > 0.2 or abs(scene.height / height - 1) > 0.2:
        return [Problem("size", f"drawn at {scene.width:.0f} x {scene.height:.0f} px; the "
                        f"specification is {width} x {height} px (within 20%)")]
    return []


# --- points -----------------------------------------------------------------------------


def _inside(value: float, low: float | None, high: float | None, scale: float) -> bool:
    if low is None or high is None or not isinstance(value, int | float):
        return True
    low, high = min(low, high), max(low, high)
    return low - 1e-6 * scale <= value <= high + 1e-6 * scale


def _on_axis(value: float | str, axis: Axis) -> bool:
    span = abs((axis.high or 1) - (axis.low or 0))
    return _inside(value, axis.low, axis.high, span)


def outside_problems(scene: Scene, points: Iterable[Point], what: str = "points",
                     point: str = "rows") -> list[Problem]:
    outside = 0
    for p in points:
        panel = scene.panels[p.panel] if p.panel < len(scene.panels) else scene.panels[0]
        if not (_on_axis(p.x, panel.x) and _on_axis(p.y, panel.y)):
            outside += 1
    return [Problem(point, f"{outside} {what} lie outside the axis ranges")] if outside else []


def _coords(points: list[Point], axes: tuple[str, ...]) -> np.ndarray:
    return np.array([[float(getattr(p, a)) for a in axes] for p in points]).reshape(
        len(points), len(axes))


def point_problems(scene: Scene, ctx: Context, axes: tuple[str, ...] = ("x", "y"),
                   points: list[Point] | None = None, data: pd.DataFrame | None = None,
                   label: str = "") -> list[Problem]:
    """Every row one visible point of its category's colour, nothing else, at the
    specified opacity, inside the axes."""
    points = list(scene.points if points is None else points)
    data = ctx.data if data is None else data
    where = f" in {label}" if label else ""
    numeric = [p for p in points if all(isinstance(getattr(p, a), int | float) for a in axes)]
    hidden = [p for p in numeric if p.alpha <= 0.05]
    shown = [p for p in numeric if p.alpha > 0.05]
    problems = []
    if hidden:
        problems.append(Problem("rows", f"{len(hidden)} points{where} are not visible "
                                "(transparent, hidden or filtered out)"))
    columns = [ctx.roles[a] for a in axes]
    scale = spans(*(data[c] for c in columns))
    everything = match(data[columns].to_numpy(float), _coords(shown, axes), scale)
    if not everything.exact:
        problems.append(Problem("rows", f"{len(shown)} points drawn{where} for {len(data)} "
                                f"rows: {everything.missing} rows not drawn, "
                                f"{everything.extra} points that are no row (or drawn twice)"))
        return problems
    mapping = color_map(scene, ctx)
    wrong = 0
    for name in ctx.categories():
        rows = data[data[ctx.roles["color"]].astype(str) == name]
        mine = [p for p in shown if category_of(p.color, mapping) == name]
        wrong += match(rows[columns].to_numpy(float), _coords(mine, axes), scale).missing
    if wrong:
        problems.append(Problem("palette", f"{wrong} points{where} are not drawn in their "
                                "category's colour"))
    problems += mark_color_problems((p.color for p in shown), ctx)
    target = spec.OPACITY.get(ctx.kind)
    if target is not None and shown:
        alphas = np.array([p.alpha for p in shown])
        if np.abs(alphas - target).max() > 0.1:
            problems.append(Problem("rows", f"points drawn at opacity {alphas.min():.2f}.."
                                    f"{alphas.max():.2f}; the specification is {target}"))
    return problems + outside_problems(scene, shown)


# --- the chart kinds --------------------------------------------------------------------


def check_scatter(scene: Scene, ctx: Context) -> list[Problem]:
    return point_problems(scene, ctx) + legend_problems(scene, ctx) + size_problems(scene, ctx)


def check_scatter3d(scene: Scene, ctx: Context) -> list[Problem]:
    return (point_problems(scene, ctx, axes=("x", "y", "z")) + legend_problems(scene, ctx)
            + size_problems(scene, ctx))


def _line_of(lines: list[Line], name: str, mapping: dict[str, str]) -> list[tuple[float, float]]:
    vertices = []
    for line in lines:
        if line.alpha > 0.05 and category_of(line.color, mapping) == name:
            vertices += [(float(x), float(y)) for x, y in zip(line.xs, line.ys, strict=True)]
    return vertices


def check_line(scene: Scene, ctx: Context) -> list[Problem]:
    time, y, color = (ctx.roles[r] for r in ("time", "y", "color"))
    means = ctx.data.groupby([color, time])[y].mean().reset_index()
    mapping, problems = color_map(scene, ctx), []
    scale = spans(ctx.data[time], means[y])
    lines = [line for line in scene.lines if len(line.xs) > 1]
    for name in ctx.categories():
        expected = means[means[color].astype(str) == name][[time, y]].to_numpy(float)
        drawn = _line_of(lines, name, mapping)
        if not drawn:
            problems.append(Problem("statistic", f"no visible line for {name}"))
            continue
        found = match(expected, np.array(drawn), scale)
        if not found.exact:
            problems.append(Problem("statistic", f"{name}: the line's vertices are not the "
                                    f"means of {y} per {time} ({found.missing} of "
                                    f"{len(expected)} means missed, {found.extra} other vertices)"))
        markers = [(p.x, p.y) for p in scene.points
                   if p.alpha > 0.05 and category_of(p.color, mapping) == name]
        if not markers or not match(expected, np.array(markers, dtype=float), scale).exact:
            problems.append(Problem("statistic", f"{name}: no marker at each mean"))
    problems += mark_color_problems((line.color for line in lines), ctx, what="lines")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _bars_by_group(rects: Iterable[Rect], categories: list[str]) -> dict[str, list[Rect]]:
    """Bars by the x category they stand at, left to right within a group. Categories that
    read as numbers ("0.0", "1.0") leave an axis that looks numeric: its bars are grouped by
    their nearest whole position, which the sorted categories take in turn."""
    shown = [r for r in rects if r.alpha > 0.05]
    groups: dict[str, list[Rect]] = {}
    for rect in shown:
        if isinstance(rect.x0, str):
            groups.setdefault(rect.x0, []).append(rect)
    numeric = [r for r in shown if not isinstance(r.x0, str)]
    if not groups and numeric:
        centre = {id(r): (float(r.x0) + float(r.x1)) / 2 for r in numeric}
        slots = sorted({round(c) for c in centre.values()})
        for rect in numeric:
            slot = slots.index(round(centre[id(rect)]))
            if slot < len(categories):
                groups.setdefault(categories[slot], []).append(
                    replace(rect, order=centre[id(rect)]))
    return {key: sorted(bars, key=lambda r: r.order) for key, bars in groups.items()}


def check_bar(scene: Scene, ctx: Context) -> list[Problem]:
    x, y, color = (ctx.roles[r] for r in ("x", "y", "color"))
    means = ctx.data.groupby([x, color])[y].mean()
    mapping, problems = color_map(scene, ctx), []
    groups = _bars_by_group(scene.rects, ctx.categories("x"))
    scale = max(abs(float(means.max())), abs(float(means.min())), 1e-9)
    for (group, name), mean in means.items():
        bars = [r for r in groups.get(str(group), []) if category_of(r.color, mapping) == str(name)]
        heights = [float(r.y1) - float(r.y0) for r in bars]
        if not bars and close(mean, 0, scale):
            continue  # a bar of height 0 is not there to see, drawn or not
        if len(bars) != 1:
            problems.append(Problem("statistic", f"{len(bars)} bars for {x}={group}, "
                                    f"{color}={name}; one was expected"))
        elif not close(heights[0], mean, scale) or not close(float(bars[0].y0), 0, scale):
            problems.append(Problem("statistic", f"the bar for {group}, {name} spans "
                                    f"{float(bars[0].y0):.4g}..{float(bars[0].y1):.4g}; the mean "
                                    f"of {y} is {mean:.4g}, from 0"))
    expected_bars = len(means)
    drawn = sum(len(bars) for bars in groups.values())
    if drawn > expected_bars:
        problems.append(Problem("statistic", f"{drawn} bars for {expected_bars} groups"))
    for group, bars in groups.items():
        names = [category_of(r.color, mapping) for r in bars]
        if [n for n in names if n] != sorted(n for n in names if n):
            problems.append(Problem("grouping", f"in {group} the bars run {_shown(map(str, names))}"
                                    "; sorted order left to right was expected"))
        if len({round(r.order, 6) for r in bars}) < len(bars):
            problems.append(Problem("grouping", f"the bars of {group} are stacked or overlap, "
                                    "not side by side"))
    problems += _axis_order(scene, ctx.categories("x"), "x")
    if any(len(line.xs) == 2 for line in scene.lines):
        count = sum(len(line.xs) == 2 for line in scene.lines)
        problems.append(Problem("error bars", f"{count} error bars are drawn"))
    problems += mark_color_problems((r.color for r in scene.rects if r.alpha > 0.05), ctx,
                                    what="bars")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _axis_order(scene: Scene, categories: list[str], axis: str) -> list[Problem]:
    for panel in scene.panels:
        drawn = [c for c in getattr(panel, axis).categories if c in set(categories)]
        if drawn and drawn != [c for c in categories if c in set(drawn)]:
            return [Problem("order", f"the {axis} axis lists {_shown(drawn)}; sorted order is "
                            f"{_shown(categories)}")]
    return []


def check_histogram(scene: Scene, ctx: Context) -> list[Problem]:
    x, color = ctx.roles["x"], ctx.roles["color"]
    edges = np.histogram_bin_edges(ctx.data[x], bins=spec.HIST_BINS)
    mapping, problems = color_map(scene, ctx), []
    span = float(edges[-1] - edges[0]) or 1.0
    bars = [r for r in scene.rects if r.alpha > 0.05 and isinstance(r.x0, int | float)
            and float(r.y1) - float(r.y0) > 1e-9]
    if not bars:
        return [Problem("statistic", "no histogram bars are drawn")]
    lefts = np.array([float(r.x0) for r in bars])
    rights = np.array([float(r.x1) for r in bars])
    first, last = _nearest_edge(edges, lefts), _nearest_edge(edges, rights)
    on_edges = (np.isclose(lefts, edges[first], atol=0.002 * span).all()
                and np.isclose(rights, edges[last], atol=0.002 * span).all()
                and (last == first + 1).all())  # each bar one bin wide
    if not on_edges:
        widths = np.unique(np.round(rights - lefts, 6))
        problems.append(Problem("bins", f"bars {_shown(f'{w:.4g}' for w in widths)} wide from "
                                f"{lefts.min():.4g}; the specification's {spec.HIST_BINS} bins "
                                f"are {edges[1] - edges[0]:.4g} wide from {edges[0]:.4g} to "
                                f"{edges[-1]:.4g}"))
        # counts per bin are only comparable on the specified edges; the rest still is
        return (problems + _stacking(bars) + mark_color_problems((r.color for r in bars), ctx,
                                                                 what="bars")
                + legend_problems(scene, ctx) + size_problems(scene, ctx))
    for name in ctx.categories():
        values = ctx.data.loc[ctx.data[color].astype(str) == name, x]
        counts, _ = np.histogram(values, bins=edges)
        drawn = np.zeros(len(counts))
        for rect in bars:
            if category_of(rect.color, mapping) == name:
                index = int(np.abs(edges[:-1] - float(rect.x0)).argmin())
                drawn[index] += float(rect.y1) - float(rect.y0)
        if not np.allclose(drawn, counts, atol=0.01):
            wrong = int((~np.isclose(drawn, counts, atol=0.01)).sum())
            problems.append(Problem("statistic", f"{name}: {wrong} of {len(counts)} bins do "
                                    f"not show their count ({int(drawn.sum())} drawn for "
                                    f"{len(values)} rows)"))
    problems += _stacking(bars)
    problems += mark_color_problems((r.color for r in bars), ctx, what="bars")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _nearest_edge(edges: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.abs(edges[:, None] - values).argmin(0)


def _stacking(bars: list[Rect]) -> list[Problem]:
    by_bin: dict[tuple[int, float], list[Rect]] = {}
    for rect in bars:
        by_bin.setdefault((rect.panel, round(float(rect.x0), 6)), []).append(rect)
    overlapping = 0
    for stack in by_bin.values():
        stack = sorted(stack, key=lambda r: float(r.y0))
        for below, above in zip(stack, stack[1:], strict=False):
            if float(above.y0) < float(below.y1) - 1e-6 * max(1.0, float(below.y1)):
                overlapping += 1
                break
    if overlapping:
        return [Problem("stacking", f"in {overlapping} bins the categories' bars overlap: "
                        "overlaid, not stacked")]
    return []


def tukey(values: pd.Series) -> dict[str, object]:
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    iqr = q3 - q1
    inside = values[(values >= q1 - 1.5 * iqr) & (values <= q3 + 1.5 * iqr)]
    outliers = np.sort(values[(values < inside.min()) | (values > inside.max())].to_numpy())
    return {"q1": q1, "median": median, "q3": q3, "low": inside.min(), "high": inside.max(),
            "outliers": outliers}


def check_box(scene: Scene, ctx: Context) -> list[Problem]:
    x, y = ctx.roles["x"], ctx.roles["y"]
    categories, colors = ctx.categories("x"), ctx.colors("x")
    scale = float(ctx.data[y].max() - ctx.data[y].min()) or 1.0
    boxes = {box.category: box for box in scene.boxes}
    problems = []
    for name in categories:
        box = boxes.get(name)
        values = ctx.data.loc[ctx.data[x].astype(str) == name, y]
        if box is None:
            problems.append(Problem("statistic", f"no box for {name}"))
            continue
        want = tukey(values)
        # quartiles are computed numbers: within 0.1% of the axis, so that another
        # quantile method (plotly's default is type 5, not numpy's type 7) is told apart
        off = [f"{key} {getattr(box, key):.4g} (expected {want[key]:.4g})"
               for key in ("q1", "median", "q3")
               if not close(getattr(box, key), want[key], scale, BOX_TOLERANCE)]
        if off:
            problems.append(Problem("statistic", f"{name}: {_shown(off)}"))
        # a flat box (no spread): its whiskers and caps lie on it, no part tells them apart
        if not close(want["q1"], want["q3"], scale, BOX_TOLERANCE):
            problems += _whisker_problems(box, want, name, scale)
        if not _same(box.color, colors[name]):
            problems.append(Problem("palette", f"{name}'s box is {box.color or 'unfilled'}, "
                                    f"not {colors[name]}"))
        problems += _box_in_range(scene, box, name)
    extra = sorted(set(boxes) - set(categories))
    if extra:
        problems.append(Problem("statistic", f"boxes for {_shown(extra)}, which are no category"))
    return problems + _axis_order(scene, categories, "x") + size_problems(scene, ctx)


def _whisker_problems(box: Box, want: dict, name: str, scale: float) -> list[Problem]:
    problems = []
    ends = [f"{key} {getattr(box, key):.4g} (expected {want[key]:.4g})"
            for key in ("low", "high") if not close(getattr(box, key), want[key], scale)]
    if ends:
        problems.append(Problem("whiskers", f"{name}: whisker {_shown(ends)}"))
    if len(box.outliers) != len(want["outliers"]):
        problems.append(Problem("whiskers", f"{name}: {len(box.outliers)} outliers drawn, "
                                f"{len(want['outliers'])} beyond the whiskers"))
    return problems


def _box_in_range(scene: Scene, box: Box, name: str) -> list[Problem]:
    axis = scene.panels[min(box.panel, len(scene.panels) - 1)].y
    values = [box.low, box.high, *box.outliers]
    scale = abs((axis.high or 1) - (axis.low or 0))
    if not all(_inside(v, axis.low, axis.high, scale) for v in values):
        return [Problem("whiskers", f"{name}'s whiskers or outliers reach outside the y axis "
                        f"range ({axis.low:.4g}..{axis.high:.4g})")]
    return []


def _number(text: str) -> float | None:
    try:
        return float(text.replace("\u2212", "-").strip())
    except ValueError:
        return None


def _heatmap_cells(scene: Scene, corr: pd.DataFrame) -> dict[str, list[str]]:
    """Per problem, the cells that have it: missing, wrong value, colour or text."""
    names = [str(c) for c in corr.columns]
    cells = {(str(r.x0), str(r.y0)): r for r in scene.rects if r.alpha > 0.05}
    texts = {(str(t.x), str(t.y)): _number(t.text) for t in scene.texts}
    found: dict[str, list[str]] = {"missing": [], "value": [], "color": [], "text": []}
    for row in names:
        for column in names:
            value, cell = float(corr.loc[row, column]), cells.get((column, row))
            where = f"{row}/{column}"
            if cell is None:
                found["missing"].append(where)
                continue
            if cell.value is not None and abs(cell.value - value) > 0.005:
                found["value"].append(f"{where} = {cell.value:.2f} (r = {value:.2f})")
            tolerance = max(45.0, distance(diverging_color(value - 0.1),
                                           diverging_color(value + 0.1)))
            if distance(cell.color, diverging_color(value)) > tolerance:
                found["color"].append(f"{where} ({value:.2f}) is {cell.color}")
            shown = texts.get((column, row))
            if shown is None or abs(shown - value) > 0.0051:
                found["text"].append(where)
    found["extra"] = [""] * max(0, len(cells) - len(names) ** 2)
    return found


def check_heatmap(scene: Scene, ctx: Context) -> list[Problem]:
    corr = ctx.data.select_dtypes("number").corr()
    names = [str(c) for c in corr.columns]
    found, problems = _heatmap_cells(scene, corr), []
    if found["missing"]:
        problems.append(Problem("statistic", f"{len(found['missing'])} of {len(names) ** 2} "
                                f"cells are not drawn: {_shown(found['missing'])}"))
    if found["value"]:
        problems.append(Problem("statistic", "cells that are not the correlation: "
                                f"{_shown(found['value'])}"))
    if found["color"]:
        problems.append(Problem("scale", f"{len(found['color'])} cells are not coloured on the "
                                f"-1..1 RdBu scale: {_shown(found['color'])}"))
    problems += colorbar_problems(scene, "the -1..1 scale")
    if found["text"]:
        problems.append(Problem("values", f"{len(found['text'])} cells do not show their value "
                                f"to two decimals: {_shown(found['text'])}"))
    if found["extra"]:
        problems.append(Problem("statistic", f"{len(found['extra'])} cells more than the "
                                f"{len(names)}x{len(names)} matrix"))
    panel = scene.panels[0]
    if list(panel.x.categories) != names or list(panel.y.categories) != names[::-1]:
        problems.append(Problem("orientation", f"columns run {_shown(panel.x.categories)} and "
                                f"rows (bottom to top) {_shown(panel.y.categories)}; expected "
                                f"{_shown(names)} left to right and top to bottom"))
    return problems + size_problems(scene, ctx)


def _reading_order(scene: Scene) -> list[int]:
    return sorted(range(len(scene.panels)),
                  key=lambda i: (round(scene.panels[i].top), scene.panels[i].left))


def check_facet(scene: Scene, ctx: Context) -> list[Problem]:
    facet = ctx.roles["facet"]
    values = ctx.categories("facet")
    order = _reading_order(scene)
    problems = []
    if len(order) != len(values):
        return [Problem("panels", f"{len(order)} panels for {len(values)} values of {facet}")]
    titles = [scene.panels[i].title for i in order]
    for value, title in zip(values, titles, strict=True):
        if value not in title:
            problems.append(Problem("panels", f"panels are titled {_shown(titles)}; expected "
                                    f"{_shown(values)} in that order"))
            break
    per_row: dict[int, int] = {}
    for i in order:
        top = round(scene.panels[i].top)
        per_row[top] = per_row.get(top, 0) + 1
    if max(per_row.values()) > spec.FACET_COLUMNS:
        problems.append(Problem("panels", f"{max(per_row.values())} panels in a row; wrap "
                                f"after {spec.FACET_COLUMNS}"))
    for value, index in zip(values, order, strict=True):
        subset = ctx.data[ctx.data[facet].astype(str) == value]
        mine = [p for p in scene.points if p.panel == index]
        problems += point_problems(scene, ctx, points=mine, data=subset, label=value)
    problems += _shared_axes(scene)
    return problems + legend_problems(scene, ctx)


def _shared_axes(scene: Scene) -> list[Problem]:
    for axis in ("x", "y"):
        ranges = {(round(getattr(p, axis).low or 0, 6), round(getattr(p, axis).high or 0, 6))
                  for p in scene.panels}
        if len(ranges) > 1:
            shown = (f"{low:.4g}..{high:.4g}" for low, high in sorted(ranges))
            return [Problem("shared axes", f"panels have different {axis} ranges: "
                            f"{_shown(shown)}")]
    return []


def check_regression(scene: Scene, ctx: Context) -> list[Problem]:
    x, y, color = (ctx.roles[r] for r in ("x", "y", "color"))
    mapping, problems = color_map(scene, ctx), point_problems(scene, ctx)
    xscale, yscale = spans(ctx.data[x], ctx.data[y])
    lines = [line for line in scene.lines if len(line.xs) >= 2 and line.alpha > 0.05]
    for name in ctx.categories():
        group = ctx.data[ctx.data[color].astype(str) == name]
        if group[x].nunique() < 2:
            continue  # one x value: no least-squares line exists to hold a drawing to
        slope, intercept = np.polyfit(group[x], group[y], 1)
        vertices = np.array(_line_of(lines, name, mapping))
        if not len(vertices):
            problems.append(Problem("fit", f"no fit line for {name}"))
            continue
        off = np.abs(vertices[:, 1] - (slope * vertices[:, 0] + intercept)).max()
        if off > 0.01 * yscale:
            problems.append(Problem("fit", f"{name}'s line is not the least-squares fit "
                                    f"(up to {off:.3g} off)"))
        low, high = vertices[:, 0].min(), vertices[:, 0].max()
        if not (close(low, group[x].min(), xscale, 0.01) and close(high, group[x].max(),
                                                                     xscale, 0.01)):
            problems.append(Problem("fit", f"{name}'s line runs {low:.4g}..{high:.4g}; its "
                                    f"points span {group[x].min():.4g}..{group[x].max():.4g}"))
    if scene.areas:
        problems.append(Problem("fit", f"{len(scene.areas)} confidence bands are drawn"))
    problems += mark_color_problems((line.color for line in lines), ctx, what="fit lines")
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def check_bubble(scene: Scene, ctx: Context) -> list[Problem]:
    problems = point_problems(scene, ctx)
    size = ctx.roles["size"]
    shown = [p for p in scene.points if p.alpha > 0.05 and p.size]
    if len(shown) != len(ctx.data):
        problems.append(Problem("size scale", "marker sizes could not be read for every point"))
    else:
        problems += _size_scale(shown, ctx, size)
    sizes = {round(e.size, 1) for e in scene.legend if e.size}
    if len(sizes) < 2:
        problems.append(Problem("size legend", "no legend of marker sizes"))
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


def _size_scale(points: list[Point], ctx: Context, size: str,
                largest: float | None = None) -> list[Problem]:
    """Diameters against values, both sorted: proportional area means the i-th smallest
    marker's squared diameter is a fixed multiple of the i-th smallest value (sorting
    avoids pairing markers with rows by position, ambiguous where rows coincide)."""
    values = np.sort(ctx.data[size].to_numpy(float))
    diameters = np.sort(np.array([p.size for p in points], dtype=float))
    largest = values.max() if largest is None else largest
    expected = spec.BUBBLE_MAX_PX * np.sqrt(values / largest)
    problems = []
    want = expected.max()
    if abs(diameters.max() / want - 1) > 0.2:
        problems.append(Problem("size scale", f"the largest marker is {diameters.max():.0f} px "
                                f"across; the specification is {want:.0f} px"))
    ratio = diameters / expected
    if ratio.max() / ratio.min() > 1.25:
        problems.append(Problem("size scale", "marker areas are not proportional to "
                                f"{size} (from zero): diameters are {ratio.min():.2f}.."
                                f"{ratio.max():.2f} times the proportional ones"))
    return problems


# --- the interactive kinds: the chart at the start, and the controls that change it ------


def check_tooltip(scene: Scene, ctx: Context) -> list[Problem]:
    problems = check_scatter(scene, ctx)
    named = {field.lower() for field in scene.tooltip}
    missing = [c for r, c in ctx.roles.items() if c.lower() not in named]
    if missing:
        shown = ", ".join(scene.tooltip) or "no tooltip"
        problems.append(Problem("tooltip", f"the tooltip does not name {', '.join(missing)} "
                                f"(it shows: {shown})"))
    return problems


def check_linked(scene: Scene, ctx: Context) -> list[Problem]:
    problems = []
    for panel, axes in ((0, ("x", "y")), (1, ("x2", "y2"))):
        mine = [replace(p, panel=0) for p in scene.points if p.panel == panel]
        view = replace(ctx, roles={**ctx.roles, "x": ctx.roles[axes[0]],
                                   "y": ctx.roles[axes[1]]})
        # each view's points are judged against that view's own axes (renumbered panel 0)
        own = replace(scene, panels=scene.panels[panel:panel + 1] or scene.panels)
        problems += point_problems(own, view, points=mine, label=f"view {panel + 1}")
    if scene.control("brush") is None:
        problems.append(Problem("brush", "no rectangle selection (box select or interval "
                                "brush) is drawn with the views"))
    elif not scene.linked:
        problems.append(Problem("brush", "the views do not share a selection: a rectangle "
                                "in one highlights nothing in the other"))
    view_width, view_height = spec.LINKED_VIEW_SIZE
    return problems + legend_problems(scene, ctx) + size_problems(
        scene, ctx, (2 * view_width + 100, view_height))


def _options_problems(scene: Scene, wanted: list[str], point: str, what: str,
                      kinds: tuple[str, ...]) -> list[Problem]:
    control = scene.control(*kinds)
    if control is None:
        return [Problem(point, f"no {what} control is drawn with the chart")]
    got = [str(o) for o in control.options]
    if got != wanted:
        return [Problem(point, f"the {what} control offers {_shown(got)}; the specification "
                        f"is {_shown(wanted)}, in that order")]
    return []


def _first(ctx: Context, role: str) -> tuple[list[str], pd.DataFrame]:
    values = sorted(ctx.column(role).unique(), key=lambda v: (str(type(v)), v))
    return [_label(v) for v in values], ctx.data[ctx.column(role) == values[0]]


def _label(value: object) -> str:
    """A value as a control labels it: whole numbers without a decimal point."""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _whole_range_problems(scene: Scene, ctx: Context) -> list[Problem]:
    """The first panel's axes reach every row's x and y, not only the rows shown at the
    start: ranges fixed to the whole data, so what a control shows compares."""
    panel = scene.panels[0]
    problems = []
    for role, axis in (("x", panel.x), ("y", panel.y)):
        if axis.low is None or axis.high is None:
            continue  # a categorical axis or one the extractor could not read
        values = ctx.column(role).to_numpy(float)
        span = float(np.ptp(values)) or 1.0
        if not _inside(values.min(), axis.low, axis.high, span) or not _inside(
                values.max(), axis.low, axis.high, span):
            problems.append(Problem("axes", f"the {role} axis spans {axis.low:g}..{axis.high:g}"
                                    f"; the whole data's {ctx.roles[role]} spans "
                                    f"{values.min():g}..{values.max():g}"))
    return problems


def check_widget(scene: Scene, ctx: Context) -> list[Problem]:
    options, first = _first(ctx, "color")
    problems = _options_problems(scene, options, "control", "dropdown", ("select", "slider"))
    problems += point_problems(scene, ctx, data=first) + _whole_range_problems(scene, ctx)
    return problems + size_problems(scene, ctx)


def check_animation(scene: Scene, ctx: Context) -> list[Problem]:
    steps, first = _first(ctx, "time")
    problems = _options_problems(scene, steps, "controls", "time", ("slider",))
    if scene.control("play") is None:
        problems.append(Problem("controls", "no play button is drawn with the chart"))
    problems += point_problems(scene, ctx, data=first) + _whole_range_problems(scene, ctx)
    shown = [p for p in scene.points if p.alpha > 0.05 and p.size]
    if len(shown) != len(first):
        problems.append(Problem("size scale", "marker sizes could not be read for every point"))
    else:  # the scale is the whole data's: the largest bubble of any frame is the largest
        problems += _size_scale(shown, replace(ctx, data=first), ctx.roles["size"],
                                ctx.column("size").max())
    return problems + legend_problems(scene, ctx) + size_problems(scene, ctx)


CHECKS: dict[str, Check] = {
    "scatter": check_scatter,
    "line": check_line,
    "bar": check_bar,
    "histogram": check_histogram,
    "box": check_box,
    "heatmap": check_heatmap,
    "facet": check_facet,
    "regression": check_regression,
    "scatter3d": check_scatter3d,
    "bubble": check_bubble,
    "tooltip": check_tooltip,
    "linked": check_linked,
    "widget": check_widget,
    "animation": check_animation,
}


def check(kind: str, scene: Scene, data: pd.DataFrame, roles: dict[str, str],
          declared: dict[str, str] | None = None) -> list[Problem]:
    """What differs between the drawn ``scene`` and the specification of ``kind`` on
    ``data``; points the library declares unmet are left out."""
    from gallery.verify.checks_families import CHECKS as FAMILY_CHECKS  # uses this module

    problems = {**CHECKS, **FAMILY_CHECKS}[kind](scene, Context(kind, data, roles))
    declared = declared or {}
    unique = list(dict.fromkeys(problems))
    return [p for p in unique if p.point not in declared]
