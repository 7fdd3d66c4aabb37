#!/usr/bin/env bash
# Profile-guided optimization for the parser: prints the path of a profile
# (.build-pgo/parse.profdata) made from the code in the tree, for
#   swift build -c release -Xswiftc -Xfrontend -Xswiftc -ir-profile-use=PATH
# (scripts/release-flags.sh adds it to every release build).
#
# 1. builds scripts/bench-parse (TidingsModel + TidingsParse + a driver that
#    parses the files it is given) instrumented, into .build-pgo/gen;
# 2. parses every parser fixture under Tests/TidingsParseTests/Fixtures with it
#    (every format, dialect, encoding and broken input we test: the training
#    set is ours, never the benchmark corpus);
# 3. merges the counts with the toolchain's llvm-profdata.
# Skipped when the profile is newer than every file it depends on. The
# profile is only ever a build input: a stale or missing one changes speed,
# never behaviour. Exits 1 (and prints why) when the toolchain lacks
# llvm-profdata or the profile runtime; callers then build without it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/.build-pgo
PROFILE=$OUT/parse.profdata
FIXTURES=$ROOT/Tests/TidingsParseTests/Fixtures

toolchain=$(dirname "$(readlink -f "$(command -v swift)")")
profdata=$toolchain/llvm-profdata
runtime=$toolchain/../lib/swift/clang/lib/linux/libclang_rt.profile-x86_64.a
if [ ! -x "$profdata" ] || [ ! -f "$runtime" ]; then
    echo "profile.sh: this toolchain has no llvm-profdata or profile runtime; building without a profile" >&2
    exit 1
fi

# Up to date: nothing the profile depends on is newer than it.
if [ -s "$PROFILE" ] && [ -z "$(find -L "$ROOT/Sources/TidingsParse" "$ROOT/Sources/TidingsModel" "$FIXTURES" \
        "$ROOT/scripts/bench-parse" "$0" -newer "$PROFILE" -print -quit 2>/dev/null)" ]; then
    echo "$PROFILE"
    exit 0
fi

mkdir -p "$OUT"
rm -rf "$OUT/raw"
(cd "$ROOT/scripts/bench-parse" && swift build -c release --scratch-path "$OUT/gen" \
    -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$OUT/raw" \
    -Xlinker -u -Xlinker __llvm_profile_runtime -Xlinker "$runtime" 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' >&2) || true
driver=$OUT/gen/release/ParseBench
[ -x "$driver" ] || { echo "profile.sh: the instrumented build failed" >&2; exit 1; }
mapfile -t files < <(find "$FIXTURES" -type f \( -name '*.xml' -o -name '*.json' \) ! -name '*.expected.json' | sort)
LLVM_PROFILE_FILE="$OUT/raw/train-%p.profraw" REPS=2 "$driver" "${files[@]}" >/dev/null
"$profdata" merge -o "$PROFILE.tmp" "$OUT"/raw/*.profraw
mv "$PROFILE.tmp" "$PROFILE"
echo "$PROFILE"
