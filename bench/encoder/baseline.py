"""(a) The shipped hashed detector, retrained on fold train with the shipped settings; its probabilities
on heldout and blind, and 5-fold out-of-fold probabilities (folds by record id) on train.

run with the project's .venv/bin/python (needs eventlens) -> $ENCODER_WORK/base_{train_oof,heldout,blind}.npy
"""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import sys
import time
import zlib

import numpy as np

sys.path.insert(0, str(REPO))
from eventlens.learn.detect import CLASSES, _h, train_weights  # noqa: E402
from eventlens.learn.train import CONFIG  # noqa: E402

corpus = [json.loads(l) for l in open(f"{WORK}/words_corpus.jsonl")]
blind = [json.loads(l) for l in open(f"{WORK}/words_blind.jsonl")]
train = [w for w in corpus if w["fold"] == "train"]
held = [w for w in corpus if w["fold"] == "heldout"]
kw = dict(bits=CONFIG["detector_bits"], epochs=CONFIG["detector_epochs"], rate=CONFIG["detector_rate"],
          l2=CONFIG["l2"], seed=CONFIG["seed"])
print("settings", kw, "threshold", CONFIG["detector_threshold"], file=sys.stderr)


def fit(words):
    return train_weights([w["feats"] for w in words], [CLASSES.index(w["label"]) for w in words], **kw)


def probs(W, words):
    mask = (1 << kw["bits"]) - 1
    z = np.stack([W[[_h(f, mask) for f in w["feats"]]].sum(0) for w in words])
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


t = time.perf_counter()
W = fit(train)
print(f"full fit {time.perf_counter() - t:.0f} s", file=sys.stderr)
np.save(f"{WORK}/base_heldout.npy", probs(W, held))
np.save(f"{WORK}/base_blind.npy", probs(W, blind))
# out-of-fold: the model that scores a train word never saw its record
fold = np.array([zlib.crc32(w["id"].encode()) % 5 for w in train])
oof = np.zeros((len(train), len(CLASSES)))
for f in range(5):
    W = fit([w for w, g in zip(train, fold) if g != f])
    idx = np.flatnonzero(fold == f)
    oof[idx] = probs(W, [train[i] for i in idx])
    print(f"fold {f} done {time.perf_counter() - t:.0f} s", file=sys.stderr)
np.save(f"{WORK}/base_train_oof.npy", oof)
