"""The store's commands end to end, including an ingest killed with SIGKILL and run again."""
import csv
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventlens.cli import main
from eventlens.store import open_store

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("articles", "sentences", "mentions", "events", "event_mentions", "actors")


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, n: int) -> int:
    """A JSONL corpus with a repeated article and a bad line; returns the number of distinct articles."""
    articles = _corpus_module().build_corpus(n, words=200, seed=7)
    lines = [json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat(), "source": a.source})
             for a in articles]
    lines.insert(5, lines[2])  # the same article twice in one run
    lines.insert(9, '{"id": "broken", "text": 12}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def ingest_cmd(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventlens.cli", "ingest", str(corpus), "--db", str(db), *extra]


def table_counts(db: Path) -> dict[str, int]:
    con = open_store(str(db), read_only=True)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        con.close()


def mention_ids(db: Path) -> list[str]:
    con = open_store(str(db), read_only=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT mention_id FROM mentions").fetchall())
    finally:
        con.close()


def test_killed_ingest_finishes_on_rerun_with_nothing_lost_or_twice(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    n = write_corpus(corpus, 60)
    env = dict(os.environ, OMP_NUM_THREADS="1")

    clean = tmp_path / "clean.duckdb"
    done = subprocess.run(ingest_cmd(corpus, clean, "--commit-every", "4"), capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr  # the bad line was skipped, and the exit status says so
    expected = table_counts(clean)
    assert expected["articles"] == n

    killed = tmp_path / "killed.duckdb"
    wal = Path(str(killed) + ".wal")
    proc = subprocess.Popen(ingest_cmd(corpus, killed, "--commit-every", "2"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        # Creating the tables writes about 5 kB of log; committed batches of articles write far more.
        while time.monotonic() < deadline and proc.poll() is None:
            if wal.exists() and wal.stat().st_size > 40_000:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    partial = table_counts(killed)
    assert 0 < partial["articles"] < n  # killed mid-run, after some batches were committed

    rerun = subprocess.run(ingest_cmd(corpus, killed), capture_output=True, text=True, env=env)
    assert rerun.returncode == 1, rerun.stderr
    assert f"{partial['articles']} unchanged" in rerun.stderr or f"{partial['articles'] + 1} unchanged" in rerun.stderr
    assert table_counts(killed) == expected
    assert mention_ids(killed) == mention_ids(clean)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-store")
    inputs = folder / "inputs"
    inputs.mkdir()
    for name in ("armenia-azerbaijan-border-clash.txt", "eu-sanctions-belarus.txt", "articles.jsonl"):
        (inputs / name).write_bytes((ROOT / "samples" / name).read_bytes())
    (inputs / "wire.csv").write_text(
        "story,body,day\n"
        's1,"Japan imposed sanctions on three Russian banks on Friday. Russia condemned the decision.",2025-01-10\n'
        "s2,,2025-01-11\n", encoding="utf-8")
    db = folder / "cli.duckdb"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(inputs), "--db", str(db), "--date", "2025-03-01",
                                  "--text-col", "body", "--id-col", "story", "--date-col", "day"])
    return db, result


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ingest_reports_skips_in_exit_status_and_errors(store):
    db, result = store
    assert result.exit_code == 1, result.output
    assert "1 skipped" in result.output and "wire.csv:3" in result.output
    listed = run("errors", "--db", str(db), "--format", "jsonl")
    assert listed.exit_code == 0
    errors = [json.loads(line) for line in listed.output.splitlines()]
    assert len(errors) == 1 and errors[0]["input"].endswith("wire.csv:3") and "empty" in errors[0]["reason"]
    con = open_store(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles WHERE id = 's1'").fetchone()[0] == 1
    con.close()


def test_events_command_filters(store):
    db, _ = store
    out = run("events", "--db", str(db), "--source", "JPN", "--target", "RUS", "--since", "2025-01-01",
              "--until", "2025-01-31", "--format", "jsonl")
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all(r["source_code"].startswith("JPN") and r["target_code"].startswith("RUS") for r in rows)
    assert any(r["code"].startswith("163") for r in rows)
    as_csv = run("events", "--db", str(db), "--code", "16", "--format", "csv", "--limit", "50")
    parsed = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert parsed and all(r["code"].startswith("16") for r in parsed)
    table = run("events", "--db", str(db), "--source", "ARM")
    assert table.exit_code == 0 and "ARM" in table.output


def test_dyad_actors_and_sql_commands(store):
    db, _ = store
    dyad = run("dyad", "arm", "aze", "--db", str(db), "--by", "week", "--format", "jsonl")
    rows = [json.loads(line) for line in dyad.output.splitlines()]
    assert {r["direction"] for r in rows} == {"ARM -> AZE", "AZE -> ARM"}
    assert all(r["events"] == r["verbal_cooperation"] + r["material_cooperation"] + r["verbal_conflict"]
               + r["material_conflict"] for r in rows)
    actors = run("actors", "--db", str(db), "--limit", "3", "--format", "jsonl")
    assert len(actors.output.splitlines()) == 3
    count = run("sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "jsonl")
    jsonl_articles = len((ROOT / "samples" / "articles.jsonl").read_text(encoding="utf-8").split("\n")) - 1
    assert json.loads(count.output) == {"n": 2 + jsonl_articles + 1}
    refused = run("sql", "DELETE FROM events", "--db", str(db))
    assert refused.exit_code == 2 and "only queries" in refused.output
    missing = run("events", "--db", str(db.parent / "absent.duckdb"))
    assert missing.exit_code == 2 and "no store" in missing.output


def test_export_writes_the_deduplicated_events(store, tmp_path):
    pytest.importorskip("eventlens.export")
    db, _ = store
    out = tmp_path / "events.csv"
    result = run("export", "--db", str(db), "--format", "csv", "--out", str(out), "--source", "ARM")
    assert result.exit_code == 0, result.output
    exported = run("events", "--db", str(db), "--source", "ARM", "--format", "jsonl")
    assert f"{len(exported.output.splitlines())} events written" in result.output
    assert out.exists() and out.stat().st_size > 0


def test_recode_command(store, tmp_path):
    db, _ = store
    copy = tmp_path / "recode.duckdb"
    copy.write_bytes(db.read_bytes())
    before = table_counts(copy)
    unchanged = run("recode", "--db", str(copy))
    assert unchanged.exit_code == 0 and "0 articles recoded" in unchanged.output
    everything = run("recode", "--db", str(copy), "--all", "--commit-every", "3")
    assert everything.exit_code == 0, everything.output
    assert f"{before['articles']} articles recoded" in everything.output
    assert table_counts(copy) == before


def test_piped_output_defaults_to_csv_and_a_table_fits_its_width(store, monkeypatch):
    db, _ = store
    piped = run("events", "--db", str(db), "--source", "ARM")  # CliRunner's stdout is not a terminal
    rows = list(csv.DictReader(io.StringIO(piped.output)))
    assert rows and all(r["source_code"].startswith("ARM") for r in rows)
    monkeypatch.setenv("COLUMNS", "90")
    table = run("events", "--db", str(db), "--source", "ARM", "--format", "table")
    lines = table.output.splitlines()
    assert max(len(line) for line in lines) <= 90
    assert "date" in lines[2] and "source_code" in lines[2] and "code" in lines[2]
    assert "more column(s) not shown" in table.output and "--format csv" in table.output


def test_processes_auto_uses_the_cores_only_for_inputs_worth_it(monkeypatch):
    from eventlens import coding
    from eventlens.models import Article

    monkeypatch.setattr(coding, "available_cores", lambda: 2)
    small = [Article(id=str(i), text="Japan imposed sanctions on Russia.") for i in range(5)]
    n, articles = coding.plan_processes("auto", iter(small))
    assert n == 1 and [a.id for a in articles] == [a.id for a in small]
    big = [Article(id=str(i), text="word " * 4000) for i in range(8)]
    n, articles = coding.plan_processes("auto", iter(big))
    assert n == 2 and [a.id for a in articles] == [a.id for a in big]
    assert coding.plan_processes(3, small)[0] == 3
    bad = run("code", "--processes", "0", str(ROOT / "samples"))
    assert bad.exit_code == 2 and "'auto'" in bad.output
