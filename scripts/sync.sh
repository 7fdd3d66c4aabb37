#!/usr/bin/env bash
# The main job on a fresh machine: install what Tidings needs, build it in release
# mode and sync the repository's feeds.txt. State and mail go under ./tidings-data/
# (or $TIDINGS_DATA): tidings-data/state/state.db and the maildir tidings-data/Maildir.
# Extra arguments go to `tidings sync` (e.g. --catch-up, --jobs 32).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build-release.sh 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
bin=$(swift build -c release --show-bin-path)/tidings
[ -x "$bin" ] || { echo "sync.sh: the build failed" >&2; exit 2; }
data=${TIDINGS_DATA:-$PWD/tidings-data}
status=0
"$bin" sync --feeds feeds.txt --state "$data/state" --maildir "$data/Maildir" "$@" || status=$?
echo "state: $data/state   mail: $data/Maildir (try: neomutt -f $data/Maildir)"
# 1 means some feeds failed (for instance without internet); the others were delivered.
[ "$status" -le 1 ] || exit "$status"
