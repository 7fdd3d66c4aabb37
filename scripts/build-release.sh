#!/usr/bin/env bash
# Release build of tidings (extra arguments go to `swift build`): the Swift
# runtime linked in (the binary runs without a Swift toolchain), full
# link-time optimization, and the parser compiled against its profile
# (scripts/pgo/: made from the parser fixtures, remade when the parser
# changes) when the toolchain can make one.
# The binary: $(swift build -c release --show-bin-path)/tidings.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t flags < <(scripts/pgo/use.sh "$(swift build -c release --show-bin-path)")
swift build -c release --product tidings "${flags[@]}" "$@"
