#!/usr/bin/env bash
# Installs what the tests need, builds everything (the end-to-end tests run the
# built `tidings` binary) and runs the whole suite. Our own code must build
# without warnings: any warning in Sources/ or Tests/ fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build --build-tests >"$log" 2>&1; then
    grep -E 'error|warning' "$log" >&2 || tail -50 "$log" >&2
    echo "test.sh: the build failed" >&2
    exit 1
fi
if grep -E "^$PWD/(Sources|Tests)/.*warning:" "$log" >&2; then
    echo "test.sh: warnings in our code (Swift 6 mode, no warnings allowed)" >&2
    exit 1
fi
swift test --skip-build "$@"
