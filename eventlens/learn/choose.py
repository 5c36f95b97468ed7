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

from .linear import Ranker
from .targets import candidates

MODEL_FILE = "targets.npz"


def model_path() -> Path:
    return Path(str(resources.files("eventlens.learn").joinpath("data", MODEL_FILE)))


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    path = model_path()
    return Ranker.load(path) if path.exists() else None


class TargetChooser:
    """Picks each event's target with the ranker; keeps every rule target when the rule's pick wins
    (coordinated targets: "sanctions on Russia and Belarus")."""

    def __init__(self, ranker: Ranker, explain: bool = False):
        self.ranker = ranker
        self.name = f"targets@{ranker.meta.get('version', '?')}"
        self.explain = explain
        self.last: list[dict] = []  # what --explain shows for the latest event

    def __call__(self, **ctx):
        cands = candidates(**{k: v for k, v in ctx.items() if k != "article_id"})
        probs = self.ranker.probabilities([c.features for c in cands])
        best = int(probs.argmax())
        win = cands[best]
        if self.explain:
            self.last = [{"kind": c.kind, "target": c.ref.code if c.ref else None, "p": round(float(p), 3),
                          "why": self.ranker.top_features(c.features)} for c, p in zip(cands, probs)]
        note = f"; target by {self.name}: {win.kind} {win.ref.code if win.ref else 'none'} p={probs[best]:.2f}"
        if win.kind == "rule":
            return [c.ref for c in cands if c.kind == "rule"], note
        if win.ref is None:
            return [], note
        return [win.ref], note


class TargetRecorder:
    """Records every event's candidates and leaves the rules' choice alone: the training data."""

    def __init__(self):
        self.records: list[dict] = []

    def __call__(self, **ctx):
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
