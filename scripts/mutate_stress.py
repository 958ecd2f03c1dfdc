#!/usr/bin/env python3
"""Mutation stress for `briefing analyze`: thousands of mutated readouts in one folder.

Each run draws a new random seed (printed, and reusable with --seed), mutates readouts from the
source folders (flipped bytes, cuts, splices of two readouts, inserted Unicode and readout
phrases, lines of bare structure such as a lone bullet or marker, duplicated and dropped lines,
HTML and front-matter wrappers, re-encodings) and runs the
release binary once over the whole folder. The run must end within --timeout seconds with exit
status 0 or 1 (never a signal), print only `path:line: error|warning: ...` diagnostics on
standard error, write a valid export in which no readout reported as an error appears, name
every readout either as a meeting or in a diagnostic, count the failed ones in its summary, and
stay under --max-rss MB. When a run fails, the folder is kept and the culprit files are found by
running them one by one.

  scripts/mutate_stress.py [--binary .build/release/briefing] [--count 3000] [--runs 1]
                           [--source DIR ...] [--seed N] [--keep DIR]

Sources default to the project's seeds and unseen fixtures; other folders of real readouts can
be given with --source (nothing derived from them is written outside the temporary folder).
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DIAG = re.compile(r"^(.+):(\d+): (error|warning): .+")

PHRASES = [
    "The two leaders agreed to", "confirmed that they will", "Prime Minister Abe", "President Trump",
    "the Honorable", "Mr. Shinzo Abe, Prime Minister of Japan,", "for approximately one hour and",
    "for 9223372036854775807 hours", "an hour and a half", "at 1:30 p.m.", "at 99:99 a.m.", "On March 9",
    "Nov. 6", "October 28th", "2018-03-09", "today", "on Friday", "1. ", "(2) ", "Abe: ", "Back to top",
    "photo1:", "print PRINT", "shared the view that", "will continue to", "signed", "North Korea",
    "a free and open Indo-Pacific", "maximum pressure", "telephone talk", "summit meeting", "They",
    "H.E.", "U.S.", "a.m.", "\"", "'", "(", ")", "--", "\u2014", ":", ";", "...", "\t", "\r", "\r\n", "\n\n",
]
# Lines whose shape the line classifier keys on, alone or nearly so.
SHAPES = ["\u2022", "- ", "-", "* ", "1.", "1. ", "(2)", "(a) ", "II.", "#", "## ", "Abe:", "Abe: We", "---", "...",
          "<br>", "&nbsp;", "\u3000", "\u30fb", "print PRINT", "Back to", "photo1:", "(PDF)", "Related", "Tags:", "\t",
          "March 9, 2018", "2018-03-09", "Nov. 6", "1:30 p.m.", "Opening remarks", "(1) ", "\uff08\uff11\uff09", "\"", "\u201c"]
UNICODE = ["\u00e9", "\u0301", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd", "\u3002", "\u65e5\u672c",
           "\U0001F1EF\U0001F1F5", "\u00a0", "\u2028", "\u0000", "\ud7ff", "\U0010ffff", "\u0130", "\u00df",
           "\ufb01", "\u1e9e", "\u2163", "\uff11\uff12", "\u0660"]


def load_sources(dirs):
    out = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.rsplit(".", 1)[-1].lower() in ("txt", "md", "html", "htm"):
                with open(os.path.join(d, name), "rb") as f:
                    out.append((name.rsplit(".", 1)[-1].lower(), f.read()))
    if not out:
        raise SystemExit("no readouts in the source folders")
    return out


def mutate(rng, sources):
    ext, data = rng.choice(sources)
    b = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3, 5, 8])):
        op = rng.randrange(13)
        if op == 0 and b:  # flip bytes
            for _ in range(rng.randint(1, 16)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        elif op == 1 and b:  # cut
            i = rng.randrange(len(b))
            j = min(len(b), i + rng.randint(1, max(1, len(b) // 3)))
            del b[i:j]
        elif op == 2:  # truncate
            b = b[: rng.randrange(len(b) + 1)]
        elif op == 3:  # splice with another readout
            _, other = rng.choice(sources)
            i, j = rng.randrange(len(b) + 1), rng.randrange(len(other) + 1)
            b = b[:i] + other[j:j + rng.randint(1, 4000)] + b[i:]
        elif op == 4:  # insert a readout phrase
            i = rng.randrange(len(b) + 1)
            b[i:i] = rng.choice(PHRASES).encode()
        elif op == 5:  # insert Unicode
            i = rng.randrange(len(b) + 1)
            b[i:i] = rng.choice(UNICODE).encode("utf-8", "surrogatepass")
        elif op == 6:  # duplicate or drop lines
            lines = bytes(b).split(b"\n")
            if lines:
                k = rng.randrange(len(lines))
                if rng.random() < 0.5:
                    lines[k:k] = [lines[k]] * rng.randint(1, 50)
                else:
                    del lines[k:k + rng.randint(1, 5)]
            b = bytearray(b"\n".join(lines))
        elif op == 7:  # HTML wrapper
            body = bytes(b).replace(b"\n", b"</p>\n<p>")
            head = rng.choice([b"", b"<head><title>Readout</title><meta name=\"date\" content=\"2019-09-16\"></head>",
                               b"<head><script>var x = '</p>';</script></head>"])
            b = bytearray(b"<!DOCTYPE html><html>" + head + b"<body><p>" + body + b"</p></body></html>")
            ext = rng.choice(["html", "htm", "txt"])
        elif op == 8:  # front matter wrapper
            fm = rng.choice([b"date: 2019-05-14\n", b"date: [2019\n", b"title: \"x\n", b"date: 2019-02-30\n",
                             b"place: Tokyo\nkind: telephone talk\n", b"- a\n- b\n", b"a: &x [*x]\n", b""])
            b = bytearray(b"---\n" + fm + rng.choice([b"---\n", b"...\n", b""]) + bytes(b))
            ext = "md"
        elif op == 9:  # re-encode
            try:
                text = bytes(b).decode("utf-8")
                b = bytearray(text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]),
                                          errors="replace"))
            except UnicodeDecodeError:
                pass
        elif op == 10 and b:  # repeat a chunk
            i = rng.randrange(len(b))
            chunk = b[i:i + rng.randint(1, 200)]
            b[i:i] = chunk * rng.randint(2, 200)
        elif op == 12:  # a line of structure: a bullet, a marker, a heading, a date alone
            lines = bytes(b).split(b"\n")
            k = rng.randrange(len(lines) + 1)
            lines[k:k] = [(rng.choice(["", " ", "  "]) + rng.choice(SHAPES) + rng.choice(["", " ", "\r"])).encode()]
            b = bytearray(b"\n".join(lines))
        elif op == 11:  # random bytes
            i = rng.randrange(len(b) + 1)
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return ext, bytes(b)


def run(binary, folder, out, timeout):
    """Exit status (negative for a signal, None for a hang), wall seconds, the child's peak RSS
    in MB (from wait4) and its standard error."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        # Under /usr/bin/time: a child forked from this (large) process and exec'd keeps the
        # parent's high-water RSS in its own rusage; time's is small.
        rss_file = out + ".rss"
        p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file, binary, "analyze", "--input", folder,
                              "--json", out, "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=err, env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                return None, time.perf_counter() - start, 0, ""
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    rss, code = peak_rss(rss_file, p.returncode)
    return code, time.perf_counter() - start, rss, text


def peak_rss(rss_file, code):
    """The peak RSS in MB that /usr/bin/time wrote, and the command's own exit status (time
    reports a signal as "Command terminated by signal N" and exits 128 + N... or the status)."""
    rss, signal = 0.0, None
    for line in open(rss_file).read().splitlines() if os.path.exists(rss_file) else []:
        if line.strip().isdigit():
            rss = int(line) / 1024.0
        m = re.search(r"terminated by signal (\d+)", line)
        if m:
            signal = int(m.group(1))
    return rss, -signal if signal else code


def check(folder, names, code, wall, rss, err, out, a):
    problems = []
    if code is None:
        return [f"did not end within {a.timeout} s"]
    if code < 0 or code not in (0, 1):
        problems.append(f"exit status {code}" + (" (signal)" if code < 0 else ""))
    if rss >= a.max_rss:
        problems.append(f"peak RSS {rss:.0f} MB")
    named = {}
    for line in err.splitlines():
        m = DIAG.match(line)
        if not m:
            problems.append(f"not a diagnostic: {line[:200]}")
            continue
        named.setdefault(os.path.basename(m.group(1)), set()).add(m.group(3))
    if code in (0, 1):
        try:
            export = json.load(open(out))
        except Exception as e:  # noqa: BLE001 - any failure to read it is the finding
            return problems + [f"export unreadable: {e}"]
        meetings = {m["file"] for m in export["meetings"]}
        failed = {n for n, s in named.items() if "error" in s}
        if meetings & failed:
            problems.append(f"{len(meetings & failed)} readouts reported as errors are in the export, e.g. {sorted(meetings & failed)[:3]}")
        silent = [n for n in names if n not in meetings and n not in named]
        if silent:
            problems.append(f"{len(silent)} readouts neither analysed nor named, e.g. {silent[:3]}")
        if export["summary"]["failed"] != len(failed & set(names)):
            problems.append(f"summary.failed {export['summary']['failed']} != {len(failed & set(names))}")
        if (code == 1) != bool(failed & set(names)):
            problems.append(f"exit {code} with {len(failed & set(names))} failed readouts")
    return problems


def culprits(binary, folder, names, timeout):
    """Runs each file alone; returns those that crash or hang."""
    bad = []
    tmp = tempfile.mkdtemp(prefix="briefing-culprit-")
    for n in names:
        one = os.path.join(tmp, "one")
        shutil.rmtree(one, ignore_errors=True)
        os.makedirs(one)
        shutil.copy(os.path.join(folder, n), one)
        code, wall, _, _ = run(binary, one, os.path.join(tmp, "a.json"), timeout)
        if code is None or code not in (0, 1):
            bad.append((n, code))
    shutil.rmtree(tmp, ignore_errors=True)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/briefing"))
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--source", action="append")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--max-rss", type=float, default=600)
    ap.add_argument("--keep", help="write the folder here and keep it")
    a = ap.parse_args()
    sources = load_sources(a.source or [os.path.join(ROOT, "seeds"), os.path.join(ROOT, "Tests/Fixtures/unseen")])
    failures = 0
    for r in range(a.runs):
        seed = a.seed if a.seed is not None and r == 0 else random.SystemRandom().randrange(2**32)
        rng = random.Random(seed)
        base = a.keep or tempfile.mkdtemp(prefix="briefing-mutate-")
        folder = os.path.join(base, "readouts")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        names = []
        for i in range(a.count):
            ext, data = mutate(rng, sources)
            name = f"m{i:05d}.{ext}"
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            names.append(name)
        out = os.path.join(base, "analysis.json")
        code, wall, rss, err = run(a.binary, folder, out, a.timeout)
        problems = check(folder, names, code, wall, rss, err, out, a)
        n_err = sum(1 for l in err.splitlines() if ": error: " in l)
        print(f"run {r + 1}: seed {seed}, {a.count} readouts, exit {code}, {wall:.1f} s, peak RSS {rss:.0f} MB, "
              f"{n_err} errors", flush=True)
        if problems:
            failures += 1
            print("  FAIL:\n    " + "\n    ".join(problems[:20]))
            if code is None or code not in (0, 1):
                for n, c in culprits(a.binary, folder, names, min(a.timeout, 30)):
                    print(f"    culprit: {os.path.join(folder, n)} (exit {c})")
            print(f"  folder kept: {folder}")
        elif not a.keep:
            shutil.rmtree(base, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
