"""The app's first page drawn ahead: cells of bundled data kept on disk between servers,
and the page a first visit opens on drawn before any reader connects."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.site.cells import CellJob, plan_cell
from gallery.site.data import DataChoice
from gallery.webapp import cells, disk
from tests.test_app import APP, card_statuses, expected_status

ROOT = Path(__file__).resolve().parent.parent
FIRST_KIND = next(iter(KINDS))


@pytest.fixture
def own_disk(tmp_path, monkeypatch):
    """An empty disk cache and an empty in-memory store for this test alone."""
    monkeypatch.setenv("GALLERY_APP_DISK_CACHE", str(tmp_path))
    disk._cache.cache_clear()
    monkeypatch.setitem(cells._SHARED, "store", cells.CellStore())
    yield tmp_path
    disk._cache.cache_clear()


def _job(library: str = "matplotlib", kind: str = "histogram") -> CellJob:
    return plan_cell(library, kind, DataChoice("penguins"))


def _no_drawing(*args, **kwargs):
    raise AssertionError("a cell was drawn although it was ready")


def test_prepare_draws_the_first_page_to_disk_and_a_new_server_shows_it_without_drawing(
        own_disk, monkeypatch):
    done = subprocess.run([sys.executable, "-m", "gallery.webapp.serve", "--prepare"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**__import__("os").environ,
                               "GALLERY_APP_DISK_CACHE": str(own_disk)})
    assert done.returncode == 0, done.stderr[-2000:]
    drawn = sum(expected_status(lib, FIRST_KIND) == "ok" for lib in LIBRARIES)
    assert f"({drawn} charts, 0 of them kept from before" in done.stdout
    # a server that starts now (a new process: an empty store) draws nothing for the page
    monkeypatch.setattr(cells, "render_job", _no_drawing)
    monkeypatch.setattr(cells, "_here", _no_drawing)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert card_statuses(app) == {lib: expected_status(lib, FIRST_KIND) for lib in LIBRARIES}
    assert not app.error, [e.value for e in app.error]


def test_warm_draws_the_first_page_before_any_session(own_disk, monkeypatch):
    for future in cells.warm():
        assert future.result(timeout=600).status in {"ok", "unsupported"}
    monkeypatch.setattr(cells, "_drawer", lambda *a: _no_drawing)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert card_statuses(app) == {lib: expected_status(lib, FIRST_KIND) for lib in LIBRARIES}


def test_a_drawn_cell_is_read_back_and_an_unverified_one_never_reaches_the_export(own_disk):
    from gallery.site.cells import render_job

    job = _job()
    result = render_job(CellJob(job.library, job.kind, job.choice, job.key, verify=False))
    disk.write(job, result)
    kept = disk.read(job)
    assert kept is not None and kept.cached and kept.text == result.text
    # kept under the app's own key: the export, which reads job.key, does not find it
    assert disk._cache().get(job.key) is None


def test_the_exports_verified_cell_is_preferred(own_disk):
    from dataclasses import asdict, replace

    job = _job()
    verified = replace(_job_result(job), verify={"ok": True, "problems": [], "not_met": {}})
    disk._cache().put(job.key, asdict(verified))
    disk.write(job, _job_result(job))
    assert disk.read(job).verify == {"ok": True, "problems": [], "not_met": {}}


def _job_result(job: CellJob):
    from gallery.site.cells import render_job

    return render_job(CellJob(job.library, job.kind, job.choice, job.key, verify=False))


def test_a_damaged_kept_cell_is_drawn_again_not_shown(own_disk):
    job = _job()
    disk.write(job, _job_result(job))
    [path] = (own_disk / "cells").rglob("*.json")
    path.write_bytes(path.read_bytes()[:-200])  # a torn write
    assert disk.read(job) is None
    assert not path.exists()  # deleted, so the next drawing replaces it


def test_failures_and_uploads_are_never_kept_on_disk(own_disk, monkeypatch):
    from dataclasses import replace

    job = _job()
    disk.write(job, replace(_job_result(job), status="error", message="boom"))
    assert disk.read(job) is None
    app = AppTest.from_file(APP, default_timeout=300)
    app.run()
    before = sorted(p.name for p in own_disk.rglob("*.json"))
    app.session_state["upload"] = ("mine.csv", b"a,b,c\n1,2,x\n3,4,y\n5,7,x\n")
    app.radio(key="dataset").set_value("upload").run()
    assert not app.exception
    assert sorted(p.name for p in own_disk.rglob("*.json")) == before


def test_off_keeps_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("GALLERY_APP_DISK_CACHE", "off")
    disk._cache.cache_clear()
    try:
        job = _job()
        disk.write(job, _job_result(job))
        assert disk.read(job) is None
    finally:
        disk._cache.cache_clear()
    assert json.dumps(list(tmp_path.iterdir())) == "[]"
