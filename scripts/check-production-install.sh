#!/usr/bin/env bash
# Proves that a production install works: copies the checkout's files (git ls-files, plus the built
# web app in web/dist) to a temporary folder, runs `npm ci --omit=dev` there, starts
# `node bin/tertial.js serve --demo` on a free port with its own data folder, and waits for
# GET /api/health to answer 200 and for / to serve the web app. Fails with the server's output
# otherwise. A devDependency that the server needs at run time fails here.
#
# Usage: bash scripts/check-production-install.sh   (CHECK_TIMEOUT_SECONDS, default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_seconds="${CHECK_TIMEOUT_SECONDS:-120}"

fail() {
  echo "check-production-install: FAILED: $*" >&2
  exit 1
}

if [ ! -f web/dist/index.html ]; then
  echo "== build the web app (web/dist is missing)"
  npm run build:web --silent
fi

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

echo "== copy the checkout's files to $app (${SECONDS}s)"
# Tracked files, and new files not yet committed (but not ignored ones); files deleted from the
# working tree are left out. In CI's clean checkout this is exactly git ls-files.
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    if [ -f "$file" ] || [ -L "$file" ]; then printf '%s\0' "$file"; fi
  done |
  tar --null -T - -cf - | tar -xf - -C "$app"
mkdir -p "$app/web"
cp -R web/dist "$app/web/dist"

echo "== npm ci --omit=dev (${SECONDS}s)"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --prefer-offline) || fail "npm ci --omit=dev failed"
if [ -d "$app/node_modules/vitest" ]; then fail "node_modules/vitest is there: devDependencies were installed"; fi

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

echo "== wait for GET /api/health (up to ${timeout_seconds}s) (${SECONDS}s)"
# Polls health until 200 (stopping early if the server exits), then checks that / is the web
# app's HTML and that its script is served.
SERVER_PID="$server_pid" BASE="$base" TIMEOUT_SECONDS="$timeout_seconds" node --input-type=module -e '
const { SERVER_PID, BASE, TIMEOUT_SECONDS } = process.env;
const deadline = Date.now() + Number(TIMEOUT_SECONDS) * 1000;
const alive = () => { try { process.kill(Number(SERVER_PID), 0); return true; } catch { return false; } };
const die = (message) => { console.error(`check-production-install: FAILED: ${message}`); process.exit(1); };
let last = "no answer yet";
for (;;) {
  if (!alive()) die(`the server exited before /api/health answered (${last})`);
  if (Date.now() > deadline) die(`/api/health did not answer 200 within ${TIMEOUT_SECONDS} s (${last})`);
  try {
    const res = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(5000) });
    const body = await res.text();
    if (res.status === 200) { console.log(`GET /api/health: 200 ${body}`); break; }
    last = `last answer ${res.status} ${body.slice(0, 200)}`;
  } catch (error) {
    last = `last error: ${error.cause?.code ?? error.message}`;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
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

echo "check-production-install: passed in ${SECONDS}s (npm ci --omit=dev, serve --demo, /api/health, the web app)"
