"""The `eventlens` command: inputs, formats, bad input, exit status. Runs in process with CliRunner."""
import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from eventlens.cli import main

pytestmark = pytest.mark.slow


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_jsonl_output_has_the_documented_fields(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Japan imposed sanctions on Russia on Friday.", encoding="utf-8")
    res = run("code", str(article), "--date", "2025-01-24", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    ev = next(e for e in events if e["code"] == "163")
    assert ev["article_id"] == str(article)
    assert ev["source"]["code"] == "JPN" and ev["target"]["code"] == "RUS"
    assert ev["publication_date"] == "2025-01-24" and ev["coder_version"].startswith("0.1.0+")
    for key in ("sentence_index", "sentence", "base_code", "root_code", "name", "plover", "goldstein",
                "quad_class", "date", "speaker", "negated", "modality", "evidence", "rule"):
        assert key in ev


def test_json_document_and_stdin():
    res = run("code", "-", "--format", "json", "--date", "20250124",
              input="France condemned the attack on the embassy by Iran.")
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert doc["articles"] == 1 and isinstance(doc["events"], list)
    assert all(e["article_id"] == "-" for e in doc["events"])


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("Egypt hosted talks between Israel and Hamas.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\xff")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "ok1", "text": "Poland expelled Russian diplomats.", "date": "2025-02-11"}\n'
        '{"id": "broken", "text": \n'
        '{"id": "nodate", "text": "Chile recalled its ambassador from Israel.", "date": "yesterday"}\n',
        encoding="utf-8")
    res = run("code", str(tmp_path), "--format", "jsonl")
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if "[E0" in line]
    assert len(errors) == 4, res.stderr
    assert "Traceback" not in res.stderr
    assert any("batch.jsonl:2" in line for line in errors)
    assert any("batch.jsonl:3" in line and "YYYY-MM-DD" in line for line in errors)
    coded = {json.loads(line)["article_id"] for line in res.stdout.splitlines() if line.strip()}
    assert "ok1" in coded


def test_missing_path_is_one_line_and_nonzero():
    res = run("code", "/no/such/file.txt")
    assert res.exit_code == 1
    assert "Traceback" not in res.stderr and "/no/such/file.txt" in res.stderr


def test_bad_date_option_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["code", "x.txt", "--date", "Jan 5"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_table_output_on_samples():
    res = run("code", str(ROOT / "samples"), "--format", "table")
    assert res.exit_code == 0, res.stderr
    assert "source" in res.stdout and "→ target" in res.stdout


def test_two_processes_give_the_same_events_as_one(tmp_path):
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("code", str(ROOT / "samples"), "-o", str(out1), "--processes", "1").exit_code == 0
    assert run("code", str(ROOT / "samples"), "-o", str(out2), "--processes", "2").exit_code == 0
    ids1 = [json.loads(l)["id"] for l in out1.read_text().splitlines()]
    ids2 = [json.loads(l)["id"] for l in out2.read_text().splitlines()]
    assert ids1 == ids2 and ids1


def test_verb_pattern_dictionary_codes_and_names_its_line(tmp_path):
    verbs = tmp_path / "mine.verbs.txt"
    verbs.write_text("--- DENOUNCE [111] ---\nDENOUNCE\n- * + FOR &CRIME [112]\n&CRIME\n+ESPIONAGE\n",
                     encoding="utf-8")
    res = run("code", "-", "--verbs", str(verbs), "--format", "jsonl", "--date", "2025-01-24",
              input="Poland denounced Belarus for espionage.")
    events = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    ev = next(e for e in events if e["source"]["code"] == "POL")
    assert ev["code"] == "112" and ev["target"]["code"] == "BLR"
    assert ev["rule"].startswith(f"{verbs.name}:3:")


def test_file_lexicon_without_verbs_is_a_usage_error():
    res = run("code", "-", "--lexicon", "file", input="Japan imposed sanctions on Russia.")
    assert res.exit_code == 2 and "--verbs" in res.stderr


def test_explain_shows_candidates_scores_and_why_losers_lost():
    res = run("code", "-", "--explain", "--date", "2023-02-14",
              input="Moldova summoned the Russian ambassador. Thousands of Moldovans protested in Chisinau on "
                    "Sunday. Russia did not condemn Moldova.\n")
    assert res.exit_code == 0
    out = res.output
    assert "[- #0] Moldova summoned the Russian ambassador." in out
    assert "'summoned' 114" in out and "coded" in out and "event: MDA -> RUS" in out
    protest = out.split("[- #1]")[1].split("[- #2]")[0]  # no target named: the ranker weighed the candidates
    assert "'protested' 141" in protest and "targets weighed: MDAGOV" in protest and "none" in protest
    assert "dropped: negated" in out  # "did not condemn": the loser and why it lost


def test_min_confidence_is_an_option_of_every_coding_command():
    loose = run("code", "-", "--format", "jsonl", input="Moldova summoned the Russian ambassador.\n")
    strict = run("code", "-", "--format", "jsonl", "--min-confidence", "1", input="Moldova summoned the Russian ambassador.\n")
    assert [json.loads(x) for x in loose.output.splitlines() if x.startswith("{")]
    assert not [x for x in strict.output.splitlines() if x.startswith("{")]
    assert run("code", "-", "--min-confidence", "2", input="x\n").exit_code == 2
