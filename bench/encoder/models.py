"""The model families. Each fit_predict(cfg, parts, parts_to_score) trains on parts['train'] only and
returns {part: probabilities [N, 21]} for the parts asked for."""
import numpy as np
from sklearn.linear_model import LogisticRegression

from joint import hash_rows, predict_joint, train_joint

BLOCKS = {"w": ("word",), "ws": ("word", "sent"), "wr": ("word", "rec"), "wsr": ("word", "sent", "rec")}


def dense(parts, blocks, subsample_none=1.0, seed=0):
    """Standardised (train mean/std) dense inputs for each part; a train mask when NONE is subsampled."""
    Xs = {k: np.hstack([p[b] for b in BLOCKS[blocks]]) for k, p in parts.items()}
    mu, sd = Xs["train"].mean(0), Xs["train"].std(0) + 1e-6
    Xs = {k: (v - mu) / sd for k, v in Xs.items()}
    y = parts["train"]["y"]
    keep = np.ones(len(y), bool)
    if subsample_none < 1.0:
        rng = np.random.default_rng(seed)
        keep = (y != 0) | (rng.random(len(y)) < subsample_none)
    return Xs, keep


def logbase(P):
    return np.log(np.clip(P, 1e-6, 1.0))


def fit_predict(cfg, parts, score=("heldout",)):
    kind = cfg["kind"]
    y = parts["train"]["y"]
    if kind == "base":
        return {k: parts[k]["base"] for k in score}
    if kind in ("emb", "stack", "stack_only"):
        if kind == "stack_only":
            Xs = {k: logbase(p["base"]) for k, p in parts.items()}
            keep = np.ones(len(y), bool)
        else:
            Xs, keep = dense(parts, cfg["blocks"], cfg.get("sub", 1.0))
            if kind == "stack":
                Xs = {k: np.hstack([v, cfg.get("base_scale", 1.0) * logbase(parts[k]["base"])]) for k, v in Xs.items()}
        lr = LogisticRegression(C=cfg["C"], max_iter=cfg.get("iters", 300), tol=1e-4)
        lr.fit(Xs["train"][keep], y[keep])
        out = {}
        for k in score:
            P = lr.predict_proba(Xs[k])
            full = np.zeros((len(P), 21))
            full[:, lr.classes_] = P
            if cfg.get("sub", 1.0) < 1.0:  # undo the NONE subsampling's prior shift
                full[:, 0] /= cfg["sub"]
                full /= full.sum(1, keepdims=True)
            out[k] = full
        return out
    if kind == "mlp":  # a one-hidden-layer net on the embedding (optionally with the OOF baseline log-probs)
        from sklearn.neural_network import MLPClassifier
        Xs, keep = dense(parts, cfg["blocks"])
        if cfg.get("with_base"):
            Xs = {k: np.hstack([v, logbase(parts[k]["base"])]) for k, v in Xs.items()}
        net = MLPClassifier(hidden_layer_sizes=(cfg.get("hidden", 256),), alpha=cfg.get("alpha", 1e-3),
                            early_stopping=True, validation_fraction=0.1, max_iter=60, random_state=0)
        net.fit(Xs["train"], y)
        out = {}
        for k in score:
            full = np.zeros((len(Xs[k]), 21))
            full[:, net.classes_] = net.predict_proba(Xs[k])
            out[k] = full
        return out
    if kind == "joint":
        Xs, _ = dense(parts, cfg["blocks"])
        H = {k: hash_rows([w["feats"] for w in parts[k]["words"]], 18) for k in ("train", *score)}
        W, V = train_joint(H["train"], Xs["train"], y, epochs=cfg.get("epochs", 8), rate=cfg.get("rate", 0.1),
                           dense_rate=cfg["dense_rate"], dense_l2=cfg.get("dense_l2", 1e-4))
        return {k: predict_joint(W, V, H[k], Xs[k]) for k in score}
    raise ValueError(kind)
