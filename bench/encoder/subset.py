"""Analysis only (no selection): the final configs' metrics on the words no lexicon rule covers
(feature "rule=None"), which is where the shipped detector proposes events; and on the words a rule covers."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import numpy as np
from common import load, metrics, fmt
from models import fit_predict
parts = load()
cfgs = {"base": {"kind": "base"}, "stack:ws": {"kind": "stack", "blocks": "ws", "C": 0.003},
        "joint:ws": {"kind": "joint", "blocks": "ws", "dense_rate": 0.01, "epochs": 12}}
out = {}
for name, cfg in cfgs.items():
    P = fit_predict(cfg, parts, ("heldout", "blind"))
    for part in ("heldout", "blind"):
        norule = np.array(["rule=None" in w["feats"] for w in parts[part]["words"]])
        for sub, m in (("rule=None", norule), ("rule root", ~norule)):
            r = metrics(P[part][m], parts[part]["y"][m], True)
            out[f"{name}|{part}|{sub}"] = r
            print(f"{name:9s} {part:7s} {sub:9s} n={m.sum():5d} gold ev={(parts[part]['y'][m] != 0).sum():4d}  thr: {fmt(r)}", flush=True)
json.dump(out, open(f"{WORK}/subset_results.json", "w"), indent=1)
