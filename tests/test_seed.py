"""The showcase article (../shared/seed): the events a reader sees in it. Skips where shared/ is absent."""
import pytest

from conftest import SHARED

SEED = SHARED / "seed" / "japan-russia-peace-treaty.txt"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")]


@pytest.fixture(scope="module")
def seed_events(code):
    return code(SEED.read_text(encoding="utf-8"), date="2025-01-24")


def find(events, *, sentence_has, src=None, src_country=None, tgt_country=None, root=None, code=None):
    out = []
    for e in events:
        if sentence_has not in e.sentence:
            continue
        if src and e.source.code != src:
            continue
        if src_country and e.source.country != src_country:
            continue
        if tgt_country and (e.target is None or e.target.country != tgt_country):
            continue
        if root and e.root_code != root:
            continue
        if code and e.code != code:
            continue
        out.append(e)
    assert out, (f"no event {src or src_country}->{tgt_country} {root or code} in the sentence with "
                 f"{sentence_has!r}; got {[(e.sentence_index, e.source.code, e.target and e.target.code, e.code) for e in events]}")
    return out[0]


def test_ishiba_intent_to_conclude_a_treaty(seed_events):
    ev = find(seed_events, sentence_has="intends to conclude", src="JPNGOV", tgt_country="RUS", root="03")
    assert ev.speaker.name == "Shigeru Ishiba" and ev.modality == "intended"


def test_ishiba_november_statement(seed_events):
    ev = find(seed_events, sentence_has="in November 2024", src="JPNGOV", tgt_country="RUS", root="03")
    assert ev.speaker.name == "Shigeru Ishiba"


def test_iwaya_same_stance(seed_events):
    ev = find(seed_events, sentence_has="Takeshi Iwaya", src="JPNGOV", tgt_country="RUS", root="03")
    assert ev.source.name == "Takeshi Iwaya"


def test_foreign_ministry_conditional_demand(seed_events):
    ev = find(seed_events, sentence_has="only after Tokyo", src="RUSGOV", tgt_country="JPN", root="10")
    assert ev.modality == "conditional" and ev.speaker.code == "RUSGOV"


def test_chepa_conditional_intent_to_sign(seed_events):
    ev = find(seed_events, sentence_has="Chepa", src="RUSLEG", tgt_country="JPN", root="03")
    assert ev.modality == "conditional"


def test_sanctions_on_banks(seed_events):
    ev = find(seed_events, sentence_has="imposed sanctions", src="JPN", tgt_country="RUS", code="163")
    assert ev.speaker is None


def test_named_persons_as_sanction_targets(seed_events):
    targets = {e.target.name: e.target.code for e in seed_events
               if "Among those targeted" in e.sentence and e.code == "163" and e.target}
    assert targets.get("Pavel Marynichev") == "RUSBUS", targets
    assert len([c for c in targets.values() if c == "RUSBUS"]) >= 2, targets


def test_export_ban_implies_russia(seed_events):
    ev = find(seed_events, sentence_has="banned the export", src="JPN", tgt_country="RUS", code="163")
    assert ev.target.via.startswith("implied")


def test_tokyo_condition_is_a_demand(seed_events):
    find(seed_events, sentence_has="a condition for the agreement", src_country="JPN", tgt_country="RUS", root="10")


def test_moscow_refuses_to_discuss_sovereignty(seed_events):
    find(seed_events, sentence_has="not up for discussion", src_country="RUS", tgt_country="JPN", root="12")


def test_russia_halts_consultations(seed_events):
    find(seed_events, sentence_has="halted consultations", src_country="RUS", tgt_country="JPN", code="164")


def test_unsigned_treaty_is_no_event(seed_events):
    assert not [e for e in seed_events if "remained unsigned" in e.sentence]


def test_sanctions_dated_by_the_text_with_effective_date(seed_events):
    ev = find(seed_events, sentence_has="imposed sanctions", src="JPN", tgt_country="RUS", code="163")
    assert ev.date == "2025-01-10" and ev.date_precision == "day"
    assert ev.date_expression["text"] == "January 10"
    assert ev.attributes["effective_date"] == "2025-02-09"
    assert ev.attributes["target_counts"] == {"banks": 3, "legal entities": 29, "individuals": 11}


def test_november_statement_has_month_precision(seed_events):
    ev = find(seed_events, sentence_has="in November 2024", src="JPNGOV", tgt_country="RUS", root="03")
    assert ev.date == "2024-11-01" and ev.date_precision == "month"


def test_publication_date_inferred_without_date(code):
    events = code(SEED.read_text(encoding="utf-8"), date=None)
    assert events and all(e.publication_date_inferred for e in events)
    assert all(e.publication_date.startswith("2025-01") for e in events)


def test_condition_lists_the_four_islands_with_coordinates(seed_events):
    ev = find(seed_events, sentence_has="a condition for the agreement", src_country="JPN", root="10")
    islands = [p for p in ev.places if p["role"] == "issue"]
    assert [p["text"] for p in islands] == ["Iturup", "Kunashir", "Shikotan", "Habomai"]
    for place in islands:
        assert 43 < place["lat"] < 46 and 145 < place["lon"] < 149, place
        assert SEED.read_text(encoding="utf-8")[place["start"]:place["end"]] == place["text"]


def test_islands_fill_gdelt_action_geo_when_no_place_of_action(seed_events):
    from eventlens.export.gdelt import COLUMNS, gdelt_row

    ev = find(seed_events, sentence_has="a condition for the agreement", src_country="JPN", root="10")
    assert ev.action_geo is None
    row = {"event_id": ev.id, "mention": ev.to_dict(), "num_mentions": 1, "num_sources": 1, "num_articles": 1,
           "is_root_event": True, "date_added": "20250124"}
    fields = dict(zip(COLUMNS, gdelt_row(row)))
    assert fields["ActionGeo_FullName"].startswith("Iturup")
    assert float(fields["ActionGeo_Lat"]) == pytest.approx(ev.places[0]["lat"])
