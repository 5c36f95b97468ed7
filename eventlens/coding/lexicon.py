"""The event lexicon: verbs.tsv and nouns.tsv (format in docs/lexicon.md), read, checked and indexed.

Verbs are indexed by the lemma spaCy gives the verb token ("call" for "called off"); the particle is a
further condition on the entry. Nouns are indexed the same way by their head word ("strike" for
"hunger_strike"), with the compound's other words as `modifiers`. So the coder looks an action up by
one token's lemma and then filters the candidates, most specific first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .. import ontology
from ..errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_FILES = (DATA_DIR / "verbs.tsv", DATA_DIR / "nouns.tsv")

VERB_COLUMNS = ("code", "verb", "object", "target", "plover", "mode", "example")
NOUN_COLUMNS = ("code", "noun", "object", "target", "plover", "mode", "example")

# A target spec is ("dobj",), ("iobj",), ("none",) or ("prep", frozenset of prepositions).
TargetSpec = tuple
DEFAULT_VERB_TARGETS: tuple[TargetSpec, ...] = (
    ("dobj",), ("iobj",),
    ("prep", frozenset({"with", "against", "on", "to", "toward", "towards", "into", "at", "over"})),
)
DEFAULT_NOUN_TARGETS: tuple[TargetSpec, ...] = (
    ("prep", frozenset({"on", "against", "with", "to", "of", "between", "toward", "towards", "into"})),
)

_WORD = re.compile(r"^[a-z][a-z-]*(_[a-z][a-z-]*)*$")
_LEMMA = re.compile(r"^[a-z][a-z'-]*$")
_MODE = re.compile(r"^[a-z][a-z-]*$")

# Rank of an object constraint, for ordering candidate entries: a preposition-qualified object list
# is the narrowest reading, then a plain object list, then "some object", then the default reading.
_NO_OBJECT, _ANY_OBJECT, _OBJECT_LIST, _PREP_OBJECT_LIST = range(4)


@dataclass(frozen=True)
class LexEntry:
    """One line of verbs.tsv or nouns.tsv."""

    code: str
    word: str  # head lemma the entry is indexed by: "call" for call_off, "strike" for hunger_strike
    particle: str | None  # verbs only: "off" for call_off
    object_lemmas: frozenset[str]
    object_prep: str | None  # "for" in for:ceasefire|truce; None for a direct object
    requires_object: bool  # the `*` object: some direct object must be present
    targets: tuple[TargetSpec, ...]
    plover: str | None  # override of the ontology's CAMEO->PLOVER event type
    mode: str | None  # override of the ontology's PLOVER mode
    example: str
    origin: str  # "verbs.tsv:LINE"
    kind: str  # "verb" or "noun"
    modifiers: tuple[str, ...] = field(default=())  # nouns only: ("hunger",) for hunger_strike

    @property
    def form(self) -> str:
        """The word as written in the file: "call_off", "hunger_strike", "impose"."""
        if self.particle:
            return f"{self.word}_{self.particle}"
        return "_".join((*self.modifiers, self.word))

    @property
    def specificity(self) -> int:
        """Higher is more specific: object+prep > object > particle (or compound) > bare."""
        if self.object_lemmas and self.object_prep:
            rank = _PREP_OBJECT_LIST
        elif self.object_lemmas:
            rank = _OBJECT_LIST
        elif self.requires_object:
            rank = _ANY_OBJECT
        else:
            rank = _NO_OBJECT
        narrowed = 1 if (self.particle or self.modifiers) else 0
        return rank * 2 + narrowed

    @property
    def key(self) -> tuple:
        """What two entries must not share while naming different codes."""
        return (self.kind, self.form, self.object_lemmas, self.object_prep, self.requires_object)


@dataclass
class Lexicon:
    verbs: dict[str, list[LexEntry]]  # head lemma -> entries, most specific first
    nouns: dict[str, list[LexEntry]]
    entries: list[LexEntry]
    errors: list[DictionaryError] = field(default_factory=list)  # lines skipped while loading

    def codes(self) -> set[str]:
        return {entry.code for entry in self.entries}

    def candidates(self, lemma: str, kind: str = "verb") -> list[LexEntry]:
        table = self.verbs if kind == "verb" else self.nouns
        found = table.get(lemma)
        if found is None:
            found = table.get(american_spelling(lemma), [])
        return found


# Wire copy from London, Delhi or Nairobi spells "normalise", "mobilisation", "defence"; the lexicon is
# written in one spelling, so a word it lacks is looked up again in the other. Only where the word itself
# is missing: "seize", "praise" and "exercise" are words of their own.
_BRITISH = ((re.compile(r"is(e|ation|ations)$"), r"iz\1"), (re.compile(r"yse$"), "yze"),
            (re.compile(r"(?<=[a-z]{2})our$"), "or"), (re.compile(r"(?<=[a-z]{2})ence$"), "ense"))


def american_spelling(word: str) -> str:
    """The American spelling of a British one ("normalise" -> "normalize"); other words as they are."""
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


def _parse_targets(text: str, kind: str, where: str) -> tuple[TargetSpec, ...]:
    if not text:
        return DEFAULT_VERB_TARGETS if kind == "verb" else DEFAULT_NOUN_TARGETS
    specs: list[TargetSpec] = []
    for part in text.split(","):
        part = part.strip()
        if part in ("dobj", "iobj", "none"):
            specs.append((part,))
        elif part.startswith("prep:"):
            preps = [p.strip() for p in part[5:].split("|")]
            if not all(p and _LEMMA.match(p) for p in preps):
                raise DictionaryError(f"bad preposition list in target {part!r}", where=where,
                                      fix="write prep:on|against")
            specs.append(("prep", frozenset(preps)))
        else:
            raise DictionaryError(f"unknown target spec {part!r}", where=where,
                                  fix="use dobj, iobj, none or prep:WORD|WORD")
    if ("none",) in specs and len(specs) > 1:
        raise DictionaryError("target 'none' cannot be combined with other specs", where=where)
    return tuple(specs)


def _parse_object(text: str, where: str) -> tuple[frozenset[str], str | None, bool]:
    if not text:
        return frozenset(), None, False
    if text == "*":
        return frozenset(), None, True
    prep = None
    if ":" in text:
        prep, text = text.split(":", 1)
        if not _LEMMA.match(prep):
            raise DictionaryError(f"bad object preposition {prep!r}", where=where,
                                  fix="write PREP:lemma|lemma, e.g. for:ceasefire|truce")
    lemmas = [lemma.strip() for lemma in text.split("|")]
    if not all(lemma and _LEMMA.match(lemma) for lemma in lemmas):
        raise DictionaryError(f"bad object lemma list {text!r}", where=where,
                              fix="lower-case lemmas separated by |")
    return frozenset(lemmas), prep, False


def parse_line(line: str, kind: str, where: str) -> LexEntry:
    """One data line of a verbs (kind="verb") or nouns (kind="noun") file; DictionaryError if bad."""
    columns = VERB_COLUMNS if kind == "verb" else NOUN_COLUMNS
    cells = [cell.strip() for cell in line.rstrip("\r\n").split("\t")]
    if len(cells) != len(columns):
        raise DictionaryError(f"expected {len(columns)} tab-separated columns, found {len(cells)}",
                              where=where, fix="columns are " + ", ".join(columns))
    row = dict(zip(columns, cells))
    code, word = row["code"], row[columns[1]]
    if not ontology.is_code(code):
        raise DictionaryError(f"unknown CAMEO code {code!r}", where=where,
                              fix="use a code from eventlens/ontology/data/cameo.tsv, leading zero kept")
    if not _WORD.match(word):
        raise DictionaryError(f"bad {kind} {word!r}", where=where,
                              fix="a lower-case lemma; join a particle or compound with _")
    parts = word.split("_")
    if kind == "verb":
        if len(parts) > 2:
            raise DictionaryError(f"verb {word!r} has more than one particle", where=where)
        head, particle, modifiers = parts[0], (parts[1] if len(parts) == 2 else None), ()
    else:
        head, particle, modifiers = parts[-1], None, tuple(parts[:-1])
    lemmas, prep, requires_object = _parse_object(row["object"], where)
    plover = row["plover"] or None
    if plover and plover not in ontology.PLOVER_EVENTS:
        raise DictionaryError(f"unknown PLOVER event type {plover!r}", where=where,
                              fix="one of " + ", ".join(ontology.PLOVER_EVENTS))
    mode = row["mode"] or None
    if mode and not _MODE.match(mode):
        raise DictionaryError(f"bad PLOVER mode {mode!r}", where=where)
    if not row["example"]:
        raise DictionaryError("the example sentence is missing", where=where,
                              fix="write a short sentence in which the entry fires")
    return LexEntry(
        code=code, word=head, particle=particle, object_lemmas=lemmas, object_prep=prep,
        requires_object=requires_object, targets=_parse_targets(row["target"], kind, where),
        plover=plover, mode=mode, example=row["example"], origin=where, kind=kind, modifiers=modifiers,
    )


def read_lexicon_text(text: str, name: str) -> tuple[list[LexEntry], list[DictionaryError]]:
    """Entries of one file's text, and the errors of the lines that were skipped.

    The header line decides the kind: its second column is `verb` or `noun`.
    """
    entries: list[LexEntry] = []
    errors: list[DictionaryError] = []
    kind: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}:{number}"
        if kind is None:
            header = tuple(cell.strip() for cell in line.split("\t"))
            if header == VERB_COLUMNS:
                kind = "verb"
            elif header == NOUN_COLUMNS:
                kind = "noun"
            else:
                errors.append(DictionaryError(
                    "the header is not a verbs or nouns lexicon header", where=where,
                    fix="columns are " + ", ".join(VERB_COLUMNS) + " (noun in place of verb)"))
                return entries, errors
            continue
        try:
            entries.append(parse_line(line, kind, where))
        except DictionaryError as error:
            errors.append(error)
    if kind is None:
        errors.append(DictionaryError("no header line", where=name))
    return entries, errors


def read_lexicon_file(path: Path | str) -> tuple[list[LexEntry], list[DictionaryError]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [DictionaryError(f"cannot read the file: {error}", where=str(path))]
    return read_lexicon_text(text, path.name)


def build_lexicon(entries: Iterable[LexEntry], errors: Iterable[DictionaryError] = ()) -> Lexicon:
    entries = list(entries)
    verbs: dict[str, list[LexEntry]] = {}
    nouns: dict[str, list[LexEntry]] = {}
    for entry in entries:
        (verbs if entry.kind == "verb" else nouns).setdefault(entry.word, []).append(entry)
    for table in (verbs, nouns):
        for candidates in table.values():
            # sort is stable: equally specific entries keep file order, so a later file's line
            # never silently outranks an earlier one.
            candidates.sort(key=lambda entry: -entry.specificity)
    return Lexicon(verbs=verbs, nouns=nouns, entries=entries, errors=list(errors))


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[LexEntry, ...], tuple[DictionaryError, ...]]:
    entries: list[LexEntry] = []
    errors: list[DictionaryError] = []
    for path in BUILTIN_FILES:
        found, bad = read_lexicon_file(path)
        entries += found
        errors += bad
    return tuple(entries), tuple(errors)


def load_lexicon(extra_paths: Iterable[Path | str] = (), *, strict: bool = False) -> Lexicon:
    """The built-in lexicon (read once per process) plus any extra user files.

    Bad lines are skipped and listed in `Lexicon.errors`; with strict=True the first one is raised.
    """
    extra_paths = tuple(extra_paths)
    entries, errors = (list(part) for part in _builtin())
    for path in extra_paths:
        found, bad = read_lexicon_file(path)
        entries += found
        errors += bad
    if strict and errors:
        raise errors[0]
    if not extra_paths:
        return _builtin_lexicon()
    return build_lexicon(entries, errors)


@lru_cache(maxsize=1)
def _builtin_lexicon() -> Lexicon:
    entries, errors = _builtin()
    return build_lexicon(entries, errors)


__all__ = ["LexEntry", "Lexicon", "load_lexicon", "read_lexicon_file", "read_lexicon_text", "parse_line",
           "build_lexicon", "DEFAULT_VERB_TARGETS", "DEFAULT_NOUN_TARGETS", "BUILTIN_FILES"]
