"""Is there an event at this word, and of which CAMEO root: the learned detector that finds the acts the
lexicon has no entry for ("lodged a strong protest", "cut ties", "switched recognition").

Every verb, and every noun a light verb governs, of a sentence that names an actor is a candidate
trigger. A multinomial linear model over hashed features of the word and its parse neighbourhood gives
P(root | word) over the 20 CAMEO roots and NONE; the code within the root is the one the corpus most
often gives that word (its lemma with its object, else its lemma) in that root, else the root's
"not specified" code. A proposal becomes a rules Candidate, so actors, negation, modality, the
target ranker and the Event record are the same as for lexicon events.
"""
from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..coding.codes import coded_both_ways
from ..coding.nonpolitical import SPORT_WORDS
from ..coding.grammar import clause_of, is_passive, lemma, passive_subjects, subjects
from ..coding.rules import LIGHT_VERBS, Candidate, _default_targets, _noun_sources, _prep_objects
from .linear import HashedLayer

ROOTS = [f"{i:02d}" for i in range(1, 21)]
# The code-in-context model's certainty needed to swap the code of a lexicon entry that named its objects
NAMED_OBJECT_SWAP = 0.8
CLASSES = ["NONE", *ROOTS]
MODEL_FILE = "detector.npz"


def _h(feature: str, mask: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & mask


# Prepositions that introduce a nominal event's target ("talks with Iran", "a visit to Tbilisi").
NOUN_TARGET_PREPS = {"with", "to", "against", "on", "between", "into", "toward", "towards", "from", "of"}


def _light(tok) -> bool:
    return tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in LIGHT_VERBS


def _nominal(tok) -> bool:
    """A noun that may name an act of its own: it has an actor-like owner or a target phrase."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS)
               or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")) for c in tok.children)


def trigger_tokens(sent) -> list:
    """The words that may carry an event: verbs, nouns a light verb governs ("held talks"), and nouns
    with an owner or a target phrase ("Russia's annexation of Crimea", "during a visit to Tbilisi")."""
    out = []
    for tok in sent:
        if tok.pos_ == "VERB":
            out.append(tok)
        elif tok.pos_ == "NOUN" and (_light(tok) or _nominal(tok)):
            out.append(tok)
    return out


CONTEXT_POS = ("NOUN", "VERB", "ADJ", "PROPN")


def _context_word(tok) -> str | None:
    if tok.pos_ not in CONTEXT_POS or tok.is_stop:
        return None
    return lemma(tok) if tok.pos_ != "PROPN" else (tok.ent_type_ or "PROPN")


def sentence_context(sent) -> Counter:
    """The sentence's content words, a name by its entity type: what page a word stands on ("struck" with
    "goal" and "striker", or with "drone" and "GPE"). Computed once a sentence; `token_features` takes it."""
    return Counter(w for w in map(_context_word, sent) if w is not None)


def token_features(tok, actor_tokens: set[int], rule_roots: dict[int, str] | None = None,
                   bag: Counter | None = None) -> list[str]:
    """What the detector sees of one word: itself, its neighbours, its subject and object (and the
    object's modifiers), particle, prepositions, complements, what governs it, negation and modality,
    whether actors stand around it, the root a lexicon entry or construction gives it (`rule_roots`),
    and the other content words of its sentence (`bag`, from `sentence_context`)."""
    lem = lemma(tok)
    rule = (rule_roots or {}).get(tok.i)
    doc = tok.doc
    prev = lemma(doc[tok.i - 1]) if tok.i > tok.sent.start else "<s>"
    nxt = lemma(doc[tok.i + 1]) if tok.i + 1 < tok.sent.end else "</s>"
    context = [f"rule={rule}", f"rule={rule}|l={lem}", f"prev={prev}", f"next={nxt}", f"prev={prev}|l={lem}",
               f"pos={tok.pos_}|d={tok.dep_}"]
    for c in tok.children:
        if c.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass"):
            context.append(f"{c.dep_}_ent={c.ent_type_ or '-'}")
            context += [f"l={lem}|omod={lemma(g)}" for g in c.children
                        if g.dep_ in ("amod", "compound") and g.pos_ in ("NOUN", "ADJ")]
    if tok.head.head.i != tok.head.i:
        context.append(f"hh={lemma(tok.head.head)}|h={lemma(tok.head)}")
    f = [f"l={lem}", f"w={tok.lower_}", f"t={tok.tag_}", f"d={tok.dep_}", f"l={lem}|d={tok.dep_}"]
    kids = list(tok.children)
    objs = [c for c in kids if c.dep_ in ("dobj", "attr", "oprd")]
    for c in objs[:2]:
        f += [f"o={lemma(c)}", f"l={lem}|o={lemma(c)}"]
    for c in kids:
        if c.dep_ == "prt":
            f += [f"l={lem}|prt={c.lower_}"]
        elif c.dep_ in ("prep", "agent", "dative"):
            f += [f"l={lem}|p={c.lower_}"]
            for p in c.children:
                if p.dep_ == "pobj":
                    f += [f"l={lem}|p={c.lower_}|{lemma(p)}"]
        elif c.dep_ in ("xcomp", "ccomp"):
            f += [f"l={lem}|comp={lemma(c)}", f"comp={lemma(c)}"]
        elif c.dep_ == "neg":
            f.append("neg")
        elif c.dep_ == "aux" and c.tag_ == "MD":
            f.append(f"md={c.lower_}")
    head = tok.head
    if head.i != tok.i:
        f += [f"h={lemma(head)}|d={tok.dep_}", f"l={lem}|h={lemma(head)}"]
    if is_passive(tok):
        f.append(f"l={lem}|passive")
    subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    subj_actor = any(t.i in actor_tokens for s in subj for t in s.subtree)
    obj_actor = any(t.i in actor_tokens for c in kids if c.dep_ in ("dobj", "prep", "dative", "agent")
                    for t in c.subtree)
    f += [f"sa={subj_actor}", f"oa={obj_actor}", f"l={lem}|sa={subj_actor}|oa={obj_actor}"]
    # Session 17 (detect-v5): who acts ("protesters" or "police" with "clashed") and what kind of name the
    # object is, and the sentence's other words. On the corpus's held-out tenth, word-level F1 (root right)
    # went 73.4 -> 75.4 (the network gains most: it reads the page from combinations of them).
    for c in subj:
        f += [f"s={lemma(c)}", f"l={lem}|s={lemma(c)}"]
    f += [f"l={lem}|oent={c.ent_type_ or '-'}" for c in objs]
    bag = bag if bag is not None else sentence_context(tok.sent)
    own = _context_word(tok)
    f += [f"ctx={w}" for w in sorted(bag) if w != own or bag[w] > 1]
    return f + context


@dataclass
class Detector:
    """The trained weights ([2**bits, 21]), the lemma-to-code tables and the firing threshold."""

    weights: np.ndarray
    bits: int
    codes_by_object: dict[str, str]
    codes_by_lemma: dict[str, str]
    threshold: float
    meta: dict
    # The code within each root, in context: root -> (its codes, weights [2**code_bits, len(codes)]).
    code_models: dict[str, tuple[list[str], np.ndarray]] = field(default_factory=dict)
    # The sentence gate (eventlens.learn.gate): weights [2**gate_bits, 2], or None.
    gate: np.ndarray | None = None
    # The second opinion on the root (DeepScorer), averaged with the linear model's, or None.
    deep: "DeepScorer | None" = None
    # The gate's own second opinion, a DeepScorer into (no event, event), averaged with it; or None.
    gate_deep: "DeepScorer | None" = None

    @property
    def gate_threshold(self) -> float:
        return float(self.meta.get("gate_threshold", 0.0))

    def sentence_gate(self, sent, actor_tokens: set[int], rule_roots: dict[int, str],
                      actor_kinds: dict[int, str] | None = None) -> float | None:
        """P(this sentence reports an event), or None without a gate."""
        if self.gate is None:
            return None
        from .gate import hashed_rows, linear_probability, sentence_features

        hashed = hashed_rows(sentence_features(sent, actor_tokens, rule_roots, actor_kinds), self.gate.shape[0] - 1)
        p = linear_probability(self.gate, hashed)
        if self.gate_deep is not None:
            p = (p + float(self.gate_deep.probabilities([hashed])[0, 1])) / 2
        return p

    @property
    def name(self) -> str:
        return f"detector@{self.meta.get('version', '?')}"

    def probabilities(self, features: list[list[str]]) -> np.ndarray:
        mask = (1 << self.bits) - 1
        rows = [np.fromiter((_h(f, mask) for f in feats), dtype=np.int64, count=len(feats)) for feats in features]
        z = np.stack([self.weights[r].sum(axis=0) for r in rows]) if rows else np.zeros((0, len(CLASSES)))
        z = np.exp(z - z.max(axis=1, keepdims=True))
        p = z / z.sum(axis=1, keepdims=True)
        if self.deep is not None and rows:
            p = (p + self.deep.probabilities(rows)) / 2
        return p

    def code_in_context(self, features: list[str], root: str) -> tuple[str, float] | None:
        """The likeliest code within `root` for a word with these features, and its probability; None
        where the corpus has no code model for the root."""
        model = self.code_models.get(root)
        if model is None:
            return None
        codes, weights = model
        mask = weights.shape[0] - 1
        z = weights[np.fromiter((_h(f, mask) for f in features), dtype=np.int64, count=len(features))].sum(axis=0)
        p = np.exp(z - z.max())
        p /= p.sum()
        k = int(p.argmax())
        return codes[k], float(p[k])

    def code_for(self, tok, root: str, features: list[str] | None = None) -> str:
        if features is not None and root in self.code_models:
            return self.code_in_context(features, root)[0]
        lem = lemma(tok)
        for c in tok.children:
            if c.dep_ in ("dobj", "attr", "oprd"):
                code = self.codes_by_object.get(f"{root}|{lem}|{lemma(c)}")
                if code:
                    return code
        return self.codes_by_lemma.get(f"{root}|{lem}") or f"{root}0"

    def propose(self, sent, taken: set[int], actor_tokens: set[int], rule_roots: dict[int, str],
                scored: list | None = None) -> list[Candidate]:
        """Candidates at the words no rule has used, where the model is confident of an event; every
        word's best root and probability go to `scored` when given (--explain)."""
        toks = [t for t in trigger_tokens(sent) if t.i not in taken]
        if not toks or not any(sent.start <= i < sent.end for i in actor_tokens):
            return []
        if any(t.lower_ in SPORT_WORDS for t in sent):
            return []  # "South Africa lifted the Rugby World Cup": the sports page is no place for a guess
        bag = sentence_context(sent)
        feats = [token_features(t, actor_tokens, rule_roots, bag) for t in toks]
        probs = self.probabilities(feats)
        out = []
        for tok, p, f in zip(toks, probs, feats):
            k = int(p.argmax())
            if scored is not None:
                best = int(p[1:].argmax()) + 1  # its likeliest root, even where "no event" is likelier
                scored.append({"word": tok.text, "root": CLASSES[best], "p": float(p[best]),
                               "fired": bool(k != 0 and p[k] >= self.threshold)})
            if k == 0 or p[k] < self.threshold:
                continue
            root = CLASSES[k]
            code = self.code_for(tok, root, f)
            rule = f"model {self.name}: '{tok.text}' root {root} p={p[k]:.2f}, code {code}"
            if tok.pos_ == "NOUN" and _light(tok):  # "lodged a protest": the light verb's subject acts
                verb = tok.head
                out.append(Candidate(code, rule, [verb, tok], subjects(verb), _default_targets(verb, tok),
                                     clause_of(tok), confidence=round(float(p[k]) * 0.7, 3), scores={"detector": float(p[k])}))
                continue
            if tok.pos_ == "NOUN":  # "Russia's annexation of Crimea", "talks with his Russian counterpart"
                owners = _noun_sources(tok)
                if not owners:  # "X expressed optimism during a visit to Tbilisi": the clause's subject
                    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                    owners = subjects(verb) if verb is not None else []
                targets = [t for t in _prep_objects(tok, NOUN_TARGET_PREPS) if t not in owners]
                out.append(Candidate(code, rule + " (nominal)", [tok], owners, targets, clause_of(tok),
                                     confidence=round(float(p[k]) * 0.6, 3), scores={"detector": float(p[k])}))
                continue
            targets = _default_targets(tok, None)
            if is_passive(tok) and not targets:
                targets = passive_subjects(tok)
            out.append(Candidate(code, rule, [tok], subjects(tok), targets, clause_of(tok),
                                 confidence=round(float(p[k]) * 0.8, 3), scores={"detector": float(p[k])}))
        return out

    def recode(self, cands: list[Candidate], actor_tokens: set[int], rule_roots: dict[int, str]) -> list[Candidate]:
        """Where the lexicon's reading of a word and the model's disagree on the root and the model is
        sure (p >= recode_threshold), the model's root wins ("shot" by troops is an assault, not a
        protest); the rule says so. (Letting a sure "no event" drop lexicon candidates was tried: it
        lost more recall than it gained precision on the held-out tenth.)"""
        todo = [c for c in cands if c.entry is not None and c.action and c.action[0].pos_ in ("VERB", "NOUN")]
        if not todo or self.recode_threshold >= 1.0:
            return cands
        bags = {sent.start: sentence_context(sent) for sent in {c.action[0].sent for c in todo}}
        feats = [token_features(c.action[0], actor_tokens, rule_roots, bags[c.action[0].sent.start]) for c in todo]
        probs = self.probabilities(feats)
        mutual = set(self.meta.get("mutual_codes", ()))
        for cand, p, f in zip(todo, probs, feats):
            k = int(p.argmax())
            root = CLASSES[k]
            words = [t.text for t in cand.action]
            if k == 0 or root == cand.code[:2] or p[k] < self.recode_threshold:
                # the root stands; the code within it, in context, where the model is sure of another
                found = self.code_in_context(f, cand.code[:2]) if self.code_threshold < 1.0 else None
                # an entry that named its objects ("halt" talks, consultations: 164) is swapped for a sibling
                # code (163) only where the model is very sure
                named = bool(cand.entry.object_lemmas)
                if found is not None and found[0] != cand.code and (
                        found[1] >= (NAMED_OBJECT_SWAP if named else self.code_threshold)
                        or (refines(found[0], cand.code) and found[1] >= self.refine_threshold
                            # "met" (040, coded both ways) refined to a visit (042, one way) would lose
                            # the meeting's second event: the model is not that sure.
                            and (not coded_both_ways(cand.code, words, mutual)
                                 or coded_both_ways(found[0], words, mutual)))):
                    cand.rule += f"; model {self.name}: code {found[0]} p={found[1]:.2f} over the lexicon's {cand.code}"
                    cand.code = found[0]
                continue
            code = self.code_for(cand.action[0], root, f)
            cand.rule += f"; model {self.name}: root {root} p={p[k]:.2f} over the lexicon's {cand.code}, code {code}"
            cand.code = code
            cand.scores.update(recoded=True, detector=float(p[k]))
        return cands

    @property
    def recode_threshold(self) -> float:
        return float(self.meta.get("recode_threshold", 1.0))

    @property
    def code_threshold(self) -> float:
        return float(self.meta.get("code_threshold", 1.0))

    @property
    def refine_threshold(self) -> float:
        """Below code_threshold, the model may still make a lexicon code more specific ("accused" 112
        -> 1123 "of aggression"): a child code keeps the lexicon's reading and adds what the context says."""
        return float(self.meta.get("refine_threshold", self.code_threshold))

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        used = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        extra = {"codes_by_object": self.codes_by_object, "codes_by_lemma": self.codes_by_lemma,
                 "threshold": self.threshold, "bits": self.bits, **self.meta}
        extra["code_models"] = {root: codes for root, (codes, _) in sorted(self.code_models.items())}
        arrays = {}
        if self.gate is not None:
            rows = np.flatnonzero(np.abs(self.gate).sum(axis=1))
            arrays["gate_rows"], arrays["gate_weights"] = rows.astype(np.int32), self.gate[rows].astype(np.float16)
            extra["gate_bits"] = int(self.gate.shape[0]).bit_length() - 1
        for root, (_, w) in self.code_models.items():
            rows = np.flatnonzero(np.abs(w).sum(axis=1))
            arrays[f"code_{root}_rows"] = rows.astype(np.int32)
            arrays[f"code_{root}_weights"] = w[rows].astype(np.float16)
            extra[f"code_{root}_bits"] = int(w.shape[0]).bit_length() - 1
        if self.deep is not None:
            arrays.update(self.deep.arrays())
        if self.gate_deep is not None:
            arrays.update(self.gate_deep.arrays("gate_deep_"))
        with open(path, "wb") as fh:
            np.savez_compressed(fh, rows=used.astype(np.int32), weights=self.weights[used].astype(np.float16),
                                meta=np.frombuffer(json.dumps(extra, sort_keys=True).encode(), dtype=np.uint8),
                                **arrays)

    @classmethod
    def load(cls, path: Path) -> "Detector":
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            weights = np.zeros((1 << meta["bits"], len(CLASSES)), dtype=np.float32)
            weights[data["rows"]] = data["weights"].astype(np.float32)
            code_models = {}
            for root, codes in (meta.pop("code_models", None) or {}).items():
                w = np.zeros((1 << meta.pop(f"code_{root}_bits"), len(codes)), dtype=np.float32)
                w[data[f"code_{root}_rows"]] = data[f"code_{root}_weights"].astype(np.float32)
                code_models[root] = (codes, w)
            deep = DeepScorer.from_arrays(data) if "deep_rows" in data.files else None
            gate_deep = DeepScorer.from_arrays(data, "gate_deep_") if "gate_deep_rows" in data.files else None
            gate = None
            if "gate_rows" in data.files:
                gate = np.zeros((1 << meta.pop("gate_bits"), 2), dtype=np.float32)
                gate[data["gate_rows"]] = data["gate_weights"].astype(np.float32)
        return cls(weights=weights, bits=meta.pop("bits"), codes_by_object=meta.pop("codes_by_object"),
                   codes_by_lemma=meta.pop("codes_by_lemma"), threshold=meta.pop("threshold"), meta=meta,
                   code_models=code_models, gate=gate, deep=deep, gate_deep=gate_deep)


@dataclass
class DeepScorer(HashedLayer):
    """A bag of learned feature vectors through one ReLU layer into the 21 classes: the same hashed
    features as the linear detector, but combinations of them count ("said" with an actor as subject and
    a clause as object). w2 [dim, 21]; b2 [21].
    """

    b2: np.ndarray

    def probabilities(self, hashed: list[np.ndarray]) -> np.ndarray:
        z = self.hidden(hashed) @ self.w2 + self.b2
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str = "deep_") -> dict[str, np.ndarray]:
        return {**super().arrays(prefix), f"{prefix}b2": self.b2.astype(np.float32)}

    @classmethod
    def from_arrays(cls, data, prefix: str = "deep_") -> "DeepScorer":
        return cls(**cls.stored(data, prefix), b2=data[f"{prefix}b2"])


def train_deep(examples: list[list[str]], labels: list[int], *, bits: int, dim: int, epochs: int, rate: float,
               vector_rate: float, l2: float, min_count: int, seed: int, batch: int = 128,
               classes: int = len(CLASSES)) -> DeepScorer:
    """Fit a DeepScorer by minibatch AdaGrad, deterministic for a seed. Few epochs: on the held-out tenth
    it overfits after three."""
    mask = (1 << bits) - 1
    hashed = [np.fromiter((_h(f, mask) for f in feats), dtype=np.int64, count=len(feats)) for feats in examples]
    counts = np.bincount(np.concatenate(hashed), minlength=1 << bits)
    keep = counts >= min_count
    hashed = [h[keep[h]] for h in hashed]
    y = np.asarray(labels)
    rng = np.random.default_rng(seed)
    vectors = rng.normal(0.0, 0.05, (1 << bits, dim)) * keep[:, None]
    g_vectors = np.full_like(vectors, 1e-8)
    b1, w2, b2 = np.zeros(dim), rng.normal(0.0, 0.1, (dim, classes)), np.zeros(classes)
    g_b1, g_w2, g_b2 = np.full_like(b1, 1e-8), np.full_like(w2, 1e-8), np.full_like(b2, 1e-8)
    for _ in range(epochs):
        order = rng.permutation(len(hashed))
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            rows = [hashed[i] for i in idx]
            lengths = np.array([len(r) for r in rows])
            flat = np.concatenate(rows)
            sums = np.zeros((len(idx), dim))
            if len(flat):
                offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
                nonempty = lengths > 0
                sums[nonempty] = np.add.reduceat(vectors[flat], offsets[nonempty], axis=0)
            a = sums + b1
            h = np.maximum(a, 0)
            z = h @ w2 + b2
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            grad_a = (p @ w2.T) * (a > 0)
            for param, grad, acc in ((w2, h.T @ p / len(idx), g_w2), (b2, p.mean(axis=0), g_b2),
                                     (b1, grad_a.mean(axis=0), g_b1)):
                acc += grad * grad
                param -= rate * grad / np.sqrt(acc)
            if len(flat):
                grad = np.repeat(grad_a, lengths, axis=0) + l2 * vectors[flat]
                np.add.at(g_vectors, flat, grad * grad)
                np.subtract.at(vectors, flat, vector_rate * grad / np.sqrt(g_vectors[flat]))
    kept = np.flatnonzero(keep)
    row_of = np.full(1 << bits, -1, dtype=np.int64)
    row_of[kept] = np.arange(len(kept))
    return DeepScorer(rows=row_of, vectors=vectors[kept].astype(np.float32), b1=b1.astype(np.float32),
                      w2=w2.astype(np.float32), b2=b2.astype(np.float32))


def refines(code: str, general: str) -> bool:
    """Whether `code` is a more specific code under `general`: 1123 under 112, any 02x code under 020
    (a root's "not specified" code stands for the whole root)."""
    if code == general:
        return False
    if general == general[:2] + "0":
        return code[:2] == general[:2]
    return code.startswith(general)


def train_weights(examples: list[list[str]], labels: list[int], *, bits: int, epochs: int, rate: float,
                  l2: float, seed: int, batch: int = 128, classes: int = len(CLASSES)) -> np.ndarray:
    """Multinomial logistic regression by minibatch AdaGrad over hashed features, deterministic."""
    mask = (1 << bits) - 1
    hashed = [np.fromiter((_h(f, mask) for f in feats), dtype=np.int64, count=len(feats)) for feats in examples]
    y = np.asarray(labels)
    W = np.zeros((1 << bits, classes))
    G = np.full_like(W, 1e-8)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(len(hashed))
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            rows = [hashed[i] for i in idx]
            lengths = np.array([len(r) for r in rows])
            flat = np.concatenate(rows)
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            z = np.add.reduceat(W[flat], offsets, axis=0)
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            grad = np.repeat(p, lengths, axis=0) + l2 * W[flat]
            np.add.at(G, flat, grad * grad)
            np.subtract.at(W, flat, rate * grad / np.sqrt(G[flat]))
    return W


class DetectorRecorder:
    """Records every candidate word's features while the corpus is coded: the detector's training data."""

    def __init__(self):
        self.records: list[tuple[str, int, int, list[str], str, str, tuple[int, int]]] = []
        # Every sentence's gate features: (article id, start char, end char, features).
        self.sentences: list[tuple[str, int, int, list[str]]] = []

    def record(self, article_id: str, sent, actor_tokens: set[int], rule_roots: dict[int, str],
               actor_kinds: dict[int, str] | None = None) -> None:
        from .gate import sentence_features

        self.sentences.append((article_id, sent.start_char, sent.end_char,
                               sentence_features(sent, actor_tokens, rule_roots, actor_kinds)))
        bag = sentence_context(sent)
        for tok in trigger_tokens(sent):
            obj = next((lemma(c) for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")), "")
            head = tok.head
            self.records.append((article_id, tok.idx, tok.idx + len(tok.text),
                                 token_features(tok, actor_tokens, rule_roots, bag), lemma(tok), obj,
                                 (head.idx, head.idx + len(head.text))))


def model_path() -> Path:
    from .choose import data_path

    return data_path(MODEL_FILE)


@lru_cache(maxsize=1)
def shipped_detector() -> Detector | None:
    path = model_path()
    return Detector.load(path) if path.exists() else None
