"""Built-in people dictionary: heads of state and government, ministers and a few officials, each
with the country, sector and dates of every tenure (data/people.tsv).

A person's name codes to an actor only on the days they held the office, so "Shigeru Ishiba" is
JPNGOV in December 2024 but not in 2023. One row gives one DictEntry per written form of the name.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError
from ..models import DictEntry

DATA_FILE = "people.tsv"
COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end", "note")
ROLES = frozenset({
    "head_of_state", "head_of_government", "head_of_state_and_government",
    "foreign_minister", "defence_minister", "finance_minister", "other",
})
SECTORS = frozenset({"GOV", "MIL"})
# Organisation codes the file may use instead of a state; documented in the file's header.
ORGANISATION_CODES = {"EUR": "European Union", "IGOUNO": "United Nations", "IGOWSTNAT": "NATO"}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Z]{3}")
# Letters NFKD does not split into base letter + accent, spelled as English news spells them.
_ASCII_LETTERS = str.maketrans({
    "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
    "ß": "ss", "ʼ": "'", "’": "'",
})


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One tenure of one person in one office, as read from a line of people.tsv."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    role: str
    start: dt.date | None
    end: dt.date | None
    note: str
    origin: str  # "people.tsv:LINE"

    @property
    def code(self) -> str:
        return self.country + (self.sector or "")

    @property
    def is_organisation(self) -> bool:
        return self.country.startswith("IGO")


def ascii_spelling(text: str) -> str:
    """The accent-free spelling news agencies often print ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _date(text: str, column: str, where: str) -> dt.date | None:
    if not text:
        return None
    if not _DATE.fullmatch(text):
        raise DictionaryError(f"{column} {text!r} is not a YYYY-MM-DD date", where=where,
                              fix="write the date as YYYY-MM-DD (the 1st of the month if only the month is known)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DictionaryError(f"{column} {text!r} is not a real date", where=where,
                              fix="check the day and month") from None


def _parse_line(fields: list[str], where: str) -> PersonRow:
    if len(fields) == len(COLUMNS) - 1:
        fields = [*fields, ""]  # an empty note may lose its trailing tab in an editor
    if len(fields) != len(COLUMNS):
        raise DictionaryError(f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}", where=where,
                              fix="columns are: " + ", ".join(COLUMNS))
    name, aliases, country, sector, role, start, end, note = (f.strip() for f in fields)
    if not name:
        raise DictionaryError("the name is empty", where=where)
    is_organisation = country.startswith("IGO")
    if not (is_organisation or _COUNTRY.fullmatch(country)):
        raise DictionaryError(f"country {country!r} is not a three-letter code or an IGO code", where=where,
                              fix="use an ISO 3166-1 alpha-3 code or one listed in the file's header")
    if is_organisation and sector:
        raise DictionaryError(f"organisation {country} takes no sector, found {sector!r}", where=where,
                              fix="leave the sector empty: the organisation code is the whole actor code")
    if not is_organisation and sector not in SECTORS:
        raise DictionaryError(f"sector {sector!r} is not one of {sorted(SECTORS)}", where=where)
    if role not in ROLES:
        raise DictionaryError(f"role {role!r} is not one of {sorted(ROLES)}", where=where)
    start_day = _date(start, "start", where)
    end_day = _date(end, "end", where)
    if start_day and end_day and end_day < start_day:
        raise DictionaryError(f"end {end} is before start {start}", where=where)
    alias_list = tuple(a.strip() for a in aliases.split("|") if a.strip()) if aliases else ()
    return PersonRow(name=name, aliases=alias_list, country=country, sector=sector or None, role=role,
                     start=start_day, end=end_day, note=note, origin=where)


def parse_people(text: str, source: str = DATA_FILE) -> list[PersonRow]:
    """Rows of a people file; raises DictionaryError naming "source:LINE" at the first malformed row."""
    rows: list[PersonRow] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != COLUMNS:
                raise DictionaryError("the first line that is not a comment must be the header", where=f"{source}:{number}",
                                      fix="start with: " + "\\t".join(COLUMNS))
            header_seen = True
            continue
        rows.append(_parse_line(fields, f"{source}:{number}"))
    return rows


def _row_entries(row: PersonRow) -> list[DictEntry]:
    phrases: list[str] = []
    for form in (row.name, *row.aliases):
        for spelling in (form, ascii_spelling(form)):
            spelling = " ".join(spelling.split())
            if spelling not in phrases:
                phrases.append(spelling)
    country = None if row.is_organisation else row.country
    return [
        DictEntry(phrase=phrase, kind="person", code=row.code, name=row.name, country=country,
                  sector=row.sector, start=row.start, end=row.end, origin=row.origin,
                  # Initialisms such as "MBS" or "AMLO" must not match ordinary lower-case words.
                  case_sensitive=phrase.isupper() and " " not in phrase)
        for phrase in phrases
    ]


@lru_cache(maxsize=1)
def people_rows() -> tuple[PersonRow, ...]:
    """Every row of the built-in data/people.tsv."""
    text = resources.files(__package__).joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return tuple(parse_people(text, DATA_FILE))


@lru_cache(maxsize=1)
def _entries() -> tuple[DictEntry, ...]:
    return tuple(entry for row in people_rows() for entry in _row_entries(row))


def people_entries() -> list[DictEntry]:
    """One DictEntry (kind "person") per written form of every person's name, per tenure."""
    return list(_entries())


def _key(phrase: str) -> str:
    return " ".join(ascii_spelling(phrase).casefold().split())


@lru_cache(maxsize=1)
def _by_phrase() -> dict[str, tuple[DictEntry, ...]]:
    index: dict[str, list[DictEntry]] = {}
    for entry in _entries():
        index.setdefault(_key(entry.phrase), []).append(entry)
    # One entry per tenure: a name and its accent-free spelling give the same answer.
    return {key: tuple({(e.origin, e.code): e for e in found}.values()) for key, found in index.items()}


def people_on(day: dt.date | None, name: str) -> list[DictEntry]:
    """The entries for a written name (any listed form; case and accents ignored except for
    initialisms) that hold on `day`; every tenure when day is None."""
    written = " ".join(name.split())
    return [entry for entry in _by_phrase().get(_key(name), ())
            if entry.holds_on(day) and (not entry.case_sensitive or entry.phrase == written)]


@lru_cache(maxsize=1)
def _roles_by_origin() -> dict[str, str]:
    return {row.origin: row.role for row in people_rows()}


def role_of(entry: DictEntry) -> str | None:
    """The office (a ROLES value) of a people entry, found through its origin; None for other entries."""
    return _roles_by_origin().get(entry.origin)


__all__ = ["PersonRow", "people_entries", "people_on", "people_rows", "parse_people", "role_of",
           "ascii_spelling", "ROLES", "ORGANISATION_CODES"]
