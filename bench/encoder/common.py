"""Loading the cached words/embeddings, and the metrics."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import zlib

import numpy as np

CLASSES = ["NONE", *[f"{i:02d}" for i in range(1, 21)]]
THRESHOLD = 0.5  # CONFIG["detector_threshold"]: the shipped coder fires only on argmax root with p >= 0.5


def load():
    corpus = [json.loads(l) for l in open(f"{WORK}/words_corpus.jsonl")]
    blind = [json.loads(l) for l in open(f"{WORK}/words_blind.jsonl")]
    emb = {}
    for name in ("corpus", "blind"):
        emb[name] = {k: np.load(f"{WORK}/emb_{name}_{k}.npy").astype(np.float32) for k in ("word", "sent", "rec")}
    fold = np.array([w["fold"] for w in corpus])
    parts = {}
    for part, m in (("train", fold == "train"), ("heldout", fold == "heldout")):
        idx = np.flatnonzero(m)
        parts[part] = dict(words=[corpus[i] for i in idx], y=np.array([CLASSES.index(corpus[i]["label"]) for i in idx]),
                           **{k: v[idx] for k, v in emb["corpus"].items()})
    parts["blind"] = dict(words=blind, y=np.array([CLASSES.index(w["label"]) for w in blind]), **emb["blind"])
    for part, name in (("train", "train_oof"), ("heldout", "heldout"), ("blind", "blind")):
        parts[part]["base"] = np.load(f"{WORK}/base_{name}.npy")
    for p in parts.values():
        p["rec_fold"] = np.array([zlib.crc32(w["id"].encode()) % 5 for w in p["words"]])
    return parts


def predict(P, thresholded):
    k = P.argmax(1)
    if thresholded:
        k = np.where(P[np.arange(len(k)), k] >= THRESHOLD, k, 0)
    return k


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(P, y, thresholded=False):
    k = predict(P, thresholded)
    ev = prf(int(((k == y) & (k != 0)).sum()), int((k != 0).sum()), int((y != 0).sum()))
    det = prf(int(((k != 0) & (y != 0)).sum()), int((k != 0).sum()), int((y != 0).sum()))
    g = y != 0
    root_acc = float((P[g, 1:].argmax(1) + 1 == y[g]).mean())  # the likeliest root, NONE aside
    return dict(ev_p=ev[0], ev_r=ev[1], ev_f=ev[2], det_p=det[0], det_r=det[1], det_f=det[2], root_acc=root_acc)


def fmt(m):
    return (f"event P/R/F1 {m['ev_p']:.3f}/{m['ev_r']:.3f}/{m['ev_f']:.3f} | ev-vs-none P/R/F1 "
            f"{m['det_p']:.3f}/{m['det_r']:.3f}/{m['det_f']:.3f} | root acc {m['root_acc']:.3f}")
