"""Find dictionary phrases in a parsed sentence: greedy longest match over token words or lemmas."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import DictEntry

# Which kind wins when one phrase is in several dictionaries: a named person or organisation is more
# specific than a country, a country than a sector word.
KIND_RANK = {"person": 0, "actor": 1, "organisation": 2, "country": 3, "capital": 4, "demonym": 5,
             "agent": 6, "sector": 7}


@dataclass(slots=True)
class Mention:
    """A dictionary phrase found in a sentence: tokens [start, end) of the Doc."""

    start: int
    end: int
    entries: list[DictEntry]

    @property
    def best(self) -> DictEntry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


class ActorDictionary:
    """All actor phrases, indexed by their first word for a cheap scan."""

    def __init__(self, entries):
        self._folded: dict[tuple[str, ...], list[DictEntry]] = {}
        self._exact: dict[tuple[str, ...], list[DictEntry]] = {}
        self._first_folded: set[str] = set()
        self._first_exact: set[str] = set()
        self.max_len = 1
        for entry in entries:
            words = tuple(entry.phrase.split())
            if not words:
                continue
            if entry.case_sensitive:
                self._exact.setdefault(words, []).append(entry)
                self._first_exact.add(words[0])
            else:
                key = tuple(w.lower() for w in words)
                self._folded.setdefault(key, []).append(entry)
                self._first_folded.add(key[0])
            self.max_len = max(self.max_len, len(words))
        for table in (self._folded, self._exact):
            for key, found in table.items():
                found.sort(key=lambda e: KIND_RANK.get(e.kind, 9))
        self.size = sum(len(v) for v in self._folded.values()) + sum(len(v) for v in self._exact.values())
        # Leaders are often named by surname alone ("Putin", "Biden"): index people by their last word.
        self._surnames: dict[str, list[DictEntry]] = {}
        for entry in entries:
            words = entry.phrase.split()
            if entry.kind == "person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                self._surnames.setdefault(words[-1].lower(), []).append(entry)

    def by_surname(self, word: str, day: dt.date | None) -> DictEntry | None:
        """The one dictionary person with this surname in office on `day`; None when none or several."""
        found = self._surnames.get(word.lower())
        if not found:
            return None
        valid = [e for e in found if e.holds_on(day)] if day is not None else found
        people = {e.name for e in valid}
        if len(people) != 1:
            return None
        return valid[0]

    def _lookup(self, tokens, i: int, n: int) -> list[DictEntry] | None:
        words = tokens[i:i + n]
        exact = self._exact.get(tuple(t.text for t in words))
        if exact:
            return exact
        folded = tuple(t.lower_ for t in words)
        found = self._folded.get(folded)
        if found:
            return found
        # Plurals and inflections: the last word may match by lemma ("ministries", "banks").
        last = words[-1]
        if last.lemma_.lower() != last.lower_ and last.pos_ in ("NOUN", "PROPN"):
            return self._folded.get(folded[:-1] + (last.lemma_.lower(),))
        return None

    def find(self, span, day: dt.date | None = None) -> list[Mention]:
        """Non-overlapping mentions in a span of a Doc, longest first, filtered by the date."""
        doc = span.doc
        mentions: list[Mention] = []
        i, stop = span.start, span.end
        while i < stop:
            tok = doc[i]
            if (tok.lower_ not in self._first_folded and tok.text not in self._first_exact
                    and tok.lemma_.lower() not in self._first_folded):
                i += 1
                continue
            hit = None
            for n in range(min(self.max_len, stop - i), 0, -1):
                found = self._lookup(doc, i, n)
                if found:
                    valid = [e for e in found if e.holds_on(day)]
                    # A known person out of office on this day is still that person (see resolve).
                    hit = Mention(i, i + n, valid or found)
                    break
            if hit:
                mentions.append(hit)
                i = hit.end
            else:
                i += 1
        return mentions
