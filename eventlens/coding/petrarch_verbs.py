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

    kind: str  # "word" | "set" | "prep" | "np" | one of SLOTS
    glue: bool
    forms: tuple[tuple[str, ...], ...] = ()  # word/set/prep head: alternative token sequences, lower case
    name: str = ""  # the set's name, for messages
    inner: tuple["Element", ...] = ()  # prep/np group: the elements inside it, in reading order


@dataclass(slots=True)
class Pattern:
    code: str  # CAMEO code, NULL_CODE, or "" for [:B] (only the event back from the target)
    paired: str | None  # the second code of [A:B] or [:B]: the event from target back to source
    before: tuple[Element, ...]  # nearest the verb first
    after: tuple[Element, ...]  # nearest the verb first
    text: str  # the line as written, for the rule
    origin: str  # file:line
    requires: tuple[frozenset[str], ...] = ()  # a sentence lacking any of these words cannot match
    set_refs: tuple[tuple[int, str], ...] = ()  # (order of use, set name) of its &SETs, until load ends

    @property
    def rank(self) -> tuple[int, int]:
        """Higher is tried first: more words and sets, then more actor slots."""
        return _count(self.before + self.after)

    @property
    def rule(self) -> str:
        return f"{self.origin}: {self.text}"


def _count(elements) -> tuple[int, int]:
    """(words and sets, actor slots) in elements, counting inside groups; a group head is a word."""
    words = slots = 0
    for e in elements:
        if e.kind in SLOTS:
            slots += 1
            continue
        words += len(e.forms[0]) if e.kind == "word" else (0 if e.kind == "np" else 1)
        inner = _count(e.inner)
        words, slots = words + inner[0], slots + inner[1]
    return words, slots


@dataclass(slots=True)
class Block:
    name: str
    code: str  # the block's default code ("" when the header gives only [:B])
    origin: str
    paired: str | None = None  # the B of a header's [A:B] or [:B]
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
    paired: str | None = None  # the B of the verb's own [A:B] or [:B]


class VerbDictionary:
    """Verb forms indexed by lower-case word; see petrarch_match for how a sentence is matched."""

    def __init__(self, name: str):
        self.name = name
        self.forms: dict[str, list[VerbForm]] = {}  # multi-word forms first, then longer ones
        self.blocks: list[Block] = []
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        # lines that loaded with a change the user should know of (a non-CAMEO code read as its parent)
        self.warnings: list[DictionaryError] = []

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

    def match(self, sent, petrarch: bool = False):
        """A PatternMatch for one spaCy sentence: candidates plus the verbs a `[---]` blocked.
        `petrarch` reads the patterns as PETRARCH does (`--lexicon file`; see match_sentence)."""
        from .petrarch_match import match_sentence

        return match_sentence(self, sent, petrarch)

    def candidates(self, sent) -> list:
        """rules.Candidate objects for the verbs of one spaCy sentence."""
        return self.match(sent).candidates


# ---------------------------------------------------------------- pieces of a line


def _code(text: str, notes: list[str] | None = None) -> str:
    """A CAMEO code as written in [ ], checked against the ontology; ValueError if unknown.

    A code of digits that is not in the ontology (PETRARCH files carry some, such as 0110 or 176)
    is read as its nearest parent that is (011, 17), and a note saying so is added to `notes`.
    """
    code = text.strip()
    if code == NULL_CODE or ontology.is_code(code):
        return code
    if code.isdigit() and notes is not None:
        for cut in range(len(code) - 1, 1, -1):
            if ontology.is_code(code[:cut]):
                notes.append(f"code {code!r} is not in the CAMEO ontology; coded as its parent {code[:cut]}")
                return code[:cut]
    raise ValueError(f"unknown CAMEO code {code!r}")


def _codes(inner: str, notes: list[str] | None = None) -> tuple[str, str | None]:
    """(code, paired) from the inside of [A], [A:B] or [:B]; code is "" for [:B]."""
    parts = inner.split(":")
    if len(parts) > 2:
        raise ValueError(f"code {inner!r} has more than two parts")
    if len(parts) == 1:
        return _code(parts[0], notes), None
    if not parts[1].strip():
        raise ValueError(f"code {inner!r} has nothing after the ':'")
    code = _code(parts[0], notes) if parts[0].strip() else ""
    paired = _code(parts[1], notes)
    return code, (paired if paired != NULL_CODE else None)


def code_text(code: str, paired: str | None) -> str:
    """A code pair written back the way the file writes it: 163, 050:050 or :173."""
    return f"{code}:{paired}" if paired else code


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
    """(piece, glued to the piece before) for each piece of a pattern, `_` and spaces read apart.

    Brackets of groups, `(` `)` `{` `}`, are pieces of their own and never glued.
    """
    pieces: list[tuple[str, bool]] = []
    for chunk in re.sub(r"([(){}])", r" \1 ", text).split():
        if chunk in "(){}":
            pieces.append((chunk, False))
            continue
        for index, piece in enumerate(chunk.split("_")):
            if piece:
                pieces.append((piece, index > 0))
    return pieces


def _pattern_word_forms(word: str) -> tuple[tuple[str, ...], ...]:
    """A pattern word's token sequences; `/` separates alternatives (BOMBING/EXPLOSION)."""
    alternatives = [w for w in word.split("/") if w]
    if not alternatives:
        raise ValueError(f"cannot read {word!r} in the pattern")
    return tuple(dict.fromkeys(f for w in alternatives for f in _word_forms(w)))


class _PatternReader:
    """Recursive reading of a pattern's pieces into elements, groups included."""

    def __init__(self, pieces: list[tuple[str, bool]]):
        self.pieces, self.at = pieces, 0
        self.set_names: list[str] = []
        self.requires: list[frozenset[str]] = []

    def read(self, closing: str | None, in_np: bool = False) -> list[Element]:
        elements: list[Element] = []
        while self.at < len(self.pieces):
            piece, glued = self.pieces[self.at]
            self.at += 1
            if piece == closing:
                return elements
            if piece in ")}":
                raise ValueError(f"unbalanced {piece!r} in the pattern")
            if piece == "(":
                if closing is not None:
                    raise ValueError("a ( ) group inside another group")
                elements.append(self._prep_group())
            elif piece == "{":
                if in_np:
                    raise ValueError("a { } group inside another { } group")
                inner = self.read("}", in_np=True)
                if not inner:
                    raise ValueError("empty { } group")
                elements.append(Element("np", False, inner=tuple(inner)))
            elif piece == "*":
                if closing is not None:
                    raise ValueError("the verb * inside a group")
                elements.append(Element("*", glued))
            elif piece in SLOTS:
                if in_np:
                    raise ValueError(f"actor mark {piece} inside a {{ }} noun-phrase group")
                elements.append(Element(piece, glued))
            elif piece.startswith("&"):
                if not _SYNSET_NAME_RE.match(piece):
                    raise ValueError(f"bad synonym set name {piece!r}")
                self.set_names.append(piece.upper())
                elements.append(Element("set", glued, name=piece.upper()))
            elif _WORD_RE.match(piece):
                forms = _pattern_word_forms(piece)
                elements.append(Element("word", glued, forms=forms))
                self.requires.append(frozenset(f[0] for f in forms))
            else:
                raise ValueError(f"cannot read {piece!r} in the pattern")
        if closing is not None:
            raise ValueError(f"group not closed with {closing!r}")
        return elements

    def _prep_group(self) -> Element:
        """`(PREP WORDS...)`: PREP heads the group; the rest lies in the phrase PREP governs."""
        inner = self.read(")")
        if not inner or inner[0].kind != "word":
            raise ValueError("a ( ) group must start with a word, its preposition")
        head = inner[0]
        return Element("prep", False, forms=head.forms, inner=tuple(inner[1:]))


def parse_pattern(text: str, origin: str, notes: list[str] | None = None) -> Pattern:
    """One `- PATTERN [CODE]` line (without the `-`); ValueError says what is wrong.

    `notes` collects what was read with a change (a non-CAMEO code read as its parent).
    """
    head, inner = _split_code(text)
    if inner is None:
        raise ValueError("pattern has no [CODE]")
    code, paired = _codes(inner, notes)
    if "|" in head:
        raise ValueError("disjunctive sets ( A | B ) are not supported")
    reader = _PatternReader(_tokenize_pattern(head.replace("**", "*")))
    elements = reader.read(None)
    stars = [i for i, e in enumerate(elements) if e.kind == "*"]
    if len(stars) > 1:
        raise ValueError("pattern has more than one * (the verb)")
    # Without a *, the verb comes first: "- SANCTIONS ON +" reads as "- * SANCTIONS ON +".
    star_at = stars[0] if stars else -1
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
    before_near_first = [Element(e.kind, g, e.forms, e.name, e.inner) for e, g in zip(before, glues)][::-1]
    return Pattern(code=code, paired=paired, before=tuple(before_near_first), after=tuple(after),
                   text=f"- {' '.join(text.split())}", origin=origin, requires=tuple(reader.requires),
                   set_refs=tuple(enumerate(reader.set_names)))


# ---------------------------------------------------------------- the loader


@dataclass(slots=True)
class _Synset:
    name: str
    origin: str
    plurals: bool
    phrases: list[tuple[str, ...]] = field(default_factory=list)


def _read_verb_line(text: str) -> tuple[str, list[str] | None, str | None]:
    """(verb as written, irregular forms or None without { }, code inside [ ] or None)."""
    head, inner = _split_code(text)
    irregular: list[str] | None = None
    if "{" in head or "}" in head:
        opened, closed = head.find("{"), head.find("}")
        if opened < 0 or closed < opened or head.count("{") != 1 or head.count("}") != 1:
            raise ValueError("unbalanced { } around the irregular forms")
        if head[closed + 1:].strip():
            raise ValueError("text after the { } irregular forms")
        irregular = head[opened + 1:closed].replace(",", " ").split()  # some files separate with commas
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

    def warn(number: int, notes: list[str]) -> None:
        for note in notes:
            vd.warnings.append(DictionaryError(f"{note}; line loaded", where=f"{path.name}:{number}",
                                               fix="use a code from eventlens/ontology/data/cameo.tsv"))

    def add_verb(number: int, text: str) -> None:
        nonlocal block, seen_pattern
        written, irregular, inner = _read_verb_line(text)
        notes: list[str] = []
        code, paired = _codes(inner, notes) if inner is not None else (None, None)
        origin = f"{path.name}:{number}"
        if block is None or seen_pattern:
            # TABARI files have no --- headers: a verb line after patterns opens a block of its own.
            block = Block(written.strip("+_").upper(), NULL_CODE if code is None else code, origin, paired)
            vd.blocks.append(block)
            seen_pattern = False
        variants = [written] + (irregular or [])
        if "_" in written or "+" in written:
            parts = [_split_multiword(v) for v in variants]
            verb, before, after = parts[0]
            if irregular is None:  # `{}` says there are no other forms; no braces asks for regular ones
                parts = [(f, before, after) for f in _verb_forms(verb)]
        else:
            for v in variants:
                if not _VERB_RE.match(v):
                    raise ValueError(f"{v!r} is not a word")
            words = [v.lower() for v in irregular] if irregular is not None else _verb_forms(written)
            parts = [(w, (), ()) for w in dict.fromkeys([written.lower(), *words])]
        for word, before, after in parts:
            vd.forms.setdefault(word, []).append(
                VerbForm(word, before, after, code, block, written, origin, paired))
        warn(number, notes)

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
                    # "--- DELAY [120]--- ---": a stray run of dashes after the code is tolerated
                    name, inner = _split_code(header.group(1).rstrip("-").rstrip())
                    block = Block(name.strip(), NULL_CODE, f"{path.name}:{number}")
                    vd.blocks.append(block)
                    seen_pattern = False
                    if inner is not None:
                        notes = []
                        block.code, block.paired = _codes(inner, notes)
                        warn(number, notes)
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
                    notes = []
                    block.patterns.append(parse_pattern(text[1:].strip(), f"{path.name}:{number}", notes))
                    warn(number, notes)
                    seen_pattern = True
                elif text.startswith("~"):
                    raise ValueError("PETRARCH-2 transformation rules (~) are not supported")
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
    if text.startswith("~"):
        return "remove the rule; eventlens reads reported and intended events from the clause itself"
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
            requires = list(pat.requires)
            # walking left, a top-level word's or set's tokens are read last word first; the
            # inside of a group is always read left to right
            pat.before = tuple(_fill(e, vd.synsets, requires, reverse=True) for e in pat.before)
            pat.after = tuple(_fill(e, vd.synsets, requires, reverse=False) for e in pat.after)
            pat.requires, pat.set_refs = tuple(requires), ()
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


def _fill(el: Element, synsets: dict, requires: list, reverse: bool) -> Element:
    """The element with its sets' members filled in (and, if `reverse`, its token order reversed)."""
    flip = (lambda forms: tuple(tuple(reversed(f)) for f in forms)) if reverse else (lambda forms: forms)
    if el.kind == "set":
        phrases = synsets[el.name.rstrip("_")]
        requires.append(frozenset(p[0] for p in phrases))
        return Element("set", el.glue, flip(phrases), el.name)
    if el.kind == "word":
        return Element("word", el.glue, flip(el.forms))
    if el.kind == "prep":
        requires.append(frozenset(f[0] for f in el.forms))
    if el.inner:
        return Element(el.kind, el.glue, el.forms, el.name,
                       tuple(_fill(e, synsets, requires, reverse=False) for e in el.inner))
    return el


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


__all__ = ["VerbDictionary", "Block", "Pattern", "Element", "VerbForm", "Discards", "NULL_CODE", "code_text",
           "load_verb_dictionary", "load_discards", "parse_pattern"]
