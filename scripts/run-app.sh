#!/usr/bin/env bash
# Set-up, then the Streamlit app on the bundled penguins data: http://localhost:8501
# (gallery.webapp.serve is `streamlit run app.py` with its first page drawn ahead: kept on
# disk by --prepare, and drawn again as the server starts if anything changed)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m gallery.webapp.serve --prepare || echo "the first page is drawn when opened"
exec .venv/bin/python -m gallery.webapp.serve --server.headless true --browser.gatherUsageStats false "$@"
