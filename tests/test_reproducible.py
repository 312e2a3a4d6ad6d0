"""The code shown for a cell is a program: pasted into a file next to the bundled CSV and
run in a fresh Python, it draws exactly the chart of the card (compared mark by mark),
for every cell on both bundled datasets."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from contextlib import nullcontext
from pathlib import Path

import pytest

from gallery.datasets import DATA_DIR, DATASETS, read_dataset
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import render_cell
from gallery.renderers import renderer_for
from gallery.sources import example_source
from gallery.world import WORLD_FILE
from tests.browser import ROOT
from tests.fingerprint import fingerprint

pytestmark = pytest.mark.slow


def _cells(library: str) -> list[tuple[str, str]]:
    source = example_source(LIBRARIES.get(library))
    return [(kind, dataset) for kind in KINDS if kind in source.functions for dataset in DATASETS]


@pytest.mark.parametrize("library", LIBRARIES.names())
def test_the_shown_code_run_next_to_the_csv_draws_the_card(library, tmp_path):
    family = LIBRARIES.get(library).family
    expected, paths = {}, []
    for kind, dataset in _cells(library):
        folder = tmp_path / dataset
        if not folder.exists():
            folder.mkdir()
            shutil.copy(DATA_DIR / DATASETS[dataset].filename, folder)
            shutil.copy(DATA_DIR / WORLD_FILE, folder)  # the map ships next to the CSVs
        cell = render_cell(library, kind, read_dataset(dataset), dataset=dataset, live=True)
        assert cell.ok, cell.message
        path = folder / f"{library}_{kind}.py"
        path.write_text(cell.code, encoding="utf-8")
        with getattr(renderer_for(family), "isolated", nullcontext)():
            expected[str(path)] = fingerprint(family, cell.payload)
        paths.append(str(path))
    run = subprocess.run([sys.executable, "-m", "tests.fingerprint", family, *paths],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    got = {r["path"]: r["fingerprint"] for r in map(json.loads, run.stdout.splitlines())}
    differ = [Path(p).stem + "/" + Path(p).parent.name for p in paths if got.get(p) != expected[p]]
    assert differ == [], f"shown code draws another chart than the card: {differ}"


def test_a_shown_code_that_skips_a_step_draws_another_chart(tmp_path):
    """The comparison bites: with penguins of unknown sex kept as a group of their own, the
    shown code of the bar chart draws extra bars and is told apart from the card."""
    shutil.copy(DATA_DIR / "penguins.csv", tmp_path)
    cell = render_cell("matplotlib", "bar", read_dataset("penguins"), dataset="penguins",
                       live=True)
    card = fingerprint("matplotlib", cell.payload)
    step = next(line for line in cell.code.splitlines() if line.startswith("df = df.dropna()"))
    path = tmp_path / "bar.py"
    path.write_text(cell.code.replace(step, 'df = df.fillna({"sex": "unknown"}).dropna()'),
                    encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tests.fingerprint", "matplotlib", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout)["fingerprint"] != card


@pytest.mark.parametrize("stem", sorted({LIBRARIES.get(k).example_stem for k in LIBRARIES}))
def test_the_example_script_draws_the_cards_rows(stem, tmp_path):
    """``python examples/plot_x.py OUT`` runs on its own, writes a file per chart kind, and
    prepares the bundled data as the cards do: each chart is exactly the card's on that
    kind's default dataset."""
    library = next(k for k in LIBRARIES if LIBRARIES.get(k).example_stem == stem)
    family = LIBRARIES.get(library).family
    script = ROOT / "examples" / f"{stem}.py"
    run = subprocess.run([sys.executable, "-m", "tests.fingerprint", "--example", family,
                          str(script), str(tmp_path / "out")],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    records = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    drawn = {r["kind"]: r["fingerprint"] for r in records}
    kinds = set(example_source(LIBRARIES.get(library)).functions)
    assert set(drawn) == kinds
    written = {p.stem for p in (tmp_path / "out").iterdir() if p.stat().st_size > 0}
    assert kinds <= written, f"files not written: {sorted(kinds - written)}"
    differ = []
    for kind, got in drawn.items():
        cell = render_cell(library, kind, live=True)
        with getattr(renderer_for(family), "isolated", nullcontext)():
            if fingerprint(family, cell.payload) != got:
                differ.append(kind)
    assert differ == [], f"{stem}.py draws other charts than the cards: {differ}"
