"""Dump every candidate trigger word (the corpus and the blind set) with its features and root label."""
from paths import REPO, WORK  # noqa: E402  (the work folder: $ENCODER_WORK, default /tmp/enc)
import sys, json
sys.path.insert(0, str(REPO))
from pathlib import Path
from eventlens.learn import train as T
from eventlens.learn.corpus import read_records
from eventlens.learn.detect import CLASSES
extra = []  # the corpus is corpus/train/*.jsonl; extra files may be added here
recs = [r for p in T.corpus_files() + [Path(p) for p in extra] for r in read_records(p)]
blind = read_records(str(REPO / 'eval' / 'blind' / 'blind.jsonl'))
for name, rs in (('corpus', recs), ('blind', blind)):
    words = T.record_candidates(rs, record_words=True)[2].records
    gold = {r['id']: r for r in rs}
    ex, labels, codes, _, _ = T.detector_data(words, gold)
    with open(f'{WORK}/words_{name}.jsonl', 'w') as fh:
        for w, y, c in zip(words, labels, codes):
            rid, s, e, feats = w[0], w[1], w[2], w[3]
            fold = 'blind' if name == 'blind' else ('heldout' if T._fold(rid, 10) == 1 else 'train')
            fh.write(json.dumps({'id': rid, 'fold': fold, 'start': s, 'end': e, 'label': CLASSES[y], 'code': c, 'feats': feats}) + '\n')
    with open(f'{WORK}/texts_{name}.jsonl', 'w') as fh:
        for r in rs:
            fh.write(json.dumps({'id': r['id'], 'text': r['text']}) + '\n')
    print(name, len(words), sum(1 for y in labels if y), file=sys.stderr)
