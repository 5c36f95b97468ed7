"""Crash safety (issue 13): SIGKILL `eventlens ingest`, `recode` and `export` at random moments and check
that a re-run after each kill leaves the store (or the export file) equal to a clean run's.

    .venv/bin/python bench/crash.py                 # 20 kills of each command (about 30 min on 2 cores)
    .venv/bin/python bench/crash.py --kills 3 --commands ingest

For each kill: a fresh copy of the starting state; the command is started and SIGKILLed after a delay drawn
uniformly from [0, its clean run's wall time]; the store is opened and checked (every stored article has
all its mentions: nothing half-written); the command is run again to the end; then tables, row counts and
ids (article hashes, mention, sentence and event ids) are compared with the clean run, and for export the
file bytes. Prints one line per kill and a JSON summary: kills, killed mid-run, rows lost, mismatches.
Commands run from a private copy of eventlens/ taken at the start (other edits to the tree cannot change
the coding mid-campaign). tests/test_crash.py runs a kill of recode and of export in `make test`. Figures: docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IDS = {"articles": "content_hash", "mentions": "mention_id", "events": "event_id",
       "event_mentions": "mention_id || ':' || event_id", "actors": "code",
       "sentences": "content_hash || ':' || sentence_index"}


sys.path.insert(0, str(ROOT / "bench"))


def write_corpus(path: Path, n: int, seed: int = 7) -> None:
    from corpus import build_corpus

    lines = [json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat(), "source": a.source})
             for a in build_corpus(n, words=200, seed=seed)]
    lines.insert(3, '{"id": "broken", "text": 12}')  # a bad line: an error row on every run
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def state(db: Path) -> dict:
    """What a store holds: per table its count and sorted ids; plus half-written articles (should be 0)."""
    from eventlens.store import open_store

    con = open_store(str(db), read_only=True)
    try:
        out = {table: sorted(r[0] for r in con.execute(f"SELECT {key} FROM {table}").fetchall())
               for table, key in IDS.items()}
        out["coder_version"] = sorted(r[0] for r in con.execute("SELECT DISTINCT coder_version FROM articles").fetchall())
        out["tables"] = sorted(r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall())
        out["half_written"] = con.execute("""SELECT count(*) FROM articles a WHERE n_events !=
            (SELECT count(*) FROM mentions m WHERE m.content_hash = a.content_hash)""").fetchone()[0]
        return out
    finally:
        con.close()


def diff(clean: dict, got: dict) -> tuple[int, list[str]]:
    """(rows missing compared with the clean run, the tables that differ)."""
    lost = sum(len(set(clean[t]) - set(got[t])) for t in IDS)
    bad = [t for t in (*IDS, "tables") if clean[t] != got[t]]
    return lost, bad + (["half_written"] if got["half_written"] else [])


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventlens.cli", *args]


ENV = dict(os.environ, OMP_NUM_THREADS="1")
CWD = [None]


def freeze_code(folder: Path) -> None:
    """Run every command from a private copy of eventlens, so that edits to the working tree made while the
    campaign runs (other work on the coder) cannot change the coding between a clean run and a re-run."""
    frozen = folder / "frozen"
    shutil.copytree(ROOT / "eventlens", frozen / "eventlens", ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(frozen)
    CWD[0] = str(frozen)  # `python -m` puts the working directory first on the path


def run(cmd: list[str]) -> tuple[int, float]:
    start = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV, cwd=CWD[0])
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.returncode, time.monotonic() - start


def kill_after(cmd: list[str], delay: float) -> bool:
    """Start cmd, SIGKILL it after `delay` seconds; True if it was still running when killed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=CWD[0])
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


class Campaign:
    def __init__(self, folder: Path, articles: int = 24, seed: int = 13, log=print, freeze: bool = True):
        self.folder, self.rng, self.log = folder, random.Random(seed), log
        if freeze:
            freeze_code(folder)
        self.corpus = folder / "corpus.jsonl"
        write_corpus(self.corpus, articles)
        self.clean = folder / "clean.duckdb"
        self.clean_runs = 0
        self._clean_run()
        self.results: dict[str, dict] = {}

    def _clean_run(self) -> None:
        _remove(self.clean)
        _, self.ingest_s = run(cli("ingest", str(self.corpus), "--db", str(self.clean), "--commit-every", "2",
                                   "--processes", "1"))
        self.clean_state = state(self.clean)
        self.clean_runs += 1

    def compare(self, got: dict) -> tuple[int, list[str]]:
        """diff() against the clean run; should the coder have changed meanwhile (another engineer editing
        the lexicon), against a new clean run of the same coder."""
        if got["coder_version"] != self.clean_state["coder_version"]:
            self._clean_run()
            self.log(f"(the coder changed to {got['coder_version']}: clean run again)")
        return diff(self.clean_state, got)

    def _record(self, command: str, killed: bool, lost: int, bad: list[str], index: int, delay: float) -> None:
        r = self.results.setdefault(command, {"kills": 0, "killed_mid_run": 0, "rows_lost": 0, "mismatches": 0})
        r["kills"] += 1
        r["killed_mid_run"] += killed
        r["rows_lost"] += lost
        r["mismatches"] += bool(bad)
        self.log(f"{command} kill {index}: after {delay:.2f} s, {'mid-run' if killed else 'it had finished'}; "
                 f"re-run: {lost} rows lost, {'differs in ' + ', '.join(bad) if bad else 'equal to the clean run'}")

    def ingest(self, kills: int) -> None:
        for i in range(1, kills + 1):
            db = self.folder / f"ingest-{i}.duckdb"
            args = cli("ingest", str(self.corpus), "--db", str(db), "--commit-every", "2", "--processes", "1")
            delay = self.rng.uniform(0, self.ingest_s)
            killed = kill_after(args, delay)
            if db.exists():
                state(db)  # opens: the WAL replays to the last commit
            run(args)
            lost, bad = self.compare(state(db))
            self._record("ingest", killed, lost, bad, i, delay)
            _remove(db)

    def recode(self, kills: int) -> None:
        _, recode_s = None, None
        probe = self.folder / "recode-probe.duckdb"
        shutil.copy(self.clean, probe)
        _, recode_s = run(cli("recode", "--all", "--db", str(probe), "--commit-every", "2", "--processes", "1"))
        _remove(probe)
        for i in range(1, kills + 1):
            db = self.folder / f"recode-{i}.duckdb"
            shutil.copy(self.clean, db)
            args = cli("recode", "--all", "--db", str(db), "--commit-every", "2", "--processes", "1")
            delay = self.rng.uniform(0, recode_s)
            killed = kill_after(args, delay)
            after_kill = state(db)
            # A killed recode leaves the store as it was (its staging tables go at the next recode).
            after_kill["tables"] = [t for t in after_kill["tables"] if not t.startswith("recode_")]
            after_kill["coder_version"] = self.clean_state["coder_version"]
            _, bad_now = diff(self.clean_state, after_kill)
            run(args)
            lost, bad = self.compare(state(db))
            self._record("recode", killed, lost, sorted(set(bad) | {f"after-kill:{t}" for t in bad_now}), i, delay)
            _remove(db)

    def export(self, kills: int, fmt: str = "csv", events: int = 30_000) -> None:
        """Export from a synthesized store big enough that a kill lands mid-write."""
        from synth_store import synthesize

        store = self.folder / "export.duckdb"
        if not store.exists():
            synthesize(str(store), events)
        reference = self.folder / "clean-export.csv"
        _, export_s = run(cli("export", "--db", str(store), "--format", fmt, "--out", str(reference)))
        want = reference.read_bytes()
        for i in range(1, kills + 1):
            out = self.folder / f"export-{i}.csv"
            args = cli("export", "--db", str(store), "--format", fmt, "--out", str(out))
            delay = self.rng.uniform(0, export_s)
            killed = kill_after(args, delay)
            bad = []
            if out.exists() and out.read_bytes() != want:
                bad.append("truncated file under the real name")
            run(args)
            if out.read_bytes() != want:
                bad.append("re-run differs")
            self._record("export", killed, 0, bad, i, delay)
            out.unlink(missing_ok=True)


def _remove(db: Path) -> None:
    for path in (db, Path(str(db) + ".wal")):
        path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="kills per command (default 20)")
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--commands", default="ingest,recode,export")
    args = parser.parse_args()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="eventlens-crash-") as folder:
        campaign = Campaign(Path(folder), articles=args.articles, log=lambda line: print(line, flush=True))
        print(f"clean ingest: {args.articles} articles, {len(campaign.clean_state['mentions'])} mentions, "
              f"{len(campaign.clean_state['events'])} events, {campaign.ingest_s:.1f} s", flush=True)
        for command in args.commands.split(","):
            getattr(campaign, command)(args.kills)
    print(json.dumps({"results": campaign.results, "clean_runs": campaign.clean_runs,
                      "wall_s": round(time.monotonic() - start)}, indent=1))
    if any(r["rows_lost"] or r["mismatches"] for r in campaign.results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
