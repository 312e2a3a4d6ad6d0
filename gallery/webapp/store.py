"""The app's rendered cells, shared by every session: text, never live figures.

A cell is kept as the export keeps it (``CellResult``: SVG or the family's JSON), so two
sessions showing the same card each build their own figure from the text and share no
object a session could change (a shared bokeh model once raised "Models must be owned by
only a single document" in one of two tabs).

Bounded: at most ``MAX_BYTES`` of chart text (least recently used cells go first), no
cell older than ``MAX_AGE_SECONDS``, and the cells of the ``MAX_UPLOADS`` most recently
drawn uploads only (from the environment: GALLERY_APP_CACHE_MB, GALLERY_APP_CACHE_SECONDS,
GALLERY_APP_CACHE_UPLOADS). Cells of the bundled datasets are drawn in a small pool of
worker processes, started with the server and warmed on the first chart kind, so the
first visit does not wait for thirteen libraries to import one after the other; cells of
a reader's upload are drawn in the server process (the frame is not copied to workers).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from gallery.site.cells import CellResult

MAX_BYTES = int(float(os.environ.get("GALLERY_APP_CACHE_MB", "256")) * 2**20)
MAX_AGE_SECONDS = float(os.environ.get("GALLERY_APP_CACHE_SECONDS", str(6 * 3600)))
# Cells of readers' uploads are kept for the most recent few uploads only: a reader rarely
# goes back to an earlier file, and each upload would otherwise add its 140 cells.
MAX_UPLOADS = int(os.environ.get("GALLERY_APP_CACHE_UPLOADS", "4"))
WORKERS = int(os.environ.get("GALLERY_APP_WORKERS", str(min(2, os.cpu_count() or 1))))

Key = tuple[str, str, str, tuple[tuple[str, str], ...]]  # library, kind, data key, roles


@dataclass
class _Entry:
    result: CellResult
    size: int
    stored: float


class CellStore:
    """Thread-safe LRU of rendered cells, bounded in bytes and age; one drawing per key at
    a time (a second session asking for a cell being drawn waits for that drawing)."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_age: float = MAX_AGE_SECONDS,
                 max_uploads: int = MAX_UPLOADS) -> None:
        self.max_bytes, self.max_age, self.max_uploads = max_bytes, max_age, max_uploads
        self._entries: OrderedDict[Key, _Entry] = OrderedDict()
        self._pending: dict[Key, Future] = {}
        self._lock = threading.Lock()
        self.bytes = 0

    def get(self, key: Key) -> CellResult | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if time.monotonic() - entry.stored > self.max_age:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry.result

    def put(self, key: Key, result: CellResult) -> None:
        size = len(result.text) + len(result.code) + 1024
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = _Entry(result, size, time.monotonic())
            self.bytes += size
            while self.bytes > self.max_bytes and len(self._entries) > 1:
                self._drop(next(iter(self._entries)))
            self._forget_old_uploads()

    def _forget_old_uploads(self) -> None:
        uploads = list(dict.fromkeys(k[2] for k in reversed(self._entries)
                                     if k[2].startswith("upload:")))
        for data_key in uploads[self.max_uploads:]:
            for key in [k for k in self._entries if k[2] == data_key]:
                self._drop(key)

    def _drop(self, key: Key) -> None:
        self.bytes -= self._entries.pop(key).size

    def __len__(self) -> int:
        return len(self._entries)

    def start(self, key: Key, draw: Callable[[], Future | CellResult]) -> Future:
        """Begin drawing ``key`` unless it is kept or already being drawn; the future
        gives the cell, which is kept when it drew (failures are tried again next time)."""
        done: Future = Future()
        found = self.get(key)
        if found is not None:
            done.set_result(found)
            return done
        with self._lock:
            pending = self._pending.get(key)
            if pending is not None:
                return pending
            self._pending[key] = done
        try:
            started = draw()
        except BaseException as error:
            self._settle(key, done, error=error)
            return done
        if isinstance(started, CellResult):
            self._settle(key, done, result=started)
        else:
            started.add_done_callback(lambda future: self._finish(key, done, future))
        return done

    def _finish(self, key: Key, done: Future, future: Future) -> None:
        error = future.exception()
        self._settle(key, done, result=None if error else future.result(), error=error)

    def _settle(self, key: Key, done: Future, result: CellResult | None = None,
                error: BaseException | None = None) -> None:
        if result is not None and (result.ok or result.status == "unsupported"):
            self.put(key, result)
        with self._lock:
            self._pending.pop(key, None)
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)

    def fetch(self, key: Key, draw: Callable[[], Future | CellResult]) -> CellResult:
        """The cell under ``key``: kept, being drawn (waited for), or drawn now."""
        return self.start(key, draw).result()


def start_pool() -> ProcessPoolExecutor | None:
    """Worker processes for bundled-dataset cells (None with GALLERY_APP_WORKERS=0). Each
    imports a plotting library the first time one of its cells comes its way."""
    if WORKERS < 1:
        return None
    import multiprocessing

    return ProcessPoolExecutor(max_workers=WORKERS,
                               mp_context=multiprocessing.get_context("spawn"))
