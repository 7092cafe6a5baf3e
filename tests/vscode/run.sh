#!/usr/bin/env bash
# End to end in a real VS Code: installs the .vsix into a throwaway code-server and runs e2e.mjs
# in headless Chromium three times, each on a fresh workspace:
#   server   tests/fixtures/editor, interviewCoach.server.path = SERVER: diagnostics, hover, score,
#            New Answer Draft;
#   missing  tests/fixtures/editor, no server anywhere: exactly one clear error message;
#   bank     the fixture bank (tests/fixtures/bank), SERVER: the Answer Bank view.
# usage: tests/vscode/run.sh VSIX SERVER   env E2E_HOME (code-server from ../shared/vscode-e2e),
#        SESSIONS (default: "server missing bank"; a subset runs only those)
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
mkdir -p "$RUN/extensions"

# The packaged artifact is what is tested: install it as a user would.
"$CS" --extensions-dir "$RUN/extensions" --user-data-dir "$RUN/install-data" --install-extension "$VSIX" \
  >"$RUN/install.log" 2>&1
grep -i "successfully installed" "$RUN/install.log" || { cat "$RUN/install.log"; exit 1; }

CSPID=
stop_server() {
  [ -n "$CSPID" ] || return 0
  kill -TERM -- -"$CSPID" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 -- -"$CSPID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- -"$CSPID" 2>/dev/null
  CSPID=
}
trap stop_server EXIT

# bank_workspace DIR: the fixture drafts under answers/, the pack as an extra category, and a
# .interview-coach.toml at the root (as tests/neovim/bank_spec.lua builds it).
bank_workspace() {
  mkdir -p "$1/.interview-coach/categories" &&
    cp -R "$REPO/tests/fixtures/bank/answers" "$1/answers" &&
    cp "$REPO/tests/fixtures/bank/pack/sales.md" "$1/.interview-coach/categories/sales.md" &&
    echo '# The fixture bank for the editor tests.' >"$1/.interview-coach.toml"
}

# session MODE SERVER_PATH_SETTING PATH_FOR_CODE_SERVER
session() {
  local mode=$1 setting=$2 path=$3 dir=$RUN/$1
  mkdir -p "$dir/data/User" "$dir/workspace"
  if [ "$mode" = bank ]; then
    bank_workspace "$dir/workspace" || return 1
  else
    cp -R "$REPO/tests/fixtures/editor/." "$dir/workspace/"
  fi
  SETTING=$setting node -e '
    require("fs").writeFileSync(process.argv[1], JSON.stringify({
      "workbench.startupEditor": "none", "workbench.tips.enabled": false, "telemetry.telemetryLevel": "off",
      "security.workspace.trust.enabled": false, "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false, "update.mode": "none", "chat.disableAIFeatures": true,
      "editor.hover.delay": 100, "interviewCoach.server.path": process.env.SETTING,
      "interviewCoach.trace.server": "verbose",
    }, null, 2));' "$dir/data/User/settings.json"
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  PATH=$path setsid "$CS" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --extensions-dir "$RUN/extensions" --user-data-dir "$dir/data" \
    "$dir/workspace" >"$dir/code-server.log" 2>&1 &
  CSPID=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  PW_HOME=$E2E_HOME/pw SHOTS_DIR=$SHOTS_DIR/$mode E2E_SETTINGS=$dir/data/User/settings.json node "$HERE/e2e.mjs" "$mode" "http://127.0.0.1:$port" "$dir/workspace"
  local rc=$?
  stop_server
  if [ $rc -ne 0 ]; then
    echo "code-server log: $dir/code-server.log; extension host logs: $dir/data/logs; screenshots: $SHOTS_DIR/$mode"
    find "$dir/data/logs" -name '*Interview Coach*' -exec tail -20 {} \; 2>/dev/null
  fi
  return $rc
}

rc=0
for s in ${SESSIONS:-server missing bank}; do
  case $s in
    server | bank) session "$s" "$SERVER" "$PATH" || rc=1 ;;
    # No setting that works, nothing bundled, and a PATH with node but no interview-coach.
    missing) session missing "$RUN/no-such-dir/interview-coach" "$(dirname "$(command -v node)"):/usr/bin:/bin" || rc=1 ;;
    *) echo "unknown session $s"; rc=1 ;;
  esac
done
exit $rc
