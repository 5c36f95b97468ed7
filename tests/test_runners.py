"""Runners and Parquet datasets: partitions, the local and Dask engines, faults, the store on top."""
from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.ingest import iter_inputs
from eventlens.models import Article
from eventlens.runners.partitions import ReadOptions, parse_size, plan, read_partition

ROOT = Path(__file__).resolve().parents[1]
EVENTLENS = [sys.executable, "-m", "eventlens.cli"]
DAY = dt.date(2025, 3, 1)


def _corpus(n: int, words: int, seed: int = 7) -> list[Article]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_corpus(n, words=words, seed=seed)


def _write_jsonl(path: Path, articles: list[Article]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat() if a.date else None}) + "\n")
    return path


def _read_all(paths, size, **options):
    read = ReadOptions(default_date=DAY, **options)
    items = []
    parts = list(plan([str(p) for p in paths], size, text_col=read.text_col))
    for part in parts:
        if isinstance(part, InputError):
            items.append(part)
            continue
        items.extend(read_partition(part, read))
    return parts, items


# -- partitions (no pipeline) -----------------------------------------------------------------------

def test_sizes():
    assert parse_size("4MB") == 4 << 20 and parse_size("512kb") == 512 << 10 and parse_size("100") == 100
    with pytest.raises(Exception):
        parse_size("lots")


def test_jsonl_byte_ranges_read_every_line_once(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i}. " + "word " * (i % 37), "date": "2025-01-02"})
             for i in range(300)]
    lines.insert(2, "{not json")
    lines.insert(120, "")
    lines.insert(200, "[1, 2]")
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts, items = _read_all([tmp_path / "big.jsonl"], 700)
    assert len(parts) > 10 and all(p.size <= 700 for p in parts)
    whole = list(iter_inputs([str(tmp_path / "big.jsonl")], default_date=DAY))
    assert [(a.id, a.text, a.date) for a in items if isinstance(a, Article)] == \
           [(a.id, a.text, a.date) for a in whole if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, InputError)]
    assert len(errors) == 2 and "bad JSON" in errors[0].message
    # The first range knows line numbers; later ones name a line by its byte offset.
    raw = (tmp_path / "big.jsonl").read_bytes()
    assert errors[0].where == f"{tmp_path / 'big.jsonl'}:3"
    assert errors[1].where == f"{tmp_path / 'big.jsonl'}:byte {raw.index(b'[1, 2]')}"


def test_byte_ranges_name_later_lines_by_offset(tmp_path):
    body = "".join(json.dumps({"text": f"Text number {i} " * 5}) + "\n" for i in range(40))
    (tmp_path / "noid.jsonl").write_text(body, encoding="utf-8")
    _, items = _read_all([tmp_path / "noid.jsonl"], 500)
    ids = [a.id for a in items]
    assert ids[0].endswith("noid.jsonl:1") and any(":byte " in i for i in ids)
    offsets = [int(i.rsplit(" ", 1)[1]) for i in ids if ":byte " in i]
    raw = (tmp_path / "noid.jsonl").read_bytes()
    assert all(raw[o - 1:o] == b"\n" for o in offsets)
    assert len(ids) == 40


def test_formats_and_grouping(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "one.txt").write_text("France recalled its ambassador.", encoding="utf-8")
    with gzip.open(tmp_path / "two.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "g1", "text": "Japan met Korea."}) + "\n")
    (tmp_path / "three.csv").write_text('body,story,date\n"Kenya, protests",k1,2024-06-25\n,k2,\n',
                                        encoding="utf-8")
    table = pa.table({"body": ["Iran threatened Israel.", "Chile helped Peru."], "story": ["p1", "p2"],
                      "date": [dt.date(2024, 1, 5), None]})
    pq.write_table(table, tmp_path / "four.parquet", row_group_size=1)
    (tmp_path / "page.html").write_text("<html><body><article><p>" + "Egypt hosted talks with Sudan. " * 20
                                        + "</p></article></body></html>", encoding="utf-8")
    parts, items = _read_all([tmp_path], 1 << 20, text_col="body", id_col="story")
    # Small files share one partition (the CSV has no `text` column: its rows come by --text-col).
    articles = {a.id: a for a in items if isinstance(a, Article)}
    assert {"g1", "k1", "p1", "p2", str(tmp_path / "one.txt"), str(tmp_path / "page.html")} <= set(articles)
    assert articles["k1"].text == "Kenya, protests" and articles["k1"].date == dt.date(2024, 6, 25)
    assert articles["p1"].date == dt.date(2024, 1, 5) and articles["p2"].date == DAY
    assert [e.where for e in items if isinstance(e, InputError)] == [f"{tmp_path / 'three.csv'}:3"]
    assert len(parts) == 1
    # Row groups are split across partitions when they are bigger than the partition size.
    parts, _ = _read_all([tmp_path / "four.parquet"], 1, text_col="body")
    assert len(parts) == 2


def test_fsspec_urls_and_missing_paths():
    import fsspec

    with fsspec.open("memory://corpus/day/a.jsonl", "w") as out:
        out.write(json.dumps({"id": "m1", "text": "Russia attacked Ukraine."}) + "\n")
    _, items = _read_all(["memory://corpus/day/", "/no/such/file.jsonl"], 1 << 20)
    assert [a.id for a in items if isinstance(a, Article)] == ["m1"]
    assert [e.where for e in items if isinstance(e, InputError)] == ["/no/such/file.jsonl"]


def test_coder_process_calls_shares_fails_and_watches_memory():
    import operator
    import time

    from eventlens.runners.coder_process import CoderProcess, CoderProcessError, SharedValue

    process = CoderProcess(None)
    try:
        assert process.call(len, "abc") == 3
        shared = SharedValue(frozenset({"a", "b"}))
        assert process.call(operator.eq, frozenset({"a", "b"}), shared)  # a shared value arrives as itself
        assert process.call(operator.and_, frozenset({"a", "c"}), shared) == frozenset({"a"})
        with pytest.raises(ValueError):
            process.call(int, "not a number")
        assert process.call(lambda x: x + 1, 1) == 2  # what Dask accepts as a task, the process runs
        if sys.platform.startswith("linux"):
            assert process.call(os.listdir, "/proc/self/task") == [str(process.pid)]  # one thread
        pid = process.pid
        os.kill(pid, signal.SIGKILL)  # a coder process that died is started again (the call in flight fails)
        try:
            result = process.call(len, "abcd")
        except CoderProcessError:
            result = process.call(len, "abcd")
        assert result == 4 and process.pid != pid
    finally:
        process.close()
    # A worker and its coder process over the worker's memory limit: the coder process is stopped.
    tiny = CoderProcess(None, memory_limit=1 << 20)
    try:
        with pytest.raises(CoderProcessError, match="memory limit"):
            tiny.call(time.sleep, 3)
    finally:
        tiny.close()


# -- datasets, engines, the store (load the pipeline) ------------------------------------------------

@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """A small corpus in several formats: samples, a synthetic JSONL, and one bad line."""
    root = tmp_path_factory.mktemp("corpus")
    for name in sorted(os.listdir(ROOT / "samples")):
        (root / name).write_bytes((ROOT / "samples" / name).read_bytes())
    _write_jsonl(root / "synthetic.jsonl", _corpus(24, words=120))
    (root / "broken.jsonl").write_text('{"id": "ok", "text": "Germany criticised Russia."}\n{oops\n',
                                       encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference_ids(corpus_dir, tmp_path_factory):
    """Event ids from today's `eventlens code --format jsonl`."""
    out = tmp_path_factory.mktemp("ref") / "events.jsonl"
    run = subprocess.run(EVENTLENS + ["code", str(corpus_dir), "--date", "2025-03-01", "--format", "jsonl",
                                      "-o", str(out), "--processes", "1"], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr  # the one bad line
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids
    return ids


def _query(sql: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _dataset_ids(path) -> list[str]:
    return [row[0] for row in _query(
        f"SELECT event_record_id FROM read_parquet('{path}/events/**/*.parquet', hive_partitioning=true)")]


@pytest.fixture(scope="module")
def local_dataset(corpus_dir, tmp_path_factory):
    from eventlens.coding import Coder
    from eventlens.runners import LocalRunner
    from eventlens.runners.job import code_to_dataset

    out = tmp_path_factory.mktemp("local") / "dataset"
    stats = code_to_dataset([str(corpus_dir)], out=str(out), runner=LocalRunner(1), coder=Coder(),
                            default_date=DAY, partition_size=6000)
    assert stats.partitions > 3 and stats.skipped == 1
    return out


@pytest.mark.slow
def test_local_runner_matches_code(local_dataset, reference_ids):
    ids = _dataset_ids(local_dataset)
    assert sorted(ids) == sorted(reference_ids)
    months = {p.name for p in (local_dataset / "events").iterdir()}
    assert months and all(m.startswith("month=") for m in months)
    names = {p.name for p in local_dataset.rglob("part-*.parquet")}
    assert all(len(n) == len("part-") + 32 + len(".parquet") for n in names)
    assert not list(local_dataset.rglob("*.tmp"))


@pytest.mark.slow
def test_dask_engine_gives_the_ids_of_code(corpus_dir, reference_ids, tmp_path):
    out = tmp_path / "dask"
    run = subprocess.run(EVENTLENS + ["code", str(corpus_dir), "--date", "2025-03-01", "--engine", "dask",
                                      "--workers", "2", "--out", str(out), "--partition-size", "6KB"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # the bad line is reported and skipped, like `code`
    assert "broken.jsonl:2" in run.stderr and "LocalCluster of 2 workers" in run.stderr
    ids = _dataset_ids(out)
    assert set(ids) == set(reference_ids) and len(ids) == len(reference_ids)
    # The same run again, on a cluster started as docs/scale.md starts one on several machines
    # (`dask scheduler`, `dask worker`, DASK_SCHEDULER_ADDRESS), writes the same files: no row is doubled.
    files = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    dask = str(Path(sys.executable).with_name("dask"))
    address_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(address_file)], stderr=subprocess.DEVNULL)
    worker = None
    try:
        for _ in range(300):
            if address_file.exists() and address_file.read_text():
                break
            time.sleep(0.1)
        worker = subprocess.Popen([dask, "worker", "--scheduler-file", str(address_file), "--nworkers", "2",
                                   "--nthreads", "1", "--no-dashboard"], stderr=subprocess.DEVNULL)
        address = json.loads(address_file.read_text())["address"]
        env = dict(os.environ, DASK_SCHEDULER_ADDRESS=address)
        again = subprocess.run(EVENTLENS + ["code", str(corpus_dir), "--date", "2025-03-01", "--engine", "dask",
                                            "--out", str(out), "--partition-size", "6KB"],
                               capture_output=True, text=True, timeout=300, env=env)
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=60)
    assert again.returncode == 1, again.stderr
    assert address in again.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == files
    assert sorted(_dataset_ids(out)) == sorted(ids)


@pytest.mark.slow
def test_a_killed_worker_changes_nothing(corpus_dir, local_dataset, tmp_path):
    """SIGKILL a Dask worker while it codes: Dask runs its tasks again, the dataset equals a clean run."""
    from eventlens.coding import Coder
    from eventlens.runners.dask_runner import DaskRunner
    from eventlens.runners.job import code_to_dataset

    out = tmp_path / "killed"
    killed: dict = {}
    with DaskRunner(workers=2) as runner:
        client = runner.client

        def kill_one(result):
            import psutil

            if killed:
                return
            processing = client.processing()
            busy = [address for address, keys in processing.items() if keys]
            assert busy, "no task in flight to kill"
            pids = client.run(os.getpid, workers=[busy[0]])
            # The worker codes in its coder process: one child, with one thread.
            children = psutil.Process(pids[busy[0]]).children()
            assert [child.num_threads() for child in children] == [1]
            killed.update(address=busy[0], keys=list(processing[busy[0]]), pid=pids[busy[0]], coder=children[0])
            os.kill(pids[busy[0]], signal.SIGKILL)

        stats = code_to_dataset([str(corpus_dir)], out=str(out), runner=runner, coder=Coder(), default_date=DAY,
                                partition_size=1500, on_result=kill_one)
    assert killed and killed["keys"], "the test killed no worker"
    # The killed worker's coder process died with it.
    assert not killed["coder"].is_running() or killed["coder"].status() == "zombie"
    clean = _dataset_ids(local_dataset)
    ids = _dataset_ids(out)
    assert sorted(ids) == sorted(clean)  # same ids, none lost, none doubled
    dup = _query(f"SELECT count(*) - count(DISTINCT mention_id) FROM read_parquet('{out}/events/**/*.parquet')")
    assert dup[0][0] == 0
    articles = _query(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet')")[0][0]
    assert articles == stats.articles
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
def test_dask_workers_code_in_one_thread_processes_and_skip_shared_hashes(corpus_dir, local_dataset, tmp_path):
    """Each worker codes in a single-threaded child (spaCy's parser is ~13% slower in a process with
    threads); a shared value (`ingest`'s stored hashes) reaches it, and the LocalCluster is quiet."""
    import psutil

    from eventlens.coding import Coder
    from eventlens.runners.dask_runner import DaskRunner
    from eventlens.runners.job import code_to_dataset

    known = _query(f"SELECT content_hash FROM read_parquet('{local_dataset}/articles/*.parquet')")
    skip = frozenset(row[0][:16] for row in known[: len(known) // 2])
    with DaskRunner(workers=1) as runner:
        stats = code_to_dataset([str(corpus_dir)], out=str(tmp_path / "skipped"), runner=runner, coder=Coder(),
                                default_date=DAY, partition_size=6000, skip_hashes=skip)
        worker = next(iter(runner.client.run(os.getpid).values()))
        children = psutil.Process(worker).children()
        assert [child.num_threads() for child in children] == [1]
        assert "eventlens.runners.coder_process" in " ".join(children[0].cmdline())
        ticks = runner.client.run(lambda dask_worker: dask_worker.periodic_callbacks["tick"].callback_time)
        assert list(ticks.values()) == [1000]
    assert stats.unchanged >= len(skip) > 0 and stats.articles + stats.unchanged == len(known)
    assert not children[0].is_running() or children[0].status() == "zombie"


@pytest.mark.slow
def test_the_local_runner_stays_single_threaded(tmp_path):
    """pyarrow's jemalloc would start a thread when the first Parquet file is written; the local runner
    keeps its process to one thread, where spaCy's parser runs fastest."""
    _write_jsonl(tmp_path / "few.jsonl", _corpus(3, words=40))
    script = (
        "import os, sys\n"
        "from eventlens.coding import Coder\n"
        "from eventlens.runners import LocalRunner\n"
        "from eventlens.runners.job import code_to_dataset\n"
        "stats = code_to_dataset([sys.argv[1]], out=sys.argv[2], runner=LocalRunner(1), coder=Coder(model='rules'))\n"
        "assert stats.articles == 3, stats\n"
        "print(len(os.listdir('/proc/self/task')))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("JE_ARROW_MALLOC_CONF", "OMP_NUM_THREADS")}
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "few.jsonl"), str(tmp_path / "out")],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    if sys.platform.startswith("linux"):
        assert run.stdout.strip() == "1"


@pytest.mark.slow
def test_store_from_parquet_is_idempotent_and_equals_ingest(corpus_dir, local_dataset, tmp_path):
    import duckdb

    from click.testing import CliRunner

    from eventlens.cli import main

    cli = CliRunner()
    from_parquet = tmp_path / "from.duckdb"
    first = cli.invoke(main, ["ingest", "--from-parquet", str(local_dataset), "--db", str(from_parquet)])
    assert first.exit_code == 1, first.output  # the dataset records one bad input
    second = cli.invoke(main, ["ingest", "--from-parquet", str(local_dataset), "--db", str(from_parquet)])
    assert "0 articles coded and stored" in second.output
    direct = tmp_path / "direct.duckdb"
    cli.invoke(main, ["ingest", str(corpus_dir), "--date", "2025-03-01", "--db", str(direct), "--processes", "1"])
    a, b = duckdb.connect(str(from_parquet), read_only=True), duckdb.connect(str(direct), read_only=True)
    for table, order in (("mentions", "mention_id"), ("events", "event_id"), ("sentences", "content_hash, sentence_index"),
                         ("articles", "content_hash")):
        skip = {"articles": "ingested_at", "events": "date_added", "mentions": "record"}.get(table)
        select = f"SELECT * EXCLUDE ({skip})" if skip else "SELECT *"
        assert a.execute(f"{select} FROM {table} ORDER BY {order}").fetchall() == \
               b.execute(f"{select} FROM {table} ORDER BY {order}").fetchall(), table
    a.close()
    b.close()


@pytest.mark.slow
def test_query_commands_read_a_dataset_directly(local_dataset, tmp_path):
    from click.testing import CliRunner

    from eventlens.cli import main

    cli = CliRunner()
    db = f"{local_dataset}/"
    events = cli.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert events.exit_code == 0, events.output
    rows = [json.loads(line) for line in events.output.splitlines()]
    assert rows and all(r["num_mentions"] >= 1 for r in rows)
    sql = cli.invoke(main, ["sql", "--db", db, "--format", "jsonl",
                            "SELECT count(*) AS n, count(DISTINCT mention_id) AS d FROM mentions"])
    counts = json.loads(sql.output)
    assert counts["n"] == counts["d"] == len(_dataset_ids(local_dataset))
    # Dedup is the store's group-by: as many events as mentions grouped by the store.
    assert sum(r["num_mentions"] for r in rows) == counts["n"]
    blocked = cli.invoke(main, ["sql", "--db", db, "SELECT * FROM read_csv('/etc/passwd')"])
    assert blocked.exit_code == 2
    dyad = cli.invoke(main, ["dyad", "FRA", "NGA", "--db", db, "--format", "csv"])
    assert dyad.exit_code == 0
    out = tmp_path / "events.parquet"
    export = cli.invoke(main, ["export", "--db", db, "--format", "parquet", "--out", str(out)])
    assert export.exit_code == 0 and out.exists()
    errors = cli.invoke(main, ["errors", "--db", db, "--format", "jsonl"])
    assert "broken.jsonl:2" in errors.output
