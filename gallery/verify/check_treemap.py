"""The treemap's check: the tiles a chart drew, read as rectangles in any linear frame (data
units, pixels, y up or down: shares, containment and overlap do not depend on it), against
the sums the data gives at its latest time."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gallery import kinds as spec
from gallery.verify.checks import (
    Context,
    Problem,
    _shown,
    category_of,
    color_map,
    legend_problems,
    mark_color_problems,
    size_problems,
)
from gallery.verify.scene import Rect, Scene

LEAF_SHARE = 0.005  # a tile's share of the whole may differ by this (padding between tiles)
GROUP_SHARE = 0.015  # a category's block may differ by this (its padding and header)
SEEN_SHARE = 1e-4  # a tile this small is under a pixel at the nominal size: it may vanish
OVERLAP = 0.01  # tiles may overlap by this share of the whole (their outlines)
INSET = 0.02  # a label's centre lies at least this share of its tile's size from its edges
STRAYS = 0.005  # another category's tiles may reach this share into a category's block


def treemap_values(data: pd.DataFrame, roles: dict[str, str]) -> pd.Series:
    """{(colour, label): the sum of size at the latest time}, the tiles a treemap draws."""
    latest = data[data[roles["time"]] == data[roles["time"]].max()]
    keys = [latest[roles["color"]].astype(str), latest[roles["label"]].astype(str)]
    sums = latest[roles["size"]].astype(float).groupby(keys).sum()
    return sums[sums > 0]


def _tiles(scene: Scene) -> tuple[np.ndarray, list[Rect]]:
    """The drawn leaves as rows (x0, x1, y0, y1) with their rects: every visible numeric
    rectangle that holds no smaller one (a block or a root drawn under its tiles is not a
    tile); a rectangle drawn twice counts once."""
    rects = [r for r in scene.rects if r.alpha > 0.05 and all(
        isinstance(v, int | float) for v in (r.x0, r.x1, r.y0, r.y1))]
    if not rects:
        return np.empty((0, 4)), []
    box = np.array([[min(r.x0, r.x1), max(r.x0, r.x1), min(r.y0, r.y1), max(r.y0, r.y1)]
                    for r in rects], dtype=float)
    span = max(np.ptp(box[:, :2]), np.ptp(box[:, 2:])) or 1.0
    eps = 1e-6 * span
    area = (box[:, 1] - box[:, 0]) * (box[:, 3] - box[:, 2])
    inside = ((box[None, :, 0] >= box[:, None, 0] - eps)
              & (box[None, :, 1] <= box[:, None, 1] + eps)
              & (box[None, :, 2] >= box[:, None, 2] - eps)
              & (box[None, :, 3] <= box[:, None, 3] + eps))  # [i, j]: j lies in i
    holds = inside & (area[:, None] > area[None, :] * (1 + 1e-6) + eps * eps)
    keep, seen = [], set()
    for i in np.flatnonzero(~holds.any(axis=1)):
        key = tuple(np.round(box[i] / eps))
        if key not in seen:
            seen.add(key)
            keep.append(i)
    return box[keep], [rects[i] for i in keep]


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise overlap areas of two sets of (x0, x1, y0, y1) rectangles."""
    wide = np.minimum(a[:, None, 1], b[None, :, 1]) - np.maximum(a[:, None, 0], b[None, :, 0])
    tall = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 2], b[None, :, 2])
    return np.clip(wide, 0, None) * np.clip(tall, 0, None)


def _labels(scene: Scene, want: pd.Series, box: np.ndarray, names: list[str | None],
            shares: np.ndarray) -> list[Problem]:
    """Each large tile names its label inside itself: a text with that line, inside a drawn
    tile of its category and about its size."""
    missing = []
    for (group, label), share in want.items():
        if share < spec.TREEMAP_LABEL_SHARE:
            continue
        spots = [(t.x, t.y) for t in scene.texts
                 if label in (line.strip() for line in str(t.text).splitlines())]
        # inside, not on an edge or corner: a label anchored at a corner names two tiles
        if not any(x0 + INSET * (x1 - x0) < x < x1 - INSET * (x1 - x0)
                   and y0 + INSET * (y1 - y0) < y < y1 - INSET * (y1 - y0) and names[i] == group
                   and abs(shares[i] - share) <= LEAF_SHARE
                   for x, y in spots if isinstance(x, int | float) and isinstance(y, int | float)
                   for i, (x0, x1, y0, y1) in enumerate(box)):
            missing.append(f"{label} ({group}, {share:.0%})")
    if missing:
        return [Problem("labels", f"no label inside the tile of {_shown(missing)}")]
    return []


def check_treemap(scene: Scene, ctx: Context) -> list[Problem]:
    values = treemap_values(ctx.data, ctx.roles)
    box, rects = _tiles(scene)
    if not len(box):
        return [Problem("statistic", "no rectangle is drawn")] + size_problems(scene, ctx)
    want = (values / values.sum()).sort_values(ascending=False)
    area = (box[:, 1] - box[:, 0]) * (box[:, 3] - box[:, 2])
    shares = area / area.sum()
    mapping, problems = color_map(scene, ctx), []
    names = [category_of(r.color, mapping) for r in rects]
    for group in ctx.categories():
        own = want[want.index.get_level_values(0) == group]
        drawn = np.sort(shares[[n == group for n in names]])[::-1]
        least = int((own >= SEEN_SHARE).sum())
        if not least <= len(drawn) <= len(own):
            problems.append(Problem("statistic", f"{group}: {len(drawn)} tiles; the data has "
                                    f"{len(own)} of its {ctx.roles['label']} values"))
        if abs(drawn.sum() - own.sum()) > GROUP_SHARE:
            problems.append(Problem("statistic", f"{group}'s tiles cover {drawn.sum():.1%} of "
                                    f"the whole; its share of {ctx.roles['size']} is "
                                    f"{own.sum():.1%}"))
        wrong = [f"{label} {got:.1%}, not {share:.1%}" for (_, label), share, got
                 in zip(own.index, own, drawn, strict=False) if abs(got - share) > LEAF_SHARE]
        if wrong:
            problems.append(Problem("statistic", f"{group}'s tiles, largest first: "
                                    f"{_shown(wrong)}"))
    overlap = _overlap(box, box)
    np.fill_diagonal(overlap, 0)
    covered = overlap.sum() / 2 / area.sum()
    if covered > OVERLAP:
        problems.append(Problem("statistic", f"tiles overlap over {covered:.1%} of the whole"))
    for group in ctx.categories():
        mine = box[[n == group for n in names]]
        if not len(mine):
            continue
        block = np.array([[mine[:, 0].min(), mine[:, 1].max(), mine[:, 2].min(),
                           mine[:, 3].max()]])
        others = box[[n != group for n in names]]
        if len(others) and _overlap(block, others).sum() > STRAYS * area.sum():
            problems.append(Problem("grouping", f"{group}'s tiles do not lie together: other "
                                    "categories' tiles are among them (a flat treemap?)"))
    problems += _labels(scene, want, box, names, shares)
    problems += mark_color_problems((r.color for r in rects), ctx, what="tiles")
    texts = {line.strip() for t in scene.texts for line in str(t.text).splitlines()}
    named = texts >= set(ctx.categories())
    return problems + ([] if named else legend_problems(scene, ctx)) + size_problems(scene, ctx)
