#!/usr/bin/env python3
"""Builds a folder of good readouts mixed with hostile files and checks `briefing analyze` on it.

The good readouts are the project's seeds plus two written for the purpose (one saved as
UTF-16 with a byte-order mark, one under a file name that is not valid UTF-8). The hostile
files: a FIFO, a socket, a 33 MB file of repeated readout text, a 10 MB single line, 200,000
nested HTML tags (over and under the size limit), NUL bytes, random binary, an empty file, broken front matter, XML entity
definitions (as HTML and as text), UTF-16 without a byte-order mark, a folder named like a
readout, a link loop and a dangling link.

Checks: `analyze` ends within --timeout seconds and exits 1; every bad file is named in a
`path:line: error|warning:` diagnostic; the export holds every good readout and none of the
failed ones; the summary says how many failed; peak RSS (from wait4) stays under --max-rss MB.

  scripts/hostile_check.py [--binary .build/release/briefing] [--keep DIR]
"""
import argparse, json, os, random, re, shutil, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

GOOD_EXTRA = """Japan-U.S. Foreign Ministers' Telephone Talk
May 14, 2019
On May 14, commencing at 9:00 a.m. for approximately 20 minutes, Mr. Taro Kono, Minister for Foreign Affairs of Japan, held a telephone talk with the Honorable Michael R. Pompeo, Secretary of State of the United States.
1. The two ministers confirmed that they will continue to coordinate closely on North Korea.
2. Minister Kono expressed his intention to work together toward a free and open Indo-Pacific.
"""


def build(folder):
    """Writes the folder; returns (good names as the export names them, bad names)."""
    good, bad = [], []
    seeds = os.path.join(ROOT, "seeds")
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(seeds, name), folder)
            good.append(name)
    shutil.copy(os.path.join(seeds, "manifest.yaml"), folder)
    seed_text = open(os.path.join(seeds, sorted(good)[0]), encoding="utf-8").read()

    def write(name, data):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)

    write("utf16-bom.txt", GOOD_EXTRA.encode("utf-16"))
    good.append("utf16-bom.txt")
    raw_name = b"caf\xe9-readout.txt"
    with open(os.path.join(os.fsencode(folder), raw_name), "wb") as f:
        f.write(GOOD_EXTRA.replace("May 14", "May 15").encode())
    good.append("caf\\xE9-readout.txt")

    os.mkfifo(os.path.join(folder, "x.txt"))
    bad.append("x.txt")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(os.path.join(folder, "socket.txt"))
    bad.append("socket.txt")
    block = seed_text.encode()
    with open(os.path.join(folder, "huge.txt"), "wb") as f:
        while f.tell() < 33 * 1024 * 1024:
            f.write(block)
    bad.append("huge.txt")
    write("one-line.txt", (b"The two leaders agreed to cooperate closely on North Korea. " * 200_000)[: 10 * 1024 * 1024])
    bad.append("one-line.txt")
    write("nested.html", b"<html><body>" + b"<div>" * 200_000 + b"The leaders met." + b"</div>" * 200_000 + b"</body></html>")
    bad.append("nested.html")
    # Within the size limit, so parsed: libxml2 gives up past its depth limit.
    write("nested-inline.html", b"<html><body>" + b"<b>" * 200_000 + b"The leaders met." + b"</b>" * 200_000 + b"</body></html>")
    bad.append("nested-inline.html")
    write("nul.txt", block[:2000] + b"\x00" * 64 + block[2000:])
    bad.append("nul.txt")
    rnd = random.Random(7)
    write("binary.txt", bytes(rnd.randrange(256) for _ in range(65536)))
    bad.append("binary.txt")
    write("empty.txt", b"")
    bad.append("empty.txt")
    write("broken-front-matter.md", b"---\ndate: [2019-05-14\ntitle: \"unclosed\n---\n" + block)
    bad.append("broken-front-matter.md")
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE lolz [\n" + "\n".join(laughs) + "\n]>\n"
    write("entities.html", (doctype + "<html><body><p>&lol9;</p></body></html>\n").encode())
    bad.append("entities.html")
    write("entities.txt", (doctype + "&lol9;\n").encode())
    bad.append("entities.txt")
    write("utf16-no-bom.txt", GOOD_EXTRA.encode("utf-16-le"))
    bad.append("utf16-no-bom.txt")
    os.mkdir(os.path.join(folder, "folder.txt"))
    bad.append("folder.txt")
    os.symlink("loop.txt", os.path.join(folder, "loop.txt"))
    bad.append("loop.txt")
    os.symlink("nowhere.txt", os.path.join(folder, "dangling.txt"))
    bad.append("dangling.txt")
    return good, bad, s


def run(binary, args, timeout):
    """Exit status, wall seconds, the child's peak RSS in MB (from wait4), stdout, stderr."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # Under /usr/bin/time: a child forked from this (large) process and exec'd keeps the
        # parent's high-water RSS in its own rusage; time's is small.
        rss_file = err.name + ".rss" if isinstance(err.name, str) else os.path.join(tempfile.gettempdir(), f"rss-{os.getpid()}")
        p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file, binary] + args, stdout=out, stderr=err,
                             env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                p.kill()
                os.wait4(p.pid, 0)
                raise SystemExit(f"FAIL: `briefing {' '.join(args)}` did not end within {timeout} s")
            time.sleep(0.01)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        code, rss = os.waitstatus_to_exitcode(status), 0.0
        for line in open(rss_file).read().splitlines():
            if line.strip().isdigit():
                rss = int(line) / 1024.0
            m = re.search(r"terminated by signal (\d+)", line)
            if m:
                code = -int(m.group(1))
        os.remove(rss_file)
        return code, wall, rss, out.read().decode(errors="replace"), err.read().decode(errors="replace")


def one_error(what, code, wall, stderr, expected_codes):
    """The problems with a command that must fail with one `path:line: error:` line."""
    lines = [l for l in stderr.splitlines() if l.strip()]
    problems = []
    if code not in expected_codes:
        problems.append(f"{what}: exit {code}, expected {expected_codes}")
    if len(lines) != 1 or not re.match(r"^.+:\d+: error: ", lines[0]):
        problems.append(f"{what}: not one `path:line: error:` line: {lines[:3]}")
    print(f"  {what}: exit {code}, {wall:.2f} s: {lines[0] if lines else ''}")
    return problems


def check_renders(binary, base, export, timeout):
    """`brief`, `book` and `chart --analysis` on truncated, corrupted and hostile analyses."""
    print("render commands on bad analyses:")
    data = open(export, "rb").read()
    rnd = random.Random(11)
    cases = {
        "truncated-half.json": data[: len(data) // 2],
        "truncated-end.json": data[:-2],
        "empty.json": b"",
        "binary.json": bytes(rnd.randrange(256) for _ in range(4096)),
        "nested.json": b"{\"x\": " + b"[" * 500_000 + b"]" * 500_000 + b"}",
        "negative.json": re.sub(rb'"statement_count": ?', b'"statement_count":-', data, count=1),
        "huge-count.json": re.sub(rb'"mentions": ?\d+', b'"mentions":9223372036854775807', data, count=1),
        "year-zero.json": re.sub(rb'"year": ?\d+', b'"year":0', data, count=1),
        "newer.json": re.sub(rb'"format_version": ?1', b'"format_version":9', data, count=1),
        "not-analysis.json": b'{"hello": "world"}',
    }
    corrupted = bytearray(data)
    for _ in range(20):
        corrupted[rnd.randrange(len(corrupted))] = rnd.randrange(256)
    cases["corrupted.json"] = bytes(corrupted)
    problems = []
    for name, content in cases.items():
        path = os.path.join(base, name)
        with open(path, "wb") as f:
            f.write(content)
        code, wall, _, _, err = run(binary, ["brief", "--analysis", path, "-o", os.path.join(base, "brief.pdf")], timeout)
        if name == "corrupted.json" and code == 0:
            print(f"  {name}: read (the damage fell where it changes only text)")
            continue
        problems += one_error(f"brief {name}", code, wall, err, (65,))
    fifo = os.path.join(base, "fifo.json")
    os.mkfifo(fifo)
    for cmd in (["brief", "-o", os.path.join(base, "b.pdf")], ["book", "-o", os.path.join(base, "k.pdf")],
                ["chart", "--all", "-o", os.path.join(base, "charts")]):
        code, wall, _, _, err = run(binary, cmd + ["--analysis", fifo], timeout)
        problems += one_error(f"{cmd[0]} on a FIFO", code, wall, err, (66,))
    for cmd in (["book", "-o", os.path.join(base, "k.pdf")], ["chart", "--all", "-o", os.path.join(base, "charts")]):
        code, wall, _, _, err = run(binary, cmd + ["--analysis", os.path.join(base, "truncated-half.json")], timeout)
        problems += one_error(f"{cmd[0]} truncated-half.json", code, wall, err, (65,))
    code, wall, _, _, err = run(binary, ["brief", "--analysis", base, "-o", os.path.join(base, "b.pdf")], timeout)
    problems += one_error("brief on a folder", code, wall, err, (66,))
    return problems


def check_layouts(binary, base, export, timeout):
    """A damaged layout: one `file:line: error:` line, exit 78."""
    print("render commands with bad layouts:")
    problems = []
    book = open(os.path.join(ROOT, "layouts", "book.yaml"), "rb").read()
    cases = {
        "truncated.yaml": book[: len(book) // 3] + b"\n  margins: [1,\n",
        "latin1.yaml": book + b"\ntitle: caf\xe9\n",
        "binary.yaml": b"\xff\xfe\x00" + bytes(random.Random(3).randrange(256) for _ in range(2048)),
        "unknown-key.yaml": book + b"\nfoo: bar\n",
    }
    for name, content in cases.items():
        path = os.path.join(base, name)
        with open(path, "wb") as f:
            f.write(content)
        code, wall, _, _, err = run(binary, ["book", "--analysis", export, "--layout", path, "-o", os.path.join(base, "k.pdf")], timeout)
        problems += one_error(f"book --layout {name}", code, wall, err, (78,))
    fifo = os.path.join(base, "fifo.yaml")
    os.mkfifo(fifo)
    code, wall, _, _, err = run(binary, ["book", "--analysis", export, "--layout", fifo, "-o", os.path.join(base, "k.pdf")], timeout)
    problems += one_error("book --layout a FIFO", code, wall, err, (78,))
    return problems


def check_schedule(binary, base, folder, timeout):
    """`schedule run` over the hostile folder: every period is produced."""
    print("schedule run over the same folder:")
    layouts = os.path.join(base, "layouts")
    shutil.copytree(os.path.join(ROOT, "layouts"), layouts)
    with open(os.path.join(layouts, "schedules.yaml"), "w") as f:
        f.write("schedules:\n  monthly:\n    cadence: monthly\n    time_zone: UTC\n    start: 2016-09-01\n"
                "    layouts: [analysis]\n    output: \"monthly/{key}/{layout}\"\n")
    output = os.path.join(base, "output")
    code, wall, rss, out, err = run(binary, ["schedule", "run", "--input", folder, "--layouts", layouts, "--output", output,
                                             "--now", "2026-01-01T00:00:00Z"], timeout * 4)
    problems = []
    if code != 0:
        problems.append(f"schedule run: exit {code}: {err[-500:]}")
    code2, _, _, status, err2 = run(binary, ["schedule", "status", "--output", output, "--layouts", layouts, "--json"], timeout)
    # Periods that ended by --now (status lists those owed since, by the clock, as due).
    periods = [p for p in (json.loads(status)["schedules"][0]["periods"] if code2 == 0 else [])
               if p["last_day"] < "2026-01-01"]
    produced = [p for p in periods if p["state"] == "produced"]
    # September 2016 to December 2025.
    if len(produced) != 112 or len(periods) != 112:
        problems.append(f"schedule: {len(produced)} of {len(periods)} periods produced, expected 112 of 112")
    warned = [l for l in out.splitlines() + err.splitlines() if ": warning: " in l]
    print(f"  schedule run: exit {code}, {wall:.2f} s, peak RSS {rss:.0f} MB, {len(produced)}/{len(periods)} periods produced, "
          f"{len(warned)} files left out with a warning")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/briefing"))
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--max-rss", type=float, default=600)
    ap.add_argument("--keep", help="build the folder here and keep it")
    a = ap.parse_args()
    base = a.keep or tempfile.mkdtemp(prefix="briefing-hostile-")
    folder = os.path.join(base, "readouts")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    good, bad, sock = build(folder)
    out = os.path.join(base, "analysis.json")
    if os.path.exists(out):
        os.remove(out)
    code, wall, rss, stdout, stderr = run(a.binary, ["analyze", "--input", folder, "--json", out], a.timeout)
    sock.close()
    print(stderr, end="")
    print(stdout)
    print(f"exit {code}, {wall:.2f} s, peak RSS {rss:.0f} MB")
    problems = []
    if code != 1:
        problems.append(f"exit status {code}, expected 1")
    if rss >= a.max_rss:
        problems.append(f"peak RSS {rss:.0f} MB >= {a.max_rss:.0f} MB")
    diag = re.compile(r"^(.*):(\d+): (error|warning): ")
    named = {}
    for line in stderr.splitlines():
        m = diag.match(line)
        if m:
            named.setdefault(os.path.basename(m.group(1)), set()).add(m.group(3))
        elif line.strip():
            problems.append(f"not a path:line: diagnostic: {line}")
    for name in bad:
        if name not in named:
            problems.append(f"{name}: no diagnostic names it")
    if not os.path.exists(out):
        problems.append("no export written")
    else:
        export = json.load(open(out))
        files = {m["file"] for m in export["meetings"]}
        for name in good:
            if name not in files:
                problems.append(f"{name}: good readout missing from the export")
        failed = {n for n, sev in named.items() if "error" in sev}
        for name in files & failed:
            problems.append(f"{name}: reported as an error yet in the export")
        extra = files - set(good)
        if extra:
            problems.append(f"unexpected meetings in the export: {sorted(extra)}")
        print(f"export: {len(files)} meetings, summary {export['summary']}")
        if export["summary"].get("failed") != len(failed):
            problems.append(f"summary.failed {export['summary'].get('failed')} != {len(failed)} files with errors")
    if os.path.exists(out):
        problems += check_renders(a.binary, base, out, a.timeout)
    problems += check_layouts(a.binary, base, out, a.timeout)
    problems += check_schedule(a.binary, base, folder, a.timeout)
    if not a.keep:
        shutil.rmtree(base, ignore_errors=True)
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"OK: {len(good)} good readouts in the export, {len(bad)} bad files named")


if __name__ == "__main__":
    main()
