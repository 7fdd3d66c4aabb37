#!/usr/bin/env bash
# Parser throughput: Tidings (FeedParser.parse, full model) side by side with
# raw libxml2 SAX, sfeed and Python feedparser, in one run, on the benchmark
# corpus of ../shared/bench (the 52 MB feed and the 1000-feed corpus).
#
#   scripts/bench-parse/run.sh [--reps N] [--rounds N] [--no-peers]
#
# 1. builds scripts/bench-parse (release, into .build-bench/, with the flags
#    of every release build: scripts/release-flags.sh);
# 2. generates the corpus if $BENCH_WORK/corpus/s0 has none;
# 3. unless --no-peers: runs ../shared/bench/parse-bench.sh (libxml2 SAX/
#    reader/DOM, xmllint, sfeed, feedparser) and adds Tidings' rows to its
#    parse.tsv;
# 4. then ROUNDS interleaved rounds of raw libxml2 SAX (xmlbench.c, 16 KiB and
#    256 KiB chunks) and Tidings on the same files, printing each ratio: on a
#    shared, noisy machine only figures from the same round compare.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
BENCH_WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/tidings-bench}
REPS=5 ROUNDS=3 PEERS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --reps) REPS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --no-peers) PEERS=0; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -d "$BENCH_DIR" ] || { echo "run.sh: no benchmark harness at $BENCH_DIR (set BENCH_DIR)" >&2; exit 1; }

mapfile -t RELEASE < <("$ROOT/scripts/release-flags.sh" "$ROOT/.build-bench/release")
(cd "$ROOT/scripts/bench-parse" && swift build -c release --scratch-path "$ROOT/.build-bench" "${RELEASE[@]}" 2>&1 | tail -1)
TIDINGS=$ROOT/.build-bench/release/ParseBench

C0=$BENCH_WORK/corpus/s0
if [ ! -s "$C0/manifest.json" ]; then
    echo "generating the corpus in $C0 (1000 feeds + a 50 MB feed)…"
    python3 "$BENCH_DIR/gen-corpus.py" generate "$C0" --big-mb 50 >/dev/null
fi
BIG=$C0/big/big.rss
mapfile -t FILES < <(printf '%s\n' "$C0"/feeds/* | sort)

XMLBENCH=$BENCH_WORK/bin/xmlbench
if [ ! -x "$XMLBENCH" ] || [ "$BENCH_DIR/xmlbench.c" -nt "$XMLBENCH" ]; then
    mkdir -p "$BENCH_WORK/bin"
    # shellcheck disable=SC2046
    gcc -O2 $(xml2-config --cflags) "$BENCH_DIR/xmlbench.c" $(xml2-config --libs) -o "$XMLBENCH"
fi

tidings_row() { # input-name bytes items expected runs files...
    local name=$1 expected=$2; shift 2
    read -r _ _ bytes items failures best median _ _ rss < <(REPS=$REPS "$TIDINGS" "$@")
    awk -v i="$name" -v b="$bytes" -v it="$items" -v e="$expected" -v m="$median" -v bs="$best" -v r="$REPS" \
        -v rss="$rss" -v f="$failures" \
        'BEGIN {printf "tidings FeedParser\t%s\t%.1f\t%s\t%s\t%.3f\t%.1f\t%.3f\t%.1f\t%s\t%.1f\t-\tin-process, full model; 256 KiB push chunks; failures=%s\n",
                i, b/1e6, it, e, m, b/m/1e6, bs, b/bs/1e6, r, rss, f}'
}

if [ "$PEERS" = 1 ]; then
    RES=$BENCH_WORK/runs/$(date +%Y%m%d-%H%M%S)-parse
    "$BENCH_DIR/parse-bench.sh" --reps "$REPS" --results "$RES" >/dev/null
    BIG_ITEMS=$(python3 "$BENCH_DIR/gen-corpus.py" info "$C0" --key big.items)
    CORPUS_ITEMS=$(python3 "$BENCH_DIR/gen-corpus.py" info "$C0" --key stats.items)
    tidings_row big "$BIG_ITEMS" "$BIG" >>"$RES/parse.tsv"
    tidings_row corpus "$CORPUS_ITEMS" "${FILES[@]}" >>"$RES/parse.tsv"
    echo "== one run, all parsers ($RES/parse.tsv)"
    column -t -s "$(printf '\t')" "$RES/parse.tsv"
    echo
fi

echo "== interleaved rounds: best and median of $REPS (seconds), Tidings as % of raw libxml2 SAX throughput"
printf '%-5s %-6s %-15s %-15s %-15s %-13s %-13s\n' round input "sax 16KiB" "sax 256KiB" tidings "% of 16KiB" "% of 256KiB"
for round in $(seq "$ROUNDS"); do
    for which in big corpus; do
        if [ $which = big ]; then set -- "$BIG"; else set -- "${FILES[@]}"; fi
        read -r _ _ _ _ _ _ _ a16 m16 _ < <("$XMLBENCH" -r "$REPS" sax "$@")
        read -r _ _ _ _ _ _ _ a256 m256 _ < <("$XMLBENCH" -r "$REPS" -c 262144 sax "$@")
        read -r _ _ _ _ _ at mt _ _ _ < <(REPS=$REPS "$TIDINGS" "$@")
        awk -v r="$round" -v w="$which" -v a16="$a16" -v m16="$m16" -v a256="$a256" -v m256="$m256" -v at="$at" -v mt="$mt" \
            'BEGIN {printf "%-5s %-6s %.3f / %.3f   %.3f / %.3f   %.3f / %.3f   %3.0f%% / %3.0f%%   %3.0f%% / %3.0f%%\n",
                    r, w, a16, m16, a256, m256, at, mt, 100*a16/at, 100*m16/mt, 100*a256/at, 100*m256/mt}'
    done
done
echo "(each cell: best / median; a ratio is raw libxml2's time over Tidings' time, so 100% = libxml2 speed)"
