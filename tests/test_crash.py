"""Crash safety in `make test` (bench/crash.py runs 20 SIGKILLs of each command): a killed recode and a
killed export, and a full disk (a file-size limit) during ingest. The killed ingest is in test_cli_store.py."""
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import crash  # noqa: E402  (bench/crash.py)


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    lines = []
    c = crash.Campaign(tmp_path_factory.mktemp("crash"), articles=10, seed=5, log=lines.append)
    c.lines = lines
    return c


def test_a_killed_recode_leaves_the_store_as_it_was_and_a_rerun_equals_a_clean_run(campaign):
    campaign.recode(1)
    assert campaign.results["recode"]["rows_lost"] == 0 and campaign.results["recode"]["mismatches"] == 0, \
        campaign.lines


def test_a_killed_export_never_leaves_a_truncated_file(campaign):
    campaign.export(2, events=8000)
    assert campaign.results["export"]["rows_lost"] == 0 and campaign.results["export"]["mismatches"] == 0, \
        campaign.lines


def test_a_full_disk_during_ingest_is_one_clear_error_and_keeps_the_committed_batches(campaign):
    db = campaign.folder / "full.duckdb"
    args = crash.cli("ingest", str(campaign.corpus), "--db", str(db), "--commit-every", "2", "--processes", "1")
    limit = 60_000  # bytes per file: the log fills after a few batches

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(args, preexec_fn=small_files, capture_output=True, text=True, env=crash.ENV,
                          cwd=crash.CWD[0])
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    line = [l for l in done.stderr.splitlines() if "[E020]" in l]
    assert len(line) == 1 and "cannot write the store" in line[0] and "File too large" in line[0]
    after = crash.state(db)
    assert after["half_written"] == 0
    assert 0 < len(after["articles"]) < len(campaign.clean_state["articles"])
    assert set(after["mentions"]) <= set(campaign.clean_state["mentions"])
    crash.run(args)  # room again: the same command finishes the work
    lost, bad = crash.diff(campaign.clean_state, crash.state(db))
    assert (lost, bad) == (0, [])
