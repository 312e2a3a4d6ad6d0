"""HoloViews keeps the options of every element it was asked to style (``.opts``) in a
global store, keyed by the element's id, for the life of the process. A long-running app
draws thousands of cells: the options a cell added are dropped once it is drawn."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


def _custom_ids() -> dict[str, set[int]]:
    store = sys.modules.get("holoviews.core.options")
    if store is None:
        return {}
    return {backend: set(trees) for backend, trees in store.Store._custom_options.items()}


@contextmanager
def options_dropped() -> Iterator[None]:
    before = _custom_ids()
    try:
        yield
    finally:
        store = sys.modules.get("holoviews.core.options")
        if store is not None:
            for backend, trees in store.Store._custom_options.items():
                for added in set(trees) - before.get(backend, set()):
                    trees.pop(added, None)
