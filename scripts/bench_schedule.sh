#!/usr/bin/env bash
# The scheduler's cost over a 50,000-readout corpus:
#   1. first catch-up: three years of weekly reports from an empty ledger (every readout extracted);
#   2. the same corpus plus 10 new readouts (late arrivals in October 2026): only they are
#      extracted, and only the periods they fall in get a revised edition;
#   3. a run with nothing new (should be a no-op).
# Prints wall time and peak RSS of each, and the ratios to the first run.
#
#   scripts/bench_schedule.sh [path/to/briefing] [path/to/briefing-corpus]   (default .build/release/...)
# Environment: BENCH_COUNT (50000), BENCH_DIR (/tmp/bench-schedule), BENCH_CORPUS (/tmp/c50k),
#              BENCH_LAYOUT (analysis; or book, brief, charts).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/briefing}
count=${BENCH_COUNT:-50000}
corpus=${BENCH_CORPUS:-/tmp/c50k}
work=${BENCH_DIR:-/tmp/bench-schedule}
layout=${BENCH_LAYOUT:-analysis}
gen=${2:-.build/release/briefing-corpus}

if [ ! -f "$corpus/.complete-$count" ]; then
  echo "bench: generating $count readouts in $corpus"
  rm -rf "$corpus"
  "$gen" readouts --count "$count" --seed 11 --formats txt,md,html --since 2023-11-01 --until 2026-10-31 --out "$corpus"
  touch "$corpus/.complete-$count"
fi

rm -rf "$work"
mkdir -p "$work/layouts" "$work/new"
cp -al "$corpus" "$work/input"          # hard links: the corpus itself is never modified
rm -f "$work/input/manifest.yaml" && cp "$corpus/manifest.yaml" "$work/input/manifest.yaml"
cp -R layouts/. "$work/layouts/"   # shared rules, people registries, relationship packs
cat > "$work/layouts/schedules.yaml" <<YAML
schedules:
  weekly:
    cadence: weekly
    time_zone: Asia/Tokyo
    start: 2023-11-06
    layouts: [$layout]
    output: "weekly/{key}/{layout}"
YAML

# Ten late readouts for October 2026, named so they cannot clash, with their manifest entries.
"$gen" readouts --count 10 --seed 12 --formats txt,md,html --since 2026-10-01 --until 2026-10-31 --prefix late- --out "$work/new"
touch "$work/new/manifest.yaml"
grep -v '^#' "$work/new/manifest.yaml" >"$work/new/manifest.add" || true
rm "$work/new/manifest.yaml"

run() {  # label, then the command's output in $work/<label>.log and time -v in <label>.time
  local label=$1
  /usr/bin/time -v "$binary" schedule run --input "$work/input" --layouts "$work/layouts" --output "$work/output" \
    --now 2026-11-02T00:00:00Z >"$work/$label.log" 2>"$work/$label.time" || { cat "$work/$label.log" "$work/$label.time"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$label.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$label.time")
  secs=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))" "$wall")
  echo "$label $secs $rss" >>"$work/results"
  tail -n 1 "$work/$label.log"
}

: >"$work/results"
echo "bench: first catch-up (empty ledger, $count readouts)"
run first
echo "bench: second run with 10 new readouts"
cp "$work/new"/late-* "$work/input/"
cat "$work/new/manifest.add" >>"$work/input/manifest.yaml"
run second
echo "bench: third run, nothing new"
run noop

python3 - "$work/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
first = float(rows[0][1])
print()
print(f"{'run':<34}{'wall s':>9}{'vs first':>10}{'peak RSS MB':>13}")
names = {"first": "first catch-up (3 years weekly)", "second": "second run (+10 readouts)", "noop": "third run (nothing new)"}
for label, secs, rss in rows:
    s = float(secs)
    print(f"{names[label]:<34}{s:>9.2f}{s / first:>10.3f}{int(rss) / 1024:>13.0f}")
PY
echo
grep -h "edition(s) produced" "$work"/first.log "$work"/second.log "$work"/noop.log || true
echo "ledger: $(du -h "$work/output/.briefing/ledger.sqlite" | cut -f1)"
