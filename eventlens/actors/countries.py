"""Country dictionary: names, demonyms and seats of government that stand for a state.

Built from pycountry (ISO 3166-1 names), countryinfo (alternative spellings, demonyms, capitals) and
the team file data/countries_extra.tsv, which adds what news writes and the packages lack and settles
every phrase the packages give to more than one country. Codes are ISO 3166-1 alpha-3, which CAMEO
uses for states, plus the CAMEO extras in CAMEO_EXTRA_CODES.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pycountry

from eventlens.errors import DictionaryError
from eventlens.models import DictEntry

DATA_DIR = Path(__file__).with_name("data")
EXTRA_FILE = DATA_DIR / "countries_extra.tsv"
KINDS = ("country", "demonym", "capital", "seat")
# The kinds of phrase that name a state: each gives an actor its country.
STATE_KINDS = ("country", "capital", "seat", "demonym")

# States CAMEO codes that ISO 3166-1 does not list (any more).
CAMEO_EXTRA_CODES = {"USR": "Soviet Union", "XKX": "Kosovo", "YUG": "Yugoslavia"}

# Phrases that may deliberately give more than one country. Empty on purpose: the matcher needs one
# answer per phrase, so countries_extra.tsv settles each clash ("Congolese" -> COD, "Korea" -> KOR).
AMBIGUOUS_PHRASES: frozenset[str] = frozenset()

# The short name news uses, where pycountry's name is formal, inverted or dated.
SHORT_NAMES = {
    "BES": "Caribbean Netherlands", "BHS": "Bahamas", "BOL": "Bolivia", "BRN": "Brunei",
    "CCK": "Cocos Islands", "CIV": "Ivory Coast", "COD": "DR Congo", "COG": "Republic of the Congo",
    "CPV": "Cape Verde", "CZE": "Czechia", "FLK": "Falkland Islands", "FSM": "Micronesia",
    "GBR": "United Kingdom", "GMB": "Gambia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos",
    "MAF": "Saint Martin", "MDA": "Moldova", "MKD": "North Macedonia", "PRK": "North Korea",
    "PSE": "Palestine", "RUS": "Russia", "SHN": "Saint Helena", "SWZ": "Eswatini",
    "SXM": "Sint Maarten", "SYR": "Syria", "TLS": "East Timor", "TUR": "Turkey", "TWN": "Taiwan",
    "TZA": "Tanzania", "USA": "United States", "VAT": "Vatican City", "VEN": "Venezuela",
    "VGB": "British Virgin Islands", "VIR": "US Virgin Islands", "VNM": "Vietnam",
    **CAMEO_EXTRA_CODES,
}

# Package spellings that would fire on ordinary words, first names, other places or companies
# ("Island" for Iceland, "Hamilton" for Bermuda, "Nippon Steel"), compared lower-cased and without
# accents. Sub-national records (countryinfo's Wales, Scotland) are not states either.
REJECTED_PHRASES = frozenset({
    "island", "mann", "mannin", "prathet", "dominique", "guiana", "nippon", "nihon", "thai",
    "the abode of peace", "pleasant island", "victoria", "hamilton", "douglas", "stanley",
    "plymouth", "kingston", "the valley", "west island", "the bottom", "jamestown", "george town",
    "georgetown", "male", "saint-denis", "saint-pierre", "city of victoria", "wales", "scotland",
    "welsh", "scottish", "channel islander", "christmas island", "gibraltar", "djibouti",
    "vaticanian", "kingstown", "road town", "flying fish cove", "fakaofo", "mexicanos",
    "portuguesa", "bermudas", "the bermudas", "abode of peace", "san jose", "saint john's",
    "st. george's", "wallis", "jersey",
})

# Names that are also ordinary lower-case words ("turkey", "polish the image", "china plates",
# "the white house on the corner"): matched only as capitalised.
COMMON_WORD_NAMES = frozenset({
    "turkey", "turk", "turks", "chad", "china", "jordan", "polish", "pole", "poles", "guinea",
    "swede", "swedes", "dane", "danes", "finn", "finns", "brit", "brits", "panama", "lima",
    "white house", "bermuda", "japan", "soviet", "soviets", "french", "swiss", "georgia", "niger",
    "sucre", "nauru", "america", "american", "washington", "whitehall", "holland", "congo",
})

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")
_HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")


def tokenised_phrase(text: str) -> str:
    """Write a name as spaCy's tokens joined by spaces, so "Guinea-Bissau" can match its 3 tokens."""
    text = _HYPHEN_BETWEEN_LETTERS.sub(" - ", text.strip())
    text = _POSSESSIVE.sub(" 's", text)
    return " ".join(text.split())


def is_acronym(phrase: str) -> bool:
    """Short all-capital names ("US", "U.S.", "UAE") that must not match "us" or "uae"."""
    return bool(_ACRONYM.match(phrase))


def needs_case(phrase: str) -> bool:
    return is_acronym(phrase) or phrase.lower() in COMMON_WORD_NAMES


def fold_accents(text: str) -> str:
    """Drop accents ("Bogotá" -> "Bogota"): news wires often lose those the packages keep."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_plain_latin(text: str) -> bool:
    """ASCII or accented Latin letters only: no other scripts, IPA or typographic quotes."""
    return all(
        ch.isascii() or (ch.isalpha() and (0xC0 <= ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00))
        for ch in text
    )


def _iso_codes() -> tuple[set[str], set[str]]:
    alpha2 = {c.alpha_2 for c in pycountry.countries}
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    return alpha2, alpha3


@functools.lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Every code a country entry may carry: ISO alpha-3 plus the CAMEO extras."""
    return frozenset(_iso_codes()[1] | set(CAMEO_EXTRA_CODES))


@functools.lru_cache(maxsize=None)
def country_name(code: str) -> str | None:
    """The short readable name for a country code ("RUS" -> "Russia"), None if unknown."""
    code = code.upper()
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def _usable(phrase: str, iso_codes: set[str]) -> bool:
    """Whether a package spelling is a real name that is safe to match in news text."""
    if len(phrase) < 3 or any(ch in phrase for ch in ",()/"):
        return False
    if re.search(r"\s'|'\s", phrase):  # a quote standing apart is split off by the tokenizer
        return False
    if phrase in iso_codes or not _is_plain_latin(phrase):
        return False
    return fold_accents(phrase).lower() not in REJECTED_PHRASES


def _package_candidates() -> list[tuple[str, str, str, str]]:
    """(phrase as written, code, kind, origin) from pycountry and countryinfo, unfiltered."""
    from countryinfo import all_countries  # imported here: only needed when building

    found: list[tuple[str, str, str, str]] = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                found.append((re.sub(r"^the ", "", value), country.alpha_3, "country", "pycountry"))
    records = [record.info() for record in all_countries()]
    for info in records:
        code = (info.get("ISO") or {}).get("alpha3") or ""
        # Only commas separate peoples; "Heard and McDonald Islander" is one people, not "Heard".
        for demonym in (info.get("demonym") or "").split(","):
            found.append((demonym.strip(), code, "demonym", "countryinfo"))
    for info in records:
        code = (info.get("ISO") or {}).get("alpha3") or ""
        for spelling in [info.get("name") or "", *(info.get("altSpellings") or [])]:
            found.append((re.sub(r"^the ", "", spelling.strip()), code, "country", "countryinfo"))
    for info in records:
        code = (info.get("ISO") or {}).get("alpha3") or ""
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            for part in capital.split("/"):
                found.append((part.strip(), code, "capital", "countryinfo"))
    return found


def read_data_table(path: Path, columns: tuple[str, ...], required: int) -> list[tuple[int, dict]]:
    """Rows of a team TSV file as (line number, {column: value}); '#' lines are comments.

    The first non-comment line is the header and must start with `columns`; a row needs the first
    `required` columns filled. A bad row is a bug in shipped data, so it raises.
    """
    rows: list[tuple[int, dict]] = []
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if not header_seen:
                header_seen = True
                if tuple(cells[: len(columns)]) != columns:
                    raise DictionaryError(f"header should be {' '.join(columns)}",
                                          where=f"{path.name}:{line_number}")
                continue
            if len(cells) > len(columns) or len(cells) < required or not all(cells[:required]):
                raise DictionaryError(f"expected {required} to {len(columns)} tab-separated columns",
                                      where=f"{path.name}:{line_number}", fix="check the tabs")
            rows.append((line_number, dict(zip(columns, cells + [""] * (len(columns) - len(cells))))))
    return rows


def _read_extra() -> list[tuple[str, str, str, str]]:
    rows = []
    for line_number, row in read_data_table(EXTRA_FILE, ("phrase", "code", "kind"), 3):
        where = f"{EXTRA_FILE.name}:{line_number}"
        if row["kind"] not in KINDS or row["code"] not in known_codes():
            raise DictionaryError(f"unknown kind {row['kind']!r} or code {row['code']!r}", where=where)
        rows.append((row["phrase"], row["code"], row["kind"], where))
    return rows


def _entry(phrase: str, code: str, kind: str, origin: str) -> DictEntry:
    return DictEntry(
        phrase=phrase, kind=kind, code=code, name=country_name(code) or code, country=code,
        sector=None, origin=origin, case_sensitive=needs_case(phrase),
    )


def _plural(demonym: str) -> str | None:
    """English plural of a people word ("Iraqi" -> "Iraqis"); None where it is the same word."""
    if re.search(r"(an|i|er)$", demonym) and not demonym.endswith("ese"):
        return demonym + "s"
    return None


def country_entries() -> list[DictEntry]:
    """All country, demonym and capital entries; each phrase has exactly one code."""
    return list(_built_entries())


@functools.lru_cache(maxsize=1)
def _built_entries() -> tuple[DictEntry, ...]:
    alpha2, alpha3 = _iso_codes()
    extra = _read_extra()
    settled = {phrase.lower() for phrase, *_ in extra}
    entries: dict[tuple[str, str], DictEntry] = {}

    def add(phrase: str, code: str, kind: str, origin: str) -> None:
        key = (phrase.lower(), code)
        if key not in entries:
            entries[key] = _entry(phrase, code, kind, origin)

    for phrase, code, kind, origin in extra:
        add(phrase, code, kind, origin)
    for raw, code, kind, origin in _package_candidates():
        if code not in alpha3 or not _usable(raw, alpha2 | alpha3):
            continue
        for spelling in dict.fromkeys((raw, fold_accents(raw))):
            phrase = tokenised_phrase(spelling)
            if phrase.lower() in settled or fold_accents(phrase).lower() in REJECTED_PHRASES:
                continue
            add(phrase, code, kind, origin)
            plural = _plural(phrase) if kind == "demonym" else None
            if plural and plural.lower() not in settled:
                add(plural, code, kind, origin)
    # One phrase, one state: the first source to give (phrase, code) has already won above.
    by_phrase: dict[str, list[DictEntry]] = {}
    for entry in entries.values():
        by_phrase.setdefault(entry.phrase.lower(), []).append(entry)
    kept: list[DictEntry] = []
    for phrase, group in by_phrase.items():
        codes = {entry.code for entry in group}
        if len(codes) > 1 and phrase not in AMBIGUOUS_PHRASES:
            # Package data alone gives two states: the sovereign one with this as its own name
            # wins; anything still unsettled is dropped rather than guessed.
            own = [e for e in group if e.phrase.lower() == (country_name(e.code) or "").lower()]
            group = own if len(own) == 1 else []
        kept.extend(group)
    return tuple(sorted(kept, key=lambda e: (e.code, KINDS.index(e.kind), e.phrase.lower())))
