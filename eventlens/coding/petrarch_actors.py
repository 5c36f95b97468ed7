"""Actors for verb-pattern events in `--lexicon file` mode, the way PETRARCH assigns them.

A pattern match (petrarch_match) says which verb fired, which code, and where its actor slots fell.
This module turns that into source and target actors, following PETRARCH's documented semantics
over eventlens's dependency parse rather than a constituency tree:

- A noun phrase is cut at "and", "or", "nor" and commas; each piece gives one actor: its first
  actor phrase, joined with every agent phrase in it ("Israeli police" is ISR + ~COP = ISRCOP). An
  agent written `[~X]` adds X after the actor's code, one written `[X~]` puts X before it; a
  three-letter part the code already has is not added twice. An actor code written `[A/B]` is a
  compound: one actor for each code. A piece of agents only has no country (`---GOV`), unless it
  shares a prepositional phrase with actors ("lawmakers and officials in Fornost and Gondor").
- Each actor gives its own event; sources and targets are crossed.
- Date-restricted codes: the code in force on the article's date (the first listed where ranges
  overlap); a phrase with no code on that day names no actor.
- When the user gives an agent dictionary, eventlens's built-in sector words are not agents: the
  user's file decides what an agent is. Built-in countries, people and organisations still count.
- The source is the `$`/`%` slot or the verb's subject; when the pattern's `+` took the subject, or
  the verb has none, the subject of the clause it hangs on. The target is the `+` slot, or else the
  first actor after the verb in its own phrase.

docs/petrarch-dictionaries.md ("PETRARCH's actor assignment") says the same for users.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..actors.matcher import ActorDictionary
from ..actors.petrarch import agent_goes_first, split_actor_code
from ..models import ActorRef
from .grammar import is_passive, subjects
from .rules import Candidate

_FILE_KINDS = frozenset({"actor", "agent"})
_AGENT_KINDS = frozenset({"agent", "sector"})


@dataclass(slots=True)
class PatternCandidate(Candidate):
    """A candidate from a verb-pattern file. `sources` and `targets` are as the built-in realizer
    reads them; the PETRARCH-style realizer (`realize`) reads the fields below: the slots' heads,
    or, when `target_scan` is set, it looks for the first actor after the verb."""

    target_scan: bool = False
    target_slot: list = field(default_factory=list)  # heads a `+` slot took (not the source)
    pattern_words: frozenset = frozenset()  # the words the pattern spelled out ("not", "will")
    paired: str | None = None  # [A:B]: B, from the target back to the source
    source_slot: list = field(default_factory=list)  # heads a `$` or `%` slot took
    mutual: bool = False  # a `%` compound that is the subject: its actors are each other's targets
    skip: frozenset = frozenset()  # other coded verbs: their clauses are not searched for a target
    back: bool = False  # the B event of [A:B] as a candidate of its own, for the built-in realizer
    reverse: bool = False  # [:B] alone: the event goes from the pattern's target to its source

    @property
    def primary(self) -> bool:
        return not self.back


def _merge(code: str, agents: list[tuple[str, bool]]) -> str:
    """An actor code with agent codes added, in three-letter parts, none twice."""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)] if code else []
    head: list[str] = []
    for agent, first in agents:
        for i in range(0, len(agent), 3):
            piece = agent[i:i + 3]
            if piece in parts or piece in head:
                continue
            (head if first else parts).append(piece)
    return "".join(head + parts)


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
_SPLIT_WORDS = frozenset({"and", "or", "nor", "neither", "either", "&"})
_SEGMENT_PREPS = frozenset({"of", "in", "from", "at"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@lru_cache(maxsize=8)
def _petrarch_dictionary(actor_files: tuple, agent_files: tuple) -> ActorDictionary:
    """The user's actor and agent files, plus the built-in countries, people and organisations
    (and the built-in sector words only when no agent file is given). A hyphenated word is also
    found as the three tokens the parser splits it into ("AL-QAEDA" in "Al-Qaeda")."""
    from ..actors import builtin_entries
    from ..actors.petrarch import load_actor_dictionary, load_agent_dictionary

    filed = []
    for path in actor_files:
        filed += load_actor_dictionary(path)[0]
    for path in agent_files:
        filed += load_agent_dictionary(path)[0]
    # a phrase in the user's files is theirs: the built-in entry for the same words is dropped
    own = {e.phrase.casefold() for e in filed}
    entries = [e for e in builtin_entries() if (not agent_files or e.kind != "sector")
               and e.phrase.casefold() not in own] + filed
    extra = []
    for e in filed:
        if e.kind in _FILE_KINDS and "-" in e.phrase.strip("-"):
            split = " ".join(w for w in e.phrase.replace("-", " - ").split())
            extra.append(replace(e, phrase=split))
    return ActorDictionary(entries + extra)


def _surface(tokens) -> str:
    return "".join(t.lower_ for t in tokens)


class PetrarchActors:
    """Noun phrases to actors in one sentence, with the user's dictionaries (see the module doc)."""

    def __init__(self, coder, actors, sent, day):
        self.actors = actors  # resolve.ArticleActors, for the article's text
        self.day = day
        self.doc = sent.doc
        cache = actors.__dict__.setdefault("_petrarch_mentions", {})
        key = sent.start
        if key not in cache:
            dictionary = _petrarch_dictionary(tuple(coder.config["actor_files"]), tuple(coder.config["agent_files"]))
            by_token = {}
            for m in dictionary.find(sent, day):
                for i in range(m.start, m.end):
                    by_token[i] = m
            cache[key] = by_token
        self.by_token = cache[key]

    # -- which words make up a noun phrase ------------------------------------------------------
    def region(self, head) -> list:
        """The head's phrase, its prepositional phrases and conjuncts included, clauses left out."""
        out, stack = [head], [head]
        while stack:
            tok = stack.pop()
            for c in tok.children:
                if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                    continue
                out.append(c)
                stack.append(c)
        return sorted(out, key=lambda t: t.i)

    # -- reading a phrase ---------------------------------------------------------------------------
    def _mentions(self, tokens):
        """(kind, entry, mention, first token) for the dictionary phrases in tokens, in reading order."""
        found, seen = [], set()
        ids = {t.i for t in tokens}
        for tok in tokens:
            m = self.by_token.get(tok.i)
            if m is None or id(m) in seen or not all(i in ids for i in range(m.start, m.end)):
                continue
            seen.add(id(m))
            entries = [e for e in m.entries if e.holds_on(self.day)]
            filed = [e for e in entries if e.kind in _FILE_KINDS]
            if filed:
                # PETRARCH reads the words as written: no lemma ("polices" is not POLICE {})
                words = _surface(self.doc[m.start:m.end])
                filed = [e for e in filed if e.phrase.lower().replace(" ", "") == words]
                if not filed:
                    continue
            entries = filed or entries
            if not entries:
                continue
            best = entries[0]
            kind = "agent" if best.kind in _AGENT_KINDS else "actor"
            found.append((kind, best, m, tok))
        return found

    def _segments(self, tokens) -> list[list]:
        """tokens cut at "and", "or", "nor" and commas; a piece ending in a modifier ("Ithilen's
        awful and evil minister") goes on into the next."""
        pieces, current = [], []
        for tok in tokens:
            if tok.lower_ in _SPLIT_WORDS or tok.text in (",", ";"):
                if current:
                    pieces.append(current)
                current = []
                continue
            current.append(tok)
        if current:
            pieces.append(current)
        merged: list[list] = []
        carry: list = []
        for piece in pieces:
            piece = carry + piece
            carry = []
            if piece[-1].pos_ in ("ADJ", "DET", "ADV") and piece is not pieces[-1]:
                carry = piece
                continue
            merged.append(piece)
        if carry:
            merged.append(carry)
        return merged

    def read(self, tokens) -> list[ActorRef]:
        """The actors a phrase names: one per coordinated actor (see the module docstring)."""
        groups = []  # (actor mentions, agent mentions, actors inside an of/in/from phrase)
        for piece in self._segments(tokens):
            mentions = self._mentions(piece)
            actors = [(e, m, t) for k, e, m, t in mentions if k == "actor"]
            agents = [(e, m, t) for k, e, m, t in mentions if k == "agent"]
            prep_at = next((t.i for t in piece if t.dep_ == "prep" and t.lower_ in _SEGMENT_PREPS), None)
            in_pp = bool(actors) and prep_at is not None and actors[0][2].i > prep_at and agents \
                and agents[0][2].i < prep_at
            groups.append([actors[:1], agents, in_pp])
        # "Lawmakers and officials in Fornost and Gondor": agents alone before "X in A", and bare
        # actors after it, share the prepositional phrase.
        for k, (actors, agents, in_pp) in enumerate(groups):
            if not in_pp:
                continue
            j = k + 1
            while j < len(groups) and groups[j][0] and not groups[j][1] and not groups[j][2]:
                actors += groups[j][0]
                groups[j][0] = []
                j += 1
            j = k - 1
            while j >= 0 and not groups[j][0] and groups[j][1]:
                groups[j][0], groups[j][2] = list(actors), True
                j -= 1
        out: list[ActorRef] = []
        for actors, agents, _ in groups:
            codes = [(e.code, agent_goes_first(e)) for e, _, _ in agents]
            if actors:
                for entry, m, tok in actors:
                    for code in entry.code.split("/"):
                        out.append(self._ref(_merge(code, codes), entry, code, m, agents))
            elif agents:
                code = _merge("", codes)
                entry, m, _ = agents[0]
                out.append(self._ref(code, entry, "", m, agents))
        unique: list[ActorRef] = []
        for ref in out:
            if all(r.code != ref.code for r in unique):
                unique.append(ref)
        return unique

    def _ref(self, code: str, entry, actor_code: str, m, agents) -> ActorRef:
        country = split_actor_code(actor_code)[0] if actor_code else None
        # an agent with no actor keeps its code as the sector and no country (PETRARCH's ---GOV)
        sector = code[3:] if country and code.startswith(country) else (None if actor_code else code)
        spans = [m] + [a[1] for a in agents]
        start = min(self.doc[x.start].idx for x in spans)
        last = self.doc[max(x.end for x in spans) - 1]
        end = last.idx + len(last.text)
        via = entry.origin + ("; agents " + ", ".join(a[0].origin for a in agents) if agents and actor_code else "")
        if not actor_code:
            via = "agent without a country: " + ", ".join(a[0].origin for a in agents)
        return ActorRef(code=code, name=entry.name, country=country, sector=sector or None,
                        text=self.actors.text[start:end], start=start, end=end, via=via)

    def heads(self, heads) -> list[ActorRef]:
        """The actors of the phrases headed by `heads` (read together, in reading order)."""
        tokens = {t.i: t for h in heads for t in self.region(h)}
        return self.read([tokens[i] for i in sorted(tokens)])

    # -- an event's actors --------------------------------------------------------------------------
    def _subject_heads(self, verb, taken) -> list:
        # the parser sometimes hangs the subject on the auxiliary ("The Philippines was ... criticized")
        kids = list(verb.children) + [g for a in verb.children if a.dep_ in ("aux", "auxpass")
                                      for g in a.children]
        own = [c for c in kids if c.dep_ in ("nsubj", "csubj")]
        if is_passive(verb):
            agent = [p for prep in verb.children if prep.dep_ == "agent" for p in prep.children if p.dep_ == "pobj"]
            own = agent or [c for c in kids if c.dep_ in ("nsubjpass", "nsubj")]
        if not own:
            # "Ethiopia act on ...": a noun the parser hung on the verb as a compound, before it
            own = [c for c in verb.children if c.dep_ in ("compound", "npadvmod", "nmod") and c.i < verb.i
                   and c.pos_ in ("PROPN", "NOUN")]
        heads = [h for h in own if h.i not in taken]
        if heads:
            return heads
        return [t for t in subjects(verb) if t.i not in taken]

    def sources(self, cand: PatternCandidate, verb) -> list[ActorRef]:
        taken = {t.i for h in cand.target_slot for t in self.region(h)}
        if cand.source_slot:
            heads = list(cand.source_slot)
            subject = self._subject_heads(verb, taken)
            if any(h in subject for h in heads):
                heads += [h for h in subject if h not in heads]  # "Old foes Gondor and Osgiliath"
            return self.heads(heads)
        found = self.heads(self._subject_heads(verb, taken))
        gov, steps = verb, 0
        # no subject of its own, or the pattern's + took it: the clause it hangs on has the source
        while not found and gov.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp") \
                and gov.head is not gov and steps < 6:
            gov, steps = gov.head, steps + 1
            if gov.pos_ in ("VERB", "AUX"):
                found = self.heads(self._subject_heads(gov, taken))
        return found

    def targets(self, cand: PatternCandidate, verb) -> list[ActorRef]:
        if not cand.target_scan:
            return self.heads(cand.target_slot)
        if is_passive(verb) and any(p.dep_ == "agent" for p in verb.children):
            # "Eriador was opposed by Osgiliath": the one acted on is the passive subject
            found = self.heads([c for c in verb.children if c.dep_ == "nsubjpass"])
            if found:
                return found
        return self._scan(cand.action, max(t.i for t in cand.action), set(cand.skip), 0)

    def _scan(self, verbs, after: int, skip: set, depth: int) -> list[ActorRef]:
        """The first actor after the verb in its own phrase: its objects and prepositional phrases
        in reading order, and inside a clause that is not coded on its own, that clause's subject
        first. `verbs` are the verb and the other words of a multi-word verb ("cordoned off")."""
        own = {v.i for v in verbs}
        # the verb's own passive agent is its source, not its target
        passed = ("cc", "punct", "aux", "auxpass", "neg") + (("agent",) if depth == 0 else ())
        for c in sorted((c for v in verbs for c in v.children if c.i not in own), key=lambda t: t.i):
            if c.i <= after or c.i in skip or c.dep_ in passed:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            found = self._node(c, skip, depth)
            if found:
                return found
        return []

    def _node(self, c, skip: set, depth: int) -> list[ActorRef]:
        """The first actor in one dependent: a clause's subject, then what follows its verb; a
        phrase's own words, then the clauses hung on it ("the roads leading into Mordor")."""
        if depth > 3:
            return []
        if c.dep_ in _CLAUSE_DEPS or c.pos_ in ("VERB", "AUX"):
            found = self.heads([s for s in c.children if s.dep_ in _SUBJECT_DEPS])
            return found or self._scan([c], c.i, skip, depth + 1)
        found = self.heads([c])
        if found:
            return found
        for t in self.region(c):
            for clause in sorted((x for x in t.children if x.dep_ in _CLAUSE_DEPS and x.i not in skip),
                                 key=lambda x: x.i):
                found = self._node(clause, skip, depth + 1)
                if found:
                    return found
        return []


NEGATION_WORDS = frozenset({"not", "n't", "no", "never", "neither", "nor"})


def realize(coder, cand: PatternCandidate, si: int, sent, actors, article, content: str, published) -> list:
    """The events of one pattern candidate, PETRARCH style (see the module docstring).

    The code is the dictionary's: no intent or appeal transformation. A negated clause gives no
    event (or a negated one with keep_negated) unless the pattern itself spells out the negation
    ("- WILL NOT * [081]"). An event inside an "if" clause is not coded.
    """
    from ..resolve.attributes import event_attributes
    from ..resolve.dates import resolve_event_date
    from ..resolve.places import action_geo

    if cand.back or cand.clause.in_condition:
        return []
    verb = cand.action[0]
    pa = PetrarchActors(coder, actors, sent, published.day)
    sources = pa.sources(cand, verb)
    if not sources:
        return []
    negated = cand.clause.negated and not (cand.pattern_words & NEGATION_WORDS)
    if negated and not coder.keep_negated:
        return []
    pairs: list[tuple[str, ActorRef, ActorRef | None, str]] = []
    if cand.mutual:
        for a in sources:
            for b in sources:
                if a.code != b.code:
                    pairs.append((cand.code, a, b, ""))
    else:
        targets = pa.targets(cand, verb)
        for s in sources:
            for t in [t for t in targets if t.code != s.code] or [None]:
                if cand.reverse:
                    if t is not None:
                        pairs.append((cand.code, t, s, ""))
                    continue
                if cand.code:
                    pairs.append((cand.code, s, t, ""))
                if cand.paired and t is not None:
                    pairs.append((cand.paired, t, s, f" (paired code {cand.paired}: target back to source)"))
    if not pairs:
        return []
    when = resolve_event_date(sent, cand.action, published.day)
    where = action_geo(sent, cand.action, actors.countries)
    attrs = dict(cand.attrs)
    attrs.update(event_attributes(sent, cand.action, cand.target_slot))
    # a verb-pattern file alone uses no model: the calibration signals say so (it is not applied to them)
    signals = {"origin": "pattern", "rule_confidence": cand.confidence, "root": cand.code[:2]}
    context = (when, where, attrs, published, signals, actors.countries)
    modality = cand.clause.modality
    return [coder._event(code, cand.rule + note, cand, s, t, None, negated, modality, sent, si, article, content,
                         context) for code, s, t, note in pairs]


__all__ = ["NEGATION_WORDS", "PatternCandidate", "PetrarchActors", "realize"]
