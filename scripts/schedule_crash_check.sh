#!/usr/bin/env bash
# Crash recovery with the real binary: SIGKILLs `briefing schedule run` at each fault point
# (BRIEFING_FAULT), runs it again, and checks the ledger against the files on disk: every
# edition row has its files with their recorded hashes, every report file has a row, no
# temporary file is left, and nothing was produced twice.
#   scripts/schedule_crash_check.sh [path/to/briefing]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/briefing}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/layouts"
cp layouts/*.yaml "$work/layouts/"
sed -i 's/layouts: \[.*\]/layouts: [analysis]/' "$work/layouts/schedules.yaml"
# Layouts that need the Cairo renderer are used when this build has it (BRIEFING_CHECK_LAYOUTS="book, charts").
[ -n "${BRIEFING_CHECK_LAYOUTS:-}" ] && sed -i "s/layouts: \[analysis\]/layouts: [analysis, ${BRIEFING_CHECK_LAYOUTS}]/" "$work/layouts/schedules.yaml"
args=(--input seeds --layouts "$work/layouts" --now 2019-01-01T00:00:00Z -q)

check() {  # output folder
  python3 - "$1" <<'PY'
import hashlib, os, sqlite3, sys
out = sys.argv[1]
db = sqlite3.connect(os.path.join(out, ".briefing", "ledger.sqlite"))
rows = db.execute("SELECT path, sha256 FROM edition_file").fetchall()
problems = []
def digest(p):  # a file's SHA-256, or a folder's over its files' paths and hashes (charts)
    if not os.path.isdir(p): return hashlib.sha256(open(p, "rb").read()).hexdigest()
    names = sorted(os.path.relpath(os.path.join(r, f), p) for r, _, fs in os.walk(p) for f in fs)
    lines = "".join(f"{n}\t{hashlib.sha256(open(os.path.join(p, n), 'rb').read()).hexdigest()}\n" for n in names)
    return hashlib.sha256(lines.encode()).hexdigest()
for path, sha in rows:
    p = os.path.join(out, path)
    if not os.path.exists(p): problems.append(f"row without file: {path}")
    elif digest(p) != sha: problems.append(f"hash differs: {path}")
recorded = {p for p, _ in rows}
def owned(rel):
    parts = rel.split("/")
    return any("/".join(parts[:i]) in recorded for i in range(1, len(parts) + 1))
for root, dirs, files in os.walk(out):
    if ".briefing" in root: continue
    for f in files:
        rel = os.path.relpath(os.path.join(root, f), out)
        if ".tmp-" in f: problems.append(f"temporary file left: {rel}")
        elif not owned(rel): problems.append(f"file without row: {rel}")
dups = db.execute("SELECT schedule, period_key, COUNT(*) FROM edition GROUP BY schedule, period_key, input_digest HAVING COUNT(*) > 1").fetchall()
problems += [f"duplicate edition: {d}" for d in dups]
print(f"{len(rows)} files recorded, {len(problems)} problem(s)")
for p in problems: print("  " + p)
sys.exit(1 if problems else 0)
PY
}

for point in after-render after-rename; do
  out="$work/out-$point"
  set +e
  BRIEFING_FAULT="$point:40" "$binary" schedule run "${args[@]}" --output "$out"
  status=$?
  set -e
  [ "$status" -eq 137 ] || { echo "expected SIGKILL (137), got $status"; exit 1; }
  echo "$point: killed at the 40th production ($(find "$out" -name '*.tmp-*' | wc -l) temporary file(s) left)"
  "$binary" schedule run "${args[@]}" --output "$out"
  check "$out"
  again=$("$binary" schedule run --input seeds --layouts "$work/layouts" --now 2019-01-01T00:00:00Z --output "$out" | tail -n 1)
  echo "  repeat: $again"
  case "$again" in *"0 edition(s) produced"*) ;; *) echo "a repeat run produced something"; exit 1 ;; esac
done
# A second run while one holds the lock: exit status 75 and a message, nothing produced.
out="$work/out-locked"
mkdir -p "$out/.briefing"
flock "$out/.briefing/run.lock" sleep 3 &
sleep 0.5
set +e
"$binary" schedule run "${args[@]}" --output "$out" 2>"$work/locked.err"
status=$?
set -e
wait
[ "$status" -eq 75 ] || { echo "expected exit status 75 while locked, got $status"; exit 1; }
echo "locked: exit 75: $(cat "$work/locked.err")"
[ -z "$(find "$out" -path '*/.briefing' -prune -o -type f -print)" ] || { echo "a locked-out run wrote reports"; exit 1; }
"$binary" schedule run "${args[@]}" --output "$out" --wait
echo "crash check passed"
