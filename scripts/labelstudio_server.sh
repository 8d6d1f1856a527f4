#!/usr/bin/env bash
# Start a local Label Studio for annotating depeche tasks, from its own virtual environment
# (label-studio pins pytz<2023 and pyarrow<25, which clash with depeche's: PITFALLS.md).
#
#   make labelstudio-serve [PORT=8080]   or   scripts/labelstudio_server.sh [PORT]
#
# Data in ~/.depeche-labelstudio (LABEL_STUDIO_BASE_DATA_DIR to change). On the first start a
# user (LABEL_STUDIO_USERNAME, default depeche@localhost) and its API token are set up: the
# password and the token are written once into the data folder (depeche-password, depeche-token,
# readable by you only) and printed at every start, so scripts can call the API with
# `Authorization: Token <token>`.
# Then: log in, create a project, paste `depeche labelstudio-config` as its labeling config,
# import the tasks of `depeche annotate DISPATCHES -o tasks.json`, annotate, export JSON, and
# run `depeche import-labelstudio export.json -o corpus/gold-new`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"
LS="${DEPECHE_LABEL_STUDIO:-.venv-labelstudio/bin/label-studio}"
if [[ ! -x "$LS" ]]; then
  echo "labelstudio_server: $LS not found; make it with: make labelstudio" >&2
  exit 2
fi
export LABEL_STUDIO_BASE_DATA_DIR="${LABEL_STUDIO_BASE_DATA_DIR:-$HOME/.depeche-labelstudio}"
mkdir -p "$LABEL_STUDIO_BASE_DATA_DIR"
secret() {   # a value kept in the data folder, made once
  local file="$LABEL_STUDIO_BASE_DATA_DIR/$1"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  cat "$file"
}
export LABEL_STUDIO_USERNAME="${LABEL_STUDIO_USERNAME:-depeche@localhost}"
export LABEL_STUDIO_PASSWORD="${LABEL_STUDIO_PASSWORD:-$(secret depeche-password)}"
export LABEL_STUDIO_USER_TOKEN="${LABEL_STUDIO_USER_TOKEN:-$(secret depeche-token)}"
export LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true
export LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true
export LABEL_STUDIO_LATEST_VERSION_CHECK=false
export LABEL_STUDIO_COLLECT_ANALYTICS=false
echo "Label Studio on http://127.0.0.1:$PORT  user $LABEL_STUDIO_USERNAME" >&2
echo "  password: $LABEL_STUDIO_PASSWORD" >&2
echo "  API token: $LABEL_STUDIO_USER_TOKEN" >&2
exec "$LS" start --no-browser --host 127.0.0.1 --port "$PORT"
