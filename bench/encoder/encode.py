"""Encode every record with MiniLM (numpy forward, one thread) and cache, aligned with the word files:
word vector (mean of the wordpieces overlapping the word's chars), its sentence's mean, the record's mean.

usage: encode.py corpus|blind   -> $ENCODER_WORK/emb_{name}_{word,sent,rec}.npy (float16), emb_{name}_info.json
"""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import re
import sys
import time

import numpy as np

from minilm_np import Encoder

name = sys.argv[1]
texts = {d["id"]: d["text"] for d in map(json.loads, open(f"{WORK}/texts_{name}.jsonl"))}
words = [json.loads(l) for l in open(f"{WORK}/words_{name}.jsonl")]
by_rec: dict[str, list[int]] = {}
for n, w in enumerate(words):
    by_rec.setdefault(w["id"], []).append(n)
# heldout records first, so that a cut-short run still covers the evaluation fold
order = sorted(by_rec, key=lambda r: (words[by_rec[r][0]]["fold"] != "heldout", r))

SENT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")

enc = Encoder()
N = len(words)
wv = np.zeros((N, 384), np.float16)
sv = np.zeros((N, 384), np.float16)
rv = np.zeros((N, 384), np.float16)
missing, truncated, times = 0, 0, []
t0 = time.perf_counter()
for k, rid in enumerate(order):
    text = texts[rid]
    t = time.perf_counter()
    h, offs, ids = enc.encode(text)
    times.append(time.perf_counter() - t)
    truncated += len(ids) == enc.max_len
    real = ~((offs[:, 0] == 0) & (offs[:, 1] == 0))
    real[0] = False
    real[-1] = False
    rec = h.mean(0)  # sentence-transformers' mean pooling: every token incl. [CLS]/[SEP]
    cuts = [0] + [m.end() for m in SENT.finditer(text)] + [len(text) + 1]
    for n in by_rec[rid]:
        s, e = words[n]["start"], words[n]["end"]
        m = real & (offs[:, 0] < e) & (offs[:, 1] > s)
        if m.any():
            wv[n] = h[m].mean(0)
        else:
            missing += 1  # beyond the truncation: the record vector stands in
            wv[n] = rec
        j = max(i for i in range(len(cuts) - 1) if cuts[i] <= s)
        ms = real & (offs[:, 0] >= cuts[j]) & (offs[:, 1] <= cuts[j + 1])
        sv[n] = h[ms].mean(0) if ms.any() else rec
        rv[n] = rec
    if k % 1000 == 0:
        print(f"{name}: {k}/{len(order)} records, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
np.save(f"{WORK}/emb_{name}_word.npy", wv)
np.save(f"{WORK}/emb_{name}_sent.npy", sv)
np.save(f"{WORK}/emb_{name}_rec.npy", rv)
json.dump({"records": len(order), "words": N, "missing": missing, "truncated": truncated,
           "median_ms": 1000 * float(np.median(times)), "mean_ms": 1000 * float(np.mean(times)),
           "total_s": time.perf_counter() - t0}, open(f"{WORK}/emb_{name}_info.json", "w"))
print(name, "done", open(f"{WORK}/emb_{name}_info.json").read(), file=sys.stderr)
