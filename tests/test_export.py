"""Export writers: GDELT 2.0 read back by gdelt-py, PLOVER JSON lines, Parquet and CSV read back by DuckDB.

The rows are written here by hand in the shape the store yields; offsets are computed from the
article text so every span really points at its words.
"""
from __future__ import annotations

import csv
import json

import pytest

from eventlens.errors import UsageError
from eventlens.export import FORMATS, write_export
from eventlens.export.tabular import SCHEMA
from eventlens.models import ActorRef, Event
from eventlens.ontology import lookup

TOKYO = {"type": 4, "full_name": "Tokyo, Japan", "country_code": "JPN", "fips": "JA", "adm1": "JA40",
         "lat": 35.6895, "lon": 139.6917, "feature_id": "1850147"}
JAPAN = {"type": 1, "full_name": "Japan", "country_code": "JPN", "fips": "JA", "adm1": "JA",
         "lat": 36.0, "lon": 138.0, "feature_id": "1861060"}
RUSSIA = {"type": 1, "full_name": "Russia", "country_code": "RUS", "fips": "RS", "adm1": "RS",
          "lat": 60.0, "lon": 100.0, "feature_id": "2017370"}


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _actor(text: str, words: str | None, code: str, name: str, country: str | None, sector: str | None,
           via: str, at: tuple[int, int] | None = None) -> ActorRef:
    if words is None:
        return ActorRef(code, name, country, sector, None, None, None, via)  # type: ignore[arg-type]
    start, end = at or _span(text, words)
    return ActorRef(code, name, country, sector, words, start, end, via)


def _event(article: str, sentence: str, sentence_index: int, code: str, source: ActorRef,
           target: ActorRef | None, action_words: list[str], **fields) -> dict:
    rec = lookup(code)
    sent_at = article.index(sentence)
    action, cursor = [], sent_at
    for words in action_words:
        start, end = _span(article, words, cursor)
        action.append([start, end])
        cursor = end
    event = Event(
        id=f"m-{code}-{sentence_index}", article_id=fields.pop("article_id"), sentence_index=sentence_index,
        sentence=sentence, source=source, target=target, code=code, base_code=code[:3], root_code=code[:2],
        name=rec.name, plover={"event": rec.plover_event, "mode": rec.plover_mode},
        goldstein=rec.goldstein, quad_class=rec.quad_class,
        date=fields.pop("date", None), date_precision=fields.pop("date_precision", None),
        date_expression=fields.pop("date_expression", None),
        publication_date=fields.pop("publication_date", None), publication_date_inferred=False,
        publication_date_confidence=fields.pop("publication_date_confidence", None),
        action_geo=fields.pop("action_geo", None), source_geo=fields.pop("source_geo", None),
        target_geo=fields.pop("target_geo", None), speaker=None, negated=False,
        modality=fields.pop("modality", "asserted"),
        evidence={"source": [source.start, source.end] if source.start is not None else None,
                  "target": [target.start, target.end] if target and target.start is not None else None,
                  "speaker": None, "action": action},
        rule=fields.pop("rule"), confidence=0.9, attributes=fields.pop("attributes", {}),
        coder_version="0.1.0+1a2b3c4d",
    )
    assert not fields, fields
    return event.to_dict()


def make_rows() -> list[dict]:
    art1 = ("TOKYO, Jan. 11 - Japan tightened its measures against Moscow. On Wednesday Prime Minister "
            "Shigeru Ishiba said Tokyo would impose sanctions on three Russian banks, calling the move "
            "\"necessary\".")
    s1 = art1[art1.index("On Wednesday"):]
    date_at = _span(art1, "On Wednesday")
    m1 = _event(art1, s1, 1, "163",
                _actor(art1, "Tokyo", "JPNGOV", "Japan", "JPN", "GOV", "capitals.tsv:40",
                       at=_span(art1, "Tokyo", art1.index("said"))),
                _actor(art1, "three Russian banks", "RUSBUS", "Russian banks", "RUS", "BUS", "sectors.tsv:12"),
                ["impose", "sanctions"], article_id="kyodo-2024-0111", date="2024-01-10",
                date_precision="day", date_expression={"text": "On Wednesday", "start": date_at[0],
                                                       "end": date_at[1]},
                publication_date="2024-01-11", publication_date_confidence=1.0, action_geo=TOKYO,
                source_geo=JAPAN, target_geo=RUSSIA, rule="lexicon verbs.tsv:869: impose",
                attributes={"target_counts": {"banks": 3}})

    art2 = "NAIROBI - The Kenyan\nTreasury\tsaid it intends to expand trade with \"partners\" next year."
    m2 = _event(art2, art2, 0, "0311",
                _actor(art2, "The Kenyan\nTreasury", "KENGOV", "Kenyan\tTreasury", "KEN", "GOV",
                       "sectors.tsv:30"),
                None, ["expand", "trade"], article_id="feeds/kenya\tbusiness.txt",
                publication_date="2024-06-25", publication_date_confidence=1.0, modality="intended",
                rule="lexicon verbs.tsv:1201: expand trade; intended turns 061 into 0311")

    art3 = ("UN peacekeepers arrived in the region. Their commander said the mission's mandate "
            "remained unchanged.")
    s3 = art3[art3.index("Their commander"):]
    m3 = _event(art3, s3, 1, "010",
                # The source's words sit in the previous sentence: the sentence's offset cannot be found.
                _actor(art3, "UN peacekeepers", "IGOUNO", "\"Blue Helmets\" of the United Nations", None, None,
                       "coreference: UN peacekeepers"),
                None, ["said"], article_id="un-news-77", rule="lexicon verbs.tsv:12: say")
    return [
        {"event_id": "ev-0001", "num_mentions": 7, "num_sources": 3, "num_articles": 5, "is_root_event": True,
         "date_added": "20240111081500", "source_url": "https://news.example.org/world?id=42&lang=en",
         "mention": m1},
        {"event_id": "ev-0002", "num_mentions": 1, "num_sources": 1, "num_articles": 1, "is_root_event": False,
         "date_added": "20240625120000", "source_url": None, "mention": m2},
        {"event_id": "ev-0003", "num_mentions": 2, "num_sources": 2, "num_articles": 2, "is_root_event": False,
         "date_added": "20240301000000", "source_url": "", "mention": m3},
    ]


def test_unknown_format_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        write_export("xml", make_rows(), tmp_path / "out.xml")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_are_consumed_from_a_generator_and_counted(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert write_export(fmt, (row for row in make_rows()), out) == 3
    assert out.exists() and out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no partial file left behind


# --- GDELT 2.0 -------------------------------------------------------------------------------

def _parse_gdelt(path):
    from py_gdelt.models.events import Event as GdeltEvent
    from py_gdelt.parsers.events import EventsParser

    return [GdeltEvent.from_raw(raw) for raw in EventsParser().parse(path.read_bytes())]


def test_gdelt_export_reads_back_with_gdelt_py(tmp_path):
    pytest.importorskip("py_gdelt")
    rows = make_rows()
    out = tmp_path / "events.tsv"
    assert write_export("gdelt", rows, out) == 3

    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 4  # one line per event, no header
    for line in lines[:-1]:
        assert len(line.split("\t")) == 61
        assert len(line.strip().split("\t")) == 61  # what the parser counts

    parsed = _parse_gdelt(out)
    assert len(parsed) == len(rows)
    for row, ev in zip(rows, parsed):
        m = row["mention"]
        assert 0 < ev.global_event_id < 2**63
        assert ev.event_code == m["code"] and ev.event_base_code == m["base_code"]
        assert ev.event_root_code == m["root_code"]
        assert ev.quad_class == m["quad_class"] and ev.goldstein_scale == m["goldstein"]
        assert (ev.num_mentions, ev.num_sources, ev.num_articles) == (
            row["num_mentions"], row["num_sources"], row["num_articles"])
        assert ev.is_root_event is row["is_root_event"]
        assert ev.avg_tone == 0.0
        assert ev.date_added.strftime("%Y%m%d%H%M%S") == row["date_added"]
        assert ev.actor1.code == m["source"]["code"]
        assert ev.actor1.country_code == m["source"]["country"]
        assert ev.actor1.type1_code == (m["source"]["sector"] or m["source"]["code"][:3])
        if m["target"] is None:
            assert ev.actor2 is None
        else:
            assert (ev.actor2.code, ev.actor2.name, ev.actor2.country_code, ev.actor2.type1_code) == (
                m["target"]["code"], m["target"]["name"], m["target"]["country"], m["target"]["sector"])
        for place, loc in ((m["source_geo"], ev.actor1_geo), (m["target_geo"], ev.actor2_geo),
                           (m["action_geo"], ev.action_geo)):
            if place is None:
                assert loc is None
            else:
                assert (loc.lat, loc.lon, loc.geo_type) == (place["lat"], place["lon"], place["type"])
                assert (loc.name, loc.country_code, loc.adm1_code, loc.feature_id) == (
                    place["full_name"], place["fips"], place["adm1"], place["feature_id"])
                assert loc.adm2_code is None

    first, second, third = parsed
    # Dates: the event's own date, else the publication date, else the day it was added.
    assert [e.date.isoformat() for e in parsed] == ["2024-01-10", "2024-06-25", "2024-03-01"]
    fields = [line.split("\t") for line in lines[:-1]]
    assert [f[1:5] for f in fields] == [["20240110", "202401", "2024", "2024.0274"],
                                        ["20240625", "202406", "2024", "2024.4795"],
                                        ["20240301", "202403", "2024", "2024.1671"]]
    assert first.actor1.name == "Japan"
    assert first.source_url == rows[0]["source_url"]
    # Text fields lose tabs, line breaks and double quotes, nothing else.
    assert second.actor1.name == "Kenyan Treasury"
    assert third.actor1.name == "'Blue Helmets' of the United Nations"
    # No URL: a placeholder naming the article, so the last column is never empty.
    assert second.source_url == "urn:eventlens:article:feeds%2Fkenya%09business.txt"
    assert third.source_url == "urn:eventlens:article:un-news-77"
    # An international organisation: no country, its type and group from the code.
    assert third.actor1.country_code is None
    assert (third.actor1.type1_code, third.actor1.known_group_code) == ("IGO", "UNO")
    assert len({e.global_event_id for e in parsed}) == 3


def test_gdelt_ids_are_stable_across_exports(tmp_path):
    pytest.importorskip("py_gdelt")
    write_export("gdelt", make_rows(), tmp_path / "a.tsv")
    write_export("gdelt", list(reversed(make_rows())), tmp_path / "b.tsv")
    ids_a = [e.global_event_id for e in _parse_gdelt(tmp_path / "a.tsv")]
    ids_b = [e.global_event_id for e in _parse_gdelt(tmp_path / "b.tsv")]
    assert ids_a == list(reversed(ids_b))


# --- PLOVER ----------------------------------------------------------------------------------

def test_plover_records(tmp_path):
    rows = make_rows()
    out = tmp_path / "events.jsonl"
    assert write_export("plover", rows, out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)

    assert first["id"] == "ev-0001" and first["date"] == "2024-01-10"
    assert first["actor"] == [{"code": "JPN", "sector": "GOV", "entity_text": "Tokyo", "identifier_text": "Japan"}]
    assert first["recipient"][0]["code"] == "RUS" and first["recipient"][0]["sector"] == "BUS"
    assert (first["event"], first["mode"], first["context"]) == (["COERCE"], ["restrict"], ["diplomatic"])
    assert first["event_text"] == ["impose", "sanctions"]
    assert first["text"] == rows[0]["mention"]["sentence"] and '"necessary"' in first["text"]
    article_start = rows[0]["mention"]["date_expression"]["start"]  # the sentence opens with the date
    assert first["text_info"] == {"sequence": 1, "start": article_start,
                                  "end": article_start + len(first["text"])}
    assert (first["quad_code"], first["event_scale"]) == (4, -8.0)
    assert first["event_loc"] == {"resolved_place": "Tokyo, Japan", "lat": 35.6895, "lon": 139.6917,
                                  "country_code": "JPN", "geonameid": 1850147, "resolution": 4}
    assert first["cite_info"]["url"] == rows[0]["source_url"]
    extra = first["eventlens"]
    assert (extra["num_mentions"], extra["num_sources"], extra["num_articles"]) == (7, 3, 5)
    assert extra["cameo"]["code"] == "163" and extra["actor_code"] == "JPNGOV"
    assert extra["attributes"] == {"target_counts": {"banks": 3}}

    # Null target and geography; a code with a leading zero; tab and newline kept inside the text.
    assert second["recipient"] == [] and second["event_loc"] is None
    assert second["eventlens"]["cameo"]["code"] == "0311" and second["context"] == ["economic"]
    assert second["event"] == ["AGREE"] and second["mode"] == []
    assert second["event_text"] == ["expand", "trade"]
    assert second["text"] == rows[1]["mention"]["sentence"] and "\t" in second["text"] and "\n" in second["text"]
    assert second["actor"][0]["entity_text"] == "The Kenyan\nTreasury"
    assert second["date"] == "2024-06-25"

    # A CAMEO statement: PLOVER codes no event. The sentence offset cannot be recovered, so the
    # action words come from the lexicon entry.
    assert third["has_event"] is False and third["event"] == [] and third["context"] == []
    assert third["actor"][0]["code"] == "IGO"
    assert third["event_text"] == ["say"]
    assert third["text_info"]["start"] is None
    assert third["date"] == "2024-03-01"


# --- Parquet and CSV -------------------------------------------------------------------------

def test_parquet_types_and_values(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    rows = make_rows()
    out = tmp_path / "events.parquet"
    assert write_export("parquet", rows, out) == 3
    con = duckdb.connect()
    described = {name: kind for name, kind, *_ in con.execute(
        "DESCRIBE SELECT * FROM read_parquet(?)", [str(out)]).fetchall()}
    assert list(described) == list(SCHEMA)
    expected_types = {"event_id": "VARCHAR", "num_mentions": "INTEGER", "is_root_event": "BOOLEAN",
                      "date_added": "TIMESTAMP", "code": "VARCHAR", "goldstein": "DOUBLE",
                      "quad_class": "INTEGER", "date": "DATE", "action_geo_lat": "DOUBLE",
                      "action_geo_type": "INTEGER", "target_code": "VARCHAR", "sentence_index": "INTEGER"}
    for name, kind in expected_types.items():
        assert described[name] == kind, name

    cur = con.execute("SELECT * FROM read_parquet(?) ORDER BY event_id", [str(out)])
    names = [d[0] for d in cur.description]
    got = [dict(zip(names, values)) for values in cur.fetchall()]
    assert [g["event_id"] for g in got] == ["ev-0001", "ev-0002", "ev-0003"]
    first, second, third = got
    m1 = rows[0]["mention"]
    assert first["code"] == "163" and second["code"] == "0311" and third["code"] == "010"
    assert first["date"].isoformat() == "2024-01-10" and second["date"] is None
    assert first["date_added"].isoformat() == "2024-01-11T08:15:00"
    assert (first["action_geo_lat"], first["action_geo_lon"]) == (TOKYO["lat"], TOKYO["lon"])
    assert first["target_geo_fips"] == "RS" and first["source_name"] == m1["source"]["name"]
    assert first["source_start"] == m1["source"]["start"] and first["evidence_target_end"] == m1["target"]["end"]
    assert json.loads(first["evidence_action"]) == m1["evidence"]["action"]
    assert json.loads(first["attributes"]) == {"target_counts": {"banks": 3}}
    assert first["goldstein"] == -8.0 and first["quad_class"] == 4 and first["is_root_event"] is True
    assert first["plover_event"] == "COERCE" and first["plover_context"] == "diplomatic"
    assert first["sentence"] == m1["sentence"]
    assert second["sentence"] == rows[1]["mention"]["sentence"]  # tab, newline and quotes intact
    assert second["target_code"] is None and second["action_geo_lat"] is None
    assert second["source_url"] is None and second["evidence_target_start"] is None
    assert third["source_country"] is None and third["source_code"] == "IGOUNO"
    assert third["num_mentions"] == 2


def test_csv_has_a_header_and_the_parquet_schema(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    rows = make_rows()
    csv_path, parquet_path = tmp_path / "events.csv", tmp_path / "events.parquet"
    assert write_export("csv", rows, csv_path) == 3
    write_export("parquet", rows, parquet_path)

    with open(csv_path, encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert list(records[0]) == list(SCHEMA)
    assert [r["code"] for r in records] == ["163", "0311", "010"]
    assert records[1]["sentence"] == rows[1]["mention"]["sentence"]
    assert records[1]["target_code"] == "" and records[0]["is_root_event"] == "true"

    columns = "{" + ", ".join(f"'{n}': '{k}'" for n, k in SCHEMA.items()) + "}"
    con = duckdb.connect()
    from_csv = f"SELECT * FROM read_csv(?, header=true, columns={columns})"
    from_parquet = "SELECT * FROM read_parquet(?)"
    args = [str(csv_path), str(parquet_path)]
    assert con.execute(f"SELECT count(*) FROM ({from_csv} EXCEPT {from_parquet})", args).fetchone()[0] == 0
    assert con.execute(f"SELECT count(*) FROM ({from_parquet} EXCEPT {from_csv})",
                       list(reversed(args))).fetchone()[0] == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_rows_gives_an_empty_but_valid_file(tmp_path, fmt):
    out = tmp_path / f"empty.{fmt}"
    assert write_export(fmt, iter(()), out) == 0
    if fmt == "parquet":
        duckdb = pytest.importorskip("duckdb")
        assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()[0] == 0
    elif fmt == "csv":
        assert out.read_text(encoding="utf-8").strip().split(",") == list(SCHEMA)
    else:
        assert out.read_text(encoding="utf-8") == ""


# --- documentation ---------------------------------------------------------------------------

def _export_doc() -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "docs" / "export.md").read_text(encoding="utf-8")


def test_docs_name_every_table_column_and_plover_field():
    from eventlens.export.plover import plover_record

    doc = _export_doc()
    for name in SCHEMA:
        # The target, speaker and geo groups are documented by reference to the first group.
        stand_in = (name.replace("target_geo_", "action_geo_").replace("source_geo_", "action_geo_")
                    if "_geo_" in name else name.replace("target_", "source_", 1).replace("speaker_", "source_", 1))
        assert f"`{name}`" in doc or f"`{stand_in}`" in doc, name
    record = plover_record(make_rows()[0])
    for key in [*record, *record["eventlens"]]:
        assert f"`{key}`" in doc, key


def test_gdelt_columns_follow_the_reference_order():
    from pathlib import Path

    from eventlens.export.gdelt import COLUMNS

    reference = Path(__file__).resolve().parents[2] / "shared" / "reference" / "gdelt2_event_columns.tsv"
    if not reference.exists():
        pytest.skip("GDELT column reference not present")
    names = [line.split("\t")[1] for line in reference.read_text(encoding="utf-8").splitlines()[1:] if line]
    assert list(COLUMNS) == names
