"""What a rejection turns down. CAMEO's rejections are as specific as what they refuse: turning down a request
to release prisoners is 1243, an offer of mediation 126. The coder codes a rejection 120 where the verb says
no more; these helpers find the act asked for, in the sentence or in the appeal told just before."""
from __future__ import annotations

from . import codes as cameo
from .grammar import children, described_by, lemma
from .lexicon import Lexicon
from .rules import PROPOSAL_NOUNS, hung_infinitives, match_verb


def rejected_act(lex: Lexicon, anchor, previous, si: int, sources) -> str | None:
    """The act a rejected appeal, demand or offer asked for: "rejected Spain's request to release the
    trawler" (the act under the noun), "Belarus rejected the appeal" (the appeal of the last two
    sentences made to the rejecter). `previous` are the article's events so far, `sources` the rejecters."""
    for noun in anchor.children:
        if noun.dep_ not in ("dobj", "nsubjpass") or lemma(noun) not in PROPOSAL_NOUNS:
            continue
        # "a request to release the trawler", or the "to" clause the parser hung on the verb
        asked = [v for v in (*children(noun, "acl"), *hung_infinitives(anchor)) if v.pos_ == "VERB"]
        for verb in asked:
            found = match_verb(lex, verb)
            if found is not None:
                return found[0].code
        mine = {s.country for s in sources if s.country}
        for e in reversed(previous):
            if e.sentence_index < si - 2:
                break
            act = cameo.proposed_act(e.code)
            if act is not None and e.target is not None and e.target.country in mine:
                return act
    return None


# Turning down an accusation is a denial (CAMEO 016): "a charge Moscow dismissed", "called the claim a lie"
CHARGE_NOUNS = {"accusation", "charge", "claim", "allegation"}
NAMING_VERBS = {"call", "describe", "brand", "label", "term", "dismiss"}


def turns_down_a_charge(anchor, cand) -> bool:
    """Whether what the act rejects or judges is an accusation: its object, the noun it describes
    ("a charge Kyiv denied") or, for a verdict, the act judged."""
    things = [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")]
    described = described_by(anchor)
    if described is not None:
        things.append(described)
    if cand.attrs.get("verdict"):
        things += cand.action[1:]
    return any(lemma(t) in CHARGE_NOUNS for t in things)
