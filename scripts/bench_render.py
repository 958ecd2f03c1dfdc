#!/usr/bin/env python3
"""Render benchmark: times and peak RSS of `briefing book`, `brief` and `chart --all`.

For the seeds and for generated corpora (default 1,000, 10,000 and 50,000 readouts, made with
`briefing-corpus readouts`), it measures, each in a fresh process:
  - the book from a saved analysis (median of --runs), and its peak RSS;
  - the book end to end from the readouts (--input DIR), and its peak RSS;
  - the one-page brief from the saved analysis;
  - `chart --all` in pdf, svg and png, per chart.
It also renders the book from a synthetic analysis with 50,000 meetings and 220 threads
(`briefing-corpus analysis`), heavier in threads than the generated corpora.

It compares the PNG encoders side by side: `chart --all --format png` with ImageDeflate and with
zlib's fastest level (BRIEFING_PNG_DEFLATE=zlib), alternating. With --against OTHER_BINARY it
also runs `chart --all` of both binaries side by side on the same saved analyses.

Peak RSS is the child's own ru_maxrss (os.wait4), not the benchmark's. Timings are wall-clock
on whatever else the machine is doing; the table says the number of runs.

  python3 scripts/bench_render.py --binary .build/release/briefing
  python3 scripts/bench_render.py --binary .build/release/briefing --sizes 1000 --runs 1
  python3 scripts/bench_render.py --sizes 10000 --against /tmp/briefing-before --against-formats png
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# matplotlib + ReportLab on this machine, from issue 4 (book of N generated readouts).
BASELINE_BOOK_SECONDS = {1000: (38.0, 41.0), 10000: (280.0, 280.0)}
BASELINE_CHART_MS = (33.0, 89.0)


LAST_STDERR = [""]
LAST_CPU = [0.0]


def measure_rss(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB) from the child's own rusage (wait4).
    Its CPU seconds (user + system) are left in LAST_CPU, its standard error in LAST_STDERR."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=dict(os.environ, **(env or {})))
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # analyze exits 1 when some readout failed; the rest is still written
        sys.stderr.write(err.decode(errors="replace")[-2000:])
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}")
    LAST_STDERR[0] = err.decode(errors="replace")
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024


def median_run(cmd, runs, env=None):
    """Median wall time, max peak RSS, median CPU time over `runs` fresh processes."""
    results = []
    for _ in range(runs):
        t, r = measure_rss(cmd, env)
        results.append((t, r, LAST_CPU[0]))
    return statistics.median(t for t, _, _ in results), max(r for _, r, _ in results), statistics.median(c for _, _, c in results)


def trace_seconds(stderr, step_prefix):
    """Seconds of a BRIEFING_TRACE step ("trace: 17 charts    0.123 s")."""
    for line in stderr.splitlines():
        if line.startswith("trace: ") and line[7:].startswith(step_prefix):
            return float(line.split()[-2])
    return None


def charts_side_by_side(variants, analysis, layouts, formats, runs, work):
    """`chart --all` of several (label, binary, environment) variants on one analysis, alternating;
    per format, per variant: medians of (chart step, process wall, process CPU) in ms."""
    out = {}
    for fmt in formats:
        samples = {label: [] for label, _, _ in variants}
        for _ in range(runs):
            for label, exe, env in variants:
                folder = os.path.join(work, f"side-{fmt}-{label.replace(' ', '-')}")
                wall, _ = measure_rss([exe, "chart", "--analysis", analysis, "--layouts", layouts, "--all", "--format", fmt,
                                       "-o", folder], env=dict(env, BRIEFING_TRACE="1"))
                count = len([f for f in os.listdir(folder) if f.endswith("." + fmt)])
                step = trace_seconds(LAST_STDERR[0], f"{count} charts") or 0
                samples[label].append((step * 1000, wall * 1000, LAST_CPU[0] * 1000))
        out[fmt] = [(label, tuple(statistics.median(s[i] for s in samples[label]) for i in range(3))) for label, _, _ in variants]
    return out


def print_side_by_side(title, results):
    """One table: each variant's chart step / process wall / CPU, and the wall against the first."""
    print()
    print(title)
    print("| corpus | format | variant | chart step | process wall | process CPU | wall vs first |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, per_format in results:
        for fmt, rows in per_format.items():
            base = rows[0][1][1]
            for label, (step, wall, cpu) in rows:
                print(f"| {name} | {fmt} | {label} | {step:.0f} ms | {wall:.0f} ms | {cpu:.0f} ms | {(wall - base) / base * 100:+.1f}% |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/briefing"))
    ap.add_argument("--corpus-tool", default=os.path.join(ROOT, ".build/release/briefing-corpus"))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "briefing-render-bench"),
                    help="folder for corpora and outputs")
    ap.add_argument("--sizes", default="1000,10000,50000", help="generated corpus sizes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--against", help="another briefing binary to run `chart --all` beside this one")
    ap.add_argument("--against-formats", default="pdf,svg,png")
    ap.add_argument("--against-runs", type=int, default=7)
    ap.add_argument("--encoder-runs", type=int, default=9, help="runs of the PNG encoder comparison")
    args = ap.parse_args()
    b = os.path.abspath(args.binary)
    os.makedirs(args.work, exist_ok=True)
    layouts = os.path.join(ROOT, "layouts")
    rows = []

    side_by_side, png_encoders = [], []
    corpora = [("seeds", os.path.join(ROOT, "seeds"), None)]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        folder = os.path.join(args.work, f"c{n}")
        if not os.path.isdir(folder):
            print(f"generating {n} readouts into {folder} ...", flush=True)
            subprocess.run([args.corpus_tool, "readouts", "--count", str(n), "--seed", "11",
                            "--formats", "txt,md,html", "--out", folder], check=True, stdout=subprocess.DEVNULL)
        corpora.append((f"{n:,} generated", folder, n))

    for name, folder, n in corpora:
        analysis = os.path.join(args.work, f"{os.path.basename(folder)}.json")
        t_an, rss_an = measure_rss([b, "analyze", "--input", folder, "--layouts", layouts, "--json", analysis, "--quiet"])
        book = os.path.join(args.work, f"{os.path.basename(folder)}-book.pdf")
        t_book, rss_book, cpu_book = median_run([b, "book", "--analysis", analysis, "--layouts", layouts, "-o", book], args.runs)
        t_e2e, rss_e2e = measure_rss([b, "book", "--input", folder, "--layouts", layouts, "-o", book])
        t_brief, rss_brief, _ = median_run([b, "brief", "--analysis", analysis, "--layouts", layouts,
                                         "-o", os.path.join(args.work, f"{os.path.basename(folder)}-brief.pdf")], args.runs)
        pages = subprocess.run(["pdfinfo", book], capture_output=True, text=True).stdout
        pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
        chart_ms, chart_total_ms = {}, {}
        for fmt in ("pdf", "svg", "png"):
            out = os.path.join(args.work, f"{os.path.basename(folder)}-charts-{fmt}")
            draws = []
            for _ in range(args.runs):
                t, _ = measure_rss([b, "chart", "--analysis", analysis, "--layouts", layouts, "--all", "--format", fmt, "-o", out],
                                   env={"BRIEFING_TRACE": "1"})
                draws.append((t, trace_seconds(LAST_STDERR[0], "") or 0, LAST_STDERR[0]))
            count = len([f for f in os.listdir(out) if f.endswith("." + fmt)])
            # Drawing and writing the charts, measured inside the process (after the analysis is loaded).
            per = [trace_seconds(e, f"{count} charts") for _, _, e in draws]
            chart_ms[fmt] = 1000 * statistics.median(x for x in per if x is not None) / max(count, 1)
            chart_total_ms[fmt] = 1000 * statistics.median(t for t, _, _ in draws) / max(count, 1)
        # The PNG encoder: ImageDeflate (the default) against zlib's fastest level, as a user sees it.
        png_encoders.append((name, charts_side_by_side(
            [("ImageDeflate", b, {}), ("zlib level 1", b, {"BRIEFING_PNG_DEFLATE": "zlib"})],
            analysis, layouts, ["png"], args.encoder_runs, args.work)))
        if args.against:
            side_by_side.append((name, charts_side_by_side(
                [("this", b, {}), ("other", os.path.abspath(args.against), {})],
                analysis, layouts, args.against_formats.split(","), args.against_runs, args.work)))
        rows.append(dict(name=name, n=n, analyze=t_an, book=t_book, cpu_book=cpu_book, rss_book=rss_book, e2e=t_e2e,
                         rss_e2e=rss_e2e, brief=t_brief, pages=pages, charts=chart_ms, charts_total=chart_total_ms))
        print(f"{name}: analyze {t_an:.2f}s, book {t_book:.3f}s wall {cpu_book:.3f}s cpu ({pages} pages, {rss_book:.0f} MB), "
              f"end to end {t_e2e:.2f}s ({rss_e2e:.0f} MB), brief {t_brief:.3f}s, "
              f"chart pdf/svg/png {chart_ms['pdf']:.1f}/{chart_ms['svg']:.1f}/{chart_ms['png']:.1f} ms drawn, "
              f"{chart_total_ms['pdf']:.1f}/{chart_total_ms['svg']:.1f}/{chart_total_ms['png']:.1f} ms with start-up and load",
              flush=True)

    synth = os.path.join(args.work, "synthetic-50k.json")
    subprocess.run([args.corpus_tool, "analysis", "--meetings", "50000", "--threads", "220", "-o", synth], check=True)
    t_syn, rss_syn, cpu_syn = median_run([b, "book", "--analysis", synth, "--layouts", layouts,
                                 "-o", os.path.join(args.work, "synthetic-50k-book.pdf")], args.runs)

    print()
    load = os.getloadavg()
    print(f"Render benchmark ({args.runs} run(s), median; peak RSS of the process; load average {load[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    print("| corpus | analyze | book from analysis (wall / cpu) | pages | peak RSS | book end to end | peak RSS | brief "
          "| chart drawn pdf / svg / png | chart with start-up and load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        c, ct = r["charts"], r["charts_total"]
        print(f"| {r['name']} | {r['analyze']:.2f} s | {r['book']:.3f} s / {r['cpu_book']:.3f} s | {r['pages']} | {r['rss_book']:.0f} MB "
              f"| {r['e2e']:.2f} s | {r['rss_e2e']:.0f} MB | {r['brief']:.3f} s | {c['pdf']:.1f} / {c['svg']:.1f} / {c['png']:.1f} ms "
              f"| {ct['pdf']:.1f} / {ct['svg']:.1f} / {ct['png']:.1f} ms |")
    print(f"| synthetic 50,000 meetings, 220 threads | | {t_syn:.3f} s / {cpu_syn:.3f} s | | {rss_syn:.0f} MB | | | | | |")
    print_side_by_side(f"PNG compression in `chart --all --format png` ({args.encoder_runs} alternating runs each, median)",
                       png_encoders)
    if side_by_side:
        print_side_by_side(f"`chart --all` of this binary ({b}) and --against ({os.path.abspath(args.against)}), "
                           f"{args.against_runs} alternating runs each, median", side_by_side)

    print()
    print("Against the targets and the matplotlib + ReportLab baseline (issue 4, same machine kind):")
    ok = lambda x: "ok" if x else "MISSED"
    for r in rows:
        if r["n"] in BASELINE_BOOK_SECONDS:
            lo, hi = BASELINE_BOOK_SECONDS[r["n"]]
            print(f"  book, {r['n']:,} readouts: {r['book']:.3f} s vs {lo:.0f}–{hi:.0f} s -> {lo / r['book']:.0f}–{hi / r['book']:.0f}x faster "
                  f"(target 20x)")
        if r["n"] == 50000:
            print(f"  50,000 book from analysis {r['book']:.2f} s (target < 3 s: {ok(r['book'] < 3)}); end to end {r['e2e']:.2f} s "
                  f"(target < 15 s: {ok(r['e2e'] < 15)}); peak RSS {max(r['rss_book'], r['rss_e2e']):.0f} MB (target < 500 MB: "
                  f"{ok(max(r['rss_book'], r['rss_e2e']) < 500)})")
    worst = max(max(r["charts"].values()) for r in rows)
    seeds = rows[0]["charts"]
    # The issue's chart figure is per chart on the seeds, amortised in one `chart --all` process (the
    # first chart carries font loading); larger corpora draw heavier overview charts (thousands of
    # timeline marks), so their worst is shown beside it rather than folded into it.
    print(f"  standalone chart with --all on the seeds, drawn and written: pdf {seeds['pdf']:.1f} ms, svg {seeds['svg']:.1f} ms, "
          f"png {seeds['png']:.1f} ms a chart (target < 5 ms: {' / '.join(ok(seeds[f] < 5) for f in ('pdf', 'svg', 'png'))})")
    print(f"  worst over every corpus and format: {worst:.1f} ms a chart (matplotlib "
          f"{BASELINE_CHART_MS[0]:.0f}–{BASELINE_CHART_MS[1]:.0f} ms a figure -> {BASELINE_CHART_MS[0] / worst:.0f}x or more)")
    print("  The baseline figures are the issue's, measured on this machine kind, not re-run here (matplotlib and")
    print("  ReportLab are not installed); wall times depend on what else the machine is running (load average above).")


if __name__ == "__main__":
    main()
