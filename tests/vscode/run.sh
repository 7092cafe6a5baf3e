#!/usr/bin/env bash
# End to end in a real VS Code: installs the .vsix into a throwaway code-server, opens a copy of
# tests/fixtures/editor with the server path set, and runs e2e.mjs in headless Chromium.
# usage: tests/vscode/run.sh VSIX SERVER    env E2E_HOME (code-server from ../shared/vscode-e2e)
# Exit 0 when every check passed. Screenshots go to $SHOTS_DIR (default: the run folder).
set -u
VSIX=$(realpath "$1") SERVER=$(realpath "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
E2E_HOME=${E2E_HOME:-$HOME/.cache/vscode-e2e}
CS=$E2E_HOME/code-server/node_modules/.bin/code-server
[ -x "$CS" ] || { echo "code-server missing: run ../shared/vscode-e2e/install-code-server.sh"; exit 2; }
mkdir -p "$E2E_HOME/tmp"
RUN=$(mktemp -d "$E2E_HOME/tmp/interview-coach-XXXXXX")
export TMPDIR=$E2E_HOME/tmp XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache
export SHOTS_DIR=${SHOTS_DIR:-$RUN/shots}
WS=$RUN/workspace
mkdir -p "$RUN/extensions" "$RUN/data/User" "$WS"
cp -R "$REPO/tests/fixtures/editor/." "$WS/"

# The packaged artifact is what is tested: install it as a user would.
"$CS" --extensions-dir "$RUN/extensions" --user-data-dir "$RUN/data" --install-extension "$VSIX" \
  >"$RUN/install.log" 2>&1 || { cat "$RUN/install.log"; exit 1; }
grep -i "successfully installed" "$RUN/install.log" || { cat "$RUN/install.log"; exit 1; }

SERVER=$SERVER node -e '
const fs = require("fs");
fs.writeFileSync(process.argv[1], JSON.stringify({
  "workbench.startupEditor": "none", "workbench.tips.enabled": false, "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false, "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "update.mode": "none", "chat.disableAIFeatures": true,
  "editor.hover.delay": 100, "interviewCoach.server.path": process.env.SERVER,
}, null, 2));' "$RUN/data/User/settings.json"

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
setsid "$CS" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --extensions-dir "$RUN/extensions" --user-data-dir "$RUN/data" \
  "$WS" >"$RUN/code-server.log" 2>&1 &
CSPID=$!
trap 'kill -TERM -- -$CSPID 2>/dev/null; sleep 1; kill -KILL -- -$CSPID 2>/dev/null' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
PW_HOME=$E2E_HOME/pw node "$HERE/e2e.mjs" "http://127.0.0.1:$PORT" "$WS"
rc=$?
if [ $rc -ne 0 ]; then
  echo "code-server log: $RUN/code-server.log; extension host logs: $RUN/data/logs"
  grep -rh "interview\|Interview" "$RUN/data/logs" 2>/dev/null | tail -20
fi
exit $rc
