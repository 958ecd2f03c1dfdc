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


def run(binary, folder, out, timeout):
    start = time.perf_counter()
    p = subprocess.Popen([binary, "analyze", "--input", folder, "--json", out], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise SystemExit(f"FAIL: analyze did not end within {timeout} s")
    wall = time.perf_counter() - start
    # communicate() reaped the child; its rusage is the children's maximum.
    import resource
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return p.returncode, wall, rss, stdout.decode(errors="replace"), stderr.decode(errors="replace")


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
    code, wall, rss, stdout, stderr = run(a.binary, folder, out, a.timeout)
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
    if not a.keep:
        shutil.rmtree(base, ignore_errors=True)
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"OK: {len(good)} good readouts in the export, {len(bad)} bad files named")


if __name__ == "__main__":
    main()
