"""Final configurations (chosen on heldout from tune_results.jsonl: best thresholded event F1 per family),
scored ONCE on heldout and blind, with a paired bootstrap (by record, 1000 draws) of the event-F1 gain
over the baseline. -> final_results.json"""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import numpy as np
from common import load, metrics, fmt, CLASSES
from models import fit_predict

rows = [json.loads(l) for l in open(f"{WORK}/tune_results.jsonl")]
fam = lambda c: {"stack_only": "stack_only", "base": "base"}.get(c["kind"], c["kind"] + ":" + c.get("blocks", "") + ("+base" if c.get("with_base") else ""))
best = {}
for r in rows:
    f = fam(r["cfg"])
    if f not in best or r["thr"]["ev_f"] > best[f]["thr"]["ev_f"]:
        best[f] = r
best.pop('emb:wsr', None)  # the 3-block variant: no better than emb:ws on heldout; left out of the final table
parts = load()


def boot(P, Q, part, thr, n=1000):
    """Paired bootstrap over records of event F1(P) - F1(Q)."""
    y = parts[part]["y"]
    ids = np.array([w["id"] for w in parts[part]["words"]])
    uniq, inv = np.unique(ids, return_inverse=True)
    rng = np.random.default_rng(0)
    kP = P.argmax(1); kQ = Q.argmax(1)
    if thr:
        kP = np.where(P.max(1) >= 0.5, kP, 0); kQ = np.where(Q.max(1) >= 0.5, kQ, 0)
    def counts(k):  # per record: tp, npred, ngold
        return np.stack([np.bincount(inv, ((k == y) & (k != 0)).astype(float), len(uniq)),
                         np.bincount(inv, (k != 0).astype(float), len(uniq)),
                         np.bincount(inv, (y != 0).astype(float), len(uniq))], 1)
    cP, cQ = counts(kP), counts(kQ)
    f1 = lambda c: 2 * c[..., 0] / (c[..., 1] + c[..., 2])
    d = []
    for _ in range(n):
        s = rng.integers(0, len(uniq), len(uniq))
        d.append(f1(cP[s].sum(0)) - f1(cQ[s].sum(0)))
    d = np.array(d)
    return [round(float(np.percentile(d, 2.5)), 4), round(float(np.percentile(d, 97.5)), 4), round(float((d <= 0).mean()), 3)]


out = {}
base = {k: parts[k]["base"] for k in ("heldout", "blind")}
for f, r in best.items():
    P = fit_predict(r["cfg"], parts, ("heldout", "blind"))
    res = {"cfg": r["cfg"]}
    for part in ("heldout", "blind"):
        y = parts[part]["y"]
        for mode, thr in (("argmax", False), ("thr", True)):
            res[f"{part}_{mode}"] = metrics(P[part], y, thr)
            if f != "base":
                res[f"{part}_{mode}_gain_ci95_pneg"] = boot(P[part], base[part], part, thr)
    out[f] = res
    print(f, json.dumps(r["cfg"]))
    for k in ("heldout_argmax", "heldout_thr", "blind_argmax", "blind_thr"):
        print(f"  {k:15s} {fmt(res[k])}  gain CI/p(<=0): {res.get(k + '_gain_ci95_pneg', '')}")
    np.save(f"{WORK}/final_probs_{f.replace(':', '_')}_blind.npy", P["blind"])
json.dump(out, open(f"{WORK}/final_results.json", "w"), indent=1)
