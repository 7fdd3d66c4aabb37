#!/usr/bin/env bash
# Prints, one per line, the `swift build` arguments that compile the parser
# against its profile (scripts/pgo/profile.sh), for a release build whose
# products go to BIN_DIR (`swift build -c release --show-bin-path`):
#
#   mapfile -t pgo < <(scripts/pgo/use.sh "$BIN_DIR")
#   swift build -c release "${pgo[@]}"
#
# Prints nothing when no profile can be made (the build is then a plain one).
# SwiftPM does not recompile a module when only a -Xfrontend argument or the
# profile's contents change, so the parser's object files in BIN_DIR are removed
# (and rebuilt) whenever they were compiled against another profile or none.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN_DIR=${1:?usage: use.sh BIN_DIR}
profile=$("$ROOT/scripts/pgo/profile.sh") || profile=""
stamp=$BIN_DIR/.parser-profile
want=none
[ -n "$profile" ] && want=$(sha256sum "$profile" | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null || echo unknown)" != "$want" ]; then
    # The objects only: SwiftPM keeps its plan (output file maps) in these directories.
    rm -f "$BIN_DIR"/TidingsParse.build/*.o "$BIN_DIR"/TidingsModel.build/*.o
    mkdir -p "$BIN_DIR"
    echo "$want" > "$stamp"
fi
[ -n "$profile" ] || exit 0
printf '%s\n' -Xswiftc -Xfrontend -Xswiftc "-ir-profile-use=$profile"
