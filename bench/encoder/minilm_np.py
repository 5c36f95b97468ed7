"""A BERT (MiniLM-L6-H384) forward pass in plain numpy over the package's safetensors weights.

Only numpy is needed at run time for the forward pass; the weights are read with safetensors (or
could be converted once to .npz). Tokenisation: `tokenizers` (fast, gives char offsets) or the small
pure-Python WordPiece below (wordpiece.py)."""
from __future__ import annotations
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)

import numpy as np

MODEL_DIR = f"{WORK}/model"


def load_weights(path: str = MODEL_DIR + "/model.safetensors") -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    w = load_file(path)
    out = {k: np.ascontiguousarray(v) for k, v in w.items()}
    # pre-transpose the dense matrices (torch Linear stores [out, in]) and fuse Q, K, V
    for i in range(6):
        p = f"encoder.layer.{i}."
        out[p + "qkv.w"] = np.concatenate([out[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")], 0).T.copy()
        out[p + "qkv.b"] = np.concatenate([out[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
        for name in ("attention.output.dense", "intermediate.dense", "output.dense"):
            out[p + name + ".wt"] = out[p + name + ".weight"].T.copy()
    return out


def _layer_norm(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


_C = np.float32(np.sqrt(2.0 / np.pi))


def _gelu(x):
    # the tanh form of GELU; differs from the erf form by < 1e-3 per activation
    return 0.5 * x * (1.0 + np.tanh(_C * (x + np.float32(0.044715) * x * x * x)))


def forward(W: dict, ids: np.ndarray, heads: int = 12) -> np.ndarray:
    """Last hidden states [T, 384] for one unpadded sequence of wordpiece ids (with [CLS]/[SEP])."""
    T = len(ids)
    x = W["embeddings.word_embeddings.weight"][ids] + W["embeddings.position_embeddings.weight"][:T] \
        + W["embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"])
    H = x.shape[1]
    d = H // heads
    scale = np.float32(1.0 / np.sqrt(d))
    for i in range(6):
        p = f"encoder.layer.{i}."
        qkv = x @ W[p + "qkv.w"] + W[p + "qkv.b"]                       # [T, 3H]
        q, k, v = (qkv[:, j * H:(j + 1) * H].reshape(T, heads, d).transpose(1, 0, 2) for j in range(3))
        s = (q @ k.transpose(0, 2, 1)) * scale                          # [h, T, T]
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(1, 0, 2).reshape(T, H)
        a = a @ W[p + "attention.output.dense.wt"] + W[p + "attention.output.dense.bias"]
        x = _layer_norm(a + x, W[p + "attention.output.LayerNorm.weight"], W[p + "attention.output.LayerNorm.bias"])
        h = _gelu(x @ W[p + "intermediate.dense.wt"] + W[p + "intermediate.dense.bias"])
        h = h @ W[p + "output.dense.wt"] + W[p + "output.dense.bias"]
        x = _layer_norm(h + x, W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"])
    return x


class Encoder:
    def __init__(self, model_dir: str = MODEL_DIR, max_len: int = 256):
        from tokenizers import Tokenizer

        self.W = load_weights(model_dir + "/model.safetensors")
        self.tok = Tokenizer.from_file(model_dir + "/tokenizer.json")
        self.tok.no_truncation()
        self.tok.no_padding()
        self.max_len = max_len

    def encode(self, text: str):
        """(hidden [T, 384], char offsets [T, 2]) with [CLS]/[SEP], truncated to max_len wordpieces."""
        e = self.tok.encode(text)
        ids, offs = e.ids, e.offsets
        if len(ids) > self.max_len:
            ids = ids[:self.max_len - 1] + [ids[-1]]
            offs = offs[:self.max_len - 1] + [offs[-1]]
        return forward(self.W, np.asarray(ids, dtype=np.int64)), np.asarray(offs), ids

    def sentence_embedding(self, text: str) -> np.ndarray:
        h, _, _ = self.encode(text)
        v = h.mean(0)
        return v / np.linalg.norm(v)
