"""A small pure-Python BERT-uncased tokenizer (basic split + greedy WordPiece) with char offsets, so that
a numpy-only runtime needs no `tokenizers` wheel. Checked against `tokenizers` in check_wordpiece.py."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import json
import unicodedata


def _is_punct(ch):
    o = ord(ch)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(o):
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF or 0x2A700 <= o <= 0x2B73F
            or 0x2B740 <= o <= 0x2B81F or 0x2B820 <= o <= 0x2CEAF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F)


class WordPiece:
    def __init__(self, tokenizer_json=f"{WORK}/model/tokenizer.json"):
        self.vocab = json.load(open(tokenizer_json, encoding="utf-8"))["model"]["vocab"]
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]

    def _words(self, text):
        """(normalised word, start, end) in the original text's chars."""
        out, cur, start = [], [], 0

        def flush(end):
            if cur:
                out.append(("".join(cur), start, end))
                cur.clear()

        for i, ch in enumerate(text):
            o = ord(ch)
            cat = unicodedata.category(ch)
            if o == 0 or o == 0xFFFD or (cat.startswith("C") and ch not in "\t\n\r"):
                continue  # clean_text drops control chars
            if ch.isspace() or cat == "Zs":
                flush(i)
                continue
            if _is_punct(ch) or _is_cjk(o):
                flush(i)
                norm = self._norm(ch)
                if norm:
                    out.append((norm, i, i + 1))
                continue
            if not cur:
                start = i
            cur.append(self._norm(ch))
        flush(len(text))
        return [w for w in out if w[0]]

    @staticmethod
    def _norm(ch):
        # lowercase, then strip accents (NFD, drop combining marks), as BERT-uncased does
        s = unicodedata.normalize("NFD", ch.lower())
        return "".join(c for c in s if unicodedata.category(c) != "Mn")

    def encode(self, text, max_len=256):
        ids, offs = [self.cls], [(0, 0)]
        for word, s, e in self._words(text):
            if len(word) > 100:
                ids.append(self.unk)
                offs.append((s, e))
                continue
            pieces, i, bad = [], 0, False
            while i < len(word):
                j = len(word)
                while j > i:
                    sub = word[i:j] if i == 0 else "##" + word[i:j]
                    if sub in self.vocab:
                        pieces.append((self.vocab[sub], i, j))
                        break
                    j -= 1
                if j == i:
                    bad = True
                    break
                i = j
            if bad:
                ids.append(self.unk)
                offs.append((s, e))
            else:
                # normalised and original chars align one-to-one except where accents were stripped
                same = len(word) == e - s
                for pid, a, b in pieces:
                    ids.append(pid)
                    offs.append((s + a, s + b) if same else (s, e))
        if len(ids) > max_len - 1:
            ids, offs = ids[:max_len - 1], offs[:max_len - 1]
        ids.append(self.sep)
        offs.append((0, 0))
        return ids, offs
