"""Find dictionary phrases in a parsed sentence: greedy longest match over token words or lemmas."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.symbols import IDS as SPACY_SYMBOLS

from ..models import DictEntry

NOUN_ID = POS_IDS["NOUN"]
PROPN_ID = POS_IDS["PROPN"]
PLURAL_NAME_TAG = hash_string("NNPS")


def _singular(word: str) -> str | None:
    """"soldiers" -> "soldier", "gunmen" -> "gunman", "militias" -> "militia"; None for a word that
    does not look plural."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None

# Which kind wins when one phrase is in several dictionaries: a named person or organisation is more
# specific than a country, a country than a sector word.
KIND_RANK = {"person": 0, "actor": 1, "organisation": 2, "country": 3, "capital": 4, "seat": 4, "demonym": 5,
             "agent": 6, "sector": 7}


def _string_id(word: str) -> int:
    """The id spaCy's arrays give a word: its hash, except for the few hundred words that are spaCy
    symbols ("agent", "cop", "aux" are dependency labels), which keep their small symbol id."""
    return SPACY_SYMBOLS.get(word, hash_string(word))


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
                # "al - Shabaab" is also written "al Shabaab": a hyphen in a name may be left out
                for k in {key, tuple(w for w in key if w != "-")} if len(key) > 2 else (key,):
                    self._folded.setdefault(k, []).append(entry)
                    self._first_folded.add(k[0])
            self.max_len = max(self.max_len, len(words))
        for table in (self._folded, self._exact):
            for key, found in table.items():
                found.sort(key=lambda e: KIND_RANK.get(e.kind, 9))
        # The same tables keyed by spaCy's string ids, so a document is scanned as integer arrays.
        self._folded_h = {tuple(_string_id(w) for w in k): v for k, v in self._folded.items()}
        self._exact_h = {tuple(_string_id(w) for w in k): v for k, v in self._exact.items()}
        self._first_h = {k[0] for k in self._folded_h} | {k[0] for k in self._exact_h}
        self.size = sum(len(v) for v in self._folded.values()) + sum(len(v) for v in self._exact.values())
        # Leaders are often named by surname alone ("Putin", "Biden"): index people by their last word.
        self._surnames: dict[str, list[DictEntry]] = {}
        for entry in entries:
            words = entry.phrase.split()
            if entry.kind == "person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                self._surnames.setdefault(words[-1].lower(), []).append(entry)

    def is_word(self, lower: str) -> bool:
        """Whether a single word is a dictionary phrase of its own (a title such as "deputy")."""
        return (lower,) in self._folded

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

    def find_in_doc(self, doc, sentences, day: dt.date | None = None) -> list[list[Mention]]:
        """Mentions per sentence of a parsed document. The document is read once as arrays of string
        hashes: building spaCy Token objects for every word costs more than the lookups."""
        arr = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG]).tolist()
        orths = [row[0] for row in arr]
        lowers = [row[1] for row in arr]
        # Only common nouns fall back to their lemma ("banks" -> "bank"); lemmas of names keep case. But
        # a plural name falls back to its singular ("thousands of Guatemalans" -> "guatemalan"), and so does
        # a plural sector word opening a sentence, which is often tagged a name ("KHARTOUM - Soldiers
        # detained ...", "Protesters marched ...").
        lemmas = [row[2] if row[3] == NOUN_ID else row[1] for row in arr]
        starts = {sent.start for sent in sentences}
        for i, row in enumerate(arr):
            if row[4] == PLURAL_NAME_TAG or (row[3] == PROPN_ID and i in starts):
                singular = _singular(doc[i].lower_)
                if singular is not None:
                    lemmas[i] = _string_id(singular)
        first, exact, folded = self._first_h, self._exact_h, self._folded_h
        out = []
        for sent in sentences:
            mentions: list[Mention] = []
            i, stop = sent.start, sent.end
            while i < stop:
                if lowers[i] not in first and orths[i] not in first and lemmas[i] not in first:
                    i += 1
                    continue
                hit = None
                for n in range(min(self.max_len, stop - i), 0, -1):
                    j = i + n
                    found = (exact.get(tuple(orths[i:j])) or folded.get(tuple(lowers[i:j]))
                             or (lemmas[j - 1] != lowers[j - 1]
                                 and folded.get(tuple(lowers[i:j - 1]) + (lemmas[j - 1],))))
                    if found:
                        valid = [e for e in found if e.holds_on(day)]
                        # A known person out of office on this day is still that person (see resolve).
                        hit = Mention(i, j, valid or found)
                        break
                if hit:
                    mentions.append(hit)
                    i = hit.end
                else:
                    i += 1
            out.append(mentions)
        return out

    def find(self, span, day: dt.date | None = None) -> list[Mention]:
        """Non-overlapping mentions in a span of a Doc, longest first, filtered by the date."""
        return self.find_in_doc(span.doc, [span], day)[0]
