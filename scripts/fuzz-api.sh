#!/usr/bin/env bash
# `npm run fuzz`: schemathesis (a property-based API fuzzer driven by GET /openapi.json) against a local server.
# Installs schemathesis into the git-ignored .venv/ on first use, builds a lexical index of corpus/ into .cache/,
# serves it on 127.0.0.1 and runs every check, bounded by FUZZ_MAX_EXAMPLES per operation and FUZZ_MAX_TIME seconds.
# Exits non-zero when any check fails. Needs Python 3 with venv and pip.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${FUZZ_VENV:-.venv}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-100}"
MAX_TIME="${FUZZ_MAX_TIME:-600}"
REPORT_DIR="${FUZZ_REPORT_DIR:-reports/schemathesis}"

# Pinned: hypothesis 6.170 parses its own sources on a deep stack in the coverage phase, which trips a CPython 3.11
# bug ("SystemError: AST constructor recursion depth mismatch") and ends the run with a runtime error.
[ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5' 'hypothesis==6.140.0'

export RETRIEVAL=lexical INDEX_DIR="${FUZZ_INDEX_DIR:-.cache/fuzz-index}" HOST=127.0.0.1 RATE_LIMIT_PER_MINUTE=0 LOG_REQUESTS=0 LLM_BASE_URL= LLM_MODEL=
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORT
mkdir -p "$(dirname "$INDEX_DIR")" "$REPORT_DIR"

node --import tsx scripts/build-index.ts
node --import tsx scripts/start.ts >"$REPORT_DIR/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$REPORT_DIR/server.log"; echo "fuzz: the server did not start" >&2; exit 1; }
  sleep 0.5
done

# The coverage phase is left out: even with the pin above, hypothesis still tripped that CPython bug there in one CI
# run in three (all 17,763 generated cases passed; the run ended on the tool's own SystemError).
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
  --phases examples,fuzzing,stateful \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --max-time "$MAX_TIME" \
  --request-timeout 30 \
  --workers 2 \
  --seed "${FUZZ_SEED:-1}" \
  --report junit --report-dir "$REPORT_DIR" \
  --no-color
