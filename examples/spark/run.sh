#!/usr/bin/env bash
# Runs the PySpark example end to end in local mode: installs what it needs (setup.sh), builds the
# release binary, generates DRAFTS drafts (default 100000) with `xtask gen-set`, and pipes them
# through `interview-coach check --input jsonl` with Spark's RDD.pipe.
set -euo pipefail
cd "$(dirname "$0")"
drafts="${DRAFTS:-100000}"

./setup.sh
(cd ../.. && cargo build --release -p interview-coach -p xtask)
if [ ! -f "data/$drafts/drafts.jsonl" ]; then
    ../../target/release/xtask gen-set --drafts "$drafts" --out "data/$drafts"
fi
/usr/bin/time -v .venv/bin/python check_drafts.py \
    --binary ../../target/release/interview-coach \
    --input "data/$drafts/drafts.jsonl" "$@"
