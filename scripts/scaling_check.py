#!/usr/bin/env python3
"""Checks that `briefing analyze` does work linear in a readout's size, up to the size limit.

For each shape of hostile text (repeated readout text, one endless line, an endless sentence of
commitment cues, names, dates, numbers, quotes, brackets, list markers, HTML nesting and
attributes, front matter) it writes one readout of 1/16, 1/4 and all of the 2 MB limit and times
`analyze` on it alone. Linear work gives a ratio of about 4 between consecutive sizes; a ratio
above --max-ratio (default 6) on the larger pair, or a run over --max-seconds, is a failure.

  scripts/scaling_check.py [--binary .build/release/briefing] [--shape NAME ...]
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LIMIT = 2 << 20

HEAD = ("Japan-U.S. Summit Telephone Talk\nMarch 9, 2018\nOn March 9, Mr. Shinzo Abe, Prime Minister of Japan, "
        "held a telephone talk with the Honorable Donald Trump, President of the United States of America, "
        "for approximately one hour.\n")


def seed_text():
    with open(os.path.join(ROOT, "seeds", sorted(n for n in os.listdir(os.path.join(ROOT, "seeds")) if n.endswith(".txt"))[0])) as f:
        return f.read()


def repeat(unit, size, head=HEAD, tail=""):
    body = unit * ((size - len(head) - len(tail)) // max(1, len(unit)) + 1)
    return (head + body)[: size - len(tail)] + tail


SHAPES = {
    "repeated-readout": lambda n: repeat(seed_text(), n, head=""),
    "one-line": lambda n: repeat("The two leaders agreed to cooperate closely on North Korea. ", n),
    "endless-sentence": lambda n: repeat("the leaders agreed and confirmed that they will continue to cooperate and ", n),
    "cue-words": lambda n: repeat("agreed ", n),
    "no-spaces": lambda n: repeat("x", n),
    "names": lambda n: repeat("Prime Minister Abe and President Trump and Mr. Shinzo Abe and the Honorable Donald Trump, ", n),
    "unknown-names": lambda n: repeat("Minister Tanaka Ichiro and Secretary John Smith met Ambassador Kim Lee, ", n),
    "dates": lambda n: repeat("On March 9, 2018 and Nov. 6 and October 28th and 2018-03-09, ", n),
    "numbers": lambda n: repeat("1 hour 20 minutes 1:30 p.m. 12 ", n),
    "list-markers": lambda n: repeat("1.\n(2)\n3) ", n),
    "quotes": lambda n: repeat("\"He said 'we will' \u201cthey agreed\u201d ", n),
    "brackets": lambda n: repeat("( [ { ", n),
    "short-lines": lambda n: repeat("a\n", n),
    "blank-lines": lambda n: repeat("\n", n),
    "speakers": lambda n: repeat("Abe: We agreed to cooperate.\nTrump: We will continue.\n", n),
    "abbreviations": lambda n: repeat("U.S. Mr. H.E. a.m. p.m. Nov. ", n),
    "combining-marks": lambda n: repeat("a\u0301\u0302\u0303 ", n),
    "cjk": lambda n: repeat("\u65e5\u7c73\u9996\u8133\u4f1a\u8ac7\u3002", n),
    "html-nesting": lambda n: "<html><body>" + repeat("<div><b><i>", n - 40, head="") + "</body></html>",
    "html-attributes": lambda n: "<html><body><p " + repeat("class=\"nav menu x\" ", n - 40, head="") + ">x</p></body></html>",
    "html-paragraphs": lambda n: "<html><body>" + repeat("<p>The two leaders agreed to cooperate.</p>\n", n - 40, head="") + "</body></html>",
    "front-matter": lambda n: "---\n" + repeat("key: value\n", n - 200, head="") + "---\n" + HEAD,
}
EXT = {"html-nesting": "html", "html-attributes": "html", "html-paragraphs": "html", "front-matter": "md"}


def time_one(binary, text, ext, tmp):
    folder = os.path.join(tmp, "in")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    # Cut at the limit on a character boundary (a cut sequence would make it Windows-1252).
    data = text.encode("utf-8")[:LIMIT].decode("utf-8", "ignore").encode("utf-8")
    with open(os.path.join(folder, f"r.{ext}"), "wb") as f:
        f.write(data)
    start = time.perf_counter()
    p = subprocess.run([binary, "analyze", "--input", folder, "--json", os.path.join(tmp, "a.json"), "--quiet"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    wall = time.perf_counter() - start
    if p.returncode not in (0, 1):
        raise SystemExit(f"exit {p.returncode}: {p.stderr.decode(errors='replace')[-500:]}")
    return wall, len(data), os.path.getsize(os.path.join(tmp, "a.json"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/briefing"))
    ap.add_argument("--shape", action="append")
    ap.add_argument("--max-ratio", type=float, default=6.0)
    ap.add_argument("--max-seconds", type=float, default=10.0)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="briefing-scaling-")
    failures = []
    try:
        for name in a.shape or SHAPES:
            times = []
            for size in (LIMIT // 16, LIMIT // 4, LIMIT - 1):
                wall, n, out = time_one(a.binary, SHAPES[name](size), EXT.get(name, "txt"), tmp)
                times.append((n, wall, out))
            ratio = times[2][1] / max(times[1][1], 0.02)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            line = "  ".join(f"{n / 1024:6.0f} KB {w:6.2f} s" for n, w, _ in times)
            print(f"{name:18} {line}  ratio {ratio:4.1f}  export {times[2][2] / 1024:7.0f} KB  (peak RSS so far {peak:.0f} MB)", flush=True)
            if times[2][1] > 0.3 and ratio > a.max_ratio:
                failures.append(f"{name}: ratio {ratio:.1f}")
            if times[2][1] > a.max_seconds:
                failures.append(f"{name}: {times[2][1]:.1f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("FAIL: " + "; ".join(failures))
        sys.exit(1)
    print("OK: linear")


if __name__ == "__main__":
    main()
