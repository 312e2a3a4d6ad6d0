"""Drawing cells in worker processes.

One task per library, so each worker imports a plotting library once (imports are a
large part of a cold export: seaborn, hvPlot and Chartify take seconds each), while each
finished cell is streamed back through a queue for the progress display. Workers are
spawned, not forked: a clean process whatever the caller has imported or started, and
each one exits when the export process dies, however it dies (``lifeline``)."""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from gallery.libraries import LIBRARIES
from gallery.render import ERROR
from gallery.site.cells import CellJob, CellResult, render_job
from gallery.site.lifeline import die_with_parent

_DRAIN_SECONDS = 5.0  # how long to wait for results still in flight once every task ended
_POLL_SECONDS = 0.2
_FAMILY_COST = {"matplotlib": 3, "bokeh": 2}  # rough relative cost of a cell, for ordering
_results: Any = None  # in a worker: the queue its results go to


def _start_worker(results: Any, parent: int) -> None:
    global _results
    die_with_parent(parent)  # a killed export must not leave its workers running
    _results = results


def _draw_batch(jobs: list[CellJob]) -> None:
    for job in jobs:
        _results.put(render_job(job))


def _batches(jobs: list[CellJob]) -> list[list[CellJob]]:
    """Jobs grouped by library, the costliest groups first so the last task is a short one
    (static charts cost most: the whole figure is drawn to SVG in the worker)."""
    groups: dict[str, list[CellJob]] = {}
    for job in jobs:
        groups.setdefault(job.library, []).append(job)

    def cost(batch: list[CellJob]) -> int:
        return len(batch) * _FAMILY_COST.get(LIBRARIES.get(batch[0].library).family, 1)

    return sorted(groups.values(), key=cost, reverse=True)


def draw(jobs: list[CellJob], workers: int) -> Iterator[CellResult]:
    """Yield every job's result as it finishes, drawn by ``workers`` processes (in this
    process when one worker or one job is asked for)."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_job, jobs)
        return
    batches = _batches(jobs)
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    pending = {(job.library, job.kind): job for job in jobs}
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(batches)), mp_context=context,
        initializer=_start_worker, initargs=(results, os.getpid()),
    )
    try:
        futures = [pool.submit(_draw_batch, batch) for batch in batches]
        for result in _collect(results, futures, len(pending)):
            pending.pop((result.library, result.kind), None)
            yield result
        if pending:  # every task ended, some cells never came back: their worker died
            failure = next((f.exception() for f in futures if f.exception()), None)
            yield from (_lost(job, failure) for job in list(pending.values()))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(results: Any, futures: list[Future], expected: int) -> Iterator[CellResult]:
    """Results from the queue until all arrived, or every task ended and none follow."""
    received, grace = 0, None  # grace: seconds left to wait once every task has ended
    while received < expected:
        try:
            result = results.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if grace is None and all(f.done() for f in futures):
                grace = _DRAIN_SECONDS  # a worker's last results may still be in the pipe
            elif grace is not None:
                grace -= _POLL_SECONDS
                if grace <= 0:
                    return
            continue
        received += 1
        yield result


def _lost(job: CellJob, error: BaseException | None) -> CellResult:
    """A cell whose worker died before drawing it (a crash in a C extension, memory)."""
    info = LIBRARIES.get(job.library)
    why = f"{type(error).__name__}: {error}" if error else "no result came back"
    return CellResult(
        job.library, job.kind, ERROR, family=info.family, key=job.key,
        message=f"{info.name}: the worker process drawing {job.kind} failed: {why}",
    )
