"""The Sankey's check: nodes read as the columns of rectangles a chart drew, links as the
filled outlines between them, in any linear frame (data units or pixels, y up or down: a
node's share of its column and a link's share of the rows do not depend on it), against
the row counts the data gives."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gallery import kinds as spec
from gallery.verify.checks import Context, Problem, _same, _shown, size_problems
from gallery.verify.scene import Area, Rect, Scene

NODE_SHARE = 0.015  # a node's share of its stage may differ by this (padding, rounding)
LINK_SHARE = 0.015  # the links of a pair may carry this share of the rows more or less
COLUMN = 0.02  # nodes within this share of the plot's width stand in one column (stage)
REACH = 0.03  # a link's end lies within this share of the plot's width of its node's side
END = 0.005  # a link's end is its outline's points within this share of the width of it


@dataclass(frozen=True)
class _Node:
    stage: int
    x0: float
    x1: float
    y0: float
    y1: float
    name: str | None = None  # the category its label names

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def sankey_counts(data: pd.DataFrame, roles: dict[str, str]) -> list[pd.Series]:
    """Per stage, the rows of each category; then per pair of neighbouring stages, the rows
    of each (left, right) pair of categories that meet."""
    columns = [data[roles[r]].astype(str) for r in spec.SANKEY_STAGES]
    nodes = [column.value_counts() for column in columns]
    links = [data.groupby([left, right]).size() for left, right in zip(
        columns, columns[1:], strict=False)]
    return nodes + links


def _numeric(*values: object) -> bool:
    return all(isinstance(v, int | float) and np.isfinite(v) for v in values)


def _columns(scene: Scene) -> list[list[Rect]]:
    """The visible numeric rectangles, grouped left to right into columns of equal x."""
    rects = sorted((r for r in scene.rects if r.alpha > 0.05 and _numeric(
        r.x0, r.x1, r.y0, r.y1) and r.x0 != r.x1 and r.y0 != r.y1),
        key=lambda r: (r.x0 + r.x1) / 2)
    if not rects:
        return []
    span = (max(max(r.x0, r.x1) for r in rects) - min(min(r.x0, r.x1) for r in rects)) or 1.0
    columns: list[list[Rect]] = [[rects[0]]]
    for rect in rects[1:]:
        previous = columns[-1][-1]
        if abs((rect.x0 + rect.x1) / 2 - (previous.x0 + previous.x1) / 2) <= COLUMN * span:
            columns[-1].append(rect)
        else:
            columns.append([rect])
    return columns


def _name_nodes(scene: Scene, stage: int, rects: list[Rect], categories: list[str],
                width: float) -> list[_Node]:
    """Each node with the category whose label lies beside or on it: a text of that name
    whose y is within the node and whose x is nearest to it."""
    nodes = [_Node(stage, min(r.x0, r.x1), max(r.x0, r.x1), min(r.y0, r.y1),
                   max(r.y0, r.y1)) for r in rects]
    named = []
    for node in nodes:
        beside = [(abs(t.x - (node.x0 + node.x1) / 2), str(t.text).strip())
                  for t in scene.texts if _numeric(t.x, t.y)
                  and str(t.text).strip() in categories
                  and node.y0 <= t.y <= node.y1
                  and abs(t.x - (node.x0 + node.x1) / 2) <= 0.25 * width]
        name = min(beside)[1] if beside else None
        named.append(_Node(stage, node.x0, node.x1, node.y0, node.y1, name))
    return named


def _link_end(area: Area, x: float, width: float) -> tuple[float, float]:
    """A link's thickness and middle at one end: its outline's points nearest x."""
    xs, ys = np.asarray(area.xs, dtype=float), np.asarray(area.ys, dtype=float)
    at = ys[np.abs(xs - x) <= END * width]
    return float(at.max() - at.min()), float((at.max() + at.min()) / 2)


def _node_at(nodes: list[_Node], side: str, x: float, y: float, width: float) -> _Node | None:
    for node in nodes:
        edge = node.x1 if side == "right" else node.x0
        if abs(edge - x) <= REACH * width and node.y0 - 1e-9 <= y <= node.y1 + 1e-9:
            return node
    return None


def _node_problems(stage_nodes: list[list[_Node]], counts: list[pd.Series],
                   names: list[str]) -> list[Problem]:
    problems, unlabelled = [], []
    for nodes, want, role in zip(stage_nodes, counts, names, strict=False):
        shares = want / want.sum()
        total = sum(n.height for n in nodes) or 1.0
        drawn = {n.name: n.height / total for n in nodes if n.name}
        unlabelled += [f"{role} {name}" for name in shares.index if name not in drawn]
        wrong = [f"{name} {drawn[name]:.1%}, not {share:.1%}" for name, share in shares.items()
                 if name in drawn and abs(drawn[name] - share) > NODE_SHARE]
        if len(nodes) != len(shares):
            problems.append(Problem("statistic", f"{role}: {len(nodes)} nodes; the data has "
                                    f"{len(shares)} categories ({_shown(shares.index)})"))
        if wrong:
            problems.append(Problem("statistic", f"{role}'s nodes, share of its rows: "
                                    f"{_shown(wrong)}"))
    if unlabelled:
        problems.append(Problem("labels", f"no node is named {_shown(unlabelled)}"))
    return problems


def _links(scene: Scene, stage_nodes: list[list[_Node]], width: float
           ) -> tuple[dict[tuple[int, str, str], float], int, list[tuple[str, str]]]:
    """The share of the rows each pair of named nodes' links carry (summed over a pair's
    links), how many filled shapes join no node to the next stage's, and the colour of each
    link leaving a first-stage node."""
    nodes = [n for column in stage_nodes for n in column]
    carried: dict[tuple[int, str, str], float] = {}
    strays, colors = 0, []
    for area in scene.areas:
        if area.alpha <= 0.05 or len(area.xs) < 4 or not _numeric(*area.xs, *area.ys):
            continue
        x0, x1 = min(area.xs), max(area.xs)
        thick, middle = _link_end(area, x0, width)
        source = _node_at(nodes, "right", x0, middle, width)
        target = _node_at(nodes, "left", x1, _link_end(area, x1, width)[1], width)
        if not source or not target or target.stage != source.stage + 1:
            strays += 1
            continue
        if source.stage == 0 and source.name:
            colors.append((source.name, area.color))
        if source.name and target.name:  # an unnamed node is reported as such
            key = (source.stage, source.name, target.name)
            column_height = sum(n.height for n in stage_nodes[source.stage]) or 1.0
            carried[key] = carried.get(key, 0.0) + thick / column_height
    return carried, strays, colors


def _link_problems(carried: dict[tuple[int, str, str], float], links: list[pd.Series],
                   names: list[str], named: set[tuple[int, str]]) -> list[Problem]:
    problems = []
    for stage, want in enumerate(links):
        shares = want / want.sum()
        drawn = {(a, b): v for (s, a, b), v in carried.items() if s == stage}
        missing = [f"{a} → {b}" for (a, b) in shares.index if (a, b) not in drawn
                   and {(stage, a), (stage + 1, b)} <= named]
        extra = [f"{a} → {b}" for (a, b) in drawn if (a, b) not in shares.index]
        wrong = [f"{a} → {b} {drawn[(a, b)]:.1%}, not {share:.1%}"
                 for (a, b), share in shares.items()
                 if (a, b) in drawn and abs(drawn[(a, b)] - share) > LINK_SHARE]
        between = f"{names[stage]} → {names[stage + 1]}"
        if missing:
            problems.append(Problem("statistic", f"{between}: no link {_shown(missing)}"))
        if extra:
            problems.append(Problem("statistic", f"{between}: links {_shown(extra)} join "
                                    "categories no row has together"))
        if wrong:
            problems.append(Problem("statistic", f"{between}, share of the rows: "
                                    f"{_shown(wrong)}"))
    return problems


def _palette_problems(colors: list[tuple[str, str]], ctx: Context) -> list[Problem]:
    palette = ctx.colors("color")
    off = sorted({f"{name} in {color}" for name, color in colors
                  if name in palette and not _same(color, palette[name])})
    if off:
        return [Problem("palette", f"links leaving {_shown(off)}, not their category's "
                        "palette colour")]
    return []


def check_sankey(scene: Scene, ctx: Context) -> list[Problem]:
    counts = sankey_counts(ctx.data, ctx.roles)
    stages = len(spec.SANKEY_STAGES)
    names = [ctx.roles[r] for r in spec.SANKEY_STAGES]
    columns = _columns(scene)
    if len(columns) != stages:
        return [Problem("statistic", f"the nodes stand in {len(columns)} columns; the data "
                        f"has {stages} stages ({', '.join(names)})")] + size_problems(scene, ctx)
    left = min(min(r.x0, r.x1) for c in columns for r in c)
    width = (max(max(r.x0, r.x1) for c in columns for r in c) - left) or 1.0
    stage_nodes = [_name_nodes(scene, i, rects, list(counts[i].index), width)
                   for i, rects in enumerate(columns)]
    problems = _node_problems(stage_nodes, counts[:stages], names)
    carried, strays, colors = _links(scene, stage_nodes, width)
    if strays:
        problems.append(Problem("statistic", f"{strays} filled shapes do not join a node to "
                                "one in the next stage"))
    named = {(n.stage, n.name) for column in stage_nodes for n in column if n.name}
    problems += _link_problems(carried, counts[stages:], names, named)
    if not colors and (0, ctx.categories()[0]) in named:
        problems.append(Problem("palette", "no link leaves a first-stage node"))
    return problems + _palette_problems(colors, ctx) + size_problems(scene, ctx)
