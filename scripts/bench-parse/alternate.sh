#!/usr/bin/env bash
# Raw libxml2 SAX and one or more ParseBench binaries, alternating, ITER times,
# keeping each one's best time: on a shared machine whose load comes and goes,
# the minimum of a long alternating loop is the figure that repeats.
#
#   scripts/bench-parse/alternate.sh [ITER] [corpus|big] [PARSEBENCH …]
#
# ITER defaults to 20, the input to the corpus, the binary to this tree's
# .build-bench/release/ParseBench (build it with run.sh, or copy older builds
# aside to compare them). Each run is 3 repetitions (xmlbench -r 3,
# REPS=3 ParseBench). Prints each best time and Tidings as % of libxml2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/tidings-bench}
ITER=${1:-20}
INPUT=${2:-corpus}
shift $(( $# < 2 ? $# : 2 ))
BINS=("$@")
[ ${#BINS[@]} -gt 0 ] || BINS=("$ROOT/.build-bench/release/ParseBench")
XMLBENCH=$BENCH_WORK/bin/xmlbench
C0=$BENCH_WORK/corpus/s0
[ -x "$XMLBENCH" ] && [ -s "$C0/manifest.json" ] || { echo "alternate.sh: run scripts/bench-parse/run.sh once first (it builds xmlbench and the corpus)" >&2; exit 1; }
case "$INPUT" in
    big) FILES=("$C0/big/big.rss") ;;
    corpus) mapfile -t FILES < <(printf '%s\n' "$C0"/feeds/* | sort) ;;
    *) echo "alternate.sh: input is corpus or big, not $INPUT" >&2; exit 2 ;;
esac
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
best_xml=""
declare -a best
for ((i = 0; i < ITER; i++)); do
    t=$("$XMLBENCH" -r 3 sax "${FILES[@]}" | awk '{print $8}')
    best_xml=$(min "$best_xml" "$t")
    for j in "${!BINS[@]}"; do
        t=$(REPS=3 "${BINS[$j]}" "${FILES[@]}" | awk '{print $6}')
        best[$j]=$(min "${best[$j]:-}" "$t")
    done
done
printf '%-40s %8s\n' "libxml2 SAX (xmlbench, 16 KiB)" "$best_xml"
for j in "${!BINS[@]}"; do
    printf '%-40s %8s  %s\n' "${BINS[$j]}" "${best[$j]}" "$(awk -v x="$best_xml" -v t="${best[$j]}" 'BEGIN { printf "%.1f%% of libxml2", 100 * x / t }')"
done
