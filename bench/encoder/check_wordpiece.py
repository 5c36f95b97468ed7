"""Does wordpiece.py give the same ids as `tokenizers` on every text? (offsets checked where no accents)"""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
from tokenizers import Tokenizer
from wordpiece import WordPiece
tk = Tokenizer.from_file(f"{WORK}/model/tokenizer.json"); tk.no_truncation(); tk.no_padding()
wp = WordPiece()
n = bad = badoff = 0
for name in ("corpus", "blind"):
    for d in map(json.loads, open(f"{WORK}/texts_{name}.jsonl")):
        e = tk.encode(d["text"]); ids = e.ids[:255] + [e.ids[-1]] if len(e.ids) > 256 else e.ids
        mine, offs = wp.encode(d["text"])
        n += 1
        if mine != ids:
            bad += 1
            if bad <= 3: print("ids differ:", d["id"], [(a, b) for a, b in zip(mine, ids) if a != b][:5])
        elif [tuple(o) for o in e.offsets[:len(offs)]] != offs and len(ids) <= 256:
            badoff += 1
print(f"{n} texts, {bad} with different ids, {badoff} with different offsets")
