"""The learned target chooser the coder calls for each event, and the recorder used to train it.

The coder hands over the event as the rules found it (action word, sources, code, the rule's targets);
the chooser lists every plausible target (eventlens.learn.targets), scores them with the shipped ranker
and returns the winner, with a note for the event's `rule` that names the model, its version, the kind
of target chosen and its probability.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import sources as source_candidates
from .linear import Ranker
from .targets import candidates

MODEL_FILE = "targets.npz"
# Whether a target the lexicon entry's slots found may be overruled by "no target".
KEEP_RULE_TARGETS = True
# A source the rules could not find is taken only when the ranker is this sure of it.
SOURCE_MIN_P = 0.0
SOURCE_MODEL_FILE = "sources.npz"


def model_path() -> Path:
    return Path(str(resources.files("eventlens.learn").joinpath("data", MODEL_FILE)))


def source_model_path() -> Path:
    return Path(str(resources.files("eventlens.learn").joinpath("data", SOURCE_MODEL_FILE)))


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    path = model_path()
    return Ranker.load(path) if path.exists() else None


@lru_cache(maxsize=1)
def shipped_source_ranker() -> Ranker | None:
    path = source_model_path()
    return Ranker.load(path) if path.exists() else None


class SourceChooser:
    """Picks a source when the rules' subject words name no actor."""

    def __init__(self, ranker: Ranker):
        self.ranker = ranker
        self.name = f"sources@{ranker.meta.get('version', '?')}"

    def __call__(self, **ctx):
        cands = source_candidates.candidates(**{k: v for k, v in ctx.items() if k != "article_id"})
        probs = self.ranker.probabilities([c.features for c in cands])
        best = int(probs.argmax())
        win = cands[best]
        note = f"; source by {self.name}: {win.kind} {win.ref.code if win.ref else 'none'} p={probs[best]:.2f}"
        if probs[best] < SOURCE_MIN_P:
            return [], note
        return ([win.ref] if win.ref is not None else []), note


class SourceRecorder:
    """Records the source candidates of events whose subject names no actor; keeps them uncoded."""

    def __init__(self):
        self.records: list[dict] = []

    def __call__(self, **ctx):
        cands = source_candidates.candidates(**{k: v for k, v in ctx.items() if k != "article_id"})
        anchor = ctx["anchor"]
        self.records.append({
            "article_id": ctx["article_id"], "anchor": (anchor.idx, anchor.idx + len(anchor.text)),
            "source": "", "code": ctx["code"],
            "candidates": [(c.kind, c.ref.code if c.ref else None, c.features) for c in cands],
        })
        return None


class TargetChooser:
    """Picks each event's target with the ranker; keeps every rule target when the rule's pick wins
    (coordinated targets: "sanctions on Russia and Belarus")."""

    def __init__(self, ranker: Ranker, explain: bool = False):
        self.ranker = ranker
        self.name = f"targets@{ranker.meta.get('version', '?')}"
        self.explain = explain
        self.last: list[dict] = []  # what --explain shows for the latest event

    def __call__(self, **ctx):
        may_drop = ctx.pop("may_drop", True)
        cands = candidates(**{k: v for k, v in ctx.items() if k != "article_id"})
        probs = self.ranker.probabilities([c.features for c in cands])
        # P(target is this actor) adds up the roads that reach it; "none" may not overrule a target
        # the lexicon entry's own slots found when KEEP_RULE_TARGETS is set.
        total: dict[str, float] = {}
        for c, p in zip(cands, probs):
            key = c.ref.code if c.ref else "-"
            total[key] = total.get(key, 0.0) + float(p)
        if (KEEP_RULE_TARGETS and any(c.kind == "rule" for c in cands)) or not may_drop:
            total.pop("-", None)  # the team's constructions are precise: the ranker places, never drops
        if not total:
            return [], "; no target"
        key = max(total, key=lambda k: (total[k], k))
        best = max((i for i, c in enumerate(cands) if (c.ref.code if c.ref else "-") == key), key=lambda i: probs[i])
        probs = probs.copy()
        probs[best] = total[key]
        win = cands[best]
        if self.explain:
            self.last = [{"kind": c.kind, "target": c.ref.code if c.ref else None, "p": round(float(p), 3),
                          "why": self.ranker.top_features(c.features)} for c, p in zip(cands, probs)]
        note = f"; target by {self.name}: {win.kind} {win.ref.code if win.ref else 'none'} p={probs[best]:.2f}"
        if win.kind == "rule" or "rule" in win.also:
            return [c.ref for c in cands if c.kind == "rule"], note
        if win.ref is None:
            return [], note
        return [win.ref], note


class TargetRecorder:
    """Records every event's candidates and leaves the rules' choice alone: the training data."""

    def __init__(self):
        self.records: list[dict] = []

    def __call__(self, **ctx):
        ctx.pop("may_drop", None)
        cands = candidates(**{k: v for k, v in ctx.items() if k != "article_id"})
        anchor = ctx["anchor"]
        self.records.append({
            "article_id": ctx["article_id"], "anchor": (anchor.idx, anchor.idx + len(anchor.text)),
            "source": ctx["sources"][0].code, "code": ctx["code"],
            "candidates": [(c.kind, c.ref.code if c.ref else None, c.features) for c in cands],
        })
        return None


def default_chooser() -> TargetChooser | None:
    ranker = shipped_ranker()
    return TargetChooser(ranker) if ranker is not None else None


def default_source_chooser() -> SourceChooser | None:
    ranker = shipped_source_ranker()
    return SourceChooser(ranker) if ranker is not None else None
