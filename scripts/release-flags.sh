#!/usr/bin/env bash
# Prints, one per line, the extra `swift build -c release` arguments of a
# release build: the Swift runtime and libraries linked in, full link-time
# optimization, and the parser compiled against its profile
# (scripts/pgo/profile.sh) when one can be made. BIN_DIR is where
# the build's products go (`swift build -c release --show-bin-path`):
#
#   mapfile -t flags < <(scripts/release-flags.sh "$BIN_DIR")
#   swift build -c release "${flags[@]}"
#
# SwiftPM does not recompile a module when only these arguments or the
# profile's contents change, so BIN_DIR's object files are removed (and
# rebuilt) whenever they were compiled with other ones.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN_DIR=${1:?usage: release-flags.sh BIN_DIR}
profile=$("$ROOT/scripts/pgo/profile.sh") || profile=""
flags=(--static-swift-stdlib --experimental-lto-mode=full)
want="${flags[*]}"
if [ -n "$profile" ]; then
    flags+=(-Xswiftc -Xfrontend -Xswiftc "-ir-profile-use=$profile")
    want="${flags[*]} $(sha256sum "$profile" | cut -c1-16)"
fi
stamp=$BIN_DIR/.release-flags
if [ "$(cat "$stamp" 2>/dev/null || echo unknown)" != "$want" ]; then
    # Object files only (bitcode under LTO): SwiftPM keeps its plan (output
    # file maps) beside them.
    [ -d "$BIN_DIR" ] && find "$BIN_DIR/" \( -name '*.o' -o -name '*.bc' \) -delete
    mkdir -p "$BIN_DIR"
    echo "$want" > "$stamp"
fi
printf '%s\n' "${flags[@]}"
