"""The offline gazetteer and place mentions, on team-written sentences."""
import math

import pytest

from eventlens.resolve.places import (COUNTRY, US_CITY, US_STATE, WORLD_CITY, WORLD_STATE, Gazetteer,
                                      action_geo, gazetteer, places_in)
from tests.conftest import SHARED

SEED = SHARED / "seed" / "japan-russia-peace-treaty.txt"


def km(place, lat, lon):
    p1, p2 = math.radians(place.lat), math.radians(lat)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - place.lon) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def test_gazetteer_is_built_once(gaz):
    assert gazetteer() is gaz
    assert len(gaz) > 50_000


@pytest.mark.parametrize("name, countries, kind_type, country, lat, lon, tolerance", [
    ("Moscow", (), WORLD_CITY, "RUS", 55.75, 37.62, 30),
    ("Moscow", ("USA",), US_CITY, "USA", 46.73, -117.0, 30),
    ("Kiev", (), WORLD_CITY, "UKR", 50.45, 30.52, 30),
    ("Washington", (), US_CITY, "USA", 38.9, -77.04, 30),
    ("Georgia", (), COUNTRY, "GEO", 42.2, 43.5, 300),
    ("Georgia", ("USA",), US_STATE, "USA", 32.7, -83.4, 400),
    ("Texas", (), US_STATE, "USA", 31.0, -99.0, 600),
    ("Japan", (), COUNTRY, "JPN", 36.2, 138.3, 300),
    ("Iturup", (), WORLD_CITY, "RUS", 45.0, 147.8, 100),
    ("Kunashir", (), WORLD_CITY, "RUS", 44.1, 145.9, 100),
    ("Shikotan", (), WORLD_CITY, "RUS", 43.8, 146.7, 60),
    ("Habomai", (), WORLD_STATE, "RUS", 43.5, 146.1, 60),
    ("Northern Territories", (), WORLD_STATE, "RUS", 44.0, 146.0, 200),
    ("Crimea", (), WORLD_STATE, "UKR", 45.3, 34.4, 150),
    ("Gaza", (), WORLD_STATE, "PSE", 31.42, 34.37, 40),
    ("the West Bank", (), WORLD_STATE, "PSE", 31.9, 35.25, 80),
])
def test_lookup(gaz, name, countries, kind_type, country, lat, lon, tolerance):
    place = gaz.lookup(name, countries)
    assert place is not None
    assert (place.type, place.country_code) == (kind_type, country)
    assert km(place, lat, lon) <= tolerance


def test_open_seas_have_no_country(gaz):
    sea = gaz.lookup("South China Sea")
    assert sea.country_code is None and sea.type == WORLD_STATE


def test_disputed_places_name_every_claimant(gaz):
    assert set(gaz.lookup("Kunashir").countries) == {"RUS", "JPN"}
    assert "Russia" in gaz.lookup("Kunashir").full_name and "Japan" in gaz.lookup("Kunashir").full_name


def test_gdelt_fields(gaz):
    moscow = gaz.lookup("Moscow")
    assert moscow.fips == "RS" and moscow.adm1.startswith("RS") and moscow.feature_id == "524901"
    assert moscow.to_dict()["full_name"] == "Moscow, Russia"
    austin = gaz.lookup("Austin", ("USA",))
    assert austin.adm1 == "USTX" and austin.full_name == "Austin, Texas, United States"


def test_unknown_name(gaz):
    assert gaz.lookup("Xyzzyville") is None


@pytest.fixture(scope="module")
def nlp():
    from eventlens.nlp import load_pipeline

    return load_pipeline()


@pytest.mark.slow
def test_places_in_finds_team_places_the_tagger_misses(nlp):
    text = "Tokyo has made the return of the islands of Iturup, Kunashir, Shikotan, and Habomai a condition."
    found = places_in(next(nlp(text).sents), ("JPN", "RUS"))
    names = [p.name for p, _, _ in found]
    assert names == ["Tokyo", "Iturup", "Kunashir", "Shikotan", "Habomai"]
    for place, start, end in found:
        assert text[start:end] == place.name


@pytest.mark.slow
def test_longer_mention_wins(nlp):
    found = places_in(next(nlp("The president spoke in Mexico City.").sents))
    assert [p.full_name for p, _, _ in found] == ["Mexico City, Mexico"]


@pytest.mark.slow
def test_action_geo_prefers_a_locative_place(nlp):
    sent = next(nlp("Japanese and Russian diplomats met in Geneva to discuss Ukraine.").sents)
    met = [t for t in sent if t.text == "met"]
    assert action_geo(sent, met).name == "Geneva"


@pytest.mark.slow
def test_action_geo_skips_possessors_and_partners(nlp):
    sent = next(nlp("Japan supported sanctions related to Moscow's operation in Ukraine.").sents)
    related = [t for t in sent if t.text == "related"]
    assert action_geo(sent, related).name == "Ukraine"
    sent = next(nlp("Japan intends to conclude a peace treaty with Russia.").sents)
    assert action_geo(sent, [t for t in sent if t.text == "conclude"]) is None


@pytest.mark.slow
def test_action_geo_none_without_places(nlp):
    sent = next(nlp("The minister criticised the decision.").sents)
    assert action_geo(sent, [sent[2]]) is None


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_islands(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8"))
    sent = next(s for s in doc.sents if "Iturup" in s.text)
    found = {p.name: p for p, _, _ in places_in(sent, ("JPN", "RUS"))}
    for name, lat, lon in [("Iturup", 45.0, 147.8), ("Kunashir", 44.1, 145.9), ("Shikotan", 43.8, 146.7),
                           ("Habomai", 43.5, 146.1)]:
        assert km(found[name], lat, lon) < 100


def test_conflict_regions_news_names_are_known():
    from eventlens.resolve.places import gazetteer

    g = gazetteer()
    for name, country in (("Borno", "NGA"), ("Cabo Delgado", "MOZ"), ("North Kivu", "COD"), ("Dagestan", "RUS"),
                          ("Helmand", "AFG")):
        place = g.lookup(name, ())
        assert place is not None and place.country_code == country, name
