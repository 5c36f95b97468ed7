"""Read TABARI/PETRARCH verb-pattern dictionaries and discard lists.

A verb dictionary groups verbs into blocks that share a default CAMEO code and a list of patterns
(`- $ * SANCTIONS ON + [163]`). Reading one gives a VerbDictionary: an index from every verb form to
its block, and each block's patterns ranked most specific first. Matching those patterns against a
parsed sentence lives in petrarch_match.py. A bad line becomes a DictionaryError naming the file and
line, and the rest of the file still loads.

The format and every choice made where it is ambiguous are described in
docs/petrarch-dictionaries.md.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from .. import ontology
from ..actors.petrarch import _lines, _open, regular_plural  # the same line reader as the actor files
from ..errors import DictionaryError

NULL_CODE = "---"
SOURCE, TARGET, COMPOUND, SKIP = "$", "+", "%", "^"
SLOTS = frozenset({SOURCE, TARGET, COMPOUND, SKIP})

_HEADER_RE = re.compile(r"^---\s*(.*?)\s*---\s*$")
_WORD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9'./-]*$")
_VERB_RE = re.compile(r"^[A-Za-z][A-Za-z'-]*$")
_SYNSET_NAME_RE = re.compile(r"^&[A-Za-z0-9_-]+$")


# ---------------------------------------------------------------- the dictionary, as data


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a pattern: a word, a synonym set, or an actor slot ($ + % ^).

    `glue` is True when the element must sit right next to the one before it (nearer the verb),
    which the file writes with `_`; a space lets other words come between.
    """

    kind: str  # "word" | "set" | one of SLOTS
    glue: bool
    forms: tuple[tuple[str, ...], ...] = ()  # word/set: alternative token sequences, lower case
    name: str = ""  # the set's name, for messages


@dataclass(slots=True)
class Pattern:
    code: str  # CAMEO code or NULL_CODE
    paired: str | None  # the second code of [A:B]: the event from target back to source
    before: tuple[Element, ...]  # nearest the verb first
    after: tuple[Element, ...]  # nearest the verb first
    text: str  # the line as written, for the rule
    origin: str  # file:line
    requires: tuple[frozenset[str], ...] = ()  # a sentence lacking any of these words cannot match
    set_refs: tuple[tuple[int, str], ...] = ()  # unresolved (element index, set name), until load ends

    @property
    def rank(self) -> tuple[int, int]:
        """Higher is tried first: more words and sets, then more actor slots."""
        elements = self.before + self.after
        words = sum(len(e.forms[0]) if e.kind == "word" else 1 for e in elements if e.kind not in SLOTS)
        return words, sum(1 for e in elements if e.kind in SLOTS)

    @property
    def rule(self) -> str:
        return f"{self.origin}: {self.text}"


@dataclass(slots=True)
class Block:
    name: str
    code: str  # the block's default code
    origin: str
    patterns: list[Pattern] = field(default_factory=list)
    by_anchor: dict[str, list[Pattern]] = field(default_factory=dict)  # a required word -> patterns
    unanchored: list[Pattern] = field(default_factory=list)  # patterns made only of sets and slots


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One written form of a verb: the word the parser tags as the verb and the words around it."""

    word: str  # lower case
    before: tuple[str, ...]  # words just before the verb, nearest first ("re" in RE_+ARREST)
    after: tuple[str, ...]  # words just after it, nearest first ("up" in +BEEF_UP)
    code: str | None  # the verb's own code, else the block's
    block: Block
    text: str  # the verb as written
    origin: str


class VerbDictionary:
    """Verb forms indexed by lower-case word; see petrarch_match for how a sentence is matched."""

    def __init__(self, name: str):
        self.name = name
        self.forms: dict[str, list[VerbForm]] = {}  # multi-word forms first, then longer ones
        self.blocks: list[Block] = []
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}

    @property
    def pattern_count(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)

    def lookup(self, *words: str) -> list[VerbForm]:
        """Forms stored under any of these words (a token's text and lemma), best first."""
        found: list[VerbForm] = []
        for word in dict.fromkeys(words):
            found.extend(self.forms.get(word, ()))
        found.sort(key=lambda f: -(len(f.before) + len(f.after)))
        return found

    def match(self, sent):
        """A PatternMatch for one spaCy sentence: candidates plus the verbs a `[---]` blocked."""
        from .petrarch_match import match_sentence

        return match_sentence(self, sent)

    def candidates(self, sent) -> list:
        """rules.Candidate objects for the verbs of one spaCy sentence."""
        return self.match(sent).candidates


# ---------------------------------------------------------------- pieces of a line


def _code(text: str) -> str:
    """A CAMEO code as written in [ ], checked against the ontology; ValueError if unknown."""
    code = text.strip()
    if code == NULL_CODE:
        return code
    if not ontology.is_code(code):
        raise ValueError(f"unknown CAMEO code {code!r}")
    return code


def _split_code(text: str) -> tuple[str, str | None]:
    """(text before the [ ], its insides or None); ValueError for unbalanced brackets."""
    if text.count("[") != text.count("]") or text.count("[") > 1:
        raise ValueError("unbalanced or repeated [ ] code")
    if "[" not in text:
        return text, None
    head, _, rest = text.partition("[")
    inner, _, tail = rest.partition("]")
    if tail.strip():
        raise ValueError(f"unexpected text {tail.strip()!r} after the code")
    return head, inner


def _word_forms(word: str) -> tuple[tuple[str, ...], ...]:
    """Token sequences a written word may appear as: spaCy splits "cease-fire" into three."""
    low = word.lower()
    if "-" in low.strip("-") and len(low) > 1:
        parts = [p for p in re.split(r"(-)", low) if p]
        return ((low,), tuple(parts))
    return ((low,),)


def _phrase_forms(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """Every token sequence of a phrase, hyphenated words both whole and split."""
    return tuple(tuple(t for part in combo for t in part) for combo in product(*(_word_forms(w) for w in words)))


def _verb_forms(base: str) -> list[str]:
    """Regular English forms of a verb: -s, -ed, -ing, with the usual spelling changes."""
    b = base.lower()
    if b.endswith(("s", "x", "z", "ch", "sh")):
        third = b + "es"
    elif len(b) > 1 and b.endswith("y") and b[-2] not in "aeiou":
        third = b[:-1] + "ies"
    else:
        third = b + "s"
    if b.endswith("e"):
        past, ing = b + "d", (b + "ing" if b.endswith(("ee", "ye", "oe")) else b[:-1] + "ing")
    elif len(b) > 1 and b.endswith("y") and b[-2] not in "aeiou":
        past, ing = b[:-1] + "ied", b + "ing"
    else:
        past, ing = b + "ed", b + "ing"
    return [b, third, past, ing]


# ---------------------------------------------------------------- patterns


def _tokenize_pattern(text: str) -> list[tuple[str, bool]]:
    """(piece, glued to the piece before) for each piece of a pattern, `_` and spaces read apart."""
    pieces: list[tuple[str, bool]] = []
    for chunk in text.split():
        for index, piece in enumerate(chunk.split("_")):
            if piece:
                pieces.append((piece, index > 0))
    return pieces


def parse_pattern(text: str, origin: str) -> Pattern:
    """One `- PATTERN [CODE]` line (without the `-`); ValueError says what is wrong."""
    head, inner = _split_code(text)
    if inner is None:
        raise ValueError("pattern has no [CODE]")
    codes = inner.split(":")
    if len(codes) > 2:
        raise ValueError(f"code {inner!r} has more than two parts")
    code = _code(codes[0])
    paired = _code(codes[1]) if len(codes) == 2 else None
    if "(" in head or "|" in head:
        raise ValueError("disjunctive sets ( A | B ) are not supported")
    pieces = _tokenize_pattern(head.replace("**", "*"))
    stars = [i for i, (p, _) in enumerate(pieces) if p == "*"]
    if len(stars) > 1:
        raise ValueError("pattern has more than one * (the verb)")
    # Without a *, the verb comes first: "- SANCTIONS ON +" reads as "- * SANCTIONS ON +".
    star = stars[0] if stars else -1
    elements: list[Element] = []
    refs: list[tuple[int, str]] = []
    requires: list[frozenset[str]] = []
    for index, (piece, glued) in enumerate(pieces):
        if index == star:
            elements.append(Element("*", glued))
            continue
        if piece in SLOTS:
            elements.append(Element(piece, glued))
        elif piece.startswith("&"):
            if not _SYNSET_NAME_RE.match(piece):
                raise ValueError(f"bad synonym set name {piece!r}")
            refs.append((len(elements), piece.upper()))
            elements.append(Element("set", glued, name=piece.upper()))
        elif _WORD_RE.match(piece):
            forms = _word_forms(piece)
            elements.append(Element("word", glued, forms=forms))
            requires.append(frozenset(f[0] for f in forms))
        else:
            raise ValueError(f"cannot read {piece!r} in the pattern")
    star_at = star if star >= 0 else -1
    if star_at < 0:
        before, after = [], elements
        verb_glue = False
    else:
        before, after = elements[:star_at], elements[star_at + 1:]
        verb_glue = elements[star_at].glue
    if not before and not after:
        raise ValueError("pattern has nothing but the verb")
    # Before the verb, elements are matched walking left, so each takes the glue of its right neighbour.
    glues = [e.glue for e in before[1:]] + [verb_glue]
    before_near_first = [Element(e.kind, g, e.forms, e.name) for e, g in zip(before, glues)][::-1]
    refs_out = []
    for position, name in refs:
        if position < star_at:
            refs_out.append((-(star_at - position), name))  # -1 is the element nearest the verb
        else:
            refs_out.append((position - star_at - 1 if star_at >= 0 else position, name))
    return Pattern(code=code, paired=paired if paired != NULL_CODE else None,
                   before=tuple(before_near_first), after=tuple(after),
                   text=f"- {' '.join(text.split())}", origin=origin, requires=tuple(requires),
                   set_refs=tuple(refs_out))


# ---------------------------------------------------------------- the loader


@dataclass(slots=True)
class _Synset:
    name: str
    origin: str
    plurals: bool
    phrases: list[tuple[str, ...]] = field(default_factory=list)


def _read_verb_line(text: str) -> tuple[str, list[str], str | None]:
    """(verb as written, irregular forms, code inside [ ] or None); ValueError if malformed."""
    head, inner = _split_code(text)
    irregular: list[str] = []
    if "{" in head or "}" in head:
        opened, closed = head.find("{"), head.find("}")
        if opened < 0 or closed < opened or head.count("{") != 1 or head.count("}") != 1:
            raise ValueError("unbalanced { } around the irregular forms")
        if head[closed + 1:].strip():
            raise ValueError("text after the { } irregular forms")
        irregular = head[opened + 1:closed].split()
        head = head[:opened]
    words = head.split()
    if len(words) != 1:
        raise ValueError("a verb line holds one verb (join the words of a multi-word verb with _)")
    return words[0], irregular, inner


def _split_multiword(written: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(verb word, words before it nearest first, words after it) of "RE_+ARREST", "+BEEF_UP"."""
    words = [w for w in written.split("_") if w]
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        raise ValueError(f"{written!r} marks more than one word with +")
    at = marked[0] if marked else 0  # unmarked multi-word verbs: the first word is the verb
    words = [w.lstrip("+") for w in words]
    for w in words:
        if not _VERB_RE.match(w):
            raise ValueError(f"{w!r} is not a word")
    low = [w.lower() for w in words]
    return low[at], tuple(reversed(low[:at])), tuple(low[at + 1:])


def load_verb_dictionary(path: str | os.PathLike) -> tuple[VerbDictionary, list[DictionaryError]]:
    """The verb dictionary in a TABARI/PETRARCH `.verbs` file, and one error per bad line.

    Raises DictionaryError only if the file cannot be read at all.
    """
    path = Path(path)
    vd = VerbDictionary(path.name)
    errors: list[DictionaryError] = []
    synsets: dict[str, _Synset] = {}
    block: Block | None = None
    synset: _Synset | None = None  # the set whose + lines are being read
    seen_pattern = False  # a verb line after patterns starts a new (TABARI-style) block

    def fail(number: int, message: str, fix: str) -> None:
        errors.append(DictionaryError(message, where=f"{path.name}:{number}", fix=fix))

    def add_verb(number: int, text: str) -> None:
        nonlocal block, seen_pattern
        written, irregular, inner = _read_verb_line(text)
        code = _code(inner) if inner is not None else None
        origin = f"{path.name}:{number}"
        if block is None or seen_pattern:
            # TABARI files have no --- headers: a verb line after patterns opens a block of its own.
            block = Block(written.strip("+_").upper(), code or NULL_CODE, origin)
            vd.blocks.append(block)
            seen_pattern = False
        variants = [written] + irregular
        if "_" in written or "+" in written:
            parts = [_split_multiword(v) for v in variants]
            verb, before, after = parts[0]
            if not irregular:
                parts = [(f, before, after) for f in _verb_forms(verb)]
        else:
            for v in variants:
                if not _VERB_RE.match(v):
                    raise ValueError(f"{v!r} is not a word")
            words = [v.lower() for v in irregular] if irregular else _verb_forms(written)
            parts = [(w, (), ()) for w in dict.fromkeys([written.lower(), *words])]
        for word, before, after in parts:
            vd.forms.setdefault(word, []).append(
                VerbForm(word, before, after, code, block, written, origin))

    with _open(path) as handle:
        for line in _lines(path, handle, errors):
            text = line.text.strip()
            number = line.number
            try:
                if synset is not None and text.startswith("+"):
                    phrase = text[1:].strip()
                    if "&" in phrase or "$" in phrase or "%" in phrase or "^" in phrase:
                        raise ValueError("a synonym set holds words only, not sets or actor marks")
                    words = phrase.replace("_", " ").split()
                    if not words or not all(_WORD_RE.match(w) for w in words):
                        raise ValueError(f"cannot read the synonym {phrase!r}")
                    synset.phrases.extend(_phrase_forms(words))
                    if synset.plurals and not phrase.endswith("_"):
                        synset.phrases.extend(_phrase_forms(regular_plural(" ".join(words)).split()))
                    continue
                synset = None
                header = _HEADER_RE.match(text)
                if header:
                    name, inner = _split_code(header.group(1))
                    block = Block(name.strip(), NULL_CODE, f"{path.name}:{number}")
                    vd.blocks.append(block)
                    seen_pattern = False
                    if inner is not None:
                        block.code = _code(inner)
                elif text.startswith("&"):
                    name = text.split()[0]
                    if not _SYNSET_NAME_RE.match(name) or len(text.split()) > 1:
                        raise ValueError(f"bad synonym set label {text!r}")
                    label = name.upper()
                    key = label.rstrip("_")
                    synset = _Synset(key, f"{path.name}:{number}", not label.endswith("_"))
                    if key in synsets:
                        # its + lines are still read (and dropped), so they are not taken for verbs
                        raise ValueError(f"synonym set {key} is defined twice; the first definition is kept")
                    synsets[key] = synset
                elif text.startswith("-"):
                    if block is None:
                        raise ValueError("pattern line before any verb block")
                    block.patterns.append(parse_pattern(text[1:].strip(), f"{path.name}:{number}"))
                    seen_pattern = True
                else:
                    add_verb(number, text)
            except ValueError as exc:
                fail(number, f"{exc}; line skipped", _fix_for(text))
    _resolve_sets(vd, synsets, errors)
    errors.sort(key=lambda e: int(e.where.rpartition(":")[2]))
    return vd, errors


def _fix_for(text: str) -> str:
    if text.startswith("-"):
        return "write - WORDS * WORDS [CODE] with * for the verb, $ source, + target, &SET, _ to join"
    if text.startswith("&") or text.startswith("+"):
        return "define a set as &NAME then one +WORD_OR_PHRASE per line"
    if text.startswith("---"):
        return "write a block header as --- NAME [CODE] ---"
    return "write a verb as VERB, VERB {IRREGULAR FORMS} [CODE], +VERB_PARTICLE or WORD_+VERB"


def _resolve_sets(vd: VerbDictionary, synsets: dict[str, _Synset], errors: list[DictionaryError]) -> None:
    """Fill every pattern's &SET elements (sets may be defined anywhere) and index the patterns."""
    vd.synsets = {k: tuple(dict.fromkeys(s.phrases)) for k, s in synsets.items()}
    for block in vd.blocks:
        kept: list[Pattern] = []
        for pat in block.patterns:
            missing = [name for _, name in pat.set_refs if name.rstrip("_") not in vd.synsets]
            if missing:
                errors.append(DictionaryError(
                    f"synonym set {missing[0]} is not defined; pattern skipped", where=pat.origin,
                    fix="define the set (&NAME then +WORD lines) or correct its name"))
                continue
            before, after = list(pat.before), list(pat.after)
            requires = list(pat.requires)
            for position, name in pat.set_refs:
                phrases = vd.synsets[name.rstrip("_")]
                side, index = (before, -position - 1) if position < 0 else (after, position)
                old = side[index]
                if side is before:
                    phrases = tuple(tuple(reversed(p)) for p in phrases)  # matched walking left
                side[index] = Element("set", old.glue, forms=phrases, name=old.name)
                requires.append(frozenset(p[0] for p in phrases))
            pat.before, pat.after, pat.requires, pat.set_refs = tuple(before), tuple(after), tuple(requires), ()
            # walking left, a multi-word element's tokens are read last word first
            pat.before = tuple(e if e.kind != "word" else Element(e.kind, e.glue, tuple(tuple(reversed(f)) for f in e.forms))
                               for e in pat.before)
            kept.append(pat)
        # sort is stable: equally specific patterns keep file order
        kept.sort(key=lambda p: (-p.rank[0], -p.rank[1]))
        block.patterns = kept
        block.by_anchor, block.unanchored = {}, []
        for pat in kept:
            words = [w for req in pat.requires for w in req if len(req) == 1]
            if words:
                block.by_anchor.setdefault(max(words, key=len), []).append(pat)
            else:
                block.unanchored.append(pat)
    for forms in vd.forms.values():
        forms.sort(key=lambda f: -(len(f.before) + len(f.after)))


# ---------------------------------------------------------------- discards


class Discards:
    """Phrases that make a sentence (or, marked with `+`, a whole story) uncodable."""

    def __init__(self, name: str):
        self.name = name
        self.phrases: list[tuple[str, bool, str]] = []  # (phrase as written, whole story?, origin)
        self._sentence_re: re.Pattern | None = None
        self._story_re: re.Pattern | None = None

    def _compile(self, story_only: bool) -> re.Pattern | None:
        parts = []
        for index, (phrase, story, _) in enumerate(self.phrases):
            if story_only and not story:
                continue
            stem = not phrase.endswith("_")
            words = phrase.rstrip("_").replace("_", " ").split()
            body = r"\s+".join(re.escape(w) for w in words)
            # a phrase starts at a word boundary; a trailing _ asks for a whole word, else a stem
            parts.append(f"(?P<p{index}>(?<![A-Za-z0-9]){body}{'' if stem else '(?![A-Za-z0-9])'})")
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def _search(self, text: str, story_only: bool) -> str | None:
        attr = "_story_re" if story_only else "_sentence_re"
        if getattr(self, attr) is None:
            setattr(self, attr, self._compile(story_only) or re.compile(r"(?!x)x"))
        found = getattr(self, attr).search(text)
        if found is None:
            return None
        return self.phrases[int(found.lastgroup[1:])][0]

    def matches(self, text: str) -> str | None:
        """The discard phrase found in a sentence (either kind makes the sentence uncodable)."""
        return self._search(text, False)

    def story_matches(self, text: str) -> str | None:
        """The `+` phrase found in a story's text: the whole story is left uncoded."""
        return self._search(text, True)


def load_discards(path: str | os.PathLike) -> tuple[Discards, list[DictionaryError]]:
    """The discard list in a TABARI/PETRARCH discards file, and one error per bad line."""
    path = Path(path)
    discards = Discards(path.name)
    errors: list[DictionaryError] = []
    with _open(path) as handle:
        for line in _lines(path, handle, errors):
            text = line.text.strip()
            story = text.startswith("+")
            phrase = " ".join(text[1:].split()) if story else " ".join(text.split())
            where = f"{path.name}:{line.number}"
            if "[" in phrase or "]" in phrase:
                errors.append(DictionaryError("a discard phrase takes no [code]; line skipped", where=where,
                                              fix="write the phrase alone, with + in front for a whole story"))
            elif not phrase.strip("_ "):
                errors.append(DictionaryError("empty discard phrase; line skipped", where=where,
                                              fix="write the phrase after the +"))
            else:
                discards.phrases.append((phrase, story, where))
    return discards, errors


__all__ = ["VerbDictionary", "Block", "Pattern", "Element", "VerbForm", "Discards", "NULL_CODE",
           "load_verb_dictionary", "load_discards", "parse_pattern"]
