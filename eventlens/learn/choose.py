"""The learned choosers the coder calls for each event, and the recorder used to train them.

The coder hands over the event as the rules found it (action word, sources, code, the rule's targets);
a chooser lists every plausible target (eventlens.learn.targets) or source (eventlens.learn.sources),
scores them with the shipped ranker and returns the winner, with a note for the event's `rule` that names
the model, its version, the kind of actor chosen and its probability.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..coding.grammar import expand_conj
from . import sources, targets
from .linear import Ranker

MODEL_FILE = "targets.npz"
SOURCE_MODEL_FILE = "sources.npz"
# "None" (the event is not coded) wins only when it is at least this likely; below it the likeliest
# actor is taken. Chosen on a held-out tenth of the corpus.
SOURCE_NONE_AT = 0.5
# The target's is higher since session 8: 0.5 and 0.6 measured the same on the tenth and dev, and at
# 0.5 the hard negatives of slice r tipped implied counterparts the codebook asks for into none.
TARGET_NONE_AT = 0.6
# A target the ranker is this sure of brings the actors listed with it ("mediation between Hamas and
# Fatah"); below it, the extra events were mostly wrong on the held-out tenth (session 11: 16 of 84
# right below 0.7, 36 of 70 at or above it). A source it picks does not: 9 of 29 right at any p.
LIST_AT = 0.7


def data_path(name: str) -> Path:
    """Where a shipped model file lives (eventlens/learn/data/)."""
    return Path(str(resources.files("eventlens.learn").joinpath("data", name)))


def model_path() -> Path:
    return data_path(MODEL_FILE)


def source_model_path() -> Path:
    return data_path(SOURCE_MODEL_FILE)


def _load(path: Path) -> Ranker | None:
    return Ranker.load(path) if path.exists() else None


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    return _load(model_path())


@lru_cache(maxsize=1)
def shipped_source_ranker() -> Ranker | None:
    return _load(source_model_path())


def _listed(win, ctx, exclude: set[str]) -> list:
    """The chosen actor and the actors listed with it: the ranker picks one mention, and a list is acted
    on as a whole, unless it holds the source's country (then it is the source's co-actors)."""
    if win.head is None:
        return [win.ref]
    top = win.head
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    members = expand_conj(top)
    if len(members) < 2:
        return [win.ref]
    refs = [win.ref]
    for tok in members:
        ref = ctx["actors"].resolve(tok, speaker=ctx["speaker"], in_quote=ctx["in_quote"], remember=False,
                                    owner="modifier")
        if ref is not None and (ref.country or ref.code) in exclude:
            return [win.ref]  # "the leaders of Russia, Ukraine and France agreed": the source's co-actors
        if ref is not None and all(ref.code != r.code for r in refs):
            refs.append(ref)
    return refs


def _note(role: str, name: str, win, p: float, listed: int = 1) -> str:
    also = f" and the {listed - 1} listed with it" if listed > 1 else ""
    return f"; {role} by {name}: {win.kind} {win.ref.code if win.ref else 'none'} p={p:.2f}{also}"


class SourceChooser:
    """Picks a source when the rules' subject words name no actor; none means the event is not coded."""

    def __init__(self, ranker: Ranker):
        self.ranker = ranker
        self.name = f"sources@{ranker.meta.get('version', '?')}"

    def __call__(self, **ctx):
        ctx.pop("article_id", None)
        trace = ctx.pop("trace", None)
        cands = sources.candidates(**ctx)
        probs = self.ranker.probabilities([c.features for c in cands])
        if trace is not None:
            trace += [(c.kind, c.ref.code if c.ref else None, float(p)) for c, p in zip(cands, probs)]
        best = int(probs.argmax())
        if cands[best].ref is None and probs[best] < SOURCE_NONE_AT and len(cands) > 1:
            best = max((i for i, c in enumerate(cands) if c.ref is not None), key=lambda i: probs[i])
        win = cands[best]
        return ([win.ref] if win.ref is not None else []), _note("source", self.name, win, probs[best]), \
            (win.kind, float(probs[best]))


class TargetChooser:
    """Picks the target of an event whose lexicon entry or construction found none (the coder keeps the
    targets they found: "sanctions on Russia and Belarus")."""

    def __init__(self, ranker: Ranker):
        self.ranker = ranker
        self.name = f"targets@{ranker.meta.get('version', '?')}"

    def __call__(self, **ctx):
        may_drop = ctx.pop("may_drop", True)
        ctx.pop("article_id", None)
        trace = ctx.pop("trace", None)
        cands = targets.candidates(**ctx)
        probs = self.ranker.probabilities([c.features for c in cands])
        if trace is not None:
            trace += [(c.kind, c.ref.code if c.ref else None, float(p)) for c, p in zip(cands, probs)]
        # P(target is this actor) adds up the roads that reach it.
        total: dict[str, float] = {}
        for c, p in zip(cands, probs):
            key = c.ref.code if c.ref else "-"
            total[key] = total.get(key, 0.0) + float(p)
        if not may_drop:
            total.pop("-", None)  # the team's constructions are not overruled by none
        if total.get("-", 0.0) < TARGET_NONE_AT and len(total) > 1:
            total.pop("-", None)
        if not total:
            return [], "; no target", ("none", None)
        key = max(total, key=lambda k: (total[k], k))
        best = max((i for i, c in enumerate(cands) if (c.ref.code if c.ref else "-") == key), key=lambda i: probs[i])
        win = cands[best]
        chosen = (win.kind, total[key])
        if win.ref is None:
            return [], _note("target", self.name, win, total[key]), chosen
        refs = [win.ref] if total[key] < LIST_AT else \
            _listed(win, ctx, exclude={s.country or s.code for s in ctx.get("sources") or ()})
        return refs, _note("target", self.name, win, total[key], len(refs)), chosen


class CandidateRecorder:
    """Records every event's candidates (targets, or sources of subject-less events) and leaves the rules'
    choice alone: the rankers' training data."""

    def __init__(self, role: str = "target"):
        self.candidates = targets.candidates if role == "target" else sources.candidates
        self.records: list[dict] = []

    def __call__(self, **ctx):
        ctx.pop("may_drop", None)
        ctx.pop("trace", None)
        article_id = ctx.pop("article_id")
        cands = self.candidates(**ctx)
        anchor = ctx["anchor"]
        self.records.append({
            "article_id": article_id, "anchor": (anchor.idx, anchor.idx + len(anchor.text)),
            "source": ctx["sources"][0].code if ctx.get("sources") else "", "code": ctx["code"],
            "candidates": [(c.kind, c.ref.code if c.ref else None, c.features) for c in cands],
        })
        return None


def default_chooser() -> TargetChooser | None:
    ranker = shipped_ranker()
    return TargetChooser(ranker) if ranker is not None else None


def default_source_chooser() -> SourceChooser | None:
    ranker = shipped_source_ranker()
    return SourceChooser(ranker) if ranker is not None else None
