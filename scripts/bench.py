#!/usr/bin/env python3
"""Benchmark `briefing analyze` on generated corpora of 10,000 and 50,000 readouts.

Runs are interleaved (10k, 50k, 10k, 50k, ...) so that the shared machine's noise falls on
both sizes alike; reports readouts/s as min/median/max over the runs, peak RSS per size, and
the 50k/10k time ratio from the medians, and the instructions a readout takes (perf stat, or
valgrind's callgrind where the machine has no hardware counters). Corpora are generated once
with `briefing-corpus readouts` (seed 11, txt+md+html) and kept in --workdir.

  scripts/bench.py --binary .build/release/briefing [--runs 5] [--sizes 10000,50000]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def corpus(tool, workdir, count):
    path = os.path.join(workdir, f"corpus-{count}")
    done = os.path.join(path, ".complete")
    if not os.path.exists(done):
        shutil.rmtree(path, ignore_errors=True)
        print(f"generating {count} readouts into {path} ...", flush=True)
        subprocess.run([tool, "readouts", "--count", str(count), "--seed", "11", "--formats", "txt,md,html",
                        "--out", path, "--truth", path + ".truth.jsonl"], check=True)
        open(done, "w").close()
    return path


def instructions(binary, args):
    """User-space instructions of one run: perf stat where the machine counts them, else
    callgrind (on a copy without debug information, which valgrind 3.19 cannot read)."""
    if shutil.which("perf"):
        p = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", binary] + args,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        counts = [line.split(",")[0] for line in p.stderr.splitlines() if "instructions" in line]
        if counts and counts[0].isdigit():
            return int(counts[0])
    if shutil.which("valgrind") and shutil.which("objcopy"):
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "briefing")
            subprocess.run(["objcopy", "--strip-debug", binary, copy], check=True)
            p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.path.join(tmp, "out"), copy] + args,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            m = re.search(r"Collected : (\d+)", p.stderr)
            if m:
                return int(m.group(1))
    return None


def run(binary, folder, out):
    """One run: wall seconds and peak RSS (MB) of the child, from wait4's rusage."""
    start = time.perf_counter()
    p = subprocess.Popen([binary, "analyze", "--input", folder, "--json", out, "--quiet"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: some readouts failed (reported), still a complete run
        raise SystemExit(f"briefing exited {code} on {folder}")
    return wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/briefing"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10000,50000")
    ap.add_argument("--corpus-tool", default=os.path.join(ROOT, ".build/release/briefing-corpus"))
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "briefing-bench-analyze"))
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    folders = {n: corpus(a.corpus_tool, a.workdir, n) for n in sizes}
    results = {n: [] for n in sizes}
    print(f"analyze: {a.runs} interleaved runs per size on {os.cpu_count()} cores", flush=True)
    for r in range(a.runs):
        for n in sizes:
            wall, rss, cpu = run(a.binary, folders[n], os.path.join(a.workdir, f"analysis-{n}.json"))
            results[n].append((wall, rss, cpu))
            print(f"  run {r + 1} {n:>6} readouts: {wall:6.2f} s  {n / wall:8.0f} readouts/s  "
                  f"cpu {cpu:6.2f} s  peak RSS {rss:6.1f} MB", flush=True)
    print()
    print(f"{'readouts':>9} {'readouts/s min':>15} {'median':>8} {'max':>8} {'median s':>9} {'cpu s':>7} {'peak RSS MB':>12}")
    medians = {}
    for n in sizes:
        rates = sorted(n / w for w, _, _ in results[n])
        med = statistics.median(w for w, _, _ in results[n])
        medians[n] = med
        cpu = statistics.median(c for _, _, c in results[n])
        rss = max(m for _, m, _ in results[n])
        print(f"{n:>9} {rates[0]:>15.0f} {statistics.median(rates):>8.0f} {rates[-1]:>8.0f} {med:>9.2f} {cpu:>7.2f} {rss:>12.1f}")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"time {large} / time {small} (medians): {medians[large] / medians[small]:.2f} "
              f"(linear would be {large / small:.1f})")
    # Wall time on a shared machine moves with its neighbours; the work done does not.
    n = sizes[0]
    count = instructions(a.binary, ["analyze", "--input", folders[n], "--json", os.path.join(a.workdir, f"analysis-{n}.json"),
                                    "--quiet"])
    if count:
        print(f"instructions (user space) per readout at {n}: {count / n / 1e6:.3f} million")

if __name__ == "__main__":
    main()
