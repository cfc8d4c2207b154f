#!/usr/bin/env python3
"""`make bench`: gapmap's speed and memory against the targets of issue 5,
with its competitors run side by side (docs/PERFORMANCE.md explains the
figures).

Inputs are generated under a temporary directory (BENCH_DIR to keep them) and
never committed: the ICAT report repeated to ~100 MB and ~1 GB, smaller
cuts of the same text for the slow competitors, and a directory of many
documents (copies of the four corpus documents). Every timed figure is the
median of BENCH_RUNS runs (default 5; 3 for the slow competitors); ratios
compare runs made in the same sitting, since the machine is shared and noisy.
Peak RSS comes from the kernel (wait4). Instructions per input byte come from
callgrind, which does not depend on machine noise.

The ratios against grep and Python, and -j 2 against -j 1, alternate the two
commands run by run (BENCH_RUNS capped at 3 there).

Usage: bench/bench.py [--gapmap PATH] [--quick]   (--quick: smaller inputs)
Exit status: 0, or 1 with BENCH_STRICT=1 when a target is missed.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus", "icat-2010-analytical-review.txt")


def shared_dir():
    """The shared spec beside the project (SHARED_DIR, else ../shared or,
    from a worktree under /work/wt, ../../shared); None if absent."""
    for d in (os.environ.get("SHARED_DIR"), os.path.join(ROOT, "..", "shared"),
              os.path.join(ROOT, "..", "..", "shared")):
        if d and os.path.isdir(os.path.join(d, "corpus-extra")):
            return os.path.abspath(d)
    return None


MB = 1_000_000


def log(msg):
    print(msg, file=sys.stderr, flush=True)


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(cmd, stdout=subprocess.DEVNULL, stdin=None):
    """Runs `cmd`; returns (wall seconds, user+sys seconds, peak RSS KiB).

    Peak RSS comes from GNU time when present: Linux carries the peak RSS of
    the forking process (this Python, ~20 MiB) into the child's ru_maxrss at
    exec, which would hide gapmap's own figure; /usr/bin/time is ~2 MiB."""
    rss_file = None
    if GNU_TIME:
        rss_file = tempfile.NamedTemporaryFile(suffix=".rss", delete=False).name
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss
    if rss_file:
        with open(rss_file) as f:
            lines = f.read().split()
        os.unlink(rss_file)
        # GNU time writes "Command exited with non-zero status N" first.
        if lines and lines[-1].isdigit():
            rss = int(lines[-1])
    if code not in (0, 1):  # grep -c exits 1 when nothing matched
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({code}): {err[:500]}")
    return wall, usage.ru_utime + usage.ru_stime, rss


def median_run(cmd, runs, stdout=subprocess.DEVNULL):
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        w, c, r = run(cmd, stdout=stdout)
        walls.append(w)
        cpus.append(c)
        rss.append(r)
    return statistics.median(walls), statistics.median(cpus), max(rss)


def paired_medians(cmd_a, cmd_b, runs, stdout_a=subprocess.DEVNULL, best=None):
    """Runs `cmd_a` and `cmd_b` alternately `runs` times each (so a change in
    the machine's load hits both alike); their median wall seconds. With
    `best` (a dict), also their fastest runs in best["a"], best["b"]."""
    a, b, cpu_a, cpu_b = [], [], [], []
    for _ in range(runs):
        wall, cpu, _ = run(cmd_a, stdout=stdout_a)
        a.append(wall)
        cpu_a.append(cpu)
        wall, cpu, _ = run(cmd_b)
        b.append(wall)
        cpu_b.append(cpu)
    if best is not None:
        best["a"], best["b"] = min(a), min(b)
        best["cpu_a"], best["cpu_b"] = statistics.median(cpu_a), statistics.median(cpu_b)
    return statistics.median(a), statistics.median(b)


def repeat_file(src, dst, size):
    with open(src, "rb") as f:
        data = f.read()
    with open(dst, "wb") as out:
        written = 0
        while written < size:
            out.write(data)
            written += len(data)
    return os.path.getsize(dst)


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs ({model}), {mem} RAM, {platform.system()} "
            f"{platform.release()}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


def cmake_build_type(binary):
    """CMAKE_BUILD_TYPE of the build tree holding `binary`, or None."""
    d = os.path.dirname(binary)
    while d != os.path.dirname(d):
        cache = os.path.join(d, "CMakeCache.txt")
        if os.path.exists(cache):
            with open(cache) as f:
                for line in f:
                    if line.startswith("CMAKE_BUILD_TYPE:"):
                        return line.split("=", 1)[1].strip()
            return None
        d = os.path.dirname(d)
    return None


def competitor_python():
    """An interpreter with PyYAML for bench/python_re_tagger.py."""
    for python in (sys.executable, "/usr/bin/python3"):
        if python and subprocess.run([python, "-c", "import yaml"], capture_output=True).returncode == 0:
            return python
    raise SystemExit("bench: no python3 with PyYAML (apt-get install python3-yaml)")


def callgrind_instructions(gapmap, args, profile=None):
    """Instructions executed inside RunDocuments (startup and rule
    compilation excluded), or None without valgrind. With `profile` (a
    list), appends the top functions by self instructions to it."""
    if shutil.which("valgrind") is None:
        return None
    out = tempfile.NamedTemporaryFile(suffix=".callgrind", delete=False).name
    try:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             "--toggle-collect=gapmap::RunDocuments*", gapmap] + args,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        m = re.search(r"refs:\s+([\d,]+)", proc.stderr)
        if not m:
            return None
        if profile is not None and shutil.which("callgrind_annotate"):
            annotated = subprocess.run(["callgrind_annotate", "--inclusive=no", out],
                                       capture_output=True, text=True, check=False).stdout
            for line in annotated.splitlines():
                hit = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S.*)$", line)
                if hit and "PROGRAM TOTALS" not in line and len(profile) < 15:
                    name = re.sub(r"^\S*?:", "", hit.group(3).split(" [")[0])
                    name = re.sub(r"\((?!anonymous).*", "", name)  # drop the arguments
                    if name.startswith("0x"):  # no symbols: name the library
                        lib = re.search(r"\[(.*)\]\s*$", hit.group(3))
                        name += " in " + os.path.basename(lib.group(1)) if lib else ""
                    profile.append("%6s %%  %s" % (hit.group(2), name))
        return int(m.group(1).replace(",", ""))
    finally:
        os.unlink(out)


def perf_profile(cmd, work):
    """Top functions by self time of `cmd` under `perf record`, or [] when
    perf is missing or not permitted."""
    if shutil.which("perf") is None:
        return []
    data = os.path.join(work, "perf.data")
    rec = subprocess.run(["perf", "record", "-q", "-F", "999", "-o", data, "--"] + cmd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if rec.returncode != 0 or not os.path.exists(data):
        return []
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio",
                             "--sort", "dso,symbol"], capture_output=True, text=True,
                            check=False).stdout
    by_dso = subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio",
                             "--sort", "dso"], capture_output=True, text=True,
                            check=False).stdout
    os.unlink(data)
    shares = re.findall(r"^\s*([\d.]+)%\s+(\S+)", by_dso, re.M)
    out = ["by library: " + ", ".join("%s %s %%" % (d, p) for p, d in shares[:6])] if shares else []
    for line in report.splitlines():
        hit = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.*\S)", line)
        if hit and len(out) < 15:
            symbol = re.split(r"\s{2,}", hit.group(3).strip())[0]  # perf pads columns
            name = re.sub(r"\((?!anonymous).*", "", symbol)
            if len(name) > 90:
                name = name[:87] + "..."
            out.append("%6s %%  %s (%s)" % (hit.group(1), name, hit.group(2)))
    return out


class Table:
    def __init__(self):
        self.rows = []
        self.missed = 0

    def add(self, figure, measured, target, ok, command):
        if ok is False:
            self.missed += 1
        verdict = "" if ok is None else ("met" if ok else "MISSED")
        self.rows.append((figure, measured, target, verdict, command))

    def print(self):
        print()
        print("| figure | measured | target | |")
        print("|---|---|---|---|")
        for figure, measured, target, verdict, _ in self.rows:
            print(f"| {figure} | {measured} | {target} | {verdict} |")
        print()
        print("Commands (inputs under the bench directory):")
        for figure, _, _, _, command in self.rows:
            print(f"  {figure}: {command}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gapmap", default=os.path.join(ROOT, "build", "cli", "gapmap"))
    parser.add_argument("--quick", action="store_true", help="small inputs (a smoke test)")
    args = parser.parse_args()
    gapmap = os.path.abspath(args.gapmap)
    build_type = cmake_build_type(gapmap)
    if build_type not in (None, "Release"):
        raise SystemExit(f"bench: {gapmap} is a {build_type} build; bench a Release build "
                         "(make bench uses build/, configured Release by make build)")
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    slow_runs = max(1, min(runs, 3))
    scale = 0.05 if args.quick else 1.0
    keep = "BENCH_DIR" in os.environ
    work = os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="gapmap-bench.")
    os.makedirs(work, exist_ok=True)
    os.chdir(ROOT)
    began = time.perf_counter()
    try:
        table = Table()
        print(f"machine: {machine()}")
        print(f"gapmap: {gapmap}; runs per figure: {runs} (slow competitors {slow_runs})")

        log("bench: generating inputs in " + work)
        big = os.path.join(work, "icat-100mb.txt")
        big_size = repeat_file(CORPUS, big, int(100 * MB * scale))
        huge = os.path.join(work, "icat-1gb.txt")
        huge_size = repeat_file(big, huge, int(1000 * MB * scale))
        # The slow competitors (well under 1 MB/s) get a cut of the same text,
        # gapmap too for their ratios. Callgrind gets 2 MB.
        py_in = os.path.join(work, "icat-4mb.txt")
        py_size = repeat_file(CORPUS, py_in, int(4 * MB * scale))
        # grep is slower still (~0.1 MB/s with ~900 patterns): 1 MB.
        grep_in = os.path.join(work, "icat-1mb.txt")
        grep_size = repeat_file(CORPUS, grep_in, int(1 * MB * scale))
        cg_in = os.path.join(work, "icat-2mb.txt")
        cg_size = repeat_file(CORPUS, cg_in, int(2 * MB * scale))
        many = os.path.join(work, "many")
        os.makedirs(many, exist_ok=True)
        shared = shared_dir()
        extra = os.path.join(shared, "corpus-extra") if shared else None
        sources = [CORPUS] + (sorted(
            os.path.join(extra, f) for f in os.listdir(extra) if f.endswith(".txt"))
            if extra else [])
        copies = max(2, int(100 * scale))
        for i in range(copies):
            for src in sources:
                shutil.copyfile(src, os.path.join(many, f"{i:03d}-{os.path.basename(src)}"))
        many_size = sum(os.path.getsize(os.path.join(many, f)) for f in os.listdir(many))
        patterns = os.path.join(work, "patterns.ere")
        with open(patterns, "w") as f:
            subprocess.run([gapmap, "rules", "export", "--format", "grep", "--with-vetoes", "-q"],
                           stdout=f,
                           stderr=subprocess.DEVNULL, check=True)
        with open(patterns) as f:
            pattern_count = sum(1 for _ in f)

        def mbps(size, seconds):
            return size / MB / seconds

        def throughput_row(figure, cmd, target_mbps):
            """One-thread MB/s of `cmd` on the big input, as a table row."""
            wall, cpu, _ = median_run(cmd, runs)
            rate = mbps(big_size, wall)
            table.add("%s, %d MB, -j 1" % (figure, big_size // MB),
                      "%.0f MB/s (%.2f s; CPU %.0f MB/s)" % (rate, wall, mbps(big_size, cpu)),
                      ">= %d MB/s" % target_mbps, rate >= target_mbps, " ".join(cmd))

        # 1. gapmap matrix on ~100 MB, one thread.
        log("bench: matrix, one thread")
        cmd = [gapmap, "matrix", "-q", "-j", "1", big, "-o", "/dev/null"]
        throughput_row("`gapmap matrix`", cmd, 100)
        native_profile = perf_profile(cmd, work)

        # 2. gapmap tag, full JSONL (text and evidence) to /dev/null.
        log("bench: tag, one thread")
        throughput_row("`gapmap tag` JSONL to /dev/null",
                       [gapmap, "tag", "-q", "-j", "1", big, "-o", "/dev/null"], 60)

        # 3. grep with the same patterns, on the same text.
        log("bench: grep -c -E -i -f (%d patterns)" % pattern_count)
        # stdout to a file: GNU grep stops at the first match when its output
        # is /dev/null. LC_ALL=C: grep's fastest mode (about twice its speed
        # in a UTF-8 locale), so the ratio is generous to grep.
        env_cmd = ["env", "LC_ALL=C", "grep", "-c", "-E", "-i", "-f", patterns, grep_in]
        cmd = [gapmap, "matrix", "-q", "-j", "1", grep_in, "-o", "/dev/null"]
        with open(os.path.join(work, "grep.out"), "w") as grep_out:
            grep_wall, g_wall = paired_medians(env_cmd, cmd, slow_runs, stdout_a=grep_out)
        ratio = grep_wall / g_wall
        table.add("matrix vs `grep -c -E -i -f` (%d patterns), %.0f MB" %
                  (pattern_count, grep_size / MB),
                  "%.0fx (grep %.1f MB/s, gapmap %.1f MB/s)" %
                  (ratio, mbps(grep_size, grep_wall), mbps(grep_size, g_wall)),
                  ">= 8x", ratio >= 8, " ".join(env_cmd) + "  vs  " + " ".join(cmd))

        # 4. A plain Python `re` dictionary tagger on the same rules and text.
        log("bench: Python re dictionary script")
        py_cmd = [competitor_python(), os.path.join(ROOT, "bench", "python_re_tagger.py"),
                  os.path.join(ROOT, "rules"), py_in]
        cmd = [gapmap, "matrix", "-q", "-j", "1", py_in, "-o", "/dev/null"]
        py_wall, p_wall = paired_medians(py_cmd, cmd, slow_runs)
        ratio = py_wall / p_wall
        table.add("matrix vs Python `re` (bench/python_re_tagger.py), %.0f MB" % (py_size / MB),
                  "%.0fx (Python %.2f MB/s, gapmap %.1f MB/s)" %
                  (ratio, mbps(py_size, py_wall), mbps(py_size, p_wall)),
                  ">= 100x", ratio >= 100, "python3 bench/python_re_tagger.py rules INPUT  vs  " +
                  " ".join(cmd))

        # 4b. The regex engine's own limit: the same patterns in one RE2::Set
        # over the same text in paragraphs (bench/re2_set_scan.cc), which
        # learns only which patterns occur where gapmap also finds spans,
        # segments and scores. Context for the throughput targets.
        scanner = os.path.join(os.path.dirname(os.path.dirname(gapmap)), "bench", "re2_set_scan")
        if os.path.exists(scanner):
            log("bench: RE2::Set alone on the same patterns")
            re2_cmd = [scanner, patterns, big]
            cmd = [gapmap, "matrix", "-q", "-j", "1", big, "-o", "/dev/null"]
            re2_wall, r_wall = paired_medians(re2_cmd, cmd, slow_runs)
            table.add("matrix vs RE2::Set alone, same %d patterns (bench/re2_set_scan), %d MB" %
                      (pattern_count, big_size // MB),
                      "%.2fx of its speed (RE2::Set %.0f MB/s, gapmap %.0f MB/s)" %
                      (re2_wall / r_wall, mbps(big_size, re2_wall), mbps(big_size, r_wall)),
                      "(context)", None, " ".join(re2_cmd) + "  vs  " + " ".join(cmd))
        else:
            log(f"bench: {scanner} not built; skipping the RE2::Set figure")

        # 5. Peak RSS: the 200 KB report vs ~1 GB of it.
        log("bench: peak RSS on 200 KB and ~1 GB")
        _, _, small_rss = run([gapmap, "matrix", "-q", "-j", "1", CORPUS, "-o", "/dev/null"])
        cmd = [gapmap, "matrix", "-q", "-j", "1", huge, "-o", "/dev/null"]
        huge_wall, _, huge_rss = run(cmd)
        ratio = huge_rss / small_rss
        table.add("peak RSS of matrix, %.0f MB vs 200 KB" % (huge_size / MB),
                  "%.2fx (%.1f vs %.1f MiB; %.0f MB/s)" %
                  (ratio, huge_rss / 1024, small_rss / 1024, mbps(huge_size, huge_wall)),
                  "<= 1.5x and <= 64 MiB", ratio <= 1.5 and huge_rss <= 64 * 1024, " ".join(cmd))
        _, _, seg_small = run([gapmap, "segment", "-q", CORPUS])
        _, _, seg_big = run([gapmap, "segment", "-q", big])
        table.add("peak RSS of segment, %d MB vs 200 KB" % (big_size // MB),
                  "%.2fx (%.1f vs %.1f MiB)" % (seg_big / seg_small, seg_big / 1024,
                                                 seg_small / 1024),
                  "<= 2x (issue 2)", seg_big / seg_small <= 2,
                  "gapmap segment -q INPUT")

        # 6. -j 2 vs -j 1 over many documents: throughput and identical bytes.
        for command in (["matrix", "--format", "json"], ["tag"]):
            name = command[0]
            log(f"bench: {name} -j 2 vs -j 1 over {len(os.listdir(many))} documents")
            outs = {}
            cmds = {}
            for jobs in (1, 2):
                outs[jobs] = os.path.join(work, f"many-{name}-j{jobs}.out")
                cmds[jobs] = [gapmap] + command + ["-q", "-j", str(jobs), many, "-o", outs[jobs]]
            best = {}
            walls = dict(zip((1, 2), paired_medians(cmds[1], cmds[2], slow_runs, best=best)))
            for jobs in (1, 2):
                with open(outs[jobs], "rb") as f:
                    outs[jobs] = f.read()
            speedup = walls[1] / walls[2]
            same = outs[1] == outs[2]
            table.add("`%s` -j 2 vs -j 1, %d documents (%.0f MB)" %
                      (name, len(os.listdir(many)), many_size / MB),
                      "%.2fx (%.1f vs %.1f MB/s; fastest runs %.2fx; CPU time -j 2 / -j 1 "
                      "%.2f), output %s" %
                      (speedup, mbps(many_size, walls[2]), mbps(many_size, walls[1]),
                       best["a"] / best["b"], best["cpu_b"] / best["cpu_a"],
                       "identical" if same else "DIFFERENT"),
                      ">= 1.7x, identical", speedup >= 1.7 and same,
                      " ".join([gapmap] + command + ["-q", "-j", "N", many]))

        # 7. Instructions per input byte (callgrind): on the 2 MB input, and
        # the marginal figure (2 MB minus the 200 KB report, per extra byte),
        # which leaves out the one-off cost of the regex automata's first
        # states.
        log("bench: callgrind")
        small_size = os.path.getsize(CORPUS)
        profile = []
        for command in (["matrix"], ["tag"]):
            args = command + ["-q", "-j", "1"]
            total = callgrind_instructions(gapmap, args + [cg_in, "-o", "/dev/null"],
                                           profile if command == ["matrix"] else None)
            first = callgrind_instructions(gapmap, args + [CORPUS, "-o", "/dev/null"])
            if total is None or first is None:
                continue
            measured = "%.0f" % (total / cg_size)
            if cg_size > 2 * small_size:
                measured += " (marginal, after the first 200 KB: %.0f)" % (
                    (total - first) / (cg_size - small_size))
            table.add("instructions per input byte, `%s`, %.1f MB (callgrind)" %
                      (command[0], cg_size / MB), measured,
                      "(context)", None,
                      "valgrind --tool=callgrind --toggle-collect='gapmap::RunDocuments*' "
                      + " ".join([gapmap] + args + ["INPUT", "-o", "/dev/null"]))

        # 8. The fixed cost: the 200 KB report alone (startup, rules, the
        # regex automata's first states), what a CI run on a small corpus pays.
        cmd = [gapmap, "matrix", "-q", "-j", "1", CORPUS, "-o", "/dev/null"]
        wall, _, _ = median_run(cmd, runs)
        table.add("`gapmap matrix` on the 200 KB ICAT report", "%.3f s" % wall, "(context)",
                  None, " ".join(cmd))

        table.print()
        if native_profile:
            print("\nTop functions by self time, `gapmap matrix` on %d MB (perf record):" %
                  (big_size // MB))
            for line in native_profile:
                print("  " + line)
        if profile:
            print("\nTop functions by self instructions, `gapmap matrix` on %.0f MB "
                  "(callgrind; SHA-256 runs its portable code under valgrind):" % (cg_size / MB))
            for line in profile:
                print("  " + line)
        print(f"\nbench: done in {time.perf_counter() - began:.0f} s; "
              f"machine load now {os.getloadavg()[0]:.1f}")
        if table.missed and os.environ.get("BENCH_STRICT") == "1":
            return 1
        return 0
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
