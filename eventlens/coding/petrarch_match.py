"""Match a verb dictionary's patterns against one parsed sentence.

A pattern is read outwards from its verb: the elements after `*` against the words after the verb,
up to the end of the verb's own phrase (its dependency subtree); the elements before `*` against
the words before the verb, back to the start of the sentence. An actor slot ($ + %) takes a whole
noun phrase, and the one the dependency parse names (the verb's subject for a `$` before the verb,
its object for a `+` after it) is tried first, so word order alone decides only when the parse does
not. How the clause stands (negated, intended, reported) comes from grammar.clause_of, exactly as
for the built-in lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from .grammar import (APPEAL_VERBS, DEMAND_VERBS, INTENT_VERBS, REFUSAL_VERBS, REPORTING_VERBS,
                      THREAT_VERBS, children, clause_of, expand_conj, is_passive, is_verb_in,
                      passive_subjects, subjects)
from .lexicon import DEFAULT_VERB_TARGETS
from .petrarch_verbs import (COMPOUND, NULL_CODE, SKIP, SOURCE, TARGET, Element, Pattern, VerbDictionary, VerbForm,
                             code_text)
from .petrarch_actors import PatternCandidate
from .rules import Candidate, find_targets

ACTOR_POS = frozenset({"NOUN", "PROPN", "PRON"})
GOVERNING_VERBS = INTENT_VERBS | THREAT_VERBS | APPEAL_VERBS | DEMAND_VERBS | REFUSAL_VERBS
_DEFAULT_TARGETS = SimpleNamespace(targets=DEFAULT_VERB_TARGETS)


@dataclass(slots=True)
class PatternMatch:
    """What a verb dictionary found in one sentence."""

    candidates: list  # rules.Candidate
    blocked: set[int] = field(default_factory=set)  # verb token indices a [---] pattern matched
    coded: set[int] = field(default_factory=set)  # verb token indices that gave a candidate

    def covers(self, cand) -> bool:
        """True if a built-in candidate is about a verb this dictionary already decided on."""
        taken = self.blocked | self.coded
        return any(t.i in taken for t in cand.action)


@dataclass(slots=True)
class _Found:
    pattern: Pattern | None  # None: the verb's (or block's) default code
    form: VerbForm
    code: str  # "" when only the paired event (target back to source) is coded
    actions: list  # tokens of the verb and its multi-word parts
    slots: dict  # slot kind -> head tokens
    paired: str | None = None


class _Sentence:
    """The sentence's words and noun phrases, computed once however many verbs it has."""

    def __init__(self, sent, exact: bool = False):
        self.sent = sent
        self.exact = exact  # pattern words match the word as written only, not its lemma (PETRARCH)
        self.doc = sent.doc
        self.words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        self._chunks: dict[int, tuple[int, int, int]] | None = None

    def chunk(self, tok) -> tuple[int, int, int] | None:
        """(first index, last index, head index) of the noun phrase a token is in, or None."""
        if self._chunks is None:
            self._chunks = {}
            for span in self.sent.noun_chunks:
                for t in span:
                    self._chunks[t.i] = (span.start, span.end - 1, span.root.i)
        found = self._chunks.get(tok.i)
        if found is None and tok.pos_ in ACTOR_POS:
            return tok.i, tok.i, tok.i
        return found


def _token_is(tok, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def _word_is(tok, word: str, exact: bool) -> bool:
    return tok.lower_ == word if exact else _token_is(tok, word)


def _multiword_parts(verb, form: VerbForm, sent) -> list | None:
    """The tokens of a multi-word verb's other words, or None if they are not there."""
    doc = verb.doc
    parts = []
    i = verb.i
    for word in form.before:
        i -= 1
        while i >= sent.start and doc[i].text == "-":  # "re-arrest" is re - arrest
            i -= 1
        if i < sent.start or not _token_is(doc[i], word):
            return None
        parts.append(doc[i])
    i = verb.i
    for index, word in enumerate(form.after):
        i += 1
        if i < sent.end and _token_is(doc[i], word):
            parts.append(doc[i])
            continue
        # "called the talks off": a single particle may stand apart from its verb
        prt = [c for c in verb.children if c.dep_ == "prt" and _token_is(c, word)] if index == 0 else []
        if len(form.after) == 1 and prt:
            parts.append(prt[0])
            continue
        return None
    return parts


class _Matcher:
    """Backtracking match of one pattern side, walking from the verb outwards."""

    def __init__(self, ctx: _Sentence, verb, step: int, start: int, stop: int, preferred: dict):
        self.ctx, self.doc, self.verb = ctx, ctx.doc, verb
        self.step, self.start, self.stop = step, start, stop  # stop is exclusive, in walking order
        self.preferred = preferred  # slot kind -> head indices the parse names

    def inside(self, i: int) -> bool:
        return (self.start <= i < self.stop) if self.step > 0 else (self.stop < i <= self.start)

    def run(self, elements: tuple[Element, ...]) -> dict | None:
        found = self._match(elements, 0, self.start, {})
        return None if found is None else found[0]

    def run_to(self, elements: tuple[Element, ...]) -> tuple[dict, int] | None:
        """(slots, the last index consumed) of a left-to-right match, or None."""
        return self._match(elements, 0, self.start, {})

    def _match(self, elements, k: int, pos: int, slots: dict) -> tuple[dict, int] | None:
        if k == len(elements):
            return slots, pos - self.step
        el = elements[k]
        starts = [pos] if el.glue else self._starts(pos, el)
        for begin in starts:
            if not self.inside(begin):
                continue
            for end, found in self._element_at(el, begin):
                new = slots
                if found:
                    new = {kind: list(heads) for kind, heads in slots.items()}
                    for kind, heads in found.items():
                        new.setdefault(kind, []).extend(heads)
                result = self._match(elements, k + 1, end + self.step, new)
                if result is not None:
                    return result
        return None

    def _starts(self, pos: int, el: Element) -> list[int]:
        positions = list(range(pos, self.stop, self.step))
        if el.kind in (SOURCE, TARGET, COMPOUND) and self.preferred.get(el.kind):
            heads = self.preferred[el.kind]
            # the parse's own subject/object first, then the rest in reading order
            first = [p for p in positions if (c := self.ctx.chunk(self.doc[p])) and c[2] in heads]
            positions = first + [p for p in positions if p not in first]
        return positions

    def _tokens_at(self, forms, begin: int):
        """The last index of each of `forms` (token sequences, in walking order) found at `begin`."""
        for seq in forms:
            i = begin
            for word in seq:
                if not self.inside(i) or not _word_is(self.doc[i], word, self.ctx.exact):
                    break
                i += self.step
            else:
                yield i - self.step

    def _element_at(self, el: Element, begin: int):
        """(last index in walking order, {slot kind: [head]} or None) for each way `el` matches at `begin`."""
        if el.kind in ("word", "set"):
            for end in self._tokens_at(el.forms, begin):
                yield end, None
            return
        if el.kind in ("prep", "np"):
            yield from self._group_at(el, begin)
            return
        tok = self.doc[begin]
        chunk = self.ctx.chunk(tok)
        if chunk is None or tok.i == self.verb.i:
            return
        first, last, head = chunk
        # a phrase is taken whole; walking left it ends at its first word, walking right at its last
        end = last if self.step > 0 else first
        if not self.inside(end):
            end = self.stop - self.step
        head_tok = self.doc[head]
        while head_tok.dep_ == "conj" and head_tok.head.pos_ in ACTOR_POS:
            head_tok = head_tok.head  # "Japan and China": the first conjunct stands for both
        yield end, (None if el.kind == SKIP else {el.kind: [head_tok]})

    def _group_at(self, el: Element, begin: int):
        """A group read left to right from `begin`, its leftmost token, on either side of the verb.

        `(PREP ...)`: PREP at `begin`, the rest inside the phrase PREP governs (its subtree).
        `{...}`: its first element at `begin`, the rest inside the same noun phrase.
        """
        tok = self.doc[begin]
        # walking left, nothing of the group may reach past where this side starts (next to the verb)
        limit = self.stop - 1 if self.step > 0 else self.start
        if el.kind == "prep":
            heads = list(_forward(self, el.forms, begin, limit))
            if not heads or not _in_clause_of(tok, self.verb):
                return
            region_end, inner = min(tok.right_edge.i, limit), el.inner
            starts = [h + 1 for h in heads]
        else:
            chunk = self.ctx.chunk(tok)
            region_end = min(chunk[1] if chunk else begin, limit)
            inner = (_glued(el.inner[0]),) + el.inner[1:]
            starts = [begin]
        for start in starts:
            if not inner:
                yield (start - 1 if self.step > 0 else begin), None
                continue
            sub = _Matcher(self.ctx, self.verb, 1, start, region_end + 1, self.preferred)
            found = sub.run_to(inner)
            if found is not None:
                yield (found[1] if self.step > 0 else begin), found[0]


def _forward(matcher: _Matcher, forms, begin: int, limit: int):
    """The last index of each of `forms` read left to right from `begin`, up to `limit`."""
    doc = matcher.doc
    for seq in forms:
        i = begin
        for word in seq:
            if i > limit or i >= matcher.ctx.sent.end or not _word_is(doc[i], word, matcher.ctx.exact):
                break
            i += 1
        else:
            yield i - 1


def _in_clause_of(tok, verb) -> bool:
    """True if no other verb stands between tok and verb in the parse ("to" of a conjoined clause)."""
    seen = 0
    while tok.i != verb.i:
        if tok.head.i == tok.i or seen > 50:
            return False  # reached the root without meeting the verb
        tok, seen = tok.head, seen + 1
        if tok.i != verb.i and tok.pos_ in ("VERB", "AUX"):
            return False
    return True


def _glued(el: Element) -> Element:
    return Element(el.kind, True, el.forms, el.name, el.inner)


def _preferred(verb) -> dict:
    subj = {t.i for t in subjects(verb)}
    objs = {t.i for c in children(verb, "dobj", "dative", "attr", "oprd") for t in expand_conj(c)}
    objs |= {t.i for t in passive_subjects(verb)}
    return {SOURCE: subj, COMPOUND: subj, TARGET: objs}


def _match_pattern(ctx: _Sentence, verb, pat: Pattern, left_end: int, right_start: int, preferred) -> dict | None:
    sent = ctx.sent
    slots: dict = {}
    if pat.after:
        stop = min(verb.right_edge.i, sent.end - 1) + 1
        found = _Matcher(ctx, verb, 1, right_start, stop, preferred).run(pat.after)
        if found is None:
            return None
        slots.update(found)
    if pat.before:
        found = _Matcher(ctx, verb, -1, left_end, sent.start - 1, preferred).run(pat.before)
        if found is None:
            return None
        for kind, heads in found.items():
            slots.setdefault(kind, []).extend(heads)
    return slots


def _find(vd: VerbDictionary, ctx: _Sentence, verb) -> _Found | None:
    # PETRARCH finds a verb by the forms its file lists or makes, not by the parser's lemma; only a
    # doubled final consonant ("slapped", which the loader does not make) is still found by its lemma
    lem = verb.lemma_.lower()
    doubled = bool(lem) and verb.lower_ in (lem + lem[-1] + "ed", lem + lem[-1] + "ing")
    forms = vd.lookup(verb.lower_) if ctx.exact and not doubled else vd.lookup(verb.lower_, lem)
    for form in forms:
        parts = _multiword_parts(verb, form, ctx.sent)
        if parts is None:
            continue
        left = min([verb.i] + [p.i for p in parts if p.i < verb.i]) - 1
        adjacent_after = [p.i for p in parts if p.i > verb.i and p.i - verb.i <= len(form.after)]
        right = max([verb.i] + adjacent_after) + 1
        block = form.block
        pool: list[Pattern] = list(block.unanchored)
        anchors = block.by_anchor
        if len(anchors) < len(ctx.words):
            pool += [p for w, pats in anchors.items() if w in ctx.words for p in pats]
        else:
            pool += [p for w in ctx.words if w in anchors for p in anchors[w]]
        if len(pool) > 1:
            rank = {id(p): i for i, p in enumerate(block.patterns)}
            pool.sort(key=lambda p: rank[id(p)])
        preferred = None
        for pat in pool:
            if not all(not req.isdisjoint(ctx.words) for req in pat.requires):
                continue
            if preferred is None:
                preferred = _preferred(verb)
            slots = _match_pattern(ctx, verb, pat, left, right, preferred)
            if slots is not None:
                return _Found(pat, form, pat.code, [verb] + parts, slots, pat.paired)
        if form.code is not None:
            return _Found(None, form, form.code, [verb] + parts, {}, form.paired)
        return _Found(None, form, block.code, [verb] + parts, {}, block.paired)
    return None


def _default_rule(found: _Found) -> str:
    form, block = found.form, found.form.block
    if form.code is not None:
        return f"{form.origin}: {form.text} [{code_text(form.code, form.paired)}]"
    return (f"{block.origin}: --- {block.name} [{code_text(block.code, block.paired)}] --- "
            f"(verb {form.text} at {form.origin})")


_WORDS_CACHE: dict[int, frozenset] = {}


def _pattern_words(pat: Pattern | None) -> frozenset:
    """The single words a pattern spells out (its words, its sets' members, in groups too)."""
    if pat is None:
        return frozenset()
    key = id(pat)
    if key not in _WORDS_CACHE:
        words: set[str] = set()
        stack = list(pat.before + pat.after)
        while stack:
            el = stack.pop()
            for form in el.forms:
                words.update(form)
            stack.extend(el.inner)
        _WORDS_CACHE[key] = frozenset(words)
    return _WORDS_CACHE[key]


def _candidates(found: _Found, verb, skip: set[int] = frozenset()) -> list[Candidate]:
    slots = found.slots
    pat = found.pattern
    passive = is_passive(verb)
    reciprocal = COMPOUND in slots
    if reciprocal:
        sources = [t for h in slots[COMPOUND] for t in expand_conj(h)]
    elif SOURCE in slots:
        sources = [t for h in slots[SOURCE] for t in expand_conj(h)]
    else:
        sources = subjects(verb)
    if TARGET in slots:
        targets = [t for h in slots[TARGET] for t in expand_conj(h)]
    elif reciprocal:
        targets = []
    else:
        targets = [t for t in find_targets(_DEFAULT_TARGETS, verb, None) if t not in sources]
        if passive and not targets:
            targets = passive_subjects(verb)
    rule = pat.rule if pat is not None else _default_rule(found)
    confidence = 0.9 if sources else 0.6
    clause = clause_of(verb)
    slot = list(slots.get(TARGET, ()))
    source_slot = list(slots.get(COMPOUND, ()) or slots.get(SOURCE, ()))
    mutual = reciprocal
    if reciprocal and all(h.i > verb.i for h in source_slot) and subjects(verb):
        # "Eriador agrees with % ...": a compound after the verb, with a subject of its own, is
        # the target; the actors are each other's targets only where they are the subject
        mutual, slot, source_slot = False, source_slot, []
    # The first candidate carries the pattern's codes for the PETRARCH-style realizer (which reads
    # `paired` itself); the built-in realizer reads its code and the second candidate below.
    petrarch = dict(mutual=mutual, target_scan=not slot and not mutual, target_slot=slot,
                    pattern_words=_pattern_words(pat), source_slot=source_slot, skip=frozenset(skip))
    out = []
    if found.code:  # "" for [:B]: only the event from the target back to the source
        out.append(PatternCandidate(found.code, rule, list(found.actions), sources, targets, clause,
                                    confidence=confidence, reciprocal=reciprocal,
                                    paired=None if mutual else found.paired, **petrarch))
    if found.paired and not reciprocal:
        # read by the built-in realizer; the PETRARCH one reads `paired` above, or, for [:B], this
        # candidate with its roles as the pattern gives them (`reverse`)
        out.append(PatternCandidate(found.paired, rule + f" (paired code {found.paired}: target back to source)",
                                    list(found.actions), targets, sources, clause,
                                    confidence=confidence * 0.9, back=bool(found.code),
                                    reverse=not found.code, **petrarch))
    return out


def match_sentence(vd: VerbDictionary, sent, petrarch: bool = False) -> PatternMatch:
    """The patterns' matches in one sentence. With `petrarch`, as PETRARCH reads them: pattern
    words match words as written, a verb of intent or appeal is coded beside the verb it governs,
    and a reporting verb is coded too (its target is none when the reported clause holds an event
    of its own, else the first actor in that clause)."""
    ctx = _Sentence(sent, exact=petrarch)
    result = PatternMatch([])
    found_at: dict[int, _Found] = {}
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lower_ not in vd.forms and tok.lemma_.lower() not in vd.forms:
            continue
        found = _find(vd, ctx, tok)
        if found is None:
            continue
        if found.code == NULL_CODE:
            if found.pattern is not None:
                result.blocked.add(tok.i)
            continue
        found_at[tok.i] = found
    for i, found in found_at.items():
        verb = sent.doc[i]
        skip = {j for j in found_at if j != i}
        if petrarch:
            skip = set()  # PETRARCH looks for a target in a coded clause too ("..., after X crowds burned ...")
            comps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
            if found.pattern is None and is_verb_in(verb, REPORTING_VERBS):
                skip |= {c.i for c in comps if any(t.i in found_at for t in c.subtree)}
        elif found.pattern is None:
            # Only a default code: "said that ...", "agreed to meet" carry their event lower down,
            # as the built-in lexicon reads them (grammar.clause_of turns the lower verb's code).
            comps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
            if is_verb_in(verb, REPORTING_VERBS) and any(c.dep_ in ("ccomp", "parataxis") for c in comps):
                continue
            if is_verb_in(verb, GOVERNING_VERBS) and any(c.i in found_at for c in comps):
                continue
        result.candidates.extend(_candidates(found, verb, skip))
        result.coded.add(i)
    return result


__all__ = ["PatternMatch", "match_sentence"]
