#!/usr/bin/env bash
# Idle cost of `tidings run`: N feeds scheduled (default 10,000), none due, for DURATION
# seconds (default 60). Prints CPU seconds used (utime+stime from /proc/PID/stat) and VmRSS.
# Then the scheduler's own overhead per fired feed (heap + bookkeeping, no fetching), from
# the ScheduleBenchmark test.
#
#   scripts/bench-daemon.sh                       # release binary (builds it)
#   BIN=.build/debug/tidings N=1000 DURATION=10 scripts/bench-daemon.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
DURATION=${DURATION:-60}
if [ -z "${BIN:-}" ]; then
    swift build -c release --product tidings >/dev/null
    BIN="$(swift build -c release --show-bin-path)/tidings"
fi

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# N distinct local feeds (file:// avoids needing a server; the daemon never fetches them here).
mkdir -p "$work/feeds"
python3 - "$work" "$N" <<'PY'
import sys, os
work, n = sys.argv[1], int(sys.argv[2])
with open(os.path.join(work, "feeds.txt"), "w") as out:
    for i in range(n):
        path = os.path.join(work, "feeds", f"f{i}.xml")
        with open(path, "w") as f:
            f.write(f'<rss version="2.0"><channel><title>f{i}</title><item><guid>f{i}-1</guid><title>x</title></item></channel></rss>\n')
        out.write(f"file://{path}\n")
PY

# One sync records every feed with its next due time an hour ahead (--catch-up: no mail).
"$BIN" sync --catch-up --feeds "$work/feeds.txt" --state "$work/state" --maildir "$work/Maildir" >/dev/null

"$BIN" run --feeds "$work/feeds.txt" --state "$work/state" --maildir "$work/Maildir" --every 1h 2>"$work/daemon.log" &
pid=$!
sleep 3   # startup: read feeds.txt, load 10,000 due times
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
start=$(ticks)
sleep "$DURATION"
end=$(ticks)
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")
echo "feeds: $N, idle for ${DURATION}s"
awk -v s="$start" -v e="$end" -v hz="$hz" -v d="$DURATION" \
    'BEGIN { printf "CPU: %.2f s over %d s (%.3f%% of one core)\n", (e - s) / hz, d, 100 * (e - s) / hz / d }'
echo "VmRSS: $rss"
kill -TERM "$pid"; wait "$pid" || true; pid=""

echo "scheduler overhead per fired feed:"
TIDINGS_BENCH=1 swift test ${SCRATCH:+--scratch-path "$SCRATCH"} --filter ScheduleBenchmark 2>&1 | grep -E "per fired feed|error" || true
