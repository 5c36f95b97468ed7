"""Is there any political event in this sentence at all: the learned sentence gate.

The lexicon and the detector judge one word at a time, and a word that names an act in politics names
something else on the sports or business page ("took gold", "the zloty rallied", "fined for
overloading"). The gate reads the whole sentence instead: its content words, the kinds of names in it,
how many actors the dictionaries found and which roots the lexicon proposed. A binary linear model over
hashed features gives P(event | sentence); the coder drops a sentence's candidates when it is below the
gate's threshold, and `--explain` says so.

Trained from the corpus's sentences: a sentence is an event sentence when an annotated trigger lies in it.
"""
from __future__ import annotations

import numpy as np

from ..coding.grammar import lemma

CONTENT_POS = {"NOUN", "VERB", "ADJ"}


def sentence_features(sent, actor_tokens: set[int], rule_roots: dict[int, str],
                      actor_kinds: dict[int, str] | None = None) -> list[str]:
    """What the gate sees of a sentence: its content words' lemmas, the entity types of its names, the
    number of actor words and what kind of actor each is (a leader, a ministry, a country, a sector
    word), the roots the lexicon gave its words and how actors stand to each of those words (gate-v3),
    quotation and headline shape."""
    feats = {"bias"}
    # "Biden met Putin" and "the swimmer met her coach" differ in who meets: the dictionary knows.
    feats.update(f"actor={kind}" for kind in (actor_kinds or {}).values())
    for tok in sent:
        if tok.pos_ in CONTENT_POS and tok.is_alpha:
            feats.add(f"w={lemma(tok)}")
        if tok.ent_type_ and tok.ent_iob_ == "B":
            feats.add(f"ent={tok.ent_type_}")
    actors = len({i for i in range(sent.start, sent.end) if i in actor_tokens} | set(actor_kinds or ()))
    feats.add(f"actors={min(actors, 4)}")
    roots = sorted(set(rule_roots.values()))
    feats.update(f"rule={r}" for r in roots)
    feats.add(f"rules={min(len(rule_roots), 3)}")
    # A short plain sentence has few words to outweigh the gate's bias; what it does have is a rule word
    # with an actor as its subject or object ("Russia annexed Crimea"), which a crime or sports page
    # sentence with the same word rarely has. So each rule word says how actors stand to it.
    named = actor_tokens | set(actor_kinds or ())
    doc = sent.doc
    for i, root in rule_roots.items():
        links = actor_links(doc[i], named)
        joined = "+".join(sorted(links)) or "none"
        feats.add(f"rule={root}&actors={min(actors, 4)}")
        feats.update(f"rule={root}&{link}" for link in links)
        feats.add(f"rule={root}&link={joined}")
        feats.add(f"rw={lemma(doc[i])}&link={joined}")
    text = sent.text.strip()
    if any(q in text for q in '"“”'):
        feats.add("quote")
    if text and text[-1] not in '.!?"”’\'':
        feats.add("headline")
    return sorted(feats)


SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "attr", "obj"}
MODIFIER_DEPS = {"compound", "poss", "amod"}


def actor_links(tok, named: set[int]) -> set[str]:
    """How the actors stand to a rule word: as its subject, its object, the object of one of its
    prepositions, another dependent ("mod"), or the word it hangs on ("head"). An actor counts where it
    heads the dependent or modifies its head ("the Russian army")."""
    def names(t) -> bool:
        return t.i in named or any(m.i in named for m in t.children if m.dep_ in MODIFIER_DEPS)

    out = set()
    for child in tok.children:
        if names(child):
            out.add("subj" if child.dep_ in SUBJECT_DEPS else "obj" if child.dep_ in OBJECT_DEPS else "mod")
        if child.dep_ == "prep" and any(names(g) for g in child.children):
            out.add("pobj")
    if tok.head.i != tok.i and tok.head.i in named:
        out.add("head")
    return out


def sentence_labels(sentences: list[tuple[str, int, int, list[str]]], spans_by_id: dict[str, list]) -> list[int]:
    """1 for a sentence with an annotated trigger inside it, else 0."""
    return [int(any(s < end and start < e for (s, e), _ in spans_by_id.get(rid, ())))
            for rid, start, end, _ in sentences]


def hashed_rows(features: list[str], mask: int) -> np.ndarray:
    """The sentence's features hashed to rows of the gate's tables (the linear gate's and its network's)."""
    from .detect import _h

    return np.fromiter((_h(f, mask) for f in features), dtype=np.int64, count=len(features))


def gate_probability(weights: np.ndarray, features: list[str]) -> float:
    """P(event) from the linear gate, for the sentence's features as `sentence_features` gives them."""
    return linear_probability(weights, hashed_rows(features, weights.shape[0] - 1))


def linear_probability(weights: np.ndarray, hashed: np.ndarray) -> float:
    """P(event) from the linear gate, given the sentence's features as rows of `weights`."""
    z = weights[hashed].sum(axis=0)
    z = z - z.max()
    p = np.exp(z)
    return float(p[1] / p.sum())
