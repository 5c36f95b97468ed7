"""Heldout-only grid: trains each config on fold train, scores fold heldout, appends to tune_results.jsonl.
usage: tune.py FAMILY   (configs per family below). Never touches blind."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json, sys, time
from common import load, metrics, fmt
from models import fit_predict

GRIDS = {
    "base": [{"kind": "base"}],
    "emb": [{"kind": "emb", "blocks": b, "C": c} for b in ("w", "ws", "wsr") for c in (0.01, 0.1, 1.0)],
    "stack": [{"kind": "stack_only", "C": 1.0}]
             + [{"kind": "stack", "blocks": b, "C": c} for b in ("w", "ws") for c in (0.01, 0.1, 1.0)],
    "mlp": [{"kind": "mlp", "blocks": "ws", "alpha": a} for a in (1e-3, 1e-2)]
           + [{"kind": "mlp", "blocks": "ws", "alpha": a, "with_base": True} for a in (1e-3, 1e-2)],
    "extra": [{"kind": "emb", "blocks": "ws", "C": 0.003}, {"kind": "stack", "blocks": "w", "C": 0.003},
              {"kind": "stack", "blocks": "ws", "C": 0.003}, {"kind": "joint", "blocks": "ws", "dense_rate": 0.01, "epochs": 12},
              {"kind": "joint", "blocks": "ws", "dense_rate": 0.01, "dense_l2": 1e-3}],
    "joint": [{"kind": "joint", "blocks": b, "dense_rate": r} for b in ("w", "ws") for r in (0.003, 0.01, 0.03)],
}
parts = load()
fam = sys.argv[1]
for cfg in GRIDS[fam]:
    t = time.perf_counter()
    P = fit_predict(cfg, parts, ("heldout",))["heldout"]
    y = parts["heldout"]["y"]
    row = {"cfg": cfg, "argmax": metrics(P, y), "thr": metrics(P, y, True), "fit_s": round(time.perf_counter() - t, 1)}
    print(json.dumps(cfg), f"{row['fit_s']}s\n  argmax: {fmt(row['argmax'])}\n  thr0.5: {fmt(row['thr'])}", flush=True)
    with open(f"{WORK}/tune_results.jsonl", "a") as fh:
        fh.write(json.dumps(row) + "\n")
