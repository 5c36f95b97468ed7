"""Rules over the dependency parse: find event words, their source and target, and how the clause
stands (negated, intended, conditional, reported). Each candidate names the rule that made it."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import codes as cameo
from .grammar import (APPEAL_VERBS, DEMAND_VERBS, INTENT_VERBS, REFUSAL_VERBS, REPORTING_VERBS,
                      THREAT_VERBS, Clause, children, clause_of, condition_clauses, condition_subjects, described_by,
                      expand_conj, forms, is_passive, is_verb_in, lemma, particle, reported_obligation, through_count,
                      reporter_subject, passive_subjects, subjects)
from .lexicon import DEFAULT_VERB_TARGETS, LexEntry, Lexicon
from .scene import (ASKED_NOUNS, MEETING_NOUNS, OFFERED_NOUNS, authors_of, listed_parties, persona_non_grata,
                    sets_the_scene)

# Verbs that carry a noun's event: "held talks", "launched an attack", "imposed a ban".
LIGHT_VERBS = {"hold", "launch", "make", "carry", "conduct", "stage", "issue", "express", "voice",
               "announce", "offer", "extend", "give", "pay", "begin", "start", "mount", "take",
               "have", "undertake", "deliver", "lodge", "file", "level", "send", "impose", "order",
               "resume", "open", "seek", "pursue", "propose", "want", "initiate", "continue", "slap",
               "put", "place", "enforce", "introduce", "announce", "approve", "unveil", "adopt"}
# Verbs of which a nominal event may be the subject and still have happened ("talks took place").
OCCURRENCE_VERBS = {"take", "begin", "start", "resume", "continue", "open", "end", "conclude", "be",
                    "follow", "come", "occur", "happen", "last"}
# "a similar stance has been voiced by X": X repeats the previous event.
ECHO_NOUNS = {"stance", "position", "view", "line", "sentiment", "opinion", "approach", "view"}
ECHO_VERBS = {"voice", "express", "share", "take", "adopt", "hold", "echo", "support", "state"}
# "X is not up for discussion", "non-negotiable": a refusal to negotiate.
# Measures another side wants lifted, and the refusal (124x) announcing that they stay
STANDING_MEASURES = {"sanction": "1244", "embargo": "1244", "tariff": "1244", "measure": "1241", "restriction": "1241",
                     "ban": "1241", "curfew": "1241", "check": "1241", "closure": "1241", "fund": "1243",
                     "asset": "1243"}
NOT_NEGOTIABLE_NOUNS = {"discussion", "negotiation", "debate", "negotiations", "talks", "review"}
# "Among those targeted were ...": the list extends the previous event to new targets.
EXTENDING_VERBS = {"target", "sanction", "name", "list", "include", "affect", "hit", "blacklist",
                   "designate", "arrest", "detain", "kill", "wound", "expel", "charge"}
GENERIC_VERBS = {"target", "name", "list", "include", "affect", "hit"}
CONDITION_NOUNS = {"condition", "precondition", "prerequisite"}
STANDING_OBJECTS = {"base", "bases", "headquarters", "refugee", "facility", "population", "embassy", "garrison"}
# A verdict on someone's act: "called the move a provocation", "said the deployment was unacceptable".
# CAMEO codes it as criticism (111) of whoever acted; the words are the verdict, the act is named before.
VERDICT_NOUNS = {"provocation", "violation", "blow", "affront", "insult", "outrage", "disgrace", "farce",
                 "sham", "fraud", "betrayal", "aggression", "interference", "mistake", "crime", "travesty",
                 "escalation", "threat", "breach", "slap", "stab", "act", "incursion", "invasion", "occupation",
                 "abuse", "attack", "diktat", "robbery", "theft", "blackmail", "coup", "humiliation", "hypocrisy",
                 # what a charge is called by the one charged
                 "lie", "slander", "propaganda", "nonsense", "fabrication", "fiction", "smear", "fearmongering"}
VERDICT_ADJS = {"unacceptable", "provocative", "irresponsible", "reckless", "unprofessional", "hostile",
                "unfriendly", "illegitimate", "outrageous", "deplorable", "unjustified", "unwarranted",
                "illegal", "unlawful", "dangerous", "unsafe", "destabilising", "destabilizing", "shameful",
                "absurd", "cynical", "aggressive", "null", "void", "unfortunate", "regrettable", "cowardly",
                "barbaric", "heinous", "criminal", "inhumane", "unconstitutional", "undemocratic",
                "discriminatory", "arbitrary", "unfair", "unjust", "racist", "colonial", "extreme",
                "false", "baseless", "groundless", "unfounded", "fabricated", "ridiculous", "slanderous"}
# What is judged must be an act, not a state of affairs ("the situation was dangerous")
VERDICT_SUBJECTS = {"move", "decision", "deployment", "drill", "exercise", "step", "remark", "comment",
                    "statement", "incursion", "act", "action", "attack", "strike", "test", "launch",
                    "sanction", "ban", "designation", "ruling", "vote", "referendum", "visit", "plan",
                    "measure", "expulsion", "arrest", "detention", "seizure", "raid", "law", "bill",
                    "announcement", "claim", "accusation", "threat", "demand", "flight", "overflight",
                    "intrusion", "patrol", "crossing", "transit", "trial", "verdict", "sentence", "appointment",
                    "presence", "protest", "rally", "march", "demonstration", "killing", "bombing",
                    "it", "this", "that"}


@dataclass(slots=True)
class Candidate:
    """An event found in a sentence before its actors are resolved."""

    code: str
    rule: str
    action: list  # tokens of the action words
    sources: list  # head tokens naming the source
    targets: list  # head tokens naming the target
    clause: Clause
    entry: LexEntry | None = None
    confidence: float = 0.9
    reciprocal: bool = False  # "talks between X and Y": each is the other's target
    source_is_reporter: bool = False  # the clause has no actor subject: the speaker acts
    echo: bool = False  # repeats the article's previous event with a new source
    extend: bool = False  # extends the previous event to new targets
    attrs: dict = field(default_factory=dict)
    victims: list = field(default_factory=list)  # "..., killing three civilians": who the act hit, if it names no one
    scores: dict = field(default_factory=dict)  # what the learned models said of it (calibration signals)
    covers: frozenset = frozenset()  # tokens it reads better than the lexicon: their other candidates go
    threat_if: bool = False  # a hostile act that "would" or "will" follow "if" another acts: a threat
    #                          (conditional_threats)
    outdone_by: list = field(default_factory=list)  # candidates that, once coded, make this one redundant


def _object_lemmas(tok) -> set[str]:
    """The words that may satisfy an object constraint: the noun, its compound words, and a second
    object the parser hung lower down ("made the return of the islands a condition")."""
    out = {lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ == "compound":
            out.add(lemma(c))
    for d in tok.subtree:
        if d != tok and d.dep_ in ("dobj", "oprd", "attr") and d.pos_ == "NOUN":
            out.add(lemma(d))
    return out


def _object_tokens(verb) -> list:
    objs = children(verb, "dobj", "oprd", "attr")
    objs += passive_subjects(verb)
    out = []
    for o in objs:
        out.extend(through_count(x) for x in expand_conj(o))
    return out


def match_verb(lex: Lexicon, verb) -> tuple[LexEntry, object] | None:
    """The most specific lexicon entry for this verb in this clause, and the object it matched."""
    entries = lex.candidates(lemma(verb), "verb")
    if entries and lemma(verb) == "call" and children(verb, "oprd", "xcomp") and children(verb, "dobj"):
        return None  # "call the operation an invasion" names; it is not a phone call
    if not entries:
        entries = next((lex.candidates(f, "verb") for f in forms(verb) if lex.candidates(f, "verb")), [])
    if not entries:
        return None
    # spaCy tags a particle as prt, or as prep/advmod ("called on China", "stepped down").
    # But "called Xi on Tuesday" is a call made on a day, not "call on" (appeal to) anyone.
    prts = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") or c.dep_ == "prep" and not (
        (pobjs := children(c, "pobj")) and all(p.ent_type_ in ("DATE", "TIME") for p in pobjs))}
    objects = _object_tokens(verb)
    for entry in entries:
        if entry.particle and entry.particle not in prts:
            continue
        if entry.object_lemmas:
            pool = objects
            if entry.object_prep:
                # "pulled out of the deal": the preposition may hang on the particle.
                heads = [verb] + [c for c in verb.children if c.dep_ in ("prt", "prep", "advmod")]
                pool = [p for h in heads for prep in children(h, "prep", "agent", "dative")
                        if prep.lower_ == entry.object_prep for p in children(prep, "pobj")]
                pool = [x for p in pool for x in expand_conj(p)]
            hit = next((o for o in pool if _object_lemmas(o) & entry.object_lemmas), None)
            if hit is None:
                continue
            return entry, hit
        if entry.requires_object and not objects:
            continue
        return entry, None
    return None


def match_noun(lex: Lexicon, noun) -> tuple[LexEntry, object] | None:
    entries = lex.candidates(lemma(noun), "noun")
    if not entries:
        return None
    mods = {lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")}
    # "the imposition of sanctions", "a resolution to the territorial issue"
    of_objs = [p for prep in children(noun, "prep") if prep.lower_ in ("of", "to")
               for p in children(prep, "pobj")]
    for entry in entries:
        if entry.modifiers and not set(entry.modifiers) <= mods:
            continue
        if entry.object_lemmas:
            hit = next((o for o in of_objs if _object_lemmas(o) & entry.object_lemmas), None)
            if hit is None:
                continue
            return entry, hit
        return entry, None
    return None


def _prep_objects(tok, preps) -> list:
    out = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and c.lower_ in ("out", "up", "down", "off", "back", "away"))]
    for prep in (p for h in heads for p in children(h, "prep", "dative", "agent")):
        if prep.lower_ in preps:
            for p in children(prep, "pobj"):
                out.extend(expand_conj(p))
    return out


def find_targets(entry: LexEntry | None, verb, obj, *, noun: bool = False) -> list:
    """Target tokens in the order the entry's target specs give; the first spec that finds one wins."""
    found = _spec_targets(entry, verb, obj, noun=noun)
    if not noun and is_verb_in(verb, APPEAL_VERBS | DEMAND_VERBS):
        # "demanded that Tokayev act", "called on Iran to respect ...": who is asked is the target,
        # before anything the demand is about.
        asked = _prep_objects(verb, {"on", "upon"}) or [
            x for comp in children(verb, "ccomp", "xcomp") for s in children(comp, "nsubj", "nsubjpass")
            for x in expand_conj(s)]
        found = asked + [t for t in found if t not in asked]
    return [a for t in found for a in (authors_of(t) or [t])]


def _default_targets(verb, noun) -> list:
    """The light verb's own arguments: "gave Sweden an ultimatum", "held talks with Iran"."""
    for spec in DEFAULT_VERB_TARGETS:
        if spec[0] == "dobj":
            found = [o for o in _object_tokens(verb) if o != noun]
        elif spec[0] == "iobj":
            found = [x for c in children(verb, "dative", "iobj") if c.pos_ != "ADP" for x in expand_conj(c)]
        else:
            found = _prep_objects(verb, spec[1])
        if found:
            return found
    return []


def _spec_targets(entry: LexEntry | None, verb, obj, *, noun: bool = False) -> list:
    specs = entry.targets if entry is not None else (("dobj",),)
    for spec in specs:
        kind = spec[0]
        if kind == "none":
            return []
        if kind == "dobj":
            # The matched object may itself be the target ("expelled two Swedish diplomats").
            found = ([o for o in _object_tokens(verb) if o != obj] or ([obj] if obj is not None else [])
                     ) if not noun else []
        elif kind == "iobj":
            found = [x for c in children(verb, "dative", "iobj") for x in expand_conj(c) if c.pos_ != "ADP"]
        else:
            preps = spec[1]
            found = _prep_objects(verb, preps)
            if obj is not None:
                found += _prep_objects(obj, preps)
        if found:
            return found
    if obj is not None and lemma(obj) in OFFERED_NOUNS:
        # "accepted Turkish mediation", "rejected a Chilean proposal": the offer's nationality is its maker
        return [c for c in obj.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                and not _is_anti(c)]
    return []


def word_classes(sent) -> tuple[list, list]:
    """The sentence's verbs and nouns: the only tokens the rules look at first."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX")]
    nouns = [t for t in sent if t.pos_ == "NOUN"]
    return verbs, nouns


def verb_candidates(lex: Lexicon, sent, words: tuple[list, list] | None = None) -> list[Candidate]:
    verbs, nouns = words or word_classes(sent)
    out: list[Candidate] = []
    consumed: set[int] = set()  # nouns already used as a verb's object
    for tok in verbs:
        if tok.i in consumed or reported_obligation(tok) is not None:
            continue  # an obligation laid on someone is a demand: construction_candidates
        lem = lemma(tok)
        if is_verb_in(tok, REPORTING_VERBS) and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            continue
        governs_event = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
        if governs_event and is_verb_in(tok, INTENT_VERBS | THREAT_VERBS | APPEAL_VERBS | DEMAND_VERBS | REFUSAL_VERBS):
            # The complement carries the act; this verb only changes how it stands (grammar.clause_of).
            comp = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
            if any(match_verb(lex, c) or (lemma(c) in LIGHT_VERBS and _light_noun(lex, c)) for c in comp):
                continue
        if lem == "host" and tok.tag_ in ("VBZ", "VBP") and any(
                lemma(o) in STANDING_OBJECTS or o.lower_ in STANDING_OBJECTS for o in _object_tokens(tok)):
            continue  # "Djibouti hosts the bases of several powers": a standing fact, not news of an act
        cand = None
        m = match_verb(lex, tok)
        light = (_light_noun(lex, tok) if lem in LIGHT_VERBS
                 else _protest_state(lex, tok) if lem in STATE_VERBS else None)
        if m and (m[0].object_lemmas or not light):
            entry, obj = m
            action = [tok] + [c for c in tok.children if c.dep_ == "prt"] + ([obj] if obj is not None else [])
            if obj is not None:
                consumed.add(obj.i)
            srcs = subjects(tok)
            tgts = find_targets(entry, tok, obj)
            if is_passive(tok) and not entry.object_lemmas and not tgts:
                tgts = passive_subjects(tok)
            cand = Candidate(entry.code, f"lexicon {entry.origin}: {entry.form}", action, srcs, tgts,
                             clause_of(tok), entry=entry, confidence=0.9 if srcs else 0.6)
            if is_passive(tok):
                cand.rule += " (passive)"
        elif light and not (lem == "make" and _makes_condition(tok)):
            entry, noun = light
            consumed.add(noun.i)
            # the noun's own target words first, then the light verb's ("gave Ivory Coast ... aid")
            tgts = find_targets(entry, tok, noun, noun=True)
            tgts += [t for t in _default_targets(tok, noun) if t not in tgts]
            tgts = [t for t in tgts if t != noun]
            srcs = subjects(tok) or _noun_sources(noun)
            # "declined to attend the conference proposed by Brazil": a light verb that describes its noun
            # tells a fact of its own, not what the clause above refuses or asks
            # ... and one whose noun hangs on a preposition ("did not take part in the drills") lends it
            # its clause
            describes = tok.head.i == noun.i and tok.dep_ in ("acl", "relcl") or noun.dep_ == "pobj"
            cand = Candidate(entry.code, f"lexicon {entry.origin}: {entry.form} (with '{tok.lemma_}')",
                             [tok, noun], srcs, tgts, clause_of(tok if describes else noun), entry=entry,
                             confidence=0.85)
        if cand is not None:
            out.append(cand)
    # A nominal event inside another event's object is what that event is about ("refused to condemn
    # Russia's invasion"), not an event coded on its own.
    embedded = {d.i for c in out for a in c.action[1:] for d in a.subtree}
    embedded |= {d.i for c in out for o in _object_tokens(c.action[0]) for d in o.subtree}
    # ... or in its prepositional phrases ("sent troops to a NATO exercise"), except those that set the
    # scene: "signed a deal during a visit by the Italian prime minister", "banned entry in response to
    # Washington's sanctions" tell an event of their own (CODEBOOK: background clauses count)
    embedded |= {d.i for c in out if c.action[0].pos_ in ("VERB", "AUX")
                 for p in children(c.action[0], "prep", "dative", "agent") if not sets_the_scene(p)
                 for d in p.subtree}
    # ... and so is what a demand, appeal or refusal coded on its own asks for ("demanded that
    # protesters end their occupation")
    embedded |= {d.i for c in out if is_verb_in(c.action[0], APPEAL_VERBS | DEMAND_VERBS | REFUSAL_VERBS)
                 for comp in children(c.action[0], "ccomp", "xcomp") for d in comp.subtree}
    # a scene-setting phrase sets its own scene wherever the parser hangs it ("managing migration after talks")
    embedded -= {t.i for t in nouns if t.dep_ == "pobj" and sets_the_scene(t.head)}
    for tok in nouns:
        if tok.i not in consumed and tok.i not in embedded:
            cand = noun_candidate(lex, tok)
            if cand is not None:
                out.append(cand)
    return out


def _makes_condition(verb) -> bool:
    return any(lemma(d) in CONDITION_NOUNS and d.dep_ in ("dobj", "oprd", "attr") for d in verb.subtree)


# "a package of sanctions", "a new round of talks": the event is the noun after "of".
QUANTITY_NOUNS = {"package", "round", "set", "series", "wave", "number", "raft", "slew", "host", "batch",
                  "string", "spate", "volley", "barrage", "list", "tranche",
                  # "gave Ivory Coast 5.1 million dollars of aid", "700 kg of medicine"
                  "dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "franc", "ton", "tonne", "kg",
                  "kilogram", "worth", "million", "billion", "shipment", "consignment", "cargo", "load",
                  # "began two weeks of joint exercises", "after three days of talks"
                  "day", "week", "month", "year", "hour", "night", "weekend"}
# Words that carry a message whose kind the noun after "of" names: "sent a message of condolence", "a
# letter of protest", "a note of thanks".
CARRIER_NOUNS = {"message", "cable", "letter", "telegram", "note", "word", "expression", "gesture"}


def _light_noun(lex: Lexicon, verb):
    for obj in children(verb, "dobj") + passive_subjects(verb):
        for o in expand_conj(obj):
            m = match_noun(lex, o)
            inner = []  # the event noun the object stands for
            if m is None and lemma(o) in QUANTITY_NOUNS | CARRIER_NOUNS:
                inner = [p for prep in children(o, "prep") if prep.lower_ == "of" for p in children(prep, "pobj")]
            elif m is None and lemma(o) == "part" and lemma(verb) == "take":  # "took part in talks with Quito"
                inner = [p for prep in (*children(verb, "prep"), *children(o, "prep")) if prep.lower_ == "in"
                         for p in children(prep, "pobj")]
            if inner:
                o = inner[0]
                m = match_noun(lex, o)
            if m:
                return m[0], o
    return None


# "have been on hunger strike since Saturday", "went on strike": a protest told as a state its subject is in
STATE_VERBS = {"be", "remain", "stay", "go"}


def _protest_state(lex: Lexicon, verb):
    for prep in children(verb, "prep"):
        if prep.lower_ == "on":
            for o in children(prep, "pobj"):
                m = match_noun(lex, o)
                if m and m[0].code[:2] == "14":
                    return m[0], o
    return None


REACTION_NOUNS = {"criticism", "condemnation", "rebuke", "protest", "outrage", "censure", "complaint",
                  "objection", "reprimand", "warning", "response", "reaction", "rebuttal"}


CALL_NOUNS = ASKED_NOUNS | {"plea", "overture", "pressure"}


def _noun_sources(noun) -> list:
    """Who acts in a nominal event: "Russia's invasion", "Japanese sanctions", "talks by X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return expand_conj(c)
    for prep in children(noun, "prep", "agent"):
        if prep.lower_ == "by":
            return [x for p in children(prep, "pobj") for x in expand_conj(p)]
    # "The ruling drew sharp criticism from Pretoria": a reaction comes from whoever reacts; "despite
    # appeals from Sweden": so does a call
    if lemma(noun) in REACTION_NOUNS | CALL_NOUNS:
        for holder in (noun, noun.head) if noun.dep_ == "dobj" else (noun,):
            for prep in children(holder, "prep"):
                if prep.lower_ == "from":
                    return [x for p in children(prep, "pobj") for x in expand_conj(p)]
    # "anti-Russian sanctions" name their target, not their source.
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ")
            and c.ent_type_ in ("NORP", "GPE", "ORG") and not _is_anti(c)]
    return mods


def _is_anti(tok) -> bool:
    doc = tok.doc
    if tok.lower_.startswith("anti"):
        return True
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti" or any(
        c.lower_ == "anti" for c in tok.children)


def _infinitive(verb) -> bool:
    """Whether a verb stands after "to" ("to discuss", "allowed Taiwan to open")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def hung_infinitives(verb) -> list:
    """"turned down an offer from Brazil to mediate": the parser may hang what an object noun offers or
    asks on the verb, as an infinitive clause of its own."""
    return [v for v in children(verb, "advcl", "xcomp") if _infinitive(v)]


def noun_candidate(lex: Lexicon, noun, judged: bool = False) -> Candidate | None:
    """A nominal event standing on its own: "the imposition of sanctions by Japan", "talks between
    Japan and Russia". A noun that is merely described ("the treaty has remained unsigned") is none,
    unless it is an act judged ("said the British exercise was a provocation": the exercise happened)."""
    m = match_noun(lex, noun)
    if m is None:
        return None
    entry, obj = m
    if not judged and noun.dep_ in ("nsubj", "nsubjpass") and lemma(noun.head) not in OCCURRENCE_VERBS:
        return None
    if not judged and noun.dep_ == "nsubj" and any(c.dep_ in ("acomp", "oprd") for c in noun.head.children):
        return None
    between = [x for prep in children(noun, "prep") if prep.lower_ == "between"
               for p in children(prep, "pobj") for x in expand_conj(p)]
    srcs = _noun_sources(noun)
    scene = None  # the verb of the list that met, whose clause the meeting's is (it happened)
    if not between and not srcs and lemma(noun) in MEETING_NOUNS:
        between, scene = listed_parties(noun)
    if between and not srcs:
        return Candidate(entry.code, f"lexicon {entry.origin}: {entry.form} (between)", [noun], between, [],
                         clause_of(scene if scene is not None else noun), entry=entry, confidence=0.75,
                         reciprocal=True)
    if not srcs:
        return None
    tgts = [t for t in find_targets(entry, noun, obj, noun=True) if t != obj]
    if lemma(noun) in REACTION_NOUNS and noun.dep_ == "dobj" and noun.head.dep_ == "advcl" and not [
            p for p in children(noun, "prep") if p.lower_ in ("of", "to", "against")]:
        # "Russia recognised ..., drawing condemnation from the West": the reaction is to whoever did
        # what the clause above tells, not to someone named inside it ("allowed Taiwan to open ...")
        done = noun.head.head
        if done.dep_ in ("ccomp", "xcomp") and _infinitive(done):
            done = done.head  # "allowed Taiwan to open an office, drawing ...": the one who allowed it
        tgts = subjects(done) or tgts
    return Candidate(entry.code, f"lexicon {entry.origin}: {entry.form} (nominal)", [noun] + ([obj] if obj is not None else []),
                     srcs, tgts, clause_of(noun), entry=entry, confidence=0.7)


CONSEQUENCE_VERBS = {"kill", "wound", "injure", "leave"}
# Acts that news names as the topic of a reaction ("protested over the drills", "condemned the test")
TOPIC_ROOTS = {"15"}


def drop_consequences(cands: list[Candidate]) -> list[Candidate]:
    """"A bomber blew himself up at a mosque, killing 15": the killing is the attack's toll, not a second
    event (the corpus codes such a participle in 36 of 640 records)."""
    violent = {t.i: c for c in cands if c.code[:2] in ("18", "19", "20") for t in c.action}
    if not violent:
        return cands
    kept = []
    for c in cands:
        word = c.action[0] if c.action else None
        attack = violent.get(word.head.i) if word is not None else None
        if (attack is not None and word.tag_ == "VBG" and word.dep_ in ("advcl", "conj")
                and lemma(word) in CONSEQUENCE_VERBS):
            attack.victims = [x for o in children(word, "dobj") for x in expand_conj(through_count(o))]
            continue
        kept.append(c)
    return kept


def conditional_threats(cands: list[Candidate]) -> list[Candidate]:
    """"Tehran would hit Israeli cities if Israel attacked", "Samoa will recall its envoy if Canberra deports
    the workers": a hostile act that "would" or "will" follow another's act
    is a threat, coded from the act itself (the coder turns it into 13x). The "warned" it is reported with
    says the same threat less precisely: it is coded only where the act's own event was not."""
    threats = []
    for c in cands:
        word = c.action[0] if c.action else None
        if (word is not None and c.code[:2] in cameo.HOSTILE_ROOTS and c.code[:2] != "13"
                and any(a.dep_ == "aux" and a.lower_ in ("would", "'d", "will", "'ll") for a in word.children)
                and condition_subjects(word)):
            c.threat_if = True
            threats.append(c)
    for threat in threats:
        word = threat.action[0]
        if word.dep_ == "ccomp" and lemma(word.head) in THREAT_VERBS:
            for c in cands:
                if c.action and c.action[0].i == word.head.i:
                    c.outdone_by.append(threat)
    return cands


def drop_covered(cands: list[Candidate]) -> list[Candidate]:
    """A construction that reads words better than the lexicon did takes them alone (Candidate.covers)."""
    taken = {i for c in cands for i in c.covers}
    if not taken:
        return cands
    return [c for c in cands if c.covers or not c.action or c.action[0].i not in taken]


def said_by_their_objects(cands: list[Candidate], proposed: list[Candidate]) -> list[Candidate]:
    """The proposed candidates less those at a verb whose object is a nominal event of the same root
    among `cands`: "drew sharp criticism from the UN" says the criticism, not a second act at "drew"."""
    said = {(c.action[0].head.i, c.code[:2]) for c in cands if c.code and c.action
            and c.action[0].pos_ == "NOUN" and c.action[0].dep_ == "dobj"}
    return [c for c in proposed if not (c.action and (c.action[0].i, c.code[:2]) in said)]


PACT_NOUNS = {"deal", "pact", "agreement", "accord", "treaty", "memorandum", "arrangement"}


def drop_purposes(cands: list[Candidate]) -> list[Candidate]:
    """"met in Vienna to discuss the treaty": the purpose restates the meeting (the corpus codes the
    discussion in none of the 32 such records), and "protested over military drills": the act the event
    is about, named as a noun, is its topic, not a second event."""
    acts = {t.i: c for c in cands for t in c.action}
    kept = []
    for c in cands:
        word = c.action[0] if c.action else None
        if word is not None and word.head.i != word.i:
            head = acts.get(word.head.i)
            purpose = (head is not None and head is not c and word.dep_ in ("advcl", "xcomp")
                       and _infinitive(word)
                       and head.code[:2] == c.code[:2])
            # "hosted the president of Djibouti for talks": the talks are what the visit is for (a guest who
            # "travelled to Kabul for talks with the Taliban" holds them with someone: those are coded)
            host = acts.get(word.head.head.i) if word.dep_ == "pobj" and word.head.lower_ == "for" else None
            if (not purpose and host is not None and host is not c and word.pos_ == "NOUN"
                    and host.code == "043"):
                purpose, head = True, host
            above = word.head.head if word.dep_ == "pobj" else word.head
            owner = acts.get(above.i) if word.dep_ in ("pobj", "dobj") else None
            topic = (owner is not None and owner is not c and word.pos_ == "NOUN" and c.code[:2] in TOPIC_ROOTS
                     and owner.code[:2] != c.code[:2])
            # "marched on the palace demanding an end to military rule", "staged a rally calling on Myanmar to
            # ...": what protesters demand or call for is what their protest is about (the corpus codes a
            # demand apart in 97 of 414 such records, a call in 8 of 25)
            demand = (head is not None and head is not c and c.code[:2] in ("02", "10") and head.code[:2] == "14"
                      and lemma(word) in ("demand", "call", "urge") and word.dep_ in ("advcl", "xcomp", "acl"))
            # "signed a pact to share satellite data": what the pact provides is its content (the corpus codes
            # it in 3 of 35 "signed a deal to ..." records)
            # (the parser hangs "to share" on the pact, or on "signed" when words stand between)
            pacts = [word.head] if word.dep_ in ("acl", "relcl") else (
                children(word.head, "dobj") if word.dep_ == "advcl" and head is not None and head is not c else [])
            terms = _infinitive(word) and any(
                lemma(p) in PACT_NOUNS and (p.i in acts or acts.get(p.head.i) not in (None, c)) for p in pacts)
            if demand or terms:
                continue
            if purpose and c.targets:
                # "rallied outside the US embassy to protest against NATO": the purpose names the target
                head.targets = c.targets
            if purpose or topic:
                continue
        kept.append(c)
    return kept


# What a rejection, a criticism or a denial is aimed at, when it is someone's proposal or decision: "rejected
# China's offer to mediate", "criticised Slovakia's decision to halt arms exports". The corpus codes the
# rejection alone in all 84 records that say "rejected/criticised/denied X's offer (decision, plan ...)":
# what was offered, decided or planned is no event of its own.
PROPOSAL_NOUNS = {"offer", "proposal", "plan", "request", "call", "bid", "decision", "demand", "appeal",
                  "invitation", "idea", "suggestion", "initiative", "claim", "accusation", "allegation"}


def _judges(c: Candidate) -> bool:
    return bool(c.code) and (c.code[:2] in ("11", "12") or c.code.startswith("016"))


def drop_judged(cands: list[Candidate]) -> list[Candidate]:
    """"The Philippines rejected China's offer to mediate between Manila and Hanoi": the offer and the
    mediation it offers are what is rejected, not events of their own."""
    judged: set[int] = set()
    for c in cands:
        if c.action and _judges(c):
            for obj in children(c.action[0], "dobj", "nsubjpass"):
                if lemma(obj) in PROPOSAL_NOUNS:
                    judged |= {t.i for t in obj.subtree}
                    judged |= {t.i for v in hung_infinitives(c.action[0]) for t in v.subtree}
    if not judged:
        return cands
    return [c for c in cands if _judges(c) or not c.action or c.action[0].i not in judged]


DENIAL_VERBS = {"deny"}
# Denied cooperation is no event: "denied holding talks with the rebels" (a denial of wrongdoing,
# "denied any role in the attack", is CAMEO's 016 and stays)
COOPERATION_NOUNS = {"talk", "talks", "meeting", "negotiation", "contact", "deal", "agreement", "visit", "call",
                     "conversation", "dialogue", "discussion"}


def drop_denied(cands: list[Candidate]) -> list[Candidate]:
    """What a denial denies was not done: its acts are dropped, and the denial too when what it denies
    is cooperation, not a wrong ("denied that it had held secret talks with the rebels")."""
    denials = [c for c in cands if c.action and lemma(c.action[0]) in DENIAL_VERBS]
    if not denials:
        return cands
    drop: set[int] = set()
    for d in denials:
        verb = d.action[0]
        inside = {t.i for c in children(verb, "ccomp", "xcomp", "dobj") if c.pos_ in ("VERB", "AUX")
                  or c.tag_ == "VBG" or lemma(c) in COOPERATION_NOUNS for t in c.subtree}
        if not inside:
            continue
        denied = [c for c in cands if c is not d and c.action and c.action[0].i in inside]
        drop |= {id(c) for c in denied}
        cooperative = any(c.code[:2] in ("04", "05", "06") for c in denied if c.code) or any(
            lemma(verb.doc[i]) in COOPERATION_NOUNS for i in inside)
        if cooperative:
            drop.add(id(d))
    return [c for c in cands if id(c) not in drop]


def _is_verdict(tok) -> bool:
    """A word that condemns: "a provocation", "a brazen violation", "unacceptable", "an unsafe act"."""
    if tok.pos_ == "ADJ":
        return lemma(tok) in VERDICT_ADJS or tok.lower_ in VERDICT_ADJS
    if tok.pos_ != "NOUN" or lemma(tok) not in VERDICT_NOUNS:
        return False
    if lemma(tok) == "act":  # "an unsafe act", "an act of aggression"; not "the act" alone
        return any(_is_verdict(c) for c in tok.children if c.dep_ == "amod") or any(
            lemma(p) in VERDICT_NOUNS | {"terrorism", "war"}
            for c in children(tok, "prep") for p in children(c, "pobj"))
    return True


def _verdict(verb):
    """"Bogota called the deployment a provocation" / "said the move was unacceptable": the act judged,
    the verdict words and the judges (empty: the reporter of the clause judges)."""
    lem = lemma(verb)
    # Only naming verbs: the judging ones ("condemned the move as illegal") are in the lexicon.
    if lem in ("call", "brand", "describe", "label", "term") and verb.pos_ == "VERB":
        # "called the protest illegal": the parser may hang the act on the verdict as a compound
        hung = [c for w in children(verb, "oprd") for c in children(w, "compound")]
        # "a claim Paris called false": the relative clause's head is what is called
        named = [verb.head] if described_by(verb) is not None else []
        judged = [o for o in (*children(verb, "dobj"), *hung, *named) if lemma(o) in VERDICT_SUBJECTS]
        as_what = [p for prep in children(verb, "prep") if prep.lower_ == "as" for p in children(prep, "pobj")]
        words = [w for w in (*children(verb, "oprd", "xcomp", "ccomp"), *as_what) if _is_verdict(w)]
        if judged and words:
            srcs = subjects(verb)
            if (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ in ("ccomp", "parataxis")
                    and not children(verb, "nsubj")):
                # "X said a jet had released flares ..., calling it unsafe": the parser often hangs the
                # participle on the reported clause; the one who calls is who speaks, the main subject
                top = verb
                while top.head.i != top.i:
                    top = top.head
                srcs = subjects(top)
            return judged[0], words[:1], srcs
        return None
    if lem == "be" and verb.dep_ in ("ccomp", "parataxis") and is_verb_in(verb.head, REPORTING_VERBS):
        judged = [s for s in children(verb, "nsubj")
                  if lemma(s) in VERDICT_SUBJECTS or s.lower_ in VERDICT_SUBJECTS]
        words = [w for w in children(verb, "attr", "acomp") if _is_verdict(w)]
        if judged and words and not any(c.dep_ == "neg" for c in verb.children):
            return judged[0], words[:1], []
    return None


# A claim of an attack is an admission of it (CAMEO 015), and the attack is the claimant's own act: the
# attack is coded from the claimant too. The noun says the kind of attack; its modifiers refine it.
ATTACK_NOUNS = {"attack": "180", "assault": "180", "killing": "180", "massacre": "180", "shooting": "180",
                "bombing": "183", "bomb": "183", "blast": "183", "explosion": "183", "ambush": "190",
                "raid": "190", "kidnapping": "181", "abduction": "181", "assassination": "186"}
ATTACK_KINDS = {"suicide": "1831", "car": "1832", "truck": "1832", "vehicle": "1832", "roadside": "1833",
                "drone": "195", "rocket": "195", "missile": "195", "bomb": "183", "grenade": "183"}
CLAIM_OBJECTS = {"responsibility", "credit"}


def _claimed_attack(verb):
    """"G claimed responsibility for the car bombing that wounded 12": the attack noun and its code."""
    if lemma(verb) != "claim" or verb.pos_ != "VERB":
        return None
    nouns = []
    for obj in children(verb, "dobj"):
        if lemma(obj) in CLAIM_OBJECTS:
            nouns += [p for prep in (*children(obj, "prep"), *children(verb, "prep")) if prep.lower_ == "for"
                      for p in children(prep, "pobj")]
        else:
            nouns.append(obj)
    for noun in nouns:
        code = ATTACK_NOUNS.get(lemma(noun))
        if code is None:
            continue
        for mod in children(noun, "compound", "amod"):
            code = ATTACK_KINDS.get(lemma(mod), code)
        return noun, code
    return None


# "demanded that Bolivia release the two officers detained near the border": whoever is asked to free
# people holds them, and holding them was an act of its own (173), named only by the participle.
DETENTION_VERBS = {"arrest", "detain", "jail", "imprison", "hold", "capture", "seize", "abduct", "kidnap"}
RELEASE_VERBS = {"release", "free", "return", "repatriate", "pardon"}


def _held_by_releaser(tok):
    """For a participle of detention with no agent ("a worker arrested in Havana"), or a relative clause whose
    subject is a pronoun, under the object of a release that someone is asked for or promises: the detained
    and who holds them."""
    if lemma(tok) not in DETENTION_VERBS or tok.pos_ != "VERB" or children(tok, "agent"):
        return None
    # "the officers detained near the border"; "the lawmakers it detained" (a pronoun for the holder)
    pronoun = [c for c in children(tok, "nsubj") if c.lower_ in ("it", "they")]
    if not (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and not children(tok, "nsubj")
            or tok.dep_ == "relcl" and pronoun):
        return None
    held, release = tok.head, tok.head.head
    if held.dep_ != "dobj" or lemma(release) not in RELEASE_VERBS or release.pos_ != "VERB":
        return None
    asked = clause_of(release)
    if asked.in_condition or asked.negated:
        return None  # "... if Venezuela did not release the officer held": a threat's condition, not news
    own = [c for c in release.children if c.dep_ == "nsubj"]
    if own:
        return expand_conj(through_count(held)), expand_conj(own[0])
    asker = release.head
    if release.dep_ == "xcomp" and lemma(asker) in APPEAL_VERBS | DEMAND_VERBS:
        # "urged Cuba to free", "appealed to Cuba to free": the one asked
        asked = children(asker, "dobj") or [p for prep in children(asker, "prep") if prep.lower_ == "to"
                                            for p in children(prep, "pobj")]
        if asked:
            return expand_conj(through_count(held)), expand_conj(asked[0])
    return None


# "said he was optimistic that Israel and Hamas would reach a deal": an outlook on what others may do is a
# comment on them (CAMEO 013 optimistic, 012 pessimistic); what it hopes for is not an act of theirs.
OUTLOOK_ADJS = {"optimistic": "013", "hopeful": "013", "confident": "013", "upbeat": "013",
                "pessimistic": "012", "sceptical": "012", "skeptical": "012", "doubtful": "012", "gloomy": "012"}


def _outlook(tok):
    """The code, the words hoped or feared for, and the parties they name, of "was optimistic that ..."."""
    code = OUTLOOK_ADJS.get(tok.lower_)
    if code is None or tok.pos_ != "ADJ" or tok.dep_ != "acomp" or lemma(tok.head) != "be":
        return None
    about = children(tok, "ccomp") + [p for prep in children(tok, "prep") if prep.lower_ in ("about", "on", "over")
                                      for p in children(prep, "pobj")]
    if not about:
        return None
    parties = []
    for clause in about:
        for t in clause.subtree:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head == clause and t.pos_ == "PROPN":
                parties += expand_conj(t)
            elif t.dep_ == "pobj" and t.head.lower_ in ("with", "between") and t.pos_ == "PROPN":
                parties += expand_conj(t)
    return code, about, parties


def _misparsed_shot_dead(tok):
    """"Gunmen on a motorcycle shot dead a judge": the small model reads "shot" as a noun inside the subject
    and "dead" as the sentence's verb; the subject, the victim and the act are all still there."""
    if tok.lower_ != "dead" or tok.pos_ != "ADJ" or tok.i == 0:
        return None
    shot = tok.doc[tok.i - 1]
    victims = children(tok, "dobj")
    subj = [s for s in children(tok, "nsubj") if shot in s.subtree]
    if shot.lower_ != "shot" or shot.pos_ != "NOUN" or not victims or not subj:
        return None
    return shot, subj, victims


def construction_candidates(lex: Lexicon, sent, words: tuple[list, list] | None = None) -> list[Candidate]:
    """Patterns of news prose that carry an event without an event word of their own."""
    verbs, _ = words or word_classes(sent)
    out: list[Candidate] = []
    for tok in sent:
        outlook = _outlook(tok) if tok.lower_ in OUTLOOK_ADJS else None
        if outlook is not None:
            code, about, parties = outlook
            out.append(Candidate(code, f"construction: an outlook ('{tok.text}')", [tok], subjects(tok.head), parties,
                                 clause_of(tok.head), confidence=0.6,
                                 covers=frozenset(t.i for c in about for t in c.subtree)))
        held = _held_by_releaser(tok)
        if held is not None:
            victims, holders = held
            # the holding is told as a fact, not as part of what is asked for: the clause is its own
            out.append(Candidate("173", f"construction: held by whoever is asked to free them ('{tok.text}')", [tok],
                                 holders, victims, Clause(), confidence=0.6, covers=frozenset({tok.i})))
        shot_dead = _misparsed_shot_dead(tok)
        if shot_dead is not None:
            shot, subj, victims = shot_dead
            out.append(Candidate("180", "construction: shot dead (a verb the parser read as a noun)", [shot, tok],
                                 subj, victims, clause_of(tok), confidence=0.7))
    for tok in verbs:
        lem = lemma(tok)
        unwelcome = persona_non_grata(tok) if lem == "declare" else None
        if unwelcome:
            # "Moldova declared a Russian diplomat persona non grata": an expulsion (174, as the blind set's
            # brief codes expelled diplomats), however the parser splits the Latin
            out.append(Candidate("174", "construction: declared persona non grata", [tok], subjects(tok), unwelcome,
                                 clause_of(tok), confidence=0.8))
        # "their sovereignty is not up for discussion", "the issue is non-negotiable"
        if lem == "be" and any(c.dep_ == "neg" for c in tok.children):
            ups = [p for c in tok.children if c.dep_ in ("advmod", "prep", "prt") and c.lower_ == "up"
                   for p in c.subtree if p.dep_ == "pobj" and lemma(p) in NOT_NEGOTIABLE_NOUNS]
            negot = [c for c in tok.children if c.dep_ == "acomp" and lemma(c) == "negotiable"]
            if ups or negot:
                words = [tok] + [c for c in tok.children if c.dep_ == "neg"] + (ups or negot)
                cand = Candidate("125", "construction: not up for discussion", words, [], [],
                                 clause_of(tok), confidence=0.7, source_is_reporter=True)
                cand.clause.negated = False
                out.append(cand)
        # "Britain said the measures would remain in place until Tehran complied", "the funds would stay
        # frozen": what another side wants lifted, announced to stay, is a refusal to yield
        if lem in ("remain", "stay") and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll")
                                             for c in tok.children):
            held = [c for c in subjects(tok) if lemma(c) in STANDING_MEASURES]
            kept = any(c.dep_ == "acomp" and c.lower_ in ("frozen", "closed", "shut", "suspended", "blocked")
                       for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ in ("in", "until") for c in tok.children)
            if held and kept and not any(c.dep_ == "neg" for c in tok.children):
                hit = [p for c in held[0].children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                       for p in c.children if p.dep_ == "pobj"]
                cand = Candidate(STANDING_MEASURES[lemma(held[0])], "construction: measures announced to stay",
                                 [tok, held[0]], [], hit, clause_of(tok), confidence=0.6, source_is_reporter=True)
                out.append(cand)
        # "Tokyo has made X a condition for Y": a demand
        if lem == "make" and tok.pos_ == "VERB":
            cond = [d for d in tok.subtree if lemma(d) in CONDITION_NOUNS and d.dep_ in ("dobj", "oprd", "attr")]
            if cond:
                out.append(Candidate("100", "construction: make X a condition", [tok, cond[0]],
                                     subjects(tok), [], clause_of(tok), confidence=0.75))
        # "received a phone call (a visit) from the Egyptian president": the caller (visitor) acts, on
        # the one called (visited)
        if lem in ("receive", "get", "take") and tok.pos_ == "VERB":
            calls = [o for o in _object_tokens(tok) if lemma(o) in ("call", "visit")]
            callers = [p for o in calls[:1] for prep in (*children(o, "prep"), *children(tok, "prep"))
                       if prep.lower_ == "from" for p in children(prep, "pobj")]
            if callers:
                # "received condolence calls from": the condolences are the act
                if lemma(calls[0]) == "visit":  # the visit is the visitor's; the one visited hosts
                    out.append(Candidate("042", f"construction: a visit received ('{tok.text}')", [calls[0]],
                                         expand_conj(callers[0]), subjects(tok), clause_of(tok), confidence=0.8))
                    out.append(Candidate("043", f"construction: a visit received ('{tok.text}')", [tok],
                                         subjects(tok), expand_conj(callers[0]), clause_of(tok), confidence=0.8))
                else:
                    code = "018" if any(lemma(c) == "condolence" for c in calls[0].children) else "041"
                    out.append(Candidate(code, f"construction: a call received ('{tok.text}')",
                                         [tok, calls[0]], expand_conj(callers[0]), subjects(tok), clause_of(tok),
                                         confidence=0.8))
        claimed = _claimed_attack(tok)
        if claimed is not None and not any(lemma(d) == "no" for s in subjects(tok) for d in s.children):
            noun, code = claimed
            hit = [p for prep in children(noun, "prep") if prep.lower_ in ("on", "against")
                   for p in children(prep, "pobj")]
            victims = [x for rel in children(noun, "relcl") for o in children(rel, "dobj")
                       for x in expand_conj(through_count(o))]
            out.append(Candidate(code, f"construction: a claimed attack ('{tok.text} ... {noun.text}')", [noun],
                                 subjects(tok), hit, clause_of(tok), confidence=0.7, victims=victims))
        verdict = _verdict(tok)
        if verdict is not None:
            judged, words, srcs = verdict
            cl = clause_of(tok)
            if cl.governor_kind in ("appeal", "demand"):
                # "demanded that Washington remove it ..., calling the designation a fraud": the parser
                # hangs the participle on the demanded act, but a verdict is never what is demanded
                cl.governor = cl.governor_kind = None
            # "said Australia's climate targets were a slap in the face", "the police ban was
            # unconstitutional": the verdict is on whoever owns the act judged, where the words say
            owners = _noun_sources(judged) or [c for c in children(judged, "compound") if c.pos_ in ("NOUN", "PROPN")]
            out.append(Candidate("111", f"construction: a verdict on an act ('{judged.text} ... {words[-1].text}')",
                                 [tok, *words], srcs, owners, cl, confidence=0.6, source_is_reporter=not srcs,
                                 attrs={"verdict": True}))
            # ... and the act judged, where its doer is named, is an event of its own
            done = noun_candidate(lex, judged, judged=True)
            if done is not None:
                out.append(done)
        # "X voiced a similar stance": the previous event again, with X as its source
        if lem in ECHO_VERBS and tok.pos_ == "VERB":
            objs = _object_tokens(tok)
            for o in objs:
                if lemma(o) in ECHO_NOUNS and any(lemma(c) in ("similar", "same", "identical") for c in o.children):
                    srcs = subjects(tok) or [x for prep in children(tok, "agent") for x in children(prep, "pobj")]
                    out.append(Candidate("", "construction: echoes the previous event", [tok, o], srcs, [],
                                         clause_of(tok), confidence=0.6, echo=True))
                    break
        # "Among those targeted were A, B and C"
        if lem == "be" and any(c.dep_ == "prep" and c.lower_ == "among" for c in tok.children):
            among = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among")
            verbs = [d for d in among.subtree if d.pos_ == "VERB" and lemma(d) in EXTENDING_VERBS]
            listed = [x for c in tok.children if c.dep_ in ("attr", "nsubj") for x in expand_conj(c)]
            if verbs and listed:
                v = verbs[0]
                m = match_verb(lex, v)
                code = "" if (lemma(v) in GENERIC_VERBS or m is None) else m[0].code
                out.append(Candidate(code, f"construction: among those {v.text}", [v], [], listed,
                                     Clause(), confidence=0.65, extend=True))
        # "Russia said that Sudan must return the helicopter": Russia demands it of Sudan
        reporter = reported_obligation(tok) if tok.pos_ in ("VERB", "AUX") else None
        if reporter is not None:
            speaker = reporter_subject(reporter)
            m = match_verb(lex, tok)
            code = cameo.transform("demand", m[0].code) if m else "100"
            told = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            cl = Clause(reporter=reporter)
            out.append(Candidate(code, f"construction: reported obligation ('{tok.text}' with must/should)",
                                 [tok] + [c for c in tok.children if c.dep_ == "aux"],
                                 [speaker] if speaker is not None else [], expand_conj(told[0]), cl,
                                 entry=m[0] if m else None, confidence=0.7))
        # "X will consider ... only after Tokyo takes steps": a conditional demand on Tokyo
        if tok.pos_ == "VERB" and tok.dep_ != "advcl":
            for adv in condition_clauses(tok):
                tgts = [c for c in adv.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not tgts:
                    continue
                gov = tok
                srcs = subjects(gov)
                while not srcs and gov.head != gov:
                    gov = gov.head
                    srcs = subjects(gov)
                cl = clause_of(tok)
                cl.modality = "conditional"
                cl.negated = False
                cl.in_condition = False  # the commitment is stated; only its fulfilment is conditional
                mark = [m for m in adv.children if m.dep_ in ("mark", "advmod")]
                if any(m.lower_ == "unless" for m in mark):
                    # "will boycott the elections unless the president steps down": an ultimatum
                    code, rule = "139", "construction: conditional threat (unless)"
                else:
                    code, rule = "100", "construction: conditional commitment (only after, only if)"
                out.append(Candidate(code, rule, mark + [adv], srcs, expand_conj(tgts[0]), cl, confidence=0.6))
    return out
