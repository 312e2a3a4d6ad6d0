"""Matching what was drawn with what the data says should be drawn, with tolerances
scaled to the axes (a mark is where it should be when it is within a fraction of the
axis span: half a pixel on a 600 px chart is under 0.1%)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

TOLERANCE = 0.005  # share of an axis span


@dataclass(frozen=True)
class Matched:
    missing: int  # expected marks with no drawn mark near them
    extra: int  # drawn marks with no expected mark near them

    @property
    def exact(self) -> bool:
        return self.missing == 0 and self.extra == 0


def spans(*columns: Sequence[float]) -> np.ndarray:
    """The span of each column (1 where a column is constant), for normalising."""
    result = []
    for column in columns:
        values = np.asarray(column, dtype=float)
        values = values[np.isfinite(values)]
        span = float(values.max() - values.min()) if values.size else 1.0
        result.append(span if span > 0 else 1.0)
    return np.array(result)


def match(expected: np.ndarray, drawn: np.ndarray, scale: np.ndarray,
          tolerance: float = TOLERANCE) -> Matched:
    """One-to-one matching of expected and drawn coordinates (rows of n-d arrays):
    each expected mark takes the nearest unused drawn mark within ``tolerance`` of the
    scale along every axis. A row drawn twice leaves an extra; a row not drawn, a missing."""
    from scipy.spatial import cKDTree

    if len(expected) == 0 or len(drawn) == 0:
        return Matched(len(expected), len(drawn))
    expected = np.asarray(expected, dtype=float).reshape(len(expected), -1)
    drawn = np.asarray(drawn, dtype=float).reshape(len(drawn), -1)
    tree = cKDTree(drawn / scale)
    k = min(len(drawn), 32)
    distances, indices = tree.query(expected / scale, k=k, p=np.inf,
                                    distance_upper_bound=tolerance)
    distances = distances.reshape(len(expected), k)
    indices = indices.reshape(len(expected), k)
    used = np.zeros(len(drawn), dtype=bool)
    missing = 0
    # closest pairs first, so a crowded region does not steal a neighbour's mark
    for row in np.argsort(distances[:, 0]):
        for distance, index in zip(distances[row], indices[row], strict=True):
            if np.isfinite(distance) and not used[index]:
                used[index] = True
                break
        else:
            missing += 1
    return Matched(missing, int((~used).sum()))


def close(a: float, b: float, scale: float, tolerance: float = TOLERANCE) -> bool:
    return abs(float(a) - float(b)) <= tolerance * scale
