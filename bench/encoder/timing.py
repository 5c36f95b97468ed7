"""Encoder cost: ms per record (median over 300 blind texts) for the numpy forward pass on one thread,
tokenised with `tokenizers` and with the pure-Python wordpiece.py. Run with OMP/MKL/OPENBLAS_NUM_THREADS=1."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json, time
import numpy as np
from minilm_np import Encoder, forward, load_weights
from wordpiece import WordPiece

texts = [json.loads(l)["text"] for l in open(f"{WORK}/texts_blind.jsonl")][:300]
t = time.perf_counter(); W = load_weights(); load_s = time.perf_counter() - t
enc = Encoder(); wp = WordPiece()
for x in texts[:10]:
    enc.encode(x)
res = {"weights_load_s": round(load_s, 2), "mean_wordpieces": float(np.mean([len(enc.tok.encode(x).ids) for x in texts]))}
for name, fn in (("numpy+tokenizers", lambda x: enc.encode(x)),
                 ("numpy+own_wordpiece", lambda x: forward(W, np.asarray(wp.encode(x)[0], dtype=np.int64))),
                 ("own_wordpiece_only", lambda x: wp.encode(x))):
    ts = []
    for x in texts:
        t = time.perf_counter(); fn(x); ts.append(time.perf_counter() - t)
    res[name] = {"median_ms": round(1000 * float(np.median(ts)), 2), "mean_ms": round(1000 * float(np.mean(ts)), 2),
                 "total_s_300": round(float(np.sum(ts)), 2)}
print(json.dumps(res, indent=1))
json.dump(res, open(f"{WORK}/timing_encoder.json", "w"), indent=1)
