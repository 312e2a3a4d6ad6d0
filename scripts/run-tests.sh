#!/usr/bin/env bash
# Set-up (test tools and Chromium included), then lint and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check gallery examples tests app.py
export GALLERY_ARTIFACTS=${GALLERY_ARTIFACTS:-artifacts}
# the slowest tests are listed at the end of each run: CI must stay under 45 minutes
PYTEST=(.venv/bin/python -m pytest -q -p no:cacheprovider --durations=30)
if [ $# -gt 0 ]; then  # tests named on the command line: run just those
  exec "${PYTEST[@]}" "$@"
fi
status=0
# Tests without a browser in two processes, a file to each (its module fixtures are built
# once): they draw in one process each. The export's tests share one exported site, and
# the browser tests drive Chromium and the export's own workers over both cores: they run
# one at a time, as before.
"${PYTEST[@]}" -n 2 --dist loadfile -m "not browser" --ignore=tests/test_export.py || status=$?
"${PYTEST[@]}" tests/test_export.py || status=$?
"${PYTEST[@]}" -m browser --ignore=tests/test_export.py || status=$?
exit $status
