"""Each cell's rendered output on disk, keyed by a hash of everything that can change it,
so a re-export with nothing changed renders nothing (sphinx-gallery's md5 check)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

# Bump when what a cache entry holds changes shape or meaning.
CACHE_FORMAT = 3


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pyviz-gallery"


def frame_digest(frame: pd.DataFrame) -> str:
    """Hash of a frame's values, index, column names and dtypes (the values hash alone
    does not see a renamed column)."""
    digest = hashlib.sha256(pd.util.hash_pandas_object(frame, index=True).values.tobytes())
    digest.update(json.dumps([list(map(str, frame.columns)), list(map(str, frame.dtypes))])
                  .encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cell_key(parts: dict[str, Any]) -> str:
    """One hex key for a cell from the named parts that determine its output."""
    text = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class CellCache:
    """A directory of JSON files, one per rendered cell."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / "cells" / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # missing, or torn by a crash mid-write
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: dict[str, Any]) -> None:
        write_atomic(self._path(key), json.dumps(data))

    def blob(self, name: str) -> Path:
        """Where a large derived file (the Vega bundle) is kept between exports."""
        return self.root / "blobs" / name


def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file and rename: a reader never sees half a file, and two
    exports sharing the cache never interleave their writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
