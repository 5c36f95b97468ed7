"""The records that cross stage boundaries: Article in, Event out.

The JSON shape of an Event is the project's contract; every field is documented in
docs/event-record.md and tests/test_event_docs.py fails when one is not.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    """One news article as read from an input."""

    id: str
    text: str
    date: dt.date | None = None  # publication date, if known
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) it came from, for error messages


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One entry of an actor dictionary (built-in data files or imported PETRARCH files).

    kind is one of: country, capital, demonym, sector, person, organisation, actor, agent.
    An entry may imply a country, a sector, both (a full actor code) or neither.
    """

    phrase: str  # the words as written, space separated ("Prime Minister", "Shigeru Ishiba")
    kind: str
    code: str  # the CAMEO code this entry gives: "JPN", "GOV", "JPNGOV", "IGOUNO"
    name: str  # a readable canonical name
    country: str | None = None  # CAMEO/ISO-3 country code implied, if any
    sector: str | None = None  # CAMEO sector code implied (GOV, LEG, BUS...), if any
    start: dt.date | None = None  # the entry holds from this date (inclusive) ...
    end: dt.date | None = None  # ... to this date (inclusive); None is open
    origin: str = ""  # "people.tsv:12", "phoenix.actors.txt:340": why this code was given
    case_sensitive: bool = False  # acronyms such as "US" must not match "us"

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.start and day < self.start:
            return False
        if self.end and day > self.end:
            return False
        return True


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears in one event: who, and the words that say so."""

    code: str  # CAMEO actor code: country + sector ("JPNGOV"), country ("RUS"), IGO ("IGOUNO")
    name: str  # readable name: the person, organisation or country
    country: str | None  # CAMEO/ISO-3 country code, None for IGOs without one
    sector: str | None  # CAMEO sector (GOV, LEG, MIL, BUS, ...) or None
    text: str  # the words of the article naming the actor
    start: int  # character offsets of `text` in the article
    end: int
    via: str  # how it was resolved: dictionary origin, "text", "coreference", "implied"


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, when, and the words that justify it."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: ActorRef
    target: ActorRef | None
    code: str
    base_code: str
    root_code: str
    name: str
    plover: dict[str, str | None]
    goldstein: float
    quad_class: int
    date: str | None
    date_precision: str | None
    date_expression: dict[str, Any] | None
    publication_date: str | None
    publication_date_inferred: bool
    publication_date_confidence: float | None
    action_geo: dict[str, Any] | None
    source_geo: dict[str, Any] | None
    target_geo: dict[str, Any] | None
    speaker: ActorRef | None
    negated: bool
    modality: str
    evidence: dict[str, Any]
    rule: str
    confidence: float
    attributes: dict[str, Any] = field(default_factory=dict)
    coder_version: str = ""
    places: list[dict[str, Any]] = field(default_factory=list)  # every place the event's clause names

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
