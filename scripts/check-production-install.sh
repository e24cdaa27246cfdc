#!/usr/bin/env bash
# Proves that a production build runs with plain Node and no dev dependencies: runs `npm run build`
# (the server into dist/, the web app into web/dist), copies the checkout's files without the
# TypeScript sources (src/), plus dist/ and web/dist, to a temporary folder, runs
# `npm ci --omit=dev` there (so neither tsx nor TypeScript is installed), starts
# `node bin/tertial.js serve --demo` on a free port with its own embedded database, and waits for
# GET /api/health/ready to answer 200: the compiled server found its migrations and demo data
# beside itself. Then checks /api/health/live, /api/health, that the log is JSON (its output is
# not a terminal) and that / serves the web app. Fails with the server's output otherwise.
#
# Usage: bash scripts/check-production-install.sh   (CHECK_TIMEOUT_SECONDS, default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_seconds="${CHECK_TIMEOUT_SECONDS:-120}"

fail() {
  echo "check-production-install: FAILED: $*" >&2
  exit 1
}

echo "== npm run build"
npm run build --silent >/dev/null || fail "npm run build failed"
if [ ! -f dist/cli.js ] || [ ! -f web/dist/index.html ]; then fail "npm run build made no dist/cli.js or web/dist"; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tertial-production.XXXXXX")"
app="$work/app"
data="$work/data"
log="$work/server.log"
server_pid=""
mkdir -p "$app" "$data"

cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -e "$log" ]; then
    echo "---- server output (its last 200 lines) ----" >&2
    if [ -s "$log" ]; then tail -n 200 "$log" >&2; else echo "(the server wrote nothing)" >&2; fi
    echo "---- end of server output ----" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# Nothing above the temporary folder may lend the server packages the install left out.
dir="$work"
while [ "$dir" != "/" ]; do
  dir="$(dirname "$dir")"
  if [ -e "$dir/node_modules" ]; then
    fail "$dir/node_modules exists, so the check could not tell what is missing; set TMPDIR elsewhere"
  fi
done

echo "== copy the build and the checkout's files but src/ to $app (${SECONDS}s)"
# Tracked files, and new files not yet committed (but not ignored ones); files deleted from the
# working tree are left out. In CI's clean checkout this is exactly git ls-files. Without src/, the
# server can only run from dist/, and whatever it reads at run time must be there.
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    # node_modules too, should it be a symlink (which .gitignore's node_modules/ does not match):
    # npm ci would empty the folder it points to.
    case "$file" in src/* | node_modules | node_modules/*) continue ;; esac
    if [ -f "$file" ] || [ -L "$file" ]; then printf '%s\0' "$file"; fi
  done |
  tar --null -T - -cf - | tar -xf - -C "$app"
cp -R dist "$app/dist"
mkdir -p "$app/web"
cp -R web/dist "$app/web/dist"

echo "== npm ci --omit=dev (${SECONDS}s)"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --prefer-offline) || fail "npm ci --omit=dev failed"
for dev in vitest tsx typescript; do
  if [ -d "$app/node_modules/$dev" ]; then fail "node_modules/$dev is there: devDependencies were installed"; fi
done

port="$(node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
base="http://127.0.0.1:$port"

echo "== start the server on port $port (${SECONDS}s)"
(
  cd "$app"
  unset NODE_PATH DATABASE_URL
  export PORT="$port" HOST=127.0.0.1 TERTIAL_DATA_DIR="$data" LOG_LEVEL=info
  exec node bin/tertial.js serve --demo
) >"$log" 2>&1 &
server_pid=$!

echo "== wait for GET /api/health/ready (up to ${timeout_seconds}s) (${SECONDS}s)"
# Polls readiness until 200 (stopping early if the server exits), then checks the other probes,
# the log's form, and that / is the web app's HTML and that its script is served.
SERVER_PID="$server_pid" BASE="$base" LOG="$log" TIMEOUT_SECONDS="$timeout_seconds" node --input-type=module -e '
import fs from "node:fs";
const { SERVER_PID, BASE, LOG, TIMEOUT_SECONDS } = process.env;
const deadline = Date.now() + Number(TIMEOUT_SECONDS) * 1000;
const alive = () => { try { process.kill(Number(SERVER_PID), 0); return true; } catch { return false; } };
const die = (message) => { console.error(`check-production-install: FAILED: ${message}`); process.exit(1); };
let last = "no answer yet";
for (;;) {
  if (!alive()) die(`the server exited before /api/health/ready answered (${last})`);
  if (Date.now() > deadline) die(`/api/health/ready did not answer 200 within ${TIMEOUT_SECONDS} s (${last})`);
  try {
    const res = await fetch(`${BASE}/api/health/ready`, { signal: AbortSignal.timeout(5000) });
    const body = await res.text();
    if (res.status === 200) { console.log(`GET /api/health/ready: 200 ${body}`); break; }
    last = `last answer ${res.status} ${body.slice(0, 200)}`;
  } catch (error) {
    last = `last error: ${error.cause?.code ?? error.message}`;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
for (const probe of ["/api/health/live", "/api/health"]) {
  const res = await fetch(`${BASE}${probe}`);
  const body = await res.text();
  if (res.status !== 200) die(`GET ${probe} answered ${res.status}: ${body.slice(0, 200)}`);
  console.log(`GET ${probe}: 200 ${body}`);
}
const firstLine = fs.readFileSync(LOG, "utf8").split("\n")[0] ?? "";
try {
  if (typeof JSON.parse(firstLine).msg !== "string") throw new Error("no msg");
} catch {
  die(`the log is not JSON lines when its output is a file: ${firstLine.slice(0, 200)}`);
}
console.log("the log: JSON lines");
const page = await fetch(`${BASE}/`);
const html = await page.text();
if (page.status !== 200) die(`GET / answered ${page.status}: ${html.slice(0, 300)}`);
if (!(page.headers.get("content-type") ?? "").startsWith("text/html")) die(`GET / is ${page.headers.get("content-type")}, not HTML`);
if (!html.includes("<div id=\"root\">")) die(`GET / is not the web app: ${html.slice(0, 300)}`);
const script = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
if (!script) die("the web app page names no script");
const asset = await fetch(new URL(script, BASE));
await asset.arrayBuffer();
if (asset.status !== 200) die(`GET ${script} answered ${asset.status}`);
console.log(`GET /: 200 the web app (its script ${script}: 200)`);
' || fail "the server did not come up as it should"

echo "== stop the server (${SECONDS}s)"
kill -TERM "$server_pid"
for _ in $(seq 1 100); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$server_pid" 2>/dev/null; then fail "the server did not stop within 20 s of SIGTERM"; fi
set +e
wait "$server_pid"
exit_code=$?
set -e
server_pid=""
if [ "$exit_code" -ne 0 ]; then fail "the server exited with $exit_code after SIGTERM"; fi

echo "check-production-install: passed in ${SECONDS}s (npm run build, npm ci --omit=dev, node bin/tertial.js serve --demo, /api/health/ready, /live, the web app)"
