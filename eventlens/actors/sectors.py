"""Sector (role) words and named organisations, read from the team files in data/.

sectors.tsv gives the CAMEO role a word implies ("lawmaker" -> LEG); organisations.tsv gives named
bodies their full code ("Gazprom" -> RUSBUS, "NATO" -> IGOWSTNAT). The code schemes are documented
at the top of each file.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from eventlens.actors.countries import DATA_DIR, is_acronym, known_codes, read_data_table
from eventlens.errors import DictionaryError
from eventlens.models import DictEntry

SECTOR_FILE = DATA_DIR / "sectors.tsv"
ORGANISATION_FILE = DATA_DIR / "organisations.tsv"

# The CAMEO role codes the data may use, with a readable name for each.
SECTOR_NAMES = {
    "GOV": "government", "LEG": "legislature", "MIL": "military", "COP": "police",
    "JUD": "judiciary", "SPY": "intelligence", "OPP": "opposition", "PTY": "political party",
    "REB": "rebels", "SEP": "separatists", "UAF": "unaffiliated armed forces", "BUS": "business",
    "MNC": "multinational corporation", "MED": "media", "CVL": "civilians", "REF": "refugees",
    "LAB": "labour", "AGR": "agriculture", "EDU": "education", "HLH": "health", "REL": "religion",
    "ELI": "elites", "CRM": "criminals", "NGO": "non-governmental organisation",
    "HRI": "human rights", "ENV": "environment", "DEV": "development",
}

# Prefixes of codes for bodies that belong to no one country (see organisations.tsv).
STATELESS_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "MED")

# Organisation names that are also ordinary words ("shell", "apple", "fed up"): matched only as
# written. Acronyms are matched as written anyway; other names ignore case ("al - Qaeda").
COMMON_WORD_ORGANISATIONS = frozenset({
    "shell", "apple", "fed", "diet", "amnesty", "intel", "sputnik", "tesla", "chevron",
    # lower-cased, these are any state's or body's council and assembly, not the UN's
    "security council", "general assembly",
    # British papers write "Nato"; kept exact so it does not double the case-sensitive "NATO"
    "nato",
})
_CODE = re.compile(r"^(?:[A-Z]{3}|[A-Z]{3}[A-Z0-9]{3,9})$")


def sector_name(code: str) -> str | None:
    """Readable name of a CAMEO sector code ("LEG" -> "legislature"), None if unknown."""
    return SECTOR_NAMES.get(code.upper())


def sector_entries() -> list[DictEntry]:
    """One entry per phrase of sectors.tsv: kind "sector", code = sector = the CAMEO role code."""
    return list(_built_sector_entries())


def organisation_entries() -> list[DictEntry]:
    """One entry per line of organisations.tsv: kind "organisation"."""
    return list(_built_organisation_entries())


@functools.lru_cache(maxsize=1)
def _built_sector_entries() -> tuple[DictEntry, ...]:
    entries = []
    for line_number, row in read_data_table(SECTOR_FILE, ("phrase", "sector", "note"), 2):
        where = f"{SECTOR_FILE.name}:{line_number}"
        sector = row["sector"]
        if sector not in SECTOR_NAMES:
            raise DictionaryError(f"unknown sector {sector!r}", where=where)
        entries.append(DictEntry(
            phrase=row["phrase"], kind="sector", code=sector, name=SECTOR_NAMES[sector],
            country=None, sector=sector, origin=where,
            # Sector words are written lower case; a capital marks an acronym or title ("MP", "Gen.").
            case_sensitive=row["phrase"] != row["phrase"].lower(),
        ))
    return tuple(entries)


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DictionaryError(f"bad date {text!r}", where=where, fix="write YYYY-MM-DD") from None


@functools.lru_cache(maxsize=1)
def _built_organisation_entries() -> tuple[DictEntry, ...]:
    columns = ("phrase", "code", "name", "country", "sector", "start", "end")
    entries = []
    for line_number, row in read_data_table(ORGANISATION_FILE, columns, 3):
        where = f"{ORGANISATION_FILE.name}:{line_number}"
        code, country, sector = row["code"], row["country"] or None, row["sector"] or None
        if not _CODE.match(code):
            raise DictionaryError(f"malformed code {code!r}", where=where)
        if sector is not None and sector not in SECTOR_NAMES:
            raise DictionaryError(f"unknown sector {sector!r}", where=where)
        if country is not None:
            # A national organisation's code is its country and its sector, nothing else.
            if country not in known_codes() or code != country + (sector or ""):
                raise DictionaryError(f"code {code!r} does not match country {country!r} and "
                                      f"sector {sector!r}", where=where)
        elif not code.startswith(STATELESS_PREFIXES):
            raise DictionaryError(f"code {code!r} needs a country", where=where)
        phrase = row["phrase"]
        entries.append(DictEntry(
            phrase=phrase, kind="organisation", code=code, name=row["name"], country=country,
            sector=sector, start=_date(row["start"], where), end=_date(row["end"], where),
            origin=where,
            case_sensitive=is_acronym(phrase) or phrase.lower() in COMMON_WORD_ORGANISATIONS,
        ))
    return tuple(entries)
