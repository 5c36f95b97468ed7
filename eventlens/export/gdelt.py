"""GDELT 2.0 event table rows: 61 tab-separated columns, GDELT's order, no header.

Each stored event becomes one row built from its representative mention (an event record as in
docs/event-record.md) plus the store's counts. docs/export.md lists every column and its source.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import quote

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

# Codes with no country in front: the first three letters are the actor's type, and the last
# three (when different) name the group ("IGOUNO" -> IGO, UNO; "IGOEUREEC" -> IGO, EEC).
STATELESS_TYPES = ("IGO", "NGO", "IMG", "MNC", "MED")
PLACEHOLDER_URL_PREFIX = "urn:eventlens:article:"

# Anything a TSV reader could take as a row or field break.
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00]+")


def clean_text(value: Any) -> str:
    """A field safe in a tab-separated row: breaks become one space; double quotes become single
    quotes because GDELT readers built on csv modules would take a leading one as a quoted field."""
    if value is None:
        return ""
    return " ".join(_BREAKS.sub(" ", str(value)).replace('"', "'").split())


def clean_url(value: str) -> str:
    """A URL with nothing that breaks the row; quotes and spaces are percent-encoded as URLs allow."""
    text = _BREAKS.sub(" ", value).strip()
    return text.replace('"', "%22").replace(" ", "%20")


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for the store's string id (GDELT's id column is numeric)."""
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") & (2**63 - 1) or 1


def fraction_date(day: dt.date) -> float:
    """GDELT's FractionDate: year plus ((month - 1) * 30 + day) / 365, to four places."""
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def event_day(mention: Mapping[str, Any], date_added: str) -> dt.date:
    """The event's own date, else its article's publication date, else the day it was added."""
    for value in (mention.get("date"), mention.get("publication_date")):
        if value:
            return dt.date.fromisoformat(value[:10])
    return dt.datetime.strptime(date_added[:8], "%Y%m%d").date()


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def actor_columns(actor: Mapping[str, Any] | None) -> list[str]:
    """Actor<n>Code … Actor<n>Type3Code: ten columns, all empty for a missing actor."""
    if not actor:
        return [""] * 10
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    known_group = ""
    types: list[str] = []
    if actor.get("sector"):
        types.append(actor["sector"])
    if not country and code[:3] in STATELESS_TYPES:
        if code[:3] not in types:
            types.append(code[:3])
        if len(code) >= 6:
            known_group = code[-3:]
    types = (types + ["", "", ""])[:3]
    return [clean_text(code), clean_text(actor.get("name")), clean_text(country), clean_text(known_group),
            "", "", "", *(clean_text(t) for t in types)]


def geo_columns(place: Mapping[str, Any] | None) -> list[str]:
    """Type, FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not place:
        return [""] * 8
    return [_number(place.get("type")), clean_text(place.get("full_name")), clean_text(place.get("fips")),
            clean_text(place.get("adm1")), clean_text(place.get("adm2")), _number(place.get("lat")),
            _number(place.get("lon")), clean_text(place.get("feature_id"))]


def source_url(row: Mapping[str, Any]) -> str:
    """The first reporting article's URL; without one, a URN naming the article id.

    SOURCEURL is never empty: GDELT readers strip each line before counting its columns, so an empty
    last column would make the row look short."""
    url = clean_url(row.get("source_url") or "")
    if url:
        return url
    article_id = row["mention"].get("article_id") or row["event_id"]
    return PLACEHOLDER_URL_PREFIX + quote(str(article_id), safe="")


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """The 61 fields of one stored event, as strings."""
    mention = row["mention"]
    date_added = str(row["date_added"])
    day = event_day(mention, date_added)
    fields = [
        str(global_event_id(str(row["event_id"]))), day.strftime("%Y%m%d"), day.strftime("%Y%m"),
        day.strftime("%Y"), f"{fraction_date(day):.4f}",
        *actor_columns(mention.get("source")),
        *actor_columns(mention.get("target")),
        "1" if row.get("is_root_event") else "0",
        clean_text(mention["code"]), clean_text(mention.get("base_code") or mention["code"][:3]),
        clean_text(mention.get("root_code") or mention["code"][:2]),
        _number(mention["quad_class"]), _number(float(mention["goldstein"])),
        _number(int(row["num_mentions"])), _number(int(row["num_sources"])), _number(int(row["num_articles"])),
        "0",  # AvgTone: eventlens measures no tone; GDELT readers need a number here
        *geo_columns(mention.get("source_geo")),
        *geo_columns(mention.get("target_geo")),
        # Where the clause gives no place of action, the first place it names (an island fought over)
        # is the best GDELT can hold: ActionGeo is its only column for it.
        *geo_columns(mention.get("action_geo") or next(iter(mention.get("places") or []), None)),
        clean_text(date_added),
        source_url(row),
    ]
    assert len(fields) == len(COLUMNS)
    return fields


def write_gdelt(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write("\t".join(gdelt_row(row)))
        out.write("\n")
        count += 1
    return count
