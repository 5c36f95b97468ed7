"""How eventlens scales out: the local runner against the Dask engine with 1 and 2 workers.

Codes one synthetic corpus (bench/corpus.py, ~500-word news-style articles) in up to four ways, each as
its own `eventlens code` child process, timed from start to exit (so start-up, cluster start and every
pipeline load are included, as a user would pay them):

  local      eventlens code CORPUS.jsonl --format jsonl -o OUT --processes 1      (today's way: JSON lines)
  local-out  eventlens code CORPUS.jsonl --engine local --processes 1 --out DIR   (the same Parquet dataset
                                                                                    as Dask, in this process)
  dask-1     eventlens code CORPUS.jsonl --engine dask --workers 1 --out DIR
  dask-2     eventlens code CORPUS.jsonl --engine dask --workers 2 --out DIR

`local-out` and `dask-1` do the same work: the same partitions (--partition-size), coded by one
pipeline, written as the same Parquet files; only the engine differs. So the Dask overhead (goal <= 10%)
is dask-1 against local-out; against `local` (JSON lines, no partitions, no Parquet) it is printed too.
The speed-up from 1 to 2 Dask workers has the goal >= 1.7x.

Wall time is what the goals are about. Beside it: the CPU seconds of each run's whole process tree, the
load average during the run, and the CPU that other processes used meanwhile (in cores): on a machine
shared with other jobs those say how far a wall time can be trusted. `--repeat N` runs the plan N
times, interleaved (local, local-out, dask-1, dask-2, local, ...), and reports medians.

    python bench/scale.py                                  # 2,000 articles, all four runs (~13 minutes on 2 cores)
    python bench/scale.py --runs local-out,dask-1 --repeat 3
    python bench/scale.py --articles 300                   # a quick look
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

RUNS = {  # name: (label, arguments after the corpus; {out} is the run's output path)
    "local": ("local, 1 process (JSON lines)", ["--format", "jsonl", "-o", "{out}.jsonl", "--processes", "1"]),
    "local-out": ("local --out, 1 process", ["--engine", "local", "--processes", "1", "--out", "{out}"]),
    "dask-1": ("dask, 1 worker", ["--engine", "dask", "--workers", "1", "--out", "{out}"]),
    "dask-2": ("dask, 2 workers", ["--engine", "dask", "--workers", "2", "--out", "{out}"]),
}


class Sampler(threading.Thread):
    """The largest resident set of any one process in a child's tree, and the load average, sampled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.peak_total_mb, self._halt = pid, 0.0, 0.0, threading.Event()
        self.loads: list[float] = []

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        ticks = 0
        while not self._halt.wait(0.25):
            ticks += 1
            if ticks % 4 == 0:
                self.loads.append(os.getloadavg()[0])
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                return
            sizes = []
            for proc in procs:
                try:
                    sizes.append(proc.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            if sizes:
                self.peak_mb = max(self.peak_mb, max(sizes))
                self.peak_total_mb = max(self.peak_total_mb, sum(sizes))

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _busy_cpu() -> float:
    """CPU seconds every process on this machine has used (all cores)."""
    import psutil

    t = psutil.cpu_times()
    return sum(getattr(t, k, 0.0) for k in ("user", "nice", "system", "irq", "softirq", "steal"))


def run(label: str, args: list[str], timeout: float) -> dict:
    import resource

    command = [sys.executable, "-m", "eventlens.cli", "code", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = _busy_cpu()
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
    sampler = Sampler(child.pid)
    sampler.start()
    try:
        _, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        _, err = child.communicate()
    seconds = time.perf_counter() - began
    busy = _busy_cpu() - busy
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the whole process tree (workers included, once they have exited): unlike wall
    # time, this barely moves when other people's jobs share the cores.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    ok = child.returncode == 0
    if not ok:
        print(f"{label}: exit {child.returncode}\n{err[-2000:]}", file=sys.stderr)
    return {"label": label, "seconds": seconds, "cpu_seconds": cpu, "ok": ok,
            "peak_process_mb": round(sampler.peak_mb), "peak_tree_mb": round(sampler.peak_total_mb),
            "load": statistics.fmean(sampler.loads) if sampler.loads else os.getloadavg()[0],
            "others_cores": max(0.0, busy - cpu) / seconds, "command": "eventlens code " + " ".join(args)}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500, help="words per article")
    parser.add_argument("--partition-size", default="256KB", help="--partition-size of the --out runs")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"which runs, in this order (of {', '.join(RUNS)})")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--repeat", type=int, default=1, help="run the plan N times, interleaved; report medians")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the results to this file")
    options = parser.parse_args()
    names = [name.strip() for name in options.runs.split(",") if name.strip()]
    unknown = [name for name in names if name not in RUNS]
    if unknown:
        parser.error(f"unknown run {', '.join(unknown)}: choose from {', '.join(RUNS)}")

    from corpus import build_corpus

    load_before = os.getloadavg()[0]
    articles = build_corpus(options.articles, words=options.words)
    words = sum(len(a.text.split()) for a in articles)
    results: dict[str, list[dict]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="eventlens-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat(), "title": a.title,
                                      "source": a.source}) + "\n")
        for round_ in range(options.repeat):
            for name in names:
                label, template = RUNS[name]
                target = f"{tmp}/{name}"
                args = [a.replace("{out}", target) for a in template]
                if "--out" in args:
                    args += ["--partition-size", options.partition_size]
                shutil.rmtree(target, ignore_errors=True)
                print(f"running {label} (round {round_ + 1}) ...", file=sys.stderr, flush=True)
                result = run(label, [str(corpus), *args], options.timeout)
                result["round"] = round_ + 1
                results[name].append(result)
                print(f"  {result['seconds']:.1f} s, {result['cpu_seconds']:.1f} CPU s, load {result['load']:.1f}, "
                      f"others {result['others_cores']:.2f} cores", file=sys.stderr, flush=True)
    print(f"\n{options.articles:,} articles, {words:,} words, {os.cpu_count()} cores, load average before "
          f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}; partitions of {options.partition_size}; "
          f"{'median of ' + str(options.repeat) + ' interleaved rounds' if options.repeat > 1 else 'one round'}\n")
    print("| run | seconds | words/s | articles/s | CPU seconds | words per CPU second | peak RSS of one process "
          "| peak RSS, all processes | load average | others' CPU (cores) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    medians: dict[str, dict] = {}
    for name in names:
        good = [r for r in results[name] if r["ok"]]
        if not good:
            print(f"| {RUNS[name][0]} | failed | | | | | | | | |")
            continue
        m = {key: _median(good, key) for key in ("seconds", "cpu_seconds", "peak_process_mb", "peak_tree_mb", "load",
                                                  "others_cores")}
        medians[name] = m
        spread = f" ({min(r['seconds'] for r in good):.1f}-{max(r['seconds'] for r in good):.1f})" if len(good) > 1 else ""
        print(f"| {RUNS[name][0]} | {m['seconds']:.1f}{spread} | {words / m['seconds']:,.0f} | "
              f"{options.articles / m['seconds']:.1f} | {m['cpu_seconds']:.1f} | {words / max(m['cpu_seconds'], 1e-9):,.0f} | "
              f"{m['peak_process_mb']:.0f} MB | {m['peak_tree_mb']:.0f} MB | {m['load']:.1f} | {m['others_cores']:.2f} |")
    summary: dict[str, object] = {}

    def paired(a: str, b: str) -> list[float]:
        """b against a, round by round (the runs of one round ran minutes apart, in the same conditions)."""
        pairs = zip((r for r in results[a]), (r for r in results[b]))
        return [y["seconds"] / x["seconds"] - 1 for x, y in pairs if x["ok"] and y["ok"]]

    if "dask-1" in medians and "dask-2" in medians:
        summary["speedup_1_to_2_workers"] = medians["dask-1"]["seconds"] / medians["dask-2"]["seconds"]
        print(f"\nspeed-up from 1 to 2 Dask workers: {summary['speedup_1_to_2_workers']:.2f}x (goal >= 1.7x)")
    for base, what in (("local-out", "the local runner writing the same dataset (--engine local --out)"),
                       ("local", "the local runner writing JSON lines (--format jsonl)")):
        if base in medians and "dask-1" in medians:
            wall = medians["dask-1"]["seconds"] / medians[base]["seconds"] - 1
            cpu = medians["dask-1"]["cpu_seconds"] / medians[base]["cpu_seconds"] - 1
            rounds = paired(base, "dask-1")
            summary[f"dask_overhead_vs_{base}"] = wall
            summary[f"dask_overhead_cpu_vs_{base}"] = cpu
            summary[f"dask_overhead_vs_{base}_by_round"] = rounds
            goal = " (goal <= 10%)" if base == "local-out" else ""
            print(f"Dask overhead against {what}, 1 process each: {wall:+.1%} in wall time{goal}, {cpu:+.1%} in CPU "
                  f"time; round by round: {', '.join(f'{r:+.1%}' for r in rounds)}")
    if "dask-1" in medians:
        per_core = options.articles / medians["dask-1"]["seconds"]
        summary["articles_per_core_second"] = per_core
        print(f"per-core rate (dask, 1 worker, start-up included): {per_core:.1f} articles/s of ~{options.words} words")
    if options.json_out:
        with open(options.json_out, "w", encoding="utf-8") as out:
            json.dump({"articles": options.articles, "words": words, "repeat": options.repeat, "runs": results,
                       "medians": medians, "summary": summary}, out, indent=1)


if __name__ == "__main__":
    main()
