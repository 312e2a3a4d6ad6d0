"""Which data a cell is drawn from: a bundled dataset, a reader's CSV, or each chart
kind's own bundled default, plus the reader's role overrides (--x, --y, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from gallery.datasets import DATASETS, read_dataset
from gallery.kinds import get_kind
from gallery.site.cache import frame_digest


@dataclass(frozen=True)
class DataChoice:
    """What ``--dataset`` and the role options asked for; picklable, so workers get it."""

    source: str | None = None  # a bundled dataset key, a CSV path, or None: kind defaults
    overrides: tuple[tuple[str, str], ...] = ()  # (role, column), only roles given

    @property
    def roles(self) -> dict[str, str]:
        return dict(self.overrides)

    @property
    def label(self) -> str:
        """How pages name the data."""
        if self.source is None:
            return "each chart kind's bundled default dataset"
        if self.source in DATASETS:
            return DATASETS[self.source].title
        return Path(self.source).name

    def render_args(self, kind: str) -> tuple[pd.DataFrame | None, str | None]:
        """The ``frame`` and ``dataset`` arguments of ``render_cell`` for ``kind``.

        With no --dataset both are None, so render_cell reads the kind's default itself."""
        if self.source is None:
            return None, None
        if self.source in DATASETS:
            return read_dataset(self.source), self.source
        return _read_csv(*_stamp(self.source)).copy(), None

    def dataset_for(self, kind: str) -> str | None:
        """The bundled dataset whose default roles apply to ``kind`` (None for a CSV)."""
        if self.source is None:
            return get_kind(kind).default_dataset
        return self.source if self.source in DATASETS else None

    def digest(self, kind: str) -> str:
        """A hash of the frame render_cell draws ``kind`` from, for the cache key."""
        dataset = self.dataset_for(kind)
        return _digest(dataset) if dataset else _csv_digest(*_stamp(self.source))


@cache
def _digest(dataset: str) -> str:
    return frame_digest(read_dataset(dataset))


def _stamp(source: str) -> tuple[str, int, int]:
    """A CSV's absolute path, modification time and size: a changed file is read again."""
    path = Path(source).resolve()
    status = path.stat()
    return str(path), status.st_mtime_ns, status.st_size


@cache
def _csv_digest(path: str, mtime_ns: int, size: int) -> str:
    return frame_digest(_read_csv(path, mtime_ns, size))


@cache
def _read_csv(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    # Parsed exactly as the app parses an upload, so both draw the same frame.
    from gallery.uploads import read_csv_bytes

    return read_csv_bytes(Path(path).read_bytes(), Path(path).name)


def check_source(source: str | None) -> None:
    """Raise ValueError when --dataset is neither a bundled key nor a readable CSV."""
    if source is None or source in DATASETS:
        return
    path = Path(source)
    if not path.is_file():
        raise ValueError(
            f"--dataset {source!r} is neither a bundled dataset ({', '.join(DATASETS)}) "
            "nor a CSV file"
        )
    _read_csv(*_stamp(source))
