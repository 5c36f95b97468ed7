"""What a sentence tells around its main act: the phrases that set its scene ("during a visit by the Italian
prime minister", "after talks in Rabat"), whose text an act is aimed at ("a resolution drafted by France"), and
who made what is accepted or rejected ("Swiss mediation"). Each is a small reading of the parse that the rules
(rules.py) and the coder share."""
from __future__ import annotations

from .grammar import children, expand_conj, lemma

BACKGROUND_PREPS = {"after", "during", "following", "amid", "since"}
REPLY_NOUNS = {"response", "retaliation", "reply", "reaction"}


def sets_the_scene(prep) -> bool:
    """"after talks in Rabat", "in response to Washington's sanctions": a phrase that sets the scene."""
    if prep.lower_ in BACKGROUND_PREPS:
        return True
    return prep.lower_ == "in" and any(lemma(p) in REPLY_NOUNS for p in children(prep, "pobj"))


MEETING_NOUNS = {"talk", "meeting", "summit", "negotiation", "consultation"}


def listed_parties(noun) -> tuple[list, object]:
    """"Spain and Morocco said they shared the same view after talks in Rabat": talks that set the scene
    for what a list of actors says or does are among that list."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in BACKGROUND_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return [], None
    verb = prep.head
    for _ in range(6):  # "said they shared the view on managing ... after talks": the list that says it
        listed = [x for s in children(verb, "nsubj") for x in expand_conj(s)]
        if len(listed) >= 2:
            return listed, verb
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return [], None


# "vetoed a resolution drafted by the United States", "rejected a plan put forward by IGAD": what is
# acted on is its authors' text, so the act is aimed at them
AUTHOR_VERBS = {"draft", "sponsor", "propose", "table", "submit", "put", "introduce", "author", "present", "write"}


def authors_of(tok) -> list:
    """Who drafted, sponsored or proposed the text a noun names, where the words say."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    return [x for acl in children(tok, "acl") if lemma(acl) in AUTHOR_VERBS and acl.tag_ == "VBN"
            for agent in children(acl, "agent") for p in children(agent, "pobj") for x in expand_conj(p)]


# What one actor asks or offers another: who made it is its source ("appeals from Sweden", rules.CALL_NOUNS)
# and the one an answer to it is aimed at ("accepted Swiss mediation", OFFERED_NOUNS)
ASKED_NOUNS = {"appeal", "request", "call", "demand", "offer", "proposal", "invitation", "ultimatum"}
OFFERED_NOUNS = ASKED_NOUNS | {"mediation", "arbitration", "plan", "initiative", "aid", "help", "assistance", "loan"}


def persona_non_grata(verb) -> list:
    """The people a "declared ... persona non grata" names, or nothing."""
    words = list(verb.subtree)
    low = [t.lower_ for t in words]
    if "grata" not in low or "persona" not in low:
        return []
    cut = low.index("persona")
    people = [t for t in words[:cut] if t.i > verb.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
    people = people or [t for t in words[:cut] if t.i > verb.i and t.pos_ in ("NOUN", "PROPN")]
    return people[-1:]


CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis"}


def inside_phrase(inner, outer, sent, anchor) -> bool:
    """Whether one mention lies within the phrase of another ("a Sudanese army checkpoint in Khartoum"),
    where the act is told outside that phrase ("migrants deported by the United States" tells its own)."""
    if inner.start is None or outer.start is None or (inner.start, inner.end) == (outer.start, outer.end):
        return False
    words = [t for t in sent if outer.start <= t.idx < outer.end]
    heads = [t for t in words if not (outer.start <= t.head.idx < outer.end) or t.head.i == t.i]
    if len(heads) != 1 or heads[0].left_edge.i <= anchor.i <= heads[0].right_edge.i:
        return False
    tok = next((t for t in sent if t.idx == inner.start), None)
    # up from the mention to the phrase's head, through modifiers only: "the state, which Britain accused"
    # has Britain in a clause of its own
    while tok is not None and tok.i != heads[0].i:
        if tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok is not None
