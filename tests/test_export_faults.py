"""Faults injected for real into ``python -m gallery export``: SIGKILL at named points (the
GALLERY_EXPORT_PAUSE hook holds the export there, see gallery/site/publish.py), a damaged
cache, folders that cannot be written and paths that cannot be used.

Each export here draws 2 libraries x 2 kinds; one cold export per module is copied into
each test's folder, so the runs in the tests are warm (a few seconds each)."""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gallery.cli import main
from gallery.site import lifeline, publish
from gallery.site.cache import read_checked
from gallery.site.publish import PAUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
ARGS = ("--libraries", "altair,matplotlib", "--kinds", "scatter,bar", "--jobs", "2")
PROGRESS = re.compile(r"^\[\s*\d+/\d+\]", re.M)
LEFTOVER = re.compile(r"\.site\.(tmp|old)-")


def _argv(out: Path, cache: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "gallery", "export", "--out", str(out),
            "--cache-dir", str(cache), *ARGS, *extra]


def _run(argv: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, timeout=600,
                          **options)


def _manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_whole(site: Path) -> None:
    """manifest.json and every file it lists are there."""
    manifest = _manifest(site)
    listed = {name for cell in manifest["cells"] for name in cell["files"]}
    listed |= set(manifest["assets"])
    assert listed and all((site / name).is_file() for name in listed)


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if LEFTOVER.match(name))


class _Paused:
    """An export started with GALLERY_EXPORT_PAUSE=point, waiting at that point."""

    def __init__(self, argv: list[str], point: str, log: Path) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env={**os.environ, PAUSE_ENV: point}, stdout=self.log,
            stderr=subprocess.PIPE, text=True,
        )
        self.guard = threading.Timer(600, self.process.kill)  # never hang the test run
        self.guard.start()
        seen = []
        for line in self.process.stderr:
            seen.append(line)
            if line.startswith(f"export: paused at {point}"):
                return
        self.close()
        raise AssertionError(f"the export ended before {point}: {''.join(seen)[-3000:]}")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.close()

    def resume(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGUSR1)
        _, stderr = self.process.communicate(timeout=600)
        self.close()
        return self.process.returncode, stderr

    def close(self) -> None:
        self.process.wait(timeout=600)
        self.guard.cancel()
        self.log.close()


# --- processes, read from /proc (psutil is not installed) --------------------------------


def _stat(pid: int | str) -> tuple[int, str, int] | None:
    """(parent pid, state, start time) of a process; None when there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return int(fields[1]), fields[0], int(fields[19])


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, state, start time) of every process."""
    table = {int(e.name): _stat(e.name) for e in Path("/proc").iterdir() if e.name.isdigit()}
    return {pid: stat for pid, stat in table.items() if stat is not None}


def _descendants(table: dict[int, tuple[int, str, int]], root: int) -> dict[int, int]:
    """pid -> start time of every process below ``root``."""
    found, todo = {}, [root]
    while todo:
        parent = todo.pop()
        for pid, (ppid, _, start) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = start
                todo.append(pid)
    return found


def _alive(pid: int, start: int) -> bool:
    """The same process (not a reused pid) is still running (a zombie is dead)."""
    now = _stat(pid)
    return now is not None and now[2] == start and now[1] != "Z"


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


# --- one cold export, copied into each test ---------------------------------------------


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A folder holding a finished export (site) and its cache."""
    base = tmp_path_factory.mktemp("previous")
    run = _run(_argv(base / "site", base / "cache"))
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return base


def _copy(previous: Path, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "work"
    shutil.copytree(previous, folder)
    return folder / "site", folder / "cache"


# --- 1. workers end with the export -------------------------------------------------------


@pytest.mark.slow
def test_killing_the_export_ends_every_process_it_started(tmp_path):
    cold = tmp_path / "cache"  # nothing cached: the pool is drawing, the bundler bundling
    paused = _Paused(_argv(tmp_path / "site", cold), "drawing", tmp_path / "log")
    family = _descendants(_processes(), paused.process.pid)
    workers = [pid for pid in family if "spawn_main" in _command_line(pid)]  # and bundler
    assert len(workers) >= 2, [_command_line(pid) for pid in family]
    killed = time.monotonic()
    paused.kill()
    while any(_alive(*item) for item in family.items()) and time.monotonic() - killed < 60:
        time.sleep(0.02)
    seconds = time.monotonic() - killed
    survivors = [_command_line(pid) for pid, start in family.items() if _alive(pid, start)]
    assert survivors == []
    print(f"\n{len(family)} processes ({len(workers)} spawned workers/bundler) "
          f"all ended {seconds:.2f} s after SIGKILL of the export")
    assert seconds < 5


_GRANDCHILD = """
import os, sys, time
from gallery.site import lifeline
if sys.argv[1] == "watchdog":
    lifeline._death_signal = lambda: False
print(lifeline.die_with_parent(int(sys.argv[2])), flush=True)
time.sleep(60)
"""
_CHILD = """
import subprocess, sys, os, time
grandchild = subprocess.Popen([sys.executable, "-c", sys.argv[1], sys.argv[2], str(os.getpid())])
print(grandchild.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["prctl", "watchdog"])
def test_a_helper_ends_when_its_parent_is_killed(how):
    child = subprocess.Popen([sys.executable, "-c", _CHILD, _GRANDCHILD, how], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    pid = int(child.stdout.readline())
    assert child.stdout.readline().strip() == how  # armed
    start = _processes()[pid][2]
    child.kill()
    child.wait()
    killed = time.monotonic()
    while _alive(pid, start) and time.monotonic() - killed < 10:
        time.sleep(0.02)
    assert not _alive(pid, start)
    assert time.monotonic() - killed < 2 + (lifeline.WATCH_SECONDS if how == "watchdog" else 0)


def test_a_helper_whose_parent_died_before_it_was_armed_exits_at_once():
    code = "import sys; from gallery.site import lifeline; lifeline.die_with_parent(1 << 22)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 1


# --- 2. temp folders of killed exports ----------------------------------------------------


@pytest.mark.slow
def test_a_kill_while_writing_is_cleaned_up_by_the_next_export_never_during(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    before = _snapshot(site)
    first = _Paused(_argv(site, cache), "writing", tmp_path / "first.log")
    temps = _leftovers(site.parent)
    assert [name[:10] for name in temps] == [".site.tmp-"]
    # A second export of the same --out waits for the first: its folder is in use.
    second = subprocess.Popen(_argv(site, cache), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    guard = threading.Timer(600, second.kill)
    guard.start()
    output = ""
    for line in second.stdout:
        output += line
        if "waiting for another export to finish writing" in line:
            break
    assert "waiting for another export" in output, output
    assert _leftovers(site.parent) == temps
    first.kill()
    assert _snapshot(site) == before  # the kill mid-write left the previous site alone
    rest, _ = second.communicate(timeout=600)
    guard.cancel()
    output += rest
    assert second.returncode == 0, output[-3000:]
    assert f"removed 1 folder(s) left beside {site} by interrupted exports: {temps[0]}" in output
    assert sorted(os.listdir(site.parent)) == ["cache", "site"]  # no temp, no lock file
    _assert_whole(site)


# --- 3. a kill between the two renames ----------------------------------------------------


@pytest.mark.slow
def test_a_kill_between_the_renames_is_undone_by_the_next_run(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    before = _snapshot(site)
    _Paused(_argv(site, cache), "between-renames", tmp_path / "log").kill()
    assert not site.exists()  # the fault: the previous site is aside, the new one staged
    assert [name[:10] for name in _leftovers(site.parent)] == [".site.old-", ".site.tmp-"]
    # Any run restores it first, even one that then stops on a bad option.
    run = _run(_argv(site, cache, "--kinds", "no-such-kind"))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert f"restored the previous site at {site}" in run.stdout
    assert "removed 1 folder(s)" in run.stdout
    assert _snapshot(site) == before
    assert sorted(os.listdir(site.parent)) == ["cache", "site"]


def test_the_swap_is_one_atomic_exchange_where_the_platform_has_it(tmp_path):
    new, out = tmp_path / "new", tmp_path / "out"
    for folder in (new, out):
        folder.mkdir()
        (folder / "which").write_text(folder.name)
    if not publish._exchange(new, out):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the swap uses two renames")
    assert (out / "which").read_text() == "new" and (new / "which").read_text() == "out"
    publish._swap(new, tmp_path / "out")  # and the whole swap: no old copy left behind
    assert sorted(os.listdir(tmp_path)) == ["out"]
    assert (out / "which").read_text() == "out"


# --- 4. a damaged cache ------------------------------------------------------------------


def _cell_files(cache: Path, library: str, kind: str) -> list[Path]:
    found = []
    for path in (cache / "cells").glob("*/*.json"):
        data = json.loads(read_checked(path))
        if (data["library"], data["kind"]) == (library, kind):
            found.append(path)
    return found


def _cut(path: Path, size: int) -> None:
    with path.open("r+b") as stream:
        stream.truncate(size)


@pytest.mark.slow
def test_a_damaged_cache_is_redrawn_and_rebuilt_and_said_never_published(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    fresh_bundle = (site / "assets" / "vega-bundle.js").read_bytes()  # built for the first
    (blob,) = (cache / "blobs" / "v2").glob("vega-bundle-*.js")
    for _ in range(2):  # a source edited meanwhile changes every key: damage the new ones
        cells = _cell_files(cache, "altair", "bar")
        for cell in cells:
            _cut(cell, cell.stat().st_size - 200)  # the chart field loses its end
        _cut(blob, 100_000)
        run = _run(_argv(site, cache))
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        about = _manifest(site)["cache"]
        if about["hits"] or about["corrupt_redrawn"]:
            break
    assert about["corrupt_redrawn"] == 1 and about["assets_rebuilt"] == ["vega-bundle.js"]
    assert "cache: 1 corrupt cached chart(s) redrawn" in run.stdout
    assert "corrupt cached vega-bundle.js rebuilt" in run.stdout
    record = next(c for c in _manifest(site)["cells"] if (c["library"], c["kind"]) == (
        "altair", "bar"))
    assert record["status"] == "ok" and not record["cached"]
    page = (site / "kind-bar.html").read_text(encoding="utf-8")
    chart = re.search(r'id="chart-altair-bar-data">(.*?)</script>', page, re.S)
    assert json.loads(chart.group(1))["mark"]
    assert (site / "assets" / "vega-bundle.js").read_bytes() == fresh_bundle
    assert read_checked(blob) == fresh_bundle  # the cache holds whole copies again
    assert all(read_checked(cell) for cell in _cell_files(cache, "altair", "bar"))


# --- 5. folders that cannot be written ---------------------------------------------------


def _unprivileged() -> None:
    """Run without CAP_DAC_OVERRIDE, so that root too meets file modes (preexec_fn)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
            raise OSError(ctypes.get_errno(), "cannot drop CAP_DAC_OVERRIDE")


def _read_only(*folders: Path) -> None:
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o555)
    probe = [sys.executable, "-c", f"open({str(folders[0] / 'probe')!r}, 'w')"]
    try:
        if subprocess.run(probe, preexec_fn=_unprivileged, capture_output=True).returncode == 0:
            pytest.skip("this user writes into read-only folders")
    except subprocess.SubprocessError:
        pytest.skip("cannot run a process that meets file modes")


@pytest.mark.slow
def test_a_folder_that_cannot_be_written_is_refused_before_drawing(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    closed = tmp_path / "closed"
    closed.mkdir()
    _read_only(closed, site)
    cases = {  # --out -> what the one line says
        closed / "site": f"cannot write in {closed}, where the site is staged",
        site: f"{site} is read-only, so the previous site at {site} cannot be replaced",
    }
    for out, message in cases.items():
        run = _run(_argv(out, cache), preexec_fn=_unprivileged)
        assert run.returncode == 2, run.stdout[-2000:] + run.stderr[-2000:]
        assert run.stderr.startswith(f"export: {message}") and run.stderr.count("\n") == 1
        assert "choose" in run.stderr or "chmod" in run.stderr
        assert not PROGRESS.search(run.stdout)  # refused before drawing anything
    assert sorted(os.listdir(closed)) == []


@pytest.mark.slow
def test_a_cache_that_cannot_be_written_is_read_and_said(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    _read_only(cache)
    run = _run(_argv(site, cache), preexec_fn=_unprivileged)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert f"notice: the cache folder {cache} cannot be written (Permission denied" in run.stdout
    about = _manifest(site)["cache"]
    assert about["writable"] is False and about["corrupt_redrawn"] == 0
    _assert_whole(site)


# --- 6. paths that cannot be used: one line, exit 2 --------------------------------------


@pytest.mark.parametrize("where, message", [
    ("a-file/site", "is not a folder, so --out"),
    ("a-file", "exists and is not a folder"),
    ("x" * 250, "cannot stage the site beside"),  # its lock and temp names are too long
])
def test_an_unusable_out_is_one_line_and_exit_2(tmp_path, capsys, where, message):
    (tmp_path / "a-file").write_text("not a folder")
    code = main(["export", "--out", str(tmp_path / where), "--cache-dir",
                 str(tmp_path / "cache"), *ARGS])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("export: ") and message in captured.err
    assert captured.err.count("\n") == 1 and not PROGRESS.search(captured.out)


@pytest.mark.slow
def test_an_oserror_while_writing_is_one_line_and_exit_2(previous, tmp_path):
    site, cache = _copy(previous, tmp_path)
    before = _snapshot(site)
    paused = _Paused(_argv(site, cache), "writing", tmp_path / "log")
    (temp,) = [site.parent / name for name in _leftovers(site.parent)]
    shutil.rmtree(temp)  # say, a cleaner sweeping temp folders away mid-export
    code, stderr = paused.resume()
    assert code == 2 and "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"export: could not write the site to {site}")
    assert "No such file or directory" in lines[0]
    assert _snapshot(site) == before
    assert sorted(os.listdir(site.parent)) == ["cache", "site"]
