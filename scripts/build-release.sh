#!/usr/bin/env bash
# Release build of tidings (extra arguments go to `swift build`) with the
# flags of every release build (scripts/release-flags.sh: the Swift runtime
# linked in, full LTO, the parser's profile).
# The binary: $(swift build -c release --show-bin-path)/tidings.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t flags < <(scripts/release-flags.sh "$(swift build -c release --show-bin-path)")
swift build -c release --product tidings "${flags[@]}" "$@"
