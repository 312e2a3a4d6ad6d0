#!/usr/bin/env bash
# Set-up (test tools and Chromium included), then lint and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check gallery examples tests app.py
export GALLERY_ARTIFACTS=${GALLERY_ARTIFACTS:-artifacts}
# the slowest tests are listed at the end: CI must stay under 45 minutes
exec .venv/bin/python -m pytest -q -p no:cacheprovider --durations=30 "$@"
