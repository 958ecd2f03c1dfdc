#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer driver and runs the fuzz targets.
#
#   scripts/fuzz.sh build                 # the instrumented driver: .build-fuzz/briefing-fuzz
#   scripts/fuzz.sh seeds                 # seed corpora from the project's fixtures
#   scripts/fuzz.sh run [target ...]      # each target for FUZZ_SECONDS (default 60); all by default
#   scripts/fuzz.sh repro target file ... # run inputs once through a target (a crash reproduces)
#   scripts/fuzz.sh stats                 # per target: hours, executions, coverage, corpus, crashes
#
# SwiftPM builds the library modules with -sanitize=fuzzer,address (coverage and AddressSanitizer);
# Fuzz/Driver.swift is compiled and linked against their objects with swiftc, since SwiftPM
# cannot link an executable whose main is libFuzzer's. Grown corpora and crash files go under
# FUZZ_WORK (default .build-fuzz/work), never into the repository: a crash, once fixed, is
# copied to Tests/Fixtures/fuzz/<target>/, which `make test` runs (FuzzRegressionTests).
# Fuzzers run at nice 19 with Swift's backtracer off (with it on, the first trap under the
# fuzzer hangs for minutes instead of writing the crash file).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD="${FUZZ_BUILD:-.build-fuzz}"
WORK="${FUZZ_WORK:-$BUILD/work}"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
DRIVER="$BUILD/briefing-fuzz"
RELEASE="${RELEASE:-.build/release/briefing}"
TARGETS=(readout-txt readout-md readout-html analysis render layout configuration manifest corrections front-matter schedules)
SANITIZE=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)

build() {
    swift build -c release --build-path "$BUILD" --target BriefingFuzz "${SANITIZE[@]}"
    local bin
    bin="$(swift build -c release --build-path "$BUILD" --show-bin-path)"
    # Every library object SwiftPM built (not the command line's main, not tests).
    local objects=()
    while IFS= read -r o; do objects+=("$o"); done < <(
        find "$bin" -path "$bin/briefing.build" -prune -o -path "*Tests.build" -prune -o \
            -path "$bin/*.build/*.o" -print | sort)
    local cflags=()
    for f in $(pkg-config --cflags-only-I pangocairo libxml-2.0); do cflags+=(-Xcc "$f"); done
    # Written beside and renamed: fuzzers may be running the previous driver.
    swiftc -O -sanitize=fuzzer,address -parse-as-library Fuzz/Driver.swift -o "$DRIVER.new" \
        -I "$bin/Modules" \
        -Xcc -fmodule-map-file=Sources/CCairo/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
        -Xcc -fmodule-map-file="$BUILD/checkouts/Yams/Sources/CYaml/include/module.modulemap" \
        -Xcc -fmodule-map-file="$BUILD/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap" \
        "${cflags[@]}" "${objects[@]}" \
        $(pkg-config --libs pangocairo libxml-2.0) -lsqlite3 -lz 2> >(grep -v "Cannot export local symbol" >&2)
    mv -f "$DRIVER.new" "$DRIVER"
    echo "built $DRIVER"
}

# Seed corpora, assembled from the project's own files at every run (nothing is committed).
seeds() {
    local s="$WORK/seeds"
    rm -rf "$s"
    for t in "${TARGETS[@]}"; do mkdir -p "$s/$t"; done
    cp seeds/*.txt Tests/Fixtures/unseen/*.txt "$s/readout-txt/"
    cp seeds/*.txt Tests/Fixtures/unseen/*.md "$s/readout-md/"
    cp Tests/Fixtures/unseen/*.html "$s/readout-html/"
    cp layouts/book.yaml layouts/brief.yaml layouts/letter-book.yaml "$s/layout/"
    cp layouts/taxonomy.yaml layouts/names.yaml layouts/meetings.yaml layouts/commitments.yaml "$s/configuration/"
    for f in layouts/people/*.yaml; do cp "$f" "$s/configuration/people-$(basename "$f")"; done
    for d in layouts/relationships/*/; do
        for f in "$d"*.yaml; do cp "$f" "$s/configuration/$(basename "$d")-$(basename "$f")"; done
    done
    cp seeds/manifest.yaml "$s/manifest/"
    cp Tests/Fixtures/corrections/corrections.yaml "$s/corrections/"
    cp layouts/schedules.yaml "$s/schedules/"
    for f in Tests/Fixtures/unseen/*.md; do
        awk 'NR == 1 && $0 == "---" { inside = 1; next } inside && ($0 == "---" || $0 == "...") { exit } inside { print }' \
            "$f" > "$s/front-matter/$(basename "$f" .md).yaml"
    done
    # Analyses: each seed readout alone, and all of them, as `analyze --json` writes them.
    [ -x "$RELEASE" ] || swift build -c release --product briefing
    local tmp
    tmp="$(mktemp -d)"
    for f in seeds/*.txt; do
        mkdir -p "$tmp/in-$(basename "$f")"
        cp "$f" "$tmp/in-$(basename "$f")/"
        "$RELEASE" analyze --input "$tmp/in-$(basename "$f")" --json "$s/analysis/$(basename "$f" .txt).json" --quiet 2>/dev/null || true
    done
    "$RELEASE" analyze --input seeds --json "$s/analysis/seeds.json" --quiet 2>/dev/null || true
    rm -rf "$tmp"
    cp "$s"/analysis/* "$s/render/"
    # Every crash ever fixed is a seed too.
    for t in "${TARGETS[@]}"; do
        [ -d "Tests/Fixtures/fuzz/$t" ] && cp Tests/Fixtures/fuzz/"$t"/* "$s/$t/" 2>/dev/null || true
    done
    for t in "${TARGETS[@]}"; do echo "$t: $(ls "$s/$t" | wc -l) seeds"; done
}

max_len() {
    case "$1" in
        readout-*) echo 32768 ;;
        analysis|render) echo 65536 ;;
        configuration) echo 49152 ;;
        *) echo 16384 ;;
    esac
}

dict() {
    case "$1" in
        readout-*|front-matter) echo "Fuzz/readout.dict" ;;
        analysis|render) echo "Fuzz/json.dict" ;;
        *) echo "Fuzz/yaml.dict" ;;
    esac
}

run_target() {
    local t="$1"
    mkdir -p "$WORK/corpus/$t" "$WORK/crashes/$t" "$WORK/logs"
    local log="$WORK/logs/$t.$(date +%Y%m%d-%H%M%S).log"
    echo "fuzzing $t for $SECONDS_EACH s (log: $log)"
    set +e
    BRIEFING_FUZZ_TARGET="$t" BRIEFING_FUZZ_LAYOUTS="$ROOT/layouts" SWIFT_BACKTRACE=enable=no \
        ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" \
        nice -n 19 "$DRIVER" "$WORK/corpus/$t" "$WORK/seeds/$t" \
        -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=3072 -max_len="$(max_len "$t")" \
        -dict="$(dict "$t")" -artifact_prefix="$WORK/crashes/$t/" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} >"$log" 2>&1
    local rc=$?
    set -e
    local done
    done="$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)"
    echo "  $t: exit $rc; $done"
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | sed 's/^/  /' || true
    if [ "$rc" -ne 0 ]; then
        grep -E 'Fatal error|ERROR: |invariant|deadly signal|Test unit written' "$log" | head -5 | sed 's/^/  /'
        return 1
    fi
}

run() {
    [ -x "$DRIVER" ] || build
    [ -d "$WORK/seeds" ] || seeds
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
    local failed=0
    for t in "${targets[@]}"; do run_target "$t" || failed=1; done
    if [ "$failed" -ne 0 ]; then
        echo "crashes under $WORK/crashes: fix them, then copy each to Tests/Fixtures/fuzz/<target>/"
        exit 1
    fi
}

repro() {
    local t="$1"; shift
    [ -x "$DRIVER" ] || build
    BRIEFING_FUZZ_TARGET="$t" BRIEFING_FUZZ_LAYOUTS="$ROOT/layouts" SWIFT_BACKTRACE=enable=no \
        ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$DRIVER" "$@"
}

# Per target, over every run logged in FUZZ_WORK: time, executions, the last coverage
# (cov: edges, ft: features), the corpus, and the crash files written.
stats() {
    python3 - "$WORK" "${TARGETS[@]}" <<'PY'
import glob, os, re, sys
work, targets = sys.argv[1], sys.argv[2:]
print(f"{'target':14} {'hours':>6} {'executions':>12} {'cov':>6} {'ft':>7} {'corpus':>7}  crash files")
for t in targets:
    secs = execs = 0
    cov = ft = "-"
    for log in sorted(glob.glob(os.path.join(work, "logs", f"{t}.*.log"))):
        text = open(log, errors="replace").read()
        m = re.search(r"Done (\d+) runs in (\d+) second", text)
        if m:
            execs += int(m.group(1)); secs += int(m.group(2))
        else:  # stopped by a crash: the last status line
            lines = re.findall(r"^#(\d+)\s.*exec/s: (\d+)", text, re.M)
            if lines:
                n, rate = map(int, lines[-1])
                execs += n; secs += n // max(rate, 1)
        for c, f in re.findall(r"cov: (\d+) ft: (\d+)", text)[-1:]:
            cov, ft = c, f
    corpus = len(os.listdir(os.path.join(work, "corpus", t))) if os.path.isdir(os.path.join(work, "corpus", t)) else 0
    crashes = sorted(os.listdir(os.path.join(work, "crashes", t))) if os.path.isdir(os.path.join(work, "crashes", t)) else []
    kinds = {}
    for c in crashes:
        k = c.split("-")[0]
        kinds[k] = kinds.get(k, 0) + 1
    print(f"{t:14} {secs / 3600:6.2f} {execs:12,} {cov:>6} {ft:>7} {corpus:7}  {', '.join(f'{v} {k}' for k, v in kinds.items()) or '-'}")
PY
}

case "${1:-run}" in
    build) build ;;
    seeds) seeds ;;
    run) shift || true; run "$@" ;;
    repro) shift; repro "$@" ;;
    stats) stats ;;
    *) echo "usage: $0 build | seeds | run [target ...] | repro target file ... | stats" >&2; exit 64 ;;
esac
