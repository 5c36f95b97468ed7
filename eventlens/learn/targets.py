"""Who is the target: every plausible target of one event, named or implied, described by features for
the learned ranker (eventlens.learn.linear).

Candidates, for an event whose action, sources and code the rules have found:
- ``rule``: the targets the lexicon entry's slots found (what the rules alone would code);
- ``named``: every other actor the sentence names, wherever it stands in the parse;
- ``implied_*``: the targets the codebook lets a coder infer from the article: the other country the
  article is about (bare, and as the article last named a body of it: "the Kosovo government"),
  the source's own government (a protest, a strike), the source's own people (a
  crackdown), the last other actor the article named (whoever proposed what is rejected);
- ``none``: no target; the event is then not coded (CODEBOOK: events are dyadic).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ..coding.grammar import REPORTING_VERBS, forms, lemma as lemma_of
from ..models import ActorRef

MENTION_POS = {"PROPN", "NOUN", "PRON"}
# States that no longer exist cannot be the implied target of an act reported after their end (an
# article on Japan and Russia that recalls the Soviet Union): the day after which each is history.
DEFUNCT_STATES = {"USR": dt.date(1991, 12, 26), "YUG": dt.date(2003, 2, 4), "SCG": dt.date(2006, 6, 5),
                  "CSK": dt.date(1992, 12, 31), "DDR": dt.date(1990, 10, 3)}
OWN_WORDS = {"its", "their", "his", "her", "our"}
SKIP_DEPS = {"compound", "amod", "det", "nummod", "npadvmod", "quantmod"}


def _defunct(country: str | None, day: dt.date | None) -> bool:
    return day is not None and country in DEFUNCT_STATES and day > DEFUNCT_STATES[country]


@dataclass
class TargetCandidate:
    kind: str
    ref: ActorRef | None
    features: list[str] = field(default_factory=list)
    head: object = None  # the token naming it, for explicit candidates
    also: list[str] = field(default_factory=list)  # other kinds that reach the same actor


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def dep_path(anchor, tok, limit: int = 4) -> str:
    """The dependency path from a candidate's head up to the action word (or to where the two meet),
    as labels; prepositions carry their word ("pobj>prep:on>dobj")."""
    above = {a.i: depth for depth, a in enumerate([anchor, *anchor.ancestors])}
    steps, cur = [], tok
    while cur.i not in above and len(steps) < 8:
        label = cur.dep_
        if label == "prep":
            label = f"prep:{cur.lower_}"
        elif label == "agent":
            label = "agent:by"
        steps.append(label)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    down = above.get(cur.i)
    up = ">".join(steps[:limit]) + ("+" if len(steps) > limit else "")
    return f"{up or 'self'}^{down if down is not None else 'x'}"


def outside_features(anchor, head, root: str) -> list[str]:
    """How a candidate's words stand outside the act (targets-v13): the subject of a reporting verb above
    it ("..., police said": who tells of the act, seldom who does it or suffers it), or an argument of
    another verb, named by that verb ("protesters who blocked roads", "the minister visiting Kyiv")."""
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.i != anchor.i and forms(verb) & REPORTING_VERBS:
        above = any(a.i == verb.i for a in anchor.ancestors)
        return [f"reporter={above}", f"reporter={above}|root={root}"]
    if verb.i in (head.i, anchor.i):
        return []
    if verb.pos_ in ("VERB", "AUX"):
        return [f"hv={lemma_of(verb)}|dep={head.dep_}", f"hv={lemma_of(verb)}|root={root}"]
    if head.dep_ == "pobj" and verb.head.i != anchor.i:
        return [f"hp={verb.lower_}|hv={lemma_of(verb.head)}"]
    return []


def _clause_of(tok):
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _object_word(anchor) -> str:
    """The lemma of the thing acted with: the noun of a nominal act ("a curfew"), else the verb's
    object ("imposed a curfew", "expelled two diplomats"); "-" when there is none."""
    if anchor.pos_ == "NOUN":
        return anchor.lemma_.lower()
    for child in anchor.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child.lemma_.lower()
    return "-"


def _places(anchor) -> bool:
    """Whether the act's clause names a place ("deployed troops in Paris", "into the streets"): a deployment
    at home falls on the people there, and one nowhere in particular on no one (CODEBOOK: the adversary
    the article names, else the place's owner)."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lower_ in ("street", "streets", "city", "capital")
               for t in anchor.subtree if t.i != anchor.i)


# Roots whose implied target the corpus never (or once in 200) makes the source's own people: a
# condemnation, a protest lodged, a demand, a visit or a sanction is aimed at someone else. Statements
# and intents (01, 03) joined in session 14: the ranker's own people there were right 5 times in 18 on
# the held-out tenth, and never on the development sets. So did rejections (12): "The Taliban rejected
# the proposal" with no proposer anywhere is no event (the blind set's README), not one on Afghans.
NOT_ON_OWN_PEOPLE = {"01", "03", "04", "06", "07", "10", "11", "12", "14", "16"}
# Nor an expulsion (174): it sends foreigners away, never the state's own people (none of the corpus's 174s
# is), so "Britain expelled two diplomats", with no country named, is no event.
NOT_ON_OWN_PEOPLE_CODES = {"174"}
# Closing a border, an airspace or a port shuts foreigners out: with no country named, it is aimed at no one
# (CODEBOOK: closures of borders target the country they hit), unlike a curfew or a blocked road at home.
FRONTIER_WORDS = {"border", "airspace", "crossing", "frontier", "port", "seaport", "embassy"}
# Nor is breaking or violating a pact: a truce or a deal binds the other party to it (the corpus never aims
# such an act at the breaker's own people), so "Azerbaijani forces violated the truce" is aimed at whom
# the article names.
PACT_WORDS = {"truce", "ceasefire", "armistice", "agreement", "accord", "treaty", "deal"}
NOT_ON_OWN_PEOPLE_OBJECTS = FRONTIER_WORDS | PACT_WORDS
# Roots whose implied target the corpus almost never makes the source's own government when the state's
# armed arms act (the army, police, spies): a show of force, aid, a meeting, an assault or a fight is
# aimed at someone the article names (2 implied own governments in 3,193 such events). With the candidate
# there, the ranker aimed "the army deployed troops", with no place, at its own government at even odds.
# Rebels and opposition do fight their own government ("the Houthis suspended talks with the government"),
# so they keep it.
NOT_ON_OWN_GOV = {"04", "06", "07", "15", "16", "18", "19", "20"}
STATE_FORCE_SECTORS = {"MIL", "COP", "SPY"}


def candidates(*, anchor, sent, sources: list[ActorRef], rule_targets: list[ActorRef], code: str,
               actors, si: int, speaker: ActorRef | None, in_quote: bool, lemma: str) -> list[TargetCandidate]:
    """Every plausible target of an event, with its features, rule choices first."""
    source = sources[0]
    root = code[:2]
    src_sector = source.sector or "-"
    source_codes = {s.code for s in sources}
    out: list[TargetCandidate] = []
    seen: set[str] = set()

    def add(kind: str, ref: ActorRef | None, head=None) -> None:
        key = ref.code if ref is not None else "-"
        if ref is not None and (ref.code in source_codes or _defunct(ref.country, actors.day)):
            return
        if (ref is not None and ref.code == source.country and src_sector in ("GOV", "MIL")
                and root in NOT_ON_OWN_PEOPLE):
            return  # a government condemns, protests or demands to others, not to its own state (4 in the corpus)
        if (kind, key) in seen:
            return
        # The same actor may come by several roads ("Russian" named, and the article's counterpart):
        # each is a candidate of its own, and the chooser adds up the probability per actor.
        also = [c.kind for c in out if (c.ref.code if c.ref else "-") == key]
        seen.add((kind, key))
        out.append(TargetCandidate(kind=kind, ref=ref, head=head, also=also))

    doc = sent.doc
    # What the act is done with: a curfew or martial law falls on the source's own people, expelled
    # diplomats or deployed troops on someone the article must name (else there is no event)
    obj = _object_word(anchor)
    # The words of the source itself ("Ghana's" in "Ghana's foreign minister criticised ...") name who
    # acts, not on whom: the corpus almost never codes a body acting on its own bare country.
    source_spans = [(s.start, s.end) for s in sources if s.start is not None]
    for ref in rule_targets:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand") if ref.start is not None else None
        add("rule", ref, span.root if span is not None else None)
    for tok in sent:
        if tok.pos_ not in MENTION_POS or tok.dep_ in SKIP_DEPS or tok.i == anchor.i or any(
                start <= tok.idx < end for start, end in source_spans):
            continue
        if tok.dep_ == "poss" and tok.head.i != anchor.i:
            owned = actors.resolve(tok.head, speaker=speaker, in_quote=in_quote, remember=False)
            if owned is not None and owned.code in source_codes:
                continue  # the source named again ("... Ghana's foreign minister ..., but he criticised")
        ref = actors.resolve(tok, speaker=speaker, in_quote=in_quote, remember=False, owner="all")
        if ref is not None and not (ref.country in (None, source.country) and any(
                c.dep_ == "poss" and c.lower_ in OWN_WORDS for c in tok.children)):
            add("named", ref, tok)  # but not "its troops", "their ambassador": the source's own
    if source.country:
        gov = ActorRef(code=source.country + "GOV", name=f"government of {source.country}",
                       country=source.country, sector="GOV", text=None, start=None, end=None,
                       via="implied: the source's own government")
        # A part of a country acts on its own government ("protesters in Nairobi" on Kenya's); a country
        # named bare is its government at this level, and would act on itself ("Japan banned exports").
        if src_sector not in ("-", "GOV") and not (src_sector in STATE_FORCE_SECTORS and root in NOT_ON_OWN_GOV):
            add("implied_own_gov", gov)
        if (source.sector and root not in NOT_ON_OWN_PEOPLE and code[:3] not in NOT_ON_OWN_PEOPLE_CODES
                and obj not in NOT_ON_OWN_PEOPLE_OBJECTS and not (root == "15" and not _places(anchor))):
            # A state body acting at home acts on its people (a curfew, a ban, a crackdown): the corpus
            # codes such implied targets XXXCVL four times as often as the bare country.
            add("implied_own_people", ActorRef(code=source.country + "CVL", name=f"people of {source.country}",
                                                country=source.country, sector="CVL", text=None, start=None,
                                                end=None, via="implied: the source's own people"))
    other = actors.counterpart(source.country, si)
    day = actors.day
    living = [c for c in actors.countries if c != source.country and not _defunct(c, day)]
    # People protesting at home: CODEBOOK has them target their own government unless a demand names
    # another authority (the corpus: 456 implied own governments to 28 foreign ones), and a country
    # the article names elsewhere names no demand.
    home_protest = root == "14" and src_sector not in ("-", "GOV", "MIL")
    for rank, country in enumerate([] if home_protest else living):
        # Beyond the counterpart only the article's leading country: lower-ranked ones taught the
        # ranker to reach for whatever country a background sentence names.
        if rank >= 1 and country != other:
            continue
        kind = "implied_counterpart" if country == other else f"implied_country{rank}"
        add(kind, ActorRef(code=country, name=country, country=country, sector=None, text=None, start=None,
                           end=None, via=f"implied: a country this article is about (rank {rank + 1})"))
    named = actors.last_by_country.get(other) if other else None
    if named is not None and not home_protest:
        # "Kosovo's government banned ...; Belgrade called the decision a provocation": the answer is
        # to the body that acted, as the article named it.
        add("implied_counterpart_named", replace(named, text=None, start=None, end=None,
                                                 via=f"implied: {named.text or named.name}, named before"))
    last = actors.last_other(source_codes, before=sent.start_char)
    if last is not None:
        add("implied_last_actor", replace(last, text=None, start=None, end=None,
                                          via=f"implied: the actor named before ({last.text})"))
    add("none", None)

    anchor_clause = _clause_of(anchor)
    n_named = sum(1 for c in out if c.kind in ("rule", "named"))
    for c in out:
        f = [f"kind={c.kind}", f"kind={c.kind}|root={root}", f"kind={c.kind}|code={code[:3]}",
             f"kind={c.kind}|lemma={lemma}", f"kind={c.kind}|src={src_sector}", f"kind={c.kind}|n={_bucket(n_named)}",
             f"kind={c.kind}|quote={in_quote}",
             # Who acts decides which road fits: citizens protest to their own government, a state's
             # ban hits another country, so the kind is also weighed per root and source sector.
             f"kind={c.kind}|root={root}|src={src_sector}", f"kind={c.kind}|obj={obj}"]
        if c.ref is not None:
            sector = c.ref.sector or ("IGO" if c.ref.code.startswith("IGO") else "-")
            same = c.ref.country is not None and c.ref.country == source.country
            f += [f"sector={sector}", f"sector={sector}|root={root}", f"src={src_sector}|tgt={sector}",
                  f"src={src_sector}|tgt={sector}|root={root}", f"same_country={same}",
                  f"same_country={same}|root={root}", f"same_country={same}|kind={c.kind}",
                  f"same_country={same}|root={root}|src={src_sector}"]
            if c.ref.country in actors.countries:
                rank = actors.countries.index(c.ref.country)
                f += [f"rank={min(rank, 3)}", f"rank={min(rank, 3)}|kind={c.kind}"]
            if speaker is not None and c.ref.code == speaker.code:
                f.append("is_speaker")
        if c.head is not None:
            path = dep_path(anchor, c.head)
            first = path.split(">")[0].split("^")[0]
            side = "before" if c.head.i < anchor.i else "after"
            dist = _bucket(abs(c.head.i - anchor.i))
            f += [f"path={path}", f"path={path}|root={root}", f"path={path}|lemma={lemma}", f"first={first}",
                  f"first={first}|root={root}", f"side={side}", f"side={side}|dist={dist}",
                  f"same_clause={_clause_of(c.head).i == anchor_clause.i}",
                  f"dep={c.head.dep_}|side={side}", f"lemma={lemma}|first={first}",
                  *outside_features(anchor, c.head, root)]
        c.features = f
    return out
