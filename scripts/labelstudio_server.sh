#!/usr/bin/env bash
# Start a local Label Studio for annotating depeche tasks, from its own virtual environment
# (label-studio pins pytz<2023 and pyarrow<25, which clash with depeche's: PITFALLS.md).
#
#   scripts/labelstudio_server.sh [PORT]         # default 8080, data in ~/.depeche-labelstudio
#
# Then: create a project, paste `depeche labelstudio-config` as its labeling config, import the
# tasks of `depeche annotate DISPATCHES -o tasks.json`, annotate, export JSON, and run
# `depeche import-labelstudio export.json -o corpus/gold-new`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"
LS=.venv-labelstudio/bin/label-studio
if [[ ! -x "$LS" ]]; then
  echo "labelstudio_server: $LS not found; make it with:" >&2
  echo "  python3 -m venv .venv-labelstudio && .venv-labelstudio/bin/pip install label-studio" >&2
  exit 2
fi
export LABEL_STUDIO_BASE_DATA_DIR="${LABEL_STUDIO_BASE_DATA_DIR:-$HOME/.depeche-labelstudio}"
export LABEL_STUDIO_LATEST_VERSION_CHECK=false
export LABEL_STUDIO_COLLECT_ANALYTICS=false
exec "$LS" start --no-browser --host 127.0.0.1 --port "$PORT"
