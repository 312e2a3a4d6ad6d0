"""Each cell's rendered output on disk, keyed by a hash of everything that can change it,
so a re-export with nothing changed renders nothing (sphinx-gallery's md5 check). Every
file carries the sha256 of what it holds, checked on read: a damaged entry is made again."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

# Bump when what a cache entry holds changes shape or meaning (4: files carry a sha256;
# 5: Bokeh JSON sized to scale with its card).
CACHE_FORMAT = 5


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


class CorruptEntry(ValueError):
    """A cache file whose payload no longer matches the hash stored with it."""


class CellCache:
    """A directory of checked files: one JSON file per rendered cell, and blobs (large
    derived files such as the Vega bundle). Each file starts with the sha256 of its payload
    and is checked on every read: a torn, truncated or edited entry is counted, deleted and
    made again, never served.

    Writing to the cache never fails an export: when the folder cannot be written (see
    ``probe``) entries are read if they can be and not stored."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.writable = True
        self.problem = ""  # why the cache cannot be written, once found out
        self.corrupt_cells = 0  # entries found corrupt (each is drawn again)
        self.corrupt_blobs: list[str] = []  # blob names found corrupt (each is rebuilt)

    def _path(self, key: str) -> Path:
        return self.root / "cells" / key[:2] / f"{key}.json"

    def probe(self) -> str:
        """Check that the cache can be written; return the problem ("" when none)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.root, prefix=".probe-")
            os.close(handle)
            os.unlink(temp)
        except OSError as error:
            self._unwritable(error)
        return self.problem

    def _unwritable(self, error: OSError) -> None:
        self.writable = False
        self.problem = self.problem or f"{self.root} cannot be written ({describe(error)})"

    def get(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        try:
            payload = read_checked(path)
            data = None if payload is None else json.loads(payload)
        except (CorruptEntry, ValueError):  # ValueError: hashed fine, yet not JSON
            self.corrupt_cells += 1
            self._discard(path)
            return None
        except OSError:  # unreadable: treated as missing
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: dict[str, Any]) -> None:
        self._store(self._path(key), json.dumps(data).encode("utf-8"))

    def blob(self, name: str) -> Path:
        """Where a large derived file (the Vega bundle) is kept between exports (v2: the
        checked format; v1 files, unchecked, sat in blobs/ itself and are ignored)."""
        return self.root / "blobs" / "v2" / name

    def read_blob(self, name: str) -> bytes | None:
        """The blob's bytes; None when missing, unreadable or corrupt (counted, deleted)."""
        try:
            return read_checked(self.blob(name))
        except CorruptEntry:
            if name not in self.corrupt_blobs:
                self.corrupt_blobs.append(name)
            self._discard(self.blob(name))
        except OSError:
            pass
        return None

    def has_blob(self, name: str) -> bool:
        return self.read_blob(name) is not None

    def write_blob(self, name: str, data: bytes) -> None:
        self._store(self.blob(name), data)

    def _store(self, path: Path, payload: bytes) -> None:
        if not self.writable:
            return
        try:
            write_checked(path, payload)
        except OSError as error:  # full or read-only disk: the export goes on uncached
            self._unwritable(error)

    def _discard(self, path: Path) -> None:
        if self.writable:
            path.unlink(missing_ok=True)


def describe(error: OSError) -> str:
    """An OSError in a few words, e.g. "Permission denied: /srv/site"."""
    what = error.strerror or type(error).__name__
    return f"{what}: {error.filename}" if error.filename else str(error) or what


def _header(payload: bytes) -> bytes:
    return b"sha256 " + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n"


def read_checked(path: Path) -> bytes | None:
    """The payload of a file written by ``write_checked``; None when there is no file.

    Raises CorruptEntry when the stored hash does not match the payload."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    head, newline, payload = raw.partition(b"\n")
    if not newline or head + newline != _header(payload):
        raise CorruptEntry(f"{path}: its content does not match its sha256")
    return payload


def write_checked(path: Path, payload: bytes) -> None:
    """Write the payload's sha256 line, then the payload, atomically."""
    write_atomic(path, _header(payload) + payload)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write via a temp file and rename: a reader never sees half a file, and two
    exports sharing the cache never interleave their writes."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
