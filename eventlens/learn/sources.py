"""Who is the source, when the words the rules take for it name no actor ("the two men signed a deal",
"the generals agreed to share power"): every actor the sentence names, the speaker, and the actor the
article named last, described by features for the learned ranker (eventlens.learn.linear); "none" when
no candidate is right (the event is then not coded)."""
from __future__ import annotations

from dataclasses import replace

from ..coding.grammar import judges_of_an_unowned_offer
from ..models import ActorRef
from .targets import MENTION_POS, SKIP_DEPS, TargetCandidate, _bucket, _clause_of, dep_path, outside_features


def candidates(*, anchor, sent, code: str, actors, si: int, speaker: ActorRef | None, in_quote: bool,
               lemma: str) -> list[TargetCandidate]:
    root = code[:2]
    out: list[TargetCandidate] = []
    seen: set[str] = set()

    def add(kind: str, ref: ActorRef | None, head=None) -> None:
        key = ref.code if ref is not None else "-"
        if key in seen:
            return
        seen.add(key)
        out.append(TargetCandidate(kind=kind, ref=ref, head=head))

    judges = judges_of_an_unowned_offer(anchor)  # "Egypt welcomed the offer to mediate": not Egypt's
    for tok in sent:
        if tok.pos_ not in MENTION_POS or tok.dep_ in SKIP_DEPS or tok.i == anchor.i or tok.i in judges:
            continue
        ref = actors.resolve(tok, speaker=speaker, in_quote=in_quote, remember=False, owner="modifier")
        if ref is not None:
            add("named", ref, tok)
    if speaker is not None:
        add("speaker", speaker)
    last = actors.last_actor
    if last is not None:
        add("last_actor", replace(last, text=None, start=None, end=None,
                                  via=f"the actor named before ({last.text})"))
    add("none", None)
    anchor_clause = _clause_of(anchor)
    for c in out:
        f = [f"kind={c.kind}", f"kind={c.kind}|root={root}", f"kind={c.kind}|lemma={lemma}",
             f"kind={c.kind}|quote={in_quote}", f"kind={c.kind}|n={_bucket(len(out))}"]
        if c.ref is not None:
            sector = c.ref.sector or ("IGO" if c.ref.code.startswith("IGO") else "-")
            f += [f"sector={sector}", f"sector={sector}|root={root}"]
            if c.ref.country in actors.countries:
                f.append(f"rank={min(actors.countries.index(c.ref.country), 3)}|kind={c.kind}")
        if c.head is not None:
            path = dep_path(anchor, c.head)
            first = path.split(">")[0].split("^")[0]
            side = "before" if c.head.i < anchor.i else "after"
            f += [f"path={path}", f"path={path}|root={root}", f"first={first}", f"first={first}|lemma={lemma}",
                  f"side={side}", f"side={side}|dist={_bucket(abs(c.head.i - anchor.i))}",
                  f"same_clause={_clause_of(c.head).i == anchor_clause.i}", f"dep={c.head.dep_}|side={side}",
                  *outside_features(anchor, c.head, root)]
        c.features = f
    return out
