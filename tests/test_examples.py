"""Every example script runs on its own and writes every chart kind its library draws."""

import subprocess
import sys

import pytest

from gallery.libraries import LIBRARIES
from gallery.sources import EXAMPLES_DIR, example_source

SCRIPTS = sorted({LIBRARIES.get(k).example_stem for k in LIBRARIES})


@pytest.mark.slow
@pytest.mark.parametrize("stem", SCRIPTS)
def test_example_script_writes_every_chart(stem, tmp_path):
    script = EXAMPLES_DIR / f"{stem}.py"
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    library = next(k for k in LIBRARIES if LIBRARIES.get(k).example_stem == stem)
    kinds = set(example_source(LIBRARIES.get(library)).functions)
    written = {p.stem for p in tmp_path.iterdir() if p.stat().st_size > 0}
    assert kinds <= written, f"missing outputs: {sorted(kinds - written)}"
