#!/bin/sh
# Builds the seed corpus from the golden fixtures: each fixture becomes one
# input whose first byte is the harness's selector (0x00: document URL set,
# no Content-Type; 0x82: no URL, "text/xml; charset=utf-8"...), see FuzzParse.swift.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/../../.build-fuzz/corpus"}
mkdir -p "$out"
n=0
for f in $(find "$here/../../Tests/TidingsParseTests/Fixtures" -name '*.xml' -o -name '*.json' | grep -v '\.expected\.json$'); do
    n=$((n + 1))
    { printf '\000'; cat "$f"; } > "$out/seed-$n"
done
echo "$n seeds in $out"
